/*
 * config_init.c - the commented .ptlint.yaml that `ptlint init` writes.
 *
 * Every key is present with an empty value (which means "the default")
 * and commented examples beneath it, so the file loads as it is and an
 * example becomes active by removing its `#`.
 */
#include "config/config_internal.h"

static const char INIT_TEXT[] =
    "# .ptlint.yaml - ptlint configuration (see docs/configuration.md).\n"
    "# Every key is optional; an empty value keeps the default.  Globs are\n"
    "# relative to the directory of this file; `**` crosses directories.\n"
    "\n"
    "# Rule settings by rule id (`ptlint rules` lists the ids and options).\n"
    "rules:\n"
    "  # some-rule-id: false            # shorthand for enabled: false\n"
    "  # other-rule-id:\n"
    "  #   enabled: true\n"
    "  #   severity: note               # error, warning or note\n"
    "  #   options:\n"
    "  #     max-complexity: 15\n"
    "\n"
    "# The lowest severity that makes `ptlint check` exit 1 when --fail-on\n"
    "# is not given: error, warning, note or never.\n"
    "fail-on:\n"
    "\n"
    "# Only files matching one of these globs are analysed (empty: all).\n"
    "include:\n"
    "  # - \"src/**\"\n"
    "\n"
    "# Files matching one of these globs are skipped.\n"
    "exclude:\n"
    "  # - \"build/**\"\n"
    "  # - \"third_party/**\"\n"
    "\n"
    "# Names the rules should know, added to the built-in lists.\n"
    "vocabulary:\n"
    "  # lock-acquire: [my_lock]        # take the lock in argument 0\n"
    "  # lock-release: [my_unlock]\n"
    "  # validators: [is_valid]         # substrings of validator names\n"
    "  # lookups: [find_]               # substrings of lookup names\n"
    "  # nullable: [maybe_get]          # may return NULL or None\n"
    "  # exempt: [setup]                # init/teardown, no locking needed\n"
    "  # allocators: [xmalloc]\n"
    "  # fallible: [my_write]           # result must be checked\n"
    "  # unbounded-copy: [my_strcpy]\n"
    "  # lock-types: [my_mutex_t]\n"
    "  # logging: [LOGGER]              # logger receivers\n"
    "  # noreturn: [die, fatal]         # C functions that never return\n"
    "\n"
    "# Rule settings for some paths, applied in order after `rules:`.\n"
    "overrides:\n"
    "  # - paths: [\"tests/**\"]\n"
    "  #   rules:\n"
    "  #     some-rule-id: false\n";

const char *pt_config_init_text(void)
{
    return INIT_TEXT;
}
