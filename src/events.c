/*
 * events.c: diplomatic events from trigger words, with participants and
 * their roles, place, date, duration, status and topics.
 *
 * A trigger (triggers.tsv: "met with", "spoke by telephone", "visit",
 * "imposed sanctions" ...) gives the event class and CAMEO code.  Its
 * participants are the people named in its clause: before the trigger
 * (the subject, or the possessor: "Sato's visit") and, for verbs and
 * for nouns followed by "with"/"between", after it up to the end of the
 * clause.  States and organizations take part only where no person does
 * ("The United States condemns ...").  "They", "the two leaders" and the
 * like take the participants of the article's latest event; "he"/"she"
 * and "his"/"her" the latest person named.
 *
 * One event mentioned twice is one event: a new mention of the same
 * class whose participants are a subset or superset of an earlier
 * event's, with no conflicting place or date, is merged into it, and a
 * mention without participants ("The meeting took place at ...") is
 * merged into the latest event of its class.  Events announced for the
 * future ("will meet", "invited ... to visit") get dip:status
 * "scheduled"; hypothetical ones ("would", "could", "if") are dropped.
 *
 * Topics (topics.c) come from the event's sentence and from the sentences
 * after it that add no event of their own.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define NP_MAX_TOKENS 12      /* "with Chinese Foreign Minister Li Wei and ..." */

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

/* Words after which a place is the event's location. */
static const char *const location_preps[] = {
    "in", "at", "to", NULL
};

/* Plural subjects that refer back to the latest event's participants. */
static const char *const plural_refs[] = {
    "they", "both", "leaders", "ministers", "two", "sides", "presidents",
    "counterparts", "delegations", "premiers", "secretaries", "parties",
    NULL
};

/* ------------------------------------------------------------------ */
/* Event classes                                                       */
/* ------------------------------------------------------------------ */

/* Classes of talking together: a later "they discussed" continues them. */
static int is_talk(const char *cls)
{
    return strcmp(cls, "Meeting") == 0 || strcmp(cls, "PhoneCall") == 0 ||
           strcmp(cls, "Negotiation") == 0 || strcmp(cls, "Summit") == 0 ||
           strcmp(cls, "Visit") == 0;
}

/* Is an event of CAMEO code `cameo` a speech act: CAMEO's verbal
 * categories (make a statement 01, appeal 02, express intent 03, praise
 * 051, apologize 055, demand 10, disapprove 11, reject 12, threaten
 * 13)? */
static int is_speech_act(const char *cameo)
{
    static const char *const roots[] = {
        "01", "02", "03", "051", "055", "10", "11", "12", "13", NULL
    };
    size_t i;

    for (i = 0; roots[i]; i++)
        if (strncmp(cameo, roots[i], strlen(roots[i])) == 0)
            return 1;
    return 0;
}

/* Classes of acts done to someone (a sanction, its easing, an
 * expulsion): the target is who the object phrase names ("lifted
 * sanctions against Iran"). */
static int is_measure(const char *cls)
{
    return strcmp(cls, "Sanction") == 0 || strcmp(cls, "Expulsion") == 0 ||
           strcmp(cls, "SanctionRelief") == 0;
}

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
    if (m->tok_b > 0 && (dg_word_in(location_preps, doc->toks[m->tok_b - 1].norm) ||
                         dg_tok_is(&doc->toks[m->tok_b - 1], "from")))
        return 0;
    if (m->tok_e < doc->ntoks && (doc->toks[m->tok_e].flags & DG_TOK_POSS))
        return 0; /* "Russia's war": a modifier */
    return m->title_state != 1; /* a singular title's state is no actor */
}

/* ------------------------------------------------------------------ */
/* Events                                                              */
/* ------------------------------------------------------------------ */

static int ev_has(const dg_event *ev, int entity)
{
    size_t i;

    for (i = 0; i < ev->nparts; i++)
        if (ev->parts[i].entity == entity)
            return 1;
    return 0;
}

static int has_role(const dg_event *ev, dg_role r)
{
    size_t i;

    for (i = 0; i < ev->nparts; i++)
        if (ev->parts[i].role == r)
            return 1;
    return 0;
}

/* A one-word trigger ending in -ing ("visiting", "sanctioning"). */
static int is_gerund(const dg_lex_entry *e)
{
    size_t n = strlen(e->surface);

    return e->ntoks == 1 && n > 4 && strcmp(e->surface + n - 3, "ing") == 0;
}

static int ev_add_part(dg_event *ev, int entity, dg_role role)
{
    dg_participant *p;
    size_t i;

    for (i = 0; i < ev->nparts; i++)
        if (ev->parts[i].entity == entity) {
            if (ev->parts[i].role == DG_ROLE_PARTICIPANT)
                ev->parts[i].role = role;
            return 1;
        }
    p = realloc(ev->parts, (ev->nparts + 1) * sizeof *p);
    if (!p)
        return 0;
    ev->parts = p;
    ev->parts[ev->nparts].entity = entity;
    ev->parts[ev->nparts].role = role;
    ev->nparts++;
    return 1;
}

static int ev_add_sent(dg_event *ev, size_t s)
{
    size_t i, *p;

    for (i = 0; i < ev->nsents; i++)
        if (ev->sents[i] == s)
            return 1;
    p = realloc(ev->sents, (ev->nsents + 1) * sizeof *p);
    if (!p)
        return 0;
    ev->sents = p;
    ev->sents[ev->nsents++] = s;
    return 1;
}

int dg_event_add_topic(dg_event *ev, const char *label, const char *key)
{
    size_t i;
    char **t;
    const char **k;

    for (i = 0; i < ev->ntopics; i++)
        if (strcmp(ev->topics[i], label) == 0)
            return 1;
    t = realloc(ev->topics, (ev->ntopics + 1) * sizeof *t);
    if (!t)
        return 0;
    ev->topics = t;
    k = realloc(ev->topic_keys, (ev->ntopics + 1) * sizeof *k);
    if (!k)
        return 0;
    ev->topic_keys = k;
    if (!(ev->topics[ev->ntopics] = strdup(label)))
        return 0;
    ev->topic_keys[ev->ntopics] = key;
    ev->ntopics++;
    return 1;
}

static void ev_release(dg_event *ev)
{
    size_t i;

    for (i = 0; i < ev->ntopics; i++)
        free(ev->topics[i]);
    free(ev->topics);
    free(ev->topic_keys);
    free(ev->parts);
    free(ev->sents);
    memset(ev, 0, sizeof *ev);
}

static dg_event *push_event(dg_doc *doc)
{
    if (doc->nevs == doc->cap_evs) {
        size_t cap = doc->cap_evs ? doc->cap_evs * 2 : 16;
        dg_event *p = realloc(doc->evs, cap * sizeof *p);
        if (!p)
            return NULL;
        doc->evs = p;
        doc->cap_evs = cap;
    }
    memset(&doc->evs[doc->nevs], 0, sizeof doc->evs[0]);
    doc->evs[doc->nevs].location = -1;
    return &doc->evs[doc->nevs++];
}

/* ------------------------------------------------------------------ */
/* Participants                                                        */
/* ------------------------------------------------------------------ */

typedef struct {
    size_t sb, se;        /* sentence tokens */
    size_t tb, te;        /* trigger tokens */
    const dg_lex_entry *lx;
    size_t obj_end;       /* end of the object window */
    int noun;             /* the trigger is used as a noun here */
    int after_trigger;    /* another trigger came before in the sentence */
    size_t prev_obj_end;  /* where that trigger's clause ended, else sb */
    const dg_date_expr *dates; /* the sentence's date expressions */
    size_t ndates;
    int plural_only;      /* participants came only from "they" & co. */
    int kept;             /* set by build_event: the mention gave an event
                             (or was one that did not happen); 0: it had no
                             participants, so another reading may be tried */
} trigger_ctx;

static dg_role subject_role(const dg_lex_entry *lx)
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

static dg_role object_role(dg_role subj)
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

/* Collects person participants in [b, e) into ev with role. */
static int collect_people(const dg_doc *doc, dg_event *ev, size_t b,
                          size_t e, dg_role role, int *found)
{
    size_t k;

    for (k = dg_mentions_from(doc, b); k < doc->nments && doc->ments[k].tok_b < e; k++) {
        const dg_mention *m = &doc->ments[k];
        if (m->tok_b < b || m->tok_b >= e || !is_person_ref(doc, k))
            continue;
        if (m->type == DG_MENT_TITLE && m->entity < 0)
            continue;
        if (!ev_add_part(ev, m->entity, role))
            return 0;
        (*found)++;
    }
    return 1;
}

