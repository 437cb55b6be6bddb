/*
 * excess_complexity.c - functions over the complexity, nesting or length
 * limits.
 *
 * Cyclomatic complexity is the frontend's decision count plus one, which
 * matches pmccabe (C, every case counts) and the mccabe module (Python,
 * nested functions counted into their parent, which mccabe does not
 * report on their own).
 */
#include "ptlint/buf.h"
#include "ptlint/rule.h"
#include "rules/util_rule.h"

static const pt_option complexity_options[] = {
    {"max-complexity", PT_OPT_INT, "10", "highest cyclomatic complexity"},
    {"max-nesting", PT_OPT_INT, "4", "deepest block nesting"},
    {"max-lines", PT_OPT_INT, "100", "most lines in one function"},
    {0},
};

/* Appends "measure N (limit L)" when over the limit; true if it was. */
static bool over_limit(pt_buf *text, const char *measure, int64_t value,
                       int64_t limit)
{
    if (value <= limit) {
        return false;
    }
    pt_buf_printf(text, "%s%s %lld (limit %lld)", text->len ? ", " : "",
                  measure, (long long)value, (long long)limit);
    return true;
}

static void check_complexity(pt_rule_ctx *ctx, const pt_unit *unit)
{
    int64_t max_complexity = pt_option_int(ctx, "max-complexity");
    int64_t max_nesting = pt_option_int(ctx, "max-nesting");
    int64_t max_lines = pt_option_int(ctx, "max-lines");
    for (uint32_t i = 0; i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        if (fn->is_nested && unit->language == PT_LANG_PYTHON) {
            continue;
        }
        pt_buf text = {0};
        bool over = over_limit(&text, "cyclomatic complexity",
                               (int64_t)fn->decisions + 1, max_complexity);
        over |= over_limit(&text, "nesting depth", fn->max_nesting,
                           max_nesting);
        over |= over_limit(&text, "length in lines", pt_function_lines(fn),
                           max_lines);
        if (over) {
            pt_report(ctx, fn->loc, "'%s' is too complex: %s", fn->name,
                      pt_buf_str(&text));
        }
        pt_buf_free(&text);
    }
}

const pt_rule pt_rule_excess_complexity = {
    .id = "excess-complexity",
    .summary = "A function over the cyclomatic-complexity, nesting-depth or "
               "length limit.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .options = complexity_options,
    .check_unit = check_complexity,
};
