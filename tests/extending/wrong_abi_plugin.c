/*
 * wrong_abi_plugin.c - a plugin built for another ABI version, which
 * ptlint must refuse without keeping its rule (tests/extending).
 */
#include "ptlint/plugin.h"

static void check_unit(pt_rule_ctx *ctx, const pt_unit *unit)
{
    pt_loc start = {1, 1, 0};
    (void)unit;
    pt_report(ctx, start, "this rule must never run");
}

static const pt_rule wrong_abi_rule = {
    .id = "wrong-abi-rule",
    .summary = "A rule that must never be registered.",
    .severity = PT_SEV_ERROR,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .check_unit = check_unit,
};

bool ptlint_plugin_init(pt_registry *registry)
{
    if (!pt_registry_open(registry, PT_PLUGIN_ABI_VERSION + 41, "wrong-abi")) {
        return false;
    }
    return pt_registry_add(registry, &wrong_abi_rule);
}
