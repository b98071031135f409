/*
 * test_dates.c: unit tests for dates.c: ISO parsing and formatting,
 * absolute and relative date expressions resolved against an article
 * date, durations, and the calendar edge cases (leap days, weekdays
 * across month and year boundaries, impossible dates).
 */
#include "internal.h"
#include "testutil.h"

#include <string.h>

#define MAXX 8

/* The sentence under test, its tokens and what dg_dates_find found. */
static const char *g_text;
static dg_token *g_toks;
static size_t g_ntoks;
static dg_date_expr g_x[MAXX];
static size_t g_n;

static void release(void)
{
    if (g_toks)
        dg_tokens_free(g_toks, g_ntoks);
    g_toks = NULL;
    g_ntoks = 0;
}

/* Tokenizes text and finds expressions against the article date art
 * ("YYYY-MM-DD", or NULL for none).  Returns how many were found. */
static size_t run(const char *text, const char *art)
{
    dg_date a = {0, 0, 0, DG_DATE_NONE};

    release();
    g_text = text;
    if (art)
        CU_ASSERT_FATAL(dg_date_parse_iso(art, &a));
    CU_ASSERT_FATAL(dg_tokenize(text, strlen(text), &g_toks, &g_ntoks) ==
                    DG_OK);
    memset(g_x, 0, sizeof g_x);
    g_n = dg_dates_find(text, g_toks, 0, g_ntoks, art ? &a : NULL, g_x,
                        MAXX);
    return g_n;
}

/* Checks expression k: token span [tb, te), the text it covers, the
 * formatted date (NULL: prec NONE) and the duration. */
static void check(size_t k, size_t tb, size_t te, const char *span,
                  const char *date, int days)
{
    char buf[16];
    const char *type;
    size_t sb, se;

    CU_ASSERT_FATAL(k < g_n);
    CU_ASSERT_EQUAL(g_x[k].tok_b, tb);
    CU_ASSERT_EQUAL(g_x[k].tok_e, te);
    CU_ASSERT_FATAL(g_x[k].tok_b < g_x[k].tok_e && g_x[k].tok_e <= g_ntoks);
    sb = g_toks[g_x[k].tok_b].b;
    se = g_toks[g_x[k].tok_e - 1].e;
    CU_ASSERT_EQUAL(se - sb, strlen(span));
    CU_ASSERT_NSTRING_EQUAL(g_text + sb, span, strlen(span));
    type = dg_date_format(&g_x[k].date, buf);
    if (!date) {
        CU_ASSERT_PTR_NULL(type);
        CU_ASSERT_EQUAL(g_x[k].date.prec, DG_DATE_NONE);
    } else {
        CU_ASSERT_PTR_NOT_NULL(type);
        CU_ASSERT_STRING_EQUAL(buf, date);
    }
    CU_ASSERT_EQUAL(g_x[k].days, days);
}

/* ------------------------------------------------------------ ISO */

static void test_parse_iso(void)
{
    dg_date d = {0, 0, 0, DG_DATE_NONE};

    CU_ASSERT_EQUAL(dg_date_parse_iso("2023-11-29", &d), 1);
    CU_ASSERT_EQUAL(d.year, 2023);
    CU_ASSERT_EQUAL(d.month, 11);
    CU_ASSERT_EQUAL(d.day, 29);
    CU_ASSERT_EQUAL(d.prec, DG_DATE_DAY);
    CU_ASSERT_EQUAL(dg_date_parse_iso("2024-02-29", &d), 1);
    CU_ASSERT_EQUAL(dg_date_parse_iso("2000-02-29", &d), 1);
    CU_ASSERT_EQUAL(dg_date_parse_iso("0987-06-02", &d), 1);
    CU_ASSERT_EQUAL(d.year, 987);
}

