/*
 * upload.c: pushes N-Triples into a named graph of a SPARQL 1.1 endpoint,
 * either with the Graph Store HTTP Protocol (PUT replaces, POST adds;
 * body application/n-triples; graph in the graph-uri query parameter) or
 * with SPARQL Update (INSERT DATA, optionally after DROP SILENT GRAPH,
 * POSTed as application/sparql-update), and reads back a graph's triple
 * count for verification (SELECT COUNT on the query endpoint, JSON
 * results parsed with jansson).
 *
 * This is the only file that includes curl/curl.h.  Every body goes out
 * with a Content-Length (never chunked: Virtuoso acknowledges chunked
 * uploads and stores nothing).  Redirects are not followed, so
 * credentials never reach another host.  Connection errors, 429 and 5xx
 * are retried with exponential backoff and jitter; the status code is
 * always read.  Failure messages name the method, the URL without
 * credentials, the status and the first lines of the server's answer;
 * the password never appears in any message.
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
#define SNIPPET_BYTES 300           /* bytes of an answer in a message */
#define SNIPPET_LINES 3
#define RETRY_AFTER_MAX 300         /* seconds we are willing to wait */
#define BACKOFF_MAX_MS 30000

typedef struct {
    char *data;
    size_t len, cap;
} dg_buf;

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

