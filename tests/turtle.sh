#!/bin/sh
# turtle.sh: diplograph's Turtle holds exactly the triples of its
# N-Triples.  Four corpora: the sample article; the development articles
# (../shared/corpus/dev beside the source tree, else our own articles:
# tests/data/**/*.txt and the sample); the torture corpus of
# tests/mktorture (names and text that need every escape); and a corpus
# made by bench/mkcorpus (JSON Lines, as the benchmark runs).  Each is
# written as N-Triples and as Turtle; rapper (Raptor), serdi (Serd),
# rdflib and Jena's riot (--validate, then its N-Triples) each parse the
# Turtle, and the triples each finds, as N-Triples (by rapper) and
# sorted, must equal the sorted N-Triples output byte for byte: every
# IRI, label and text round-trips exactly.  The Turtle is the same for
# -j 1 and -j 2.  Run by `make check` (which sets top_srcdir and
# top_builddir).  Needs rapper, serdi, python3-rdflib, java and
# libapache-jena-java (scripts/install-deps).

top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
DG="$top_builddir/src/diplograph"
PY=/usr/bin/python3
JENA="$top_srcdir/scripts/jena"
SAMPLE="$top_srcdir/samples/blinken-xi-beijing.txt"
DEV="$top_srcdir/../shared/corpus/dev"

for tool in rapper serdi java; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "skip: $tool is not installed (scripts/install-deps installs it)"
        exit 77
    fi
done
if ! "$PY" -c 'import rdflib' 2>/dev/null; then
    echo "skip: $PY cannot import rdflib (apt-get install python3-rdflib)"
    exit 77
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/dg-turtle.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT INT TERM
. "$top_srcdir/tests/testlib.sh"

# canonical: N-Triples on stdin as rapper writes them, sorted.
canonical() {
    rapper -q -i ntriples -o ntriples - http://base.invalid/ | LC_ALL=C sort
}

# export NAME ARGS...: NAME.nt and NAME.ttl from diplograph ARGS.
export_corpus() {
    name=$1
    shift
    if "$DG" -q -f ntriples "$@" >"$T/$name.nt" 2>"$T/err" &&
        "$DG" -q -f turtle "$@" >"$T/$name.ttl" 2>>"$T/err"; then
        ok "$name: exported ($(wc -l <"$T/$name.nt" | tr -d ' ') triples)"
    else
        bad "$name: export failed:"
        sed 's/^/    /' "$T/err" | head -n 5
    fi
    canonical <"$T/$name.nt" >"$T/$name.want"
    corpora="$corpora $name"
}

# equal NAME GOT WANT: the sorted N-Triples files are identical.
equal() {
    if cmp -s "$2" "$3"; then
        ok "$1 ($(wc -l <"$3" | tr -d ' ') triples)"
    else
        bad "$1: the triples differ (- N-Triples output, + from the Turtle):"
        diff "$3" "$2" | head -n 6 | cut -c1-300 | sed 's/^/    /'
    fi
}

corpora=""
export_corpus sample "$SAMPLE"
if [ -d "$DEV" ]; then
    export_corpus dev "$DEV"/*.txt
    dev="$DEV"
else
    dev="$T/own"
    mkdir "$dev"
    n=0
    for f in "$SAMPLE" $(find "$top_srcdir/tests/data" -name '*.txt' | LC_ALL=C sort); do
        n=$((n + 1))
        cp "$f" "$dev/$n.txt"
    done
    export_corpus own "$dev"/*.txt
fi
mkdir "$T/torture"
"$top_srcdir/tests/mktorture" "$T/torture" || exit 99
title=$(cat "$T/torture/title.txt"; printf x)
title=${title%x}
export_corpus torture --lexicon "$T/torture/lex" --title "$title" \
    "$T/torture/torture.txt"
"$top_srcdir/bench/mkcorpus" 1 "$T/bench-all.jsonl" "$dev" >/dev/null &&
    head -n 60 "$T/bench-all.jsonl" >"$T/bench.jsonl" || exit 99
export_corpus bench --input-format jsonl "$T/bench.jsonl"

for c in $corpora; do
    rapper -q -i turtle -o ntriples "$T/$c.ttl" >"$T/got" 2>"$T/err" ||
        bad "$c: rapper fails on the Turtle: $(head -c 300 "$T/err")"
    canonical <"$T/got" >"$T/got.sorted"
    equal "$c: rapper finds the triples of the N-Triples" "$T/got.sorted" "$T/$c.want"

    serdi -i turtle -o ntriples "$T/$c.ttl" >"$T/got" 2>"$T/err" ||
        bad "$c: serdi fails on the Turtle: $(head -c 300 "$T/err")"
    canonical <"$T/got" >"$T/got.sorted"
    equal "$c: serdi finds the triples of the N-Triples" "$T/got.sorted" "$T/$c.want"

    # rdflib keeps a set: compared with the distinct triples.
    "$PY" - "$T/$c.ttl" >"$T/got" 2>"$T/err" <<'EOF' ||
import sys, rdflib
g = rdflib.Graph()
g.parse(sys.argv[1], format="turtle")
sys.stdout.buffer.write(g.serialize(format="nt", encoding="utf-8"))
EOF
        bad "$c: rdflib fails on the Turtle: $(tail -n 1 "$T/err")"
    canonical <"$T/got" >"$T/got.sorted"
    LC_ALL=C sort -u "$T/$c.want" >"$T/want.set"
    equal "$c: rdflib finds the triples of the N-Triples" "$T/got.sorted" "$T/want.set"
done

# Jena: one run validates every corpus, one more reads them all (a JVM
# start is the slow part); its triples are compared all together.
ttls=""
for c in $corpora; do ttls="$ttls $T/$c.ttl"; done
# shellcheck disable=SC2086  # the file list is meant to split
expect "riot --validate accepts every Turtle file" 0 "$JENA" riotcmd.riot --validate $ttls
# shellcheck disable=SC2086
"$JENA" riotcmd.riot --output=ntriples $ttls >"$T/got" 2>"$T/err" ||
    bad "riot fails on the Turtle: $(head -c 300 "$T/err")"
canonical <"$T/got" >"$T/got.sorted"
for c in $corpora; do cat "$T/$c.want"; done | LC_ALL=C sort >"$T/want.all"
equal "every corpus: riot finds the triples of the N-Triples" "$T/got.sorted" "$T/want.all"

# Per article: the same Turtle whatever the number of workers.
"$DG" -q -j 2 -f turtle --input-format jsonl "$T/bench.jsonl" >"$T/j2.ttl"
same "bench: -j 2 writes the Turtle of -j 1" "$T/bench.ttl" "$T/j2.ttl"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
