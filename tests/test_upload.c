/*
 * test_upload.c: tests of the uploader (upload.c, upload_body.c): the
 * request bodies and the cleaning of answers without a server (exact
 * text); against a real Virtuoso started on 127.0.0.1 from Debian's
 * shipped virtuoso.ini (tests/virtuoso-start), also through
 * tests/delayproxy.py, which makes one request arrive late; and against
 * tests/faultserver.py, an HTTP server that fails on purpose and counts
 * what it receives.  All traffic stays on loopback; every wait is
 * bounded.  Without virtuoso-t only the body and fault-server tests run;
 * without /usr/bin/python3 the binary skips (77).
 */
#include "testutil.h"

#include "internal.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char vdir[256];     /* temp dir of this run */
static int have_virtuoso;
static int vport;          /* Virtuoso HTTP port */
static int fport;          /* fault server port */
static pid_t fpid = -1;    /* fault server pid */

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
    char all[16384];       /* every message, one a line */
    char last[2048];       /* the last message */
    dg_status last_st;
    int n, retries;
} diaglog;

static void on_diag(void *ctx, dg_status st, const char *where,
                    const char *msg)
{
    diaglog *d = ctx;
    size_t used = strlen(d->all);

    (void)where;
    if (getenv("DG_TEST_VERBOSE"))
        fprintf(stderr, "[diag %d] %s\n", (int)st, msg);
    snprintf(d->all + used, sizeof d->all - used, "%s\n", msg);
    snprintf(d->last, sizeof d->last, "%s", msg);
    if (st == DG_OK)
        d->retries++;
    else
        d->last_st = st;
    d->n++;
}

/* Runs a shell command and returns its stdout (static buffer). */
static const char *run(const char *fmt, ...)
{
    static char out[65536];
    char cmd[4096];
    size_t n = 0;
    va_list ap;
    FILE *p;

    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    out[0] = '\0';
    p = popen(cmd, "r");
    if (!p)
        return out;
    n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    pclose(p);
    return out;
}

/* A SPARQL query's JSON result from the Virtuoso /sparql endpoint. */
static const char *sparql(const char *query)
{
    char path[300];
    FILE *f;

    snprintf(path, sizeof path, "%s/query.rq", vdir);
    f = fopen(path, "w");
    if (!f)
        return "";
    fputs(query, f);
    fclose(f);
    return run("curl -s --max-time 20 -G -H 'Accept: application/sparql-results+json' "
               "--data-urlencode query@%s http://127.0.0.1:%d/sparql", path, vport);
}

/* Whether an ASK query is true ("true"), false ("false") or failed. */
static const char *ask(const char *query)
{
    const char *r = sparql(query);

    if (getenv("DG_TEST_VERBOSE"))
        fprintf(stderr, "[ask] %s\n", r);

    /* {"head": {"link": []}, "boolean": true} (spaces vary by settings) */
    const char *b = strstr(r, "\"boolean\":");

    if (!b)
        return r;
    b += strlen("\"boolean\":");
    b += strspn(b, " ");
    return strncmp(b, "true", 4) == 0 ? "true" : strncmp(b, "false", 5) == 0 ? "false" : r;
}

/* What the fault server recorded for NAME (its JSON). */
static const char *stats(const char *name)
{
    return run("curl -s --max-time 5 http://127.0.0.1:%d/stats/%s", fport, name);
}

/* 1 when s starts with prefix. */
static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static dg_push_options vopts(dg_push_protocol proto)
{
    static char url[128];
    dg_push_options o = {0};

    snprintf(url, sizeof url, "http://127.0.0.1:%d/%s", vport,
             proto == DG_PUSH_GSP ? "sparql-graph-crud-auth" : "sparql-auth");
    o.url = url;
    o.protocol = proto;
    o.user = "dba";
    o.password = "dba";
    o.timeout_s = 60;
    o.retries = 1;
    o.retry_delay_ms = 100;
    return o;
}

static dg_push_options fopts(const char *path)
{
    static char url[256];
    dg_push_options o = {0};

    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", fport, path);
    o.url = url;
    o.protocol = DG_PUSH_GSP;
    o.timeout_s = 10;
    o.retries = 3;
    o.retry_delay_ms = 50;
    return o;
}

static dg_uploader *make(const dg_push_options *o, diaglog *d)
{
    dg_uploader *up = NULL;

    memset(d, 0, sizeof *d);
    CU_ASSERT_EQUAL_FATAL(dg_uploader_new(o, &up, on_diag, d), DG_OK);
    return up;
}