static int collect_actors(const dg_doc *doc, dg_event *ev, size_t b,
                          size_t e, dg_role role, int *found)
{
    size_t k;

    for (k = dg_mentions_from(doc, b); k < doc->nments && doc->ments[k].tok_b < e; k++) {
        const dg_mention *m = &doc->ments[k];
        if (m->tok_b < b || m->tok_b >= e || !is_actor_ref(doc, k))
            continue;
        if (!ev_add_part(ev, m->entity, role))
            return 0;
        (*found)++;
    }
    return 1;
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
                if (!ev_add_part(ev, p, role))
                    return 0;
                (*found)++;
            }
        } else if ((dg_tok_is(t, "we") || dg_tok_is(t, "our")) && i < b + 3) {
            int a = latest_actor(doc, i);
            if (a >= 0) {
                if (!ev_add_part(ev, a, role))
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
                if (!ev_add_part(ev, last->parts[k].entity,
                                 DG_ROLE_PARTICIPANT))
                    return 0;
            *found += (int)last->nparts;
        }
    }
    return 1;
}

/* Start of the trigger's clause: after the last ";" or ":" before it. */
static size_t clause_start(const dg_doc *doc, size_t sb, size_t tb)
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

static int is_interjection(const dg_doc *doc, size_t i, size_t se);

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
            while (j < se && is_interjection(doc, j, se))
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
 * person mention and those joined to it by "and" or commas ("Xi and
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
        if (!ev_add_part(ev, m->entity, role))
            return 0;
        (*found)++;
        gap_start = m->tok_b;
    }
    return 1;
}

/* A noun trigger's possessor: "Sato's visit", "his visit", "their
 * summit" (adjectives may stand between: "his three-day visit"). */
static int possessor(const dg_doc *doc, dg_event *ev, const trigger_ctx *tc,
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
                return ev_add_part(ev, doc->ments[k].entity, role);
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
                return ev_add_part(ev, p, role);
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

/* People after a noun trigger: "meeting with X", "summit in California
 * between X and Y", "call by X". */
static int noun_complement(const dg_doc *doc, dg_event *ev, trigger_ctx *tc,
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
                         i + 1 + NP_MAX_TOKENS : tc->obj_end;
            int before = *found;
            /* "a veto cast by X", "the visit of X": the agent; "talks
             * with X": the other side; "the condemnation of X", "the
             * expulsion of X": what it falls on */
            dg_role role = dg_tok_is(t, "by") ? sr :
                           dg_tok_is(t, "of") ?
                           (is_speech_act(tc->lx->cameo) ||
                            is_measure(tc->lx->cls) ? DG_ROLE_TARGET : sr) :
                           object_role(sr);
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
        return ev_add_part(ev, who, role);
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
static int leads_clause(const dg_doc *doc, const trigger_ctx *tc)
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
                           const trigger_ctx *tc, int *found)
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
        if (m->tok_b > 0 && dg_word_in(location_preps,
                                    doc->toks[m->tok_b - 1].norm))
            continue;
        if (!ev_add_part(ev, m->entity, DG_ROLE_TARGET))
            return 0;
        (*found)++;
        break; /* the first one named */
    }
    return 1;
}

static int find_participants_in_clause(const dg_doc *doc, dg_event *ev,
                                       trigger_ctx *tc);

/* The state or body a sanction or expulsion falls on: "sanctions on
 * Belarus", "against Iran", "expelled Russian diplomats". */
static int measure_target(const dg_doc *doc, dg_event *ev,
                          const trigger_ctx *tc)
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
            return ev_has(ev, doc->ments[k].entity) ||
                   ev_add_part(ev, doc->ments[k].entity, DG_ROLE_TARGET);
        if (k < 0 && (doc->toks[i].flags & DG_TOK_PUNCT))
            return 1;
    }
    return 1;
}

/* "the UK's decision to proscribe", "the decision made by Washington to
 * introduce sanctions": the state or body that decided the action. */
static int decision_owner(const dg_doc *doc, const trigger_ctx *tc)
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

static int span_actors(const dg_doc *doc, dg_event *ev, dg_span sp,
                       dg_role role, int *found);

/* Is the evaluation at the trigger what its clause says of its subject:
 * the predicate of "be" ("the deal was a historic mistake", "the troops
 * are a threat"), the head verb ("threatens our interests"), or what
 * "called", "described as" name it ("which he called aggressive")?  A
 * word that only names a topic ("discuss threats to the Alliance") is
 * none. */
static int judges(const dg_doc *doc, int c, const trigger_ctx *tc)
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
                               const trigger_ctx *tc, int *found)
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
        if (!span_actors(doc, ev, dg_clause_subject(doc, r->parent, NULL),
                         DG_ROLE_SPEAKER, found))
            return 0;
        if (*found == 0)
            return 1;
        before = *found;
        return span_actors(doc, ev, r->subj, DG_ROLE_TARGET, found) &&
               (*found > before ||
                span_actors(doc, ev, r->obj, DG_ROLE_TARGET, found));
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
            if (!span_actors(doc, ev, sp, DG_ROLE_SPEAKER, found))
                return 0;
            if (*found > 0 && c >= 0)
                return span_actors(doc, ev, doc->clauses[c].subj,
                                   DG_ROLE_TARGET, found);
            return 1;
        }
    return 1;
}

static int find_participants(const dg_doc *doc, dg_event *ev,
                             trigger_ctx *tc)
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
            return ev_add_part(ev, owner, DG_ROLE_PARTICIPANT) &&
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
                         const trigger_ctx *tc, size_t cb)
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

static int is_verb_token(const dg_doc *doc, size_t i);

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

/* Does the span hold token i? */
static int span_has(dg_span sp, size_t i)
{
    return i >= sp.b && i < sp.e;
}

/* The first person named in the span, or -1. */
static int span_person(const dg_doc *doc, dg_span sp)
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
        if (span_has(sp, i) || sp.b >= i)
            continue;
        if ((p = span_person(doc, sp)) >= 0)
            return p;
    }
    for (k = c >= 0 ? c : (int)doc->nclauses; k-- > 0;) {
        const dg_clause *cl = &doc->clauses[k];
        int p;
        if (cl->sent + 2 < sent)
            break;
        if (cl->subj.b >= i || cl->subj.b == cl->subj.e)
            continue;
        if ((p = span_person(doc, cl->subj)) >= 0)
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
            if (is_talk(doc->evs[k].cls)) {
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
            if (!ev_add_part(ev, last->parts[j].entity, DG_ROLE_PARTICIPANT))
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
 * is there ("Trump's defense secretary, James Mattis"). */
static int span_people(const dg_doc *doc, dg_event *ev, dg_span sp,
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
        /* "Trump's defense secretary, James Mattis"; "X's children" */
        if (m->tok_e < sp.e && (doc->toks[m->tok_e].flags & DG_TOK_POSS) &&
            (n > poss || !possessum_acts(doc, m->tok_e + 1, sp.e)))
            continue;
        if (!ev_add_part(ev, m->entity, role))
            return 0;
        (*found)++;
    }
    return 1;
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

/* Adds the actors a noun phrase names: its people ("X and Y",
 * "Baerbock, Germany's top diplomat"), else what its pronoun or plural
 * reference stands for, else the states and organizations it names,
 * possessors and demonyms included ("China's foreign ministry", "the
 * Chinese government", "his Tanzanian counterpart"). */
static int span_actors(const dg_doc *doc, dg_event *ev, dg_span sp,
                       dg_role role, int *found)
{
    int before = *found;
    size_t i, k;

    if (sp.b >= sp.e)
        return 1;
    if (!span_people(doc, ev, sp, role, found))
        return 0;
    if (*found > before)
        return 1;
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
            if (p >= 0 && !ev_add_part(ev, p, role))
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
            (role == DG_ROLE_TARGET || !in_phrase(doc, sp, m->tok_b))) {
            if (!ev_add_part(ev, m->entity, role))
                return 0;
            (*found)++;
        }
    }
    if (*found == before && plural_ref_in(doc, sp))
        return latest_group(doc, ev, found);
    return 1;
}

/* The target of a sanction or expulsion verb: the actors its object
 * names, with the object's "of", "from", "on" and "against" phrases
 * ("expelled 18 members of the EU delegation", "sanctioned officials
 * from Iran"). */
/* The object of clause c with the phrases that complete it: "18
 * members of the EU delegation", "officials from Iran", "an offer from
 * the Afghan government", "sanctions on X"; empty when the object is
 * part of the trigger, whole when the trigger spans it ("rejected Japan's
 * proposal", "declared the Russian consul persona non grata"). */
/* What completes the object of a speech act besides those: "rejected
 * any cooperation with the ICC", "rejected a solution to the Korean
 * crisis", "urged partners like Saudi Arabia". */
static const char *const answered_preps[] = {"with", "to", "like", NULL};

static dg_span object_phrase(const dg_doc *doc, const dg_clause *cl,
                             const trigger_ctx *tc)
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
            !(is_speech_act(tc->lx->cameo) &&
              dg_word_in(answered_preps, p->norm)))
            break;
        sp.e = cl->pps[k].np.e;
    }
    return sp;
}

/* The target of a sanction or expulsion verb: the actors its object
 * phrase names. */
static int measure_object(const dg_doc *doc, dg_event *ev,
                          const dg_clause *cl, const trigger_ctx *tc,
                          int *found)
{
    return span_actors(doc, ev, object_phrase(doc, cl, tc), DG_ROLE_TARGET,
                       found);
}

