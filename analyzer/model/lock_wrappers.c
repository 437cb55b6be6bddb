/*
 * lock_wrappers.c - see lock_wrappers.h.
 */
#include "model/lock_wrappers.h"

#include <stdlib.h>
#include <string.h>

#include "ptlint/arena.h"

/* What one function does to a lock reached from a parameter. */
typedef struct wrapper {
    uint8_t kind;               /* PT_EV_ACQUIRE, PT_EV_RELEASE, or 0 */
    uint32_t param;             /* which parameter carries the lock */
    const char *suffix;         /* the path after it: ".lock" or "" */
} wrapper;

/* The parameter `path` starts from ("t" of "t.lock"), or -1. */
static int32_t rooted_param(const pt_unit *unit, const pt_function *fn,
                            const char *path, const char **suffix)
{
    for (uint32_t i = 0; path != NULL && i < fn->params.len; i++) {
        const char *name = pt_unit_decl(unit, pt_function_param(fn, i))->name;
        size_t len = strlen(name);
        if (strncmp(path, name, len) == 0 &&
            (path[len] == '\0' || path[len] == '.')) {
            *suffix = path + len;
            return (int32_t)i;
        }
    }
    return -1;
}

/* True when some event of `fn` of `kind` names `path`. */
static bool has_event(const pt_function *fn, uint8_t kind, const char *path)
{
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *block = pt_function_block(fn, b);
        for (uint32_t i = 0; i < block->events.len; i++) {
            const pt_event *e = pt_block_event(block, i);
            if (e->kind == kind && e->name != NULL &&
                strcmp(e->name, path) == 0) {
                return true;
            }
        }
    }
    return false;
}

/* Whether `fn` acquires (or releases) a parameter's lock and leaves it
   so: only acquires, or only releases, of that path. */
static wrapper classify(const pt_unit *unit, const pt_function *fn)
{
    wrapper w = {0};
    for (uint32_t b = 0; b < fn->blocks.len && w.kind == 0; b++) {
        const pt_block *block = pt_function_block(fn, b);
        for (uint32_t i = 0; i < block->events.len && w.kind == 0; i++) {
            const pt_event *e = pt_block_event(block, i);
            uint8_t other = e->kind == PT_EV_ACQUIRE ? PT_EV_RELEASE
                            : e->kind == PT_EV_RELEASE ? PT_EV_ACQUIRE : 0;
            const char *suffix = NULL;
            int32_t param = other != 0 ? rooted_param(unit, fn, e->name,
                                                      &suffix)
                                       : -1;
            if (param >= 0 && !has_event(fn, other, e->name)) {
                w = (wrapper){e->kind, (uint32_t)param, suffix};
            }
        }
    }
    return w;
}

static bool ends_with(const char *text, const char *suffix)
{
    size_t n = strlen(text), k = strlen(suffix);
    return n >= k && strcmp(text + n - k, suffix) == 0;
}

/*
 * True when the unit also does the opposite to a lock with the same
 * suffix somewhere: a `tree_lock()` has its `tree_unlock()`.  A lock
 * taken for good (`_set_tstate_lock()`, which the interpreter releases)
 * has none, and its callers are not made to hold it.
 */
static bool has_counterpart(const pt_unit *unit, const wrapper *w)
{
    uint8_t other = w->kind == PT_EV_ACQUIRE ? PT_EV_RELEASE : PT_EV_ACQUIRE;
    for (uint32_t f = 0; f < unit->functions.len; f++) {
        const pt_function *fn = pt_unit_function(unit, f);
        for (uint32_t b = 0; b < fn->blocks.len; b++) {
            const pt_block *block = pt_function_block(fn, b);
            for (uint32_t i = 0; i < block->events.len; i++) {
                const pt_event *e = pt_block_event(block, i);
                if (e->kind == other && !e->implicit && e->name != NULL &&
                    ends_with(e->name, w->suffix)) {
                    return true;
                }
            }
        }
    }
    return false;
}

/* The path the call passes as the wrapper's lock parameter, or NULL. */
static const char *argument_path(const pt_function *callee,
                                 const pt_event *call, uint32_t param)
{
    bool receiver = callee->is_method && !callee->is_static;
    if (receiver && param == 0) {
        return call->is_method ? call->base : NULL;
    }
    uint32_t index = receiver ? param - 1 : param;
    if (index >= call->nargs) {
        return NULL;
    }
    const pt_value *arg = &call->args[index];
    bool path = arg->kind == PT_VAL_VAR || arg->kind == PT_VAL_FIELD ||
                arg->kind == PT_VAL_ADDRESS;
    return path ? arg->text : NULL;
}

