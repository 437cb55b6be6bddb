/*
 * test_frontend_ts_c.c - the tree-sitter C frontend's model of small
 * snippets: declarations, events, branches, locks, complexity, errors and
 * robustness.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "frontend/frontend.h"
#include "ptlint/buf.h"

static pt_unit *parse(const char *text)
{
    pt_frontend_options opts = {0};
    pt_unit *u = pt_parse_c_tree_sitter("t.c", text, strlen(text), &opts);
    assert_non_null(u);
    return u;
}

static const pt_decl *decl(const pt_unit *u, pt_decl_kind kind,
                           const char *name)
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

static const pt_function *fn(const pt_unit *u, const char *name)
{
    for (uint32_t i = 0; i < u->functions.len; i++) {
        if (strcmp(pt_unit_function(u, i)->name, name) == 0) {
            return pt_unit_function(u, i);
        }
    }
    fail_msg("no function %s", name);
    return NULL;
}

/* Asserts that the model's dump holds `line` (a whole line, trimmed). */
static void assert_dump_has(const pt_unit *u, const char *line)
{
    pt_buf out = {0};
    pt_unit_dump(u, &out);
    const char *text = pt_buf_str(&out);
    bool found = false;
    for (const char *p = text; *p && !found;) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *s = p;
        while (*s == ' ' && s < p + len) {
            s++;
        }
        found = strlen(line) == len - (size_t)(s - p) &&
                strncmp(s, line, len - (size_t)(s - p)) == 0;
        p = end ? end + 1 : p + len;
    }
    if (!found) {
        print_error("missing line: %s\nin dump:\n%s\n", line, text);
    }
    pt_buf_free(&out);
    assert_true(found);
}

static void test_declarations(void **state)
{
    (void)state;
    pt_unit *u = parse(
        "#define MAX 4\n"
        "/* A node. */\n"
        "struct node { struct node *next; int n; };\n"
        "typedef struct node node_t;\n"
        "enum color { RED, GREEN = 2 };\n"
        "int old();\n"
        "static int proto(int a, char *b);\n"
        "static int counter;\n"
        "int kr(a) int a; { return a; }\n"
        "static int f(node_t *t, int unused __attribute__((unused)))\n"
        "{\n"
        "    int x = MAX, y;\n"
        "    static char buf[8];\n"
        "    (void)buf;\n"
        "    y = x + RED;\n"
        "    counter += y;\n"
        "    return t->n;\n"
        "}\n"
        "int (*hook)(int) = kr;\n");
    assert_true(decl(u, PT_DECL_TYPE, "node")->doc != NULL);
    assert_string_equal(decl(u, PT_DECL_FIELD, "next")->scope, "node");
    assert_true(decl(u, PT_DECL_FIELD, "next")->is_pointer);
    assert_int_equal(decl(u, PT_DECL_FIELD, "n")->reads, 1);
    assert_non_null(decl(u, PT_DECL_TYPEDEF, "node_t"));
    assert_int_equal(decl(u, PT_DECL_ENUM_CONST, "RED")->reads, 1);
    assert_non_null(decl(u, PT_DECL_ENUM_CONST, "GREEN"));
    assert_int_equal(decl(u, PT_DECL_MACRO, "MAX")->reads, 1);
    assert_false(decl(u, PT_DECL_FUNCTION, "old")->has_prototype);
    assert_true(decl(u, PT_DECL_FUNCTION, "proto")->has_prototype);
    assert_false(decl(u, PT_DECL_FUNCTION, "proto")->is_public);
    assert_false(decl(u, PT_DECL_FUNCTION, "kr")->has_prototype);
    assert_true(decl(u, PT_DECL_FUNCTION, "kr")->is_definition);
    assert_true(decl(u, PT_DECL_FUNCTION, "kr")->address_taken);
    const pt_decl *counter = decl(u, PT_DECL_GLOBAL, "counter");
    assert_false(counter->is_public);
    assert_int_equal(counter->reads, 1);
    assert_int_equal(counter->writes, 1);
    assert_true(decl(u, PT_DECL_PARAM, "unused")->marked_unused);
    assert_true(decl(u, PT_DECL_PARAM, "t")->is_pointer);
    const pt_decl *x = decl(u, PT_DECL_LOCAL, "x");
    assert_int_equal(x->reads, 1);
    assert_int_equal(x->writes, 0);
    assert_int_equal(decl(u, PT_DECL_LOCAL, "y")->writes, 1);
    const pt_decl *buf = decl(u, PT_DECL_LOCAL, "buf");
    assert_true(buf->is_static_local && buf->marked_unused && buf->is_pointer);
    assert_true(decl(u, PT_DECL_GLOBAL, "hook")->is_public);
    const pt_function *f = fn(u, "f");
    assert_false(f->is_public);
    assert_int_equal(f->params.len, 2);
    assert_int_equal(fn(u, "kr")->params.len, 1);
    pt_unit_free(u);
}

