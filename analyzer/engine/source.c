/*
 * source.c - reading files and picking a frontend for each.
 */
#include "engine/source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontend/compdb.h"
#include "frontend/frontend.h"

/* Reads the whole stream; false when it is larger than the limit. */
static bool read_stream(FILE *in, pt_buf *text)
{
    char chunk[65536];
    size_t got = 0;
    while ((got = fread(chunk, 1, sizeof(chunk), in)) > 0) {
        if (text->len + got > (size_t)PT_MAX_SOURCE_BYTES) {
            return false;
        }
        pt_buf_append(text, chunk, got);
    }
    return true;
}

pt_read_status pt_source_read(const char *path, const char *name,
                              char **text, size_t *length, pt_buf *errors)
{
    *text = NULL;
    *length = 0;
    FILE *in = path != NULL ? fopen(path, "rb") : stdin;
    if (in == NULL) {
        pt_buf_printf(errors, "%s: cannot read: %s\n", name, strerror(errno));
        return PT_READ_FAILED;
    }
    pt_buf content = {0};
    bool fits = read_stream(in, &content);
    bool failed = ferror(in) != 0;
    int saved = errno;
    if (path != NULL) {
        fclose(in);
    }
    if (failed) {
        pt_buf_printf(errors, "%s: cannot read: %s\n", name, strerror(saved));
        pt_buf_free(&content);
        return PT_READ_FAILED;
    }
    if (!fits) {
        pt_buf_printf(errors, "%s: skipped: larger than %u MiB\n", name,
                      PT_MAX_SOURCE_BYTES >> 20);
        pt_buf_free(&content);
        return PT_READ_SKIPPED;
    }
    const char *nul = content.len ? memchr(content.data, '\0', content.len)
                                  : NULL;
    if (nul != NULL) {
        pt_buf_printf(errors, "%s: skipped: binary file (NUL byte at offset "
                              "%zu)\n", name, (size_t)(nul - content.data));
        pt_buf_free(&content);
        return PT_READ_SKIPPED;
    }
    pt_buf_append(&content, "", 0);
    *text = content.data;
    *length = content.len;
    return PT_READ_OK;
}

pt_unit *pt_source_parse(const char *path, pt_language language,
                         const char *text, size_t length,
                         pt_frontend_choice choice, const char *compdb_dir,
                         const char *const *lock_acquire, unsigned nacquire,
                         const char *const *lock_release, unsigned nrelease)
{
    pt_frontend_options options = {
        .lock_acquire = lock_acquire, .nlock_acquire = nacquire,
        .lock_release = lock_release, .nlock_release = nrelease,
    };
    if (language == PT_LANG_PYTHON) {
        return pt_parse_python(path, text, length, &options);
    }
    if (choice == PT_FRONTEND_TREE_SITTER) {
        return pt_parse_c_tree_sitter(path, text, length, &options);
    }
    pt_compdb_args args = {0};
    bool covered = pt_compdb_lookup(compdb_dir, path, &args);
    if (!covered && choice == PT_FRONTEND_AUTO) {
        return pt_parse_c_tree_sitter(path, text, length, &options);
    }
    options.clang_args = (const char *const *)args.args;
    options.nclang_args = args.count;
    pt_unit *unit = pt_parse_c_clang(path, text, length, &options);
    pt_compdb_args_free(&args);
    return unit;
}
