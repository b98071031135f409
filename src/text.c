/*
 * text.c: UTF-8 validation and decoding, and the character classes and
 * folding the later stages compare text with.
 *
 * Folding ("Doğan" -> "dogan", "’" -> "'") makes gazetteer lookup and
 * coreference blind to case, diacritics and quote style, so that an ASCII
 * spelling and the accented one name the same person.  The tables cover
 * Latin-1 Supplement, Latin Extended-A and the Romanian comma letters;
 * Greek and Cyrillic are lower-cased only.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/* Length of the sequence a lead byte starts, 0 for a bad lead byte. */
static int utf8_seq_len(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF)
        return 3;
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    return 0;
}

int dg_cp_is_noncharacter(uint32_t c)
{
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/* What dg_utf8_valid refuses, first of all at byte *at of text. */
typedef enum { TEXT_OK, TEXT_BAD_UTF8, TEXT_NUL, TEXT_NONCHAR } text_fault;

/* Scans text[0..len): TEXT_OK, or the first fault with *at its byte
 * offset and *cp the code point (TEXT_NONCHAR). */
static text_fault text_check(const unsigned char *s, size_t len, size_t *at,
                             uint32_t *cp)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    size_t i = 0;

    while (i < len) {
        int n;
        uint32_t c;
        int k;
        uint64_t w;

        if (len - i >= 8) {   /* eight ASCII bytes, none of them NUL */
            memcpy(&w, s + i, 8);
            if (!(w & highs) && !((w - ones) & ~w & highs)) {
                i += 8;
                continue;
            }
        }
        if (s[i] - 1u < 0x7Fu) {   /* ASCII but NUL: valid */
            i++;
            continue;
        }
        n = utf8_seq_len(s[i]);
        *at = i;
        if (s[i] == 0)
            return TEXT_NUL;
        if (n == 0 || i + (size_t)n > len)
            return TEXT_BAD_UTF8;
        c = n == 1 ? s[i] : (uint32_t)(s[i] & (0xFF >> (n + 1)));
        for (k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return TEXT_BAD_UTF8;
            c = (c << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
            (c >= 0xD800 && c <= 0xDFFF))
            return TEXT_BAD_UTF8;
        if (dg_cp_is_noncharacter(c)) {
            *cp = c;
            return TEXT_NONCHAR;
        }
        i += (size_t)n;
    }
    return TEXT_OK;
}

int dg_utf8_valid(const char *text, size_t len, size_t *bad_byte)
{
    size_t at = 0;
    uint32_t c;

    if (text_check((const unsigned char *)text, len, &at, &c) == TEXT_OK)
        return 1;
    if (bad_byte)
        *bad_byte = at;
    return 0;
}

const char *dg_utf8_fault(const char *text, size_t len, size_t bad,
                          char *buf)
{
    size_t at = 0;
    uint32_t c = 0;

    if (bad >= len)
        return "invalid UTF-8 sequence";
    switch (text_check((const unsigned char *)text + bad, len - bad, &at,
                       &c)) {
    case TEXT_NUL:
        return "NUL byte";
    case TEXT_NONCHAR:
        snprintf(buf, DG_UTF8_FAULT_MAX, "noncharacter U+%04X", (unsigned)c);
        return buf;
    default:
        return "invalid UTF-8 sequence";
    }
}

uint32_t dg_utf8_decode(const char *text, size_t len, size_t *i)
{
    const unsigned char *s = (const unsigned char *)text;
    int n = utf8_seq_len(s[*i]);
    uint32_t c;
    int k;

    if (n == 0 || *i + (size_t)n > len) { /* cannot happen on valid text */
        (*i)++;
        return 0xFFFD;
    }
    c = n == 1 ? s[*i] : (uint32_t)(s[*i] & (0xFF >> (n + 1)));
    for (k = 1; k < n; k++)
        c = (c << 6) | (s[*i + k] & 0x3F);
    *i += (size_t)n;
    return c;
}

size_t dg_utf8_count(const char *text, size_t len)
{
    size_t i, n = 0;

    for (i = 0; i < len; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* Base letters of U+00C0..U+00FF ('*' marks the two non-letters and the
 * ligatures handled apart). */
static const char latin1_base[] =
    "aaaaaa*ceeeeiiiidnooooo*ouuuuy**"
    "aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";

/* Base letters of U+0100..U+017F ('*': ligatures handled apart). */
static const char latin_ext_a_base[] =
    "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "ii**jjkkklllllll"
    "lllnnnnnnnnnoooo" "oo**rrrrrrssssss" "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";

static int ext_a_is_upper(uint32_t c)
{
    if (c == 0x130 || c == 0x178)
        return 1;
    if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F)
        return 0;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return c & 1;
    return !(c & 1);
}

int dg_cp_is_upper_any(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE)
        return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F)
        return ext_a_is_upper(c);
    if (c == 0x218 || c == 0x21A)
        return 1;
    if (c >= 0x391 && c <= 0x3A9)
        return 1;
    return c >= 0x400 && c <= 0x42F;
}

