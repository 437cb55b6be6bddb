/*
 * fn_index.h - finding a unit's functions by name in constant time.
 *
 * Rules resolve call events to the functions of the same file many
 * thousand times per file; a linear scan there makes a rule quadratic.
 */
#ifndef PTLINT_RULES_FN_INDEX_H
#define PTLINT_RULES_FN_INDEX_H

#include <stdint.h>

#include "ptlint/model.h"

/* An open-addressing hash table from name to function index; the unit
   is borrowed and must outlive it. */
typedef struct pt_fn_index {
    int32_t *slots;             /* function index + 1; 0 for empty */
    uint32_t mask;
    const pt_unit *unit;
} pt_fn_index;

/* Indexes the unit's functions that are not nested (the first of each
   name wins).  Returns false when out of memory. */
bool pt_fn_index_build(pt_fn_index *index, const pt_unit *unit);

/* The function named `name`, or -1. */
int32_t pt_fn_index_find(const pt_fn_index *index, const char *name);

/* Frees the table, not the unit. */
void pt_fn_index_free(pt_fn_index *index);

#endif
