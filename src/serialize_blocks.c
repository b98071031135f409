/*
 * serialize_blocks.c: a corpus written one article at a time, with
 * bounded memory (dg_blockser, for batch.c's workers).  Each article's
 * graph is written as a whole document of its own into memory; its body
 * is that document without the head (prefixes, start tag) and the foot,
 * which the corpus's one document writes once.  The split of each
 * format's document is measured on its writer (our line writers and
 * Raptor 2.0.15's serializers), and checked on every block.
 */
#include "serialize.h"

#include <stdlib.h>
#include <string.h>

/* How a format's document splits into head, article bodies and foot:
 * the head ends `head_at` bytes in (-1: after the empty document, -2:
 * after the <rdf:RDF ...> start tag, -3: where the empty document's foot
 * starts), `foot` closes the document and `sep` goes between two
 * non-empty bodies. */
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
    {"jsonld", -3, "\n  ]\n}\n", ","},
    {"events-tsv", -1, "", ""},
};
#define NSPLITS (sizeof splits / sizeof splits[0])

struct dg_blockser {
    dg_serializer s;   /* fh NULL: each block stays in s.obuf */
    int si;            /* splits[] row */
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
    if ((st = dg_ser_start(s)) == DG_OK && g)
        st = dg_ser_write_range(s, g, 0, dg_graph_size(g), graph_iri);
    if (st == DG_OK)
        st = dg_ser_end(s);
    dg_ser_close(s);
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
    if (at == -3) {
        size_t fl = strlen(splits[b->si].foot);
        return b->empty_len >= fl && b->empty_len - fl <= len
                   ? b->empty_len - fl : (size_t)-1;
    }
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
    if (!(b->empty = dg_ser_dup(b->s.obuf ? b->s.obuf : "", b->s.olen)))
        goto out;
    b->empty_len = b->s.olen;
    if ((st = dg_graph_add_iri(probe, b->s.base, DG_NS_DIP "probe",
                               b->s.base)) != DG_OK)
        goto out;
    if ((st = block_doc(b, probe, b->s.base)) != DG_OK)
        goto out;
    st = DG_ERR_RDF;
    hl = head_length(b, b->s.obuf, b->s.olen);
    if (hl == (size_t)-1)
        goto out;
    st = DG_ERR_NOMEM;
    if (!(b->head = dg_ser_dup(b->s.obuf, hl)))
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
    if ((st = dg_ser_open(&b->s, dg_ser_format(format),
                          base ? base : DG_DEFAULT_BASE, diag, ctx)) != DG_OK)
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
 * the article's body: the document written without the head and the
 * foot of dg_blockser_frame.  *buf (malloc'd, the caller frees) holds
 * *len bytes; an empty graph gives an empty body.  Messages go to diag.
 * Errors: DG_ERR_ARG (a term that cannot be written), DG_ERR_RDF (also
 * when the document does not have the expected head and foot),
 * DG_ERR_NOMEM.  b stays usable after a failure. */
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
        *buf = dg_ser_dup("", 0);
        *len = 0;
        return *buf ? DG_OK : DG_ERR_NOMEM;
    }
    if ((st = block_doc(b, g, graph_iri)) != DG_OK)
        return st;
    if (dg_ser_put(&b->s, "", 1) != 0)   /* room for the NUL below */
        return DG_ERR_NOMEM;
    b->s.olen--;
    d = b->s.obuf;
    hl = head_length(b, d, b->s.olen);
    if (hl != b->head_len || memcmp(d, b->head, hl) != 0 ||
        b->s.olen < hl + fl || memcmp(d + b->s.olen - fl, foot, fl) != 0) {
        dg_diagf(diag, ctx, DG_ERR_RDF, NULL, "the %s document has an "
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
    dg_ser_release(&b->s);
    free(b->empty);
    free(b->head);
    free(b);
}
