/*
 * topics.c: the issues an article and its events are about.
 *
 * A topic is an issue named as a reader would index it: a noun phrase
 * ("Iran's nuclear programme", "the war in Ukraine", "trade").  Topics
 * come from
 *   - the phrases a cue introduces: a discussion verb ("discussed X, Y
 *     and Z", "addressed X"), a preposition after a word of talking or
 *     disputing ("talks on X", "concerns about X", "dispute over X"),
 *     "regarding X", "such as X", "topics will include X", the object of
 *     a condemnation or sanction, a list item (bullet) after an event;
 *   - the issue nouns of the topic scheme (data/topics.tsv) where the
 *     text names them, widened to their noun phrase ("nuclear" ->
 *     "nuclear programme", "sanctions" -> "economic sanctions").
 * A phrase ends where the noun phrase does: at a relative pronoun or
 * conjunction of a new clause, a verb, a date, a place of the event, or
 * MAX_TOPIC_WORDS.  It is no topic when it names only participants or
 * the place of the event, a demonym, a person who acts ("officials"),
 * the event itself ("the meeting"), an amount, or when its keyword is a
 * word inside a proper name ("Security" in "Security Council").
 *
 * Word classes come from WordNet (wordnet.c) and from the closed classes
 * of English listed below.  The topics stage (dg_find_topics) gathers
 * every event's topics and the article's own (cue phrases anywhere, the
 * scheme's issue nouns of its lead or named in two sentences, any noun
 * named in three: what the article is about) into one table: one entry
 * per issue, its forms folded into one ("defence spending" and "defense
 * spending"; "sanctions" and "economic sanctions", not "nuclear weapons"
 * and "chemical weapons"), so each topic has one label and one IRI.
 */
#include "internal.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_TOPIC_WORDS 7     /* content words: "long-term political solution
                                 to the conflict between Armenia and Azerbaijan" */
#define MAX_PREMODIFIERS 3    /* "the Iran nuclear enrichment programme" */
#define MAX_HEAD_NOUNS 2      /* "nuclear enrichment programme" after "nuclear" */
#define MAX_PP_WORDS 4        /* "of the two women" */
#define MAX_BULLET_TOKENS 30
#define SALIENT_SENTENCES 3    /* an issue noun named this often is what
                                  the article is about */

/* ------------------------------------------------------------------ */
/* Word forms, from WordNet's word classes (wordclass.c)               */
/* ------------------------------------------------------------------ */

/* The forms a word can have, as bits. */
enum {
    WF_NOUN = 1u << 0,     /* a noun's lemma as written ("trade", "talks") */
    WF_PLURAL = 1u << 1,   /* a noun's plural ("sanctions") */
    WF_VERB = 1u << 2,     /* a verb's base form ("remain") */
    WF_VERB_S = 1u << 3,   /* a verb's -s form ("remains") */
    WF_VERB_ED = 1u << 4,  /* a verb's past or participle ("said") */
    WF_VERB_ING = 1u << 5, /* a verb's -ing form ("meeting") */
    WF_ADJ = 1u << 6,      /* an adjective */
    WF_ADV = 1u << 7       /* an adverb */
};
#define WF_ANY_NOUN (WF_NOUN | WF_PLURAL)
#define WF_ANY_VERB (WF_VERB | WF_VERB_S | WF_VERB_ED | WF_VERB_ING)

/* morphy's detachment rules for nouns: a plural ending and its
 * singular's. */
static const char *const plural_rules[][2] = {
    {"ies", "y"}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
    {"shes", "sh"}, {"men", "man"}, {"s", ""}
};

/* Is the folded word w a noun?  *count: how often its noun senses are
 * attested, + 1. */
static int noun_of(const dg_wordclass *wc, const char *w, unsigned *count)
{
    unsigned counts[4];

    if (!(dg_wordclass_of(wc, w, counts) & DG_WC_NOUN))
        return 0;
    *count = counts[0];
    return 1;
}

/* The forms (WF_*) of the folded word w.  A noun whose senses no text of
 * WordNet's concordance attests, spelt as a verb that texts do attest,
 * is read as the verb ("seek", "forge"; not "shelling" or "detour"). */
static unsigned lookup_forms(const dg_wordclass *wc, const char *w)
{
    unsigned counts[4], f = 0, rare = 0, count, vcount = 2;
    const char *lemma;
    dg_verb_form vf;
    char buf[64];
    size_t n = strlen(w), r;

    if (!wc || n == 0 || n >= sizeof buf)
        return 0;
    vf = dg_wordclass_word(wc, w, counts, &lemma, &count);
    if (counts[0])
        *(counts[0] > 1 ? &f : &rare) |= WF_NOUN;
    f |= (counts[2] ? WF_ADJ : 0) | (counts[3] ? WF_ADV : 0);
    switch (vf) {
    case DG_VF_BASE: f |= WF_VERB; vcount = count; break;
    case DG_VF_S: f |= WF_VERB_S; vcount = count; break;
    case DG_VF_ED: f |= WF_VERB_ED; break;
    case DG_VF_ING: f |= WF_VERB_ING; break;
    default: break;
    }
    for (r = 0; r < sizeof plural_rules / sizeof plural_rules[0]; r++) {
        size_t sl = strlen(plural_rules[r][0]);
        if (n <= sl + 1 || strcmp(w + n - sl, plural_rules[r][0]) != 0)
            continue;
        memcpy(buf, w, n - sl);
        strcpy(buf + n - sl, plural_rules[r][1]);
        if (noun_of(wc, buf, &count)) {
            *(count > 1 ? &f : &rare) |= WF_PLURAL;
            break;
        }
    }
    if (!(f & (WF_VERB | WF_VERB_S)) || vcount <= 1)
        f |= rare;
    return f;
}

/* A memo of recent answers, one per thread: a word's forms cost about
 * twenty lookups, and news repeats its words.  Direct-mapped by the
 * word's hash; each entry names the word classes it came from. */
#define MEMO_SLOTS 4096
#define MEMO_WORD 24
static _Thread_local struct {
    const dg_wordclass *wc;
    char word[MEMO_WORD];
    unsigned forms;
} memo[MEMO_SLOTS];

static unsigned word_forms(const dg_wordclass *wc, const char *w)
{
    size_t n = strlen(w), slot;

    if (n >= MEMO_WORD)
        return lookup_forms(wc, w);
    slot = (size_t)dg_hash_bytes(0x2545f4914f6cdd1dull, w, n) & (MEMO_SLOTS - 1);
    if (memo[slot].wc != wc || strcmp(memo[slot].word, w) != 0) {
        memo[slot].wc = wc;
        memcpy(memo[slot].word, w, n + 1);
        memo[slot].forms = lookup_forms(wc, w);
    }
    return memo[slot].forms;
}

/* ------------------------------------------------------------------ */
/* Closed classes of English                                           */
/* ------------------------------------------------------------------ */

static const char *const determiners[] = {
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her",
    "our", "your", "my", "both", "all", "each", "every", "some", "any", "no",
    "another", "either", "neither", "such", "what", "whatever", NULL
};

static const char *const pronouns[] = {
    "he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "me",
    "itself", "themselves", "himself", "herself", "ourselves", "there",
    "someone", "anyone", "everyone", "nobody", "something", "anything",
    "everything", "nothing", NULL
};

static const char *const prepositions[] = {
    "of", "in", "on", "at", "for", "from", "with", "without", "by", "to",
    "into", "onto", "over", "under", "about", "around", "between", "among",
    "amongst", "against", "toward", "towards", "through", "throughout",
    "during", "across", "within", "beyond", "despite", "amid", "amidst",
    "behind", "near", "upon", "via", "per", "like", "than", "along",
    "alongside", "following", "after", "before", "since", "until", "till",
    "regarding", "concerning", "including", "beside", "besides", "except",
    "outside", "inside", "unlike", "versus", "vs", "off", "up", "down",
    "out", "onto", "beneath", "above", "below", NULL
};

/* Words that open a new clause: relative pronouns, subordinators and
 * coordinators of clauses. */
static const char *const clause_words[] = {
    "which", "that", "who", "whom", "whose", "where", "when", "while",
    "whereas", "because", "although", "though", "if", "unless", "whether",
    "how", "why", "so", "but", "yet", "as", "once", "whereby", "whilst",
    "then", "thus", "hence", "therefore", "however", "instead", NULL
};

/* Auxiliaries, modals and the negation: a verb group. */
static const char *const aux_words[] = {
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
    "had", "having", "do", "does", "did", "will", "would", "shall",
    "should", "can", "could", "may", "might", "must", "not", "cannot",
    "ought", "won't", "can't", "didn't", "doesn't", "isn't", "aren't",
    "wasn't", "weren't", "hasn't", "haven't", "hadn't", "wouldn't",
    NULL
};

/* Verbs of saying in the -ing form: what follows is a clause. */
static const char *const speech_gerunds[] = {
    "saying", "stating", "adding", "noting", "warning", "telling",
    "arguing", "claiming", "insisting", "stressing", "explaining",
    "announcing", "asserting", "suggesting", NULL
};

/* Verbs of saying in the -s form, which WordNet also knows as plural
 * nouns ("says"): a clause of reported speech. */
static const char *const speech_verbs[] = {
    "says", "tells", "adds", "warns", "urges", "insists", "explains",
    "argues", "notes", "stresses", "believes", "thinks", NULL
};

/* Adverbs that stand before the words a cue introduces ("discussed
 * mostly trade"). */
static const char *const adverbs[] = {
    "also", "mostly", "mainly", "chiefly", "primarily", "particularly",
    "especially", "notably", "largely", "principally", "further", "again",
    "only", "even", "still", "already", "briefly", "forward", "together",
    "ahead", "back", "closely", "jointly", "here", "there", "now", "well",
    NULL
};

/* Adjectives that say how much or how new, not which issue: dropped
 * from the front of a topic ("new sanctions" -> "sanctions"). */
static const char *const loose_adjectives[] = {
    "new", "further", "more", "most", "additional", "fresh", "other",
    "same", "current", "recent", "possible", "potential", "so-called",
    "key", "major", "main", "important", "significant", "serious",
    "various", "several", "many", "much", "few", "certain", "particular",
    "specific", "latest", "last", "next", "first", "whole", "entire",
    "full", "overall", "broader", "wider", "greater", "deeper", "better",
    "immediate", "general", "ongoing", "continued", "continuing", "deep",
    "necessary", "real", "any", "upcoming", "forthcoming", "similar", "old",
    "vital", "pressing", "urgent", "wide", "broad", "critical", "crucial",
    "relevant", "respective", "numerous", "multiple", "shared", "mutual",
    "outstanding", "remaining", "existing", "unwavering", "steadfast",
    "strong", "stronger", "close", "closer", "concrete", "practical",
    "constructive", "frank", "candid", "productive", "difficult", NULL
};

/* Nouns that only frame an issue ("the issue of X", "areas of X"): no
 * topic alone, and dropped before "of". */
static const char *const light_nouns[] = {
    "issue", "issues", "matter", "matters", "topic", "topics", "subject",
    "subjects", "question", "questions", "area", "areas", "field", "fields",
    "aspect", "aspects", "range", "number", "variety", "list", "host",
    "series", "importance", "need", "way", "ways", "means", "step", "steps",
    "things", "thing", "efforts", "effort", "details", "point", "points",
    "item", "items", "concern", "concerns", "view", "views", "idea",
    "ideas", "opinion", "opinions", "prospects", "possibility", "kind",
    "kinds", "sort", "part", "parts", "state", "status", "sphere",
    "spheres", "others", "developments", "situation", "nature", "context",
    "framework", "agenda", "priorities", "priority", "challenges",
    "problems", "problem", "lot", "lots", "set", "array", "whole",
    "desire", "resolve", "commitment", "commitments", "determination",
    "willingness", "readiness", "ability", "intention", "intentions",
    "wish", "wishes", "hope", "hopes", "aim", "goal", "goals", "attempt",
    "attempts", "bid", "decision", "decisions", "complexities",
    "differences", "factors", "measures", "preparations",
    "progress", "role", "possibilities", "opportunities", "basis", "future",
    "agreement", "agreements", NULL
};

