/*
 * engine.h - a run of ptlint: discover files, parse them, run the rules,
 * filter the findings.  The command line talks to this and to report/.
 */
#ifndef PTLINT_ENGINE_H
#define PTLINT_ENGINE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/finding.h"
#include "ptlint/buf.h"
#include "ptlint/model.h"
#include "ptlint/rule.h"

/* Which frontend parses C files; Python always goes to tree-sitter. */
typedef enum pt_frontend_choice {
    PT_FRONTEND_AUTO = 0,       /* libclang where a compile db covers it */
    PT_FRONTEND_CLANG,
    PT_FRONTEND_TREE_SITTER,
} pt_frontend_choice;

/* What a run is asked to do; the caller owns every string and array. */
typedef struct pt_check_options {
    const char *const *paths;   /* files or directories; none means "." */
    size_t npaths;
    const char *config_path;    /* --config, or NULL for nearest file */
    pt_frontend_choice frontend;
    const char *compdb_dir;     /* -p DIR, or NULL */
    const char *const *select;  /* --select ids (empty: all enabled) */
    size_t nselect;
    const char *const *ignore;  /* --ignore ids */
    size_t nignore;
    unsigned jobs;              /* 0: number of cores */
    const char *stdin_filename; /* read the one file from stdin */
    const char *const *overrides; /* "rule:option=value", for commands */
    size_t noverrides;
    const char *cache_dir;      /* reuse findings of unchanged files, or
                                   NULL (--no-cache) */
    unsigned shard_index;       /* --shard K/N: K-1, of shard_count */
    unsigned shard_count;       /* 0 or 1: no sharding */
    bool parse_only;            /* --parse-only: read, parse (build the
                                   model), no rules, no cache; the
                                   benchmark floor */
} pt_check_options;

/* What a run produced; pt_run_result_free() releases it. */
typedef struct pt_run_result {
    pt_findings findings;       /* sorted, filtered */
    size_t files;               /* files analysed */
    size_t lines;
    size_t functions;
} pt_run_result;

/*
 * Runs `check`.  Returns true when the run could be done (findings or
 * not); false after writing a message naming the problem to `errors`
 * (bad option, bad config, unreadable path), which is exit status 2.
 */
bool pt_engine_check(const pt_check_options *options, pt_run_result *result,
                     pt_buf *errors);

/* Frees the findings, leaving the list empty; the counts stay. */
void pt_run_result_free(pt_run_result *result);

/*
 * Parses one file with the frontend `choice` picks, for --dump-model.
 * Returns NULL with a message in `errors` when the file cannot be read.
 */
pt_unit *pt_engine_parse_path(const char *path, pt_frontend_choice choice,
                              const char *compdb_dir, pt_buf *errors);

/*
 * Fills the rule table once per process: the built-in rules, the plugins
 * named by `plugins` (--plugin) and by `plugins:` of the configuration,
 * and its `custom-rules:`.  The configuration is `config_path`, or the
 * nearest .ptlint.yaml up from the working directory.  Later calls do
 * nothing.  Returns false after writing what was wrong to `errors` (a
 * plugin refused, a query that does not compile): exit status 2.
 */
bool pt_engine_load_extensions(const char *config_path,
                               const char *const *plugins, size_t nplugins,
                               pt_buf *errors);

/* All rules: built-in ones in table order, then plugins', then custom
   ones; NULL-terminated.  Fills the table with the defaults of
   pt_engine_load_extensions() when nobody did, writing problems to
   standard error. */
const pt_rule *const *pt_engine_rules(void);

/*
 * The `fail-on:` of the configuration that applies at `path` (the
 * --config file when given): -1 for never, a pt_severity, or `fallback`
 * when the configuration does not say.  A broken configuration yields
 * `fallback` too; the run reports it.
 */
int pt_engine_fail_on(const char *config_path, const char *path,
                      int fallback);

/* The rule with this id, or NULL. */
const pt_rule *pt_engine_find_rule(const char *id);

/* The rule's doc page in Markdown (compiled in), never NULL. */
const char *pt_engine_rule_doc(const pt_rule *rule);

/* The commented default configuration `ptlint init` writes. */
const char *pt_engine_init_text(void);

/* Version lines of the parsers, for --version. */
void pt_engine_versions(pt_buf *out);

#endif