static size_t count(dg_uploader *up, const char *g)
{
    size_t n = (size_t)-1;

    CU_ASSERT_EQUAL(dg_uploader_count(up, g, &n), DG_OK);
    return n;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char NT3[] =
    "<http://ex.org/s1> <http://ex.org/p> <http://ex.org/o1> .\n"
    "<http://ex.org/s2> <http://ex.org/p> \"two\" .\n"
    "<http://ex.org/s3> <http://ex.org/p> \"drei\"@de .\n";

static const char NT2[] =
    "<http://ex.org/s4> <http://ex.org/p> <http://ex.org/o4> .\n"
    "# a comment line\n"
    "<http://ex.org/s5> <http://ex.org/q> \"five\" .\n";

/* ------------------------------------------------------------------ */
/* Against Virtuoso                                                    */
/* ------------------------------------------------------------------ */

static void test_gsp_put_post_count(void)
{
    dg_push_options o = vopts(DG_PUSH_GSP);
    const char *g = "http://ex.org/graph/gsp";
    diaglog d;
    dg_uploader *up = make(&o, &d);

    CU_ASSERT_EQUAL(dg_uploader_send(up, g, NT3, strlen(NT3), 3, 1), DG_OK);
    CU_ASSERT_EQUAL(count(up, g), 3);
    CU_ASSERT_EQUAL(dg_uploader_send(up, g, NT2, strlen(NT2), 2, 0), DG_OK);
    CU_ASSERT_EQUAL(count(up, g), 5);
    CU_ASSERT_EQUAL(dg_uploader_stored(up), 5);
    CU_ASSERT_STRING_EQUAL(d.all, "");
    CU_ASSERT_STRING_EQUAL(ask("ASK { GRAPH <http://ex.org/graph/gsp> "
                               "{ <http://ex.org/s5> <http://ex.org/q> \"five\" } }"),
                           "true");
    dg_uploader_free(up);
}

static void test_update_insert_count(void)
{
    dg_push_options o = vopts(DG_PUSH_UPDATE);
    const char *g = "http://ex.org/graph/update";
    diaglog d;
    dg_uploader *up = make(&o, &d);

    CU_ASSERT_EQUAL(dg_uploader_send(up, g, NT3, strlen(NT3), 3, 1), DG_OK);
    CU_ASSERT_EQUAL(count(up, g), 3);
    CU_ASSERT_EQUAL(dg_uploader_send(up, g, NT2, strlen(NT2), 2, 0), DG_OK);
    CU_ASSERT_EQUAL(count(up, g), 5);
    CU_ASSERT_EQUAL(dg_uploader_stored(up), 5);
    CU_ASSERT_STRING_EQUAL(d.all, "");
    CU_ASSERT_STRING_EQUAL(
        sparql("SELECT ?o WHERE { GRAPH <http://ex.org/graph/update> "
               "{ <http://ex.org/s3> <http://ex.org/p> ?o } }"),
        "\n{ \"head\": { \"link\": [], \"vars\": [\"o\"] },\n"
        "  \"results\": { \"distinct\": false, \"ordered\": true, \"bindings\": [\n"
        "    { \"o\": { \"type\": \"literal\", \"xml:lang\": \"de\", \"value\": \"drei\" }}"
        " ] } }");
    dg_uploader_free(up);
}

static void test_replace_twice_one_copy(void)
{
    for (int proto = 0; proto < 2; proto++) {
        dg_push_options o = vopts((dg_push_protocol)proto);
        const char *g = proto ? "http://ex.org/graph/rep-u" : "http://ex.org/graph/rep-g";
        diaglog d;
        dg_uploader *up = make(&o, &d);

        CU_ASSERT_EQUAL(dg_uploader_send(up, g, NT3, strlen(NT3), 3, 1), DG_OK);
        CU_ASSERT_EQUAL(dg_uploader_send(up, g, NT3, strlen(NT3), 3, 1), DG_OK);
        CU_ASSERT_EQUAL(count(up, g), 3);
        /* Replacing with other content leaves only that content. */
        CU_ASSERT_EQUAL(dg_uploader_send(up, g, NT2, strlen(NT2), 2, 1), DG_OK);
        CU_ASSERT_EQUAL(count(up, g), 2);
        /* Replacing with nothing empties the graph. */
        CU_ASSERT_EQUAL(dg_uploader_send(up, g, "", 0, 0, 1), DG_OK);
        CU_ASSERT_EQUAL(count(up, g), 0);
        CU_ASSERT_STRING_EQUAL(d.all, "");
        dg_uploader_free(up);
    }
}

static void test_non_ascii_round_trip(void)
{
    static const char nt[] =
        "<http://ex.org/erdogan> <http://www.w3.org/2000/01/rdf-schema#label> \"Erdoğan\"@tr .\n"
        "<http://ex.org/erdogan> <http://ex.org/note> \"Zürich – 北京市 😀\" .\n";
    for (int proto = 0; proto < 2; proto++) {
        dg_push_options o = vopts((dg_push_protocol)proto);
        const char *g = proto ? "http://ex.org/graph/utf8-u" : "http://ex.org/graph/utf8-g";
        char q[512];
        diaglog d;
        dg_uploader *up = make(&o, &d);

        CU_ASSERT_EQUAL(dg_uploader_send(up, g, nt, strlen(nt), 2, 1), DG_OK);
        CU_ASSERT_EQUAL(count(up, g), 2);
        snprintf(q, sizeof q, "ASK { GRAPH <%s> { <http://ex.org/erdogan> "
                 "<http://www.w3.org/2000/01/rdf-schema#label> \"Erdoğan\"@tr } }", g);
        CU_ASSERT_STRING_EQUAL(ask(q), "true");
        snprintf(q, sizeof q, "ASK { GRAPH <%s> { <http://ex.org/erdogan> "
                 "<http://ex.org/note> ?o FILTER(?o = \"Zürich – 北京市 😀\" && "
                 "STRLEN(?o) = 14) } }", g);
        CU_ASSERT_STRING_EQUAL(ask(q), "true");
        dg_uploader_free(up);
    }
}

static void test_escapes_in_iris(void)
{
    static const char nt[] =
        "<http://ex.org/Erdo\\u011Fan> <http://ex.org/l> \"Erdo\\u011Fan \\U0001F600\" .\n"
        "<http://ex.org/q> <http://ex.org/l> \"a <b> \\\"c\\\" # <d\\u0020e>\" .\n"
        "# <http://ex.org/\\u0041> comment\n";
    for (int proto = 0; proto < 2; proto++) {
        dg_push_options o = vopts((dg_push_protocol)proto);
        const char *g = proto ? "http://ex.org/graph/esc-u" : "http://ex.org/graph/esc-g";
        char q[512];
        diaglog d;
        dg_uploader *up = make(&o, &d);

        CU_ASSERT_EQUAL(dg_uploader_send(up, g, nt, strlen(nt), 2, 1), DG_OK);
        CU_ASSERT_EQUAL(count(up, g), 2);
        snprintf(q, sizeof q, "ASK { GRAPH <%s> { <http://ex.org/Erdoğan> "
                 "<http://ex.org/l> \"Erdoğan 😀\" . <http://ex.org/q> <http://ex.org/l> "
                 "\"a <b> \\\"c\\\" # <d\\u0020e>\" } }", g);
        CU_ASSERT_STRING_EQUAL(ask(q), "true");
        CU_ASSERT_STRING_EQUAL(d.all, "");
        dg_uploader_free(up);
    }
}

static void test_update_syntax_error(void)
{
    static const char nt[] = "<http://ex.org/a> <http://ex.org/b> .\n";
    dg_push_options o = vopts(DG_PUSH_UPDATE);
    char want[256];
    diaglog d;
    dg_uploader *up = make(&o, &d);

    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/graph/bad", nt, strlen(nt), 1, 0),
                    DG_ERR_HTTP);
    CU_ASSERT_EQUAL(d.retries, 0);
    snprintf(want, sizeof want, "POST http://127.0.0.1:%d/sparql-auth: HTTP 400: "
             "Virtuoso 37000 Error SP030: SPARQL compiler, line ", vport);
    CU_ASSERT(starts(d.last, want));
    CU_ASSERT_PTR_NOT_NULL(strstr(d.last, "INSERT DATA { GRAPH <http://ex.org/graph/bad>"));
    CU_ASSERT(strlen(d.last) <= strlen(want) + 300);
    dg_uploader_free(up);
}

static void test_graph_iri_escaped(void)
{
    dg_push_options o = vopts(DG_PUSH_GSP);
    const char *g = "http://ex.org/g?x=1&y=2#frag-ğ";
    diaglog d;
    dg_uploader *up = make(&o, &d);

    CU_ASSERT_EQUAL(dg_uploader_send(up, g, NT3, strlen(NT3), 3, 1), DG_OK);
    CU_ASSERT_EQUAL(count(up, g), 3);
    CU_ASSERT_EQUAL(count(up, "http://ex.org/g"), 0);
    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/a b", NT3, strlen(NT3), 3, 1),
                    DG_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(d.last, "graph IRI 'http://ex.org/a b' is not an absolute "
                           "IRI without spaces or <>\"{}|^`\\");
    CU_ASSERT_EQUAL(dg_uploader_send(up, "x> } } ; DROP ALL ; #", NT3, strlen(NT3), 3, 1),
                    DG_ERR_ARG);
    dg_uploader_free(up);
}

static void test_wrong_password(void)
{
    for (int proto = 0; proto < 2; proto++) {
        dg_push_options o = vopts((dg_push_protocol)proto);
        const char *g = "http://ex.org/graph/auth";
        char want[256];
        diaglog d;
        dg_uploader *up;

        o.password = "wrong-pw-42";
        up = make(&o, &d);
        CU_ASSERT_EQUAL(dg_uploader_send(up, g, NT3, strlen(NT3), 3, 1), DG_ERR_AUTH);
        CU_ASSERT_EQUAL(dg_uploader_stored(up), 0);
        if (proto == DG_PUSH_GSP)
            snprintf(want, sizeof want, "authentication failed: PUT http://127.0.0.1:%d/"
                     "sparql-graph-crud-auth?graph-uri=http%%3A%%2F%%2Fex.org%%2Fgraph%%2Fauth: "
                     "HTTP 401", vport);
        else
            snprintf(want, sizeof want, "authentication failed: POST http://127.0.0.1:%d/"
                     "sparql-auth: HTTP 401", vport);
        CU_ASSERT_STRING_EQUAL(d.last, want);
        CU_ASSERT_EQUAL(d.last_st, DG_ERR_AUTH);
        CU_ASSERT_EQUAL(d.retries, 0);
        CU_ASSERT_PTR_NULL(strstr(d.all, "wrong-pw-42"));
        dg_uploader_free(up);
    }
}

static void test_update_split_3000(void)
{
    dg_push_options o = vopts(DG_PUSH_UPDATE);
    const char *g = "http://ex.org/graph/big";
    size_t cap = 3000 * 80, len = 0;
    char *body = malloc(cap);
    diaglog d;
    dg_uploader *up = make(&o, &d);

    CU_ASSERT_PTR_NOT_NULL_FATAL(body);
    for (int i = 0; i < 3000; i++)
        len += (size_t)snprintf(body + len, cap - len,
                                "<http://ex.org/n%d> <http://ex.org/v> \"%d\" .\n", i, i);
    CU_ASSERT_EQUAL(dg_uploader_send(up, g, body, len, 3000, 1), DG_OK);
    CU_ASSERT_EQUAL(dg_uploader_stored(up), 3000);
    CU_ASSERT_EQUAL(count(up, g), 3000);
    /* Replace again: the DROP goes with the first part only. */
    CU_ASSERT_EQUAL(dg_uploader_send(up, g, body, len, 3000, 1), DG_OK);
    CU_ASSERT_EQUAL(count(up, g), 3000);
    CU_ASSERT_STRING_EQUAL(d.all, "");
    free(body);
    dg_uploader_free(up);
}

/* A graph of n triples <http://ex.org/pg/i> <http://ex.org/v> "i". */
static dg_graph *numbers(int n)
{
    dg_graph *g = dg_graph_new();
    char s[64], v[16];

    for (int i = 0; g && i < n; i++) {
        snprintf(s, sizeof s, "http://ex.org/pg/%d", i);
        snprintf(v, sizeof v, "%d", i);
        if (dg_graph_add_literal(g, s, "http://ex.org/v", v) != DG_OK)
            return NULL;
    }
    return g;
}

