/*
 * event_filters.c: trigger mentions that name no diplomatic event (part
 * of the event stage; see events.c): talks without a second side, a
 * meeting that is a match, a company's business or a state's own body
 * meeting ("the cabinet met"), troops that "arrived", a law "signed", a
 * name "called" ("called X a Y", "the drill, called X"), a trigger noun
 * that only modifies the noun after it ("travel curbs") or is what is
 * talked about ("conferred about the talks with X").
 */
#include "events_internal.h"

#include <string.h>

/* Does an event whose trigger needs a counterpart have one: for a
 * joint activity two sides ("X and Y discussed"), for a verb that needs
 * its object someone in the object's role ("hosted X": a visitor;
 * "summoned X": a target; "called X": a second participant); passive
 * tells the trigger's clause is passive. */
int dg_has_counterpart(const dg_event *ev, const dg_lex_entry *lx,
                       int passive)
{
    dg_role sr = dg_subject_role(lx), orole = dg_object_role(sr);

    if (lx->flags & DG_LEXF_RECIPROCAL)
        return ev->nparts >= 2;
    if (!(lx->flags & DG_LEXF_NEEDS_OBJECT))
        return 1;
    /* "was welcomed home by supporters": told in the passive, a visit
     * needs its host named too */
    if (sr == DG_ROLE_HOST && passive)
        return dg_event_has_role(ev, DG_ROLE_HOST) &&
               dg_event_has_role(ev, DG_ROLE_VISITOR);
    return orole != sr ? dg_event_has_role(ev, orole) : ev->nparts >= 2;
}

/* Words that make a meeting a sports match or a company's business:
 * "met France in the final", "the board meeting", "a shareholders'
 * meeting". */
static const char *const non_diplomatic[] = {
    "final", "finals", "semifinal", "semi-final", "semifinals",
    "quarterfinal", "quarter-final", "quarterfinals", "match", "matches",
    "game", "games", "tournament", "cup", "league", "championship",
    "championships", "qualifier", "qualifiers", "derby", "friendly",
    "olympics", "playoff", "playoffs", "fixture", "stadium", "goal",
    "goals", "shareholders", "shareholder", "board", "investors", "annual",
    "creditors", "employees", "union", NULL
};

/* Is the trigger's clause about sport or business (non_diplomatic)? */
int dg_not_diplomatic(const dg_doc *doc, const dg_trigger_ctx *tc)
{
    int c = dg_clause_at(doc, tc->tb);
    size_t b = c >= 0 ? doc->clauses[c].b : tc->sb;
    size_t e = c >= 0 ? doc->clauses[c].e : tc->se, i;

    for (i = b; i < e; i++)
        if (dg_word_in(non_diplomatic, doc->toks[i].norm) &&
            dg_mention_at(doc, i) < 0 &&
            (!dg_tok_is(&doc->toks[i], "union") || i + 1 == tc->tb))
            return 1;
    return 0;
}

/* Heads of a subject that moves as an army, not as a guest: "British
 * troops arrived in Mali" is a deployment, not a visit. */
static const char *const deployed_nouns[] = {
    "troops", "soldiers", "peacekeepers", "forces", "force", "units",
    "battalion", "battalions", "brigade", "contingent", "aircraft", "jets",
    "warplanes", "planes", "plane", "warships", "warship", "ships", "ship",
    "vessels", "vessel", "submarine", "submarines", "fighters", "drones",
    "convoy", "refugees", "migrants", "asylum-seekers", NULL
};

/* Is the subject of a verb trigger's clause soldiers, craft or people on
 * the move, with no person named in it? */
int dg_deployed_subject(const dg_doc *doc, const dg_trigger_ctx *tc)
{
    int c = dg_clause_at(doc, tc->tb);
    dg_span subj;
    size_t i;

    if (c < 0 || tc->noun)
        return 0;
    subj = dg_clause_subject(doc, c, NULL);
    if (dg_span_person(doc, subj) >= 0)
        return 0;
    for (i = subj.b; i < subj.e; i++)
        if (dg_word_in(deployed_nouns, doc->toks[i].norm))
            return 1;
    return 0;
}

/* Documents one signs alone: a signature on them is no agreement
 * between parties ("signed an executive order", "signed the bill into
 * law"). */
static const char *const unilateral_documents[] = {
    "order", "orders", "law", "laws", "bill", "bills", "decree", "decrees",
    "legislation", "petition", "petitions", "letter", "letters", "book",
    "budget", "ordinance", "proclamation", "memo", "waiver", "directive",
    "contract", "contracts", "autographs", "condolence", NULL
};

/* Is the object of a verb of signing a document no other party signs? */
int dg_signs_alone(const dg_doc *doc, const dg_trigger_ctx *tc)
{
    int c = dg_clause_at(doc, tc->tb);
    const dg_clause *cl;

    if (c < 0 || tc->noun || strcmp(tc->lx->cls, "AgreementSigning") != 0)
        return 0;
    cl = &doc->clauses[c];
    return cl->obj.b < cl->obj.e && cl->obj.b >= tc->te &&
           dg_word_in(unilateral_documents, doc->toks[cl->obj.e - 1].norm);
}

