/*
 * clang_c_stmt.c - a function definition: its pt_function, parameters,
 * locals and control-flow graph, statement by statement.
 */
#include "frontend/clang_c_internal.h"

#include <stdlib.h>
#include <string.h>

pt_function *cc_fn(const cc_ctx *c)
{
    return pt_unit_function(c->unit, (uint32_t)c->fn);
}

static pt_block *blk(cc_ctx *c, uint32_t i)
{
    return pt_function_block(cc_fn(c), i);
}

uint32_t cc_block_new(cc_ctx *c)
{
    return pt_function_add_block(c->unit, cc_fn(c));
}

/* The current block; a new (unreachable) one after a jump. */
uint32_t cc_block_cur(cc_ctx *c)
{
    if (c->cur == CC_NONE) {
        c->cur = cc_block_new(c);
    }
    return c->cur;
}

void cc_goto(cc_ctx *c, uint32_t from, uint32_t to)
{
    pt_block *b = blk(c, from);
    b->term = PT_TERM_GOTO;
    b->succ[0] = to;
    b->succ[1] = 0;
}

/* Ends the current block with a jump to `to`, if it is still open. */
static void flow_to(cc_ctx *c, uint32_t to)
{
    if (c->cur != CC_NONE) {
        cc_goto(c, c->cur, to);
    }
    c->cur = CC_NONE;
}

pt_event *cc_event(cc_ctx *c, pt_event_kind kind, uint32_t offset)
{
    if (c->uneval > 0) {
        memset(&c->scratch, 0, sizeof(c->scratch));
        return &c->scratch;
    }
    pt_block *b = blk(c, cc_block_cur(c));
    pt_event *e = pt_vec_push(c->unit->arena, &b->events, sizeof(pt_event));
    e->kind = (uint8_t)kind;
    e->loc = cc_loc(c, offset);
    e->try_region = -1;
    e->stmt = c->stmt;
    return e;
}

static uint32_t label_block(cc_ctx *c, const char *name)
{
    cc_label *labels = c->labels.items;
    for (uint32_t i = 0; i < c->labels.len; i++) {
        if (strcmp(labels[i].name, name) == 0) {
            return labels[i].block;
        }
    }
    uint32_t b = cc_block_new(c);
    cc_label *l = pt_vec_push(c->unit->arena, &c->labels, sizeof(cc_label));
    l->name = name;
    l->block = b;
    return b;
}

static void push_jump(cc_ctx *c, cc_jump j)
{
    if (c->njumps == c->jump_cap) {
        uint32_t cap = c->jump_cap ? c->jump_cap * 2 : 16;
        cc_jump *js = realloc(c->jumps, cap * sizeof(cc_jump));
        if (js == NULL) {
            abort();
        }
        c->jumps = js;
        c->jump_cap = cap;
    }
    c->jumps[c->njumps++] = j;
}

static cc_jump *innermost(cc_ctx *c, bool loop_only)
{
    for (uint32_t i = c->njumps; i > 0; i--) {
        if (!loop_only || !c->jumps[i - 1].is_switch) {
            return &c->jumps[i - 1];
        }
    }
    return NULL;
}

void cc_local_decl(cc_ctx *c, CXCursor var)
{
    int32_t d = cc_add_decl(c, var, PT_DECL_LOCAL, c->fn, NULL);
    CXCursor init = clang_Cursor_getVarDeclInitializer(var);
    bool has_init = !clang_Cursor_isNull(init);
    cc_children kids;
    cc_children_of(var, &kids);
    for (unsigned i = 0; i < kids.len; i++) {
        CXCursor k = kids.items[i];
        if (clang_isExpression(clang_getCursorKind(k)) &&
            (!has_init || !clang_equalCursors(k, init))) {
            /* an array size: its names are used, nothing is evaluated
               that the model shows (`char buf[PT_NAME_BUF];` assigns
               nothing) */
            c->uneval++;
            cc_expr(c, k, false);
            c->uneval--;
        }
    }
    cc_children_free(&kids);
    if (!has_init || d < 0) {
        return;
    }
    pt_value v = cc_expr(c, init, false);
    pt_decl *decl = pt_unit_decl(c->unit, (uint32_t)d);
    pt_event *e = cc_event(c, PT_EV_ASSIGN, decl->loc.byte);
    e->name = decl->name;
    e->args = pt_arena_alloc(c->unit->arena, sizeof(pt_value));
    e->args[0] = v;
    e->nargs = 1;
}

static void stmt(cc_ctx *c, CXCursor s, uint32_t nesting);

static void enter_nesting(cc_ctx *c, uint32_t nesting)
{
    if (nesting > c->nesting) {
        c->nesting = nesting;
    }
}

