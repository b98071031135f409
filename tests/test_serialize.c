/*
 * test_serialize.c: the serializer, checked against exact output written
 * to memory (open_memstream): N-Triples lines, Turtle with prefixes, its
 * prefixed names (PN_LOCAL), grouping and order, escapes of awkward
 * literal text (including the lone carriage return Raptor's Turtle
 * escaper leaves raw) and """long strings""", noncharacters refused,
 * JSON's surrogate pairs, N-Quads graph terms, refused IRIs, unknown
 * formats, write failures on /dev/full, N-Triples batches, and the dot
 * format's picture within Graphviz's limits.  tests/parsers.sh and
 * tests/turtle.sh parse real output with other parsers.
 */
#include "internal.h"
#include "testutil.h"
#include "lsan_raptor.h"   /* -f dot under --enable-sanitizers */

#include <stdio.h>
#include <string.h>

#define ID DG_DEFAULT_BASE
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"

/* The last diagnostic, for exact-message checks. */
static char last_diag[512];
static dg_status last_st;

static void diag(void *ctx, dg_status st, const char *where,
                 const char *message)
{
    (void)ctx;
    (void)where;
    last_st = st;
    snprintf(last_diag, sizeof last_diag, "%s", message);
}

static dg_graph *tiny_graph(void)
{
    dg_graph *g = dg_graph_new();

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(dg_graph_add_iri(g, ID "person/a-b", RDF_TYPE,
                                     DG_NS_DIP "Person"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add_literal(g, ID "person/a-b", RDFS "label",
                                         "A B"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add_typed(g, ID "country/usa", DG_NS_DIP "isoCode",
                                       "USA", XSD "token"), DG_OK);
    return g;
}

/* Serializes the n graphs gs[] (one dg_serializer_write each) as
 * `format` with data base IRI `base` into memory; returns the malloc'd
 * text (NULL on failure, with *st the status). */
static char *render_all(dg_graph *const *gs, size_t n, const char *format,
                        const char *base, const char *graph_iri,
                        dg_status *st)
{
    char *mem = NULL;
    size_t len = 0, i;
    FILE *fh = open_memstream(&mem, &len);
    dg_serializer *s = NULL;

    CU_ASSERT_PTR_NOT_NULL_FATAL(fh);
    *st = dg_serializer_new(format, base, fh, &s, diag, NULL);
    for (i = 0; i < n && *st == DG_OK; i++)
        *st = dg_serializer_write(s, gs[i], graph_iri);
    if (*st == DG_OK)
        *st = dg_serializer_finish(s);
    dg_serializer_free(s);
    fclose(fh);
    if (*st != DG_OK) {
        free(mem);
        return NULL;
    }
    return mem;
}

/* render_all of the one graph g with the default base. */
static char *render(dg_graph *g, const char *format, const char *graph_iri,
                    dg_status *st)
{
    return render_all(&g, 1, format, NULL, graph_iri, st);
}

static void assert_text(const char *got, const char *want)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_STRING_EQUAL(got, want);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "\n--- got:\n%s--- want:\n%s---\n", got, want);
}

static void test_ntriples(void)
{
    dg_graph *g = tiny_graph();
    dg_status st;
    char *out = render(g, "ntriples", NULL, &st);

    CU_ASSERT_EQUAL(st, DG_OK);
    assert_text(out,
        "<" ID "person/a-b> <" RDF_TYPE "> <" DG_NS_DIP "Person> .\n"
        "<" ID "person/a-b> <" RDFS "label> \"A B\" .\n"
        "<" ID "country/usa> <" DG_NS_DIP "isoCode> \"USA\"^^<" XSD "token> .\n");
    free(out);
    dg_graph_free(g);
}

static const char *prefixes =
    "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
    "@prefix dip: <https://w3id.org/diplograph/ns#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
    "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
    "@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .\n"
    "@prefix schema: <https://schema.org/> .\n"
    "@prefix id: <https://w3id.org/diplograph/id/> .\n"
    "\n";

static void test_turtle(void)
{
    dg_graph *g = tiny_graph();
    dg_status st;
    char *out = render(g, "turtle", NULL, &st), *again;
    char want[2048];

    CU_ASSERT_EQUAL(st, DG_OK);
    snprintf(want, sizeof want, "%s%s", prefixes,
             "<https://w3id.org/diplograph/id/country/usa>\n"
             "    dip:isoCode \"USA\"^^xsd:token .\n"
             "\n"
             "<https://w3id.org/diplograph/id/person/a-b>\n"
             "    a dip:Person ;\n"
             "    rdfs:label \"A B\" .\n"
             "\n");
    assert_text(out, want);
    /* byte-identical when run again */
    again = render(g, "turtle", NULL, &st);
    CU_ASSERT_PTR_NOT_NULL_FATAL(again);
    CU_ASSERT_STRING_EQUAL(again, out);
    free(again);
    free(out);
    dg_graph_free(g);
}

