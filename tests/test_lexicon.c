/*
 * test_lexicon.c: loads the real data/ lexicons (and Debian's iso-codes)
 * and checks exact matches, case rules, longest-match, additions from a
 * second directory, and the diagnostics of bad files; the withdrawn
 * states of ISO 3166-3, title classes and titles in any case, ministries
 * of no state, and namesakes of the people gazetteer.
 */
#include "internal.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static dg_lexicon *lex;

/* Last diagnostic received. */
static dg_status last_st;
static char last_where[512], last_msg[512];
static int ndiag;

static void diag(void *ctx, dg_status st, const char *where, const char *msg)
{
    (void)ctx;
    last_st = st;
    snprintf(last_where, sizeof last_where, "%s", where ? where : "");
    snprintf(last_msg, sizeof last_msg, "%s", msg);
    ndiag++;
}

static const char *data_dir(void)
{
    static char buf[1024];
    snprintf(buf, sizeof buf, "%s/data", dg_test_srcdir());
    return buf;
}

/* Tokenizes text and matches at token i; returns the match length and
 * fills hits (up to 8). */
static size_t match_at(const char *text, size_t i, unsigned mask,
                       const dg_lex_entry **hits, size_t *nhits)
{
    dg_token *toks = NULL;
    size_t n = 0, len;

    CU_ASSERT_FATAL(dg_tokenize(text, strlen(text), &toks, &n) == DG_OK);
    len = dg_lexicon_match(lex, text, toks, n, i, mask, hits, 8, nhits);
    dg_tokens_free(toks, n);
    return len;
}

#define ALL 0xffffffffu
#define K(k) (1u << (k))

