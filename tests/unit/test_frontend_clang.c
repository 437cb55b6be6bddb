/*
 * test_frontend_clang.c - the libclang C frontend on small snippets.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontend/frontend.h"

static pt_unit *parse(const char *text)
{
    pt_frontend_options options = {0};
    pt_unit *unit = pt_parse_c_clang("snippet.c", text, strlen(text),
                                     &options);
    assert_non_null(unit);
    assert_string_equal(unit->frontend, "clang");
    return unit;
}

static const pt_decl *find_decl(const pt_unit *u, const char *name,
                                pt_decl_kind kind)
{
    for (uint32_t i = 0; i < u->decls.len; i++) {
        const pt_decl *d = pt_unit_decl(u, i);
        if (d->kind == kind && strcmp(d->name, name) == 0) {
            return d;
        }
    }
    fail_msg("no decl %s", name);
    return NULL;
}

/* The first event of `kind` named `name` in the function, or NULL. */
static const pt_event *find_event(const pt_function *f, pt_event_kind kind,
                                  const char *name)
{
    for (uint32_t b = 0; b < f->blocks.len; b++) {
        const pt_block *blk = pt_function_block(f, b);
        for (uint32_t i = 0; i < blk->events.len; i++) {
            const pt_event *e = pt_block_event(blk, i);
            if (e->kind == kind && e->name != NULL &&
                strcmp(e->name, name) == 0) {
                return e;
            }
        }
    }
    return NULL;
}

static void test_decls(void **state)
{
    (void)state;
    pt_unit *u = parse("#define MAX 4\n"
                       "struct pt_tree { int n; struct pt_tree *next; };\n"
                       "typedef struct { int a; } anon_t;\n"
                       "enum color { RED, GREEN };\n"
                       "static int counter;\n"
                       "int old();\n"
                       "/* Doc. */\n"
                       "int f(int x, char *name)\n"
                       "{\n"
                       "    static int calls;\n"
                       "    int y = x;\n"
                       "    (void)name;\n"
                       "    calls++;\n"
                       "    return y;\n"
                       "}\n");
    assert_int_equal(u->errors.len, 0);
    find_decl(u, "MAX", PT_DECL_MACRO);
    find_decl(u, "pt_tree", PT_DECL_TYPE);
    assert_string_equal(find_decl(u, "next", PT_DECL_FIELD)->scope,
                        "pt_tree");
    assert_string_equal(find_decl(u, "a", PT_DECL_FIELD)->scope, "anon_t");
    find_decl(u, "anon_t", PT_DECL_TYPEDEF);
    find_decl(u, "GREEN", PT_DECL_ENUM_CONST);
    assert_false(find_decl(u, "counter", PT_DECL_GLOBAL)->is_public);
    assert_false(find_decl(u, "old", PT_DECL_FUNCTION)->has_prototype);
    const pt_decl *f = find_decl(u, "f", PT_DECL_FUNCTION);
    assert_true(f->is_public);
    assert_true(f->is_definition);
    assert_true(f->has_prototype);
    assert_non_null(f->doc);
    assert_true(find_decl(u, "name", PT_DECL_PARAM)->marked_unused);
    assert_true(find_decl(u, "name", PT_DECL_PARAM)->is_pointer);
    assert_int_equal(find_decl(u, "x", PT_DECL_PARAM)->reads, 1);
    assert_true(find_decl(u, "calls", PT_DECL_LOCAL)->is_static_local);
    assert_int_equal(find_decl(u, "calls", PT_DECL_LOCAL)->writes, 1);
    assert_int_equal(u->functions.len, 1);
    assert_int_equal(pt_unit_function(u, 0)->params.len, 2);
    pt_unit_free(u);
}

static void test_null_test_and_fields(void **state)
{
    (void)state;
    pt_unit *u = parse("#include <stddef.h>\n"
                       "struct pt_tree { int n; struct pt_tree *root; };\n"
                       "int g(struct pt_tree *t)\n"
                       "{\n"
                       "    if (t == NULL)\n"
                       "        return -1;\n"
                       "    t->root->n = 2;\n"
                       "    return t->n;\n"
                       "}\n");
    const pt_function *f = pt_unit_function(u, 0);
    const pt_block *entry = pt_function_block(f, 0);
    assert_int_equal(entry->term, PT_TERM_BRANCH);
    assert_int_equal(entry->cond.kind, PT_TEST_NOT_NULL);
    assert_string_equal(entry->cond.subject, "t");
    /* positive form: succ[0] is where t != NULL, which does not return */
    const pt_block *yes = pt_function_block(f, entry->succ[0]);
    assert_true(yes->events.len == 0 ||
                pt_block_event(yes, 0)->kind != PT_EV_RETURN);
    const pt_event *w = find_event(f, PT_EV_FIELD_WRITE, "n");
    assert_non_null(w);
    assert_string_equal(w->base, "t.root");
    assert_string_equal(w->owner, "pt_tree");
    assert_non_null(find_event(f, PT_EV_DEREF, "t.root"));
    const pt_event *r = find_event(f, PT_EV_FIELD_READ, "root");
    assert_non_null(r);
    assert_string_equal(r->base, "t");
    pt_unit_free(u);
}

