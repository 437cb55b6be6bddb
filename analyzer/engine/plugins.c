/*
 * plugins.c - the rule registry behind ptlint/plugin.h, and loading
 * plugins with dlopen().
 */
#include "engine/plugins.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pt_registry {
    const pt_rule **rules;      /* NULL-terminated when len < cap */
    size_t len;
    size_t cap;
    size_t mark;                /* first rule of the current registrant */
    bool open;                  /* pt_registry_open() succeeded */
    uint32_t wrong_version;     /* a refused version, or 0 */
    char name[128];             /* the current registrant's name */
    char problem[256];          /* why a rule was refused, or "" */
};

pt_registry *pt_registry_new(void)
{
    pt_registry *registry = calloc(1, sizeof(*registry));
    if (registry == NULL) {
        abort();
    }
    registry->cap = 32;
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
    registry->rules = calloc(registry->cap, sizeof(*registry->rules));
    if (registry->rules == NULL) {
        abort();
    }
    return registry;
}

void pt_registry_free(pt_registry *registry)
{
    if (registry != NULL) {
        free(registry->rules);
        free(registry);
    }
}

const pt_rule *const *pt_registry_rules(const pt_registry *registry)
{
    return registry->rules;
}

uint32_t pt_registry_abi_version(const pt_registry *registry)
{
    (void)registry;
    return PT_PLUGIN_ABI_VERSION;
}

bool pt_registry_open(pt_registry *registry, uint32_t abi_version,
                      const char *name)
{
    snprintf(registry->name, sizeof(registry->name), "%s",
             name != NULL ? name : "?");
    if (abi_version != PT_PLUGIN_ABI_VERSION) {
        registry->wrong_version = abi_version != 0 ? abi_version : ~0u;
        registry->open = false;
        return false;
    }
    registry->open = true;
    registry->mark = registry->len;
    return true;
}

/* True for a kebab-case slug: [a-z0-9]+(-[a-z0-9]+)*. */
static bool is_kebab(const char *id)
{
    if (id == NULL || *id == '\0' || *id == '-') {
        return false;
    }
    for (const char *p = id; *p != '\0'; p++) {
        bool alnum = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9');
        if (!alnum && !(*p == '-' && p[1] != '-' && p[1] != '\0')) {
            return false;
        }
    }
    return true;
}

/* Why `rule` cannot join the table, or NULL when it can. */
static const char *rule_problem(const pt_registry *registry,
                                const pt_rule *rule)
{
    if (rule == NULL || !is_kebab(rule->id)) {
        return "a rule id must be a kebab-case slug";
    }
    if (rule->summary == NULL || rule->summary[0] == '\0') {
        return "a rule needs a one-sentence summary";
    }
    if ((rule->languages & PT_LANGS_ALL) == 0 ||
        (rule->languages & ~PT_LANGS_ALL) != 0) {
        return "a rule needs languages, a PT_LANGS_* mask";
    }
    if ((unsigned)rule->severity > PT_SEV_ERROR) {
        return "a rule's severity must be note, warning or error";
    }
    for (size_t i = 0; i < registry->len; i++) {
        if (strcmp(registry->rules[i]->id, rule->id) == 0) {
            return "a rule with this id is already registered";
        }
    }
    return NULL;
}

bool pt_registry_add(pt_registry *registry, const pt_rule *rule)
{
    const char *problem = registry->open
                              ? rule_problem(registry, rule)
                              : "a rule was added before pt_registry_open()";
    if (problem != NULL) {
        if (registry->problem[0] == '\0') {
            snprintf(registry->problem, sizeof(registry->problem),
                     "rule '%s': %s", rule != NULL && rule->id != NULL
                                          ? rule->id : "?", problem);
        }
        return false;
    }
    if (registry->len + 1 >= registry->cap) {
        size_t cap = registry->cap * 2;
        /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
        const pt_rule **grown = realloc(registry->rules, cap * sizeof(*grown));
        if (grown == NULL) {
            abort();
        }
        registry->rules = grown;
        registry->cap = cap;
    }
    registry->rules[registry->len++] = rule;
    registry->rules[registry->len] = NULL;
    return true;
}

/* Writes why the current registrant was refused, or nothing. */
static bool explain_refusal(const pt_registry *registry, bool init_ok,
                            const char *who, pt_buf *errors)
{
    if (registry->wrong_version != 0) {
        pt_buf_printf(errors, "%s: refused: built for plugin ABI version %u, "
                      "but this ptlint speaks version %u; rebuild it against "
                      "this ptlint's ptlint/plugin.h\n", who,
                      registry->wrong_version, PT_PLUGIN_ABI_VERSION);
    } else if (!registry->open) {
        pt_buf_printf(errors, "%s: refused: its entry point did not call "
                      "pt_registry_open()\n", who);
    } else if (registry->problem[0] != '\0') {
        pt_buf_printf(errors, "%s: refused: %s\n", who, registry->problem);
    } else if (!init_ok) {
        pt_buf_printf(errors, "%s: refused: its entry point returned "
                      "false\n", who);
    } else {
        return true;
    }
    return false;
}

bool pt_registry_close(pt_registry *registry, bool init_ok, const char *who,
                       pt_buf *errors)
{
    bool ok = explain_refusal(registry, init_ok, who, errors);
    if (!ok) {
        registry->len = registry->open ? registry->mark : registry->len;
        registry->rules[registry->len] = NULL;
    }
    registry->open = false;
    registry->wrong_version = 0;
    registry->problem[0] = '\0';
    registry->mark = registry->len;
    return ok;
}

bool pt_plugin_load(pt_registry *registry, const char *path, pt_buf *errors)
{
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        pt_buf_printf(errors, "%s: cannot load plugin: %s\n", path,
                      dlerror());
        return false;
    }
    pt_plugin_init_fn *init = NULL;
    void *symbol = dlsym(handle, PT_PLUGIN_ENTRY_NAME);
    memcpy(&init, &symbol, sizeof(init));   /* object to function pointer */
    if (init == NULL) {
        pt_buf_printf(errors, "%s: not a ptlint plugin: it does not export "
                      "%s()\n", path, PT_PLUGIN_ENTRY_NAME);
        dlclose(handle);
        return false;
    }
    registry->open = false;
    registry->mark = registry->len;
    bool init_ok = init(registry);
    char who[600];
    snprintf(who, sizeof(who), "%s (plugin '%s')", path,
             registry->name[0] ? registry->name : "?");
    if (!pt_registry_close(registry, init_ok, who, errors)) {
        dlclose(handle);
        return false;
    }
    return true;                /* never unloaded: its rules live on */
}
