/*
 * ts_query.c - compiling and running tree-sitter queries, with the
 * predicates tree-sitter parses but leaves to its client.
 */
#include "frontend/ts_query.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_c(void);
const TSLanguage *tree_sitter_python(void);

typedef enum pred_kind {
    PRED_EQ = 0,
    PRED_NOT_EQ,
    PRED_MATCH,
    PRED_NOT_MATCH,
} pred_kind;

/* One predicate of one pattern: (#eq? @a @b), (#match? @a "re"). */
typedef struct pred {
    pred_kind kind;
    uint32_t pattern;
    uint32_t capture;           /* the first argument, a capture */
    int64_t other;              /* second argument's capture, or -1 */
    const char *literal;        /* second argument's string */
    regex_t regex;              /* PRED_MATCH / PRED_NOT_MATCH */
} pred;

struct pt_ts_query {
    TSQuery *query;
    pt_language language;
    pred *preds;
    uint32_t npreds;
    int64_t report;             /* capture id of @report, or -1 */
};

struct pt_ts_tree {
    TSParser *parser;
    TSTree *tree;
};

static const TSLanguage *language_of(pt_language language)
{
    return language == PT_LANG_PYTHON ? tree_sitter_python() : tree_sitter_c();
}

static const char *error_kind(TSQueryError kind)
{
    switch (kind) {
    case TSQueryErrorSyntax:
        return "syntax error";
    case TSQueryErrorNodeType:
        return "unknown node type";
    case TSQueryErrorField:
        return "unknown field";
    case TSQueryErrorCapture:
        return "unknown capture";
    case TSQueryErrorStructure:
        return "impossible pattern structure";
    case TSQueryErrorLanguage:
        return "incompatible language";
    default:
        return "error";
    }
}

/* Fills `error` at `offset`; returns false. */
static bool fail(pt_ts_query_error *error, uint32_t offset, const char *fmt,
                 const char *a, const char *b)
{
    error->offset = offset;
    snprintf(error->message, sizeof(error->message), fmt, a, b);
    return false;
}

/* The kind of the predicate named `name`, or -1. */
static int pred_kind_of(const char *name)
{
    static const char *const names[] = {"eq?", "not-eq?", "match?",
                                        "not-match?"};
    for (int i = 0; i < 4; i++) {
        if (strcmp(name, names[i]) == 0) {
            return i;
        }
    }
    return -1;
}

/* Compiles the predicate in `steps` (up to its Done step) into `out`. */
static bool compile_pred(pt_ts_query *q, uint32_t pattern,
                         const TSQueryPredicateStep *steps, uint32_t nsteps,
                         pred *out, pt_ts_query_error *error)
{
    uint32_t len = 0;
    uint32_t at = ts_query_start_byte_for_pattern(q->query, pattern);
    const char *name = ts_query_string_value_for_id(q->query,
                                                    steps[0].value_id, &len);
    int kind = pred_kind_of(name);
    if (kind < 0) {
        return fail(error, at, "unsupported predicate '#%s' (ptlint knows "
                    "#eq?, #not-eq?, #match? and #not-match?)%s", name, "");
    }
    if (nsteps != 3 || steps[1].type != TSQueryPredicateStepTypeCapture) {
        return fail(error, at, "#%s takes a capture and a capture or a "
                    "string%s", name, "");
    }
    out->kind = (pred_kind)kind;
    out->pattern = pattern;
    out->capture = steps[1].value_id;
    out->other = -1;
    if (steps[2].type == TSQueryPredicateStepTypeCapture) {
        if (kind >= PRED_MATCH) {
            return fail(error, at, "#%s takes a regular expression string "
                        "as its second argument%s", name, "");
        }
        out->other = steps[2].value_id;
        return true;
    }
    out->literal = ts_query_string_value_for_id(q->query, steps[2].value_id,
                                                &len);
    if (kind >= PRED_MATCH &&
        regcomp(&out->regex, out->literal, REG_EXTENDED | REG_NOSUB) != 0) {
        return fail(error, at, "#%s: bad regular expression '%s'", name,
                    out->literal);
    }
    return true;
}

