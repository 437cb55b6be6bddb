/*
 * ts_query.h - tree-sitter queries for declarative custom rules.
 *
 * Only the frontends know tree-sitter: this file compiles a query
 * written in tree-sitter's S-expression syntax, evaluates the predicates
 * #eq?, #not-eq?, #match? and #not-match? (POSIX extended regular
 * expressions) that tree-sitter leaves to its client, and hands the
 * matches back as plain structs.
 */
#ifndef PTLINT_FRONTEND_TS_QUERY_H
#define PTLINT_FRONTEND_TS_QUERY_H

#include <stdbool.h>
#include <stdint.h>

#include "ptlint/model.h"

/* A compiled query with its predicates; opaque outside ts_query.c. */
typedef struct pt_ts_query pt_ts_query;
/* A parsed file that queries run on; opaque outside ts_query.c. */
typedef struct pt_ts_tree pt_ts_tree;

/* Why a query did not compile, and where in the query text. */
typedef struct pt_ts_query_error {
    uint32_t offset;            /* byte offset into the query source */
    char message[256];
} pt_ts_query_error;

/*
 * Compiles `source` for `language`.  Returns NULL with `error` filled
 * when the query does not compile, uses a predicate other than the four
 * supported ones, has a bad regular expression, or captures nothing.
 */
pt_ts_query *pt_ts_query_new(pt_language language, const char *source,
                             uint32_t length, pt_ts_query_error *error);

/* Frees the query.  Accepts NULL. */
void pt_ts_query_free(pt_ts_query *query);

/* True when the query has a capture called `name` (`length` bytes). */
bool pt_ts_query_has_capture(const pt_ts_query *query, const char *name,
                             uint32_t length);

/* Parses `text` as `language`; NULL when out of memory. */
pt_ts_tree *pt_ts_tree_parse(pt_language language, const char *text,
                             uint32_t length);

/* Frees the tree.  Accepts NULL. */
void pt_ts_tree_free(pt_ts_tree *tree);

/* One captured node. */
typedef struct pt_ts_capture {
    const char *name;           /* capture name, without the '@' */
    uint32_t start_byte;
    uint32_t end_byte;
} pt_ts_capture;

/* One match whose predicates all hold. */
typedef struct pt_ts_match {
    const pt_ts_capture *captures;
    uint32_t ncaptures;
    uint32_t report;            /* the capture the finding lands on:
                                   @report, else the first */
} pt_ts_match;

/* What pt_ts_query_run() calls with each match and the caller's `data`. */
typedef void pt_ts_match_fn(const pt_ts_match *match, void *data);

/*
 * Calls `fn` for every match of `query` in `tree` (parsed from `text`)
 * whose predicates hold, in document order.  The match lives for the
 * call only.
 */
void pt_ts_query_run(const pt_ts_query *query, const pt_ts_tree *tree,
                     const char *text, pt_ts_match_fn *fn, void *data);

#endif