/* Gatherings one calls (convenes), not a person one phones. */
static const char *const called_gatherings[] = {
    "meeting", "session", "summit", "conference", "election", "elections",
    "referendum", "vote", "strike", "ceasefire", "truce", "halt", NULL
};

/* Does the object of a "call" trigger take a complement that names it
 * ("called the ambassador a very stupid guy", "calling X a murderer",
 * "called X nasty") or is it a gathering ("called an emergency Security
 * Council meeting")?  Then no one was phoned. */
int dg_call_names_object(const dg_doc *doc, const dg_trigger_ctx *tc)
{
    static const char *const spans_of_time[] = {
        "day", "week", "month", "year", "hour", "few", "second", "time",
        "night", "morning", "evening", NULL
    };
    int c = dg_clause_at(doc, tc->tb);
    const dg_clause *cl;
    size_t e, k;

    if (c < 0 || tc->noun || strcmp(tc->lx->cls, "PhoneCall") != 0)
        return 0;
    cl = &doc->clauses[c];
    /* "the exercises, called Peace Shield": a participle that names */
    if ((cl->kind == DG_CL_PARTICIPLE || cl->kind == DG_CL_RELATIVE) &&
        cl->marker == (size_t)-1 && cl->verb == tc->tb && cl->lemma &&
        strcmp(cl->lemma, "call") == 0 &&
        doc->tags[tc->tb].vform == DG_VF_ED)
        return 1;
    if (cl->obj.b >= cl->obj.e)
        return 0;
    e = cl->obj.e;
    for (k = 0; k < cl->npps; k++)
        if (cl->pps[k].prep == e) /* "ambassador to the United States" */
            e = cl->pps[k].np.e;
    if (e >= tc->se)
        return 0;
    if (dg_word_in(called_gatherings, doc->toks[e].norm) ||
        dg_word_in(called_gatherings, doc->toks[cl->obj.e - 1].norm))
        return 1;
    if (doc->tags[e].pos == DG_POS_ADJ)
        return 1;
    return (dg_tok_is(&doc->toks[e], "a") || dg_tok_is(&doc->toks[e], "an")) &&
           !(e + 1 < tc->se &&
             dg_word_in(spans_of_time, doc->toks[e + 1].norm));
}

/* Light nouns that a trigger before them still names the event of ("a
 * mediation effort", "the visit programme", "a negotiation session"). */
static const char *const light_heads[] = {
    "effort", "efforts", "mission", "missions", "process", "session",
    "sessions", "initiative", "initiatives", "bid", "attempt", "attempts",
    "round", "rounds", "programme", "program", "itinerary", NULL
};

/* Is the noun trigger [tb, te) a modifier of the noun after it ("lifted
 * travel curbs", "the summit venue"), not the head of its phrase? */
int dg_noun_modifier(const dg_doc *doc, size_t tb, size_t te, size_t se)
{
    return !dg_is_verb_token(doc, tb) && te < se &&
           doc->tags[te].pos == DG_POS_NOUN &&
           !(doc->toks[te].flags & DG_TOK_POSS) &&
           !dg_word_in(light_heads, doc->toks[te].norm);
}

/* Prepositions whose noun phrase is what is talked about. */
static const char *const subject_matter_preps[] = {
    "about", "regarding", "concerning", NULL
};

/* Is the noun trigger the subject matter of its clause ("conferred
 * about the talks with X", "a question regarding the summit"): an issue
 * discussed, not an event told? */
int dg_subject_matter(const dg_doc *doc, const dg_trigger_ctx *tc)
{
    int c = dg_clause_at(doc, tc->tb);
    const dg_clause *cl;
    size_t k;

    if (c < 0 || !tc->noun)
        return 0;
    cl = &doc->clauses[c];
    for (k = 0; k < cl->npps; k++)
        if (cl->pps[k].np.b <= tc->tb && tc->tb < cl->pps[k].np.e &&
            dg_word_in(subject_matter_preps, doc->toks[cl->pps[k].prep].norm))
            return 1;
    return 0;
}

/* Bodies of one state that meet among themselves ("the cabinet met"). */
static const char *const domestic_bodies[] = {
    "cabinet", "parliament", "government", "congress", "senate",
    "committee", "assembly", "legislature", "lawmakers", "legislators",
    "party", "junta", NULL
};

/* Is the subject of a talk told with one participant a body of one state
 * meeting among itself ("Israel's cabinet met on Sunday"), no diplomacy? */
int dg_domestic_meeting(const dg_doc *doc, const dg_trigger_ctx *tc,
                        const dg_event *ev)
{
    int c = dg_clause_at(doc, tc->tb);
    dg_span subj;

    if (c < 0 || tc->noun || ev->nparts != 1 ||
        doc->ents[ev->parts[0].entity].kind != DG_ENT_COUNTRY)
        return 0;
    subj = dg_clause_subject(doc, c, NULL);
    return subj.b < subj.e && dg_mention_at(doc, subj.e - 1) < 0 &&
           dg_word_in(domestic_bodies, doc->toks[subj.e - 1].norm);
}
