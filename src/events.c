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

#define MAX_DATES 16
#define NP_MAX_TOKENS 12      /* "with Chinese Foreign Minister Li Wei and ..." */

/* Words that make a clause hypothetical: its events are not reported. */
static const char *const hypothetical[] = {
    "would", "could", "might", "may", "should", "if", "unless", "hope",
    "potential", "possible", "possibly", "threatened", "threatens",
    "hopes", "hoped", "wish", "wished", "proposed", "propose", "called",
    "urged", "urge", "calls", "can", NULL
};

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
                           dg_role role, int *found)
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

static int find_participants(const dg_doc *doc, dg_event *ev,
                             trigger_ctx *tc)
{
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
/* Classes of acts done to someone (a sanction, an expulsion). */
static int is_measure(const char *cls)
{
    return strcmp(cls, "Sanction") == 0 || strcmp(cls, "Expulsion") == 0;
}

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

static int find_participants_in_clause(const dg_doc *doc, dg_event *ev,
                                       trigger_ctx *tc)
{
    dg_role sr = subject_role(tc->lx);
    size_t cb = clause_start(doc, tc->sb, tc->tb);
    int found = 0, noun = tc->noun;

    tc->obj_end = object_end(doc, tc->te, tc->se);
    if (!noun) {
        int inv = invited_visit(doc, ev, tc, cb);
        if (inv != 0)
            return inv > 0;
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
            !noun_complement(doc, ev, tc, object_role(sr), &found))
            return 0;
        found += own;
        /* "condemned the sanctions and ...": a measure named as the object
         * of another event's verb, with no one of its own, is no event */
        if (found == 0 && tc->after_trigger && is_measure(tc->lx->cls))
            return 1;
        /* "X held a meeting with Y": the clause's subject takes part */
        if (own == 0 && !clause_subject(doc, ev, cb, tc->tb, sr, &found))
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
    if ((strcmp(tc->lx->cls, "Sanction") == 0 ||
         strcmp(tc->lx->cls, "Expulsion") == 0) &&
        !measure_target(doc, ev, tc))
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
static int find_location(const dg_doc *doc, size_t b, size_t e, int visit)
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
        if (i >= near && strcmp(w, "would") == 0 && reported_speech(doc, i))
            mood = 1; /* "said Putin would host": future in the past */
        else if (i >= near && dg_word_in(hypothetical, w))
            return -1;
        if (dg_word_in(future, w) || (i + 4 >= tb && dg_word_in(future_near, w)))
            mood = 1;
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
        if (ev->nparts == 0 || subset(doc, ev, o) || subset(doc, o, ev))
            return (int)k;
    }
    return -1;
}

static int merge_into(const dg_doc *doc, dg_event *o, dg_event *ev)
{
    size_t i;

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

/* Classes of talking together: a later "they discussed" continues them. */
static int is_talk(const char *cls)
{
    return strcmp(cls, "Meeting") == 0 || strcmp(cls, "PhoneCall") == 0 ||
           strcmp(cls, "Negotiation") == 0 || strcmp(cls, "Summit") == 0 ||
           strcmp(cls, "Visit") == 0;
}

static int build_event(dg_doc *doc, trigger_ctx *tc, size_t s)
{
    size_t cb = clause_start(doc, tc->sb, tc->tb);
    int mood = trigger_mood(doc, cb, tc->tb);
    dg_event *ev;

    if (mood < 0)
        return 1;
    if (!(ev = push_event(doc)))
        return 0;
    ev->cls = tc->lx->cls;
    ev->cameo = tc->lx->cameo;
    ev->status = mood > 0 ? "scheduled" : NULL;
    if (!find_participants(doc, ev, tc) || !ev_add_sent(ev, s))
        return 0;
    ev->location = find_location(doc, cb > tc->prev_obj_end ? cb
                                                            : tc->prev_obj_end,
                                 tc->obj_end, strcmp(ev->cls, "Visit") == 0);
    if (ev->location < 0 && strcmp(ev->cls, "Visit") == 0 && !tc->noun)
        ev->location = place_right_after(doc, tc->te);
    find_date(ev, tc);
    if (!dg_topics_of_sentence(doc, ev, s))
        return 0;
    /* what was condemned or sanctioned is what the event is about */
    if ((strcmp(ev->cls, "Criticism") == 0 || strcmp(ev->cls, "Statement") == 0 ||
         strcmp(ev->cls, "Sanction") == 0) &&
        !dg_topics_after(doc, ev, tc->te, tc->se, 1))
        return 0;
    if (tc->plural_only && is_talk(ev->cls) && doc->nevs >= 2 &&
        is_talk(doc->evs[doc->nevs - 2].cls) &&
        places_agree(doc, ev->location, doc->evs[doc->nevs - 2].location) &&
        same_date(&ev->date, &doc->evs[doc->nevs - 2].date)) {
        /* "They also conferred about ...": more of the same talks */
        int ok = merge_into(doc, &doc->evs[doc->nevs - 2], ev);
        size_t t;
        for (t = 0; ok && t < ev->ntopics; t++)
            ok = dg_event_add_topic(&doc->evs[doc->nevs - 2], ev->topics[t],
                              ev->topic_keys[t]);
        ev_release(ev);
        doc->nevs--;
        return ok;
    }
    return settle_event(doc);
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

/* The sentence's tokens without interjections, for trigger matching;
 * orig[] maps each back to its index in doc->toks. */
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
        if (is_interjection(doc, i, se) && *n > 0)
            continue;
        v[*n] = doc->toks[i];
        (*orig)[(*n)++] = i;
    }
    (*orig)[*n] = se;
    return v;
}

