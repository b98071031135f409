/*
 * actors.c: who takes part in an event, and in which role (the event
 * stage's participants; see events.c).
 *
 * A trigger's participants are the people named in its clause: before
 * the trigger (the subject, or the possessor: "Sato's visit") and, for
 * verbs and for nouns followed by "with"/"between", after it up to the
 * end of the clause.  States and organizations take part only where no
 * person does ("The United States condemns ...").  "They", "the two
 * leaders" and the like take the participants of the article's latest
 * event; "he"/"she" and "his"/"her" the latest person named.
 */
#include "events_internal.h"

#include <string.h>

#define NP_MAX_TOKENS 12      /* "with Chinese Foreign Minister Li Wei and ..." */

/* Plural subjects that refer back to the latest event's participants. */
static const char *const plural_refs[] = {
    "they", "both", "leaders", "ministers", "two", "sides", "presidents",
    "counterparts", "delegations", "premiers", "secretaries", "parties",
    NULL
};

/* ------------------------------------------------------------------ */
/* Small helpers over mentions                                         */
/* ------------------------------------------------------------------ */

/* Is mention k a person reference with an entity (name or title)? */
static int is_person_ref(const dg_doc *doc, size_t k)
{
    const dg_mention *m = &doc->ments[k];

    return m->entity >= 0 && doc->ents[m->entity].kind == DG_ENT_PERSON &&
           (m->type == DG_MENT_NAME || m->type == DG_MENT_TITLE);
}

/* Is mention k a state or organization named as an actor (not an
 * adjective, not the state of a title, not a place after "in")? */
static int is_actor_ref(const dg_doc *doc, size_t k)
{
    const dg_mention *m = &doc->ments[k];

    if (m->entity < 0 || m->type != DG_MENT_NAME)
        return 0;
    if (doc->ents[m->entity].kind != DG_ENT_COUNTRY &&
        doc->ents[m->entity].kind != DG_ENT_ORG)
        return 0;
    if (m->tok_b > 0 && (dg_word_in(dg_location_preps, doc->toks[m->tok_b - 1].norm) ||
                         dg_tok_is(&doc->toks[m->tok_b - 1], "from")))
        return 0;
    if (m->tok_e < doc->ntoks && (doc->toks[m->tok_e].flags & DG_TOK_POSS))
        return 0; /* "Russia's war": a modifier */
    return m->title_state != 1; /* a singular title's state is no actor */
}

/* A one-word trigger ending in -ing ("visiting", "sanctioning"). */
static int is_gerund(const dg_lex_entry *e)
{
    size_t n = strlen(e->surface);

    return e->ntoks == 1 && n > 4 && strcmp(e->surface + n - 3, "ing") == 0;
}

/* ------------------------------------------------------------------ */
/* Participants                                                        */
/* ------------------------------------------------------------------ */

dg_role dg_subject_role(const dg_lex_entry *lx)
{
    const char *r = lx->role ? lx->role : "";

    if (strcmp(r, "host") == 0)
        return DG_ROLE_HOST;
    if (strcmp(r, "visitor") == 0)
        return DG_ROLE_VISITOR;
    if (strcmp(r, "speaker") == 0)
        return DG_ROLE_SPEAKER;
    if (strcmp(r, "target") == 0)
        return DG_ROLE_TARGET;
    return DG_ROLE_PARTICIPANT;
}

dg_role dg_object_role(dg_role subj)
{
    switch (subj) {
    case DG_ROLE_HOST: return DG_ROLE_VISITOR;
    case DG_ROLE_VISITOR: return DG_ROLE_HOST;
    case DG_ROLE_SPEAKER: return DG_ROLE_TARGET;
    default: return DG_ROLE_PARTICIPANT;
    }
}

/* Words that end the object part of a trigger's clause. */
static int ends_object(const dg_doc *doc, size_t i)
{
    static const char *const stops[] = {
        ";", "which", "where", "while", "including", "such", "about",
        "regarding", "on", "who", "that", "after", "before", "during",
        "following", "amid", "as", ":", NULL
    };
    const dg_token *t = &doc->toks[i];

    if (dg_word_in(stops, t->norm))
        return 1;
    /* "to discuss": an infinitive starts a purpose clause */
    return dg_tok_is(t, "to") && i + 1 < doc->ntoks &&
           (doc->toks[i + 1].flags & DG_TOK_WORD) &&
           !(doc->toks[i + 1].flags & DG_TOK_CAP) &&
           !dg_tok_is(&doc->toks[i + 1], "the");
}

/* The latest person mentioned before token i (for "he", "his"). */
static int latest_person(const dg_doc *doc, size_t i)
{
    size_t j;

    for (j = dg_mentions_from(doc, i); j-- > 0;)
        if (is_person_ref(doc, j))
            return doc->ments[j].entity;
    return -1;
}

/* The latest state or organization named as an actor before token i
 * (for "we" in a government's statement). */
static int latest_actor(const dg_doc *doc, size_t i)
{
    size_t j;

    for (j = dg_mentions_from(doc, i); j-- > 0;)
        if (is_actor_ref(doc, j))
            return doc->ments[j].entity;
    return -1;
}

/* The first person named in [b, e), or -1. */
static int first_person_in(const dg_doc *doc, size_t b, size_t e)
{
    size_t k;

    for (k = dg_mentions_from(doc, b);
         k < doc->nments && doc->ments[k].tok_b < e; k++)
        if (is_person_ref(doc, k))
            return doc->ments[k].entity;
    return -1;
}

/* Collects into ev with role the entities of the mentions in [b, e)
 * that is_ref accepts. */
static int collect_refs(const dg_doc *doc, dg_event *ev, size_t b, size_t e,
                        dg_role role, int *found,
                        int (*is_ref)(const dg_doc *, size_t))
{
    size_t k;

    for (k = dg_mentions_from(doc, b);
         k < doc->nments && doc->ments[k].tok_b < e; k++) {
        if (doc->ments[k].tok_b < b || !is_ref(doc, k))
            continue;
        if (!dg_event_add_part(ev, doc->ments[k].entity, role))
            return 0;
        (*found)++;
    }
    return 1;
}

/* Collects person participants in [b, e) into ev with role. */
static int collect_people(const dg_doc *doc, dg_event *ev, size_t b,
                          size_t e, dg_role role, int *found)
{
    return collect_refs(doc, ev, b, e, role, found, is_person_ref);
}

/* Collects states and organizations named as actors in [b, e). */
static int collect_actors(const dg_doc *doc, dg_event *ev, size_t b,
                          size_t e, dg_role role, int *found)
{
    return collect_refs(doc, ev, b, e, role, found, is_actor_ref);
}

/* Pronouns and plural references in the subject part [b, e). */
static int collect_references(const dg_doc *doc, dg_event *ev, size_t b,
                              size_t e, dg_role role, int *found)
{
    size_t i;

    for (i = b; i < e; i++) {
        const dg_token *t = &doc->toks[i];
        int mk = dg_mention_at(doc, i);
        if (mk >= 0 && !(doc->ments[mk].type == DG_MENT_TITLE &&
                         (doc->ments[mk].lex->flags & DG_LEXF_PLURAL)))
            continue;
        if (dg_tok_is(t, "he") || dg_tok_is(t, "she") || dg_tok_is(t, "his") ||
            dg_tok_is(t, "her")) {
            int p = latest_person(doc, i);
            if (dg_tok_is(t, "his") || dg_tok_is(t, "her")) {
                int q = first_person_in(doc, i, doc->sents[t->sent].tok_e);
                if (q >= 0)
                    p = q;
            }
            if (p >= 0) {
                if (!dg_event_add_part(ev, p, role))
                    return 0;
                (*found)++;
            }
        } else if ((dg_tok_is(t, "we") || dg_tok_is(t, "our")) && i < b + 3) {
            int a = latest_actor(doc, i);
            if (a >= 0) {
                if (!dg_event_add_part(ev, a, role))
                    return 0;
                (*found)++;
            }
        } else if ((dg_word_in(plural_refs, t->norm) || mk >= 0) &&
                   doc->nevs > 1 && (i < b + 4 || i + 3 >= e)) {
            /* the latest event of two or more (the one being built is the
             * last one and is skipped) */
            const dg_event *last = &doc->evs[doc->nevs - 2];
            size_t k;
            for (k = doc->nevs - 1; k-- > 0;)
                if (doc->evs[k].nparts >= 2) {
                    last = &doc->evs[k];
                    break;
                }
            for (k = 0; k < last->nparts; k++)
                if (!dg_event_add_part(ev, last->parts[k].entity,
                                       DG_ROLE_PARTICIPANT))
                    return 0;
            *found += (int)last->nparts;
        }
    }
    return 1;
}

