/* encoding: text damaged on its way through encodings and web pages. Mojibake (UTF-8
 * read as Windows-1252 or Latin-1: `SÃ£o`, `courtâ€™s`), the replacement character
 * U+FFFD, control characters, bytes that are not UTF-8 (reported with their byte
 * offset; the rest of the file is still checked), invisible zero-width characters
 * inside a word, words not in Unicode NFC, and words mixing Latin, Greek and Cyrillic
 * letters that look alike (`malаria` with a Cyrillic а). One finding per damaged
 * word, whose suggestion is the repaired word when the damage can be undone. */
#include "pass/pass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* core/text.h has no normalisation; utf8proc's is the one the rest of tqc links anyway. */
#include <utf8proc.h>

#include "core/alloc.h"
#include "core/text.h"

/* Longest word the pass repairs; a longer run of letters is not a word. */
#define ENC_MAX_WORD 256
/* How far a finding reaches either side of the damage, in characters. */
#define ENC_MAX_REACH 48

/* Windows-1252 bytes 0x80-0x9F: the characters they stand for; 0 where the byte is
 * undefined (decoders then give the C1 control of the same value, as Latin-1 does). */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The byte that decoding as Windows-1252 (or Latin-1) turned into cp, or -1. */
static int byte_of(int32_t cp)
{
    if (cp >= 0x80 && cp <= 0xFF)
        return (int)cp;
    for (int i = 0; i < 32; i++)
        if (cp1252_high[i] && cp1252_high[i] == cp)
            return 0x80 + i;
    return -1;
}

/* What a mojibake sequence may decode to: the characters news text actually holds.
 * Without this, legitimate pairs such as `É’` in capitals would read as IPA letters. */
static bool plausible(int32_t cp)
{
    static const int32_t ranges[][2] = {
        {0x00A0, 0x017F}, /* Latin-1 Supplement, Latin Extended-A */
        {0x0218, 0x021B}, /* Romanian s and t with comma below */
        {0x0370, 0x03FF}, /* Greek */
        {0x0400, 0x04FF}, /* Cyrillic */
        {0x2010, 0x2027}, /* dashes, quotes, bullet, ellipsis */
        {0x2030, 0x203A}, /* per mille, primes, single guillemets */
        {0x20AC, 0x20AC}, /* euro */
        {0x2122, 0x2122}, /* trade mark */
        {0x1F300, 0x1FAFF}, /* emoji */
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (cp >= ranges[i][0] && cp <= ranges[i][1])
            return true;
    return false;
}

static int32_t decode_at(const char *t, size_t len, size_t i, size_t *n)
{
    int32_t cp = -1;
    *n = i < len ? tqc_text_decode(t + i, len - i, &cp) : 0;
    return *n ? cp : -1;
}

/* A mojibake sequence at i: characters whose Windows-1252 bytes form the UTF-8 of one
 * plausible character. Returns the bytes it covers (0: none) and the character in *cp. */
static size_t mojibake_at(const char *t, size_t len, size_t i, int32_t *cp)
{
    size_t n;
    int b0 = byte_of(decode_at(t, len, i, &n));
    if (b0 < 0xC2 || b0 > 0xF4)
        return 0;
    size_t need = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
    char bytes[4] = {(char)b0};
    size_t j = i + n;
    for (size_t k = 1; k < need; k++) {
        int b = byte_of(decode_at(t, len, j, &n));
        if (b < 0x80 || b > 0xBF)
            return 0;
        bytes[k] = (char)b;
        j += n;
    }
    if (tqc_text_decode(bytes, need, cp) != need || *cp < 0 || !plausible(*cp))
        return 0;
    return j - i;
}

/* `Â` before a space where a no-break space lost its second byte to a plain space
 * (`10Â km`), and `â€` whose third byte was dropped (0x9D, the end of ”, is undefined in
 * Windows-1252). Both read as garbage in any language. Returns the bytes covered. */
static size_t truncated_at(const char *t, size_t len, size_t i, bool *lost_byte)
{
    size_t n, m;
    int32_t a = decode_at(t, len, i, &n), b = decode_at(t, len, i + n, &m);
    if (a == 0xC2 && b == ' ') {
        size_t s;
        if (i == 0 || !tqc_text_is_letter(tqc_text_prev(t, i, &s))) {
            *lost_byte = false;
            return n;
        }
    }
    if (a == 0xE2 && b == 0x20AC) {
        *lost_byte = true;
        return n + m;
    }
    return 0;
}

static bool is_zero_width(int32_t cp)
{
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

static const char *zero_width_name(int32_t cp)
{
    switch (cp) {
    case 0x200B: return "ZERO WIDTH SPACE";
    case 0x200C: return "ZERO WIDTH NON-JOINER";
    case 0x200D: return "ZERO WIDTH JOINER";
    case 0x2060: return "WORD JOINER";
    default: return "ZERO WIDTH NO-BREAK SPACE (BOM)";
    }
}

typedef enum { SCRIPT_OTHER, SCRIPT_LATIN, SCRIPT_GREEK, SCRIPT_CYRILLIC } script;
static const char *const script_names[] = {"other", "Latin", "Greek", "Cyrillic"};

/* The script of a letter by Unicode block. utf8proc has no script property; the three
 * alphabets that share letter shapes are all this pass needs, and their blocks hold
 * only their own letters. Letters elsewhere (CJK, Arabic, IPA, µ) count as other. */
static script script_of(int32_t cp)
{
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F) ||
        (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2C60 && cp <= 0x2C7F) ||
        (cp >= 0xA720 && cp <= 0xA7FF) || (cp >= 0xAB30 && cp <= 0xAB6F))
        return SCRIPT_LATIN;
    if ((cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x1F00 && cp <= 0x1FFF))
        return SCRIPT_GREEK;
    if ((cp >= 0x400 && cp <= 0x52F) || (cp >= 0x1C80 && cp <= 0x1C8F) ||
        (cp >= 0x2DE0 && cp <= 0x2DFF) || (cp >= 0xA640 && cp <= 0xA69F))
        return SCRIPT_CYRILLIC;
    return SCRIPT_OTHER;
}

