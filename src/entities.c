/*
 * entities.c: coreference inside one article, turning mentions into
 * entities, and the posts people hold.
 *
 * States, organizations and places resolve through their gazetteer key
 * (ISO 3166-1 alpha-3 for states), so "U.S.", "US" and "the United
 * States" are one entity; a demonym ("Chinese") or a capital standing for
 * its state ("Moscow said") refers to the state.  People resolve by name:
 * two names are one person when they share their first and last words
 * ("Kenji T. Sato" = "Kenji Sato"), and a one-word mention joins
 * the person whose name holds that word ("Sato", "Li"), the most
 * recently mentioned one if several do.  Titles without a name ("the
 * Secretary", "the Foreign Secretary") join the person who holds that
 * post in the article, when exactly one does.
 *
 * Entity keys, from which IRIs are minted, depend on the name only (a
 * person's words without initials, folded), so the same person gets the
 * same IRI in every article.
 */
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SPELLS 32   /* posts one person held, in people.tsv */
#define SHORT_NAME_LOOKBACK 500 /* mentions looked back at for "Sato" */

/* The text of tokens [b, e) (malloc'd). */
static char *span_text(const dg_doc *doc, size_t b, size_t e)
{
    size_t len = doc->toks[e - 1].e - doc->toks[b].b;
    char *s = malloc(len + 1);

    if (!s)
        return NULL;
    memcpy(s, doc->text + doc->toks[b].b, len);
    s[len] = '\0';
    return s;
}

static int is_initial(const dg_token *t)
{
    return (t->flags & DG_TOK_ABBREV) && t->e - t->b <= 3;
}

/* The folded words of a name, without initials and hyphens, joined by
 * single spaces (malloc'd). */
static char *name_key(const dg_doc *doc, size_t b, size_t e)
{
    size_t i, len = 1;
    char *k, *p;

    for (i = b; i < e; i++)
        len += strlen(doc->toks[i].norm) + 1;
    if (!(k = malloc(len)))
        return NULL;
    p = k;
    for (i = b; i < e; i++) {
        const dg_token *t = &doc->toks[i];
        if (is_initial(t) || !(t->flags & DG_TOK_WORD))
            continue;
        if (p != k)
            *p++ = ' ';
        size_t n = strlen(t->norm);
        memcpy(p, t->norm, n);
        p += n;
    }
    *p = '\0';
    return k;
}

static int add_alt(dg_entity *en, const char *s)
{
    size_t i;
    char **p;

    if (strcmp(en->label, s) == 0)
        return 1;
    for (i = 0; i < en->nalts; i++)
        if (strcmp(en->alts[i], s) == 0)
            return 1;
    p = realloc(en->alts, (en->nalts + 1) * sizeof *p);
    if (!p)
        return 0;
    en->alts = p;
    if (!(en->alts[en->nalts] = strdup(s)))
        return 0;
    en->nalts++;
    return 1;
}

/* Sets label to s when s is longer (in bytes), keeping the old one as an
 * alternative. */
static int offer_label(dg_entity *en, const char *s)
{
    if (strlen(s) > strlen(en->label)) {
        char *old = en->label;
        if (!(en->label = strdup(s))) {
            en->label = old;
            return 0;
        }
        int ok = add_alt(en, old);
        free(old);
        return ok;
    }
    return add_alt(en, s);
}

/* FNV-1a of (kind, key): the slot in doc->ent_index to start at. */
static size_t entity_hash(dg_ent_kind kind, const char *key)
{
    size_t h = 2166136261u ^ (size_t)kind;

    for (; *key; key++)
        h = (h ^ (unsigned char)*key) * 16777619u;
    return h;
}

static int find_entity(const dg_doc *doc, dg_ent_kind kind, const char *key)
{
    size_t mask = doc->ent_index_cap - 1, i;

    if (!doc->ent_index)
        return -1;
    for (i = entity_hash(kind, key) & mask; doc->ent_index[i] >= 0;
         i = (i + 1) & mask) {
        const dg_entity *en = &doc->ents[doc->ent_index[i]];
        if (en->kind == kind && strcmp(en->key, key) == 0)
            return doc->ent_index[i];
    }
    return -1;
}

/* Puts entity e into the index, growing it to keep it half empty.
 * Returns 0 when out of memory. */
static int index_entity(dg_doc *doc, int e)
{
    size_t i, mask;

    if ((doc->nents + 1) * 2 > doc->ent_index_cap) {
        size_t cap = doc->ent_index_cap ? doc->ent_index_cap * 2 : 64, k;
        int *t = malloc(cap * sizeof *t);
        if (!t)
            return 0;
        for (k = 0; k < cap; k++)
            t[k] = -1;
        free(doc->ent_index);
        doc->ent_index = t;
        doc->ent_index_cap = cap;
        for (k = 0; k < (size_t)e; k++) /* the entities before e */
            if (!index_entity(doc, (int)k))
                return 0;
    }
    mask = doc->ent_index_cap - 1;
    for (i = entity_hash(doc->ents[e].kind, doc->ents[e].key) & mask;
         doc->ent_index[i] >= 0; i = (i + 1) & mask)
        ;
    doc->ent_index[i] = e;
    return 1;
}

