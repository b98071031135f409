/*
 * test_topics.c: unit tests for topics.c (the topics of events and of
 * the article), one construction per test:
 * each cue (discussed, talks on, concerns about, dispute over, regarding,
 * focused on, such as, topics include, a condemnation's object, a list
 * item), the right boundary of a phrase (a date, a relative pronoun, a
 * verb, a new clause, the place of the event, the maximum length), the
 * modifier kept with its noun, a word inside a proper name, a
 * participant, people who act, spelling variants and the forms of one
 * issue folded into one topic, and the triples of both.  The texts are
 * short sentences written for these tests; the article date is Thursday
 * 2023-06-22.
 */
#include "internal.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

static dg_lexicon *g_lex;
static dg_doc g_doc;

/* Runs every stage up to topics on text. */
static void run(const char *text)
{
    dg_doc_release(&g_doc);
    memset(&g_doc, 0, sizeof g_doc);
    g_doc.text = text;
    g_doc.len = strlen(text);
    g_doc.lex = g_lex;
    CU_ASSERT_FATAL(dg_date_parse_iso("2023-06-22", &g_doc.date));
    CU_ASSERT_FATAL(dg_segment(&g_doc) == DG_OK);
    CU_ASSERT_FATAL(dg_find_mentions(&g_doc) == DG_OK);
    CU_ASSERT_FATAL(dg_resolve_entities(&g_doc) == DG_OK);
    CU_ASSERT_FATAL(dg_find_clauses(&g_doc) == DG_OK);
    CU_ASSERT_FATAL(dg_find_events(&g_doc) == DG_OK);
    CU_ASSERT_FATAL(dg_find_topics(&g_doc) == DG_OK);
}

/* Checks that event k's topics are exactly the "|"-separated labels of
 * want, in order ("" for none). */
static void event_topics(size_t k, const char *want)
{
    char buf[1024];
    size_t t, len = 0;

    CU_ASSERT_FATAL(k < g_doc.nevs);
    buf[0] = '\0';
    for (t = 0; t < g_doc.evs[k].ntopics; t++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", t ? "|" : "",
                                g_doc.evs[k].topics[t]);
    if (strcmp(buf, want) != 0)
        fprintf(stderr, "\n  event %zu topics: got \"%s\", want \"%s\"\n", k, buf, want);
    CU_ASSERT_STRING_EQUAL(buf, want);
}

/* Checks that the article's topic table is exactly want: entries
 * separated by "|", each its label and its other forms after "=". */
static void article_topics(const char *want)
{
    char buf[2048];
    size_t t, a, len = 0;

    buf[0] = '\0';
    for (t = 0; t < g_doc.ntopics; t++) {
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", t ? "|" : "",
                                g_doc.topics[t].label);
        for (a = 0; a < g_doc.topics[t].nalts; a++)
            len += (size_t)snprintf(buf + len, sizeof buf - len, "=%s",
                                    g_doc.topics[t].alts[a]);
    }
    if (strcmp(buf, want) != 0)
        fprintf(stderr, "\n  article topics: got \"%s\", want \"%s\"\n", buf, want);
    CU_ASSERT_STRING_EQUAL(buf, want);
}

/* The scheme topic of the article's entry labelled label (NULL if none
 * or no such entry). */
static const char *scheme_of(const char *label)
{
    const dg_topic *t = dg_topic_of(&g_doc, label);

    return t ? t->scheme : NULL;
}

/* ------------------------------------------------------------ cues */

/* "discussed X, Y and Z": a list, each item its own topic. */
static void test_discussed_list(void)
{
    run("Kenji Sato met Olaf Scholz in Berlin. They discussed trade, "
        "climate change and the war in Ukraine.");
    CU_ASSERT_EQUAL_FATAL(g_doc.nevs, 1);
    event_topics(0, "trade|climate change|war in Ukraine");
    CU_ASSERT_STRING_EQUAL(scheme_of("war in Ukraine"), "ukraine");
    CU_ASSERT_STRING_EQUAL(scheme_of("climate change"), "climate");
}

