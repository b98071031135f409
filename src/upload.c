/*
 * upload.c: pushes triples (given as N-Triples) into a named graph of a
 * SPARQL 1.1 endpoint, either with the Graph Store HTTP Protocol (PUT
 * replaces, POST adds; a Turtle body; graph in the graph-uri query
 * parameter) or with SPARQL Update (INSERT DATA, optionally after DROP
 * SILENT GRAPH, POSTed as application/sparql-update), and reads back a
 * graph's triple count for verification (SELECT COUNT POSTed to the
 * query endpoint, JSON results parsed with jansson).  The bodies and the
 * text of answers are made in upload_body.c.
 *
 * This is the only file that includes curl/curl.h.  Every body goes out
 * with a Content-Length (never chunked: Virtuoso acknowledges chunked
 * uploads and stores nothing).  Redirects are not followed, so
 * credentials never reach another host.  Connection errors, 429 and 5xx
 * are retried with exponential backoff and jitter, except a request that
 * must not be carried out twice (a DROP sent alone), which is retried
 * only when the answer proves it was not; the status code is always
 * read, and a 2xx answer that is an HTML form is a failure.  Failure
 * messages name the method, the URL without credentials, the status and
 * the first lines of the server's answer; the password never appears in
 * any message.
 */
#include "internal.h"

#include <curl/curl.h>
#include <jansson.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define REPLY_MAX ((size_t)1 << 20) /* bytes of an answer kept */
#define RETRY_AFTER_MAX 300         /* seconds we are willing to wait */
#define BACKOFF_MAX_MS 30000

struct dg_uploader {
    CURL *curl;
    dg_push_protocol protocol;
    CURLU *base;            /* the push endpoint */
    CURLU *qbase;           /* the query endpoint */
    char *user, *password;  /* owned copies, password wiped on free */
    int query_auth;         /* query endpoint has the push endpoint's origin */
    long connect_timeout_s, timeout_s, retry_delay_ms;
    int retries;
    void (*progress_fn)(void *, size_t, size_t);
    void *progress_ctx;
    size_t stored;
    dg_diag_fn diag;
    void *ctx;
    uint64_t rng;
    long retry_after_s;     /* from the last answer, -1: none */
    int reply_html;         /* the last answer is text/html */
    int lost;               /* the last failed request may still be
                               carried out (its answer was lost) */
    dg_buf reply;
    char errbuf[CURL_ERROR_SIZE];
};

/* One HTTP request. */
typedef struct {
    const char *method;     /* "GET", "POST", "PUT" */
    const char *url;        /* full request URL */
    const char *shown;      /* the same without credentials */
    const char *ctype;      /* Content-Type of the body, or NULL */
    const char *accept;     /* Accept, or NULL */
    const char *body;
    size_t len;
    int auth;               /* send credentials */
    int once;               /* must not be carried out twice: retried only
                               after an answer saying it was not (see
                               not_carried_out) */
} dg_req;

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void wipe_free(char *s)
{
    if (s) {
        volatile char *v = s;
        while (*v)
            *v++ = 0;
        free(s);
    }
}

/* 1 when s is an absolute IRI safe to put between < > in SPARQL: a
 * scheme, then no space, control character or <>"{}|^`\ . */
static int iri_plain(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    if (!s || !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return 0;
    while (*p && *p != ':') {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' ||
              *p == '.'))
            return 0;
        p++;
    }
    if (*p != ':')
        return 0;
    for (; *p; p++)
        if (*p <= 0x20 || *p == 0x7F || strchr("<>\"{}|^`\\", *p))
            return 0;
    return 1;
}

/* Copies URL text `url` with any user:password@ replaced by "***@",
 * for messages about URLs that did not parse.  Returns a malloc'd
 * string or NULL. */
static char *redact_raw(const char *url)
{
    const char *start = strstr(url, "://");
    const char *at, *end;
    dg_buf b = {0};

    if (!start)
        return strdup(url);
    start += 3;
    end = start + strcspn(start, "/?#");
    at = NULL;
    for (const char *q = start; q < end; q++)
        if (*q == '@')
            at = q; /* the last '@' before the path ends the user info */
    if (!at)
        return strdup(url);
    if (dg_buf_add(&b, url, (size_t)(start - url)) || dg_buf_str(&b, "***") ||
        dg_buf_str(&b, at)) {
        free(b.data);
        return NULL;
    }
    return b.data;
}

/* The URL held by u with user, password and login options removed
 * (malloc'd with curl's allocator: curl_free it), or NULL. */
static char *shown_url(CURLU *u)
{
    CURLU *c = curl_url_dup(u);
    char *s = NULL;

    if (!c)
        return NULL;
    curl_url_set(c, CURLUPART_USER, NULL, 0);
    curl_url_set(c, CURLUPART_PASSWORD, NULL, 0);
    curl_url_set(c, CURLUPART_OPTIONS, NULL, 0);
    if (curl_url_get(c, CURLUPART_URL, &s, 0) != CURLUE_OK)
        s = NULL;
    curl_url_cleanup(c);
    return s;
}

