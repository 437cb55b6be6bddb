/*
 * ts_python_cond.c - branch conditions in positive form: `not`, `and`,
 * `or` become chains of branch blocks; `x is None` is NOT_NULL swapped.
 */
#include "frontend/ts_python_cfg.h"

static void branch(ts_py_b *b, TSNode at, pt_test_kind kind,
                   const char *subject, const char *callee, uint32_t t,
                   uint32_t f)
{
    pt_block *blk = ts_py_blk(b, b->cur);
    blk->term = PT_TERM_BRANCH;
    blk->succ[0] = t;
    blk->succ[1] = f;
    blk->cond.kind = (uint8_t)kind;
    blk->cond.subject = subject;
    blk->cond.callee = callee;
    blk->cond.loc = ts_py_loc(b->cx, at);
    b->dead = true;
}

/* The first READ/FIELD path read since event `first` of the block. */
static const char *first_read(ts_py_b *b, uint32_t first)
{
    pt_block *blk = ts_py_blk(b, b->cur);
    for (uint32_t i = first; i < blk->events.len; i++) {
        pt_event *e = pt_block_event(blk, i);
        if (e->kind == PT_EV_READ) {
            return e->name;
        }
        if (e->kind == PT_EV_FIELD_READ && e->base != NULL) {
            return pt_arena_printf(b->cx->unit->arena, "%s.%s", e->base,
                                   e->name);
        }
    }
    return NULL;
}

static void compare_cond(ts_py_b *b, TSNode node, uint32_t t, uint32_t f,
                         int depth)
{
    uint32_t first = ts_py_blk(b, b->cur)->events.len;
    uint32_t n = ts_py_nchild(node);
    for (uint32_t i = 0; i < n; i++) {
        ts_py_expr(b, ts_py_child(node, i), depth + 1);
    }
    TSNode op = ts_py_field(node, "operators");
    const char *o = ts_node_is_null(op) ? "" : ts_py_type(op);
    TSNode l = ts_py_unparen(ts_py_child(node, 0));
    TSNode r = ts_py_unparen(ts_py_child(node, 1));
    if (n == 2 && (strcmp(o, "in") == 0 || strcmp(o, "not in") == 0)) {
        bool neg = o[0] == 'n';
        branch(b, node, PT_TEST_CONTAINS, ts_py_path(b, l, depth + 1),
               ts_py_path(b, r, depth + 1), neg ? f : t, neg ? t : f);
        return;
    }
    bool eq = strcmp(o, "is") == 0 || strcmp(o, "==") == 0;
    bool ne = strcmp(o, "is not") == 0 || strcmp(o, "!=") == 0;
    if (n == 2 && (eq || ne) && (ts_py_is(l, "none") || ts_py_is(r, "none"))) {
        TSNode s = ts_py_is(l, "none") ? r : l;
        branch(b, node, PT_TEST_NOT_NULL, ts_py_path(b, s, depth + 1), NULL,
               eq ? f : t, eq ? t : f);
        return;
    }
    branch(b, node, PT_TEST_COMPARE, first_read(b, first), NULL, t, f);
}

static void call_cond(ts_py_b *b, TSNode node, uint32_t t, uint32_t f,
                      int depth)
{
    pt_value v = ts_py_expr(b, node, depth + 1);
    TSNode args = ts_py_field(node, "arguments");
    TSNode a0 = ts_py_child(args, 0);
    const char *subject = ts_py_is(args, "argument_list")
        ? ts_py_path(b, a0, depth + 1) : NULL;
    const char *callee = v.text;
    if (callee != NULL && strcmp(callee, "isinstance") == 0) {
        branch(b, node, PT_TEST_ISINSTANCE, subject, NULL, t, f);
    } else {
        branch(b, node, PT_TEST_CALL, subject, callee, t, f);
    }
}

void ts_py_cond(ts_py_b *b, TSNode test, uint32_t t, uint32_t f, int depth)
{
    test = ts_py_unparen(test);
    if (depth > TS_PY_MAX_DEPTH || ts_node_is_null(test)) {
        b->cx->overflow = depth > TS_PY_MAX_DEPTH || b->cx->overflow;
        branch(b, test, PT_TEST_OTHER, NULL, NULL, t, f);
        return;
    }
    const char *type = ts_py_type(test);
    if (strcmp(type, "not_operator") == 0) {
        ts_py_cond(b, ts_py_field(test, "argument"), f, t, depth + 1);
    } else if (strcmp(type, "boolean_operator") == 0) {
        TSNode op = ts_py_field(test, "operator");
        bool is_and = ts_py_is(op, "and");
        uint32_t mid = ts_py_block(b);
        ts_py_cond(b, ts_py_field(test, "left"), is_and ? mid : t,
                   is_and ? f : mid, depth + 1);
        b->cur = mid;
        b->dead = false;
        ts_py_cond(b, ts_py_field(test, "right"), t, f, depth + 1);
    } else if (strcmp(type, "comparison_operator") == 0) {
        compare_cond(b, test, t, f, depth);
    } else if (strcmp(type, "call") == 0) {
        call_cond(b, test, t, f, depth);
    } else if (strcmp(type, "identifier") == 0 ||
               strcmp(type, "attribute") == 0) {
        ts_py_expr(b, test, depth + 1);
        branch(b, test, PT_TEST_NOT_NULL, ts_py_path(b, test, depth + 1),
               NULL, t, f);
    } else if (strcmp(type, "named_expression") == 0) {
        ts_py_expr(b, test, depth + 1);
        TSNode name = ts_py_field(test, "name");
        branch(b, test, PT_TEST_NOT_NULL, ts_py_path(b, name, depth + 1),
               NULL, t, f);
    } else {
        ts_py_expr(b, test, depth + 1);
        branch(b, test, PT_TEST_OTHER, NULL, NULL, t, f);
    }
}