/* "talks on X": a preposition after a word of talking. */
static void test_talks_on(void)
{
    run("Kenji Sato held talks on fishing rights with Olaf Scholz.");
    CU_ASSERT_EQUAL_FATAL(g_doc.nevs, 1);
    event_topics(0, "fishing rights");
    CU_ASSERT_PTR_NULL(scheme_of("fishing rights"));
}

/* "concerns about X" after "raised"; "a dispute over X" is one phrase,
 * not also "water rights" on its own. */
static void test_concerns_about_dispute_over(void)
{
    run("Kenji Sato met Olaf Scholz. Sato raised concerns about the new dam. "
        "They also spoke about the dispute over water rights.");
    article_topics("dam|dispute over water rights");
}

/* "Regarding X, ..." opens a sentence. */
static void test_regarding(void)
{
    run("Kenji Sato met Olaf Scholz. Regarding migration, both sides agreed "
        "to cooperate.");
    event_topics(0, "migration");
}

/* "focused on X and Y". */
static void test_focused_on(void)
{
    run("Kenji Sato met Olaf Scholz. The talks focused on energy prices and "
        "grain exports.");
    event_topics(0, "energy prices|grain exports");
}

/* "issues such as X and Y"; "including". */
static void test_such_as_including(void)
{
    run("Kenji Sato met Olaf Scholz. They discussed regional issues such as "
        "drought and desertification, including water scarcity.");
    event_topics(0, "drought|desertification|water scarcity");
}

/* "Topics will include X and Y": the agenda of an event. */
static void test_topics_include(void)
{
    run("Kenji Sato will meet Olaf Scholz. Topics will include cocoa prices "
        "and debt relief.");
    event_topics(0, "cocoa prices|debt relief");
}

/* What was condemned is what the criticism is about; the target before
 * "for" is no topic. */
static void test_condemned_object(void)
{
    run("Olaf Scholz condemned Russia for the shelling of the grain port.");
    CU_ASSERT_EQUAL_FATAL(g_doc.nevs, 1);
    event_topics(0, "shelling of the grain port");
}

/* A list item after an event: its verb dropped, its object the topic. */
static void test_bullets(void)
{
    run("Kenji Sato met Olaf Scholz in Berlin and agreed to:\n"
        "- develop their trade cooperation\n"
        "- expand student exchanges\n");
    CU_ASSERT_EQUAL_FATAL(g_doc.nevs, 1);
    event_topics(0, "trade cooperation|student exchanges");
}

/* A cue in a sentence without an event gives a topic of the article,
 * not of an event. */
static void test_article_only(void)
{
    run("Analysts expect the ministers to discuss fishing rights. Kenji Sato "
        "met Olaf Scholz.");
    CU_ASSERT_EQUAL_FATAL(g_doc.nevs, 1);
    event_topics(0, "");
    article_topics("fishing rights");
}

/* A noun the article names in three sentences is what it is about, cue
 * or not; in two it is not. */
static void test_salient_noun(void)
{
    run("Kenji Sato met Olaf Scholz. The old reservoir was built in 1990. "
        "Farmers downstream rely on the reservoir. Engineers inspected the "
        "reservoir last year.");
    article_topics("reservoir");
    run("Kenji Sato met Olaf Scholz. The old reservoir was built in 1990. "
        "Farmers downstream rely on the reservoir.");
    article_topics("");
}

/* ------------------------------------------------ right boundaries */

/* A date ends the phrase ("fishing quotas on Tuesday"); a sentence that
 * opens with a date has no topic ("On Saturday, he will ..."). */
static void test_boundary_date(void)
{
    run("Kenji Sato met Olaf Scholz on Monday to discuss fishing quotas on "
        "Tuesday morning. On Saturday, he will travel to Rome.");
    event_topics(0, "fishing quotas");
    article_topics("fishing quotas");
}

/* A relative pronoun ends the phrase. */
static void test_boundary_relative(void)
{
    run("Kenji Sato met Olaf Scholz. They discussed the tariffs that took "
        "effect in May.");
    event_topics(0, "tariffs");
}

/* A verb ends the phrase, and the speaker before it is no item. */
static void test_boundary_verb(void)
{
    run("Kenji Sato met Olaf Scholz. They discussed steel tariffs, a "
        "spokesman said.");
    event_topics(0, "steel tariffs");
}

