/*
 * test_segment.c: unit tests for segment.c: tokens (abbreviations,
 * possessives, hyphens, soft hyphens, flags, byte and code-point
 * offsets) and sentence boundaries (abbreviations mid-sentence, a full
 * stop glued to the next word, CRLF line ends, blank-line paragraphs,
 * headlines without a full stop, closing quotes, non-ASCII text before
 * a sentence, a title's abbreviation ending a line after a name).
 *
 * Tests of behaviour that is wrong today (known bugs) are in a second
 * suite, run only when DG_TEST_KNOWN_BUGS=1.
 */
#include "internal.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

static dg_doc g_doc;

/* Segments text into g_doc (released by the next call). */
static void seg(const char *text)
{
    dg_doc_release(&g_doc);
    memset(&g_doc, 0, sizeof g_doc);
    g_doc.text = text;
    g_doc.len = strlen(text);
    CU_ASSERT_FATAL(dg_segment(&g_doc) == DG_OK);
}

/* Checks sentence k: bytes [b, e), code points [bcp, ecp), tokens
 * [tb, te), paragraph and exact text. */
static void sent(size_t k, size_t b, size_t e, size_t bcp, size_t ecp,
                 size_t tb, size_t te, size_t para, const char *text)
{
    const dg_sentence *s;

    CU_ASSERT_FATAL(k < g_doc.nsents);
    s = &g_doc.sents[k];
    CU_ASSERT_EQUAL(s->b, b);
    CU_ASSERT_EQUAL(s->e, e);
    CU_ASSERT_EQUAL(s->b_cp, bcp);
    CU_ASSERT_EQUAL(s->e_cp, ecp);
    CU_ASSERT_EQUAL(s->tok_b, tb);
    CU_ASSERT_EQUAL(s->tok_e, te);
    CU_ASSERT_EQUAL(s->para, para);
    CU_ASSERT_FATAL(s->e >= s->b && s->e <= g_doc.len);
    CU_ASSERT_EQUAL(s->e - s->b, strlen(text));
    CU_ASSERT_EQUAL(memcmp(g_doc.text + s->b, text, s->e - s->b), 0);
}

/* Checks token k: bytes, code points, norm and flags. */
static void tok(size_t k, size_t b, size_t e, size_t bcp, size_t ecp,
                const char *norm, unsigned flags)
{
    const dg_token *t;

    CU_ASSERT_FATAL(k < g_doc.ntoks);
    t = &g_doc.toks[k];
    CU_ASSERT_EQUAL(t->b, b);
    CU_ASSERT_EQUAL(t->e, e);
    CU_ASSERT_EQUAL(t->b_cp, bcp);
    CU_ASSERT_EQUAL(t->e_cp, ecp);
    CU_ASSERT_STRING_EQUAL(t->norm, norm);
    CU_ASSERT_EQUAL(t->flags, flags);
}

#define W DG_TOK_WORD
#define C DG_TOK_CAP
#define SP DG_TOK_SPACE_BEFORE
#define NL DG_TOK_NL_BEFORE
#define P DG_TOK_PUNCT
#define AB DG_TOK_ABBREV
#define AC DG_TOK_ALLCAPS

static void test_abbreviations(void)
{
    seg("Gen. Mark Milley met Mr. Smith in the U.S. capital on Monday. "
        "He left.");
    CU_ASSERT_EQUAL(g_doc.nsents, 2);
    CU_ASSERT_EQUAL(g_doc.ntoks, 16);
    sent(0, 0, 61, 0, 61, 0, 13, 0,
         "Gen. Mark Milley met Mr. Smith in the U.S. capital on Monday.");
    sent(1, 62, 70, 62, 70, 13, 16, 0, "He left.");
    tok(0, 0, 4, 0, 4, "gen.", W | C | AB);
    tok(4, 21, 24, 21, 24, "mr.", W | C | AB | SP);
    tok(8, 38, 42, 38, 42, "u.s.", W | C | AB | SP);
    tok(12, 60, 61, 60, 61, ".", P);
    CU_ASSERT_EQUAL(g_doc.toks[13].sent, 1);
    CU_ASSERT_EQUAL(g_doc.toks[12].sent, 0);
}

