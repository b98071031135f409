#!/bin/sh
# bulkload.sh: Virtuoso's bulk loader (ld_dir + rdf_loader_run through
# scripts/virtuoso-bulk-load) on the N-Quads of a small corpus, one file
# and one named graph per article: the dev corpus, or the project's test
# articles where ../shared is absent (as on CI), into a private Virtuoso
# run from Debian's virtuoso.ini (tests/virtuoso-start).  Checks the
# triples of every graph against the N-Quads files, that loading again
# doubles nothing, that a broken file is named with the server's reason
# while the others load, and that a directory outside DirsAllowed is
# refused.  Skips (77) when virtuoso-t is not installed.
set -u

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-.}
DG="$top_builddir/src/diplograph"
load="$top_srcdir/scripts/virtuoso-bulk-load"

[ -x "$DG" ] || { echo "FAIL: $DG not built"; exit 1; }
command -v virtuoso-t >/dev/null 2>&1 || { echo "SKIP: virtuoso-t is not installed"; exit 77; }

T=$(mktemp -d "${TMPDIR:-/tmp}/dg-bulkload.XXXXXX") || exit 99
cleanup() {
    "$top_srcdir/tests/virtuoso-stop" "$T/v"
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM
. "$top_srcdir/tests/testlib.sh"

"$top_srcdir/tests/virtuoso-start" "$T/v" $$
rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: virtuoso-start exit $rc"; exit "$rc"; }
. "$T/v/ports"
dir=$(cd "$T/v" && pwd)    # in DirsAllowed (tests/virtuoso-start)
export DIPLOGRAPH_PASSWORD=dba

corpus=$top_srcdir/../shared/corpus/dev
if ls "$corpus"/*.txt >/dev/null 2>&1; then
    set -- "$corpus"/*.txt
else
    set -- "$top_srcdir/samples/blinken-xi-beijing.txt" "$top_srcdir"/tests/data/*.txt \
        "$top_srcdir"/tests/data/batch/dir/*.txt "$top_srcdir"/tests/data/batch/dir/sub/*.txt
fi
mkdir "$dir/load" "$dir/bad"
n=0
for article in "$@"; do
    n=$((n + 1))
    "$DG" -f nquads -o "$dir/load/$n.nq" "$article" ||
        bad "export of $article"
done

# graph_counts FILE...: "GRAPH COUNT" lines for the quads of the files.
graph_counts() {
    cat "$@" | sed 's/.* <\([^>]*\)> \.$/\1/' | LC_ALL=C sort | uniq -c |
        awk '{ print $2 " " $1 }'
}
# stored_counts: the same as Virtuoso holds them for those graphs.
stored_counts() {
    values=$(cut -d ' ' -f 1 "$T/want" | sed 's/.*/<&>/' | tr '\n' ' ')
    curl -s --max-time 60 -H 'Accept: text/csv' --data-urlencode \
        "query=SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g { $values } GRAPH ?g { ?s ?p ?o } }
         GROUP BY ?g ORDER BY STR(?g)" "http://127.0.0.1:$HTTP_PORT/sparql" |
        sed 1d | tr -d '"\r' | tr ',' ' ' | LC_ALL=C sort
}
graph_counts "$dir"/load/*.nq >"$T/want"

expect "bulk load of $n article files" 0 "$load" -H "127.0.0.1:$SQL_PORT" "$dir/load"
has "every file loaded" "$T/out" "loaded $dir/load/$n.nq"
[ "$(grep -c '^loaded ' "$T/out")" -eq "$n" ] && ok "$n files reported loaded" ||
    bad "$(grep -c '^loaded ' "$T/out") of $n files reported loaded"
stored_counts >"$T/got"
same "the triples of each of the $(wc -l <"$T/want") graphs" "$T/want" "$T/got"

expect "bulk load again" 0 "$load" -H "127.0.0.1:$SQL_PORT" "$dir/load/"
stored_counts >"$T/got"
same "loaded again: no triple doubled" "$T/want" "$T/got"

# A broken file is named with the loader's reason; the good one loads.
cp "$dir/load/1.nq" "$dir/bad/good.nq"
printf '<http://example.org/a> <http://example.org/b> "unterminated <http://example.org/g> .\n' \
    >"$dir/bad/broken.nq"
expect "bulk load with a broken file" 1 "$load" -H "127.0.0.1:$SQL_PORT" "$dir/bad"
has "the good file loaded" "$T/out" "loaded $dir/bad/good.nq"
has "the broken file named with the reason" "$T/out" \
    "FAILED $dir/bad/broken.nq: 37000 [Vectorized Turtle loader] SP029: NQuads RDF loader, line 2: Unterminated short double-quoted string"

# The server reads the files itself, from DirsAllowed only (Virtuoso 7.2.5
# lets it read /tmp as well).
samples=$(cd "$top_srcdir/samples" && pwd)
case $samples in
    /tmp/*) echo "skip: the source tree is under /tmp, which Virtuoso may read" ;;
    *)
        expect "a directory outside DirsAllowed" 1 "$load" -H "127.0.0.1:$SQL_PORT" "$samples"
        has "refused with the server's reason" "$T/err" \
            "FA003: Access to '$samples' is denied due to access control in ini file" ;;
esac

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
