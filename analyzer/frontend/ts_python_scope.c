/*
 * ts_python_scope.c - Python scopes as pyflakes sees them: bindings become
 * decls (first pass), loads are counted as reads of the binding they
 * resolve to (second pass, same traversal order).
 */
#include "frontend/ts_python_int.h"

#include <ctype.h>
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
    case TS_PY_SCOPE_CLASS:
        return PT_DECL_ATTRIBUTE;       /* a class attribute */
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
            if (kind == PT_DECL_ATTRIBUTE) {
                d->detail = "class";    /* bound in the class body */
            }
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
    TSNode obj = ts_py_field(node, TS_PY_F_object);
    TSNode attr = ts_py_field(node, TS_PY_F_attribute);
    if (!ts_py_is(obj, TS_PY_K_identifier) || ts_node_is_null(attr)) {
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
    ts_py_kind type = ts_py_kind_of(t);
    if (type == TS_PY_K_identifier) {
        const char *name = ts_py_text(cx, t);
        if (cx->reading) {
            if (also_read) {
                read_name(cx, sc, name);
            }
        } else {
            ts_py_bind(cx, sc, t, name, binding_kind(sc), tuple);
        }
    } else if (type == TS_PY_K_attribute) {
        walk(cx, ts_py_field(t, TS_PY_F_object), sc, depth + 1);
        self_attribute(cx, sc, t, true);
        if (also_read) {
            self_attribute(cx, sc, t, false);
        }
    } else if (type == TS_PY_K_parenthesized_expression ||
               type == TS_PY_K_list_splat_pattern ||
               type == TS_PY_K_list_splat) {
        ts_py_it it = ts_py_kids(cx, t, true);
        for (TSNode c; ts_py_it_next(&it, &c);) {
            ts_py_target(cx, c, sc, depth + 1, tuple, also_read);
        }
        ts_py_it_done(&it);
    } else if (type == TS_PY_K_pattern_list || type == TS_PY_K_tuple_pattern ||
               type == TS_PY_K_list_pattern || type == TS_PY_K_tuple ||
               type == TS_PY_K_list || type == TS_PY_K_expression_list) {
        ts_py_it it = ts_py_kids(cx, t, true);
        for (TSNode c; ts_py_it_next(&it, &c);) {
            ts_py_target(cx, c, sc, depth + 1, true, also_read);
        }
        ts_py_it_done(&it);
    } else {
        walk(cx, t, sc, depth + 1);     /* a subscript, or any expression */
    }
}

/* Strings of `__all__ = [...]` / `__all__ += [...]` read module names. */
static void all_reads(ts_py_ctx *cx, ts_py_scope *sc, TSNode value)
{
    if (!cx->reading || sc->kind != TS_PY_SCOPE_MODULE) {
        return;
    }
    value = ts_py_unparen(value);
    ts_py_it it = ts_py_kids(cx, value, true);
    for (TSNode s; ts_py_it_next(&it, &s);) {
        if (!ts_py_is(s, TS_PY_K_string) || ts_py_nchild(s) != 3) {
            continue;
        }
        TSNode content = ts_py_child(s, 1);
        if (ts_py_is(content, TS_PY_K_string_content)) {
            read_name(cx, sc, ts_py_text(cx, content));
        }
    }
    ts_py_it_done(&it);
}

static bool is_sequence(TSNode n)
{
    switch (ts_py_kind_of(n)) {
    case TS_PY_K_pattern_list:
    case TS_PY_K_tuple_pattern:
    case TS_PY_K_list_pattern:
    case TS_PY_K_tuple:
    case TS_PY_K_list:
    case TS_PY_K_expression_list:
        return true;
    default:
        return false;
    }
}

/* True when `left = right` pairs targets and values one to one (a tuple
   or list literal of the same length, no starred item). */
