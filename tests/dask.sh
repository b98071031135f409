#!/bin/sh
# dask.sh: scripts/diplograph-dask on real Dask clusters on 127.0.0.1: a
# scheduler and two workers started here (dask-scheduler, dask-worker,
# random free ports), and the local cluster the script starts itself;
# every socket they listen on is on 127.0.0.1.  The N-Quads of a JSON
# Lines corpus of the test articles equal the one-process output, also
# when a worker is killed mid-run; a bad record fails its shard with a
# message naming the shard and FILE:LINE, and a re-run converts only the
# shards left; a killed run leaves no half shard; Dask's progress bar
# shows on a terminal (script(1)).  The cluster is stopped after, also
# when a check fails (trap), and no process is left behind.  Skips (77)
# only without Dask.
# Run by `make check` (which sets top_srcdir and top_builddir).

top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
DG="$top_builddir/src/diplograph"
DD="$top_srcdir/scripts/diplograph-dask"
PY=/usr/bin/python3

if ! $PY -c 'import distributed' 2>/dev/null ||
   ! command -v dask-scheduler >/dev/null || ! command -v dask-worker >/dev/null
then
    echo "skip: Dask (python3-distributed) is not installed"
    exit 77
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/dg-dask.XXXXXX") || exit 99
groups=""   # process groups started here (setsid: group id = pid)

# stop_all: ends the process groups started here, in the order of
# $groups (the workers before their scheduler), each by SIGTERM, or
# SIGKILL when it has not ended 10 seconds later.
stop_all() {
    for g in $groups; do
        kill -TERM "-$g" 2>/dev/null
        i=0
        while [ $i -lt 50 ] && kill -0 "-$g" 2>/dev/null; do
            sleep 0.2
            i=$((i + 1))
        done
        kill -KILL "-$g" 2>/dev/null
    done
    wait 2>/dev/null
}

# alive: some process of the groups started here is still running.
alive() {
    for g in $groups; do
        if kill -0 "-$g" 2>/dev/null; then return 0; fi
    done
    return 1
}

trap 'stop_all; rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP

. "$top_srcdir/tests/testlib.sh"

# equal NAME GOT WANT: two strings are equal.
equal() {
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: got '$2', want '$3'"; fi
}

# same_sorted NAME A B: files A and B hold the same lines.
same_sorted() {
    sort "$2" >"$T/a.sorted"
    sort "$3" >"$T/b.sorted"
    same "$1" "$T/a.sorted" "$T/b.sorted"
}

# groups_procs listen|diplograph PGID...: for the processes of those
# process groups, "listen": the address (HOST:PORT) of each TCP socket
# they listen on, one a line; "diplograph": succeeds when one of them is
# a diplograph.
cat >"$T/procs.py" <<'EOF'
import ipaddress, os, sys
mode, groups = sys.argv[1], {int(g) for g in sys.argv[2:]}
inodes = set()
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        if os.getpgid(int(pid)) not in groups:
            continue
        with open("/proc/%s/comm" % pid) as f:
            if mode == "diplograph" and f.read().strip() == "diplograph":
                sys.exit(0)
        for fd in os.listdir("/proc/%s/fd" % pid):
            link = os.readlink("/proc/%s/fd/%s" % (pid, fd))
            if link.startswith("socket:["):
                inodes.add(link[8:-1])
    except OSError:
        pass
if mode == "diplograph":
    sys.exit(1)
for name in ("tcp", "tcp6"):
    with open("/proc/net/" + name) as f:
        for line in f.readlines()[1:]:
            field = line.split()
            if field[3] == "0A" and field[9] in inodes:   # LISTEN
                host, port = field[1].split(":")
                raw = b"".join(bytes.fromhex(host[i:i + 8])[::-1]
                               for i in range(0, len(host), 8))
                print("%s:%d" % (ipaddress.ip_address(raw), int(port, 16)))
EOF
groups_procs() {
    $PY "$T/procs.py" "$@"
}

