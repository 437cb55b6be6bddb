/*
 * lock_leak.c - paths that leave a function with a lock still held, and
 * releases of a lock the path does not hold.
 *
 * A may-lockset (held on some path) is solved per function.  At each
 * exit (return, falling off the end, raise) a lock the function itself
 * acquired and that is still held is a leak, reported at the exit with
 * the acquire as evidence.  A release of a lock the function acquires
 * elsewhere but that no path holds here is a bad release.  A lock the
 * function releases before acquiring it is the caller's (a wait that
 * drops and retakes it) and is neither leaked nor badly released here.
 * Functions whose
 * purpose is to take or drop a lock (their name has the word lock,
 * unlock, acquire, release, mutex, enter or leave; Python's __enter__
 * and __exit__) are exempt.
 */
#include <stdlib.h>
#include <string.h>

#include "ptlint/rule.h"
#include "rules/util_lockset.h"
#include "rules/util_rule.h"

typedef struct leak_check {
    pt_rule_ctx *ctx;
    const pt_function *fn;
    pt_lockset *ls;
    pt_loc *acquired_at;        /* first acquire of each lock, line 0: none */
    bool *callers;              /* per lock: the caller's, released first */
    bool reporting;             /* false on the first pass */
} leak_check;

/* True for functions whose job is to acquire or release. */
static bool is_lock_wrapper(const char *name)
{
    return pt_name_has_word(name, "lock") ||
           pt_name_has_word(name, "unlock") ||
           pt_name_has_word(name, "acquire") ||
           pt_name_has_word(name, "release") ||
           pt_name_has_word(name, "mutex") ||
           pt_name_has_word(name, "enter") ||
           pt_name_has_word(name, "leave") ||
           strcmp(name, "__enter__") == 0 || strcmp(name, "__exit__") == 0;
}

static void find_acquires(leak_check *check)
{
    for (uint32_t b = 0; b < check->fn->blocks.len; b++) {
        const pt_block *block = pt_function_block(check->fn, b);
        for (uint32_t i = 0; i < block->events.len; i++) {
            const pt_event *event = pt_block_event(block, i);
            int32_t lock = pt_names_find(&check->ls->locks, event->name);
            if (event->kind == PT_EV_ACQUIRE && lock >= 0 &&
                check->acquired_at[lock].line == 0) {
                check->acquired_at[lock] = event->loc;
            }
        }
    }
}

static void report_exit(leak_check *check, const pt_block *block,
                        const void *state)
{
    for (uint32_t lock = 0; lock < check->ls->locks.len; lock++) {
        if (!pt_lockset_held(state, lock) || check->callers[lock] ||
            check->acquired_at[lock].line == 0) {
            continue;
        }
        const char *how = block->term == PT_TERM_RAISE ? "raises" : "returns";
        pt_finding *finding = pt_report(
            check->ctx, block->term_loc,
            "'%s' is still held when '%s' %s here",
            check->ls->locks.items[lock], check->fn->name, how);
        pt_finding_add_step(check->ctx, finding, check->acquired_at[lock],
                            "'%s' acquired here",
                            check->ls->locks.items[lock]);
    }
}

static void report_release(leak_check *check, const pt_event *event,
                           const void *state)
{
    int32_t lock = pt_names_find(&check->ls->locks, event->name);
    if (lock < 0 || event->implicit || pt_lockset_held(state, (uint32_t)lock)) {
        return;
    }
    if (!pt_lockset_touched(check->ls, state, (uint32_t)lock)) {
        check->callers[lock] = true;
        return;
    }
    if (!check->reporting || check->callers[lock]) {
        return;
    }
    pt_finding *finding = pt_report(
        check->ctx, event->loc,
        "'%s' is released here but no path to this point holds it",
        event->name);
    pt_finding_add_step(check->ctx, finding, check->acquired_at[lock],
                        "'%s' is acquired only here", event->name);
}

static void visit(const void *state, const pt_block *block,
                  const pt_event *event, void *user)
{
    leak_check *check = user;
    if (event == NULL && !check->reporting) {
        return;
    }
    if (event == NULL) {
        bool leaves = block->term == PT_TERM_RETURN ||
                      (block->term == PT_TERM_RAISE && block->handler < 0);
        if (leaves) {
            report_exit(check, block, state);
        }
    } else if (event->kind == PT_EV_RELEASE) {
        report_release(check, event, state);
    }
}

static void check_function(pt_rule_ctx *ctx, const pt_unit *unit,
                           const pt_function *fn)
{
    pt_lockset ls;
    if (pt_lockset_solve(&ls, ctx, unit, fn, false) && ls.locks.len > 0) {
        leak_check check = {
            .ctx = ctx, .fn = fn, .ls = &ls,
            .acquired_at = calloc(ls.locks.len, sizeof(pt_loc)),
            .callers = calloc(ls.locks.len, sizeof(bool)),
        };
        if (check.acquired_at != NULL && check.callers != NULL) {
            find_acquires(&check);
            /* First pass: which locks are the caller's; then report. */
            pt_dataflow_replay(fn, &ls.analysis, &ls.result, visit, &check);
            check.reporting = true;
            pt_dataflow_replay(fn, &ls.analysis, &ls.result, visit, &check);
        }
        free(check.acquired_at);
        free(check.callers);
    }
    pt_lockset_free(&ls);
}

static void check_lock_leak(pt_rule_ctx *ctx, const pt_unit *unit)
{
    for (uint32_t i = 0; i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        if (!fn->partial && !is_lock_wrapper(fn->name)) {
            check_function(ctx, unit, fn);
        }
    }
}

const pt_rule pt_rule_lock_leak = {
    .id = "lock-leak",
    .summary = "A path that leaves a function with a lock still held, or "
               "releases a lock it does not hold.",
    .severity = PT_SEV_ERROR,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .check_unit = check_lock_leak,
};
