/* langid: the language of a text from exttextcat's n-gram guess and dictionary
 * coverage (see lang/langid.h). exttextcat alone confuses close languages on little text
 * (Italian with Romansh, Portuguese with Galician) and knows nothing of tqc's
 * dictionaries; coverage alone cannot name a language tqc has no profile for. So
 * exttextcat orders the candidates and the dictionaries decide. */
#include "lang/langid.h"

#include "core/alloc.h"
#include "core/io.h"

#include <ctype.h>
#include <dirent.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <textcat.h>
#include <unistd.h>

#include "core/token.h"
#include "core/text.h"

#define LANGID_MAX_CODE 16
#define LANGID_MAX_PATH 4096
/* Ordinary words sampled from a text: a few hundred tell any language apart. */
#define LANGID_MAX_WORDS 400
/* Fewer ordinary words than this are too few to judge coverage by. */
#define LANGID_MIN_WORDS 3
/* exttextcat reads this much of the sample: its profile is the 400 most frequent
 * n-grams, settled long before this, and it costs time in proportion. */
#define LANGID_TEXTCAT_BYTES ((size_t)16 << 10)
/* Coverage at which exttextcat's own choice is taken without asking the others: text
 * in another language leaves a quarter or more of its words unknown even to a close
 * language's dictionary. */
#define LANGID_SURE 0.85
/* Otherwise the best coverage must reach this, and beat the runner-up by the margin
 * unless exttextcat or the fallback agrees with it. */
#define LANGID_MIN_COVER 0.6
#define LANGID_MARGIN 0.1
/* ...or only this when it is also exttextcat's first choice. */
#define LANGID_FIRST_COVER 0.5
/* A language's most frequent words: text in that language is mostly made of them. */
#define LANGID_COMMON_WORDS 50000
/* exttextcat's last answers kept, by the text's bytes: a call compares the text's
 * n-grams with each of its hundred-odd fingerprints, a fixed cost far above reading a
 * short sentence, and the untranslated pass asks it up to three times a stretch; a
 * file repeating a stretch (a fuzz recipe, a page's repeated footer) asked it once a
 * copy (1 MB: 3,870 calls, 46 % of the check). */
#define LANGID_MEMO 16

typedef struct candidate {
    char code[LANGID_MAX_CODE];
    tqc_lang *own_lang;         /* opened here (freed here) */
    tqc_dict *own_dict;
    const tqc_lang *lang;       /* the one in use: own or lent */
    tqc_dict *dict;
    struct common_words *common; /* the language's most frequent words */
    bool lang_tried, dict_tried, common_tried;
    bool pinned;                /* own_dict is borrowed: kept until id is freed */
} candidate;

static void common_release(struct common_words *w);

/* exttextcat's fingerprints (1.5 MB) read once a folder and shared by every thread's
 * langid; its handle is not known to be safe for two classifications at once, so
 * textcat_mu also holds one (a document asks once, its answer memoised). */
typedef struct shared_textcat {
    char *dir;
    void *handle;
    size_t refs;                /* langids holding it */
    struct shared_textcat *next;
} shared_textcat;

static pthread_mutex_t textcat_mu = PTHREAD_MUTEX_INITIALIZER;
static shared_textcat *textcat_registry;

/* A regional variety's profile and dictionary (`en-GB`), for the spelling pass. */
/* One exttextcat answer: the candidates it ranked (every one, before a caller's max)
 * and its very best guess, for the text it read (a copy, compared byte for byte). */
typedef struct textcat_memo {
    char *text;                 /* NULL: empty slot */
    size_t len;
    size_t got, out[TQC_LANGID_MAX_LANGS];
    char best[LANGID_MAX_CODE];
} textcat_memo;

typedef struct variety {
    char code[LANGID_MAX_CODE];
    tqc_lang *lang;
    tqc_dict *dict;             /* NULL when it has no dictionary of its own */
} variety;

