/*
 * exceptions.c - see exceptions.h.
 */
#include "rules/util_exceptions.h"

#include <stdlib.h>
#include <string.h>

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

/* The first base of `name`: a builtin's, or a class of the unit's. */
static const char *base_of(const pt_unit *unit, const char *name)
{
    size_t count = sizeof(builtin_bases) / sizeof(builtin_bases[0]);
    for (size_t i = 0; i < count; i++) {
        if (strcmp(builtin_bases[i][0], name) == 0) {
            return builtin_bases[i][1];
        }
    }
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

bool pt_exception_is_a(const pt_unit *unit, const char *raised,
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
        name = base_of(unit, name);
    }
    return false;
}

/* True when try region `region` (or an enclosing one) catches `name`. */
static bool caught_by(const pt_unit *unit, const pt_function *fn,
                      int32_t region, const char *name)
{
    for (int guard = 0; region >= 0 && guard < 64; guard++) {
        const pt_try_region *r = pt_function_try(fn, (uint32_t)region);
        for (uint32_t i = 0; i < r->ncaught; i++) {
            if (pt_exception_is_a(unit, name, r->caught[i])) {
                return true;
            }
        }
        region = r->parent;
    }
    return false;
}

static bool add_escape(pt_escapes *list, const char *name, pt_loc loc)
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
    list->items[list->len++] = (pt_escape){name, loc};
    return true;
}

/* The function a call event reaches in the unit, or -1. */
static int32_t callee_of(const pt_unit *unit, const pt_function *caller,
                         const pt_event *call)
{
    for (uint32_t i = 0; call->name != NULL && i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        if (strcmp(fn->name, call->name) != 0 || fn->is_nested) {
            continue;
        }
        bool self_call = call->is_method && call->base != NULL &&
                         strcmp(call->base, "self") == 0;
        if (self_call ? fn->class_name != NULL && caller->class_name != NULL &&
                            strcmp(fn->class_name, caller->class_name) == 0
                      : !call->is_method && fn->class_name == NULL) {
            return (int32_t)i;
        }
    }
    return -1;
}

/* Adds what one event lets escape; true when the list grew. */
static bool event_escapes(const pt_unit *unit, const pt_function *fn,
                          const pt_event *event, pt_escapes *all,
                          uint32_t self)
{
    if (event->kind == PT_EV_RAISE && event->name != NULL &&
        !caught_by(unit, fn, event->try_region, event->name)) {
        return add_escape(&all[self], event->name, event->loc);
    }
    int32_t callee = event->kind == PT_EV_CALL ? callee_of(unit, fn, event)
                                               : -1;
    bool grew = false;
    for (uint32_t i = 0; callee >= 0 && i < all[callee].len; i++) {
        const pt_escape *e = &all[callee].items[i];
        if (!caught_by(unit, fn, event->try_region, e->name)) {
            grew |= add_escape(&all[self], e->name, e->loc);
        }
    }
    return grew;
}

static bool function_round(const pt_unit *unit, pt_escapes *all, uint32_t i)
{
    const pt_function *fn = pt_unit_function(unit, i);
    bool grew = false;
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *block = pt_function_block(fn, b);
        for (uint32_t e = 0; e < block->events.len; e++) {
            grew |= event_escapes(unit, fn, pt_block_event(block, e), all, i);
        }
    }
    return grew;
}

pt_escapes *pt_escapes_compute(const pt_unit *unit)
{
    pt_escapes *all = calloc(unit->functions.len + 1, sizeof(pt_escapes));
    bool grew = all != NULL;
    for (int round = 0; grew && round < 8; round++) {
        grew = false;
        for (uint32_t i = 0; i < unit->functions.len; i++) {
            grew |= function_round(unit, all, i);
        }
    }
    return all;
}

void pt_escapes_free(pt_escapes *escapes, uint32_t count)
{
    for (uint32_t i = 0; escapes != NULL && i < count; i++) {
        free(escapes[i].items);
    }
    free(escapes);
}
