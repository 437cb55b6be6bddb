/*
 * ts_c_cfg.c - statements into a control-flow graph of blocks.
 *
 * ctx->cur is the block statements append to; TS_C_NONE after a jump
 * (return, break, goto...) until a label or join makes code reachable, so
 * that dead code gets a block only when it holds something.
 */
#include "frontend/ts_c_int.h"

typedef struct ts_c_case {
    uint32_t byte;              /* start of the case_statement */
    uint32_t block;
} ts_c_case;

static pt_function *current_fn(ts_c_ctx *ctx)
{
    return pt_unit_function(ctx->unit, (uint32_t)ctx->fn);
}

uint32_t ts_c_block(ts_c_ctx *ctx)
{
    return pt_function_add_block(ctx->unit, current_fn(ctx));
}

uint32_t ts_c_cur(ts_c_ctx *ctx)
{
    if (ctx->cur == TS_C_NONE) {
        ctx->cur = ts_c_block(ctx);
    }
    return ctx->cur;
}

void ts_c_link(ts_c_ctx *ctx, uint32_t from, uint32_t to)
{
    if (from == TS_C_NONE) {
        return;
    }
    pt_block *b = pt_function_block(current_fn(ctx), from);
    b->term = PT_TERM_GOTO;
    b->succ[0] = to;
    b->succ[1] = 0;
}

/* Ends the current block with a jump; what follows is unreachable. */
static void jump_to(ts_c_ctx *ctx, uint32_t target)
{
    ts_c_link(ctx, ctx->cur, target);
    ctx->cur = TS_C_NONE;
}

static void push_jump(ts_c_ctx *ctx, uint32_t brk, uint32_t cont)
{
    ts_c_jump *j = pt_vec_push(ctx->arena, &ctx->jumps, sizeof(*j));
    j->brk = brk;
    j->cont = cont;
}

static ts_c_jump *top_jump(ts_c_ctx *ctx)
{
    if (ctx->jumps.len == 0) {
        return NULL;
    }
    return &((ts_c_jump *)ctx->jumps.items)[ctx->jumps.len - 1];
}

static uint32_t label_block(ts_c_ctx *ctx, TSNode label)
{
    const char *name = ts_c_text(ctx, label);
    ts_c_label *labels = ctx->labels.items;
    for (uint32_t i = 0; i < ctx->labels.len; i++) {
        if (strcmp(labels[i].name, name) == 0) {
            return labels[i].block;
        }
    }
    ts_c_label *l = pt_vec_push(ctx->arena, &ctx->labels, sizeof(*l));
    l->name = name;
    l->block = ts_c_block(ctx);
    return l->block;
}

/* ---- structured statements ---- */

static void stmt_if(ts_c_ctx *ctx, TSNode node)
{
    TSNode alt = ts_c_field(node, TS_F_alternative);
    ts_c_cur(ctx);
    uint32_t then_b = ts_c_block(ctx);
    uint32_t else_b = ts_c_block(ctx);
    ts_c_cond(ctx, ts_c_field(node, TS_F_condition), then_b, else_b);
    ctx->cur = then_b;
    ts_c_statement(ctx, ts_c_field(node, TS_F_consequence));
    uint32_t then_end = ctx->cur;
    if (ts_node_is_null(alt)) {
        ts_c_link(ctx, then_end, else_b);
        ctx->cur = else_b;
        return;
    }
    ctx->cur = else_b;
    ts_c_statement(ctx, alt);
    uint32_t else_end = ctx->cur;
    if (then_end == TS_C_NONE && else_end == TS_C_NONE) {
        ctx->cur = TS_C_NONE;
        return;
    }
    uint32_t join = ts_c_block(ctx);
    ts_c_link(ctx, then_end, join);
    ts_c_link(ctx, else_end, join);
    ctx->cur = join;
}