/* Start of the trigger's clause: after the last ";" or ":" before it. */
size_t dg_trigger_clause_start(const dg_doc *doc, size_t sb, size_t tb)
{
    size_t i;

    for (i = tb; i > sb; i--) {
        const dg_token *t = &doc->toks[i - 1];
        if (dg_tok_is(t, ";") || dg_tok_is(t, ":") || dg_tok_is(t, "which") ||
            dg_tok_is(t, "while") || dg_tok_is(t, "who"))
            return i;
    }
    return sb;
}

/* The person a relative clause starting at cb is about: "Tokayev, who
 * is in Russia ..." (-1 when cb does not follow "who"). */
static int relative_antecedent(const dg_doc *doc, size_t cb)
{
    int k;

    if (cb < 2 || !dg_tok_is(&doc->toks[cb - 1], "who"))
        return -1;
    k = dg_mention_at(doc, dg_tok_is(&doc->toks[cb - 2], ",") && cb >= 3 ? cb - 3
                                                                    : cb - 2);
    return k >= 0 && is_person_ref(doc, (size_t)k) ? doc->ments[k].entity : -1;
}

static size_t object_end(const dg_doc *doc, size_t te, size_t se)
{
    size_t i;

    for (i = te; i < se; i++) {
        const dg_lex_entry *hits[2];
        size_t nh = 0;
        if (ends_object(doc, i))
            return i;
        /* "met Y and later spoke with Z": the next verb's clause */
        if (dg_tok_is(&doc->toks[i], "and") && i + 1 < se) {
            size_t j = i + 1;
            while (j < se && dg_is_interjection(doc, j, se))
                j++;
            if (j < se && dg_lexicon_match(doc->lex, doc->text, doc->toks, se,
                                           j, 1u << DG_LEX_TRIGGER, hits, 2,
                                           &nh) > 0 &&
                (hits[0]->flags & DG_LEXF_VERB))
                return i;
        }
    }
    return se;
}

/* The nearest group of people named before token i in [b, i): the last
 * person mention and those joined to it by "and" or commas ("Sato and
 * President Emma Clark").  Adds them to ev; returns 0 on no memory. */
static int nearest_group(const dg_doc *doc, dg_event *ev, size_t b, size_t i,
                         dg_role role, int *found)
{
    size_t k, gap_start = i;

    for (k = doc->nments; k-- > 0;) {
        const dg_mention *m = &doc->ments[k];
        size_t t;
        int joined = 1;
        if (m->tok_e > i || m->tok_b < b)
            continue;
        if (m->type == DG_MENT_TITLE && m->entity < 0)
            continue; /* a title before its name: part of the name */
        if (!is_person_ref(doc, k)) {
            if (m->type == DG_MENT_DEMONYM || m->type == DG_MENT_TITLE ||
                m->type == DG_MENT_NAME)
                continue;
            break;
        }
        for (t = m->tok_e; t < gap_start && *found > 0; t++)
            if (!dg_tok_is(&doc->toks[t], "and") && !dg_tok_is(&doc->toks[t], ",") &&
                dg_mention_at(doc, t) < 0)
                joined = 0;
        if (!joined)
            break;
        if (!dg_event_add_part(ev, m->entity, role))
            return 0;
        (*found)++;
        gap_start = m->tok_b;
    }
    return 1;
}

/* A noun trigger's possessor: "Sato's visit", "his visit", "their
 * summit" (adjectives may stand between: "his three-day visit"). */
static int possessor(const dg_doc *doc, dg_event *ev, const dg_trigger_ctx *tc,
                     dg_role role, int *found)
{
    size_t i, from = tc->tb > tc->sb + 5 ? tc->tb - 5 : tc->sb;

    for (i = tc->tb; i-- > from;) {
        const dg_token *t = &doc->toks[i];
        if (t->flags & DG_TOK_POSS) {
            int k = dg_mention_at(doc, i - 1);
            if (i > tc->sb && k >= 0 && is_person_ref(doc, (size_t)k))
                /* "Okafor and Lindgren's meeting" */
                return nearest_group(doc, ev, tc->sb, i, role, found);
            if (i > tc->sb && k >= 0 && doc->ments[k].entity >= 0 &&
                doc->ments[k].type == DG_MENT_NAME &&
                (doc->ents[doc->ments[k].entity].kind == DG_ENT_COUNTRY ||
                 doc->ents[doc->ments[k].entity].kind == DG_ENT_ORG)) {
                (*found)++; /* "Australia's recent sanctioning" */
                return dg_event_add_part(ev, doc->ments[k].entity, role);
            }
            return 1;
        }
        if (dg_tok_is(t, "his") || dg_tok_is(t, "her")) {
            int p = latest_person(doc, i);
            int q = first_person_in(doc, i, tc->se);
            if (q >= 0 && (p < 0 || i == tc->sb || dg_tok_is(&doc->toks[i - 1], ",")
                           || dg_tok_is(&doc->toks[i - 1], "during")))
                p = q;
            if (p >= 0) {
                (*found)++;
                return dg_event_add_part(ev, p, role);
            }
            return 1;
        }
        if (dg_tok_is(t, "their") || dg_tok_is(t, "our"))
            return nearest_group(doc, ev, tc->sb, i, DG_ROLE_PARTICIPANT, found);
        if (!(t->flags & DG_TOK_WORD) && !dg_tok_is(t, "-"))
            return 1;
        if (dg_mention_at(doc, i) >= 0 && !(doc->ments[dg_mention_at(doc, i)].type ==
                                         DG_MENT_DEMONYM))
            return 1;
    }
    return 1;
}

/* Does a relative, subordinate or reported clause start at token j
 * ("..., whom NATO has accused ...")? */
static int opens_clause(const dg_doc *doc, size_t j)
{
    int c = dg_clause_at(doc, j);
    const dg_clause *cl;

    if (c < 0)
        return 0;
    cl = &doc->clauses[c];
    return cl->b == j && (cl->kind == DG_CL_RELATIVE ||
                          cl->kind == DG_CL_SUBORD ||
                          cl->kind == DG_CL_REPORTED);
}

/* People after a noun trigger: "meeting with X", "summit in California
 * between X and Y", "call by X". */
static int noun_complement(const dg_doc *doc, dg_event *ev, dg_trigger_ctx *tc,
                           dg_role sr, int *found)
{
    size_t i = tc->te, lim = tc->te + 6 < tc->se ? tc->te + 6 : tc->se;

    for (; i < lim; i++) {
        const dg_token *t = &doc->toks[i];
        int k = dg_mention_at(doc, i);
        if (dg_tok_is(t, "with") || dg_tok_is(t, "between") || dg_tok_is(t, "by") ||
            dg_tok_is(t, "of")) {
            /* the noun phrase after the preposition, not the clause */
            size_t end = i + 1 + NP_MAX_TOKENS < tc->obj_end ?
                         i + 1 + NP_MAX_TOKENS : tc->obj_end, j;
            int before = *found;
            /* "between Ukraine and rebel forces, whom NATO accused ...":
             * not into a clause of its own */
            for (j = i + 1; j < end; j++)
                if (opens_clause(doc, j)) {
                    end = j;
                    break;
                }
            /* "a veto cast by X", "the visit of X": the agent; "talks
             * with X": the other side; "the condemnation of X", "the
             * expulsion of X": what it falls on */
            dg_role role = dg_tok_is(t, "by") ? sr :
                           dg_tok_is(t, "of") ?
                           (dg_is_speech_act(tc->lx->cameo) ||
                            dg_is_measure(tc->lx->cls) ? DG_ROLE_TARGET : sr) :
                           dg_object_role(sr);
            if (!collect_people(doc, ev, i + 1, end, role, found))
                return 0;
            /* "a veto cast by the United States" */
            if (*found == before && !dg_tok_is(t, "of"))
                return collect_actors(doc, ev, i + 1, end, role, found);
            return 1;
        }
        /* skip "in California", "cast", dates; stop at anything else */
        if (k >= 0 && doc->ments[k].entity >= 0 &&
            doc->ents[doc->ments[k].entity].kind == DG_ENT_PLACE) {
            i = doc->ments[k].tok_e - 1;
            continue;
        }
        if (k >= 0 || ((t->flags & DG_TOK_PUNCT) && !dg_tok_is(t, "-")) ||
            (t->flags & DG_TOK_CAP))
            return 1;
    }
    return 1;
}

