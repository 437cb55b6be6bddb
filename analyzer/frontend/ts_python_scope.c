/*
 * ts_python_scope.c - Python scopes as pyflakes sees them: bindings become
 * decls (first pass), loads are counted as reads of the binding they
 * resolve to (second pass, same traversal order).
 */
#include "frontend/ts_python_int.h"

#include <stdlib.h>
#include <string.h>

#include "frontend/ts_python_decl.h"

static void walk(ts_py_ctx *cx, TSNode node, ts_py_scope *sc, int depth);

ts_py_name *ts_py_scope_find(ts_py_scope *scope, const char *name)
{
    ts_py_name *names = scope->names.items;
    for (uint32_t i = 0; i < scope->names.len; i++) {
        if (strcmp(names[i].name, name) == 0) {
            return &names[i];
        }
    }
    return NULL;
}

int32_t ts_py_resolve(ts_py_scope *scope, const char *name, bool from_inner)
{
    ts_py_scope *module = scope;
    while (module->parent != NULL) {
        module = module->parent;
    }
    for (ts_py_scope *s = scope; s != NULL; s = s->parent) {
        if (s->kind == TS_PY_SCOPE_CLASS && (from_inner || s != scope)) {
            continue;
        }
        ts_py_name *n = ts_py_scope_find(s, name);
        if (n == NULL) {
            continue;
        }
        if (n->is_global) {
            n = ts_py_scope_find(module, name);
            return n != NULL ? n->decl : -1;
        }
        return n->decl;
    }
    return -1;
}

/* Opens a new scope (first pass) or re-enters it (second pass). */
ts_py_scope *ts_py_scope_open(ts_py_ctx *cx, ts_py_scope *parent,
                              ts_py_scope_kind kind, TSNode node)
{
    if (cx->reading) {
        ts_py_scope **all = cx->scopes.items;
        if (cx->next_scope < cx->scopes.len) {
            return all[cx->next_scope++];
        }
        return parent;
    }
    ts_py_scope *s = pt_arena_alloc(cx->unit->arena, sizeof(ts_py_scope));
    s->parent = parent;
    s->kind = kind;
    s->node = node;
    s->function = parent != NULL ? parent->function : -1;
    ts_py_scope **slot = pt_vec_push(cx->unit->arena, &cx->scopes,
                                     sizeof(ts_py_scope *));
    *slot = s;
    return s;
}

/* Adds a decl and returns its index. */
int32_t ts_py_add_decl(ts_py_ctx *cx, pt_decl_kind kind, TSNode name_node,
                       const char *name, int32_t function)
{
    pt_decl *d = pt_vec_push(cx->unit->arena, &cx->unit->decls,
                             sizeof(pt_decl));
    d->kind = (uint8_t)kind;
    d->name = name;
    d->loc = ts_py_loc(cx, name_node);
    d->function = function;
    d->is_public = name[0] != '_';
    return (int32_t)cx->unit->decls.len - 1;
}

/* The decl kind a plain binding gets in scope `sc`, or -1 for none. */
static int binding_kind(const ts_py_scope *sc)
{
    switch (sc->kind) {
    case TS_PY_SCOPE_MODULE:
        return PT_DECL_GLOBAL;
    case TS_PY_SCOPE_FUNCTION:
        return PT_DECL_LOCAL;
    default:
        return -1;
    }
}

/* A later binding of a name already bound in the scope.  Reads stay
   counted over the whole scope (pyflakes carries "used" from one binding
   to the next), but, as pyflakes judges the binding that survives, a
   local or an import takes the place and the kind of the last binding:
   a local last bound by unpacking is exempt, an import rebound by
   anything but an import (`except ImportError: json = None`) is no
   longer an unused import (`marked_unused`). */
static void rebind(ts_py_ctx *cx, pt_decl *d, TSNode at, int kind,
                   bool tuple_target)
{
    d->writes++;
    if (d->kind == PT_DECL_LOCAL && kind == PT_DECL_LOCAL) {
        d->loc = ts_py_loc(cx, at);
        d->is_tuple_target = tuple_target;
    } else if (d->kind == PT_DECL_IMPORT) {
        if (kind == PT_DECL_IMPORT) {
            d->loc = ts_py_loc(cx, at);
            d->detail = NULL;   /* import_one sets the new source */
            d->marked_unused = false;
        } else {
            d->marked_unused = true;
        }
    }
}

