/*
 * fuzz_jsonl.c: libFuzzer harness for the command's readers (src/input.c):
 * the line reader and the JSON Lines records (jansson), and the whole-file
 * text reader.  The input is a file's bytes, read through input_open and
 * input_next as the command reads a FILE, once as JSON Lines and once as
 * one text article.  Checks, aborting on a violation:
 *   - every record comes with its "FILE:LINE" name, line numbers rising;
 *   - no text is shortened: it is as long as its length says (no NUL
 *     inside); a "url" is an absolute IRI;
 *   - an article the extractor accepts has its title and source in its
 *     graph unchanged (fuzz_extract.c checks the rest of the graph);
 *   - a text article is the file's bytes exactly.
 * Built with a small line cap (INPUT_MAX_LINE, set by Makefile.am) so that
 * inputs reach it.  Built by `make fuzz`; tests/fuzz/replay.c replays
 * tests/fuzz/regress-jsonl/ in `make check`.
 */
#define _GNU_SOURCE 1   /* memfd_create */
#include "batch.h"
#include "paths.h"   /* DG_BUILD_SRCDIR */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dg_lexicon *g_lex;
static int g_fd = -1;
static char g_path[64];

static void setup(void)
{
    const char *dir = getenv("DIPLOGRAPH_DATADIR");

    if (!dir || !*dir)
        dir = DG_BUILD_SRCDIR "/data";
    if (dg_lexicon_load(dir, &g_lex, NULL, NULL) != DG_OK) {
        fprintf(stderr, "fuzz_jsonl: cannot load lexicon %s\n", dir);
        abort();
    }
    g_fd = memfd_create("fuzz_jsonl", 0);
    if (g_fd < 0)
        abort();
    snprintf(g_path, sizeof g_path, "/proc/self/fd/%d", g_fd);
}

/* Does g hold (s, p, value) with value an IRI (iri) or a literal? */
static int holds(const dg_graph *g, const char *p, const char *value,
                 int iri)
{
    size_t i, n = dg_graph_size(g);

    for (i = 0; i < n; i++) {
        const dg_triple *t = dg_graph_triple(g, i);

        if (strcmp(t->p.value, p) == 0 &&
            t->o.kind == (iri ? DG_TERM_IRI : DG_TERM_LITERAL) &&
            strcmp(t->o.value, value) == 0)
            return 1;
    }
    return 0;
}

/* Extracts a short record's article: what it accepts keeps its title
 * and source whole. */
static void check_extract(const batch_article *a)
{
    dg_article art = {a->name, a->text, a->len, a->date, a->source,
                      a->title};
    dg_graph *g;

    if (a->len > 256 || !(g = dg_graph_new()))
        return;   /* the extractor has a harness of its own */
    if (dg_extract(g_lex, NULL, &art, g, NULL, NULL, NULL) == DG_OK &&
        ((a->title && !holds(g, "http://purl.org/dc/terms/title", a->title,
                             0)) ||
         (a->source && !holds(g, "http://purl.org/dc/terms/source",
                              a->source, 1))))
        abort();
    dg_graph_free(g);
}

/* Reads the file as JSON Lines and checks every record. */
static void read_jsonl(void)
{
    char *paths[] = {g_path}, want[96], *msgs;
    size_t total, msglen, line, last = 0;
    batch_article a = {0};
    input_iter *it = input_open(paths, 1, 1, NULL, NULL, &total);
    int rc;

    if (!it)
        abort();
    input_hold_messages(it);
    while ((rc = input_next(it, &a)) != 0) {
        if (rc > 0) {
            if (!a.name || !a.where || !a.text ||
                sscanf(a.name + strlen(g_path), ":%zu", &line) != 1 ||
                line <= last)
                abort();
            snprintf(want, sizeof want, "%s:%zu", g_path, line);
            if (strcmp(a.name, want) != 0 || strcmp(a.where, want) != 0 ||
                strlen(a.text) != a.len)
                abort();
            if (a.source && !dg_iri_valid(a.source))
                abort();
            check_extract(&a);
            last = line;
        }
        free(input_messages(it, &msglen));
    }
    if ((msgs = input_messages(it, &msglen)) != NULL)
        free(msgs);
    batch_article_clear(&a);
    input_close(it);
}

/* Reads the file as one text article: its bytes, all of them. */
static void read_text(const uint8_t *data, size_t size)
{
    char *paths[] = {g_path};
    size_t total, msglen;
    batch_article a = {0};
    input_iter *it = input_open(paths, 1, 0, NULL, NULL, &total);

    if (!it)
        abort();
    input_hold_messages(it);
    if (input_next(it, &a) != 1 || a.len != size ||
        (size && memcmp(a.text, data, size) != 0) ||
        input_next(it, &a) != 0)
        abort();
    free(input_messages(it, &msglen));
    batch_article_clear(&a);
    input_close(it);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (g_fd < 0)
        setup();
    if (ftruncate(g_fd, 0) != 0 ||
        (size && pwrite(g_fd, data, size, 0) != (ssize_t)size))
        abort();
    read_jsonl();
    read_text(data, size);
    return 0;
}
