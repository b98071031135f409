/*
 * lexicon.c: the gazetteers and trigger lists, loaded at run time from
 * the tab-separated files of a directory (formats in data/README.md) and
 * from Debian's iso-codes list of countries, and matched token by token
 * against an article.
 *
 * Withdrawn states (Soviet Union, Czechoslovakia, Zaire) come from the
 * same package's ISO 3166-3 list by their former alpha-3 code, with no
 * name to match: countries.tsv names them, as iso-codes' names of
 * withdrawn codes are mostly those of states that still exist ("East
 * Timor", "Burma", "France, Metropolitan").
 *
 * Every surface form is one dg_lex_entry.  Surfaces are tokenized with
 * dg_tokenize, exactly as articles are, and compared by the folded form
 * of each token (dg_token.norm: lower case, accents removed), so
 * "Doğan" matches "Dogan" and "TURKEY" matches "Turkey".  Entries whose
 * surface holds an all-caps or dotted abbreviation token ("US", "U.N.")
 * match only the same bytes.  A hash table keyed by the first token's
 * folded form gives the candidates for a position in one probe.
 *
 * Memory: entries and their strings live in an arena owned by the
 * lexicon and die with dg_lexicon_free.  A failed additional load rolls
 * back the entries it added (their arena space is kept until the end).
 */
#include "internal.h"

#include <errno.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef DG_ISO_3166_JSON
#define DG_ISO_3166_JSON "/usr/share/iso-codes/json/iso_3166-1.json"
#endif
#ifndef DG_ISO_3166_3_JSON
#define DG_ISO_3166_3_JSON "/usr/share/iso-codes/json/iso_3166-3.json"
#endif
#ifndef DG_WORDNET_DIR
#define DG_WORDNET_DIR "/usr/share/wordnet"
#endif

/* ------------------------------------------------------------------ */
/* Data structures                                                     */
/* ------------------------------------------------------------------ */

/* One surface form.  `pub` comes first so a dg_lex_entry pointer handed
 * out is also a lex_ent pointer. */
typedef struct {
    dg_lex_entry pub;
    char **norm;   /* folded form of each surface token */
    char **raw;    /* bytes of each surface token as written */
    int lower_start; /* a (non-CASE) surface starts without a capital */
    int need_cap;    /* first article token must be capitalized */
} lex_ent;

/* Candidates sharing a first-token folded form (or, for keys that start
 * with '\1', a country's ISO code). */
typedef struct {
    char *key;
    size_t hash;     /* hash_str(key): most probes end without a look at
                      * the key itself */
    unsigned kinds;  /* 1 << kind of each entry: most matches of a kind
                      * end here, without a look at the entries */
    lex_ent **v;
    size_t n, cap;
} bucket;

typedef struct arena_block {
    struct arena_block *next;
    size_t used, size;
    /* data follows, max_align_t aligned */
} arena_block;

/* A change to existing entries, applied when a load succeeds: a
 * country's label from countries.tsv (title NULL) or a title's state
 * from title-countries.tsv. */
typedef struct {
    const char *iso, *label, *title;
} relabel;

/* Identifiers from a *-ids.tsv file, applied when a load succeeds to
 * every entry of the state (kind COUNTRY, key its ISO code) or of the
 * organization or person (key its label). */
typedef struct {
    dg_lex_kind kind;
    const char *key, *wikidata, *cow;
} ident;

struct dg_lexicon {
    arena_block *arena;
    lex_ent **all;            /* every entry in load order */
    size_t nall, capall;
    dg_lex_entry **kind[DG_LEX_KIND_COUNT];
    size_t nkind[DG_LEX_KIND_COUNT], capkind[DG_LEX_KIND_COUNT];
    bucket *tab;              /* open addressing, power-of-two size */
    size_t ntab, used;
    relabel *pend;            /* pending label changes of this load */
    size_t npend, cappend;
    ident *pids;              /* pending identifiers of this load */
    size_t npids, cappids;
    int iso_loaded;
    dg_wordclass *wc;         /* WordNet's word classes (wordclass.c) */
};

/* What a file reader knows for its diagnostics. */
typedef struct {
    dg_lexicon *lex;
    const char *path;
    size_t line;
    dg_diag_fn diag;
    void *ctx;
} reader;

/* ------------------------------------------------------------------ */
/* Arena and small helpers                                             */
/* ------------------------------------------------------------------ */

#define ARENA_BLOCK 65536u
#define ALIGN(n) (((n) + 15u) & ~(size_t)15u)

