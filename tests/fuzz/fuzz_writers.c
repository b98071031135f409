/*
 * fuzz_writers.c: libFuzzer harness for the writers of JSON, JSON-LD,
 * dot and Turtle.  After a first byte of flags, the input is cut at NUL bytes
 * into fields.  Each field is the text of a literal and names a node:
 * its IRI is minted from the field, or for a field starting with '/' is
 * http://ex.org/ and the rest as it is (perhaps refused).  Each node
 * gets the field as its label, the next field's node as its class, as
 * a predicate with the field as a literal (plain, language-tagged or
 * typed, by the flags' low bits) and as a link.  Fields that are not
 * UTF-8 are left out unless the flags' top bit is set.  The graph is written in
 * each format; the write must succeed or refuse a term (DG_ERR_ARG),
 * and what it wrote must be right:
 *   - json, json-triples: strict JSON (jansson: no duplicate names, no
 *     invalid escape or lone surrogate) holding exactly the graph's
 *     triples, every value byte for byte;
 *   - jsonld: strict JSON (its triples: tests/jsonld.sh, with pyld);
 *   - turtle: Raptor parses exactly the graph's triples back;
 *   - dot: Graphviz reads and lays out the picture without an error.
 * A failed check aborts.  Built by `make fuzz`; tests/fuzz/replay.c runs
 * it over tests/fuzz/regress-writers/ in `make check`.
 */
#include "internal.h"

/* Leaks that are not ours: Graphviz 2.42's dot layout loses a few
 * strings and edges in each layout; the parts of Raptor's dot writer's
 * namespace stack (lsan_raptor.h), found by the function that made them
 * (libraries built without frame pointers give no deeper stack). */
#define DG_LSAN_MORE "leak:libgvc.so\nleak:libgvplugin_dot_layout.so\n" \
    "leak:raptor_namespaces_init\nleak:raptor_new_namespace_from_uri\n"
#include "lsan_raptor.h"

#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>
#include <jansson.h>
#include <raptor2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define EX "http://ex.org/"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

static raptor_world *g_world;
static GVC_t *g_gvc;

/* Graphviz with its dot layout only: no plugin loaded, so text is sized
 * by Graphviz's own estimate (no fonts, no pango, none of their leaks). */
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
static lt_symlist_t g_gv_builtins[] = {
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {NULL, NULL}};

static void fail(const char *what, const char *format, const char *out,
                 size_t len)
{
    fprintf(stderr, "fuzz_writers: %s (%s):\n%.*s\n", what, format,
            (int)(len > 4000 ? 4000 : len), out);
    abort();
}

/* 1 when g holds triple (s, p, o): adding it to a copy adds nothing. */
static int holds(dg_graph *copy, const dg_term *s, const dg_term *p,
                 const dg_term *o)
{
    size_t n = dg_graph_size(copy);

    return dg_graph_add(copy, s, p, o) == DG_OK && dg_graph_size(copy) == n;
}

/* A copy of g's triples (to test others against). */
static dg_graph *copy_of(const dg_graph *g)
{
    dg_graph *c = dg_graph_new();
    size_t i;

    for (i = 0; c && i < dg_graph_size(g); i++) {
        const dg_triple *t = dg_graph_triple(g, i);

        if (dg_graph_add(c, &t->s, &t->p, &t->o) != DG_OK)
            abort();
    }
    return c;
}

/* An RDF/JSON term object as a dg_term (borrowing its strings); 0 when
 * it is not one. */
static int json_term(json_t *v, dg_term *t)
{
    const char *type = json_string_value(json_object_get(v, "type"));

    memset(t, 0, sizeof *t);
    t->value = json_string_value(json_object_get(v, "value"));
    if (!t->value || !type)
        return 0;
    t->kind = strcmp(type, "uri") == 0 ? DG_TERM_IRI : DG_TERM_LITERAL;
    t->lang = json_string_value(json_object_get(v, "lang"));
    t->datatype = json_string_value(json_object_get(v, "datatype"));
    return t->kind == DG_TERM_IRI || strcmp(type, "literal") == 0;
}

/* JSON-LD: strict JSON (tests/jsonld.sh checks its triples). */
static void check_strict_json(const char *format, const char *out,
                              size_t len)
{
    json_error_t err;
    json_t *doc = json_loadb(out, len, JSON_REJECT_DUPLICATES, &err);

    if (!doc)
        fail(err.text, format, out, len);
    json_decref(doc);
}

