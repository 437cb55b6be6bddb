/*
 * fuzz_ts_c.c - libFuzzer target: pt_parse_c_tree_sitter() on the input, then the
 * model through every rule (fuzz_common.h).
 */
#include "fuzz_common.h"

/* libFuzzer's entry: one input through tree-sitter-c and every rule. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_one("fuzz.c", pt_parse_c_tree_sitter, data, size);
}