/* The subject of the clause: the first group of people in it. */
static int clause_subject(const dg_doc *doc, dg_event *ev, size_t cb,
                          size_t se, dg_role role, int *found)
{
    size_t k;
    int who = relative_antecedent(doc, cb);

    if (who >= 0) {
        (*found)++;
        return dg_event_add_part(ev, who, role);
    }
    for (k = dg_mentions_from(doc, cb);
         k < doc->nments && doc->ments[k].tok_b < se; k++) {
        const dg_mention *m = &doc->ments[k];
        if (!is_person_ref(doc, k))
            continue;
        {
            size_t end = m->tok_e;
            while (end < se && (dg_tok_is(&doc->toks[end], "and") ||
                                dg_mention_at(doc, end) >= 0 ||
                                dg_tok_is(&doc->toks[end], ",")))
                end++;
            return nearest_group(doc, ev, cb, end, role, found);
        }
    }
    return 1;
}

/* The body whose gathering a meeting noun names: an organization just
 * before it, with only titles, possessives and capitalized words between
 * ("the NATO Foreign Ministers' Meeting", "the BRICS summit"). */
static int gathering_body(const dg_doc *doc, size_t sb, size_t tb)
{
    size_t i = tb, steps = 0;

    while (i > sb && steps++ < 6) {
        int k = dg_mention_at(doc, i - 1);
        const dg_token *t = &doc->toks[i - 1];
        if (k >= 0 && doc->ments[k].type == DG_MENT_NAME &&
            doc->ments[k].entity >= 0 &&
            doc->ents[doc->ments[k].entity].kind == DG_ENT_ORG)
            return doc->ments[k].entity;
        if (k >= 0 && doc->ments[k].type == DG_MENT_TITLE) {
            i = doc->ments[k].tok_b;
            continue;
        }
        if (!(t->flags & (DG_TOK_POSS | DG_TOK_CAP)) && !dg_tok_is(t, "'"))
            return -1;
        i--;
    }
    return -1;
}

/* Is the trigger in a phrase that opens its sentence ("During the
 * telephone conversation, ...")? */
static int leads_clause(const dg_doc *doc, const dg_trigger_ctx *tc)
{
    size_t i;

    for (i = tc->sb; i < tc->tb; i++)
        if (dg_mention_at(doc, i) >= 0)
            return 0;
    return tc->te < tc->se && dg_tok_is(&doc->toks[tc->te], ",");
}

/* States and organizations after a speaker's trigger are its targets,
 * possessives too: "condemned Russia's further mobilisation". */
static int collect_targets(const dg_doc *doc, dg_event *ev,
                           const dg_trigger_ctx *tc, int *found)
{
    size_t k;

    for (k = dg_mentions_from(doc, tc->te);
         k < doc->nments && doc->ments[k].tok_b < tc->obj_end; k++) {
        const dg_mention *m = &doc->ments[k];
        dg_ent_kind kind;
        if (m->entity < 0 || m->type != DG_MENT_NAME)
            continue;
        kind = doc->ents[m->entity].kind;
        if (kind != DG_ENT_COUNTRY && kind != DG_ENT_ORG)
            continue;
        if (m->tok_b > 0 && dg_word_in(dg_location_preps,
                                    doc->toks[m->tok_b - 1].norm))
            continue;
        if (!dg_event_add_part(ev, m->entity, DG_ROLE_TARGET))
            return 0;
        (*found)++;
        break; /* the first one named */
    }
    return 1;
}

static int find_participants_in_clause(const dg_doc *doc, dg_event *ev,
                                       dg_trigger_ctx *tc);

/* The state or body a sanction or expulsion falls on: "sanctions on
 * Belarus", "against Iran", "expelled Russian diplomats". */
static int measure_target(const dg_doc *doc, dg_event *ev,
                          const dg_trigger_ctx *tc)
{
    size_t i, lim = tc->te + 5 < tc->se ? tc->te + 5 : tc->se;

    for (i = tc->te; i < lim; i++) {
        int k = dg_mention_at(doc, i);
        if (k >= 0 && doc->ments[k].entity >= 0 &&
            doc->ents[doc->ments[k].entity].kind != DG_ENT_PLACE &&
            (i == tc->te || dg_tok_is(&doc->toks[i - 1], "on") ||
             dg_tok_is(&doc->toks[i - 1], "against") ||
             dg_tok_is(&doc->toks[i - 1], "to") ||
             doc->ments[k].type == DG_MENT_DEMONYM))
            return dg_event_has(ev, doc->ments[k].entity) ||
                   dg_event_add_part(ev, doc->ments[k].entity, DG_ROLE_TARGET);
        if (k < 0 && (doc->toks[i].flags & DG_TOK_PUNCT))
            return 1;
    }
    return 1;
}

/* "the UK's decision to proscribe", "the decision made by Washington to
 * introduce sanctions": the state or body that decided the action. */
static int decision_owner(const dg_doc *doc, const dg_trigger_ctx *tc)
{
    size_t i, lim = tc->tb > tc->sb + 12 ? tc->tb - 12 : tc->sb;

    for (i = tc->tb; i-- > lim;) {
        const dg_token *t = &doc->toks[i];
        size_t j;
        if (!dg_tok_is(t, "decision") && !dg_tok_is(t, "move") &&
            !dg_tok_is(t, "steps") && !dg_tok_is(t, "plan"))
            continue;
        for (j = i; j-- > lim && j + 3 > i;) {
            int k = dg_mention_at(doc, j);
            if (k >= 0 && is_actor_ref(doc, (size_t)k))
                return doc->ments[k].entity;
            if (k >= 0 && doc->ments[k].type == DG_MENT_NAME &&
                doc->ments[k].entity >= 0 &&
                doc->ents[doc->ments[k].entity].kind != DG_ENT_PERSON)
                return doc->ments[k].entity; /* "the UK's decision" */
        }
        for (j = i + 1; j < tc->tb; j++)
            if (dg_tok_is(&doc->toks[j], "by")) {
                int k = dg_mention_at(doc, j + 1 < tc->tb ? j + 1 : j);
                if (k < 0 && j + 2 < tc->tb)
                    k = dg_mention_at(doc, j + 2);
                if (k >= 0 && doc->ments[k].entity >= 0)
                    return doc->ments[k].entity;
            }
        return -1;
    }
    return -1;
}

/* Is the evaluation at the trigger what its clause says of its subject:
 * the predicate of "be" ("the deal was a historic mistake", "the troops
 * are a threat"), the head verb ("threatens our interests"), or what
 * "called", "described as" name it ("which he called aggressive")?  A
 * word that only names a topic ("discuss threats to the Alliance") is
 * none. */
static int judges(const dg_doc *doc, int c, const dg_trigger_ctx *tc)
{
    static const char *const naming_lemmas[] = {
        "call", "describe", "label", "brand", "term", "characterize",
        "characterise", "dub", "denounce", "see", "view", "consider",
        "regard", NULL
    };
    const dg_clause *cl = &doc->clauses[c];

    if (cl->verb >= tc->tb && cl->verb < tc->te)
        return 1;
    if ((cl->vflags & DG_VG_COPULA) && cl->obj.b <= tc->tb &&
        tc->tb < cl->obj.e)
        return 1;
    return cl->lemma && dg_word_in(naming_lemmas, cl->lemma) &&
           tc->tb > cl->verb;
}

