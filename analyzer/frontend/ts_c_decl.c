/*
 * ts_c_decl.c - declarations: functions and their parameters, variables,
 * struct/union members, tags, typedefs, enumerators and macros.
 */
#include "frontend/ts_c_int.h"

#include <ctype.h>

/* What a declarator says about the name it declares. */
typedef struct decl_info {
    TSNode name;                /* identifier, or null node */
    TSNode params;              /* parameter_list of a function */
    bool is_function;           /* the innermost modifier is () */
    bool is_pointer;            /* ... is * or [] */
    bool const_pointer;         /* ... is `* const` */
    uint32_t stars;
    uint32_t arrays;
    TSNode value;               /* initialiser, or null node */
} decl_info;

static bool has_const_qualifier(TSNode node)
{
    bool found = false;
    TSTreeCursor cur = ts_tree_cursor_new(node);
    for (bool more = ts_tree_cursor_goto_first_child(&cur); more && !found;
         more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode c = ts_tree_cursor_current_node(&cur);
        found = ts_c_is(c, TS_K_type_qualifier) &&
                ts_node_end_byte(c) - ts_node_start_byte(c) == 5;
    }                           /* "const" is the only 5-letter one */
    ts_tree_cursor_delete(&cur);
    return found;
}

/* Applies one declarator level; returns the inner declarator. */
static TSNode declarator_step(TSNode d, decl_info *info)
{
    ts_c_kind type = ts_c_kind_of(d);
    if (type == TS_K_init_declarator) {
        info->value = ts_c_field(d, TS_F_value);
        return ts_c_field(d, TS_F_declarator);
    }
    if (type == TS_K_pointer_declarator) {
        info->stars++;
        info->is_pointer = true;
        info->is_function = false;
        info->const_pointer = has_const_qualifier(d);
        return ts_c_field(d, TS_F_declarator);
    }
    if (type == TS_K_array_declarator) {
        info->arrays++;
        info->is_pointer = true;
        info->is_function = false;
        return ts_c_field(d, TS_F_declarator);
    }
    if (type == TS_K_function_declarator) {
        info->is_function = true;
        info->is_pointer = false;
        info->params = ts_c_field(d, TS_F_parameters);
        return ts_c_field(d, TS_F_declarator);
    }
    if (type == TS_K_parenthesized_declarator ||
        type == TS_K_attributed_declarator) {
        return ts_node_named_child(d, 0);
    }
    TSNode null = {0};
    return null;
}

static bool is_name_node(TSNode d)
{
    return ts_c_is(d, TS_K_identifier) || ts_c_is(d, TS_K_field_identifier) ||
           ts_c_is(d, TS_K_type_identifier);
}

static decl_info declarator_info(TSNode d)
{
    decl_info info = {0};
    for (int guard = 0; guard < 256 && !ts_node_is_null(d); guard++) {
        if (is_name_node(d)) {
            info.name = d;
            break;
        }
        d = declarator_step(d, &info);
    }
    return info;
}

TSNode ts_c_declarator_name(TSNode declarator)
{
    return declarator_info(declarator).name;
}

/* "struct tag", or the specifier's text with whitespace collapsed. */
static const char *type_spelling(ts_c_ctx *ctx, TSNode type)
{
    if (ts_node_is_null(type)) {
        return "int";
    }
    TSNode body = ts_c_field(type, TS_F_body);
    TSNode name = ts_c_field(type, TS_F_name);
    if (!ts_node_is_null(body)) {
        const char *kw = ts_node_type(type);
        size_t kwlen = strcspn(kw, "_");
        return pt_arena_printf(ctx->arena, "%.*s %s", (int)kwlen, kw,
                               ts_node_is_null(name) ? "<anonymous>"
                                                     : ts_c_text(ctx, name));
    }
    char *text = (char *)ts_c_text(ctx, type);
    char *out = text;
    for (const char *p = text; *p; p++) {
        bool space = isspace((unsigned char)*p) != 0;
        if (space && (out == text || out[-1] == ' ')) {
            continue;
        }
        *out++ = space ? ' ' : *p;
    }
    *out = '\0';
    return text;
}