static int buf_add(dg_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        char *p;
        while (cap < b->len + n + 1)
            cap *= 2;
        p = realloc(b->data, cap);
        if (!p)
            return -1;
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

static int buf_str(dg_buf *b, const char *s)
{
    return buf_add(b, s, strlen(s));
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
    if (buf_add(&b, url, (size_t)(start - url)) || buf_str(&b, "***") ||
        buf_str(&b, at)) {
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

/* Writes the first lines of an answer (at most SNIPPET_LINES non-blank
 * lines and SNIPPET_BYTES bytes, tags dropped when `html`, control
 * characters as spaces, lines joined by " | ") into out (SNIPPET_BYTES
 * + 8 bytes). */
static void snippet(const char *data, size_t len, int html, char *out)
{
    size_t o = 0, lines = 0, k = 0;
    int in_tag = 0, line_has = 0;

    while (k < len && (data[k] == ' ' || data[k] == '\t' || data[k] == '\r' ||
                       data[k] == '\n'))
        k++;
    if (len - k >= 5 && (strncasecmp(data + k, "<html", 5) == 0 ||
                         strncasecmp(data + k, "<!doc", 5) == 0))
        html = 1; /* HTML sent without its Content-Type */

    for (size_t i = 0; i < len && lines < SNIPPET_LINES; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == '\n') {
            if (line_has) {
                lines++;
                line_has = 0;
            }
            continue;
        }
        if (c == '<' && html) { in_tag = 1; continue; }
        if (c == '>' && in_tag) { in_tag = 0; continue; }
        if (in_tag || c == '\r' || ((c == ' ' || c == '\t') && !line_has))
            continue;
        if (!line_has && lines > 0) {
            if (o + 3 > SNIPPET_BYTES)
                break;
            memcpy(out + o, " | ", 3);
            o += 3;
        }
        if (o + 1 > SNIPPET_BYTES)
            break;
        out[o++] = (c < 0x20 || c == 0x7F) ? ' ' : (char)c;
        line_has = 1;
    }
    /* Do not end inside a UTF-8 sequence. */
    if (o > 0 && ((unsigned char)out[o - 1] & 0x80)) {
        size_t j = o;
        while (j > 0 && ((unsigned char)out[j - 1] & 0xC0) == 0x80)
            j--;
        if (j > 0) {
            unsigned char lead = (unsigned char)out[j - 1];
            size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            if (o - (j - 1) < need)
                o = j - 1;
        }
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
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
        buf_add(&up->reply, ptr, bytes < room ? bytes : room))
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
        up->reply_html = bytes - i >= 9 && strncasecmp(ptr + i, "text/html", 9) == 0;
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

/* Reports the final failure of rq. */
static dg_status report(dg_uploader *up, const dg_req *rq, CURLcode e,
                        long code, int attempts)
{
    char snip[SNIPPET_BYTES + 8];
    char tries[48] = "";
    dg_status st;

    if (attempts > 1)
        snprintf(tries, sizeof tries, " (gave up after %d attempts)", attempts);
    if (e != CURLE_OK) {
        dg_diagf(up->diag, up->ctx, DG_ERR_NET, NULL, "%s %s: %s%s", rq->method,
                 rq->shown, up->errbuf[0] ? up->errbuf : curl_easy_strerror(e),
                 tries);
        return DG_ERR_NET;
    }
    snippet(up->reply.data ? up->reply.data : "", up->reply.len, up->reply_html, snip);
    st = (code == 401 || code == 403) ? DG_ERR_AUTH : DG_ERR_HTTP;
    dg_diagf(up->diag, up->ctx, st, NULL, "%s%s %s: HTTP %ld%s%s%s%s",
             st == DG_ERR_AUTH ? "authentication failed: " : "", rq->method,
             rq->shown, code, tries, snip[0] ? ": " : "", snip,
             st == DG_ERR_AUTH && up->user && !up->password
                 ? " (no password given: it is read from ~/.netrc when "
                   "DIPLOGRAPH_PASSWORD is unset)" : "");
    return st;
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
        if (e == CURLE_OK && *code >= 200 && *code < 300)
            break;
        again = e != CURLE_OK ? retryable_curl(e)
                              : (*code == 429 || (*code >= 500 && *code < 600));
        if (!again || attempt > up->retries) {
            st = report(up, rq, e, *code, attempt);
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
 * without credentials (*shown); both malloc'd, freed by the caller.
 * The value is percent-encoded (upper-case hex) except for unreserved
 * characters. */
static dg_status url_with_param(dg_uploader *up, CURLU *base,
                                const char *key, const char *value,
                                char **url, char **shown)
{
    static const char hex[] = "0123456789ABCDEF";
    char *full = NULL, *bare = NULL;
    dg_buf param = {0}, a = {0}, b = {0};
    dg_status st = DG_ERR_NOMEM;

    (void)up;
    *url = *shown = NULL;
    if (curl_url_get(base, CURLUPART_URL, &full, 0) || !(bare = shown_url(base)))
        goto out;
    if (buf_str(&param, key) || buf_str(&param, "="))
        goto out;
    for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
        char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
        int plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                    (*p >= '0' && *p <= '9') || strchr("-._~", *p);
        if (plain ? buf_add(&param, (const char *)p, 1) : buf_add(&param, e, 3))
            goto out;
    }
    if (buf_str(&a, full) || buf_str(&a, strchr(full, '?') ? "&" : "?") ||
        buf_add(&a, param.data, param.len) ||
        buf_str(&b, bare) || buf_str(&b, strchr(bare, '?') ? "&" : "?") ||
        buf_add(&b, param.data, param.len))
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

static dg_status check_graph(dg_uploader *up, const char *graph_iri)
{
    if (iri_plain(graph_iri))
        return DG_OK;
    dg_diagf(up->diag, up->ctx, DG_ERR_ARG, NULL,
             "graph IRI '%s' is not an absolute IRI without spaces or <>\"{}|^`\\",
             graph_iri ? graph_iri : "(null)");
    return DG_ERR_ARG;
}

static dg_status send_gsp(dg_uploader *up, const char *graph_iri,
                          const char *body, size_t len, size_t ntriples,
                          int replace)
{
    dg_req rq = {0};
    char *url = NULL, *shown = NULL;
    long code;
    dg_status st;

    st = url_with_param(up, up->base, "graph-uri", graph_iri, &url, &shown);
    if (st)
        return st;
    rq.method = replace ? "PUT" : "POST";
    rq.url = url;
    rq.shown = shown;
    rq.ctype = "application/n-triples";
    rq.body = body;
    rq.len = len;
    rq.auth = 1;
    st = perform(up, &rq, &code);
    if (st == DG_OK)
        up->stored += ntriples;
    free(url);
    free(shown);
    return st;
}

/* 1 when the line [p, p+n) holds a triple (not blank, not a comment). */
static int triple_line(const char *p, size_t n)
{
    size_t i = 0;

    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
        i++;
    return i < n && p[i] != '#';
}

/* Appends code point c as UTF-8. */
static int buf_utf8(dg_buf *b, unsigned long c)
{
    char u[4];
    size_t n;

    if (c < 0x80) {
        u[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xC0 | (c >> 6));
        u[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12));
        u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (c >> 18));
        u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    return buf_add(b, u, n);
}

/* If p[0..n) starts with \uXXXX or \UXXXXXXXX naming a code point that
 * may stand unescaped in a SPARQL IRI, stores it in *c and returns the
 * escape's length; else 0. */
static size_t iri_escape(const char *p, size_t n, unsigned long *c)
{
    size_t digits = n >= 2 && p[1] == 'u' ? 4 : n >= 2 && p[1] == 'U' ? 8 : 0;
    unsigned long v = 0;

    if (!digits || p[0] != '\\' || n < 2 + digits)
        return 0;
    for (size_t i = 2; i < 2 + digits; i++) {
        char h = p[i];
        int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
              : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        if (d < 0)
            return 0;
        v = v * 16 + (unsigned long)d;
    }
    if (v <= 0x20 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) ||
        (v < 0x80 && strchr("<>\"{}|^`\\", (int)v)))
        return 0;
    *c = v;
    return 2 + digits;
}

#define XSD_DURATION "<http://www.w3.org/2001/XMLSchema#duration>"
#define XSD_DAYTIME "<http://www.w3.org/2001/XMLSchema#dayTimeDuration>"

/* Is lex[0..n) a duration of days, hours, minutes and seconds only
 * ("P3D", "PT2H")?  XSD 1.1 types those xsd:dayTimeDuration as well. */
static int is_day_time(const char *lex, size_t n)
{
    size_t i = 0;

    if (i < n && lex[i] == '-')
        i++;
    if (i >= n || lex[i] != 'P')
        return 0;
    for (i++; i < n; i++)
        if (lex[i] == 'Y' || (lex[i] == 'M' && !memchr(lex, 'T', i)))
            return 0;
    return 1;
}

/* Appends N-Triples text as SPARQL triples: the same text, except that
 * \u and \U escapes inside IRIs become UTF-8 (SPARQL, unlike N-Triples,
 * has no escapes in IRIs; Virtuoso answers 400), and a day-time
 * xsd:duration is sent as the equal xsd:dayTimeDuration (Virtuoso
 * 7.2.5's INSERT DATA answers 500 "SR553" to xsd:duration literals).
 * Other literals and comments are copied as they are. */
static int buf_sparql_triples(dg_buf *b, const char *p, size_t n)
{
    size_t i = 0, from = 0, lit_b = 0, lit_e = 0;
    unsigned long c;

    while (i < n) {
        if (p[i] == '"') {           /* a literal: skip to its end */
            lit_b = i + 1;
            for (i++; i < n && p[i] != '"' && p[i] != '\n'; i++)
                if (p[i] == '\\')
                    i++;
            lit_e = i;
            i++;
        } else if (p[i] == '#') {    /* a comment: skip the line */
            while (i < n && p[i] != '\n')
                i++;
        } else if (p[i] == '<' && i >= 3 && lit_e + 3 == i &&
                   n - i >= sizeof XSD_DURATION - 1 &&
                   memcmp(p + i, XSD_DURATION, sizeof XSD_DURATION - 1) == 0 &&
                   is_day_time(p + lit_b, lit_e - lit_b)) {
            if (buf_add(b, p + from, i - from) || buf_str(b, XSD_DAYTIME))
                return -1;
            i += sizeof XSD_DURATION - 1;
            from = i;
        } else if (p[i] == '<') {    /* an IRI */
            for (i++; i < n && p[i] != '>' && p[i] != '\n'; i++) {
                size_t k = iri_escape(p + i, n - i, &c);
                if (!k)
                    continue;
                if (buf_add(b, p + from, i - from) || buf_utf8(b, c))
                    return -1;
                i += k - 1;
                from = i + 1;
            }
        } else {
            i++;
        }
    }
    return buf_add(b, p + from, n - from);
}

/* Sends body[0..len) (whole lines, `triples` of them) as one update. */
static dg_status send_update_chunk(dg_uploader *up, const char *url,
                                   const char *shown, const char *graph_iri,
                                   const char *body, size_t len,
                                   size_t triples, int replace)
{
    dg_buf q = {0};
    dg_req rq = {0};
    long code;
    dg_status st = DG_ERR_NOMEM;

    if (replace && (buf_str(&q, "DROP SILENT GRAPH <") ||
                    buf_str(&q, graph_iri) ||
                    buf_str(&q, triples ? "> ;\n" : ">\n")))
        goto out;
    if (triples && (buf_str(&q, "INSERT DATA { GRAPH <") ||
                    buf_str(&q, graph_iri) || buf_str(&q, "> {\n") ||
                    buf_sparql_triples(&q, body, len) || buf_str(&q, "\n} }\n")))
        goto out;
    rq.method = "POST";
    rq.url = url;
    rq.shown = shown;
    rq.ctype = "application/sparql-update";
    rq.accept = "application/sparql-results+json, */*;q=0.5";
    rq.body = q.data;
    rq.len = q.len;
    rq.auth = 1;
    st = perform(up, &rq, &code);
    if (st == DG_OK)
        up->stored += triples;
out:
    free(q.data);
    return st;
}

static dg_status send_update(dg_uploader *up, const char *graph_iri,
                             const char *body, size_t len, int replace)
{
    char *url = NULL, *shown = NULL;
    size_t start = 0, pos = 0, count = 0;
    dg_status st = DG_OK;

    curl_url_get(up->base, CURLUPART_URL, &url, 0);
    shown = shown_url(up->base);
    if (!url || !shown) {
        st = DG_ERR_NOMEM;
        goto out;
    }
    while (pos < len) {
        const char *nl = memchr(body + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - body) + 1 : len;
        count += (size_t)triple_line(body + pos, end - pos);
        pos = end;
        if (count == DG_PUSH_UPDATE_MAX || pos == len) {
            if (count || replace)
                st = send_update_chunk(up, url, shown, graph_iri, body + start,
                                       pos - start, count, replace);
            if (st)
                goto out;
            if (count)
                replace = 0;
            start = pos;
            count = 0;
        }
    }
    if (replace) /* empty body: just empty the graph */
        st = send_update_chunk(up, url, shown, graph_iri, "", 0, 0, 1);
out:
    curl_free(url);
    curl_free(shown);
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
        return send_gsp(up, graph_iri, body, len, ntriples, replace);
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

dg_status dg_uploader_count(dg_uploader *up, const char *graph_iri,
                            size_t *count)
{
    dg_buf q = {0};
    dg_req rq = {0};
    char *url = NULL, *shown = NULL;
    char snip[SNIPPET_BYTES + 8];
    long code;
    dg_status st;

    if (!up || !count)
        return DG_ERR_ARG;
    if ((st = check_graph(up, graph_iri)))
        return st;
    st = DG_ERR_NOMEM;
    if (buf_str(&q, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <") ||
        buf_str(&q, graph_iri) || buf_str(&q, "> { ?s ?p ?o } }"))
        goto out;
    if ((st = url_with_param(up, up->qbase, "query", q.data, &url, &shown)))
        goto out;
    rq.method = "GET";
    rq.url = url;
    rq.shown = shown;
    rq.accept = "application/sparql-results+json";
    rq.auth = up->query_auth;
    if ((st = perform(up, &rq, &code)))
        goto out;
    if (!parse_count(up->reply.data ? up->reply.data : "", up->reply.len,
                     count)) {
        snippet(up->reply.data ? up->reply.data : "", up->reply.len, up->reply_html, snip);
        dg_diagf(up->diag, up->ctx, DG_ERR_HTTP, NULL,
                 "GET %s: HTTP %ld but no count in the answer: %s", shown,
                 code, snip);
        st = DG_ERR_HTTP;
    }
out:
    free(q.data);
    free(url);
    free(shown);
    return st;
}

/* ------------------------------------------------------------------ */
/* Whole graphs                                                        */
/* ------------------------------------------------------------------ */

dg_status dg_push_graph(dg_uploader *up, const dg_graph *g,
                        const char *graph_iri, size_t batch, int replace,
                        size_t *stored)
{
    size_t total = g ? dg_graph_size(g) : 0;
    size_t before, nbatch = 0;
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
    before = up->stored;
    if (total == 0 && replace)
        st = dg_uploader_send(up, graph_iri, "", 0, 0, 1);
    for (size_t from = 0; from < total && st == DG_OK; from += batch) {
        size_t to = total - from > batch ? from + batch : total;
        char *buf = NULL;
        size_t len = 0;
        nbatch++;
        st = dg_serialize_ntriples(g, from, to, &buf, &len);
        if (st == DG_OK)
            st = dg_uploader_send(up, graph_iri, buf, len, to - from,
                                  replace && from == 0);
        free(buf);
        if (st == DG_OK && up->progress_fn)
            up->progress_fn(up->progress_ctx, up->stored - before, total);
    }
    if (stored)
        *stored = up->stored - before;
    if (st != DG_OK && nbatch > 0)
        dg_diagf(up->diag, up->ctx, st, NULL,
                 "upload of graph <%s> failed at batch %zu of %zu; %zu of %zu "
                 "triples stored", graph_iri, nbatch,
                 (total + batch - 1) / batch, up->stored - before, total);
    return st;
}
