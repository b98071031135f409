/*
 * mood.c: whether the event a trigger names happened, is planned, or is
 * not reported as happened (the event stage's status; see events.c).
 *
 * Events announced for the future ("will meet", "invited ... to visit")
 * get dip:status "scheduled"; hypothetical ones ("would", "could", "if"),
 * negated, refused, wished and cancelled ones are dropped.
 */
#include "events_internal.h"

#include <string.h>

/* Words that make a clause future: its events are "scheduled". */
static const char *const future[] = {
    "will", "shall", "invited", "invites", "invite", "plans", "planned",
    "plan", "expected", "scheduled", "upcoming", "readiness", "tomorrow",
    "intend", "intends", NULL
};

/* Future cues that count only just before the trigger ("looked forward
 * to visiting", "next visit"; not "next steps on commitments made at"). */
static const char *const future_near[] = {
    "forward", "next", "ready", "agreed", NULL
};

/* Is token i inside reported speech: a speech verb earlier in its
 * sentence ("The Kremlin said the president would ...")? */
static int reported_speech(const dg_doc *doc, size_t i)
{
    static const char *const verbs[] = {
        "said", "says", "announced", "told", "stated", "added", "confirmed",
        NULL
    };
    size_t sb = doc->sents[doc->toks[i].sent].tok_b, k;

    for (k = sb; k < i; k++)
        if (dg_word_in(verbs, doc->toks[k].norm))
            return 1;
    return 0;
}

/* Is clause c inside reported speech ("said he would ...")? */
static int reported_above(const dg_doc *doc, int c)
{
    int hops = 0;

    for (; c >= 0 && hops++ < 12; c = doc->clauses[c].parent)
        if (doc->clauses[c].kind == DG_CL_REPORTED)
            return 1;
    return 0;
}

/* Returns 1 (scheduled), 0 (reported), -1 (hypothetical) for a trigger
 * at tb looking back over its clause. */
int dg_trigger_mood(const dg_doc *doc, size_t cb, size_t tb)
{
    size_t i, near;
    int mood = 0;

    /* "would respond to Washington's decision to impose": the decision
     * was taken; the mood before it is not the action's */
    for (i = tb; i > cb; i--)
        if (dg_tok_is(&doc->toks[i - 1], "decision") ||
            dg_tok_is(&doc->toks[i - 1], "decided")) {
            cb = i;
            break;
        }
    near = tb > cb + 8 ? tb - 8 : cb;

    for (i = cb; i < tb; i++) {
        const char *w = doc->toks[i].norm;
        if (doc->tags && doc->tags[i].clause != doc->tags[tb].clause)
            continue; /* another clause's "will" is not this event's */
        if (i >= near && strcmp(w, "would") == 0 && reported_speech(doc, i))
            mood = 1; /* "said the president would host": future in the past */
        if (dg_word_in(future, w) || (i + 4 >= tb && dg_word_in(future_near, w)))
            mood = 1;
    }
    return mood;
}

/* Governors of an infinitive or "that" clause, by what they make of the
 * event in it: not an event ("refused to meet", "hopes to visit"), or
 * one planned ("agreed to meet", "plans to visit").  Others leave the
 * event as reported ("began to", "continued to"). */
static const char *const denying_lemmas[] = {
    "refuse", "decline", "fail", "reject", "avoid", "cancel", "postpone",
    "oppose", "deny", "stop", "cease", "abandon", "forgo", "halt", "block",
    "prevent", "resist", "delay", "scrap", "shelve", "suspend", "hesitate",
    "want", "hope", "wish", "seek", "try", "attempt", "aim", "propose",
    "urge", "ask", "call", "encourage", "press", "request", "demand",
    "appeal", "need", "consider", "threaten", "push", "lobby", "insist",
    "suggest", "recommend", "advise", "warn", "caution", "struggle",
    "like", "love", "prefer", "dream", "strive", "plead", "beg", NULL
};
static const char *const planning_lemmas[] = {
    "plan", "intend", "agree", "decide", "expect", "schedule", "prepare",
    "promise", "pledge", "vow", "commit", "arrange", "set", "invite",
    "go", "be", "resolve", "vote", "announce", "confirm", "offer",
    "undertake", "volunteer", "choose", "elect", NULL
};
/* Nouns that govern an infinitive the same way ("a plan to visit",
 * "an attempt to mediate"). */
