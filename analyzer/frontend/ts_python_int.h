/*
 * ts_python_int.h - internals shared by the tree-sitter Python frontend
 * (ts_python*.c).  Nothing here is visible outside analyzer/frontend/.
 */
#ifndef PTLINT_TS_PYTHON_INT_H
#define PTLINT_TS_PYTHON_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "frontend/frontend.h"

/* Recursion bound for every walk over the syntax tree. */
#define TS_PY_MAX_DEPTH 2000
/* Upper bound on blocks per function (finally copies can multiply). */
#define TS_PY_MAX_BLOCKS 200000

/* One name bound in a scope (function, class, module, lambda, comp). */
typedef struct ts_py_name {
    const char *name;
    int32_t decl;               /* index into unit->decls, or -1 */
    bool is_global;             /* declared global/nonlocal here */
} ts_py_name;

/* What opened a scope. */
typedef enum ts_py_scope_kind {
    TS_PY_SCOPE_MODULE,
    TS_PY_SCOPE_FUNCTION,
    TS_PY_SCOPE_CLASS,
    TS_PY_SCOPE_OTHER,          /* lambda, comprehension */
} ts_py_scope_kind;

/* One scope: the names it binds and, in a class or method, what `self`
   and the class are. */
typedef struct ts_py_scope {
    struct ts_py_scope *parent;
    ts_py_scope_kind kind;
    TSNode node;
    pt_vec names;               /* ts_py_name */
    pt_vec attrs;               /* CLASS: ts_py_name of self.<x> */
    int32_t function;           /* pt_function index, or -1 */
    const char *class_name;     /* CLASS scope: its name */
    const char *self_name;      /* method: first parameter */
    const char *owner_class;    /* method: class of self */
} ts_py_scope;

/* A def and the scope of its body; ctx->defs has one per pt_function,
   at the same index. */
typedef struct ts_py_def {
    TSNode node;                /* function_definition */
    ts_py_scope *scope;
} ts_py_def;

/*
 * One child as ts_py_kids hands it out, with what the walks ask of it,
 * read from tree-sitter once when its parent's children are listed: the
 * next walk finds them here, next to its siblings, instead of in the
 * tree's own scattered memory.
 */
typedef struct ts_py_kid {
    TSNode node;
    uint32_t end_byte;
    uint32_t first;             /* listed: its children, from kids[first] */
    uint32_t count;
    TSSymbol symbol;            /* as ts_node_symbol says */
    bool named : 1;
    bool leaf : 1;              /* no children at all */
    bool listed : 1;            /* first and count are known */
} ts_py_kid;

/* One slot of the memo's hash table: a question about a node, answered. */
typedef struct ts_py_memo_slot {
    const void *id;             /* the node asked about; NULL: slot free */
    uint32_t what;              /* TS_PY_MEMO_KIDS, _PARENT, or a field */
    uint32_t first;             /* KIDS: the children, from kids[first] on;
                                   else the answer, nodes[first] */
    uint32_t count;             /* KIDS: how many children */
} ts_py_memo_slot;

/*
 * What the walks learnt about the tree, so the next walk asks tree-sitter
 * nothing twice: each node's children (a cursor step costs hundreds of
 * instructions in tree-sitter 0.20, and the frontend walks most nodes
 * three to five times), each field looked up (ts_node_child_by_field_id
 * scans the children), and the parent of each def and class (ts_node_parent
 * descends from the root).  Owned by the parse (ts_py_memo_free).
 */
typedef struct ts_py_memo {
    ts_py_memo_slot *slots;     /* open addressing, a power of two */
    uint32_t cap;
    uint32_t used;
    ts_py_kid *kids;            /* children lists, back to back */
    uint32_t nkids;
    uint32_t kids_cap;
    uint32_t last;              /* the kid ts_py_it_next handed out last,
                                   or UINT32_MAX */
    TSNode *nodes;              /* answers to field and parent questions */
    uint32_t nnodes;
    uint32_t nodes_cap;
    TSTreeCursor cursor;        /* lists children; valid once has_cursor */
    bool has_cursor;
} ts_py_memo;