struct tqc_langid {
    char *data_dir, *dict_path, *textcat_dir;
    candidate langs[TQC_LANGID_MAX_LANGS];
    size_t count;
    variety varieties[TQC_LANGID_MAX_VARIETIES];
    size_t variety_count;
    void *textcat;              /* exttextcat's handle (shared_textcat's), on first use */
    struct shared_textcat *textcat_shared;
    candidate_t *textcat_out;
    bool textcat_tried;
    textcat_memo memo[LANGID_MEMO];
    size_t memo_next;           /* the slot a new answer takes (oldest first) */
};

static int cmp_code(const void *a, const void *b)
{
    return strcmp(((const candidate *)a)->code, ((const candidate *)b)->code);
}

/* The folders under data_dir/rules/ that hold a profile. */
static void list_candidates(tqc_langid *id)
{
    char path[LANGID_MAX_PATH];
    int n = snprintf(path, sizeof path, "%s/rules", id->data_dir ? id->data_dir : ".");
    if (n < 0 || (size_t)n >= sizeof path)
        return;
    DIR *dir = opendir(path);
    if (!dir)
        return;
    struct dirent *e;
    while ((e = readdir(dir)) && id->count < TQC_LANGID_MAX_LANGS) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len >= LANGID_MAX_CODE)
            continue;
        char profile[LANGID_MAX_PATH];
        n = snprintf(profile, sizeof profile, "%s/%s/profile", path, e->d_name);
        if (n < 0 || (size_t)n >= sizeof profile || access(profile, R_OK) != 0)
            continue;
        candidate *c = &id->langs[id->count++];
        memset(c, 0, sizeof *c);
        memcpy(c->code, e->d_name, len + 1);
    }
    closedir(dir);
    qsort(id->langs, id->count, sizeof id->langs[0], cmp_code);
}

tqc_status tqc_langid_new(const tqc_langid_options *opts, tqc_langid **out)
{
    *out = NULL;
    tqc_langid *id = tqc_calloc(1, sizeof *id);
    if (!id)
        return TQC_ENOMEM;
    bool nomem = false;
    id->data_dir = tqc_strdup_opt(opts->data_dir, &nomem);
    id->dict_path = tqc_strdup_opt(opts->dict_path, &nomem);
    id->textcat_dir = tqc_strdup_opt(opts->textcat_dir ? opts->textcat_dir : TQC_LANGID_TEXTCAT_DIR,
                              &nomem);
    if (nomem) {
        tqc_langid_free(id);
        return TQC_ENOMEM;
    }
    list_candidates(id);
    *out = id;
    return TQC_OK;
}

/* Gives back id's hold on its shared handle, the last one freeing it. */
static void textcat_release(tqc_langid *id)
{
    shared_textcat *t = id->textcat_shared;
    pthread_mutex_lock(&textcat_mu);
    textcat_ReleaseClassifyFullOutput(id->textcat, id->textcat_out);
    bool last = --t->refs == 0;
    for (shared_textcat **p = &textcat_registry; last && *p; p = &(*p)->next)
        if (*p == t) {
            *p = t->next;
            break;
        }
    if (last)
        textcat_Done(t->handle);
    pthread_mutex_unlock(&textcat_mu);
    if (last) {
        free(t->dir);
        free(t);
    }
}

void tqc_langid_free(tqc_langid *id)
{
    if (!id)
        return;
    for (size_t i = 0; i < id->count; i++) {
        tqc_dict_free(id->langs[i].own_dict);
        tqc_lang_free(id->langs[i].own_lang);
        common_release(id->langs[i].common);
    }
    for (size_t i = 0; i < id->variety_count; i++) {
        tqc_dict_free(id->varieties[i].dict);
        tqc_lang_free(id->varieties[i].lang);
    }
    for (size_t i = 0; i < LANGID_MEMO; i++)
        free(id->memo[i].text);
    if (id->textcat)
        textcat_release(id);
    free(id->data_dir);
    free(id->dict_path);
    free(id->textcat_dir);
    free(id);
}

size_t tqc_langid_count(const tqc_langid *id) { return id->count; }
const char *tqc_langid_code(const tqc_langid *id, size_t i) { return id->langs[i].code; }

