#!/bin/sh
# events-tsv.sh: -f events-tsv, the event table: the exact rows of a small
# article of our own (tests/data/linked/events.txt: a meeting and a
# criticism; the expected table is tests/data/linked/events.tsv), twenty
# tab-separated fields on every line of a corpus, one header line, the
# same bytes for every -j and for a JSON Lines batch.
# Run by `make check` (which sets top_srcdir and top_builddir).

top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
DG="$top_builddir/src/diplograph"
D="$top_srcdir/tests/data/linked"

T=$(mktemp -d "${TMPDIR:-/tmp}/dg-events-tsv.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT INT TERM
. "$top_srcdir/tests/testlib.sh"

expect "small article" 0 "$DG" -f events-tsv --date 2024-03-07 \
    --source https://example.org/news/2 "$D/events.txt"
same "its exact rows" "$D/events.tsv" "$T/out"
has_line "header" "$T/out" "$(printf 'date\tdate_iso\tcameo\tcameo_root\tclass\tactor1_label\tactor1_iso\tactor1_code\tactor1_iri\tactor2_label\tactor2_iso\tactor2_code\tactor2_iri\tlocation_label\tlocation_iso\tsource_url\tarticle\tevent\tsentence_begin\tsentence_end')"
has "a head of state codes ISO3 + GOV" "$T/out" \
    "$(printf 'Meeting\tXi Jinping\tCHN\tCHNGOV\t')"
has "a state codes ISO3; the speaker acts on the target" "$T/out" \
    "$(printf 'Criticism\tJean-No\303\253l Barrot\tFRA\tFRAGOV\thttps://w3id.org/diplograph/id/person/jean-noel-barrot\tIran\tIRN\tIRN\t')"

printf 'Antony Blinken met Fumio Kishida in Paris on Tuesday.\n' >"$T/paris.txt"
expect "a meeting in a state the text does not name" 0 "$DG" -f events-tsv \
    --date 2023-05-02 "$T/paris.txt"
has "the place's state from its IRI" "$T/out" "$(printf '\tParis\tFRA\t')"

expect "an article without events" 0 "$DG" -f events-tsv /dev/null
lines=$(wc -l <"$T/out")
[ "$lines" -eq 1 ] && ok "only the header" || bad "$lines lines for no event"

SAMPLE="$top_srcdir/samples/blinken-xi-beijing.txt"
i=0
while [ $i -lt 12 ]; do
    i=$((i + 1))
    { cat "$SAMPLE"; echo "Report $i."; } >"$T/many-$(printf %02d $i).txt"
done
"$DG" -j 1 -f events-tsv --date 2024-04-26 "$T"/many-*.txt >"$T/j1.tsv"
for j in 2 3 8; do
    "$DG" -j "$j" -f events-tsv --date 2024-04-26 "$T"/many-*.txt >"$T/jn.tsv"
    same "-j $j = -j 1" "$T/jn.tsv" "$T/j1.tsv"
done
n=$(grep -c . "$T/j1.tsv")
[ "$n" -eq 49 ] && ok "12 articles: header and 48 rows" || bad "$n lines, want 49"
bad_lines=$(awk -F'\t' 'NF != 20' "$T/j1.tsv" | wc -l)
[ "$bad_lines" -eq 0 ] && ok "20 fields on every line" \
    || bad "$bad_lines lines without 20 fields"
one=$(grep -c '^date	' "$T/j1.tsv")
[ "$one" -eq 1 ] && ok "one header for the corpus" || bad "$one header lines"

B="$top_srcdir/tests/data/batch/good.jsonl"
"$DG" -j 1 -f events-tsv --input-format jsonl "$B" >"$T/b1.tsv"
"$DG" -j 2 -f events-tsv --input-format jsonl "$B" >"$T/b2.tsv"
same "JSON Lines: -j 2 = -j 1" "$T/b2.tsv" "$T/b1.tsv"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