/* Quotes, backslash, tab, newline, CR LF and a lone CR. */
static dg_graph *awkward_graph(void)
{
    dg_graph *g = dg_graph_new();

    CU_ASSERT_EQUAL(dg_graph_add_literal(g, ID "t/1", RDFS "label",
                                         "say \"hi\"\\\tnow"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add_literal(g, ID "t/2", RDFS "label",
                                         "lone\rcr\\\r"), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_add_literal(g, ID "t/3", RDFS "label",
                                         "two\r\nlines\n\"end\""), DG_OK);
    return g;
}

static void test_escapes_ntriples(void)
{
    dg_graph *g = awkward_graph();
    dg_status st;
    char *out = render(g, "ntriples", NULL, &st);

    assert_text(out,
        "<" ID "t/1> <" RDFS "label> \"say \\\"hi\\\"\\\\\\tnow\" .\n"
        "<" ID "t/2> <" RDFS "label> \"lone\\rcr\\\\\\r\" .\n"
        "<" ID "t/3> <" RDFS "label> \"two\\r\\nlines\\n\\\"end\\\"\" .\n");
    free(out);
    dg_graph_free(g);
}

static void test_escapes_turtle(void)
{
    dg_graph *g = awkward_graph();
    dg_status st;
    char *out = render(g, "turtle", NULL, &st);
    char want[2048];

    /* No raw CR anywhere: a lone CR inside "..." is not Turtle. */
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_PTR_NULL(strchr(out, '\r'));
    snprintf(want, sizeof want, "%s%s", prefixes,
             "<" ID "t/1>\n"
             "    rdfs:label \"say \\\"hi\\\"\\\\\tnow\" .\n"
             "\n"
             "<" ID "t/2>\n"
             "    rdfs:label \"lone\\rcr\\\\\\r\" .\n"
             "\n"
             "<" ID "t/3>\n"
             "    rdfs:label \"\"\"two\\r\nlines\n\\\"end\\\"\"\"\" .\n"
             "\n");
    assert_text(out, want);
    free(out);
    dg_graph_free(g);
}

#define EX "http://ex.org/"
#define CA EX "\xc3\xa7" "a/"   /* U+00E7 */

/* IRIs are escaped in two parts, the beginning up to the last '/' or '#'
 * kept for the next IRIs (serialize_lines.c): beginnings and rests with
 * characters beyond ASCII (written \\u and \\U in N-Triples, as they are
 * in Turtle), one IRI that is a beginning only, beginnings met again. */
static dg_graph *heads_graph(void)
{
    dg_graph *g = dg_graph_new();

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    dg_graph_add_iri(g, CA "x1", EX "p", CA "\xc3\xa9" "2");
    dg_graph_add_iri(g, CA "x1#\xc3\xa9", EX "p", CA);
    dg_graph_add_iri(g, CA "x1#\xc3\xa9", CA "x1#p", CA "x1#\xf0\x9f\x98\x80");
    return g;
}

/* The same bytes as Raptor's own serializers (rapper -o ntriples,
 * -o turtle) write for these triples. */
static void test_iri_heads(void)
{
    dg_graph *g = heads_graph();
    dg_status st;
    char *out = render(g, "ntriples", NULL, &st), want[2048];

    assert_text(out,
        "<http://ex.org/\\u00E7a/x1> <http://ex.org/p> "
        "<http://ex.org/\\u00E7a/\\u00E92> .\n"
        "<http://ex.org/\\u00E7a/x1#\\u00E9> <http://ex.org/p> "
        "<http://ex.org/\\u00E7a/> .\n"
        "<http://ex.org/\\u00E7a/x1#\\u00E9> <http://ex.org/\\u00E7a/x1#p> "
        "<http://ex.org/\\u00E7a/x1#\\U0001F600> .\n");
    free(out);
    out = render(g, "turtle", NULL, &st);
    snprintf(want, sizeof want, "%s%s", prefixes,
             "<" CA "x1>\n"
             "    <" EX "p> <" CA "\xc3\xa9" "2> .\n"
             "\n"
             "<" CA "x1#\xc3\xa9>\n"
             "    <" EX "p> <" CA "> ;\n"
             "    <" CA "x1#p> <" CA "x1#\xf0\x9f\x98\x80> .\n"
             "\n");
    assert_text(out, want);
    free(out);
    dg_graph_free(g);
}

/* A prefixed name only where the rest of the IRI is a PN_LOCAL as it
 * stands: '.' inside but not at either end, '-' and U+00B7 not first, a
 * '%' only with two hex digits, a leading digit or ':', letters beyond
 * ASCII but not U+00D7, the empty rest (the prefix alone); '/' never. */
static void test_turtle_prefixed_names(void)
{
    static const char *const locals[] = {
        "a.b", "a.", ".a", "a-b", "-a", "a%41", "a%4", "a%zz", "1abc",
        "Zo\xc3\xab", "a\xc3\x97" "b", "\xc2\xb7" "a", "a\xc2\xb7" "b", "",
        ":a", "_a", "a/b"};
    dg_graph *g = dg_graph_new();
    char iri[128], want[4096];
    dg_status st;
    size_t i;
    char *out;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    for (i = 0; i < sizeof locals / sizeof locals[0]; i++) {
        snprintf(iri, sizeof iri, DG_NS_DIP "%s", locals[i]);
        CU_ASSERT_EQUAL(dg_graph_add_iri(g, ID "s", RDFS "seeAlso", iri), DG_OK);
    }
    out = render(g, "turtle", NULL, &st);
    /* objects in the order of their IRIs' bytes */
    snprintf(want, sizeof want, "%s%s", prefixes,
             "id:s\n"
             "    rdfs:seeAlso dip:, <" DG_NS_DIP "-a>, <" DG_NS_DIP ".a>, "
             "dip:1abc, dip::a, dip:Zo\xc3\xab, dip:_a, <" DG_NS_DIP "a%4>, "
             "dip:a%41, <" DG_NS_DIP "a%zz>, dip:a-b, <" DG_NS_DIP "a.>, "
             "dip:a.b, <" DG_NS_DIP "a/b>, dip:a\xc2\xb7" "b, <" DG_NS_DIP
             "a\xc3\x97" "b>, <" DG_NS_DIP "\xc2\xb7" "a> .\n"
             "\n");
    assert_text(out, want);
    free(out);
    /* The longest namespace that fits wins: a base inside dip:. */
    dg_graph_clear(g);
    dg_graph_add_iri(g, DG_NS_DIP "x/y", RDFS "seeAlso", DG_NS_DIP "x");
    dg_graph_add_iri(g, DG_NS_DIP "x/y", RDFS "seeAlso", DG_NS_DIP "x/y.");
    out = render_all(&g, 1, "turtle", DG_NS_DIP "x/", NULL, &st);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "@prefix id: <" DG_NS_DIP "x/> .\n\n"
        "id:y\n    rdfs:seeAlso dip:x, <" DG_NS_DIP "x/y.> .\n\n"));
    free(out);
    dg_graph_free(g);
}

