#!/bin/sh
# jsonld.sh: -f jsonld.  The committed context is the one
# scripts/jsonld-context makes from the ontology; the document references
# it by IRI and declares `id:`; its triples, expanded by an independent
# JSON-LD 1.1 processor (pyld, given the context by a local document
# loader: there is no network), are exactly those of -f nquads, for the
# sample, a dated article with a title and source, another base IRI, the
# dev articles (when ../shared/corpus/dev exists), the test articles and
# a JSON Lines batch; the output is strict JSON and byte-identical for
# every -j; an IRI JSON-LD would misread is refused.
# Run by `make check` (which sets top_srcdir and top_builddir).

top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
DG="$top_builddir/src/diplograph"
CTX="$top_srcdir/ontology/context.jsonld"
CHECK="$top_srcdir/tests/jsonld-check"
DEV="$top_srcdir/../shared/corpus/dev"

T=$(mktemp -d "${TMPDIR:-/tmp}/dg-jsonld.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT INT TERM
. "$top_srcdir/tests/testlib.sh"

/usr/bin/python3 -c 'import pyld, rdflib' 2>/dev/null \
    || bad "/usr/bin/python3 cannot import pyld and rdflib (scripts/install-deps installs python3-pyld and python3-rdflib)"

expect "generate the context" 0 "$top_srcdir/scripts/jsonld-context"
same "ontology/context.jsonld is up to date (make jsonld-context)" "$CTX" "$T/out"

# round ARGS...: -f jsonld and -f nquads of the same input agree
round() {
    name=$1
    shift
    "$DG" -q -f jsonld "$@" >"$T/r.jsonld" 2>"$T/r.err" &&
        "$DG" -q -f nquads "$@" >"$T/r.nq" 2>>"$T/r.err" ||
        { bad "$name: diplograph failed: $(cat "$T/r.err")"; return; }
    if /usr/bin/python3 "$CHECK" "$CTX" "$T/r.jsonld" "$T/r.nq" >"$T/r.out" 2>&1
    then ok "$name: $(cat "$T/r.out")"
    else bad "$name:"; sed 's/^/    /' "$T/r.out" | head -24; fi
}

SAMPLE="$top_srcdir/samples/blinken-xi-beijing.txt"
expect "sample" 0 "$DG" -f jsonld "$SAMPLE"
cp "$T/out" "$T/sample.jsonld"
has_line "context by IRI" "$T/sample.jsonld" \
    '    "https://w3id.org/diplograph/ns/context.jsonld",'
has_line "id: prefix for the base" "$T/sample.jsonld" \
    '    {"id": {"@id": "https://w3id.org/diplograph/id/", "@prefix": true}}'
has_line "one named graph per article" "$T/sample.jsonld" \
    '      "@id": "id:graph/2229afc028605acb",'
has_line "class term" "$T/sample.jsonld" '          "@type": "Meeting",'
has_line "coerced IRI" "$T/sample.jsonld" \
    '          "location": "id:place/beijing",'
has_line "coerced datatype" "$T/sample.jsonld" '          "endIndex": "184",'
has_line "typed value" "$T/sample.jsonld" \
    '          "duration": "P3D",'
has_line "Wikidata link" "$T/sample.jsonld" \
    '          "sameAs": "http://www.wikidata.org/entity/Q148",'
/usr/bin/python3 -c '
import json, sys
def strict(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("member name twice: %r" % keys)
    return dict(pairs)
json.load(open(sys.argv[1], encoding="utf-8"), object_pairs_hook=strict)
' "$T/sample.jsonld" 2>"$T/err" && ok "strict JSON (no member twice)" \
    || bad "not strict JSON: $(cat "$T/err")"
round "sample" "$SAMPLE"
round "dated, titled, sourced" --date 2024-04-26 --title 'Talks "today"' \
    --source https://example.org/news/1 "$top_srcdir/tests/data/linked/identifiers.txt"
round "a base that ends in no gen-delim" -b https://example.org/kg- "$SAMPLE"
round "awkward text" "$top_srcdir/tests/data/awkward.txt"
round "lone carriage returns" "$top_srcdir/tests/data/awkward-cr.txt"
round "an empty article" /dev/null
round "a JSON Lines batch" --input-format jsonl "$top_srcdir/tests/data/batch/good.jsonl"

n=0
for art in "$DEV"/*.txt; do
    [ -f "$art" ] || continue
    meta=${art%.txt}.meta
    date=$(sed -n 's/^date: *\([0-9][0-9-]*\)$/\1/p' "$meta" 2>/dev/null | head -n 1)
    src=$(sed -n 's/^source: *\(http[^ ]*\)$/\1/p' "$meta" 2>/dev/null | head -n 1)
    round "dev $(basename "$art" .txt)" ${date:+--date "$date"} ${src:+--source "$src"} "$art"
    n=$((n + 1))
done
[ "$n" -gt 0 ] || echo "note: no dev corpus at $DEV: dev articles not checked"

# -j: byte-identical documents, one named graph per article
i=0
while [ $i -lt 12 ]; do
    i=$((i + 1))
    { cat "$SAMPLE"; echo "Report $i."; } >"$T/many-$(printf %02d $i).txt"
done
"$DG" -j 1 -f jsonld "$T"/many-*.txt >"$T/j1.jsonld"
for j in 2 3 8; do
    "$DG" -j "$j" -f jsonld "$T"/many-*.txt >"$T/jn.jsonld"
    same "-j $j = -j 1" "$T/jn.jsonld" "$T/j1.jsonld"
done
round "12 articles" -j 2 "$T"/many-*.txt
"$DG" -j 1 -f jsonld --input-format jsonl "$top_srcdir/tests/data/batch/good.jsonl" >"$T/b1.jsonld"
"$DG" -j 2 -f jsonld --input-format jsonl "$top_srcdir/tests/data/batch/good.jsonl" >"$T/b2.jsonld"
same "JSON Lines: -j 2 = -j 1" "$T/b2.jsonld" "$T/b1.jsonld"

# an IRI whose scheme is a prefix of the context would be misread
expect "an IRI JSON-LD would misread" 1 "$DG" -f jsonld --source dip:x "$SAMPLE"
has_line "its message" "$T/err" \
    "diplograph: $SAMPLE: refusing to write <dip:x> in JSON-LD: its scheme is a prefix of the context"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
