/*
 * serialize_events.c: the event table (-f events-tsv), one row per event
 * in the style of GDELT's event files, for spreadsheets and pandas.  The
 * rows are read off each article's graph (so every -j gives the same
 * bytes), in the order the events were found.  Columns, after a header
 * line of their names:
 *
 *   date          the event's date as YYYYMMDD (GDELT's SQLDATE); YYYYMM
 *                 or YYYY when the text gives only a month or a year
 *   date_iso      dip:date as written (2024-04-26, 2024-04, 2024)
 *   cameo         dip:cameoCode ("042")
 *   cameo_root    its first two digits ("04")
 *   class         the event class (Visit)
 *   actor1_label, actor1_iso, actor1_code, actor1_iri
 *   actor2_label, actor2_iso, actor2_code, actor2_iri
 *                 actor 1 is the side that acts (GDELT's Actor1): the
 *                 host of a hosted visit (CAMEO 043), else the speaker,
 *                 else the visitor, else the first participant; actor 2
 *                 the target, else the host, else the visitor, else the
 *                 next participant.  _label is its rdfs:label, _iso the
 *                 ISO 3166-1 alpha-3 code of its state (a state's own, a
 *                 person's post's state), _code the CAMEO actor code: ISO3
 *                 for a state, ISO3 + "GOV" for a person holding a post
 *                 of a state (heads of state and government, ministers,
 *                 diplomats and officials are all GOV in CAMEO), else
 *                 empty; _iri the entity's IRI
 *   location_label, location_iso
 *                 the place (dip:location) and its state (the place's,
 *                 through dip:locatedIn, or the state itself)
 *   source_url    the article's dcterms:source
 *   article       the article's IRI
 *   event         the event's IRI
 *   sentence_begin, sentence_end
 *                 the first sentence the event was derived from, as NIF
 *                 offsets: Unicode code points into the article text,
 *                 end exclusive
 *
 * An empty field is an unknown value.  A tab, line feed, carriage return
 * or backslash inside a field is written as the two characters \t, \n,
 * \r or \\, so that every row is one line of tab-separated fields.
 */
#include "serialize.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
#define DCT_SOURCE "http://purl.org/dc/terms/source"
#define PROV_DERIVED "http://www.w3.org/ns/prov#wasDerivedFrom"
#define NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define DIP DG_NS_DIP

static const char header[] =
    "date\tdate_iso\tcameo\tcameo_root\tclass\t"
    "actor1_label\tactor1_iso\tactor1_code\tactor1_iri\t"
    "actor2_label\tactor2_iso\tactor2_code\tactor2_iri\t"
    "location_label\tlocation_iso\tsource_url\tarticle\tevent\t"
    "sentence_begin\tsentence_end\n";

/* One article's triples by subject: IRI -> JSON array of triple
 * indexes into g. */
typedef struct {
    const dg_graph *g;
    json_t *index;
} subjects;

/* The first object of (subj, pred), or NULL. */
static const dg_term *first(const subjects *sj, const char *subj,
                            const char *pred)
{
    json_t *list = json_object_get(sj->index, subj), *v;
    size_t i;

    json_array_foreach(list, i, v) {
        const dg_triple *t = dg_graph_triple(sj->g, (size_t)json_integer_value(v));
        if (strcmp(t->p.value, pred) == 0)
            return &t->o;
    }
    return NULL;
}

/* The value of first(), or "". */
static const char *value_of(const subjects *sj, const char *subj,
                            const char *pred)
{
    const dg_term *o = subj ? first(sj, subj, pred) : NULL;

    return o ? o->value : "";
}

/* 1 when node iri has rdf:type dip:cls. */
static int is_a(const subjects *sj, const char *iri, const char *cls)
{
    json_t *list = json_object_get(sj->index, iri), *v;
    size_t i;

    json_array_foreach(list, i, v) {
        const dg_triple *t = dg_graph_triple(sj->g, (size_t)json_integer_value(v));
        if (strcmp(t->p.value, RDF_TYPE) == 0 &&
            strncmp(t->o.value, DIP, strlen(DIP)) == 0 &&
            strcmp(t->o.value + strlen(DIP), cls) == 0)
            return 1;
    }
    return 0;
}

/* The ISO code in the IRI of a state the graph leaves undescribed: our
 * IRIs of states end in "country/" and the code in lower case
 * (dg_iri_mint, contract.md); into buf (4 bytes), or NULL. */
