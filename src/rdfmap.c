/*
 * rdfmap.c: the triples of one analysed article, in the terms of the
 * output contract (shared/docs/contract.md) and ontology/diplomacy.ttl.
 *
 * IRIs, all under the base IRI and all deterministic:
 *   article   BASE article/ID          (ID: a hash of the text)
 *   sentence  BASE article/ID#char=B,E (NIF 2.0 offsets, code points)
 *   mention   the same form, for each entity mention (a nif:Phrase)
 *   entity    BASE person/SLUG, BASE country/ISO3, BASE org/SLUG,
 *             BASE place/SLUG          (the same in every article)
 *   post      BASE post/SLUG-of-holder-title-state
 *   event     BASE event/ID-N
 *   topic     dip:topic-ID for the scheme's topics, BASE topic/SLUG for
 *             phrases of the text
 * The article node is also the nif:Context that holds the whole text.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define SKOS "http://www.w3.org/2004/02/skos/core#"
#define DCT "http://purl.org/dc/terms/"
#define PROV "http://www.w3.org/ns/prov#"
#define NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define ITSRDF "http://www.w3.org/2005/11/its/rdf#"
#define DIP DG_NS_DIP
#define SCHEMA "https://schema.org/"
#define WIKIDATA "http://www.wikidata.org/entity/"

typedef struct {
    const dg_doc *doc;
    dg_graph *g;
    const char *base;
    const char *article;   /* article IRI */
    char **ent_iri;        /* per entity */
    char **topic_iri;      /* per topic of doc->topics */
    dg_status st;
} mapper;

static void add_iri(mapper *mp, const char *s, const char *p, const char *o)
{
    if (mp->st == DG_OK)
        mp->st = dg_graph_add_iri(mp->g, s, p, o);
}

static void add_lit(mapper *mp, const char *s, const char *p, const char *v)
{
    if (mp->st == DG_OK)
        mp->st = dg_graph_add_literal(mp->g, s, p, v);
}

static void add_typed(mapper *mp, const char *s, const char *p,
                      const char *v, const char *dt)
{
    if (mp->st == DG_OK)
        mp->st = dg_graph_add_typed(mp->g, s, p, v, dt);
}

/* Writes n in decimal at out (at most 20 digits, then a NUL); returns
 * the NUL's address.  The offsets of every span are written so, a few
 * hundred an article: snprintf cost 40 times as much. */
