/*
 * unguarded_shared_state.c - fields accessed without the lock that
 * guards them everywhere else.
 *
 * Guard inference, as Coverity's GUARDED_BY_VIOLATION: every field access
 * in the file is recorded with whether a lock on the same object (a held
 * lock whose path is a prefix of the access's base) was held.  A field
 * accessed under a lock at least once and in at least `min-guarded-share`
 * percent of its accesses is guarded; each access without the lock is
 * reported, with a guarded access as evidence.  Constructors and
 * destructors (the `exempt` vocabulary) are not counted.  Functions named
 * `*_locked`/`*_with_lock`, functions with a lock decorator, and private
 * functions every caller in the file calls with a lock held are analysed
 * as holding the lock.
 *
 * Across files: every call of another file's function states whether a
 * lock was held ("called-locked:SYM" / "called-unlocked:SYM"); an access
 * without the lock in a function other files can call is dropped when
 * every call of it in the run holds one (model/facts.h).  Such accesses
 * still count as unguarded when the file infers its guards.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptlint/buf.h"
#include "ptlint/rule.h"
#include "rules/util_fn_index.h"
#include "rules/util_lockset.h"
#include "rules/util_rule.h"
#include "rules/util_symbols.h"

static const pt_option unguarded_options[] = {
    {"min-guarded-share", PT_OPT_INT, "50",
     "percent of accesses under the lock that makes a field guarded"},
    {"locked-suffixes", PT_OPT_LIST, "[_locked, _with_lock]",
     "function name endings that mean: called with the lock held"},
    {"lock-decorators", PT_OPT_LIST, "[synchronized]",
     "decorators (substring) that hold a lock over the whole body"},
    {"guard-map", PT_OPT_BOOL, "false",
     "report the inferred map (one note per guarded field) instead; "
     "what `ptlint guards` shows"},
    {0},
};

typedef struct field_access {
    const char *object;         /* owner type, or the base path */
    const char *field;
    const char *lock;           /* the lock held, or NULL */
    pt_loc loc;
    bool write;
    uint32_t function;          /* index of the accessing function */
} field_access;

typedef struct access_log {
    field_access *items;
    size_t len;
    size_t cap;
} access_log;

typedef struct guard_scan {
    pt_rule_ctx *ctx;
    const pt_unit *unit;
    access_log log;
    bool *entry_locked;         /* per function */
    uint32_t *calls;            /* per function: calls seen in the file */
    uint32_t *calls_held;       /* ... of which with a lock held */
    const pt_function *fn;      /* during replay */
    pt_lockset *ls;
    pt_fn_index fns;
    pt_arena *arena;            /* strings made while scanning */
    bool *exempt;               /* per function: not counted at all */
    pt_names call_facts;        /* this round's calls of other files */
} guard_scan;

static bool ends_with(const char *text, const char *suffix)
{
    size_t a = strlen(text);
    size_t b = strlen(suffix);
    return a >= b && strcmp(text + a - b, suffix) == 0;
}

static bool has_suffix_option(pt_rule_ctx *ctx, const char *name)
{
    uint32_t count = 0;
    const char *const *suffixes = pt_option_list(ctx, "locked-suffixes",
                                                 &count);
    for (uint32_t i = 0; i < count; i++) {
        if (ends_with(name, suffixes[i])) {
            return true;
        }
    }
    return false;
}

static bool has_lock_decorator(pt_rule_ctx *ctx, const pt_function *fn)
{
    uint32_t count = 0;
    const char *const *names = pt_option_list(ctx, "lock-decorators", &count);
    for (uint32_t d = 0; d < fn->decorators.len; d++) {
        const char *text = ((const char **)fn->decorators.items)[d];
        for (uint32_t i = 0; text != NULL && i < count; i++) {
            if (strstr(text, names[i]) != NULL) {
                return true;
            }
        }
    }
    return false;
}

