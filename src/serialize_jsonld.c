/*
 * serialize_jsonld.c: the graph as JSON-LD 1.1 (-f jsonld), compact and
 * readable, written with jansson.  The document is
 *
 *   {
 *     "@context": [
 *       "https://w3id.org/diplograph/ns/context.jsonld",
 *       {"id": {"@id": "BASE", "@prefix": true}}
 *     ],
 *     "@graph": [
 *       { "@id": "id:graph/HASH", "@graph": [ NODE, ... ] },   one per
 *       ...                                                     article
 *     ]
 *   }
 *
 * The context (ontology/context.jsonld, made by scripts/jsonld-context
 * from the ontology and installed beside it) is referenced by its IRI;
 * the inline context adds the prefix `id:` for the data base IRI, which
 * the user chooses.  Each article is one named graph, its graph IRI that
 * of N-Quads, so the document expands to exactly the N-Quads of
 * `-f nquads` (without a graph IRI, as dg_serializer_write with NULL
 * gives, the nodes stand in the top "@graph": the default graph).
 * A NODE is one subject with its triples in insertion order: "@id",
 * "@type" (terms for classes: "Meeting"), then one member per predicate,
 * a single value or an array.  Keys and IRIs are compacted as the
 * context allows: a term ("participant", "label"), else prefix:local
 * ("dcterms:date", "id:person/wang-yi", "dip:topic-taiwan"), else the
 * absolute IRI.  A value is a plain JSON string where the term's
 * coercion says what it is ("participant": "id:person/wang-yi",
 * "beginIndex": "184"), else a value or node object ({"@value": "2024",
 * "@type": "xsd:gYear"}, {"@id": ...}).
 *
 * Terms are checked as in the other formats (dg_ser_term_ok).  One more
 * rule is JSON-LD's own: an absolute IRI whose scheme is a prefix of the
 * context ("dip:x", "id:y") would be read as a compact IRI, so it is
 * refused (DG_ERR_ARG).  Output bytes depend only on the graph, so every
 * -j gives the same document.
 */
#include "serialize.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"

/* The context's IRI: the ontology's (https://w3id.org/diplograph/ns) and
 * the file name ontology/context.jsonld is installed under. */
#define JSONLD_CONTEXT "https://w3id.org/diplograph/ns/context.jsonld"

/* A term of the context that src/serialize_jsonld.c compacts to, with
 * its coercion: "@id", a datatype IRI, or NULL (none).  The dip:
 * properties coerced by the ontology (object properties to "@id"); the
 * other vocabularies' terms as scripts/jsonld-context defines them.  A
 * dip: term missing here is still written correctly (by its local name
 * under the context's "@vocab", with explicit value objects). */
typedef struct {
    const char *term, *iri, *coerce;
} jsonld_term;