static const char *full_type(ts_c_ctx *ctx, const char *base,
                             const decl_info *info)
{
    if (info->stars == 0 && info->arrays == 0) {
        return base;
    }
    char stars[17] = {0};
    uint32_t n = info->stars < 16 ? info->stars : 16;
    memset(stars, '*', n);
    return pt_arena_printf(ctx->arena, "%s %s%s", base, stars,
                           info->arrays ? "[]" : "");
}

/* Storage class and attribute facts of a declaration-like node. */
typedef struct decl_specs {
    bool is_static;
    bool is_const;
    bool unused;
} decl_specs;

static bool attribute_says_unused(ts_c_ctx *ctx, TSNode attr)
{
    const char *text = ts_c_text(ctx, attr);
    return strstr(text, "unused") != NULL;
}

static decl_specs specs_of(ts_c_ctx *ctx, TSNode node)
{
    decl_specs s = {0};
    if (ts_node_is_null(node)) {
        return s;
    }
    TSTreeCursor cur = ts_tree_cursor_new(node);
    for (bool more = ts_tree_cursor_goto_first_child(&cur); more;
         more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode c = ts_tree_cursor_current_node(&cur);
        ts_c_kind type = ts_c_kind_of(c);
        if (type == TS_K_storage_class_specifier) {
            s.is_static |= ts_c_text_is(ctx, c, "static");
        } else if (type == TS_K_type_qualifier) {
            s.is_const |= ts_c_text_is(ctx, c, "const");
        } else if (type == TS_K_attribute_specifier ||
                   type == TS_K_attribute_declaration) {
            s.unused |= attribute_says_unused(ctx, c);
        }
    }
    ts_tree_cursor_delete(&cur);
    return s;
}

/* ---- tags, fields, enumerators ---- */

/*
 * The children of `node` in its "declarator" field, in order.  Walks with
 * a tree cursor: ts_node_field_name_for_child() misnames the children of
 * a declaration that starts with a type qualifier (`const char *name;`).
 */
static uint32_t declarators(ts_c_ctx *ctx, TSNode node, TSNode **out)
{
    uint32_t n = 0, cap = ts_node_child_count(node);
    *out = pt_arena_alloc(ctx->arena, (cap + 1) * sizeof(TSNode));
    TSTreeCursor cur = ts_tree_cursor_new(node);
    bool more = ts_tree_cursor_goto_first_child(&cur);
    TSFieldId declarator = ts_c_field_id(TS_F_declarator);
    while (more && n < cap) {
        if (ts_tree_cursor_current_field_id(&cur) == declarator) {
            (*out)[n++] = ts_tree_cursor_current_node(&cur);
        }
        more = ts_tree_cursor_goto_next_sibling(&cur);
    }
    ts_tree_cursor_delete(&cur);
    return n;
}

static void type_spec(ts_c_ctx *ctx, TSNode type, const char *scope);

static void field_declaration(ts_c_ctx *ctx, TSNode fd, const char *scope)
{
    TSNode type = ts_c_field(fd, TS_F_type);
    type_spec(ctx, type, scope);
    const char *base = type_spelling(ctx, type);
    const char *doc = ts_c_doc(ctx, fd);
    decl_specs specs = specs_of(ctx, fd);
    TSNode *decls = NULL;
    uint32_t n = declarators(ctx, fd, &decls);
    for (uint32_t i = 0; i < n; i++) {
        decl_info info = declarator_info(decls[i]);
        ts_c_count_uses(ctx, decls[i]);     /* array sizes: `[PT_NAME_BUF]` */
        if (ts_node_is_null(info.name)) {
            continue;
        }
        uint32_t d = ts_c_add_decl(ctx, PT_DECL_FIELD, info.name, NULL);
        pt_decl *decl = pt_unit_decl(ctx->unit, d);
        decl->scope = scope;
        decl->doc = doc;
        decl->type_text = full_type(ctx, base, &info);
        decl->is_pointer = info.is_pointer;
        decl->marked_unused = specs.unused;
        const char *key = pt_arena_printf(ctx->arena, "%s.%s", scope,
                                          decl->name);
        ts_c_sym_put(ctx, TS_C_NS_FIELD, key, d);
    }
}

