/*
 * test_entities.c: unit tests for entities.c: coreference chains (full
 * name, surname, title + surname), diacritics against ASCII spellings,
 * a bare title ("the Secretary") joining the one holder of that post,
 * posts and the states they are held in (from a demonym, "of STATE",
 * the people gazetteer), an office title before an honorific, and two
 * people who share a surname.  Honorifics ("Mr.", "Sheikh") are no
 * posts.  The state of a post from a coordinated name, the dateline, the
 * same title standing alone, a ministry, the known office of a person in
 * any year; former posts; no posts from "proposed", ranks and roles; a
 * generic title ("Chief") merged into a person's post; spelling variants
 * with one label; namesakes kept apart; a short name that keeps its
 * referent; organizations by pattern in two spellings; withdrawn states;
 * a surname people.tsv lists alone.  Names are invented unless the test
 * is about the people gazetteer.
 */
#include "internal.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static dg_lexicon *g_lex;
static dg_doc g_doc;

/* Runs the stages up to entities on text, article date `date`
 * ("YYYY-MM-DD" or NULL). */
static void run_dated(const char *text, const char *date)
{
    dg_doc_release(&g_doc);
    memset(&g_doc, 0, sizeof g_doc);
    g_doc.text = text;
    g_doc.len = strlen(text);
    g_doc.lex = g_lex;
    CU_ASSERT_FATAL(g_lex != NULL);
    if (date)
        CU_ASSERT_FATAL(dg_date_parse_iso(date, &g_doc.date));
    CU_ASSERT_FATAL(dg_segment(&g_doc) == DG_OK);
    CU_ASSERT_FATAL(dg_find_mentions(&g_doc) == DG_OK);
    CU_ASSERT_FATAL(dg_resolve_entities(&g_doc) == DG_OK);
}

/* The same without an article date. */
static void run(const char *text)
{
    run_dated(text, NULL);
}

/* Index of the entity labelled label, or -1. */
static int ent(const char *label)
{
    size_t i;

    for (i = 0; i < g_doc.nents; i++)
        if (strcmp(g_doc.ents[i].label, label) == 0)
            return (int)i;
    return -1;
}

/* The entity of the mention whose text starts at byte b. */
static int ent_at(size_t b)
{
    size_t k;

    for (k = 0; k < g_doc.nments; k++)
        if (g_doc.toks[g_doc.ments[k].tok_b].b == b)
            return g_doc.ments[k].entity;
    return -2;
}

/* Checks person e: key, alternative labels (in order), count of posts. */
static void person(int e, const char *key, size_t nalts, const char *alt0,
                   size_t nposts)
{
    const dg_entity *en;

    CU_ASSERT_FATAL(e >= 0 && (size_t)e < g_doc.nents);
    en = &g_doc.ents[e];
    CU_ASSERT_EQUAL(en->kind, DG_ENT_PERSON);
    CU_ASSERT_STRING_EQUAL(en->key, key);
    CU_ASSERT_EQUAL(en->nalts, nalts);
    if (alt0 && en->nalts > 0)
        CU_ASSERT_STRING_EQUAL(en->alts[0], alt0);
    CU_ASSERT_EQUAL(en->nposts, nposts);
}

/* Checks post j of person e: surface title, canonical title and the
 * key of the entity it is held in (NULL: none). */
static void post(int e, size_t j, const char *title, const char *canon,
                 const char *in_key)
{
    const struct dg_post *p;

    CU_ASSERT_FATAL(e >= 0 && (size_t)e < g_doc.nents);
    CU_ASSERT_FATAL(j < g_doc.ents[e].nposts);
    p = &g_doc.ents[e].posts[j];
    CU_ASSERT_STRING_EQUAL(p->title, title);
    CU_ASSERT_STRING_EQUAL(p->canon, canon);
    if (!in_key) {
        CU_ASSERT_EQUAL(p->in, -1);
        return;
    }
    CU_ASSERT_FATAL(p->in >= 0 && (size_t)p->in < g_doc.nents);
    CU_ASSERT_STRING_EQUAL(g_doc.ents[p->in].key, in_key);
}

