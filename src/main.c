/*
 * main.c: the diplograph command.  It reads articles (files or standard
 * input), asks the library for their knowledge graph (dg_extract) and
 * writes it in an RDF syntax (dg_serializer_*).  This is the only file
 * that prints or exits; the library reports through the diag callback
 * below, which prints "diplograph: WHERE: MESSAGE".
 *
 * Exit status: 0 success, 1 a failure of input or output, 2 a usage
 * error.  With -o FILE the output goes to a temporary file in FILE's
 * directory that replaces FILE only when everything succeeded, so a
 * failed run leaves an old FILE untouched.
 *
 * A corpus (many files, directories, JSON Lines) is written one article
 * at a time by batch.c, with -j worker threads and bounded memory; only
 * the dot format and --push keep every graph in memory until the end.
 */
#include "config.h"
#include "batch.h"
#include "lsan_raptor.h"   /* -f dot under --enable-sanitizers */
#include "paths.h"   /* DG_PKGDATADIR, DG_BUILD_SRCDIR, DG_BUILD_DIR */

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h> /* mallopt, M_TOP_PAD */
#endif

#define PROG "diplograph"
#define STDIN_NAME "standard input"
/* The plural "s" of a count: "1 article", "2 articles". */
#define PLURAL(n) ((n) == 1 ? "" : "s")

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* --push and its companions (see push_option and push_all below). */
typedef struct {
    const char *url;      /* NULL: no upload */
    const char *graph;    /* NULL: one graph per article */
    const char *user;
    const char *cacert;
    dg_push_protocol protocol;
    int replace, verify, insecure;
    long batch, timeout, retries;
} push_cli;

typedef struct {
    const char *format;
    const char *output;  /* NULL: standard output */
    const char *base;
    const char *date, *source, *title;
    const char **lexicons;
    size_t nlexicons;
    int quiet, verbose;
    push_cli push;
    long jobs;            /* -j; 0: the number of cores */
    int jsonl, keep_going;
    char **files;         /* the inputs (set by main) */
    size_t nfiles;
    const dg_lexicon *lex;
    char *out_name;       /* the output, when a regular file: its name */
    struct stat out_sb;   /* in messages and its identity (find_output) */
} cli_options;

/* Context of the diag callback: the name used when `where` is NULL, and
 * how many errors (not warnings) it printed. */
typedef struct {
    const char *where;
    int quiet;
    int errors;
} diag_ctx;

static void on_diag(void *ctx, dg_status st, const char *where,
                    const char *message)
{
    diag_ctx *d = ctx;

    if (st != DG_OK)
        d->errors++;
    if (st == DG_OK && d->quiet)
        return;
    batch_diag_print(stderr, where ? where : d->where, st, message);
}

static void usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Prints "diplograph: MESSAGE" and the hint to --help. */
static void usage_error(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", PROG);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", PROG);
}

static const char *default_lexicon_dir(void);

static void print_help(void)
{
    printf(
"Usage: %s [OPTIONS] [FILE ...]\n"
"Turn news articles about diplomacy into an RDF knowledge graph.\n"
"With no FILE, or when FILE is -, read standard input.  A directory is\n"
"read recursively (*.txt, or *.jsonl with --input-format jsonl).\n"
"\n"
"  -f, --format FORMAT    turtle (default), ntriples, nquads, rdfxml, json,\n"
"                         json-triples, jsonld (JSON-LD 1.1), dot, or\n"
"                         events-tsv (a table of the events, one per row)\n"
"  -o, --output FILE      write to FILE instead of standard output\n"
"  -b, --base IRI         base IRI for minted data IRIs\n"
"                         (default %s)\n"
"      --date YYYY-MM-DD  the article's publication date\n"
"      --source IRI       the article's URL (dcterms:source)\n"
"      --title TEXT       the article's title (dcterms:title)\n"
"      --lexicon DIR      extra lexicon directory (user additions), may repeat\n"
"      --input-format F   text (default: one article per file) or jsonl\n"
"                         (one JSON object per line: id, text, url, title, date)\n"
"  -j, --jobs N           worker threads (default: the number of cores);\n"
"                         the output is the same for every N\n"
"  -k, --keep-going       skip bad articles and records (reported) instead of\n"
"                         stopping at the first; the exit status is then 0\n"
"      --push URL         upload to the SPARQL endpoint URL instead of writing\n"
"                         to standard output (unless -o is given too)\n"
"      --graph IRI        named graph to fill (default: one per article)\n"
"      --protocol P       gsp (Graph Store Protocol, default) or update\n"
"      --replace          replace the graph's content instead of adding\n"
"      --user NAME        user name; the password comes from\n"
"                         $DIPLOGRAPH_PASSWORD or ~/.netrc\n"
"      --batch TRIPLES    triples per request (default 50000 gsp, 1000 update)\n"
"      --timeout S        seconds allowed per request (default 300)\n"
"      --retries N        retries after a connection error, 429 or 5xx (default 3)\n"
"      --verify           check the stored triple count (SPARQL COUNT)\n"
"      --cacert FILE      CA certificates to verify the server with\n"
"      --insecure         do not verify the server's TLS certificate\n"
"  -q, --quiet            no warnings, no progress line\n"
"  -v, --verbose          report the triples found in each article, and a\n"
"                         summary (articles, triples, seconds)\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n"
"\n"
"Exit status: 0 success, 1 input or output failure, 2 usage error.\n"
"Lexicons are read from %s\n"
"($DIPLOGRAPH_DATADIR if set; data/ of the source tree for the program\n"
"of the build tree; else the installed lexicons).\n",
        PROG, DG_DEFAULT_BASE, default_lexicon_dir());
}

