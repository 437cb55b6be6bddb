/*
 * registry.c - the built-in rules, gathered from rules.def.
 */
#include "rules/registry.h"

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
