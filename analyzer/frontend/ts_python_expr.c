/*
 * ts_python_expr.c - events of Python expressions, in evaluation order, and
 * branch conditions in positive form.
 */
#include "frontend/ts_python_cfg.h"

const char *ts_py_path(ts_py_b *b, TSNode node, int depth)
{
    node = ts_py_unparen(node);
    if (depth > TS_PY_MAX_DEPTH) {
        return NULL;
    }
    if (ts_py_is(node, TS_PY_K_identifier)) {
        return ts_py_text(b->cx, node);
    }
    if (ts_py_is(node, TS_PY_K_attribute)) {
        const char *base = ts_py_path(b, ts_py_field(node, TS_PY_F_object),
                                      depth + 1);
        TSNode attr = ts_py_field(node, TS_PY_F_attribute);
        if (base == NULL || ts_node_is_null(attr)) {
            return NULL;
        }
        return pt_arena_printf(b->cx->unit->arena, "%s.%s", base,
                               ts_py_text(b->cx, attr));
    }
    return NULL;
}

/* Whether `name` is a variable (local, parameter, global, import). */
static bool is_variable(ts_py_b *b, const char *name)
{
    return ts_py_resolve(b->scope, name, false) >= 0;
}

/* The class that owns `base` when it is the method's self. */
static const char *owner_of(ts_py_b *b, const char *base)
{
    if (base != NULL && b->scope->self_name != NULL &&
        strcmp(base, b->scope->self_name) == 0) {
        return b->scope->owner_class;
    }
    return NULL;
}

/* Fills value.vars with the READ events emitted since `first`. */
static void collect_vars(ts_py_b *b, pt_value *v, uint32_t block,
                         uint32_t first)
{
    if (block != b->cur) {
        first = 0;
    }
    pt_block *blk = ts_py_blk(b, b->cur);
    uint32_t n = 0;
    for (uint32_t i = first; i < blk->events.len; i++) {
        n += pt_block_event(blk, i)->kind == PT_EV_READ;
    }
    if (n == 0) {
        return;
    }
    v->vars = pt_arena_alloc(b->cx->unit->arena, n * sizeof(char *));
    for (uint32_t i = first; i < blk->events.len; i++) {
        pt_event *e = pt_block_event(blk, i);
        if (e->kind == PT_EV_READ) {
            v->vars[v->nvars++] = e->name;
        }
    }
}

/* Events of a receiver `obj` of `obj.x`; returns its path or NULL. */
static const char *receiver(ts_py_b *b, TSNode obj, int depth)
{
    ts_py_expr(b, obj, depth + 1);
    const char *path = ts_py_path(b, obj, depth + 1);
    if (path != NULL) {
        ts_py_ev(b, PT_EV_DEREF, obj, path);
    }
    return path;
}

static pt_value call_expr(ts_py_b *b, TSNode node, int depth)
{
    TSNode fn = ts_py_unparen(ts_py_field(node, TS_PY_F_function));
    TSNode args = ts_py_field(node, TS_PY_F_arguments);
    const char *name = NULL;
    const char *base = NULL;
    bool method = false;
    if (ts_py_is(fn, TS_PY_K_attribute)) {
        base = receiver(b, ts_py_field(fn, TS_PY_F_object), depth);
        name = ts_py_text(b->cx, ts_py_field(fn, TS_PY_F_attribute));
        method = true;
    } else if (ts_py_is(fn, TS_PY_K_identifier)) {
        name = ts_py_text(b->cx, fn);
    } else {
        ts_py_expr(b, fn, depth + 1);
    }
    uint32_t n = ts_py_nchild(args);
    pt_value *vals = n > 0 ? pt_arena_alloc(b->cx->unit->arena,
                                            n * sizeof(pt_value)) : NULL;
    uint32_t nvals = 0;
    ts_py_it it = ts_py_kids(b->cx, args, true);
    for (TSNode a; nvals < n && ts_py_it_next(&it, &a);) {
        ts_py_kind k = ts_py_kind_of(a);
        if (k == TS_PY_K_comment) {
            continue;
        }
        TSNode v = k == TS_PY_K_keyword_argument
                       ? ts_py_field(a, TS_PY_F_value) : a;
        vals[nvals++] = ts_py_expr(b, v, depth + 1);
    }
    ts_py_it_done(&it);
    pt_event *e = ts_py_ev(b, PT_EV_CALL, node, name);
    e->base = base;
    e->is_method = method;
    e->result_used = true;
    e->args = vals;
    e->nargs = nvals;
    pt_value out = {.kind = PT_VAL_CALL, .text = name};
    out.call = (int32_t)ts_py_blk(b, b->cur)->events.len - 1;
    if (method && base != NULL && (strcmp(name, "acquire") == 0 ||
                                   strcmp(name, "release") == 0)) {
        ts_py_ev(b, name[0] == 'a' ? PT_EV_ACQUIRE : PT_EV_RELEASE, node,
                 base);
    }
    return out;
}