static int new_entity(dg_doc *doc, dg_ent_kind kind, const char *key,
                      const char *label, const dg_lex_entry *lex, int ment)
{
    dg_entity *en;

    if (doc->nents == doc->cap_ents) {
        size_t cap = doc->cap_ents ? doc->cap_ents * 2 : 32;
        dg_entity *p = realloc(doc->ents, cap * sizeof *p);
        if (!p)
            return -1;
        doc->ents = p;
        doc->cap_ents = cap;
    }
    en = &doc->ents[doc->nents];
    memset(en, 0, sizeof *en);
    en->kind = kind;
    en->key = strdup(key);
    en->label = strdup(label);
    en->lex = lex;
    en->country = -1;
    en->located_in = -1;
    en->first_ment = ment;
    if (!en->key || !en->label || !index_entity(doc, (int)doc->nents)) {
        free(en->key);
        free(en->label);
        return -1;
    }
    return (int)doc->nents++;
}

/* The entity of a state by ISO code, created on first use. */
static int country_entity(dg_doc *doc, const char *iso, int ment)
{
    int e = find_entity(doc, DG_ENT_COUNTRY, iso);
    const dg_lex_entry *c;

    if (e >= 0) {
        if (doc->ents[e].first_ment < 0)
            doc->ents[e].first_ment = ment;
        return e;
    }
    c = dg_lexicon_country(doc->lex, iso);
    return new_entity(doc, DG_ENT_COUNTRY, iso, c ? c->label : iso, c, ment);
}

/* The key of an organization or place found by pattern: its folded
 * words, a state it starts with ("Ruritanian", "Ruritania") written as the
 * state's ISO code, so that both spellings key one organization
 * (malloc'd). */
static char *pattern_key(const dg_doc *doc, const dg_mention *m)
{
    const dg_lex_entry *hits[8];
    size_t nh = 0, n, len;
    char *rest, *key;

    n = dg_lexicon_match(doc->lex, doc->text, doc->toks, m->tok_e, m->tok_b,
                         (1u << DG_LEX_COUNTRY) | (1u << DG_LEX_DEMONYM), hits,
                         8, &nh);
    if (m->kind != DG_ENT_ORG || n == 0 || n >= m->tok_e - m->tok_b ||
        !hits[0]->country)
        return name_key(doc, m->tok_b, m->tok_e);
    if (!(rest = name_key(doc, m->tok_b + n, m->tok_e)))
        return NULL;
    len = strlen(rest) + 8;
    if ((key = malloc(len)) != NULL) {
        size_t i;
        snprintf(key, len, "%s %s", hits[0]->country, rest);
        for (i = 0; i < 3 && key[i]; i++)
            key[i] = (char)(key[i] - 'A' + 'a');
    }
    free(rest);
    return key;
}

/* Is key a (two words or more) the first words of key b? */
static int key_prefix(const char *a, const char *b)
{
    size_t la = strlen(a);

    return strchr(a, ' ') && strncmp(a, b, la) == 0 && b[la] == ' ';
}

/* An organization found by pattern earlier whose key starts like key
 * ("Ruritania Energy Commission" and the "Ruritanian Energy Commission on
 * Human Rights"), or -1. */
static int pattern_org_like(const dg_doc *doc, const char *key)
{
    size_t i;

    for (i = 0; i < doc->nents; i++)
        if (doc->ents[i].kind == DG_ENT_ORG && !doc->ents[i].lex &&
            (key_prefix(key, doc->ents[i].key) ||
             key_prefix(doc->ents[i].key, key)))
            return (int)i;
    return -1;
}

/* An organization or place found by pattern, not in the gazetteer:
 * keyed by its folded name (pattern_key), labelled with its fullest
 * form; a town's state ("Kilo, Ruritania") is the state it lies in. */
static int resolve_pattern(dg_doc *doc, size_t k)
{
    dg_mention *m = &doc->ments[k];
    char *key = pattern_key(doc, m);
    char *label = span_text(doc, m->tok_b, m->tok_e);
    int e = -1, ok = 0;

    if (key && label) {
        if ((e = find_entity(doc, m->kind, key)) < 0 && m->kind == DG_ENT_ORG)
            e = pattern_org_like(doc, key);
        if (e < 0)
            e = new_entity(doc, m->kind, key, label, NULL, (int)k);
        ok = e >= 0 && offer_label(&doc->ents[e], label);
    }
    free(key);
    free(label);
    if (!ok)
        return 0;
    m->entity = e;
    if (m->kind == DG_ENT_PLACE && m->title_country >= 0 &&
        doc->ents[e].country < 0 && doc->ments[m->title_country].lex) {
        int c = country_entity(doc, doc->ments[m->title_country].lex->key,
                               -1);
        if (c < 0)
            return 0;
        doc->ents[e].country = c;
    }
    return 1;
}

/* The ISO code of the state a state, demonym or capital mention names,
 * or NULL. */
static const char *state_code(const dg_mention *m)
{
    if (!m->lex || (m->kind != DG_ENT_COUNTRY && !m->metonymy))
        return NULL;
    return m->type == DG_MENT_DEMONYM || m->metonymy ? m->lex->country
                                                    : m->lex->key;
}

/* Datelines open a news story: "KILO, Feb. 2 -", "KILO (Agency) -".  Up
 * to this many sentences (a byline and an agency line may come first)
 * are looked at. */
#define DATELINE_SENTENCES 4

/* The state of the article's dateline: a place or state mention that
 * starts one of its first sentences, followed by ",", "(", ":" or a
 * dash; NULL when none. */