/*
 * Constructors and destructors see the object before or after it is
 * shared.  C: a name ending in `_<word>` of the `exempt` vocabulary
 * (pt_tree_new, tree_init, tree_destroy) or the word itself.  Python:
 * `__init__`, `__new__`, `__del__`, and names holding another exempt word
 * (setup, destroy...); "new" alone does not exempt a Python method, where
 * `new_root` adds to a tree that is already shared.
 */
static bool is_exempt(pt_rule_ctx *ctx, const pt_unit *unit,
                      const pt_function *fn)
{
    uint32_t count = 0;
    const char *const *words = pt_vocab_list(ctx, PT_VOCAB_EXEMPT, &count);
    for (uint32_t i = 0; i < count; i++) {
        const char *w = words[i];
        size_t len = strlen(w);
        size_t name_len = strlen(fn->name);
        if (strcmp(fn->name, w) == 0) {
            return true;
        }
        if (unit->language == PT_LANG_C) {
            if (name_len > len && fn->name[name_len - len - 1] == '_' &&
                strcmp(fn->name + name_len - len, w) == 0) {
                return true;
            }
        } else if (strcmp(w, "new") != 0 && pt_name_has_word(fn->name, w)) {
            return true;
        }
    }
    return false;
}

/* A held lock whose object is `base` or holds it, or NULL. */
static const char *guarding_lock(const guard_scan *scan, const void *state,
                                 const char *base)
{
    for (uint32_t i = 0; i < scan->ls->locks.len; i++) {
        const char *lock = scan->ls->locks.items[i];
        const char *dot = strrchr(lock, '.');
        size_t len = dot != NULL ? (size_t)(dot - lock) : 0;
        if (!pt_lockset_held(state, i) || dot == NULL) {
            continue;
        }
        if (strncmp(base, lock, len) == 0 &&
            (base[len] == '\0' || base[len] == '.')) {
            return lock;
        }
    }
    return NULL;
}

/* True when `field` of `base` is itself a lock of this function. */
static bool is_lock_field(const guard_scan *scan, const char *field)
{
    for (uint32_t i = 0; i < scan->ls->locks.len; i++) {
        const char *lock = scan->ls->locks.items[i];
        const char *dot = strrchr(lock, '.');
        if (dot != NULL && strcmp(dot + 1, field) == 0) {
            return true;
        }
    }
    return false;
}

/* True when `name` is a method of a class in the unit (not a field). */
static bool is_method_name(const pt_unit *unit, const char *name)
{
    for (uint32_t i = 0; i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        if (fn->is_method && strcmp(fn->name, name) == 0) {
            return true;
        }
    }
    return false;
}

static void log_access(guard_scan *scan, const char *object,
                       const char *field, pt_loc loc, bool write,
                       const char *lock)
{
    access_log *log = &scan->log;
    if (log->len == log->cap) {
        log->cap = log->cap ? log->cap * 2 : 64;
        log->items = realloc(log->items, log->cap * sizeof(*log->items));
        if (log->items == NULL) {
            abort();
        }
    }
    log->items[log->len++] = (field_access){
        .object = object, .field = field, .lock = lock, .loc = loc,
        .write = write,
        .function = (uint32_t)(scan->fn - pt_unit_function(scan->unit, 0)),
    };
}

/*
 * The struct type a plain base variable points to, from its declared type
 * ("struct pt_tree *" -> "pt_tree"), so that `&tree->forest` and
 * `tree->count` count for the same object as field events do; NULL when
 * the base is not a parameter of the function.
 */
static const char *base_type(guard_scan *scan, const char *base)
{
    for (uint32_t i = 0; i < scan->fn->params.len; i++) {
        const pt_decl *d = pt_unit_decl(scan->unit,
                                        pt_function_param(scan->fn, i));
        if (d->type_text == NULL || strcmp(d->name, base) != 0) {
            continue;
        }
        const char *t = d->type_text;
        t = strncmp(t, "const ", 6) == 0 ? t + 6 : t;
        t = strncmp(t, "struct ", 7) == 0 ? t + 7 : t;
        size_t len = strcspn(t, " *");
        return len > 0 ? pt_arena_strndup(scan->arena, t, len) : NULL;
    }
    return NULL;
}