static const jsonld_term terms[] = {
    {"about", DG_NS_DIP "about", "@id"},
    {"formerlyHeld", DG_NS_DIP "formerlyHeld", "@id"},
    {"holds", DG_NS_DIP "holds", "@id"},
    {"host", DG_NS_DIP "host", "@id"},
    {"locatedIn", DG_NS_DIP "locatedIn", "@id"},
    {"location", DG_NS_DIP "location", "@id"},
    {"mentions", DG_NS_DIP "mentions", "@id"},
    {"participant", DG_NS_DIP "participant", "@id"},
    {"postIn", DG_NS_DIP "postIn", "@id"},
    {"reportedIn", DG_NS_DIP "reportedIn", "@id"},
    {"speaker", DG_NS_DIP "speaker", "@id"},
    {"target", DG_NS_DIP "target", "@id"},
    {"topic", DG_NS_DIP "topic", "@id"},
    {"visitor", DG_NS_DIP "visitor", "@id"},
    {"duration", DG_NS_DIP "duration", XSD "duration"},
    {"label", "http://www.w3.org/2000/01/rdf-schema#label", NULL},
    {"altLabel", "http://www.w3.org/2004/02/skos/core#altLabel", NULL},
    {"broader", "http://www.w3.org/2004/02/skos/core#broader", "@id"},
    {"title", "http://purl.org/dc/terms/title", NULL},
    {"source", "http://purl.org/dc/terms/source", "@id"},
    {"wasDerivedFrom", "http://www.w3.org/ns/prov#wasDerivedFrom", "@id"},
    {"beginIndex", NIF "beginIndex", XSD "nonNegativeInteger"},
    {"endIndex", NIF "endIndex", XSD "nonNegativeInteger"},
    {"anchorOf", NIF "anchorOf", NULL},
    {"isString", NIF "isString", NULL},
    {"referenceContext", NIF "referenceContext", "@id"},
    {"taIdentRef", "http://www.w3.org/2005/11/its/rdf#taIdentRef", "@id"},
    {"sameAs", "https://schema.org/sameAs", "@id"},
    {"Context", NIF "Context", NULL},
    {"Sentence", NIF "Sentence", NULL},
    {"Phrase", NIF "Phrase", NULL},
};
#define NTERMS (sizeof terms / sizeof terms[0])

/* The term of iri (by_name 0) or named iri (by_name 1), or NULL. */
static const jsonld_term *term_of(const char *iri, int by_name)
{
    size_t i;

    for (i = 0; i < NTERMS; i++)
        if (strcmp(by_name ? terms[i].term : terms[i].iri, iri) == 0)
            return &terms[i];
    return NULL;
}

/* 1 when s is a usable term: non-empty, no ':' and not "@..." (a dip:
 * local name the context's "@vocab" expands). */
static int vocab_term_ok(const char *s)
{
    return *s && *s != '@' && !strchr(s, ':');
}

/* The prefix whose namespace iri starts with (longest), its namespace
 * length in *n; NULL when none, or when the rest would not be read back
 * as that prefix's (empty, or starting with "//"). */
static const char *prefix_of(const dg_serializer *s, const char *iri,
                             size_t *n)
{
    const char *best = NULL;
    size_t i, len;

    *n = 0;
    for (i = 0; i <= dg_nnamespaces; i++) {
        const char *ns = i < dg_nnamespaces ? dg_namespaces[i].iri : s->base;
        len = strlen(ns);
        if (len > *n && strncmp(iri, ns, len) == 0 && iri[len] &&
            strncmp(iri + len, "//", 2) != 0) {
            best = i < dg_nnamespaces ? dg_namespaces[i].prefix : "id";
            *n = len;
        }
    }
    return best;
}

/* 1 when the absolute IRI iri would be read back as itself: its scheme
 * is no prefix of the context. */
static int scheme_free(const dg_serializer *s, const char *iri)
{
    size_t len = strcspn(iri, ":"), i;

    if (len == 2 && strncmp(iri, "id", 2) == 0)
        return 0;
    for (i = 0; i < dg_nnamespaces; i++)
        if (strlen(dg_namespaces[i].prefix) == len &&
            strncmp(iri, dg_namespaces[i].prefix, len) == 0)
            return 0;
    (void)s;
    return 1;
}

/* iri compacted (malloc'd; NULL when out of memory or, with a
 * diagnostic, when it cannot be written).  vocab: a key or type, where
 * terms count (a term of the table, a dip: local name). */
static char *compact(dg_serializer *s, const char *iri, int vocab)
{
    const jsonld_term *t = vocab ? term_of(iri, 0) : NULL;
    const char *p;
    size_t n;

    if (t)
        return dg_ser_dup(t->term, strlen(t->term));
    if (vocab && strncmp(iri, DG_NS_DIP, strlen(DG_NS_DIP)) == 0 &&
        vocab_term_ok(iri + strlen(DG_NS_DIP)) &&
        !term_of(iri + strlen(DG_NS_DIP), 1))
        return dg_ser_dup(iri + strlen(DG_NS_DIP),
                          strlen(iri) - strlen(DG_NS_DIP));
    if ((p = prefix_of(s, iri, &n)) != NULL)
        return dg_strdupf("%s:%s", p, iri + n);
    if (!scheme_free(s, iri)) {
        dg_diagf(s->diag, s->ctx, DG_ERR_ARG, NULL,
                 "refusing to write <%s> in JSON-LD: its scheme is a "
                 "prefix of the context", iri);
        return NULL;
    }
    return dg_ser_dup(iri, strlen(iri));
}

