/*
 * engine.c - the rule table as the command line sees it, and parsing one
 * path for --dump-model.
 */
#include "engine/engine.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "engine/custom_rules.h"
#include "engine/configs.h"
#include "engine/discover.h"
#include "engine/plugins.h"
#include "engine/source.h"
#include "frontend/frontend.h"
#include "model/lock_wrappers.h"
#include "model/noreturn.h"
#include "rules/registry.h"

/* The rule table: built-in, plugin and custom rules, filled once. */
static pt_registry *registry;
static pt_config_extensions *extensions;

/* The nearest .ptlint.yaml up from the working directory into `out`;
   false when there is none. */
static bool nearest_config(char *out, size_t size)
{
    char dir[PATH_MAX];
    if (getcwd(dir, sizeof(dir)) == NULL) {
        return false;
    }
    for (;;) {
        bool root = strcmp(dir, "/") == 0;
        snprintf(out, size, "%s/.ptlint.yaml", root ? "" : dir);
        if (access(out, R_OK) == 0) {
            return true;
        }
        if (root) {
            return false;
        }
        char *slash = strrchr(dir, '/');
        slash[slash == dir] = '\0';
    }
}

/* Loads `custom-rules:` and `plugins:` of the config at `path`. */
static bool load_config_extensions(const char *path, pt_buf *errors)
{
    pt_config_error error = {0};
    extensions = pt_config_load_extensions(path, &error);
    if (extensions == NULL) {
        pt_buf_printf(errors, "%s:%u:%u: error: %s\n", error.file,
                      error.line, error.col, error.message);
        return false;
    }
    return true;
}

bool pt_engine_load_extensions(const char *config_path,
                               const char *const *plugins, size_t nplugins,
                               pt_buf *errors)
{
    if (registry != NULL) {
        return true;
    }
    registry = pt_registry_new();
    bool ok = pt_builtin_rules_register(registry);
    ok &= pt_registry_close(registry, ok, "built-in rules", errors);
    char nearest[PATH_MAX + 16];
    if (config_path == NULL && nearest_config(nearest, sizeof(nearest))) {
        config_path = nearest;
    }
    if (config_path != NULL && !load_config_extensions(config_path, errors)) {
        return false;
    }
    for (size_t i = 0; i < nplugins; i++) {
        ok &= pt_plugin_load(registry, plugins[i], errors);
    }
    for (uint32_t i = 0; extensions != NULL && i < extensions->nplugins; i++) {
        ok &= pt_plugin_load(registry, extensions->plugins[i], errors);
    }
    return pt_custom_rules_register(registry, extensions, errors) && ok;
}

const pt_rule *const *pt_engine_rules(void)
{
    if (registry == NULL) {
        pt_buf errors = {0};
        pt_engine_load_extensions(NULL, NULL, 0, &errors);
        fputs(pt_buf_str(&errors), stderr);
        pt_buf_free(&errors);
    }
    return pt_registry_rules(registry);
}

const pt_rule *pt_engine_find_rule(const char *id)
{
    for (const pt_rule *const *r = pt_engine_rules(); *r != NULL; r++) {
        if (strcmp((*r)->id, id) == 0) {
            return *r;
        }
    }
    return NULL;
}

const char *pt_engine_rule_doc(const pt_rule *rule)
{
    const char *doc = rule->doc != NULL ? rule->doc : pt_rule_doc(rule->id);
    return doc != NULL ? doc : rule->summary;
}

const char *pt_engine_init_text(void)
{
    return pt_config_init_text();
}

void pt_engine_versions(pt_buf *out)
{
    pt_frontend_versions(out);
}

pt_unit *pt_engine_parse_path(const char *path, pt_frontend_choice choice,
                              const char *compdb_dir, pt_buf *errors)
{
    pt_language language;
    if (!pt_language_of(path, &language)) {
        pt_buf_printf(errors, "%s: not a C or Python file\n", path);
        return NULL;
    }
    char *text = NULL;
    size_t length = 0;
    if (pt_source_read(path, path, &text, &length, errors) != PT_READ_OK) {
        return NULL;
    }
    pt_unit *unit = pt_source_parse(path, language, text, length, choice,
                                    compdb_dir, NULL, 0, NULL, 0);
    free(text);
    /* the model the rules see: with the default vocabulary's noreturn */
    pt_config *config = pt_config_default(pt_engine_rules());
    uint32_t count = 0;
    const char *const *noreturn =
        pt_config_vocab(config, PT_VOCAB_NORETURN, &count);
    pt_unit_cut_noreturn(unit, noreturn, count);
    pt_unit_expand_lock_wrappers(unit, NULL);
    pt_config_free(config);
    return unit;
}

int pt_engine_fail_on(const char *config_path, const char *path,
                      int fallback)
{
    pt_configs *configs = NULL;
    pt_config *fixed = NULL;
    if (config_path != NULL) {
        pt_config_error error = {0};
        fixed = pt_config_load(config_path, pt_engine_rules(), &error);
        if (fixed == NULL) {
            return fallback;
        }
    }
    configs = pt_configs_new(pt_engine_rules(), fixed);
    pt_buf errors = {0};
    const pt_config *config = configs != NULL
                                  ? pt_configs_for(configs, path, &errors)
                                  : NULL;
    pt_severity severity = PT_SEV_WARNING;
    bool never = false;
    int result = fallback;
    if (pt_config_fail_on(config, &severity, &never)) {
        result = never ? -1 : (int)severity;
    }
    pt_buf_free(&errors);
    pt_configs_free(configs);
    return result;
}