/* Letters drawn alike in Latin, Cyrillic and Greek (a subset of Unicode's
 * confusables.txt), one row per shape, 0 where a script has none. */
static const int32_t lookalikes[][3] = {
    {'a', 0x0430, 0}, {'c', 0x0441, 0x03F2}, {'d', 0x0501, 0}, {'e', 0x0435, 0},
    {'h', 0x04BB, 0}, {'i', 0x0456, 0}, {'j', 0x0458, 0}, {'o', 0x043E, 0x03BF},
    {'p', 0x0440, 0x03C1}, {'q', 0x051B, 0}, {'s', 0x0455, 0}, {'v', 0, 0x03BD},
    {'w', 0x051D, 0}, {'x', 0x0445, 0}, {'y', 0x0443, 0},
    {'A', 0x0410, 0x0391}, {'B', 0x0412, 0x0392}, {'C', 0x0421, 0x03F9},
    {'E', 0x0415, 0x0395}, {'H', 0x041D, 0x0397}, {'I', 0x0406, 0x0399},
    {'J', 0x0408, 0x037F}, {'K', 0x041A, 0x039A}, {'M', 0x041C, 0x039C},
    {'N', 0, 0x039D}, {'O', 0x041E, 0x039F}, {'P', 0x0420, 0x03A1}, {'S', 0x0405, 0},
    {'T', 0x0422, 0x03A4}, {'X', 0x0425, 0x03A7}, {'Y', 0x04AE, 0x03A5}, {'Z', 0, 0x0396},
};

