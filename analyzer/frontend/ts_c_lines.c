/*
 * ts_c_lines.c - per-line kind and depth, and per-function decisions and
 * nesting, by iterative walks over the tree (no recursion: deep nesting
 * cannot overflow the stack).
 */
#include "frontend/ts_c_int.h"

#include <ctype.h>

typedef struct walk_frame {
    TSNode node;
    uint32_t level;
} walk_frame;

#define TS_C_WALK_SKIP UINT32_MAX   /* level: do not look inside */

static void frame_push(ts_c_ctx *ctx, TSNode node, uint32_t level)
{
    walk_frame *f = pt_vec_push(ctx->arena, &ctx->frames, sizeof(*f));
    f->node = node;
    f->level = level;
}

static walk_frame *frame_at(ts_c_ctx *ctx, uint32_t i)
{
    return &((walk_frame *)ctx->frames.items)[i];
}

/* ---- lines ---- */

static bool is_body_list(ts_c_kind type)
{
    return type == TS_K_compound_statement ||
           type == TS_K_field_declaration_list ||
           type == TS_K_enumerator_list;
}

static bool is_braceless_owner(ts_c_kind type)
{
    return type == TS_K_if_statement || type == TS_K_while_statement ||
           type == TS_K_for_statement || type == TS_K_do_statement;
}

/* Depth of a node from its parent's depth; `cur` is at the node. */
static uint32_t child_depth(TSNode node, ts_c_kind type,
                            const TSTreeCursor *cur,
                            const walk_frame *parent)
{
    if (ts_node_is_null(parent->node)) {
        return 0;
    }
    ts_c_kind ptype = ts_c_kind_of(parent->node);
    bool brace = type == TS_K_lbrace || type == TS_K_rbrace;
    if (is_body_list(ptype)) {
        return parent->level + (brace ? 0 : 1);
    }
    bool compound = type == TS_K_compound_statement;
    if (is_braceless_owner(ptype) && !compound) {
        TSFieldId field = ts_tree_cursor_current_field_id(cur);
        if (field != 0 && (field == ts_c_field_id(TS_F_consequence) ||
                           field == ts_c_field_id(TS_F_body))) {
            return parent->level + 1;
        }
    }
    if (ptype == TS_K_else_clause && ts_node_is_named(node) &&
        !compound && type != TS_K_if_statement && type != TS_K_comment) {
        return parent->level + 1;
    }
    return parent->level;
}

static bool is_starter(TSNode node, ts_c_kind type, const walk_frame *parent)
{
    if (!ts_node_is_named(node)) {
        return type == TS_K_rbrace && !ts_node_is_null(parent->node) &&
               is_body_list(ts_c_kind_of(parent->node));
    }
    switch (type) {
    case TS_K_declaration:
    case TS_K_field_declaration:
    case TS_K_enumerator:
    case TS_K_function_definition:
    case TS_K_type_definition:
    case TS_K_else_clause:
    case TS_K_comment:
        return true;
    default:
        return (ts_c_class(node) &
                (TS_C_CLASS_STATEMENT | TS_C_CLASS_PREPROC)) != 0;
    }
}

/* Starters whose inner lines belong to their children, not to them. */
static bool is_container(TSNode node, ts_c_kind type)
{
    switch (type) {
    case TS_K_compound_statement:
    case TS_K_case_statement:
    case TS_K_labeled_statement:
    case TS_K_else_clause:
    case TS_K_comment:
    case TS_K_rbrace:
        return true;
    default:
        return (ts_c_class(node) & TS_C_CLASS_PREPROC) != 0;
    }
}

static bool begins_line(ts_c_ctx *ctx, uint32_t line1, uint32_t byte)
{
    const pt_line *l = pt_unit_line(ctx->unit, line1);
    uint32_t p = l->start;
    uint32_t end = l->start + l->length;
    if (p == 0 && end >= 3 && memcmp(ctx->unit->text, "\xEF\xBB\xBF", 3) == 0) {
        p = 3;
    }
    while (p < end && (ctx->src[p] == ' ' || ctx->src[p] == '\t' ||
                       ctx->src[p] == '\f' || ctx->src[p] == '\v')) {
        p++;
    }
    return p == byte;
}

