#!/bin/sh
# upload.sh: tests of `diplograph --push` against a private Virtuoso on
# 127.0.0.1 (tests/virtuoso-start) run from the virtuoso.ini Debian ships:
# that the instance has Debian's settings; the sample article pushed with
# both protocols and read back with SPARQL, --replace, --verify, --graph,
# -o together with --push; every article of the dev corpus (or, without
# ../shared, the project's test articles) by both protocols; articles of
# 200 KB and 8 MiB; a wrong password, a malformed URL, the wrong endpoint
# for the protocol, a graph IRI too long for a URL and a port with nothing
# listening.  Skips (77) when virtuoso-t or curl is missing.  Every wait
# is bounded; the instance is stopped on any exit.
set -u

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-.}
dg="$top_builddir/src/diplograph"
sample="$top_srcdir/samples/blinken-xi-beijing.txt"

command -v virtuoso-t >/dev/null 2>&1 || { echo "virtuoso-t missing: skipped"; exit 77; }
command -v curl >/dev/null 2>&1 || { echo "curl missing: skipped"; exit 77; }
[ -x "$dg" ] || { echo "$dg not built"; exit 1; }

tmp=$(mktemp -d /tmp/dg-upload-sh-XXXXXX) || exit 1
cleanup() {
    "$top_srcdir/tests/virtuoso-stop" "$tmp/v"
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

"$top_srcdir/tests/virtuoso-start" "$tmp/v"
rc=$?
[ $rc -eq 0 ] || exit $rc
. "$tmp/v/ports"
dir=$(cd "$tmp/v" && pwd)
base="http://127.0.0.1:$HTTP_PORT"
gsp="$base/sparql-graph-crud-auth"
upd="$base/sparql-auth"

fails=0
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; fails=$((fails + 1)); }
check() { # check NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: expected '$2', got '$3'"; fi
}
contains() { # contains NAME FILE TEXT
    if grep -qF -- "$3" "$2"; then pass "$1"; else fail "$1: '$3' not in: $(cat "$2")"; fi
}

# The value of the first binding of a SPARQL SELECT, as CSV without quotes.
sparql() {
    curl -s --max-time 20 -G -H 'Accept: text/csv' --data-urlencode "query=$1" \
        "$base/sparql" | sed -n 2p | tr -d '"\r'
}

PREFIX='PREFIX dip: <https://w3id.org/diplograph/ns#>'

# 0. The instance runs Debian's shipped virtuoso.ini with only the paths,
#    the two ServerPort lines and DirsAllowed changed.
shipped=$("$top_srcdir/scripts/virtuoso-ini")
diff "$shipped" "$tmp/v/virtuoso.ini" > "$tmp/ini.diff"
check "ini: 11 lines changed" "11 11" \
    "$(grep -c '^<' "$tmp/ini.diff") $(grep -c '^>' "$tmp/ini.diff")"
check "ini: the old lines are paths, ports, DirsAllowed" "" "$(grep '^<' "$tmp/ini.diff" |
    grep -Ev '^< (DatabaseFile|ErrorLogFile|LockFile|TransactionFile|xa_persistent_file|ServerRoot)[[:space:]]+= /var/lib/virtuoso-opensource-7/|^< ServerPort[[:space:]]+= (1111|8890)$|^< DirsAllowed[[:space:]]+= \., /usr/share/virtuoso-opensource-7/vad$')"
check "ini: the new lines are under DIR and on 127.0.0.1" "" "$(grep '^>' "$tmp/ini.diff" |
    grep -Ev "^> (DatabaseFile|ErrorLogFile|LockFile|TransactionFile|xa_persistent_file|ServerRoot)[[:space:]]+= $dir/[a-z.-]+\$|^> ServerPort[[:space:]]+= 127\.0\.0\.1:($SQL_PORT|$HTTP_PORT)\$|^> DirsAllowed[[:space:]]+= \., $dir\$")"
check "ini: the server runs with Debian's CaseMode and ResultSetMaxRows" "2 10000" \
    "$(isql-vt "127.0.0.1:$SQL_PORT" dba dba VERBOSE=OFF BANNER=OFF PROMPT=OFF ECHO=OFF \
        "EXEC=select virtuoso_ini_item_value('Parameters', 'CaseMode'), virtuoso_ini_item_value('SPARQL', 'ResultSetMaxRows');" |
        tr -s ' \n' '  ' | sed 's/ *$//')"
