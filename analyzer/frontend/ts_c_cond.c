/*
 * ts_c_cond.c - branch conditions: short-circuit lowering of && || ! into
 * chains of branch blocks, and each leaf test in its positive form.
 */
#include "frontend/ts_c_int.h"

/* ---- conditions ---- */

static bool is_null_node(ts_c_ctx *ctx, TSNode node, const char *other)
{
    node = ts_c_strip(node);
    if (ts_c_is(node, TS_K_null)) {
        return true;
    }
    if (ts_c_is(node, TS_K_cast_expression)) {
        return is_null_node(ctx, ts_c_field(node, TS_F_value), other);
    }
    const char *text = ts_c_text(ctx, node);
    if (strcmp(text, "NULL") == 0) {
        return true;
    }
    if (strcmp(text, "0") != 0 || other == NULL) {
        return false;
    }
    int32_t d = ts_c_resolve(ctx, other);
    return d >= 0 && pt_unit_decl(ctx->unit, (uint32_t)d)->is_pointer;
}

static bool is_var_path(ts_c_ctx *ctx, const char *path)
{
    if (path == NULL) {
        return false;
    }
    size_t n = strcspn(path, ".[");
    char *root = pt_arena_strndup(ctx->arena, path, n);
    int32_t d = ts_c_resolve(ctx, root);
    if (d < 0) {
        return ts_c_looks_like_variable(root);
    }
    return ts_c_is_variable(pt_unit_decl(ctx->unit, (uint32_t)d));
}

static const char *first_var_path(ts_c_ctx *ctx, TSNode node, int depth)
{
    if (ts_node_is_null(node) || depth > 64) {
        return NULL;
    }
    if (ts_c_is(node, TS_K_identifier) || ts_c_is(node, TS_K_field_expression) ||
        ts_c_is(node, TS_K_subscript_expression)) {
        const char *path = ts_c_path(ctx, node);
        if (is_var_path(ctx, path)) {
            return path;
        }
    }
    if (ts_c_is(node, TS_K_call_expression)) {
        node = ts_c_field(node, TS_F_arguments);
    }
    if (ts_node_is_null(node)) {
        return NULL;
    }
    const char *found = NULL;
    TSTreeCursor cur = ts_tree_cursor_new(node);
    for (bool more = ts_tree_cursor_goto_first_child(&cur);
         more && found == NULL; more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode c = ts_tree_cursor_current_node(&cur);
        if (ts_node_is_named(c)) {
            found = first_var_path(ctx, c, depth + 1);
        }
    }
    ts_tree_cursor_delete(&cur);
    return found;
}

static const char *callee_name(ts_c_ctx *ctx, TSNode call)
{
    TSNode f = ts_c_strip(ts_c_field(call, TS_F_function));
    if (ts_c_is(f, TS_K_field_expression)) {
        return ts_c_text(ctx, ts_c_field(f, TS_F_field));
    }
    if (ts_c_is(f, TS_K_pointer_expression)) {
        return ts_c_path(ctx, ts_c_field(f, TS_F_argument));
    }
    return ts_c_path(ctx, f);
}

static bool classify_binary(ts_c_ctx *ctx, TSNode node, pt_cond *c)
{
    const char *op = ts_c_text(ctx, ts_c_field(node, TS_F_operator));
    bool eq = strcmp(op, "==") == 0;
    if (!eq && strcmp(op, "!=") != 0 && strcmp(op, "<") != 0 &&
        strcmp(op, ">") != 0 && strcmp(op, "<=") != 0 &&
        strcmp(op, ">=") != 0) {
        return false;
    }
    TSNode l = ts_c_field(node, TS_F_left);
    TSNode r = ts_c_field(node, TS_F_right);
    const char *lp = ts_c_path(ctx, l);
    const char *rp = ts_c_path(ctx, r);
    if ((eq || op[0] == '!') && is_null_node(ctx, r, lp) && lp) {
        c->kind = PT_TEST_NOT_NULL;
        c->subject = lp;
        return eq;
    }
    if ((eq || op[0] == '!') && is_null_node(ctx, l, rp) && rp) {
        c->kind = PT_TEST_NOT_NULL;
        c->subject = rp;
        return eq;
    }
    c->kind = PT_TEST_COMPARE;
    c->subject = first_var_path(ctx, node, 0);
    return false;
}

