/*
 * test_clauses.c: unit tests for clauses.c (and the word classes of
 * wordclass.c it reads): parts of speech in context, verb groups (voice,
 * negation, modality, tense), and each kind of clause with its subject,
 * object, passive agent and prepositional phrases, on short sentences of
 * our own.
 */
#include "internal.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

static dg_lexicon *g_lex;
static dg_doc g_doc;

static void run(const char *text)
{
    dg_doc_release(&g_doc);
    memset(&g_doc, 0, sizeof g_doc);
    g_doc.text = text;
    g_doc.len = strlen(text);
    g_doc.lex = g_lex;
    CU_ASSERT_FATAL(g_lex != NULL);
    CU_ASSERT_FATAL(dg_segment(&g_doc) == DG_OK);
    CU_ASSERT_FATAL(dg_find_mentions(&g_doc) == DG_OK);
    CU_ASSERT_FATAL(dg_resolve_entities(&g_doc) == DG_OK);
    CU_ASSERT_FATAL(dg_find_clauses(&g_doc) == DG_OK);
}

/* The text of tokens [b, e) into buf ("" when empty). */
static const char *span_text(dg_span sp, char *buf, size_t cap)
{
    size_t n = 0;

    buf[0] = '\0';
    if (sp.b >= sp.e)
        return buf;
    n = g_doc.toks[sp.e - 1].e - g_doc.toks[sp.b].b;
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, g_doc.text + g_doc.toks[sp.b].b, n);
    buf[n] = '\0';
    return buf;
}

/* The token whose text starts at byte b. */
static size_t tok_at(size_t b)
{
    size_t i;

    for (i = 0; i < g_doc.ntoks; i++)
        if (g_doc.toks[i].b == b)
            return i;
    CU_FAIL("no token at that byte");
    return 0;
}

/* The clause whose head verb's lemma is lemma. */
static const dg_clause *clause_of(const char *lemma)
{
    size_t k;

    for (k = 0; k < g_doc.nclauses; k++)
        if (g_doc.clauses[k].lemma &&
            strcmp(g_doc.clauses[k].lemma, lemma) == 0)
            return &g_doc.clauses[k];
    CU_FAIL("no clause with that verb");
    return &g_doc.clauses[0];
}

/* Checks a clause's kind and the text of its subject (as written or as
 * carried), object and agent ("" for none). */
static void clause(const char *lemma, dg_clause_kind kind, const char *subj,
                   const char *obj, const char *agent)
{
    const dg_clause *c = clause_of(lemma);
    char buf[256];

    CU_ASSERT_EQUAL(c->kind, kind);
    CU_ASSERT_STRING_EQUAL(span_text(dg_clause_subject(&g_doc,
                                     (int)(c - g_doc.clauses), NULL), buf,
                                     sizeof buf), subj);
    CU_ASSERT_STRING_EQUAL(span_text(c->obj, buf, sizeof buf), obj);
    CU_ASSERT_STRING_EQUAL(span_text(c->agent, buf, sizeof buf), agent);
}

static void test_word_classes(void)
{
    const dg_wordclass *wc = dg_lexicon_wordclass(g_lex);
    const char *lemma = NULL;
    unsigned count, c[4];

    CU_ASSERT_PTR_NOT_NULL_FATAL(wc);
    CU_ASSERT_EQUAL(dg_wordclass_verb(wc, "met", &lemma, &count), DG_VF_ED);
    CU_ASSERT_STRING_EQUAL(lemma, "meet");
    CU_ASSERT_EQUAL(dg_wordclass_verb(wc, "agreed", &lemma, &count),
                    DG_VF_ED);
    CU_ASSERT_STRING_EQUAL(lemma, "agree");
    CU_ASSERT_EQUAL(dg_wordclass_verb(wc, "stopped", &lemma, &count),
                    DG_VF_ED);
    CU_ASSERT_STRING_EQUAL(lemma, "stop");
    CU_ASSERT_EQUAL(dg_wordclass_verb(wc, "tries", &lemma, &count), DG_VF_S);
    CU_ASSERT_STRING_EQUAL(lemma, "try");
    CU_ASSERT_EQUAL(dg_wordclass_verb(wc, "meeting", &lemma, &count),
                    DG_VF_ING);
    CU_ASSERT_EQUAL(dg_wordclass_verb(wc, "need", &lemma, &count),
                    DG_VF_BASE);
    CU_ASSERT_EQUAL(dg_wordclass_verb(wc, "diplomat", &lemma, &count),
                    DG_VF_NONE);
    CU_ASSERT(dg_wordclass_of(wc, "state", c) & DG_WC_NOUN);
    CU_ASSERT(c[0] > 2 * c[1]); /* "state" is far more often a noun */
}

