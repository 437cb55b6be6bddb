/*
 * unused_parameter.c - parameters a function never uses.
 *
 * By default only C functions with internal linkage: a public function's
 * signature is often fixed by an interface.  Never for a function whose
 * address is taken (a callback must match its type), nor for a function
 * that did not parse completely.  Python is off unless `check-python`.
 * Oracle: clang -Wunused-parameter.
 */
#include <string.h>

#include "ptlint/rule.h"
#include "rules/util_rule.h"

static const pt_option unused_parameter_options[] = {
    {"public-functions", PT_OPT_BOOL, "false",
     "also check C functions with external linkage"},
    {"check-python", PT_OPT_BOOL, "false", "also check Python functions"},
    {0},
};

/* Whether the parameters of `fn` are this rule's business. */
static bool function_in_scope(pt_rule_ctx *ctx, const pt_unit *unit,
                              const pt_function *fn)
{
    const pt_decl *decl = pt_function_decl(unit, fn);
    if (fn->partial || (decl != NULL && decl->address_taken)) {
        return false;
    }
    if (unit->language == PT_LANG_PYTHON) {
        return pt_option_bool(ctx, "check-python") && fn->decorators.len == 0;
    }
    return !fn->is_public || pt_option_bool(ctx, "public-functions");
}

/* Python's implicit receiver and conventional throwaway names. */
static bool exempt_python_param(const pt_function *fn, uint32_t index,
                                const pt_decl *param)
{
    return (index == 0 && fn->is_method) || param->name[0] == '_';
}

static void check_unused_parameter(pt_rule_ctx *ctx, const pt_unit *unit)
{
    for (uint32_t f = 0; f < unit->functions.len; f++) {
        const pt_function *fn = pt_unit_function(unit, f);
        if (!function_in_scope(ctx, unit, fn)) {
            continue;
        }
        for (uint32_t i = 0; i < fn->params.len; i++) {
            const pt_decl *param =
                pt_unit_decl(unit, pt_function_param(fn, i));
            bool exempt = unit->language == PT_LANG_PYTHON &&
                          exempt_python_param(fn, i, param);
            if (param->reads == 0 && !param->marked_unused && !exempt) {
                pt_report(ctx, param->loc, "parameter '%s' of '%s' is never "
                          "used", param->name, fn->name);
            }
        }
    }
}

const pt_rule pt_rule_unused_parameter = {
    .id = "unused-parameter",
    .summary = "A parameter that is never used (off by default for public C "
               "functions).",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .options = unused_parameter_options,
    .check_unit = check_unused_parameter,
};
