/*
 * sarif_merge.h - `ptlint merge`: one SARIF log from the logs of shards.
 */
#ifndef PTLINT_REPORT_SARIF_MERGE_H
#define PTLINT_REPORT_SARIF_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "ptlint/buf.h"

/*
 * Appends to `out` the first log with the results of all `count` logs.
 * Returns false, with *bad the index of the log, when a log has no
 * results array; nothing useful is in `out` then.
 */
bool pt_sarif_merge(const char *const *logs, const size_t *lengths,
                    size_t count, pt_buf *out, size_t *bad);

#endif
