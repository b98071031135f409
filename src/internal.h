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
 *   topics.c    the issues of each event             (dg_event.topics)
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

/* Formats a message (printf-style) and passes it to diag if not NULL. */
void dg_diagf(dg_diag_fn diag, void *ctx, dg_status st, const char *where,
              const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* ------------------------------------------------------------------ */
/* Text (text.c)                                                       */
/* ------------------------------------------------------------------ */

/* Checks that text[0..len) is UTF-8 without NUL bytes, overlong forms,
 * surrogates or code points above U+10FFFF.  Returns 1 when valid; else
 * 0 with *bad_byte the byte offset of the first bad sequence. */
int dg_utf8_valid(const char *text, size_t len, size_t *bad_byte);

/* Decodes the code point at text[*i] (valid UTF-8 assumed) and advances
 * *i past it. */
uint32_t dg_utf8_next(const char *text, size_t len, size_t *i);

/* A 64-bit hash of the n bytes at p, continuing from h (start with any
 * constant): eight bytes a step, for hash tables only (not stable
 * across versions; never part of the output). */
uint64_t dg_hash_bytes(uint64_t h, const void *p, size_t n);

/* Number of code points in text[0..len) (valid UTF-8 assumed). */
size_t dg_utf8_count(const char *text, size_t len);

/* Appends the lower-case, accent-free ("Doğan" -> "dogan"), straight
 * quote form of code point c to buf (at most 4 bytes); returns bytes
 * written.  Letters outside Latin scripts are lower-cased only. */
size_t dg_fold_cp(uint32_t c, char *buf);

/* Unicode-aware letter classes, enough for names in Latin, Greek and
 * Cyrillic scripts; other scripts' letters count as letters without case. */
int dg_cp_is_upper(uint32_t c);
int dg_cp_is_lower(uint32_t c);
int dg_cp_is_letter(uint32_t c);
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

/* 1 when token t's folded form is exactly norm ("u.s.", ","). */
int dg_tok_is(const dg_token *t, const char *norm);

/* 1 when w is one of the strings of the NULL-terminated list. */
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
    DG_LEXF_PLURAL = 1u << 4   /* TRIGGER/TITLE: plural form */
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

/* Every spell (post held, with its years) that people.tsv gives the
 * person of entry `person` (any of the person's entries): stores up to
 * max of them in out[] in file order and returns how many.  A hashed
 * lookup, not a scan of all people. */
size_t dg_lexicon_spells(const dg_lexicon *lex, const dg_lex_entry *person,
                         const dg_lex_entry **out, size_t max);

/* The country entry for an ISO alpha-3 code, or NULL. */
const dg_lex_entry *dg_lexicon_country(const dg_lexicon *lex,
                                       const char *iso3);

/* All entries of one kind, in file order (borrowed). */
size_t dg_lexicon_entries(const dg_lexicon *lex, dg_lex_kind kind,
                          const dg_lex_entry *const **entries);

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
                                 body ("Chinese", "of Russia"), or -1 */
    int metonymy;             /* capital city standing for its state */
    int counterpart;          /* PERSON "his American counterpart": the
                                 mention of the state, else -1 */
    int title_state;          /* 1: the state of a singular title
                                 ("Chinese President"), 2: of a plural
                                 one ("Foreign Ministers of X"), else 0 */
} dg_mention;

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
    struct dg_post { char *title; const char *canon; int in; size_t sent; } *posts;
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
    dg_entity *ents;
    size_t nents, cap_ents;
    int *ent_index;       /* hash of (kind, key) -> entity, open addressing,
                             -1 empty; ent_index_cap slots (a power of 2) */
    size_t ent_index_cap;
    dg_event *evs;
    size_t nevs, cap_evs;
} dg_doc;

/* The mention covering token i (mentions are in text order after
 * dg_find_mentions), or -1. */
int dg_mention_at(const dg_doc *doc, size_t i);

/* Index of the first mention starting at or after token i (nments when
 * none): with it, a loop over the mentions of a token range costs only
 * that range. */
size_t dg_mentions_from(const dg_doc *doc, size_t i);

/* Adds a topic (label copied; key a scheme topic id or NULL, borrowed
 * from the lexicon) to ev unless it has that label.  Returns 0 when out
 * of memory. */
int dg_event_add_topic(dg_event *ev, const char *label, const char *key);

/* topics.c: the topics of sentence s for ev (cue phrases and scheme
 * keywords); of the list after a cue at token i up to se (names_ok: a
 * bare list of names counts); of a bullet line's tokens [b, e).  Each
 * returns 0 when out of memory. */
int dg_topics_of_sentence(const dg_doc *doc, dg_event *ev, size_t s);
int dg_topics_after(const dg_doc *doc, dg_event *ev, size_t i, size_t se,
                    int names_ok);
int dg_topics_of_bullet(const dg_doc *doc, dg_event *ev, size_t b, size_t e);
int dg_is_bullet(const dg_token *t);

/* Stage entry points.  Each reads what the stages before it filled and
 * returns DG_OK or DG_ERR_NOMEM (or DG_ERR_LIMIT where stated). */
dg_status dg_segment(dg_doc *doc);
dg_status dg_find_mentions(dg_doc *doc);
dg_status dg_resolve_entities(dg_doc *doc);
dg_status dg_find_events(dg_doc *doc);

/* Adds the triples of an analysed doc to g (rdfmap.c): article_iri is
 * the article's IRI, id the short hash its event IRIs carry, base the
 * data base IRI.  Errors: DG_ERR_NOMEM. */
dg_status dg_rdf_map(const dg_doc *doc, const dg_article *art,
                     const char *base, const char *article_iri,
                     const char *id, dg_graph *g);

/* Releases everything the stages allocated in doc (not doc itself). */
void dg_doc_release(dg_doc *doc);

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
 * no white space, control characters, <>"{}|^`\). */
int dg_iri_valid(const char *s);

/* ------------------------------------------------------------------ */
/* Per-article serialization (serialize.c), for corpora                */
/* ------------------------------------------------------------------ */

/* dg_extract giving the article's graph itself: *out receives a new
 * graph (the caller frees it) instead of a copy into a graph of the
 * caller's, which costs a second de-duplication (extract.c).  Errors
 * as dg_extract; *out stays NULL on error. */
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
