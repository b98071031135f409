/*
 * clauses.c: the clause stage, between mentions (and entities) and
 * events.  Each sentence is tagged with coarse parts of speech, its
 * verb groups are found, and it is split into clauses (main,
 * coordinated, subordinate, relative, participial, reported,
 * infinitive), each with its subject, verb group (voice, negation,
 * modality, tense), direct object, passive agent and prepositional
 * phrases, as token spans (doc->tags, doc->clauses).
 *
 * It is a shallow, rule-based analysis of English news prose, not a
 * parser: parts of speech come from closed word lists, the mentions
 * found before (names, titles, demonyms are noun phrase material) and
 * WordNet's word classes (wordclass.c), with the context deciding
 * between a noun and a verb reading ("the talks" / "she talks"); a
 * clause opens at a subordinator ("after", "because"), a relative word
 * ("who", "where"), a complementizer after a speech verb ("said that"),
 * "to" before a verb, a participle ("After meeting ...", ", saying"),
 * "and" before a verb group, or ";".  "..., X said." makes the words
 * before it the reported clause of "X said".
 */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define NP_MAX 16          /* tokens in one noun phrase */
#define NONE ((size_t)-1)

/* ------------------------------------------------------------------ */
/* Closed word classes                                                 */
/* ------------------------------------------------------------------ */

static const char *const w_det[] = {
    "the", "a", "an", "this", "these", "those", "some", "any", "no",
    "every", "each", "all", "both", "either", "neither", "several", "many",
    "much", "few", "another", "other", "such", "most", "various", "numerous",
    NULL
};
static const char *const w_posspron[] = {
    "his", "its", "their", "our", "my", "your", "whose", NULL
};
static const char *const w_pron[] = {
    "he", "she", "they", "we", "i", "you", "it", "him", "them", "us", "me",
    "himself", "herself", "themselves", "itself", "ourselves", "one",
    NULL
};
static const char *const w_subject_pron[] = {
    "he", "she", "they", "we", "i", "you", "it", NULL
};
static const char *const w_prep[] = {
    "about", "above", "across", "against", "along", "alongside", "amid",
    "amidst", "among", "amongst", "around", "at", "atop", "behind", "below",
    "beneath", "beside", "besides", "between", "beyond", "by", "concerning",
    "despite", "during", "except", "for", "from", "in", "inside", "into",
    "near", "of", "off", "on", "onto", "out", "outside", "over", "per",
    "regarding", "through", "throughout", "toward", "towards", "under",
    "underneath", "unlike", "upon", "versus", "via", "with", "within",
    "without", "including", "following", "like", "excluding", "amongst",
    "ahead", "aboard", "past", "notwithstanding", "pending", "plus",
    NULL
};
static const char *const w_sub[] = {
    "after", "before", "while", "when", "whenever", "although", "though",
    "because", "since", "if", "unless", "until", "till", "once", "whereas",
    "as", "whether", "whilst", NULL
};
static const char *const w_rel[] = {
    "who", "whom", "which", "where", NULL
};
static const char *const w_conj[] = {
    "and", "or", "but", "nor", "&", NULL
};
static const char *const w_be[] = {
    "be", "is", "are", "was", "were", "been", "being", "am", NULL
};
static const char *const w_have[] = {
    "have", "has", "had", "having", NULL
};
static const char *const w_do[] = {
    "do", "does", "did", NULL
};
static const char *const w_future[] = {
    "will", "shall", "'ll", NULL
};
static const char *const w_modal[] = {
    "would", "could", "should", "can", "may", "might", "must", "ought",
    "cannot", NULL
};
static const char *const w_neg[] = {
    "not", "never", "n't", NULL
};
/* Negated auxiliaries written as one token, and what they stand for. */
static const char *const w_negaux[][2] = {
    {"didn't", "did"}, {"doesn't", "does"}, {"don't", "do"},
    {"isn't", "is"}, {"aren't", "are"}, {"wasn't", "was"},
    {"weren't", "were"}, {"hasn't", "has"}, {"haven't", "have"},
    {"hadn't", "had"}, {"won't", "will"}, {"wouldn't", "would"},
    {"can't", "can"}, {"couldn't", "could"}, {"shouldn't", "should"},
    {"mustn't", "must"}, {NULL, NULL}
};
static const char *const w_adv[] = {
    "also", "still", "already", "then", "now", "later", "earlier", "again",
    "just", "even", "only", "further", "soon", "today", "yesterday",
    "tonight", "tomorrow", "recently", "ever", "however", "meanwhile",
    "nevertheless", "instead", "too", "very", "so", "thus", "therefore",
    "yet", "here", "there", "not", "reportedly", "allegedly", "previously",
    "subsequently", "currently", "finally", "eventually", "immediately",
    "jointly", "separately", "formally", "officially", "publicly",
    "personally", "directly", "repeatedly", "strongly", "firmly", "briefly",
    "last", "next", "first", "twice", "ago", "almost", "nearly", "about",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "overnight", "abroad", "together", "home", "late", "early",
    "rather", "quite", "especially", "particularly", "notably", "namely",
    NULL
};
static const char *const w_number[] = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
    "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
    "million", "billion", "dozen", "dozens", "hundreds", "thousands",
    "millions", NULL
};

/* Participles used as adjectives before a title or name ("the visiting
 * Japanese Prime Minister", "the outgoing president"). */
static const char *const w_title_participles[] = {
    "visiting", "outgoing", "incoming", "ruling", "retiring", "departing",
    "serving", "sitting", "reigning", "governing", "presiding", "leading",
    NULL
};

/* Verbs whose past and participle are the base form ("has cut aid",
 * "Japan cut ties"): WordNet's verb.exc does not list them. */
static const char *const w_same_past[] = {
    "cut", "put", "set", "hit", "let", "quit", "shut", "spread", "cost",
    "hurt", "bid", "cast", "upset", "broadcast", "forecast", "thrust",
    "burst", "split", "shed", "rid", "bet", "slit", "spit", "read", NULL
};

/* Particles of phrasal verbs ("wrap up", "break off", "pull out"). */
static const char *const w_particle[] = {
    "up", "down", "out", "off", "back", "away", "over", "forward", "aside",
    NULL
};

/* Verbs that report speech or thought: their complement is a reported
 * clause ("said (that) ...", "told reporters (that) ..."). */
static const char *const speech_lemmas[] = {
    "say", "tell", "announce", "state", "add", "note", "stress", "insist",
    "claim", "argue", "report", "confirm", "declare", "warn", "believe",
    "think", "explain", "acknowledge", "admit", "deny", "assert", "reply",
    "respond", "emphasize", "emphasise", "underline", "underscore",
    "indicate", "suggest", "write", "tweet", "predict", "maintain",
    "reiterate", "affirm", "contend", "allege", "recall", "observe",
    "remark", "agree", "hope", "fear", "know", "feel", "expect", "signal",
    "promise", "pledge", "vow", "threaten", "urge", "demand", "caution",
    "complain", "concede", "conclude", "disclose", "reveal", "point",
    "mention", "hint", "assure", "reassure", "inform", "brief", "remind",
    NULL
};

/* Nouns whose "to" clause is their owner's act ("the UK's decision to
 * proscribe", "the regent's plan to visit"). */
static const char *const owning_nouns[] = {
    "decision", "plan", "plans", "move", "bid", "attempt", "effort",
    "efforts", "intention", "commitment", "readiness", "willingness",
    "pledge", "promise", "offer", "proposal", "request", "call", "demand",
    "threat", "refusal", "failure", "order", "determination", "right",
    "ability", "desire", "wish", "agreement", NULL
};

/* Verbs whose object is the subject of their "to" clause ("invited X to
 * visit", "urged X to stop"). */
static const char *const object_control[] = {
    "invite", "urge", "ask", "encourage", "persuade", "tell", "allow",
    "call", "press", "request", "order", "force", "help", "enable",
    "permit", "warn", "advise", "instruct", "authorize", "authorise",
    "appeal", "challenge", "direct", "get", "lead", "pressure", "push",
    NULL
};

static int in(const char *const *list, const char *w)
{
    return dg_word_in(list, w);
}

