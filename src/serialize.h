/*
 * serialize.h: what the serializer's files share.  Only they include it
 * (and with it raptor2.h: Raptor stays inside the serializer).
 *
 *   serialize.c         the dg_serializer: formats, the output stream,
 *                       term checks, documents of Raptor's serializers
 *                       (RDF/XML, RDF/JSON, dot)
 *   serialize_lines.c   N-Triples, N-Quads and Turtle written line by
 *                       line from Raptor's term escaper, with the cache
 *                       of each IRI's text (and its Raptor term)
 *   serialize_dot.c     the dot format's picture
 *   serialize_jsonld.c  JSON-LD 1.1 with jansson
 *   serialize_events.c  the event table (-f events-tsv)
 *   serialize_blocks.c  a corpus written one article at a time
 *                       (dg_blockser)
 */
#ifndef DIPLOGRAPH_SERIALIZE_H
#define DIPLOGRAPH_SERIALIZE_H

#include "internal.h"

#include <raptor2.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Who writes a format's statements. */
typedef enum {
    DG_WRITER_RAPTOR,    /* a Raptor serializer, statement by statement */
    DG_WRITER_NTRIPLES,  /* serialize_lines.c */
    DG_WRITER_NQUADS,
    DG_WRITER_TURTLE,
    DG_WRITER_DOT,       /* serialize_dot.c, through Raptor's dot writer */
    DG_WRITER_JSONLD,    /* serialize_jsonld.c, with jansson */
    DG_WRITER_EVENTS     /* serialize_events.c: the event table */
} dg_writer;

/* Filters on the bytes Raptor writes (see ios_write_bytes). */
enum {
    DG_FILTER_CR = 1u << 0,     /* a raw CR becomes \r (Turtle) */
    DG_FILTER_JSON_U = 1u << 1  /* \UXXXXXXXX becomes a surrogate pair */
};

/* One output format: our name, Raptor's serializer (NULL: none), who
 * writes it and the filters its bytes need. */
typedef struct {
    const char *name, *raptor;
    dg_writer writer;
    unsigned filters;
} dg_format;

/* A prefix and its namespace IRI. */
typedef struct {
    const char *prefix, *iri;
} dg_namespace;

/* The prefixes every format with prefixes declares, in this order, and
 * then `id:` for the data base IRI (serialize.c). */
extern const dg_namespace dg_namespaces[];
extern const size_t dg_nnamespaces;

struct tcache_ent;
struct iri_head;
struct term_texts;
struct turtle_order;
struct dot_pic;
struct turtle_ns;

struct dg_serializer {
    const dg_format *fmt;
    raptor_world *world;
    raptor_serializer *rs;   /* a Raptor serializer's document, or NULL */
    raptor_iostream *ios;    /* our output stream, for Raptor to write to */
    FILE *fh;         /* NULL: output stays in obuf (blocks) */
    char *obuf;       /* output not yet written to fh */
    size_t olen, ocap;
    char *base;       /* the data base IRI (prefix id:) */
    int started;      /* a document was started */
    int ended;        /* ... and ended */
    int discard;      /* drop output (ending after a failure) */
    int esc;          /* DG_FILTER_JSON_U: 0, or 1 after a backslash, or
                       * 2 + the hex digits read after "\U" */
    uint32_t esc_cp;  /* the code point of those digits */
    dg_status err;    /* first failure seen (sticky) */
    int io_errno;     /* errno of the first write failure */
    dg_diag_fn diag;
    void *ctx;
    char dt_ok[96];   /* the datatype IRI dg_ser_term_ok passed last, or
                       * "" (most literals of a graph share a few) */
    struct tcache_ent *tc;   /* recent IRIs (serialize_lines.c) */
    struct iri_head *heads;  /* their escaped beginnings (ditto) */
    struct term_texts *tt;   /* the IRIs of one graph by term id (ditto) */
    struct turtle_ns *tns;   /* Turtle's prefixes (serialize_lines.c) */
    struct turtle_order *order; /* Turtle: a graph's triples in order */
    struct dot_pic *pic;     /* dot only: the picture's nodes */
    size_t jsonld_items;     /* jsonld: items written into "@graph" */
};

