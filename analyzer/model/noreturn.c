/*
 * noreturn.c - blocks that end in a call that never returns.
 *
 * Neither C frontend knows that abort() does not come back, so after
 * `if (p == NULL) { abort(); }` the flow would go on with p NULL.  This
 * pass, run on every C unit after its frontend, ends such a block at the
 * call: the events after it are dead and go, and the block gets no
 * successor.  Being one pass for both frontends, it cannot make them
 * disagree.
 */
#include "model/noreturn.h"

#include <string.h>

static bool is_noreturn(const pt_event *event, const char *const *names,
                        uint32_t count)
{
    if (event->kind != PT_EV_CALL || event->is_method || event->name == NULL) {
        return false;
    }
    for (uint32_t i = 0; i < count; i++) {
        if (strcmp(names[i], event->name) == 0) {
            return true;
        }
    }
    return false;
}

static void cut_block(pt_block *block, const char *const *names,
                      uint32_t count)
{
    for (uint32_t i = 0; i < block->events.len; i++) {
        const pt_event *event = pt_block_event(block, i);
        if (is_noreturn(event, names, count)) {
            block->events.len = i + 1;
            block->term = PT_TERM_NORETURN;
            block->term_loc = event->loc;
            return;
        }
    }
}

void pt_unit_cut_noreturn(pt_unit *unit, const char *const *names,
                          uint32_t count)
{
    if (unit == NULL || unit->language != PT_LANG_C || count == 0) {
        return;
    }
    for (uint32_t f = 0; f < unit->functions.len; f++) {
        pt_function *fn = pt_unit_function(unit, f);
        for (uint32_t b = 0; b < fn->blocks.len; b++) {
            cut_block(pt_function_block(fn, b), names, count);
        }
    }
}
