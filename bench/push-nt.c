/*
 * push-nt.c: the benchmark driver of bench/push-1m.  It reads an
 * N-Triples file (one triple a line) and pushes it with diplograph's
 * uploader into one named graph: the first batch replaces the graph, the
 * others add.  Prints the wall time in seconds and the triples stored.
 *
 * Usage: push-nt URL GRAPH FILE BATCH [gsp|update]
 * (user dba, password from $DIPLOGRAPH_PASSWORD)
 */
#include "diplograph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void on_diag(void *ctx, dg_status st, const char *where, const char *msg)
{
    (void)ctx;
    (void)where;
    fprintf(stderr, "push-nt: %s%s\n", st == DG_OK ? "warning: " : "", msg);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
        fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) &&
        fread(buf, 1, (size_t)n, f) == (size_t)n) {
        buf[n] = '\0';
        *len = (size_t)n;
    } else {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    dg_push_options o = {0};
    dg_uploader *up = NULL;
    struct timespec t0, t1;
    size_t len = 0, from = 0, batch;
    char *body;
    int first = 1;
    dg_status st = DG_OK;

    if (argc < 5) {
        fprintf(stderr, "usage: push-nt URL GRAPH FILE BATCH [gsp|update]\n");
        return 2;
    }
    body = slurp(argv[3], &len);
    batch = strtoul(argv[4], NULL, 10);
    if (!body || batch == 0)
        return 2;
    o.url = argv[1];
    o.protocol = argc > 5 && strcmp(argv[5], "update") == 0 ? DG_PUSH_UPDATE : DG_PUSH_GSP;
    o.user = "dba";
    o.password = getenv("DIPLOGRAPH_PASSWORD");
    o.timeout_s = 600;
    if (dg_uploader_new(&o, &up, on_diag, NULL) != DG_OK)
        return 2;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    while (from < len && st == DG_OK) {
        size_t to = from, lines = 0;
        while (to < len && lines < batch) {
            char *nl = memchr(body + to, '\n', len - to);
            to = nl ? (size_t)(nl - body) + 1 : len;
            lines++;
        }
        st = dg_uploader_send(up, argv[2], body + from, to - from, lines, first);
        first = 0;
        from = to;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%.2f %zu\n", (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
           dg_uploader_stored(up));
    dg_uploader_free(up);
    free(body);
    return st == DG_OK ? 0 : 1;
}
