/*
 * report.h - writing findings in each output format.
 *
 * Reporters see findings and the rule table, never a frontend or a unit.
 */
#ifndef PTLINT_REPORT_H
#define PTLINT_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "model/finding.h"
#include "ptlint/buf.h"

/* What a format may need besides the findings; all of it borrowed. */
typedef struct pt_report_info {
    const pt_rule *const *rules;  /* every rule, NULL-terminated */
    size_t files;                 /* files analysed */
    bool color;                   /* text: ANSI colour (a terminal) */
    const char *tool_version;     /* ptlint's version */
    const char *doc_base_uri;     /* helpUri prefix; "<base><id>.md" */
} pt_report_info;

/* Known format names: text, json, sarif, junit, github, gitlab. */
bool pt_report_format_known(const char *format);

/*
 * Appends the findings in `format` to `out`.  Returns false only for an
 * unknown format (nothing written then).
 */
bool pt_report_write(const char *format, const pt_findings *findings,
                     const pt_report_info *info, pt_buf *out);

#endif
