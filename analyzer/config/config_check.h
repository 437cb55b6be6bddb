/*
 * config_check.h - checking YAML values against what a key expects, and
 * the error messages for what does not fit (config_check.c).
 *
 * Every function that returns bool returns false with the loader's error
 * filled (position and message) when the value does not fit.
 */
#ifndef PTLINT_CONFIG_CHECK_H
#define PTLINT_CONFIG_CHECK_H

#include "config/config_internal.h"

/* The state of one cfg_apply() or cfg_apply_vocab(). */
typedef struct loader {
    pt_config *config;
    pt_config_error *error;
} loader;

/* Fills the error at the position of `at`; returns false. */
bool cfg_fail(loader *ld, const cfg_node *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* What `node` is, for "found ...": "a mapping", "'maybe'", "nothing". */
const char *cfg_describe(const cfg_node *node, char *buf, size_t size);

/* "expected <what>, found <node>"; returns false. */
bool cfg_fail_expected(loader *ld, const cfg_node *node, const char *what);

/* The index of `key` in `keys`, or -1. */
int cfg_find_key(const char *key, const char *const *keys, size_t count);

/* Joins `keys` as "a, b or c" into `buf`; returns `buf`. */
const char *cfg_join_keys(const char *const *keys, size_t count, char *buf,
                          size_t size);

/* "unknown <noun> 'x'; did you mean 'y'?" or "...; expected a, b or c". */
bool cfg_fail_unknown(loader *ld, const cfg_node *key, const char *noun,
                      const char *const *valid, size_t count);

/* The index of the key node in `keys`; -1 with the error filled. */
int cfg_lookup_key(loader *ld, const cfg_node *key, const char *const *keys,
                   size_t count);

/* Appends the strings of the list `node` (null: none) to `list`. */
bool cfg_read_strings(loader *ld, const cfg_node *node, cfg_list *list);

/* True with *value set when `node` is true or false (YAML 1.2 core). */
bool cfg_parse_bool(const cfg_node *node, bool *value);

/* True when `node` is a scalar holding a 64-bit decimal integer. */
bool cfg_is_integer(const cfg_node *node);

/* Reads a severity (or, when `never` is allowed, "never") into *value. */
bool cfg_read_severity(loader *ld, const cfg_node *node, bool never,
                       int *value);

/* Rule settings with nothing set, one per rule of the config's table. */
cfg_rule_set *cfg_rule_sets_new(pt_config *config);

/* The number of options `rule` declares. */
uint32_t cfg_option_count(const pt_rule *rule);

#endif
