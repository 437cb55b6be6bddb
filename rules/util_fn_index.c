/*
 * fn_index.c - an open-addressing hash from function name to index.
 */
#include "rules/util_fn_index.h"

#include <stdlib.h>
#include <string.h>

static uint32_t hash_name(const char *name)
{
    uint32_t hash = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        hash = (hash ^ *p) * 16777619u;
    }
    return hash;
}

bool pt_fn_index_build(pt_fn_index *index, const pt_unit *unit)
{
    uint32_t size = 16;
    while (size < unit->functions.len * 2 + 2) {
        size *= 2;
    }
    index->unit = unit;
    index->mask = size - 1;
    index->slots = calloc(size, sizeof(int32_t));
    if (index->slots == NULL) {
        return false;
    }
    for (uint32_t i = 0; i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        if (fn->is_nested || fn->name == NULL ||
            pt_fn_index_find(index, fn->name) >= 0) {
            continue;
        }
        uint32_t slot = hash_name(fn->name) & index->mask;
        while (index->slots[slot] != 0) {
            slot = (slot + 1) & index->mask;
        }
        index->slots[slot] = (int32_t)i + 1;
    }
    return true;
}

int32_t pt_fn_index_find(const pt_fn_index *index, const char *name)
{
    if (name == NULL || index->slots == NULL) {
        return -1;
    }
    uint32_t slot = hash_name(name) & index->mask;
    while (index->slots[slot] != 0) {
        int32_t fn = index->slots[slot] - 1;
        if (strcmp(pt_unit_function(index->unit, (uint32_t)fn)->name,
                   name) == 0) {
            return fn;
        }
        slot = (slot + 1) & index->mask;
    }
    return -1;
}

void pt_fn_index_free(pt_fn_index *index)
{
    free(index->slots);
    index->slots = NULL;
}