static void mark_continuation(ts_c_ctx *ctx, uint32_t first, uint32_t last,
                              uint32_t depth)
{
    for (uint32_t i = first + 1; i <= last; i++) {
        pt_line *l = pt_unit_line(ctx->unit, i);
        if (!ctx->claimed[i - 1] && l->kind != PT_LINE_BLANK) {
            l->kind = PT_LINE_CONTINUATION;
            l->depth = (uint16_t)depth;
        }
    }
}

static uint32_t line_visit(ts_c_ctx *ctx, TSNode node, ts_c_kind type,
                           const TSTreeCursor *cur, const walk_frame *parent)
{
    uint32_t depth = child_depth(node, type, cur, parent);
    if (!is_starter(node, type, parent)) {
        return depth;
    }
    uint32_t start = ts_node_start_byte(node);
    uint32_t end = ts_node_end_byte(node);
    uint32_t first = ts_c_line(ctx, start);
    uint32_t last = ts_c_line(ctx, end > start ? end - 1 : start);
    if (!ctx->claimed[first - 1] && begins_line(ctx, first, start)) {
        pt_line *l = pt_unit_line(ctx->unit, first);
        ctx->claimed[first - 1] = 1;
        l->depth = (uint16_t)(depth < UINT16_MAX ? depth : UINT16_MAX);
        bool label = type == TS_K_case_statement ||
                     type == TS_K_labeled_statement;
        l->kind = label ? PT_LINE_LABEL : PT_LINE_CODE;
    }
    if (!is_container(node, type) && last > first) {
        mark_continuation(ctx, first, last, depth);
    }
    return depth;
}

static void mark_comment(ts_c_ctx *ctx, const pt_comment *c)
{
    for (uint32_t i = c->start.line; i <= c->end.line; i++) {
        pt_line *l = pt_unit_line(ctx->unit, i);
        if (l->kind == PT_LINE_BLANK) {
            continue;
        }
        bool first_ok = i > c->start.line ||
                        begins_line(ctx, i, c->start.byte);
        uint32_t line_end = l->start + l->length;
        bool last_ok = i < c->end.line || c->end.byte >= line_end;
        for (uint32_t p = c->end.byte; !last_ok; p++) {
            if (p >= line_end) {
                last_ok = true;
            } else if (ctx->src[p] != ' ' && ctx->src[p] != '\t') {
                break;
            }
        }
        if (first_ok && last_ok) {
            l->kind = PT_LINE_COMMENT;
        }
    }
}

static bool ends_with_backslash(ts_c_ctx *ctx, const pt_line *l)
{
    uint32_t n = l->length;
    while (n > 0 && (ctx->src[l->start + n - 1] == ' ' ||
                     ctx->src[l->start + n - 1] == '\t')) {
        n--;
    }
    return n > 0 && ctx->src[l->start + n - 1] == '\\';
}

/* Where the word `word` at p (after blanks) ends in [p, end), or 0 when
   the text there is not that word. */
static uint32_t word_end(const ts_c_ctx *ctx, uint32_t p, uint32_t end,
                         const char *word)
{
    while (p < end && (ctx->src[p] == ' ' || ctx->src[p] == '\t')) {
        p++;
    }
    size_t n = strlen(word);
    if (end - p < n || memcmp(ctx->src + p, word, n) != 0) {
        return 0;
    }
    p += (uint32_t)n;
    bool more = p < end && (isalnum((unsigned char)ctx->src[p]) ||
                            ctx->src[p] == '_');
    return more ? 0 : p;
}

static bool directive_is(const ts_c_ctx *ctx, uint32_t p, uint32_t end,
                         const char *word)
{
    return word_end(ctx, p, end, word) != 0;
}

/* Is the directive at p (just after `#`) `if 0`? */
static bool directive_is_if_zero(const ts_c_ctx *ctx, uint32_t p, uint32_t end)
{
    uint32_t after_if = word_end(ctx, p, end, "if");
    return after_if != 0 && directive_is(ctx, after_if, end, "0");
}

