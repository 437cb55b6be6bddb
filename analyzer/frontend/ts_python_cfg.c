/*
 * ts_python_cfg.c - the control-flow graph of one Python function:
 * blocks, simple statements, if/while/for/with/match and exits.
 * try statements are in ts_python_try.c.
 */
#include "frontend/ts_python_cfg.h"

#include "frontend/ts_python_stmt.h"

uint32_t ts_py_block(ts_py_b *b)
{
    uint32_t i = pt_function_add_block(b->cx->unit, b->fn);
    ts_py_blk(b, i)->handler = b->handler;
    if (b->fn->blocks.len > TS_PY_MAX_BLOCKS) {
        b->fn->partial = true;
    }
    return i;
}

pt_block *ts_py_blk(ts_py_b *b, uint32_t i)
{
    return pt_function_block(b->fn, i);
}

pt_event *ts_py_ev(ts_py_b *b, pt_event_kind kind, TSNode at,
                   const char *name)
{
    pt_block *blk = ts_py_blk(b, b->cur);
    pt_event *e = pt_vec_push(b->cx->unit->arena, &blk->events,
                              sizeof(pt_event));
    e->kind = (uint8_t)kind;
    e->loc = ts_py_loc(b->cx, at);
    e->name = name;
    e->implicit = b->implicit;
    e->try_region = b->region;
    e->stmt = b->stmt;
    return e;
}

void ts_py_goto(ts_py_b *b, uint32_t from, uint32_t to)
{
    pt_block *blk = ts_py_blk(b, from);
    blk->term = PT_TERM_GOTO;
    blk->succ[0] = to;
}

/* Ends the current block with a jump and makes the flow dead. */
static void jump(ts_py_b *b, uint32_t to)
{
    ts_py_goto(b, b->cur, to);
    b->dead = true;
}

/* Starts emitting into block `i`. */
void ts_py_enter(ts_py_b *b, uint32_t i)
{
    b->cur = i;
    b->dead = false;
}

/* Runs the exits above `level` (innermost first): releases, finallys. */
void ts_py_unwind(ts_py_b *b, uint32_t level, TSNode at, int depth)
{
    for (uint32_t i = b->exits.len; i > level && !b->dead; i--) {
        ts_py_exit x = ((ts_py_exit *)b->exits.items)[i - 1];
        if (x.kind == TS_PY_EXIT_WITH) {
            bool was = b->implicit;
            b->implicit = true;
            ts_py_ev(b, PT_EV_RELEASE, at, x.lock);
            b->implicit = was;
        } else if (x.kind == TS_PY_EXIT_FINALLY) {
            uint32_t saved = b->exits.len;
            int32_t handler = b->handler;
            int32_t region = b->region;
            bool was = b->implicit;
            b->exits.len = i - 1;
            b->handler = x.handler;
            b->region = x.region;
            b->implicit = true;
            ts_py_suite(b, x.finally_body, depth + 1);
            b->exits.len = saved;
            b->handler = handler;
            b->region = region;
            b->implicit = was;
        }
    }
}

void ts_py_push_exit(ts_py_b *b, ts_py_exit x)
{
    ts_py_exit *slot = pt_vec_push(b->cx->unit->arena, &b->exits,
                                   sizeof(ts_py_exit));
    *slot = x;
}

static void return_stmt(ts_py_b *b, TSNode s, int depth)
{
    TSNode value = ts_py_child(s, 0);
    pt_value v = {0};
    bool has = !ts_node_is_null(value);
    if (has) {
        v = ts_py_expr(b, value, depth + 1);
    }
    ts_py_unwind(b, 0, s, depth);
    if (b->dead) {
        return;
    }
    pt_event *e = ts_py_ev(b, PT_EV_RETURN, s, NULL);
    if (has) {
        e->args = pt_arena_alloc(b->cx->unit->arena, sizeof(pt_value));
        e->args[0] = v;
        e->nargs = 1;
    }
    pt_block *blk = ts_py_blk(b, b->cur);
    blk->term = PT_TERM_RETURN;
    blk->term_loc = ts_py_loc(b->cx, s);
    b->dead = true;
}