static void test_parse_iso_invalid(void)
{
    dg_date d = {7, 7, 7, DG_DATE_YEAR};

    CU_ASSERT_EQUAL(dg_date_parse_iso("2023-02-30", &d), 0);
    CU_ASSERT_EQUAL(dg_date_parse_iso("2023-13-01", &d), 0);
    CU_ASSERT_EQUAL(dg_date_parse_iso("20231201", &d), 0);
    CU_ASSERT_EQUAL(dg_date_parse_iso("", &d), 0);
    CU_ASSERT_EQUAL(dg_date_parse_iso("2023-02-29", &d), 0);
    CU_ASSERT_EQUAL(dg_date_parse_iso("1900-02-29", &d), 0);
    CU_ASSERT_EQUAL(dg_date_parse_iso("2023-04-31", &d), 0);
    CU_ASSERT_EQUAL(dg_date_parse_iso("2023-00-10", &d), 0);
    CU_ASSERT_EQUAL(dg_date_parse_iso("2023-01-00", &d), 0);
    CU_ASSERT_EQUAL(dg_date_parse_iso("2023-1-01", &d), 0);
    CU_ASSERT_EQUAL(dg_date_parse_iso("2023-01-01 ", &d), 0);
    CU_ASSERT_EQUAL(dg_date_parse_iso("0000-01-01", &d), 0);
    CU_ASSERT_EQUAL(dg_date_parse_iso(NULL, &d), 0);
    /* out is untouched on failure */
    CU_ASSERT_EQUAL(d.year, 7);
    CU_ASSERT_EQUAL(d.prec, DG_DATE_YEAR);
}

static void test_format(void)
{
    char buf[11];
    dg_date d = {2023, 11, 29, DG_DATE_DAY};

    CU_ASSERT_STRING_EQUAL(dg_date_format(&d, buf), "date");
    CU_ASSERT_STRING_EQUAL(buf, "2023-11-29");
    d.prec = DG_DATE_YEAR_MONTH;
    CU_ASSERT_STRING_EQUAL(dg_date_format(&d, buf), "gYearMonth");
    CU_ASSERT_STRING_EQUAL(buf, "2023-11");
    d.prec = DG_DATE_YEAR;
    CU_ASSERT_STRING_EQUAL(dg_date_format(&d, buf), "gYear");
    CU_ASSERT_STRING_EQUAL(buf, "2023");
    d.prec = DG_DATE_NONE;
    CU_ASSERT_PTR_NULL(dg_date_format(&d, buf));
    CU_ASSERT_STRING_EQUAL(buf, "");
    d.year = 987;
    d.month = 6;
    d.day = 2;
    d.prec = DG_DATE_DAY;
    CU_ASSERT_STRING_EQUAL(dg_date_format(&d, buf), "date");
    CU_ASSERT_STRING_EQUAL(buf, "0987-06-02");
    d.prec = DG_DATE_YEAR;
    dg_date_format(&d, buf);
    CU_ASSERT_STRING_EQUAL(buf, "0987");
}

/* ------------------------------------------------------- absolute */

static void test_day_month_year(void)
{
    /* The(0) talks(1) began(2) on(3) 21(4) September(5) 2022(6) .(7) */
    CU_ASSERT_EQUAL(run("The talks began on 21 September 2022.", NULL), 1);
    check(0, 4, 7, "21 September 2022", "2022-09-21", 0);
    CU_ASSERT_EQUAL(run("They met on 6 December 2023 in Paris.", NULL), 1);
    check(0, 3, 6, "6 December 2023", "2023-12-06", 0);
    CU_ASSERT_EQUAL(run("Signed on the 1st May 2019.", NULL), 1);
    check(0, 3, 6, "1st May 2019", "2019-05-01", 0);
}

