/*
 * test_serialize.c: the Raptor serializer wrapper, checked against exact
 * output written to memory (open_memstream): N-Triples lines, Turtle with
 * prefixes, escapes of awkward literal text (including the lone carriage
 * return Raptor's Turtle writer gets wrong), N-Quads graph terms, refused
 * IRIs, unknown formats, write failures on /dev/full, N-Triples
 * batches, and the dot format's picture.  tests/parsers.sh parses real output with other parsers.
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

/* Serializes g as `format` into memory; returns the malloc'd text (NULL
 * on failure, with *st the status). */
static char *render(const dg_graph *g, const char *format,
                    const char *graph_iri, dg_status *st)
{
    char *mem = NULL;
    size_t n = 0;
    FILE *fh = open_memstream(&mem, &n);
    dg_serializer *s = NULL;

    CU_ASSERT_PTR_NOT_NULL_FATAL(fh);
    *st = dg_serializer_new(format, NULL, fh, &s, diag, NULL);
    if (*st == DG_OK)
        *st = dg_serializer_write(s, g, graph_iri);
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

int main(void)
{
    static const dg_test tests[] = {
        {"ntriples", test_ntriples},
        {"turtle", test_turtle},
        {"escapes in ntriples", test_escapes_ntriples},
        {"escapes in turtle", test_escapes_turtle},
        {"nquads", test_nquads},
        {"rdfxml json dot", test_other_formats},
        {"refused IRIs and literals", test_bad_iris},
        {"formats and arguments", test_format_args},
        {"write errors", test_dev_full},
        {"ntriples batches", test_batches},
        {"many lines across buffer flushes", test_many_lines},
        {"dot picture", test_dot_picture},
        {NULL, NULL}};

    return dg_run_tests("serialize", tests);
}
