/*
 * serialize_lines.c: N-Triples, N-Quads and Turtle, written by us from
 * Raptor's term escaper, and the cache of each IRI's text.
 *
 * Every IRI and literal is escaped by raptor_string_escaped_write, the
 * escaper raptor_term_escaped_write (Raptor's term writer) and Raptor's
 * own N-Triples and Turtle serializers call, with the same flags, so the
 * terms are byte for byte what Raptor writes.  The term writer itself is
 * not called because in Raptor 2.0.15 it drops the escaper's failure (a
 * noncharacter such as U+FFFF ends the term early and the call still
 * succeeds), and with the Turtle flags it writes every literal as a
 * """long string""" and its datatype as a full <IRI>
 * (RAPTOR_ESCAPED_WRITE_TURTLE_LITERAL == _TURTLE_LONG_LITERAL there).
 *
 * N-Triples and N-Quads: one line a triple, in the graph's order, the
 * terms joined by " " and ended by " .\n" as Raptor's serializers do
 * (tests/parsers.sh and tests/robust.sh compare with them byte for byte).
 *
 * Turtle: the @prefix lines once a document, then per dg_serializer_write
 * (one article) its triples grouped by subject, then predicate:
 *     <subject>
 *         predicate object, object ;
 *         a class .
 *     (blank line)
 * in the order of Raptor 2.0.15's Turtle serializer: subjects, then
 * predicates, then objects by their text (strcmp), IRIs before literals,
 * and among literals of the same text the plain one, then typed (by
 * datatype), then language-tagged (by tag).  So the output depends only
 * on the article's triples, not on -j, and where Raptor's serializer
 * gives the same prefixed names it is byte-identical to its output.  An
 * IRI is written prefix:local where a namespace of the document is a
 * prefix of it and the rest is a Turtle PN_LOCAL as it stands (no
 * escapes), else as <IRI>; rdf:type as a predicate is "a"; a literal
 * holding a line feed is a """long string""" (as Raptor decides), any
 * other "short"; typed literals stay "text"^^datatype (numbers and
 * booleans too: no bare 5 or true).  An IRI whose path has a dot segment
 * is refused (see has_dot_segment): parsers disagree on what it says.
 *
 * The cache: a direct-mapped table of IRIs already checked and made.
 * Most IRIs of a graph (predicates, classes, entities) repeat, and
 * checking and writing each again cost a fifth of a corpus run.  An
 * entry keeps the IRI's text in the document's syntax (line formats) or
 * its Raptor term (Raptor's serializers, dot).
 */
#include "serialize.h"

#include <stdlib.h>
#include <string.h>

#define TCACHE_SIZE 4096
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

struct tcache_ent {
    char *iri;
    raptor_term *term;  /* Raptor's serializers */
    char *text;         /* line formats: the IRI as written */
    size_t text_len;
};

/* Turtle's prefixes (dg_namespaces and id: for the base), made once a
 * serializer, and the @prefix lines that declare them. */
struct turtle_ns {
    char *head;
    size_t head_len;
    size_t n;
    struct {
        const char *prefix, *iri;
        size_t prefix_len, iri_len;
    } ns[];   /* [n] */
};

/* ------------------------------------------------------------------ */
/* The cache                                                           */
/* ------------------------------------------------------------------ */

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
    e->iri = dg_ser_dup(iri, n);
    return e->iri != NULL;
}

/* Frees the cache, Turtle's prefixes and the order of triples. */
void dg_lines_free(dg_serializer *s)
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
    if (s->tns)
        free(s->tns->head);
    free(s->tns);
    s->tns = NULL;
    free(s->order);
    s->order = NULL;
    s->order_cap = 0;
}

/* A new reference to the Raptor term of IRI `iri`, checked (a cache hit
 * was checked before); NULL with *st DG_ERR_ARG (and a diagnostic) or
 * DG_ERR_NOMEM. */
raptor_term *dg_ser_iri_term(dg_serializer *s, const char *iri,
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
    if (!dg_ser_term_ok(s, &dt))
        return NULL;
    *st = DG_ERR_NOMEM;
    if (!(t = dg_ser_new_iri(s->world, iri)))
        return NULL;
    if (tcache_claim(e, iri, n))
        e->term = raptor_term_copy(t);
    return t;
}

