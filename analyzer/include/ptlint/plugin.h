/*
 * plugin.h - the public, versioned interface of ptlint plugins.
 *
 * A plugin is a shared object (a CMake MODULE library) that exports one
 * entry point, `ptlint_plugin_init`, which receives a registry and adds
 * rules to it.  Its rules are described by the same pt_rule as the
 * built-in ones (ptlint/rule.h), run on the same program model
 * (ptlint/model.h) and report through pt_report().  ptlint's own rules
 * register through this interface too (rules/registry.c).
 *
 * A plugin's first call must be pt_registry_open() with the ABI version
 * it was compiled against.  When that version is not the one this ptlint
 * speaks, the call returns false, the plugin must return false, and
 * ptlint refuses it with a message; no rule of it is kept.  Rules added
 * before a successful pt_registry_open() are refused too.
 *
 *     bool ptlint_plugin_init(pt_registry *registry)
 *     {
 *         if (!pt_registry_open(registry, PT_PLUGIN_ABI_VERSION, "mine")) {
 *             return false;
 *         }
 *         return pt_registry_add(registry, &my_rule);
 *     }
 *
 * The pt_rule descriptors a plugin adds must live as long as the process
 * (static storage); ptlint never unloads a plugin.
 */
#ifndef PTLINT_PLUGIN_H
#define PTLINT_PLUGIN_H

#include <stdbool.h>
#include <stdint.h>

#include "ptlint/rule.h"

/*
 * The version of this interface: of pt_rule, pt_rule_ctx's functions,
 * the program model and the registry functions below.  Raised on every
 * incompatible change.
 */
#define PT_PLUGIN_ABI_VERSION 2u

/* The name of the entry point a plugin exports. */
#define PT_PLUGIN_ENTRY_NAME "ptlint_plugin_init"

/* Where rules are registered; owned by ptlint. */
typedef struct pt_registry pt_registry;

/*
 * The entry point's type.  Returns true when every rule was registered;
 * false refuses the whole plugin (its rules are dropped).
 */
typedef bool pt_plugin_init_fn(pt_registry *registry);

/* The entry point a plugin defines, exported with default visibility. */
bool ptlint_plugin_init(pt_registry *registry);

/*
 * States the ABI version the caller was built with (always pass
 * PT_PLUGIN_ABI_VERSION) and its name, for messages.  Returns false when
 * ptlint speaks another version; the registry then refuses every rule.
 * `name` is copied.
 */
bool pt_registry_open(pt_registry *registry, uint32_t abi_version,
                      const char *name);

/*
 * Adds `rule` (static storage, not copied) to the table.  Returns false,
 * with the reason kept for ptlint's message, when the registry is not
 * open, the id is not kebab-case or is taken, or the descriptor is
 * incomplete (no summary, no languages, a severity out of range).
 */
bool pt_registry_add(pt_registry *registry, const pt_rule *rule);

/* The ABI version ptlint speaks (PT_PLUGIN_ABI_VERSION of its build). */
uint32_t pt_registry_abi_version(const pt_registry *registry);

#endif
