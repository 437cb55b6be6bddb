/*
 * config_check.c - checking YAML values and reporting what is wrong,
 * shared by the sections of config_load.c.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config_check.h"

/* In pt_severity order, then fail-on's "never". */
static const char *const SEVERITIES[4] = {"note", "warning", "error",
                                          "never"};

/* Fills the error at the position of `at`; returns false. */
bool cfg_fail(loader *ld, const cfg_node *at, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vsnprintf(ld->error->message, sizeof(ld->error->message), fmt, args);
    va_end(args);
    ld->error->line = at->line;
    ld->error->col = at->col;
    return false;
}

/* What `node` is, for "found ...": "a mapping", "'maybe'", "nothing". */
const char *cfg_describe(const cfg_node *node, char *buf, size_t size)
{
    if (node->kind == CFG_MAP) {
        return "a mapping";
    }
    if (node->kind == CFG_SEQ) {
        return "a list";
    }
    if (cfg_is_null(node)) {
        return "nothing";
    }
    if (strlen(node->text) > 40) {
        snprintf(buf, size, "'%.37s...'", node->text);
    } else {
        snprintf(buf, size, "'%s'", node->text);
    }
    return buf;
}

/* "expected <what>, found <node>"; returns false. */
bool cfg_fail_expected(loader *ld, const cfg_node *node, const char *what)
{
    char buf[64];
    return cfg_fail(ld, node, "expected %s, found %s", what,
                cfg_describe(node, buf, sizeof(buf)));
}

int cfg_find_key(const char *key, const char *const *keys, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (strcmp(key, keys[i]) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/* Joins `keys` as "a, b or c" into `buf`. */
const char *cfg_join_keys(const char *const *keys, size_t count,
                             char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < count && used < size; i++) {
        const char *sep = i == 0 ? "" : (i + 1 == count ? " or " : ", ");
        int n = snprintf(buf + used, size - used, "%s%s", sep, keys[i]);
        used += n > 0 ? (size_t)n : 0;
    }
    return buf;
}

/* "unknown <noun> 'x'; did you mean 'y'?" or "...; expected a, b or c". */
bool cfg_fail_unknown(loader *ld, const cfg_node *key, const char *noun,
                         const char *const *valid, size_t count)
{
    const char *near = cfg_suggest(key->text, valid, count);
    if (near != NULL) {
        return cfg_fail(ld, key, "unknown %s '%s'; did you mean '%s'?", noun,
                    key->text, near);
    }
    char list[256];
    return cfg_fail(ld, key, "unknown %s '%s'; expected %s", noun, key->text,
                cfg_join_keys(valid, count, list, sizeof(list)));
}

/* Looks the key up in `keys`; -1 with the error filled when unknown. */
int cfg_lookup_key(loader *ld, const cfg_node *key,
                      const char *const *keys, size_t count)
{
    int index = cfg_find_key(key->text, keys, count);
    if (index < 0) {
        cfg_fail_unknown(ld, key, "key", keys, count);
    }
    return index;
}

void cfg_list_push(pt_arena *arena, cfg_list *list, const char *item)
{
    if (list->count == list->cap) {
        uint32_t cap = list->cap ? list->cap * 2 : 16;
        const char **items = pt_arena_alloc(arena, cap * sizeof(*items));
        if (list->count > 0) {
            memcpy(items, list->items, list->count * sizeof(*items));
        }
        list->items = items;
        list->cap = cap;
    }
    list->items[list->count++] = item;
}

/* Appends the strings of the list `node` (null: none) to `list`. */
bool cfg_read_strings(loader *ld, const cfg_node *node, cfg_list *list)
{
    if (cfg_is_null(node)) {
        return true;
    }
    if (node->kind != CFG_SEQ) {
        return cfg_fail_expected(ld, node, "a list of strings");
    }
    for (uint32_t i = 0; i < node->len; i++) {
        const cfg_node *item = node->items[i];
        if (item->kind != CFG_SCALAR || cfg_is_null(item) ||
            item->text[0] == '\0') {
            return cfg_fail_expected(ld, item, "a non-empty string");
        }
        cfg_list_push(ld->config->arena, list, item->text);
    }
    return true;
}

bool cfg_parse_bool(const cfg_node *node, bool *value)
{
    static const char *const TRUE_WORDS[] = {"true", "True", "TRUE"};
    static const char *const FALSE_WORDS[] = {"false", "False", "FALSE"};
    if (node->kind != CFG_SCALAR) {
        return false;
    }
    if (cfg_find_key(node->text, TRUE_WORDS, 3) >= 0) {
        *value = true;
        return true;
    }
    if (cfg_find_key(node->text, FALSE_WORDS, 3) >= 0) {
        *value = false;
        return true;
    }
    return false;
}

bool cfg_is_integer(const cfg_node *node)
{
    if (node->kind != CFG_SCALAR || node->text[0] == '\0') {
        return false;
    }
    char *end = NULL;
    errno = 0;
    (void)strtoll(node->text, &end, 10);
    return errno == 0 && *end == '\0' &&
           strchr(" \t\n", node->text[0]) == NULL;
}

/* Reads a severity (or, when `never` is allowed, "never") into *value. */
bool cfg_read_severity(loader *ld, const cfg_node *node, bool never,
                          int *value)
{
    size_t count = never ? 4 : 3;
    static const char *const ORDERED[4] = {"error", "warning", "note",
                                           "never"};
    if (node->kind != CFG_SCALAR || cfg_is_null(node)) {
        char list[64];
        return cfg_fail_expected(ld, node,
                             cfg_join_keys(ORDERED, count, list, sizeof(list)));
    }
    int index = cfg_find_key(node->text, SEVERITIES, count);
    if (index < 0) {
        return cfg_fail_unknown(ld, node, never ? "fail-on value" : "severity",
                            ORDERED, count);
    }
    *value = index;
    return true;
}

/* Rule settings with nothing set. */
cfg_rule_set *cfg_rule_sets_new(pt_config *config)
{
    cfg_rule_set *sets = pt_arena_alloc(
        config->arena, (config->nrules + 1) * sizeof(*sets));
    for (uint32_t i = 0; i < config->nrules; i++) {
        sets[i].enabled = -1;
        sets[i].severity = -1;
    }
    return sets;
}

uint32_t cfg_option_count(const pt_rule *rule)
{
    uint32_t count = 0;
    while (rule->options != NULL && rule->options[count].name != NULL) {
        count++;
    }
    return count;
}