/* The state of one pt_parse_python() call. */
typedef struct ts_py_ctx {
    pt_unit *unit;
    const char *src;
    ts_py_scope *module;
    pt_vec scopes;              /* ts_py_scope *, in pre-order */
    uint32_t next_scope;        /* read pass: the next scope to enter */
    pt_vec defs;                /* ts_py_def, one per pt_function */
    bool reading;               /* second pass: count reads */
    bool overflow;              /* a walk passed TS_PY_MAX_DEPTH */
    bool undefined_read;        /* a name read that nothing binds */
    bool has_error;             /* the tree holds an ERROR or MISSING node */
    ts_py_memo memo;
} ts_py_ctx;

/*
 * Node types and field names the frontend tests, resolved once per
 * process (ts_py_init) into tables indexed by symbol: comparing a node's
 * type is a table look-up, not a string comparison.  Every symbol with
 * the name gets the kind, so the test means what strcmp on ts_node_type
 * meant.
 */
#define TS_PY_KINDS(X) \
    X(ERROR, "ERROR") \
    X(module, "module") \
    X(identifier, "identifier") \
    X(comment, "comment") \
    X(string, "string") \
    X(string_content, "string_content") \
    X(string_start, "string_start") \
    X(string_end, "string_end") \
    X(escape_sequence, "escape_sequence") \
    X(parenthesized_expression, "parenthesized_expression") \
    X(yield, "yield") \
    X(attribute, "attribute") \
    X(call, "call") \
    X(subscript, "subscript") \
    X(named_expression, "named_expression") \
    X(comparison_operator, "comparison_operator") \
    X(none, "none") \
    X(integer, "integer") \
    X(float, "float") \
    X(true, "true") \
    X(false, "false") \
    X(concatenated_string, "concatenated_string") \
    X(lambda, "lambda") \
    X(ellipsis, "ellipsis") \
    X(dictionary, "dictionary") \
    X(dictionary_comprehension, "dictionary_comprehension") \
    X(list, "list") \
    X(list_comprehension, "list_comprehension") \
    X(set_comprehension, "set_comprehension") \
    X(generator_expression, "generator_expression") \
    X(keyword_argument, "keyword_argument") \
    X(argument_list, "argument_list") \
    X(in, "in") \
    X(not_operator, "not_operator") \
    X(boolean_operator, "boolean_operator") \
    X(and, "and") \
    X(block, "block") \
    X(decorated_definition, "decorated_definition") \
    X(decorator, "decorator") \
    X(function_definition, "function_definition") \
    X(class_definition, "class_definition") \
    X(if_statement, "if_statement") \
    X(elif_clause, "elif_clause") \
    X(else_clause, "else_clause") \
    X(for_statement, "for_statement") \
    X(while_statement, "while_statement") \
    X(try_statement, "try_statement") \
    X(except_clause, "except_clause") \
    X(except_group_clause, "except_group_clause") \
    X(finally_clause, "finally_clause") \
    X(with_statement, "with_statement") \
    X(with_clause, "with_clause") \
    X(match_statement, "match_statement") \
    X(case_clause, "case_clause") \
    X(case_pattern, "case_pattern") \
    X(as_pattern, "as_pattern") \
    X(expression_statement, "expression_statement") \
    X(assignment, "assignment") \
    X(augmented_assignment, "augmented_assignment") \
    X(return_statement, "return_statement") \
    X(raise_statement, "raise_statement") \
    X(assert_statement, "assert_statement") \
    X(break_statement, "break_statement") \
    X(continue_statement, "continue_statement") \
    X(pass_statement, "pass_statement") \
    X(global_statement, "global_statement") \
    X(nonlocal_statement, "nonlocal_statement") \
    X(import_statement, "import_statement") \
    X(import_from_statement, "import_from_statement") \
    X(future_import_statement, "future_import_statement") \
    X(dotted_name, "dotted_name") \
    X(aliased_import, "aliased_import") \
    X(wildcard_import, "wildcard_import") \
    X(pattern_list, "pattern_list") \
    X(tuple_pattern, "tuple_pattern") \
    X(list_pattern, "list_pattern") \
    X(tuple, "tuple") \
    X(expression_list, "expression_list") \
    X(list_splat, "list_splat") \
    X(list_splat_pattern, "list_splat_pattern") \
    X(dictionary_splat_pattern, "dictionary_splat_pattern") \
    X(for_in_clause, "for_in_clause") \
    X(is, "is") \
    X(not_in, "not in") \
    X(is_not, "is not") \
    X(eq, "==") \
    X(ne, "!=") \
    X(colon, ":")

/* The node types of TS_PY_KINDS as small integers; TS_PY_K_OTHER for
   the rest. */