/* An evaluation inside reported speech ("said the deal was a historic
 * mistake", "'... a threat,' according to X"): the speaker of the
 * reporting clause judges the actors the reported clause is about.
 * Outside reported speech the word is no event (found stays 0). */
static int speech_participants(const dg_doc *doc, dg_event *ev,
                               const dg_trigger_ctx *tc, int *found)
{
    int c = dg_clause_at(doc, tc->tb), k, hops = 0;
    size_t i;

    if (c < 0 || !judges(doc, c, tc))
        return 1;
    for (k = c; k >= 0 && hops++ < 12; k = doc->clauses[k].parent) {
        const dg_clause *r = &doc->clauses[k];
        int before;
        if (r->kind != DG_CL_REPORTED || r->parent < 0)
            continue;
        if (!dg_span_actors(doc, ev, dg_clause_subject(doc, r->parent, NULL),
                            DG_ROLE_SPEAKER, found))
            return 0;
        if (*found == 0)
            return 1;
        before = *found;
        return dg_span_actors(doc, ev, r->subj, DG_ROLE_TARGET, found) &&
               (*found > before ||
                dg_span_actors(doc, ev, r->obj, DG_ROLE_TARGET, found));
    }
    /* "..., according to X" */
    for (i = tc->sb; i + 2 < tc->se; i++)
        if (dg_tok_is(&doc->toks[i], "according") &&
            dg_tok_is(&doc->toks[i + 1], "to")) {
            dg_span sp;
            sp.b = i + 2;
            sp.e = i + 2;
            while (sp.e < tc->se && dg_mention_at(doc, sp.e) >= 0)
                sp.e = doc->ments[dg_mention_at(doc, sp.e)].tok_e;
            if (!dg_span_actors(doc, ev, sp, DG_ROLE_SPEAKER, found))
                return 0;
            if (*found > 0 && c >= 0)
                return dg_span_actors(doc, ev, doc->clauses[c].subj,
                                      DG_ROLE_TARGET, found);
            return 1;
        }
    return 1;
}

int dg_find_participants(const dg_doc *doc, dg_event *ev,
                         dg_trigger_ctx *tc)
{
    if (tc->lx->flags & DG_LEXF_IN_SPEECH) {
        int found = 0;
        return speech_participants(doc, ev, tc, &found);
    }
    if (strcmp(tc->lx->cls, "Sanction") == 0 ||
        strcmp(tc->lx->cls, "Expulsion") == 0) {
        int owner = decision_owner(doc, tc);
        if (owner >= 0) {
            int found = 1;
            tc->obj_end = object_end(doc, tc->te, tc->se);
            return dg_event_add_part(ev, owner, DG_ROLE_PARTICIPANT) &&
                   collect_targets(doc, ev, tc, &found) &&
                   measure_target(doc, ev, tc);
        }
    }
    return find_participants_in_clause(doc, ev, tc);
}

/* "X invited Y to visit Z": the inviter hosts, the invited visits.
 * Returns 1 when the pattern was there (participants added), 0 when
 * not, -1 when out of memory. */

static int invited_visit(const dg_doc *doc, dg_event *ev,
                         const dg_trigger_ctx *tc, size_t cb)
{
    size_t i, inv = tc->tb;
    int found = 0;

    if (strcmp(tc->lx->cls, "Visit") != 0 || tc->tb == 0 ||
        !dg_tok_is(&doc->toks[tc->tb - 1], "to"))
        return 0;
    for (i = tc->tb; i-- > cb;)
        if (dg_tok_is(&doc->toks[i], "invited") ||
            dg_tok_is(&doc->toks[i], "invites") ||
            dg_tok_is(&doc->toks[i], "invite")) {
            inv = i;
            break;
        }
    if (inv == tc->tb)
        return 0;
    if (!collect_people(doc, ev, cb, inv, DG_ROLE_HOST, &found) ||
        !collect_people(doc, ev, inv + 1, tc->tb, DG_ROLE_VISITOR, &found))
        return -1;
    return found > 0;
}

/* ------------------------------------------------------------------ */
/* Participants from clause structure                                  */
/* ------------------------------------------------------------------ */

/* Verbs whose object is what is talked about, not someone taking part
 * ("discussed the war in Ukraine", "signed an accord"). */
static const char *const topic_object_lemmas[] = {
    "discuss", "address", "review", "raise", "sign", "announce", "exchange",
    "explore", "consider", "examine", "debate", "negotiate", "conclude",
    "finalize", "finalise", "ink", "seal", "agree", "cover", "tackle",
    "hold", "have", "conduct", "pay", "make", "impose", "lift", "issue",
    "say", "state", "tell", "declare", "express", "reiterate", "reaffirm",
    NULL
};

/* The first person named in the span, or -1. */
int dg_span_person(const dg_doc *doc, dg_span sp)
{
    return sp.b < sp.e ? first_person_in(doc, sp.b, sp.e) : -1;
}

/* The person "he", "she", "him", "her" or "his" at token i stands for:
 * the subject of its clause or of the clauses it depends on ("X flew
 * to Madrid, where he met Y"; "X hosted his counterpart"), else the
 * subject of the nearest earlier clause whose subject is a person
 * ("X met Y. He said ..."), else the latest person named. */
static int pronoun_person(const dg_doc *doc, size_t i)
{
    int c = dg_clause_at(doc, i), k, hops = 0;
    size_t sent = doc->toks[i].sent;

    for (k = c; k >= 0 && hops++ < 8; k = doc->clauses[k].parent) {
        dg_span sp = dg_clause_subject(doc, k, NULL);
        int p;
        if (dg_span_has(sp, i) || sp.b >= i)
            continue;
        if ((p = dg_span_person(doc, sp)) >= 0)
            return p;
    }
    for (k = c >= 0 ? c : (int)doc->nclauses; k-- > 0;) {
        const dg_clause *cl = &doc->clauses[k];
        int p;
        if (cl->sent + 2 < sent)
            break;
        if (cl->subj.b >= i || cl->subj.b == cl->subj.e)
            continue;
        if ((p = dg_span_person(doc, cl->subj)) >= 0)
            return p;
    }
    return latest_person(doc, i);
}

/* Is the plural reference ("they", "the two leaders", "both sides") in
 * span sp?  Then the participants of the latest event of two or more
 * take part. */
static int plural_ref_in(const dg_doc *doc, dg_span sp)
{
    size_t i;

    for (i = sp.b; i < sp.e; i++) {
        const dg_token *t = &doc->toks[i];
        int mk = dg_mention_at(doc, i);
        if (mk >= 0 && doc->ments[mk].type == DG_MENT_TITLE &&
            doc->ments[mk].lex && (doc->ments[mk].lex->flags & DG_LEXF_PLURAL))
            return 1;
        if (mk < 0 && (dg_tok_is(t, "they") || dg_tok_is(t, "them") ||
                       dg_word_in(plural_refs, t->norm)))
            return 1;
    }
    return 0;
}

/* "They", "the two leaders": the sides of the latest talks (meeting,
 * call, visit, negotiation), else of the latest event of two or more,
 * its targets left out. */
static int latest_group(const dg_doc *doc, dg_event *ev, int *found)
{
    size_t k, pick = (size_t)-1;

    if (doc->nevs < 2)
        return 1;
    for (k = doc->nevs - 1; k-- > 0;)
        if (doc->evs[k].nparts >= 2) {
            if (pick == (size_t)-1)
                pick = k;
            if (dg_is_talk(doc->evs[k].cls)) {
                pick = k;
                break;
            }
        }
    if (pick != (size_t)-1) {
        const dg_event *last = &doc->evs[pick];
        size_t j;
        for (j = 0; j < last->nparts; j++) {
            if (last->parts[j].role == DG_ROLE_TARGET)
                continue;
            if (!dg_event_add_part(ev, last->parts[j].entity,
                                   DG_ROLE_PARTICIPANT))
                return 0;
            (*found)++;
        }
    }
    return 1;
}

/* Is token i, in span sp, inside an "of" phrase whose head is neither a
 * title nor a noun for a body that acts ("the presence of US assets",
 * not "the government of China", "the leaders of X and Y")? */
/* Nouns for bodies and groups that act for a state or side: "the
 * government of X", "rebels in X", "officials from X" name X's actor. */
