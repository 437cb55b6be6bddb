/*
 * ts_python_try.c - try/except/else/finally: a try region, a dispatch
 * chain to the except clauses, and finally bodies copied onto every exit.
 */
#include "frontend/ts_python_stmt.h"

/* Adds the caught class names of one except clause's expression. */
static void caught(ts_py_b *b, pt_try_region *r, TSNode value, pt_vec *tmp)
{
    value = ts_py_unparen(value);
    const char **slot;
    if (ts_node_is_null(value)) {
        slot = pt_vec_push(b->cx->unit->arena, tmp, sizeof(char *));
        *slot = "*";
    } else if (ts_py_is(value, TS_PY_K_tuple)) {
        ts_py_it it = ts_py_kids(b->cx, value, true);
        for (TSNode c; ts_py_it_next(&it, &c);) {
            slot = pt_vec_push(b->cx->unit->arena, tmp, sizeof(char *));
            *slot = ts_py_text(b->cx, c);
        }
        ts_py_it_done(&it);
    } else {
        slot = pt_vec_push(b->cx->unit->arena, tmp, sizeof(char *));
        *slot = ts_py_text(b->cx, value);
    }
    r->caught = tmp->items;
    r->ncaught = tmp->len;
}

/* The exception value of an except clause, or a null node. */
static TSNode except_value(TSNode c)
{
    TSNode v = ts_py_field(c, TS_PY_F_value);
    if (ts_node_is_null(v) && ts_py_is(c, TS_PY_K_except_group_clause)) {
        TSNode first = ts_py_child(c, 0);
        if (!ts_py_is(first, TS_PY_K_block)) {
            v = first;
        }
    }
    if (ts_py_is(v, TS_PY_K_as_pattern)) {
        v = ts_py_child(v, 0);
    }
    return v;
}

/* The `as` name of an except clause, or a null node. */
static TSNode except_alias(TSNode c)
{
    TSNode v = ts_py_field(c, TS_PY_F_value);
    if (ts_node_is_null(v) && ts_py_is(c, TS_PY_K_except_group_clause)) {
        v = ts_py_child(c, 0);
    }
    if (ts_py_is(v, TS_PY_K_as_pattern)) {
        return ts_py_child(ts_py_field(v, TS_PY_F_alias), 0);
    }
    return ts_py_field(c, TS_PY_F_alias);
}

static TSNode last_block(ts_py_b *b, TSNode c)
{
    return ts_py_last(b->cx, c);
}

/* A landing that runs the finally and re-raises. */
static uint32_t finally_landing(ts_py_b *b, TSNode fin, int depth)
{
    uint32_t saved = b->cur;
    bool dead = b->dead;
    bool was = b->implicit;
    uint32_t land = ts_py_block(b);
    ts_py_enter(b, land);
    b->implicit = true;
    ts_py_suite(b, fin, depth + 1);
    if (!b->dead) {
        pt_block *blk = ts_py_blk(b, b->cur);
        blk->term = PT_TERM_RAISE;
        blk->term_loc = ts_py_loc(b->cx, fin);
        blk->handler = b->handler;
    }
    b->implicit = was;
    b->cur = saved;
    b->dead = dead;
    return land;
}

/* The except clauses: a dispatch chain from `dispatch` to each body. */
static void handlers(ts_py_b *b, TSNode s, uint32_t dispatch, uint32_t join,
                     int32_t unmatched, int depth)
{
    ts_py_enter(b, dispatch);
    bool bare = false;
    ts_py_it it = ts_py_kids(b->cx, s, true);
    for (TSNode c; !bare && ts_py_it_next(&it, &c);) {
        if (!ts_py_is(c, TS_PY_K_except_clause) &&
            !ts_py_is(c, TS_PY_K_except_group_clause)) {
            continue;
        }
        TSNode value = except_value(c);
        uint32_t body = ts_py_block(b);
        uint32_t next = 0;
        bare = ts_node_is_null(value);
        if (bare) {
            ts_py_goto(b, b->cur, body);
        } else {
            next = ts_py_block(b);
            pt_block *blk = ts_py_blk(b, b->cur);
            blk->term = PT_TERM_BRANCH;
            blk->succ[0] = body;
            blk->succ[1] = next;
            blk->cond.loc = ts_py_loc(b->cx, c);
        }
        ts_py_enter(b, body);
        TSNode alias = except_alias(c);
        if (!ts_node_is_null(alias)) {
            ts_py_store(b, alias, (pt_value){.kind = PT_VAL_OTHER}, depth);
        }
        ts_py_suite(b, last_block(b, c), depth + 1);
        if (!b->dead) {
            ts_py_goto(b, b->cur, join);
        }
        ts_py_enter(b, next);
    }
    ts_py_it_done(&it);
    if (!bare) {
        pt_block *blk = ts_py_blk(b, b->cur);
        if (unmatched >= 0) {
            blk->term = PT_TERM_GOTO;
            blk->succ[0] = (uint32_t)unmatched;
        } else {
            blk->term = PT_TERM_RAISE;
            blk->term_loc = ts_py_loc(b->cx, s);
            blk->handler = b->handler;
        }
    }
    b->dead = true;
}

