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
void ts_py_target(ts_py_ctx *cx, TSNode t, ts_py_scope *sc, int depth,
                  bool tuple, bool also_read);
void ts_py_walk(ts_py_ctx *cx, TSNode node, ts_py_scope *sc, int depth);
bool ts_py_walk_binding_stmt(ts_py_ctx *cx, TSNode node, ts_py_kind type,
                             ts_py_scope *sc, int depth);

void ts_py_walk_def(ts_py_ctx *cx, TSNode node, ts_py_scope *sc, int depth);
void ts_py_walk_class(ts_py_ctx *cx, TSNode node, ts_py_scope *sc,
                      int depth);
void ts_py_walk_lambda(ts_py_ctx *cx, TSNode node, ts_py_scope *sc,
                       int depth);
void ts_py_walk_import(ts_py_ctx *cx, TSNode node, ts_py_scope *sc);

#endif