/* The same word as a noun and as a verb, by its context. */
static void test_noun_or_verb(void)
{
    run("On Friday, peace talks in Minsk ended. The government talks to envoys.");
    CU_ASSERT_EQUAL(g_doc.tags[tok_at(17)].pos, DG_POS_NOUN);
    CU_ASSERT_EQUAL(g_doc.tags[tok_at(54)].pos, DG_POS_VERB);
    run("The talks ended. She talks to envoys.");
    CU_ASSERT_EQUAL(g_doc.tags[tok_at(4)].pos, DG_POS_NOUN);
    CU_ASSERT_EQUAL(g_doc.tags[tok_at(21)].pos, DG_POS_VERB);
    CU_ASSERT_STRING_EQUAL(g_doc.tags[tok_at(21)].lemma, "talk");
    run("Ministers discussed a separate meeting in the capital.");
    CU_ASSERT_EQUAL(g_doc.tags[tok_at(31)].pos, DG_POS_NOUN);
    run("Guests toured the Russian-backed region.");
    CU_ASSERT_EQUAL(g_doc.tags[tok_at(26)].pos, DG_POS_ADJ);
    /* after a modal a verb's own base form, not another verb's past:
     * "lay" the verb here, "lie" in the past there */
    run("The rebels will lay down their arms. The rebels lay low.");
    CU_ASSERT_EQUAL(g_doc.tags[tok_at(16)].pos, DG_POS_VERB);
    CU_ASSERT_STRING_EQUAL(g_doc.tags[tok_at(16)].lemma, "lay");
    clause("lay", DG_CL_MAIN, "The rebels", "their arms", "");
    CU_ASSERT_STRING_EQUAL(g_doc.tags[tok_at(48)].lemma, "lie");
    /* a past spelt as the base ("cut") before a noun phrase; a noun
     * after a noun with the verb to come */
    run("Japan cut aid to Peru. The budget cut was small.");
    CU_ASSERT_EQUAL(g_doc.tags[tok_at(6)].pos, DG_POS_VERB);
    CU_ASSERT_NOT_EQUAL(g_doc.tags[tok_at(34)].pos, DG_POS_VERB);
    run("Japan has cut aid to Peru.");
    clause("cut", DG_CL_MAIN, "Japan", "aid", "");
}

static void test_verb_groups(void)
{
    /* adverbs inside the group: "once again", a word that is an adverb
     * between an auxiliary and the verb */
    run("Kelso cannot accept the plan.");
    CU_ASSERT(clause_of("accept")->vflags & DG_VG_NEG);
    CU_ASSERT(clause_of("accept")->vflags & DG_VG_MODAL);
    run("Kelso has once again outright rejected the plan.");
    {
        const dg_clause *c = clause_of("reject");
        char buf[256];
        CU_ASSERT_STRING_EQUAL(span_text(c->vg, buf, sizeof buf),
                               "has once again outright rejected");
        CU_ASSERT_STRING_EQUAL(span_text(c->obj, buf, sizeof buf),
                               "the plan");
    }
    const dg_clause *c;

    run("Envoys did not meet on Friday.");
    c = clause_of("meet");
    CU_ASSERT(c->vflags & DG_VG_NEG);
    CU_ASSERT(c->vflags & DG_VG_PAST);
    run("The envoy will meet the rebels.");
    CU_ASSERT(clause_of("meet")->vflags & DG_VG_FUTURE);
    run("The envoy could meet the rebels.");
    CU_ASSERT(clause_of("meet")->vflags & DG_VG_MODAL);
    run("The envoy has met the rebels.");
    CU_ASSERT(clause_of("meet")->vflags & DG_VG_PERFECT);
    /* "May" the month is no modal */
    run("In May the envoy met the rebels.");
    CU_ASSERT(!(clause_of("meet")->vflags & DG_VG_MODAL));
}

/* "X was received by Y": the agent of a passive. */
static void test_passive_agent(void)
{
    run("The Lorvian envoy was received by the council in Kelso.");
    clause("receive", DG_CL_MAIN, "The Lorvian envoy", "", "the council");
    CU_ASSERT(clause_of("receive")->vflags & DG_VG_PASSIVE);
    /* the agent with the phrase that places it */
    run("The envoys in Kelso were hosted by officials from Lorvia.");
    clause("host", DG_CL_MAIN, "The envoys in Kelso", "",
           "officials from Lorvia");
}

