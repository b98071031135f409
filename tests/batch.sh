#!/bin/sh
# batch.sh: corpus input and output: directories, JSON Lines (good
# records, bad lines with their numbers, missing fields, a huge line,
# --keep-going), byte-identical output for every -j, articles in input
# order, per-article N-Quads graphs, and Turtle / RDF/XML / JSON of many
# articles parsed back as one document by rapper and rdflib.
# Run by `make check` (which sets top_srcdir and top_builddir).

top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
DG="$top_builddir/src/diplograph"
D="$top_srcdir/tests/data/batch"
T=$(mktemp -d "${TMPDIR:-/tmp}/dg-batch.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT INT TERM
PY=/usr/bin/python3

. "$top_srcdir/tests/testlib.sh"

# equal NAME GOT WANT: two strings are equal.
equal() {
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: got '$2', want '$3'"; fi
}

# ---------------------------------------------------------------- usage
expect "-j 0" 2 "$DG" -j 0 "$D/dir/a.txt"
has_line "-j 0 message" "$T/err" "diplograph: invalid --jobs '0' (1 to 1024)"
expect "--input-format xml" 2 "$DG" --input-format xml "$D/dir/a.txt"
has_line "--input-format message" "$T/err" "diplograph: unknown input format 'xml' (text, jsonl)"

# ---------------------------------------------------------------- directories
"$DG" -f ntriples "$D/dir/a.txt" "$D/dir/b.txt" "$D/dir/sub/c.txt" >"$T/files.nt"
expect "directory input" 0 "$DG" -f ntriples "$D/dir"
same "directory = its *.txt files in name order, recursively" "$T/out" "$T/files.nt"
cat "$D/dir/a.txt" | "$DG" -f ntriples >"$T/a.nt"
"$DG" -f ntriples "$D/dir/b.txt" >"$T/b.nt"
"$DG" -f ntriples "$D/dir/sub/c.txt" >"$T/c.nt"
cat "$T/a.nt" "$T/b.nt" "$T/c.nt" >"$T/abc.nt"
same "N-Triples of many = each article's, in input order" "$T/files.nt" "$T/abc.nt"
expect "-v summary" 0 "$DG" -v -f ntriples "$D/dir"
n=$(wc -l <"$T/files.nt")
has_line "-v per article" "$T/err" "diplograph: $D/dir/sub/c.txt: $(wc -l <"$T/c.nt") triples"
if grep -qE "^diplograph: 3 articles, $n triples, [0-9]+\.[0-9][0-9] seconds\$" "$T/err"; then
    ok "-v closing summary"; else bad "-v closing summary:"; cat "$T/err"; fi
expect "missing directory" 1 "$DG" "$T/nodir"
has_line "missing directory message" "$T/err" "diplograph: $T/nodir: No such file or directory"

# ---------------------------------------------------------------- JSON Lines
expect "JSON Lines" 0 "$DG" -v -f ntriples --input-format jsonl "$D/good.jsonl"
cp "$T/out" "$T/good.nt"
has_line "JSON Lines url" "$T/good.nt" \
    "$(grep -o '^<[^>]*/article/[0-9a-f]*>' "$T/good.nt" | head -1) <http://purl.org/dc/terms/source> <https://news.example.org/a1> ."
if grep -q '<http://purl.org/dc/terms/title> "Ministers meet"' "$T/good.nt"; then
    ok "JSON Lines title"; else bad "JSON Lines title"; fi
has_line "JSON Lines names FILE:LINE" "$T/err" "diplograph: $D/good.jsonl:4: $(wc -l <"$T/c.nt") triples"
# Record 1 has a date, which dates its events; compare records 2 and 3.
tail -n "$(($(wc -l <"$T/b.nt") + $(wc -l <"$T/c.nt")))" "$T/good.nt" >"$T/good23.nt"
cat "$T/b.nt" "$T/c.nt" >"$T/bc.nt"
same "JSON Lines text = the same text in files" "$T/good23.nt" "$T/bc.nt"
expect "JSON Lines on standard input" 0 sh -c "\"$DG\" -f ntriples --input-format jsonl <\"$D/good.jsonl\""
same "standard input JSON Lines" "$T/out" "$T/good.nt"

expect "bad line stops" 1 "$DG" -f ntriples --input-format jsonl -o "$T/bad.nt" "$D/bad.jsonl"
has_line "bad line message" "$T/err" "diplograph: $D/bad.jsonl:2: bad JSON at column 34: premature end of input near '\"unterminated'"
equal "only the bad line reported" "$(wc -l <"$T/err" | tr -d ' ')" 1
if [ -e "$T/bad.nt" ]; then bad "-o written after a bad line"; else ok "-o not written after a bad line"; fi

expect "--keep-going" 0 "$DG" -k -v -f ntriples --input-format jsonl "$D/bad.jsonl"
cp "$T/out" "$T/kept.nt"
has_line "missing field" "$T/err" "diplograph: $D/bad.jsonl:3: missing field \"text\""
has_line "field of another type" "$T/err" "diplograph: $D/bad.jsonl:4: field \"text\" is not a string"
has_line "not an object" "$T/err" "diplograph: $D/bad.jsonl:5: not a JSON object"
has_line "url not an IRI" "$T/err" "diplograph: $D/bad.jsonl:6: \"url\" is not an absolute IRI"
has_line "bad date" "$T/err" "diplograph: $D/bad.jsonl:7: bad date \"2024-13-45\": expected YYYY-MM-DD"
# Messages come in input order whatever the number of workers: the
# records' own (bad JSON, missing field) among the articles' (-v).
for j in 1 4; do
    "$DG" -k -v -j $j -f ntriples --input-format jsonl "$D/bad.jsonl" \
        2>&1 >/dev/null | sed -n 's/^diplograph: [^ ]*bad\.jsonl:\([0-9]*\): .*/\1/p' \
        | tr '\n' ' ' >"$T/order-$j"
    if [ "$(cat "$T/order-$j")" = "1 2 3 4 5 6 7 7 8 " ]; then
        ok "-j $j: messages in input order"
    else bad "-j $j: messages in order $(cat "$T/order-$j")"; fi
done
if grep -qE "^diplograph: 2 articles, 6 skipped, [0-9]+ triples, [0-9.]+ seconds\$" "$T/err"; then
    ok "summary counts articles and skipped records"; else bad "summary:"; cat "$T/err"; fi
cat "$T/b.nt" "$T/c.nt" >"$T/want-kept.nt"
same "--keep-going keeps the good records" "$T/kept.nt" "$T/want-kept.nt"

# A huge line: one article of 300 kB (the extractor is not linear in the
# article length, so not more), far past the 64 kB first line buffer.
$PY -c '
import json, sys
t = open(sys.argv[1], encoding="utf-8").read()
big = (t + "\n") * (300 * 1024 // (len(t) + 1) + 1)
open(sys.argv[2], "w").write(big)
print(json.dumps({"id": "big", "text": big}))' "$D/dir/a.txt" "$T/big.txt" >"$T/big.jsonl"
expect "huge line" 0 "$DG" -f ntriples --input-format jsonl "$T/big.jsonl"
"$DG" -f ntriples "$T/big.txt" >"$T/big-file.nt"
same "huge line = the same text as a file" "$T/out" "$T/big-file.nt"

# ---------------------------------------------------------------- -j
i=0
while [ $i -lt 40 ]; do
    i=$((i + 1))
    for f in a b; do
        { cat "$D/dir/$f.txt"; echo "Report $i."; } >"$T/many-$(printf %02d $i)$f.txt"
    done
done
for f in ntriples turtle nquads rdfxml json json-triples; do
    "$DG" -j 1 -f "$f" "$T"/many-*.txt >"$T/j1.$f" 2>"$T/j1.err"
    for j in 2 3 8; do
        "$DG" -j "$j" -f "$f" "$T"/many-*.txt >"$T/jn.$f" 2>/dev/null
        same "-j $j = -j 1 ($f)" "$T/jn.$f" "$T/j1.$f"
    done
done
"$DG" -j 4 -v -f ntriples "$T"/many-*.txt 2>&1 >/dev/null | sed -n 's/: [0-9]* triples$//p' >"$T/order"
ls "$T"/many-*.txt | sed 's/^/diplograph: /' >"$T/want-order"
same "-v lines in input order under -j 4" "$T/order" "$T/want-order"
: >"$T/per"
for x in "$T"/many-*.txt; do "$DG" -f ntriples "$x" >>"$T/per"; done
same "-j 4 N-Triples = articles one by one, in order" "$T/j1.ntriples" "$T/per"
graphs=$(sed 's/.* <\([^>]*\)> \.$/\1/' "$T/j1.nquads" | uniq | wc -l)
equal "N-Quads: one graph per article, each contiguous" "$graphs" 80
equal "N-Quads: graphs distinct" "$(sed 's/.* <\([^>]*\)> \.$/\1/' "$T/j1.nquads" | sort -u | wc -l)" 80
if [ -s "$T/j1.err" ]; then bad "no progress on a non-terminal:"; cat "$T/j1.err"; else ok "no progress on a non-terminal"; fi

if command -v script >/dev/null 2>&1; then
    script -qec "\"$DG\" -f ntriples \"$D/dir\" >/dev/null" /dev/null >"$T/tty" 2>&1
    if tr '\r' '\n' <"$T/tty" | grep -qE '^diplograph: 3 articles, 0\.0 MB, [0-9]+ articles/s$'; then
        ok "progress line on a terminal"; else bad "progress line on a terminal:"; od -c "$T/tty" | head; fi
    script -qec "\"$DG\" -q -f ntriples \"$D/dir\" >/dev/null" /dev/null >"$T/tty" 2>&1
    equal "--quiet: no progress on a terminal" "$(wc -c <"$T/tty" | tr -d ' ')" 0
fi

# ---------------------------------------------------------------- one document
n=$(wc -l <"$T/j1.ntriples")
equal "Turtle: each @prefix once" "$(grep -c '^@prefix dip:' "$T/j1.turtle")" 1
for f in turtle rdfxml json; do
    got=$(rapper -c -i "$f" "$T/j1.$f" 2>&1 | sed -n "s/.*returned \([0-9]*\) triples/\1/p")
    equal "rapper reads $f of 80 articles as one document" "$got" "$n"
done
uniq_n=$(sort -u "$T/j1.ntriples" | wc -l)
got=$($PY -c '
import rdflib, rdflib.compare, sys
g = rdflib.Graph(); g.parse(sys.argv[1], format="turtle")
n = rdflib.Graph(); n.parse(sys.argv[2], format="nt")
print(len(g), "same" if rdflib.compare.isomorphic(g, n) else "differs")' "$T/j1.turtle" "$T/j1.ntriples" 2>&1)
equal "rdflib reads the Turtle as one document, the N-Triples graph" "$got" "$uniq_n same"
got=$($PY -c '
import rdflib, sys
g = rdflib.Graph(); g.parse(sys.argv[1], format="xml"); print(len(g))' "$T/j1.rdfxml" 2>&1)
equal "rdflib reads the RDF/XML" "$got" "$uniq_n"
got=$($PY -c '
import json, sys
d = {}
for k, v in json.load(open(sys.argv[1])).items(): d.setdefault(k, 0)
print("json ok")' "$T/j1.json" 2>&1)
equal "JSON of many articles is one JSON document" "$got" "json ok"
# json-triples: strict JSON (no member name twice in an object), every
# triple of every article once, read by rapper too.
got=$($PY -c '
import json, sys
def strict(pairs):
    names = [k for k, _ in pairs]
    if len(names) != len(set(names)):
        raise ValueError("repeated member")
    return dict(pairs)
print(len(json.load(open(sys.argv[1]), object_pairs_hook=strict)["triples"]))' "$T/j1.json-triples" 2>&1)
equal "json-triples of 80 articles: strict JSON, every triple" "$got" "$n"
got=$(rapper -c -i json "$T/j1.json-triples" 2>&1 | sed -n "s/.*returned \([0-9]*\) triples/\1/p")
equal "rapper reads json-triples of 80 articles" "$got" "$n"
mkdir "$T/emptydir"
expect "empty directory" 0 "$DG" -f turtle "$T/emptydir"
got=$(rapper -c -i turtle "$T/out" 2>&1 | sed -n 's/.*returned \([0-9]*\) triples/\1/p')
equal "empty directory: a Turtle document of no triples" "$got" 0
has_line "empty directory: the prefixes" "$T/out" "@prefix dip: <https://w3id.org/diplograph/ns#> ."

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