/* Is the trigger at token i used as a verb?  A verb has its subject
 * or an auxiliary just before it ("Sato met", "they also discussed",
 * "will visit"); otherwise ("a productive call", "similar sanctions
 * imposed by") the word is a noun. */
static int verb_context(const dg_doc *doc, size_t i, size_t sb, size_t se)
{
    static const char *const before_verb[] = {
        "he", "she", "they", "we", "who", "and", "also", "will", "would",
        "to", "have", "has", "had", "then", "jointly", "i", "it", "both",
        "later", "today", "yesterday", "again", "not", "never", "subsequently",
        NULL
    };
    size_t k = i;

    while (k > sb) {
        const dg_token *p = &doc->toks[k - 1];
        int m = dg_mention_at(doc, k - 1);
        size_t n = strlen(p->norm);
        if (m >= 0) /* a subject: a name, or a title that names someone */
            return doc->ments[m].type == DG_MENT_NAME ||
                   (doc->ments[m].type == DG_MENT_TITLE &&
                    (doc->ments[m].entity >= 0 ||
                     (doc->ments[m].lex->flags & DG_LEXF_PLURAL)));
        if (dg_word_in(before_verb, p->norm))
            return 1;
        /* adverbs ("warmly", "separately") and time words stand between */
        if ((n > 3 && strcmp(p->norm + n - 2, "ly") == 0) ||
            is_interjection(doc, k - 1, se)) {
            k--;
            continue;
        }
        return 0;
    }
    return 0;
}


/* The entry for the reading the context asks for (a noun after a
 * determiner or adjective, a verb after its subject); where the lexicon
 * has one reading only, that one. */
static const dg_lex_entry *pick_trigger(const dg_doc *doc, size_t i,
                                        size_t sb, size_t se,
                                        const dg_lex_entry **hits, size_t nh,
                                        int *noun)
{
    unsigned want;
    size_t k;

    *noun = !verb_context(doc, i, sb, se);
    want = *noun ? DG_LEXF_NOUN : DG_LEXF_VERB;
    for (k = 0; k < nh; k++)
        if (hits[k]->flags & want)
            return hits[k];
    /* one reading only: it holds, except that an -ing verb after a
     * determiner or adjective is a noun ("Australia's sanctioning") */
    if (!(*noun && is_gerund(hits[0])))
        *noun = (hits[0]->flags & DG_LEXF_NOUN) != 0;
    return hits[0];
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
                              ndates, 0};
            dg_event *ev = push_event(doc);
            if (!ev || !ev_add_part(ev, doc->ments[k].entity,
                                    DG_ROLE_PARTICIPANT) || !ev_add_sent(ev, s))
                return 0;
            ev->cls = "Summit";
            ev->cameo = summit_cameo(doc);
            ev->location = find_location(doc, sb, se, 0);
            find_date(ev, &tc);
            side_meetings_at(doc, s, ev->location);
            if (!settle_event(doc))
                return 0;
        }
    }
    return 1;
}

static int sentence_events(dg_doc *doc, size_t s)
{
    size_t sb = doc->sents[s].tok_b, se = doc->sents[s].tok_e, i, nv;
    dg_date_expr dates[MAX_DATES];
    size_t ndates = dg_dates_find(doc->text, doc->toks, sb, se, &doc->date,
                                  dates, MAX_DATES);
    size_t before = doc->nevs, *orig, prev_obj_end = sb;
    int seen_trigger = 0;
    dg_token *view = compact_sentence(doc, sb, se, &orig, &nv);

    if (!view)
        return 0;
    for (i = 0; i < nv;) {
        const dg_lex_entry *hits[4];
        size_t nh = 0, n;
        if (dg_mention_at(doc, orig[i]) >= 0) {
            i++;
            continue;
        }
        n = dg_lexicon_match(doc->lex, doc->text, view, nv, i,
                             1u << DG_LEX_TRIGGER, hits, 4, &nh);
        if (n == 0 || nh == 0) {
            i++;
            continue;
        }
        trigger_ctx tc = {sb, se, orig[i], orig[i + n - 1] + 1, NULL, se, 0,
                          seen_trigger, prev_obj_end, dates, ndates, 0};
        seen_trigger = 1;
        tc.lx = pick_trigger(doc, orig[i], sb, se, hits, nh, &tc.noun);
        if (!tc.lx) {
            i += n;
            continue;
        }
        if (!build_event(doc, &tc, s)) {
            free(view);
            free(orig);
            return 0;
        }
        prev_obj_end = tc.obj_end < se ? tc.obj_end : tc.te;
        i += n;
    }
    free(view);
    free(orig);
    if (!margins_of(doc, s, dates, ndates))
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

dg_status dg_find_events(dg_doc *doc)
{
    size_t s;

    for (s = 0; s < doc->nsents; s++)
        if (!sentence_events(doc, s))
            return DG_ERR_NOMEM;
    return DG_OK;
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
    free(doc->sents);
    dg_tokens_free(doc->toks, doc->ntoks);
    memset(doc, 0, sizeof *doc);
}
