/*
 * dataflow.h - a forward dataflow solver over a function's CFG.
 *
 * An analysis is a fixed-size state (usually a bitset over the names it
 * tracks), a join, a transfer per event and a refinement per branch edge.
 * The solver runs a worklist to a fixed point and keeps each block's
 * entry state; a rule then replays the events of reached blocks to report
 * at the exact event where something goes wrong.
 */
#ifndef PTLINT_DATAFLOW_H
#define PTLINT_DATAFLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ptlint/model.h"

/* One analysis: the size of its state and the callbacks the solver calls. */
typedef struct pt_dataflow {
    size_t state_size;          /* bytes in one state */
    void *user;                 /* passed to every callback */
    /* Sets the state at function entry. */
    void (*entry)(void *state, void *user);
    /* into := into joined with from.  Must be monotone. */
    void (*join)(void *into, const void *from, size_t size, void *user);
    /* Applies one event to the state. */
    void (*event)(void *state, const pt_event *event, void *user);
    /* Narrows the state on a branch edge: `holds` is whether the block's
       condition is true on that edge.  May be NULL. */
    void (*refine)(void *state, const pt_block *block, bool holds,
                   void *user);
} pt_dataflow;

/* The solved entry state of each block of one function. */
typedef struct pt_dataflow_result {
    unsigned char *in;          /* nblocks states, the entry of each */
    bool *reached;              /* whether each block is reachable */
    size_t state_size;
    uint32_t nblocks;
} pt_dataflow_result;

/*
 * Solves `analysis` over `fn`.  Returns false when out of memory (the
 * result is then empty).  The result is freed with
 * pt_dataflow_result_free().
 */
bool pt_dataflow_solve(const pt_function *fn, const pt_dataflow *analysis,
                       pt_dataflow_result *out);

/* The entry state of `block`, or NULL when it is unreachable. */
const void *pt_dataflow_in(const pt_dataflow_result *result, uint32_t block);

/* Frees the states and flags; the result is zeroed and reusable after. */
void pt_dataflow_result_free(pt_dataflow_result *result);

/*
 * Called by pt_dataflow_replay() with the state just before `event`, and
 * once more at the end of each block with `event` NULL and the block's
 * exit state.
 */
typedef void (*pt_dataflow_visit)(const void *state, const pt_block *block,
                                  const pt_event *event, void *user);

/* Replays every reached block in order, calling `visit` as above. */
void pt_dataflow_replay(const pt_function *fn, const pt_dataflow *analysis,
                        const pt_dataflow_result *result,
                        pt_dataflow_visit visit, void *user);

/* ---- bitsets, the usual state ---- */

static inline bool pt_bit_get(const void *set, uint32_t bit)
{
    return (((const uint8_t *)set)[bit / 8] >> (bit % 8)) & 1u;
}

static inline void pt_bit_set(void *set, uint32_t bit, bool on)
{
    uint8_t *byte = &((uint8_t *)set)[bit / 8];
    uint8_t mask = (uint8_t)(1u << (bit % 8));
    *byte = on ? (uint8_t)(*byte | mask) : (uint8_t)(*byte & ~mask);
}

/* Joins for bitsets: union (may) and intersection (must). */
void pt_bits_union(void *into, const void *from, size_t size, void *user);
/* into &= from: a bit stays set only when it is set on every path. */
void pt_bits_intersect(void *into, const void *from, size_t size,
                       void *user);

/* ---- names: a small interner for the paths an analysis tracks ---- */

/* Interned names, numbered in the order they were added (bit indices of
   a state); zero-initialised is empty; hashed once it holds 16.  Empty it
   with pt_names_free(), never by setting len: the hash index would
   still name the old entries. */
typedef struct pt_names {
    const char **items;         /* borrowed strings */
    uint32_t len;
    uint32_t cap;
    uint32_t *slots;            /* heap hash index (index + 1), once large */
    uint32_t nslots;            /* a power of two, or 0 */
} pt_names;

/* The index of `name`, adding it when new.  Aborts when out of memory. */
uint32_t pt_names_add(pt_names *names, const char *name);

/* The index of `name`, or -1. */
int32_t pt_names_find(const pt_names *names, const char *name);

/* Frees the arrays, not the borrowed names; the set is empty after. */
void pt_names_free(pt_names *names);

/* Per block of `fn`: reachable from the entry along GOTO and BRANCH
   edges?  A heap array of fn->blocks.len + 1 flags, or NULL when out of
   memory; the caller frees it. */
bool *pt_reachable_blocks(const pt_function *fn);

#endif