static void record_body(ts_c_ctx *ctx, TSNode body, const char *scope)
{
    TSTreeCursor cur = ts_tree_cursor_new(body);
    for (bool more = ts_tree_cursor_goto_first_child(&cur); more;
         more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode c = ts_tree_cursor_current_node(&cur);
        if (!ts_node_is_named(c)) {
            continue;
        }
        if (ts_c_is(c, TS_K_field_declaration)) {
            field_declaration(ctx, c, scope);
        } else if (!ts_c_is(c, TS_K_comment) && ts_c_enter(ctx)) {
            record_body(ctx, c, scope);     /* #if inside a struct */
            ts_c_leave(ctx);
        }
    }
    ts_tree_cursor_delete(&cur);
}

static void enum_body(ts_c_ctx *ctx, TSNode body)
{
    TSTreeCursor cur = ts_tree_cursor_new(body);
    for (bool more = ts_tree_cursor_goto_first_child(&cur); more;
         more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode c = ts_tree_cursor_current_node(&cur);
        if (!ts_c_is(c, TS_K_enumerator)) {
            continue;
        }
        TSNode name = ts_c_field(c, TS_F_name);
        TSNode value = ts_c_field(c, TS_F_value);
        if (!ts_node_is_null(value)) {
            ts_c_count_uses(ctx, value);
        }
        uint32_t d = ts_c_add_decl(ctx, PT_DECL_ENUM_CONST, name, NULL);
        pt_unit_decl(ctx->unit, d)->doc = ts_c_doc(ctx, c);
        ts_c_sym_put(ctx, TS_C_NS_ORD, pt_unit_decl(ctx->unit, d)->name, d);
    }
    ts_tree_cursor_delete(&cur);
}

/* A struct/union/enum specifier: defines a tag and members, or uses one. */
static void type_spec(ts_c_ctx *ctx, TSNode type, const char *scope)
{
    bool record = ts_c_is(type, TS_K_struct_specifier) ||
                  ts_c_is(type, TS_K_union_specifier);
    if (!record && !ts_c_is(type, TS_K_enum_specifier)) {
        if (!ts_node_is_null(type)) {
            ts_c_count_uses(ctx, type);
        }
        return;
    }
    TSNode name = ts_c_field(type, TS_F_name);
    TSNode body = ts_c_field(type, TS_F_body);
    if (ts_node_is_null(body)) {
        ts_c_count_uses(ctx, type);
        return;
    }
    if (!ts_node_is_null(name)) {
        uint32_t d = ts_c_add_decl(ctx, PT_DECL_TYPE, name, NULL);
        pt_decl *decl = pt_unit_decl(ctx->unit, d);
        decl->type_text = type_spelling(ctx, type);
        decl->doc = ts_c_doc(ctx, type);
        scope = decl->name;
        ts_c_sym_put(ctx, TS_C_NS_TAG, decl->name, d);
    }
    if (record) {
        record_body(ctx, body, scope != NULL ? scope : "<anonymous>");
    } else {
        enum_body(ctx, body);
    }
}

/* ---- functions and parameters ---- */

