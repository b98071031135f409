/*
 * diplograph.h: the public interface of libdiplograph, which turns news
 * articles about diplomacy into an RDF knowledge graph.
 *
 * The pipeline (see README.md) is: article text -> sentences and tokens ->
 * mentions -> entities -> events -> triples (dg_extract), then triples ->
 * Turtle / N-Triples / ... (dg_serializer_*), and optionally triples ->
 * a SPARQL 1.1 endpoint (dg_uploader_*).
 *
 * Conventions, for every function below:
 *   - Every function that can fail returns a dg_status; DG_OK is 0.
 *     dg_strerror() names a status.  Human-readable detail goes to the
 *     dg_diag_fn callback the caller passes (it may be NULL: detail is
 *     then dropped).  No library function prints or exits.
 *   - Ownership: "borrowed" arguments are only read during the call and
 *     stay the caller's; objects returned through an out-pointer belong to
 *     the caller and are released with the matching _free function.  Every
 *     _free accepts NULL.
 *   - Text is UTF-8.  Lengths are in bytes; offsets that reach the RDF
 *     output (nif:beginIndex / nif:endIndex) are in Unicode code points, as
 *     NIF 2.0 defines them.
 *   - Symbols are prefixed dg_ / DG_.
 */
#ifndef DIPLOGRAPH_H
#define DIPLOGRAPH_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Status and diagnostics                                              */
/* ------------------------------------------------------------------ */

typedef enum {
    DG_OK = 0,
    DG_ERR_NOMEM,    /* an allocation failed */
    DG_ERR_IO,       /* reading or writing a file or stream failed */
    DG_ERR_ENCODING, /* input is not valid UTF-8 (or holds a NUL byte or a
                        Unicode noncharacter) */
    DG_ERR_SYNTAX,   /* a lexicon file or an input record is malformed */
    DG_ERR_LIMIT,    /* input exceeds a documented limit */
    DG_ERR_ARG,      /* a bad argument or option value */
    DG_ERR_RDF,      /* the RDF serializer failed */
    DG_ERR_NET,      /* upload: connection failed or timed out */
    DG_ERR_HTTP,     /* upload: the server answered with an error status */
    DG_ERR_AUTH,     /* upload: the server refused the credentials (401/403) */
    DG_ERR_VERIFY    /* upload: read-back count differs from what was sent */
} dg_status;

/* A short static English description of a status ("invalid UTF-8").
 * Never NULL; unknown values give "unknown status". */
const char *dg_strerror(dg_status st);

/* Receives details of a failure or a warning.  `where` is "FILE",
 * "FILE:LINE" or "FILE: byte N" where a position is known, or NULL;
 * `message` is one line without a trailing newline.  Both strings are
 * borrowed for the duration of the call. */
typedef void (*dg_diag_fn)(void *ctx, dg_status st, const char *where,
                           const char *message);

/* ------------------------------------------------------------------ */
/* Lexicons (gazetteers and trigger lists, loaded from data files)     */
/* ------------------------------------------------------------------ */

typedef struct dg_lexicon dg_lexicon;

/* Loads every lexicon file from directory `dir` (countries.tsv,
 * demonyms.tsv, organizations.tsv, places.tsv, titles.tsv, triggers.tsv,
 * topics.tsv, stopnames.txt; formats in data/README.md).  Calling it again
 * with another directory on the same *out adds that directory's entries
 * (the user's own additions, --lexicon).  On success *out owns the
 * lexicon; on failure *out is left unchanged and the diagnostics name the
 * file and line.  Errors: DG_ERR_IO (missing or unreadable file),
 * DG_ERR_SYNTAX (bad line), DG_ERR_NOMEM. */
dg_status dg_lexicon_load(const char *dir, dg_lexicon **out,
                          dg_diag_fn diag, void *ctx);
void dg_lexicon_free(dg_lexicon *lex);