# only_loopback NAME MIN PGID...: the processes of those groups listen on
# MIN TCP sockets or more, all on 127.0.0.1.
only_loopback() {
    name=$1 min=$2
    shift 2
    groups_procs listen "$@" >"$T/listen"
    n=$(wc -l <"$T/listen" | tr -d ' ')
    if [ "$n" -ge "$min" ] && ! grep -qv '^127\.0\.0\.1:' "$T/listen"; then
        ok "$name: $n listening sockets, all on 127.0.0.1"
    else
        bad "$name: listening sockets:"; cat "$T/listen"
    fi
}

# has_shard DIR: DIR holds a shard's output.
has_shard() {
    ls "$1" 2>/dev/null | grep -q '^shard-.*\.nq$'
}

# wait_for COMMAND...: retries COMMAND for up to 60 seconds.
wait_for() {
    end=$(($(date +%s) + 60))
    while ! "$@"; do
        if [ "$(date +%s)" -gt $end ]; then return 1; fi
        sleep 0.05
    done
}

$top_srcdir/tests/jsonl-corpus 15 >"$T/corpus.jsonl"
"$DG" -q -j 1 -f nquads --input-format jsonl "$T/corpus.jsonl" >"$T/one.nq"

# ---------------------------------------------------------------- usage
expect "--help" 0 "$DD" --help
has "--help: usage" "$T/out" "usage: diplograph-dask [OPTIONS] (-o FILE | --shards DIR) INPUT ..."
has "--help: exit status" "$T/out" "Exit status: 0 every shard converted"
expect "no -o nor --shards" 2 "$DD" "$T/corpus.jsonl"
has_line "no -o nor --shards: message" "$T/err" "diplograph-dask: error: give -o FILE or --shards DIR (or both)"
expect "standard input" 2 "$DD" -o "$T/x.nq" -
expect "--workers 0" 2 "$DD" -w 0 -o "$T/x.nq" "$T/corpus.jsonl"
expect "missing input" 1 "$DD" --diplograph "$DG" -o "$T/x.nq" "$T/none.jsonl"
has_line "missing input: message" "$T/err" "diplograph-dask: $T/none.jsonl: No such file or directory"
expect "input is the output" 1 "$DD" --diplograph "$DG" -o "$T/corpus.jsonl" "$T/corpus.jsonl"
has_line "input is the output: message" "$T/err" "diplograph-dask: $T/corpus.jsonl: this input is also the output (-o $T/corpus.jsonl)"

# ---------------------------------------------------------------- a cluster
setsid dask-scheduler --host 127.0.0.1 --port 0 --no-dashboard --dashboard-address 127.0.0.1:0 \
    --scheduler-file "$T/scheduler.json" >"$T/scheduler.log" 2>&1 &
groups=$!
if wait_for test -s "$T/scheduler.json"; then ok "scheduler started"; else
    bad "scheduler did not start:"; cat "$T/scheduler.log"; exit 1; fi
addr=$($PY -c 'import json, sys; print(json.load(open(sys.argv[1]))["address"])' "$T/scheduler.json")
case $addr in
    tcp://127.0.0.1:[0-9]*) ok "scheduler on 127.0.0.1 ($addr)" ;;
    *) bad "scheduler address $addr" ;;
esac
for w in 1 2; do
    # no nanny: a killed worker stays dead, its shard must move
    setsid dask-worker --host 127.0.0.1 --nthreads 1 --no-nanny \
        --no-dashboard --dashboard-address 127.0.0.1:0 --name "w$w" --local-directory "$T/w$w" \
        --scheduler-file "$T/scheduler.json" >"$T/w$w.log" 2>&1 &
    eval "w$w=$!"
    groups="$! $groups"
done
if $PY -c '
import sys
from distributed import Client
with Client(sys.argv[1], timeout=60) as c:
    c.wait_for_workers(2, timeout=60)
    print(sorted(w["host"] for w in c.scheduler_info()["workers"].values()))
