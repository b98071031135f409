/*
 * test_mentions.c: unit tests for mentions.c, one name construction per
 * test: demonym + title + person, "TITLE of STATE NAME", "TITLE, NAME",
 * an apposition after the name (title case and lower case), a capital
 * city standing for its state or not, the case-exact "U.S." against
 * "us", middle initials, and one-word repeats of a known name; titles in
 * lower case, "the country's", appositions with bodies, lists of titled
 * names, the tense of a post, hyphenated and particle names, surnames
 * that are common words, ministries of no state, withdrawn states,
 * unknown organizations, venues and towns, more evidence of a person,
 * "made X president", and a one-word organization as a surname.  The
 * lexicon is the real one from <top_srcdir>/data; every name is
 * invented.
 */
#include "internal.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

static dg_lexicon *g_lex;
static dg_doc g_doc;

/* Segments text and finds its mentions (resolve: also entities). */
static void run(const char *text, int resolve)
{
    dg_doc_release(&g_doc);
    memset(&g_doc, 0, sizeof g_doc);
    g_doc.text = text;
    g_doc.len = strlen(text);
    g_doc.lex = g_lex;
    CU_ASSERT_FATAL(g_lex != NULL);
    CU_ASSERT_FATAL(dg_segment(&g_doc) == DG_OK);
    CU_ASSERT_FATAL(dg_find_mentions(&g_doc) == DG_OK);
    if (resolve)
        CU_ASSERT_FATAL(dg_resolve_entities(&g_doc) == DG_OK);
}

/* Checks mention k: exact text, tokens, type, kind, title and
 * title_country links, metonymy and gazetteer key (NULL: a pattern). */
static void ment(size_t k, const char *text, size_t tb, size_t te,
                 dg_ment_type type, dg_ent_kind kind, int title, int tc,
                 int meto, const char *lexkey)
{
    const dg_mention *m;
    size_t b, e;

    CU_ASSERT_FATAL(k < g_doc.nments);
    m = &g_doc.ments[k];
    CU_ASSERT_EQUAL(m->tok_b, tb);
    CU_ASSERT_EQUAL(m->tok_e, te);
    CU_ASSERT_FATAL(m->tok_b < m->tok_e && m->tok_e <= g_doc.ntoks);
    b = g_doc.toks[m->tok_b].b;
    e = g_doc.toks[m->tok_e - 1].e;
    CU_ASSERT_EQUAL(e - b, strlen(text));
    CU_ASSERT_EQUAL(strncmp(g_doc.text + b, text, e - b), 0);
    CU_ASSERT_EQUAL(m->type, type);
    if (type == DG_MENT_NAME || type == DG_MENT_DEMONYM)
        CU_ASSERT_EQUAL(m->kind, kind);
    CU_ASSERT_EQUAL(m->title, title);
    CU_ASSERT_EQUAL(m->title_country, tc);
    CU_ASSERT_EQUAL(m->metonymy, meto);
    if (lexkey) {
        CU_ASSERT_PTR_NOT_NULL_FATAL(m->lex);
        CU_ASSERT_STRING_EQUAL(m->lex->key, lexkey);
    } else {
        CU_ASSERT_PTR_NULL(m->lex);
    }
}

#define NAME DG_MENT_NAME
#define DEM DG_MENT_DEMONYM
#define TTL DG_MENT_TITLE
#define PER DG_ENT_PERSON
#define CTY DG_ENT_COUNTRY
#define PLC DG_ENT_PLACE

