#include "lang/bitext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

/* Ideographs, kana and hangul: a word is one to three of these. */
static bool is_dense(int32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

size_t tqc_bitext_weight(const tqc_doc *doc, size_t *dense)
{
    size_t w = 0, d = 0;
    for (size_t i = 0; i < doc->len;) {
        int32_t cp;
        size_t n = tqc_text_decode(doc->text + i, doc->len - i, &cp);
        i += n ? n : 1;
        if (tqc_text_is_letter(cp) || tqc_text_is_digit(cp)) {
            w++;
            d += is_dense(cp);
        }
    }
    if (dense)
        *dense = d;
    return w;
}

static double factor(const tqc_lang *lang)
{
    const char *v = lang ? tqc_lang_setting(lang, "length-factor", NULL) : NULL;
    if (!v)
        return 0;
    char *end;
    double f = strtod(v, &end);
    return end != v && f > 0.05 && f < 20 ? f : 0;
}

double tqc_bitext_expected_ratio(const tqc_doc *target, const tqc_lang *target_lang,
                                 const tqc_lang *source_lang)
{
    const tqc_doc *source = target->source;
    if (!source)
        return 0;
    double ft = factor(target_lang), fs = factor(source_lang);
    if (ft > 0 && fs > 0)
        return ft / fs;
    /* Without factors, lengths compare only within the same kind of script. */
    size_t dt, ds;
    size_t wt = tqc_bitext_weight(target, &dt), ws = tqc_bitext_weight(source, &ds);
    bool dense_t = wt && dt * 2 > wt, dense_s = ws && ds * 2 > ws;
    return dense_t == dense_s ? 1.0 : 0;
}

bool tqc_bitext_compare(const tqc_doc *target, const tqc_lang *target_lang,
                        const tqc_lang *source_lang, size_t min_source,
                        tqc_bitext_lengths *out)
{
    if (!target->source)
        return false;
    out->source = tqc_bitext_weight(target->source, NULL);
    out->target = tqc_bitext_weight(target, NULL);
    double ratio = tqc_bitext_expected_ratio(target, target_lang, source_lang);
    out->expected = ratio * (double)out->source;
    return out->source >= min_source && ratio > 0;
}

/* ---- numbers ---- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The canonical decimal of int_part (n digits) and frac (m digits): no leading zeros,
 * no trailing fraction zeros. */
static void canon(const char *ip, size_t n, const char *fp, size_t m, char *out)
{
    while (n > 1 && ip[0] == '0') {
        ip++;
        n--;
    }
    while (m && fp[m - 1] == '0')
        m--;
    if (n + m + 2 > TQC_NUM_TEXT) {   /* absurdly long: keep what fits, it still compares */
        n = n > TQC_NUM_TEXT - 2 ? TQC_NUM_TEXT - 2 : n;
        m = n + m + 2 > TQC_NUM_TEXT ? TQC_NUM_TEXT - 2 - n : m;
    }
    memcpy(out, ip, n);
    size_t k = n;
    if (m) {
        out[k++] = '.';
        memcpy(out + k, fp, m);
        k += m;
    }
    out[k] = '\0';
}

static void add_reading(tqc_num_atom *a, const char *s)
{
    for (size_t i = 0; i < a->reading_count; i++)
        if (strcmp(a->readings[i], s) == 0)
            return;
    if (a->reading_count < TQC_NUM_MAX_READINGS)
        snprintf(a->readings[a->reading_count++], TQC_NUM_TEXT, "%s", s);
}

/* Reads digits with '.' and ',' separators (s[0, n)) as one number. */
static void read_decimal(const char *s, size_t n, tqc_num_atom *a)
{
    size_t seps = 0, last = 0;
    char kind = 0;
    bool mixed = false;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '.' || s[i] == ',') {
            if (kind && s[i] != kind)
                mixed = true;
            kind = s[i];
            seps++;
            last = i;
        }
    char buf[TQC_NUM_TEXT];
    char digits[TQC_NUM_TEXT];
    size_t nd = 0;
    if (seps == 0) {
        canon(s, n, "", 0, buf);
        add_reading(a, buf);
    } else if (!mixed && seps == 1) {
        size_t g0 = last, g1 = n - last - 1;
        canon(s, g0, s + last + 1, g1, buf);   /* a decimal separator */
        add_reading(a, buf);
        if (g1 == 3 && g0 >= 1 && g0 <= 3 && s[0] != '0') {   /* or a thousands one */
            for (size_t i = 0; i < n && nd + 1 < sizeof digits; i++)
                if (is_digit(s[i]))
                    digits[nd++] = s[i];
            canon(digits, nd, "", 0, buf);
            add_reading(a, buf);
        }
    } else {
        /* Several separators: all but the last group thousands; the last one is
         * thousands too when every separator is the same, else the decimal mark. */
        size_t int_end = mixed ? last : n;
        for (size_t i = 0; i < int_end && nd + 1 < sizeof digits; i++)
            if (is_digit(s[i]))
                digits[nd++] = s[i];
        canon(digits, nd, mixed ? s + last + 1 : "", mixed ? n - last - 1 : 0, buf);
        add_reading(a, buf);
    }
    a->small = a->reading_count == 1 && strlen(a->readings[0]) <= 2 &&
               strchr(a->readings[0], '.') == NULL && strtol(a->readings[0], NULL, 10) <= 10;
}

size_t tqc_num_read(const char *text, tqc_span span, tqc_num_atom *atoms)
{
    const char *s = text + span.start;
    size_t n = tqc_span_len(span);
    /* A time of day: 1-2 digits, ':' or 'h', 2 digits (then letters such as am). */
    size_t h = 0;
    while (h < n && h < 3 && is_digit(s[h]))
        h++;
    if (h >= 1 && h <= 2 && h + 3 <= n && (s[h] == ':' || s[h] == 'h' || s[h] == 'H') &&
        is_digit(s[h + 1]) && is_digit(s[h + 2]) && (h + 3 == n || !is_digit(s[h + 3]))) {
        int hours = (int)strtol(s, NULL, 10), mins = (s[h + 1] - '0') * 10 + (s[h + 2] - '0');
        if (hours < 24 && mins < 60) {
            memset(&atoms[0], 0, sizeof atoms[0]);
            snprintf(atoms[0].readings[0], TQC_NUM_TEXT, "T%02d:%02d", hours % 12, mins);
            atoms[0].reading_count = 1;
            return 1;
        }
    }
    /* Otherwise numbers separated by '/', '-' or ':' (dates, ranges, scores), each with
     * its decimal and thousands marks, letters after them (10th, 5km) dropped. */
    size_t count = 0;
    for (size_t i = 0; i < n && count < TQC_NUM_MAX_ATOMS;) {
        if (!is_digit(s[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && (is_digit(s[j]) ||
                         ((s[j] == '.' || s[j] == ',') && j + 1 < n && is_digit(s[j + 1]))))
            j++;
        memset(&atoms[count], 0, sizeof atoms[count]);
        read_decimal(s + i, j - i, &atoms[count]);
        count++;
        /* Skip letters glued to the number (ordinals, units). */
        while (j < n && !is_digit(s[j]) && s[j] != '/' && s[j] != '-' && s[j] != ':')
            j++;
        i = j;
    }
    return count;
}

bool tqc_num_match(const tqc_num_atom *a, const tqc_num_atom *b)
{
    for (size_t i = 0; i < a->reading_count; i++)
        for (size_t k = 0; k < b->reading_count; k++)
            if (strcmp(a->readings[i], b->readings[k]) == 0)
                return true;
    return false;
}
