/*
 * serialize.c: writing a dg_graph as RDF: the dg_serializer, its
 * formats, its output stream, the checks every term passes, and the
 * documents of Raptor's own serializers (RDF/XML, RDF/JSON, dot).
 * N-Triples, N-Quads and Turtle are written by serialize_lines.c, the
 * dot picture chosen by serialize_dot.c, a corpus one article at a time
 * by serialize_blocks.c (see serialize.h).
 *
 * Everything is written into our own output buffer, through our own
 * Raptor iostream (ios_handler below) rather than Raptor's file-handle
 * stream, for reasons that come from measured Raptor 2.0.15 behaviour:
 *   - Raptor's writers ignore write errors, so every fwrite is checked
 *     here, and finish flushes and checks ferror itself (DG_ERR_IO);
 *   - Raptor's Turtle escaper leaves a carriage return raw, which is not
 *     Turtle inside a short "..." literal.  In our Turtle a raw CR byte
 *     can only come from literal text (IRIs with control characters are
 *     refused before they are written), and backslashes inside literals
 *     are always written doubled, so every raw CR becomes the two-byte
 *     escape \r, valid in short and long literals, keeping the value
 *     (DG_FILTER_CR);
 *   - Raptor's JSON writers escape a character above U+FFFF as
 *     \UXXXXXXXX, which JSON does not have: it becomes the UTF-16
 *     surrogate pair \uXXXX\uXXXX that JSON requires (DG_FILTER_JSON_U).
 * Terms are checked before they are written: an IRI must pass
 * dg_iri_valid (Raptor would write a space or '<' as a \u escape, which
 * no parser accepts inside <...>), a literal must be UTF-8, a language
 * tag must look like one, and neither may hold U+FFFE or U+FFFF (where
 * Raptor's escaper stops, cutting the term short).  Raptor's log messages go to the diag
 * callback; any error it logs makes the call fail with DG_ERR_RDF.
 */
#include "serialize.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const dg_format formats[] = {
    {"turtle", NULL, DG_WRITER_TURTLE, DG_FILTER_CR},
    {"ntriples", NULL, DG_WRITER_NTRIPLES, 0},
    {"nquads", NULL, DG_WRITER_NQUADS, 0},
    {"rdfxml", "rdfxml-abbrev", DG_WRITER_RAPTOR, 0},
    {"json", "json", DG_WRITER_RAPTOR, DG_FILTER_JSON_U},
    {"json-triples", "json-triples", DG_WRITER_RAPTOR, DG_FILTER_JSON_U},
    {"dot", "dot", DG_WRITER_DOT, 0},
    {"jsonld", NULL, DG_WRITER_JSONLD, 0},
    {"events-tsv", NULL, DG_WRITER_EVENTS, 0},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

/* rdf: first, as Raptor's Turtle and RDF/XML serializers declare it
 * themselves before any other. */
const dg_namespace dg_namespaces[] = {
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"dip", DG_NS_DIP},
    {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    {"skos", "http://www.w3.org/2004/02/skos/core#"},
    {"dcterms", "http://purl.org/dc/terms/"},
    {"prov", "http://www.w3.org/ns/prov#"},
    {"nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    {"itsrdf", "http://www.w3.org/2005/11/its/rdf#"},
    {"schema", "https://schema.org/"},
};
const size_t dg_nnamespaces = sizeof dg_namespaces / sizeof dg_namespaces[0];

/* The row of format `name`, or NULL. */
const dg_format *dg_ser_format(const char *name)
{
    size_t i;

    for (i = 0; name && i < NFORMATS; i++)
        if (strcmp(name, formats[i].name) == 0)
            return &formats[i];
    return NULL;
}

/* 1 when `format` is one of the names above. */
int dg_format_known(const char *format)
{
    return dg_ser_format(format) != NULL;
}

/* Records the first failure; later calls keep it. */
void dg_ser_fail(dg_serializer *s, dg_status st)
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
        dg_ser_fail(s, DG_ERR_IO);
        s->olen = 0;
        return -1;
    }
    s->olen = 0;
    return 0;
}

/* dg_ser_reserve when the buffer lacks room (serialize.h): makes room
 * for n more bytes in the output buffer, which goes to fh in
 * OBUF_SIZE pieces (Raptor writes many tiny pieces; one fwrite each
 * costs a fifth of the run): the next n bytes are appended without a
 * flush in between.  Without fh the buffer grows and holds the whole
 * output.  -1 (and s->err set) on a write error or out of memory. */
