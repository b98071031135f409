/*
 * dates.c: date and duration expressions in news text.  It parses and
 * formats ISO dates, does its own proleptic Gregorian day counting (no
 * locale or libc time calls), and scans the tokens of a sentence for
 * absolute dates ("21 September 2022", "Sept. 21, 2022", "2-JUN-1987",
 * "2023-11-29", "November 2023", "in 2021"), dates relative to the
 * article date ("Nov. 29", "on Tuesday", "yesterday", "last week", "in
 * November") and durations ("three-day visit", "for two weeks").
 *
 * Rules chosen for the ambiguous cases (the article date counts only when
 * its precision is DG_DATE_DAY; otherwise every relative expression is
 * still reported, with prec NONE and whatever month/day it names):
 *   - day + month without a year: the latest year in which that day falls
 *     no more than 61 days after the article date;
 *   - weekday ("Tuesday", "on Tuesday", "this Tuesday"): the latest such
 *     day on or before the article date; "last Tuesday": strictly
 *     before; "next/coming/upcoming Tuesday": strictly after;
 *   - month alone ("in November", "early February"): the latest such
 *     month not after the article month; "last November": strictly
 *     before; "next/coming/upcoming November": strictly after; "this
 *     November": the article's year;
 *   - but when the sentence (tokens [b, e)) holds a future word ("will",
 *     "shall", "forward", "upcoming", "scheduled", "planned", "plans",
 *     "preparations", "preparing", "expected", "invited", "ahead"), a
 *     bare weekday is the first such day on or after the article date
 *     and a bare month the first such month not before the article month
 *     ("will meet in November", "looked forward to the June Council");
 *   - "this/last/next week": gYearMonth of the article date, of 7 days
 *     before it, of 7 days after it; "N weeks ago" likewise;
 *   - "this/last/next month" gYearMonth, "this/last/next year" gYear;
 *     "today", "tonight", "this morning/afternoon/evening/night",
 *     "yesterday", "last night", "tomorrow", "N days ago": xsd:date;
 *   - a bare year needs 1900..2100 and a preceding "in", "since", "of"
 *     (not when a word follows: "of 2000 troops"), "by", "until",
 *     "during", "from", "through", or a modifier "early/late/mid";
 *   - "May", "March" and the abbreviations ("Nov.", "Sept") count only
 *     when capitalized; "May"/"March" alone (no day or year) also need a
 *     preceding preposition or modifier; abbreviations never stand alone;
 *   - a weekday directly followed (optionally after a comma) by an
 *     absolute date is one expression with that date;
 *   - an impossible date ("31 February 2023") is skipped entirely.
 * Spans leave out leading prepositions and articles ("on", "in", "for",
 * "a") and the noun after a duration ("visit"), but keep modifiers
 * ("last", "early", "mid-").
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Calendar arithmetic                                                 */
/* ------------------------------------------------------------------ */

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30,
                                31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return len[m - 1] + (m == 2 && is_leap(y));
}

static int valid_ymd(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= month_days(y, m);
}

/* Days since 0001-01-01 (day 0, a Monday) for a valid date. */
static long day_number(int y, int m, int d)
{
    long p = y - 1;
    long n = 365 * p + p / 4 - p / 100 + p / 400;
    int k;

    for (k = 1; k < m; k++)
        n += month_days(y, k);
    return n + d - 1;
}

/* The inverse of day_number (n >= 0). */
static dg_date from_day_number(long n)
{
    dg_date d = {1, 1, 1, DG_DATE_DAY};

    d.year = (int)(n / 366) + 1;
    while (day_number(d.year + 1, 1, 1) <= n)
        d.year++;
    n -= day_number(d.year, 1, 1);
    while (n >= month_days(d.year, d.month)) {
        n -= month_days(d.year, d.month);
        d.month++;
    }
    d.day = (int)n + 1;
    return d;
}

/* 0 = Monday .. 6 = Sunday. */
static int weekday(const dg_date *d)
{
    return (int)(day_number(d->year, d->month, d->day) % 7);
}

static dg_date add_days(const dg_date *d, long delta)
{
    long n = day_number(d->year, d->month, d->day) + delta;
    return from_day_number(n < 0 ? 0 : n);
}

static dg_date make_date(int y, int m, int d, dg_date_precision p)
{
    dg_date r;

    r.year = y;
    r.month = m;
    r.day = d;
    r.prec = p;
    return r;
}

