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
 */
#include "config.h"
#include "internal.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROG "diplograph"
#define STDIN_NAME "standard input"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

typedef struct {
    const char *format;
    const char *output;  /* NULL: standard output */
    const char *base;
    const char *date, *source, *title;
    const char **lexicons;
    size_t nlexicons;
    int quiet, verbose;
} cli_options;

/* Context of the diag callback: the name used when `where` is NULL. */
typedef struct {
    const char *where;
    int quiet;
} diag_ctx;

static void on_diag(void *ctx, dg_status st, const char *where,
                    const char *message)
{
    diag_ctx *d = ctx;

    if (st == DG_OK && d->quiet)
        return;
    if (!where)
        where = d->where;
    if (where)
        fprintf(stderr, "%s: %s: %s%s\n", PROG, where,
                st == DG_OK ? "warning: " : "", message);
    else
        fprintf(stderr, "%s: %s%s\n", PROG, st == DG_OK ? "warning: " : "",
                message);
}

static void usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "%s: ", PROG);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", PROG);
}

static void print_help(void)
{
    printf(
"Usage: %s [OPTIONS] [FILE ...]\n"
"Turn news articles about diplomacy into an RDF knowledge graph.\n"
"With no FILE, or when FILE is -, read standard input.\n"
"\n"
"  -f, --format FORMAT    turtle (default), ntriples, nquads, rdfxml, json, dot\n"
"  -o, --output FILE      write to FILE instead of standard output\n"
"  -b, --base IRI         base IRI for minted data IRIs\n"
"                         (default %s)\n"
"      --date YYYY-MM-DD  the article's publication date\n"
"      --source IRI       the article's URL (dcterms:source)\n"
"      --title TEXT       the article's title (dcterms:title)\n"
"      --lexicon DIR      extra lexicon directory (user additions), may repeat\n"
"  -q, --quiet            no warnings\n"
"  -v, --verbose          report the triples found in each file\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n"
"\n"
"Exit status: 0 success, 1 input or output failure, 2 usage error.\n"
"Lexicons are read from $DIPLOGRAPH_DATADIR if set, else from\n"
"%s/lexicon.\n",
        PROG, DG_DEFAULT_BASE, DG_PKGDATADIR);
}

enum { OPT_DATE = 256, OPT_SOURCE, OPT_TITLE, OPT_LEXICON };

static const struct option long_opts[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"base", required_argument, NULL, 'b'},
    {"date", required_argument, NULL, OPT_DATE},
    {"source", required_argument, NULL, OPT_SOURCE},
    {"title", required_argument, NULL, OPT_TITLE},
    {"lexicon", required_argument, NULL, OPT_LEXICON},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

/* Checks the option values that getopt cannot; returns an exit code
 * (EXIT_OK when all are good). */