#define OBUF_SIZE 65536
int dg_ser_grow(dg_serializer *s, size_t n)
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
            dg_ser_fail(s, DG_ERR_NOMEM);
            return -1;
        }
        s->obuf = q;
        s->ocap = cap;
    }
    return 0;
}

/* A malloc'd, NUL-terminated copy of the n bytes at p, or NULL. */
char *dg_ser_dup(const char *p, size_t n)
{
    char *q = malloc(n + 1);

    if (q) {
        memcpy(q, p, n);
        q[n] = '\0';
    }
    return q;
}

/* DG_FILTER_CR: n bytes with every CR written as \r. */
static int put_cr_escaped(dg_serializer *s, const char *p, size_t n)
{
    const char *end = p + n, *cr;

    while ((cr = memchr(p, '\r', (size_t)(end - p))) != NULL) {
        if (dg_ser_put(s, p, (size_t)(cr - p)) || dg_ser_put(s, "\\r", 2))
            return -1;
        p = cr + 1;
    }
    return dg_ser_put(s, p, (size_t)(end - p));
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* DG_FILTER_JSON_U: n bytes of Raptor's JSON with each \UXXXXXXXX (a
 * code point above U+FFFF) written as the surrogate pair \uXXXX\uXXXX
 * (RFC 8259, section 7).  Inside a JSON string Raptor doubles every
 * backslash, so the byte after a single backslash is always the escape's
 * letter.  Raptor writes "\U" and the eight digits in separate pieces,
 * so the state (s->esc, s->esc_cp) carries over from one call to the
 * next. */
static int put_json_escaped(dg_serializer *s, const char *p, size_t n)
{
    const char *end = p + n, *bs;
    char pair[16];
    int d;

    while (p < end) {
        if (s->esc == 0) {
            if (!(bs = memchr(p, '\\', (size_t)(end - p))))
                return dg_ser_put(s, p, (size_t)(end - p));
            if (dg_ser_put(s, p, (size_t)(bs + 1 - p)))
                return -1;
            s->esc = 1;
            p = bs + 1;
        } else if (s->esc == 1) {
            s->esc = *p == 'U' ? 2 : 0;
            s->esc_cp = 0;
            if (s->esc == 0 && dg_ser_put(s, p, 1))
                return -1;
            p++;
        } else {
            if ((d = hex_digit(*p++)) < 0) {
                dg_ser_fail(s, DG_ERR_RDF);
                return -1;
            }
            s->esc_cp = s->esc_cp * 16 + (uint32_t)d;
            if (++s->esc < 10)
                continue;
            s->esc = 0;
            if (s->esc_cp < 0x10000 || s->esc_cp > 0x10FFFF) {
                dg_ser_fail(s, DG_ERR_RDF);
                return -1;
            }
            s->esc_cp -= 0x10000;
            snprintf(pair, sizeof pair, "u%04X\\u%04X",
                     (unsigned)(0xD800 + (s->esc_cp >> 10)),
                     (unsigned)(0xDC00 + (s->esc_cp & 0x3FF)));
            if (dg_ser_put(s, pair, 11))
                return -1;
        }
    }
    return 0;
}

/* What Raptor writes: through the format's filters into the buffer. */
static int ios_write_bytes(void *context, const void *ptr, size_t size,
                           size_t nmemb)
{
    dg_serializer *s = context;
    size_t n = size * nmemb;
    int rc;

    if (s->discard)
        return (int)nmemb;
    if (s->fmt->filters & DG_FILTER_CR)
        rc = put_cr_escaped(s, ptr, n);
    else if (s->fmt->filters & DG_FILTER_JSON_U)
        rc = put_json_escaped(s, ptr, n);
    else
        rc = dg_ser_put(s, ptr, n);
    return rc ? 0 : (int)nmemb;
}

/* Raptor writes most text a byte at a time: a byte no filter changes
 * goes straight into the buffer. */
static int ios_write_byte(void *context, const int byte)
{
    dg_serializer *s = context;
    char c = (char)byte;

    if (!s->discard && c != '\r' && c != '\\' && s->esc == 0 &&
        s->olen < s->ocap) {
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
        dg_ser_fail(s, DG_ERR_RDF);
        dg_diagf(s->diag, s->ctx, DG_ERR_RDF, NULL, "Raptor: %s",
                 m->text ? m->text : "unknown error");
    } else if (m->level >= RAPTOR_LOG_LEVEL_WARN) {
        dg_diagf(s->diag, s->ctx, DG_OK, NULL, "Raptor warning: %s",
                 m->text ? m->text : "");
    }
}