/* ------------------------------------------------------------------ */
/* libcurl callbacks                                                   */
/* ------------------------------------------------------------------ */

static size_t on_body(char *ptr, size_t size, size_t n, void *ud)
{
    dg_uploader *up = ud;
    size_t bytes = size * n;
    size_t room = REPLY_MAX - up->reply.len;

    if (up->reply.len < REPLY_MAX &&
        dg_buf_add(&up->reply, ptr, bytes < room ? bytes : room))
        return 0; /* out of memory: abort the transfer */
    return bytes;
}

static size_t on_header(char *ptr, size_t size, size_t n, void *ud)
{
    dg_uploader *up = ud;
    size_t bytes = size * n;
    static const char name[] = "retry-after:";
    static const char ctype[] = "content-type:";

    if (bytes >= 5 && memcmp(ptr, "HTTP/", 5) == 0) {
        up->retry_after_s = -1; /* a new answer (after 100 or 401) */
        up->reply_html = 0;
        up->reply.len = 0;
    } else if (bytes > sizeof ctype - 1 &&
               strncasecmp(ptr, ctype, sizeof ctype - 1) == 0) {
        size_t i = sizeof ctype - 1;
        while (i < bytes && (ptr[i] == ' ' || ptr[i] == '\t'))
            i++;
        up->reply_html = (bytes - i >= 9 && strncasecmp(ptr + i, "text/html", 9) == 0) ||
                         (bytes - i >= 21 &&
                          strncasecmp(ptr + i, "application/xhtml+xml", 21) == 0);
    } else if (bytes > sizeof name - 1 &&
               strncasecmp(ptr, name, sizeof name - 1) == 0) {
        size_t i = sizeof name - 1;
        long v = 0;
        int digits = 0;
        while (i < bytes && (ptr[i] == ' ' || ptr[i] == '\t'))
            i++;
        while (i < bytes && ptr[i] >= '0' && ptr[i] <= '9' && v < 100000) {
            v = v * 10 + (ptr[i++] - '0');
            digits = 1;
        }
        if (digits) /* HTTP dates are not honoured: backoff instead */
            up->retry_after_s = v;
    }
    return bytes;
}

/* ------------------------------------------------------------------ */
/* Creating and freeing                                                */
/* ------------------------------------------------------------------ */

/* Parses an http(s) URL into *out.  `what` names it in messages. */
static dg_status parse_url(dg_uploader *up, const char *url, const char *what,
                           CURLU **out)
{
    CURLU *u = curl_url();
    char *scheme = NULL, *host = NULL;
    dg_status st = DG_ERR_ARG;
    CURLUcode rc;

    if (!u)
        return DG_ERR_NOMEM;
    rc = curl_url_set(u, CURLUPART_URL, url, 0);
    if (rc == CURLUE_OUT_OF_MEMORY) {
        st = DG_ERR_NOMEM;
        goto out;
    }
    if (rc == CURLUE_OK &&
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK && *host &&
        (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0)) {
        curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0);
        *out = u;
        u = NULL;
        st = DG_OK;
        goto out;
    }
    {
        char *r = redact_raw(url);
        dg_diagf(up->diag, up->ctx, DG_ERR_ARG, NULL,
                 "malformed %s URL '%s': %s", what, r ? r : "?",
                 rc != CURLUE_OK ? curl_url_strerror(rc)
                                 : "not an http or https URL with a host");
        free(r);
    }
out:
    curl_free(scheme);
    curl_free(host);
    curl_url_cleanup(u);
    return st;
}

/* 1 when a and b have the same scheme, host and port. */
static int same_origin(CURLU *a, CURLU *b)
{
    static const CURLUPart parts[] = {CURLUPART_SCHEME, CURLUPART_HOST,
                                      CURLUPART_PORT};
    int same = 1;

    for (size_t i = 0; i < sizeof parts / sizeof parts[0] && same; i++) {
        char *x = NULL, *y = NULL;
        curl_url_get(a, parts[i], &x, CURLU_DEFAULT_PORT);
        curl_url_get(b, parts[i], &y, CURLU_DEFAULT_PORT);
        same = x && y && strcasecmp(x, y) == 0;
        curl_free(x);
        curl_free(y);
    }
    return same;
}

/* The default query endpoint: scheme, host and port of the push URL,
 * path /sparql, no credentials, query or fragment. */
static dg_status default_query_url(CURLU *base, CURLU **out)
{
    CURLU *q = curl_url_dup(base);

    if (!q)
        return DG_ERR_NOMEM;
    if (curl_url_set(q, CURLUPART_USER, NULL, 0) ||
        curl_url_set(q, CURLUPART_PASSWORD, NULL, 0) ||
        curl_url_set(q, CURLUPART_OPTIONS, NULL, 0) ||
        curl_url_set(q, CURLUPART_PATH, "/sparql", 0) ||
        curl_url_set(q, CURLUPART_QUERY, NULL, 0) ||
        curl_url_set(q, CURLUPART_FRAGMENT, NULL, 0)) {
        curl_url_cleanup(q);
        return DG_ERR_NOMEM;
    }
    *out = q;
    return DG_OK;
}