static const char *const agent_nouns[] = {
    "government", "governments", "ministry", "ministries",
    "administration", "leadership", "authorities", "officials",
    "delegation", "delegations", "regime", "parliament", "cabinet",
    "embassy", "embassies", "mission", "forces", "army", "military",
    "troops", "navy", "police", "representatives", "leaders", "members",
    "people", "citizens", "state", "states", "republic", "kingdom",
    "court", "council", "office", "department", "agency", "envoys",
    "diplomats", "nations", "countries", "sides", "parties", "rebels",
    "insurgents", "militants", "separatists", "fighters", "opposition",
    "lawmakers", "legislators", "ministers", "negotiators", "judges",
    "prosecutors", "spokesman", "spokeswoman", "spokesperson", "sources",
    "official", "diplomat", "envoy", "negotiator", "representative",
    "leader", "member", "lawmaker", "legislator", "delegate", "source",
    NULL
};

/* Is the head before a preposition at token k (not "of") a group that a
 * place-phrase affiliates ("rebels in Ivory Coast", "officials from
 * Iran")? */
static int affiliated_group(const dg_doc *doc, size_t k)
{
    const dg_token *p = &doc->toks[k];

    return k > 0 && (dg_tok_is(p, "in") || dg_tok_is(p, "from")) &&
           (dg_word_in(agent_nouns, doc->toks[k - 1].norm) ||
            doc->tags[k - 1].pos == DG_POS_TITLE) &&
           !dg_tok_is(&doc->toks[k - 1], "people") &&
           !dg_tok_is(&doc->toks[k - 1], "citizens");
}

static int of_non_agent(const dg_doc *doc, dg_span sp, size_t i)
{
    size_t k;

    for (k = i; k-- > sp.b;)
        if (dg_tok_is(&doc->toks[k], "of")) {
            size_t h = k;
            if (h == sp.b)
                return 0;
            h--;
            return !(doc->tags[h].pos == DG_POS_TITLE ||
                     doc->tags[h].pos == DG_POS_NAME ||
                     dg_word_in(agent_nouns, doc->toks[h].norm));
        }
    return 0;
}

/* Is token i, in span sp, inside a prepositional phrase of the span's
 * head ("The summit between X and Y was ...", "the presence of US
 * assets"), where it names no agent?  An "of" phrase after a title or a
 * noun for a body that acts is the head's own ("the foreign minister of
 * China", "the leaders of X and Y"). */
static int in_phrase(const dg_doc *doc, dg_span sp, size_t i)
{
    size_t k;

    for (k = i; k-- > sp.b;) {
        const dg_tag *tg = &doc->tags[k];
        if (tg->pos == DG_POS_CONJ || tg->pos == DG_POS_COMMA)
            return 0; /* another member of a list */
        if (dg_tok_is(&doc->toks[k], "of"))
            return of_non_agent(doc, sp, i);
        /* "X, along with Y,": another member of the group */
        if (dg_tok_is(&doc->toks[k], "with") && k > sp.b &&
            (dg_tok_is(&doc->toks[k - 1], "along") ||
             dg_tok_is(&doc->toks[k - 1], "together")))
            return 0;
        if (tg->pos == DG_POS_PREP || tg->pos == DG_POS_TO)
            return !affiliated_group(doc, k);
    }
    return 0;
}

/* Does the noun phrase after a possessive ("X's ...") up to e name
 * someone who acts for X: a title or a body ("X's foreign minister", "X's
 * government"), not kin or things ("X's children", "X's safety")? */
static int possessum_acts(const dg_doc *doc, size_t b, size_t e)
{
    size_t k;

    for (k = b; k < e; k++) {
        if (doc->tags[k].pos == DG_POS_TITLE ||
            dg_word_in(agent_nouns, doc->toks[k].norm))
            return 1;
        if (doc->tags[k].pos != DG_POS_ADJ && doc->tags[k].pos != DG_POS_ADV &&
            doc->tags[k].pos != DG_POS_DEMONYM && doc->tags[k].pos != DG_POS_NUM)
            return 0;
    }
    return 0;
}

/* The people a noun phrase names ("X and Y", "Baerbock, Germany's top
 * diplomat"), without a person named only as a possessor when another
 * is there ("Clark's defense secretary, Kenji Sato"). */
int dg_span_people(const dg_doc *doc, dg_event *ev, dg_span sp,
                   dg_role role, int *found)
{
    size_t k, n = 0, poss = 0;
    int agent = role != DG_ROLE_TARGET;

    for (k = dg_mentions_from(doc, sp.b);
         k < doc->nments && doc->ments[k].tok_b < sp.e; k++)
        if (is_person_ref(doc, k) &&
            !(agent && in_phrase(doc, sp, doc->ments[k].tok_b))) {
            n++;
            poss += doc->ments[k].tok_e < sp.e &&
                    (doc->toks[doc->ments[k].tok_e].flags & DG_TOK_POSS);
        }
    for (k = dg_mentions_from(doc, sp.b);
         k < doc->nments && doc->ments[k].tok_b < sp.e; k++) {
        const dg_mention *m = &doc->ments[k];
        if (!is_person_ref(doc, k) || (m->type == DG_MENT_TITLE &&
                                       m->entity < 0) ||
            (agent && in_phrase(doc, sp, m->tok_b)))
            continue;
        /* "Clark's defense secretary, Kenji Sato"; "X's children" */
        if (m->tok_e < sp.e && (doc->toks[m->tok_e].flags & DG_TOK_POSS) &&
            (n > poss || !possessum_acts(doc, m->tok_e + 1, sp.e)))
            continue;
        if (!dg_event_add_part(ev, m->entity, role))
            return 0;
        (*found)++;
    }
    return 1;
}

/* Is mention k a state written after a place of it and a comma ("talks
 * in Minsk, Belarus"), which says where the place is, not who acts? */
static int names_place_state(const dg_doc *doc, size_t k)
{
    const dg_mention *m = &doc->ments[k], *p = &doc->ments[k - 1];

    return m->tok_b >= 2 && p->tok_e + 1 == m->tok_b &&
           dg_tok_is(&doc->toks[p->tok_e], ",") && p->entity >= 0 &&
           doc->ents[p->entity].kind == DG_ENT_PLACE &&
           doc->ents[p->entity].country == m->entity;
}

/* Does span sp name a state or an organization (by name or demonym)? */
static int state_named_in(const dg_doc *doc, dg_span sp)
{
    size_t k;

    for (k = dg_mentions_from(doc, sp.b);
         k < doc->nments && doc->ments[k].tok_b < sp.e; k++) {
        const dg_mention *m = &doc->ments[k];
        if (m->entity >= 0 && (doc->ents[m->entity].kind == DG_ENT_COUNTRY ||
                               doc->ents[m->entity].kind == DG_ENT_ORG))
            return 1;
    }
    return 0;
}

/* "Japan said it would ...", "the ministry said we ...": the subject of
 * the reporting clause when span sp is "it" or "we" alone as the subject
 * of a reported clause; an empty span otherwise. */
static dg_span reporter_of(const dg_doc *doc, dg_span sp)
{
    dg_span none = {0, 0};
    const dg_clause *cl;
    int c;

    if (sp.e != sp.b + 1 || dg_mention_at(doc, sp.b) >= 0 ||
        !(dg_tok_is(&doc->toks[sp.b], "it") ||
          dg_tok_is(&doc->toks[sp.b], "we")) ||
        (c = dg_clause_at(doc, sp.b)) < 0)
        return none;
    cl = &doc->clauses[c];
    if (cl->kind != DG_CL_REPORTED || cl->parent < 0 ||
        cl->subj.b != sp.b || cl->subj.e != sp.e)
        return none;
    return dg_clause_subject(doc, cl->parent, NULL);
}

/* Adds the actors a noun phrase names: its people ("X and Y",
 * "Baerbock, Germany's top diplomat"), else what its pronoun or plural
 * reference stands for, else the states and organizations it names,
 * possessors and demonyms included ("China's foreign ministry", "the
 * Chinese government", "his Tanzanian counterpart"). */