/* Binds `name` in `sc` (first pass only); returns the name entry. */
ts_py_name *ts_py_bind(ts_py_ctx *cx, ts_py_scope *sc, TSNode at,
                       const char *name, int kind, bool tuple_target)
{
    ts_py_name *n = ts_py_scope_find(sc, name);
    if (n != NULL && n->is_global) {
        ts_py_scope *m = cx->module;
        ts_py_name *g = ts_py_scope_find(m, name);
        if (g == NULL) {
            g = ts_py_bind(cx, m, at, name, PT_DECL_GLOBAL, false);
            pt_unit_decl(cx->unit, (uint32_t)g->decl)->is_global_stmt = true;
            return g;
        }
        n = g;
    }
    if (n != NULL) {
        if (n->decl >= 0) {
            rebind(cx, pt_unit_decl(cx->unit, (uint32_t)n->decl), at, kind,
                   tuple_target);
        }
        return n;
    }
    n = pt_vec_push(cx->unit->arena, &sc->names, sizeof(ts_py_name));
    n->name = name;
    n->decl = -1;
    if (kind >= 0) {
        n->decl = ts_py_add_decl(cx, (pt_decl_kind)kind, at, name,
                                 sc->function);
        pt_decl *d = pt_unit_decl(cx->unit, (uint32_t)n->decl);
        d->is_tuple_target = tuple_target;
        if (sc->kind == TS_PY_SCOPE_CLASS) {
            d->scope = sc->class_name;
        }
    }
    return n;
}

/* Python 3.11's builtins and the module attributes pyflakes knows,
   sorted (strcmp) for bsearch. */
static const char *const builtin_names[] = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException",
    "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError",
    "BytesWarning", "ChildProcessError", "ConnectionAbortedError",
    "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning",
    "EnvironmentError", "Exception", "ExceptionGroup", "False",
    "FileExistsError", "FileNotFoundError", "FloatingPointError",
    "FutureWarning", "GeneratorExit", "IOError", "ImportError",
    "ImportWarning", "IndentationError", "IndexError", "InterruptedError",
    "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError",
    "MemoryError", "ModuleNotFoundError", "NameError", "None",
    "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError",
    "OverflowError", "PendingDeprecationWarning", "PermissionError",
    "ProcessLookupError", "RecursionError", "ReferenceError",
    "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration",
    "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
    "SystemExit", "TabError", "TimeoutError", "True", "TypeError",
    "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
    "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning",
    "ValueError", "Warning", "WindowsError", "ZeroDivisionError",
    "__annotations__", "__build_class__", "__builtins__", "__cached__",
    "__debug__", "__doc__", "__file__", "__import__", "__loader__",
    "__module__", "__name__", "__package__", "__path__", "__qualname__",
    "__spec__", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool",
    "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod",
    "compile", "complex", "copyright", "credits", "delattr", "dict", "dir",
    "divmod", "enumerate", "eval", "exec", "exit", "filter", "float",
    "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help",
    "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len",
    "license", "list", "locals", "map", "max", "memoryview", "min", "next",
    "object", "oct", "open", "ord", "pow", "print", "property", "quit",
    "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted",
    "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
};

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* True when `name` is bound in `sc` or a scope around it, or a builtin:
   a read of anything else may come from a `from m import *`. */
static bool name_defined(ts_py_scope *sc, const char *name)
{
    for (ts_py_scope *s = sc; s != NULL; s = s->parent) {
        if (ts_py_scope_find(s, name) != NULL) {
            return true;
        }
    }
    return bsearch(&name, builtin_names,
                   sizeof(builtin_names) / sizeof(builtin_names[0]),
                   sizeof(builtin_names[0]), compare_names) != NULL;
}

/* A read of `name` from scope `sc` (second pass only). */
static void read_name(ts_py_ctx *cx, ts_py_scope *sc, const char *name)
{
    int32_t decl = ts_py_resolve(sc, name, false);
    if (decl >= 0) {
        pt_unit_decl(cx->unit, (uint32_t)decl)->reads++;
    } else if (!cx->undefined_read && !name_defined(sc, name)) {
        cx->undefined_read = true;
    }
}