static size_t progress_calls, progress_last;

static void on_progress(void *ctx, size_t stored, size_t total)
{
    (void)ctx;
    progress_calls++;
    progress_last = stored;
    CU_ASSERT_EQUAL(total, 3000);
}

static void test_push_graph_batches(void)
{
    dg_graph *gr = numbers(3000);

    CU_ASSERT_PTR_NOT_NULL_FATAL(gr);
    for (int proto = 0; proto < 2; proto++) {
        dg_push_options o = vopts((dg_push_protocol)proto);
        const char *g = proto ? "http://ex.org/graph/pg-u" : "http://ex.org/graph/pg-g";
        size_t stored = 0;
        diaglog d;
        dg_uploader *up;

        o.progress_fn = on_progress;
        progress_calls = progress_last = 0;
        up = make(&o, &d);
        /* 3000 with batch 5000: GSP sends one batch; update caps at 1400. */
        CU_ASSERT_EQUAL(dg_push_graph(up, gr, g, 5000, 1, &stored), DG_OK);
        CU_ASSERT_EQUAL(stored, 3000);
        CU_ASSERT_EQUAL(progress_calls, proto ? 3 : 1);
        CU_ASSERT_EQUAL(progress_last, 3000);
        CU_ASSERT_EQUAL(count(up, g), 3000);
        /* Batch 700, replace again: still one copy. */
        CU_ASSERT_EQUAL(dg_push_graph(up, gr, g, 700, 1, &stored), DG_OK);
        CU_ASSERT_EQUAL(stored, 3000);
        CU_ASSERT_EQUAL(count(up, g), 3000);
        CU_ASSERT_STRING_EQUAL(ask(proto
            ? "ASK { GRAPH <http://ex.org/graph/pg-u> { <http://ex.org/pg/2999> <http://ex.org/v> \"2999\" } }"
            : "ASK { GRAPH <http://ex.org/graph/pg-g> { <http://ex.org/pg/2999> <http://ex.org/v> \"2999\" } }"),
            "true");
        CU_ASSERT_STRING_EQUAL(d.all, "");
        dg_uploader_free(up);
    }
    dg_graph_free(gr);
}

/* ------------------------------------------------------------------ */
/* Against the fault server                                            */
/* ------------------------------------------------------------------ */

static void test_retry_500_503_then_201(void)
{
    dg_push_options o = fopts("/flaky/f1");
    diaglog d;
    dg_uploader *up = make(&o, &d);
    char want[512];

    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 0), DG_OK);
    CU_ASSERT_EQUAL(dg_uploader_stored(up), 3);
    CU_ASSERT_EQUAL(d.retries, 2);
    CU_ASSERT_EQUAL(d.last_st, DG_OK);
    CU_ASSERT_STRING_EQUAL(stats("f1"),
        "{\"requests\": 3, \"stored\": 1, \"body_lines\": [4], \"bodies\": [\"@prefix rdf: "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\\n<http://ex.org/s1> "
        "<http://ex.org/p> <http://ex.org/o1> .\\n<http://ex.org/s2> <http://ex.org/p> "
        "\\\"two\\\" .\\n<http://ex.org/s3> <http://ex.org/p> \\\"drei\\\"@de .\\n\"], "
        "\"chunked\": 0, \"no_length\": 0, \"auth\": [\"\", \"\", \"\"]}");
    snprintf(want, sizeof want, "POST http://127.0.0.1:%d/flaky/f1?graph-uri="
             "http%%3A%%2F%%2Fex.org%%2Fg: HTTP 500, retrying in ", fport);
    CU_ASSERT_EQUAL(strncmp(d.all, want, strlen(want)), 0);
    dg_uploader_free(up);
}

static void test_retry_gives_up(void)
{
    dg_push_options o = fopts("/flaky/f2");
    diaglog d;
    dg_uploader *up;
    char want[512];

    o.retries = 1;
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 1),
                    DG_ERR_HTTP);
    CU_ASSERT_EQUAL(dg_uploader_stored(up), 0);
    snprintf(want, sizeof want, "PUT http://127.0.0.1:%d/flaky/f2?graph-uri="
             "http%%3A%%2F%%2Fex.org%%2Fg: HTTP 503 (gave up after 2 attempts): "
             "Server Error | try again", fport);
    CU_ASSERT_STRING_EQUAL(d.last, want);
    dg_uploader_free(up);
}

static void test_retry_after(void)
{
    dg_push_options o = fopts("/retry-after/f3");
    diaglog d;
    dg_uploader *up = make(&o, &d);
    double t0 = now(), dt;

    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 1), DG_OK);
    dt = now() - t0;
    CU_ASSERT(dt >= 1.0 && dt < 5.0);
    CU_ASSERT_EQUAL(d.retries, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.all, "HTTP 503, retrying in 1.000 s (attempt 2 of 4)"));
    dg_uploader_free(up);
}

static void test_4xx_not_retried(void)
{
    dg_push_options o = fopts("/status/400/f4");
    diaglog d;
    dg_uploader *up = make(&o, &d);
    char want[512];

    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 0),
                    DG_ERR_HTTP);
    snprintf(want, sizeof want, "POST http://127.0.0.1:%d/status/400/f4?graph-uri="
             "http%%3A%%2F%%2Fex.org%%2Fg: HTTP 400: first line | second line | "
             "third line", fport);
    CU_ASSERT_STRING_EQUAL(d.all, strcat(want, "\n"));
    CU_ASSERT(starts(stats("f4"), "{\"requests\": 1, \"stored\": 0,"));
    dg_uploader_free(up);
}

static void test_snippet_cut_at_300_bytes(void)
{
    dg_push_options o = fopts("/long/f12");
    char want[1024];
    diaglog d;
    dg_uploader *up = make(&o, &d);
    int n;

    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 0),
                    DG_ERR_HTTP);
    n = snprintf(want, sizeof want, "POST http://127.0.0.1:%d/long/f12?graph-uri="
                 "http%%3A%%2F%%2Fex.org%%2Fg: HTTP 400: x", fport);
    for (int i = 0; i < 149; i++) /* 299 bytes: no half character */
        n += snprintf(want + n, sizeof want - (size_t)n, "\xc4\x9f");
    CU_ASSERT_STRING_EQUAL(d.last, want);
    dg_uploader_free(up);
}

static void test_403_is_auth(void)
{
    dg_push_options o = fopts("/status/403/f5");
    diaglog d;
    dg_uploader *up = make(&o, &d);

    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 0),
                    DG_ERR_AUTH);
    CU_ASSERT_EQUAL(strncmp(d.last, "authentication failed: POST ", 28), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.last, ": HTTP 403: first line"));
    dg_uploader_free(up);
}

static void test_basic_auth(void)
{
    dg_push_options o = fopts("/basic/f6");
    diaglog d;
    dg_uploader *up;

    o.user = "user";
    o.password = "secret";
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 0), DG_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(stats("f6"), "\"stored\": 1,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(stats("f6"), "\"Basic dXNlcjpzZWNyZXQ=\"]"));
    CU_ASSERT_STRING_EQUAL(d.all, "");
    dg_uploader_free(up);
}

static void test_redirect_not_followed(void)
{
    dg_push_options o = fopts("/redirect/f7");
    diaglog d;
    dg_uploader *up;
    char want[512];

    o.user = "user";
    o.password = "secret";
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 0),
                    DG_ERR_HTTP);
    snprintf(want, sizeof want, "POST http://127.0.0.1:%d/redirect/f7?graph-uri="
             "http%%3A%%2F%%2Fex.org%%2Fg: HTTP 307", fport);
    CU_ASSERT_STRING_EQUAL(d.last, want);
    /* The redirect target (same NAME on /flaky) saw nothing. */
    CU_ASSERT(starts(stats("f7"), "{\"requests\": 1, \"stored\": 0,"));
    dg_uploader_free(up);
}

static void test_credentials_in_url_hidden(void)
{
    char url[256], want[512];
    dg_push_options o = fopts("/status/500/f8");
    diaglog d;
    dg_uploader *up;

    snprintf(url, sizeof url, "http://user:hunter2@127.0.0.1:%d/status/500/f8", fport);
    o.url = url;
    o.retries = 0;
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 0),
                    DG_ERR_HTTP);
    snprintf(want, sizeof want, "POST http://127.0.0.1:%d/status/500/f8?graph-uri="
             "http%%3A%%2F%%2Fex.org%%2Fg: HTTP 500: first line | second line | "
             "third line", fport);
    CU_ASSERT_STRING_EQUAL(d.last, want);
    CU_ASSERT_PTR_NULL(strstr(d.all, "hunter2"));
    dg_uploader_free(up);
}