/* Frees the compiled regular expressions of the first `count` preds. */
static void free_preds(pt_ts_query *q, uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) {
        if (q->preds[i].kind >= PRED_MATCH && q->preds[i].literal != NULL) {
            regfree(&q->preds[i].regex);
        }
    }
    free(q->preds);
}

/* Compiles the predicates of every pattern. */
static bool compile_preds(pt_ts_query *q, pt_ts_query_error *error)
{
    uint32_t patterns = ts_query_pattern_count(q->query);
    for (uint32_t p = 0; p < patterns; p++) {
        uint32_t nsteps = 0;
        const TSQueryPredicateStep *steps =
            ts_query_predicates_for_pattern(q->query, p, &nsteps);
        uint32_t start = 0;
        for (uint32_t i = 0; i < nsteps; i++) {
            if (steps[i].type != TSQueryPredicateStepTypeDone) {
                continue;
            }
            pred *grown = realloc(q->preds, (q->npreds + 1) * sizeof(pred));
            if (grown == NULL) {
                abort();
            }
            q->preds = grown;
            memset(&q->preds[q->npreds], 0, sizeof(pred));
            if (!compile_pred(q, p, steps + start, i - start,
                              &q->preds[q->npreds], error)) {
                return false;
            }
            q->npreds++;
            start = i + 1;
        }
    }
    return true;
}

pt_ts_query *pt_ts_query_new(pt_language language, const char *source,
                             uint32_t length, pt_ts_query_error *error)
{
    uint32_t offset = 0;
    TSQueryError kind = TSQueryErrorNone;
    memset(error, 0, sizeof(*error));
    TSQuery *query = ts_query_new(language_of(language), source, length,
                                  &offset, &kind);
    if (query == NULL) {
        fail(error, offset, "query does not compile: %s%s", error_kind(kind),
             "");
        return NULL;
    }
    pt_ts_query *q = calloc(1, sizeof(*q));
    if (q == NULL) {
        ts_query_delete(query);
        return NULL;
    }
    q->query = query;
    q->language = language;
    q->report = -1;
    if (ts_query_capture_count(query) == 0) {
        fail(error, 0, "the query captures nothing: name the node to report "
             "with a capture such as @report%s%s", "", "");
        pt_ts_query_free(q);
        return NULL;
    }
    for (uint32_t i = 0; i < ts_query_capture_count(query); i++) {
        uint32_t len = 0;
        const char *name = ts_query_capture_name_for_id(query, i, &len);
        q->report = strcmp(name, "report") == 0 ? (int64_t)i : q->report;
    }
    if (!compile_preds(q, error)) {
        pt_ts_query_free(q);
        return NULL;
    }
    return q;
}

void pt_ts_query_free(pt_ts_query *query)
{
    if (query != NULL) {
        free_preds(query, query->npreds);
        ts_query_delete(query->query);
        free(query);
    }
}

bool pt_ts_query_has_capture(const pt_ts_query *query, const char *name,
                             uint32_t length)
{
    for (uint32_t i = 0; i < ts_query_capture_count(query->query); i++) {
        uint32_t len = 0;
        const char *capture = ts_query_capture_name_for_id(query->query, i,
                                                           &len);
        if (len == length && memcmp(capture, name, length) == 0) {
            return true;
        }
    }
    return false;
}

pt_ts_tree *pt_ts_tree_parse(pt_language language, const char *text,
                             uint32_t length)
{
    pt_ts_tree *tree = calloc(1, sizeof(*tree));
    if (tree == NULL) {
        return NULL;
    }
    tree->parser = ts_parser_new();
    if (tree->parser == NULL ||
        !ts_parser_set_language(tree->parser, language_of(language))) {
        pt_ts_tree_free(tree);
        return NULL;
    }
    tree->tree = ts_parser_parse_string(tree->parser, NULL, text, length);
    if (tree->tree == NULL) {
        pt_ts_tree_free(tree);
        return NULL;
    }
    return tree;
}