static const char *iso_of_state_iri(const char *iri, char *buf)
{
    size_t n = strlen(iri), i;

    if (n < 12 || strncmp(iri + n - 12, "/country/", 9) != 0)
        return NULL;
    for (i = 0; i < 3; i++) {
        char c = iri[n - 3 + i];
        if (c < 'a' || c > 'z')
            return NULL;
        buf[i] = (char)(c - 'a' + 'A');
    }
    buf[3] = '\0';
    return buf;
}

/* The ISO code of the state of node iri: a country's own, a place's
 * through dip:locatedIn (at most four steps: venue, city, region,
 * state; a state the article does not name is not described in its
 * graph, so its code is read from its IRI into buf, 4 bytes), a
 * person's through the state of a post it holds; "" if none. */
static const char *state_iso(const subjects *sj, const char *iri, char *buf)
{
    const dg_term *post;
    const char *code;
    int step;

    if (iri && is_a(sj, iri, "Person")) {
        post = first(sj, iri, DIP "holds");
        iri = post ? value_of(sj, post->value, DIP "postIn") : NULL;
    }
    for (step = 0; iri && *iri && step < 4; step++) {
        if (is_a(sj, iri, "Country"))
            return value_of(sj, iri, DIP "isoCode");
        if (step > 0 && !json_object_get(sj->index, iri) &&
            (code = iso_of_state_iri(iri, buf)) != NULL)
            return code; /* "met in Paris", France unnamed */
        iri = value_of(sj, iri, DIP "locatedIn");
    }
    return "";
}

/* The participant of event ev with role property `role` that is not
 * `not` (NULL: any), or NULL. */
static const char *role_of(const subjects *sj, const char *ev,
                           const char *role, const char *not)
{
    json_t *list = json_object_get(sj->index, ev), *v;
    size_t i;

    json_array_foreach(list, i, v) {
        const dg_triple *t = dg_graph_triple(sj->g, (size_t)json_integer_value(v));
        if (strcmp(t->p.value, role) == 0 && t->o.kind == DG_TERM_IRI &&
            (!not || strcmp(t->o.value, not) != 0))
            return t->o.value;
    }
    return NULL;
}

/* The first of the roles (local names of dip: properties) that event ev
 * has a participant in, other than `not`. */
static const char *pick(const subjects *sj, const char *ev,
                        const char *const *roles, const char *not)
{
    char prop[64];
    const char *a = NULL;

    for (; *roles && !a; roles++) {
        snprintf(prop, sizeof prop, "%s%s", DIP, *roles);
        a = role_of(sj, ev, prop, not);
    }
    return a;
}

/* Appends field f with its tab, line feed, carriage return and backslash
 * escaped, then `end` (a tab or a line feed); -1 on failure. */
static int put_field(dg_serializer *s, const char *f, char end)
{
    const char *p;

    for (p = f; *p; p++) {
        const char *esc = *p == '\t' ? "\\t" : *p == '\n' ? "\\n"
                          : *p == '\r' ? "\\r" : *p == '\\' ? "\\\\" : NULL;
        if (esc ? dg_ser_put(s, esc, 2) : dg_ser_put(s, p, 1))
            return -1;
    }
    return dg_ser_put(s, &end, 1);
}

/* The four actor fields of entity iri (NULL: none) into f[0..3]; the
 * CAMEO code is written into code (16 bytes), an ISO code read from an
 * IRI into isobuf (4 bytes). */
static void actor_fields(const subjects *sj, const char *iri,
                         const char **f, char *code, char *isobuf)
{
    const char *iso = iri ? state_iso(sj, iri, isobuf) : "";

    code[0] = '\0';
    if (iri && *iso && is_a(sj, iri, "Country"))
        snprintf(code, 16, "%s", iso);
    else if (iri && *iso && is_a(sj, iri, "Person"))
        snprintf(code, 16, "%sGOV", iso);
    f[0] = value_of(sj, iri, RDFS_LABEL);
    f[1] = iso;
    f[2] = code;
    f[3] = iri ? iri : "";
}

/* The first source sentence of event ev (smallest nif:beginIndex): its
 * offsets into begin and end, "" when none. */
