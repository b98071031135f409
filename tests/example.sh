#!/bin/sh
# example.sh: samples/example.c, built by make check against the library
# as a user's program would be, extracts a meeting from one sentence.
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
out=$("$top_builddir/samples/example" "$top_srcdir/data" \
      "Chinese Foreign Minister Li Wei met Kenji Sato in Beijing.") || {
    echo "FAIL: example exited non-zero"; echo "0 passed, 1 failed"; exit 1; }
pass=0 fail=0
for want in '# graph <https://w3id.org/diplograph/id/graph/' \
    '<https://w3id.org/diplograph/ns#Meeting>' \
    '<https://w3id.org/diplograph/ns#participant> <https://w3id.org/diplograph/id/person/li-wei>' \
    '<https://w3id.org/diplograph/ns#location> <https://w3id.org/diplograph/id/place/beijing>'; do
    if printf '%s\n' "$out" | grep -qF -- "$want"; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAIL: no line with: $want"; fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
