/*
 * test_frontend_python.c - the tree-sitter Python frontend on snippets:
 * decls and read counts (pyflakes semantics), lines, events, try/finally
 * and with-lock exits, conditions, mccabe decisions, broken input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "frontend/frontend.h"

static pt_unit *parse(const char *text)
{
    pt_frontend_options options = {0};
    pt_unit *u = pt_parse_python("t.py", text, strlen(text), &options);
    assert_non_null(u);
    return u;
}

/* The first decl of `kind` named `name`, failing the test if absent. */
static pt_decl *decl(pt_unit *u, pt_decl_kind kind, const char *name)
{
    for (uint32_t i = 0; i < u->decls.len; i++) {
        pt_decl *d = pt_unit_decl(u, i);
        if (d->kind == kind && strcmp(d->name, name) == 0) {
            return d;
        }
    }
    fail_msg("no decl %s", name);
    return NULL;
}

static pt_function *function(pt_unit *u, const char *name)
{
    for (uint32_t i = 0; i < u->functions.len; i++) {
        if (strcmp(pt_unit_function(u, i)->name, name) == 0) {
            return pt_unit_function(u, i);
        }
    }
    fail_msg("no function %s", name);
    return NULL;
}

/* Counts events of `kind` (named `name` when not NULL) in `fn`. */
static unsigned count_events(pt_function *fn, pt_event_kind kind,
                             const char *name, bool implicit_only)
{
    unsigned n = 0;
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        pt_block *blk = pt_function_block(fn, b);
        for (uint32_t i = 0; i < blk->events.len; i++) {
            pt_event *e = pt_block_event(blk, i);
            if (e->kind == kind && (name == NULL || (e->name != NULL &&
                                    strcmp(e->name, name) == 0)) &&
                (!implicit_only || e->implicit)) {
                n++;
            }
        }
    }
    return n;
}

static void test_imports_and_reads(void **state)
{
    (void)state;
    pt_unit *u = parse("import os, sys\n"
                       "import a.b.c\n"
                       "from x.y import z as w, v\n"
                       "__all__ = ['v']\n"
                       "def f(p, q: int = 1):\n"
                       "    n = os.sep\n"
                       "    unused = 2\n"
                       "    t, u = p, q\n"
                       "    r, s = divmod(p, q)\n"
                       "    def g():\n"
                       "        return n\n"
                       "    return g\n");
    assert_int_equal(decl(u, PT_DECL_IMPORT, "os")->reads, 1);
    assert_int_equal(decl(u, PT_DECL_IMPORT, "sys")->reads, 0);
    assert_string_equal(decl(u, PT_DECL_IMPORT, "a")->detail, "a.b.c");
    assert_string_equal(decl(u, PT_DECL_IMPORT, "w")->detail, "x.y.z");
    assert_int_equal(decl(u, PT_DECL_IMPORT, "v")->reads, 1);
    assert_int_equal(decl(u, PT_DECL_LOCAL, "n")->reads, 1);
    assert_int_equal(decl(u, PT_DECL_LOCAL, "unused")->reads, 0);
    assert_false(decl(u, PT_DECL_LOCAL, "unused")->is_tuple_target);
    /* `t, u = p, q` is two plain assignments to pyflakes */
    assert_false(decl(u, PT_DECL_LOCAL, "t")->is_tuple_target);
    assert_true(decl(u, PT_DECL_LOCAL, "r")->is_tuple_target);
    assert_true(decl(u, PT_DECL_PARAM, "q")->has_type);
    assert_false(decl(u, PT_DECL_PARAM, "p")->has_type);
    assert_true(function(u, "g")->is_nested);
    pt_unit_free(u);
}

static void test_scopes(void **state)
{
    (void)state;
    pt_unit *u = parse("counter = 0\n"
                       "def f(items):\n"
                       "    global counter\n"
                       "    counter += 1\n"
                       "    for i in items:\n"
                       "        pass\n"
                       "    with open('x') as fh:\n"
                       "        pass\n"
                       "    try:\n"
                       "        pass\n"
                       "    except OSError as e:\n"
                       "        pass\n"
                       "    return [k for k in items], lambda y: y\n");
    /* `counter += 1`, and the `global` statement itself (pyflakes) */
    assert_int_equal(decl(u, PT_DECL_GLOBAL, "counter")->reads, 2);
    assert_true(decl(u, PT_DECL_GLOBAL, "counter")->is_global_stmt);
    assert_true(decl(u, PT_DECL_LOCAL, "i")->is_tuple_target);
    /* `with ... as fh` binds like an assignment (pyflakes F841) */
    assert_false(decl(u, PT_DECL_LOCAL, "fh")->is_tuple_target);
    assert_false(decl(u, PT_DECL_LOCAL, "e")->is_tuple_target);
    assert_int_equal(decl(u, PT_DECL_PARAM, "items")->reads, 2);
    for (uint32_t i = 0; i < u->decls.len; i++) {
        const char *n = pt_unit_decl(u, i)->name;
        assert_true(strcmp(n, "k") != 0 && strcmp(n, "y") != 0);
        assert_false(pt_unit_decl(u, i)->kind == PT_DECL_LOCAL &&
                     strcmp(n, "counter") == 0);
    }
    pt_unit_free(u);
}

