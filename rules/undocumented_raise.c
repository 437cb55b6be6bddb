/*
 * undocumented_raise.c - public Python functions that raise what their
 * docstring does not mention.
 *
 * For a public function or method with a docstring: its own raises and
 * those of the functions and methods of the file it calls (transitively),
 * minus what a surrounding try catches (the builtin hierarchy and the
 * file's own classes respected).  Each class the docstring does not name
 * is reported at the def line, with where it is raised as evidence.
 * Functions without a docstring are missing-doc's business.
 */
#include <string.h>

#include "ptlint/rule.h"
#include "rules/util_exceptions.h"
#include "rules/util_rule.h"

static const pt_option raise_options[] = {
    {"ignore", PT_OPT_LIST, "[NotImplementedError, AssertionError]",
     "exception classes that need no mention"},
    {0},
};

static bool ignored(pt_rule_ctx *ctx, const char *name)
{
    uint32_t count = 0;
    const char *const *names = pt_option_list(ctx, "ignore", &count);
    for (uint32_t i = 0; i < count; i++) {
        if (strcmp(names[i], name) == 0) {
            return true;
        }
    }
    return false;
}

static void check_function(pt_rule_ctx *ctx, const pt_function *fn,
                           const pt_escapes *escapes)
{
    for (uint32_t i = 0; i < escapes->len; i++) {
        const pt_escape *e = &escapes->items[i];
        const char *dot = strrchr(e->name, '.');
        const char *name = dot != NULL ? dot + 1 : e->name;
        if (pt_doc_mentions(fn->doc, name) || ignored(ctx, name)) {
            continue;
        }
        pt_finding *f = pt_report(ctx, fn->loc, "'%s' may raise %s, which "
                                  "its docstring does not mention",
                                  fn->name, name);
        if (e->via != NULL) {
            pt_finding_add_step(ctx, f, e->loc, "%s may be raised by '%s', "
                                "defined in another file", name, e->via->name);
        } else {
            pt_finding_add_step(ctx, f, e->loc, "%s raised here", name);
        }
    }
}

static void check_undocumented_raise(pt_rule_ctx *ctx, const pt_unit *unit)
{
    pt_escapes *escapes = pt_escapes_compute(unit, ctx);
    pt_escapes_state(ctx, unit, escapes);
    for (uint32_t i = 0; escapes != NULL && i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        bool is_public = pt_is_python_public(fn->name) &&
                         (fn->class_name == NULL ||
                          pt_is_python_public(fn->class_name));
        if (is_public && fn->doc != NULL && !fn->is_nested && !fn->partial) {
            check_function(ctx, fn, &escapes[i]);
        }
    }
    pt_escapes_free(escapes, unit->functions.len);
}

const pt_rule pt_rule_undocumented_raise = {
    .id = "undocumented-raise",
    .summary = "A public Python function that raises an exception its "
               "docstring does not mention.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_PYTHON,
    .enabled = true,
    .options = raise_options,
    .check_unit = check_undocumented_raise,
};