static void test_month_day_year(void)
{
    /* On(0) September(1) 21(2) ,(3) 2022(4) ,(5) the(6) ... */
    CU_ASSERT_EQUAL(run("On September 21, 2022, the envoy arrived.", NULL),
                    1);
    check(0, 1, 5, "September 21, 2022", "2022-09-21", 0);
    CU_ASSERT_EQUAL(run("On Sept. 21, 2022 the envoy left.", NULL), 1);
    check(0, 1, 5, "Sept. 21, 2022", "2022-09-21", 0);
    /* "21, 1000 troops": the number after the comma is no year */
    CU_ASSERT_EQUAL(run("By Sept. 21, 1000 troops had left.", NULL), 1);
    check(0, 1, 3, "Sept. 21", NULL, 0);
}

static void test_hyphen_and_iso(void)
{
    /* It(0) was(1) signed(2) 2(3) -(4) JUN(5) -(6) 1987(7) .(8) */
    CU_ASSERT_EQUAL(run("It was signed 2-JUN-1987.", NULL), 1);
    check(0, 3, 8, "2-JUN-1987", "1987-06-02", 0);
    CU_ASSERT_EQUAL(run("Posted 2023-11-29 at noon.", NULL), 1);
    check(0, 1, 6, "2023-11-29", "2023-11-29", 0);
    /* spaced hyphens are no ISO date */
    CU_ASSERT_EQUAL(run("Scores were 2023 - 11 - 29.", NULL), 0);
}

static void test_year_month_and_year(void)
{
    /* The(0) deal(1) of(2) November(3) 2023(4) held(5) .(6) */
    CU_ASSERT_EQUAL(run("The deal of November 2023 held.", NULL), 1);
    check(0, 3, 5, "November 2023", "2023-11", 0);
    /* Talks(0) resumed(1) in(2) 2021(3) and(4) since(5) 2019(6) .(7) */
    CU_ASSERT_EQUAL(run("Talks resumed in 2021 and since 2019.", NULL), 2);
    check(0, 3, 4, "2021", "2021", 0);
    check(1, 6, 7, "2019", "2019", 0);
    /* no cue, out of range, or a count after "of" */
    CU_ASSERT_EQUAL(run("He said 2021 was hard.", NULL), 0);
    CU_ASSERT_EQUAL(run("It happened in 1850.", NULL), 0);
    CU_ASSERT_EQUAL(run("A total of 2000 troops left.", NULL), 0);
    /* the end(2) of(3) 2022(4) */
    CU_ASSERT_EQUAL(run("By the end of 2022, talks stalled.", NULL), 1);
    check(0, 4, 5, "2022", "2022", 0);
    /* In(0) early(1) February(2) 2023(3) */
    CU_ASSERT_EQUAL(run("In early February 2023 he left.", NULL), 1);
    check(0, 1, 4, "early February 2023", "2023-02", 0);
    CU_ASSERT_EQUAL(run("Growth slowed in late 2023.", NULL), 1);
    check(0, 3, 5, "late 2023", "2023", 0);
}

static void test_impossible_dates(void)
{
    /* the whole "31 February 2023" is dropped, not read as "February
     * 2023" */
    CU_ASSERT_EQUAL(run("It was 31 February 2023 then.", NULL), 0);
    CU_ASSERT_EQUAL(run("It was February 30, 2023 then.", NULL), 0);
    CU_ASSERT_EQUAL(run("Posted 2023-02-30 at noon.", NULL), 0);
    CU_ASSERT_EQUAL(run("Posted 2023-13-01 at noon.", NULL), 0);
    CU_ASSERT_EQUAL(run("It was 31 April then.", "2023-05-10"), 0);
}

