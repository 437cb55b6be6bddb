/*
 * test_model.c - the arena, the line table and positions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "ptlint/dataflow.h"
#include "ptlint/model.h"

static void test_lines_and_indent(void **state)
{
    (void)state;
    const char *text = "a\n\t b\r\n    c\n\n";
    pt_unit *unit = pt_unit_new("x.c", PT_LANG_C, text, strlen(text));
    assert_non_null(unit);
    assert_int_equal(unit->lines.len, 4);
    pt_line *second = pt_unit_line(unit, 2);
    assert_int_equal(second->indent_tabs, 1);
    assert_int_equal(second->indent_spaces, 1);
    assert_true(second->mixed);
    assert_int_equal(second->indent_width, 9);
    assert_int_equal(second->length, 3);
    assert_int_equal(pt_unit_line(unit, 3)->indent_width, 4);
    assert_false(pt_unit_line(unit, 3)->mixed);
    assert_int_equal(pt_unit_line(unit, 4)->kind, PT_LINE_BLANK);
    pt_unit_free(unit);
}

static void test_loc_at(void **state)
{
    (void)state;
    const char *text = "ab\ncd\nef";
    pt_unit *unit = pt_unit_new("x.py", PT_LANG_PYTHON, text, strlen(text));
    pt_loc loc = pt_unit_loc_at(unit, 4);
    assert_int_equal(loc.line, 2);
    assert_int_equal(loc.col, 2);
    loc = pt_unit_loc_at(unit, 0);
    assert_int_equal(loc.line, 1);
    assert_int_equal(loc.col, 1);
    uint32_t len = 0;
    const char *line = pt_unit_line_text(unit, 3, &len);
    assert_int_equal(len, 2);
    assert_memory_equal(line, "ef", 2);
    pt_unit_free(unit);
}

static void test_vec_grows(void **state)
{
    (void)state;
    pt_arena *arena = pt_arena_new();
    pt_vec vec = {0};
    for (uint32_t i = 0; i < 1000; i++) {
        uint32_t *slot = pt_vec_push(arena, &vec, sizeof(uint32_t));
        *slot = i;
    }
    assert_int_equal(vec.len, 1000);
    assert_int_equal(((uint32_t *)vec.items)[999], 999);
    assert_string_equal(pt_arena_printf(arena, "%d-%s", 7, "x"), "7-x");
    pt_arena_free(arena);
}

/* Past 16 names the set is hashed; emptied and filled again, it must not
   find the names it held before (their stale index would lie past the
   state an analysis sized for the new names). */
static void test_names_emptied(void **state)
{
    (void)state;
    static const char *const first[] = {
        "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9",
        "b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9",
    };
    pt_names names = {0};
    for (size_t i = 0; i < sizeof(first) / sizeof(first[0]); i++) {
        assert_int_equal(pt_names_add(&names, first[i]), i);
    }
    assert_int_equal(pt_names_find(&names, "b9"), 19);
    pt_names_free(&names);
    assert_int_equal(pt_names_add(&names, "c0"), 0);
    assert_int_equal(pt_names_find(&names, "b9"), -1);
    assert_int_equal(pt_names_find(&names, "a0"), -1);
    assert_int_equal(pt_names_find(&names, "c0"), 0);
    pt_names_free(&names);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines_and_indent),
        cmocka_unit_test(test_loc_at),
        cmocka_unit_test(test_vec_grows),
        cmocka_unit_test(test_names_emptied),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