static void add_param(ts_c_ctx *ctx, pt_function *fn, TSNode pd)
{
    TSNode type = ts_c_field(pd, TS_F_type);
    decl_info info = declarator_info(ts_c_field(pd, TS_F_declarator));
    if (ts_c_is(pd, TS_K_identifier)) {
        info.name = pd;         /* K&R parameter name */
    }
    if (ts_node_is_null(info.name)) {
        if (!ts_node_is_null(type)) {
            ts_c_count_uses(ctx, type);
        }
        return;
    }
    type_spec(ctx, type, NULL);
    uint32_t d = ts_c_add_decl(ctx, PT_DECL_PARAM, info.name, NULL);
    pt_decl *decl = pt_unit_decl(ctx->unit, d);
    decl->type_text = full_type(ctx, type_spelling(ctx, type), &info);
    decl->is_pointer = info.is_pointer || info.is_function;
    decl->marked_unused = specs_of(ctx, pd).unused;
    decl->is_const_qualified = info.stars ? info.const_pointer
                                          : specs_of(ctx, pd).is_const;
    uint32_t *slot = pt_vec_push(ctx->arena, &fn->params, sizeof(*slot));
    *slot = d;
    ts_c_local_push(ctx, decl->name, d);
}

/* K&R: `int f(a, b) int a; char *b; {` - types from the declarations. */
static void kr_param_types(ts_c_ctx *ctx, TSNode def, pt_function *fn)
{
    TSTreeCursor cur = ts_tree_cursor_new(def);
    for (bool more = ts_tree_cursor_goto_first_child(&cur); more;
         more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode c = ts_tree_cursor_current_node(&cur);
        if (!ts_c_is(c, TS_K_declaration)) {
            continue;
        }
        const char *base = type_spelling(ctx, ts_c_field(c, TS_F_type));
        decl_info info = declarator_info(ts_c_field(c, TS_F_declarator));
        const char *name = ts_node_is_null(info.name)
                               ? "" : ts_c_text(ctx, info.name);
        for (uint32_t p = 0; p < fn->params.len; p++) {
            pt_decl *d = pt_unit_decl(ctx->unit, pt_function_param(fn, p));
            if (strcmp(d->name, name) == 0) {
                d->type_text = full_type(ctx, base, &info);
                d->is_pointer = info.is_pointer;
            }
        }
    }
    ts_tree_cursor_delete(&cur);
}

/* Adds the parameters; returns whether the list is a prototype. */
static bool add_params(ts_c_ctx *ctx, pt_function *fn, TSNode list)
{
    bool prototype = false;
    TSTreeCursor cur = ts_tree_cursor_new(list);
    for (bool more = !ts_node_is_null(list) &&
                     ts_tree_cursor_goto_first_child(&cur);
         more; more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode p = ts_tree_cursor_current_node(&cur);
        if (ts_c_is(p, TS_K_parameter_declaration) ||
            ts_c_is(p, TS_K_variadic_parameter)) {
            prototype = true;
        }
        if (ts_c_is(p, TS_K_parameter_declaration) || ts_c_is(p, TS_K_identifier)) {
            add_param(ctx, fn, p);
        }
    }
    ts_tree_cursor_delete(&cur);
    return prototype;
}

static bool params_are_prototype(TSNode list)
{
    if (ts_node_is_null(list)) {
        return false;
    }
    bool found = false;
    TSTreeCursor cur = ts_tree_cursor_new(list);
    for (bool more = ts_tree_cursor_goto_first_child(&cur); more && !found;
         more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode p = ts_tree_cursor_current_node(&cur);
        found = ts_c_is(p, TS_K_parameter_declaration) ||
                ts_c_is(p, TS_K_variadic_parameter);
    }
    ts_tree_cursor_delete(&cur);
    return found;
}

static uint32_t function_decl(ts_c_ctx *ctx, TSNode node, decl_info *info,
                              decl_specs specs, const char *base)
{
    int32_t saved = ctx->fn;
    ctx->fn = -1;
    uint32_t d = ts_c_add_decl(ctx, PT_DECL_FUNCTION, info->name, NULL);
    ctx->fn = saved;
    pt_decl *decl = pt_unit_decl(ctx->unit, d);
    decl->is_public = !specs.is_static;
    decl->has_prototype = params_are_prototype(info->params);
    decl->type_text = full_type(ctx, base, info);
    decl->doc = ts_c_doc(ctx, node);
    decl->marked_unused = specs.unused;
    ts_c_sym_put(ctx, TS_C_NS_ORD, decl->name, d);
    return d;
}

