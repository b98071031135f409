/*
 * batch.c: a corpus through the pipeline with bounded memory and a pool
 * of worker threads.  The main thread reads articles (input.c) into a
 * ring of slots; each worker takes the oldest waiting slot, extracts the
 * article into its own graph, serializes that graph into a memory block
 * (dg_blockser: the document Raptor writes without its head and foot)
 * and frees the graph.  The main thread writes finished slots strictly
 * in input order, with their diagnostics, so the output and the messages
 * do not depend on the number of workers.  The ring holds at most
 * 4 * jobs + 4 articles: memory stays flat however long the corpus.
 * With one job there are no threads: the same steps run inline.
 */
#include "config.h"
#include "batch.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define PROG "diplograph"

enum { SLOT_FREE, SLOT_PENDING, SLOT_TAKEN, SLOT_DONE };

typedef struct {
    batch_article a;
    int state;
    int stop;            /* ends the run, even with keep_going */
    dg_status st;
    char *body;          /* the article's block */
    size_t body_len, triples;
    char *diags;         /* its diagnostics, ready to print */
    size_t diags_len;
} slot;

typedef struct {
    const batch_opts *o;
    slot *slots;
    size_t nslots;
    size_t next_in, next_take, next_out;  /* sequence numbers */
    size_t want;   /* the writer waits for this many finished slots */
    int closing;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    /* the writer (main thread) */
    FILE *fh;
    const char *where;
    dg_bytes head, foot, sep, empty;
    int wrote_body, write_errno, fatal;
    batch_stats *stats;
    struct timespec t0, last_progress;
    size_t total;
} batch;

/* ------------------------------------------------------------------ */
/* One article (in a worker)                                           */
/* ------------------------------------------------------------------ */

typedef struct {
    FILE *mem;
    const char *where;
    int quiet;
} diag_sink;

/* Diagnostics of a worker, kept for the writer to print in order. */
static void on_slot_diag(void *ctx, dg_status st, const char *where,
                         const char *message)
{
    diag_sink *d = ctx;

    if (st == DG_OK && d->quiet)
        return;
    batch_diag_print(d->mem, where ? where : d->where, st, message);
}

/* Triples in the largest graph a worker keeps for its next article (a
 * bench article has about 400). */
#define KEEP_GRAPH_TRIPLES 65536

/* Extracts and serializes slot s's article with bs, in *g: NULL or the
 * graph of the article before (made when NULL, kept for the next). */
static void process(const batch_opts *o, dg_blockser *bs, dg_graph **g,
                    slot *s)
{
    dg_options opts = {o->base};
    dg_article art;
    char *iri = NULL;
    diag_sink d = {NULL, s->a.where, o->quiet};

    d.mem = open_memstream(&s->diags, &s->diags_len);
    s->st = DG_ERR_NOMEM;
    if (!d.mem)
        goto out;
    art.name = s->a.name;
    art.text = s->a.text;
    art.len = s->a.len;
    art.date = s->a.date ? s->a.date : o->date;
    art.source = s->a.source ? s->a.source : o->source;
    art.title = s->a.title ? s->a.title : o->title;
    s->st = dg_extract_graph(o->lex, &opts, &art, g, &iri, on_slot_diag,
                             &d);
    if (s->st == DG_OK) {
        s->triples = dg_graph_size(*g);
        s->st = dg_blockser_body(bs, *g, iri, &s->body, &s->body_len,
                                 on_slot_diag, &d);
    }
    if (s->st != DG_OK)
        fprintf(d.mem, "%s: %s: %s\n", PROG, s->a.where, dg_strerror(s->st));
    /* the graph of a very large article is not kept: its arrays and hash
     * sets, emptied for every article after it, would stay that large */
    if (*g && dg_graph_size(*g) > KEEP_GRAPH_TRIPLES) {
        dg_graph_free(*g);
        *g = NULL;
    }
out:
    if (d.mem)
        fclose(d.mem);
    free(iri);
    free(s->a.text);   /* the text is not needed any more */
    s->a.text = NULL;
}

/* ------------------------------------------------------------------ */
/* Writing in order (main thread)                                      */
/* ------------------------------------------------------------------ */

