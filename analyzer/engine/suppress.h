/*
 * suppress.h - inline suppressions: a comment "ptlint:" then
 * "ignore[ids]" on the line or the line above, "ignore-file[ids]" for a
 * file, each optionally followed by "-- reason"
 * (docs/rules/unused-suppression.md).
 */
#ifndef PTLINT_ENGINE_SUPPRESS_H
#define PTLINT_ENGINE_SUPPRESS_H

#include "engine/rule_ctx.h"

/*
 * Drops the findings from index `first` on in `findings` that a comment of
 * `unit` suppresses, then reports each suppression that suppressed
 * nothing through `unused_ctx` (its rule is unused-suppression; NULL when
 * that rule is off).  `rule_ran(id)` tells whether a rule was run on the
 * unit, so that suppressions of rules not run are not called unused.
 */
void pt_apply_suppressions(const pt_unit *unit, pt_findings *findings,
                           size_t first, pt_rule_ctx *unused_ctx,
                           bool (*rule_ran)(const char *id, void *data),
                           void *data);

#endif