static void test_field_events(void **state)
{
    (void)state;
    pt_unit *u = parse(
        "struct pt_tree { struct pt_tree *root; int n; };\n"
        "typedef struct pt_tree tree_t;\n"
        "void g(tree_t *t, struct pt_tree s)\n"
        "{\n"
        "    t->root->n += s.n;\n"
        "    t->n++;\n"
        "    *t = s;\n"
        "}\n");
    assert_dump_has(u, "5:21 field-read n base=s");
    assert_dump_has(u, "5:5 deref t");
    assert_dump_has(u, "5:8 field-read root base=t");
    assert_dump_has(u, "5:5 deref t.root");
    assert_dump_has(u, "5:14 field-write n base=t.root field:s.n{s}");
    assert_dump_has(u, "6:8 field-write n base=t other:-");
    assert_dump_has(u, "7:5 deref t");
    const pt_function *g = fn(u, "g");
    const pt_block *b = pt_function_block(g, 0);
    for (uint32_t i = 0; i < b->events.len; i++) {
        const pt_event *e = pt_block_event(b, i);
        if (e->kind != PT_EV_FIELD_READ && e->kind != PT_EV_FIELD_WRITE) {
            continue;
        }
        if (strcmp(e->base, "t") == 0) {
            assert_string_equal(e->owner, "tree_t");  /* as written */
        } else {
            assert_string_equal(e->owner, "pt_tree");
        }
    }
    pt_unit_free(u);
}

static void test_branches(void **state)
{
    (void)state;
    pt_unit *u = parse(
        "int h(char *p, char *q)\n"
        "{\n"
        "    if (!p)\n"
        "        return 1;\n"
        "    if (q == NULL || check(q))\n"
        "        return 2;\n"
        "    while (strlen(p) > 3 && *p)\n"
        "        p++;\n"
        "    return 0;\n"
        "}\n");
    assert_dump_has(u, "branch not-null p - ? 2 : 1");
    assert_dump_has(u, "branch not-null q - ? 5 : 3");
    assert_dump_has(u, "branch call q check ? 3 : 4");
    assert_dump_has(u, "branch compare p - ? 9 : 8");
    assert_dump_has(u, "branch other - - ? 7 : 8");
    assert_dump_has(u, "7:12 call strlen used=1 var:p{p}");
    assert_dump_has(u, "function h 1:5-10 public decisions=5 nesting=1");
    pt_unit_free(u);
}

static void test_switch_goto(void **state)
{
    (void)state;
    pt_unit *u = parse(
        "int s(int x)\n"
        "{\n"
        "    switch (x) {\n"
        "    case 1:\n"
        "        x++;\n"
        "    case 2:\n"
        "        goto out;\n"
        "    default:\n"
        "        break;\n"
        "    }\n"
        "out:\n"
        "    return x ? x : -1;\n"
        "}\n");
    assert_dump_has(u, "branch other - - ? 1 : 5");
    assert_dump_has(u, "branch other - - ? 2 : 3");
    assert_dump_has(u, "function s 1:5-13 public decisions=3 nesting=1");
    const pt_function *s = fn(u, "s");
    assert_int_equal(pt_function_block(s, 1)->term, PT_TERM_GOTO);
    assert_int_equal(pt_function_block(s, 1)->succ[0], 2);
    pt_unit_free(u);
}

static void test_locks(void **state)
{
    (void)state;
    const char *text =
        "void k(struct t *t)\n"
        "{\n"
        "    pthread_mutex_lock(&t->lock);\n"
        "    my_lock(t->m);\n"
        "    pthread_mutex_unlock(&t->lock);\n"
        "}\n";
    pt_unit *u = parse(text);
    assert_dump_has(u, "3:5 acquire t.lock");
    assert_dump_has(u, "5:5 release t.lock");
    assert_dump_has(u, "3:5 call pthread_mutex_lock used=0 address:t.lock{t}");
    pt_unit_free(u);
    const char *acq[] = {"my_lock"};
    pt_frontend_options opts = {.lock_acquire = acq, .nlock_acquire = 1};
    u = pt_parse_c_tree_sitter("t.c", text, strlen(text), &opts);
    assert_dump_has(u, "4:5 acquire t.m");
    assert_dump_has(u, "5:5 release t.lock");
    pt_unit_free(u);
}

