/*
 * events_internal.h: what the files of the event stage share.  Not
 * installed; the stage's entry point, dg_find_events, is in internal.h.
 *
 *   events.c         the stage: trigger matching over each sentence, an
 *                    event built from each trigger, its place and date,
 *                    the mentions of one event merged
 *   actors.c         who takes part in an event, and in which role
 *   mood.c           whether an event happened, is planned, or is not
 *                    reported as happened
 *   event_filters.c  trigger mentions that name no diplomatic event
 *
 * Token positions are indices into doc->toks, entities indices into
 * doc->ents (-1: none), clauses indices into doc->clauses.  The functions
 * that add participants to an event return 1, or 0 when out of memory;
 * their *found counts the participants added.
 */
#ifndef DIPLOGRAPH_EVENTS_INTERNAL_H
#define DIPLOGRAPH_EVENTS_INTERNAL_H

#include "internal.h"

#include <stddef.h>

/* One trigger mention being read: events.c fills it for each match;
 * actors.c sets obj_end and plural_only. */
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
    unsigned *topic_scans; /* the sentence's topic scans so far (NULL: not
                              counted); see DG_SENTENCE_TOPIC_SCANS */
} dg_trigger_ctx;

/* Events of one sentence that get its topics: a scan of the sentence per
 * event candidate is linear in its length, so a sentence of hundreds of
 * trigger words ("discussed sanctions discussed sanctions ...") would
 * cost their square; news sentences have a few candidates. */
#define DG_SENTENCE_TOPIC_SCANS 16

/* Does the span hold token i? */
static inline int dg_span_has(dg_span sp, size_t i)
{
    return i >= sp.b && i < sp.e;
}

/* ------------------------------------------------------------------ */
/* events.c                                                            */
/* ------------------------------------------------------------------ */

/* The words after which a place is an event's location ("in", "at",
 * "to"); NULL-terminated. */
extern const char *const dg_location_preps[];

/* 1 when event class cls is one of talking together (Meeting,
 * PhoneCall, Negotiation, Summit, Visit). */
int dg_is_talk(const char *cls);

/* 1 when CAMEO code cameo ("042") is a speech act: one of CAMEO's verbal
 * categories 01, 02, 03, 051, 055, 10, 11, 12, 13. */
int dg_is_speech_act(const char *cameo);

/* 1 when event class cls is an act done to someone (Sanction,
 * Expulsion, SanctionRelief). */
int dg_is_measure(const char *cls);

/* 1 when entity is a participant of ev / when a participant of ev has
 * role r. */
int dg_event_has(const dg_event *ev, int entity);
int dg_event_has_role(const dg_event *ev, dg_role r);

/* Adds entity as a participant of ev with role; an entity there already
 * keeps its role unless that is DG_ROLE_PARTICIPANT (it takes role).
 * Returns 1, or 0 when out of memory (ev unchanged). */
int dg_event_add_part(dg_event *ev, int entity, dg_role role);

/* 1 when token i, of a sentence whose tokens end at se, is an adverb or
 * time phrase that may stand inside a trigger phrase ("also", "this
 * morning", "on Wednesday"). */
int dg_is_interjection(const dg_doc *doc, size_t i, size_t se);

/* 1 when token i is tagged a verb or an auxiliary (after the clause
 * stage: doc->tags). */
int dg_is_verb_token(const dg_doc *doc, size_t i);

/* ------------------------------------------------------------------ */
/* actors.c                                                            */
/* ------------------------------------------------------------------ */

/* The role of the subject of trigger lx (its role column: host, visitor,
 * speaker, target; else DG_ROLE_PARTICIPANT), and the role of the
 * object facing a subject of role subj (host and visitor, speaker and
 * target; else DG_ROLE_PARTICIPANT). */
dg_role dg_subject_role(const dg_lex_entry *lx);
dg_role dg_object_role(dg_role subj);

/* The first token of the clause of the trigger at token tb in the
 * sentence starting at token sb: after the last ";", ":", "which",
 * "while" or "who" before tb, else sb. */
size_t dg_trigger_clause_start(const dg_doc *doc, size_t sb, size_t tb);

