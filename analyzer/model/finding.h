/*
 * finding.h - a finding as the engine keeps it and reporters read it.
 *
 * Findings outlive their unit's arena, so each owns its strings on the
 * heap; pt_finding_free() releases one, pt_findings_free() a list.
 */
#ifndef PTLINT_MODEL_FINDING_H
#define PTLINT_MODEL_FINDING_H

#include <stddef.h>

#include "model/facts.h"
#include "ptlint/rule.h"

/* One step of evidence: where a value came from, a lock was taken... */
typedef struct pt_step {
    pt_loc loc;
    char *message;
} pt_step;

/* One finding; it owns its strings and steps. */
struct pt_finding {
    const pt_rule *rule;
    pt_severity severity;
    char *path;                 /* as the user named it */
    pt_loc loc;
    char *message;              /* one line, without the rule id */
    char *function;             /* enclosing function, or NULL */
    char *line_text;            /* the flagged source line */
    pt_step *steps;
    size_t nsteps;
    char fingerprint[17];       /* 64-bit hex, see docs/integration.md */
    char *unless;               /* dropped when this condition holds over
                                   the run's facts (model/facts.h) */
    char *only_if;              /* dropped unless this condition holds */
};

/* A growable list of findings, each owned by the list. */
typedef struct pt_findings {
    pt_finding **items;
    size_t len;
    size_t cap;
} pt_findings;

/* Appends `finding` (taking ownership).  Aborts when out of memory. */
void pt_findings_push(pt_findings *list, pt_finding *finding);

/* Sorts by path, line, column, rule id, message: the output order. */
void pt_findings_sort(pt_findings *list);

/* Frees one finding and everything it owns.  Accepts NULL. */
void pt_finding_free(pt_finding *finding);

/* Frees every finding in the list and the list's storage. */
void pt_findings_free(pt_findings *list);

/* "error", "warning" or "note", as the reports spell it. */
const char *pt_severity_name(pt_severity severity);

/* Parses "error", "warning" or "note"; false if none of them. */
bool pt_severity_parse(const char *text, pt_severity *out);

#endif