/* Turtle groups each write's triples by subject (';') and predicate
 * (','), ordered as Raptor's serializer orders them: by text, IRIs
 * before literals, then plain, typed, tagged; rdf:type is "a".  A
 * second write (another article) starts its own groups. */
static void test_turtle_grouping(void)
{
    dg_term a = {DG_TERM_IRI, ID "a", NULL, NULL};
    dg_term label = {DG_TERM_IRI, RDFS "label", NULL, NULL};
    dg_term en = {DG_TERM_LITERAL, "x", NULL, "en"};
    dg_graph *g[2] = {dg_graph_new(), dg_graph_new()};
    dg_status st;
    char want[2048], *out;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g[0]);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g[1]);
    dg_graph_add_literal(g[0], ID "b", RDFS "label", "B");
    dg_graph_add_iri(g[0], ID "a", RDF_TYPE, DG_NS_DIP "Person");
    dg_graph_add(g[0], &a, &label, &en);
    dg_graph_add_literal(g[0], ID "a", RDFS "label", "x");
    dg_graph_add_typed(g[0], ID "a", RDFS "label", "x", XSD "token");
    dg_graph_add_iri(g[0], ID "a", RDF_TYPE, DG_NS_DIP "Agent");
    dg_graph_add_literal(g[0], ID "a", DG_NS_DIP "knows", "b");
    dg_graph_add_iri(g[0], ID "a", DG_NS_DIP "knows", ID "b");
    dg_graph_add_literal(g[0], ID "a", RDFS "label", "w");
    dg_graph_add_typed(g[0], ID "a", DG_NS_DIP "count", "5", XSD "integer");
    dg_graph_add_literal(g[1], ID "a", RDFS "label", "w");
    out = render_all(g, 2, "turtle", NULL, NULL, &st);
    snprintf(want, sizeof want, "%s%s", prefixes,
             "id:a\n"
             "    a dip:Agent, dip:Person ;\n"
             "    rdfs:label \"w\", \"x\", \"x\"^^xsd:token, \"x\"@en ;\n"
             "    dip:count \"5\"^^xsd:integer ;\n"
             "    dip:knows id:b, \"b\" .\n"
             "\n"
             "id:b\n"
             "    rdfs:label \"B\" .\n"
             "\n"
             "id:a\n"
             "    rdfs:label \"w\" .\n"
             "\n");
    assert_text(out, want);
    free(out);
    dg_graph_free(g[0]);
    dg_graph_free(g[1]);
}

/* Turtle refuses an IRI with a dot segment in its path (Raptor and Jena
 * would read another IRI); dots elsewhere are written; N-Triples keeps
 * every one. */
static void test_turtle_dot_segments(void)
{
    static const char *const refused[] = {
        "http://ex.org/a/../b", "http://ex.org/.", "http://ex.org/a/./",
        "http://ex.org/..?q", "urn:x/./y"};
    static const char *const kept[] = {
        "http://ex.org/a?x=/../b", "http://ex.org/a#/./b",
        "http://ex.org/.a/..b/...", "http://./x", "urn:x:.."};
    dg_graph *g = dg_graph_new();
    char want[256], *out;
    dg_status st;
    size_t i;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        dg_graph_clear(g);
        dg_graph_add_iri(g, ID "s", RDFS "seeAlso", refused[i]);
        CU_ASSERT_PTR_NULL(render(g, "turtle", NULL, &st));
        CU_ASSERT_EQUAL(st, DG_ERR_ARG);
        snprintf(want, sizeof want, "refusing to write the IRI <%s> in "
                 "Turtle: Raptor and Jena would read it without its dot "
                 "segments; N-Triples keeps it", refused[i]);
        CU_ASSERT_STRING_EQUAL(last_diag, want);
        out = render(g, "ntriples", NULL, &st);
        CU_ASSERT_EQUAL(st, DG_OK);
        free(out);
    }
    for (i = 0; i < sizeof kept / sizeof kept[0]; i++) {
        dg_graph_clear(g);
        dg_graph_add_iri(g, ID "s", RDFS "seeAlso", kept[i]);
        out = render(g, "turtle", NULL, &st);
        CU_ASSERT_EQUAL(st, DG_OK);
        snprintf(want, sizeof want, "id:s\n    rdfs:seeAlso <%s> .\n", kept[i]);
        CU_ASSERT_PTR_NOT_NULL(out && strstr(out, want));
        free(out);
    }
    dg_graph_free(g);
}

/* A literal with a line feed is a """long string""" escaped as Raptor
 * escapes it: quotes (also at the end) and backslashes (also at the
 * end) escaped, line feeds and tabs raw, every CR as \r. */