static void test_leap_day(void)
{
    CU_ASSERT_EQUAL(run("On 29 February 2024 they met.", NULL), 1);
    check(0, 1, 4, "29 February 2024", "2024-02-29", 0);
    CU_ASSERT_EQUAL(run("On 29 February 2023 they met.", NULL), 0);
    CU_ASSERT_EQUAL(run("On 29 February 2000 they met.", NULL), 1);
    check(0, 1, 4, "29 February 2000", "2000-02-29", 0);
    CU_ASSERT_EQUAL(run("On 29 February 1900 they met.", NULL), 0);
    /* no year: the latest leap year not too far ahead of the article */
    CU_ASSERT_EQUAL(run("On Feb. 29 they met.", "2025-03-10"), 1);
    check(0, 1, 3, "Feb. 29", "2024-02-29", 0);
    /* "yesterday" across a leap day and the day after it */
    CU_ASSERT_EQUAL(run("They met yesterday.", "2024-03-01"), 1);
    check(0, 2, 3, "yesterday", "2024-02-29", 0);
    CU_ASSERT_EQUAL(run("They met yesterday.", "2023-03-01"), 1);
    check(0, 2, 3, "yesterday", "2023-02-28", 0);
    CU_ASSERT_EQUAL(run("They meet tomorrow.", "2024-02-28"), 1);
    check(0, 2, 3, "tomorrow", "2024-02-29", 0);
}

/* ------------------------------------------------ day + month only */

static void test_day_month_from_article(void)
{
    /* The(0) summit(1) on(2) Nov(3). 29(4) */
    CU_ASSERT_EQUAL(run("The summit on Nov. 29 ended.", "2023-12-01"), 1);
    check(0, 3, 5, "Nov. 29", "2023-11-29", 0);
    CU_ASSERT_EQUAL(run("It opens 29 November.", "2023-11-20"), 1);
    check(0, 2, 4, "29 November", "2023-11-29", 0);
    /* an article in January, a December day: last year */
    CU_ASSERT_EQUAL(run("It opened 29 December.", "2024-01-05"), 1);
    check(0, 2, 4, "29 December", "2023-12-29", 0);
    /* an article in December, a January day within two months: next
     * year */
    CU_ASSERT_EQUAL(run("It opens on Jan. 20.", "2023-12-10"), 1);
    check(0, 3, 5, "Jan. 20", "2024-01-20", 0);
    /* more than 61 days ahead: the year before */
    CU_ASSERT_EQUAL(run("It opened on March 20.", "2023-01-10"), 1);
    check(0, 3, 5, "March 20", "2022-03-20", 0);
    /* exactly 61 days ahead still counts as this year, 62 do not */
    CU_ASSERT_EQUAL(run("It opens on March 3.", "2023-01-01"), 1);
    check(0, 3, 5, "March 3", "2023-03-03", 0);
    CU_ASSERT_EQUAL(run("It opened on March 4.", "2023-01-01"), 1);
    check(0, 3, 5, "March 4", "2022-03-04", 0);
    /* (Nov 29), with brackets */
    CU_ASSERT_EQUAL(run("Leaders met (Nov 29) in Rome.", "2023-12-02"), 1);
    check(0, 3, 5, "Nov 29", "2023-11-29", 0);
    /* no article date: found, unresolved, month and day kept */
    CU_ASSERT_EQUAL(run("The summit on Nov. 29 ended.", NULL), 1);
    check(0, 3, 5, "Nov. 29", NULL, 0);
    CU_ASSERT_EQUAL(g_x[0].date.month, 11);
    CU_ASSERT_EQUAL(g_x[0].date.day, 29);
    CU_ASSERT_EQUAL(g_x[0].date.year, 0);
}

/* ------------------------------------------------------- relative */

