#!/bin/sh
# upload.sh: tests of `diplograph --push` against a private Virtuoso on
# 127.0.0.1 (tests/virtuoso-start): the sample article pushed with both
# protocols and read back with SPARQL, --replace, --verify, --graph, -o
# together with --push, a wrong password, a malformed URL and a port with
# nothing listening.  Skips (77) when virtuoso-t or curl is missing.
# Every wait is bounded; the instance is stopped on any exit.
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

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