enum { OPT_DATE = 256, OPT_SOURCE, OPT_TITLE, OPT_LEXICON, OPT_INFMT };
enum {
    OPT_PUSH = 512, OPT_GRAPH, OPT_PROTOCOL, OPT_REPLACE, OPT_USER,
    OPT_BATCH, OPT_TIMEOUT, OPT_RETRIES, OPT_VERIFY, OPT_CACERT, OPT_INSECURE
};

static const struct option long_opts[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"base", required_argument, NULL, 'b'},
    {"date", required_argument, NULL, OPT_DATE},
    {"source", required_argument, NULL, OPT_SOURCE},
    {"title", required_argument, NULL, OPT_TITLE},
    {"lexicon", required_argument, NULL, OPT_LEXICON},
    {"input-format", required_argument, NULL, OPT_INFMT},
    {"jobs", required_argument, NULL, 'j'},
    {"keep-going", no_argument, NULL, 'k'},
    {"push", required_argument, NULL, OPT_PUSH},
    {"graph", required_argument, NULL, OPT_GRAPH},
    {"protocol", required_argument, NULL, OPT_PROTOCOL},
    {"replace", no_argument, NULL, OPT_REPLACE},
    {"user", required_argument, NULL, OPT_USER},
    {"batch", required_argument, NULL, OPT_BATCH},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"retries", required_argument, NULL, OPT_RETRIES},
    {"verify", no_argument, NULL, OPT_VERIFY},
    {"cacert", required_argument, NULL, OPT_CACERT},
    {"insecure", no_argument, NULL, OPT_INSECURE},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

/* ------------------------------------------------------------------ */
/* Upload options (--push ...)                                         */
/* ------------------------------------------------------------------ */

