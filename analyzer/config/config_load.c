/*
 * config_load.c - checking a parsed .ptlint.yaml and applying it.
 *
 * Every key is looked up in a fixed table; an unknown one is an error
 * that suggests the nearest valid key.  Values are checked against the
 * type the key (or the rule's option) declares.
 */
#include <stdio.h>
#include <string.h>

#include "config/config_check.h"

enum top_key {
    TOP_RULES = 0,
    TOP_FAIL_ON,
    TOP_INCLUDE,
    TOP_EXCLUDE,
    TOP_VOCABULARY,
    TOP_OVERRIDES,
    TOP_CUSTOM_RULES,
    TOP_PLUGINS,
    TOP_COUNT
};

static const char *const TOP_KEYS[TOP_COUNT] = {
    "rules", "fail-on", "include", "exclude", "vocabulary", "overrides",
    "custom-rules", "plugins",
};

enum rule_key { RULE_ENABLED = 0, RULE_SEVERITY, RULE_OPTIONS, RULE_COUNT };

static const char *const RULE_KEYS[RULE_COUNT] = {
    "enabled", "severity", "options",
};

enum override_key { OVERRIDE_PATHS = 0, OVERRIDE_RULES, OVERRIDE_COUNT };

static const char *const OVERRIDE_KEYS[OVERRIDE_COUNT] = {"paths", "rules"};

/* In pt_vocab_kind order. */
static const char *const VOCAB_KEYS[PT_VOCAB_KIND_COUNT] = {
    "lock-acquire", "lock-release", "validators", "lookups", "nullable",
    "exempt", "allocators", "fallible", "unbounded-copy", "lock-types",
    "logging",
};

/* Joins list items as "[a, b]", the option's text form. */
static const char *list_text(pt_arena *arena, const cfg_list *list)
{
    size_t size = 3;
    for (uint32_t i = 0; i < list->count; i++) {
        size += strlen(list->items[i]) + 2;
    }
    char *text = pt_arena_alloc(arena, size);
    strcpy(text, "[");
    for (uint32_t i = 0; i < list->count; i++) {
        strcat(text, i > 0 ? ", " : "");
        strcat(text, list->items[i]);
    }
    strcat(text, "]");
    return text;
}

/* Checks the value of `option` and stores it in *value. */
static bool read_option(loader *ld, const pt_option *option,
                        const cfg_node *node, cfg_value *value)
{
    bool flag = false;
    cfg_list list = {0};
    switch (option->type) {
    case PT_OPT_INT:
        if (!cfg_is_integer(node)) {
            return cfg_fail_expected(ld, node, "an integer");
        }
        value->text = node->text;
        return true;
    case PT_OPT_BOOL:
        if (!cfg_parse_bool(node, &flag)) {
            return cfg_fail_expected(ld, node, "true or false");
        }
        value->text = flag ? "true" : "false";
        return true;
    case PT_OPT_STRING:
        if (node->kind != CFG_SCALAR || cfg_is_null(node)) {
            return cfg_fail_expected(ld, node, "a string");
        }
        value->text = node->text;
        return true;
    case PT_OPT_LIST:
        if (cfg_is_null(node) || !cfg_read_strings(ld, node, &list)) {
            return cfg_is_null(node)
                       ? cfg_fail_expected(ld, node, "a list of strings")
                       : false;
        }
        value->items = list.items;
        value->count = list.count;
        value->text = list_text(ld->config->arena, &list);
        return true;
    }
    return cfg_fail_expected(ld, node, "a known option type");
}

/* "rule 'x' has no option 'y'; did you mean 'z'?" and the like. */
static bool fail_option(loader *ld, const pt_rule *rule, const cfg_node *key)
{
    uint32_t count = cfg_option_count(rule);
    if (count == 0) {
        return cfg_fail(ld, key, "rule '%s' has no options; found '%s'",
                    rule->id, key->text);
    }
    const char *names[32];
    uint32_t n = count < 32 ? count : 32;
    for (uint32_t i = 0; i < n; i++) {
        names[i] = rule->options[i].name;
    }
    const char *near = cfg_suggest(key->text, names, n);
    if (near != NULL) {
        return cfg_fail(ld, key, "rule '%s' has no option '%s'; did you mean "
                    "'%s'?", rule->id, key->text, near);
    }
    char list[256];
    return cfg_fail(ld, key, "rule '%s' has no option '%s'; its options are %s",
                rule->id, key->text, cfg_join_keys(names, n, list, sizeof(list)));
}

