#!/bin/sh
# queries.sh: the SPARQL queries of samples/queries/ give exactly the rows
# of their .expected files, with two engines:
#   1. roqet (Rasqal) on samples/blinken-xi-beijing.ttl, on the graph
#      src/diplograph exports for the sample article now, and on its export
#      with --date 2024-04-26 (NAME.dated.expected: dated events);
#   2. a private Virtuoso (tests/virtuoso-start) through the SPARQL
#      protocol (curl, text/csv), the two exports pushed with
#      `diplograph --push` into named graphs given as default-graph-uri.
# Both engines' CSV goes through one normaliser (norm, below), so a
# .expected file holds for every engine.  roqet must be installed
# (scripts/install-deps installs rasqal-utils); the Virtuoso part is
# skipped only when virtuoso-t is not installed.
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
"$top_srcdir/tests/virtuoso-start" "$T/v" $$
rc=$?
if [ "$rc" -eq 77 ]; then
    echo "SKIP: virtuoso-t is not installed: the endpoint part is skipped"
elif [ "$rc" -ne 0 ]; then
    bad "virtuoso-start failed (exit $rc)"
    tail -20 "$T/v/virtuoso.log" 2>/dev/null
else
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
        for graph in "$g_sample" $(case " $DATED " in *" $q "*) echo "$g_dated" ;; esac); do
            suffix=
            [ "$graph" = "$g_dated" ] && suffix=.dated
            name="Virtuoso $q.rq on <$graph>"
            status=$(curl -sS --max-time 60 -o "$T/raw.csv" -w '%{http_code}' \
                -H 'Accept: text/csv' --data-urlencode "query@$Q/$q.rq" \
                --data-urlencode "default-graph-uri=$graph" \
                "$base/sparql" 2>"$T/err")
            if [ "$status" = 200 ]; then
                norm <"$T/raw.csv" >"$T/got.csv"
                rows "$name" "$Q/$q$suffix.expected" "$T/got.csv"
            else
                bad "$name: HTTP $status $(cat "$T/err")"
                head -5 "$T/raw.csv" | sed 's/^/    /'
            fi
        done
    done
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
