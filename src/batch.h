/*
 * batch.h: the diplograph command's corpus machinery (program side, not
 * the library): input.c reads articles from files, directories, standard
 * input and JSON Lines; batch.c extracts and serializes them with a pool
 * of worker threads and writes them in input order with bounded memory.
 * Both print their diagnostics ("diplograph: WHERE: MESSAGE").
 */
#ifndef DIPLOGRAPH_BATCH_H
#define DIPLOGRAPH_BATCH_H

#include "internal.h"

#include <stdio.h>
#include <sys/stat.h>

/* One article read from the input; every string is owned (malloc'd). */
typedef struct {
    char *name;     /* for dg_article.name: the path, "standard input", or
                       "FILE:LINE", control characters escaped */
    char *where;    /* for messages: the same */
    char *text;
    size_t len;     /* bytes in text */
    char *date, *source, *title;   /* JSON Lines fields, or NULL */
    size_t in_bytes;  /* input bytes this article used (progress) */
} batch_article;

void batch_article_clear(batch_article *a);

typedef struct input_iter input_iter;

/* Opens the input: `paths` (borrowed; "-" is standard input, a directory
 * is read recursively for *.txt, or *.jsonl with `jsonl`, in byte order
 * of names, each directory once).  `out` (may be NULL) is the output
 * file, named `out_name` in messages: it is never read (README:
 * Usage).  *total receives the bytes of the input when all are regular
 * files, else 0.  Returns NULL, after a message, when out of memory or
 * when one of `paths` is the output file. */
input_iter *input_open(char **paths, size_t n, int jsonl,
                       const char *out_name, const struct stat *out,
                       size_t *total);

/* Reads the next article into *a (cleared first).  Returns 1 for an
 * article, 0 at the end, -1 for a bad file or record (printed;
 * `input_next` may be called again to go on with the next one), -2 when
 * the output file was found among the inputs of a directory (printed):
 * the run must stop, even with --keep-going, so that the output never
 * replaces an input. */
int input_next(input_iter *it, batch_article *a);
void input_close(input_iter *it);
/* Writes s to f with each control character (below U+0020, and DEL) as
 * \xNN: a file name or a field of the input then cannot move the
 * terminal's cursor, set its title or fake a line of its own.  Every
 * message about the input goes through it. */
void batch_put_escaped(FILE *f, const char *s);

/* Prints one message in the program's form to f:
 * "diplograph: WHERE: MESSAGE", "warning: " before MESSAGE when st is
 * DG_OK, and without "WHERE: " when where is NULL; WHERE and MESSAGE
 * with their control characters escaped (batch_put_escaped). */
void batch_diag_print(FILE *f, const char *where, dg_status st,
                      const char *message);

/* From now on, keeps the messages about bad files and records (which
 * input_next prints to standard error by default) for input_messages,
 * so that a caller can print them in input order. */
void input_hold_messages(input_iter *it);
/* The messages kept since the last call, as lines ready to print
 * (malloc'd, NUL-terminated, *len bytes; the caller frees), or NULL
 * when there are none. */
char *input_messages(input_iter *it, size_t *len);

typedef struct {
    const char *format, *base;
    const char *date, *source, *title;  /* defaults for every article */
    const char *out_name;        /* the output file, which no input may */
    const struct stat *out;      /* be (input_open); NULL: none */
    const dg_lexicon *lex;
    int jobs;        /* worker threads; 1: none */
    int jsonl, keep_going, quiet, verbose, progress;
} batch_opts;

typedef struct {
    size_t articles, failed, triples, bytes;
    double seconds;
} batch_stats;

/* Reads every article of `paths`, extracts it and writes the document
 * in o->format to fh (borrowed; flushed and checked, not closed), each
 * article's block in input order.  `where` names fh in messages.
 * Returns 0, or -1 after printing why (a bad article or record without
 * keep_going, a write error, no memory). */
int batch_run(const batch_opts *o, char **paths, size_t npaths, FILE *fh,
              const char *where, batch_stats *st);

#endif /* DIPLOGRAPH_BATCH_H */