/* A participle's subject is its main clause's: "After meeting Y, X". */
static void test_participle(void)
{
    run("After meeting the rebels in Kelso, the envoy flew to Dorn, "
        "where she met the regent.");
    clause("fly", DG_CL_MAIN, "the envoy", "", "");
    CU_ASSERT_EQUAL(clause_of("meet")->kind, DG_CL_PARTICIPLE);
    {
        const dg_clause *c = &g_doc.clauses[1];
        char buf[256];
        CU_ASSERT_STRING_EQUAL(c->lemma, "meet");
        CU_ASSERT_STRING_EQUAL(span_text(dg_clause_subject(&g_doc, 1, NULL),
                                         buf, sizeof buf), "the envoy");
        CU_ASSERT_STRING_EQUAL(span_text(c->obj, buf, sizeof buf),
                               "the rebels");
    }
    /* the relative clause after "where" keeps its own subject */
    CU_ASSERT_EQUAL(g_doc.clauses[2].kind, DG_CL_RELATIVE);
    {
        char buf[256];
        CU_ASSERT_STRING_EQUAL(span_text(g_doc.clauses[2].subj, buf,
                                         sizeof buf), "she");
        CU_ASSERT_STRING_EQUAL(span_text(g_doc.clauses[2].ante, buf,
                                         sizeof buf), "Dorn");
    }
    /* a past participle opening the sentence before a comma and a
     * clause with its subject; one that modifies the subject */
    run("Elected in May, the envoy has met the regent.");
    clause("meet", DG_CL_MAIN, "the envoy", "the regent", "");
    clause("elect", DG_CL_PARTICIPLE, "the envoy", "", "");
    run("Newly appointed envoy Tomas Nowak has refused to meet the regent.");
    clause("refuse", DG_CL_MAIN, "appointed envoy Tomas Nowak", "", "");
    /* ", saying ...": the participle after the main clause */
    run("The ministry criticized the plan, saying it was rash.");
    clause("say", DG_CL_PARTICIPLE, "The ministry", "", "");
    /* the one quoted speaks, not the agency quoting */
    run("The envoy was quoted by the agency saying the talks had ended.");
    clause("say", DG_CL_PARTICIPLE, "The envoy", "", "");
}

/* An aside between dashes, with ";" between its items, stands between
 * a subject and its verb; a hyphen inside a word opens none. */
static void test_dash_aside(void)
{
    run("Iran and the powers \u2014 Britain, France; and Germany \u2014 "
        "reached a six-month deal.");
    clause("reach", DG_CL_MAIN, "Iran and the powers", "a six-month deal", "");
    CU_ASSERT_EQUAL(g_doc.nclauses, 1);
}

/* What a speech verb reports is a clause of its own, before or after. */
static void test_reported(void)
{
    /* a time phrase between the speech verb and what it reports */
    run("The farmers said on Friday they would blockade the city.");
    clause("blockade", DG_CL_REPORTED, "they", "the city", "");
    run("The minister said the talks would resume.");
    clause("say", DG_CL_MAIN, "The minister", "", "");
    clause("resume", DG_CL_REPORTED, "the talks", "", "");
    run("The talks will resume, the minister said.");
    clause("say", DG_CL_MAIN, "the minister", "", "");
    clause("resume", DG_CL_REPORTED, "The talks", "", "");
    run("The envoy told reporters that the border was closed.");
    clause("tell", DG_CL_MAIN, "The envoy", "reporters", "");
    CU_ASSERT_EQUAL(clause_of("close")->kind, DG_CL_REPORTED);
}

/* "to" + verb: the subject comes from the verb, or from its object with
 * "invited X to", or from the noun the clause completes. */
static void test_infinitive(void)
{
    run("The regent agreed to meet the rebels.");
    clause("meet", DG_CL_INFINITIVE, "The regent", "the rebels", "");
    run("The regent invited the envoy to visit Dorn.");
    clause("visit", DG_CL_INFINITIVE, "the envoy", "Dorn", "");
    run("The council deplored the decision of the regent to expel the "
        "envoys.");
    clause("expel", DG_CL_INFINITIVE, "the regent", "the envoys", "");
}

