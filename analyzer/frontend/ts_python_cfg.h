/*
 * ts_python_cfg.h - the control-flow builder state shared by
 * ts_python_cfg.c (statements) and ts_python_expr.c (expressions, tests).
 */
#ifndef PTLINT_TS_PYTHON_CFG_H
#define PTLINT_TS_PYTHON_CFG_H

#include "frontend/ts_python_int.h"

/* What a jump out of a statement must do on the way, or where a loop's
   break and continue go. */
typedef enum ts_py_exit_kind {
    TS_PY_EXIT_WITH,            /* `with lock:` - release on the way out */
    TS_PY_EXIT_FINALLY,         /* try with finally - copy it */
    TS_PY_EXIT_LOOP,            /* break/continue targets */
} ts_py_exit_kind;

/* An enclosing with, try-finally or loop, as ts_py_b.exits stacks them. */
typedef struct ts_py_exit {
    ts_py_exit_kind kind;
    const char *lock;           /* WITH */
    TSNode finally_body;        /* FINALLY: the block */
    int32_t handler;            /* handler outside this context */
    int32_t region;             /* try region outside this context */
    uint32_t brk;               /* LOOP */
    uint32_t cont;              /* LOOP */
} ts_py_exit;

/* The state of building one function's control-flow graph. */
typedef struct ts_py_b {
    ts_py_ctx *cx;
    pt_function *fn;
    ts_py_scope *scope;
    uint32_t cur;               /* block receiving events */
    bool dead;                  /* cur is unreachable (after a jump) */
    bool implicit;              /* events are a finally copy */
    int32_t handler;            /* where an exception goes, or -1 */
    int32_t region;             /* innermost try region, or -1 */
    uint32_t stmt;              /* statement being built (pt_event.stmt) */
    uint32_t nstmts;            /* statements numbered so far */
    pt_vec exits;               /* ts_py_exit, innermost last */
} ts_py_b;

/* Blocks and events (ts_python_cfg.c). */
uint32_t ts_py_block(ts_py_b *b);
/* Block `i` of the function; valid until the next block is added. */
pt_block *ts_py_blk(ts_py_b *b, uint32_t i);
/* Appends an event named `name` at `at` to the current block, in the
   current try region and marked implicit inside a finally copy. */
pt_event *ts_py_ev(ts_py_b *b, pt_event_kind kind, TSNode at,
                   const char *name);
/* Ends block `from` with a jump to `to`. */
void ts_py_goto(ts_py_b *b, uint32_t from, uint32_t to);

/* Expressions (ts_python_expr.c). */
pt_value ts_py_expr(ts_py_b *b, TSNode node, int depth);
void ts_py_store(ts_py_b *b, TSNode target, pt_value value, int depth);
/* The access path of an identifier/attribute chain, or NULL. */
const char *ts_py_path(ts_py_b *b, TSNode node, int depth);
/* Lowers a test into the current block; branches to `t` or `f`. */
void ts_py_cond(ts_py_b *b, TSNode test, uint32_t t, uint32_t f, int depth);

#endif
