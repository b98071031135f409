/*
 * upload_body.c: the text the uploader sends and reads, without any I/O:
 * request bodies made from N-Triples for the Graph Store Protocol and
 * for SPARQL Update, percent-encoding, and server answers turned into
 * short plain text for messages.  upload.c sends what is made here.
 *
 * What the bodies look like comes from measurements against Virtuoso
 * 7.2.5 run from the virtuoso.ini that Debian ships (docs/upload.md):
 *   - Its Graph Store endpoint ignores Content-Type and guesses the
 *     syntax from the first 65,535 bytes of the body: a body whose first
 *     statement does not end within them (one N-Triples line of 64 KiB,
 *     the article's nif:isString) is refused as "unsupported type
 *     text/plain", and one holding "<html>" within them as "text/html".
 *     A leading @prefix directive makes it take the body as Turtle
 *     whatever follows, and writing '<' inside literals as \u003C keeps
 *     article text from being taken for HTML.  Its Turtle reader takes
 *     time growing with the square of a line's length, so a literal with
 *     line breaks goes as a """long string""" holding them.  All of it
 *     keeps the triples exactly as they were (N-Triples is Turtle).
 *   - With Debian's CaseMode = 2 its SPARQL compiler cannot take a
 *     duration constant: INSERT DATA with "P3D"^^xsd:duration answers
 *     500 "SQ200: No column P3DD"; the same value built by STRDT in an
 *     INSERT ... WHERE is stored as the Graph Store Protocol stores it.
 *   - A literal of a few MiB in INSERT DATA makes the server crash
 *     (4 MB; 2 MB takes 7 s, the time growing with the square of the
 *     size); CONCAT of 64 KiB pieces builds an 8 MiB literal in 3 s.
 * STRDT, STRLANG, CONCAT and INSERT ... WHERE are standard SPARQL 1.1
 * Update, so every store reads these bodies the same way.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longest literal (bytes of its N-Triples text) sent as a constant in
 * SPARQL Update, and the size of the pieces of longer ones. */
#define UPDATE_LITERAL_MAX 65536

#define XSD "http://www.w3.org/2001/XMLSchema#"

