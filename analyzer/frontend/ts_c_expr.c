/*
 * ts_c_expr.c - expressions: events in evaluation order, values, use
 * counts on declarations, and branch conditions in positive form.
 */
#include "frontend/ts_c_int.h"

#include <ctype.h>

static pt_value eval_node(ts_c_ctx *ctx, TSNode node, bool used);

static pt_value value_of(uint8_t kind, const char *text)
{
    pt_value v = {0};
    v.kind = kind;
    v.text = text;
    v.call = -1;
    return v;
}

/* The first named child that is not a comment. */
TSNode ts_c_first_named(TSNode node)
{
    TSNode found = {0};
    if (ts_node_is_null(node) || ts_node_named_child_count(node) == 0) {
        return found;
    }
    TSNode first = ts_node_named_child(node, 0);
    if (!ts_c_is(first, TS_K_comment)) {
        return first;
    }
    TSTreeCursor cur = ts_tree_cursor_new(node);
    for (bool more = ts_tree_cursor_goto_first_child(&cur); more;
         more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode c = ts_tree_cursor_current_node(&cur);
        if (ts_node_is_named(c) && !ts_c_is(c, TS_K_comment)) {
            found = c;
            break;
        }
    }
    ts_tree_cursor_delete(&cur);
    return found;
}

TSNode ts_c_strip(TSNode node)
{
    for (int i = 0; i < 64 && ts_c_is(node, TS_K_parenthesized_expression);
         i++) {
        TSNode inner = ts_c_first_named(node);
        if (ts_node_is_null(inner)) {
            break;
        }
        node = inner;
    }
    return node;
}

/* ---- events ---- */

pt_event *ts_c_emit(ts_c_ctx *ctx, pt_event_kind kind, TSNode at)
{
    if (ctx->quiet > 0 || ctx->fn < 0) {
        memset(&ctx->scratch, 0, sizeof(ctx->scratch));
        return &ctx->scratch;
    }
    uint32_t b = ts_c_cur(ctx);
    pt_function *fn = pt_unit_function(ctx->unit, (uint32_t)ctx->fn);
    pt_block *block = pt_function_block(fn, b);
    pt_event *e = pt_vec_push(ctx->arena, &block->events, sizeof(*e));
    e->kind = (uint8_t)kind;
    e->loc = ts_c_loc(ctx, at);
    e->try_region = -1;
    e->stmt = ctx->stmt;
    return e;
}

/* Index of the last event of the current block (for PT_VAL_CALL). */
static int32_t last_event(ts_c_ctx *ctx)
{
    if (ctx->quiet > 0 || ctx->fn < 0 || ctx->cur == TS_C_NONE) {
        return -1;
    }
    pt_function *fn = pt_unit_function(ctx->unit, (uint32_t)ctx->fn);
    return (int32_t)pt_function_block(fn, ctx->cur)->events.len - 1;
}

void ts_c_emit_assign(ts_c_ctx *ctx, TSNode at, const char *name,
                      pt_value value)
{
    pt_event *e = ts_c_emit(ctx, PT_EV_ASSIGN, at);
    e->name = name;
    e->args = pt_arena_alloc(ctx->arena, sizeof(pt_value));
    e->args[0] = value;
    e->nargs = 1;
}

/* ---- declarations used ---- */

bool ts_c_is_variable(const pt_decl *d)
{
    return d->kind == PT_DECL_LOCAL || d->kind == PT_DECL_PARAM ||
           d->kind == PT_DECL_GLOBAL;
}

/* Unknown lower-case names are taken for variables of some header. */
bool ts_c_looks_like_variable(const char *name)
{
    for (const char *p = name; *p; p++) {
        if (islower((unsigned char)*p)) {
            return true;
        }
    }
    return false;
}

static void count_use(ts_c_ctx *ctx, int32_t d, bool write, bool as_value)
{
    for (; d >= 0; d = ts_c_next_same(ctx, d)) {
        pt_decl *decl = pt_unit_decl(ctx->unit, (uint32_t)d);
        if (decl->kind == PT_DECL_MACRO) {
            ts_c_macro_reads(ctx, (uint32_t)d);
        }
        if (write) {
            decl->writes++;
        } else {
            decl->reads++;
        }
        if (as_value && decl->kind == PT_DECL_FUNCTION) {
            decl->address_taken = true;
        }
    }
}