static const char *dateline_state(const dg_doc *doc)
{
    size_t k;

    for (k = 0; k < doc->nments; k++) {
        const dg_mention *m = &doc->ments[k];
        size_t s = doc->toks[m->tok_b].sent;
        const dg_token *nx;
        if (s >= DATELINE_SENTENCES)
            return NULL;
        if (m->tok_b != doc->sents[s].tok_b || m->type != DG_MENT_NAME ||
            !m->lex || m->tok_e >= doc->ntoks)
            continue;
        nx = &doc->toks[m->tok_e];
        if (!dg_tok_is(nx, ",") && !dg_tok_is(nx, "(") && !dg_tok_is(nx, ":") &&
            !dg_tok_is(nx, "-") && !dg_tok_is(nx, "\xe2\x80\x93") &&
            !dg_tok_is(nx, "\xe2\x80\x94"))
            continue;
        if (m->kind == DG_ENT_COUNTRY)
            return m->lex->key;
        if (m->kind == DG_ENT_PLACE && m->lex->country)
            return m->lex->country;
    }
    return NULL;
}

/* The canonical demonym of a state ("Japanese"), or NULL. */
static const char *demonym_of(const dg_doc *doc, const char *code)
{
    const dg_lex_entry *const *all;
    size_t n = dg_lexicon_entries(doc->lex, DG_LEX_DEMONYM, &all), i;

    for (i = 0; i < n; i++)
        if (all[i]->country && strcmp(all[i]->country, code) == 0)
            return all[i]->label;
    return NULL;
}

/* The gazetteer's organization of state `code` written `name`, or NULL. */
static const dg_lex_entry *org_named(const dg_doc *doc, const char *name,
                                     const char *code)
{
    const dg_lex_entry *hits[8];
    size_t n = dg_lexicon_named(doc->lex, name, 1u << DG_LEX_ORG, hits, 8), i;

    for (i = 0; i < n; i++)
        if (hits[i]->country && strcmp(hits[i]->country, code) == 0)
            return hits[i];
    return NULL;
}

/* The ministry `generic` ("Foreign Ministry") of state code: the
 * gazetteer's entry for it ("Japanese Foreign Ministry") when there is
 * one, else an organization labelled "<demonym> <ministry>" (or
 * "<ministry> of <state>") and keyed by that label.  Returns the entity
 * or -1 (no memory). */
static int ministry_entity(dg_doc *doc, const dg_lex_entry *generic,
                           const char *code, int ment)
{
    const char *dem = demonym_of(doc, code);
    const dg_lex_entry *st = dg_lexicon_country(doc->lex, code), *own;
    size_t n = strlen(generic->label) + 64 +
               (dem ? strlen(dem) : st ? strlen(st->label) : 0);
    char *label = malloc(n);
    int e, c;

    if (!label)
        return -1;
    if (dem)
        snprintf(label, n, "%s %s", dem, generic->label);
    else
        snprintf(label, n, "%s of %s", generic->label, st ? st->label : code);
    if ((own = org_named(doc, label, code)) != NULL) {
        free(label);
        if ((e = find_entity(doc, DG_ENT_ORG, own->key)) < 0)
            e = new_entity(doc, DG_ENT_ORG, own->key, own->label, own, ment);
        return e;
    }
    if ((e = find_entity(doc, DG_ENT_ORG, label)) < 0 &&
        (e = new_entity(doc, DG_ENT_ORG, label, label, generic, ment)) >= 0) {
        if ((c = country_entity(doc, code, -1)) < 0)
            e = -1;
        else
            doc->ents[e].country = c;
    }
    free(label);
    return e;
}

/* A ministry the gazetteer gives no state ("foreign ministry"): the
 * ministry of the state before or after it ("Japan's", "of Japan"), else
 * the one its last mention in the article was, else the dateline
 * state's; with none, it names no entity.  Returns 0 when out of memory. */
static int resolve_ministry(dg_doc *doc, size_t k)
{
    dg_mention *m = &doc->ments[k];
    const char *code = m->title_country >= 0 ?
                       state_code(&doc->ments[m->title_country]) : NULL;
    char *surface;
    size_t j;
    int e = -1, ok;

    for (j = k; !code && e < 0 && j-- > 0;) {
        const dg_mention *o = &doc->ments[j];
        if (o->type == DG_MENT_NAME && o->lex && o->entity >= 0 &&
            dg_generic_ministry(o->lex) && strcmp(o->lex->key, m->lex->key) == 0)
            e = o->entity;
    }
    if (e < 0 && !code && !(code = dateline_state(doc)))
        return 1;
    if (e < 0 && (e = ministry_entity(doc, m->lex, code, (int)k)) < 0)
        return 0;
    m->entity = e;
    if (!(surface = span_text(doc, m->tok_b, m->tok_e)))
        return 0;
    ok = add_alt(&doc->ents[e], surface);
    free(surface);
    return ok;
}

/* Resolves a gazetteer mention (state, demonym, organization, place). */
static int resolve_gazetteer(dg_doc *doc, size_t k)
{
    dg_mention *m = &doc->ments[k];
    const dg_lex_entry *lx = m->lex;
    char *surface;
    int e;

    if (!lx)
        return resolve_pattern(doc, k);
    if (dg_generic_ministry(lx))
        return resolve_ministry(doc, k);
    if (m->type == DG_MENT_DEMONYM || m->metonymy) {
        m->entity = lx->country ? country_entity(doc, lx->country, (int)k) : -1;
        return m->entity >= 0 || !lx->country;
    }
    if (m->kind == DG_ENT_COUNTRY)
        e = country_entity(doc, lx->key, (int)k);
    else if ((e = find_entity(doc, m->kind, lx->key)) < 0)
        e = new_entity(doc, m->kind, lx->key, lx->label, lx, (int)k);
    if (e < 0)
        return 0;
    m->entity = e;
    if (!(surface = span_text(doc, m->tok_b, m->tok_e)))
        return 0;
    int ok = add_alt(&doc->ents[e], surface);
    free(surface);
    if (m->kind == DG_ENT_PLACE && lx->cls)
        doc->ents[e].place_cls = lx->cls;
    return ok;
}