/* Inserts `event` after index `at`, keeping result references right. */
static void insert_after(pt_arena *arena, pt_block *block, uint32_t at,
                         const pt_event *event)
{
    pt_vec_push(arena, &block->events, sizeof(pt_event));
    pt_event *items = block->events.items;
    memmove(&items[at + 2], &items[at + 1],
            (block->events.len - at - 2) * sizeof(pt_event));
    items[at + 1] = *event;
    for (uint32_t i = at + 2; i < block->events.len; i++) {
        for (uint32_t a = 0; a < items[i].nargs; a++) {
            pt_value *v = &items[i].args[a];
            if (v->kind == PT_VAL_CALL && v->call > (int32_t)at) {
                v->call++;
            }
        }
    }
}

/* True when the call at `at` is already followed by a lock event on
   `path` (an earlier round, or a finally body copied after expansion). */
static bool already_expanded(const pt_block *block, uint32_t at,
                             const char *path)
{
    const pt_event *call = pt_block_event(block, at);
    for (uint32_t i = at + 1; i < block->events.len; i++) {
        const pt_event *next = pt_block_event(block, i);
        if ((next->kind != PT_EV_ACQUIRE && next->kind != PT_EV_RELEASE) ||
            next->loc.byte != call->loc.byte) {
            return false;
        }
        if (strcmp(next->name, path) == 0) {
            return true;
        }
    }
    return false;
}

/* The wrappers of the unit, by function index. */
typedef struct wrapper_set {
    wrapper *by_function;       /* heap, one per function */
    uint32_t *indices;          /* heap: the functions that are wrappers */
    uint32_t count;
} wrapper_set;

/* The wrapper a call names, or -1 (methods by name too). */
static int32_t callee_of(const pt_unit *unit, const pt_event *call,
                         const wrapper_set *set)
{
    for (uint32_t k = 0; call->name != NULL && k < set->count; k++) {
        const pt_function *fn = pt_unit_function(unit, set->indices[k]);
        /* a method wraps its own object's lock: only calls on self or
           cls are known to reach it (`lock.acquire()` is another's) */
        bool own = !call->is_method ||
                   (call->base != NULL && (strcmp(call->base, "self") == 0 ||
                                           strcmp(call->base, "cls") == 0));
        if (own && strcmp(fn->name, call->name) == 0 &&
            (fn->is_method && !fn->is_static) == call->is_method) {
            return (int32_t)set->indices[k];
        }
    }
    return -1;
}

static bool expand_block(pt_unit *unit, pt_block *block,
                         const wrapper_set *set)
{
    bool added = false;
    for (uint32_t i = 0; i < block->events.len; i++) {
        const pt_event *call = pt_block_event(block, i);
        int32_t f = call->kind == PT_EV_CALL
                        ? callee_of(unit, call, set) : -1;
        if (f < 0) {
            continue;
        }
        const wrapper *w = &set->by_function[f];
        const char *path = argument_path(pt_unit_function(unit, (uint32_t)f),
                                         call, w->param);
        const char *lock_path =
            path != NULL ? pt_arena_printf(unit->arena, "%s%s", path,
                                           w->suffix)
                         : NULL;
        if (lock_path == NULL || already_expanded(block, i, lock_path)) {
            continue;
        }
        pt_event lock = {
            .kind = w->kind, .implicit = true, .loc = call->loc,
            .name = lock_path, .try_region = call->try_region,
        };
        insert_after(unit->arena, block, i, &lock);
        added = true;
        i++;
    }
    return added;
}

void pt_unit_expand_lock_wrappers(pt_unit *unit)
{
    uint32_t n = unit != NULL ? unit->functions.len : 0;
    wrapper_set set = {
        .by_function = n > 0 ? calloc(n, sizeof(wrapper)) : NULL,
        .indices = n > 0 ? calloc(n, sizeof(uint32_t)) : NULL,
    };
    bool changed = set.by_function != NULL && set.indices != NULL;
    /* a helper of a helper is seen once the inner call is expanded */
    for (int round = 0; changed && round < 4; round++) {
        changed = false;
        set.count = 0;
        for (uint32_t f = 0; f < n; f++) {
            const pt_function *fn = pt_unit_function(unit, f);
            set.by_function[f] = fn->name != NULL ? classify(unit, fn)
                                                  : (wrapper){0};
            if (set.by_function[f].kind != 0 &&
                has_counterpart(unit, &set.by_function[f])) {
                set.indices[set.count++] = f;
            }
        }
        for (uint32_t f = 0; set.count > 0 && f < n; f++) {
            pt_function *fn = pt_unit_function(unit, f);
            for (uint32_t b = 0; b < fn->blocks.len; b++) {
                changed |= expand_block(unit, pt_function_block(fn, b), &set);
            }
        }
    }
    free(set.by_function);
    free(set.indices);
}
