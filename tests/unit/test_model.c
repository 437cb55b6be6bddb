/*
 * test_model.c - the arena, the line table and positions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines_and_indent),
        cmocka_unit_test(test_loc_at),
        cmocka_unit_test(test_vec_grows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
