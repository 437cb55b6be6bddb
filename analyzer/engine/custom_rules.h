/*
 * custom_rules.h - declarative rules from `custom-rules:` in .ptlint.yaml:
 * a tree-sitter query, a message and a severity, turned into pt_rule
 * descriptors that run like any other rule.
 */
#ifndef PTLINT_ENGINE_CUSTOM_RULES_H
#define PTLINT_ENGINE_CUSTOM_RULES_H

#include <stdbool.h>

#include "config/config.h"
#include "ptlint/buf.h"
#include "ptlint/plugin.h"

/*
 * Compiles every custom rule of `extensions` and registers it.  The
 * rules keep pointers into `extensions`, which must outlive them.
 * Returns false after writing "file:line:col: error: ..." lines to
 * `errors` (a query that does not compile, a message naming a capture
 * the query lacks, an id that is taken); no custom rule is then kept.
 */
bool pt_custom_rules_register(pt_registry *registry,
                              const pt_config_extensions *extensions,
                              pt_buf *errors);

/*
 * Brackets the rules run on one unit on this thread, so that the custom
 * rules of a language share one parse of the unit.  Without them each
 * custom rule parses the unit itself.
 */
void pt_custom_rules_unit_begin(const pt_unit *unit);
/* Ends this thread's unit and frees the parse its custom rules shared. */
void pt_custom_rules_unit_end(void);

#endif