int dg_date_parse_iso(const char *s, dg_date *out)
{
    int v[3] = {0, 0, 0};
    static const int width[3] = {4, 2, 2};
    size_t i = 0;
    int f, k;

    if (!s)
        return 0;
    for (f = 0; f < 3; f++) {
        if (f > 0 && s[i++] != '-')
            return 0;
        for (k = 0; k < width[f]; k++, i++) {
            if (s[i] < '0' || s[i] > '9')
                return 0;
            v[f] = v[f] * 10 + (s[i] - '0');
        }
    }
    if (s[i] != '\0' || !valid_ymd(v[0], v[1], v[2]))
        return 0;
    if (out)
        *out = make_date(v[0], v[1], v[2], DG_DATE_DAY);
    return 1;
}

const char *dg_date_format(const dg_date *d, char *buf)
{
    const size_t cap = 11;

    buf[0] = '\0';
    switch (d->prec) {
    case DG_DATE_YEAR:
        snprintf(buf, cap, "%04d", d->year);
        return "gYear";
    case DG_DATE_YEAR_MONTH:
        snprintf(buf, cap, "%04d-%02d", d->year, d->month);
        return "gYearMonth";
    case DG_DATE_DAY:
        snprintf(buf, cap, "%04d-%02d-%02d", d->year, d->month, d->day);
        return "date";
    case DG_DATE_NONE:
        break;
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Token helpers                                                       */
/* ------------------------------------------------------------------ */

typedef struct {
    const dg_token *t;
    size_t b, e;
    const dg_date *art; /* article date of DAY precision, or NULL */
    int future;         /* the sentence speaks of the future */
} scan;

/* A match: tokens [b, e), the date, a duration; keep 0 drops it. */
typedef struct {
    size_t b, e;
    dg_date d;
    int days;
    int keep;
} match;

enum { CUE_NONE, CUE_PAST, CUE_FUTURE, CUE_THIS, CUE_PART };

static const char *norm(const scan *s, size_t i)
{
    return (i >= s->b && i < s->e && s->t[i].norm) ? s->t[i].norm : "";
}

static int is_w(const scan *s, size_t i, const char *w)
{
    const char *n = norm(s, i);

    return *n == *w && strcmp(n, w) == 0;
}

/* Is token i one of the words of ws (a static list, see dg_word_in)? */
static int is_any(const scan *s, size_t i, const char *const *ws)
{
    return dg_word_in(ws, norm(s, i));
}

/* Token i exists and no white space separates it from token i-1. */
static int glued(const scan *s, size_t i)
{
    return i > s->b && i < s->e && !(s->t[i].flags & DG_TOK_SPACE_BEFORE);
}

static int is_cap(const scan *s, size_t i)
{
    return i < s->e && (s->t[i].flags & (DG_TOK_CAP | DG_TOK_ALLCAPS));
}

static int is_hyphen(const scan *s, size_t i)
{
    static const char *const h[] = {"-", "\xe2\x80\x90", "\xe2\x80\x91",
                                    NULL};
    return is_any(s, i, h);
}

/* A run of 1..maxd ASCII digits: its value, else -1. */
static int digits(const scan *s, size_t i, size_t maxd)
{
    const char *p = norm(s, i);
    size_t n = strlen(p), k;
    int v = 0;

    if (n == 0 || n > maxd)
        return -1;
    for (k = 0; k < n; k++) {
        if (p[k] < '0' || p[k] > '9')
            return -1;
        v = v * 10 + (p[k] - '0');
    }
    return v;
}

/* A four-digit year 1900..2100, else -1. */
static int year_at(const scan *s, size_t i)
{
    int v = strlen(norm(s, i)) == 4 ? digits(s, i, 4) : -1;
    return (v >= 1900 && v <= 2100) ? v : -1;
}

/* A day of month "29", "29th", "1st": 1..31, else -1. */
static int day_at(const scan *s, size_t i)
{
    static const char *const suf[] = {"st", "nd", "rd", "th", ""};
    const char *p = norm(s, i);
    size_t n = 0, k;
    int v = 0;

    while (n < 3 && p[n] >= '0' && p[n] <= '9')
        v = v * 10 + (p[n++] - '0');
    if (n == 0 || n > 2)
        return -1;
    for (k = 0; k < 5; k++)
        if (strcmp(p + n, suf[k]) == 0)
            return (v >= 1 && v <= 31) ? v : -1;
    return -1;
}

enum { MON_FULL, MON_AMBIG, MON_ABBR };

static const struct {
    const char *name;
    int month;
    int kind; /* MON_AMBIG ("may") and MON_ABBR need a capital */
} months[] = {
    {"january", 1, MON_FULL}, {"february", 2, MON_FULL},
    {"march", 3, MON_AMBIG}, {"april", 4, MON_FULL},
    {"may", 5, MON_AMBIG}, {"june", 6, MON_FULL}, {"july", 7, MON_FULL},
    {"august", 8, MON_FULL}, {"september", 9, MON_FULL},
    {"october", 10, MON_FULL}, {"november", 11, MON_FULL},
    {"december", 12, MON_FULL},
    {"jan", 1, MON_ABBR}, {"feb", 2, MON_ABBR}, {"mar", 3, MON_ABBR},
    {"apr", 4, MON_ABBR}, {"jun", 6, MON_ABBR}, {"jul", 7, MON_ABBR},
    {"aug", 8, MON_ABBR}, {"sep", 9, MON_ABBR}, {"sept", 9, MON_ABBR},
    {"oct", 10, MON_ABBR}, {"nov", 11, MON_ABBR}, {"dec", 12, MON_ABBR},
};

/* Month name at token i: returns 1..12 (else 0), *abbr = 1 for a short
 * form, *ambig = 1 for "may"/"march", *end past the name (and past a
 * separate "." after a short form when a number follows). */
static int month_at(const scan *s, size_t i, int *abbr, int *ambig,
                    size_t *end)
{
    const char *p = norm(s, i);
    size_t n, k;

    if (p[0] < 'a' || p[0] > 's' || !strchr("adfjmnos", p[0]))
        return 0; /* no month name starts so: most words end here */
    n = strlen(p);
    if (n > 0 && p[n - 1] == '.')
        n--;
    for (k = 0; k < sizeof months / sizeof months[0]; k++) {
        if (months[k].name[0] != p[0] || strlen(months[k].name) != n ||
            strncmp(months[k].name, p, n))
            continue;
        if (months[k].kind != MON_FULL && !is_cap(s, i))
            return 0;
        *abbr = months[k].kind == MON_ABBR;
        *ambig = months[k].kind == MON_AMBIG;
        *end = i + 1;
        if (*abbr && is_w(s, i + 1, ".") && glued(s, i + 1) &&
            digits(s, i + 2, 4) >= 0)
            *end = i + 2;
        return months[k].month;
    }
    return 0;
}

static int weekday_at(const scan *s, size_t i);

/* Is token i a month or weekday name, in any form? */
static int month_or_weekday(const scan *s, size_t i)
{
    int abbr, ambig;
    size_t end;

    return month_at(s, i, &abbr, &ambig, &end) > 0 || weekday_at(s, i) >= 0;
}

/* Weekday name at token i ("Tuesday", or "Tue." with a capital): 0 =
 * Monday .. 6 = Sunday, else -1. */
static int weekday_at(const scan *s, size_t i)
{
    static const char *const wd[] = {"monday", "tuesday", "wednesday",
                                     "thursday", "friday", "saturday",
                                     "sunday"};
    static const struct { const char *abbr; int wd; } ab[] = {
        {"mon.", 0}, {"tue.", 1}, {"tues.", 1}, {"wed.", 2}, {"thu.", 3},
        {"thur.", 3}, {"thurs.", 3}, {"fri.", 4}, {"sat.", 5}, {"sun.", 6}};
    size_t k;

    for (k = 0; k < 7; k++)
        if (is_w(s, i, wd[k]))
            return (int)k;
    if (!is_cap(s, i))
        return -1;
    for (k = 0; k < sizeof ab / sizeof ab[0]; k++)
        if (is_w(s, i, ab[k].abbr))
            return ab[k].wd;
    return -1;
}

/* A small count: digits 1..999 or the words one..twelve (and "a"/"an"
 * when allow_a), else -1. */
static int count_at(const scan *s, size_t i, int allow_a)
{
    static const char *const w[] = {"one", "two", "three", "four", "five",
                                    "six", "seven", "eight", "nine", "ten",
                                    "eleven", "twelve", NULL};
    int k, v = digits(s, i, 3);

    if (v > 0)
        return v;
    for (k = 0; w[k]; k++)
        if (is_w(s, i, w[k]))
            return k + 1;
    if (allow_a && (is_w(s, i, "a") || is_w(s, i, "an")))
        return 1;
    return -1;
}

/* Days in a duration unit "day(s)"/"week(s)", else 0. */
static int unit_at(const scan *s, size_t i)
{
    if (is_w(s, i, "day") || is_w(s, i, "days"))
        return 1;
    if (is_w(s, i, "week") || is_w(s, i, "weeks"))
        return 7;
    return 0;
}

/* The token before i is a preposition that introduces a date. */
static int prep_before(const scan *s, size_t i)
{
    static const char *const p[] = {"in", "since", "of", "by", "until",
                                    "till", "during", "from", "through",
                                    "throughout", "before", "after", NULL};
    return i > s->b && is_any(s, i - 1, p);
}

/* Tokens [b, e) hold a word that points to the future ("will",
 * "looked forward", "invited", "upcoming", "scheduled"). */
static int future_sentence(const scan *s)
{
    static const char *const f[] = {"will", "shall", "forward", "upcoming",
                                    "scheduled", "planned", "plans",
                                    "preparations", "preparing", "expected",
                                    "invited", "ahead", NULL};
    size_t i;

    for (i = s->b; i < s->e; i++)
        if (is_any(s, i, f))
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Resolution against the article date                                 */
/* ------------------------------------------------------------------ */

/* Day + month without a year (see the file comment). */
static dg_date resolve_day_month(const scan *s, int m, int d)
{
    long a;
    int y;

    if (!s->art)
        return make_date(0, m, d, DG_DATE_NONE);
    a = day_number(s->art->year, s->art->month, s->art->day);
    for (y = s->art->year + 1; y >= s->art->year - 8; y--)
        if (valid_ymd(y, m, d) && day_number(y, m, d) - a <= 61)
            return make_date(y, m, d, DG_DATE_DAY);
    return make_date(0, m, d, DG_DATE_NONE);
}

static dg_date resolve_month(const scan *s, int m, int cue)
{
    int y;

    if (!s->art)
        return make_date(0, m, 0, DG_DATE_NONE);
    y = s->art->year;
    if (cue == CUE_PAST)
        y -= m >= s->art->month;
    else if (cue == CUE_FUTURE)
        y += m <= s->art->month;
    else if (cue != CUE_THIS && s->future)
        y += m < s->art->month;
    else if (cue != CUE_THIS)
        y -= m > s->art->month;
    return make_date(y, m, 0, DG_DATE_YEAR_MONTH);
}

static dg_date resolve_weekday(const scan *s, int w, int cue)
{
    int wa, back, fwd;

    if (!s->art)
        return make_date(0, 0, 0, DG_DATE_NONE);
    wa = weekday(s->art);
    back = (wa - w + 7) % 7;
    fwd = (w - wa + 7) % 7;
    if (cue == CUE_PAST)
        return add_days(s->art, -(back ? back : 7));
    if (cue == CUE_FUTURE)
        return add_days(s->art, fwd ? fwd : 7);
    if (s->future)
        return add_days(s->art, fwd);
    return add_days(s->art, -back);
}

static dg_date month_of(const dg_date *d)
{
    return make_date(d->year, d->month, 0, DG_DATE_YEAR_MONTH);
}

/* ------------------------------------------------------------------ */
/* Matchers: each tries tokens from i, fills *mt and returns 1         */
/* ------------------------------------------------------------------ */

static void set_day(match *mt, int y, int m, int d)
{
    mt->keep = valid_ymd(y, m, d);
    mt->d = make_date(y, m, d, DG_DATE_DAY);
}

/* "2023-11-29" */
static int m_iso(const scan *s, size_t i, match *mt)
{
    int y = strlen(norm(s, i)) == 4 ? digits(s, i, 4) : -1;
    int m = strlen(norm(s, i + 2)) == 2 ? digits(s, i + 2, 2) : -1;
    int d = strlen(norm(s, i + 4)) == 2 ? digits(s, i + 4, 2) : -1;
    size_t k;

    if (y < 0 || m < 0 || d < 0 || !is_hyphen(s, i + 1) ||
        !is_hyphen(s, i + 3))
        return 0;
    for (k = i + 1; k <= i + 4; k++)
        if (!glued(s, k))
            return 0;
    mt->e = i + 5;
    set_day(mt, y, m, d);
    return 1;
}

/* "2-JUN-1987" */
static int m_dmy_hyphen(const scan *s, size_t i, match *mt)
{
    int d = day_at(s, i), abbr, ambig, m, y;
    size_t end, k;

    if (d < 0 || !is_hyphen(s, i + 1))
        return 0;
    m = month_at(s, i + 2, &abbr, &ambig, &end);
    if (!m || end != i + 3 || !is_hyphen(s, i + 3))
        return 0;
    y = year_at(s, i + 4);
    if (y < 0)
        return 0;
    for (k = i + 1; k <= i + 4; k++)
        if (!glued(s, k))
            return 0;
    mt->e = i + 5;
    set_day(mt, y, m, d);
    return 1;
}

/* "21 September 2022", "29 November", "29 Nov. 2023" */
static int m_day_month(const scan *s, size_t i, match *mt)
{
    int d = day_at(s, i), abbr, ambig, m, y;
    size_t end;

    if (d < 0)
        return 0;
    m = month_at(s, i + 1, &abbr, &ambig, &end);
    if (!m)
        return 0;
    y = year_at(s, end);
    if (y >= 0) {
        mt->e = end + 1;
        set_day(mt, y, m, d);
        return 1;
    }
    mt->e = end;
    mt->keep = valid_ymd(2000, m, d); /* a leap year allows 29 Feb */
    mt->d = resolve_day_month(s, m, d);
    return 1;
}

/* "September 21, 2022", "Nov. 29", "November 2023", "in November" */
static int m_month_first(const scan *s, size_t i, int cue, int had_mod,
                         match *mt)
{
    int abbr, ambig, m, d, y;
    size_t end;

    m = month_at(s, i, &abbr, &ambig, &end);
    if (!m)
        return 0;
    d = day_at(s, end);
    if (d >= 0 && year_at(s, end) < 0) {
        size_t j = end + 1;
        if (is_w(s, j, ",") && year_at(s, j + 1) >= 0)
            j++;
        y = year_at(s, j);
        if (y >= 0) {
            mt->e = j + 1;
            set_day(mt, y, m, d);
        } else {
            mt->e = end + 1;
            mt->keep = valid_ymd(2000, m, d);
            mt->d = resolve_day_month(s, m, d);
        }
        return 1;
    }
    y = year_at(s, end);
    if (y >= 0) {
        mt->e = end + 1;
        mt->keep = 1;
        mt->d = make_date(y, m, 0, DG_DATE_YEAR_MONTH);
        return 1;
    }
    if (abbr || (ambig && !had_mod && !prep_before(s, mt->b)))
        return 0;
    mt->e = end;
    mt->keep = 1;
    mt->d = resolve_month(s, m, cue);
    return 1;
}

/* "Tuesday", "last Tuesday", "Wednesday 19 May 2021" */
static int m_weekday(const scan *s, size_t i, int cue, match *mt)
{
    int w = weekday_at(s, i);
    size_t j = i + 1;
    match abs = *mt;

    if (w < 0)
        return 0;
    if (is_w(s, j, ","))
        j++;
    abs.b = j;
    if (m_day_month(s, j, &abs) || m_month_first(s, j, CUE_NONE, 1, &abs)) {
        if (abs.d.prec == DG_DATE_DAY || abs.d.day > 0) {
            *mt = abs;
            mt->b = i; /* the date wins over a contradicting weekday */
            return 1;
        }
    }
    mt->e = i + 1;
    mt->keep = 1;
    mt->d = resolve_weekday(s, w, cue);
    return 1;
}

/* "in 2021", "early 2023" */
static int m_year(const scan *s, size_t i, int had_mod, match *mt)
{
    int y = year_at(s, i);

    if (y < 0)
        return 0;
    if (!had_mod) {
        if (!prep_before(s, i))
            return 0;
        if (is_w(s, i - 1, "of") && i + 1 < s->e &&
            (s->t[i + 1].flags & DG_TOK_WORD))
            return 0;
    }
    if (is_hyphen(s, i + 1) && glued(s, i + 1) && digits(s, i + 2, 4) >= 0)
        return 0;
    mt->e = i + 1;
    mt->keep = 1;
    mt->d = make_date(y, 0, 0, DG_DATE_YEAR);
    return 1;
}

/* "today", "yesterday", "this morning", "last week", "next year" */
static int m_relative(const scan *s, size_t i, int cue, match *mt)
{
    static const char *const part[] = {"morning", "afternoon", "evening",
                                       "night", NULL};
    const dg_date *a = s->art;
    dg_date r = make_date(0, 0, 0, DG_DATE_NONE);
    int delta = cue == CUE_PAST ? -1 : cue == CUE_FUTURE ? 1 : 0;

    if (cue == CUE_NONE) {
        if (is_w(s, i, "today") || is_w(s, i, "tonight"))
            delta = 0;
        else if (is_w(s, i, "yesterday"))
            delta = -1;
        else if (is_w(s, i, "tomorrow"))
            delta = 1;
        else
            return 0;
        if (a)
            r = add_days(a, delta);
    } else if (cue == CUE_PART) {
        return 0;
    } else if (is_any(s, i, part)) {
        if ((cue == CUE_FUTURE) || (cue == CUE_PAST && !is_w(s, i, "night")))
            return 0;
        if (a)
            r = add_days(a, delta);
    } else if (is_w(s, i, "week")) {
        if (a) {
            dg_date t = add_days(a, 7L * delta);
            r = month_of(&t);
        }
    } else if (is_w(s, i, "month")) {
        if (a) {
            int m0 = a->year * 12 + (a->month - 1) + delta;
            r = make_date(m0 / 12, m0 % 12 + 1, 0, DG_DATE_YEAR_MONTH);
        }
    } else if (is_w(s, i, "year")) {
        if (a)
            r = make_date(a->year + delta, 0, 0, DG_DATE_YEAR);
    } else {
        return 0;
    }
    mt->e = i + 1;
    mt->keep = 1;
    mt->d = r;
    return 1;
}

/* "three-day", "3-day", "two-week", "week-long", "weeklong" */
static int m_duration_adj(const scan *s, size_t i, match *mt)
{
    int n = count_at(s, i, 0), u;
    size_t j;

    if (is_w(s, i, "weeklong") || is_w(s, i, "daylong")) {
        mt->e = i + 1;
        mt->days = is_w(s, i, "weeklong") ? 7 : 1;
        mt->keep = 1;
        return 1;
    }
    if (n < 0) {
        n = 1; /* "week-long" */
        j = i;
        if (!unit_at(s, j) || !is_hyphen(s, j + 1) || !glued(s, j + 1) ||
            !is_w(s, j + 2, "long") || !glued(s, j + 2))
            return 0;
    } else {
        j = i + 2;
        if (!is_hyphen(s, i + 1) || !glued(s, i + 1) || !glued(s, j))
            return 0;
    }
    u = unit_at(s, j);
    if (!u)
        return 0;
    mt->e = j + 1;
    if (is_hyphen(s, j + 1) && glued(s, j + 1) && is_w(s, j + 2, "long") &&
        glued(s, j + 2))
        mt->e = j + 3;
    mt->days = n * u;
    mt->keep = 1;
    return 1;
}

/* "(for) three days", "(for) a week", "two days ago" */
static int m_duration_phrase(const scan *s, size_t i, match *mt)
{
    int has_for = i > s->b && (is_w(s, i - 1, "for") ||
                               is_w(s, i - 1, "lasting"));
    int n = count_at(s, i, has_for), u = unit_at(s, i + 1);

    if (n < 0 || !u)
        return 0;
    if (is_w(s, i + 2, "ago")) {
        mt->e = i + 3;
        mt->keep = 1;
        if (s->art) {
            dg_date t = add_days(s->art, -(long)n * u);
            mt->d = u == 1 ? t : month_of(&t);
        }
        return 1;
    }
    if (!has_for)
        return 0;
    mt->e = i + 2;
    mt->days = n * u;
    mt->keep = 1;
    return 1;
}

/* Modifiers before a date word: "last", "next", "this", "this coming",
 * "upcoming", "early", "late", "mid", "mid-".  Returns the index after
 * them and the cue. */
static size_t modifiers(const scan *s, size_t i, int *cue)
{
    *cue = CUE_NONE;
    if (is_w(s, i, "last") || is_w(s, i, "past")) {
        *cue = CUE_PAST;
        return i + 1;
    }
    if (is_w(s, i, "next") || is_w(s, i, "upcoming") ||
        is_w(s, i, "coming")) {
        *cue = CUE_FUTURE;
        return i + 1;
    }
    if (is_w(s, i, "this")) {
        if (is_w(s, i + 1, "coming")) {
            *cue = CUE_FUTURE;
            return i + 2;
        }
        *cue = CUE_THIS;
        return i + 1;
    }
    if (is_w(s, i, "early") || is_w(s, i, "late") || is_w(s, i, "mid")) {
        *cue = CUE_PART;
        if (is_hyphen(s, i + 1) && glued(s, i + 1))
            return i + 2;
        return i + 1;
    }
    return i;
}

static int match_at(const scan *s, size_t i, match *mt)
{
    int cue;
    size_t k = modifiers(s, i, &cue);
    int had_mod = k > i;

    memset(mt, 0, sizeof *mt);
    mt->b = i;
    if (!had_mod && (m_iso(s, i, mt) || m_dmy_hyphen(s, i, mt) ||
                     m_day_month(s, i, mt)))
        return 1;
    if (k >= s->e)
        return 0;
    if (cue != CUE_PART && m_weekday(s, k, cue, mt))
        return 1;
    if (m_month_first(s, k, cue == CUE_PART ? CUE_NONE : cue, had_mod, mt))
        return 1;
    if ((cue == CUE_NONE || cue == CUE_PART) &&
        m_year(s, k, had_mod, mt))
        return 1;
    if (m_relative(s, k, cue, mt))
        return 1;
    if (had_mod)
        return 0;
    return m_duration_adj(s, i, mt) || m_duration_phrase(s, i, mt);
}

/* Words without which no date or duration expression is near: every
 * pattern above holds a number, a month, a weekday or one of these.  A
 * cheap test lets dg_dates_find skip most positions of a sentence. */
static const char *const date_words[] = {
    "today", "tonight", "yesterday", "tomorrow", "morning", "afternoon",
    "evening", "night", "day", "days", "week", "weeks", "weekend", "month",
    "months", "year", "years", "ago", "weeklong", "fortnight",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", NULL
};

static int date_relevant(const scan *s, size_t j)
{
    const char *p = norm(s, j);
    size_t k;

    if ((*p >= '0' && *p <= '9') || dg_word_in(date_words, p))
        return 1;
    /* month and weekday names start with one of these letters and have
     * 3 to 10 bytes ("sept.", "wednesday") */
    k = strlen(p);
    if (k < 3 || k > 10 || !strchr("jfmasondtw", *p))
        return 0;
    return month_or_weekday(s, j);
}

/* Is any of tokens [i, i + 5) relevant to a date?  next_rel is the
 * first relevant token at or after i's predecessor's answer (a running
 * cursor, so the sentence is tested once per token). */
static int date_near(const scan *s, size_t i, size_t *next_rel)
{
    if (*next_rel < i) {
        size_t j = i;
        while (j < s->e && !date_relevant(s, j))
            j++;
        *next_rel = j;
    }
    return *next_rel < s->e && *next_rel < i + 5;
}

/* Returns the number of expressions stored (at most max); scanning stops
 * when out[] is full.  text is not needed (tokens carry their folded
 * form and case flags) and may be NULL. */
size_t dg_dates_find(const char *text, const dg_token *toks, size_t b,
                     size_t e, const dg_date *article, dg_date_expr *out,
                     size_t max)
{
    scan s;
    size_t i = b, n = 0;
    match mt;

    (void)text;
    s.t = toks;
    s.b = b;
    s.e = e;
    s.art = (article && article->prec == DG_DATE_DAY &&
             valid_ymd(article->year, article->month, article->day))
                ? article
                : NULL;
    s.future = future_sentence(&s);
    size_t next_rel = 0;
    int first = 1;

    while (i < e && n < max) {
        if (first) {
            next_rel = i;
            while (next_rel < e && !date_relevant(&s, next_rel))
                next_rel++;
            first = 0;
        }
        if (!date_near(&s, i, &next_rel) || !match_at(&s, i, &mt)) {
            i++;
            continue;
        }
        if (mt.keep) {
            out[n].tok_b = mt.b;
            out[n].tok_e = mt.e;
            out[n].date = mt.d;
            out[n].days = mt.days;
            n++;
        }
        i = mt.e > i ? mt.e : i + 1;
    }
    return n;
}
