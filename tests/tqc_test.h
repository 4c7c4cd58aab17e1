/* Shared helpers for the Check unit tests: each tests/check_<module>.c defines one
 * suite constructor listed here; check_main.c runs them all. */
#ifndef TQC_TEST_H
#define TQC_TEST_H

#include <check.h>

#include "run/checker.h"
#include "core/doc.h"

Suite *strmap_suite(void);
Suite *doc_suite(void);
Suite *token_suite(void);
Suite *seg_suite(void);
Suite *dict_suite(void);
Suite *finding_suite(void);
Suite *passes_suite(void);
Suite *report_suite(void);
Suite *pass_quotes_suite(void);
Suite *pass_missing_space_suite(void);
Suite *pass_spelling_suite(void);
Suite *pass_spacing_suite(void);
Suite *pass_encoding_suite(void);
Suite *fix_suite(void);
Suite *atomic_suite(void);
Suite *report_fix_suite(void);
Suite *serve_suite(void);
Suite *pass_capitalization_suite(void);
Suite *pass_fragment_suite(void);
Suite *pass_boilerplate_suite(void);
Suite *pass_stray_heading_suite(void);
Suite *input_suite(void);
Suite *config_suite(void);
Suite *suppress_suite(void);
Suite *baseline_suite(void);
Suite *audit_suite(void);
Suite *lang_es_pt_suite(void);
Suite *lang_fr_de_it_suite(void);
Suite *langid_suite(void);
Suite *pass_untranslated_suite(void);
Suite *pass_number_suite(void);
Suite *pass_repeated_word_suite(void);
Suite *pool_suite(void);
Suite *text_suite(void);
Suite *readers_suite(void);
Suite *lex_suite(void);
Suite *alloc_suite(void);

/* An English checker using the source tree's rules/ and dictionaries/ (one per process,
 * made on first use, freed at exit). */
tqc_checker *tqc_test_checker(void);
/* A doc of text, segmented with the English profile; free with tqc_doc_free. */
tqc_doc *tqc_test_doc(const char *text);

/* piece written times over, NUL-terminated; the caller frees it. The large inputs of
 * the linear-time tests. */
char *tqc_test_repeat(const char *piece, size_t times);
/* Checks text with every pass; returns how many findings of `rule` (NULL: any)
 * it gave, and the first one's span text copied into first (may be NULL). */
size_t tqc_test_findings(const char *text, const char *rule, char *first, size_t cap);

/* A checker of language code (data from the source tree), made on first use and kept
 * for the run. */
tqc_checker *tqc_test_checker_for(const char *code);
/* The sentences of text in language code, joined by " | ", into out. */
void tqc_test_sentences(const char *code, const char *text, char *out, size_t cap);
/* How many findings of rule (merged ones too) at warning or above text gets in language
 * code; the first one's span into first (cap bytes) when given. */
size_t tqc_test_findings_in(const char *code, const char *text, const char *rule, char *first,
                            size_t cap);
#define LANG_SENTENCES_EQ(code, text, expected) do { \
        char buf_[2048]; tqc_test_sentences(code, text, buf_, sizeof buf_); \
        ck_assert_str_eq(buf_, expected); } while (0)
/* The one finding of rule that text gets, whose span must be `span`. */
#define FINDS(code, text, rule, span) do { \
        char got_[256]; \
        ck_assert_uint_eq(tqc_test_findings_in(code, text, rule, got_, sizeof got_), 1); \
        ck_assert_str_eq(got_, span); } while (0)
#define SILENT(code, text, rule) \
    ck_assert_uint_eq(tqc_test_findings_in(code, text, rule, NULL, 0), 0)

/* The first finding of one rule (or merged into another's with `also`). */
typedef struct tqc_test_hit {
    size_t count;             /* that rule's findings */
    char span[128], first[128], message[512];
    tqc_severity severity;
    bool has_fix, safe;
} tqc_test_hit;
/* Checks text with every pass and describes, in *h, its first finding of rule. */
void tqc_test_first(const char *text, const char *rule, tqc_test_hit *h);
/* The same in language code, at any severity. */
void tqc_test_first_in(const char *code, const char *text, const char *rule, tqc_test_hit *h);
/* The same for middle as a paragraph between the paragraphs before and after. */
void tqc_test_first_between_in(const char *code, const char *before, const char *middle,
                               const char *after, const char *rule, tqc_test_hit *h);

#endif