/* ------------------------------------------------------------------ */
/* Graphs: a de-duplicated, insertion-ordered list of triples          */
/* ------------------------------------------------------------------ */

typedef enum { DG_TERM_IRI = 0, DG_TERM_LITERAL = 1 } dg_term_kind;

/* An RDF term.  For an IRI only `value` is used.  A literal has a
 * lexical `value` and at most one of `datatype` (an absolute IRI) or
 * `lang` (a BCP 47 tag); both NULL means xsd:string.  There are no blank
 * nodes: diplograph mints an IRI for everything. */
typedef struct {
    dg_term_kind kind;
    const char *value;
    const char *datatype;
    const char *lang;
} dg_term;

typedef struct {
    dg_term s, p, o;
} dg_triple;

typedef struct dg_graph dg_graph;

/* A new empty graph, or NULL when out of memory. */
dg_graph *dg_graph_new(void);
void dg_graph_free(dg_graph *g);

/* Adds the triple (s, p, o) unless the graph holds it already.  The
 * strings are copied.  `s` and `p` must be IRIs.  Errors: DG_ERR_ARG
 * (a NULL term or value, a literal subject or predicate), DG_ERR_NOMEM. */
dg_status dg_graph_add(dg_graph *g, const dg_term *s, const dg_term *p,
                       const dg_term *o);

/* Convenience forms of dg_graph_add: object an IRI, a plain string
 * literal, or a typed literal (datatype an absolute IRI). */
dg_status dg_graph_add_iri(dg_graph *g, const char *s, const char *p,
                           const char *o);
dg_status dg_graph_add_literal(dg_graph *g, const char *s, const char *p,
                               const char *value);
dg_status dg_graph_add_typed(dg_graph *g, const char *s, const char *p,
                             const char *value, const char *datatype);

/* Number of distinct triples, and the i-th in insertion order (borrowed,
 * valid until the graph is changed or freed; NULL when i is out of
 * range). */
size_t dg_graph_size(const dg_graph *g);
const dg_triple *dg_graph_triple(const dg_graph *g, size_t i);

/* Removes every triple, keeping the allocation for reuse. */
void dg_graph_clear(dg_graph *g);

/* ------------------------------------------------------------------ */
/* Extraction                                                          */
/* ------------------------------------------------------------------ */

/* One article.  All fields are borrowed. */
typedef struct {
    const char *name;   /* for diagnostics: the file name, "-" for stdin */
    const char *text;   /* UTF-8 bytes, not necessarily NUL-terminated */
    size_t len;         /* bytes in text */
    const char *date;   /* publication date "YYYY-MM-DD", or NULL */
    const char *source; /* the article's URL (dcterms:source), an absolute
                           IRI, or NULL */
    const char *title;  /* dcterms:title (UTF-8), or NULL */
} dg_article;

/* The largest article dg_extract accepts, in bytes (README: Limits);
 * a larger one is DG_ERR_LIMIT.  Readers may stop reading one byte past
 * it. */
#define DG_MAX_ARTICLE_BYTES ((size_t)8 * 1024 * 1024)

/* Default base IRI for minted data IRIs. */
#define DG_DEFAULT_BASE "https://w3id.org/diplograph/id/"

/* The dip: namespace of the ontology (ontology/diplomacy.ttl). */
#define DG_NS_DIP "https://w3id.org/diplograph/ns#"

typedef struct {
    const char *base;   /* base IRI for data; NULL means DG_DEFAULT_BASE */
} dg_options;

/* Extracts the knowledge graph of one article and adds its triples to
 * `out` (which the caller owns and may already hold other articles).
 * Deterministic: the same article, lexicon and options give the same
 * triples in the same order.  If `graph_iri` is not NULL, *graph_iri
 * receives a malloc'd IRI naming the article's graph (for N-Quads and
 * uploads); the caller frees it.  The article's IRIs carry a hash of its
 * text, source, title and date (README: Output): articles that differ in
 * any of them get other IRIs (but for a collision of the 64-bit hash).
 * Errors: DG_ERR_ENCODING (text or title not valid UTF-8, or holding a
 * NUL byte or one of the 66 Unicode noncharacters, which Raptor's
 * writers would cut short; the diagnostic names the article and byte
 * offset), DG_ERR_ARG (bad date, source or base IRI), DG_ERR_LIMIT,
 * DG_ERR_NOMEM.  On error nothing is added to `out`. */
