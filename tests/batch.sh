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
# Symbolic links: each directory is entered once (by device and inode),
# so a link back to a parent, two directories linking to each other or a
# second link to a directory read already add nothing.
"$DG" -f ntriples "$D/dir/a.txt" >"$T/one.nt"
mkdir -p "$T/loop1/a" "$T/loop2/a" "$T/loop2/b"
cp "$D/dir/a.txt" "$T/loop1/a/x.txt"
ln -s .. "$T/loop1/a/up"
ln -s a "$T/loop1/alias"
cp "$D/dir/a.txt" "$T/loop2/a/x.txt"
ln -s ../b "$T/loop2/a/to-b"
ln -s ../a "$T/loop2/b/to-a"
for d in loop1 loop2; do
    expect "$d: a directory link loop ends" 0 timeout 60 "$DG" -f ntriples "$T/$d"
    same "$d: the article once" "$T/out" "$T/one.nt"
done
expect "one directory named twice" 0 timeout 60 "$DG" -f ntriples "$T/loop1" "$T/loop1/a"
same "one directory named twice: the article once" "$T/out" "$T/one.nt"

# A *.txt entry of a directory that cannot be read (a dangling symbolic
# link) is an error naming it, whatever the entry before it was (a file,
# an empty directory); --keep-going goes on.  Links and special files of
# other names, and FIFOs, are skipped.
mkdir -p "$T/dang1" "$T/dang2/m"
cp "$D/dir/a.txt" "$T/dang1/a.txt"
ln -s missing.txt "$T/dang1/b.txt"
ln -s missing "$T/dang1/c.md"
mkfifo "$T/dang1/d.txt"
ln -s missing.txt "$T/dang2/n.txt"
expect "a dangling *.txt link after a file" 1 timeout 60 "$DG" -f ntriples "$T/dang1"
has_line "a dangling link after a file: message" "$T/err" "diplograph: $T/dang1/b.txt: No such file or directory"
expect "a dangling *.txt link after an empty directory" 1 "$DG" -f ntriples "$T/dang2"
has_line "a dangling link after a directory: message" "$T/err" "diplograph: $T/dang2/n.txt: No such file or directory"
expect "dangling links, FIFOs, -k" 0 timeout 60 "$DG" -k -f ntriples "$T/dang1" "$T/dang2"
same "dangling links, -k: the other article" "$T/out" "$T/one.nt"
equal "dangling links, -k: two messages" "$(wc -l <"$T/err" | tr -d ' ')" 2

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

# Odd JSON: NUL and lone surrogate escapes, a repeated member, ids and
# fields of other types, nesting past jansson's 2048 levels; each is a bad
# record naming its line, and the surrogate pair of an emoji is text.
$PY - >"$T/odd.jsonl" <<'EOF'
print("\n".join([
    r'{"id": "1", "text": "a\u0000b"}',
    r'{"id": "2", "text": "a\ud800b"}',
    r'{"id": "3", "text": "a", "text": "b"}',
    r'{"id": 4, "text": "a"}',
    r'{"id": "5", "text": ["a"]}',
    r'{"id": "6", "text": "a", "date": 20240101}',
    r'{"id": "7", "text": "a", "url": true}',
    '{"id": "8", "text": "a", "z": ' + '[' * 2048 + ']' * 2048 + '}',
    r'{"id": "9", "text": "The President of Brazil visited Argentina.\ud83d\ude00"}']))
EOF
expect "odd JSON, -k" 0 "$DG" -k -f ntriples --input-format jsonl "$T/odd.jsonl"
sed "s|$T/||" "$T/err" >"$T/odd.err"
cat >"$T/odd.want" <<'EOF'
diplograph: odd.jsonl:1: bad JSON at column 30: \u0000 is not allowed without JSON_ALLOW_NUL near '"a\u0000b"'
diplograph: odd.jsonl:2: bad JSON at column 30: invalid Unicode '\uD800' near '"a\ud800b"'
diplograph: odd.jsonl:3: bad JSON at column 31: duplicate object key near '"text"'
diplograph: odd.jsonl:4: field "id" is not a string
diplograph: odd.jsonl:5: field "text" is not a string
diplograph: odd.jsonl:6: field "date" is not a string
diplograph: odd.jsonl:7: field "url" is not a string
diplograph: odd.jsonl:8: bad JSON at column 2078: maximum parsing depth reached near '['
EOF
same "odd JSON: one message per bad record" "$T/odd.err" "$T/odd.want"
if grep -qF 'nif-core#isString> "The President of Brazil visited Argentina.\U0001F600" .' "$T/out"
then ok "odd JSON: an escaped surrogate pair is one code point"
else bad "odd JSON: the emoji record:"; grep isString "$T/out"
fi

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