static void test_glued_full_stop(void)
{
    seg("They discussed ties.The talks ended.");
    CU_ASSERT_EQUAL(g_doc.nsents, 2);
    sent(0, 0, 20, 0, 20, 0, 4, 0, "They discussed ties.");
    sent(1, 20, 36, 20, 36, 4, 8, 0, "The talks ended.");
    tok(3, 19, 20, 19, 20, ".", P);
    tok(4, 20, 23, 20, 23, "the", W | C);
}

static void test_crlf(void)
{
    seg("Paris talks\r\nThe ministers met.\r\nThey agreed.");
    CU_ASSERT_EQUAL(g_doc.nsents, 3);
    sent(0, 0, 11, 0, 11, 0, 2, 0, "Paris talks");
    sent(1, 13, 31, 13, 31, 2, 6, 1, "The ministers met.");
    sent(2, 33, 45, 33, 45, 6, 9, 2, "They agreed.");
    tok(2, 13, 16, 13, 16, "the", W | C | SP | NL);
}

static void test_blank_line(void)
{
    seg("The ministers met.\n\nThey agreed.");
    CU_ASSERT_EQUAL(g_doc.nsents, 2);
    sent(0, 0, 18, 0, 18, 0, 4, 0, "The ministers met.");
    sent(1, 20, 32, 20, 32, 4, 7, 1, "They agreed.");
    /* a blank line ends a sentence even without a full stop */
    seg("Talks in Rome:\n\n(ministers met.)");
    CU_ASSERT_EQUAL(g_doc.nsents, 2);
    sent(0, 0, 14, 0, 14, 0, 4, 0, "Talks in Rome:");
    sent(1, 16, 32, 16, 32, 4, 9, 1, "(ministers met.)");
}

static void test_headline(void)
{
    seg("Ministers meet in Rome\nThe ministers met on Monday.");
    CU_ASSERT_EQUAL(g_doc.nsents, 2);
    sent(0, 0, 22, 0, 22, 0, 4, 0, "Ministers meet in Rome");
    sent(1, 23, 51, 23, 51, 4, 10, 1, "The ministers met on Monday.");
    /* a line break before a lower-case word continues the sentence */
    seg("The ministers met\nin Rome on Monday.");
    CU_ASSERT_EQUAL(g_doc.nsents, 1);
    sent(0, 0, 36, 0, 36, 0, 8, 0, "The ministers met\nin Rome on Monday.");
}

static void test_closing_quotes(void)
{
    seg("\"We agree.\" The talks ended.");
    CU_ASSERT_EQUAL(g_doc.nsents, 2);
    sent(0, 0, 11, 0, 11, 0, 5, 0, "\"We agree.\"");
    sent(1, 12, 28, 12, 28, 5, 9, 0, "The talks ended.");
    seg("\xe2\x80\x9cWe agree.\xe2\x80\x9d The talks ended.");
    CU_ASSERT_EQUAL(g_doc.nsents, 2);
    sent(0, 0, 15, 0, 11, 0, 5, 0, "\xe2\x80\x9cWe agree.\xe2\x80\x9d");
    sent(1, 16, 32, 12, 28, 5, 9, 0, "The talks ended.");
    tok(4, 12, 15, 10, 11, "\"", P);
    /* a closing bracket after the full stop */
    seg("(They met.) Talks ended.");
    CU_ASSERT_EQUAL(g_doc.nsents, 2);
    sent(0, 0, 11, 0, 11, 0, 5, 0, "(They met.)");
}

static void test_non_ascii_before(void)
{
    /* 6 Greek letters: 12 bytes, 6 code points */
    seg("\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1: The ministers met. "
        "Talks ended.");
    CU_ASSERT_EQUAL(g_doc.nsents, 2);
    sent(0, 0, 32, 0, 26, 0, 6, 0,
         "\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1: The ministers met.");
    sent(1, 33, 45, 27, 39, 6, 9, 0, "Talks ended.");
    tok(0, 0, 12, 0, 6, "\xce\xb5\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1",
        W | C);
    tok(6, 33, 38, 27, 32, "talks", W | C | SP);
}

