#!/bin/sh
# jena.sh: Apache Jena's parser (riot, Debian's libapache-jena-java run by
# scripts/jena) reads every RDF syntax diplograph writes without an error
# or a warning: turtle, ntriples, nquads, rdfxml and json (RDF/JSON), each
# for the sample article, the awkward test articles and the dev corpus
# (../shared/corpus/dev; the project's test articles where it is absent,
# as on CI).  `riot --validate` exits 1 on any error or warning; its
# standard error must stay empty as well.  Not checked here: json-triples
# (Raptor's own JSON layout, which no Jena syntax reads) and dot (a
# picture, not RDF).  Skips (77) when java or the Jena jars are missing.
set -u

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-.}
dg="$top_builddir/src/diplograph"
jena="$top_srcdir/scripts/jena"

[ -x "$dg" ] || { echo "FAIL: $dg not built"; exit 1; }
command -v java >/dev/null 2>&1 || { echo "SKIP: java is not installed"; exit 77; }
[ -f "${JENA_JARS:-/usr/share/java}/jena-arq.jar" ] ||
    { echo "SKIP: libapache-jena-java is not installed"; exit 77; }

T=$(mktemp -d "${TMPDIR:-/tmp}/dg-jena.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
trap 'exit 1' HUP INT TERM
. "$top_srcdir/tests/testlib.sh"

FORMATS="turtle ntriples nquads rdfxml json"

# export_all NAME ARTICLE...: the articles in every format, $T/NAME.FORMAT.
export_all() {
    set_name=$1
    shift
    for format in $FORMATS; do
        expect "diplograph -f $format: the $set_name articles ($#)" 0 \
            "$dg" -f "$format" -o "$T/$set_name.$format" "$@"
    done
}
export_all sample "$top_srcdir/samples/blinken-xi-beijing.txt"
export_all awkward "$top_srcdir"/tests/data/awkward*.txt
corpus=$top_srcdir/../shared/corpus/dev
if ls "$corpus"/*.txt >/dev/null 2>&1; then
    export_all corpus "$corpus"/*.txt
else
    export_all corpus "$top_srcdir"/tests/data/batch/dir/*.txt \
        "$top_srcdir"/tests/data/batch/dir/sub/*.txt
fi

# One JVM for the three files of a format (starting Java is the slow part).
for pair in turtle:Turtle ntriples:N-Triples nquads:N-Quads rdfxml:RDF/XML json:RDF/JSON; do
    format=${pair%%:*}
    syntax=${pair#*:}
    "$jena" riot --validate --syntax="$syntax" "$T/sample.$format" \
        "$T/awkward.$format" "$T/corpus.$format" >"$T/out" 2>"$T/err"
    rc=$?
    if [ "$rc" -eq 0 ] && ! [ -s "$T/err" ] && ! [ -s "$T/out" ]; then
        ok "riot --validate --syntax=$syntax: no error, no warning ($format)"
    else
        bad "riot --validate --syntax=$syntax ($format): exit $rc"
        head -20 "$T/err" "$T/out" | cut -c1-300
    fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