/* Options that stay the same for every request of the handle. */
static dg_status setup_handle(dg_uploader *up, const dg_push_options *o)
{
    CURL *c = up->curl;
    int bad = 0;

    bad |= curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L) != CURLE_OK;
#if LIBCURL_VERSION_NUM >= 0x075500
    bad |= curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https") != CURLE_OK;
#else
    bad |= curl_easy_setopt(c, CURLOPT_PROTOCOLS,
                            (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS)) != CURLE_OK;
#endif
    bad |= curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L) != CURLE_OK;
    bad |= curl_easy_setopt(c, CURLOPT_UNRESTRICTED_AUTH, 0L) != CURLE_OK;
    bad |= curl_easy_setopt(c, CURLOPT_USERAGENT, "diplograph/0.1") != CURLE_OK;
    bad |= curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, up->connect_timeout_s) != CURLE_OK;
    bad |= curl_easy_setopt(c, CURLOPT_TIMEOUT, up->timeout_s) != CURLE_OK;
    bad |= curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o->insecure ? 0L : 1L) != CURLE_OK;
    bad |= curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, o->insecure ? 0L : 2L) != CURLE_OK;
    if (o->cacert)
        bad |= curl_easy_setopt(c, CURLOPT_CAINFO, o->cacert) != CURLE_OK;
    bad |= curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body) != CURLE_OK;
    bad |= curl_easy_setopt(c, CURLOPT_WRITEDATA, up) != CURLE_OK;
    bad |= curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header) != CURLE_OK;
    bad |= curl_easy_setopt(c, CURLOPT_HEADERDATA, up) != CURLE_OK;
    bad |= curl_easy_setopt(c, CURLOPT_ERRORBUFFER, up->errbuf) != CURLE_OK;
    if (bad) {
        dg_diagf(up->diag, up->ctx, DG_ERR_ARG, NULL,
                 "libcurl refused an option (TLS or protocol support missing?)");
        return DG_ERR_ARG;
    }
    return DG_OK;
}

dg_status dg_uploader_new(const dg_push_options *opts, dg_uploader **out,
                          dg_diag_fn diag, void *ctx)
{
    dg_uploader *up;
    dg_status st;

    if (!opts || !out)
        return DG_ERR_ARG;
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return DG_ERR_NOMEM;
    up = calloc(1, sizeof *up);
    if (!up) {
        curl_global_cleanup();
        return DG_ERR_NOMEM;
    }
    up->diag = diag;
    up->ctx = ctx;
    up->protocol = opts->protocol;
    up->connect_timeout_s = opts->connect_timeout_s > 0 ? opts->connect_timeout_s : 10;
    up->timeout_s = opts->timeout_s > 0 ? opts->timeout_s : 300;
    up->retry_delay_ms = opts->retry_delay_ms > 0 ? opts->retry_delay_ms : 500;
    up->retries = opts->retries > 0 ? opts->retries : 0;
    up->progress_fn = opts->progress_fn;
    up->progress_ctx = opts->progress_ctx;
    up->rng = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32) ^
              (uint64_t)(uintptr_t)up;
    st = DG_ERR_ARG;
    if (opts->protocol != DG_PUSH_GSP && opts->protocol != DG_PUSH_UPDATE) {
        dg_diagf(diag, ctx, st, NULL, "unknown push protocol %d",
                 (int)opts->protocol);
        goto fail;
    }
    if (!opts->url) {
        dg_diagf(diag, ctx, st, NULL, "no push URL given");
        goto fail;
    }
    if ((st = parse_url(up, opts->url, "push", &up->base)))
        goto fail;
    if (opts->query_url)
        st = parse_url(up, opts->query_url, "query", &up->qbase);
    else
        st = default_query_url(up->base, &up->qbase);
    if (st)
        goto fail;
    up->query_auth = same_origin(up->base, up->qbase);
    st = DG_ERR_NOMEM;
    up->user = dup_or_null(opts->user);
    up->password = dup_or_null(opts->password);
    up->curl = curl_easy_init();
    if ((opts->user && !up->user) || (opts->password && !up->password) ||
        !up->curl)
        goto fail;
    if ((st = setup_handle(up, opts)))
        goto fail;
    *out = up;
    return DG_OK;
fail:
    dg_uploader_free(up);
    return st;
}

void dg_uploader_free(dg_uploader *up)
{
    if (!up)
        return;
    if (up->curl)
        curl_easy_cleanup(up->curl);
    curl_url_cleanup(up->base);
    curl_url_cleanup(up->qbase);
    free(up->user);
    wipe_free(up->password);
    free(up->reply.data);
    free(up);
    curl_global_cleanup();
}

