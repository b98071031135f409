/*
 * test_text.c: unit tests for text.c: UTF-8 validation with the exact
 * offset of the first bad sequence (overlong forms, surrogates, truncated
 * sequences, NUL bytes, code points above U+10FFFF, noncharacters, and
 * the name of each fault), code-point counting,
 * decoding, folding (case, diacritics, quotes, soft hyphen) and the
 * letter, case and space classes.
 */
#include "internal.h"
#include "testutil.h"

#include <string.h>

/* Runs dg_utf8_valid on s[0..len) and returns the bad byte, or
 * (size_t)-1 when valid. */
static size_t bad_at(const char *s, size_t len)
{
    size_t bad = 12345;

    if (dg_utf8_valid(s, len, &bad))
        return (size_t)-1;
    return bad;
}

/* Folds every code point of the NUL-terminated s into out. */
static const char *fold(const char *s, char *out, size_t cap)
{
    size_t i = 0, len = strlen(s), n = 0;

    while (i < len && n + 4 < cap)
        n += dg_fold_cp(dg_utf8_next(s, len, &i), out + n);
    out[n] = '\0';
    return out;
}

static void test_valid(void)
{
    const char *s = "Erdo\xc4\x9f" "an met Vu\xc4\x8di\xc4\x87 \xe2\x80\x94 "
                    "\xe4\xb8\xad \xf0\x9f\x98\x80 end";

    CU_ASSERT_EQUAL(bad_at(s, strlen(s)), (size_t)-1);
    CU_ASSERT_EQUAL(bad_at("", 0), (size_t)-1);
    /* the largest character and the last one before the surrogates */
    CU_ASSERT_EQUAL(bad_at("\xf4\x8f\xbf\xbd", 4), (size_t)-1);
    CU_ASSERT_EQUAL(bad_at("\xed\x9f\xbf", 3), (size_t)-1);
    /* the neighbours of the noncharacters: U+FDCF, U+FDF0, U+FFFD,
     * U+1FFFD, U+20000 */
    CU_ASSERT_EQUAL(bad_at("\xef\xb7\x8f\xef\xb7\xb0\xef\xbf\xbd", 9),
                    (size_t)-1);
    CU_ASSERT_EQUAL(bad_at("\xf0\x9f\xbf\xbd\xf0\xa0\x80\x80", 8),
                    (size_t)-1);
    /* faults inside and after runs of eight ASCII bytes, which text.c
     * checks a word at a time: a NUL, a lone lead byte, a byte of its
     * own at the last place */
    CU_ASSERT_EQUAL(bad_at("abcdefghijklm\0opqrst", 21), 13);
    CU_ASSERT_EQUAL(bad_at("abcdefgh\0", 9), 8);
    CU_ASSERT_EQUAL(bad_at("abcdefghijklmnopq\xc3", 18), 17);
    CU_ASSERT_EQUAL(bad_at("abcdefghijklmnop\xc3zz", 19), 16);
    CU_ASSERT_EQUAL(bad_at("abcdefghijklmnop\xc3\xa9z", 19), (size_t)-1);
    CU_ASSERT_EQUAL(bad_at("abcdefghijklmnopqrstuvwxyz\x80", 27), 26);
    /* NULL bad_byte pointer is allowed */
    CU_ASSERT_EQUAL(dg_utf8_valid("ab", 2, NULL), 1);
    CU_ASSERT_EQUAL(dg_utf8_valid("a\xc0", 2, NULL), 0);
}

static void test_overlong(void)
{
    CU_ASSERT_EQUAL(bad_at("\xc0\xaf", 2), 0);
    CU_ASSERT_EQUAL(bad_at("ab\xc0\xaf", 4), 2);
    CU_ASSERT_EQUAL(bad_at("abc\xc1\xbf", 5), 3);
    CU_ASSERT_EQUAL(bad_at("x\xe0\x80\xaf", 4), 1);     /* 3-byte '/' */
    CU_ASSERT_EQUAL(bad_at("xy\xf0\x80\x80\xaf", 6), 2); /* 4-byte '/' */
}

