/*
 * audit.h - `ptlint audit`: the review points provider-tree code is judged
 * by, each answered from the findings of its rules, and a free-text review
 * answered point by point.
 *
 * The points (categories), their rules and the keywords that map a review
 * to them are data: rules/data/audit.yaml, compiled in at configure time.
 * Like every reporter, the audit sees findings and the rule table only.
 */
#ifndef PTLINT_REPORT_AUDIT_H
#define PTLINT_REPORT_AUDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "model/finding.h"
#include "ptlint/buf.h"
#include "report/report.h"

/* ---- the points, from audit.yaml ---- */

/* One review point: its title, the rules that answer it, the keywords
   that map a claim to it.  Every string is owned by the map. */
typedef struct pt_audit_category {
    char *id;                   /* "input-validation" */
    char *title;                /* "Input validation" */
    char **rules;               /* rule ids */
    size_t nrules;
    char **keywords;            /* lower case, word-prefix phrases */
    size_t nkeywords;
} pt_audit_category;

/* The parsed audit.yaml: the points and the sentiment vocabulary;
   pt_audit_map_free() frees it. */
typedef struct pt_audit_map {
    pt_audit_category *categories; /* numbered from 1 in this order */
    size_t ncategories;
    char **positive;            /* sentiment words, whole words */
    size_t npositive;
    char **negative;
    size_t nnegative;
    char **negators;
    size_t nnegators;
} pt_audit_map;

/*
 * Parses the audit map from YAML `text` (`name` names it in messages).
 * Returns false with a message naming line and column in `errors` when
 * the text is not a valid map; *map is then empty (and may be freed).
 */
bool pt_audit_map_parse(pt_audit_map *map, const char *text,
                        const char *name, pt_buf *errors);

/* Parses the built-in map (rules/data/audit.yaml). */
bool pt_audit_map_builtin(pt_audit_map *map, pt_buf *errors);

/* Frees what the map owns; it is empty after.  Accepts a zeroed map. */
void pt_audit_map_free(pt_audit_map *map);

/*
 * The distinct rule ids of every category, in map order, as a
 * NULL-terminated array of borrowed strings (the run's --select).  The
 * array is heap-allocated: free() it; *count gets the length.
 */
const char **pt_audit_map_rules(const pt_audit_map *map, size_t *count);

/* ---- a review's claims ---- */

/* One numbered point of a review; its strings are heap, owned by the list. */
typedef struct pt_audit_claim {
    char *label;                /* as numbered in the review: "3" */
    char *text;                 /* the whole point, lines joined by ' ' */
    char *first_line;           /* its first line, without the number */
} pt_audit_claim;

/* The points of a review in its order; pt_audit_claims_free() frees it. */
typedef struct pt_audit_claims {
    pt_audit_claim *items;
    size_t len;
    size_t cap;
} pt_audit_claims;

/*
 * Splits a free-text review into its numbered points: a line that starts
 * (after blanks and list markers) with "1." "1)" "(1)" or "Point 1:"
 * opens a point; following lines continue it until the next point, or
 * until a blank line that is not followed by an indented line.  Text
 * before the first point is ignored.
 */
void pt_audit_claims_parse(pt_audit_claims *claims, const char *text);

/* Frees every claim and the array; the list is empty after. */
void pt_audit_claims_free(pt_audit_claims *claims);

/* The stance a claim takes, from its sentiment words. */
typedef enum pt_audit_stance {
    PT_STANCE_NONE = 0,         /* neither, or both */
    PT_STANCE_FINE,             /* "validation is thorough" */
    PT_STANCE_BROKEN,           /* "locking is inconsistent" */
} pt_audit_stance;

/*
 * FINE when `text` has positive words only, BROKEN when negative ones
 * only.  A negator up to three words before a word flips it; one that
 * flips nothing counts as negative ("without validation").
 */
pt_audit_stance pt_audit_claim_stance(const pt_audit_map *map,
                                      const char *text);

/*
 * Maps `text` to categories: fills `out` (room for map->ncategories) with
 * category indexes, best first, and returns how many.  0: not checkable.
 */
size_t pt_audit_claim_categories(const pt_audit_map *map, const char *text,
                                 size_t *out);

/* ---- the audit ---- */

/* What the run covered, to say what a point without findings checked. */
typedef struct pt_audit_scope {
    size_t files;               /* what the run covered */
    size_t lines;
    size_t functions;
} pt_audit_scope;

/*
 * Writes the audit in `format` ("text", "markdown" or "html") to `out`:
 * with `claims` (may be NULL or empty) each claim answered in the
 * review's order, then the points it did not raise that have findings;
 * without, every point.  Returns false (nothing written) for an unknown
 * format.
 */
bool pt_audit_write(const char *format, const pt_audit_map *map,
                    const pt_findings *findings, const pt_audit_scope *scope,
                    const pt_audit_claims *claims,
                    const pt_report_info *info, pt_buf *out);

#endif
