/*
 * ts_python.c - the tree-sitter Python frontend: driver, comments, errors
 * and the small helpers the other ts_python_*.c files share.
 */
#include "frontend/ts_python_int.h"

#include <stdlib.h>

const TSLanguage *tree_sitter_python(void);

const char *ts_py_text(ts_py_ctx *cx, TSNode node)
{
    uint32_t a = ts_node_start_byte(node);
    uint32_t b = ts_node_end_byte(node);
    if (b > cx->unit->length || a > b) {
        return "";
    }
    return pt_arena_strndup(cx->unit->arena, cx->src + a, b - a);
}

bool ts_py_is(TSNode node, const char *type)
{
    return !ts_node_is_null(node) && strcmp(ts_node_type(node), type) == 0;
}

pt_loc ts_py_loc(ts_py_ctx *cx, TSNode node)
{
    return pt_unit_loc_at(cx->unit, ts_node_start_byte(node));
}

pt_loc ts_py_end_loc(ts_py_ctx *cx, TSNode node)
{
    uint32_t end = ts_node_end_byte(node);
    return pt_unit_loc_at(cx->unit, end > 0 ? end - 1 : 0);
}

TSNode ts_py_field(TSNode node, const char *field)
{
    if (ts_node_is_null(node)) {
        return node;
    }
    return ts_node_child_by_field_name(node, field, (uint32_t)strlen(field));
}

TSNode ts_py_unparen(TSNode node)
{
    for (int i = 0; i < TS_PY_MAX_DEPTH && ts_py_is(node,
                                        "parenthesized_expression"); i++) {
        TSNode inner = ts_py_child(node, 0);
        if (ts_node_is_null(inner) || ts_py_is(inner, "yield")) {
            break;
        }
        node = inner;
    }
    return node;
}

/* Records one comment node. */
static void ts_py_add_comment(ts_py_ctx *cx, TSNode node)
{
    pt_comment *c = pt_vec_push(cx->unit->arena, &cx->unit->comments,
                                sizeof(pt_comment));
    c->start = ts_py_loc(cx, node);
    c->end = ts_py_end_loc(cx, node);
    c->text = ts_py_text(cx, node);
}

/*
 * Records where an ERROR or MISSING node went wrong.  tree-sitter wraps
 * the valid code before a bad token into its ERROR node, so an ERROR
 * holding other errors is left to the inner ones, and an innermost
 * ERROR is placed at its first token that is not part of a valid
 * subtree (`def` of a def whose colon is missing), as CPython would.
 */
static void ts_py_add_error(ts_py_ctx *cx, TSNode node)
{
    TSNode at = node;
    if (!ts_node_is_missing(node)) {
        uint32_t n = ts_node_child_count(node);
        bool found = false;
        for (uint32_t i = 0; i < n; i++) {
            TSNode child = ts_node_child(node, i);
            if (ts_node_has_error(child)) {
                return;         /* an inner error says where */
            }
            if (!found && ts_node_child_count(child) == 0 &&
                !ts_node_is_extra(child)) {
                at = child;
                found = true;
            }
        }
    }
    pt_loc *loc = pt_vec_push(cx->unit->arena, &cx->unit->errors,
                              sizeof(pt_loc));
    *loc = ts_py_loc(cx, at);
}

/* One iterative pass over the whole tree: comments and parse errors. */
static void ts_py_scan_tree(ts_py_ctx *cx, TSNode root)
{
    TSTreeCursor cur = ts_tree_cursor_new(root);
    bool check_errors = ts_node_has_error(root);
    for (;;) {
        TSNode node = ts_tree_cursor_current_node(&cur);
        bool is_error = ts_node_is_missing(node) || ts_py_is(node, "ERROR");
        if (ts_py_is(node, "comment")) {
            ts_py_add_comment(cx, node);
            ts_py_lines_mark(cx, node);
        } else if (ts_py_is(node, "string") &&
                   ts_node_end_point(node).row >
                       ts_node_start_point(node).row) {
            ts_py_lines_mark(cx, node);
        }
        if (check_errors && is_error) {
            ts_py_add_error(cx, node);
        }
        if (ts_tree_cursor_goto_first_child(&cur)) {
            continue;
        }
        for (;;) {
            if (ts_tree_cursor_goto_next_sibling(&cur)) {
                break;
            }
            if (!ts_tree_cursor_goto_parent(&cur)) {
                ts_tree_cursor_delete(&cur);
                return;
            }
        }
    }
}

pt_unit *pt_parse_python(const char *path, const char *text, size_t length,
                         const pt_frontend_options *options)
{
    (void)options;
    pt_unit *unit = pt_unit_new(path, PT_LANG_PYTHON, text, length);
    if (unit == NULL) {
        return NULL;
    }
    unit->frontend = "tree-sitter";
    TSParser *parser = ts_parser_new();
    if (parser == NULL || !ts_parser_set_language(parser,
                                                  tree_sitter_python())) {
        ts_parser_delete(parser);
        unit->truncated = true;
        return unit;
    }
    TSTree *tree = ts_parser_parse_string(parser, NULL, unit->text,
                                          unit->length);
    if (tree == NULL) {
        ts_parser_delete(parser);
        unit->truncated = true;
        return unit;
    }
    ts_py_ctx cx = {.unit = unit, .src = unit->text};
    TSNode root = ts_tree_root_node(tree);
    ts_py_lines_build(&cx, root);
    ts_py_scan_tree(&cx, root);
    ts_py_scopes_build(&cx, root);
    ts_py_functions_build(&cx, root);
    if (cx.overflow) {
        unit->truncated = true;
    }
    ts_tree_delete(tree);
    ts_parser_delete(parser);
    return unit;
}
