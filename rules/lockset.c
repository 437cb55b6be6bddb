/*
 * lockset.c - see lockset.h.
 */
#include "rules/lockset.h"

#include <stdlib.h>
#include <string.h>

static void entry_none(void *state, void *user)
{
    pt_lockset *ls = user;
    memset(state, 0, ls->analysis.state_size);
}

static void lock_event(void *state, const pt_event *event, void *user)
{
    pt_lockset *ls = user;
    if (event->kind != PT_EV_ACQUIRE && event->kind != PT_EV_RELEASE) {
        return;
    }
    int32_t index = pt_names_find(&ls->locks, event->name);
    if (index >= 0) {
        pt_bit_set(state, (uint32_t)index, event->kind == PT_EV_ACQUIRE);
    }
}

/* The lock whose acquire result this branch tests, or -1. */
static int32_t tested_acquire(const pt_lockset *ls, const pt_block *block)
{
    for (uint32_t i = 1; i < block->events.len; i++) {
        const pt_event *event = pt_block_event(block, i);
        const pt_event *call = pt_block_event(block, i - 1);
        if (event->kind == PT_EV_ACQUIRE && call->kind == PT_EV_CALL &&
            call->result_used) {
            return pt_names_find(&ls->locks, event->name);
        }
    }
    int32_t var = pt_names_find(&ls->result_vars, block->cond.subject);
    return var >= 0 ? (int32_t)ls->result_locks[var] : -1;
}

static void lock_refine(void *state, const pt_block *block, bool holds,
                        void *user)
{
    pt_lockset *ls = user;
    int32_t lock = tested_acquire(ls, block);
    bool failure_edge = ls->language == PT_LANG_C ? holds : !holds;
    if (lock >= 0 && failure_edge) {
        pt_bit_set(state, (uint32_t)lock, false);
    }
}

/* Records `var = <acquire call>` so a later test of var refines. */
static void note_result_var(pt_lockset *ls, const pt_block *block,
                            uint32_t i)
{
    const pt_event *event = pt_block_event(block, i);
    if (event->kind != PT_EV_ACQUIRE || i + 1 >= block->events.len) {
        return;
    }
    const pt_event *assign = pt_block_event(block, i + 1);
    if (assign->kind != PT_EV_ASSIGN || assign->nargs == 0 ||
        assign->args[0].kind != PT_VAL_CALL) {
        return;
    }
    uint32_t var = pt_names_add(&ls->result_vars, assign->name);
    uint32_t *locks = realloc(ls->result_locks,
                              ls->result_vars.len * sizeof(uint32_t));
    if (locks == NULL) {
        abort();
    }
    ls->result_locks = locks;
    ls->result_locks[var] = pt_names_add(&ls->locks, event->name);
}

/* Collects the function's lock names before solving. */
static void collect_locks(pt_lockset *ls, const pt_function *fn)
{
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *block = pt_function_block(fn, b);
        for (uint32_t i = 0; i < block->events.len; i++) {
            const pt_event *event = pt_block_event(block, i);
            if (event->kind == PT_EV_ACQUIRE || event->kind == PT_EV_RELEASE) {
                pt_names_add(&ls->locks, event->name);
                note_result_var(ls, block, i);
            }
        }
    }
}

bool pt_lockset_solve(pt_lockset *ls, const pt_unit *unit,
                      const pt_function *fn, bool must)
{
    memset(ls, 0, sizeof(*ls));
    ls->language = unit->language;
    collect_locks(ls, fn);
    ls->analysis = (pt_dataflow){
        .state_size = ls->locks.len / 8 + 1,
        .user = ls,
        .entry = entry_none,
        .join = must ? pt_bits_intersect : pt_bits_union,
        .event = lock_event,
        .refine = lock_refine,
    };
    return pt_dataflow_solve(fn, &ls->analysis, &ls->result);
}

bool pt_lockset_held(const void *state, uint32_t index)
{
    return pt_bit_get(state, index);
}

bool pt_lockset_any(const pt_lockset *ls, const void *state)
{
    for (uint32_t i = 0; i < ls->locks.len; i++) {
        if (pt_bit_get(state, i)) {
            return true;
        }
    }
    return false;
}

void pt_lockset_free(pt_lockset *ls)
{
    pt_dataflow_result_free(&ls->result);
    pt_names_free(&ls->locks);
    pt_names_free(&ls->result_vars);
    free(ls->result_locks);
    ls->result_locks = NULL;
}