static void stmt_children(cc_ctx *c, CXCursor s, uint32_t nesting)
{
    cc_children kids;
    cc_children_of(s, &kids);
    for (unsigned i = 0; i < kids.len; i++) {
        stmt(c, kids.items[i], nesting);
    }
    cc_children_free(&kids);
}

/* `n` is the nesting level of the bodies (an else-if keeps it). */
static void if_stmt(cc_ctx *c, const cc_children *k, uint32_t n)
{
    if (k->len < 2) {
        return;
    }
    enter_nesting(c, n);
    bool has_else = k->len >= 3;
    uint32_t yes = cc_block_new(c);
    uint32_t no = cc_block_new(c);
    cc_block_cur(c);
    cc_cond(c, k->items[0], yes, no);
    c->cur = yes;
    stmt(c, k->items[1], n);
    uint32_t then_end = c->cur;
    if (!has_else) {
        flow_to(c, no);
        c->cur = no;
        return;
    }
    c->cur = no;
    CXCursor e = k->items[2];
    if (clang_getCursorKind(e) == CXCursor_IfStmt) {
        cc_children ek;
        cc_children_of(e, &ek);
        if_stmt(c, &ek, n);
        cc_children_free(&ek);
    } else {
        stmt(c, e, n);
    }
    uint32_t else_end = c->cur;
    if (then_end == CC_NONE && else_end == CC_NONE) {
        c->cur = CC_NONE;
        return;
    }
    uint32_t join = cc_block_new(c);
    if (then_end != CC_NONE) {
        cc_goto(c, then_end, join);
    }
    if (else_end != CC_NONE) {
        cc_goto(c, else_end, join);
    }
    c->cur = join;
}

static void loop_body(cc_ctx *c, CXCursor body, uint32_t brk, uint32_t cont,
                      uint32_t nesting)
{
    cc_jump j = {brk, cont, false, CC_NONE, CC_NONE};
    push_jump(c, j);
    stmt(c, body, nesting);
    c->njumps--;
}

static void while_stmt(cc_ctx *c, const cc_children *k, uint32_t nesting)
{
    if (k->len < 2) {
        return;
    }
    enter_nesting(c, nesting + 1);
    uint32_t head = cc_block_new(c);
    flow_to(c, head);
    uint32_t body = cc_block_new(c);
    uint32_t exit = cc_block_new(c);
    c->cur = head;
    cc_cond(c, k->items[0], body, exit);
    c->cur = body;
    loop_body(c, k->items[k->len - 1], exit, head, nesting + 1);
    flow_to(c, head);
    c->cur = exit;
}

static void do_stmt(cc_ctx *c, const cc_children *k, uint32_t nesting)
{
    if (k->len < 2) {
        return;
    }
    enter_nesting(c, nesting + 1);
    uint32_t body = cc_block_new(c);
    flow_to(c, body);
    uint32_t test = cc_block_new(c);
    uint32_t exit = cc_block_new(c);
    c->cur = body;
    loop_body(c, k->items[0], exit, test, nesting + 1);
    flow_to(c, test);
    c->cur = test;
    cc_cond(c, k->items[1], body, exit);
    c->cur = exit;
}

/* Sorts the children of a for statement into init; cond; inc and body. */
static void for_parts(cc_ctx *c, CXCursor s, const cc_children *k,
                      CXCursor *part, bool *have)
{
    uint32_t start = 0, end = 0, semi[2] = {0, 0};
    int nsemi = 0;
    if (cc_extent(c, s, &start, &end)) {
        int depth = 0;
        for (uint32_t i = cc_token_at(c, start);
             i < c->ntokens && c->tokens[i].start < end && nsemi < 2; i++) {
            if (cc_token_is(c, i, "(")) {
                depth++;
            } else if (cc_token_is(c, i, ")")) {
                depth--;
            } else if (depth == 1 && cc_token_is(c, i, ";")) {
                semi[nsemi++] = c->tokens[i].start;
            }
        }
    }
    for (int i = 0; i < 4; i++) {
        have[i] = false;
    }
    if (k->len == 0) {
        return;
    }
    part[3] = k->items[k->len - 1];
    have[3] = true;
    for (unsigned i = 0; i + 1 < k->len; i++) {
        uint32_t s0 = 0, e0 = 0;
        int slot = 0;
        if (nsemi == 2 && cc_extent(c, k->items[i], &s0, &e0)) {
            slot = s0 < semi[0] ? 0 : s0 < semi[1] ? 1 : 2;
        } else {
            slot = (int)i;
        }
        part[slot] = k->items[i];
        have[slot] = true;
    }
}