/* The class scope whose method `sc` (or a function inside it) is. */
static ts_py_scope *self_class(ts_py_scope *sc, const char *obj)
{
    for (ts_py_scope *s = sc; s != NULL; s = s->parent) {
        if (s->kind == TS_PY_SCOPE_FUNCTION && s->self_name != NULL) {
            if (strcmp(s->self_name, obj) != 0) {
                return NULL;
            }
            return s->parent;
        }
    }
    return NULL;
}

/* self.<attr> as a target (write) or a load (read). */
static void self_attribute(ts_py_ctx *cx, ts_py_scope *sc, TSNode node,
                           bool store)
{
    TSNode obj = ts_py_field(node, "object");
    TSNode attr = ts_py_field(node, "attribute");
    if (!ts_py_is(obj, "identifier") || ts_node_is_null(attr)) {
        return;
    }
    ts_py_scope *cls = self_class(sc, ts_py_text(cx, obj));
    if (cls == NULL || cls->kind != TS_PY_SCOPE_CLASS) {
        return;
    }
    const char *name = ts_py_text(cx, attr);
    ts_py_name *names = cls->attrs.items;
    ts_py_name *n = NULL;
    for (uint32_t i = 0; i < cls->attrs.len; i++) {
        if (strcmp(names[i].name, name) == 0) {
            n = &names[i];
        }
    }
    if (cx->reading) {
        if (n != NULL && !store) {
            pt_unit_decl(cx->unit, (uint32_t)n->decl)->reads++;
        }
        return;
    }
    if (!store) {
        return;
    }
    if (n != NULL) {
        pt_unit_decl(cx->unit, (uint32_t)n->decl)->writes++;
        return;
    }
    n = pt_vec_push(cx->unit->arena, &cls->attrs, sizeof(ts_py_name));
    n->name = name;
    n->decl = ts_py_add_decl(cx, PT_DECL_ATTRIBUTE, attr, name, sc->function);
    pt_unit_decl(cx->unit, (uint32_t)n->decl)->scope = cls->class_name;
}

void ts_py_target(ts_py_ctx *cx, TSNode t, ts_py_scope *sc, int depth,
                  bool tuple, bool also_read)
{
    if (depth > TS_PY_MAX_DEPTH) {
        cx->overflow = true;
        return;
    }
    const char *type = ts_py_type(t);
    if (strcmp(type, "identifier") == 0) {
        const char *name = ts_py_text(cx, t);
        if (cx->reading) {
            if (also_read) {
                read_name(cx, sc, name);
            }
        } else {
            ts_py_bind(cx, sc, t, name, binding_kind(sc), tuple);
        }
    } else if (strcmp(type, "attribute") == 0) {
        walk(cx, ts_py_field(t, "object"), sc, depth + 1);
        self_attribute(cx, sc, t, true);
        if (also_read) {
            self_attribute(cx, sc, t, false);
        }
    } else if (strcmp(type, "subscript") == 0) {
        walk(cx, t, sc, depth + 1);
    } else if (strcmp(type, "parenthesized_expression") == 0 ||
               strcmp(type, "list_splat_pattern") == 0 ||
               strcmp(type, "list_splat") == 0) {
        uint32_t n = ts_py_nchild(t);
        for (uint32_t i = 0; i < n; i++) {
            ts_py_target(cx, ts_py_child(t, i), sc, depth + 1,
                         tuple, also_read);
        }
    } else if (strcmp(type, "pattern_list") == 0 ||
               strcmp(type, "tuple_pattern") == 0 ||
               strcmp(type, "list_pattern") == 0 ||
               strcmp(type, "tuple") == 0 || strcmp(type, "list") == 0 ||
               strcmp(type, "expression_list") == 0) {
        uint32_t n = ts_py_nchild(t);
        for (uint32_t i = 0; i < n; i++) {
            ts_py_target(cx, ts_py_child(t, i), sc, depth + 1, true,
                         also_read);
        }
    } else {
        walk(cx, t, sc, depth + 1);
    }
}