dg_status dg_extract(const dg_lexicon *lex, const dg_options *opts,
                     const dg_article *art, dg_graph *out, char **graph_iri,
                     dg_diag_fn diag, void *ctx);

/* ------------------------------------------------------------------ */
/* Serialization (Raptor 2)                                            */
/* ------------------------------------------------------------------ */

typedef struct dg_serializer dg_serializer;

/* True when `format` is a syntax name dg_serializer_new accepts:
 * "turtle", "ntriples", "nquads", "rdfxml", "json", "dot". */
int dg_format_known(const char *format);

/* Starts writing `format` to `fh` (borrowed; not closed).  `base` is the
 * data base IRI, given the prefix "id:" in formats that have prefixes.
 * "dot" is a picture, not every triple: nodes named by rdfs:label and
 * class, no NIF text layer, literals cut to 40 characters.
 * Errors: DG_ERR_ARG (unknown format), DG_ERR_RDF, DG_ERR_NOMEM. */
dg_status dg_serializer_new(const char *format, const char *base, FILE *fh,
                            dg_serializer **out, dg_diag_fn diag, void *ctx);

/* Writes every triple of `g`; `graph_iri` names the graph in N-Quads and
 * is ignored by the other formats (may be NULL).  Errors: DG_ERR_RDF,
 * DG_ERR_IO (the stream reported an error). */
dg_status dg_serializer_write(dg_serializer *s, const dg_graph *g,
                              const char *graph_iri);

/* Ends the document and flushes it; checks the stream for write errors.
 * Errors: DG_ERR_RDF, DG_ERR_IO. */
dg_status dg_serializer_finish(dg_serializer *s);
void dg_serializer_free(dg_serializer *s);

/* Serializes triples [from, to) of `g` as N-Triples into a new buffer:
 * *buf (malloc'd, NUL-terminated, the caller frees) and *len in bytes.
 * Used to build upload batches.  Errors: DG_ERR_RDF, DG_ERR_NOMEM. */
dg_status dg_serialize_ntriples(const dg_graph *g, size_t from, size_t to,
                                char **buf, size_t *len);

/* ------------------------------------------------------------------ */
/* Upload to a SPARQL 1.1 endpoint (libcurl)                           */
/* ------------------------------------------------------------------ */

typedef enum { DG_PUSH_GSP = 0, DG_PUSH_UPDATE = 1 } dg_push_protocol;

typedef struct {
    const char *url;        /* endpoint URL (GSP or SPARQL Update) */
    const char *query_url;  /* SPARQL query endpoint for --verify; NULL:
                               derived from url */
    dg_push_protocol protocol;
    const char *user;       /* NULL: none (or ~/.netrc) */
    const char *password;   /* NULL: none (or ~/.netrc); never logged */
    const char *cacert;     /* CA bundle file, or NULL for the system's */
    int insecure;           /* 1: do not verify TLS peers */
    long connect_timeout_s; /* connect timeout in seconds */
    long timeout_s;         /* total timeout per request in seconds */
    int retries;            /* extra attempts after a retryable failure */
    int progress;           /* 1: progress line on stderr (the CLI's job) */
    long retry_delay_ms;    /* first backoff delay in ms; 0: 500 */
    /* Called by dg_push_graph after each stored batch with the triples
     * stored so far and the total; NULL: none.  Borrowed context. */
    void (*progress_fn)(void *progress_ctx, size_t stored, size_t total);
    void *progress_ctx;
} dg_push_options;

