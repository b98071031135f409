/*
 * topics.c: the issues an event is about, part of the events stage.
 *
 * Topics come from the phrases a cue introduces ("discussed X, Y and Z",
 * "including X", "on X", "such as X"), from list items (bullets) after an
 * event, and from the topic scheme's keywords (topics.tsv: the text's
 * own words, filed under the scheme's concept).  A phrase is kept when it
 * holds a scheme keyword or names a state, place, organization or
 * person, and is not about a relationship as such ("the U.S.-China
 * relationship") or only a list of examples ("including China, France").
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_TOPIC_TOKENS 10
#define MAX_BULLET_TOKENS 30

/* Cues that introduce the topics of a discussion. */
static const char *const topic_cues[] = {
    "discuss", "discussed", "discussing", "discusses", "address",
    "addressed", "addressing", "including", "on", "about", "regarding",
    "raised", "covered", "concerning", "over", "conferred", "reviewed",
    "as", NULL
};

/* Heads of phrases about a relationship as such, not an issue. */
static const char *const relation_heads[] = {
    "relationship", "relations", "ties", "relation", "partnership",
    "dialogue", "cooperation", "interests", NULL
};

/* Leading words dropped from a topic phrase. */
static const char *const topic_skip[] = {
    "the", "a", "an", "their", "our", "its", "his", "her", "other", "various",
    "several", "both", "all", "and", "or", "of", "such", "as", "issues",
    "issue", "how", "to", "in", "on", "particular", "including", "also", "margins",
    "margin", "sidelines", "sideline", NULL
};

/* The scheme topic a token range mentions, or NULL. */
static const dg_lex_entry *scheme_topic(const dg_doc *doc, size_t b, size_t e)
{
    size_t i;

    for (i = b; i < e; i++) {
        const dg_lex_entry *hits[4];
        size_t nh = 0;
        if (dg_lexicon_match(doc->lex, doc->text, doc->toks, e, i,
                             1u << DG_LEX_TOPIC, hits, 4, &nh) > 0 && nh > 0)
            return hits[0];
    }
    return NULL;
}

static int names_something(const dg_doc *doc, size_t b, size_t e)
{
    size_t k;

    for (k = dg_mentions_from(doc, b); k < doc->nments && doc->ments[k].tok_b < e; k++) {
        const dg_mention *m = &doc->ments[k];
        if (m->tok_b >= b && m->tok_e <= e && m->entity >= 0 &&
            doc->ents[m->entity].kind != DG_ENT_PERSON)
            return 1;
    }
    return 0;
}

/* The end of [b, e) before the first date expression in it (with the
 * preposition before that), or e. */
static size_t before_date(const dg_doc *doc, size_t b, size_t e)
{
    dg_date_expr ex[1];

    if (b >= e || dg_dates_find(doc->text, doc->toks, b, e, &doc->date, ex,
                                1) == 0 || ex[0].tok_b <= b)
        return e;
    e = ex[0].tok_b;
    if (e > b && (dg_tok_is(&doc->toks[e - 1], "on") ||
                  dg_tok_is(&doc->toks[e - 1], "in")))
        e--;
    return e;
}

/* Adds the text of tokens [b, e) as a topic of ev (key: its scheme
 * topic, or NULL).  Returns 0 when out of memory. */
static int add_span_topic(const dg_doc *doc, dg_event *ev, size_t b,
                          size_t e, const char *key)
{
    size_t len = doc->toks[e - 1].e - doc->toks[b].b;
    char *label = malloc(len + 1);
    int ok;

    if (!label)
        return 0;
    memcpy(label, doc->text + doc->toks[b].b, len);
    label[len] = '\0';
    ok = dg_event_add_topic(ev, label, key);
    free(label);
    return ok;
}

/* Is [b, e) nothing but entity names (and "and", commas)? */
static int only_names(const dg_doc *doc, size_t b, size_t e)
{
    size_t i;

    for (i = b; i < e; i++)
        if (dg_mention_at(doc, i) < 0 && !dg_tok_is(&doc->toks[i], "and") &&
            !dg_tok_is(&doc->toks[i], ",") && !dg_tok_is(&doc->toks[i], "the"))
            return 0;
    return 1;
}