static void test_surrogate(void)
{
    CU_ASSERT_EQUAL(bad_at("\xed\xa0\x80", 3), 0);
    CU_ASSERT_EQUAL(bad_at("Kyiv \xed\xa0\x80 x", 10), 5);
    CU_ASSERT_EQUAL(bad_at("\xc3\xa9\xed\xbf\xbf", 5), 2); /* U+DFFF */
}

static void test_truncated(void)
{
    CU_ASSERT_EQUAL(bad_at("\xe2\x82", 2), 0);
    CU_ASSERT_EQUAL(bad_at("cost \xe2\x82", 7), 5);
    /* a continuation byte missing in the middle of the text */
    CU_ASSERT_EQUAL(bad_at("a\xe2\x82z", 4), 1);
    /* a lone continuation byte */
    CU_ASSERT_EQUAL(bad_at("ab\x80", 3), 2);
    /* the length, not a NUL, ends the text: "\xc3\xa9" cut after 1 byte */
    CU_ASSERT_EQUAL(bad_at("x\xc3\xa9", 2), 1);
}

static void test_nul(void)
{
    CU_ASSERT_EQUAL(bad_at("a\0b", 3), 1);
    CU_ASSERT_EQUAL(bad_at("\0", 1), 0);
    CU_ASSERT_EQUAL(bad_at("\xc3\xa9\0", 3), 2);
}

static void test_above_max(void)
{
    CU_ASSERT_EQUAL(bad_at("\xf4\x90\x80\x80", 4), 0);  /* U+110000 */
    CU_ASSERT_EQUAL(bad_at("ok \xf4\x90\x80\x80", 7), 3);
    CU_ASSERT_EQUAL(bad_at("ok \xf5\x80\x80\x80", 7), 3);  /* bad lead */
    CU_ASSERT_EQUAL(bad_at("\xff", 1), 0);
}

/* The 66 noncharacters are refused (Raptor cuts a term at U+FFFE and
 * U+FFFF); dg_utf8_fault names each fault. */
static void test_noncharacters(void)
{
    char buf[DG_UTF8_FAULT_MAX];
    uint32_t c;
    int n = 0;

    CU_ASSERT_EQUAL(bad_at("ab\xef\xbf\xbe", 5), 2);          /* U+FFFE */
    CU_ASSERT_EQUAL(bad_at("\xef\xbf\xbf", 3), 0);            /* U+FFFF */
    CU_ASSERT_EQUAL(bad_at("x\xef\xb7\x90", 4), 1);           /* U+FDD0 */
    CU_ASSERT_EQUAL(bad_at("x\xef\xb7\xaf", 4), 1);           /* U+FDEF */
    CU_ASSERT_EQUAL(bad_at("xy\xf0\x9f\xbf\xbe", 6), 2);     /* U+1FFFE */
    CU_ASSERT_EQUAL(bad_at("\xf4\x8f\xbf\xbf", 4), 0);       /* U+10FFFF */
    for (c = 0; c <= 0x10FFFF; c++)
        n += dg_cp_is_noncharacter(c);
    CU_ASSERT_EQUAL(n, 66);
    CU_ASSERT_STRING_EQUAL(dg_utf8_fault("ab\xef\xbf\xbe", 5, 2, buf),
                           "noncharacter U+FFFE");
    CU_ASSERT_STRING_EQUAL(dg_utf8_fault("\xf4\x8f\xbf\xbf", 4, 0, buf),
                           "noncharacter U+10FFFF");
    CU_ASSERT_STRING_EQUAL(dg_utf8_fault("a\0b", 3, 1, buf), "NUL byte");
    /* an overlong U+FFFE is an invalid sequence, not a noncharacter */
    CU_ASSERT_EQUAL(bad_at("\xf0\x8f\xbf\xbe", 4), 0);
    CU_ASSERT_STRING_EQUAL(dg_utf8_fault("\xf0\x8f\xbf\xbe", 4, 0, buf),
                           "invalid UTF-8 sequence");
    CU_ASSERT_STRING_EQUAL(dg_utf8_fault("\xef\xbf", 2, 0, buf),
                           "invalid UTF-8 sequence");
}

