#!/bin/sh
# queries.sh: the SPARQL queries of samples/queries/ give exactly the rows
# of their .expected files, with two engines:
#   1. roqet (Rasqal) on samples/blinken-xi-beijing.ttl, on the graph
#      src/diplograph exports for the sample article now, and on its export
#      with --date 2024-04-26 (NAME.dated.expected: dated events);
#   2. a private Virtuoso (tests/virtuoso-start) through the SPARQL
#      protocol (curl, text/csv), the two exports pushed with
#      `diplograph --push` into named graphs given as default-graph-uri.
#   3. Apache Jena TDB2 (scripts/load-tdb2, then tdb2.tdbquery) on the
#      sample's fresh export.
# On the dev corpus (the project's test articles where ../shared is
# absent, as on CI) every query gives exactly the same rows from TDB2
# loaded from the Turtle export (the default graph), from TDB2 loaded
# from the N-Quads (a graph per article, queried as their union) and from
# Virtuoso, the corpus pushed by the Graph Store Protocol (a graph per
# article, all of them given as default-graph-uri).
# Every engine's CSV goes through one normaliser (norm, below), so a
# .expected file holds for every engine.  roqet must be installed
# (scripts/install-deps installs rasqal-utils); the Virtuoso and TDB2
# parts are skipped only when virtuoso-t, java or Jena are not installed.
# Run by `make check` (which sets top_srcdir and top_builddir).
set -u

