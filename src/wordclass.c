/*
 * wordclass.c: which word classes an English word can belong to, and the
 * lemma and form of its verb reading, from WordNet 3.0 as Debian's
 * wordnet-base installs it (/usr/share/wordnet: index.noun, index.verb,
 * index.adj, index.adv, cntlist.rev and verb.exc; formats in wndb(5WN)
 * and cntlist(5WN)).  The clause
 * stage (clauses.c) uses it to tell "talks" the noun from "talks" the
 * verb and to find the verb of a clause.
 *
 * Only one-word lemmas are kept.  Each has, per word class, how often
 * its senses are tagged in WordNet's semantic concordance (cntlist.rev:
 * the tag counts of every sense of the class, plus one so that a word no
 * text attests still counts), a measure of how often the word is used in
 * that class: "state" as a noun 192 times, as a verb 90 times.
 * Inflected verb forms are found by the detachment
 * rules of WordNet's morphy(7WN) ("agreed" -> "agree", "stopped" ->
 * "stop", "tries" -> "try") and by the exception list verb.exc
 * ("met" -> "meet", "spoke" -> "speak").
 *
 * Memory: one hash table of lemmas, strings in one growing block; all
 * freed by dg_wordclass_free.  About 150,000 lemmas, 7 MB, 30 ms to load;
 * and a memo of look-ups per thread (below), 360 KB.
 */
#include "internal.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t name;      /* offset of the word in the string block */
    uint32_t exc;       /* verb.exc: offset of the base form + 1, else 0 */
    uint32_t tag;       /* high bits of the word's hash: most slots of
                           other words are passed without reading their
                           string, which lies elsewhere in memory */
    uint16_t count[4];  /* per class (DG_WC_*, bit index): senses + 1 */
} wc_word;

struct dg_wordclass {
    char *str;          /* NUL-separated words */
    size_t nstr, capstr;
    wc_word *tab;       /* open addressing, power-of-two size */
    size_t ntab, used;
    unsigned gen;       /* names it in the memo; 0 while loading */
};

/* A memo of recent look-ups, one per thread, in front of the table.  The
 * table (7 MB) does not stay in the processor's caches, so a look-up in
 * it waits for memory twice (slot, then word), while news repeats its
 * words: of 92,541 look-ups on 400 bench articles 10,210 reach the
 * table (26,612 with a quarter of the slots).  Direct-mapped by the
 * word's hash; an entry holds a copy of the word's slot (name 0: no such
 * word), so it outlives nothing; gen tells the tables apart (a table
 * freed and another loaded at its address is a new generation).
 * 8,192 entries of 44 bytes: 360 KB per thread. */
#define MEMO_SLOTS 8192
#define MEMO_WORD 20
typedef struct {
    unsigned gen;
    char word[MEMO_WORD];
    wc_word val;
} memo_entry;
static _Thread_local memo_entry memo[MEMO_SLOTS];
static atomic_uint generations;

/* The WordNet files read and the class each gives. */
static const struct {
    const char *file;
    int cls;            /* bit index of DG_WC_* */
} index_files[] = {
    {"index.noun", 0}, {"index.verb", 1}, {"index.adj", 2}, {"index.adv", 3}
};

static uint64_t word_hash(const char *w, size_t n)
{
    return dg_hash_bytes(0x9e3779b97f4a7c15ull, w, n);
}

/* The slot of word w[0..n) (found, or the empty slot to fill). */
static wc_word *slot_of(const dg_wordclass *wc, const char *w, size_t n,
                        uint64_t h, uint32_t *tag)
{
    size_t mask = wc->ntab - 1, i = (size_t)h & mask;

    *tag = (uint32_t)(h >> 32);
    for (;; i = (i + 1) & mask) {
        wc_word *s = &wc->tab[i];
        if (s->name == 0)
            return s;
        if (s->tag == *tag && memcmp(wc->str + s->name, w, n) == 0 &&
            wc->str[s->name + n] == '\0')
            return s;
    }
}

static wc_word *slot(const dg_wordclass *wc, const char *w, size_t n,
                     uint32_t *tag)
{
    return slot_of(wc, w, n, word_hash(w, n), tag);
}