static bool same_shape(ts_py_ctx *cx, TSNode left, TSNode right)
{
    if (ts_node_is_null(right) || !is_sequence(left) || !is_sequence(right) ||
        ts_node_named_child_count(left) != ts_node_named_child_count(right)) {
        return false;
    }
    bool same = true;
    ts_py_it ia = ts_py_kids(cx, left, true);
    ts_py_it ib = ts_py_kids(cx, right, true);
    TSNode a;
    TSNode b;
    while (same && ts_py_it_next(&ia, &a) && ts_py_it_next(&ib, &b)) {
        ts_py_kind ka = ts_py_kind_of(a);
        ts_py_kind kb = ts_py_kind_of(b);
        if (ka == TS_PY_K_list_splat_pattern || ka == TS_PY_K_list_splat ||
            kb == TS_PY_K_list_splat || ka == TS_PY_K_comment ||
            kb == TS_PY_K_comment) {
            same = false;
        }
    }
    ts_py_it_done(&ib);
    ts_py_it_done(&ia);
    return same;
}

static void walk_assignment(ts_py_ctx *cx, TSNode node, ts_py_scope *sc,
                            int depth, bool augmented)
{
    TSNode left = ts_py_field(node, TS_PY_F_left);
    TSNode right = ts_py_field(node, TS_PY_F_right);
    TSNode type = ts_py_field(node, TS_PY_F_type);
    if (!ts_node_is_null(type)) {
        walk(cx, type, sc, depth + 1);
    }
    if (!ts_node_is_null(right)) {
        walk(cx, right, sc, depth + 1);
    }
    if (ts_node_is_null(left)) {
        return;
    }
    if (ts_py_is(left, TS_PY_K_identifier) && !ts_node_is_null(right) &&
        strcmp(ts_py_text(cx, left), "__all__") == 0) {
        all_reads(cx, sc, right);
    }
    if (ts_node_is_null(right) && !augmented && ts_py_is(left, TS_PY_K_identifier)) {
        return;                 /* `x: int` binds nothing pyflakes counts */
    }
    if (same_shape(cx, left, right)) {
        /* `a, b = 1, 2` is two assignments to pyflakes, no unpacking */
        ts_py_it it = ts_py_kids(cx, left, true);
        for (TSNode c; ts_py_it_next(&it, &c);) {
            ts_py_target(cx, c, sc, depth + 1, false, augmented);
        }
        ts_py_it_done(&it);
        return;
    }
    ts_py_target(cx, left, sc, depth + 1, false, augmented);
}