/* Does w hold an apostrophe, ' or U+2019 ("won't", "can’t")? */
static int has_apostrophe(const char *w)
{
    for (; *w; w++)
        if (*w == '\'' || (w[0] == '\xe2' && w[1] == '\x80' && w[2] == '\x99'))
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Tagging                                                             */
/* ------------------------------------------------------------------ */

static int is_speech(const char *lemma);

/* What one sentence's analysis works on. */
typedef struct {
    dg_doc *doc;
    const dg_wordclass *wc;
    size_t sb, se;            /* the sentence's tokens */
    size_t sent;
    unsigned *ncount, *vcount, *acount; /* per token of the sentence
                                  (index - sb): noun, verb and adjective
                                  frequency of its word */
    unsigned char *vf;        /* per token: its verb reading's form */
    const char **lemma;       /* per token: its verb reading's lemma */
    unsigned char *timex;     /* per token: part of a date or time phrase
                                 ("on Tuesday", "last week") */
} sent_ctx;

static const char *norm(const dg_doc *doc, size_t i)
{
    return doc->toks[i].norm;
}

static dg_pos pos_at(const dg_doc *doc, size_t i)
{
    return (dg_pos)doc->tags[i].pos;
}

/* Noun-phrase material: the words a noun phrase is made of. */
static int nominal(dg_pos p)
{
    return p == DG_POS_NAME || p == DG_POS_TITLE || p == DG_POS_DEMONYM ||
           p == DG_POS_NOUN || p == DG_POS_ADJ || p == DG_POS_NUM ||
           p == DG_POS_POSS;
}

/* Words that may open a noun phrase. */
static int np_opener(dg_pos p)
{
    return nominal(p) || p == DG_POS_DET || p == DG_POS_POSSPRON ||
           p == DG_POS_PRON;
}

/* A hyphen or slash that glues two words ("three-day", "U.S.-China"). */
static int glue(const dg_doc *doc, size_t i)
{
    const dg_token *t = &doc->toks[i];

    return (dg_tok_is(t, "-") || dg_tok_is(t, "/") || dg_tok_is(t, "–")) &&
           !(t->flags & DG_TOK_SPACE_BEFORE) && i + 1 < doc->ntoks &&
           !(doc->toks[i + 1].flags & DG_TOK_SPACE_BEFORE);
}

/* Does token i start its sentence (after opening quotes or brackets,
 * or after a colon)? */
static int starts_sentence(const sent_ctx *sc, size_t i)
{
    const dg_doc *doc = sc->doc;
    size_t k = i;

    while (k > sc->sb && (doc->toks[k - 1].flags & DG_TOK_PUNCT) &&
           !dg_tok_is(&doc->toks[k - 1], ",") &&
           !dg_tok_is(&doc->toks[k - 1], ":"))
        k--;
    return k == sc->sb || dg_tok_is(&doc->toks[k - 1], ":");
}

/* The noun frequency of w or of its singular ("talks" -> "talk"); own[]:
 * w's own counts (dg_wordclass_of). */
static unsigned noun_count(const dg_wordclass *wc, const char *w,
                           const unsigned own[4])
{
    unsigned c[4];
    size_t n = strlen(w);
    char buf[64];

    if (own[0])
        return own[0];
    if (n < 3 || n >= sizeof buf || w[n - 1] != 's')
        return 0;
    memcpy(buf, w, n + 1);
    buf[n - 1] = '\0';
    if (dg_wordclass_of(wc, buf, c) & DG_WC_NOUN)
        return c[0];
    if (n > 4 && strcmp(w + n - 3, "ies") == 0) {
        strcpy(buf + n - 3, "y");
        if (dg_wordclass_of(wc, buf, c) & DG_WC_NOUN)
            return c[0];
    }
    if (n > 3 && strcmp(w + n - 2, "es") == 0) {
        buf[n - 2] = '\0';
        if (dg_wordclass_of(wc, buf, c) & DG_WC_NOUN)
            return c[0];
    }
    return 0;
}

static void set_aux(dg_tag *tg, const char *w)
{
    tg->pos = DG_POS_AUX;
    if (in(w_be, w))
        tg->lemma = "be";
    else if (in(w_have, w))
        tg->lemma = "have";
    else
        tg->lemma = "do";
    if (dg_same_word(w, "was") || dg_same_word(w, "were") ||
        dg_same_word(w, "had") || dg_same_word(w, "did") ||
        dg_same_word(w, "been"))
        tg->vform = DG_VF_ED;
    else if (dg_same_word(w, "being") || dg_same_word(w, "having"))
        tg->vform = DG_VF_ING;
    else if (dg_same_word(w, "is") || dg_same_word(w, "has") ||
             dg_same_word(w, "does"))
        tg->vform = DG_VF_S;
    else
        tg->vform = DG_VF_BASE;
}

/* The closed word classes in one sorted table, built once (lists in
 * the priority order of tag_closed: a word in two lists, "after" as
 * subordinator and preposition, takes the first). */
enum {
    CW_NONE, CW_REL, CW_CONJ, CW_AUX, CW_MODAL, CW_NEG, CW_SUB, CW_PREP,
    CW_DET, CW_POSSPRON, CW_PRON, CW_ADV, CW_NUM
};

typedef struct {
    const char *w;
    unsigned char cls;
    unsigned short order;
} closed_word;

#define CLOSED_MAX 512
static closed_word closed_tab[CLOSED_MAX];
static size_t nclosed;
static pthread_once_t closed_once = PTHREAD_ONCE_INIT;

/* A hash set over the table: slot -> index + 1 (0: empty), built with
 * it, so that a lookup costs one string comparison. */
#define CLOSED_SLOTS 2048
static unsigned short closed_slot[CLOSED_SLOTS];

static size_t closed_hash(const char *w)
{
    size_t h = 5381;

    for (; *w; w++)
        h = (h * 33) ^ (unsigned char)*w;
    return h & (CLOSED_SLOTS - 1);
}

static int closed_cmp(const void *a, const void *b)
{
    const closed_word *x = a, *y = b;
    int c = strcmp(x->w, y->w);

    return c ? c : (int)x->order - (int)y->order;
}

static void closed_add(const char *const *list, unsigned char cls)
{
    for (; *list && nclosed < CLOSED_MAX; list++) {
        closed_tab[nclosed].w = *list;
        closed_tab[nclosed].cls = cls;
        closed_tab[nclosed].order = (unsigned short)nclosed;
        nclosed++;
    }
}

static void closed_build(void)
{
    size_t i;

    closed_add(w_rel, CW_REL);
    closed_add(w_conj, CW_CONJ);
    closed_add(w_be, CW_AUX);
    closed_add(w_have, CW_AUX);
    closed_add(w_do, CW_AUX);
    closed_add(w_future, CW_MODAL);
    closed_add(w_modal, CW_MODAL);
    closed_add(w_neg, CW_NEG);
    closed_add(w_sub, CW_SUB);
    closed_add(w_prep, CW_PREP);
    closed_add(w_det, CW_DET);
    closed_add(w_posspron, CW_POSSPRON);
    closed_add(w_pron, CW_PRON);
    closed_add(w_adv, CW_ADV);
    closed_add(w_number, CW_NUM);
    qsort(closed_tab, nclosed, sizeof *closed_tab, closed_cmp);
    /* each word once, in its first (priority) class */
    for (i = 0; i < nclosed; i++) {
        size_t h;
        if (i > 0 && strcmp(closed_tab[i].w, closed_tab[i - 1].w) == 0)
            continue;
        for (h = closed_hash(closed_tab[i].w); closed_slot[h];
             h = (h + 1) & (CLOSED_SLOTS - 1))
            ;
        closed_slot[h] = (unsigned short)(i + 1);
    }
}

/* The closed class of folded word w (CW_NONE when none). */
static int closed_class(const char *w)
{
    size_t h, k;

    for (h = closed_hash(w); (k = closed_slot[h]) != 0;
         h = (h + 1) & (CLOSED_SLOTS - 1))
        if (closed_tab[k - 1].w[0] == w[0] &&
            strcmp(closed_tab[k - 1].w, w) == 0)
            return closed_tab[k - 1].cls;
    return CW_NONE;
}

/* Closed-class words; 0 when w is none of them. */
static int tag_closed(sent_ctx *sc, size_t i, dg_tag *tg)
{
    const dg_doc *doc = sc->doc;
    const char *w = norm(doc, i);
    size_t k;
    int cls;

    for (k = 0; has_apostrophe(w) && w_negaux[k][0]; k++)
        if (strcmp(w, w_negaux[k][0]) == 0 ||
            (strncmp(w, w_negaux[k][0], strlen(w_negaux[k][0]) - 3) == 0 &&
             strlen(w) == strlen(w_negaux[k][0]) &&
             strcmp(w + strlen(w) - 3, "n’t") == 0)) {
            const char *base = w_negaux[k][1];
            tg->neg = 1;
            if (in(w_future, base) || in(w_modal, base)) {
                tg->pos = DG_POS_MODAL;
                tg->lemma = in(w_future, base) ? "will" : "would";
            } else {
                set_aux(tg, base);
            }
            return 1;
        }
    /* "have all condemned": a quantifier floating in a verb group */
    if ((dg_same_word(w, "all") || dg_same_word(w, "both") ||
         dg_same_word(w, "each")) && i > sc->sb &&
        (pos_at(doc, i - 1) == DG_POS_AUX || pos_at(doc, i - 1) == DG_POS_MODAL))
        tg->pos = DG_POS_ADV;
    else if (dg_same_word(w, "to"))
        tg->pos = DG_POS_TO;
    else if (dg_same_word(w, "than"))
        tg->pos = DG_POS_PREP;
    else if (dg_same_word(w, "that"))
        tg->pos = i > sc->sb && pos_at(doc, i - 1) == DG_POS_PREP ?
                  DG_POS_DET : DG_POS_THAT;
    else if (dg_same_word(w, "her"))
        tg->pos = DG_POS_POSSPRON; /* PRON where no noun follows: later */
    else if (dg_same_word(w, "as") && i >= sc->sb + 2 &&
             dg_tok_is(&doc->toks[i - 1], "well") &&
             dg_tok_is(&doc->toks[i - 2], "as"))
        tg->pos = DG_POS_CONJ;     /* "X as well as Y": joins, no clause */
    else if (dg_same_word(w, "once") && i + 1 < sc->se &&
             (dg_tok_is(&doc->toks[i + 1], "again") ||
              dg_tok_is(&doc->toks[i + 1], "more")))
        tg->pos = DG_POS_ADV;      /* "has once again rejected" */
    else {
        switch ((cls = closed_class(w))) {
        case CW_REL: tg->pos = DG_POS_REL; break;
        case CW_CONJ: tg->pos = DG_POS_CONJ; break;
        case CW_AUX: set_aux(tg, w); break;
        case CW_MODAL:
            /* "May" the name or the month is no modal */
            if ((doc->toks[i].flags & DG_TOK_CAP) && dg_same_word(w, "may") &&
                !(starts_sentence(sc, i) && i + 1 < sc->se &&
                  in(w_subject_pron, norm(doc, i + 1))))
                return 0;
            tg->pos = DG_POS_MODAL;
            tg->lemma = in(w_future, w) ? "will" : w;
            if (dg_same_word(w, "cannot")) {
                tg->neg = 1; /* "cannot accept": can, negated */
                tg->lemma = "can";
            }
            break;
        case CW_NEG: tg->pos = DG_POS_NEG; break;
        case CW_SUB: tg->pos = DG_POS_SUB; break;
        case CW_PREP: tg->pos = DG_POS_PREP; break;
        case CW_DET: tg->pos = DG_POS_DET; break;
        case CW_POSSPRON: tg->pos = DG_POS_POSSPRON; break;
        case CW_PRON: tg->pos = DG_POS_PRON; break;
        case CW_ADV: tg->pos = DG_POS_ADV; break;
        case CW_NUM: tg->pos = DG_POS_NUM; break;
        default: return 0;
        }
    }
    return 1;
}

/* The previous token of the sentence that is not an adverb or negation,
 * or NONE. */
static size_t prev_word(const sent_ctx *sc, size_t i)
{
    while (i > sc->sb) {
        dg_pos p = pos_at(sc->doc, --i);
        /* ", thus,", ", however,": an adverb set off by commas */
        if (p == DG_POS_COMMA && i >= sc->sb + 3 &&
            pos_at(sc->doc, i - 1) == DG_POS_ADV &&
            pos_at(sc->doc, i - 2) == DG_POS_COMMA) {
            i -= 2;
            continue;
        }
        if (p != DG_POS_ADV && p != DG_POS_NEG && !sc->timex[i - sc->sb])
            return i;
    }
    return NONE;
}

/* Does the word before token i (adverbs skipped) ask for a verb's base
 * form: a modal, "to", a form of "do"? */
static int base_context(const sent_ctx *sc, size_t i)
{
    size_t p = prev_word(sc, i);
    dg_pos pp = p == NONE ? DG_POS_NONE : pos_at(sc->doc, p);

    return pp == DG_POS_MODAL || pp == DG_POS_TO ||
           (pp == DG_POS_AUX && sc->doc->tags[p].lemma &&
            strcmp(sc->doc->tags[p].lemma, "do") == 0);
}

/* Is token i between an auxiliary or modal (adverbs skipped) and a word
 * that can be a verb ("has outright rejected", "will soon visit")? */
static int adverb_slot(const sent_ctx *sc, size_t i)
{
    size_t p = prev_word(sc, i);
    const char *lemma;
    unsigned vc;
    dg_pos pp = p == NONE ? DG_POS_NONE : pos_at(sc->doc, p);

    return (pp == DG_POS_AUX || pp == DG_POS_MODAL) && i + 1 < sc->se &&
           dg_wordclass_verb(sc->wc, norm(sc->doc, i + 1), &lemma, &vc) !=
           DG_VF_NONE;
}

/* The first tagging pass: what a word can be out of context. */
static void tag_word(sent_ctx *sc, size_t i)
{
    dg_doc *doc = sc->doc;
    dg_tag *tg = &doc->tags[i];
    const dg_token *t = &doc->toks[i];
    const char *w = t->norm;
    int m = dg_mention_at(doc, i);
    unsigned c[4], vc = 0;
    const char *lemma;
    dg_verb_form vf;

    memset(tg, 0, sizeof *tg);
    tg->clause = -1;
    if (m >= 0) {
        tg->pos = doc->ments[m].type == DG_MENT_TITLE ? DG_POS_TITLE :
                  doc->ments[m].type == DG_MENT_DEMONYM ? DG_POS_DEMONYM :
                  DG_POS_NAME;
        return;
    }
    if (t->flags & DG_TOK_POSS) {
        tg->pos = DG_POS_POSS;
        return;
    }
    if (t->flags & DG_TOK_PUNCT) {
        tg->pos = dg_tok_is(t, ",") ? DG_POS_COMMA : DG_POS_PUNCT;
        return;
    }
    if (t->flags & DG_TOK_NUM) {
        tg->pos = DG_POS_NUM;
        return;
    }
    if ((t->flags & DG_TOK_CAP) && !starts_sentence(sc, i)) {
        if (!tag_closed(sc, i, tg) || (t->flags & DG_TOK_ALLCAPS))
            tg->pos = DG_POS_NAME; /* a name the gazetteers do not know */
        return;
    }
    /* "called off his visit", "set up a panel": a particle before the
     * object, not a preposition */
    if (i > sc->sb && doc->tags[i - 1].pos == DG_POS_VERB &&
        (dg_same_word(w, "off") || dg_same_word(w, "up")) && i + 1 < sc->se &&
        (closed_class(norm(doc, i + 1)) == CW_DET ||
         closed_class(norm(doc, i + 1)) == CW_POSSPRON)) {
        tg->pos = DG_POS_ADV;
        return;
    }
    if (tag_closed(sc, i, tg))
        return;
    /* "wrapping up", "broke off": a particle of the verb before */
    if (i > sc->sb && doc->tags[i - 1].pos == DG_POS_VERB &&
        in(w_particle, w)) {
        tg->pos = DG_POS_ADV;
        return;
    }
    /* "Russian-supported", "U.S.-led": a compound modifier, no verb */
    if (i > sc->sb && glue(doc, i - 1)) {
        tg->pos = DG_POS_ADJ;
        return;
    }
    vf = dg_wordclass_word(sc->wc, w, c, &lemma, &vc);
    sc->ncount[i - sc->sb] = noun_count(sc->wc, w, c);
    sc->vcount[i - sc->sb] = vc;
    if (c[1] && vf == DG_VF_ED &&
        base_context(sc, i)) {
        vf = DG_VF_BASE; /* "will lay down": "lay", not "lie" past */
        lemma = w;
    }
    sc->acount[i - sc->sb] = c[2];
    if (vf == DG_VF_NONE && c[3] && adverb_slot(sc, i)) {
        tg->pos = DG_POS_ADV; /* "has outright rejected" */
        return;
    }
    if (vf != DG_VF_NONE) {
        tg->pos = DG_POS_VERB; /* a candidate, decided in context */
        tg->vform = (unsigned char)vf;
        tg->lemma = lemma;
    } else if (c[2] && c[2] > sc->ncount[i - sc->sb])
        tg->pos = DG_POS_ADJ;
    else if (c[3] && !c[0] && !c[2])
        tg->pos = DG_POS_ADV;
    else if (!c[0] && !c[2] && strlen(w) > 4 &&
             strcmp(w + strlen(w) - 2, "ly") == 0)
        tg->pos = DG_POS_ADV;
    else if ((t->flags & DG_TOK_CAP) && !c[0] && !c[2])
        tg->pos = DG_POS_NAME; /* an unknown capitalized first word */
    else
        tg->pos = DG_POS_NOUN;
}

/* Does a noun phrase (or a pronoun, a clause-opening "to") start at
 * token i: what may follow a transitive verb? */
static int object_follows(const sent_ctx *sc, size_t i)
{
    dg_pos p;

    if (i >= sc->se)
        return 0;
    p = pos_at(sc->doc, i);
    /* "refuses to lift": an infinitive complement */
    if (p == DG_POS_TO && i + 1 < sc->se &&
        (pos_at(sc->doc, i + 1) == DG_POS_VERB ||
         sc->vcount[i + 1 - sc->sb] > 0))
        return 1;
    return p == DG_POS_DET || p == DG_POS_POSSPRON || p == DG_POS_NAME ||
           p == DG_POS_TITLE || p == DG_POS_DEMONYM || p == DG_POS_NUM ||
           (p == DG_POS_PRON && !in(w_subject_pron, norm(sc->doc, i))) ||
           p == DG_POS_THAT;
}

/* Is the noun phrase ending at token p the subject of a "that" clause
 * ("that the regent ...")? */
static int that_before(const sent_ctx *sc, size_t p)
{
    size_t k;

    for (k = p + 1; k-- > sc->sb && k + 6 > p;) {
        dg_pos q = pos_at(sc->doc, k);
        if (q == DG_POS_THAT)
            return 1;
        if (!nominal(q) && q != DG_POS_DET && q != DG_POS_POSSPRON)
            return 0;
    }
    return 0;
}

/* Is token p a singular common noun that opens its phrase (no
 * determiner, possessive, adjective or number before it): "peace" in
 * "peace talks", not "the government" in "the government talks"? */
static int bare_singular(const sent_ctx *sc, size_t p)
{
    const char *w = norm(sc->doc, p);
    size_t q = prev_word(sc, p);

    if (w[0] == '\0' || w[strlen(w) - 1] == 's')
        return 0;
    return q == NONE || !(pos_at(sc->doc, q) == DG_POS_DET ||
                          pos_at(sc->doc, q) == DG_POS_POSSPRON ||
                          pos_at(sc->doc, q) == DG_POS_POSS ||
                          pos_at(sc->doc, q) == DG_POS_ADJ ||
                          pos_at(sc->doc, q) == DG_POS_NUM ||
                          pos_at(sc->doc, q) == DG_POS_NOUN ||
                          pos_at(sc->doc, q) == DG_POS_NAME ||
                          pos_at(sc->doc, q) == DG_POS_DEMONYM);
}

/* Is the demonym at token p a people named as a noun: a plural
 * ("Palestinians", "Americans") or after "the" ("the French")? */
static int people_noun(const sent_ctx *sc, size_t p)
{
    const char *w = norm(sc->doc, p);
    size_t n = strlen(w);

    return (n > 3 && w[n - 1] == 's' && w[n - 2] != 's') ||
           (p > sc->sb && dg_tok_is(&sc->doc->toks[p - 1], "the"));
}

/* Does the participle at token i modify the noun phrase after it, which
 * a verb group then follows ("appointed Prime Minister X has refused",
 * "that deposed president X stand trial")? */
static int modifies_subject(const sent_ctx *sc, size_t i)
{
    size_t k = i + 1;

    while (k < sc->se && k < i + 1 + NP_MAX &&
           (nominal(pos_at(sc->doc, k)) || pos_at(sc->doc, k) == DG_POS_ADJ))
        k++;
    return k > i + 1 && k < sc->se &&
           (pos_at(sc->doc, k) == DG_POS_AUX ||
            pos_at(sc->doc, k) == DG_POS_MODAL ||
            pos_at(sc->doc, k) == DG_POS_VERB);
}

/* Is the verb candidate at i a verb here?  Decided from the word before
 * it (adverbs skipped) and after it; see the file comment. */
static int verb_in_context(const sent_ctx *sc, size_t i, int finite_seen)
{
    const dg_doc *doc = sc->doc;
    const dg_tag *tg = &doc->tags[i];
    size_t p = prev_word(sc, i);
    unsigned nc = sc->ncount[i - sc->sb], vc = sc->vcount[i - sc->sb];
    dg_verb_form vf = (dg_verb_form)tg->vform;
    dg_pos pp = p == NONE ? DG_POS_NONE : pos_at(doc, p);
    int obj = object_follows(sc, i + 1);
    int same_past = vf == DG_VF_BASE && tg->lemma &&
                    in(w_same_past, tg->lemma);

    /* "The Palestinians reject", "Israelis failed": a people as a noun */
    if (pp == DG_POS_DEMONYM && people_noun(sc, p))
        pp = DG_POS_NOUN;
    switch (pp) {
    case DG_POS_MODAL:
        return vf == DG_VF_BASE;
    case DG_POS_TO:
        return vf == DG_VF_BASE;
    case DG_POS_AUX:
        if (strcmp(doc->tags[p].lemma, "do") == 0)
            return vf == DG_VF_BASE;
        /* "is willing to": an adjective more often than the verb */
        if (vf == DG_VF_ING && strcmp(doc->tags[p].lemma, "be") == 0 &&
            sc->acount[i - sc->sb] > vc)
            return 0;
        return vf == DG_VF_ED || vf == DG_VF_ING || same_past;
    case DG_POS_PRON:
        return in(w_subject_pron, norm(doc, p)) && vf != DG_VF_ING;
    case DG_POS_THAT:
        /* "demanded that deposed president X stand trial": after "that"
         * of a verb the participle modifies the subject */
        if (vf == DG_VF_ED && p > sc->sb &&
            pos_at(doc, p - 1) == DG_POS_VERB && modifies_subject(sc, i))
            return 0;
        /* fall through */
    case DG_POS_REL:
        return vf != DG_VF_ING || nc == 0;
    case DG_POS_DET:
    case DG_POS_POSSPRON:
    case DG_POS_POSS:
    case DG_POS_ADJ:
    case DG_POS_NUM:
    case DG_POS_DEMONYM:
        return 0;
    case DG_POS_PREP:
    case DG_POS_SUB:
        /* "with visiting Japanese Prime Minister X": an adjective */
        if (vf == DG_VF_ING && in(w_title_participles, norm(doc, i)) &&
            i + 1 < sc->se && (pos_at(doc, i + 1) == DG_POS_DEMONYM ||
                               pos_at(doc, i + 1) == DG_POS_TITLE ||
                               pos_at(doc, i + 1) == DG_POS_NAME))
            return 0;
        /* "after meeting X", "by imposing sanctions": a gerund */
        return vf == DG_VF_ING && (obj || (i + 1 < sc->se &&
                                           pos_at(doc, i + 1) == DG_POS_PREP));
    case DG_POS_NAME:
    case DG_POS_TITLE:
    case DG_POS_NOUN:
        if (vf == DG_VF_ED)
            return 1;
        /* "Japan cut aid": a past when a noun phrase follows ("the
         * budget cut was" is a noun) */
        if (same_past && !finite_seen && i + 1 < sc->se &&
            (obj || pos_at(doc, i + 1) == DG_POS_NOUN ||
             pos_at(doc, i + 1) == DG_POS_ADJ ||
             (pos_at(doc, i + 1) == DG_POS_VERB &&
              sc->ncount[i + 1 - sc->sb] > 0)))
            return 1;
        /* "conferred about the P5+1 talks": the clause has its verb */
        if (finite_seen && (vf == DG_VF_S || vf == DG_VF_BASE))
            return 0;
        /* "On Friday, peace talks in Minsk": after a bare singular noun
         * with no determiner, an -s form is the head of a compound */
        if (vf == DG_VF_S && pp == DG_POS_NOUN && bare_singular(sc, p))
            return 0;
        /* "Central American states Mexico and Panama": a noun far
         * more often than a verb */
        if (vf == DG_VF_S)
            return (obj && vc * 4 >= nc) || vc > 2 * nc;
        if (vf == DG_VF_ING)
            return vc * 2 >= nc;
        /* "demanded that the regent resign": a subjunctive */
        if (vf == DG_VF_BASE && !finite_seen && vc > 0 &&
            that_before(sc, p) &&
            (i + 1 >= sc->se || !nominal(pos_at(doc, i + 1))))
            return 1;
        /* "the two leaders meet", "challenges remain," */
        return (obj && vc > nc) ||
               (vc >= nc && pos_at(doc, p) == DG_POS_NOUN &&
                norm(doc, p)[strlen(norm(doc, p)) - 1] == 's' &&
                (i + 1 >= sc->se || pos_at(doc, i + 1) == DG_POS_COMMA ||
                 pos_at(doc, i + 1) == DG_POS_PUNCT ||
                 pos_at(doc, i + 1) == DG_POS_PREP));
    case DG_POS_VERB:
        /* "began meeting", "got married"; "held talks" is an object,
         * "address shared challenges" an adjective */
        if (vf == DG_VF_ED)
            return !(i + 1 < sc->se && nominal(pos_at(doc, i + 1)));
        return vf == DG_VF_ING;
    case DG_POS_CONJ:
        /* "to engage ... and address": coordinated with the verb before */
        if (vf == DG_VF_BASE) {
            size_t k;
            for (k = p; k-- > sc->sb;)
                if (pos_at(doc, k) == DG_POS_VERB)
                    return doc->tags[k].vform == DG_VF_BASE;
        }
        /* fall through */
    case DG_POS_COMMA:
        if (vf == DG_VF_ING || vf == DG_VF_ED)
            return vc * 2 >= nc || obj;
        return vc >= nc && obj;
    case DG_POS_NONE:
        /* the sentence's first word: a participle opens a clause, unless
         * it modifies the subject ("Newly appointed Prime Minister X has
         * refused") */
        if (vf == DG_VF_ING || vf == DG_VF_ED)
            return i + 1 < sc->se && pos_at(doc, i + 1) != DG_POS_VERB &&
                   pos_at(doc, i + 1) != DG_POS_AUX &&
                   !(vf == DG_VF_ED && modifies_subject(sc, i));
        return 0;
    default:
        return vc > nc;
    }
}

/* A sentence left without a finite verb ("The diplomats exercise their
 * functions"): the first noun that can be a verb in the present or past
 * after a noun phrase, with a noun phrase or preposition after it, is
 * its verb. */
static void verbless_repair(sent_ctx *sc, const unsigned char *vf,
                            const char **lemma)
{
    dg_doc *doc = sc->doc;
    size_t i;

    for (i = sc->sb; i < sc->se; i++) {
        dg_pos p = pos_at(doc, i);
        if (p == DG_POS_VERB || p == DG_POS_AUX || p == DG_POS_MODAL)
            return;
    }
    for (i = sc->sb + 1; i + 1 < sc->se; i++) {
        dg_pos prev = pos_at(doc, i - 1);
        if (!vf[i - sc->sb] || vf[i - sc->sb] == DG_VF_ING ||
            (prev != DG_POS_NOUN && prev != DG_POS_NAME &&
             prev != DG_POS_TITLE && prev != DG_POS_PRON))
            continue;
        if (!object_follows(sc, i + 1) && pos_at(doc, i + 1) != DG_POS_PREP)
            continue;
        doc->tags[i].pos = DG_POS_VERB;
        doc->tags[i].vform = vf[i - sc->sb];
        doc->tags[i].lemma = lemma[i - sc->sb];
        return;
    }
}

static void tag_sentence(sent_ctx *sc)
{
    dg_doc *doc = sc->doc;
    size_t i;
    int finite_seen = 0;

    for (i = sc->sb; i < sc->se; i++)
        tag_word(sc, i);
    for (i = sc->sb; i < sc->se; i++) {
        dg_tag *tg = &doc->tags[i];
        dg_pos p = (dg_pos)tg->pos;
        sc->vf[i - sc->sb] = p == DG_POS_VERB ? tg->vform : 0;
        sc->lemma[i - sc->sb] = p == DG_POS_VERB ? tg->lemma : NULL;
        /* a finite verb since the last clause boundary? */
        if (p == DG_POS_COMMA || p == DG_POS_REL || p == DG_POS_THAT ||
            p == DG_POS_SUB || p == DG_POS_PUNCT)
            finite_seen = 0;
        else if (p == DG_POS_AUX || p == DG_POS_MODAL)
            finite_seen = 1;
        /* "a veto cast by": a participle spelt like its base form */
        if (p == DG_POS_VERB && tg->vform == DG_VF_BASE && i > sc->sb &&
            i + 1 < sc->se && nominal(pos_at(doc, i - 1)) &&
            dg_tok_is(&doc->toks[i + 1], "by"))
            tg->vform = DG_VF_ED;
        if (p == DG_POS_VERB && !verb_in_context(sc, i, finite_seen)) {
            tg->pos = tg->vform == DG_VF_ED ||
                      sc->acount[i - sc->sb] > sc->ncount[i - sc->sb] ?
                      DG_POS_ADJ : DG_POS_NOUN;
            tg->vform = 0;
            tg->lemma = NULL;
        } else if (tg->pos == DG_POS_POSSPRON &&
                   strcmp(norm(doc, i), "her") == 0 &&
                   (i + 1 >= sc->se || !nominal(pos_at(doc, i + 1)))) {
            tg->pos = DG_POS_PRON; /* "met her on Monday" */
        } else if (p == DG_POS_VERB) {
            /* the clause has its predicate; after "said" a reported
             * clause may follow without "that" */
            finite_seen = !is_speech(tg->lemma);
        }
    }
    verbless_repair(sc, sc->vf, sc->lemma);
}

/* ------------------------------------------------------------------ */
/* Noun phrases and verb groups                                        */
/* ------------------------------------------------------------------ */

/* One past the noun phrase starting at token i (i when none starts
 * there), within [i, lim): a determiner or possessive pronoun, then
 * nominal words, hyphen-glued parts and "of" + noun phrase after a
 * noun ("foreign minister of China"); or a pronoun alone. */
static size_t np_end(const dg_doc *doc, size_t i, size_t lim)
{
    size_t k = i, start = i;

    if (i >= lim)
        return i;
    if (pos_at(doc, i) == DG_POS_PRON)
        return i + 1;
    if (pos_at(doc, i) == DG_POS_DET || pos_at(doc, i) == DG_POS_POSSPRON)
        k++;
    /* "both the", "all their" */
    if (k > i && k < lim && pos_at(doc, i) == DG_POS_DET &&
        (pos_at(doc, k) == DG_POS_DET || pos_at(doc, k) == DG_POS_POSSPRON))
        k++;
    while (k < lim && k - start < NP_MAX) {
        dg_pos p = pos_at(doc, k);
        if (nominal(p) || (p == DG_POS_DET && k > start &&
                           pos_at(doc, k - 1) == DG_POS_POSS)) {
            k++;
        } else if (k > start && glue(doc, k) && k + 1 < lim &&
                   nominal(pos_at(doc, k + 1))) {
            k += 2;
        } else if (k > start && pos_at(doc, k) == DG_POS_COMMA &&
                   pos_at(doc, k - 1) == DG_POS_ADJ && k + 2 < lim &&
                   pos_at(doc, k + 1) == DG_POS_ADJ &&
                   nominal(pos_at(doc, k + 2))) {
            k += 2; /* "the unjustified, baseless decision" */
        } else if (k > start && dg_tok_is(&doc->toks[k], "of") &&
                   k + 1 < lim && np_opener(pos_at(doc, k + 1)) &&
                   pos_at(doc, k + 1) != DG_POS_PRON &&
                   (pos_at(doc, k - 1) == DG_POS_NOUN ||
                    pos_at(doc, k - 1) == DG_POS_TITLE ||
                    pos_at(doc, k - 1) == DG_POS_NAME ||
                    pos_at(doc, k - 1) == DG_POS_NUM)) {
            size_t e = np_end(doc, k + 1, lim);
            if (e == k + 1)
                break;
            k = e;
        } else {
            break;
        }
    }
    return k > start && (k > start + 1 || nominal(pos_at(doc, start)) ||
                         pos_at(doc, start) == DG_POS_PRON) ? k : start;
}

/* Words a bracketed gloss after a name may hold: "the World Bank
 * (WB)", "Intergovernmental Authority on Development (IGAD)". */
#define GLOSS_MAX 4

/* The "(" of a gloss of names and numbers that ends just before token e
 * and follows a noun phrase, or e when there is none. */
static size_t gloss_start(const dg_doc *doc, size_t lo, size_t e)
{
    size_t k;

    if (e < lo + 4 || !dg_tok_is(&doc->toks[e - 1], ")"))
        return e;
    for (k = e - 1; k > lo && e - 1 - k <= GLOSS_MAX; k--) {
        dg_pos p = pos_at(doc, k - 1);
        if (dg_tok_is(&doc->toks[k - 1], "("))
            return k - 1 > lo && k < e - 1 && nominal(pos_at(doc, k - 2))
                   ? k - 1 : e;
        if (p != DG_POS_NAME && p != DG_POS_NUM)
            return e;
    }
    return e;
}

/* The start of the noun phrase ending just before token e (e when
 * none), not before lo; a bracketed gloss at its end belongs to it. */
static size_t np_start(const dg_doc *doc, size_t lo, size_t e)
{
    size_t k = gloss_start(doc, lo, e);

    if (k != e) {
        size_t s = np_start(doc, lo, k);
        return s < k ? s : e;
    }
    if (e > lo && pos_at(doc, e - 1) == DG_POS_PRON)
        return e - 1;
    while (k > lo && e - k < NP_MAX) {
        dg_pos p = pos_at(doc, k - 1);
        if (nominal(p)) {
            k--;
        } else if (k - 1 > lo && glue(doc, k - 1) && k < e) {
            k--;
        } else if ((p == DG_POS_DET || p == DG_POS_POSSPRON) && k < e) {
            k--;
            if (k > lo && pos_at(doc, k - 1) == DG_POS_POSS)
                continue; /* "China's the ..." never; "X's own" */
            break;
        } else if (p == DG_POS_PREP && dg_tok_is(&doc->toks[k - 1], "of") &&
                   k < e && k - 1 > lo && nominal(pos_at(doc, k - 2)) &&
                   pos_at(doc, k - 2) != DG_POS_POSS) {
            k--; /* "the foreign minister of China" */
        } else {
            break;
        }
    }
    /* never start inside a hyphenated word or after "of" */
    while (k < e && (glue(doc, k) || dg_tok_is(&doc->toks[k], "of") ||
                     pos_at(doc, k) == DG_POS_POSS))
        k++;
    return k;
}

/* Extends the noun phrase [b, e) over coordinated ones to the right
 * ("X, Y and Z"), within [b, lim).  Returns the new end. */
static size_t coord_right(const dg_doc *doc, size_t e, size_t lim)
{
    for (;;) {
        size_t k = e, n;
        int comma = 0, conj = 0;
        if (k < lim && pos_at(doc, k) == DG_POS_COMMA) {
            k++;
            comma = 1;
        }
        if (k < lim && (dg_tok_is(&doc->toks[k], "and") ||
                        dg_tok_is(&doc->toks[k], "or"))) {
            k++;
            conj = 1;
        }
        if (k == e || k >= lim)
            return e;
        n = np_end(doc, k, lim);
        if (n == k)
            return e;
        /* "X, Y and Z" is a list; "since the summit, challenges" is not */
        if (comma && !conj && !(n < lim && (pos_at(doc, n) == DG_POS_COMMA ||
                                            pos_at(doc, n) == DG_POS_CONJ)))
            return e;
        e = n;
    }
}

/* The number of tokens of "along with", "together with" or "as well
 * as" that end just before token k (not before lo), else 0: "X along
 * with its allies demanded" names two sides as "and" would. */
static size_t joining_words(const dg_doc *doc, size_t lo, size_t k)
{
    if (k >= lo + 3 && dg_tok_is(&doc->toks[k - 1], "with") &&
        (dg_tok_is(&doc->toks[k - 2], "along") ||
         dg_tok_is(&doc->toks[k - 2], "together")))
        return 2;
    if (k >= lo + 4 && dg_tok_is(&doc->toks[k - 1], "as") &&
        dg_tok_is(&doc->toks[k - 2], "well") &&
        dg_tok_is(&doc->toks[k - 3], "as"))
        return 3;
    return 0;
}

/* Extends the noun phrase starting at b over coordinated ones to the
 * left ("X and Y", "X, Y and Z", "X along with Y", "Baerbock, Germany's
 * ..."). */
static size_t coord_left(const dg_doc *doc, size_t lo, size_t b)
{
    for (;;) {
        size_t k = b, s;
        if (k > lo && (dg_tok_is(&doc->toks[k - 1], "and") ||
                       dg_tok_is(&doc->toks[k - 1], "or")))
            k--;
        else
            k -= joining_words(doc, lo, k);
        if (k > lo && pos_at(doc, k - 1) == DG_POS_COMMA)
            k--;
        if (k == b || k == lo)
            return b;
        s = np_start(doc, lo, k);
        if (s == k || (s > lo && (pos_at(doc, s - 1) == DG_POS_PREP ||
                                  pos_at(doc, s - 1) == DG_POS_TO ||
                                  pos_at(doc, s - 1) == DG_POS_VERB)))
            return b;
        b = s;
    }
}

typedef struct {
    dg_span span;
    size_t head;
    unsigned flags;
    const char *lemma;
} verb_group;

/* The verb group starting at token i (a modal, auxiliary or verb), with
 * the adverbs and negations inside it. */
static verb_group read_group(const sent_ctx *sc, size_t i)
{
    const dg_doc *doc = sc->doc;
    verb_group g;
    size_t k = i, last_aux = NONE;
    int first = 1;

    memset(&g, 0, sizeof g);
    g.span.b = i;
    g.head = NONE;
    while (k < sc->se) {
        dg_pos p = pos_at(doc, k);
        const dg_tag *tg = &doc->tags[k];
        if (p == DG_POS_ADV || p == DG_POS_NEG) {
            if (p == DG_POS_NEG || dg_tok_is(&doc->toks[k], "never"))
                g.flags |= DG_VG_NEG;
            k++;
            continue;
        }
        if (p != DG_POS_MODAL && p != DG_POS_AUX && p != DG_POS_VERB)
            break;
        if (!first && (g.head != NONE && pos_at(doc, g.head) == DG_POS_VERB))
            break; /* a verb ends the group */
        if (tg->neg)
            g.flags |= DG_VG_NEG;
        if (first) {
            if (p == DG_POS_MODAL || (p == DG_POS_AUX &&
                                      tg->vform != DG_VF_ING &&
                                      !dg_tok_is(&doc->toks[k], "been") &&
                                      !dg_tok_is(&doc->toks[k], "be")) ||
                (p == DG_POS_VERB && (tg->vform == DG_VF_S ||
                                      tg->vform == DG_VF_ED ||
                                      tg->vform == DG_VF_BASE)))
                g.flags |= DG_VG_FINITE;
            if ((p == DG_POS_AUX || p == DG_POS_VERB) && tg->vform == DG_VF_ED)
                g.flags |= DG_VG_PAST;
        }
        if (p == DG_POS_MODAL)
            g.flags |= strcmp(tg->lemma, "will") == 0 ? DG_VG_FUTURE
                                                      : DG_VG_MODAL;
        if (p == DG_POS_VERB && tg->vform == DG_VF_ED && last_aux != NONE) {
            if (strcmp(doc->tags[last_aux].lemma, "be") == 0)
                g.flags |= DG_VG_PASSIVE;
            else if (strcmp(doc->tags[last_aux].lemma, "have") == 0)
                g.flags |= DG_VG_PERFECT;
        }
        if (p == DG_POS_AUX)
            last_aux = k;
        g.head = k;
        first = 0;
        k++;
        if (p == DG_POS_VERB)
            break;
    }
    /* trailing adverbs belong after the group, not in it */
    while (k > i + 1 && (pos_at(doc, k - 1) == DG_POS_ADV ||
                         pos_at(doc, k - 1) == DG_POS_NEG) && k - 1 > g.head)
        k--;
    g.span.e = k;
    if (g.head != NONE) {
        g.lemma = doc->tags[g.head].lemma;
        if (pos_at(doc, g.head) == DG_POS_AUX &&
            strcmp(doc->tags[g.head].lemma, "be") == 0)
            g.flags |= DG_VG_COPULA;
        /* "is to meet", "is going to meet": a future */
        if (g.head + 2 < sc->se && (g.flags & DG_VG_COPULA) &&
            dg_tok_is(&doc->toks[g.span.e], "to"))
            g.flags |= DG_VG_FUTURE;
        if (dg_tok_is(&doc->toks[g.head], "going") && g.head + 1 < sc->se &&
            dg_tok_is(&doc->toks[g.head + 1], "to"))
            g.flags |= DG_VG_FUTURE;
    }
    return g;
}

/* ------------------------------------------------------------------ */
/* Clauses                                                             */
/* ------------------------------------------------------------------ */

#define MAX_GROUPS 96
#define MAX_DEPTH 24

/* Nouns whose "that" clause reports what was said or thought. */
static const char *const speech_nouns[] = {
    "statement", "statements", "letter", "declaration", "communique",
    "communiqué", "resolution", "speech", "interview", "tweet", "post",
    "message", "note", "announcement", "assurance", "assurances", "hope",
    "hopes",
    "fear", "fears", "belief", "claim", "claims", "news", "report",
    "reports", "warning", "sign", "signs", "evidence", "indication",
    "message", "view", "concern", "concerns", "promise", "pledge", "word",
    "suggestion", "allegation", "allegations", "confirmation", NULL
};

/* Verbs whose indirect object comes before the reported clause ("told
 * reporters (that) ..."). */
static const char *const tell_lemmas[] = {
    "tell", "inform", "assure", "reassure", "remind", "brief", "warn",
    "promise", NULL
};

typedef struct {
    sent_ctx *sc;
    verb_group g[MAX_GROUPS];
    size_t ng;
    int stack[MAX_DEPTH];
    size_t depth;
} builder;

static int is_speech(const char *lemma)
{
    return lemma && in(speech_lemmas, lemma);
}

/* The group starting at token i, or -1. */
static int group_at(const builder *bd, size_t i)
{
    size_t k;

    for (k = 0; k < bd->ng; k++)
        if (bd->g[k].span.b == i)
            return (int)k;
    return -1;
}

/* The next token from i that is not an adverb, or se. */
static size_t skip_adv(const sent_ctx *sc, size_t i)
{
    while (i < sc->se && (pos_at(sc->doc, i) == DG_POS_ADV ||
                          pos_at(sc->doc, i) == DG_POS_NEG))
        i++;
    return i;
}

static dg_clause *clause(const builder *bd, int c)
{
    return &bd->sc->doc->clauses[c];
}

static int top(const builder *bd)
{
    return bd->stack[bd->depth - 1];
}

static int new_clause(builder *bd, dg_clause_kind kind, size_t b, int parent,
                      size_t marker)
{
    dg_doc *doc = bd->sc->doc;
    dg_clause *c;

    if (doc->nclauses == doc->cap_clauses) {
        size_t cap = doc->cap_clauses ? doc->cap_clauses * 2 : 64;
        dg_clause *p = realloc(doc->clauses, cap * sizeof *p);
        if (!p)
            return -1;
        doc->clauses = p;
        doc->cap_clauses = cap;
    }
    c = &doc->clauses[doc->nclauses];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->sent = bd->sc->sent;
    c->b = c->e = b;
    c->parent = parent;
    c->marker = marker;
    c->subj.b = c->subj.e = b;
    c->subj_from = -1;
    c->ante.b = c->ante.e = b;
    c->verb = NONE;
    return (int)doc->nclauses++;
}

/* Opens a clause on top of the stack; returns 0 when out of memory. */
static int push(builder *bd, dg_clause_kind kind, size_t b, size_t marker)
{
    int c;

    if (bd->depth == MAX_DEPTH)
        return 1; /* deeper nesting stays in the clause it is in */
    c = new_clause(bd, kind, b, top(bd), marker);
    if (c < 0)
        return 0;
    bd->stack[bd->depth++] = c;
    return 1;
}

/* Does a finite verb group start at the first non-adverb from i? */
static int finite_at(const builder *bd, size_t i)
{
    int g = group_at(bd, skip_adv(bd->sc, i));

    return g >= 0 && (bd->g[g].flags & DG_VG_FINITE);
}

/* Does a subordinator at i open a clause (a finite verb group follows
 * its subject, before the next comma) or a participle ("after meeting",
 * "when asked")?  Returns the kind, or -1 when it is a preposition. */
static int subordinate_kind(const builder *bd, size_t i)
{
    const sent_ctx *sc = bd->sc;
    size_t j = skip_adv(sc, i + 1), n;
    int g = group_at(bd, j);

    if (g >= 0 && pos_at(sc->doc, bd->g[g].head) == DG_POS_VERB &&
        (sc->doc->tags[bd->g[g].head].vform == DG_VF_ING ||
         sc->doc->tags[bd->g[g].head].vform == DG_VF_ED) &&
        bd->g[g].span.b == bd->g[g].head)
        return DG_CL_PARTICIPLE;
    if (g >= 0 && (bd->g[g].flags & DG_VG_FINITE))
        return DG_CL_SUBORD; /* "as expected", "as is" */
    n = np_end(sc->doc, j, sc->se);
    if (n > j) {
        n = coord_right(sc->doc, n, sc->se);
        if (finite_at(bd, n))
            return DG_CL_SUBORD;
    }
    return -1;
}

/* The words from j to the end of the sentence are "X said", "said X"
 * or "X told reporters", perhaps with time words: the speaker of what
 * came before.  Returns where that clause starts, or NONE. */
static size_t speech_tail(const builder *bd, size_t j)
{
    const sent_ctx *sc = bd->sc;
    const dg_doc *doc = sc->doc;
    size_t n, k;
    int g;

    while (j < sc->se && pos_at(doc, j) == DG_POS_PUNCT)
        j++;
    if (j >= sc->se)
        return NONE;
    n = np_end(doc, j, sc->se);
    g = group_at(bd, skip_adv(sc, n));
    if (n == j && (g < 0 || !is_speech(bd->g[g].lemma)))
        return NONE;
    if (g < 0 || !is_speech(bd->g[g].lemma) ||
        !(bd->g[g].flags & DG_VG_FINITE))
        return NONE;
    if (n == j && np_end(doc, bd->g[g].span.e, sc->se) == bd->g[g].span.e)
        return NONE; /* "said X": the speaker must follow */
    for (k = bd->g[g].span.e; k < sc->se; k++) {
        dg_pos p = pos_at(doc, k);
        if (p == DG_POS_THAT || p == DG_POS_REL || p == DG_POS_COMMA ||
            group_at(bd, k) >= 0 || dg_tok_is(&doc->toks[k], ":"))
            return NONE;
    }
    return j;
}

/* Verbs whose passive names a speaker as subject and the medium as
 * agent ("is quoted by Reuters saying", "was cited by the agency as
 * saying"). */
static const char *const quoting_lemmas[] = {"quote", "cite", NULL};

/* Where a reported clause starts right after speech verb group g of
 * clause c (no "that": "said China would ..."), or NONE. */
static size_t reported_start(const builder *bd, const dg_clause *c)
{
    const sent_ctx *sc = bd->sc;
    size_t j, n;

    if (c->verb == NONE || !is_speech(c->lemma) ||
        (c->vflags & DG_VG_PASSIVE))
        return NONE;
    j = skip_adv(sc, c->vg.e);
    while (j < sc->se && sc->timex[j - sc->sb]) /* "said on Friday they" */
        j = skip_adv(sc, j + 1);
    if (in(tell_lemmas, c->lemma)) {
        n = np_end(sc->doc, j, sc->se);
        j = skip_adv(sc, n);
    }
    if (j < sc->se && (dg_tok_is(&sc->doc->toks[j], ":") ||
                       pos_at(sc->doc, j) == DG_POS_PUNCT))
        return j;
    n = np_end(sc->doc, j, sc->se);
    if (n > j && finite_at(bd, coord_right(sc->doc, n, sc->se)))
        return j;
    return NONE;
}

/* Closes the clauses that a comma at token i ends: relative,
 * participial and infinitive clauses, and subordinate ones opened
 * before the main clause's verb, once they have their verb. */
static void close_at_comma(builder *bd)
{
    while (bd->depth > 1) {
        dg_clause *c = clause(bd, top(bd));
        dg_clause *p = clause(bd, c->parent);
        if (c->verb == NONE)
            return;
        if (c->kind == DG_CL_RELATIVE || c->kind == DG_CL_PARTICIPLE ||
            c->kind == DG_CL_INFINITIVE ||
            (c->kind == DG_CL_SUBORD && p->verb == NONE)) {
            bd->depth--;
            if (c->kind != DG_CL_INFINITIVE)
                return;
            continue; /* "to meet X, who ..." closes its clause too */
        }
        return;
    }
}

/* Is there, after token i, a comma followed by a finite verb group (the
 * verb of a subject the words from i interrupt)? */
static int finite_after_comma(const builder *bd, size_t i)
{
    const sent_ctx *sc = bd->sc;
    size_t k;

    for (k = i + 1; k + 1 < sc->se; k++)
        if (pos_at(sc->doc, k) == DG_POS_COMMA)
            return finite_at(bd, k + 1);
    return 0;
}

/* Do a subject and its finite verb follow the first comma after token i
 * ("Elected in 2019, X met Y")? */
static int clause_after_comma(const builder *bd, size_t i)
{
    const sent_ctx *sc = bd->sc;
    size_t k, n;

    for (k = i + 1; k + 1 < sc->se; k++)
        if (pos_at(sc->doc, k) == DG_POS_COMMA) {
            n = np_end(sc->doc, k + 1, sc->se);
            return n > k + 1 &&
                   finite_at(bd, coord_right(sc->doc, n, sc->se));
        }
    return 0;
}

/* Decides whether a clause opens at token i and opens it.  Returns 0
 * when out of memory. */
static int open_at(builder *bd, size_t i)
{
    const sent_ctx *sc = bd->sc;
    dg_doc *doc = sc->doc;
    dg_pos p = pos_at(doc, i);
    dg_clause *c = clause(bd, top(bd));
    int g = group_at(bd, i);
    size_t prev = i > sc->sb ? i - 1 : NONE;

    if (p == DG_POS_SUB) {
        int k = subordinate_kind(bd, i);
        if (k >= 0)
            return push(bd, (dg_clause_kind)k, i, i);
        doc->tags[i].pos = DG_POS_PREP; /* "after talks with X" */
        return 1;
    }
    if (p == DG_POS_REL)
        return push(bd, DG_CL_RELATIVE, i, i);
    if (p == DG_POS_THAT) {
        size_t pw = prev_word(sc, i);
        if (pw != NONE && nominal(pos_at(doc, pw)) &&
            !in(speech_nouns, norm(doc, pw)) &&
            !(c->verb != NONE && is_speech(c->lemma) &&
              pw < np_end(doc, c->vg.e, sc->se) + 1 &&
              in(tell_lemmas, c->lemma)))
            return push(bd, DG_CL_RELATIVE, i, i);
        return push(bd, DG_CL_REPORTED, i, i);
    }
    if (p == DG_POS_TO) {
        int h = group_at(bd, skip_adv(sc, i + 1));
        if (h >= 0 && pos_at(doc, bd->g[h].head) == DG_POS_VERB &&
            (doc->tags[bd->g[h].span.b].vform == DG_VF_BASE ||
             pos_at(doc, bd->g[h].span.b) == DG_POS_AUX))
            return push(bd, DG_CL_INFINITIVE, i, i);
        return 1;
    }
    if (p == DG_POS_CONJ && c->verb != NONE && (dg_tok_is(&doc->toks[i], "and") ||
                                             dg_tok_is(&doc->toks[i], "but") ||
                                             dg_tok_is(&doc->toks[i], "or"))) {
        size_t j = skip_adv(sc, i + 1), n;
        if (group_at(bd, j) >= 0)
            return push(bd, DG_CL_COORD, i, i);
        n = np_end(doc, j, sc->se);
        if (n > j && finite_at(bd, coord_right(doc, n, sc->se)))
            return push(bd, DG_CL_COORD, i, i);
        return 1;
    }
    if (g >= 0 && pos_at(doc, bd->g[g].head) == DG_POS_VERB &&
        bd->g[g].head == i) {
        dg_verb_form vf = (dg_verb_form)doc->tags[i].vform;
        /* ", saying ...", "Speaking to reporters, ...", "Elected in
         * 2019, X ..." */
        if ((vf == DG_VF_ING || (vf == DG_VF_ED && prev != NONE &&
                                 pos_at(doc, prev) == DG_POS_COMMA) ||
             (vf == DG_VF_ED && (prev == NONE || starts_sentence(sc, i)) &&
              clause_after_comma(bd, i))) &&
            (prev == NONE || pos_at(doc, prev) == DG_POS_COMMA ||
             pos_at(doc, prev) == DG_POS_PUNCT) &&
            (c->verb != NONE || prev == NONE || starts_sentence(sc, i)))
            return push(bd, DG_CL_PARTICIPLE, i, NONE);
        /* "X is quoted by Reuters saying ...": the one quoted speaks */
        if (vf == DG_VF_ING && c->verb != NONE && c->lemma &&
            (c->vflags & DG_VG_PASSIVE) && in(quoting_lemmas, c->lemma) &&
            is_speech(bd->g[g].lemma))
            return push(bd, DG_CL_PARTICIPLE, i, NONE);
        /* "The summit, held in Cusco, was attended by ...": a participle
         * between a subject and its verb */
        if (vf == DG_VF_ED && c->verb == NONE && prev != NONE &&
            pos_at(doc, prev) == DG_POS_COMMA && prev > sc->sb &&
            nominal(pos_at(doc, prev - 1)) && finite_after_comma(bd, i)) {
            size_t b = np_start(doc, c->b, prev);
            if (!push(bd, DG_CL_RELATIVE, i, NONE))
                return 0;
            c = clause(bd, top(bd));
            c->ante.b = b;
            c->ante.e = prev;
            return 1;
        }
        /* "the sanctions imposed by X", "officials attending the talks":
         * a reduced relative clause */
        /* "issued a statement Saturday condemning ...": past the time */
        while (prev != NONE && prev > sc->sb && (sc->timex[prev - sc->sb] ||
                                                 pos_at(doc, prev) == DG_POS_ADV))
            prev--;
        if ((vf == DG_VF_ED || vf == DG_VF_ING) && prev != NONE &&
            nominal(pos_at(doc, prev)) && pos_at(doc, prev) != DG_POS_POSS &&
            (c->verb != NONE || (vf == DG_VF_ED && i + 1 < sc->se &&
                                 dg_tok_is(&doc->toks[i + 1], "by")))) {
            size_t b = coord_left(doc, c->b, np_start(doc, c->b, prev + 1));
            if (!push(bd, DG_CL_RELATIVE, i, NONE))
                return 0;
            c = clause(bd, top(bd));
            c->ante.b = b;
            c->ante.e = prev + 1;
            return 1;
        }
    }
    if (c->verb != NONE && reported_start(bd, c) == i &&
        c->kind != DG_CL_REPORTED)
        return push(bd, DG_CL_REPORTED, i, NONE);
    return 1;
}

/* Gives clause c its verb group g. */
static void take_group(builder *bd, dg_clause *c, const verb_group *g,
                       size_t after_to)
{
    c->vg = g->span;
    c->verb = g->head;
    c->lemma = g->lemma;
    c->vflags = g->flags;
    if (after_to)
        c->vflags &= ~(unsigned)DG_VG_FINITE;
    (void)bd;
}

/* Is t a dash that opens or closes an aside: an en or em dash (folded
 * to "-"), or a hyphen with a space before it, not the hyphen of
 * "six-month"? */
static int is_dash(const dg_token *t)
{
    return dg_tok_is(t, "-") &&
           (t->e - t->b > 1 || (t->flags & DG_TOK_SPACE_BEFORE));
}

/* Words that open an aside between commas ("X, like Y, said"). */
static const char *const aside_openers[] = {
    "like", "unlike", "including", NULL
};

/* The comma that opens an aside ending at comma k (", like most other
 * members,"), within ASIDE_MAX tokens and not before lo; k when none. */
#define ASIDE_MAX 12
static size_t aside_start(const dg_doc *doc, size_t lo, size_t k)
{
    size_t j;

    for (j = k; j-- > lo && k - j <= ASIDE_MAX;) {
        if (pos_at(doc, j) != DG_POS_COMMA)
            continue;
        return j + 1 < k && dg_word_in(aside_openers, doc->toks[j + 1].norm)
               ? j : k;
    }
    return k;
}

/* The subject noun phrase of clause c, looking back from its verb
 * group over its own tokens (nested clauses and appositions skipped). */
static void find_subject(const sent_ctx *sc, dg_clause *c, int ci)
{
    const dg_doc *doc = sc->doc;
    size_t k = c->vg.b, end = NONE, lo = c->b;

    while (k > lo) {
        dg_pos p = pos_at(doc, --k);
        if (doc->tags[k].clause != ci)
            continue;
        /* "X — A, B; C and D — reached": the apposition between dashes */
        if (is_dash(&doc->toks[k])) {
            size_t j = k;
            while (j > lo && !is_dash(&doc->toks[j - 1]))
                j--;
            if (j > lo) {
                k = j - 1;
                continue;
            }
        }
        /* "X, like most members, plans": an aside between commas */
        if (p == DG_POS_COMMA) {
            size_t j = aside_start(doc, lo, k);
            if (j != k) {
                k = j;
                continue;
            }
        }
        /* "the World Bank (WB) said": the gloss ends the subject */
        if (dg_tok_is(&doc->toks[k], ")") &&
            gloss_start(doc, lo, k + 1) != k + 1) {
            end = k + 1;
            break;
        }
        /* "X on Tuesday said", "X, last week, announced" */
        if (p == DG_POS_ADV || p == DG_POS_NEG || p == DG_POS_COMMA ||
            (p == DG_POS_PUNCT && !dg_tok_is(&doc->toks[k], ":")) ||
            sc->timex[k - sc->sb])
            continue;
        if (np_opener(p) && p != DG_POS_POSS)
            end = k + 1;
        break;
    }
    if (end == NONE || doc->tags[end - 1].clause != ci)
        return;
    /* the subject lies within the clause's own tokens before its verb */
    for (k = end; k > lo && doc->tags[k - 1].clause == ci; k--)
        ;
    lo = k;
    c->subj.e = end;
    c->subj.b = coord_left(doc, lo, np_start(doc, lo, end));
    /* "The summit in California between X and Y was": the head noun
     * phrase before the prepositional phrases */
    while (c->subj.b > lo + 1 && (pos_at(doc, c->subj.b - 1) == DG_POS_PREP ||
                                  pos_at(doc, c->subj.b - 1) == DG_POS_TO) &&
           nominal(pos_at(doc, c->subj.b - 2)) &&
           pos_at(doc, c->subj.b - 2) != DG_POS_POSS) {
        size_t b = np_start(doc, lo, c->subj.b - 1);
        if (b == c->subj.b - 1)
            break;
        c->subj.b = coord_left(doc, lo, b);
    }
    while (c->subj.b < end && (pos_at(doc, c->subj.b) == DG_POS_COMMA ||
                               pos_at(doc, c->subj.b) == DG_POS_CONJ))
        c->subj.b++;
}

/* The object and prepositional phrases after clause c's verb. */
static void find_complements(const sent_ctx *sc, dg_clause *c, int ci)
{
    const dg_doc *doc = sc->doc;
    size_t k = skip_adv(sc, c->vg.e), n;

    if (k < c->e && doc->tags[k].clause == ci &&
        !(c->vflags & DG_VG_PASSIVE) && pos_at(doc, k) != DG_POS_PREP) {
        n = np_end(doc, k, c->e);
        if (n > k) {
            c->obj.b = k;
            c->obj.e = coord_right(doc, n, c->e);
            k = c->obj.e;
        }
    }
    for (; k < c->e && c->npps < DG_CLAUSE_PPS; k++) {
        dg_pos p = pos_at(doc, k);
        if (doc->tags[k].clause != ci ||
            (p != DG_POS_PREP && p != DG_POS_TO && p != DG_POS_SUB))
            continue;
        n = np_end(doc, k + 1, c->e);
        if (n == k + 1)
            continue;
        n = coord_right(doc, n, c->e);
        c->pps[c->npps].prep = k;
        c->pps[c->npps].np.b = k + 1;
        c->pps[c->npps].np.e = n;
        if ((c->vflags & DG_VG_PASSIVE) && dg_tok_is(&doc->toks[k], "by") &&
            c->agent.b == c->agent.e) {
            size_t f;
            c->agent = c->pps[c->npps].np;
            /* "by heads of state from X, Y and Z" */
            if (n < c->e && (dg_tok_is(&doc->toks[n], "from") ||
                             dg_tok_is(&doc->toks[n], "of")) &&
                (f = np_end(doc, n + 1, c->e)) > n + 1)
                c->agent.e = coord_right(doc, f, c->e);
        }
        c->npps++;
        k = n - 1;
    }
}

/* Is the infinitive clause c the complement of a noun ("the decision of
 * X to expel", "X's plan to visit") rather than of its parent's verb
 * ("agreed with Y to meet", "invited Y to visit")?  Then its subject
 * is the noun's possessor or its "of"/"by" phrase (left empty when the
 * noun has neither). */
static int noun_infinitive(const sent_ctx *sc, dg_clause *c,
                           const dg_clause *par)
{
    const dg_doc *doc = sc->doc;
    size_t to = c->marker, b, k;

    if (to == NONE || to == sc->sb || !nominal(pos_at(doc, to - 1)) ||
        pos_at(doc, to - 1) == DG_POS_POSS)
        return 0;
    /* "invited Y to visit", "hosted Y to sign": the verb's object,
     * unless it is a decision ("deplored the decision of X to expel") */
    if (par && par->obj.e == to && par->obj.b < par->obj.e) {
        size_t j;
        for (j = par->obj.b; j < par->obj.e; j++)
            if (in(owning_nouns, norm(doc, j)))
                break;
        if (j == par->obj.e)
            return 0;
    }
    b = np_start(doc, par ? par->b : sc->sb, to);
    if (b == to)
        return 0;
    /* "agreed with Y to meet": a prepositional object is no owner,
     * unless the noun is a decision or plan ("thanked X for the UK's
     * decision to proscribe") */
    if (b > sc->sb && (pos_at(doc, b - 1) == DG_POS_PREP ||
                       pos_at(doc, b - 1) == DG_POS_TO) &&
        !dg_tok_is(&doc->toks[b - 1], "of") &&
        !dg_tok_is(&doc->toks[b - 1], "by") &&
        !in(owning_nouns, norm(doc, to - 1)))
        return 0;
    if (b > sc->sb + 1 && (dg_tok_is(&doc->toks[b - 1], "of") ||
                           dg_tok_is(&doc->toks[b - 1], "by")) &&
        nominal(pos_at(doc, b - 2))) {
        c->subj.b = b; /* "the decision of the Russian Federation to" */
        c->subj.e = to;
        return 1;
    }
    for (k = to; k-- > b;)
        if (pos_at(doc, k) == DG_POS_POSS) {
            c->subj.b = np_start(doc, b, k);
            c->subj.e = k; /* "Russia's decision to", "its plan to" */
            return 1;
        }
    if (pos_at(doc, b) == DG_POS_POSSPRON) {
        c->subj.b = b;
        c->subj.e = b + 1;
        return 1;
    }
    return 1;
}

/* Subjects, antecedents and complements of the sentence's clauses. */
static void fill_clauses(builder *bd, size_t first)
{
    sent_ctx *sc = bd->sc;
    dg_doc *doc = sc->doc;
    size_t ci;

    for (ci = first; ci < doc->nclauses; ci++) {
        dg_clause *c = &doc->clauses[ci];
        dg_clause *par = c->parent >= 0 ? &doc->clauses[c->parent] : NULL;
        if (c->verb == NONE)
            continue;
        if (c->kind == DG_CL_RELATIVE && c->marker != NONE) {
            size_t m = c->marker, e = m;
            if (e > sc->sb && pos_at(doc, e - 1) == DG_POS_COMMA)
                e--;
            c->ante.e = e;
            c->ante.b = np_start(doc, par ? par->b : sc->sb, e);
            if (c->ante.b == e)
                c->ante.e = e;
            /* "who met X", "that imposed": the relative word is the
             * subject */
            if (skip_adv(sc, m + 1) == c->vg.b &&
                !dg_tok_is(&doc->toks[m], "where"))
                c->subj = c->ante;
        } else if (c->kind == DG_CL_RELATIVE) {
            c->subj = c->ante; /* "the sanctions imposed by X" */
            if (doc->tags[c->verb].vform == DG_VF_ED)
                c->vflags |= DG_VG_PASSIVE;
            /* "issued a statement condemning X": the issuer condemns */
            else if (c->ante.b < c->ante.e &&
                     in(speech_nouns, norm(doc, c->ante.e - 1))) {
                c->subj.b = c->subj.e = c->b;
                c->subj_from = c->parent;
                find_complements(sc, c, (int)ci);
                continue;
            }
        }
        if (c->kind == DG_CL_INFINITIVE && noun_infinitive(sc, c, par)) {
            find_complements(sc, c, (int)ci);
            continue; /* "X's decision to expel": X, not the verb's subject */
        }
        if (c->subj.b == c->subj.e)
            find_subject(sc, c, (int)ci);
        if (c->subj.b == c->subj.e && par &&
            (c->kind == DG_CL_PARTICIPLE || c->kind == DG_CL_COORD ||
             c->kind == DG_CL_INFINITIVE || c->kind == DG_CL_SUBORD ||
             c->kind == DG_CL_RELATIVE)) {
            c->subj_from = c->parent;
            c->subj_obj = c->kind == DG_CL_INFINITIVE && par->lemma &&
                          in(object_control, par->lemma) &&
                          par->obj.b < par->obj.e &&
                          par->obj.e == c->marker;
        }
        find_complements(sc, c, (int)ci);
    }
}

/* "..., X said.": what came before is what X said. */
static void fronted_speech(builder *bd, size_t first, int tail)
{
    dg_doc *doc = bd->sc->doc;
    size_t ci;

    for (ci = first; ci < (size_t)tail; ci++) {
        dg_clause *c = &doc->clauses[ci];
        if (c->parent == -1) {
            c->parent = tail;
            c->kind = DG_CL_REPORTED;
        }
    }
    doc->clauses[tail].parent = -1;
    doc->clauses[tail].kind = DG_CL_MAIN;
}

/* Finds the verb groups of the sentence. */
static void find_groups(builder *bd)
{
    sent_ctx *sc = bd->sc;
    size_t i = sc->sb;

    bd->ng = 0;
    while (i < sc->se && bd->ng < MAX_GROUPS) {
        dg_pos p = pos_at(sc->doc, i);
        if (p == DG_POS_MODAL || p == DG_POS_AUX || p == DG_POS_VERB) {
            verb_group g = read_group(sc, i);
            if (g.head == NONE) {
                i++;
                continue;
            }
            /* "to meet": an infinitive has no tense */
            if (i > sc->sb && pos_at(sc->doc, i - 1) == DG_POS_TO)
                g.flags &= ~(unsigned)DG_VG_FINITE;
            bd->g[bd->ng++] = g;
            i = g.span.e > i ? g.span.e : i + 1;
        } else {
            i++;
        }
    }
}

static const char *const w_time_preps[] = {
    "on", "in", "at", "during", "since", "until", "by", "from", "before",
    "after", NULL
};

/* Finds the sentence's date and duration expressions (kept in
 * doc->dates for the events stage) and marks the tokens of its date and
 * time phrases, with the preposition before each ("on Tuesday").
 * Returns 0 when out of memory. */
static int mark_time(sent_ctx *sc)
{
    dg_doc *doc = sc->doc;
    dg_date_expr *ex;
    size_t n, k, i, first = doc->date_first[sc->sent];

    ex = realloc(doc->dates, (first + DG_SENTENCE_DATES) * sizeof *ex);
    if (!ex)
        return 0;
    doc->dates = ex;
    ex += first;
    n = dg_dates_find(doc->text, doc->toks, sc->sb, sc->se, &doc->date, ex,
                      DG_SENTENCE_DATES);
    doc->date_first[sc->sent + 1] = first + n;
    for (k = 0; k < n; k++) {
        if (ex[k].days > 0)
            continue; /* "a three-day visit": a modifier, not a time */
        for (i = ex[k].tok_b; i < ex[k].tok_e; i++)
            sc->timex[i - sc->sb] = 1;
        if (ex[k].tok_b > sc->sb &&
            in(w_time_preps, norm(doc, ex[k].tok_b - 1)))
            sc->timex[ex[k].tok_b - 1 - sc->sb] = 1;
    }
    return 1;
}

static int sentence_clauses(sent_ctx *sc)
{
    dg_doc *doc = sc->doc;
    builder bd;
    size_t i, first = doc->nclauses, ci;
    int tail = -1;

    memset(&bd, 0, sizeof bd);
    bd.sc = sc;
    if (!mark_time(sc))
        return 0;
    tag_sentence(sc);
    find_groups(&bd);
    bd.stack[0] = new_clause(&bd, DG_CL_MAIN, sc->sb, -1, NONE);
    if (bd.stack[0] < 0)
        return 0;
    bd.depth = 1;
    for (i = sc->sb; i < sc->se; i++) {
        dg_pos p = pos_at(doc, i);
        int g;
        /* ";" ends a clause that has its verb; before it, it only
         * separates the items of a list ("X — A, B; C, D; plus E —
         * reached a deal") */
        if (dg_tok_is(&doc->toks[i], ";") &&
            clause(&bd, bd.stack[0])->verb != NONE) {
            bd.depth = 0;
            doc->tags[i].clause = -1;
            if ((bd.stack[0] = new_clause(&bd, DG_CL_MAIN, i + 1, -1,
                                          NONE)) < 0)
                return 0;
            bd.depth = 1;
            continue;
        }
        if ((p == DG_POS_COMMA || p == DG_POS_PUNCT) && tail < 0 &&
            clause(&bd, top(&bd))->verb != NONE) {
            size_t t = speech_tail(&bd, i + 1);
            if (t != NONE) {
                doc->tags[i].clause = top(&bd);
                for (i++; i < t; i++)
                    doc->tags[i].clause = top(&bd);
                bd.depth = 1;
                tail = new_clause(&bd, DG_CL_MAIN, t, -1, NONE);
                if (tail < 0)
                    return 0;
                bd.stack[0] = tail;
                i = t - 1;
                continue;
            }
        }
        if (p == DG_POS_COMMA)
            close_at_comma(&bd);
        if (p != DG_POS_COMMA && !open_at(&bd, i))
            return 0;
        doc->tags[i].clause = top(&bd);
        g = group_at(&bd, i);
        if (g >= 0 && clause(&bd, top(&bd))->verb == NONE)
            take_group(&bd, clause(&bd, top(&bd)), &bd.g[g],
                       i > sc->sb && pos_at(doc, i - 1) == DG_POS_TO);
    }
    for (ci = first; ci < doc->nclauses; ci++)
        doc->clauses[ci].e = doc->clauses[ci].b;
    for (i = sc->sb; i < sc->se; i++) {
        int c = doc->tags[i].clause;
        if (c >= 0 && doc->clauses[c].e < i + 1)
            doc->clauses[c].e = i + 1;
        if (c >= 0 && doc->clauses[c].b > i)
            doc->clauses[c].b = i;
    }
    if (tail >= 0)
        fronted_speech(&bd, first, tail);
    fill_clauses(&bd, first);
    return 1;
}

dg_status dg_find_clauses(dg_doc *doc)
{
    sent_ctx sc;
    size_t s, maxlen = 0;
    dg_status st = DG_OK;

    pthread_once(&closed_once, closed_build); /* the closed classes */
    free(doc->tags);
    free(doc->date_first);
    doc->nclauses = 0;
    doc->tags = calloc(doc->ntoks ? doc->ntoks : 1, sizeof *doc->tags);
    doc->date_first = calloc(doc->nsents + 1, sizeof *doc->date_first);
    if (!doc->tags || !doc->date_first)
        return DG_ERR_NOMEM;
    for (s = 0; s < doc->nsents; s++)
        if (doc->sents[s].tok_e - doc->sents[s].tok_b > maxlen)
            maxlen = doc->sents[s].tok_e - doc->sents[s].tok_b;
    memset(&sc, 0, sizeof sc);
    sc.doc = doc;
    sc.wc = dg_lexicon_wordclass(doc->lex);
    sc.ncount = calloc(maxlen + 1, sizeof *sc.ncount);
    sc.vcount = calloc(maxlen + 1, sizeof *sc.vcount);
    sc.acount = calloc(maxlen + 1, sizeof *sc.acount);
    sc.vf = calloc(maxlen + 1, sizeof *sc.vf);
    sc.lemma = calloc(maxlen + 1, sizeof *sc.lemma);
    sc.timex = calloc(maxlen + 1, sizeof *sc.timex);
    if (!sc.ncount || !sc.vcount || !sc.acount || !sc.vf || !sc.lemma ||
        !sc.timex) {
        st = DG_ERR_NOMEM;
        goto out;
    }
    for (s = 0; s < doc->nsents; s++) {
        sc.sb = doc->sents[s].tok_b;
        sc.se = doc->sents[s].tok_e;
        sc.sent = s;
        memset(sc.ncount, 0, (maxlen + 1) * sizeof *sc.ncount);
        memset(sc.vcount, 0, (maxlen + 1) * sizeof *sc.vcount);
        memset(sc.acount, 0, (maxlen + 1) * sizeof *sc.acount);
        memset(sc.timex, 0, maxlen + 1);
        if (!sentence_clauses(&sc)) {
            st = DG_ERR_NOMEM;
            goto out;
        }
    }
out:
    free(sc.ncount);
    free(sc.vcount);
    free(sc.acount);
    free(sc.vf);
    free(sc.lemma);
    free(sc.timex);
    return st;
}

int dg_clause_at(const dg_doc *doc, size_t i)
{
    return doc->tags && i < doc->ntoks ? doc->tags[i].clause : -1;
}

dg_span dg_clause_subject(const dg_doc *doc, int c, int *carried)
{
    int hops = 0;

    if (carried)
        *carried = 0;
    while (c >= 0 && hops++ < MAX_DEPTH) {
        const dg_clause *cl = &doc->clauses[c];
        if (cl->subj.b < cl->subj.e)
            return cl->subj;
        if (cl->subj_from < 0)
            break;
        if (carried)
            *carried = 1;
        if (cl->subj_obj) {
            const dg_clause *p = &doc->clauses[cl->subj_from];
            return p->obj;
        }
        c = cl->subj_from;
    }
    {
        dg_span none = {0, 0};
        return none;
    }
}