static void put(batch *b, const char *p, size_t n)
{
    if (b->write_errno || !n)
        return;
    if (fwrite(p, 1, n, b->fh) != n)
        b->write_errno = errno ? errno : EIO;
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) +
           (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void progress(batch *b, int last)
{
    batch_stats *st = b->stats;
    double t = seconds_since(&b->t0), rate;

    if (!b->o->progress || (!last && seconds_since(&b->last_progress) < 0.5))
        return;
    clock_gettime(CLOCK_MONOTONIC, &b->last_progress);
    rate = t > 0 ? (double)st->articles / t : 0;
    fprintf(stderr, "\r%s: %zu articles, %.1f MB, %.0f articles/s", PROG,
            st->articles, (double)st->bytes / 1e6, rate);
    if (b->total && st->bytes && st->bytes <= b->total && !last)
        fprintf(stderr, ", ETA %.0f s",
                t * (double)(b->total - st->bytes) / (double)st->bytes);
    fputs(last ? "\n" : "\033[K", stderr);
}

/* Writes slot s (its diagnostics, then its block) and empties it. */
static void emit(batch *b, slot *s)
{
    if (b->fatal)   /* stopping: later articles are dropped unsaid */
        goto out;
    if (s->diags_len)
        fwrite(s->diags, 1, s->diags_len, stderr);
    if (s->st != DG_OK) {
        b->stats->failed++;
        if (!b->o->keep_going || s->stop)
            b->fatal = 1;
    } else if (!b->fatal) {
        if (s->body_len) {
            put(b, b->wrote_body ? b->sep.p : b->head.p,
                b->wrote_body ? b->sep.n : b->head.n);
            put(b, s->body, s->body_len);
            b->wrote_body = 1;
        }
        b->stats->articles++;
        b->stats->triples += s->triples;
        if (b->o->verbose)
            fprintf(stderr, "%s: %s: %zu triples\n", PROG, s->a.where,
                    s->triples);
    }
    b->stats->bytes += s->a.in_bytes;
out:
    batch_article_clear(&s->a);
    free(s->body);
    free(s->diags);
    memset(s, 0, sizeof *s);
    if (b->write_errno)
        b->fatal = 1;
    progress(b, 0);
}

/* ------------------------------------------------------------------ */
/* The pool                                                            */
/* ------------------------------------------------------------------ */

typedef struct {
    batch *b;
    dg_blockser *bs;
    dg_graph *g;    /* its articles' graph, reused */
} worker;

/* How many slots in a row, from the oldest, are finished.  Called
 * locked. */
static size_t done_run(const batch *b)
{
    size_t n = 0;

    while (b->next_out + n < b->next_in &&
           b->slots[(b->next_out + n) % b->nslots].state == SLOT_DONE)
        n++;
    return n;
}

static void *work(void *arg)
{
    worker *w = arg;
    batch *b = w->b;
    slot *s;

    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (b->next_take == b->next_in && !b->closing)
            pthread_cond_wait(&b->work, &b->mu);
        if (b->next_take == b->next_in)
            break;
        s = &b->slots[b->next_take++ % b->nslots];
        if (s->state != SLOT_PENDING)   /* a bad record: nothing to do */
            continue;
        s->state = SLOT_TAKEN;
        pthread_mutex_unlock(&b->mu);
        process(b->o, w->bs, &w->g, s);
        pthread_mutex_lock(&b->mu);
        s->state = SLOT_DONE;
        if (b->want && done_run(b) >= b->want)
            pthread_cond_signal(&b->done);
    }
    pthread_mutex_unlock(&b->mu);
    return NULL;
}

/* Writes finished slots in order, waiting while the ring is full (with
 * `all`, until every slot is written).  A full ring waits for half of
 * it to be finished, so that one wake-up of the writer writes many
 * articles (waking it for each finished article cost 7,500 context
 * switches on 4,104 articles at -j 2, 2,100 this way; each wake-up is
 * an inter-processor interrupt on a virtual machine).  Called locked. */
static void drain(batch *b, int all)
{
    for (;;) {
        slot *s = &b->slots[b->next_out % b->nslots];

        if (b->next_out == b->next_in)
            return;
        if (s->state != SLOT_DONE) {
            if (!all && b->next_in - b->next_out < b->nslots)
                return;
            b->want = all ? 1 : b->nslots / 2;
            while (done_run(b) < b->want)
                pthread_cond_wait(&b->done, &b->mu);
            b->want = 0;
            continue;
        }
        pthread_mutex_unlock(&b->mu);
        emit(b, s);
        pthread_mutex_lock(&b->mu);
        b->next_out++;
        /* A bad record is written without a worker: none may take its
         * slot, emptied now, afterwards. */
        if (b->next_take < b->next_out)
            b->next_take = b->next_out;
    }
}

/* Prints the input's messages that no article carries (a read error at
 * the end of a file). */
static void flush_messages(input_iter *it)
{
    size_t n = 0;
    char *m = input_messages(it, &n);

    if (m)
        fwrite(m, 1, n, stderr);
    free(m);
}

/* Reads every article into the ring (threads) or processes it inline; a
 * bad file or record takes a slot of its own, already done, so that its
 * message comes out in input order. */