/* The base of code (`pt` of `pt-BR` or `pt_BR`), lower-cased, into out. */
static void base_of(const char *code, char *out)
{
    size_t n = 0;
    while (code[n] && code[n] != '-' && code[n] != '_' && n + 1 < LANGID_MAX_CODE) {
        out[n] = (char)tolower((unsigned char)code[n]);
        n++;
    }
    out[n] = '\0';
}

size_t tqc_langid_find(const tqc_langid *id, const char *code)
{
    if (!code)
        return SIZE_MAX;
    char base[LANGID_MAX_CODE];
    base_of(code, base);
    for (size_t i = 0; i < id->count; i++)
        if (strcmp(id->langs[i].code, base) == 0)
            return i;
    return SIZE_MAX;
}

const tqc_lang *tqc_langid_profile(tqc_langid *id, size_t i)
{
    candidate *c = &id->langs[i];
    if (!c->lang && !c->lang_tried) {
        c->lang_tried = true;
        char err[256];
        if (tqc_lang_load(id->data_dir, c->code, &c->own_lang, err, sizeof err) == TQC_OK)
            c->lang = c->own_lang;
    }
    return c->lang;
}

tqc_dict *tqc_langid_dict(tqc_langid *id, size_t i)
{
    candidate *c = &id->langs[i];
    if (!c->dict && !c->dict_tried) {
        c->dict_tried = true;
        const tqc_lang *lang = tqc_langid_profile(id, i);
        char err[256];
        tqc_dict_options o = {.dict_path = id->dict_path};
        if (lang && tqc_dict_open(lang, id->data_dir, &o, &c->own_dict, err, sizeof err) == TQC_OK)
            c->dict = c->own_dict;
    }
    return c->dict;
}

void tqc_langid_pin(tqc_langid *id, size_t i)
{
    if (i < id->count)
        id->langs[i].pinned = true;
}

void tqc_langid_release_one(tqc_langid *id, size_t i)
{
    candidate *c = id && i < id->count ? &id->langs[i] : NULL;
    if (!c || !c->own_dict || c->pinned || !tqc_dict_loaded(c->own_dict))
        return;
    tqc_dict_free(c->own_dict);
    c->own_dict = NULL;
    c->dict = NULL;
    c->dict_tried = false;
    tqc_alloc_trim();
}

void tqc_langid_release(tqc_langid *id)
{
    for (size_t i = 0; id && i < id->count; i++)
        tqc_langid_release_one(id, i);
}

tqc_dict *tqc_langid_variety_dict(tqc_langid *id, const char *code)
{
    for (size_t i = 0; i < id->variety_count; i++)
        if (strcmp(id->varieties[i].code, code) == 0)
            return id->varieties[i].dict;
    if (id->variety_count == TQC_LANGID_MAX_VARIETIES || strlen(code) >= LANGID_MAX_CODE)
        return NULL;
    variety *v = &id->varieties[id->variety_count++];
    memset(v, 0, sizeof *v);
    memcpy(v->code, code, strlen(code) + 1);
    char err[256], key[LANGID_MAX_CODE + 16];
    tqc_status st = tqc_lang_load(id->data_dir, code, &v->lang, err, sizeof err);
    const char *want = NULL;
    if (st == TQC_OK) {
        /* Only a dictionary the profile names for this variety: the base language's
         * fallback would answer as the document's own. */
        snprintf(key, sizeof key, "hunspell.%s", code);
        want = tqc_lang_setting(v->lang, key, NULL);
        tqc_dict_options o = {.dict_path = id->dict_path};
        if (want)
            st = tqc_dict_open(v->lang, id->data_dir, &o, &v->dict, err, sizeof err);
    }
    /* Out of memory is not remembered as "no such variety": a later call tries again. */
    if (st == TQC_ENOMEM) {
        tqc_lang_free(v->lang);
        memset(v, 0, sizeof *v);
        id->variety_count--;
        return NULL;
    }
    if (st != TQC_OK || !want)
        return NULL;
    if (strcmp(tqc_dict_name(v->dict), want) != 0) {
        tqc_dict_free(v->dict);
        v->dict = NULL;
    }
    return v->dict;
}

/* A language's most frequent words, sorted, in one block: a hash map of them costs
 * several times their bytes. Read-only once loaded, so every thread's langid shares
 * one per file (common_registry): a copy a thread cost 1-2 MB at the default threads. */