"$dg" -f ntriples "$sample" > "$tmp/sample.nt" || { fail "extract sample"; exit 1; }
n=$(grep -c . "$tmp/sample.nt")
graph=https://w3id.org/diplograph/id/graph/$(sed -n 's|.*<https://w3id.org/diplograph/id/article/\([0-9a-f]*\)>.*|\1|p' "$tmp/sample.nt" | head -n 1)
export DIPLOGRAPH_PASSWORD=dba

# 1. GSP, one graph per article, --replace --verify; nothing on stdout.
"$dg" --push "$gsp" --user dba --replace --verify "$sample" > "$tmp/out" 2> "$tmp/err"
check "gsp push exit" 0 $?
check "gsp push prints nothing on stdout" 0 "$(wc -c < "$tmp/out" | tr -d ' ')"
check "gsp push prints nothing on stderr" "" "$(cat "$tmp/err")"
check "gsp count = triples sent" "$n" \
    "$(sparql "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$graph> { ?s ?p ?o } }")"
check "a dip:Meeting with two dip:participant" 1 \
    "$(sparql "$PREFIX SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?e WHERE { GRAPH <$graph> {
        ?e a dip:Meeting ; dip:participant ?a, ?b FILTER(STR(?a) < STR(?b)) } } LIMIT 1 } }")"
check "Blinken met Xi" true \
    "$(sparql "$PREFIX SELECT (IF(EXISTS { GRAPH <$graph> { ?e a dip:Meeting ;
        dip:participant <https://w3id.org/diplograph/id/person/antony-blinken>,
        <https://w3id.org/diplograph/id/person/xi-jinping> } }, 'true', 'false') AS ?x) {}")"

# 2. Again with --replace: still one copy.
"$dg" --push "$gsp" --user dba --replace --verify "$sample" 2> "$tmp/err"
check "gsp replace again exit" 0 $?
check "gsp replace again: one copy" "$n" \
    "$(sparql "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$graph> { ?s ?p ?o } }")"

# 3. SPARQL Update in batches of 100, own graph.
g2=http://example.org/test/update
"$dg" --push "$upd" --protocol update --user dba --graph "$g2" --batch 100 \
    --replace --verify "$sample" 2> "$tmp/err"
check "update push exit" 0 $?
check "update count = triples sent" "$n" \
    "$(sparql "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$g2> { ?s ?p ?o } }")"

# 3b. Update with --replace again: one copy; the duration is stored (HTTP
#     500 "SQ200: No column P3DD" under CaseMode = 2 before).
"$dg" --push "$upd" --protocol update --user dba --graph "$g2" --replace --verify \
    "$sample" 2> "$tmp/err"
check "update replace again exit" 0 $?
check "update replace again: one copy" "$n" \
    "$(sparql "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$g2> { ?s ?p ?o } }")"
check "update: the three-day duration is stored" 1 \
    "$(sparql "$PREFIX PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$g2> { ?e dip:duration \"P3D\"^^xsd:duration } }")"

# 4. -o and --push together: the file is written and the graph pushed.
g3=http://example.org/test/both
"$dg" -f ntriples -o "$tmp/both.nt" --push "$gsp" --user dba --graph "$g3" \
    --replace "$sample" 2> "$tmp/err"
check "-o with --push exit" 0 $?
check "-o with --push writes the file" "$n" "$(grep -c . "$tmp/both.nt")"
check "-o with --push pushes" "$n" \
    "$(sparql "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$g3> { ?s ?p ?o } }")"

# 5. --verify notices a graph holding more than was sent.
curl -s --max-time 20 --digest -u dba:dba -H 'Content-Type: application/n-triples' \
    --data-binary '<http://example.org/x> <http://example.org/y> "extra" .' \
    "$gsp?graph-uri=http%3A%2F%2Fexample.org%2Ftest%2Fextra" > /dev/null
"$dg" --push "$gsp" --user dba --graph http://example.org/test/extra --verify \
    "$sample" 2> "$tmp/err"
check "verify mismatch exit" 1 $?
contains "verify mismatch message" "$tmp/err" \
    "diplograph: verification failed: graph <http://example.org/test/extra> holds $((n + 1)) triples, $n were sent"

# 5b. Credentials from ~/.netrc when $DIPLOGRAPH_PASSWORD is not set,
#     with and without --user.
mkdir -p "$tmp/home"
printf 'machine 127.0.0.1\nlogin dba\npassword dba\n' > "$tmp/home/.netrc"
chmod 600 "$tmp/home/.netrc"
g4=http://example.org/test/netrc
HOME="$tmp/home" DIPLOGRAPH_PASSWORD= "$dg" --push "$gsp" --user dba --graph "$g4" \
    --replace --verify "$sample" 2> "$tmp/err"
