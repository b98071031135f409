/*
 * graph.c: the triple store every stage writes into.  A dg_graph is an
 * insertion-ordered array of triples with a hash set beside it, so adding
 * a triple the graph already holds is a no-op and costs O(1) on average.
 *
 * Terms are interned: each distinct RDF term is stored once, with an id
 * (0, 1, ... in order of first use), and a triple is three ids.  Equal
 * terms of two triples share their strings, the hash set of triples
 * compares ids, not strings, and the serializer keeps what it made of a
 * term by its id (dg_graph_triple_ids).  Terms are normalised before
 * hashing, so equal RDF terms are one term: an IRI carries no datatype or
 * language, a literal typed xsd:string is a plain literal, and an empty
 * language tag means none.  The terms' strings are cut from chunks the
 * graph allocates, 16 KB and up: a few allocations an article instead of
 * one per term.  Both hash sets (terms, triples) are open addressing with
 * linear probing over indices + 1; each is kept at most half full.
 */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define XSD_STRING "http://www.w3.org/2001/XMLSchema#string"

/* Memory for the terms' strings. */
typedef struct chunk {
    struct chunk *next; /* the chunk allocated before */
    size_t used, size;  /* bytes of data */
    char data[];
} chunk;

#define CHUNK_MIN (16u << 10)
#define CHUNK_MAX (1u << 20)

/* An open-addressing hash set of indices + 1 (0: an empty slot) into
 * the graph's terms or its triples. */
typedef struct {
    uint32_t *slots;  /* [n] */
    size_t n;         /* a power of two, or 0 */
} index_set;

#define RECENT_SIZE 64

typedef struct {
    dg_term t;        /* its strings in the graph's chunks */
    size_t len;       /* strlen(t.value) */
    uint64_t hash;
} term_ent;

struct dg_graph {
    dg_triple *triples; /* [n], insertion order */
    uint32_t (*ids)[3]; /* [n], each triple's term ids */
    size_t n, cap;
    index_set triple_set;
    term_ent *terms;    /* [nterms], by id */
    size_t nterms, terms_cap;
    index_set term_set;
    chunk *chunks;      /* the newest first */
    uint64_t generation;
    /* The ids of IRIs by the address their caller passed last: callers
     * pass the same string again and again (a predicate's constant, a
     * subject for its every triple), and comparing it with its term
     * costs less than hashing it.  A direct-mapped table. */
    struct {
        const char *iri;
        uint32_t id;
    } recent[RECENT_SIZE];
};

/* Ids are uint32_t; a graph holds fewer terms and triples than this. */
#define MAX_ITEMS ((size_t)UINT32_MAX / 2)

/* A number no graph had before: a new graph's, or a cleared one's
 * (one counter for all threads). */
static uint64_t next_generation(void)
{
    static uint64_t counter;

    return __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
}

/* A new empty graph (calloc'd), or NULL when out of memory. */
dg_graph *dg_graph_new(void)
{
    dg_graph *g = calloc(1, sizeof(dg_graph));

    if (g)
        g->generation = next_generation();
    return g;
}

static void set_clear(index_set *set)
{
    if (set->slots)
        memset(set->slots, 0, set->n * sizeof *set->slots);
}

/* Frees every term's strings and empties both hash sets, keeping the
 * arrays and the newest chunk (unless one huge term had it made) for
 * reuse.  NULL is a no-op. */
void dg_graph_clear(dg_graph *g)
{
    chunk *c;

    if (!g)
        return;
    while (g->chunks && (c = g->chunks->next) != NULL) {
        g->chunks->next = c->next;
        free(c);
    }
    if (g->chunks && g->chunks->size > CHUNK_MAX) {   /* one huge term's */
        free(g->chunks);
        g->chunks = NULL;
    }
    if (g->chunks)
        g->chunks->used = 0;
    g->n = 0;
    g->nterms = 0;
    set_clear(&g->triple_set);
    set_clear(&g->term_set);
    memset(g->recent, 0, sizeof g->recent);
    g->generation = next_generation();
}

/* Frees g and everything it holds.  NULL is a no-op. */
void dg_graph_free(dg_graph *g)
{
    if (!g)
        return;
    dg_graph_clear(g);
    free(g->chunks);
    free(g->triples);
    free(g->ids);
    free(g->triple_set.slots);
    free(g->terms);
    free(g->term_set.slots);
    free(g);
}

/* n bytes for a term's strings (char-aligned), or NULL when out of
 * memory. */