typedef enum ts_py_kind {
    TS_PY_K_OTHER = 0,
#define TS_PY_KIND_ENUM(id, name) TS_PY_K_##id,
    TS_PY_KINDS(TS_PY_KIND_ENUM)
#undef TS_PY_KIND_ENUM
    TS_PY_K_COUNT
} ts_py_kind;

/* Classes of node types by name. */
#define TS_PY_CLASS_CLAUSE 1u       /* the name contains "clause" */

#define TS_PY_FIELDS(X) \
    X(alias) \
    X(alternative) \
    X(argument) \
    X(arguments) \
    X(attribute) \
    X(body) \
    X(cause) \
    X(condition) \
    X(consequence) \
    X(definition) \
    X(function) \
    X(left) \
    X(module_name) \
    X(name) \
    X(object) \
    X(operator) \
    X(operators) \
    X(parameters) \
    X(return_type) \
    X(right) \
    X(subject) \
    X(subscript) \
    X(superclasses) \
    X(type) \
    X(value)

/* The field names of TS_PY_FIELDS, as indexes into ts_py_symbols.field. */
typedef enum ts_py_fieldk {
#define TS_PY_FIELD_ENUM(id) TS_PY_F_##id,
    TS_PY_FIELDS(TS_PY_FIELD_ENUM)
#undef TS_PY_FIELD_ENUM
    TS_PY_F_COUNT
} ts_py_fieldk;

/* The grammar's symbols and fields resolved by ts_py_init(); read-only
   after, so shared by every thread. */
typedef struct ts_py_symbols {
    const uint8_t *kind;         /* ts_py_kind per symbol */
    const uint8_t *klass;        /* TS_PY_CLASS_* per symbol */
    uint32_t count;
    TSFieldId field[TS_PY_F_COUNT];
} ts_py_symbols;

extern ts_py_symbols ts_py_syms;

/* Fills ts_py_syms; safe to call from several threads. */
void ts_py_init(void);

/* The memo of the parse running on this thread (ts_python.c), for the
   helpers that have no context at hand; NULL outside a parse. */
extern _Thread_local ts_py_memo *ts_py_memo_now;

/*
 * The memo's entry for `node` when it is the child last handed out, or
 * NULL.  Walks mostly look at the child they were just given (`for each
 * child: switch (kind)`, `walk(child)`), so its facts come from the memo.
 */
static inline const ts_py_kid *ts_py_last_kid(TSNode node)
{
    const ts_py_memo *m = ts_py_memo_now;
    if (m == NULL || m->last >= m->nkids || node.id == NULL ||
        m->kids[m->last].node.id != node.id) {
        return NULL;
    }
    return &m->kids[m->last];
}

/* ts_node_symbol, from the memo when it knows the node. */
static inline TSSymbol ts_py_symbol_of(TSNode node)
{
    const ts_py_kid *kid = ts_py_last_kid(node);
    return kid != NULL ? kid->symbol : ts_node_symbol(node);
}

static inline ts_py_kind ts_py_kind_of_symbol(TSSymbol s)
{
    if (s < ts_py_syms.count) {
        return (ts_py_kind)ts_py_syms.kind[s];
    }
    return s == (TSSymbol)-1 ? TS_PY_K_ERROR : TS_PY_K_OTHER;
}

static inline ts_py_kind ts_py_kind_of(TSNode node)
{
    if (ts_node_is_null(node)) {
        return TS_PY_K_OTHER;
    }
    return ts_py_kind_of_symbol(ts_py_symbol_of(node));
}

static inline bool ts_py_is(TSNode node, ts_py_kind kind)
{
    return ts_py_kind_of(node) == kind;
}

/* Does the node's type name contain "clause"? */
static inline bool ts_py_is_clause(TSNode node)
{
    if (ts_node_is_null(node)) {
        return false;
    }
    TSSymbol s = ts_py_symbol_of(node);
    return s < ts_py_syms.count &&
           (ts_py_syms.klass[s] & TS_PY_CLASS_CLAUSE) != 0;
}

/* ts_node_child_by_field_id, remembered in the current parse's memo. */
TSNode ts_py_field_lookup(TSNode node, TSFieldId field);