check "netrc with --user exit" 0 $?
HOME="$tmp/home" DIPLOGRAPH_PASSWORD= "$dg" --push "$gsp" --graph "$g4" \
    --replace --verify "$sample" 2> "$tmp/err"
check "netrc without --user exit" 0 $?
HOME="$tmp" DIPLOGRAPH_PASSWORD= "$dg" --push "$gsp" --user dba --graph "$g4" \
    "$sample" 2> "$tmp/err"
check "no password, no netrc exit" 1 $?
contains "no password, no netrc message" "$tmp/err" ": HTTP 401"
contains "no password, no netrc: says where the password comes from" "$tmp/err" \
    " (no password given: it is read from ~/.netrc when DIPLOGRAPH_PASSWORD is unset)"

# 6. Wrong password: exit 1, 401 in the message, the password never shown.
DIPLOGRAPH_PASSWORD=WrongPw99 "$dg" --push "$gsp" --user dba "$sample" 2> "$tmp/err"
check "wrong password exit" 1 $?
contains "wrong password message" "$tmp/err" \
    "diplograph: authentication failed: POST $gsp?graph-uri=https%3A%2F%2Fw3id.org%2Fdiplograph%2Fid%2Fgraph%2F"
contains "wrong password status" "$tmp/err" ": HTTP 401"
if grep -q WrongPw99 "$tmp/err"; then fail "password printed"; else pass "password not printed"; fi

# 6b. The update protocol sent to the Graph Store endpoint: Virtuoso
#     answers 200 with an HTML form and stores nothing; that is a failure.
"$dg" --push "$gsp" --protocol update --user dba --graph http://example.org/test/form \
    "$sample" 2> "$tmp/err"
check "update to the GSP endpoint exit" 1 $?
contains "update to the GSP endpoint message" "$tmp/err" \
    "diplograph: POST $gsp: HTTP 200, but the answer is an HTML form (\"Virtuoso SPARQL 1.1 Uniform RDF Graph Query Form\"), not the result of the request (nothing was stored): is the URL the endpoint of this protocol?"

# 6c. A graph IRI too long for a URL (Virtuoso cut a GET of about 10 kB):
#     --verify POSTs its count query.
long=http://example.org/test/$(printf '%012000d' 0)
"$dg" --push "$upd" --protocol update --user dba --graph "$long" --replace --verify \
    "$sample" 2> "$tmp/err"
check "long graph IRI with --verify exit" 0 $?

# 7. Malformed URL and bad option values: exit 2.
"$dg" --push 'http//nohost' "$sample" 2> "$tmp/err"
check "malformed URL exit" 2 $?
contains "malformed URL message" "$tmp/err" "diplograph: malformed push URL 'http//nohost'"
"$dg" --push "$gsp" --protocol ftp "$sample" 2> /dev/null
check "bad protocol exit" 2 $?
"$dg" --graph http://example.org/g "$sample" 2> /dev/null
check "--graph without --push exit" 2 $?

