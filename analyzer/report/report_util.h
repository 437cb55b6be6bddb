/*
 * report_util.h - helpers shared by the reporters (internal to report/).
 *
 * A small pretty-printing JSON writer (json, sarif, gitlab), path and URI
 * helpers, and the entry point of each format.
 */
#ifndef PTLINT_REPORT_UTIL_H
#define PTLINT_REPORT_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "report/report.h"

/* ---- the formats (one file each) ---- */

/* Appends gcc-style diagnostics, each with its source line, caret and
   steps, then the summary line. */
void pt_report__text(const pt_findings *findings, const pt_report_info *info,
                     pt_buf *out);
/* Appends ptlint's own JSON document (docs/json-format.md). */
void pt_report__json(const pt_findings *findings, const pt_report_info *info,
                     pt_buf *out);
/* Appends a SARIF 2.1.0 log of one run that lists every rule. */
void pt_report__sarif(const pt_findings *findings, const pt_report_info *info,
                      pt_buf *out);
/* Appends JUnit XML: a suite per file, a failing test case per finding. */
void pt_report__junit(const pt_findings *findings, const pt_report_info *info,
                      pt_buf *out);
/* Appends GitHub Actions workflow commands (::error ...), one a line. */
void pt_report__github(const pt_findings *findings,
                       const pt_report_info *info, pt_buf *out);
/* Appends a GitLab Code Quality report: a JSON array of issues. */
void pt_report__gitlab(const pt_findings *findings,
                       const pt_report_info *info, pt_buf *out);

/* ---- JSON writer ---- */

#define PT_JSON_MAX_DEPTH 32

/*
 * Writes JSON indented by two spaces per level, one member per line, empty
 * containers as {} and [].  `key` is the member name inside an object and
 * NULL inside an array or at the top.  Start from a zeroed pt_json with
 * `out` set; nesting deeper than PT_JSON_MAX_DEPTH aborts.
 */
typedef struct pt_json {
    pt_buf *out;
    int depth;
    bool has_items[PT_JSON_MAX_DEPTH];
} pt_json;

/* Opens an object, as member `key` or an array item when `key` is NULL. */
void pt_json_object_begin(pt_json *json, const char *key);
/* Closes the innermost object. */
void pt_json_object_end(pt_json *json);
/* Opens an array, as member `key` or an array item when `key` is NULL. */
void pt_json_array_begin(pt_json *json, const char *key);
/* Closes the innermost array. */
void pt_json_array_end(pt_json *json);
/* A string member; a NULL `value` is written as null. */
void pt_json_string(pt_json *json, const char *key, const char *value);
/* An integer member. */
void pt_json_int(pt_json *json, const char *key, long long value);
/* Ends the document with a newline. */
void pt_json_finish(pt_json *json);

/* ---- shared facts ---- */

/* The tool version to print: info->tool_version or the built one. */
const char *pt_report__version(const pt_report_info *info);

/* Counts findings per severity into counts[PT_SEV_NOTE..PT_SEV_ERROR]. */
void pt_report__count(const pt_findings *findings, size_t counts[3]);

/* ---- paths and URIs ---- */

/*
 * Appends `path` relative to `cwd` (which may be NULL): a leading "./" is
 * stripped, an absolute path under `cwd` loses that prefix, backslashes
 * become '/' and runs of slashes one.  Other paths are kept as they are.
 */
void pt_report__relative_path(pt_buf *out, const char *path,
                              const char *cwd);

/*
 * Appends `path` as a URI reference: relative to `cwd` as above, every
 * byte other than an unreserved character or '/' percent-encoded; a path
 * still absolute becomes a file:// URI.
 */
void pt_report__path_uri(pt_buf *out, const char *path, const char *cwd);

/*
 * The working directory in `buf` (of `size` bytes), or NULL when it is
 * unknown or does not fit.
 */
const char *pt_report__cwd(char *buf, size_t size);

#endif