static bool read_options(loader *ld, const pt_rule *rule,
                         const cfg_node *node, cfg_rule_set *set)
{
    if (cfg_is_null(node)) {
        return true;
    }
    if (node->kind != CFG_MAP) {
        return cfg_fail_expected(ld, node, "a mapping of option names to values");
    }
    uint32_t count = cfg_option_count(rule);
    if (set->options == NULL) {
        set->options = pt_arena_alloc(ld->config->arena,
                                      (count + 1) * sizeof(cfg_value));
    }
    for (uint32_t i = 0; i < node->len; i++) {
        const cfg_node *key = node->items[2 * i];
        uint32_t k = 0;
        while (k < count && strcmp(rule->options[k].name, key->text) != 0) {
            k++;
        }
        if (k == count) {
            return fail_option(ld, rule, key);
        }
        if (!read_option(ld, &rule->options[k], node->items[2 * i + 1],
                         &set->options[k])) {
            return false;
        }
    }
    return true;
}

/* One rule's settings: true/false, or a mapping. */
static bool read_rule(loader *ld, const pt_rule *rule, const cfg_node *node,
                      cfg_rule_set *set)
{
    bool flag = false;
    if (node->kind != CFG_MAP) {
        if (!cfg_parse_bool(node, &flag)) {
            return cfg_fail_expected(ld, node, "true, false or a mapping of "
                                 "rule settings");
        }
        set->enabled = flag;
        return true;
    }
    for (uint32_t i = 0; i < node->len; i++) {
        const cfg_node *value = node->items[2 * i + 1];
        int severity = 0;
        switch (cfg_lookup_key(ld, node->items[2 * i], RULE_KEYS, RULE_COUNT)) {
        case RULE_ENABLED:
            if (!cfg_parse_bool(value, &flag)) {
                return cfg_fail_expected(ld, value, "true or false");
            }
            set->enabled = flag;
            break;
        case RULE_SEVERITY:
            if (!cfg_read_severity(ld, value, false, &severity)) {
                return false;
            }
            set->severity = (int8_t)severity;
            break;
        case RULE_OPTIONS:
            if (!read_options(ld, rule, value, set)) {
                return false;
            }
            break;
        default:
            return false;
        }
    }
    return true;
}

/* The index of the rule `id` in the table, or -1. */
static int find_rule(const pt_config *config, const char *id)
{
    for (uint32_t i = 0; i < config->nrules; i++) {
        if (strcmp(config->rules[i]->id, id) == 0) {
            return (int)i;
        }
    }
    return -1;
}

static bool fail_rule(loader *ld, const cfg_node *key)
{
    pt_config *config = ld->config;
    const char **ids = pt_arena_alloc(config->arena,
                                      (config->nrules + 1) * sizeof(*ids));
    for (uint32_t i = 0; i < config->nrules; i++) {
        ids[i] = config->rules[i]->id;
    }
    const char *near = cfg_suggest(key->text, ids, config->nrules);
    if (near != NULL) {
        return cfg_fail(ld, key, "unknown rule '%s'; did you mean '%s'?",
                    key->text, near);
    }
    return cfg_fail(ld, key, "unknown rule '%s'; `ptlint rules` lists the rule "
                "ids", key->text);
}

/* A `rules:` mapping (top level or in an override) into `sets`. */
static bool read_rules(loader *ld, const cfg_node *node, cfg_rule_set *sets)
{
    if (cfg_is_null(node)) {
        return true;
    }
    if (node->kind != CFG_MAP) {
        return cfg_fail_expected(ld, node, "a mapping of rule ids to settings");
    }
    for (uint32_t i = 0; i < node->len; i++) {
        const cfg_node *key = node->items[2 * i];
        int index = find_rule(ld->config, key->text);
        if (index < 0) {
            return fail_rule(ld, key);
        }
        if (!read_rule(ld, ld->config->rules[index], node->items[2 * i + 1],
                       &sets[index])) {
            return false;
        }
    }
    return true;
}

