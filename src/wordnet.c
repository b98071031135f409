/*
 * wordnet.c: the word classes of English words from WordNet's database
 * files (Debian's wordnet-base, /usr/share/wordnet), for the stages that
 * need to tell a noun from a verb ("talks on trade" against "trade
 * remains").
 *
 * The index files (index.noun, index.verb, index.adj, index.adv) and the
 * exception lists (noun.exc, verb.exc, adj.exc) are mapped read-only and
 * their lines hashed by their first field at load time (about 160,000
 * lines, a few milliseconds): nothing else is parsed, and one mapping
 * serves every thread.  Inflected
 * forms are reduced to their lemma by WordNet's "morphy" rules (the
 * exception list first, then the suffix rules of each part of speech).
 */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define WN_MAX_WORD 64

enum { WN_NOUN, WN_VERB, WN_ADJ, WN_ADV, WN_NPOS };

/* One file mapped into memory, and a hash table of its entry lines by
 * their first field (built at open time: a lookup hashes the word and
 * compares one line or two). */
typedef struct {
    const char *p;
    size_t n;
    uint32_t *slot;     /* offset + 1 of a line, 0 for an empty slot */
    size_t nslots;      /* a power of two, at least twice the lines */
} wn_file;

struct dg_wordnet {
    wn_file index[WN_NPOS];
    wn_file exc[WN_NPOS];   /* adv.exc unused: adverbs do not inflect */
};

static const char *const index_names[WN_NPOS] = {
    "index.noun", "index.verb", "index.adj", "index.adv"
};
static const char *const exc_names[WN_NPOS] = {
    "noun.exc", "verb.exc", "adj.exc", NULL
};

/* The hash of the first field of the line at p (ended by ' ' or '\n'),
 * or of a word. */
static uint64_t field_hash(const char *p, const char *end)
{
    const char *q = p;

    while (q < end && *q != ' ' && *q != '\n' && *q != '\0')
        q++;
    return dg_hash_bytes(0x9e3779b97f4a7c15ull, p, (size_t)(q - p));
}

/* Hashes the entry lines of f (not the licence lines, which begin with a
 * space).  Returns 0 when out of memory. */
static int index_lines(wn_file *f)
{
    size_t at = 0, nlines = 0, i;
    const char *q = f->p, *end = f->p + f->n;

    while ((q = memchr(q, '\n', (size_t)(end - q))) != NULL) {
        nlines++;
        q++;
    }
    for (f->nslots = 1024; f->nslots < 2 * nlines + 2; f->nslots *= 2)
        ;
    if (!(f->slot = calloc(f->nslots, sizeof *f->slot)))
        return 0;
    while (at < f->n) {
        const char *nl = memchr(f->p + at, '\n', f->n - at);
        if (f->p[at] != ' ' && f->p[at] != '\n') {
            i = (size_t)field_hash(f->p + at, f->p + f->n) & (f->nslots - 1);
            while (f->slot[i])
                i = (i + 1) & (f->nslots - 1);
            f->slot[i] = (uint32_t)at + 1;
        }
        at = nl ? (size_t)(nl - f->p) + 1 : f->n;
    }
    return 1;
}

/* Maps dir/name; entries start after the licence lines (which begin
 * with a space).  Returns DG_OK, DG_ERR_IO (diagnosed) or DG_ERR_NOMEM. */
static dg_status map_file(const char *dir, const char *name, wn_file *f,
                          dg_diag_fn diag, void *ctx)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = malloc(len);
    struct stat sb;
    int fd;

    if (!path)
        return DG_ERR_NOMEM;
    snprintf(path, len, "%s/%s", dir, name);
    fd = open(path, O_RDONLY);
    if (fd < 0 || fstat(fd, &sb) != 0 || sb.st_size == 0 ||
        (uint64_t)sb.st_size >= UINT32_MAX) {
        dg_diagf(diag, ctx, DG_ERR_IO, path,
                 "cannot read WordNet's %s (%s); on Debian install it with: "
                 "apt-get install wordnet-base", name,
                 fd < 0 ? strerror(errno) : "empty file");
        if (fd >= 0)
            close(fd);
        free(path);
        return DG_ERR_IO;
    }
    f->n = (size_t)sb.st_size;
    f->p = mmap(NULL, f->n, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (f->p == MAP_FAILED) {
        dg_diagf(diag, ctx, DG_ERR_IO, path, "cannot map: %s", strerror(errno));
        f->p = NULL;
        free(path);
        return DG_ERR_IO;
    }
    free(path);
    return index_lines(f) ? DG_OK : DG_ERR_NOMEM;
}