/* The letter of script `to` drawn like cp (of script `from`), or 0. */
static int32_t lookalike(int32_t cp, script from, script to)
{
    static const int column[] = {-1, 0, 2, 1};
    if (column[from] < 0 || column[to] < 0)
        return 0;
    for (size_t i = 0; i < sizeof lookalikes / sizeof lookalikes[0]; i++)
        if (lookalikes[i][column[from]] == cp)
            return lookalikes[i][column[to]];
    return 0;
}

typedef struct enc_state {
    script home;    /* the profile's script: breaks ties in a mixed word */
} enc_state;

static tqc_status init(const tqc_lang *lang, void **state, char *err, size_t errlen)
{
    enc_state *s = tqc_calloc(1, sizeof *s);
    if (!s)
        return TQC_ENOMEM;
    const char *name = tqc_lang_setting(lang, "script", "Latin");
    s->home = SCRIPT_OTHER;
    for (int i = SCRIPT_LATIN; i <= SCRIPT_CYRILLIC; i++)
        if (strcmp(name, script_names[i]) == 0)
            s->home = (script)i;
    *state = s;
    return TQC_OK;
}

static void fini(void *state)
{
    free(state);
}

/* What is wrong at one place in the text. */
typedef enum {
    DMG_NONE,
    DMG_MOJIBAKE,   /* repairable: the UTF-8 character it stands for */
    DMG_TRUNCATED,  /* mojibake that lost a byte */
    DMG_INVALID,    /* a byte that is not UTF-8 */
    DMG_LOST,       /* U+FFFD */
    DMG_CONTROL,    /* C0 or C1 control character */
    DMG_ZERO_WIDTH, /* invisible character inside a word */
    DMG_BIDI        /* bidi control: the text displays in an order its bytes do not have */
} damage;

typedef struct dmg_info {
    damage kind;
    size_t len;         /* bytes covered */
    int32_t cp;         /* the character found (or repaired, for mojibake); -1 */
    char repl[8];       /* what the bytes should be */
    size_t repl_len;
    bool repaired;      /* repl is certain */
} dmg_info;

static bool is_word_cp(int32_t cp)
{
    return tqc_text_is_letter(cp) || tqc_text_is_mark(cp) || tqc_text_is_digit(cp);
}

/* Whether a zero-width character at i sits inside a word. Joiners have work to do in
 * many scripts (Indic, Arabic, emoji), so those two count only between letters of the
 * alphabets that never use them. */
static bool zero_width_inside(const char *t, size_t len, size_t i, size_t n, int32_t cp)
{
    size_t s, m;
    if (i == 0)
        return false;
    int32_t before = tqc_text_prev(t, i, &s), after = decode_at(t, len, i + n, &m);
    if (!is_word_cp(before) || !is_word_cp(after))
        return false;
    if (cp == 0x200C || cp == 0x200D)
        return script_of(before) != SCRIPT_OTHER && script_of(after) != SCRIPT_OTHER;
    return true;
}