/* ------------------------------------------------------------------ */
/* Terms                                                               */
/* ------------------------------------------------------------------ */

/* Writes the n bytes at p escaped by Raptor's term escaper with `flags`
 * and the delimiter `delim` ('>' for an IRI, '"' for a literal); -1 when
 * the stream failed or Raptor refused a character (DG_ERR_RDF; the
 * terms were checked for those it refuses, see dg_ser_term_ok). */
static int put_escaped(dg_serializer *s, const char *p, size_t n,
                       char delim, unsigned flags)
{
    if (raptor_string_escaped_write((const unsigned char *)p, n, delim,
                                    flags, s->ios) != 0) {
        dg_ser_fail(s, DG_ERR_RDF);
        dg_diagf(s->diag, s->ctx, DG_ERR_RDF, NULL,
                 "Raptor cannot escape a term");
    }
    return s->err == DG_OK ? 0 : -1;
}

/* PN_LOCAL's character classes (Turtle, W3C Recommendation 2014,
 * grammar rules 163-171), for ASCII: 1 may start a local name
 * (PN_CHARS_U, ':', a digit, '%' of a PERCENT), 2 may follow
 * (PN_CHARS, '.', ':', PERCENT). */
static const unsigned char pn_ascii[128] = {
    ['_'] = 3, [':'] = 3, ['%'] = 3, ['-'] = 2, ['.'] = 2,
    ['0'] = 3, ['1'] = 3, ['2'] = 3, ['3'] = 3, ['4'] = 3,
    ['5'] = 3, ['6'] = 3, ['7'] = 3, ['8'] = 3, ['9'] = 3,
    ['A'] = 3, ['B'] = 3, ['C'] = 3, ['D'] = 3, ['E'] = 3, ['F'] = 3,
    ['G'] = 3, ['H'] = 3, ['I'] = 3, ['J'] = 3, ['K'] = 3, ['L'] = 3,
    ['M'] = 3, ['N'] = 3, ['O'] = 3, ['P'] = 3, ['Q'] = 3, ['R'] = 3,
    ['S'] = 3, ['T'] = 3, ['U'] = 3, ['V'] = 3, ['W'] = 3, ['X'] = 3,
    ['Y'] = 3, ['Z'] = 3,
    ['a'] = 3, ['b'] = 3, ['c'] = 3, ['d'] = 3, ['e'] = 3, ['f'] = 3,
    ['g'] = 3, ['h'] = 3, ['i'] = 3, ['j'] = 3, ['k'] = 3, ['l'] = 3,
    ['m'] = 3, ['n'] = 3, ['o'] = 3, ['p'] = 3, ['q'] = 3, ['r'] = 3,
    ['s'] = 3, ['t'] = 3, ['u'] = 3, ['v'] = 3, ['w'] = 3, ['x'] = 3,
    ['y'] = 3, ['z'] = 3,
};

/* The PN_LOCAL class (as pn_ascii) of code point c above U+007F:
 * PN_CHARS_BASE may start, U+00B7 and the combining ranges of PN_CHARS
 * only follow. */