/* Strings of `__all__ = [...]` / `__all__ += [...]` read module names. */
static void all_reads(ts_py_ctx *cx, ts_py_scope *sc, TSNode value)
{
    if (!cx->reading || sc->kind != TS_PY_SCOPE_MODULE) {
        return;
    }
    value = ts_py_unparen(value);
    uint32_t n = ts_py_nchild(value);
    for (uint32_t i = 0; i < n; i++) {
        TSNode s = ts_py_child(value, i);
        if (!ts_py_is(s, "string") || ts_py_nchild(s) != 3) {
            continue;
        }
        TSNode content = ts_py_child(s, 1);
        if (ts_py_is(content, "string_content")) {
            read_name(cx, sc, ts_py_text(cx, content));
        }
    }
}

static bool is_sequence(TSNode n)
{
    return ts_py_is(n, "pattern_list") || ts_py_is(n, "tuple_pattern") ||
           ts_py_is(n, "list_pattern") || ts_py_is(n, "tuple") ||
           ts_py_is(n, "list") || ts_py_is(n, "expression_list");
}

/* True when `left = right` pairs targets and values one to one (a tuple
   or list literal of the same length, no starred item). */
static bool same_shape(TSNode left, TSNode right)
{
    if (ts_node_is_null(right) || !is_sequence(left) || !is_sequence(right) ||
        ts_node_named_child_count(left) != ts_node_named_child_count(right)) {
        return false;
    }
    uint32_t n = ts_node_named_child_count(right);
    for (uint32_t i = 0; i < n; i++) {
        TSNode a = ts_node_named_child(left, i);
        TSNode b = ts_node_named_child(right, i);
        if (ts_py_is(a, "list_splat_pattern") || ts_py_is(a, "list_splat") ||
            ts_py_is(b, "list_splat") || ts_py_is(a, "comment") ||
            ts_py_is(b, "comment")) {
            return false;
        }
    }
    return true;
}

static void walk_assignment(ts_py_ctx *cx, TSNode node, ts_py_scope *sc,
                            int depth, bool augmented)
{
    TSNode left = ts_py_field(node, "left");
    TSNode right = ts_py_field(node, "right");
    TSNode type = ts_py_field(node, "type");
    if (!ts_node_is_null(type)) {
        walk(cx, type, sc, depth + 1);
    }
    if (!ts_node_is_null(right)) {
        walk(cx, right, sc, depth + 1);
    }
    if (ts_node_is_null(left)) {
        return;
    }
    if (ts_py_is(left, "identifier") && !ts_node_is_null(right) &&
        strcmp(ts_py_text(cx, left), "__all__") == 0) {
        all_reads(cx, sc, right);
    }
    if (ts_node_is_null(right) && !augmented && ts_py_is(left, "identifier")) {
        return;                 /* `x: int` binds nothing pyflakes counts */
    }
    if (same_shape(left, right)) {
        /* `a, b = 1, 2` is two assignments to pyflakes, no unpacking */
        uint32_t n = ts_py_nchild(left);
        for (uint32_t i = 0; i < n; i++) {
            ts_py_target(cx, ts_py_child(left, i), sc, depth + 1, false,
                         augmented);
        }
        return;
    }
    ts_py_target(cx, left, sc, depth + 1, false, augmented);
}

static void walk_children(ts_py_ctx *cx, TSNode node, ts_py_scope *sc,
                          int depth)
{
    uint32_t n = ts_py_nchild(node);
    for (uint32_t i = 0; i < n; i++) {
        walk(cx, ts_py_child(node, i), sc, depth + 1);
    }
}

/* The entry of `name` in the nearest enclosing function scope, for
   `nonlocal name`, or NULL. */
static ts_py_name *nonlocal_target(ts_py_scope *sc, const char *name)
{
    for (ts_py_scope *s = sc->parent; s != NULL; s = s->parent) {
        if (s->kind == TS_PY_SCOPE_MODULE) {
            return NULL;
        }
        if (s->kind == TS_PY_SCOPE_CLASS) {
            continue;
        }
        ts_py_name *n = ts_py_scope_find(s, name);
        if (n != NULL) {
            return n;
        }
    }
    return NULL;
}

/* `global x` / `nonlocal x`: later bindings and reads of `x` here go to
   the module's (the enclosing function's) binding, and the statement
   itself counts as a use of it, as in pyflakes. */