/* Verbs that ease a measure named as their subject or object ("UN
 * sanctions against Iran were lifted", "the easing of the embargo"). */
static const char *const easing_lemmas[] = {
    "lift", "ease", "remove", "relax", "end", "scrap", "drop", "waive",
    "repeal", "reduce", "cut", "lower", "loosen", "rescind", NULL
};

/* Verbs whose object is an event their subject takes part in ("held
 * talks", "issued a warning", "paid a visit", "attended the summit"). */
static const char *const support_lemmas[] = {
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
                              const trigger_ctx *tc, dg_role sr, int *found)
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
    if (span_has(subj, tc->tb) && (cl->vflags & DG_VG_PASSIVE) &&
        cl->lemma && (dg_word_in(support_lemmas, cl->lemma) ||
                      (is_measure(tc->lx->cls) &&
                       dg_word_in(easing_lemmas, cl->lemma))))
        return span_actors(doc, ev, cl->agent, sr, found);
    if (span_has(subj, tc->tb))
        return 1; /* "The talks focused on ...": the noun is the subject */
    if (span_has(cl->obj, tc->tb) && cl->lemma &&
        dg_word_in(support_lemmas, cl->lemma))
        return span_actors(doc, ev, subj, sr, found);
    if (is_talk(tc->lx->cls)) {
        int chain = 0; /* "in a third round of talks" */
        for (k = 0; k < cl->npps; k++) {
            const char *prep = doc->toks[cl->pps[k].prep].norm;
            int ok = dg_word_in(talk_preps, prep) ||
                     (chain && strcmp(prep, "of") == 0);
            if (ok && span_has(cl->pps[k].np, tc->tb)) {
                int before = *found;
                if (!span_actors(doc, ev, subj, sr, found))
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
        if (!span_actors(doc, ev, subj, sr, found))
            return 0;
        /* "During the call, X wished Y ...": talks take the people the
         * main clause names after its verb too */
        if (is_talk(tc->lx->cls) && m->verb != (size_t)-1 &&
            !collect_people(doc, ev, m->vg.e, m->e, object_role(sr), found))
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
            !span_actors(doc, ev, r->agent, DG_ROLE_TARGET, found))
            return 0;
    }
    return 1;
}

/* Is the head verb of clause c one of the trigger's words? */
static int heads_clause(const dg_doc *doc, int c, const trigger_ctx *tc)
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
    return !is_verb_token(doc, i) &&
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
        !span_actors(doc, ev, cl->obj, DG_ROLE_TARGET, found))
        return 0;
    for (k = 0; k < cl->npps; k++)
        if (cl->pps[k].prep >= from &&
            dg_word_in(intent_preps, doc->toks[cl->pps[k].prep].norm) &&
            !span_actors(doc, ev, cl->pps[k].np, DG_ROLE_TARGET, found))
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
                          const trigger_ctx *tc, int c, int *found)
{
    static const char *const roots[] = {"02", "03", "10", "12", "13", NULL};
    int asks = strncmp(tc->lx->cameo, "02", 2) == 0 ||
               strncmp(tc->lx->cameo, "10", 2) == 0;
    size_t d, k;

    for (k = 0; roots[k] && strncmp(tc->lx->cameo, roots[k], 2) != 0; k++)
        ;
    if (!roots[k] || has_role(ev, DG_ROLE_TARGET) ||
        (doc->clauses[c].vflags & DG_VG_PASSIVE)) /* "was intended to" */
        return 1;
    for (d = (size_t)c + 1; asks && d < doc->nclauses &&
         doc->clauses[d].sent == doc->clauses[c].sent; d++)
        if (doc->clauses[d].parent == c &&
            doc->clauses[d].kind == DG_CL_REPORTED &&
            !span_actors(doc, ev, doc->clauses[d].subj, DG_ROLE_TARGET, found))
            return 0;
    if (has_role(ev, DG_ROLE_TARGET))
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

static int verb_participants(const dg_doc *doc, dg_event *ev,
                             trigger_ctx *tc, int c, int *found)
{
    const dg_clause *cl = &doc->clauses[c];
    dg_role sr = subject_role(tc->lx), orole = object_role(sr);
    /* "is opposed to", "are committed to": a state, not a passive */
    int passive = (cl->vflags & DG_VG_PASSIVE) && cl->agent.b == cl->agent.e &&
                  !(cl->verb + 1 < doc->ntoks &&
                    dg_tok_is(&doc->toks[cl->verb + 1], "to")) ?
                  1 : (cl->vflags & DG_VG_PASSIVE) && cl->agent.b < cl->agent.e;
    dg_span subj = dg_clause_subject(doc, c, NULL);
    size_t k;

    if (passive) {
        if (!span_actors(doc, ev, cl->agent, sr, found) ||
            !span_actors(doc, ev, subj, orole, found))
            return 0;
    } else if (!span_actors(doc, ev, subj, sr, found)) {
        return 0;
    }
    /* "They also discussed ...": more of the talks just reported */
    tc->plural_only = subj.b < subj.e && span_person(doc, subj) < 0 &&
                      plural_ref_in(doc, subj);
    if (is_measure(tc->lx->cls) && !passive)
        return measure_object(doc, ev, cl, tc, found);
    if (cl->obj.b < cl->obj.e && !passive &&
        (cl->obj.b >= tc->te ||
         (cl->obj.b > tc->tb && is_speech_act(tc->lx->cameo))) &&
        strncmp(tc->lx->cameo, "01", 2) != 0) { /* "said X": no target */
        int before = *found;
        /* "rejected an offer from the Afghan government": what a speech
         * act answers names its target */
        dg_span obj = is_speech_act(tc->lx->cameo) ?
                      object_phrase(doc, cl, tc) : cl->obj;
        if (!collect_people(doc, ev, obj.b, obj.e, orole, found))
            return 0;
        if (*found == before && cl->lemma &&
            !dg_word_in(topic_object_lemmas, cl->lemma) &&
            !span_actors(doc, ev, obj, orole, found))
            return 0;
        /* "condemned the sanctions imposed by X": X is the target */
        if (*found == before && is_speech_act(tc->lx->cameo) &&
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
            !span_actors(doc, ev, pp->np, DG_ROLE_TARGET, found))
            return 0;
        if ((direct || joint) &&
            !span_actors(doc, ev, pp->np,
                         sr == DG_ROLE_SPEAKER ? DG_ROLE_TARGET : orole,
                         found))
            return 0;
    }
    return intent_targets(doc, ev, tc, c, found);
}

static int find_participants_in_clause(const dg_doc *doc, dg_event *ev,
                                       trigger_ctx *tc)
{
    dg_role sr = subject_role(tc->lx);
    size_t cb = clause_start(doc, tc->sb, tc->tb);
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
        if (found > 0 && is_measure(tc->lx->cls) &&
            !measure_target(doc, ev, tc))
            return 0;
        if (sr == DG_ROLE_HOST && !has_role(ev, DG_ROLE_VISITOR))
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
            return ev_add_part(ev, org, DG_ROLE_PARTICIPANT);
        }
    }
    if (noun && is_gerund(tc->lx) && sr == DG_ROLE_VISITOR) {
        /* "visiting Japanese Prime Minister Fumio Kishida" */
        int p = first_person_in(doc, tc->te, tc->te + 6 < tc->se ?
                                tc->te + 6 : tc->se);
        return p < 0 || ev_add_part(ev, p, sr);
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
        if (found > 0 && is_measure(tc->lx->cls) &&
            !measure_target(doc, ev, tc))
            return 0;
        return 1;
    }
    /* a second verb of the sentence shares its subject, not the first
     * verb's objects ("X met Y and later spoke with Z") */
    if (!(tc->after_trigger ? clause_subject(doc, ev, cb, tc->tb, sr, &found)
                            : collect_people(doc, ev, cb, tc->tb, sr, &found)) ||
        !collect_people(doc, ev, tc->te, tc->obj_end, object_role(sr), &found))
        return 0;
    if (found == 0) {
        if (!collect_references(doc, ev, cb, tc->tb, sr, &found))
            return 0;
        tc->plural_only = found > 1;
    }
    if (found == 0 &&
        (!collect_actors(doc, ev, cb, tc->tb, sr, &found) ||
         !collect_actors(doc, ev, tc->te, tc->obj_end, object_role(sr),
                         &found)))
        return 0;
    if (sr == DG_ROLE_SPEAKER && !collect_targets(doc, ev, tc, &found))
        return 0;
    if (is_measure(tc->lx->cls) && !measure_target(doc, ev, tc))
        return 0;
    if (sr == DG_ROLE_HOST && !has_role(ev, DG_ROLE_VISITOR))
        ev->nparts = 0; /* "welcomed the decision": no guest, no visit */
    return 1;
}

/* ------------------------------------------------------------------ */
/* Place, date, status                                                 */
/* ------------------------------------------------------------------ */