/* Takes ownership of str (may be NULL: out of memory, or refused). */
static json_t *jstr(char *str)
{
    json_t *v = str ? json_string(str) : NULL;

    free(str);
    return v;
}

/* The JSON value of object o under predicate term t (NULL: none). */
static json_t *object_value(dg_serializer *s, const jsonld_term *t,
                            const dg_term *o)
{
    const char *coerce = t ? t->coerce : NULL;
    json_t *v;

    if (o->kind == DG_TERM_IRI) {
        json_t *id = jstr(compact(s, o->value, 0));
        if (!id || (coerce && strcmp(coerce, "@id") == 0))
            return id;
        if (!(v = json_object()) || json_object_set_new(v, "@id", id)) {
            json_decref(v);
            return NULL;
        }
        return v;
    }
    if (o->datatype && coerce && strcmp(coerce, o->datatype) == 0)
        return json_string(o->value);
    if (!o->datatype && !o->lang && !coerce)
        return json_string(o->value);
    if (!(v = json_object()) ||
        json_object_set_new(v, "@value", json_string(o->value)) ||
        (o->datatype && json_object_set_new(
             v, "@type", jstr(compact(s, o->datatype, 1)))) ||
        (!o->datatype && o->lang &&
         json_object_set_new(v, "@language", json_string(o->lang)))) {
        json_decref(v);
        return NULL;
    }
    return v;
}

/* Adds value v (owned) to member key of node: a single value, or an
 * array from the second value on.  -1 when out of memory. */
static int add_value(json_t *node, const char *key, json_t *v)
{
    json_t *old = json_object_get(node, key), *arr;

    if (!v)
        return -1;
    if (!old)
        return json_object_set_new(node, key, v);
    if (json_is_array(old))
        return json_array_append_new(old, v);
    if (!(arr = json_array()) || json_array_append(arr, old) ||
        json_array_append_new(arr, v)) {
        json_decref(arr);
        json_decref(v);
        return -1;
    }
    return json_object_set_new(node, key, arr);
}

/* Adds triple t to its subject's node (made, with its "@id", and
 * appended to `nodes` on the subject's first triple; `index` maps
 * subject IRIs to nodes). */
static dg_status add_triple(dg_serializer *s, json_t *nodes, json_t *index,
                            const dg_triple *t)
{
    json_t *node = json_object_get(index, t->s.value);
    const jsonld_term *term;
    char *key;
    int rc;

    if (!dg_ser_term_ok(s, &t->s) || !dg_ser_term_ok(s, &t->p) ||
        !dg_ser_term_ok(s, &t->o))
        return DG_ERR_ARG;
    if (!node) {
        json_t *id = jstr(compact(s, t->s.value, 0));
        if (!id)
            return s->err == DG_OK ? DG_ERR_ARG : s->err;
        if (!(node = json_object()) || json_object_set_new(node, "@id", id) ||
            json_array_append_new(nodes, node) ||
            json_object_set(index, t->s.value, node))
            return DG_ERR_NOMEM;
    }
    if (strcmp(t->p.value, RDF_TYPE) == 0 && t->o.kind == DG_TERM_IRI) {
        json_t *type = jstr(compact(s, t->o.value, 1));
        return !type ? DG_ERR_ARG
               : add_value(node, "@type", type) ? DG_ERR_NOMEM : DG_OK;
    }
    if (!(key = compact(s, t->p.value, 1)))
        return DG_ERR_ARG;
    term = term_of(t->p.value, 0);
    rc = add_value(node, key, object_value(s, term, &t->o));
    free(key);
    return rc ? DG_ERR_ARG : DG_OK;
}

