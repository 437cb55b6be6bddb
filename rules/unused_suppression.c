/*
 * unused_suppression.c - a `ptlint: ignore[...]` that suppresses nothing.
 *
 * The engine applies suppressions after all rules ran on a unit and
 * reports the unused ones under this rule; it has no check of its own.
 */
#include "ptlint/rule.h"

const pt_rule pt_rule_unused_suppression = {
    .id = "unused-suppression",
    .summary = "An inline suppression that suppresses nothing.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .check_unit = 0,
};