static int place_rank(const dg_entity *en)
{
    const char *c = en->place_cls ? en->place_cls : "";

    if (en->kind == DG_ENT_COUNTRY)
        return 1;
    if (strcmp(c, "venue") == 0)
        return 4;
    if (strcmp(c, "city") == 0 || strcmp(c, "capital") == 0)
        return 3;
    return 2;
}

/* The best place after "in"/"at"/"to" in [b, e). */
static int find_location(const dg_doc *doc, size_t b, size_t e, int visit,
                         int clause)
{
    int best = -1, rank = 0;
    size_t k;

    for (k = dg_mentions_from(doc, b);
         k < doc->nments && doc->ments[k].tok_b < e; k++) {
        const dg_mention *m = &doc->ments[k];
        const dg_entity *en;
        int r;
        if (m->entity < 0 || m->tok_b == 0)
            continue;
        if (clause >= 0 && dg_clause_at(doc, m->tok_b) != clause)
            continue; /* another clause's place is another event's */
        if (m->type != DG_MENT_NAME || m->metonymy)
            continue;
        if (m->tok_e < doc->ntoks && (dg_tok_is(&doc->toks[m->tok_e], "-") ||
                                      doc->toks[m->tok_e].flags & DG_TOK_POSS))
            continue; /* "the U.S.-China relationship" */
        en = &doc->ents[m->entity];
        if (en->kind != DG_ENT_PLACE && !(visit && en->kind == DG_ENT_COUNTRY))
            continue;
        {
            size_t p = m->tok_b - 1;
            if (p > b && dg_tok_is(&doc->toks[p], "the"))
                p--;
            if (!dg_word_in(location_preps, doc->toks[p].norm) &&
                !(visit && p + 1 == m->tok_b && p + 1 > b))
                continue;
            if (dg_tok_is(&doc->toks[p], "to") && !visit)
                continue;
        }
        r = place_rank(en);
        if (r > rank) {
            rank = r;
            best = m->entity;
        }
    }
    return best;
}

/* "The summit, held at Cusco and Ayacucho in Peru, ...": the place a
 * relative clause about a noun event gives it, or -1. */
static int described_location(const dg_doc *doc, const trigger_ctx *tc)
{
    size_t k;

    for (k = 0; k < doc->nclauses; k++) {
        const dg_clause *cl = &doc->clauses[k];
        if (cl->kind == DG_CL_RELATIVE && span_has(cl->ante, tc->tb) &&
            cl->ante.e <= tc->te + 2)
            return find_location(doc, cl->b, cl->e, 0, (int)k);
    }
    return -1;
}

/* "to visit Washington": the place a visit verb takes as its object. */
static int place_right_after(const dg_doc *doc, size_t te)
{
    int k = te < doc->ntoks ? dg_mention_at(doc, te) : -1;

    if (k < 0 || doc->ments[k].entity < 0 || doc->ments[k].type != DG_MENT_NAME)
        return -1;
    if (doc->ents[doc->ments[k].entity].kind == DG_ENT_PLACE ||
        doc->ents[doc->ments[k].entity].kind == DG_ENT_COUNTRY)
        return doc->ments[k].entity;
    return -1;
}