/* Word i of a folded key (space-separated); returns its length. */
static size_t key_word(const char *key, size_t i, const char **w)
{
    const char *p = key;

    while (i-- > 0) {
        p = strchr(p, ' ');
        if (!p)
            return 0;
        p++;
    }
    *w = p;
    const char *end = strchr(p, ' ');
    return end ? (size_t)(end - p) : strlen(p);
}

static size_t key_words(const char *key)
{
    size_t n = *key ? 1 : 0;

    for (; *key; key++)
        n += *key == ' ';
    return n;
}

/* Do two multi-word name keys name one person?  They share their first
 * and last words and the shorter one's words come in the longer one in
 * order ("kenji sato" = "kenji taro sato", not "park min ho" = "park
 * jae ho"). */
static int same_person(const char *a, const char *b)
{
    const char *fa, *fb, *la, *lb, *w, *v;
    size_t na = key_words(a), nb = key_words(b), i, j, lw;
    size_t lfa = key_word(a, 0, &fa), lfb = key_word(b, 0, &fb);
    size_t lla = key_word(a, na - 1, &la), llb = key_word(b, nb - 1, &lb);

    if (lfa != lfb || memcmp(fa, fb, lfa) != 0 || lla != llb ||
        memcmp(la, lb, lla) != 0)
        return 0;
    if (na > nb) {
        const char *t = a;
        size_t tn = na;
        a = b;
        b = t;
        na = nb;
        nb = tn;
    }
    for (i = 0, j = 0; i < na && j < nb; j++) {
        lw = key_word(a, i, &w);
        if (key_word(b, j, &v) == lw && memcmp(w, v, lw) == 0)
            i++;
    }
    return i == na;
}

/* Does the name key hold the word w? */
static int key_has_word(const char *key, const char *w)
{
    size_t n = key_words(key), i, lw = strlen(w);

    for (i = 0; i < n; i++) {
        const char *p;
        size_t l = key_word(key, i, &p);
        if (l == lw && memcmp(p, w, l) == 0)
            return 1;
    }
    return 0;
}

/* The text of a name's tokens [b, e) without its initials ("Anna
 * Lindqvist" of "Anna K. Lindqvist"): the words its entity key is made of,
 * as written (malloc'd). */
static char *plain_name(const dg_doc *doc, size_t b, size_t e)
{
    char *s = malloc(doc->toks[e - 1].e - doc->toks[b].b + 1), *p = s;
    size_t i;

    if (!s)
        return NULL;
    for (i = b; i < e; i++) {
        const dg_token *t = &doc->toks[i];
        if (is_initial(t) && i > b)
            continue;
        if (p != s && (t->flags & DG_TOK_SPACE_BEFORE))
            *p++ = ' ';
        memcpy(p, doc->text + t->b, t->e - t->b);
        p += t->e - t->b;
    }
    *p = '\0';
    return s;
}

/* The person of people.tsv whose key is key ("olaf scholz"), or
 * NULL. */
static const dg_lex_entry *person_by_key(const dg_doc *doc, const char *key)
{
    const dg_lex_entry *hits[8];
    size_t n = dg_lexicon_named(doc->lex, key, 1u << DG_LEX_PERSON, hits, 8);
    size_t i;

    for (i = 0; i < n; i++)
        if (strcmp(hits[i]->key, key) == 0)
            return hits[i];
    return NULL;
}

/* Makes the people gazetteer's name the label of person en (the old
 * label stays an alternative).  Returns 0 when out of memory. */
static int take_lexicon_label(dg_entity *en, const dg_lex_entry *lx)
{
    char *old = en->label;
    int ok;

    en->lex = lx;
    if (strcmp(old, lx->label) == 0)
        return 1;
    if (!(en->label = strdup(lx->label))) {
        en->label = old;
        return 0;
    }
    ok = add_alt(en, old);
    free(old);
    return ok;
}

/* Mention k names person e, or, when e is -1, a new person keyed ekey.
 * The label is the people gazetteer's name when it knows the person,
 * else the fullest name the text gives without initials (the words of
 * the key, so that every article gives one IRI one label); every other
 * form is an alternative.  Returns 0 when out of memory. */
static int join_person(dg_doc *doc, size_t k, int e, const char *ekey)
{
    dg_mention *m = &doc->ments[k];
    const dg_lex_entry *lx = m->lex;
    char *s = span_text(doc, m->tok_b, m->tok_e);
    char *plain = plain_name(doc, m->tok_b, m->tok_e);
    dg_entity *en;
    int ok = 0;

    if (!s || !plain)
        goto out;
    if (!lx && (e < 0 || !doc->ents[e].lex))
        lx = person_by_key(doc, e < 0 ? ekey : doc->ents[e].key);
    if (e < 0 && (e = new_entity(doc, DG_ENT_PERSON, ekey, plain, NULL,
                                 (int)k)) < 0)
        goto out;
    en = &doc->ents[e];
    if (lx && !en->lex && !take_lexicon_label(en, lx))
        goto out;
    ok = (en->lex ? add_alt(en, plain) : offer_label(en, plain)) &&
         add_alt(en, s);
    if (ok)
        m->entity = e;
out:
    free(s);
    free(plain);
    return ok;
}

