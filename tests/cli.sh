#!/bin/sh
# cli.sh: the command-line front end: help and version, exit codes of
# usage errors, messages that name the file, -o (atomic replace, missing
# directory), standard input, and write errors on /dev/full.
# Run by `make check` (which sets top_srcdir and top_builddir).

top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
DG="$top_builddir/src/diplograph"
T=$(mktemp -d "${TMPDIR:-/tmp}/dg-cli.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT INT TERM

. "$top_srcdir/tests/testlib.sh"

SAMPLE="$top_srcdir/samples/blinken-xi-beijing.txt"
printf 'The Foreign Minister of France met the Foreign Minister of Germany in Paris.\n' >"$T/small.txt"

# --help lists every option; --version
expect "--help" 0 "$DG" --help
for opt in -f, --format -o, --output -b, --base --date --source --title \
    --lexicon --push --graph --protocol --replace --user --batch --timeout \
    --retries --verify --cacert --insecure \
    -q, --quiet -v, --verbose -h, --help -V, --version; do
    has "--help lists $opt" "$T/out" "$opt"
done
expect "-h" 0 "$DG" -h
has "-h prints usage" "$T/out" "Usage: diplograph [OPTIONS] [FILE ...]"
expect "--version" 0 "$DG" --version
has_line "--version text" "$T/out" "diplograph 0.1.0"
expect "-V" 0 "$DG" -V
has_line "-V text" "$T/out" "diplograph 0.1.0"

# usage errors: exit 2, a message and a hint
expect "unknown option" 2 "$DG" --no-such-option "$SAMPLE"
has_line "unknown option message" "$T/err" "diplograph: unknown option '--no-such-option'"
has_line "unknown option hint" "$T/err" "Try 'diplograph --help' for more information."
expect "unknown short option" 2 "$DG" -Z "$SAMPLE"
has_line "unknown short option message" "$T/err" "diplograph: unknown option '-Z'"
expect "missing argument" 2 "$DG" "$SAMPLE" -f
has_line "missing argument message" "$T/err" "diplograph: option '-f' needs an argument"
expect "bad --date" 2 "$DG" --date 2023-02-30 "$SAMPLE"
has_line "bad --date message" "$T/err" "diplograph: invalid --date '2023-02-30' (expected a real day as YYYY-MM-DD)"
expect "bad --date shape" 2 "$DG" --date 29.11.2023 "$SAMPLE"
expect "unknown format" 2 "$DG" -f n3 "$SAMPLE"
has_line "unknown format message" "$T/err" "diplograph: unknown format 'n3' (turtle, ntriples, nquads, rdfxml, json, json-triples, jsonld, dot, events-tsv)"
expect "bad base IRI" 2 "$DG" -b "not an iri" "$SAMPLE"
has_line "bad base message" "$T/err" "diplograph: invalid base IRI 'not an iri'"
expect "bad --source" 2 "$DG" --source "http://x/a b" "$SAMPLE"
expect "empty -o" 2 "$DG" -o "" "$SAMPLE"
has_line "empty -o message" "$T/err" "diplograph: empty --output file name"

# a missing input file: exit 1, the message names it
expect "missing file" 1 "$DG" "$T/no such file.txt"
has_line "missing file message" "$T/err" "diplograph: $T/no such file.txt: No such file or directory"
expect "missing file among good ones" 1 "$DG" "$T/small.txt" "$T/nope.txt"
has_line "missing file named" "$T/err" "diplograph: $T/nope.txt: No such file or directory"
# Without -k the run stops at the bad input: the articles before it are
# written (standard output streams; -o is all or nothing, below), for
# every -j alike.
"$DG" "$T/small.txt" >"$T/small.ttl" 2>/dev/null
for j in 1 2 4; do
    "$DG" -j $j "$T/small.txt" "$T/nope.txt" >"$T/out" 2>/dev/null
    if cmp -s "$T/out" "$T/small.ttl"; then ok "-j $j: output up to the failed input"
    else bad "-j $j: output up to the failed input differs"; fi
done

# invalid UTF-8: exit 1, the file and byte offset are named
printf 'Paris \377 Berlin\n' >"$T/bad.txt"
expect "invalid UTF-8" 1 "$DG" "$T/bad.txt"
has "invalid UTF-8 names the file" "$T/err" "diplograph: $T/bad.txt"
has "invalid UTF-8 names the byte" "$T/err" "byte 6"

# -o FILE
expect "-o file" 0 "$DG" -o "$T/out.ttl" "$T/small.txt"
has "-o file holds Turtle" "$T/out.ttl" "@prefix dip: <https://w3id.org/diplograph/ns#> ."
has "-o file has an Article" "$T/out.ttl" "dip:Article"
test -s "$T/out" && bad "-o leaves standard output empty" || ok "-o leaves standard output empty"
ls "$T" | grep -q '^out\.ttl\.' && bad "-o leaves no temporary file" || ok "-o leaves no temporary file"
cp "$T/out.ttl" "$T/before.ttl"
expect "-o keeps old file on failed input" 1 "$DG" -o "$T/out.ttl" "$T/nope.txt"
cmp -s "$T/out.ttl" "$T/before.ttl" && ok "old -o file untouched" || bad "old -o file changed"
expect "-o into a missing directory" 1 "$DG" -o "$T/missing/dir/out.ttl" "$T/small.txt"
has "missing directory named" "$T/err" "diplograph: $T/missing/dir/out.ttl:"
test -e "$T/missing" && bad "missing directory created" || ok "missing directory not created"

# standard input, with and without "-"
"$DG" -f ntriples "$T/small.txt" >"$T/file.nt" 2>/dev/null
expect "stdin" 0 sh -c "\"$DG\" -f ntriples <\"$T/small.txt\""
test -s "$T/out" && ok "stdin output not empty" || bad "stdin output empty"
expect "stdin as -" 0 sh -c "\"$DG\" -f ntriples - <\"$T/small.txt\""
has "stdin N-Triples" "$T/out" "<https://w3id.org/diplograph/ns#Article> ."

# A port on 127.0.0.1 with nothing listening.
closed=$(/usr/bin/python3 -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# Messages are never cut: a graph IRI of 3000 bytes leaves the end of the
# upload's message (curl's reason) in place.
long=http://example.org/$(printf '%03000d' 0)
expect "--push with a long graph IRI" 1 "$DG" --push "http://127.0.0.1:$closed/gsp" \
    --retries 0 --graph "$long" "$T/small.txt"
if grep -q "^diplograph: POST http://127.0.0.1:$closed/gsp?graph-uri=http%3A%2F%2Fexample.org%2F0\{3000\}: .*: Couldn't connect to server\$" "$T/err"
then ok "a long message keeps its end"
else bad "a long message lost its end:"; cut -c 1-80,3050- "$T/err"
fi

# write errors
if [ -w /dev/full ]; then
    expect "stdout is /dev/full" 1 sh -c "\"$DG\" \"$T/small.txt\" >/dev/full"
    has "/dev/full message" "$T/err" "diplograph: standard output: write error"
    expect "-o /dev/full" 1 "$DG" -o /dev/full "$T/small.txt"
    has "-o /dev/full message" "$T/err" "diplograph: /dev/full: write error"
    expect "--help to /dev/full" 1 sh -c "\"$DG\" --help >/dev/full"
    # -o with --push (the whole graph in memory): a write error is told
    # too, in every format (nothing is pushed: the port is closed).
    for f in ntriples nquads turtle dot; do
        expect "-f $f -o /dev/full --push" 1 "$DG" -f $f -o /dev/full \
            --push "http://127.0.0.1:$closed/gsp" --retries 0 "$SAMPLE"
        has_line "-f $f -o /dev/full --push: message" "$T/err" \
            "diplograph: /dev/full: write error: No space left on device"
    done
    test -c /dev/full && ok "/dev/full still a device" || bad "/dev/full replaced"
else
    echo "skip: /dev/full not writable"
fi

# every format; the same input gives byte-identical output
for f in turtle ntriples nquads rdfxml json dot; do
    expect "-f $f" 0 "$DG" -f "$f" "$T/small.txt"
    cp "$T/out" "$T/first.$f"
    "$DG" -f "$f" "$T/small.txt" >"$T/second.$f" 2>/dev/null
    cmp -s "$T/first.$f" "$T/second.$f" && ok "$f output is deterministic" \
        || bad "$f output differs between runs"
done

# --title and --source reach the output
expect "--title --source --date" 0 "$DG" -f ntriples --title 'A "quoted" title' \
    --source https://example.org/news/1 --date 2023-06-19 "$T/small.txt"
has "title literal" "$T/out" '<http://purl.org/dc/terms/title> "A \"quoted\" title" .'
has "source IRI" "$T/out" '<http://purl.org/dc/terms/source> <https://example.org/news/1> .'

# -b changes minted IRIs
expect "-b" 0 "$DG" -f ntriples -b http://example.org/data/ "$T/small.txt"
has "-b base used" "$T/out" "<http://example.org/data/"

# a misspelt lexicon file in --lexicon DIR is reported, not silently ignored
mkdir -p "$T/lex"
printf 'Arctic Cooperation Forum\tintl\t\tACF\n' >"$T/lex/organisations.tsv"
expect "--lexicon with an unknown file" 0 "$DG" --lexicon "$T/lex" "$T/small.txt"
has_line "unknown lexicon file warning" "$T/err" \
    "diplograph: $T/lex/organisations.tsv: warning: not a lexicon file name (see data/README.md); ignored"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