size_t dg_uploader_stored(const dg_uploader *up)
{
    return up ? up->stored : 0;
}

/* ------------------------------------------------------------------ */
/* One request, with retries                                           */
/* ------------------------------------------------------------------ */

/* Sets CURLOPT_URL.  With a user name but no password the user goes
 * into the URL instead of CURLOPT_USERNAME: libcurl reads ~/.netrc only
 * when no CURLOPT_USERNAME is set, and then looks up the password of the
 * URL's user. */
static int set_url(dg_uploader *up, const dg_req *rq)
{
    CURLU *u;
    char *url = NULL, *old = NULL;
    int bad = 1;

    if (!(rq->auth && up->user && !up->password))
        return curl_easy_setopt(up->curl, CURLOPT_URL, rq->url) != CURLE_OK;
    u = curl_url();
    if (u && curl_url_set(u, CURLUPART_URL, rq->url, 0) == CURLUE_OK) {
        if (curl_url_get(u, CURLUPART_USER, &old, 0) == CURLUE_OK ||
            curl_url_set(u, CURLUPART_USER, up->user, CURLU_URLENCODE) == CURLUE_OK)
            bad = curl_url_get(u, CURLUPART_URL, &url, 0) != CURLUE_OK ||
                  curl_easy_setopt(up->curl, CURLOPT_URL, url) != CURLE_OK;
    }
    curl_free(old);
    curl_free(url);
    curl_url_cleanup(u);
    return bad;
}

static int set_request(dg_uploader *up, const dg_req *rq,
                       struct curl_slist **hdrs)
{
    CURL *c = up->curl;
    char line[160];
    int bad = 0;

    *hdrs = NULL;
    if (rq->ctype) {
        snprintf(line, sizeof line, "Content-Type: %s", rq->ctype);
        *hdrs = curl_slist_append(*hdrs, line);
    }
    snprintf(line, sizeof line, "Accept: %s", rq->accept ? rq->accept : "*/*");
    *hdrs = curl_slist_append(*hdrs, line);
    if (!*hdrs)
        return -1;
    bad |= set_url(up, rq);
    bad |= curl_easy_setopt(c, CURLOPT_HTTPHEADER, *hdrs) != CURLE_OK;
    if (strcmp(rq->method, "GET") == 0) {
        bad |= curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, NULL) != CURLE_OK;
        bad |= curl_easy_setopt(c, CURLOPT_HTTPGET, 1L) != CURLE_OK;
    } else {
        /* A known size: Content-Length, never chunked. */
        bad |= curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
                                (curl_off_t)rq->len) != CURLE_OK;
        bad |= curl_easy_setopt(c, CURLOPT_POSTFIELDS, rq->body ? rq->body : "") != CURLE_OK;
        bad |= curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST,
                                strcmp(rq->method, "POST") ? rq->method : NULL) != CURLE_OK;
    }
    if (rq->auth && up->password) {
        bad |= curl_easy_setopt(c, CURLOPT_USERNAME, up->user ? up->user : "") != CURLE_OK;
        bad |= curl_easy_setopt(c, CURLOPT_PASSWORD, up->password) != CURLE_OK;
    } else {
        bad |= curl_easy_setopt(c, CURLOPT_USERNAME, NULL) != CURLE_OK;
        bad |= curl_easy_setopt(c, CURLOPT_PASSWORD, NULL) != CURLE_OK;
    }
    bad |= curl_easy_setopt(c, CURLOPT_NETRC, rq->auth && !up->password
                            ? (long)CURL_NETRC_OPTIONAL : (long)CURL_NETRC_IGNORED) != CURLE_OK;
    bad |= curl_easy_setopt(c, CURLOPT_HTTPAUTH,
                            rq->auth ? (long)CURLAUTH_ANY : (long)CURLAUTH_BASIC) != CURLE_OK;
    return bad ? -1 : 0;
}

static uint64_t next_rand(dg_uploader *up)
{
    /* xorshift64*: jitter only, not security relevant. */
    up->rng ^= up->rng >> 12;
    up->rng ^= up->rng << 25;
    up->rng ^= up->rng >> 27;
    return up->rng * 2685821657736338717ULL;
}

/* Milliseconds to wait before attempt number `attempt` + 1 (attempt >= 1):
 * Retry-After when the server gave one, else delay * 2^(attempt-1),
 * capped, with half of it random. */
static long backoff_ms(dg_uploader *up, int attempt)
{
    long ms = up->retry_delay_ms;

    if (up->retry_after_s >= 0)
        return (up->retry_after_s < RETRY_AFTER_MAX ? up->retry_after_s
                                                    : RETRY_AFTER_MAX) * 1000L;
    for (int i = 1; i < attempt && ms < BACKOFF_MAX_MS; i++)
        ms *= 2;
    if (ms > BACKOFF_MAX_MS)
        ms = BACKOFF_MAX_MS;
    return ms / 2 + (long)(next_rand(up) % (uint64_t)(ms / 2 + 1));
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        ;
}