static void emit_read(ts_c_ctx *ctx, TSNode at, const char *name)
{
    pt_event *e = ts_c_emit(ctx, PT_EV_READ, at);
    e->name = name;
}

/*
 * Functions of the C standard library that code passes as values (callbacks,
 * allocator tables): without their headers tree-sitter cannot tell them from
 * variables, libclang can.
 */
static bool is_libc_function(const char *name)
{
    static const char *const names[] = {
        "malloc", "calloc", "realloc", "reallocarray", "free", "strdup",
        "strndup", "aligned_alloc", "strcmp", "strncmp", "strcasecmp",
        "memcmp", "memcpy", "memmove", "memset", "strlen", "qsort",
        "bsearch", "abort", "exit", "atexit", "printf", "fprintf",
        "puts", "fputs",
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcmp(name, names[i]) == 0) {
            return true;
        }
    }
    return false;
}

static pt_value eval_identifier(ts_c_ctx *ctx, TSNode node)
{
    const char *name = ts_c_text(ctx, node);
    int32_t d = ts_c_resolve(ctx, name);
    count_use(ctx, d, false, true);
    if (d < 0) {
        if (strcmp(name, "NULL") == 0) {
            return value_of(PT_VAL_NULL, name);
        }
        if (!ts_c_looks_like_variable(name)) {
            /* an upper-case name from a header: a macro or enumerator */
            return value_of(PT_VAL_CONST, name);
        }
        if (is_libc_function(name)) {
            return value_of(PT_VAL_OTHER, name);
        }
    } else {
        uint8_t kind = pt_unit_decl(ctx->unit, (uint32_t)d)->kind;
        if (kind == PT_DECL_ENUM_CONST) {
            return value_of(PT_VAL_CONST, name);
        }
        if (kind == PT_DECL_MACRO && strcmp(name, "NULL") == 0) {
            return value_of(PT_VAL_NULL, name);
        }
        if (kind == PT_DECL_MACRO) {
            return value_of(PT_VAL_CONST, name);
        }
        if (!ts_c_is_variable(pt_unit_decl(ctx->unit, (uint32_t)d))) {
            return value_of(PT_VAL_OTHER, name);
        }
    }
    emit_read(ctx, node, name);
    return value_of(PT_VAL_VAR, name);
}

/* ---- paths ---- */

static bool is_arrow(ts_c_ctx *ctx, TSNode field_expr)
{
    TSNode op = ts_c_field(field_expr, TS_F_operator);
    return !ts_node_is_null(op) && ts_c_text(ctx, op)[0] == '-';
}

/* `(*a).b` has the base `a` like `a->b`. */
static TSNode field_base(ts_c_ctx *ctx, TSNode fe, bool *arrow)
{
    TSNode base = ts_c_field(fe, TS_F_argument);
    *arrow = is_arrow(ctx, fe);
    TSNode inner = ts_c_strip(base);
    if (!*arrow && ts_c_is(inner, TS_K_pointer_expression) &&
        ts_c_text(ctx, ts_c_field(inner, TS_F_operator))[0] == '*') {
        *arrow = true;
        return ts_c_field(inner, TS_F_argument);
    }
    return base;
}

static const char *path_at(ts_c_ctx *ctx, TSNode node, int depth)
{
    node = ts_c_strip(node);
    if (depth > 64 || ts_node_is_null(node)) {
        return NULL;
    }
    if (ts_c_is(node, TS_K_identifier)) {
        return ts_c_text(ctx, node);
    }
    if (ts_c_is(node, TS_K_field_expression)) {
        bool arrow = false;
        const char *base = path_at(ctx, field_base(ctx, node, &arrow),
                                   depth + 1);
        TSNode f = ts_c_field(node, TS_F_field);
        if (base == NULL || ts_node_is_null(f)) {
            return NULL;
        }
        return pt_arena_printf(ctx->arena, "%s.%s", base, ts_c_text(ctx, f));
    }
    if (ts_c_is(node, TS_K_subscript_expression)) {
        const char *base = path_at(ctx, ts_c_field(node, TS_F_argument),
                                   depth + 1);
        return base ? pt_arena_printf(ctx->arena, "%s[]", base) : NULL;
    }
    if (ts_c_is(node, TS_K_cast_expression)) {
        return path_at(ctx, ts_c_field(node, TS_F_value), depth + 1);
    }
    if (depth > 0 && ts_c_is(node, TS_K_pointer_expression) &&
        ts_c_text(ctx, ts_c_field(node, TS_F_operator))[0] == '*') {
        /* as the base of an access, `(*a)->b` and `(*a)[i]`: a
           dereference is written as its pointer, like `(*a).b` */
        return path_at(ctx, ts_c_field(node, TS_F_argument), depth + 1);
    }
    if (ts_c_is(node, TS_K_assignment_expression)) {
        return path_at(ctx, ts_c_field(node, TS_F_left), depth + 1);
    }
    return NULL;
}

