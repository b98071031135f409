/*
 * lsan_raptor.h: LeakSanitizer settings for a program that writes -f dot
 * (Raptor 2.0.15's dot serializer never frees its namespace stack).
 * Include it in exactly one file of each such program: it defines the
 * program's __lsan_default_* hooks.  A program with leaks of other
 * libraries to ignore defines DG_LSAN_MORE (more "leak:PATTERN\n" lines)
 * before including it, and DG_ASAN_OPTIONS for __asan_default_options.
 * Without AddressSanitizer (--enable-sanitizers, make fuzz) it is empty.
 */
#ifndef DG_LSAN_RAPTOR_H
#define DG_LSAN_RAPTOR_H

/* GCC says __SANITIZE_ADDRESS__, clang __has_feature(address_sanitizer). */
#if defined(__SANITIZE_ADDRESS__)
#define DG_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DG_ASAN 1
#endif
#endif

#ifdef DG_ASAN
#ifndef DG_LSAN_MORE
#define DG_LSAN_MORE ""
#endif
/* The leak is Raptor's; everything else stays checked. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:raptor_new_namespaces\n" DG_LSAN_MORE;
}
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}
#ifdef DG_ASAN_OPTIONS
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return DG_ASAN_OPTIONS;
}
#endif
#endif

#endif