/* Nouns of will and action ("efforts", "commitment", "desire"): they
 * frame an issue ("commitment to X") and are none themselves. */
static const char *const act_nouns[] = {
    "desire", "resolve", "commitment", "commitments", "determination",
    "willingness", "readiness", "ability", "intention", "intentions",
    "wish", "wishes", "hope", "hopes", "aim", "goal", "goals", "attempt",
    "attempts", "bid", "decision", "decisions", "efforts", "effort",
    "measures", "preparations", "steps", "step", "plans", "role", NULL
};

/* Heads naming people or bodies who act, not an issue ("defense
 * officials", "a Pentagon spokesman", "his Israeli counterpart"). */
static const char *const people_nouns[] = {
    "official", "officials", "spokesman", "spokeswoman", "spokesperson",
    "spokespeople", "leader", "leaders", "counterpart", "counterparts",
    "delegation", "delegations", "delegate", "delegates", "representative",
    "representatives", "envoy", "envoys", "negotiator", "negotiators",
    "minister", "ministers", "president", "authorities", "government",
    "governments", "administration", "members", "member", "side", "sides",
    "party", "parties", "countries", "country", "nations", "nation",
    "states", "people", "analyst", "analysts", "critics", "experts",
    "lawmakers", "agency", "ministry", "office", "team", "group", "groups",
    "supporters", "chief", "head", "secretary", "general", "advisor",
    "adviser", "aide", "aides", "source", "sources", "employee",
    "employees", "controllers", "investigators", "partners", "allies",
    "women", "men", "individuals", "persons", "person", "man", "woman",
    "ally", "neighbours", "neighbors", "participants", "organisers",
    "organizers", "community", "workers", "activists", "protesters",
    "demonstrators", "residents", "reporters", "reporter", "journalists",
    "journalist", "correspondents", "correspondent", "press", NULL
};

/* Heads naming armed, official or other bodies that are an issue when
 * acted on ("the deployment of troops", "expelled 35 diplomats",
 * "sanctioned intelligence agencies") and actors otherwise ("Iraqi troops
 * invaded"). */
static const char *const force_nouns[] = {
    "troops", "soldiers", "forces", "force", "army", "navy", "military",
    "police", "diplomats", "diplomat", "inspectors", "observers",
    "monitors", "peacekeepers", "personnel", "staff", "officers",
    "militias", "militants", "rebels", "fighters", "warships", "ships",
    "organization", "organizations", "organisation", "organisations",
    "agencies", "companies", "company", "firms", "newspaper", NULL
};

/* Nouns that place an event beside another ("on the margins of"). */
static const char *const margin_nouns[] = {
    "margins", "margin", "sidelines", "sideline", "side-lines", "fringes",
    NULL
};

/* Heads naming an event, not what it was about ("the meeting"). */
static const char *const event_nouns[] = {
    "meeting", "meetings", "summit", "summits", "visit", "visits", "trip",
    "tour", "call", "calls", "conversation", "conference", "session",
    "ceremony", "briefing", "gathering", "reception", "dinner", "lunch",
    "breakfast", "talks", "ministerial", "event", "occasion", "margins",
    "sidelines", "announcement", "statement", "remarks", "website",
    "report", NULL
};

/* Words of talking, agreeing or disputing: after them "on", "about",
 * "over", "around" introduce what it is about ("talks on trade",
 * "concerns about", "a dispute over"). */
static const char *const talk_words[] = {
    "talk", "talks", "talked", "talking", "spoke", "speak", "speaks",
    "spoken", "speaking", "discussion", "discussions", "negotiation",
    "negotiations", "consultation", "consultations", "dialogue", "dialog",
    "conversation", "conversations", "meeting", "agreement",
    "agreements", "deal", "deals", "accord", "pact", "treaty",
    "understanding", "cooperation", "co-operation", "views", "opinions",
    "concern", "concerns", "concerned", "worry", "worries", "worried",
    "fears", "doubts", "question", "questions", "dispute", "disputes",
    "row", "tension", "tensions", "differences", "disagreement",
    "disagreements", "standoff", "clash", "clashes", "rift", "spat",
    "feud", "focus", "focused", "focuses", "focusing", "focussed",
    "centred", "centered", "concentrated", "conferred", "confer", "briefed",
    "agreed", "agree", "statement", "resolution", "declaration",
    "position", "positions", "stance", "consensus", "progress",
    "collaborate", "collaboration", "cooperate", "co-operate", "exchanged",
    "exchange", "exchanges", "summit", "conference", "session", "remarks",
    "comments", "commented", "updated", "update", "decision", "proposal",
    "proposals", "initiative", "commitment", "commitments", "memorandum",
    "debate", "compromise", "impasse", "breakthrough", "touched", "work",
    "worked", "working", "information", "consult", "consulted", "anger",
    "protest", "protests", "criticism", "outrage", "frustration",
    "warned", "warning", "briefing", "deliberations", "spoken",
    "reflected", "reported", "informed", "stressed", "disappointment",
    "satisfaction", "regret", "dismay", "alarm", "unease", "optimism",
    "pessimism", "anxiety", "indignation", "displeasure", "grievances",
    NULL
};

/* Cue words after which a topic phrase starts, whatever precedes them. */
static const char *const discussion_verbs[] = {
    "discuss", "discussed", "discussing", "discusses", "address",
    "addressed", "addressing", "addresses", "reviewed", "review",
    "reviewing", "tackle", "tackled", "tackling", "debated", "debate",
    "regarding", "concerning", "covered", "examined", "raised", NULL
};

/* Nouns whose list of examples "including" or "such as" introduces
 * ("issues such as X", "topics, including X"). */
static const char *const list_heads[] = {
    "issues", "topics", "matters", "subjects", "questions", "areas",
    "fields", "challenges", "concerns", "priorities", "threats",
    "problems", "sectors", "spheres", "domains", "things", "others",
    "cooperation", "co-operation", "agenda", "interests", NULL
};

/* "X will include Y", X one of these: Y are topics. */
static const char *const agenda_nouns[] = {
    "topics", "issues", "agenda", "discussions", "talks", "subjects",
    "matters", "priorities", "negotiations", NULL
};

static const char *const include_verbs[] = {
    "include", "included", "includes", "including", "cover", "covers",
    "covered", NULL
};

/* Prepositions that start no part of an issue's name ("by", "among",
 * "during"): a topic phrase ends before them. */
static const char *const ending_preps[] = {
    "by", "among", "amongst", "during", "despite", "amid", "amidst",
    "after", "before", "since", "until", "till", "than", "like", "via",
    "following", "within", "throughout", "upon", "alongside", "besides",
    "except", "unlike", "per", "due", "according", "prior", "owing",
    "thanks", "regardless", "whereby", "given", NULL
};

/* Nouns that make a prepositional phrase say how, why or when rather
 * than what ("in a constructive manner", "in response to", "in the face
 * of", "in order to"). */
static const char *const manner_nouns[] = {
    "manner", "way", "order", "response", "face", "wake", "spirit",
    "light", "view", "terms", "accordance", "line", "keeping", "spite",
    "run-up", "lead-up", "absence", "presence", "course", "framework",
    "context", "name", "support", "favour", "favor", "return", "exchange",
    "addition", "case", "event", "time", "aftermath", "midst", "entirety",
    NULL
};

/* Prepositions after a frame word whose object is the issue ("the
 * importance of X", "views on X", "complexities in X"). */
static const char *const frame_preps[] = {
    "of", "on", "in", "about", "over", "regarding", "concerning", "around",
    "surrounding", "for", "to", NULL
};

/* Number words and units of amounts ("15 million", "two women"). */
static const char *const units[] = {
    "million", "billion", "trillion", "bn", "m", "percent", "per", "cent",
    "dollars", "euros", "hundred", "thousand", "thousands", "hundreds",
    "millions", "billions", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "dozen", "dozens", "eleven", "twelve",
    "twenty", "fifty", NULL
};

/* Words a date expression can end with besides numbers and names ("last
 * week", "this morning", "two days ago"). */
static const char *const time_words[] = {
    "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon",
    "evening", "night", "week", "weekend", "month", "year", "day", "days",
    "weeks", "months", "years", "ago", "earlier", "later", "recently",
    "now", NULL
};

/* Prepositions that say what talks are about ("talks on X"). */
static const char *const about_preps[] = {
    "on", "about", "over", "around", "upon", NULL
};

/* The lists above, by number: each token caches which it is in. */
enum {
    L_DET, L_PRON, L_PREP, L_CLAUSE, L_AUX, L_ADV, L_LOOSE, L_LIGHT,
    L_SPEECH_VERB, L_SPEECH_GERUND, L_DISCUSS, L_TALK, L_LIST_HEAD,
    L_AGENDA, L_INCLUDE, L_PEOPLE, L_FORCE, L_ACT, L_EVENT, L_MARGIN,
    L_ENDING, L_MANNER, L_FRAME, L_UNITS, L_TIME, L_ABOUT, L_COUNT
};

static const char *const *const word_lists[L_COUNT] = {
    determiners, pronouns, prepositions, clause_words, aux_words, adverbs,
    loose_adjectives, light_nouns, speech_verbs, speech_gerunds,
    discussion_verbs, talk_words, list_heads, agenda_nouns, include_verbs,
    people_nouns, force_nouns, act_nouns, event_nouns, margin_nouns,
    ending_preps, manner_nouns, frame_preps, units, time_words, about_preps
};

/* ------------------------------------------------------------------ */
/* Tokens                                                              */
/* ------------------------------------------------------------------ */

static const dg_token *tok(const dg_doc *doc, size_t k)
{
    return &doc->toks[k];
}

static int is(const dg_doc *doc, size_t k, const char *w)
{
    return dg_tok_is(tok(doc, k), w);
}

/* What topics.c learns of a token once per document (doc->word_info):
 * its WordNet forms, the closed lists it is in, the date expression and
 * the scheme keyword that start at it. */
struct dg_word_info {
    unsigned bits;             /* WI_* */
    uint32_t lists;            /* bit L_*: in that list */
    unsigned char date_len;    /* tokens of the date starting here */
    unsigned char kw_len;      /* tokens of the scheme keyword here */
    const dg_lex_entry *kw;    /* that keyword's entry */
};

enum {
    WI_FORMS = 0xffu,          /* WF_* */
    WI_FORMS_KNOWN = 1u << 8,
    WI_LISTS_KNOWN = 1u << 9,
    WI_DATE_KNOWN = 1u << 10,
    WI_KW_KNOWN = 1u << 11
};

/* A hash table of every word of word_lists: the word and the mask of
 * the lists it is in.  Built once per process (pthread_once), then only
 * read. */
#define LIST_SLOTS 4096
static struct {
    const char *word;
    uint32_t lists;
} list_tab[LIST_SLOTS];
static pthread_once_t list_once = PTHREAD_ONCE_INIT;

static size_t list_slot(const char *w)
{
    size_t i = (size_t)dg_hash_bytes(0x51ed27011f3a8c3dull, w, strlen(w)) &
               (LIST_SLOTS - 1);

    while (list_tab[i].word && strcmp(list_tab[i].word, w) != 0)
        i = (i + 1) & (LIST_SLOTS - 1);
    return i;
}

static void build_list_tab(void)
{
    size_t l, j;

    for (l = 0; l < L_COUNT; l++)
        for (j = 0; word_lists[l][j]; j++) {
            size_t i = list_slot(word_lists[l][j]);
            list_tab[i].word = word_lists[l][j];
            list_tab[i].lists |= (uint32_t)1 << l;
        }
}

/* Is word w in list L_*? */
static int word_in(int list, const char *w)
{
    pthread_once(&list_once, build_list_tab);
    return (list_tab[list_slot(w)].lists >> list) & 1u;
}

/* The cached facts of token k (NULL before the entry points made the
 * cache). */
static struct dg_word_info *info(const dg_doc *doc, size_t k)
{
    return doc->word_info ? &doc->word_info[k] : NULL;
}