/* serialize.c (each function's comment there says more) */
/* The format named `name`, or NULL. */
const dg_format *dg_ser_format(const char *name);
/* Sets s (zeroed, fh set or NULL) up for format f and base IRI `base`;
 * dg_ser_release frees what it made, also after a failure. */
dg_status dg_ser_open(dg_serializer *s, const dg_format *f,
                      const char *base, dg_diag_fn diag, void *ctx);
void dg_ser_release(dg_serializer *s);
/* A document: start (head), write (any number), end (foot), close. */
dg_status dg_ser_start(dg_serializer *s);
dg_status dg_ser_write_range(dg_serializer *s, const dg_graph *g,
                             size_t from, size_t to, const char *graph_iri);
dg_status dg_ser_end(dg_serializer *s);
void dg_ser_close(dg_serializer *s);
/* The first failure is kept in s->err. */
void dg_ser_fail(dg_serializer *s, dg_status st);
/* The output buffer: room for n bytes with no flush in between (made by
 * dg_ser_grow when it lacks it); n bytes as they are (no filter); -1 on
 * failure (s->err set).  Inline: the writers call them a few times for
 * every triple. */
int dg_ser_grow(dg_serializer *s, size_t n);
static inline int dg_ser_reserve(dg_serializer *s, size_t n)
{
    return s->olen + n <= s->ocap ? 0 : dg_ser_grow(s, n);
}

static inline int dg_ser_put(dg_serializer *s, const char *p, size_t n)
{
    if (dg_ser_reserve(s, n))
        return -1;
    memcpy(s->obuf + s->olen, p, n);
    s->olen += n;
    return 0;
}
/* A malloc'd NUL-terminated copy of n bytes, or NULL. */
char *dg_ser_dup(const char *p, size_t n);
/* 1 when every part of t can be written, else 0 and a diagnostic. */
int dg_ser_term_ok(dg_serializer *s, const dg_term *t);
/* New Raptor terms (unchecked), or NULL. */
raptor_term *dg_ser_new_iri(raptor_world *w, const char *iri);
raptor_term *dg_ser_new_term(raptor_world *w, const dg_term *t);

/* serialize_lines.c */
/* A new reference to the checked Raptor term of `iri`, from the cache. */
raptor_term *dg_ser_iri_term(dg_serializer *s, const char *iri,
                             dg_status *st);
/* The head of a line format's document (Turtle's @prefix lines). */
dg_status dg_lines_head(dg_serializer *s);
/* Triples [from, to) of g as lines (Turtle: grouped, see the file). */
dg_status dg_lines_write(dg_serializer *s, const dg_graph *g, size_t from,
                         size_t to, const char *graph_iri);
/* Frees the cache and what the line writers keep in s. */
void dg_lines_free(dg_serializer *s);

/* serialize_dot.c */
struct dot_pic *dg_dot_new(void);
void dg_dot_free(struct dot_pic *pic);
/* dg_serializer_write for -f dot: g drawn as the picture. */
dg_status dg_dot_write(dg_serializer *s, const dg_graph *g);

/* serialize_jsonld.c: a JSON-LD document's head and foot, and triples
 * [from, to) of g (one named graph graph_iri, or the default graph for
 * NULL) between them. */
dg_status dg_jsonld_head(dg_serializer *s);
dg_status dg_jsonld_foot(dg_serializer *s);
dg_status dg_jsonld_write(dg_serializer *s, const dg_graph *g, size_t from,
                          size_t to, const char *graph_iri);

/* serialize_events.c: the event table's header line, and the rows of
 * the events among triples [from, to) of g. */
dg_status dg_events_head(dg_serializer *s);
dg_status dg_events_write(dg_serializer *s, const dg_graph *g, size_t from,
                          size_t to);

#endif /* DIPLOGRAPH_SERIALIZE_H */