static int grow(dg_wordclass *wc)
{
    size_t n = wc->ntab ? wc->ntab * 2 : 1u << 17, i;
    wc_word *old = wc->tab, *nt = calloc(n, sizeof *nt);

    if (!nt)
        return 0;
    wc->tab = nt;
    wc->ntab = n;
    for (i = 0; old && i < n / 2; i++)
        if (old[i].name) {
            const char *w = wc->str + old[i].name;
            uint32_t tag;
            *slot(wc, w, strlen(w), &tag) = old[i];
        }
    free(old);
    return 1;
}

static uint32_t add_string(dg_wordclass *wc, const char *w, size_t n)
{
    uint32_t at;

    if (wc->nstr + n + 1 > wc->capstr) {
        size_t cap = wc->capstr ? wc->capstr * 2 : 1u << 20;
        char *p;
        while (cap < wc->nstr + n + 1)
            cap *= 2;
        if (!(p = realloc(wc->str, cap)))
            return 0;
        wc->str = p;
        wc->capstr = cap;
    }
    at = (uint32_t)wc->nstr;
    memcpy(wc->str + at, w, n);
    wc->str[at + n] = '\0';
    wc->nstr += n + 1;
    return at;
}

/* The entry of word w[0..n), created when missing; NULL: no memory. */
static wc_word *entry(dg_wordclass *wc, const char *w, size_t n)
{
    wc_word *s;
    uint32_t tag;

    if ((wc->used + 1) * 4 > wc->ntab * 3 && !grow(wc))
        return NULL;
    s = slot(wc, w, n, &tag);
    if (s->name == 0) {
        uint32_t at = add_string(wc, w, n);
        if (at == 0)
            return NULL;
        /* the table did not move, the block may have */
        s = slot(wc, w, n, &tag);
        s->name = at;
        s->tag = tag;
        wc->used++;
    }
    return s;
}

/* The table's entry of word w[0..n), or NULL: for the loaders. */
static wc_word *table_entry(const dg_wordclass *wc, const char *w, size_t n)
{
    uint32_t tag;
    wc_word *s = slot(wc, w, n, &tag);

    return s->name ? s : NULL;
}

/* A copy of the entry of word w[0..n), through the memo; all 0 when
 * there is no such word. */
static wc_word find(const dg_wordclass *wc, const char *w, size_t n)
{
    static const wc_word none;
    memo_entry *m;
    uint32_t tag;
    uint64_t h;

    if (!wc || wc->ntab == 0)
        return none;
    h = word_hash(w, n);
    if (wc->gen == 0 || n >= MEMO_WORD) /* loading, or a long word */
        return *slot_of(wc, w, n, h, &tag);
    m = &memo[(h >> 40) & (MEMO_SLOTS - 1)];
    if (m->gen != wc->gen || memcmp(m->word, w, n) != 0 ||
        m->word[n] != '\0') {
        m->gen = wc->gen;
        memcpy(m->word, w, n);
        m->word[n] = '\0';
        m->val = *slot_of(wc, w, n, h, &tag); /* the empty slot: all 0 */
    }
    return m->val;
}

/* Reads one index file: "lemma pos synset_cnt ..." per line (only the
 * lemma is used; how often it is used comes from cntlist.rev).  Lines
 * starting with a space are the licence header. */
static dg_status read_index(dg_wordclass *wc, const char *path, int cls,
                            dg_diag_fn diag, void *ctx)
{
    FILE *fh = fopen(path, "r");
    char line[8192];
    size_t lineno = 0;

    if (!fh) {
        dg_diagf(diag, ctx, DG_ERR_IO, path,
                 "cannot read WordNet (install Debian's wordnet-base)");
        return DG_ERR_IO;
    }
    while (fgets(line, sizeof line, fh)) {
        size_t n = strcspn(line, " \n");
        wc_word *e;
        lineno++;
        if (line[0] == ' ' || line[0] == '\n')
            continue;
        if (line[n] != ' ') {
            dg_diagf(diag, ctx, DG_ERR_SYNTAX, path,
                     "line %zu: not a WordNet index line", lineno);
            fclose(fh);
            return DG_ERR_SYNTAX;
        }
        if (memchr(line, '_', n))
            continue; /* multi-word lemmas are not single tokens */
        if (!(e = entry(wc, line, n))) {
            fclose(fh);
            return DG_ERR_NOMEM;
        }
        e->count[cls] = 1;
    }
    fclose(fh);
    return DG_OK;
}