static void test_class_and_attributes(void **state)
{
    (void)state;
    pt_unit *u = parse("class C:\n"
                       "    '''Doc.'''\n"
                       "    def __init__(self):\n"
                       "        self._x = 1\n"
                       "    @property\n"
                       "    def x(self) -> int:\n"
                       "        return self._x\n");
    pt_decl *cls = decl(u, PT_DECL_CLASS, "C");
    assert_non_null(cls->doc);
    pt_decl *attr = decl(u, PT_DECL_ATTRIBUTE, "_x");
    assert_string_equal(attr->scope, "C");
    assert_int_equal(attr->reads, 1);
    pt_decl *x = decl(u, PT_DECL_METHOD, "x");
    assert_true(x->is_property);
    assert_true(function(u, "x")->returns_annotated);
    assert_false(function(u, "__init__")->is_public);
    pt_unit_free(u);
}

static void test_with_lock_exits(void **state)
{
    (void)state;
    pt_unit *u = parse("def f(self, k):\n"
                       "    with self._lock:\n"
                       "        if k:\n"
                       "            return 1\n"
                       "        raise KeyError(k)\n");
    pt_function *fn = function(u, "f");
    assert_int_equal(count_events(fn, PT_EV_ACQUIRE, "self._lock", false),
                     1);
    /* one on the return path, one on the exception landing */
    assert_int_equal(count_events(fn, PT_EV_RELEASE, "self._lock", true), 2);
    assert_int_equal(count_events(fn, PT_EV_RAISE, "KeyError", false), 1);
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        pt_block *blk = pt_function_block(fn, b);
        if (blk->term == PT_TERM_RAISE && blk->handler < 0) {
            pt_event *last = pt_block_event(blk, blk->events.len - 1);
            assert_int_equal(last->kind, PT_EV_RELEASE);
        }
    }
    pt_unit_free(u);
}

static void test_try_finally(void **state)
{
    (void)state;
    pt_unit *u = parse("def f(l):\n"
                       "    l.acquire()\n"
                       "    try:\n"
                       "        if l:\n"
                       "            return 1\n"
                       "    except ValueError:\n"
                       "        pass\n"
                       "    finally:\n"
                       "        l.release()\n");
    pt_function *fn = function(u, "f");
    assert_int_equal(fn->try_regions.len, 1);
    pt_try_region *r = pt_function_try(fn, 0);
    assert_true(r->has_finally);
    assert_int_equal(r->ncaught, 1);
    assert_string_equal(r->caught[0], "ValueError");
    assert_int_equal(count_events(fn, PT_EV_ACQUIRE, "l", false), 1);
    /* normal path, return path copy, exception landing copy */
    assert_int_equal(count_events(fn, PT_EV_RELEASE, "l", false), 3);
    assert_int_equal(count_events(fn, PT_EV_RELEASE, "l", true), 2);
    assert_int_equal(fn->decisions, 3);
    pt_unit_free(u);
}

/* The branch block whose condition is at line `line`. */
static pt_block *branch_at(pt_function *fn, uint32_t line)
{
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        pt_block *blk = pt_function_block(fn, b);
        if (blk->term == PT_TERM_BRANCH && blk->cond.loc.line == line) {
            return blk;
        }
    }
    fail_msg("no branch at %u", line);
    return NULL;
}

static void test_conditions(void **state)
{
    (void)state;
    pt_unit *u = parse("def f(x, d, k):\n"
                       "    if x is None:\n"
                       "        return 0\n"
                       "    if not isinstance(x, int):\n"
                       "        return 1\n"
                       "    if k not in d:\n"
                       "        return 2\n"
                       "    if len(x) > 3:\n"
                       "        return 3\n"
                       "    return 4\n");
    pt_function *fn = function(u, "f");
    pt_block *b = branch_at(fn, 2);
    assert_int_equal(b->cond.kind, PT_TEST_NOT_NULL);
    assert_string_equal(b->cond.subject, "x");
    /* swapped: the true edge (not None) skips the return */
    pt_block *ret = pt_function_block(fn, b->succ[1]);
    assert_int_equal(ret->term, PT_TERM_RETURN);
    b = branch_at(fn, 4);
    assert_int_equal(b->cond.kind, PT_TEST_ISINSTANCE);
    assert_int_equal(pt_function_block(fn, b->succ[1])->term,
                     PT_TERM_RETURN);
    b = branch_at(fn, 6);
    assert_int_equal(b->cond.kind, PT_TEST_CONTAINS);
    assert_string_equal(b->cond.subject, "k");
    assert_string_equal(b->cond.callee, "d");
    b = branch_at(fn, 8);
    assert_int_equal(b->cond.kind, PT_TEST_COMPARE);
    assert_string_equal(b->cond.subject, "x");
    assert_int_equal(fn->decisions, 4);
    pt_unit_free(u);
}