' "$addr" >"$T/workers" 2>"$T/workers.err"; then
    equal "two workers on 127.0.0.1" "$(cat "$T/workers")" "['127.0.0.1', '127.0.0.1']"
    # the scheduler's port and HTTP port, each worker's port
    only_loopback "the cluster" 4 $groups
else
    bad "workers did not join:"; cat "$T/workers.err" "$T/w1.log"; exit 1
fi

# ---------------------------------------------------------------- conversion
expect "converts on the cluster" 0 "$DD" -v --scheduler "$addr" --diplograph "$DG" \
    --shard-size 1k -o "$T/dask.nq" "$T/corpus.jsonl"
same_sorted "the union of the shards = one process (sorted lines)" "$T/dask.nq" "$T/one.nq"
same "gathered in input order: byte-identical to one process" "$T/dask.nq" "$T/one.nq"
equal "16 shards of 1000 bytes or more" "$(grep -c ': done on tcp://127\.0\.0\.1:' "$T/err")" 16
equal "both workers converted shards" \
    "$(sed -n 's/.*: done on \(tcp:.*\)$/\1/p' "$T/err" | sort -u | wc -l | tr -d ' ')" 2
if [ -e "$T/dask.nq.shards" ]; then bad "the shard directory of -o is left"; else ok "the shard directory of -o is removed"; fi
if [ -s "$T/out" ]; then bad "not on a terminal: output on stdout:"; cat "$T/out"
else ok "not on a terminal: no progress bar"; fi

# On a terminal (script(1) gives it one), Dask's progress bar on
# standard output, up to 100%.
script -qec "$DD --scheduler $addr --diplograph $DG --shard-size 1k -o $T/tty.nq $T/corpus.jsonl" \
    /dev/null >"$T/tty" 2>&1
has "on a terminal: Dask's progress bar" "$T/tty" "] | 100% Completed |"
same "on a terminal: = one process" "$T/tty.nq" "$T/one.nq"

# One file per shard: their union is the one-process output; a re-run
# finds every output and converts nothing (no cluster needed).
expect "--shards DIR" 0 "$DD" --scheduler "$addr" --diplograph "$DG" \
    --shard-size 1k --shards "$T/nq" "$T/corpus.jsonl"
cat "$T"/nq/shard-*.nq >"$T/union.nq"
same_sorted "--shards: the union = one process" "$T/union.nq" "$T/one.nq"
expect "--shards again" 0 "$DD" -v --scheduler "$addr" --diplograph "$DG" \
    --shard-size 1k --shards "$T/nq" "$T/corpus.jsonl"
if grep -qE '^diplograph-dask: [0-9]+ shards \(0 converted, [0-9]+ already done\)' "$T/err"
then ok "--shards again: nothing converted"; else bad "--shards again:"; cat "$T/err"; fi

# Text articles, a directory as diplograph reads it.
"$DG" -f nquads "$top_srcdir/tests/data/batch/dir" >"$T/text-one.nq"
expect "--input-format text, a directory" 0 "$DD" --scheduler "$addr" --diplograph "$DG" \
    --input-format text --shard-size 1 -o "$T/text.nq" "$top_srcdir/tests/data/batch/dir"
same "text articles = one process" "$T/text.nq" "$T/text-one.nq"

# ---------------------------------------------------------------- failures
# A bad record stops the run: its shard fails, naming the record as
# diplograph does; the shards converted are kept; the output is not
# written.  With --keep-going the re-run converts only the shards left.
{ head -n 40 "$T/corpus.jsonl"; echo '{"id": "bad", "text": "unterminated'
  tail -n +41 "$T/corpus.jsonl"; } >"$T/bad.jsonl"
expect "a bad record" 1 "$DD" --scheduler "$addr" --diplograph "$DG" \
    --shard-size 1k --shards "$T/bad" -o "$T/bad.nq" "$T/bad.jsonl"
