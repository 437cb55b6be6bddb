/*
 * diff_filter.c - keeping the findings on lines a change touched, for
 * gating pull requests (`--diff-base REV`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/filters.h"

/* Lines added or changed in one file; whole files when untracked. */
typedef struct changed_range {
    char *path;
    uint32_t first;
    uint32_t last;              /* UINT32_MAX for a whole new file */
} changed_range;

typedef struct changes {
    changed_range *items;
    size_t len;
    size_t cap;
} changes;

static void add_range(changes *c, const char *path, uint32_t first,
                      uint32_t last)
{
    if (c->len == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->items = realloc(c->items, c->cap * sizeof(*c->items));
        if (c->items == NULL) {
            abort();
        }
    }
    c->items[c->len++] = (changed_range){strdup(path), first, last};
}

/* Reads the "+c,d" of a hunk header into *start and *count (1 when ",d"
   is left out); false when no line number follows the '+'. */
static bool parse_hunk(const char *plus, unsigned long *start,
                       unsigned long *count)
{
    char *end = NULL;
    *start = strtoul(plus + 1, &end, 10);
    if (end == plus + 1) {
        return false;
    }
    if (*end == ',') {
        const char *digits = end + 1;
        unsigned long n = strtoul(digits, &end, 10);
        if (end != digits) {
            *count = n;
        }
    }
    return true;
}

/* Reads `git diff -U0` output: "+++ b/path" and "@@ -a,b +c,d @@". */
static void read_diff(FILE *in, changes *c)
{
    char line[8192];
    char path[4096] = "";
    while (fgets(line, sizeof(line), in) != NULL) {
        if (strncmp(line, "+++ ", 4) == 0) {
            const char *name = strncmp(line + 4, "b/", 2) == 0 ? line + 6
                                                                : line + 4;
            snprintf(path, sizeof(path), "%.*s", (int)strcspn(name, "\n"),
                     name);
            continue;
        }
        unsigned long start = 0;
        unsigned long count = 1;
        const char *plus = strncmp(line, "@@", 2) == 0 ? strchr(line, '+')
                                                        : NULL;
        if (plus == NULL || !parse_hunk(plus, &start, &count)) {
            continue;
        }
        if (count > 0 && path[0] != '\0') {
            add_range(c, path, (uint32_t)start,
                      (uint32_t)(start + count - 1));
        }
    }
}

/* Adds the untracked files: every line of them is new. */
static void read_untracked(FILE *in, changes *c)
{
    char line[4096];
    while (fgets(line, sizeof(line), in) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        add_range(c, line, 1, UINT32_MAX);
    }
}

static bool run_git(const char *command, changes *c, bool untracked,
                    pt_buf *errors)
{
    /* The shell only runs git: the one word of `command` from outside,
       the revision, has passed safe_revision(). */
    FILE *in = popen(command, "r"); /* NOLINT(cert-env33-c): runs git */
    if (in == NULL) {
        pt_buf_printf(errors, "ptlint: cannot run git for --diff-base\n");
        return false;
    }
    if (untracked) {
        read_untracked(in, c);
    } else {
        read_diff(in, c);
    }
    if (pclose(in) != 0) {
        pt_buf_printf(errors, "ptlint: '%s' failed; is the revision "
                              "known and this a git checkout?\n", command);
        return false;
    }
    return true;
}

static const char *plain_path(const char *path)
{
    while (strncmp(path, "./", 2) == 0) {
        path += 2;
    }
    return path;
}

static bool changed(const changes *c, const pt_finding *f)
{
    const char *path = plain_path(f->path);
    for (size_t i = 0; i < c->len; i++) {
        const changed_range *r = &c->items[i];
        if (f->loc.line >= r->first && f->loc.line <= r->last &&
            strcmp(r->path, path) == 0) {
            return true;
        }
    }
    return false;
}

/* True for revisions that cannot smuggle shell syntax into popen. */
static bool safe_revision(const char *rev)
{
    return rev[0] != '-' && strspn(rev, "abcdefghijklmnopqrstuvwxyz"
                                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                        "0123456789_./~^@{}-") == strlen(rev);
}

bool pt_diff_filter(pt_findings *findings, const char *rev, pt_buf *errors)
{
    if (!safe_revision(rev)) {
        pt_buf_printf(errors, "ptlint: --diff-base '%s' is not a revision\n",
                      rev);
        return false;
    }
    char command[1024];
    snprintf(command, sizeof(command),
             "git diff -U0 --relative --no-color --no-ext-diff '%s' --", rev);
    changes c = {0};
    bool ok = run_git(command, &c, false, errors) &&
              run_git("git ls-files --others --exclude-standard", &c, true,
                      errors);
    size_t kept = 0;
    for (size_t i = 0; ok && i < findings->len; i++) {
        if (changed(&c, findings->items[i])) {
            findings->items[kept++] = findings->items[i];
        } else {
            pt_finding_free(findings->items[i]);
        }
    }
    if (ok) {
        findings->len = kept;
    }
    for (size_t i = 0; i < c.len; i++) {
        free(c.items[i].path);
    }
    free(c.items);
    return ok;
}