static void test_push_graph_partial_failure(void)
{
    dg_graph *gr = numbers(3000);
    dg_push_options o = fopts("/fail-after/1/f10");
    size_t stored = 99;
    diaglog d;
    dg_uploader *up;

    CU_ASSERT_PTR_NOT_NULL_FATAL(gr);
    o.retries = 1;
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_push_graph(up, gr, "http://ex.org/graph/partial", 1000, 0, &stored),
                    DG_ERR_HTTP);
    CU_ASSERT_EQUAL(stored, 1000);
    CU_ASSERT_STRING_EQUAL(d.last, "upload of graph <http://ex.org/graph/partial> failed "
                           "at batch 2 of 3; 1000 of 3000 triples stored");
    CU_ASSERT(starts(stats("f10"), "{\"requests\": 3, \"stored\": 1,"));
    dg_uploader_free(up);
    dg_graph_free(gr);
}

/* A port on 127.0.0.1 nothing listens on (bound, then closed). */
static int dead_port(void)
{
    struct sockaddr_in a = {0};
    socklen_t n = sizeof a;
    int s = socket(AF_INET, SOCK_STREAM, 0), port = 0;

    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (s >= 0 && bind(s, (struct sockaddr *)&a, sizeof a) == 0 &&
        getsockname(s, (struct sockaddr *)&a, &n) == 0)
        port = ntohs(a.sin_port);
    if (s >= 0)
        close(s);
    return port;
}

static void test_nothing_listening(void)
{
    char url[128];
    dg_push_options o = fopts("/");
    diaglog d;
    dg_uploader *up;
    int port = dead_port();

    CU_ASSERT_FATAL(port > 0);
    snprintf(url, sizeof url, "http://127.0.0.1:%d/sparql-graph-crud-auth", port);
    o.url = url;
    o.retries = 2;
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 0),
                    DG_ERR_NET);
    CU_ASSERT_EQUAL(d.retries, 2);
    CU_ASSERT_EQUAL(d.last_st, DG_ERR_NET);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.last, "(gave up after 3 attempts)"));
    CU_ASSERT_EQUAL(strncmp(d.last, "POST http://127.0.0.1:", 22), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.last, "/sparql-graph-crud-auth?graph-uri="
                                          "http%3A%2F%2Fex.org%2Fg: Failed to connect"));
    dg_uploader_free(up);
}

static void test_tls_verified(void)
{
    char url[128];
    dg_push_options o = fopts("/");
    diaglog d;
    dg_uploader *up;

    /* The fault server speaks plain HTTP: the TLS handshake fails. */
    snprintf(url, sizeof url, "https://127.0.0.1:%d/flaky/f11", fport);
    o.url = url;
    o.retries = 0;
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 0),
                    DG_ERR_NET);
    CU_ASSERT(starts(d.last, "POST https://127.0.0.1:"));
    CU_ASSERT(starts(stats("f11"), "{\"requests\": 0, \"stored\": 0,"));
    dg_uploader_free(up);
    o.cacert = "/nonexistent/ca.pem";
    up = make(&o, &d);
    CU_ASSERT_NOT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 0),
                        DG_OK);
    dg_uploader_free(up);
}

static void test_timeout(void)
{
    dg_push_options o = fopts("/hang");
    diaglog d;
    dg_uploader *up;
    double t0, dt;
    const char *p;
    long ms;

    o.timeout_s = 2;
    o.retries = 0;
    up = make(&o, &d);
    t0 = now();
    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 0),
                    DG_ERR_NET);
    dt = now() - t0;
    CU_ASSERT(dt >= 1.9 && dt < 4.0);
    /* curl's message names the milliseconds it waited: 2000 and up. */
    p = strstr(d.last, "Operation timed out after ");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    ms = strtol(p + strlen("Operation timed out after "), NULL, 10);
    CU_ASSERT(ms >= 2000 && ms < 4000);
    /* a server that never answers may be the wrong endpoint */
    CU_ASSERT_PTR_NOT_NULL(strstr(d.last, " (no answer at all: is the URL the "
                                          "endpoint of this protocol? see "
                                          "docs/upload.md)"));
    dg_uploader_free(up);
}

static void test_malformed_urls(void)
{
    static const char *bad[] = {
        "not a url", "http://", "ftp://127.0.0.1/x", "http://exa mple.org/",
        "http://127.0.0.1:99999/", "127.0.0.1:8890/sparql", "",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dg_push_options o = {0};
        dg_uploader *up = (dg_uploader *)&o;
        diaglog d;

        memset(&d, 0, sizeof d);
        o.url = bad[i];
        CU_ASSERT_EQUAL(dg_uploader_new(&o, &up, on_diag, &d), DG_ERR_ARG);
        CU_ASSERT_PTR_EQUAL(up, (dg_uploader *)&o);
        CU_ASSERT_EQUAL(strncmp(d.last, "malformed push URL '", 20), 0);
    }
    {
        dg_push_options o = {0};
        dg_uploader *up = NULL;
        diaglog d;

        memset(&d, 0, sizeof d);
        o.url = "http://joe:pw123@[::1/x";
        CU_ASSERT_EQUAL(dg_uploader_new(&o, &up, on_diag, &d), DG_ERR_ARG);
        CU_ASSERT_EQUAL(strncmp(d.last, "malformed push URL 'http://***@[::1/x': ", 39), 0);
        CU_ASSERT_PTR_NULL(strstr(d.all, "pw123"));
        o.url = "http://127.0.0.1:1/x";
        o.query_url = "mailto:x@y";
        CU_ASSERT_EQUAL(dg_uploader_new(&o, &up, on_diag, &d), DG_ERR_ARG);
        CU_ASSERT_STRING_EQUAL(d.last, "malformed query URL 'mailto:x@y': "
                               "Unsupported URL scheme");
        o.query_url = "ftp://127.0.0.1/x";
        CU_ASSERT_EQUAL(dg_uploader_new(&o, &up, on_diag, &d), DG_ERR_ARG);
        CU_ASSERT_STRING_EQUAL(d.last, "malformed query URL 'ftp://127.0.0.1/x': "
                               "not an http or https URL with a host");
    }
}

static void test_count_bad_answer(void)
{
    char qurl[128], want[512];
    dg_push_options o = fopts("/status/200/f9");
    diaglog d;
    dg_uploader *up;
    size_t n = 7;

    snprintf(qurl, sizeof qurl, "http://127.0.0.1:%d/status/200/f9", fport);
    o.query_url = qurl;
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_uploader_count(up, "http://ex.org/g", &n), DG_ERR_HTTP);
    CU_ASSERT_EQUAL(n, 7);
    snprintf(want, sizeof want, "POST http://127.0.0.1:%d/status/200/f9: "
             "HTTP 200 but no count in the answer: first line | second line | third line",
             fport);
    CU_ASSERT_STRING_EQUAL(d.last, want);
    /* The query went as a form in the body, not in the URL. */
    CU_ASSERT_PTR_NOT_NULL(strstr(stats("f9"), "\"query=SELECT%20%28COUNT%28%2A%29%20AS"
                                  "%20%3Fn%29%20WHERE%20%7B%20GRAPH%20%3Chttp%3A%2F%2F"
                                  "ex.org%2Fg%3E%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20%7D\""));
    dg_uploader_free(up);
}

/* ------------------------------------------------------------------ */
/* Request bodies and answers (no server)                              */
/* ------------------------------------------------------------------ */

#define XSDT "http://www.w3.org/2001/XMLSchema#"

static void test_gsp_body(void)
{
    static const char nt[] =
        "<http://ex.org/s> <http://ex.org/p> \"a <html> c\"@en .\n"
        "<http://ex.org/s> <http://ex.org/q> \"one\\ntwo \\\\n \\\"q\\\"\"^^<" XSDT "string> .\n"
        "# a comment \"x <y>\"\n"
        "<http://ex.org/s> <http://ex.org/r> <http://ex.org/o> .\n"
        "<http://ex.org/s> <http://ex.org/t> \"plain\" .";
    static const char want[] =
        "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
        "<http://ex.org/s> <http://ex.org/p> \"a \\u003Chtml> c\"@en .\n"
        "<http://ex.org/s> <http://ex.org/q> \"\"\"one\ntwo \\\\n \\\"q\\\"\"\"\"^^<" XSDT "string> .\n"
        "# a comment \"x <y>\"\n"
        "<http://ex.org/s> <http://ex.org/r> <http://ex.org/o> .\n"
        "<http://ex.org/s> <http://ex.org/t> \"plain\" .";
    dg_buf b = {0};

    CU_ASSERT_EQUAL(dg_gsp_body(&b, nt, strlen(nt)), 0);
    CU_ASSERT_STRING_EQUAL(b.data, want);
    free(b.data);
}