/* Records one except clause for rules that look at what it does. */
static void add_handler(ts_py_b *b, pt_try_region *r, TSNode c)
{
    pt_arena *arena = b->cx->unit->arena;
    pt_handler *h = pt_vec_push(arena, &r->handlers, sizeof(pt_handler));
    h->loc = ts_py_loc(b->cx, c);
    TSNode value = ts_py_unparen(except_value(c));
    pt_vec classes = {0};
    bool tuple = ts_py_is(value, TS_PY_K_tuple);
    TSNode none = {0};
    ts_py_it it = ts_py_kids(b->cx, tuple ? value : none, true);
    TSNode item = value;
    while (tuple ? ts_py_it_next(&it, &item) : !ts_node_is_null(item)) {
        if (ts_py_is(item, TS_PY_K_identifier) ||
            ts_py_is(item, TS_PY_K_attribute)) {
            const char **slot = pt_vec_push(arena, &classes, sizeof(char *));
            *slot = ts_py_text(b->cx, item);
        }
        if (!tuple) {
            break;
        }
    }
    ts_py_it_done(&it);
    h->classes = classes.items;
    h->nclasses = classes.len;
    TSNode alias = except_alias(c);
    h->bound = ts_node_is_null(alias) ? NULL : ts_py_text(b->cx, alias);
    TSNode body = last_block(b, c);
    h->first_line = ts_node_start_point(body).row + 1;
    h->last_line = ts_node_end_point(body).row + 1;
}

/* Pushes the try region of `s` and returns its index. */
static int32_t new_region(ts_py_b *b, TSNode s, TSNode fin)
{
    pt_try_region *r = pt_vec_push(b->cx->unit->arena, &b->fn->try_regions,
                                   sizeof(pt_try_region));
    r->loc = ts_py_loc(b->cx, s);
    r->parent = b->region;
    r->has_finally = !ts_node_is_null(fin);
    pt_vec tmp = {0};
    ts_py_it it = ts_py_kids(b->cx, s, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        if (ts_py_is(c, TS_PY_K_except_clause) ||
            ts_py_is(c, TS_PY_K_except_group_clause)) {
            caught(b, r, except_value(c), &tmp);
            add_handler(b, r, c);
        }
    }
    ts_py_it_done(&it);
    return (int32_t)b->fn->try_regions.len - 1;
}

void ts_py_try(ts_py_b *b, TSNode s, int depth)
{
    TSNode fin = (TSNode){0};
    TSNode other = (TSNode){0};
    bool has_except = false;
    ts_py_it it = ts_py_kids(b->cx, s, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        if (ts_py_is(c, TS_PY_K_finally_clause)) {
            fin = last_block(b, c);
        } else if (ts_py_is(c, TS_PY_K_else_clause)) {
            other = ts_py_field(c, TS_PY_F_body);
        } else if (ts_py_is(c, TS_PY_K_except_clause) ||
                   ts_py_is(c, TS_PY_K_except_group_clause)) {
            has_except = true;
        }
    }
    ts_py_it_done(&it);
    int32_t outer_handler = b->handler;
    int32_t outer_region = b->region;
    uint32_t level = b->exits.len;
    int32_t fin_land = -1;
    if (!ts_node_is_null(fin)) {
        fin_land = (int32_t)finally_landing(b, fin, depth);
        ts_py_exit x = {.kind = TS_PY_EXIT_FINALLY, .finally_body = fin,
                        .handler = outer_handler, .region = outer_region};
        ts_py_push_exit(b, x);
        b->handler = fin_land;
    }
    int32_t region = new_region(b, s, fin);
    int32_t after_handlers = b->handler;
    uint32_t dispatch = 0;
    uint32_t join = ts_py_block(b);
    if (has_except) {
        dispatch = ts_py_block(b);
        b->handler = (int32_t)dispatch;
    }
    uint32_t body = ts_py_block(b);
    if (!b->dead) {
        ts_py_goto(b, b->cur, body);
    }
    ts_py_enter(b, body);
    b->region = region;
    ts_py_suite(b, ts_py_field(s, TS_PY_F_body), depth + 1);
    b->handler = after_handlers;
    b->region = outer_region;
    if (!b->dead) {
        ts_py_suite(b, other, depth + 1);
    }
    if (!b->dead) {
        ts_py_goto(b, b->cur, join);
    }
    if (has_except) {
        handlers(b, s, dispatch, join, fin_land, depth);
    }
    b->exits.len = level;
    b->handler = outer_handler;
    ts_py_enter(b, join);
    if (!ts_node_is_null(fin)) {
        ts_py_suite(b, fin, depth + 1);
    }
}
