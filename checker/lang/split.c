/* split: candidate readings of a run-together token, scored by a unigram model. */
#include "lang/split.h"

#include <string.h>

#include "core/text.h"

/* Count given to a dictionary word the corpus never saw: below the smallest count the
 * frequency list keeps (2), so any attested word outranks it. */
#define SPLIT_FLOOR_COUNT 0.5
/* Without a frequency list every word is equally likely, function words more so. */
#define SPLIT_FLAT_P 1e-5
#define SPLIT_FLAT_FUNCTION_P 1e-2
/* The prior odds of a second lost space in one token. */
#define SPLIT_EXTRA_PART 0.1
/* Three-word readings only for tokens this long (in characters): shorter ones have
 * too many accidental readings (`often` -> `of ten`) to be worth the lookups. */
#define SPLIT_MIN_THREE 7
/* Function words are short; a longer "word" is not looked up in the list. */
#define SPLIT_MAX_FUNCTION 32
/* A two-letter part that is no function word must be this common in the corpus: the
 * dictionary knows many two-letter abbreviations and syllables (`re`, `de`, `st`) that
 * would otherwise read every unknown word as two. */
#define SPLIT_SHORT_COUNT 100

bool tqc_split_is_function_word(const tqc_lang *lang, const char *word, size_t len)
{
    char lower[SPLIT_MAX_FUNCTION * 4 + 1];
    if (len == 0 || len > SPLIT_MAX_FUNCTION * 4)
        return false;
    size_t n = tqc_text_case(word, len, TQC_CASE_LOWER, lower, sizeof lower);
    return n && tqc_lang_in(lang, "function-words", lower, n);
}

double tqc_split_word_score(const tqc_dict *dict, const char *word, size_t len)
{
    uint64_t total = tqc_dict_freq_total(dict);
    if (total == 0)
        return SPLIT_FLAT_P;
    uint64_t count = tqc_dict_freq(dict, word, len);
    return (count ? (double)count : SPLIT_FLOOR_COUNT) / (double)total;
}

/* Characters in s[0..len), and whether the first one is a letter. */
static size_t char_count(const char *s, size_t len, bool *letter_first)
{
    size_t n = 0;
    *letter_first = false;
    for (size_t i = 0; i < len; n++) {
        int32_t cp;
        i += tqc_text_decode(s + i, len - i, &cp);
        if (n == 0)
            *letter_first = tqc_text_is_letter(cp);
    }
    return n;
}

/* A part may stand alone: a dictionary word starting with a letter; a one-letter part
 * only when it is a function word (`a`), since the dictionary knows every letter, and a
 * two-letter one only when it is a function word or common (SPLIT_SHORT_COUNT). */
static bool part_ok(tqc_dict *dict, const tqc_lang *lang, const char *s, size_t len,
                    bool *function)
{
    bool letter_first;
    size_t chars = char_count(s, len, &letter_first);
    if (chars == 0 || !letter_first)
        return false;
    *function = tqc_split_is_function_word(lang, s, len);
    if (chars == 1 && !*function)
        return false;
    if (chars == 2 && !*function && tqc_dict_freq_total(dict) > 0 &&
        tqc_dict_freq(dict, s, len) < SPLIT_SHORT_COUNT)
        return false;
    return tqc_dict_known(dict, s, len);
}

bool tqc_split_at(tqc_dict *dict, const tqc_lang *lang, const char *word, size_t len,
                  const size_t *cuts, size_t count, tqc_split *out)
{
    if (count < 2 || count > TQC_SPLIT_MAX_PARTS)
        return false;
    bool flat = tqc_dict_freq_total(dict) == 0;
    out->count = count;
    /* Each lost space is one more error to assume: a reading with more parts must be
     * that much likelier (`takeover by`, not `take over by`). */
    out->score = count > 2 ? SPLIT_EXTRA_PART : 1.0;
    size_t start = 0;
    for (size_t i = 0; i < count; i++) {
        size_t end = i + 1 < count ? cuts[i] : len;
        if (end <= start || end > len)
            return false;
        tqc_split_part *p = &out->part[i];
        p->start = start;
        p->end = end;
        if (!part_ok(dict, lang, word + start, end - start, &p->function))
            return false;
        bool letter_first;
        p->chars = char_count(word + start, end - start, &letter_first);
        p->freq = tqc_dict_freq(dict, word + start, end - start);
        out->score *= flat ? (p->function ? SPLIT_FLAT_FUNCTION_P : SPLIT_FLAT_P)
                           : tqc_split_word_score(dict, word + start, end - start);
        start = end;
    }
    return true;
}

size_t tqc_split_keep_best(tqc_split *out, size_t n, size_t max, const tqc_split *s)
{
    size_t pos = n;
    while (pos > 0 && out[pos - 1].score < s->score)
        pos--;
    if (pos >= max)
        return n;
    if (n == max)
        n--;
    memmove(out + pos + 1, out + pos, (n - pos) * sizeof *out);
    out[pos] = *s;
    return n + 1;
}

size_t tqc_split_find(tqc_dict *dict, const tqc_lang *lang, const char *word, size_t len,
                      tqc_split *out, size_t max)
{
    /* offs[i]: byte offset of character i; offs[chars] == len. */
    size_t offs[TQC_SPLIT_MAX_CHARS + 1];
    size_t chars = tqc_text_char_offsets(word, len, offs, TQC_SPLIT_MAX_CHARS);
    if (chars < 2 || max == 0)
        return 0;

    /* Which prefixes and suffixes are words: 2(chars-1) cached lookups bound the search. */
    bool prefix[TQC_SPLIT_MAX_CHARS + 1] = {false}, suffix[TQC_SPLIT_MAX_CHARS + 1] = {false};
    bool fn;
    for (size_t i = 1; i < chars; i++) {
        prefix[i] = part_ok(dict, lang, word, offs[i], &fn);
        suffix[i] = part_ok(dict, lang, word + offs[i], len - offs[i], &fn);
    }
    size_t n = 0;
    tqc_split s;
    for (size_t i = 1; i < chars; i++) {
        size_t cut = offs[i];
        if (prefix[i] && suffix[i] && tqc_split_at(dict, lang, word, len, &cut, 2, &s))
            n = tqc_split_keep_best(out, n, max, &s);
    }
    if (chars < SPLIT_MIN_THREE)
        return n;
    for (size_t i = 1; i + 1 < chars; i++) {
        if (!prefix[i])
            continue;
        for (size_t j = i + 1; j < chars; j++) {
            size_t cuts[2] = {offs[i], offs[j]};
            if (suffix[j] && tqc_split_at(dict, lang, word, len, cuts, 3, &s))
                n = tqc_split_keep_best(out, n, max, &s);
        }
    }
    return n;
}

size_t tqc_split_format(const char *word, const tqc_split *s, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < s->count; i++) {
        size_t n = s->part[i].end - s->part[i].start;
        if (o + n + (i > 0) >= cap)
            return 0;
        if (i > 0)
            out[o++] = ' ';
        memcpy(out + o, word + s->part[i].start, n);
        o += n;
    }
    out[o] = '\0';
    return o;
}