static void test_today_and_neighbours(void)
{
    /* Today(0) ,(1) the(2) ... */
    CU_ASSERT_EQUAL(run("Today, the minister spoke.", "2023-11-29"), 1);
    check(0, 0, 1, "Today", "2023-11-29", 0);
    CU_ASSERT_EQUAL(run("She left this morning and returns tonight.",
                        "2023-11-29"),
                    2);
    check(0, 2, 4, "this morning", "2023-11-29", 0);
    check(1, 6, 7, "tonight", "2023-11-29", 0);
    CU_ASSERT_EQUAL(run("Talks this afternoon and this evening.",
                        "2023-11-29"),
                    2);
    check(0, 1, 3, "this afternoon", "2023-11-29", 0);
    check(1, 4, 6, "this evening", "2023-11-29", 0);
    CU_ASSERT_EQUAL(run("They met yesterday; more talks tomorrow.",
                        "2023-12-31"),
                    2);
    check(0, 2, 3, "yesterday", "2023-12-30", 0);
    check(1, 6, 7, "tomorrow", "2024-01-01", 0);
    CU_ASSERT_EQUAL(run("Rockets fell last night.", "2024-01-01"), 1);
    check(0, 2, 4, "last night", "2023-12-31", 0);
    CU_ASSERT_EQUAL(run("They met three days ago.", "2023-03-02"), 1);
    check(0, 2, 5, "three days ago", "2023-02-27", 0);
}

static void test_weeks_months_years(void)
{
    /* Talks(0) last(1) week(2) */
    CU_ASSERT_EQUAL(run("Talks last week failed.", "2023-11-29"), 1);
    check(0, 1, 3, "last week", "2023-11", 0);
    /* 7 days before 5 December is in November */
    CU_ASSERT_EQUAL(run("Talks last week failed.", "2023-12-05"), 1);
    check(0, 1, 3, "last week", "2023-11", 0);
    CU_ASSERT_EQUAL(run("Talks next week and this week.", "2023-12-28"), 2);
    check(0, 1, 3, "next week", "2024-01", 0);
    check(1, 4, 6, "this week", "2023-12", 0);
    CU_ASSERT_EQUAL(run("Last month and next month.", "2024-01-15"), 2);
    check(0, 0, 2, "Last month", "2023-12", 0);
    check(1, 3, 5, "next month", "2024-02", 0);
    CU_ASSERT_EQUAL(run("Next month it ends.", "2023-12-15"), 1);
    check(0, 0, 2, "Next month", "2024-01", 0);
    CU_ASSERT_EQUAL(run("Last year, next year and this year.",
                        "2023-11-29"),
                    3);
    check(0, 0, 2, "Last year", "2022", 0);
    check(1, 3, 5, "next year", "2024", 0);
    check(2, 6, 8, "this year", "2023", 0);
}

static void test_weekday(void)
{
    /* 2023-11-29 is a Wednesday.  They(0) met(1) on(2) Tuesday(3) */
    CU_ASSERT_EQUAL(run("They met on Tuesday.", "2023-11-29"), 1);
    check(0, 3, 4, "Tuesday", "2023-11-28", 0);
    /* the article's own weekday is the article date */
    CU_ASSERT_EQUAL(run("They met on Wednesday.", "2023-11-29"), 1);
    check(0, 3, 4, "Wednesday", "2023-11-29", 0);
    CU_ASSERT_EQUAL(run("Thursday saw more talks.", "2023-11-29"), 1);
    check(0, 0, 1, "Thursday", "2023-11-23", 0);
    CU_ASSERT_EQUAL(run("They met last Wednesday.", "2023-11-29"), 1);
    check(0, 2, 4, "last Wednesday", "2023-11-22", 0);
    CU_ASSERT_EQUAL(run("They meet next Wednesday.", "2023-11-29"), 1);
    check(0, 2, 4, "next Wednesday", "2023-12-06", 0);
    CU_ASSERT_EQUAL(run("They meet next Friday.", "2023-11-29"), 1);
    check(0, 2, 4, "next Friday", "2023-12-01", 0);
    /* across a month boundary: Friday 1 December 2023 -> Tuesday 28
     * November */
    CU_ASSERT_EQUAL(run("They met on Tuesday.", "2023-12-01"), 1);
    check(0, 3, 4, "Tuesday", "2023-11-28", 0);
    /* across a year boundary: Tuesday 2 January 2024 -> Friday 29
     * December 2023 */
    CU_ASSERT_EQUAL(run("They met on Friday.", "2024-01-02"), 1);
    check(0, 3, 4, "Friday", "2023-12-29", 0);
    /* across a leap day: Saturday 2 March 2024 -> Thursday 29 February */
    CU_ASSERT_EQUAL(run("They met on Thursday.", "2024-03-02"), 1);
    check(0, 3, 4, "Thursday", "2024-02-29", 0);
    /* an old date: Wednesday 19 May 2021 -> Monday 17 May */
    CU_ASSERT_EQUAL(run("They met on Monday.", "2021-05-19"), 1);
    check(0, 3, 4, "Monday", "2021-05-17", 0);
}