/* Logs `&base->field` passed to a call: the callee works on the field. */
static void log_address_args(guard_scan *scan, const void *state,
                             const pt_event *call, const char *held)
{
    for (uint32_t i = 0; i < call->nargs; i++) {
        const pt_value *v = &call->args[i];
        const char *dot = v->kind == PT_VAL_ADDRESS && v->text != NULL
                              ? strrchr(v->text, '.') : NULL;
        if (dot == NULL || is_lock_field(scan, dot + 1) ||
            pt_is_constant_name(dot + 1)) {
            continue;
        }
        const char *base = pt_arena_strndup(scan->arena, v->text,
                                            (size_t)(dot - v->text));
        const char *object = strchr(base, '.') == NULL ? base_type(scan, base)
                                                       : NULL;
        const char *lock = guarding_lock(scan, state, base);
        log_access(scan, object != NULL ? object : base, dot + 1, call->loc,
                   true, held != NULL && lock == NULL ? held : lock);
    }
}

/* Marks accesses made in a function analysed as holding its caller's
   lock; such accesses count as guarded but never serve as evidence. */
static const char callers_lock[] = "the caller's lock";

/* Remembers a call of a function of another file, with or without a
   lock held; stated as facts once the rounds are over. */
static void note_call_elsewhere(guard_scan *scan, const pt_event *call,
                                bool held)
{
    char symbol[256];
    char fact[300];
    if (!pt_call_symbol(scan->unit, call, symbol, sizeof symbol)) {
        return;
    }
    snprintf(fact, sizeof fact, "called-%s:%s", held ? "locked" : "unlocked",
             symbol);
    if (pt_names_find(&scan->call_facts, fact) < 0) {
        pt_names_add(&scan->call_facts, pt_arena_printf(scan->arena, "%s",
                                                        fact));
    }
}

static void visit(const void *state, const pt_block *block,
                  const pt_event *event, void *user)
{
    guard_scan *scan = user;
    (void)block;
    if (event == NULL) {
        return;
    }
    uint32_t self = (uint32_t)(scan->fn - pt_unit_function(scan->unit, 0));
    bool all_held = scan->entry_locked[self];
    if (event->kind == PT_EV_CALL) {
        int32_t callee = pt_fn_index_find(&scan->fns, event->name);
        bool held = all_held || pt_lockset_any(scan->ls, state);
        if (callee >= 0) {
            scan->calls[callee]++;
            scan->calls_held[callee] += held;
        } else {
            note_call_elsewhere(scan, event, held);
        }
        log_address_args(scan, state, event, all_held ? callers_lock : NULL);
        return;
    }
    if ((event->kind != PT_EV_FIELD_READ && event->kind != PT_EV_FIELD_WRITE) ||
        event->base == NULL || is_lock_field(scan, event->name) ||
        pt_is_constant_name(event->name) ||
        (scan->unit->language == PT_LANG_PYTHON &&
         is_method_name(scan->unit, event->name))) {
        return;
    }
    const char *lock = guarding_lock(scan, state, event->base);
    const char *object = event->owner != NULL ? event->owner : event->base;
    log_access(scan, object, event->name, event->loc,
               event->kind == PT_EV_FIELD_WRITE,
               all_held && lock == NULL ? callers_lock : lock);
}

/* Records every access of every non-exempt function. */
/* Marks, per function, whether a constructor or destructor calls it and
   whether anything else does. */
static void note_callers(guard_scan *scan, bool *by_ctor, bool *by_other)
{
    const pt_unit *unit = scan->unit;
    for (uint32_t f = 0; f < unit->functions.len; f++) {
        const pt_function *fn = pt_unit_function(unit, f);
        bool ctor = is_exempt(scan->ctx, unit, fn);
        for (uint32_t b = 0; b < fn->blocks.len; b++) {
            const pt_block *block = pt_function_block(fn, b);
            for (uint32_t e = 0; e < block->events.len; e++) {
                const pt_event *ev = pt_block_event(block, e);
                int32_t callee = ev->kind == PT_EV_CALL
                                     ? pt_fn_index_find(&scan->fns, ev->name)
                                     : -1;
                if (callee >= 0 && (uint32_t)callee != f) {
                    (ctor ? by_ctor : by_other)[callee] = true;
                }
            }
        }
    }
}