/* ", saying ..." opens a clause: no item. */
static void test_boundary_clause(void)
{
    run("Kenji Sato met Olaf Scholz. They discussed steel tariffs, saying "
        "the levies hurt farmers.");
    event_topics(0, "steel tariffs");
}

/* The place of the event ends the phrase ("talks in Vienna on trade"). */
static void test_boundary_place(void)
{
    run("Kenji Sato met Olaf Scholz in Vienna. They discussed trade in "
        "Vienna.");
    event_topics(0, "trade");
}

/* A phrase of more than seven content words is cut at its last
 * preposition within them; its frame ("the long and difficult question
 * of") is dropped. */
static void test_boundary_length(void)
{
    run("Kenji Sato met Olaf Scholz. They discussed the long and difficult "
        "question of compensation for the families of the miners of the old "
        "northern coal mine in the mountain valley.");
    event_topics(0, "compensation for the families of the miners of the old "
                    "northern coal mine");
}

/* --------------------------------------------- issue nouns, names */

/* A keyword keeps its modifier and its head: "the nuclear deal",
 * "economic sanctions" (filed under Sanctions, its head). */
static void test_modifier_kept(void)
{
    run("Kenji Sato met Olaf Scholz. They discussed the nuclear deal. Both "
        "leaders backed economic sanctions.");
    event_topics(0, "nuclear deal|economic sanctions");
    CU_ASSERT_STRING_EQUAL(scheme_of("nuclear deal"), "nuclear");
    CU_ASSERT_STRING_EQUAL(scheme_of("economic sanctions"), "sanctions");
}

/* A keyword inside a proper name or a title is no topic ("Security" in
 * "Security Council", "Defence" in "Defence Minister"). */
static void test_word_in_name(void)
{
    run("Kenji Sato met Defence Minister Olaf Scholz at the Security "
        "Council.");
    CU_ASSERT_EQUAL_FATAL(g_doc.nevs, 1);
    event_topics(0, "");
    article_topics("");
}

/* A participant, or a participant's state, is no topic; another state
 * discussed is. */
static void test_participant_refused(void)
{
    run("Kenji Sato met Olaf Scholz, the German chancellor. They discussed "
        "Germany and Japan.");
    event_topics(0, "Japan");
}

/* People who act are no issue ("defence officials"); troops or
 * diplomats acted on are ("expelled 35 Estonian diplomats"), not when
 * they act ("Estonian troops crossed"). */
static void test_people_and_forces(void)
{
    run("Russia expelled 35 Estonian diplomats. Estonian troops crossed the "
        "border, defence officials said.");
    article_topics("Estonian diplomats");
    /* whom a statement is told to is no issue */
    run("Olaf Scholz told the national broadcaster that the border dispute "
        "was over.");
    article_topics("border dispute");
    /* the press told something is no issue either */
    run("Kenji Sato told reporters about the trade dispute. He told "
        "reporters the talks had ended. Reporters asked about it.");
    article_topics("trade dispute");
}

/* ---------------------------------------------- one topic per issue */

/* British and American spellings are one topic, labelled in American
 * spelling with the text's other form as altLabel. */
static void test_spelling_variants(void)
{
    run("Kenji Sato met Olaf Scholz. They discussed defence spending. Later, "
        "defense spending dominated the news.");
    article_topics("defense spending=defence spending");
}

/* The forms of one issue are one topic ("sanctions", "economic
 * sanctions": the first form that names most is the label); different
 * issues with one head stay apart ("nuclear weapons", "chemical
 * weapons"). */
static void test_forms_of_one_issue(void)
{
    run("Kenji Sato met Olaf Scholz. They discussed sanctions. New economic "
        "sanctions followed. They also discussed nuclear weapons and "
        "chemical weapons.");
    article_topics("sanctions=economic sanctions|nuclear weapons|chemical weapons");
}

/* The triples: the article and the event point to one topic IRI (its
 * key in American spelling), which has one rdfs:label, the British form
 * as skos:altLabel and its scheme concept as skos:broader. */
