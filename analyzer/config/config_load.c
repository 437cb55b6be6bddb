/*
 * config_load.c - checking a parsed .ptlint.yaml and applying it.
 *
 * Every key is looked up in a fixed table; an unknown one is an error
 * that suggests the nearest valid key.  Values are checked against the
 * type the key (or the rule's option) declares.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
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
    "logging", "noreturn",
};

/* The key and the value of pair `i` of the mapping `node`. */
static const cfg_node *map_key(const cfg_node *node, uint32_t i)
{
    return node->items[(size_t)i * 2];
}

static const cfg_node *map_value(const cfg_node *node, uint32_t i)
{
    return node->items[(size_t)i * 2 + 1];
}

/* Joins list items as "[a, b]", the option's text form. */
static const char *list_text(pt_arena *arena, const cfg_list *list)
{
    size_t size = 3;
    for (uint32_t i = 0; i < list->count; i++) {
        size += strlen(list->items[i]) + 2;
    }
    char *text = pt_arena_alloc(arena, size);
    size_t used = 0;
    text[used++] = '[';
    for (uint32_t i = 0; i < list->count; i++) {
        if (i > 0) {
            memcpy(text + used, ", ", 2);
            used += 2;
        }
        size_t len = strlen(list->items[i]);
        memcpy(text + used, list->items[i], len);
        used += len;
    }
    text[used++] = ']';
    text[used] = '\0';
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
    uint32_t n = 0;
    while (n < count && n < 32) {
        names[n] = rule->options[n].name;
        n++;
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
        const cfg_node *key = map_key(node, i);
        uint32_t k = 0;
        while (k < count && strcmp(rule->options[k].name, key->text) != 0) {
            k++;
        }
        if (k == count) {
            return fail_option(ld, rule, key);
        }
        if (!read_option(ld, &rule->options[k], map_value(node, i),
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
        const cfg_node *value = map_value(node, i);
        int severity = 0;
        switch (cfg_lookup_key(ld, map_key(node, i), RULE_KEYS, RULE_COUNT)) {
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
        const cfg_node *key = map_key(node, i);
        int index = find_rule(ld->config, key->text);
        if (index < 0) {
            return fail_rule(ld, key);
        }
        if (!read_rule(ld, ld->config->rules[index], map_value(node, i),
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
        const cfg_node *value = map_value(node, i);
        int key = cfg_lookup_key(ld, map_key(node, i), OVERRIDE_KEYS,
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
        int kind = cfg_lookup_key(ld, map_key(node, i), VOCAB_KEYS,
                              PT_VOCAB_KIND_COUNT);
        if (kind < 0 || !cfg_read_strings(ld, map_value(node, i),
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
        return true;        /* read up front: pt_config_load_extensions() */
    default:
        return false;
    }
}

static void clear_error(loader *ld, const char *name)
{
    memset(ld->error, 0, sizeof(*ld->error));
    snprintf(ld->error->file, sizeof(ld->error->file), "%s", name);
}

bool cfg_apply(pt_config *config, const char *name, const cfg_node *root,
               pt_config_error *error)
{
    loader ld = {.config = config, .error = error};
    clear_error(&ld, name);
    if (root == NULL) {
        return true;
    }
    if (root->kind != CFG_MAP) {
        return cfg_fail_expected(&ld, root, "a mapping of settings (rules:, "
                             "include:, ...) at the top level");
    }
    for (uint32_t i = 0; i < root->len; i++) {
        int key = cfg_lookup_key(&ld, map_key(root, i), TOP_KEYS, TOP_COUNT);
        if (key < 0 || !read_top(&ld, key, map_value(root, i))) {
            return false;
        }
    }
    return true;
}

bool cfg_apply_vocab(pt_config *config, const char *name,
                     const cfg_node *root, pt_config_error *error)
{
    loader ld = {.config = config, .error = error};
    clear_error(&ld, name);
    return read_vocab(&ld, root);
}

/* ---- extensions: custom-rules: and plugins: ---- */

enum custom_key {
    CUSTOM_ID = 0,
    CUSTOM_LANGUAGE,
    CUSTOM_SEVERITY,
    CUSTOM_MESSAGE,
    CUSTOM_QUERY,
    CUSTOM_NOTE,
    CUSTOM_URL,
    CUSTOM_INCLUDE,
    CUSTOM_COUNT
};

static const char *const CUSTOM_KEYS[CUSTOM_COUNT] = {
    "id", "language", "severity", "message", "query", "note", "url",
    "include",
};

/* The directory part of `path` ("." for none), in the arena. */
static const char *dir_of(pt_arena *arena, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL) {
        return ".";
    }
    size_t len = slash == path ? 1 : (size_t)(slash - path);
    char *dir = pt_arena_alloc(arena, len + 1);
    memcpy(dir, path, len);
    dir[len] = '\0';
    return dir;
}

/* `name` relative to `dir` unless absolute, in the arena. */
static const char *join_path(pt_arena *arena, const char *dir,
                             const char *name)
{
    if (name[0] == '/') {
        return pt_arena_strdup(arena, name);
    }
    size_t size = strlen(dir) + strlen(name) + 2;
    char *out = pt_arena_alloc(arena, size);
    snprintf(out, size, "%s/%s", dir, name);
    return out;
}

/* The non-empty string value of a custom rule field; NULL, with the
   error filled, for anything else. */
static const char *read_text(loader *ld, const cfg_node *node)
{
    if (node->kind != CFG_SCALAR || cfg_is_null(node) ||
        node->text[0] == '\0') {
        (void)cfg_fail_expected(ld, node, "a non-empty string"); /* false */
        return NULL;
    }
    return node->text;
}

/* Reads one field of a custom rule into `spec`. */
static bool read_custom_field(loader *ld, int key, const cfg_node *value,
                              pt_custom_rule_spec *spec)
{
    int severity = 0;
    switch (key) {
    case CUSTOM_ID:
        spec->id_line = value->line;
        spec->id_col = value->col;
        spec->id = read_text(ld, value);
        return spec->id != NULL;
    case CUSTOM_LANGUAGE:
        if (value->kind == CFG_SCALAR && strcmp(value->text, "c") == 0) {
            spec->language = PT_LANG_C;
            return true;
        }
        if (value->kind == CFG_SCALAR && strcmp(value->text, "python") == 0) {
            spec->language = PT_LANG_PYTHON;
            return true;
        }
        return cfg_fail_expected(ld, value, "c or python");
    case CUSTOM_SEVERITY:
        if (!cfg_read_severity(ld, value, false, &severity)) {
            return false;
        }
        spec->severity = (pt_severity)severity;
        return true;
    case CUSTOM_MESSAGE:
        spec->message = read_text(ld, value);
        return spec->message != NULL;
    case CUSTOM_QUERY:
        spec->query_line = value->line;
        spec->query_col = value->col;
        spec->query = read_text(ld, value);
        return spec->query != NULL;
    case CUSTOM_NOTE:
        spec->note = read_text(ld, value);
        return spec->note != NULL;
    case CUSTOM_URL:
        spec->url = read_text(ld, value);
        return spec->url != NULL;
    default:
        return false;
    }
}

/* True when the mapping `node` has the key `name`. */
static bool has_key(const cfg_node *node, const char *name)
{
    for (uint32_t i = 0; i < node->len; i++) {
        if (strcmp(map_key(node, i)->text, name) == 0) {
            return true;
        }
    }
    return false;
}

/* Reads one custom rule (a mapping of the fields) into `spec`. */
static bool read_custom_rule(loader *ld, const cfg_node *node,
                             const char *yaml, pt_custom_rule_spec *spec)
{
    static const char *const required[] = {"id", "language", "message",
                                           "query"};
    memset(spec, 0, sizeof(*spec));
    spec->severity = PT_SEV_WARNING;
    spec->file = pt_arena_strdup(ld->config->arena, ld->error->file);
    spec->yaml = yaml;
    for (uint32_t i = 0; i < node->len; i++) {
        const cfg_node *key = map_key(node, i);
        int k = cfg_lookup_key(ld, key, CUSTOM_KEYS, CUSTOM_INCLUDE);
        if (k < 0 ||
            !read_custom_field(ld, k, map_value(node, i), spec)) {
            return false;
        }
    }
    for (int i = 0; i < 4; i++) {
        if (!has_key(node, required[i])) {
            return cfg_fail(ld, node, "a custom rule needs '%s:' (with id, "
                            "language, message and query)", required[i]);
        }
    }
    return true;
}

typedef struct ext_reader {
    pt_config_extensions *ext;
    uint32_t cap;
} ext_reader;

/* A new slot for a custom rule. */
static pt_custom_rule_spec *push_spec(ext_reader *r, pt_arena *arena)
{
    pt_config_extensions *ext = r->ext;
    if (ext->nrules == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 8;
        pt_custom_rule_spec *grown = pt_arena_alloc(arena,
                                                    r->cap * sizeof(*grown));
        if (ext->nrules > 0) {
            memcpy(grown, ext->rules, ext->nrules * sizeof(*grown));
        }
        ext->rules = grown;
    }
    return &ext->rules[ext->nrules++];
}

/* Reads a YAML file whole into the arena and parses it. */
static bool parse_file(pt_arena *arena, const char *path, const char **yaml,
                       cfg_node **root, pt_config_error *error)
{
    char *text = NULL;
    size_t len = 0;
    if (!cfg_read_file(path, &text, &len, error)) {
        return false;
    }
    *yaml = pt_arena_strdup(arena, text);
    bool ok = cfg_parse(arena, path, *yaml, len, root, error);
    free(text);
    return ok;
}

/* True when `name` ends in .yaml or .yml. */
static bool is_yaml_name(const char *name)
{
    size_t len = strlen(name);
    return name[0] != '.' &&
           ((len > 5 && strcmp(name + len - 5, ".yaml") == 0) ||
            (len > 4 && strcmp(name + len - 4, ".yml") == 0));
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Reads one included rule file: a mapping whose id is the file name. */
static bool read_rule_file(ext_reader *r, pt_config *holder,
                           const char *path, pt_config_error *error)
{
    const char *yaml = NULL;
    cfg_node *root = NULL;
    if (!parse_file(holder->arena, path, &yaml, &root, error)) {
        return false;
    }
    loader ld = {.config = holder, .error = error};
    memset(error, 0, sizeof(*error));
    snprintf(error->file, sizeof(error->file), "%s", path);
    if (root == NULL || root->kind != CFG_MAP) {
        cfg_node top = {.kind = CFG_SCALAR, .line = 1, .col = 1, .text = ""};
        return cfg_fail_expected(&ld, root != NULL ? root : &top,
                                 "a mapping with id, language, severity, "
                                 "message and query");
    }
    pt_custom_rule_spec *spec = push_spec(r, holder->arena);
    if (!read_custom_rule(&ld, root, yaml, spec)) {
        return false;
    }
    const char *base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1
                                                  : path;
    size_t stem = strcspn(base, ".");
    if (strlen(spec->id) != stem || strncmp(spec->id, base, stem) != 0) {
        cfg_node at = {.kind = CFG_SCALAR, .line = spec->id_line,
                       .col = spec->id_col, .text = spec->id};
        return cfg_fail(&ld, &at, "the rule in '%s' must have the id '%.*s' "
                        "(one rule per file, named after its id); found "
                        "'%s'", base, (int)stem, base, spec->id);
    }
    return true;
}

/* Reads every *.yaml / *.yml of `dir`, in name order. */
static bool read_rules_dir(ext_reader *r, loader *ld, const cfg_node *at,
                           const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        return cfg_fail(ld, at, "cannot open the custom rules directory "
                        "'%s': %s", dir, strerror(errno));
    }
    const char **names = NULL;
    size_t count = 0;
    for (struct dirent *e = readdir(d); e != NULL; e = readdir(d)) {
        if (is_yaml_name(e->d_name)) {
            const char **grown = realloc(names, (count + 1) * sizeof(*names));
            if (grown == NULL) {
                abort();
            }
            names = grown;
            names[count++] = join_path(ld->config->arena, dir, e->d_name);
        }
    }
    closedir(d);
    if (count > 1) {
        qsort(names, count, sizeof(*names), compare_names);
    }
    bool ok = true;
    for (size_t i = 0; ok && i < count; i++) {
        ok = read_rule_file(r, ld->config, names[i], ld->error);
    }
    free(names);
    return ok;
}

/* `custom-rules:`: a list of rules and `include: DIR` entries. */
static bool read_custom_rules(ext_reader *r, loader *ld, const cfg_node *node,
                              const char *yaml)
{
    if (cfg_is_null(node)) {
        return true;
    }
    if (node->kind != CFG_SEQ) {
        return cfg_fail_expected(ld, node, "a list of custom rules (each with "
                                 "id, language, message and query) or "
                                 "include: entries");
    }
    const char *dir = dir_of(ld->config->arena, r->ext->path);
    for (uint32_t i = 0; i < node->len; i++) {
        const cfg_node *item = node->items[i];
        if (item->kind != CFG_MAP) {
            return cfg_fail_expected(ld, item, "a mapping (a custom rule, or "
                                     "include: DIR)");
        }
        if (item->len > 0 && strcmp(map_key(item, 0)->text, "include") == 0) {
            if (item->len != 1) {
                return cfg_fail(ld, map_key(item, 1), "an include: entry "
                                "takes nothing but the directory");
            }
            const char *sub = read_text(ld, map_value(item, 0));
            if (sub == NULL ||
                !read_rules_dir(r, ld, map_value(item, 0),
                                join_path(ld->config->arena, dir, sub))) {
                return false;
            }
            snprintf(ld->error->file, sizeof(ld->error->file), "%s",
                     r->ext->path);
            continue;
        }
        if (!read_custom_rule(ld, item, yaml, push_spec(r, ld->config->arena))) {
            return false;
        }
    }
    return true;
}

/* `plugins:`: a list of shared objects, relative to the file. */
static bool read_plugins(ext_reader *r, loader *ld, const cfg_node *node)
{
    cfg_list list = {0};
    if (!cfg_read_strings(ld, node, &list)) {
        return false;
    }
    const char *dir = dir_of(ld->config->arena, r->ext->path);
    const char **paths = pt_arena_alloc(ld->config->arena,
                                        (list.count + 1) * sizeof(*paths));
    for (uint32_t i = 0; i < list.count; i++) {
        paths[i] = join_path(ld->config->arena, dir, list.items[i]);
    }
    r->ext->plugins = paths;
    r->ext->nplugins = list.count;
    return true;
}

pt_config_extensions *pt_config_load_extensions(const char *path,
                                                pt_config_error *error)
{
    pt_config *holder = cfg_new(NULL, error);
    if (holder == NULL) {
        return NULL;
    }
    pt_config_extensions *ext = pt_arena_alloc(holder->arena, sizeof(*ext));
    ext->storage = holder;
    ext->path = pt_arena_strdup(holder->arena, path);
    const char *yaml = NULL;
    cfg_node *root = NULL;
    loader ld = {.config = holder, .error = error};
    ext_reader r = {.ext = ext};
    bool ok = parse_file(holder->arena, path, &yaml, &root, error);
    if (ok) {
        clear_error(&ld, path);
    }
    for (uint32_t i = 0; ok && root != NULL && root->kind == CFG_MAP &&
                         i < root->len; i++) {
        const char *key = map_key(root, i)->text;
        const cfg_node *value = map_value(root, i);
        if (strcmp(key, "custom-rules") == 0) {
            ok = read_custom_rules(&r, &ld, value, yaml);
        } else if (strcmp(key, "plugins") == 0) {
            ok = read_plugins(&r, &ld, value);
        }
    }
    if (!ok) {
        pt_config_free(holder);
        return NULL;
    }
    return ext;
}

void pt_config_extensions_free(pt_config_extensions *extensions)
{
    if (extensions != NULL) {
        pt_config_free(extensions->storage);
    }
}