static const char *const denying_nouns[] = {
    "attempt", "attempts", "bid", "effort", "efforts", "desire", "call",
    "calls", "request", "requests", "demand", "demands", "hope", "hopes",
    "wish", "proposal", "proposals", "push", "pressure", "refusal",
    "failure", "need", "suggestion", "idea", "threat", "threats",
    "measures", "initiative", "ways", "means", "move", "moves",
    "campaign", "drive", "aim", "goal", "purpose",
    "unwilling", "reluctant", "unable", "hesitant", NULL
};
static const char *const planning_nouns[] = {
    "plan", "plans", "invitation", "agreement", "readiness", "willingness",
    "commitment", "intention", "intent", "offer", "pledge", "promise",
    "schedule", "arrangement", "arrangements", "approval", "permission",
    "authorization", "authorisation", "licence", "license", "mandate",
    "go-ahead",
    "willing", "ready", "prepared", "determined", "eager", "keen", "set",
    "due", "likely", "expected", "scheduled", "poised", NULL
};
/* Words before a noun trigger that make it not (yet) an event. */
static const char *const denying_modifiers[] = {
    "possible", "potential", "proposed", "hypothetical", "cancelled",
    "canceled", "postponed", "aborted", "failed", "hoped-for", NULL
};
static const char *const planning_modifiers[] = {
    "upcoming", "planned", "scheduled", "forthcoming", "next", "future",
    "expected", "anticipated", "coming", "impending", NULL
};
/* Verbs whose object event does not happen ("cancelled his visit"). */
static const char *const cancelling_lemmas[] = {
    "cancel", "postpone", "call", "scrap", "delay", "shelve", "suspend",
    "reject", "refuse", "decline", "oppose", "propose", "seek", "want",
    "urge", "demand", "request", "consider", "discuss", "plan", "offer",
    "rule", "hope", "deny", "block", "prevent", "avoid", "boycott", NULL
};

/* The clause in which the governor of infinitive clause c stands: its
 * parent, unless the infinitive follows a noun ("the decision to"), in
 * which case *noun is that noun's token. */
static int governor(const dg_doc *doc, int c, size_t *noun)
{
    const dg_clause *cl = &doc->clauses[c];
    size_t to = cl->marker;

    *noun = (size_t)-1;
    if (to != (size_t)-1 && to > 0 &&
        (doc->tags[to - 1].pos == DG_POS_NOUN ||
         doc->tags[to - 1].pos == DG_POS_ADJ) &&
        (dg_word_in(denying_nouns, doc->toks[to - 1].norm) ||
         dg_word_in(planning_nouns, doc->toks[to - 1].norm)))
        *noun = to - 1;
    return cl->parent;
}

/* The mood of a trigger from its clause and the clauses above it:
 * -1 when the text does not report it as happened or decided (negated:
 * "did not meet"; hypothetical: "could meet", "if they meet"; refused
 * or wished: "refused to meet", "hopes to visit"; cancelled: "cancelled
 * his visit"), 1 when it is planned ("will meet", "agreed to meet",
 * "said he would visit", "the planned visit"), else 0. */
/* The mood a noun of intent gives the noun trigger in its "for" or "of"
 * phrase: -1 for a wish ("a call for talks", "the request for a
 * meeting"), 1 for a plan ("plans for a visit", "an offer of talks"), 0
 * when none governs it. */
static int noun_of_intent(const dg_doc *doc, const dg_trigger_ctx *tc)
{
    size_t k = tc->tb;
    const char *w;

    while (k > tc->sb + 2 && (doc->tags[k - 1].pos == DG_POS_ADJ ||
                              doc->tags[k - 1].pos == DG_POS_DET ||
                              doc->tags[k - 1].pos == DG_POS_NUM ||
                              doc->tags[k - 1].pos == DG_POS_DEMONYM))
        k--;
    if (k < tc->sb + 2 || !(dg_tok_is(&doc->toks[k - 1], "for") ||
                            dg_tok_is(&doc->toks[k - 1], "of")))
        return 0;
    w = doc->toks[k - 2].norm;
    return dg_word_in(denying_nouns, w) ? -1 : dg_word_in(planning_nouns, w);
}

/* Is token k in a "for" phrase of clause cl? */
static int in_for_phrase(const dg_doc *doc, const dg_clause *cl, size_t k)
{
    size_t j;

    for (j = 0; j < cl->npps; j++)
        if (dg_span_has(cl->pps[j].np, k) &&
            dg_tok_is(&doc->toks[cl->pps[j].prep], "for"))
            return 1;
    return 0;
}