/* Constructors, destructors, and private helpers only they call (the
   object is not shared yet while they run). */
static void find_exempt(guard_scan *scan)
{
    uint32_t n = scan->unit->functions.len;
    bool *by_ctor = calloc(n + 1, sizeof(bool));
    bool *by_other = calloc(n + 1, sizeof(bool));
    if (by_ctor != NULL && by_other != NULL) {
        note_callers(scan, by_ctor, by_other);
        for (uint32_t i = 0; i < n; i++) {
            const pt_function *fn = pt_unit_function(scan->unit, i);
            scan->exempt[i] = is_exempt(scan->ctx, scan->unit, fn) ||
                              (!fn->is_public && by_ctor[i] && !by_other[i]);
        }
    }
    free(by_ctor);
    free(by_other);
}

static void scan_functions(guard_scan *scan)
{
    scan->log.len = 0;
    for (uint32_t i = 0; i < scan->unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(scan->unit, i);
        if (fn->partial || scan->exempt[i]) {
            continue;
        }
        pt_lockset ls;
        if (pt_lockset_solve(&ls, scan->ctx, scan->unit, fn, true)) {
            scan->fn = fn;
            scan->ls = &ls;
            pt_dataflow_replay(fn, &ls.analysis, &ls.result, visit, scan);
            scan->ls = NULL;    /* ls dies with this iteration */
        }
        pt_lockset_free(&ls);
    }
}

/* Marks private functions that every caller calls holding a lock. */
static bool infer_entry_locked(guard_scan *scan)
{
    bool changed = false;
    for (uint32_t i = 0; i < scan->unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(scan->unit, i);
        bool held = !fn->is_public && scan->calls[i] > 0 &&
                    scan->calls_held[i] == scan->calls[i];
        if (held && !scan->entry_locked[i]) {
            scan->entry_locked[i] = true;
            changed = true;
        }
    }
    return changed;
}

static int compare_access(const void *x, const void *y)
{
    const field_access *a = x;
    const field_access *b = y;
    int by_object = strcmp(a->object, b->object);
    if (by_object != 0) {
        return by_object;
    }
    int by_field = strcmp(a->field, b->field);
    if (by_field != 0) {
        return by_field;
    }
    if (a->loc.byte != b->loc.byte) {
        return a->loc.byte < b->loc.byte ? -1 : 1;
    }
    return 0;
}

/* One line of the guard map: the field, its lock, the share, and where
   it is accessed without the lock. */
static void report_guard(guard_scan *scan, const field_access *first,
                         const field_access *end,
                         const field_access *evidence, uint32_t guarded,
                         uint32_t total)
{
    pt_buf sites = {0};
    for (const field_access *a = first; a < end; a++) {
        if (a->lock == NULL) {
            pt_buf_printf(&sites, "%s%u:%u", sites.len ? ", " : "",
                          a->loc.line, a->loc.col);
        }
    }
    pt_report_severity(scan->ctx, PT_SEV_NOTE, evidence->loc,
                       "%s.%s guarded by %s: %u of %u accesses; unguarded "
                       "at %s", first->object, first->field, evidence->lock,
                       guarded, total, sites.len ? pt_buf_str(&sites) : "-");
    pt_buf_free(&sites);
}

