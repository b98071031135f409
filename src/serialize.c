/*
 * serialize.c: writing a dg_graph as RDF through Raptor 2.  This is the
 * only file that includes raptor2.h.
 *
 * A dg_serializer drives one Raptor serializer: new -> set namespaces ->
 * start to an iostream -> one statement per triple -> end.  The iostream
 * is our own (write_bytes below) rather than Raptor's file-handle stream,
 * for two reasons that come from measured Raptor 2.0.15 behaviour:
 *   - Raptor's writers ignore write errors, so every fwrite is checked
 *     here, and finish flushes and checks ferror itself (DG_ERR_IO);
 *   - Raptor's Turtle writer puts a carriage return raw inside a short
 *     "..." literal when the text has no line feed, which is not Turtle.
 *     In Raptor's Turtle output a raw CR byte can only come from literal
 *     text (IRIs with control characters are refused before Raptor sees
 *     them, and Raptor writes no comments), and backslashes inside
 *     literals are always written doubled, so replacing every raw CR by
 *     the two-byte escape \r is valid in both short and long literals
 *     and keeps the literal's value.
 * Terms are checked before they reach Raptor: an IRI must pass
 * dg_iri_valid (Raptor would write a space or '<' as a \u escape, which no
 * parser accepts inside <...>), a literal must be UTF-8, a language tag
 * must look like one.  Raptor's log messages go to the diag callback;
 * any error it logs makes the call fail with DG_ERR_RDF.
 */
#include "internal.h"

#include <errno.h>
#include <raptor2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct dg_serializer {
    raptor_world *world;
    raptor_serializer *rs;
    raptor_iostream *ios;
    FILE *fh;         /* NULL: output stays in obuf (blocks) */
    char *obuf;       /* output not yet written to fh */
    size_t olen, ocap;
    int escape_cr;    /* Turtle: raw CR -> \r */
    int quads;        /* N-Quads: statements carry their graph */
    int lines;        /* N-Triples/N-Quads: lines from Raptor's term
                       * writer (see write_line) */
    int started;      /* raptor_serializer_start_to_iostream succeeded */
    int ended;        /* raptor_serializer_serialize_end was called */
    int discard;      /* drop output (ending after a failure) */
    dg_status err;    /* first failure seen (sticky) */
    int io_errno;     /* errno of the first write failure */
    dg_diag_fn diag;
    void *ctx;
    struct tcache_ent *tc;  /* recent IRI terms (see iri_term) */
    struct dot_pic *pic;    /* dot only: the picture's nodes (dot_write) */
};

/* The dot format's picture (at the end of this file). */
struct dot_pic;
static struct dot_pic *dot_pic_new(void);
static void dot_pic_free(struct dot_pic *pic);
static dg_status dot_write(dg_serializer *s, const dg_graph *g);

/* A direct-mapped cache of IRI terms already checked and made: most
 * IRIs of a graph (predicates, classes, entities) repeat, and checking
 * and interning each again cost a fifth of a corpus run.  In line mode
 * an entry keeps the IRI's N-Triples text instead of its term. */
#define TCACHE_SIZE 4096
struct tcache_ent {
    char *iri;
    raptor_term *term;  /* statement mode */
    char *text;         /* line mode: "<...>" as Raptor writes it */
    size_t text_len;
};

/* Our names, Raptor's names, whether CR needs the Turtle fix, and
 * whether lines are written from Raptor's term writer (write_line). */
static const struct {
    const char *name, *raptor;
    int escape_cr, lines;
} formats[] = {
    {"turtle", "turtle", 1, 0},
    {"ntriples", "ntriples", 0, 1},
    {"nquads", "nquads", 0, 1},
    {"rdfxml", "rdfxml-abbrev", 0, 0},
    {"json", "json", 0, 0},
    {"json-triples", "json-triples", 0, 0},
    {"dot", "dot", 0, 0},
};