static int pn_class(uint32_t c)
{
    if ((c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
        (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
        (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
        (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
        (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
        (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF))
        return 3;
    if (c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
        (c >= 0x203F && c <= 0x2040))
        return 2;
    return 0;
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* 1 when the n bytes at p (valid UTF-8) can be written after "prefix:"
 * as they are: empty (the prefix alone) or a PN_LOCAL without escapes
 * (a '%' only with two hex digits, no '.' at the end, no '-' or '.' at
 * the start). */
static int pn_local(const char *p, size_t n)
{
    size_t i = 0, at;
    int cls = 3;

    while (i < n) {
        at = i;
        if ((unsigned char)p[i] < 0x80)
            cls = pn_ascii[(unsigned char)p[i++]];
        else
            cls = pn_class(dg_utf8_next(p, n, &i));
        if (!(cls & (at == 0 ? 1 : 2)))
            return 0;
        if (p[at] == '%') {
            if (n - i < 2 || !is_hex(p[i]) || !is_hex(p[i + 1]))
                return 0;
            i += 2;
        }
    }
    return n == 0 || p[n - 1] != '.';
}

/* Makes s->tns: the prefixes and their @prefix lines, each namespace
 * IRI as Raptor's Turtle serializer writes it. */
static dg_status turtle_prefixes(dg_serializer *s)
{
    struct turtle_ns *t;
    size_t i, start, room = 1;

    t = calloc(1, sizeof *t + (dg_nnamespaces + 1) * sizeof t->ns[0]);
    if (!(s->tns = t))
        return DG_ERR_NOMEM;
    for (i = 0; i <= dg_nnamespaces; i++) {
        t->ns[i].prefix = i < dg_nnamespaces ? dg_namespaces[i].prefix : "id";
        t->ns[i].iri = i < dg_nnamespaces ? dg_namespaces[i].iri : s->base;
        t->ns[i].prefix_len = strlen(t->ns[i].prefix);
        t->ns[i].iri_len = strlen(t->ns[i].iri);
        room += t->ns[i].prefix_len + 10 * t->ns[i].iri_len + 16;
    }
    t->n = i;
    /* Written into the buffer (no flush in between), copied, taken back. */
    if (dg_ser_reserve(s, room))
        return s->err;
    start = s->olen;
    for (i = 0; i < t->n; i++)
        if (dg_ser_put(s, "@prefix ", 8) ||
            dg_ser_put(s, t->ns[i].prefix, t->ns[i].prefix_len) ||
            dg_ser_put(s, ": <", 3) ||
            put_escaped(s, t->ns[i].iri, t->ns[i].iri_len, '>',
                        RAPTOR_ESCAPED_WRITE_TURTLE_URI) ||
            dg_ser_put(s, "> .\n", 4))
            return s->err;
    if (dg_ser_put(s, "\n", 1))
        return s->err;
    t->head_len = s->olen - start;
    s->olen = start;
    if (!(t->head = dg_ser_dup(s->obuf + start, t->head_len)))
        return DG_ERR_NOMEM;
    return DG_OK;
}

/* Writes IRI `iri` (n bytes) in the document's syntax: Turtle's prefixed
 * name where one fits (the longest namespace whose rest is a PN_LOCAL),
 * else <IRI> escaped as Raptor does. */
static int write_iri(dg_serializer *s, const char *iri, size_t n)
{
    const struct turtle_ns *t = s->tns;
    size_t i, best = 0, best_len = 0;
    unsigned flags = RAPTOR_ESCAPED_WRITE_NTRIPLES_URI;

    if (s->fmt->writer == DG_WRITER_TURTLE) {
        flags = RAPTOR_ESCAPED_WRITE_TURTLE_URI;
        for (i = 0; i < t->n; i++)
            if (t->ns[i].iri_len > best_len && t->ns[i].iri_len <= n &&
                memcmp(iri, t->ns[i].iri, t->ns[i].iri_len) == 0 &&
                pn_local(iri + t->ns[i].iri_len, n - t->ns[i].iri_len)) {
                best = i;
                best_len = t->ns[i].iri_len;
            }
        if (best_len)
            return dg_ser_put(s, t->ns[best].prefix, t->ns[best].prefix_len) ||
                   dg_ser_put(s, ":", 1) ||
                   dg_ser_put(s, iri + best_len, n - best_len);
    }
    return dg_ser_put(s, "<", 1) || put_escaped(s, iri, n, '>', flags) ||
           dg_ser_put(s, ">", 1);
}

/* 1 when the path of IRI `iri` (valid) has a dot segment, "." or "..".
 * Reading Turtle, Raptor and Jena resolve every IRI by RFC 3986 (5.2),
 * which removes them (<http://ex.org/a/../b> is read as
 * <http://ex.org/b>), while Serd and rdflib keep them: no Turtle says
 * such an IRI to all of them. */
static int has_dot_segment(const char *iri)
{
    const char *p = strchr(iri, ':') + 1, *seg;
    size_t len;

    if (p[0] == '/' && p[1] == '/')
        p += 2 + strcspn(p + 2, "/?#");   /* the authority */
    for (seg = p;; seg += len + 1) {
        len = strcspn(seg, "/?#");
        if ((len == 1 && seg[0] == '.') ||
            (len == 2 && seg[0] == '.' && seg[1] == '.'))
            return 1;
        if (seg[len] != '/')
            return 0;
    }
}

/* The text of IRI `iri` in the document's syntax (*len bytes, borrowed
 * from the cache until the next call); NULL with *st DG_ERR_ARG (and a
 * diagnostic), DG_ERR_RDF, DG_ERR_NOMEM or DG_ERR_IO. */
static const char *iri_text(dg_serializer *s, const char *iri, size_t *len,
                            dg_status *st)
{
    struct tcache_ent *e;
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
    if (!dg_ser_term_ok(s, &dt))
        return NULL;
    if (s->fmt->writer == DG_WRITER_TURTLE && has_dot_segment(iri)) {
        dg_diagf(s->diag, s->ctx, DG_ERR_ARG, NULL,
                 "refusing to write the IRI <%s> in Turtle: Raptor and "
                 "Jena would read it without its dot segments; N-Triples "
                 "keeps it", iri);
        return NULL;
    }
    /* Written into the buffer (at most 10 bytes for each byte of the
     * IRI: \UXXXXXXXX), where it is copied and taken back. */
    if (dg_ser_reserve(s, 10 * n + 2) == 0) {
        at = s->olen;   /* after reserve, which may flush */
        write_iri(s, iri, n);
    }
    if (s->err != DG_OK) {
        *st = s->err;
        return NULL;
    }
    *st = DG_ERR_NOMEM;
    text = dg_ser_dup(s->obuf + at, s->olen - at);
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

/* Writes IRI `iri` (from the cache) and then the n bytes at `after`. */
static int put_iri(dg_serializer *s, const char *iri, const char *after,
                   size_t n, dg_status *st)
{
    size_t len;
    const char *text = iri_text(s, iri, &len, st);

    if (!text)
        return -1;
    if (dg_ser_put(s, text, len) || dg_ser_put(s, after, n)) {
        *st = s->err;
        return -1;
    }
    return 0;
}

/* Writes literal o (checked) as Raptor's serializers do: its text in
 * quotes, escaped, then ^^datatype or @language; Turtle's text with a
 * line feed in triple quotes. */
static int put_literal(dg_serializer *s, const dg_term *o, dg_status *st)
{
    size_t n = strlen(o->value);
    unsigned flags = RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL;
    const char *q = "\"";

    if (s->fmt->writer == DG_WRITER_TURTLE) {
        flags = RAPTOR_ESCAPED_WRITE_TURTLE_LITERAL;
        if (memchr(o->value, '\n', n)) {
            flags = RAPTOR_ESCAPED_WRITE_TURTLE_LONG_LITERAL;
            q = "\"\"\"";
        }
    }
    *st = DG_OK;
    if (dg_ser_put(s, q, strlen(q)) || put_escaped(s, o->value, n, '"', flags) ||
        dg_ser_put(s, q, strlen(q)) ||
        (o->datatype && dg_ser_put(s, "^^", 2)) ||
        (!o->datatype && o->lang && (dg_ser_put(s, "@", 1) ||
                                     dg_ser_put(s, o->lang, strlen(o->lang))))) {
        *st = s->err;
        return -1;
    }
    return o->datatype ? put_iri(s, o->datatype, "", 0, st) : 0;
}

/* Writes object o: an IRI from the cache or a literal (checked here). */
static int put_object(dg_serializer *s, const dg_term *o, dg_status *st)
{
    if (o->kind == DG_TERM_IRI)
        return put_iri(s, o->value, "", 0, st);
    if (!dg_ser_term_ok(s, o)) {
        *st = DG_ERR_ARG;
        return -1;
    }
    return put_literal(s, o, st);
}

/* ------------------------------------------------------------------ */
/* N-Triples and N-Quads                                               */
/* ------------------------------------------------------------------ */

/* Writes one triple as an N-Triples (or N-Quads, with graph `gi`) line. */
static dg_status write_line(dg_serializer *s, const dg_triple *t,
                            const char *gi)
{
    dg_status st = DG_OK;

    if (put_iri(s, t->s.value, " ", 1, &st) ||
        put_iri(s, t->p.value, " ", 1, &st) || put_object(s, &t->o, &st) ||
        dg_ser_put(s, " ", 1) || (gi && put_iri(s, gi, " ", 1, &st)) ||
        dg_ser_put(s, ".\n", 2))
        return st != DG_OK ? st : s->err;
    return DG_OK;
}

/* ------------------------------------------------------------------ */
/* Turtle                                                              */
/* ------------------------------------------------------------------ */

/* Among literals of the same text: plain 0, typed 1, language-tagged 2. */
static int literal_rank(const dg_term *t)
{
    return t->datatype ? 1 : t->lang ? 2 : 0;
}

/* Raptor 2.0.15's order of objects (see the file comment). */
static int compare_objects(const dg_term *a, const dg_term *b)
{
    int d;

    if (a->kind != b->kind)
        return a->kind == DG_TERM_IRI ? -1 : 1;
    if ((d = strcmp(a->value, b->value)) != 0 || a->kind == DG_TERM_IRI)
        return d;
    if ((d = literal_rank(a) - literal_rank(b)) != 0)
        return d;
    return a->datatype ? strcmp(a->datatype, b->datatype)
                       : a->lang ? strcmp(a->lang, b->lang) : 0;
}

/* qsort's comparison of two triple pointers: subject, predicate,
 * object. */
static int compare_triples(const void *x, const void *y)
{
    const dg_triple *a = *(const dg_triple *const *)x;
    const dg_triple *b = *(const dg_triple *const *)y;
    int d = strcmp(a->s.value, b->s.value);

    if (d == 0)
        d = strcmp(a->p.value, b->p.value);
    return d ? d : compare_objects(&a->o, &b->o);
}

/* Writes the triples t[0..n) of one subject, in order. */
static dg_status write_subject(dg_serializer *s, const dg_triple *const *t,
                               size_t n)
{
    dg_status st = DG_OK;
    size_t i;

    if (put_iri(s, t[0]->s.value, "\n    ", 5, &st))
        return st;
    for (i = 0; i < n; i++) {
        const char *p = t[i]->p.value;

        if (i > 0 && strcmp(p, t[i - 1]->p.value) == 0) {
            if (dg_ser_put(s, ", ", 2))
                return s->err;
        } else {
            if (i > 0 && dg_ser_put(s, " ;\n    ", 7))
                return s->err;
            if (strcmp(p, RDF_TYPE) == 0) {
                if (dg_ser_put(s, "a ", 2))
                    return s->err;
            } else if (put_iri(s, p, " ", 1, &st)) {
                return st;
            }
        }
        if (put_object(s, &t[i]->o, &st))
            return st;
    }
    return dg_ser_put(s, " .\n\n", 4) ? s->err : DG_OK;
}

/* Writes triples [from, to) of g grouped by subject (see the file
 * comment). */
static dg_status write_turtle(dg_serializer *s, const dg_graph *g,
                              size_t from, size_t to)
{
    const dg_triple **t;
    size_t n = to - from, i, j;
    dg_status st = DG_OK;

    if (n == 0)
        return DG_OK;
    if (n > s->order_cap) {
        free(s->order);
        s->order_cap = 0;
        if (!(s->order = malloc(n * sizeof *s->order)))
            return DG_ERR_NOMEM;
        s->order_cap = n;
    }
    t = s->order;
    for (i = 0; i < n; i++)
        t[i] = dg_graph_triple(g, from + i);
    qsort(t, n, sizeof *t, compare_triples);
    for (i = 0; i < n && st == DG_OK; i = j) {
        for (j = i + 1; j < n && strcmp(t[j]->s.value, t[i]->s.value) == 0;)
            j++;
        st = write_subject(s, t + i, j - i);
    }
    return st;
}

/* ------------------------------------------------------------------ */
/* The line writers                                                    */
/* ------------------------------------------------------------------ */

/* Writes the head of a document: Turtle's @prefix lines (made once),
 * nothing in N-Triples and N-Quads. */
dg_status dg_lines_head(dg_serializer *s)
{
    dg_status st;

    if (s->fmt->writer != DG_WRITER_TURTLE)
        return DG_OK;
    if (!s->tns && (st = turtle_prefixes(s)) != DG_OK)
        return st;
    return dg_ser_put(s, s->tns->head, s->tns->head_len) ? s->err : DG_OK;
}

/* Writes triples [from, to) of g (in graph `gi` in N-Quads). */
dg_status dg_lines_write(dg_serializer *s, const dg_graph *g, size_t from,
                         size_t to, const char *gi)
{
    dg_status st = DG_OK;
    size_t i;

    if (s->fmt->writer == DG_WRITER_TURTLE)
        return write_turtle(s, g, from, to);
    for (i = from; i < to && st == DG_OK; i++)
        st = write_line(s, dg_graph_triple(g, i), gi);
    return st;
}