/* JSON: strict, and exactly g's triples. */
static void check_json(const dg_graph *g, const char *format,
                       const char *out, size_t len)
{
    json_error_t err;
    json_t *doc = json_loadb(out, len, JSON_REJECT_DUPLICATES, &err);
    dg_graph *c = copy_of(g);
    dg_term s = {DG_TERM_IRI, NULL, NULL, NULL}, p = s, o;
    size_t n = 0, i;
    const char *sk, *pk;
    json_t *preds, *objs, *v;

    if (!doc)
        fail(err.text, format, out, len);
    if (strcmp(format, "json") == 0) {
        json_object_foreach(doc, sk, preds) {
            s.value = sk;
            json_object_foreach(preds, pk, objs) {
                p.value = pk;
                json_array_foreach(objs, i, v) {
                    if (!json_term(v, &o) || !holds(c, &s, &p, &o))
                        fail("a triple not in the graph", format, out, len);
                    n++;
                }
            }
        }
    } else {
        json_array_foreach(json_object_get(doc, "triples"), i, v) {
            if (!json_term(json_object_get(v, "subject"), &s) ||
                !json_term(json_object_get(v, "predicate"), &p) ||
                !json_term(json_object_get(v, "object"), &o) ||
                !holds(c, &s, &p, &o))
                fail("a triple not in the graph", format, out, len);
            n++;
        }
    }
    if (n != dg_graph_size(g))
        fail("not every triple of the graph", format, out, len);
    json_decref(doc);
    dg_graph_free(c);
}

typedef struct {
    dg_graph *copy;
    size_t n;
    int ok;
} parsed;

static void on_statement(void *user_data, raptor_statement *st)
{
    parsed *r = user_data;
    dg_term s = {DG_TERM_IRI, NULL, NULL, NULL}, p = s, o = s;
    raptor_term *ro = st->object;

    r->n++;
    s.value = (const char *)raptor_uri_as_string(st->subject->value.uri);
    p.value = (const char *)raptor_uri_as_string(st->predicate->value.uri);
    if (ro->type == RAPTOR_TERM_TYPE_URI) {
        o.value = (const char *)raptor_uri_as_string(ro->value.uri);
    } else {
        o.kind = DG_TERM_LITERAL;
        o.value = (const char *)ro->value.literal.string;
        o.lang = (const char *)ro->value.literal.language;
        o.datatype = ro->value.literal.datatype
            ? (const char *)raptor_uri_as_string(ro->value.literal.datatype)
            : NULL;
    }
    /* (a literal with a NUL inside would compare cut short) */
    if (!holds(r->copy, &s, &p, &o) ||
        (o.kind == DG_TERM_LITERAL &&
         strlen(o.value) != ro->value.literal.string_len))
        r->ok = 0;
}

static void on_log(void *user_data, raptor_log_message *m)
{
    (void)m;
    ((parsed *)user_data)->ok = 0;
}

/* Turtle: Raptor reads exactly g's triples. */
static void check_turtle(const dg_graph *g, const char *out, size_t len)
{
    parsed r = {copy_of(g), 0, 1};
    raptor_parser *p = raptor_new_parser(g_world, "turtle");
    raptor_uri *base = raptor_new_uri(g_world, (const unsigned char *)EX);

    raptor_world_set_log_handler(g_world, &r, on_log);
    raptor_parser_set_statement_handler(p, &r, on_statement);
    if (raptor_parser_parse_start(p, base) ||
        raptor_parser_parse_chunk(p, (const unsigned char *)out, len, 1))
        r.ok = 0;
    raptor_free_uri(base);
    raptor_free_parser(p);
    dg_graph_free(r.copy);
    if (!r.ok || r.n != dg_graph_size(g))
        fail("Raptor does not read the graph back", "turtle", out, len);
}

/* Graphviz's messages: kept quiet (agerrors() tells if one was an
 * error). */
static int on_graphviz_message(char *message)
{
    (void)message;
    return 0;
}

/* dot: Graphviz reads it from a stream, as the dot command reads a file
 * (with the limits of that reader: Graphviz's reader of a string in
 * memory has not all of them), and lays it out, without an error. */