static pt_value attribute_expr(ts_py_b *b, TSNode node, int depth)
{
    const char *base = receiver(b, ts_py_field(node, TS_PY_F_object), depth);
    TSNode attr = ts_py_field(node, TS_PY_F_attribute);
    const char *name = ts_node_is_null(attr) ? NULL : ts_py_text(b->cx, attr);
    pt_event *e = ts_py_ev(b, PT_EV_FIELD_READ, attr, name);
    e->base = base;
    e->owner = owner_of(b, base);
    pt_value v = {.kind = PT_VAL_OTHER};
    if (base != NULL && name != NULL) {
        v.kind = PT_VAL_FIELD;
        v.text = pt_arena_printf(b->cx->unit->arena, "%s.%s", base, name);
    }
    return v;
}

static pt_value subscript_expr(ts_py_b *b, TSNode node, int depth,
                               bool store)
{
    TSNode obj = ts_py_field(node, TS_PY_F_value);
    ts_py_expr(b, obj, depth + 1);
    const char *path = ts_py_path(b, obj, depth + 1);
    TSNode key = ts_py_field(node, TS_PY_F_subscript);
    pt_value k = ts_py_expr(b, key, depth + 1);
    if (path != NULL) {
        ts_py_ev(b, PT_EV_DEREF, obj, path);
    }
    pt_event *e = ts_py_ev(b, PT_EV_SUBSCRIPT, node, NULL);
    e->base = path;
    e->store = store;
    e->args = pt_arena_alloc(b->cx->unit->arena, sizeof(pt_value));
    e->args[0] = k;
    e->nargs = 1;
    return (pt_value){.kind = PT_VAL_OTHER};
}

/* `k in c` outside a condition. */
static bool contains_expr(ts_py_b *b, TSNode node, int depth)
{
    if (ts_py_nchild(node) != 2) {
        return false;
    }
    TSNode op = ts_py_field(node, TS_PY_F_operators);
    if (!ts_py_is(op, TS_PY_K_in) && !ts_py_is(op, TS_PY_K_not_in)) {
        return false;
    }
    pt_value k = ts_py_expr(b, ts_py_child(node, 0), depth + 1);
    TSNode c = ts_py_child(node, 1);
    ts_py_expr(b, c, depth + 1);
    pt_event *e = ts_py_ev(b, PT_EV_CONTAINS, node, NULL);
    e->base = ts_py_path(b, c, depth + 1);
    e->args = pt_arena_alloc(b->cx->unit->arena, sizeof(pt_value));
    e->args[0] = k;
    e->nargs = 1;
    return true;
}

/* Does the node's text hold the character `ch` before any NUL byte (as
   strchr on a copy of it would see)?  No copy is made. */
static bool text_has(ts_py_ctx *cx, TSNode node, char ch)
{
    uint32_t a = ts_node_start_byte(node);
    uint32_t e = ts_node_end_byte(node);
    if (e > cx->unit->length || a > e) {
        return false;
    }
    for (const char *p = cx->src + a, *end = cx->src + e; p < end; p++) {
        if (*p == ch) {
            return true;
        }
        if (*p == '\0') {
            return false;
        }
    }
    return false;
}

/* Literals and names: no recursion needed. */
static bool leaf_expr(ts_py_b *b, TSNode node, ts_py_kind t, pt_value *v)
{
    if (t == TS_PY_K_identifier) {
        const char *name = ts_py_text(b->cx, node);
        *v = (pt_value){.kind = PT_VAL_VAR, .text = name};
        if (is_variable(b, name)) {
            ts_py_ev(b, PT_EV_READ, node, name);
        }
    } else if (t == TS_PY_K_none) {
        *v = (pt_value){.kind = PT_VAL_NULL, .text = "None"};
    } else if (t == TS_PY_K_integer || t == TS_PY_K_float ||
               t == TS_PY_K_true || t == TS_PY_K_false) {
        *v = (pt_value){.kind = PT_VAL_CONST, .text = ts_py_text(b->cx, node)};
    } else if ((t == TS_PY_K_string || t == TS_PY_K_concatenated_string) &&
               ts_node_end_point(node).row == ts_node_start_point(node).row &&
               !text_has(b->cx, node, '{')) {
        *v = (pt_value){.kind = PT_VAL_STRING,
                        .text = ts_py_text(b->cx, node)};
    } else if (t == TS_PY_K_lambda || t == TS_PY_K_comment ||
               t == TS_PY_K_string_content || t == TS_PY_K_ellipsis) {
        *v = (pt_value){.kind = PT_VAL_OTHER};
    } else {
        return false;
    }
    return true;
}

