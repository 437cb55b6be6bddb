/*
 * nullable.c - see nullable.h.
 */
#include "rules/util_nullable.h"

#include "ptlint/dataflow.h"
#include "ptlint/rule.h"
#include "rules/util_symbols.h"

#include <stdlib.h>
#include <string.h>

const pt_event *pt_value_call(const pt_block *block, const pt_value *value)
{
    if (value->kind != PT_VAL_CALL || value->call < 0 ||
        (uint32_t)value->call >= block->events.len) {
        return NULL;
    }
    const pt_event *call = pt_block_event(block, (uint32_t)value->call);
    return call->kind == PT_EV_CALL ? call : NULL;
}

bool pt_call_may_return_null(struct pt_rule_ctx *ctx, const pt_unit *unit,
                             const pt_fn_index *fns, const bool *known,
                             const pt_event *call)
{
    if (call->name == NULL) {
        return false;
    }
    if (unit->language == PT_LANG_PYTHON && call->is_method &&
        strcmp(call->name, "get") == 0 && call->nargs == 1) {
        return true;
    }
    int32_t index = pt_fn_index_find(fns, call->name);
    if (index >= 0) {
        return known != NULL && known[index];
    }
    return !call->is_method &&
           (pt_vocab_has(ctx, PT_VOCAB_NULLABLE, call->name) ||
            pt_vocab_has(ctx, PT_VOCAB_ALLOCATOR, call->name));
}

typedef struct null_summary {
    struct pt_rule_ctx *ctx;
    const pt_unit *unit;
    const pt_fn_index *fns;
    const bool *known;
} null_summary;

/* Looks at one return; sets *valued when it returns a non-null value. */
static bool return_may_be_null(const null_summary *sum, const pt_block *block,
                               const pt_event *ret, bool *valued)
{
    if (ret->nargs == 0) {
        return false;
    }
    const pt_value *value = &ret->args[0];
    if (value->kind == PT_VAL_NULL) {
        return true;
    }
    *valued = true;
    const pt_event *call = pt_value_call(block, value);
    return call != NULL && pt_call_may_return_null(sum->ctx, sum->unit,
                                                   sum->fns, sum->known, call);
}

/* Whether `fn` may return null, given what is known of the others. */
static bool function_may_return_null(const null_summary *sum,
                                     const pt_function *fn)
{
    bool valued = false;
    bool falls_off = false;
    bool *reached = pt_reachable_blocks(fn);
    bool result = false;
    for (uint32_t b = 0; reached != NULL && b < fn->blocks.len && !result;
         b++) {
        const pt_block *block = pt_function_block(fn, b);
        if (!reached[b]) {
            continue;
        }
        bool returned = false;
        for (uint32_t e = 0; e < block->events.len; e++) {
            const pt_event *event = pt_block_event(block, e);
            if (event->kind != PT_EV_RETURN) {
                continue;
            }
            returned = true;
            result |= return_may_be_null(sum, block, event, &valued);
        }
        falls_off |= block->term == PT_TERM_RETURN && !returned;
    }
    free(reached);
    return result ||
           (sum->unit->language == PT_LANG_PYTHON && valued && falls_off);
}

bool *pt_nullable_functions(struct pt_rule_ctx *ctx, const pt_unit *unit,
                            const pt_fn_index *fns)
{
    bool *known = calloc(unit->functions.len + 1, sizeof(bool));
    if (known == NULL) {
        return NULL;
    }
    null_summary sum = {ctx, unit, fns, known};
    bool changed = true;
    for (int round = 0; changed && round < 8; round++) {
        changed = false;
        for (uint32_t i = 0; i < unit->functions.len; i++) {
            if (!known[i] &&
                function_may_return_null(&sum, pt_unit_function(unit, i))) {
                known[i] = true;
                changed = true;
            }
        }
    }
    return known;
}

/* States "null:SYM :- null:CALLEE" for each return of another file's
   function in `fn`. */
static void state_returned_calls(struct pt_rule_ctx *ctx, const pt_unit *unit,
                                 const pt_fn_index *fns, const pt_function *fn,
                                 const char *symbol)
{
    char callee[256];
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *block = pt_function_block(fn, b);
        for (uint32_t e = 0; e < block->events.len; e++) {
            const pt_event *ret = pt_block_event(block, e);
            const pt_event *call =
                ret->kind == PT_EV_RETURN && ret->nargs > 0
                    ? pt_value_call(block, &ret->args[0]) : NULL;
            if (call != NULL && call->name != NULL &&
                pt_fn_index_find(fns, call->name) < 0 &&
                pt_call_symbol(unit, call, callee, sizeof callee)) {
                pt_fact_add(ctx, "null:%s :- null:%s", symbol, callee);
            }
        }
    }
}

void pt_nullable_state_facts(struct pt_rule_ctx *ctx, const pt_unit *unit,
                             const pt_fn_index *fns, const bool *known)
{
    char symbol[256];
    for (uint32_t i = 0; i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        if (fn->partial ||
            !pt_function_symbol(unit, fn, symbol, sizeof symbol)) {
            continue;
        }
        pt_fact_add(ctx, "defined:%s", symbol);
        if (known[i]) {
            pt_fact_add(ctx, "null:%s", symbol);
        } else {
            state_returned_calls(ctx, unit, fns, fn, symbol);
        }
    }
}
