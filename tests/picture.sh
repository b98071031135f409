#!/bin/sh
# picture.sh: `diplograph -f dot` draws a picture people can read.  On the
# sample article: nodes are named by their rdfs:label and class (no bare
# id: IRIs), the NIF text layer (the article text, sentences, phrases) is
# left out, a long literal is cut, Graphviz's dot accepts the output (also
# with < and > in a literal, a node IRI over 16 KiB and a 17,000-letter
# name, which Graphviz refused before), and the committed
# docs/sample-graph.svg is what `make picture` draws now.
# Graphviz (dot) is installed by scripts/install-deps: without it this
# test fails rather than skips.
# Run by `make check` (which sets top_srcdir and top_builddir).

top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
DG="$top_builddir/src/diplograph"
SVG="$top_srcdir/docs/sample-graph.svg"

T=$(mktemp -d "${TMPDIR:-/tmp}/dg-picture.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT INT TERM
. "$top_srcdir/tests/testlib.sh"

# Inside samples/ with the bare file name, as `make picture` runs it.
DGABS=$(cd "$(dirname "$DG")" && pwd)/diplograph
expect "-f dot on the sample" 0 sh -c \
    'cd "$1/samples" && "$2" -f dot blinken-xi-beijing.txt' sh "$top_srcdir" "$DGABS"
cp "$T/out" "$T/sample.dot"

# nodes by label and class, the edges between them
has_line "meeting's participant" "$T/sample.dot" \
    '	"RMeeting 2229afc028605acb-1" -> "RAntony Blinken (Person)" [ label="dip:participant" ];'
has_line "meeting's place" "$T/sample.dot" \
    '	"RMeeting 2229afc028605acb-1" -> "RBeijing (City)" [ label="dip:location" ];'
has_line "person node" "$T/sample.dot" \
    '	"RAntony Blinken (Person)" [ label="Antony Blinken (Person)", shape = ellipse, color = blue ];'
has_line "post held" "$T/sample.dot" \
    '	"RXi Jinping (Person)" -> "RPresident (Post)" [ label="dip:holds" ];'
has_line "second post of the same name" "$T/sample.dot" \
    '	"RJoe Biden (Person)" -> "RPresident (Post) #2" [ label="dip:holds" ];'
has_line "topic" "$T/sample.dot" \
    '	"RMeeting 2229afc028605acb-3" -> "RU.S. export controls (Topic)" [ label="dip:topic" ];'
has_line "unlabelled node keeps its IRI" "$T/sample.dot" \
    '	"RU.S. export controls (Topic)" -> "Rdip:topic-trade" [ label="skos:broader" ];'
has_line "short literal" "$T/sample.dot" \
    '	"RVisit 2229afc028605acb-2" -> "LP3D|Datatype: xsd:duration" [ label="dip:duration" ];'
edges=$(grep -c -- ' -> ' "$T/sample.dot")
[ "$edges" -eq 172 ] && ok "172 edges" || bad "$edges edges, want 172"

# what stays out
for no in nif:isString nif:Context 'label="nif:' 'label="itsrdf:' '#char=' \
    'label="rdf:type"' 'label="rdfs:label"' '"Rid:' 'Blinken met with'; do
    if grep -qF -- "$no" "$T/sample.dot"; then
        bad "'$no' in the picture:"
        grep -F -- "$no" "$T/sample.dot" | cut -c1-100 | head -3
    else
        ok "no '$no'"
    fi
done

# a long literal is cut to 40 characters, the last one an ellipsis
printf 'Antony Blinken met Xi Jinping in Beijing on Friday.\n' >"$T/small.txt"
expect "-f dot --title" 0 "$DG" -f dot \
    --title 'A "quoted" title that is much longer than forty characters' "$T/small.txt"
has "long literal cut" "$T/out" \
    '" -> "LA \"quoted\" title that is much longer th…" [ label="dcterms:title" ];'

# Graphviz reads it
if command -v dot >/dev/null 2>&1; then
    # What Graphviz refuses in a label or an ID stays out: < and > in a
    # literal (record fields), a node IRI of 16 KiB or more (its limit of
    # a quoted string), a long name; each picture is drawn.
    long="https://news.example.org/$(head -c 17000 /dev/zero | tr '\0' a)"
    mkdir "$T/lex"
    printf '%s\tcity\tFRA\t\t\n' "Long $(head -c 17000 /dev/zero | tr '\0' b)ville" \
        >"$T/lex/places.tsv"
    printf 'The ministers met in Long %sville on Monday.\n' \
        "$(head -c 17000 /dev/zero | tr '\0' b)" >"$T/long.txt"
    for case_ in "title:--title:a <b> c" "title:--title:x > y < z" \
        "source:--source:$long"; do
        opt=${case_#*:}
        expect "-f dot with a ${case_%%:*} of $(printf %s "${opt#*:}" | wc -c) bytes" \
            0 "$DG" -f dot "${opt%%:*}" "${opt#*:}" "$T/small.txt"
        cp "$T/out" "$T/case.dot"
        expect "dot -Tsvg draws it" 0 dot -Tsvg "$T/case.dot"
    done
    expect "-f dot with a place named by 17,000 letters" 0 "$DG" -f dot \
        --lexicon "$T/lex" "$T/long.txt"
    cp "$T/out" "$T/case.dot"
    has "the place's name cut to 1,000 characters" "$T/case.dot" \
        "\"RLong $(head -c 994 /dev/zero | tr '\0' b)…\""
    expect "dot -Tsvg draws it" 0 dot -Tsvg "$T/case.dot"

    expect "dot -Tsvg" 0 dot -Tsvg "$T/sample.dot"
    first=$(head -n 1 "$T/out")
    [ "$first" = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>' ] \
        && ok "SVG header" || bad "first line of dot's output: $first"
    grep -q '^<svg ' "$T/out" && ok "an <svg> element" || bad "no <svg> element"

    # The committed picture is up to date: drawn as `make picture` draws
    # it (Graphviz output is byte-identical for the same input).
    expect "draw the picture" 0 dot -Tsvg -Gfontname='DejaVu Sans' \
        -Nfontname='DejaVu Sans' -Efontname='DejaVu Sans' \
        -o "$T/sample-graph.svg" "$T/sample.dot"
    same "docs/sample-graph.svg is up to date (make picture)" \
        "$SVG" "$T/sample-graph.svg"
else
    bad "dot (Graphviz) is not installed: scripts/install-deps installs it"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