/* The loop body with break/continue targets. */
static void loop_body(ts_c_ctx *ctx, TSNode body, uint32_t brk,
                      uint32_t cont)
{
    push_jump(ctx, brk, cont);
    ts_c_statement(ctx, body);
    ctx->jumps.len--;
    ts_c_link(ctx, ctx->cur, cont);
}

static void stmt_while(ts_c_ctx *ctx, TSNode node)
{
    uint32_t head = ts_c_block(ctx);
    jump_to(ctx, head);
    uint32_t body = ts_c_block(ctx);
    uint32_t exit = ts_c_block(ctx);
    ctx->cur = head;
    ts_c_cond(ctx, ts_c_field(node, TS_F_condition), body, exit);
    ctx->cur = body;
    loop_body(ctx, ts_c_field(node, TS_F_body), exit, head);
    ctx->cur = exit;
}

static void stmt_do(ts_c_ctx *ctx, TSNode node)
{
    uint32_t body = ts_c_block(ctx);
    jump_to(ctx, body);
    uint32_t test = ts_c_block(ctx);
    uint32_t exit = ts_c_block(ctx);
    ctx->cur = body;
    loop_body(ctx, ts_c_field(node, TS_F_body), exit, test);
    ctx->cur = test;
    ts_c_cond(ctx, ts_c_field(node, TS_F_condition), body, exit);
    ctx->cur = exit;
}

static void for_init(ts_c_ctx *ctx, TSNode init)
{
    if (ts_c_is(init, TS_K_declaration)) {
        ts_c_declaration(ctx, init, true);
    } else if (!ts_node_is_null(init)) {
        ts_c_eval(ctx, init, false);
    }
}

static void stmt_for(ts_c_ctx *ctx, TSNode node)
{
    uint32_t scope = ctx->locals.len;
    for_init(ctx, ts_c_field(node, TS_F_initializer));
    TSNode cond = ts_c_field(node, TS_F_condition);
    TSNode update = ts_c_field(node, TS_F_update);
    uint32_t head = ts_c_block(ctx);
    jump_to(ctx, head);
    uint32_t body = ts_c_block(ctx);
    uint32_t exit = ts_c_block(ctx);
    uint32_t next = ts_node_is_null(update) ? head : ts_c_block(ctx);
    ctx->cur = head;
    if (ts_node_is_null(cond)) {
        jump_to(ctx, body);
    } else {
        ts_c_cond(ctx, cond, body, exit);
    }
    ctx->cur = body;
    loop_body(ctx, ts_c_field(node, TS_F_body), exit, next);
    if (next != head) {
        ctx->cur = next;
        ts_c_eval(ctx, update, false);
        jump_to(ctx, head);
    }
    ctx->cur = exit;
    ctx->locals.len = scope;
}

/* ---- switch ---- */

static bool is_default(TSNode case_stmt)
{
    return ts_node_is_null(ts_c_field(case_stmt, TS_F_value));
}

/* The case labels of a switch body, nested switches excluded. */
static void collect_cases(ts_c_ctx *ctx, TSNode body, pt_vec *cases)
{
    TSTreeCursor cur = ts_tree_cursor_new(body);
    uint32_t depth = 0;
    bool descend = true;
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        bool nested = depth > 0 && ts_c_is(n, TS_K_switch_statement);
        if (ts_c_is(n, TS_K_case_statement)) {
            ts_c_case *c = pt_vec_push(ctx->arena, cases, sizeof(*c));
            c->byte = ts_node_start_byte(n);
            c->block = ts_c_block(ctx);
        }
        if (descend && !nested && depth < TS_C_MAX_DEPTH &&
            ts_tree_cursor_goto_first_child(&cur)) {
            depth++;
            continue;
        }
        while (!ts_tree_cursor_goto_next_sibling(&cur)) {
            if (depth == 0 || !ts_tree_cursor_goto_parent(&cur)) {
                ts_tree_cursor_delete(&cur);
                return;
            }
            depth--;
        }
        descend = true;
    }
}

