/*
 * ts_python_decl.c - functions, classes, lambdas and imports: their decls,
 * their pt_function entries and the scopes they open.
 */
#include "frontend/ts_python_decl.h"

/* The docstring of a body block, without its quotes, or NULL. */
static const char *docstring(ts_py_ctx *cx, TSNode body)
{
    TSNode first = {0};
    ts_py_it it = ts_py_kids(cx, body, true);
    while (ts_py_it_next(&it, &first) && ts_py_is(first, TS_PY_K_comment)) {
        first = (TSNode){0};
    }
    ts_py_it_done(&it);
    if (!ts_py_is(first, TS_PY_K_expression_statement) ||
        ts_py_nchild(first) != 1) {
        return NULL;
    }
    TSNode s = ts_py_child(first, 0);
    if (!ts_py_is(s, TS_PY_K_string)) {
        return NULL;
    }
    TSNode start = ts_py_child(s, 0);
    TSNode end = ts_py_last(cx, s);
    if (!ts_py_is(start, TS_PY_K_string_start) || !ts_py_is(end, TS_PY_K_string_end)) {
        return ts_py_text(cx, s);
    }
    uint32_t a = ts_node_end_byte(start);
    uint32_t b = ts_node_start_byte(end);
    return pt_arena_strndup(cx->unit->arena, cx->src + a, b > a ? b - a : 0);
}

/* Decorator texts without '@'; sets the property/overload/static flags. */
static bool inside_error(ts_py_ctx *cx, TSNode node);

static void decorators(ts_py_ctx *cx, TSNode def, pt_function *fn,
                       pt_decl *d)
{
    TSNode parent = ts_py_def_parent(cx, def);
    if (!ts_py_is(parent, TS_PY_K_decorated_definition)) {
        return;
    }
    ts_py_it it = ts_py_kids(cx, parent, true);
    for (TSNode dec; ts_py_it_next(&it, &dec);) {
        if (!ts_py_is(dec, TS_PY_K_decorator)) {
            continue;
        }
        const char *text = ts_py_text(cx, ts_py_child(dec, 0));
        const char **slot = pt_vec_push(cx->unit->arena, &fn->decorators,
                                        sizeof(char *));
        *slot = text;
        if (strcmp(text, "property") == 0 && d != NULL) {
            d->is_property = true;
        }
        if ((strcmp(text, "overload") == 0 ||
             strcmp(text, "typing.overload") == 0) && d != NULL) {
            d->is_overload = true;
        }
        if (strcmp(text, "staticmethod") == 0) {
            fn->is_static = true;
        }
    }
    ts_py_it_done(&it);
}

/* Binds each parameter; defaults and annotations are read outside. */
static void params(ts_py_ctx *cx, TSNode list, ts_py_scope *outer,
                   ts_py_scope *inner, pt_function *fn, int depth)
{
    ts_py_it it = ts_py_kids(cx, list, true);
    for (TSNode p; ts_py_it_next(&it, &p);) {
        TSNode name = ts_py_field(p, TS_PY_F_name);
        TSNode type = ts_py_field(p, TS_PY_F_type);
        ts_py_walk(cx, ts_py_field(p, TS_PY_F_value), outer, depth + 1);
        ts_py_walk(cx, type, outer, depth + 1);
        if (ts_node_is_null(name)) {
            name = ts_py_is(p, TS_PY_K_identifier) ? p : ts_py_child(p, 0);
        }
        while (ts_py_is(name, TS_PY_K_list_splat_pattern) ||
               ts_py_is(name, TS_PY_K_dictionary_splat_pattern)) {
            name = ts_py_child(name, 0);
        }
        if (!ts_py_is(name, TS_PY_K_identifier) || cx->reading) {
            continue;
        }
        const char *text = ts_py_text(cx, name);
        int kind = fn != NULL ? PT_DECL_PARAM : -1;
        ts_py_name *b = ts_py_bind(cx, inner, name, text, kind, false);
        if (fn != NULL && b->decl >= 0) {
            pt_decl *d = pt_unit_decl(cx->unit, (uint32_t)b->decl);
            d->has_type = !ts_node_is_null(type);
            d->type_text = d->has_type ? ts_py_text(cx, type) : NULL;
            uint32_t *slot = pt_vec_push(cx->unit->arena, &fn->params,
                                         sizeof(uint32_t));
            *slot = (uint32_t)b->decl;
            if (fn->params.len == 1 && fn->is_method && !fn->is_static) {
                inner->self_name = text;
            }
        }
    }
    ts_py_it_done(&it);
}

