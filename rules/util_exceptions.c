/*
 * exceptions.c - see exceptions.h.
 */
#include "rules/util_exceptions.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/util_symbols.h"

/* Builtin exceptions and their base, as in Python 3's hierarchy. */
static const char *const builtin_bases[][2] = {
    {"Exception", "BaseException"}, {"SystemExit", "BaseException"},
    {"KeyboardInterrupt", "BaseException"},
    {"GeneratorExit", "BaseException"},
    {"ArithmeticError", "Exception"}, {"ZeroDivisionError", "ArithmeticError"},
    {"OverflowError", "ArithmeticError"},
    {"FloatingPointError", "ArithmeticError"},
    {"AssertionError", "Exception"}, {"AttributeError", "Exception"},
    {"BufferError", "Exception"}, {"EOFError", "Exception"},
    {"ImportError", "Exception"}, {"ModuleNotFoundError", "ImportError"},
    {"LookupError", "Exception"}, {"IndexError", "LookupError"},
    {"KeyError", "LookupError"}, {"MemoryError", "Exception"},
    {"NameError", "Exception"}, {"UnboundLocalError", "NameError"},
    {"OSError", "Exception"}, {"IOError", "OSError"},
    {"EnvironmentError", "OSError"}, {"FileNotFoundError", "OSError"},
    {"FileExistsError", "OSError"}, {"PermissionError", "OSError"},
    {"TimeoutError", "OSError"}, {"ConnectionError", "OSError"},
    {"BrokenPipeError", "ConnectionError"},
    {"InterruptedError", "OSError"}, {"IsADirectoryError", "OSError"},
    {"NotADirectoryError", "OSError"},
    {"ReferenceError", "Exception"}, {"RuntimeError", "Exception"},
    {"NotImplementedError", "RuntimeError"},
    {"RecursionError", "RuntimeError"}, {"StopIteration", "Exception"},
    {"SyntaxError", "Exception"}, {"SystemError", "Exception"},
    {"TypeError", "Exception"}, {"ValueError", "Exception"},
    {"UnicodeError", "ValueError"}, {"UnicodeDecodeError", "UnicodeError"},
    {"UnicodeEncodeError", "UnicodeError"},
    {"Warning", "Exception"},
};

/* The last component of a dotted name. */
static const char *short_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot != NULL ? dot + 1 : name;
}

/* The base of a builtin exception class, or NULL. */
static const char *builtin_base(const char *name)
{
    size_t count = sizeof(builtin_bases) / sizeof(builtin_bases[0]);
    for (size_t i = 0; i < count; i++) {
        if (strcmp(builtin_bases[i][0], name) == 0) {
            return builtin_bases[i][1];
        }
    }
    return NULL;
}

/* The first base of a class the unit defines, or NULL. */
static const char *unit_base(const pt_unit *unit, const char *name)
{
    for (uint32_t i = 0; i < unit->decls.len; i++) {
        const pt_decl *decl = pt_unit_decl(unit, i);
        if (decl->kind == PT_DECL_CLASS && strcmp(decl->name, name) == 0 &&
            decl->detail != NULL && decl->detail[0] != '\0') {
            static _Thread_local char first[128];
            size_t len = strcspn(decl->detail, ",");
            len = len < sizeof(first) - 1 ? len : sizeof(first) - 1;
            memcpy(first, decl->detail, len);
            first[len] = '\0';
            return short_name(first);
        }
    }
    return NULL;
}

/* The prefix of the facts that give another file's exception's base. */
static void base_prefix(char *out, size_t size, const char *name)
{
    snprintf(out, size, "exception-base:%s:", name);
}

/* The first base of `name`: a builtin's, a class of the unit's, or (with
   a ctx) a class another file of the run defines. */
static const char *base_of(const pt_unit *unit, pt_rule_ctx *ctx,
                           const char *name)
{
    const char *base = builtin_base(name);
    base = base != NULL ? base : unit_base(unit, name);
    if (base == NULL && ctx != NULL) {
        char prefix[192];
        base_prefix(prefix, sizeof(prefix), name);
        uint32_t count = 0;
        const char *const *answers = pt_fact_query(ctx, prefix, &count);
        base = count > 0 ? answers[0] + strlen(prefix) : NULL;
    }
    return base;
}

