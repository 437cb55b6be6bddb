/*
 * ignored_error_return.c - results of fallible C calls thrown away.
 *
 * A call whose result is discarded (an expression statement, not cast to
 * void) is reported when the callee is in the `fallible` or `allocators`
 * vocabulary, or when the file checks its result at most of its other
 * call sites (Coverity's CHECKED_RETURN: at least `min-checked-sites`
 * sites and `min-checked-share` percent of them use the result).
 */
#include <stdlib.h>
#include <string.h>

#include "ptlint/dataflow.h"
#include "ptlint/rule.h"

static const pt_option ignored_options[] = {
    {"min-checked-sites", PT_OPT_INT, "3",
     "call sites that use the result before a discarded one is reported"},
    {"min-checked-share", PT_OPT_INT, "75",
     "percent of call sites that use the result"},
    {0},
};

typedef struct call_census {
    pt_names callees;
    uint32_t *sites;
    uint32_t *used;
} call_census;

static void count_call(call_census *census, const pt_event *event)
{
    uint32_t index = pt_names_add(&census->callees, event->name);
    if (index + 1 == census->callees.len) {
        census->sites = realloc(census->sites,
                                census->callees.cap * sizeof(uint32_t));
        census->used = realloc(census->used,
                               census->callees.cap * sizeof(uint32_t));
        if (census->sites == NULL || census->used == NULL) {
            abort();
        }
        census->sites[index] = 0;
        census->used[index] = 0;
    }
    census->sites[index]++;
    census->used[index] += event->result_used || event->void_cast;
}

/* Calls every function makes to callees with a name. */
static void take_census(const pt_unit *unit, call_census *census)
{
    for (uint32_t f = 0; f < unit->functions.len; f++) {
        const pt_function *fn = pt_unit_function(unit, f);
        for (uint32_t b = 0; b < fn->blocks.len; b++) {
            const pt_block *block = pt_function_block(fn, b);
            for (uint32_t e = 0; e < block->events.len; e++) {
                const pt_event *event = pt_block_event(block, e);
                if (event->kind == PT_EV_CALL && event->name != NULL &&
                    !event->implicit) {
                    count_call(census, event);
                }
            }
        }
    }
}

static void check_call(pt_rule_ctx *ctx, const call_census *census,
                       const pt_event *event)
{
    if (pt_vocab_has(ctx, PT_VOCAB_FALLIBLE, event->name)) {
        pt_report(ctx, event->loc, "the result of '%s' is ignored; it "
                  "reports failure through it", event->name);
        return;
    }
    if (pt_vocab_has(ctx, PT_VOCAB_ALLOCATOR, event->name)) {
        pt_report(ctx, event->loc, "the result of '%s' is ignored; the "
                  "memory leaks", event->name);
        return;
    }
    int32_t index = pt_names_find(&census->callees, event->name);
    uint32_t sites = census->sites[index];
    uint32_t used = census->used[index];
    if (used >= (uint32_t)pt_option_int(ctx, "min-checked-sites") &&
        (int64_t)used * 100 >= pt_option_int(ctx, "min-checked-share") *
                                   (int64_t)sites) {
        pt_report(ctx, event->loc, "the result of '%s' is ignored here but "
                  "checked at %u of %u call sites", event->name, used, sites);
    }
}

static void check_ignored(pt_rule_ctx *ctx, const pt_unit *unit)
{
    call_census census = {0};
    take_census(unit, &census);
    for (uint32_t f = 0; f < unit->functions.len; f++) {
        const pt_function *fn = pt_unit_function(unit, f);
        for (uint32_t b = 0; b < fn->blocks.len; b++) {
            const pt_block *block = pt_function_block(fn, b);
            for (uint32_t e = 0; e < block->events.len; e++) {
                const pt_event *event = pt_block_event(block, e);
                if (event->kind == PT_EV_CALL && event->name != NULL &&
                    !event->result_used && !event->void_cast &&
                    !event->implicit) {
                    check_call(ctx, &census, event);
                }
            }
        }
    }
    pt_names_free(&census.callees);
    free(census.sites);
    free(census.used);
}

const pt_rule pt_rule_ignored_error_return = {
    .id = "ignored-error-return",
    .summary = "The result of a fallible C call (allocation, error-code "
               "returns) discarded.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_C,
    .enabled = true,
    .options = ignored_options,
    .check_unit = check_ignored,
};