static void for_stmt(cc_ctx *c, CXCursor s, const cc_children *k,
                     uint32_t nesting)
{
    CXCursor part[4];
    bool have[4];
    for_parts(c, s, k, part, have);
    if (!have[3]) {
        return;
    }
    enter_nesting(c, nesting + 1);
    if (have[0]) {
        stmt(c, part[0], nesting);
    }
    uint32_t head = cc_block_new(c);
    flow_to(c, head);
    uint32_t body = cc_block_new(c);
    uint32_t exit = cc_block_new(c);
    uint32_t step = cc_block_new(c);
    c->cur = head;
    if (have[1]) {
        cc_cond(c, part[1], body, exit);
    } else {
        flow_to(c, body);
    }
    c->cur = body;
    loop_body(c, part[3], exit, step, nesting + 1);
    flow_to(c, step);
    c->cur = step;
    if (have[2]) {
        cc_expr(c, part[2], true);
    }
    flow_to(c, head);
    c->cur = exit;
}

static void switch_stmt(cc_ctx *c, const cc_children *k, uint32_t nesting)
{
    if (k->len < 2) {
        return;
    }
    enter_nesting(c, nesting + 1);
    cc_expr(c, k->items[0], false);
    uint32_t exit = cc_block_new(c);
    cc_jump j = {exit, CC_NONE, true, cc_block_cur(c), CC_NONE};
    c->cur = CC_NONE;
    push_jump(c, j);
    stmt(c, k->items[k->len - 1], nesting + 1);
    cc_jump done = c->jumps[--c->njumps];
    flow_to(c, exit);
    cc_goto(c, done.dispatch,
            done.default_block != CC_NONE ? done.default_block : exit);
    c->cur = exit;
}

/* `case X:` - the dispatch chain tests it, the code before falls in. */
static void case_label(cc_ctx *c, CXCursor s, const cc_children *k,
                       uint32_t nesting, bool is_default)
{
    cc_jump *sw = NULL;
    for (uint32_t i = c->njumps; i > 0; i--) {
        if (c->jumps[i - 1].is_switch) {
            sw = &c->jumps[i - 1];
            break;
        }
    }
    uint32_t target = cc_block_new(c);
    flow_to(c, target);
    if (sw != NULL && is_default) {
        sw->default_block = target;
    } else if (sw != NULL) {
        uint32_t next = cc_block_new(c);
        pt_block *d = blk(c, sw->dispatch);
        d->term = PT_TERM_BRANCH;
        d->succ[0] = target;
        d->succ[1] = next;
        d->cond.kind = PT_TEST_OTHER;
        uint32_t off = 0;
        if (cc_cursor_offset(c, s, &off)) {
            d->cond.loc = cc_loc(c, off);
        }
        sw->dispatch = next;
    }
    c->cur = target;
    if (k->len > 0) {
        stmt(c, k->items[k->len - 1], nesting);
    }
}

static void return_stmt(cc_ctx *c, CXCursor s, const cc_children *k)
{
    uint32_t off = 0;
    cc_cursor_offset(c, s, &off);
    pt_value v = {0};
    bool has = k->len > 0 && clang_isExpression(clang_getCursorKind(
                                 k->items[0]));
    if (has) {
        v = cc_expr(c, k->items[0], false);
    }
    pt_event *e = cc_event(c, PT_EV_RETURN, off);
    if (has) {
        e->args = pt_arena_alloc(c->unit->arena, sizeof(pt_value));
        e->args[0] = v;
        e->nargs = 1;
    }
    pt_block *b = blk(c, cc_block_cur(c));
    b->term = PT_TERM_RETURN;
    b->term_loc = cc_loc(c, off);
    c->cur = CC_NONE;
}

static void jump_stmt(cc_ctx *c, CXCursor s, enum CXCursorKind kind)
{
    cc_block_cur(c);
    if (kind == CXCursor_GotoStmt) {
        CXCursor target = clang_getCursorReferenced(s);
        const char *name = cc_spelling(c, target);
        flow_to(c, label_block(c, name));
        return;
    }
    cc_jump *j = innermost(c, kind == CXCursor_ContinueStmt);
    if (j == NULL) {
        c->cur = CC_NONE;
        return;
    }
    flow_to(c, kind == CXCursor_ContinueStmt ? j->cont : j->brk);
}