const char *ts_c_path(ts_c_ctx *ctx, TSNode node)
{
    return path_at(ctx, node, 0);
}

/* The struct type of a path: "t.root" -> type of field root of t's type. */
static const char *owner_of_path(ts_c_ctx *ctx, const char *path)
{
    size_t n = strcspn(path, ".[");
    char *root = pt_arena_strndup(ctx->arena, path, n);
    int32_t d = ts_c_resolve(ctx, root);
    if (d < 0) {
        return NULL;
    }
    const char *owner = ts_c_owner_of_type(
        ctx, pt_unit_decl(ctx->unit, (uint32_t)d)->type_text);
    const char *p = path + n;
    while (owner != NULL && *p != '\0') {
        p += strspn(p, ".[]");
        size_t len = strcspn(p, ".[");
        if (len == 0) {
            break;
        }
        char *field = pt_arena_strndup(ctx->arena, p, len);
        owner = ts_c_owner_of_type(ctx, ts_c_field_type(ctx, owner, field));
        p += len;
    }
    return owner;
}

/* The path of a pointer that is dereferenced or accessed through. */
static const char *base_path(ts_c_ctx *ctx, TSNode node)
{
    return path_at(ctx, node, 1);
}

static const char *deref_name(ts_c_ctx *ctx, TSNode node)
{
    const char *path = base_path(ctx, node);
    return path != NULL ? path : ts_c_text(ctx, node);
}

static void emit_deref(ts_c_ctx *ctx, TSNode at, TSNode pointer)
{
    if (ctx->quiet > 0 || ctx->fn < 0) {
        return;
    }
    pt_event *e = ts_c_emit(ctx, PT_EV_DEREF, at);
    e->name = deref_name(ctx, pointer);
}

static void count_field_use(ts_c_ctx *ctx, const char *owner,
                            const char *field, bool write)
{
    if (owner == NULL) {
        return;
    }
    int32_t d = ts_c_field_decl(ctx, owner, field);
    if (d < 0) {
        return;
    }
    pt_decl *decl = pt_unit_decl(ctx->unit, (uint32_t)d);
    if (write) {
        decl->writes++;
    } else {
        decl->reads++;
    }
}

static void emit_field(ts_c_ctx *ctx, pt_event_kind kind, TSNode fe,
                       TSNode base, const pt_value *value)
{
    if (ctx->quiet > 0 || ctx->fn < 0) {
        return;
    }
    const char *bpath = base_path(ctx, base);
    const char *field = ts_c_text(ctx, ts_c_field(fe, TS_F_field));
    const char *owner = bpath ? owner_of_path(ctx, bpath) : NULL;
    count_field_use(ctx, owner, field, kind == PT_EV_FIELD_WRITE);
    pt_event *e = ts_c_emit(ctx, kind, ts_c_field(fe, TS_F_field));
    e->name = field;
    e->base = bpath;
    e->owner = owner;
    if (value != NULL) {
        e->args = pt_arena_alloc(ctx->arena, sizeof(pt_value));
        e->args[0] = *value;
        e->nargs = 1;
    }
}

/* ---- reads ---- */

/* The events of evaluating a field access's base. */
static TSNode eval_field_base(ts_c_ctx *ctx, TSNode fe)
{
    bool arrow = false;
    TSNode base = field_base(ctx, fe, &arrow);
    eval_node(ctx, base, true);
    if (arrow) {
        emit_deref(ctx, base, base);
    }
    return base;
}