/* Adds the phrase [b, e) as a topic of ev if it is worth one; a list
 * example ("including China, France") names no topic unless the cue was
 * a discussion verb (names_ok). */
static int add_phrase_topic(const dg_doc *doc, dg_event *ev, size_t b,
                            size_t e, int names_ok)
{
    const dg_lex_entry *st;

    while (b < e && (dg_word_in(topic_skip, doc->toks[b].norm) ||
                     (doc->toks[b].flags & DG_TOK_PUNCT)))
        b++;
    while (e > b && ((doc->toks[e - 1].flags & DG_TOK_PUNCT) ||
                     dg_word_in(topic_skip, doc->toks[e - 1].norm)))
        e--;
    e = before_date(doc, b, e); /* "Iran on Monday over ...": no date */
    while (e > b && ((doc->toks[e - 1].flags & DG_TOK_PUNCT) ||
                     dg_word_in(topic_skip, doc->toks[e - 1].norm)))
        e--;
    if (b >= e || e - b > MAX_TOPIC_TOKENS)
        return 1;
    if (!names_ok && only_names(doc, b, e))
        return 1;
    st = scheme_topic(doc, b, e);
    if (!st && (!names_something(doc, b, e) ||
                dg_word_in(relation_heads, doc->toks[e - 1].norm)))
        return 1;
    return add_span_topic(doc, ev, b, e, st ? st->key : NULL);
}

/* A list item line: "- continue the support of Ukraine ...". */
int dg_is_bullet(const dg_token *t)
{
    return (t->flags & DG_TOK_PUNCT) &&
           (dg_tok_is(t, "-") || dg_tok_is(t, "*") || dg_tok_is(t, "\xe2\x80\xa2"));
}

/* A list item as one topic phrase, when it names a scheme keyword or an
 * entity (at most MAX_BULLET_TOKENS). */
int dg_topics_of_bullet(const dg_doc *doc, dg_event *ev, size_t b,
                            size_t e)
{

    while (e > b && (doc->toks[e - 1].flags & DG_TOK_PUNCT))
        e--;
    if (b >= e || e - b > MAX_BULLET_TOKENS ||
        (!scheme_topic(doc, b, e) && !names_something(doc, b, e)))
        return 1;
    return add_span_topic(doc, ev, b, e, NULL);
}

/* Does [b, e) open with a date ("Sunday for talks ...")? */
static int starts_with_date(const dg_doc *doc, size_t b, size_t e)
{
    dg_date_expr ex[1];

    /* only the phrase's opening words can start it */
    return b < e && dg_dates_find(doc->text, doc->toks, b, b + 4 < e ? b + 4 : e,
                                  &doc->date, ex, 1) == 1 && ex[0].tok_b == b;
}

/* A lower-case word in -ed ("summoned", "agreed"): a verb, for cutting
 * a topic list where a new clause begins. */
static int past_verb(const dg_token *t)
{
    size_t n = strlen(t->norm);

    return (t->flags & DG_TOK_WORD) && !(t->flags & DG_TOK_CAP) && n > 4 &&
           strcmp(t->norm + n - 2, "ed") == 0;
}

/* The last item of a list "X, Y and Z": when items came before it, its
 * "and" separates two items; the whole phrase is kept too. */
static int add_last_items(const dg_doc *doc, dg_event *ev, size_t b,
                          size_t e, int names_ok, int items)
{
    size_t k;

    if (!add_phrase_topic(doc, ev, b, e, names_ok))
        return 0;
    if (items == 0)
        return 1;
    for (k = b; k < e; k++)
        if (dg_tok_is(&doc->toks[k], "and") || dg_tok_is(&doc->toks[k], "or"))
            return add_phrase_topic(doc, ev, b, k, names_ok) &&
                   add_phrase_topic(doc, ev, k + 1, e, names_ok);
    return 1;
}

/* Splits the list after a topic cue at commas and "and"/"or" after a
 * comma, up to the end of the clause. */
