/*
 * ts_python.c - the tree-sitter Python frontend: driver, comments, errors
 * and the small helpers the other ts_python_*.c files share.
 */
#include "frontend/ts_python_int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

const TSLanguage *tree_sitter_python(void);

/* ---- symbols and fields ---- */

ts_py_symbols ts_py_syms;

static pthread_once_t ts_py_once = PTHREAD_ONCE_INIT;

static void ts_py_init_once(void)
{
    static const char *const kind_names[TS_PY_K_COUNT] = {
        [TS_PY_K_OTHER] = "",
#define TS_PY_KIND_NAME(id, name) [TS_PY_K_##id] = name,
        TS_PY_KINDS(TS_PY_KIND_NAME)
#undef TS_PY_KIND_NAME
    };
    static const char *const field_names[TS_PY_F_COUNT] = {
#define TS_PY_FIELD_NAME(id) [TS_PY_F_##id] = #id,
        TS_PY_FIELDS(TS_PY_FIELD_NAME)
#undef TS_PY_FIELD_NAME
    };
    const TSLanguage *lang = tree_sitter_python();
    uint32_t count = ts_language_symbol_count(lang);
    uint8_t *kind = calloc(count ? count : 1, 1);
    uint8_t *klass = calloc(count ? count : 1, 1);
    if (kind == NULL || klass == NULL) {
        fprintf(stderr, "ptlint: out of memory\n");
        abort();
    }
    for (uint32_t s = 0; s < count; s++) {
        const char *name = ts_language_symbol_name(lang, (TSSymbol)s);
        if (name == NULL) {
            continue;
        }
        for (uint32_t k = 1; k < TS_PY_K_COUNT; k++) {
            if (strcmp(name, kind_names[k]) == 0) {
                kind[s] = (uint8_t)k;
                break;
            }
        }
        klass[s] = strstr(name, "clause") != NULL ? TS_PY_CLASS_CLAUSE : 0;
    }
    for (uint32_t f = 0; f < TS_PY_F_COUNT; f++) {
        ts_py_syms.field[f] = ts_language_field_id_for_name(
            lang, field_names[f], (uint32_t)strlen(field_names[f]));
    }
    ts_py_syms.kind = kind;
    ts_py_syms.klass = klass;
    ts_py_syms.count = count;
}

void ts_py_init(void)
{
    pthread_once(&ts_py_once, ts_py_init_once);
}

/* ---- children through pooled cursors ---- */

ts_py_it ts_py_kids(ts_py_ctx *cx, TSNode node, bool named)
{
    ts_py_it it = {.cx = cx, .slot = cx->cursor_top, .named = named};
    if (ts_node_is_null(node) || (named ? ts_node_named_child_count(node)
                                        : ts_node_child_count(node)) == 0) {
        it.done = true;
        return it;
    }
    if (cx->cursor_top == cx->cursor_cap) {
        uint32_t cap = cx->cursor_cap ? cx->cursor_cap * 2 : 64;
        TSTreeCursor *grown = realloc(cx->cursors, cap * sizeof(TSTreeCursor));
        if (grown == NULL) {
            fprintf(stderr, "ptlint: out of memory\n");
            abort();
        }
        cx->cursors = grown;
        cx->cursor_cap = cap;
    }
    if (cx->cursor_top == cx->ncursors) {
        cx->cursors[cx->ncursors++] = ts_tree_cursor_new(node);
    } else {
        ts_tree_cursor_reset(&cx->cursors[cx->cursor_top], node);
    }
    cx->cursor_top++;
    return it;
}

bool ts_py_it_next(ts_py_it *it, TSNode *out)
{
    if (it->done) {
        return false;
    }
    TSTreeCursor *cur = &it->cx->cursors[it->slot];
    bool more = it->started ? ts_tree_cursor_goto_next_sibling(cur)
                            : ts_tree_cursor_goto_first_child(cur);
    it->started = true;
    while (more) {
        TSNode n = ts_tree_cursor_current_node(cur);
        if (!it->named || ts_node_is_named(n)) {
            *out = n;
            return true;
        }
        more = ts_tree_cursor_goto_next_sibling(cur);
    }
    it->done = true;
    return false;
}

void ts_py_it_done(ts_py_it *it)
{
    if (it->slot < it->cx->cursor_top) {
        it->cx->cursor_top = it->slot;
    }
    it->done = true;
}

static void ts_py_cursors_free(ts_py_ctx *cx)
{
    for (uint32_t i = 0; i < cx->ncursors; i++) {
        ts_tree_cursor_delete(&cx->cursors[i]);
    }
    free(cx->cursors);
    cx->cursors = NULL;
    cx->ncursors = cx->cursor_cap = cx->cursor_top = 0;
}

TSNode ts_py_last(ts_py_ctx *cx, TSNode n)
{
    TSNode last = {0};
    if (ts_node_is_null(n)) {
        return n;
    }
    ts_py_it it = ts_py_kids(cx, n, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        last = c;
    }
    ts_py_it_done(&it);
    return last;
}

const char *ts_py_text(ts_py_ctx *cx, TSNode node)
{
    uint32_t a = ts_node_start_byte(node);
    uint32_t b = ts_node_end_byte(node);
    if (b > cx->unit->length || a > b) {
        return "";
    }
    return pt_arena_strndup(cx->unit->arena, cx->src + a, b - a);
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

TSNode ts_py_unparen(TSNode node)
{
    for (int i = 0; i < TS_PY_MAX_DEPTH && ts_py_is(node,
                                        TS_PY_K_parenthesized_expression); i++) {
        TSNode inner = ts_py_child(node, 0);
        if (ts_node_is_null(inner) || ts_py_is(inner, TS_PY_K_yield)) {
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
        bool found = false;
        ts_py_it it = ts_py_kids(cx, node, false);
        for (TSNode child; ts_py_it_next(&it, &child);) {
            if (ts_node_has_error(child)) {
                ts_py_it_done(&it);
                return;         /* an inner error says where */
            }
            if (!found && ts_node_child_count(child) == 0 &&
                !ts_node_is_extra(child)) {
                at = child;
                found = true;
            }
        }
        ts_py_it_done(&it);
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
        ts_py_kind kind = ts_py_kind_of(node);
        bool is_error = kind == TS_PY_K_ERROR || ts_node_is_missing(node);
        if (kind == TS_PY_K_comment) {
            ts_py_add_comment(cx, node);
            ts_py_lines_mark(cx, node);
        } else if (kind == TS_PY_K_string &&
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
    ts_py_init();
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
    ts_py_cursors_free(&cx);
    ts_tree_delete(tree);
    ts_parser_delete(parser);
    return unit;
}