int dg_buf_add(dg_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        char *p;
        while (cap < b->len + n + 1)
            cap *= 2;
        p = realloc(b->data, cap);
        if (!p)
            return -1;
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int dg_buf_str(dg_buf *b, const char *s)
{
    return dg_buf_add(b, s, strlen(s));
}

int dg_buf_escape(dg_buf *b, const char *value)
{
    static const char hex[] = "0123456789ABCDEF";

    for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
        char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
        int plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                    (*p >= '0' && *p <= '9') || strchr("-._~", *p);
        if (plain ? dg_buf_add(b, (const char *)p, 1) : dg_buf_add(b, e, 3))
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* N-Triples lines                                                     */
/* ------------------------------------------------------------------ */

/* One N-Triples line taken apart; every span points into the line. */
typedef struct {
    const char *s, *p;      /* subject and predicate as written */
    size_t s_len, p_len;
    const char *lex;        /* literal object: text between the quotes,
                               escapes as written; NULL for an IRI or
                               blank node */
    size_t lex_len;
    const char *tag;        /* after the closing quote: "@en", "^^<...>"
                               or empty */
    size_t tag_len;
} nt_triple;

static size_t skip_space(const char *p, size_t n, size_t i)
{
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
        i++;
    return i;
}

/* Length of the IRI or blank node term at p[i] ("<...>" or "_:x"), or 0. */
static size_t node_len(const char *p, size_t n, size_t i)
{
    size_t j = i;

    if (i < n && p[i] == '<') {
        while (j < n && p[j] != '>' && p[j] != '\n')
            j++;
        return j < n && p[j] == '>' ? j + 1 - i : 0;
    }
    if (n - i >= 2 && p[i] == '_' && p[i + 1] == ':') {
        while (j < n && p[j] != ' ' && p[j] != '\t' && p[j] != '\n')
            j++;
        return j - i;
    }
    return 0;
}

/* Takes line[0..n) apart as "S P O ." (a trailing comment allowed);
 * 1 on success, 0 when it is not one triple (blank, comment, broken). */
static int nt_parse(const char *line, size_t n, nt_triple *t)
{
    size_t i = skip_space(line, n, 0), k;

    memset(t, 0, sizeof *t);
    if (!(k = node_len(line, n, i)))
        return 0;
    t->s = line + i;
    t->s_len = k;
    i = skip_space(line, n, i + k);
    if (!(k = node_len(line, n, i)) || line[i] != '<')
        return 0;
    t->p = line + i;
    t->p_len = k;
    i = skip_space(line, n, i + k);
    if (i < n && line[i] == '"') {
        size_t j = i + 1;
        while (j < n && line[j] != '"' && line[j] != '\n')
            j += line[j] == '\\' ? 2 : 1;
        if (j >= n || line[j] != '"')
            return 0;
        t->lex = line + i + 1;
        t->lex_len = j - i - 1;
        t->tag = line + j + 1;
        k = j + 1;
        if (k < n && line[k] == '@') {
            while (k < n && line[k] != ' ' && line[k] != '\t' && line[k] != '.')
                k++;
        } else if (n - k >= 2 && line[k] == '^' && line[k + 1] == '^') {
            size_t d = node_len(line, n, k + 2);
            if (!d || line[k + 2] != '<')
                return 0;
            k += 2 + d;
        }
        t->tag_len = (size_t)(line + k - t->tag);
    } else if (!(k = node_len(line, n, i))) {
        return 0;
    } else {
        k += i;
    }
    i = skip_space(line, n, k);
    if (i >= n || line[i] != '.')
        return 0;
    i = skip_space(line, n, i + 1);
    return i >= n || line[i] == '#' || line[i] == '\n';
}

/* The end of the line starting at p[i]: the index after its '\n'. */
static size_t line_end(const char *p, size_t n, size_t i)
{
    const char *nl = memchr(p + i, '\n', n - i);

    return nl ? (size_t)(nl - p) + 1 : n;
}

/* ------------------------------------------------------------------ */
/* Graph Store Protocol                                                */
/* ------------------------------------------------------------------ */

/* 1 when the literal text lex[0..n) holds the escape \n. */
static int has_newline(const char *lex, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (lex[i] != '\\')
            continue;
        if (lex[i + 1] == 'n')
            return 1;
        i++; /* past the escaped character */
    }
    return 0;
}

/* Appends the literal text lex[0..n) (N-Triples escapes) as a Turtle
 * string: "..." or, when it holds line breaks, """...""" with each \n
 * escape a real line break (Virtuoso's Turtle reader takes time that
 * grows with the square of a line's length: 2 MB in one line took 9 s,
 * in lines of 1000 bytes 1 s); each '<' written \u003C.  Other escapes
 * stay as they are, so no raw '"' can end the string early. */
static int turtle_string(dg_buf *b, const char *lex, size_t n)
{
    int lines = has_newline(lex, n);
    const char *quote = lines ? "\"\"\"" : "\"";

    if (dg_buf_str(b, quote))
        return -1;
    for (size_t i = 0; i < n; i++) {
        int bad;
        if (lex[i] == '\\' && i + 1 < n) {
            bad = lines && lex[i + 1] == 'n' ? dg_buf_str(b, "\n")
                                              : dg_buf_add(b, lex + i, 2);
            i++;
        } else {
            bad = lex[i] == '<' ? dg_buf_str(b, "\\u003C") : dg_buf_add(b, lex + i, 1);
        }
        if (bad)
            return -1;
    }
    return dg_buf_str(b, quote);
}

int dg_gsp_body(dg_buf *b, const char *nt, size_t n)
{
    if (dg_buf_str(b, "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"))
        return -1;
    for (size_t i = 0, e; i < n; i = e) {
        nt_triple t;
        const char *after;
        e = line_end(nt, n, i);
        if (!nt_parse(nt + i, e - i, &t) || !t.lex ||
            (!memchr(t.lex, '<', t.lex_len) && !has_newline(t.lex, t.lex_len))) {
            if (dg_buf_add(b, nt + i, e - i))
                return -1;
            continue;
        }
        after = t.lex + t.lex_len + 1; /* after the closing quote */
        if (dg_buf_add(b, nt + i, (size_t)(t.lex - 1 - (nt + i))) ||
            turtle_string(b, t.lex, t.lex_len) ||
            dg_buf_add(b, after, (size_t)(nt + e - after)))
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* SPARQL Update                                                       */
/* ------------------------------------------------------------------ */

/* Appends code point c as UTF-8. */
static int buf_utf8(dg_buf *b, unsigned long c)
{
    char u[4];
    size_t n;

    if (c < 0x80) {
        u[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xC0 | (c >> 6));
        u[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12));
        u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (c >> 18));
        u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    return dg_buf_add(b, u, n);
}

/* If p[0..n) starts with \uXXXX or \UXXXXXXXX naming a code point that
 * may stand unescaped in a SPARQL IRI, stores it in *c and returns the
 * escape's length; else 0. */
static size_t iri_escape(const char *p, size_t n, unsigned long *c)
{
    size_t digits = n >= 2 && p[1] == 'u' ? 4 : n >= 2 && p[1] == 'U' ? 8 : 0;
    unsigned long v = 0;

    if (!digits || p[0] != '\\' || n < 2 + digits)
        return 0;
    for (size_t i = 2; i < 2 + digits; i++) {
        char h = p[i];
        int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
              : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        if (d < 0)
            return 0;
        v = v * 16 + (unsigned long)d;
    }
    if (v <= 0x20 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) ||
        (v < 0x80 && strchr("<>\"{}|^`\\", (int)v)))
        return 0;
    *c = v;
    return 2 + digits;
}

/* Appends N-Triples text as SPARQL: the same text, except that \u and
 * \U escapes inside IRIs become UTF-8 (SPARQL, unlike N-Triples, has no
 * escapes in IRIs; Virtuoso answers 400).  Literals and comments are
 * copied as they are (their escapes are SPARQL's too). */
static int buf_sparql(dg_buf *b, const char *p, size_t n)
{
    size_t i = 0, from = 0;
    unsigned long c;

    while (i < n) {
        if (p[i] == '"') {           /* a literal: skip to its end */
            for (i++; i < n && p[i] != '"' && p[i] != '\n'; i++)
                if (p[i] == '\\')
                    i++;
            i++;
        } else if (p[i] == '#') {    /* a comment: skip the line */
            while (i < n && p[i] != '\n')
                i++;
        } else if (p[i] == '<') {    /* an IRI */
            for (i++; i < n && p[i] != '>' && p[i] != '\n'; i++) {
                size_t k = iri_escape(p + i, n - i, &c);
                if (!k)
                    continue;
                if (dg_buf_add(b, p + from, i - from) || buf_utf8(b, c))
                    return -1;
                i += k - 1;
                from = i + 1;
            }
        } else {
            i++;
        }
    }
    return dg_buf_add(b, p + from, n - from);
}

/* 1 when the literal's tag is ^^ one of XSD's duration types, which
 * Virtuoso cannot take as a constant (see the top of this file). */
static int duration_typed(const nt_triple *t)
{
    static const char prefix[] = "^^<" XSD;
    static const char *const types[] = {"duration>", "dayTimeDuration>",
                                         "yearMonthDuration>"};
    size_t plen = sizeof prefix - 1;

    if (t->tag_len <= plen || memcmp(t->tag, prefix, plen) != 0)
        return 0;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (t->tag_len - plen == strlen(types[i]) &&
            memcmp(t->tag + plen, types[i], t->tag_len - plen) == 0)
            return 1;
    return 0;
}

/* 1 when the triple's object goes into INSERT ... WHERE as an
 * expression rather than into INSERT DATA as a constant. */
static int computed(const nt_triple *t)
{
    return t->lex && (t->lex_len > UPDATE_LITERAL_MAX || duration_typed(t));
}

/* Where to end a piece of literal text that starts at lex[from] and
 * holds at most max bytes: never inside an escape or a UTF-8 sequence. */
static size_t piece_end(const char *lex, size_t n, size_t from, size_t max)
{
    size_t i = from, limit = n - from > max ? from + max : n;

    while (i < limit) {
        unsigned char c = (unsigned char)lex[i];
        size_t unit = c == '\\' ? (i + 1 < n && lex[i + 1] == 'u' ? 6
                                   : i + 1 < n && lex[i + 1] == 'U' ? 10 : 2)
                    : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + unit > limit)
            break;
        i += unit;
    }
    return i > from ? i : limit;
}