static void *arena_alloc(dg_lexicon *lex, size_t n)
{
    arena_block *b = lex->arena;
    size_t hdr = ALIGN(sizeof(arena_block));

    n = ALIGN(n ? n : 1);
    if (!b || b->size - b->used < n) {
        size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        b = malloc(hdr + size);
        if (!b)
            return NULL;
        b->next = lex->arena;
        b->used = 0;
        b->size = size;
        lex->arena = b;
    }
    void *p = (char *)b + hdr + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

static char *arena_strndup(dg_lexicon *lex, const char *s, size_t n)
{
    char *p = arena_alloc(lex, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static char *arena_strdup(dg_lexicon *lex, const char *s)
{
    return arena_strndup(lex, s, strlen(s));
}

/* Grows *p (elements of size el) to hold at least need elements. */
static int grow(void **p, size_t *cap, size_t need, size_t el)
{
    size_t c = *cap ? *cap : 16;
    void *q;

    if (need <= *cap)
        return 1;
    while (c < need)
        c *= 2;
    q = realloc(*p, c * el);
    if (!q)
        return 0;
    *p = q;
    *cap = c;
    return 1;
}

static int streq_null(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

/* ------------------------------------------------------------------ */
/* Hash table                                                          */
/* ------------------------------------------------------------------ */

static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* The bucket for key, or NULL when there is none. */
static bucket *tab_find(const dg_lexicon *lex, const char *key)
{
    size_t h, i;

    if (!lex->ntab)
        return NULL;
    h = hash_str(key);
    i = h & (lex->ntab - 1);
    while (lex->tab[i].key) {
        if (lex->tab[i].hash == h && strcmp(lex->tab[i].key, key) == 0)
            return &lex->tab[i];
        i = (i + 1) & (lex->ntab - 1);
    }
    return NULL;
}

static int tab_rehash(dg_lexicon *lex, size_t size)
{
    bucket *nt = calloc(size, sizeof *nt);
    size_t k;

    if (!nt)
        return 0;
    for (k = 0; k < lex->ntab; k++) {
        if (!lex->tab[k].key)
            continue;
        size_t i = lex->tab[k].hash & (size - 1);
        while (nt[i].key)
            i = (i + 1) & (size - 1);
        nt[i] = lex->tab[k];
    }
    free(lex->tab);
    lex->tab = nt;
    lex->ntab = size;
    return 1;
}

/* The bucket for key, created (key copied to the arena) if missing. */
static bucket *tab_get(dg_lexicon *lex, const char *key)
{
    bucket *b = tab_find(lex, key);
    size_t h, i;

    if (b)
        return b;
    if ((lex->used + 1) * 2 > lex->ntab &&
        !tab_rehash(lex, lex->ntab ? lex->ntab * 2 : 1024))
        return NULL;
    h = hash_str(key);
    i = h & (lex->ntab - 1);
    while (lex->tab[i].key)
        i = (i + 1) & (lex->ntab - 1);
    lex->tab[i].key = arena_strdup(lex, key);
    if (!lex->tab[i].key)
        return NULL;
    lex->tab[i].hash = h;
    lex->used++;
    return &lex->tab[i];
}

static int bucket_push(bucket *b, lex_ent *e)
{
    if (!grow((void **)&b->v, &b->cap, b->n + 1, sizeof *b->v))
        return 0;
    b->v[b->n++] = e;
    b->kinds |= 1u << e->pub.kind;
    return 1;
}

/* Key of the bucket that holds a country's entries by ISO code. */
static void iso_key(const char *iso, char buf[8])
{
    buf[0] = '\1';
    snprintf(buf + 1, 7, "%s", iso);
}

/* Key of the bucket that holds the topic entries of a scheme key: "\2"
 * and the key; 0 when it does not fit (such keys are found by a scan). */
#define TOPIC_KEY_MAX 128
static int topic_key(const char *key, char buf[TOPIC_KEY_MAX])
{
    size_t n = strlen(key);

    if (n + 2 > TOPIC_KEY_MAX)
        return 0;
    buf[0] = '\2';
    memcpy(buf + 1, key, n + 1);
    return 1;
}

/* Indexes e: under its first token, a country under its ISO code and a
 * topic under its scheme key. */
static int index_entry(dg_lexicon *lex, lex_ent *e)
{
    bucket *b = tab_get(lex, e->norm[0]);
    char k[TOPIC_KEY_MAX];

    if (!b || !bucket_push(b, e))
        return 0;
    if (e->pub.kind == DG_LEX_COUNTRY) {
        iso_key(e->pub.key, k);
        b = tab_get(lex, k);
        if (!b || !bucket_push(b, e))
            return 0;
    }
    if (e->pub.kind == DG_LEX_TOPIC && e->pub.key &&
        topic_key(e->pub.key, k)) {
        b = tab_get(lex, k);
        if (!b || !bucket_push(b, e))
            return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* Entries                                                             */
/* ------------------------------------------------------------------ */

/* Letter counts of s[0..n): an all-caps word of two or more letters or
 * a dotted abbreviation of capitals ("US", "U.S.") is case-sensitive. */
static int token_is_caps(const char *s, size_t n)
{
    size_t i = 0;
    int letters = 0, lowers = 0;

    while (i < n) {
        uint32_t c = dg_utf8_next(s, n, &i);
        if (dg_cp_is_letter(c)) {
            letters++;
            lowers += dg_cp_is_lower(c) || !dg_cp_is_upper(c);
        }
    }
    return letters >= 2 && lowers == 0;
}

static int kind_needs_cap(dg_lex_kind k)
{
    return k == DG_LEX_COUNTRY || k == DG_LEX_DEMONYM || k == DG_LEX_ORG ||
           k == DG_LEX_PLACE || k == DG_LEX_TITLE || k == DG_LEX_PERSON ||
           k == DG_LEX_GIVEN;
}

/* Capitals are required of COUNTRY ... PERSON entries unless the match
 * is case-exact or some surface starts without a capital ("al-Qaeda"). */
static void set_need_cap(lex_ent *e)
{
    e->need_cap = kind_needs_cap(e->pub.kind) && !e->lower_start &&
                  !(e->pub.flags & DG_LEXF_CASE);
}

/* Fills e's tokens from its surface.  Returns DG_OK, DG_ERR_NOMEM, or
 * DG_ERR_SYNTAX when the surface has no token. */
static dg_status tokenize_surface(dg_lexicon *lex, lex_ent *e)
{
    const char *s = e->pub.surface;
    dg_token *toks = NULL;
    size_t n = 0, k;
    dg_status st = dg_tokenize(s, strlen(s), &toks, &n);

    if (st != DG_OK)
        return st;
    if (n == 0) {
        st = DG_ERR_SYNTAX;
        goto out;
    }
    e->norm = arena_alloc(lex, n * sizeof *e->norm);
    e->raw = arena_alloc(lex, n * sizeof *e->raw);
    st = DG_ERR_NOMEM;
    if (!e->norm || !e->raw)
        goto out;
    for (k = 0; k < n; k++) {
        e->norm[k] = arena_strdup(lex, toks[k].norm);
        e->raw[k] = arena_strndup(lex, s + toks[k].b, toks[k].e - toks[k].b);
        if (!e->norm[k] || !e->raw[k])
            goto out;
        if (token_is_caps(s + toks[k].b, toks[k].e - toks[k].b))
            e->pub.flags |= DG_LEXF_CASE;
    }
    e->pub.ntoks = n;
    {
        size_t i = 0;
        uint32_t c = dg_utf8_next(s, strlen(s), &i);
        e->lower_start = !dg_cp_is_upper(c) && !(e->pub.flags & DG_LEXF_CASE);
    }
    set_need_cap(e);
    st = DG_OK;
out:
    dg_tokens_free(toks, n);
    return st;
}

/* An existing entry with the same meaning and the same folded tokens. */
static lex_ent *find_same(const dg_lexicon *lex, const lex_ent *e)
{
    bucket *b = tab_find(lex, e->norm[0]);
    size_t i, k;

    for (i = 0; b && i < b->n; i++) {
        const lex_ent *o = b->v[i];
        if (o->pub.kind != e->pub.kind || o->pub.ntoks != e->pub.ntoks ||
            !streq_null(o->pub.key, e->pub.key) ||
            !streq_null(o->pub.label, e->pub.label) ||
            !streq_null(o->pub.country, e->pub.country) ||
            !streq_null(o->pub.cls, e->pub.cls) ||
            !streq_null(o->pub.cameo, e->pub.cameo) ||
            !streq_null(o->pub.role, e->pub.role) ||
            !streq_null(o->pub.located_in, e->pub.located_in) ||
            o->pub.from != e->pub.from || o->pub.to != e->pub.to ||
            (o->pub.flags & ~DG_LEXF_CASE) != (e->pub.flags & ~DG_LEXF_CASE))
            continue;
        for (k = 1; k < e->pub.ntoks; k++)
            if (strcmp(o->norm[k], e->norm[k]) != 0)
                break;
        if (k == e->pub.ntoks)
            return b->v[i];
    }
    return NULL;
}

/* Adds entry *tmpl (strings already in the arena) with the given
 * surface.  A surface that only repeats an entry (same folded tokens,
 * same fields) widens it instead: the looser case rule wins. */
static dg_status add_entry(dg_lexicon *lex, const dg_lex_entry *tmpl,
                           const char *surface)
{
    lex_ent *e = arena_alloc(lex, sizeof *e), *same;
    dg_status st;

    if (!e)
        return DG_ERR_NOMEM;
    e->pub = *tmpl;
    e->pub.surface = arena_strdup(lex, surface);
    if (!e->pub.surface)
        return DG_ERR_NOMEM;
    if ((st = tokenize_surface(lex, e)) != DG_OK)
        return st;
    if ((same = find_same(lex, e)) != NULL) {
        if (!(e->pub.flags & DG_LEXF_CASE))
            same->pub.flags &= ~DG_LEXF_CASE;
        same->lower_start = same->lower_start || e->lower_start;
        set_need_cap(same);
        return DG_OK;
    }
    dg_lex_kind k = e->pub.kind;
    if (!grow((void **)&lex->all, &lex->capall, lex->nall + 1,
              sizeof *lex->all) ||
        !grow((void **)&lex->kind[k], &lex->capkind[k], lex->nkind[k] + 1,
              sizeof *lex->kind[k]))
        return DG_ERR_NOMEM;
    if (!index_entry(lex, e))
        return DG_ERR_NOMEM;
    lex->all[lex->nall++] = e;
    lex->kind[k][lex->nkind[k]++] = &e->pub;
    return DG_OK;
}

/* ------------------------------------------------------------------ */
/* Field parsing                                                       */
/* ------------------------------------------------------------------ */

#define MAX_FIELDS 8

static char *trim(char *s)
{
    char *e;

    while (*s == ' ')
        s++;
    e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        *--e = '\0';
    return s;
}

/* Splits line at tabs into f[]; returns the field count (which may
 * exceed MAX_FIELDS; only the first MAX_FIELDS are stored). */
static size_t split_tabs(char *line, char **f)
{
    size_t n = 0;
    char *p = line;

    for (;;) {
        char *t = strchr(p, '\t');
        if (t)
            *t = '\0';
        if (n < MAX_FIELDS)
            f[n] = trim(p);
        n++;
        if (!t)
            return n;
        p = t + 1;
    }
}

static dg_status syntax(reader *r, const char *fmt, const char *arg)
{
    char where[4096];

    snprintf(where, sizeof where, "%s:%zu", r->path, r->line);
    dg_diagf(r->diag, r->ctx, DG_ERR_SYNTAX, where, fmt, arg);
    return DG_ERR_SYNTAX;
}

static int is_iso3(const char *s)
{
    return strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
           s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z';
}

/* A known country's ISO code as an arena string (NULL for an empty
 * field); on an unknown code reports it and sets *st. */
static const char *country_field(reader *r, const char *s, dg_status *st)
{
    const dg_lex_entry *c;

    if (!*s)
        return NULL;
    c = dg_lexicon_country(r->lex, s);
    if (!is_iso3(s) || !c) {
        *st = syntax(r, "unknown country code \"%s\"", s);
        return NULL;
    }
    return c->key;
}

/* Index of s in the NULL-terminated list, or -1. */
static int one_of(const char *s, const char *const *list)
{
    int i;

    for (i = 0; list[i]; i++)
        if (strcmp(s, list[i]) == 0)
            return i;
    return -1;
}

/* Adds one entry per "|"-separated surface of list (empty items are
 * skipped).  A surface without tokens is a syntax error. */
static dg_status add_list(reader *r, const dg_lex_entry *tmpl, char *list)
{
    char *p = list;

    while (p) {
        char *bar = strchr(p, '|');
        if (bar)
            *bar = '\0';
        char *s = trim(p);
        if (*s) {
            dg_status st = add_entry(r->lex, tmpl, s);
            if (st == DG_ERR_SYNTAX)
                return syntax(r, "\"%s\" has no word to match", s);
            if (st != DG_OK)
                return st;
        }
        p = bar ? bar + 1 : NULL;
    }
    return DG_OK;
}

static dg_status add_one(reader *r, const dg_lex_entry *tmpl,
                         const char *surface)
{
    dg_status st = add_entry(r->lex, tmpl, surface);

    if (st == DG_ERR_SYNTAX)
        return syntax(r, "\"%s\" has no word to match", surface);
    return st;
}

/* Copies a field into the arena, or NULL when it is empty. */
static const char *dup_field(reader *r, const char *s)
{
    return *s ? arena_strdup(r->lex, s) : NULL;
}

#define NEED(x)                                                       \
    do {                                                              \
        if (!(x))                                                     \
            return DG_ERR_NOMEM;                                      \
    } while (0)

/* ------------------------------------------------------------------ */
/* One line of each file                                               */
/* ------------------------------------------------------------------ */

static dg_status country_entry(dg_lexicon *lex, const char *iso,
                               const char *label, dg_lex_entry *t)
{
    memset(t, 0, sizeof *t);
    t->kind = DG_LEX_COUNTRY;
    t->key = arena_strdup(lex, iso);
    t->country = t->key;
    t->label = arena_strdup(lex, label);
    return t->key && t->label ? DG_OK : DG_ERR_NOMEM;
}

/* countries.tsv: ISO3 <TAB> label <TAB> aliases */
static dg_status line_country(reader *r, char **f)
{
    dg_lexicon *lex = r->lex;
    const dg_lex_entry *old;
    dg_lex_entry t;
    dg_status st;

    if (!is_iso3(f[0]))
        return syntax(r, "\"%s\" is not an ISO 3166-1 alpha-3 code", f[0]);
    old = dg_lexicon_country(lex, f[0]);
    if (!old && !*f[1])
        return syntax(r, "new country \"%s\" needs a label", f[0]);
    st = country_entry(lex, f[0], *f[1] ? f[1] : old->label, &t);
    if (st != DG_OK)
        return st;
    if (old) {
        t.key = t.country = old->key;
        t.withdrawn = old->withdrawn;
    }
    if (*f[1]) {
        NEED(grow((void **)&lex->pend, &lex->cappend, lex->npend + 1,
                  sizeof *lex->pend));
        lex->pend[lex->npend].iso = t.key;
        lex->pend[lex->npend].title = NULL;
        lex->pend[lex->npend++].label = t.label;
        if (old)
            t.label = old->label; /* changed when the load succeeds */
        if ((st = add_one(r, &t, f[1])) != DG_OK)
            return st;
    }
    return add_list(r, &t, f[2]);
}

/* demonyms.tsv: ISO3 <TAB> demonyms (the first is the canonical form) */
static dg_status line_demonym(reader *r, char **f)
{
    dg_lex_entry t;
    dg_status st = DG_OK;
    size_t n = strcspn(f[1], "|");

    memset(&t, 0, sizeof t);
    t.kind = DG_LEX_DEMONYM;
    if (!*f[0])
        return syntax(r, "missing country code%s", "");
    t.country = t.key = country_field(r, f[0], &st);
    if (st != DG_OK)
        return st;
    NEED(t.label = arena_strndup(r->lex, f[1], n));
    t.label = trim((char *)t.label);
    if (!*t.label)
        return syntax(r, "missing demonym%s", "");
    return add_list(r, &t, f[1]);
}

static const char *const place_classes[] = {
    "capital", "city", "region", "sea", "venue", "seat", NULL
};

/* places.tsv: name <TAB> class <TAB> ISO3 <TAB> aliases <TAB> located-in */
static dg_status line_place(reader *r, char **f)
{
    dg_lex_entry t;
    dg_status st = DG_OK;
    int c = one_of(f[1], place_classes);

    memset(&t, 0, sizeof t);
    t.kind = DG_LEX_PLACE;
    if (!*f[0])
        return syntax(r, "missing place name%s", "");
    if (c < 0)
        return syntax(r, "unknown place class \"%s\" (expected capital, "
                      "city, region, sea, venue or seat)", f[1]);
    t.country = country_field(r, f[2], &st);
    if (st != DG_OK)
        return st;
    /* a capital is a city, a seat a venue, each standing for its state */
    if (strcmp(place_classes[c], "capital") == 0 ||
        strcmp(place_classes[c], "seat") == 0) {
        t.flags |= DG_LEXF_CAPITAL;
        c = one_of(c == 0 ? "city" : "venue", place_classes);
    }
    t.cls = place_classes[c];
    NEED(t.key = t.label = arena_strdup(r->lex, f[0]));
    t.located_in = dup_field(r, f[4]);
    if ((st = add_one(r, &t, f[0])) != DG_OK)
        return st;
    return add_list(r, &t, f[3]);
}

static const char *const org_classes[] = {
    "intl", "ministry", "government", "party", "armed", "company",
    "media", "other", NULL
};

/* organizations.tsv: name <TAB> class <TAB> ISO3 <TAB> aliases */
static dg_status line_org(reader *r, char **f)
{
    dg_lex_entry t;
    dg_status st = DG_OK;
    int c = one_of(f[1], org_classes);

    memset(&t, 0, sizeof t);
    t.kind = DG_LEX_ORG;
    if (!*f[0])
        return syntax(r, "missing organization name%s", "");
    if (c < 0)
        return syntax(r, "unknown organization class \"%s\" (expected intl, "
                      "ministry, government, party, armed, company, media "
                      "or other)", f[1]);
    t.cls = org_classes[c];
    t.country = country_field(r, f[2], &st);
    if (st != DG_OK)
        return st;
    NEED(t.key = t.label = arena_strdup(r->lex, f[0]));
    if ((st = add_one(r, &t, f[0])) != DG_OK)
        return st;
    return add_list(r, &t, f[3]);
}

static const char *const title_classes[] = {
    "head_of_state", "head_of_government", "foreign_minister", "minister",
    "diplomat", "official", "spokesperson", "honorific", "royal",
    "religious", "rank", "role", NULL
};

/* The ASCII-lower-cased word s[0..n) equals w (case-insensitively). */
static int word_is(const char *s, size_t n, const char *w, size_t wn)
{
    size_t i;

    if (n != wn)
        return 0;
    for (i = 0; i < n; i++) {
        char a = s[i], b = w[i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z')
            b = (char)(b - 'A' + 'a');
        if (a != b)
            return 0;
    }
    return 1;
}

/* 1 when the word w[0..n) is a word of canon (words split at spaces and
 * hyphens). */
static int canon_has_word(const char *canon, const char *w, size_t n)
{
    const char *p = canon;

    while (*p) {
        size_t k = strcspn(p, " -");
        if (k && word_is(p, k, w, n))
            return 1;
        p += k;
        p += strspn(p, " -");
    }
    return 0;
}

/* 1 when w[0..n) is a plural ("Ministers", "Secretaries", "Chairmen")
 * whose singular is a word of canon while w itself is not. */
static int word_is_plural_of(const char *w, size_t n, const char *canon)
{
    char buf[128];

    if (n < 3 || n >= sizeof buf || canon_has_word(canon, w, n))
        return 0;
    memcpy(buf, w, n);
    if (word_is(w + n - 3, 3, "ies", 3)) {
        buf[n - 3] = 'y';
        if (canon_has_word(canon, buf, n - 2))
            return 1;
    }
    if (word_is(w + n - 3, 3, "men", 3)) {
        memcpy(buf + n - 3, "man", 3);
        if (canon_has_word(canon, buf, n))
            return 1;
    }
    if (word_is(w + n - 2, 2, "es", 2) && canon_has_word(canon, w, n - 2))
        return 1;
    return word_is(w + n - 1, 1, "s", 1) && canon_has_word(canon, w, n - 1);
}

/* A title surface is plural when its first or last word is the plural
 * of a word of its canonical title ("Foreign Ministers", "Heads of
 * State", "Secretaries-General"). */
static int title_is_plural(const char *surface, const char *canon)
{
    size_t n = strcspn(surface, " -");
    const char *last = surface, *p = surface;

    if (word_is_plural_of(surface, n, canon))
        return 1;
    while (*p) {
        size_t k = strcspn(p, " -");
        if (k)
            last = p;
        p += k;
        p += strspn(p, " -");
    }
    return last != surface &&
           word_is_plural_of(last, strcspn(last, " -"), canon);
}

/* titles.tsv: surface <TAB> canonical <TAB> class */
static dg_status line_title(reader *r, char **f)
{
    dg_lex_entry t;
    int c = one_of(f[2], title_classes);

    memset(&t, 0, sizeof t);
    t.kind = DG_LEX_TITLE;
    if (!*f[0] || !*f[1])
        return syntax(r, "missing title%s", "");
    if (c < 0)
        return syntax(r, "unknown title class \"%s\"", f[2]);
    t.cls = title_classes[c];
    NEED(t.key = t.label = arena_strdup(r->lex, f[1]));
    if (title_is_plural(f[0], f[1]))
        t.flags |= DG_LEXF_PLURAL;
    return add_one(r, &t, f[0]);
}

static const char *const trigger_pos[] = { "verb", "noun", NULL };
static const char *const trigger_roles[] = {
    "participant", "host", "visitor", "speaker", "target", NULL
};
static const char *const trigger_needs[] = {
    "-", "object", "pair", "speech", NULL
};

static int is_class_name(const char *s)
{
    if (!(*s >= 'A' && *s <= 'Z'))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
              (*s >= '0' && *s <= '9')))
            return 0;
    return 1;
}

static int is_cameo(const char *s)
{
    size_t n = strlen(s), i;

    if (n < 2 || n > 4)
        return 0;
    for (i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* triggers.tsv: surface <TAB> class <TAB> CAMEO <TAB> pos <TAB> role
 * <TAB> needs */
static dg_status line_trigger(reader *r, char **f)
{
    dg_lex_entry t;
    int pos = one_of(f[3], trigger_pos), role = one_of(f[4], trigger_roles);
    int needs = one_of(f[5], trigger_needs);

    memset(&t, 0, sizeof t);
    t.kind = DG_LEX_TRIGGER;
    if (!*f[0])
        return syntax(r, "missing trigger%s", "");
    if (!is_class_name(f[1]))
        return syntax(r, "\"%s\" is not an event class name", f[1]);
    if (!is_cameo(f[2]))
        return syntax(r, "\"%s\" is not a CAMEO code (2 to 4 digits)", f[2]);
    if (pos < 0)
        return syntax(r, "unknown part of speech \"%s\" (expected verb or "
                      "noun)", f[3]);
    if (role < 0)
        return syntax(r, "unknown role \"%s\" (expected participant, host, "
                      "visitor, speaker or target)", f[4]);
    if (needs < 0)
        return syntax(r, "unknown requirement \"%s\" (expected -, object, "
                      "pair or speech)", f[5]);
    t.flags = pos == 0 ? DG_LEXF_VERB : DG_LEXF_NOUN;
    if (needs == 1)
        t.flags |= DG_LEXF_NEEDS_OBJECT;
    else if (needs == 2)
        t.flags |= DG_LEXF_RECIPROCAL;
    else if (needs == 3)
        t.flags |= DG_LEXF_IN_SPEECH;
    if (strstr(f[0], "..."))
        t.flags |= DG_LEXF_GAP;
    t.role = trigger_roles[role];
    NEED(t.cls = arena_strdup(r->lex, f[1]));
    NEED(t.cameo = arena_strdup(r->lex, f[2]));
    NEED(t.key = t.label = arena_strdup(r->lex, f[0]));
    return add_one(r, &t, f[0]);
}

static int is_topic_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '-' || *s == '_'))
            return 0;
    return 1;
}

/* topics.tsv: id <TAB> label <TAB> keywords (the label matches too) */
static dg_status line_topic(reader *r, char **f)
{
    dg_lex_entry t;
    dg_status st;

    memset(&t, 0, sizeof t);
    t.kind = DG_LEX_TOPIC;
    if (!is_topic_id(f[0]))
        return syntax(r, "\"%s\" is not a topic id (a-z, 0-9, \"-\")", f[0]);
    if (!*f[1])
        return syntax(r, "missing topic label%s", "");
    NEED(t.key = arena_strdup(r->lex, f[0]));
    NEED(t.label = arena_strdup(r->lex, f[1]));
    if ((st = add_one(r, &t, f[1])) != DG_OK)
        return st;
    return add_list(r, &t, f[2]);
}

/* A year field: four digits, or empty (0) where allowed. */
static int year_field(reader *r, const char *s, int allow_empty, int *year,
                      dg_status *st)
{
    int i;

    *year = 0;
    if (!*s && allow_empty)
        return 1;
    for (i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            break;
    if (i != 4 || s[4]) {
        *st = syntax(r, "\"%s\" is not a year (four digits)", s);
        return 0;
    }
    *year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
            (s[3] - '0');
    return 1;
}

/* The first word of a person's name of two or more words, as a given
 * name ("Kenji" of "Kenji Sato"); initials are skipped. */
static dg_status add_given_name(reader *r, const char *name)
{
    dg_lex_entry g;
    const char *sp = strchr(name, ' ');
    char word[128];
    size_t n;

    if (!sp || (n = (size_t)(sp - name)) < 2 || n >= sizeof word ||
        name[n - 1] == '.')
        return DG_OK;
    memcpy(word, name, n);
    word[n] = '\0';
    memset(&g, 0, sizeof g);
    g.kind = DG_LEX_GIVEN;
    NEED(g.key = g.label = arena_strdup(r->lex, word));
    return add_one(r, &g, word);
}

/* people.tsv: name <TAB> aliases <TAB> ISO3-or-body <TAB> title <TAB>
 * from <TAB> to */
static dg_status line_person(reader *r, char **f)
{
    dg_lex_entry t;
    dg_status st = DG_OK;
    char key[1024];
    size_t i = 0, n = 0, len = strlen(f[0]);

    memset(&t, 0, sizeof t);
    t.kind = DG_LEX_PERSON;
    if (!*f[0])
        return syntax(r, "missing name%s", "");
    if (!*f[2] || !*f[3])
        return syntax(r, "missing %s", !*f[2] ? "country or body code"
                                              : "title");
    if (!year_field(r, f[4], 0, &t.from, &st) ||
        !year_field(r, f[5], 1, &t.to, &st))
        return st;
    while (i < len && n + 5 < sizeof key)
        n += dg_fold_cp(dg_utf8_next(f[0], len, &i), key + n);
    key[n] = '\0';
    NEED(t.key = arena_strdup(r->lex, key));
    NEED(t.label = arena_strdup(r->lex, f[0]));
    NEED(t.country = arena_strdup(r->lex, f[2]));
    NEED(t.cls = arena_strdup(r->lex, f[3]));
    if ((st = add_one(r, &t, f[0])) != DG_OK)
        return st;
    if ((st = add_list(r, &t, f[1])) != DG_OK)
        return st;
    return add_given_name(r, f[0]);
}

/* title-countries.tsv: title <TAB> ISO3.  Sets the state of every title
 * entry whose surface or canonical title is `title` (when the load
 * succeeds); a title not in titles.tsv is added as its own canonical
 * title of class "official". */
static dg_status line_title_country(reader *r, char **f)
{
    dg_lexicon *lex = r->lex;
    dg_status st = DG_OK;
    const char *iso, *title;
    size_t i;
    int found = 0;

    if (!*f[0])
        return syntax(r, "missing title%s", "");
    if (!*f[1])
        return syntax(r, "missing country code%s", "");
    iso = country_field(r, f[1], &st);
    if (st != DG_OK)
        return st;
    NEED(title = arena_strdup(lex, f[0]));
    for (i = 0; i < lex->nkind[DG_LEX_TITLE] && !found; i++) {
        const dg_lex_entry *e = lex->kind[DG_LEX_TITLE][i];
        found = strcmp(e->surface, title) == 0 || strcmp(e->label, title) == 0;
    }
    if (!found) {
        dg_lex_entry t;
        memset(&t, 0, sizeof t);
        t.kind = DG_LEX_TITLE;
        t.cls = "official";
        t.key = t.label = title;
        if ((st = add_one(r, &t, title)) != DG_OK)
            return st;
    }
    NEED(grow((void **)&lex->pend, &lex->cappend, lex->npend + 1,
              sizeof *lex->pend));
    lex->pend[lex->npend].iso = iso;
    lex->pend[lex->npend].label = NULL;
    lex->pend[lex->npend++].title = title;
    return DG_OK;
}

/* stopnames.txt: one word a line */
static dg_status line_noname(reader *r, char **f)
{
    dg_lex_entry t;
    char key[256];
    size_t i = 0, n = 0, len = strlen(f[0]);

    memset(&t, 0, sizeof t);
    t.kind = DG_LEX_NONAME;
    while (i < len && n + 5 < sizeof key)
        n += dg_fold_cp(dg_utf8_next(f[0], len, &i), key + n);
    key[n] = '\0';
    NEED(t.key = t.label = arena_strdup(r->lex, key));
    return add_one(r, &t, f[0]);
}

/* given-names.txt: one given name a line ("Aleksey"). */
static dg_status line_given(reader *r, char **f)
{
    dg_lex_entry t;

    memset(&t, 0, sizeof t);
    t.kind = DG_LEX_GIVEN;
    NEED(t.key = t.label = arena_strdup(r->lex, f[0]));
    return add_one(r, &t, f[0]);
}

/* ------------------------------------------------------------------ */
/* Identifiers (country-ids.tsv, organization-ids.tsv, people-ids.tsv)  */
/* ------------------------------------------------------------------ */

/* 1 when s is empty or a run of ASCII digits not starting with 0
 * (prefix "Q": a Wikidata item such as "Q183"). */
static int id_ok(const char *s, const char *prefix)
{
    size_t n = strlen(prefix), i;

    if (!*s)
        return 1;
    if (strncmp(s, prefix, n) != 0 || s[n] < '1' || s[n] > '9')
        return 0;
    for (i = n; s[i]; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* 1 when an entry of kind `kind` is labelled `label`. */
static int has_label(const dg_lexicon *lex, dg_lex_kind kind,
                     const char *label)
{
    size_t i;

    for (i = 0; i < lex->nkind[kind]; i++)
        if (strcmp(lex->kind[kind][i]->label, label) == 0)
            return 1;
    return 0;
}

/* Queues the identifiers of one line (applied by apply_ids). */
static dg_status add_ident(reader *r, dg_lex_kind kind, const char *key,
                           const char *wikidata, const char *cow)
{
    dg_lexicon *lex = r->lex;
    ident *d;

    if (!id_ok(wikidata, "Q"))
        return syntax(r, "\"%s\" is not a Wikidata item (Q and digits)",
                      wikidata);
    if (!id_ok(cow, ""))
        return syntax(r, "\"%s\" is not a COW state number", cow);
    NEED(grow((void **)&lex->pids, &lex->cappids, lex->npids + 1,
              sizeof *lex->pids));
    d = &lex->pids[lex->npids];
    d->kind = kind;
    NEED(d->key = arena_strdup(lex, key));
    d->wikidata = d->cow = NULL;
    if (*wikidata)
        NEED(d->wikidata = arena_strdup(lex, wikidata));
    if (*cow)
        NEED(d->cow = arena_strdup(lex, cow));
    lex->npids++;
    return DG_OK;
}

/* country-ids.tsv: ISO3 <TAB> wikidata <TAB> cow */
static dg_status line_country_ids(reader *r, char **f)
{
    dg_status st = DG_OK;
    const char *iso = country_field(r, f[0], &st);

    if (st != DG_OK)
        return st;
    if (!iso)
        return syntax(r, "missing country code%s", "");
    return add_ident(r, DG_LEX_COUNTRY, iso, f[1], f[2]);
}

/* organization-ids.tsv: name <TAB> wikidata (name: an organizations.tsv
 * label) */
static dg_status line_org_ids(reader *r, char **f)
{
    if (!has_label(r->lex, DG_LEX_ORG, f[0]))
        return syntax(r, "\"%s\" is no organization's name in "
                      "organizations.tsv", f[0]);
    return add_ident(r, DG_LEX_ORG, f[0], f[1], "");
}

/* people-ids.tsv: name <TAB> wikidata (name: a people.tsv name) */
static dg_status line_person_ids(reader *r, char **f)
{
    if (!has_label(r->lex, DG_LEX_PERSON, f[0]))
        return syntax(r, "\"%s\" is no person's name in people.tsv", f[0]);
    return add_ident(r, DG_LEX_PERSON, f[0], f[1], "");
}

/* ------------------------------------------------------------------ */
/* Files                                                               */
/* ------------------------------------------------------------------ */

typedef struct {
    const char *name;
    size_t nfields;
    int optional;    /* may be absent even from the first directory */
    dg_status (*line)(reader *r, char **f);
} file_spec;

/* In load order: countries first, as the others name them. */
static const file_spec files[] = {
    { "countries.tsv", 3, 0, line_country },
    { "demonyms.tsv", 2, 0, line_demonym },
    { "places.tsv", 5, 0, line_place },
    { "organizations.tsv", 4, 0, line_org },
    { "titles.tsv", 3, 0, line_title },
    { "triggers.tsv", 6, 0, line_trigger },
    { "topics.tsv", 3, 0, line_topic },
    { "title-countries.tsv", 2, 1, line_title_country },
    { "people.tsv", 6, 1, line_person },
    { "country-ids.tsv", 3, 1, line_country_ids },
    { "organization-ids.tsv", 2, 1, line_org_ids },
    { "people-ids.tsv", 2, 1, line_person_ids },
    { "stopnames.txt", 1, 0, line_noname },
    { "given-names.txt", 1, 1, line_given },
};

/* Reads one line (any length) into *buf; returns its length or -1 at
 * the end of the file or on an error (check ferror). */
static long read_line(FILE *fh, char **buf, size_t *cap)
{
    ssize_t n = getline(buf, cap, fh);
    if (n < 0)
        return -1;
    while (n > 0 && ((*buf)[n - 1] == '\n' || (*buf)[n - 1] == '\r'))
        (*buf)[--n] = '\0';
    return (long)n;
}

static int blank_or_comment(const char *s)
{
    s += strspn(s, " \t");
    return *s == '\0' || *s == '#';
}

static dg_status parse_line(reader *r, const file_spec *fs, char *line,
                            size_t len)
{
    char *f[MAX_FIELDS];
    size_t bad, n;

    if (!dg_utf8_valid(line, len, &bad)) {
        char msg[64];
        snprintf(msg, sizeof msg, "%zu", bad);
        return syntax(r, "invalid UTF-8 at byte %s of the line", msg);
    }
    if (blank_or_comment(line))
        return DG_OK;
    n = split_tabs(line, f);
    if (n != fs->nfields) {
        char where[4096];
        snprintf(where, sizeof where, "%s:%zu", r->path, r->line);
        if (fs->nfields == 1)
            dg_diagf(r->diag, r->ctx, DG_ERR_SYNTAX, where,
                     "expected one word a line, found %zu tab-separated "
                     "fields", n);
        else
            dg_diagf(r->diag, r->ctx, DG_ERR_SYNTAX, where,
                     "expected %zu tab-separated fields, found %zu",
                     fs->nfields, n);
        return DG_ERR_SYNTAX;
    }
    return fs->line(r, f);
}

/* Loads one file of dir.  An absent file is DG_ERR_IO unless `optional`,
 * when it is skipped. */
static dg_status load_file(dg_lexicon *lex, const char *dir,
                           const file_spec *fs, int optional,
                           dg_diag_fn diag, void *ctx)
{
    char path[4096], *buf = NULL;
    size_t cap = 0;
    long n;
    FILE *fh;
    reader r;
    dg_status st = DG_OK;

    snprintf(path, sizeof path, "%s/%s", dir, fs->name);
    fh = fopen(path, "r");
    if (!fh) {
        if (errno == ENOENT && optional)
            return DG_OK;
        dg_diagf(diag, ctx, DG_ERR_IO, path, "cannot open: %s",
                 strerror(errno));
        return DG_ERR_IO;
    }
    r.lex = lex;
    r.path = path;
    r.line = 0;
    r.diag = diag;
    r.ctx = ctx;
    while ((n = read_line(fh, &buf, &cap)) >= 0) {
        r.line++;
        if ((st = parse_line(&r, fs, buf, (size_t)n)) != DG_OK)
            goto out;
    }
    if (ferror(fh)) {
        dg_diagf(diag, ctx, DG_ERR_IO, path, "read error: %s",
                 strerror(errno));
        st = DG_ERR_IO;
    }
out:
    free(buf);
    fclose(fh);
    return st;
}

/* ------------------------------------------------------------------ */
/* iso-codes                                                           */
/* ------------------------------------------------------------------ */

/* Adds one iso-codes record: label = common_name or name; every name is
 * a surface (a leading "the " of an official name dropped). */
static dg_status iso_record(dg_lexicon *lex, json_t *rec)
{
    const char *iso = json_string_value(json_object_get(rec, "alpha_3"));
    const char *name = json_string_value(json_object_get(rec, "name"));
    const char *common = json_string_value(json_object_get(rec,
                                                           "common_name"));
    const char *off = json_string_value(json_object_get(rec,
                                                        "official_name"));
    const char *forms[3];
    dg_lex_entry t;
    dg_status st;
    size_t i;

    if (!iso || !name || !is_iso3(iso))
        return DG_OK;
    if (off && strncmp(off, "the ", 4) == 0)
        off += 4;
    st = country_entry(lex, iso, common ? common : name, &t);
    if (st != DG_OK)
        return st;
    forms[0] = t.label;
    forms[1] = name;
    forms[2] = off;
    for (i = 0; i < 3; i++) {
        if (!forms[i])
            continue;
        st = add_entry(lex, &t, forms[i]);
        if (st == DG_ERR_SYNTAX)
            st = DG_OK; /* a name without words: nothing to match */
        if (st != DG_OK)
            return st;
    }
    return DG_OK;
}

/* Adds one ISO 3166-3 record (a withdrawn code) whose alpha-3 code no
 * current state uses: a state labelled with its iso-codes name whose
 * only surface is its four-letter code ("SUHH", case-exact, so it never
 * matches running text); countries.tsv gives the names. */
static dg_status iso3_record(dg_lexicon *lex, json_t *rec)
{
    const char *iso = json_string_value(json_object_get(rec, "alpha_3"));
    const char *code = json_string_value(json_object_get(rec, "alpha_4"));
    const char *name = json_string_value(json_object_get(rec, "name"));
    dg_lex_entry t;
    dg_status st;

    if (!iso || !code || !name || !is_iso3(iso) || strlen(code) != 4 ||
        dg_lexicon_country(lex, iso))
        return DG_OK;
    if ((st = country_entry(lex, iso, name, &t)) != DG_OK)
        return st;
    if (!(t.withdrawn = arena_strdup(lex, code)))
        return DG_ERR_NOMEM;
    st = add_entry(lex, &t, code);
    return st == DG_ERR_SYNTAX ? DG_OK : st;
}

/* Loads the array `part` ("3166-1", "3166-3") of an iso-codes JSON file,
 * one record a call of `record`. */
static dg_status load_iso(dg_lexicon *lex, const char *path, const char *part,
                          dg_status (*record)(dg_lexicon *, json_t *),
                          dg_diag_fn diag, void *ctx)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err), *arr;
    dg_status st = DG_OK;
    size_t i;

    if (!root) {
        char where[4096];
        if (err.line > 0)
            snprintf(where, sizeof where, "%s:%d", path, err.line);
        else
            snprintf(where, sizeof where, "%s", path);
        dg_diagf(diag, ctx, err.line > 0 ? DG_ERR_SYNTAX : DG_ERR_IO,
                 where, "%s", err.text);
        return err.line > 0 ? DG_ERR_SYNTAX : DG_ERR_IO;
    }
    arr = json_object_get(root, part);
    if (!json_is_array(arr)) {
        dg_diagf(diag, ctx, DG_ERR_SYNTAX, path, "no \"%s\" array", part);
        st = DG_ERR_SYNTAX;
        goto out;
    }
    for (i = 0; i < json_array_size(arr) && st == DG_OK; i++)
        st = record(lex, json_array_get(arr, i));
out:
    json_decref(root);
    return st;
}

/* ------------------------------------------------------------------ */
/* Loading, rollback, freeing                                          */
/* ------------------------------------------------------------------ */

/* Drops every entry after the first `nall` and re-indexes the rest. */
static dg_status rollback(dg_lexicon *lex, size_t nall,
                          const size_t nkind[DG_LEX_KIND_COUNT])
{
    size_t i;

    lex->nall = nall;
    for (i = 0; i < DG_LEX_KIND_COUNT; i++)
        lex->nkind[i] = nkind[i];
    for (i = 0; i < lex->ntab; i++) {
        lex->tab[i].n = 0;
        lex->tab[i].kinds = 0;
    }
    for (i = 0; i < lex->nall; i++)
        if (!index_entry(lex, lex->all[i]))
            return DG_ERR_NOMEM;
    return DG_OK;
}

/* Applies the pending changes: a title's state to every title entry
 * named by it (surface or canonical), a country's label to every entry
 * of the country. */
static void apply_relabels(dg_lexicon *lex)
{
    size_t i, k;

    for (i = 0; i < lex->npend; i++) {
        char key[8];
        bucket *b;
        if (lex->pend[i].title) {
            for (k = 0; k < lex->nkind[DG_LEX_TITLE]; k++) {
                dg_lex_entry *e = lex->kind[DG_LEX_TITLE][k];
                if (strcmp(e->surface, lex->pend[i].title) == 0 ||
                    strcmp(e->label, lex->pend[i].title) == 0)
                    e->country = lex->pend[i].iso;
            }
            continue;
        }
        iso_key(lex->pend[i].iso, key);
        b = tab_find(lex, key);
        for (k = 0; b && k < b->n; k++)
            b->v[k]->pub.label = lex->pend[i].label;
    }
    lex->npend = 0;
}

/* Applies the pending identifiers to every entry they name: a state's
 * entries (its names, not its demonyms), an organization's or a
 * person's (every spell of people.tsv). */
static void apply_ids(dg_lexicon *lex)
{
    size_t i, k;

    for (i = 0; i < lex->npids; i++) {
        const ident *d = &lex->pids[i];
        dg_lex_kind kind = d->kind;
        for (k = 0; k < lex->nkind[kind]; k++) {
            dg_lex_entry *e = lex->kind[kind][k];
            if (strcmp(kind == DG_LEX_COUNTRY ? e->key : e->label,
                       d->key) != 0)
                continue;
            e->wikidata = d->wikidata;
            e->cow = d->cow;
        }
    }
    lex->npids = 0;
}

/* Warns (status DG_OK) about each *.tsv or *.txt file of dir that is no
 * lexicon file: a misspelt name ("organisations.tsv") would otherwise be
 * ignored without a word. */
static void warn_unknown_files(const char *dir, dg_diag_fn diag, void *ctx)
{
    DIR *dh = opendir(dir);
    struct dirent *e;

    if (!dh)
        return;
    while ((e = readdir(dh)) != NULL) {
        size_t n = strlen(e->d_name), i;
        int known = 0;
        if (n < 5 || (strcmp(e->d_name + n - 4, ".tsv") != 0 &&
                      strcmp(e->d_name + n - 4, ".txt") != 0))
            continue;
        for (i = 0; i < sizeof files / sizeof files[0]; i++)
            known |= strcmp(files[i].name, e->d_name) == 0;
        if (!known) {
            char where[1024];
            snprintf(where, sizeof where, "%s/%s", dir, e->d_name);
            dg_diagf(diag, ctx, DG_OK, where,
                     "not a lexicon file name (see data/README.md); ignored");
        }
    }
    closedir(dh);
}

static dg_status load_dir(dg_lexicon *lex, const char *dir, int first,
                          dg_diag_fn diag, void *ctx)
{
    struct stat sb;
    dg_status st;
    size_t i;

    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        dg_diagf(diag, ctx, DG_ERR_IO, dir, "not a readable directory");
        return DG_ERR_IO;
    }
    if (!lex->iso_loaded) {
        if ((st = load_iso(lex, DG_ISO_3166_JSON, "3166-1", iso_record, diag,
                           ctx)) != DG_OK ||
            (st = load_iso(lex, DG_ISO_3166_3_JSON, "3166-3", iso3_record,
                           diag, ctx)) != DG_OK)
            return st;
        lex->iso_loaded = 1;
    }
    if (!lex->wc &&
        (st = dg_wordclass_load(DG_WORDNET_DIR, &lex->wc, diag, ctx)) != DG_OK)
        return st;
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        st = load_file(lex, dir, &files[i], files[i].optional || !first,
                       diag, ctx);
        if (st != DG_OK)
            return st;
    }
    if (!first)
        warn_unknown_files(dir, diag, ctx);
    return DG_OK;
}

dg_status dg_lexicon_load(const char *dir, dg_lexicon **out,
                          dg_diag_fn diag, void *ctx)
{
    dg_lexicon *lex;
    size_t nall, nkind[DG_LEX_KIND_COUNT];
    dg_status st;

    if (!dir || !out)
        return DG_ERR_ARG;
    if (!*out) {
        lex = calloc(1, sizeof *lex);
        if (!lex)
            return DG_ERR_NOMEM;
        st = load_dir(lex, dir, 1, diag, ctx);
        if (st != DG_OK) {
            dg_lexicon_free(lex);
            return st;
        }
        apply_relabels(lex);
        apply_ids(lex);
        *out = lex;
        return DG_OK;
    }
    lex = *out;
    nall = lex->nall;
    memcpy(nkind, lex->nkind, sizeof nkind);
    st = load_dir(lex, dir, 0, diag, ctx);
    if (st != DG_OK) {
        lex->npend = lex->npids = 0;
        if (rollback(lex, nall, nkind) != DG_OK)
            return DG_ERR_NOMEM;
        return st;
    }
    apply_relabels(lex);
    apply_ids(lex);
    return DG_OK;
}

const dg_wordclass *dg_lexicon_wordclass(const dg_lexicon *lex)
{
    return lex ? lex->wc : NULL;
}

void dg_lexicon_free(dg_lexicon *lex)
{
    size_t i;

    if (!lex)
        return;
    for (i = 0; i < lex->ntab; i++)
        free(lex->tab[i].v);
    free(lex->tab);
    for (i = 0; i < DG_LEX_KIND_COUNT; i++)
        free(lex->kind[i]);
    free(lex->all);
    free(lex->pend);
    free(lex->pids);
    dg_wordclass_free(lex->wc);
    while (lex->arena) {
        arena_block *b = lex->arena;
        lex->arena = b->next;
        free(b);
    }
    free(lex);
}

/* ------------------------------------------------------------------ */
/* Lookup                                                              */
/* ------------------------------------------------------------------ */

/* 1 when e matches toks[i .. i + e->ntoks). */
static int entry_matches(const lex_ent *e, const char *text,
                         const dg_token *toks, size_t i, int any_case)
{
    size_t k;

    if (e->need_cap && !any_case && !(toks[i].flags & DG_TOK_CAP))
        return 0;
    for (k = 1; k < e->pub.ntoks; k++)
        if (toks[i + k].sent != toks[i].sent ||
            strcmp(toks[i + k].norm, e->norm[k]) != 0)
            return 0;
    if (e->pub.flags & DG_LEXF_CASE) {
        for (k = 0; k < e->pub.ntoks; k++) {
            size_t n = toks[i + k].e - toks[i + k].b;
            if (strlen(e->raw[k]) != n ||
                memcmp(text + toks[i + k].b, e->raw[k], n) != 0)
                return 0;
        }
    }
    return 1;
}

size_t dg_lexicon_starting(const dg_lexicon *lex, const char *norm,
                           unsigned kind_mask, const dg_lex_entry **out,
                           size_t max)
{
    const bucket *b;
    size_t n = 0, k;

    if (!lex || !(b = tab_find(lex, norm)) || !(b->kinds & kind_mask))
        return 0;
    for (k = 0; k < b->n && n < max; k++)
        if (kind_mask & (1u << b->v[k]->pub.kind))
            out[n++] = &b->v[k]->pub;
    return n;
}

int dg_lexicon_trigger_verb(const dg_lexicon *lex, const char *norm,
                            int talks)
{
    const dg_lex_entry *e[64];
    const char *lemma = NULL;
    unsigned count;
    size_t n, k;

    if (!lex || dg_wordclass_verb(lex->wc, norm, &lemma, &count) == DG_VF_NONE)
        return 0;
    n = dg_lexicon_starting(lex, lemma, 1u << DG_LEX_TRIGGER, e, 64);
    for (k = 0; k < n; k++)
        if ((e[k]->flags & DG_LEXF_VERB) &&
            (!talks || strcmp(e[k]->cls, "Meeting") == 0 ||
             strcmp(e[k]->cls, "Visit") == 0 ||
             strcmp(e[k]->cls, "PhoneCall") == 0 ||
             strcmp(e[k]->cls, "Negotiation") == 0))
            return 1;
    return 0;
}

void dg_lexicon_index_tokens(const dg_lexicon *lex, dg_token *toks,
                             size_t n)
{
    size_t i;

    for (i = 0; lex && i < n; i++) {
        toks[i].lex_entries = tab_find(lex, toks[i].norm);
        toks[i].lex_norm = toks[i].norm;
    }
}

/* The bucket of token t's norm: indexed, else looked up. */
static const bucket *token_bucket(const dg_lexicon *lex, const dg_token *t)
{
    if (t->lex_norm && t->lex_norm == t->norm)
        return t->lex_entries;
    return tab_find(lex, t->norm);
}

size_t dg_lexicon_match(const dg_lexicon *lex, const char *text,
                        const dg_token *toks, size_t ntoks, size_t i,
                        unsigned kind_mask, const dg_lex_entry **hits,
                        size_t max, size_t *nhits)
{
    const bucket *b;
    size_t best = 0, n = 0, k;

    if (nhits)
        *nhits = 0;
    if (!lex || i >= ntoks || !(b = token_bucket(lex, &toks[i])) ||
        !(b->kinds & kind_mask))
        return 0;
    for (k = 0; k < b->n; k++) {
        const lex_ent *e = b->v[k];
        size_t len = e->pub.ntoks;
        if (!(kind_mask & (1u << e->pub.kind)) || len < best ||
            len > ntoks - i ||
            !entry_matches(e, text, toks, i, (kind_mask & DG_LEX_ANY_CASE) != 0))
            continue;
        if (len > best) {
            best = len;
            n = 0;
        }
        if (n < max && hits)
            hits[n] = &e->pub;
        n++;
    }
    if (nhits)
        *nhits = n < max ? n : max;
    return best;
}

size_t dg_lexicon_spells(const dg_lexicon *lex, const dg_lex_entry *person,
                         const dg_lex_entry **out, size_t max)
{
    dg_token *toks = NULL;
    size_t ntoks = 0, k, n = 0;
    const bucket *b;

    if (!lex || !person || person->kind != DG_LEX_PERSON ||
        dg_tokenize(person->label, strlen(person->label), &toks, &ntoks) !=
            DG_OK || ntoks == 0)
        return 0;
    b = tab_find(lex, toks[0].norm);
    for (k = 0; b && k < b->n && n < max; k++) {
        const dg_lex_entry *e = &b->v[k]->pub;
        if (e->kind == DG_LEX_PERSON && strcmp(e->key, person->key) == 0 &&
            strcmp(e->surface, person->label) == 0)
            out[n++] = e;
    }
    dg_tokens_free(toks, ntoks);
    return n;
}

size_t dg_lexicon_named(const dg_lexicon *lex, const char *name,
                        unsigned kind_mask, const dg_lex_entry **hits,
                        size_t max)
{
    dg_token *toks = NULL;
    size_t n = 0, nh = 0;

    if (dg_tokenize(name, strlen(name), &toks, &n) != DG_OK)
        return 0;
    if (n == 0 || dg_lexicon_match(lex, name, toks, n, 0,
                                   kind_mask | DG_LEX_ANY_CASE, hits, max,
                                   &nh) != n)
        nh = 0;
    dg_tokens_free(toks, n);
    return nh;
}

int dg_generic_ministry(const dg_lex_entry *e)
{
    return e && e->kind == DG_LEX_ORG && !e->country && e->cls &&
           strcmp(e->cls, "ministry") == 0;
}

const dg_lex_entry *dg_lexicon_country(const dg_lexicon *lex,
                                       const char *iso3)
{
    char key[8];
    const bucket *b;

    if (!lex || !iso3 || strlen(iso3) != 3)
        return NULL;
    iso_key(iso3, key);
    b = tab_find(lex, key);
    return b && b->n ? &b->v[0]->pub : NULL;
}

const dg_lex_entry *dg_lexicon_topic(const dg_lexicon *lex, const char *key)
{
    char k[TOPIC_KEY_MAX];
    const bucket *b;
    size_t i;

    if (!lex || !key)
        return NULL;
    if (topic_key(key, k)) {
        b = tab_find(lex, k);
        return b && b->n ? &b->v[0]->pub : NULL;
    }
    for (i = 0; i < lex->nkind[DG_LEX_TOPIC]; i++)
        if (strcmp(lex->kind[DG_LEX_TOPIC][i]->key, key) == 0)
            return lex->kind[DG_LEX_TOPIC][i];
    return NULL;
}

size_t dg_lexicon_entries(const dg_lexicon *lex, dg_lex_kind kind,
                          const dg_lex_entry *const **entries)
{
    if (!lex || (unsigned)kind >= DG_LEX_KIND_COUNT) {
        if (entries)
            *entries = NULL;
        return 0;
    }
    if (entries)
        *entries = (const dg_lex_entry *const *)lex->kind[kind];
    return lex->nkind[kind];
}
