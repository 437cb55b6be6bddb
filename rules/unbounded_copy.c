/*
 * unbounded_copy.c - a parameter's string copied with an unbounded
 * function.
 *
 * In an entry point (a C function with external linkage), a value that
 * comes from a pointer parameter, directly or through assignments, passed
 * as a source of a function in the `unbounded-copy` vocabulary (strcpy,
 * stpcpy, strcat, sprintf, vsprintf, gets, ...) is reported at the call,
 * validated or not: the length check belongs in the copy itself.
 */
#include <string.h>

#include "ptlint/rule.h"
#include "rules/util_taint.h"

/* Index of the first argument that is a source, for the known shapes. */
static uint32_t first_source(const char *callee)
{
    if (strcmp(callee, "gets") == 0) {
        return 0;
    }
    if (strstr(callee, "sprintf") != NULL) {
        return 2;               /* buffer, format, then the values */
    }
    return 1;                   /* destination, then source */
}

static void check_call(pt_rule_ctx *ctx, const pt_taint *taint,
                       const pt_event *event)
{
    if (strcmp(event->name, "gets") == 0) {
        pt_report(ctx, event->loc, "'gets' cannot bound its copy; use "
                  "'fgets'");
        return;
    }
    for (uint32_t i = first_source(event->name); i < event->nargs; i++) {
        const char *param = pt_taint_origin(taint, &event->args[i]);
        if (param != NULL) {
            pt_report(ctx, event->loc, "parameter '%s' is copied with "
                      "unbounded '%s'; use a bounded copy (snprintf, "
                      "memcpy with a checked length)", param, event->name);
            return;
        }
    }
}

static void check_function(pt_rule_ctx *ctx, const pt_unit *unit,
                           const pt_function *fn)
{
    pt_taint taint;
    pt_taint_compute(&taint, unit, fn, true);
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *block = pt_function_block(fn, b);
        for (uint32_t e = 0; e < block->events.len; e++) {
            const pt_event *event = pt_block_event(block, e);
            if (event->kind == PT_EV_CALL && event->name != NULL &&
                pt_vocab_has(ctx, PT_VOCAB_UNBOUNDED_COPY, event->name)) {
                check_call(ctx, &taint, event);
            }
        }
    }
    pt_taint_free(&taint);
}

static void check_unbounded_copy(pt_rule_ctx *ctx, const pt_unit *unit)
{
    for (uint32_t i = 0; i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        if (fn->is_public) {
            check_function(ctx, unit, fn);
        }
    }
}

const pt_rule pt_rule_unbounded_copy = {
    .id = "unbounded-copy",
    .summary = "A parameter-derived string copied with an unbounded "
               "function (strcpy, strcat, sprintf, ...).",
    .severity = PT_SEV_ERROR,
    .languages = PT_LANGS_C,
    .enabled = true,
    .check_unit = check_unbounded_copy,
};