static void test_possessive(void)
{
    seg("China\xe2\x80\x99s envoy");
    CU_ASSERT_EQUAL(g_doc.ntoks, 3);
    tok(0, 0, 5, 0, 5, "china", W | C);
    tok(1, 5, 9, 5, 7, "'s", DG_TOK_POSS);
    tok(2, 10, 15, 8, 13, "envoy", W | SP);
    seg("Honduras\xe2\x80\x99 envoy");
    CU_ASSERT_EQUAL(g_doc.ntoks, 3);
    tok(1, 8, 11, 8, 9, "'", DG_TOK_POSS);
    seg("Kenya's and O'Brien's");
    CU_ASSERT_EQUAL(g_doc.ntoks, 5);
    tok(0, 0, 5, 0, 5, "kenya", W | C);
    tok(1, 5, 7, 5, 7, "'s", DG_TOK_POSS);
    tok(3, 12, 19, 12, 19, "o'brien", W | C | SP);
    tok(4, 19, 21, 19, 21, "'s", DG_TOK_POSS);
}

static void test_hyphens(void)
{
    seg("U.S.-China ties");
    CU_ASSERT_EQUAL(g_doc.ntoks, 4);
    tok(0, 0, 4, 0, 4, "u.s.", W | C | AB);
    tok(1, 4, 5, 4, 5, "-", P);
    tok(2, 5, 10, 5, 10, "china", W | C);
    tok(3, 11, 15, 11, 15, "ties", W | SP);
    seg("Jean-Yves Morel");
    CU_ASSERT_EQUAL(g_doc.ntoks, 4);
    tok(0, 0, 4, 0, 4, "jean", W | C);
    tok(1, 4, 5, 4, 5, "-", P);
    tok(2, 5, 9, 5, 9, "yves", W | C);
    tok(3, 10, 15, 10, 15, "morel", W | C | SP);
}

static void test_soft_hyphen(void)
{
    seg("Ger\xc2\xadmany agreed");
    CU_ASSERT_EQUAL(g_doc.ntoks, 2);
    tok(0, 0, 9, 0, 8, "germany", W | C);
    tok(1, 10, 16, 9, 15, "agreed", W | SP);
}

static void test_other_tokens(void)
{
    seg("NATO spent 1,000.5 and 3.5 on it, said Dr. Ruto");
    tok(0, 0, 4, 0, 4, "nato", W | C | AC);
    CU_ASSERT_EQUAL(g_doc.ntoks, 11);
    tok(2, 11, 18, 11, 18, "1,000.5", W | DG_TOK_NUM | SP);
    tok(4, 23, 26, 23, 26, "3.5", W | DG_TOK_NUM | SP);
    tok(7, 32, 33, 32, 33, ",", P);
    tok(9, 39, 42, 39, 42, "dr.", W | C | AB | SP);
    tok(10, 43, 47, 43, 47, "ruto", W | C | SP);
    CU_ASSERT_EQUAL(g_doc.nsents, 1);
    /* empty and blank text */
    seg("");
    CU_ASSERT_EQUAL(g_doc.ntoks, 0);
    CU_ASSERT_EQUAL(g_doc.nsents, 0);
    seg(" \n\t ");
    CU_ASSERT_EQUAL(g_doc.ntoks, 0);
    CU_ASSERT_EQUAL(g_doc.nsents, 0);
}