/* What a conditional directive does to the #if nesting. */
typedef enum pp_directive {
    PP_OTHER,                   /* #define, #include, ... */
    PP_OPEN,                    /* #if, #ifdef, #ifndef */
    PP_ARM,                     /* #else, #elif... : the next arm */
    PP_CLOSE,                   /* #endif */
} pp_directive;

/* The kind of the directive at p (just after `#`). */
static pp_directive directive_of(const ts_c_ctx *ctx, uint32_t p,
                                 uint32_t end)
{
    static const struct {
        const char *word;
        pp_directive kind;
    } table[] = {
        {"if", PP_OPEN},      {"ifdef", PP_OPEN},   {"ifndef", PP_OPEN},
        {"else", PP_ARM},     {"elif", PP_ARM},     {"elifdef", PP_ARM},
        {"elifndef", PP_ARM}, {"endif", PP_CLOSE},
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        if (directive_is(ctx, p, end, table[i].word)) {
            return table[i].kind;
        }
    }
    return PP_OTHER;
}

/*
 * Follows the directive on line l, whose `#` is at p, through the #if
 * nesting; records the first arm of each outermost `#if 0` in ctx->dead,
 * from the line after the `#if 0` to the start of its #else, #elif or
 * #endif line.  This is the text, as pmccabe and the preprocessor read it:
 * tree-sitter's nodes need not follow the directives (an `extern "C" {`
 * inside `#if 0` spans the rest of the file).
 */
static void track_if_zero(ts_c_ctx *ctx, const pt_line *l, uint32_t p,
                          uint32_t *depth, uint32_t *dead_depth)
{
    uint32_t end = l->start + l->length;
    pp_directive kind = directive_of(ctx, p + 1, end);
    if (kind == PP_OPEN) {
        ++*depth;
        if (*dead_depth == 0 && directive_is_if_zero(ctx, p + 1, end)) {
            *dead_depth = *depth;
            ts_c_span *span = pt_vec_push(ctx->arena, &ctx->dead,
                                          sizeof(*span));
            span->start = end;
            span->end = (uint32_t)ctx->unit->length;
        }
        return;
    }
    bool ends_arm = kind == PP_ARM || kind == PP_CLOSE;
    if (ends_arm && *dead_depth != 0 && *depth == *dead_depth) {
        ts_c_span *spans = ctx->dead.items;
        spans[ctx->dead.len - 1].end = l->start;
        *dead_depth = 0;
    }
    if (kind == PP_CLOSE && *depth > 0) {
        --*depth;
    }
}

/* `#` lines and their backslash continuations; the `#if 0` arms. */
static void mark_preprocessor(ts_c_ctx *ctx)
{
    bool continued = false;
    uint32_t depth = 0, dead_depth = 0;
    for (uint32_t i = 1; i <= ctx->unit->lines.len; i++) {
        pt_line *l = pt_unit_line(ctx->unit, i);
        uint32_t p = l->start;
        uint32_t end = l->start + l->length;
        while (p < end && (ctx->src[p] == ' ' || ctx->src[p] == '\t')) {
            p++;
        }
        bool hash = p < end && ctx->src[p] == '#' &&
                    l->kind != PT_LINE_COMMENT && l->kind != PT_LINE_STRING;
        if (hash && !continued) {
            track_if_zero(ctx, l, p, &depth, &dead_depth);
        }
        if (hash || continued) {
            if (l->kind != PT_LINE_BLANK || continued) {
                l->kind = PT_LINE_PREPROCESSOR;
            }
            continued = ends_with_backslash(ctx, l);
        }
    }
}

/* Lines after the first of multi-line string and char literals. */
typedef struct string_span {
    uint32_t first;
    uint32_t last;
} string_span;

