#!/bin/sh
# identifiers.sh: the links to Wikidata and the COW state numbers
# (data/country-ids.tsv, organization-ids.tsv, people-ids.tsv): a
# hand-checked sample of items in the output, no item shared by two
# states (or two organizations, or two people), every ISO 3166-1 entry
# of iso-codes with its item, and clear errors for bad rows.
# Run by `make check` (which sets top_srcdir and top_builddir).

top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
PROG="$top_builddir/src/diplograph"
DATA="$top_srcdir/data"
ISO_JSON=/usr/share/iso-codes/json/iso_3166-1.json

T=$(mktemp -d "${TMPDIR:-/tmp}/dg-identifiers.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT INT TERM
. "$top_srcdir/tests/testlib.sh"

# The items written by hand from Wikidata (not read from the data files).
expect "sample article" 0 "$PROG" -f ntriples \
    "$top_srcdir/tests/data/linked/identifiers.txt"
cp "$T/out" "$T/sample.nt"
S='<https://schema.org/sameAs>'
C='<https://w3id.org/diplograph/ns#cowCode>'
I='https://w3id.org/diplograph/id'
W='http://www.wikidata.org/entity'
has_line "Germany Q183" "$T/sample.nt" "<$I/country/deu> $S <$W/Q183> ."
has_line "Germany COW 255" "$T/sample.nt" "<$I/country/deu> $C \"255\" ."
has_line "France Q142" "$T/sample.nt" "<$I/country/fra> $S <$W/Q142> ."
has_line "France COW 220" "$T/sample.nt" "<$I/country/fra> $C \"220\" ."
has_line "United States Q30" "$T/sample.nt" "<$I/country/usa> $S <$W/Q30> ."
has_line "United States COW 2" "$T/sample.nt" "<$I/country/usa> $C \"2\" ."
has_line "China Q148" "$T/sample.nt" "<$I/country/chn> $S <$W/Q148> ."
has_line "China COW 710" "$T/sample.nt" "<$I/country/chn> $C \"710\" ."
has_line "Soviet Union Q15180 (withdrawn code)" "$T/sample.nt" \
    "<$I/country/sun> $S <$W/Q15180> ."
has_line "Soviet Union COW 365" "$T/sample.nt" "<$I/country/sun> $C \"365\" ."
has_line "United Nations Q1065" "$T/sample.nt" \
    "<$I/org/united-nations> $S <$W/Q1065> ."
has_line "NATO Q7184" "$T/sample.nt" \
    "<$I/org/north-atlantic-treaty-organization> $S <$W/Q7184> ."
has_line "Emmanuel Macron Q3052772" "$T/sample.nt" \
    "<$I/person/emmanuel-macron> $S <$W/Q3052772> ."
if grep -q "person/olaf-scholz> $S" "$T/sample.nt"; then
    bad "a person without a row in people-ids.tsv got an item"
else
    ok "no item for a person people-ids.tsv does not list"
fi
if grep -q "owl#sameAs" "$T/sample.nt"; then
    bad "owl:sameAs in the output"
else
    ok "schema:sameAs, never owl:sameAs"
fi

# No item (or COW number of a current state) twice.
rows() { grep -v '^#' "$1" | grep -v '^$'; }
for f in country-ids organization-ids people-ids; do
    dups=$(rows "$DATA/$f.tsv" | cut -f2 | grep . | sort | uniq -d)
    if [ -z "$dups" ]; then ok "$f.tsv: no item twice"; else
        bad "$f.tsv: items given twice: $dups"; fi
    keys=$(rows "$DATA/$f.tsv" | cut -f1 | sort | uniq -d)
    if [ -z "$keys" ]; then ok "$f.tsv: no row twice"; else
        bad "$f.tsv: rows given twice: $keys"; fi
done

# Every ISO 3166-1 entry of iso-codes has its item.
if [ -r "$ISO_JSON" ]; then
    sed -n 's/.*"alpha_3": "\([A-Z]*\)".*/\1/p' "$ISO_JSON" | sort >"$T/iso"
    rows "$DATA/country-ids.tsv" | awk -F'\t' '$2 != "" {print $1}' |
        sort >"$T/linked"
    missing=$(comm -23 "$T/iso" "$T/linked" | tr '\n' ' ')
    n=$(wc -l <"$T/iso")
    if [ "$n" -ge 249 ] && [ -z "$missing" ]; then
        ok "all $n ISO 3166-1 entries have an item"
    else
        bad "ISO 3166-1 entries without an item ($n read): $missing"
    fi
else
    bad "cannot read $ISO_JSON (Debian's iso-codes)"
fi

# Bad rows in a --lexicon directory: FILE:LINE and exit status 1.
mkdir "$T/lex"
printf 'DEU\tX183\t255\n' >"$T/lex/country-ids.tsv"
expect "a malformed item" 1 "$PROG" --lexicon "$T/lex" /dev/null
has "its message" "$T/err" \
    "$T/lex/country-ids.tsv:1: \"X183\" is not a Wikidata item (Q and digits)"
printf 'DEU\tQ183\t25x\n' >"$T/lex/country-ids.tsv"
expect "a malformed COW number" 1 "$PROG" --lexicon "$T/lex" /dev/null
has "its message" "$T/err" \
    "$T/lex/country-ids.tsv:1: \"25x\" is not a COW state number"
printf 'QQQ\tQ1\t\n' >"$T/lex/country-ids.tsv"
expect "an unknown state" 1 "$PROG" --lexicon "$T/lex" /dev/null
has "its message" "$T/err" \
    "$T/lex/country-ids.tsv:1: unknown country code \"QQQ\""
rm "$T/lex/country-ids.tsv"
printf 'Atlantis League\tQ5\n' >"$T/lex/organization-ids.tsv"
expect "an unknown organization" 1 "$PROG" --lexicon "$T/lex" /dev/null
has "its message" "$T/err" "$T/lex/organization-ids.tsv:1: \"Atlantis League\" is no organization's name in organizations.tsv"

# A row of a user's directory adds an item (an arbitrary one here).
rm "$T/lex/organization-ids.tsv"
printf 'Olaf Scholz\tQ999999999\n' >"$T/lex/people-ids.tsv"
expect "a user's people-ids.tsv" 0 "$PROG" -f ntriples --lexicon "$T/lex" \
    "$top_srcdir/tests/data/linked/identifiers.txt"
has_line "its item in the output" "$T/out" \
    "<$I/person/olaf-scholz> $S <$W/Q999999999> ."

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
