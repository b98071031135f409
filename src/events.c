/*
 * events.c: the event stage (dg_find_events): diplomatic events from
 * trigger words, with their place, date and topics; the mentions of one
 * event merged into one.
 *
 * A trigger (triggers.tsv: "met with", "spoke by telephone", "visit",
 * "imposed sanctions" ...) gives the event class and CAMEO code.  Each
 * sentence is matched against the triggers (verbs by their lemma, "verb
 * ... noun" triggers across a gap of noun-phrase words), and each match
 * is read as an event with its participants (actors.c) and its mood
 * (mood.c), unless it names no diplomatic event (event_filters.c).
 *
 * One event mentioned twice is one event: a new mention of the same
 * class whose participants are a subset or superset of an earlier
 * event's, with no conflicting place or date, is merged into it, and a
 * mention without participants ("The meeting took place at ...") is
 * merged into the latest event of its class.
 *
 * Topics (topics.c) come from the event's sentence and from the sentences
 * after it that add no event of their own.
 */
#include "events_internal.h"

#include <stdlib.h>
#include <string.h>

/* Words after which a place is the event's location. */
const char *const dg_location_preps[] = {
    "in", "at", "to", NULL
};

/* ------------------------------------------------------------------ */
/* Event classes                                                       */
/* ------------------------------------------------------------------ */

/* Classes of talking together: a later "they discussed" continues them. */
int dg_is_talk(const char *cls)
{
    return strcmp(cls, "Meeting") == 0 || strcmp(cls, "PhoneCall") == 0 ||
           strcmp(cls, "Negotiation") == 0 || strcmp(cls, "Summit") == 0 ||
           strcmp(cls, "Visit") == 0;
}

/* Is an event of CAMEO code `cameo` a speech act: CAMEO's verbal
 * categories (make a statement 01, appeal 02, express intent 03, praise
 * 051, apologize 055, demand 10, disapprove 11, reject 12, threaten
 * 13)? */
int dg_is_speech_act(const char *cameo)
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
int dg_is_measure(const char *cls)
{
    return strcmp(cls, "Sanction") == 0 || strcmp(cls, "Expulsion") == 0 ||
           strcmp(cls, "SanctionRelief") == 0;
}

/* ------------------------------------------------------------------ */
/* Events                                                              */
/* ------------------------------------------------------------------ */

int dg_event_has(const dg_event *ev, int entity)
{
    size_t i;

    for (i = 0; i < ev->nparts; i++)
        if (ev->parts[i].entity == entity)
            return 1;
    return 0;
}

int dg_event_has_role(const dg_event *ev, dg_role r)
{
    size_t i;

    for (i = 0; i < ev->nparts; i++)
        if (ev->parts[i].role == r)
            return 1;
    return 0;
}