static void test_update_body(void)
{
    static const char nt[] =
        "<http://ex.org/Erdo\\u011Fan> <http://ex.org/p> \"x\"@tr .\n"
        "<http://ex.org/e> <http://ex.org/d> \"P3D\"^^<" XSDT "duration> .\n"
        "# comment\n"
        "<http://ex.org/e> <http://ex.org/n> \"42\"^^<" XSDT "nonNegativeInteger> .\n";
    static const char want[] =
        "DROP SILENT GRAPH <http://ex.org/g> ;\n"
        "INSERT { GRAPH <http://ex.org/g> {\n"
        "<http://ex.org/Erdoğan> <http://ex.org/p> \"x\"@tr .\n"
        "<http://ex.org/e> <http://ex.org/d> ?o1 .\n"
        "# comment\n"
        "<http://ex.org/e> <http://ex.org/n> \"42\"^^<" XSDT "nonNegativeInteger> .\n"
        "} } WHERE {\n"
        "BIND(STRDT(\"P3D\", <" XSDT "duration>) AS ?o1)\n"
        "}\n";
    dg_buf b = {0};

    CU_ASSERT_EQUAL(dg_update_body(&b, "http://ex.org/g", nt, strlen(nt), 1), 0);
    CU_ASSERT_STRING_EQUAL(b.data, want);
    free(b.data);
    b = (dg_buf){0};
    CU_ASSERT_EQUAL(dg_update_body(&b, "http://ex.org/g", "", 0, 1), 0);
    CU_ASSERT_STRING_EQUAL(b.data, "DROP SILENT GRAPH <http://ex.org/g>\n");
    free(b.data);
    b = (dg_buf){0};
    CU_ASSERT_EQUAL(dg_update_body(&b, "http://ex.org/g", nt, 56, 0), 0);
    CU_ASSERT_STRING_EQUAL(b.data, "INSERT DATA { GRAPH <http://ex.org/g> {\n"
                           "<http://ex.org/Erdoğan> <http://ex.org/p> \"x\"@tr .\n} }\n");
    free(b.data);
    CU_ASSERT_EQUAL(dg_nt_count(nt, strlen(nt)), 3);
}

/* A literal of more than 64 KiB goes in pieces of at most 64 KiB joined
 * by CONCAT, never cut inside an escape; with a language tag, STRLANG. */
static void test_update_body_long_literal(void)
{
    size_t n = 65533 + 6 + 10, len = 0;
    char *lex = malloc(n + 1), *nt = malloc(n + 128), *want = malloc(n + 512);
    dg_buf b = {0};

    CU_ASSERT_PTR_NOT_NULL_FATAL(lex && nt && want);
    memset(lex, 'a', 65533);
    memcpy(lex + 65533, "\\u00E9", 6);     /* would cross the 64 KiB mark */
    memset(lex + 65539, 'b', 10);
    lex[n] = '\0';
    snprintf(nt, n + 128, "<http://ex.org/s> <http://ex.org/p> \"%s\"@en .\n", lex);
    len += (size_t)sprintf(want, "INSERT { GRAPH <http://ex.org/g> {\n"
                           "<http://ex.org/s> <http://ex.org/p> ?o1 .\n"
                           "} } WHERE {\nBIND(STRLANG(CONCAT(\"");
    memcpy(want + len, lex, 65533);
    len += 65533;
    len += (size_t)sprintf(want + len, "\",\n  \"%s\"), \"en\") AS ?o1)\n}\n", lex + 65533);
    CU_ASSERT_EQUAL(dg_update_body(&b, "http://ex.org/g", nt, strlen(nt), 0), 0);
    CU_ASSERT_EQUAL(b.len, len);
    CU_ASSERT(b.data && strcmp(b.data, want) == 0);
    free(b.data);
    free(lex);
    free(nt);
    free(want);
}

static const char ERROR_PAGE[] =
    "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html>\n  <head>\n"
    "    <title>SPARQL Graph Protocol request failed</title>\n  </head>\n"
    "  <body>\n    <h1>HTTP/1.1 500 Request Failed</h1>\n    <h3>Error 22023</h3>\n"
    "<xmp>The PUT request for graph <http://ex.org/g> is rejected: 5 < 6</xmp>"
    "</body></html>\n";

static void test_answer_text(void)
{
    char out[DG_ANSWER_BYTES + 1], title[DG_ANSWER_BYTES + 1];
    static const char form[] =
        "<?xml version=\"1.0\" ?>\n<!DOCTYPE html>\n<html><head><title>Query\n"
        "  Form &amp; more &#8212; &#x41;</title><style>p { }</style></head>\n"
        "<body><script>var x = \"<form>\";</script><form action=\"\"></form></body></html>";

    dg_answer_text(ERROR_PAGE, strlen(ERROR_PAGE), 0, out);
    CU_ASSERT_STRING_EQUAL(out, "HTTP/1.1 500 Request Failed | Error 22023 | The PUT "
                           "request for graph <http://ex.org/g> is rejected: 5 < 6");
    /* Plain text is not cleaned: "<b>" stays. */
    dg_answer_text("Error <b>  x\n\n y &lt;\n", 22, 0, out);
    CU_ASSERT_STRING_EQUAL(out, "Error <b> x | y &lt;");
    CU_ASSERT_EQUAL(dg_answer_form(form, strlen(form), 0, title), 1);
    CU_ASSERT_STRING_EQUAL(title, "Query Form & more \xe2\x80\x94 A");
    CU_ASSERT_EQUAL(dg_answer_form(ERROR_PAGE, strlen(ERROR_PAGE), 1, title), 0);
    CU_ASSERT_EQUAL(dg_answer_form("<form>", 6, 0, title), 0); /* not HTML */
}

/* ------------------------------------------------------------------ */
/* Against Virtuoso under Debian's settings                            */
/* ------------------------------------------------------------------ */

/* The graph as Virtuoso gives it back: N-Triples lines, sorted. */
static const char *graph_lines(const char *g)
{
    static char out[65536];

    snprintf(out, sizeof out, "%s", run("curl -s --max-time 30 --digest -u dba:dba "
        "-H 'Accept: application/n-triples' "
        "'http://127.0.0.1:%d/sparql-graph-crud-auth?graph-uri=%s' | LC_ALL=C sort",
        vport, g));
    return out;
}

/* Every datatype the output uses (and a language tag) stored by both
 * protocols, as the same graph: CaseMode = 2 made INSERT DATA of a
 * duration fail (SQ200). */