static void test_load(void)
{
    ndiag = 0;
    CU_ASSERT_EQUAL_FATAL(dg_lexicon_load(data_dir(), &lex, diag, NULL),
                          DG_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    CU_ASSERT_EQUAL(ndiag, 0);
}

static void test_countries(void)
{
    const dg_lex_entry *const *all;
    size_t n = dg_lexicon_entries(lex, DG_LEX_COUNTRY, &all), i, iso = 0;

    /* distinct current states: the 249 of iso-codes plus Kosovo (XKX);
     * the withdrawn codes of ISO 3166-3 come besides */
    for (i = 0; i < n; i++) {
        size_t j;
        for (j = 0; j < i; j++)
            if (strcmp(all[i]->key, all[j]->key) == 0)
                break;
        if (j == i && strcmp(all[i]->key, "XKX") != 0 &&
            !dg_lexicon_country(lex, all[i]->key)->withdrawn)
            iso++;
    }
    CU_ASSERT_EQUAL(iso, 249);
    CU_ASSERT_STRING_EQUAL(dg_lexicon_country(lex, "USA")->label,
                           "United States");
    CU_ASSERT_STRING_EQUAL(dg_lexicon_country(lex, "KOR")->label,
                           "South Korea");
    CU_ASSERT_STRING_EQUAL(dg_lexicon_country(lex, "IRN")->label, "Iran");
    CU_ASSERT_STRING_EQUAL(dg_lexicon_country(lex, "RUS")->label, "Russia");
    CU_ASSERT_STRING_EQUAL(dg_lexicon_country(lex, "FRA")->label, "France");
    CU_ASSERT_STRING_EQUAL(dg_lexicon_country(lex, "XKX")->label, "Kosovo");
    CU_ASSERT_PTR_NULL(dg_lexicon_country(lex, "XXX"));
    CU_ASSERT_PTR_NULL(dg_lexicon_country(lex, "US"));
}

/* Topics by scheme key: the first entry of the key, whose label is the
 * scheme's own (data/topics.tsv); unknown and over-long keys give NULL. */
static void test_topic_keys(void)
{
    char longkey[200];

    CU_ASSERT_STRING_EQUAL(dg_lexicon_topic(lex, "nuclear")->label,
                           "Nuclear programs");
    CU_ASSERT_STRING_EQUAL(dg_lexicon_topic(lex, "ukraine")->label,
                           "War in Ukraine");
    CU_ASSERT_EQUAL(dg_lexicon_topic(lex, "middle-east")->kind, DG_LEX_TOPIC);
    CU_ASSERT_PTR_NULL(dg_lexicon_topic(lex, "no-such-topic"));
    CU_ASSERT_PTR_NULL(dg_lexicon_topic(lex, NULL));
    memset(longkey, 'x', sizeof longkey - 1);
    longkey[sizeof longkey - 1] = '\0';
    CU_ASSERT_PTR_NULL(dg_lexicon_topic(lex, longkey));
}

static void test_case_exact(void)
{
    const dg_lex_entry *h[8];
    size_t nh;

    CU_ASSERT_EQUAL(match_at("The U.S. said", 1, K(DG_LEX_COUNTRY), h, &nh),
                    1);
    CU_ASSERT_EQUAL_FATAL(nh, 1);
    CU_ASSERT_STRING_EQUAL(h[0]->key, "USA");
    CU_ASSERT_STRING_EQUAL(h[0]->label, "United States");
    CU_ASSERT_STRING_EQUAL(h[0]->surface, "U.S.");
    CU_ASSERT(h[0]->flags & DG_LEXF_CASE);
    /* "us" in "told us" is no country; neither is "u.s." */
    CU_ASSERT_EQUAL(match_at("He told us so", 2, ~K(DG_LEX_NONAME), h, &nh),
                    0);
    CU_ASSERT_EQUAL(nh, 0);
    CU_ASSERT_EQUAL(match_at("the u.s. said", 1, K(DG_LEX_COUNTRY), h, &nh),
                    0);
    CU_ASSERT_EQUAL(match_at("US troops", 0, K(DG_LEX_COUNTRY), h, &nh), 1);
    CU_ASSERT_STRING_EQUAL(h[0]->key, "USA");
    /* the WHO, not "who" */
    CU_ASSERT_EQUAL(match_at("the WHO said", 1, K(DG_LEX_ORG), h, &nh), 1);
    CU_ASSERT_STRING_EQUAL(h[0]->label, "World Health Organization");
    CU_ASSERT_EQUAL(match_at("those who said", 1, K(DG_LEX_ORG), h, &nh), 0);
}

static void test_turkey(void)
{
    static const char *forms[] = { "Türkiye", "Turkiye", "Turkey",
                                   "TÜRKIYE" };
    const dg_lex_entry *h[8];
    size_t nh, i;

    for (i = 0; i < 4; i++) {
        CU_ASSERT_EQUAL(match_at(forms[i], 0, K(DG_LEX_COUNTRY), h, &nh), 1);
        CU_ASSERT_EQUAL_FATAL(nh, 1);
        CU_ASSERT_STRING_EQUAL(h[0]->key, "TUR");
        CU_ASSERT_STRING_EQUAL(h[0]->label, "Türkiye");
    }
    /* a capital letter is required: the bird is no country */
    CU_ASSERT_EQUAL(match_at("roast turkey", 1, K(DG_LEX_COUNTRY), h, &nh),
                    0);
}

static void test_demonym(void)
{
    const dg_lex_entry *h[8];
    size_t nh;

    CU_ASSERT_EQUAL(match_at("Chinese President", 0, ALL, h, &nh), 1);
    CU_ASSERT_EQUAL_FATAL(nh, 1);
    CU_ASSERT_EQUAL(h[0]->kind, DG_LEX_DEMONYM);
    CU_ASSERT_STRING_EQUAL(h[0]->country, "CHN");
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Chinese");
    CU_ASSERT_EQUAL(match_at("a Slovakian diplomat", 1, ALL, h, &nh), 1);
    CU_ASSERT_STRING_EQUAL(h[0]->country, "SVK");
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Slovak");
}

static void test_venue(void)
{
    const dg_lex_entry *h[8];
    size_t nh;

    CU_ASSERT_EQUAL(match_at("at the Great Hall of the People in Beijing", 2,
                             ALL, h, &nh), 5);
    CU_ASSERT_EQUAL_FATAL(nh, 1);
    CU_ASSERT_EQUAL(h[0]->kind, DG_LEX_PLACE);
    CU_ASSERT_STRING_EQUAL(h[0]->cls, "venue");
    CU_ASSERT_STRING_EQUAL(h[0]->located_in, "Beijing");
    CU_ASSERT_STRING_EQUAL(h[0]->country, "CHN");
    CU_ASSERT_EQUAL(h[0]->flags & DG_LEXF_CAPITAL, 0);
    CU_ASSERT_EQUAL(match_at("in Beijing", 1, ALL, h, &nh), 1);
    CU_ASSERT_EQUAL_FATAL(nh, 1);
    CU_ASSERT_STRING_EQUAL(h[0]->cls, "city");
    CU_ASSERT(h[0]->flags & DG_LEXF_CAPITAL);
    CU_ASSERT_PTR_NULL(h[0]->located_in);
    CU_ASSERT_EQUAL(match_at("Washington, D.C.", 0, ALL, h, &nh), 3);
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Washington");
    CU_ASSERT_EQUAL(match_at("Kyiv and Kiev", 2, ALL, h, &nh), 1);
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Kyiv");
}

/* Every located-in names a place of the lexicon. */
static void test_located_in_known(void)
{
    const dg_lex_entry *const *all;
    size_t n = dg_lexicon_entries(lex, DG_LEX_PLACE, &all), i, j, bad = 0;

    CU_ASSERT(n >= 400);
    for (i = 0; i < n; i++) {
        if (!all[i]->located_in)
            continue;
        for (j = 0; j < n; j++)
            if (strcmp(all[j]->key, all[i]->located_in) == 0)
                break;
        if (j == n) {
            fprintf(stderr, "unknown located-in: %s\n", all[i]->located_in);
            bad++;
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_titles(void)
{
    const dg_lex_entry *h[8];
    size_t nh;

    CU_ASSERT_EQUAL(match_at("Minister of Foreign Affairs Wang", 0, ALL, h,
                             &nh), 4);
    CU_ASSERT_EQUAL_FATAL(nh, 1);
    CU_ASSERT_EQUAL(h[0]->kind, DG_LEX_TITLE);
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Foreign Minister");
    CU_ASSERT_STRING_EQUAL(h[0]->cls, "foreign_minister");
    CU_ASSERT_EQUAL(h[0]->flags & DG_LEXF_PLURAL, 0);
    /* longest match wins */
    CU_ASSERT_EQUAL(match_at("Secretary of State Smith", 0, ALL, h, &nh), 3);
    CU_ASSERT_EQUAL_FATAL(nh, 1);
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Secretary of State");
    CU_ASSERT_EQUAL(match_at("Secretary Smith", 0, ALL, h, &nh), 1);
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Secretary");
    /* plurals */
    CU_ASSERT_EQUAL(match_at("Foreign Ministers", 0, ALL, h, &nh), 2);
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Foreign Minister");
    CU_ASSERT(h[0]->flags & DG_LEXF_PLURAL);
    CU_ASSERT_EQUAL(match_at("Heads of State", 0, ALL, h, &nh), 3);
    CU_ASSERT(h[0]->flags & DG_LEXF_PLURAL);
    CU_ASSERT_EQUAL(match_at("Ms. Jones", 0, ALL, h, &nh), 1);
    CU_ASSERT_STRING_EQUAL(h[0]->cls, "honorific");
    CU_ASSERT_EQUAL(h[0]->flags & DG_LEXF_PLURAL, 0);
    /* title-countries.tsv gives bare titles their state */
    CU_ASSERT_EQUAL(match_at("Secretary of State", 0, ALL, h, &nh), 3);
    CU_ASSERT_STRING_EQUAL(h[0]->country, "USA");
    CU_ASSERT_EQUAL(match_at("Foreign Secretary", 0, ALL, h, &nh), 2);
    CU_ASSERT_STRING_EQUAL(h[0]->country, "GBR");
    CU_ASSERT_EQUAL(match_at("Foreign Minister", 0, ALL, h, &nh), 2);
    CU_ASSERT_PTR_NULL(h[0]->country);
    /* "foreign minister" in lower case is no title */
    CU_ASSERT_EQUAL(match_at("the foreign minister", 1, K(DG_LEX_TITLE), h,
                             &nh), 0);
}

static void test_triggers(void)
{
    const dg_lex_entry *h[8];
    size_t nh;

    /* verb triggers are written in the base form (the events stage
     * matches a verb by its lemma) */
    CU_ASSERT_EQUAL(match_at("They hold talks on trade", 1,
                             K(DG_LEX_TRIGGER), h, &nh), 2);
    CU_ASSERT_EQUAL_FATAL(nh, 1);
    CU_ASSERT_STRING_EQUAL(h[0]->cls, "Meeting");
    CU_ASSERT_STRING_EQUAL(h[0]->cameo, "040");
    CU_ASSERT_STRING_EQUAL(h[0]->role, "participant");
    CU_ASSERT(h[0]->flags & DG_LEXF_VERB);
    CU_ASSERT_EQUAL(match_at("They held talks on trade", 1,
                             K(DG_LEX_TRIGGER), h, &nh), 0);
    CU_ASSERT(dg_lexicon_trigger_verb(lex, "held", 0));
    CU_ASSERT(dg_lexicon_trigger_verb(lex, "meets", 1));
    CU_ASSERT(dg_lexicon_trigger_verb(lex, "praised", 0));
    CU_ASSERT(!dg_lexicon_trigger_verb(lex, "praised", 1));
    CU_ASSERT(!dg_lexicon_trigger_verb(lex, "slept", 0));
    CU_ASSERT_EQUAL(match_at("Xi will host Blinken", 2, K(DG_LEX_TRIGGER), h,
                             &nh), 1);
    CU_ASSERT_STRING_EQUAL(h[0]->cls, "Visit");
    CU_ASSERT_STRING_EQUAL(h[0]->cameo, "043");
    CU_ASSERT_STRING_EQUAL(h[0]->role, "host");
    /* triggers match in any case */
    CU_ASSERT_EQUAL(match_at("CONDEMN", 0, K(DG_LEX_TRIGGER), h, &nh), 1);
    CU_ASSERT_STRING_EQUAL(h[0]->cls, "Criticism");
    CU_ASSERT_STRING_EQUAL(h[0]->cameo, "111");
    CU_ASSERT_STRING_EQUAL(h[0]->role, "speaker");
    CU_ASSERT_EQUAL(match_at("during the phone call", 2, K(DG_LEX_TRIGGER),
                             h, &nh), 2);
    CU_ASSERT_STRING_EQUAL(h[0]->cls, "PhoneCall");
    CU_ASSERT_STRING_EQUAL(h[0]->cameo, "041");
    CU_ASSERT(h[0]->flags & DG_LEXF_NOUN);
}

static void test_topics_nonames(void)
{
    const dg_lex_entry *h[8];
    size_t nh;

    CU_ASSERT_EQUAL(match_at("new TARIFFS", 1, K(DG_LEX_TOPIC), h, &nh), 1);
    CU_ASSERT_EQUAL_FATAL(nh, 1);
    CU_ASSERT_STRING_EQUAL(h[0]->key, "trade");
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Trade");
    CU_ASSERT_EQUAL(match_at("Tuesday", 0, K(DG_LEX_NONAME), h, &nh), 1);
    CU_ASSERT_EQUAL(match_at("Blinken", 0, K(DG_LEX_NONAME), h, &nh), 0);
    /* the mask filters kinds: Turkey is no topic */
    CU_ASSERT_EQUAL(match_at("Turkey", 0, K(DG_LEX_TOPIC), h, &nh), 0);
}

/* Every topic of topics.tsv is a concept of the ontology's scheme, with
 * the same label. */
static void test_topics_in_ontology(void)
{
    const dg_lex_entry *const *all;
    size_t n = dg_lexicon_entries(lex, DG_LEX_TOPIC, &all), i, ntopics = 0;
    char path[1024], *ttl;
    long len;
    FILE *fh;

    snprintf(path, sizeof path, "%s/ontology/diplomacy.ttl",
             dg_test_srcdir());
    fh = fopen(path, "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fh);
    fseek(fh, 0, SEEK_END);
    len = ftell(fh);
    rewind(fh);
    ttl = malloc((size_t)len + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ttl);
    CU_ASSERT_EQUAL(fread(ttl, 1, (size_t)len, fh), (size_t)len);
    ttl[len] = '\0';
    fclose(fh);
    for (i = 0; i < n; i++) {
        char want[512];
        if (i > 0 && strcmp(all[i]->key, all[i - 1]->key) == 0)
            continue;
        ntopics++;
        snprintf(want, sizeof want,
                 "dip:topic-%s a skos:Concept , dip:Topic ;\n"
                 "    skos:inScheme dip:TopicScheme ;\n"
                 "    skos:topConceptOf dip:TopicScheme ;\n"
                 "    skos:prefLabel \"%s\" ;\n"
                 "    rdfs:label \"%s\" ;\n",
                 all[i]->key, all[i]->label, all[i]->label);
        if (!strstr(ttl, want)) {
            fprintf(stderr, "topic %s missing from the ontology\n",
                    all[i]->key);
            CU_FAIL("topic missing from the ontology");
        }
    }
    CU_ASSERT(ntopics >= 16);
    free(ttl);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[1024];
    FILE *fh;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    fh = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fh);
    fputs(text, fh);
    CU_ASSERT_EQUAL(fclose(fh), 0);
}

static void remove_file(const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
}

static void test_additions(void)
{
    char dir[] = "/tmp/dg-lex-XXXXXX", where[1100];
    const dg_lex_entry *h[8];
    size_t nh, before;
    dg_lexicon *saved = lex;

    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    write_file(dir, "places.tsv",
               "# my places\n\nSmallville\tcity\tUSA\tSmall Ville\t\n");
    CU_ASSERT_EQUAL(dg_lexicon_load(dir, &lex, diag, NULL), DG_OK);
    CU_ASSERT_PTR_EQUAL(lex, saved);
    CU_ASSERT_EQUAL(match_at("in Small Ville", 1, ALL, h, &nh), 2);
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Smallville");
    CU_ASSERT_STRING_EQUAL(h[0]->country, "USA");

    /* a bad line: exact file:line, nothing of the file is kept */
    before = dg_lexicon_entries(lex, DG_LEX_PLACE, NULL);
    write_file(dir, "places.tsv",
               "Bigtown\tcity\tUSA\t\t\n# comment\nOnly\tthree\tfields\n");
    ndiag = 0;
    CU_ASSERT_EQUAL(dg_lexicon_load(dir, &lex, diag, NULL), DG_ERR_SYNTAX);
    CU_ASSERT_EQUAL(ndiag, 1);
    CU_ASSERT_EQUAL(last_st, DG_ERR_SYNTAX);
    snprintf(where, sizeof where, "%s/places.tsv:3", dir);
    CU_ASSERT_STRING_EQUAL(last_where, where);
    CU_ASSERT_STRING_EQUAL(last_msg,
                           "expected 5 tab-separated fields, found 3");
    CU_ASSERT_EQUAL(dg_lexicon_entries(lex, DG_LEX_PLACE, NULL), before);
    CU_ASSERT_EQUAL(match_at("Bigtown", 0, ALL, h, &nh), 0);
    CU_ASSERT_EQUAL(match_at("Smallville", 0, ALL, h, &nh), 1);

    /* an unknown country code and class */
    write_file(dir, "places.tsv", "Bigtown\tcity\tQQQ\t\t\n");
    CU_ASSERT_EQUAL(dg_lexicon_load(dir, &lex, diag, NULL), DG_ERR_SYNTAX);
    snprintf(where, sizeof where, "%s/places.tsv:1", dir);
    CU_ASSERT_STRING_EQUAL(last_where, where);
    CU_ASSERT_STRING_EQUAL(last_msg, "unknown country code \"QQQ\"");
    write_file(dir, "places.tsv", "Bigtown\ttown\tUSA\t\t\n");
    CU_ASSERT_EQUAL(dg_lexicon_load(dir, &lex, diag, NULL), DG_ERR_SYNTAX);
    CU_ASSERT_STRING_EQUAL(last_msg, "unknown place class \"town\" (expected "
                           "capital, city, region, sea, venue or seat)");
    remove_file(dir, "places.tsv");

    write_file(dir, "triggers.tsv", "parley\tMeeting\t40\tverb\tboss\t-\n");
    CU_ASSERT_EQUAL(dg_lexicon_load(dir, &lex, diag, NULL), DG_ERR_SYNTAX);
    CU_ASSERT_STRING_EQUAL(last_msg, "unknown role \"boss\" (expected "
                           "participant, host, visitor, speaker or target)");
    write_file(dir, "triggers.tsv", "parley\tMeeting\t40\tverb\thost\tboth\n");
    CU_ASSERT_EQUAL(dg_lexicon_load(dir, &lex, diag, NULL), DG_ERR_SYNTAX);
    CU_ASSERT_STRING_EQUAL(last_msg, "unknown requirement \"both\" "
                           "(expected -, object, pair or speech)");
    write_file(dir, "triggers.tsv", "parley\tMeeting\t40\tverb\thost\n");
    CU_ASSERT_EQUAL(dg_lexicon_load(dir, &lex, diag, NULL), DG_ERR_SYNTAX);
    CU_ASSERT_STRING_EQUAL(last_msg, "expected 6 tab-separated fields, "
                           "found 5");
    remove_file(dir, "triggers.tsv");

    /* a country relabelled by a user file */
    write_file(dir, "countries.tsv", "CZE\tCzechia\tCeska republika\n");
    CU_ASSERT_EQUAL(dg_lexicon_load(dir, &lex, diag, NULL), DG_OK);
    CU_ASSERT_STRING_EQUAL(dg_lexicon_country(lex, "CZE")->label, "Czechia");
    CU_ASSERT_EQUAL(match_at("Ceska Republika", 0, ALL, h, &nh), 2);
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Czechia");
    CU_ASSERT_EQUAL(match_at("Czech Republic", 0, K(DG_LEX_COUNTRY), h, &nh),
                    2);
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Czechia");
    remove_file(dir, "countries.tsv");

    /* people: one entry per surface and spell */
    write_file(dir, "people.tsv",
               "Jane Q. Example\tJ. Example|Example\tFRA\tForeign Minister"
               "\t2001\t2004\nJane Q. Example\tExample\tFRA\tPrime Minister"
               "\t2010\t\n");
    CU_ASSERT_EQUAL(dg_lexicon_load(dir, &lex, diag, NULL), DG_OK);
    CU_ASSERT_EQUAL(match_at("said Example", 1, K(DG_LEX_PERSON), h, &nh), 1);
    CU_ASSERT_EQUAL_FATAL(nh, 2);
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Jane Q. Example");
    CU_ASSERT_STRING_EQUAL(h[0]->key, "jane q. example");
    CU_ASSERT_STRING_EQUAL(h[0]->cls, "Foreign Minister");
    CU_ASSERT_STRING_EQUAL(h[0]->country, "FRA");
    CU_ASSERT_EQUAL(h[0]->from, 2001);
    CU_ASSERT_EQUAL(h[0]->to, 2004);
    CU_ASSERT_STRING_EQUAL(h[1]->cls, "Prime Minister");
    CU_ASSERT_EQUAL(h[1]->from, 2010);
    CU_ASSERT_EQUAL(h[1]->to, 0);
    write_file(dir, "people.tsv", "A B\t\tFRA\tKing\t19x5\t\n");
    CU_ASSERT_EQUAL(dg_lexicon_load(dir, &lex, diag, NULL), DG_ERR_SYNTAX);
    CU_ASSERT_STRING_EQUAL(last_msg, "\"19x5\" is not a year (four digits)");
    remove_file(dir, "people.tsv");
    rmdir(dir);
}

static void test_first_load_errors(void)
{
    char dir[] = "/tmp/dg-lex-XXXXXX", where[1100];
    dg_lexicon *l2 = NULL;

    ndiag = 0;
    CU_ASSERT_EQUAL(dg_lexicon_load("/nonexistent/dir", &l2, diag, NULL),
                    DG_ERR_IO);
    CU_ASSERT_PTR_NULL(l2);
    CU_ASSERT_EQUAL(last_st, DG_ERR_IO);
    CU_ASSERT_STRING_EQUAL(last_where, "/nonexistent/dir");
    /* a first load needs every file */
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    write_file(dir, "countries.tsv", "USA\t\tYankeeland\n");
    CU_ASSERT_EQUAL(dg_lexicon_load(dir, &l2, diag, NULL), DG_ERR_IO);
    CU_ASSERT_PTR_NULL(l2);
    snprintf(where, sizeof where, "%s/demonyms.tsv", dir);
    CU_ASSERT_STRING_EQUAL(last_where, where);
    CU_ASSERT_STRING_EQUAL(last_msg, "cannot open: No such file or directory");
    remove_file(dir, "countries.tsv");

    rmdir(dir);
}


/* Withdrawn states: their alpha-3 code and ISO 3166-3 code, the names
 * countries.tsv and demonyms.tsv give them, and none from iso-codes
 * ("East Timor" stays Timor-Leste, "Burma" Myanmar). */
static void test_withdrawn(void)
{
    const dg_lex_entry *h[8], *c = dg_lexicon_country(lex, "SUN");
    size_t nh;

    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_STRING_EQUAL(c->label, "Soviet Union");
    CU_ASSERT_STRING_EQUAL(c->withdrawn, "SUHH");
    CU_ASSERT_STRING_EQUAL(dg_lexicon_country(lex, "YUG")->withdrawn, "YUCS");
    CU_ASSERT_STRING_EQUAL(dg_lexicon_country(lex, "ZAR")->label, "Zaire");
    CU_ASSERT_PTR_NULL(dg_lexicon_country(lex, "USA")->withdrawn);
    CU_ASSERT_EQUAL(match_at("the USSR", 1, K(DG_LEX_COUNTRY), h, &nh), 1);
    CU_ASSERT_STRING_EQUAL(h[0]->key, "SUN");
    CU_ASSERT_EQUAL(match_at("East German troops", 0, K(DG_LEX_DEMONYM), h,
                             &nh), 2);
    CU_ASSERT_STRING_EQUAL(h[0]->country, "DDR");
    CU_ASSERT_EQUAL(match_at("West Germany", 0, K(DG_LEX_COUNTRY), h, &nh), 2);
    CU_ASSERT_STRING_EQUAL(h[0]->key, "DEU");
    CU_ASSERT_EQUAL(match_at("East Timor", 0, K(DG_LEX_COUNTRY), h, &nh), 2);
    CU_ASSERT_EQUAL_FATAL(nh, 1);
    CU_ASSERT_STRING_EQUAL(h[0]->key, "TLS");
    CU_ASSERT_EQUAL(match_at("Burma", 0, K(DG_LEX_COUNTRY), h, &nh), 1);
    CU_ASSERT_EQUAL_FATAL(nh, 1);
    CU_ASSERT_STRING_EQUAL(h[0]->key, "MMR");
    /* the four-letter code is no name in text */
    CU_ASSERT_EQUAL(match_at("Suhh", 0, K(DG_LEX_COUNTRY), h, &nh), 0);
}

/* Ranks and roles are title classes; any case on request; British and
 * American spellings share a canonical title. */
static void test_title_classes(void)
{
    const dg_lex_entry *h[8];
    size_t nh;

    CU_ASSERT_EQUAL(match_at("Gen. Smith", 0, K(DG_LEX_TITLE), h, &nh), 1);
    CU_ASSERT_STRING_EQUAL(h[0]->cls, "rank");
    CU_ASSERT_EQUAL(match_at("the coup leader", 1, K(DG_LEX_TITLE), h, &nh), 2);
    CU_ASSERT_STRING_EQUAL(h[0]->cls, "role");
    CU_ASSERT_EQUAL(match_at("his foreign minister", 1, K(DG_LEX_TITLE), h,
                             &nh), 0);
    CU_ASSERT_EQUAL(match_at("his foreign minister", 1,
                             K(DG_LEX_TITLE) | DG_LEX_ANY_CASE, h, &nh), 2);
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Foreign Minister");
    CU_ASSERT_EQUAL(match_at("Defense Minister", 0, K(DG_LEX_TITLE), h, &nh),
                    2);
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Defence Minister");
    CU_ASSERT_EQUAL(match_at("Chief", 0, K(DG_LEX_TITLE), h, &nh), 1);
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Head");
}

/* A ministry of no state, and a state's own ministry of the same name. */
static void test_generic_ministry(void)
{
    const dg_lex_entry *h[8];
    size_t nh, i, generic = 0, gbr = 0;

    CU_ASSERT_EQUAL(match_at("the Foreign Office", 1, K(DG_LEX_ORG), h, &nh),
                    2);
    for (i = 0; i < nh; i++) {
        generic += dg_generic_ministry(h[i]);
        gbr += h[i]->country && strcmp(h[i]->country, "GBR") == 0;
    }
    CU_ASSERT_EQUAL(generic, 1);
    CU_ASSERT_EQUAL(gbr, 1);
    CU_ASSERT_EQUAL(match_at("the foreign ministry", 1, K(DG_LEX_ORG), h, &nh),
                    2);
    CU_ASSERT(dg_generic_ministry(h[0]));
    CU_ASSERT_STRING_EQUAL(h[0]->label, "Foreign Ministry");
    CU_ASSERT_EQUAL(match_at("Japanese Foreign Ministry", 0, K(DG_LEX_ORG), h,
                             &nh), 3);
    CU_ASSERT(!dg_generic_ministry(h[0]));
}

/* Namesakes of people.tsv: two people, told apart by their spells. */
static void test_namesakes(void)
{
    const dg_lex_entry *h[8];
    size_t nh, i, w = 0, hw = 0;

    CU_ASSERT_EQUAL(match_at("George Bush", 0, K(DG_LEX_PERSON), h, &nh), 2);
    for (i = 0; i < nh; i++) {
        w += strcmp(h[i]->label, "George W. Bush") == 0 && h[i]->from == 2001;
        hw += strcmp(h[i]->label, "George H. W. Bush") == 0 &&
              h[i]->from == 1989 && h[i]->to == 1993;
    }
    CU_ASSERT_EQUAL(w, 1);
    CU_ASSERT_EQUAL(hw, 1);
}

static void test_free(void)
{
    dg_lexicon_free(lex);
    dg_lexicon_free(NULL);
    lex = NULL;
}

int main(void)
{
    static const dg_test tests[] = {
        { "load data/", test_load },
        { "countries from iso-codes", test_countries },
        { "topics by scheme key", test_topic_keys },
        { "case-exact abbreviations", test_case_exact },
        { "Türkiye / Turkey", test_turkey },
        { "demonyms", test_demonym },
        { "places and venues", test_venue },
        { "located-in names a place", test_located_in_known },
        { "titles, longest match", test_titles },
        { "triggers", test_triggers },
        { "topics and stop names", test_topics_nonames },
        { "topics are ontology concepts", test_topics_in_ontology },
        { "user additions and bad lines", test_additions },
        { "first-load errors", test_first_load_errors },
        { "withdrawn states (ISO 3166-3)", test_withdrawn },
        { "title classes, any case, spellings", test_title_classes },
        { "ministries of no state", test_generic_ministry },
        { "namesakes in people.tsv", test_namesakes },
        { "free", test_free },
        { NULL, NULL }
    };
    return dg_run_tests("lexicon", tests);
}
