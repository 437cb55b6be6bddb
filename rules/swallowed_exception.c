/*
 * swallowed_exception.c - a bare or broad `except` that discards the
 * error.
 *
 * An `except:` or an `except` naming Exception or BaseException whose body
 * neither re-raises (any `raise`), nor uses the bound exception, nor calls
 * a logging function (a call on a receiver of the `logging` vocabulary:
 * LOG.*, logger.*, logging.*) is reported at the `except` line.
 */
#include <string.h>

#include "ptlint/rule.h"

static bool is_broad(const pt_handler *handler)
{
    if (handler->nclasses == 0) {
        return true;
    }
    for (uint32_t i = 0; i < handler->nclasses; i++) {
        const char *name = handler->classes[i];
        const char *dot = strrchr(name, '.');
        name = dot != NULL ? dot + 1 : name;
        if (strcmp(name, "Exception") == 0 ||
            strcmp(name, "BaseException") == 0) {
            return true;
        }
    }
    return false;
}

/* Calls that take the current exception themselves: the handler hands
   the error on (`onerror(func, path, sys.exc_info())`, print_exc()). */
static bool hands_on_error(const char *callee)
{
    static const char *const names[] = {
        "exc_info", "exception", "print_exc", "format_exc",
        "print_exception", "format_exception", NULL,
    };
    for (const char *const *n = names; callee != NULL && *n != NULL; n++) {
        if (strcmp(callee, *n) == 0) {
            return true;
        }
    }
    return false;
}

/* True when an event inside the handler's lines keeps the error. */
static bool keeps_error(pt_rule_ctx *ctx, const pt_handler *handler,
                        const pt_event *event)
{
    if (event->loc.line < handler->first_line ||
        event->loc.line > handler->last_line || event->implicit) {
        return false;
    }
    switch (event->kind) {
    case PT_EV_RAISE:
        return true;
    case PT_EV_READ:
        return handler->bound != NULL && event->name != NULL &&
               strcmp(event->name, handler->bound) == 0;
    case PT_EV_CALL:
        return (event->base != NULL &&
                pt_vocab_has(ctx, PT_VOCAB_LOGGING, event->base)) ||
               hands_on_error(event->name);
    default:
        return false;
    }
}

static bool handler_keeps_error(pt_rule_ctx *ctx, const pt_function *fn,
                                const pt_handler *handler)
{
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *block = pt_function_block(fn, b);
        for (uint32_t e = 0; e < block->events.len; e++) {
            if (keeps_error(ctx, handler, pt_block_event(block, e))) {
                return true;
            }
        }
    }
    return false;
}

static void check_function(pt_rule_ctx *ctx, const pt_function *fn)
{
    for (uint32_t r = 0; r < fn->try_regions.len; r++) {
        const pt_try_region *region = pt_function_try(fn, r);
        const pt_handler *handlers = region->handlers.items;
        for (uint32_t h = 0; h < region->handlers.len; h++) {
            if (is_broad(&handlers[h]) &&
                !handler_keeps_error(ctx, fn, &handlers[h])) {
                pt_report(ctx, handlers[h].loc, "%s swallows the error: it "
                          "neither re-raises, uses, nor logs it",
                          handlers[h].nclasses == 0 ? "bare 'except:'"
                                                    : "broad 'except'");
            }
        }
    }
}

static void check_swallowed(pt_rule_ctx *ctx, const pt_unit *unit)
{
    for (uint32_t i = 0; i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        if (!fn->partial) {
            check_function(ctx, fn);
        }
    }
}

const pt_rule pt_rule_swallowed_exception = {
    .id = "swallowed-exception",
    .summary = "A bare or broad Python except that discards the error.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_PYTHON,
    .enabled = true,
    .check_unit = check_swallowed,
};
