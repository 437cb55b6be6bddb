/*
 * missing_type_hints.c - public Python functions without annotations.
 *
 * Public: the name does not start with an underscore, or is a dunder
 * method.  `self`/`cls` (the first parameter of a method) need none, and
 * `__init__` needs no return annotation once a parameter is annotated.  Oracle: mypy
 * --disallow-untyped-defs --disallow-incomplete-defs on public functions.
 */
#include <string.h>

#include "ptlint/buf.h"
#include "ptlint/rule.h"
#include "rules/util_rule.h"

/* True when the parameter at `index` is the implicit self or cls. */
static bool is_implicit_receiver(const pt_function *fn, uint32_t index,
                                 const pt_decl *param)
{
    return index == 0 && fn->is_method && !fn->is_static &&
           (strcmp(param->name, "self") == 0 ||
            strcmp(param->name, "cls") == 0);
}

/* Lists the unannotated parameters into `text`; returns their count. */
static uint32_t list_untyped(const pt_unit *unit, const pt_function *fn,
                             pt_buf *text)
{
    uint32_t missing = 0;
    for (uint32_t i = 0; i < fn->params.len; i++) {
        const pt_decl *param = pt_unit_decl(unit, pt_function_param(fn, i));
        if (param->has_type || is_implicit_receiver(fn, i, param)) {
            continue;
        }
        pt_buf_printf(text, "%s'%s'", missing ? ", " : "", param->name);
        missing++;
    }
    return missing;
}

/* True when some parameter of `fn` carries an annotation. */
static bool any_typed(const pt_unit *unit, const pt_function *fn)
{
    for (uint32_t i = 0; i < fn->params.len; i++) {
        if (pt_unit_decl(unit, pt_function_param(fn, i))->has_type) {
            return true;
        }
    }
    return false;
}

static void check_function(pt_rule_ctx *ctx, const pt_unit *unit,
                           const pt_function *fn)
{
    pt_buf params = {0};
    uint32_t untyped = list_untyped(unit, fn, &params);
    /* mypy: `__init__` returns None implicitly once one of its
       parameters is annotated; `def __init__(self):` needs `-> None` */
    bool needs_return = !fn->returns_annotated &&
                        (strcmp(fn->name, "__init__") != 0 ||
                         !any_typed(unit, fn));
    if (untyped > 0 && needs_return) {
        pt_report(ctx, fn->loc, "'%s' has no annotation for parameter%s %s "
                  "and its return", fn->name, untyped > 1 ? "s" : "",
                  pt_buf_str(&params));
    } else if (untyped > 0) {
        pt_report(ctx, fn->loc, "'%s' has no annotation for parameter%s %s",
                  fn->name, untyped > 1 ? "s" : "", pt_buf_str(&params));
    } else if (needs_return) {
        pt_report(ctx, fn->loc, "'%s' has no return annotation", fn->name);
    }
    pt_buf_free(&params);
}

static void check_type_hints(pt_rule_ctx *ctx, const pt_unit *unit)
{
    for (uint32_t i = 0; i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        bool is_public = pt_is_python_public(fn->name) ||
                         pt_is_dunder(fn->name);
        bool in_public_class = fn->class_name == NULL ||
                               pt_is_python_public(fn->class_name);
        if (is_public && in_public_class && !fn->is_nested && !fn->partial) {
            check_function(ctx, unit, fn);
        }
    }
}

const pt_rule pt_rule_missing_type_hints = {
    .id = "missing-type-hints",
    .summary = "A public Python function whose parameters or return lack "
               "annotations.",
    .severity = PT_SEV_NOTE,
    .languages = PT_LANGS_PYTHON,
    .enabled = true,
    .check_unit = check_type_hints,
};
