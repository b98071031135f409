/*
 * input.c: where the diplograph command's articles come from.  Inputs
 * are files (one article each), "-" (standard input), directories (read
 * recursively, entries in byte order of their names so that runs are
 * deterministic; *.txt, or *.jsonl for JSON Lines) and, with
 * --input-format jsonl, JSON Lines files: one article per line, an
 * object with "id" and "text" (strings, required) and "url", "title",
 * "date" (strings or null, optional).  Lines are parsed with jansson.
 * Only one directory listing per level of depth is held, so memory does
 * not grow with the number of files (only with that of directories: each
 * is entered once, by device and inode, so that symbolic links that loop
 * or lead to a directory read already add nothing).  The output file is
 * never read as an input.  The program's message form (batch_diag_print,
 * control characters escaped) is here too, since every message about the
 * input takes it.
 */
#include "config.h"
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROG "diplograph"
#define STDIN_NAME "standard input"
/* Longest JSON Lines record, in bytes without its line end (README:
 * Limits): ten times the article limit, room for an article written
 * with JSON escapes (\u00XX is six bytes for one) and its metadata.
 * The fuzz harness (tests/fuzz/fuzz_jsonl.c) builds with a small
 * INPUT_MAX_LINE, so that its inputs reach the cap. */
#ifndef INPUT_MAX_LINE
#define INPUT_MAX_LINE (10 * DG_MAX_ARTICLE_BYTES)
#endif
#define MAX_LINE ((size_t)(INPUT_MAX_LINE))
/* read_line's answers besides a length. */
#define LINE_END ((size_t)-1)       /* the end of the file */
#define LINE_TOO_LONG ((size_t)-2)  /* longer than MAX_LINE */
#define LINE_NOMEM ((size_t)-3)

/* The directories entered: a set of (device, inode), open addressing. */
typedef struct {
    dev_t dev;
    ino_t ino;
    int used;
} dir_id;

/* One directory being walked: its sorted entry names. */
typedef struct dir_level {
    char *path;
    char **names;
    size_t n, next;
    struct dir_level *up;
} dir_level;

struct input_iter {
    char **paths;
    size_t npaths, next;
    int jsonl;
    dir_level *dir;      /* innermost directory being walked */
    FILE *fh;            /* open JSON Lines file, or NULL */
    char *fname;         /* its name for messages */
    size_t line;
    char *buf;           /* line buffer */
    size_t cap;
    dir_id *seen;        /* directories entered; cap_seen slots (2^k) */
    size_t nseen, cap_seen;
    const char *out_name;  /* the output, never read, or NULL */
    struct stat out;
    int hold;            /* keep messages for input_messages */
    FILE *msg;           /* kept messages, or NULL */
    char *msgbuf;
    size_t msglen;
};

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);

    if (p)
        memcpy(p, s, n);
    return p;
}

void batch_put_escaped(FILE *f, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (c < 0x20 || c == 0x7F)
            fprintf(f, "\\x%02x", c);
        else
            putc(c, f);
    }
}

void batch_diag_print(FILE *f, const char *where, dg_status st,
                      const char *message)
{
    fprintf(f, "%s: ", PROG);
    if (where) {
        batch_put_escaped(f, where);
        fputs(": ", f);
    }
    fputs(st == DG_OK ? "warning: " : "", f);
    batch_put_escaped(f, message);
    putc('\n', f);
}

/* s as batch_put_escaped writes it (malloc'd), or NULL (no memory). */
static char *escaped(const char *s)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);

    if (!f)
        return NULL;
    batch_put_escaped(f, s);
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* A message about the input, "diplograph: WHERE: MESSAGE" (where may be
 * NULL) as one line with its control characters escaped: to standard
 * error, or kept for input_messages (it NULL: standard error). */