int dg_span_actors(const dg_doc *doc, dg_event *ev, dg_span sp,
                   dg_role role, int *found)
{
    int before = *found;
    size_t i, k;

    if (sp.b >= sp.e)
        return 1;
    if (!dg_span_people(doc, ev, sp, role, found))
        return 0;
    if (*found > before)
        return 1;
    {
        dg_span rs = reporter_of(doc, sp);
        if (rs.b < rs.e)
            return dg_span_actors(doc, ev, rs, role, found);
    }
    for (i = sp.b; i < sp.e; i++) {
        const dg_token *t = &doc->toks[i];
        if (dg_mention_at(doc, i) >= 0)
            continue;
        if (dg_tok_is(t, "he") || dg_tok_is(t, "she") || dg_tok_is(t, "him") ||
            dg_tok_is(t, "her") || dg_tok_is(t, "his")) {
            /* "his German counterpart" is Germany's, not his */
            if (i + 1 < sp.e && !dg_tok_is(t, "him") && state_named_in(doc, sp))
                break;
            int p = pronoun_person(doc, i);
            if (p >= 0 && !dg_event_add_part(ev, p, role))
                return 0;
            *found += p >= 0;
            return 1;
        }
    }
    for (k = dg_mentions_from(doc, sp.b);
         k < doc->nments && doc->ments[k].tok_b < sp.e; k++) {
        const dg_mention *m = &doc->ments[k];
        dg_ent_kind kind;
        if (m->entity < 0)
            continue;
        kind = doc->ents[m->entity].kind;
        if (((m->type == DG_MENT_NAME &&
              (kind == DG_ENT_COUNTRY || kind == DG_ENT_ORG)) ||
             (m->type == DG_MENT_DEMONYM && kind == DG_ENT_COUNTRY)) &&
            (role == DG_ROLE_TARGET || !in_phrase(doc, sp, m->tok_b)) &&
            !(k > 0 && names_place_state(doc, k))) {
            if (!dg_event_add_part(ev, m->entity, role))
                return 0;
            (*found)++;
        }
    }
    if (*found == before && plural_ref_in(doc, sp))
        return latest_group(doc, ev, found);
    return 1;
}

/* What completes the object of a speech act besides "of", "from", "by",
 * "on" and "against": "rejected any cooperation with the ICC",
 * "rejected a solution to the Korean crisis", "urged partners like Saudi
 * Arabia". */
static const char *const answered_preps[] = {"with", "to", "like", NULL};

/* The object of clause c with the phrases that complete it: "18
 * members of the EU delegation", "officials from Iran", "an offer from
 * the Afghan government", "sanctions on X".  An object that starts inside
 * a gapped trigger is taken whole ("rejected Japan's proposal",
 * "declared the Russian consul persona non grata"); one before the
 * trigger, none (empty at the trigger's end). */
static dg_span object_phrase(const dg_doc *doc, const dg_clause *cl,
                             const dg_trigger_ctx *tc)
{
    dg_span sp = cl->obj;
    size_t k;

    if (sp.b >= sp.e || sp.b < tc->tb)
        sp.b = sp.e = tc->te;
    for (k = 0; k < cl->npps; k++) {
        const dg_token *p = &doc->toks[cl->pps[k].prep];
        if (cl->pps[k].prep < sp.e || cl->pps[k].prep > sp.e + 1)
            continue;
        if (!dg_tok_is(p, "of") && !dg_tok_is(p, "from") &&
            !dg_tok_is(p, "by") && !dg_tok_is(p, "on") &&
            !dg_tok_is(p, "against") &&
            !(dg_is_speech_act(tc->lx->cameo) &&
              dg_word_in(answered_preps, p->norm)))
            break;
        sp.e = cl->pps[k].np.e;
    }
    return sp;
}

/* The target of a sanction or expulsion verb: the actors its object
 * phrase names. */
static int measure_object(const dg_doc *doc, dg_event *ev,
                          const dg_clause *cl, const dg_trigger_ctx *tc,
                          int *found)
{
    return dg_span_actors(doc, ev, object_phrase(doc, cl, tc), DG_ROLE_TARGET,
                          found);
}

/* Verbs that ease a measure named as their subject or object ("UN
 * sanctions against Iran were lifted", "the easing of the embargo"). */
const char *const dg_easing_lemmas[] = {
    "lift", "ease", "remove", "relax", "end", "scrap", "drop", "waive",
    "repeal", "reduce", "cut", "lower", "loosen", "rescind", NULL
};

/* Verbs whose object is an event their subject takes part in ("held
 * talks", "issued a warning", "paid a visit", "attended the summit"). */
const char *const dg_support_lemmas[] = {
    "hold", "have", "conduct", "attend", "join", "host", "begin", "start",
    "open", "resume", "continue", "launch", "pay", "make", "chair", "lead",
    "wrap", "conclude", "complete", "end", "issue", "lodge", "voice",
    "express", "deliver", "give", "release", "impose", "announce", "adopt",
    "extend", "renew", "approve", "order", "undertake", "embark", "enter",
    "sign", "offer", "send", "file", "level", "repeat", "reiterate",
    "co-chair", "convene", "organize", "organise", "kick", "wind",
    "engage", "participate", "take", "resume", NULL
};

/* Prepositions of a phrase naming the talks a subject takes part in
 * ("At the summit, X said", "X arrived for talks", "during the call"). */
static const char *const talk_preps[] = {
    "at", "during", "in", "for", "on", "after", "before", "following",
    "ahead", NULL
};

/* The participants of a noun event that has no possessor or complement
 * of its own, from its clause: the subject, when the noun is the object
 * of a support verb ("X held talks", "X issued a warning") or, for
 * talks, stands in a phrase about their time or place ("At the summit,
 * X said"); the main clause's subject when the noun stands in a phrase
 * before it ("After a three-day visit to Kenya, X warned ..."). */
static int noun_clause_actors(const dg_doc *doc, dg_event *ev,
                              const dg_trigger_ctx *tc, dg_role sr, int *found)
{
    int c = dg_clause_at(doc, tc->tb), top;
    const dg_clause *cl;
    dg_span subj;
    size_t k;

    if (c < 0)
        return 1;
    cl = &doc->clauses[c];
    subj = dg_clause_subject(doc, c, NULL);
    /* "The summit was attended by the heads of state of X and Y",
     * "sanctions were lifted by X" */
    if (dg_span_has(subj, tc->tb) && (cl->vflags & DG_VG_PASSIVE) &&
        cl->lemma && (dg_word_in(dg_support_lemmas, cl->lemma) ||
                      (dg_is_measure(tc->lx->cls) &&
                       dg_word_in(dg_easing_lemmas, cl->lemma))))
        return dg_span_actors(doc, ev, cl->agent, sr, found);
    if (dg_span_has(subj, tc->tb))
        return 1; /* "The talks focused on ...": the noun is the subject */
    if (dg_span_has(cl->obj, tc->tb) && cl->lemma &&
        dg_word_in(dg_support_lemmas, cl->lemma))
        return dg_span_actors(doc, ev, subj, sr, found);
    if (dg_is_talk(tc->lx->cls)) {
        int chain = 0; /* "in a third round of talks" */
        for (k = 0; k < cl->npps; k++) {
            const char *prep = doc->toks[cl->pps[k].prep].norm;
            int ok = dg_word_in(talk_preps, prep) ||
                     (chain && strcmp(prep, "of") == 0);
            if (ok && dg_span_has(cl->pps[k].np, tc->tb)) {
                int before = *found;
                if (!dg_span_actors(doc, ev, subj, sr, found))
                    return 0;
                if (*found > before)
                    return 1;
                break;
            }
            chain = ok && cl->pps[k].np.e == (k + 1 < cl->npps ?
                                              cl->pps[k + 1].prep : 0);
        }
    }
    /* a phrase before the main clause's subject */
    for (top = c; doc->clauses[top].parent >= 0;)
        top = doc->clauses[top].parent;
    subj = dg_clause_subject(doc, top, NULL);
    if (subj.b < subj.e && tc->te <= subj.b &&
        doc->clauses[top].sent == cl->sent) {
        const dg_clause *m = &doc->clauses[top];
        if (!dg_span_actors(doc, ev, subj, sr, found))
            return 0;
        /* "During the call, X wished Y ...": talks take the people the
         * main clause names after its verb too */
        if (dg_is_talk(tc->lx->cls) && m->verb != (size_t)-1 &&
            !collect_people(doc, ev, m->vg.e, m->e, dg_object_role(sr), found))
            return 0;
    }
    return 1;
}