static void test_every_datatype(void)
{
    static const char nt[] =
        "<http://ex.org/e> <http://ex.org/date> \"2024-04-26\"^^<" XSDT "date> .\n"
        "<http://ex.org/e> <http://ex.org/year> \"2024\"^^<" XSDT "gYear> .\n"
        "<http://ex.org/e> <http://ex.org/month> \"2024-04\"^^<" XSDT "gYearMonth> .\n"
        "<http://ex.org/e> <http://ex.org/n> \"42\"^^<" XSDT "nonNegativeInteger> .\n"
        "<http://ex.org/e> <http://ex.org/dur> \"P3D\"^^<" XSDT "duration> .\n"
        "<http://ex.org/e> <http://ex.org/hours> \"PT2H\"^^<" XSDT "dayTimeDuration> .\n"
        "<http://ex.org/e> <http://ex.org/s> \"plain\" .\n"
        "<http://ex.org/e> <http://ex.org/l> \"Erdo\\u011Fan\"@tr .\n";
    static char gsp_lines[65536];

    for (int proto = 0; proto < 2; proto++) {
        dg_push_options o = vopts((dg_push_protocol)proto);
        const char *g = proto ? "http://ex.org/graph/dt-u" : "http://ex.org/graph/dt-g";
        char q[2048];
        diaglog d;
        dg_uploader *up = make(&o, &d);

        CU_ASSERT_EQUAL(dg_uploader_send(up, g, nt, strlen(nt), 8, 1), DG_OK);
        CU_ASSERT_STRING_EQUAL(d.all, "");
        CU_ASSERT_EQUAL(count(up, g), 8);
        snprintf(q, sizeof q, "PREFIX xsd: <" XSDT "> ASK { GRAPH <%s> { <http://ex.org/e> "
                 "<http://ex.org/date> \"2024-04-26\"^^xsd:date ; <http://ex.org/year> "
                 "\"2024\"^^xsd:gYear ; <http://ex.org/month> \"2024-04\"^^xsd:gYearMonth ; "
                 "<http://ex.org/n> \"42\"^^xsd:nonNegativeInteger ; <http://ex.org/dur> "
                 "\"P3D\"^^xsd:duration ; <http://ex.org/hours> \"PT2H\"^^xsd:dayTimeDuration ; "
                 "<http://ex.org/s> \"plain\" ; <http://ex.org/l> \"Erdoğan\"@tr } }", g);
        CU_ASSERT_STRING_EQUAL(ask(q), "true");
        if (proto == DG_PUSH_GSP)
            snprintf(gsp_lines, sizeof gsp_lines, "%s", graph_lines("http://ex.org/graph/dt-g"));
        else
            CU_ASSERT_STRING_EQUAL(graph_lines("http://ex.org/graph/dt-u"), gsp_lines);
        dg_uploader_free(up);
    }
    /* Virtuoso keeps a duration as seconds, the same way for both. */
    CU_ASSERT_PTR_NOT_NULL(strstr(gsp_lines, "<http://ex.org/dur>\t\"259200.0\"^^<" XSDT "duration>"));
}

/* Literals an article makes: 200,000 characters in one line starting
 * with "<html>" (Virtuoso took such a body for an HTML page), 300 kB in
 * lines of 1000 (a """long string"""), ending in a quote. */
static void test_long_literals(void)
{
    size_t n1 = 200000, n2 = 300000;
    char *nt = malloc(n1 + 2 * n2 + 256), *p = nt;

    CU_ASSERT_PTR_NOT_NULL_FATAL(nt);
    p += sprintf(p, "<http://ex.org/a> <http://ex.org/one> \"<html> \\u011F");
    memset(p, 'x', n1 - 8);
    p += n1 - 8;
    p += sprintf(p, "\" .\n<http://ex.org/a> <http://ex.org/lines> \"");
    for (size_t i = 0; i < n2 / 1000; i++) {
        memset(p, 'y', 998);
        p += 998;
        p += sprintf(p, "\\n");
    }
    p += sprintf(p, "\\\"\" .\n");
    for (int proto = 0; proto < 2; proto++) {
        dg_push_options o = vopts((dg_push_protocol)proto);
        const char *g = proto ? "http://ex.org/graph/long-u" : "http://ex.org/graph/long-g";
        char q[1024];
        diaglog d;
        dg_uploader *up = make(&o, &d);

        CU_ASSERT_EQUAL(dg_uploader_send(up, g, nt, (size_t)(p - nt), 2, 1), DG_OK);
        CU_ASSERT_STRING_EQUAL(d.all, "");
        CU_ASSERT_EQUAL(count(up, g), 2);
        snprintf(q, sizeof q, "ASK { GRAPH <%s> { <http://ex.org/a> <http://ex.org/one> ?a ; "
                 "<http://ex.org/lines> ?b } FILTER(STRLEN(?a) = %zu && STRSTARTS(?a, "
                 "\"<html> ğxx\") && STRLEN(?b) = %zu && STRENDS(?b, \"y\\n\\\"\") && "
                 "SUBSTR(?b, 998, 3) = \"y\\ny\") }", g, n1, n2 / 1000 * 999 + 1);
        CU_ASSERT_STRING_EQUAL(ask(q), "true");
        dg_uploader_free(up);
    }
    free(nt);
}

/* Item 5 of issue 14: the update protocol sent to the Graph Store
 * endpoint gets 200 and an HTML form; that is no success. */
static void test_form_answer_virtuoso(void)
{
    dg_push_options o = vopts(DG_PUSH_GSP);
    const char *g = "http://ex.org/graph/form";
    char want[512];
    diaglog d;
    dg_uploader *up;

    o.protocol = DG_PUSH_UPDATE; /* but the Graph Store URL */
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_uploader_send(up, g, NT3, strlen(NT3), 3, 1), DG_ERR_HTTP);
    CU_ASSERT_EQUAL(dg_uploader_stored(up), 0);
    snprintf(want, sizeof want, "POST http://127.0.0.1:%d/sparql-graph-crud-auth: HTTP 200, "
             "but the answer is an HTML form (\"Virtuoso SPARQL 1.1 Uniform RDF Graph Query "
             "Form\"), not the result of the request (nothing was stored): is the URL the "
             "endpoint of this protocol?", vport);
    CU_ASSERT_STRING_EQUAL(d.last, want);
    CU_ASSERT_EQUAL(d.retries, 0);
    CU_ASSERT_EQUAL(count(up, g), 0);
    dg_uploader_free(up);
}

/* Item 14 of issue 14: the count query is POSTed, so a graph IRI too
 * long for a URL (Virtuoso cut a GET of about 10 kB) is counted. */
static void test_count_long_graph_iri(void)
{
    dg_push_options o = vopts(DG_PUSH_UPDATE);
    char g[12100];
    diaglog d;
    dg_uploader *up = make(&o, &d);

    snprintf(g, sizeof g, "http://ex.org/graph/");
    memset(g + strlen(g), 'g', 12000);
    g[sizeof g - 1] = '\0';
    g[20 + 12000] = '\0';
    CU_ASSERT_EQUAL(dg_uploader_send(up, g, NT3, strlen(NT3), 3, 1), DG_OK);
    CU_ASSERT_EQUAL(count(up, g), 3);
    CU_ASSERT_STRING_EQUAL(d.all, "");
    dg_uploader_free(up);
}

/* ------------------------------------------------------------------ */
/* A request that arrives late (tests/delayproxy.py)                   */
/* ------------------------------------------------------------------ */

static int pport;           /* delaying proxy port */
static pid_t ppid = -1;     /* its pid */

static int start_child(const char *portfile, char *const argv[], pid_t *pid);
static int read_port(const char *file, const char *key);

/* Starts the proxy in front of Virtuoso; it holds the first request with
 * credentials and a body for `hold` seconds. */
static int start_proxy(int hold)
{
    char script[512], portfile[300], target[16], hs[16];
    char *argv[] = {"python3", script, portfile, target, hs, "120", NULL};

    snprintf(script, sizeof script, "%s/tests/delayproxy.py", dg_test_srcdir());
    snprintf(portfile, sizeof portfile, "%s/proxy.port", vdir);
    snprintf(target, sizeof target, "%d", vport);
    snprintf(hs, sizeof hs, "%d", hold);
    unlink(portfile);
    pport = start_child(portfile, argv, &ppid);
    return pport > 0 ? 0 : -1;
}

static void stop_proxy(void)
{
    if (ppid > 0) {
        kill(ppid, SIGTERM);
        waitpid(ppid, NULL, 0);
        ppid = -1;
    }
}

/* The proxy's statistics once its late request has been sent (at most
 * 60 s). */
static const char *late_stats(void)
{
    const char *s = "";

    for (int i = 0; i < 600; i++) {
        s = run("curl -s --max-time 5 http://127.0.0.1:%d/proxy-stats", pport);
        if (!strstr(s, "\"late\": []"))
            break;
        nanosleep(&(struct timespec){0, 100000000L}, NULL);
    }
    return s;
}

/* Options for pushing through the proxy, with a timeout of `timeout`
 * seconds. */
static dg_push_options popts(dg_push_protocol proto, long timeout)
{
    static char url[128];
    dg_push_options o = vopts(proto);

    snprintf(url, sizeof url, "http://127.0.0.1:%d/%s", pport,
             proto == DG_PUSH_GSP ? "sparql-graph-crud-auth" : "sparql-auth");
    o.url = url;
    o.timeout_s = timeout;
    o.retries = 2;
    return o;
}

/* Item 4 of issue 14: a replace whose first request times out but
 * reaches the server later.  By the Graph Store Protocol the replace is
 * one PUT, and by SPARQL Update one request when the graph fits in one:
 * the retry and the late copy carry the same whole graph, so the store
 * ends with exactly what was sent. */