typedef struct common_words {
    char *text;         /* the words, each NUL-terminated */
    const char **word;  /* into text, sorted */
    size_t count;
    char *path;         /* the file read, the registry's key */
    size_t refs;        /* langids holding it; under common_mu */
    struct common_words *next;
} common_words;

static pthread_mutex_t common_mu = PTHREAD_MUTEX_INITIALIZER;
static common_words *common_registry;

static void common_free(common_words *w)
{
    if (w) {
        free(w->text);
        free(w->word);
        free(w->path);
        free(w);
    }
}

/* Gives back a langid's hold on w, freeing it with the last. */
static void common_release(common_words *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&common_mu);
    bool last = --w->refs == 0;
    for (common_words **p = &common_registry; last && *p; p = &(*p)->next)
        if (*p == w) {
            *p = w->next;
            break;
        }
    pthread_mutex_unlock(&common_mu);
    if (last)
        common_free(w);
}

static int cmp_word(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The words of the frequency list at path (at most LANGID_COMMON_WORDS, commonest
 * first), or NULL when there is none (or out of memory). */
static common_words *read_common(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    common_words *w = tqc_calloc(1, sizeof *w);
    size_t used = 0, cap = 0;
    bool ok = w != NULL;
    char line[256];
    while (ok && w->count < LANGID_COMMON_WORDS && fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "\t\r\n");
        if (line[0] == '#' || len == 0)
            continue;
        if (used + len + 1 > cap) {
            size_t ncap = cap ? cap * 2 : (size_t)1 << 16;
            char *t = tqc_realloc(w->text, ncap);
            if (!t) {
                ok = false;
                break;
            }
            w->text = t;
            cap = ncap;
        }
        memcpy(w->text + used, line, len);
        w->text[used + len] = '\0';
        used += len + 1;
        w->count++;
    }
    fclose(f);
    /* The pointers once the block has stopped moving. */
    if (ok && w->count && !(w->word = tqc_malloc(w->count * sizeof *w->word)))
        ok = false;
    if (!ok) {
        common_free(w);
        return NULL;
    }
    const char *p = w->text;
    for (size_t k = 0; k < w->count; k++, p += strlen(p) + 1)
        w->word[k] = p;
    qsort(w->word, w->count, sizeof *w->word, cmp_word);
    return w;
}

/* The shared list of dictionaries/<code>/freq.tsv (a hold on it, common_release), read
 * by the first langid that asks; NULL as read_common. */
static common_words *load_common(const tqc_langid *id, const char *code)
{
    char path[LANGID_MAX_PATH];
    int n = snprintf(path, sizeof path, "%s/dictionaries/%s/freq.tsv",
                     id->data_dir ? id->data_dir : ".", code);
    if (n <= 0 || (size_t)n >= sizeof path)
        return NULL;
    pthread_mutex_lock(&common_mu);
    common_words *w = common_registry;
    while (w && strcmp(w->path, path) != 0)
        w = w->next;
    if (!w && (w = read_common(path)) != NULL) {
        size_t len = (size_t)n + 1;
        if ((w->path = tqc_malloc(len)) == NULL) {
            common_free(w);
            w = NULL;
        } else {
            memcpy(w->path, path, len);
            w->next = common_registry;
            common_registry = w;
        }
    }
    if (w)
        w->refs++;
    pthread_mutex_unlock(&common_mu);
    return w;
}