static bool is_a(const pt_unit *unit, pt_rule_ctx *ctx, const char *raised,
                 const char *caught)
{
    if (strcmp(caught, "*") == 0) {
        return true;
    }
    caught = short_name(caught);
    const char *name = short_name(raised);
    for (int depth = 0; name != NULL && depth < 16; depth++) {
        if (strcmp(name, caught) == 0) {
            return true;
        }
        name = base_of(unit, ctx, name);
    }
    return false;
}

bool pt_exception_is_a(const pt_unit *unit, const char *raised,
                       const char *caught)
{
    return is_a(unit, NULL, raised, caught);
}

/* True when try region `region` (or an enclosing one) catches `name`. */
static bool caught_by(const pt_unit *unit, pt_rule_ctx *ctx,
                      const pt_function *fn, int32_t region, const char *name)
{
    for (int guard = 0; region >= 0 && guard < 64; guard++) {
        const pt_try_region *r = pt_function_try(fn, (uint32_t)region);
        for (uint32_t i = 0; i < r->ncaught; i++) {
            if (is_a(unit, ctx, name, r->caught[i])) {
                return true;
            }
        }
        region = r->parent;
    }
    return false;
}

static bool add_escape(pt_escapes *list, const char *name, pt_loc loc,
                       const pt_event *via)
{
    for (uint32_t i = 0; i < list->len; i++) {
        if (strcmp(list->items[i].name, name) == 0) {
            return false;
        }
    }
    if (list->len == list->cap) {
        list->cap = list->cap ? list->cap * 2 : 4;
        list->items = realloc(list->items, list->cap * sizeof(pt_escape));
        if (list->items == NULL) {
            abort();
        }
    }
    list->items[list->len++] = (pt_escape){name, loc, via};
    return true;
}

/* The unit's top-level functions by name (ties in unit order), so that
   finding a call's callee is a binary search, not a scan. */
typedef struct named_fn {
    const char *name;
    uint32_t index;             /* into unit->functions */
} named_fn;

typedef struct fn_by_name {
    const pt_unit *unit;
    named_fn *items;
    uint32_t len;
} fn_by_name;

static int compare_named_fns(const void *a, const void *b)
{
    const named_fn *x = a;
    const named_fn *y = b;
    int c = strcmp(x->name, y->name);
    return c != 0 ? c : (x->index > y->index) - (x->index < y->index);
}

static fn_by_name fn_by_name_build(const pt_unit *unit)
{
    fn_by_name by_name = {unit, malloc((unit->functions.len + 1) *
                                       sizeof(named_fn)), 0};
    if (by_name.items == NULL) {
        abort();
    }
    for (uint32_t i = 0; i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        if (!fn->is_nested) {
            by_name.items[by_name.len++] = (named_fn){fn->name, i};
        }
    }
    qsort(by_name.items, by_name.len, sizeof(named_fn), compare_named_fns);
    return by_name;
}

