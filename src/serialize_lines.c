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
 * its Raptor term (Raptor's serializers, dot).  In front of it, the
 * texts of one graph's IRIs by term id (struct term_texts); behind it,
 * the escaped beginnings of IRIs (struct iri_head).  Turtle's order
 * comes from ranking each term once (struct turtle_order), not from
 * comparing the triples' strings.
 */
#include "serialize.h"

#include <stdlib.h>
#include <string.h>

#define TCACHE_SIZE 4096
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

struct tcache_ent {
    char *iri;
    size_t iri_len;
    raptor_term *term;  /* Raptor's serializers */
    char *text;         /* line formats: the IRI as written */
    size_t text_len;
};

/* Escaped beginnings of IRIs.  The IRIs written once each (an article's
 * mentions and events) share their part up to the last '/' or '#' with
 * many others, the article's IRI or the base: that part is escaped once
 * and kept here, in a direct-mapped table.  Raptor's escaper
 * (raptor_string_escaped_write, 2.0.15) writes each UTF-8 character, or
 * its escape, on its own, so its output for a beginning and then for
 * the rest is its output for the whole IRI; it escapes both.  It reads
 * up to the NUL, not up to its length argument: a beginning is escaped
 * from a NUL-terminated copy. */
#define HEADS_SIZE 256
struct iri_head {
    char *head;           /* NULL: an empty entry */
    size_t len;
    char *text;           /* escaped */
    size_t text_len;
};

/* The text of each IRI of one graph as written, by term id, copied from
 * the cache the first time the graph's writing needs it: an array look-up
 * where the cache costs a hash and a comparison of the IRI (three of each
 * an N-Triples line).  Valid while the graph's generation is
 * `generation` (see dg_graph_generation). */
struct term_texts {
    uint64_t generation;
    struct {
        size_t at, len;   /* at: offset + 1 in buf; 0: not made yet */
    } *text;              /* [cap], by term id */
    size_t cap, hi;       /* ids from hi on are not made */
    char *buf;            /* the texts, one after another */
    size_t used, room;
};

/* Turtle's order of one graph's triples (see the file comment): each
 * term written gets its rank among them once, and the triples are put
 * in order of their ranks of subject, predicate and object by three
 * counting sorts (least significant first: object, predicate, subject),
 * O(triples + terms). */
#define UNRANKED UINT32_MAX
struct turtle_key {
    uint32_t r[3];        /* ranks of subject, predicate, object */
};
struct turtle_order {
    struct term_ref {
        const dg_term *t;
        uint32_t id;
    } *refs;              /* [nterms]: the distinct terms ... */
    const struct term_ref **sorted;  /* ... in order */
    size_t nterms, refs_cap, sorted_cap;
    uint32_t *rank;       /* [rank_cap] by term id; UNRANKED but while
                           * order_triples runs */
    size_t rank_cap;
    size_t *count;        /* [nterms + 1]: a counting sort's counts */
    size_t count_cap;
    struct turtle_key *keys, *spare;  /* [n]: the triples in order */
    size_t keys_cap, spare_cap;
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
 * NULL or another IRI on a miss (see tcache_has); NULL with *st
 * DG_ERR_NOMEM. */
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

/* 1 when entry e is that of `iri` (n bytes). */
static int tcache_has(const struct tcache_ent *e, const char *iri, size_t n)
{
    return e->iri && e->iri_len == n && memcmp(e->iri, iri, n) == 0;
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
    e->iri_len = n;
    return e->iri != NULL;
}

/* Frees the cache, the texts by term id, Turtle's prefixes and the
 * order of triples. */
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
    for (i = 0; s->heads && i < HEADS_SIZE; i++) {
        free(s->heads[i].head);
        free(s->heads[i].text);
    }
    free(s->heads);
    s->heads = NULL;
    if (s->tt) {
        free(s->tt->text);
        free(s->tt->buf);
        free(s->tt);
        s->tt = NULL;
    }
    if (s->tns)
        free(s->tns->head);
    free(s->tns);
    s->tns = NULL;
    if (s->order) {
        free(s->order->keys);
        free(s->order->spare);
        free(s->order->refs);
        free(s->order->sorted);
        free(s->order->rank);
        free(s->order->count);
        free(s->order);
        s->order = NULL;
    }
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
    if (e->term && tcache_has(e, iri, n))
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

/* The entry of s->heads that holds the n bytes at p, the beginning of
 * an IRI, escaped as put_escaped does with `flags`: made on a miss (the
 * beginning escaped at the end of the buffer, copied, taken back).
 * NULL when out of memory, or when Raptor failed (s->err is set). */
static const struct iri_head *iri_head(dg_serializer *s, const char *p,
                                       size_t n, unsigned flags)
{
    struct iri_head *h;
    char *copy, *text = NULL;
    size_t at, len = 0;

    if (!s->heads && !(s->heads = calloc(HEADS_SIZE, sizeof *s->heads)))
        return NULL;
    h = &s->heads[dg_hash_bytes(0, p, n) % HEADS_SIZE];
    if (h->head && h->len == n && memcmp(h->head, p, n) == 0)
        return h;
    /* room for it escaped (\UXXXXXXXX a byte at most): no flush between
     * its first byte and the last (iri_text has made it already) */
    if (dg_ser_reserve(s, 10 * n) || !(copy = dg_ser_dup(p, n)))
        return NULL;
    at = s->olen;
    if (put_escaped(s, copy, n, '>', flags) == 0) {
        len = s->olen - at;
        text = dg_ser_dup(s->obuf + at, len);
    }
    s->olen = at;
    if (!text) {
        free(copy);
        return NULL;
    }
    free(h->head);
    free(h->text);
    h->head = copy;
    h->len = n;
    h->text = text;
    h->text_len = len;
    return h;
}

/* Writes IRI `iri` (n bytes) escaped as put_escaped does with `flags`,
 * its beginning up to the last '/' or '#' from s->heads; -1 as
 * put_escaped. */
static int put_iri_escaped(dg_serializer *s, const char *iri, size_t n,
                           unsigned flags)
{
    const struct iri_head *h;
    size_t k = n;

    while (k > 0 && iri[k - 1] != '/' && iri[k - 1] != '#')
        k--;
    if (k == 0 || !(h = iri_head(s, iri, k, flags)))
        return s->err != DG_OK ? -1 : put_escaped(s, iri, n, '>', flags);
    if (dg_ser_put(s, h->text, h->text_len))
        return -1;
    return put_escaped(s, iri + k, n - k, '>', flags);
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
    return dg_ser_put(s, "<", 1) || put_iri_escaped(s, iri, n, flags) ||
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
    if (e->text && tcache_has(e, iri, n)) {
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

/* ------------------------------------------------------------------ */
/* One graph's IRIs by term id                                         */
/* ------------------------------------------------------------------ */

/* Makes s->tt hold the texts of g's terms: those made already when g
 * (in its present generation) was written last, else none, and room for
 * every id of g.  DG_ERR_NOMEM. */
static dg_status texts_for_graph(dg_serializer *s, const dg_graph *g)
{
    struct term_texts *tt = s->tt;
    size_t n = dg_graph_terms(g), cap;
    void *p;

    if (!tt && !(tt = s->tt = calloc(1, sizeof *tt)))
        return DG_ERR_NOMEM;
    if (tt->generation != dg_graph_generation(g)) {
        if (tt->hi)
            memset(tt->text, 0, tt->hi * sizeof *tt->text);
        tt->hi = 0;
        tt->used = 0;
        tt->generation = dg_graph_generation(g);
    }
    if (n <= tt->cap)
        return DG_OK;
    cap = n < 2 * tt->cap ? 2 * tt->cap : n;
    if (!(p = realloc(tt->text, cap * sizeof *tt->text)))
        return DG_ERR_NOMEM;
    tt->text = p;
    memset(tt->text + tt->cap, 0, (cap - tt->cap) * sizeof *tt->text);
    tt->cap = cap;
    return DG_OK;
}

/* Appends the n bytes at p to tt's texts: their offset + 1, or 0 when
 * out of memory. */
static size_t keep_text(struct term_texts *tt, const char *p, size_t n)
{
    if (tt->room - tt->used < n) {
        size_t room = tt->room ? tt->room : 4096;
        char *b;

        while (room - tt->used < n)
            room *= 2;
        if (!(b = realloc(tt->buf, room)))
            return 0;
        tt->buf = b;
        tt->room = room;
    }
    memcpy(tt->buf + tt->used, p, n);
    tt->used += n;
    return tt->used - n + 1;
}

/* Writes IRI term `id` of g (s->tt made for g) and then the n bytes at
 * `after`; -1 with *st as iri_text's, or the stream's failure. */
static int put_term_iri(dg_serializer *s, const dg_graph *g, uint32_t id,
                        const char *after, size_t n, dg_status *st)
{
    struct term_texts *tt = s->tt;

    if (!tt->text[id].at) {
        size_t len, at;
        const char *text = iri_text(s, dg_graph_term(g, id)->value, &len,
                                    st);

        if (!text)
            return -1;
        if (!(at = keep_text(tt, text, len))) {
            *st = DG_ERR_NOMEM;
            return -1;
        }
        tt->text[id].at = at;
        tt->text[id].len = len;
        if (id >= tt->hi)
            tt->hi = (size_t)id + 1;
    }
    if (dg_ser_put(s, tt->buf + tt->text[id].at - 1, tt->text[id].len) ||
        dg_ser_put(s, after, n)) {
        *st = s->err;
        return -1;
    }
    return 0;
}

/* Writes term `id` of g as an object: an IRI (as put_term_iri) or a
 * literal, checked here. */
static int put_term_object(dg_serializer *s, const dg_graph *g, uint32_t id,
                           dg_status *st)
{
    const dg_term *o = dg_graph_term(g, id);

    if (o->kind == DG_TERM_IRI)
        return put_term_iri(s, g, id, "", 0, st);
    if (!dg_ser_term_ok(s, o)) {
        *st = DG_ERR_ARG;
        return -1;
    }
    return put_literal(s, o, st);
}

/* ------------------------------------------------------------------ */
/* N-Triples and N-Quads                                               */
/* ------------------------------------------------------------------ */

/* Writes triple i of g as an N-Triples (or N-Quads, with graph `gi`)
 * line. */
static dg_status write_line(dg_serializer *s, const dg_graph *g, size_t i,
                            const char *gi)
{
    const uint32_t *id = dg_graph_triple_ids(g, i);
    dg_status st = DG_OK;

    if (put_term_iri(s, g, id[0], " ", 1, &st) ||
        put_term_iri(s, g, id[1], " ", 1, &st) ||
        put_term_object(s, g, id[2], &st) || dg_ser_put(s, " ", 1) ||
        (gi && put_iri(s, gi, " ", 1, &st)) || dg_ser_put(s, ".\n", 2))
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

/* qsort's comparison of two pointers to term_refs. */
static int compare_refs(const void *x, const void *y)
{
    return compare_objects((*(const struct term_ref *const *)x)->t,
                           (*(const struct term_ref *const *)y)->t);
}

/* Makes *a (of *cap items of `size` bytes) hold n items; -1 when out of
 * memory. */
static int reserve(void **a, size_t *cap, size_t n, size_t size)
{
    void *p;

    if (n <= *cap)
        return 0;
    if (!(p = realloc(*a, n * size)))
        return -1;
    *a = p;
    *cap = n;
    return 0;
}

/* Makes s->order's arrays hold n triples and g's terms. */
static dg_status order_room(dg_serializer *s, const dg_graph *g, size_t n)
{
    struct turtle_order *o = s->order;
    size_t nterms = dg_graph_terms(g), had;

    if (!o && !(o = s->order = calloc(1, sizeof *o)))
        return DG_ERR_NOMEM;
    had = o->rank_cap;
    if (reserve((void **)&o->keys, &o->keys_cap, n, sizeof *o->keys) ||
        reserve((void **)&o->spare, &o->spare_cap, n, sizeof *o->spare) ||
        reserve((void **)&o->refs, &o->refs_cap, nterms, sizeof *o->refs) ||
        reserve((void **)&o->sorted, &o->sorted_cap, nterms,
                sizeof *o->sorted) ||
        reserve((void **)&o->count, &o->count_cap, nterms + 1,
                sizeof *o->count) ||
        reserve((void **)&o->rank, &o->rank_cap, nterms, sizeof *o->rank))
        return DG_ERR_NOMEM;
    if (o->rank_cap > had)
        memset(o->rank + had, 0xff, (o->rank_cap - had) * sizeof *o->rank);
    return DG_OK;
}

/* Ranks the distinct terms of triples [from, to) of g: o->sorted in the
 * order of compare_objects (which orders IRIs by strcmp, as subjects and
 * predicates are ordered), o->rank[id] each one's place in it. */
static void rank_terms(struct turtle_order *o, const dg_graph *g,
                       size_t from, size_t to)
{
    size_t m = 0, i, k;

    for (i = from; i < to; i++) {
        const uint32_t *id = dg_graph_triple_ids(g, i);

        for (k = 0; k < 3; k++)
            if (o->rank[id[k]] == UNRANKED) {
                o->rank[id[k]] = 0;
                o->refs[m].t = dg_graph_term(g, id[k]);
                o->refs[m].id = id[k];
                o->sorted[m] = &o->refs[m];
                m++;
            }
    }
    qsort(o->sorted, m, sizeof *o->sorted, compare_refs);
    for (i = 0; i < m; i++)
        o->rank[o->sorted[i]->id] = (uint32_t)i;
    o->nterms = m;
}

/* Sorts the n keys of o->keys by rank r[k] (stable) into o->spare, and
 * swaps the two (and their capacities). */
static void counting_sort(struct turtle_order *o, size_t n, int k)
{
    struct turtle_key *swap;
    size_t i, r, cap;

    memset(o->count, 0, (o->nterms + 1) * sizeof *o->count);
    for (i = 0; i < n; i++)
        o->count[o->keys[i].r[k] + 1]++;
    for (r = 1; r < o->nterms; r++)
        o->count[r] += o->count[r - 1];
    for (i = 0; i < n; i++)
        o->spare[o->count[o->keys[i].r[k]]++] = o->keys[i];
    swap = o->keys;
    o->keys = o->spare;
    o->spare = swap;
    cap = o->keys_cap;
    o->keys_cap = o->spare_cap;
    o->spare_cap = cap;
}

/* Puts triples [from, to) of g in Turtle's order into s->order->keys
 * (see struct turtle_order). */
static dg_status order_triples(dg_serializer *s, const dg_graph *g,
                               size_t from, size_t to)
{
    struct turtle_order *o;
    size_t n = to - from, i;
    int k;
    dg_status st;

    if ((st = order_room(s, g, n)) != DG_OK)
        return st;
    o = s->order;
    rank_terms(o, g, from, to);
    for (i = 0; i < n; i++) {
        const uint32_t *id = dg_graph_triple_ids(g, from + i);

        for (k = 0; k < 3; k++)
            o->keys[i].r[k] = o->rank[id[k]];
    }
    for (k = 2; k >= 0; k--)
        counting_sort(o, n, k);
    for (i = 0; i < o->nterms; i++)
        o->rank[o->sorted[i]->id] = UNRANKED;
    return DG_OK;
}

/* Writes the triples key[0..n) (in order, n > 0) of one subject of g. */
static dg_status write_subject(dg_serializer *s, const dg_graph *g,
                               const struct turtle_key *key, size_t n)
{
    const struct term_ref *const *term = s->order->sorted;
    dg_status st = DG_OK;
    size_t i;

    if (put_term_iri(s, g, term[key[0].r[0]]->id, "\n    ", 5, &st))
        return st;
    for (i = 0; i < n; i++) {
        const struct term_ref *p = term[key[i].r[1]];

        if (i > 0 && key[i].r[1] == key[i - 1].r[1]) {
            if (dg_ser_put(s, ", ", 2))
                return s->err;
        } else {
            if (i > 0 && dg_ser_put(s, " ;\n    ", 7))
                return s->err;
            if (strcmp(p->t->value, RDF_TYPE) == 0) {
                if (dg_ser_put(s, "a ", 2))
                    return s->err;
            } else if (put_term_iri(s, g, p->id, " ", 1, &st)) {
                return st;
            }
        }
        if (put_term_object(s, g, term[key[i].r[2]]->id, &st))
            return st;
    }
    return dg_ser_put(s, " .\n\n", 4) ? s->err : DG_OK;
}

/* Writes triples [from, to) of g grouped by subject (see the file
 * comment). */
static dg_status write_turtle(dg_serializer *s, const dg_graph *g,
                              size_t from, size_t to)
{
    const struct turtle_key *key;
    size_t n = to - from, i, j;
    dg_status st;

    if (n == 0)
        return DG_OK;
    if ((st = order_triples(s, g, from, to)) != DG_OK)
        return st;
    key = s->order->keys;
    for (i = 0; i < n && st == DG_OK; i = j) {
        for (j = i + 1; j < n && key[j].r[0] == key[i].r[0];)
            j++;
        st = write_subject(s, g, key + i, j - i);
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
    dg_status st;
    size_t i;

    if ((st = texts_for_graph(s, g)) != DG_OK)
        return st;
    if (s->fmt->writer == DG_WRITER_TURTLE)
        return write_turtle(s, g, from, to);
    for (i = from; i < to && st == DG_OK; i++)
        st = write_line(s, g, i, gi);
    return st;
}