static void walk_global(ts_py_ctx *cx, TSNode node, ts_py_scope *sc)
{
    if (sc->kind == TS_PY_SCOPE_MODULE) {
        return;
    }
    bool nonlocal = !ts_py_is(node, "global_statement");
    uint32_t n = ts_py_nchild(node);
    for (uint32_t i = 0; i < n; i++) {
        TSNode id = ts_py_child(node, i);
        if (!ts_py_is(id, "identifier")) {
            continue;
        }
        const char *name = ts_py_text(cx, id);
        if (cx->reading) {
            read_name(cx, sc, name);
            continue;
        }
        ts_py_name *e = ts_py_scope_find(sc, name);
        if (e == NULL) {
            e = pt_vec_push(cx->unit->arena, &sc->names, sizeof(ts_py_name));
            e->name = name;
            e->decl = -1;
        }
        ts_py_name *outer = nonlocal ? nonlocal_target(sc, name) : NULL;
        if (outer != NULL) {
            e->decl = outer->decl;
            e->is_global = outer->is_global;
            continue;
        }
        e->is_global = true;
        if (!nonlocal) {
            ts_py_name *g = ts_py_scope_find(cx->module, name);
            if (g != NULL && g->decl >= 0) {
                pt_unit_decl(cx->unit, (uint32_t)g->decl)->is_global_stmt =
                    true;
            }
        }
    }
}

