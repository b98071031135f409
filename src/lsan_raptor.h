/*
 * lsan_raptor.h: LeakSanitizer settings for a program that writes -f dot
 * (Raptor 2.0.15's dot serializer never frees its namespace stack).
 * Include it in exactly one file of each such program: it defines the
 * program's __lsan_default_* hooks.  Without --enable-sanitizers it is
 * empty.
 */
#ifndef DG_LSAN_RAPTOR_H
#define DG_LSAN_RAPTOR_H

#ifdef __SANITIZE_ADDRESS__
/* The leak is Raptor's; everything else stays checked. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:raptor_new_namespaces\n";
}
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}
#endif

#endif