/* ------------------------------------------------------------------ */
/* Terms                                                               */
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

/* The byte offset in s of its first U+FFFE or U+FFFF, or -1.  Raptor's
 * term escaper stops at these noncharacters, and Raptor 2.0.15's
 * serializers then write the term cut short and report success. */
static long noncharacter_at(const char *s)
{
    const unsigned char *u = (const unsigned char *)s, *p = u;

    while ((p = (const unsigned char *)strchr((const char *)p, 0xEF)))
        if (p[1] == 0xBF && (p[2] & 0xFE) == 0xBE)
            return (long)(p - u);
        else
            p++;
    return -1;
}

/* Checks that every part of term t can be written; 0 and a diagnostic
 * (DG_ERR_ARG) when not. */
int dg_ser_term_ok(dg_serializer *s, const dg_term *t)
{
    size_t bad;
    long at;

    if (t->kind == DG_TERM_IRI) {
        if (iri_ok(t->value) && noncharacter_at(t->value) < 0)
            return 1;
        dg_diagf(s->diag, s->ctx, DG_ERR_ARG, NULL,
                 "refusing to write the invalid IRI <%s>", t->value);
        return 0;
    }
    /* before the UTF-8 check, which refuses noncharacters too, so that
     * the message names them */
    if ((at = noncharacter_at(t->value)) >= 0) {
        dg_diagf(s->diag, s->ctx, DG_ERR_ARG, NULL,
                 "refusing to write the noncharacter U+FFF%c in a literal "
                 "(byte %ld): Raptor cannot write it",
                 t->value[at + 2] == '\xbe' ? 'E' : 'F', at);
        return 0;
    }
    if (!dg_utf8_valid(t->value, strlen(t->value), &bad)) {
        dg_diagf(s->diag, s->ctx, DG_ERR_ARG, NULL,
                 "literal is not UTF-8 (byte %zu)", bad);
        return 0;
    }
    if (t->datatype && (!s->dt_ok[0] || strcmp(t->datatype, s->dt_ok))) {
        if (!iri_ok(t->datatype) || noncharacter_at(t->datatype) >= 0) {
            dg_diagf(s->diag, s->ctx, DG_ERR_ARG, NULL,
                     "refusing to write the invalid datatype IRI <%s>",
                     t->datatype);
            return 0;
        }
        if (strlen(t->datatype) < sizeof s->dt_ok)
            strcpy(s->dt_ok, t->datatype);
    }
    if (t->lang && !lang_valid(t->lang)) {
        dg_diagf(s->diag, s->ctx, DG_ERR_ARG, NULL,
                 "invalid language tag '%s'", t->lang);
        return 0;
    }
    return 1;
}

/* A new Raptor term for IRI `iri` (unchecked), or NULL. */
raptor_term *dg_ser_new_iri(raptor_world *w, const char *iri)
{
    return raptor_new_term_from_uri_string(w, (const unsigned char *)iri);
}