int dg_clause_mood(const dg_doc *doc, const dg_trigger_ctx *tc)
{
    int c = dg_clause_at(doc, tc->tb), mood = 0, hops = 0, carried = 1;
    size_t k;

    if (c < 0)
        return 0;
    if (tc->noun) {
        const dg_clause *cl = &doc->clauses[c];
        for (k = tc->tb; k-- > tc->sb && k + 4 > tc->tb;) {
            const char *w = doc->toks[k].norm;
            if (dg_word_in(denying_modifiers, w))
                return -1;
            if (dg_word_in(planning_modifiers, w))
                mood = 1;
            if (!(doc->tags[k].pos == DG_POS_ADJ ||
                  doc->tags[k].pos == DG_POS_ADV ||
                  doc->tags[k].pos == DG_POS_NUM ||
                  doc->tags[k].pos == DG_POS_DEMONYM ||
                  dg_tok_is(&doc->toks[k], "-")))
                break;
        }
        /* "Kenyatta's call for talks", "plans for a visit" */
        mood = mood > 0 ? 1 : noun_of_intent(doc, tc);
        if (mood < 0)
            return -1;
        /* "cancelled his visit", "called for talks", "hoped for more
         * talks" */
        if ((dg_span_has(cl->obj, tc->tb) || in_for_phrase(doc, cl, tc->tb)) &&
            cl->lemma && dg_word_in(cancelling_lemmas, cl->lemma) &&
            !dg_is_verb_token(doc, tc->tb))
            return -1;
        /* "held talks", "will hold talks", "refused to hold talks": the
         * support verb carries the event; otherwise the noun's mood is
         * its own and the clauses above add only their conditions */
        carried = dg_span_has(cl->obj, tc->tb) && cl->lemma &&
                  dg_word_in(dg_support_lemmas, cl->lemma);
    }
    for (; c >= 0 && hops++ < 12; c = doc->clauses[c].parent) {
        const dg_clause *cl = &doc->clauses[c];
        const char *marker = cl->marker != (size_t)-1 ?
                             doc->toks[cl->marker].norm : "";
        if (cl->kind == DG_CL_SUBORD &&
            (strcmp(marker, "if") == 0 || strcmp(marker, "unless") == 0 ||
             strcmp(marker, "whether") == 0))
            return -1;
        if (!carried)
            continue;
        {
            if (cl->vflags & DG_VG_NEG)
                return -1;
            if (cl->vflags & DG_VG_MODAL) {
                const char *m = doc->tags[cl->vg.b].lemma;
                if (!(m && strcmp(m, "would") == 0 && reported_above(doc, c)))
                    return -1;
                mood = 1; /* "said he would visit" */
            }
            if (cl->vflags & DG_VG_FUTURE)
                mood = 1;
        }
        if (cl->kind == DG_CL_INFINITIVE) {
            size_t noun;
            int g = governor(doc, c, &noun);
            const char *gw;
            /* "the measures taken by Russia to resume talks" */
            if (noun == (size_t)-1 && g >= 0 &&
                doc->clauses[g].kind == DG_CL_RELATIVE &&
                doc->clauses[g].ante.b < doc->clauses[g].ante.e)
                noun = doc->clauses[g].ante.e - 1;
            gw = noun != (size_t)-1 ? doc->toks[noun].norm :
                             g >= 0 && doc->clauses[g].lemma ?
                             doc->clauses[g].lemma : "";
            if (noun != (size_t)-1 ? dg_word_in(denying_nouns, gw)
                                   : dg_word_in(denying_lemmas, gw))
                return -1;
            if (noun != (size_t)-1 ? dg_word_in(planning_nouns, gw)
                                   : dg_word_in(planning_lemmas, gw))
                mood = 1;
        }
        if (cl->kind == DG_CL_REPORTED) {
            int g = cl->parent;
            const char *gl = g >= 0 && doc->clauses[g].lemma ?
                             doc->clauses[g].lemma : "";
            if (strcmp(gl, "deny") == 0 || strcmp(gl, "hope") == 0 ||
                strcmp(gl, "wish") == 0 || strcmp(gl, "doubt") == 0)
                return -1;
        }
    }
    return mood;
}

int dg_planned_infinitive(const dg_doc *doc, const dg_trigger_ctx *tc)
{
    int c = dg_clause_at(doc, tc->tb);

    return c >= 0 && !tc->noun && doc->clauses[c].verb == tc->tb &&
           doc->clauses[c].kind == DG_CL_INFINITIVE;
}