/* Is token i inside reported speech: a speech verb earlier in its
 * sentence ("The Kremlin said Putin would ...")? */
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
static int trigger_mood(const dg_doc *doc, size_t cb, size_t tb)
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
            mood = 1; /* "said Putin would host": future in the past */
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
    "measures", "steps", "initiative", "ways", "means", "move", "moves",
    "campaign", "drive", "aim", "goal", "purpose",
    "unwilling", "reluctant", "unable", "hesitant", NULL
};
static const char *const planning_nouns[] = {
    "plan", "plans", "invitation", "agreement", "readiness", "willingness",
    "commitment", "intention", "intent", "offer", "pledge", "promise",
    "schedule", "arrangement", "arrangements",
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
static int noun_of_intent(const dg_doc *doc, const trigger_ctx *tc)
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

static int clause_mood(const dg_doc *doc, const trigger_ctx *tc)
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
        /* "cancelled his visit", "called for talks" */
        if (span_has(cl->obj, tc->tb) && cl->lemma &&
            dg_word_in(cancelling_lemmas, cl->lemma) &&
            !is_verb_token(doc, tc->tb))
            return -1;
        /* "held talks", "will hold talks", "refused to hold talks": the
         * support verb carries the event; otherwise the noun's mood is
         * its own and the clauses above add only their conditions */
        carried = span_has(cl->obj, tc->tb) && cl->lemma &&
                  dg_word_in(support_lemmas, cl->lemma);
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

static void find_date(dg_event *ev, const trigger_ctx *tc)
{
    const dg_date_expr *ex = tc->dates;
    size_t n = tc->ndates, i;

    for (i = 0; i < n; i++) {
        /* "a three-day visit", also inside "paid a three-day visit" */
        if (ex[i].days > 0 && ex[i].tok_e + 3 >= tc->tb &&
            ex[i].tok_e <= tc->te && !ev->days)
            ev->days = ex[i].days;
        else if (ex[i].date.prec != DG_DATE_NONE &&
                 ev->date.prec == DG_DATE_NONE)
            ev->date = ex[i].date;
    }
}

/* ------------------------------------------------------------------ */
/* Merging mentions of one event                                       */
/* ------------------------------------------------------------------ */

/* Does a person hold a post in entity `in`? */
static int holds_post_in(const dg_entity *person, int in)
{
    size_t i;

    for (i = 0; i < person->nposts; i++)
        if (person->posts[i].in == in)
            return 1;
    return 0;
}

/* Is entity x among b's participants, or represented there: a state by
 * a person holding a post in it, or a person by their state? */
static int covered_by(const dg_doc *doc, int x, const dg_event *b)
{
    size_t i;

    if (ev_has(b, x))
        return 1;
    for (i = 0; i < b->nparts; i++) {
        int y = b->parts[i].entity;
        if (holds_post_in(&doc->ents[y], x) || holds_post_in(&doc->ents[x], y))
            return 1;
    }
    return 0;
}

static int subset(const dg_doc *doc, const dg_event *a, const dg_event *b)
{
    size_t i;

    for (i = 0; i < a->nparts; i++)
        if (!covered_by(doc, a->parts[i].entity, b))
            return 0;
    return 1;
}

static int same_date(const dg_date *a, const dg_date *b)
{
    return a->prec == DG_DATE_NONE || b->prec == DG_DATE_NONE ||
           (a->year == b->year &&
            (a->prec < DG_DATE_YEAR_MONTH || b->prec < DG_DATE_YEAR_MONTH ||
             a->month == b->month) &&
            (a->prec < DG_DATE_DAY || b->prec < DG_DATE_DAY ||
             a->day == b->day));
}

/* Do two event locations allow one event: the same place, one unknown,
 * or one inside the other (Beijing in China)? */
static int places_agree(const dg_doc *doc, int a, int b)
{
    if (a < 0 || b < 0 || a == b)
        return 1;
    return doc->ents[a].country == b || doc->ents[b].country == a;
}


/* May these two event mentions name one event?  The same class, or a
 * meeting and a hosted visit (a host receiving a guest is both); a trip
 * stays apart from the meetings held during it. */
static int same_kind(const dg_event *a, const dg_event *b)
{
    if (strcmp(a->cls, b->cls) == 0)
        return 1;
    /* what one speaker says over several sentences is one statement:
     * "said" goes with the condemnation, appeal ... of the same speaker */
    if (is_speech_act(a->cameo) && is_speech_act(b->cameo) &&
        (strncmp(a->cameo, "01", 2) == 0 || strncmp(b->cameo, "01", 2) == 0))
        return 1;
    if (strcmp(a->cls, "Meeting") == 0 && strcmp(b->cls, "Visit") == 0)
        return has_role(b, DG_ROLE_HOST);
    if (strcmp(a->cls, "Visit") == 0 && strcmp(b->cls, "Meeting") == 0)
        return has_role(a, DG_ROLE_HOST);
    return 0;
}

/* Index of the earlier event that ev mentions again, or -1. */
static int earlier_mention(const dg_doc *doc, const dg_event *ev)
{
    size_t k;

    for (k = doc->nevs - 1; k-- > 0;) {
        const dg_event *o = &doc->evs[k];
        if (!same_kind(o, ev) || (o->status != ev->status &&
            !(o->status && ev->status)))
            continue;
        if (!places_agree(doc, ev->location, o->location))
            continue;
        if (!same_date(&ev->date, &o->date) && strcmp(ev->cls, "Visit") != 0)
            continue; /* a visit lasts days; its mentions date them apart */
        if ((ev->nparts == 0 && strcmp(ev->cls, o->cls) == 0) ||
            (ev->nparts > 0 && (subset(doc, ev, o) || subset(doc, o, ev))))
            return (int)k;
    }
    return -1;
}

static int merge_into(const dg_doc *doc, dg_event *o, dg_event *ev)
{
    size_t i;

    /* "X said ... X condemned ...": the statement was a condemnation */
    if (strncmp(o->cameo, "01", 2) == 0 && strncmp(ev->cameo, "01", 2) != 0 &&
        is_speech_act(ev->cameo)) {
        o->cls = ev->cls;
        o->cameo = ev->cameo;
    }
    for (i = 0; i < ev->nparts; i++)
        if (!covered_by(doc, ev->parts[i].entity, o) &&
            !ev_add_part(o, ev->parts[i].entity, ev->parts[i].role))
            return 0;
    for (i = 0; i < ev->nsents; i++)
        if (!ev_add_sent(o, ev->sents[i]))
            return 0;
    if (o->location < 0)
        o->location = ev->location;
    if (o->date.prec == DG_DATE_NONE)
        o->date = ev->date;
    if (!o->days)
        o->days = ev->days;
    return 1;
}

/* Keeps the newest event, merges it into an earlier one, or drops it. */
static int settle_event(dg_doc *doc)
{
    dg_event *ev = &doc->evs[doc->nevs - 1];
    int k = earlier_mention(doc, ev);

    if (k >= 0) {
        int ok = merge_into(doc, &doc->evs[k], ev);
        ev_release(ev);
        doc->nevs--;
        return ok;
    }
    if (ev->nparts == 0) {
        ev_release(ev);
        doc->nevs--;
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* The stage                                                           */
/* ------------------------------------------------------------------ */


/* The latest talks (meeting, call, visit, negotiation) before the event
 * being built, or NULL. */
static dg_event *latest_talk(dg_doc *doc)
{
    size_t k;

    for (k = doc->nevs - 1; k-- > 0;)
        if (is_talk(doc->evs[k].cls))
            return &doc->evs[k];
    return NULL;
}

/* Does an event whose trigger needs a counterpart have one: for a
 * joint activity two sides ("X and Y discussed"), for a verb that needs
 * its object someone in the object's role ("hosted X": a visitor;
 * "summoned X": a target; "called X": a second participant); passive
 * tells the trigger's clause is passive. */
static int has_counterpart(const dg_event *ev, const dg_lex_entry *lx,
                           int passive)
{
    dg_role sr = subject_role(lx), orole = object_role(sr);

    if (lx->flags & DG_LEXF_RECIPROCAL)
        return ev->nparts >= 2;
    if (!(lx->flags & DG_LEXF_NEEDS_OBJECT))
        return 1;
    /* "was welcomed home by supporters": told in the passive, a visit
     * needs its host named too */
    if (sr == DG_ROLE_HOST && passive)
        return has_role(ev, DG_ROLE_HOST) && has_role(ev, DG_ROLE_VISITOR);
    return orole != sr ? has_role(ev, orole) : ev->nparts >= 2;
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
static int not_diplomatic(const dg_doc *doc, const trigger_ctx *tc)
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
static int deployed_subject(const dg_doc *doc, const trigger_ctx *tc)
{
    int c = dg_clause_at(doc, tc->tb);
    dg_span subj;
    size_t i;

    if (c < 0 || tc->noun)
        return 0;
    subj = dg_clause_subject(doc, c, NULL);
    if (span_person(doc, subj) >= 0)
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
static int signs_alone(const dg_doc *doc, const trigger_ctx *tc)
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
static int call_names_object(const dg_doc *doc, const trigger_ctx *tc)
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

/* Is entity e named in span sp? */
static int named_in(const dg_doc *doc, int e, dg_span sp)
{
    size_t k;

    for (k = dg_mentions_from(doc, sp.b);
         k < doc->nments && doc->ments[k].tok_b < sp.e; k++)
        if (doc->ments[k].entity == e)
            return 1;
    return 0;
}

/* Were the talks of the trigger "separate" or "bilateral" ones? */
static int separate_words(const dg_doc *doc, const trigger_ctx *tc)
{
    size_t i;

    for (i = tc->tb > tc->sb + 3 ? tc->tb - 3 : tc->sb; i < tc->te; i++)
        if (dg_tok_is(&doc->toks[i], "bilateral") ||
            dg_tok_is(&doc->toks[i], "separate"))
            return 1;
    return 0;
}

/* "X held separate bilateral talks with Y and Z": one meeting of the
 * subject with each counterpart.  The meeting just kept (the last event)
 * keeps the first; new events take the others.  Returns 0 when out of
 * memory. */
static int separate_talks(dg_doc *doc, const trigger_ctx *tc)
{
    size_t last = doc->nevs - 1, k, n;
    dg_span subj = dg_clause_subject(doc, dg_clause_at(doc, tc->tb), NULL);
    dg_participant parts[16];
    int subj_at = -1;

    if (strcmp(doc->evs[last].cls, "Meeting") != 0 ||
        doc->evs[last].nparts < 3 || doc->evs[last].nparts > 16 ||
        !separate_words(doc, tc))
        return 1;
    n = doc->evs[last].nparts;
    memcpy(parts, doc->evs[last].parts, n * sizeof *parts);
    for (k = 0; k < n; k++)
        if (named_in(doc, parts[k].entity, subj)) {
            if (subj_at >= 0)
                return 1; /* two on the subject's side: not one host */
            subj_at = (int)k;
        }
    if (subj_at < 0)
        return 1;
    doc->evs[last].nparts = 0;
    for (k = 0; k < n; k++) {
        dg_event *ev = &doc->evs[last];
        if ((int)k == subj_at)
            continue;
        if (ev->nparts > 0) {
            if (!(ev = push_event(doc)))
                return 0;
            *ev = doc->evs[last];
            ev->parts = NULL;
            ev->nparts = 0;
            ev->topics = NULL;
            ev->topic_keys = NULL;
            ev->ntopics = 0;
            ev->sents = NULL;
            ev->nsents = 0;
            if (!ev_add_sent(ev, doc->evs[last].sents[0]))
                return 0;
        }
        if (!ev_add_part(ev, parts[subj_at].entity, parts[subj_at].role) ||
            !ev_add_part(ev, parts[k].entity, parts[k].role))
            return 0;
    }
    return 1;
}

/* Verbs of yielding and cooperating: refusing them is a rejection ("will
 * not accept", "would not lift the ban"; CAMEO 12). */
static const char *const cooperative_lemmas[] = {
    "accept", "allow", "permit", "recognize", "recognise", "lift", "ease",
    "release", "comply", "cooperate", "hand", "extradite", "grant",
    "honor", "honour", "respect", "abide", "tolerate", "yield", "concede",
    "compromise", "surrender", "disarm", "rescind", "apologize",
    "apologise", "negotiate", "ratify", "sign", "meet", NULL
};

/* Coercive and punitive actions: announcing them is a threat ("will
 * withdraw its troops unless", "would boycott the talks"; CAMEO 13). */
static const char *const coercive_lemmas[] = {
    "withdraw", "boycott", "impose", "blockade", "cut", "halt", "suspend",
    "sanction", "expel", "retaliate", "strike", "attack", "close", "ban",
    "extend", "tighten", "freeze", "seize", "punish", "respond", "use",
    "invade", "bomb", "fight", "declare", "sever", "break", "downgrade",
    "recall", "deport", "arrest", "prosecute", "veto", "block", "pull",
    "quit", "leave", "terminate", "cancel", "stop", "end", "shut",
    "escalate", "deploy", "mobilize", "mobilise", "destroy", NULL
};

/* Verbs of giving and helping, whose announcement is an intent to
 * cooperate ("will send a team", "would give technical assistance";
 * CAMEO 03). */
static const char *const yielding_lemmas[] = {
    "give", "send", "help", "assist", "lay", "free", "share", "donate",
    "offer", "train", "fund", "finance", "invest", "supply", "deliver",
    "restore", "reopen", "establish", "build", "rebuild", "host", "welcome",
    "contribute", "lend", "forgive", "waive", "cancel", NULL
};

/* A subordinate "if"/"unless" clause of clause c? */
static int conditional_child(const dg_doc *doc, int c)
{
    size_t k;

    for (k = (size_t)c + 1; k < doc->nclauses &&
                            doc->clauses[k].sent == doc->clauses[c].sent; k++)
        if (doc->clauses[k].parent == c &&
            doc->clauses[k].kind == DG_CL_SUBORD &&
            doc->clauses[k].marker != (size_t)-1 &&
            (dg_tok_is(&doc->toks[doc->clauses[k].marker], "if") ||
             dg_tok_is(&doc->toks[doc->clauses[k].marker], "unless")))
            return 1;
    return 0;
}

/* Whom a statement is addressed to: "told X", "said to X", "expressed
 * condolences to X" (targets). */
static int statement_addressee(const dg_doc *doc, dg_event *ev, int c)
{
    const dg_clause *cl = &doc->clauses[c];
    int found = 0;
    size_t k;

    if (cl->lemma && strcmp(cl->lemma, "tell") == 0 &&
        !span_actors(doc, ev, cl->obj, DG_ROLE_TARGET, &found))
        return 0;
    for (k = 0; k < cl->npps; k++)
        if (dg_tok_is(&doc->toks[cl->pps[k].prep], "to") &&
            !span_actors(doc, ev, cl->pps[k].np, DG_ROLE_TARGET, &found))
            return 0;
    return 1;
}

/* What a statement says can make it a demand ("said Libya must hand
 * over the suspects"), a threat ("announced it will withdraw its troops
 * unless ...") or a rejection ("said it will not accept"): the class of
 * a plain statement from its reported clause, with that clause's actors
 * as targets. */
static int reported_act(const dg_doc *doc, dg_event *ev, const trigger_ctx *tc)
{
    int c = dg_clause_at(doc, tc->tb), found = 0;
    size_t k;

    if (c < 0 || strncmp(ev->cameo, "01", 2) != 0 || tc->noun)
        return 1;
    for (k = 0; k < doc->nclauses; k++) {
        const dg_clause *r = &doc->clauses[k];
        const char *modal;
        if (r->parent != c || r->kind != DG_CL_REPORTED || !r->lemma)
            continue;
        modal = r->verb != (size_t)-1 ? doc->tags[r->vg.b].lemma : NULL;
        if ((r->vflags & DG_VG_NEG) &&
            dg_word_in(cooperative_lemmas, r->lemma)) {
            ev->cls = "Rejection";
            ev->cameo = "120";
            return span_actors(doc, ev, r->obj, DG_ROLE_TARGET, &found);
        }
        if ((r->vflags & DG_VG_MODAL) && modal &&
            (strcmp(modal, "must") == 0 || strcmp(modal, "should") == 0)) {
            ev->cls = "Demand";
            ev->cameo = "10";
            return span_actors(doc, ev, r->subj, DG_ROLE_TARGET, &found);
        }
        if (((r->vflags & DG_VG_FUTURE) ||
             (modal && strcmp(modal, "would") == 0)) &&
            (dg_word_in(coercive_lemmas, r->lemma) ||
             conditional_child(doc, (int)k))) {
            ev->cls = "Threat";
            ev->cameo = "130";
            return span_actors(doc, ev, r->obj, DG_ROLE_TARGET, &found);
        }
        /* "said they will release the hostages": an intent to yield */
        if (((r->vflags & DG_VG_FUTURE) ||
             (modal && strcmp(modal, "would") == 0)) &&
            !(r->vflags & DG_VG_NEG) &&
            (dg_word_in(cooperative_lemmas, r->lemma) ||
             dg_word_in(yielding_lemmas, r->lemma))) {
            ev->cls = "IntentToCooperate";
            ev->cameo = "030";
            return span_actors(doc, ev, r->obj, DG_ROLE_TARGET, &found);
        }
        /* "X said the embassy had conveyed ...": who it is about */
        if (!span_people(doc, ev, r->subj, DG_ROLE_TARGET, &found))
            return 0;
    }
    return statement_addressee(doc, ev, c);
}

/* Is the noun trigger of a sanction the subject or object of a verb
 * that eases it? */
static int eased_measure(const dg_doc *doc, const trigger_ctx *tc)
{
    int c = dg_clause_at(doc, tc->tb);
    const dg_clause *cl;

    if (c < 0 || !tc->noun || strcmp(tc->lx->cls, "Sanction") != 0)
        return 0;
    cl = &doc->clauses[c];
    return cl->lemma && dg_word_in(easing_lemmas, cl->lemma) &&
           (span_has(dg_clause_subject(doc, c, NULL), tc->tb) ||
            span_has(cl->obj, tc->tb));
}

/* Makes a coercive measure announced for later a threat of it (CAMEO
 * 13: "threaten with sanctions, boycott or embargo" is 1312 under 13):
 * who imposes it speaks, its target stays the target. */
static void threaten(dg_event *ev)
{
    size_t j;

    ev->cls = "Threat";
    ev->cameo = "130";
    ev->status = NULL;
    for (j = 0; j < ev->nparts; j++)
        if (ev->parts[j].role == DG_ROLE_PARTICIPANT)
            ev->parts[j].role = DG_ROLE_SPEAKER;
}

static int build_event(dg_doc *doc, trigger_ctx *tc, size_t s)
{
    dg_event *talk;
    size_t cb = clause_start(doc, tc->sb, tc->tb);
    int mood = clause_mood(doc, tc), old = trigger_mood(doc, cb, tc->tb);
    dg_event *ev;

    if (mood == 0 && old > 0)
        mood = 1; /* "tomorrow", "upcoming", "next": a future cue */

    tc->kept = 1;
    if (mood < 0)
        return 1;
    if (!(ev = push_event(doc)))
        return 0;
    ev->cls = tc->lx->cls;
    ev->cameo = tc->lx->cameo;
    if (eased_measure(doc, tc)) {
        ev->cls = "SanctionRelief";
        ev->cameo = "085";
    }
    ev->status = mood > 0 ? "scheduled" : NULL;
    if (!find_participants(doc, ev, tc) || !ev_add_sent(ev, s) ||
        !reported_act(doc, ev, tc))
        return 0;
    if (ev->status && strcmp(ev->cls, "Sanction") == 0)
        threaten(ev); /* "plans to impose sanctions on X" */
    /* "called the decision a mistake", "X discussed the war": no call
     * without someone called, no talks without a second side */
    {
        int c = dg_clause_at(doc, tc->tb);
        if (!has_counterpart(ev, tc->lx, c >= 0 && !tc->noun &&
                             (doc->clauses[c].vflags & DG_VG_PASSIVE)))
            ev->nparts = 0;
    }
    /* "was refused" with no one refusing: no act without its speaker */
    if (is_speech_act(ev->cameo) && !has_role(ev, DG_ROLE_SPEAKER) &&
        !has_role(ev, DG_ROLE_PARTICIPANT))
        ev->nparts = 0;
    /* "Argentina met France in the final": a match, not talks */
    if (is_talk(ev->cls) && not_diplomatic(doc, tc))
        ev->nparts = 0;
    if ((strcmp(ev->cls, "Visit") == 0 && deployed_subject(doc, tc)) ||
        call_names_object(doc, tc) || signs_alone(doc, tc))
        ev->nparts = 0;
    if (ev->nparts == 0 && !tc->noun)
        tc->kept = 0;
    {
        int c = dg_clause_at(doc, tc->tb);
        if (c >= 0 && !tc->noun)
            ev->location = find_location(doc, doc->clauses[c].b,
                                         doc->clauses[c].e,
                                         strcmp(ev->cls, "Visit") == 0, c);
        else
            ev->location = find_location(doc, cb > tc->prev_obj_end ? cb
                                         : tc->prev_obj_end, tc->obj_end,
                                         strcmp(ev->cls, "Visit") == 0, c);
    }
    if (ev->location < 0 && strcmp(ev->cls, "Visit") == 0 && !tc->noun)
        ev->location = place_right_after(doc, tc->te);
    if (ev->location < 0 && tc->noun)
        ev->location = described_location(doc, tc);
    find_date(ev, tc);
    if (!dg_topics_of_sentence(doc, ev, s))
        return 0;
    /* what was condemned or sanctioned is what the event is about */
    if ((strcmp(ev->cls, "Criticism") == 0 || strcmp(ev->cls, "Statement") == 0 ||
         strcmp(ev->cls, "Sanction") == 0) &&
        !dg_topics_after(doc, ev, tc->te, tc->se, 1))
        return 0;
    talk = latest_talk(doc);
    if (talk && (tc->plural_only || ((tc->lx->flags & DG_LEXF_RECIPROCAL) &&
                                     subset(doc, ev, talk))) &&
        is_talk(ev->cls) && places_agree(doc, ev->location, talk->location) &&
        same_date(&ev->date, &talk->date)) {
        /* "They also conferred about ...": more of the same talks */
        int ok = merge_into(doc, talk, ev);
        size_t t;
        for (t = 0; ok && t < ev->ntopics; t++)
            ok = dg_event_add_topic(talk, ev->topics[t], ev->topic_keys[t]);
        ev_release(ev);
        doc->nevs--;
        return ok;
    }
    {
        size_t n = doc->nevs;
        if (!settle_event(doc))
            return 0;
        /* kept as the last event, not merged or dropped */
        return doc->nevs != n || separate_talks(doc, tc);
    }
}

/* Adverbs and time phrases that may stand inside a trigger phrase
 * ("spoke this morning with", "met on Wednesday with"). */
static int is_interjection(const dg_doc *doc, size_t i, size_t se)
{
    static const char *const words[] = {
        "also", "again", "today", "yesterday", "tonight", "separately",
        "briefly", "later", "earlier", "jointly", "virtually", "formally",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", NULL
    };
    const dg_token *t = &doc->toks[i];

    if (dg_word_in(words, t->norm))
        return 1;
    if ((dg_tok_is(t, "this") || dg_tok_is(t, "on")) && i + 1 < se)
        return dg_word_in(words, doc->toks[i + 1].norm) ||
               dg_tok_is(&doc->toks[i + 1], "morning") ||
               dg_tok_is(&doc->toks[i + 1], "afternoon") ||
               dg_tok_is(&doc->toks[i + 1], "evening");
    return (dg_tok_is(t, "morning") || dg_tok_is(t, "afternoon") ||
            dg_tok_is(t, "evening")) && i > 0 && dg_tok_is(&doc->toks[i - 1], "this");
}

/* The sentence's tokens without interjections, for trigger matching,
 * verbs in their lemma form; orig[] maps each back to its index in
 * doc->toks. */
static dg_token *compact_sentence(const dg_doc *doc, size_t sb, size_t se,
                                  size_t **orig, size_t *n)
{
    dg_token *v = malloc((se - sb + 1) * sizeof *v);
    size_t i;

    *orig = malloc((se - sb + 1) * sizeof **orig);
    if (!v || !*orig) {
        free(v);
        free(*orig);
        return NULL;
    }
    *n = 0;
    for (i = sb; i < se; i++) {
        const dg_tag *tg = &doc->tags[i];
        if (is_interjection(doc, i, se) && *n > 0)
            continue;
        v[*n] = doc->toks[i];
        /* verbs are matched by their lemma ("held talks" = "hold talks") */
        if ((tg->pos == DG_POS_VERB || tg->pos == DG_POS_AUX) && tg->lemma)
            v[*n].norm = tg->lemma;
        (*orig)[(*n)++] = i;
    }
    (*orig)[*n] = se;
    return v;
}

/* Is token i a verb (or an auxiliary used as one: "had talks")? */
static int is_verb_token(const dg_doc *doc, size_t i)
{
    return doc->tags[i].pos == DG_POS_VERB || doc->tags[i].pos == DG_POS_AUX;
}

/* Is token i an auxiliary of the verb after it ("has called", "had
 * been invited"), not a verb of its own ("had talks")? */
static int auxiliary(const dg_doc *doc, size_t i)
{
    int c = dg_clause_at(doc, i);

    if (doc->tags[i].pos != DG_POS_AUX && doc->tags[i].pos != DG_POS_MODAL)
        return 0;
    if (c >= 0 && doc->clauses[c].verb != (size_t)-1 &&
        i >= doc->clauses[c].vg.b && i < doc->clauses[c].verb)
        return 1;
    return i + 1 < doc->ntoks && (doc->tags[i + 1].pos == DG_POS_VERB ||
                                  doc->tags[i + 1].pos == DG_POS_AUX);
}

/* The readings of a matched trigger that fit the token's part of speech
 * (verb entries for a verb, noun entries otherwise), in lexicon order,
 * into out[]; returns how many. */
static size_t pick_triggers(const dg_doc *doc, size_t i,
                            const dg_lex_entry **hits, size_t nh,
                            const dg_lex_entry **out)
{
    unsigned want = is_verb_token(doc, i) ? DG_LEXF_VERB : DG_LEXF_NOUN;
    size_t k, n = 0;

    for (k = 0; k < nh; k++)
        if ((hits[k]->flags & want) && !(hits[k]->flags & DG_LEXF_GAP))
            out[n++] = hits[k];
    return n;
}

/* May token k stand in the gap of a "verb ... noun" trigger: a word of a
 * noun phrase ("imposed new EU sanctions", "recalled its ambassador")? */
static int gap_word(const dg_doc *doc, size_t k)
{
    const dg_token *t = &doc->toks[k];

    switch (doc->tags[k].pos) {
    case DG_POS_DET: case DG_POS_POSSPRON: case DG_POS_ADJ: case DG_POS_NUM:
    case DG_POS_NOUN: case DG_POS_NAME: case DG_POS_DEMONYM:
    case DG_POS_POSS: case DG_POS_TITLE:
        return 1;
    default:
        /* "more than $22 million in aid", "non-humanitarian" */
        return dg_tok_is(t, "-") || dg_tok_is(t, "$") || dg_tok_is(t, "€") ||
               (k + 1 < doc->ntoks && dg_tok_is(&doc->toks[k + 1], "-")) ||
               dg_tok_is(t, "£") || dg_tok_is(t, "than") ||
               ((dg_tok_is(t, "in") || dg_tok_is(t, "of")) && k > 0 &&
                doc->tags[k - 1].pos == DG_POS_NUM);
    }
}

#define GAP_MAX 10

/* Matches the words of a gap trigger's surface (w[0..nw), "..." a gap)
 * against view tokens from i; returns the tokens matched (0: none). */
static size_t match_gap(const dg_doc *doc, const dg_token *view,
                        const size_t *orig, size_t nv, size_t i,
                        char w[][32], size_t nw)
{
    size_t k = i, j;

    for (j = 0; j < nw; j++) {
        if (strcmp(w[j], "...") == 0) {
            size_t gap = 0, best = 0;
            /* the shortest gap after which the rest matches */
            for (gap = 0; gap <= GAP_MAX && k + gap <= nv; gap++) {
                size_t m;
                if (gap > 0 && !gap_word(doc, orig[k + gap - 1]))
                    break;
                m = match_gap(doc, view, orig, nv, k + gap, w + j + 1,
                              nw - j - 1);
                if (m > 0 || j + 1 == nw) {
                    best = gap + m;
                    return k - i + best;
                }
            }
            return 0;
        }
        /* words after the verb match as written: "have ... call" is not
         * "has called" */
        if (k >= nv || strcmp(view[k].norm, w[j]) != 0 ||
            (j > 0 && strcmp(doc->toks[orig[k]].norm, w[j]) != 0))
            return 0;
        k++;
    }
    return k - i;
}

/* Splits a surface into lower-case words; returns how many (0 when one
 * is too long or there are too many). */
static size_t surface_words(const char *s, char w[][32], size_t max)
{
    size_t n = 0;

    while (*s && n < max) {
        size_t len = strcspn(s, " ");
        size_t k;
        if (len >= 32)
            return 0;
        for (k = 0; k < len; k++)
            w[n][k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
        w[n][len] = '\0';
        n++;
        s += len;
        s += strspn(s, " ");
    }
    return *s ? 0 : n;
}

/* The "verb ... noun" triggers that match at view token i (a verb):
 * those with the most words matched, into out[]; returns how many and
 * sets *len to the tokens matched. */
static size_t match_gap_triggers(const dg_doc *doc, const dg_token *view,
                                 const size_t *orig, size_t nv, size_t i,
                                 const dg_lex_entry **out, size_t max,
                                 size_t *len)
{
    const dg_lex_entry *all[64];
    size_t n, k, nout = 0, best_words = 0;

    *len = 0;
    if (!is_verb_token(doc, orig[i]))
        return 0;
    n = dg_lexicon_starting(doc->lex, view[i].norm, 1u << DG_LEX_TRIGGER, all,
                            64);
    for (k = 0; k < n; k++) {
        char w[8][32];
        size_t nw, m;
        if (!(all[k]->flags & DG_LEXF_GAP))
            continue;
        if ((nw = surface_words(all[k]->surface, w, 8)) == 0 ||
            (m = match_gap(doc, view, orig, nv, i, w, nw)) == 0)
            continue;
        if (nw > best_words) {
            best_words = nw;
            nout = 0;
        }
        if (nw == best_words && nout < max) {
            out[nout++] = all[k];
            if (m > *len)
                *len = m;
        }
    }
    return nout;
}

/* Events of sentence s without a place, held "on the margins of" a
 * gathering, were held where it was. */
static void side_meetings_at(dg_doc *doc, size_t s, int location)
{
    size_t k, j;

    if (location < 0)
        return;
    for (k = 0; k + 1 < doc->nevs; k++)
        for (j = 0; j < doc->evs[k].nsents; j++)
            if (doc->evs[k].sents[j] == s && doc->evs[k].location < 0)
                doc->evs[k].location = location;
}

/* The CAMEO code the trigger lexicon gives "summit". */
static const char *summit_cameo(const dg_doc *doc)
{
    const dg_lex_entry *const *all;
    size_t n = dg_lexicon_entries(doc->lex, DG_LEX_TRIGGER, &all), i;

    for (i = 0; i < n; i++)
        if (strcmp(all[i]->cls, "Summit") == 0)
            return all[i]->cameo;
    return NULL;
}

/* "on the margins (sidelines) of [the] BODY ...": the body's gathering,
 * a Summit with the body as participant. */
static int margins_of(dg_doc *doc, size_t s, const dg_date_expr *dates,
                      size_t ndates)
{
    size_t sb = doc->sents[s].tok_b, se = doc->sents[s].tok_e, i;

    for (i = sb; i + 2 < se; i++) {
        size_t j = i + 2;
        int k;
        if (!(dg_tok_is(&doc->toks[i], "margins") ||
              dg_tok_is(&doc->toks[i], "sidelines") ||
              dg_tok_is(&doc->toks[i], "margin") ||
              dg_tok_is(&doc->toks[i], "sideline")) ||
            !dg_tok_is(&doc->toks[i + 1], "of"))
            continue;
        if (dg_tok_is(&doc->toks[j], "the") && j + 1 < se)
            j++;
        k = dg_mention_at(doc, j);
        if (k < 0 || doc->ments[k].entity < 0 ||
            doc->ents[doc->ments[k].entity].kind != DG_ENT_ORG)
            continue;
        {
            trigger_ctx tc = {sb, se, i, i + 1, NULL, se, 1, 0, sb, dates,
                              ndates, 0, 0};
            dg_event *ev = push_event(doc);
            if (!ev || !ev_add_part(ev, doc->ments[k].entity,
                                    DG_ROLE_PARTICIPANT) || !ev_add_sent(ev, s))
                return 0;
            ev->cls = "Summit";
            ev->cameo = summit_cameo(doc);
            ev->location = find_location(doc, sb, se, 0, -1);
            find_date(ev, &tc);
            side_meetings_at(doc, s, ev->location);
            if (!settle_event(doc))
                return 0;
        }
    }
    return 1;
}

/* "X will not accept ...", "X did not sign ...": a refusal to yield or
 * cooperate is a rejection by the clause's subject (CAMEO 12), unless a
 * statement reported it (reported_act). */
static int negated_cooperation(dg_doc *doc, size_t s, const dg_date_expr *dates,
                               size_t ndates)
{
    size_t k;

    for (k = 0; k < doc->nclauses; k++) {
        const dg_clause *cl = &doc->clauses[k];
        dg_event *ev;
        int found = 0;
        if (cl->sent != s || !(cl->vflags & DG_VG_NEG) || !cl->lemma ||
            !dg_word_in(cooperative_lemmas, cl->lemma) ||
            (cl->kind == DG_CL_REPORTED && cl->parent >= 0) ||
            (strcmp(cl->lemma, "meet") == 0 &&
             !(cl->vflags & (DG_VG_FUTURE | DG_VG_MODAL))))
            continue;
        if (!(ev = push_event(doc)))
            return 0;
        ev->cls = "Rejection";
        ev->cameo = "120";
        if (!span_actors(doc, ev, dg_clause_subject(doc, (int)k, NULL),
                         DG_ROLE_SPEAKER, &found) ||
            (found > 0 && !span_actors(doc, ev, cl->obj, DG_ROLE_TARGET,
                                       &found)) ||
            !ev_add_sent(ev, s))
            return 0;
        {
            trigger_ctx tc;
            memset(&tc, 0, sizeof tc);
            tc.tb = cl->verb;
            tc.te = cl->verb + 1;
            tc.dates = dates;
            tc.ndates = ndates;
            find_date(ev, &tc);
        }
        if (!settle_event(doc))
            return 0;
    }
    return 1;
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
static int noun_modifier(const dg_doc *doc, size_t tb, size_t te, size_t se)
{
    return !is_verb_token(doc, tb) && te < se &&
           doc->tags[te].pos == DG_POS_NOUN &&
           !(doc->toks[te].flags & DG_TOK_POSS) &&
           !dg_word_in(light_heads, doc->toks[te].norm);
}

static int sentence_events(dg_doc *doc, size_t s)
{
    size_t sb = doc->sents[s].tok_b, se = doc->sents[s].tok_e, i, nv;
    const dg_date_expr *dates = doc->dates + doc->date_first[s];
    size_t ndates = doc->date_first[s + 1] - doc->date_first[s];
    size_t before = doc->nevs, *orig, prev_obj_end = sb;
    int seen_trigger = 0;
    dg_token *view = compact_sentence(doc, sb, se, &orig, &nv);

    if (!view)
        return 0;
    for (i = 0; i < nv;) {
        const dg_lex_entry *hits[8], *cands[8];
        size_t nh = 0, n = 0, ng = 0, nc, k;
        if (dg_mention_at(doc, orig[i]) >= 0 || auxiliary(doc, orig[i])) {
            i++;
            continue;
        }
        nc = match_gap_triggers(doc, view, orig, nv, i, cands, 8, &ng);
        n = dg_lexicon_match(doc->lex, doc->text, view, nv, i,
                             1u << DG_LEX_TRIGGER, hits, 8, &nh);
        if (n > 0 && nh > 0 && n >= ng)
            nc = pick_triggers(doc, orig[i], hits, nh, cands);
        else
            n = ng;
        if (nc == 0) {
            i++;
            continue;
        }
        if (noun_modifier(doc, orig[i], orig[i + n - 1] + 1, se)) {
            i += n; /* "travel curbs", "visit programme" */
            continue;
        }
        trigger_ctx tc = {sb, se, orig[i], orig[i + n - 1] + 1, NULL, se,
                          !is_verb_token(doc, orig[i]), seen_trigger,
                          prev_obj_end, dates, ndates, 0, 0};
        seen_trigger = 1;
        /* the first reading that gives an event ("welcomed the
         * minister": a visit; "welcomed the decision": praise) */
        for (k = 0; k < nc && !tc.kept; k++) {
            tc.lx = cands[k];
            tc.plural_only = 0;
            if (!build_event(doc, &tc, s)) {
                free(view);
                free(orig);
                return 0;
            }
        }
        prev_obj_end = tc.obj_end < se ? tc.obj_end : tc.te;
        i += n;
    }
    free(view);
    free(orig);
    if (!margins_of(doc, s, dates, ndates) ||
        !negated_cooperation(doc, s, dates, ndates))
        return 0;
    if (doc->nevs == before && doc->nevs > 0) {
        dg_event *last = &doc->evs[doc->nevs - 1];
        if (dg_is_bullet(&doc->toks[sb]) &&
            !dg_topics_of_bullet(doc, last, sb + 1, se))
            return 0;
        return dg_topics_of_sentence(doc, last, s);
    }
    return 1;
}

/* The talk event (meeting, call, visit, negotiation, summit) of the
 * article that has every participant of ev that is not its target, or
 * NULL. */
static dg_event *said_in_talks(dg_doc *doc, const dg_event *ev)
{
    size_t k, i;

    for (k = 0; k < doc->nevs; k++) {
        const dg_event *t = &doc->evs[k];
        int all = 1;
        if (t == ev || !is_talk(t->cls) || t->status)
            continue;
        for (i = 0; i < ev->nparts && all; i++)
            if (ev->parts[i].role != DG_ROLE_TARGET &&
                !covered_by(doc, ev->parts[i].entity, t))
                all = 0;
        if (all)
            return &doc->evs[k];
    }
    return NULL;
}

/* What the participants of talks said, pledged or praised there is part
 * of the talks, not an event of its own ("Wang emphasized ...", "the
 * leaders committed to ...", "both backed the plan"); their
 * condemnations, appeals and threats stay. */
static int drop_talk_statements(dg_doc *doc)
{
    size_t k, n = 0;
    unsigned char *drop = calloc(doc->nevs + 1, 1);

    if (!drop)
        return 0;
    for (k = 0; k < doc->nevs; k++) {
        const dg_event *ev = &doc->evs[k];
        dg_event *talk;
        size_t t;
        if (strncmp(ev->cameo, "01", 2) != 0 && strncmp(ev->cameo, "03", 2) != 0 &&
            strncmp(ev->cameo, "051", 3) != 0 && strncmp(ev->cameo, "052", 3) != 0 &&
            strncmp(ev->cameo, "055", 3) != 0)
            continue;
        if (!(talk = said_in_talks(doc, ev)))
            continue;
        drop[k] = 1; /* what was said there is what the talks were about */
        for (t = 0; t < ev->ntopics; t++)
            if (!dg_event_add_topic(talk, ev->topics[t], ev->topic_keys[t])) {
                free(drop);
                return 0;
            }
    }
    for (k = 0; k < doc->nevs; k++) {
        if (drop[k])
            ev_release(&doc->evs[k]);
        else
            doc->evs[n++] = doc->evs[k];
    }
    doc->nevs = n;
    free(drop);
    return 1;
}

dg_status dg_find_events(dg_doc *doc)
{
    size_t s;

    for (s = 0; s < doc->nsents; s++)
        if (!sentence_events(doc, s))
            return DG_ERR_NOMEM;
    return drop_talk_statements(doc) ? DG_OK : DG_ERR_NOMEM;
}

void dg_doc_release(dg_doc *doc)
{
    size_t i, j;

    for (i = 0; i < doc->nevs; i++)
        ev_release(&doc->evs[i]);
    free(doc->evs);
    dg_topics_release(doc);
    for (i = 0; i < doc->nents; i++) {
        dg_entity *en = &doc->ents[i];
        free(en->label);
        free(en->key);
        for (j = 0; j < en->nalts; j++)
            free(en->alts[j]);
        free(en->alts);
        for (j = 0; j < en->nposts; j++)
            free(en->posts[j].title);
        free(en->posts);
    }
    free(doc->ents);
    free(doc->ent_index);
    free(doc->ments);
    free(doc->tags);
    free(doc->clauses);
    free(doc->dates);
    free(doc->date_first);
    free(doc->sents);
    dg_tokens_free(doc->toks, doc->ntoks);
    memset(doc, 0, sizeof *doc);
}