/* Reads cntlist.rev: "lemma%ss_type:... sense_number tag_count" per
 * line; adds each sense's tag count to its lemma's class (ss_type 1
 * noun, 2 verb, 3 and 5 adjective, 4 adverb). */
static dg_status read_counts(dg_wordclass *wc, const char *path,
                             dg_diag_fn diag, void *ctx)
{
    static const int cls_of[] = { -1, 0, 1, 2, 3, 2 };
    FILE *fh = fopen(path, "r");
    char line[512];

    if (!fh) {
        dg_diagf(diag, ctx, DG_ERR_IO, path,
                 "cannot read WordNet (install Debian's wordnet-base)");
        return DG_ERR_IO;
    }
    while (fgets(line, sizeof line, fh)) {
        char *pct = strchr(line, '%'), *sp;
        wc_word *e;
        long cnt;
        int t;
        if (!pct || pct[1] < '1' || pct[1] > '5' || memchr(line, '_',
                                                             (size_t)(pct - line)))
            continue;
        t = cls_of[pct[1] - '0'];
        if (!(sp = strrchr(line, ' ')))
            continue;
        cnt = strtol(sp + 1, NULL, 10);
        e = table_entry(wc, line, (size_t)(pct - line));
        if (!e || !e->count[t])
            continue;
        cnt += e->count[t];
        e->count[t] = (uint16_t)(cnt > 60000 ? 60000 : cnt);
    }
    fclose(fh);
    return DG_OK;
}

/* Reads verb.exc: "inflected base" per line ("met meet"). */
static dg_status read_exceptions(dg_wordclass *wc, const char *path,
                                 dg_diag_fn diag, void *ctx)
{
    FILE *fh = fopen(path, "r");
    char line[512];

    if (!fh) {
        dg_diagf(diag, ctx, DG_ERR_IO, path,
                 "cannot read WordNet (install Debian's wordnet-base)");
        return DG_ERR_IO;
    }
    while (fgets(line, sizeof line, fh)) {
        char *save = NULL, *inf = strtok_r(line, " \n", &save);
        char *base = strtok_r(NULL, " \n", &save);
        wc_word *e;
        uint32_t at;
        if (!inf || !base || strchr(inf, '_'))
            continue;
        if (!(e = entry(wc, inf, strlen(inf))))
            goto nomem;
        if (e->exc)
            continue; /* the first base listed is the common one */
        if (!(at = add_string(wc, base, strlen(base))))
            goto nomem;
        e = table_entry(wc, inf, strlen(inf));
        e->exc = at + 1;
    }
    fclose(fh);
    return DG_OK;
nomem:
    fclose(fh);
    return DG_ERR_NOMEM;
}

dg_status dg_wordclass_load(const char *dir, dg_wordclass **out,
                            dg_diag_fn diag, void *ctx)
{
    dg_wordclass *wc = calloc(1, sizeof *wc);
    char path[4096];
    dg_status st = DG_OK;
    size_t i;

    if (!wc)
        return DG_ERR_NOMEM;
    /* offset 0 is the empty-slot mark, so strings start at 1 */
    if (!grow(wc) || add_string(wc, "", 0) != 0) {
        dg_wordclass_free(wc);
        return DG_ERR_NOMEM;
    }
    for (i = 0; i < sizeof index_files / sizeof index_files[0] && st == DG_OK;
         i++) {
        snprintf(path, sizeof path, "%s/%s", dir, index_files[i].file);
        st = read_index(wc, path, index_files[i].cls, diag, ctx);
    }
    if (st == DG_OK) {
        snprintf(path, sizeof path, "%s/cntlist.rev", dir);
        st = read_counts(wc, path, diag, ctx);
    }
    if (st == DG_OK) {
        snprintf(path, sizeof path, "%s/verb.exc", dir);
        st = read_exceptions(wc, path, diag, ctx);
    }
    if (st != DG_OK) {
        dg_wordclass_free(wc);
        return st;
    }
    wc->gen = atomic_fetch_add(&generations, 1) + 1;
    *out = wc;
    return DG_OK;
}

