/*
 * fuzz_extract.c: libFuzzer harness for the extractor.  Each input is one
 * article: dg_extract must either fail cleanly (a status, nothing added)
 * or produce a graph whose every IRI passes dg_iri_valid, whose literals
 * are valid UTF-8, and that Raptor serializes as Turtle and N-Triples
 * without error.  ASan/UBSan (make fuzz) catch memory and UB bugs; the
 * checks below abort on contract violations.  Built by `make fuzz`.
 */
#include "internal.h"
#include "paths.h"   /* DG_BUILD_SRCDIR */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dg_lexicon *g_lex;

static void load_lexicon(void)
{
    const char *dir = getenv("DIPLOGRAPH_DATADIR");

    if (!dir || !*dir)
        dir = DG_BUILD_SRCDIR "/data";
    if (dg_lexicon_load(dir, &g_lex, NULL, NULL) != DG_OK) {
        fprintf(stderr, "fuzz_extract: cannot load lexicon %s\n", dir);
        abort();
    }
}

/* Aborts unless every term of g is well-formed. */
static void check_graph(const dg_graph *g)
{
    size_t i, n = dg_graph_size(g), bad;

    for (i = 0; i < n; i++) {
        const dg_triple *t = dg_graph_triple(g, i);
        if (!dg_iri_valid(t->s.value) || !dg_iri_valid(t->p.value))
            abort();
        if (t->o.kind == DG_TERM_IRI && !dg_iri_valid(t->o.value))
            abort();
        if (t->o.kind == DG_TERM_LITERAL &&
            !dg_utf8_valid(t->o.value, strlen(t->o.value), &bad))
            abort();
    }
}

/* Serializes g as `format` into memory; aborts on failure. */
static void serialize(const dg_graph *g, const char *format)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fh = open_memstream(&buf, &len);
    dg_serializer *s = NULL;

    if (!fh)
        return;
    if (dg_serializer_new(format, DG_DEFAULT_BASE, fh, &s, NULL, NULL) != DG_OK ||
        dg_serializer_write(s, g, NULL) != DG_OK ||
        dg_serializer_finish(s) != DG_OK)
        abort();
    dg_serializer_free(s);
    fclose(fh);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dg_article art = {"fuzz", (const char *)data, size, NULL, NULL, NULL};
    dg_graph *g = dg_graph_new();
    char *iri = NULL;
    dg_status st;

    if (!g_lex)
        load_lexicon();
    if (!g)
        return 0;
    st = dg_extract(g_lex, NULL, &art, g, &iri, NULL, NULL);
    if (st != DG_OK) {
        if (dg_graph_size(g) != 0 || iri)
            abort(); /* a failure must add nothing */
    } else {
        check_graph(g);
        serialize(g, "turtle");
        serialize(g, "ntriples");
    }
    free(iri);
    dg_graph_free(g);
    return 0;
}