/* Adds the participants of trigger mention tc, with their roles, to ev
 * (the event being built: the last of doc->evs; the earlier events are
 * read for "they" and the like).  Sets tc->obj_end and tc->plural_only;
 * may make ev a Summit (a body's gathering) or empty its participants
 * (no event).  Returns 1, or 0 when out of memory. */
int dg_find_participants(const dg_doc *doc, dg_event *ev,
                         dg_trigger_ctx *tc);

/* The first person named in the span, or -1. */
int dg_span_person(const dg_doc *doc, dg_span sp);

/* Add to ev, with role, the actors the noun phrase sp names.
 * dg_span_people: its people ("X and Y"), without one named only as the
 * possessor of another ("Sato's defense secretary, Tomas Nowak").
 * dg_span_actors: those people, else whom its pronoun or plural
 * reference stands for, else the states and organizations it names. */
int dg_span_people(const dg_doc *doc, dg_event *ev, dg_span sp,
                   dg_role role, int *found);
int dg_span_actors(const dg_doc *doc, dg_event *ev, dg_span sp,
                   dg_role role, int *found);

/* Verb lemmas (NULL-terminated) that ease a measure ("lift", "ease"),
 * and those whose object is an event their subject takes part in
 * ("hold", "pay", "attend"). */
extern const char *const dg_easing_lemmas[];
extern const char *const dg_support_lemmas[];

/* ------------------------------------------------------------------ */
/* mood.c                                                              */
/* ------------------------------------------------------------------ */

/* 1 when a future cue ("will", "invited", "tomorrow"; "next", "ready"
 * just before it) stands in the clause of the trigger at token tb, from
 * token cb on; else 0. */
int dg_trigger_mood(const dg_doc *doc, size_t cb, size_t tb);

/* The mood of trigger mention tc from its clause and the clauses above
 * it (needs the clause stage): -1 when the text does not report the
 * event as happened or decided (negated, hypothetical, refused, wished,
 * cancelled), 1 when it is planned, else 0. */
int dg_clause_mood(const dg_doc *doc, const dg_trigger_ctx *tc);

/* 1 when the verb trigger tc is the verb of an infinitive clause
 * ("scheduled to welcome", "plans to condemn"): an act only planned,
 * which a speech act is not yet (events.c); else 0. */
int dg_planned_infinitive(const dg_doc *doc, const dg_trigger_ctx *tc);

/* ------------------------------------------------------------------ */
/* event_filters.c                                                     */
/* ------------------------------------------------------------------ */

/* 1 when ev, of trigger lx, has the counterpart the trigger needs: two
 * sides for a joint activity, someone in the object's role for a verb
 * that needs its object (a visitor for "hosted"); passive: the trigger's
 * clause is passive. */
int dg_has_counterpart(const dg_event *ev, const dg_lex_entry *lx,
                       int passive);

/* 1 when trigger mention tc names no diplomatic event: its clause is
 * about sport or business (dg_not_diplomatic); the subject of its verb
 * is soldiers, craft or people on the move (dg_deployed_subject); the
 * object of its verb of signing is a document one signs alone
 * (dg_signs_alone); its "call" names or convenes rather than phones
 * (dg_call_names_object). */
int dg_not_diplomatic(const dg_doc *doc, const dg_trigger_ctx *tc);
int dg_deployed_subject(const dg_doc *doc, const dg_trigger_ctx *tc);
int dg_signs_alone(const dg_doc *doc, const dg_trigger_ctx *tc);
int dg_call_names_object(const dg_doc *doc, const dg_trigger_ctx *tc);
/* Is a noun trigger what its clause talks about ("conferred about the
 * talks with X"), in a phrase of "about", "regarding" or "concerning"? */
int dg_subject_matter(const dg_doc *doc, const dg_trigger_ctx *tc);
/* Is a talk with one state its own body meeting ("the cabinet met")? */
int dg_domestic_meeting(const dg_doc *doc, const dg_trigger_ctx *tc,
                        const dg_event *ev);

/* 1 when the noun trigger at tokens [tb, te), in a sentence whose tokens
 * end at se, modifies the noun after it ("travel curbs") rather than
 * heading its phrase. */
int dg_noun_modifier(const dg_doc *doc, size_t tb, size_t te, size_t se);

#endif /* DIPLOGRAPH_EVENTS_INTERNAL_H */