/* Appends the SPARQL expression that builds the object of t: the
 * literal's text (in pieces joined by CONCAT when it is long) given its
 * language by STRLANG or its datatype by STRDT. */
static int object_expr(dg_buf *b, const nt_triple *t)
{
    int lang = t->tag_len > 0 && t->tag[0] == '@';
    int typed = t->tag_len > 2 && t->tag[0] == '^';
    int pieces = t->lex_len > UPDATE_LITERAL_MAX;

    if ((lang && dg_buf_str(b, "STRLANG(")) || (typed && dg_buf_str(b, "STRDT(")) ||
        (pieces && dg_buf_str(b, "CONCAT(")))
        return -1;
    for (size_t i = 0, e; i < t->lex_len || i == 0; i = e) {
        e = piece_end(t->lex, t->lex_len, i, UPDATE_LITERAL_MAX);
        if ((i > 0 && dg_buf_str(b, ",\n  ")) || dg_buf_str(b, "\"") ||
            dg_buf_add(b, t->lex + i, e - i) || dg_buf_str(b, "\""))
            return -1;
        if (e >= t->lex_len)
            break;
    }
    if (pieces && dg_buf_str(b, ")"))
        return -1;
    if (lang && (dg_buf_str(b, ", \"") || dg_buf_add(b, t->tag + 1, t->tag_len - 1) ||
                 dg_buf_str(b, "\")")))
        return -1;
    if (typed && (dg_buf_str(b, ", ") || buf_sparql(b, t->tag + 2, t->tag_len - 2) ||
                  dg_buf_str(b, ")")))
        return -1;
    return 0;
}