# Blank lines anywhere (the first line too), lines of only white space,
# CRLF line ends, a last line without its line end, a byte-order mark:
# the records are those of good.jsonl, the line numbers right.
r1='{"id": "a2", "text": "Japan and India signed a trade agreement in Tokyo.\n"}'
r2='{"id": "a3", "text": "The President of Brazil visited Argentina.\n"}'
printf '%s\n%s\n' "$r1" "$r2" >"$T/plain.jsonl"
"$DG" -f ntriples --input-format jsonl "$T/plain.jsonl" >"$T/plain.nt"
printf '\n%s\n%s\n' "$r1" "$r2" >"$T/blank-1.jsonl"
printf '\n \t\r\n%s\r\n\r\n   \n%s' "$r1" "$r2" >"$T/blank-2.jsonl"
printf '\357\273\277%s\n\n%s\n\n' "$r1" "$r2" >"$T/blank-3.jsonl"
for f in blank-1 blank-2 blank-3; do
    expect "JSON Lines $f" 0 "$DG" -f ntriples --input-format jsonl "$T/$f.jsonl"
    same "JSON Lines $f: the records" "$T/out" "$T/plain.nt"
done
for text in '' '\n' '\n\n' ' ' '\r\n' '\t \n  '; do
    printf "$text" >"$T/empty.jsonl"
    expect "JSON Lines of only blank lines: '$text'" 0 "$DG" -f ntriples --input-format jsonl "$T/empty.jsonl"
    equal "JSON Lines of only blank lines: no triples" "$(wc -c <"$T/out" | tr -d ' ')" 0
done
printf '\n\n \n{"id": \n%s\n' "$r1" >"$T/blank-bad.jsonl"
expect "a bad record after blank lines" 1 "$DG" --input-format jsonl "$T/blank-bad.jsonl"
has_line "a bad record after blank lines: its line" "$T/err" \
    "diplograph: $T/blank-bad.jsonl:4: bad JSON at column 7: unexpected token near end of file"

# A line longer than the cap (80 MiB, 83886080 bytes without its line
# end) is refused as soon as one byte past the cap is read, so that a
# stream without line ends (/dev/zero) ends; the rest of that file is not
# read.  A line of exactly the cap is a record.
cap=83886080
rec='{"id": "c", "text": "The President of Brazil visited Argentina.\n"}'
{ printf '%s' "$rec"; head -c $((cap - ${#rec})) /dev/zero | tr '\0' ' '; printf '\n'; } >"$T/cap.jsonl"
equal "the cap line is $cap bytes" "$(head -n 1 "$T/cap.jsonl" | wc -c | tr -d ' ')" $((cap + 1))
expect "a line of $cap bytes" 0 "$DG" -f ntriples --input-format jsonl "$T/cap.jsonl"
same "a line of $cap bytes: the record" "$T/out" "$T/c.nt"
{ printf ' '; cat "$T/cap.jsonl"; printf '%s\n' "$r1"; } >"$T/cap1.jsonl"
rm -f "$T/cap.jsonl"
expect "a line of $((cap + 1)) bytes" 1 "$DG" -f ntriples --input-format jsonl "$T/cap1.jsonl"
has_line "a line of $((cap + 1)) bytes: message" "$T/err" \
    "diplograph: $T/cap1.jsonl:1: line longer than $cap bytes (the limit); the rest of the file is not read"
expect "a line of $((cap + 1)) bytes, -k" 0 "$DG" -k -f ntriples --input-format jsonl "$T/cap1.jsonl" "$T/plain.jsonl"
same "-k: the next file is read" "$T/out" "$T/plain.nt"
rm -f "$T/cap1.jsonl"
expect "/dev/zero as JSON Lines ends" 1 timeout 120 "$DG" --input-format jsonl /dev/zero
has_line "/dev/zero as JSON Lines: message" "$T/err" \
    "diplograph: /dev/zero:1: line longer than $cap bytes (the limit); the rest of the file is not read"
expect "an endless line on standard input ends" 1 timeout 120 sh -c \
    "yes x | tr -d '\\n' | \"$DG\" --input-format jsonl"
has_line "an endless line on standard input: message" "$T/err" \
    "diplograph: standard input:1: line longer than $cap bytes (the limit); the rest of the file is not read"

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