static bool common_has(const common_words *w, const char *word, size_t len)
{
    if (memchr(word, '\0', len))
        return false;
    size_t lo = 0, hi = w->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *e = w->word[mid];
        int c = strncmp(e, word, len);
        if (c == 0 && e[len] != '\0')
            c = 1;      /* longer than word: after it */
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

bool tqc_langid_common(tqc_langid *id, size_t i, const char *word, size_t len)
{
    candidate *c = &id->langs[i];
    if (!c->common_tried) {
        c->common_tried = true;
        c->common = load_common(id, c->code);
    }
    /* No list: no evidence against the language. */
    return !c->common || common_has(c->common, word, len);
}

const char *tqc_langid_name(tqc_langid *id, size_t i)
{
    return tqc_lang_setting(tqc_langid_profile(id, i), "name", id->langs[i].code);
}

void tqc_langid_lend(tqc_langid *id, const char *code, const tqc_lang *profile, tqc_dict *dict)
{
    size_t i = tqc_langid_find(id, code);
    if (i == SIZE_MAX)
        return;
    candidate *c = &id->langs[i];
    if (profile && !c->own_lang) {
        c->lang = profile;
        c->lang_tried = true;
    }
    if (dict && !c->own_dict) {
        c->dict = dict;
        c->dict_tried = true;
    }
}

static bool textcat_ready(tqc_langid *id)
{
    if (!id->textcat_tried) {
        id->textcat_tried = true;
        char conf[LANGID_MAX_PATH], prefix[LANGID_MAX_PATH];
        int a = snprintf(conf, sizeof conf, "%s/fpdb.conf", id->textcat_dir);
        int b = snprintf(prefix, sizeof prefix, "%s/", id->textcat_dir);
        pthread_mutex_lock(&textcat_mu);
        shared_textcat *t = textcat_registry;
        while (t && strcmp(t->dir, id->textcat_dir) != 0)
            t = t->next;
        /* exttextcat opens the file itself and says nothing of why it failed. */
        if (!t && *id->textcat_dir && a > 0 && (size_t)a < sizeof conf && b > 0 &&
            (size_t)b < sizeof prefix && access(conf, R_OK) == 0 &&
            (t = tqc_calloc(1, sizeof *t)) != NULL) {
            t->dir = tqc_strdup(id->textcat_dir);
            t->handle = t->dir ? special_textcat_Init(conf, prefix) : NULL;
            if (t->handle) {
                t->next = textcat_registry;
                textcat_registry = t;
            } else {
                free(t->dir);
                free(t);
                t = NULL;
            }
        }
        if (t && (id->textcat_out = textcat_GetClassifyFullOutput(t->handle)) != NULL) {
            t->refs++;
            id->textcat = t->handle;
            id->textcat_shared = t;
        } else if (t && t->refs == 0) {
            /* made for this langid, which cannot use it */
            textcat_registry = t->next;
            textcat_Done(t->handle);
            free(t->dir);
            free(t);
        }
        pthread_mutex_unlock(&textcat_mu);
    }
    return id->textcat != NULL;
}

/* The kept answer for text[0, len), or NULL. */
static const textcat_memo *memo_find(const tqc_langid *id, const char *text, size_t len)
{
    for (size_t i = 0; i < LANGID_MEMO; i++) {
        const textcat_memo *m = &id->memo[i];
        if (m->text && m->len == len && memcmp(m->text, text, len) == 0)
            return m;
    }
    return NULL;
}

/* exttextcat's ranking of text[0, len) (at most LANGID_TEXTCAT_BYTES) into m. */
static void classify(tqc_langid *id, const char *text, size_t len, textcat_memo *m)
{
    m->got = 0;
    m->best[0] = '\0';
    /* A count of guesses within a few percent of the best, best first; 0 when there
     * are too many to choose from, negative when the text is too short. */
    pthread_mutex_lock(&textcat_mu);
    int n = textcat_ClassifyFull(id->textcat, text, len, id->textcat_out);
    pthread_mutex_unlock(&textcat_mu);
    for (int k = 0; k < n; k++) {
        char code[LANGID_MAX_CODE];
        base_of(id->textcat_out[k].name, code);
        if (k == 0)
            memcpy(m->best, code, strlen(code) + 1);
        size_t i = tqc_langid_find(id, code);
        bool dup = false;
        for (size_t j = 0; j < m->got; j++)
            dup |= m->out[j] == i;
        if (i != SIZE_MAX && !dup && m->got < TQC_LANGID_MAX_LANGS)
            m->out[m->got++] = i;
    }
}

size_t tqc_langid_textcat(tqc_langid *id, const char *text, size_t len, size_t *out, size_t max,
                          char *best_code)
{
    if (best_code)
        best_code[0] = '\0';
    if (len == 0 || !textcat_ready(id))
        return 0;
    if (len > LANGID_TEXTCAT_BYTES) {
        len = LANGID_TEXTCAT_BYTES;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;  /* not in the middle of a character */
    }
    textcat_memo fresh = {0};
    const textcat_memo *m = memo_find(id, text, len);
    if (!m) {
        classify(id, text, len, &fresh);
        m = &fresh;
        /* Kept when a copy can be made; out of memory only loses the memo. */
        textcat_memo *slot = &id->memo[id->memo_next];
        char *copy = tqc_malloc(len);
        if (copy) {
            memcpy(copy, text, len);
            free(slot->text);
            *slot = fresh;
            slot->text = copy;
            slot->len = len;
            id->memo_next = (id->memo_next + 1) % LANGID_MEMO;
        }
    }
    if (best_code)
        memcpy(best_code, m->best, strlen(m->best) + 1);
    size_t got = m->got < max ? m->got : max;
    memcpy(out, m->out, got * sizeof *out);
    return got;
}

size_t tqc_langid_known(tqc_langid *id, size_t i, const char *const *words, const size_t *lens,
                        size_t n)
{
    tqc_dict *d = tqc_langid_dict(id, i);
    size_t known = 0;
    for (size_t k = 0; d && k < n; k++)
        known += tqc_dict_known(d, words[k], lens[k]);
    return known;
}

/* The sample's ordinary words: lower-case words of two bytes or more without digits.
 * Capitalised words are names (or German nouns), which say little about the language
 * and which no dictionary may know; a text with too few lower-case words is judged by
 * all its words instead (`Vielen Dank.`). Counts letters too. */
typedef struct sample {
    const char *words[LANGID_MAX_WORDS];
    size_t lens[LANGID_MAX_WORDS];
    size_t count;
    size_t letters;
} sample;

static tqc_status take_sample(const char *text, size_t len, bool lower_only, sample *s)
{
    s->count = 0;
    s->letters = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += tqc_text_decode(text + i, len - i, &cp);
        s->letters += cp >= 0 && tqc_text_is_letter(cp);
    }
    tqc_token *toks = NULL;
    size_t count = 0, cap = 0;
    tqc_status st = tqc_tokenize(text, tqc_span_make(0, len), &toks, &count, &cap);
    for (size_t k = 0; st == TQC_OK && k < count && s->count < LANGID_MAX_WORDS; k++) {
        const tqc_token *t = &toks[k];
        if (t->kind != TQC_TOK_WORD || (t->flags & TQC_TF_DIGIT) || tqc_span_len(t->span) < 2 ||
            (lower_only ? !(t->flags & TQC_TF_LOWER) : (t->flags & TQC_TF_ALLCAPS)))
            continue;
        s->words[s->count] = text + t->span.start;
        s->lens[s->count++] = tqc_span_len(t->span);
    }
    free(toks);
    return st;
}

