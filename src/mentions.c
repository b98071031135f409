/*
 * mentions.c: finds the mentions in an article: names from the
 * gazetteers (states, demonyms, organizations, places, titles) and
 * person, organization and place names from patterns.
 *
 * Person-name patterns, tried in this order at each position:
 *   TITLE NAME            "Foreign Minister Li Wei", "Secretary Sato",
 *                         "foreign minister Li Wei" (a title in lower
 *                         case when a name or its state is next to it)
 *   TITLE of STATE NAME   "President of Russia Ivan Petrov"
 *   TITLE, NAME           "Polish Foreign Minister, Jan Kowalczyk"
 *   TITLEs NAME [of STATE], NAME [of STATE] and NAME [of STATE]
 *                         "Defence Ministers Ana Lopes of Spain and Jan
 *                         Berg of Norway": each name holds the post
 *   NAME, [a|the] [STATE's|DEMONYM|BODY's|the country's] TITLE [of BODY]
 *                         "Sara Berg, Department Spokesperson", "Li Wei,
 *                         China's foreign minister", "Ana Lopes, vice
 *                         chair of the National Energy Commission"; not
 *                         when a name follows the title (a list: "Ivan
 *                         Petrov, Foreign Minister Li Wei and ...")
 *   NAME of STATE         after a title: "Prime Minister Moreau of the
 *                         United Kingdom" gives the post its state
 *   GIVEN FAMILY          two or more capitalized unknown words that hold
 *                         no organization head noun ("Joan Reyes"), with
 *                         evidence that they name a person (a known given
 *                         name, "said", "named", ", who", ", a Chilean")
 *   SURNAME               a surname people.tsv lists alone ("Petrov
 *                         said") that only one known person of the
 *                         article's year bears
 * A title's state comes from a demonym, state or body right before it
 * ("Chinese President", "UK Foreign Secretary", "France's Minister", "NATO
 * Secretary General", "the country's defence minister": the state named
 * last), or from "of STATE" after it.  Words before a title say when it
 * was held ("former", "then-", "the late"; "proposed", "-designate": not
 * yet).  A single capitalized word is a person mention when it repeats a
 * word of a person name found elsewhere in the article (coreference then
 * links them).
 *
 * A ministry the gazetteer lists for no state ("foreign ministry") is the
 * ministry of the state right before it ("Japan's Foreign Ministry", "the
 * Indian foreign ministry"), or, with none, of the state its last mention
 * had (entities.c).  Unknown organizations end in a head noun ("Ruritanian
 * National Energy Commission on Water Rights") or are an acronym that acts
 * ("the ELN has said"); unknown places are a venue ("Kilo International
 * Airport"), "TOWN, STATE" or "in TOWN,".
 *
 * A capital city or seat of government that is not governed by a place
 * preposition stands for its state's government ("Moscow said", "the
 * Kremlin rejected", "relations with Washington").
 * A gazetteer place right before an unknown capitalized word is part of a
 * longer name ("Baltic Fleet", "Geneva Conventions") and no place.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define NAME_MAX_TOKENS 6
#define LEX_HITS 8
#define PLACE_MAX_TOKENS 3  /* an unknown town: "San Pedro Sula" */

/* Words inside names that stay lower case ("Ana Maria da Costa"), and
 * that are no surname on their own ("Bin", "Ibn"). */
static const char *const name_particles[] = {
    "da", "de", "di", "do", "dos", "das", "du", "del", "della", "van",
    "von", "der", "den", "ter", "bin", "ibn", "bint", "ben", "ould", "abu",
    "al", "el", "la", "le", "y", NULL
};

/* Capitalized first parts of Arabic names that are no surname alone
 * ("Abdel" of "Abdel Karim"). */
static const char *const name_prefixes[] = {
    "abd", "abdel", "abdul", "abdal", "abdol", NULL
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
    "executive", "resolution", "hotel", "stadium", "hospital", "prison",
    "mosque", "cathedral", "temple", "base", "bridge", "avenue", "bay",
    "marines", "corps", "brigade", "regiment", "battalion", "enforcement",
    NULL
};

/* Prepositions after which a capital city is a place, not its state. */
static const char *const place_preps[] = {
    "in", "at", "to", "from", "near", "into", "outside", "inside", "across",
    "visit", "visited", "visiting", "visits", "toward", "towards", "via",
    "around", "through", "left", "reached", "arrived", NULL
};

/* Words before a title saying its holder held it before ("former
 * President", "ex-President", "then-President", "the late President") or
 * does not hold it yet ("proposed Secretary of Defense").  "then", "ex"
 * and "late" count only as "then-", "ex-", "the then", "the late". */
static const char *const former_words[] = {
    "former", "deposed", "ousted", "toppled", "erstwhile", "onetime",
    "exiled", "overthrown", NULL
};
static const char *const future_words[] = {
    "proposed", "incoming", "designate", "designated", "nominated",
    "future", "prospective", "presumptive", NULL
};

/* Words after a title saying its holder does not hold it yet
 * ("Prime Minister-designate", "Secretary of State nominee"). */
static const char *const future_after[] = {
    "designate", "nominee", "elect", "pick", NULL
};

/* Nouns that stand for the state named last ("the country's defence
 * minister"). */
static const char *const state_anaphors[] = {
    "country", "nation", "kingdom", "republic", NULL
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
    m.tense = DG_TENSE_CURRENT;
    m.post_state = -1;
    return m;
}

/* The mention holding token i, by binary search over the mentions. */
static int search_mention(const dg_doc *doc, size_t i)
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

int dg_mention_at(const dg_doc *doc, size_t i)
{
    if (doc->ment_at)
        return i < doc->ntoks ? doc->ment_at[i] : -1;
    return search_mention(doc, i);
}

