/*
 * iri.c: minting data IRIs from names, and checking IRIs before they
 * reach the serializer.
 *
 * A minted IRI is base + kind + "/" + slug(key).  The slug is built one
 * code point at a time: ASCII letters and digits are kept (lower-cased);
 * Latin letters with diacritics fold to their ASCII base through the
 * table below (Latin-1 Supplement, Latin Extended-A, the comma-below
 * letters of Romanian); Greek and Cyrillic capitals are lower-cased;
 * every run of anything that is neither a letter nor a digit (ASCII
 * punctuation, white space, Unicode spaces and punctuation, bytes that
 * are not UTF-8) becomes one '-'; '-' is trimmed at both ends; any other
 * code point (letters of other scripts, symbols, emoji) is kept as its
 * UTF-8 bytes percent-encoded (%XX, upper-case hex).  The result holds
 * only [a-z0-9-%] and so is valid in every RDF syntax.
 */
#include "internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ASCII folds of U+00C0..U+017F, two bytes each ("" for a non-letter,
 * a second NUL for one-letter folds). */
static const char fold_latin[][3] = {
    /* U+00C0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
    /* U+00C8 */ "e", "e", "e", "e", "i", "i", "i", "i",
    /* U+00D0 */ "d", "n", "o", "o", "o", "o", "o", "",
    /* U+00D8 */ "o", "u", "u", "u", "u", "y", "th", "ss",
    /* U+00E0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
    /* U+00E8 */ "e", "e", "e", "e", "i", "i", "i", "i",
    /* U+00F0 */ "d", "n", "o", "o", "o", "o", "o", "",
    /* U+00F8 */ "o", "u", "u", "u", "u", "y", "th", "y",
    /* U+0100 */ "a", "a", "a", "a", "a", "a", "c", "c",
    /* U+0108 */ "c", "c", "c", "c", "c", "c", "d", "d",
    /* U+0110 */ "d", "d", "e", "e", "e", "e", "e", "e",
    /* U+0118 */ "e", "e", "e", "e", "g", "g", "g", "g",
    /* U+0120 */ "g", "g", "g", "g", "h", "h", "h", "h",
    /* U+0128 */ "i", "i", "i", "i", "i", "i", "i", "i",
    /* U+0130 */ "i", "i", "ij", "ij", "j", "j", "k", "k",
    /* U+0138 */ "k", "l", "l", "l", "l", "l", "l", "l",
    /* U+0140 */ "l", "l", "l", "n", "n", "n", "n", "n",
    /* U+0148 */ "n", "n", "n", "n", "o", "o", "o", "o",
    /* U+0150 */ "o", "o", "oe", "oe", "r", "r", "r", "r",
    /* U+0158 */ "r", "r", "s", "s", "s", "s", "s", "s",
    /* U+0160 */ "s", "s", "t", "t", "t", "t", "t", "t",
    /* U+0168 */ "u", "u", "u", "u", "u", "u", "u", "u",
    /* U+0170 */ "u", "u", "u", "u", "w", "w", "y", "y",
    /* U+0178 */ "y", "z", "z", "z", "z", "z", "z", "s",
};

/* The ASCII fold of Latin letter c, or NULL when it has none. */
static const char *fold_ascii(uint32_t c)
{
    if (c >= 0xC0 && c <= 0x17F)
        return fold_latin[c - 0xC0][0] ? fold_latin[c - 0xC0] : NULL;
    switch (c) {
    case 0x218: case 0x219: case 0x15E: return "s"; /* Ș ș */
    case 0x21A: case 0x21B: return "t";             /* Ț ț */
    case 0x1CD: case 0x1CE: return "a";             /* Ǎ ǎ */
    case 0x1CF: case 0x1D0: return "i";
    case 0x1D1: case 0x1D2: return "o";
    case 0x1D3: case 0x1D4: return "u";
    case 0x1E9E: return "ss";                       /* ẞ */
    default: return NULL;
    }
}

