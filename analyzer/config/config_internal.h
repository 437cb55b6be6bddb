/*
 * config_internal.h - what the files of analyzer/config share: the YAML
 * node tree, the loaded settings, glob matching and key suggestions.
 *
 * Nothing here is part of the public surface (config.h).
 */
#ifndef PTLINT_CONFIG_INTERNAL_H
#define PTLINT_CONFIG_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config/config.h"
#include "ptlint/arena.h"

/* Files larger than this are refused before parsing. */
#define CFG_MAX_BYTES ((size_t)1 << 20)
/* Deeper nesting than this is refused (no configuration needs it). */
#define CFG_MAX_DEPTH 32

/* ---- the YAML node tree (config_yaml.c) ---- */

/* What a YAML node is: a scalar, a sequence or a mapping. */
typedef enum cfg_kind {
    CFG_SCALAR = 0,
    CFG_SEQ,
    CFG_MAP,
} cfg_kind;

/* One node of the YAML tree, allocated in the parse's arena. */
typedef struct cfg_node cfg_node;
struct cfg_node {
    cfg_kind kind;
    uint32_t line;              /* 1-based */
    uint32_t col;               /* 1-based */
    const char *text;           /* CFG_SCALAR: the value, NUL-terminated */
    bool plain;                 /* CFG_SCALAR: written without quotes */
    cfg_node **items;           /* CFG_SEQ: items; CFG_MAP: key, value... */
    uint32_t len;               /* CFG_SEQ: items; CFG_MAP: pairs */
};

/*
 * Reads the file `path` whole, refusing files over CFG_MAX_BYTES.  On
 * success *text is a NUL-terminated heap copy the caller frees.  On error,
 * false is returned with `error` filled and *text left unchanged.
 */
bool cfg_read_file(const char *path, char **text, size_t *len,
                   pt_config_error *error);

/*
 * Parses the YAML `text` into a tree allocated in `arena`.  *root is NULL
 * for an empty document (nothing but comments, or a null scalar).
 * Aliases, several documents and duplicate mapping keys are errors.  On
 * error, false is returned with `error` filled (error->file is `name`).
 */
bool cfg_parse(pt_arena *arena, const char *name, const char *text,
               size_t len, cfg_node **root, pt_config_error *error);

/* True for a scalar YAML reads as null: empty, "~" or "null" unquoted. */
bool cfg_is_null(const cfg_node *node);

/* ---- the loaded settings ---- */

/* One option value: its scalar text and, for lists, the items. */
typedef struct cfg_value {
    const char *text;           /* NULL: not set here */
    const char *const *items;   /* PT_OPT_LIST only */
    uint32_t count;
} cfg_value;

/* The settings a `rules:` section gives one rule. */
typedef struct cfg_rule_set {
    int8_t enabled;             /* -1 unset, 0 or 1 */
    int8_t severity;            /* -1 unset, or a pt_severity */
    cfg_value *options;         /* one per declared option, or NULL */
} cfg_rule_set;

/* One entry of `overrides:`. */
typedef struct cfg_override {
    const char *const *paths;
    uint32_t npaths;
    cfg_rule_set *rules;        /* one per rule of the table */
} cfg_override;

/* A growable list of strings whose storage lives in the config's arena. */
typedef struct cfg_list {
    const char **items;
    uint32_t count;
    uint32_t cap;
} cfg_list;

/* fail-on "never"; other values are pt_severity. */
#define CFG_FAIL_NEVER 3

/* A loaded configuration: all it allocates lives in `arena`; the rule
   table is borrowed. */
struct pt_config {
    pt_arena *arena;
    const char *path;           /* as given, or NULL for the defaults */
    const char *dir;            /* absolute directory of `path`, or NULL */
    const char *cwd;            /* absolute working directory at load */
    const pt_rule *const *rules;
    uint32_t nrules;
    cfg_value **defaults;       /* [rule][option]: the declared defaults */
    cfg_rule_set *base;         /* [rule]: the top-level `rules:` */
    cfg_override *overrides;
    uint32_t noverrides;
    cfg_list include;
    cfg_list exclude;
    cfg_list vocab[PT_VOCAB_KIND_COUNT];
    int fail_on;                /* -1 unset, pt_severity or FAIL_NEVER */
};

/* The built-in vocabulary, generated from rules/data/vocabulary.yaml. */
extern const char pt_default_vocabulary_yaml[];

/*
 * Creates a config holding the rule table, the rules' default option
 * values and the built-in vocabulary.  Returns NULL when the built-in
 * data does not load (with `error` filled).
 */
pt_config *cfg_new(const pt_rule *const *rules, pt_config_error *error);

/*
 * Applies the settings of the document `root` (from file `name`) to
 * `config`.  On error, false is returned with `error` filled; the config
 * is then half updated and must be freed.
 */
bool cfg_apply(pt_config *config, const char *name, const cfg_node *root,
               pt_config_error *error);

/*
 * Appends the vocabulary lists of the mapping `root` to config->vocab.
 * On error, false is returned with `error` filled.
 */
bool cfg_apply_vocab(pt_config *config, const char *name,
                     const cfg_node *root, pt_config_error *error);

/* Appends `item` to `list`, growing it in `arena`. */
void cfg_list_push(pt_arena *arena, cfg_list *list, const char *item);

/* ---- globs (glob.c) ---- */

/*
 * True when the glob `pattern` matches the relative, normalised `path`.
 * `*`, `?` and `[...]` stay within one path segment; `**` as a whole
 * segment matches any number of segments (none included).  A pattern
 * without `/` matches any segment of the path (as in .gitignore); a
 * pattern with `/` is anchored at the start.  Either also matches
 * everything below a directory it matches.
 */
bool cfg_glob_match(const char *pattern, const char *path);

/* ---- suggestions (config_suggest.c) ---- */

/* The optimal-string-alignment distance between `a` and `b`. */
size_t cfg_edit_distance(const char *a, const char *b);

/*
 * The candidate nearest to `word` when it is close enough to be a likely
 * typo (distance <= 2 and <= a third of the word's length, or a case
 * difference only), else NULL.  `candidates` has `count` entries.
 */
const char *cfg_suggest(const char *word, const char *const *candidates,
                        size_t count);

#endif