static void test_chain(void)
{
    int e;

    run("Antony J. Blinken arrived on Monday. Blinken met officials. "
        "Secretary Blinken then left.");
    /* the people gazetteer's name is the label */
    e = ent("Antony Blinken");
    person(e, "antony blinken", 2, "Antony J. Blinken", 1);
    CU_ASSERT_STRING_EQUAL(g_doc.ents[e].alts[1], "Blinken");
    CU_ASSERT_EQUAL(ent_at(0), e);  /* Antony J. Blinken */
    CU_ASSERT_EQUAL(ent_at(37), e); /* Blinken */
    CU_ASSERT_EQUAL(ent_at(70), e); /* Blinken after Secretary */
    post(e, 0, "Secretary", "Secretary", "USA");
    /* one person entity only */
    {
        size_t i, n = 0;
        for (i = 0; i < g_doc.nents; i++)
            n += g_doc.ents[i].kind == DG_ENT_PERSON;
        CU_ASSERT_EQUAL(n, 1);
    }
}

static void test_chain_invented(void)
{
    int e;

    /* the fullest name without initials (the words of the key, so one
     * IRI has one label in every article) becomes the label whatever
     * the order; the other forms are alternatives */
    run("Lindqvist arrived. Anna Lindqvist met officials. "
        "Anna K. Lindqvist left.");
    e = ent("Anna Lindqvist");
    person(e, "anna lindqvist", 2, NULL, 0);
    CU_ASSERT_EQUAL(g_doc.ents[e].first_ment >= 0, 1);
    CU_ASSERT_EQUAL(ent_at(0), e);
    CU_ASSERT_EQUAL(ent_at(19), e);
    CU_ASSERT_EQUAL(ent_at(49), e);
    CU_ASSERT_STRING_EQUAL(g_doc.ents[e].alts[0], "Anna K. Lindqvist");
    CU_ASSERT_STRING_EQUAL(g_doc.ents[e].alts[1], "Lindqvist");
}

static void test_diacritics(void)
{
    int e;

    run("President Recep Tayyip Erdo\xc4\x9f" "an spoke. Later Erdogan left. "
        "Recep Tayyip Erdogan returned.");
    e = ent("Recep Tayyip Erdo\xc4\x9f" "an");
    /* full names resolve first, so the ASCII full name is alts[0] */
    person(e, "recep tayyip erdogan", 2, "Recep Tayyip Erdogan", 1);
    CU_ASSERT_STRING_EQUAL(g_doc.ents[e].alts[1], "Erdogan");
    CU_ASSERT_EQUAL(ent_at(45), e);
    CU_ASSERT_EQUAL(ent_at(59), e);
    post(e, 0, "President", "President", "TUR");
    /* accented full name from the people gazetteer, ASCII surname */
    run("Serbian President Aleksandar Vu\xc4\x8di\xc4\x87 met Kenji Sato. "
        "Vucic said talks were good.");
    e = ent("Aleksandar Vu\xc4\x8di\xc4\x87");
    person(e, "aleksandar vucic", 1, "Vucic", 1);
    post(e, 0, "President", "President", "SRB");
    CU_ASSERT_EQUAL(ent_at(53), e);
    /* invented name, accented second */
    run("Marko Petrovic met officials. Petrovi\xc4\x87 left.");
    e = ent("Marko Petrovic");
    person(e, "marko petrovic", 1, "Petrovi\xc4\x87", 0);
    CU_ASSERT_EQUAL(ent_at(30), e);
}

static void test_the_secretary(void)
{
    int e;

    run("Secretary of State Antony Blinken arrived. The Secretary met "
        "Kenyan officials.");
    e = ent("Antony Blinken");
    person(e, "antony blinken", 0, NULL, 1);
    post(e, 0, "Secretary of State", "Secretary of State", "USA");
    CU_ASSERT_EQUAL(ent_at(47), e); /* "Secretary" after "The" */
    /* two ministers: "the Foreign Minister" stays unresolved */
    run("Kenyan Foreign Minister Amina Otieno met Brazilian Foreign Minister "
        "Paulo Reis. The Foreign Minister spoke.");
    CU_ASSERT_EQUAL(ent_at(84), -1);
}

static void test_posts(void)
{
    int e;

    run("Chinese Foreign Minister Wang Yi arrived.");
    e = ent("Wang Yi");
    person(e, "wang yi", 0, NULL, 1);
    post(e, 0, "Foreign Minister", "Foreign Minister", "CHN");
    run("Prime Minister of Japan Kenji Sato met Chancellor Olaf Scholz.");
    e = ent("Kenji Sato");
    person(e, "kenji sato", 0, NULL, 1);
    post(e, 0, "Prime Minister", "Prime Minister", "JPN");
    /* the state from the people gazetteer: linked, not mentioned */
    e = ent("Olaf Scholz");
    person(e, "olaf scholz", 0, NULL, 1);
    post(e, 0, "Chancellor", "Chancellor", "DEU");
    CU_ASSERT_EQUAL(g_doc.ents[g_doc.ents[e].posts[0].in].first_ment, -1);
    /* lower-case apposition: the surface title is kept as written */
    run("Wang Yi, China\xe2\x80\x99s foreign minister, said so.");
    e = ent("Wang Yi");
    post(e, 0, "foreign minister", "Foreign Minister", "CHN");
    /* no state anywhere: post without a state */
    run("Foreign Minister Jean-Yves Morel spoke.");
    e = ent("Jean-Yves Morel");
    person(e, "jean yves morel", 0, NULL, 1);
    post(e, 0, "Foreign Minister", "Foreign Minister", NULL);
}

