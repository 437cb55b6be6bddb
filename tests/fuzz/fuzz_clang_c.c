/*
 * fuzz_clang_c.c - libFuzzer target: pt_parse_c_clang() on the input, then the
 * model through every rule (fuzz_common.h).
 */
#include "fuzz_common.h"

/* libFuzzer's entry: one input through the clang frontend and every rule. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_one("fuzz.c", pt_parse_c_clang, data, size);
}