/* Comprehensions: a scope of their own, bound by the for-in targets. */
static void walk_comprehension(ts_py_ctx *cx, TSNode node, ts_py_scope *sc,
                               int depth)
{
    ts_py_scope *inner = ts_py_scope_open(cx, sc, TS_PY_SCOPE_OTHER, node);
    uint32_t n = ts_py_nchild(node);
    for (uint32_t i = 0; i < n; i++) {
        TSNode c = ts_py_child(node, i);
        if (ts_py_is(c, "for_in_clause")) {
            walk(cx, ts_py_field(c, "right"), inner, depth + 1);
            TSNode more = ts_py_next(ts_py_field(c, "right"));
            for (; !ts_node_is_null(more);
                 more = ts_py_next(more)) {
                walk(cx, more, inner, depth + 1);
            }
            ts_py_target(cx, ts_py_field(c, "left"), inner, depth + 1, true,
                         false);
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        TSNode c = ts_py_child(node, i);
        if (!ts_py_is(c, "for_in_clause")) {
            walk(cx, c, inner, depth + 1);
        }
    }
}

static bool is_comprehension(const char *type)
{
    return strcmp(type, "list_comprehension") == 0 ||
           strcmp(type, "set_comprehension") == 0 ||
           strcmp(type, "dictionary_comprehension") == 0 ||
           strcmp(type, "generator_expression") == 0;
}

/* Statements and expressions that bind or need special walking. */
static bool walk_special(ts_py_ctx *cx, TSNode node, const char *type,
                         ts_py_scope *sc, int depth)
{
    if (strcmp(type, "function_definition") == 0) {
        ts_py_walk_def(cx, node, sc, depth);
    } else if (strcmp(type, "class_definition") == 0) {
        ts_py_walk_class(cx, node, sc, depth);
    } else if (strcmp(type, "lambda") == 0) {
        ts_py_walk_lambda(cx, node, sc, depth);
    } else if (strcmp(type, "decorated_definition") == 0) {
        walk_children(cx, node, sc, depth);
    } else if (is_comprehension(type)) {
        walk_comprehension(cx, node, sc, depth);
    } else if (strcmp(type, "import_statement") == 0 ||
               strcmp(type, "import_from_statement") == 0 ||
               strcmp(type, "future_import_statement") == 0) {
        ts_py_walk_import(cx, node, sc);
    } else if (strcmp(type, "global_statement") == 0 ||
               strcmp(type, "nonlocal_statement") == 0) {
        walk_global(cx, node, sc);
    } else if (strcmp(type, "assignment") == 0) {
        walk_assignment(cx, node, sc, depth, false);
    } else if (strcmp(type, "augmented_assignment") == 0) {
        walk_assignment(cx, node, sc, depth, true);
    } else {
        return ts_py_walk_binding_stmt(cx, node, type, sc, depth);
    }
    return true;
}

bool ts_py_walk_binding_stmt(ts_py_ctx *cx, TSNode node, const char *type,
                             ts_py_scope *sc, int depth)
{
    if (strcmp(type, "for_statement") == 0) {
        walk(cx, ts_py_field(node, "right"), sc, depth + 1);
        ts_py_target(cx, ts_py_field(node, "left"), sc, depth + 1, true,
                     false);
        walk(cx, ts_py_field(node, "body"), sc, depth + 1);
        walk(cx, ts_py_field(node, "alternative"), sc, depth + 1);
    } else if (strcmp(type, "as_pattern") == 0 &&
               !ts_py_is(ts_py_parent(node), "case_pattern")) {
        walk(cx, ts_py_child(node, 0), sc, depth + 1);
        TSNode alias = ts_py_field(node, "alias");
        TSNode target = ts_py_child(alias, 0);
        if (!ts_node_is_null(target)) {
            /* `with f() as x` and `except E as x` bind like `x = ...`
               (pyflakes reports them); `as (a, b)` unpacks */
            ts_py_target(cx, target, sc, depth + 1, false, false);
        }
    } else if (strcmp(type, "except_clause") == 0) {
        walk(cx, ts_py_field(node, "value"), sc, depth + 1);
        TSNode alias = ts_py_field(node, "alias");
        if (!ts_node_is_null(alias)) {
            ts_py_target(cx, alias, sc, depth + 1, false, false);
        }
        uint32_t n = ts_py_nchild(node);
        for (uint32_t i = 0; i < n; i++) {
            TSNode c = ts_py_child(node, i);
            if (ts_py_is(c, "block")) {
                walk(cx, c, sc, depth + 1);
            }
        }
    } else if (strcmp(type, "named_expression") == 0) {
        walk(cx, ts_py_field(node, "value"), sc, depth + 1);
        ts_py_scope *target = sc;
        while (target->kind == TS_PY_SCOPE_OTHER && target->parent != NULL &&
               !ts_py_is(target->node, "lambda")) {
            target = target->parent;
        }
        ts_py_target(cx, ts_py_field(node, "name"), target, depth + 1, false,
                     false);
    } else if (strcmp(type, "keyword_argument") == 0) {
        walk(cx, ts_py_field(node, "value"), sc, depth + 1);
    } else if (strcmp(type, "attribute") == 0) {
        walk(cx, ts_py_field(node, "object"), sc, depth + 1);
        self_attribute(cx, sc, node, false);
    } else if (strcmp(type, "case_pattern") == 0 ||
               strcmp(type, "string_content") == 0 ||
               strcmp(type, "escape_sequence") == 0) {
        /* captures and text: nothing read */
    } else {
        return false;
    }
    return true;
}

static void walk(ts_py_ctx *cx, TSNode node, ts_py_scope *sc, int depth)
{
    if (ts_node_is_null(node)) {
        return;
    }
    if (depth > TS_PY_MAX_DEPTH) {
        cx->overflow = true;
        return;
    }
    const char *type = ts_py_type(node);
    if (strcmp(type, "identifier") == 0) {
        if (cx->reading) {
            read_name(cx, sc, ts_py_text(cx, node));
        }
        return;
    }
    if (strcmp(type, "comment") == 0 || walk_special(cx, node, type, sc,
                                                     depth)) {
        return;
    }
    walk_children(cx, node, sc, depth);
}

void ts_py_walk(ts_py_ctx *cx, TSNode node, ts_py_scope *sc, int depth)
{
    walk(cx, node, sc, depth);
}

void ts_py_scopes_build(ts_py_ctx *cx, TSNode root)
{
    cx->module = ts_py_scope_open(cx, NULL, TS_PY_SCOPE_MODULE, root);
    walk_children(cx, root, cx->module, 0);
    cx->reading = true;
    cx->next_scope = 1;
    walk_children(cx, root, cx->module, 0);
    if (!cx->undefined_read) {
        return;
    }
    /* pyflakes: a name bound nowhere may come from any star import, so
       each counts as used */
    for (uint32_t i = 0; i < cx->unit->decls.len; i++) {
        pt_decl *d = pt_unit_decl(cx->unit, i);
        if (d->kind == PT_DECL_IMPORT && strcmp(d->name, "*") == 0) {
            d->reads++;
        }
    }
}