/* The child in `field` (the first one), or a null node. */
static inline TSNode ts_py_field(TSNode node, ts_py_fieldk field)
{
    if (ts_node_is_null(node) || ts_py_syms.field[field] == 0) {
        TSNode null = {0};
        return null;
    }
    return ts_py_field_lookup(node, ts_py_syms.field[field]);
}

/* ---- ts_python.c: helpers ---- */
const char *ts_py_text(ts_py_ctx *cx, TSNode node);
/* The position where `node` starts. */
pt_loc ts_py_loc(ts_py_ctx *cx, TSNode node);
/* The position of the node's last byte. */
pt_loc ts_py_end_loc(ts_py_ctx *cx, TSNode node);
/* `node` without the parentheses around it; those of `(yield x)` stay. */
TSNode ts_py_unparen(TSNode node);

/*
 * Children in order, from the memo (listed by a tree cursor the first
 * time: each step is O(1), where ts_node_named_child(n, i) is O(i) in
 * tree-sitter 0.20):
 *
 *     ts_py_it it = ts_py_kids(cx, node, true);
 *     for (TSNode c; ts_py_it_next(&it, &c);) { ... }
 *     ts_py_it_done(&it);
 *
 * Iterators are independent of each other; ts_py_it_done ends one early.
 */
typedef struct ts_py_it {
    ts_py_ctx *cx;
    uint32_t next;               /* index into cx->memo.kids */
    uint32_t end;
    bool named;                  /* named children only */
} ts_py_it;

/* An iterator over the children of `node`, the named ones only when
   `named`; see above. */
ts_py_it ts_py_kids(ts_py_ctx *cx, TSNode node, bool named);

static inline bool ts_py_it_next(ts_py_it *it, TSNode *out)
{
    ts_py_memo *m = &it->cx->memo;
    while (it->next < it->end) {
        uint32_t i = it->next++;
        if (m->kids[i].named || !it->named) {
            m->last = i;
            *out = m->kids[i].node;
            return true;
        }
    }
    return false;
}

static inline void ts_py_it_done(ts_py_it *it)
{
    it->next = it->end;
}

/* The index-th named child, walking (for a few leading children). */
static inline TSNode ts_py_child(TSNode n, uint32_t i)
{
    return ts_node_is_null(n) ? n : ts_node_named_child(n, i);
}
/* The last named child. */
TSNode ts_py_last(ts_py_ctx *cx, TSNode n);
/* The parent of a def or class (remembered when ts_py_kids listed it). */
TSNode ts_py_def_parent(ts_py_ctx *cx, TSNode def);

/* Null-safe tree accessors (libtree-sitter 0.20 crashes on null nodes). */
static inline uint32_t ts_py_nchild(TSNode n)
{
    return ts_node_is_null(n) ? 0 : ts_node_named_child_count(n);
}
static inline TSNode ts_py_parent(TSNode n)
{
    return ts_node_is_null(n) ? n : ts_node_parent(n);
}

/* ---- ts_python_scope.c: bindings, decls and read counts ---- */
void ts_py_scopes_build(ts_py_ctx *cx, TSNode root);
/* Resolves `name` read in `scope`; returns the decl index or -1. */
int32_t ts_py_resolve(ts_py_scope *scope, const char *name, bool from_inner);
/* The binding of `name` in `scope` itself, or NULL; enclosing scopes
   are not searched. */
ts_py_name *ts_py_scope_find(ts_py_scope *scope, const char *name);

/* ---- ts_python_scope.c: after the scopes, the CFG of each function ---- */
void ts_py_functions_build(ts_py_ctx *cx, TSNode root);

/* ---- ts_python_cfg.c ---- */
void ts_py_cfg_build(ts_py_ctx *cx, pt_function *fn, TSNode def,
                     ts_py_scope *scope);

/* ---- ts_python_metrics.c ---- */
uint32_t ts_py_decisions(ts_py_ctx *cx, TSNode body, int depth);
/* The deepest nesting of compound statements in `body`; nested defs and
   classes do not count.  `depth` is the recursion so far. */
uint32_t ts_py_max_nesting(ts_py_ctx *cx, TSNode body, int depth);

/* ---- ts_python_lines.c ---- */
void ts_py_lines_build(ts_py_ctx *cx, TSNode root);
/* Marks the lines after a string's first as PT_LINE_STRING, or a
   comment's line as PT_LINE_COMMENT when nothing precedes it there. */
void ts_py_lines_mark(ts_py_ctx *cx, TSNode comment_or_string);

#endif