/* The first entry named `name`, or where it would be. */
static uint32_t fn_by_name_first(const fn_by_name *by_name, const char *name)
{
    uint32_t lo = 0;
    uint32_t hi = by_name->len;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (strcmp(by_name->items[mid].name, name) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* The function a call event reaches in the unit, or -1: the first
   top-level function of that name that fits the call. */
static int32_t callee_of(const fn_by_name *by_name, const pt_function *caller,
                         const pt_event *call)
{
    if (call->name == NULL) {
        return -1;
    }
    bool self_call = call->is_method && call->base != NULL &&
                     strcmp(call->base, "self") == 0;
    for (uint32_t k = fn_by_name_first(by_name, call->name);
         k < by_name->len && strcmp(by_name->items[k].name, call->name) == 0;
         k++) {
        uint32_t index = by_name->items[k].index;
        const pt_function *fn = pt_unit_function(by_name->unit, index);
        if (self_call ? fn->class_name != NULL && caller->class_name != NULL &&
                            strcmp(fn->class_name, caller->class_name) == 0
                      : !call->is_method && fn->class_name == NULL) {
            return (int32_t)index;
        }
    }
    return -1;
}

/* An event that can let an exception out: a named raise, a call of one
   of the unit's functions, or a call of another file's function. */
typedef struct escape_source {
    const pt_event *event;
    int32_t callee;             /* SOURCE_RAISE, SOURCE_FOREIGN, or a
                                   function of the unit */
    const char *const *foreign; /* "raises:SYMBOL:CLASS" facts */
    uint32_t nforeign;
    uint32_t prefix_len;        /* of "raises:SYMBOL:" */
} escape_source;

typedef struct escape_sources {
    escape_source *items;
    uint32_t len;
    uint32_t cap;
} escape_sources;

static void sources_push(escape_sources *list, escape_source source)
{
    if (list->len == list->cap) {
        list->cap = list->cap ? list->cap * 2 : 8;
        list->items = realloc(list->items, list->cap * sizeof(escape_source));
        if (list->items == NULL) {
            abort();
        }
    }
    list->items[list->len++] = source;
}

/* What escape_source.callee is when it is no function of the unit. */
enum { SOURCE_RAISE = -1, SOURCE_FOREIGN = -2 };

/* What the run says a call of another file's function raises. */
static escape_source foreign_source(pt_rule_ctx *ctx, const pt_unit *unit,
                                    const pt_event *call)
{
    escape_source source = {call, SOURCE_FOREIGN, NULL, 0, 0};
    char symbol[256];
    if (ctx != NULL && pt_call_symbol(unit, call, symbol, sizeof(symbol))) {
        char prefix[300];
        int len = snprintf(prefix, sizeof(prefix), "raises:%s:", symbol);
        source.prefix_len = len > 0 ? (uint32_t)len : 0;
        source.foreign = pt_fact_query(ctx, prefix, &source.nforeign);
    }
    return source;
}

/* The events of function `i` that matter, in block and event order. */
static escape_sources sources_of(const pt_unit *unit,
                                 const fn_by_name *by_name, uint32_t i)
{
    const pt_function *fn = pt_unit_function(unit, i);
    escape_sources list = {0};
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *block = pt_function_block(fn, b);
        for (uint32_t e = 0; e < block->events.len; e++) {
            const pt_event *event = pt_block_event(block, e);
            if (event->kind == PT_EV_RAISE && event->name != NULL) {
                sources_push(&list, (escape_source){event, SOURCE_RAISE,
                                                    NULL, 0, 0});
            } else if (event->kind == PT_EV_CALL) {
                /* another file's function: asked about only if it matters
                   (ask_foreign) */
                int32_t callee = callee_of(by_name, fn, event);
                sources_push(&list, (escape_source){
                    event, callee >= 0 ? callee : SOURCE_FOREIGN, NULL, 0, 0});
            }
        }
    }
    return list;
}

/* Adds what one source lets escape; true when the list grew. */
static bool source_escapes(const pt_unit *unit, pt_rule_ctx *ctx,
                           const pt_function *fn,
                           const escape_source *source, pt_escapes *all,
                           uint32_t self)
{
    const pt_event *event = source->event;
    bool grew = false;
    for (uint32_t i = 0; i < source->nforeign; i++) {
        const char *name = source->foreign[i] + source->prefix_len;
        if (!caught_by(unit, ctx, fn, event->try_region, name)) {
            grew |= add_escape(&all[self], name, event->loc, event);
        }
    }
    if (source->callee == SOURCE_FOREIGN) {
        return grew;
    }
    if (source->callee == SOURCE_RAISE) {
        return !caught_by(unit, ctx, fn, event->try_region, event->name) &&
               add_escape(&all[self], event->name, event->loc, NULL);
    }
    const pt_escapes *callee = &all[source->callee];
    for (uint32_t i = 0; i < callee->len; i++) {
        const pt_escape *e = &callee->items[i];
        if (!caught_by(unit, ctx, fn, event->try_region, e->name)) {
            grew |= add_escape(&all[self], e->name, e->loc, e->via);
        }
    }
    return grew;
}

static bool function_round(const pt_unit *unit, pt_rule_ctx *ctx,
                           pt_escapes *all,
                           const escape_sources *sources, uint32_t i)
{
    const pt_function *fn = pt_unit_function(unit, i);
    bool grew = false;
    for (uint32_t k = 0; k < sources->len; k++) {
        grew |= source_escapes(unit, ctx, fn, &sources->items[k], all, i);
    }
    return grew;
}

/* Per function: documented, or called (within the unit, transitively)
   by a documented one.  A heap array the caller frees. */
static bool *documented_reach(const pt_unit *unit,
                              const escape_sources *sources)
{
    uint32_t count = unit->functions.len;
    bool *reach = calloc(count + 1, sizeof(bool));
    uint32_t *work = calloc(count + 1, sizeof(uint32_t));
    if (reach == NULL || work == NULL) {
        abort();
    }
    uint32_t top = 0;
    for (uint32_t i = 0; i < count; i++) {
        if (pt_unit_function(unit, i)->doc != NULL) {
            reach[i] = true;
            work[top++] = i;
        }
    }
    while (top > 0) {
        const escape_sources *list = &sources[work[--top]];
        for (uint32_t k = 0; k < list->len; k++) {
            int32_t callee = list->items[k].callee;
            if (callee >= 0 && !reach[callee]) {
                reach[callee] = true;
                work[top++] = (uint32_t)callee;
            }
        }
    }
    free(work);
    return reach;
}

pt_escapes *pt_escapes_compute(const pt_unit *unit, pt_rule_ctx *ctx)
{
    uint32_t count = unit->functions.len;
    pt_escapes *all = calloc(count + 1, sizeof(pt_escapes));
    escape_sources *sources = calloc(count + 1, sizeof(escape_sources));
    if (all == NULL || sources == NULL) {
        abort();
    }
    fn_by_name by_name = fn_by_name_build(unit);
    for (uint32_t i = 0; i < count; i++) {
        sources[i] = sources_of(unit, &by_name, i);
    }
    free(by_name.items);
    /* Other files are asked only where their answer can show: in what a
       docstring-bearing function reaches.  Every question answered is a
       file analysed again. */
    bool *reach = ctx != NULL ? documented_reach(unit, sources) : NULL;
    for (uint32_t i = 0; reach != NULL && i < count; i++) {
        for (uint32_t k = 0; reach[i] && k < sources[i].len; k++) {
            escape_source *source = &sources[i].items[k];
            if (source->callee == SOURCE_FOREIGN) {
                *source = foreign_source(ctx, unit, source->event);
            }
        }
    }
    free(reach);
    bool grew = true;
    for (int round = 0; grew && round < 8; round++) {
        grew = false;
        for (uint32_t i = 0; i < count; i++) {
            grew |= function_round(unit, ctx, all, &sources[i], i);
        }
    }
    for (uint32_t i = 0; i < count; i++) {
        free(sources[i].items);
    }
    free(sources);
    return all;
}

bool pt_doc_mentions(const char *doc, const char *word)
{
    size_t len = strlen(word);
    for (const char *at = strstr(doc, word); len > 0 && at != NULL;
         at = strstr(at + 1, word)) {
        bool start = at == doc || !(isalnum((unsigned char)at[-1]) ||
                                    at[-1] == '_');
        bool end = !(isalnum((unsigned char)at[len]) || at[len] == '_');
        if (start && end) {
            return true;
        }
    }
    return false;
}

/* States the bases of `name` up from the unit's own classes, so a file
   that catches a base knows it catches `name`. */
static void state_bases(pt_rule_ctx *ctx, const pt_unit *unit,
                        const char *name)
{
    name = short_name(name);
    char own[128];
    for (int depth = 0; depth < 16; depth++) {
        const char *base = unit_base(unit, name);
        if (base == NULL) {
            return;
        }
        pt_fact_add(ctx, "exception-base:%s:%s", name, base);
        snprintf(own, sizeof(own), "%s", base);  /* unit_base reuses its buffer */
        name = own;
    }
}

void pt_escapes_state(pt_rule_ctx *ctx, const pt_unit *unit,
                      const pt_escapes *escapes)
{
    char symbol[256];
    for (uint32_t i = 0; escapes != NULL && i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        if (escapes[i].len == 0 || fn->doc == NULL ||
            !pt_function_symbol(unit, fn, symbol, sizeof(symbol))) {
            continue;
        }
        for (uint32_t k = 0; k < escapes[i].len; k++) {
            const char *name = short_name(escapes[i].items[k].name);
            if (!isupper((unsigned char)name[0]) ||
                !pt_doc_mentions(fn->doc, name)) {
                continue;       /* not part of its contract */
            }
            pt_fact_add(ctx, "raises:%s:%s", symbol, name);
            state_bases(ctx, unit, name);
        }
    }
}

void pt_escapes_free(pt_escapes *escapes, uint32_t count)
{
    for (uint32_t i = 0; escapes != NULL && i < count; i++) {
        free(escapes[i].items);
    }
    free(escapes);
}