int dg_cp_is_lower_any(uint32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    if (c >= 0xDF && c <= 0xFF)
        return c != 0xF7;
    if (c >= 0x100 && c <= 0x17F)
        return !ext_a_is_upper(c);
    if (c == 0x219 || c == 0x21B)
        return 1;
    if (c >= 0x3AC && c <= 0x3CE)
        return 1;
    return c >= 0x430 && c <= 0x45F;
}

int dg_cp_is_letter_any(uint32_t c)
{
    if (dg_cp_is_upper(c) || dg_cp_is_lower(c))
        return 1;
    if (c == 0xAA || c == 0xBA || (c >= 0x180 && c <= 0x24F) ||
        (c >= 0x250 && c <= 0x2AF) || (c >= 0x370 && c <= 0x3FF) ||
        (c >= 0x400 && c <= 0x52F) || (c >= 0x531 && c <= 0x587) ||
        (c >= 0x5D0 && c <= 0x5EA) || (c >= 0x620 && c <= 0x64A) ||
        (c >= 0x671 && c <= 0x6D3) || (c >= 0x900 && c <= 0x97F) ||
        (c >= 0xE00 && c <= 0xE7F) || (c >= 0x10A0 && c <= 0x10FF) ||
        (c >= 0x1E00 && c <= 0x1FFF) || (c >= 0x3040 && c <= 0x30FF) ||
        (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
        (c >= 0xAC00 && c <= 0xD7AF))
        return 1;
    return 0;
}

int dg_cp_is_space(uint32_t c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

static size_t put_utf8(uint32_t c, char *buf)
{
    if (c < 0x80) {
        buf[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        buf[0] = (char)(0xC0 | (c >> 6));
        buf[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        buf[0] = (char)(0xE0 | (c >> 12));
        buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    buf[0] = (char)(0xF0 | (c >> 18));
    buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    buf[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    buf[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

static size_t put2(char *buf, char a, char b)
{
    buf[0] = a;
    buf[1] = b;
    return 2;
}

static size_t fold_latin(uint32_t c, char *buf)
{
    char base;

    if (c >= 0xC0 && c <= 0xFF) {
        if (c == 0xC6 || c == 0xE6)
            return put2(buf, 'a', 'e');
        if (c == 0xDE || c == 0xFE)
            return put2(buf, 't', 'h');
        if (c == 0xDF)
            return put2(buf, 's', 's');
        base = latin1_base[c - 0xC0];
    } else {
        if (c == 0x132 || c == 0x133)
            return put2(buf, 'i', 'j');
        if (c == 0x152 || c == 0x153)
            return put2(buf, 'o', 'e');
        base = latin_ext_a_base[c - 0x100];
    }
    if (base == '*')
        return put_utf8(c, buf);
    buf[0] = base;
    return 1;
}

size_t dg_fold_cp_any(uint32_t c, char *buf)
{
    if (c < 0x80) {
        buf[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return 1;
    }
    if (c <= 0x17F && c >= 0xC0 && c != 0xD7 && c != 0xF7)
        return fold_latin(c, buf);
    switch (c) {
    case 0xAD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
    case 0xFEFF:
        return 0; /* soft hyphen and zero-width characters vanish */
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x2032:
    case 0x00B4: case 0x0060:
        buf[0] = '\'';
        return 1;
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
        buf[0] = '"';
        return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
        buf[0] = '-';
        return 1;
    case 0x218: case 0x219:
        buf[0] = 's';
        return 1;
    case 0x21A: case 0x21B:
        buf[0] = 't';
        return 1;
    default:
        break;
    }
    if (c >= 0x300 && c <= 0x36F)
        return 0; /* combining accents */
    if (c >= 0x391 && c <= 0x3A9)
        c += 0x20;
    else if (c >= 0x410 && c <= 0x42F)
        c += 0x20;
    else if (c >= 0x400 && c <= 0x40F)
        c += 0x50;
    return put_utf8(c, buf);
}

uint64_t dg_hash_bytes(uint64_t h, const void *p, size_t n)
{
    const uint64_t k = 0x9e3779b97f4a7c15u;   /* 2^64 / golden ratio */
    const unsigned char *b = p;
    unsigned char tail[8] = {0};
    uint64_t w;
    size_t i;

    h = (h ^ n) * k;
    for (; n >= 8; n -= 8, b += 8) {
        memcpy(&w, b, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    /* the last n < 8 bytes, zero-padded: copies of a fixed size, which
     * the compiler inlines (a copy of n bytes is a call) */
    for (i = 0; i < n; i++)
        tail[i] = b[i];
    memcpy(&w, tail, 8);
    h = (h ^ w) * k;
    return h ^ (h >> 32);
}