static void test_turtle_long_literals(void)
{
    dg_graph *g = dg_graph_new();
    dg_status st;
    char want[2048], *out;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    dg_graph_add_literal(g, ID "t/1", RDFS "comment", "ends in a quote\n\"");
    dg_graph_add_literal(g, ID "t/2", RDFS "comment", "back\\slash\n\\");
    dg_graph_add_literal(g, ID "t/3", RDFS "comment", "crlf\r\nlone\rcr\n");
    dg_graph_add_literal(g, ID "t/4", RDFS "comment", "\"\"\" inside\n\"\"");
    dg_graph_add_literal(g, ID "t/5", RDFS "comment", "tab\tand \xc3\xa9\n");
    out = render(g, "turtle", NULL, &st);
    snprintf(want, sizeof want, "%s%s", prefixes,
             "<" ID "t/1>\n    rdfs:comment \"\"\"ends in a quote\n\\\"\"\"\" .\n\n"
             "<" ID "t/2>\n    rdfs:comment \"\"\"back\\\\slash\n\\\\\"\"\" .\n\n"
             "<" ID "t/3>\n    rdfs:comment \"\"\"crlf\\r\nlone\\rcr\n\"\"\" .\n\n"
             "<" ID "t/4>\n    rdfs:comment \"\"\"\\\"\\\"\\\" inside\n\\\"\\\"\"\"\" .\n\n"
             "<" ID "t/5>\n    rdfs:comment \"\"\"tab\tand \xc3\xa9\n\"\"\" .\n\n");
    assert_text(out, want);
    free(out);
    dg_graph_free(g);
}

/* U+FFFE and U+FFFF: Raptor's escaper stops at them (and Raptor's
 * serializers then write a shortened term and succeed), so every format
 * refuses them. */
static void test_noncharacters(void)
{
    static const char *const names[] = {"turtle", "ntriples", "nquads",
                                        "rdfxml", "json", "json-triples",
                                        "dot"};
    dg_graph *g = dg_graph_new();
    dg_status st;
    size_t i;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        dg_graph_clear(g);
        dg_graph_add_literal(g, ID "s", RDFS "label", "ab\xef\xbf\xbf" "c");
        last_diag[0] = '\0';
        CU_ASSERT_PTR_NULL(render(g, names[i], ID "graph/g", &st));
        CU_ASSERT_EQUAL(st, DG_ERR_ARG);
        CU_ASSERT_STRING_EQUAL(last_diag, "refusing to write the noncharacter "
                               "U+FFFF in a literal (byte 2): Raptor cannot write it");
        dg_graph_clear(g);
        dg_graph_add_iri(g, ID "s", RDFS "seeAlso", ID "x\xef\xbf\xbe");
        CU_ASSERT_PTR_NULL(render(g, names[i], ID "graph/g", &st));
        CU_ASSERT_EQUAL(st, DG_ERR_ARG);
        CU_ASSERT_STRING_EQUAL(last_diag, "refusing to write the invalid IRI <"
                               ID "x\xef\xbf\xbe>");
    }
    dg_graph_free(g);
}

/* JSON has no \U escape: a character above U+FFFF, in a literal or an
 * IRI, becomes a surrogate pair; an escaped backslash before a U stays. */
/* JSON-LD: the context by IRI and `id:` for the base; one named graph
 * per write, or the nodes in the default graph without a graph IRI;
 * terms, coercions and value objects as the context defines them. */
static void test_jsonld(void)
{
    static const char head[] =
        "{\n  \"@context\": [\n"
        "    \"https://w3id.org/diplograph/ns/context.jsonld\",\n"
        "    {\"id\": {\"@id\": \"" ID "\", \"@prefix\": true}}\n"
        "  ],\n  \"@graph\": [";
    static const char nodes[] =
        "\n        {\n          \"@id\": \"id:person/a-b\",\n"
        "          \"@type\": \"Person\",\n"
        "          \"label\": \"A B\"\n        },\n"
        "        {\n          \"@id\": \"id:country/usa\",\n"
        "          \"isoCode\": {\n            \"@value\": \"USA\",\n"
        "            \"@type\": \"xsd:token\"\n          }\n        }";
    dg_graph *gs[2] = {tiny_graph(), dg_graph_new()};
    dg_status st;
    char *out, want[2048];

    CU_ASSERT_PTR_NOT_NULL_FATAL(gs[1]);
    dg_graph_add_iri(gs[1], ID "event/e-1", DG_NS_DIP "participant",
                     ID "person/a-b");
    dg_graph_add_typed(gs[1], ID "event/e-1", DG_NS_DIP "date", "2024",
                       XSD "gYear");
    out = render_all(gs, 2, "jsonld", NULL, ID "graph/g", &st);
    CU_ASSERT_EQUAL(st, DG_OK);
    snprintf(want, sizeof want, "%s\n    {\n      \"@id\": \"id:graph/g\",\n"
             "      \"@graph\": [%s\n      ]\n    },\n    {\n"
             "      \"@id\": \"id:graph/g\",\n      \"@graph\": [\n        {\n"
             "          \"@id\": \"id:event/e-1\",\n"
             "          \"participant\": \"id:person/a-b\",\n"
             "          \"date\": {\n            \"@value\": \"2024\",\n"
             "            \"@type\": \"xsd:gYear\"\n          }\n        }\n"
             "      ]\n    }\n  ]\n}\n", head, nodes);
    assert_text(out, want);
    free(out);
    out = render_all(gs, 1, "jsonld", NULL, NULL, &st);
    CU_ASSERT_EQUAL(st, DG_OK);
    snprintf(want, sizeof want, "%s\n    {\n      \"@id\": \"id:person/a-b\",\n"
             "      \"@type\": \"Person\",\n      \"label\": \"A B\"\n    },\n"
             "    {\n      \"@id\": \"id:country/usa\",\n"
             "      \"isoCode\": {\n        \"@value\": \"USA\",\n"
             "        \"@type\": \"xsd:token\"\n      }\n    }\n  ]\n}\n", head);
    assert_text(out, want);
    free(out);
    dg_graph_clear(gs[0]);
    out = render_all(gs, 1, "jsonld", NULL, NULL, &st);
    CU_ASSERT_EQUAL(st, DG_OK);
    snprintf(want, sizeof want, "%s\n  ]\n}\n", head);
    assert_text(out, want);
    free(out);
    dg_graph_free(gs[0]);
    dg_graph_free(gs[1]);
}

