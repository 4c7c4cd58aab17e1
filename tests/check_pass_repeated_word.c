/* repeated-word: doubles that grammar rules out are errors with a safe fix; doubles a
 * grammar allows (listed, or read with the lexicon's parts of speech) are quiet or a
 * hint, in every language. */
#include <string.h>

#include "tqc_test.h"

Suite *pass_repeated_word_suite(void)
{
    Suite *s = suite_create("pass_repeated_word");
    TCase *tc = tcase_create("doubles");
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return s;
}