size_t dg_nt_count(const char *nt, size_t n)
{
    size_t count = 0;

    for (size_t i = 0, e; i < n; i = e) {
        size_t k;
        e = line_end(nt, n, i);
        k = skip_space(nt, e, i);
        count += k < e && nt[k] != '#' && nt[k] != '\n';
    }
    return count;
}

/* Appends the lines of nt[0..n) as triples of an update's template or
 * data block: IRIs unescaped (buf_sparql), the object of a computed
 * triple replaced by the variable ?oK (K counting from 1). */
static int template_lines(dg_buf *b, const char *nt, size_t n)
{
    char var[32];
    int k = 0;

    for (size_t i = 0, e; i < n; i = e) {
        nt_triple t;
        e = line_end(nt, n, i);
        if (!nt_parse(nt + i, e - i, &t) || !computed(&t)) {
            if (buf_sparql(b, nt + i, e - i))
                return -1;
            continue;
        }
        snprintf(var, sizeof var, " ?o%d .\n", ++k);
        if (buf_sparql(b, t.s, t.s_len) || dg_buf_str(b, " ") ||
            buf_sparql(b, t.p, t.p_len) || dg_buf_str(b, var))
            return -1;
    }
    return n && nt[n - 1] != '\n' ? dg_buf_str(b, "\n") : 0;
}

/* Appends "BIND(expr AS ?oK)" for each computed triple of nt[0..n). */
static int binds(dg_buf *b, const char *nt, size_t n)
{
    char var[32];
    int k = 0;

    for (size_t i = 0, e; i < n; i = e) {
        nt_triple t;
        e = line_end(nt, n, i);
        if (!nt_parse(nt + i, e - i, &t) || !computed(&t))
            continue;
        snprintf(var, sizeof var, " AS ?o%d)\n", ++k);
        if (dg_buf_str(b, "BIND(") || object_expr(b, &t) || dg_buf_str(b, var))
            return -1;
    }
    return 0;
}

/* One operation, not two: Virtuoso 7.2.5 took 2.7 to 5.4 s for INSERT
 * DATA of 1000 triples followed by a one-triple INSERT ... WHERE, and
 * 0.8 s for the same triples in one INSERT ... WHERE (or INSERT DATA
 * alone). */