static void string_visit(ts_c_ctx *ctx, TSNode node, pt_vec *spans)
{
    uint32_t end = ts_node_end_byte(node);
    uint32_t first = ts_c_line(ctx, ts_node_start_byte(node));
    uint32_t last = ts_c_line(ctx, end > 0 ? end - 1 : 0);
    if (last > first) {
        string_span *sp = pt_vec_push(ctx->arena, spans, sizeof(*sp));
        sp->first = first;
        sp->last = last;
    }
}

/* Visits the current node of `cur`, whose parent frame is on top. */
static void lines_visit(ts_c_ctx *ctx, TSTreeCursor *cur, ts_c_scan *scan,
                        pt_vec *spans)
{
    TSNode node = ts_tree_cursor_current_node(cur);
    ts_c_kind type = ts_c_kind_of(node);
    uint32_t depth = ctx->frames.len - 1;
    ts_c_scan_node(ctx, cur, node, depth, scan);
    walk_frame parent = *frame_at(ctx, ctx->frames.len - 1);
    uint32_t level = line_visit(ctx, node, type, cur, &parent);
    if (type == TS_K_string_literal || type == TS_K_char_literal) {
        string_visit(ctx, node, spans);
    }
    frame_push(ctx, node, level);
}

/*
 * The one walk over the whole tree, iterative (deep nesting cannot
 * overflow the stack): comments and errors (ts_c_scan_node), then the
 * kind and depth of every line.
 */
void ts_c_lines(ts_c_ctx *ctx, TSNode root)
{
    if (ctx->unit->lines.len == 0) {
        return;
    }
    ctx->claimed = pt_arena_alloc(ctx->arena, ctx->unit->lines.len);
    ts_c_scan scan = {false, 0, UINT32_MAX};
    pt_vec spans = {0};
    TSTreeCursor cur = ts_tree_cursor_new(root);
    TSNode null = {0};
    ctx->frames.len = 0;
    frame_push(ctx, null, 0);
    lines_visit(ctx, &cur, &scan, &spans);
    for (bool done = false; !done;) {
        if (ts_tree_cursor_goto_first_child(&cur)) {
            lines_visit(ctx, &cur, &scan, &spans);
            continue;
        }
        for (;;) {
            ctx->frames.len--;
            ts_c_scan_leave(&scan, ctx->frames.len - 1);
            if (ctx->frames.len > 1 && ts_tree_cursor_goto_next_sibling(&cur)) {
                lines_visit(ctx, &cur, &scan, &spans);
                break;
            }
            if (ctx->frames.len <= 1 || !ts_tree_cursor_goto_parent(&cur)) {
                done = true;
                break;
            }
        }
    }
    ts_tree_cursor_delete(&cur);
    const string_span *sp = spans.items;
    for (uint32_t s = 0; s < spans.len; s++) {
        for (uint32_t i = sp[s].first + 1; i <= sp[s].last; i++) {
            pt_unit_line(ctx->unit, i)->kind = PT_LINE_STRING;
        }
    }
    for (uint32_t i = 0; i < ctx->unit->comments.len; i++) {
        mark_comment(ctx, pt_unit_comment(ctx->unit, i));
    }
    mark_preprocessor(ctx);
}

/* ---- decisions and nesting ---- */

typedef struct complexity {
    uint32_t decisions;
    uint32_t max_nesting;
} complexity;

static bool is_decision_token(ts_c_kind type)
{
    switch (type) {
    case TS_K_kw_if:
    case TS_K_kw_while:
    case TS_K_kw_for:
    case TS_K_kw_case:
    case TS_K_and_and:
    case TS_K_or_or:
    case TS_K_question:
        return true;
    default:
        return false;
    }
}

static bool is_decision(ts_c_ctx *ctx, TSNode node, ts_c_kind type,
                        const walk_frame *parent)
{
    if (!ts_node_is_named(node)) {
        return ts_c_is(parent->node, TS_K_ERROR) && is_decision_token(type);
    }
    switch (type) {
    case TS_K_if_statement:
    case TS_K_while_statement:
    case TS_K_for_statement:
    case TS_K_do_statement:
    case TS_K_conditional_expression:
        return true;
    case TS_K_case_statement:
        return !ts_node_is_null(ts_c_field(node, TS_F_value));
    case TS_K_binary_expression: {
        TSNode op = ts_c_field(node, TS_F_operator);
        const char *s = ctx->src + ts_node_start_byte(op);
        return ts_node_end_byte(op) - ts_node_start_byte(op) == 2 &&
               ((s[0] == '&' && s[1] == '&') || (s[0] == '|' && s[1] == '|'));
    }
    default:
        return false;
    }
}