# 8. Nothing listening: retried, then exit 1.
port=$(/usr/bin/python3 -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$dg" --push "http://127.0.0.1:$port/sparql-graph-crud-auth" --retries 1 \
    --timeout 5 "$sample" 2> "$tmp/err"
check "nothing listening exit" 1 $?
contains "nothing listening retried" "$tmp/err" "retrying in"
contains "nothing listening gave up" "$tmp/err" "(gave up after 2 attempts)"
contains "nothing listening batch" "$tmp/err" "failed at batch 1 of 1; 0 of $n triples stored"

# 9. Every article of the dev corpus (the project's test articles where
#    ../shared is absent, as on CI) by both protocols with --verify, one
#    graph per article; the store then holds exactly the N-Quads' quads.
corpus=$top_srcdir/../shared/corpus/dev
if ls "$corpus"/*.txt >/dev/null 2>&1; then
    set -- "$corpus"/*.txt
else
    set -- "$sample" "$top_srcdir"/tests/data/*.txt "$top_srcdir"/tests/data/batch/dir/*.txt \
        "$top_srcdir"/tests/data/batch/dir/sub/*.txt
fi
"$dg" -f nquads "$@" > "$tmp/corpus.nq" 2> "$tmp/err"
check "corpus export exit" 0 $?
sed 's/.* <\([^>]*\)> \.$/\1/' "$tmp/corpus.nq" | LC_ALL=C sort -u > "$tmp/graphs"
values=$(sed 's/.*/<&>/' "$tmp/graphs" | tr '\n' ' ')
corpus_count() {
    sparql "SELECT (COUNT(*) AS ?n) WHERE { VALUES ?g { $values } GRAPH ?g { ?s ?p ?o } }"
}
"$dg" --push "$gsp" --user dba --replace --verify "$@" 2> "$tmp/err"
check "corpus ($# articles) by GSP with --verify exit" 0 $?
check "corpus by GSP: the store holds the N-Quads" "$(grep -c . "$tmp/corpus.nq")" "$(corpus_count)"
"$dg" --push "$upd" --protocol update --user dba --replace --verify "$@" 2> "$tmp/err"
check "corpus ($# articles) by update with --verify exit" 0 $?
check "corpus by update: the store holds the N-Quads" "$(grep -c . "$tmp/corpus.nq")" "$(corpus_count)"

# 10. Long articles.  article FILE BYTES NEWLINE: the sample article, then
#     sentences of 1 kB up to BYTES, each ended by NEWLINE (a space: one
#     paragraph; "\n": paragraphs), ASCII only when NEWLINE is "\n" and
#     FILE ends in -ascii.txt.
article() {
    /usr/bin/python3 - "$sample" "$@" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
out, size, end = sys.argv[2], int(sys.argv[3]), sys.argv[4].replace("\\n", "\n")
if out.endswith("-ascii.txt"):
    for a, b in (("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2014", "-")):
        text = text.replace(a, b)
s = ("the committee discussed the weather and the harvest at length, " * 16)
s = s.capitalize().rstrip(", ") + "." + end
n = (size - len(text.encode()) - 1) // len(s)
with open(out, "w", encoding="utf-8") as f:
    f.write(text + "\n" + s * n)
PY
}
# strlen GRAPH: the length of the article text stored in GRAPH, in
# characters, and nif:endIndex, which says what it should be.
strlen() {
    sparql "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT (CONCAT(STR(STRLEN(?t)), ' ', STR(?end)) AS ?x) WHERE { GRAPH <$1> {
        ?a nif:isString ?t ; nif:endIndex ?end } }"
}
article "$tmp/200k.txt" 204800 ' '
for proto in gsp update; do
    url=$gsp
    [ $proto = update ] && url=$upd
    g=http://example.org/test/200k-$proto
    "$dg" --push "$url" --protocol $proto --user dba --graph "$g" --replace --verify \
        "$tmp/200k.txt" 2> "$tmp/err"
    check "200 KB one-paragraph article by $proto exit" 0 $?
    set -- $(strlen "$g")
    check "200 KB article by $proto: the whole text stored" "$2" "$1"
done
# 8 MiB, the article limit, in paragraphs: by GSP; by update when ASCII
# (Virtuoso's CONCAT makes at most 10,000,000 bytes, 4 a character once
# one is not ASCII: a text of more than 2,499,999 such characters is
# refused with its reason in the message).
article "$tmp/8m.txt" 8388608 '\n'
article "$tmp/8m-ascii.txt" 8388608 '\n'
"$dg" --push "$gsp" --user dba --graph http://example.org/test/8m --replace --verify \
    "$tmp/8m.txt" 2> "$tmp/err"
check "8 MiB article by GSP exit" 0 $?
set -- $(strlen http://example.org/test/8m)
check "8 MiB article by GSP: the whole text stored" "$2" "$1"
"$dg" --push "$upd" --protocol update --user dba --graph http://example.org/test/8m-ascii \
    --replace --verify "$tmp/8m-ascii.txt" 2> "$tmp/err"
check "8 MiB ASCII article by update exit" 0 $?
set -- $(strlen http://example.org/test/8m-ascii)
check "8 MiB ASCII article by update: the whole text stored" "$2" "$1"
"$dg" --push "$upd" --protocol update --user dba --graph http://example.org/test/8m-update \
    --retries 0 "$tmp/8m.txt" 2> "$tmp/err"
check "8 MiB non-ASCII article by update exit" 1 $?
contains "8 MiB non-ASCII article by update: Virtuoso's reason" "$tmp/err" \
    ": HTTP 500: Virtuoso 22023 Error SR578: The expected result length of string concatenation is too large ("

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
