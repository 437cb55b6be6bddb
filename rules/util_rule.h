/*
 * rule_util.h - small helpers several rules share: name shapes and
 * function facts read off the model.
 */
#ifndef PTLINT_RULES_RULE_UTIL_H
#define PTLINT_RULES_RULE_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "ptlint/model.h"

/* Python `__name__`. */
bool pt_is_dunder(const char *name);

/* Python public: no leading underscore. */
bool pt_is_python_public(const char *name);

/* The decl of `fn` (its FUNCTION/METHOD declaration), or NULL. */
const pt_decl *pt_function_decl(const pt_unit *unit, const pt_function *fn);

/* Lines the function spans, first to last. */
uint32_t pt_function_lines(const pt_function *fn);

/* True when some event of `fn` calls `callee` (exact name). */
bool pt_function_calls(const pt_function *fn, const char *callee);

/*
 * True when `word` (lowercase) is one of the words of `name`: words are
 * split at underscores and at lower-to-upper case changes, and compared
 * without case ("tree_lock", "lockTree" and "LOCK" all hold "lock";
 * "block" does not).
 */
bool pt_name_has_word(const char *name, const char *word);

/* True for UPPER_CASE names (constants): at least one letter, no lower. */
bool pt_is_constant_name(const char *name);

/* `array` of event pointers regrown to hold `count`; aborts when out of
   memory, as the rules' other growth does. */
const pt_event **pt_grow_pointers(const pt_event **array, size_t count);

/* The file's base name ("a/b/__init__.py" -> "__init__.py"). */
const char *pt_base_name(const char *path);

#endif
