/*
 * extract.c: dg_extract, the pipeline for one article: validate the text,
 * segment it, find mentions, resolve entities, find events, and map the
 * result to triples.  Triples go to a scratch graph first and are copied
 * to the caller's graph only when every stage succeeded, so a failure
 * adds nothing.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Caps that keep a hostile input from eating all memory or time
 * (README: Limits).  Exceeding one is DG_ERR_LIMIT with a message naming
 * the article and, where there is one, the byte offset. */
/* DG_MAX_ARTICLE_BYTES (bytes) is in diplograph.h: readers need it. */
#define DG_MAX_SENTENCES ((size_t)10000)      /* sentences per article */
#define DG_MAX_SENTENCE_TOKENS ((size_t)1000) /* tokens per sentence */
#define DG_MAX_ENTITIES ((size_t)5000)        /* entities per article */

/* 64-bit FNV-1a of s[0..n), continuing from h. */
static unsigned long long fnv1a(unsigned long long h, const char *s,
                                size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* Adds metadata field `tag` = value to hash h: a NUL byte, the tag
 * letter, the value.  The text and the values hold no NUL byte, so
 * different articles are different byte strings. */
static unsigned long long fnv1a_field(unsigned long long h, char tag,
                                      const char *value)
{
    char head[2] = {'\0', tag};

    if (!value)
        return h;
    h = fnv1a(h, head, 2);
    return fnv1a(h, value, strlen(value));
}

/* The article's identity, its id in IRIs (README: Output):
 * 64-bit FNV-1a of its text, then of its source, title and date where
 * given.  Two articles share their IRIs only when all four are equal,
 * and then they give the same triples; with no metadata the id is the
 * hash of the text alone. */
static unsigned long long article_id(const dg_doc *doc,
                                     const dg_article *art)
{
    unsigned long long h = fnv1a(0xcbf29ce484222325ULL, doc->text,
                                 doc->len);

    h = fnv1a_field(h, 's', art->source);
    h = fnv1a_field(h, 't', art->title);
    return fnv1a_field(h, 'd', art->date);
}

/* Reports the fault of text[0..len) at byte `bad` (dg_utf8_valid) as
 * "NAME: byte N: invalid UTF-8 sequence" or "NAME: byte N: FAULT in
 * text" (a NUL byte, a noncharacter), or for a metadata field `field` as
 * "NAME: FIELD: FAULT at byte N". */
static void encoding_diag(dg_diag_fn diag, void *ctx, const char *name,
                          const char *field, const char *text, size_t len,
                          size_t bad)
{
    char buf[DG_UTF8_FAULT_MAX];
    const char *fault = dg_utf8_fault(text, len, bad, buf);
    char *where;

    if (field) {
        dg_diagf(diag, ctx, DG_ERR_ENCODING, name, "%s: %s at byte %zu",
                 field, fault, bad);
        return;
    }
    where = dg_strdupf("%s: byte %zu", name, bad);
    dg_diagf(diag, ctx, DG_ERR_ENCODING, where ? where : name, "%s%s",
             fault, strcmp(fault, "invalid UTF-8 sequence") == 0 ? ""
                                                              : " in text");
    free(where);
}

static dg_status check_input(const dg_article *art, const char *base,
                             dg_doc *doc, dg_diag_fn diag, void *ctx)
{
    const char *name = art->name ? art->name : "-";
    size_t bad;

    if (art->len > DG_MAX_ARTICLE_BYTES) {
        dg_diagf(diag, ctx, DG_ERR_LIMIT, name,
                 "article is %zu bytes; the limit is %zu bytes", art->len,
                 DG_MAX_ARTICLE_BYTES);
        return DG_ERR_LIMIT;
    }
    if (!dg_utf8_valid(doc->text, doc->len, &bad)) {
        encoding_diag(diag, ctx, name, NULL, doc->text, doc->len, bad);
        return DG_ERR_ENCODING;
    }
    if (art->title && !dg_utf8_valid(art->title, strlen(art->title), &bad)) {
        encoding_diag(diag, ctx, name, "title", art->title,
                      strlen(art->title), bad);
        return DG_ERR_ENCODING;
    }
    if (art->date && !dg_date_parse_iso(art->date, &doc->date)) {
        dg_diagf(diag, ctx, DG_ERR_ARG, name,
                 "bad date \"%s\": expected YYYY-MM-DD", art->date);
        return DG_ERR_ARG;
    }
    if (art->source && !dg_iri_valid(art->source)) {
        dg_diagf(diag, ctx, DG_ERR_ARG, name,
                 "bad source IRI \"%s\"", art->source);
        return DG_ERR_ARG;
    }
    if (!dg_iri_valid(base)) {
        dg_diagf(diag, ctx, DG_ERR_ARG, name, "bad base IRI \"%s\"", base);
        return DG_ERR_ARG;
    }
    return DG_OK;
}

/* Checks the sentence caps once doc is segmented. */
static dg_status check_sentences(const dg_doc *doc, const char *name,
                                 dg_diag_fn diag, void *ctx)
{
    char *where = NULL;
    size_t i, n;
    dg_status st = DG_OK;

    if (doc->nsents > DG_MAX_SENTENCES) {
        where = dg_strdupf("%s: byte %zu", name,
                           doc->sents[DG_MAX_SENTENCES].b);
        dg_diagf(diag, ctx, DG_ERR_LIMIT, where ? where : name,
                 "more than %zu sentences (%zu); the limit is %zu sentences "
                 "per article", DG_MAX_SENTENCES, doc->nsents,
                 DG_MAX_SENTENCES);
        st = DG_ERR_LIMIT;
    }
    for (i = 0; st == DG_OK && i < doc->nsents; i++) {
        n = doc->sents[i].tok_e - doc->sents[i].tok_b;
        if (n > DG_MAX_SENTENCE_TOKENS) {
            where = dg_strdupf("%s: byte %zu", name, doc->sents[i].b);
            dg_diagf(diag, ctx, DG_ERR_LIMIT, where ? where : name,
                     "sentence of %zu tokens; the limit is %zu tokens "
                     "per sentence", n, DG_MAX_SENTENCE_TOKENS);
            st = DG_ERR_LIMIT;
        }
    }
    free(where);
    return st;
}

static dg_status run_stages(dg_doc *doc, dg_diag_fn diag, void *ctx)
{
    const char *name = doc->name ? doc->name : "-";
    dg_status st = dg_segment(doc);

    if (st == DG_OK)
        st = check_sentences(doc, name, diag, ctx);
    if (st == DG_OK)
        st = dg_find_mentions(doc);
    if (st == DG_OK)
        st = dg_resolve_entities(doc);
    if (st == DG_OK && doc->nents > DG_MAX_ENTITIES) {
        dg_diagf(diag, ctx, DG_ERR_LIMIT, name,
                 "%zu entities; the limit is %zu entities per article",
                 doc->nents, DG_MAX_ENTITIES);
        st = DG_ERR_LIMIT;
    }
    if (st == DG_OK)
        st = dg_find_clauses(doc);
    if (st == DG_OK)
        st = dg_find_events(doc);
    if (st == DG_OK)
        st = dg_find_topics(doc);
    return st;
}

static dg_status copy_graph(const dg_graph *from, dg_graph *to)
{
    size_t i, n = dg_graph_size(from);
    dg_status st = DG_OK;

    for (i = 0; i < n && st == DG_OK; i++) {
        const dg_triple *t = dg_graph_triple(from, i);
        st = dg_graph_add(to, &t->s, &t->p, &t->o);
    }
    return st;
}

/* dg_extract into `out`, or, with `take`, the new graph itself. */
static dg_status extract(const dg_lexicon *lex, const dg_options *opts,
                         const dg_article *art, dg_graph *out,
                         dg_graph **take, char **graph_iri,
                         dg_diag_fn diag, void *ctx)
{
    const char *base = opts && opts->base ? opts->base : DG_DEFAULT_BASE;
    dg_doc doc;
    dg_graph *given = take ? *take : NULL, *scratch = NULL;
    char id[20], *article = NULL, *gname = NULL;
    dg_status st;

    memset(&doc, 0, sizeof doc);
    dg_graph_clear(given);   /* no triples of an article before, even on
                              * an error */
    if (!lex || !art || (!out && !take) || (!art->text && art->len))
        return DG_ERR_ARG;
    doc.name = art->name;
    doc.text = art->text ? art->text : "";
    doc.len = art->len;
    doc.lex = lex;
    if ((st = check_input(art, base, &doc, diag, ctx)) != DG_OK)
        return st;
    snprintf(id, sizeof id, "%016llx", article_id(&doc, art));
    article = dg_iri_mint(base, "article", id);
    gname = dg_iri_mint(base, "graph", id);
    scratch = given ? given : dg_graph_new();
    if (!article || !gname || !scratch) {
        st = DG_ERR_NOMEM;
        goto out;
    }
    if ((st = run_stages(&doc, diag, ctx)) != DG_OK)
        goto out;
    if ((st = dg_rdf_map(&doc, art, base, article, id, scratch)) != DG_OK)
        goto out;
    if (take) {
        *take = scratch;
        scratch = NULL;
    } else if ((st = copy_graph(scratch, out)) != DG_OK) {
        goto out;
    }
    if (graph_iri) {
        *graph_iri = gname;
        gname = NULL;
    }
out:
    if (st == DG_ERR_NOMEM)
        dg_diagf(diag, ctx, st, art->name, "out of memory");
    dg_doc_release(&doc);
    if (scratch != given)
        dg_graph_free(scratch);
    free(article);
    free(gname);
    return st;
}

dg_status dg_extract(const dg_lexicon *lex, const dg_options *opts,
                     const dg_article *art, dg_graph *out, char **graph_iri,
                     dg_diag_fn diag, void *ctx)
{
    return extract(lex, opts, art, out, NULL, graph_iri, diag, ctx);
}

/* dg_extract into a new graph *out (the caller frees it), without the
 * copy into a caller's graph (see internal.h). */
dg_status dg_extract_graph(const dg_lexicon *lex, const dg_options *opts,
                           const dg_article *art, dg_graph **out,
                           char **graph_iri, dg_diag_fn diag, void *ctx)
{
    if (!out)
        return DG_ERR_ARG;
    return extract(lex, opts, art, NULL, out, graph_iri, diag, ctx);
}