static void raise_stmt(ts_py_b *b, TSNode s, int depth)
{
    TSNode exc = ts_py_unparen(ts_py_child(s, 0));
    const char *name = NULL;
    if (!ts_node_is_null(exc)) {
        ts_py_expr(b, exc, depth + 1);
        TSNode cls = ts_py_is(exc, TS_PY_K_call) ? ts_py_field(exc, TS_PY_F_function)
                                           : exc;
        name = ts_py_path(b, cls, depth + 1);
    }
    TSNode cause = ts_py_field(s, TS_PY_F_cause);
    if (!ts_node_is_null(cause)) {
        ts_py_expr(b, cause, depth + 1);
    }
    ts_py_ev(b, PT_EV_RAISE, s, name);
    pt_block *blk = ts_py_blk(b, b->cur);
    blk->term = PT_TERM_RAISE;
    blk->term_loc = ts_py_loc(b->cx, s);
    blk->handler = b->handler;
    b->dead = true;
}

/*
 * `assert test, message`: past it the test holds.  The failing arm ends
 * without a successor, as after abort() in C: an assertion states an
 * invariant (and `python -O` drops it), it is not a path to analyse.
 */
static void assert_stmt(ts_py_b *b, TSNode s, int depth)
{
    uint32_t holds = ts_py_block(b);
    uint32_t fails = ts_py_block(b);
    ts_py_cond(b, ts_py_child(s, 0), holds, fails, depth + 1);
    ts_py_enter(b, fails);
    TSNode message = ts_py_child(s, 1);
    if (!ts_node_is_null(message)) {
        ts_py_expr(b, message, depth + 1);
    }
    pt_block *blk = ts_py_blk(b, fails);
    blk->term = PT_TERM_NORETURN;
    blk->term_loc = ts_py_loc(b->cx, s);
    ts_py_enter(b, holds);
}

/* break/continue: the innermost loop's targets after unwinding. */
static void loop_jump(ts_py_b *b, TSNode s, bool is_break, int depth)
{
    for (uint32_t i = b->exits.len; i > 0; i--) {
        ts_py_exit x = ((ts_py_exit *)b->exits.items)[i - 1];
        if (x.kind == TS_PY_EXIT_LOOP) {
            ts_py_unwind(b, i, s, depth);
            if (!b->dead) {
                jump(b, is_break ? x.brk : x.cont);
            }
            return;
        }
    }
}

static void expression_stmt(ts_py_b *b, TSNode s, int depth)
{
    ts_py_it it = ts_py_kids(b->cx, s, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        ts_py_kind t = ts_py_kind_of(c);
        if (t == TS_PY_K_assignment || t == TS_PY_K_augmented_assignment) {
            ts_py_assign(b, c, depth + 1);
        } else if (t == TS_PY_K_call) {
            pt_value v = ts_py_expr(b, c, depth + 1);
            pt_block *blk = ts_py_blk(b, b->cur);
            if (v.kind == PT_VAL_CALL && v.call >= 0 &&
                (uint32_t)v.call < blk->events.len) {
                pt_block_event(blk, (uint32_t)v.call)->result_used = false;
            }
        } else {
            ts_py_expr(b, c, depth + 1);
        }
    }
    ts_py_it_done(&it);
}

