/*
 * test_extract.c: unit tests for extract.c (dg_extract, the whole
 * pipeline) and, through it, rdfmap.c: exact N-Triples lines for the key
 * triples of a two-sentence article (event type, roles, date, duration,
 * post, dip:isoCode, nif:anchorOf with code-point offsets), determinism,
 * and the errors (invalid UTF-8 and NUL bytes with the diagnostic naming
 * the article and byte, a bad date, a bad base IRI), after which nothing
 * has been added to the caller's graph.
 */
#include "internal.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static dg_lexicon *g_lex;

/* The last diagnostic passed to diag(). */
static dg_status g_dst;
static char g_where[256], g_msg[256];
static int g_ndiag;

static void diag(void *ctx, dg_status st, const char *where, const char *msg)
{
    (void)ctx;
    g_dst = st;
    snprintf(g_where, sizeof g_where, "%s", where ? where : "(null)");
    snprintf(g_msg, sizeof g_msg, "%s", msg ? msg : "(null)");
    g_ndiag++;
}

/* "Ελλάδα" (6 code points, 12 bytes) opens the text, so code-point and
 * byte offsets differ. */
#define ART_TEXT "\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1: Kenyan " \
    "Foreign Minister Amina Otieno visited Athens on Tuesday. " \
    "Otieno met Greek officials."
/* The id of ART_TEXT dated 2023-06-22 (FNV-1a of the text and the date;
 * README: Article identity). */
#define ART_ID "10dd491431d93450"
#define ID "https://w3id.org/diplograph/id/"
#define NS "https://w3id.org/diplograph/ns#"
#define NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define RDFTYPE "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
#define ART "<" ID "article/" ART_ID ">"
#define EV1 "<" ID "event/" ART_ID "-1>"
#define META_ID "4ede2401cd65ce40"
#define NNI "^^<" XSD "nonNegativeInteger>"

/* Extracts text (date, or NULL) into g; returns the status. */
static dg_status extract(const char *text, size_t len, const char *date,
                         const dg_options *opts, dg_graph *g, char **giri)
{
    dg_article a;

    memset(&a, 0, sizeof a);
    a.name = "art.txt";
    a.text = text;
    a.len = len;
    a.date = date;
    g_ndiag = 0;
    g_where[0] = g_msg[0] = '\0';
    return dg_extract(g_lex, opts, &a, g, giri, diag, NULL);
}

/* The N-Triples of g, with a leading "\n" so that every line, the first
 * included, is found as "\n" LINE " .\n" (malloc'd). */
