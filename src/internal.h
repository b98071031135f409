/*
 * internal.h: the data model shared by the pipeline stages inside
 * libdiplograph.  Not installed; programs use diplograph.h.
 *
 * One article is a dg_doc.  Each stage fills one part of it and the next
 * stage reads it:
 *   text.c      validates UTF-8                      (doc->text)
 *   segment.c   paragraphs, sentences, tokens        (doc->sents, doc->toks)
 *   mentions.c  gazetteer and name-pattern mentions  (doc->ments)
 *   entities.c  coreference, entity IRIs            (doc->ents)
 *   dates.c     date and duration expressions        (used by events.c)
 *   events.c    triggers, participants, roles, ...   (doc->evs)
 *               (with actors.c, mood.c, event_filters.c; events_internal.h)
 *   topics.c    the issues of each event and of the  (dg_event.topics,
 *               article, spelling variants folded     doc->topics)
 *   rdfmap.c    the doc as triples                   (dg_graph)
 * All offsets stored here are in bytes unless a name ends in _cp (code
 * points).  Strings in a doc belong to the doc and die with dg_doc_free.
 */
#ifndef DIPLOGRAPH_INTERNAL_H
#define DIPLOGRAPH_INTERNAL_H

#include "diplograph.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ */
/* Diagnostics helper                                                  */
/* ------------------------------------------------------------------ */

/* Formats a message (printf-style) and passes it to diag if not NULL.
 * The message is as long as it needs to be: never cut, unless memory
 * runs out (then it keeps its first 1,023 bytes). */
