/* The pass registry: adding a pass is one new file and one line here. */
#include "pass/pass.h"

#include <string.h>

extern const tqc_pass tqc_pass_repeated_word;
extern const tqc_pass tqc_pass_missing_space;
extern const tqc_pass tqc_pass_spelling;
extern const tqc_pass tqc_pass_quotes;
extern const tqc_pass tqc_pass_spacing;
extern const tqc_pass tqc_pass_encoding;
extern const tqc_pass tqc_pass_boilerplate;
extern const tqc_pass tqc_pass_capitalization;
extern const tqc_pass tqc_pass_fragment;
extern const tqc_pass tqc_pass_stray_heading;
extern const tqc_pass tqc_pass_number;
extern const tqc_pass tqc_pass_untranslated;
extern const tqc_pass tqc_pass_omission;
extern const tqc_pass tqc_pass_addition;
extern const tqc_pass tqc_pass_markup;
extern const tqc_pass tqc_pass_xliff;

const tqc_pass *const tqc_passes[] = {
    &tqc_pass_repeated_word,
    /* Before the word passes: they leave the words of a clause it reports alone. */
    &tqc_pass_untranslated,
    &tqc_pass_missing_space,
    &tqc_pass_spelling,
    &tqc_pass_quotes,
    &tqc_pass_spacing,
    &tqc_pass_encoding,
    &tqc_pass_boilerplate,
    &tqc_pass_capitalization,
    &tqc_pass_fragment,
    &tqc_pass_stray_heading,
    &tqc_pass_number,
    &tqc_pass_omission,
    &tqc_pass_addition,
    &tqc_pass_markup,
    &tqc_pass_xliff,
};
const size_t tqc_pass_count = sizeof tqc_passes / sizeof tqc_passes[0];

const tqc_pass *tqc_pass_find(const char *id)
{
    for (size_t i = 0; i < tqc_pass_count; i++)
        if (strcmp(tqc_passes[i]->id, id) == 0)
            return tqc_passes[i];
    return NULL;
}