static int resolve_full_name(dg_doc *doc, size_t k, const char *key)
{
    dg_mention *m = &doc->ments[k];
    const char *ekey = m->lex ? m->lex->key : key;
    size_t i;
    int e = -1;

    for (i = 0; i < doc->nents && e < 0; i++)
        if (doc->ents[i].kind == DG_ENT_PERSON &&
            key_words(doc->ents[i].key) >= 2 &&
            (strcmp(doc->ents[i].key, ekey) == 0 ||
             same_person(doc->ents[i].key, key)))
            e = (int)i;
    return join_person(doc, k, e, ekey);
}

/* One-word person mention: the person the same word named before in
 * the article (a short name keeps its referent: "Lopes" stays the
 * Lopes it first was), else the most recent person whose name holds
 * the word, else (with no title: "Mr. Petrov" is not every Petrov) the
 * person people.tsv knows by that surname alone, else a person of its
 * own. */
static int resolve_short_name(dg_doc *doc, size_t k, const char *key)
{
    dg_mention *m = &doc->ments[k];
    const dg_lex_entry *lx;
    int e = -1;
    size_t j;

    for (j = k; j-- > 0 && e < 0 && j + SHORT_NAME_LOOKBACK > k;) {
        const dg_mention *o = &doc->ments[j];
        if (o->type == DG_MENT_NAME && o->kind == DG_ENT_PERSON &&
            o->entity >= 0 && o->tok_e == o->tok_b + 1 &&
            strcmp(doc->toks[o->tok_b].norm, key) == 0)
            e = o->entity;
    }
    for (j = k; j-- > 0 && e < 0 && j + SHORT_NAME_LOOKBACK > k;) {
        const dg_mention *o = &doc->ments[j];
        if (o->type == DG_MENT_NAME && o->kind == DG_ENT_PERSON &&
            o->entity >= 0 && key_has_word(doc->ents[o->entity].key, key))
            e = o->entity;
    }
    for (j = 0; j < doc->nents && e < 0; j++)
        if (doc->ents[j].kind == DG_ENT_PERSON &&
            key_has_word(doc->ents[j].key, key))
            e = (int)j;
    if (e < 0 && !m->lex && m->title < 0 && m->tok_e == m->tok_b + 1 &&
        (lx = dg_lone_surname(doc, m->tok_b)) != NULL)
        m->lex = lx; /* "Petrov said", no Petrov named in full */
    if (m->lex && e < 0)
        e = find_entity(doc, DG_ENT_PERSON, m->lex->key);
    return join_person(doc, k, e, m->lex ? m->lex->key : key);
}

/* Persons: full names first (in text order), then one-word mentions, so
 * that "President Costa ... Ana Maria da Costa" still joins. */
static int resolve_people(dg_doc *doc)
{
    size_t k;
    int pass;

    for (pass = 0; pass < 2; pass++) {
        for (k = 0; k < doc->nments; k++) {
            dg_mention *m = &doc->ments[k];
            char *key;
            int ok;
            if (m->type != DG_MENT_NAME || m->kind != DG_ENT_PERSON ||
                m->entity >= 0 || m->counterpart >= 0)
                continue;
            if (!(key = name_key(doc, m->tok_b, m->tok_e)))
                return 0;
            if (*key == '\0') {
                free(key);
                continue;
            }
            if (key_words(key) >= 2 || (m->lex && pass == 0))
                ok = pass == 0 ? resolve_full_name(doc, k, key) : 1;
            else
                ok = pass == 1 ? resolve_short_name(doc, k, key) : 1;
            free(key);
            if (!ok)
                return 0;
        }
    }
    return 1;
}

/* Is post title a a more general form of b ("Secretary" of "Secretary of
 * State", "Minister" of "Foreign Minister")? */
static int title_generalizes(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);

    if (la >= lb)
        return 0;
    if (strncmp(a, b, la) == 0 && b[la] == ' ')
        return 1;
    return strcmp(b + lb - la, a) == 0 && b[lb - la - 1] == ' ';
}

/* The canonical title of generic titles ("leader", "chief", "head"):
 * such a post of a person is the same as any other post of theirs
 * ("Chief Sato" after "Police Commissioner Kenji Sato"). */
#define GENERIC_TITLE "Head"

/* Adds the post `canon` (written `surface`) in entity `in` (-1: unknown)
 * to person en, or merges it into the same or a more general or
 * specific post en already holds (the specific title wins, a known
 * state fills an unknown one, a current holding wins over a past one).
 * Returns 0 when out of memory. */
static int add_post(dg_entity *en, const char *surface, const char *canon,
                    int in, size_t sent, int former)
{
    int generic = strcmp(canon, GENERIC_TITLE) == 0;
    size_t i;
    struct dg_post *p;

    for (i = 0; i < en->nposts; i++) {
        p = &en->posts[i];
        if (strcmp(p->canon, canon) == 0 || title_generalizes(canon, p->canon) ||
            generic) {
            if (p->in < 0)
                p->in = in;
            p->former = p->former && former;
            return 1;
        }
        if (title_generalizes(p->canon, canon) ||
            strcmp(p->canon, GENERIC_TITLE) == 0) {
            char *t = strdup(surface);
            if (!t)
                return 0;
            free(p->title);
            p->title = t;
            p->canon = canon;
            if (in >= 0)
                p->in = in;
            p->former = p->former && former;
            return 1;
        }
    }
    p = realloc(en->posts, (en->nposts + 1) * sizeof *p);
    if (!p)
        return 0;
    en->posts = p;
    p = &en->posts[en->nposts];
    if (!(p->title = strdup(surface)))
        return 0;
    p->canon = canon;
    p->in = in;
    p->sent = sent;
    p->former = former;
    en->nposts++;
    return 1;
}