/* Is the def an accessor of the property it is named after
   (`@x.setter def x`)?  Such a def is part of that property. */
static bool is_accessor(ts_py_ctx *cx, TSNode def, const char *name)
{
    TSNode parent = ts_py_def_parent(cx, def);
    if (!ts_py_is(parent, TS_PY_K_decorated_definition)) {
        return false;
    }
    size_t n = strlen(name);
    bool found = false;
    ts_py_it it = ts_py_kids(cx, parent, true);
    for (TSNode dec; !found && ts_py_it_next(&it, &dec);) {
        if (!ts_py_is(dec, TS_PY_K_decorator)) {
            continue;
        }
        const char *text = ts_py_text(cx, ts_py_child(dec, 0));
        found = strncmp(text, name, n) == 0 && text[n] == '.';
    }
    ts_py_it_done(&it);
    return found;
}

/*
 * A def or class that rebinds a name bound before in the scope (`if win:
 * def f(): ... else: def f(): ...`, `try: from _x import f / except
 * ImportError: def f(): ...`, `X = alias` then `class X` in the other
 * branch) is a declaration of its own, judged on its own, as pydocstyle
 * and pep8-naming judge each statement.  Not over a function's local or
 * parameter, whose "unused" judgement the earlier binding carries (the
 * rebinding already counted as pyflakes counts it); property accessors
 * stay part of their property.
 */
static void own_decl(ts_py_ctx *cx, ts_py_scope *sc, ts_py_name *b,
                     TSNode name, const char *text, int kind)
{
    if (b->decl < 0 || ts_node_is_null(name)) {
        return;
    }
    const pt_decl *d = pt_unit_decl(cx->unit, (uint32_t)b->decl);
    if (d->kind == PT_DECL_LOCAL || d->kind == PT_DECL_PARAM ||
        d->loc.byte == ts_node_start_byte(name)) {
        return;
    }
    b->decl = ts_py_add_decl(cx, (pt_decl_kind)kind, name, text,
                             sc->function);
    if (sc->kind == TS_PY_SCOPE_CLASS) {
        pt_unit_decl(cx->unit, (uint32_t)b->decl)->scope = sc->class_name;
    }
}