static void test_shared_surname(void)
{
    int a, p;

    /* Two people named Otieno stay two entities; a lone "Otieno" joins
     * the most recently mentioned one (documented in entities.c). */
    run("Kenyan Foreign Minister Amina Otieno met Brazilian Foreign "
        "Minister Paulo Otieno. Otieno said talks went well.");
    a = ent("Amina Otieno");
    p = ent("Paulo Otieno");
    CU_ASSERT_NOT_EQUAL(a, p);
    person(a, "amina otieno", 0, NULL, 1);
    person(p, "paulo otieno", 1, "Otieno", 1);
    post(a, 0, "Foreign Minister", "Foreign Minister", "KEN");
    post(p, 0, "Foreign Minister", "Foreign Minister", "BRA");
    CU_ASSERT_EQUAL(ent_at(82), p);
}

static void test_states(void)
{
    int e;

    run("The U.S. and the United States and US envoys met in Beijing. "
        "Chinese officials agreed.");
    e = ent("United States");
    CU_ASSERT_FATAL(e >= 0);
    CU_ASSERT_EQUAL(g_doc.ents[e].kind, DG_ENT_COUNTRY);
    CU_ASSERT_STRING_EQUAL(g_doc.ents[e].key, "USA");
    CU_ASSERT_EQUAL(ent_at(4), e);
    CU_ASSERT_EQUAL(ent_at(17), e);
    CU_ASSERT_EQUAL(ent_at(35), e);
    e = ent("Beijing");
    CU_ASSERT_FATAL(e >= 0);
    CU_ASSERT_EQUAL(g_doc.ents[e].kind, DG_ENT_PLACE);
    CU_ASSERT_STRING_EQUAL(g_doc.ents[e].place_cls, "city");
    CU_ASSERT_FATAL(g_doc.ents[e].country >= 0);
    CU_ASSERT_STRING_EQUAL(g_doc.ents[g_doc.ents[e].country].key, "CHN");
    CU_ASSERT_EQUAL(g_doc.nents, 3);
}

static void test_honorific_not_post(void)
{
    int e;

    /* the honorific "Mr." is no post */
    run("Mr. Paulo Reis stayed.");
    e = ent("Paulo Reis");
    person(e, "paulo reis", 0, NULL, 0);
}

static void test_office_before_honorific(void)
{
    int e;

    /* the office before an honorific is the post, not the honorific */
    run("Omani Foreign Minister Sheikh Talal Nasser met them.");
    e = ent("Talal Nasser");
    person(e, "talal nasser", 0, NULL, 1);
    post(e, 0, "Foreign Minister", "Foreign Minister", "OMN");
    run("Jordanian Prime Minister Prince Zaid Halim met them.");
    e = ent("Zaid Halim");
    person(e, "zaid halim", 0, NULL, 1);
    post(e, 0, "Prime Minister", "Prime Minister", "JOR");
    /* an honorific alone is still no post */
    run("Sheikh Talal Nasser met them.");
    person(ent("Talal Nasser"), "talal nasser", 0, NULL, 0);
}

static void test_honorific_surname(void)
{
    int e;

    /* "Mr. Smith" in a 2023 article is not the people gazetteer's
     * Stephen Smith (Foreign Minister of Australia 2007-2010) */
    run_dated("He left. Mr. Smith stayed.", "2023-06-20");
    e = ent("Smith");
    person(e, "smith", 0, NULL, 0);
    CU_ASSERT_PTR_NULL(g_doc.ents[e].lex);
    CU_ASSERT_EQUAL(ent("Australia"), -1);
}


/* Index of the person entity holding key, or -1. */
static int ent_key(const char *key)
{
    size_t i;

    for (i = 0; i < g_doc.nents; i++)
        if (g_doc.ents[i].kind == DG_ENT_PERSON &&
            strcmp(g_doc.ents[i].key, key) == 0)
            return (int)i;
    return -1;
}

