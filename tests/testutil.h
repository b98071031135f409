/*
 * testutil.h: the small harness every CUnit test binary shares.  A test
 * file defines an array of dg_test and calls dg_run_tests from main; the
 * exit status is non-zero when any assertion failed (CU_basic_run_tests
 * alone reports success even then).
 */
#ifndef DG_TESTUTIL_H
#define DG_TESTUTIL_H

#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdlib.h>

typedef struct {
    const char *name;
    void (*fn)(void);
} dg_test;

/* Runs tests[] (terminated by a {NULL, NULL} entry) as one suite.
 * Returns 0 when all passed, 1 otherwise. */
static inline int dg_run_tests(const char *suite_name, const dg_test *tests)
{
    CU_pSuite suite;
    unsigned failures;

    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    suite = CU_add_suite(suite_name, NULL, NULL);
    if (!suite)
        return 1;
    for (; tests->name; tests++)
        if (!CU_add_test(suite, tests->name, tests->fn))
            return 1;
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failures = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failures ? 1 : 0;
}

/* The top of the source tree (set by make check), for test data. */
static inline const char *dg_test_srcdir(void)
{
    const char *d = getenv("top_srcdir");
    return d ? d : ".";
}

#endif