/* The agents of passive relative clauses about a noun phrase ("the
 * sanctions imposed by X"), as targets. */
static int relative_agents(const dg_doc *doc, dg_event *ev, dg_span np,
                           int *found)
{
    size_t k;

    for (k = 0; k < doc->nclauses; k++) {
        const dg_clause *r = &doc->clauses[k];
        if (r->kind == DG_CL_RELATIVE && r->ante.b >= np.b &&
            r->ante.e <= np.e && r->ante.b < r->ante.e &&
            !dg_span_actors(doc, ev, r->agent, DG_ROLE_TARGET, found))
            return 0;
    }
    return 1;
}

/* Is the head verb of clause c one of the trigger's words? */
static int heads_clause(const dg_doc *doc, int c, const dg_trigger_ctx *tc)
{
    const dg_clause *cl;

    if (c < 0)
        return 0;
    cl = &doc->clauses[c];
    return cl->verb != (size_t)-1 && cl->verb >= tc->tb && cl->verb < tc->te;
}

/* Does the noun at token i take a "with" phrase of its own ("talks
 * with Iran", "relations with China", "an agreement with X")? */
static int noun_takes_with(const dg_doc *doc, size_t i)
{
    static const char *const relation_nouns[] = {
        "relations", "ties", "relationship", "cooperation", "partnership",
        "dialogue", "contacts", "border", "conflict", "dispute", "war",
        "agreement", "deal", "treaty", "accord", NULL
    };
    const dg_lex_entry *hits[2];
    size_t nh = 0;

    if (dg_word_in(relation_nouns, doc->toks[i].norm))
        return 1;
    return !dg_is_verb_token(doc, i) &&
           dg_lexicon_match(doc->lex, doc->text, doc->toks, i + 1, i,
                            1u << DG_LEX_TRIGGER, hits, 2, &nh) == 1 &&
           nh > 0 && (hits[0]->flags & DG_LEXF_NOUN);
}

/* Participants of a verb trigger from its clause: the subject (carried
 * into participles, infinitives and coordinated verbs), the object, the
 * agent of a passive ("X was received by Y": Y hosts), and "with",
 * "between" and "among" phrases. */
/* Phrases that name whom a pledge, a refusal or a threat is for ("send
 * troops to X", "a ceasefire in X", "support for X"). */
static const char *const intent_preps[] = {"to", "for", "in", "with", NULL};

/* Does an infinitive under clause c (directly or through infinitives)
 * hold clause d? */
static int infinitive_under(const dg_doc *doc, int c, int d)
{
    while (d >= 0 && doc->clauses[d].kind == DG_CL_INFINITIVE) {
        d = doc->clauses[d].parent;
        if (d == c)
            return 1;
    }
    return 0;
}

/* Adds, as targets, the states, bodies and people that clause cl names
 * after token from in an intent preposition's phrase, and with obj in
 * its object ("to provide Brazil with loans"). */
static int intent_phrases(const dg_doc *doc, dg_event *ev,
                          const dg_clause *cl, size_t from, int obj,
                          int *found)
{
    size_t k;

    if (obj && cl->obj.b >= from &&
        !dg_span_actors(doc, ev, cl->obj, DG_ROLE_TARGET, found))
        return 0;
    for (k = 0; k < cl->npps; k++)
        if (cl->pps[k].prep >= from &&
            dg_word_in(intent_preps, doc->toks[cl->pps[k].prep].norm) &&
            !dg_span_actors(doc, ev, cl->pps[k].np, DG_ROLE_TARGET, found))
            return 0;
    return 1;
}

/* The target of an act that governs another (CAMEO 02, 03, 10, 12,
 * 13), when the trigger's own phrases name none: who must act in a
 * demand or appeal's reported clause ("demanded that the US cancel
 * ..."), else whom the governed act is for, in the trigger's phrases or
 * in the infinitives it governs ("is ready to contribute troops to the
 * force in Afghanistan", "agreed to a ceasefire in eastern Ukraine",
 * "refused to deploy peacekeepers in Iraq"). */
static int intent_targets(const dg_doc *doc, dg_event *ev,
                          const dg_trigger_ctx *tc, int c, int *found)
{
    static const char *const roots[] = {"02", "03", "10", "12", "13", NULL};
    int asks = strncmp(tc->lx->cameo, "02", 2) == 0 ||
               strncmp(tc->lx->cameo, "10", 2) == 0;
    size_t d, k;

    for (k = 0; roots[k] && strncmp(tc->lx->cameo, roots[k], 2) != 0; k++)
        ;
    if (!roots[k] || dg_event_has_role(ev, DG_ROLE_TARGET) ||
        (doc->clauses[c].vflags & DG_VG_PASSIVE)) /* "was intended to" */
        return 1;
    for (d = (size_t)c + 1; asks && d < doc->nclauses &&
         doc->clauses[d].sent == doc->clauses[c].sent; d++)
        if (doc->clauses[d].parent == c &&
            doc->clauses[d].kind == DG_CL_REPORTED &&
            !dg_span_actors(doc, ev, doc->clauses[d].subj, DG_ROLE_TARGET,
                            found))
            return 0;
    if (dg_event_has_role(ev, DG_ROLE_TARGET))
        return 1;
    if (!intent_phrases(doc, ev, &doc->clauses[c], tc->te, 0, found))
        return 0;
    for (d = (size_t)c + 1; d < doc->nclauses &&
         doc->clauses[d].sent == doc->clauses[c].sent; d++)
        if (infinitive_under(doc, c, (int)d) &&
            !intent_phrases(doc, ev, &doc->clauses[d], doc->clauses[d].b, 1,
                            found))
            return 0;
    return 1;
}

/* Adds as targets the states and bodies named in object span obj that
 * the event does not hold yet ("expelled all UNSCOM inspectors"; "its
 * ambassador" names the subject, already there).  0 on no memory. */
static int gap_owner(const dg_doc *doc, dg_event *ev, dg_span obj,
                     int *found)
{
    size_t i;

    for (i = obj.b; i < obj.e; i++) {
        int k = dg_mention_at(doc, i), e;
        if (k < 0 || (e = doc->ments[k].entity) < 0 || dg_event_has(ev, e) ||
            (doc->ents[e].kind != DG_ENT_COUNTRY &&
             doc->ents[e].kind != DG_ENT_ORG))
            continue;
        if (!dg_event_add_part(ev, e, DG_ROLE_TARGET))
            return 0;
        (*found)++;
    }
    return 1;
}

/* "were expelled from X" with no agent: the state expelled from is the
 * one expelling (Expulsion, or withdrawing, CAMEO 166). */
static int expelled_from(const dg_doc *doc, dg_event *ev, const dg_clause *cl,
                         const dg_trigger_ctx *tc, dg_role sr, int *found)
{
    size_t k;

    if (cl->agent.b < cl->agent.e ||
        (strcmp(tc->lx->cls, "Expulsion") != 0 &&
         strcmp(tc->lx->cameo, "166") != 0))
        return 1;
    for (k = 0; k < cl->npps; k++)
        if (dg_tok_is(&doc->toks[cl->pps[k].prep], "from") &&
            !dg_span_actors(doc, ev, cl->pps[k].np, sr, found))
            return 0;
    return 1;
}