/* The state (or body) a title mention is "of", as an entity, or -1. */
static int title_state(const dg_doc *doc, const dg_mention *t)
{
    if (t->title_country < 0)
        return -1;
    return doc->ments[t->title_country].entity;
}

/* Does a people.tsv spell cover the article's year (any year when the
 * article date is unknown)? */
static int spell_covers(const dg_doc *doc, const dg_lex_entry *e)
{
    int y = doc->date.prec != DG_DATE_NONE ? doc->date.year : 0;

    return y == 0 || (e->from <= y && (e->to == 0 || y <= e->to));
}

/* The state or body a person held `title` in, from the people gazetteer:
 * the spell with that title covering the article's year, else any spell
 * covering it, else any spell with that title. */
static const char *gazetteer_code(const dg_doc *doc, const dg_entity *en,
                                  const char *title)
{
    const dg_lex_entry *spells[MAX_SPELLS], *best = NULL;
    size_t n, i;
    int score = 0;

    if (!en->lex || en->lex->kind != DG_LEX_PERSON)
        return NULL;
    n = dg_lexicon_spells(doc->lex, en->lex, spells, MAX_SPELLS);
    for (i = 0; i < n; i++) {
        const dg_lex_entry *e = spells[i];
        int sc = 1 + (spell_covers(doc, e) ? 2 : 0) +
                 (title && e->cls && strcmp(e->cls, title) == 0 ? 4 : 0);
        if (sc > score) {
            score = sc;
            best = e;
        }
    }
    return best ? best->country : NULL;
}

/* The organization entry whose surface is `code` ("UN", "NATO"). */
static const dg_lex_entry *org_by_code(const dg_doc *doc, const char *code)
{
    const dg_lex_entry *const *all;
    size_t n = dg_lexicon_entries(doc->lex, DG_LEX_ORG, &all), i;

    for (i = 0; i < n; i++)
        if (strcmp(all[i]->surface, code) == 0)
            return all[i];
    return NULL;
}

/* A person's state or body for a post from the people gazetteer, as an
 * implicit entity when the article does not name it (first_ment -1:
 * linked to, but not described). */
static int gazetteer_state(dg_doc *doc, const dg_entity *en, const char *title)
{
    const char *code = gazetteer_code(doc, en, title);
    const dg_lex_entry *org;
    int e;

    if (!code)
        return -1;
    if (dg_lexicon_country(doc->lex, code))
        return country_entity(doc, code, -1);
    if (!(org = org_by_code(doc, code)))
        return -1;
    if ((e = find_entity(doc, DG_ENT_ORG, org->key)) >= 0)
        return e;
    return new_entity(doc, DG_ENT_ORG, org->key, org->label, org, -1);
}

/* Is title mention t no office: an honorific ("Mr.", "Sheikh"), a
 * military rank ("General") or a role that is no post ("coup
 * leader")? */
static int is_honorific(const dg_mention *t)
{
    const char *c = t->lex->cls;

    return c && (strcmp(c, "honorific") == 0 || strcmp(c, "rank") == 0 ||
                 strcmp(c, "role") == 0);
}

/* The post a name's title mention `ti` states: the title itself, or,
 * for an honorific ("Mr.", "Sheikh", "Prince"), an office title right
 * before it ("Foreign Minister Prince Faisal"); NULL when none. */
static const dg_mention *office_title(const dg_doc *doc, int ti)
{
    const dg_mention *t = &doc->ments[ti], *before;

    if (!is_honorific(t))
        return t;
    if (ti == 0)
        return NULL;
    before = &doc->ments[ti - 1];
    if (before->type != DG_MENT_TITLE || before->tok_e != t->tok_b ||
        is_honorific(before))
        return NULL;
    return before;
}

/* The state of a post held in a ministry ("Foreign Ministry
 * spokeswoman": the ministry's state), else entity in itself. */
static int ministry_state(dg_doc *doc, int in)
{
    const dg_entity *en = &doc->ents[in];

    if (en->kind != DG_ENT_ORG || !en->lex || !en->lex->cls ||
        strcmp(en->lex->cls, "ministry") != 0)
        return in;
    if (en->country >= 0)
        return en->country;
    return en->lex->country ? country_entity(doc, en->lex->country, -1) : in;
}

/* The state of the post of the person named right before person mention
 * k in a coordination ("Chilean President Ana Lopes and Foreign Minister
 * Jan Berg": Chile), or -1. */
static int coordinated_state(const dg_doc *doc, size_t k)
{
    const dg_mention *t = &doc->ments[doc->ments[k].title], *o;
    size_t b = t->tok_b, j, i;

    if (b < 2 || (!dg_tok_is(&doc->toks[b - 1], "and") &&
                  !dg_tok_is(&doc->toks[b - 1], ",")))
        return -1;
    for (j = k; j-- > 0;) {
        o = &doc->ments[j];
        if (o->tok_e < b - 1)
            return -1;
        if (o->tok_e != b - 1 || o->type != DG_MENT_NAME ||
            o->kind != DG_ENT_PERSON || o->entity < 0 || o->title < 0)
            continue;
        for (i = 0; i < doc->ents[o->entity].nposts; i++)
            if (doc->ents[o->entity].posts[i].sent == doc->toks[b].sent &&
                doc->ents[o->entity].posts[i].in >= 0)
                return doc->ents[o->entity].posts[i].in;
        return -1;
    }
    return -1;
}

/* Is title mention ti a person's title (a name's mention a few mentions
 * before or after it points to it: "President of Russia Ivan Petrov",
 * "Li Wei, China's foreign minister")? */
