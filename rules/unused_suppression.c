/*
 * unused_suppression.c - a `ptlint: ignore[...]` that suppresses nothing.
 *
 * The engine applies suppressions after all rules ran on a unit and
 * reports the unused ones under this rule; it has no check of its own.
 */
#include "ptlint/rule.h"

static const pt_option unused_suppression_options[] = {
    {"require-reason", PT_OPT_BOOL, "false",
     "also report a suppression without '-- reason'"},
    {0},
};

const pt_rule pt_rule_unused_suppression = {
    .id = "unused-suppression",
    .summary = "An inline suppression that suppresses nothing.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .options = unused_suppression_options,
    .check_unit = 0,
};
