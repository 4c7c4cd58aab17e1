/* text: the small UTF-8 questions every module asks, answered through utf8proc.
 * Pure functions over caller-owned buffers; nothing here allocates. */
#ifndef TQC_TEXT_H
#define TQC_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Decodes the code point at s[0..len); *cp gets it, or -1 for an invalid sequence.
 * Returns the bytes consumed (1 for an invalid byte, 0 only when len is 0). */
size_t tqc_text_decode(const char *s, size_t len, int32_t *cp);
/* The byte offset of each character of s[0..len) in offs[0..n), and len in offs[n]; returns
 * n, the count of characters, or 0 when s has more than max (offs holds max + 1). */
size_t tqc_text_char_offsets(const char *s, size_t len, size_t *offs, size_t max);
/* The count of characters (code points) of s[0..len). */
size_t tqc_text_chars(const char *s, size_t len);
/* Encodes cp as UTF-8 into out (at least 4 bytes); returns the byte count. */
size_t tqc_text_encode(int32_t cp, char *out);
/* The code point that ends just before s[end] (end > 0), or -1; *start gets its offset. */
int32_t tqc_text_prev(const char *s, size_t end, size_t *start);

bool tqc_text_is_letter(int32_t cp);
bool tqc_text_is_upper(int32_t cp);   /* upper or title case letter */
bool tqc_text_is_lower(int32_t cp);
bool tqc_text_is_digit(int32_t cp);   /* decimal digit of any script */
bool tqc_text_is_space(int32_t cp);   /* Unicode white space, including no-break spaces */
bool tqc_text_is_punct(int32_t cp);   /* Unicode punctuation (P*) */
bool tqc_text_is_mark(int32_t cp);    /* combining mark (M*) */
bool tqc_text_is_format(int32_t cp);  /* invisible format characters (Cf: ZWSP, ZWJ, BOM...) */
bool tqc_text_is_control(int32_t cp); /* Cc other than tab, LF and CR */
bool tqc_text_is_apostrophe(int32_t cp); /* ' or U+2019 */
bool tqc_text_is_hyphen(int32_t cp);  /* - and U+2010 U+2011 */
/* Unicode punctuation classes, for marks a language's data does not list: a dash (Pd),
 * an opening bracket or low quote (Ps: ( [ „ ‚), a closing bracket (Pe), an initial or
 * final quotation mark (Pi, Pf: which of the two depends on the language). */
bool tqc_text_is_dash(int32_t cp);
bool tqc_text_is_open_punct(int32_t cp);
bool tqc_text_is_close_punct(int32_t cp);
bool tqc_text_is_quote_punct(int32_t cp);

/* true for the bidirectional controls that reorder text as displayed (U+061C, U+200E,
 * U+200F, U+202A-U+202E, U+2066-U+2069): in prose they hide what the bytes say. */
bool tqc_text_is_bidi_control(int32_t cp);

/* Writes s to out for a person's terminal: control characters (C0 but tab and LF, DEL,
 * C1), bidi controls and invalid bytes become \xHH or \u{HHHH}, so a file name or a
 * message cannot drive the terminal. Returns false on a write error. */
bool tqc_text_fputs_safe(const char *s, FILE *out);
/* Whether tqc_text_fputs_safe would write s unchanged (no control character, C1 control,
 * bidi control or invalid UTF-8). */
bool tqc_text_is_safe(const char *s);
/* The bytes of the character at s[0..len) that tqc_text_fputs_safe escapes: its length
 * (1 to 4) when it is one, else 0. A sequence cut short at len counts as not escaped. */
size_t tqc_text_unsafe_at(const char *s, size_t len);

typedef enum { TQC_CASE_LOWER, TQC_CASE_UPPER, TQC_CASE_TITLE } tqc_case;
/* Writes word in the given case (TITLE: first letter title-cased, the rest lowered)
 * to out (NUL-terminated); returns its length, or 0 when it does not fit in cap. */
size_t tqc_text_case(const char *word, size_t len, tqc_case mode, char *out, size_t cap);
/* Writes word to out (NUL-terminated) with the combining mark `mark` removed from every
 * letter (canonical decomposition, then recomposed: `á` -> `a` for U+0301), or every
 * combining mark when mark is -1; returns its length, or 0 when it does not fit in cap
 * or word is not valid UTF-8. */
size_t tqc_text_drop_mark(const char *word, size_t len, int32_t mark, char *out, size_t cap);
/* true when the two strings are equal ignoring case. */
bool tqc_text_equal_fold(const char *a, size_t alen, const char *b, size_t blen);

#endif
