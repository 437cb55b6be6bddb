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
#define TS_PY_KIND_NAME(id, name) [TS_PY_K_##id] = (name),
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

/* ---- the memo: children, fields and parents asked once ---- */

/* What a memo slot answers, besides a field (whose id it holds); macros
 * because an enumerator cannot hold values past INT_MAX in ISO C. */
#define TS_PY_MEMO_KIDS UINT32_MAX
#define TS_PY_MEMO_PARENT (UINT32_MAX - 1)

_Thread_local ts_py_memo *ts_py_memo_now;

static void ts_py_out_of_memory(void)
{
    fprintf(stderr, "ptlint: out of memory\n");
    abort();
}

/* Makes room for one more item in a heap array of `*cap` items. */
static void *room_for_one(void *items, uint32_t len, uint32_t *cap,
                          size_t size)
{
    if (len < *cap) {
        return items;
    }
    uint32_t grown_cap = *cap ? *cap * 2 : 1024;
    void *grown = grown_cap > *cap ? realloc(items, grown_cap * size) : NULL;
    if (grown == NULL) {
        ts_py_out_of_memory();
    }
    *cap = grown_cap;
    return grown;
}

static uint32_t memo_hash(const void *id, uint32_t what)
{
    uint64_t h = ((uint64_t)(uintptr_t)id >> 3) ^ ((uint64_t)what << 40);
    h *= 0x9E3779B97F4A7C15ULL;
    return (uint32_t)(h >> 32);
}

/* The slot answering (id, what), or the free slot where it would go. */
static ts_py_memo_slot *memo_slot(const ts_py_memo *m, const void *id,
                                  uint32_t what)
{
    uint32_t mask = m->cap - 1;
    for (uint32_t i = memo_hash(id, what) & mask;; i = (i + 1) & mask) {
        ts_py_memo_slot *s = &m->slots[i];
        if (s->id == NULL || (s->id == id && s->what == what)) {
            return s;
        }
    }
}

/* The slot answering (id, what), or NULL when it was never asked. */
static const ts_py_memo_slot *memo_find(const ts_py_memo *m, const void *id,
                                        uint32_t what)
{
    if (m->cap == 0) {
        return NULL;
    }
    const ts_py_memo_slot *s = memo_slot(m, id, what);
    return s->id != NULL ? s : NULL;
}

/* Doubles the table (at half load, so probes stay short). */
static void memo_grow(ts_py_memo *m)
{
    uint32_t cap = m->cap ? m->cap * 2 : 1024;
    ts_py_memo old = *m;
    m->slots = calloc(cap, sizeof(ts_py_memo_slot));
    if (m->slots == NULL || cap < old.cap) {
        ts_py_out_of_memory();
    }
    m->cap = cap;
    for (uint32_t i = 0; i < old.cap; i++) {
        if (old.slots[i].id != NULL) {
            *memo_slot(m, old.slots[i].id, old.slots[i].what) = old.slots[i];
        }
    }
    free(old.slots);
}

/* A new slot for (id, what), which must not be in the memo yet. */
static ts_py_memo_slot *memo_add(ts_py_memo *m, const void *id, uint32_t what)
{
    if ((m->used + 1) * 2 > m->cap) {
        memo_grow(m);
    }
    ts_py_memo_slot *s = memo_slot(m, id, what);
    s->id = id;
    s->what = what;
    m->used++;
    return s;
}

/* Remembers `answer` to the question (id, what). */
static void memo_add_node(ts_py_memo *m, const void *id, uint32_t what,
                          TSNode answer)
{
    m->nodes = room_for_one(m->nodes, m->nnodes, &m->nodes_cap,
                            sizeof(TSNode));
    m->nodes[m->nnodes] = answer;
    memo_add(m, id, what)->first = m->nnodes++;
}

/* Whether a node of this kind may hold a def or a class as a child (the
   grammar's places, and error recovery's); elsewhere ts_py_def_parent
   falls back to asking tree-sitter. */
static bool may_hold_defs(ts_py_kind kind)
{
    return kind == TS_PY_K_module || kind == TS_PY_K_block ||
           kind == TS_PY_K_decorated_definition || kind == TS_PY_K_ERROR;
}