static void check_dot(const char *out, size_t len)
{
    FILE *fp = fmemopen((void *)out, len, "r");
    Agraph_t *gv;
    int ok = 0;

    if (!fp)
        abort();
    agreseterrors();
    if ((gv = agread(fp, NULL)) != NULL) {
        ok = gvLayout(g_gvc, gv, "dot") == 0 && agerrors() == 0;
        gvFreeLayout(g_gvc, gv);
        agclose(gv);
    }
    fclose(fp);
    if (!ok)
        fail("Graphviz refuses it", "dot", out, len);
}

/* Writes g as `format` and checks what was written. */
static void write_and_check(const dg_graph *g, const char *format)
{
    char *out = NULL;
    size_t len = 0;
    FILE *fh = open_memstream(&out, &len);
    dg_serializer *s = NULL;
    dg_status st;

    if (!fh)
        abort();
    st = dg_serializer_new(format, NULL, fh, &s, NULL, NULL);
    if (st == DG_OK)
        st = dg_serializer_write(s, g, EX "graph");
    if (st == DG_OK)
        st = dg_serializer_finish(s);
    dg_serializer_free(s);
    fclose(fh);
    if (st != DG_OK && st != DG_ERR_ARG)
        fail(dg_strerror(st), format, out, len);
    if (st == DG_OK) {
        if (strcmp(format, "jsonld") == 0)
            check_strict_json(format, out, len);
        else if (strncmp(format, "json", 4) == 0)
            check_json(g, format, out, len);
        else if (strcmp(format, "turtle") == 0)
            check_turtle(g, out, len);
        else
            check_dot(out, len);
    }
    free(out);
}

/* The IRI of field f's node (malloc'd): http://ex.org/ and the rest of
 * a field starting with '/', as it is (perhaps not an IRI at all), else
 * minted from the field (always an IRI). */
static char *node_iri(const char *f)
{
    char *iri;

    if (f[0] != '/')
        return dg_iri_mint(EX, "n", f);
    if ((iri = malloc(strlen(EX) + strlen(f))))
        sprintf(iri, EX "%s", f + 1);
    return iri;
}

/* The graph of the fields of data[1..size) (see the file comment). */
static dg_graph *fields_graph(const uint8_t *data, size_t size)
{
    dg_graph *g = dg_graph_new();
    char *buf = malloc(size), *f[64], *iri[64];
    size_t n = 0, i, len, bad;
    unsigned flags = data[0];
    char *p;

    if (!g || !buf)
        abort();
    memcpy(buf, data + 1, size - 1);
    buf[size - 1] = '\0';
    for (p = buf; n < 64 && p < buf + size; p += len + 1) {
        len = strlen(p);
        if ((flags & 0x80) || dg_utf8_valid(p, len, &bad))
            f[n++] = p;
    }
    for (i = 0; i < n; i++)
        if (!(iri[i] = node_iri(f[i])))
            abort();
    for (i = 0; i < n; i++) {
        const char *next = iri[(i + 1) % n];
        dg_term s = {DG_TERM_IRI, iri[i], NULL, NULL}, pr = {DG_TERM_IRI, next, NULL, NULL};
        dg_term o = {DG_TERM_LITERAL, f[i], NULL, NULL};

        if ((flags & 3) == 1)
            o.lang = "en-GB";
        else if ((flags & 3) == 2)
            o.datatype = next;
        else if ((flags & 3) == 3)
            o.datatype = "http://www.w3.org/2001/XMLSchema#token";
        if (dg_graph_add_literal(g, iri[i], RDFS_LABEL, f[i]) != DG_OK ||
            dg_graph_add_iri(g, iri[i], RDF_TYPE, next) != DG_OK ||
            dg_graph_add(g, &s, &pr, &o) != DG_OK ||
            dg_graph_add_iri(g, iri[i], EX "next", next) != DG_OK)
            abort();
    }
    for (i = 0; i < n; i++)
        free(iri[i]);
    free(buf);
    return g;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const formats[] = {"json", "json-triples", "turtle",
                                          "dot", "jsonld"};
    dg_graph *g;
    size_t i;

    if (size < 1 || size > 60000)
        return 0;
    if (!g_world) {
        g_world = raptor_new_world();
        g_gvc = gvContextPlugins(g_gv_builtins, 0);
        agseterrf(on_graphviz_message);
    }
    g = fields_graph(data, size);
    for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
        write_and_check(g, formats[i]);
    dg_graph_free(g);
    return 0;
}