static int title_named(const dg_doc *doc, size_t ti)
{
    size_t j;

    for (j = ti > 4 ? ti - 4 : 0; j < doc->nments && j <= ti + 4; j++)
        if (doc->ments[j].title == (int)ti)
            return 1;
    return 0;
}

/* The one state that the article's title references with a state give
 * t's title ("the Chilean president" for "deposed president Ana
 * Lopes"), or -1 (none, or several). */
static int referenced_title_state(dg_doc *doc, const dg_mention *t)
{
    size_t k;
    int found = -1, in;

    for (k = 0; k < doc->nments; k++) {
        const dg_mention *o = &doc->ments[k];
        if (o->type != DG_MENT_TITLE || o == t || o->title_country < 0 ||
            strcmp(o->lex->label, t->lex->label) != 0 || title_named(doc, k) ||
            (in = title_state(doc, o)) < 0)
            continue;
        in = ministry_state(doc, in);
        if (found >= 0 && found != in)
            return -1;
        found = in;
    }
    return found;
}

/* The institution a title names after its last "of" ("Inspector-General
 * of Police": "police"), folded to lower case into buf (size n bytes);
 * 0 when the title has no such word or it does not fit. */
static int title_institution(const char *label, char *buf, size_t n)
{
    const char *of = NULL, *p;
    size_t i;

    for (p = strstr(label, " of "); p; p = strstr(p + 1, " of "))
        of = p + 4;
    if (!of || !*of || strchr(of, ' ') || strlen(of) >= n)
        return 0;
    for (i = 0; of[i]; i++)
        buf[i] = (char)tolower((unsigned char)of[i]);
    buf[i] = '\0';
    return 1;
}

/* Is mention k a demonym? */
static int is_demonym(const dg_doc *doc, size_t k)
{
    return doc->ments[k].type == DG_MENT_DEMONYM && doc->ments[k].lex &&
           doc->ments[k].lex->country;
}

/* The token after demonym mention k and the demonyms coordinated with it
 * ("Peruvian and Chilean police": "police"); ntoks at the end. */
static size_t after_demonyms(const dg_doc *doc, size_t k)
{
    size_t e = doc->ments[k].tok_e;

    while (k + 1 < doc->nments && is_demonym(doc, k + 1) && e < doc->ntoks &&
           doc->ments[k + 1].tok_b == e + 1 &&
           (dg_tok_is(&doc->toks[e], "and") || dg_tok_is(&doc->toks[e], ",") ||
            dg_tok_is(&doc->toks[e], "or")))
        e = doc->ments[++k].tok_e;
    return e;
}

/* The one state whose demonym names the institution of t's title
 * elsewhere in the article ("Malaysian police" for "Inspector-General
 * of Police Ana Lopes"), or -1 (none, or several states). */
static int institution_state(dg_doc *doc, const dg_mention *t)
{
    char word[64];
    const char *found = NULL;
    size_t k, e;

    if (!title_institution(t->lex->label, word, sizeof word))
        return -1;
    for (k = 0; k < doc->nments; k++) {
        const dg_mention *d = &doc->ments[k];
        if (!is_demonym(doc, k) ||
            (e = after_demonyms(doc, k)) >= doc->ntoks ||
            !dg_tok_is(&doc->toks[e], word))
            continue;
        if (found && strcmp(found, d->lex->country) != 0)
            return -1;
        found = d->lex->country;
    }
    return found ? country_entity(doc, found, -1) : -1;
}

/* The state or body of the post that person mention k holds by title t:
 * the state named with the person ("Jan Berg of Norway") or the title
 * ("Chinese", "of NATO"; a ministry's state), else the people
 * gazetteer's, else the title's usual state (title-countries.tsv), else
 * that of a titled person the name is coordinated with, else the one
 * state the same title has where it stands without a name ("the Chilean
 * president"), else the one state whose demonym names the title's
 * institution ("Malaysian police"), else the dateline's state; -1 when
 * none. */
static int post_in(dg_doc *doc, size_t k, const dg_mention *t)
{
    const dg_mention *m = &doc->ments[k];
    const char *code;
    int in = m->post_state >= 0 ? doc->ments[m->post_state].entity : -1;

    if (in < 0)
        in = title_state(doc, t);
    if (in >= 0)
        return ministry_state(doc, in);
    if ((in = gazetteer_state(doc, &doc->ents[m->entity], t->lex->label)) >= 0)
        return in;
    if (t->lex->country)
        return country_entity(doc, t->lex->country, -1);
    if ((in = coordinated_state(doc, k)) >= 0 ||
        (in = referenced_title_state(doc, t)) >= 0 ||
        (in = institution_state(doc, t)) >= 0)
        return in;
    code = dateline_state(doc);
    return code ? country_entity(doc, code, -1) : -1;
}

static int attach_posts(dg_doc *doc)
{
    size_t k;

    for (k = 0; k < doc->nments; k++) {
        dg_mention *m = &doc->ments[k];
        const dg_mention *t;
        char *surface;
        int in, ok;
        if (m->type != DG_MENT_NAME || m->kind != DG_ENT_PERSON ||
            m->title < 0 || m->entity < 0)
            continue;
        t = office_title(doc, m->title);
        if (!t || t->tense == DG_TENSE_FUTURE)
            continue; /* "Mr." is no post; "proposed Secretary" not yet */
        in = post_in(doc, k, t);
        surface = t->lex->flags & DG_LEXF_PLURAL ?
                  strdup(t->lex->label) : span_text(doc, t->tok_b, t->tok_e);
        if (!surface)
            return 0;
        ok = add_post(&doc->ents[m->entity], surface, t->lex->label, in,
                      doc->toks[t->tok_b].sent, t->tense == DG_TENSE_FORMER);
        free(surface);
        if (!ok)
            return 0;
    }
    return 1;
}