static const struct {
    const char *prefix, *iri;
} namespaces[] = {
    {"dip", DG_NS_DIP},
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    {"skos", "http://www.w3.org/2004/02/skos/core#"},
    {"dcterms", "http://purl.org/dc/terms/"},
    {"prov", "http://www.w3.org/ns/prov#"},
    {"nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    {"itsrdf", "http://www.w3.org/2005/11/its/rdf#"},
};

#define NFORMATS (sizeof formats / sizeof formats[0])
#define NNAMESPACES (sizeof namespaces / sizeof namespaces[0])

static int format_index(const char *format)
{
    size_t i;

    if (!format)
        return -1;
    for (i = 0; i < NFORMATS; i++)
        if (strcmp(format, formats[i].name) == 0)
            return (int)i;
    return -1;
}

/* 1 when `format` is one of the names above. */
int dg_format_known(const char *format)
{
    return format_index(format) >= 0;
}

static void fail(dg_serializer *s, dg_status st)
{
    if (s->err == DG_OK)
        s->err = st;
}

/* ------------------------------------------------------------------ */
/* The output stream                                                   */
/* ------------------------------------------------------------------ */

/* Writes out the buffered bytes; -1 on a write error. */
static int flush_obuf(dg_serializer *s)
{
    if (s->fh && s->olen && fwrite(s->obuf, 1, s->olen, s->fh) != s->olen) {
        if (s->err == DG_OK)
            s->io_errno = errno;
        fail(s, DG_ERR_IO);
        s->olen = 0;
        return -1;
    }
    s->olen = 0;
    return 0;
}

/* Makes room for n more bytes in the output buffer, which goes to fh in
 * OBUF_SIZE pieces (Raptor writes many tiny pieces; one fwrite each
 * costs a fifth of the run): the next n bytes are appended without a
 * flush in between.  Without fh the buffer grows and holds the whole
 * output.  -1 (and s->err set) on a write error or out of memory. */
#define OBUF_SIZE 65536
static int reserve(dg_serializer *s, size_t n)
{
    size_t cap = s->ocap ? s->ocap : OBUF_SIZE;
    char *q;

    if (s->olen + n <= s->ocap)
        return 0;
    if (s->fh && flush_obuf(s))
        return -1;
    while (s->olen + n > cap)
        cap *= 2;
    if (cap != s->ocap) {
        if (!(q = realloc(s->obuf, cap))) {
            fail(s, DG_ERR_NOMEM);
            return -1;
        }
        s->obuf = q;
        s->ocap = cap;
    }
    return 0;
}

/* Appends n bytes at p to the output buffer (see reserve). */
static int put_bytes(dg_serializer *s, const char *p, size_t n)
{
    if (reserve(s, n))
        return -1;
    memcpy(s->obuf + s->olen, p, n);
    s->olen += n;
    return 0;
}

static char *dup_bytes(const char *p, size_t n)
{
    char *q = malloc(n + 1);

    if (q) {
        memcpy(q, p, n);
        q[n] = '\0';
    }
    return q;
}

static int ios_write_bytes(void *context, const void *ptr, size_t size,
                           size_t nmemb)
{
    dg_serializer *s = context;
    const char *p = ptr, *end = p + size * nmemb, *cr;

    if (s->discard)
        return (int)nmemb;
    if (!s->escape_cr)
        return put_bytes(s, p, size * nmemb) ? 0 : (int)nmemb;
    while (p < end && (cr = memchr(p, '\r', (size_t)(end - p))) != NULL) {
        if (put_bytes(s, p, (size_t)(cr - p)) || put_bytes(s, "\\r", 2))
            return 0;
        p = cr + 1;
    }
    return put_bytes(s, p, (size_t)(end - p)) ? 0 : (int)nmemb;
}

/* Raptor writes most of N-Triples a byte at a time: the common case
 * goes straight into the buffer. */
static int ios_write_byte(void *context, const int byte)
{
    dg_serializer *s = context;
    char c = (char)byte;

    if (!s->discard && c != '\r' && s->olen < s->ocap) {
        s->obuf[s->olen++] = c;
        return 0;
    }
    return ios_write_bytes(context, &c, 1, 1) == 1 ? 0 : 1;
}

static const raptor_iostream_handler ios_handler = {
    2, NULL, NULL, ios_write_byte, ios_write_bytes, NULL, NULL, NULL};

/* Raptor's log messages: errors fail the call, all go to diag. */
static void on_log(void *user_data, raptor_log_message *m)
{
    dg_serializer *s = user_data;

    if (m->level >= RAPTOR_LOG_LEVEL_ERROR) {
        fail(s, DG_ERR_RDF);
        dg_diagf(s->diag, s->ctx, DG_ERR_RDF, NULL, "Raptor: %s",
                 m->text ? m->text : "unknown error");
    } else if (m->level >= RAPTOR_LOG_LEVEL_WARN) {
        dg_diagf(s->diag, s->ctx, DG_OK, NULL, "Raptor warning: %s",
                 m->text ? m->text : "");
    }
}

/* ------------------------------------------------------------------ */
/* Setup                                                               */
/* ------------------------------------------------------------------ */

static dg_status set_namespace(dg_serializer *s, const char *prefix,
                               const char *iri)
{
    raptor_uri *u = raptor_new_uri(s->world, (const unsigned char *)iri);

    if (!u)
        return DG_ERR_NOMEM;
    /* Fails harmlessly where a syntax has no prefixes (json, ntriples)
     * or declares this one itself (rdf: in turtle and rdfxml). */
    (void)raptor_serializer_set_namespace(s->rs, u,
                                          (const unsigned char *)prefix);
    raptor_free_uri(u);
    return DG_OK;
}

static dg_status set_namespaces(dg_serializer *s, const char *base)
{
    dg_status st = DG_OK;
    size_t i;

    for (i = 0; i < NNAMESPACES && st == DG_OK; i++)
        st = set_namespace(s, namespaces[i].prefix, namespaces[i].iri);
    if (st == DG_OK)
        st = set_namespace(s, "id", base);
    return st;
}

/* Sets s up for formats[fi] and opens its Raptor world.  Line formats
 * turn URI interning off: their IRIs never meet Raptor's URI compare,
 * and interning and releasing each uncached IRI was a twentieth of a
 * corpus run. */
static dg_status open_world(dg_serializer *s, int fi)
{
    s->escape_cr = formats[fi].escape_cr;
    s->lines = formats[fi].lines;
    s->quads = strcmp(formats[fi].name, "nquads") == 0;
    if (!(s->world = raptor_new_world()))
        return DG_ERR_NOMEM;
    raptor_world_set_log_handler(s->world, s, on_log);
    if (s->lines)
        raptor_world_set_flag(s->world, RAPTOR_WORLD_FLAG_URI_INTERNING, 0);
    return raptor_world_open(s->world) ? DG_ERR_RDF : DG_OK;
}

/* Makes a Raptor serializer for formats[fi] with our prefixes (the data
 * prefix `id:` for `base`) and starts a document on our iostream. */
static dg_status start_document(dg_serializer *s, int fi, const char *base)
{
    dg_status st;

    if (!(s->rs = raptor_new_serializer(s->world, formats[fi].raptor)))
        return DG_ERR_RDF;
    if ((st = set_namespaces(s, base)) != DG_OK)
        return st;
    if (!(s->ios = raptor_new_iostream_from_handler(s->world, s,
                                                   &ios_handler)))
        return DG_ERR_NOMEM;
    if (raptor_serializer_start_to_iostream(s->rs, NULL, s->ios))
        return DG_ERR_RDF;
    s->started = 1;
    return DG_OK;
}

/* Releases the document's Raptor serializer and iostream.  A document
 * started but not ended is ended first, writing nothing: some Raptor
 * serializers (dot) release their state only when the document ends. */
static void close_document(dg_serializer *s)
{
    if (s->started && !s->ended) {
        s->discard = 1;
        raptor_serializer_serialize_end(s->rs);
        s->discard = 0;
    }
    if (s->rs)
        raptor_free_serializer(s->rs);
    if (s->ios)
        raptor_free_iostream(s->ios);
    s->rs = NULL;
    s->ios = NULL;
    s->started = s->ended = 0;
}

/* Starts writing `format` to `fh` (see diplograph.h).  `base` NULL means
 * DG_DEFAULT_BASE; a base that is not a valid IRI is DG_ERR_ARG. */
dg_status dg_serializer_new(const char *format, const char *base, FILE *fh,
                            dg_serializer **out, dg_diag_fn diag, void *ctx)
{
    int fi = format_index(format);
    dg_serializer *s = NULL;
    dg_status st = DG_ERR_NOMEM;

    if (!out || !fh) {
        dg_diagf(diag, ctx, DG_ERR_ARG, NULL, "no output stream");
        return DG_ERR_ARG;
    }
    if (fi < 0) {
        dg_diagf(diag, ctx, DG_ERR_ARG, NULL, "unknown output format '%s'",
                 format ? format : "(null)");
        return DG_ERR_ARG;
    }
    if (!base)
        base = DG_DEFAULT_BASE;
    if (!dg_iri_valid(base)) {
        dg_diagf(diag, ctx, DG_ERR_ARG, NULL, "invalid base IRI '%s'", base);
        return DG_ERR_ARG;
    }
    s = calloc(1, sizeof *s);
    if (!s)
        goto out;
    s->fh = fh;
    if (strcmp(formats[fi].name, "dot") == 0 && !(s->pic = dot_pic_new()))
        goto out;
    s->diag = diag;
    s->ctx = ctx;
    if ((st = open_world(s, fi)) != DG_OK ||
        (st = start_document(s, fi, base)) != DG_OK)
        goto out;
    if (s->err != DG_OK)
        goto out;
    *out = s;
    return DG_OK;
out:
    if (s && s->err != DG_OK)
        st = s->err;
    if (st == DG_ERR_NOMEM)
        dg_diagf(diag, ctx, st, NULL, "out of memory starting the serializer");
    else if (st != DG_ERR_ARG)
        dg_diagf(diag, ctx, st, NULL, "cannot start the %s serializer",
                 formats[fi].name);
    dg_serializer_free(s);
    return st;
}

/* ------------------------------------------------------------------ */
/* Terms and statements                                                */
/* ------------------------------------------------------------------ */

/* A BCP 47 shape as Turtle's LANGTAG: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*. */
static int lang_valid(const char *l)
{
    size_t i = 0, run = 0;
    int first = 1;

    for (;; i++) {
        char c = l[i];
        int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        if (alpha || (!first && c >= '0' && c <= '9')) {
            run++;
        } else if (c == '-' || c == '\0') {
            if (run == 0)
                return 0;
            if (c == '\0')
                return 1;
            run = 0;
            first = 0;
        } else {
            return 0;
        }
    }
}

/* Checks that every part of term t can be written; 0 and a diagnostic
 * (DG_ERR_ARG) when not. */
/* dg_iri_valid, with a table for the all-ASCII IRIs of nearly every
 * triple (the same rules: ASCII scheme then ':', no control character,
 * space, DEL or <>"{}|^`\). */
static int iri_ok(const char *s)
{
    /* 1: a control character, space, DEL or one of <>"{}|^`\ */
    static const unsigned char bad[128] = {
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1,
    };
    const unsigned char *u = (const unsigned char *)s, *p;
    size_t i;

    p = (const unsigned char *)strchr(s, ':');
    if (!p)
        return 0;
    for (p++; *p; p++)
        if (*p >= 0x80 || bad[*p])
            break;
    if (*p == '\0') {
        for (i = 0; u + i < p && u[i] != ':'; i++)
            ;
        /* the scheme: letters, digits, + - . after a letter */
        if (i == 0 || !((u[0] | 0x20) >= 'a' && (u[0] | 0x20) <= 'z'))
            return 0;
        while (--i > 0)
            if (!(((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z') ||
                  (u[i] >= '0' && u[i] <= '9') || u[i] == '+' ||
                  u[i] == '-' || u[i] == '.'))
                return 0;
        return 1;
    }
    return dg_iri_valid(s);
}

static int term_writable(dg_serializer *s, const dg_term *t)
{
    size_t bad;

    if (t->kind == DG_TERM_IRI) {
        if (iri_ok(t->value))
            return 1;
        dg_diagf(s->diag, s->ctx, DG_ERR_ARG, NULL,
                 "refusing to write the invalid IRI <%s>", t->value);
        return 0;
    }
    if (!dg_utf8_valid(t->value, strlen(t->value), &bad)) {
        dg_diagf(s->diag, s->ctx, DG_ERR_ARG, NULL,
                 "literal is not UTF-8 (byte %zu)", bad);
        return 0;
    }
    if (t->datatype && !iri_ok(t->datatype)) {
        dg_diagf(s->diag, s->ctx, DG_ERR_ARG, NULL,
                 "refusing to write the invalid datatype IRI <%s>",
                 t->datatype);
        return 0;
    }
    if (t->lang && !lang_valid(t->lang)) {
        dg_diagf(s->diag, s->ctx, DG_ERR_ARG, NULL,
                 "invalid language tag '%s'", t->lang);
        return 0;
    }
    return 1;
}

static raptor_term *new_iri(raptor_world *w, const char *iri)
{
    return raptor_new_term_from_uri_string(w, (const unsigned char *)iri);
}

static raptor_term *new_term(raptor_world *w, const dg_term *t)
{
    raptor_uri *dt = NULL;
    raptor_term *r;
    const char *lang = t->datatype ? NULL : t->lang;

    if (t->kind == DG_TERM_IRI)
        return new_iri(w, t->value);
    if (t->datatype) {
        dt = raptor_new_uri(w, (const unsigned char *)t->datatype);
        if (!dt)
            return NULL;
    }
    r = raptor_new_term_from_counted_literal(
        w, (const unsigned char *)t->value, strlen(t->value), dt,
        (const unsigned char *)lang, lang ? (unsigned char)strlen(lang) : 0);
    if (dt)
        raptor_free_uri(dt);
    return r;
}

static void tcache_free(dg_serializer *s)
{
    size_t i;

    for (i = 0; s->tc && i < TCACHE_SIZE; i++) {
        free(s->tc[i].iri);
        free(s->tc[i].text);
        if (s->tc[i].term)
            raptor_free_term(s->tc[i].term);
    }
    free(s->tc);
    s->tc = NULL;
}

/* The cache entry of `iri` (*n: its length in bytes), whose iri is
 * NULL or another IRI on a miss; NULL with *st DG_ERR_NOMEM. */
static struct tcache_ent *tcache_slot(dg_serializer *s, const char *iri,
                                      size_t *n, dg_status *st)
{
    if (!s->tc && !(s->tc = calloc(TCACHE_SIZE, sizeof *s->tc))) {
        *st = DG_ERR_NOMEM;
        return NULL;
    }
    *n = strlen(iri);
    return &s->tc[dg_hash_bytes(0, iri, *n) % TCACHE_SIZE];
}

/* Empties e and makes it the entry of `iri` (n bytes); 0 when out of
 * memory (e is then empty, which is still a valid cache state). */
static int tcache_claim(struct tcache_ent *e, const char *iri, size_t n)
{
    free(e->iri);
    free(e->text);
    if (e->term)
        raptor_free_term(e->term);
    e->term = NULL;
    e->text = NULL;
    e->iri = dup_bytes(iri, n);
    return e->iri != NULL;
}

/* A new reference to the term of IRI `iri`, checked (a cache hit was
 * checked before); NULL with *st DG_ERR_ARG (and a diagnostic) or
 * DG_ERR_NOMEM. */
static raptor_term *iri_term(dg_serializer *s, const char *iri,
                             dg_status *st)
{
    struct tcache_ent *e;
    raptor_term *t;
    dg_term dt = {DG_TERM_IRI, iri, NULL, NULL};
    size_t n;

    if (!(e = tcache_slot(s, iri, &n, st)))
        return NULL;
    if (e->term && strcmp(e->iri, iri) == 0)
        return raptor_term_copy(e->term);
    *st = DG_ERR_ARG;
    if (!term_writable(s, &dt))
        return NULL;
    *st = DG_ERR_NOMEM;
    if (!(t = new_iri(s->world, iri)))
        return NULL;
    if (tcache_claim(e, iri, n))
        e->term = raptor_term_copy(t);
    return t;
}

/* Writes term t as Raptor's N-Triples and N-Quads serializers write
 * each term of a statement (raptor_statement_ntriples_write in Raptor
 * 2.0.15: raptor_term_escaped_write with the N-Triples literal flags). */
static void write_term(dg_serializer *s, const raptor_term *t)
{
    if (raptor_term_escaped_write(t, RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL,
                                  s->ios))
        fail(s, DG_ERR_RDF);
}

/* Line mode: the N-Triples text of IRI `iri` ("<...>", *len bytes,
 * borrowed from the cache until the next call), as Raptor's term writer
 * makes it; NULL with *st DG_ERR_ARG (and a diagnostic) or
 * DG_ERR_NOMEM/DG_ERR_IO. */
static const char *iri_text(dg_serializer *s, const char *iri, size_t *len,
                            dg_status *st)
{
    struct tcache_ent *e;
    raptor_term *t;
    dg_term dt = {DG_TERM_IRI, iri, NULL, NULL};
    size_t n, at = 0;
    char *text;

    if (!(e = tcache_slot(s, iri, &n, st)))
        return NULL;
    if (e->text && strcmp(e->iri, iri) == 0) {
        *len = e->text_len;
        return e->text;
    }
    *st = DG_ERR_ARG;
    if (!term_writable(s, &dt))
        return NULL;
    *st = DG_ERR_NOMEM;
    if (!(t = new_iri(s->world, iri)))
        return NULL;
    /* Raptor writes the term into the buffer (at most 10 bytes for each
     * byte of the IRI: \UXXXXXXXX), where it is copied and taken back. */
    if (reserve(s, 10 * n + 2) == 0) {
        at = s->olen;   /* after reserve, which may flush */
        write_term(s, t);
    }
    raptor_free_term(t);
    if (s->err != DG_OK) {
        *st = s->err;
        return NULL;
    }
    text = dup_bytes(s->obuf + at, s->olen - at);
    *len = s->olen - at;
    s->olen = at;
    if (!text || !tcache_claim(e, iri, n)) {
        free(text);
        return NULL;
    }
    e->text = text;
    e->text_len = *len;
    return text;
}

/* Line mode: writes IRI `iri` and then the byte `after`. */
static int put_iri(dg_serializer *s, const char *iri, char after,
                   dg_status *st)
{
    size_t n;
    const char *text = iri_text(s, iri, &n, st);

    if (!text)
        return -1;
    if (put_bytes(s, text, n) || put_bytes(s, &after, 1)) {
        *st = s->err;
        return -1;
    }
    return 0;
}

/* Writes one triple as an N-Triples (or N-Quads, with graph `gi`) line:
 * each term as Raptor's term writer makes it (write_term), IRIs
 * from the cache, separated by one space and ended by " .\n" as Raptor's
 * serializer does (the sample's golden N-Triples, written by Raptor's
 * serializer, holds byte for byte). */
static dg_status write_line(dg_serializer *s, const dg_triple *t,
                            const char *gi)
{
    dg_status st = DG_OK;
    raptor_term *lit;

    if (put_iri(s, t->s.value, ' ', &st) || put_iri(s, t->p.value, ' ', &st))
        return st;
    if (t->o.kind == DG_TERM_IRI) {
        if (put_iri(s, t->o.value, ' ', &st))
            return st;
    } else {
        if (!(lit = new_term(s->world, &t->o)))
            return DG_ERR_NOMEM;
        write_term(s, lit);
        raptor_free_term(lit);
        if (s->err != DG_OK || put_bytes(s, " ", 1))
            return s->err;
    }
    if (gi && put_iri(s, gi, ' ', &st))
        return st;
    put_bytes(s, ".\n", 2);
    return s->err;
}

/* Writes one triple (in graph `gi`, an IRI or NULL). */
static dg_status write_triple(dg_serializer *s, const dg_triple *t,
                              const char *gi)
{
    raptor_term *rs, *rp, *ro = NULL, *rg = NULL;
    raptor_statement *stmt;
    dg_status st = DG_OK;

    if (t->o.kind != DG_TERM_IRI && !term_writable(s, &t->o))
        return DG_ERR_ARG;
    if (s->lines)
        return write_line(s, t, gi);
    rs = iri_term(s, t->s.value, &st);
    rp = rs ? iri_term(s, t->p.value, &st) : NULL;
    if (rp)
        ro = t->o.kind == DG_TERM_IRI ? iri_term(s, t->o.value, &st)
                                      : new_term(s->world, &t->o);
    if (ro && gi)
        rg = iri_term(s, gi, &st);
    if (st == DG_ERR_ARG) {
        raptor_free_term(rs);
        raptor_free_term(rp);
        raptor_free_term(ro);
        return DG_ERR_ARG;
    }
    if (!rs || !rp || !ro || (gi && !rg)) {
        raptor_free_term(rs);
        raptor_free_term(rp);
        raptor_free_term(ro);
        raptor_free_term(rg);
        return DG_ERR_NOMEM;
    }
    /* Owns the four terms from here on, even when it fails. */
    stmt = raptor_new_statement_from_nodes(s->world, rs, rp, ro, rg);
    if (!stmt)
        return DG_ERR_NOMEM;
    if (raptor_serializer_serialize_statement(s->rs, stmt))
        fail(s, DG_ERR_RDF);
    raptor_free_statement(stmt);
    return s->err;
}

/* Writes triples [from, to) of g. */
static dg_status write_range(dg_serializer *s, const dg_graph *g,
                             size_t from, size_t to, const char *graph_iri)
{
    const char *gi = s->quads ? graph_iri : NULL;
    size_t i;
    dg_status st;

    if (s->err != DG_OK)
        return s->err;
    if (gi && !dg_iri_valid(gi)) {
        dg_diagf(s->diag, s->ctx, DG_ERR_ARG, NULL,
                 "refusing to write the invalid graph IRI <%s>", gi);
        return DG_ERR_ARG;
    }
    for (i = from; i < to; i++) {
        st = write_triple(s, dg_graph_triple(g, i), gi);
        if (st != DG_OK) {
            fail(s, st);
            return st;
        }
    }
    return DG_OK;
}

/* Writes every triple of g (see diplograph.h).  Errors also: DG_ERR_ARG
 * for a term that cannot be written (invalid IRI, literal not UTF-8, bad
 * language tag), with a diagnostic; the serializer is then unusable. */
dg_status dg_serializer_write(dg_serializer *s, const dg_graph *g,
                              const char *graph_iri)
{
    if (!s || !g)
        return DG_ERR_ARG;
    if (s->pic)
        return dot_write(s, g);
    return write_range(s, g, 0, dg_graph_size(g), graph_iri);
}

/* Ends the document, flushes the stream and checks it for errors. */
dg_status dg_serializer_finish(dg_serializer *s)
{
    if (!s)
        return DG_ERR_ARG;
    if (s->err == DG_OK && !s->ended) {
        s->ended = 1;
        if (raptor_serializer_serialize_end(s->rs))
            fail(s, DG_ERR_RDF);
    }
    errno = 0;
    if (s->err == DG_OK)
        flush_obuf(s);
    if (fflush(s->fh) != 0 || ferror(s->fh)) {
        if (s->err == DG_OK)
            s->io_errno = errno;
        fail(s, DG_ERR_IO);
    }
    if (s->err == DG_ERR_IO)
        dg_diagf(s->diag, s->ctx, DG_ERR_IO, NULL, "write error: %s",
                 strerror(s->io_errno ? s->io_errno : EIO));
    return s->err;
}

/* Releases s and its Raptor objects (not the stream).  NULL: no-op. */
void dg_serializer_free(dg_serializer *s)
{
    if (!s)
        return;
    close_document(s);
    tcache_free(s);
    dot_pic_free(s->pic);
    if (s->world)
        raptor_free_world(s->world);
    free(s->obuf);
    free(s);
}

/* ------------------------------------------------------------------ */
/* Per-article blocks (bounded memory for a corpus)                    */
/* ------------------------------------------------------------------ */

/* How a format's document splits into head, article bodies and foot:
 * the head ends `head_at` bytes in (-1: after the empty document, -2:
 * after the <rdf:RDF ...> start tag), `foot` closes the document and
 * `sep` goes between two non-empty bodies.  Measured on Raptor 2.0.15. */
static const struct {
    const char *name;
    int head_at;
    const char *foot, *sep;
} splits[] = {
    {"turtle", -1, "", ""},
    {"ntriples", 0, "", ""},
    {"nquads", 0, "", ""},
    {"rdfxml", -2, "</rdf:RDF>\n", ""},
    {"json", 3, "  }\n", ",\n"},
    {"json-triples", 18, "\n    ]\n  }\n", ",\n"},
};
#define NSPLITS (sizeof splits / sizeof splits[0])

struct dg_blockser {
    dg_serializer s;   /* fh NULL: each block stays in s.obuf */
    int fi, si;        /* formats[] and splits[] rows */
    char *base;
    char *empty, *head;    /* the document of no triples; the head */
    size_t empty_len, head_len;
};

static int split_index(const char *format)
{
    size_t i;

    for (i = 0; format && i < NSPLITS; i++)
        if (strcmp(format, splits[i].name) == 0)
            return (int)i;
    return -1;
}

/* 1 when `format` can be written one article at a time (every format
 * but dot, whose sections gather all nodes). */
int dg_format_blocks(const char *format)
{
    return split_index(format) >= 0;
}

/* Serializes triples of g (NULL: none) as one whole document into
 * b->s.obuf (b->s.olen bytes). */
static dg_status block_doc(dg_blockser *b, const dg_graph *g,
                           const char *graph_iri)
{
    dg_serializer *s = &b->s;
    dg_status st;

    s->olen = 0;
    s->err = DG_OK;
    s->started = s->ended = 0;
    if ((st = start_document(s, b->fi, b->base)) != DG_OK)
        goto out;
    st = g ? write_range(s, g, 0, dg_graph_size(g), graph_iri) : s->err;
    if (st == DG_OK) {
        s->ended = 1;
        if (raptor_serializer_serialize_end(s->rs))
            fail(s, DG_ERR_RDF);
        st = s->err;
    }
out:
    close_document(s);
    return st != DG_OK ? st : s->err;
}

/* Length of the head of document d (len bytes) by the split rules, or
 * (size_t)-1 when d has no such head. */
static size_t head_length(const dg_blockser *b, const char *d, size_t len)
{
    int at = splits[b->si].head_at;
    const char *p, *end = d + len;

    if (at >= 0)
        return (size_t)at <= len ? (size_t)at : (size_t)-1;
    if (at == -1)
        return b->empty_len <= len ? b->empty_len : (size_t)-1;
    for (p = d; p && end - p >= 8 && memcmp(p, "<rdf:RDF", 8) != 0;)
        p = memchr(p + 1, '<', (size_t)(end - p - 1));
    p = p && end - p >= 8 ? memchr(p, '>', (size_t)(end - p)) : NULL;
    if (!p)
        return (size_t)-1;
    p++;
    if (p < end && *p == '\n')
        p++;
    return (size_t)(p - d);
}

/* Makes the empty document and, from a one-triple probe, the head. */
static dg_status block_frame(dg_blockser *b)
{
    dg_graph *probe = dg_graph_new();
    dg_status st = DG_ERR_NOMEM;
    size_t hl;

    if (!probe)
        return DG_ERR_NOMEM;
    if ((st = block_doc(b, NULL, NULL)) != DG_OK)
        goto out;
    st = DG_ERR_NOMEM;
    if (!(b->empty = dup_bytes(b->s.obuf ? b->s.obuf : "", b->s.olen)))
        goto out;
    b->empty_len = b->s.olen;
    if ((st = dg_graph_add_iri(probe, b->base, DG_NS_DIP "probe",
                               b->base)) != DG_OK)
        goto out;
    if ((st = block_doc(b, probe, b->base)) != DG_OK)
        goto out;
    st = DG_ERR_RDF;
    hl = head_length(b, b->s.obuf, b->s.olen);
    if (hl == (size_t)-1)
        goto out;
    st = DG_ERR_NOMEM;
    if (!(b->head = dup_bytes(b->s.obuf, hl)))
        goto out;
    b->head_len = hl;
    st = DG_OK;
out:
    dg_graph_free(probe);
    return st;
}

/* A block serializer for `format` (see dg_format_blocks) and data base
 * IRI `base` (NULL: DG_DEFAULT_BASE).  Each instance has its own Raptor
 * world: use one per thread.  Errors: DG_ERR_ARG (format without blocks,
 * bad base), DG_ERR_RDF, DG_ERR_NOMEM. */
dg_status dg_blockser_new(const char *format, const char *base,
                          dg_blockser **out, dg_diag_fn diag, void *ctx)
{
    dg_blockser *b;
    dg_status st = DG_ERR_NOMEM;
    int si = split_index(format);

    if (!out || si < 0 || (base && !dg_iri_valid(base))) {
        dg_diagf(diag, ctx, DG_ERR_ARG, NULL,
                 "format '%s' cannot be written per article",
                 format ? format : "(null)");
        return DG_ERR_ARG;
    }
    if (!(b = calloc(1, sizeof *b)))
        goto fail;
    b->si = si;
    b->fi = format_index(format);
    b->s.diag = diag;
    b->s.ctx = ctx;
    if (!(b->base = dup_bytes(base ? base : DG_DEFAULT_BASE,
                              strlen(base ? base : DG_DEFAULT_BASE))))
        goto fail;
    if ((st = open_world(&b->s, b->fi)) != DG_OK)
        goto fail;
    if ((st = block_frame(b)) != DG_OK)
        goto fail;
    *out = b;
    return DG_OK;
fail:
    dg_diagf(diag, ctx, st, NULL, "cannot start the %s serializer",
             format);
    dg_blockser_free(b);
    return st;
}

/* The document's frame, all borrowed from b: the head (prefixes, start
 * tag) written once first, the foot written once last, the separator
 * written between two non-empty bodies, and the whole document of an
 * empty corpus (written instead of head and foot when there is no
 * body).  Any pointer argument may be NULL. */
void dg_blockser_frame(const dg_blockser *b, dg_bytes *head, dg_bytes *foot,
                       dg_bytes *sep, dg_bytes *empty)
{
    if (head) {
        head->p = b->head;
        head->n = b->head_len;
    }
    if (foot) {
        foot->p = splits[b->si].foot;
        foot->n = strlen(foot->p);
    }
    if (sep) {
        sep->p = splits[b->si].sep;
        sep->n = strlen(sep->p);
    }
    if (empty) {
        empty->p = b->empty;
        empty->n = b->empty_len;
    }
}

/* Serializes every triple of g (graph `graph_iri` in N-Quads) and gives
 * the article's body: the document Raptor wrote without the head and the
 * foot of dg_blockser_frame.  *buf (malloc'd, the caller frees) holds
 * *len bytes; an empty graph gives an empty body.  Raptor messages go to
 * diag.  Errors: DG_ERR_ARG (a term that cannot be written), DG_ERR_RDF
 * (also when Raptor's document does not have the expected head and
 * foot), DG_ERR_NOMEM.  b stays usable after a failure. */
dg_status dg_blockser_body(dg_blockser *b, const dg_graph *g,
                           const char *graph_iri, char **buf, size_t *len,
                           dg_diag_fn diag, void *ctx)
{
    const char *foot = splits[b->si].foot;
    size_t fl = strlen(foot), hl;
    const char *d;
    dg_status st;

    b->s.diag = diag;
    b->s.ctx = ctx;
    if (dg_graph_size(g) == 0) {
        *buf = dup_bytes("", 0);
        *len = 0;
        return *buf ? DG_OK : DG_ERR_NOMEM;
    }
    if ((st = block_doc(b, g, graph_iri)) != DG_OK)
        return st;
    if (put_bytes(&b->s, "", 1) != 0)   /* room for the NUL below */
        return DG_ERR_NOMEM;
    b->s.olen--;
    d = b->s.obuf;
    hl = head_length(b, d, b->s.olen);
    if (hl != b->head_len || memcmp(d, b->head, hl) != 0 ||
        b->s.olen < hl + fl || memcmp(d + b->s.olen - fl, foot, fl) != 0) {
        dg_diagf(diag, ctx, DG_ERR_RDF, NULL, "Raptor's %s document has an "
                 "unexpected head or foot", splits[b->si].name);
        return DG_ERR_RDF;
    }
    *len = b->s.olen - hl - fl;
    memmove(b->s.obuf, d + hl, *len);
    b->s.obuf[*len] = '\0';
    *buf = b->s.obuf;
    b->s.obuf = NULL;
    b->s.olen = b->s.ocap = 0;
    return DG_OK;
}

/* Releases b.  NULL: no-op. */
void dg_blockser_free(dg_blockser *b)
{
    if (!b)
        return;
    tcache_free(&b->s);
    if (b->s.world)
        raptor_free_world(b->s.world);
    free(b->s.obuf);
    free(b->base);
    free(b->empty);
    free(b->head);
    free(b);
}

/* Serializes triples [from, to) of g as N-Triples into a malloc'd,
 * NUL-terminated *buf of *len bytes (see diplograph.h).  A range beyond
 * the graph is DG_ERR_ARG.  On failure *buf and *len are unchanged. */
dg_status dg_serialize_ntriples(const dg_graph *g, size_t from, size_t to,
                                char **buf, size_t *len)
{
    char *mem = NULL;
    size_t n = 0;
    FILE *fh;
    dg_serializer *s = NULL;
    dg_status st;

    if (!g || !buf || !len || from > to || to > dg_graph_size(g))
        return DG_ERR_ARG;
    fh = open_memstream(&mem, &n);
    if (!fh)
        return DG_ERR_NOMEM;
    st = dg_serializer_new("ntriples", NULL, fh, &s, NULL, NULL);
    if (st == DG_OK)
        st = write_range(s, g, from, to, NULL);
    if (st == DG_OK)
        st = dg_serializer_finish(s);
    dg_serializer_free(s);
    if (fclose(fh) != 0 && st == DG_OK)
        st = DG_ERR_NOMEM;
    if (st != DG_OK) {
        free(mem);
        return st;
    }
    *buf = mem;
    *len = n;
    return DG_OK;
}

/* ------------------------------------------------------------------ */
/* The dot format: a picture of the graph                              */
/* ------------------------------------------------------------------ */

/* -f dot draws a picture for people to read, not a copy of every triple:
 *   - a node with an rdfs:label is named by it and its class ("Jane
 *     Doe (Person)"), a typed node without a label by its class and
 *     the end of its IRI ("Meeting 2229afc028605acb-1"); any other node
 *     keeps its IRI, which Raptor abbreviates by the prefixes.  A name
 *     another node has already taken gets " #2", " #3", ...;
 *   - rdf:type and rdfs:label triples are left out (the names show
 *     them), and so is the NIF text layer: nif: and itsrdf: triples and
 *     every triple of a string annotation (a node with
 *     nif:referenceContext: sentences, phrases), so neither the article
 *     text nor a sentence becomes a node;
 *   - a literal longer than PIC_LITERAL_MAX code points is cut to that
 *     many, the last one "…".
 * Raptor's dot writer names and labels a resource node by its IRI (as
 * prefix:rest when a namespace matches) and writes it unescaped, so a
 * node's name reaches Raptor as the IRI of its term, with '"' and '\'
 * replaced and control characters made spaces.  Every term of every
 * triple, drawn or not, is checked as in the other formats.  Names are
 * kept for the whole document (one dg_serializer_write per article). */
#define PIC_LITERAL_MAX 40
#define PIC_RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define PIC_RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
#define PIC_NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define PIC_ITSRDF "http://www.w3.org/2005/11/its/rdf#"

/* A hash map from strings to pointers (open addressing, linear probing). */
typedef struct {
    char **key;        /* NULL: an empty slot */
    void **val;
    size_t n, cap;     /* cap: 0 or a power of two */
    int owns;          /* keys are copies, freed with the map */
} pic_map;

struct dot_pic {
    pic_map nodes;     /* IRI -> the raptor_term drawn for it */
    pic_map names;     /* the names taken (values unused) */
};

/* What one write's triples say about a node. */
struct pic_info {
    const char *label; /* its first rdfs:label, or NULL */
    const char *cls;   /* its first dip: class, else first class, or NULL */
    int annot;         /* a NIF string annotation */
};

static size_t pic_hash(const char *k)
{
    return (size_t)dg_hash_bytes(0, k, strlen(k));
}

/* The value slot of `key`: NULL when absent, unless `add`, which adds it
 * (value NULL); with `add`, NULL means out of memory. */
static void **pic_find(pic_map *m, const char *key, int add)
{
    size_t i, j;

    if (add && (m->n + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        char **k = calloc(cap, sizeof *k);
        void **v = calloc(cap, sizeof *v);

        if (!k || !v) {
            free(k);
            free(v);
            return NULL;
        }
        for (i = 0; i < m->cap; i++) {
            if (!m->key[i])
                continue;
            for (j = pic_hash(m->key[i]) & (cap - 1); k[j];)
                j = (j + 1) & (cap - 1);
            k[j] = m->key[i];
            v[j] = m->val[i];
        }
        free(m->key);
        free(m->val);
        m->key = k;
        m->val = v;
        m->cap = cap;
    }
    if (!m->cap)
        return NULL;
    for (i = pic_hash(key) & (m->cap - 1); m->key[i];
         i = (i + 1) & (m->cap - 1))
        if (strcmp(m->key[i], key) == 0)
            return &m->val[i];
    if (!add)
        return NULL;
    if (m->owns) {
        if (!(m->key[i] = dup_bytes(key, strlen(key))))
            return NULL;
    } else {
        m->key[i] = (char *)key;
    }
    m->n++;
    return &m->val[i];
}

/* Frees the map; free_val (may be NULL) frees each non-NULL value. */
static void pic_map_free(pic_map *m, void (*free_val)(void *))
{
    size_t i;

    for (i = 0; i < m->cap; i++) {
        if (m->owns)
            free(m->key[i]);
        if (free_val && m->val[i])
            free_val(m->val[i]);
    }
    free(m->key);
    free(m->val);
    memset(m, 0, sizeof *m);
}

static void pic_free_term(void *t)
{
    raptor_free_term(t);
}

static struct dot_pic *dot_pic_new(void)
{
    struct dot_pic *pic = calloc(1, sizeof *pic);

    if (pic)
        pic->nodes.owns = pic->names.owns = 1;
    return pic;
}

static void dot_pic_free(struct dot_pic *pic)
{
    if (!pic)
        return;
    pic_map_free(&pic->nodes, pic_free_term);
    pic_map_free(&pic->names, NULL);
    free(pic);
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The part of an IRI after its last '#' or '/'. */
static const char *iri_tail(const char *iri)
{
    const char *h = strrchr(iri, '#'), *sl = strrchr(iri, '/');

    if (sl > h)
        h = sl;
    return h && h[1] ? h + 1 : iri;
}

/* The name node `iri` is drawn with (malloc'd), or NULL (none: the IRI,
 * or out of memory, *nomem set). */
static char *pic_name(const struct pic_info *in, const char *iri,
                      int *nomem)
{
    const char *cls = in && in->cls ? iri_tail(in->cls) : NULL;
    const char *label = in ? in->label : NULL;
    size_t n, i;
    char *name;

    if (!label && !cls)
        return NULL;
    n = (label ? strlen(label) : strlen(iri_tail(iri))) +
        (cls ? strlen(cls) : 0) + 4;
    if (!(name = malloc(n))) {
        *nomem = 1;
        return NULL;
    }
    if (label && cls)
        snprintf(name, n, "%s (%s)", label, cls);
    else if (label)
        snprintf(name, n, "%s", label);
    else
        snprintf(name, n, "%s %s", cls, iri_tail(iri));
    for (i = 0; name[i]; i++) {
        if (name[i] == '"')
            name[i] = '\'';
        else if (name[i] == '\\')
            name[i] = '/';
        else if ((unsigned char)name[i] < 0x20)
            name[i] = ' ';
    }
    return name;
}

/* A new reference to the term node `iri` is drawn with (named at its
 * first use, then the same for the whole document); NULL with *st
 * DG_ERR_NOMEM. */
static raptor_term *pic_node(dg_serializer *s, pic_map *infos,
                             const char *iri, dg_status *st)
{
    void **slot = pic_find(&s->pic->nodes, iri, 1), **taken, **ip;
    int nomem = 0;
    char *name, *cand;
    raptor_term *t;
    unsigned k;

    *st = DG_ERR_NOMEM;
    if (!slot)
        return NULL;
    if (*slot)
        return raptor_term_copy(*slot);
    ip = pic_find(infos, iri, 0);
    name = pic_name(ip ? *ip : NULL, iri, &nomem);
    if (nomem)
        return NULL;
    if (!name) {
        t = iri_term(s, iri, st);
    } else {
        cand = name;
        for (k = 2;; k++) {
            if (!(taken = pic_find(&s->pic->names, cand, 1)))
                break;
            if (!*taken) {
                *taken = s->pic;    /* any non-NULL mark */
                break;
            }
            if (cand != name)
                free(cand);
            if (!(cand = malloc(strlen(name) + 16)))
                break;
            snprintf(cand, strlen(name) + 16, "%s #%u", name, k);
        }
        t = taken && cand ? new_iri(s->world, cand) : NULL;
        if (cand != name)
            free(cand);
        free(name);
    }
    if (!t)
        return NULL;
    *slot = t;
    *st = DG_OK;
    return raptor_term_copy(t);
}

/* A new literal term for o, cut to PIC_LITERAL_MAX code points. */
static raptor_term *pic_literal(dg_serializer *s, const dg_term *o)
{
    size_t len = strlen(o->value), i = 0, n = 0;
    dg_term cut = *o;
    raptor_term *t;
    char *v;

    if (dg_utf8_count(o->value, len) <= PIC_LITERAL_MAX)
        return new_term(s->world, o);
    while (n++ < PIC_LITERAL_MAX - 1)
        dg_utf8_next(o->value, len, &i);
    if (!(v = malloc(i + 4)))
        return NULL;
    memcpy(v, o->value, i);
    memcpy(v + i, "\xe2\x80\xa6", 4);   /* U+2026 and NUL */
    cut.value = v;
    t = new_term(s->world, &cut);
    free(v);
    return t;
}

/* 1 when triple t stays out of the picture (see above). */
static int pic_skip(const dg_triple *t, pic_map *infos)
{
    void **ip;

    if (strcmp(t->p.value, PIC_RDF_TYPE) == 0 ||
        strcmp(t->p.value, PIC_RDFS_LABEL) == 0 ||
        starts_with(t->p.value, PIC_NIF) ||
        starts_with(t->p.value, PIC_ITSRDF))
        return 1;
    ip = pic_find(infos, t->s.value, 0);
    if (ip && ((struct pic_info *)*ip)->annot)
        return 1;
    ip = t->o.kind == DG_TERM_IRI ? pic_find(infos, t->o.value, 0) : NULL;
    return ip && ((struct pic_info *)*ip)->annot;
}

/* Gathers labels, classes and annotations of g's nodes into infos
 * (borrowing g's strings), checking every term. */
static dg_status pic_gather(dg_serializer *s, const dg_graph *g,
                            pic_map *infos)
{
    size_t i, n = dg_graph_size(g);

    for (i = 0; i < n; i++) {
        const dg_triple *t = dg_graph_triple(g, i);
        void **ip;
        struct pic_info *in;

        if (!term_writable(s, &t->s) || !term_writable(s, &t->p) ||
            !term_writable(s, &t->o))
            return DG_ERR_ARG;
        if (!(ip = pic_find(infos, t->s.value, 1)))
            return DG_ERR_NOMEM;
        if (!*ip && !(*ip = calloc(1, sizeof(struct pic_info))))
            return DG_ERR_NOMEM;
        in = *ip;
        if (strcmp(t->p.value, PIC_RDFS_LABEL) == 0 && !in->label &&
            t->o.kind == DG_TERM_LITERAL && t->o.value[0])
            in->label = t->o.value;
        else if (strcmp(t->p.value, PIC_RDF_TYPE) == 0 &&
                 t->o.kind == DG_TERM_IRI &&
                 (!in->cls || (!starts_with(in->cls, DG_NS_DIP) &&
                               starts_with(t->o.value, DG_NS_DIP))))
            in->cls = t->o.value;
        else if (strcmp(t->p.value, PIC_NIF "referenceContext") == 0)
            in->annot = 1;
    }
    return DG_OK;
}

/* dg_serializer_write for dot: g's triples as the picture above. */
static dg_status dot_write(dg_serializer *s, const dg_graph *g)
{
    pic_map infos = {NULL, NULL, 0, 0, 0};
    size_t i, n = dg_graph_size(g);
    dg_status st;

    if (s->err != DG_OK)
        return s->err;
    st = pic_gather(s, g, &infos);
    for (i = 0; i < n && st == DG_OK; i++) {
        const dg_triple *t = dg_graph_triple(g, i);
        raptor_term *rs, *rp = NULL, *ro = NULL;
        raptor_statement *stmt;

        if (pic_skip(t, &infos))
            continue;
        rs = pic_node(s, &infos, t->s.value, &st);
        if (rs)
            rp = iri_term(s, t->p.value, &st);
        if (rp)
            ro = t->o.kind == DG_TERM_IRI
                     ? pic_node(s, &infos, t->o.value, &st)
                     : pic_literal(s, &t->o);
        if (!ro) {
            raptor_free_term(rs);
            raptor_free_term(rp);
            if (st == DG_OK)
                st = DG_ERR_NOMEM;
            break;
        }
        /* Owns the three terms from here on, even when it fails. */
        stmt = raptor_new_statement_from_nodes(s->world, rs, rp, ro, NULL);
        if (!stmt) {
            st = DG_ERR_NOMEM;
            break;
        }
        if (raptor_serializer_serialize_statement(s->rs, stmt))
            fail(s, DG_ERR_RDF);
        raptor_free_statement(stmt);
        st = s->err;
    }
    pic_map_free(&infos, free);
    if (st != DG_OK)
        fail(s, st);
    return st;
}