/* lists_of for a token not asked about before. */
static uint32_t find_lists(const dg_doc *doc, size_t k)
{
    struct dg_word_info *wi = info(doc, k);
    uint32_t lists;

    pthread_once(&list_once, build_list_tab);
    lists = list_tab[list_slot(tok(doc, k)->norm)].lists;
    if (wi) {
        wi->lists = lists;
        wi->bits |= WI_LISTS_KNOWN;
    }
    return lists;
}

/* The mask of the lists L_* token k is in: the most frequent question
 * of this file (thousands an article), answered from the token's cache. */
static inline uint32_t lists_of(const dg_doc *doc, size_t k)
{
    const struct dg_word_info *wi = info(doc, k);

    return wi && (wi->bits & WI_LISTS_KNOWN) ? wi->lists : find_lists(doc, k);
}

/* Is token k in list L_*? */
static int in(const dg_doc *doc, size_t k, int list)
{
    return (lists_of(doc, k) >> list) & 1u;
}

/* A word written in lower case (no number): a common word. */
static int lower_word(const dg_doc *doc, size_t k)
{
    return (tok(doc, k)->flags & (DG_TOK_WORD | DG_TOK_CAP | DG_TOK_NUM |
                                  DG_TOK_ALLCAPS)) == DG_TOK_WORD;
}

static int closed_word(const dg_doc *doc, size_t k)
{
    const uint32_t closed = (1u << L_DET) | (1u << L_PRON) | (1u << L_PREP) |
                            (1u << L_CLAUSE) | (1u << L_AUX);

    return (lists_of(doc, k) & closed) || is(doc, k, "and") ||
           is(doc, k, "or") || is(doc, k, "nor");
}

/* The forms of token k (WF_*); 0 for words not written in lower case
 * (names, numbers), which WordNet would not class right. */
static unsigned forms(const dg_doc *doc, size_t k)
{
    struct dg_word_info *wi = info(doc, k);
    unsigned f;

    if (wi && (wi->bits & WI_FORMS_KNOWN))
        return wi->bits & WI_FORMS;
    f = (tok(doc, k)->flags & (DG_TOK_WORD | DG_TOK_NUM | DG_TOK_ALLCAPS)) == DG_TOK_WORD
            ? word_forms(dg_lexicon_wordclass(doc->lex), tok(doc, k)->norm) : 0;
    if (wi)
        wi->bits |= f | WI_FORMS_KNOWN;
    return f;
}

/* Makes doc->word_info (nothing known yet).  Returns 0 when out of
 * memory. */
static int info_cache(dg_doc *doc)
{
    if (!doc->word_info && doc->ntoks > 0)
        doc->word_info = calloc(doc->ntoks, sizeof *doc->word_info);
    return doc->word_info != NULL || doc->ntoks == 0;
}

/* Is token k the first word of its sentence (or of a line, a quotation
 * or a list item)? */
static int starts_sentence(const dg_doc *doc, size_t k)
{
    const dg_token *t = tok(doc, k);

    return k == doc->sents[t->sent].tok_b || (t->flags & DG_TOK_NL_BEFORE) ||
           ((tok(doc, k - 1)->flags & DG_TOK_PUNCT) &&
            !(tok(doc, k - 1)->flags & DG_TOK_POSS) &&
            !is(doc, k - 1, ",") && !is(doc, k - 1, "-"));
}

/* A word capitalized only because a sentence starts with it. */
static int common_capitalized(const dg_doc *doc, size_t k)
{
    return (tok(doc, k)->flags & DG_TOK_CAP) &&
           !(tok(doc, k)->flags & DG_TOK_ALLCAPS) && starts_sentence(doc, k) &&
           dg_mention_at(doc, k) < 0;
}

/* A capitalized word inside a sentence that no gazetteer knows: part of
 * a name ("the Katyn massacre"). */
static int unknown_name(const dg_doc *doc, size_t k)
{
    return (tok(doc, k)->flags & DG_TOK_CAP) && !starts_sentence(doc, k) &&
           dg_mention_at(doc, k) < 0;
}

/* A common word: written in lower case, or capitalized at the start of
 * a sentence only. */
static int common_word(const dg_doc *doc, size_t k)
{
    return lower_word(doc, k) || common_capitalized(doc, k);
}

/* The mention covering token k when it names an entity (not a title). */
static const dg_mention *name_at(const dg_doc *doc, size_t k)
{
    int m = dg_mention_at(doc, k);

    if (m < 0 || doc->ments[m].type == DG_MENT_TITLE ||
        doc->ments[m].type == DG_MENT_PRONOUN)
        return NULL;
    return &doc->ments[m];
}

enum { V_NONE, V_FINITE, V_PARTICIPLE, V_GERUND };

/* Does w end in "-ed" (a regular past, not "spread" or "ground")? */
static int ends_in_ed(const char *w)
{
    size_t n = strlen(w);

    return n > 2 && strcmp(w + n - 2, "ed") == 0;
}

/* Is common word k a verb, and which form: a finite verb ("remain",
 * "is", "says"), a participle ("said", "imposed") or an -ing form that
 * takes an object or is no noun ("confronting the", "failing to")?
 * Words WordNet knows as nouns or adjectives too are read as such,
 * except -ed and -ing forms, which the caller judges by their place. */
static int verb_kind(const dg_doc *doc, size_t k, size_t se)
{
    unsigned f;

    if (!common_word(doc, k) || dg_mention_at(doc, k) >= 0 ||
        (k + 1 < se && is(doc, k + 1, "-") &&
         !(tok(doc, k + 1)->flags & DG_TOK_SPACE_BEFORE)))
        return V_NONE;   /* "shoot-down", "break-in": a compound */
    if (in(doc, k, L_AUX) || in(doc, k, L_SPEECH_VERB))
        return V_FINITE;
    if (closed_word(doc, k))
        return V_NONE;
    f = forms(doc, k);
    if (f & WF_VERB_ING) {
        /* "confronting the US", "failing to", "submarines sailing into";
         * a noun of its own after a name stays one ("the G20 meeting") */
        int object = k + 1 < se && (in(doc, k + 1, L_DET) ||
                                    in(doc, k + 1, L_PRON) || is(doc, k + 1, "to"));
        int after_subject = k > 0 && common_word(doc, k - 1) &&
                            (forms(doc, k - 1) & WF_PLURAL);
        if (!(f & WF_NOUN))
            return V_GERUND;
        return object || (after_subject && !is(doc, k + 1, "of")) ? V_GERUND : V_NONE;
    }
    /* "ground", "spread": an irregular past that is a noun too */
    if ((f & WF_VERB_ED) && !((f & WF_NOUN) && !ends_in_ed(tok(doc, k)->norm)))
        return V_PARTICIPLE;
    if ((f & WF_ANY_VERB) && !(f & (WF_ANY_NOUN | WF_ADJ | WF_ADV)))
        return V_FINITE;
    return V_NONE;
}

/* A noun or adjective (or a word WordNet does not know, such as
 * "counternarcotics"): a word that can stand in a noun phrase. */
static int nominal(const dg_doc *doc, size_t k, size_t se)
{
    unsigned f;

    if (!common_word(doc, k) || closed_word(doc, k) ||
        verb_kind(doc, k, se) != V_NONE)
        return 0;
    f = forms(doc, k);
    return f == 0 || (f & (WF_ANY_NOUN | WF_ADJ)) != 0;
}

/* Can common word k be an adjective (and is no plural noun)? */
static int adjective(const dg_doc *doc, size_t k)
{
    return common_word(doc, k) && (forms(doc, k) & WF_ADJ) &&
           !(forms(doc, k) & WF_PLURAL);
}

/* A noun, or a word WordNet does not know ("ceasefire"). */
static int noun_like(const dg_doc *doc, size_t k)
{
    unsigned f = forms(doc, k);

    return f == 0 || (f & WF_ANY_NOUN);
}

/* Is token k inside a title ("Defence Minister", "secretary general")? */
static int in_title(const dg_doc *doc, size_t k)
{
    int m = dg_mention_at(doc, k);

    return m >= 0 && doc->ments[m].type == DG_MENT_TITLE;
}

/* Notes in the cache where each date expression of token k's sentence
 * starts and how long it is (durations are no dates here). */
static void find_dates(const dg_doc *doc, size_t k)
{
    size_t s = tok(doc, k)->sent;
    const dg_sentence *st = &doc->sents[s];
    dg_date_expr buf[DG_SENTENCE_DATES];
    const dg_date_expr *ex = buf;
    size_t n, i;

    if (doc->date_first) { /* found by the clause stage */
        ex = doc->dates + doc->date_first[s];
        n = doc->date_first[s + 1] - doc->date_first[s];
    } else {
        n = dg_dates_find(doc->text, doc->toks, st->tok_b, st->tok_e,
                          &doc->date, buf, DG_SENTENCE_DATES);
    }

    for (i = st->tok_b; i < st->tok_e; i++)
        doc->word_info[i].bits |= WI_DATE_KNOWN;
    for (i = 0; i < n; i++)
        if (ex[i].days == 0 && ex[i].tok_e - ex[i].tok_b < 256)
            doc->word_info[ex[i].tok_b].date_len =
                (unsigned char)(ex[i].tok_e - ex[i].tok_b);
}

/* The end of the date expression starting at token k, or k when none
 * starts there or it runs past se. */
static size_t date_at(const dg_doc *doc, size_t k, size_t se)
{
    struct dg_word_info *wi = info(doc, k);
    size_t len = 0;

    if (wi) {
        if (!(wi->bits & WI_DATE_KNOWN))
            find_dates(doc, k);
        len = wi->date_len;
    } else {
        size_t send = doc->sents[tok(doc, k)->sent].tok_e;
        dg_date_expr ex[1];
        if (dg_dates_find(doc->text, doc->toks, k, k + 5 < send ? k + 5 : send,
                          &doc->date, ex, 1) == 1 &&
            ex[0].tok_b == k && ex[0].days == 0)
            len = ex[0].tok_e - k;
    }
    return k + len <= se ? k + len : k;
}

/* The longest scheme keyword starting at token k within its sentence:
 * its length in tokens (0: none) and entry. */
static size_t keyword_at(const dg_doc *doc, size_t k, const dg_lex_entry **kw)
{
    struct dg_word_info *wi = info(doc, k);
    const dg_lex_entry *hits[4];
    size_t nh = 0, n;

    if (wi && (wi->bits & WI_KW_KNOWN)) {
        *kw = wi->kw;
        return wi->kw_len;
    }
    n = dg_lexicon_match(doc->lex, doc->text, doc->toks,
                         doc->sents[tok(doc, k)->sent].tok_e, k,
                         1u << DG_LEX_TOPIC, hits, 4, &nh);
    if (nh == 0 || n > 255)
        n = 0;
    *kw = n ? hits[0] : NULL;
    if (wi) {
        wi->kw = *kw;
        wi->kw_len = (unsigned char)n;
        wi->bits |= WI_KW_KNOWN;
    }
    return n;
}

/* ------------------------------------------------------------------ */
/* Where topics go                                                     */
/* ------------------------------------------------------------------ */

/* The event whose topics are being found; the article's own topics are
 * gathered as those of an event with no class and no participants. */
typedef struct {
    const dg_doc *doc;
    dg_event *ev;
    const char *const *keys;  /* if not NULL: the only scheme topics whose
                                 keywords count (NULL-terminated) */
} sink;

/* The state entity x belongs to: itself, a place's or organization's
 * state, the state of a person's post; -1 if none. */
static int state_of(const dg_doc *doc, int x)
{
    const dg_entity *en = &doc->ents[x];

    if (en->kind == DG_ENT_COUNTRY)
        return x;
    if (en->kind == DG_ENT_PERSON)
        return en->nposts > 0 ? en->posts[0].in : -1;
    return en->country;
}

/* Does entity x take part in ev: a participant, its place, or the state
 * of one ("Israel" when Israel's foreign minister is a participant)?
 * For the article (no class): in any event of the document. */