static char *put_decimal(char *out, size_t n)
{
    char digits[24];
    size_t k = 0;

    do {
        digits[k++] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    while (k)
        *out++ = digits[--k];
    *out = '\0';
    return out;
}

static void add_count(mapper *mp, const char *s, const char *p, size_t n)
{
    char buf[32];

    put_decimal(buf, n);
    add_typed(mp, s, p, buf, XSD "nonNegativeInteger");
}

/* s + suffix, malloc'd (NULL when out of memory, recorded in mp). */
static char *cat(mapper *mp, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *s = malloc(la + lb + 1);

    if (!s) {
        mp->st = DG_ERR_NOMEM;
        return NULL;
    }
    memcpy(s, a, la);
    memcpy(s + la, b, lb + 1);
    return s;
}

/* The IRI of a text span [b_cp, e_cp) of the article. */
static char *span_iri(mapper *mp, size_t b_cp, size_t e_cp)
{
    char buf[64], *end;

    memcpy(buf, "#char=", 6);
    end = put_decimal(buf + 6, b_cp);
    *end++ = ',';
    put_decimal(end, e_cp);
    return cat(mp, mp->article, buf);
}

static char *text_of(mapper *mp, size_t b, size_t e)
{
    char *s = malloc(e - b + 1);

    if (!s) {
        mp->st = DG_ERR_NOMEM;
        return NULL;
    }
    memcpy(s, mp->doc->text + b, e - b);
    s[e - b] = '\0';
    return s;
}

/* A NIF string: its class, offsets, anchor and context. */
static char *nif_span(mapper *mp, const char *cls, size_t b, size_t e,
                      size_t b_cp, size_t e_cp)
{
    char *iri = span_iri(mp, b_cp, e_cp), *anchor;

    if (!iri)
        return NULL;
    anchor = text_of(mp, b, e);
    add_iri(mp, iri, RDF "type", cls);
    add_count(mp, iri, NIF "beginIndex", b_cp);
    add_count(mp, iri, NIF "endIndex", e_cp);
    if (anchor)
        add_lit(mp, iri, NIF "anchorOf", anchor);
    add_iri(mp, iri, NIF "referenceContext", mp->article);
    free(anchor);
    return iri;
}

static char *sentence_iri(mapper *mp, size_t s)
{
    const dg_sentence *se = &mp->doc->sents[s];

    return nif_span(mp, NIF "Sentence", se->b, se->e, se->b_cp, se->e_cp);
}

/* ------------------------------------------------------------------ */

static void map_article(mapper *mp, const dg_article *art)
{
    const dg_doc *doc = mp->doc;
    char *text = text_of(mp, 0, doc->len);
    char datebuf[16];

    add_iri(mp, mp->article, RDF "type", DIP "Article");
    add_iri(mp, mp->article, RDF "type", NIF "Context");
    if (art->title)
        add_lit(mp, mp->article, DCT "title", art->title);
    if (doc->date.prec != DG_DATE_NONE) {
        const char *dt = dg_date_format(&doc->date, datebuf);
        char *dtiri = cat(mp, XSD, dt);
        if (dtiri)
            add_typed(mp, mp->article, DCT "date", datebuf, dtiri);
        free(dtiri);
    }
    if (art->source)
        add_iri(mp, mp->article, DCT "source", art->source);
    if (text)
        add_lit(mp, mp->article, NIF "isString", text);
    add_count(mp, mp->article, NIF "beginIndex", 0);
    add_count(mp, mp->article, NIF "endIndex", dg_utf8_count(doc->text,
                                                             doc->len));
    free(text);
}

static const char *kind_path(dg_ent_kind k)
{
    switch (k) {
    case DG_ENT_PERSON: return "person";
    case DG_ENT_COUNTRY: return "country";
    case DG_ENT_ORG: return "org";
    default: return "place";
    }
}

static const char *kind_class(const dg_entity *en)
{
    const char *c = en->place_cls ? en->place_cls : "";

    switch (en->kind) {
    case DG_ENT_PERSON: return DIP "Person";
    case DG_ENT_COUNTRY: return DIP "Country";
    case DG_ENT_ORG: return DIP "Organization";
    default: break;
    }
    if (strcmp(c, "venue") == 0)
        return DIP "Venue";
    if (strcmp(c, "city") == 0 || strcmp(c, "capital") == 0)
        return DIP "City";
    if (strcmp(c, "sea") == 0)
        return DIP "Sea";
    if (strcmp(c, "region") == 0)
        return DIP "Region";
    return DIP "Place";
}

static int mint_entities(mapper *mp)
{
    const dg_doc *doc = mp->doc;
    size_t i;

    mp->ent_iri = calloc(doc->nents + 1, sizeof *mp->ent_iri);
    if (!mp->ent_iri)
        return 0;
    for (i = 0; i < doc->nents; i++) {
        mp->ent_iri[i] = dg_iri_mint(mp->base, kind_path(doc->ents[i].kind),
                                     doc->ents[i].key);
        if (!mp->ent_iri[i])
            return 0;
    }
    return 1;
}

/* A place's container: its city (venues) or its state, if minted. */
static char *container_iri(mapper *mp, const dg_entity *en)
{
    const dg_lex_entry *lx = en->lex;

    if (lx && lx->located_in) {
        char *iri = dg_iri_mint(mp->base, "place", lx->located_in);
        if (!iri)
            mp->st = DG_ERR_NOMEM;
        return iri;
    }
    if (lx && lx->country && dg_lexicon_country(mp->doc->lex, lx->country))
        return dg_iri_mint(mp->base, "country", lx->country);
    return NULL;
}

/* The gazetteer entry that holds en's identifiers (Wikidata item, COW
 * number): its state's entry for a country (also when a demonym named
 * it), its own entry for an organization or person, else NULL. */
static const dg_lex_entry *identity_entry(const dg_doc *doc,
                                          const dg_entity *en)
{
    if (en->kind == DG_ENT_COUNTRY)
        return dg_lexicon_country(doc->lex, en->key);
    if (en->lex && ((en->kind == DG_ENT_ORG && en->lex->kind == DG_LEX_ORG) ||
                    (en->kind == DG_ENT_PERSON &&
                     en->lex->kind == DG_LEX_PERSON)))
        return en->lex;
    return NULL;
}

/* The entity's links to other data: schema:sameAs its Wikidata item and,
 * for a state, dip:cowCode (schema:sameAs, not owl:sameAs: see the
 * comment on dip:cowCode in ontology/diplomacy.ttl). */
static void map_identifiers(mapper *mp, const char *iri, const dg_entity *en)
{
    const dg_lex_entry *id = identity_entry(mp->doc, en);
    char *item;

    if (!id)
        return;
    if (id->wikidata && (item = cat(mp, WIKIDATA, id->wikidata)) != NULL) {
        add_iri(mp, iri, SCHEMA "sameAs", item);
        free(item);
    }
    if (id->cow)
        add_lit(mp, iri, DIP "cowCode", id->cow);
}

static void map_entity(mapper *mp, size_t i)
{
    const dg_entity *en = &mp->doc->ents[i];
    const char *iri = mp->ent_iri[i];
    size_t k;

    add_iri(mp, iri, RDF "type", kind_class(en));
    add_lit(mp, iri, RDFS "label", en->label);
    for (k = 0; k < en->nalts; k++)
        add_lit(mp, iri, SKOS "altLabel", en->alts[k]);
    if (en->kind == DG_ENT_COUNTRY)
        add_lit(mp, iri, DIP "isoCode", en->key);
    if (en->kind == DG_ENT_COUNTRY && en->lex && en->lex->withdrawn)
        add_lit(mp, iri, DIP "withdrawnCode", en->lex->withdrawn);
    map_identifiers(mp, iri, en);
    if (en->kind == DG_ENT_PLACE) {
        char *c = container_iri(mp, en);
        if (c)
            add_iri(mp, iri, DIP "locatedIn", c);
        free(c);
    }
    if (en->first_ment >= 0) /* not a post's state the text leaves out */
        add_iri(mp, mp->article, DIP "mentions", iri);
}

static void map_mentions(mapper *mp)
{
    const dg_doc *doc = mp->doc;
    size_t k;

    for (k = 0; k < doc->nments && mp->st == DG_OK; k++) {
        const dg_mention *m = &doc->ments[k];
        const dg_token *b = &doc->toks[m->tok_b], *e = &doc->toks[m->tok_e - 1];
        char *iri;
        if (m->entity < 0 || m->type == DG_MENT_TITLE ||
            doc->ents[m->entity].first_ment < 0)
            continue;
        iri = nif_span(mp, NIF "Phrase", b->b, e->e, b->b_cp, e->e_cp);
        if (iri)
            add_iri(mp, iri, ITSRDF "taIdentRef", mp->ent_iri[m->entity]);
        free(iri);
    }
}

/* The posts of person i that the text places in a state or body (the
 * contract's ?post dip:postIn ?countryOrOrg; a post of no known state
 * helps coreference but is not stated), held now (dip:holds) or before
 * (dip:formerlyHeld). */
static void map_posts(mapper *mp, size_t i)
{
    const dg_entity *en = &mp->doc->ents[i];
    size_t k;

    for (k = 0; k < en->nposts; k++) {
        const struct dg_post *p = &en->posts[k];
        const char *in;
        size_t n;
        char *key, *iri, *src;
        if (p->in < 0)
            continue;
        in = mp->doc->ents[p->in].key;
        n = strlen(en->key) + strlen(p->canon) + strlen(in) + 3;
        if (!(key = malloc(n))) {
            mp->st = DG_ERR_NOMEM;
            return;
        }
        snprintf(key, n, "%s %s %s", en->key, p->canon, in);
        iri = dg_iri_mint(mp->base, "post", key);
        free(key);
        if (!iri) {
            mp->st = DG_ERR_NOMEM;
            return;
        }
        add_iri(mp, mp->ent_iri[i], p->former ? DIP "formerlyHeld" :
                DIP "holds", iri);
        add_iri(mp, iri, RDF "type", DIP "Post");
        add_lit(mp, iri, RDFS "label", p->title);
        if (strcmp(p->title, p->canon) != 0)
            add_lit(mp, iri, SKOS "altLabel", p->canon);
        add_iri(mp, iri, DIP "postIn", mp->ent_iri[p->in]);
        src = sentence_iri(mp, p->sent);
        if (src)
            add_iri(mp, iri, PROV "wasDerivedFrom", src);
        free(src);
        free(iri);
    }
}

static const char *role_property(dg_role r)
{
    switch (r) {
    case DG_ROLE_HOST: return DIP "host";
    case DG_ROLE_VISITOR: return DIP "visitor";
    case DG_ROLE_SPEAKER: return DIP "speaker";
    case DG_ROLE_TARGET: return DIP "target";
    default: return DIP "participant";
    }
}

/* Is label the scheme's own label for topic key (so the topic is the
 * scheme's concept itself, not a phrase of the text)? */
static int is_scheme_label(const dg_doc *doc, const char *key,
                           const char *label)
{
    const dg_lex_entry *e = dg_lexicon_topic(doc->lex, key);

    return e && strcmp(e->label, label) == 0;
}

/* The IRI of topic t: the scheme's concept when t is named as the
 * concept is, else BASE topic/KEY.  malloc'd, NULL when out of memory
 * (recorded in mp). */
static char *topic_iri(mapper *mp, const dg_topic *t)
{
    char *iri;

    if (t->scheme && is_scheme_label(mp->doc, t->scheme, t->label))
        return cat(mp, DIP "topic-", t->scheme);
    if (!(iri = dg_iri_mint(mp->base, "topic", t->key)))
        mp->st = DG_ERR_NOMEM;
    return iri;
}

/* Every topic of the article: the article's dip:topic, and the topic
 * itself (label, other forms, its scheme concept, the entity it is);
 * each topic's IRI is kept in mp->topic_iri for the events. */
static void map_topics(mapper *mp)
{
    size_t i, a;

    if (mp->doc->ntopics > 0 &&
        !(mp->topic_iri = calloc(mp->doc->ntopics, sizeof *mp->topic_iri))) {
        mp->st = DG_ERR_NOMEM;
        return;
    }
    for (i = 0; i < mp->doc->ntopics && mp->st == DG_OK; i++) {
        const dg_topic *t = &mp->doc->topics[i];
        char *iri = mp->topic_iri[i] = topic_iri(mp, t);
        if (!iri)
            return;
        add_iri(mp, mp->article, DIP "topic", iri);
        add_iri(mp, iri, RDF "type", DIP "Topic");
        add_lit(mp, iri, RDFS "label", t->label);
        for (a = 0; a < t->nalts; a++)
            add_lit(mp, iri, SKOS "altLabel", t->alts[a]);
        if (t->scheme && strncmp(iri, DIP, strlen(DIP)) != 0) {
            char *broader = cat(mp, DIP "topic-", t->scheme);
            if (broader)
                add_iri(mp, iri, SKOS "broader", broader);
            free(broader);
        }
        if (t->about >= 0)
            add_iri(mp, iri, DIP "about", mp->ent_iri[t->about]);
    }
}

/* ev's dip:topic for its topic label (an entry of the article's). */
static void map_topic(mapper *mp, const char *ev, const char *label)
{
    const dg_topic *t = dg_topic_of(mp->doc, label);

    if (t && mp->topic_iri && mp->topic_iri[t - mp->doc->topics])
        add_iri(mp, ev, DIP "topic", mp->topic_iri[t - mp->doc->topics]);
}

static void map_event_when(mapper *mp, const char *iri, const dg_event *e)
{
    char buf[32];

    if (e->date.prec != DG_DATE_NONE) {
        const char *dt = dg_date_format(&e->date, buf);
        char *dtiri = cat(mp, XSD, dt);
        if (dtiri)
            add_typed(mp, iri, DIP "date", buf, dtiri);
        free(dtiri);
    }
    if (e->days > 0) {
        snprintf(buf, sizeof buf, "P%dD", e->days);
        add_typed(mp, iri, DIP "duration", buf, XSD "duration");
    }
}

static void map_event(mapper *mp, const char *id, size_t n)
{
    const dg_event *e = &mp->doc->evs[n];
    char suffix[48], *iri, *cls;
    size_t k;

    snprintf(suffix, sizeof suffix, "%s-%zu", id, n + 1);
    iri = dg_iri_mint(mp->base, "event", suffix);
    cls = cat(mp, DIP, e->cls);
    if (!iri || !cls) {
        mp->st = DG_ERR_NOMEM;
        goto out;
    }
    add_iri(mp, iri, RDF "type", cls);
    add_lit(mp, iri, DIP "cameoCode", e->cameo ? e->cameo : "");
    for (k = 0; k < e->nparts; k++)
        add_iri(mp, iri, role_property(e->parts[k].role),
                mp->ent_iri[e->parts[k].entity]);
    if (e->location >= 0)
        add_iri(mp, iri, DIP "location", mp->ent_iri[e->location]);
    map_event_when(mp, iri, e);
    if (e->status)
        add_lit(mp, iri, DIP "status", e->status);
    for (k = 0; k < e->ntopics; k++)
        map_topic(mp, iri, e->topics[k]);
    add_iri(mp, iri, DIP "reportedIn", mp->article);
    for (k = 0; k < e->nsents; k++) {
        char *src = sentence_iri(mp, e->sents[k]);
        if (src)
            add_iri(mp, iri, PROV "wasDerivedFrom", src);
        free(src);
    }
out:
    free(iri);
    free(cls);
}

dg_status dg_rdf_map(const dg_doc *doc, const dg_article *art,
                     const char *base, const char *article_iri,
                     const char *id, dg_graph *g)
{
    mapper mp = {doc, g, base, article_iri, NULL, NULL, DG_OK};
    size_t i;

    map_article(&mp, art);
    if (!mint_entities(&mp))
        mp.st = DG_ERR_NOMEM;
    for (i = 0; i < doc->nents && mp.st == DG_OK; i++)
        map_entity(&mp, i);
    for (i = 0; i < doc->nents && mp.st == DG_OK; i++)
        map_posts(&mp, i);
    map_topics(&mp);
    for (i = 0; i < doc->nevs && mp.st == DG_OK; i++)
        map_event(&mp, id, i);
    map_mentions(&mp);
    if (mp.ent_iri)
        for (i = 0; i < doc->nents; i++)
            free(mp.ent_iri[i]);
    free(mp.ent_iri);
    for (i = 0; mp.topic_iri && i < doc->ntopics; i++)
        free(mp.topic_iri[i]);
    free(mp.topic_iri);
    return mp.st;
}