static pt_value eval_field(ts_c_ctx *ctx, TSNode fe)
{
    TSNode base = eval_field_base(ctx, fe);
    emit_field(ctx, PT_EV_FIELD_READ, fe, base, NULL);
    return value_of(PT_VAL_FIELD, ts_c_path(ctx, fe));
}

static pt_value eval_address(ts_c_ctx *ctx, TSNode node, TSNode target)
{
    target = ts_c_strip(target);
    const char *path = ts_c_path(ctx, target);
    if (ts_c_is(target, TS_K_identifier)) {
        count_use(ctx, ts_c_resolve(ctx, path), false, true);
    } else if (ts_c_is(target, TS_K_field_expression)) {
        bool arrow = false;
        TSNode base = field_base(ctx, target, &arrow);
        if (arrow) {
            eval_node(ctx, base, true);
        } else {
            eval_address(ctx, node, base);
        }
    } else if (ts_c_is(target, TS_K_subscript_expression)) {
        /* &a[i] computes an address: a and i are read, nothing is
           dereferenced (like &a->b) */
        eval_node(ctx, ts_c_field(target, TS_F_argument), true);
        eval_node(ctx, ts_c_field(target, TS_F_index), true);
    } else {
        eval_node(ctx, target, true);
    }
    return value_of(path ? PT_VAL_ADDRESS : PT_VAL_OTHER, path);
}

static pt_value eval_pointer(ts_c_ctx *ctx, TSNode node)
{
    TSNode arg = ts_c_field(node, TS_F_argument);
    if (ts_c_text(ctx, ts_c_field(node, TS_F_operator))[0] == '&') {
        return eval_address(ctx, node, arg);
    }
    eval_node(ctx, arg, true);
    emit_deref(ctx, node, arg);
    return value_of(PT_VAL_OTHER, NULL);
}

static pt_value eval_subscript(ts_c_ctx *ctx, TSNode node)
{
    TSNode arr = ts_c_field(node, TS_F_argument);
    eval_node(ctx, arr, true);
    eval_node(ctx, ts_c_field(node, TS_F_index), true);
    emit_deref(ctx, node, arr);
    return value_of(PT_VAL_OTHER, ts_c_path(ctx, node));
}

/* The value and the variables it reads (READ events it emitted). */
static pt_value eval_with_vars(ts_c_ctx *ctx, TSNode node, bool used)
{
    int32_t start = ctx->quiet == 0 && ctx->fn >= 0 ? (ts_c_cur(ctx),
                                                       last_event(ctx) + 1)
                                                    : -1;
    pt_value v = eval_node(ctx, node, used);
    int32_t end = last_event(ctx) + 1;
    if (start < 0 || end <= start) {
        return v;
    }
    pt_function *fn = pt_unit_function(ctx->unit, (uint32_t)ctx->fn);
    pt_block *b = pt_function_block(fn, ctx->cur);
    v.vars = pt_arena_alloc(ctx->arena, (size_t)(end - start) *
                                            sizeof(char *));
    v.nvars = 0;
    for (int32_t i = start; i < end; i++) {
        pt_event *e = pt_block_event(b, (uint32_t)i);
        bool seen = false;
        for (uint32_t j = 0; e->kind == PT_EV_READ && j < v.nvars; j++) {
            seen |= strcmp(v.vars[j], e->name) == 0;
        }
        if (e->kind == PT_EV_READ && !seen) {
            v.vars[v.nvars++] = e->name;
        }
    }
    return v;
}

pt_value ts_c_eval(ts_c_ctx *ctx, TSNode node, bool used)
{
    return eval_with_vars(ctx, node, used);
}

/* Events of an expression whose value is not kept (a condition). */
void ts_c_eval_only(ts_c_ctx *ctx, TSNode node, bool used)
{
    eval_node(ctx, node, used);
}

/* ---- calls ---- */

static bool in_list(const char *name, const char *const *list, unsigned n)
{
    for (unsigned i = 0; name != NULL && i < n; i++) {
        if (strcmp(list[i], name) == 0) {
            return true;
        }
    }
    return false;
}

const char *ts_c_arg_path(ts_c_ctx *ctx, TSNode arg)
{
    TSNode a = ts_c_strip(arg);
    if (ts_c_is(a, TS_K_pointer_expression) &&
        ts_c_text(ctx, ts_c_field(a, TS_F_operator))[0] == '&') {
        a = ts_c_field(a, TS_F_argument);
    }
    return deref_name(ctx, a);
}