/* The case_statement starting at `byte`. */
static TSNode case_node_at(TSNode body, uint32_t byte)
{
    TSNode n = ts_node_descendant_for_byte_range(body, byte, byte);
    while (!ts_node_is_null(n) && !ts_c_is(n, TS_K_case_statement)) {
        n = ts_node_parent(n);
    }
    return n;
}

static uint32_t last_test(TSNode body, const pt_vec *cases)
{
    const ts_c_case *cs = cases->items;
    uint32_t last = TS_C_NONE;
    for (uint32_t i = 0; i < cases->len; i++) {
        TSNode n = case_node_at(body, cs[i].byte);
        if (ts_node_is_null(n) || !is_default(n)) {
            last = i;
        }
    }
    return last;
}

/* Ends the current block with a test per case, in order. */
static void switch_dispatch(ts_c_ctx *ctx, TSNode body, const pt_vec *cases,
                            uint32_t exit)
{
    const ts_c_case *cs = cases->items;
    uint32_t fallback = exit;
    for (uint32_t i = 0; i < cases->len; i++) {
        TSNode n = case_node_at(body, cs[i].byte);
        if (!ts_node_is_null(n) && is_default(n)) {
            fallback = cs[i].block;
        }
    }
    uint32_t last = last_test(body, cases);
    if (last == TS_C_NONE) {
        jump_to(ctx, fallback);
        return;
    }
    for (uint32_t i = 0; i <= last; i++) {
        TSNode n = case_node_at(body, cs[i].byte);
        if (!ts_node_is_null(n) && is_default(n)) {
            continue;
        }
        uint32_t b = ts_c_cur(ctx);
        uint32_t next = i == last ? fallback : ts_c_block(ctx);
        pt_block *block = pt_function_block(current_fn(ctx), b);
        block->term = PT_TERM_BRANCH;
        block->succ[0] = cs[i].block;
        block->succ[1] = next;
        block->cond.loc = pt_unit_loc_at(ctx->unit, cs[i].byte);
        ctx->cur = next;
    }
    ctx->cur = TS_C_NONE;
}

static void stmt_switch(ts_c_ctx *ctx, TSNode node)
{
    TSNode body = ts_c_field(node, TS_F_body);
    ts_c_cur(ctx);
    ts_c_eval(ctx, ts_c_field(node, TS_F_condition), true);
    pt_vec *cases = pt_arena_alloc(ctx->arena, sizeof(pt_vec));
    collect_cases(ctx, body, cases);
    uint32_t exit = ts_c_block(ctx);
    switch_dispatch(ctx, body, cases, exit);
    ts_c_jump *outer = top_jump(ctx);
    push_jump(ctx, exit, outer ? outer->cont : TS_C_NONE);
    pt_vec *saved = ctx->cases;
    ctx->cases = cases;
    ts_c_statement(ctx, body);
    ctx->cases = saved;
    ctx->jumps.len--;
    jump_to(ctx, exit);
    ctx->cur = exit;
}

/* ---- labels and jumps ---- */

/* The named children of a case or label after the label itself. */
static void labelled_body(ts_c_ctx *ctx, TSNode node)
{
    TSTreeCursor cur = ts_tree_cursor_new(node);
    bool more = ts_tree_cursor_goto_first_child(&cur);
    while (more) {
        TSFieldId field = ts_tree_cursor_current_field_id(&cur);
        TSNode c = ts_tree_cursor_current_node(&cur);
        if (field == 0 && ts_node_is_named(c)) {
            ts_c_statement(ctx, c);
        }
        more = ts_tree_cursor_goto_next_sibling(&cur);
    }
    ts_tree_cursor_delete(&cur);
}

static void stmt_case(ts_c_ctx *ctx, TSNode node)
{
    uint32_t byte = ts_node_start_byte(node);
    const ts_c_case *cs = ctx->cases ? ctx->cases->items : NULL;
    uint32_t n = ctx->cases ? ctx->cases->len : 0;
    for (uint32_t i = 0; i < n; i++) {
        if (cs[i].byte == byte) {
            jump_to(ctx, cs[i].block);
            ctx->cur = cs[i].block;
            break;
        }
    }
    labelled_body(ctx, node);
}