static bool nests(ts_c_kind type, const walk_frame *parent)
{
    switch (type) {
    case TS_K_if_statement:
        return !ts_c_is(parent->node, TS_K_else_clause);
    case TS_K_while_statement:
    case TS_K_for_statement:
    case TS_K_do_statement:
    case TS_K_switch_statement:
    case TS_K_seh_try_statement:
        return true;
    default:
        return false;
    }
}

/*
 * pmccabe reads only the first arm of an #if (not #else/#elif arms, not
 * `#if 0`) and no directive's condition.
 */
static bool pmccabe_skips(ts_c_ctx *ctx, TSNode node, ts_c_kind type,
                          const TSTreeCursor *cur, const walk_frame *parent)
{
    if (type == TS_K_function_definition) {
        return true;            /* modelled as a function of its own */
    }
    if (type == TS_K_preproc_else || type == TS_K_preproc_elif ||
        type == TS_K_preproc_elifdef) {
        return true;
    }
    if (ts_c_is_dead(ctx, node)) {
        return true;
    }
    if ((ts_c_class(parent->node) & TS_C_CLASS_PREPROC) == 0) {
        return false;
    }
    TSFieldId field = ts_tree_cursor_current_field_id(cur);
    return field != 0 && field == ts_c_field_id(TS_F_condition);
}

/* The level of the cursor's node, or TS_C_WALK_SKIP. */
static uint32_t complexity_visit(ts_c_ctx *ctx, const TSTreeCursor *cur,
                                 const walk_frame *parent, complexity *c)
{
    TSNode node = ts_tree_cursor_current_node(cur);
    ts_c_kind type = ts_c_kind_of(node);
    if (pmccabe_skips(ctx, node, type, cur, parent)) {
        return TS_C_WALK_SKIP;
    }
    c->decisions += is_decision(ctx, node, type, parent);
    uint32_t level = parent->level + nests(type, parent);
    if (level > c->max_nesting) {
        c->max_nesting = level;
    }
    return level;
}

void ts_c_complexity(ts_c_ctx *ctx, TSNode body, pt_function *fn)
{
    complexity c = {0};
    TSTreeCursor cur = ts_tree_cursor_new(body);
    TSNode null = {0};
    ctx->frames.len = 0;
    frame_push(ctx, null, 0);
    walk_frame parent = *frame_at(ctx, 0);
    frame_push(ctx, body, complexity_visit(ctx, &cur, &parent, &c));
    for (bool done = false; !done;) {
        uint32_t level = frame_at(ctx, ctx->frames.len - 1)->level;
        if (level != TS_C_WALK_SKIP && ts_tree_cursor_goto_first_child(&cur)) {
            parent = *frame_at(ctx, ctx->frames.len - 1);
            frame_push(ctx, ts_tree_cursor_current_node(&cur),
                       complexity_visit(ctx, &cur, &parent, &c));
            continue;
        }
        for (;;) {
            ctx->frames.len--;
            if (ctx->frames.len > 1 && ts_tree_cursor_goto_next_sibling(&cur)) {
                parent = *frame_at(ctx, ctx->frames.len - 1);
                frame_push(ctx, ts_tree_cursor_current_node(&cur),
                           complexity_visit(ctx, &cur, &parent, &c));
                break;
            }
            if (ctx->frames.len <= 1 || !ts_tree_cursor_goto_parent(&cur)) {
                done = true;
                break;
            }
        }
    }
    ts_tree_cursor_delete(&cur);
    fn->decisions = c.decisions;
    fn->max_nesting = c.max_nesting;
}