/* Parses a whole decimal number in [min, max]; 0 on success. */
static int parse_long(const char *s, long min, long max, long *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

/* Stores push option c (OPT_PUSH ... OPT_INSECURE); returns EXIT_OK or
 * EXIT_USAGE after saying why. */
static int push_option(int c, const char *arg, push_cli *p)
{
    switch (c) {
    case OPT_PUSH: p->url = arg; break;
    case OPT_GRAPH: p->graph = arg; break;
    case OPT_USER: p->user = arg; break;
    case OPT_CACERT: p->cacert = arg; break;
    case OPT_REPLACE: p->replace = 1; break;
    case OPT_VERIFY: p->verify = 1; break;
    case OPT_INSECURE: p->insecure = 1; break;
    case OPT_PROTOCOL:
        if (strcmp(arg, "gsp") == 0)
            p->protocol = DG_PUSH_GSP;
        else if (strcmp(arg, "update") == 0)
            p->protocol = DG_PUSH_UPDATE;
        else {
            usage_error("unknown protocol '%s' (gsp, update)", arg);
            return EXIT_USAGE;
        }
        break;
    case OPT_BATCH:
        if (parse_long(arg, 1, 100000000L, &p->batch) == 0)
            break;
        usage_error("invalid --batch '%s' (a number of triples, 1 or more)", arg);
        return EXIT_USAGE;
    case OPT_TIMEOUT:
        if (parse_long(arg, 1, 86400L, &p->timeout) == 0)
            break;
        usage_error("invalid --timeout '%s' (seconds, 1 to 86400)", arg);
        return EXIT_USAGE;
    case OPT_RETRIES:
        if (parse_long(arg, 0, 100L, &p->retries) == 0)
            break;
        usage_error("invalid --retries '%s' (0 to 100)", arg);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* The library options for the CLI's push options. */
static dg_push_options push_lib_options(const push_cli *p)
{
    dg_push_options po = {0};

    po.url = p->url;
    po.protocol = p->protocol;
    po.user = p->user;
    po.password = getenv("DIPLOGRAPH_PASSWORD");
    if (po.password && !*po.password)
        po.password = NULL;
    po.cacert = p->cacert;
    po.insecure = p->insecure;
    po.timeout_s = p->timeout ? p->timeout : 300;
    po.connect_timeout_s = po.timeout_s < 10 ? po.timeout_s : 10;
    po.retries = p->retries >= 0 ? (int)p->retries : 3;
    return po;
}

static void on_diag(void *ctx, dg_status st, const char *where,
                    const char *message);

/* Checks the push options; EXIT_OK or EXIT_USAGE. */
static int check_push(const push_cli *p)
{
    dg_push_options po;
    dg_uploader *up = NULL;
    diag_ctx dc = {NULL, 0, 0};
    dg_status st;

    if (!p->url) {
        if (p->graph || p->user || p->cacert || p->replace || p->verify ||
            p->insecure || p->batch || p->timeout || p->retries >= 0) {
            usage_error("%s", "upload options need --push URL");
            return EXIT_USAGE;
        }
        return EXIT_OK;
    }
    if (p->graph && !dg_iri_valid(p->graph)) {
        usage_error("invalid --graph IRI '%s'", p->graph);
        return EXIT_USAGE;
    }
    po = push_lib_options(p);
    st = dg_uploader_new(&po, &up, on_diag, &dc);
    dg_uploader_free(up);
    if (st == DG_ERR_ARG) {
        fprintf(stderr, "Try '%s --help' for more information.\n", PROG);
        return EXIT_USAGE;
    }
    return st == DG_OK ? EXIT_OK : EXIT_FAIL;
}

/* Checks the option values that getopt cannot; returns an exit code
 * (EXIT_OK when all are good). */
static int check_options(const cli_options *o)
{
    dg_date d;
    size_t bad;

    if (!dg_format_known(o->format)) {
        usage_error("unknown format '%s' (turtle, ntriples, nquads, "
                    "rdfxml, json, json-triples, jsonld, dot, events-tsv)",
                    o->format);
        return EXIT_USAGE;
    }
    if (o->output && !*o->output) {
        usage_error("%s", "empty --output file name");
        return EXIT_USAGE;
    }
    if (!dg_iri_valid(o->base)) {
        usage_error("invalid base IRI '%s'", o->base);
        return EXIT_USAGE;
    }
    if (o->date && !dg_date_parse_iso(o->date, &d)) {
        usage_error("invalid --date '%s' (expected a real day as YYYY-MM-DD)",
                    o->date);
        return EXIT_USAGE;
    }
    if (o->source && !dg_iri_valid(o->source)) {
        usage_error("invalid --source IRI '%s'", o->source);
        return EXIT_USAGE;
    }
    if (o->title && !dg_utf8_valid(o->title, strlen(o->title), &bad)) {
        char buf[DG_UTF8_FAULT_MAX];

        usage_error("invalid --title: %s at byte %zu",
                    dg_utf8_fault(o->title, strlen(o->title), bad, buf), bad);
        return EXIT_USAGE;
    }
    return check_push(&o->push);
}

/* Parses argv into *o; returns -1 to go on, or an exit code. */
static int parse_args(int argc, char **argv, cli_options *o)
{
    int c;

    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:b:j:kqvhV", long_opts, NULL)) != -1) {
        switch (c) {
        case 'f': o->format = optarg; break;
        case 'o': o->output = optarg; break;
        case 'b': o->base = optarg; break;
        case OPT_DATE: o->date = optarg; break;
        case OPT_SOURCE: o->source = optarg; break;
        case OPT_TITLE: o->title = optarg; break;
        case OPT_LEXICON: o->lexicons[o->nlexicons++] = optarg; break;
        case 'k': o->keep_going = 1; break;
        case 'j':
            if (parse_long(optarg, 1, 1024, &o->jobs) != 0) {
                usage_error("invalid --jobs '%s' (1 to 1024)", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_INFMT:
            if (strcmp(optarg, "jsonl") != 0 && strcmp(optarg, "text") != 0) {
                usage_error("unknown input format '%s' (text, jsonl)", optarg);
                return EXIT_USAGE;
            }
            o->jsonl = strcmp(optarg, "jsonl") == 0;
            break;
        case OPT_PUSH: case OPT_GRAPH: case OPT_PROTOCOL: case OPT_REPLACE:
        case OPT_USER: case OPT_BATCH: case OPT_TIMEOUT: case OPT_RETRIES:
        case OPT_VERIFY: case OPT_CACERT: case OPT_INSECURE:
            if (push_option(c, optarg, &o->push) != EXIT_OK)
                return EXIT_USAGE;
            break;
        case 'q': o->quiet = 1; break;
        case 'v': o->verbose = 1; break;
        case 'h': print_help(); return EXIT_OK;
        case 'V': printf("%s %s\n", PROG, PACKAGE_VERSION); return EXIT_OK;
        case ':':
            usage_error("option '%s' needs an argument", argv[optind - 1]);
            return EXIT_USAGE;
        default:
            usage_error("unknown option '%s'", argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    c = check_options(o);
    return c == EXIT_OK ? -1 : c;
}

/* ------------------------------------------------------------------ */
/* Input                                                               */
/* ------------------------------------------------------------------ */

/* Finds the file the run writes, when it is a regular file: -o FILE as
 * it stands (through symbolic links), or a standard output redirected to
 * a file.  No input may be that file (input_open): o->out_name receives
 * its name for messages (malloc'd), o->out_sb its identity; both stay
 * unset when there is none.  0, or -1 out of memory (printed). */
static int find_output(cli_options *o)
{
    if (o->output) {
        if (stat(o->output, &o->out_sb) != 0 || !S_ISREG(o->out_sb.st_mode))
            return 0;
        o->out_name = dg_strdupf("-o %s", o->output);
    } else {
        if (o->push.url || fstat(STDOUT_FILENO, &o->out_sb) != 0 ||
            !S_ISREG(o->out_sb.st_mode))
            return 0;
        o->out_name = dg_strdupf("standard output");
    }
    if (o->out_name)
        return 0;
    fprintf(stderr, "%s: %s\n", PROG, dg_strerror(DG_ERR_NOMEM));
    return -1;
}

/* ------------------------------------------------------------------ */
/* Lexicons                                                            */
/* ------------------------------------------------------------------ */

/* The default lexicon directory (see README.md). */
static const char *default_lexicon_dir(void)
{
    static const char build_exe[] = DG_BUILD_DIR "/src/diplograph";
    const char *env = getenv("DIPLOGRAPH_DATADIR");
    char self[4096];
    ssize_t n;

    if (env && *env)
        return env;
    n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) {
        self[n] = '\0';
        if (strcmp(self, build_exe) == 0)
            return DG_BUILD_SRCDIR "/data";
    }
    return DG_PKGDATADIR "/lexicon";
}

static int load_lexicons(const cli_options *o, dg_lexicon **lex,
                         diag_ctx *dc)
{
    const char *dir = default_lexicon_dir();
    size_t i;

    dc->where = dir;
    if (dg_lexicon_load(dir, lex, on_diag, dc) != DG_OK)
        return -1;
    for (i = 0; i < o->nlexicons; i++) {
        dc->where = o->lexicons[i];
        if (dg_lexicon_load(o->lexicons[i], lex, on_diag, dc) != DG_OK)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Extraction                                                          */
/* ------------------------------------------------------------------ */

/* The graphs to write: one for all files, or one per file (N-Quads). */
typedef struct {
    dg_graph **graphs;
    char **iris;
    size_t n;
} graph_set;

static void graph_set_free(graph_set *gs)
{
    size_t i;

    for (i = 0; i < gs->n; i++) {
        dg_graph_free(gs->graphs[i]);
        free(gs->iris[i]);
    }
    free(gs->graphs);
    free(gs->iris);
}

/* Extracts article a into gs->graphs[gs->n - 1]; 0 on success. */
static int extract_one(const cli_options *o, const batch_article *a,
                       graph_set *gs, diag_ctx *dc)
{
    dg_options opts = {o->base};
    dg_article art;
    dg_graph *g = gs->graphs[gs->n - 1];
    size_t before = dg_graph_size(g);
    char *iri = NULL;
    dg_status st;

    art.name = a->name;
    art.text = a->text;
    art.len = a->len;
    art.date = a->date ? a->date : o->date;
    art.source = a->source ? a->source : o->source;
    art.title = a->title ? a->title : o->title;
    dc->where = a->where;
    st = dg_extract(o->lex, &opts, &art, g, &iri, on_diag, dc);
    if (st != DG_OK) {
        free(iri);
        fprintf(stderr, "%s: %s: %s\n", PROG, dc->where, dg_strerror(st));
        return -1;
    }
    free(gs->iris[gs->n - 1]);
    gs->iris[gs->n - 1] = iri;
    if (o->verbose)
        fprintf(stderr, "%s: %s: %zu triples\n", PROG, dc->where,
                dg_graph_size(g) - before);
    return 0;
}

/* Adds a graph to gs (grown as needed). */
static int graph_set_add(graph_set *gs, size_t *cap)
{
    if (gs->n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        dg_graph **g = realloc(gs->graphs, c * sizeof *g);
        char **i;

        if (!g)
            return -1;
        gs->graphs = g;
        if (!(i = realloc(gs->iris, c * sizeof *i)))
            return -1;
        gs->iris = i;
        *cap = c;
    }
    gs->iris[gs->n] = NULL;
    gs->graphs[gs->n] = dg_graph_new();
    return gs->graphs[gs->n++] ? 0 : -1;
}

/* Drops the last graph of gs (that of an article that failed). */
static void graph_set_drop(graph_set *gs)
{
    gs->n--;
    dg_graph_free(gs->graphs[gs->n]);
    free(gs->iris[gs->n]);
}

/* Extracts every article into memory (dot, --push): one graph each for
 * N-Quads and uploads, else one in all.  A bad article leaves no graph
 * behind, so that with --keep-going the others are all written and
 * pushed; without it, the first bad one ends the reading. */
static int extract_all(const cli_options *o, graph_set *gs, diag_ctx *dc)
{
    int per_file = (strcmp(o->format, "nquads") == 0 || o->push.url) &&
                   !o->push.graph;
    batch_article a = {0};
    size_t total, cap = 0;
    input_iter *it = input_open(o->files, o->nfiles, o->jsonl, o->out_name,
                                o->out_name ? &o->out_sb : NULL, &total);
    int stop = 0, rc;

    if (!it)
        return -1;
    while (!stop && (rc = input_next(it, &a)) != 0) {
        if (rc > 0 && (per_file || gs->n == 0) && graph_set_add(gs, &cap)) {
            batch_article_clear(&a);
            input_close(it);
            fprintf(stderr, "%s: %s\n", PROG, dg_strerror(DG_ERR_NOMEM));
            return -1;
        }
        if (rc > 0 && extract_one(o, &a, gs, dc) == 0)
            continue;
        if (rc > 0 && per_file)
            graph_set_drop(gs);
        stop = !o->keep_going || rc == -2;
    }
    batch_article_clear(&a);
    input_close(it);
    return stop ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

/* The corpus one article at a time (batch.c), when gs is NULL. */
static int write_stream(const cli_options *o, FILE *fh, const char *where)
{
    batch_opts bo;
    batch_stats st;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int rc;

    memset(&bo, 0, sizeof bo);
    bo.format = o->format;
    bo.base = o->base;
    bo.date = o->date;
    bo.source = o->source;
    bo.title = o->title;
    bo.out_name = o->out_name;
    bo.out = o->out_name ? &o->out_sb : NULL;
    bo.lex = o->lex;
    bo.jobs = (int)(o->jobs ? o->jobs : cores > 0 ? cores : 1);
    bo.jsonl = o->jsonl;
    bo.keep_going = o->keep_going;
    bo.quiet = o->quiet;
    bo.verbose = o->verbose;
    bo.progress = !o->quiet && isatty(STDERR_FILENO);
    rc = batch_run(&bo, o->files, o->nfiles, fh, where, &st);
    if (o->verbose && st.failed)
        fprintf(stderr, "%s: %zu article%s, %zu skipped, %zu triple%s, "
                "%.2f seconds\n", PROG, st.articles, PLURAL(st.articles),
                st.failed, st.triples, PLURAL(st.triples), st.seconds);
    else if (o->verbose)
        fprintf(stderr, "%s: %zu article%s, %zu triple%s, %.2f seconds\n",
                PROG, st.articles, PLURAL(st.articles), st.triples,
                PLURAL(st.triples), st.seconds);
    return rc;
}

static int write_graphs(const cli_options *o, const graph_set *gs, FILE *fh,
                        diag_ctx *dc)
{
    dg_serializer *s = NULL;
    dg_status st;
    size_t i;
    int errors;

    dc->where = o->output ? o->output : "standard output";
    if (!gs)
        return write_stream(o, fh, dc->where);
    errors = dc->errors;
    st = dg_serializer_new(o->format, o->base, fh, &s, on_diag, dc);
    for (i = 0; st == DG_OK && i < gs->n; i++)
        st = dg_serializer_write(s, gs->graphs[i], gs->iris[i]);
    if (s) {   /* finish also reports a write error of a failed write */
        dg_status fst = dg_serializer_finish(s);

        if (st == DG_OK)
            st = fst;
    }
    dg_serializer_free(s);
    if (st != DG_OK && dc->errors == errors) /* every failure is told */
        fprintf(stderr, "%s: %s: %s\n", PROG, dc->where, dg_strerror(st));
    return st == DG_OK ? 0 : -1;
}

/* Writes straight to an existing file that is not a regular file (a
 * device or a pipe: it cannot be replaced by rename). */
static int write_special(const cli_options *o, const graph_set *gs,
                         diag_ctx *dc)
{
    FILE *fh = fopen(o->output, "wb");
    int rc;

    if (!fh) {
        fprintf(stderr, "%s: %s: %s\n", PROG, o->output, strerror(errno));
        return -1;
    }
    rc = write_graphs(o, gs, fh, dc);
    if (fclose(fh) != 0 && rc == 0) {
        fprintf(stderr, "%s: %s: %s\n", PROG, o->output, strerror(errno));
        rc = -1;
    }
    return rc;
}

/* The temporary file being written, for the signal handler: SIGINT,
 * SIGTERM or SIGHUP while writing removes it, then ends the program as
 * the signal would have, so the old output stays and nothing is left. */
static char *volatile temp_path;

static void remove_temp_and_die(int sig)
{
    char *p = temp_path;

    if (p)
        unlink(p); /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

static const int fatal_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define NFATAL (sizeof fatal_signals / sizeof fatal_signals[0])

/* Sets (path) or clears (NULL) the temporary the handlers remove. */
static void guard_temp(char *path, struct sigaction *saved)
{
    struct sigaction sa;
    size_t i;

    if (path) {
        temp_path = path;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = remove_temp_and_die;
        sigemptyset(&sa.sa_mask);
        for (i = 0; i < NFATAL; i++)
            sigaction(fatal_signals[i], &sa, &saved[i]);
    } else {
        for (i = 0; i < NFATAL; i++)
            sigaction(fatal_signals[i], &saved[i], NULL);
        temp_path = NULL;
    }
}

/* The target of symbolic link p (malloc'd), or NULL with errno set.
 * (Not sized by lstat: links of /proc report a size of 0 or 64.) */
static char *read_link(const char *p)
{
    size_t cap = 256;
    char *buf;
    ssize_t n;

    for (;;) {
        if (!(buf = malloc(cap)))
            return NULL;
        if ((n = readlink(p, buf, cap)) < 0) {
            free(buf);
            return NULL;
        }
        if ((size_t)n < cap) {
            buf[n] = '\0';
            return buf;
        }
        free(buf);
        cap *= 2;
    }
}

/* The file `path` names once symbolic links are followed, as writing
 * through it would (malloc'd; path itself when it is not a link, a link's
 * target that does not exist yet too); NULL after a message. */
static char *link_target(const char *path)
{
    char *p = strdup(path), *link, *slash;
    struct stat sb;
    int hops;

    for (hops = 0; p && hops < 40; hops++) {
        if (lstat(p, &sb) != 0 || !S_ISLNK(sb.st_mode))
            return p;
        if (!(link = read_link(p))) {
            fprintf(stderr, "%s: %s: %s\n", PROG, path, strerror(errno));
            free(p);
            return NULL;
        }
        slash = strrchr(p, '/');
        if (link[0] == '/' || !slash) {
            free(p);
            p = link;
        } else {   /* relative to the link's directory */
            slash[1] = '\0';
            slash = dg_strdupf("%s%s", p, link);
            free(link);
            free(p);
            p = slash;
        }
    }
    if (p) {
        fprintf(stderr, "%s: %s: %s\n", PROG, path, strerror(ELOOP));
        free(p);
        return NULL;
    }
    fprintf(stderr, "%s: %s\n", PROG, dg_strerror(DG_ERR_NOMEM));
    return NULL;
}

/* A new temporary file in the directory of `target`, with a short name
 * (".diplograph-XXXXXX", hidden, so that a directory walk skips it), so
 * that it fits wherever the target's name does; *path receives its name
 * (malloc'd).  It takes the mode of the file it replaces (and its owner
 * and group where allowed), else 0666 less the umask.  Returns the
 * descriptor, or -1 after a message. */
static int open_temp(const char *target, const char *name, char **path)
{
    const char *slash = strrchr(target, '/');
    int dir = slash ? (int)(slash - target) + 1 : 0, fd;
    struct stat sb;
    mode_t mode;

    if (!(*path = dg_strdupf("%.*s.diplograph-XXXXXX", dir, target))) {
        fprintf(stderr, "%s: %s\n", PROG, dg_strerror(DG_ERR_NOMEM));
        return -1;
    }
    if ((fd = mkstemp(*path)) < 0) {
        fprintf(stderr, "%s: %s: cannot create a temporary file: %s\n",
                PROG, name, strerror(errno));
        free(*path);
        *path = NULL;
        return -1;
    }
    if (stat(target, &sb) == 0) {
        if (fchown(fd, sb.st_uid, sb.st_gid) != 0)
            (void)fchown(fd, (uid_t)-1, sb.st_gid);  /* the group at least */
        mode = sb.st_mode & 0777;
    } else {
        mode = umask(0);
        umask(mode);
        mode = 0666 & ~mode;
    }
    if (fchmod(fd, mode) != 0) {
        fprintf(stderr, "%s: %s: %s\n", PROG, *path, strerror(errno));
        close(fd);
        unlink(*path);
        free(*path);
        *path = NULL;
        return -1;
    }
    return fd;
}

/* Writes to a temporary file beside o->output (beside the file it links
 * to, when it is a symbolic link) and renames it over that file; on any
 * failure, or a signal, removes the temporary. */
static int write_file(const cli_options *o, const graph_set *gs,
                      diag_ctx *dc)
{
    char *target = link_target(o->output), *tmp = NULL;
    FILE *fh = NULL;
    struct sigaction saved[NFATAL];
    int fd, rc = -1;

    if (!target || (fd = open_temp(target, o->output, &tmp)) < 0) {
        free(target);
        return -1;
    }
    guard_temp(tmp, saved);
    if (!(fh = fdopen(fd, "wb"))) {
        fprintf(stderr, "%s: %s: %s\n", PROG, tmp, strerror(errno));
        close(fd);
        goto out;
    }
    rc = write_graphs(o, gs, fh, dc);
    if (fclose(fh) != 0 && rc == 0) {
        fprintf(stderr, "%s: %s: %s\n", PROG, o->output, strerror(errno));
        rc = -1;
    }
    if (rc == 0 && rename(tmp, target) != 0) {
        fprintf(stderr, "%s: %s: %s\n", PROG, o->output, strerror(errno));
        rc = -1;
    }
out:
    if (rc != 0)
        unlink(tmp);
    guard_temp(NULL, saved);
    free(tmp);
    free(target);
    return rc;
}

static int write_output(const cli_options *o, const graph_set *gs,
                        diag_ctx *dc)
{
    struct stat sb;

    if (!o->output)
        return write_graphs(o, gs, stdout, dc); /* closed in main */
    if (stat(o->output, &sb) == 0 && !S_ISREG(sb.st_mode))
        return write_special(o, gs, dc);
    return write_file(o, gs, dc);
}

/* ------------------------------------------------------------------ */
/* Upload                                                              */
/* ------------------------------------------------------------------ */

/* Where upload progress goes: with -v a line per stored batch; on a
 * terminal (without -q), once an upload has taken half a second, one
 * line rewritten in place, with the rate. */
typedef struct {
    const char *url;
    int tty;
    int shown;              /* a terminal line is on the screen */
    struct timespec start;
} push_progress;

static void on_push_progress(void *ctx, size_t stored, size_t total)
{
    push_progress *pp = ctx;
    struct timespec now;
    double secs;

    if (!pp->tty) {
        fprintf(stderr, "%s: %s: %zu of %zu triples stored\n", PROG, pp->url,
                stored, total);
        return;
    }
    clock_gettime(CLOCK_MONOTONIC, &now);
    secs = (double)(now.tv_sec - pp->start.tv_sec) +
           (double)(now.tv_nsec - pp->start.tv_nsec) / 1e9;
    if (!pp->shown && secs < 0.5)
        return; /* only uploads that take more than a moment */
    fprintf(stderr, "\r%s: pushing: %zu of %zu triples stored, %.0f triples/s ",
            PROG, stored, total, secs > 0 ? (double)stored / secs : 0.0);
    pp->shown = 1;
}

/* Pushes one graph (and checks its count with --verify); 0 on success. */
static int push_graph(const cli_options *o, dg_uploader *up,
                      const dg_graph *g, const char *iri)
{
    size_t stored = 0, n = 0, sent = dg_graph_size(g);
    dg_status st;

    st = dg_push_graph(up, g, iri, (size_t)o->push.batch, o->push.replace,
                       &stored);
    if (st != DG_OK) {
        fprintf(stderr, "%s: upload to <%s> failed: %s\n", PROG, iri,
                dg_strerror(st));
        return -1;
    }
    if (o->verbose)
        fprintf(stderr, "%s: %s: %zu triples stored in <%s>\n", PROG,
                o->push.url, stored, iri);
    if (!o->push.verify)
        return 0;
    if (dg_uploader_count(up, iri, &n) != DG_OK) {
        fprintf(stderr, "%s: verify of <%s> failed: %s\n", PROG, iri,
                dg_strerror(DG_ERR_VERIFY));
        return -1;
    }
    if (n != sent) {
        fprintf(stderr, "%s: %s: graph <%s> holds %zu triples, %zu were sent\n",
                PROG, dg_strerror(DG_ERR_VERIFY), iri, n, sent);
        return -1;
    }
    return 0;
}

/* Pushes every graph of gs to o->push.url; returns an exit code. */
static int push_all(const cli_options *o, const graph_set *gs, diag_ctx *dc)
{
    dg_push_options po = push_lib_options(&o->push);
    dg_uploader *up = NULL;
    dg_status st;
    size_t i;
    int rc = EXIT_OK;

    push_progress pp = {o->push.url, 0, 0, {0, 0}};

    dc->where = NULL;
    pp.tty = !o->verbose && !o->quiet && isatty(STDERR_FILENO);
    clock_gettime(CLOCK_MONOTONIC, &pp.start);
    if (o->verbose || pp.tty) {
        po.progress_fn = on_push_progress;
        po.progress_ctx = &pp;
    }
    st = dg_uploader_new(&po, &up, on_diag, dc);
    if (st != DG_OK)
        return st == DG_ERR_ARG ? EXIT_USAGE : EXIT_FAIL;
    /* every graph has its IRI: extract_all keeps no failed article's */
    for (i = 0; i < gs->n && rc == EXIT_OK; i++)
        if (push_graph(o, up, gs->graphs[i],
                       o->push.graph ? o->push.graph : gs->iris[i]) != 0)
            rc = EXIT_FAIL;
    if (pp.shown)
        fputc('\n', stderr); /* end the terminal's progress line */
    dg_uploader_free(up);
    return rc;
}

/* ------------------------------------------------------------------ */

/* Each article's stages allocate a few megabytes and free them at the
 * end of the article.  glibc returns the freed top of the heap to the
 * kernel and takes it back for the next article, a page fault per page
 * touched: 13,500 faults on 3,100 bench articles, 3,400 with 16 MB of
 * pad kept, about 7% of the run's time (measured on Debian 12, glibc
 * 2.36).  The pad is address space; only pages once touched are
 * resident. */
static void keep_heap(void)
{
#if defined(__GLIBC__) && defined(M_TOP_PAD)
    mallopt(M_TOP_PAD, 16 << 20);
#endif
}

int main(int argc, char **argv)
{
    static char *stdin_only[] = {"-"};
    cli_options o = {.format = "turtle", .base = DG_DEFAULT_BASE,
                     .push = {.protocol = DG_PUSH_GSP, .retries = -1}};
    diag_ctx dc = {NULL, 0, 0};
    dg_lexicon *lex = NULL;
    graph_set gs = {NULL, NULL, 0};
    int rc, stream;

    keep_heap();
    o.lexicons = calloc((size_t)argc, sizeof *o.lexicons);
    if (!o.lexicons) {
        fprintf(stderr, "%s: %s\n", PROG, dg_strerror(DG_ERR_NOMEM));
        return EXIT_FAIL;
    }
    rc = parse_args(argc, argv, &o);
    if (rc >= 0)
        goto out;
    dc.quiet = o.quiet;
    o.files = optind < argc ? argv + optind : stdin_only;
    o.nfiles = optind < argc ? (size_t)(argc - optind) : 1;
    rc = EXIT_FAIL;
    if (find_output(&o) != 0 || load_lexicons(&o, &lex, &dc) != 0)
        goto out;
    o.lex = lex;
    stream = !o.push.url && dg_format_blocks(o.format);
    if (!stream && extract_all(&o, &gs, &dc) != 0)
        goto out;
    if ((!o.push.url || o.output) &&
        write_output(&o, stream ? NULL : &gs, &dc) != 0)
        goto out;
    rc = o.push.url ? push_all(&o, &gs, &dc) : EXIT_OK;
out:
    graph_set_free(&gs);
    dg_lexicon_free(lex);
    free(o.lexicons);
    free(o.out_name);
    /* Catches what is still buffered (--help too) and close errors. */
    if (fclose(stdout) != 0 && rc == EXIT_OK) {
        fprintf(stderr, "%s: standard output: %s\n", PROG, strerror(errno));
        rc = EXIT_FAIL;
    }
    return rc;
}
