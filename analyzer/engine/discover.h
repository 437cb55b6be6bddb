/*
 * discover.h - which files a run analyses, in a stable order.
 */
#ifndef PTLINT_ENGINE_DISCOVER_H
#define PTLINT_ENGINE_DISCOVER_H

#include <stdbool.h>
#include <stddef.h>

#include "ptlint/buf.h"
#include "ptlint/model.h"

/* One file to analyse and the language it is read as. */
typedef struct pt_source {
    char *path;                 /* heap; as named, joined with "/" */
    pt_language language;
} pt_source;

/* The files to analyse, in the order they were found. */
typedef struct pt_sources {
    pt_source *items;
    size_t len;
    size_t cap;
} pt_sources;

/*
 * Adds the C and Python files under `paths` (files or directories,
 * recursively; .gitignore respected; .git, hidden and build directories
 * skipped; symbolic links to directories not followed).  A path that does
 * not exist or cannot be read is described in `errors` and makes the
 * result false, but discovery goes on with the others.
 */
bool pt_discover(const char *const *paths, size_t npaths, pt_sources *out,
                 pt_buf *errors);

/* The language of `path` by extension or, failing that, a python shebang. */
bool pt_language_of(const char *path, pt_language *language);

/* Frees the paths and the array, leaving `sources` empty and reusable. */
void pt_sources_free(pt_sources *sources);

#endif
