/*
 * fuzz_escape.c: libFuzzer harness for IRI minting and literal escaping.
 * The input is any byte string, used as an entity name: dg_iri_mint must
 * give an IRI that dg_iri_valid accepts; when the input is valid UTF-8
 * it also becomes a literal, the triple is written as N-Triples and
 * Turtle, and Raptor must parse it back to exactly one triple with the
 * same IRI and the same literal bytes (labels round-trip exactly).
 * Built by `make fuzz`.
 */
#include "internal.h"

#include <raptor2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static raptor_world *g_world;

typedef struct {
    const char *iri, *label;
    int n, ok;
} expect;

static void on_triple(void *user_data, raptor_statement *t)
{
    expect *e = user_data;
    size_t len;
    const unsigned char *v;

    e->n++;
    v = raptor_uri_as_counted_string(t->subject->value.uri, &len);
    if (strlen(e->iri) != len || memcmp(v, e->iri, len) != 0)
        e->ok = 0;
    if (t->object->type != RAPTOR_TERM_TYPE_LITERAL ||
        t->object->value.literal.string_len != strlen(e->label) ||
        memcmp(t->object->value.literal.string, e->label,
               strlen(e->label)) != 0)
        e->ok = 0;
}

static void on_log(void *user_data, raptor_log_message *m)
{
    (void)m;
    ((expect *)user_data)->ok = 0;
}

/* Writes g as `format`, parses it back with `syntax`, checks it. */
static void round_trip(const dg_graph *g, const char *format,
                       const char *syntax, const char *iri,
                       const char *label)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fh = open_memstream(&buf, &len);
    dg_serializer *s = NULL;
    raptor_parser *p;
    raptor_uri *base;
    expect e = {iri, label, 0, 1};

    if (!fh)
        return;
    if (dg_serializer_new(format, DG_DEFAULT_BASE, fh, &s, NULL, NULL) != DG_OK ||
        dg_serializer_write(s, g, NULL) != DG_OK ||
        dg_serializer_finish(s) != DG_OK)
        abort();
    dg_serializer_free(s);
    fclose(fh);
    p = raptor_new_parser(g_world, syntax);
    base = raptor_new_uri(g_world, (const unsigned char *)"http://example.org/");
    raptor_world_set_log_handler(g_world, &e, on_log);
    raptor_parser_set_statement_handler(p, &e, on_triple);
    if (raptor_parser_parse_start(p, base) ||
        raptor_parser_parse_chunk(p, (unsigned char *)buf, len, 1))
        e.ok = 0;
    raptor_free_uri(base);
    raptor_free_parser(p);
    if (!e.ok || e.n != 1) {
        fprintf(stderr, "round trip failed (%s):\n%.*s\n", syntax,
                (int)len, buf);
        abort();
    }
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *key = malloc(size + 1), *iri;
    size_t bad;
    dg_graph *g;

    if (!key)
        return 0;
    memcpy(key, data, size);
    key[size] = '\0';
    iri = dg_iri_mint(DG_DEFAULT_BASE, "person", key);
    if (!iri || !dg_iri_valid(iri))
        abort();
    if (dg_utf8_valid(key, size, &bad) && strlen(key) == size) {
        if (!g_world)
            g_world = raptor_new_world();
        g = dg_graph_new();
        if (dg_graph_add_literal(g, iri,
                "http://www.w3.org/2000/01/rdf-schema#label", key) != DG_OK)
            abort();
        round_trip(g, "ntriples", "ntriples", iri, key);
        round_trip(g, "turtle", "turtle", iri, key);
        dg_graph_free(g);
    }
    free(iri);
    free(key);
    return 0;
}
