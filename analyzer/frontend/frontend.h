/*
 * frontend.h - turning one source file into a unit (ptlint/model.h).
 *
 * Only the files in analyzer/frontend/ include tree-sitter or libclang.
 * Each parse function returns a new unit that the caller frees with
 * pt_unit_free(), or NULL when out of memory.  A file that does not parse
 * completely still yields a unit: what parsed is modelled, functions that
 * hold an error are marked partial, and unit->errors lists where.
 */
#ifndef PTLINT_FRONTEND_H
#define PTLINT_FRONTEND_H

#include <stddef.h>

#include "ptlint/model.h"

/* What a frontend is told besides the text, all borrowed.  Empty lock
   lists mean the built-in ones; Python ignores the options. */
typedef struct pt_frontend_options {
    /* Functions whose first argument is a lock they take or release. */
    const char *const *lock_acquire;
    unsigned nlock_acquire;
    const char *const *lock_release;
    unsigned nlock_release;
    /* libclang only: compiler arguments (from compile_commands.json or
       defaults), not including the file name. */
    const char *const *clang_args;
    unsigned nclang_args;
} pt_frontend_options;

/* Parses C with tree-sitter, which needs no compiler arguments. */
pt_unit *pt_parse_c_tree_sitter(const char *path, const char *text,
                                size_t length,
                                const pt_frontend_options *options);

/* Parses C with libclang and options->clang_args.  A file libclang
   cannot parse at all gives a truncated unit with one error. */
pt_unit *pt_parse_c_clang(const char *path, const char *text, size_t length,
                          const pt_frontend_options *options);

/* Parses Python with tree-sitter. */
pt_unit *pt_parse_python(const char *path, const char *text, size_t length,
                         const pt_frontend_options *options);

/* ptlint/buf.h's buffer, without including it here. */
struct pt_buf;
/* Version facts for `ptlint --version`, written to `out` one per line. */
void pt_frontend_versions(struct pt_buf *out);

#endif