static int takes_part(const sink *sk, int x)
{
    const dg_doc *doc = sk->doc;
    size_t i, p;

    if (x < 0)
        return 0;
    for (i = 0; i < (sk->ev->cls ? 1 : doc->nevs); i++) {
        const dg_event *ev = sk->ev->cls ? sk->ev : &doc->evs[i];
        if (ev->location == x ||
            (ev->location >= 0 && doc->ents[x].kind == DG_ENT_COUNTRY &&
             state_of(doc, ev->location) == x))
            return 1;
        for (p = 0; p < ev->nparts; p++) {
            int y = ev->parts[p].entity;
            if (y == x || (doc->ents[x].kind == DG_ENT_COUNTRY && state_of(doc, y) == x))
                return 1;
        }
    }
    return 0;
}

/* Is entity x a city or a venue (a place events happen in)? */
static int event_place(const dg_doc *doc, int x)
{
    const dg_entity *en = &doc->ents[x];

    return en->kind == DG_ENT_PLACE && en->place_cls &&
           (strcmp(en->place_cls, "city") == 0 ||
            strcmp(en->place_cls, "venue") == 0);
}

/* The text of tokens [b, e) as a label: a first word capitalized only
 * because it starts a sentence is written in lower case.  malloc'd, or
 * NULL when out of memory. */
static char *span_label(const dg_doc *doc, size_t b, size_t e)
{
    size_t len = tok(doc, e - 1)->e - tok(doc, b)->b;
    char *label = malloc(len + 1);

    if (!label)
        return NULL;
    memcpy(label, doc->text + tok(doc, b)->b, len);
    label[len] = '\0';
    if (common_capitalized(doc, b) && label[0] >= 'A' && label[0] <= 'Z' &&
        !(b + 1 < e && (tok(doc, b + 1)->flags & DG_TOK_CAP)))
        label[0] = (char)(label[0] - 'A' + 'a');
    return label;
}

/* Is the text of tokens [b, e) part of a topic the sink has already? */
static int in_topics(const sink *sk, size_t b, size_t e)
{
    const char *p = sk->doc->text + tok(sk->doc, b)->b;
    size_t len = tok(sk->doc, e - 1)->e - tok(sk->doc, b)->b, t;

    for (t = 0; t < sk->ev->ntopics; t++) {
        const char *l = sk->ev->topics[t], *hit;
        for (hit = l; (hit = strchr(hit, p[0])) != NULL; hit++)
            if (strncmp(hit, p, len) == 0)
                return 1;
    }
    return 0;
}

/* Adds tokens [b, e) as a topic (key: its scheme topic, or NULL).
 * Returns 0 when out of memory. */
static int add_topic(const sink *sk, size_t b, size_t e, const char *key)
{
    char *label = span_label(sk->doc, b, e);
    int ok;

    if (!label)
        return 0;
    ok = dg_event_add_topic(sk->ev, label, key);
    free(label);
    return ok;
}

/* The scheme topic tokens [b, e) name, or NULL: the one whose keyword
 * holds token `head` if any ("economic sanctions": Sanctions), else the
 * first. */
static const dg_lex_entry *scheme_topic_at(const dg_doc *doc, size_t b,
                                           size_t e, size_t head)
{
    const dg_lex_entry *first = NULL;
    size_t i, n;

    for (i = b; i < e; i += n ? n : 1) {
        const dg_lex_entry *kw;
        if ((n = keyword_at(doc, i, &kw)) == 0 || i + n > e)
            continue;
        if (i <= head && head < i + n)
            return kw;
        if (!first)
            first = kw;
    }
    return first;
}

/* ------------------------------------------------------------------ */
/* Noun phrases                                                        */
/* ------------------------------------------------------------------ */

/* Does a word before token k make k a modifier inside a noun phrase
 * ("the targeted sanctions", "of enriched uranium", "Iran's continued
 * deployments") rather than a verb? */
static int after_np_opener(const dg_doc *doc, size_t k, size_t sb)
{
    if (k == sb)
        return 0;
    return in(doc, k - 1, L_DET) || in(doc, k - 1, L_PREP) ||
           (tok(doc, k - 1)->flags & DG_TOK_POSS) || is(doc, k - 1, "-") ||
           is(doc, k - 1, "and") || in(doc, k - 1, L_LOOSE);
}

/* Does a date that ends a phrase start at token k: a date after a
 * preposition or on its own ("on Saturday", "last week", "in 2014"),
 * not one that modifies a noun ("the April summit", "Wednesday's
 * coup")? */
static int date_break(const dg_doc *doc, size_t k, size_t b, size_t se)
{
    size_t d = k, e;

    if (in(doc, k, L_PREP) && k + 1 < se)
        d = k + 1;
    if ((e = date_at(doc, d, se)) == d)
        return 0;
    if (d == k && k > b && (in(doc, k - 1, L_DET) ||
                            (tok(doc, k - 1)->flags & DG_TOK_POSS)))
        return 0;
    return !(e < se && (tok(doc, e)->flags & DG_TOK_POSS));
}

/* The named entity right after token k ("with Russia", "with the
 * EU"), or -1. */
static int name_after(const dg_doc *doc, size_t k, size_t se)
{
    const dg_mention *m;

    if (k < se && is(doc, k, "the"))
        k++;
    if (k >= se || !(m = name_at(doc, k)) || m->tok_b != k)
        return -1;
    return m->entity;
}



/* Is the preposition at k followed (within three words) by a manner
 * noun ending its phrase ("in a constructive manner", "in response to")? */
static int frame_pp(const dg_doc *doc, size_t k, size_t se)
{
    size_t j;

    for (j = k + 1; j < se && j <= k + 3; j++) {
        if (in(doc, j, L_MANNER) && dg_mention_at(doc, j) < 0)
            return j + 1 >= se || in(doc, j + 1, L_PREP) ||
                   (tok(doc, j + 1)->flags & DG_TOK_PUNCT) ||
                   in(doc, j + 1, L_CLAUSE);
        if (!(tok(doc, j)->flags & DG_TOK_WORD) || in(doc, j, L_PREP))
            return 0;
    }
    return 0;
}

/* Does token k (inside a phrase that began at b) end the phrase? */
static int phrase_break(const sink *sk, size_t k, size_t b, size_t se)
{
    const dg_doc *doc = sk->doc;
    const dg_token *t = tok(doc, k);
    int v, x;

    if (t->flags & DG_TOK_PUNCT)
        return !((t->flags & DG_TOK_POSS) || is(doc, k, ",") ||
                 is(doc, k, "/") || is(doc, k, "&") ||
                 ((is(doc, k, "-") || is(doc, k, "+")) &&
                  !(t->flags & DG_TOK_SPACE_BEFORE)));
    if (date_break(doc, k, b, se))
        return 1;
    if (dg_mention_at(doc, k) >= 0)
        return 0;
    if ((in(doc, k, L_CLAUSE) &&
         !(is(doc, k, "as") && k + 2 < se && is(doc, k + 1, "well") &&
           is(doc, k + 2, "as")) &&
         !(is(doc, k, "as") && k > b && is(doc, k - 1, "such"))) ||
        in(doc, k, L_PRON) || in(doc, k, L_ENDING))
        return 1;
    v = verb_kind(doc, k, se);
    if (v == V_FINITE && k >= b + 2 && is(doc, k - 1, "to") &&
        (in(doc, k - 2, L_ACT) || in(doc, k - 2, L_LIGHT)))
        return 0;   /* "efforts to contain the spread" */
    if (v == V_FINITE ||
        ((v == V_PARTICIPLE || v == V_GERUND) && k > b &&
         !after_np_opener(doc, k, doc->sents[t->sent].tok_b)))
        return 1;
    if ((is(doc, k, "and") || is(doc, k, "or")) && k + 1 < se &&
        (in(doc, k + 1, L_PRON) || in(doc, k + 1, L_AUX) ||
         (verb_kind(doc, k + 1, se) != V_NONE &&
          verb_kind(doc, k + 1, se) != V_GERUND) ||
         (common_word(doc, k + 1) && (forms(doc, k + 1) & WF_VERB) &&
          k + 2 < se && (in(doc, k + 2, L_DET) || is(doc, k + 2, "with") ||
                         is(doc, k + 2, "to") || in(doc, k + 2, L_PRON)))))
        return 1;   /* "... and said", "... and he", "... and meet with" */
    if (is(doc, k, "to") && k + 1 < se && common_word(doc, k + 1) &&
        !closed_word(doc, k + 1) && (forms(doc, k + 1) & WF_VERB))
        /* "to help", "to work"; not "efforts to contain the spread" */
        return !(k > b && (in(doc, k - 1, L_ACT) || in(doc, k - 1, L_LIGHT)));
    if (is(doc, k, "with"))   /* "with Russia", not "with the PM stressing" */
        return (x = name_after(doc, k + 1, se)) < 0 || takes_part(sk, x) ||
               doc->ents[x].kind == DG_ENT_PERSON;
    if (in(doc, k, L_PREP) && frame_pp(doc, k, se))
        return 1;   /* "in a constructive manner", "in the face of" */
    if (is(doc, k, "in") || is(doc, k, "at"))   /* "talks in Vienna" */
        return (x = name_after(doc, k + 1, se)) >= 0 &&
               (event_place(doc, x) || x == sk->ev->location);
    return 0;
}

/* Where the phrase starting at token b ends (at most se). */
static size_t phrase_end(const sink *sk, size_t b, size_t se)
{
    size_t k;

    for (k = b; k < se && !phrase_break(sk, k, b, se); k++)
        ;
    return k;
}

/* Is [b, e) nothing but entity names (with "and", commas, "the",
 * possessives)? */
static int only_names(const dg_doc *doc, size_t b, size_t e)
{
    size_t i;

    for (i = b; i < e; i++)
        if (!name_at(doc, i) && !is(doc, i, "and") && !is(doc, i, ",") &&
            !is(doc, i, "the") && !(tok(doc, i)->flags & DG_TOK_POSS))
            return 0;
    return 1;
}

/* Does [b, e) name something: a common noun or adjective that is no
 * light word, or an entity? */
static int has_content(const dg_doc *doc, size_t b, size_t e, size_t se)
{
    size_t i;

    for (i = b; i < e; i++)
        if (name_at(doc, i) ||
            (nominal(doc, i, se) && !in(doc, i, L_LIGHT) &&
             !in(doc, i, L_LOOSE) && !in(doc, i, L_ADV)))
            return 1;
    return 0;
}

/* Is token k joined to the word before it by a hyphen ("shoot-down",
 * "break-in")? */
static int hyphened(const dg_doc *doc, size_t k)
{
    return k >= 2 && is(doc, k - 1, "-") &&
           !(tok(doc, k - 1)->flags & DG_TOK_SPACE_BEFORE) &&
           !(tok(doc, k)->flags & DG_TOK_SPACE_BEFORE);
}

/* The head of the noun phrase starting at b: its last word before a
 * preposition, a comma or e. */
static size_t np_head(const dg_doc *doc, size_t b, size_t e)
{
    size_t k, head = b;

    for (k = b; k < e; k++) {
        if (is(doc, k, ",") ||
            (in(doc, k, L_PREP) && !name_at(doc, k) && !hyphened(doc, k)))
            break;
        if ((tok(doc, k)->flags & DG_TOK_WORD) && !in(doc, k, L_ADV))
            head = k;
    }
    return head;
}

/* Is token k a number or an amount ("15 million", "US$19")? */
static int amount(const dg_doc *doc, size_t k)
{
    return (tok(doc, k)->flags & DG_TOK_NUM) || in(doc, k, L_UNITS);
}

/* Is the noun phrase [b, e) an issue: not the event itself, not people
 * who act (troops and bodies only when acted: the object of a cue or a
 * verb), not a lone frame word, an amount or a demonym? */