/* The state of a post the text gives with no state: a titled person the
 * name is coordinated with, the dateline, the same title standing alone
 * with a state, the ministry the title follows, the demonym that names
 * the title's institution ("Peruvian police"). */
static void test_post_state_context(void)
{
    int e;

    run("Chilean President Ana Lopes and Defence Minister Tomas Nowak met.");
    post(ent("Tomas Nowak"), 0, "Defence Minister", "Defence Minister", "CHL");
    run("NAIROBI, May 3 - Defence Minister Tom Hale said.");
    post(ent("Tom Hale"), 0, "Defence Minister", "Defence Minister", "KEN");
    run("The Chilean president was ousted. Deposed president Ana Lopes "
        "fled.");
    e = ent("Ana Lopes");
    person(e, "ana lopes", 0, NULL, 1);
    post(e, 0, "president", "President", "CHL");
    CU_ASSERT_EQUAL(g_doc.ents[e].posts[0].former, 1);
    run("Japan's Foreign Ministry said so. Foreign Ministry spokeswoman "
        "Ana Lopes spoke.");
    post(ent("Ana Lopes"), 0, "spokeswoman", "Spokesperson", "JPN");
    e = ent("Japanese Foreign Ministry");
    CU_ASSERT_FATAL(e >= 0);
    CU_ASSERT_EQUAL(g_doc.ents[e].kind, DG_ENT_ORG);
    /* the institution a title names, with a demonym elsewhere */
    run("Peruvian police made arrests. Inspector-General of Police Tomas "
        "Nowak spoke.");
    post(ent("Tomas Nowak"), 0, "Inspector-General of Police",
         "Inspector-General of Police", "PER");
    /* two states' police: no state */
    run("Peruvian and Chilean police met. Inspector-General of Police "
        "Tomas Nowak spoke.");
    post(ent("Tomas Nowak"), 0, "Inspector-General of Police",
         "Inspector-General of Police", NULL);
}

/* A person's known office in any year gives the post its state, and the
 * people gazetteer's name is the label. */
static void test_known_office(void)
{
    int e;

    run_dated("Chancellor Kohl met officials.", "1990-05-04");
    e = ent("Helmut Kohl");
    person(e, "helmut kohl", 1, "Kohl", 1);
    post(e, 0, "Chancellor", "Chancellor", "DEU");
    /* namesakes: the one of the article's year */
    run_dated("President George Bush spoke.", "1990-05-04");
    CU_ASSERT(ent("George H. W. Bush") >= 0);
    run_dated("President George Bush spoke.", "2005-05-04");
    CU_ASSERT(ent("George W. Bush") >= 0);
}

/* "former": the post is kept, marked as held before; "proposed", ranks
 * and roles give no post. */
static void test_post_tense_and_kind(void)
{
    int e;

    run("Former Chilean Foreign Minister Ana Lopes spoke.");
    e = ent("Ana Lopes");
    person(e, "ana lopes", 0, NULL, 1);
    post(e, 0, "Foreign Minister", "Foreign Minister", "CHL");
    CU_ASSERT_EQUAL(g_doc.ents[e].posts[0].former, 1);
    run("Chilean Foreign Minister Ana Lopes spoke.");
    CU_ASSERT_EQUAL(g_doc.ents[ent("Ana Lopes")].posts[0].former, 0);
    run("Proposed Defense Secretary Tom Hale waited.");
    person(ent("Tom Hale"), "tom hale", 0, NULL, 0);
    run("Gen. Tom Hale and opposition leader Ana Lopes met.");
    person(ent("Tom Hale"), "tom hale", 0, NULL, 0);
    person(ent("Ana Lopes"), "ana lopes", 0, NULL, 0);
}

/* "Chief Sato" after "Police Commissioner Kenji Sato": one post. */
static void test_generic_title(void)
{
    int e;

    run("Police Commissioner Kenji Sato of Japan spoke. Chief Sato left.");
    e = ent("Kenji Sato");
    person(e, "kenji sato", 1, "Sato", 1);
    post(e, 0, "Police Commissioner", "Police Chief", "JPN");
}

/* Spelling variants of one known person: one entity, one label. */
static void test_spelling_variants(void)
{
    int e;

    run_dated("Zelenskiy met aides. Zelensky said. Volodymyr Zelenskyy left.",
              "2023-05-01");
    e = ent("Volodymyr Zelensky");
    person(e, "volodymyr zelensky", 3, "Volodymyr Zelenskyy", 0);
    CU_ASSERT_EQUAL(ent_at(0), e);
    CU_ASSERT_EQUAL(ent_at(21), e);
    CU_ASSERT_EQUAL(ent_at(36), e);
}