static bool read_override(loader *ld, const cfg_node *node,
                          cfg_override *override)
{
    if (node->kind != CFG_MAP) {
        return cfg_fail_expected(ld, node, "a mapping with paths: and rules:");
    }
    cfg_list paths = {0};
    override->rules = cfg_rule_sets_new(ld->config);
    for (uint32_t i = 0; i < node->len; i++) {
        const cfg_node *value = node->items[2 * i + 1];
        int key = cfg_lookup_key(ld, node->items[2 * i], OVERRIDE_KEYS,
                             OVERRIDE_COUNT);
        bool ok = key == OVERRIDE_PATHS ? cfg_read_strings(ld, value, &paths)
                  : key == OVERRIDE_RULES
                      ? read_rules(ld, value, override->rules)
                      : false;
        if (!ok) {
            return false;
        }
    }
    if (paths.count == 0) {
        return cfg_fail(ld, node, "an override needs paths: with at least one "
                    "glob");
    }
    override->paths = paths.items;
    override->npaths = paths.count;
    return true;
}

static bool read_overrides(loader *ld, const cfg_node *node)
{
    if (cfg_is_null(node)) {
        return true;
    }
    if (node->kind != CFG_SEQ) {
        return cfg_fail_expected(ld, node, "a list of overrides (each with "
                             "paths: and rules:)");
    }
    pt_config *config = ld->config;
    cfg_override *all = pt_arena_alloc(
        config->arena, (config->noverrides + node->len) * sizeof(*all));
    if (config->noverrides > 0) {
        memcpy(all, config->overrides, config->noverrides * sizeof(*all));
    }
    config->overrides = all;
    for (uint32_t i = 0; i < node->len; i++) {
        if (!read_override(ld, node->items[i], &all[config->noverrides])) {
            return false;
        }
        config->noverrides++;
    }
    return true;
}

static bool read_vocab(loader *ld, const cfg_node *node)
{
    if (cfg_is_null(node)) {
        return true;
    }
    if (node->kind != CFG_MAP) {
        return cfg_fail_expected(ld, node, "a mapping of vocabulary lists");
    }
    for (uint32_t i = 0; i < node->len; i++) {
        int kind = cfg_lookup_key(ld, node->items[2 * i], VOCAB_KEYS,
                              PT_VOCAB_KIND_COUNT);
        if (kind < 0 || !cfg_read_strings(ld, node->items[2 * i + 1],
                                      &ld->config->vocab[kind])) {
            return false;
        }
    }
    return true;
}

static bool read_fail_on(loader *ld, const cfg_node *node)
{
    int value = -1;
    if (cfg_is_null(node)) {
        return true;
    }
    if (!cfg_read_severity(ld, node, true, &value)) {
        return false;
    }
    ld->config->fail_on = value;
    return true;
}

/* Applies one top-level key. */
static bool read_top(loader *ld, int key, const cfg_node *value)
{
    switch (key) {
    case TOP_RULES:
        return read_rules(ld, value, ld->config->base);
    case TOP_FAIL_ON:
        return read_fail_on(ld, value);
    case TOP_INCLUDE:
        return cfg_read_strings(ld, value, &ld->config->include);
    case TOP_EXCLUDE:
        return cfg_read_strings(ld, value, &ld->config->exclude);
    case TOP_VOCABULARY:
        return read_vocab(ld, value);
    case TOP_OVERRIDES:
        return read_overrides(ld, value);
    case TOP_CUSTOM_RULES:
    case TOP_PLUGINS:
        return true;        /* accepted; a later feature */
    default:
        return false;
    }
}

static void start(loader *ld, const char *name)
{
    memset(ld->error, 0, sizeof(*ld->error));
    snprintf(ld->error->file, sizeof(ld->error->file), "%s", name);
}

bool cfg_apply(pt_config *config, const char *name, const cfg_node *root,
               pt_config_error *error)
{
    loader ld = {.config = config, .error = error};
    start(&ld, name);
    if (root == NULL) {
        return true;
    }
    if (root->kind != CFG_MAP) {
        return cfg_fail_expected(&ld, root, "a mapping of settings (rules:, "
                             "include:, ...) at the top level");
    }
    for (uint32_t i = 0; i < root->len; i++) {
        int key = cfg_lookup_key(&ld, root->items[2 * i], TOP_KEYS, TOP_COUNT);
        if (key < 0 || !read_top(&ld, key, root->items[2 * i + 1])) {
            return false;
        }
    }
    return true;
}

bool cfg_apply_vocab(pt_config *config, const char *name,
                     const cfg_node *root, pt_config_error *error)
{
    loader ld = {.config = config, .error = error};
    start(&ld, name);
    return read_vocab(&ld, root);
}