top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
DG="$top_builddir/src/diplograph"
case $DG in /*) ;; *) DG="$PWD/$DG" ;; esac
PY=/usr/bin/python3
Q="$top_srcdir/samples/queries"
QUERIES="who-met-whom events-between-states topics-of-person timeline"
# The queries with a date column: checked on the dated export as well.
DATED="who-met-whom events-between-states timeline"
ARTICLE_DATE=2024-04-26

[ -x "$DG" ] || { echo "FAIL: $DG not built"; exit 1; }
for tool in roqet curl "$PY"; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "FAIL: $tool is not installed (scripts/install-deps installs it)"
        exit 1
    }
done

T=$(mktemp -d "${TMPDIR:-/tmp}/dg-queries.XXXXXX") || exit 99
cleanup() {
    "$top_srcdir/tests/virtuoso-stop" "$T/v"
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM
. "$top_srcdir/tests/testlib.sh"

# norm < CSV > PLAIN: SPARQL results as CSV (RFC 4180) in one plain form:
# a field is quoted only when it holds a comma, a double quote or a line
# break, and lines end in LF.  roqet quotes only where needed but ends
# lines in CRLF; Virtuoso quotes every IRI and string ("040") and leaves
# numbers bare.  Unbound values are empty fields in both.
norm() {
    "$PY" -c 'import csv, sys
w = csv.writer(sys.stdout, lineterminator="\n")
for row in csv.reader(sys.stdin):
    w.writerow(row)'
}

# rows NAME EXPECTED GOT: GOT equals the file EXPECTED.
rows() {
    if cmp -s "$2" "$3"; then
        ok "$1 ($(($(wc -l <"$3") - 1)) rows)"
    else
        bad "$1: differs from ${2#"$top_srcdir"/} (- expected, + got):"
        diff -u "$2" "$3" | sed -n '3,40p' | cut -c1-240
    fi
}

# roqet_all LABEL DATA SUFFIX: every query (of DATED when SUFFIX is .dated)
# run by roqet on the graph in the file DATA, against NAME$SUFFIX.expected.
roqet_all() {
    list=$QUERIES
    [ "$3" = .dated ] && list=$DATED
    for q in $list; do
        if roqet -q -i sparql11-query -r csv -D "$2" "$Q/$q.rq" \
            >"$T/raw.csv" 2>"$T/err"; then
            norm <"$T/raw.csv" >"$T/got.csv"
            rows "roqet $q.rq on $1" "$Q/$q$3.expected" "$T/got.csv"
        else
            bad "roqet $q.rq on $1: exit $?"
            sed 's/^/    stderr: /' "$T/err"
        fi
    done
}

# Export the sample inside samples/ with the bare file name, as
# `make samples` and tests/golden.sh do, so its IRIs match samples/.
export_sample() {
    (cd "$top_srcdir/samples" && "$DG" "$@" blinken-xi-beijing.txt)
}

# ---------------------------------------------------------------- roqet
roqet_all "samples/blinken-xi-beijing.ttl" \
    "$top_srcdir/samples/blinken-xi-beijing.ttl" ""
if export_sample -f turtle >"$T/fresh.ttl" 2>"$T/err"; then
    roqet_all "a fresh export" "$T/fresh.ttl" ""
else
    bad "export of the sample article failed"; cat "$T/err"
fi
if export_sample -f turtle --date "$ARTICLE_DATE" >"$T/dated.ttl" 2>"$T/err"; then
    roqet_all "the export with --date $ARTICLE_DATE" "$T/dated.ttl" .dated
else
    bad "export of the sample article with --date failed"; cat "$T/err"
fi

# ---------------------------------------------------------------- Virtuoso
# The same queries through the SPARQL protocol of a private Virtuoso, the
# sample pushed as tests/upload.sh pushes it (Graph Store Protocol, user
# dba), each export into a named graph that the query gets as its
# default graph (default-graph-uri), so the query text stays the same.
# virtuoso_rows NAME QUERY EXPECTED GRAPH...: QUERY's rows from Virtuoso
# with the GRAPHs as its default graph equal the file EXPECTED.
virtuoso_rows() {
    name=$1 query=$2 want=$3
    shift 3
    for graph in "$@"; do echo "default-graph-uri=$graph"; done >"$T/graphs.form"
    status=$(curl -sS --max-time 60 -o "$T/raw.csv" -w '%{http_code}' \
        -H 'Accept: text/csv' --data-urlencode "query@$query" \
        $(sed 's/^/--data-urlencode /' "$T/graphs.form") \
        "$base/sparql" 2>"$T/err")
    if [ "$status" = 200 ]; then
        norm <"$T/raw.csv" >"$T/got.csv"
        rows "$name" "$want" "$T/got.csv"
    else
        bad "$name: HTTP $status $(cat "$T/err")"
        head -5 "$T/raw.csv" | sed 's/^/    /'
    fi
}

"$top_srcdir/tests/virtuoso-start" "$T/v" $$
rc=$?
virtuoso=0
if [ "$rc" -eq 77 ]; then
    echo "SKIP: virtuoso-t is not installed: the endpoint part is skipped"
elif [ "$rc" -ne 0 ]; then
    bad "virtuoso-start failed (exit $rc)"
    tail -20 "$T/v/virtuoso.log" 2>/dev/null
else
    virtuoso=1
    . "$T/v/ports"
    base="http://127.0.0.1:$HTTP_PORT"
    g_sample=http://example.org/test/queries/sample
    g_dated=http://example.org/test/queries/dated
    export DIPLOGRAPH_PASSWORD=dba
    expect "push the sample" 0 export_sample --push "$base/sparql-graph-crud-auth" \
        --user dba --graph "$g_sample" --replace --verify
    expect "push the sample with --date" 0 export_sample --date "$ARTICLE_DATE" \
        --push "$base/sparql-graph-crud-auth" --user dba --graph "$g_dated" \
        --replace --verify
    for q in $QUERIES; do
        virtuoso_rows "Virtuoso $q.rq on <$g_sample>" "$Q/$q.rq" "$Q/$q.expected" "$g_sample"
        case " $DATED " in
            *" $q "*) virtuoso_rows "Virtuoso $q.rq on <$g_dated>" "$Q/$q.rq" \
                "$Q/$q.dated.expected" "$g_dated" ;;
        esac
    done
fi

# ---------------------------------------------------------------- TDB2
# Apache Jena TDB2, loaded by scripts/load-tdb2 as users load it: one
# database with the corpus's Turtle export (the default graph) and its
# N-Quads export (a graph per article), one with the sample's fresh
# export (its default graph).  roqet takes minutes a query on the corpus
# (who-met-whom: 425 s on the 31 dev articles), so on the corpus TDB2
# from the Turtle is the reference that TDB2 from the N-Quads (their
# union graph) and Virtuoso must meet exactly; on the sample, TDB2 must
# give the .expected rows that roqet and Virtuoso give.
corpus=$top_srcdir/../shared/corpus/dev
if ls "$corpus"/*.txt >/dev/null 2>&1; then
    set -- "$corpus"/*.txt
else
    set -- "$top_srcdir/samples/blinken-xi-beijing.txt" "$top_srcdir"/tests/data/*.txt \
        "$top_srcdir"/tests/data/batch/dir/*.txt "$top_srcdir"/tests/data/batch/dir/sub/*.txt
fi
articles="$# articles"
if ! command -v java >/dev/null 2>&1 || ! [ -f "${JENA_JARS:-/usr/share/java}/jena-tdb2.jar" ]; then
    echo "SKIP: java or Jena is not installed: the TDB2 part is skipped"
    have_tdb2=0
else
    have_tdb2=1
    expect "export the corpus ($articles) as Turtle" 0 "$DG" -f turtle -o "$T/corpus.ttl" "$@"
    expect "export the corpus ($articles) as N-Quads" 0 "$DG" -f nquads -o "$T/corpus.nq" "$@"
    if [ "$virtuoso" -eq 1 ]; then
        expect "push the corpus ($articles), a graph per article" 0 \
            "$DG" --push "$base/sparql-graph-crud-auth" --user dba --replace --verify "$@"
    fi
    expect "scripts/load-tdb2 of the corpus Turtle and N-Quads" 0 \
        "$top_srcdir/scripts/load-tdb2" "$T/tdb" "$T/corpus.ttl" "$T/corpus.nq"
    has "load-tdb2 read every quad" "$T/out" \
        "End file: corpus.nq (triples/quads = $(grep -c . "$T/corpus.nq" |
            sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'))"
    expect "scripts/load-tdb2 of the sample" 0 \
        "$top_srcdir/scripts/load-tdb2" "$T/tdb-sample" "$T/fresh.ttl"
fi

# tdb2_rows NAME DB QUERY EXPECTED [TDBQUERY-OPTION...]: QUERY's rows from
# the TDB2 database DB equal the file EXPECTED.
tdb2_rows() {
    name=$1 db=$2 query=$3 want=$4
    shift 4
    if "$top_srcdir/scripts/jena" tdb2.tdbquery --loc "$db" "$@" --results=CSV \
        --query "$query" >"$T/raw.csv" 2>"$T/err"; then
        norm <"$T/raw.csv" >"$T/got.csv"
        rows "$name" "$want" "$T/got.csv"
    else
        bad "$name: exit $?"
        sed 's/^/    stderr: /' "$T/err" | head -20
    fi
}

if [ "$have_tdb2" -eq 1 ]; then
    for q in $QUERIES; do
        tdb2_rows "TDB2 $q.rq on the sample" "$T/tdb-sample" "$Q/$q.rq" "$Q/$q.expected"
        if "$top_srcdir/scripts/jena" tdb2.tdbquery --loc "$T/tdb" --results=CSV \
            --query "$Q/$q.rq" >"$T/raw.csv" 2>"$T/err"; then
            norm <"$T/raw.csv" >"$T/corpus-$q.csv"
            ok "TDB2 $q.rq on the corpus from Turtle ($(($(wc -l <"$T/corpus-$q.csv") - 1)) rows)"
        else
            bad "TDB2 $q.rq on the corpus from Turtle: exit $?"
            sed 's/^/    stderr: /' "$T/err" | head -20
            continue
        fi
        tdb2_rows "TDB2 $q.rq on the corpus from N-Quads = from Turtle" "$T/tdb" \
            "$Q/$q.rq" "$T/corpus-$q.csv" --set tdb:unionDefaultGraph=true
        if [ "$virtuoso" -eq 1 ]; then
            set -- $(sed 's/.* <\([^>]*\)> \.$/\1/' "$T/corpus.nq" | LC_ALL=C sort -u)
            virtuoso_rows "Virtuoso $q.rq on the corpus ($# graphs) = TDB2" "$Q/$q.rq" \
                "$T/corpus-$q.csv" "$@"
        fi
    done
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
