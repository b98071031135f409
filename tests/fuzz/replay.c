/*
 * replay.c: runs a libFuzzer harness (fuzz_extract.c or fuzz_escape.c,
 * linked in) over every file of its regression directory without
 * libFuzzer, so `make check` replays the seeds and every crash that
 * fuzzing ever found (tests/fuzz/regress-NAME/) with gcc, under
 * --enable-sanitizers and under valgrind.  FUZZ_REGRESS_DIR names the
 * directory.  A harness aborts on a failed check; this program prints
 * each file before running it, so the log names the culprit.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads file `path` into a malloc'd buffer; 0 on success. */
static int slurp(const char *path, uint8_t **buf, size_t *len)
{
    FILE *fh = fopen(path, "rb");
    long n;
    int rc = -1;

    *buf = NULL;
    if (!fh)
        return -1;
    if (fseek(fh, 0, SEEK_END) != 0 || (n = ftell(fh)) < 0 ||
        fseek(fh, 0, SEEK_SET) != 0)
        goto out;
    *buf = malloc((size_t)n + 1);
    if (!*buf || fread(*buf, 1, (size_t)n, fh) != (size_t)n)
        goto out;
    *len = (size_t)n;
    rc = 0;
out:
    fclose(fh);
    return rc;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

int main(void)
{
    struct dirent **names;
    char path[4096];
    int i, n, rc = 0, runs = 0;
    uint8_t *buf;
    size_t len;

    n = scandir(FUZZ_REGRESS_DIR, &names, NULL, by_name);
    if (n < 0) {
        perror(FUZZ_REGRESS_DIR);
        return 1;
    }
    for (i = 0; i < n; i++) {
        if (names[i]->d_name[0] != '.') {
            snprintf(path, sizeof path, "%s/%s", FUZZ_REGRESS_DIR,
                     names[i]->d_name);
            printf("replay %s\n", names[i]->d_name);
            fflush(stdout);
            if (slurp(path, &buf, &len) != 0) {
                printf("FAIL: cannot read %s\n", path);
                rc = 1;
            } else {
                LLVMFuzzerTestOneInput(buf, len);
                runs++;
            }
            free(buf);
        }
        free(names[i]);
    }
    free(names);
    printf("%d inputs replayed\n", runs);
    return runs > 0 ? rc : 1;
}