static int retryable_curl(CURLcode e)
{
    switch (e) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
        return 1;
    default:
        return 0;
    }
}

/* 1 when a failed attempt was certainly not carried out by the server:
 * no connection was made, or the server said so (429 Too Many Requests,
 * 503 Service Unavailable).  Any other failure (a timeout, a lost
 * connection, 500, a proxy's 502 or 504) may have left the request on
 * its way or in progress. */
static int not_carried_out(CURLcode e, long code)
{
    return e == CURLE_COULDNT_RESOLVE_HOST || e == CURLE_COULDNT_CONNECT ||
           e == CURLE_SSL_CONNECT_ERROR ||
           (e == CURLE_OK && (code == 429 || code == 503));
}

/* Reports the final failure of rq. */
static dg_status report(dg_uploader *up, const dg_req *rq, CURLcode e,
                        long code, int attempts)
{
    char snip[DG_ANSWER_BYTES + 1];
    char tries[48] = "";
    dg_status st;

    if (attempts > 1)
        snprintf(tries, sizeof tries, " (gave up after %d attempts)", attempts);
    if (e != CURLE_OK) {
        /* Virtuoso's query endpoint (/sparql) never answers a graph
         * upload: a wrong URL looks like a slow server */
        int silent = e == CURLE_OPERATION_TIMEDOUT && up->reply.len == 0;
        dg_diagf(up->diag, up->ctx, DG_ERR_NET, NULL, "%s %s: %s%s%s",
                 rq->method, rq->shown,
                 up->errbuf[0] ? up->errbuf : curl_easy_strerror(e), tries,
                 silent ? " (no answer at all: is the URL the endpoint of "
                          "this protocol? see docs/upload.md)" : "");
        return DG_ERR_NET;
    }
    dg_answer_text(up->reply.data ? up->reply.data : "", up->reply.len,
                   up->reply_html, snip);
    st = (code == 401 || code == 403) ? DG_ERR_AUTH : DG_ERR_HTTP;
    dg_diagf(up->diag, up->ctx, st, NULL, "%s%s %s: HTTP %ld%s%s%s%s",
             st == DG_ERR_AUTH ? "authentication failed: " : "", rq->method,
             rq->shown, code, tries, snip[0] ? ": " : "", snip,
             st == DG_ERR_AUTH && up->user && !up->password
                 ? " (no password given: it is read from ~/.netrc when "
                   "DIPLOGRAPH_PASSWORD is unset)" : "");
    return st;
}

/* A 2xx answer that is an HTML form is no result: Virtuoso's Graph Store
 * endpoint answers a body it does not take as a graph (a SPARQL Update,
 * no graph-uri) with 200 and its upload form, storing nothing.  Reports
 * it and returns DG_ERR_HTTP; DG_OK for any other answer. */
static dg_status check_answer(dg_uploader *up, const dg_req *rq, long code)
{
    char title[DG_ANSWER_BYTES + 1];

    if (!dg_answer_form(up->reply.data ? up->reply.data : "", up->reply.len,
                        up->reply_html, title))
        return DG_OK;
    dg_diagf(up->diag, up->ctx, DG_ERR_HTTP, NULL,
             "%s %s: HTTP %ld, but the answer is an HTML form%s%s%s, not the "
             "result of the request (nothing was stored): is the URL the "
             "endpoint of this protocol?", rq->method, rq->shown, code,
             title[0] ? " (\"" : "", title, title[0] ? "\")" : "");
    return DG_ERR_HTTP;
}

/* Performs rq, retrying what may succeed later.  On DG_OK, *code is the
 * 2xx status and up->reply holds the answer. */
static dg_status perform(dg_uploader *up, const dg_req *rq, long *code)
{
    struct curl_slist *hdrs = NULL;
    dg_status st = DG_OK;
    CURLcode e = CURLE_OK;
    int attempt = 0;

    *code = 0;
    if (set_request(up, rq, &hdrs)) {
        curl_slist_free_all(hdrs);
        return DG_ERR_NOMEM;
    }
    for (;;) {
        int again;
        attempt++;
        up->reply.len = 0;
        up->retry_after_s = -1;
        up->errbuf[0] = '\0';
        *code = 0;
        e = curl_easy_perform(up->curl);
        if (e == CURLE_OK)
            curl_easy_getinfo(up->curl, CURLINFO_RESPONSE_CODE, code);
        if (e == CURLE_OK && *code >= 200 && *code < 300) {
            st = check_answer(up, rq, *code);
            up->lost = 0;
            break;
        }
        if (rq->once)
            again = not_carried_out(e, *code);
        else
            again = e != CURLE_OK ? retryable_curl(e)
                                  : (*code == 429 || (*code >= 500 && *code < 600));
        if (!again || attempt > up->retries) {
            st = report(up, rq, e, *code, attempt);
            up->lost = !not_carried_out(e, *code) && (e != CURLE_OK || *code >= 500);
            break;
        }
        {
            long ms = backoff_ms(up, attempt);
            char why[64];
            if (e != CURLE_OK)
                snprintf(why, sizeof why, "%s", curl_easy_strerror(e));
            else
                snprintf(why, sizeof why, "HTTP %ld", *code);
            dg_diagf(up->diag, up->ctx, DG_OK, NULL,
                     "%s %s: %s, retrying in %ld.%03ld s (attempt %d of %d)",
                     rq->method, rq->shown, why, ms / 1000, ms % 1000,
                     attempt + 1, up->retries + 1);
            sleep_ms(ms);
        }
    }
    curl_easy_setopt(up->curl, CURLOPT_HTTPHEADER, NULL);
    curl_slist_free_all(hdrs);
    return st;
}

