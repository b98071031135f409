/*
 * segment.c: tokens, sentences and paragraphs, with byte and code-point
 * offsets for every one of them.
 *
 * Tokens are words (letter and digit runs, with inner apostrophes, soft
 * hyphens and the dots of abbreviations such as "U.S." and "Gen.") and
 * single punctuation characters; the English possessive ("’s", or a lone
 * "’" after a final s) is a token of its own so that "China’s" still
 * yields the gazetteer token "China".  Hyphens split words ("U.S.-China"),
 * and gazetteer entries are tokenized the same way, so "Indo-Pacific"
 * still matches.
 *
 * Sentences end at . ! ? (with any closing quotes or brackets after them)
 * before a capitalized word, a digit, an opening quote or the end; at a
 * line break before a capitalized line (headlines and datelines have no
 * full stop); and at a full stop glued to a capitalized word
 * ("ties.The"), which scraped text often has.  They do not end after
 * abbreviations, unless a line break follows; a title's abbreviation
 * after a name word at the end of a line keeps no dot ("met Hun Sen.").
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Words that take an abbreviation dot (folded form, without the dot).
 * Titles, months and common Latin-script news abbreviations. */
static const char *const abbrevs[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt",
    "cmdr", "adm", "sgt", "gov", "sen", "rep", "pres", "amb", "hon", "rev",
    "st", "sr", "jr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    "sat", "sun", "approx", "est", "fig", "al", NULL
};

/* Abbreviations of titles, which come before a name: after a name word
 * and at the end of a line their dot ends the sentence ("... met Hun
 * Sen.\n").  ("Adm." and "Pres." follow "Vice" and "Rear" in titles.) */
static const char *const title_abbrevs[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt",
    "cmdr", "sgt", "gov", "sen", "rep", "amb", "hon", "rev", NULL
};

static int is_abbrev_word(const char *norm)
{
    return dg_word_in(abbrevs, norm);
}

/* A growing array of tokens with their folded forms in one buffer. */
typedef struct {
    dg_token *toks;
    size_t n, cap;
    char *norms;     /* folded forms, NUL-separated */
    size_t nlen, ncap;
} tok_builder;

static int tb_reserve_norm(tok_builder *tb, size_t extra)
{
    if (tb->nlen + extra <= tb->ncap)
        return 1;
    size_t cap = tb->ncap ? tb->ncap : 256;
    while (cap < tb->nlen + extra)
        cap *= 2;
    char *p = realloc(tb->norms, cap);
    if (!p)
        return 0;
    tb->norms = p;
    tb->ncap = cap;
    return 1;
}

/* Room for the tokens of `len` bytes of text, at a guess: a token per
 * four bytes, more than English news has (about one per five: 400 tokens
 * in the 2.1 KB of a bench article), and for the folded forms the text's
 * bytes and a NUL a token.  Saves the arrays' growing copies; a wrong
 * guess costs one realloc. */
static int tb_presize(tok_builder *tb, size_t len)
{
    size_t cap = len / 4 + 16;

    if (!(tb->toks = malloc(cap * sizeof *tb->toks)))
        return 0;
    tb->cap = cap;
    return tb_reserve_norm(tb, len + len / 4 + 16);
}

static dg_token *tb_push(tok_builder *tb)
{
    if (tb->n == tb->cap) {
        size_t cap = tb->cap ? tb->cap * 2 : 64;
        dg_token *p = realloc(tb->toks, cap * sizeof *p);
        if (!p)
            return NULL;
        tb->toks = p;
        tb->cap = cap;
    }
    memset(&tb->toks[tb->n], 0, sizeof tb->toks[0]);
    return &tb->toks[tb->n++];
}

/* A scanning position: byte and code-point offsets. */
typedef struct {
    const char *text;
    size_t len;
    size_t i, cp;
} scanner;

static uint32_t peek(const scanner *sc, size_t *next)
{
    size_t j = sc->i;
    uint32_t c;

    if (next)
        *next = j;
    if (j >= sc->len)
        return 0;
    c = dg_utf8_next(sc->text, sc->len, &j);
    if (next)
        *next = j;
    return c;
}

static uint32_t peek_at(const scanner *sc, size_t at)
{
    if (at >= sc->len)
        return 0;
    return dg_utf8_next(sc->text, sc->len, &at);
}

static void advance(scanner *sc)
{
    dg_utf8_next(sc->text, sc->len, &sc->i);
    sc->cp++;
}

