/*
 * unused_variable.c - locals that are never read.
 *
 * C: clang's -Wunused-variable and -Wunused-but-set-variable: a local
 * never read, assigned or not; `(void)x` and `__attribute__((unused))`
 * count as uses.  Python: pyflakes' F841: a local whose last binding is an
 * assignment, `with ... as x` or `except ... as x` (not unpacking, unless
 * of a literal of the same length, nor a loop) and never read; names starting
 * with an underscore are exempt, and so are functions that call
 * `locals()`.  Functions that did not parse completely are skipped: the
 * read may sit in the part that did not parse.
 */
#include "ptlint/rule.h"
#include "rules/util_rule.h"

/* True when the rule should look at locals of this function. */
static bool function_checkable(const pt_unit *unit, int32_t index)
{
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

static bool local_is_unused(const pt_unit *unit, const pt_decl *decl)
{
    if (decl->kind != PT_DECL_LOCAL || decl->reads > 0 ||
        decl->marked_unused) {
        return false;
    }
    if (unit->language == PT_LANG_PYTHON &&
        (decl->is_tuple_target || decl->is_global_stmt ||
         decl->name[0] == '_')) {
        return false;
    }
    return function_checkable(unit, decl->function);
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