int dg_update_body(dg_buf *b, const char *graph_iri, const char *nt,
                   size_t n, int drop)
{
    size_t calc = 0;

    for (size_t i = 0, e; i < n; i = e) {
        nt_triple t;
        e = line_end(nt, n, i);
        calc += nt_parse(nt + i, e - i, &t) && computed(&t);
    }
    if (drop && (dg_buf_str(b, "DROP SILENT GRAPH <") || dg_buf_str(b, graph_iri) ||
                 dg_buf_str(b, dg_nt_count(nt, n) ? "> ;\n" : ">\n")))
        return -1;
    if (!dg_nt_count(nt, n))
        return 0;
    if (dg_buf_str(b, calc ? "INSERT { GRAPH <" : "INSERT DATA { GRAPH <") ||
        dg_buf_str(b, graph_iri) || dg_buf_str(b, "> {\n") ||
        template_lines(b, nt, n) || dg_buf_str(b, "} }"))
        return -1;
    if (calc && (dg_buf_str(b, " WHERE {\n") || binds(b, nt, n) || dg_buf_str(b, "}")))
        return -1;
    return dg_buf_str(b, "\n");
}

/* ------------------------------------------------------------------ */
/* Answers                                                             */
/* ------------------------------------------------------------------ */

/* The index of the first case-insensitive match of `needle` in
 * p[from..n), or n. */
static size_t find_ci(const char *p, size_t n, size_t from, const char *needle)
{
    size_t k = strlen(needle);

    for (size_t i = from; i + k <= n; i++)
        if (strncasecmp(p + i, needle, k) == 0)
            return i;
    return n;
}

/* Appends the character that the reference at p[i] ("&lt;", "&#39;",
 * "&#x2014;") stands for and returns the reference's length; 0 when p[i]
 * starts no reference known here. */
