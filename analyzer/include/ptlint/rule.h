/*
 * rule.h - the interface between ptlint and its rules.
 *
 * Built-in rules and plugins alike describe themselves with a pt_rule and
 * report through a pt_rule_ctx.  A rule reads the program model of one unit
 * (ptlint/model.h), the run's summaries (ptlint/summary.h) and its options,
 * and emits findings; it changes nothing else.
 */
#ifndef PTLINT_RULE_H
#define PTLINT_RULE_H

#include <stdbool.h>
#include <stdint.h>

#include "ptlint/model.h"

/* How serious a finding is; ordered, so --fail-on can compare. */
typedef enum pt_severity {
    PT_SEV_NOTE = 0,
    PT_SEV_WARNING = 1,
    PT_SEV_ERROR = 2,
} pt_severity;

/* The engine as one rule sees it while checking one unit; opaque. */
typedef struct pt_rule_ctx pt_rule_ctx;
/* One reported problem; pt_report() makes it, the engine owns it. */
typedef struct pt_finding pt_finding;
/* The run a rule is part of; opaque, reached through pt_rule_run(). */
typedef struct pt_run pt_run;

/* An option a rule accepts in .ptlint.yaml, with its default. */
typedef enum pt_option_type {
    PT_OPT_INT = 0,
    PT_OPT_BOOL,
    PT_OPT_STRING,
    PT_OPT_LIST,                /* list of strings */
} pt_option_type;

/* One option of a rule's table (pt_rule.options). */
typedef struct pt_option {
    const char *name;           /* kebab-case, e.g. "max-complexity" */
    pt_option_type type;
    const char *default_value;  /* as YAML text: "10", "true", "[a, b]" */
    const char *help;           /* one line */
} pt_option;

/* A rule's descriptor: identity, defaults, docs and its check. */
typedef struct pt_rule {
    const char *id;             /* stable kebab-case slug */
    const char *summary;        /* one sentence, shared by code and docs */
    pt_severity severity;       /* default severity */
    unsigned languages;         /* PT_LANGS_* mask */
    bool enabled;               /* enabled by default */
    const pt_option *options;   /* terminated by a zeroed entry; may be NULL */
    const char *doc;            /* the doc page in Markdown, or NULL */
    /* Checks one unit.  Called once per unit, from any worker thread. */
    void (*check_unit)(pt_rule_ctx *ctx, const pt_unit *unit);
} pt_rule;

/* ---- reporting ---- */

/*
 * Emits a finding of the current rule at `loc` with a printf-style
 * message.  Returns the finding so that evidence steps can be added, or
 * NULL when the finding was filtered out (steps are then ignored).
 */
pt_finding *pt_report(pt_rule_ctx *ctx, pt_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Like pt_report(), with a severity chosen by the rule for this finding
   (parse-error: note for a recovered error, error for a broken file).  A
   severity set in the configuration still wins. */
pt_finding *pt_report_severity(pt_rule_ctx *ctx, pt_severity severity,
                               pt_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/*
 * Adds one step of evidence (a code-flow location with a message) to a
 * finding.  Steps are kept in the order added.  Accepts a NULL finding.
 */
void pt_finding_add_step(pt_rule_ctx *ctx, pt_finding *finding, pt_loc loc,
                         const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/*
 * Cross-file facts: how summaries cross the files of a run.
 *
 * A rule states facts about this unit for the whole run (pt_fact_add):
 * "doc:pt_tree_new", "null:pt_tree_find".  A fact of the form
 * "HEAD :- BODY" is a rule: HEAD holds when every fact of BODY ("a & b")
 * does, which lets a summary depend on a function of another file
 * ("null:f :- null:g").  When every file is in, the engine derives the
 * heads to a fixed point, then settles conditional findings.  A condition
 * is a conjunction of literals, "x" or "!x", split by " & ":
 * pt_finding_unless drops the finding when the condition holds,
 * pt_finding_only_if keeps it only when it holds.  missing-doc drops "no
 * doc on the definition" when a header documents the prototype;
 * unchecked-lookup-result reports a call to another file's function only
 * if that function may return NULL.
 */
void pt_fact_add(pt_rule_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * The facts other files of the run state that start with `prefix`
 * ("raises:py:store.take:"), for a summary a condition cannot carry: a
 * message that names what another file's function raises.  A file's
 * first analysis sees none; the engine analyses the file again once the
 * run has facts with the prefixes it asked for, and again while those
 * answers change (at most PT_FACT_ROUNDS times).  Sets *count; the
 * strings live until the rule returns.
 */
const char *const *pt_fact_query(pt_rule_ctx *ctx, const char *prefix,
                                 uint32_t *count);
#define PT_FACT_ROUNDS 4
/* Drops `finding` once the run's facts are in if the printf-style
   condition holds; a later call replaces the condition.  Accepts NULL. */
void pt_finding_unless(pt_rule_ctx *ctx, pt_finding *finding,
                       const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Keeps `finding` only if the printf-style condition holds once the run's
   facts are in; a later call replaces the condition.  Accepts NULL. */
void pt_finding_only_if(pt_rule_ctx *ctx, pt_finding *finding,
                        const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- options and vocabulary ---- */

/* The rule's integer option `name`, from config or its default. */
int64_t pt_option_int(const pt_rule_ctx *ctx, const char *name);

/* The rule's boolean option `name`. */
bool pt_option_bool(const pt_rule_ctx *ctx, const char *name);

/* The rule's string option `name`; never NULL. */
const char *pt_option_string(const pt_rule_ctx *ctx, const char *name);

/*
 * The rule's list option `name`: sets *count and returns the items, which
 * live as long as the run.
 */
const char *const *pt_option_list(const pt_rule_ctx *ctx, const char *name,
                                  uint32_t *count);

/* Project vocabulary from .ptlint.yaml `vocabulary:` and rules/data. */
typedef enum pt_vocab_kind {
    PT_VOCAB_LOCK_ACQUIRE = 0,  /* functions that take a lock (arg 0) */
    PT_VOCAB_LOCK_RELEASE,      /* functions that release it */
    PT_VOCAB_VALIDATOR,         /* substrings naming validators */
    PT_VOCAB_LOOKUP,            /* substrings naming lookups */
    PT_VOCAB_NULLABLE,          /* functions that may return NULL/None */
    PT_VOCAB_EXEMPT,            /* init/teardown substrings (lock rules) */
    PT_VOCAB_ALLOCATOR,         /* allocation functions */
    PT_VOCAB_FALLIBLE,          /* functions whose result must be checked */
    PT_VOCAB_UNBOUNDED_COPY,    /* strcpy and friends */
    PT_VOCAB_LOCK_TYPE,         /* types of lock fields / constructors */
    PT_VOCAB_LOGGING,           /* logger receivers: LOG, logger, ... */
    PT_VOCAB_NORETURN,          /* C functions that never return */
    PT_VOCAB_KIND_COUNT
} pt_vocab_kind;

/* True when `name` is in the vocabulary list (exact match). */
bool pt_vocab_has(const pt_rule_ctx *ctx, pt_vocab_kind kind,
                  const char *name);

/* True when some entry of the vocabulary list is a substring of `name`. */
bool pt_vocab_matches(const pt_rule_ctx *ctx, pt_vocab_kind kind,
                      const char *name);

/* The whole vocabulary list; *count set.  Lives as long as the run. */
const char *const *pt_vocab_list(const pt_rule_ctx *ctx, pt_vocab_kind kind,
                                 uint32_t *count);

/* The run this rule is part of, for summaries. */
const pt_run *pt_rule_run(const pt_rule_ctx *ctx);

#endif
