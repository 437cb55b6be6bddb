/*
 * ts_python_decl.h - the binding walk's entry points shared between
 * ts_python_scope.c and ts_python_decl.c.
 */
#ifndef PTLINT_TS_PYTHON_DECL_H
#define PTLINT_TS_PYTHON_DECL_H

#include "frontend/ts_python_int.h"

ts_py_scope *ts_py_scope_open(ts_py_ctx *cx, ts_py_scope *parent,
                              ts_py_scope_kind kind, TSNode node);
int32_t ts_py_add_decl(ts_py_ctx *cx, pt_decl_kind kind, TSNode name_node,
                       const char *name, int32_t function);
ts_py_name *ts_py_bind(ts_py_ctx *cx, ts_py_scope *sc, TSNode at,
                       const char *name, int kind, bool tuple_target);
/*
 * An assignment target: binds its names in `sc` (unpacking when `tuple`)
 * in the first pass; in the read pass counts them as read only when
 * `also_read` (`x += 1`).  What is an expression in it is walked as read.
 */
void ts_py_target(ts_py_ctx *cx, TSNode t, ts_py_scope *sc, int depth,
                  bool tuple, bool also_read);
/* Walks `node` in `sc`: binds names in the first pass, counts the reads
   of the bindings in the second (cx->reading). */
void ts_py_walk(ts_py_ctx *cx, TSNode node, ts_py_scope *sc, int depth);
/* The nodes that bind otherwise than by `=` (for, as, except, :=) and a
   few with special reads; false, doing nothing, for any other type. */
bool ts_py_walk_binding_stmt(ts_py_ctx *cx, TSNode node, ts_py_kind type,
                             ts_py_scope *sc, int depth);

/* A def: its pt_function and decl (first pass), then its parameters and
   body in a scope of its own. */
void ts_py_walk_def(ts_py_ctx *cx, TSNode node, ts_py_scope *sc, int depth);
/* A class: binds its name (docstring and bases on the decl), walks its
   bases in `sc` and its body in a class scope. */
void ts_py_walk_class(ts_py_ctx *cx, TSNode node, ts_py_scope *sc,
                      int depth);
/* A lambda: its parameters and body in a scope of its own; it gets no
   pt_function. */
void ts_py_walk_lambda(ts_py_ctx *cx, TSNode node, ts_py_scope *sc,
                       int depth);
/* Binds the names an import brings in (first pass only); `from m import
   *` at module level is a decl named "*", __future__ binds nothing. */
void ts_py_walk_import(ts_py_ctx *cx, TSNode node, ts_py_scope *sc);

#endif
