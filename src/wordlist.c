/*
 * wordlist.c: is a word in one of the rule modules' word lists?
 *
 * The lists are the NULL-terminated static arrays of the stages ("also",
 * "again", "today", ...), and the stages ask about them for nearly every
 * token: some 1,300 questions an article on the bench corpus, most about
 * lists of 20 to 80 words, and most answered "no" after the whole list.
 * So a list longer than SHORT_LIST words gets, on its first use, a hash
 * set of its words, found again by the list's address; shorter lists are
 * scanned.  The sets are built once per process, under a lock, published
 * with an atomic store and then only read, by every thread; they live as
 * long as the process, as the lists do.
 */
#include "internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

#define SHORT_LIST 8    /* words: a list this short is scanned */
#define MAX_LISTS 1024  /* lists with a set (a power of two) */

typedef struct {
    const char *const *list;  /* the list it is the set of */
    size_t mask;              /* slots - 1; 0: a short list, scanned */
    const char *slot[];       /* its words, open addressing; NULL: free */
} word_set;

static _Atomic(word_set *) sets[MAX_LISTS];
static pthread_mutex_t sets_lock = PTHREAD_MUTEX_INITIALIZER;

/* FNV-1a over the bytes of w: words are short, the loop is inline. */
static size_t word_hash(const char *w)
{
    uint64_t h = 0xcbf29ce484222325u;

    for (; *w; w++)
        h = (h ^ (unsigned char)*w) * 0x100000001b3u;
    return (size_t)(h ^ (h >> 29));
}

static size_t list_index(const char *const *list)
{
    uint64_t h = (uint64_t)(uintptr_t)list * 0x9e3779b97f4a7c15u;

    return (size_t)(h >> 40) & (MAX_LISTS - 1);
}

static int scan(const char *const *list, const char *w)
{
    for (; *list; list++)
        if (**list == *w && dg_same_word(*list, w))
            return 1;
    return 0;
}

/* A new set of list (NULL: no memory). */
static word_set *build(const char *const *list)
{
    size_t n = 0, slots = 1, k;
    word_set *set;

    while (list[n])
        n++;
    if (n > SHORT_LIST)
        while (slots < 2 * n)
            slots *= 2;
    set = calloc(1, sizeof *set + (n > SHORT_LIST ? slots : 0) *
                                      sizeof set->slot[0]);
    if (!set)
        return NULL;
    set->list = list;
    set->mask = n > SHORT_LIST ? slots - 1 : 0;
    for (k = 0; set->mask && k < n; k++) {
        size_t h = word_hash(list[k]) & set->mask;
        while (set->slot[h] && !dg_same_word(set->slot[h], list[k]))
            h = (h + 1) & set->mask;
        set->slot[h] = list[k];
    }
    return set;
}

/* The set of list, built on its first use; NULL when it cannot be
 * (no memory, or MAX_LISTS sets made): the list is scanned then. */
static const word_set *set_of(const char *const *list)
{
    size_t i = list_index(list), probes;
    word_set *set;

    for (probes = 0; probes < MAX_LISTS; probes++) {
        set = atomic_load_explicit(&sets[i], memory_order_acquire);
        if (!set)
            break;
        if (set->list == list)
            return set;
        i = (i + 1) & (MAX_LISTS - 1);
    }
    if (probes == MAX_LISTS)
        return NULL;
    pthread_mutex_lock(&sets_lock);
    /* another thread may have made it, or taken slot i, meanwhile */
    while ((set = atomic_load_explicit(&sets[i], memory_order_relaxed)) &&
           set->list != list && ++probes < MAX_LISTS)
        i = (i + 1) & (MAX_LISTS - 1);
    if (!set && probes < MAX_LISTS && (set = build(list)))
        atomic_store_explicit(&sets[i], set, memory_order_release);
    pthread_mutex_unlock(&sets_lock);
    return set && set->list == list ? set : NULL;
}

int dg_word_in(const char *const *list, const char *w)
{
    const word_set *set = set_of(list);
    size_t h;

    if (!set || set->mask == 0)
        return scan(list, w);
    for (h = word_hash(w) & set->mask; set->slot[h];
         h = (h + 1) & set->mask)
        if (set->slot[h][0] == w[0] && dg_same_word(set->slot[h], w))
            return 1;
    return 0;
}
