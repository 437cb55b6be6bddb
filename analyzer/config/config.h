/*
 * config.h - .ptlint.yaml: rule settings, vocabulary, paths, overrides.
 *
 * A pt_config is immutable once loaded and may be shared by worker
 * threads.  Every string it hands out lives as long as the config.
 */
#ifndef PTLINT_CONFIG_H
#define PTLINT_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#include "ptlint/rule.h"

/* The settings of one .ptlint.yaml over the defaults; opaque here. */
typedef struct pt_config pt_config;

/* Where and why loading failed. */
typedef struct pt_config_error {
    char file[512];
    uint32_t line;              /* 1-based; 0 when not about a position */
    uint32_t col;
    char message[512];          /* "unknown key 'severty'; did you mean
                                   'severity'?" */
} pt_config_error;

/*
 * Loads `path` on top of the built-in defaults, checking every key and
 * value against `rules` (NULL-terminated).  Returns NULL and fills `error`
 * when the file cannot be read or is invalid.
 */
pt_config *pt_config_load(const char *path, const pt_rule *const *rules,
                          pt_config_error *error);

/* The built-in defaults alone.  Returns NULL when out of memory. */
pt_config *pt_config_default(const pt_rule *const *rules);

/* Frees the config.  Accepts NULL. */
void pt_config_free(pt_config *config);

/* The file the config came from, or NULL for the defaults. */
const char *pt_config_path(const pt_config *config);

/*
 * Effective settings of `rule` for the file `path` (relative to the
 * config's directory when the config has one), per-path overrides
 * applied in file order.
 */
bool pt_config_rule_enabled(const pt_config *config, const pt_rule *rule,
                            const char *path);
/* The severity: the rule's own unless the config or an override sets it. */
pt_severity pt_config_rule_severity(const pt_config *config,
                                    const pt_rule *rule, const char *path);

/*
 * The option's value as YAML scalar text ("10", "true", "snake_case"),
 * or the rule's default when the config does not set it; NULL if the rule
 * has no such option.
 */
const char *pt_config_rule_option(const pt_config *config,
                                  const pt_rule *rule, const char *option,
                                  const char *path);

/* A list option's items; *count set.  Never NULL (empty list). */
const char *const *pt_config_rule_option_list(const pt_config *config,
                                              const pt_rule *rule,
                                              const char *option,
                                              const char *path,
                                              uint32_t *count);

/* Vocabulary lists: built-in defaults plus the config's additions. */
const char *const *pt_config_vocab(const pt_config *config,
                                   pt_vocab_kind kind, uint32_t *count);

/* True when `path` is excluded by the config's include/exclude globs. */
bool pt_config_path_excluded(const pt_config *config, const char *path);

/*
 * The config's `fail-on:`: false when the file does not set it; else
 * *severity is set, or *never when it says `never`.
 */
bool pt_config_fail_on(const pt_config *config, pt_severity *severity,
                       bool *never);

/* The commented default file `ptlint init` writes. */
const char *pt_config_init_text(void);

/* ---- extensions: custom rules and plugins (docs/extending.md) ---- */

/* One declarative rule of `custom-rules:` (or of an included file). */
typedef struct pt_custom_rule_spec {
    const char *id;
    pt_language language;
    pt_severity severity;       /* warning unless set */
    const char *message;        /* may name captures: {{fn}} */
    const char *query;          /* tree-sitter S-expression query */
    const char *note;           /* or NULL */
    const char *url;            /* or NULL */
    const char *file;           /* the YAML file that declares it */
    uint32_t id_line;           /* position of the id's value */
    uint32_t id_col;
    const char *yaml;           /* that file's text, for positions */
    uint32_t query_line;        /* where the query's scalar starts */
    uint32_t query_col;
} pt_custom_rule_spec;

/* The `custom-rules:` and `plugins:` of one configuration file. */
typedef struct pt_config_extensions {
    const char *path;
    pt_custom_rule_spec *rules;
    uint32_t nrules;
    const char *const *plugins; /* resolved against the file's directory */
    uint32_t nplugins;
    pt_config *storage;         /* owns everything above */
} pt_config_extensions;

/*
 * Reads `custom-rules:` (entries, and `include: DIR` of one YAML file per
 * rule named after its id) and `plugins:` of the file `path`, checking
 * their schema; other keys are left to pt_config_load().  Returns NULL
 * and fills `error` when the file or an included one is invalid.
 */
pt_config_extensions *pt_config_load_extensions(const char *path,
                                                pt_config_error *error);

/* Frees the extensions.  Accepts NULL. */
void pt_config_extensions_free(pt_config_extensions *extensions);

/*
 * The YAML line and column (1-based) of byte `offset` of spec->query,
 * following the scalar's style: block (`|`, `>`), quoted or plain.
 */
void pt_custom_rule_position(const pt_custom_rule_spec *spec,
                             uint32_t offset, uint32_t *line, uint32_t *col);

#endif
