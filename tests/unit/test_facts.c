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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chain_is_derived_in_any_order),
        cmocka_unit_test(test_unsupported_rule_does_not_fire),
        cmocka_unit_test(test_cycle_terminates),
        cmocka_unit_test(test_conditions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
