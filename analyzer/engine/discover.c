/*
 * discover.c - walking the paths given on the command line.
 */
#include "engine/discover.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/ignore.h"

/* Directories no one wants linted. */
static const char *const skipped_dirs[] = {
    "node_modules", "__pycache__", "CMakeFiles", "venv", "site-packages",
    NULL,
};

static void sources_add(pt_sources *out, const char *path,
                        pt_language language)
{
    if (out->len == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 64;
        out->items = realloc(out->items, out->cap * sizeof(*out->items));
        if (out->items == NULL) {
            fprintf(stderr, "ptlint: out of memory listing files\n");
            abort();
        }
    }
    pt_source *source = &out->items[out->len++];
    source->path = strdup(path);
    source->language = language;
}

/* True when the first line of the file is a python shebang. */
static bool has_python_shebang(const char *path)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        return false;
    }
    char line[128] = {0};
    bool python = fgets(line, sizeof(line), in) != NULL &&
                  strncmp(line, "#!", 2) == 0 && strstr(line, "python");
    fclose(in);
    return python;
}

bool pt_language_of(const char *path, pt_language *language)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (dot != NULL && (slash == NULL || dot > slash)) {
        if (strcmp(dot, ".c") == 0 || strcmp(dot, ".h") == 0) {
            *language = PT_LANG_C;
            return true;
        }
        if (strcmp(dot, ".py") == 0 || strcmp(dot, ".pyi") == 0) {
            *language = PT_LANG_PYTHON;
            return true;
        }
        return false;
    }
    if (has_python_shebang(path)) {
        *language = PT_LANG_PYTHON;
        return true;
    }
    return false;
}

/* True for directories a walk never enters. */
static bool dir_is_skipped(const char *name)
{
    if (name[0] == '.') {
        return true;            /* .git, .venv, .ptlint_cache, ... */
    }
    if (strncmp(name, "build", 5) == 0 || strncmp(name, "cmake-build", 11) == 0) {
        return true;
    }
    for (const char *const *s = skipped_dirs; *s != NULL; s++) {
        if (strcmp(name, *s) == 0) {
            return true;
        }
    }
    return false;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the names in `dir` sorted; NULL with errno on failure. */
static char **list_dir(const char *dir, size_t *count)
{
    DIR *handle = opendir(dir);
    if (handle == NULL) {
        return NULL;
    }
    size_t cap = 32;
    size_t len = 0;
    char **names = malloc(cap * sizeof(*names));
    if (names == NULL) {
        closedir(handle);
        return NULL;
    }
    struct dirent *entry = NULL;
    while ((entry = readdir(handle)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) {
            continue;
        }
        if (len == cap) {
            cap *= 2;
            char **grown = realloc(names, cap * sizeof(*names));
            if (grown == NULL) {
                break;
            }
            names = grown;
        }
        names[len++] = strdup(entry->d_name);
    }
    closedir(handle);
    if (names != NULL) {
        if (len > 1) {
            qsort(names, len, sizeof(*names), compare_names);
        }
    }
    *count = len;
    return names;
}

static void free_names(char **names, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(names[i]);
    }
    free(names);
}

static bool walk_dir(const char *dir, pt_ignore *ignore, pt_sources *out,
                     pt_buf *errors, unsigned depth);

/* "dir/name" on the heap; "name" alone when dir is ".". */
static char *path_join(const char *dir, const char *name)
{
    bool here = strcmp(dir, ".") == 0;
    size_t dir_len = here ? 0 : strlen(dir);
    bool slash = dir_len > 0 && dir[dir_len - 1] != '/';
    size_t size = dir_len + slash + strlen(name) + 1;
    char *path = malloc(size);
    if (path == NULL) {
        fprintf(stderr, "ptlint: out of memory walking %s\n", dir);
        abort();
    }
    snprintf(path, size, "%.*s%s%s", (int)dir_len, dir, slash ? "/" : "",
             name);
    return path;
}

/* Adds one directory entry: a source file, or a directory to walk. */
static bool walk_entry(const char *path, const char *name, pt_ignore *ignore,
                       pt_sources *out, pt_buf *errors, unsigned depth)
{
    struct stat info;
    if (lstat(path, &info) != 0) {
        pt_buf_printf(errors, "%s: cannot read: %s\n", path, strerror(errno));
        return false;
    }
    bool is_dir = S_ISDIR(info.st_mode);
    if (pt_ignore_matches(ignore, path, is_dir)) {
        return true;
    }
    if (is_dir) {
        return dir_is_skipped(name) || walk_dir(path, ignore, out, errors,
                                                depth + 1);
    }
    pt_language language;
    if (S_ISREG(info.st_mode) && pt_language_of(path, &language)) {
        sources_add(out, path, language);
    }
    return true;
}

static bool walk_dir(const char *dir, pt_ignore *ignore, pt_sources *out,
                     pt_buf *errors, unsigned depth)
{
    if (depth > 64) {
        pt_buf_printf(errors, "%s: directories nested too deep; skipped\n",
                      dir);
        return false;
    }
    size_t count = 0;
    char **names = list_dir(dir, &count);
    if (names == NULL) {
        pt_buf_printf(errors, "%s: cannot read: %s\n", dir, strerror(errno));
        return false;
    }
    size_t mark = pt_ignore_push_dir(ignore, dir);
    bool ok = true;
    for (size_t i = 0; i < count; i++) {
        char *path = path_join(dir, names[i]);
        ok &= walk_entry(path, names[i], ignore, out, errors, depth);
        free(path);
    }
    pt_ignore_pop(ignore, mark);
    free_names(names, count);
    return ok;
}

/* Adds one command-line path. */
static bool discover_path(const char *path, pt_sources *out, pt_buf *errors)
{
    struct stat info;
    if (stat(path, &info) != 0) {
        pt_buf_printf(errors, "%s: %s\n", path, strerror(errno));
        return false;
    }
    if (S_ISDIR(info.st_mode)) {
        pt_ignore ignore = {0};
        pt_ignore_load_parents(&ignore, path);
        bool ok = walk_dir(path, &ignore, out, errors, 0);
        pt_ignore_free(&ignore);
        return ok;
    }
    pt_language language;
    if (!pt_language_of(path, &language)) {
        pt_buf_printf(errors, "%s: not a C or Python file\n", path);
        return false;
    }
    sources_add(out, path, language);
    return true;
}

bool pt_discover(const char *const *paths, size_t npaths, pt_sources *out,
                 pt_buf *errors)
{
    static const char *const here[] = {"."};
    if (npaths == 0) {
        paths = here;
        npaths = 1;
    }
    bool ok = true;
    for (size_t i = 0; i < npaths; i++) {
        ok &= discover_path(paths[i], out, errors);
    }
    return ok;
}

void pt_sources_free(pt_sources *sources)
{
    for (size_t i = 0; i < sources->len; i++) {
        free(sources->items[i].path);
    }
    free(sources->items);
    sources->items = NULL;
    sources->len = 0;
    sources->cap = 0;
}