/* Evaluates the callee; returns its name and sets *base. */
static const char *eval_callee(ts_c_ctx *ctx, TSNode f, const char **base)
{
    f = ts_c_strip(f);
    if (ts_c_is(f, TS_K_identifier)) {
        const char *name = ts_c_text(ctx, f);
        int32_t d = ts_c_resolve(ctx, name);
        if (d >= 0 && ts_c_is_variable(pt_unit_decl(ctx->unit, (uint32_t)d))) {
            emit_read(ctx, f, name);
        }
        count_use(ctx, d, false, false);
        return name;
    }
    if (ts_c_is(f, TS_K_field_expression)) {
        TSNode b = eval_field_base(ctx, f);
        emit_field(ctx, PT_EV_FIELD_READ, f, b, NULL);
        *base = base_path(ctx, b);
        return ts_c_text(ctx, ts_c_field(f, TS_F_field));
    }
    eval_node(ctx, f, true);
    if (ts_c_is(f, TS_K_pointer_expression)) {
        return ts_c_path(ctx, ts_c_field(f, TS_F_argument));
    }
    return ts_c_path(ctx, f);
}

static uint32_t count_args(TSNode args)
{
    uint32_t n = 0;
    if (ts_node_is_null(args)) {
        return 0;
    }
    TSTreeCursor cur = ts_tree_cursor_new(args);
    for (bool more = ts_tree_cursor_goto_first_child(&cur); more;
         more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode c = ts_tree_cursor_current_node(&cur);
        n += ts_node_is_named(c) && !ts_c_is(c, TS_K_comment);
    }
    ts_tree_cursor_delete(&cur);
    return n;
}

static void emit_lock(ts_c_ctx *ctx, TSNode call, const char *name,
                      TSNode args)
{
    const pt_frontend_options *o = ctx->opts;
    bool acq = in_list(name, o->lock_acquire, o->nlock_acquire);
    bool rel = in_list(name, o->lock_release, o->nlock_release);
    TSNode first = ts_c_first_named(args);
    if ((!acq && !rel) || ts_node_is_null(first)) {
        return;
    }
    pt_event *e = ts_c_emit(ctx, acq ? PT_EV_ACQUIRE : PT_EV_RELEASE, call);
    e->name = ts_c_arg_path(ctx, first);
}

static pt_value eval_call(ts_c_ctx *ctx, TSNode node, bool used,
                          bool void_cast)
{
    const char *base = NULL;
    const char *name = eval_callee(ctx, ts_c_field(node, TS_F_function), &base);
    TSNode args = ts_c_field(node, TS_F_arguments);
    uint32_t nargs = count_args(args);
    pt_value *values = nargs ? pt_arena_alloc(ctx->arena,
                                              nargs * sizeof(pt_value))
                             : NULL;
    if (nargs > 0) {
        TSTreeCursor cur = ts_tree_cursor_new(args);
        uint32_t k = 0;
        for (bool more = ts_tree_cursor_goto_first_child(&cur);
             more && k < nargs; more = ts_tree_cursor_goto_next_sibling(&cur)) {
            TSNode a = ts_tree_cursor_current_node(&cur);
            if (ts_node_is_named(a) && !ts_c_is(a, TS_K_comment)) {
                values[k++] = eval_with_vars(ctx, a, true);
            }
        }
        ts_tree_cursor_delete(&cur);
    }
    pt_event *e = ts_c_emit(ctx, PT_EV_CALL, node);
    e->name = name;
    e->base = base;
    e->args = values;
    e->nargs = nargs;
    e->result_used = used;
    e->void_cast = void_cast;
    pt_value v = value_of(PT_VAL_CALL, name);
    v.call = last_event(ctx);
    emit_lock(ctx, node, name, args);
    return v;
}

/* ---- writes ---- */

static void write_target(ts_c_ctx *ctx, TSNode target, pt_value value,
                         bool compound, TSNode at);

