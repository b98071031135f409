/*
 * serialize_dot.c: the dot format, a picture of the graph for people to
 * read (Graphviz), not a copy of every triple:
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
 *     many, the last one "…"; a name (label, IRI, predicate, datatype,
 *     language) longer than PIC_NAME_MAX the same way.
 * Raptor's dot writer draws the statements it is given.  It names and
 * labels a resource node by its IRI (as prefix:rest when a namespace
 * matches) and writes it unescaped, so a node's name reaches Raptor as
 * the IRI of its term, with '"' and '\' replaced and control characters
 * made spaces.  A literal is a record-shaped node, whose label Graphviz
 * parses for fields: Raptor escapes \ " | { } in it but not < and >,
 * which Graphviz then refuses ("bad label format"), so they are drawn as
 * ‹ and ›.  Graphviz refuses a quoted string of 16,384 bytes or more,
 * which the cuts keep every name and label far below.  Every term of
 * every triple, drawn or not, is checked as in the other formats.
 * Names are kept for the whole document (one dg_serializer_write per
 * article).
 */
#include "serialize.h"

#include <stdlib.h>
#include <string.h>

#define PIC_LITERAL_MAX 40
#define PIC_NAME_MAX 1000
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
        if (!(m->key[i] = dg_ser_dup(key, strlen(key))))
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

/* A new empty picture, or NULL when out of memory. */
struct dot_pic *dg_dot_new(void)
{
    struct dot_pic *pic = calloc(1, sizeof *pic);

    if (pic)
        pic->nodes.owns = pic->names.owns = 1;
    return pic;
}

/* Frees the picture's nodes and names.  NULL: no-op. */
void dg_dot_free(struct dot_pic *pic)
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

/* What pic_text does to a drawn string. */
enum {
    PIC_NAME = 1,    /* '"' -> '\'', '\' -> '/', controls -> ' ' */
    PIC_RECORD = 2   /* '<' -> '‹', '>' -> '›' */
};

/* A malloc'd copy of text (valid UTF-8) for the picture: cut to `max`
 * code points, the last one "…", and its characters replaced as `how`
 * says (PIC_*); NULL when out of memory. */
static char *pic_text(const char *text, size_t max, int how)
{
    size_t len = strlen(text), i = 0, n = 0, cut, o = 0;
    char *q;

    while (i < len && n < max) {
        dg_utf8_next(text, len, &i);
        n++;
    }
    cut = i < len ? i : len;
    if (cut < len) {   /* drop the last code point kept, for the "…" */
        while (cut > 0 && ((unsigned char)text[--cut] & 0xC0) == 0x80)
            ;
    }
    /* each byte may become a 3-byte character; then "…" and NUL */
    if (!(q = malloc(3 * cut + 4)))
        return NULL;
    for (i = 0; i < cut; i++) {
        unsigned char c = (unsigned char)text[i];

        if ((how & PIC_NAME) && c == '"')
            q[o++] = '\'';
        else if ((how & PIC_NAME) && c == '\\')
            q[o++] = '/';
        else if ((how & PIC_NAME) && c < 0x20)
            q[o++] = ' ';
        else if ((how & PIC_RECORD) && (c == '<' || c == '>')) {
            memcpy(q + o, c == '<' ? "\xe2\x80\xb9" : "\xe2\x80\xba", 3);
            o += 3;
        } else
            q[o++] = (char)c;
    }
    if (cut < len) {
        memcpy(q + o, "\xe2\x80\xa6", 3);   /* U+2026 */
        o += 3;
    }
    q[o] = '\0';
    return q;
}

/* The name node `iri` is drawn with (malloc'd): label and class, class
 * and IRI end, or the IRI cut (over PIC_NAME_MAX), each cut to
 * PIC_NAME_MAX; NULL when it is drawn by its IRI as it is, or out of
 * memory (*nomem set). */
static char *pic_name(const struct pic_info *in, const char *iri,
                      int *nomem)
{
    const char *cls = in && in->cls ? iri_tail(in->cls) : NULL;
    const char *label = in ? in->label : NULL;
    size_t n;
    char *name, *drawn;

    if (!label && !cls) {
        if (dg_utf8_count(iri, strlen(iri)) <= PIC_NAME_MAX)
            return NULL;
        label = iri;
    }
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
    drawn = pic_text(name, PIC_NAME_MAX, PIC_NAME);
    free(name);
    if (!drawn)
        *nomem = 1;
    return drawn;
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
        t = dg_ser_iri_term(s, iri, st);
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
        t = taken && cand ? dg_ser_new_iri(s->world, cand) : NULL;
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

/* A new term for the predicate `iri` of an edge: its IRI, cut when
 * longer than PIC_NAME_MAX; NULL with *st DG_ERR_NOMEM. */
static raptor_term *pic_predicate(dg_serializer *s, const char *iri,
                                  dg_status *st)
{
    raptor_term *t;
    char *cut;

    if (dg_utf8_count(iri, strlen(iri)) <= PIC_NAME_MAX)
        return dg_ser_iri_term(s, iri, st);
    *st = DG_ERR_NOMEM;
    if (!(cut = pic_text(iri, PIC_NAME_MAX, 0)))
        return NULL;
    t = dg_ser_new_iri(s->world, cut);
    free(cut);
    return t;
}

/* A new literal term for o: its text cut to PIC_LITERAL_MAX code points
 * with < and > replaced, its datatype and language cut to
 * PIC_NAME_MAX. */
static raptor_term *pic_literal(dg_serializer *s, const dg_term *o)
{
    dg_term cut = *o;
    char *v, *dt = NULL, *lang = NULL;
    raptor_term *t = NULL;

    v = pic_text(o->value, PIC_LITERAL_MAX, PIC_RECORD);
    if (o->datatype)
        dt = pic_text(o->datatype, PIC_NAME_MAX, 0);
    if (o->lang)
        lang = pic_text(o->lang, PIC_NAME_MAX, 0);
    if (v && (dt || !o->datatype) && (lang || !o->lang)) {
        cut.value = v;
        cut.datatype = dt;
        cut.lang = lang;
        t = dg_ser_new_term(s->world, &cut);
    }
    free(v);
    free(dt);
    free(lang);
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

        if (!dg_ser_term_ok(s, &t->s) || !dg_ser_term_ok(s, &t->p) ||
            !dg_ser_term_ok(s, &t->o))
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
dg_status dg_dot_write(dg_serializer *s, const dg_graph *g)
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
            rp = pic_predicate(s, t->p.value, &st);
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
            dg_ser_fail(s, DG_ERR_RDF);
        raptor_free_statement(stmt);
        st = s->err;
    }
    pic_map_free(&infos, free);
    if (st != DG_OK)
        dg_ser_fail(s, st);
    return st;
}
