/*
 * mentions.c: finds the mentions in an article: names from the
 * gazetteers (states, demonyms, organizations, places, titles) and
 * person names from patterns.
 *
 * Person-name patterns, tried in this order at each position:
 *   TITLE NAME            "Foreign Minister Li Wei", "Secretary Sato"
 *   TITLE of STATE NAME   "President of Russia Ivan Petrov"
 *   TITLE, NAME           "Polish Foreign Minister, Jan Kowalczyk"
 *   NAME, [STATE's] TITLE "Sara Berg, Department Spokesperson",
 *                         "Li Wei, China's foreign minister"
 *   NAME of STATE         after a title: "Prime Minister Moreau of the
 *                         United Kingdom" gives the post its state
 *   GIVEN FAMILY          two or more capitalized unknown words that hold
 *                         no organization head noun ("Joan Reyes")
 * A title's state comes from a demonym or state right before it
 * ("Chinese President", "UK Foreign Secretary", "France's Minister") or
 * from "of STATE" after it.  A single capitalized word is a person
 * mention only when it repeats a word of a person name found elsewhere
 * in the article (coreference then links them).
 *
 * A capital city that is not governed by a place preposition stands for
 * its state's government ("Moscow said", "relations with Washington").
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define NAME_MAX_TOKENS 6
#define LEX_HITS 8

/* Words inside names that stay lower case ("Ana Maria da Costa"). */
static const char *const name_particles[] = {
    "da", "de", "di", "do", "dos", "das", "del", "della", "van", "von",
    "der", "den", "bin", "ibn", "al", "el", "la", "le", "y", NULL
};

/* Head nouns that make a capitalized phrase an organization, document or
 * thing rather than a person ("Inter-American Democratic Charter"). */
static const char *const non_person_heads[] = {
    "act", "agency", "agreement", "airlines", "airport", "alliance", "army",
    "assembly", "association", "authority", "bank", "board", "bureau",
    "cabinet", "center", "centre", "charter", "church", "city", "coalition",
    "college", "command", "commission", "committee", "company", "conference",
    "congress", "convention", "corporation", "council", "court", "cup",
    "declaration", "delegation", "department", "embassy", "exchange",
    "federation", "flight", "force", "forces", "forum", "foundation", "front",
    "fund", "gardens", "government", "group", "hall", "house", "initiative",
    "institute", "island", "islands", "league", "ministerial", "ministry",
    "movement", "museum", "navy", "news", "office", "organization",
    "organisation", "palace", "parliament", "partnership", "party", "plan",
    "police", "port", "post", "process", "program", "programme", "project",
    "radio", "republic", "school", "sea", "secretariat", "senate", "service",
    "square", "station", "strategy", "street", "summit", "times", "treaty",
    "tribunal", "union", "university", "war", "day", "week", "affairs",
    "release", "press", "bureau", "happy", "merry", "relations", "bomber",
    "executive", "resolution", NULL
};

/* Prepositions after which a capital city is a place, not its state. */
static const char *const place_preps[] = {
    "in", "at", "to", "from", "near", "into", "outside", "inside", "across",
    "visit", "visited", "visiting", "visits", "toward", "towards", "via",
    "around", "through", "left", "reached", "arrived", NULL
};

static int push_mention(dg_doc *doc, const dg_mention *m)
{
    if (doc->nments == doc->cap_ments) {
        size_t cap = doc->cap_ments ? doc->cap_ments * 2 : 64;
        dg_mention *p = realloc(doc->ments, cap * sizeof *p);
        if (!p)
            return -1;
        doc->ments = p;
        doc->cap_ments = cap;
    }
    doc->ments[doc->nments] = *m;
    return (int)doc->nments++;
}

static dg_mention new_mention(size_t b, size_t e, dg_ment_type type,
                              dg_ent_kind kind, const dg_lex_entry *lex)
{
    dg_mention m;

    memset(&m, 0, sizeof m);
    m.tok_b = b;
    m.tok_e = e;
    m.type = type;
    m.kind = kind;
    m.lex = lex;
    m.entity = -1;
    m.title = -1;
    m.title_country = -1;
    m.counterpart = -1;
    m.title_state = 0;
    return m;
}

