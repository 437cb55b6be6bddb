/*
 * html.h - the self-contained HTML report (`ptlint report --html`) and
 * the page furniture the HTML audit shares with it.
 *
 * The page needs nothing from the network: CSS and SVG charts are
 * inline, the filters are CSS (:checked) with a few lines of script that
 * only count what is shown.  Source excerpts are read from the files the
 * findings name, as the user named them (relative to the working
 * directory); a file that cannot be read simply has no excerpt.
 */
#ifndef PTLINT_REPORT_HTML_H
#define PTLINT_REPORT_HTML_H

#include <stddef.h>

#include "model/finding.h"
#include "ptlint/buf.h"
#include "report/report.h"

/* What the report page shows: the runs' findings and what they covered.
   Everything is borrowed from the caller. */
typedef struct pt_html_input {
    const char *title;          /* page title, or NULL for "ptlint report" */
    const char *const *paths;   /* what was analysed, for the header */
    size_t npaths;
    const pt_findings *findings;    /* the check */
    const pt_findings *complexity;  /* excess-complexity with every limit
                                       lifted to 0: one finding per
                                       function; may be NULL */
    const pt_findings *guards;      /* unguarded-shared-state guard-map
                                       notes; may be NULL */
    size_t files;               /* what the run covered */
    size_t lines;
    size_t functions;
    const char *generated;      /* "2024-05-01 12:00", or NULL */
} pt_html_input;

/* Appends the whole report page to `out`. */
void pt_report_html(const pt_html_input *input, const pt_report_info *info,
                    pt_buf *out);

/*
 * The number N of a message "... cyclomatic complexity N (limit L)", or
 * -1 when the message has none.
 */
long pt_html_complexity_of(const char *message);

/* One entry of the guard map, parsed from a guard-map note
   "Obj.field guarded by LOCK: G of N accesses; unguarded at SITES". */
typedef struct pt_html_guard {
    char field[256];            /* "Obj.field" */
    char lock[256];
    unsigned guarded;
    unsigned total;
    char unguarded[512];        /* "12:5, 40:9" or "-" */
} pt_html_guard;

/* Parses a guard-map note; false when `message` is not one. */
bool pt_html_guard_parse(const char *message, pt_html_guard *out);

/* ---- shared with the HTML audit (internal to report/) ---- */

/* Opens the document: doctype, head with the shared CSS and `css`
   (may be NULL), and <body>. */
void pt_html__begin(pt_buf *out, const char *title, const char *css);

/* Closes body and document. */
void pt_html__end(pt_buf *out);

/* Reads source files once each for excerpts; zero-initialise. */
typedef struct pt_html_sources pt_html_sources;

/* An empty set of sources; aborts when out of memory.  The caller frees
   it with pt_html__sources_free(). */
pt_html_sources *pt_html__sources_new(void);
/* Frees the sources and every file text read into them.  Accepts NULL. */
void pt_html__sources_free(pt_html_sources *sources);

/* Writes a rule id as a CSS class name: [a-z0-9-] kept, others "_". */
void pt_html__class_id(pt_buf *out, const char *id);

/* The doc link of `rule` ("<base><id>.md"). */
void pt_html__rule_href(pt_buf *out, const pt_report_info *info,
                        const char *rule_id);

/*
 * Appends one finding as an <article>: severity, message, rule (linked
 * to its doc) and summary, location, the source excerpt with the flagged
 * line marked, and the evidence steps.  `id` is its anchor.
 */
void pt_html__finding(pt_buf *out, const pt_finding *finding,
                      const pt_report_info *info, pt_html_sources *sources,
                      size_t id);

#endif