static double coverage_of(tqc_langid *id, size_t i, const sample *s)
{
    if (!tqc_langid_dict(id, i) || s->count == 0)
        return -1;
    return (double)tqc_langid_known(id, i, s->words, s->lens, s->count) / (double)s->count;
}

/* Whether candidate i may beat the fallback fb: its frequency list must hold a margin's
 * share of the sample's words that fb's dictionary does not know. Otherwise its
 * dictionary (tens of megabytes) need not be opened to show it cannot. */
static bool commonly_witnessed(tqc_langid *id, size_t i, size_t fb, const sample *s)
{
    tqc_dict *own = fb == SIZE_MAX ? NULL : tqc_langid_dict(id, fb);
    size_t found = 0;
    for (size_t k = 0; k < s->count; k++)
        found += (!own || !tqc_dict_known(own, s->words[k], s->lens[k])) &&
                 tqc_langid_common(id, i, s->words[k], s->lens[k]);
    return (double)found >= LANGID_MARGIN * (double)s->count;
}

/* A text of a word or two: the one candidate whose dictionary knows them all (the
 * fallback first), or none. */
static size_t short_guess(tqc_langid *id, const sample *s, size_t fb, double fb_cover)
{
    if (s->count == 0)
        return SIZE_MAX;
    if (fb != SIZE_MAX && fb_cover >= 1.0)
        return fb;
    size_t found = SIZE_MAX;
    for (size_t i = 0; i < id->count; i++) {
        if (i == fb || coverage_of(id, i, s) < 1.0)
            continue;
        if (found != SIZE_MAX)
            return SIZE_MAX;    /* known in two languages: cannot tell */
        found = i;
    }
    return found;
}

