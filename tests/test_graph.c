/*
 * test_graph.c: the triple store: insertion order, de-duplication over
 * whole terms (datatype and language included), copying of strings,
 * argument errors, clear and reuse, term ids, and a large graph.
 */
#include "internal.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#define EX "http://example.org/"
#define XSD "http://www.w3.org/2001/XMLSchema#"

static void test_order_and_dedup(void)
{
    dg_graph *g = dg_graph_new();
    const dg_triple *t;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(dg_graph_size(g), 0);
    CU_ASSERT_EQUAL(dg_graph_add_iri(g, EX "s", EX "p", EX "o"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add_literal(g, EX "s", EX "p", "o"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add_typed(g, EX "s", EX "p", "o", XSD "token"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add_iri(g, EX "s", EX "p", EX "o"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add_literal(g, EX "s", EX "p", "o"), DG_OK);
    /* xsd:string is the same literal as a plain one */
    CU_ASSERT_EQUAL(dg_graph_add_typed(g, EX "s", EX "p", "o", XSD "string"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_size(g), 3);

    t = dg_graph_triple(g, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(t->o.kind, DG_TERM_IRI);
    CU_ASSERT_STRING_EQUAL(t->s.value, EX "s");
    CU_ASSERT_STRING_EQUAL(t->p.value, EX "p");
    CU_ASSERT_STRING_EQUAL(t->o.value, EX "o");
    t = dg_graph_triple(g, 1);
    CU_ASSERT_EQUAL(t->o.kind, DG_TERM_LITERAL);
    CU_ASSERT_STRING_EQUAL(t->o.value, "o");
    CU_ASSERT_PTR_NULL(t->o.datatype);
    CU_ASSERT_PTR_NULL(t->o.lang);
    t = dg_graph_triple(g, 2);
    CU_ASSERT_STRING_EQUAL(t->o.datatype, XSD "token");
    CU_ASSERT_PTR_NULL(dg_graph_triple(g, 3));
    dg_graph_free(g);
}

static void test_lang(void)
{
    dg_graph *g = dg_graph_new();
    dg_term s = {DG_TERM_IRI, EX "s", NULL, NULL};
    dg_term p = {DG_TERM_IRI, EX "p", NULL, NULL};
    dg_term en = {DG_TERM_LITERAL, "Peace", NULL, "en"};
    dg_term fr = {DG_TERM_LITERAL, "Peace", NULL, "fr"};
    dg_term none = {DG_TERM_LITERAL, "Peace", NULL, ""};
    dg_term iri_dt = {DG_TERM_IRI, EX "o", XSD "int", "en"};
    const dg_triple *t;

    CU_ASSERT_EQUAL(dg_graph_add(g, &s, &p, &en), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add(g, &s, &p, &fr), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add(g, &s, &p, &en), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add(g, &s, &p, &none), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add_literal(g, EX "s", EX "p", "Peace"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add(g, &s, &p, &iri_dt), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add_iri(g, EX "s", EX "p", EX "o"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_size(g), 4);
    t = dg_graph_triple(g, 1);
    CU_ASSERT_STRING_EQUAL(t->o.lang, "fr");
    t = dg_graph_triple(g, 2);
    CU_ASSERT_PTR_NULL(t->o.lang);
    t = dg_graph_triple(g, 3);
    CU_ASSERT_EQUAL(t->o.kind, DG_TERM_IRI);
    CU_ASSERT_PTR_NULL(t->o.datatype);
    CU_ASSERT_PTR_NULL(t->o.lang);
    dg_graph_free(g);
}

static void test_copies(void)
{
    dg_graph *g = dg_graph_new();
    char s[32], o[32];

    snprintf(s, sizeof s, "%s", EX "subject");
    snprintf(o, sizeof o, "%s", "value");
    CU_ASSERT_EQUAL(dg_graph_add_literal(g, s, EX "p", o), DG_OK);
    s[0] = 'X';
    o[0] = 'X';
    CU_ASSERT_STRING_EQUAL(dg_graph_triple(g, 0)->s.value, EX "subject");
    CU_ASSERT_STRING_EQUAL(dg_graph_triple(g, 0)->o.value, "value");
    dg_graph_free(g);
}

static void test_errors(void)
{
    dg_graph *g = dg_graph_new();
    dg_term s = {DG_TERM_IRI, EX "s", NULL, NULL};
    dg_term lit = {DG_TERM_LITERAL, "x", NULL, NULL};
    dg_term nullv = {DG_TERM_IRI, NULL, NULL, NULL};
    dg_term badkind = {(dg_term_kind)7, "x", NULL, NULL};

    CU_ASSERT_EQUAL(dg_graph_add(g, &lit, &s, &s), DG_ERR_ARG);
    CU_ASSERT_EQUAL(dg_graph_add(g, &s, &lit, &s), DG_ERR_ARG);
    CU_ASSERT_EQUAL(dg_graph_add(g, NULL, &s, &s), DG_ERR_ARG);
    CU_ASSERT_EQUAL(dg_graph_add(g, &s, &s, NULL), DG_ERR_ARG);
    CU_ASSERT_EQUAL(dg_graph_add(g, &s, &s, &nullv), DG_ERR_ARG);
    CU_ASSERT_EQUAL(dg_graph_add(g, &s, &s, &badkind), DG_ERR_ARG);
    CU_ASSERT_EQUAL(dg_graph_add(NULL, &s, &s, &s), DG_ERR_ARG);
    CU_ASSERT_EQUAL(dg_graph_add_iri(g, EX "s", NULL, EX "o"), DG_ERR_ARG);
    CU_ASSERT_EQUAL(dg_graph_add_literal(g, EX "s", EX "p", NULL), DG_ERR_ARG);
    CU_ASSERT_EQUAL(dg_graph_add_typed(g, NULL, EX "p", "v", NULL), DG_ERR_ARG);
    CU_ASSERT_EQUAL(dg_graph_size(g), 0);
    CU_ASSERT_EQUAL(dg_graph_size(NULL), 0);
    CU_ASSERT_PTR_NULL(dg_graph_triple(NULL, 0));
    dg_graph_free(g);
    dg_graph_free(NULL);
    dg_graph_clear(NULL);
}

static void test_clear(void)
{
    dg_graph *g = dg_graph_new();

    CU_ASSERT_EQUAL(dg_graph_add_iri(g, EX "s", EX "p", EX "o"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add_iri(g, EX "s", EX "p", EX "o2"), DG_OK);
    dg_graph_clear(g);
    CU_ASSERT_EQUAL(dg_graph_size(g), 0);
    CU_ASSERT_PTR_NULL(dg_graph_triple(g, 0));
    CU_ASSERT_EQUAL(dg_graph_add_iri(g, EX "s", EX "p", EX "o2"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add_iri(g, EX "s", EX "p", EX "o2"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_size(g), 1);
    CU_ASSERT_STRING_EQUAL(dg_graph_triple(g, 0)->o.value, EX "o2");
    dg_graph_free(g);
}

/* Term ids: one per distinct term in order of first use, equal terms
 * (xsd:string and plain, an empty language tag and none) one id, the
 * strings of one id shared; a clear starts ids again under a new
 * generation. */
static void test_term_ids(void)
{
    dg_graph *g = dg_graph_new(), *h = dg_graph_new();
    const uint32_t *id;
    dg_term lang = {DG_TERM_LITERAL, "o", NULL, ""};
    dg_term s = {DG_TERM_IRI, EX "s", NULL, NULL};
    char buf[64];
    uint64_t gen;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_PTR_NOT_NULL_FATAL(h);
    CU_ASSERT_NOT_EQUAL(dg_graph_generation(g), dg_graph_generation(h));
    CU_ASSERT_EQUAL(dg_graph_add_iri(g, EX "s", EX "p", EX "o"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add_literal(g, EX "o", EX "p", "o"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add_typed(g, EX "s", EX "q", "o", XSD "string"),
                    DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add(g, &s, &s, &lang), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_size(g), 4);
    /* s p o "o" q: the last triple's s, s, "o" add no term */
    CU_ASSERT_EQUAL(dg_graph_terms(g), 5);
    id = dg_graph_triple_ids(g, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(id);
    CU_ASSERT_EQUAL(id[0], 0);
    CU_ASSERT_EQUAL(id[1], 1);
    CU_ASSERT_EQUAL(id[2], 2);
    id = dg_graph_triple_ids(g, 1);
    CU_ASSERT_EQUAL(id[0], 2);   /* EX "o" as a subject: the same term */
    CU_ASSERT_EQUAL(id[2], 3);   /* "o" is not EX "o" */
    id = dg_graph_triple_ids(g, 2);
    CU_ASSERT_EQUAL(id[1], 4);
    CU_ASSERT_EQUAL(id[2], 3);   /* "o"^^xsd:string is "o" */
    id = dg_graph_triple_ids(g, 3);
    CU_ASSERT_EQUAL(id[0], 0);
    CU_ASSERT_EQUAL(id[1], 0);
    CU_ASSERT_EQUAL(id[2], 3);   /* "o"@"" is "o" */
    CU_ASSERT_STRING_EQUAL(dg_graph_term(g, 4)->value, EX "q");
    CU_ASSERT_PTR_EQUAL(dg_graph_triple(g, 3)->s.value,
                        dg_graph_triple(g, 0)->s.value);
    CU_ASSERT_PTR_NULL(dg_graph_triple_ids(g, 4));
    CU_ASSERT_PTR_NULL(dg_graph_triple_ids(NULL, 0));
    CU_ASSERT_EQUAL(dg_graph_terms(NULL), 0);

    /* one buffer, another IRI in it (graph.c keeps ids by address) */
    strcpy(buf, EX "s");
    CU_ASSERT_EQUAL(dg_graph_add_iri(g, buf, buf, buf), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_triple_ids(g, 4)[2], 0);
    strcpy(buf, EX "t");
    CU_ASSERT_EQUAL(dg_graph_add_iri(g, buf, buf, buf), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_triple_ids(g, 5)[0], 5);
    CU_ASSERT_EQUAL(dg_graph_triple_ids(g, 5)[2], 5);
    strcpy(buf, EX "s");
    CU_ASSERT_EQUAL(dg_graph_add_iri(g, buf, EX "p", buf), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_triple_ids(g, 6)[0], 0);
    CU_ASSERT_EQUAL(dg_graph_triple_ids(g, 6)[2], 0);
    CU_ASSERT_EQUAL(dg_graph_terms(g), 6);
    CU_ASSERT_STRING_EQUAL(dg_graph_triple(g, 5)->s.value, EX "t");

    gen = dg_graph_generation(g);
    CU_ASSERT_EQUAL(dg_graph_add_iri(g, EX "s", EX "p", EX "o"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_generation(g), gen);
    dg_graph_clear(g);
    CU_ASSERT_NOT_EQUAL(dg_graph_generation(g), gen);
    CU_ASSERT_EQUAL(dg_graph_terms(g), 0);
    CU_ASSERT_EQUAL(dg_graph_add_iri(g, EX "x", EX "p", EX "s"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_terms(g), 3);
    CU_ASSERT_STRING_EQUAL(dg_graph_term(g, 0)->value, EX "x");
    dg_graph_free(g);
    dg_graph_free(h);
}

/* 200000 distinct triples, each added twice: order and count hold. */
static void test_large(void)
{
    dg_graph *g = dg_graph_new();
    char s[64], o[32];
    size_t i, bad = 0;

    for (i = 0; i < 400000; i++) {
        size_t k = i % 200000;

        snprintf(s, sizeof s, EX "s%zu", k / 10);
        snprintf(o, sizeof o, "%zu", k);
        if (dg_graph_add_literal(g, s, EX "p", o) != DG_OK)
            bad++;
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_EQUAL(dg_graph_size(g), 200000);
    CU_ASSERT_STRING_EQUAL(dg_graph_triple(g, 123456)->o.value, "123456");
    CU_ASSERT_STRING_EQUAL(dg_graph_triple(g, 123456)->s.value, EX "s12345");
    dg_graph_free(g);
}

int main(void)
{
    static const dg_test tests[] = {
        {"order and dedup", test_order_and_dedup},
        {"language tags", test_lang},
        {"strings are copied", test_copies},
        {"argument errors", test_errors},
        {"clear and reuse", test_clear},
        {"term ids and generations", test_term_ids},
        {"large graph", test_large},
        {NULL, NULL}};

    return dg_run_tests("graph", tests);
}