int dg_event_add_part(dg_event *ev, int entity, dg_role role)
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
/* Place and date                                                     */
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
            if (!dg_word_in(dg_location_preps, doc->toks[p].norm) &&
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
static int described_location(const dg_doc *doc, const dg_trigger_ctx *tc)
{
    size_t k;

    for (k = 0; k < doc->nclauses; k++) {
        const dg_clause *cl = &doc->clauses[k];
        if (cl->kind == DG_CL_RELATIVE && dg_span_has(cl->ante, tc->tb) &&
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

static void find_date(dg_event *ev, const dg_trigger_ctx *tc)
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

    if (dg_event_has(b, x))
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
    if (dg_is_speech_act(a->cameo) && dg_is_speech_act(b->cameo) &&
        (strncmp(a->cameo, "01", 2) == 0 || strncmp(b->cameo, "01", 2) == 0))
        return 1;
    if (strcmp(a->cls, "Meeting") == 0 && strcmp(b->cls, "Visit") == 0)
        return dg_event_has_role(b, DG_ROLE_HOST);
    if (strcmp(a->cls, "Visit") == 0 && strcmp(b->cls, "Meeting") == 0)
        return dg_event_has_role(a, DG_ROLE_HOST);
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
        dg_is_speech_act(ev->cameo)) {
        o->cls = ev->cls;
        o->cameo = ev->cameo;
    }
    for (i = 0; i < ev->nparts; i++)
        if (!covered_by(doc, ev->parts[i].entity, o) &&
            !dg_event_add_part(o, ev->parts[i].entity, ev->parts[i].role))
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
        if (dg_is_talk(doc->evs[k].cls))
            return &doc->evs[k];
    return NULL;
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
static int separate_words(const dg_doc *doc, const dg_trigger_ctx *tc)
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
static int separate_talks(dg_doc *doc, const dg_trigger_ctx *tc)
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
        if (!dg_event_add_part(ev, parts[subj_at].entity,
                               parts[subj_at].role) ||
            !dg_event_add_part(ev, parts[k].entity, parts[k].role))
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
    "apologise", "negotiate", "ratify", "sign", "meet", "remove", NULL
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

/* Modals of what may come: a coercive act told with them is a warning
 * ("said the EU may halt its mediation"; CAMEO 13). */
static const char *const possibility_modals[] = {
    "may", "might", "could", NULL
};

/* Is reported clause r about the speaker's own act: its subject a
 * pronoun ("said it could impose sanctions"), not someone else ("said
 * Russia may attack")? */
static int own_act(const dg_doc *doc, const dg_clause *r)
{
    dg_span sj = r->subj;

    return sj.e == sj.b + 1 && doc->tags[sj.b].pos == DG_POS_PRON;
}

/* Verbs of giving and helping, whose announcement is an intent to
 * cooperate ("will send a team", "would give technical assistance";
 * CAMEO 03). */
static const char *const yielding_lemmas[] = {
    "give", "send", "help", "assist", "lay", "free", "share", "donate",
    "offer", "train", "fund", "finance", "invest", "supply", "deliver",
    "restore", "reopen", "establish", "build", "rebuild", "host", "welcome",
    "contribute", "lend", "forgive", "waive", "cancel", "provide", NULL
};

/* Is not doing lemma a refusal: a verb of yielding, cooperating or
 * giving ("will not lift the embargo", "would not provide support";
 * CAMEO 12, reject, 121-124)? */
static int refusable(const char *lemma)
{
    return dg_word_in(cooperative_lemmas, lemma) ||
           (dg_word_in(yielding_lemmas, lemma) &&
            strcmp(lemma, "cancel") != 0);
}

/* The targets of a refusal or threat told in clause cl: its object and
 * whom its phrases of "to", "on", "against", "for" and "with" name
 * ("will not lift the embargo on X", "could impose sanctions on X"). */
static int act_targets(const dg_doc *doc, dg_event *ev,
                       const dg_clause *cl, int *found)
{
    static const char *const preps[] = {
        "to", "on", "against", "for", "with", NULL
    };
    size_t k;

    if (!dg_span_actors(doc, ev, cl->obj, DG_ROLE_TARGET, found))
        return 0;
    for (k = 0; k < cl->npps; k++)
        if (dg_word_in(preps, doc->toks[cl->pps[k].prep].norm) &&
            !dg_span_actors(doc, ev, cl->pps[k].np, DG_ROLE_TARGET, found))
            return 0;
    return 1;
}

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
        !dg_span_actors(doc, ev, cl->obj, DG_ROLE_TARGET, &found))
        return 0;
    for (k = 0; k < cl->npps; k++)
        if (dg_tok_is(&doc->toks[cl->pps[k].prep], "to") &&
            !dg_span_actors(doc, ev, cl->pps[k].np, DG_ROLE_TARGET, &found))
            return 0;
    return 1;
}

/* What a statement says can make it a demand ("said Libya must hand
 * over the suspects"), a threat ("announced it will withdraw its troops
 * unless ...") or a rejection ("said it will not accept"): the class of
 * a plain statement from its reported clause, with that clause's actors
 * as targets. */
static int reported_act(const dg_doc *doc, dg_event *ev,
                        const dg_trigger_ctx *tc)
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
        if ((r->vflags & DG_VG_NEG) && refusable(r->lemma)) {
            ev->cls = "Rejection";
            ev->cameo = "120";
            return act_targets(doc, ev, r, &found);
        }
        if ((r->vflags & DG_VG_MODAL) && modal &&
            (strcmp(modal, "must") == 0 || strcmp(modal, "should") == 0)) {
            ev->cls = "Demand";
            ev->cameo = "10";
            return dg_span_actors(doc, ev, r->subj, DG_ROLE_TARGET, &found);
        }
        if ((((r->vflags & DG_VG_FUTURE) ||
              (modal && strcmp(modal, "would") == 0)) &&
             (dg_word_in(coercive_lemmas, r->lemma) ||
              conditional_child(doc, (int)k))) ||
            (modal && dg_word_in(possibility_modals, modal) &&
             !(r->vflags & DG_VG_NEG) && own_act(doc, r) &&
             dg_word_in(coercive_lemmas, r->lemma))) {
            ev->cls = "Threat";
            ev->cameo = "130";
            return act_targets(doc, ev, r, &found);
        }
        /* "said they will release the hostages": an intent to yield */
        if (((r->vflags & DG_VG_FUTURE) ||
             (modal && strcmp(modal, "would") == 0)) &&
            !(r->vflags & DG_VG_NEG) &&
            (dg_word_in(cooperative_lemmas, r->lemma) ||
             dg_word_in(yielding_lemmas, r->lemma))) {
            ev->cls = "IntentToCooperate";
            ev->cameo = "030";
            return dg_span_actors(doc, ev, r->obj, DG_ROLE_TARGET, &found);
        }
        /* "X said the embassy had conveyed ...": who it is about */
        if (!dg_span_people(doc, ev, r->subj, DG_ROLE_TARGET, &found))
            return 0;
    }
    return statement_addressee(doc, ev, c);
}

