#!/bin/sh
# shapes.sh: diplograph's output checked against the SHACL shapes of
# ontology/shapes.ttl (with scripts/shacl-validate, Apache Jena) and against
# the ontology (scripts/check-ontology: every dip: term used is declared).
#  - the shapes list every event class of the ontology, and each class's own
#    CAMEO code fits the pattern its shape sets;
#  - the sample article's output conforms;
#  - the output of every development article (../shared/corpus/dev, with the
#    date, source and title of its .meta file) conforms, all in one Jena run;
#    where that corpus is absent, our own articles (tests/data/**/*.txt and
#    the sample) do instead;
#  - hand-written graphs in tests/data/shapes/ that break one rule each give
#    exactly the expected violations (focus node, path, constraint, shape);
#  - a graph with an undeclared dip: term fails check-ontology.
# Run by `make check` (which sets top_srcdir and top_builddir).  Needs java,
# libapache-jena-java, python3-rdflib and rapper (scripts/install-deps).

top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
DG="$top_builddir/src/diplograph"
PY=/usr/bin/python3
VALIDATE="$top_srcdir/scripts/shacl-validate"
CHECK="$top_srcdir/scripts/check-ontology"
SHAPES="$top_srcdir/ontology/shapes.ttl"
ONTOLOGY="$top_srcdir/ontology/diplomacy.ttl"
SAMPLE="$top_srcdir/samples/blinken-xi-beijing.txt"
D="$top_srcdir/tests/data/shapes"
CORPUS="$top_srcdir/../shared/corpus/dev"

