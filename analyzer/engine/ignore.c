/*
 * ignore.c - a practical subset of .gitignore: globs, '!', trailing '/',
 * anchored patterns and '**'.
 */
#include "engine/ignore.h"

#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *xstrdup(const char *text)
{
    char *copy = strdup(text);
    if (copy == NULL) {
        fprintf(stderr, "ptlint: out of memory reading .gitignore\n");
        abort();
    }
    return copy;
}

/* Adds one pattern line read from `base`/.gitignore. */
static void ignore_add(pt_ignore *ignore, const char *base, char *line)
{
    size_t len = strcspn(line, "\r\n");
    line[len] = '\0';
    while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t')) {
        line[--len] = '\0';
    }
    if (len == 0 || line[0] == '#') {
        return;
    }
    if (ignore->len == ignore->cap) {
        ignore->cap = ignore->cap ? ignore->cap * 2 : 16;
        ignore->rules = realloc(ignore->rules,
                                ignore->cap * sizeof(*ignore->rules));
        if (ignore->rules == NULL) {
            abort();
        }
    }
    pt_ignore_rule *rule = &ignore->rules[ignore->len++];
    rule->negate = line[0] == '!';
    char *pattern = line + rule->negate;
    size_t plen = strlen(pattern);
    rule->dir_only = plen > 0 && pattern[plen - 1] == '/';
    if (rule->dir_only) {
        pattern[plen - 1] = '\0';
    }
    rule->anchored = strchr(pattern, '/') != NULL;
    if (pattern[0] == '/') {
        pattern++;
    }
    rule->pattern = xstrdup(pattern);
    rule->base = xstrdup(strcmp(base, ".") == 0 ? "" : base);
}

static void ignore_read_file(pt_ignore *ignore, const char *dir)
{
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/.gitignore", dir);
    FILE *in = fopen(path, "r");
    if (in == NULL) {
        return;
    }
    char line[1024];
    while (fgets(line, sizeof(line), in) != NULL) {
        ignore_add(ignore, dir, line);
    }
    fclose(in);
}

void pt_ignore_load_parents(pt_ignore *ignore, const char *dir)
{
    char path[PATH_MAX];
    if (realpath(dir, path) == NULL) {
        return;
    }
    /* Walk up to the repository root; patterns there apply below. */
    char *cut = NULL;
    while ((cut = strrchr(path, '/')) != NULL && cut != path) {
        *cut = '\0';
        char git[PATH_MAX + 8];
        snprintf(git, sizeof(git), "%s/.git", path);
        struct stat info;
        ignore_read_file(ignore, path);
        if (stat(git, &info) == 0) {
            break;
        }
    }
}

size_t pt_ignore_push_dir(pt_ignore *ignore, const char *dir)
{
    size_t mark = ignore->len;
    ignore_read_file(ignore, dir);
    return mark;
}

void pt_ignore_pop(pt_ignore *ignore, size_t mark)
{
    while (ignore->len > mark) {
        pt_ignore_rule *rule = &ignore->rules[--ignore->len];
        free(rule->pattern);
        free(rule->base);
    }
}

/*
 * Matches one rule against `path`.  Rules from .gitignore files above the
 * walked tree have absolute bases; only their unanchored patterns apply.
 */
static bool rule_matches(const pt_ignore_rule *rule, const char *path)
{
    const char *name = strrchr(path, '/');
    name = name != NULL ? name + 1 : path;
    if (rule->base[0] == '/') {
        return !rule->anchored && fnmatch(rule->pattern, name, 0) == 0;
    }
    const char *rel = path;
    size_t base_len = strlen(rule->base);
    if (base_len > 0) {
        if (strncmp(path, rule->base, base_len) != 0 ||
            path[base_len] != '/') {
            return false;
        }
        rel = path + base_len + 1;
    }
    if (!rule->anchored) {
        return fnmatch(rule->pattern, name, 0) == 0;
    }
    return fnmatch(rule->pattern, rel, FNM_PATHNAME) == 0 ||
           (strncmp(rule->pattern, "**/", 3) == 0 &&
            fnmatch(rule->pattern + 3, rel, FNM_PATHNAME) == 0);
}

bool pt_ignore_matches(const pt_ignore *ignore, const char *path,
                       bool is_dir)
{
    bool ignored = false;
    for (size_t i = 0; i < ignore->len; i++) {
        const pt_ignore_rule *rule = &ignore->rules[i];
        if (rule->dir_only && !is_dir) {
            continue;
        }
        if (rule_matches(rule, path)) {
            ignored = !rule->negate;
        }
    }
    return ignored;
}

void pt_ignore_free(pt_ignore *ignore)
{
    pt_ignore_pop(ignore, 0);
    free(ignore->rules);
    ignore->rules = NULL;
    ignore->cap = 0;
}
