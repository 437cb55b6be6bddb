/*
 * compdb.h - compiler arguments from compile_commands.json, for the
 * libclang frontend.
 */
#ifndef PTLINT_FRONTEND_COMPDB_H
#define PTLINT_FRONTEND_COMPDB_H

#include <stdbool.h>

/* Arguments for one file; pt_compdb_args_free() releases them. */
typedef struct pt_compdb_args {
    char **args;
    unsigned count;
} pt_compdb_args;

/*
 * Finds the compilation database in `dir` (when not NULL) or in the
 * directories above `file`, and the command that compiles `file`.
 * Returns false when there is none; `args` is then empty.
 */
bool pt_compdb_lookup(const char *dir, const char *file,
                      pt_compdb_args *args);

/* Frees the arguments; `args` is empty and reusable after. */
void pt_compdb_args_free(pt_compdb_args *args);

#endif
