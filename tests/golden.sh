#!/bin/sh
# golden.sh: the sample article's export equals the committed samples:
# sorted N-Triples equal samples/blinken-xi-beijing.nt sorted, and the
# Turtle equals samples/blinken-xi-beijing.ttl byte for byte.  After a
# deliberate change to the output: `make samples`, review, commit.
# Run by `make check` (which sets top_srcdir and top_builddir).

top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
DG="$top_builddir/src/diplograph"
case $DG in /*) ;; *) DG="$PWD/$DG" ;; esac
S="$top_srcdir/samples/blinken-xi-beijing"
T=$(mktemp -d "${TMPDIR:-/tmp}/dg-golden.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

for f in "$S.txt" "$S.nt" "$S.ttl"; do
    [ -f "$f" ] || { echo "FAIL: missing $f (run: make samples)"; exit 1; }
done

# Run in samples/ with the bare file name, as `make samples` does, so the
# article's name is the same whatever the build directory.
run_sample() { (cd "$top_srcdir/samples" && "$DG" -f "$1" blinken-xi-beijing.txt); }

if run_sample ntriples >"$T/out.nt"; then
    LC_ALL=C sort "$T/out.nt" >"$T/got.nt"
    LC_ALL=C sort "$S.nt" >"$T/want.nt"
    if cmp -s "$T/got.nt" "$T/want.nt"; then
        ok "N-Triples equal samples/blinken-xi-beijing.nt ($(wc -l <"$T/got.nt" | tr -d ' ') triples)"
    else
        bad "N-Triples differ from samples/blinken-xi-beijing.nt (- expected, + got):"
        diff -u "$T/want.nt" "$T/got.nt" | sed -n '3,60p' | cut -c1-300
    fi
else
    bad "export to N-Triples failed"
fi

if run_sample turtle >"$T/out.ttl"; then
    if cmp -s "$T/out.ttl" "$S.ttl"; then
        ok "Turtle equals samples/blinken-xi-beijing.ttl byte for byte"
    else
        bad "Turtle differs from samples/blinken-xi-beijing.ttl (- expected, + got):"
        diff -u "$S.ttl" "$T/out.ttl" | sed -n '3,60p' | cut -c1-300
    fi
else
    bad "export to Turtle failed"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