static char *ntriples(const dg_graph *g)
{
    char *buf = NULL, *out;
    size_t len = 0;

    CU_ASSERT_FATAL(dg_serialize_ntriples(g, 0, dg_graph_size(g), &buf,
                                          &len) == DG_OK);
    out = malloc(len + 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    out[0] = '\n';
    memcpy(out + 1, buf, len);
    out[len + 1] = '\0';
    free(buf);
    return out;
}

/* Does the N-Triples text nt hold the triple line "s p o ." exactly? */
static int has(const char *nt, const char *line)
{
    char want[2048];

    snprintf(want, sizeof want, "\n%s .\n", line);
    return strstr(nt, want) != NULL;
}

/* diag() for long names: keeps the length of `where` and its last
 * eight bytes in g_where. */
static size_t g_long_where_len;

static void diag_long(void *ctx, dg_status st, const char *where,
                      const char *msg)
{
    size_t n = strlen(where);

    g_long_where_len = n;
    diag(ctx, st, n > 8 ? where + n - 8 : where, msg);
}

static void test_key_triples(void)
{
    dg_graph *g = dg_graph_new();
    char *giri = NULL, *nt;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL_FATAL(extract(ART_TEXT, strlen(ART_TEXT), "2023-06-22",
                                  NULL, g, &giri), DG_OK);
    CU_ASSERT_EQUAL(g_ndiag, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(giri);
    CU_ASSERT_STRING_EQUAL(giri, ID "graph/" ART_ID);
    nt = ntriples(g);
    /* the article and its text */
    CU_ASSERT_TRUE(has(nt, ART " " RDFTYPE " <" NS "Article>"));
    CU_ASSERT_TRUE(has(nt, ART " " RDFTYPE " <" NIF "Context>"));
    CU_ASSERT_TRUE(has(nt, ART " <http://purl.org/dc/terms/date> "
                       "\"2023-06-22\"^^<" XSD "date>"));
    CU_ASSERT_TRUE(has(nt, ART " <" NIF "endIndex> \"99\"" NNI));
    /* states with their ISO code */
    CU_ASSERT_TRUE(has(nt, "<" ID "country/ken> <" NS "isoCode> \"KEN\""));
    CU_ASSERT_TRUE(has(nt, "<" ID "country/ken> <http://www.w3.org/2000/01/"
                       "rdf-schema#label> \"Kenya\""));
    CU_ASSERT_TRUE(has(nt, "<" ID "country/grc> <" NS "isoCode> \"GRC\""));
    /* the person, the surname as altLabel, the post in Kenya */
    CU_ASSERT_TRUE(has(nt, "<" ID "person/amina-otieno> <http://www.w3.org/"
                       "2000/01/rdf-schema#label> \"Amina Otieno\""));
    CU_ASSERT_TRUE(has(nt, "<" ID "person/amina-otieno> <http://www.w3.org/"
                       "2004/02/skos/core#altLabel> \"Otieno\""));
    CU_ASSERT_TRUE(has(nt, "<" ID "post/amina-otieno-foreign-minister-ken> <"
                       NS "postIn> <" ID "country/ken>"));
    /* the visit: type, visitor, date, provenance */
    CU_ASSERT_TRUE(has(nt, EV1 " " RDFTYPE " <" NS "Visit>"));
    CU_ASSERT_TRUE(has(nt, EV1 " <" NS "cameoCode> \"042\""));
    CU_ASSERT_TRUE(has(nt, EV1 " <" NS "visitor> <" ID "person/amina-otieno>"));
    CU_ASSERT_TRUE(has(nt, EV1 " <" NS "date> \"2023-06-20\"^^<" XSD "date>"));
    CU_ASSERT_TRUE(has(nt, EV1 " <" NS "reportedIn> " ART));
    CU_ASSERT_TRUE(has(nt, EV1 " <http://www.w3.org/ns/prov#wasDerivedFrom> "
                       "<" ID "article/" ART_ID "#char=0,71>"));
    CU_ASSERT_TRUE(has(nt, EV1 " <" NS "location> <" ID "place/athens>"));
    /* sentences: code-point offsets, exact anchors */
    CU_ASSERT_TRUE(has(nt, "<" ID "article/" ART_ID "#char=0,71> <" NIF
                       "anchorOf> \"\\u0395\\u03BB\\u03BB\\u03AC\\u03B4"
                       "\\u03B1: Kenyan Foreign Minister Amina Otieno visited "
                       "Athens on Tuesday.\""));
    CU_ASSERT_TRUE(has(nt, "<" ID "article/" ART_ID "#char=0,71> <" NIF
                       "endIndex> \"71\"" NNI));
    CU_ASSERT_TRUE(has(nt, "<" ID "article/" ART_ID "#char=72,99> <" NIF
                       "anchorOf> \"Otieno met Greek officials.\""));
    CU_ASSERT_TRUE(has(nt, "<" ID "article/" ART_ID "#char=72,99> <" NIF
                       "beginIndex> \"72\"" NNI));
    /* mentions: phrases with code-point offsets */
    CU_ASSERT_TRUE(has(nt, "<" ID "article/" ART_ID "#char=32,44> <" NIF
                       "anchorOf> \"Amina Otieno\""));
    CU_ASSERT_TRUE(has(nt, "<" ID "article/" ART_ID "#char=53,59> <" NIF
                       "anchorOf> \"Athens\""));
    CU_ASSERT_TRUE(has(nt, "<" ID "article/" ART_ID "#char=53,59> <http://"
                       "www.w3.org/2005/11/its/rdf#taIdentRef> <" ID
                       "place/athens>"));
    CU_ASSERT_TRUE(has(nt, "<" ID "place/athens> <" NS "locatedIn> <" ID
                       "country/grc>"));
    free(nt);
    free(giri);
    dg_graph_free(g);
}

static void test_duration(void)
{
    static const char text[] = "Kenji Sato paid a 3-day visit to Kenya.";
    dg_graph *g = dg_graph_new();
    char *nt;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL_FATAL(extract(text, strlen(text), "2023-06-22", NULL, g,
                                  NULL), DG_OK);
    nt = ntriples(g);
    CU_ASSERT_TRUE(has(nt, "<" ID "event/e75bfd5ba808ae6f-1> <" NS
                       "duration> \"P3D\"^^<" XSD "duration>"));
    CU_ASSERT_TRUE(has(nt, "<" ID "event/e75bfd5ba808ae6f-1> <" NS
                       "location> <" ID "country/ken>"));
    CU_ASSERT_TRUE(has(nt, "<" ID "event/e75bfd5ba808ae6f-1> <" NS
                       "visitor> <" ID "person/kenji-sato>"));
    free(nt);
    dg_graph_free(g);
}

static void test_deterministic(void)
{
    dg_graph *a = dg_graph_new(), *b = dg_graph_new();
    char *na, *nb;
    size_t n;

    CU_ASSERT_FATAL(a && b);
    CU_ASSERT_EQUAL_FATAL(extract(ART_TEXT, strlen(ART_TEXT), "2023-06-22",
                                  NULL, a, NULL), DG_OK);
    CU_ASSERT_EQUAL_FATAL(extract(ART_TEXT, strlen(ART_TEXT), "2023-06-22",
                                  NULL, b, NULL), DG_OK);
    n = dg_graph_size(a);
    CU_ASSERT(n > 50);
    CU_ASSERT_EQUAL(dg_graph_size(b), n);
    na = ntriples(a);
    nb = ntriples(b);
    CU_ASSERT_STRING_EQUAL(na, nb);
    /* the same article again into the same graph adds nothing */
    CU_ASSERT_EQUAL(extract(ART_TEXT, strlen(ART_TEXT), "2023-06-22", NULL,
                            a, NULL), DG_OK);
    CU_ASSERT_EQUAL(dg_graph_size(a), n);
    free(na);
    free(nb);
    dg_graph_free(a);
    dg_graph_free(b);
}

/* The same person, state and organization in two different articles,
 * spelled with and without diacritics and abbreviated, get one IRI each,
 * so that a triple store merges them. */
static void test_same_iri_across_articles(void)
{
    static const char a1[] = "Turkish President Recep Tayyip Erdoğan met "
                             "NATO leaders in Ankara.";
    static const char a2[] = "The U.S. welcomed a call between Recep Tayyip "
                             "Erdogan and the North Atlantic Treaty "
                             "Organization. Erdogan spoke for Turkey.";
    dg_graph *g1 = dg_graph_new(), *g2 = dg_graph_new();
    char *n1, *n2;

    CU_ASSERT_FATAL(g1 && g2);
    CU_ASSERT_EQUAL_FATAL(extract(a1, strlen(a1), NULL, NULL, g1, NULL), DG_OK);
    CU_ASSERT_EQUAL_FATAL(extract(a2, strlen(a2), NULL, NULL, g2, NULL), DG_OK);
    n1 = ntriples(g1);
    n2 = ntriples(g2);
#define ERDOGAN "<" ID "person/recep-tayyip-erdogan>"
#define NATO "<" ID "org/north-atlantic-treaty-organization>"
#define TUR "<" ID "country/tur>"
    CU_ASSERT(has(n1, ERDOGAN " " RDFTYPE " <" NS "Person>"));
    CU_ASSERT(has(n2, ERDOGAN " " RDFTYPE " <" NS "Person>"));
    CU_ASSERT(has(n1, NATO " " RDFTYPE " <" NS "Organization>"));
    CU_ASSERT(has(n2, NATO " " RDFTYPE " <" NS "Organization>"));
    CU_ASSERT(has(n1, TUR " <" NS "isoCode> \"TUR\""));
    CU_ASSERT(has(n2, TUR " <" NS "isoCode> \"TUR\""));
    /* and one label: the people gazetteer's, whatever the spelling */
    CU_ASSERT(has(n1, ERDOGAN " <http://www.w3.org/2000/01/rdf-schema#label> "
                  "\"Recep Tayyip Erdo\\u011Fan\""));
    CU_ASSERT(has(n2, ERDOGAN " <http://www.w3.org/2000/01/rdf-schema#label> "
                  "\"Recep Tayyip Erdo\\u011Fan\""));
    free(n1);
    free(n2);
    dg_graph_free(g1);
    dg_graph_free(g2);
}

/* A graph holding one triple, to see that failures add nothing. */
static dg_graph *one_triple_graph(void)
{
    dg_graph *g = dg_graph_new();

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_FATAL(dg_graph_add_iri(g, "http://example.org/s",
                                     "http://example.org/p",
                                     "http://example.org/o") == DG_OK);
    return g;
}

static void test_bad_utf8(void)
{
    dg_graph *g = one_triple_graph();
    char *giri = NULL;

    CU_ASSERT_EQUAL(extract("Kenya met\xc0\xaf", 11, "2023-06-22", NULL, g,
                            &giri), DG_ERR_ENCODING);
    CU_ASSERT_EQUAL(g_ndiag, 1);
    CU_ASSERT_EQUAL(g_dst, DG_ERR_ENCODING);
    CU_ASSERT_STRING_EQUAL(g_where, "art.txt: byte 9");
    CU_ASSERT_STRING_EQUAL(g_msg, "invalid UTF-8 sequence");
    CU_ASSERT_EQUAL(dg_graph_size(g), 1);
    CU_ASSERT_PTR_NULL(giri);
    /* a lone surrogate after a valid accented name */
    CU_ASSERT_EQUAL(extract("Erdo\xc4\x9f" "an \xed\xa0\x80", 12, NULL, NULL,
                            g, &giri), DG_ERR_ENCODING);
    CU_ASSERT_STRING_EQUAL(g_where, "art.txt: byte 9");
    CU_ASSERT_EQUAL(dg_graph_size(g), 1);
    /* a NUL byte */
    CU_ASSERT_EQUAL(extract("Kenya\0met", 9, NULL, NULL, g, &giri),
                    DG_ERR_ENCODING);
    CU_ASSERT_STRING_EQUAL(g_where, "art.txt: byte 5");
    CU_ASSERT_STRING_EQUAL(g_msg, "NUL byte in text");
    CU_ASSERT_EQUAL(dg_graph_size(g), 1);
    CU_ASSERT_PTR_NULL(giri);
    dg_graph_free(g);
}

static void test_bad_date(void)
{
    dg_graph *g = one_triple_graph();
    char *giri = NULL;

    CU_ASSERT_EQUAL(extract(ART_TEXT, strlen(ART_TEXT), "2023-02-30", NULL, g,
                            &giri), DG_ERR_ARG);
    CU_ASSERT_EQUAL(g_ndiag, 1);
    CU_ASSERT_EQUAL(g_dst, DG_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(g_where, "art.txt");
    CU_ASSERT_STRING_EQUAL(g_msg,
                           "bad date \"2023-02-30\": expected YYYY-MM-DD");
    CU_ASSERT_EQUAL(dg_graph_size(g), 1);
    CU_ASSERT_PTR_NULL(giri);
    CU_ASSERT_EQUAL(extract(ART_TEXT, strlen(ART_TEXT), "22/06/2023", NULL, g,
                            NULL), DG_ERR_ARG);
    CU_ASSERT_EQUAL(dg_graph_size(g), 1);
    dg_graph_free(g);
}

static void test_bad_base_and_args(void)
{
    dg_graph *g = one_triple_graph();
    dg_options o = {"not an iri"};
    dg_article a;

    CU_ASSERT_EQUAL(extract(ART_TEXT, strlen(ART_TEXT), NULL, &o, g, NULL),
                    DG_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(g_msg, "bad base IRI \"not an iri\"");
    CU_ASSERT_EQUAL(dg_graph_size(g), 1);
    memset(&a, 0, sizeof a);
    a.text = NULL;
    a.len = 3;
    CU_ASSERT_EQUAL(dg_extract(g_lex, NULL, &a, g, NULL, NULL, NULL),
                    DG_ERR_ARG);
    CU_ASSERT_EQUAL(dg_extract(NULL, NULL, &a, g, NULL, NULL, NULL),
                    DG_ERR_ARG);
    CU_ASSERT_EQUAL(dg_graph_size(g), 1);
    dg_graph_free(g);
}

static void test_other_base(void)
{
    static const char text[] = "Kenya and Greece agreed.";
    dg_graph *g = dg_graph_new();
    dg_options o = {"http://example.org/kg/"};
    char *nt;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL_FATAL(extract(text, strlen(text), NULL, &o, g, NULL),
                          DG_OK);
    nt = ntriples(g);
    CU_ASSERT_TRUE(has(nt, "<http://example.org/kg/country/ken> <" NS
                       "isoCode> \"KEN\""));
    CU_ASSERT_PTR_NULL(strstr(nt, ID));
    free(nt);
    dg_graph_free(g);
}

static void test_no_date_and_empty(void)
{
    static const char text[] = "Kenji Sato met Amina Otieno on Tuesday.";
    dg_graph *g = dg_graph_new();
    dg_article a;
    char *nt;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    /* without an article date nothing relative resolves */
    CU_ASSERT_EQUAL_FATAL(extract(text, strlen(text), NULL, NULL, g, NULL),
                          DG_OK);
    nt = ntriples(g);
    CU_ASSERT_PTR_NULL(strstr(nt, "<" NS "date>"));
    CU_ASSERT_PTR_NULL(strstr(nt, "<http://purl.org/dc/terms/date>"));
    CU_ASSERT_TRUE(has(nt, "<" ID "event/ee970d4a602aaf83-1> " RDFTYPE " <"
                       NS "Meeting>"));
    free(nt);
    dg_graph_free(g);
    /* an empty article: the article node and its empty context only */
    g = dg_graph_new();
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    memset(&a, 0, sizeof a);
    a.name = "empty";
    CU_ASSERT_EQUAL_FATAL(dg_extract(g_lex, NULL, &a, g, NULL, NULL, NULL),
                          DG_OK);
    CU_ASSERT_EQUAL(dg_graph_size(g), 5);
    nt = ntriples(g);
    CU_ASSERT_TRUE(has(nt, "<" ID "article/cbf29ce484222325> <" NIF
                       "isString> \"\""));
    CU_ASSERT_TRUE(has(nt, "<" ID "article/cbf29ce484222325> <" NIF
                       "endIndex> \"0\"" NNI));
    free(nt);
    dg_graph_free(g);
}

static void test_metadata(void)
{
    static const char text[] = "Kenya and Greece agreed.";
    dg_graph *g = dg_graph_new();
    dg_article a;
    char *nt;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    memset(&a, 0, sizeof a);
    a.name = "meta";
    a.text = text;
    a.len = strlen(text);
    a.date = "2024-02-29";
    a.source = "https://example.org/news/1";
    a.title = "Kenya and Greece agree";
    CU_ASSERT_EQUAL_FATAL(dg_extract(g_lex, NULL, &a, g, NULL, NULL, NULL),
                          DG_OK);
    nt = ntriples(g);
    CU_ASSERT_TRUE(has(nt, "<" ID "article/" META_ID "> <http://purl.org/"
                       "dc/terms/title> \"Kenya and Greece agree\""));
    CU_ASSERT_TRUE(has(nt, "<" ID "article/" META_ID "> <http://purl.org/"
                       "dc/terms/source> <https://example.org/news/1>"));
    CU_ASSERT_TRUE(has(nt, "<" ID "article/" META_ID "> <http://purl.org/"
                       "dc/terms/date> \"2024-02-29\"^^<" XSD "date>"));
    free(nt);
    dg_graph_free(g);
}

/* The graph IRI of text with source, title and date (each may be NULL);
 * malloc'd. */
static char *graph_of(const char *text, const char *source,
                      const char *title, const char *date)
{
    dg_graph *g = dg_graph_new();
    dg_article a;
    char *giri = NULL;

    memset(&a, 0, sizeof a);
    a.text = text;
    a.len = strlen(text);
    a.source = source;
    a.title = title;
    a.date = date;
    CU_ASSERT_EQUAL(dg_extract(g_lex, NULL, &a, g, &giri, NULL, NULL), DG_OK);
    dg_graph_free(g);
    return giri;
}

/* Article identity (README): the same text with another url, title or
 * date is another article; the same text and metadata, the same one. */
static void test_identity(void)
{
    static const char text[] = "Kenya and Greece agreed.";
    char *iri[6];
    int i, j;

    iri[0] = graph_of(text, NULL, NULL, NULL);
    iri[1] = graph_of(text, "https://example.org/1", NULL, NULL);
    iri[2] = graph_of(text, "https://example.org/2", NULL, NULL);
    iri[3] = graph_of(text, NULL, "A title", NULL);
    iri[4] = graph_of(text, NULL, NULL, "2024-02-29");
    iri[5] = graph_of(text, "https://example.org/1", "A title", "2024-02-29");
    CU_ASSERT_STRING_EQUAL(iri[0], ID "graph/80cb5046607f8213");
    for (i = 0; i < 6; i++)
        for (j = i + 1; j < 6; j++)
            CU_ASSERT_STRING_NOT_EQUAL(iri[i], iri[j]);
    free(iri[0]);
    iri[0] = graph_of(text, "https://example.org/1", "A title", "2024-02-29");
    CU_ASSERT_STRING_EQUAL(iri[0], iri[5]);
    for (i = 0; i < 6; i++)
        free(iri[i]);
}

/* A title or source that no syntax can write whole is refused: nothing
 * is added, the diagnostic names the field and the byte. */
static void test_bad_metadata(void)
{
    dg_graph *g = one_triple_graph();
    dg_article a;

    memset(&a, 0, sizeof a);
    a.name = "art.txt";
    a.text = "Kenya met Greece.";
    a.len = strlen(a.text);
    a.title = "ab\xef\xbf\xbf";
    CU_ASSERT_EQUAL(dg_extract(g_lex, NULL, &a, g, NULL, diag, NULL),
                    DG_ERR_ENCODING);
    CU_ASSERT_STRING_EQUAL(g_where, "art.txt");
    CU_ASSERT_STRING_EQUAL(g_msg, "title: noncharacter U+FFFF at byte 2");
    a.title = "caf\xe9";
    CU_ASSERT_EQUAL(dg_extract(g_lex, NULL, &a, g, NULL, diag, NULL),
                    DG_ERR_ENCODING);
    CU_ASSERT_STRING_EQUAL(g_msg, "title: invalid UTF-8 sequence at byte 3");
    a.title = NULL;
    a.source = "http://example.org/\xef\xbf\xbe";
    CU_ASSERT_EQUAL(dg_extract(g_lex, NULL, &a, g, NULL, diag, NULL),
                    DG_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(g_msg,
                           "bad source IRI \"http://example.org/\xef\xbf\xbe\"");
    /* a noncharacter in the text is refused like a NUL byte */
    CU_ASSERT_EQUAL(extract("Kenya \xef\xb7\x90 met", 12, NULL, NULL, g,
                            NULL), DG_ERR_ENCODING);
    CU_ASSERT_STRING_EQUAL(g_where, "art.txt: byte 6");
    CU_ASSERT_STRING_EQUAL(g_msg, "noncharacter U+FDD0 in text");
    CU_ASSERT_EQUAL(dg_graph_size(g), 1);
    /* a graph given to dg_extract_graph (a corpus's, reused) is emptied
     * even when the article is refused: no triple of the one before */
    a.source = NULL;
    a.title = "ab\xef\xbf\xbf";
    CU_ASSERT_EQUAL(dg_extract_graph(g_lex, NULL, &a, &g, NULL, diag, NULL),
                    DG_ERR_ENCODING);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(dg_graph_size(g), 0);
    a.title = NULL;
    CU_ASSERT_EQUAL(dg_extract_graph(g_lex, NULL, &a, &g, NULL, diag, NULL),
                    DG_OK);
    CU_ASSERT(dg_graph_size(g) > 1);
    dg_graph_free(g);
}

/* A long article name does not cut the byte offset off the message. */
static void test_long_name(void)
{
    static char name[5000];
    dg_graph *g = one_triple_graph();
    dg_article a;

    memset(name, 'n', sizeof name - 1);
    memset(&a, 0, sizeof a);
    a.name = name;
    a.text = "Kenya met\xc0\xaf";
    a.len = 11;
    CU_ASSERT_EQUAL(dg_extract(g_lex, NULL, &a, g, NULL, diag_long, NULL),
                    DG_ERR_ENCODING);
    CU_ASSERT_EQUAL(g_long_where_len, sizeof name - 1 + strlen(": byte 9"));
    CU_ASSERT_STRING_EQUAL(g_where, ": byte 9");
    dg_graph_free(g);
}

int main(void)
{
    static const dg_test tests[] = {
        {"key triples of a two-sentence article", test_key_triples},
        {"a 3-day visit: dip:duration P3D", test_duration},
        {"deterministic output", test_deterministic},
        {"one IRI per entity across articles", test_same_iri_across_articles},
        {"invalid UTF-8 and NUL bytes", test_bad_utf8},
        {"bad date", test_bad_date},
        {"bad base IRI and arguments", test_bad_base_and_args},
        {"another base IRI", test_other_base},
        {"no article date; empty article", test_no_date_and_empty},
        {"title, source and date of the article", test_metadata},
        {"article identity: text, source, title, date", test_identity},
        {"a title or source no syntax can write whole", test_bad_metadata},
        {"a long article name keeps the byte offset", test_long_name},
        {NULL, NULL}
    };
    char dir[4096];
    int rc;

    snprintf(dir, sizeof dir, "%s/data", dg_test_srcdir());
    if (dg_lexicon_load(dir, &g_lex, NULL, NULL) != DG_OK) {
        fprintf(stderr, "cannot load the lexicon from %s\n", dir);
        return 1;
    }
    rc = dg_run_tests("extract", tests);
    dg_lexicon_free(g_lex);
    return rc;
}