/* "The President of Russia" where no one holds that post in the text:
 * the person the people gazetteer knows in that post, if named here;
 * the post is then stated for them. */
static int title_from_gazetteer(dg_doc *doc, dg_mention *m)
{
    int state = m->title_country >= 0 ? doc->ments[m->title_country].entity
                                       : -1;
    size_t i;

    if (state < 0 || doc->ents[state].kind != DG_ENT_COUNTRY)
        return 1;
    for (i = 0; i < doc->nents; i++) {
        dg_entity *en = &doc->ents[i];
        const char *code;
        if (en->kind != DG_ENT_PERSON || en->first_ment < 0)
            continue;
        code = gazetteer_code(doc, en, m->lex->label);
        if (code && strcmp(code, doc->ents[state].key) == 0) {
            char *surface = span_text(doc, m->tok_b, m->tok_e);
            int ok = surface && add_post(en, surface, m->lex->label, state,
                                         doc->toks[m->tok_b].sent,
                                         m->tense == DG_TENSE_FORMER);
            free(surface);
            m->entity = (int)i;
            return ok;
        }
    }
    return 1;
}

/* Is person e named (not by title alone) in sentence s? */
static int named_in_sentence(const dg_doc *doc, int e, size_t s)
{
    size_t k;

    for (k = dg_mentions_from(doc, doc->sents[s].tok_b);
         k < doc->nments && doc->ments[k].tok_b < doc->sents[s].tok_e; k++)
        if (doc->ments[k].entity == e && doc->ments[k].type == DG_MENT_NAME)
            return 1;
    return 0;
}

/* A title standing alone ("the Secretary") joins the one person whose
 * post it names, unless that person is named in the same sentence. */
static int resolve_title_references(dg_doc *doc)
{
    size_t k, i, j;

    for (k = 0; k < doc->nments; k++) {
        dg_mention *m = &doc->ments[k];
        int found = -1, count = 0, state;
        int named = 0;
        if (m->type != DG_MENT_TITLE || (m->lex->flags & DG_LEXF_PLURAL))
            continue;
        named = title_named(doc, k);
        state = m->title_country >= 0 ? doc->ments[m->title_country].entity
                                      : -1;
        if (named || m->tok_b == 0 || (!dg_tok_is(&doc->toks[m->tok_b - 1], "the") &&
                                        !(m->tok_b == doc->sents[doc->toks[m->tok_b].sent].tok_b)))
            continue;
        for (i = 0; i < doc->nents; i++) {
            const dg_entity *en = &doc->ents[i];
            if (named_in_sentence(doc, (int)i, doc->toks[m->tok_b].sent))
                continue; /* "the Prime Minister hosted Prime Minister X" */
            for (j = 0; j < en->nposts; j++)
                if ((strcmp(en->posts[j].canon, m->lex->label) == 0 ||
                     title_generalizes(m->lex->label, en->posts[j].canon)) &&
                    (state < 0 || en->posts[j].in < 0 ||
                     en->posts[j].in == state)) {
                    if (found != (int)i)
                        count++;
                    found = (int)i;
                    break;
                }
        }
        if (count == 1)
            m->entity = found;
        else if (count == 0 && !title_from_gazetteer(doc, m))
            return 0;
    }
    return 1;
}

/* Venue -> city, city -> state, for places from the gazetteer. */
static void link_places(dg_doc *doc)
{
    size_t i;

    for (i = 0; i < doc->nents; i++) {
        dg_entity *en = &doc->ents[i];
        if (en->kind != DG_ENT_PLACE && en->kind != DG_ENT_ORG)
            continue;
        if (en->lex && en->lex->country &&
            dg_lexicon_country(doc->lex, en->lex->country))
            en->country = find_entity(doc, DG_ENT_COUNTRY, en->lex->country);
        if (en->lex && en->lex->located_in)
            en->located_in = find_entity(doc, DG_ENT_PLACE,
                                         en->lex->located_in);
    }
}

/* "his Israeli counterpart": the one person in the article holding a
 * post in that state. */
static void resolve_counterparts(dg_doc *doc)
{
    size_t k, i;

    for (k = 0; k < doc->nments; k++) {
        dg_mention *m = &doc->ments[k];
        int state, found = -1, count = 0;
        if (m->counterpart < 0 || (state = doc->ments[m->counterpart].entity) < 0)
            continue;
        for (i = 0; i < doc->nents; i++) {
            const dg_entity *en = &doc->ents[i];
            size_t j;
            if (en->kind != DG_ENT_PERSON)
                continue;
            for (j = 0; j < en->nposts; j++)
                if (en->posts[j].in == state) {
                    found = (int)i;
                    count++;
                    break;
                }
        }
        if (count == 1)
            m->entity = found;
    }
}

dg_status dg_resolve_entities(dg_doc *doc)
{
    size_t k;

    for (k = 0; k < doc->nments; k++) {
        dg_mention *m = &doc->ments[k];
        if ((m->type == DG_MENT_NAME && m->kind != DG_ENT_PERSON) ||
            m->type == DG_MENT_DEMONYM)
            if (!resolve_gazetteer(doc, k))
                return DG_ERR_NOMEM;
    }
    if (!resolve_people(doc) || !attach_posts(doc))
        return DG_ERR_NOMEM;
    if (!resolve_title_references(doc))
        return DG_ERR_NOMEM;
    resolve_counterparts(doc);
    link_places(doc);
    return DG_OK;
}