/* First pass: the pt_function and the decl of a def. */
static pt_function *new_function(ts_py_ctx *cx, TSNode node, ts_py_scope *sc)
{
    TSNode name = ts_py_field(node, TS_PY_F_name);
    const char *text = ts_node_is_null(name) ? "?" : ts_py_text(cx, name);
    bool in_class = sc->kind == TS_PY_SCOPE_CLASS;
    pt_function *fn = pt_vec_push(cx->unit->arena, &cx->unit->functions,
                                  sizeof(pt_function));
    int32_t index = (int32_t)cx->unit->functions.len - 1;
    ts_py_def *def = pt_vec_push(cx->unit->arena, &cx->defs,
                                 sizeof(ts_py_def));
    def->node = node;
    fn->name = text;
    fn->class_name = in_class ? sc->class_name : NULL;
    fn->loc = ts_py_loc(cx, ts_node_is_null(name) ? node : name);
    fn->start = ts_py_loc(cx, node);
    fn->start.col = 1;
    fn->start.byte = pt_unit_line(cx->unit, fn->start.line)->start;
    fn->end = ts_py_end_loc(cx, node);
    fn->is_public = text[0] != '_';
    fn->is_method = in_class;
    fn->is_nested = sc->function >= 0;
    fn->returns_annotated = !ts_node_is_null(ts_py_field(node, TS_PY_F_return_type));
    fn->doc = docstring(cx, ts_py_field(node, TS_PY_F_body));
    fn->partial = ts_node_has_error(node) || inside_error(cx, node);
    int kind = in_class ? PT_DECL_METHOD : PT_DECL_FUNCTION;
    ts_py_name *b = ts_py_bind(cx, sc, name, text,
                               sc->kind == TS_PY_SCOPE_OTHER ? -1 : kind,
                               false);
    if (!is_accessor(cx, node, text)) {
        own_decl(cx, sc, b, name, text, kind);
    }
    pt_decl *d = NULL;
    fn = pt_unit_function(cx->unit, (uint32_t)index);
    fn->decl = -1;
    if (b->decl >= 0 && pt_unit_decl(cx->unit, (uint32_t)b->decl)->kind ==
                            (uint8_t)kind &&
        pt_unit_decl(cx->unit, (uint32_t)b->decl)->loc.byte ==
            ts_node_start_byte(name)) {
        fn->decl = b->decl;
        d = pt_unit_decl(cx->unit, (uint32_t)b->decl);
        d->scope = fn->class_name;
        d->doc = fn->doc;
        d->is_nested = fn->is_nested;
        d->is_definition = true;
        d->has_type = fn->returns_annotated;
        d->type_text = fn->returns_annotated
                           ? ts_py_text(cx, ts_py_field(node, TS_PY_F_return_type))
                           : NULL;
    }
    decorators(cx, node, fn, d);
    return fn;
}

/* Does a PEP 484 signature comment (`# type: (str) -> None`) sit between
   the def's parameters and its first statement?  mypy takes it as the
   def's annotations. */
static bool has_signature_comment(ts_py_ctx *cx, TSNode def)
{
    TSNode list = ts_py_field(def, TS_PY_F_parameters);
    TSNode body = ts_py_field(def, TS_PY_F_body);
    if (ts_node_is_null(list) || ts_node_is_null(body)) {
        return false;
    }
    uint32_t lo = ts_node_end_byte(list);
    uint32_t hi = ts_node_named_child_count(body) > 0
                      ? ts_node_start_byte(ts_node_named_child(body, 0))
                      : ts_node_end_byte(body);
    const pt_comment *comments = cx->unit->comments.items;
    uint32_t first = 0, last = cx->unit->comments.len;
    while (first < last) {      /* the first comment at or after lo */
        uint32_t mid = first + (last - first) / 2;
        if (comments[mid].start.byte < lo) {
            first = mid + 1;
        } else {
            last = mid;
        }
    }
    for (uint32_t i = first; i < cx->unit->comments.len &&
                             comments[i].start.byte < hi; i++) {
        const char *text = comments[i].text;
        if (text != NULL && strncmp(text, "# type:", 7) == 0 &&
            strstr(text, "->") != NULL) {
            return true;
        }
    }
    return false;
}

/* A signature comment annotates every parameter and the return. */
static void annotate_from_comment(ts_py_ctx *cx, pt_function *fn)
{
    fn->returns_annotated = true;
    if (fn->decl >= 0) {
        pt_unit_decl(cx->unit, (uint32_t)fn->decl)->has_type = true;
    }
    for (uint32_t i = 0; i < fn->params.len; i++) {
        pt_unit_decl(cx->unit, pt_function_param(fn, i))->has_type = true;
    }
}

