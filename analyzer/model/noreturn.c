/*
 * noreturn.c - blocks that end in a call that never returns.
 *
 * Neither C frontend knows that abort() does not come back, so after
 * `if (p == NULL) { abort(); }` the flow would go on with p NULL.  This
 * pass, run on every C unit after its frontend, ends such a block at the
 * call: the events after it are dead and go, and the block gets no
 * successor.  Being one pass for both frontends, it cannot make them
 * disagree.  A function of the unit none of whose paths returns (its
 * body ends in abort() on every path, like a `die()` helper) is added
 * to the names, to a fixed point.
 */
#include "model/noreturn.h"

#include "ptlint/dataflow.h"

#include <stdlib.h>
#include <string.h>

/* The vocabulary's names and the unit's own functions that never return. */
typedef struct noreturn_names {
    const char *const *vocab;
    uint32_t nvocab;
    const char **own;           /* heap array; the names live in the unit */
    uint32_t nown;
} noreturn_names;

static bool listed(const char *name, const char *const *names,
                   uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) {
        if (strcmp(names[i], name) == 0) {
            return true;
        }
    }
    return false;
}

static bool is_noreturn_name(const char *name, const noreturn_names *names)
{
    return listed(name, names->vocab, names->nvocab) ||
           listed(name, (const char *const *)names->own, names->nown);
}

static bool is_noreturn(const pt_event *event, const noreturn_names *names)
{
    if (event->kind != PT_EV_CALL || event->is_method || event->name == NULL) {
        return false;
    }
    return is_noreturn_name(event->name, names);
}

static void cut_block(pt_block *block, const noreturn_names *names)
{
    for (uint32_t i = 0; i < block->events.len; i++) {
        const pt_event *event = pt_block_event(block, i);
        if (is_noreturn(event, names)) {
            block->events.len = i + 1;
            block->term = PT_TERM_NORETURN;
            block->term_loc = event->loc;
            return;
        }
    }
}

/* True when some path from the entry leaves the function normally. */
static bool can_return(const pt_function *fn)
{
    bool *reached = pt_reachable_blocks(fn);
    bool returns = reached == NULL || fn->blocks.len == 0;
    for (uint32_t b = 0; !returns && b < fn->blocks.len; b++) {
        const pt_block *block = pt_function_block(fn, b);
        returns = reached[b] && (block->term == PT_TERM_RETURN ||
                                 block->term == PT_TERM_RAISE);
    }
    free(reached);
    return returns;
}

/* Cuts every block; returns true when a function of the unit was found
   never to return and added to the names. */
static bool cut_round(pt_unit *unit, noreturn_names *names)
{
    bool added = false;
    for (uint32_t f = 0; f < unit->functions.len; f++) {
        pt_function *fn = pt_unit_function(unit, f);
        for (uint32_t b = 0; b < fn->blocks.len; b++) {
            cut_block(pt_function_block(fn, b), names);
        }
        if (fn->name == NULL || fn->partial || fn->is_nested ||
            is_noreturn_name(fn->name, names) || can_return(fn)) {
            continue;
        }
        const char **grown = realloc(names->own,
                                     (names->nown + 1) * sizeof(*grown));
        if (grown == NULL) {
            return added;       /* fewer cuts, never a wrong one */
        }
        names->own = grown;
        names->own[names->nown++] = fn->name;
        added = true;
    }
    return added;
}

void pt_unit_cut_noreturn(pt_unit *unit, const char *const *names,
                          uint32_t count)
{
    if (unit == NULL || unit->language != PT_LANG_C) {
        return;
    }
    noreturn_names all = {names, count, NULL, 0};
    /* each round adds a function or stops */
    while (cut_round(unit, &all)) {
    }
    free(all.own);
}