static void test_locks_and_macro_calls(void **state)
{
    (void)state;
    pt_unit *u = parse("#include <pthread.h>\n"
                       "#define TWICE(x) ((x) * 2)\n"
                       "struct s { pthread_mutex_t lock; int n; };\n"
                       "int h(struct s *t)\n"
                       "{\n"
                       "    pthread_mutex_lock(&t->lock);\n"
                       "    int v = TWICE(t->n);\n"
                       "    pthread_mutex_unlock(&t->lock);\n"
                       "    return v;\n"
                       "}\n");
    const pt_function *f = pt_unit_function(u, 0);
    assert_non_null(find_event(f, PT_EV_ACQUIRE, "t.lock"));
    assert_non_null(find_event(f, PT_EV_RELEASE, "t.lock"));
    assert_null(find_event(f, PT_EV_FIELD_READ, "lock"));
    const pt_event *m = find_event(f, PT_EV_CALL, "TWICE");
    assert_non_null(m);
    assert_int_equal(m->nargs, 1);
    assert_int_equal(m->args[0].kind, PT_VAL_FIELD);
    assert_string_equal(m->args[0].text, "t.n");
    const pt_event *c = find_event(f, PT_EV_CALL, "pthread_mutex_lock");
    assert_false(c->result_used);
    pt_unit_free(u);
}

static void test_decisions_and_lines(void **state)
{
    (void)state;
    pt_unit *u = parse("int k(int a, int b)\n"
                       "{\n"
                       "    int r = 0;\n"
                       "    if (a && b)\n"
                       "        r = 1;\n"
                       "    else if (a || b) {\n"
                       "        r = a ? 2 : 3;\n"
                       "    }\n"
                       "    switch (a) {\n"
                       "    case 1:\n"
                       "        r = foo(a,\n"
                       "                b);\n"
                       "        break;\n"
                       "    }\n"
                       "    /* done */\n"
                       "    return r;\n"
                       "}\n");
    const pt_function *f = pt_unit_function(u, 0);
    /* if, &&, if, ||, ?, case */
    assert_int_equal(f->decisions, 6);
    assert_int_equal(f->max_nesting, 1);
    assert_int_equal(pt_unit_line(u, 5)->depth, 2);
    assert_int_equal(pt_unit_line(u, 7)->depth, 2);
    assert_int_equal(pt_unit_line(u, 10)->kind, PT_LINE_LABEL);
    assert_int_equal(pt_unit_line(u, 12)->kind, PT_LINE_CONTINUATION);
    assert_int_equal(pt_unit_line(u, 15)->kind, PT_LINE_COMMENT);
    assert_int_equal(pt_unit_line(u, 17)->depth, 0);
    assert_int_equal(u->comments.len, 1);
    pt_unit_free(u);
}

static void test_robust(void **state)
{
    (void)state;
    /* parse errors mark the function partial */
    pt_unit *u = parse("int f(void) {\n  if (x {\n  return 1;\n}\n");
    assert_true(u->errors.len > 0);
    assert_true(u->functions.len == 0 ||
                pt_unit_function(u, 0)->partial);
    pt_unit_free(u);
    /* binary junk */
    char junk[4096];
    for (size_t i = 0; i < sizeof(junk); i++) {
        junk[i] = (char)((i * 7919u + 13u) % 251u);
    }
    pt_frontend_options options = {0};
    u = pt_parse_c_clang("junk.c", junk, sizeof(junk), &options);
    assert_non_null(u);
    pt_unit_free(u);
    /* deep nesting */
    size_t n = 3000;
    char *deep = malloc(n * 10 + 64);
    size_t len = 0;
    len += (size_t)sprintf(deep + len, "int d(int x){");
    for (size_t i = 0; i < n; i++) {
        len += (size_t)sprintf(deep + len, "if(x){");
    }
    for (size_t i = 0; i < n; i++) {
        deep[len++] = '}';
    }
    len += (size_t)sprintf(deep + len, "return x;}");
    u = pt_parse_c_clang("deep.c", deep, len, &options);
    assert_non_null(u);
    pt_unit_free(u);
    free(deep);
    /* empty input and a missing header */
    u = parse("");
    assert_int_equal(u->errors.len, 0);
    pt_unit_free(u);
    u = parse("#include \"no_such_header.h\"\nint z(void) { return 0; }\n");
    assert_int_equal(u->errors.len, 0);
    assert_int_equal(u->functions.len, 1);
    pt_unit_free(u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decls),
        cmocka_unit_test(test_null_test_and_fields),
        cmocka_unit_test(test_locks_and_macro_calls),
        cmocka_unit_test(test_decisions_and_lines),
        cmocka_unit_test(test_robust),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