void ts_py_walk_def(ts_py_ctx *cx, TSNode node, ts_py_scope *sc, int depth)
{
    if (depth > TS_PY_MAX_DEPTH) {
        cx->overflow = true;
        return;
    }
    pt_function *fn = NULL;
    int32_t index = -1;
    if (!cx->reading) {
        fn = new_function(cx, node, sc);
        index = (int32_t)cx->unit->functions.len - 1;
    }
    ts_py_walk(cx, ts_py_field(node, TS_PY_F_return_type), sc, depth + 1);
    ts_py_scope *inner = ts_py_scope_open(cx, sc, TS_PY_SCOPE_FUNCTION, node);
    if (fn != NULL) {                   /* the first pass: made above */
        inner->function = index;
        inner->owner_class = fn->class_name;
        ts_py_def *defs = cx->defs.items;
        defs[index].scope = inner;
    }
    params(cx, ts_py_field(node, TS_PY_F_parameters), sc, inner, fn, depth);
    if (fn != NULL && has_signature_comment(cx, node)) {
        annotate_from_comment(cx, pt_unit_function(cx->unit, (uint32_t)index));
    }
    ts_py_walk(cx, ts_py_field(node, TS_PY_F_body), inner, depth + 1);
}

/* "A,b.B": the positional bases of a class, or NULL. */
static const char *class_bases(ts_py_ctx *cx, TSNode list)
{
    char *joined = NULL;
    ts_py_it it = ts_py_kids(cx, list, true);
    for (TSNode base; ts_py_it_next(&it, &base);) {
        if (!ts_py_is(base, TS_PY_K_identifier) &&
            !ts_py_is(base, TS_PY_K_attribute)) {
            continue;
        }
        const char *text = ts_py_text(cx, base);
        joined = joined == NULL
                     ? pt_arena_strdup(cx->unit->arena, text)
                     : pt_arena_printf(cx->unit->arena, "%s,%s", joined, text);
    }
    ts_py_it_done(&it);
    return joined;
}

/* True when an ancestor of `node` is an ERROR node: a def recovered from
   broken code may have lost its class or its decorators.  Only a tree
   with errors has one (and climbing costs: ts_node_parent descends from
   the root). */
static bool inside_error(ts_py_ctx *cx, TSNode node)
{
    if (!cx->has_error) {
        return false;
    }
    for (TSNode up = ts_py_def_parent(cx, node); !ts_node_is_null(up);
         up = ts_node_parent(up)) {
        if (ts_py_is(up, TS_PY_K_ERROR)) {
            return true;
        }
    }
    return false;
}

void ts_py_walk_class(ts_py_ctx *cx, TSNode node, ts_py_scope *sc, int depth)
{
    if (depth > TS_PY_MAX_DEPTH) {
        cx->overflow = true;
        return;
    }
    TSNode name = ts_py_field(node, TS_PY_F_name);
    const char *text = ts_node_is_null(name) ? "?" : ts_py_text(cx, name);
    if (!cx->reading && !ts_node_is_null(name)) {
        ts_py_name *b = ts_py_bind(cx, sc, name, text,
                                   sc->kind == TS_PY_SCOPE_OTHER
                                       ? -1 : PT_DECL_CLASS, false);
        own_decl(cx, sc, b, name, text, PT_DECL_CLASS);
        if (b->decl >= 0) {
            pt_decl *d = pt_unit_decl(cx->unit, (uint32_t)b->decl);
            if (d->kind == PT_DECL_CLASS) {
                d->doc = docstring(cx, ts_py_field(node, TS_PY_F_body));
                d->is_definition = true;
                d->detail = class_bases(cx, ts_py_field(node, TS_PY_F_superclasses));
            }
        }
    }
    ts_py_walk(cx, ts_py_field(node, TS_PY_F_superclasses), sc, depth + 1);
    ts_py_scope *inner = ts_py_scope_open(cx, sc, TS_PY_SCOPE_CLASS, node);
    inner->class_name = text;
    ts_py_walk(cx, ts_py_field(node, TS_PY_F_body), inner, depth + 1);
}

void ts_py_walk_lambda(ts_py_ctx *cx, TSNode node, ts_py_scope *sc, int depth)
{
    if (depth > TS_PY_MAX_DEPTH) {
        cx->overflow = true;
        return;
    }
    ts_py_scope *inner = ts_py_scope_open(cx, sc, TS_PY_SCOPE_OTHER, node);
    params(cx, ts_py_field(node, TS_PY_F_parameters), sc, inner, NULL, depth);
    ts_py_walk(cx, ts_py_field(node, TS_PY_F_body), inner, depth + 1);
}