static void say(input_iter *it, const char *where, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void say(input_iter *it, const char *where, const char *fmt, ...)
{
    FILE *f = stderr;
    char *msg;
    va_list ap;

    if (it && it->hold && (it->msg || (it->msg = open_memstream(
                               &it->msgbuf, &it->msglen)) != NULL))
        f = it->msg;
    va_start(ap, fmt);
    msg = dg_vstrdupf(fmt, ap);
    va_end(ap);
    batch_diag_print(f, where, DG_ERR_SYNTAX,
                     msg ? msg : dg_strerror(DG_ERR_NOMEM));
    free(msg);
}

static void nomem(input_iter *it)
{
    say(it, NULL, "%s", dg_strerror(DG_ERR_NOMEM));
}

void input_hold_messages(input_iter *it)
{
    it->hold = 1;
}

char *input_messages(input_iter *it, size_t *len)
{
    char *m;

    if (!it->msg)
        return NULL;
    fclose(it->msg);
    it->msg = NULL;
    m = it->msgbuf;
    *len = it->msglen;
    it->msgbuf = NULL;
    it->msglen = 0;
    return m;
}

/* Releases what a holds and zeroes it. */
void batch_article_clear(batch_article *a)
{
    free(a->name);
    free(a->where);
    free(a->text);
    free(a->date);
    free(a->source);
    free(a->title);
    memset(a, 0, sizeof *a);
}

/* Is sb the output file? */
static int is_output(const input_iter *it, const struct stat *sb)
{
    return it->out_name && sb->st_dev == it->out.st_dev &&
           sb->st_ino == it->out.st_ino;
}

/* Says that input `path` is the output file. */
static void say_is_output(input_iter *it, const char *path)
{
    say(it, path, "this input is also the output (%s)", it->out_name);
}

input_iter *input_open(char **paths, size_t n, int jsonl,
                       const char *out_name, const struct stat *out,
                       size_t *total)
{
    input_iter *it = calloc(1, sizeof *it);
    struct stat sb;
    size_t i;
    int all_regular = 1;

    if (!it) {
        nomem(it);
        return NULL;
    }
    it->paths = paths;
    it->npaths = n;
    it->jsonl = jsonl;
    if (out_name && out) {
        it->out_name = out_name;
        it->out = *out;
    }
    *total = 0;
    for (i = 0; i < n; i++) {
        int is_stdin = strcmp(paths[i], "-") == 0;

        if ((is_stdin ? fstat(STDIN_FILENO, &sb) : stat(paths[i], &sb)) != 0) {
            all_regular = 0;
            continue;
        }
        if (S_ISREG(sb.st_mode) && is_output(it, &sb)) {
            say_is_output(it, is_stdin ? STDIN_NAME : paths[i]);
            free(it);
            return NULL;
        }
        if (is_stdin || !S_ISREG(sb.st_mode))
            all_regular = 0;
        *total += (size_t)sb.st_size;
    }
    if (!all_regular)
        *total = 0;
    return it;
}

static void dir_pop(input_iter *it)
{
    dir_level *d = it->dir;
    size_t i;

    it->dir = d->up;
    for (i = 0; i < d->n; i++)
        free(d->names[i]);
    free(d->names);
    free(d->path);
    free(d);
}

void input_close(input_iter *it)
{
    if (!it)
        return;
    while (it->dir)
        dir_pop(it);
    if (it->fh && it->fh != stdin)
        fclose(it->fh);
    if (it->msg)
        fclose(it->msg);
    free(it->msgbuf);
    free(it->fname);
    free(it->buf);
    free(it->seen);
    free(it);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists directory `path` (sorted) as the new innermost level. */
static int dir_push(input_iter *it, const char *path)
{
    DIR *dh = opendir(path);
    dir_level *d = NULL;
    struct dirent *e;
    char **q;
    size_t cap = 0;

    if (!dh) {
        say(it, path, "%s", strerror(errno));
        return -1;
    }
    if (!(d = calloc(1, sizeof *d)) || !(d->path = xstrdup(path)))
        goto nomem;
    while ((e = readdir(dh)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (d->n == cap) {
            cap = cap ? cap * 2 : 64;
            if (!(q = realloc(d->names, cap * sizeof *q)))
                goto nomem;
            d->names = q;
        }
        if (!(d->names[d->n] = xstrdup(e->d_name)))
            goto nomem;
        d->n++;
    }
    closedir(dh);
    if (d->n > 1) /* qsort's pointer must not be NULL, even for 0 items */
        qsort(d->names, d->n, sizeof *d->names, cmp_names);
    d->up = it->dir;
    it->dir = d;
    return 0;
nomem:
    closedir(dh);
    if (d) {
        d->up = it->dir;
        it->dir = d;
        dir_pop(it);
    }
    nomem(it);
    return -1;
}

static int has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);

    return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Marks directory sb as entered: 1 when it was not yet, 0 when it was
 * (a symbolic link loop, or a second way to it), -1 out of memory. */
static int dir_enter(input_iter *it, const struct stat *sb)
{
    size_t i, mask;

    if (2 * (it->nseen + 1) > it->cap_seen) {   /* at most half full */
        size_t cap = it->cap_seen ? 2 * it->cap_seen : 64;
        dir_id *old = it->seen, *t = calloc(cap, sizeof *t);

        if (!t)
            return -1;
        for (i = 0; i < it->cap_seen; i++) {
            size_t j = ((size_t)old[i].ino * 31 + (size_t)old[i].dev) &
                       (cap - 1);

            if (!old[i].used)
                continue;
            while (t[j].used)
                j = (j + 1) & (cap - 1);
            t[j] = old[i];
        }
        free(old);
        it->seen = t;
        it->cap_seen = cap;
    }
    mask = it->cap_seen - 1;
    for (i = ((size_t)sb->st_ino * 31 + (size_t)sb->st_dev) & mask;
         it->seen[i].used; i = (i + 1) & mask)
        if (it->seen[i].dev == sb->st_dev && it->seen[i].ino == sb->st_ino)
            return 0;
    it->seen[i].dev = sb->st_dev;
    it->seen[i].ino = sb->st_ino;
    it->seen[i].used = 1;
    it->nseen++;
    return 1;
}

/* The next name to look at (malloc'd): from the innermost directory
 * being walked (*walked set), else from the argument list; NULL at the
 * end, or with *err set when out of memory. */
static char *next_name(input_iter *it, int *walked, int *err)
{
    dir_level *d;
    size_t n;
    char *p;

    while ((d = it->dir) != NULL && d->next == d->n)
        dir_pop(it);
    *walked = d != NULL;
    if (!d) {
        if (it->next == it->npaths)
            return NULL;
        p = xstrdup(it->paths[it->next++]);
    } else {
        n = strlen(d->path) + strlen(d->names[d->next]) + 2;
        if ((p = malloc(n)) != NULL)
            snprintf(p, n, "%s%s%s", d->path,
                     d->path[strlen(d->path) - 1] == '/' ? "" : "/",
                     d->names[d->next]); /* "corpus/" names "corpus/a.txt" */
        d->next++;
    }
    if (!p) {
        nomem(it);
        *err = 1;
    }
    return p;
}

/* The next path to read (malloc'd) from the directory walk or the
 * argument list; NULL at the end, or with *err set after a message (a
 * directory that cannot be read, a file of the walk that cannot be
 * found, such as a dangling symbolic link; *err 2: the output file was
 * found among the inputs).  Named paths are returned as they are (read_*
 * reports a missing one); in a directory, only regular files with the
 * input's suffix are (special files are skipped). */
static char *next_path(input_iter *it, int *err)
{
    const char *suffix = it->jsonl ? ".jsonl" : ".txt";
    struct stat sb;
    int walked;
    char *p;

    *err = 0;
    while ((p = next_name(it, &walked, err)) != NULL) {
        int rc = 0;

        if (!walked && strcmp(p, "-") == 0)
            return p;
        if (stat(p, &sb) != 0) {
            if (!walked)
                return p;
            if (has_suffix(p, suffix)) {
                say(it, p, "%s", strerror(errno));
                *err = 1;
            }
        } else if (S_ISDIR(sb.st_mode)) {
            if ((rc = dir_enter(it, &sb)) < 0)
                nomem(it);
            if (rc < 0 || (rc > 0 && dir_push(it, p) != 0))
                *err = 1;
        } else if (!walked) {
            return p;
        } else if (S_ISREG(sb.st_mode) && has_suffix(p, suffix)) {
            if (!is_output(it, &sb))
                return p;
            say_is_output(it, p);
            *err = 2;
        }
        free(p);
        if (*err)
            return NULL;
    }
    return NULL;
}

/* Reads fh into a malloc'd buffer (*buf, *len bytes), stopping one byte
 * past DG_MAX_ARTICLE_BYTES: an article that long is refused anyway, and
 * an endless stream (/dev/zero) must not eat all memory. */
static int read_all(FILE *fh, char **buf, size_t *len)
{
    size_t cap = 65536, n = 0, got;
    char *p = malloc(cap), *q;

    if (!p)
        return ENOMEM;
    while (n <= DG_MAX_ARTICLE_BYTES &&
           (got = fread(p + n, 1, cap - n, fh)) > 0) {
        n += got;
        if (n == cap) {
            q = cap > (size_t)-1 / 2 ? NULL : realloc(p, cap * 2);
            if (!q) {
                free(p);
                return ENOMEM;
            }
            p = q;
            cap *= 2;
        }
    }
    if (ferror(fh)) {
        int e = errno ? errno : EIO;

        free(p);
        return e;
    }
    *buf = p;
    *len = n;
    return 0;
}

/* Is the regular file fh longer than an article may be?  Then says so,
 * with its size, as dg_extract would, without reading it. */
static int too_big(input_iter *it, FILE *fh, const char *where)
{
    struct stat sb;

    if (fstat(fileno(fh), &sb) != 0 || !S_ISREG(sb.st_mode) ||
        (unsigned long long)sb.st_size <= DG_MAX_ARTICLE_BYTES)
        return 0;
    say(it, where, "article is %llu bytes; the limit is %zu bytes",
        (unsigned long long)sb.st_size, DG_MAX_ARTICLE_BYTES);
    say(it, where, "%s", dg_strerror(DG_ERR_LIMIT));
    return 1;
}

/* One whole file (or standard input) as an article. */
static int read_text(input_iter *it, const char *path, batch_article *a)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *fh = is_stdin ? stdin : fopen(path, "rb");
    int e;

    if (!(a->name = escaped(is_stdin ? STDIN_NAME : path)) ||
        !(a->where = xstrdup(a->name))) {
        if (fh && !is_stdin)
            fclose(fh);
        nomem(it);
        return -1;
    }
    if (!fh) {
        say(it, path, "%s", strerror(errno));
        return -1;
    }
    if (!is_stdin && too_big(it, fh, a->where))
        return fclose(fh), -1;
    errno = 0;
    e = read_all(fh, &a->text, &a->len);
    if (!is_stdin)
        fclose(fh);
    if (e) {
        say(it, a->where, "%s", strerror(e));
        return -1;
    }
    if (a->len > DG_MAX_ARTICLE_BYTES) { /* a stream; read_all stopped */
        say(it, a->where, "article is more than %zu bytes; the limit is "
            "%zu bytes", DG_MAX_ARTICLE_BYTES, DG_MAX_ARTICLE_BYTES);
        say(it, a->where, "%s", dg_strerror(DG_ERR_LIMIT));
        free(a->text);
        a->text = NULL;
        return -1;
    }
    a->in_bytes = a->len;
    return 0;
}

/* Makes room for line byte n and the NUL after it in it->buf (which
 * grows by doubling up to MAX_LINE + 1 bytes); 0, or -1 out of memory. */
static int line_room(input_iter *it, size_t n)
{
    size_t cap;
    char *q;

    if (n + 1 < it->cap)
        return 0;
    cap = it->cap ? 2 * it->cap : 65536;
    if (cap > MAX_LINE + 1)
        cap = MAX_LINE + 1;
    if (!(q = realloc(it->buf, cap)))
        return -1;
    it->buf = q;
    it->cap = cap;
    return 0;
}

/* Reads one line, without its '\n', into it->buf (NUL-terminated) and
 * returns its length in bytes; LINE_END at the end of the file;
 * LINE_TOO_LONG when it is longer than MAX_LINE (reading stops one byte
 * past the cap, so that a stream without line ends, /dev/zero, ends);
 * LINE_NOMEM. */
static size_t read_line(input_iter *it)
{
    size_t n = 0;
    int c;

    /* only the main thread reads input: the unlocked getc is safe */
    while ((c = getc_unlocked(it->fh)) != EOF && c != '\n') {
        if (n == MAX_LINE)
            return LINE_TOO_LONG;
        if (line_room(it, n) != 0)
            return LINE_NOMEM;
        it->buf[n++] = (char)c;
    }
    if (c == EOF && n == 0)
        return LINE_END;
    if (line_room(it, n) != 0)
        return LINE_NOMEM;
    it->buf[n] = '\0';
    return n;
}

/* Is line[0..n) blank: only JSON white space (space, tab, CR)? */
static int blank_line(const char *line, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            return 0;
    return 1;
}

/* Copies the string member `key` of o into *out: 0 done (absent or null
 * leave NULL unless required), -1 wrong type or missing. */
static int json_field(input_iter *it, json_t *o, const char *key,
                      int required, char **out, size_t *len,
                      const char *where)
{
    json_t *v = json_object_get(o, key);
    size_t n;

    if (!v || json_is_null(v)) {
        if (!required)
            return 0;
        say(it, where, "missing field \"%s\"", key);
        return -1;
    }
    if (!json_is_string(v)) {
        say(it, where, "field \"%s\" is not a string", key);
        return -1;
    }
    n = json_string_length(v);
    if (!(*out = malloc(n + 1))) {
        nomem(it);
        return -1;
    }
    memcpy(*out, json_string_value(v), n);
    (*out)[n] = '\0';
    if (len)
        *len = n;
    return 0;
}

/* Turns line `it->line` (n bytes at line) into an article. */
static int parse_record(input_iter *it, const char *line, size_t n,
                        batch_article *a)
{
    json_error_t jerr;
    json_t *o;
    char *id = NULL;
    int rc = -1;

    if (!(a->name = dg_strdupf("%s:%zu", it->fname, it->line)) ||
        !(a->where = xstrdup(a->name))) {
        nomem(it);
        return -1;
    }
    o = json_loadb(line, n, JSON_REJECT_DUPLICATES, &jerr);
    if (!o) {
        say(it, a->where, "bad JSON at column %d: %s", jerr.column,
            jerr.text);
        return -1;
    }
    if (!json_is_object(o)) {
        say(it, a->where, "not a JSON object");
        goto out;
    }
    if (json_field(it, o, "id", 1, &id, NULL, a->where) ||
        json_field(it, o, "text", 1, &a->text, &a->len, a->where) ||
        json_field(it, o, "url", 0, &a->source, NULL, a->where) ||
        json_field(it, o, "title", 0, &a->title, NULL, a->where) ||
        json_field(it, o, "date", 0, &a->date, NULL, a->where))
        goto out;
    if (a->source && !dg_iri_valid(a->source)) {
        say(it, a->where, "\"url\" is not an absolute IRI");
        goto out;
    }
    rc = 0;
out:
    free(id);
    json_decref(o);
    return rc;
}

/* Closes the JSON Lines file being read. */
static void close_jsonl(input_iter *it)
{
    if (it->fh != stdin)
        fclose(it->fh);
    it->fh = NULL;
    free(it->fname);
    it->fname = NULL;
}

/* The next JSON Lines record of the open file: 1, or -1 for a bad one;
 * 0 at the end of the file, which is then closed.  Blank lines are
 * skipped; a byte-order mark opening the file is ignored (RFC 8259,
 * 8.1).  A line over MAX_LINE ends the file: its end cannot be found
 * without reading on without bound. */
static int next_record(input_iter *it, batch_article *a)
{
    static const char bom[] = "\xef\xbb\xbf";
    const char *line;
    size_t n;

    for (;;) {
        n = read_line(it);
        if (n == LINE_END)
            break;
        it->line++;
        if (n == LINE_NOMEM) {
            nomem(it);
            close_jsonl(it);
            return -1;
        }
        if (n == LINE_TOO_LONG) {
            a->in_bytes = MAX_LINE + 1;
            say(it, NULL, "%s:%zu: line longer than %zu bytes (the limit); "
                "the rest of the file is not read", it->fname, it->line,
                MAX_LINE);
            close_jsonl(it);
            return -1;
        }
        a->in_bytes = n + 1;
        line = it->buf;
        if (it->line == 1 && n >= 3 && memcmp(line, bom, 3) == 0) {
            line += 3;
            n -= 3;
        }
        if (!blank_line(line, n))
            return parse_record(it, line, n, a) == 0 ? 1 : -1;
    }
    if (ferror(it->fh))
        say(it, it->fname, "%s", strerror(errno));
    close_jsonl(it);
    return 0;
}

/* Opens JSON Lines file `path` ("-": standard input). */
static int open_jsonl(input_iter *it, const char *path)
{
    int is_stdin = strcmp(path, "-") == 0;

    it->fh = is_stdin ? stdin : fopen(path, "rb");
    if (!it->fh) {
        say(it, path, "%s", strerror(errno));
        return -1;
    }
    it->line = 0;
    if (!(it->fname = escaped(is_stdin ? STDIN_NAME : path))) {
        nomem(it);
        close_jsonl(it);
        return -1;
    }
    return 0;
}

int input_next(input_iter *it, batch_article *a)
{
    char *path;
    int err, rc;

    batch_article_clear(a);
    for (;;) {
        if (it->fh) {
            rc = next_record(it, a);
            if (rc != 0)
                return rc;
            batch_article_clear(a);
        }
        if (!(path = next_path(it, &err)))
            return err == 2 ? -2 : err ? -1 : 0;
        if (!it->jsonl) {
            rc = read_text(it, path, a);
            free(path);
            return rc == 0 ? 1 : -1;
        }
        rc = open_jsonl(it, path);
        free(path);
        if (rc != 0)
            return -1;
    }
}