/* ------------------------------------------------------------------ */
/* Sending                                                             */
/* ------------------------------------------------------------------ */

/* Builds the request URL base?KEY=escaped(value) (*url) and the same
 * without credentials (*shown); both malloc'd, freed by the caller. */
static dg_status url_with_param(CURLU *base, const char *key,
                                const char *value, char **url, char **shown)
{
    char *full = NULL, *bare = NULL;
    dg_buf param = {0}, a = {0}, b = {0};
    dg_status st = DG_ERR_NOMEM;

    *url = *shown = NULL;
    if (curl_url_get(base, CURLUPART_URL, &full, 0) || !(bare = shown_url(base)))
        goto out;
    if (dg_buf_str(&param, key) || dg_buf_str(&param, "=") ||
        dg_buf_escape(&param, value))
        goto out;
    if (dg_buf_str(&a, full) || dg_buf_str(&a, strchr(full, '?') ? "&" : "?") ||
        dg_buf_add(&a, param.data, param.len) ||
        dg_buf_str(&b, bare) || dg_buf_str(&b, strchr(bare, '?') ? "&" : "?") ||
        dg_buf_add(&b, param.data, param.len))
        goto out;
    *url = a.data;
    *shown = b.data;
    a.data = b.data = NULL;
    st = DG_OK;
out:
    free(a.data);
    free(b.data);
    free(param.data);
    curl_free(full);
    curl_free(bare);
    return st;
}

/* The URL held by u (*url) and the same without credentials (*shown),
 * both curl_free'd by the caller. */
static dg_status url_of(CURLU *u, char **url, char **shown)
{
    *url = NULL;
    *shown = shown_url(u);
    if (curl_url_get(u, CURLUPART_URL, url, 0) != CURLUE_OK || !*shown) {
        curl_free(*url);
        curl_free(*shown);
        *url = *shown = NULL;
        return DG_ERR_NOMEM;
    }
    return DG_OK;
}

static dg_status check_graph(dg_uploader *up, const char *graph_iri)
{
    if (iri_plain(graph_iri))
        return DG_OK;
    dg_diagf(up->diag, up->ctx, DG_ERR_ARG, NULL,
             "graph IRI '%s' is not an absolute IRI without spaces or <>\"{}|^`\\",
             graph_iri ? graph_iri : "(null)");
    return DG_ERR_ARG;
}

/* One Graph Store Protocol request: PUT (replace) or POST (add) of the
 * triples of N-Triples body[0..len) as Turtle (dg_gsp_body).  A PUT
 * carries the graph's whole new content, so repeating it (a retry, or
 * an attempt that arrives late) leaves the same graph. */
static dg_status send_gsp(dg_uploader *up, const char *graph_iri,
                          const char *body, size_t len, size_t ntriples,
                          int replace)
{
    dg_req rq = {0};
    dg_buf turtle = {0};
    char *url = NULL, *shown = NULL;
    long code;
    dg_status st;

    st = url_with_param(up->base, "graph-uri", graph_iri, &url, &shown);
    if (st == DG_OK && dg_gsp_body(&turtle, body, len))
        st = DG_ERR_NOMEM;
    if (st == DG_OK) {
        rq.method = replace ? "PUT" : "POST";
        rq.url = url;
        rq.shown = shown;
        rq.ctype = "text/turtle";
        rq.body = turtle.data;
        rq.len = turtle.len;
        rq.auth = 1;
        st = perform(up, &rq, &code);
    }
    if (st == DG_OK)
        up->stored += ntriples;
    free(turtle.data);
    free(url);
    free(shown);
    return st;
}

/* One SPARQL Update request (dg_update_body) for the N-Triples lines
 * body[0..len), `triples` of them, after DROP SILENT GRAPH when `drop`.
 * `once`: the request must not be carried out twice (see dg_req). */
