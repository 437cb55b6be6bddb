/*
 * registry.h - the built-in rules, in the order of rules.def.
 */
#ifndef PTLINT_RULES_REGISTRY_H
#define PTLINT_RULES_REGISTRY_H

#include "ptlint/rule.h"

/* The built-in rules, NULL-terminated; static storage. */
const pt_rule *const *pt_builtin_rules(void);

/* Registers the built-in rules through the plugin interface
   (ptlint/plugin.h); false when one is refused. */
struct pt_registry;
bool pt_builtin_rules_register(struct pt_registry *registry);

/* The rule's doc page (docs/rules/<id>.md, embedded), or NULL. */
const char *pt_rule_doc(const char *id);

#endif