static int check_options(const cli_options *o)
{
    dg_date d;

    if (!dg_format_known(o->format)) {
        usage_error("unknown format '%s' (turtle, ntriples, nquads, "
                    "rdfxml, json, dot)", o->format);
        return EXIT_USAGE;
    }
    if (!dg_iri_valid(o->base)) {
        usage_error("invalid base IRI '%s'", o->base);
        return EXIT_USAGE;
    }
    if (o->date && !dg_date_parse_iso(o->date, &d)) {
        usage_error("invalid --date '%s' (expected YYYY-MM-DD)", o->date);
        return EXIT_USAGE;
    }
    if (o->source && !dg_iri_valid(o->source)) {
        usage_error("invalid --source IRI '%s'", o->source);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* Parses argv into *o; returns -1 to go on, or an exit code. */
static int parse_args(int argc, char **argv, cli_options *o)
{
    int c;

    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:b:qvhV", long_opts, NULL)) != -1) {
        switch (c) {
        case 'f': o->format = optarg; break;
        case 'o': o->output = optarg; break;
        case 'b': o->base = optarg; break;
        case OPT_DATE: o->date = optarg; break;
        case OPT_SOURCE: o->source = optarg; break;
        case OPT_TITLE: o->title = optarg; break;
        case OPT_LEXICON: o->lexicons[o->nlexicons++] = optarg; break;
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
    return check_options(o) == EXIT_OK ? -1 : EXIT_USAGE;
}

/* ------------------------------------------------------------------ */
/* Input                                                               */
/* ------------------------------------------------------------------ */

/* Reads all of fh into a malloc'd buffer (*buf, *len bytes). */
static int read_all(FILE *fh, char **buf, size_t *len)
{
    size_t cap = 65536, n = 0, got;
    char *p = malloc(cap), *q;

    if (!p)
        return ENOMEM;
    while ((got = fread(p + n, 1, cap - n, fh)) > 0) {
        n += got;
        if (n == cap) {
            q = cap > (size_t)-1 / 2 ? NULL : realloc(p, cap * 2);
            if (!q) {
                free(p);
                return ENOMEM;
            }
            p = q;
            cap *= 2;
        }
    }
    if (ferror(fh)) {
        int e = errno ? errno : EIO;

        free(p);
        return e;
    }
    *buf = p;
    *len = n;
    return 0;
}

/* Reads file `path` ("-": standard input); prints why on failure. */
static int read_input(const char *path, char **buf, size_t *len)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *fh = is_stdin ? stdin : fopen(path, "rb");
    int e;

    if (!fh) {
        fprintf(stderr, "%s: %s: %s\n", PROG, path, strerror(errno));
        return -1;
    }
    errno = 0;
    e = read_all(fh, buf, len);
    if (!is_stdin)
        fclose(fh);
    if (e) {
        fprintf(stderr, "%s: %s: %s\n", PROG, is_stdin ? STDIN_NAME : path,
                strerror(e));
        return -1;
    }
    return 0;
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

/* Extracts one file into gs->graphs[gs->n - 1]; 0 on success. */
static int extract_file(const cli_options *o, const dg_lexicon *lex,
                        const char *path, graph_set *gs, diag_ctx *dc)
{
    dg_options opts = {o->base};
    dg_article art;
    dg_graph *g = gs->graphs[gs->n - 1];
    size_t before = dg_graph_size(g);
    char *text = NULL, *iri = NULL;
    int is_stdin = strcmp(path, "-") == 0;
    dg_status st;

    if (read_input(path, &text, &art.len) != 0)
        return -1;
    art.name = path;
    art.text = text;
    art.date = o->date;
    art.source = o->source;
    art.title = o->title;
    dc->where = is_stdin ? STDIN_NAME : path;
    st = dg_extract(lex, &opts, &art, g, &iri, on_diag, dc);
    free(text);
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

/* Extracts every file; one graph each for N-Quads, else one in all. */
static int extract_all(const cli_options *o, const dg_lexicon *lex,
                       char **files, size_t nfiles, graph_set *gs,
                       diag_ctx *dc)
{
    int per_file = strcmp(o->format, "nquads") == 0;
    size_t ngraphs = per_file ? nfiles : 1, i;
    int failed = 0;

    gs->graphs = calloc(ngraphs, sizeof *gs->graphs);
    gs->iris = calloc(ngraphs, sizeof *gs->iris);
    if (!gs->graphs || !gs->iris)
        goto nomem;
    for (i = 0; i < nfiles; i++) {
        if (per_file || i == 0) {
            gs->graphs[gs->n] = dg_graph_new();
            if (!gs->graphs[gs->n++])
                goto nomem;
        }
        if (extract_file(o, lex, files[i], gs, dc) != 0)
            failed = 1;
    }
    return failed ? -1 : 0;
nomem:
    fprintf(stderr, "%s: %s\n", PROG, dg_strerror(DG_ERR_NOMEM));
    return -1;
}

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

static int write_graphs(const cli_options *o, const graph_set *gs, FILE *fh,
                        diag_ctx *dc)
{
    dg_serializer *s = NULL;
    dg_status st;
    size_t i;

    dc->where = o->output ? o->output : "standard output";
    st = dg_serializer_new(o->format, o->base, fh, &s, on_diag, dc);
    for (i = 0; st == DG_OK && i < gs->n; i++)
        st = dg_serializer_write(s, gs->graphs[i], gs->iris[i]);
    if (st == DG_OK)
        st = dg_serializer_finish(s);
    dg_serializer_free(s);
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

/* Writes to a temporary file beside o->output and renames it over
 * o->output; on any failure removes the temporary. */
static int write_file(const cli_options *o, const graph_set *gs,
                      diag_ctx *dc)
{
    size_t n = strlen(o->output);
    char *tmp = malloc(n + 8);
    FILE *fh = NULL;
    mode_t mask;
    int fd, rc = -1;

    if (!tmp) {
        fprintf(stderr, "%s: %s\n", PROG, dg_strerror(DG_ERR_NOMEM));
        return -1;
    }
    memcpy(tmp, o->output, n);
    memcpy(tmp + n, ".XXXXXX", 8);
    fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, "%s: %s: cannot create a temporary file: %s\n",
                PROG, o->output, strerror(errno));
        free(tmp);
        return -1;
    }
    mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || !(fh = fdopen(fd, "wb"))) {
        fprintf(stderr, "%s: %s: %s\n", PROG, tmp, strerror(errno));
        close(fd);
        goto out;
    }
    rc = write_graphs(o, gs, fh, dc);
    if (fclose(fh) != 0 && rc == 0) {
        fprintf(stderr, "%s: %s: %s\n", PROG, o->output, strerror(errno));
        rc = -1;
    }
    if (rc == 0 && rename(tmp, o->output) != 0) {
        fprintf(stderr, "%s: %s: %s\n", PROG, o->output, strerror(errno));
        rc = -1;
    }
out:
    if (rc != 0)
        unlink(tmp);
    free(tmp);
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

int main(int argc, char **argv)
{
    static char *stdin_only[] = {"-"};
    cli_options o = {"turtle", NULL, DG_DEFAULT_BASE, NULL, NULL, NULL,
                     NULL, 0, 0, 0};
    diag_ctx dc = {NULL, 0};
    dg_lexicon *lex = NULL;
    graph_set gs = {NULL, NULL, 0};
    char **files;
    size_t nfiles;
    int rc;

    o.lexicons = calloc((size_t)argc, sizeof *o.lexicons);
    if (!o.lexicons) {
        fprintf(stderr, "%s: %s\n", PROG, dg_strerror(DG_ERR_NOMEM));
        return EXIT_FAIL;
    }
    rc = parse_args(argc, argv, &o);
    if (rc >= 0)
        goto out;
    dc.quiet = o.quiet;
    files = optind < argc ? argv + optind : stdin_only;
    nfiles = optind < argc ? (size_t)(argc - optind) : 1;
    rc = EXIT_FAIL;
    if (load_lexicons(&o, &lex, &dc) != 0)
        goto out;
    if (extract_all(&o, lex, files, nfiles, &gs, &dc) != 0)
        goto out;
    if (write_output(&o, &gs, &dc) != 0)
        goto out;
    rc = EXIT_OK;
out:
    graph_set_free(&gs);
    dg_lexicon_free(lex);
    free(o.lexicons);
    /* Catches what is still buffered (--help too) and close errors. */
    if (fclose(stdout) != 0 && rc == EXIT_OK) {
        fprintf(stderr, "%s: standard output: %s\n", PROG, strerror(errno));
        rc = EXIT_FAIL;
    }
    return rc;
}