/* Coordinated verbs share a subject; a list of names is one subject. */
static void test_coordination(void)
{
    run("The envoy met the regent and later spoke with the rebels.");
    clause("speak", DG_CL_COORD, "The envoy", "", "");
    run("The envoy, the regent and the consul met in Kelso.");
    clause("meet", DG_CL_MAIN, "The envoy, the regent and the consul", "",
           "");
    /* a comma without "and" joins no list */
    run("Since the summit, the envoys have met twice.");
    clause("meet", DG_CL_MAIN, "the envoys", "", "");
    /* a bracketed gloss after a name stays in its noun phrase */
    run("The envoy, the Kelso Trade Board (KTB) and the consul met.");
    clause("meet", DG_CL_MAIN,
           "The envoy, the Kelso Trade Board (KTB) and the consul", "", "");
    /* an aside between commas that compares is not the subject */
    run("The envoy, like most other envoys, met the regent.");
    clause("meet", DG_CL_MAIN, "The envoy", "the regent", "");
    /* a people named by its plural demonym is a subject */
    run("Peruvians and Chileans rejected the plan.");
    clause("reject", DG_CL_MAIN, "Peruvians and Chileans", "the plan", "");
    /* "along with", "together with", "as well as" join as "and" does */
    run("The envoy along with his aides met the regent.");
    clause("meet", DG_CL_MAIN, "The envoy along with his aides",
           "the regent", "");
    run("The envoy as well as the consul met the regent.");
    clause("meet", DG_CL_MAIN, "The envoy as well as the consul",
           "the regent", "");
    run("The Kelso Trade Board (KTB) met.");
    clause("meet", DG_CL_MAIN, "The Kelso Trade Board (KTB)", "", "");
}

/* Time phrases and appositions stand between a subject and its verb. */
static void test_subject_gaps(void)
{
    run("The council on Tuesday demanded that the regent resign.");
    clause("demand", DG_CL_MAIN, "The council", "", "");
    clause("resign", DG_CL_REPORTED, "the regent", "", "");
    run("The summit, held in Kelso, was attended by the regent.");
    clause("attend", DG_CL_MAIN, "The summit", "", "the regent");
    CU_ASSERT_EQUAL(clause_of("hold")->kind, DG_CL_RELATIVE);
    /* an adverb set off by commas */
    run("The council, however, rejects and condemns the plan.");
    clause("reject", DG_CL_MAIN, "The council", "", "");
    clause("condemn", DG_CL_COORD, "The council", "the plan", "");
    /* a participle after "that" of a verb modifies the subject */
    run("The council demanded that deposed envoy Tomas Nowak resign.");
    clause("resign", DG_CL_REPORTED, "deposed envoy Tomas Nowak", "", "");
}

/* Prepositional phrases of a clause and the reduced relative clause. */
static void test_phrases(void)
{
    const dg_clause *c;
    char buf[256];

    run("The council condemned the sanctions imposed by the regent.");
    clause("condemn", DG_CL_MAIN, "The council", "the sanctions", "");
    clause("impose", DG_CL_RELATIVE, "the sanctions", "", "the regent");
    /* a time phrase ("on Monday") is the dates stage's, not a phrase */
    run("The envoy met the regent in Kelso on Monday.");
    c = clause_of("meet");
    CU_ASSERT_EQUAL_FATAL(c->npps, 1);
    CU_ASSERT_STRING_EQUAL(g_doc.toks[c->pps[0].prep].norm, "in");
    CU_ASSERT_STRING_EQUAL(span_text(c->pps[0].np, buf, sizeof buf),
                           "Kelso");
}

int main(void)
{
    static const dg_test tests[] = {
        {"word classes from WordNet", test_word_classes},
        {"noun or verb by context", test_noun_or_verb},
        {"verb groups: negation, modality, tense", test_verb_groups},
        {"passive agent", test_passive_agent},
        {"participial clauses", test_participle},
        {"an aside between dashes", test_dash_aside},
        {"reported speech", test_reported},
        {"infinitive clauses", test_infinitive},
        {"coordination", test_coordination},
        {"time phrases and appositions", test_subject_gaps},
        {"prepositional phrases, reduced relatives", test_phrases},
        {NULL, NULL}
    };
    char dir[4096];
    int rc;

    snprintf(dir, sizeof dir, "%s/data", dg_test_srcdir());
    if (dg_lexicon_load(dir, &g_lex, NULL, NULL) != DG_OK) {
        fprintf(stderr, "cannot load the lexicon from %s\n", dir);
        return 1;
    }
    rc = dg_run_tests("clauses", tests);
    dg_doc_release(&g_doc);
    dg_lexicon_free(g_lex);
    return rc;
}