static void test_lines(void **state)
{
    (void)state;
    pt_unit *u = parse(
        "/* c */\n"
        "#define A(x) \\\n"
        "    (x)\n"
        "int f(int a,\n"
        "      int b)\n"
        "{\n"
        "\n"
        "    if (a)\n"
        "        b++;\n"
        "l:\n"
        "    return b;\n"
        "}\n");
    const uint8_t kinds[] = {
        PT_LINE_COMMENT, PT_LINE_PREPROCESSOR, PT_LINE_PREPROCESSOR,
        PT_LINE_CODE, PT_LINE_CONTINUATION, PT_LINE_CODE, PT_LINE_BLANK,
        PT_LINE_CODE, PT_LINE_CODE, PT_LINE_LABEL, PT_LINE_CODE,
        PT_LINE_CODE,
    };
    const uint16_t depths[] = {0, 0, 0, 0, 0, 0, 0, 1, 2, 1, 1, 0};
    for (uint32_t i = 0; i < 12; i++) {
        assert_int_equal(pt_unit_line(u, i + 1)->kind, kinds[i]);
        if (kinds[i] != PT_LINE_BLANK) {
            assert_int_equal(pt_unit_line(u, i + 1)->depth, depths[i]);
        }
    }
    assert_int_equal(u->comments.len, 1);
    pt_unit_free(u);
}

static void test_errors_partial(void **state)
{
    (void)state;
    pt_unit *u = parse(
        "int ok(void) { return 1; }\n"
        "int bad(int a) { a = = 3; if (a) return a; return 0; }\n"
        "EXPORT int m(void) { return 2; }\n");
    assert_true(u->errors.len >= 1);
    assert_false(fn(u, "ok")->partial);
    assert_true(fn(u, "bad")->partial);
    assert_false(fn(u, "m")->partial);     /* macro prefix is no error */
    assert_int_equal(fn(u, "bad")->decisions, 1);
    pt_unit_free(u);
}

static char *repeat(const char *head, const char *unit, size_t n,
                    const char *mid, const char *close, const char *tail)
{
    size_t len = strlen(head) + n * (strlen(unit) + strlen(close)) +
                 strlen(mid) + strlen(tail) + 1;
    char *s = malloc(len);
    assert_non_null(s);
    strcpy(s, head);
    for (size_t i = 0; i < n; i++) {
        strcat(s, unit);
    }
    strcat(s, mid);
    for (size_t i = 0; i < n; i++) {
        strcat(s, close);
    }
    strcat(s, tail);
    return s;
}

static void test_deep_nesting(void **state)
{
    (void)state;
    char *braces = repeat("int f(int a) {", "{", 5000, "a++;", "}",
                          " return a; }\n");
    pt_unit *u = parse(braces);
    assert_true(fn(u, "f")->partial);
    pt_unit_free(u);
    free(braces);
    char *parens = repeat("int g(int a) { return ", "(", 5000, "a", ")",
                          "; }\n");
    u = parse(parens);
    assert_int_equal(u->functions.len, 1);
    pt_unit_free(u);
    free(parens);
    char *ifs = repeat("int h(int a) { ", "if (a) ", 5000, "a++;", "",
                       " return a; }\n");
    u = parse(ifs);
    assert_int_equal(fn(u, "h")->decisions, 5000);
    pt_unit_free(u);
    free(ifs);
}

static void test_odd_inputs(void **state)
{
    (void)state;
    pt_unit *u = parse("");
    assert_int_equal(u->functions.len, 0);
    pt_unit_free(u);
    u = parse("\xEF\xBB\xBFint x;\r\nint f(void)\r\n{\r\n  return x;\r\n}\r\n");
    assert_int_equal(u->errors.len, 0);
    assert_int_equal(decl(u, PT_DECL_GLOBAL, "x")->reads, 1);
    assert_int_equal(fn(u, "f")->end.line, 5);
    pt_unit_free(u);
    char junk[4096];
    uint32_t seed = 12345;
    for (size_t i = 0; i < sizeof(junk); i++) {
        seed = seed * 1103515245u + 12345u;
        junk[i] = (char)(seed >> 16);
    }
    pt_frontend_options opts = {0};
    u = pt_parse_c_tree_sitter("j.c", junk, sizeof(junk), &opts);
    assert_non_null(u);
    pt_unit_free(u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_declarations),
        cmocka_unit_test(test_field_events),
        cmocka_unit_test(test_branches),
        cmocka_unit_test(test_switch_goto),
        cmocka_unit_test(test_locks),
        cmocka_unit_test(test_lines),
        cmocka_unit_test(test_errors_partial),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_odd_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
