/*
 * unused_variable.c - locals that are never read.
 *
 * C: clang's -Wunused-variable and -Wunused-but-set-variable: a local
 * never read, assigned or not; `(void)x` and `__attribute__((unused))`
 * count as uses.  Python: pyflakes' F841: a local whose last binding is an
 * assignment or `with ... as x` (not unpacking, unless of a literal of
 * the same length, nor a loop) and never read, and each `except ... as x`
 * not read in its own handler, in any scope; names starting with an
 * underscore are exempt, and so are functions that call `locals()`.
 * Reads count in source order, as pyflakes counts them (python_used).
 * Functions that did not parse completely are skipped: the read may sit
 * in the part that did not parse.
 */
#include <string.h>

#include "ptlint/rule.h"
#include "rules/util_rule.h"

/* True when the rule should look at locals of this function.  Python:
   an `except ... as name` outside any function is a local of no function
   (index -1), checked when the module parsed (pyflakes reports it in any
   scope). */
static bool function_checkable(const pt_unit *unit, int32_t index)
{
    if (index < 0 && unit->language == PT_LANG_PYTHON) {
        return unit->errors.len == 0;
    }
    if (index < 0 || (uint32_t)index >= unit->functions.len) {
        return false;
    }
    const pt_function *fn = pt_unit_function(unit, (uint32_t)index);
    if (fn->partial) {
        return false;
    }
    return unit->language != PT_LANG_PYTHON ||
           !pt_function_calls(fn, "locals");
}

/* A position in a function's flow: source location, and where the
   event sits, to order a read and an assignment on one line. */
typedef struct flow_pos {
    pt_loc loc;
    uint32_t block;
    uint32_t index;
} flow_pos;

/* True when the read at `r` happens before the assignment at `a`: an
   earlier line, or the same line and block and an earlier event
   (`x = x + 1`). */
static bool read_precedes(flow_pos r, flow_pos a)
{
    if (r.loc.line != a.loc.line) {
        return r.loc.line < a.loc.line;
    }
    return r.block == a.block && r.index < a.index;
}

/* The first assignment to `name` in the function's flow; false when
   there is none. */
static bool first_assignment(const pt_function *fn, const char *name,
                             flow_pos *first)
{
    bool found = false;
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *blk = pt_function_block(fn, b);
        for (uint32_t i = 0; i < blk->events.len; i++) {
            const pt_event *e = pt_block_event(blk, i);
            flow_pos at = {e->loc, b, i};
            if (e->kind == PT_EV_ASSIGN && !e->implicit && e->name != NULL &&
                strcmp(e->name, name) == 0 &&
                (!found || read_precedes(at, *first))) {
                *first = at;
                found = true;
            }
        }
    }
    return found;
}

/* Reads of `name` in the function's own flow: all, and those that do
   not come before `first`. */
static void count_reads(const pt_function *fn, const char *name,
                        flow_pos first, uint32_t *all, uint32_t *after)
{
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *blk = pt_function_block(fn, b);
        for (uint32_t i = 0; i < blk->events.len; i++) {
            const pt_event *e = pt_block_event(blk, i);
            if (e->kind != PT_EV_READ || e->implicit || e->name == NULL ||
                strcmp(e->name, name) != 0) {
                continue;
            }
            flow_pos at = {e->loc, b, i};
            (*all)++;
            *after += !read_precedes(at, first);
        }
    }
}

/* True when `decl` is the `as` name of one of the function's handlers. */
static bool is_handler_name(const pt_function *fn, const pt_decl *decl)
{
    for (uint32_t r = 0; r < fn->try_regions.len; r++) {
        const pt_try_region *region = pt_function_try(fn, r);
        const pt_handler *h = region->handlers.items;
        for (uint32_t i = 0; i < region->handlers.len; i++) {
            if (h[i].bound != NULL && strcmp(h[i].bound, decl->name) == 0 &&
                h[i].loc.line == decl->loc.line) {
                return true;
            }
        }
    }
    return false;
}

/* True when a Python local that has reads is used as pyflakes sees it.
   pyflakes judges bindings in source order: a read before the name's
   first binding in its function (a loop reading what a later statement
   of its body assigns) did not use it, while reads from nested functions
   run later and always count.  So the local is used when its function's
   flow reads it after the first assignment, or when something outside
   that flow (a nested function) reads it.  A flow read that is not the
   local's (a comprehension's own variable of the same name) can only
   make it look used, never unused.  An except handler's name is read by
   its own body only, after it. */
static bool python_used(const pt_unit *unit, const pt_decl *decl)
{
    if (decl->function < 0 ||
        (uint32_t)decl->function >= unit->functions.len) {
        return true;
    }
    const pt_function *fn = pt_unit_function(unit,
                                             (uint32_t)decl->function);
    flow_pos first = {{0}, 0, 0};
    if (is_handler_name(fn, decl) ||
        !first_assignment(fn, decl->name, &first)) {
        return true;
    }
    uint32_t all = 0;
    uint32_t after = 0;
    count_reads(fn, decl->name, first, &all, &after);
    return after > 0 || decl->reads > all;
}

static bool local_is_unused(const pt_unit *unit, const pt_decl *decl)
{
    if (decl->kind != PT_DECL_LOCAL || decl->marked_unused) {
        return false;
    }
    if (unit->language != PT_LANG_PYTHON) {
        return decl->reads == 0 && function_checkable(unit, decl->function);
    }
    if (decl->is_tuple_target || decl->is_global_stmt ||
        decl->name[0] == '_' || !function_checkable(unit, decl->function)) {
        return false;
    }
    return decl->reads == 0 || !python_used(unit, decl);
}

static void check_unused_variable(pt_rule_ctx *ctx, const pt_unit *unit)
{
    for (uint32_t i = 0; i < unit->decls.len; i++) {
        const pt_decl *decl = pt_unit_decl(unit, i);
        if (!local_is_unused(unit, decl)) {
            continue;
        }
        if (decl->writes > 0 || unit->language == PT_LANG_PYTHON) {
            pt_report(ctx, decl->loc,
                      "local variable '%s' is assigned but never read",
                      decl->name);
        } else {
            pt_report(ctx, decl->loc, "local variable '%s' is never used",
                      decl->name);
        }
    }
}

const pt_rule pt_rule_unused_variable = {
    .id = "unused-variable",
    .summary = "A local variable that is never read (set-but-unused "
               "counts).",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .check_unit = check_unused_variable,
};
