/*
 * plugins.h - the rule registry (ptlint/plugin.h) and loading plugins.
 *
 * The engine keeps one registry per process: the built-in rules, then
 * the rules of each plugin in load order, then the custom rules of the
 * configuration.  It is filled before any worker starts and read-only
 * afterwards.
 */
#ifndef PTLINT_ENGINE_PLUGINS_H
#define PTLINT_ENGINE_PLUGINS_H

#include <stdbool.h>
#include <stddef.h>

#include "ptlint/buf.h"
#include "ptlint/plugin.h"

/* A new, empty registry.  Aborts when out of memory. */
pt_registry *pt_registry_new(void);

/* Frees the registry (not the rules).  Accepts NULL. */
void pt_registry_free(pt_registry *registry);

/* The rules registered so far, NULL-terminated; valid until the next add. */
const pt_rule *const *pt_registry_rules(const pt_registry *registry);

/*
 * Closes the current registrant: the next one must call
 * pt_registry_open() again.  Returns false, with the reason in `errors`
 * prefixed by `who`, when the registrant was refused (wrong ABI, a bad
 * rule), after dropping every rule it added.
 */
bool pt_registry_close(pt_registry *registry, bool init_ok, const char *who,
                       pt_buf *errors);

/*
 * Loads the plugin at `path` and lets it register its rules.  Returns
 * false with a message naming the file in `errors` when it cannot be
 * loaded, has no entry point, was built for another ABI version or
 * registers a bad rule; the registry then holds none of its rules.
 */
bool pt_plugin_load(pt_registry *registry, const char *path, pt_buf *errors);

#endif
