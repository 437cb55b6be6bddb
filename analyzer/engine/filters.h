/*
 * filters.h - what a CI gate keeps of a run's findings: only those not
 * in a baseline, only those on lines changed since a git revision.
 */
#ifndef PTLINT_ENGINE_FILTERS_H
#define PTLINT_ENGINE_FILTERS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/finding.h"
#include "ptlint/buf.h"

/*
 * Writes the findings as a baseline: one line per finding,
 * "fingerprint<TAB>rule<TAB>path<TAB>message", sorted.  Returns false with
 * a message in `errors` when the file cannot be written.
 */
bool pt_baseline_write(const pt_findings *findings, const char *path,
                       pt_buf *errors);

/*
 * Drops the findings whose fingerprint the baseline lists and sets *fixed
 * to the number of baseline entries that matched nothing.  Returns false
 * with a message when the baseline cannot be read.
 */
bool pt_baseline_filter(pt_findings *findings, const char *path,
                        size_t *fixed, pt_buf *errors);

/*
 * Keeps only findings on lines added or changed since `rev` (from
 * `git diff -U0 --relative REV`).  Returns false with a message when git
 * fails.
 */
bool pt_diff_filter(pt_findings *findings, const char *rev, pt_buf *errors);

#endif