static void test_other_ends(void)
{
    /* old Mac line ends (CR alone) */
    seg("Talks ended\rThe ministers left.\rThey agreed.");
    CU_ASSERT_EQUAL(g_doc.nsents, 3);
    sent(0, 0, 11, 0, 11, 0, 2, 0, "Talks ended");
    sent(1, 12, 31, 12, 31, 2, 6, 1, "The ministers left.");
    sent(2, 32, 44, 32, 44, 6, 9, 2, "They agreed.");
    /* question and exclamation marks */
    seg("Did they agree? Yes! They did.");
    CU_ASSERT_EQUAL(g_doc.nsents, 3);
    sent(0, 0, 15, 0, 15, 0, 4, 0, "Did they agree?");
    sent(1, 16, 20, 16, 20, 4, 6, 0, "Yes!");
    sent(2, 21, 30, 21, 30, 6, 9, 0, "They did.");
    /* an ellipsis character (3 bytes, 1 code point) */
    seg("He paused\xe2\x80\xa6 Then he left.");
    CU_ASSERT_EQUAL(g_doc.nsents, 2);
    sent(0, 0, 12, 0, 10, 0, 3, 0, "He paused\xe2\x80\xa6");
    sent(1, 13, 26, 11, 24, 3, 7, 0, "Then he left.");
    /* bullet lines */
    seg("\xe2\x80\xa2 Kenya agreed.\n\xe2\x80\xa2 Greece agreed.");
    CU_ASSERT_EQUAL(g_doc.nsents, 2);
    sent(0, 0, 17, 0, 15, 0, 4, 0, "\xe2\x80\xa2 Kenya agreed.");
    sent(1, 18, 36, 16, 32, 4, 8, 1, "\xe2\x80\xa2 Greece agreed.");
    /* an emoji (4 bytes, 1 code point) after a full stop opens the next
     * sentence */
    seg("Talks ended. \xf0\x9f\x99\x82 They left.");
    CU_ASSERT_EQUAL(g_doc.nsents, 2);
    sent(0, 0, 12, 0, 12, 0, 3, 0, "Talks ended.");
    sent(1, 13, 28, 13, 25, 3, 7, 0, "\xf0\x9f\x99\x82 They left.");
}

static void test_abbrev_at_end(void)
{
    /* known limitation: a dotted abbreviation ending a sentence before a
     * capitalized word does not end the sentence (segment.c says so) */
    seg("They met in Washington, D.C. The talks ended.");
    CU_ASSERT_EQUAL(g_doc.nsents, 2);
    sent(0, 0, 28, 0, 28, 0, 6, 0, "They met in Washington, D.C.");
    sent(1, 29, 45, 29, 45, 6, 10, 0, "The talks ended.");
}


/* A title's abbreviation after a name word at the end of a line is a
 * name ending the sentence ("Hun Sen."), not "Sen." before a name; at
 * the start of a line, or after an abbreviation ("Lt. Gen."), it stays
 * one. */
static void test_title_abbrev_at_line_end(void)
{
    seg("They met Ana Sen.\nMr.\nLt. Gen.");
    CU_ASSERT_EQUAL(g_doc.ntoks, 8);
    tok(3, 13, 16, 13, 16, "sen", W | C | SP);
    tok(4, 16, 17, 16, 17, ".", P);
    tok(5, 18, 21, 18, 21, "mr.", W | C | AB | SP | NL);
    tok(6, 22, 25, 22, 25, "lt.", W | C | AB | SP | NL);
    tok(7, 26, 30, 26, 30, "gen.", W | C | AB | SP);
    CU_ASSERT_EQUAL(g_doc.nsents, 3);
}

static void test_tokenize_alone(void)
{
    dg_token *t = NULL;
    size_t n = 0;

    CU_ASSERT_EQUAL(dg_tokenize("D.C. talks", 10, &t, &n), DG_OK);
    CU_ASSERT_EQUAL_FATAL(n, 2);
    CU_ASSERT_STRING_EQUAL(t[0].norm, "d.c.");
    CU_ASSERT_EQUAL(t[0].e, 4);
    CU_ASSERT_EQUAL(t[0].sent, 0);
    CU_ASSERT_STRING_EQUAL(t[1].norm, "talks");
    dg_tokens_free(t, n);
    t = (dg_token *)1;
    CU_ASSERT_EQUAL(dg_tokenize("", 0, &t, &n), DG_OK);
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_PTR_NULL(t);
}