/* Namesakes stay apart; a short name keeps the person it first named. */
static void test_namesakes(void)
{
    run("Park Min Ho met Park Jae Ho.");
    CU_ASSERT(ent_key("park min ho") >= 0);
    CU_ASSERT(ent_key("park jae ho") >= 0);
    CU_ASSERT_NOT_EQUAL(ent_key("park min ho"), ent_key("park jae ho"));
    run("Ana Lopes arrived. Lopes spoke. Her brother Jose Lopes came. "
        "Lopes left.");
    CU_ASSERT_EQUAL(ent_at(19), ent("Ana Lopes"));
    CU_ASSERT_EQUAL(ent_at(61), ent("Ana Lopes"));
    CU_ASSERT_NOT_EQUAL(ent("Jose Lopes"), ent("Ana Lopes"));
}

/* An organization found by pattern in two spellings is one. */
static void test_pattern_org_coreference(void)
{
    int e;

    run("The Chilean National Commission on Water Rights met. "
        "The Chile National Commission spoke.");
    e = ent("Chilean National Commission on Water Rights");
    CU_ASSERT_FATAL(e >= 0);
    CU_ASSERT_STRING_EQUAL(g_doc.ents[e].key,
                           "chl national commission on water rights");
    CU_ASSERT_EQUAL(g_doc.ents[e].nalts, 1);
    CU_ASSERT_STRING_EQUAL(g_doc.ents[e].alts[0], "Chile National Commission");
    CU_ASSERT_EQUAL(g_doc.nents, 1);
}

/* A withdrawn state keeps its alpha-3 code as key. */
static void test_withdrawn_state(void)
{
    int e;

    run("Soviet troops left. The USSR collapsed.");
    e = ent("Soviet Union");
    CU_ASSERT_FATAL(e >= 0);
    CU_ASSERT_STRING_EQUAL(g_doc.ents[e].key, "SUN");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g_doc.ents[e].lex);
    CU_ASSERT_STRING_EQUAL(g_doc.ents[e].lex->withdrawn, "SUHH");
    CU_ASSERT_EQUAL(ent_at(0), e);
    CU_ASSERT_EQUAL(ent_at(24), e);
}

/* A surname people.tsv lists alone names its one holder of the year; a
 * name in full in the text comes first. */
static void test_lone_surname(void)
{
    int e;

    run_dated("Modi visited Tokyo.", "2023-05-01");
    e = ent("Narendra Modi");
    person(e, "narendra modi", 1, "Modi", 0);
    CU_ASSERT_EQUAL(ent_at(0), e);
    run_dated("Ravi Modi said so. Modi left.", "2023-05-01");
    CU_ASSERT_EQUAL(ent("Narendra Modi"), -1);
    CU_ASSERT_EQUAL(ent_at(19), ent("Ravi Modi"));
}

int main(void)
{
    static const dg_test tests[] = {
        {"coreference chain", test_chain},
        {"chain of an invented name", test_chain_invented},
        {"diacritics and ASCII spelling", test_diacritics},
        {"the Secretary", test_the_secretary},
        {"posts and their states", test_posts},
        {"two people sharing a surname", test_shared_surname},
        {"states by ISO code, places in states", test_states},
        {"the office before an honorific", test_office_before_honorific},
        {"honorific is not a post", test_honorific_not_post},
        {"Mr. SURNAME is not a gazetteer person", test_honorific_surname},
        {"post states from context", test_post_state_context},
        {"known office in any year", test_known_office},
        {"former posts; proposed, ranks, roles", test_post_tense_and_kind},
        {"a generic title merges", test_generic_title},
        {"spelling variants, one label", test_spelling_variants},
        {"namesakes and short names", test_namesakes},
        {"organizations by pattern corefer", test_pattern_org_coreference},
        {"withdrawn states", test_withdrawn_state},
        {"surnames listed alone", test_lone_surname},
        {NULL, NULL}
    };
    char dir[4096];
    int rc;

    snprintf(dir, sizeof dir, "%s/data", dg_test_srcdir());
    if (dg_lexicon_load(dir, &g_lex, NULL, NULL) != DG_OK) {
        fprintf(stderr, "cannot load the lexicon from %s\n", dir);
        return 1;
    }
    rc = dg_run_tests("entities", tests);
    dg_doc_release(&g_doc);
    dg_lexicon_free(g_lex);
    return rc;
}
