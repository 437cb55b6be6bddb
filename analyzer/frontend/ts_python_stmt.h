/*
 * ts_python_stmt.h - statement lowering shared by ts_python_cfg.c and
 * ts_python_compound.c.
 */
#ifndef PTLINT_TS_PYTHON_STMT_H
#define PTLINT_TS_PYTHON_STMT_H

#include "frontend/ts_python_cfg.h"

void ts_py_enter(ts_py_b *b, uint32_t i);
void ts_py_unwind(ts_py_b *b, uint32_t level, TSNode at, int depth);
void ts_py_push_exit(ts_py_b *b, ts_py_exit x);
void ts_py_assign(ts_py_b *b, TSNode s, int depth);
void ts_py_stmt(ts_py_b *b, TSNode s, int depth);
void ts_py_suite(ts_py_b *b, TSNode block, int depth);
bool ts_py_compound(ts_py_b *b, TSNode s, ts_py_kind type, int depth);
void ts_py_try(ts_py_b *b, TSNode s, int depth);

#endif