/* Default batch sizes in triples for dg_push_graph (batch 0). */
#define DG_PUSH_BATCH_UPDATE 1000
#define DG_PUSH_BATCH_GSP 50000
/* Most triples in one INSERT DATA request: Virtuoso 7.2.5 rejects 1427
 * and more (SP031), so update bodies are split at this many lines. */
#define DG_PUSH_UPDATE_MAX 1400

typedef struct dg_uploader dg_uploader;

/* A new uploader for `opts` (copied).  Errors: DG_ERR_ARG (malformed
 * URL), DG_ERR_NOMEM. */
dg_status dg_uploader_new(const dg_push_options *opts, dg_uploader **out,
                          dg_diag_fn diag, void *ctx);
void dg_uploader_free(dg_uploader *up);

/* Sends one batch: `body` holds `ntriples` triples as N-Triples (`len`
 * bytes, borrowed; one triple a line) for named graph `graph_iri`.  With
 * `replace`, the graph's old content is dropped first (GSP PUT; Update
 * DROP SILENT GRAPH, in the same request when the body fits in one, else
 * alone first and not repeated unless the server says it was not carried
 * out).  The bodies Virtuoso 7.2.5 takes under Debian's settings are made
 * from the N-Triples (docs/upload.md): GSP Turtle, Update with durations
 * and literals over 64 KiB built by STRDT / CONCAT.  The update protocol
 * splits the body at line ends into requests of at most
 * DG_PUSH_UPDATE_MAX triples.  Retries connection errors, 429 and 5xx
 * with exponential backoff and jitter (honouring Retry-After seconds);
 * never follows redirects.  A 2xx answer that is an HTML form is an
 * error.  Every failure message holds the method, the URL without
 * credentials, the HTTP status and the first lines of the answer.  To
 * replace a graph in several batches, use dg_push_graph: a replacing
 * send followed by adding sends can be undone by a late copy of it.
 * Errors: DG_ERR_NET (connection failed, timed out), DG_ERR_HTTP,
 * DG_ERR_AUTH (401, 403), DG_ERR_ARG (graph IRI not a plain absolute
 * IRI), DG_ERR_NOMEM. */
dg_status dg_uploader_send(dg_uploader *up, const char *graph_iri,
                           const char *body, size_t len, size_t ntriples,
                           int replace);

/* Asks the endpoint how many triples named graph `graph_iri` holds
 * (SPARQL COUNT, POSTed as a form: no URL length limit).  Errors as
 * dg_uploader_send. */
dg_status dg_uploader_count(dg_uploader *up, const char *graph_iri,
                            size_t *count);

/* Triples confirmed stored (2xx answers) by this uploader since it was
 * created, summed over every graph. */
size_t dg_uploader_stored(const dg_uploader *up);

/* Pushes every triple of `g` (borrowed) into named graph `graph_iri` in
 * batches of `batch` triples (0: DG_PUSH_BATCH_UPDATE or
 * DG_PUSH_BATCH_GSP by protocol; the update protocol caps it at
 * DG_PUSH_UPDATE_MAX).  With `replace` the graph ends with exactly g's
 * triples even when a request is retried or arrives late: by GSP the
 * whole graph goes in one PUT (whatever `batch`); by update in one
 * request when it fits in one batch, else after a DROP sent alone that
 * is never repeated blindly (its answer lost: nothing more is sent).  An
 * empty g then empties the graph.  *stored (may be NULL) receives the
 * triples confirmed stored by this call, also on failure; the failure
 * message names the batch (1-based), that count and, for a replace,
 * what the graph may now hold.  Errors: those of dg_uploader_send,
 * DG_ERR_RDF, DG_ERR_ARG. */
dg_status dg_push_graph(dg_uploader *up, const dg_graph *g,
                        const char *graph_iri, size_t batch, int replace,
                        size_t *stored);

#ifdef __cplusplus
}
#endif

#endif /* DIPLOGRAPH_H */