/* The event table: a hosted visit (CAMEO 043: the host acts), a
 * person's state through the post held, a place's through dip:locatedIn,
 * the first source sentence by offset, and a tab, line feed, carriage
 * return and backslash in a label escaped. */
static void test_events_tsv(void)
{
    dg_graph *g = dg_graph_new();
    dg_status st;
    char *out, want[2048];

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    dg_graph_add_iri(g, ID "e/1", RDF_TYPE, DG_NS_DIP "Visit");
    dg_graph_add_literal(g, ID "e/1", DG_NS_DIP "cameoCode", "043");
    dg_graph_add_iri(g, ID "e/1", DG_NS_DIP "visitor", ID "p/v");
    dg_graph_add_iri(g, ID "e/1", DG_NS_DIP "host", ID "p/h");
    dg_graph_add_iri(g, ID "e/1", DG_NS_DIP "location", ID "pl/venue");
    dg_graph_add_typed(g, ID "e/1", DG_NS_DIP "date", "2024-02-01",
                       XSD "date");
    dg_graph_add_iri(g, ID "e/1", DG_NS_DIP "reportedIn", ID "a");
    dg_graph_add_iri(g, ID "e/1", "http://www.w3.org/ns/prov#wasDerivedFrom",
                     ID "a#char=20,30");
    dg_graph_add_iri(g, ID "e/1", "http://www.w3.org/ns/prov#wasDerivedFrom",
                     ID "a#char=3,9");
    dg_graph_add_typed(g, ID "a#char=20,30", NIF "beginIndex", "20",
                       XSD "nonNegativeInteger");
    dg_graph_add_typed(g, ID "a#char=3,9", NIF "beginIndex", "3",
                       XSD "nonNegativeInteger");
    dg_graph_add_typed(g, ID "a#char=3,9", NIF "endIndex", "9",
                       XSD "nonNegativeInteger");
    dg_graph_add_iri(g, ID "p/h", RDF_TYPE, DG_NS_DIP "Person");
    dg_graph_add_literal(g, ID "p/h", RDFS "label", "Tab\there\nnew\rcr\\");
    dg_graph_add_iri(g, ID "p/h", DG_NS_DIP "holds", ID "post/h");
    dg_graph_add_iri(g, ID "post/h", DG_NS_DIP "postIn", ID "c/pol");
    dg_graph_add_iri(g, ID "c/pol", RDF_TYPE, DG_NS_DIP "Country");
    dg_graph_add_literal(g, ID "c/pol", DG_NS_DIP "isoCode", "POL");
    dg_graph_add_iri(g, ID "p/v", RDF_TYPE, DG_NS_DIP "Organization");
    dg_graph_add_literal(g, ID "p/v", RDFS "label", "Visitors");
    dg_graph_add_literal(g, ID "pl/venue", RDFS "label", "Palace");
    dg_graph_add_iri(g, ID "pl/venue", DG_NS_DIP "locatedIn", ID "pl/city");
    dg_graph_add_iri(g, ID "pl/city", DG_NS_DIP "locatedIn", ID "c/pol");
    out = render(g, "events-tsv", NULL, &st);
    CU_ASSERT_EQUAL(st, DG_OK);
    snprintf(want, sizeof want, "date\tdate_iso\tcameo\tcameo_root\tclass\t"
             "actor1_label\tactor1_iso\tactor1_code\tactor1_iri\t"
             "actor2_label\tactor2_iso\tactor2_code\tactor2_iri\t"
             "location_label\tlocation_iso\tsource_url\tarticle\tevent\t"
             "sentence_begin\tsentence_end\n"
             "20240201\t2024-02-01\t043\t04\tVisit\t"
             "Tab\\there\\nnew\\rcr\\\\\tPOL\tPOLGOV\t" ID "p/h\t"
             "Visitors\t\t\t" ID "p/v\tPalace\tPOL\t\t" ID "a\t" ID "e/1\t"
             "3\t9\n");
    assert_text(out, want);
    free(out);
    dg_graph_free(g);
}

static void test_json_astral(void)
{
    static const char *const names[] = {"json", "json-triples"};
    dg_graph *g = dg_graph_new();
    dg_status st;
    size_t i;
    char *out, *p;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    dg_graph_add_literal(g, ID "s", RDFS "label",
                         "smile \xf0\x9f\x98\x80 \\U0001F600 \xf4\x8f\xbf\xbd");
    dg_graph_add_iri(g, ID "s", RDFS "seeAlso", "http://ex.org/\xf0\x9f\x98\x80");
    for (i = 0; i < 2; i++) {
        out = render(g, names[i], NULL, &st);
        CU_ASSERT_EQUAL(st, DG_OK);
        CU_ASSERT_PTR_NOT_NULL_FATAL(out);
        CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"smile \\uD83D\\uDE00 "
                                      "\\\\U0001F600 \\uDBFF\\uDFFD\""));
        CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"http://ex.org/\\uD83D\\uDE00\""));
        /* no \U left but the escaped backslash's */
        for (p = out; (p = strstr(p, "\\U")) != NULL; p++)
            CU_ASSERT(p > out && p[-1] == '\\');
        free(out);
    }
    dg_graph_free(g);
}