static dg_status send_update_request(dg_uploader *up, const char *graph_iri,
                                     const char *body, size_t len,
                                     size_t triples, int drop, int once)
{
    dg_buf q = {0};
    dg_req rq = {0};
    char *url = NULL, *shown = NULL;
    long code;
    dg_status st = url_of(up->base, &url, &shown);

    if (st == DG_OK && dg_update_body(&q, graph_iri, body, len, drop))
        st = DG_ERR_NOMEM;
    if (st == DG_OK) {
        rq.method = "POST";
        rq.url = url;
        rq.shown = shown;
        rq.ctype = "application/sparql-update";
        rq.accept = "application/sparql-results+json, */*;q=0.5";
        rq.body = q.data;
        rq.len = q.len;
        rq.auth = 1;
        rq.once = once;
        st = perform(up, &rq, &code);
    }
    if (st == DG_OK)
        up->stored += triples;
    free(q.data);
    curl_free(url);
    curl_free(shown);
    return st;
}

/* Empties the graph with a request of its own that is never repeated
 * blindly (once): it must not reach the server again after the
 * triples that follow it.  When its answer is lost, nothing more may be
 * sent: the caller stops. */
static dg_status drop_graph(dg_uploader *up, const char *graph_iri)
{
    return send_update_request(up, graph_iri, "", 0, 0, 1, 1);
}

/* Sends N-Triples body[0..len) by SPARQL Update in requests of at most
 * DG_PUSH_UPDATE_MAX triples.  A replace that fits in one request is
 * that request (DROP, then the triples: repeating it gives the same
 * graph, so it is retried like any other); a longer one first sends the
 * DROP alone (drop_graph), then adds. */
static dg_status send_update(dg_uploader *up, const char *graph_iri,
                             const char *body, size_t len, int replace)
{
    size_t start = 0, pos = 0, count = 0;
    dg_status st = DG_OK;

    if (replace && dg_nt_count(body, len) > DG_PUSH_UPDATE_MAX) {
        if ((st = drop_graph(up, graph_iri)))
            return st;
        replace = 0;
    }
    while (pos < len) {
        const char *nl = memchr(body + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - body) + 1 : len;
        count += dg_nt_count(body + pos, end - pos);
        pos = end;
        if (count == DG_PUSH_UPDATE_MAX || pos == len) {
            if (count || replace)
                st = send_update_request(up, graph_iri, body + start,
                                         pos - start, count, replace, 0);
            if (st)
                return st;
            if (count)
                replace = 0;
            start = pos;
            count = 0;
        }
    }
    if (replace) /* empty body: just empty the graph */
        st = send_update_request(up, graph_iri, "", 0, 0, 1, 0);
    return st;
}

dg_status dg_uploader_send(dg_uploader *up, const char *graph_iri,
                           const char *body, size_t len, size_t ntriples,
                           int replace)
{
    dg_status st;

    if (!up || (!body && len))
        return DG_ERR_ARG;
    if ((st = check_graph(up, graph_iri)))
        return st;
    if (up->protocol == DG_PUSH_GSP)
        return send_gsp(up, graph_iri, body ? body : "", len, ntriples, replace);
    return send_update(up, graph_iri, body ? body : "", len, replace);
}

/* ------------------------------------------------------------------ */
/* Counting                                                            */
/* ------------------------------------------------------------------ */

/* Reads the first binding's value of a SPARQL JSON result as a count. */
static int parse_count(const char *data, size_t len, size_t *count)
{
    json_t *root = json_loadb(data, len, 0, NULL);
    json_t *rows = json_object_get(json_object_get(root, "results"), "bindings");
    json_t *row = json_array_get(rows, 0);
    json_t *cell = json_object_get(row, "n");
    const char *v;
    char *end;
    unsigned long long n;
    int ok = 0;

    if (!cell && json_is_object(row) && json_object_size(row) == 1)
        cell = json_object_iter_value(json_object_iter(row));
    v = json_string_value(json_object_get(cell, "value"));
    if (v && *v >= '0' && *v <= '9') {
        errno = 0;
        n = strtoull(v, &end, 10);
        if (!*end && errno == 0 && n <= SIZE_MAX) {
            *count = (size_t)n;
            ok = 1;
        }
    }
    json_decref(root);
    return ok;
}

/* The query is POSTed as a form (query=...): a GET puts it in the URL,
 * which Virtuoso cuts (a graph IRI of about 8 KB made the query a
 * syntax error), and Virtuoso 7.2.5 never answers a direct POST of
 * application/sparql-query. */