static void stmt_of_kind(cc_ctx *c, CXCursor s, uint32_t nesting)
{
    if (c->depth >= CC_MAX_DEPTH) {
        c->too_deep = true;
        return;
    }
    c->depth++;
    enum CXCursorKind kind = clang_getCursorKind(s);
    if (clang_isExpression(kind)) {
        cc_expr(c, s, true);
        c->depth--;
        return;
    }
    if (cc_macro_stmt(c, s)) {
        c->depth--;
        return;
    }
    cc_children k;
    cc_children_of(s, &k);
    switch (kind) {
    case CXCursor_CompoundStmt:
    case CXCursor_DeclStmt:
        for (unsigned i = 0; i < k.len; i++) {
            stmt(c, k.items[i], nesting);
        }
        break;
    case CXCursor_VarDecl:
        cc_local_decl(c, s);
        break;
    case CXCursor_StructDecl:
    case CXCursor_UnionDecl:
    case CXCursor_EnumDecl:
    case CXCursor_TypedefDecl:
        break;
    case CXCursor_IfStmt:
        if_stmt(c, &k, nesting + 1);
        break;
    case CXCursor_WhileStmt:
        while_stmt(c, &k, nesting);
        break;
    case CXCursor_DoStmt:
        do_stmt(c, &k, nesting);
        break;
    case CXCursor_ForStmt:
        for_stmt(c, s, &k, nesting);
        break;
    case CXCursor_SwitchStmt:
        switch_stmt(c, &k, nesting);
        break;
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
        case_label(c, s, &k, nesting, kind == CXCursor_DefaultStmt);
        break;
    case CXCursor_ReturnStmt:
        return_stmt(c, s, &k);
        break;
    case CXCursor_GotoStmt:
    case CXCursor_BreakStmt:
    case CXCursor_ContinueStmt:
        jump_stmt(c, s, kind);
        break;
    case CXCursor_LabelStmt: {
        uint32_t b = label_block(c, cc_spelling(c, s));
        flow_to(c, b);
        c->cur = b;
        for (unsigned i = 0; i < k.len; i++) {
            stmt(c, k.items[i], nesting);
        }
        break;
    }
    case CXCursor_NullStmt:
        break;
    default:
        stmt_children(c, s, nesting);
        break;
    }
    cc_children_free(&k);
    c->depth--;
}

/* A nested statement has its own number; what follows it (an if's else
   arm, a for's increment) is its parent's again. */
static void stmt(cc_ctx *c, CXCursor s, uint32_t nesting)
{
    uint32_t parent = c->stmt;
    c->stmt = ++c->nstmts;
    stmt_of_kind(c, s, nesting);
    c->stmt = parent;
}

static void add_params(cc_ctx *c, CXCursor cursor)
{
    int n = clang_Cursor_getNumArguments(cursor);
    pt_function *fn = cc_fn(c);
    for (int i = 0; i < n; i++) {
        CXCursor p = clang_Cursor_getArgument(cursor, (unsigned)i);
        if (clang_Cursor_isNull(p)) {
            continue;
        }
        CXString s = clang_getCursorSpelling(p);
        const char *name = clang_getCString(s);
        bool named = name != NULL && name[0] != '\0';
        clang_disposeString(s);
        if (!named) {
            continue;
        }
        int32_t d = cc_add_decl(c, p, PT_DECL_PARAM, c->fn, NULL);
        if (d >= 0) {
            uint32_t *slot = pt_vec_push(c->unit->arena, &fn->params,
                                         sizeof(uint32_t));
            *slot = (uint32_t)d;
        }
    }
}

void cc_function(cc_ctx *c, CXCursor cursor, int32_t decl)
{
    pt_unit *u = c->unit;
    uint32_t start = 0, end = 0, name = 0;
    if (!cc_extent(c, cursor, &start, &end) ||
        !cc_cursor_offset(c, cursor, &name)) {
        return;
    }
    CXCursor body;
    bool has_body = false;
    cc_children kids;
    cc_children_of(cursor, &kids);
    for (unsigned i = 0; i < kids.len; i++) {
        if (clang_getCursorKind(kids.items[i]) == CXCursor_CompoundStmt) {
            body = kids.items[i];
            has_body = true;
        }
    }
    cc_children_free(&kids);
    if (!has_body) {
        return;
    }
    pt_function *fn = pt_vec_push(u->arena, &u->functions,
                                  sizeof(pt_function));
    const pt_decl *d = pt_unit_decl(u, (uint32_t)decl);
    fn->name = d->name;
    fn->loc = d->loc;
    fn->start = cc_loc(c, start);
    fn->end = cc_loc(c, end > start ? end - 1 : start);
    fn->decl = decl;
    fn->is_public = d->is_public;
    fn->is_static = !d->is_public;
    fn->doc = d->doc;
    c->fn = (int32_t)u->functions.len - 1;
    c->labels = (pt_vec){0};
    c->njumps = 0;
    c->depth = 0;
    c->too_deep = false;
    c->nesting = 0;
    add_params(c, cursor);
    c->cur = cc_block_new(c);
    stmt(c, body, 0);
    fn = cc_fn(c);
    if (c->cur != CC_NONE) {
        pt_block *b = blk(c, c->cur);
        b->term = PT_TERM_RETURN;
        b->term_loc = fn->end;
    }
    c->cur = CC_NONE;
    fn->max_nesting = c->nesting;
    fn->partial = fn->partial || c->too_deep;
    uint32_t bs = 0, be = 0;
    if (cc_extent(c, body, &bs, &be)) {
        cc_count_decisions(c, fn, bs, be);
    }
    c->fn = -1;
}