static void test_nquads(void)
{
    dg_graph *g = tiny_graph();
    dg_status st;
    char *out = render(g, "nquads", ID "graph/g1", &st);

    assert_text(out,
        "<" ID "person/a-b> <" RDF_TYPE "> <" DG_NS_DIP "Person> <" ID "graph/g1> .\n"
        "<" ID "person/a-b> <" RDFS "label> \"A B\" <" ID "graph/g1> .\n"
        "<" ID "country/usa> <" DG_NS_DIP "isoCode> \"USA\"^^<" XSD "token> <" ID "graph/g1> .\n");
    free(out);
    /* other formats ignore the graph */
    out = render(g, "ntriples", ID "graph/g1", &st);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_PTR_NULL(strstr(out, "graph/g1"));
    free(out);
    dg_graph_free(g);
}

static void test_other_formats(void)
{
    static const char *const names[] = {"rdfxml", "json", "dot"};
    static const char *const marks[] = {"<rdf:RDF", "\"value\" : \"A B\"",
                                        "digraph {"};
    dg_graph *g = tiny_graph();
    dg_status st;
    size_t i;

    for (i = 0; i < 3; i++) {
        char *out = render(g, names[i], NULL, &st);

        CU_ASSERT_EQUAL(st, DG_OK);
        CU_ASSERT_PTR_NOT_NULL_FATAL(out);
        CU_ASSERT_PTR_NOT_NULL(strstr(out, marks[i]));
        free(out);
    }
    dg_graph_free(g);
}

