/*
 * parse_error.c - a file the frontend could not parse completely.
 *
 * ## What it does
 * Reports each place where the frontend met code it could not parse.
 * In C, code around macros that tree-sitter cannot read is recovered: the
 * rest of the file is analysed, the function holding it is marked partial
 * and the finding is a note.  A file cut short or with unbalanced braces,
 * and any syntax error in Python, is an error.
 */
#include "ptlint/rule.h"

/* Reports the unit's parse errors; the first one carries the summary. */
static void check_parse_error(pt_rule_ctx *ctx, const pt_unit *unit)
{
    bool recovered = unit->language == PT_LANG_C && !unit->truncated;
    pt_severity severity = recovered ? PT_SEV_NOTE : PT_SEV_ERROR;
    const pt_loc *errors = unit->errors.items;
    for (uint32_t i = 0; i < unit->errors.len; i++) {
        bool seen = false;
        for (uint32_t k = 0; k < i && !seen; k++) {
            seen = errors[k].line == errors[i].line &&
                   errors[k].col == errors[i].col;
        }
        if (seen) {
            continue;           /* one finding per place */
        }
        if (recovered) {
            pt_report_severity(ctx, severity, errors[i],
                               "code here could not be parsed; the "
                               "analysis of its function is partial");
        } else {
            pt_report_severity(ctx, severity, errors[i],
                               "syntax error; the file was analysed only "
                               "in part");
        }
    }
}

const pt_rule pt_rule_parse_error = {
    .id = "parse-error",
    .summary = "A file the frontend could not parse completely.",
    .severity = PT_SEV_ERROR,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .check_unit = check_parse_error,
};