/* Fills the test of a leaf condition; returns whether to swap edges. */
static bool classify(ts_c_ctx *ctx, TSNode node, pt_cond *c)
{
    c->kind = PT_TEST_OTHER;
    c->loc = ts_c_loc(ctx, node);
    if (ts_c_is(node, TS_K_call_expression)) {
        TSNode first = ts_c_first_named(ts_c_field(node, TS_F_arguments));
        c->kind = PT_TEST_CALL;
        c->callee = callee_name(ctx, node);
        c->subject = ts_node_is_null(first) ? NULL : ts_c_arg_path(ctx, first);
        if (!is_var_path(ctx, c->subject)) {
            c->subject = NULL;
        }
        return false;
    }
    if (ts_c_is(node, TS_K_binary_expression)) {
        return classify_binary(ctx, node, c);
    }
    const char *path = ts_c_path(ctx, node);
    if (is_var_path(ctx, path)) {
        c->kind = PT_TEST_NOT_NULL;
        c->subject = path;
    }
    return false;
}

static void branch_leaf(ts_c_ctx *ctx, TSNode node, uint32_t yes,
                        uint32_t no)
{
    uint32_t b = ts_c_cur(ctx);
    ts_c_eval_only(ctx, node, true);
    pt_cond cond = {0};
    bool swap = classify(ctx, node, &cond);
    pt_function *fn = pt_unit_function(ctx->unit, (uint32_t)ctx->fn);
    pt_block *block = pt_function_block(fn, b);
    block->term = PT_TERM_BRANCH;
    block->cond = cond;
    block->succ[0] = swap ? no : yes;
    block->succ[1] = swap ? yes : no;
    ctx->cur = TS_C_NONE;
}

static bool is_op(ts_c_ctx *ctx, TSNode node, const char *op)
{
    TSNode o = ts_c_field(node, TS_F_operator);
    return !ts_node_is_null(o) && strcmp(ts_c_text(ctx, o), op) == 0;
}

static void cond_node(ts_c_ctx *ctx, TSNode node, uint32_t yes, uint32_t no)
{
    node = ts_c_strip(node);
    if (ts_c_is(node, TS_K_unary_expression) && is_op(ctx, node, "!")) {
        ts_c_cond(ctx, ts_c_field(node, TS_F_argument), no, yes);
        return;
    }
    bool and_op = ts_c_is(node, TS_K_binary_expression) &&
                  is_op(ctx, node, "&&");
    bool or_op = ts_c_is(node, TS_K_binary_expression) &&
                 is_op(ctx, node, "||");
    if (and_op || or_op) {
        ts_c_cur(ctx);
        uint32_t mid = ts_c_block(ctx);
        ts_c_cond(ctx, ts_c_field(node, TS_F_left), and_op ? mid : yes,
                  and_op ? no : mid);
        ctx->cur = mid;
        ts_c_cond(ctx, ts_c_field(node, TS_F_right), yes, no);
        return;
    }
    if (ts_c_is(node, TS_K_comma_expression)) {
        ts_c_cur(ctx);
        ts_c_eval_only(ctx, ts_c_field(node, TS_F_left), false);
        ts_c_cond(ctx, ts_c_field(node, TS_F_right), yes, no);
        return;
    }
    branch_leaf(ctx, node, yes, no);
}

/* Ends the current block with a test of `node`: true -> yes, else no. */
void ts_c_cond(ts_c_ctx *ctx, TSNode node, uint32_t yes, uint32_t no)
{
    if (ts_node_is_null(node) || !ts_c_enter(ctx)) {
        uint32_t b = ts_c_cur(ctx);
        pt_function *fn = pt_unit_function(ctx->unit, (uint32_t)ctx->fn);
        pt_block *block = pt_function_block(fn, b);
        block->term = PT_TERM_BRANCH;
        block->succ[0] = yes;
        block->succ[1] = no;
        ctx->cur = TS_C_NONE;
        return;
    }
    cond_node(ctx, node, yes, no);
    ts_c_leave(ctx);
}