if grep -qxE "diplograph-dask: shard-[0-9]{5}-[0-9a-f]{16}: $T/bad.jsonl:41: bad JSON at column 35: premature end of input near '\"unterminated'" "$T/err"
then ok "a bad record: message names the shard and FILE:LINE"; else bad "a bad record:"; cat "$T/err"; fi
if grep -qxE "diplograph-dask: shard-[0-9]{5}-[0-9a-f]{16} \($T/bad.jsonl:[0-9]+-[0-9]+\) failed: diplograph exit status 1" "$T/err"
then ok "a bad record: the shard failed"; else bad "a bad record: no shard failure:"; cat "$T/err"; fi
has "a bad record: run again" "$T/err" "; run again to convert the others"
if [ -e "$T/bad.nq" ]; then bad "a bad record: output written"; else ok "a bad record: no output"; fi
ls "$T/bad" >"$T/kept"
before=$(wc -l <"$T/kept" | tr -d ' ')
if [ "$before" -gt 0 ]; then ok "a bad record: $before shards kept"; else bad "a bad record: no shard kept"; fi
for f in $(cat "$T/kept"); do ls -i "$T/bad/$f"; done >"$T/kept-inodes"
"$DG" -k -q -j 1 -f nquads --input-format jsonl "$T/bad.jsonl" >"$T/bad-one.nq" 2>/dev/null
expect "a bad record, --keep-going, again" 0 "$DD" -v -k --scheduler "$addr" --diplograph "$DG" \
    --shard-size 1k --shards "$T/bad" -o "$T/bad.nq" "$T/bad.jsonl"
same "--keep-going = diplograph -k in one process" "$T/bad.nq" "$T/bad-one.nq"
if grep -qE "^diplograph-dask: [0-9]+ shards \([0-9]+ converted, $before already done\)" "$T/err"
then ok "the re-run converts only the shards left"; else bad "the re-run:"; cat "$T/err"; fi
for f in $(cat "$T/kept"); do ls -i "$T/bad/$f"; done >"$T/kept-inodes2"
same "the shards kept are not written again" "$T/kept-inodes2" "$T/kept-inodes"
if grep -qE "^diplograph-dask: shard-[0-9]{5}-[0-9a-f]{16}: $T/bad.jsonl:41: bad JSON" "$T/err"
then ok "--keep-going: the skipped record is reported"; else bad "--keep-going: no message:"; cat "$T/err"; fi

# A program the workers cannot run fails each shard with the reason.
expect "no program on the workers" 1 "$DD" --scheduler "$addr" --diplograph "$T/nowhere/diplograph" \
    --shard-size 1M -o "$T/x.nq" "$T/corpus.jsonl"
if grep -qE "^diplograph-dask: shard-00000-[0-9a-f]{16} \($T/corpus.jsonl:1-91\): on worker tcp://127\.0\.0\.1:[0-9]+: No such file or directory: $T/nowhere/diplograph\$" "$T/err"
then ok "no program: message"; else bad "no program: message:"; cat "$T/err"; fi

# A run killed mid-way (the client, SIGKILL) leaves only whole shards:
# the re-run reuses them and the result is the one-process output.
"$DD" --scheduler "$addr" --diplograph "$DG" --shard-size 1k \
    --shards "$T/killed" "$T/corpus.jsonl" >/dev/null 2>&1 &
client=$!
wait_for has_shard "$T/killed"
kill -KILL $client
wait $client 2>/dev/null
expect "the killed run again" 0 "$DD" -v --scheduler "$addr" --diplograph "$DG" \
    --shard-size 1k --shards "$T/killed" -o "$T/killed.nq" "$T/corpus.jsonl"
same "after a killed run: = one process" "$T/killed.nq" "$T/one.nq"
if grep -qE '^diplograph-dask: [0-9]+ shards \([0-9]+ converted, [1-9][0-9]* already done\)' "$T/err"
then ok "after a killed run: its shards reused"; else bad "after a killed run:"; cat "$T/err"; fi