static void test_weekday_with_date(void)
{
    /* on(2) Wednesday(3) 19(4) May(5) 2021(6) */
    CU_ASSERT_EQUAL(run("They met on Wednesday 19 May 2021.", NULL), 1);
    check(0, 3, 7, "Wednesday 19 May 2021", "2021-05-19", 0);
    CU_ASSERT_EQUAL(run("They met on Tuesday, Nov. 28.", "2023-11-29"), 1);
    check(0, 3, 7, "Tuesday, Nov. 28", "2023-11-28", 0);
    /* Wed.(2) Nov.(3) 22(4) */
    CU_ASSERT_EQUAL(run("Talks on Wed. Nov. 22 ended.", "2023-11-29"), 1);
    check(0, 2, 5, "Wed. Nov. 22", "2023-11-22", 0);
    CU_ASSERT_EQUAL(run("Talks ended Sat.", "2023-11-29"), 1);
    check(0, 2, 3, "Sat.", "2023-11-25", 0);
    /* without an article date the day and month still come through */
    CU_ASSERT_EQUAL(run("They met on Tuesday, Nov. 28.", NULL), 1);
    check(0, 3, 7, "Tuesday, Nov. 28", NULL, 0);
    CU_ASSERT_EQUAL(g_x[0].date.month, 11);
    CU_ASSERT_EQUAL(g_x[0].date.day, 28);
}

static void test_month_alone(void)
{
    /* at(2) their(3) summit(4) in(5) November(6) */
    CU_ASSERT_EQUAL(run("Commitments made at their summit in November.",
                        "2024-01-10"),
                    1);
    check(0, 6, 7, "November", "2023-11", 0);
    CU_ASSERT_EQUAL(run("It began in November.", "2023-11-29"), 1);
    check(0, 3, 4, "November", "2023-11", 0);
    CU_ASSERT_EQUAL(run("It began in early February.", "2023-11-29"), 1);
    check(0, 3, 5, "early February", "2023-02", 0);
    CU_ASSERT_EQUAL(run("It began in mid-February.", "2023-11-29"), 1);
    check(0, 3, 6, "mid-February", "2023-02", 0);
    /* future cues: the next one after the article month */
    CU_ASSERT_EQUAL(run("They meet next February.", "2023-11-29"), 1);
    check(0, 2, 4, "next February", "2024-02", 0);
    CU_ASSERT_EQUAL(run("The upcoming November vote.", "2023-11-29"), 1);
    check(0, 1, 3, "upcoming November", "2024-11", 0);
    CU_ASSERT_EQUAL(run("It ended last November.", "2023-11-29"), 1);
    check(0, 2, 4, "last November", "2022-11", 0);
    CU_ASSERT_EQUAL(run("It ends this December.", "2023-11-29"), 1);
    check(0, 2, 4, "this December", "2023-12", 0);
    /* "May" and "March" alone need a capital and a cue */
    CU_ASSERT_EQUAL(run("Talks may resume in May.", "2023-11-29"), 1);
    check(0, 4, 5, "May", "2023-05", 0);
    CU_ASSERT_EQUAL(run("March organisers met.", "2023-11-29"), 0);
    CU_ASSERT_EQUAL(run("They march in may.", "2023-11-29"), 0);
    /* abbreviations never stand alone */
    CU_ASSERT_EQUAL(run("Jan said so.", "2023-11-29"), 0);
    /* lower case full names still count */
    CU_ASSERT_EQUAL(run("in november", "2023-11-29"), 1);
    check(0, 1, 2, "november", "2023-11", 0);
}