static void test_demonym_title_person(void)
{
    run("Chinese Foreign Minister Wang Yi arrived.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "Chinese", 0, 1, DEM, CTY, -1, -1, 0, "CHN");
    ment(1, "Foreign Minister", 1, 3, TTL, PER, -1, 0, 0, "Foreign Minister");
    ment(2, "Wang Yi", 3, 5, NAME, PER, 1, -1, 0, "wang yi");
}

static void test_title_of_state(void)
{
    run("President of Russia Vladimir Putin spoke.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "President", 0, 1, TTL, PER, -1, 1, 0, "President");
    ment(1, "Russia", 2, 3, NAME, CTY, -1, -1, 0, "RUS");
    ment(2, "Vladimir Putin", 3, 5, NAME, PER, 0, -1, 0, "vladimir putin");
}

static void test_title_comma_name(void)
{
    run("The Polish Foreign Minister, Zbigniew Rau, spoke.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "Polish", 1, 2, DEM, CTY, -1, -1, 0, "POL");
    ment(1, "Foreign Minister", 2, 4, TTL, PER, -1, 0, 0, "Foreign Minister");
    ment(2, "Zbigniew Rau", 5, 7, NAME, PER, 1, -1, 0, "zbigniew rau");
    /* an invented name: the pattern, not the people gazetteer */
    run("Foreign Minister, Jean-Yves Morel, spoke.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 2);
    ment(0, "Foreign Minister", 0, 2, TTL, PER, -1, -1, 0, "Foreign Minister");
    ment(1, "Jean-Yves Morel", 3, 7, NAME, PER, 0, -1, 0, NULL);
}

static void test_apposition_after(void)
{
    run("Matthew Miller, Department Spokesperson, said so.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 2);
    ment(0, "Matthew Miller", 0, 2, NAME, PER, 1, -1, 0, "matthew miller");
    ment(1, "Department Spokesperson", 3, 5, TTL, PER, -1, -1, 0,
         "Department Spokesperson");
}

static void test_lower_case_apposition(void)
{
    run("Wang Yi, China\xe2\x80\x99s foreign minister, said so.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "Wang Yi", 0, 2, NAME, PER, 2, -1, 0, "wang yi");
    ment(1, "China", 3, 4, NAME, CTY, -1, -1, 0, "CHN");
    ment(2, "foreign minister", 5, 7, TTL, PER, -1, 1, 0, "Foreign Minister");
    /* without the title the name stands alone */
    run("Wang Yi, China and Kenya.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "Wang Yi", 0, 2, NAME, PER, -1, -1, 0, "wang yi");
}

static void test_capital_metonymy(void)
{
    run("Moscow said it would respond.", 1);
    CU_ASSERT_EQUAL(g_doc.nments, 1);
    ment(0, "Moscow", 0, 1, NAME, PLC, -1, -1, 1, "Moscow");
    CU_ASSERT_EQUAL_FATAL(g_doc.nents, 1);
    CU_ASSERT_EQUAL(g_doc.ents[0].kind, DG_ENT_COUNTRY);
    CU_ASSERT_STRING_EQUAL(g_doc.ents[0].key, "RUS");
    CU_ASSERT_STRING_EQUAL(g_doc.ents[0].label, "Russia");

    run("Talks were held in Moscow.", 1);
    CU_ASSERT_EQUAL(g_doc.nments, 1);
    ment(0, "Moscow", 4, 5, NAME, PLC, -1, -1, 0, "Moscow");
    CU_ASSERT_EQUAL_FATAL(g_doc.nents, 1);
    CU_ASSERT_EQUAL(g_doc.ents[0].kind, DG_ENT_PLACE);
    CU_ASSERT_STRING_EQUAL(g_doc.ents[0].label, "Moscow");
    CU_ASSERT_STRING_EQUAL(g_doc.ents[0].place_cls, "city");

    run("Relations with Washington improved.", 0);
    ment(0, "Washington", 2, 3, NAME, PLC, -1, -1, 1, "Washington");
    /* part of a longer name, and a dateline */
    run("MOSCOW - Officials met.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 2);
    ment(0, "MOSCOW", 0, 1, NAME, PLC, -1, -1, 0, "Moscow");
    ment(1, "Officials", 2, 3, TTL, PER, -1, -1, 0, "Official");
    /* a place before an unknown capitalized word is part of a longer
     * name, no place */
    run("Vienna Convention talks.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 0);
}

static void test_us_case(void)
{
    run("The U.S. and us.", 1);
    CU_ASSERT_EQUAL(g_doc.nments, 1);
    ment(0, "U.S.", 1, 2, NAME, CTY, -1, -1, 0, "USA");
    CU_ASSERT_EQUAL_FATAL(g_doc.nents, 1);
    CU_ASSERT_STRING_EQUAL(g_doc.ents[0].label, "United States");
    run("Us and them. Give us time.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 0);
    run("US envoys.", 0);
    CU_ASSERT_TRUE(g_doc.nments >= 1);
    ment(0, "US", 0, 1, NAME, CTY, -1, -1, 0, "USA");
}

static void test_middle_initial(void)
{
    run("Antony J. Blinken arrived.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 1);
    ment(0, "Antony J. Blinken", 0, 3, NAME, PER, -1, -1, 0,
         "antony blinken");
    run("Anna K. Lindqvist met Omar Haddad. Later Lindqvist left.", 1);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "Anna K. Lindqvist", 0, 3, NAME, PER, -1, -1, 0, NULL);
    ment(1, "Omar Haddad", 4, 6, NAME, PER, -1, -1, 0, NULL);
    /* the one-word repeat found by the second pass */
    ment(2, "Lindqvist", 8, 9, NAME, PER, -1, -1, 0, NULL);
    CU_ASSERT_EQUAL(g_doc.ments[0].entity, g_doc.ments[2].entity);
    CU_ASSERT_NOT_EQUAL(g_doc.ments[0].entity, g_doc.ments[1].entity);
}

static void test_title_state_forms(void)
{
    /* TITLE NAME of STATE */
    run("Prime Minister Kenji Sato of Japan met officials.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 4);
    ment(0, "Prime Minister", 0, 2, TTL, PER, -1, 2, 0, "Prime Minister");
    ment(1, "Kenji Sato", 2, 4, NAME, PER, 0, -1, 0, NULL);
    ment(2, "Japan", 5, 6, NAME, CTY, -1, -1, 0, "JPN");
    /* state abbreviation before the title */
    run("UK Foreign Secretary Anne Morel arrived.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "UK", 0, 1, NAME, CTY, -1, -1, 0, "GBR");
    ment(1, "Foreign Secretary", 1, 3, TTL, PER, -1, 0, 0,
         "Foreign Secretary");
    ment(2, "Anne Morel", 3, 5, NAME, PER, 1, -1, 0, NULL);
    /* possessive state before the title */
    run("France\xe2\x80\x99s Minister Anne Morel spoke.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "France", 0, 1, NAME, CTY, -1, -1, 0, "FRA");
    ment(1, "Minister", 2, 3, TTL, PER, -1, 0, 0, "Minister");
    ment(2, "Anne Morel", 3, 5, NAME, PER, 1, -1, 0, NULL);
    /* apposition with "the" and a state abbreviation */
    run("Anne Morel, the U.S. Secretary of State, spoke.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "Anne Morel", 0, 2, NAME, PER, 2, -1, 0, NULL);
    ment(1, "U.S.", 4, 5, NAME, CTY, -1, -1, 0, "USA");
    ment(2, "Secretary of State", 5, 8, TTL, PER, -1, 1, 0,
         "Secretary of State");
}

/* Two unknown capitalized words are a person's name only with evidence:
 * a person noun before them, "and" after a person, "with" or a trigger
 * around them; "Hurricane Ian" and "Operation Warp Speed" have none. */
static void test_bare_names(void)
{
    size_t k;

    run("After Hurricane Ian, officials praised Operation Warp Speed.", 0);
    for (k = 0; k < g_doc.nments; k++)
        CU_ASSERT(g_doc.ments[k].type != NAME);
    run("American citizens Joan Reyes and Tomas Lindqvist were freed.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "American", 0, 1, DEM, CTY, -1, -1, 0, "USA");
    ment(1, "Joan Reyes", 2, 4, NAME, PER, -1, -1, 0, NULL);
    ment(2, "Tomas Lindqvist", 5, 7, NAME, PER, -1, -1, 0, NULL);
    run("The minister met with Kenji Sato.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 1);
    ment(0, "Kenji Sato", 4, 6, NAME, PER, -1, -1, 0, NULL);
}

static void test_org_head_not_person(void)
{
    run("The Foreign Affairs Council met.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 1);
    ment(0, "Foreign Affairs Council", 1, 4, NAME, DG_ENT_ORG, -1, -1, 0,
         NULL);
}


/* Checks mention k's tense (titles) and own state (people). */
static void ment_tense(size_t k, int tense, int post_state)
{
    CU_ASSERT_FATAL(k < g_doc.nments);
    CU_ASSERT_EQUAL(g_doc.ments[k].tense, tense);
    CU_ASSERT_EQUAL(g_doc.ments[k].post_state, post_state);
}

#define ORG DG_ENT_ORG

/* Titles in lower case count next to a name, a state or a body, and, of
 * two words, after "the"; a lone "minister" does not. */
static void test_lower_case_titles(void)
{
    run("Officials met foreign minister Tomas Nowak.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(1, "foreign minister", 2, 4, TTL, PER, -1, -1, 0, "Foreign Minister");
    ment(2, "Tomas Nowak", 4, 6, NAME, PER, 1, -1, 0, NULL);
    run("British prime minister Tom Hale spoke.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "British", 0, 1, DEM, CTY, -1, -1, 0, "GBR");
    ment(1, "prime minister", 1, 3, TTL, PER, -1, 0, 0, "Prime Minister");
    ment(2, "Tom Hale", 3, 5, NAME, PER, 1, -1, 0, NULL);
    run("NATO's secretary general, Tomas Nowak, spoke.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "NATO", 0, 1, NAME, ORG, -1, -1, 0,
         "North Atlantic Treaty Organization");
    ment(1, "secretary general", 2, 4, TTL, PER, -1, 0, 0,
         "Secretary-General");
    ment(2, "Tomas Nowak", 5, 7, NAME, PER, 1, -1, 0, NULL);
    run("The talks began. The defence secretary left.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 1);
    ment(0, "defence secretary", 5, 7, TTL, PER, -1, -1, 0,
         "Defence Secretary");
    run("The minister left.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 0);
}

/* "the country's defence minister": the state named last. */
static void test_state_anaphor(void)
{
    run("Chile was hit. Tom Hale, the country's defence minister, said so.",
        0);
    CU_ASSERT_EQUAL(g_doc.nments, 4);
    ment(0, "Chile", 0, 1, NAME, CTY, -1, -1, 0, "CHL");
    ment(1, "Tom Hale", 4, 6, NAME, PER, 3, -1, 0, NULL);
    ment(2, "country", 8, 9, DEM, CTY, -1, -1, 0, "CHL");
    ment(3, "defence minister", 10, 12, TTL, PER, -1, 2, 0,
         "Defence Minister");
}

/* Appositions: a modifier after the state, "of BODY", "at BODY". */
static void test_apposition_bodies(void)
{
    run("Ana Lopes, Chile's acting foreign minister, said so.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "Ana Lopes", 0, 2, NAME, PER, 2, -1, 0, NULL);
    ment(1, "Chile", 3, 4, NAME, CTY, -1, -1, 0, "CHL");
    ment(2, "foreign minister", 6, 8, TTL, PER, -1, 1, 0, "Foreign Minister");
    run("Tomas Nowak, secretary general of NATO, spoke.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "Tomas Nowak", 0, 2, NAME, PER, 1, -1, 0, NULL);
    ment(1, "secretary general", 3, 5, TTL, PER, -1, 2, 0,
         "Secretary-General");
    ment(2, "NATO", 6, 7, NAME, ORG, -1, -1, 0,
         "North Atlantic Treaty Organization");
    run("Jon Berg, an analyst at the Brookings Institution, said.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "Jon Berg", 0, 2, NAME, PER, 1, -1, 0, NULL);
    ment(1, "analyst", 4, 5, TTL, PER, -1, 2, 0, "Analyst");
    ment(2, "Brookings Institution", 7, 9, NAME, ORG, -1, -1, 0,
         "Brookings Institution");
}

/* "Title Name, Title Name and Title Name" is three people; a name right
 * after a title is no apposition; a plural title before a list gives
 * each name the post, in the state named after it. */
static void test_title_lists(void)
{
    run("President Ana Lopes, Foreign Minister Tomas Nowak and Defence "
        "Minister Tom Hale met.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 6);
    ment(1, "Ana Lopes", 1, 3, NAME, PER, 0, -1, 0, NULL);
    ment(3, "Tomas Nowak", 6, 8, NAME, PER, 2, -1, 0, NULL);
    ment(5, "Tom Hale", 11, 13, NAME, PER, 4, -1, 0, NULL);
    run("Ana Lopes, Foreign Minister Tomas Nowak and Tom Hale met.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 4);
    ment(0, "Ana Lopes", 0, 2, NAME, PER, -1, -1, 0, NULL);
    ment(2, "Tomas Nowak", 5, 7, NAME, PER, 1, -1, 0, NULL);
    run("Defence Ministers Ana Lopes of Chile, Tomas Nowak of Norway and "
        "Tom Hale of Canada met.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 7);
    ment(0, "Defence Ministers", 0, 2, TTL, PER, -1, -1, 0,
         "Defence Minister");
    ment(1, "Ana Lopes", 2, 4, NAME, PER, 0, -1, 0, NULL);
    ment_tense(1, DG_TENSE_CURRENT, 2);
    ment(2, "Chile", 5, 6, NAME, CTY, -1, -1, 0, "CHL");
    ment(3, "Tomas Nowak", 7, 9, NAME, PER, 0, -1, 0, NULL);
    ment_tense(3, DG_TENSE_CURRENT, 4);
    ment(5, "Tom Hale", 12, 14, NAME, PER, 0, -1, 0, NULL);
    ment_tense(5, DG_TENSE_CURRENT, 6);
    ment(6, "Canada", 15, 16, NAME, CTY, -1, -1, 0, "CAN");
}

/* "former", "then-", "the late" (held before); "proposed",
 * "-designate" (not yet). */
static void test_title_tense(void)
{
    run("former President Ana Lopes spoke.", 0);
    ment(0, "President", 1, 2, TTL, PER, -1, -1, 0, "President");
    ment_tense(0, DG_TENSE_FORMER, -1);
    run("Then-Secretary of State Tomas Nowak came.", 0);
    ment(0, "Secretary of State", 2, 5, TTL, PER, -1, -1, 0,
         "Secretary of State");
    ment_tense(0, DG_TENSE_FORMER, -1);
    run("The late King Tomas Berg died.", 0);
    ment(0, "King", 2, 3, TTL, PER, -1, -1, 0, "King");
    ment_tense(0, DG_TENSE_FORMER, -1);
    run("Proposed Defense Secretary Tom Hale waited.", 0);
    ment(0, "Defense Secretary", 1, 3, TTL, PER, -1, -1, 0,
         "Defense Secretary");
    ment_tense(0, DG_TENSE_FUTURE, -1);
    run("Prime Minister-designate Ana Lopes spoke.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 2);
    ment_tense(0, DG_TENSE_FUTURE, -1);
    ment(1, "Ana Lopes", 4, 6, NAME, PER, 0, -1, 0, NULL);
    run("Ana Lopes, Chile's former foreign minister, spoke.", 0);
    ment(2, "foreign minister", 6, 8, TTL, PER, -1, 1, 0, "Foreign Minister");
    ment_tense(2, DG_TENSE_FORMER, -1);
    run("President Ana Lopes spoke.", 0);
    ment_tense(0, DG_TENSE_CURRENT, -1);
}

/* Hyphenated given names, particles, a common word as a surname. */
static void test_name_forms(void)
{
    run("Park Jae-sung said so.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 1);
    ment(0, "Park Jae-sung", 0, 4, NAME, PER, -1, -1, 0, NULL);
    run("Yusuf bin Tarek said.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 1);
    ment(0, "Yusuf bin Tarek", 0, 3, NAME, PER, -1, -1, 0, NULL);
    /* "May" after a given name and before "said" is the surname; "in
     * May" and "on May 5" are dates */
    run("Anna May arrived in May. May said so on May 5.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 2);
    ment(0, "Anna May", 0, 2, NAME, PER, -1, -1, 0, NULL);
    ment(1, "May", 6, 7, NAME, PER, -1, -1, 0, NULL);
    /* a surname of the gazetteer as the first word of another name */
    run("Modi Kumar said.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 1);
    ment(0, "Modi Kumar", 0, 2, NAME, PER, -1, -1, 0, NULL);
}

/* After a title: a diplomat's host ("ambassador to Washington"), and a
 * known name that holds a common word ("Liu He"). */
static void test_after_title(void)
{
    run("Chilean ambassador to Washington Ana Lopes spoke.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 4);
    ment(1, "ambassador", 1, 2, TTL, PER, -1, 0, 0, "Ambassador");
    ment(2, "Washington", 3, 4, NAME, PLC, -1, -1, 0, "Washington");
    ment(3, "Ana Lopes", 4, 6, NAME, PER, 1, -1, 0, NULL);
    run("Vice Premier Liu He spoke.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 2);
    ment(1, "Liu He", 2, 4, NAME, PER, 0, -1, 0, "liu he");
}

/* A ministry of no state takes the state before it. */
static void test_ministry_of_state(void)
{
    run("Japan's foreign ministry said. Pakistan's foreign office agreed.",
        0);
    CU_ASSERT_EQUAL(g_doc.nments, 4);
    ment(0, "Japan", 0, 1, NAME, CTY, -1, -1, 0, "JPN");
    ment(1, "foreign ministry", 2, 4, NAME, ORG, -1, 0, 0, "Foreign Ministry");
    ment(3, "foreign office", 8, 10, NAME, ORG, -1, 2, 0, "Foreign Ministry");
    CU_ASSERT_EQUAL(g_doc.ments[0].title_state, 1);
    /* the gazetteer's own ministry of Britain */
    run("Britain's Foreign Office said.", 0);
    ment(1, "Foreign Office", 2, 4, NAME, ORG, -1, -1, 0,
         "Foreign, Commonwealth and Development Office");
}

/* Withdrawn states by their names and demonyms. */
static void test_withdrawn_states(void)
{
    run("The Soviet Union and East German officials met Zaire.", 0);
    ment(0, "Soviet Union", 1, 3, NAME, CTY, -1, -1, 0, "SUN");
    ment(1, "East German", 4, 6, DEM, CTY, -1, -1, 0, "DDR");
    ment(3, "Zaire", 8, 9, NAME, CTY, -1, -1, 0, "ZAR");
}

/* Organizations, venues and towns no gazetteer lists. */
static void test_unknown_orgs_and_places(void)
{
    run("The Chilean National Commission on Water Rights met.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 1);
    ment(0, "Chilean National Commission on Water Rights", 1, 7, NAME, ORG,
         -1, -1, 0, NULL);
    run("The Law and Order Party won.", 0);
    ment(0, "Law and Order Party", 1, 5, NAME, ORG, -1, -1, 0, NULL);
    run("They landed at Kilo International Airport.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 1);
    ment(0, "Kilo International Airport", 3, 6, NAME, PLC, -1, -1, 0, NULL);
    run("The talks were held in Tarmoor.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 1);
    ment(0, "Tarmoor", 5, 6, NAME, PLC, -1, -1, 0, NULL);
    run("They met at Kellby and Dunmore in Peru.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(0, "Kellby", 3, 4, NAME, PLC, -1, -1, 0, NULL);
    ment(1, "Dunmore", 5, 6, NAME, PLC, -1, -1, 0, NULL);
    ment(2, "Peru", 7, 8, NAME, CTY, -1, -1, 0, "PER");
    run("Vellana, Austria hosted them.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 2);
    ment(0, "Vellana", 0, 1, NAME, PLC, -1, 1, 0, NULL);
    ment(1, "Austria", 2, 3, NAME, CTY, -1, -1, 0, "AUT");
    /* no town: a person named before, "spoke to" */
    run("Olav Rund said so. They met in Rund. She spoke to Kellby.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 2);
    ment(1, "Rund", 8, 9, NAME, PER, -1, -1, 0, NULL);
}

/* A capital after "capital," or after "or" and a place is a place. */
static void test_capital_places(void)
{
    run("Chile's capital, Santiago, was calm.", 0);
    ment(1, "Santiago", 4, 5, NAME, PLC, -1, -1, 0, "Santiago");
    run("Talks in Oslo or Vienna resumed.", 0);
    ment(0, "Oslo", 2, 3, NAME, PLC, -1, -1, 0, "Oslo");
    ment(1, "Vienna", 4, 5, NAME, PLC, -1, -1, 0, "Vienna");
}

/* "said X", ", who", ", a Chilean", "named X", "according to X". */
static void test_person_evidence(void)
{
    run("It was good, said Tomas Berg. Ana Lopes, who left, agreed. "
        "Olav Rund, a Chilean, came. A clerk named Ivar Sten came. "
        "According to Nils Borg, it rained.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 6);
    ment(0, "Tomas Berg", 5, 7, NAME, PER, -1, -1, 0, NULL);
    ment(1, "Ana Lopes", 8, 10, NAME, PER, -1, -1, 0, NULL);
    ment(2, "Olav Rund", 16, 18, NAME, PER, -1, -1, 0, NULL);
    ment(4, "Ivar Sten", 27, 29, NAME, PER, -1, -1, 0, NULL);
    ment(5, "Nils Borg", 33, 35, NAME, PER, -1, -1, 0, NULL);
}

/* "made X president": the title after the name is X's. */
static void test_predicate_title(void)
{
    run("The deal made former rebel Ana Lopes president.", 0);
    CU_ASSERT_EQUAL(g_doc.nments, 2);
    ment(0, "Ana Lopes", 5, 7, NAME, PER, 1, -1, 0, NULL);
    ment(1, "president", 7, 8, TTL, PER, -1, -1, 0, "President");
}

/* A one-word organization of the gazetteer after a title is a surname,
 * and so are its repeats. */
static void test_org_word_surname(void)
{
    run("Mayor Bloomberg spoke. Bloomberg left.", 1);
    CU_ASSERT_EQUAL(g_doc.nments, 3);
    ment(1, "Bloomberg", 1, 2, NAME, PER, 0, -1, 0, NULL);
    ment(2, "Bloomberg", 4, 5, NAME, PER, -1, -1, 0, NULL);
    CU_ASSERT_EQUAL(g_doc.ments[1].entity, g_doc.ments[2].entity);
}

int main(void)
{
    static const dg_test tests[] = {
        {"demonym, title and person", test_demonym_title_person},
        {"TITLE of STATE NAME", test_title_of_state},
        {"TITLE, NAME", test_title_comma_name},
        {"NAME, TITLE apposition", test_apposition_after},
        {"lower-case apposition with state", test_lower_case_apposition},
        {"title states: of, abbreviation, possessive, apposition",
         test_title_state_forms},
        {"capital metonymy", test_capital_metonymy},
        {"U.S. case-exact, us not", test_us_case},
        {"middle initials and one-word repeats", test_middle_initial},
        {"organization heads are not people", test_org_head_not_person},
        {"bare names need evidence of a person", test_bare_names},
        {"titles in lower case", test_lower_case_titles},
        {"the country's TITLE", test_state_anaphor},
        {"appositions with bodies", test_apposition_bodies},
        {"lists of titled names", test_title_lists},
        {"former, then-, proposed, -designate", test_title_tense},
        {"hyphens, particles, common-word surnames", test_name_forms},
        {"a diplomat's host, a known name after a title", test_after_title},
        {"ministries of the state before them", test_ministry_of_state},
        {"withdrawn states", test_withdrawn_states},
        {"unknown organizations, venues, towns", test_unknown_orgs_and_places},
        {"capitals that are places", test_capital_places},
        {"more evidence of a person", test_person_evidence},
        {"made X president", test_predicate_title},
        {"an organization word as a surname", test_org_word_surname},
        {NULL, NULL}
    };
    char dir[4096];
    int rc;

    snprintf(dir, sizeof dir, "%s/data", dg_test_srcdir());
    if (dg_lexicon_load(dir, &g_lex, NULL, NULL) != DG_OK) {
        fprintf(stderr, "cannot load the lexicon from %s\n", dir);
        return 1;
    }
    rc = dg_run_tests("mentions", tests);
    dg_doc_release(&g_doc);
    dg_lexicon_free(g_lex);
    return rc;
}