void ts_py_assign(ts_py_b *b, TSNode s, int depth)
{
    TSNode left = ts_py_field(s, TS_PY_F_left);
    TSNode right = ts_py_field(s, TS_PY_F_right);
    if (depth > TS_PY_MAX_DEPTH) {
        return;
    }
    if (ts_py_is(s, TS_PY_K_augmented_assignment)) {
        ts_py_expr(b, left, depth + 1);
        pt_value v = ts_py_expr(b, right, depth + 1);
        v.kind = PT_VAL_OTHER;
        v.text = NULL;
        ts_py_store(b, left, v, depth + 1);
        return;
    }
    if (ts_node_is_null(right)) {
        return;                 /* `x: int` */
    }
    pt_value v;
    if (ts_py_is(right, TS_PY_K_assignment)) {
        ts_py_assign(b, right, depth + 1);
        v = (pt_value){.kind = PT_VAL_OTHER};
    } else {
        v = ts_py_expr(b, right, depth + 1);
    }
    ts_py_store(b, left, v, depth + 1);
}

static bool simple_stmt(ts_py_b *b, TSNode s, ts_py_kind t, int depth)
{
    switch (t) {
    case TS_PY_K_expression_statement:
        expression_stmt(b, s, depth);
        break;
    case TS_PY_K_return_statement:
        return_stmt(b, s, depth);
        break;
    case TS_PY_K_raise_statement:
        raise_stmt(b, s, depth);
        break;
    case TS_PY_K_assert_statement:
        assert_stmt(b, s, depth);
        break;
    case TS_PY_K_break_statement:
        loop_jump(b, s, true, depth);
        break;
    case TS_PY_K_continue_statement:
        loop_jump(b, s, false, depth);
        break;
    case TS_PY_K_pass_statement:
    case TS_PY_K_global_statement:
    case TS_PY_K_nonlocal_statement:
    case TS_PY_K_import_statement:
    case TS_PY_K_import_from_statement:
    case TS_PY_K_future_import_statement:
    case TS_PY_K_class_definition:
    case TS_PY_K_function_definition:
    case TS_PY_K_decorated_definition:
    case TS_PY_K_comment:
        /* no events: nested definitions have their own functions */
        break;
    case TS_PY_K_ERROR:
        b->fn->partial = true;
        break;
    default:
        return false;
    }
    return true;
}

static void stmt_of_kind(ts_py_b *b, TSNode s, int depth)
{
    if (depth > TS_PY_MAX_DEPTH) {
        b->cx->overflow = true;
        b->fn->partial = true;
        return;
    }
    if (b->dead || b->fn->blocks.len > TS_PY_MAX_BLOCKS) {
        return;
    }
    ts_py_kind t = ts_py_kind_of(s);
    if (simple_stmt(b, s, t, depth) || ts_py_compound(b, s, t, depth)) {
        return;
    }
    ts_py_it it = ts_py_kids(b->cx, s, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        ts_py_expr(b, c, depth + 1);
    }
    ts_py_it_done(&it);
}

/* A nested statement has its own number; what follows it (an elif's
   test, a loop's else) is its parent's again. */
void ts_py_stmt(ts_py_b *b, TSNode s, int depth)
{
    uint32_t parent = b->stmt;
    b->stmt = ++b->nstmts;
    stmt_of_kind(b, s, depth);
    b->stmt = parent;
}

void ts_py_suite(ts_py_b *b, TSNode block, int depth)
{
    if (ts_node_is_null(block)) {
        return;
    }
    ts_py_it it = ts_py_kids(b->cx, block, true);
    for (TSNode c; !b->dead && ts_py_it_next(&it, &c);) {
        ts_py_stmt(b, c, depth + 1);
    }
    ts_py_it_done(&it);
}

void ts_py_cfg_build(ts_py_ctx *cx, pt_function *fn, TSNode def,
                     ts_py_scope *scope)
{
    ts_py_b b = {.cx = cx, .fn = fn, .scope = scope, .handler = -1,
                 .region = -1};
    ts_py_enter(&b, ts_py_block(&b));
    ts_py_suite(&b, ts_py_field(def, TS_PY_F_body), 1);
    if (!b.dead) {
        pt_block *blk = ts_py_blk(&b, b.cur);
        blk->term = PT_TERM_RETURN;
        blk->term_loc = fn->end;
    }
}