static void test_future_sentence(void)
{
    /* a future word in the sentence turns bare months and weekdays
     * forward: Wednesday 29 November 2023 */
    CU_ASSERT_EQUAL(run("He will visit in early February.", "2023-11-29"),
                    1);
    check(0, 4, 6, "early February", "2024-02", 0);
    CU_ASSERT_EQUAL(run("They will meet in November.", "2023-11-29"), 1);
    check(0, 4, 5, "November", "2023-11", 0);
    CU_ASSERT_EQUAL(run("They looked forward to the June Council.",
                        "2023-05-23"),
                    1);
    check(0, 5, 6, "June", "2023-06", 0);
    CU_ASSERT_EQUAL(run("They will meet on Friday.", "2023-11-29"), 1);
    check(0, 4, 5, "Friday", "2023-12-01", 0);
    CU_ASSERT_EQUAL(run("They will meet on Wednesday.", "2023-11-29"), 1);
    check(0, 4, 5, "Wednesday", "2023-11-29", 0);
    /* explicit cues win: "last" stays in the past */
    CU_ASSERT_EQUAL(run("He will recall last November.", "2023-11-29"), 1);
    check(0, 3, 5, "last November", "2022-11", 0);
    /* day + month keeps its own rule */
    CU_ASSERT_EQUAL(run("He will recall 20 March.", "2023-11-29"), 1);
    check(0, 3, 5, "20 March", "2023-03-20", 0);
}

static void test_relative_without_article(void)
{
    static const char *const texts[] = {
        "They met today.", "They met yesterday.", "They meet tomorrow.",
        "They met on Tuesday.", "They met last week.", "in November",
        "They met last year.", "They meet next month."};
    size_t k;

    for (k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        CU_ASSERT_EQUAL(run(texts[k], NULL), 1);
        CU_ASSERT_EQUAL(g_x[0].date.prec, DG_DATE_NONE);
        CU_ASSERT_EQUAL(g_x[0].days, 0);
    }
    /* a YEAR-only article date does not resolve them either */
    {
        dg_date a = {2023, 0, 0, DG_DATE_YEAR};
        release();
        g_text = "They met today.";
        CU_ASSERT_FATAL(dg_tokenize(g_text, strlen(g_text), &g_toks,
                                    &g_ntoks) == DG_OK);
        g_n = dg_dates_find(g_text, g_toks, 0, g_ntoks, &a, g_x, MAXX);
        CU_ASSERT_EQUAL(g_n, 1);
        CU_ASSERT_EQUAL(g_x[0].date.prec, DG_DATE_NONE);
    }
    /* absolute dates still resolve */
    CU_ASSERT_EQUAL(run("They met on 6 December 2023.", NULL), 1);
    check(0, 3, 6, "6 December 2023", "2023-12-06", 0);
}

/* ------------------------------------------------------ durations */

