/*
 * ignore.h - .gitignore patterns met while walking a tree.
 */
#ifndef PTLINT_ENGINE_IGNORE_H
#define PTLINT_ENGINE_IGNORE_H

#include <stdbool.h>
#include <stddef.h>

/* One pattern line of a .gitignore. */
typedef struct pt_ignore_rule {
    char *base;                 /* directory of the .gitignore, "" for . */
    char *pattern;              /* without leading '!' and trailing '/' */
    bool negate;
    bool dir_only;
    bool anchored;              /* contains a '/' before its end */
} pt_ignore_rule;

/* The patterns in force, a stack the walk pushes and pops directory by
   directory; the last rule that matches decides. */
typedef struct pt_ignore {
    pt_ignore_rule *rules;
    size_t len;
    size_t cap;
} pt_ignore;

/* Loads .gitignore files of the directories above `dir` up to the
   repository root (the first directory holding .git). */
void pt_ignore_load_parents(pt_ignore *ignore, const char *dir);

/* Adds `dir`/.gitignore if present; returns a mark for pt_ignore_pop. */
size_t pt_ignore_push_dir(pt_ignore *ignore, const char *dir);

/* Drops the rules added since `mark`. */
void pt_ignore_pop(pt_ignore *ignore, size_t mark);

/* True when the last matching rule ignores `path`. */
bool pt_ignore_matches(const pt_ignore *ignore, const char *path,
                       bool is_dir);

/* Frees every rule and the array, leaving `ignore` empty and reusable. */
void pt_ignore_free(pt_ignore *ignore);

#endif
