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
    TSNode cond = ts_py_field(s, "condition");
    TSNode body = ts_py_field(s, "consequence");
    uint32_t n = ts_py_nchild(s);
    uint32_t next_child = 0;
    for (;;) {
        uint32_t then_b = ts_py_block(b);
        uint32_t else_b = ts_py_block(b);
        ts_py_cond(b, cond, then_b, else_b, depth + 1);
        ts_py_enter(b, then_b);
        ts_py_suite(b, body, depth + 1);
        join_to(b, join);
        ts_py_enter(b, else_b);
        bool have = false;
        while (next_child < n && !have) {
            clause = ts_py_child(s, next_child++);
            have = ts_py_is(clause, "elif_clause") ||
                   ts_py_is(clause, "else_clause");
        }
        if (!have || !ts_py_is(clause, "elif_clause")) {
            clause = have ? clause : s;
            break;
        }
        cond = ts_py_field(clause, "condition");
        body = ts_py_field(clause, "consequence");
    }
    if (ts_py_is(clause, "else_clause")) {
        ts_py_suite(b, ts_py_field(clause, "body"), depth + 1);
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
    if (ts_py_is(s, "for_statement")) {
        pt_value v = {.kind = PT_VAL_OTHER};
        ts_py_store(b, ts_py_field(s, "left"), v, depth + 1);
    }
    ts_py_suite(b, ts_py_field(s, "body"), depth + 1);
    join_to(b, head);
    b->exits.len = level - 1;
    ts_py_enter(b, other);
    TSNode alt = ts_py_field(s, "alternative");
    if (!ts_node_is_null(alt)) {
        ts_py_suite(b, ts_py_field(alt, "body"), depth + 1);
    }
    join_to(b, exit);
    ts_py_enter(b, exit);
}

static void loop_stmt(ts_py_b *b, TSNode s, int depth)
{
    bool is_for = ts_py_is(s, "for_statement");
    if (is_for) {
        ts_py_expr(b, ts_py_field(s, "right"), depth + 1);
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
        ts_py_cond(b, ts_py_field(s, "condition"), body, other, depth + 1);
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
    uint32_t n = ts_py_is(clause, "with_clause")
        ? ts_py_nchild(clause) : 0;
    for (uint32_t i = 0; i < n; i++) {
        TSNode item = ts_py_field(ts_py_child(clause, i), "value");
        TSNode target = (TSNode){0};
        if (ts_py_is(item, "as_pattern")) {
            target = ts_py_child(ts_py_field(item, "alias"), 0);
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
    ts_py_suite(b, ts_py_field(s, "body"), depth + 1);
    b->handler = handler;
    ts_py_unwind(b, level, s, depth);
    b->exits.len = level;
    uint32_t next = ts_py_block(b);
    join_to(b, next);
    ts_py_enter(b, next);
}

static void match_stmt(ts_py_b *b, TSNode s, int depth)
{
    TSNode subject = ts_py_field(s, "subject");
    ts_py_expr(b, subject, depth + 1);
    uint32_t join = ts_py_block(b);
    TSNode body = ts_py_field(s, "body");
    uint32_t n = ts_py_nchild(body);
    for (uint32_t i = 0; i < n; i++) {
        TSNode c = ts_py_child(body, i);
        if (!ts_py_is(c, "case_clause") || b->dead) {
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
        ts_py_suite(b, ts_py_field(c, "consequence"), depth + 1);
        join_to(b, join);
        ts_py_enter(b, else_b);
    }
    join_to(b, join);
    ts_py_enter(b, join);
}

bool ts_py_compound(ts_py_b *b, TSNode s, const char *type, int depth)
{
    if (strcmp(type, "if_statement") == 0) {
        if_stmt(b, s, depth);
    } else if (strcmp(type, "for_statement") == 0 ||
               strcmp(type, "while_statement") == 0) {
        loop_stmt(b, s, depth);
    } else if (strcmp(type, "with_statement") == 0) {
        with_stmt(b, s, depth);
    } else if (strcmp(type, "match_statement") == 0) {
        match_stmt(b, s, depth);
    } else if (strcmp(type, "try_statement") == 0) {
        ts_py_try(b, s, depth);
    } else {
        return false;
    }
    return true;
}