dg_status dg_uploader_count(dg_uploader *up, const char *graph_iri,
                            size_t *count)
{
    dg_buf q = {0}, form = {0};
    dg_req rq = {0};
    char *url = NULL, *shown = NULL;
    char snip[DG_ANSWER_BYTES + 1];
    long code;
    dg_status st;

    if (!up || !count)
        return DG_ERR_ARG;
    if ((st = check_graph(up, graph_iri)))
        return st;
    st = DG_ERR_NOMEM;
    if (dg_buf_str(&q, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <") ||
        dg_buf_str(&q, graph_iri) || dg_buf_str(&q, "> { ?s ?p ?o } }") ||
        dg_buf_str(&form, "query=") || dg_buf_escape(&form, q.data))
        goto out;
    if ((st = url_of(up->qbase, &url, &shown)))
        goto out;
    rq.method = "POST";
    rq.url = url;
    rq.shown = shown;
    rq.ctype = "application/x-www-form-urlencoded";
    rq.accept = "application/sparql-results+json";
    rq.body = form.data;
    rq.len = form.len;
    rq.auth = up->query_auth;
    if ((st = perform(up, &rq, &code)))
        goto out;
    if (!parse_count(up->reply.data ? up->reply.data : "", up->reply.len,
                     count)) {
        dg_answer_text(up->reply.data ? up->reply.data : "", up->reply.len,
                       up->reply_html, snip);
        dg_diagf(up->diag, up->ctx, DG_ERR_HTTP, NULL,
                 "POST %s: HTTP %ld but no count in the answer: %s", shown,
                 code, snip);
        st = DG_ERR_HTTP;
    }
out:
    free(q.data);
    free(form.data);
    curl_free(url);
    curl_free(shown);
    return st;
}

/* ------------------------------------------------------------------ */
/* Whole graphs                                                        */
/* ------------------------------------------------------------------ */

/* What a failed replace may have left of the graph, for the message:
 * `alone` when the DROP went alone first, `dropped` when it was carried
 * out. */
static const char *replace_left(const dg_uploader *up, int alone, int dropped)
{
    if (dropped)
        return "; its old content was removed first, so the graph holds only "
               "the triples stored: push it again";
    if (!up->lost)
        return "; the graph keeps its old content";
    if (alone)
        return "; the request that empties the graph got no answer and may "
               "still be carried out, so nothing else was sent: push it again";
    return "; the replacing request failed on its way or on the server, so "
           "the graph may have lost its old content and hold part of the new "
           "(a failed request is not atomic on every store, Virtuoso's "
           "included): push it again";
}

/* A replace is made so that a request repeated or arriving late (after a
 * timeout the server may still carry out what it received) cannot leave
 * anything but what was sent: by the Graph Store Protocol it is one PUT
 * of the whole graph; by SPARQL Update one request when the graph fits
 * in one batch, else a DROP sent once (drop_graph) and then batches that
 * only add. */
dg_status dg_push_graph(dg_uploader *up, const dg_graph *g,
                        const char *graph_iri, size_t batch, int replace,
                        size_t *stored)
{
    size_t total = g ? dg_graph_size(g) : 0;
    size_t before, nbatch = 0, nbatches;
    int alone = 0, dropped = 0;
    dg_status st = DG_OK;

    if (stored)
        *stored = 0;
    if (!up || !g)
        return DG_ERR_ARG;
    if ((st = check_graph(up, graph_iri)))
        return st;
    if (batch == 0)
        batch = up->protocol == DG_PUSH_UPDATE ? DG_PUSH_BATCH_UPDATE
                                               : DG_PUSH_BATCH_GSP;
    if (up->protocol == DG_PUSH_UPDATE && batch > DG_PUSH_UPDATE_MAX)
        batch = DG_PUSH_UPDATE_MAX;
    if (replace && up->protocol == DG_PUSH_GSP && total > batch)
        batch = total;
    nbatches = (total + batch - 1) / batch;
    before = up->stored;
    if (replace && total > batch) {
        alone = 1;
        if ((st = drop_graph(up, graph_iri)) == DG_OK)
            dropped = 1;
    } else if (replace && total == 0) {
        st = dg_uploader_send(up, graph_iri, "", 0, 0, 1);
    }
    for (size_t from = 0; from < total && st == DG_OK; from += batch) {
        size_t to = total - from > batch ? from + batch : total;
        char *buf = NULL;
        size_t len = 0;
        nbatch++;
        st = dg_serialize_ntriples(g, from, to, &buf, &len);
        if (st == DG_OK)
            st = dg_uploader_send(up, graph_iri, buf, len, to - from,
                                  replace && !dropped && from == 0);
        free(buf);
        if (st == DG_OK && up->progress_fn)
            up->progress_fn(up->progress_ctx, up->stored - before, total);
    }
    if (stored)
        *stored = up->stored - before;
    if (st != DG_OK && nbatch > 0)
        dg_diagf(up->diag, up->ctx, st, NULL,
                 "upload of graph <%s> failed at batch %zu of %zu; %zu of %zu "
                 "triples stored%s", graph_iri, nbatch, nbatches,
                 up->stored - before, total,
                 replace ? replace_left(up, alone, dropped) : "");
    else if (st != DG_OK && replace)
        dg_diagf(up->diag, up->ctx, st, NULL,
                 "replacing graph <%s> failed before its first batch; 0 of %zu "
                 "triples stored%s", graph_iri, total,
                 replace_left(up, alone, dropped));
    return st;
}