dg_status dg_wordnet_open(const char *dir, dg_wordnet **out, dg_diag_fn diag,
                          void *ctx)
{
    dg_wordnet *wn = calloc(1, sizeof *wn);
    dg_status st = DG_OK;
    int i;

    if (!wn)
        return DG_ERR_NOMEM;
    for (i = 0; i < WN_NPOS && st == DG_OK; i++) {
        st = map_file(dir, index_names[i], &wn->index[i], diag, ctx);
        if (st == DG_OK && exc_names[i])
            st = map_file(dir, exc_names[i], &wn->exc[i], diag, ctx);
    }
    if (st != DG_OK) {
        dg_wordnet_close(wn);
        return st;
    }
    *out = wn;
    return DG_OK;
}

void dg_wordnet_close(dg_wordnet *wn)
{
    int i;

    if (!wn)
        return;
    for (i = 0; i < WN_NPOS; i++) {
        if (wn->index[i].p)
            munmap((void *)wn->index[i].p, wn->index[i].n);
        if (wn->exc[i].p)
            munmap((void *)wn->exc[i].p, wn->exc[i].n);
        free(wn->index[i].slot);
        free(wn->exc[i].slot);
    }
    free(wn);
}

/* Compares key with the first field of the line at p (ended by ' ' or
 * '\n'), as strcmp would compare key with that field. */
static int cmp_field(const char *key, const char *p, const char *end)
{
    for (; p < end && *p != ' ' && *p != '\n'; p++, key++) {
        if (*key == '\0')
            return -1;
        if ((unsigned char)*key != (unsigned char)*p)
            return (unsigned char)*key < (unsigned char)*p ? -1 : 1;
    }
    return *key == '\0' ? 0 : 1;
}

/* The line of f whose first field is key, or NULL. */
static const char *find_line(const wn_file *f, const char *key)
{
    size_t i = (size_t)field_hash(key, key + strlen(key)) & (f->nslots - 1);

    for (; f->slot[i]; i = (i + 1) & (f->nslots - 1))
        if (cmp_field(key, f->p + f->slot[i] - 1, f->p + f->n) == 0)
            return f->p + f->slot[i] - 1;
    return NULL;
}

/* Suffix rules of WordNet's morphy, per part of speech: a word ending in
 * `suffix` may be the lemma ending in `ending` instead, in form `form`. */
typedef struct {
    const char *suffix, *ending;
    unsigned form;
} wn_rule;

static const wn_rule rules_noun[] = {
    {"s", "", DG_WF_PLURAL}, {"ses", "s", DG_WF_PLURAL},
    {"xes", "x", DG_WF_PLURAL}, {"zes", "z", DG_WF_PLURAL},
    {"ches", "ch", DG_WF_PLURAL}, {"shes", "sh", DG_WF_PLURAL},
    {"men", "man", DG_WF_PLURAL}, {"ies", "y", DG_WF_PLURAL},
    {NULL, NULL, 0}
};
static const wn_rule rules_verb[] = {
    {"s", "", DG_WF_VERB_S}, {"ies", "y", DG_WF_VERB_S},
    {"es", "e", DG_WF_VERB_S}, {"es", "", DG_WF_VERB_S},
    {"ed", "e", DG_WF_VERB_ED}, {"ed", "", DG_WF_VERB_ED},
    {"ing", "e", DG_WF_VERB_ING}, {"ing", "", DG_WF_VERB_ING},
    {NULL, NULL, 0}
};
static const wn_rule rules_adj[] = {
    {"er", "", DG_WF_ADJ}, {"est", "", DG_WF_ADJ}, {"er", "e", DG_WF_ADJ},
    {"est", "e", DG_WF_ADJ}, {NULL, NULL, 0}
};
static const wn_rule *const rules[WN_NPOS] = {
    rules_noun, rules_verb, rules_adj, NULL
};
/* The form of a lemma as written, per part of speech. */
static const unsigned base_form[WN_NPOS] = {
    DG_WF_NOUN, DG_WF_VERB, DG_WF_ADJ, DG_WF_ADV
};

/* The inflection an exception-list form has: a verb's "said" (past),
 * "lying" (-ing), "does" (-s); a noun's is a plural, an adjective's a
 * degree. */
