/*
 * ts_c_lines.c - per-line kind and depth, and per-function decisions and
 * nesting, by iterative walks over the tree (no recursion: deep nesting
 * cannot overflow the stack).
 */
#include "frontend/ts_c_int.h"

typedef struct walk_frame {
    TSNode node;
    uint32_t level;
} walk_frame;

#define TS_C_WALK_SKIP UINT32_MAX   /* level: do not look inside */

/* Returns the level of `node`, given its parent's frame. */
typedef uint32_t (*walk_fn)(ts_c_ctx *ctx, TSNode node, const char *field,
                            const walk_frame *parent, void *data);

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

/* Visits the current node of `cur`, whose parent frame is on top. */
static void walk_visit(ts_c_ctx *ctx, TSTreeCursor *cur, walk_fn fn,
                       void *data)
{
    TSNode node = ts_tree_cursor_current_node(cur);
    const char *field = ts_tree_cursor_current_field_name(cur);
    walk_frame parent = *frame_at(ctx, ctx->frames.len - 1);
    frame_push(ctx, node, fn(ctx, node, field, &parent, data));
}

static void walk(ts_c_ctx *ctx, TSNode root, walk_fn fn, void *data)
{
    TSTreeCursor cur = ts_tree_cursor_new(root);
    TSNode null = {0};
    ctx->frames.len = 0;
    frame_push(ctx, null, 0);
    walk_visit(ctx, &cur, fn, data);
    for (;;) {
        uint32_t level = frame_at(ctx, ctx->frames.len - 1)->level;
        if (level != TS_C_WALK_SKIP && ts_tree_cursor_goto_first_child(&cur)) {
            walk_visit(ctx, &cur, fn, data);
            continue;
        }
        for (;;) {
            ctx->frames.len--;
            if (ctx->frames.len > 1 && ts_tree_cursor_goto_next_sibling(&cur)) {
                walk_visit(ctx, &cur, fn, data);
                break;
            }
            if (ctx->frames.len <= 1 || !ts_tree_cursor_goto_parent(&cur)) {
                ts_tree_cursor_delete(&cur);
                return;
            }
        }
    }
}

/* ---- lines ---- */

static bool type_in(const char *type, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(type, names[i]) == 0) {
            return true;
        }
    }
    return false;
}

static bool is_body_list(const char *type)
{
    static const char *const names[] = {
        "compound_statement", "field_declaration_list", "enumerator_list",
    };
    return type_in(type, names, sizeof(names) / sizeof(names[0]));
}

static bool is_braceless_owner(const char *type)
{
    static const char *const names[] = {
        "if_statement", "while_statement", "for_statement", "do_statement",
    };
    return type_in(type, names, sizeof(names) / sizeof(names[0]));
}

/* Depth of a node from its parent's depth. */
static uint32_t child_depth(TSNode node, const char *field,
                            const walk_frame *parent)
{
    if (ts_node_is_null(parent->node)) {
        return 0;
    }
    const char *ptype = ts_node_type(parent->node);
    const char *type = ts_node_type(node);
    bool brace = strcmp(type, "{") == 0 || strcmp(type, "}") == 0;
    if (is_body_list(ptype)) {
        return parent->level + (brace ? 0 : 1);
    }
    bool compound = strcmp(type, "compound_statement") == 0;
    if (is_braceless_owner(ptype) && field != NULL && !compound &&
        (strcmp(field, "consequence") == 0 || strcmp(field, "body") == 0)) {
        return parent->level + 1;
    }
    if (strcmp(ptype, "else_clause") == 0 && ts_node_is_named(node) &&
        !compound && strcmp(type, "if_statement") != 0 &&
        strcmp(type, "comment") != 0) {
        return parent->level + 1;
    }
    return parent->level;
}

static bool is_starter(TSNode node, const walk_frame *parent)
{
    const char *type = ts_node_type(node);
    if (!ts_node_is_named(node)) {
        return strcmp(type, "}") == 0 && !ts_node_is_null(parent->node) &&
               is_body_list(ts_node_type(parent->node));
    }
    static const char *const names[] = {
        "declaration", "field_declaration", "enumerator",
        "function_definition", "type_definition", "else_clause", "comment",
    };
    return strstr(type, "_statement") != NULL ||
           strncmp(type, "preproc_", 8) == 0 ||
           type_in(type, names, sizeof(names) / sizeof(names[0]));
}