/* The base of `b.f = v`: written, not read, when it is a variable. */
static void write_dot_base(ts_c_ctx *ctx, TSNode base)
{
    base = ts_c_strip(base);
    if (ts_c_is(base, TS_K_identifier)) {
        count_use(ctx, ts_c_resolve(ctx, ts_c_text(ctx, base)), true, false);
        return;
    }
    if (ts_c_is(base, TS_K_field_expression)) {
        bool arrow = false;
        TSNode inner = field_base(ctx, base, &arrow);
        if (arrow) {
            eval_node(ctx, inner, true);
            emit_deref(ctx, inner, inner);
        } else {
            write_dot_base(ctx, inner);
        }
        return;
    }
    eval_node(ctx, base, true);
}

static void write_field(ts_c_ctx *ctx, TSNode fe, pt_value value,
                        bool compound)
{
    bool arrow = false;
    TSNode base = field_base(ctx, fe, &arrow);
    if (arrow) {
        eval_node(ctx, base, true);
        emit_deref(ctx, base, base);
    } else {
        write_dot_base(ctx, base);
    }
    if (compound) {
        emit_field(ctx, PT_EV_FIELD_READ, fe, base, NULL);
    }
    emit_field(ctx, PT_EV_FIELD_WRITE, fe, base, &value);
}

static void write_target(ts_c_ctx *ctx, TSNode target, pt_value value,
                         bool compound, TSNode at)
{
    target = ts_c_strip(target);
    if (ts_c_is(target, TS_K_identifier)) {
        const char *name = ts_c_text(ctx, target);
        int32_t d = ts_c_resolve(ctx, name);
        if (compound) {
            count_use(ctx, d, false, false);
            emit_read(ctx, target, name);
        }
        count_use(ctx, d, true, false);
        ts_c_emit_assign(ctx, at, name, value);
    } else if (ts_c_is(target, TS_K_field_expression)) {
        write_field(ctx, target, value, compound);
    } else {
        eval_node(ctx, target, true);
    }
}

static pt_value eval_assign(ts_c_ctx *ctx, TSNode node)
{
    TSNode op = ts_c_field(node, TS_F_operator);
    bool compound = ts_node_end_byte(op) - ts_node_start_byte(op) > 1;
    pt_value v = eval_with_vars(ctx, ts_c_field(node, TS_F_right), true);
    write_target(ctx, ts_c_field(node, TS_F_left), v, compound, node);
    return v;
}

static pt_value eval_update(ts_c_ctx *ctx, TSNode node)
{
    write_target(ctx, ts_c_field(node, TS_F_argument),
                 value_of(PT_VAL_OTHER, NULL), true, node);
    return value_of(PT_VAL_OTHER, NULL);
}

/* ---- the dispatcher ---- */

static pt_value eval_children(ts_c_ctx *ctx, TSNode node)
{
    TSTreeCursor cur = ts_tree_cursor_new(node);
    bool more = ts_tree_cursor_goto_first_child(&cur);
    while (more) {
        TSNode c = ts_tree_cursor_current_node(&cur);
        if (ts_node_is_named(c)) {
            eval_node(ctx, c, true);
        }
        more = ts_tree_cursor_goto_next_sibling(&cur);
    }
    ts_tree_cursor_delete(&cur);
    return value_of(PT_VAL_OTHER, NULL);
}

/* Counts uses without emitting events (sizeof, file-scope initialisers). */
void ts_c_count_uses(ts_c_ctx *ctx, TSNode node)
{
    ctx->quiet++;
    eval_node(ctx, node, true);
    ctx->quiet--;
}

static pt_value eval_cast(ts_c_ctx *ctx, TSNode node, bool used)
{
    TSNode type = ts_c_field(node, TS_F_type);
    TSNode value = ts_c_strip(ts_c_field(node, TS_F_value));
    bool to_void = strcmp(ts_c_text(ctx, type), "void") == 0;
    ts_c_count_uses(ctx, type);
    if (to_void && ts_c_is(value, TS_K_call_expression)) {
        return eval_call(ctx, value, false, true);
    }
    if (to_void && ts_c_is(value, TS_K_identifier)) {
        int32_t d = ts_c_resolve(ctx, ts_c_text(ctx, value));
        for (; d >= 0; d = ts_c_next_same(ctx, d)) {
            pt_unit_decl(ctx->unit, (uint32_t)d)->marked_unused = true;
        }
    }
    return eval_node(ctx, value, used);
}