static unsigned exc_form(int pos, const char *w)
{
    size_t n = strlen(w);

    if (pos == WN_NOUN)
        return DG_WF_PLURAL;
    if (pos != WN_VERB)
        return DG_WF_ADJ;
    if (n > 3 && strcmp(w + n - 3, "ing") == 0)
        return DG_WF_VERB_ING;
    if (n > 2 && w[n - 1] == 's' && w[n - 2] != 's')
        return DG_WF_VERB_S;
    return DG_WF_VERB_ED;
}

/* Calls fn(line, form, arg) for each index line of part of speech pos
 * that w is a form of (its own lemma, an exception's lemma, each suffix
 * rule's lemma), until fn returns nonzero; returns that value or 0. */
static int each_lemma(const dg_wordnet *wn, int pos, const char *w,
                      int (*fn)(const char *line, unsigned form, void *arg),
                      void *arg)
{
    char buf[WN_MAX_WORD + 8];
    size_t n = strlen(w);
    const char *line;
    const wn_rule *r;
    int got;

    if ((line = find_line(&wn->index[pos], w)) && (got = fn(line, base_form[pos], arg)))
        return got;
    if (pos != WN_ADV && (line = find_line(&wn->exc[pos], w))) {
        /* "said say": the lemma is the line's second field */
        const char *b = memchr(line, ' ', (size_t)(wn->exc[pos].p + wn->exc[pos].n - line));
        const char *e = b ? b + 1 : NULL;
        while (e && e < wn->exc[pos].p + wn->exc[pos].n && *e != ' ' && *e != '\n')
            e++;
        if (b && (size_t)(e - b - 1) <= WN_MAX_WORD) {
            memcpy(buf, b + 1, (size_t)(e - b - 1));
            buf[e - b - 1] = '\0';
            if ((line = find_line(&wn->index[pos], buf)) &&
                (got = fn(line, exc_form(pos, w), arg)))
                return got;
        }
    }
    for (r = rules[pos]; r && r->suffix; r++) {
        size_t sl = strlen(r->suffix), el = strlen(r->ending);
        if (n <= sl || strcmp(w + n - sl, r->suffix) != 0 ||
            n - sl + el > WN_MAX_WORD)
            continue;
        memcpy(buf, w, n - sl);
        memcpy(buf + n - sl, r->ending, el + 1);
        if ((line = find_line(&wn->index[pos], buf)) && (got = fn(line, r->form, arg)))
            return got;
    }
    return 0;
}

/* WordNet's spelling of word: lower case, '_' for spaces.  0 when it
 * is too long or empty. */
static int wn_spelling(const char *word, char w[WN_MAX_WORD + 1])
{
    size_t n = strlen(word), i;

    if (n == 0 || n > WN_MAX_WORD)
        return 0;
    for (i = 0; i <= n; i++)
        w[i] = word[i] == ' ' ? '_' : word[i] >= 'A' && word[i] <= 'Z'
                                          ? (char)(word[i] - 'A' + 'a') : word[i];
    return 1;
}

/* The fields of an index line, "lemma pos n p [p pointers] senses
 * tagged offset*n": the number of synsets n, of senses tagged in
 * WordNet's sense-tagged corpus, and where the offsets start.  Returns 0
 * for a malformed line. */
static int index_fields(const char *line, const char *end, size_t *nsyn,
                        size_t *tagged, const char **offsets)
{
    const char *f[4];
    size_t nf = 0, p, i;
    const char *q = line;

    while (nf < 4 && q < end && *q != '\n') {
        f[nf++] = q;
        while (q < end && *q != ' ' && *q != '\n')
            q++;
        while (q < end && *q == ' ')
            q++;
    }
    if (nf < 4)
        return 0;
    *nsyn = strtoul(f[2], NULL, 10);
    p = strtoul(f[3], NULL, 10);
    for (i = 0; i < p + 2 && q < end && *q != '\n'; i++) {   /* pointers, counts */
        if (i == p + 1)
            *tagged = strtoul(q, NULL, 10);
        while (q < end && *q != ' ' && *q != '\n')
            q++;
        while (q < end && *q == ' ')
            q++;
    }
    *offsets = q;
    return i == p + 2;
}

/* What dg_wordnet_forms gathers: the forms, and those of nouns none of
 * whose senses is attested in the sense-tagged corpus ("seek", "forge"). */