/* The damage at i, if any. */
static dmg_info damage_at(const char *t, size_t len, size_t i)
{
    dmg_info d = {DMG_NONE, 0, -1, "", 0, false};
    unsigned char c = (unsigned char)t[i];
    if (c >= 0x20 && c < 0x7F)
        return d;
    int32_t cp;
    size_t n;
    if ((n = mojibake_at(t, len, i, &cp)) != 0) {
        d = (dmg_info){DMG_MOJIBAKE, n, cp, "", 0, true};
        d.repl_len = tqc_text_encode(cp, d.repl);
        return d;
    }
    bool lost_byte;
    if ((n = truncated_at(t, len, i, &lost_byte)) != 0) {
        /* A no-break space that became a plain one: dropping the `Â` repairs it. */
        d = (dmg_info){DMG_TRUNCATED, n, -1, "", 0, !lost_byte};
        return d;
    }
    cp = decode_at(t, len, i, &n);
    if (cp < 0) {
        d = (dmg_info){DMG_INVALID, 1, -1, "", 0, false};
        /* A guess: a byte of a Windows-1252 file pasted into UTF-8. */
        int32_t guess = c >= 0xA0 ? c : cp1252_high[c - 0x80];
        if (c >= 0x80 && guess)
            d.repl_len = tqc_text_encode(guess, d.repl);
        return d;
    }
    if (cp == 0xFFFD)
        return (dmg_info){DMG_LOST, n, cp, "", 0, false};
    if (tqc_text_is_control(cp) && !tqc_text_is_space(cp)) {
        d = (dmg_info){DMG_CONTROL, n, cp, "", 0, false};
        /* A C1 control is a Windows-1252 byte decoded as Latin-1: U+0092 is ’. */
        if (cp >= 0x80 && cp <= 0x9F && cp1252_high[cp - 0x80]) {
            d.repl_len = tqc_text_encode(cp1252_high[cp - 0x80], d.repl);
            d.repaired = true;
        }
        return d;
    }
    /* Never in prose of the languages checked: it hides or reorders what a reader sees
     * (a U+202E in a name or a link); not removed, since what was meant is unknown. */
    if (tqc_text_is_bidi_control(cp))
        return (dmg_info){DMG_BIDI, n, cp, "", 0, false};
    if (is_zero_width(cp) && zero_width_inside(t, len, i, n, cp))
        return (dmg_info){DMG_ZERO_WIDTH, n, cp, "", 0, true};
    return d;
}

/* The message for the first damage of a word. */
static void describe(const tqc_doc *doc, size_t at, const dmg_info *d, char *buf, size_t cap)
{
    const char *t = doc->text;
    switch (d->kind) {
    case DMG_MOJIBAKE:
        snprintf(buf, cap, "mojibake: '%.*s' is UTF-8 '%.*s' read as Windows-1252",
                 (int)d->len, t + at, (int)d->repl_len, d->repl);
        break;
    case DMG_TRUNCATED:
        if (d->repaired)
            snprintf(buf, cap, "mojibake: 'Â' before a space is what is left of a UTF-8 "
                     "no-break space read as Windows-1252");
        else
            snprintf(buf, cap, "mojibake: '%.*s' is the start of a UTF-8 quote or dash read "
                     "as Windows-1252, its last byte lost", (int)d->len, t + at);
        break;
    case DMG_INVALID:
        snprintf(buf, cap, "invalid UTF-8: byte 0x%02X at byte offset %zu",
                 (unsigned)(unsigned char)t[at], doc->base_offset + at);
        break;
    case DMG_LOST:
        snprintf(buf, cap, "replacement character U+FFFD: a character was lost in an "
                 "encoding conversion");
        break;
    case DMG_CONTROL:
        if (d->repaired)
            snprintf(buf, cap, "control character U+%04X: Windows-1252 '%.*s' read as "
                     "Latin-1", (unsigned)d->cp, (int)d->repl_len, d->repl);
        else
            snprintf(buf, cap, "control character U+%04X in the text", (unsigned)d->cp);
        break;
    case DMG_ZERO_WIDTH:
        snprintf(buf, cap, "invisible U+%04X %s inside a word", (unsigned)d->cp,
                 zero_width_name(d->cp));
        break;
    case DMG_BIDI:
        snprintf(buf, cap, "bidirectional control U+%04X: the text displays in another order "
                 "than it is written", (unsigned)d->cp);
        break;
    case DMG_NONE:
        buf[0] = '\0';
        break;
    }
}