/* Fills doc->ment_at from the finished mentions; 0 on no memory. */
static int index_mentions(dg_doc *doc)
{
    size_t i;

    if (!(doc->ment_at = malloc((doc->ntoks ? doc->ntoks : 1) *
                                sizeof *doc->ment_at)))
        return 0;
    for (i = 0; i < doc->ntoks; i++)
        doc->ment_at[i] = search_mention(doc, i);
    return 1;
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
#define STATE_KINDS ((1u << DG_LEX_COUNTRY) | (1u << DG_LEX_DEMONYM))
#define BODY_KINDS ((1u << DG_LEX_COUNTRY) | (1u << DG_LEX_ORG))

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

/* The entity kind of a gazetteer kind. */
static dg_ent_kind kind_of_lex(dg_lex_kind k)
{
    switch (k) {
    case DG_LEX_COUNTRY: return DG_ENT_COUNTRY;
    case DG_LEX_ORG: return DG_ENT_ORG;
    case DG_LEX_PLACE: return DG_ENT_PLACE;
    default: return DG_ENT_PERSON;
    }
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

/* Gazetteer hits of a surname, enough for every spell of a few people. */
#define SURNAME_HITS 32

/* Does people.tsv spell e cover year y (0: any year)? */
static int spell_in_year(const dg_lex_entry *e, int y)
{
    return y == 0 || (e->from <= y && (e->to == 0 || y <= e->to));
}

/* The article's year, 0 when undated. */
static int doc_year(const dg_doc *doc)
{
    return doc->date.prec != DG_DATE_NONE ? doc->date.year : 0;
}

/* Among the hits of one name, the person whose spell covers the
 * article's year (one name held by a father in 1990 and by his son in
 * 2005), else the first person. */
static const dg_lex_entry *pick_person(const dg_doc *doc,
                                       const dg_lex_entry **hits, size_t n)
{
    const dg_lex_entry *first = NULL;
    size_t k;

    for (k = 0; k < n; k++) {
        if (hits[k]->kind != DG_LEX_PERSON)
            continue;
        if (spell_in_year(hits[k], doc_year(doc)))
            return hits[k];
        if (!first)
            first = hits[k];
    }
    return first;
}

/* The people gazetteer's person named by tokens [i, e) exactly (among
 * namesakes, the one of the article's year), or NULL. */
static const dg_lex_entry *person_named(const dg_doc *doc, size_t i,
                                        size_t e)
{
    const dg_lex_entry *hits[LEX_HITS];
    size_t nh = 0;

    if (dg_lexicon_match(doc->lex, doc->text, doc->toks, e, i,
                         1u << DG_LEX_PERSON, hits, LEX_HITS, &nh) != e - i)
        return NULL;
    return pick_person(doc, hits, nh);
}

static int is_noname(const dg_doc *doc, size_t i, size_t e)
{
    const dg_lex_entry *hit;

    return lex_at(doc, i, e, 1u << DG_LEX_NONAME, &hit) == 1;
}

/* Is token t glued to the one before it (no space between)? */
static int glued(const dg_token *t)
{
    return !(t->flags & DG_TOK_SPACE_BEFORE);
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
           dg_tok_is(&doc->toks[j + 1], "-") && glued(&doc->toks[j + 1]) &&
           glued(&doc->toks[j + 2]) && is_name_token(doc, j + 2, e);
}

/* A capitalized stop name right after a given name is its surname
 * ("Anna May", not "in May"): token j = i + 1, i a given name, no day
 * number after it. */
static int common_word_surname(const dg_doc *doc, size_t i, size_t j,
                               size_t e)
{
    const dg_lex_entry *hit;
    const dg_token *t = &doc->toks[j];

    return j == i + 1 && (t->flags & DG_TOK_CAP) && (t->flags & DG_TOK_WORD) &&
           !(t->flags & (DG_TOK_NUM | DG_TOK_ALLCAPS)) &&
           lex_at(doc, i, e, 1u << DG_LEX_GIVEN, &hit) == 1 &&
           !(j + 1 < e && (doc->toks[j + 1].flags & DG_TOK_NUM));
}

/* Lower-case parts glued to a name by a hyphen that are no syllable of a
 * given name ("Moscow-backed", "Soviet-era"). */
static const char *const hyphen_suffixes[] = {
    "led", "run", "era", "born", "made", "held", "like", "type", "style",
    "free", "wide", "based", "backed", "owned", "linked", "allied", NULL
};

/* "Jae-in", "Hyun-woo": a syllable of a given name after a hyphen at
 * token j (the hyphen), inside a run that already has two words. */
static int hyphen_syllable(const dg_doc *doc, size_t j, size_t e,
                           size_t words)
{
    const dg_token *s;

    if (words < 2 || j + 1 >= e || !dg_tok_is(&doc->toks[j], "-") ||
        !glued(&doc->toks[j]) || !glued(&doc->toks[j + 1]))
        return 0;
    s = &doc->toks[j + 1];
    return (s->flags & DG_TOK_WORD) && !(s->flags & DG_TOK_CAP) &&
           !(s->flags & DG_TOK_NUM) && s->e - s->b <= 4 &&
           !dg_word_in(hyphen_suffixes, s->norm);
}

/* A one-token organization the gazetteer knows by a word that is also a
 * surname ("Lazard"): after a title it names the person. */
static int org_word_as_name(const dg_lex_entry *hit, size_t n)
{
    return n == 1 && hit->kind == DG_LEX_ORG && !(hit->flags & DG_LEXF_CASE);
}

/* Length of a person-name run starting at token i (0: none); after_title:
 * the run follows a title, where a one-word organization name is a
 * surname ("Secretary General Lazard"). */
static size_t name_run(const dg_doc *doc, size_t i, size_t e, int after_title)
{
    size_t j = i, words = 0, n;
    const dg_lex_entry *hit;

    while (j < e && words < NAME_MAX_TOKENS) {
        const dg_token *t = &doc->toks[j];
        if ((n = lex_at(doc, j, e, NAME_KINDS & ~(1u << DG_LEX_PERSON),
                        &hit)) > 0 && hit->kind != DG_LEX_DEMONYM &&
            !(after_title && org_word_as_name(hit, n)))
            break;
        if (is_name_token(doc, j, e) ||
            (t->flags & DG_TOK_ABBREV && t->e - t->b == 2 && j > i) ||
            common_word_surname(doc, i, j, e)) {
            j++;
            words++;
            continue;
        }
        /* "Jean-Yves": a hyphen glued on both sides */
        if (j > i && dg_tok_is(t, "-") && j + 1 < e && glued(t) &&
            glued(&doc->toks[j + 1]) && is_name_token(doc, j + 1, e)) {
            j++;
            continue;
        }
        if (hyphen_syllable(doc, j, e, words)) {
            j += 2;
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
    if (j > i && lex_at(doc, j - 1, j, 1u << DG_LEX_DEMONYM, &hit) == 1) {
        j--; /* "South American nations": an adjective, not a name */
        if (j > i && dg_tok_is(&doc->toks[j - 1], "-"))
            j--; /* "Franco-German" */
    }
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

/* A person's name at token i, as a run length (0: none): a run with no
 * organization head noun, or after a title the people gazetteer's name
 * there when it is longer. */
static size_t person_run(const dg_doc *doc, size_t i, size_t e,
                         int after_title)
{
    const dg_lex_entry *hit;
    size_t run = i < e ? name_run(doc, i, e, after_title) : 0, n;

    if (after_title && i < e &&
        (n = lex_at(doc, i, e, 1u << DG_LEX_PERSON, &hit)) > run)
        return n; /* a known name with a common word: "Liu He" */
    return run > 0 && !has_non_person_head(doc, i, i + run) ? run : 0;
}

/* The state a state or demonym mention (or a capital standing for its
 * state) refers to, as an ISO code, or NULL. */
static const char *mention_state_code(const dg_mention *m)
{
    if (!m->lex)
        return NULL;
    if (m->type == DG_MENT_DEMONYM || m->metonymy)
        return m->lex->country;
    if (m->type == DG_MENT_NAME && m->kind == DG_ENT_COUNTRY)
        return m->lex->key;
    return NULL;
}

/* Is [b, e) preceded by a state, demonym or body mention that qualifies
 * a title or ministry ("Chinese President", "UK Foreign Secretary",
 * "France's", "NATO's", "Moscow's")?  Returns the mention index or -1. */
static int title_state_before(const dg_doc *doc, size_t b)
{
    const dg_mention *m;
    size_t gap;

    if (doc->nments == 0)
        return -1;
    m = &doc->ments[doc->nments - 1];
    gap = m->tok_e;
    if (m->type != DG_MENT_DEMONYM && m->type != DG_MENT_NAME)
        return -1;
    if (m->type == DG_MENT_NAME && m->kind != DG_ENT_COUNTRY &&
        m->kind != DG_ENT_ORG && !m->metonymy)
        return -1;
    if (gap < b && (doc->toks[gap].flags & DG_TOK_POSS))
        gap++;
    if (gap == b && doc->toks[m->tok_b].sent == doc->toks[b].sent)
        return (int)(doc->nments - 1);
    return -1;
}

/* The gazetteer entry of the state named last before the current scan
 * position (a state, a demonym or a capital standing for its state), for
 * "the country's"; NULL when none. */
static const dg_lex_entry *last_state(const dg_doc *doc)
{
    size_t k = doc->nments;

    while (k-- > 0)
        if (mention_state_code(&doc->ments[k]))
            return doc->ments[k].lex;
    return NULL;
}

/* "the country's" at token a (the noun, "the" before it, the possessive
 * after it): pushes a mention of the state named last at the noun and
 * returns its index; -1 when there is no such phrase or state, -2 when
 * out of memory. */
static int state_anaphor(dg_doc *doc, size_t a, size_t e)
{
    const dg_lex_entry *st;
    dg_mention m;
    int k;

    if (a == 0 || a + 1 >= e || !dg_tok_is(&doc->toks[a - 1], "the") ||
        !dg_word_in(state_anaphors, doc->toks[a].norm) ||
        !(doc->toks[a + 1].flags & DG_TOK_POSS) || !(st = last_state(doc)))
        return -1;
    m = new_mention(a, a + 1, DG_MENT_DEMONYM, DG_ENT_COUNTRY, st);
    k = push_mention(doc, &m);
    return k < 0 ? -2 : k;
}

/* The qualifier of a title at token b found in the scan so far: a state,
 * demonym or body right before it, or "the country's" (pushed here).
 * Returns its mention index, -1 (none) or -2 (out of memory). */
static int qualifier_before(dg_doc *doc, size_t b, size_t sb, size_t e)
{
    int k = title_state_before(doc, b);

    if (k >= 0 || b < sb + 3)
        return k;
    return state_anaphor(doc, b - 2, e);
}

/* DG_TENSE_* of a title whose first word, or first qualifier word, is
 * token b: "former", "then-", "ex-", "the late", "the then" (held
 * before), "proposed", "incoming" (not yet) right before it. */
static int tense_before(const dg_doc *doc, size_t b, size_t sb)
{
    size_t p;
    const char *w;
    int hyphen = 0;

    if (b <= sb)
        return DG_TENSE_CURRENT;
    p = b - 1;
    if (dg_tok_is(&doc->toks[p], "-") && p > sb && glued(&doc->toks[p]) &&
        glued(&doc->toks[b])) {
        hyphen = 1;
        p--;
    }
    w = doc->toks[p].norm;
    if (dg_word_in(former_words, w))
        return DG_TENSE_FORMER;
    if (dg_word_in(future_words, w))
        return DG_TENSE_FUTURE;
    if (hyphen && (strcmp(w, "then") == 0 || strcmp(w, "ex") == 0))
        return DG_TENSE_FORMER;
    if ((strcmp(w, "then") == 0 || strcmp(w, "late") == 0) && p > sb &&
        dg_tok_is(&doc->toks[p - 1], "the"))
        return DG_TENSE_FORMER;
    return DG_TENSE_CURRENT;
}

/* The tense of a title at token b with its qualifier starting at qb
 * (qb == b: none): "former Chinese President", "China's former
 * President". */
static int title_tense(const dg_doc *doc, size_t b, size_t qb, size_t sb)
{
    int t = tense_before(doc, b, sb);

    return t == DG_TENSE_CURRENT && qb < b ? tense_before(doc, qb, sb) : t;
}

/* "-designate", "nominee", "-elect", "pick" after a title ending at j:
 * marks title mention ti as not yet held and returns the token after the
 * word (j when there is none). */
static size_t future_after_title(dg_doc *doc, int ti, size_t j, size_t e)
{
    size_t k = j;

    if (k < e && dg_tok_is(&doc->toks[k], "-") && glued(&doc->toks[k]))
        k++;
    if (k < e && dg_word_in(future_after, doc->toks[k].norm) &&
        (k > j || !(doc->toks[k].flags & DG_TOK_CAP))) {
        doc->ments[ti].tense = DG_TENSE_FUTURE;
        return k + 1;
    }
    return j;
}

/* Matches a title at token i in any letter case (appositions write
 * "China's foreign minister").  Returns its length or 0. */
static size_t title_any_case(const dg_doc *doc, size_t i, size_t e,
                             const dg_lex_entry **out)
{
    return lex_at(doc, i, e, (1u << DG_LEX_TITLE) | DG_LEX_ANY_CASE, out);
}

/* A title written in lower case at token i ("foreign minister") counts
 * where news uses it as one: after a state, demonym or body ("British
 * prime minister", "NATO's secretary general", "the country's defence
 * minister"), after "former" or "then-", before a person's name
 * ("foreign minister Li Wei"), or, of two words or more, after "the"
 * ("the defence secretary").  Returns its length or 0. */
static size_t lower_title(const dg_doc *doc, size_t i, size_t sb, size_t e,
                          const dg_lex_entry **hit)
{
    size_t n = title_any_case(doc, i, e, hit);

    if (n == 0)
        return 0;
    if (title_state_before(doc, i) >= 0 ||
        tense_before(doc, i, sb) != DG_TENSE_CURRENT ||
        (i >= sb + 3 && dg_word_in(state_anaphors, doc->toks[i - 2].norm) &&
         (doc->toks[i - 1].flags & DG_TOK_POSS)))
        return n;
    if ((*hit)->flags & DG_LEXF_PLURAL)
        return 0;
    if (person_run(doc, i + n, e, 0) > 0)
        return n;
    return n >= 2 && i > sb && dg_tok_is(&doc->toks[i - 1], "the") ? n : 0;
}

/* Head nouns of organizations the gazetteer may not list ("Scottish
 * Executive", "Delegation of the European Union to the Russian
 * Federation"). */
static const char *const org_heads[] = {
    "delegation", "council", "ministry", "department", "office", "executive",
    "commission", "committee", "agency", "bureau", "embassy", "parliament",
    "party", "union", "organization", "organisation", "association",
    "authority", "army", "forces", "government", "secretariat", "mission",
    "community", "center", "centre", "institute", "foundation", "league",
    "front", "movement", "alliance", "coalition", "federation", "assembly",
    "court", "tribunal", "bank", "fund", "consulate", "marines", "corps",
    "brigade", "regiment", "battalion", NULL
};

/* Head nouns of venues and sites ("Kilo International Airport"). */
static const char *const place_heads[] = {
    "airport", "palace", "square", "hotel", "stadium", "prison", "mosque",
    "cathedral", "temple", "base", "bridge", "street", "avenue", "hospital",
    "port", "harbour", "harbor", "dam", "reactor", "bay", NULL
};

/* Is token j a capitalized word that may be part of an unknown proper
 * name (not a stop name: "Monday", "The")? */
static int proper_word(const dg_doc *doc, size_t j, size_t e)
{
    const dg_token *t = &doc->toks[j];

    return (t->flags & DG_TOK_CAP) && (t->flags & DG_TOK_WORD) &&
           !(t->flags & (DG_TOK_NUM | DG_TOK_ABBREV)) && !is_noname(doc, j, e);
}

/* The end of a run of capitalized words from token i that may hold
 * "and" or "&" between two of them ("Law and Justice", "Strategic and
 * International Studies"); `last_head` receives the end of the run's
 * last word of `heads` (0: none). */
static size_t proper_run(const dg_doc *doc, size_t i, size_t e,
                         const char *const *heads, size_t *last_head)
{
    size_t j = i;

    *last_head = 0;
    while (j < e && proper_word(doc, j, e)) {
        if (heads && dg_word_in(heads, doc->toks[j].norm))
            *last_head = j + 1;
        j++;
        if (j + 1 < e && (dg_tok_is(&doc->toks[j], "and") ||
                          dg_tok_is(&doc->toks[j], "&")) &&
            proper_word(doc, j + 1, e))
            j++;
    }
    return j;
}

/* Among same-length organization hits, the one a qualifying state
 * (code, or NULL) means: that state's own entry, else a ministry of no
 * state; without a state, an entry of a state before one of none ("the
 * Foreign Office" is the British one). */
static const dg_lex_entry *choose_org(const dg_lex_entry **hits, size_t n,
                                      const char *code)
{
    const dg_lex_entry *generic = NULL, *other = NULL;
    size_t k;

    for (k = 0; k < n; k++) {
        const dg_lex_entry *h = hits[k];
        if (h->kind != DG_LEX_ORG)
            continue;
        if (code && h->country && strcmp(h->country, code) == 0)
            return h;
        if (dg_generic_ministry(h)) {
            if (!generic)
                generic = h;
        } else if (!other) {
            other = h;
        }
    }
    if (code && generic)
        return generic;
    return other ? other : generic;
}

/* An unknown organization at token i: capitalized words ending in an
 * organization head, after a demonym or state when lead is set
 * ("Ruritanian Energy Commission"), continued by "of/on/for/to [the]
 * NAME" phrases ("... on Human Rights", "... of the European Union");
 * a head alone needs such a phrase.  Returns its length, or 0. */
static size_t org_pattern(const dg_doc *doc, size_t i, size_t e, size_t lead)
{
    size_t end, head, k, n;
    const dg_lex_entry *hit;

    proper_run(doc, i + lead, e, org_heads, &head);
    if (head == 0)
        return 0;
    end = head;
    while (end + 1 < e && (dg_tok_is(&doc->toks[end], "of") ||
                           dg_tok_is(&doc->toks[end], "to") ||
                           dg_tok_is(&doc->toks[end], "for") ||
                           dg_tok_is(&doc->toks[end], "on"))) {
        k = end + 1;
        if (k < e && dg_tok_is(&doc->toks[k], "the"))
            k++;
        if ((n = lex_at(doc, k, e, BODY_KINDS, &hit)) > 0)
            end = k + n;
        else if ((n = proper_run(doc, k, e, NULL, &head)) > k)
            end = n;
        else
            break;
    }
    if (end < i + lead + 2)
        return 0; /* a head alone ("Council") is too vague */
    if (head == i + lead + 1 && dg_tok_is(&doc->toks[i + lead], "government"))
        return 0; /* "the Government of Iraq" is the state */
    return end - i;
}

/* A venue at token i: capitalized words (gazetteer places among them)
 * ending in a venue head ("Kilo International Airport").  Returns its
 * length (two words or more), or 0. */
static size_t venue_pattern(const dg_doc *doc, size_t i, size_t e)
{
    size_t head;

    proper_run(doc, i, e, place_heads, &head);
    return head >= i + 2 ? head - i : 0;
}

/* "of [the] BODY" at token j: a state or body of the gazetteer, or an
 * unknown organization ("of the National Energy Commission"); pushes its
 * mention into *ment and returns its length from j, or 0.  `prep` is the
 * preposition ("of", "at"). */
static size_t prep_body(dg_doc *doc, size_t j, size_t e, const char *prep,
                        int *ment)
{
    const dg_lex_entry *hits[LEX_HITS], *hit;
    size_t k = j, n, nh = 0, lead = 0;
    dg_mention m;

    if (k >= e || !dg_tok_is(&doc->toks[k], prep))
        return 0;
    k++;
    if (k < e && (dg_tok_is(&doc->toks[k], "the") ||
                  dg_tok_is(&doc->toks[k], "a")))
        k++;
    n = dg_lexicon_match(doc->lex, doc->text, doc->toks, e, k,
                         BODY_KINDS | (1u << DG_LEX_DEMONYM) | DG_LEX_ANY_CASE,
                         hits, LEX_HITS, &nh);
    hit = n ? best_hit(hits, nh) : NULL;
    if (hit && hit->kind == DG_LEX_DEMONYM)
        lead = n; /* "of the Ruritanian Energy Commission" */
    else if (hit && hit->kind == DG_LEX_ORG)
        hit = choose_org(hits, nh < LEX_HITS ? nh : LEX_HITS, NULL);
    if (hit && !lead && (dg_generic_ministry(hit) ||
                         (doc->toks[k].flags & DG_TOK_CAP))) {
        m = new_mention(k, k + n, DG_MENT_NAME, hit->kind == DG_LEX_COUNTRY ?
                        DG_ENT_COUNTRY : DG_ENT_ORG, hit);
    } else if ((doc->toks[k].flags & DG_TOK_CAP) &&
               (n = org_pattern(doc, k, e, lead)) > 0) {
        m = new_mention(k, k + n, DG_MENT_NAME, DG_ENT_ORG, NULL);
    } else {
        return 0;
    }
    *ment = push_mention(doc, &m);
    return k + n - j;
}

/* "of [the] STATE/BODY" after a title ("Secretary General of NATO"). */
static size_t of_body(dg_doc *doc, size_t j, size_t e, int *ment)
{
    return prep_body(doc, j, e, "of", ment);
}

/* "PREP [the] BODY" at token j (prep "of" or "at") for title mention ti:
 * the title's state or body when it has none.  Returns the token after
 * the phrase (j when there is none), or 0 when out of memory. */
static size_t title_body(dg_doc *doc, int ti, size_t j, size_t e,
                         const char *prep)
{
    int body = -1;
    size_t n = prep_body(doc, j, e, prep, &body);

    if (n == 0)
        return j;
    if (body < 0)
        return 0;
    if (doc->ments[ti].title_country < 0)
        doc->ments[ti].title_country = body;
    return j + n;
}

/* Words between an apposition's comma and its title that keep the post
 * current ("Li Wei, acting foreign minister,"). */
static const char *const current_words[] = {
    "acting", "outgoing", "interim", "caretaker", "incumbent", "current",
    "new", "top", "senior", NULL
};

/* The qualifier of an apposition's title at token k: a state, demonym,
 * body or capital, with its possessive ("China's", "NATO's", "Chinese",
 * "US"), or "country's" after "the" (the state named last).  Fills *m
 * (not pushed) and returns the token after it, or k when there is none. */
static size_t appos_qualifier(const dg_doc *doc, size_t k, size_t e,
                              int after_the, dg_mention *m)
{
    const dg_lex_entry *hits[LEX_HITS], *hit, *st;
    size_t n, nh = 0;

    if (k >= e)
        return k;
    if (after_the && k + 1 < e &&
        dg_word_in(state_anaphors, doc->toks[k].norm) &&
        (doc->toks[k + 1].flags & DG_TOK_POSS) && (st = last_state(doc))) {
        *m = new_mention(k, k + 1, DG_MENT_DEMONYM, DG_ENT_COUNTRY, st);
        return k + 2;
    }
    n = dg_lexicon_match(doc->lex, doc->text, doc->toks, e, k,
                         STATE_KINDS | (1u << DG_LEX_ORG) |
                         (1u << DG_LEX_PLACE), hits, LEX_HITS, &nh);
    if (n == 0)
        return k;
    hit = best_hit(hits, nh);
    if (hit->kind == DG_LEX_ORG)
        hit = choose_org(hits, nh, NULL);
    if (hit->kind == DG_LEX_PLACE &&
        (!(hit->flags & DG_LEXF_CAPITAL) || !hit->country || k + n >= e ||
         !(doc->toks[k + n].flags & DG_TOK_POSS)))
        return k; /* only "Moscow's" stands for a state */
    *m = new_mention(k, k + n, hit->kind == DG_LEX_DEMONYM ? DG_MENT_DEMONYM :
                     DG_MENT_NAME, hit->kind == DG_LEX_ORG ? DG_ENT_ORG :
                     hit->kind == DG_LEX_PLACE ? DG_ENT_PLACE : DG_ENT_COUNTRY,
                     hit);
    m->metonymy = hit->kind == DG_LEX_PLACE;
    k += n;
    if (k < e && (doc->toks[k].flags & DG_TOK_POSS))
        k++;
    return k;
}

/* The word after an apposition's comma that only says when the post is
 * held ("former", "acting", "then-"): returns the token after it, or k. */
static size_t skip_post_modifier(const dg_doc *doc, size_t k, size_t e)
{
    const char *w;

    if (k >= e)
        return k;
    w = doc->toks[k].norm;
    if (dg_word_in(former_words, w) || dg_word_in(future_words, w) ||
        dg_word_in(current_words, w))
        return k + 1;
    if ((strcmp(w, "then") == 0 || strcmp(w, "ex") == 0) && k + 2 < e &&
        dg_tok_is(&doc->toks[k + 1], "-") && glued(&doc->toks[k + 1]))
        return k + 2;
    return k;
}

/* After a name at token j: ", [the|a] [former] [STATE's|DEMONYM|BODY's|
 * the country's] [acting] TITLE [of|at BODY]" (an apposition).  Returns the title
 * mention index, -1 (none) or -2 (out of memory); *end receives the token
 * after it.  A name right after the title makes it a list, not an
 * apposition ("Ivan Petrov, Foreign Minister Li Wei and ..."). */
static int apposition_title(dg_doc *doc, size_t j, size_t e, size_t *end)
{
    const dg_lex_entry *hit = NULL;
    dg_mention q, t;
    size_t k, n, after, title, sb;
    int the = 0, state = -1, ti;

    if (j >= e || !dg_tok_is(&doc->toks[j], ","))
        return -1;
    sb = k = j + 1;
    if (k < e && (dg_tok_is(&doc->toks[k], "the") ||
                  dg_tok_is(&doc->toks[k], "a") ||
                  dg_tok_is(&doc->toks[k], "an"))) {
        the = dg_tok_is(&doc->toks[k], "the");
        k++;
    }
    k = skip_post_modifier(doc, k, e);
    after = appos_qualifier(doc, k, e, the, &q);
    title = after > k ? skip_post_modifier(doc, after, e) : after;
    n = title_any_case(doc, title, e, &hit);
    if (n == 0 || (hit->flags & DG_LEXF_PLURAL))
        return -1; /* "Hurricane Ian, officials said": no apposition */
    if (person_run(doc, title + n, e, 0) > 0)
        return -1;
    if (after > k && (state = push_mention(doc, &q)) < 0)
        return -2;
    t = new_mention(title, title + n, DG_MENT_TITLE, DG_ENT_PERSON, hit);
    t.title_country = state;
    t.tense = title_tense(doc, title, after > k ? q.tok_b : title, sb);
    if ((ti = push_mention(doc, &t)) < 0)
        return -2;
    k = title + n;
    if ((n = title_body(doc, ti, k, e, "of")) == k)
        n = title_body(doc, ti, k, e, "at");
    if (n == 0)
        return -2;
    *end = future_after_title(doc, ti, n, e);
    return ti;
}

/* Verbs that give the person after them the post named right after the
 * name ("made Ana Lopes president", "named Jan Berg ambassador"). */
static const char *const appoint_verbs[] = {
    "made", "make", "makes", "named", "names", "appointed", "appoints",
    "elected", "elects", "installed", "declared", "proclaimed", NULL
};

/* A title right after a name [i, j) that an appointment verb comes
 * before, with at most two lower-case words between ("made the party
 * leader Ana Lopes president").  Returns the title mention, -1 (none)
 * or -2 (out of memory); *end receives the token after it. */
static int predicate_title(dg_doc *doc, size_t i, size_t j, size_t sb,
                           size_t e, size_t *end)
{
    const dg_lex_entry *hit;
    size_t p = i, n;
    dg_mention t;
    int ti;

    while (p > sb && !dg_word_in(appoint_verbs, doc->toks[p - 1].norm)) {
        const dg_token *w = &doc->toks[p - 1];
        if (i - p >= 2 || !(w->flags & DG_TOK_WORD) || (w->flags & DG_TOK_CAP))
            return -1;
        p--;
    }
    if (p == sb || (n = title_any_case(doc, j, e, &hit)) == 0 ||
        (hit->flags & DG_LEXF_PLURAL))
        return -1;
    t = new_mention(j, j + n, DG_MENT_TITLE, DG_ENT_PERSON, hit);
    if ((ti = push_mention(doc, &t)) < 0 ||
        (*end = title_body(doc, ti, j + n, e, "of")) == 0)
        return -2;
    return ti;
}

/* The title a name [i, j) is given after it: an apposition ("Ana Lopes,
 * Chile's foreign minister") or after an appointment verb ("named Ana
 * Lopes ambassador").  Returns as apposition_title. */
static int title_after_name(dg_doc *doc, size_t i, size_t j, size_t sb,
                            size_t e, size_t *end)
{
    int ti = apposition_title(doc, j, e, end);

    return ti == -1 ? predicate_title(doc, i, j, sb, e, end) : ti;
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

    if (title->cls && (strcmp(title->cls, "honorific") == 0 ||
                       strcmp(title->cls, "rank") == 0))
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

/* A person mention for the name [k, k+run) after title mention ti (the
 * people gazetteer's entry when it names the whole run, or a surname
 * that fits the title); "of STATE" after the name gives the title its
 * state when it has none.  Returns the token after it, 0 on no memory. */
static size_t title_name(dg_doc *doc, int ti, size_t k, size_t run, size_t e)
{
    dg_mention p = new_mention(k, k + run, DG_MENT_NAME, DG_ENT_PERSON, NULL);
    const dg_lex_entry *ph = NULL;
    size_t j;

    if ((ph = person_named(doc, k, k + run)) != NULL &&
        (run > 1 || surname_fits(doc, ph, doc->ments[ti].lex)))
        p.lex = ph;
    p.title = ti;
    if ((j = title_body(doc, ti, k + run, e, "of")) == 0)
        return 0;
    return push_mention(doc, &p) < 0 ? 0 : j;
}

/* After a plural title ending at j: "NAME [of STATE], NAME [of STATE]
 * and NAME [of STATE]" ("Defence Ministers Ana Lopes of Spain and Jan
 * Berg of Norway"): each name holds the title's post, in the state
 * named after it.  Returns the token after the list, 0 on no memory. */
static size_t title_list(dg_doc *doc, int ti, size_t j, size_t e)
{
    size_t k = j;

    for (;;) {
        size_t run = person_run(doc, k, e, 0), of;
        dg_mention p;
        int state = -1;
        if (run == 0)
            return j;
        p = new_mention(k, k + run, DG_MENT_NAME, DG_ENT_PERSON, NULL);
        if (run > 1)
            p.lex = person_named(doc, k, k + run);
        p.title = ti;
        k += run;
        if ((of = of_body(doc, k, e, &state)) > 0) {
            if (state < 0)
                return 0;
            p.post_state = state;
            k += of;
        }
        if (push_mention(doc, &p) < 0)
            return 0;
        j = k;
        if (k < e && dg_tok_is(&doc->toks[k], ","))
            k++;
        if (k < e && dg_tok_is(&doc->toks[k], "and"))
            k++;
        if (k == j)
            return j;
    }
}

/* "to [the] STATE/BODY/CITY" after a diplomat's title ending at j (the
 * host: "ambassador to Washington Ana Lopes"): its mention, and the
 * token after it (j when there is none; 0 on no memory). */
static size_t host_phrase(dg_doc *doc, size_t j, size_t e)
{
    const dg_lex_entry *hits[LEX_HITS], *hit;
    size_t k = j + 1, n, nh = 0;
    dg_mention m;

    if (j >= e || !dg_tok_is(&doc->toks[j], "to"))
        return j;
    if (k < e && dg_tok_is(&doc->toks[k], "the"))
        k++;
    n = dg_lexicon_match(doc->lex, doc->text, doc->toks, e, k,
                         BODY_KINDS | (1u << DG_LEX_PLACE), hits, LEX_HITS,
                         &nh);
    if (n == 0)
        return j;
    hit = best_hit(hits, nh);
    if (hit->kind == DG_LEX_ORG)
        hit = choose_org(hits, nh, NULL);
    m = new_mention(k, k + n, DG_MENT_NAME, kind_of_lex(hit->kind), hit);
    return push_mention(doc, &m) < 0 ? 0 : k + n;
}

/* A title mention at [i, i+n) and the person or people it introduces,
 * if any.  Returns the token after everything consumed, or 0 on no
 * memory. */
static size_t title_pattern(dg_doc *doc, size_t i, size_t n, size_t sb,
                            size_t e, const dg_lex_entry *hit)
{
    dg_mention t = new_mention(i, i + n, DG_MENT_TITLE, DG_ENT_PERSON, hit);
    const dg_lex_entry *next;
    int ti, q;
    size_t j = i + n, k, run;

    if ((q = qualifier_before(doc, i, sb, e)) == -2)
        return 0;
    t.title_country = q;
    t.tense = title_tense(doc, i, q >= 0 ? doc->ments[q].tok_b : i, sb);
    if ((ti = push_mention(doc, &t)) < 0 ||
        (j = title_body(doc, ti, j, e, "of")) == 0)
        return 0;
    j = future_after_title(doc, ti, j, e);
    if (hit->cls && strcmp(hit->cls, "diplomat") == 0 &&
        (j = host_phrase(doc, j, e)) == 0)
        return 0;
    if (hit->flags & DG_LEXF_PLURAL)
        return title_list(doc, ti, j, e);
    k = j;
    if (k < e && dg_tok_is(&doc->toks[k], ",") && k + 1 < e)
        k++;
    run = person_run(doc, k, e, 1);
    if (run == 1 && title_any_case(doc, k + 1, e, &next) > 0)
        return j; /* "chief Brexit negotiator": a modifier, no name */
    return run > 0 ? title_name(doc, ti, k, run, e) : j;
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

/* Is the capital city (or seat of government) mention at token i a
 * stand-in for its state? */
static int is_metonymy(const dg_doc *doc, size_t i, size_t n, size_t sb)
{
    const dg_token *nx = i + n < doc->ntoks ? &doc->toks[i + n] : NULL;
    const dg_mention *last = doc->nments ? &doc->ments[doc->nments - 1] : NULL;
    size_t j = i > sb && dg_tok_is(&doc->toks[i - 1], "the") ? i - 1 : i;

    if (nx && (nx->flags & DG_TOK_POSS))
        return 1; /* "Washington's decision" */
    if (j > sb && dg_word_in(place_preps, doc->toks[j - 1].norm))
        return 0; /* "in Washington", "at the White House" */
    if (nx && (nx->flags & DG_TOK_CAP) && !(nx->flags & DG_TOK_NL_BEFORE))
        return 0; /* part of a longer name: "Geneva Conventions" */
    if (i == 0 && nx && (dg_tok_is(nx, ":") || dg_tok_is(nx, "-") || dg_tok_is(nx, ",")))
        return 0; /* a dateline */
    if (i == sb && nx && dg_tok_is(nx, ","))
        return 0;
    if (i >= sb + 2 && dg_tok_is(&doc->toks[i - 1], ",") &&
        dg_tok_is(&doc->toks[i - 2], "capital"))
        return 0; /* "Chile's capital, Santiago" */
    if (i > sb && dg_tok_is(&doc->toks[i - 1], "capital"))
        return 0;
    if (last && last->kind == DG_ENT_PLACE && last->type == DG_MENT_NAME &&
        !last->metonymy && i >= sb + 2 && last->tok_e == i - 1 &&
        (dg_tok_is(&doc->toks[i - 1], "or") ||
         dg_tok_is(&doc->toks[i - 1], "and") ||
         dg_tok_is(&doc->toks[i - 1], ",")))
        return 0; /* "in Geneva or Vienna" */
    return 1;
}

/* Is token j, right after a gazetteer place, an unknown capitalized word
 * that makes the place part of a longer name ("Baltic Fleet", "Geneva
 * Conventions")? */
static int longer_name_after(const dg_doc *doc, size_t j, size_t e)
{
    const dg_lex_entry *hit;

    return j < e && proper_word(doc, j, e) &&
           !(doc->toks[j].flags & DG_TOK_NL_BEFORE) &&
           lex_at(doc, j, e, NAME_KINDS, &hit) == 0 &&
           title_any_case(doc, j, e, &hit) == 0;
}

/* Pushes a pattern mention (no gazetteer entry) of kind k over [b, b+n)
 * and returns the token after it, or 0 on no memory. */
static size_t push_pattern(dg_doc *doc, size_t b, size_t n, dg_ent_kind k,
                           int state)
{
    dg_mention m = new_mention(b, b + n, DG_MENT_NAME, k, NULL);

    m.title_country = state;
    return push_mention(doc, &m) < 0 ? 0 : b + n;
}

/* Prepositions before an unknown town ("in Kilo.", "flew to
 * Kilo."). */
static const char *const town_preps[] = {
    "in", "near", "outside", "at", "to", NULL
};

/* Verbs after which "to" introduces a person, not a town ("spoke to"). */
static const char *const to_person_verbs[] = {
    "spoke", "speaking", "talked", "talking", "wrote", "writing", "said",
    "replied", "according", "sent", "letter", "close", "next", NULL
};

/* Does token j repeat a word of a person named before it? */
static int person_word_before(const dg_doc *doc, size_t j)
{
    size_t k, t;

    for (k = 0; k < doc->nments; k++) {
        const dg_mention *m = &doc->ments[k];
        if (m->type != DG_MENT_NAME || m->kind != DG_ENT_PERSON)
            continue;
        for (t = m->tok_b; t < m->tok_e; t++)
            if (strcmp(doc->toks[t].norm, doc->toks[j].norm) == 0)
                return 1;
    }
    return 0;
}

/* Is token j a word that may be an unknown town's one-word name: a
 * capitalized word of no lexicon, not all capitals, no given name, no
 * word of a person's name found before? */
static int town_word(const dg_doc *doc, size_t j, size_t e)
{
    const dg_lex_entry *hit;

    return j < e && proper_word(doc, j, e) &&
           !(doc->toks[j].flags & DG_TOK_ALLCAPS) &&
           lex_at(doc, j, e, NAME_KINDS | (1u << DG_LEX_GIVEN), &hit) == 0 &&
           !dg_word_in(non_person_heads, doc->toks[j].norm) &&
           !person_word_before(doc, j);
}

/* What may follow a one-word town at token k: "in STATE" or ", STATE"
 * (returns 2), or, unless strict, a comma, full stop or semicolon, or
 * the sentence end (returns 1); else 0. */
static int town_follower(const dg_doc *doc, size_t k, size_t e, int strict)
{
    const dg_lex_entry *hit;

    if (k + 1 < e && (dg_tok_is(&doc->toks[k], "in") ||
                      dg_tok_is(&doc->toks[k], ",")) &&
        lex_at(doc, k + 1, e, 1u << DG_LEX_COUNTRY, &hit) > 0)
        return 2;
    if (strict)
        return 0;
    return k >= e || dg_tok_is(&doc->toks[k], ",") ||
           dg_tok_is(&doc->toks[k], ".") || dg_tok_is(&doc->toks[k], ";");
}

/* A one-word unknown town at token i: after "in", "near" or "outside"
 * (or "at", before "in STATE") and before a comma, a full stop, "in
 * STATE" or "and TOWN" ("in Kilo.", "at Kilo and Lima in Peru"), or
 * after "and"/"or" that follows a town ("Kilo and Lima in Peru"). */
static int lone_town(const dg_doc *doc, size_t i, size_t sb, size_t e)
{
    const dg_mention *last = doc->nments ? &doc->ments[doc->nments - 1] : NULL;
    int strict;
    size_t k = i + 1;

    if (i == sb || !town_word(doc, i, e))
        return 0;
    if ((dg_tok_is(&doc->toks[i - 1], "and") ||
         dg_tok_is(&doc->toks[i - 1], "or")) && last &&
        last->kind == DG_ENT_PLACE && last->tok_e == i - 1)
        return town_follower(doc, k, e, 0) > 0;
    if (!dg_word_in(town_preps, doc->toks[i - 1].norm) ||
        (dg_tok_is(&doc->toks[i - 1], "to") && i >= sb + 2 &&
         dg_word_in(to_person_verbs, doc->toks[i - 2].norm)))
        return 0;
    strict = dg_tok_is(&doc->toks[i - 1], "at");
    if (k + 1 < e && (dg_tok_is(&doc->toks[k], "and") ||
                      dg_tok_is(&doc->toks[k], "or")) && town_word(doc, k + 1, e))
        k += 2;
    return town_follower(doc, k, e, strict) > 0;
}

/* An unknown town at token i: "TOWN, STATE" (one to three capitalized
 * words, a comma and a state that no possessive, title or name follows:
 * "Kilo, Ruritania"; the state's mention goes to *state), or a lone
 * town ("in Kilo.").  Returns the town's length or 0; *state is -1
 * when no state was named, -2 when out of memory. */
static size_t town_pattern(dg_doc *doc, size_t i, size_t sb, size_t e,
                           int *state)
{
    const dg_lex_entry *hit, *st;
    size_t j = i, n, after;
    dg_mention m;

    *state = -1;
    while (j < e && j < i + PLACE_MAX_TOKENS && proper_word(doc, j, e) &&
           lex_at(doc, j, e, NAME_KINDS, &hit) == 0)
        j++;
    if (j == i || has_non_person_head(doc, i, j))
        return 0;
    if (j + 1 < e && dg_tok_is(&doc->toks[j], ",") &&
        (n = lex_at(doc, j + 1, e, 1u << DG_LEX_COUNTRY, &st)) > 0) {
        after = j + 1 + n;
        if (after < e && ((doc->toks[after].flags & DG_TOK_POSS) ||
                          title_any_case(doc, after, e, &hit) > 0 ||
                          is_name_token(doc, after, e)))
            return 0;
        m = new_mention(j + 1, after, DG_MENT_NAME, DG_ENT_COUNTRY, st);
        if ((*state = push_mention(doc, &m)) < 0)
            *state = -2;
        return j - i;
    }
    return lone_town(doc, i, sb, e) ? 1 : 0;
}

/* Nouns for people that a name may follow ("American citizens Paul
 * Reyes and Tomas Lindqvist", "opposition leader Ivan Sokolov"). */
static const char *const person_nouns[] = {
    "citizen", "citizens", "journalist", "journalists", "activist",
    "activists", "leader", "dissident", "dissidents", "lawyer", "detainee",
    "detainees", "prisoner", "prisoners", "politician", "envoy", "official",
    "officials", "opposition", "critic", "nationals", "national", "reporter",
    "businessman", "businesswoman", "hostage", "hostages", "mr", "ms", "mrs",
    "analyst", "analysts", "expert", "experts", "professor", "researcher",
    "suspect", "suspects", "employee", "named", NULL
};

/* Verbs that tell a name before them is a person's ("X said"), or after
 * them in news' inverted attribution ("said Kenji Sato"). */
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

/* After a name ending at token j: ", who", ", a Chilean", ", 45," tell
 * that it is a person's. */
static int person_apposition(const dg_doc *doc, size_t j, size_t e)
{
    const dg_lex_entry *hit;
    const dg_token *t;

    if (j + 1 >= e || !dg_tok_is(&doc->toks[j], ","))
        return 0;
    t = &doc->toks[j + 1];
    if (dg_tok_is(t, "who"))
        return 1;
    if ((dg_tok_is(t, "a") || dg_tok_is(t, "an")) && j + 2 < e &&
        lex_at(doc, j + 2, e, 1u << DG_LEX_DEMONYM, &hit) > 0)
        return 1;
    return (t->flags & DG_TOK_NUM) && j + 2 < e &&
           dg_tok_is(&doc->toks[j + 2], ",");
}

/* Is the unknown capitalized run [i, i+run) a person's name?  Its first
 * word is a given name the people gazetteer knows, or a person noun
 * comes before it, a speech verb before or after it, an event trigger
 * after it, "with", a trigger verb or a trigger verb's "by" before it,
 * ", who" after it, or it
 * is coordinated with a person just named ("Joan Reyes and Tomas
 * Lindqvist"). */
static int looks_like_person(const dg_doc *doc, size_t i, size_t run,
                             size_t sb, size_t e)
{
    const dg_lex_entry *hit;
    size_t k;

    if (lex_at(doc, i, e, 1u << DG_LEX_GIVEN, &hit) == 1 ||
        glued_particle(doc, i, e)) /* "al-Rashid" */
        return 1;
    if (i > sb && (dg_word_in(person_nouns, doc->toks[i - 1].norm) ||
                   dg_word_in(person_verbs, doc->toks[i - 1].norm)))
        return 1;
    if (i > sb + 1 && dg_tok_is(&doc->toks[i - 1], "to") &&
        dg_tok_is(&doc->toks[i - 2], "according"))
        return 1;
    if (i + run < e && (dg_word_in(person_verbs, doc->toks[i + run].norm) ||
                        lex_at(doc, i + run, e, 1u << DG_LEX_TRIGGER, &hit) ||
                        dg_lexicon_trigger_verb(doc->lex,
                                                doc->toks[i + run].norm, 0)))
        return 1; /* "Kenji Sato met ...", "... Sato said" */
    if (person_apposition(doc, i + run, e) &&
        !(i > sb && dg_word_in(place_preps, doc->toks[i - 1].norm)))
        return 1; /* not "the prison at Kilo Bay, who ..." */
    if (i > sb && dg_word_in(person_preps, doc->toks[i - 1].norm))
        return 1; /* "met with Kenji Sato", "hosted Kenji Sato" */
    if (i > sb + 1 && dg_tok_is(&doc->toks[i - 1], "by") &&
        dg_lexicon_trigger_verb(doc->lex, doc->toks[i - 2].norm, 0))
        return 1; /* the agent of a passive: "was received by Kenji Sato" */
    if (i > sb && ((lex_at(doc, i - 1, i, 1u << DG_LEX_TRIGGER, &hit) &&
                    (hit->flags & DG_LEXF_VERB)) ||
                   dg_lexicon_trigger_verb(doc->lex, doc->toks[i - 1].norm,
                                           1)))
        return 1;
    if (i > sb + 1 && dg_tok_is(&doc->toks[i - 1], "and") && doc->nments > 0) {
        k = doc->nments - 1;
        return doc->ments[k].tok_e == i - 1 && doc->ments[k].kind ==
               DG_ENT_PERSON && doc->ments[k].type == DG_MENT_NAME;
    }
    return 0;
}

/* Verbs after which an unknown acronym is one who acts, directly or
 * after an auxiliary ("FARC said", "the ELN has said", "the LNA
 * agreed"); "GDP has grown", "the DNA was checked" are not. */
static const char *const acting_words[] = {
    "said", "says", "say", "announced", "claimed", "denied", "rejected",
    "agreed", "called", "urged", "warned", "accused", "demanded",
    "threatened", "refused", "vowed", "pledged", "offered", "condemned",
    "welcomed", "released", "declared", "insisted", "stated", NULL
};
static const char *const acting_auxiliaries[] = {
    "has", "have", "had", "will", "would", "also", NULL
};

/* Is token i an unknown acronym (two to six capitals, in a sentence not
 * written in capitals) that acts: followed by a verb of saying or acting,
 * over one auxiliary?  It names an organization ("the ELN has said"). */
static int acting_acronym(const dg_doc *doc, size_t i, size_t sb, size_t e)
{
    const dg_token *t = &doc->toks[i];
    size_t n = t->e - t->b, k;

    k = i + 1;
    if (k + 1 < e && dg_word_in(acting_auxiliaries, doc->toks[k].norm))
        k++;
    if (!(t->flags & DG_TOK_ALLCAPS) || n < 2 || n > 6 || k >= e ||
        !dg_word_in(acting_words, doc->toks[k].norm))
        return 0;
    for (k = t->b; k < t->e; k++)
        if (doc->text[k] < 'A' || doc->text[k] > 'Z')
            return 0;
    for (k = sb; k < e; k++)
        if (k != i && (doc->toks[k].flags & DG_TOK_ALLCAPS) &&
            doc->toks[k].e - doc->toks[k].b > 1)
            return 0; /* a headline in capitals */
    return 1;
}

/* A person name without a title: "NAME, TITLE" or a generic name; else
 * an unknown venue, organization or town. */
static size_t bare_name(dg_doc *doc, size_t i, size_t e, size_t sb)
{
    size_t run, end;
    int ti, state;

    if ((run = venue_pattern(doc, i, e)) > 0)
        return push_pattern(doc, i, run, DG_ENT_PLACE, -1);
    if ((run = org_pattern(doc, i, e, 0)) > 0)
        return push_pattern(doc, i, run, DG_ENT_ORG, -1);
    run = name_run(doc, i, e, 0);
    if (run > 1 && dg_word_in(non_person_heads, doc->toks[i].norm))
        return i + 1; /* "Bomber al-Rashid": the name starts later */
    if (run == 0 || has_non_person_head(doc, i, i + run))
        return i + (run ? run : 1);
    ti = title_after_name(doc, i, i + run, sb, e, &end);
    if (ti == -2)
        return 0;
    if (run == 1 && acting_acronym(doc, i, sb, e))
        return push_pattern(doc, i, 1, DG_ENT_ORG, -1);
    if (ti < 0 && (run < 2 || (i > sb && dg_tok_is(&doc->toks[i - 1], "the")) ||
                   !looks_like_person(doc, i, run, sb, e))) {
        size_t town = town_pattern(doc, i, sb, e, &state);
        if (state == -2)
            return 0;
        if (town == 0)
            return i + run;
        if (!push_pattern(doc, i, town, DG_ENT_PLACE, state))
            return 0;
        return state >= 0 ? doc->ments[state].tok_e : i + town;
    }
    {
        dg_mention p = new_mention(i, i + run, DG_MENT_NAME, DG_ENT_PERSON,
                                   NULL);
        p.title = ti;
        if (push_mention(doc, &p) < 0)
            return 0;
    }
    return ti >= 0 ? end : i + run;
}

const dg_lex_entry *dg_lone_surname(const dg_doc *doc, size_t i)
{
    const dg_lex_entry *hits[SURNAME_HITS], *found = NULL;
    size_t nh = 0, k;
    int y = doc_year(doc);

    if (dg_lexicon_match(doc->lex, doc->text, doc->toks, doc->ntoks, i,
                         NAME_KINDS, hits, SURNAME_HITS, &nh) != 1 ||
        nh == SURNAME_HITS)
        return NULL;
    for (k = 0; k < nh; k++) {
        const dg_lex_entry *h = hits[k];
        if (h->kind != DG_LEX_PERSON)
            return NULL; /* also a state, a title, ... */
        if (!spell_in_year(h, y))
            continue;
        if (found && strcmp(found->key, h->key) != 0)
            return NULL;
        found = h;
    }
    return found;
}

/* A surname people.tsv lists alone at token i ("Petrov said"): a person
 * mention (resolved by entities.c, to a person named in full in the
 * article if any, else to the gazetteer's) when one known person bears
 * it; at a sentence start only before "said", a trigger, "'s" or ",".
 * Returns the token after it (0: no memory), or i when it is none. */
static size_t lone_surname(dg_doc *doc, size_t i, size_t sb, size_t e)
{
    const dg_lex_entry *hit;
    size_t end;
    int ti;

    if (is_noname(doc, i, e) || !dg_lone_surname(doc, i))
        return i;
    if (i + 1 < e && (is_name_token(doc, i + 1, e) ||
                      (dg_tok_is(&doc->toks[i + 1], "-") &&
                       glued(&doc->toks[i + 1]))))
        return i; /* the first word of a longer name ("Lee-class") */
    if (i == sb && !(i + 1 < e &&
                     (dg_word_in(person_verbs, doc->toks[i + 1].norm) ||
                      (doc->toks[i + 1].flags & DG_TOK_POSS) ||
                      dg_tok_is(&doc->toks[i + 1], ",") ||
                      lex_at(doc, i + 1, e, 1u << DG_LEX_TRIGGER, &hit) ||
                      dg_lexicon_trigger_verb(doc->lex,
                                              doc->toks[i + 1].norm, 0))))
        return i;
    {
        dg_mention p = new_mention(i, i + 1, DG_MENT_NAME, DG_ENT_PERSON,
                                   NULL);
        if ((ti = title_after_name(doc, i, i + 1, sb, e, &end)) == -2)
            return 0;
        p.title = ti;
        if (push_mention(doc, &p) < 0)
            return 0;
    }
    return ti >= 0 ? end : i + 1;
}

/* A mention of the gazetteer (state, demonym, organization, place) at
 * [i, i+n), hit the best of its nh hits; a venue or unknown organization
 * that starts with it wins ("Kilo International Airport", "Ruritanian
 * National Commission").  Returns the token after it, 0 on no memory. */
static size_t gazetteer_mention(dg_doc *doc, size_t i, size_t n, size_t sb,
                                size_t e, const dg_lex_entry **hits,
                                size_t nh, const dg_lex_entry *hit)
{
    const dg_lex_entry *next;
    size_t run;
    int q = -1, of;
    dg_mention m;

    if (hit->kind == DG_LEX_PLACE || hit->kind == DG_LEX_COUNTRY) {
        if ((run = venue_pattern(doc, i, e)) > n)
            return push_pattern(doc, i, run, DG_ENT_PLACE, -1);
        if (hit->kind == DG_LEX_PLACE && longer_name_after(doc, i + n, e))
            return i + n; /* "Baltic Fleet", "Geneva Conventions" */
    }
    if ((hit->kind == DG_LEX_DEMONYM || hit->kind == DG_LEX_COUNTRY) &&
        lex_at(doc, i + n, e, 1u << DG_LEX_ORG, &next) == 0 &&
        (run = org_pattern(doc, i, e, n)) > n)
        return push_pattern(doc, i, run, DG_ENT_ORG, -1);
    if (hit->kind == DG_LEX_ORG) {
        const char *code = NULL;
        if ((q = title_state_before(doc, i)) >= 0)
            code = mention_state_code(&doc->ments[q]);
        hit = choose_org(hits, nh, code);
        if (!dg_generic_ministry(hit) || !code)
            q = -1;
    }
    m = new_mention(i, i + n, hit->kind == DG_LEX_DEMONYM ? DG_MENT_DEMONYM :
                    DG_MENT_NAME, hit->kind == DG_LEX_DEMONYM ?
                    DG_ENT_COUNTRY : kind_of_lex(hit->kind), hit);
    m.title_country = q;
    if (hit->kind == DG_LEX_PLACE && (hit->flags & DG_LEXF_CAPITAL) &&
        hit->country && is_metonymy(doc, i, n, sb))
        m.metonymy = 1;
    if ((q = push_mention(doc, &m)) < 0)
        return 0;
    if (dg_generic_ministry(hit) && doc->ments[q].title_country < 0 &&
        (run = of_body(doc, i + n, e, &of)) > 0) {
        /* "the Ministry of Foreign Affairs of Japan" */
        if (of < 0)
            return 0;
        if (doc->ments[of].kind == DG_ENT_COUNTRY)
            doc->ments[q].title_country = of;
        return i + n + run;
    }
    return i + n;
}

static size_t scan_sentence_at(dg_doc *doc, size_t i, size_t sb, size_t e)
{
    const dg_lex_entry *hits[LEX_HITS], *hit = NULL;
    size_t nh = 0, n, k, end;

    n = dg_lexicon_match(doc->lex, doc->text, doc->toks, e, i, NAME_KINDS,
                         hits, LEX_HITS, &nh);
    if (n > 0)
        hit = best_hit(hits, nh);
    else if (!(doc->toks[i].flags & DG_TOK_CAP))
        n = lower_title(doc, i, sb, e, &hit);
    if (n > 0 && hit->kind == DG_LEX_TITLE)
        return title_pattern(doc, i, n, sb, e, hit);
    if (n == 1 && hit->kind == DG_LEX_PERSON) {
        const dg_lex_entry *others[LEX_HITS];
        size_t no = 0;
        if ((end = lone_surname(doc, i, sb, e)) != i)
            return end;
        for (k = 0; k < nh; k++)
            if (hits[k]->kind != DG_LEX_PERSON)
                others[no++] = hits[k];
        if (no == 0)
            return bare_name(doc, i, e, sb);
        hit = best_hit(others, no);
    }
    if (n > 0 && hit->kind == DG_LEX_PERSON &&
        (k = venue_pattern(doc, i, e)) > n)
        return push_pattern(doc, i, k, DG_ENT_PLACE, -1); /* "Ana Lopes
                                                        * Airport" */
    if (n > 0 && hit->kind == DG_LEX_PERSON) {
        dg_mention p = new_mention(i, i + n, DG_MENT_NAME, DG_ENT_PERSON,
                                   pick_person(doc, hits, nh));
        int ti = title_after_name(doc, i, i + n, sb, e, &end);
        if (ti == -2)
            return 0;
        p.title = ti;
        if (push_mention(doc, &p) < 0)
            return 0;
        return ti >= 0 ? end : i + n;
    }
    if (n > 0)
        return gazetteer_mention(doc, i, n, sb, e, hits, nh, hit);
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

/* The capitalized words of the person names found so far (of two or
 * more words, or of one after a title: "Secretary General Lazard"),
 * sorted (for bsearch); *n receives their number.  NULL when out of
 * memory (or none: *n is then 0). */
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
            (m->tok_e - m->tok_b < 2 && m->title < 0))
            continue;
        for (t = m->tok_b; t < m->tok_e; t++)
            if (doc->toks[t].flags & DG_TOK_CAP)
                w[(*n)++] = doc->toks[t].norm;
    }
    qsort(w, *n, sizeof *w, cmp_str);
    return w;
}

/* Words before a month name that is no surname ("in May", "since
 * March"). */
static const char *const month_words[] = {
    "in", "on", "since", "by", "until", "till", "last", "next", "early",
    "late", "mid", "this", "of", "from", "through", "before", "after",
    "during", NULL
};

/* Can token i, which repeats a word of a person name, be a mention of
 * that person?  Not a particle ("Bin", "Ibn"), and a stop name ("May")
 * only where it is no date ("in May", "May 5"). */
static int surname_token(const dg_doc *doc, size_t i)
{
    const dg_token *t = &doc->toks[i];

    if (dg_word_in(name_particles, t->norm) ||
        dg_word_in(name_prefixes, t->norm))
        return 0;
    if (!is_noname(doc, i, doc->ntoks))
        return 1;
    if (i > 0 && dg_word_in(month_words, doc->toks[i - 1].norm))
        return 0;
    return !(i + 1 < doc->ntoks && (doc->toks[i + 1].flags & DG_TOK_NUM));
}

/* Does token i repeat a word of a person name found before? */
static int repeats_person_word(const dg_doc *doc, size_t i,
                               const char **words, size_t n)
{
    const char *key = doc->toks[i].norm;

    return n > 0 && bsearch(&key, words, n, sizeof *words, cmp_str) != NULL &&
           surname_token(doc, i);
}

static int cmp_mention(const void *a, const void *b)
{
    const dg_mention *x = a, *y = b;

    if (x->tok_b != y->tok_b)
        return x->tok_b < y->tok_b ? -1 : 1;
    return 0;
}

/* Sorts mentions into text order.  Mentions refer to each other by
 * index (title, title_country, counterpart, post_state), so the indices
 * are remapped. */
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
        if (sorted[k].post_state >= 0)
            sorted[k].post_state = (int)where[sorted[k].post_state];
    }
    memcpy(doc->ments, sorted, doc->nments * sizeof *sorted);
    free(sorted);
    free(where);
    return DG_OK;
}

/* Marks the mentions that are the state of a title or of a ministry
 * (after sorting): "Chinese" in "Chinese President" is no actor. */
static void mark_title_states(dg_doc *doc)
{
    size_t k;

    for (k = 0; k < doc->nments; k++) {
        const dg_mention *t = &doc->ments[k];
        if (t->title_country < 0 || t->kind == DG_ENT_PLACE)
            continue;
        if (t->type == DG_MENT_TITLE)
            doc->ments[t->title_country].title_state =
                (t->lex->flags & DG_LEXF_PLURAL) ? 2 : 1;
        else if (dg_generic_ministry(t->lex))
            doc->ments[t->title_country].title_state = 1;
    }
}

/* A one-word organization of the gazetteer that repeats a word of a
 * person's name ("Lazard" after "Secretary General Lazard") is that
 * person. */
static void orgs_as_people(dg_doc *doc, const char **words, size_t nwords)
{
    size_t k;

    for (k = 0; k < doc->nments; k++) {
        dg_mention *m = &doc->ments[k];
        if (m->type == DG_MENT_NAME && m->kind == DG_ENT_ORG && m->lex &&
            org_word_as_name(m->lex, m->tok_e - m->tok_b) &&
            repeats_person_word(doc, m->tok_b, words, nwords)) {
            m->kind = DG_ENT_PERSON;
            m->lex = NULL;
        }
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
    orgs_as_people(doc, words, nwords);
    for (k = 0; k < n0; k++)
        memset(cov + doc->ments[k].tok_b, 1,
               doc->ments[k].tok_e - doc->ments[k].tok_b);
    for (i = 0; i < doc->ntoks; i++) {
        const dg_token *t = &doc->toks[i];
        if (cov[i] || !(t->flags & DG_TOK_CAP) || !(t->flags & DG_TOK_WORD) ||
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
    dg_status st;

    free(doc->ment_at);
    doc->ment_at = NULL; /* the mentions change until they are found */
    dg_lexicon_index_tokens(doc->lex, doc->toks, doc->ntoks);
    for (s = 0; s < doc->nsents; s++) {
        size_t i = doc->sents[s].tok_b, e = doc->sents[s].tok_e;
        while (i < e) {
            size_t next = scan_sentence_at(doc, i, doc->sents[s].tok_b, e);
            if (next == 0)
                return DG_ERR_NOMEM;
            i = next > i ? next : i + 1;
        }
    }
    st = surname_pass(doc);
    if (st == DG_OK && !index_mentions(doc))
        st = DG_ERR_NOMEM;
    return st;
}