static void stmt_label(ts_c_ctx *ctx, TSNode node)
{
    uint32_t target = label_block(ctx, ts_c_field(node, TS_F_label));
    jump_to(ctx, target);
    ctx->cur = target;
    labelled_body(ctx, node);
}

static void stmt_goto(ts_c_ctx *ctx, TSNode node)
{
    TSNode label = ts_c_field(node, TS_F_label);
    if (ts_node_is_null(label)) {
        ts_c_count_uses(ctx, node);     /* goto *p: not modelled */
        ctx->cur = TS_C_NONE;
        return;
    }
    uint32_t target = label_block(ctx, label);
    jump_to(ctx, target);
}

static void stmt_break(ts_c_ctx *ctx, bool is_break)
{
    ts_c_jump *j = top_jump(ctx);
    uint32_t target = j == NULL ? TS_C_NONE : is_break ? j->brk : j->cont;
    if (target == TS_C_NONE) {
        ctx->cur = TS_C_NONE;   /* stray break: the path ends */
        return;
    }
    jump_to(ctx, target);
}

static void stmt_return(ts_c_ctx *ctx, TSNode node)
{
    TSNode value = ts_node_named_child(node, 0);
    while (!ts_node_is_null(value) && ts_c_is(value, TS_K_comment)) {
        value = ts_node_next_named_sibling(value);
    }
    ts_c_cur(ctx);
    pt_value v = {0};
    if (!ts_node_is_null(value)) {
        v = ts_c_eval(ctx, value, true);
    }
    pt_event *e = ts_c_emit(ctx, PT_EV_RETURN, node);
    if (!ts_node_is_null(value)) {
        e->args = pt_arena_alloc(ctx->arena, sizeof(pt_value));
        e->args[0] = v;
        e->nargs = 1;
    }
    pt_block *b = pt_function_block(current_fn(ctx), ctx->cur);
    b->term = PT_TERM_RETURN;
    b->term_loc = ts_c_loc(ctx, node);
    ctx->cur = TS_C_NONE;
}

/* ---- sequences ---- */

/* Children that are statements (compound bodies, #if arms, ERROR). */
static void statements_in(ts_c_ctx *ctx, TSNode node)
{
    TSTreeCursor cur = ts_tree_cursor_new(node);
    bool more = ts_tree_cursor_goto_first_child(&cur);
    TSFieldId alternative = ts_c_field_id(TS_F_alternative);
    while (more) {
        TSNode c = ts_tree_cursor_current_node(&cur);
        TSFieldId field = ts_node_is_named(c)
                              ? ts_tree_cursor_current_field_id(&cur) : 0;
        if (ts_node_is_named(c) && (field == 0 || field == alternative) &&
            !ts_c_is_dead(ctx, c)) {
            ts_c_statement(ctx, c);
        }
        more = ts_tree_cursor_goto_next_sibling(&cur);
    }
    ts_tree_cursor_delete(&cur);
}

static void stmt_compound(ts_c_ctx *ctx, TSNode node)
{
    uint32_t scope = ctx->locals.len;
    statements_in(ctx, node);
    ctx->locals.len = scope;
}

static void stmt_expression(ts_c_ctx *ctx, TSNode node)
{
    TSTreeCursor cur = ts_tree_cursor_new(node);
    for (bool more = ts_tree_cursor_goto_first_child(&cur); more;
         more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode c = ts_tree_cursor_current_node(&cur);
        if (ts_node_is_named(c)) {
            ts_c_eval(ctx, c, false);
        }
    }
    ts_tree_cursor_delete(&cur);
}

static bool is_sequence(ts_c_kind type)
{
    switch (type) {
    case TS_K_preproc_if:
    case TS_K_preproc_ifdef:
    case TS_K_preproc_else:
    case TS_K_preproc_elif:
    case TS_K_preproc_elifdef:
    case TS_K_attributed_statement:
    case TS_K_else_clause:
    case TS_K_seh_try_statement:
    case TS_K_seh_except_clause:
    case TS_K_seh_finally_clause:
    case TS_K_ERROR:
        return true;
    default:
        return false;
    }
}