/* Is the noun trigger of a sanction the subject or object of a verb
 * that eases it? */
static int eased_measure(const dg_doc *doc, const dg_trigger_ctx *tc)
{
    int c = dg_clause_at(doc, tc->tb);
    const dg_clause *cl;

    if (c < 0 || !tc->noun || strcmp(tc->lx->cls, "Sanction") != 0)
        return 0;
    cl = &doc->clauses[c];
    return cl->lemma && dg_word_in(dg_easing_lemmas, cl->lemma) &&
           (dg_span_has(dg_clause_subject(doc, c, NULL), tc->tb) ||
            dg_span_has(cl->obj, tc->tb));
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

/* Merges the newest event, with its topics, into the earlier event o
 * and removes it; 0 on no memory. */
static int fold_newest_into(dg_doc *doc, dg_event *o)
{
    dg_event *ev = &doc->evs[doc->nevs - 1];
    int ok = merge_into(doc, o, ev);
    size_t t;

    for (t = 0; ok && t < ev->ntopics; t++)
        ok = dg_event_add_topic(o, ev->topics[t], ev->topic_keys[t]);
    ev_release(ev);
    doc->nevs--;
    return ok;
}

/* The summit that "the summit" of the newest event ev refers back to:
 * the latest earlier Summit of the article that happened (or is planned)
 * as ev did, in the same place if both have one, not dated to another
 * year than the article; NULL if none or if the trigger's noun is not
 * definite ("a summit", "summits"). */
static dg_event *summit_told_before(dg_doc *doc, const dg_trigger_ctx *tc,
                                    const dg_event *ev)
{
    size_t k, noun = tc->te - 1;

    if (strcmp(ev->cls, "Summit") != 0 || ev->nparts == 0 ||
        noun <= tc->sb || !dg_tok_is(&doc->toks[noun], "summit") ||
        !dg_tok_is(&doc->toks[noun - 1], "the"))
        return NULL;
    for (k = doc->nevs - 1; k-- > 0;) {
        dg_event *o = &doc->evs[k];
        if (strcmp(o->cls, "Summit") == 0 &&
            (o->status == NULL) == (ev->status == NULL) &&
            places_agree(doc, o->location, ev->location) &&
            !(o->date.prec != DG_DATE_NONE && doc->date.prec != DG_DATE_NONE &&
              o->date.year != doc->date.year)) /* "the 2010 summit" */
            return o;
    }
    return NULL;
}

/* Verbs that call off a planned visit ("cancelled a planned visit to
 * X", "postponed his trip"): a snub, CAMEO 16 (reduce relations). */
static const char *const snub_lemmas[] = {
    "cancel", "postpone", "call", "scrap", "shelve", "delay", NULL
};

/* Is the noun trigger a visit that its clause calls off, as told, not
 * negated or hypothetical ("has cancelled a planned visit to X")? */
static int cancelled_visit(const dg_doc *doc, const dg_trigger_ctx *tc)
{
    int c = dg_clause_at(doc, tc->tb);
    const dg_clause *cl;

    if (c < 0 || !tc->noun || strcmp(tc->lx->cls, "Visit") != 0)
        return 0;
    cl = &doc->clauses[c];
    return cl->lemma && dg_word_in(snub_lemmas, cl->lemma) &&
           dg_span_has(cl->obj, tc->tb) &&
           !(cl->vflags & (DG_VG_NEG | DG_VG_MODAL | DG_VG_FUTURE)) &&
           cl->kind != DG_CL_INFINITIVE && cl->kind != DG_CL_SUBORD &&
           (strcmp(cl->lemma, "call") != 0 ||
            (cl->verb + 1 < doc->ntoks &&
             dg_tok_is(&doc->toks[cl->verb + 1], "off")));
}

/* Makes ev, a visit called off, the reduction of relations it is: the
 * clause's subject acts, the state or body the visit was to ("to X")
 * is its target.  0 when out of memory. */
static int snub(const dg_doc *doc, dg_event *ev, const dg_trigger_ctx *tc)
{
    int c = dg_clause_at(doc, tc->tb), found = 0;
    const dg_clause *cl = &doc->clauses[c];
    size_t k;

    ev->cls = "ReduceRelations";
    ev->cameo = "160";
    ev->nparts = 0;
    if (!dg_span_actors(doc, ev, dg_clause_subject(doc, c, NULL),
                        DG_ROLE_PARTICIPANT, &found))
        return 0;
    for (k = 0; k < cl->npps; k++)
        if (cl->pps[k].prep == tc->te &&
            dg_tok_is(&doc->toks[tc->te], "to") &&
            !dg_span_actors(doc, ev, cl->pps[k].np, DG_ROLE_TARGET, &found))
            return 0;
    return 1;
}

/* Verbs of saying whose object is whom it is said to ("told X that",
 * "briefed X on", "assured X"). */
static const char *const addressee_lemmas[] = {
    "tell", "inform", "brief", "assure", "reassure", "notify", "remind",
    "warn", NULL
};

/* Is the trigger a verb of saying whose object is its addressee? */
static int tells_addressee(const dg_doc *doc, const dg_trigger_ctx *tc)
{
    int c = dg_clause_at(doc, tc->tb);

    return c >= 0 && !tc->noun && doc->clauses[c].verb == tc->tb &&
           doc->clauses[c].lemma &&
           dg_word_in(addressee_lemmas, doc->clauses[c].lemma);
}

static int build_event(dg_doc *doc, dg_trigger_ctx *tc, size_t s)
{
    dg_event *talk;
    size_t cb = dg_trigger_clause_start(doc, tc->sb, tc->tb);
    int mood = dg_clause_mood(doc, tc), old = dg_trigger_mood(doc, cb, tc->tb);
    int scan, called_off = mood < 0 && cancelled_visit(doc, tc);
    dg_event *ev;

    if (mood == 0 && old > 0)
        mood = 1; /* "tomorrow", "upcoming", "next": a future cue */
    if (called_off)
        mood = 0; /* the visit is not, its calling off is */

    tc->kept = 1;
    /* "are scheduled to welcome them": a word planned, not yet said, is
     * no act ("will support" is: an intent said now) */
    if (mood < 0 || (mood > 0 && dg_is_speech_act(tc->lx->cameo) &&
                     strncmp(tc->lx->cameo, "03", 2) != 0 &&
                     dg_planned_infinitive(doc, tc)))
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
    if (!dg_find_participants(doc, ev, tc) || !ev_add_sent(ev, s) ||
        !reported_act(doc, ev, tc))
        return 0;
    if (called_off && !snub(doc, ev, tc))
        return 0;
    if (ev->status && strcmp(ev->cls, "Sanction") == 0)
        threaten(ev); /* "plans to impose sanctions on X" */
    /* "called the decision a mistake", "X discussed the war": no call
     * without someone called, no talks without a second side */
    {
        int c = dg_clause_at(doc, tc->tb);
        if (!dg_has_counterpart(ev, tc->lx, c >= 0 && !tc->noun &&
                                (doc->clauses[c].vflags & DG_VG_PASSIVE)))
            ev->nparts = 0;
    }
    /* "was refused" with no one refusing: no act without its speaker */
    if (dg_is_speech_act(ev->cameo) &&
        !dg_event_has_role(ev, DG_ROLE_SPEAKER) &&
        !dg_event_has_role(ev, DG_ROLE_PARTICIPANT))
        ev->nparts = 0;
    /* "Argentina met France in the final": a match, not talks */
    if (dg_is_talk(ev->cls) && (dg_not_diplomatic(doc, tc) ||
                                dg_domestic_meeting(doc, tc, ev)))
        ev->nparts = 0;
    if ((strcmp(ev->cls, "Visit") == 0 && dg_deployed_subject(doc, tc)) ||
        dg_call_names_object(doc, tc) || dg_signs_alone(doc, tc) ||
        dg_subject_matter(doc, tc))
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
    scan = !tc->topic_scans ||
           (*tc->topic_scans)++ < DG_SENTENCE_TOPIC_SCANS;
    if (scan && !dg_topics_of_sentence(doc, ev, s))
        return 0;
    /* what was condemned or sanctioned is what the event is about; whom
     * a statement is told to is not ("told CNN's Spanish service") */
    if (scan && (strcmp(ev->cls, "Criticism") == 0 ||
                 (strcmp(ev->cls, "Statement") == 0 &&
                  !tells_addressee(doc, tc)) ||
                 strcmp(ev->cls, "Sanction") == 0) &&
        !dg_topics_after(doc, ev, tc->te, tc->se, 1))
        return 0;
    /* "X instead attended the summit": the summit told of before */
    if ((talk = summit_told_before(doc, tc, ev)) != NULL)
        return fold_newest_into(doc, talk);
    talk = latest_talk(doc);
    if (talk && (tc->plural_only || ((tc->lx->flags & DG_LEXF_RECIPROCAL) &&
                                     subset(doc, ev, talk))) &&
        dg_is_talk(ev->cls) &&
        places_agree(doc, ev->location, talk->location) &&
        same_date(&ev->date, &talk->date))
        /* "They also conferred about ...": more of the same talks */
        return fold_newest_into(doc, talk);
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
int dg_is_interjection(const dg_doc *doc, size_t i, size_t se)
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
        if (dg_is_interjection(doc, i, se) && *n > 0)
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
int dg_is_verb_token(const dg_doc *doc, size_t i)
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
    unsigned want = dg_is_verb_token(doc, i) ? DG_LEXF_VERB : DG_LEXF_NOUN;
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
               /* an "of" complement or a coordination inside the object:
                * "questioned the identity of the man and the reliability" */
               dg_tok_is(t, "of") || dg_tok_is(t, "and") ||
               (dg_tok_is(t, "in") && k > 0 &&
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
    if (!dg_is_verb_token(doc, orig[i]))
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
            dg_trigger_ctx tc = {sb, se, i, i + 1, NULL, se, 1, 0, sb, dates,
                              ndates, 0, 0, NULL};
            dg_event *ev = push_event(doc);
            if (!ev || !dg_event_add_part(ev, doc->ments[k].entity,
                                          DG_ROLE_PARTICIPANT) ||
                !ev_add_sent(ev, s))
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

/* Occasions one is somewhere for ("is in Bolivia for the opening of
 * the convention"), besides the event nouns of the triggers. */
static const char *const occasions[] = {
    "opening", "ceremony", "ceremonies", "inauguration", "funeral",
    "celebrations", "commemoration", "anniversary", "conference", "forum",
    "session", "assembly", "games", "festival", "swearing-in", "signing",
    "launch", "parade", "wedding", "coronation", "election", "elections",
    NULL
};

/* Is there an occasion in span sp: a word of occasions or a trigger
 * noun ("for talks", "for the summit")? */
static int names_occasion(const dg_doc *doc, dg_span sp)
{
    const dg_lex_entry *hits[4];
    size_t i, nh;

    for (i = sp.b; i < sp.e; i++) {
        if (dg_word_in(occasions, doc->toks[i].norm))
            return 1;
        nh = 0;
        if (dg_lexicon_match(doc->lex, doc->text, doc->toks, sp.e, i,
                             1u << DG_LEX_TRIGGER, hits, 4, &nh) > 0 &&
            (hits[0]->flags & DG_LEXF_NOUN))
            return 1;
    }
    return 0;
}

/* The place or state a clause's "in" phrase names, when a "for" phrase
 * with an occasion follows it; -1 if none. */
static int place_for_occasion(const dg_doc *doc, const dg_clause *cl)
{
    size_t k, m;

    for (k = 0; k + 1 < cl->npps; k++) {
        const dg_pp *in = &cl->pps[k], *f = &cl->pps[k + 1];
        if (!dg_tok_is(&doc->toks[in->prep], "in") ||
            !dg_tok_is(&doc->toks[f->prep], "for") ||
            !names_occasion(doc, f->np))
            continue;
        for (m = dg_mentions_from(doc, in->np.b);
             m < doc->nments && doc->ments[m].tok_b < in->np.e; m++) {
            int e = doc->ments[m].entity;
            if (e >= 0 && (doc->ents[e].kind == DG_ENT_PLACE ||
                           doc->ents[e].kind == DG_ENT_COUNTRY))
                return e;
        }
    }
    return -1;
}

/* "X is in Bolivia for the opening of ...", "X, who was in Beijing for
 * talks, ...": a person somewhere for an occasion is on a visit there
 * (CAMEO 042), planned when the clause is in the future. */
static int present_for_occasion(dg_doc *doc, size_t s,
                                const dg_date_expr *dates, size_t ndates)
{
    size_t sb = doc->sents[s].tok_b, se = doc->sents[s].tok_e, c;

    for (c = 0; c < doc->nclauses; c++) {
        const dg_clause *cl = &doc->clauses[c];
        int place, person;
        if (cl->sent != s || !cl->lemma || strcmp(cl->lemma, "be") != 0 ||
            (cl->vflags & (DG_VG_NEG | DG_VG_MODAL)) ||
            (place = place_for_occasion(doc, cl)) < 0 ||
            (person = dg_span_person(doc, dg_clause_subject(doc, (int)c,
                                                            NULL))) < 0)
            continue;
        {
            dg_trigger_ctx tc = {sb, se, cl->vg.b, cl->vg.e, NULL, se, 0, 0,
                                 sb, dates, ndates, 0, 0, NULL};
            dg_event *ev = push_event(doc);
            if (!ev || !dg_event_add_part(ev, person, DG_ROLE_VISITOR) ||
                !ev_add_sent(ev, s))
                return 0;
            ev->cls = "Visit";
            ev->cameo = "042";
            ev->status = (cl->vflags & DG_VG_FUTURE) ? "scheduled" : NULL;
            ev->location = place;
            find_date(ev, &tc);
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
            !refusable(cl->lemma) ||
            (cl->kind == DG_CL_REPORTED && cl->parent >= 0) ||
            (strcmp(cl->lemma, "meet") == 0 &&
             !(cl->vflags & (DG_VG_FUTURE | DG_VG_MODAL))))
            continue;
        if (!(ev = push_event(doc)))
            return 0;
        ev->cls = "Rejection";
        ev->cameo = "120";
        if (!dg_span_actors(doc, ev, dg_clause_subject(doc, (int)k, NULL),
                            DG_ROLE_SPEAKER, &found) ||
            (found > 0 && !act_targets(doc, ev, cl, &found)) ||
            !ev_add_sent(ev, s))
            return 0;
        {
            dg_trigger_ctx tc;
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

static int sentence_events(dg_doc *doc, size_t s)
{
    size_t sb = doc->sents[s].tok_b, se = doc->sents[s].tok_e, i, nv;
    const dg_date_expr *dates = doc->dates + doc->date_first[s];
    size_t ndates = doc->date_first[s + 1] - doc->date_first[s];
    size_t before = doc->nevs, *orig, prev_obj_end = sb;
    int seen_trigger = 0;
    unsigned topic_scans = 0;
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
        if (dg_noun_modifier(doc, orig[i], orig[i + n - 1] + 1, se)) {
            i += n; /* "travel curbs", "visit programme" */
            continue;
        }
        dg_trigger_ctx tc = {sb, se, orig[i], orig[i + n - 1] + 1, NULL, se,
                          !dg_is_verb_token(doc, orig[i]), seen_trigger,
                          prev_obj_end, dates, ndates, 0, 0, &topic_scans};
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
        !present_for_occasion(doc, s, dates, ndates) ||
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
        if (t == ev || !dg_is_talk(t->cls) || t->status)
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
 * of the talks, not an event of its own ("the minister emphasized ...",
 * "the leaders committed to ...", "both backed the plan"); their
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
    free(doc->ment_at);
    free(doc->tags);
    free(doc->clauses);
    free(doc->dates);
    free(doc->date_first);
    free(doc->sents);
    dg_tokens_free(doc->toks, doc->ntoks);
    memset(doc, 0, sizeof *doc);
}