static void test_late_replace_one_request(void)
{
    for (int proto = 0; proto < 2; proto++) {
        /* The update request (DROP and INSERT) takes Virtuoso seconds:
         * a smaller graph and a longer timeout, held for longer. */
        dg_graph *gr = numbers(proto ? 300 : 3000);
        long timeout = proto ? 8 : 4;
        const char *g = proto ? "http://ex.org/graph/late-u" : "http://ex.org/graph/late-g";
        dg_push_options o = vopts((dg_push_protocol)proto);
        size_t stored = 0;
        diaglog d;
        dg_uploader *up = make(&o, &d);

        CU_ASSERT_PTR_NOT_NULL_FATAL(gr);
        /* Old content, straight in. */
        CU_ASSERT_EQUAL(dg_uploader_send(up, g, NT2, strlen(NT2), 2, 1), DG_OK);
        dg_uploader_free(up);
        CU_ASSERT_FATAL(start_proxy((int)timeout + 2) == 0);
        o = popts((dg_push_protocol)proto, timeout);
        up = make(&o, &d);
        CU_ASSERT_EQUAL(dg_push_graph(up, gr, g, 1000, 1, &stored), DG_OK);
        CU_ASSERT_EQUAL(stored, dg_graph_size(gr));
        CU_ASSERT(d.retries >= 1);
        CU_ASSERT_PTR_NOT_NULL(strstr(d.all, ": Timeout was reached, retrying in "));
        /* The held request reaches Virtuoso after the retry succeeded. */
        CU_ASSERT_PTR_NOT_NULL(strstr(late_stats(), "\"late\": [200]"));
        CU_ASSERT_EQUAL(count(up, g), dg_graph_size(gr));
        dg_uploader_free(up);
        stop_proxy();
        dg_graph_free(gr);
    }
}

/* A replace by SPARQL Update that needs several requests sends its DROP
 * alone and never repeats it: when its answer is lost, nothing else is
 * sent, and the message says what may still happen. */
static void test_late_replace_drop(void)
{
    dg_graph *gr = numbers(3000);
    const char *g = "http://ex.org/graph/late-drop";
    dg_push_options o;
    size_t stored = 9;
    diaglog d;
    dg_uploader *up;
    const char *st;

    CU_ASSERT_PTR_NOT_NULL_FATAL(gr);
    o = vopts(DG_PUSH_UPDATE); /* old content, straight in */
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_uploader_send(up, g, NT2, strlen(NT2), 2, 1), DG_OK);
    dg_uploader_free(up);
    CU_ASSERT_FATAL(start_proxy(4) == 0);
    o = popts(DG_PUSH_UPDATE, 2);
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_push_graph(up, gr, g, 1000, 1, &stored), DG_ERR_NET);
    CU_ASSERT_EQUAL(stored, 0);
    CU_ASSERT_EQUAL(d.retries, 0);
    CU_ASSERT_STRING_EQUAL(d.last, "replacing graph <http://ex.org/graph/late-drop> failed "
                           "before its first batch; 0 of 3000 triples stored; the request "
                           "that empties the graph got no answer and may still be carried "
                           "out, so nothing else was sent: push it again");
    st = late_stats();
    CU_ASSERT_PTR_NOT_NULL(strstr(st, "\"late\": [200]"));
    CU_ASSERT_PTR_NULL(strstr(st, "INSERT"));
    dg_uploader_free(up);
    stop_proxy();
    /* The late DROP emptied the graph, as the message warned; pushed
     * again once the server answers, it holds exactly the graph. */
    o = vopts(DG_PUSH_UPDATE);
    up = make(&o, &d);
    CU_ASSERT_EQUAL(count(up, g), 0);
    CU_ASSERT_EQUAL(dg_push_graph(up, gr, g, 1000, 1, &stored), DG_OK);
    CU_ASSERT_EQUAL(count(up, g), 3000);
    dg_uploader_free(up);
    dg_graph_free(gr);
}

/* ------------------------------------------------------------------ */
/* Replace and answers against the fault server                        */
/* ------------------------------------------------------------------ */

static void test_form_answer(void)
{
    dg_push_options o = fopts("/form/f13");
    char want[512];
    diaglog d;
    dg_uploader *up = make(&o, &d);

    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 0),
                    DG_ERR_HTTP);
    snprintf(want, sizeof want, "POST http://127.0.0.1:%d/form/f13?graph-uri=http%%3A%%2F%%2F"
             "ex.org%%2Fg: HTTP 200, but the answer is an HTML form (\"Graph Upload Form & "
             "more\"), not the result of the request (nothing was stored): is the URL the "
             "endpoint of this protocol?", fport);
    CU_ASSERT_STRING_EQUAL(d.all, strcat(want, "\n"));
    CU_ASSERT_EQUAL(dg_uploader_stored(up), 0);
    dg_uploader_free(up);
}

static void test_html_error_reason(void)
{
    dg_push_options o = fopts("/html-error/f14");
    char want[512];
    diaglog d;
    dg_uploader *up;

    o.retries = 0;
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_uploader_send(up, "http://ex.org/g", NT3, strlen(NT3), 3, 1),
                    DG_ERR_HTTP);
    snprintf(want, sizeof want, "PUT http://127.0.0.1:%d/html-error/f14?graph-uri=http%%3A%%2F"
             "%%2Fex.org%%2Fg: HTTP 500: HTTP/1.1 500 Request Failed | Error 22023 | The PUT "
             "request for graph <http://ex.org/g> is rejected: 5 < 6", fport);
    CU_ASSERT_STRING_EQUAL(d.last, want);
    dg_uploader_free(up);
}

/* A --replace by the Graph Store Protocol is one PUT of the whole graph,
 * whatever the batch size; when it fails the message says that the old
 * content may be gone (item 6 of issue 14). */
static void test_replace_gsp_one_put(void)
{
    dg_graph *gr = numbers(3000);
    dg_push_options o = fopts("/status/500/f15");
    size_t stored = 9;
    diaglog d;
    dg_uploader *up;

    CU_ASSERT_PTR_NOT_NULL_FATAL(gr);
    o.retries = 1;
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_push_graph(up, gr, "http://ex.org/graph/rf", 1000, 1, &stored),
                    DG_ERR_HTTP);
    CU_ASSERT_EQUAL(stored, 0);
    CU_ASSERT_STRING_EQUAL(d.last, "upload of graph <http://ex.org/graph/rf> failed at batch "
                           "1 of 1; 0 of 3000 triples stored; the replacing request failed "
                           "on its way or on the server, so the graph may have lost its old "
                           "content and hold part of the new (a failed request is not atomic "
                           "on every store, Virtuoso's included): push it again");
    CU_ASSERT(starts(stats("f15"), "{\"requests\": 2, \"stored\": 0,"));
    dg_uploader_free(up);
    /* The same against a server that stores it: one PUT of all 3000. */
    o = fopts("/flaky/f15b");
    o.retries = 2;
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_push_graph(up, gr, "http://ex.org/graph/rf", 1000, 1, &stored), DG_OK);
    CU_ASSERT_EQUAL(stored, 3000);
    CU_ASSERT(starts(stats("f15b"), "{\"requests\": 3, \"stored\": 1, \"body_lines\": "
                     "[3001], \"bodies\": [\"@prefix"));
    dg_uploader_free(up);
    dg_graph_free(gr);
}

/* A --replace by SPARQL Update bigger than a batch: the DROP goes alone,
 * then batches that add; a failure after it says the old content is
 * gone. */
static void test_replace_update_partial(void)
{
    dg_graph *gr = numbers(3000);
    dg_push_options o = fopts("/fail-after/2/f16");
    size_t stored = 9;
    diaglog d;
    dg_uploader *up;

    CU_ASSERT_PTR_NOT_NULL_FATAL(gr);
    o.protocol = DG_PUSH_UPDATE;
    o.retries = 1;
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_push_graph(up, gr, "http://ex.org/graph/ru", 1000, 1, &stored),
                    DG_ERR_HTTP);
    CU_ASSERT_EQUAL(stored, 1000);
    CU_ASSERT_STRING_EQUAL(d.last, "upload of graph <http://ex.org/graph/ru> failed at batch "
                           "2 of 3; 1000 of 3000 triples stored; its old content was removed "
                           "first, so the graph holds only the triples stored: push it again");
    CU_ASSERT(starts(stats("f16"), "{\"requests\": 4, \"stored\": 2, \"body_lines\": "
                     "[1, 1002], \"bodies\": "
                     "[\"DROP SILENT GRAPH <http://ex.org/graph/ru>\\n\", \"INSERT DATA { "
                     "GRAPH <http://ex.org/graph/ru> {\\n<http://ex.org/pg/0> "));
    dg_uploader_free(up);
    dg_graph_free(gr);
}