T=$(mktemp -d "${TMPDIR:-/tmp}/dg-shapes.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT INT TERM
. "$top_srcdir/tests/testlib.sh"

# results REPORT: one line per sh:ValidationResult of a Turtle report,
# sorted: "FOCUS PATH CONSTRAINT-COMPONENT SOURCE-SHAPE" with known
# namespaces abbreviated, "-" for none, "[]" for a blank shape, (a|b|c)
# for an alternative path.
results() {
    "$PY" - "$1" <<'EOF'
import sys, rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
PREFIXES = {"https://w3id.org/diplograph/ns#": "dip:",
            "https://w3id.org/diplograph/shapes#": "dipsh:",
            "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
            "http://www.w3.org/ns/prov#": "prov:",
            "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#": "nif:",
            "http://www.w3.org/ns/shacl#": "sh:",
            "http://example.org/t/": "ex:"}
g = rdflib.Graph()
g.parse(sys.argv[1], format="turtle")
def name(n):
    if n is None:
        return "-"
    if isinstance(n, rdflib.BNode):
        alt = g.value(n, SH.alternativePath)
        if alt is not None:
            # Jena writes (a|b|c) as ((a|b)|c): flatten.
            parts = [name(x) for x in Collection(g, alt)]
            return "(" + "|".join(p[1:-1] if p.startswith("(") else p
                                  for p in parts) + ")"
        inv = g.value(n, SH.inversePath)
        return "^" + name(inv) if inv is not None else "[]"
    for iri, p in PREFIXES.items():
        if str(n).startswith(iri):
            return p + str(n)[len(iri):]
    return "<%s>" % n
print("\n".join(sorted(" ".join(name(g.value(r, p)) for p in
    (SH.focusNode, SH.resultPath, SH.sourceConstraintComponent, SH.sourceShape))
    for r in g.subjects(RDF.type, SH.ValidationResult))))
EOF
}

# conforms NAME FILE...: shacl-validate finds that the data conforms.
conforms() {
    what=$1
    shift
    expect "$what: shacl-validate exit status" 0 "$VALIDATE" "$@"
    has_line "$what: the report says it conforms" "$T/out" "  sh:conforms  true"
}

# violates NAME EXPECTED-RESULT-LINE...: tests/data/shapes/NAME.ttl does not
# conform, with exactly these results.
violates() {
    case_=$1
    shift
    expect "$case_: shacl-validate exit status" 1 "$VALIDATE" "$D/$case_.ttl"
    has_line "$case_: the report says it does not conform" "$T/out" "  sh:conforms  false ;"
    results "$T/out" >"$T/got" 2>&1
    printf '%s\n' "$@" | sort >"$T/want"
    if cmp -s "$T/got" "$T/want"; then ok "$case_: exactly the expected violations"; else
        bad "$case_: violations differ (want, got):"
        sed 's/^/    want: /' "$T/want"
        sed 's/^/    got:  /' "$T/got"
    fi
}

# -------------------------------------------------- shapes vs. ontology
# Every event class of the ontology (rdfs:subClassOf* dip:DiplomaticEvent)
# is a target of dipsh:Event and allowed by dipsh:Event-type, and has a
# CAMEO shape whose pattern its own dip:cameoCode fits; nothing else is.
# The entity and place shapes name dip:Place and all its subclasses.
if "$PY" - "$ONTOLOGY" "$SHAPES" >"$T/classes" 2>&1 <<'EOF'; then ok "shapes cover every event and place class of the ontology"; else bad "shapes and ontology disagree:"; sed 's/^/    /' "$T/classes"; fi
import re, sys, rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDFS
DIP = rdflib.Namespace("https://w3id.org/diplograph/ns#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
DSH = rdflib.Namespace("https://w3id.org/diplograph/shapes#")
onto = rdflib.Graph().parse(sys.argv[1], format="turtle")
shapes = rdflib.Graph().parse(sys.argv[2], format="turtle")
events = set(onto.transitive_subjects(RDFS.subClassOf, DIP.DiplomaticEvent)) - {DIP.DiplomaticEvent}
errors = []
targets = set(shapes.objects(DSH.Event, SH.targetClass)) - {DIP.DiplomaticEvent}
if targets != events:
    errors.append("dipsh:Event targets: missing %s, extra %s" % (sorted(events - targets), sorted(targets - events)))
q = shapes.value(DSH["Event-type"], SH.qualifiedValueShape)
allowed = set(Collection(shapes, shapes.value(q, SH["in"])))
if allowed != events:
    errors.append("dipsh:Event-type: missing %s, extra %s" % (sorted(events - allowed), sorted(allowed - events)))
for c in sorted(events):
    code = str(onto.value(c, DIP.cameoCode))
    pats = [str(shapes.value(s, SH.pattern)) for s in shapes.subjects(SH.targetClass, c)
            if shapes.value(s, SH.path) == DIP.cameoCode]
    if len(pats) != 1 or not re.search(pats[0], code):
        errors.append("%s (CAMEO %s): CAMEO patterns %s" % (c, code, pats))
places = set(onto.transitive_subjects(RDFS.subClassOf, DIP.Place))
entities = places | {DIP.Person, DIP.Country, DIP.Organization}
for shape, want in ((DSH.EntityLabels, entities), (DSH.Place, places)):
    got = set(shapes.objects(shape, SH.targetClass))
    if got != want:
        errors.append("%s targets: missing %s, extra %s" % (shape, sorted(want - got), sorted(got - want)))
for shape, want in ((DSH.Entity, entities), (DSH.Whereabouts, places | {DIP.Country})):
    got = set(shapes.value(m, SH["class"]) for m in Collection(shapes, shapes.value(shape, SH["or"])))
    if got != want:
        errors.append("%s classes: missing %s, extra %s" % (shape, sorted(want - got), sorted(got - want)))
print("\n".join(errors) or "%d event classes" % len(events))
sys.exit(1 if errors else 0)
EOF

# -------------------------------------------------- the sample
if "$DG" -f ntriples -o "$T/sample.nt" "$SAMPLE"; then
    conforms "sample" "$T/sample.nt"
    expect "sample: check-ontology" 0 "$CHECK" "$T/sample.nt"
else
    bad "export of the sample"
fi

# -------------------------------------------------- a whole corpus
# Each article gets its own base IRI, so that the graphs stay apart when
# concatenated (the contract's one rdfs:label per entity holds per article).
mkdir "$T/corpus"
if ls "$CORPUS"/*.txt >/dev/null 2>&1; then
    set="the development corpus ($CORPUS)"
    ls "$CORPUS"/*.txt >"$T/articles"
else
    set="our own articles (tests/data/**/*.txt and the sample; no $CORPUS)"
    { find "$top_srcdir/tests/data" -name '*.txt' | LC_ALL=C sort; echo "$SAMPLE"; } >"$T/articles"
fi
i=0
exported=0
while IFS= read -r art; do
    i=$((i + 1))
    meta=${art%.txt}.meta
    date="" src="" title=""
    if [ -f "$meta" ]; then
        date=$(sed -n 's/^date: *\([0-9][0-9-]*\)$/\1/p' "$meta" | head -n 1)
        src=$(sed -n 's/^source: *\(http[^ ]*\)$/\1/p' "$meta" | head -n 1)
        title=$(sed -n 's/^title: *\(..*\)$/\1/p' "$meta" | head -n 1)
    fi
    if "$DG" -b "https://w3id.org/diplograph/id/a$i/" ${date:+--date "$date"} \
        ${src:+--source "$src"} ${title:+--title "$title"} \
        -f ntriples -o "$T/corpus/$i.nt" "$art" 2>"$T/err"; then
        exported=$((exported + 1))
    else
        bad "export of $art: $(tail -n 1 "$T/err")"
    fi
done <"$T/articles"
echo "corpus: $exported of $i articles of $set"
if [ "$exported" -gt 0 ] && [ "$exported" -eq "$i" ]; then
    ok "corpus: every article exported ($i)"
else
    bad "corpus: $exported of $i articles exported"
fi
# The hand-written valid graph joins the run: every other file of
# tests/data/shapes differs from it in one rule.
if rapper -q -i turtle -o ntriples "$D/valid.ttl" >"$T/corpus/valid.nt"; then
    conforms "corpus: $i articles and tests/data/shapes/valid.ttl" "$T/corpus"/*.nt
else
    bad "rapper could not read $D/valid.ttl"
fi
expect "corpus: check-ontology" 0 "$CHECK" "$T/corpus"/*.nt

# -------------------------------------------------- one rule broken
violates event-no-participant \
    "ex:event (dip:participant|dip:host|dip:visitor|dip:speaker|dip:target) sh:MinCountConstraintComponent dipsh:Event-participant"
violates event-no-source \
    "ex:event prov:wasDerivedFrom sh:MinCountConstraintComponent dipsh:Event-source"
violates entity-two-labels \
    "ex:chl rdfs:label sh:MaxCountConstraintComponent dipsh:Entity-label"
violates bad-cameo \
    "ex:event dip:cameoCode sh:PatternConstraintComponent dipsh:Event-cameoCode" \
    "ex:event dip:cameoCode sh:PatternConstraintComponent dipsh:Meeting-cameo"
violates cameo-class \
    "ex:event dip:cameoCode sh:PatternConstraintComponent dipsh:Visit-cameo"
violates anchor-offsets \
    "ex:mention - sh:SPARQLConstraintComponent dipsh:Span"

# -------------------------------------------------- check-ontology
expect "check-ontology rejects an undeclared dip: term" 1 "$CHECK" "$D/undeclared-term.ttl"
has_line "check-ontology names the term" "$T/out" "$D/undeclared-term.ttl: undeclared term dip:Banquet"

# -------------------------------------------------- shacl-validate's errors
expect "shacl-validate: a missing data file" 2 "$VALIDATE" "$T/none.ttl"
has_line "shacl-validate: names the missing file" "$T/err" "shacl-validate: $T/none.ttl: no such file"
printf 'not turtle at all\n' >"$T/broken.ttl"
expect "shacl-validate: a data file that does not parse" 2 "$VALIDATE" "$T/broken.ttl"
has "shacl-validate: names the broken file" "$T/err" "shacl-validate: data file $T/broken.ttl: Jena failed (exit 2): "

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
