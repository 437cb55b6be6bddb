/*
 * registry.c - the built-in rules, gathered from rules.def.
 */
#include "rules/registry.h"

#include "ptlint/plugin.h"

#define PT_RULE(symbol) extern const pt_rule pt_rule_##symbol;
#include "rules/rules.def"
#undef PT_RULE

static const pt_rule *const builtin_rules[] = {
#define PT_RULE(symbol) &pt_rule_##symbol,
#include "rules/rules.def"
#undef PT_RULE
    NULL,
};

const pt_rule *const *pt_builtin_rules(void)
{
    return builtin_rules;
}

/* The built-in rules join the table through the plugin interface, so
   that the interface plugins use is exercised on every run. */
bool pt_builtin_rules_register(pt_registry *registry)
{
    if (!pt_registry_open(registry, PT_PLUGIN_ABI_VERSION, "built-in")) {
        return false;
    }
    bool ok = true;
    for (const pt_rule *const *r = builtin_rules; *r != NULL; r++) {
        ok &= pt_registry_add(registry, *r);
    }
    return ok;
}