/* Starters whose inner lines belong to their children, not to them. */
static bool is_container(const char *type)
{
    static const char *const names[] = {
        "compound_statement", "case_statement", "labeled_statement",
        "else_clause", "comment", "}",
    };
    return strncmp(type, "preproc_", 8) == 0 ||
           type_in(type, names, sizeof(names) / sizeof(names[0]));
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

static uint32_t line_visit(ts_c_ctx *ctx, TSNode node, const char *field,
                           const walk_frame *parent, void *data)
{
    (void)data;
    uint32_t depth = child_depth(node, field, parent);
    if (!is_starter(node, parent) || ctx->unit->lines.len == 0) {
        return depth;
    }
    uint32_t start = ts_node_start_byte(node);
    uint32_t end = ts_node_end_byte(node);
    uint32_t first = ts_c_line(ctx, start);
    uint32_t last = ts_c_line(ctx, end > start ? end - 1 : start);
    const char *type = ts_node_type(node);
    if (!ctx->claimed[first - 1] && begins_line(ctx, first, start)) {
        pt_line *l = pt_unit_line(ctx->unit, first);
        ctx->claimed[first - 1] = 1;
        l->depth = (uint16_t)(depth < UINT16_MAX ? depth : UINT16_MAX);
        bool label = strcmp(type, "case_statement") == 0 ||
                     strcmp(type, "labeled_statement") == 0;
        l->kind = label ? PT_LINE_LABEL : PT_LINE_CODE;
    }
    if (!is_container(type) && last > first) {
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

/* `#` lines and their backslash continuations. */
static void mark_preprocessor(ts_c_ctx *ctx)
{
    bool continued = false;
    for (uint32_t i = 1; i <= ctx->unit->lines.len; i++) {
        pt_line *l = pt_unit_line(ctx->unit, i);
        uint32_t p = l->start;
        uint32_t end = l->start + l->length;
        while (p < end && (ctx->src[p] == ' ' || ctx->src[p] == '\t')) {
            p++;
        }
        bool hash = p < end && ctx->src[p] == '#' &&
                    l->kind != PT_LINE_COMMENT && l->kind != PT_LINE_STRING;
        if (hash || continued) {
            if (l->kind != PT_LINE_BLANK || continued) {
                l->kind = PT_LINE_PREPROCESSOR;
            }
            continued = ends_with_backslash(ctx, l);
        }
    }
}

static uint32_t string_visit(ts_c_ctx *ctx, TSNode node, const char *field,
                             const walk_frame *parent, void *data)
{
    (void)field;
    (void)parent;
    (void)data;
    if (ts_c_is(node, "string_literal") || ts_c_is(node, "char_literal")) {
        uint32_t end = ts_node_end_byte(node);
        uint32_t first = ts_c_line(ctx, ts_node_start_byte(node));
        uint32_t last = ts_c_line(ctx, end > 0 ? end - 1 : 0);
        for (uint32_t i = first + 1; i <= last; i++) {
            pt_unit_line(ctx->unit, i)->kind = PT_LINE_STRING;
        }
    }
    return 0;
}

void ts_c_lines(ts_c_ctx *ctx, TSNode root)
{
    if (ctx->unit->lines.len == 0) {
        return;
    }
    ctx->claimed = pt_arena_alloc(ctx->arena, ctx->unit->lines.len);
    walk(ctx, root, line_visit, NULL);
    walk(ctx, root, string_visit, NULL);
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

static bool is_decision_token(const char *type)
{
    static const char *const names[] = {
        "if", "while", "for", "case", "&&", "||", "?",
    };
    return type_in(type, names, sizeof(names) / sizeof(names[0]));
}

static bool is_decision(ts_c_ctx *ctx, TSNode node, const walk_frame *parent)
{
    const char *type = ts_node_type(node);
    if (!ts_node_is_named(node)) {
        return ts_c_is(parent->node, "ERROR") && is_decision_token(type);
    }
    static const char *const names[] = {
        "if_statement", "while_statement", "for_statement", "do_statement",
        "conditional_expression",
    };
    if (type_in(type, names, sizeof(names) / sizeof(names[0]))) {
        return true;
    }
    if (strcmp(type, "case_statement") == 0) {
        return !ts_node_is_null(ts_c_field(node, "value"));
    }
    if (strcmp(type, "binary_expression") == 0) {
        TSNode op = ts_c_field(node, "operator");
        const char *s = ctx->src + ts_node_start_byte(op);
        return ts_node_end_byte(op) - ts_node_start_byte(op) == 2 &&
               ((s[0] == '&' && s[1] == '&') || (s[0] == '|' && s[1] == '|'));
    }
    return false;
}

static bool nests(TSNode node, const walk_frame *parent)
{
    static const char *const names[] = {
        "if_statement", "while_statement", "for_statement", "do_statement",
        "switch_statement", "seh_try_statement",
    };
    const char *type = ts_node_type(node);
    if (!type_in(type, names, sizeof(names) / sizeof(names[0]))) {
        return false;
    }
    return strcmp(type, "if_statement") != 0 ||
           !ts_c_is(parent->node, "else_clause");
}

/*
 * pmccabe reads only the first arm of an #if (not #else/#elif arms, not
 * `#if 0`) and no directive's condition.
 */
static bool pmccabe_skips(ts_c_ctx *ctx, TSNode node, const char *field,
                          const walk_frame *parent)
{
    const char *type = ts_node_type(node);
    if (strcmp(type, "function_definition") == 0) {
        return true;            /* modelled as a function of its own */
    }
    if (strcmp(type, "preproc_else") == 0 ||
        strcmp(type, "preproc_elif") == 0 ||
        strcmp(type, "preproc_elifdef") == 0) {
        return true;
    }
    if (strcmp(type, "preproc_if") == 0) {
        TSNode cond = ts_c_field(node, "condition");
        return ts_c_is(cond, "number_literal") &&
               ctx->src[ts_node_start_byte(cond)] == '0';
    }
    return field != NULL && strcmp(field, "condition") == 0 &&
           !ts_node_is_null(parent->node) &&
           strncmp(ts_node_type(parent->node), "preproc_", 8) == 0;
}

static uint32_t complexity_visit(ts_c_ctx *ctx, TSNode node,
                                 const char *field, const walk_frame *parent,
                                 void *data)
{
    complexity *c = data;
    if (pmccabe_skips(ctx, node, field, parent)) {
        return TS_C_WALK_SKIP;
    }
    c->decisions += is_decision(ctx, node, parent);
    uint32_t level = parent->level + nests(node, parent);
    if (level > c->max_nesting) {
        c->max_nesting = level;
    }
    return level;
}

void ts_c_complexity(ts_c_ctx *ctx, TSNode body, pt_function *fn)
{
    complexity c = {0};
    walk(ctx, body, complexity_visit, &c);
    fn->decisions = c.decisions;
    fn->max_nesting = c.max_nesting;
}