void pt_ts_tree_free(pt_ts_tree *tree)
{
    if (tree != NULL) {
        ts_tree_delete(tree->tree);
        ts_parser_delete(tree->parser);
        free(tree);
    }
}

/* The first node captured as `capture` in the match, or NULL. */
static const TSQueryCapture *find_capture(const TSQueryMatch *match,
                                          uint32_t capture)
{
    for (uint16_t i = 0; i < match->capture_count; i++) {
        if (match->captures[i].index == capture) {
            return &match->captures[i];
        }
    }
    return NULL;
}

/* True when the node's text equals the `length` bytes at `other`. */
static bool text_equals(const char *text, TSNode node, const char *other,
                        size_t length)
{
    uint32_t start = ts_node_start_byte(node);
    uint32_t end = ts_node_end_byte(node);
    return end - start == length && memcmp(text + start, other, length) == 0;
}

/* Whether the predicate holds; one with a missing capture holds. */
static bool pred_holds(const pred *p, const TSQueryMatch *match,
                       const char *text)
{
    const TSQueryCapture *a = find_capture(match, p->capture);
    if (a == NULL) {
        return true;
    }
    uint32_t start = ts_node_start_byte(a->node);
    uint32_t end = ts_node_end_byte(a->node);
    bool result = false;
    if (p->kind <= PRED_NOT_EQ) {
        const TSQueryCapture *b = p->other >= 0
                                      ? find_capture(match, (uint32_t)p->other)
                                      : NULL;
        if (p->other >= 0 && b == NULL) {
            return true;
        }
        result = b != NULL
                     ? text_equals(text, a->node, text + ts_node_start_byte(b->node),
                                   ts_node_end_byte(b->node) -
                                       ts_node_start_byte(b->node))
                     : text_equals(text, a->node, p->literal,
                                   strlen(p->literal));
        return p->kind == PRED_EQ ? result : !result;
    }
    char *copy = strndup(text + start, end - start);
    if (copy == NULL) {
        abort();
    }
    result = regexec(&p->regex, copy, 0, NULL, 0) == 0;
    free(copy);
    return p->kind == PRED_MATCH ? result : !result;
}

/* Hands one match to the callback when its predicates hold. */
static void deliver(const pt_ts_query *q, const TSQueryMatch *match,
                    const char *text, pt_ts_match_fn *fn, void *data)
{
    for (uint32_t i = 0; i < q->npreds; i++) {
        if (q->preds[i].pattern == match->pattern_index &&
            !pred_holds(&q->preds[i], match, text)) {
            return;
        }
    }
    if (match->capture_count == 0) {
        return;
    }
    pt_ts_capture captures[64];
    pt_ts_match out = {.captures = captures, .report = 0};
    for (uint16_t i = 0; i < match->capture_count && i < 64; i++) {
        uint32_t len = 0;
        const TSQueryCapture *c = &match->captures[i];
        /* cppcheck-suppress unreadVariable ; fn reads it through out */
        captures[i] = (pt_ts_capture){
            .name = ts_query_capture_name_for_id(q->query, c->index, &len),
            .start_byte = ts_node_start_byte(c->node),
            .end_byte = ts_node_end_byte(c->node),
        };
        if (q->report >= 0 && c->index == (uint32_t)q->report) {
            out.report = i;
        }
        out.ncaptures++;
    }
    fn(&out, data);
}

void pt_ts_query_run(const pt_ts_query *query, const pt_ts_tree *tree,
                     const char *text, pt_ts_match_fn *fn, void *data)
{
    TSQueryCursor *cursor = ts_query_cursor_new();
    if (cursor == NULL) {
        return;
    }
    ts_query_cursor_exec(cursor, query->query, ts_tree_root_node(tree->tree));
    TSQueryMatch match;
    while (ts_query_cursor_next_match(cursor, &match)) {
        deliver(query, &match, text, fn, data);
    }
    ts_query_cursor_delete(cursor);
}