int dg_topics_after(const dg_doc *doc, dg_event *ev, size_t i, size_t se,
                         int names_ok)
{
    size_t b = i, j;
    int items = 0;

    for (j = i; j <= se; j++) {
        int cut = j == se;
        if (!cut) {
            const dg_token *t = &doc->toks[j];
            if (dg_tok_is(t, ";") || dg_tok_is(t, ":") || dg_tok_is(t, "which") ||
                dg_tok_is(t, "while") || dg_tok_is(t, "where") || dg_tok_is(t, "that"))
                return add_last_items(doc, ev, b, j, names_ok, items);
            cut = dg_tok_is(t, ",") || dg_tok_is(t, "(") || dg_tok_is(t, ")");
            /* "the sanctions and summoned the ambassador": a new clause */
            if (dg_tok_is(t, "and") && j + 1 < se && past_verb(&doc->toks[j + 1]))
                return add_last_items(doc, ev, b, j, names_ok, items);
        }
        if (cut) {
            if (!starts_with_date(doc, b, j) &&
                !(j == se ? add_last_items(doc, ev, b, j, names_ok, items)
                          : add_phrase_topic(doc, ev, b, j, names_ok)))
                return 0;
            items++;
            b = j + 1;
        }
    }
    return 1;
}

/* Is the text of tokens [b, e) part of a topic label ev has already? */
static int in_topic_labels(const dg_doc *doc, const dg_event *ev, size_t b,
                           size_t e)
{
    size_t len = doc->toks[e - 1].e - doc->toks[b].b, i;

    for (i = 0; i < ev->ntopics; i++) {
        const char *l = ev->topics[i];
        size_t ll = strlen(l), k;
        for (k = 0; k + len <= ll; k++)
            if (memcmp(l + k, doc->text + doc->toks[b].b, len) == 0)
                return 1;
    }
    return 0;
}

/* Is token i part of the acting side's own name, not an issue: the state
 * of a title ("Iranian Foreign Minister"), or the actor (not the target)
 * of a criticism, sanction or expulsion ("the European Union imposed")? */
static int actor_word(const dg_doc *doc, const dg_event *ev, size_t i)
{
    int k = dg_mention_at(doc, i);
    size_t p;

    if (k < 0)
        return 0;
    if (doc->ments[k].title_state)
        return 1;
    if (strcmp(ev->cls, "Criticism") != 0 && strcmp(ev->cls, "Sanction") != 0 &&
        strcmp(ev->cls, "Expulsion") != 0)
        return 0;
    for (p = 0; p < ev->nparts; p++)
        if (ev->parts[p].entity == doc->ments[k].entity &&
            ev->parts[p].role != DG_ROLE_TARGET)
            return 1;
    return 0;
}

/* Scheme topics whose keywords sentence s holds outside the phrases
 * already taken ("... the Iran nuclear deal" -> Nuclear programs). */
static int keyword_topics(const dg_doc *doc, dg_event *ev, size_t s)
{
    size_t sb = doc->sents[s].tok_b, se = doc->sents[s].tok_e, i;

    for (i = sb; i < se; i++) {
        const dg_lex_entry *hits[4];
        size_t nh = 0, n = dg_lexicon_match(doc->lex, doc->text, doc->toks,
                                            se, i, 1u << DG_LEX_TOPIC, hits,
                                            4, &nh);
        if (n == 0 || nh == 0)
            continue;
        if (!in_topic_labels(doc, ev, i, i + n) && !actor_word(doc, ev, i)) {
            /* the text's own words, filed under the scheme's concept */
            if (!add_span_topic(doc, ev, i, i + n, hits[0]->key))
                return 0;
        }
        i += n - 1;
    }
    return 1;
}

int dg_topics_of_sentence(const dg_doc *doc, dg_event *ev, size_t s)
{
    size_t sb = doc->sents[s].tok_b, se = doc->sents[s].tok_e, i;

    for (i = sb; i < se; i++) {
        if (!dg_word_in(topic_cues, doc->toks[i].norm) || dg_mention_at(doc, i) >= 0)
            continue;
        if (dg_tok_is(&doc->toks[i], "as") &&
            !(i > sb && dg_tok_is(&doc->toks[i - 1], "such")))
            continue;
        if (!dg_topics_after(doc, ev, i + 1, se,
                           !dg_tok_is(&doc->toks[i], "including") &&
                           !dg_tok_is(&doc->toks[i], "as")))
            return 0;
    }
    return keyword_topics(doc, ev, s);
}