static void test_bad_iris(void)
{
    static const char *const bad[] = {
        ID "a b", ID "a<b", ID "a>b", ID "a\"b", ID "a{b", ID "a}b",
        ID "a|b", ID "a^b", ID "a`b", ID "a\\b", "relative"};
    dg_graph *g = dg_graph_new();
    dg_status st;
    size_t i;
    char *out;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dg_graph_clear(g);
        CU_ASSERT_EQUAL(dg_graph_add_iri(g, ID "s", RDFS "seeAlso", bad[i]), DG_OK);
        last_diag[0] = '\0';
        out = render(g, "turtle", NULL, &st);
        CU_ASSERT_PTR_NULL(out);
        CU_ASSERT_EQUAL(st, DG_ERR_ARG);
        CU_ASSERT_EQUAL(last_st, DG_ERR_ARG);
        CU_ASSERT_PTR_NOT_NULL(strstr(last_diag, "refusing to write the invalid IRI <"));
    }
    dg_graph_clear(g);
    CU_ASSERT_EQUAL(dg_graph_add_literal(g, ID "s", RDFS "label", "ok"), DG_OK);
    out = render(g, "nquads", ID "graph with space", &st);
    CU_ASSERT_EQUAL(st, DG_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(last_diag, "refusing to write the invalid graph IRI <"
                           ID "graph with space>");
    dg_graph_clear(g);
    CU_ASSERT_EQUAL(dg_graph_add_literal(g, ID "s", RDFS "label", "bad \xff"), DG_OK);
    out = render(g, "ntriples", NULL, &st);
    CU_ASSERT_EQUAL(st, DG_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(last_diag, "literal is not UTF-8 (byte 4)");
    /* an invalid datatype after a valid one (serialize.c keeps the last
     * valid one), and the empty one first */
    for (i = 0; i < 2; i++) {
        dg_graph_clear(g);
        if (i == 1)
            CU_ASSERT_EQUAL(dg_graph_add_typed(g, ID "s", RDFS "label", "1",
                                               XSD "integer"), DG_OK);
        CU_ASSERT_EQUAL(dg_graph_add_typed(g, ID "s", RDFS "label", "2",
                                           i ? XSD "integer x" : ""), DG_OK);
        out = render(g, "ntriples", NULL, &st);
        CU_ASSERT_PTR_NULL(out);
        CU_ASSERT_EQUAL(st, DG_ERR_ARG);
        CU_ASSERT_STRING_EQUAL(last_diag, i ?
            "refusing to write the invalid datatype IRI <" XSD "integer x>" :
            "refusing to write the invalid datatype IRI <>");
    }
    dg_graph_free(g);
}

static void test_format_args(void)
{
    dg_serializer *s = NULL;

    CU_ASSERT_TRUE(dg_format_known("turtle"));
    CU_ASSERT_TRUE(dg_format_known("ntriples"));
    CU_ASSERT_TRUE(dg_format_known("nquads"));
    CU_ASSERT_TRUE(dg_format_known("rdfxml"));
    CU_ASSERT_TRUE(dg_format_known("json"));
    CU_ASSERT_TRUE(dg_format_known("dot"));
    CU_ASSERT_FALSE(dg_format_known("rdfxml-abbrev"));
    CU_ASSERT_FALSE(dg_format_known("Turtle"));
    CU_ASSERT_FALSE(dg_format_known(""));
    CU_ASSERT_FALSE(dg_format_known(NULL));
    CU_ASSERT_EQUAL(dg_serializer_new("n3", NULL, stdout, &s, diag, NULL), DG_ERR_ARG);
    CU_ASSERT_PTR_NULL(s);
    CU_ASSERT_STRING_EQUAL(last_diag, "unknown output format 'n3'");
    CU_ASSERT_EQUAL(dg_serializer_new("turtle", "not an iri", stdout, &s, diag, NULL),
                    DG_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(last_diag, "invalid base IRI 'not an iri'");
    CU_ASSERT_PTR_NULL(s);
    dg_serializer_free(NULL);
}

static void test_dev_full(void)
{
    static const char *const names[] = {"turtle", "ntriples", "nquads",
                                        "rdfxml", "json", "dot"};
    dg_graph *g = tiny_graph();
    size_t i;

    for (i = 0; i < 6; i++) {
        FILE *fh = fopen("/dev/full", "w");
        dg_serializer *s = NULL;

        CU_ASSERT_PTR_NOT_NULL_FATAL(fh);
        CU_ASSERT_EQUAL_FATAL(dg_serializer_new(names[i], NULL, fh, &s, diag, NULL), DG_OK);
        dg_serializer_write(s, g, ID "graph/g");
        last_diag[0] = '\0';
        CU_ASSERT_EQUAL(dg_serializer_finish(s), DG_ERR_IO);
        CU_ASSERT_STRING_EQUAL(last_diag, "write error: No space left on device");
        dg_serializer_free(s);
        fclose(fh);
    }
    dg_graph_free(g);
}

static void test_batches(void)
{
    dg_graph *g = tiny_graph();
    char *buf = NULL;
    size_t len = 0;

    CU_ASSERT_EQUAL(dg_serialize_ntriples(g, 1, 3, &buf, &len), DG_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    CU_ASSERT_STRING_EQUAL(buf,
        "<" ID "person/a-b> <" RDFS "label> \"A B\" .\n"
        "<" ID "country/usa> <" DG_NS_DIP "isoCode> \"USA\"^^<" XSD "token> .\n");
    CU_ASSERT_EQUAL(len, strlen(buf));
    free(buf);
    buf = NULL;
    CU_ASSERT_EQUAL(dg_serialize_ntriples(g, 2, 2, &buf, &len), DG_OK);
    CU_ASSERT_EQUAL(len, 0);
    free(buf);
    CU_ASSERT_EQUAL(dg_serialize_ntriples(g, 2, 4, &buf, &len), DG_ERR_ARG);
    CU_ASSERT_EQUAL(dg_serialize_ntriples(g, 3, 2, &buf, &len), DG_ERR_ARG);
    dg_graph_free(g);
}

/* 6,000 triples (about 500 kB): more than one 64 kB output buffer, so
 * buffer flushes fall inside lines and inside the first writing of an
 * IRI; every line must still come out whole, in order. */
static void test_many_lines(void)
{
    enum { N = 6000 };
    dg_graph *g = dg_graph_new();
    char s[64], o[64], want[256], *out, *line;
    dg_status st;
    int i, ok = 1;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    for (i = 0; i < N; i++) {
        snprintf(s, sizeof s, "http://ex.org/subject/%d", i);
        snprintf(o, sizeof o, "http://ex.org/object/%d", i % 700);
        CU_ASSERT_EQUAL_FATAL(i % 2 ? dg_graph_add_iri(g, s, RDFS "seeAlso", o)
                                    : dg_graph_add_literal(g, s, RDFS "label",
                                                           o + 7),
                              DG_OK);
    }
    out = render(g, "nquads", "http://ex.org/g", &st);
    CU_ASSERT_EQUAL_FATAL(st, DG_OK);
    line = out;
    for (i = 0; i < N && ok; i++) {
        if (i % 2)
            snprintf(want, sizeof want, "<http://ex.org/subject/%d> <" RDFS
                     "seeAlso> <http://ex.org/object/%d> <http://ex.org/g> .\n",
                     i, i % 700);
        else
            snprintf(want, sizeof want, "<http://ex.org/subject/%d> <" RDFS
                     "label> \"ex.org/object/%d\" <http://ex.org/g> .\n",
                     i, i % 700);
        ok = strncmp(line, want, strlen(want)) == 0;
        if (!ok)
            fprintf(stderr, "\nline %d: %.120s\nwant: %s", i + 1, line, want);
        line += strlen(want);
    }
    CU_ASSERT(ok);
    CU_ASSERT_EQUAL(*line, '\0');
    free(out);
    dg_graph_free(g);
}

/* -f dot: nodes named by label and class (quotes and backslashes
 * replaced, a taken name numbered), typed nodes without a label by class
 * and IRI end, others by IRI; no rdf:type, rdfs:label or NIF triples;
 * long literals cut; every term still checked. */
static void test_dot_picture(void)
{
#define NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    dg_graph *g = dg_graph_new();
    dg_status st;
    char *out;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    dg_graph_add_iri(g, ID "person/q", RDF_TYPE, DG_NS_DIP "Person");
    dg_graph_add_literal(g, ID "person/q", RDFS "label", "Say \"hi\" \\ now");
    dg_graph_add_iri(g, ID "post/a", RDF_TYPE, DG_NS_DIP "Post");
    dg_graph_add_literal(g, ID "post/a", RDFS "label", "President");
    dg_graph_add_iri(g, ID "post/b", RDF_TYPE, DG_NS_DIP "Post");
    dg_graph_add_literal(g, ID "post/b", RDFS "label", "President");
    dg_graph_add_iri(g, ID "person/q", DG_NS_DIP "holds", ID "post/a");
    dg_graph_add_iri(g, ID "person/q", DG_NS_DIP "holds", ID "post/b");
    dg_graph_add_iri(g, ID "event/e-1", RDF_TYPE, DG_NS_DIP "Meeting");
    dg_graph_add_iri(g, ID "event/e-1", DG_NS_DIP "participant", ID "person/q");
    dg_graph_add_iri(g, ID "event/e-1", DG_NS_DIP "location", ID "x/plain");
    dg_graph_add_literal(g, ID "event/e-1", RDFS "comment",
                         "\xc3\xa9" "123456789012345678901234567890123456789012345");
    dg_graph_add_iri(g, ID "a#char=0,5", NIF "referenceContext", ID "a");
    dg_graph_add_literal(g, ID "a#char=0,5", NIF "anchorOf", "Hello");
    dg_graph_add_iri(g, ID "event/e-1", "http://www.w3.org/ns/prov#wasDerivedFrom",
                     ID "a#char=0,5");
    dg_graph_add_literal(g, ID "a", NIF "isString", "Hello world");
    out = render(g, "dot", NULL, &st);
    CU_ASSERT_EQUAL(st, DG_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_PTR_NOT_NULL(strstr(out,
        "\t\"RSay 'hi' / now (Person)\" -> \"RPresident (Post)\" [ label=\"dip:holds\" ];\n"
        "\t\"RSay 'hi' / now (Person)\" -> \"RPresident (Post) #2\" [ label=\"dip:holds\" ];\n"
        "\t\"RMeeting e-1\" -> \"RSay 'hi' / now (Person)\" [ label=\"dip:participant\" ];\n"
        "\t\"RMeeting e-1\" -> \"Rid:x/plain\" [ label=\"dip:location\" ];\n"
        "\t\"RMeeting e-1\" -> \"L\xc3\xa9" "12345678901234567890123456789012345678\xe2\x80\xa6\" "
        "[ label=\"rdfs:comment\" ];\n\n"));
    CU_ASSERT_PTR_NULL(strstr(out, "char="));
    CU_ASSERT_PTR_NULL(strstr(out, "Hello"));
    CU_ASSERT_PTR_NULL(strstr(out, "label=\"rdf:type\""));
    CU_ASSERT_PTR_NULL(strstr(out, "label=\"rdfs:label\""));
    free(out);
    /* a term that cannot be written is refused, drawn or not */
    dg_graph_add_iri(g, ID "x/plain", RDF_TYPE, ID "bad iri");
    last_diag[0] = '\0';
    out = render(g, "dot", NULL, &st);
    CU_ASSERT_PTR_NULL(out);
    CU_ASSERT_EQUAL(st, DG_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(last_diag, "refusing to write the invalid IRI <" ID "bad iri>");
    free(out);
    dg_graph_free(g);
#undef NIF
}

/* What Graphviz refuses stays out of -f dot: < and > in a literal
 * (a record label's field syntax) are drawn as ‹ and ›; a name over
 * 1,000 code points (an IRI, a label, a predicate) is cut, the last one
 * "…", and two names cut alike stay two nodes; no quoted string reaches
 * Graphviz's 16,384-byte limit. */
static void test_dot_graphviz_limits(void)
{
    enum { LONG = 17000 };
    dg_graph *g = dg_graph_new();
    char *a = malloc(LONG + 32), *b = malloc(LONG + 32), *want = malloc(1200);
    char *out, *q, *end;
    dg_status st;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    strcpy(a, "http://ex.org/");
    memset(a + 14, 'a', LONG);
    a[14 + LONG] = '\0';
    strcpy(b, a);
    b[14 + LONG - 1] = 'b';
    dg_graph_add_literal(g, ID "s", RDFS "comment", "a <b> c > d");
    dg_graph_add_iri(g, ID "s", RDFS "seeAlso", a);
    dg_graph_add_iri(g, ID "s", RDFS "seeAlso", b);
    dg_graph_add_iri(g, ID "s", a, ID "t");
    out = render(g, "dot", NULL, &st);
    CU_ASSERT_EQUAL(st, DG_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"La \xe2\x80\xb9" "b\xe2\x80\xba c "
                                  "\xe2\x80\xba d\" [ label=\"a \xe2\x80\xb9"
                                  "b\xe2\x80\xba c \xe2\x80\xba d\", shape = record ];"));
    /* the IRI cut to 999 code points and "…"; the second one numbered */
    snprintf(want, 1200, "\"R%.999s\xe2\x80\xa6\"", a);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, want));
    snprintf(want, 1200, "\"R%.999s\xe2\x80\xa6 #2\"", a);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, want));
    /* the predicate too */
    snprintf(want, 1200, "[ label=\"%.999s\xe2\x80\xa6\" ]", a);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, want));
    for (q = out; (q = strchr(q, '"')) != NULL; q = end + 1) {
        for (end = q + 1; *end && (*end != '"' || end[-1] == '\\'); end++)
            ;
        CU_ASSERT(end - q < 2000);
        if (!*end)
            break;
    }
    free(out);
    free(a);
    free(b);
    free(want);
    dg_graph_free(g);
}

int main(void)
{
    static const dg_test tests[] = {
        {"ntriples", test_ntriples},
        {"turtle", test_turtle},
        {"escapes in ntriples", test_escapes_ntriples},
        {"escapes in turtle", test_escapes_turtle},
        {"IRIs escaped in two parts", test_iri_heads},
        {"turtle prefixed names", test_turtle_prefixed_names},
        {"turtle grouping and order", test_turtle_grouping},
        {"turtle long literals", test_turtle_long_literals},
        {"turtle refuses dot segments", test_turtle_dot_segments},
        {"noncharacters refused", test_noncharacters},
        {"json characters above U+FFFF", test_json_astral},
        {"jsonld", test_jsonld},
        {"events-tsv", test_events_tsv},
        {"nquads", test_nquads},
        {"rdfxml json dot", test_other_formats},
        {"refused IRIs and literals", test_bad_iris},
        {"formats and arguments", test_format_args},
        {"write errors", test_dev_full},
        {"ntriples batches", test_batches},
        {"many lines across buffer flushes", test_many_lines},
        {"dot picture", test_dot_picture},
        {"dot within Graphviz's limits", test_dot_graphviz_limits},
        {NULL, NULL}};

    return dg_run_tests("serialize", tests);
}