/* Reports the damaged word around the damage at i; returns where scanning resumes. */
static size_t report_word(const tqc_ctx *ctx, size_t i, const dmg_info *first)
{
    const tqc_doc *doc = ctx->doc;
    const char *t = doc->text;
    size_t len = doc->len, start = i, end = i;
    for (int reach = 0; start > 0 && reach < ENC_MAX_REACH; reach++) {
        size_t s;
        int32_t cp = tqc_text_prev(t, start, &s);
        if (!is_word_cp(cp))
            break;
        start = s;
    }
    /* The repaired word: damage undone where it can be, the rest copied. */
    char fixed[ENC_MAX_WORD + 8];
    size_t fl = 0;
    bool certain = true, complete = true;
    memcpy(fixed, t + start, i - start);
    fl = i - start;
    int reach = 0, damaged = 0;
    while (end < len && reach < ENC_MAX_REACH && fl < ENC_MAX_WORD) {
        dmg_info d = end == i ? *first : damage_at(t, len, end);
        if (d.kind != DMG_NONE) {
            damaged++;
            memcpy(fixed + fl, d.repl, d.repl_len);
            fl += d.repl_len;
            certain = certain && d.repaired;
            complete = complete && (d.repaired || d.repl_len > 0);
            end += d.len;
            continue;
        }
        size_t n;
        int32_t cp = decode_at(t, len, end, &n);
        if (!is_word_cp(cp))
            break;
        memcpy(fixed + fl, t + end, n);
        fl += n;
        end += n;
        reach++;
    }
    if (i - start > ENC_MAX_WORD)
        complete = false;
    /* One damaged character with no letter around it (`"Ã©"`) is as often a text citing
     * mojibake as mojibake itself: the repair is offered, never applied as safe. */
    if (reach == 0 && start == i && damaged == 1)
        certain = false;
    tqc_span span = tqc_span_make(start, end);
    char msg[256];
    describe(doc, i, first, msg, sizeof msg);
    tqc_finding *f = TQC_EMIT(ctx, span, "%s", msg);
    if (complete && (fl != end - start || memcmp(fixed, t + start, fl) != 0)) {
        tqc_finding_suggest(ctx->out, f, fixed, fl);
        tqc_finding_fix(ctx->out, f, span, fixed, fl, certain);
    }
    return end > i ? end : i + 1;
}

/* NFC: a word whose letters are spelled with combining marks (e + U+0301) looks right
 * but fails every lookup that expects é. */
static void check_nfc(const tqc_ctx *ctx, const tqc_token *tok)
{
    const char *s = tqc_doc_at(ctx->doc, tok->span);
    size_t len = tqc_span_len(tok->span);
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n >= 0 && ((size_t)n != len || memcmp(nfc, s, len) != 0)) {
        tqc_finding *f = TQC_EMIT(ctx, tok->span, "'%.*s' is not in Unicode normal form C "
                                  "(a letter is spelled with a combining mark)", (int)len, s);
        tqc_finding_suggest(ctx->out, f, (const char *)nfc, (size_t)n);
        tqc_finding_fix(ctx->out, f, tok->span, (const char *)nfc, (size_t)n, true);
    }
    free(nfc);
}

/* Counts the letters of s[0, len) per script. */
static void count_scripts(const char *s, size_t len, size_t counts[4])
{
    memset(counts, 0, 4 * sizeof counts[0]);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += tqc_text_decode(s + i, len - i, &cp);
        if (tqc_text_is_letter(cp))
            counts[script_of(cp)]++;
    }
}

/* A word mixing alphabets: a Cyrillic а or a Greek ο among Latin letters, the mark of
 * text typed on the wrong keyboard or laundered through OCR. Each part of a compound
 * (`α-helix`) is judged alone, and a letter without a lookalike (µ, κ in `NF-κB`) is a
 * symbol, not a slip. The word is repaired to its main script when every stray letter
 * has a lookalike there. */