/* dg_word_in: a short list is scanned, a longer one (more than eight
 * words) is looked up in the hash set made on its first use; both give
 * exact matches only, and each list answers for its own words. */
static void test_word_lists(void)
{
    static const char *const short_list[] = {"also", "again", NULL};
    static const char *const long_list[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "today", "tonight", "yesterday", "monday",
        NULL
    };
    static const char *const other_long[] = {
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
        "hotel", "india", NULL
    };
    size_t k, round;

    CU_ASSERT_TRUE(dg_word_in(short_list, "also"));
    CU_ASSERT_TRUE(dg_word_in(short_list, "again"));
    CU_ASSERT_FALSE(dg_word_in(short_list, "als"));
    CU_ASSERT_FALSE(dg_word_in(short_list, "alsoo"));
    CU_ASSERT_FALSE(dg_word_in(short_list, ""));
    for (round = 0; round < 2; round++) { /* made, then found again */
        for (k = 0; long_list[k]; k++)
            CU_ASSERT_TRUE(dg_word_in(long_list, long_list[k]));
        CU_ASSERT_FALSE(dg_word_in(long_list, "mon"));
        CU_ASSERT_FALSE(dg_word_in(long_list, "mondays"));
        CU_ASSERT_FALSE(dg_word_in(long_list, "Monday"));
        CU_ASSERT_FALSE(dg_word_in(long_list, ""));
        CU_ASSERT_FALSE(dg_word_in(long_list, "alpha"));
        CU_ASSERT_TRUE(dg_word_in(other_long, "india"));
        CU_ASSERT_FALSE(dg_word_in(other_long, "friday"));
    }
}

/* dg_tok_is compares a token's folded form, whole. */
static void test_tok_is(void)
{
    dg_token *t = NULL;
    size_t n = 0;

    CU_ASSERT_EQUAL_FATAL(dg_tokenize("U.S. said,", 10, &t, &n), DG_OK);
    CU_ASSERT_EQUAL_FATAL(n, 3);
    CU_ASSERT_TRUE(dg_tok_is(&t[0], "u.s."));
    CU_ASSERT_FALSE(dg_tok_is(&t[0], "u.s"));
    CU_ASSERT_FALSE(dg_tok_is(&t[0], "u.s.a"));
    CU_ASSERT_TRUE(dg_tok_is(&t[1], "said"));
    CU_ASSERT_TRUE(dg_tok_is(&t[2], ","));
    CU_ASSERT_FALSE(dg_tok_is(&t[2], ""));
    dg_tokens_free(t, n);
}

int main(void)
{
    static const dg_test tests[] = {
        {"abbreviations mid-sentence", test_abbreviations},
        {"full stop glued to the next word", test_glued_full_stop},
        {"CRLF line ends", test_crlf},
        {"blank-line paragraph break", test_blank_line},
        {"headline without a full stop", test_headline},
        {"closing quotes after a full stop", test_closing_quotes},
        {"non-ASCII text before a sentence", test_non_ascii_before},
        {"possessives", test_possessive},
        {"hyphens split words", test_hyphens},
        {"soft hyphen inside a word", test_soft_hyphen},
        {"numbers, acronyms, commas", test_other_tokens},
        {"CR line ends, ? !, ellipsis, bullets", test_other_ends},
        {"dg_tokenize on its own", test_tokenize_alone},
        {"title abbreviation ending a line", test_title_abbrev_at_line_end},
        {"word lists, short and hashed", test_word_lists},
        {"dg_tok_is", test_tok_is},
        {NULL, NULL}
    };
    static const dg_test known_bugs[] = {
        {"dotted abbreviation ending a sentence", test_abbrev_at_end},
        {NULL, NULL}
    };
    const char *kb = getenv("DG_TEST_KNOWN_BUGS");
    int rc = dg_run_tests("segment", tests);

    if (kb && strcmp(kb, "1") == 0)
        rc |= dg_run_tests("segment (known bugs)", known_bugs);
    dg_doc_release(&g_doc);
    return rc;
}
