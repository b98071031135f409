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

/* An organization found by pattern, not in the gazetteer: keyed by its
 * folded name, labelled as written. */
static int resolve_pattern_org(dg_doc *doc, size_t k)
{
    dg_mention *m = &doc->ments[k];
    char *key = name_key(doc, m->tok_b, m->tok_e);
    char *label = span_text(doc, m->tok_b, m->tok_e);
    int e = -1;

    if (key && label && (e = find_entity(doc, DG_ENT_ORG, key)) < 0)
        e = new_entity(doc, DG_ENT_ORG, key, label, NULL, (int)k);
    free(key);
    free(label);
    m->entity = e;
    return e >= 0;
}

/* Resolves a gazetteer mention (state, demonym, organization, place). */
static int resolve_gazetteer(dg_doc *doc, size_t k)
{
    dg_mention *m = &doc->ments[k];
    const dg_lex_entry *lx = m->lex;
    char *surface;
    int e;

    if (!lx)
        return resolve_pattern_org(doc, k);
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

/* Do two multi-word name keys name one person (same first and last
 * words)? */
static int same_person(const char *a, const char *b)
{
    const char *fa, *fb, *la, *lb;
    size_t na = key_words(a), nb = key_words(b);
    size_t lfa = key_word(a, 0, &fa), lfb = key_word(b, 0, &fb);
    size_t lla = key_word(a, na - 1, &la), llb = key_word(b, nb - 1, &lb);

    return lfa == lfb && memcmp(fa, fb, lfa) == 0 && lla == llb &&
           memcmp(la, lb, lla) == 0;
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

/* Mention k names person e (its surface may become the label), or, when
 * e is -1, a new person keyed ekey.  Returns 0 when out of memory. */
static int join_person(dg_doc *doc, size_t k, int e, const char *ekey)
{
    dg_mention *m = &doc->ments[k];
    char *s = span_text(doc, m->tok_b, m->tok_e);
    int ok;

    if (!s)
        return 0;
    if (e < 0) {
        e = new_entity(doc, DG_ENT_PERSON, ekey, s, m->lex, (int)k);
        ok = e >= 0;
    } else {
        ok = offer_label(&doc->ents[e], s);
    }
    free(s);
    if (ok)
        m->entity = e;
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

/* One-word person mention: joins the most recent person whose name holds
 * the word, else becomes a person of its own. */
static int resolve_short_name(dg_doc *doc, size_t k, const char *key)
{
    dg_mention *m = &doc->ments[k];
    int e = -1;
    size_t j;

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

static int add_post(dg_entity *en, const char *surface, const char *canon,
                    int in, size_t sent)
{
    size_t i;
    struct dg_post *p;

    for (i = 0; i < en->nposts; i++) {
        p = &en->posts[i];
        if (strcmp(p->canon, canon) == 0 || title_generalizes(canon, p->canon)) {
            if (p->in < 0)
                p->in = in;
            return 1;
        }
        if (title_generalizes(p->canon, canon)) {
            char *t = strdup(surface);
            if (!t)
                return 0;
            free(p->title);
            p->title = t;
            p->canon = canon;
            if (in >= 0)
                p->in = in;
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

static int is_honorific(const dg_mention *t)
{
    return t->lex->cls && strcmp(t->lex->cls, "honorific") == 0;
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
        if (!t)
            continue; /* "Mr." is no post */
        in = title_state(doc, t);
        if (in < 0)
            in = gazetteer_state(doc, &doc->ents[m->entity], t->lex->label);
        if (in < 0 && t->lex->country)
            in = country_entity(doc, t->lex->country, -1);
        if (!(surface = span_text(doc, t->tok_b, t->tok_e)))
            return 0;
        ok = add_post(&doc->ents[m->entity], surface, t->lex->label, in,
                      doc->toks[t->tok_b].sent);
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
                                         doc->toks[m->tok_b].sent);
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
        /* a name's title is a few mentions before or after it ("President
         * of Russia Ivan Petrov", "Li Wei, China's foreign minister") */
        for (j = k > 4 ? k - 4 : 0; j < doc->nments && j <= k + 4; j++)
            if (doc->ments[j].title == (int)k)
                named = 1;
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