static void feed(batch *b, input_iter *it, dg_blockser *bs, int threads)
{
    batch_article a = {0};
    dg_graph *g = NULL;   /* the articles' graph, without threads */
    int rc;

    input_hold_messages(it);
    while (!b->fatal && (rc = input_next(it, &a)) != 0) {
        slot *s = threads ? NULL : &b->slots[0];

        if (threads) {
            pthread_mutex_lock(&b->mu);
            drain(b, 0);
            s = &b->slots[b->next_in % b->nslots];
        }
        s->a = a;
        memset(&a, 0, sizeof a);
        if (rc < 0) {   /* a bad file or record: its message, in order */
            s->diags = input_messages(it, &s->diags_len);
            s->st = DG_ERR_SYNTAX;
            s->stop = rc == -2;
        } else if (!threads) {
            process(b->o, bs, &g, s);
        }
        if (!threads) {
            emit(b, s);
        } else {
            s->state = rc < 0 ? SLOT_DONE : SLOT_PENDING;
            b->next_in++;
            if (rc > 0)
                pthread_cond_signal(&b->work);
            pthread_mutex_unlock(&b->mu);
        }
        if (rc == -2)
            break;
    }
    batch_article_clear(&a);
    dg_graph_free(g);
    flush_messages(it);
}

static int start_workers(batch *b, worker *ws, pthread_t *tids, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        ws[i].b = b;
        if (dg_blockser_new(b->o->format, b->o->base, &ws[i].bs, NULL,
                            NULL) != DG_OK ||
            pthread_create(&tids[i], NULL, work, &ws[i]) != 0) {
            dg_blockser_free(ws[i].bs);
            ws[i].bs = NULL;
            return i;
        }
    }
    return n;
}

/* Runs the pool; returns -1 when it could not start. */
static int run_pool(batch *b, input_iter *it)
{
    int n = b->o->jobs, started, i;
    worker *ws = calloc((size_t)n, sizeof *ws);
    pthread_t *tids = calloc((size_t)n, sizeof *tids);

    if (!ws || !tids) {
        free(ws);
        free(tids);
        return -1;
    }
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->work, NULL);
    pthread_cond_init(&b->done, NULL);
    started = start_workers(b, ws, tids, n);
    if (started == n)
        feed(b, it, NULL, 1);
    pthread_mutex_lock(&b->mu);
    b->closing = 1;
    pthread_cond_broadcast(&b->work);
    drain(b, 1);
    pthread_mutex_unlock(&b->mu);
    for (i = 0; i < started; i++) {
        pthread_join(tids[i], NULL);
        dg_blockser_free(ws[i].bs);
        dg_graph_free(ws[i].g);
    }
    pthread_cond_destroy(&b->done);
    pthread_cond_destroy(&b->work);
    pthread_mutex_destroy(&b->mu);
    free(ws);
    free(tids);
    return started == n ? 0 : -1;
}

/* Writes the frame around the bodies, flushes and checks fh. */
static int finish(batch *b)
{
    if (!b->fatal) {
        if (b->wrote_body)
            put(b, b->foot.p, b->foot.n);
        else
            put(b, b->empty.p, b->empty.n);
    }
    errno = 0;
    if ((fflush(b->fh) != 0 || ferror(b->fh)) && !b->write_errno)
        b->write_errno = errno ? errno : EIO;
    if (b->write_errno) {
        fprintf(stderr, "%s: %s: write error: %s\n", PROG, b->where,
                strerror(b->write_errno));
        return -1;
    }
    return b->fatal ? -1 : 0;
}

int batch_run(const batch_opts *o, char **paths, size_t npaths, FILE *fh,
              const char *where, batch_stats *st)
{
    batch b;
    dg_blockser *bs = NULL;
    input_iter *it = NULL;
    int rc = -1;

    memset(&b, 0, sizeof b);
    memset(st, 0, sizeof *st);
    b.o = o;
    b.fh = fh;
    b.where = where;
    b.stats = st;
    b.nslots = o->jobs > 1 ? 4 * (size_t)o->jobs + 4 : 1;
    clock_gettime(CLOCK_MONOTONIC, &b.t0);
    b.last_progress = b.t0;
    if (dg_blockser_new(o->format, o->base, &bs, NULL, NULL) != DG_OK ||
        !(b.slots = calloc(b.nslots, sizeof *b.slots))) {
        fprintf(stderr, "%s: cannot start the %s serializer\n", PROG,
                o->format);
        goto out;
    }
    if (!(it = input_open(paths, npaths, o->jsonl, o->out_name, o->out,
                          &b.total)))
        goto out;
    dg_blockser_frame(bs, &b.head, &b.foot, &b.sep, &b.empty);
    if (o->jobs > 1) {
        if (run_pool(&b, it) != 0) {
            fprintf(stderr, "%s: cannot start %d threads\n", PROG, o->jobs);
            b.fatal = 1;
        }
    } else {
        feed(&b, it, bs, 0);
    }
    rc = finish(&b);
    progress(&b, 1);
out:
    st->seconds = seconds_since(&b.t0);
    input_close(it);
    free(b.slots);
    dg_blockser_free(bs);
    return rc;
}