/* A new Raptor term for t (unchecked), or NULL. */
raptor_term *dg_ser_new_term(raptor_world *w, const dg_term *t)
{
    raptor_uri *dt = NULL;
    raptor_term *r;
    const char *lang = t->datatype ? NULL : t->lang;

    if (t->kind == DG_TERM_IRI)
        return dg_ser_new_iri(w, t->value);
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

/* ------------------------------------------------------------------ */
/* Documents                                                           */
/* ------------------------------------------------------------------ */

static dg_status set_namespace(dg_serializer *s, const char *prefix,
                               const char *iri)
{
    raptor_uri *u = raptor_new_uri(s->world, (const unsigned char *)iri);

    if (!u)
        return DG_ERR_NOMEM;
    /* Fails harmlessly where a syntax has no prefixes (json) or declares
     * this one itself (rdf: in rdfxml). */
    (void)raptor_serializer_set_namespace(s->rs, u,
                                          (const unsigned char *)prefix);
    raptor_free_uri(u);
    return DG_OK;
}

/* Sets s up for format f and data base IRI `base` (valid): opens its
 * Raptor world and our iostream.  Line formats turn URI interning off:
 * their IRIs never meet Raptor's URI compare, and interning and
 * releasing each uncached IRI was a twentieth of a corpus run.  On
 * failure s holds what dg_ser_release frees. */
dg_status dg_ser_open(dg_serializer *s, const dg_format *f,
                      const char *base, dg_diag_fn diag, void *ctx)
{
    int lines = f->writer == DG_WRITER_NTRIPLES ||
                f->writer == DG_WRITER_NQUADS ||
                f->writer == DG_WRITER_TURTLE;

    s->fmt = f;
    s->diag = diag;
    s->ctx = ctx;
    if (!(s->base = dg_ser_dup(base, strlen(base))))
        return DG_ERR_NOMEM;
    if (f->writer == DG_WRITER_DOT && !(s->pic = dg_dot_new()))
        return DG_ERR_NOMEM;
    if (!(s->world = raptor_new_world()))
        return DG_ERR_NOMEM;
    raptor_world_set_log_handler(s->world, s, on_log);
    if (lines)
        raptor_world_set_flag(s->world, RAPTOR_WORLD_FLAG_URI_INTERNING, 0);
    if (raptor_world_open(s->world))
        return DG_ERR_RDF;
    if (!(s->ios = raptor_new_iostream_from_handler(s->world, s,
                                                   &ios_handler)))
        return DG_ERR_NOMEM;
    return DG_OK;
}

/* Starts a document: a Raptor serializer with our prefixes (the data
 * prefix `id:` for s->base) on our iostream, or the head our line
 * writers write (Turtle's prefixes). */
dg_status dg_ser_start(dg_serializer *s)
{
    dg_status st = DG_OK;
    size_t i;

    s->esc = 0;
    s->started = 1;
    s->ended = 0;
    if (s->fmt->writer == DG_WRITER_JSONLD)
        return dg_jsonld_head(s);
    if (s->fmt->writer == DG_WRITER_EVENTS)
        return dg_events_head(s);
    if (!s->fmt->raptor)
        return dg_lines_head(s);
    if (!(s->rs = raptor_new_serializer(s->world, s->fmt->raptor)))
        return DG_ERR_RDF;
    for (i = 0; i < dg_nnamespaces && st == DG_OK; i++)
        st = set_namespace(s, dg_namespaces[i].prefix, dg_namespaces[i].iri);
    if (st == DG_OK)
        st = set_namespace(s, "id", s->base);
    if (st == DG_OK &&
        raptor_serializer_start_to_iostream(s->rs, NULL, s->ios))
        st = DG_ERR_RDF;
    return st;
}

/* Ends the document started by dg_ser_start. */
dg_status dg_ser_end(dg_serializer *s)
{
    if (s->err == DG_OK && s->started && !s->ended) {
        s->ended = 1;
        if (s->rs && raptor_serializer_serialize_end(s->rs))
            dg_ser_fail(s, DG_ERR_RDF);
        if (s->fmt->writer == DG_WRITER_JSONLD)
            dg_jsonld_foot(s);
    }
    return s->err;
}

/* Releases the document's Raptor serializer.  A document started but not
 * ended is ended first, writing nothing: some Raptor serializers (dot)
 * release their state only when the document ends. */
void dg_ser_close(dg_serializer *s)
{
    if (s->rs && s->started && !s->ended) {
        s->discard = 1;
        raptor_serializer_serialize_end(s->rs);
        s->discard = 0;
    }
    if (s->rs)
        raptor_free_serializer(s->rs);
    s->rs = NULL;
    s->started = s->ended = 0;
}

/* Frees what dg_ser_open made and the document (not s itself). */
void dg_ser_release(dg_serializer *s)
{
    dg_ser_close(s);
    dg_lines_free(s);
    dg_dot_free(s->pic);
    if (s->ios)
        raptor_free_iostream(s->ios);
    if (s->world)
        raptor_free_world(s->world);
    free(s->obuf);
    free(s->base);
}

/* Starts writing `format` to `fh` (see diplograph.h).  `base` NULL means
 * DG_DEFAULT_BASE; a base that is not a valid IRI is DG_ERR_ARG. */
dg_status dg_serializer_new(const char *format, const char *base, FILE *fh,
                            dg_serializer **out, dg_diag_fn diag, void *ctx)
{
    const dg_format *f = dg_ser_format(format);
    dg_serializer *s = NULL;
    dg_status st = DG_ERR_NOMEM;

    if (!out || !fh) {
        dg_diagf(diag, ctx, DG_ERR_ARG, NULL, "no output stream");
        return DG_ERR_ARG;
    }
    if (!f) {
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
    if (!(s = calloc(1, sizeof *s)))
        goto out;
    s->fh = fh;
    if ((st = dg_ser_open(s, f, base, diag, ctx)) != DG_OK ||
        (st = dg_ser_start(s)) != DG_OK)
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
                 f->name);
    dg_serializer_free(s);
    return st;
}

/* ------------------------------------------------------------------ */
/* Statements                                                          */
/* ------------------------------------------------------------------ */

/* Writes one triple (in graph `gi`, an IRI or NULL) through the Raptor
 * serializer of the document. */
static dg_status write_statement(dg_serializer *s, const dg_triple *t,
                                 const char *gi)
{
    raptor_term *rs, *rp, *ro = NULL, *rg = NULL;
    raptor_statement *stmt;
    dg_status st = DG_OK;

    if (t->o.kind != DG_TERM_IRI && !dg_ser_term_ok(s, &t->o))
        return DG_ERR_ARG;
    rs = dg_ser_iri_term(s, t->s.value, &st);
    rp = rs ? dg_ser_iri_term(s, t->p.value, &st) : NULL;
    if (rp)
        ro = t->o.kind == DG_TERM_IRI ? dg_ser_iri_term(s, t->o.value, &st)
                                      : dg_ser_new_term(s->world, &t->o);
    if (ro && gi)
        rg = dg_ser_iri_term(s, gi, &st);
    if (!rs || !rp || !ro || (gi && !rg)) {
        raptor_free_term(rs);
        raptor_free_term(rp);
        raptor_free_term(ro);
        raptor_free_term(rg);
        return st == DG_ERR_ARG ? DG_ERR_ARG : DG_ERR_NOMEM;
    }
    /* Owns the four terms from here on, even when it fails. */
    stmt = raptor_new_statement_from_nodes(s->world, rs, rp, ro, rg);
    if (!stmt)
        return DG_ERR_NOMEM;
    if (raptor_serializer_serialize_statement(s->rs, stmt))
        dg_ser_fail(s, DG_ERR_RDF);
    raptor_free_statement(stmt);
    return s->err;
}

/* Writes triples [from, to) of g (in graph `graph_iri` in N-Quads). */
dg_status dg_ser_write_range(dg_serializer *s, const dg_graph *g,
                             size_t from, size_t to, const char *graph_iri)
{
    const char *gi = s->fmt->writer == DG_WRITER_NQUADS ||
                     s->fmt->writer == DG_WRITER_JSONLD ? graph_iri : NULL;
    dg_status st = DG_OK;
    size_t i;

    if (s->err != DG_OK)
        return s->err;
    if (gi && !dg_iri_valid(gi)) {
        dg_diagf(s->diag, s->ctx, DG_ERR_ARG, NULL,
                 "refusing to write the invalid graph IRI <%s>", gi);
        return DG_ERR_ARG;
    }
    if (s->fmt->writer == DG_WRITER_JSONLD)
        st = dg_jsonld_write(s, g, from, to, gi);
    else if (s->fmt->writer == DG_WRITER_EVENTS)
        st = dg_events_write(s, g, from, to);
    else if (!s->fmt->raptor)
        st = dg_lines_write(s, g, from, to, gi);
    for (i = from; s->fmt->raptor && i < to && st == DG_OK; i++)
        st = write_statement(s, dg_graph_triple(g, i), gi);
    if (st != DG_OK)
        dg_ser_fail(s, st);
    return st;
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
        return dg_dot_write(s, g);
    return dg_ser_write_range(s, g, 0, dg_graph_size(g), graph_iri);
}

/* Ends the document, flushes the stream and checks it for errors. */
dg_status dg_serializer_finish(dg_serializer *s)
{
    if (!s)
        return DG_ERR_ARG;
    dg_ser_end(s);
    errno = 0;
    if (s->err == DG_OK)
        flush_obuf(s);
    if (fflush(s->fh) != 0 || ferror(s->fh)) {
        if (s->err == DG_OK)
            s->io_errno = errno;
        dg_ser_fail(s, DG_ERR_IO);
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
    dg_ser_release(s);
    free(s);
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
        st = dg_ser_write_range(s, g, from, to, NULL);
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
