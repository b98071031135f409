/*
 * graph.c: the triple store every stage writes into.  A dg_graph is an
 * insertion-ordered array of triples with a hash set beside it, so adding
 * a triple the graph already holds is a no-op and costs O(1) on average.
 *
 * Each triple's strings are copied into one block (the triple's terms
 * point into it), cut from chunks the graph allocates, 16 KB and up: a few
 * allocations an article instead of one per triple.  Terms are normalised
 * before hashing, so equal RDF terms are stored once: an IRI carries no
 * datatype or language, a literal typed xsd:string is a plain literal, and
 * an empty language tag means none.  The hash set is open addressing with
 * linear probing over indices into the triple array; it is kept at most
 * half full.
 */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define XSD_STRING "http://www.w3.org/2001/XMLSchema#string"

/* Memory for the triples' strings. */
typedef struct chunk {
    struct chunk *next; /* the chunk allocated before */
    size_t used, size;  /* bytes of data */
    char data[];
} chunk;

#define CHUNK_MIN (16u << 10)
#define CHUNK_MAX (1u << 20)

struct dg_graph {
    dg_triple *triples; /* [n], insertion order */
    uint64_t *hashes;   /* [n], each triple's hash */
    size_t n, cap;
    size_t *slots;      /* [nslots], triple index + 1; 0 is empty */
    size_t nslots;      /* a power of two, or 0 */
    chunk *chunks;      /* the newest first */
};

/* A new empty graph (calloc'd), or NULL when out of memory. */
dg_graph *dg_graph_new(void)
{
    return calloc(1, sizeof(dg_graph));
}

/* Frees every triple's strings and empties the hash set, keeping the
 * arrays and the newest chunk for reuse.  NULL is a no-op. */
void dg_graph_clear(dg_graph *g)
{
    chunk *c;

    if (!g)
        return;
    while (g->chunks && (c = g->chunks->next) != NULL) {
        g->chunks->next = c->next;
        free(c);
    }
    if (g->chunks)
        g->chunks->used = 0;
    g->n = 0;
    if (g->slots)
        memset(g->slots, 0, g->nslots * sizeof *g->slots);
}

/* Frees g and everything it holds.  NULL is a no-op. */
void dg_graph_free(dg_graph *g)
{
    if (!g)
        return;
    dg_graph_clear(g);
    free(g->chunks);
    free(g->triples);
    free(g->hashes);
    free(g->slots);
    free(g);
}

/* n bytes for a triple's strings (char-aligned), or NULL when out of
 * memory. */
static char *graph_alloc(dg_graph *g, size_t n)
{
    chunk *c = g->chunks;

    if (!c || c->size - c->used < n) {
        size_t size = c ? (c->size < CHUNK_MAX ? c->size * 2 : c->size)
                        : CHUNK_MIN;
        if (size < n)
            size = n;
        if (!(c = malloc(sizeof *c + size)))
            return NULL;
        c->next = g->chunks;
        c->used = 0;
        c->size = size;
        g->chunks = c;
    }
    c->used += n;
    return c->data + c->used - n;
}

/* Distinct triples in g (0 for NULL). */
size_t dg_graph_size(const dg_graph *g)
{
    return g ? g->n : 0;
}

/* The i-th triple in insertion order, borrowed until g changes; NULL
 * when i >= size. */
const dg_triple *dg_graph_triple(const dg_graph *g, size_t i)
{
    if (!g || i >= g->n)
        return NULL;
    return &g->triples[i];
}

/* The normal form of *t (see the file comment), sharing t's strings. */
static dg_term normal_term(const dg_term *t)
{
    dg_term n = *t;

    if (n.kind == DG_TERM_IRI) {
        n.datatype = NULL;
        n.lang = NULL;
        return n;
    }
    if (n.lang && !*n.lang)
        n.lang = NULL;
    if (n.lang)
        n.datatype = NULL;
    if (n.datatype && strcmp(n.datatype, XSD_STRING) == 0)
        n.datatype = NULL;
    return n;
}

