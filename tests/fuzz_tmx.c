/* libFuzzer target: the tmx reader on arbitrary bytes (see fuzz_common.h). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_read(data, size, TQC_INPUT_TMX, "fuzz.tmx");
}