typedef struct {
    const wn_file *index;
    unsigned forms, rare;
} forms_ctx;

static int add_form(const char *line, unsigned form, void *arg)
{
    forms_ctx *c = arg;
    size_t nsyn, tagged = 0;
    const char *off;

    if ((form & DG_WF_ANY_NOUN) &&
        index_fields(line, c->index->p + c->index->n, &nsyn, &tagged, &off) &&
        tagged == 0)
        c->rare |= form;
    else
        c->forms |= form;
    return 0;
}

/* A memo of recent answers, one per thread: a word's forms cost about
 * twenty lookups, and news repeats its words.  Direct-mapped by the
 * word's hash; an entry holds the database it came from, so a memo never
 * outlives its answer's source in meaning (a freed and reopened database
 * at the same address gives the same answers). */
#define MEMO_SLOTS 4096
#define MEMO_WORD 24
static _Thread_local struct {
    const dg_wordnet *wn;
    char word[MEMO_WORD];
    unsigned forms;
} memo[MEMO_SLOTS];

static unsigned lookup_forms(const dg_wordnet *wn, const char *w)
{
    forms_ctx c = {NULL, 0, 0};
    int pos;

    for (pos = 0; pos < WN_NPOS; pos++) {
        c.index = &wn->index[pos];
        each_lemma(wn, pos, w, add_form, &c);
    }
    /* a noun only in senses no text attests, and a verb of the same
     * spelling: read as the verb ("seek"; not "shelling") */
    if (!(c.forms & (DG_WF_VERB | DG_WF_VERB_S)))
        c.forms |= c.rare;
    return c.forms;
}

unsigned dg_wordnet_forms(const dg_wordnet *wn, const char *word)
{
    char w[WN_MAX_WORD + 1];
    size_t n, slot;

    if (!wn || !wn_spelling(word, w))
        return 0;
    if ((n = strlen(w)) >= MEMO_WORD)
        return lookup_forms(wn, w);
    slot = (size_t)dg_hash_bytes(0x2545f4914f6cdd1dull, w, n) & (MEMO_SLOTS - 1);
    if (memo[slot].wn != wn || strcmp(memo[slot].word, w) != 0) {
        memo[slot].wn = wn;
        memcpy(memo[slot].word, w, n + 1);
        memo[slot].forms = lookup_forms(wn, w);
    }
    return memo[slot].forms;
}

/* The synset offsets of an index line.  Stores up to max of them;
 * returns how many. */
static size_t line_offsets(const char *line, const char *end,
                           const char **off, size_t max)
{
    size_t n, tagged, i, k = 0;
    const char *q;

    if (!index_fields(line, end, &n, &tagged, &q))
        return 0;
    for (i = 0; i < n && k < max && q + 8 <= end && *q != '\n'; i++) {
        off[k++] = q;
        q += 8;
        while (q < end && *q == ' ')
            q++;
    }
    return k;
}

typedef struct {
    const dg_wordnet *wn;
    int pos;
    const char *other;   /* the second word, WordNet's spelling */
    const char *line;    /* while matching: a line of the first word */
} syn_ctx;

static int shares_offset(const char *line, unsigned form, void *arg)
{
    const syn_ctx *c = arg;
    const wn_file *f = &c->wn->index[c->pos];
    const char *a[64], *b[64];
    size_t na = line_offsets(c->line, f->p + f->n, a, 64),
           nb = line_offsets(line, f->p + f->n, b, 64), i, j;

    (void)form;
    for (i = 0; i < na; i++)
        for (j = 0; j < nb; j++)
            if (memcmp(a[i], b[j], 8) == 0)
                return 1;
    return 0;
}

static int other_shares(const char *line, unsigned form, void *arg)
{
    syn_ctx *c = arg;

    (void)form;
    c->line = line;
    return each_lemma(c->wn, c->pos, c->other, shares_offset, c);
}

int dg_wordnet_synonyms(const dg_wordnet *wn, const char *a, const char *b)
{
    char wa[WN_MAX_WORD + 1], wb[WN_MAX_WORD + 1];
    syn_ctx c = {wn, 0, wb, NULL};

    if (!wn || !wn_spelling(a, wa) || !wn_spelling(b, wb))
        return 0;
    for (c.pos = 0; c.pos < WN_NPOS; c.pos++)
        if (each_lemma(wn, c.pos, wa, other_shares, &c))
            return 1;
    return 0;
}
