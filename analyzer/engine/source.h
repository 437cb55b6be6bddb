/*
 * source.h - reading one source file safely, and parsing it with the
 * frontend that the options pick.
 */
#ifndef PTLINT_ENGINE_SOURCE_H
#define PTLINT_ENGINE_SOURCE_H

#include <stddef.h>

#include "engine/engine.h"

/* Files larger than this are refused with a message, not parsed. */
#define PT_MAX_SOURCE_BYTES (64u * 1024 * 1024)

/* How reading a source file went. */
typedef enum pt_read_status {
    PT_READ_OK = 0,
    PT_READ_FAILED,             /* cannot open or read: a run failure */
    PT_READ_SKIPPED,            /* binary or too large: said, not failed */
} pt_read_status;

/*
 * Reads `path` (or standard input when `path` is NULL) into a new heap
 * buffer, NUL-terminated, stored in *text.  On anything but PT_READ_OK
 * *text is NULL and a message naming the file is in `errors`.
 */
pt_read_status pt_source_read(const char *path, const char *name,
                              char **text, size_t *length, pt_buf *errors);

/* Parses `text` as `language` through the chosen frontend. */
pt_unit *pt_source_parse(const char *path, pt_language language,
                         const char *text, size_t length,
                         pt_frontend_choice choice, const char *compdb_dir,
                         const char *const *lock_acquire, unsigned nacquire,
                         const char *const *lock_release, unsigned nrelease);

#endif
