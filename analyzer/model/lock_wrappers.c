/*
 * lock_wrappers.c - see lock_wrappers.h.
 */
#include "model/lock_wrappers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptlint/arena.h"
#include "ptlint/dataflow.h"

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

/* The path the call passes as the wrapper's lock parameter, or NULL;
   `receiver` when the wrapper is a method with self. */
static const char *argument_path(bool receiver, const pt_event *call,
                                 uint32_t param)
{
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

/* Another file's helper, as the run's facts describe it. */
typedef struct foreign_wrapper {
    const char *name;           /* borrowed from the call event */
    wrapper w;                  /* suffix in the unit's arena */
} foreign_wrapper;

/* The wrappers of the unit, by function index, and other files'. */
typedef struct wrapper_set {
    wrapper *by_function;       /* heap, one per function */
    uint32_t *indices;          /* heap: the functions that are wrappers */
    uint32_t count;
    foreign_wrapper *foreign;   /* heap */
    uint32_t nforeign;
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

/* Another file's wrapper a plain call names, or NULL. */
static const wrapper *foreign_callee(const pt_event *call,
                                     const wrapper_set *set)
{
    for (uint32_t k = 0; !call->is_method && call->name != NULL &&
                         k < set->nforeign; k++) {
        if (strcmp(set->foreign[k].name, call->name) == 0) {
            return &set->foreign[k].w;
        }
    }
    return NULL;
}

/* The wrapper a call event reaches, or NULL; sets *receiver. */
static const wrapper *wrapper_called(const pt_unit *unit, const pt_event *call,
                                     const wrapper_set *set, bool *receiver)
{
    *receiver = false;
    if (call->kind != PT_EV_CALL) {
        return NULL;
    }
    int32_t f = callee_of(unit, call, set);
    if (f < 0) {
        return foreign_callee(call, set);
    }
    const pt_function *callee = pt_unit_function(unit, (uint32_t)f);
    *receiver = callee->is_method && !callee->is_static;
    return &set->by_function[f];
}

static bool expand_block(pt_unit *unit, pt_block *block,
                         const wrapper_set *set)
{
    bool added = false;
    for (uint32_t i = 0; i < block->events.len; i++) {
        const pt_event *call = pt_block_event(block, i);
        bool receiver = false;
        const wrapper *w = wrapper_called(unit, call, set, &receiver);
        if (w == NULL) {
            continue;
        }
        const char *path = argument_path(receiver, call, w->param);
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

/* The fact prefix that asks about a helper named `name`. */
static void helper_prefix(char *out, size_t size, const char *name)
{
    snprintf(out, size, "lock-helper:%s:", name);
}

/*
 * The names of plain calls another file may define: no function of the
 * unit has the name and, in Python, the file imports it.  Each once, in
 * the order of the calls; the caller frees the set.
 */
static pt_names foreign_names(const pt_unit *unit)
{
    pt_names defined = {0};
    pt_names imported = {0};
    pt_names calls = {0};
    for (uint32_t f = 0; f < unit->functions.len; f++) {
        const char *name = pt_unit_function(unit, f)->name;
        if (name != NULL) {
            pt_names_add(&defined, name);
        }
    }
    for (uint32_t d = 0; d < unit->decls.len; d++) {
        const pt_decl *decl = pt_unit_decl(unit, d);
        if (decl->kind == PT_DECL_IMPORT) {
            pt_names_add(&imported, decl->name);
        }
    }
    bool python = unit->language == PT_LANG_PYTHON;
    for (uint32_t f = 0; f < unit->functions.len; f++) {
        const pt_function *fn = pt_unit_function(unit, f);
        for (uint32_t b = 0; b < fn->blocks.len; b++) {
            const pt_block *block = pt_function_block(fn, b);
            for (uint32_t i = 0; i < block->events.len; i++) {
                const pt_event *call = pt_block_event(block, i);
                bool plain = call->kind == PT_EV_CALL && !call->is_method &&
                             call->name != NULL && call->nargs > 0;
                if (plain && pt_names_find(&defined, call->name) < 0 &&
                    (!python || pt_names_find(&imported, call->name) >= 0)) {
                    pt_names_add(&calls, call->name);
                }
            }
        }
    }
    pt_names_free(&defined);
    pt_names_free(&imported);
    return calls;
}

/* Reads "acquire:0:.lock" (after the prefix) into `w`. */
static bool parse_helper(pt_arena *arena, const char *text, wrapper *w)
{
    uint8_t kind = strncmp(text, "acquire:", 8) == 0   ? PT_EV_ACQUIRE
                   : strncmp(text, "release:", 8) == 0 ? PT_EV_RELEASE : 0;
    if (kind == 0) {
        return false;
    }
    char *end = NULL;
    unsigned long param = strtoul(text + 8, &end, 10);
    if (end == text + 8 || *end != ':') {
        return false;
    }
    *w = (wrapper){kind, (uint32_t)param, pt_arena_strdup(arena, end + 1)};
    return true;
}

/* Asks the run about each function another file may define, and keeps
   the helpers it knows (the first answer for a name wins). */
static void ask_foreign(pt_unit *unit, const pt_fact_io *io, wrapper_set *set)
{
    char prefix[256];
    pt_names names = foreign_names(unit);
    set->foreign = calloc(names.len + 1, sizeof(foreign_wrapper));
    if (set->foreign == NULL) {
        abort();
    }
    for (uint32_t k = 0; k < names.len; k++) {
        helper_prefix(prefix, sizeof(prefix), names.items[k]);
        const char *const *answers = NULL;
        size_t count = pt_fact_io_ask(io, prefix, &answers);
        wrapper w = {0};
        if (count > 0 &&
            parse_helper(unit->arena, answers[0] + strlen(prefix), &w)) {
            set->foreign[set->nforeign++] =
                (foreign_wrapper){names.items[k], w};
        }
    }
    pt_names_free(&names);
}

/* States the unit's helpers other files can call (C: external linkage;
   Python: module-level) as "lock-helper:NAME:KIND:PARAM:SUFFIX". */
static void state_helpers(const pt_unit *unit, const pt_fact_io *io,
                          const wrapper_set *set)
{
    for (uint32_t k = 0; io != NULL && io->stated != NULL && k < set->count;
         k++) {
        const pt_function *fn = pt_unit_function(unit, set->indices[k]);
        const pt_decl *decl = fn->decl >= 0
                                  ? pt_unit_decl(unit, (uint32_t)fn->decl)
                                  : NULL;
        if (decl == NULL || decl->kind != PT_DECL_FUNCTION ||
            fn->is_nested || (unit->language == PT_LANG_C && !decl->is_public)) {
            continue;
        }
        const wrapper *w = &set->by_function[set->indices[k]];
        char fact[512];
        int len = snprintf(fact, sizeof(fact), "lock-helper:%s:%s:%u:%s",
                           fn->name,
                           w->kind == PT_EV_ACQUIRE ? "acquire" : "release",
                           w->param, w->suffix);
        if (len > 0 && (size_t)len < sizeof(fact)) {
            pt_facts_add(io->stated, fact);
        }
    }
}

void pt_unit_expand_lock_wrappers(pt_unit *unit, const pt_fact_io *io)
{
    uint32_t n = unit != NULL ? unit->functions.len : 0;
    wrapper_set set = {
        .by_function = n > 0 ? calloc(n, sizeof(wrapper)) : NULL,
        .indices = n > 0 ? calloc(n, sizeof(uint32_t)) : NULL,
    };
    bool changed = set.by_function != NULL && set.indices != NULL;
    if (changed && io != NULL) {
        ask_foreign(unit, io, &set);
    }
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
        for (uint32_t f = 0; set.count + set.nforeign > 0 && f < n; f++) {
            pt_function *fn = pt_unit_function(unit, f);
            for (uint32_t b = 0; b < fn->blocks.len; b++) {
                changed |= expand_block(unit, pt_function_block(fn, b), &set);
            }
        }
    }
    if (set.by_function != NULL) {
        state_helpers(unit, io, &set);
    }
    free(set.by_function);
    free(set.indices);
    free(set.foreign);
}