/* Appends what the walks ask of `kid` to the memo's children. */
static void memo_push_kid(ts_py_memo *m, TSNode kid, bool named)
{
    m->kids = room_for_one(m->kids, m->nkids, &m->kids_cap,
                           sizeof(ts_py_kid));
    m->kids[m->nkids++] = (ts_py_kid){
        .node = kid,
        .end_byte = ts_node_end_byte(kid),
        .symbol = ts_node_symbol(kid),
        .named = named,
        .leaf = ts_node_child_count(kid) == 0,
    };
}

/* Remembers the parent of each def and class among the children
   kids[first..first+count] of `node`. */
static void memo_def_parents(ts_py_memo *m, TSNode node, uint32_t first,
                             uint32_t count)
{
    if (!may_hold_defs(ts_py_kind_of(node))) {
        return;
    }
    for (uint32_t i = first; i < first + count; i++) {
        ts_py_kind kind = ts_py_kind_of_symbol(m->kids[i].symbol);
        if (kind == TS_PY_K_function_definition ||
            kind == TS_PY_K_class_definition) {
            memo_add_node(m, m->kids[i].node.id, TS_PY_MEMO_PARENT, node);
        }
    }
}

/* Lists the children of `node` into the memo. */
static void memo_list_kids(ts_py_memo *m, TSNode node, uint32_t *first,
                           uint32_t *count)
{
    if (m->has_cursor) {
        ts_tree_cursor_reset(&m->cursor, node);
    } else {
        m->cursor = ts_tree_cursor_new(node);
        m->has_cursor = true;
    }
    *first = m->nkids;
    for (bool more = ts_tree_cursor_goto_first_child(&m->cursor); more;
         more = ts_tree_cursor_goto_next_sibling(&m->cursor)) {
        TSNode kid = ts_tree_cursor_current_node(&m->cursor);
        memo_push_kid(m, kid, ts_node_is_named(kid));
    }
    *count = m->nkids - *first;
    memo_def_parents(m, node, *first, *count);
}

/* Sizes the memo for a text of `length` bytes (the stdlib asks about one
   node per 9 bytes, and lists one child per 7), so it seldom grows; past
   4 MB it grows as it goes rather than reserve hundreds of MB up front. */
static void ts_py_memo_init(ts_py_memo *m, uint32_t length)
{
    length = length < (4u << 20) ? length : (4u << 20);
    uint32_t cap = 1024;
    while (cap < length / 4) {
        cap *= 2;
    }
    *m = (ts_py_memo){.last = UINT32_MAX};
    m->slots = calloc(cap, sizeof(ts_py_memo_slot));
    m->cap = cap;
    m->kids_cap = length / 6 > 1024 ? length / 6 : 1024;
    m->kids = malloc(m->kids_cap * sizeof(ts_py_kid));
    m->nodes_cap = length / 12 > 1024 ? length / 12 : 1024;
    m->nodes = malloc(m->nodes_cap * sizeof(TSNode));
    if (m->slots == NULL || m->kids == NULL || m->nodes == NULL) {
        ts_py_out_of_memory();
    }
}

static void ts_py_memo_free(ts_py_memo *m)
{
    if (m->has_cursor) {
        ts_tree_cursor_delete(&m->cursor);
    }
    free(m->slots);
    free(m->kids);
    free(m->nodes);
    *m = (ts_py_memo){0};
}

TSNode ts_py_field_lookup(TSNode node, TSFieldId field)
{
    ts_py_memo *m = ts_py_memo_now;
    if (m == NULL) {
        return ts_node_child_by_field_id(node, field);
    }
    const ts_py_memo_slot *s = memo_find(m, node.id, field);
    if (s != NULL) {
        return m->nodes[s->first];
    }
    TSNode child = ts_node_child_by_field_id(node, field);
    memo_add_node(m, node.id, field, child);
    return child;
}

TSNode ts_py_def_parent(ts_py_ctx *cx, TSNode def)
{
    const ts_py_memo_slot *s = memo_find(&cx->memo, def.id,
                                         TS_PY_MEMO_PARENT);
    return s != NULL ? cx->memo.nodes[s->first] : ts_py_parent(def);
}

