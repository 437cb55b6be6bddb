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

typedef enum ts_py_scope_kind {
    TS_PY_SCOPE_MODULE,
    TS_PY_SCOPE_FUNCTION,
    TS_PY_SCOPE_CLASS,
    TS_PY_SCOPE_OTHER,          /* lambda, comprehension */
} ts_py_scope_kind;

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

typedef struct ts_py_def {
    TSNode node;                /* function_definition */
    ts_py_scope *scope;
} ts_py_def;

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
} ts_py_ctx;

/* ---- ts_python.c: helpers ---- */
const char *ts_py_text(ts_py_ctx *cx, TSNode node);
bool ts_py_is(TSNode node, const char *type);
pt_loc ts_py_loc(ts_py_ctx *cx, TSNode node);
pt_loc ts_py_end_loc(ts_py_ctx *cx, TSNode node);
TSNode ts_py_field(TSNode node, const char *field);
TSNode ts_py_unparen(TSNode node);

/* Null-safe tree accessors (libtree-sitter 0.20 crashes on null nodes). */
static inline uint32_t ts_py_nchild(TSNode n)
{
    return ts_node_is_null(n) ? 0 : ts_node_named_child_count(n);
}
static inline TSNode ts_py_child(TSNode n, uint32_t i)
{
    return ts_node_is_null(n) ? n : ts_node_named_child(n, i);
}
static inline uint32_t ts_py_nall(TSNode n)
{
    return ts_node_is_null(n) ? 0 : ts_node_child_count(n);
}
static inline TSNode ts_py_parent(TSNode n)
{
    return ts_node_is_null(n) ? n : ts_node_parent(n);
}
static inline TSNode ts_py_next(TSNode n)
{
    return ts_node_is_null(n) ? n : ts_node_next_named_sibling(n);
}
static inline const char *ts_py_type(TSNode n)
{
    return ts_node_is_null(n) ? "" : ts_node_type(n);
}

/* ---- ts_python_scope.c: bindings, decls and read counts ---- */
void ts_py_scopes_build(ts_py_ctx *cx, TSNode root);
ts_py_scope *ts_py_scope_of(ts_py_ctx *cx, TSNode node);
/* Resolves `name` read in `scope`; returns the decl index or -1. */
int32_t ts_py_resolve(ts_py_scope *scope, const char *name, bool from_inner);
ts_py_name *ts_py_scope_find(ts_py_scope *scope, const char *name);

/* ---- ts_python_scope.c: after the scopes, the CFG of each function ---- */
void ts_py_functions_build(ts_py_ctx *cx, TSNode root);

/* ---- ts_python_cfg.c ---- */
void ts_py_cfg_build(ts_py_ctx *cx, pt_function *fn, TSNode def,
                     ts_py_scope *scope);

/* ---- ts_python_metrics.c ---- */
uint32_t ts_py_decisions(TSNode body, int depth);
uint32_t ts_py_max_nesting(TSNode body, int depth);

/* ---- ts_python_lines.c ---- */
void ts_py_lines_build(ts_py_ctx *cx, TSNode root);
void ts_py_lines_mark(ts_py_ctx *cx, TSNode comment_or_string);

#endif