int dg_mention_at(const dg_doc *doc, size_t i)
{
    size_t lo = 0, hi = doc->nments;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const dg_mention *m = &doc->ments[mid];
        if (i < m->tok_b)
            hi = mid;
        else if (i >= m->tok_e)
            lo = mid + 1;
        else
            return (int)mid;
    }
    return -1;
}

size_t dg_mentions_from(const dg_doc *doc, size_t i)
{
    size_t lo = 0, hi = doc->nments;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (doc->ments[mid].tok_b < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The gazetteer kinds a mention can come from. */
#define NAME_KINDS ((1u << DG_LEX_COUNTRY) | (1u << DG_LEX_DEMONYM) | \
                    (1u << DG_LEX_ORG) | (1u << DG_LEX_PLACE) | \
                    (1u << DG_LEX_PERSON) | (1u << DG_LEX_TITLE))

/* Picks one entry among same-length hits: title, person, organization,
 * state, place, demonym, in that order. */
static const dg_lex_entry *best_hit(const dg_lex_entry **hits, size_t n)
{
    static const dg_lex_kind order[] = {
        DG_LEX_TITLE, DG_LEX_PERSON, DG_LEX_ORG, DG_LEX_COUNTRY,
        DG_LEX_PLACE, DG_LEX_DEMONYM
    };
    size_t k, i;

    for (k = 0; k < sizeof order / sizeof order[0]; k++)
        for (i = 0; i < n; i++)
            if (hits[i]->kind == order[k])
                return hits[i];
    return n ? hits[0] : NULL;
}

/* Gazetteer match at token i, not crossing the sentence end e. */
static size_t lex_at(const dg_doc *doc, size_t i, size_t e, unsigned mask,
                     const dg_lex_entry **out)
{
    const dg_lex_entry *hits[LEX_HITS];
    size_t nh = 0, n;

    n = dg_lexicon_match(doc->lex, doc->text, doc->toks, e, i, mask, hits,
                         LEX_HITS, &nh);
    *out = n ? best_hit(hits, nh) : NULL;
    return n;
}

static int is_noname(const dg_doc *doc, size_t i, size_t e)
{
    const dg_lex_entry *hit;

    return lex_at(doc, i, e, 1u << DG_LEX_NONAME, &hit) == 1;
}

/* Can token i be part of a person's name? */
static int is_name_token(const dg_doc *doc, size_t i, size_t e)
{
    const dg_token *t = &doc->toks[i];

    if (!(t->flags & DG_TOK_WORD) || !(t->flags & DG_TOK_CAP) ||
        (t->flags & DG_TOK_NUM))
        return 0;
    if ((t->flags & DG_TOK_ALLCAPS) && t->e - t->b > 3)
        return 0; /* "WASHINGTON:" datelines, acronyms */
    return !is_noname(doc, i, e);
}

/* "al-Rashid", "el-Sisi": a lower-case particle glued to a name. */
static int glued_particle(const dg_doc *doc, size_t j, size_t e)
{
    return (doc->toks[j].flags & DG_TOK_WORD) &&
           dg_word_in(name_particles, doc->toks[j].norm) && j + 2 < e &&
           dg_tok_is(&doc->toks[j + 1], "-") &&
           !(doc->toks[j + 1].flags & DG_TOK_SPACE_BEFORE) &&
           !(doc->toks[j + 2].flags & DG_TOK_SPACE_BEFORE) &&
           is_name_token(doc, j + 2, e);
}

/* Length of a person-name run starting at token i (0: none). */
static size_t name_run(const dg_doc *doc, size_t i, size_t e)
{
    size_t j = i, words = 0;
    const dg_lex_entry *hit;

    while (j < e && words < NAME_MAX_TOKENS) {
        const dg_token *t = &doc->toks[j];
        if (lex_at(doc, j, e, NAME_KINDS & ~(1u << DG_LEX_PERSON), &hit) > 0 &&
            hit->kind != DG_LEX_DEMONYM)
            break;
        if (is_name_token(doc, j, e) ||
            (t->flags & DG_TOK_ABBREV && t->e - t->b == 2 && j > i)) {
            j++;
            words++;
            continue;
        }
        /* "Jean-Yves": a hyphen glued on both sides */
        if (j > i && dg_tok_is(t, "-") && j + 1 < e &&
            !(t->flags & DG_TOK_SPACE_BEFORE) &&
            !(doc->toks[j + 1].flags & DG_TOK_SPACE_BEFORE) &&
            is_name_token(doc, j + 1, e)) {
            j++;
            continue;
        }
        if (j > i && (t->flags & DG_TOK_WORD) && !(t->flags & DG_TOK_CAP) &&
            dg_word_in(name_particles, t->norm) && j + 1 < e &&
            is_name_token(doc, j + 1, e)) {
            j++;
            continue;
        }
        /* "el-Sisi", "al-Assad": a particle glued to the name */
        if (glued_particle(doc, j, e)) {
            j += 3;
            words++;
            continue;
        }
        break;
    }
    while (j > i && (doc->toks[j - 1].flags & DG_TOK_ABBREV) &&
           doc->toks[j - 1].e - doc->toks[j - 1].b == 2 && j - 1 > i + 1)
        j--; /* a trailing initial is an abbreviation, not a name */
    return j - i;
}

static int has_non_person_head(const dg_doc *doc, size_t b, size_t e)
{
    size_t i;

    for (i = b; i < e; i++)
        if (dg_word_in(non_person_heads, doc->toks[i].norm))
            return 1;
    return 0;
}

/* Is [b, e) preceded by a state or demonym mention that qualifies a
 * title ("Chinese President", "UK Foreign Secretary", "France's")?
 * Returns the mention index or -1. */
static int title_state_before(const dg_doc *doc, size_t b)
{
    size_t k;

    if (doc->nments == 0)
        return -1;
    k = doc->nments - 1;
    {
        const dg_mention *m = &doc->ments[k];
        size_t gap = m->tok_e;
        if (m->type != DG_MENT_DEMONYM && m->type != DG_MENT_NAME)
            return -1;
        if (m->type == DG_MENT_NAME && m->kind != DG_ENT_COUNTRY &&
            m->kind != DG_ENT_ORG)
            return -1;
        if (gap < b && (doc->toks[gap].flags & DG_TOK_POSS))
            gap++;
        if (gap == b && doc->toks[m->tok_b].sent == doc->toks[b].sent)
            return (int)k;
    }
    return -1;
}

/* Matches a title at token i in any letter case (appositions write
 * "China's foreign minister").  Returns its length or 0. */
static size_t title_any_case(const dg_doc *doc, size_t i, size_t e,
                             const dg_lex_entry **out)
{
    return lex_at(doc, i, e, (1u << DG_LEX_TITLE) | DG_LEX_ANY_CASE, out);
}

/* After a name at token j: ", [the] [STATE's|DEMONYM] TITLE" (an
 * apposition).  Returns the title mention index or -1; *end receives
 * the token after it. */
static int apposition_title(dg_doc *doc, size_t j, size_t e, size_t *end)
{
    const dg_lex_entry *hit = NULL;
    size_t k, n;
    int state = -1;

    if (j >= e || !dg_tok_is(&doc->toks[j], ","))
        return -1;
    k = j + 1;
    if (k < e && (dg_tok_is(&doc->toks[k], "the") || dg_tok_is(&doc->toks[k], "a")))
        k++;
    if (k < e && (n = lex_at(doc, k, e, (1u << DG_LEX_COUNTRY) |
                             (1u << DG_LEX_DEMONYM), &hit)) > 0) {
        dg_mention m = new_mention(k, k + n,
                                   hit->kind == DG_LEX_DEMONYM ?
                                   DG_MENT_DEMONYM : DG_MENT_NAME,
                                   DG_ENT_COUNTRY, hit);
        size_t after = k + n;
        if (after < e && (doc->toks[after].flags & DG_TOK_POSS))
            after++;
        if (title_any_case(doc, after, e, &hit) == 0)
            return -1;
        if ((state = push_mention(doc, &m)) < 0)
            return -2;
        k = after;
    }
    n = title_any_case(doc, k, e, &hit);
    if (n == 0 || (hit->flags & DG_LEXF_PLURAL))
        return -1; /* "Hurricane Ian, officials said": no apposition */
    {
        dg_mention t = new_mention(k, k + n, DG_MENT_TITLE, DG_ENT_PERSON, hit);
        t.title_country = state;
        *end = k + n;
        return push_mention(doc, &t);
    }
}

/* "of [the] STATE" at token j: returns the state's length (from j) and
 * pushes its mention into *ment, or 0. */
static size_t of_state(dg_doc *doc, size_t j, size_t e, int *ment)
{
    const dg_lex_entry *hit;
    size_t k = j, n;

    if (k >= e || !dg_tok_is(&doc->toks[k], "of"))
        return 0;
    k++;
    if (k < e && dg_tok_is(&doc->toks[k], "the"))
        k++;
    n = lex_at(doc, k, e, (1u << DG_LEX_COUNTRY) | (1u << DG_LEX_ORG), &hit);
    if (n == 0 || (hit->kind != DG_LEX_COUNTRY && hit->kind != DG_LEX_ORG))
        return 0;
    {
        dg_mention m = new_mention(k, k + n, DG_MENT_NAME,
                                   hit->kind == DG_LEX_COUNTRY ?
                                   DG_ENT_COUNTRY : DG_ENT_ORG, hit);
        *ment = push_mention(doc, &m);
    }
    return k + n - j;
}

/* Does a lone surname after a title name the gazetteer's person: the
 * same title, or a post held in the article's year? ("Mr. Smith" is not
 * every Smith of the gazetteer.) */
static int surname_fits(const dg_doc *doc, const dg_lex_entry *person,
                        const dg_lex_entry *title)
{
    const dg_lex_entry *spells[32];
    size_t n, i, tl = strlen(title->label);
    int y = doc->date.prec != DG_DATE_NONE ? doc->date.year : 0;

    if (title->cls && strcmp(title->cls, "honorific") == 0)
        return 0;
    n = dg_lexicon_spells(doc->lex, person, spells, 32);
    for (i = 0; i < n; i++) {
        const dg_lex_entry *e = spells[i];
        size_t el;
        if (!e->cls)
            continue;
        el = strlen(e->cls);
        /* the same title, or its short form ("Secretary" of "Secretary
         * of State") */
        if (strcmp(e->cls, title->label) != 0 &&
            !(el > tl && strncmp(e->cls, title->label, tl) == 0 &&
              e->cls[tl] == ' '))
            continue;
        if (y == 0 || (e->from <= y && (e->to == 0 || y <= e->to)))
            return 1;
    }
    return 0;
}

/* A title mention at [i, i+n) and the person it introduces, if any.
 * Returns the token after everything consumed, or 0 on no memory. */
static size_t title_pattern(dg_doc *doc, size_t i, size_t n, size_t e,
                            const dg_lex_entry *hit)
{
    dg_mention t = new_mention(i, i + n, DG_MENT_TITLE, DG_ENT_PERSON, hit);
    int ti, state = -1;
    size_t j = i + n, k, run;

    t.title_country = title_state_before(doc, i);
    if ((ti = push_mention(doc, &t)) < 0)
        return 0;
    k = of_state(doc, j, e, &state);
    if (k > 0) {
        if (state < 0)
            return 0;
        doc->ments[ti].title_country = state;
        j += k;
    }
    if (hit->flags & DG_LEXF_PLURAL)
        return j; /* "Foreign Ministers of ...": no one name follows */
    k = j;
    if (k < e && dg_tok_is(&doc->toks[k], ",") && k + 1 < e)
        k++;
    run = k < e ? name_run(doc, k, e) : 0;
    if (run == 0 || has_non_person_head(doc, k, k + run))
        return j;
    {
        dg_mention p = new_mention(k, k + run, DG_MENT_NAME, DG_ENT_PERSON,
                                   NULL);
        const dg_lex_entry *ph = NULL;
        if (lex_at(doc, k, k + run, 1u << DG_LEX_PERSON, &ph) == run &&
            (run > 1 || surname_fits(doc, ph, hit)))
            p.lex = ph;
        p.title = ti;
        j = k + run;
        if (doc->ments[ti].title_country < 0) {
            size_t of = of_state(doc, j, e, &state);
            if (of > 0) {
                if (state < 0)
                    return 0;
                doc->ments[ti].title_country = state;
                j += of;
            }
        }
        if (push_mention(doc, &p) < 0)
            return 0;
    }
    return j;
}

/* "his Israeli counterpart", "her French counterpart": a person of the
 * state just named, resolved by the entities stage.  Returns i + 1, or 0
 * on no memory. */
static size_t counterpart(dg_doc *doc, size_t i)
{
    size_t k = doc->nments;
    dg_mention m;

    if (k == 0)
        return i + 1;
    k--;
    if (doc->ments[k].tok_e != i || (doc->ments[k].type != DG_MENT_DEMONYM &&
                                     doc->ments[k].kind != DG_ENT_COUNTRY))
        return i + 1;
    m = new_mention(i, i + 1, DG_MENT_NAME, DG_ENT_PERSON, NULL);
    m.counterpart = (int)k;
    return push_mention(doc, &m) < 0 ? 0 : i + 1;
}

/* Is the capital city mention at token i a stand-in for its state? */
static int is_metonymy(const dg_doc *doc, size_t i, size_t n, size_t sb)
{
    const dg_token *nx = i + n < doc->ntoks ? &doc->toks[i + n] : NULL;

    if (nx && (nx->flags & DG_TOK_POSS))
        return 1; /* "Washington's decision" */
    if (i > sb && dg_word_in(place_preps, doc->toks[i - 1].norm))
        return 0;
    if (nx && (nx->flags & DG_TOK_CAP) && !(nx->flags & DG_TOK_NL_BEFORE))
        return 0; /* part of a longer name: "Vienna Convention" */
    if (i == 0 && nx && (dg_tok_is(nx, ":") || dg_tok_is(nx, "-") || dg_tok_is(nx, ",")))
        return 0; /* a dateline */
    if (i == sb && nx && dg_tok_is(nx, ","))
        return 0;
    return 1;
}

static dg_ent_kind kind_of_lex(dg_lex_kind k)
{
    switch (k) {
    case DG_LEX_COUNTRY: return DG_ENT_COUNTRY;
    case DG_LEX_ORG: return DG_ENT_ORG;
    case DG_LEX_PLACE: return DG_ENT_PLACE;
    default: return DG_ENT_PERSON;
    }
}

/* Head nouns of organizations the gazetteer may not list ("Scottish
 * Executive", "Delegation of the European Union to the Russian
 * Federation"). */
static const char *const org_heads[] = {
    "delegation", "council", "ministry", "department", "office", "executive",
    "commission", "committee", "agency", "bureau", "embassy", "parliament",
    "party", "union", "organization", "organisation", "association",
    "authority", "army", "forces", "government", "secretariat", "mission",
    NULL
};

/* An unknown organization at token i: capitalized words ending in an
 * organization head, optionally after a demonym, optionally continued by
 * "of/to/for [the] NAME" phrases.  Returns its length, or 0. */
static size_t org_pattern(const dg_doc *doc, size_t i, size_t e)
{
    size_t j = i, end = 0;
    const dg_lex_entry *hit;

    while (j < e && (doc->toks[j].flags & DG_TOK_CAP) &&
           (doc->toks[j].flags & DG_TOK_WORD) && !is_noname(doc, j, e)) {
        if (dg_word_in(org_heads, doc->toks[j].norm))
            end = j + 1;
        j++;
    }
    if (end < i + 2)
        return 0; /* a head alone ("Council") is too vague */
    j = end;
    while (j + 1 < e && (dg_tok_is(&doc->toks[j], "of") ||
                         dg_tok_is(&doc->toks[j], "to") ||
                         dg_tok_is(&doc->toks[j], "for"))) {
        size_t k = j + 1, n;
        if (k < e && dg_tok_is(&doc->toks[k], "the"))
            k++;
        n = lex_at(doc, k, e, (1u << DG_LEX_COUNTRY) | (1u << DG_LEX_ORG), &hit);
        if (n == 0)
            break;
        end = j = k + n;
    }
    return end - i;
}

/* Nouns for people that a name may follow ("American citizens Paul
 * Reyes and Tomas Lindqvist", "opposition leader Ivan Sokolov"). */
static const char *const person_nouns[] = {
    "citizen", "citizens", "journalist", "journalists", "activist",
    "activists", "leader", "dissident", "dissidents", "lawyer", "detainee",
    "detainees", "prisoner", "prisoners", "politician", "envoy", "official",
    "officials", "opposition", "critic", "nationals", "national", "reporter",
    "businessman", "businesswoman", "hostage", "hostages", "mr", "ms", "mrs",
    NULL
};

/* Verbs that tell a name before them is a person's ("X said"). */
static const char *const person_verbs[] = {
    "said", "says", "told", "wrote", "added", "argued", "stressed", "noted",
    "warned", "explained", "insisted", "paid", "began", "ended", "wrapped",
    "concluded", "returned", "thanked", "expressed", "urged", "asked",
    "replied", "answered", "tweeted", NULL
};

/* Words after which a name is an event's participant. */
static const char *const person_preps[] = {
    "with", "between", NULL
};

/* Is the unknown capitalized run [i, i+run) a person's name?  Its first
 * word is a given name the people gazetteer knows, or a person noun
 * comes before it, a speech verb or event trigger after it, "with" or a
 * trigger verb before it, or it is coordinated with a person just named
 * ("Joan Reyes and Tomas Lindqvist"). */
static int looks_like_person(const dg_doc *doc, size_t i, size_t run,
                             size_t sb, size_t e)
{
    const dg_lex_entry *hit;
    size_t k;

    if (lex_at(doc, i, e, 1u << DG_LEX_GIVEN, &hit) == 1 ||
        glued_particle(doc, i, e)) /* "al-Rashid" */
        return 1;
    if (i > sb && dg_word_in(person_nouns, doc->toks[i - 1].norm))
        return 1;
    if (i + run < e && (dg_word_in(person_verbs, doc->toks[i + run].norm) ||
                        lex_at(doc, i + run, e, 1u << DG_LEX_TRIGGER, &hit)))
        return 1; /* "Kenji Sato met ...", "... Sato said" */
    if (i > sb && dg_word_in(person_preps, doc->toks[i - 1].norm))
        return 1; /* "met with Kenji Sato", "hosted Kenji Sato" */
    if (i > sb && lex_at(doc, i - 1, i, 1u << DG_LEX_TRIGGER, &hit) &&
        (hit->flags & DG_LEXF_VERB))
        return 1;
    if (i > sb + 1 && dg_tok_is(&doc->toks[i - 1], "and") && doc->nments > 0) {
        k = doc->nments - 1;
        return doc->ments[k].tok_e == i - 1 && doc->ments[k].kind ==
               DG_ENT_PERSON && doc->ments[k].type == DG_MENT_NAME;
    }
    return 0;
}

/* A person name without a title: "NAME, TITLE" or a generic name. */
static size_t bare_name(dg_doc *doc, size_t i, size_t e, size_t sb)
{
    size_t run, end;
    int ti;

    if ((run = org_pattern(doc, i, e)) > 0) {
        dg_mention o = new_mention(i, i + run, DG_MENT_NAME, DG_ENT_ORG, NULL);
        return push_mention(doc, &o) < 0 ? 0 : i + run;
    }
    run = name_run(doc, i, e);
    if (run > 1 && dg_word_in(non_person_heads, doc->toks[i].norm))
        return i + 1; /* "Bomber al-Rashid": the name starts later */

    if (run == 0)
        return i + 1;
    if (has_non_person_head(doc, i, i + run))
        return i + run;
    ti = apposition_title(doc, i + run, e, &end);
    if (ti == -2)
        return 0;
    if (ti < 0 && (run < 2 || (i > sb && dg_tok_is(&doc->toks[i - 1], "the")) ||
                   !looks_like_person(doc, i, run, sb, e)))
        return i + run;
    {
        dg_mention p = new_mention(i, i + run, DG_MENT_NAME, DG_ENT_PERSON,
                                   NULL);
        p.title = ti;
        if (push_mention(doc, &p) < 0)
            return 0;
    }
    return ti >= 0 ? end : i + run;
}

static size_t scan_sentence_at(dg_doc *doc, size_t i, size_t sb, size_t e)
{
    const dg_lex_entry *hit;
    size_t n = lex_at(doc, i, e, NAME_KINDS, &hit);

    if (n > 0 && hit->kind == DG_LEX_TITLE)
        return title_pattern(doc, i, n, e, hit);
    if (n == 1 && hit->kind == DG_LEX_PERSON)
        n = 0; /* a lone surname needs a title or a full name elsewhere */
    if (n > 0 && hit->kind == DG_LEX_PERSON) {
        dg_mention p = new_mention(i, i + n, DG_MENT_NAME, DG_ENT_PERSON, hit);
        size_t end;
        int ti = apposition_title(doc, i + n, e, &end);
        if (ti == -2)
            return 0;
        p.title = ti;
        if (push_mention(doc, &p) < 0)
            return 0;
        return ti >= 0 ? end : i + n;
    }
    if (n > 0 && hit->kind != DG_LEX_PERSON) {
        dg_mention m = new_mention(i, i + n,
                                   hit->kind == DG_LEX_DEMONYM ?
                                   DG_MENT_DEMONYM : DG_MENT_NAME,
                                   hit->kind == DG_LEX_DEMONYM ?
                                   DG_ENT_COUNTRY : kind_of_lex(hit->kind),
                                   hit);
        if (hit->kind == DG_LEX_PLACE && (hit->flags & DG_LEXF_CAPITAL) &&
            hit->country && is_metonymy(doc, i, n, sb))
            m.metonymy = 1;
        if (push_mention(doc, &m) < 0)
            return 0;
        return i + n;
    }
    if ((doc->toks[i].flags & DG_TOK_CAP) || glued_particle(doc, i, e))
        return bare_name(doc, i, e, sb);
    if (strcmp(doc->toks[i].norm, "counterpart") == 0)
        return counterpart(doc, i);
    return i + 1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The capitalized words of the person names of two or more words found
 * so far, sorted (for bsearch); *n receives their number.  NULL when out
 * of memory (or none: *n is then 0). */
static const char **person_words(const dg_doc *doc, size_t *n)
{
    const char **w;
    size_t k, t, cap = 0;

    *n = 0;
    for (k = 0; k < doc->nments; k++)
        if (doc->ments[k].type == DG_MENT_NAME &&
            doc->ments[k].kind == DG_ENT_PERSON)
            cap += doc->ments[k].tok_e - doc->ments[k].tok_b;
    if (cap == 0 || !(w = malloc(cap * sizeof *w)))
        return NULL;
    for (k = 0; k < doc->nments; k++) {
        const dg_mention *m = &doc->ments[k];
        if (m->type != DG_MENT_NAME || m->kind != DG_ENT_PERSON ||
            m->tok_e - m->tok_b < 2)
            continue;
        for (t = m->tok_b; t < m->tok_e; t++)
            if (doc->toks[t].flags & DG_TOK_CAP)
                w[(*n)++] = doc->toks[t].norm;
    }
    qsort(w, *n, sizeof *w, cmp_str);
    return w;
}

/* Does token i repeat a word of a person name found before? */
static int repeats_person_word(const dg_doc *doc, size_t i,
                               const char **words, size_t n)
{
    const char *key = doc->toks[i].norm;

    return n > 0 && bsearch(&key, words, n, sizeof *words, cmp_str) != NULL;
}

static int covered(const unsigned char *cov, size_t b, size_t e)
{
    size_t i;

    for (i = b; i < e; i++)
        if (cov[i])
            return 1;
    return 0;
}

static int cmp_mention(const void *a, const void *b)
{
    const dg_mention *x = a, *y = b;

    if (x->tok_b != y->tok_b)
        return x->tok_b < y->tok_b ? -1 : 1;
    return 0;
}

/* Sorts mentions into text order.  Mentions refer to each other by
 * index (title, title_country), so the indices are remapped. */
static dg_status sort_mentions(dg_doc *doc)
{
    dg_mention *sorted;
    size_t *where, k;

    if (doc->nments == 0)
        return DG_OK;
    sorted = malloc(doc->nments * sizeof *sorted);
    where = malloc(doc->nments * sizeof *where);
    if (!sorted || !where) {
        free(sorted);
        free(where);
        return DG_ERR_NOMEM;
    }
    for (k = 0; k < doc->nments; k++) {
        sorted[k] = doc->ments[k];
        sorted[k].entity = (int)k; /* the old index, for the remap */
    }
    qsort(sorted, doc->nments, sizeof *sorted, cmp_mention);
    for (k = 0; k < doc->nments; k++)
        where[sorted[k].entity] = k;
    for (k = 0; k < doc->nments; k++) {
        sorted[k].entity = -1;
        if (sorted[k].title >= 0)
            sorted[k].title = (int)where[sorted[k].title];
        if (sorted[k].title_country >= 0)
            sorted[k].title_country = (int)where[sorted[k].title_country];
        if (sorted[k].counterpart >= 0)
            sorted[k].counterpart = (int)where[sorted[k].counterpart];
    }
    memcpy(doc->ments, sorted, doc->nments * sizeof *sorted);
    free(sorted);
    free(where);
    return DG_OK;
}

/* Marks the mentions that are the state of a title (after sorting). */
static void mark_title_states(dg_doc *doc)
{
    size_t k;

    for (k = 0; k < doc->nments; k++) {
        const dg_mention *t = &doc->ments[k];
        if (t->type == DG_MENT_TITLE && t->title_country >= 0)
            doc->ments[t->title_country].title_state =
                (t->lex->flags & DG_LEXF_PLURAL) ? 2 : 1;
    }
}

/* Second pass: single words that repeat part of a known person name
 * ("Sato" after "Kenji Sato"), anywhere not yet covered. */
static dg_status surname_pass(dg_doc *doc)
{
    unsigned char *cov = calloc(doc->ntoks + 1, 1);
    size_t k, i, n0 = doc->nments, nwords;
    const char **words = person_words(doc, &nwords);

    if (!cov || (!words && nwords > 0)) {
        free(cov);
        return DG_ERR_NOMEM;
    }
    for (k = 0; k < n0; k++)
        memset(cov + doc->ments[k].tok_b, 1,
               doc->ments[k].tok_e - doc->ments[k].tok_b);
    for (i = 0; i < doc->ntoks; i++) {
        const dg_token *t = &doc->toks[i];
        if (cov[i] || !(t->flags & DG_TOK_CAP) || !(t->flags & DG_TOK_WORD) ||
            covered(cov, i, i + 1) ||
            !repeats_person_word(doc, i, words, nwords))
            continue;
        {
            dg_mention m = new_mention(i, i + 1, DG_MENT_NAME, DG_ENT_PERSON,
                                       NULL);
            if (push_mention(doc, &m) < 0) {
                free(cov);
                free(words);
                return DG_ERR_NOMEM;
            }
        }
    }
    free(cov);
    free(words);
    if (sort_mentions(doc) != DG_OK)
        return DG_ERR_NOMEM;
    mark_title_states(doc);
    return DG_OK;
}

dg_status dg_find_mentions(dg_doc *doc)
{
    size_t s;

    for (s = 0; s < doc->nsents; s++) {
        size_t i = doc->sents[s].tok_b, e = doc->sents[s].tok_e;
        while (i < e) {
            size_t next = scan_sentence_at(doc, i, doc->sents[s].tok_b, e);
            if (next == 0)
                return DG_ERR_NOMEM;
            i = next > i ? next : i + 1;
        }
    }
    return surname_pass(doc);
}