static char *graph_alloc(dg_graph *g, size_t n)
{
    chunk *c = g->chunks;

    if (!c || c->size - c->used < n) {
        size_t size = !c ? CHUNK_MIN
                         : c->size < CHUNK_MAX ? c->size * 2 : CHUNK_MAX;
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

/* The term ids of the i-th triple, the number of terms, a term, the
 * graph's generation: see internal.h. */
const uint32_t *dg_graph_triple_ids(const dg_graph *g, size_t i)
{
    if (!g || i >= g->n)
        return NULL;
    return g->ids[i];
}

size_t dg_graph_terms(const dg_graph *g)
{
    return g ? g->nterms : 0;
}

const dg_term *dg_graph_term(const dg_graph *g, uint32_t id)
{
    return &g->terms[id].t;
}

uint64_t dg_graph_generation(const dg_graph *g)
{
    return g->generation;
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

static uint64_t hash_term(const dg_term *t, const term_lens *l)
{
    uint64_t h = (14695981039346656037u ^ (unsigned)t->kind) *
                 1099511628211u;

    h = hash_str(h, t->value, l->n[0]);
    h = hash_str(h, t->datatype, l->n[1]);
    return hash_str(h, t->lang, l->n[2]);
}

/* The hash of the triple of term ids id[0..3). */
static uint64_t hash_ids(const uint32_t id[3])
{
    uint64_t h = ((uint64_t)id[0] << 32 | id[1]) * 0x9e3779b97f4a7c15u;

    h = (h ^ (h >> 29) ^ id[2]) * 0xbf58476d1ce4e5b9u;
    return h ^ (h >> 32);
}

static int str_eq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

/* 1 when term e is t, whose value is len bytes long. */
static int term_eq(const term_ent *e, const dg_term *t, size_t len)
{
    return e->len == len && e->t.kind == t->kind &&
           memcmp(e->t.value, t->value, len) == 0 &&
           str_eq(e->t.datatype, t->datatype) && str_eq(e->t.lang, t->lang);
}

static uint64_t term_hash_of(const dg_graph *g, size_t i)
{
    return g->terms[i].hash;
}

static uint64_t triple_hash_of(const dg_graph *g, size_t i)
{
    return hash_ids(g->ids[i]);
}

/* Makes `set` twice as large (or 64 slots) and puts items 0..n-1 of g
 * into it, whose hashes hash_of gives. */
static dg_status set_grow(index_set *set, const dg_graph *g, size_t n,
                          uint64_t (*hash_of)(const dg_graph *, size_t))
{
    size_t size = set->n ? set->n * 2 : 64, i;
    uint32_t *slots = calloc(size, sizeof *slots);

    if (!slots)
        return DG_ERR_NOMEM;
    free(set->slots);
    set->slots = slots;
    set->n = size;
    for (i = 0; i < n; i++) {
        size_t j = (size_t)hash_of(g, i) & (size - 1);

        while (slots[j])
            j = (j + 1) & (size - 1);
        slots[j] = (uint32_t)(i + 1);
    }
    return DG_OK;
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

/* Stores a copy of normal term t (strings l bytes long, hash h) as term
 * g->nterms. */
static dg_status new_term(dg_graph *g, const dg_term *t, const term_lens *l,
                          uint64_t h)
{
    size_t k, size = 0;
    term_ent *e;
    char *pos;

    if (g->nterms == g->terms_cap) {
        size_t cap = g->terms_cap ? g->terms_cap * 2 : 64;

        if (g->nterms >= MAX_ITEMS ||
            !(e = realloc(g->terms, cap * sizeof *e)))
            return DG_ERR_NOMEM;
        g->terms = e;
        g->terms_cap = cap;
    }
    for (k = 0; k < 3; k++)
        size += l->n[k] == NO_STR ? 0 : l->n[k] + 1;
    if (!(pos = graph_alloc(g, size)))
        return DG_ERR_NOMEM;
    e = &g->terms[g->nterms++];
    e->t.kind = t->kind;
    e->t.value = put_str(&pos, t->value, l->n[0]);
    e->t.datatype = put_str(&pos, t->datatype, l->n[1]);
    e->t.lang = put_str(&pos, t->lang, l->n[2]);
    e->len = l->n[0];
    e->hash = h;
    return DG_OK;
}

/* The slot of g->recent for IRI `iri` (by its address). */
static size_t recent_slot(const char *iri)
{
    return ((uintptr_t)iri >> 3) % RECENT_SIZE;
}

/* 1 with *id when IRI t is the term g->recent has for its address. */
static int recent_iri(const dg_graph *g, const dg_term *t, uint32_t *id)
{
    size_t k = recent_slot(t->value), len;
    const term_ent *e;

    if (t->kind != DG_TERM_IRI || g->recent[k].iri != t->value)
        return 0;
    e = &g->terms[g->recent[k].id];
    len = strlen(t->value);
    if (e->len != len || e->t.kind != DG_TERM_IRI ||
        memcmp(e->t.value, t->value, len) != 0)
        return 0;
    *id = g->recent[k].id;
    return 1;
}

/* *id: the id of term t (checked) by its hash, made when g has no such
 * term yet. */
static dg_status find_term(dg_graph *g, const dg_term *t, uint32_t *id)
{
    dg_term n = normal_term(t);
    term_lens l = lens_of(&n);
    uint64_t h = hash_term(&n, &l);
    size_t mask, i;
    dg_status st;

    if ((g->nterms + 1) * 2 > g->term_set.n &&
        (st = set_grow(&g->term_set, g, g->nterms, term_hash_of)) != DG_OK)
        return st;
    mask = g->term_set.n - 1;
    for (i = (size_t)h & mask; g->term_set.slots[i]; i = (i + 1) & mask) {
        const term_ent *e = &g->terms[g->term_set.slots[i] - 1];

        if (e->hash == h && term_eq(e, &n, l.n[0])) {
            *id = g->term_set.slots[i] - 1;
            return DG_OK;
        }
    }
    if ((st = new_term(g, &n, &l, h)) != DG_OK)
        return st;
    g->term_set.slots[i] = (uint32_t)g->nterms;
    *id = (uint32_t)(g->nterms - 1);
    return DG_OK;
}

/* *id: the id of term t (checked): an IRI from g->recent when it can,
 * else by find_term. */
static dg_status intern(dg_graph *g, const dg_term *t, uint32_t *id)
{
    size_t k = recent_slot(t->value);
    dg_status st;

    if (recent_iri(g, t, id))
        return DG_OK;
    if ((st = find_term(g, t, id)) == DG_OK && t->kind == DG_TERM_IRI) {
        g->recent[k].iri = t->value;
        g->recent[k].id = *id;
    }
    return st;
}

/* Makes room for one more triple in the arrays. */
static dg_status grow_triples(dg_graph *g)
{
    size_t cap = g->cap ? g->cap * 2 : 64;
    dg_triple *t;
    uint32_t (*ids)[3];

    if (g->n >= MAX_ITEMS || !(t = realloc(g->triples, cap * sizeof *t)))
        return DG_ERR_NOMEM;
    g->triples = t;
    if (!(ids = realloc(g->ids, cap * sizeof *ids)))
        return DG_ERR_NOMEM;
    g->ids = ids;
    g->cap = cap;
    return DG_OK;
}

static int term_ok(const dg_term *t, int must_be_iri)
{
    if (!t || !t->value)
        return 0;
    if (t->kind != DG_TERM_IRI && t->kind != DG_TERM_LITERAL)
        return 0;
    return !must_be_iri || t->kind == DG_TERM_IRI;
}

/* Adds (s, p, o), normalised, unless g holds it already (O(1) on
 * average); terms g does not hold yet are copied.  DG_ERR_ARG: NULL
 * graph, term or value, a kind that is neither IRI nor literal, a
 * literal s or p.  DG_ERR_NOMEM: g holds the same triples as before (and
 * perhaps a new term no triple uses). */
dg_status dg_graph_add(dg_graph *g, const dg_term *s, const dg_term *p,
                       const dg_term *o)
{
    uint32_t id[3];
    size_t mask, i;
    dg_status st;

    if (!g || !term_ok(s, 1) || !term_ok(p, 1) || !term_ok(o, 0))
        return DG_ERR_ARG;
    if ((st = intern(g, s, &id[0])) != DG_OK ||
        (st = intern(g, p, &id[1])) != DG_OK ||
        (st = intern(g, o, &id[2])) != DG_OK)
        return st;
    if ((g->n + 1) * 2 > g->triple_set.n &&
        (st = set_grow(&g->triple_set, g, g->n, triple_hash_of)) != DG_OK)
        return st;
    mask = g->triple_set.n - 1;
    for (i = (size_t)hash_ids(id) & mask; g->triple_set.slots[i];
         i = (i + 1) & mask) {
        const uint32_t *t = g->ids[g->triple_set.slots[i] - 1];

        if (t[0] == id[0] && t[1] == id[1] && t[2] == id[2])
            return DG_OK;
    }
    if (g->n == g->cap && (st = grow_triples(g)) != DG_OK)
        return st;
    memcpy(g->ids[g->n], id, sizeof id);
    g->triples[g->n].s = g->terms[id[0]].t;
    g->triples[g->n].p = g->terms[id[1]].t;
    g->triples[g->n].o = g->terms[id[2]].t;
    g->triple_set.slots[i] = (uint32_t)++g->n;
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