static int verb_participants(const dg_doc *doc, dg_event *ev,
                             dg_trigger_ctx *tc, int c, int *found)
{
    const dg_clause *cl = &doc->clauses[c];
    dg_role sr = dg_subject_role(tc->lx), orole = dg_object_role(sr);
    /* "is opposed to", "are committed to": a state, not a passive */
    int passive = (cl->vflags & DG_VG_PASSIVE) && cl->agent.b == cl->agent.e &&
                  !(cl->verb + 1 < doc->ntoks &&
                    dg_tok_is(&doc->toks[cl->verb + 1], "to")) ?
                  1 : (cl->vflags & DG_VG_PASSIVE) && cl->agent.b < cl->agent.e;
    dg_span subj = dg_clause_subject(doc, c, NULL);
    size_t k;

    if (passive) {
        /* "X were expelled (sanctioned) by Y": X is what it falls on */
        dg_role on = dg_is_measure(tc->lx->cls) ? DG_ROLE_TARGET : orole;
        if (!dg_span_actors(doc, ev, cl->agent, sr, found) ||
            !dg_span_actors(doc, ev, subj, on, found) ||
            !expelled_from(doc, ev, cl, tc, sr, found))
            return 0;
    } else if (!dg_span_actors(doc, ev, subj, sr, found)) {
        return 0;
    }
    /* "They also discussed ...": more of the talks just reported */
    tc->plural_only = subj.b < subj.e && dg_span_person(doc, subj) < 0 &&
                      plural_ref_in(doc, subj);
    if (dg_is_measure(tc->lx->cls) && !passive)
        return measure_object(doc, ev, cl, tc, found);
    /* "expelled all UNSCOM inspectors": whom the act's object belongs to
     * is its target, in a trigger that spans the object */
    if (strcmp(tc->lx->cls, "ReduceRelations") == 0 && !passive &&
        (tc->lx->flags & DG_LEXF_GAP) && cl->obj.b < cl->obj.e &&
        cl->obj.b < tc->te && !gap_owner(doc, ev, cl->obj, found))
        return 0;
    if (cl->obj.b < cl->obj.e && !passive &&
        (cl->obj.b >= tc->te ||
         (cl->obj.b > tc->tb && dg_is_speech_act(tc->lx->cameo))) &&
        strncmp(tc->lx->cameo, "01", 2) != 0) { /* "said X": no target */
        int before = *found;
        /* "rejected an offer from the Afghan government": what a speech
         * act answers names its target */
        dg_span obj = dg_is_speech_act(tc->lx->cameo) ?
                      object_phrase(doc, cl, tc) : cl->obj;
        if (!collect_people(doc, ev, obj.b, obj.e, orole, found))
            return 0;
        if (*found == before && cl->lemma &&
            !dg_word_in(topic_object_lemmas, cl->lemma) &&
            !dg_span_actors(doc, ev, obj, orole, found))
            return 0;
        /* "condemned the sanctions imposed by X": X is the target */
        if (*found == before && dg_is_speech_act(tc->lx->cameo) &&
            !relative_agents(doc, ev, obj, found))
            return 0;
    }
    for (k = 0; k < cl->npps; k++) {
        const dg_pp *pp = &cl->pps[k];
        const dg_token *p = &doc->toks[pp->prep];
        int direct = pp->prep >= tc->tb && pp->prep < tc->te;
        int joint = dg_tok_is(p, "with") || dg_tok_is(p, "between") ||
                    dg_tok_is(p, "among");
        /* "talks with X", "tensions between X and Y" after the verb: the
         * phrase is the noun's, unless the noun is the trigger's own
         * ("held a meeting with X") */
        if (!direct && pp->prep > 0 && pp->prep != tc->te &&
            (noun_takes_with(doc, pp->prep - 1) ||
             (!dg_tok_is(p, "with") &&
              doc->tags[pp->prep - 1].pos == DG_POS_NOUN)))
            continue;
        /* "cut ties with X", "recalled its ambassador from X" */
        if (strcmp(tc->lx->cls, "ReduceRelations") == 0 &&
            (dg_tok_is(p, "with") || dg_tok_is(p, "from") ||
             dg_tok_is(p, "to")) &&
            !dg_span_actors(doc, ev, pp->np, DG_ROLE_TARGET, found))
            return 0;
        if ((direct || joint) &&
            !dg_span_actors(doc, ev, pp->np,
                            sr == DG_ROLE_SPEAKER ? DG_ROLE_TARGET : orole,
                            found))
            return 0;
    }
    return intent_targets(doc, ev, tc, c, found);
}

static int find_participants_in_clause(const dg_doc *doc, dg_event *ev,
                                       dg_trigger_ctx *tc)
{
    dg_role sr = dg_subject_role(tc->lx);
    size_t cb = dg_trigger_clause_start(doc, tc->sb, tc->tb);
    int found = 0, noun = tc->noun;

    tc->obj_end = object_end(doc, tc->te, tc->se);
    if (!noun) {
        int inv = invited_visit(doc, ev, tc, cb), c;
        if (inv != 0)
            return inv > 0;
        c = dg_clause_at(doc, tc->tb);
        if (!heads_clause(doc, c, tc))
            return 1; /* a verb outside the clauses found: no event */
        if (!verb_participants(doc, ev, tc, c, &found))
            return 0;
        if (found > 0 && dg_is_measure(tc->lx->cls) &&
            !measure_target(doc, ev, tc))
            return 0;
        if (sr == DG_ROLE_HOST && !dg_event_has_role(ev, DG_ROLE_VISITOR))
            ev->nparts = 0;
        return 1;
    }
    if (noun && (strstr(tc->lx->surface, "meeting") ||
                 strstr(tc->lx->surface, "summit") ||
                 strstr(tc->lx->surface, "ministerial") ||
                 strstr(tc->lx->surface, "conference"))) {
        int org = gathering_body(doc, tc->sb, tc->tb);
        if (org >= 0) {
            ev->cls = "Summit";
            return dg_event_add_part(ev, org, DG_ROLE_PARTICIPANT);
        }
    }
    if (noun && is_gerund(tc->lx) && sr == DG_ROLE_VISITOR) {
        /* "visiting Japanese Prime Minister Kenji Sato" */
        int p = first_person_in(doc, tc->te, tc->te + 6 < tc->se ?
                                tc->te + 6 : tc->se);
        return p < 0 || dg_event_add_part(ev, p, sr);
    }
    if (noun) {
        int own = 0;
        if (!possessor(doc, ev, tc, sr, &own) ||
            !noun_complement(doc, ev, tc, sr, &found))
            return 0;
        found += own;
        /* "X held a meeting with Y": the clause's subject takes part */
        if (own == 0 && !noun_clause_actors(doc, ev, tc, sr, &found))
            return 0;
        /* "During the call, X wished Y ...": the people of the sentence */
        if (found == 0 && leads_clause(doc, tc) &&
            !collect_people(doc, ev, tc->te, tc->se, DG_ROLE_PARTICIPANT,
                            &found))
            return 0;
        /* "The United States' sanctions": only a clause-initial actor,
         * and only when no verb before claimed it ("Beijing denounced
         * the export controls") */
        if (found == 0 && !tc->after_trigger &&
            !collect_actors(doc, ev, cb, cb + 3 < tc->tb ? cb + 3 : tc->tb,
                            sr, &found))
            return 0;
        if (found > 0 && dg_is_measure(tc->lx->cls) &&
            !measure_target(doc, ev, tc))
            return 0;
        return 1;
    }
    /* a second verb of the sentence shares its subject, not the first
     * verb's objects ("X met Y and later spoke with Z") */
    if (!(tc->after_trigger ? clause_subject(doc, ev, cb, tc->tb, sr, &found)
                            : collect_people(doc, ev, cb, tc->tb, sr, &found)) ||
        !collect_people(doc, ev, tc->te, tc->obj_end, dg_object_role(sr),
                        &found))
        return 0;
    if (found == 0) {
        if (!collect_references(doc, ev, cb, tc->tb, sr, &found))
            return 0;
        tc->plural_only = found > 1;
    }
    if (found == 0 &&
        (!collect_actors(doc, ev, cb, tc->tb, sr, &found) ||
         !collect_actors(doc, ev, tc->te, tc->obj_end, dg_object_role(sr),
                         &found)))
        return 0;
    if (sr == DG_ROLE_SPEAKER && !collect_targets(doc, ev, tc, &found))
        return 0;
    if (dg_is_measure(tc->lx->cls) && !measure_target(doc, ev, tc))
        return 0;
    if (sr == DG_ROLE_HOST && !dg_event_has_role(ev, DG_ROLE_VISITOR))
        ev->nparts = 0; /* "welcomed the decision": no guest, no visit */
    return 1;
}
