# testlib.sh: the helpers the shell tests share, sourced after $T (a
# scratch directory) is set.  Each check prints "ok: NAME" or
# "FAIL: NAME ..." and counts into $pass and $fail; a test ends with
#   echo "$pass passed, $fail failed"; [ "$fail" -eq 0 ]
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

# expect NAME WANT_RC CMD...: runs CMD (stdout to $T/out, stderr to
# $T/err) and checks its exit status.
expect() {
    name=$1 want=$2
    shift 2
    "$@" >"$T/out" 2>"$T/err"
    rc=$?
    if [ "$rc" -eq "$want" ]; then
        ok "$name (exit $rc)"
    else
        bad "$name: exit $rc, want $want"
        sed 's/^/    stderr: /' "$T/err"
    fi
}

# has_line NAME FILE TEXT: FILE holds the line TEXT exactly.
has_line() {
    if grep -qxF -- "$3" "$2"; then ok "$1"; else
        bad "$1: no line '$3' in:"
        sed 's/^/    /' "$2" | head -40
    fi
}

# has NAME FILE TEXT: FILE contains TEXT.
has() {
    if grep -qF -- "$3" "$2"; then ok "$1"; else
        bad "$1: no '$3' in:"
        sed 's/^/    /' "$2" | head -40
    fi
}

# same NAME A B: files A and B are byte-identical.
same() {
    if cmp -s "$2" "$3"; then ok "$1"; else
        bad "$1: $2 and $3 differ"
        diff "$2" "$3" | head -10
    fi
}