tqc_status tqc_langid_detect(tqc_langid *id, const char *text, size_t len, const char *fallback,
                             tqc_langid_guess *out)
{
    memset(out, 0, sizeof *out);
    if (len > TQC_LANGID_SAMPLE_BYTES) {
        len = TQC_LANGID_SAMPLE_BYTES;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    sample *s = tqc_malloc(sizeof *s);
    if (!s)
        return TQC_ENOMEM;
    tqc_status st = take_sample(text, len, true, s);
    if (st == TQC_OK && s->count < LANGID_MIN_WORDS)
        st = take_sample(text, len, false, s);
    if (st != TQC_OK) {
        free(s);
        return st;
    }
    out->words = s->count;
    out->letters = s->letters;
    size_t fb = tqc_langid_find(id, fallback);
    double fb_cover = fb == SIZE_MAX ? -1 : coverage_of(id, fb, s);
    /* Most articles are in the configured language: when its dictionary knows nearly
     * all their words, neither exttextcat (a millisecond an article) nor another
     * language's dictionary is asked. */
    if (s->count >= LANGID_MIN_WORDS && fb_cover >= LANGID_SURE) {
        out->code = id->langs[fb].code;
        out->coverage = fb_cover;
        free(s);
        return TQC_OK;
    }
    size_t ranked[TQC_LANGID_MAX_LANGS];
    size_t nranked = tqc_langid_textcat(id, text, len, ranked, TQC_LANGID_MAX_LANGS, out->textcat);

    if (s->count < LANGID_MIN_WORDS) {
        /* Too little to weigh shares: a language that knows every word there is. */
        out->short_text = true;
        size_t i = short_guess(id, s, fb, fb_cover);
        if (i != SIZE_MAX) {
            out->code = id->langs[i].code;
            out->coverage = 1.0;
        }
        free(s);
        return TQC_OK;
    }
    /* exttextcat's choice, confirmed by its dictionary: the others need not be opened. */
    if (nranked > 0) {
        double c = ranked[0] == fb ? fb_cover : coverage_of(id, ranked[0], s);
        if (c >= LANGID_SURE && c >= fb_cover) {
            out->code = id->langs[ranked[0]].code;
            out->coverage = c;
            free(s);
            return TQC_OK;
        }
    }
    /* Every candidate's coverage; ties go to the fallback, then to exttextcat's order. */
    size_t best = SIZE_MAX;
    double best_c = -1, second_c = -1;
    for (size_t i = 0; i < id->count; i++) {
        bool ranked_here = false;   /* exttextcat's candidates are weighed in any case */
        for (size_t k = 0; k < nranked; k++)
            ranked_here |= ranked[k] == i;
        double c = i == fb ? fb_cover
                 : ranked_here || commonly_witnessed(id, i, fb, s) ? coverage_of(id, i, s) : -1;
        if (c < 0)
            continue;
        bool wins = c > best_c || (c == best_c && i == fb);
        if (wins) {
            second_c = best_c;
            best_c = c;
            best = i;
        } else if (c > second_c) {
            second_c = c;
        }
    }
    bool agreed = best == fb;
    for (size_t k = 0; k < nranked; k++)
        agreed |= ranked[k] == best;
    /* exttextcat's very first choice, when the dictionaries agree, needs less: a short
     * sentence may hold a loanword or two (`wie ding, ding, ding`). */
    bool first = nranked > 0 && ranked[0] == best && best_c - second_c >= LANGID_MARGIN;
    if (best != SIZE_MAX && (best_c >= LANGID_MIN_COVER || (first && best_c >= LANGID_FIRST_COVER)) &&
        (best_c - second_c >= LANGID_MARGIN || agreed)) {
        out->code = id->langs[best].code;
        out->coverage = best_c;
    }
    free(s);
    return TQC_OK;
}
