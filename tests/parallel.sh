#!/bin/sh
# parallel.sh: the GNU parallel commands of docs/scaling.md, section 1,
# run as they are written there (each fenced block after a line
# "<!-- tests/parallel.sh runs this block ... -->", taken from the
# document itself), with the build tree's diplograph first on PATH.  On a
# JSON Lines corpus of the test articles, the joined output is
# byte-identical to one diplograph process.  With a bad record, the block
# fails naming the shard file and line, writes no corpus.nq and keeps the
# other shards; once that shard is mended, the second block runs only it
# and gives the one-process output of the mended corpus.  Skips (77) only
# without GNU parallel.  Run by `make check` (which sets top_srcdir and
# top_builddir).

top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
DOC="$top_srcdir/docs/scaling.md"

if ! parallel --version 2>/dev/null | grep -q '^GNU parallel'; then
    echo "skip: GNU parallel (Debian: parallel) is not installed"
    exit 77
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/dg-parallel.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP

. "$top_srcdir/tests/testlib.sh"

PATH="$(cd "$top_builddir/src" && pwd):$PATH"
export PATH
# GNU parallel keeps its state in $HOME/.parallel: here, not the user's.
HOME=$T
export HOME

# The fenced blocks after the marker lines, one file each: $T/block1, ...
awk -v dir="$T" '
    /^<!-- tests\/parallel\.sh runs this block/ { want = 1; next }
    want && /^```sh$/ { n++; file = dir "/block" n; want = 0; next }
    file && /^```$/ { close(file); file = ""; next }
    file { print > file }
' "$DOC"
if [ -s "$T/block1" ] && [ -s "$T/block2" ] && [ ! -e "$T/block3" ]; then
    ok "two blocks in docs/scaling.md"
else
    bad "the blocks of docs/scaling.md:"; ls "$T"; exit 1
fi

# run NAME WANT_RC DIR BLOCK: runs BLOCK with sh in DIR (stdin closed).
run() {
    expect "$1" "$2" sh -c 'cd "$1" && exec sh "$2" </dev/null' _ "$3" "$4"
}

# ---------------------------------------------------------------- a corpus
mkdir "$T/good"
"$top_srcdir/tests/jsonl-corpus" 15 >"$T/good/corpus.jsonl"
diplograph -q -j 1 -f nquads --input-format jsonl "$T/good/corpus.jsonl" >"$T/one.nq"
run "the documented commands" 0 "$T/good" "$T/block1"
same "corpus.nq = one process" "$T/good/corpus.nq" "$T/one.nq"
ls "$T/good" | grep '^shard-..\.nq$' >"$T/shards"
if [ "$(wc -l <"$T/shards")" -eq 8 ]; then ok "8 shard outputs"; else bad "shard outputs:"; cat "$T/shards"; fi
if ls -a "$T/good" | grep -q '^\.diplograph-'; then bad "temporary files left"; else ok "no temporary file left"; fi

# ---------------------------------------------------------------- a bad record
mkdir "$T/bad"
{ head -n 40 "$T/good/corpus.jsonl"; echo '{"id": "bad", "text": "unterminated'
  tail -n +41 "$T/good/corpus.jsonl"; } >"$T/bad/corpus.jsonl"
run "a bad record" 1 "$T/bad" "$T/block1"
where=$(cd "$T/bad" && grep -n '"unterminated$' shard-*.jsonl | cut -d: -f1,2)
shard=${where%%:*}
case $shard in
    shard-0[0-7].jsonl) ok "the bad record is in $shard" ;;
    *) bad "the bad record is in '$where'" ;;
esac
has_line "a bad record: the message names the shard and line" "$T/err" \
    "diplograph: $where: bad JSON at column 35: premature end of input near '\"unterminated'"
if [ -e "$T/bad/corpus.nq" ]; then bad "a bad record: corpus.nq written"; else ok "a bad record: no corpus.nq"; fi
if [ -e "$T/bad/${shard%.jsonl}.nq" ]; then bad "a bad record: its shard has an output"; else ok "a bad record: its shard has no output"; fi
n=$(ls "$T/bad" | grep -c '^shard-..\.nq$')
if [ "$n" -eq 7 ]; then ok "a bad record: the 7 other shards kept"; else bad "a bad record: $n shard outputs"; fi

# Mended, the second block runs that shard alone (one more line in the
# joblog, for it, exit 0).
sed -i '/"unterminated$/d' "$T/bad/$shard"
sed '/"unterminated$/d' "$T/bad/corpus.jsonl" >"$T/mended.jsonl"
diplograph -q -j 1 -f nquads --input-format jsonl "$T/mended.jsonl" >"$T/mended.nq"
run "the second block, shard mended" 0 "$T/bad" "$T/block2"
same "mended: corpus.nq = one process" "$T/bad/corpus.nq" "$T/mended.nq"
tail -n +10 "$T/bad/shards.log" | cut -f7,9 >"$T/rerun"
printf '0\tdiplograph -q -j 1 -f nquads --input-format jsonl -o %s.nq %s\n' \
    "${shard%.jsonl}" "$shard" >"$T/rerun-want"
same "mended: only that shard ran again" "$T/rerun" "$T/rerun-want"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
