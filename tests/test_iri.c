/*
 * test_iri.c: exact IRIs minted from names with diacritics, punctuation,
 * other scripts and nothing at all, and the IRI validity check.
 */
#include "internal.h"
#include "testutil.h"

#include <string.h>

#define B "https://w3id.org/diplograph/id/"

/* Asserts that minting (base, kind, key) gives exactly `want`. */
static void check_mint(const char *base, const char *kind, const char *key,
                       const char *want)
{
    char *got = dg_iri_mint(base, kind, key);

    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_STRING_EQUAL(got, want);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "\nmint(%s): got <%s> want <%s>\n", key, got, want);
    CU_ASSERT_TRUE(dg_iri_valid(got));
    free(got);
}

static void test_ascii(void)
{
    check_mint(B, "person", "Antony Blinken", B "person/antony-blinken");
    check_mint(B, "org", "U.S. State Department", B "org/u-s-state-department");
    check_mint(B, "country", "USA", B "country/usa");
    check_mint(B, "event", "  --Meeting 42--  ", B "event/meeting-42");
}

static void test_diacritics(void)
{
    check_mint(B, "person", "Recep Tayyip Erdoğan",
               B "person/recep-tayyip-erdogan");
    check_mint(B, "person", "François Hollande", B "person/francois-hollande");
    check_mint(B, "person", "Lech Wałęsa", B "person/lech-walesa");
    check_mint(B, "person", "Jonas Gahr Støre", B "person/jonas-gahr-store");
    check_mint(B, "place", "Straße", B "place/strasse");
    check_mint(B, "person", "Æsa Ørsted", B "person/aesa-orsted");
    check_mint(B, "place", "Diyarbakır", B "place/diyarbakir");
    check_mint(B, "place", "İstanbul", B "place/istanbul");
    check_mint(B, "place", "Timișoara Constanţa", B "place/timisoara-constanta");
    check_mint(B, "place", "Ploiești Târgu Mureș", B "place/ploiesti-targu-mures");
    check_mint(B, "person", "Çavuşoğlu", B "person/cavusoglu");
    check_mint(B, "person", "Ñúñez Þór", B "person/nunez-thor");
}

static void test_punctuation(void)
{
    check_mint(B, "org", "\"Quoted\" <b> & 'single'",
               B "org/quoted-b-single");
    check_mint(B, "topic", "a#b?c=d/e\\f", B "topic/a-b-c-d-e-f");
    check_mint(B, "topic", "tab\there\nnewline\r", B "topic/tab-here-newline");
    check_mint(B, "topic", "Xi’s “talks” — today", B "topic/xi-s-talks-today");
    check_mint(B, "topic", "non\xc2\xa0" "break", B "topic/non-break");
    check_mint(B, "topic", "{a|b^c`d}%", B "topic/a-b-c-d");
}

static void test_other_scripts(void)
{
    /* Cyrillic: lower-cased, then percent-encoded. */
    check_mint(B, "person", "Путин", B "person/%D0%BF%D1%83%D1%82%D0%B8%D0%BD");
    /* Arabic, right to left, with a right-to-left mark around it. */
    check_mint(B, "place", "\xe2\x80\x8f" "عمان" "\xe2\x80\x8f",
               B "place/%D8%B9%D9%85%D8%A7%D9%86");
    check_mint(B, "topic", "peace \xf0\x9f\x95\x8a dove",
               B "topic/peace-%F0%9F%95%8A-dove");
    check_mint(B, "place", "北京", B "place/%E5%8C%97%E4%BA%AC");
    check_mint(B, "person", "Ελλάδα", B "person/%CE%B5%CE%BB%CE%BB%CE%AC%CE%B4%CE%B1");
}

static void test_empty_and_base(void)
{
    check_mint(B, "person", "", B "person/_");
    /* a name of punctuation only: "_" and a hash of it (FNV-1a) */
    check_mint(B, "person", " ,;- ", B "person/_d7005493");
    check_mint("http://example.org/data", "person", "X", "http://example.org/data/person/x");
    check_mint("http://example.org/data#", "person", "X", "http://example.org/data#person/x");
    check_mint(B, NULL, "Some Article", B "some-article");
    check_mint(B, "", "Some Article", B "some-article");
    /* Invalid UTF-8 bytes separate words. */
    check_mint(B, "person", "ab\xff\xfe" "cd\xc3", B "person/ab-cd");
    CU_ASSERT_PTR_NULL(dg_iri_mint(NULL, "person", "x"));
    CU_ASSERT_PTR_NULL(dg_iri_mint(B, "person", NULL));
}

static void test_valid(void)
{
    CU_ASSERT_EQUAL(dg_iri_valid("http://example.org/a"), 1);
    CU_ASSERT_EQUAL(dg_iri_valid("urn:isbn:123"), 1);
    CU_ASSERT_EQUAL(dg_iri_valid("http://example.org/%E5%8C%97#x"), 1);
    CU_ASSERT_EQUAL(dg_iri_valid("http://example.org/\xe5\x8c\x97"), 1);
    CU_ASSERT_EQUAL(dg_iri_valid("http://example.org/\xe2\x80\xa2"), 1);
    CU_ASSERT_EQUAL(dg_iri_valid("x-y.z+1:q"), 1);
    CU_ASSERT_EQUAL(dg_iri_valid(NULL), 0);
    CU_ASSERT_EQUAL(dg_iri_valid(""), 0);
    CU_ASSERT_EQUAL(dg_iri_valid("relative/path"), 0);
    CU_ASSERT_EQUAL(dg_iri_valid(":nothing"), 0);
    CU_ASSERT_EQUAL(dg_iri_valid("1http://x"), 0);
    CU_ASSERT_EQUAL(dg_iri_valid("ht tp://x"), 0);
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/a b"), 0);
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/a\tb"), 0);
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/a\x7f"), 0);
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/\xc2\x85"), 0);
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/\xff"), 0);
    /* Unicode white space and bidi formatting (JSON-LD, RFC 3987) */
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/a\xc2\xa0" "b"), 0);      /* U+00A0 */
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/a\xe2\x80\xa8" "b"), 0);  /* U+2028 */
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/a\xe3\x80\x80" "b"), 0);  /* U+3000 */
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/a\xe2\x80\xae" "b"), 0);  /* U+202E */
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/a\xe2\x80\x8b" "b"), 1);  /* U+200B */
    /* noncharacters (RFC 3987; Raptor would cut the IRI at U+FFFE) */
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/\xef\xbf\xbe/y"), 0);
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/\xef\xbf\xbf"), 0);
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/\xef\xb7\x90"), 0);
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/\xf4\x8f\xbf\xbf"), 0);
    CU_ASSERT_EQUAL(dg_iri_valid("http://x/\xef\xbf\xbd"), 1);   /* U+FFFD */
    {
        const char *bad = "<>\"{}|^`\\";
        char iri[16];
        size_t k;

        for (k = 0; bad[k]; k++) {
            snprintf(iri, sizeof iri, "http://x/%c", bad[k]);
            CU_ASSERT_EQUAL(dg_iri_valid(iri), 0);
        }
    }
}

int main(void)
{
    static const dg_test tests[] = {
        {"ascii", test_ascii},
        {"diacritics", test_diacritics},
        {"punctuation", test_punctuation},
        {"other scripts", test_other_scripts},
        {"empty slug and base", test_empty_and_base},
        {"iri valid", test_valid},
        {NULL, NULL}};

    return dg_run_tests("iri", tests);
}