/* The byte lengths of a term's strings, measured once for its hash, its
 * size and its copy: value, datatype, language; NO_STR for NULL. */
#define NO_STR ((size_t)-1)
typedef struct {
    size_t n[3];
} term_lens;

static size_t len_of(const char *s)
{
    return s ? strlen(s) : NO_STR;
}

static term_lens lens_of(const dg_term *t)
{
    term_lens l = {{len_of(t->value), len_of(t->datatype), len_of(t->lang)}};

    return l;
}

/* A string's hash, with its length n (NULL hashes as 0xff). */
static uint64_t hash_str(uint64_t h, const char *s, size_t n)
{
    if (n == NO_STR)
        return (h ^ 0xffu) * 1099511628211u;
    return dg_hash_bytes(h, s, n);
}

static uint64_t hash_term(uint64_t h, const dg_term *t, const term_lens *l)
{
    h = (h ^ (unsigned)t->kind) * 1099511628211u;
    h = hash_str(h, t->value, l->n[0]);
    h = hash_str(h, t->datatype, l->n[1]);
    return hash_str(h, t->lang, l->n[2]);
}

/* The hash of triple t[0..3), whose strings are l[0..3) bytes long. */
static uint64_t hash_triple(const dg_term t[3], const term_lens l[3])
{
    uint64_t h = 14695981039346656037u;

    h = hash_term(h, &t[0], &l[0]);
    h = hash_term(h, &t[1], &l[1]);
    return hash_term(h, &t[2], &l[2]);
}

static int str_eq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static int term_eq(const dg_term *a, const dg_term *b)
{
    return a->kind == b->kind && str_eq(a->value, b->value) &&
           str_eq(a->datatype, b->datatype) && str_eq(a->lang, b->lang);
}

/* The slot holding a triple equal to (s, p, o), or the empty slot where
 * it would go. */
static size_t find_slot(const dg_graph *g, uint64_t h, const dg_term *s,
                        const dg_term *p, const dg_term *o)
{
    size_t mask = g->nslots - 1;
    size_t i = (size_t)h & mask;

    for (;; i = (i + 1) & mask) {
        size_t k = g->slots[i];
        const dg_triple *t;

        if (k == 0)
            return i;
        t = &g->triples[k - 1];
        if (g->hashes[k - 1] == h && term_eq(&t->s, s) &&
            term_eq(&t->p, p) && term_eq(&t->o, o))
            return i;
    }
}

/* Doubles the hash set (or creates it) and re-inserts every triple. */
static dg_status grow_slots(dg_graph *g)
{
    size_t nslots = g->nslots ? g->nslots * 2 : 64;
    size_t *slots = calloc(nslots, sizeof *slots);
    size_t i;

    if (!slots)
        return DG_ERR_NOMEM;
    free(g->slots);
    g->slots = slots;
    g->nslots = nslots;
    for (i = 0; i < g->n; i++) {
        size_t j = (size_t)g->hashes[i] & (nslots - 1);

        while (slots[j])
            j = (j + 1) & (nslots - 1);
        slots[j] = i + 1;
    }
    return DG_OK;
}

/* Makes room for one more triple in the arrays. */
static dg_status grow_triples(dg_graph *g)
{
    size_t cap = g->cap ? g->cap * 2 : 64;
    dg_triple *t;
    uint64_t *h;

    t = realloc(g->triples, cap * sizeof *t);
    if (!t)
        return DG_ERR_NOMEM;
    g->triples = t;
    h = realloc(g->hashes, cap * sizeof *h);
    if (!h)
        return DG_ERR_NOMEM;
    g->hashes = h;
    g->cap = cap;
    return DG_OK;
}

/* The bytes of a term's copies, NULs included. */
static size_t term_size(const term_lens *l)
{
    size_t k, n = 0;

    for (k = 0; k < 3; k++)
        n += l->n[k] == NO_STR ? 0 : l->n[k] + 1;
    return n;
}

