/*
 * ts_python_stmt.h - statement lowering shared by ts_python_cfg.c and
 * ts_python_compound.c.
 */
#ifndef PTLINT_TS_PYTHON_STMT_H
#define PTLINT_TS_PYTHON_STMT_H

#include "frontend/ts_python_cfg.h"

void ts_py_enter(ts_py_b *b, uint32_t i);
void ts_py_unwind(ts_py_b *b, uint32_t level, TSNode at, int depth);
/* Pushes an enclosing with, try-finally or loop for jumps out to see. */
void ts_py_push_exit(ts_py_b *b, ts_py_exit x);
/* An assignment or augmented assignment: the value's events, then the
   stores to its targets. */
void ts_py_assign(ts_py_b *b, TSNode s, int depth);
/* One statement into the current block; nothing once the flow is dead
   or the function has TS_PY_MAX_BLOCKS blocks. */
void ts_py_stmt(ts_py_b *b, TSNode s, int depth);
/* The statements of `block` in order, until the flow is dead. */
void ts_py_suite(ts_py_b *b, TSNode block, int depth);
/* if, for, while, with, match and try; false, doing nothing, for a
   statement of any other type. */
bool ts_py_compound(ts_py_b *b, TSNode s, ts_py_kind type, int depth);
/* A try statement: its region, the dispatch to its except clauses, and
   its finally copied onto every way out. */
void ts_py_try(ts_py_b *b, TSNode s, int depth);

#endif
