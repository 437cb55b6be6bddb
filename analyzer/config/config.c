/*
 * config.c - loading a configuration and answering the engine's
 * questions about it: effective rule settings per file, vocabulary,
 * excluded paths.
 *
 * Everything lives in one arena owned by the config; after loading
 * nothing is written, so workers may share a config freely.
 */
#define _XOPEN_SOURCE 700       /* realpath() */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config_check.h"

enum { PATH_BUF = 8192 };

static const char *const EMPTY_LIST[1] = {NULL};

/* Parses a list option's default ("[a, b]", or one plain item). */
static void parse_default_list(pt_config *config, cfg_value *value)
{
    pt_config_error ignored;
    cfg_node *root = NULL;
    if (!cfg_parse(config->arena, "<default>", value->text,
                   strlen(value->text), &root, &ignored) ||
        root == NULL || root->kind == CFG_MAP) {
        return;
    }
    cfg_list list = {0};
    if (root->kind == CFG_SCALAR) {
        cfg_list_push(config->arena, &list, root->text);
    }
    for (uint32_t i = 0; root->kind == CFG_SEQ && i < root->len; i++) {
        if (root->items[i]->kind == CFG_SCALAR) {
            cfg_list_push(config->arena, &list, root->items[i]->text);
        }
    }
    value->items = list.items;
    value->count = list.count;
}

/* Fills config->defaults from the options the rules declare. */
static void load_defaults(pt_config *config)
{
    config->defaults = pt_arena_alloc(
        config->arena, (config->nrules + 1) * sizeof(cfg_value *));
    for (uint32_t i = 0; i < config->nrules; i++) {
        const pt_rule *rule = config->rules[i];
        uint32_t count = cfg_option_count(rule);
        cfg_value *values = pt_arena_alloc(config->arena,
                                           (count + 1) * sizeof(*values));
        for (uint32_t k = 0; k < count; k++) {
            const char *text = rule->options[k].default_value;
            values[k].text = text != NULL ? text : "";
            if (rule->options[k].type == PT_OPT_LIST) {
                parse_default_list(config, &values[k]);
            }
        }
        config->defaults[i] = values;
    }
}

pt_config *cfg_new(const pt_rule *const *rules, pt_config_error *error)
{
    pt_arena *arena = pt_arena_new();
    if (arena == NULL) {
        return NULL;
    }
    pt_config *config = pt_arena_alloc(arena, sizeof(*config));
    config->arena = arena;
    config->rules = rules;
    while (rules != NULL && rules[config->nrules] != NULL) {
        config->nrules++;
    }
    config->fail_on = -1;
    config->base = cfg_rule_sets_new(config);
    load_defaults(config);
    const char *name = "<built-in vocabulary>";
    const char *text = pt_default_vocabulary_yaml;
    cfg_node *root = NULL;
    if (!cfg_parse(arena, name, text, strlen(text), &root, error) ||
        !cfg_apply_vocab(config, name, root, error)) {
        pt_arena_free(arena);
        return NULL;
    }
    return config;
}

/*
 * Removes "." and empty segments from the absolute `path` and resolves
 * "..", in place.
 */
static void normalise(char *path)
{
    char *out = path;
    const char *in = path;
    while (*in != '\0') {
        while (*in == '/') {
            in++;
        }
        size_t len = strcspn(in, "/");
        if (len == 0 || (len == 1 && in[0] == '.')) {
            in += len;
            continue;
        }
        if (len == 2 && in[0] == '.' && in[1] == '.') {
            while (out > path && *--out != '/') {
            }
            in += len;
            continue;
        }
        *out++ = '/';
        memmove(out, in, len);
        out += len;
        in += len;
    }
    if (out == path) {
        *out++ = '/';
    }
    *out = '\0';
}