static void test_count_next(void)
{
    const char *s = "Erdo\xc4\x9f" "an \xe2\x80\x99 \xf0\x9f\x98\x80";
    size_t i = 4;

    CU_ASSERT_EQUAL(dg_utf8_count("", 0), 0);
    CU_ASSERT_EQUAL(dg_utf8_count("abc", 3), 3);
    CU_ASSERT_EQUAL(strlen(s), 17);
    CU_ASSERT_EQUAL(dg_utf8_count(s, strlen(s)), 11);
    CU_ASSERT_EQUAL(dg_utf8_count("Erdo\xc4\x9f" "an", 8), 7);
    CU_ASSERT_EQUAL(dg_utf8_next(s, strlen(s), &i), 0x11F);
    CU_ASSERT_EQUAL(i, 6);
    i = 9;
    CU_ASSERT_EQUAL(dg_utf8_next(s, strlen(s), &i), 0x2019);
    CU_ASSERT_EQUAL(i, 12);
    i = 13;
    CU_ASSERT_EQUAL(dg_utf8_next(s, strlen(s), &i), 0x1F600);
    CU_ASSERT_EQUAL(i, 17);
}

static void test_fold(void)
{
    char out[64], b[8];

    CU_ASSERT_STRING_EQUAL(fold("Erdo\xc4\x9f" "an", out, sizeof out),
                           "erdogan");
    CU_ASSERT_STRING_EQUAL(fold("Vu\xc4\x8di\xc4\x87", out, sizeof out),
                           "vucic");
    CU_ASSERT_STRING_EQUAL(fold("K\xc3\xa1\xc4\x8d" "er", out, sizeof out),
                           "kacer");
    CU_ASSERT_STRING_EQUAL(fold("Stra\xc3\x9f" "e", out, sizeof out),
                           "strasse");
    CU_ASSERT_STRING_EQUAL(fold("China\xe2\x80\x99s", out, sizeof out),
                           "china's");
    CU_ASSERT_STRING_EQUAL(fold("Ger\xc2\xadmany", out, sizeof out),
                           "germany");
    CU_ASSERT_STRING_EQUAL(fold("\xc5\x81" "\xc3\xb3" "d\xc5\xba", out,
                                sizeof out), "lodz");
    CU_ASSERT_STRING_EQUAL(fold("\xc8\x98" "tefan", out, sizeof out),
                           "stefan"); /* Romanian S with comma */
    CU_ASSERT_STRING_EQUAL(fold("\xc3\x86" "sir", out, sizeof out),
                           "aesir");
    CU_ASSERT_STRING_EQUAL(fold("\xe2\x80\x9cNo\xe2\x80\x9d", out, sizeof out),
                           "\"no\"");
    CU_ASSERT_STRING_EQUAL(fold("a\xe2\x80\x93" "b", out, sizeof out), "a-b");
    /* combining accent after a base letter vanishes */
    CU_ASSERT_STRING_EQUAL(fold("Jose\xcc\x81", out, sizeof out), "jose");
    /* Greek and Cyrillic: lower-cased only */
    CU_ASSERT_STRING_EQUAL(fold("\xce\xa9\xd0\x94\xd0\x81", out, sizeof out),
                           "\xcf\x89\xd0\xb4\xd1\x91");
    /* single code points: byte counts */
    CU_ASSERT_EQUAL(dg_fold_cp(0xDF, b), 2);
    CU_ASSERT_EQUAL(memcmp(b, "ss", 2), 0);
    CU_ASSERT_EQUAL(dg_fold_cp(0x2019, b), 1);
    CU_ASSERT_EQUAL(b[0], '\'');
    CU_ASSERT_EQUAL(dg_fold_cp(0xAD, b), 0);
    CU_ASSERT_EQUAL(dg_fold_cp(0x200B, b), 0);
    CU_ASSERT_EQUAL(dg_fold_cp('Q', b), 1);
    CU_ASSERT_EQUAL(b[0], 'q');
    CU_ASSERT_EQUAL(dg_fold_cp(0xD7, b), 2); /* '×' kept as is */
    CU_ASSERT_EQUAL(memcmp(b, "\xc3\x97", 2), 0);
    CU_ASSERT_EQUAL(dg_fold_cp(0x4E2D, b), 3); /* CJK kept */
    CU_ASSERT_EQUAL(memcmp(b, "\xe4\xb8\xad", 3), 0);
}

