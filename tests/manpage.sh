#!/bin/sh
# manpage.sh: every option --help lists is described in doc/diplograph.1
# (written there with roff's escaped hyphens, "\-\-format"), and the man
# page names no option the program does not have.
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
DG="$top_builddir/src/diplograph"
MAN="$top_srcdir/doc/diplograph.1"
pass=0 fail=0

help_opts=$("$DG" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
man_opts=$(grep -oE -- '\\-\\-[a-z]([a-z]|\\-)*' "$MAN" | sed 's/\\-/-/g' | sort -u)
for o in $help_opts; do
    if printf '%s\n' "$man_opts" | grep -qx -- "$o"; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAIL: $o is in --help but not in the man page"; fi
done
for o in $man_opts; do
    if printf '%s\n' "$help_opts" | grep -qx -- "$o"; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAIL: $o is in the man page but not in --help"; fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