static size_t char_ref(dg_buf *b, const char *p, size_t n, size_t i)
{
    static const struct { const char *name; const char *text; } named[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&quot;", "\""},
        {"&apos;", "'"}, {"&nbsp;", " "},
    };
    size_t j = i + 2;
    unsigned long c = 0;
    int hex = 0;

    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++) {
        size_t len = strlen(named[k].name);
        if (n - i >= len && strncasecmp(p + i, named[k].name, len) == 0)
            return dg_buf_str(b, named[k].text) ? 0 : len;
    }
    if (n - i < 4 || p[i + 1] != '#')
        return 0;
    if (p[j] == 'x' || p[j] == 'X') {
        hex = 1;
        j++;
    }
    for (; j < n && j < i + 12; j++) {
        int d = p[j] >= '0' && p[j] <= '9' ? p[j] - '0'
              : hex && p[j] >= 'a' && p[j] <= 'f' ? p[j] - 'a' + 10
              : hex && p[j] >= 'A' && p[j] <= 'F' ? p[j] - 'A' + 10 : -1;
        if (d < 0)
            break;
        c = c * (hex ? 16 : 10) + (unsigned long)d;
    }
    if (j >= n || p[j] != ';' || c == 0 || c > 0x10FFFF ||
        (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    return buf_utf8(b, c) ? 0 : j + 1 - i;
}

/* Appends the text of HTML p[0..n) to b: tags dropped (each one a
 * space), the content of head, script and style dropped, the content of
 * xmp, plaintext and listing kept as written (Virtuoso writes its error
 * text in <xmp>, where '<' is text), character references decoded.
 * Line breaks stay.  -1 when out of memory. */
static int html_text(dg_buf *b, const char *p, size_t n)
{
    static const char *const dropped[] = {"head", "script", "style"};
    static const char *const raw[] = {"xmp", "plaintext", "listing"};
    size_t i = 0;

    while (i < n) {
        size_t j, k, ref;
        if (p[i] == '&' && (ref = char_ref(b, p, n, i)) > 0) {
            i += ref;
            continue;
        }
        if (p[i] != '<') {
            if (dg_buf_add(b, p + i, 1))
                return -1;
            i++;
            continue;
        }
        if (n - i >= 4 && memcmp(p + i, "<!--", 4) == 0) {
            j = find_ci(p, n, i + 4, "-->");
            i = j < n ? j + 3 : n;
            continue;
        }
        for (k = i + 1; k < n && ((p[k] >= 'a' && p[k] <= 'z') ||
                                  (p[k] >= 'A' && p[k] <= 'Z')); k++)
            ;
        j = find_ci(p, n, k, ">");
        j = j < n ? j + 1 : n;  /* after the tag */
        for (size_t d = 0; d < 3; d++) {
            char end[16];
            size_t len = strlen(dropped[d]);
            if (k - i - 1 == len && strncasecmp(p + i + 1, dropped[d], len) == 0) {
                snprintf(end, sizeof end, "</%s", dropped[d]);
                j = find_ci(p, n, j, end);
                j = find_ci(p, n, j, ">");
                j = j < n ? j + 1 : n;
            }
            len = strlen(raw[d]);
            if (k - i - 1 == len && strncasecmp(p + i + 1, raw[d], len) == 0) {
                size_t stop;
                snprintf(end, sizeof end, "</%s", raw[d]);
                stop = find_ci(p, n, j, end);
                if (dg_buf_add(b, p + j, stop - j))
                    return -1;
                j = find_ci(p, n, stop, ">");
                j = j < n ? j + 1 : n;
            }
        }
        if (dg_buf_str(b, " "))
            return -1;
        i = j;
    }
    return 0;
}

/* 1 when p[0..n) starts (after white space and an XML declaration) with
 * an HTML document type or <html>. */
static int looks_html(const char *p, size_t n)
{
    size_t i = 0;

    while (i < n && strchr(" \t\r\n", p[i]))
        i++;
    if (n - i >= 5 && strncmp(p + i, "<?xml", 5) == 0) {
        i = find_ci(p, n, i, "?>");
        i = i < n ? i + 2 : n;
        while (i < n && strchr(" \t\r\n", p[i]))
            i++;
    }
    return (n - i >= 14 && strncasecmp(p + i, "<!doctype html", 14) == 0) ||
           (n - i >= 5 && strncasecmp(p + i, "<html", 5) == 0);
}

/* Writes at most DG_ANSWER_LINES non-blank lines of text[0..n) joined by
 * " | " into out (at most DG_ANSWER_BYTES bytes, whole UTF-8
 * characters, control characters as spaces, no leading or trailing
 * spaces on a line). */
static void first_lines(const char *text, size_t n, char *out)
{
    size_t o = 0, lines = 0;
    int line_has = 0;

    for (size_t i = 0; i < n && lines < DG_ANSWER_LINES; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') {
            while (o > 0 && out[o - 1] == ' ')
                o--;
            lines += line_has;
            line_has = 0;
            continue;
        }
        if (c == '\r' || ((c == ' ' || c == '\t') &&
                          (!line_has || (o > 0 && out[o - 1] == ' '))))
            continue;
        if (!line_has && lines > 0) {
            if (o + 3 > DG_ANSWER_BYTES)
                break;
            memcpy(out + o, " | ", 3);
            o += 3;
        }
        if (o + 1 > DG_ANSWER_BYTES)
            break;
        out[o++] = (c < 0x20 || c == 0x7F) ? ' ' : (char)c;
        line_has = 1;
    }
    /* Do not end inside a UTF-8 sequence. */
    if (o > 0 && ((unsigned char)out[o - 1] & 0x80)) {
        size_t j = o;
        while (j > 0 && ((unsigned char)out[j - 1] & 0xC0) == 0x80)
            j--;
        if (j > 0) {
            unsigned char lead = (unsigned char)out[j - 1];
            size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            if (o - (j - 1) < need)
                o = j - 1;
        }
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
}

void dg_answer_text(const char *data, size_t n, int html, char *out)
{
    dg_buf t = {0};

    if ((html || looks_html(data, n)) && html_text(&t, data, n) == 0)
        first_lines(t.data ? t.data : "", t.len, out);
    else
        first_lines(data, n, out);
    free(t.data);
}

int dg_answer_form(const char *data, size_t n, int html, char *title)
{
    size_t a, b;
    dg_buf t = {0};

    if (!(html || looks_html(data, n)) || find_ci(data, n, 0, "<form") == n)
        return 0;
    title[0] = '\0';
    a = find_ci(data, n, 0, "<title");
    a = find_ci(data, n, a, ">");
    b = find_ci(data, n, a, "</title");
    if (a < b && html_text(&t, data + a + 1, b - a - 1) == 0 && t.data) {
        for (char *c = t.data; *c; c++)
            if (*c == '\n' || *c == '\t' || *c == '\r')
                *c = ' ';
        first_lines(t.data, t.len, title);
    }
    free(t.data);
    return 1;
}