static int is_apostrophe(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static int is_word_inner(uint32_t c)
{
    /* soft hyphen, zero-width joiners and combining accents */
    return c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D ||
           c == 0x2060 || (c >= 0x300 && c <= 0x36F);
}

static int is_word_char(uint32_t c)
{
    return dg_cp_is_letter(c) || (c >= '0' && c <= '9') || is_word_inner(c);
}

static int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Appends the folded form of text[b..e) to the builder's norm buffer
 * and returns its offset. */
static int add_norm(tok_builder *tb, const char *text, size_t b, size_t e,
                    size_t *off)
{
    size_t i = b;

    if (!tb_reserve_norm(tb, (e - b) * 2 + 1))
        return 0;
    *off = tb->nlen;
    while (i < e) {
        uint32_t c = dg_utf8_next(text, e, &i);
        tb->nlen += dg_fold_cp(c, tb->norms + tb->nlen);
    }
    tb->norms[tb->nlen++] = '\0';
    return 1;
}

/* Scans a word starting at sc->i; leaves sc after it.  Sets *flags. */
static void scan_word(scanner *sc, unsigned *flags)
{
    int letters = 0, uppers = 0, lowers = 0, first = 1;
    uint32_t c;

    *flags = DG_TOK_WORD;
    while ((c = peek(sc, NULL)) != 0) {
        if (is_word_char(c)) {
            if (first && is_digit(c))
                *flags |= DG_TOK_NUM;
            if (first && dg_cp_is_upper(c))
                *flags |= DG_TOK_CAP;
            if (dg_cp_is_letter(c))
                letters++;
            uppers += dg_cp_is_upper(c);
            lowers += dg_cp_is_lower(c);
            first = 0;
            advance(sc);
            continue;
        }
        if (is_apostrophe(c)) {
            /* keep "O'Brien", "d'Ivoire"; split "China’s" and "Honduras’" */
            size_t j;
            peek(sc, &j);
            uint32_t n1 = peek_at(sc, j);
            if (dg_cp_is_letter(n1)) {
                size_t j2 = j;
                dg_utf8_next(sc->text, sc->len, &j2);
                uint32_t n2 = peek_at(sc, j2);
                if ((n1 == 's' || n1 == 'S') && !is_word_char(n2))
                    break;
                advance(sc);
                continue;
            }
            break;
        }
        if (c == ',' && (*flags & DG_TOK_NUM)) {
            /* 1,000 */
            size_t j;
            peek(sc, &j);
            if (is_digit(peek_at(sc, j))) {
                advance(sc);
                continue;
            }
        }
        if (c == '.' && (*flags & DG_TOK_NUM) && letters == 0) {
            size_t j;
            peek(sc, &j);
            if (is_digit(peek_at(sc, j))) { /* 3.5 */
                advance(sc);
                continue;
            }
        }
        break;
    }
    if (letters >= 2 && lowers == 0 && uppers >= 2)
        *flags |= DG_TOK_ALLCAPS;
}

/* After a word of one letter: absorbs ".X.Y." of dotted abbreviations
 * ("U.S.", "D.C.").  Returns 1 when it took at least one dot. */
static int scan_dotted(scanner *sc)
{
    int took = 0;

    for (;;) {
        size_t j, j2;
        if (peek(sc, &j) != '.')
            break;
        uint32_t n1 = peek_at(sc, j);
        advance(sc); /* the dot */
        took = 1;
        if (!dg_cp_is_letter(n1))
            break;
        j2 = j;
        dg_utf8_next(sc->text, sc->len, &j2);
        uint32_t n2 = peek_at(sc, j2);
        if (n2 == '.') {
            advance(sc); /* the letter; its dot is taken next round */
            continue;
        }
        if (!is_word_char(n2) && dg_cp_is_upper(n1))
            advance(sc); /* "U.S" written without its last dot */
        break;
    }
    return took;
}

static int emit(tok_builder *tb, scanner *sc, size_t b, size_t b_cp,
                unsigned flags)
{
    dg_token *t = tb_push(tb);
    size_t off;

    if (!t || !add_norm(tb, sc->text, b, sc->i, &off))
        return 0;
    t->b = b;
    t->e = sc->i;
    t->b_cp = b_cp;
    t->e_cp = sc->cp;
    t->flags = flags;
    t->norm = (const char *)(uintptr_t)off; /* fixed up at the end */
    return 1;
}

/* Is the '.' at sc the last character of its line (only spaces or tabs
 * after it)? */
static int dot_ends_line(const scanner *sc)
{
    size_t j = sc->i + 1;

    while (j < sc->len && (sc->text[j] == ' ' || sc->text[j] == '\t'))
        j++;
    return j >= sc->len || sc->text[j] == '\n' || sc->text[j] == '\r';
}

/* Scans one word token (with its abbreviation dot) at sc; after_name:
 * the token before it is a capitalized word, no abbreviation. */
static int scan_word_token(tok_builder *tb, scanner *sc, unsigned ws,
                           int after_name)
{
    size_t b = sc->i, b_cp = sc->cp, len_cp;
    unsigned flags;

    scan_word(sc, &flags);
    len_cp = sc->cp - b_cp;
    if (peek(sc, NULL) == '.') {
        if (len_cp == 1 && dg_cp_is_letter(peek_at(sc, b))) {
            scan_dotted(sc);
            flags |= DG_TOK_ABBREV;
        } else {
            char buf[16];
            size_t i = b, n = 0;
            while (i < sc->i && n + 4 < sizeof buf)
                n += dg_fold_cp(dg_utf8_next(sc->text, sc->i, &i), buf + n);
            buf[n] = '\0';
            if (i == sc->i && is_abbrev_word(buf) &&
                !(after_name && dg_word_in(title_abbrevs, buf) &&
                  dot_ends_line(sc))) {
                advance(sc);
                flags |= DG_TOK_ABBREV;
            }
        }
    }
    return emit(tb, sc, b, b_cp, flags | ws);
}

/* Scans a possessive "’s" / "’" at sc if there is one. */
static int scan_possessive(tok_builder *tb, scanner *sc, unsigned ws,
                           int after_word, int *done)
{
    size_t b = sc->i, b_cp = sc->cp, j;
    uint32_t c = peek(sc, &j);

    *done = 0;
    if (!after_word || !is_apostrophe(c) || ws)
        return 1;
    uint32_t n1 = peek_at(sc, j);
    advance(sc);
    if (n1 == 's' || n1 == 'S')
        advance(sc);
    *done = 1;
    return emit(tb, sc, b, b_cp, DG_TOK_POSS);
}

dg_status dg_tokenize(const char *text, size_t len, dg_token **toks,
                      size_t *n)
{
    tok_builder tb = {0};
    scanner sc = {text, len, 0, 0};
    int after_word = 0;
    size_t k;

    if (!tb_presize(&tb, len))
        goto nomem;

    while (sc.i < len) {
        unsigned ws = 0;
        uint32_t c;
        int done;

        while ((c = peek(&sc, NULL)) != 0 && (dg_cp_is_space(c) ||
               c == 0xFEFF || c == 0x200B)) {
            ws |= DG_TOK_SPACE_BEFORE;
            if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
                ws |= DG_TOK_NL_BEFORE;
            advance(&sc);
        }
        if (sc.i >= len)
            break;
        if (!scan_possessive(&tb, &sc, ws, after_word, &done))
            goto nomem;
        if (done) {
            after_word = 0;
            continue;
        }
        if (is_word_char(c)) {
            const dg_token *pv = tb.n ? &tb.toks[tb.n - 1] : NULL;
            if (!scan_word_token(&tb, &sc, ws, pv && after_word &&
                                 (pv->flags & DG_TOK_CAP)))
                goto nomem;
            after_word = !(tb.toks[tb.n - 1].flags & DG_TOK_ABBREV);
            continue;
        }
        size_t b = sc.i, b_cp = sc.cp;
        advance(&sc);
        if (!emit(&tb, &sc, b, b_cp, DG_TOK_PUNCT | ws))
            goto nomem;
        after_word = 0;
    }
    for (k = 0; k < tb.n; k++)
        tb.toks[k].norm = tb.norms + (uintptr_t)tb.toks[k].norm;
    if (tb.n == 0) {
        free(tb.norms);
        free(tb.toks);
        *toks = NULL;
        *n = 0;
        return DG_OK;
    }
    *toks = tb.toks;
    *n = tb.n;
    return DG_OK;
nomem:
    free(tb.toks);
    free(tb.norms);
    return DG_ERR_NOMEM;
}

void dg_tokens_free(dg_token *toks, size_t n)
{
    if (!toks)
        return;
    if (n > 0)
        free((char *)toks[0].norm);
    free(toks);
}

/* ------------------------------------------------------------------ */
/* Sentences                                                           */
/* ------------------------------------------------------------------ */

static int is_final_punct(const dg_token *t)
{
    return (t->flags & DG_TOK_PUNCT) &&
           (dg_tok_is(t, ".") || dg_tok_is(t, "!") || dg_tok_is(t, "?") ||
            dg_tok_is(t, "\xe2\x80\xa6"));
}

static int is_closer(const dg_token *t)
{
    return (t->flags & DG_TOK_PUNCT) &&
           (dg_tok_is(t, "\"") || dg_tok_is(t, "'") || dg_tok_is(t, ")") ||
            dg_tok_is(t, "]"));
}

/* Is token t a pictograph or symbol of its own, U+2190 and up (arrows,
 * dingbats, emoji), which a writer may set between two sentences? */
static int is_symbol(const dg_token *t)
{
    const unsigned char *u = (const unsigned char *)t->norm;

    return !(t->flags & DG_TOK_WORD) &&
           (u[0] >= 0xf0 || (u[0] == 0xe2 && u[1] >= 0x86) ||
            (u[0] > 0xe2 && u[0] < 0xf0 && u[0] != 0xef));
}

/* Does a sentence start plausibly at token t? */
static int starts_sentence(const dg_token *t)
{
    if (t->flags & (DG_TOK_CAP | DG_TOK_NUM) || is_symbol(t))
        return 1;
    if (t->flags & DG_TOK_PUNCT)
        return dg_tok_is(t, "\"") || dg_tok_is(t, "'") || dg_tok_is(t, "(") ||
               dg_tok_is(t, "-") || dg_tok_is(t, "*") || dg_tok_is(t, "\xe2\x80\xa2");
    return 0;
}

/* Is there a blank line (two line breaks) between byte offsets a and b? */
static int blank_line_between(const char *text, size_t a, size_t b)
{
    int nl = 0;
    size_t i;

    for (i = a; i < b; i++) {
        if (text[i] == '\n')
            nl++;
        else if (text[i] == '\r' && (i + 1 >= b || text[i + 1] != '\n'))
            nl++;
    }
    return nl >= 2;
}

/* Does the sentence end after token k (of n)? */
static int ends_after(const dg_doc *doc, size_t k)
{
    const dg_token *t = &doc->toks[k], *nx;

    if (k + 1 >= doc->ntoks)
        return 1;
    nx = &doc->toks[k + 1];
    if (is_closer(nx) && !(nx->flags & DG_TOK_SPACE_BEFORE))
        return 0; /* the closer belongs to this sentence */
    if (nx->flags & DG_TOK_NL_BEFORE) {
        if (blank_line_between(doc->text, t->e, nx->b) &&
            !(t->flags & DG_TOK_WORD && nx->flags & DG_TOK_WORD &&
              !(nx->flags & DG_TOK_CAP)))
            return 1;
        return starts_sentence(nx) || is_final_punct(t);
    }
    if (is_closer(t) && k > 0 && is_final_punct(&doc->toks[k - 1]))
        return starts_sentence(nx);
    if (!is_final_punct(t))
        return 0;
    if (!(nx->flags & DG_TOK_SPACE_BEFORE)) {
        /* "ties.The": glued, but a new sentence if the word before is a
         * lower-case word of two or more letters */
        const dg_token *pv = k > 0 ? &doc->toks[k - 1] : NULL;
        return dg_tok_is(t, ".") && (nx->flags & DG_TOK_CAP) &&
               !(nx->flags & DG_TOK_ABBREV) && pv &&
               (pv->flags & DG_TOK_WORD) && !(pv->flags & DG_TOK_CAP) &&
               pv->e - pv->b >= 2;
    }
    return starts_sentence(nx);
}

static dg_status push_sentence(dg_doc *doc, size_t *cap, size_t tb,
                               size_t te, size_t para)
{
    dg_sentence *s;

    if (doc->nsents == *cap) {
        size_t nc = *cap ? *cap * 2 : 32;
        dg_sentence *p = realloc(doc->sents, nc * sizeof *p);
        if (!p)
            return DG_ERR_NOMEM;
        doc->sents = p;
        *cap = nc;
    }
    s = &doc->sents[doc->nsents];
    s->tok_b = tb;
    s->tok_e = te;
    s->b = doc->toks[tb].b;
    s->e = doc->toks[te - 1].e;
    s->b_cp = doc->toks[tb].b_cp;
    s->e_cp = doc->toks[te - 1].e_cp;
    s->para = para;
    doc->nsents++;
    return DG_OK;
}

dg_status dg_segment(dg_doc *doc)
{
    size_t k, start = 0, cap = 0, para = 0;
    dg_status st;

    st = dg_tokenize(doc->text, doc->len, &doc->toks, &doc->ntoks);
    if (st != DG_OK)
        return st;
    for (k = 0; k < doc->ntoks; k++) {
        if (!ends_after(doc, k))
            continue;
        if (start > 0 && (doc->toks[start].flags & DG_TOK_NL_BEFORE))
            para++;
        st = push_sentence(doc, &cap, start, k + 1, para);
        if (st != DG_OK)
            return st;
        start = k + 1;
    }
    for (k = 0; k < doc->nsents; k++) {
        size_t t;
        for (t = doc->sents[k].tok_b; t < doc->sents[k].tok_e; t++)
            doc->toks[t].sent = k;
    }
    return DG_OK;
}
