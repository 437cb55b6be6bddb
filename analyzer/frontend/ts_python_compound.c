/*
 * ts_python_compound.c - if/elif/else, while, for, with and match.
 */
#include "frontend/ts_python_stmt.h"

/* Continues at `join` if the flow is live. */
static void join_to(ts_py_b *b, uint32_t join)
{
    if (!b->dead) {
        ts_py_goto(b, b->cur, join);
        b->dead = true;
    }
}

static void if_stmt(ts_py_b *b, TSNode s, int depth)
{
    uint32_t join = ts_py_block(b);
    TSNode clause = s;
    TSNode cond = ts_py_field(s, TS_PY_F_condition);
    TSNode body = ts_py_field(s, TS_PY_F_consequence);
    ts_py_it it = ts_py_kids(b->cx, s, true);
    for (;;) {
        uint32_t then_b = ts_py_block(b);
        uint32_t else_b = ts_py_block(b);
        ts_py_cond(b, cond, then_b, else_b, depth + 1);
        ts_py_enter(b, then_b);
        ts_py_suite(b, body, depth + 1);
        join_to(b, join);
        ts_py_enter(b, else_b);
        bool have = false;
        while (!have && ts_py_it_next(&it, &clause)) {
            have = ts_py_is(clause, TS_PY_K_elif_clause) ||
                   ts_py_is(clause, TS_PY_K_else_clause);
        }
        if (!have || !ts_py_is(clause, TS_PY_K_elif_clause)) {
            clause = have ? clause : s;
            break;
        }
        cond = ts_py_field(clause, TS_PY_F_condition);
        body = ts_py_field(clause, TS_PY_F_consequence);
    }
    ts_py_it_done(&it);
    if (ts_py_is(clause, TS_PY_K_else_clause)) {
        ts_py_suite(b, ts_py_field(clause, TS_PY_F_body), depth + 1);
    }
    join_to(b, join);
    ts_py_enter(b, join);
}

/* The loop body with break/continue targets, then the else clause. */
static void loop_body(ts_py_b *b, TSNode s, uint32_t head, uint32_t body,
                      uint32_t other, uint32_t exit, int depth)
{
    ts_py_exit x = {.kind = TS_PY_EXIT_LOOP, .brk = exit, .cont = head};
    ts_py_push_exit(b, x);
    uint32_t level = b->exits.len;
    ts_py_enter(b, body);
    if (ts_py_is(s, TS_PY_K_for_statement)) {
        pt_value v = {.kind = PT_VAL_OTHER};
        ts_py_store(b, ts_py_field(s, TS_PY_F_left), v, depth + 1);
    }
    ts_py_suite(b, ts_py_field(s, TS_PY_F_body), depth + 1);
    join_to(b, head);
    b->exits.len = level - 1;
    ts_py_enter(b, other);
    TSNode alt = ts_py_field(s, TS_PY_F_alternative);
    if (!ts_node_is_null(alt)) {
        ts_py_suite(b, ts_py_field(alt, TS_PY_F_body), depth + 1);
    }
    join_to(b, exit);
    ts_py_enter(b, exit);
}

static void loop_stmt(ts_py_b *b, TSNode s, int depth)
{
    bool is_for = ts_py_is(s, TS_PY_K_for_statement);
    if (is_for) {
        ts_py_expr(b, ts_py_field(s, TS_PY_F_right), depth + 1);
    }
    uint32_t head = ts_py_block(b);
    join_to(b, head);
    uint32_t body = ts_py_block(b);
    uint32_t other = ts_py_block(b);
    uint32_t exit = ts_py_block(b);
    ts_py_enter(b, head);
    if (is_for) {
        pt_block *h = ts_py_blk(b, head);
        h->term = PT_TERM_BRANCH;
        h->succ[0] = body;
        h->succ[1] = other;
        h->cond.loc = ts_py_loc(b->cx, s);
    } else {
        ts_py_cond(b, ts_py_field(s, TS_PY_F_condition), body, other, depth + 1);
    }
    loop_body(b, s, head, body, other, exit, depth);
}