static int issue_phrase(const sink *sk, size_t b, size_t e, size_t se,
                        int acted)
{
    const dg_doc *doc = sk->doc;
    size_t head = np_head(doc, b, e), k;
    const dg_mention *m;
    int any_mod = 0, noun_mod = 0;

    if (!has_content(doc, b, e, se) || amount(doc, head) || in_title(doc, head))
        return 0;
    for (k = b; k < head; k++) {
        if (name_at(doc, k) || (nominal(doc, k, se) && !in(doc, k, L_LOOSE)))
            any_mod = 1;
        if (name_at(doc, k) || (nominal(doc, k, se) && !in(doc, k, L_LIGHT) &&
                                (forms(doc, k) & WF_ANY_NOUN) &&
                                !(forms(doc, k) & WF_ADJ)))
            noun_mod = 1;
    }
    if (in(doc, head, L_PEOPLE) || (in(doc, head, L_FORCE) && !acted) ||
        in(doc, head, L_ACT) ||
        (in(doc, head, L_EVENT) && !any_mod) ||
        (in(doc, head, L_LIGHT) && !noun_mod))
        return 0;
    if ((m = name_at(doc, head)) && m->type == DG_MENT_DEMONYM && head + 1 >= e)
        return 0;   /* "Ukrainian" */
    /* a topic is a thing: "democratic" alone is none */
    return m || !common_word(doc, head) || (forms(doc, head) & WF_ANY_NOUN) ||
           forms(doc, head) == 0;
}

/* Is every entity [b, e) names a participant or the place of the event
 * (so the phrase says who or where, not what)? */