# ---------------------------------------------------------------- a worker killed
# Worker 1 is killed (SIGKILL, with the diplograph it runs) while it
# converts a shard: the scheduler gives the shard to worker 2 and the
# result is unchanged.
$top_srcdir/tests/jsonl-corpus 60 >"$T/big.jsonl"
"$DG" -q -j 1 -f nquads --input-format jsonl "$T/big.jsonl" >"$T/big-one.nq"
"$DD" --scheduler "$addr" --diplograph "$DG" --shard-size 1k \
    -o "$T/wk.nq" "$T/big.jsonl" >/dev/null 2>"$T/wk.err" &
client=$!
if wait_for groups_procs diplograph "$w1"; then
    if [ -e "$T/wk.nq" ]; then bad "worker killed: the run had ended"; else ok "worker 1 is converting a shard"; fi
    kill -KILL "-$w1"
else
    bad "worker 1 never converted a shard"
fi
wait $client
equal "worker killed: the run succeeds" "$?" 0
same "worker killed: = one process" "$T/wk.nq" "$T/big-one.nq"
if kill -0 "$w1" 2>/dev/null; then bad "worker 1 still runs"; else ok "worker 1 is gone"; fi
if [ -e "$T/wk.nq.shards" ]; then bad "worker killed: shard directory left:"; ls -a "$T/wk.nq.shards"
else ok "worker killed: no shard directory left"; fi

# ---------------------------------------------------------------- stop
stop_all
if alive; then bad "processes left behind by the cluster"; else ok "cluster stopped, no process left"; fi
groups=""

# ---------------------------------------------------------------- a local cluster
# Started by the script on 127.0.0.1 and stopped by it: nothing of its
# process group is left when it ends.  diplograph is found on PATH.
mkdir "$T/bin"
cat >"$T/bin/diplograph" <<EOF
#!/bin/sh
: >"$T/bin/used"
exec "$(cd "$top_builddir/src" && pwd)/diplograph" "\$@"
EOF
chmod +x "$T/bin/diplograph"
mkdir "$T/tmp"
PATH="$T/bin:$PATH" TMPDIR="$T/tmp" setsid "$DD" -v -w 2 --shard-size 4k -o "$T/local.nq" \
    "$T/corpus.jsonl" >"$T/out" 2>"$T/err" &
g=$!
groups=$g
# while it converts: the scheduler's port and HTTP port, each nanny's
# port, each worker's port and HTTP port
if wait_for groups_procs diplograph $g; then
    only_loopback "local cluster" 7 $g
else
    bad "local cluster: no diplograph ran"
fi
wait $g
equal "local cluster: exit status" "$?" 0
same "local cluster: = one process" "$T/local.nq" "$T/one.nq"
if grep -qE '^diplograph-dask: scheduler tcp://127\.0\.0\.1:[0-9]+, 2 workers$' "$T/err"
then ok "local cluster: 2 workers on 127.0.0.1"; else bad "local cluster:"; cat "$T/err"; fi
if [ -e "$T/bin/used" ]; then ok "diplograph found on PATH"; else bad "diplograph on PATH not used"; fi
if wait_for sh -c "! kill -0 -$g 2>/dev/null"; then ok "local cluster: no process left"; else bad "local cluster: processes left"; fi
if [ -z "$(ls -A "$T/tmp")" ]; then ok "local cluster: no file left in TMPDIR"; else bad "local cluster: left in TMPDIR:"; ls -A "$T/tmp"; fi
groups=""

# Without one on PATH, the build tree's src/diplograph (from the build
# directory).
expect "diplograph of the build tree" 0 sh -c "cd \"$top_builddir\" && PATH=/usr/bin:/bin \"$DD\" -w 1 --shard-size 1M -o \"$T/tree.nq\" \"$T/corpus.jsonl\""
same "build tree: = one process" "$T/tree.nq" "$T/one.nq"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
