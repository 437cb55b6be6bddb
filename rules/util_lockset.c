/*
 * lockset.c - see lockset.h.
 */
#include "rules/util_lockset.h"

#include "ptlint/rule.h"
#include "rules/util_rule.h"

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
    if (index < 0) {
        return;
    }
    pt_bit_set(state, (uint32_t)index, event->kind == PT_EV_ACQUIRE);
    if (event->kind == PT_EV_ACQUIRE) {
        pt_bit_set(state, ls->locks.len + (uint32_t)index, true);
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

/* Words that name a lock in Python. */
static const char *const lock_words[] = {
    "lock", "rlock", "mutex", "mtx", "cond", "condition", "cv", NULL,
};

/* True when a constructor call named `callee` ("Lock", or with its
   module, "threading.Lock") makes a lock type of the vocabulary. */
static bool constructs_lock(pt_rule_ctx *ctx, const char *callee)
{
    uint32_t count = 0;
    const char *const *types = pt_vocab_list(ctx, PT_VOCAB_LOCK_TYPE, &count);
    if (strstr(callee, "Semaphore") != NULL) {
        return false;           /* a semaphore counts; it is not held */
    }
    for (uint32_t i = 0; i < count; i++) {
        const char *dot = strrchr(types[i], '.');
        const char *last = dot != NULL ? dot + 1 : types[i];
        if (strcmp(callee, types[i]) == 0 || strcmp(callee, last) == 0) {
            return true;
        }
    }
    return false;
}

/* True when some event of the unit assigns `path` a new lock. */
static bool assigned_a_lock(pt_rule_ctx *ctx, const pt_unit *unit,
                            const char *path)
{
    for (uint32_t f = 0; f < unit->functions.len; f++) {
        const pt_function *fn = pt_unit_function(unit, f);
        for (uint32_t b = 0; b < fn->blocks.len; b++) {
            const pt_block *block = pt_function_block(fn, b);
            for (uint32_t i = 0; i < block->events.len; i++) {
                const pt_event *e = pt_block_event(block, i);
                if ((e->kind != PT_EV_ASSIGN && e->kind != PT_EV_FIELD_WRITE) ||
                    e->nargs == 0 || e->args[0].kind != PT_VAL_CALL ||
                    e->args[0].text == NULL) {
                    continue;
                }
                /* a field write without a base (`f().x = ...`) names
                   no path */
                size_t base = e->base != NULL ? strlen(e->base) : 0;
                bool same = e->kind == PT_EV_ASSIGN
                    ? strcmp(e->name, path) == 0
                    : e->base != NULL && strncmp(path, e->base, base) == 0 &&
                      path[base] == '.' &&
                      strcmp(path + base + 1, e->name) == 0;
                if (same && constructs_lock(ctx, e->args[0].text)) {
                    return true;
                }
            }
        }
    }
    return false;
}

/* True when `path` is a lock: always in C, by name or origin in Python. */
static bool is_lock_path(pt_rule_ctx *ctx, const pt_unit *unit,
                         const char *path)
{
    if (unit->language == PT_LANG_C) {
        return true;
    }
    const char *dot = strrchr(path, '.');
    const char *last = dot != NULL ? dot + 1 : path;
    for (const char *const *w = lock_words; *w != NULL; w++) {
        if (pt_name_has_word(last, *w)) {
            return true;
        }
    }
    return ctx != NULL && assigned_a_lock(ctx, unit, path);
}

/* Collects the function's lock names before solving. */
static void collect_locks(pt_lockset *ls, pt_rule_ctx *ctx,
                          const pt_unit *unit, const pt_function *fn)
{
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *block = pt_function_block(fn, b);
        for (uint32_t i = 0; i < block->events.len; i++) {
            const pt_event *event = pt_block_event(block, i);
            bool takes_or_drops = event->kind == PT_EV_ACQUIRE ||
                                  event->kind == PT_EV_RELEASE;
            if (takes_or_drops && (pt_names_find(&ls->locks, event->name) >= 0 ||
                               is_lock_path(ctx, unit, event->name))) {
                pt_names_add(&ls->locks, event->name);
                note_result_var(ls, block, i);
            }
        }
    }
}

bool pt_lockset_solve(pt_lockset *ls, pt_rule_ctx *ctx, const pt_unit *unit,
                      const pt_function *fn, bool must)
{
    memset(ls, 0, sizeof(*ls));
    ls->language = unit->language;
    collect_locks(ls, ctx, unit, fn);
    ls->analysis = (pt_dataflow){
        .state_size = (2 * ls->locks.len) / 8 + 1,
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

bool pt_lockset_touched(const pt_lockset *ls, const void *state,
                        uint32_t index)
{
    return pt_bit_get(state, ls->locks.len + index);
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
