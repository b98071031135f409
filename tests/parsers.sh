#!/bin/sh
# parsers.sh: diplograph's output read back by three independent parsers.
# The sample article is exported in every format; rapper (Raptor), serdi
# (Serd) and rdflib must each find the same number of triples in the
# Turtle and the N-Triples, and rdflib must find the same triples in all
# formats it reads.  A small article full of awkward characters (quotes,
# backslashes, tabs, a lone carriage return, other scripts) must survive
# the Turtle round trip with its text unchanged; characters above U+FFFF
# must survive both JSON formats, read by a strict JSON reader.  The
# ontology must parse.  (tests/turtle.sh compares the Turtle's triples
# with the N-Triples' on larger corpora, with four parsers.)
# Run by `make check` (which sets top_srcdir and top_builddir).

top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
DG="$top_builddir/src/diplograph"
PY=/usr/bin/python3
SAMPLE="$top_srcdir/samples/blinken-xi-beijing.txt"
ONTOLOGY="$top_srcdir/ontology/diplomacy.ttl"

for tool in rapper serdi; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "skip: $tool is not installed (scripts/install-deps installs it)"
        exit 77
    fi
done
if ! "$PY" -c 'import rdflib' 2>/dev/null; then
    echo "skip: $PY cannot import rdflib (apt-get install python3-rdflib)"
    exit 77
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/dg-parsers.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

# Triples rapper finds in FILE of SYNTAX ("" when it fails).
rapper_count() {
    if rapper -c -i "$2" "$1" >"$T/rapper.out" 2>&1; then
        sed -n 's/.*Parsing returned \([0-9][0-9]*\) triple.*/\1/p' "$T/rapper.out"
    else
        echo "rapper-failed"
        cat "$T/rapper.out" >&2
    fi
}

# Triples serdi finds in FILE of SYNTAX (lines of its N-Triples).
serdi_count() {
    serdi -i "$2" -o ntriples "$1" >"$T/serdi.nt" 2>"$T/serdi.err" \
        || { echo "serdi-failed"; cat "$T/serdi.err" >&2; return; }
    wc -l <"$T/serdi.nt" | tr -d ' '
}

# Triples rdflib finds in FILE of rdflib FORMAT.
rdflib_count() {
    "$PY" - "$1" "$2" <<'EOF' 2>&1
import sys, rdflib
g = rdflib.ConjunctiveGraph() if sys.argv[2] == "nquads" else rdflib.Graph()
g.parse(sys.argv[1], format=sys.argv[2])
print(len(g))
EOF
}

# same NAME A B: A and B are the same non-empty number.
same() {
    case "$2" in
        '' | *[!0-9]*) bad "$1: not a count: '$2'"; return ;;
    esac
    if [ "$2" = "$3" ] && [ "$2" -gt 0 ]; then ok "$1 ($2)"; else bad "$1: $2 vs $3"; fi
}

if ! "$DG" -f turtle -o "$T/s.ttl" "$SAMPLE" ||
    ! "$DG" -f ntriples -o "$T/s.nt" "$SAMPLE"; then
    bad "export of the sample"
    echo "$pass passed, $fail failed"
    exit 1
fi
n=$(wc -l <"$T/s.nt" | tr -d ' ')
same "rapper reads the Turtle" "$(rapper_count "$T/s.ttl" turtle)" "$n"
same "rapper reads the N-Triples" "$(rapper_count "$T/s.nt" ntriples)" "$n"
# The N-Triples lines come from Raptor's term writer: Raptor's own
# N-Triples serializer writes the same bytes, in the same order.
if rapper -q -i ntriples -o ntriples "$T/s.nt" | cmp -s - "$T/s.nt"; then
    ok "N-Triples byte-identical to Raptor's N-Triples serializer"
else bad "N-Triples differ from Raptor's N-Triples serializer"; fi
same "serdi reads the Turtle" "$(serdi_count "$T/s.ttl" turtle)" "$n"
same "serdi reads the N-Triples" "$(serdi_count "$T/s.nt" ntriples)" "$n"
same "rdflib reads the Turtle" "$(rdflib_count "$T/s.ttl" turtle)" "$n"
same "rdflib reads the N-Triples" "$(rdflib_count "$T/s.nt" nt)" "$n"

# The other formats: Raptor and rdflib read them back.
"$DG" -f nquads -o "$T/s.nq" "$SAMPLE" && "$DG" -f rdfxml -o "$T/s.rdf" "$SAMPLE" &&
    "$DG" -f json -o "$T/s.json" "$SAMPLE" || bad "export of nquads, rdfxml, json"
same "rapper reads the N-Quads" "$(rapper_count "$T/s.nq" nquads)" "$n"
same "rdflib reads the N-Quads" "$(rdflib_count "$T/s.nq" nquads)" "$n"
same "rapper reads the RDF/XML" "$(rapper_count "$T/s.rdf" rdfxml)" "$n"
same "rdflib reads the RDF/XML" "$(rdflib_count "$T/s.rdf" xml)" "$n"
same "rapper reads the JSON" "$(rapper_count "$T/s.json" json)" "$n"