static void walk_children(ts_py_ctx *cx, TSNode node, ts_py_scope *sc,
                          int depth)
{
    ts_py_it it = ts_py_kids(cx, node, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        walk(cx, c, sc, depth + 1);
    }
    ts_py_it_done(&it);
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

/* The nearest function scope enclosing sc, or NULL. */
static ts_py_scope *enclosing_function(ts_py_scope *sc)
{
    for (ts_py_scope *s = sc->parent; s != NULL; s = s->parent) {
        if (s->kind == TS_PY_SCOPE_FUNCTION) {
            return s;
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
    bool nonlocal = !ts_py_is(node, TS_PY_K_global_statement);
    ts_py_it it = ts_py_kids(cx, node, true);
    for (TSNode id; ts_py_it_next(&it, &id);) {
        if (!ts_py_is(id, TS_PY_K_identifier)) {
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
        ts_py_scope *owner = nonlocal ? enclosing_function(sc) : NULL;
        if (outer == NULL && owner != NULL) {
            /* the enclosing function binds it further down (a nested def
               comes first): bind it there now; that binding takes this
               one's place when the walk meets it */
            outer = ts_py_bind(cx, owner, id, name, PT_DECL_LOCAL, false);
        }
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
    ts_py_it_done(&it);
}

/* Comprehensions: a scope of their own, bound by the for-in targets. */
static void walk_comprehension(ts_py_ctx *cx, TSNode node, ts_py_scope *sc,
                               int depth)
{
    ts_py_scope *inner = ts_py_scope_open(cx, sc, TS_PY_SCOPE_OTHER, node);
    ts_py_it it = ts_py_kids(cx, node, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        if (ts_py_is(c, TS_PY_K_for_in_clause)) {
            /* the first `right` and the named children after it */
            TSNode right = ts_py_field(c, TS_PY_F_right);
            walk(cx, right, inner, depth + 1);
            bool after = false;
            ts_py_it more = ts_py_kids(cx, ts_node_is_null(right)
                                               ? right : c, true);
            for (TSNode m; ts_py_it_next(&more, &m);) {
                if (after) {
                    walk(cx, m, inner, depth + 1);
                } else {
                    after = ts_node_eq(m, right);
                }
            }
            ts_py_it_done(&more);
            ts_py_target(cx, ts_py_field(c, TS_PY_F_left), inner, depth + 1,
                         true, false);
        }
    }
    ts_py_it_done(&it);
    it = ts_py_kids(cx, node, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        if (!ts_py_is(c, TS_PY_K_for_in_clause)) {
            walk(cx, c, inner, depth + 1);
        }
    }
    ts_py_it_done(&it);
}

static bool is_comprehension(ts_py_kind type)
{
    return type == TS_PY_K_list_comprehension ||
           type == TS_PY_K_set_comprehension ||
           type == TS_PY_K_dictionary_comprehension ||
           type == TS_PY_K_generator_expression;
}

/* Statements and expressions that bind or need special walking. */
static bool walk_special(ts_py_ctx *cx, TSNode node, ts_py_kind type,
                         ts_py_scope *sc, int depth)
{
    if (type == TS_PY_K_function_definition) {
        ts_py_walk_def(cx, node, sc, depth);
    } else if (type == TS_PY_K_class_definition) {
        ts_py_walk_class(cx, node, sc, depth);
    } else if (type == TS_PY_K_lambda) {
        ts_py_walk_lambda(cx, node, sc, depth);
    } else if (type == TS_PY_K_decorated_definition) {
        walk_children(cx, node, sc, depth);
    } else if (is_comprehension(type)) {
        walk_comprehension(cx, node, sc, depth);
    } else if (type == TS_PY_K_import_statement ||
               type == TS_PY_K_import_from_statement ||
               type == TS_PY_K_future_import_statement) {
        ts_py_walk_import(cx, node, sc);
    } else if (type == TS_PY_K_global_statement ||
               type == TS_PY_K_nonlocal_statement) {
        walk_global(cx, node, sc);
    } else if (type == TS_PY_K_assignment) {
        walk_assignment(cx, node, sc, depth, false);
    } else if (type == TS_PY_K_augmented_assignment) {
        walk_assignment(cx, node, sc, depth, true);
    } else {
        return ts_py_walk_binding_stmt(cx, node, type, sc, depth);
    }
    return true;
}

/* The caught expression of an except clause (without its `as`), or a
   null node. */
static TSNode handler_type(TSNode clause)
{
    TSNode v = ts_py_field(clause, TS_PY_F_value);
    if (ts_node_is_null(v) && ts_py_is(clause, TS_PY_K_except_group_clause) &&
        !ts_py_is(ts_py_child(clause, 0), TS_PY_K_block)) {
        v = ts_py_child(clause, 0);
    }
    return ts_py_is(v, TS_PY_K_as_pattern) ? ts_py_child(v, 0) : v;
}

/* The `as` target of an except clause, or a null node. */
static TSNode handler_alias(TSNode clause)
{
    TSNode v = ts_py_field(clause, TS_PY_F_value);
    if (ts_node_is_null(v) && ts_py_is(clause, TS_PY_K_except_group_clause)) {
        v = ts_py_child(clause, 0);
    }
    if (ts_py_is(v, TS_PY_K_as_pattern)) {
        return ts_py_child(ts_py_field(v, TS_PY_F_alias), 0);
    }
    return ts_py_field(clause, TS_PY_F_alias);
}

static void walk_blocks(ts_py_ctx *cx, TSNode node, ts_py_scope *sc,
                        int depth)
{
    ts_py_it it = ts_py_kids(cx, node, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        if (ts_py_is(c, TS_PY_K_block)) {
            walk(cx, c, sc, depth + 1);
        }
    }
    ts_py_it_done(&it);
}

enum { NO_ENTRY = -2 };         /* the scope did not bind the name */

/* Gives `name` in `sc` the handler's decl; returns what it had. */
static int32_t handler_enter(ts_py_ctx *cx, ts_py_scope *sc,
                             const char *name, int32_t decl)
{
    ts_py_name *n = ts_py_scope_find(sc, name);
    int32_t saved = n != NULL ? n->decl : NO_ENTRY;
    if (n == NULL) {
        n = pt_vec_push(cx->unit->arena, &sc->names, sizeof(ts_py_name));
        n->name = name;
    }
    n->decl = decl;
    return saved;
}

/* Puts back what `name` had before the handler (found again: the body
   may have grown the scope's names). */
static void handler_leave(ts_py_scope *sc, const char *name, int32_t saved)
{
    ts_py_name *n = ts_py_scope_find(sc, name);
    if (n == NULL) {
        return;
    }
    if (saved == NO_ENTRY) {
        n->name = "";           /* unbound again: a later binding is new */
    } else {
        n->decl = saved;
    }
}

/* `except E as name:` binds `name` for the handler alone: Python unbinds
   it when the handler ends, and pyflakes judges each handler's binding on
   its own (F841 in any scope).  So the binding is a decl of its own, a
   LOCAL (function -1 outside functions), read by the handler's body only;
   the scope's other binding of the name, if any, is back after it.  A
   scope of kind OTHER that nothing walks holds the handler's decl, so the
   read pass (which re-enters scopes in order) finds it again. */
static void walk_handler(ts_py_ctx *cx, TSNode node, ts_py_scope *sc,
                         int depth)
{
    walk(cx, handler_type(node), sc, depth + 1);
    TSNode alias = handler_alias(node);
    if (ts_node_is_null(alias)) {
        walk_blocks(cx, node, sc, depth);
        return;
    }
    ts_py_scope *memo = ts_py_scope_open(cx, sc, TS_PY_SCOPE_OTHER, node);
    const char *name = ts_py_text(cx, alias);
    ts_py_name *n = ts_py_scope_find(sc, name);
    bool own = memo != sc && ts_py_is(alias, TS_PY_K_identifier) &&
               (n == NULL || !n->is_global);
    if (own && !cx->reading) {
        ts_py_name *m = pt_vec_push(cx->unit->arena, &memo->names,
                                    sizeof(ts_py_name));
        m->name = name;
        m->decl = ts_py_add_decl(cx, PT_DECL_LOCAL, alias, name,
                                 sc->function);
    }
    if (!own || memo->names.len == 0) {
        ts_py_target(cx, alias, sc, depth + 1, false, false);
        walk_blocks(cx, node, sc, depth);
        return;
    }
    int32_t decl = ((ts_py_name *)memo->names.items)[0].decl;
    int32_t saved = handler_enter(cx, sc, name, decl);
    walk_blocks(cx, node, sc, depth);
    handler_leave(sc, name, saved);
}

bool ts_py_walk_binding_stmt(ts_py_ctx *cx, TSNode node, ts_py_kind type,
                             ts_py_scope *sc, int depth)
{
    if (type == TS_PY_K_for_statement) {
        walk(cx, ts_py_field(node, TS_PY_F_right), sc, depth + 1);
        ts_py_target(cx, ts_py_field(node, TS_PY_F_left), sc, depth + 1, true,
                     false);
        walk(cx, ts_py_field(node, TS_PY_F_body), sc, depth + 1);
        walk(cx, ts_py_field(node, TS_PY_F_alternative), sc, depth + 1);
    } else if (type == TS_PY_K_as_pattern &&
               !ts_py_is(ts_py_parent(node), TS_PY_K_case_pattern)) {
        walk(cx, ts_py_child(node, 0), sc, depth + 1);
        TSNode alias = ts_py_field(node, TS_PY_F_alias);
        TSNode target = ts_py_child(alias, 0);
        if (!ts_node_is_null(target)) {
            /* `with f() as x` and `except E as x` bind like `x = ...`
               (pyflakes reports them); `as (a, b)` unpacks */
            ts_py_target(cx, target, sc, depth + 1, false, false);
        }
    } else if (type == TS_PY_K_except_clause ||
               type == TS_PY_K_except_group_clause) {
        walk_handler(cx, node, sc, depth);
    } else if (type == TS_PY_K_named_expression) {
        walk(cx, ts_py_field(node, TS_PY_F_value), sc, depth + 1);
        ts_py_scope *target = sc;
        while (target->kind == TS_PY_SCOPE_OTHER && target->parent != NULL &&
               !ts_py_is(target->node, TS_PY_K_lambda)) {
            target = target->parent;
        }
        ts_py_target(cx, ts_py_field(node, TS_PY_F_name), target, depth + 1, false,
                     false);
    } else if (type == TS_PY_K_keyword_argument) {
        walk(cx, ts_py_field(node, TS_PY_F_value), sc, depth + 1);
    } else if (type == TS_PY_K_attribute) {
        walk(cx, ts_py_field(node, TS_PY_F_object), sc, depth + 1);
        self_attribute(cx, sc, node, false);
    } else if (type == TS_PY_K_case_pattern ||
               type == TS_PY_K_string_content ||
               type == TS_PY_K_escape_sequence) {
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
    ts_py_kind type = ts_py_kind_of(node);
    if (type == TS_PY_K_identifier) {
        if (cx->reading) {
            read_name(cx, sc, ts_py_text(cx, node));
        }
        return;
    }
    if (type == TS_PY_K_comment || walk_special(cx, node, type, sc, depth)) {
        return;
    }
    walk_children(cx, node, sc, depth);
}

void ts_py_walk(ts_py_ctx *cx, TSNode node, ts_py_scope *sc, int depth)
{
    walk(cx, node, sc, depth);
}

/* After the read pass: a name bound only by except handlers is still a
   variable of its scope to the CFG walk (which asks ts_py_resolve). */
static void handlers_rebind(ts_py_ctx *cx)
{
    ts_py_scope **all = cx->scopes.items;
    for (uint32_t i = 0; i < cx->scopes.len; i++) {
        ts_py_scope *s = all[i];
        bool handler = ts_py_is(s->node, TS_PY_K_except_clause) ||
                       ts_py_is(s->node, TS_PY_K_except_group_clause);
        if (!handler || s->names.len == 0) {
            continue;
        }
        ts_py_name *own = s->names.items;
        if (ts_py_scope_find(s->parent, own->name) == NULL) {
            handler_enter(cx, s->parent, own->name, own->decl);
        }
    }
}

/* Each identifier of `text` that is not after a dot reads the module's
   binding of that name. */
static void read_type_names(ts_py_ctx *cx, const char *text)
{
    for (const char *p = text; *p != '\0';) {
        if (!isalpha((unsigned char)*p) && *p != '_') {
            p++;
            continue;
        }
        const char *start = p;
        while (isalnum((unsigned char)*p) || *p == '_') {
            p++;
        }
        if (start > text && start[-1] == '.') {
            continue;           /* an attribute: typing.List reads typing */
        }
        const char *name = pt_arena_strndup(cx->unit->arena, start,
                                            (size_t)(p - start));
        int32_t decl = ts_py_resolve(cx->module, name, false);
        if (decl >= 0) {
            pt_unit_decl(cx->unit, (uint32_t)decl)->reads++;
        }
    }
}

/*
 * PEP 484 type comments (`x = []  # type: List[Provider]`, a def's
 * `# type: (str) -> None`) use the names they spell, as pyflakes counts
 * them.  `# type: ignore` names nothing.
 */
static void type_comment_reads(ts_py_ctx *cx)
{
    static const char prefix[] = "# type:";
    const pt_comment *comments = cx->unit->comments.items;
    for (uint32_t i = 0; i < cx->unit->comments.len; i++) {
        const char *p = comments[i].text;
        if (p == NULL || strncmp(p, prefix, sizeof(prefix) - 1) != 0) {
            continue;
        }
        p += sizeof(prefix) - 1;
        p += strspn(p, " \t");
        if (strncmp(p, "ignore", 6) != 0) {
            read_type_names(cx, p);
        }
    }
}

void ts_py_scopes_build(ts_py_ctx *cx, TSNode root)
{
    cx->module = ts_py_scope_open(cx, NULL, TS_PY_SCOPE_MODULE, root);
    walk_children(cx, root, cx->module, 0);
    cx->reading = true;
    cx->next_scope = 1;
    walk_children(cx, root, cx->module, 0);
    handlers_rebind(cx);
    type_comment_reads(cx);
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