void dg_wordclass_free(dg_wordclass *wc)
{
    if (!wc)
        return;
    free(wc->str);
    free(wc->tab);
    free(wc);
}

/* counts[] (when not NULL) from entry e; the classes. */
static unsigned classes(const wc_word *e, unsigned counts[4])
{
    unsigned cls = 0;
    int i;

    for (i = 0; i < 4; i++) {
        unsigned c = e->count[i];
        if (counts)
            counts[i] = c;
        if (c)
            cls |= 1u << i;
    }
    return cls;
}

unsigned dg_wordclass_of(const dg_wordclass *wc, const char *w,
                         unsigned counts[4])
{
    wc_word e = find(wc, w, strlen(w));

    return classes(&e, counts);
}

/* Is w[0..n) a verb lemma?  Stores its interned form in *lemma. */
static int verb_lemma(const dg_wordclass *wc, const char *w, size_t n,
                      const char **lemma, unsigned *count)
{
    wc_word e;

    if (n == 0 || !(e = find(wc, w, n)).count[1])
        return 0;
    *lemma = wc->str + e.name;
    *count = e.count[1];
    return 1;
}

/* morphy's detachment rules for verbs, tried in order: suffix, ending. */
static const struct {
    const char *suffix, *ending;
    dg_verb_form form;
} verb_rules[] = {
    {"ies", "y", DG_VF_S}, {"es", "e", DG_VF_S}, {"es", "", DG_VF_S},
    {"s", "", DG_VF_S}, {"ied", "y", DG_VF_ED}, {"ed", "e", DG_VF_ED},
    {"ed", "", DG_VF_ED}, {"ying", "ie", DG_VF_ING}, {"ing", "e", DG_VF_ING},
    {"ing", "", DG_VF_ING}
};

/* The verb reading of w[0..n), whose own entry is e (all 0: none). */
static dg_verb_form verb_reading(const dg_wordclass *wc, const char *w,
                                 size_t n, wc_word e, const char **lemma,
                                 unsigned *count)
{
    size_t i;
    char buf[64];

    if (n == 0 || n >= sizeof buf)
        return DG_VF_NONE;
    if (e.exc && verb_lemma(wc, wc->str + e.exc - 1,
                            strlen(wc->str + e.exc - 1), lemma, count))
        return DG_VF_ED; /* "met", "spoken": past or participle */
    if (e.count[1]) {
        *lemma = wc->str + e.name;
        *count = e.count[1];
        return DG_VF_BASE; /* "need", "seed": not "ne" + "-ed" */
    }
    for (i = 0; i < sizeof verb_rules / sizeof verb_rules[0]; i++) {
        size_t sl = strlen(verb_rules[i].suffix), el;
        if (n <= sl + 1 || strcmp(w + n - sl, verb_rules[i].suffix) != 0)
            continue;
        el = strlen(verb_rules[i].ending);
        memcpy(buf, w, n - sl);
        memcpy(buf + n - sl, verb_rules[i].ending, el + 1);
        if (verb_lemma(wc, buf, n - sl + el, lemma, count))
            return verb_rules[i].form;
        /* a doubled final consonant: "stopped", "planning" */
        if (el == 0 && n - sl >= 3 && buf[n - sl - 1] == buf[n - sl - 2] &&
            !strchr("aeiouylsz", buf[n - sl - 1]) &&
            verb_rules[i].form != DG_VF_S &&
            verb_lemma(wc, buf, n - sl - 1, lemma, count))
            return verb_rules[i].form;
    }
    return DG_VF_NONE;
}

dg_verb_form dg_wordclass_verb(const dg_wordclass *wc, const char *w,
                               const char **lemma, unsigned *count)
{
    size_t n = strlen(w);

    return verb_reading(wc, w, n, find(wc, w, n), lemma, count);
}

dg_verb_form dg_wordclass_word(const dg_wordclass *wc, const char *w,
                               unsigned counts[4], const char **lemma,
                               unsigned *count)
{
    size_t n = strlen(w);
    wc_word e = find(wc, w, n);

    classes(&e, counts);
    return verb_reading(wc, w, n, e, lemma, count);
}