static void test_decisions_like_mccabe(void **state)
{
    (void)state;
    /* python3 -m mccabe: f 8 (if, elif, for, try+2 handlers, closure) */
    pt_unit *u = parse("def f(a):\n"
                       "    if a and a:\n"
                       "        pass\n"
                       "    elif a:\n"
                       "        pass\n"
                       "    for i in a:\n"
                       "        pass\n"
                       "    try:\n"
                       "        pass\n"
                       "    except A:\n"
                       "        pass\n"
                       "    except B:\n"
                       "        pass\n"
                       "    finally:\n"
                       "        if a:\n"
                       "            pass\n"
                       "    def g():\n"
                       "        pass\n"
                       "    with a:\n"
                       "        while a:\n"
                       "            pass\n");
    pt_function *fn = function(u, "f");
    assert_int_equal(fn->decisions + 1, 9);
    assert_int_equal(fn->max_nesting, 2);
    pt_unit_free(u);
}

static void test_lines(void **state)
{
    (void)state;
    pt_unit *u = parse("# c\n"
                       "x = (1,\n"
                       "     2)\n"
                       "s = '''a\n"
                       "b'''\n"
                       "if x:\n"
                       "    y = 1\n");
    assert_int_equal(pt_unit_line(u, 1)->kind, PT_LINE_COMMENT);
    assert_int_equal(pt_unit_line(u, 3)->kind, PT_LINE_CONTINUATION);
    assert_int_equal(pt_unit_line(u, 5)->kind, PT_LINE_STRING);
    assert_int_equal(pt_unit_line(u, 6)->depth, 0);
    assert_int_equal(pt_unit_line(u, 7)->depth, 1);
    assert_int_equal(u->comments.len, 1);
    pt_unit_free(u);
}

static void test_syntax_error(void **state)
{
    (void)state;
    pt_unit *u = parse("def f(a):\n"
                       "    x = (a +\n"
                       "    return x\n"
                       "def g(b):\n"
                       "    return b\n");
    assert_true(u->errors.len > 0);
    bool any_partial = false;
    for (uint32_t i = 0; i < u->functions.len; i++) {
        any_partial |= pt_unit_function(u, i)->partial;
    }
    assert_true(any_partial || u->functions.len == 0);
    pt_unit_free(u);
}

static void test_odd_input(void **state)
{
    (void)state;
    pt_unit *u = parse("");
    assert_int_equal(u->decls.len, 0);
    pt_unit_free(u);
    u = parse("\xEF\xBB\xBF" "def f(a):\r\n    return a\r\n\xff\xfe" "\r\n");
    assert_true(u->functions.len >= 1);
    pt_unit_free(u);
}

static void test_deep_nesting(void **state)
{
    (void)state;
    size_t n = 5000;
    char *text = malloc(n * 2 + 64);
    assert_non_null(text);
    strcpy(text, "def f():\n    return ");
    size_t len = strlen(text);
    for (size_t i = 0; i < n; i++) {
        text[len++] = '(';
    }
    text[len++] = '1';
    for (size_t i = 0; i < n; i++) {
        text[len++] = ')';
    }
    text[len++] = '\n';
    text[len] = 0;
    pt_unit *u = parse(text);
    pt_unit_free(u);
    len = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(text + len, "[", 1);
        len++;
    }
    text[len] = 0;
    u = parse(text);
    pt_unit_free(u);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_imports_and_reads),
        cmocka_unit_test(test_scopes),
        cmocka_unit_test(test_class_and_attributes),
        cmocka_unit_test(test_with_lock_exits),
        cmocka_unit_test(test_try_finally),
        cmocka_unit_test(test_conditions),
        cmocka_unit_test(test_decisions_like_mccabe),
        cmocka_unit_test(test_lines),
        cmocka_unit_test(test_syntax_error),
        cmocka_unit_test(test_odd_input),
        cmocka_unit_test(test_deep_nesting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
