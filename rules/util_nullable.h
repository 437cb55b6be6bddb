/*
 * nullable.h - which functions of a unit may return NULL or None.
 *
 * A function may return null when some `return` gives NULL/None, when it
 * returns the result of a call to a function that may, or (Python) when
 * it can fall off its end while other paths return a value.
 */
#ifndef PTLINT_RULES_NULLABLE_H
#define PTLINT_RULES_NULLABLE_H

#include <stdbool.h>

#include "ptlint/model.h"

#include "rules/util_fn_index.h"

struct pt_rule_ctx;

/* Per function of the unit: may it return null?  Caller frees. */
bool *pt_nullable_functions(struct pt_rule_ctx *ctx, const pt_unit *unit,
                            const pt_fn_index *fns);

/*
 * True when the call's result may be null: a function of the unit known
 * to (`known`, may be NULL while computing), the `nullable` and
 * `allocators` vocabularies, or Python's `d.get(k)` without a default.
 */
bool pt_call_may_return_null(struct pt_rule_ctx *ctx, const pt_unit *unit,
                             const pt_fn_index *fns, const bool *known,
                             const pt_event *call);

/*
 * States the run-wide summaries of the unit's functions that other files
 * can call (symbols.h): "defined:SYM"; "null:SYM" when it may return
 * null; "null:SYM :- null:CALLEE" when it returns what a function of no
 * file of this unit returns.
 */
void pt_nullable_state_facts(struct pt_rule_ctx *ctx, const pt_unit *unit,
                             const pt_fn_index *fns, const bool *known);

/* The call event a value is the result of, or NULL. */
const pt_event *pt_value_call(const pt_block *block, const pt_value *value);

#endif