static void first_sentence(const subjects *sj, const char *ev,
                           const char **begin, const char **end)
{
    json_t *list = json_object_get(sj->index, ev), *v;
    unsigned long best = (unsigned long)-1;
    size_t i;

    *begin = *end = "";
    json_array_foreach(list, i, v) {
        const dg_triple *t = dg_graph_triple(sj->g, (size_t)json_integer_value(v));
        const char *b;
        if (strcmp(t->p.value, PROV_DERIVED) != 0)
            continue;
        b = value_of(sj, t->o.value, NIF "beginIndex");
        if (*b && strtoul(b, NULL, 10) < best) {
            best = strtoul(b, NULL, 10);
            *begin = b;
            *end = value_of(sj, t->o.value, NIF "endIndex");
        }
    }
}

/* The row of event ev, reported in article `article`. */
static int put_row(dg_serializer *s, const subjects *sj, const char *ev,
                   const char *article)
{
    static const char *const first_roles[] = {"speaker", "visitor", NULL};
    static const char *const second_roles[] = {"target", "host", "visitor",
                                               "participant", NULL};
    static const char *const any_roles[] = {"participant", "host", "target",
                                            NULL};
    const char *cameo = value_of(sj, ev, DIP "cameoCode");
    const char *date = value_of(sj, ev, DIP "date"), *loc, *a1, *a2;
    const char *f[20];
    char ymd[16], root[3], code1[16], code2[16], iso1[4], iso2[4], iso3[4];
    size_t i, k = 0;
    json_t *list = json_object_get(sj->index, ev), *v;

    a1 = strncmp(cameo, "043", 3) == 0 ? role_of(sj, ev, DIP "host", NULL)
                                        : NULL;
    if (!a1)
        a1 = pick(sj, ev, first_roles, NULL);
    if (!a1)
        a1 = pick(sj, ev, any_roles, NULL);
    a2 = pick(sj, ev, second_roles, a1);
    for (i = 0, k = 0; date[i] && k < 8; i++)
        if (date[i] != '-')
            ymd[k++] = date[i];
    ymd[k] = '\0';
    snprintf(root, sizeof root, "%.2s", cameo);
    f[0] = ymd;
    f[1] = date;
    f[2] = cameo;
    f[3] = root;
    f[4] = "";
    json_array_foreach(list, i, v) {
        const dg_triple *t = dg_graph_triple(sj->g, (size_t)json_integer_value(v));
        if (strcmp(t->p.value, RDF_TYPE) == 0 &&
            strncmp(t->o.value, DIP, strlen(DIP)) == 0) {
            f[4] = t->o.value + strlen(DIP);
            break;
        }
    }
    actor_fields(sj, a1, f + 5, code1, iso1);
    actor_fields(sj, a2, f + 9, code2, iso2);
    loc = value_of(sj, ev, DIP "location");
    f[13] = *loc ? value_of(sj, loc, RDFS_LABEL) : "";
    f[14] = *loc ? state_iso(sj, loc, iso3) : "";
    f[15] = value_of(sj, article, DCT_SOURCE);
    f[16] = article;
    f[17] = ev;
    first_sentence(sj, ev, &f[18], &f[19]);
    for (i = 0; i < 20; i++)
        if (put_field(s, f[i], i == 19 ? '\n' : '\t'))
            return -1;
    return 0;
}

/* The header line of the table. */
dg_status dg_events_head(dg_serializer *s)
{
    return dg_ser_put(s, header, sizeof header - 1) ? s->err : DG_OK;
}

/* The rows of the events among triples [from, to) of g: each subject of
 * a dip:reportedIn triple, in the order of those triples. */
dg_status dg_events_write(dg_serializer *s, const dg_graph *g, size_t from,
                          size_t to)
{
    subjects sj = {g, json_object()};
    dg_status st = sj.index ? DG_OK : DG_ERR_NOMEM;
    size_t i;

    for (i = from; i < to && st == DG_OK; i++) {
        const dg_triple *t = dg_graph_triple(g, i);
        json_t *list = json_object_get(sj.index, t->s.value);
        if (!list && (!(list = json_array()) ||
                      json_object_set_new(sj.index, t->s.value, list)))
            st = DG_ERR_NOMEM;
        else if (json_array_append_new(list, json_integer((json_int_t)i)))
            st = DG_ERR_NOMEM;
    }
    for (i = from; i < to && st == DG_OK; i++) {
        const dg_triple *t = dg_graph_triple(g, i);
        if (strcmp(t->p.value, DIP "reportedIn") == 0 &&
            put_row(s, &sj, t->s.value, t->o.value))
            st = s->err != DG_OK ? s->err : DG_ERR_NOMEM;
    }
    json_decref(sj.index);
    return st;
}