static void test_triples(void)
{
    static const char text[] = "Kenji Sato met Olaf Scholz. They discussed "
                               "defence cooperation.";
    dg_graph *g = dg_graph_new();
    dg_article art;
    char *giri = NULL, *buf = NULL, want[512];
    size_t len = 0;

    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    memset(&art, 0, sizeof art);
    art.name = "topics.txt";
    art.text = text;
    art.len = strlen(text);
    art.date = "2023-06-22";
    CU_ASSERT_EQUAL_FATAL(dg_extract(g_lex, NULL, &art, g, &giri, NULL, NULL), DG_OK);
    CU_ASSERT_EQUAL_FATAL(dg_serialize_ntriples(g, 0, dg_graph_size(g), &buf, &len),
                          DG_OK);
#define T "<https://w3id.org/diplograph/id/topic/defense-cooperation>"
    snprintf(want, sizeof want, "<https://w3id.org/diplograph/id/article/%s> "
             "<https://w3id.org/diplograph/ns#topic> " T " .\n",
             strrchr(giri, '/') + 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, want));
    snprintf(want, sizeof want, "<https://w3id.org/diplograph/id/event/%s-1> "
             "<https://w3id.org/diplograph/ns#topic> " T " .\n",
             strrchr(giri, '/') + 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, want));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, T " <http://www.w3.org/2000/01/rdf-schema#label> "
                                       "\"defense cooperation\" .\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, T " <http://www.w3.org/2004/02/skos/core#altLabel> "
                                       "\"defence cooperation\" .\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, T " <http://www.w3.org/2004/02/skos/core#broader> "
                                       "<https://w3id.org/diplograph/ns#topic-security> .\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, T " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                                       "<https://w3id.org/diplograph/ns#Topic> .\n"));
#undef T
    free(buf);
    free(giri);
    dg_graph_free(g);
}

/* Respelling only where WordNet knows both forms as one word: a verb
 * form through its lemma ("destabilising"), never "detour" ("detor") or
 * "filled" ("filed"). */
static void test_respelling(void)
{
    run("Kenji Sato met Olaf Scholz. They discussed the destabilising "
        "activity of militias, the organisation of elections, the detour of "
        "the pipeline and the filled reservoir.");
    article_topics("destabilizing activity of militias=destabilising activity "
                   "of militias|organization of elections=organisation of "
                   "elections|detour of the pipeline|filled reservoir");
}

int main(void)
{
    static const dg_test tests[] = {
        {"discussed X, Y and Z", test_discussed_list},
        {"talks on X", test_talks_on},
        {"concerns about X; a dispute over X", test_concerns_about_dispute_over},
        {"Regarding X,", test_regarding},
        {"focused on X", test_focused_on},
        {"issues such as X, including Y", test_such_as_including},
        {"topics will include X", test_topics_include},
        {"condemned X for Y: Y", test_condemned_object},
        {"list items after an event", test_bullets},
        {"a cue without an event: the article's topic", test_article_only},
        {"a noun named in three sentences", test_salient_noun},
        {"boundary: a date", test_boundary_date},
        {"boundary: a relative pronoun", test_boundary_relative},
        {"boundary: a verb", test_boundary_verb},
        {"boundary: a new clause", test_boundary_clause},
        {"boundary: the place of the event", test_boundary_place},
        {"boundary: the maximum length", test_boundary_length},
        {"the modifier kept", test_modifier_kept},
        {"a word inside a proper name or title", test_word_in_name},
        {"a participant or its state refused", test_participant_refused},
        {"people who act; forces acted on", test_people_and_forces},
        {"spelling variants: one topic", test_spelling_variants},
        {"forms of one issue: one topic", test_forms_of_one_issue},
        {"triples of the article's and the event's topic", test_triples},
        {"respelling only where WordNet says so", test_respelling},
        {NULL, NULL}
    };
    char dir[4096];
    int rc;

    snprintf(dir, sizeof dir, "%s/data", dg_test_srcdir());
    if (dg_lexicon_load(dir, &g_lex, NULL, NULL) != DG_OK) {
        fprintf(stderr, "cannot load the lexicon from %s\n", dir);
        return 1;
    }
    rc = dg_run_tests("topics", tests);
    dg_doc_release(&g_doc);
    dg_lexicon_free(g_lex);
    return rc;
}