static void test_durations(void)
{
    /* wrapping(0) up(1) a(2) three(3) -(4) day(5) visit(6) */
    CU_ASSERT_EQUAL(run("wrapping up a three-day visit", "2023-11-29"), 1);
    check(0, 3, 6, "three-day", NULL, 3);
    CU_ASSERT_EQUAL(run("A 3-day summit.", NULL), 1);
    check(0, 1, 4, "3-day", NULL, 3);
    CU_ASSERT_EQUAL(run("He began a two-day trip.", NULL), 1);
    check(0, 3, 6, "two-day", NULL, 2);
    CU_ASSERT_EQUAL(run("They talked for three days.", NULL), 1);
    check(0, 3, 5, "three days", NULL, 3);
    CU_ASSERT_EQUAL(run("She stayed for a week.", NULL), 1);
    check(0, 3, 5, "a week", NULL, 7);
    CU_ASSERT_EQUAL(run("A week-long visit.", NULL), 1);
    check(0, 1, 4, "week-long", NULL, 7);
    CU_ASSERT_EQUAL(run("A two-week tour.", NULL), 1);
    check(0, 1, 4, "two-week", NULL, 14);
    CU_ASSERT_EQUAL(run("A twelve-day tour.", NULL), 1);
    check(0, 1, 4, "twelve-day", NULL, 12);
    /* "three days" without "for" is no duration */
    CU_ASSERT_EQUAL(run("Three days of talks.", NULL), 0);
    /* a spaced hyphen is no compound */
    CU_ASSERT_EQUAL(run("Score three - day.", NULL), 0);
}

static void test_order_range_and_max(void)
{
    const char *t = "On 6 December 2023, after a two-day visit, they met "
                    "again yesterday.";
    dg_date a;
    dg_date_expr x[2];

    /* On(0) 6(1) December(2) 2023(3) ,(4) after(5) a(6) two(7) -(8)
     * day(9) visit(10) ,(11) they(12) met(13) again(14) yesterday(15) */
    CU_ASSERT_EQUAL(run(t, "2023-12-08"), 3);
    check(0, 1, 4, "6 December 2023", "2023-12-06", 0);
    check(1, 7, 10, "two-day", NULL, 2);
    check(2, 15, 16, "yesterday", "2023-12-07", 0);
    /* max limits what is stored */
    CU_ASSERT_FATAL(dg_date_parse_iso("2023-12-08", &a));
    CU_ASSERT_EQUAL(dg_dates_find(t, g_toks, 0, g_ntoks, &a, x, 2), 2);
    CU_ASSERT_EQUAL(x[1].days, 2);
    CU_ASSERT_EQUAL(dg_dates_find(t, g_toks, 0, g_ntoks, &a, x, 0), 0);
    /* a token range: only tokens [5, 12) */
    CU_ASSERT_EQUAL(dg_dates_find(t, g_toks, 5, 12, &a, x, 2), 1);
    CU_ASSERT_EQUAL(x[0].tok_b, 7);
    CU_ASSERT_EQUAL(x[0].tok_e, 10);
    /* the range cuts "6 December 2023" after "December" */
    CU_ASSERT_EQUAL(dg_dates_find(t, g_toks, 1, 3, &a, x, 2), 1);
    CU_ASSERT_EQUAL(x[0].tok_b, 1);
    CU_ASSERT_EQUAL(x[0].tok_e, 3);
    CU_ASSERT_EQUAL(x[0].date.prec, DG_DATE_DAY);
    CU_ASSERT_EQUAL(x[0].date.year, 2023);
    release();
}

int main(void)
{
    static const dg_test tests[] = {
        {"parse ISO", test_parse_iso},
        {"parse ISO rejects invalid", test_parse_iso_invalid},
        {"format", test_format},
        {"day month year", test_day_month_year},
        {"month day year", test_month_day_year},
        {"2-JUN-1987 and ISO in text", test_hyphen_and_iso},
        {"year-month and year", test_year_month_and_year},
        {"impossible dates", test_impossible_dates},
        {"leap day", test_leap_day},
        {"day+month from article date", test_day_month_from_article},
        {"today, yesterday, tomorrow", test_today_and_neighbours},
        {"weeks, months, years", test_weeks_months_years},
        {"weekday", test_weekday},
        {"weekday with a date", test_weekday_with_date},
        {"month alone", test_month_alone},
        {"future sentence", test_future_sentence},
        {"relative without article date", test_relative_without_article},
        {"durations", test_durations},
        {"order, range, max", test_order_range_and_max},
        {NULL, NULL}};
    int rc = dg_run_tests("dates", tests);

    release();
    return rc;
}