static void test_classes(void)
{
    CU_ASSERT_TRUE(dg_cp_is_upper('E'));
    CU_ASSERT_FALSE(dg_cp_is_upper('e'));
    CU_ASSERT_TRUE(dg_cp_is_lower('e'));
    CU_ASSERT_TRUE(dg_cp_is_upper(0x11E));  /* Ğ */
    CU_ASSERT_TRUE(dg_cp_is_lower(0x11F));  /* ğ */
    CU_ASSERT_TRUE(dg_cp_is_upper(0x10C));  /* Č */
    CU_ASSERT_TRUE(dg_cp_is_lower(0x10D));  /* č */
    CU_ASSERT_TRUE(dg_cp_is_upper(0x141));  /* Ł */
    CU_ASSERT_TRUE(dg_cp_is_lower(0x142));  /* ł */
    CU_ASSERT_TRUE(dg_cp_is_upper(0x17D));  /* Ž */
    CU_ASSERT_TRUE(dg_cp_is_lower(0x17E));  /* ž */
    CU_ASSERT_TRUE(dg_cp_is_upper(0x130));  /* İ */
    CU_ASSERT_TRUE(dg_cp_is_lower(0x131));  /* ı */
    CU_ASSERT_TRUE(dg_cp_is_lower(0xDF));   /* ß */
    CU_ASSERT_FALSE(dg_cp_is_upper(0xD7));  /* × */
    CU_ASSERT_FALSE(dg_cp_is_letter(0xD7));
    CU_ASSERT_FALSE(dg_cp_is_letter(0xF7)); /* ÷ */
    CU_ASSERT_TRUE(dg_cp_is_upper(0x3A9));  /* Ω */
    CU_ASSERT_TRUE(dg_cp_is_lower(0x3C9));  /* ω */
    CU_ASSERT_TRUE(dg_cp_is_upper(0x414));  /* Д */
    CU_ASSERT_TRUE(dg_cp_is_lower(0x434));  /* д */
    CU_ASSERT_TRUE(dg_cp_is_upper(0x218));  /* Ș */
    CU_ASSERT_TRUE(dg_cp_is_lower(0x219));  /* ș */
    /* letters without case */
    CU_ASSERT_TRUE(dg_cp_is_letter(0x4E2D));
    CU_ASSERT_FALSE(dg_cp_is_upper(0x4E2D));
    CU_ASSERT_FALSE(dg_cp_is_lower(0x4E2D));
    CU_ASSERT_TRUE(dg_cp_is_letter(0x627));  /* Arabic alef */
    CU_ASSERT_FALSE(dg_cp_is_letter('3'));
    CU_ASSERT_FALSE(dg_cp_is_letter('-'));
    CU_ASSERT_FALSE(dg_cp_is_letter(0x2019));
    /* spaces */
    CU_ASSERT_TRUE(dg_cp_is_space(' '));
    CU_ASSERT_TRUE(dg_cp_is_space('\t'));
    CU_ASSERT_TRUE(dg_cp_is_space('\r'));
    CU_ASSERT_TRUE(dg_cp_is_space(0xA0));
    CU_ASSERT_TRUE(dg_cp_is_space(0x2009));
    CU_ASSERT_TRUE(dg_cp_is_space(0x3000));
    CU_ASSERT_FALSE(dg_cp_is_space(0xAD));
    CU_ASSERT_FALSE(dg_cp_is_space('a'));
    CU_ASSERT_FALSE(dg_cp_is_space(0x200B));
}

int main(void)
{
    static const dg_test tests[] = {
        {"valid text", test_valid},
        {"overlong forms", test_overlong},
        {"lone surrogates", test_surrogate},
        {"truncated sequences", test_truncated},
        {"NUL bytes", test_nul},
        {"code points above U+10FFFF", test_above_max},
        {"noncharacters", test_noncharacters},
        {"dg_utf8_count and dg_utf8_next", test_count_next},
        {"dg_fold_cp", test_fold},
        {"letter, case and space classes", test_classes},
        {NULL, NULL}
    };
    return dg_run_tests("text", tests);
}