static void function_definition(ts_c_ctx *ctx, TSNode node, bool nested)
{
    decl_info info = declarator_info(ts_c_field(node, TS_F_declarator));
    TSNode body = ts_c_field(node, TS_F_body);
    if (ts_node_is_null(info.name) || ts_node_is_null(info.params) ||
        ts_node_is_null(body)) {
        ts_c_count_uses(ctx, node);
        return;
    }
    decl_specs specs = specs_of(ctx, node);
    TSNode type = ts_c_field(node, TS_F_type);
    type_spec(ctx, type, NULL);
    uint32_t d = function_decl(ctx, node, &info, specs,
                               type_spelling(ctx, type));
    pt_unit_decl(ctx->unit, d)->is_definition = true;
    pt_function *fn = pt_vec_push(ctx->arena, &ctx->unit->functions,
                                  sizeof(*fn));
    fn->name = pt_unit_decl(ctx->unit, d)->name;
    fn->loc = pt_unit_decl(ctx->unit, d)->loc;
    fn->start = ts_c_loc(ctx, node);
    fn->end = pt_unit_loc_at(ctx->unit, ts_node_end_byte(body) - 1);
    fn->decl = (int32_t)d;
    fn->is_public = !specs.is_static;
    fn->is_static = specs.is_static;
    fn->doc = pt_unit_decl(ctx->unit, d)->doc;
    ctx->fn = (int32_t)(ctx->unit->functions.len - 1);
    ctx->locals.len = 0;
    ctx->partial = false;
    add_params(ctx, fn, info.params);
    kr_param_types(ctx, node, fn);
    ts_c_function_body(ctx, body);
    fn = pt_unit_function(ctx->unit, (uint32_t)ctx->fn);
    ts_c_complexity(ctx, body, fn);
    fn->partial = ctx->partial || ts_c_has_real_error(node);
    fn->is_nested = nested;
    pt_unit_decl(ctx->unit, d)->is_nested = nested;
    ctx->fn = -1;
    ctx->locals.len = 0;
}

/* ---- declarations ---- */

static void variable_decl(ts_c_ctx *ctx, TSNode node, decl_info *info,
                          decl_specs specs, const char *base, bool local)
{
    uint32_t d = ts_c_add_decl(ctx, local ? PT_DECL_LOCAL : PT_DECL_GLOBAL,
                               info->name, NULL);
    pt_decl *decl = pt_unit_decl(ctx->unit, d);
    decl->is_public = !local && !specs.is_static;
    decl->is_static_local = local && specs.is_static;
    decl->type_text = full_type(ctx, base, info);
    decl->doc = ts_c_doc(ctx, node);
    decl->is_pointer = info->is_pointer;
    decl->marked_unused = specs.unused;
    decl->is_const_qualified = info->stars ? info->const_pointer
                                           : specs.is_const;
    const char *name = decl->name;
    if (local) {
        ts_c_local_push(ctx, name, d);
    } else {
        ts_c_sym_put(ctx, TS_C_NS_ORD, name, d);
    }
    if (ts_node_is_null(info->value)) {
        return;
    }
    if (local && ctx->fn >= 0) {
        ts_c_cur(ctx);
        pt_value v = ts_c_eval(ctx, info->value, true);
        ts_c_emit_assign(ctx, info->name, name, v);
    } else {
        ts_c_count_uses(ctx, info->value);
    }
}

static void one_declarator(ts_c_ctx *ctx, TSNode node, TSNode declarator,
                           decl_specs specs, const char *base, bool local)
{
    decl_info info = declarator_info(declarator);
    if (ts_node_is_null(info.name)) {
        ts_c_count_uses(ctx, declarator);
        return;
    }
    if (info.is_function) {
        function_decl(ctx, node, &info, specs, base);
        return;
    }
    variable_decl(ctx, node, &info, specs, base, local);
}