/* "{}" or "[]" for a dict or list display, so rules can tell a mapping
   from a sequence; NULL for anything else. */
static const char *display_shape(ts_py_kind type)
{
    if (type == TS_PY_K_dictionary ||
        type == TS_PY_K_dictionary_comprehension) {
        return "{}";
    }
    if (type == TS_PY_K_list || type == TS_PY_K_list_comprehension) {
        return "[]";
    }
    return NULL;
}

pt_value ts_py_expr(ts_py_b *b, TSNode node, int depth)
{
    pt_value v = {.kind = PT_VAL_OTHER};
    if (ts_node_is_null(node)) {
        return v;
    }
    if (depth > TS_PY_MAX_DEPTH) {
        b->cx->overflow = true;
        b->fn->partial = true;
        return v;
    }
    node = ts_py_unparen(node);
    ts_py_kind t = ts_py_kind_of(node);
    uint32_t block = b->cur;
    uint32_t first = ts_py_blk(b, b->cur)->events.len;
    if (leaf_expr(b, node, t, &v)) {
        collect_vars(b, &v, block, first);
        return v;
    }
    if (t == TS_PY_K_call) {
        v = call_expr(b, node, depth);
    } else if (t == TS_PY_K_attribute) {
        v = attribute_expr(b, node, depth);
    } else if (t == TS_PY_K_subscript) {
        v = subscript_expr(b, node, depth, false);
    } else if (t == TS_PY_K_named_expression) {
        pt_value val = ts_py_expr(b, ts_py_field(node, TS_PY_F_value), depth + 1);
        ts_py_store(b, ts_py_field(node, TS_PY_F_name), val, depth + 1);
        v = val;
    } else if (!(t == TS_PY_K_comparison_operator &&
                 contains_expr(b, node, depth))) {
        ts_py_it it = ts_py_kids(b->cx, node, true);
        for (TSNode c; ts_py_it_next(&it, &c);) {
            ts_py_expr(b, c, depth + 1);
        }
        ts_py_it_done(&it);
    }
    if (v.kind != PT_VAL_CALL) {
        collect_vars(b, &v, block, first);
    }
    if (v.kind == PT_VAL_OTHER && v.text == NULL) {
        v.text = display_shape(t);
    }
    return v;
}

/* Stores `value` into one target, emitting the write events. */
void ts_py_store(ts_py_b *b, TSNode target, pt_value value, int depth)
{
    if (depth > TS_PY_MAX_DEPTH || ts_node_is_null(target)) {
        return;
    }
    target = ts_py_unparen(target);
    ts_py_kind t = ts_py_kind_of(target);
    pt_event *e = NULL;
    if (t == TS_PY_K_identifier) {
        e = ts_py_ev(b, PT_EV_ASSIGN, target, ts_py_text(b->cx, target));
    } else if (t == TS_PY_K_attribute) {
        const char *base = receiver(b, ts_py_field(target, TS_PY_F_object),
                                    depth);
        TSNode attr = ts_py_field(target, TS_PY_F_attribute);
        e = ts_py_ev(b, PT_EV_FIELD_WRITE, attr,
                     ts_node_is_null(attr) ? NULL : ts_py_text(b->cx, attr));
        e->base = base;
        e->owner = owner_of(b, base);
    } else if (t == TS_PY_K_subscript) {
        subscript_expr(b, target, depth, true);
        return;
    } else {
        pt_value part = value;
        part.kind = PT_VAL_OTHER;
        part.text = NULL;
        ts_py_it it = ts_py_kids(b->cx, target, true);
        for (TSNode c; ts_py_it_next(&it, &c);) {
            ts_py_store(b, c, part, depth + 1);
        }
        ts_py_it_done(&it);
        return;
    }
    e->args = pt_arena_alloc(b->cx->unit->arena, sizeof(pt_value));
    e->args[0] = value;
    e->nargs = 1;
}