/* The children of `node` in the memo, listing them the first time. */
static void memo_kids(ts_py_memo *m, TSNode node, uint32_t *first,
                      uint32_t *count)
{
    const ts_py_memo_slot *s = memo_find(m, node.id, TS_PY_MEMO_KIDS);
    if (s != NULL) {
        *first = s->first;
        *count = s->count;
        return;
    }
    memo_list_kids(m, node, first, count);
    ts_py_memo_slot *added = memo_add(m, node.id, TS_PY_MEMO_KIDS);
    added->first = *first;
    added->count = *count;
}

ts_py_it ts_py_kids(ts_py_ctx *cx, TSNode node, bool named)
{
    ts_py_it it = {.cx = cx, .named = named};
    ts_py_memo *m = &cx->memo;
    const ts_py_kid *known = ts_py_last_kid(node);
    uint32_t entry = known != NULL ? m->last : UINT32_MAX;
    if (known != NULL ? known->leaf
                      : ts_node_is_null(node) ||
                            ts_node_child_count(node) == 0) {
        return it;
    }
    uint32_t first = 0;
    uint32_t count = 0;
    if (known != NULL && known->listed) {
        first = known->first;
        count = known->count;
    } else {
        memo_kids(m, node, &first, &count);
        if (entry != UINT32_MAX) {      /* listing moved the kids */
            m->kids[entry].first = first;
            m->kids[entry].count = count;
            m->kids[entry].listed = true;
        }
    }
    it.next = first;
    it.end = first + count;
    return it;
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
    const ts_py_kid *known = ts_py_last_kid(node);
    uint32_t a = ts_node_start_byte(node);
    uint32_t b = known != NULL ? known->end_byte : ts_node_end_byte(node);
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

/* Records what the scan looks for at one node. */
static void ts_py_scan_node(ts_py_ctx *cx, TSNode node)
{
    ts_py_kind kind = ts_py_kind_of(node);
    if (kind == TS_PY_K_comment) {
        ts_py_add_comment(cx, node);
        ts_py_lines_mark(cx, node);
    } else if (kind == TS_PY_K_string &&
               ts_node_end_point(node).row > ts_node_start_point(node).row) {
        ts_py_lines_mark(cx, node);
    }
    if (cx->has_error &&
        (kind == TS_PY_K_ERROR || ts_node_is_missing(node))) {
        ts_py_add_error(cx, node);
    }
}

/*
 * Whether the scan must look below `node`: a node on one row holds no
 * multi-line string, and a comment only where its text has a '#'.
 * Errors are below nodes that have them.
 */
static bool ts_py_scan_below(ts_py_ctx *cx, TSNode node)
{
    if (ts_node_end_point(node).row > ts_node_start_point(node).row ||
        (cx->has_error && ts_node_has_error(node))) {
        return true;
    }
    uint32_t start = ts_node_start_byte(node);
    uint32_t end = ts_node_end_byte(node);
    if (end <= start || end > cx->unit->length) {
        return end > start;
    }
    return memchr(cx->src + start, '#', end - start) != NULL;
}

/* One iterative pass over the tree, in document order: comments,
   multi-line strings and parse errors. */
static void ts_py_scan_tree(ts_py_ctx *cx, TSNode root)
{
    ts_py_it *stack = NULL;
    uint32_t depth = 0;
    uint32_t cap = 0;
    TSNode node = root;
    for (;;) {
        ts_py_scan_node(cx, node);
        if (ts_node_eq(node, root) || ts_py_scan_below(cx, node)) {
            stack = room_for_one(stack, depth, &cap, sizeof(ts_py_it));
            stack[depth++] = ts_py_kids(cx, node, false);
        }
        while (depth > 0 && !ts_py_it_next(&stack[depth - 1], &node)) {
            depth--;
        }
        if (depth == 0) {
            free(stack);
            return;
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
    cx.has_error = ts_node_has_error(root);
    ts_py_memo_init(&cx.memo, unit->length);
    ts_py_memo_now = &cx.memo;
    ts_py_lines_build(&cx, root);
    ts_py_scan_tree(&cx, root);
    ts_py_scopes_build(&cx, root);
    ts_py_functions_build(&cx, root);
    if (cx.overflow) {
        unit->truncated = true;
    }
    ts_py_memo_now = NULL;
    ts_py_memo_free(&cx.memo);
    ts_tree_delete(tree);
    ts_parser_delete(parser);
    return unit;
}