# rdflib: Turtle, N-Triples, N-Quads and RDF/XML hold the same triples.
if "$PY" - "$T" <<'EOF'; then ok "rdflib: same triples in every format"; else bad "rdflib: formats differ"; fi
import sys, rdflib
d = sys.argv[1]
def triples(name, fmt):
    g = rdflib.ConjunctiveGraph() if fmt == "nquads" else rdflib.Graph()
    g.parse(d + "/" + name, format=fmt)
    return set((s, p, o) for s, p, o, *_ in (g.quads() if fmt == "nquads" else g))
ref = triples("s.nt", "nt")
for name, fmt in (("s.ttl", "turtle"), ("s.nq", "nquads"), ("s.rdf", "xml")):
    if triples(name, fmt) != ref:
        print("differs:", name); sys.exit(1)
EOF

# Awkward text survives Turtle and N-Triples: rdflib finds the whole
# article text, byte for byte, as a literal in both.
for input in awkward awkward-cr; do
    src="$top_srcdir/tests/data/$input.txt"
    "$DG" -f turtle -o "$T/a.ttl" "$src" && "$DG" -f ntriples -o "$T/a.nt" "$src" ||
        bad "export of $input.txt"
    grep -q "$(printf '\r')" "$T/a.ttl" && bad "$input: raw carriage return in the Turtle" \
        || ok "$input: no raw carriage return in the Turtle"
    na=$(wc -l <"$T/a.nt" | tr -d ' ')
    same "$input: serdi reads the Turtle" "$(serdi_count "$T/a.ttl" turtle)" "$na"
    same "$input: rapper reads the Turtle" "$(rapper_count "$T/a.ttl" turtle)" "$na"
    same "$input: rdflib reads the Turtle" "$(rdflib_count "$T/a.ttl" turtle)" "$na"
    for f in a.ttl:turtle a.nt:nt; do
        if "$PY" - "$T/${f%%:*}" "${f#*:}" "$src" <<'EOF'; then ok "$input: rdflib finds the text in ${f%%:*}"; else bad "$input: text lost in ${f%%:*}"; fi
import sys, rdflib
g = rdflib.Graph()
g.parse(sys.argv[1], format=sys.argv[2])
text = open(sys.argv[3], "rb").read().decode("utf-8")
sys.exit(0 if any(isinstance(o, rdflib.Literal) and str(o) == text for o in g.objects()) else 1)
EOF
    done
done

# JSON has no \U escape: characters above U+FFFF (in the text, the title
# and the source IRI) are surrogate pairs.  A strict reader (no duplicate
# names, no raw control characters, no lone surrogate) decodes each
# exactly, in both JSON formats.
printf 'Antony Blinken met Xi Jinping in Beijing \360\237\230\200 on Friday.\n' >"$T/astral.txt"
printf 'Music \360\235\204\236, \\U0001F600 and \364\217\277\275.\n' >>"$T/astral.txt"
title=$(printf 'Talks \360\237\230\200 \\U0001F600')
source=$(printf 'https://example.org/news/\360\237\230\200')
for f in json json-triples; do
    "$DG" -f $f --title "$title" --source "$source" -o "$T/astral.$f" "$T/astral.txt" ||
        bad "export of astral.txt as $f"
    if "$PY" - "$T/astral.$f" "$f" "$T/astral.txt" "$title" "$source" <<'EOF'; then ok "$f: strict JSON, the text, title and source decode exactly"; else bad "$f: not strict JSON or a value changed"; fi
import json, sys
path, fmt, text_path, title, source = sys.argv[1:6]
def no_duplicates(pairs):
    names = [k for k, _ in pairs]
    if len(set(names)) != len(names):
        raise ValueError("duplicate name")
    return dict(pairs)
doc = json.loads(open(path, encoding="utf-8").read(), strict=True,
                 object_pairs_hook=no_duplicates)
def strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for k, v in x.items():
            yield k
            yield from strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from strings(v)
for s in strings(doc):
    s.encode("utf-8")   # a lone surrogate raises
if fmt == "json":
    triples = [(s, p, o) for s, ps in doc.items() for p, os in ps.items() for o in os]
else:
    triples = [(t["subject"]["value"], t["predicate"]["value"], t["object"])
               for t in doc["triples"]]
def has(pred, value, kind):
    return any(p == pred and o["value"] == value and o["type"] == kind
               for _, p, o in triples)
text = open(text_path, "rb").read().decode("utf-8")
nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
dct = "http://purl.org/dc/terms/"
sys.exit(0 if has(nif + "isString", text, "literal") and
         has(dct + "title", title, "literal") and
         has(dct + "source", source, "uri") else 1)
EOF
done

# The ontology
if [ -f "$ONTOLOGY" ]; then
    m=$(rapper_count "$ONTOLOGY" turtle)
    same "rapper reads the ontology" "$m" "$m"
    same "rdflib reads the ontology" "$(rdflib_count "$ONTOLOGY" turtle)" "$m"
else
    bad "no ontology at $ONTOLOGY"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