void ts_c_declaration(ts_c_ctx *ctx, TSNode decl, bool local)
{
    TSNode type = ts_c_field(decl, TS_F_type);
    type_spec(ctx, type, NULL);
    const char *base = type_spelling(ctx, type);
    decl_specs specs = specs_of(ctx, decl);
    TSTreeCursor cur = ts_tree_cursor_new(decl);
    bool more = ts_tree_cursor_goto_first_child(&cur);
    TSFieldId declarator = ts_c_field_id(TS_F_declarator);
    while (more) {
        if (ts_tree_cursor_current_field_id(&cur) == declarator) {
            one_declarator(ctx, decl, ts_tree_cursor_current_node(&cur),
                           specs, base, local);
        }
        more = ts_tree_cursor_goto_next_sibling(&cur);
    }
    ts_tree_cursor_delete(&cur);
}

void ts_c_type_definition(ts_c_ctx *ctx, TSNode node)
{
    TSNode type = ts_c_field(node, TS_F_type);
    TSNode first = ts_c_declarator_name(ts_c_field(node, TS_F_declarator));
    type_spec(ctx, type, ts_node_is_null(first) ? NULL
                                                : ts_c_text(ctx, first));
    const char *base = type_spelling(ctx, type);
    TSNode *decls = NULL;
    uint32_t n = declarators(ctx, node, &decls);
    for (uint32_t i = 0; i < n; i++) {
        decl_info info = declarator_info(decls[i]);
        if (ts_node_is_null(info.name)) {
            continue;
        }
        uint32_t d = ts_c_add_decl(ctx, PT_DECL_TYPEDEF, info.name, NULL);
        pt_decl *decl = pt_unit_decl(ctx->unit, d);
        decl->type_text = full_type(ctx, base, &info);
        decl->is_pointer = info.is_pointer;
        decl->doc = ts_c_doc(ctx, node);
        ts_c_sym_put(ctx, TS_C_NS_ORD, decl->name, d);
    }
}

static void macro(ts_c_ctx *ctx, TSNode node)
{
    TSNode name = ts_c_field(node, TS_F_name);
    if (ts_node_is_null(name)) {
        return;
    }
    uint32_t d = ts_c_add_decl(ctx, PT_DECL_MACRO, name, NULL);
    TSNode value = ts_c_field(node, TS_F_value);
    if (!ts_node_is_null(value)) {
        ts_c_macro_body(ctx, d, value, ts_c_field(node, TS_F_parameters));
    }
    pt_unit_decl(ctx->unit, d)->doc = ts_c_doc(ctx, node);
    if (ts_c_kind_of(node) == TS_K_preproc_function_def) {
        pt_unit_decl(ctx->unit, d)->is_function_like = true;
    }
    ts_c_sym_put(ctx, TS_C_NS_MACRO, pt_unit_decl(ctx->unit, d)->name, d);
}

/* Containers whose children are top-level items. */
static bool is_container(ts_c_kind type)
{
    switch (type) {
    case TS_K_translation_unit:
    case TS_K_preproc_if:
    case TS_K_preproc_ifdef:
    case TS_K_preproc_else:
    case TS_K_preproc_elif:
    case TS_K_preproc_elifdef:
    case TS_K_linkage_specification:
    case TS_K_declaration_list:
    case TS_K_ERROR:
        return true;
    default:
        return false;
    }
}

