/*
 * versions.c - what `ptlint --version` says about the parsers it carries.
 */
#include <clang-c/Index.h>
#include <tree_sitter/api.h>

#include "frontend/frontend.h"
#include "ptlint/buf.h"

const TSLanguage *tree_sitter_c(void);
const TSLanguage *tree_sitter_python(void);

void pt_frontend_versions(pt_buf *out)
{
    CXString clang = clang_getClangVersion();
    pt_buf_printf(out, "libclang: %s\n", clang_getCString(clang));
    clang_disposeString(clang);
    pt_buf_printf(out, "tree-sitter-c: %s (ABI %u)\n", PTLINT_TS_C_VERSION,
                  ts_language_version(tree_sitter_c()));
    pt_buf_printf(out, "tree-sitter-python: %s (ABI %u)\n",
                  PTLINT_TS_PYTHON_VERSION,
                  ts_language_version(tree_sitter_python()));
    pt_buf_printf(out, "tree-sitter runtime: ABI %u..%u\n",
                  TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION,
                  TREE_SITTER_LANGUAGE_VERSION);
}