/* Sets config->dir (absolute) and config->cwd for the file `path`. */
static void set_paths(pt_config *config, const char *path)
{
    char cwd[PATH_BUF];
    char dir[PATH_BUF];
    config->path = pt_arena_strdup(config->arena, path);
    if (getcwd(cwd, sizeof(cwd)) == NULL) {
        snprintf(cwd, sizeof(cwd), "/");
    }
    config->cwd = pt_arena_strdup(config->arena, cwd);
    const char *slash = strrchr(path, '/');
    int len = slash == NULL ? 1 : slash == path ? 1 : (int)(slash - path);
    snprintf(dir, sizeof(dir), "%.*s", len, slash == NULL ? "." : path);
    char *real = realpath(dir, NULL);
    if (real != NULL) {
        config->dir = pt_arena_strdup(config->arena, real);
        free(real);
        return;
    }
    char joined[PATH_BUF * 2];
    snprintf(joined, sizeof(joined), "%s/%s", dir[0] == '/' ? "" : cwd, dir);
    normalise(joined);
    config->dir = pt_arena_strdup(config->arena, joined);
}

pt_config *pt_config_load(const char *path, const pt_rule *const *rules,
                          pt_config_error *error)
{
    pt_config_error local = {0};
    error = error != NULL ? error : &local;
    char *text = NULL;
    size_t len = 0;
    if (!cfg_read_file(path, &text, &len, error)) {
        return NULL;
    }
    pt_config *config = cfg_new(rules, error);
    cfg_node *root = NULL;
    bool ok = config != NULL &&
              cfg_parse(config->arena, path, text, len, &root, error) &&
              cfg_apply(config, path, root, error);
    free(text);
    if (!ok) {
        pt_config_free(config);
        return NULL;
    }
    set_paths(config, path);
    memset(error, 0, sizeof(*error));
    return config;
}

pt_config *pt_config_default(const pt_rule *const *rules)
{
    pt_config_error error;
    return cfg_new(rules, &error);
}

void pt_config_free(pt_config *config)
{
    if (config != NULL) {
        pt_arena_free(config->arena);
    }
}

const char *pt_config_path(const pt_config *config)
{
    return config != NULL ? config->path : NULL;
}

/*
 * Writes the part of `path` below the config's directory to `out` and
 * returns it ("" for the directory itself); NULL when the path lies
 * outside it, the config has no directory, or the path is too long.
 */
static const char *relative_path(const pt_config *config, const char *path,
                                 char *out, size_t size)
{
    if (config->dir == NULL || path == NULL) {
        return NULL;
    }
    int n = path[0] == '/'
                ? snprintf(out, size, "%s", path)
                : snprintf(out, size, "%s/%s", config->cwd, path);
    if (n < 0 || (size_t)n >= size) {
        return NULL;
    }
    normalise(out);
    size_t dir_len = strlen(config->dir);
    if (strcmp(config->dir, "/") == 0) {
        return out + 1;
    }
    if (strncmp(out, config->dir, dir_len) != 0 ||
        (out[dir_len] != '/' && out[dir_len] != '\0')) {
        return NULL;
    }
    return out + dir_len + (out[dir_len] == '/');
}

static bool any_glob_matches(const char *const *globs, uint32_t count,
                             const char *rel)
{
    for (uint32_t i = 0; i < count; i++) {
        if (cfg_glob_match(globs[i], rel)) {
            return true;
        }
    }
    return false;
}

/* Walks the settings that apply to one rule and file, in file order. */
typedef struct set_iter {
    const pt_config *config;
    int rule;
    const char *rel;            /* NULL: outside, no override applies */
    uint32_t next;
} set_iter;

static const cfg_rule_set *next_set(set_iter *it)
{
    const pt_config *config = it->config;
    if (it->next == 0) {
        it->next = 1;
        return &config->base[it->rule];
    }
    while (it->rel != NULL && it->next <= config->noverrides) {
        const cfg_override *override = &config->overrides[it->next - 1];
        it->next++;
        if (any_glob_matches(override->paths, override->npaths, it->rel)) {
            return &override->rules[it->rule];
        }
    }
    return NULL;
}

/* The rule's index in the config's table (by pointer, then id), or -1. */
static int rule_index(const pt_config *config, const pt_rule *rule)
{
    for (uint32_t i = 0; i < config->nrules; i++) {
        if (config->rules[i] == rule) {
            return (int)i;
        }
    }
    for (uint32_t i = 0; i < config->nrules; i++) {
        if (strcmp(config->rules[i]->id, rule->id) == 0) {
            return (int)i;
        }
    }
    return -1;
}