static void top_item(ts_c_ctx *ctx, TSNode n)
{
    ts_c_kind type = ts_c_kind_of(n);
    if (type == TS_K_function_definition) {
        function_definition(ctx, n, false);
        for (uint32_t i = 0; i < ctx->pending.len; i++) {
            TSNode inner = ((TSNode *)ctx->pending.items)[i];
            function_definition(ctx, inner, true);  /* nested/misparsed */
        }
        ctx->pending.len = 0;
    } else if (type == TS_K_declaration) {
        ts_c_declaration(ctx, n, false);
    } else if (type == TS_K_type_definition) {
        ts_c_type_definition(ctx, n);
    } else if (type == TS_K_preproc_def ||
               type == TS_K_preproc_function_def) {
        macro(ctx, n);
    } else if (ts_c_class(n) & TS_C_CLASS_SPECIFIER) {
        type_spec(ctx, n, NULL);
    } else if (type == TS_K_expression_statement) {
        ts_c_count_uses(ctx, n);
    } else if (is_container(type)) {
        ts_c_top_level(ctx, n);
    }
}

void ts_c_top_level(ts_c_ctx *ctx, TSNode node)
{
    if (!ts_c_enter(ctx)) {
        return;
    }
    TSTreeCursor cur = ts_tree_cursor_new(node);
    bool more = ts_tree_cursor_goto_first_child(&cur);
    while (more) {
        TSNode item = ts_tree_cursor_current_node(&cur);
        if (!ts_c_is_dead(ctx, item)) {
            top_item(ctx, item);
        }
        more = ts_tree_cursor_goto_next_sibling(&cur);
    }
    ts_tree_cursor_delete(&cur);
    ts_c_leave(ctx);
}

/* ---- types of paths ---- */

static bool is_type_noise(const char *w, size_t n)
{
    static const char *const words[] = {
        "const", "volatile", "struct", "union", "enum", "restrict",
        "static", "extern", "register", "_Atomic", "inline",
    };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0) {
            return true;
        }
    }
    return false;
}

/* "struct pt_tree *" -> "pt_tree"; "tree_t" -> "tree_t". */
const char *ts_c_owner_of_type(ts_c_ctx *ctx, const char *type_text)
{
    const char *best = NULL;
    size_t best_len = 0;
    if (type_text == NULL) {
        return NULL;
    }
    for (const char *p = type_text; *p;) {
        if (*p == '[') {
            p += strcspn(p, "]");
            continue;
        }
        if (!isalpha((unsigned char)*p) && *p != '_') {
            p++;
            continue;
        }
        const char *s = p;
        while (isalnum((unsigned char)*p) || *p == '_') {
            p++;
        }
        if (!is_type_noise(s, (size_t)(p - s))) {
            best = s;
            best_len = (size_t)(p - s);
        }
    }
    return best ? pt_arena_strndup(ctx->arena, best, best_len) : NULL;
}

static int32_t field_decl(ts_c_ctx *ctx, const char *owner,
                          const char *field)
{
    char small[256];
    int n = snprintf(small, sizeof(small), "%s.%s", owner, field);
    if (n < 0 || (size_t)n >= sizeof(small)) {
        return -1;
    }
    return ts_c_sym_get(ctx, TS_C_NS_FIELD, small);
}

/* The member decl `field` of type `owner` (typedefs followed), or -1. */
int32_t ts_c_field_decl(ts_c_ctx *ctx, const char *owner, const char *field)
{
    for (int hops = 0; owner != NULL && hops < 4; hops++) {
        int32_t d = field_decl(ctx, owner, field);
        if (d >= 0) {
            return d;
        }
        int32_t t = ts_c_sym_get(ctx, TS_C_NS_ORD, owner);
        if (t < 0 || pt_unit_decl(ctx->unit, (uint32_t)t)->kind !=
                         PT_DECL_TYPEDEF) {
            return -1;
        }
        owner = ts_c_owner_of_type(ctx,
                                   pt_unit_decl(ctx->unit, (uint32_t)t)
                                       ->type_text);
    }
    return -1;
}

/* The declared type of `owner`'s member `field` (typedefs followed). */
const char *ts_c_field_type(ts_c_ctx *ctx, const char *owner,
                            const char *field)
{
    int32_t d = ts_c_field_decl(ctx, owner, field);
    return d >= 0 ? pt_unit_decl(ctx->unit, (uint32_t)d)->type_text : NULL;
}