/* Greek and Cyrillic capitals to lower case; other code points as is. */
static uint32_t lower_cp(uint32_t c)
{
    if ((c >= 0x391 && c <= 0x3A9 && c != 0x3A2) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    return c;
}

/* Non-ASCII code points that separate words: Latin-1 punctuation and
 * symbols, Unicode spaces, general punctuation (dashes, quotes,
 * direction marks), CJK punctuation, the byte order mark. */
static int is_separator(uint32_t c)
{
    return (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x206F) ||
           (c >= 0x3000 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) ||
           c == 0xFEFF;
}

/* Decodes one UTF-8 sequence at s[*i] (s NUL-terminated).  Returns the
 * code point and advances *i, or returns UINT32_MAX and advances one
 * byte when the sequence is malformed. */
static uint32_t next_cp(const unsigned char *s, size_t *i)
{
    unsigned char b = s[*i];
    size_t n, k;
    uint32_t c, min;

    if (b < 0x80) {
        (*i)++;
        return b;
    }
    if (b >= 0xC2 && b <= 0xDF)
        n = 1, c = b & 0x1F, min = 0x80;
    else if (b >= 0xE0 && b <= 0xEF)
        n = 2, c = b & 0x0F, min = 0x800;
    else if (b >= 0xF0 && b <= 0xF4)
        n = 3, c = b & 0x07, min = 0x10000;
    else
        goto bad;
    for (k = 1; k <= n; k++) {
        if ((s[*i + k] & 0xC0) != 0x80)
            goto bad;
        c = (c << 6) | (s[*i + k] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        goto bad;
    *i += n + 1;
    return c;
bad:
    (*i)++;
    return UINT32_MAX;
}

/* A growing output buffer; `failed` is set when an allocation fails. */
typedef struct {
    char *p;
    size_t n, cap;
    int failed;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *p = realloc(b->p, cap);

        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void put_pct(buf *b, uint32_t c)
{
    static const char hex[] = "0123456789ABCDEF";
    unsigned char u[4];
    size_t n, k;
    char e[3];

    if (c < 0x800)
        n = 2, u[0] = 0xC0 | (c >> 6);
    else if (c < 0x10000)
        n = 3, u[0] = 0xE0 | (c >> 12);
    else
        n = 4, u[0] = 0xF0 | (c >> 18);
    for (k = 1; k < n; k++)
        u[k] = 0x80 | ((c >> (6 * (n - 1 - k))) & 0x3F);
    for (k = 0; k < n; k++) {
        e[0] = '%';
        e[1] = hex[u[k] >> 4];
        e[2] = hex[u[k] & 15];
        put(b, e, 3);
    }
}

static int is_alnum_ascii(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

/* Appends the slug of one code point that is not a separator. */
static void put_cp(buf *b, uint32_t c)
{
    const char *f;
    char a;

    if (c < 0x80) {
        a = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        put(b, &a, 1);
    } else if ((f = fold_ascii(c)) != NULL) {
        put(b, f, strlen(f));
    } else {
        put_pct(b, lower_cp(c));
    }
}

/* Appends slug(key) to b. */
static void put_slug(buf *b, const char *key)
{
    const unsigned char *s = (const unsigned char *)key;
    size_t i = 0, start = b->n;
    int dash = 0; /* a separator is pending */

    while (s[i]) {
        uint32_t c = next_cp(s, &i);

        if (c == UINT32_MAX || (c < 0x80 && !is_alnum_ascii(c)) ||
            is_separator(c)) {
            dash = 1;
            continue;
        }
        if (dash && b->n > start)
            put(b, "-", 1);
        dash = 0;
        put_cp(b, c);
    }
    if (b->n == start) {
        /* nothing to spell the name with ("!!!"): "_" and a hash of the
         * key, so that two such names stay two IRIs */
        char h[16];
        uint32_t v = 2166136261u;
        for (i = 0; s[i]; i++)
            v = (v ^ s[i]) * 16777619u;
        put(b, "_", 1);
        if (i > 0) {
            snprintf(h, sizeof h, "%08x", (unsigned)v);
            put(b, h, 8);
        }
    }
}

/* Mints base + kind + "/" + slug(key) (see internal.h).  A base that does
 * not end in '/' or '#' gets a '/'; a NULL or empty kind is left out;
 * `kind` is copied as given (callers pass fixed ASCII words such as
 * "person").  NULL base or key: NULL.  The result is malloc'd. */
char *dg_iri_mint(const char *base, const char *kind, const char *key)
{
    buf b = {NULL, 0, 0, 0};
    size_t n;

    if (!base || !key)
        return NULL;
    n = strlen(base);
    put(&b, base, n);
    if (n == 0 || (base[n - 1] != '/' && base[n - 1] != '#'))
        put(&b, "/", 1);
    if (kind && *kind) {
        put(&b, kind, strlen(kind));
        put(&b, "/", 1);
    }
    put_slug(&b, key);
    if (b.failed) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

/* Is c Unicode white space or a bidirectional formatting character
 * (RFC 3987 section 4.1 leaves the latter out of IRIs; JSON-LD
 * processors refuse an IRI holding the former)? */
static int space_or_bidi(uint32_t c)
{
    return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000 || c == 0x200E || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* 1 when s is an absolute IRI that Turtle, N-Triples and JSON-LD accept:
 * a scheme (a letter, then letters, digits, '+', '-', '.') and ':', then
 * valid UTF-8 without control characters, white space (ASCII or
 * Unicode), bidirectional formatting characters, any of <>"{}|^`\ or a
 * Unicode noncharacter (RFC 3987 leaves them out of IRIs; Raptor cuts an
 * IRI at U+FFFE).  NULL: 0. */
int dg_iri_valid(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;

    if (!s || !((u[0] >= 'a' && u[0] <= 'z') || (u[0] >= 'A' && u[0] <= 'Z')))
        return 0;
    for (i = 1; u[i] != ':'; i++)
        if (!is_alnum_ascii(u[i]) && u[i] != '+' && u[i] != '-' &&
            u[i] != '.')
            return 0;
    while (u[i]) {
        uint32_t c = next_cp(u, &i);

        if (c == UINT32_MAX || c <= 0x20 || c == 0x7F ||
            (c >= 0x80 && c <= 0x9F) || dg_cp_is_noncharacter(c) ||
            space_or_bidi(c) ||
            (c < 0x80 && strchr("<>\"{}|^`\\", (int)c)))
            return 0;
    }
    return 1;
}
