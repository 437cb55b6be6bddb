/*
 * naming_style.h - classifying identifiers by case style.
 */
#ifndef PTLINT_RULES_NAMING_STYLE_H
#define PTLINT_RULES_NAMING_STYLE_H

#include <stdbool.h>

/* The case style of an identifier, as pt_case_style_of() tells it. */
typedef enum pt_case_style {
    PT_CASE_NONE = 0,           /* no letters: fits all */
    PT_CASE_LOWER_WORD,         /* "tree", "x": fits snake and camelCase */
    PT_CASE_SNAKE,              /* "provider_tree" */
    PT_CASE_CAMEL,              /* "providerTree" */
    PT_CASE_PASCAL,             /* "ProviderTree", "Tree" */
    PT_CASE_UPPER,              /* "MAX_NAME", "MAX" */
    PT_CASE_MIXED,              /* "Provider_tree", "get_Name" */
    PT_CASE_CAPITAL,            /* "T", "A1": fits PascalCase, UPPER_CASE */
    PT_CASE_COUNT
} pt_case_style;

/* The style of `name`, leading and trailing underscores ignored. */
pt_case_style pt_case_style_of(const char *name);

/* True when a name of style `actual` fits the expected style. */
bool pt_case_style_fits(pt_case_style actual, pt_case_style expected);

/* True when the name has several words: "a_b", "aB", "ABc"; not "Tree". */
bool pt_name_is_multi_word(const char *name);

/* "snake_case", "camelCase", ... */
const char *pt_case_style_name(pt_case_style style);

/* Parses a configured style name; false for "auto" or an unknown name. */
bool pt_case_style_parse(const char *text, pt_case_style *out);

#endif