/* Judges the accesses [first, end) to one field and reports. */
static void report_field(guard_scan *scan, const field_access *first,
                         const field_access *end)
{
    uint32_t guarded = 0;
    uint32_t total = 0;
    const field_access *evidence = NULL;
    for (const field_access *a = first; a < end; a++) {
        total++;
        guarded += a->lock != NULL;
        bool named = a->lock != NULL && a->lock != callers_lock;
        evidence = evidence == NULL && named ? a : evidence;
    }
    int64_t share = pt_option_int(scan->ctx, "min-guarded-share");
    if (evidence == NULL || (int64_t)guarded * 100 < share * total) {
        return;
    }
    if (pt_option_bool(scan->ctx, "guard-map")) {
        report_guard(scan, first, end, evidence, guarded, total);
        return;
    }
    if (guarded == total) {
        return;
    }
    for (const field_access *a = first; a < end; a++) {
        if (a->lock != NULL) {
            continue;
        }
        pt_finding *f = pt_report(scan->ctx, a->loc, "'%s' is %s without "
                                  "'%s', which is held for %u of its %u "
                                  "accesses", a->field,
                                  a->write ? "written" : "read",
                                  evidence->lock, guarded, total);
        pt_finding_add_step(scan->ctx, f, evidence->loc,
                            "'%s' accessed with '%s' held", a->field,
                            evidence->lock);
        char symbol[256];
        if (pt_function_symbol(scan->unit,
                               pt_unit_function(scan->unit, a->function),
                               symbol, sizeof symbol)) {
            pt_finding_unless(scan->ctx, f, "called-locked:%s & "
                              "!called-unlocked:%s", symbol, symbol);
        }
    }
}

/* Groups the accesses by object and field, then judges each group. */
static void report_all(guard_scan *scan)
{
    field_access *items = scan->log.items;
    size_t n = scan->log.len;
    if (n == 0) {
        return;
    }
    qsort(items, n, sizeof(*items), compare_access);
    size_t start = 0;
    for (size_t i = 1; i <= n; i++) {
        bool same = i < n &&
                    strcmp(items[start].object, items[i].object) == 0 &&
                    strcmp(items[start].field, items[i].field) == 0;
        if (!same) {
            report_field(scan, &items[start], &items[i]);
            start = i;
        }
    }
}

static void check_unguarded(pt_rule_ctx *ctx, const pt_unit *unit)
{
    uint32_t n = unit->functions.len;
    guard_scan scan = {.ctx = ctx, .unit = unit, .arena = pt_arena_new()};
    scan.entry_locked = calloc(n + 1, sizeof(bool));
    scan.calls = calloc(n + 1, sizeof(uint32_t));
    scan.calls_held = calloc(n + 1, sizeof(uint32_t));
    scan.exempt = calloc(n + 1, sizeof(bool));
    if (scan.entry_locked != NULL && scan.calls != NULL &&
        scan.calls_held != NULL && scan.arena != NULL &&
        scan.exempt != NULL && pt_fn_index_build(&scan.fns, unit)) {
        find_exempt(&scan);
        for (uint32_t i = 0; i < n; i++) {
            const pt_function *fn = pt_unit_function(unit, i);
            scan.entry_locked[i] = has_suffix_option(ctx, fn->name) ||
                                   has_lock_decorator(ctx, fn);
        }
        for (int round = 0; round < 4; round++) {
            memset(scan.calls, 0, (n + 1) * sizeof(uint32_t));
            memset(scan.calls_held, 0, (n + 1) * sizeof(uint32_t));
            pt_names_free(&scan.call_facts);
            scan_functions(&scan);
            if (!infer_entry_locked(&scan)) {
                break;
            }
        }
        report_all(&scan);
        for (uint32_t i = 0; i < scan.call_facts.len; i++) {
            pt_fact_add(ctx, "%s", scan.call_facts.items[i]);
        }
    }
    pt_names_free(&scan.call_facts);
    pt_fn_index_free(&scan.fns);
    pt_arena_free(scan.arena);
    free(scan.exempt);
    free(scan.log.items);
    free(scan.entry_locked);
    free(scan.calls);
    free(scan.calls_held);
}

const pt_rule pt_rule_unguarded_shared_state = {
    .id = "unguarded-shared-state",
    .summary = "A field of shared state, accessed under a lock elsewhere, "
               "accessed here without it.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .options = unguarded_options,
    .check_unit = check_unguarded,
};