/* The lone DROP is not repeated after a timeout (it may still be carried
 * out), but it is after 503 (the server says it was not). */
static void test_drop_retried_only_when_not_carried_out(void)
{
    dg_graph *gr = numbers(3000);
    dg_push_options o = fopts("/hang");
    size_t stored = 9;
    diaglog d;
    dg_uploader *up;
    double t0 = now();

    CU_ASSERT_PTR_NOT_NULL_FATAL(gr);
    o.protocol = DG_PUSH_UPDATE;
    o.timeout_s = 2;
    o.retries = 3;
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_push_graph(up, gr, "http://ex.org/graph/rd", 1000, 1, &stored),
                    DG_ERR_NET);
    CU_ASSERT(now() - t0 < 4.0);
    CU_ASSERT_EQUAL(d.retries, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.all, "Operation timed out after "));
    CU_ASSERT_PTR_NOT_NULL(strstr(d.last, "may still be carried out, so nothing else was "
                                          "sent: push it again"));
    dg_uploader_free(up);
    o = fopts("/retry-after/f17");
    o.protocol = DG_PUSH_UPDATE;
    up = make(&o, &d);
    CU_ASSERT_EQUAL(dg_push_graph(up, gr, "http://ex.org/graph/rd", 1000, 1, &stored), DG_OK);
    CU_ASSERT_EQUAL(d.retries, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.all, "HTTP 503, retrying in 1.000 s"));
    CU_ASSERT(starts(stats("f17"), "{\"requests\": 5, \"stored\": 4, \"body_lines\": "
                     "[1, 1002, 1002, 1002], \"bodies\": "
                     "[\"DROP SILENT GRAPH <http://ex.org/graph/rd>\\n\""));
    dg_uploader_free(up);
    dg_graph_free(gr);
}

/* ------------------------------------------------------------------ */
/* Setup                                                               */
/* ------------------------------------------------------------------ */

static void stop_all(void)
{
    stop_proxy();
    if (fpid > 0) {
        kill(fpid, SIGTERM);
        waitpid(fpid, NULL, 0);
        fpid = -1;
    }
    if (vdir[0]) {
        run("'%s/tests/virtuoso-stop' '%s/v' 2>&1; rm -rf '%s'", dg_test_srcdir(), vdir, vdir);
        vdir[0] = '\0';
    }
}

static int read_port(const char *file, const char *key)
{
    char line[128];
    int port = 0;
    FILE *f = fopen(file, "r");

    if (!f)
        return 0;
    while (fgets(line, sizeof line, f)) {
        size_t k = strlen(key);
        if (strncmp(line, key, k) == 0)
            port = (int)strtol(line + k, NULL, 10);
    }
    fclose(f);
    return port;
}

/* Starts `argv` (python3 SCRIPT PORTFILE ...) with /usr/bin/python3, its
 * stdin and stdout /dev/null, and waits (at most 10 s) for the port it
 * writes to PORTFILE.  Returns the port, or 0; *pid the child's pid. */
static int start_child(const char *portfile, char *const argv[], pid_t *pid)
{
    *pid = fork();
    if (*pid == 0) {
        if (!freopen("/dev/null", "r", stdin) || !freopen("/dev/null", "w", stdout))
            _exit(127);
        execv("/usr/bin/python3", argv);
        _exit(127);
    }
    for (int i = 0; i < 100 && *pid > 0; i++) { /* at most 10 s */
        int port = read_port(portfile, "");
        if (port > 0)
            return port;
        nanosleep(&(struct timespec){0, 100000000L}, NULL);
    }
    return 0;
}

static int start_faultserver(void)
{
    char script[512], portfile[300];
    char *argv[] = {"python3", script, portfile, "600", NULL};

    snprintf(script, sizeof script, "%s/tests/faultserver.py", dg_test_srcdir());
    snprintf(portfile, sizeof portfile, "%s/fault.port", vdir);
    fport = start_child(portfile, argv, &fpid);
    return fport > 0 ? 0 : -1;
}

int main(void)
{
    static const dg_test body_tests[] = {
        {"Graph Store body: Turtle, \\u003C, long strings", test_gsp_body},
        {"update body: INSERT DATA, or STRDT for durations", test_update_body},
        {"update body: a long literal in pieces", test_update_body_long_literal},
        {"answers cleaned of HTML; forms found", test_answer_text},
        {NULL, NULL}};
    static const dg_test virtuoso_tests[] = {
        {"GSP PUT and POST, COUNT and SELECT", test_gsp_put_post_count},
        {"Update INSERT DATA, COUNT and SELECT", test_update_insert_count},
        {"replace twice leaves one copy", test_replace_twice_one_copy},
        {"non-ASCII literals round-trip", test_non_ascii_round_trip},
        {"graph IRI percent-encoded and checked", test_graph_iri_escaped},
        {"escapes in IRIs and literals", test_escapes_in_iris},
        {"update syntax error reported", test_update_syntax_error},
        {"wrong password is DG_ERR_AUTH with 401", test_wrong_password},
        {"3000 triples via update are split", test_update_split_3000},
        {"dg_push_graph in batches", test_push_graph_batches},
        {"every datatype, both protocols, one graph", test_every_datatype},
        {"long literals, both protocols", test_long_literals},
        {"an HTML form answering 200 is an error", test_form_answer_virtuoso},
        {"count of a graph with a 12 kB IRI", test_count_long_graph_iri},
        {"late replace request: one request, exact graph", test_late_replace_one_request},
        {"late replace request: lone DROP not repeated", test_late_replace_drop},
        {NULL, NULL}};
    static const dg_test fault_tests[] = {
        {"500, 503, then 201: retried, stored once", test_retry_500_503_then_201},
        {"retries exhausted", test_retry_gives_up},
        {"Retry-After honoured", test_retry_after},
        {"4xx not retried, message has status and lines", test_4xx_not_retried},
        {"answer cut at 300 bytes, whole characters", test_snippet_cut_at_300_bytes},
        {"403 is DG_ERR_AUTH", test_403_is_auth},
        {"Basic auth after a challenge", test_basic_auth},
        {"redirects not followed", test_redirect_not_followed},
        {"credentials in the URL never shown", test_credentials_in_url_hidden},
        {"nothing listening: retries then DG_ERR_NET", test_nothing_listening},
        {"a server that never answers times out", test_timeout},
        {"https to a plain HTTP server fails", test_tls_verified},
        {"malformed URLs are DG_ERR_ARG", test_malformed_urls},
        {"count answer without a count", test_count_bad_answer},
        {"dg_push_graph fails at batch 2", test_push_graph_partial_failure},
        {"a form answering 200 is an error", test_form_answer},
        {"HTML error page: the reason in the message", test_html_error_reason},
        {"replace by GSP is one PUT; failure message", test_replace_gsp_one_put},
        {"replace by update: DROP alone, then adds", test_replace_update_partial},
        {"lone DROP retried after 503, not after timeout",
         test_drop_retried_only_when_not_carried_out},
        {NULL, NULL}};
    char cmd[1024];
    int rc, status;

    if (access("/usr/bin/python3", X_OK) != 0) {
        fprintf(stderr, "test_upload: /usr/bin/python3 missing, skipped\n");
        return 77;
    }
    snprintf(vdir, sizeof vdir, "/tmp/dg-upload-XXXXXX");
    if (!mkdtemp(vdir))
        return 1;
    atexit(stop_all);
    snprintf(cmd, sizeof cmd, "'%s/tests/virtuoso-start' '%s/v' %ld", dg_test_srcdir(),
             vdir, (long)getpid());
    status = system(cmd);
    rc = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    if (rc != 0 && rc != 77)
        return 1;
    have_virtuoso = rc == 0;
    if (have_virtuoso) {
        char ports[300];
        snprintf(ports, sizeof ports, "%s/v/ports", vdir);
        vport = read_port(ports, "HTTP_PORT=");
    } else {
        fprintf(stderr, "test_upload: virtuoso-t missing, Virtuoso tests skipped\n");
    }
    if (start_faultserver() != 0) {
        fprintf(stderr, "test_upload: fault server did not start\n");
        return 1;
    }
    rc = dg_run_tests("upload (request bodies)", body_tests);
    rc |= dg_run_tests("upload (fault server)", fault_tests);
    if (have_virtuoso)
        rc |= dg_run_tests("upload (Virtuoso)", virtuoso_tests);
    return rc;
}