/* Binds one imported name; `source` is the dotted origin. */
static void import_one(ts_py_ctx *cx, ts_py_scope *sc, TSNode at,
                       const char *name, const char *source)
{
    int kind = sc->kind == TS_PY_SCOPE_MODULE ||
                       sc->kind == TS_PY_SCOPE_FUNCTION
                   ? PT_DECL_IMPORT : -1;
    ts_py_name *b = ts_py_bind(cx, sc, at, name, kind, false);
    if (b->decl >= 0) {
        pt_decl *d = pt_unit_decl(cx->unit, (uint32_t)b->decl);
        if (d->kind == PT_DECL_IMPORT && d->detail == NULL) {
            d->detail = source;
        }
    }
}

/* One `dotted_name` or `aliased_import` of an import statement. */
static void import_item(ts_py_ctx *cx, ts_py_scope *sc, TSNode item,
                        const char *module)
{
    TSNode dotted = item;
    TSNode alias = ts_py_field(item, TS_PY_F_alias);
    if (ts_py_is(item, TS_PY_K_aliased_import)) {
        dotted = ts_py_field(item, TS_PY_F_name);
    }
    if (ts_node_is_null(dotted)) {
        return;
    }
    const char *full = ts_py_text(cx, dotted);
    const char *source = module != NULL
        ? pt_arena_printf(cx->unit->arena, "%s%s%s", module,
                          module[strlen(module) - 1] == '.' ? "" : ".", full)
        : full;
    if (!ts_node_is_null(alias)) {
        import_one(cx, sc, alias, ts_py_text(cx, alias), source);
    } else if (module != NULL) {
        import_one(cx, sc, dotted, full, source);
    } else {
        TSNode first = ts_py_child(dotted, 0);
        TSNode at = ts_node_is_null(first) ? dotted : first;
        import_one(cx, sc, at, ts_py_text(cx, at), source);
    }
}

void ts_py_walk_import(ts_py_ctx *cx, TSNode node, ts_py_scope *sc)
{
    if (cx->reading || ts_py_is(node, TS_PY_K_future_import_statement)) {
        return;
    }
    TSNode module = ts_py_field(node, TS_PY_F_module_name);
    const char *mod = ts_node_is_null(module) ? NULL : ts_py_text(cx, module);
    ts_py_it it = ts_py_kids(cx, node, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        if (!ts_node_is_null(module) && ts_node_eq(c, module)) {
            continue;
        }
        if (ts_py_is(c, TS_PY_K_dotted_name) || ts_py_is(c, TS_PY_K_aliased_import)) {
            import_item(cx, sc, c, mod);
        } else if (ts_py_is(c, TS_PY_K_wildcard_import) && mod != NULL &&
                   sc->kind == TS_PY_SCOPE_MODULE) {
            /* `from m import *`: a decl named "*", read when the module
               reads a name nothing binds (see ts_py_scopes_build) */
            int32_t star = ts_py_add_decl(cx, PT_DECL_IMPORT, c, "*", -1);
            pt_unit_decl(cx->unit, (uint32_t)star)->detail =
                pt_arena_printf(cx->unit->arena, "%s%s*", mod,
                                mod[strlen(mod) - 1] == '.' ? "" : ".");
        }
    }
    ts_py_it_done(&it);
}

void ts_py_functions_build(ts_py_ctx *cx, TSNode root)
{
    (void)root;
    ts_py_def *defs = cx->defs.items;
    for (uint32_t i = 0; i < cx->defs.len; i++) {
        pt_function *fn = pt_unit_function(cx->unit, i);
        TSNode body = ts_py_field(defs[i].node, TS_PY_F_body);
        fn->decisions = ts_py_decisions(cx, body, 0);
        fn->max_nesting = ts_py_max_nesting(cx, body, 0);
        ts_py_cfg_build(cx, fn, defs[i].node, defs[i].scope);
    }
}
