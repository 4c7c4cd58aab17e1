/* The pass registry: adding a pass is one new file and one line here. */
#include "pass.h"

#include <string.h>

extern const tqc_pass tqc_pass_repeated_word;

const tqc_pass *const tqc_passes[] = {
    &tqc_pass_repeated_word,
};
const size_t tqc_pass_count = sizeof tqc_passes / sizeof tqc_passes[0];

const tqc_pass *tqc_pass_find(const char *id)
{
    for (size_t i = 0; i < tqc_pass_count; i++)
        if (strcmp(tqc_passes[i]->id, id) == 0)
            return tqc_passes[i];
    return NULL;
}