static void check_scripts(const tqc_ctx *ctx, const enc_state *st, const tqc_token *tok)
{
    const char *s = tqc_doc_at(ctx->doc, tok->span);
    size_t len = tqc_span_len(tok->span);
    for (size_t a = 0; a < len;) {
        size_t b = a;
        while (b < len) {
            int32_t cp;
            size_t n = tqc_text_decode(s + b, len - b, &cp);
            if (tqc_text_is_hyphen(cp) || tqc_text_is_apostrophe(cp) || cp == '.')
                break;
            b += n;
        }
        size_t counts[4];
        count_scripts(s + a, b - a, counts);
        int present = (counts[SCRIPT_LATIN] > 0) + (counts[SCRIPT_GREEK] > 0) +
                      (counts[SCRIPT_CYRILLIC] > 0);
        if (present >= 2) {
            script main = SCRIPT_LATIN;
            for (int k = SCRIPT_GREEK; k <= SCRIPT_CYRILLIC; k++)
                if (counts[k] > counts[main] || (counts[k] == counts[main] && k == (int)st->home))
                    main = (script)k;
            char fixed[ENC_MAX_WORD + 8];
            size_t fl = 0;
            bool complete = len <= ENC_MAX_WORD, any = false;
            int32_t stray = -1;
            for (size_t i = 0; i < len;) {
                int32_t cp;
                size_t n = tqc_text_decode(s + i, len - i, &cp);
                script sc = tqc_text_is_letter(cp) ? script_of(cp) : SCRIPT_OTHER;
                int32_t like = i >= a && i < b && sc != SCRIPT_OTHER && sc != main
                                   ? lookalike(cp, sc, main) : 0;
                if (i >= a && i < b && sc != SCRIPT_OTHER && sc != main) {
                    if (stray < 0)
                        stray = cp;
                    any = any || like != 0;
                    complete = complete && like != 0;
                }
                if (complete && like)
                    fl += tqc_text_encode(like, fixed + fl);
                else if (complete) {
                    memcpy(fixed + fl, s + i, n);
                    fl += n;
                }
                i += n;
            }
            if (any) {
                char sc[5];
                size_t sl = tqc_text_encode(stray, sc);
                tqc_finding *f = TQC_EMIT(ctx, tok->span, "'%.*s' mixes %s letters with a %s "
                                          "'%.*s' (U+%04X)", (int)len, s, script_names[main],
                                          script_names[script_of(stray)], (int)sl, sc,
                                          (unsigned)stray);
                if (complete) {
                    tqc_finding_suggest(ctx->out, f, fixed, fl);
                    tqc_finding_fix(ctx->out, f, tok->span, fixed, fl, true);
                }
                return;
            }
        }
        a = b < len ? b + 1 : b;
    }
}

static void run(const tqc_ctx *ctx)
{
    const tqc_doc *doc = ctx->doc;
    const enc_state *st = ctx->state;
    const char *t = doc->text;
    /* A byte order mark opening the file is a marker, not text. */
    size_t i = doc->base_offset == 0 && doc->len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < doc->len) {
        unsigned char c = (unsigned char)t[i];
        if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c == '\r') {
            i++;
            continue;
        }
        dmg_info d = damage_at(t, doc->len, i);
        if (d.kind != DMG_NONE) {
            i = report_word(ctx, i, &d);
            continue;
        }
        size_t n;
        decode_at(t, doc->len, i, &n);
        i += n ? n : 1;
    }
    for (size_t k = 0; k < doc->token_count; k++) {
        const tqc_token *tok = &doc->tokens[k];
        if (tok->kind != TQC_TOK_WORD || !(tok->flags & TQC_TF_NONASCII))
            continue;
        check_nfc(ctx, tok);
        if (st)
            check_scripts(ctx, st, tok);
    }
}

const tqc_pass tqc_pass_encoding = {
    .id = "encoding",
    .severity = TQC_SEV_ERROR,
    .summary = "mojibake, lost or invalid characters, invisible or look-alike letters, non-NFC text",
    .good = "São Paulo’s mayor, José Müller, met Zürich’s “Ελλάδα” delegation in Москва.",
    .bad = "SÃ£o Paulo’s mayor said the courtâ€™s ruling was final.",
    .details = "Text damaged on its way: mojibake (`Ã©`, `â€™`), U+FFFD, control characters, text "
               "not in Unicode normal form C, zero-width characters inside words, look-alike "
               "letters of another script and invalid UTF-8. Each is certainly wrong, so each is "
               "an error.",
    .init = init,
    .run = run,
    .fini = fini,
};