/* A landing block: release `lock`, then propagate the exception. */
static uint32_t with_landing(ts_py_b *b, TSNode at, const char *lock)
{
    uint32_t saved = b->cur;
    bool was = b->implicit;
    uint32_t land = ts_py_block(b);
    b->cur = land;
    b->implicit = true;
    ts_py_ev(b, PT_EV_RELEASE, at, lock);
    pt_block *blk = ts_py_blk(b, land);
    blk->term = PT_TERM_RAISE;
    blk->term_loc = ts_py_end_loc(b->cx, at);
    b->implicit = was;
    b->cur = saved;
    return land;
}

static void with_stmt(ts_py_b *b, TSNode s, int depth)
{
    TSNode clause = ts_py_child(s, 0);
    uint32_t level = b->exits.len;
    int32_t handler = b->handler;
    TSNode none = {0};
    ts_py_it it = ts_py_kids(b->cx, ts_py_is(clause, TS_PY_K_with_clause)
                                        ? clause : none, true);
    for (TSNode wi; ts_py_it_next(&it, &wi);) {
        TSNode item = ts_py_field(wi, TS_PY_F_value);
        TSNode target = (TSNode){0};
        if (ts_py_is(item, TS_PY_K_as_pattern)) {
            target = ts_py_child(ts_py_field(item, TS_PY_F_alias), 0);
            item = ts_py_child(item, 0);
        }
        item = ts_py_unparen(item);
        pt_value v = ts_py_expr(b, item, depth + 1);
        const char *lock = ts_py_path(b, item, depth + 1);
        if (lock != NULL) {
            ts_py_ev(b, PT_EV_ACQUIRE, item, lock);
            ts_py_exit x = {.kind = TS_PY_EXIT_WITH, .lock = lock,
                            .handler = b->handler, .region = b->region};
            ts_py_push_exit(b, x);
            b->handler = (int32_t)with_landing(b, s, lock);
            uint32_t inside = ts_py_block(b);
            join_to(b, inside);
            ts_py_enter(b, inside);
        }
        if (!ts_node_is_null(target)) {
            v.kind = PT_VAL_OTHER;
            ts_py_store(b, target, v, depth + 1);
        }
    }
    ts_py_it_done(&it);
    ts_py_suite(b, ts_py_field(s, TS_PY_F_body), depth + 1);
    b->handler = handler;
    ts_py_unwind(b, level, s, depth);
    b->exits.len = level;
    uint32_t next = ts_py_block(b);
    join_to(b, next);
    ts_py_enter(b, next);
}

static void match_stmt(ts_py_b *b, TSNode s, int depth)
{
    TSNode subject = ts_py_field(s, TS_PY_F_subject);
    ts_py_expr(b, subject, depth + 1);
    uint32_t join = ts_py_block(b);
    TSNode body = ts_py_field(s, TS_PY_F_body);
    ts_py_it it = ts_py_kids(b->cx, body, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        if (!ts_py_is(c, TS_PY_K_case_clause) || b->dead) {
            continue;
        }
        uint32_t then_b = ts_py_block(b);
        uint32_t else_b = ts_py_block(b);
        pt_block *blk = ts_py_blk(b, b->cur);
        blk->term = PT_TERM_BRANCH;
        blk->succ[0] = then_b;
        blk->succ[1] = else_b;
        blk->cond.loc = ts_py_loc(b->cx, c);
        ts_py_enter(b, then_b);
        ts_py_suite(b, ts_py_field(c, TS_PY_F_consequence), depth + 1);
        join_to(b, join);
        ts_py_enter(b, else_b);
    }
    ts_py_it_done(&it);
    join_to(b, join);
    ts_py_enter(b, join);
}

bool ts_py_compound(ts_py_b *b, TSNode s, ts_py_kind type, int depth)
{
    switch (type) {
    case TS_PY_K_if_statement:
        if_stmt(b, s, depth);
        break;
    case TS_PY_K_for_statement:
    case TS_PY_K_while_statement:
        loop_stmt(b, s, depth);
        break;
    case TS_PY_K_with_statement:
        with_stmt(b, s, depth);
        break;
    case TS_PY_K_match_statement:
        match_stmt(b, s, depth);
        break;
    case TS_PY_K_try_statement:
        ts_py_try(b, s, depth);
        break;
    default:
        return false;
    }
    return true;
}