void dg_diagf(dg_diag_fn diag, void *ctx, dg_status st, const char *where,
              const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* A new string formatted printf-style (malloc'd, the caller frees), of
 * any length; NULL when out of memory.  dg_vstrdupf: the same with a
 * va_list. */
char *dg_strdupf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
char *dg_vstrdupf(const char *fmt, va_list ap);

/* ------------------------------------------------------------------ */
/* Text (text.c)                                                       */
/* ------------------------------------------------------------------ */

/* Checks that text[0..len) is UTF-8 that every output syntax carries
 * unchanged: no NUL bytes, overlong forms, surrogates, code points above
 * U+10FFFF, nor any of the 66 Unicode noncharacters (Raptor's writers
 * stop a term at U+FFFE and U+FFFF and report success; XML 1.0 and
 * RFC 3987 IRIs exclude them).  Returns 1 when valid; else 0 with
 * *bad_byte (may be NULL) the byte offset of the first bad sequence. */
int dg_utf8_valid(const char *text, size_t len, size_t *bad_byte);

/* The Unicode noncharacters (Unicode 15, section 23.7): U+FDD0..U+FDEF
 * and the last two code points of every plane, U+FFFE, U+FFFF, U+1FFFE,
 * ..., U+10FFFF. */
int dg_cp_is_noncharacter(uint32_t c);

/* Bytes dg_utf8_fault may write into its buf. */
#define DG_UTF8_FAULT_MAX 32

/* Names the fault dg_utf8_valid found at byte `bad` of text[0..len):
 * "NUL byte", "invalid UTF-8 sequence" or "noncharacter U+FFFE" (written
 * into buf, DG_UTF8_FAULT_MAX bytes).  Returns a static string or buf. */
const char *dg_utf8_fault(const char *text, size_t len, size_t bad,
                          char *buf);

/* Decodes the code point at text[*i] (valid UTF-8 assumed) and advances
 * *i past it: ASCII, most of any text, here, the rest by dg_utf8_decode
 * (text.c), which decodes any. */
uint32_t dg_utf8_decode(const char *text, size_t len, size_t *i);
static inline uint32_t dg_utf8_next(const char *text, size_t len, size_t *i)
{
    unsigned char b = (unsigned char)text[*i];

    if (b < 0x80) {
        (*i)++;
        return b;
    }
    return dg_utf8_decode(text, len, i);
}

/* A 64-bit hash of the n bytes at p, continuing from h (start with any
 * constant): eight bytes a step, for hash tables only (not stable
 * across versions; never part of the output). */
uint64_t dg_hash_bytes(uint64_t h, const void *p, size_t n);

/* Number of code points in text[0..len) (valid UTF-8 assumed). */
size_t dg_utf8_count(const char *text, size_t len);

/* Appends the lower-case, accent-free ("Doğan" -> "dogan"), straight
 * quote form of code point c to buf (at most 4 bytes); returns bytes
 * written.  Letters outside Latin scripts are lower-cased only.  ASCII
 * here, the rest by dg_fold_cp_any (text.c), which folds any. */
size_t dg_fold_cp_any(uint32_t c, char *buf);
static inline size_t dg_fold_cp(uint32_t c, char *buf)
{
    if (c < 0x80) {
        buf[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return 1;
    }
    return dg_fold_cp_any(c, buf);
}

/* Unicode-aware letter classes, enough for names in Latin, Greek and
 * Cyrillic scripts; other scripts' letters count as letters without case.
 * ASCII here (the tokenizer asks of every character), the rest by the
 * _any functions of text.c, which answer for any. */
int dg_cp_is_upper_any(uint32_t c);
int dg_cp_is_lower_any(uint32_t c);
int dg_cp_is_letter_any(uint32_t c);
static inline int dg_cp_is_upper(uint32_t c)
{
    return c < 0x80 ? c >= 'A' && c <= 'Z' : dg_cp_is_upper_any(c);
}

static inline int dg_cp_is_lower(uint32_t c)
{
    return c < 0x80 ? c >= 'a' && c <= 'z' : dg_cp_is_lower_any(c);
}

static inline int dg_cp_is_letter(uint32_t c)
{
    return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z'
                    : dg_cp_is_letter_any(c);
}
int dg_cp_is_space(uint32_t c); /* also NBSP and the Unicode spaces */

/* ------------------------------------------------------------------ */
/* Tokens and sentences (segment.c)                                    */
/* ------------------------------------------------------------------ */

enum {
    DG_TOK_WORD = 1u << 0,     /* letters or digits */
    DG_TOK_CAP = 1u << 1,      /* first letter upper case ("Sato") */
    DG_TOK_ALLCAPS = 1u << 2,  /* two or more letters, all upper ("NATO") */
    DG_TOK_NUM = 1u << 3,      /* starts with a digit */
    DG_TOK_PUNCT = 1u << 4,    /* one punctuation character */
    DG_TOK_SPACE_BEFORE = 1u << 5, /* white space precedes it */
    DG_TOK_NL_BEFORE = 1u << 6,    /* a line break precedes it */
    DG_TOK_ABBREV = 1u << 7,   /* ends with '.', an abbreviation ("U.S.") */
    DG_TOK_POSS = 1u << 8      /* the possessive "'s" / "’s" / "'" */
};

typedef struct {
    size_t b, e;       /* bytes [b, e) in the text */
    size_t b_cp, e_cp; /* the same in code points */
    unsigned flags;    /* DG_TOK_* */
    const char *norm;  /* folded form (dg_fold_cp of each code point) */
    size_t sent;       /* index of its sentence */
    /* The lexicon's entries that start with norm, looked up once by
     * dg_lexicon_index_tokens; valid only while lex_norm == norm. */
    const void *lex_entries;
    const char *lex_norm;
} dg_token;

typedef struct {
    size_t b, e;       /* bytes, trimmed of surrounding white space */
    size_t b_cp, e_cp; /* code points */
    size_t tok_b, tok_e; /* tokens [tok_b, tok_e) */
    size_t para;       /* paragraph index (blank-line or line-break run) */
} dg_sentence;

/* Tokenizes text[0..len) (valid UTF-8) into a new array *toks of *n
 * tokens, norms malloc'd in one block owned by the array: free with
 * dg_tokens_free(*toks, *n).  Words are letter/digit runs with inner
 * apostrophes, dots of abbreviations ("U.S.", "Gen.") and nothing else;
 * each other non-space character is a token of its own ("-", ",", "’s"
 * becomes a DG_TOK_POSS token).  Sentence fields are left 0.
 * Errors: DG_ERR_NOMEM. */
dg_status dg_tokenize(const char *text, size_t len, dg_token **toks,
                      size_t *n);
void dg_tokens_free(dg_token *toks, size_t n);

/* 1 when the strings a and b are equal: an inline loop over the few
 * bytes of a word, cheaper than a call to strcmp, as the stages compare
 * words millions of times on a thousand articles. */
static inline int dg_same_word(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

/* 1 when token t's folded form is exactly norm ("u.s.", ","). */
static inline int dg_tok_is(const dg_token *t, const char *norm)
{
    return dg_same_word(t->norm, norm);
}

/* 1 when w is one of the strings of the NULL-terminated list, a static
 * array that lives as long as the process (wordlist.c keeps a hash set
 * of each longer list, found by its address). */
int dg_word_in(const char *const *list, const char *w);

/* ------------------------------------------------------------------ */
/* Lexicons (lexicon.c)                                                */
/* ------------------------------------------------------------------ */

typedef enum {
    DG_LEX_COUNTRY,   /* a state; key = ISO 3166-1 alpha-3 */
    DG_LEX_DEMONYM,   /* "Chinese": country = its state */
    DG_LEX_ORG,       /* international body, ministry, party, ... */
    DG_LEX_PLACE,     /* city, venue, region, sea; country = where */
    DG_LEX_TITLE,     /* "Foreign Minister", "President" */
    DG_LEX_TRIGGER,   /* an event trigger, cls = event class */
    DG_LEX_TOPIC,     /* a topic keyword, key = topic id */
    DG_LEX_NONAME,    /* a capitalized word that never starts a name */
    DG_LEX_PERSON,    /* a well-known person (people.tsv): label = name,
                         country = ISO3 or body code, cls = title,
                         key = folded name */
    DG_LEX_GIVEN,     /* a given name: the first word of every name in
                         people.tsv ("Maria"), evidence that a pair of
                         unknown capitalized words is a person */
    DG_LEX_KIND_COUNT
} dg_lex_kind;

enum {
    DG_LEXF_CASE = 1u << 0,    /* match only with the case as written */
    DG_LEXF_CAPITAL = 1u << 1, /* PLACE: a capital city (metonymy) */
    DG_LEXF_NOUN = 1u << 2,    /* TRIGGER: a noun ("talks", "visit") */
    DG_LEXF_VERB = 1u << 3,    /* TRIGGER: a verb ("met", "hosted") */
    DG_LEXF_PLURAL = 1u << 4,  /* TRIGGER/TITLE: plural form */
    DG_LEXF_NEEDS_OBJECT = 1u << 5, /* TRIGGER: an event only with a person,
                                       state or organization as object */
    DG_LEXF_RECIPROCAL = 1u << 6,   /* TRIGGER: a joint activity, an event
                                       only with two sides */
    DG_LEXF_GAP = 1u << 7,     /* TRIGGER: the surface has "...", a gap of
                                  noun-phrase words */
    DG_LEXF_IN_SPEECH = 1u << 8 /* TRIGGER: an evaluation ("a historic
                                   mistake"), an event only inside what
                                   someone is reported to say */
};

typedef struct {
    dg_lex_kind kind;
    const char *surface;  /* as written in the data file */
    const char *key;      /* stable id (ISO code, slug, topic id) */
    const char *label;    /* canonical name or title */
    const char *country;  /* ISO alpha-3 it belongs to, or NULL */
    const char *cls;      /* subtype (see data/README.md), or NULL */
    const char *cameo;    /* TRIGGER: CAMEO code ("042"), else NULL */
    const char *role;     /* TRIGGER: role of the subject ("visitor") */
    unsigned flags;       /* DG_LEXF_* */
    size_t ntoks;         /* tokens in surface */
    const char *located_in; /* PLACE: name (key) of the place it lies in
                               (a venue's city), or NULL */
    int from, to;         /* PERSON: years the post was held (people.tsv);
                             to = 0 while in office */
    const char *withdrawn; /* COUNTRY: the ISO 3166-3 code ("SUHH") of a
                              state whose ISO 3166-1 code was withdrawn,
                              else NULL */
    const char *wikidata; /* COUNTRY, ORG, PERSON: its Wikidata item
                             ("Q183", from the *-ids.tsv files), or NULL */
    const char *cow;      /* COUNTRY: its Correlates of War state number
                             ("255", country-ids.tsv), or NULL */
} dg_lex_entry;

/* In a kind_mask: match names without their capital letter too ("China's
 * foreign minister"); case-exact entries ("US") stay case-exact. */
#define DG_LEX_ANY_CASE (1u << 31)

/* Finds the longest lexicon entries that match tokens starting at
 * toks[i] (text is the article, for DG_LEXF_CASE checks).  Stores up to
 * `max` matching entries (all of the same, longest, length) in hits[],
 * sets *nhits, and returns the match length in tokens (0: none).  Only
 * entries whose kind bit (1u << kind) is in kind_mask are considered. */
size_t dg_lexicon_match(const dg_lexicon *lex, const char *text,
                        const dg_token *toks, size_t ntoks, size_t i,
                        unsigned kind_mask, const dg_lex_entry **hits,
                        size_t max, size_t *nhits);

/* Looks up once, for each of toks[0..n), the lexicon entries that start
 * with its folded form, for dg_lexicon_match to use when it is asked
 * about the token (it looks up a token that was not indexed, or whose
 * norm was changed since, itself).  Lexicon look-ups are the most
 * frequent in the pipeline, about four per token; the answer stays
 * valid while lex lives. */
void dg_lexicon_index_tokens(const dg_lexicon *lex, dg_token *toks,
                             size_t n);

/* The entries of the kinds in kind_mask whose first token's folded
 * form is norm, in load order: up to max of them into out[] (borrowed);
 * returns how many.  For matchers of their own ("verb ... noun"
 * triggers, events.c). */
size_t dg_lexicon_starting(const dg_lexicon *lex, const char *norm,
                           unsigned kind_mask, const dg_lex_entry **out,
                           size_t max);

/* 1 when the folded word norm is a form of a verb that starts a trigger
 * ("met", "visits": verb triggers are written in the base form), by
 * WordNet's morphology (dg_wordclass_verb); with talks, only a trigger of
 * talks between people (meeting, visit, call, negotiation: "met X",
 * "hosted X", whose objects are people). */
int dg_lexicon_trigger_verb(const dg_lexicon *lex, const char *norm,
                            int talks);

/* Every spell (post held, with its years) that people.tsv gives the
 * person of entry `person` (any of the person's entries): stores up to
 * max of them in out[] in file order and returns how many.  A hashed
 * lookup, not a scan of all people. */
size_t dg_lexicon_spells(const dg_lexicon *lex, const dg_lex_entry *person,
                         const dg_lex_entry **out, size_t max);

/* The entries of the kinds of kind_mask whose surface is the whole of
 * name, in any letter case ("japanese foreign ministry"): stores up to
 * max of them in hits[] and returns how many (0 also when out of
 * memory). */
size_t dg_lexicon_named(const dg_lexicon *lex, const char *name,
                        unsigned kind_mask, const dg_lex_entry **hits,
                        size_t max);

/* 1 when e is a ministry the gazetteer lists for no state ("Foreign
 * Ministry", class ministry, no ISO3): the ministry of whichever state
 * the text gives it. */
int dg_generic_ministry(const dg_lex_entry *e);

/* The first topic entry (in load order) of scheme key `key`, or NULL:
 * an indexed look-up. */
const dg_lex_entry *dg_lexicon_topic(const dg_lexicon *lex, const char *key);

/* The country entry for an ISO alpha-3 code, or NULL. */
const dg_lex_entry *dg_lexicon_country(const dg_lexicon *lex,
                                       const char *iso3);

/* All entries of one kind, in file order (borrowed). */
size_t dg_lexicon_entries(const dg_lexicon *lex, dg_lex_kind kind,
                          const dg_lex_entry *const **entries);

/* ------------------------------------------------------------------ */
/* Word classes (wordclass.c)                                          */
/* ------------------------------------------------------------------ */

/* Word classes as bits, in WordNet's order (noun, verb, adj, adv). */
enum {
    DG_WC_NOUN = 1u << 0,
    DG_WC_VERB = 1u << 1,
    DG_WC_ADJ = 1u << 2,
    DG_WC_ADV = 1u << 3
};

/* The form of a verb reading. */
typedef enum {
    DG_VF_NONE = 0,   /* no verb reading */
    DG_VF_BASE,       /* "meet" */
    DG_VF_S,          /* "meets" */
    DG_VF_ED,         /* "met", "agreed", "spoken": past or participle */
    DG_VF_ING         /* "meeting" */
} dg_verb_form;

typedef struct dg_wordclass dg_wordclass;

/* Loads WordNet's index.{noun,verb,adj,adv}, cntlist.rev and verb.exc from dir
 * (Debian's wordnet-base: /usr/share/wordnet).  *out owns the result;
 * free with dg_wordclass_free (NULL accepted).  Errors: DG_ERR_IO (a
 * file is missing; the diagnostic names it), DG_ERR_SYNTAX,
 * DG_ERR_NOMEM. */
dg_status dg_wordclass_load(const char *dir, dg_wordclass **out,
                            dg_diag_fn diag, void *ctx);
void dg_wordclass_free(dg_wordclass *wc);

/* The DG_WC_* classes WordNet lists for the folded word w (its lemma
 * form as written: "talk", not "talks"); counts[] (may be NULL) gets,
 * per class, how often the semantic concordance tags the word's senses
 * of the class, + 1 (0: not in the class), a frequency.  0 when wc is
 * NULL or w unknown. */
unsigned dg_wordclass_of(const dg_wordclass *wc, const char *w,
                         unsigned counts[4]);

/* The verb reading of the folded word w: its form, *lemma (borrowed
 * from wc) and *count (the lemma's tagged verb senses + 1), found with
 * verb.exc and WordNet's detachment rules ("agreed" -> agree, ED).
 * DG_VF_NONE when w is no form of a verb. */
dg_verb_form dg_wordclass_verb(const dg_wordclass *wc, const char *w,
                               const char **lemma, unsigned *count);

/* dg_wordclass_of and dg_wordclass_verb of w at once, for the price of
 * one look-up of w: counts[] (4, not NULL) as dg_wordclass_of gives
 * them, the verb reading as dg_wordclass_verb gives it. */
dg_verb_form dg_wordclass_word(const dg_wordclass *wc, const char *w,
                               unsigned counts[4], const char **lemma,
                               unsigned *count);

/* The lexicon's word classes (loaded with it), or NULL. */
const dg_wordclass *dg_lexicon_wordclass(const dg_lexicon *lex);

/* ------------------------------------------------------------------ */
/* Dates (dates.c)                                                     */
/* ------------------------------------------------------------------ */

typedef enum {
    DG_DATE_NONE = 0,
    DG_DATE_YEAR,       /* xsd:gYear      "2023" */
    DG_DATE_YEAR_MONTH, /* xsd:gYearMonth "2023-11" */
    DG_DATE_DAY         /* xsd:date       "2023-11-29" */
} dg_date_precision;

typedef struct {
    int year, month, day;
    dg_date_precision prec;
} dg_date;

/* Parses "YYYY-MM-DD" (a real calendar day).  Returns 1 on success. */
int dg_date_parse_iso(const char *s, dg_date *out);

/* Writes the lexical form of d for its precision ("2023", "2023-11",
 * "2023-11-29") into buf (at least 11 bytes); returns the XSD datatype
 * local name ("gYear", "gYearMonth", "date") or NULL for DG_DATE_NONE. */
const char *dg_date_format(const dg_date *d, char *buf);

/* A date or duration expression found in a sentence. */
typedef struct {
    size_t tok_b, tok_e;  /* tokens [tok_b, tok_e) */
    dg_date date;         /* resolved date (prec NONE if unresolvable) */
    int days;             /* a duration in days ("three-day" -> 3), else 0 */
} dg_date_expr;

/* Date expressions kept per sentence (clauses.c, events.c). */
#define DG_SENTENCE_DATES 32

/* Finds date and duration expressions in tokens [b, e) of toks ("on
 * Tuesday", "today", "yesterday", "last week", "Nov. 29", "21 September
 * 2022", "2-JUN-1987", "in November", "three-day visit"), resolving
 * relative ones against `article` (prec NONE: only absolute dates
 * resolve).  Stores up to max expressions in out[] in text order and
 * returns how many were found. */
size_t dg_dates_find(const char *text, const dg_token *toks, size_t b,
                     size_t e, const dg_date *article, dg_date_expr *out,
                     size_t max);

/* ------------------------------------------------------------------ */
/* Mentions, entities, events (mentions.c, entities.c, events.c)        */
/* ------------------------------------------------------------------ */

typedef enum {
    DG_ENT_PERSON,
    DG_ENT_COUNTRY,
    DG_ENT_ORG,
    DG_ENT_PLACE,
    DG_ENT_KIND_COUNT
} dg_ent_kind;

typedef enum {
    DG_MENT_NAME,     /* names an entity (gazetteer or name pattern) */
    DG_MENT_DEMONYM,  /* "Chinese": modifies, refers to a state */
    DG_MENT_TITLE,    /* "Foreign Minister" */
    DG_MENT_PRONOUN   /* reserved */
} dg_ment_type;

typedef struct {
    size_t tok_b, tok_e;      /* tokens [tok_b, tok_e) */
    dg_ment_type type;
    dg_ent_kind kind;         /* for NAME mentions */
    const dg_lex_entry *lex;  /* gazetteer entry, or NULL for a pattern */
    int entity;               /* index into doc->ents, or -1 */
    int title;                /* PERSON: index of its title mention, -1 */
    int title_country;        /* TITLE: mention of the title's state or
                                 body ("Chinese", "of Russia"); a ministry
                                 of no state in the gazetteer ("foreign
                                 ministry"): the state it is of ("Japan's
                                 foreign ministry"); else -1 */
    int metonymy;             /* capital city standing for its state */
    int counterpart;          /* PERSON "his American counterpart": the
                                 mention of the state, else -1 */
    int title_state;          /* 1: the state of a singular title
                                 ("Chinese President"), 2: of a plural
                                 one ("Foreign Ministers of X"), else 0 */
    int tense;                /* TITLE: DG_TENSE_* ("former President") */
    int post_state;           /* PERSON: mention of the state or body named
                                 with the person itself ("Defence Ministers
                                 Ana Lopes of Spain and ..."), else -1 */
} dg_mention;

/* When a title's holder holds the post, from the words around it. */
enum {
    DG_TENSE_CURRENT = 0, /* "President", "acting President" */
    DG_TENSE_FORMER,      /* "former", "then-", "ex-", "the late" */
    DG_TENSE_FUTURE       /* "proposed", "-designate", "nominee": no post */
};

typedef struct {
    dg_ent_kind kind;
    char *label;          /* fullest name in the text */
    char *key;            /* IRI key (folded name or ISO code) */
    char **alts;          /* other surface forms */
    size_t nalts;
    const dg_lex_entry *lex; /* gazetteer entry, or NULL */
    int country;          /* PLACE / ORG: entity of its state, or -1 */
    int located_in;       /* PLACE: entity it is in (venue -> city), -1 */
    const char *place_cls; /* PLACE: "city", "venue", ... or NULL */
    /* posts held (PERSON): surface title, canonical title, post-in entity */
    struct dg_post {
        char *title; const char *canon; int in; size_t sent;
        int former;   /* held in the past ("former Foreign Minister") */
    } *posts;
    size_t nposts;
    int first_ment;       /* first mention (for ordering) */
} dg_entity;

typedef enum {
    DG_ROLE_PARTICIPANT = 0,
    DG_ROLE_HOST, DG_ROLE_VISITOR, DG_ROLE_SPEAKER, DG_ROLE_TARGET,
    DG_ROLE_COUNT
} dg_role;

typedef struct {
    int entity;
    dg_role role;
} dg_participant;

typedef struct {
    const char *cls;      /* ontology class local name ("Meeting") */
    const char *cameo;    /* CAMEO code */
    const char *status;   /* NULL (happened) or "scheduled"/"planned"... */
    dg_participant *parts;
    size_t nparts;
    int location;         /* entity, or -1 */
    dg_date date;
    int days;             /* duration in days, 0 if unknown */
    char **topics;        /* topic labels */
    const char **topic_keys; /* topic scheme ids (NULL for text phrases) */
    size_t ntopics;
    size_t *sents;        /* sentences it was derived from */
    size_t nsents;
} dg_event;

/* Part-of-speech guesses of the clause stage (clauses.c): coarse
 * classes, enough to find noun phrases, verb groups and clause
 * boundaries. */
typedef enum {
    DG_POS_NONE = 0,
    DG_POS_PUNCT,     /* punctuation other than a comma */
    DG_POS_COMMA,
    DG_POS_NAME,      /* a NAME mention, or a capitalized unknown word */
    DG_POS_TITLE,     /* a TITLE mention ("Foreign Minister") */
    DG_POS_DEMONYM,   /* "Chinese" */
    DG_POS_DET,       /* "the", "a", "this", "both" */
    DG_POS_POSSPRON,  /* "his", "their" */
    DG_POS_PRON,      /* "he", "they", "it", "him" */
    DG_POS_POSS,      /* the possessive "'s" */
    DG_POS_PREP,      /* "in", "with", "by" */
    DG_POS_TO,        /* "to" */
    DG_POS_CONJ,      /* "and", "or", "but" */
    DG_POS_SUB,       /* "after", "because", "if", "while" (may be a PREP) */
    DG_POS_REL,       /* "who", "which", "where", "whom", "whose" */
    DG_POS_THAT,      /* "that" */
    DG_POS_AUX,       /* forms of be, have, do */
    DG_POS_MODAL,     /* "will", "would", "can", "may" */
    DG_POS_NEG,       /* "not", "n't", "never" */
    DG_POS_ADV,       /* "also", "warmly" */
    DG_POS_NUM,       /* "12", "three" */
    DG_POS_ADJ,
    DG_POS_NOUN,
    DG_POS_VERB
} dg_pos;

/* One token's tag (doc->tags[] runs parallel to doc->toks[]). */
typedef struct {
    unsigned char pos;    /* dg_pos */
    unsigned char vform;  /* dg_verb_form of a VERB or AUX */
    unsigned char neg;    /* a negated auxiliary ("didn't") */
    const char *lemma;    /* VERB, AUX: the verb's lemma ("meet"), borrowed */
    int clause;           /* index into doc->clauses, or -1 */
} dg_tag;

typedef enum {
    DG_CL_MAIN,        /* a sentence's main clause */
    DG_CL_COORD,       /* "... and (she) spoke with Y" */
    DG_CL_SUBORD,      /* "after X met Y", "because ...", "if ..." */
    DG_CL_RELATIVE,    /* "who met Y", "where he met Y", "imposed by X" */
    DG_CL_PARTICIPLE,  /* "After meeting Y, ...", "..., saying ..." */
    DG_CL_REPORTED,    /* "(said) that ...", "..., X said" */
    DG_CL_INFINITIVE   /* "(agreed) to meet Y" */
} dg_clause_kind;

/* Verb group flags. */
enum {
    DG_VG_FINITE = 1u << 0,   /* has tense: "met", "will meet", "has met" */
    DG_VG_PASSIVE = 1u << 1,  /* "was received" */
    DG_VG_NEG = 1u << 2,      /* "did not meet", "never met" */
    DG_VG_MODAL = 1u << 3,    /* would, could, might, may, should, can, must */
    DG_VG_FUTURE = 1u << 4,   /* will, shall, "is to", "is going to" */
    DG_VG_PAST = 1u << 5,     /* "met", "had met", "was received" */
    DG_VG_PERFECT = 1u << 6,  /* "has met" */
    DG_VG_COPULA = 1u << 7    /* the head is a form of "be" */
};

typedef struct {
    size_t b, e;          /* tokens [b, e); empty when b == e */
} dg_span;

/* A prepositional phrase of a clause: the preposition and its noun
 * phrase. */
typedef struct {
    size_t prep;
    dg_span np;
} dg_pp;

#define DG_CLAUSE_PPS 8

/* A clause.  Its tokens are those whose tag has its index; b and e
 * bound them (a clause may hold other clauses: "X, who ..., met Y").
 * Spans are empty when the clause has no such part. */
typedef struct {
    dg_clause_kind kind;
    size_t sent;          /* its sentence */
    size_t b, e;          /* first token, one past its last */
    int parent;           /* the clause it depends on, or -1 */
    size_t marker;        /* the word that opened it ("after", "who",
                             "that", "to", "and"), or (size_t)-1 */
    dg_span subj;         /* subject noun phrase (a group: "X and Y") */
    int subj_from;        /* where an absent subject comes from: the
                             clause whose subject (or, with subj_obj, whose
                             object) it shares; -1 */
    int subj_obj;         /* 1: "invited X to visit": parent's object */
    dg_span ante;         /* RELATIVE: the noun phrase it is about */
    dg_span vg;           /* the verb group ("has not yet met") */
    size_t verb;          /* its head verb token ((size_t)-1: none) */
    const char *lemma;    /* the head's lemma, or NULL */
    unsigned vflags;      /* DG_VG_* */
    dg_span obj;          /* direct object noun phrase (a group) */
    dg_span agent;        /* the "by" phrase of a passive */
    dg_pp pps[DG_CLAUSE_PPS];
    size_t npps;
} dg_clause;
/* One issue the article discusses (topics.c): its forms in the text
 * folded into one entry (case, British and American spelling). */
typedef struct {
    char *key;            /* lower case, American spelling: the IRI key */
    char *label;          /* the text's words, American spelling */
    char **alts;          /* the other forms the text gives */
    size_t nalts;
    const char *scheme;   /* the scheme topic it falls under (topics.tsv
                             id, borrowed from the lexicon), or NULL */
    int about;            /* the entity it names, when only a name; -1 */
} dg_topic;

typedef struct {
    const char *name;     /* article name for diagnostics (borrowed) */
    const char *text;     /* borrowed */
    size_t len;
    dg_date date;         /* article date (prec NONE when unknown) */
    const dg_lexicon *lex;
    dg_token *toks;
    size_t ntoks;
    dg_sentence *sents;
    size_t nsents;
    dg_mention *ments;
    size_t nments, cap_ments;
    int *ment_at;         /* per token: the mention it is in, or -1; set
                             when dg_find_mentions ends (dg_mention_at) */
    dg_entity *ents;
    size_t nents, cap_ents;
    int *ent_index;       /* hash of (kind, key) -> entity, open addressing,
                             -1 empty; ent_index_cap slots (a power of 2) */
    size_t ent_index_cap;
    dg_event *evs;
    size_t nevs, cap_evs;
    dg_date_expr *dates;  /* the date and duration expressions of every
                             sentence, in text order (clauses.c) */
    size_t *date_first;   /* per sentence: index of its first expression
                             in dates; [nsents] is their number */
    dg_tag *tags;         /* per token (clauses.c), or NULL */
    dg_clause *clauses;   /* in text order of their first token */
    size_t nclauses, cap_clauses;
    dg_topic *topics;     /* every topic of the article and its events */
    size_t ntopics;
    struct dg_word_info *word_info; /* topics.c's per-token cache (word
                             classes, dates, keywords), or NULL */
} dg_doc;

/* The mention covering token i (mentions are in text order after
 * dg_find_mentions), or -1. */
int dg_mention_at(const dg_doc *doc, size_t i);

/* The person of people.tsv whom token i names when it is a surname the
 * file lists alone ("Petrov"): the only person bearing it with a spell
 * in the article's year (any year when the article is undated), else
 * the only person bearing it at all; NULL when none, several, or when
 * the word also names something else (a state, a title). */
const dg_lex_entry *dg_lone_surname(const dg_doc *doc, size_t i);

/* Index of the first mention starting at or after token i (nments when
 * none): with it, a loop over the mentions of a token range costs only
 * that range. */
size_t dg_mentions_from(const dg_doc *doc, size_t i);

/* Adds a topic (label copied; key a scheme topic id or NULL, borrowed
 * from the lexicon) to ev unless it has that label.  Returns 0 when out
 * of memory. */
int dg_event_add_topic(dg_event *ev, const char *label, const char *key);

/* topics.c, for the events stage: the topics of sentence s for ev (cue
 * phrases and scheme keywords); of the phrase a cue at token i
 * introduced, up to se (names_ok: a bare name counts, "condemned
 * Russia"); of a list item's tokens [b, e) after its bullet.  They fill
 * doc->word_info as they go (nothing else of doc changes).  Each
 * returns 0 when out of memory. */
int dg_topics_of_sentence(dg_doc *doc, dg_event *ev, size_t s);
int dg_topics_after(dg_doc *doc, dg_event *ev, size_t i, size_t se,
                    int names_ok);
int dg_topics_of_bullet(dg_doc *doc, dg_event *ev, size_t b, size_t e);
int dg_is_bullet(const dg_token *t);

/* The topic entry of the table that label (a topic of an event) is a
 * form of, or NULL; after dg_find_topics. */
const dg_topic *dg_topic_of(const dg_doc *doc, const char *label);

/* Frees doc->topics and doc->word_info (dg_doc_release calls it). */
void dg_topics_release(dg_doc *doc);

/* Stage entry points.  Each reads what the stages before it filled and
 * returns DG_OK or DG_ERR_NOMEM (or DG_ERR_LIMIT where stated). */
dg_status dg_segment(dg_doc *doc);
dg_status dg_find_mentions(dg_doc *doc);
dg_status dg_resolve_entities(dg_doc *doc);
dg_status dg_find_clauses(dg_doc *doc);

/* clauses.c: the clause holding token i (-1 when none, or before the
 * clause stage ran); the subject of clause c as written or as carried
 * from the clause it depends on ("After meeting X, Y flew ...": the
 * participle's subject is Y; "invited X to visit": X), *carried (may
 * be NULL) set to 1 when carried; an empty span when none. */
int dg_clause_at(const dg_doc *doc, size_t i);
dg_span dg_clause_subject(const dg_doc *doc, int c, int *carried);
dg_status dg_find_events(dg_doc *doc);
/* The article's topics (doc->topics): every event's, and its own: the
 * phrases of every cue, the scheme's issue nouns of its lead sentence
 * and those it names in two sentences, and the nouns it names in three
 * (topics.c). */
dg_status dg_find_topics(dg_doc *doc);

/* Adds the triples of an analysed doc to g (rdfmap.c): article_iri is
 * the article's IRI, id the short hash its event IRIs carry, base the
 * data base IRI.  Errors: DG_ERR_NOMEM. */
dg_status dg_rdf_map(const dg_doc *doc, const dg_article *art,
                     const char *base, const char *article_iri,
                     const char *id, dg_graph *g);

/* Releases everything the stages allocated in doc (not doc itself). */
void dg_doc_release(dg_doc *doc);

/* ------------------------------------------------------------------ */
/* The graph's terms (graph.c), for the serializer                     */
/* ------------------------------------------------------------------ */

/* A graph's distinct terms have ids 0 .. dg_graph_terms(g) - 1, in order
 * of first use; two terms of g are equal (as RDF terms, after the
 * graph's normalisation) exactly when their ids are.  Ids stay while g
 * only grows; dg_graph_clear starts them again and changes g's
 * generation. */

/* The ids of the i-th triple's subject, predicate and object, borrowed
 * until g changes; NULL when g is NULL or i >= dg_graph_size(g). */
const uint32_t *dg_graph_triple_ids(const dg_graph *g, size_t i);
/* The number of distinct terms in g (0 for NULL). */
size_t dg_graph_terms(const dg_graph *g);
/* Term `id` of g (not NULL; id below dg_graph_terms(g), unchecked: the
 * serializer asks for every term of every triple), borrowed until g
 * changes. */
const dg_term *dg_graph_term(const dg_graph *g, uint32_t id);
/* A number that no other graph and no earlier state of g (not NULL;
 * before its last dg_graph_clear) had: what a caller keeps by term id is
 * valid while g's generation is the one it was kept under. */
uint64_t dg_graph_generation(const dg_graph *g);

/* ------------------------------------------------------------------ */
/* IRIs and literals (iri.c)                                           */
/* ------------------------------------------------------------------ */

/* Mints base + kind + "/" + slug(key): slug folds to lower-case ASCII
 * where a Latin letter has an ASCII base ("Doğan" -> "dogan"), turns
 * runs of anything else that is not a letter or digit into one '-', and
 * percent-encodes remaining non-ASCII bytes, so the result is a valid
 * IRI whatever the key holds.  Returns a malloc'd string or NULL (no
 * memory).  An empty key gives the slug "_"; a key with nothing to
 * spell it with ("!!!") gives "_" and 8 hex digits of its FNV-1a hash. */
char *dg_iri_mint(const char *base, const char *kind, const char *key);

/* 1 when s is an absolute IRI that Turtle and N-Triples accept (a scheme,
 * no white space, control characters, <>"{}|^`\, noncharacters). */
int dg_iri_valid(const char *s);

/* ------------------------------------------------------------------ */
/* Per-article serialization (serialize.c), for corpora                */
/* ------------------------------------------------------------------ */

/* dg_extract giving the article's graph itself instead of a copy into a
 * graph of the caller's, which costs a second de-duplication
 * (extract.c): *out NULL receives a new graph (the caller frees it; it
 * stays NULL on error); a graph in *out is emptied (dg_graph_clear) and
 * filled, so that a corpus's articles reuse its memory one after another
 * (on error it holds part of the article's triples or none).  Errors as
 * dg_extract. */
dg_status dg_extract_graph(const dg_lexicon *lex, const dg_options *opts,
                           const dg_article *art, dg_graph **out,
                           char **graph_iri, dg_diag_fn diag, void *ctx);

/* A borrowed byte range. */
typedef struct {
    const char *p;
    size_t n;
} dg_bytes;

typedef struct dg_blockser dg_blockser;

int dg_format_blocks(const char *format);
dg_status dg_blockser_new(const char *format, const char *base,
                          dg_blockser **out, dg_diag_fn diag, void *ctx);
void dg_blockser_frame(const dg_blockser *b, dg_bytes *head, dg_bytes *foot,
                       dg_bytes *sep, dg_bytes *empty);
dg_status dg_blockser_body(dg_blockser *b, const dg_graph *g,
                           const char *graph_iri, char **buf, size_t *len,
                           dg_diag_fn diag, void *ctx);
void dg_blockser_free(dg_blockser *b);

/* ------------------------------------------------------------------ */
/* Upload request bodies and answers (upload_body.c)                   */
/* ------------------------------------------------------------------ */

/* A growable byte string, always NUL-terminated once it holds data;
 * start with {0}, free(data) when done. */
typedef struct {
    char *data;
    size_t len, cap;
} dg_buf;

/* Append n bytes at s / the string s / s percent-encoded (every byte
 * but the unreserved A-Z a-z 0-9 - . _ ~ as %XX, upper-case hex).
 * 0, or -1 when out of memory. */
int dg_buf_add(dg_buf *b, const char *s, size_t n);
int dg_buf_str(dg_buf *b, const char *s);
int dg_buf_escape(dg_buf *b, const char *s);

/* Triples (non-blank lines that are not comments) in N-Triples
 * nt[0..n). */
size_t dg_nt_count(const char *nt, size_t n);

/* Appends the Graph Store Protocol body (Turtle, text/turtle) for the
 * N-Triples nt[0..n): a @prefix line, then the lines, with each '<'
 * inside a literal written \u003C and a literal holding \n escapes
 * written as a """long string""" with real line breaks.  The same
 * triples, in the form Virtuoso 7.2.5 takes quickly whatever their
 * length (see upload_body.c).  0, or -1 when out of memory. */
int dg_gsp_body(dg_buf *b, const char *nt, size_t n);

/* Appends one SPARQL Update request for named graph `graph_iri` (an
 * absolute IRI safe between < >) holding the triples of N-Triples
 * nt[0..n): "DROP SILENT GRAPH <G>" when `drop`, then "INSERT DATA {
 * GRAPH <G> { ... } }"; or, when an object is a duration or a literal of
 * more than 64 KiB, "INSERT { GRAPH <G> { ... S P ?oK ... } } WHERE {
 * BIND(...) }" with those objects built by STRDT / STRLANG / CONCAT of
 * 64 KiB pieces (Virtuoso 7.2.5 under Debian's settings cannot take them
 * as constants; see upload_body.c).  \u escapes in IRIs become UTF-8.
 * Lines that are not triples are copied as they are (the server reports
 * them).  0, or -1 when out of memory. */
int dg_update_body(dg_buf *b, const char *graph_iri, const char *nt,
                   size_t n, int drop);

/* Size of the text of an answer shown in a message. */
#define DG_ANSWER_LINES 3
#define DG_ANSWER_BYTES 300

/* Writes the first DG_ANSWER_LINES non-blank lines of a server's answer
 * data[0..n), joined by " | ", into out (DG_ANSWER_BYTES + 1 bytes;
 * whole UTF-8 characters).  An HTML answer (`html`, or one that starts
 * like an HTML page) is cleaned first: tags, head, script and style
 * dropped, character references decoded, <xmp> text kept. */
void dg_answer_text(const char *data, size_t n, int html, char *out);

/* 1 when answer data[0..n) is an HTML page holding a form (a query or
 * upload form: what Virtuoso's Graph Store endpoint answers, with 200,
 * to a body it does not take as a graph), with its <title> text written
 * to title (DG_ANSWER_BYTES + 1 bytes); else 0. */
int dg_answer_form(const char *data, size_t n, int html, char *title);

#endif /* DIPLOGRAPH_INTERNAL_H */