/* Copies s (n bytes, or NO_STR for NULL) to *pos and returns the copy. */
static const char *put_str(char **pos, const char *s, size_t n)
{
    char *d = *pos;

    if (n == NO_STR)
        return NULL;
    memcpy(d, s, n + 1);
    *pos += n + 1;
    return d;
}

static dg_term put_term(char **pos, const dg_term *t, const term_lens *l)
{
    dg_term c;

    c.kind = t->kind;
    c.value = put_str(pos, t->value, l->n[0]);
    c.datatype = put_str(pos, t->datatype, l->n[1]);
    c.lang = put_str(pos, t->lang, l->n[2]);
    return c;
}

static int term_ok(const dg_term *t, int must_be_iri)
{
    if (!t || !t->value)
        return 0;
    if (t->kind != DG_TERM_IRI && t->kind != DG_TERM_LITERAL)
        return 0;
    return !must_be_iri || t->kind == DG_TERM_IRI;
}

/* Adds (s, p, o), normalised and copied, unless g holds it already
 * (O(1) on average).  DG_ERR_ARG: NULL graph, term or value, a kind
 * that is neither IRI nor literal, a literal s or p.  DG_ERR_NOMEM:
 * g is unchanged. */
dg_status dg_graph_add(dg_graph *g, const dg_term *s, const dg_term *p,
                       const dg_term *o)
{
    dg_term t[3];
    term_lens l[3];
    uint64_t h;
    size_t slot, k;
    char *block, *pos;
    dg_status st;

    if (!g || !term_ok(s, 1) || !term_ok(p, 1) || !term_ok(o, 0))
        return DG_ERR_ARG;
    t[0] = normal_term(s);
    t[1] = normal_term(p);
    t[2] = normal_term(o);
    for (k = 0; k < 3; k++)
        l[k] = lens_of(&t[k]);
    if ((g->n + 1) * 2 > g->nslots && (st = grow_slots(g)) != DG_OK)
        return st;
    h = hash_triple(t, l);
    slot = find_slot(g, h, &t[0], &t[1], &t[2]);
    if (g->slots[slot])
        return DG_OK;
    if (g->n == g->cap && (st = grow_triples(g)) != DG_OK)
        return st;
    block = graph_alloc(g, term_size(&l[0]) + term_size(&l[1]) +
                               term_size(&l[2]));
    if (!block)
        return DG_ERR_NOMEM;
    pos = block;
    g->triples[g->n].s = put_term(&pos, &t[0], &l[0]);
    g->triples[g->n].p = put_term(&pos, &t[1], &l[1]);
    g->triples[g->n].o = put_term(&pos, &t[2], &l[2]);
    g->hashes[g->n] = h;
    g->slots[slot] = ++g->n;
    return DG_OK;
}

static dg_term iri_term(const char *v)
{
    dg_term t = {DG_TERM_IRI, v, NULL, NULL};
    return t;
}

/* dg_graph_add with IRIs s, p, o (DG_ERR_ARG when one is NULL). */
dg_status dg_graph_add_iri(dg_graph *g, const char *s, const char *p,
                           const char *o)
{
    dg_term ts = iri_term(s), tp = iri_term(p), to = iri_term(o);

    if (!s || !p || !o)
        return DG_ERR_ARG;
    return dg_graph_add(g, &ts, &tp, &to);
}

/* dg_graph_add with a plain string literal object. */
dg_status dg_graph_add_literal(dg_graph *g, const char *s, const char *p,
                               const char *value)
{
    return dg_graph_add_typed(g, s, p, value, NULL);
}

/* dg_graph_add with a literal object typed `datatype` (NULL or
 * xsd:string: a plain literal). */
dg_status dg_graph_add_typed(dg_graph *g, const char *s, const char *p,
                             const char *value, const char *datatype)
{
    dg_term ts = iri_term(s), tp = iri_term(p);
    dg_term to = {DG_TERM_LITERAL, value, datatype, NULL};

    if (!s || !p || !value)
        return DG_ERR_ARG;
    return dg_graph_add(g, &ts, &tp, &to);
}
