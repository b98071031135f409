#!/bin/sh
# push-corpus.sh: `diplograph --push` of a corpus (JSON Lines) into a
# private Virtuoso on 127.0.0.1 (tests/virtuoso-start): with
# --keep-going a bad record or article is reported and every other one
# is stored; articles of the same text with another url or title (wire
# copy) are separate articles in graphs of their own, so that
# --push --replace of one leaves the other whole, each with its one
# title.  Skips (77) when virtuoso-t or curl is missing.
# Run by `make check` (which sets top_srcdir and top_builddir).
set -u

top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
DG="$top_builddir/src/diplograph"

command -v virtuoso-t >/dev/null 2>&1 || { echo "skip: virtuoso-t missing"; exit 77; }
command -v curl >/dev/null 2>&1 || { echo "skip: curl missing"; exit 77; }

T=$(mktemp -d "${TMPDIR:-/tmp}/dg-push-corpus.XXXXXX") || exit 99
cleanup() {
    "$top_srcdir/tests/virtuoso-stop" "$T/v"
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

. "$top_srcdir/tests/testlib.sh"

# equal NAME GOT WANT: two strings are equal.
equal() {
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: got '$2', want '$3'"; fi
}

"$top_srcdir/tests/virtuoso-start" "$T/v" || exit $?
. "$T/v/ports"
base="http://127.0.0.1:$HTTP_PORT"
gsp="$base/sparql-graph-crud-auth"
export DIPLOGRAPH_PASSWORD=dba

# sparql QUERY: the rows of a SELECT as CSV without its header and quotes.
sparql() {
    curl -s --max-time 20 -G -H 'Accept: text/csv' --data-urlencode "query=$1" \
        "$base/sparql" | sed 1d | tr -d '"\r'
}

# The same wire story twice (another url and title), between a record
# the extractor refuses (a bad date), a line that is not JSON, and a
# third article.
text='The Foreign Minister of France met the Foreign Minister of Germany in Paris.\n'
cat >"$T/corpus.jsonl" <<JSON
{"id": "w1", "url": "https://one.example.org/a", "title": "Ministers meet", "text": "$text"}
{"id": "bad", "date": "2024-13-45", "text": "$text"}
{"id": "w2", "url": "https://two.example.org/b", "title": "France and Germany talk", "text": "$text"}
{"id": "broken
{"id": "w3", "text": "Japan and India signed a trade agreement in Tokyo.\n"}
JSON

expect "N-Quads of the corpus, -k" 0 "$DG" -k -f nquads --input-format jsonl "$T/corpus.jsonl"
mv "$T/out" "$T/corpus.nq"
sed 's/.* <\([^>]*\)> \.$/\1/' "$T/corpus.nq" | sort -u >"$T/graphs"
equal "three articles, three graphs" "$(wc -l <"$T/graphs" | tr -d ' ')" 3
for p in title source; do
    equal "N-Quads: two articles with a $p, one each" \
        "$(grep "<http://purl.org/dc/terms/$p>" "$T/corpus.nq" | cut -d' ' -f1 | sort -u | wc -l | tr -d ' ')" 2
done

expect "--push --replace -k of the corpus" 0 "$DG" -k --push "$gsp" --user dba \
    --replace --verify --input-format jsonl "$T/corpus.jsonl"
has_line "the bad article is reported" "$T/err" \
    "diplograph: $T/corpus.jsonl:2: bad date \"2024-13-45\": expected YYYY-MM-DD"
has "the bad line is reported" "$T/err" "diplograph: $T/corpus.jsonl:4: bad JSON at column"
while read -r g; do
    want=$(grep -c " <$g> \.\$" "$T/corpus.nq")
    equal "graph <$g> holds its $want triples" \
        "$(sparql "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$g> { ?s ?p ?o } }")" "$want"
done <"$T/graphs"
sparql 'SELECT ?t WHERE { GRAPH ?g { ?a <http://purl.org/dc/terms/title> ?t } } ORDER BY ?t' >"$T/titles"
printf 'France and Germany talk\nMinisters meet\n' >"$T/want-titles"
same "both titles are stored" "$T/titles" "$T/want-titles"
equal "no article has two titles" "$(sparql 'SELECT ?a WHERE { GRAPH ?g {
    ?a <http://purl.org/dc/terms/title> ?t1, ?t2 FILTER(?t1 != ?t2) } } LIMIT 1')" ""

# --replace of the second copy alone leaves the first whole.
grep '"w2"' "$T/corpus.jsonl" >"$T/w2.jsonl"
expect "--push --replace of the second copy" 0 "$DG" --push "$gsp" --user dba \
    --replace --verify --input-format jsonl "$T/w2.jsonl"
g1=$(grep '<http://purl.org/dc/terms/source> <https://one.example.org/a>' "$T/corpus.nq" | sed 's/.* <\([^>]*\)> \.$/\1/')
equal "the first copy's graph is whole" \
    "$(sparql "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$g1> { ?s ?p ?o } }")" \
    "$(grep -c " <$g1> \.\$" "$T/corpus.nq")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