/* Appends `text` to the output with every line after the first indented
 * by `indent` spaces; -1 on failure. */
static int put_indented(dg_serializer *s, const char *text, int indent)
{
    static const char spaces[] = "        ";
    const char *p = text, *nl;

    while ((nl = strchr(p, '\n')) != NULL) {
        if (dg_ser_put(s, p, (size_t)(nl + 1 - p)) ||
            dg_ser_put(s, spaces, (size_t)indent))
            return -1;
        p = nl + 1;
    }
    return dg_ser_put(s, p, strlen(p));
}

/* The document's head: "{", the context, and the opening of "@graph".
 * `id:` is declared a prefix ("@prefix": true), which JSON-LD 1.1 needs
 * for a base that does not end with '/', '#' or another gen-delim. */
dg_status dg_jsonld_head(dg_serializer *s)
{
    json_t *base = json_string(s->base);
    char *b = base ? json_dumps(base, JSON_ENCODE_ANY) : NULL;
    char *head = b ? dg_strdupf("{\n  \"@context\": [\n    \"%s\",\n"
                                "    {\"id\": {\"@id\": %s, \"@prefix\": true}}"
                                "\n  ],\n  \"@graph\": [",
                                JSONLD_CONTEXT, b) : NULL;
    int rc = head ? dg_ser_put(s, head, strlen(head)) : -1;

    json_decref(base);
    free(b);
    free(head);
    s->jsonld_items = 0;
    return rc ? (s->err != DG_OK ? s->err : DG_ERR_NOMEM) : DG_OK;
}

/* The document's foot: "@graph" and the document closed. */
dg_status dg_jsonld_foot(dg_serializer *s)
{
    return dg_ser_put(s, "\n  ]\n}\n", 7) ? s->err : DG_OK;
}

/* Writes triples [from, to) of g: one object per subject, in a named
 * graph object when graph_iri is not NULL (see the top of the file). */
dg_status dg_jsonld_write(dg_serializer *s, const dg_graph *g, size_t from,
                          size_t to, const char *graph_iri)
{
    json_t *nodes = json_array(), *index = json_object(), *item = nodes;
    dg_status st = nodes && index ? DG_OK : DG_ERR_NOMEM;
    char *text = NULL;
    size_t i;

    for (i = from; i < to && st == DG_OK; i++)
        st = add_triple(s, nodes, index, dg_graph_triple(g, i));
    if (st == DG_OK && graph_iri && from < to) {
        json_t *id = jstr(compact(s, graph_iri, 0));
        if (!id)
            st = DG_ERR_ARG;
        else if (!(item = json_object()) ||
                 json_object_set_new(item, "@id", id) ||
                 json_object_set(item, "@graph", nodes))
            st = DG_ERR_NOMEM;
    }
    if (st == DG_OK && from < to &&
        !(text = json_dumps(item, JSON_INDENT(2) | JSON_PRESERVE_ORDER)))
        st = DG_ERR_NOMEM;
    if (st == DG_OK && text) {
        /* an array of nodes: its members without the brackets */
        char *body = text, *end = text + strlen(text);
        if (item == nodes) {
            body = text + 2;        /* "[\n" */
            end -= 2;               /* "\n]" */
            *end = '\0';
        }
        if ((s->jsonld_items++ && dg_ser_put(s, ",", 1)) ||
            dg_ser_put(s, "\n    ", item == nodes ? 3 : 5) ||
            put_indented(s, body, item == nodes ? 2 : 4))
            st = s->err != DG_OK ? s->err : DG_ERR_NOMEM;
    }
    free(text);
    if (item != nodes)
        json_decref(item);
    json_decref(nodes);
    json_decref(index);
    return st;
}