static bool stmt_jump(ts_c_ctx *ctx, TSNode node, ts_c_kind type)
{
    if (type == TS_K_return_statement) {
        stmt_return(ctx, node);
    } else if (type == TS_K_break_statement) {
        stmt_break(ctx, true);
    } else if (type == TS_K_continue_statement) {
        stmt_break(ctx, false);
    } else if (type == TS_K_goto_statement) {
        stmt_goto(ctx, node);
    } else if (type == TS_K_labeled_statement) {
        stmt_label(ctx, node);
    } else if (type == TS_K_case_statement) {
        stmt_case(ctx, node);
    } else {
        return false;
    }
    return true;
}

static bool stmt_structured(ts_c_ctx *ctx, TSNode node, ts_c_kind type)
{
    if (type == TS_K_compound_statement) {
        stmt_compound(ctx, node);
    } else if (type == TS_K_if_statement) {
        stmt_if(ctx, node);
    } else if (type == TS_K_while_statement) {
        stmt_while(ctx, node);
    } else if (type == TS_K_for_statement) {
        stmt_for(ctx, node);
    } else if (type == TS_K_do_statement) {
        stmt_do(ctx, node);
    } else if (type == TS_K_switch_statement) {
        stmt_switch(ctx, node);
    } else {
        return false;
    }
    return true;
}

static void stmt_other(ts_c_ctx *ctx, TSNode node, ts_c_kind type)
{
    if (type == TS_K_expression_statement) {
        stmt_expression(ctx, node);
    } else if (type == TS_K_declaration) {
        ts_c_declaration(ctx, node, true);
    } else if (type == TS_K_type_definition) {
        ts_c_type_definition(ctx, node);
    } else if (type == TS_K_ERROR) {
        ctx->partial = true;
        statements_in(ctx, node);
    } else if (is_sequence(type)) {
        statements_in(ctx, node);
    } else if (type == TS_K_function_definition) {
        TSNode *p = pt_vec_push(ctx->arena, &ctx->pending, sizeof(*p));
        *p = node;              /* modelled after this function */
    } else if ((ts_c_class(node) & TS_C_CLASS_PREPROC) ||
               type == TS_K_comment) {
        return;                 /* directives */
    } else if (ts_c_class(node) & TS_C_CLASS_SPECIFIER) {
        ts_c_count_uses(ctx, node);
    } else {
        ts_c_eval(ctx, node, false);  /* an expression without `;` */
    }
}

void ts_c_statement(ts_c_ctx *ctx, TSNode node)
{
    if (ts_node_is_null(node) || !ts_c_enter(ctx)) {
        return;
    }
    /* a nested statement has its own number; what follows it (an if's
       else arm, a for's update) is its parent's again */
    uint32_t parent = ctx->stmt;
    ctx->stmt = ++ctx->nstmts;
    ts_c_kind type = ts_c_kind_of(node);
    if (!stmt_jump(ctx, node, type) && !stmt_structured(ctx, node, type)) {
        stmt_other(ctx, node, type);
    }
    ctx->stmt = parent;
    ts_c_leave(ctx);
}

void ts_c_function_body(ts_c_ctx *ctx, TSNode body)
{
    ctx->labels.len = 0;
    ctx->jumps.len = 0;
    ctx->cases = NULL;
    ctx->cur = ts_c_block(ctx);
    ts_c_statement(ctx, body);
    if (ctx->cur != TS_C_NONE) {
        pt_block *b = pt_function_block(current_fn(ctx), ctx->cur);
        b->term = PT_TERM_RETURN;
        b->term_loc = pt_unit_loc_at(ctx->unit, ts_node_end_byte(body) - 1);
    }
    ctx->cur = TS_C_NONE;
}