static int names_participants(const sink *sk, size_t b, size_t e)
{
    const dg_doc *doc = sk->doc;
    size_t i;

    for (i = b; i < e; i++) {
        const dg_mention *m = name_at(doc, i);
        if (m && m->entity >= 0 && !takes_part(sk, m->entity) &&
            !(m->type == DG_MENT_NAME && event_place(doc, m->entity)))
            return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* Phrases a cue introduces                                            */
/* ------------------------------------------------------------------ */

/* Is common word k an -ing form taking an object that follows it
 * ("curbing Iran's ...", "finding a solution"), not a noun of its own
 * ("shelling of", "training mission") or an adjective ("growing
 * tensions")? */
static int gerund_with_object(const dg_doc *doc, size_t k, size_t e)
{
    if (k + 1 >= e || !common_word(doc, k) || in(doc, k, L_SPEECH_GERUND) ||
        !(forms(doc, k) & WF_VERB_ING))
        return 0;
    /* before a plain noun it may be an adjective: "growing tensions" */
    return in(doc, k + 1, L_DET) || in(doc, k + 1, L_PRON) || name_at(doc, k + 1);
}

/* Drops the words that frame an item: leading determiners, adverbs,
 * loose adjectives, a gerund before its object ("curbing Iran's ..."),
 * a frame word and its preposition ("the issue of X", "respective views
 * on X"); trailing function words and punctuation. */
static void trim_item(const dg_doc *doc, size_t *b, size_t *e)
{
    while (*b < *e) {
        size_t k = *b, head;
        const dg_token *t = tok(doc, k);
        /* never a word of a name ("New Kelso", "The Dorn") */
        if (dg_mention_at(doc, k) < 0 && (in(doc, k, L_DET) || in(doc, k, L_ADV) ||
            is(doc, k, "and") || is(doc, k, "or") || is(doc, k, "as") ||
            is(doc, k, "how") || in(doc, k, L_PREP) ||
            ((t->flags & DG_TOK_PUNCT) && !(t->flags & DG_TOK_POSS)) ||
            (in(doc, k, L_LOOSE) && k + 1 < *e &&
             (tok(doc, k + 1)->flags & DG_TOK_WORD) &&
             !in(doc, k + 1, L_PREP)) ||
            gerund_with_object(doc, k, *e) ||
            /* "efforts to contain the spread": the verb's object */
            (k + 1 < *e && in(doc, k + 1, L_DET) && common_word(doc, k) &&
             (forms(doc, k) & WF_VERB) && !(forms(doc, k) & WF_ANY_NOUN)))) {
            (*b)++;
            continue;
        }
        head = np_head(doc, k, *e);
        if (in(doc, head, L_LIGHT) && head + 2 < *e &&
            (in(doc, head + 1, L_FRAME) ||
             ((is(doc, head + 1, "related") || is(doc, head + 1, "relating")) &&
              is(doc, head + 2, "to")))) {
            *b = head + 2 + !in(doc, head + 1, L_FRAME);
            continue;
        }
        break;
    }
    while (*e > *b && (((tok(doc, *e - 1)->flags & DG_TOK_PUNCT) &&
                        !(tok(doc, *e - 1)->flags & DG_TOK_POSS)) ||
                       ((closed_word(doc, *e - 1) || in(doc, *e - 1, L_ADV) ||
                         (common_word(doc, *e - 1) && forms(doc, *e - 1) == WF_ADV)) &&
                        !name_at(doc, *e - 1) && !hyphened(doc, *e - 1))))
        (*e)--;   /* "... of the virus domestically" */
}

/* A word that names something: not a function word or punctuation. */
static int content_token(const dg_doc *doc, size_t k)
{
    return (tok(doc, k)->flags & DG_TOK_WORD) &&
           (name_at(doc, k) || !closed_word(doc, k));
}

/* Cuts a phrase of more than MAX_TOPIC_WORDS content words at its last
 * preposition or "and" within the limit ("solution to the conflict in
 * ..." -> "solution to the conflict"); returns the new end, or b when
 * there is none. */
static size_t cut_long(const dg_doc *doc, size_t b, size_t e)
{
    size_t k, cut = b, n = 0;

    for (k = b; k < e; k++) {
        if (content_token(doc, k) && ++n > MAX_TOPIC_WORDS)
            return cut;
        if (k > b && (in(doc, k, L_PREP) || is(doc, k, "and")) &&
            !name_at(doc, k))
            cut = k;
    }
    return e;
}

/* Does the item [*b, e) open with a participant and "of" or "for"
 * ("condemned Russia for its aggression")?  Then *b moves past them. */
static int starts_with_participant(const sink *sk, size_t *b, size_t e)
{
    const dg_mention *m = name_at(sk->doc, *b);

    if (!m || m->tok_b != *b || m->tok_e + 1 >= e || !takes_part(sk, m->entity) ||
        !(is(sk->doc, m->tok_e, "of") || is(sk->doc, m->tok_e, "for")))
        return 0;
    *b = m->tok_e + 1;
    return 1;
}

/* Adds item [b, e) of a cue's list as a topic when it names an issue;
 * names_ok: a bare name counts ("discussed Syria"). */
static int add_item(const sink *sk, size_t b, size_t e, size_t se,
                    int names_ok)
{
    const dg_doc *doc = sk->doc;
    const dg_lex_entry *st;
    int v;

    trim_item(doc, &b, &e);
    e = cut_long(doc, b, e);
    trim_item(doc, &b, &e);
    if (b >= e)
        return 1;
    if (in(doc, b, L_MARGIN))
        return 1;   /* "on the margins of the summit": where, not what */
    if (starts_with_participant(sk, &b, e))   /* "Russia of supporting X" */
        trim_item(doc, &b, &e);
    if (b >= e)
        return 1;
    v = verb_kind(doc, b, se);
    if (v == V_FINITE || in(doc, b, L_SPEECH_GERUND) ||
        (v != V_NONE && (b + 1 >= e || in(doc, b + 1, L_PREP))) ||
        (b + 1 == e && (forms(doc, b) & WF_VERB_ING) && !scheme_topic_at(doc, b, e, b)))
        return 1;   /* "imposed by the UK", "dismantling", "saying ..." */
    if (only_names(doc, b, e)) {
        if (!names_ok || names_participants(sk, b, e) || !issue_phrase(sk, b, e, se, 1))
            return 1;
    } else if (!issue_phrase(sk, b, e, se, 1)) {
        return 1;
    }
    st = scheme_topic_at(doc, b, e, np_head(doc, b, e));
    return add_topic(sk, b, e, st ? st->key : NULL);
}

/* Does token k open a new clause rather than a list item (", saying",
 * ", he said", ", which")? */
static int opens_clause(const dg_doc *doc, size_t k, size_t se)
{
    return in(doc, k, L_PRON) || in(doc, k, L_CLAUSE) ||
           in(doc, k, L_AUX) || verb_kind(doc, k, se) != V_NONE;
}

/* An adjective ending [b, k) with another after the comma at k
 * ("nuclear, chemical and biological weapons"): one item, not two. */
static int adjective_list(const dg_doc *doc, size_t b, size_t k, size_t e)
{
    return k > b && k + 1 < e && adjective(doc, k - 1) && adjective(doc, k + 1) &&
           (b + 1 == k || (tok(doc, k - 2)->flags & DG_TOK_POSS) ||
            in(doc, k - 2, L_DET));
}

/* Does the "and" at k separate two items of the list [b, e)?  Names
 * join names ("Russia and Ukraine"); a name before an issue or after
 * one belongs to it ("Iran and the DPRK's nuclear programs", "between
 * Armenia and Azerbaijan"); a lone adjective joins the next
 * ("chemical and biological weapons"). */
static int splits_at_and(const dg_doc *doc, size_t b, size_t k, size_t e)
{
    size_t r = k + 1, re = r;
    int lnames, rnames;

    while (re < e && !is(doc, re, ",") && !is(doc, re, "and") && !is(doc, re, "or"))
        re++;
    while (b < k && in(doc, b, L_DET))
        b++;
    if (b >= k || r >= re)
        return 0;
    lnames = only_names(doc, b, k);
    rnames = only_names(doc, r, re);
    if (lnames || rnames)
        return lnames && rnames;
    /* "honest and reliable investments", "low and middle income", "nuclear
     * and missile programs": modifiers of one head */
    if (common_word(doc, k - 1) && (forms(doc, k - 1) & WF_ADJ) &&
        !noun_like(doc, k - 1))
        return 0;
    return !(adjective(doc, k - 1) && r + 1 < re && (forms(doc, r) & WF_ADJ) &&
             nominal(doc, r + 1, e));
}

/* The items of the list [b, e) a cue introduced, split at commas,
 * "and", "or", "as well as", "including" and "such as". */
static int add_list(const sink *sk, size_t b, size_t e, size_t se, int names_ok)
{
    const dg_doc *doc = sk->doc;
    size_t ib = b, k, items = 0;
    int subject_after = e < se && verb_kind(doc, e, se) != V_NONE;

    for (k = b; k < e; k++) {
        size_t skip = 0;
        if (is(doc, k, ",") && !adjective_list(doc, ib, k, e))
            skip = 1;
        else if ((is(doc, k, "and") || is(doc, k, "or")) &&
                 splits_at_and(doc, ib, k, e))
            skip = 1;
        else if (is(doc, k, "as") && k + 2 < e && is(doc, k + 1, "well") &&
                 is(doc, k + 2, "as"))
            skip = 3;
        else if (is(doc, k, "including") ||
                 (is(doc, k, "such") && k + 1 < e && is(doc, k + 1, "as")))
            skip = is(doc, k, "such") ? 2 : 1;
        if (!skip)
            continue;
        if (!add_item(sk, ib, k, se, names_ok))
            return 0;
        items++;
        ib = k + skip;
        k = ib - 1;
        if (ib < e && is(doc, k, ",") && opens_clause(doc, ib, se))
            return 1;   /* ", saying ..." */
    }
    /* "X, Y, a spokesman said": the last item is the speaker */
    if (items > 0 && subject_after && ib > b && is(doc, ib - 1, ","))
        return 1;
    return add_item(sk, ib, e, se, names_ok);
}

/* The topics of the phrase starting at token b (up to se) that a cue
 * introduced. */
static int cue_phrase(const sink *sk, size_t b, size_t se, int names_ok)
{
    while (b < se && in(sk->doc, b, L_ADV))
        b++;
    return add_list(sk, b, phrase_end(sk, b, se), se, names_ok);
}

/* Is the word that governs the preposition or cue at token k one of
 * list: the word right before it, over adverbs, auxiliaries, commas,
 * names and dates and the prepositions before them ("talks in Vienna
 * on", "spoke today about", "issues, including")? */
static int word_before(const dg_doc *doc, size_t k, size_t sb, int list)
{
    size_t p = k, d;

    while (p > sb) {
        const dg_mention *m = NULL;
        p--;
        /* a date ending at p ("spoke today about", "on Monday"), or a
         * name; a date ends in a number, a name or a word of time */
        d = 5;
        if ((tok(doc, p)->flags & (DG_TOK_NUM | DG_TOK_CAP)) || in(doc, p, L_TIME))
            for (d = 0; d < 5 && d <= p - sb && date_at(doc, p - d, k) <= p; d++)
                ;
        if ((d < 5 && d <= p - sb) || (m = name_at(doc, p)) != NULL) {
            p = m ? m->tok_b : p - d;
            if (p > sb && in(doc, p - 1, L_PREP))
                p--;
            continue;
        }
        if (in(doc, p, L_ADV) || in(doc, p, L_AUX) || is(doc, p, ","))
            continue;
        return in(doc, p, list) && common_word(doc, p) && dg_mention_at(doc, p) < 0;
    }
    return 0;
}

/* If a cue ends at token k, where its phrase starts (k + 1 or after
 * "such as"); else 0.  *names_ok: a bare name is a topic after it. */
static size_t cue_at(const dg_doc *doc, size_t k, size_t sb, size_t se,
                     int *names_ok)
{
    *names_ok = 1;
    if (k + 1 >= se ||
        (!(lists_of(doc, k) & ((1u << L_DISCUSS) | (1u << L_ABOUT) | (1u << L_INCLUDE))) &&
         !is(doc, k, "such")) ||
        dg_mention_at(doc, k) >= 0 || !common_word(doc, k))
        return 0;
    if (in(doc, k, L_DISCUSS) &&
        !(k > sb && (in(doc, k - 1, L_DET) ||
                     (tok(doc, k - 1)->flags & DG_TOK_POSS))))
        return k + 1;
    if (in(doc, k, L_ABOUT) &&
        !(tok(doc, k + 1)->flags & DG_TOK_NUM) &&
        word_before(doc, k, sb, L_TALK))
        return k + 1;
    if (is(doc, k, "including") && word_before(doc, k, sb, L_LIST_HEAD))
        return k + 1;
    if (is(doc, k, "such") && is(doc, k + 1, "as") && k + 2 < se) {
        *names_ok = word_before(doc, k, sb, L_LIST_HEAD);
        return k + 2;
    }
    if (in(doc, k, L_INCLUDE) && word_before(doc, k, sb, L_AGENDA))
        return k + 1;
    return 0;
}

/* The topics every cue of sentence s introduces. */
static int cue_topics(const sink *sk, size_t s)
{
    const dg_doc *doc = sk->doc;
    size_t sb = doc->sents[s].tok_b, se = doc->sents[s].tok_e, k, b;
    int names_ok;

    for (k = sb; k < se; k++) {
        if ((b = cue_at(doc, k, sb, se, &names_ok)) == 0)
            continue;
        if (!cue_phrase(sk, b, se, names_ok))
            return 0;
        /* "the dispute over water rights": one phrase, not two */
        k = phrase_end(sk, b, se) - 1;
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* Issue nouns of the scheme, widened to their noun phrase             */
/* ------------------------------------------------------------------ */

/* Is common word k a verb by its place ("to lift sanctions", "will
 * impose")? */
static int verb_by_place(const dg_doc *doc, size_t k, size_t sb)
{
    return k > sb && (is(doc, k - 1, "to") || in(doc, k - 1, L_AUX) ||
                      in(doc, k - 1, L_PRON));
}

/* Where the noun phrase around tokens [i, j) starts: over the modifiers
 * before it ("economic sanctions", "Iran nuclear deal", "cross-border"),
 * a possessor ("Iran's"), never over a verb, a loose adjective or a
 * function word. */
static size_t np_start(const dg_doc *doc, size_t i, size_t sb, size_t se)
{
    size_t k = i, mods = 0;

    while (k > sb && mods < MAX_PREMODIFIERS) {
        size_t p = k - 1;
        const dg_mention *m = name_at(doc, p);
        if (tok(doc, p)->flags & DG_TOK_POSS) {
            const dg_mention *o = p > sb ? name_at(doc, p - 1) : NULL;
            if (o)
                k = o->tok_b;
            else if (p > sb && nominal(doc, p - 1, se) && !in(doc, p - 1, L_TIME))
                k = p - 1;   /* not "last week's" */
            break;
        }
        if (is(doc, p, "-") && !(tok(doc, p)->flags & DG_TOK_SPACE_BEFORE) &&
            !(tok(doc, k)->flags & DG_TOK_SPACE_BEFORE) && p > sb &&
            (tok(doc, p - 1)->flags & DG_TOK_WORD)) {
            const dg_mention *o = name_at(doc, p - 1);
            k = o ? o->tok_b : p - 1;
            mods++;
            continue;
        }
        if (m && m->entity >= 0 && doc->ents[m->entity].kind != DG_ENT_PERSON &&
            m->tok_e == k) {
            k = m->tok_b;
            mods++;
            continue;
        }
        if (!m && unknown_name(doc, p)) {
            k = p;   /* a name the gazetteers lack: "Katyn massacre" */
            mods++;
            continue;
        }
        if (m || in(doc, p, L_LOOSE) || verb_by_place(doc, p, sb))
            break;
        if (nominal(doc, p, se) ||
            (verb_kind(doc, p, se) == V_PARTICIPLE && after_np_opener(doc, p, sb)) ||
            /* "the growing crisis", not "of sending troops" */
            (verb_kind(doc, p, se) == V_GERUND && p > sb &&
             (in(doc, p - 1, L_DET) || (tok(doc, p - 1)->flags & DG_TOK_POSS)))) {
            k = p;
            mods++;
            continue;
        }
        break;
    }
    return k;
}

/* Where the short noun phrase starting at token b ends (b when there is
 * none): determiners, then at most MAX_PP_WORDS names, nouns and
 * adjectives ("the two women", "Chinese goods", "low and middle income
 * countries"), never a date, a verb or a function word. */
static size_t short_np_end(const dg_doc *doc, size_t b, size_t se)
{
    size_t e = b, n = 0;

    while (e < se && in(doc, e, L_DET))
        e++;
    while (e < se && n < MAX_PP_WORDS && date_at(doc, e, se) == e) {
        const dg_mention *m = name_at(doc, e);
        if (m && m->tok_b == e)
            e = m->tok_e;
        else if ((tok(doc, e)->flags & DG_TOK_POSS) ||
                 (is(doc, e, "-") && e + 1 < se && e > b &&
                  !(tok(doc, e)->flags & DG_TOK_SPACE_BEFORE))) {
            e++;
            continue;   /* "medium-range": one word */
        } else if (unknown_name(doc, e))
            e++;
        else if (is(doc, e, "and") && e > b && adjective(doc, e - 1) &&
                 e + 1 < se && nominal(doc, e + 1, se))
            e++;   /* "low and middle income" */
        else if (nominal(doc, e, se) && !in(doc, e, L_ENDING))
            e++;
        else
            break;
        n++;
    }
    while (e > b && (in(doc, e - 1, L_DET) || is(doc, e - 1, "and") ||
                     is(doc, e - 1, "-")))
        e--;
    /* "of a number (of ...)": a frame, not the issue's name */
    return e > b && in(doc, e - 1, L_LIGHT) ? b : e;
}

/* Where a prepositional phrase after a noun ends when it belongs to the
 * issue's name: "of" or "into" with a short noun phrase ("release of the
 * two women", "investigation into the crash"), or another preposition
 * with a name ("war in Ukraine", "tariffs on Chinese goods", "tensions
 * between X and Y"); else k. */
static size_t pp_end(const sink *sk, size_t k, size_t se)
{
    const dg_doc *doc = sk->doc;
    size_t e;
    int x;

    if (k + 1 >= se)
        return k;
    if (is(doc, k, "of") || is(doc, k, "into"))
        return short_np_end(doc, k + 1, se) > k + 1 ? short_np_end(doc, k + 1, se) : k;
    if (!is(doc, k, "in") && !is(doc, k, "on") && !is(doc, k, "against") &&
        !is(doc, k, "for") && !is(doc, k, "from") && !is(doc, k, "over") &&
        !is(doc, k, "with") && !is(doc, k, "between"))
        return k;
    if ((x = name_after(doc, k + 1, se)) < 0 || doc->ents[x].kind == DG_ENT_PERSON ||
        event_place(doc, x) || x == sk->ev->location)
        return k;
    if (!is(doc, k, "between"))
        return short_np_end(doc, k + 1, se);
    /* "between Russia and Ukraine", never half of it */
    e = doc->ments[dg_mention_at(doc, k + 1 + is(doc, k + 1, "the"))].tok_e;
    if (e + 1 >= se || !is(doc, e, "and") || name_after(doc, e + 1, se) < 0)
        return k;
    return doc->ments[dg_mention_at(doc, e + 1 + is(doc, e + 1, "the"))].tok_e;
}

/* Where the noun phrase whose modifier or head ends at token j ends: over
 * the nouns that follow ("nuclear" -> "nuclear enrichment programme"),
 * then one prepositional phrase of its name. */
static size_t np_end(const sink *sk, size_t j, size_t se)
{
    const dg_doc *doc = sk->doc;
    size_t n = 0;

    while (j < se && n < MAX_HEAD_NOUNS) {
        if (n == 0 && (is(doc, j, "and") || is(doc, j, "or")) && j + 2 < se &&
            !noun_like(doc, j - 1) &&
            nominal(doc, j + 1, se) && nominal(doc, j + 2, se) &&
            noun_like(doc, j + 2)) {
            j++;   /* "nuclear and missile programs" */
            continue;
        }
        if (is(doc, j, "-") && !(tok(doc, j)->flags & DG_TOK_SPACE_BEFORE) &&
            j + 1 < se && lower_word(doc, j + 1) &&
            !(tok(doc, j + 1)->flags & DG_TOK_SPACE_BEFORE)) {
            j += 2;   /* "nuclear-capable" */
            continue;
        }
        if (!nominal(doc, j, se) || !noun_like(doc, j) || amount(doc, j) ||
            in(doc, j, L_LIGHT) || in(doc, j, L_ENDING) ||
            date_at(doc, j, se) > j ||
            (j + 1 < se && (in(doc, j + 1, L_DET) ||
                            in(doc, j + 1, L_PRON))))
            break;   /* not "Israel forge a closer alliance" */
        j++;
        n++;
    }
    return pp_end(sk, j, se);
}

/* Is the keyword [i, j) a word inside a proper name or a title
 * ("Security Council", "Defence Minister", "Human Rights Watch"),
 * rather than the issue itself? */
static int inside_name(const dg_doc *doc, size_t i, size_t j,
                       const dg_lex_entry *kw)
{
    int m = dg_mention_at(doc, i);

    if (m >= 0 && (doc->ments[m].type == DG_MENT_TITLE ||
                   doc->ments[m].tok_b < i || doc->ments[m].tok_e > j))
        return 1;
    if (m < 0 && (m = dg_mention_at(doc, j - 1)) >= 0)
        return 1;
    /* a common word capitalized inside a sentence: part of a name */
    return (!kw || (kw->surface[0] >= 'a' && kw->surface[0] <= 'z')) &&
           (tok(doc, i)->flags & DG_TOK_CAP) && !starts_sentence(doc, i);
}

/* Is the phrase [b, e), headed by people who act ("troops",
 * "diplomats"), what is acted on here: after "of" or a verb ("expelled
 * 35 diplomats"), and no subject of a verb after it ("the military will
 * continue")? */
static int acted_on(const dg_doc *doc, size_t b, size_t e, size_t sb, size_t se)
{
    if (e < se && verb_kind(doc, e, se) != V_NONE)
        return 0;
    while (b > sb && (amount(doc, b - 1) || in(doc, b - 1, L_DET)))
        b--;
    return b > sb && !in(doc, b - 1, L_SPEECH_GERUND) && !in(doc, b - 1, L_SPEECH_VERB) &&
           (is(doc, b - 1, "of") || verb_kind(doc, b - 1, se) != V_NONE);
}

/* Adds the noun phrase around the scheme keyword [i, j) as a topic of
 * the sink when it is an issue here; *end receives where it ends. */
static int keyword_phrase(const sink *sk, size_t i, size_t j,
                          const dg_lex_entry *kw, size_t sb, size_t se,
                          size_t *end)
{
    const dg_doc *doc = sk->doc;
    size_t b = np_start(doc, i, sb, se), e = np_end(sk, j, se), head;
    const dg_mention *m = name_at(doc, i);

    *end = e;
    if (inside_name(doc, i, j, kw))
        return 1;
    if (j == i + 1 && (forms(doc, i) & WF_VERB_ING) && j < se &&
        (in(doc, j, L_DET) || in(doc, j, L_PRON) || amount(doc, j) ||
         name_at(doc, j)))
        return 1;   /* "..., killing two members": a verb */
    if (j == i + 1 && verb_kind(doc, i, se) != V_NONE)
        return 1;   /* "rebels fighting in the north" */
    trim_item(doc, &b, &e);
    if (b >= e)
        return 1;
    head = np_head(doc, b, e);
    if (m && m->type == DG_MENT_DEMONYM && only_names(doc, b, e))
        return 1;   /* "Ukrainian" */
    if (m && only_names(doc, b, e) && names_participants(sk, b, e))
        return 1;   /* a participant's own name */
    /* "Iraqi troops invaded": who acts is no issue */
    if (only_names(doc, b, e) ? !has_content(doc, b, e, se)
                              : !issue_phrase(sk, b, e, se,
                                              acted_on(doc, b, e, sb, se)))
        return 1;
    if (in_topics(sk, b, e))
        return 1;   /* inside a phrase a cue gave: "organisation of elections" */
    kw = scheme_topic_at(doc, b, e, head);
    return add_topic(sk, b, e, kw ? kw->key : NULL);
}

/* Is key one of keys?  An article's own list, so scanned (dg_word_in
 * is for the static lists, which live as long as the process). */
static int key_in(const char *const *keys, const char *key)
{
    for (; *keys; keys++)
        if (strcmp(*keys, key) == 0)
            return 1;
    return 0;
}

/* The scheme keywords of tokens [sb, se) (not inside a cue's phrases,
 * which have their topics already), each as its noun phrase. */
static int keyword_topics(const sink *sk, size_t sb, size_t se)
{
    const dg_doc *doc = sk->doc;
    size_t i, end;

    for (i = sb; i < se; i++) {
        const dg_lex_entry *kw;
        size_t n = keyword_at(doc, i, &kw);
        if (n == 0 || i + n > se || (sk->keys && !key_in(sk->keys, kw->key)))
            continue;

        if (!keyword_phrase(sk, i, i + n, kw, sb, se, &end))
            return 0;
        i = (end > i + n ? end : i + n) - 1;
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* What the events stage calls                                         */
/* ------------------------------------------------------------------ */

int dg_topics_of_sentence(dg_doc *doc, dg_event *ev, size_t s)
{
    sink sk = {doc, ev, NULL};

    return info_cache(doc) && cue_topics(&sk, s) &&
           keyword_topics(&sk, doc->sents[s].tok_b, doc->sents[s].tok_e);
}

int dg_topics_after(dg_doc *doc, dg_event *ev, size_t i, size_t se,
                    int names_ok)
{
    sink sk = {doc, ev, NULL};

    return info_cache(doc) && (i >= se || cue_phrase(&sk, i, se, names_ok));
}

/* A list item line: "- continue the support of Ukraine ...". */
int dg_is_bullet(const dg_token *t)
{
    return (t->flags & DG_TOK_PUNCT) &&
           (dg_tok_is(t, "-") || dg_tok_is(t, "*") || dg_tok_is(t, "\xe2\x80\xa2"));
}

int dg_topics_of_bullet(dg_doc *doc, dg_event *ev, size_t b, size_t e)
{
    sink sk = {doc, ev, NULL};

    if (!info_cache(doc))
        return 0;
    if (b >= e || e - b > MAX_BULLET_TOKENS)
        return 1;
    /* "- develop their trilateral co-operation": the verb's object */
    if (common_word(doc, b) && (forms(doc, b) & WF_VERB) &&
        !(forms(doc, b) & WF_ANY_NOUN))
        b++;
    return cue_phrase(&sk, b, e, 1);
}

/* ------------------------------------------------------------------ */
/* Spelling variants                                                   */
/* ------------------------------------------------------------------ */

/* British endings and their American forms.  A word of six letters or
 * more is respelled when WordNet knows both spellings in one class, a
 * verb form only as a form of the same verb ("travelled", "traveled") or
 * of its respelled lemma ("destabilising"), so "fence", "tour" or
 * "filled" stay as they are. */
static const char *const respell[][2] = {
    {"isations", "izations"}, {"isation", "ization"}, {"ising", "izing"},
    {"ised", "ized"}, {"ises", "izes"}, {"ise", "ize"}, {"ysing", "yzing"},
    {"ysed", "yzed"}, {"yses", "yzes"}, {"yse", "yze"}, {"ours", "ors"},
    {"oured", "ored"}, {"ouring", "oring"}, {"our", "or"}, {"ences", "enses"},
    {"ence", "ense"}, {"mmes", "ms"}, {"mme", "m"}, {"tres", "ters"},
    {"tre", "ter"}, {"lled", "led"}, {"lling", "ling"}, {"ogues", "ogs"},
    {"ogue", "og"}
};

#define RESPELL_RULES (sizeof respell / sizeof respell[0])
#define MAX_RESPELL 72

/* Rule r's respelling of the folded word w into alt (room MAX_RESPELL),
 * or 0 when w does not end as the rule says or is too long. */
static int respelled(const char *w, size_t r, char *alt)
{
    size_t n = strlen(w), sl = strlen(respell[r][0]);

    if (sl >= n || n >= MAX_RESPELL || strcmp(w + n - sl, respell[r][0]) != 0)
        return 0;
    memcpy(alt, w, n - sl);
    strcpy(alt + n - sl, respell[r][1]);
    return 1;
}

/* Are the folded words a and b spellings of one word? */
static int same_word(const dg_wordclass *wc, const char *a, const char *b)
{
    const char *la, *lb;
    unsigned ca, cb;
    dg_verb_form fa = dg_wordclass_verb(wc, a, &la, &ca),
                 fb = dg_wordclass_verb(wc, b, &lb, &cb);
    char alt[MAX_RESPELL];
    size_t r;

    if (fa == DG_VF_NONE || fa == DG_VF_BASE || fa != fb)
        return (word_forms(wc, a) & word_forms(wc, b)) != 0;
    if (strcmp(la, lb) == 0)
        return 1;
    for (r = 0; r < RESPELL_RULES; r++)
        if (respelled(la, r, alt) && strcmp(alt, lb) == 0)
            return 1;
    return 0;
}

/* Appends the American spelling of word w[0..n) to out (the letters
 * before the ending keep their case). */
static void respell_word(const dg_wordclass *wc, const char *w, size_t n,
                         char *out)
{
    char word[MAX_RESPELL], alt[MAX_RESPELL];
    size_t r, i;

    memcpy(out, w, n);
    out[n] = '\0';
    if (n < 6 || n >= MAX_RESPELL)
        return;
    for (i = 0; i < n; i++)
        word[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] - 'A' + 'a') : w[i];
    word[n] = '\0';
    for (r = 0; r < RESPELL_RULES; r++)
        if (respelled(word, r, alt) && same_word(wc, word, alt)) {
            strcpy(out + n - strlen(respell[r][0]), respell[r][1]);
            return;
        }
}

/* label in American spelling ("nuclear programme" -> "nuclear
 * program"), malloc'd (NULL: no memory).  Respelling never lengthens a
 * word. */
static char *american(const dg_doc *doc, const char *label)
{
    const dg_wordclass *wc = dg_lexicon_wordclass(doc->lex);
    size_t n = strlen(label), i = 0, o = 0;
    char *out = malloc(n + 1);

    if (!out)
        return NULL;
    while (i < n) {
        size_t j = i;
        while (j < n && ((label[j] >= 'a' && label[j] <= 'z') ||
                         (label[j] >= 'A' && label[j] <= 'Z')))
            j++;
        if (j > i) {
            respell_word(wc, label + i, j - i, out + o);
            o += strlen(out + o);
            i = j;
        } else {
            out[o++] = label[i++];
        }
    }
    out[o] = '\0';
    return out;
}

/* The key of a label in American spelling: in lower case (ASCII
 * letters), as the topic's IRI spells it.  malloc'd, NULL when out of
 * memory. */
static char *topic_key(const char *label)
{
    char *k = strdup(label), *p;

    for (p = k; p && *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return k;
}
/* ------------------------------------------------------------------ */
/* The topics stage: the article's topics, one entry per issue         */
/* ------------------------------------------------------------------ */

/* The entity whose name label is, or -1. */
static int entity_named(const dg_doc *doc, const char *label)
{
    size_t i, a;

    for (i = 0; i < doc->nents; i++) {
        const dg_entity *en = &doc->ents[i];
        if (strcmp(en->label, label) == 0)
            return (int)i;
        for (a = 0; a < en->nalts; a++)
            if (strcmp(en->alts[a], label) == 0)
                return (int)i;
    }
    return -1;
}

/* The words of a topic's form, for telling whether two forms name one
 * issue: its head (the last word before a preposition), the names in it
 * (capitalized words) and the common words before the head. */
#define FORM_WORDS 24
typedef struct {
    char w[FORM_WORDS][48];
    int cap[FORM_WORDS];
    size_t n, head;
} form_words;

static void split_form(const char *label, form_words *f)
{
    size_t i = 0, k;

    f->n = 0;
    while (label[i] && f->n < FORM_WORDS) {
        size_t j = i, len = 0;
        while (label[j] && !strchr(" -/,\xe2", label[j]) && label[j] != '\'')
            j++;
        if (j > i) {
            f->cap[f->n] = label[i] >= 'A' && label[i] <= 'Z';
            for (k = i; k < j && len + 1 < sizeof f->w[0]; k++)
                f->w[f->n][len++] = (char)(label[k] >= 'A' && label[k] <= 'Z'
                                               ? label[k] - 'A' + 'a' : label[k]);
            f->w[f->n][len] = '\0';
            f->n++;
        }
        /* skip the separator; "’s" and "'s" end a possessor */
        i = j + (label[j] != '\0');
        if (label[j] == '\'' && label[i] == 's')
            i++;
        else if ((unsigned char)label[j] == 0xe2 && label[i] && label[i + 1])
            i += 2 + (label[i + 2] == 's');
    }
    for (f->head = 0, k = 0; k < f->n && !word_in(L_PREP, f->w[k]); k++)
        f->head = k;
}

/* Same head noun, a plural's "s" aside ("sanction", "sanctions")? */
static int same_head(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);

    if (la == lb)
        return strcmp(a, b) == 0;
    if (la + 1 == lb)
        return b[la] == 's' && strncmp(a, b, la) == 0;
    if (lb + 1 == la)
        return a[lb] == 's' && strncmp(a, b, lb) == 0;
    return 0;
}

/* Are the words of kind `names` (capitalized, anywhere) or common
 * modifiers (before the head) of a all among b's? */
static int words_within(const form_words *a, const form_words *b, int names)
{
    size_t i, j;

    for (i = 0; i < (names ? a->n : a->head); i++) {
        if (a->cap[i] != names || word_in(L_LOOSE, a->w[i]) ||
            word_in(L_DET, a->w[i]))
            continue;
        for (j = 0; j < (names ? b->n : b->head); j++)
            if (b->cap[j] == names && strcmp(a->w[i], b->w[j]) == 0)
                break;
        if (j == (names ? b->n : b->head))
            return 0;
    }
    return 1;
}

/* Do two forms name one issue: the same head, and neither names nor
 * modifiers that the other contradicts ("relationship", "complex
 * relationship", "U.S.-China relationship"; not "nuclear weapons" and
 * "chemical weapons", nor "war in Ukraine" and "war in Syria")? */
static int same_issue(const form_words *fa, const form_words *fb)
{
    if (fa->n == 0 || fb->n == 0 || !same_head(fa->w[fa->head], fb->w[fb->head]))
        return 0;
    return (words_within(fa, fb, 1) || words_within(fb, fa, 1)) &&
           (words_within(fa, fb, 0) || words_within(fb, fa, 0));
}

/* The forms of the article's topics, in the order found. */
typedef struct {
    const char **form;
    char **us;            /* each form in American spelling */
    form_words *words;    /* the words of each us[] */
    const char **scheme;
    size_t *group;
    size_t n;
} form_list;

/* Puts form i into the first group all of whose forms name its issue,
 * or a new one; returns the group. */
static size_t group_of(const form_list *fl, size_t i, size_t ngroups)
{
    size_t g, j;

    for (g = 0; g < ngroups; g++) {
        int all = 1, any = 0;
        for (j = 0; j < i && all; j++)
            if (fl->group[j] == g) {
                any = 1;
                all = strcasecmp(fl->us[j], fl->us[i]) == 0 ||
                      same_issue(&fl->words[j], &fl->words[i]);
            }
        if (any && all)
            return g;
    }
    return ngroups;
}

/* The number of names in a form ("U.S.-China relations": 2). */
static size_t names_in(const form_words *f)
{
    size_t i, n = 0;

    for (i = 0; i < f->n; i++)
        n += f->cap[i];
    return n;
}

/* Makes the table entry of group g: its label is the form that names
 * most (the first of those), in American spelling; the other forms are
 * its altLabels.  Returns 0 when out of memory. */
static int make_entry(dg_doc *doc, const form_list *fl, size_t g)
{
    dg_topic *t = &doc->topics[doc->ntopics];
    size_t i, best = fl->n, a;

    memset(t, 0, sizeof *t);
    t->about = -1;
    for (i = 0; i < fl->n; i++)
        if (fl->group[i] == g) {
            if (best == fl->n || names_in(&fl->words[i]) > names_in(&fl->words[best]))
                best = i;
            if (!t->scheme)
                t->scheme = fl->scheme[i];
        }
    doc->ntopics++;
    if (!(t->label = strdup(fl->us[best])) ||
        !(t->key = topic_key(t->label)) ||
        !(t->alts = malloc(fl->n * sizeof *t->alts)))
        return 0;
    t->about = entity_named(doc, fl->form[best]);
    for (i = 0; i < fl->n; i++) {
        if (fl->group[i] != g || strcmp(fl->form[i], t->label) == 0)
            continue;
        for (a = 0; a < t->nalts && strcmp(t->alts[a], fl->form[i]) != 0; a++)
            ;
        if (a == t->nalts && !(t->alts[t->nalts++] = strdup(fl->form[i])))
            return 0;
    }
    return 1;
}

/* Fills doc->topics from the forms of fl: one entry per issue. */
static int make_table(dg_doc *doc, form_list *fl)
{
    size_t i, g, ngroups = 0;

    for (i = 0; i < fl->n; i++) {
        if (!(fl->us[i] = american(doc, fl->form[i])))
            return 0;
        split_form(fl->us[i], &fl->words[i]);
    }
    for (i = 0; i < fl->n; i++)
        if ((fl->group[i] = group_of(fl, i, ngroups)) == ngroups)
            ngroups++;
    if (ngroups == 0)
        return 1;
    if (!(doc->topics = calloc(ngroups, sizeof *doc->topics)))
        return 0;
    for (g = 0; g < ngroups; g++)
        if (!make_entry(doc, fl, g))
            return 0;
    return 1;
}

const dg_topic *dg_topic_of(const dg_doc *doc, const char *label)
{
    size_t i, a;

    for (i = 0; i < doc->ntopics; i++) {
        const dg_topic *t = &doc->topics[i];
        if (strcmp(t->label, label) == 0)
            return t;
        for (a = 0; a < t->nalts; a++)
            if (strcmp(t->alts[a], label) == 0)
                return t;
    }
    return NULL;
}

/* The scheme topics the article names (outside proper names) in two
 * sentences or more: their ids in keys[] (room for every scheme topic
 * and a NULL), in order of first mention.  One pass over the text. */
static void salient_keys(const dg_doc *doc, const char **keys)
{
    const dg_lex_entry *const *all;
    size_t n = dg_lexicon_entries(doc->lex, DG_LEX_TOPIC, &all), s, i, k,
           nk = 0, nseen = 0;
    /* each key named so far, with its sentences count and last sentence */
    struct { const char *key; size_t count, last; } *seen = malloc(n * sizeof *seen);

    keys[0] = NULL;
    if (!seen)
        return;
    for (s = 0; s < doc->nsents; s++) {
        size_t sb = doc->sents[s].tok_b, se = doc->sents[s].tok_e, m;
        for (i = sb; i < se; i += m ? m : 1) {
            const dg_lex_entry *kw;
            m = keyword_at(doc, i, &kw);
            if (m == 0 || inside_name(doc, i, i + m, kw))
                continue;
            for (k = 0; k < nseen && strcmp(seen[k].key, kw->key) != 0; k++)
                ;
            if (k == nseen) {
                seen[nseen].key = kw->key;
                seen[nseen].count = 0;
                seen[nseen++].last = s + 1;
            } else if (seen[k].last == s + 1) {
                continue;
            }
            seen[k].last = s + 1;
            if (++seen[k].count == 2) {
                keys[nk++] = seen[k].key;
                keys[nk] = NULL;
            }
        }
    }
    free(seen);
}

/* Could common word k be the issue an article is about: a noun that is
 * no verb here, no name, and none of the words that frame, act or
 * count? */
static int issue_noun(const dg_doc *doc, size_t k, size_t se)
{
    static const int not_issues[] = {
        L_DET, L_PRON, L_PREP, L_CLAUSE, L_AUX, L_ADV, L_LOOSE, L_LIGHT,
        L_PEOPLE, L_FORCE, L_ACT, L_EVENT, L_MARGIN, L_MANNER, L_UNITS,
        L_TIME, L_TALK
    };
    size_t i;

    if (!lower_word(doc, k) || dg_mention_at(doc, k) >= 0 ||
        strlen(tok(doc, k)->norm) < 4 || !(forms(doc, k) & WF_ANY_NOUN) ||
        verb_kind(doc, k, se) != V_NONE)
        return 0;
    /* a verb here: "to address", "address their differences", "critics
     * claim that" */
    if ((forms(doc, k) & (WF_VERB | WF_VERB_S)) &&
        (verb_by_place(doc, k, doc->sents[tok(doc, k)->sent].tok_b) ||
         (k + 1 < se && (in(doc, k + 1, L_DET) || in(doc, k + 1, L_PRON) ||
                         in(doc, k + 1, L_CLAUSE))) ||
         (k > 0 && (in(doc, k - 1, L_PEOPLE) || name_at(doc, k - 1)))))
        return 0;
    for (i = 0; i < sizeof not_issues / sizeof not_issues[0]; i++)
        if (in(doc, k, not_issues[i]))
            return 0;
    return 1;
}

/* The topics of the nouns the article names in SALIENT_SENTENCES
 * sentences or more (singular and plural counted as one): each as the
 * noun phrase of its first mention ("the attempted break-in at the
 * morgue", "Kim's body"). */
static int salient_noun_topics(const sink *sk)
{
    const dg_doc *doc = sk->doc;
    struct { const char *norm; size_t len, first, count, last; } *seen;
    size_t nseen = 0, cap = 64, s, k, i, end;
    int ok = 1;

    if (!(seen = malloc(cap * sizeof *seen)))
        return 0;
    for (s = 0; ok && s < doc->nsents; s++)
        for (k = doc->sents[s].tok_b; k < doc->sents[s].tok_e; k++) {
            const char *w = tok(doc, k)->norm;
            size_t len = strlen(w);
            if (!issue_noun(doc, k, doc->sents[s].tok_e))
                continue;
            if ((forms(doc, k) & WF_PLURAL) && w[len - 1] == 's')
                len--;
            for (i = 0; i < nseen && !(seen[i].len == len &&
                                       strncmp(seen[i].norm, w, len) == 0); i++)
                ;
            if (i == nseen) {
                if (nseen == cap) {
                    void *p = realloc(seen, (cap *= 2) * sizeof *seen);
                    if (!p) {
                        ok = 0;
                        break;
                    }
                    seen = p;
                }
                seen[nseen].norm = w;
                seen[nseen].len = len;
                seen[nseen].first = k;
                seen[nseen].count = 0;
                seen[nseen++].last = s + 1;
            } else if (seen[i].last == s + 1) {
                continue;
            }
            seen[i].last = s + 1;
            seen[i].count++;
        }
    for (i = 0; ok && i < nseen; i++)
        if (seen[i].count >= SALIENT_SENTENCES) {
            const dg_sentence *st = &doc->sents[tok(doc, seen[i].first)->sent];
            ok = keyword_phrase(sk, seen[i].first, seen[i].first + 1, NULL,
                                st->tok_b, st->tok_e, &end);
        }
    free(seen);
    return ok;
}

/* The article's own topics, gathered in art: every cue's phrases, the
 * issue nouns of its first sentence or of a scheme topic named in more
 * than one sentence, and the nouns it names in SALIENT_SENTENCES
 * sentences. */
static int article_topics(const dg_doc *doc, dg_event *art)
{
    sink sk = {doc, art, NULL};
    const dg_lex_entry *const *all;
    size_t n = dg_lexicon_entries(doc->lex, DG_LEX_TOPIC, &all), s;
    const char **keys = malloc((n + 1) * sizeof *keys);
    int ok = keys != NULL;

    for (s = 0; ok && s < doc->nsents; s++)
        ok = cue_topics(&sk, s);
    if (ok && doc->nsents > 0)
        ok = keyword_topics(&sk, doc->sents[0].tok_b, doc->sents[0].tok_e);
    if (ok) {
        salient_keys(doc, keys);
        sk.keys = (const char *const *)keys;
        for (s = 0; ok && keys[0] && s < doc->nsents; s++)
            ok = keyword_topics(&sk, doc->sents[s].tok_b, doc->sents[s].tok_e);
        sk.keys = NULL;
    }
    if (ok)
        ok = salient_noun_topics(&sk);
    free(keys);
    return ok;
}

/* Appends ev's topics to fl (which has room). */
static void add_forms(form_list *fl, const dg_event *ev)
{
    size_t t;

    for (t = 0; t < ev->ntopics; t++) {
        fl->form[fl->n] = ev->topics[t];
        fl->scheme[fl->n++] = ev->topic_keys[t];
    }
}

dg_status dg_find_topics(dg_doc *doc)
{
    dg_event art;
    form_list fl = {NULL, NULL, NULL, NULL, NULL, 0};
    size_t i, n;
    int ok;

    memset(&art, 0, sizeof art);
    art.location = -1;
    ok = info_cache(doc) && article_topics(doc, &art);
    for (i = 0, n = art.ntopics; i < doc->nevs; i++)
        n += doc->evs[i].ntopics;
    if (ok && n > 0) {
        fl.form = malloc(n * sizeof *fl.form);
        fl.us = calloc(n, sizeof *fl.us);
        fl.words = malloc(n * sizeof *fl.words);
        fl.scheme = malloc(n * sizeof *fl.scheme);
        fl.group = malloc(n * sizeof *fl.group);
        ok = fl.form && fl.us && fl.words && fl.scheme && fl.group;
        for (i = 0; ok && i < doc->nevs; i++)
            add_forms(&fl, &doc->evs[i]);
        if (ok) {
            add_forms(&fl, &art);
            ok = make_table(doc, &fl);
        }
    }
    for (i = 0; fl.us && i < fl.n; i++)
        free(fl.us[i]);
    free(fl.us);
    free(fl.words);
    free(fl.form);
    free(fl.scheme);
    free(fl.group);
    for (i = 0; i < art.ntopics; i++)
        free(art.topics[i]);
    free(art.topics);
    free(art.topic_keys);
    return ok ? DG_OK : DG_ERR_NOMEM;
}

void dg_topics_release(dg_doc *doc)
{
    size_t i, a;

    for (i = 0; i < doc->ntopics; i++) {
        free(doc->topics[i].key);
        free(doc->topics[i].label);
        for (a = 0; a < doc->topics[i].nalts; a++)
            free(doc->topics[i].alts[a]);
        free(doc->topics[i].alts);
    }
    free(doc->topics);
    doc->topics = NULL;
    doc->ntopics = 0;
    free(doc->word_info);
    doc->word_info = NULL;
}
