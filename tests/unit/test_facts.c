/*
 * test_facts.c - cross-file facts: rules derived to a fixed point, and
 * the conditions findings are settled by.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/facts.h"

static void add_all(pt_facts *facts, const char *const *items)
{
    for (; *items != NULL; items++) {
        pt_facts_add(facts, *items);
    }
}

static void test_chain_is_derived_in_any_order(void **state)
{
    (void)state;
    /* c -> b -> a stated backwards: needs more than one round */
    static const char *const items[] = {
        "null:a :- null:b", "null:b :- null:c", "null:c", "defined:a", NULL,
    };
    pt_facts facts = {0};
    add_all(&facts, items);
    pt_facts_solve(&facts);
    assert_true(pt_facts_has(&facts, "null:a"));
    assert_true(pt_facts_has(&facts, "null:b"));
    assert_false(pt_facts_has(&facts, "null:a :- null:b"));
    assert_int_equal(facts.len, 4);
    pt_facts_free(&facts);
}

static void test_unsupported_rule_does_not_fire(void **state)
{
    (void)state;
    static const char *const items[] = {
        "null:f :- null:g & null:h", "null:g", "taint:x :- !null:q", NULL,
    };
    pt_facts facts = {0};
    add_all(&facts, items);
    pt_facts_solve(&facts);
    assert_false(pt_facts_has(&facts, "null:f"));     /* h is missing */
    assert_false(pt_facts_has(&facts, "taint:x"));    /* bodies are positive */
    assert_int_equal(facts.len, 1);
    pt_facts_free(&facts);
}

static void test_cycle_terminates(void **state)
{
    (void)state;
    static const char *const items[] = {
        "null:a :- null:b", "null:b :- null:a", "null:b :- null:c", NULL,
    };
    pt_facts facts = {0};
    add_all(&facts, items);
    pt_facts_solve(&facts);
    assert_int_equal(facts.len, 0);
    pt_facts_add(&facts, "null:c");
    add_all(&facts, items);
    pt_facts_solve(&facts);
    assert_true(pt_facts_has(&facts, "null:a"));
    pt_facts_free(&facts);
}

static void test_conditions(void **state)
{
    (void)state;
    static const char *const items[] = {"defined:f", "null:g", NULL};
    pt_facts facts = {0};
    add_all(&facts, items);
    pt_facts_solve(&facts);
    assert_true(pt_facts_condition(&facts, "defined:f & !null:f"));
    assert_false(pt_facts_condition(&facts, "defined:g & !null:g"));
    assert_true(pt_facts_condition(&facts, "null:g"));
    assert_false(pt_facts_condition(&facts, "null:f"));
    assert_true(pt_facts_condition(&facts, "!defined:h"));
    pt_facts_free(&facts);
}

static void test_prefix_finds_only_whole_prefix(void **state)
{
    (void)state;
    static const char *const items[] = {
        "raises:py:a.take:KeyError", "raises:py:a.take_all:OSError",
        "raises:py:a.take:ValueError", "raises:py:a.tak:X", NULL,
    };
    pt_facts facts = {0};
    add_all(&facts, items);
    pt_facts_seal(&facts);
    size_t first = 0;
    assert_int_equal(pt_facts_prefixed(&facts, "raises:py:a.take:", &first), 2);
    assert_string_equal(facts.items[first], "raises:py:a.take:KeyError");
    assert_string_equal(facts.items[first + 1], "raises:py:a.take:ValueError");
    assert_int_equal(pt_facts_prefixed(&facts, "raises:py:b.", &first), 0);
    pt_facts_free(&facts);
}

static void test_question_is_recorded_and_answered(void **state)
{
    (void)state;
    pt_facts known = {0};
    pt_facts_add(&known, "lock-helper:tree_lock:acquire:0:.lock");
    pt_facts_add(&known, "lock-helper:tree_locked:acquire:0:.mu");
    pt_facts_seal(&known);
    pt_facts stated = {0};
    const char *const *answers = NULL;
    /* round one: nothing known yet, but the question is kept (once) */
    pt_fact_io first = {NULL, &stated};
    assert_int_equal(pt_fact_io_ask(&first, "lock-helper:tree_lock:",
                                    &answers), 0);
    assert_int_equal(pt_fact_io_ask(&first, "lock-helper:tree_lock:",
                                    &answers), 0);
    assert_int_equal(stated.len, 1);
    assert_string_equal(stated.items[0], PT_FACT_WANT "lock-helper:tree_lock:");
    /* round two: the run answers */
    pt_fact_io second = {&known, &stated};
    assert_int_equal(pt_fact_io_ask(&second, "lock-helper:tree_lock:",
                                    &answers), 1);
    assert_string_equal(answers[0], "lock-helper:tree_lock:acquire:0:.lock");
    pt_facts_free(&stated);
    pt_facts_free(&known);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chain_is_derived_in_any_order),
        cmocka_unit_test(test_unsupported_rule_does_not_fire),
        cmocka_unit_test(test_cycle_terminates),
        cmocka_unit_test(test_conditions),
        cmocka_unit_test(test_prefix_finds_only_whole_prefix),
        cmocka_unit_test(test_question_is_recorded_and_answered),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