bool pt_config_rule_enabled(const pt_config *config, const pt_rule *rule,
                            const char *path)
{
    char buf[PATH_BUF];
    int index = config != NULL ? rule_index(config, rule) : -1;
    bool enabled = rule->enabled;
    if (index < 0) {
        return enabled;
    }
    set_iter it = {config, index, relative_path(config, path, buf,
                                                sizeof(buf)), 0};
    for (const cfg_rule_set *set = next_set(&it); set != NULL;
         set = next_set(&it)) {
        enabled = set->enabled >= 0 ? set->enabled == 1 : enabled;
    }
    return enabled;
}

pt_severity pt_config_rule_severity(const pt_config *config,
                                    const pt_rule *rule, const char *path)
{
    char buf[PATH_BUF];
    int index = config != NULL ? rule_index(config, rule) : -1;
    pt_severity severity = rule->severity;
    if (index < 0) {
        return severity;
    }
    set_iter it = {config, index, relative_path(config, path, buf,
                                                sizeof(buf)), 0};
    for (const cfg_rule_set *set = next_set(&it); set != NULL;
         set = next_set(&it)) {
        severity = set->severity >= 0 ? (pt_severity)set->severity
                                      : severity;
    }
    return severity;
}

/* The effective value of the rule's option `name`, or NULL. */
static const cfg_value *option_value(const pt_config *config,
                                     const pt_rule *rule, const char *name,
                                     const char *path)
{
    char buf[PATH_BUF];
    int index = config != NULL ? rule_index(config, rule) : -1;
    uint32_t count = cfg_option_count(rule);
    uint32_t k = 0;
    while (k < count && strcmp(rule->options[k].name, name) != 0) {
        k++;
    }
    if (index < 0 || k == count) {
        return NULL;
    }
    const cfg_value *value = &config->defaults[index][k];
    set_iter it = {config, index, relative_path(config, path, buf,
                                                sizeof(buf)), 0};
    for (const cfg_rule_set *set = next_set(&it); set != NULL;
         set = next_set(&it)) {
        if (set->options != NULL && set->options[k].text != NULL) {
            value = &set->options[k];
        }
    }
    return value;
}

/* The declared default text of the rule's option `name`, or NULL. */
static const char *declared_default(const pt_rule *rule, const char *name)
{
    uint32_t count = cfg_option_count(rule);
    for (uint32_t k = 0; k < count; k++) {
        if (strcmp(rule->options[k].name, name) == 0) {
            const char *text = rule->options[k].default_value;
            return text != NULL ? text : "";
        }
    }
    return NULL;
}

const char *pt_config_rule_option(const pt_config *config,
                                  const pt_rule *rule, const char *option,
                                  const char *path)
{
    const cfg_value *value = option_value(config, rule, option, path);
    return value != NULL ? value->text : declared_default(rule, option);
}

const char *const *pt_config_rule_option_list(const pt_config *config,
                                              const pt_rule *rule,
                                              const char *option,
                                              const char *path,
                                              uint32_t *count)
{
    const cfg_value *value = option_value(config, rule, option, path);
    if (value == NULL || value->items == NULL) {
        *count = 0;
        return EMPTY_LIST;
    }
    *count = value->count;
    return value->items;
}

const char *const *pt_config_vocab(const pt_config *config,
                                   pt_vocab_kind kind, uint32_t *count)
{
    if (config == NULL || (unsigned)kind >= PT_VOCAB_KIND_COUNT ||
        config->vocab[kind].count == 0) {
        *count = 0;
        return EMPTY_LIST;
    }
    *count = config->vocab[kind].count;
    return config->vocab[kind].items;
}

bool pt_config_path_excluded(const pt_config *config, const char *path)
{
    char buf[PATH_BUF];
    const char *rel = config != NULL
                          ? relative_path(config, path, buf, sizeof(buf))
                          : NULL;
    if (rel == NULL || rel[0] == '\0') {
        return false;
    }
    if (config->include.count > 0 &&
        !any_glob_matches(config->include.items, config->include.count,
                          rel)) {
        return true;
    }
    return any_glob_matches(config->exclude.items, config->exclude.count,
                            rel);
}

bool pt_config_fail_on(const pt_config *config, pt_severity *severity,
                       bool *never)
{
    if (config == NULL || config->fail_on < 0) {
        return false;
    }
    *never = config->fail_on == CFG_FAIL_NEVER;
    *severity = *never ? PT_SEV_ERROR : (pt_severity)config->fail_on;
    return true;
}