static pt_value eval_type_use(ts_c_ctx *ctx, TSNode node)
{
    if (ts_c_is(node, TS_K_type_identifier)) {
        count_use(ctx, ts_c_sym_get(ctx, TS_C_NS_ORD, ts_c_text(ctx, node)),
                  false, false);
    } else {
        TSNode name = ts_c_field(node, TS_F_name);
        if (!ts_node_is_null(name) && ts_node_is_null(ts_c_field(node, TS_F_body))) {
            count_use(ctx, ts_c_sym_get(ctx, TS_C_NS_TAG,
                                        ts_c_text(ctx, name)), false, false);
        }
    }
    return value_of(PT_VAL_OTHER, NULL);
}

static pt_value eval_comma(ts_c_ctx *ctx, TSNode node, bool used)
{
    eval_node(ctx, ts_c_field(node, TS_F_left), false);
    return eval_node(ctx, ts_c_field(node, TS_F_right), used);
}

static pt_value eval_literal(ts_c_ctx *ctx, TSNode node, ts_c_kind type)
{
    if (type == TS_K_string_literal || type == TS_K_concatenated_string) {
        return value_of(PT_VAL_STRING, ts_c_text(ctx, node));
    }
    if (type == TS_K_null) {
        return value_of(PT_VAL_NULL, ts_c_text(ctx, node));
    }
    return value_of(PT_VAL_CONST, ts_c_text(ctx, node));
}

/* `-x` of a constant is a constant (-EINVAL); other unary operators
   give an unmodelled value with the operand's events. */
static pt_value eval_unary(ts_c_ctx *ctx, TSNode node)
{
    TSNode op = ts_c_field(node, TS_F_operator);
    pt_value inner = eval_node(ctx, ts_c_field(node, TS_F_argument), true);
    if (!ts_node_is_null(op) && strcmp(ts_c_text(ctx, op), "-") == 0 &&
        inner.kind == PT_VAL_CONST && inner.text != NULL) {
        return value_of(PT_VAL_CONST,
                        pt_arena_printf(ctx->arena, "-%s", inner.text));
    }
    return value_of(PT_VAL_OTHER, NULL);
}

static pt_value eval_node(ts_c_ctx *ctx, TSNode node, bool used)
{
    if (ts_node_is_null(node) || !ts_c_enter(ctx)) {
        return value_of(PT_VAL_OTHER, NULL);
    }
    pt_value v = value_of(PT_VAL_OTHER, NULL);
    ts_c_kind type = ts_c_kind_of(node);
    switch (type) {
    case TS_K_identifier:
        v = eval_identifier(ctx, node);
        break;
    case TS_K_field_expression:
        v = eval_field(ctx, node);
        break;
    case TS_K_call_expression:
        v = eval_call(ctx, node, used, false);
        break;
    case TS_K_assignment_expression:
        v = eval_assign(ctx, node);
        break;
    case TS_K_update_expression:
        v = eval_update(ctx, node);
        break;
    case TS_K_pointer_expression:
        v = eval_pointer(ctx, node);
        break;
    case TS_K_subscript_expression:
        v = eval_subscript(ctx, node);
        break;
    case TS_K_parenthesized_expression:
        v = eval_node(ctx, ts_c_first_named(node), used);
        break;
    case TS_K_cast_expression:
        v = eval_cast(ctx, node, used);
        break;
    case TS_K_comma_expression:
        v = eval_comma(ctx, node, used);
        break;
    case TS_K_unary_expression:
        v = eval_unary(ctx, node);
        break;
    case TS_K_number_literal:
    case TS_K_char_literal:
    case TS_K_string_literal:
    case TS_K_concatenated_string:
    case TS_K_true:
    case TS_K_false:
    case TS_K_null:
        v = eval_literal(ctx, node, type);
        break;
    case TS_K_type_identifier:
    case TS_K_struct_specifier:
    case TS_K_union_specifier:
    case TS_K_enum_specifier:
        v = eval_type_use(ctx, node);
        break;
    case TS_K_sizeof_expression:
    case TS_K_alignof_expression:
    case TS_K_offsetof_expression:
    case TS_K_type_descriptor:      /* unevaluated operands */
        ctx->quiet++;
        eval_children(ctx, node);
        ctx->quiet--;
        break;
    case TS_K_comment:
    case TS_K_field_identifier:
    case TS_K_statement_identifier:
        break;
    default:
        eval_children(ctx, node);
        break;
    }
    ts_c_leave(ctx);
    return v;
}
