/*
 * test_provider_tree.c - cmocka unit tests of the reference provider tree
 * (fixtures/provider_tree).
 *
 * Every test runs with a counting allocator installed through
 * pt_mem_set_ops(), so teardown can assert that nothing leaked.  The
 * allocation-failure tests make the k-th allocation fail for k = 1, 2, ...
 * until the operation succeeds, and check after every failure that the
 * call returned -ENOMEM and that the tree is exactly as before.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "provider_tree.h"
#include "pt_alloc.h"

#define U_R "11111111-1111-1111-1111-111111111111"
#define U_N0 "22222222-2222-2222-2222-222222222222"
#define U_N1 "33333333-3333-3333-3333-333333333333"
#define U_PF "44444444-4444-4444-4444-444444444444"
#define U_S "55555555-5555-5555-5555-555555555555"
#define U_NEW "66666666-6666-6666-6666-666666666666"
#define U_NEW2 "77777777-7777-7777-7777-777777777777"
#define U_NEW3 "88888888-8888-8888-8888-888888888888"
#define U_UPPER "ABCDEF01-2345-6789-ABCD-EF0123456789"
#define U_LOWER "abcdef01-2345-6789-abcd-ef0123456789"
#define AGG1 "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaa1"
#define AGG2 "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbb2"
#define AGG2_UPPER "BBBBBBBB-BBBB-BBBB-BBBB-BBBBBBBBBBB2"
#define TRAIT_AVX "HW_CPU_X86_AVX"
#define TRAIT_SSD "STORAGE_DISK_SSD"
#define TRAIT_CUSTOM "CUSTOM_GOLD"

/* Number of elements of an array. */
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Allocations made so far, the one to fail (0: none), and live blocks. */
static long alloc_count;
static long fail_at;
static long live_blocks;

/* Return true when this allocation is the one chosen to fail. */
static bool should_fail(void)
{
    alloc_count++;
    return fail_at != 0 && alloc_count == fail_at;
}

/* malloc() that fails on request and counts live blocks. */
static void *counting_malloc(size_t size)
{
    void *ptr = should_fail() ? NULL : malloc(size);

    live_blocks += ptr != NULL;
    return ptr;
}

/* calloc() that fails on request and counts live blocks. */
static void *counting_calloc(size_t count, size_t size)
{
    void *ptr = should_fail() ? NULL : calloc(count, size);

    live_blocks += ptr != NULL;
    return ptr;
}

/* realloc() that fails on request and counts live blocks. */
static void *counting_realloc(void *old, size_t size)
{
    void *ptr = should_fail() ? NULL : realloc(old, size);

    live_blocks += old == NULL && ptr != NULL;
    return ptr;
}

/* free() that counts live blocks. */
static void counting_free(void *ptr)
{
    live_blocks -= ptr != NULL;
    free(ptr);
}

/* Install the counting allocator before each test. */
static int setup_allocator(void **state)
{
    static const struct pt_mem_ops ops = {
        .malloc_fn = counting_malloc,
        .calloc_fn = counting_calloc,
        .realloc_fn = counting_realloc,
        .free_fn = counting_free,
    };

    (void)state;
    alloc_count = 0;
    fail_at = 0;
    live_blocks = 0;
    return pt_mem_set_ops(&ops);
}

/* Check that the test freed everything, then restore the C allocator. */
static int teardown_allocator(void **state)
{
    (void)state;
    assert_int_equal(live_blocks, 0);
    return pt_mem_set_ops(NULL);
}

/* Make the k-th allocation from now on fail (k = 0: none). */
static void fail_allocation(long k)
{
    alloc_count = 0;
    fail_at = k;
}

/* Build an inventory record for resource_class with the given total. */
static struct pt_inventory_record make_record(const char *resource_class,
                                              int64_t total)
{
    struct pt_inventory_record record;
    int len;

    memset(&record, 0, sizeof(record));
    len = snprintf(record.resource_class, sizeof(record.resource_class),
                   "%s", resource_class);
    assert_true(len > 0 && (size_t)len < sizeof(record.resource_class));
    record.total = total;
    record.reserved = 0;
    record.min_unit = 1;
    record.max_unit = total;
    record.step_size = 1;
    record.allocation_ratio = 1.0;
    return record;
}

/* A growable string for snapshots of a tree. */
struct text {
    char *buf;
    size_t len;
    size_t cap;
};

/* Append printf-style output to t. */
static void text_append(struct text *t, const char *fmt, ...)
{
    va_list args;
    int needed;

    va_start(args, fmt);
    needed = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    assert_true(needed >= 0);
    if (t->len + (size_t)needed + 1 > t->cap) {
        t->cap = (t->len + (size_t)needed + 1) * 2;
        t->buf = realloc(t->buf, t->cap);
        assert_non_null(t->buf);
    }
    va_start(args, fmt);
    needed = vsnprintf(t->buf + t->len, t->cap - t->len, fmt, args);
    va_end(args);
    assert_true(needed >= 0);
    t->len += (size_t)needed;
}

/* Append one provider's data to t. */
static void describe_provider(struct text *t, const struct pt_provider_data *d)
{
    size_t i;

    text_append(t, "%s %s %lld parent=%s inv:", d->uuid, d->name,
                (long long)d->generation, d->parent_uuid);
    for (i = 0; i < d->inventory_count; i++) {
        const struct pt_inventory_record *r = &d->inventory[i];

        text_append(t, " %s=%lld/%lld/%lld/%lld/%lld/%g", r->resource_class,
                    (long long)r->total, (long long)r->reserved,
                    (long long)r->min_unit, (long long)r->max_unit,
                    (long long)r->step_size, r->allocation_ratio);
    }
    text_append(t, " traits:");
    for (i = 0; i < d->trait_count; i++) {
        text_append(t, " %s", d->traits[i].str);
    }
    text_append(t, " aggs:");
    for (i = 0; i < d->aggregate_count; i++) {
        text_append(t, " %s", d->aggregates[i].str);
    }
    text_append(t, "\n");
}

/* Return a malloc()ed text describing every provider of tree, in order. */
static char *snapshot(struct pt_provider_tree *tree)
{
    struct text t = { NULL, 0, 0 };
    struct pt_uuid_list *list = NULL;
    size_t i;

    assert_int_equal(pt_tree_get_provider_uuids(tree, NULL, &list), 0);
    text_append(&t, "%zu providers\n", list->count);
    for (i = 0; i < list->count; i++) {
        struct pt_provider_data *data = NULL;

        assert_int_equal(pt_tree_data(tree, list->items[i].str, &data), 0);
        describe_provider(&t, data);
        pt_provider_data_free(data);
    }
    pt_uuid_list_free(list);
    assert_int_equal(pt_tree_check_invariants(tree), 0);
    return t.buf;
}

/*
 * Build the tree used by most tests:
 *   compute1 (U_R, gen 1; VCPU, MEMORY_MB; AVX, CUSTOM_GOLD; AGG1)
 *     numa0 (U_N0) -- pf0 (U_PF; SSD)
 *     numa1 (U_N1)
 *   shared (U_S, gen 5; DISK_GB; MISC_SHARES_VIA_AGGREGATE; AGG1, AGG2)
 */
static struct pt_provider_tree *make_tree(void)
{
    struct pt_provider_tree *tree = NULL;
    const struct pt_inventory_record compute_inv[] = {
        make_record("VCPU", 8), make_record("MEMORY_MB", 4096),
    };
    const struct pt_inventory_record shared_inv[] = {
        make_record("DISK_GB", 1000),
    };
    const char *compute_traits[] = { TRAIT_AVX, TRAIT_CUSTOM };
    const char *pf_traits[] = { TRAIT_SSD };
    const char *shared_traits[] = { PT_TRAIT_SHARES_VIA_AGGREGATE };
    const char *aggs[] = { AGG1, AGG2 };

    assert_int_equal(pt_tree_new(&tree), 0);
    assert_int_equal(pt_tree_new_root(tree, "compute1", U_R, 1), 0);
    assert_int_equal(pt_tree_new_child(tree, "numa0", "compute1", U_N0), 0);
    assert_int_equal(pt_tree_new_child(tree, "numa1", U_R, U_N1), 0);
    assert_int_equal(pt_tree_new_child(tree, "pf0", "numa0", U_PF), 0);
    assert_int_equal(pt_tree_new_root(tree, "shared", U_S, 5), 0);
    assert_int_equal(pt_tree_update_inventory(tree, U_R, compute_inv, 2,
                                              PT_GENERATION_NONE), 0);
    assert_int_equal(pt_tree_update_inventory(tree, U_S, shared_inv, 1,
                                              PT_GENERATION_NONE), 0);
    assert_int_equal(pt_tree_update_traits(tree, U_R, compute_traits, 2,
                                           PT_GENERATION_NONE), 0);
    assert_int_equal(pt_tree_update_traits(tree, U_PF, pf_traits, 1,
                                           PT_GENERATION_NONE), 0);
    assert_int_equal(pt_tree_update_traits(tree, U_S, shared_traits, 1,
                                           PT_GENERATION_NONE), 0);
    assert_int_equal(pt_tree_update_aggregates(tree, U_R, aggs, 1,
                                               PT_GENERATION_NONE), 0);
    assert_int_equal(pt_tree_update_aggregates(tree, U_S, aggs, 2,
                                               PT_GENERATION_NONE), 0);
    return tree;
}

/* Return the generation of the provider key of tree. */
static int64_t generation_of(struct pt_provider_tree *tree, const char *key)
{
    struct pt_provider_data *data = NULL;
    int64_t generation;

    assert_int_equal(pt_tree_data(tree, key, &data), 0);
    generation = data->generation;
    pt_provider_data_free(data);
    return generation;
}

/* Return whether the provider key exists in tree. */
static bool exists(struct pt_provider_tree *tree, const char *key)
{
    bool found = false;

    assert_int_equal(pt_tree_exists(tree, key, &found), 0);
    return found;
}

/* Assert that list holds exactly the n UUIDs expected, in order. */
static void assert_uuids(const struct pt_uuid_list *list,
                         const char *const *expected, size_t n)
{
    size_t i;

    assert_non_null(list);
    assert_int_equal(list->count, n);
    for (i = 0; i < n; i++) {
        assert_string_equal(list->items[i].str, expected[i]);
    }
}

/* UUID validation accepts both cases and rejects everything else. */
static void test_valid_uuid(void **state)
{
    (void)state;
    assert_true(pt_is_valid_uuid(U_R));
    assert_true(pt_is_valid_uuid(U_UPPER));
    assert_false(pt_is_valid_uuid(NULL));
    assert_false(pt_is_valid_uuid(""));
    assert_false(pt_is_valid_uuid("11111111-1111-1111-1111-11111111111"));
    assert_false(pt_is_valid_uuid("11111111-1111-1111-1111-1111111111111"));
    assert_false(pt_is_valid_uuid("11111111-1111-1111-1111+111111111111"));
    assert_false(pt_is_valid_uuid("1111111g-1111-1111-1111-111111111111"));
    assert_false(pt_is_valid_uuid("111111111111111111111111111111111111"));
    assert_false(pt_is_valid_uuid("{1111111-1111-1111-1111-111111111111"));
}

/* Name validation bounds the length and rejects non-printable bytes. */
static void test_valid_name(void **state)
{
    char name[PT_NAME_BUF + 1];

    (void)state;
    assert_true(pt_is_valid_name("compute 1 (rack A)"));
    assert_true(pt_is_valid_name_or_uuid(U_R));
    assert_false(pt_is_valid_name(NULL));
    assert_false(pt_is_valid_name_or_uuid(NULL));
    assert_false(pt_is_valid_name(""));
    assert_false(pt_is_valid_name("tab\there"));
    assert_false(pt_is_valid_name("del\x7f"));
    assert_false(pt_is_valid_name("caf\xc3\xa9"));
    memset(name, 'n', PT_NAME_MAX);
    name[PT_NAME_MAX] = '\0';
    assert_true(pt_is_valid_name(name));
    name[PT_NAME_MAX] = 'n';
    name[PT_NAME_MAX + 1] = '\0';
    assert_false(pt_is_valid_name(name));
}

/* A partial allocator table is refused and changes nothing. */
static void test_mem_set_ops(void **state)
{
    struct pt_mem_ops ops = {
        .malloc_fn = malloc,
        .calloc_fn = calloc,
        .realloc_fn = realloc,
        .free_fn = NULL,
    };

    (void)state;
    assert_int_equal(pt_mem_set_ops(&ops), -EINVAL);
    assert_null(pt_mem_realloc_array(NULL, 0, 8));
    assert_null(pt_mem_realloc_array(NULL, SIZE_MAX / 2, 4));
}

/* Trees are created empty and freed; NULL is accepted or refused. */
static void test_new_free(void **state)
{
    struct pt_provider_tree *tree = NULL;
    struct pt_uuid_list *list = NULL;

    (void)state;
    assert_int_equal(pt_tree_new(NULL), -EINVAL);
    pt_tree_free(NULL);
    fail_allocation(1);
    assert_int_equal(pt_tree_new(&tree), -ENOMEM);
    assert_null(tree);
    fail_allocation(0);
    assert_int_equal(pt_tree_new(&tree), 0);
    assert_int_equal(pt_tree_get_provider_uuids(tree, NULL, &list), 0);
    assert_int_equal(list->count, 0);
    pt_uuid_list_free(list);
    pt_uuid_list_free(NULL);
    assert_int_equal(pt_tree_check_invariants(tree), 0);
    assert_int_equal(pt_tree_check_invariants(NULL), -EINVAL);
    pt_tree_free(tree);
}

/* new_root adds roots and refuses bad or duplicate names and UUIDs. */
static void test_new_root(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    char *before;

    (void)state;
    assert_int_equal(pt_tree_new_root(tree, U_LOWER, U_UPPER, 7), 0);
    assert_true(exists(tree, U_LOWER));
    assert_int_equal(generation_of(tree, U_UPPER), 7);
    before = snapshot(tree);
    assert_int_equal(pt_tree_new_root(tree, "other", U_R, 1), -EEXIST);
    assert_int_equal(pt_tree_new_root(tree, "compute1", U_NEW, 1), -EEXIST);
    assert_int_equal(pt_tree_new_root(tree, "numa0", U_NEW, 1), -EEXIST);
    assert_int_equal(pt_tree_new_root(tree, U_N1, U_NEW, 1), -EEXIST);
    assert_int_equal(pt_tree_new_root(tree, "x", U_LOWER, 1), -EEXIST);
    assert_int_equal(pt_tree_new_root(tree, "ABCDEF01-2345-6789-abcd-"
                                      "ef0123456789", U_NEW, 1), -EEXIST);
    assert_int_equal(pt_tree_new_root(NULL, "x", U_NEW, 1), -EINVAL);
    assert_int_equal(pt_tree_new_root(tree, NULL, U_NEW, 1), -EINVAL);
    assert_int_equal(pt_tree_new_root(tree, "", U_NEW, 1), -EINVAL);
    assert_int_equal(pt_tree_new_root(tree, "x", NULL, 1), -EINVAL);
    assert_int_equal(pt_tree_new_root(tree, "x", "not-a-uuid", 1), -EINVAL);
    assert_int_equal(pt_tree_new_root(tree, "x\n", U_NEW, 1), -EINVAL);
    {
        char *after = snapshot(tree);

        assert_string_equal(before, after);
        free(after);
    }
    free(before);
    pt_tree_free(tree);
}

/* new_child adds under a parent named either way, with no generation. */
static void test_new_child(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    struct pt_provider_data *data = NULL;

    (void)state;
    assert_int_equal(pt_tree_new_child(tree, "vf0", "pf0", U_NEW), 0);
    assert_int_equal(pt_tree_new_child(tree, "vf1", U_PF, U_NEW2), 0);
    assert_int_equal(pt_tree_data(tree, "vf1", &data), 0);
    assert_string_equal(data->parent_uuid, U_PF);
    assert_true(data->generation == PT_GENERATION_NONE);
    pt_provider_data_free(data);
    assert_int_equal(pt_tree_new_child(tree, "vf2", "nope", U_NEW3),
                     -ENOENT);
    assert_int_equal(pt_tree_new_child(tree, "vf0", U_R, U_NEW3), -EEXIST);
    assert_int_equal(pt_tree_new_child(tree, "vf2", U_R, U_NEW), -EEXIST);
    assert_int_equal(pt_tree_new_child(tree, "shared", U_R, U_NEW3),
                     -EEXIST);
    assert_int_equal(pt_tree_new_child(NULL, "v", U_R, U_NEW3), -EINVAL);
    assert_int_equal(pt_tree_new_child(tree, NULL, U_R, U_NEW3), -EINVAL);
    assert_int_equal(pt_tree_new_child(tree, "v", NULL, U_NEW3), -EINVAL);
    assert_int_equal(pt_tree_new_child(tree, "v", "", U_NEW3), -EINVAL);
    assert_int_equal(pt_tree_new_child(tree, "v", U_R, NULL), -EINVAL);
    assert_int_equal(pt_tree_new_child(tree, "v", U_R, "x"), -EINVAL);
    assert_false(exists(tree, U_NEW3));
    assert_int_equal(pt_tree_check_invariants(tree), 0);
    pt_tree_free(tree);
}

/* Many children force the children array to grow; order is kept. */
static void test_many_children(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    struct pt_uuid_list *list = NULL;
    char uuid[PT_UUID_BUF];
    char name[32];
    int i;

    (void)state;
    for (i = 0; i < 20; i++) {
        assert_true(snprintf(uuid, sizeof(uuid),
                             "00000000-0000-0000-0000-%012d", i) == 36);
        assert_true(snprintf(name, sizeof(name), "child%d", i) > 0);
        assert_int_equal(pt_tree_new_child(tree, name, "numa1", uuid), 0);
    }
    assert_int_equal(pt_tree_get_provider_uuids(tree, "numa1", &list), 0);
    assert_int_equal(list->count, 21);
    assert_string_equal(list->items[1].str,
                        "00000000-0000-0000-0000-000000000000");
    assert_string_equal(list->items[20].str,
                        "00000000-0000-0000-0000-000000000019");
    pt_uuid_list_free(list);
    assert_int_equal(pt_tree_remove(tree, "child7"), 0);
    assert_int_equal(pt_tree_get_provider_uuids(tree, "numa1", &list), 0);
    assert_string_equal(list->items[8].str,
                        "00000000-0000-0000-0000-000000000008");
    pt_uuid_list_free(list);
    assert_int_equal(pt_tree_check_invariants(tree), 0);
    pt_tree_free(tree);
}

/* Many roots force the root indexes to grow and stay sorted. */
static void test_many_roots(void **state)
{
    struct pt_provider_tree *tree = NULL;
    struct pt_uuid_list *list = NULL;
    char uuid[PT_UUID_BUF];
    char name[32];
    int i;

    (void)state;
    assert_int_equal(pt_tree_new(&tree), 0);
    for (i = 40; i > 0; i--) {
        assert_true(snprintf(uuid, sizeof(uuid),
                             "00000000-0000-0000-0000-%012d", i) == 36);
        assert_true(snprintf(name, sizeof(name), "node%02d", 50 - i) > 0);
        assert_int_equal(pt_tree_new_root(tree, name, uuid, i), 0);
    }
    assert_int_equal(pt_tree_get_provider_uuids(tree, NULL, &list), 0);
    assert_int_equal(list->count, 40);
    assert_string_equal(list->items[0].str,
                        "00000000-0000-0000-0000-000000000001");
    pt_uuid_list_free(list);
    assert_true(exists(tree, "node25"));
    assert_int_equal(generation_of(tree, "node25"), 25);
    for (i = 10; i < 50; i += 2) {
        assert_true(snprintf(name, sizeof(name), "node%02d", i) > 0);
        assert_int_equal(pt_tree_remove(tree, name), 0);
    }
    assert_false(exists(tree, "node24"));
    assert_true(exists(tree, "node25"));
    assert_int_equal(pt_tree_check_invariants(tree), 0);
    pt_tree_free(tree);
}

/* remove drops a provider with its subtree and keeps the rest. */
static void test_remove(void **state)
{
    struct pt_provider_tree *tree = make_tree();

    (void)state;
    assert_int_equal(pt_tree_remove(tree, "numa0"), 0);
    assert_false(exists(tree, U_N0));
    assert_false(exists(tree, "pf0"));
    assert_true(exists(tree, "numa1"));
    assert_int_equal(pt_tree_remove(tree, "numa0"), -ENOENT);
    assert_int_equal(pt_tree_remove(tree, U_S), 0);
    assert_false(exists(tree, "shared"));
    assert_int_equal(pt_tree_remove(tree, "compute1"), 0);
    assert_false(exists(tree, "numa1"));
    assert_int_equal(pt_tree_remove(NULL, U_R), -EINVAL);
    assert_int_equal(pt_tree_remove(tree, NULL), -EINVAL);
    assert_int_equal(pt_tree_remove(tree, ""), -EINVAL);
    assert_int_equal(pt_tree_check_invariants(tree), 0);
    pt_tree_free(tree);
}

/* exists finds names and UUIDs in either case, and validates input. */
static void test_exists(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    bool found = true;

    (void)state;
    assert_true(exists(tree, "pf0"));
    assert_true(exists(tree, "44444444-4444-4444-4444-444444444444"));
    assert_true(exists(tree, U_S));
    assert_false(exists(tree, "PF0"));
    assert_false(exists(tree, U_NEW));
    assert_int_equal(pt_tree_new_child(tree, "vf", "pf0", U_UPPER), 0);
    assert_true(exists(tree, U_LOWER));
    assert_int_equal(pt_tree_exists(NULL, U_R, &found), -EINVAL);
    assert_int_equal(pt_tree_exists(tree, NULL, &found), -EINVAL);
    assert_int_equal(pt_tree_exists(tree, U_R, NULL), -EINVAL);
    assert_int_equal(pt_tree_exists(tree, "a\tb", &found), -EINVAL);
    assert_true(found);
    pt_tree_free(tree);
}

/* data returns a complete point-in-time copy. */
static void test_data(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    struct pt_provider_data *data = NULL;
    const char *traits[] = { TRAIT_SSD };

    (void)state;
    assert_int_equal(pt_tree_data(tree, "compute1", &data), 0);
    assert_string_equal(data->uuid, U_R);
    assert_string_equal(data->name, "compute1");
    assert_int_equal(data->generation, 1);
    assert_string_equal(data->parent_uuid, "");
    assert_int_equal(data->inventory_count, 2);
    assert_string_equal(data->inventory[0].resource_class, "MEMORY_MB");
    assert_int_equal(data->inventory[1].total, 8);
    assert_int_equal(data->trait_count, 2);
    assert_string_equal(data->traits[0].str, TRAIT_CUSTOM);
    assert_int_equal(data->aggregate_count, 1);
    assert_string_equal(data->aggregates[0].str, AGG1);
    assert_int_equal(pt_tree_update_traits(tree, U_R, traits, 1, 9), 0);
    assert_int_equal(data->trait_count, 2);
    assert_int_equal(data->generation, 1);
    pt_provider_data_free(data);
    assert_int_equal(pt_tree_data(tree, "pf0", &data), 0);
    assert_string_equal(data->parent_uuid, U_N0);
    assert_int_equal(data->inventory_count, 0);
    assert_null(data->inventory);
    assert_int_equal(data->aggregate_count, 0);
    assert_null(data->aggregates);
    pt_provider_data_free(data);
    pt_provider_data_free(NULL);
    data = (struct pt_provider_data *)&data;
    assert_int_equal(pt_tree_data(tree, "nope", &data), -ENOENT);
    assert_null(data);
    assert_int_equal(pt_tree_data(NULL, U_R, &data), -EINVAL);
    assert_int_equal(pt_tree_data(tree, NULL, &data), -EINVAL);
    assert_int_equal(pt_tree_data(tree, U_R, NULL), -EINVAL);
    pt_tree_free(tree);
}

/* get_provider_uuids lists all or a subtree, top-down. */
static void test_get_provider_uuids(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    struct pt_uuid_list *list = NULL;
    const char *all[] = { U_R, U_N0, U_PF, U_N1, U_S };
    const char *numa0[] = { U_N0, U_PF };

    (void)state;
    assert_int_equal(pt_tree_get_provider_uuids(tree, NULL, &list), 0);
    assert_uuids(list, all, ARRAY_LEN(all));
    pt_uuid_list_free(list);
    assert_int_equal(pt_tree_get_provider_uuids(tree, "numa0", &list), 0);
    assert_uuids(list, numa0, ARRAY_LEN(numa0));
    pt_uuid_list_free(list);
    assert_int_equal(pt_tree_get_provider_uuids(tree, "nope", &list),
                     -ENOENT);
    assert_null(list);
    assert_int_equal(pt_tree_get_provider_uuids(NULL, NULL, &list), -EINVAL);
    assert_int_equal(pt_tree_get_provider_uuids(tree, NULL, NULL), -EINVAL);
    assert_int_equal(pt_tree_get_provider_uuids(tree, "", &list), -EINVAL);
    pt_tree_free(tree);
}

/* get_provider_uuids_in_tree lists the whole tree of any member. */
static void test_get_provider_uuids_in_tree(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    struct pt_uuid_list *list = NULL;
    const char *compute[] = { U_R, U_N0, U_PF, U_N1 };
    const char *shared[] = { U_S };

    (void)state;
    assert_int_equal(pt_tree_get_provider_uuids_in_tree(tree, "pf0", &list),
                     0);
    assert_uuids(list, compute, ARRAY_LEN(compute));
    pt_uuid_list_free(list);
    assert_int_equal(pt_tree_get_provider_uuids_in_tree(tree, U_S, &list), 0);
    assert_uuids(list, shared, ARRAY_LEN(shared));
    pt_uuid_list_free(list);
    assert_int_equal(pt_tree_get_provider_uuids_in_tree(tree, U_NEW, &list),
                     -ENOENT);
    assert_null(list);
    assert_int_equal(pt_tree_get_provider_uuids_in_tree(NULL, U_R, &list),
                     -EINVAL);
    assert_int_equal(pt_tree_get_provider_uuids_in_tree(tree, NULL, &list),
                     -EINVAL);
    assert_int_equal(pt_tree_get_provider_uuids_in_tree(tree, U_R, NULL),
                     -EINVAL);
    pt_tree_free(tree);
}

/* populate adds parents before children and replaces existing ones. */
static void test_populate(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    struct pt_uuid_list *list = NULL;
    struct pt_provider_data *data = NULL;
    const struct pt_provider_record records[] = {
        { "new-child", U_NEW2, 3, U_NEW },
        { "new-root", U_NEW, 2, NULL },
        { "numa0-renamed", U_N0, 11, U_R },
        { "new-grandchild", U_NEW3, PT_GENERATION_NONE, U_NEW2 },
    };
    const char *all[] = { U_R, U_N1, U_N0, U_S, U_NEW, U_NEW2, U_NEW3 };

    (void)state;
    assert_int_equal(pt_tree_populate_from_iterable(tree, NULL, 0), 0);
    assert_int_equal(pt_tree_populate_from_iterable(tree, records, 4), 0);
    assert_int_equal(pt_tree_get_provider_uuids(tree, NULL, &list), 0);
    assert_uuids(list, all, ARRAY_LEN(all));
    pt_uuid_list_free(list);
    assert_false(exists(tree, "pf0"));
    assert_false(exists(tree, "numa0"));
    assert_int_equal(pt_tree_data(tree, U_N0, &data), 0);
    assert_string_equal(data->name, "numa0-renamed");
    assert_int_equal(data->generation, 11);
    pt_provider_data_free(data);
    assert_int_equal(generation_of(tree, "new-child"), 3);
    assert_int_equal(pt_tree_check_invariants(tree), 0);
    pt_tree_free(tree);
}

/* Replacing a root keeps its place and drops its inventory and traits. */
static void test_populate_replace_root(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    struct pt_provider_data *data = NULL;
    const struct pt_provider_record records[] = {
        { "shared-2", U_S, 6, NULL },
    };

    (void)state;
    assert_int_equal(pt_tree_populate_from_iterable(tree, records, 1), 0);
    assert_false(exists(tree, "shared"));
    assert_int_equal(pt_tree_data(tree, "shared-2", &data), 0);
    assert_int_equal(data->generation, 6);
    assert_int_equal(data->inventory_count, 0);
    assert_int_equal(data->trait_count, 0);
    assert_int_equal(data->aggregate_count, 0);
    pt_provider_data_free(data);
    pt_tree_free(tree);
}

/* populate builds a tree from nothing. */
static void test_populate_empty_tree(void **state)
{
    struct pt_provider_tree *tree = NULL;
    struct pt_uuid_list *list = NULL;
    const struct pt_provider_record records[] = {
        { "leaf", U_NEW2, 2, U_NEW }, { "root", U_NEW, 1, NULL },
    };
    const char *expected[] = { U_NEW, U_NEW2 };

    (void)state;
    assert_int_equal(pt_tree_new(&tree), 0);
    assert_int_equal(pt_tree_populate_from_iterable(tree, records, 2), 0);
    assert_int_equal(pt_tree_get_provider_uuids(tree, NULL, &list), 0);
    assert_uuids(list, expected, ARRAY_LEN(expected));
    pt_uuid_list_free(list);
    assert_int_equal(pt_tree_check_invariants(tree), 0);
    pt_tree_free(tree);
}

/* Assert that populating records fails with rc and changes nothing. */
static void assert_populate_fails(struct pt_provider_tree *tree,
                                  const struct pt_provider_record *records,
                                  size_t n, int rc)
{
    char *before = snapshot(tree);
    char *after;

    assert_int_equal(pt_tree_populate_from_iterable(tree, records, n), rc);
    after = snapshot(tree);
    assert_string_equal(before, after);
    free(before);
    free(after);
}

/* populate is all or nothing whatever goes wrong. */
static void test_populate_errors(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    const struct pt_provider_record orphan[] = {
        { "a", U_NEW, 1, NULL }, { "b", U_NEW2, 1, U_NEW3 },
    };
    const struct pt_provider_record twice[] = {
        { "a", U_NEW, 1, NULL }, { "b", U_UPPER, 1, NULL },
        { "c", U_LOWER, 1, NULL },
    };
    const struct pt_provider_record cycle[] = {
        { "a", U_NEW, 1, NULL }, { "b", U_NEW2, 1, U_NEW3 },
        { "c", U_NEW3, 1, U_NEW2 },
    };
    const struct pt_provider_record taken[] = {
        { "a", U_NEW, 1, NULL }, { "numa1", U_NEW2, 1, U_NEW },
    };
    const struct pt_provider_record lost_parent[] = {
        { "compute1", U_R, 1, NULL }, { "vf", U_NEW, 1, U_PF },
    };
    const struct pt_provider_record bad[][1] = {
        { { NULL, U_NEW, 1, NULL } }, { { "a", "nope", 1, NULL } },
        { { "a", U_NEW, 1, "nope" } }, { { "a\x01", U_NEW, 1, NULL } },
    };
    size_t i;

    (void)state;
    assert_populate_fails(tree, orphan, 2, -ENOENT);
    assert_populate_fails(tree, twice, 3, -EINVAL);
    assert_populate_fails(tree, cycle, 3, -EINVAL);
    assert_populate_fails(tree, taken, 2, -EEXIST);
    assert_populate_fails(tree, lost_parent, 2, -ENOENT);
    for (i = 0; i < ARRAY_LEN(bad); i++) {
        assert_populate_fails(tree, bad[i], 1, -EINVAL);
    }
    assert_populate_fails(tree, NULL, 1, -EINVAL);
    assert_populate_fails(tree, orphan, PT_LIST_MAX + 1, -EINVAL);
    assert_int_equal(pt_tree_populate_from_iterable(NULL, orphan, 1),
                     -EINVAL);
    pt_tree_free(tree);
}

/* has_inventory and has_inventory_changed compare inventories. */
static void test_inventory_queries(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    struct pt_inventory_record inv[] = {
        make_record("MEMORY_MB", 4096), make_record("VCPU", 8),
    };
    bool flag = false;

    (void)state;
    assert_int_equal(pt_tree_has_inventory(tree, U_R, &flag), 0);
    assert_true(flag);
    assert_int_equal(pt_tree_has_inventory(tree, "numa0", &flag), 0);
    assert_false(flag);
    assert_int_equal(pt_tree_has_inventory_changed(tree, U_R, inv, 2, &flag),
                     0);
    assert_false(flag);
    inv[1].allocation_ratio = 16.0;
    assert_int_equal(pt_tree_has_inventory_changed(tree, U_R, inv, 2, &flag),
                     0);
    assert_true(flag);
    assert_int_equal(pt_tree_has_inventory_changed(tree, U_R, inv, 1, &flag),
                     0);
    assert_true(flag);
    assert_int_equal(pt_tree_has_inventory_changed(tree, "numa1", NULL, 0,
                                                   &flag), 0);
    assert_false(flag);
    assert_int_equal(pt_tree_has_inventory(tree, "nope", &flag), -ENOENT);
    assert_int_equal(pt_tree_has_inventory(tree, U_R, NULL), -EINVAL);
    assert_int_equal(pt_tree_has_inventory(NULL, U_R, &flag), -EINVAL);
    assert_int_equal(pt_tree_has_inventory(tree, NULL, &flag), -EINVAL);
    assert_int_equal(pt_tree_has_inventory_changed(tree, "nope", inv, 2,
                                                   &flag), -ENOENT);
    assert_int_equal(pt_tree_has_inventory_changed(tree, U_R, inv, 2, NULL),
                     -EINVAL);
    assert_int_equal(pt_tree_has_inventory_changed(NULL, U_R, inv, 2, &flag),
                     -EINVAL);
    assert_int_equal(pt_tree_has_inventory_changed(tree, NULL, inv, 2,
                                                   &flag), -EINVAL);
    assert_int_equal(pt_tree_has_inventory_changed(tree, U_R, NULL, 2,
                                                   &flag), -EINVAL);
    pt_tree_free(tree);
}

/* update_inventory replaces records and sets the generation if given. */
static void test_update_inventory(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    struct pt_inventory_record inv[] = {
        make_record("VCPU", 16), make_record("PCPU", 4),
    };
    struct pt_provider_data *data = NULL;
    char *before;

    (void)state;
    assert_int_equal(pt_tree_update_inventory(tree, "compute1", inv, 2, 42),
                     0);
    assert_int_equal(pt_tree_data(tree, U_R, &data), 0);
    assert_int_equal(data->generation, 42);
    assert_int_equal(data->inventory_count, 2);
    assert_string_equal(data->inventory[0].resource_class, "PCPU");
    assert_int_equal(data->inventory[1].total, 16);
    pt_provider_data_free(data);
    assert_int_equal(pt_tree_update_inventory(tree, U_R, inv, 2,
                                              PT_GENERATION_NONE), 0);
    assert_int_equal(generation_of(tree, U_R), 42);
    assert_int_equal(pt_tree_update_inventory(tree, U_R, inv, 2, 43), 0);
    assert_int_equal(generation_of(tree, U_R), 43);
    before = snapshot(tree);
    assert_int_equal(pt_tree_update_inventory(tree, "nope", inv, 2, 1),
                     -ENOENT);
    inv[1] = make_record("VCPU", 1);
    assert_int_equal(pt_tree_update_inventory(tree, U_R, inv, 2, 1), -EINVAL);
    inv[1] = make_record("PCPU", 1);
    inv[1].allocation_ratio = NAN;
    assert_int_equal(pt_tree_update_inventory(tree, U_R, inv, 2, 1), -EINVAL);
    inv[1] = make_record("PCPU", 1);
    memset(inv[1].resource_class, 'X', sizeof(inv[1].resource_class));
    assert_int_equal(pt_tree_update_inventory(tree, U_R, inv, 2, 1), -EINVAL);
    inv[1].resource_class[0] = '\0';
    assert_int_equal(pt_tree_update_inventory(tree, U_R, inv, 2, 1), -EINVAL);
    assert_int_equal(pt_tree_update_inventory(tree, U_R, NULL, 1, 1),
                     -EINVAL);
    assert_int_equal(pt_tree_update_inventory(tree, U_R, inv,
                                              PT_LIST_MAX + 1, 1), -EINVAL);
    assert_int_equal(pt_tree_update_inventory(NULL, U_R, inv, 1, 1), -EINVAL);
    assert_int_equal(pt_tree_update_inventory(tree, NULL, inv, 1, 1),
                     -EINVAL);
    {
        char *after = snapshot(tree);

        assert_string_equal(before, after);
        free(after);
    }
    free(before);
    assert_int_equal(pt_tree_update_inventory(tree, U_R, NULL, 0, 44), 0);
    assert_int_equal(pt_tree_has_inventory(tree, U_R, &(bool){ true }), 0);
    pt_tree_free(tree);
}

/* Trait queries: has_traits and have_traits_changed. */
static void test_trait_queries(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    const char *both[] = { TRAIT_CUSTOM, TRAIT_AVX, TRAIT_AVX };
    const char *missing[] = { TRAIT_AVX, TRAIT_SSD };
    const char *bad[] = { TRAIT_AVX, "bad\ntrait" };
    bool flag = false;

    (void)state;
    assert_int_equal(pt_tree_has_traits(tree, U_R, both, 3, &flag), 0);
    assert_true(flag);
    assert_int_equal(pt_tree_has_traits(tree, U_R, missing, 2, &flag), 0);
    assert_false(flag);
    assert_int_equal(pt_tree_has_traits(tree, "numa1", NULL, 0, &flag), 0);
    assert_true(flag);
    assert_int_equal(pt_tree_have_traits_changed(tree, U_R, both, 3, &flag),
                     0);
    assert_false(flag);
    assert_int_equal(pt_tree_have_traits_changed(tree, U_R, both, 1, &flag),
                     0);
    assert_true(flag);
    assert_int_equal(pt_tree_has_traits(tree, "nope", both, 1, &flag),
                     -ENOENT);
    assert_int_equal(pt_tree_has_traits(tree, U_R, bad, 2, &flag), -EINVAL);
    assert_int_equal(pt_tree_has_traits(tree, U_R, NULL, 1, &flag), -EINVAL);
    assert_int_equal(pt_tree_has_traits(tree, U_R, both, 1, NULL), -EINVAL);
    assert_int_equal(pt_tree_has_traits(NULL, U_R, both, 1, &flag), -EINVAL);
    assert_int_equal(pt_tree_has_traits(tree, NULL, both, 1, &flag),
                     -EINVAL);
    assert_int_equal(pt_tree_have_traits_changed(tree, "nope", both, 1,
                                                 &flag), -ENOENT);
    assert_int_equal(pt_tree_have_traits_changed(tree, U_R, bad, 2, &flag),
                     -EINVAL);
    assert_int_equal(pt_tree_have_traits_changed(tree, U_R, both, 1, NULL),
                     -EINVAL);
    assert_int_equal(pt_tree_have_traits_changed(NULL, U_R, both, 1, &flag),
                     -EINVAL);
    pt_tree_free(tree);
}

/* Trait updates: update_traits, add_traits and remove_traits. */
static void test_trait_updates(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    const char *ssd[] = { TRAIT_SSD, TRAIT_SSD };
    const char *avx_gone[] = { TRAIT_AVX, "NOT_THERE" };
    const char *expected[] = { TRAIT_CUSTOM, TRAIT_SSD };
    const char *bad[] = { "" };
    bool flag = false;

    (void)state;
    assert_int_equal(pt_tree_add_traits(tree, U_R, ssd, 2), 0);
    assert_int_equal(pt_tree_remove_traits(tree, "compute1", avx_gone, 2), 0);
    assert_int_equal(pt_tree_have_traits_changed(tree, U_R, expected, 2,
                                                 &flag), 0);
    assert_false(flag);
    assert_int_equal(generation_of(tree, U_R), 1);
    assert_int_equal(pt_tree_add_traits(tree, U_R, NULL, 0), 0);
    assert_int_equal(pt_tree_add_traits(tree, "numa1", NULL, 0), 0);
    assert_int_equal(pt_tree_remove_traits(tree, "numa1", ssd, 1), 0);
    assert_int_equal(pt_tree_update_traits(tree, U_R, ssd, 1, 8), 0);
    assert_int_equal(generation_of(tree, U_R), 8);
    assert_int_equal(pt_tree_update_traits(tree, U_R, ssd, 1,
                                           PT_GENERATION_NONE), 0);
    assert_int_equal(generation_of(tree, U_R), 8);
    assert_int_equal(pt_tree_have_traits_changed(tree, U_R, ssd, 2, &flag),
                     0);
    assert_false(flag);
    assert_int_equal(pt_tree_update_traits(tree, "nope", ssd, 1, 1),
                     -ENOENT);
    assert_int_equal(pt_tree_add_traits(tree, "nope", ssd, 1), -ENOENT);
    assert_int_equal(pt_tree_remove_traits(tree, "nope", ssd, 1), -ENOENT);
    assert_int_equal(pt_tree_update_traits(tree, U_R, bad, 1, 1), -EINVAL);
    assert_int_equal(pt_tree_add_traits(tree, U_R, bad, 1), -EINVAL);
    assert_int_equal(pt_tree_remove_traits(tree, U_R, bad, 1), -EINVAL);
    assert_int_equal(pt_tree_update_traits(NULL, U_R, ssd, 1, 1), -EINVAL);
    assert_int_equal(pt_tree_add_traits(tree, NULL, ssd, 1), -EINVAL);
    assert_int_equal(pt_tree_remove_traits(tree, U_R, ssd, PT_LIST_MAX + 1),
                     -EINVAL);
    assert_int_equal(generation_of(tree, U_R), 8);
    pt_tree_free(tree);
}

/* Aggregates: UUIDs are validated and compared case-insensitively. */
static void test_aggregates(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    const char *upper[] = { AGG2_UPPER };
    const char *both[] = { AGG1, AGG2 };
    const char *bad[] = { "not-a-uuid" };
    struct pt_provider_data *data = NULL;
    bool flag = false;

    (void)state;
    assert_int_equal(pt_tree_in_aggregates(tree, U_R, upper, 1, &flag), 0);
    assert_false(flag);
    assert_int_equal(pt_tree_add_aggregates(tree, U_R, upper, 1), 0);
    assert_int_equal(pt_tree_in_aggregates(tree, U_R, both, 2, &flag), 0);
    assert_true(flag);
    assert_int_equal(pt_tree_in_aggregates(tree, U_R, upper, 1, &flag), 0);
    assert_true(flag);
    assert_int_equal(pt_tree_data(tree, U_R, &data), 0);
    assert_int_equal(data->aggregate_count, 2);
    assert_string_equal(data->aggregates[1].str, AGG2);
    pt_provider_data_free(data);
    assert_int_equal(pt_tree_have_aggregates_changed(tree, U_R, both, 2,
                                                     &flag), 0);
    assert_false(flag);
    assert_int_equal(pt_tree_remove_aggregates(tree, U_R, both, 1), 0);
    assert_int_equal(pt_tree_have_aggregates_changed(tree, U_R, upper, 1,
                                                     &flag), 0);
    assert_false(flag);
    assert_int_equal(pt_tree_update_aggregates(tree, U_R, NULL, 0, 3), 0);
    assert_int_equal(generation_of(tree, U_R), 3);
    assert_int_equal(pt_tree_in_aggregates(tree, U_R, NULL, 0, &flag), 0);
    assert_true(flag);
    assert_int_equal(pt_tree_in_aggregates(tree, U_R, bad, 1, &flag),
                     -EINVAL);
    assert_int_equal(pt_tree_add_aggregates(tree, U_R, bad, 1), -EINVAL);
    assert_int_equal(pt_tree_update_aggregates(tree, U_R, bad, 1, 1),
                     -EINVAL);
    assert_int_equal(pt_tree_have_aggregates_changed(tree, U_R, bad, 1,
                                                     &flag), -EINVAL);
    assert_int_equal(pt_tree_remove_aggregates(tree, "nope", both, 1),
                     -ENOENT);
    assert_int_equal(pt_tree_in_aggregates(tree, "nope", both, 1, &flag),
                     -ENOENT);
    assert_int_equal(generation_of(tree, U_R), 3);
    pt_tree_free(tree);
}

/* has_sharing_provider needs the sharing trait and the class together. */
static void test_has_sharing_provider(void **state)
{
    struct pt_provider_tree *tree = make_tree();
    const char *sharing[] = { PT_TRAIT_SHARES_VIA_AGGREGATE };
    const struct pt_inventory_record ipv4[] = {
        make_record("IPV4_ADDRESS", 64),
    };
    bool has = true;

    (void)state;
    assert_int_equal(pt_tree_has_sharing_provider(tree, "DISK_GB", &has), 0);
    assert_true(has);
    assert_int_equal(pt_tree_has_sharing_provider(tree, "VCPU", &has), 0);
    assert_false(has);
    assert_int_equal(pt_tree_update_inventory(tree, "pf0", ipv4, 1, 1), 0);
    assert_int_equal(pt_tree_has_sharing_provider(tree, "IPV4_ADDRESS",
                                                  &has), 0);
    assert_false(has);
    assert_int_equal(pt_tree_add_traits(tree, "pf0", sharing, 1), 0);
    assert_int_equal(pt_tree_has_sharing_provider(tree, "IPV4_ADDRESS",
                                                  &has), 0);
    assert_true(has);
    assert_int_equal(pt_tree_has_sharing_provider(tree, "", &has), -EINVAL);
    assert_int_equal(pt_tree_has_sharing_provider(tree, "VCPU", NULL),
                     -EINVAL);
    assert_int_equal(pt_tree_has_sharing_provider(NULL, "VCPU", &has),
                     -EINVAL);
    pt_tree_free(tree);
}

/* A UUID-shaped name is a key like a UUID, whatever its case. */
static void test_uuid_shaped_names(void **state)
{
    struct pt_provider_tree *tree = NULL;
    bool found = false;

    (void)state;
    assert_int_equal(pt_tree_new(&tree), 0);
    assert_int_equal(pt_tree_new_root(tree, U_UPPER, U_UPPER, 1), 0);
    assert_int_equal(pt_tree_new_root(tree, "n", U_LOWER, 1), -EEXIST);
    assert_int_equal(pt_tree_new_root(tree, U_LOWER, U_NEW, 1), -EEXIST);
    assert_int_equal(pt_tree_new_child(tree, "child", U_LOWER, U_NEW), 0);
    assert_int_equal(pt_tree_exists(tree, U_LOWER, &found), 0);
    assert_true(found);
    assert_int_equal(pt_tree_check_invariants(tree), 0);
    pt_tree_free(tree);
}

/* An operation run against a fresh tree; returns its result. */
typedef int (*tree_op_fn)(struct pt_provider_tree *tree);

/* Build the tree an operation starts from. */
typedef struct pt_provider_tree *(*tree_maker_fn)(void);

/*
 * Run op on fresh trees from make, failing the k-th allocation for
 * k = 1, 2, ... until op succeeds.  Every failure must be -ENOMEM and
 * leave the tree as it was.  Returns the number of failures seen.
 */
static long check_allocation_failures(tree_maker_fn make, tree_op_fn op)
{
    long k;

    for (k = 1;; k++) {
        struct pt_provider_tree *tree = make();
        char *before = snapshot(tree);
        char *after;
        int rc;

        fail_allocation(k);
        rc = op(tree);
        fail_allocation(0);
        after = snapshot(tree);
        if (rc == 0) {
            pt_tree_free(tree);
            free(before);
            free(after);
            return k - 1;
        }
        assert_int_equal(rc, -ENOMEM);
        assert_string_equal(before, after);
        pt_tree_free(tree);
        free(before);
        free(after);
    }
}

/* The standard tree plus six roots: the root indexes are then full. */
static struct pt_provider_tree *make_full_tree(void)
{
    struct pt_provider_tree *tree = make_tree();
    char uuid[PT_UUID_BUF];
    int i;

    for (i = 0; i < 6; i++) {
        assert_true(snprintf(uuid, sizeof(uuid),
                             "99999999-0000-0000-0000-%012d", i) == 36);
        assert_int_equal(pt_tree_new_root(tree, uuid, uuid, i), 0);
    }
    return tree;
}

/* Add a root to a tree. */
static int op_new_root(struct pt_provider_tree *tree)
{
    return pt_tree_new_root(tree, "new", U_NEW, 3);
}

/* Add a child to a provider with no children yet. */
static int op_new_child(struct pt_provider_tree *tree)
{
    return pt_tree_new_child(tree, "vf0", "pf0", U_NEW);
}

/* Replace an inventory. */
static int op_update_inventory(struct pt_provider_tree *tree)
{
    const struct pt_inventory_record inv[] = {
        make_record("VCPU", 4), make_record("PCPU", 2),
    };

    return pt_tree_update_inventory(tree, U_R, inv, 2, 7);
}

/* Replace a trait set. */
static int op_update_traits(struct pt_provider_tree *tree)
{
    const char *traits[] = { TRAIT_SSD, TRAIT_AVX };

    return pt_tree_update_traits(tree, U_R, traits, 2, 7);
}

/* Add traits. */
static int op_add_traits(struct pt_provider_tree *tree)
{
    const char *traits[] = { TRAIT_SSD };

    return pt_tree_add_traits(tree, U_R, traits, 1);
}

/* Remove traits. */
static int op_remove_traits(struct pt_provider_tree *tree)
{
    const char *traits[] = { TRAIT_AVX };

    return pt_tree_remove_traits(tree, U_R, traits, 1);
}

/* Replace an aggregate set. */
static int op_update_aggregates(struct pt_provider_tree *tree)
{
    const char *aggs[] = { AGG2_UPPER };

    return pt_tree_update_aggregates(tree, U_R, aggs, 1, 7);
}

/* Add aggregates. */
static int op_add_aggregates(struct pt_provider_tree *tree)
{
    const char *aggs[] = { AGG2 };

    return pt_tree_add_aggregates(tree, U_R, aggs, 1);
}

/* Remove aggregates. */
static int op_remove_aggregates(struct pt_provider_tree *tree)
{
    const char *aggs[] = { AGG1 };

    return pt_tree_remove_aggregates(tree, U_S, aggs, 1);
}

/* Add a new tree and replace an existing child with populate. */
static int op_populate(struct pt_provider_tree *tree)
{
    const struct pt_provider_record records[] = {
        { "new-child", U_NEW2, 3, U_NEW },
        { "new-root", U_NEW, 2, NULL },
        { "numa0-renamed", U_N0, 11, U_R },
    };

    return pt_tree_populate_from_iterable(tree, records, 3);
}

/* Copy a provider's data. */
static int op_data(struct pt_provider_tree *tree)
{
    struct pt_provider_data *data = NULL;
    int rc = pt_tree_data(tree, U_S, &data);

    assert_true((rc == 0) == (data != NULL));
    pt_provider_data_free(data);
    return rc;
}

/* List all UUIDs and the UUIDs of one tree. */
static int op_uuid_lists(struct pt_provider_tree *tree)
{
    struct pt_uuid_list *list = NULL;
    int rc = pt_tree_get_provider_uuids(tree, NULL, &list);

    pt_uuid_list_free(list);
    list = NULL;
    if (rc == 0) {
        rc = pt_tree_get_provider_uuids_in_tree(tree, "pf0", &list);
    }
    assert_true((rc == 0) == (list != NULL));
    pt_uuid_list_free(list);
    return rc;
}

/* Compare inventory, traits and aggregates with proposed ones. */
static int op_changed_queries(struct pt_provider_tree *tree)
{
    const struct pt_inventory_record inv[] = { make_record("VCPU", 4) };
    const char *strs[] = { AGG1, AGG2 };
    bool changed = false;
    int rc = pt_tree_has_inventory_changed(tree, U_R, inv, 1, &changed);

    if (rc == 0) {
        rc = pt_tree_have_traits_changed(tree, U_R, strs, 2, &changed);
    }
    if (rc == 0) {
        rc = pt_tree_have_aggregates_changed(tree, U_R, strs, 2, &changed);
    }
    return rc;
}

/* Every mutating operation survives every allocation failure. */
static void test_allocation_failures_mutations(void **state)
{
    (void)state;
    assert_true(check_allocation_failures(make_tree, op_new_root) >= 1);
    assert_true(check_allocation_failures(make_full_tree, op_new_root) >= 3);
    assert_true(check_allocation_failures(make_tree, op_new_child) >= 2);
    assert_true(check_allocation_failures(make_tree,
                                          op_update_inventory) >= 1);
    assert_true(check_allocation_failures(make_tree, op_update_traits) >= 2);
    assert_true(check_allocation_failures(make_tree, op_add_traits) >= 3);
    assert_true(check_allocation_failures(make_tree, op_remove_traits) >= 3);
    assert_true(check_allocation_failures(make_tree,
                                          op_update_aggregates) >= 2);
    assert_true(check_allocation_failures(make_tree,
                                          op_add_aggregates) >= 3);
    assert_true(check_allocation_failures(make_tree,
                                          op_remove_aggregates) >= 3);
    assert_true(check_allocation_failures(make_tree, op_populate) >= 10);
    assert_true(check_allocation_failures(make_full_tree, op_populate) >= 10);
}

/* Queries that allocate fail cleanly with -ENOMEM too. */
static void test_allocation_failures_queries(void **state)
{
    (void)state;
    assert_true(check_allocation_failures(make_tree, op_data) >= 4);
    assert_true(check_allocation_failures(make_tree, op_uuid_lists) >= 2);
    assert_true(check_allocation_failures(make_tree,
                                          op_changed_queries) >= 3);
}

/* Wrap a test with the counting allocator's setup and teardown. */
#define PT_TEST(fn) \
    cmocka_unit_test_setup_teardown(fn, setup_allocator, teardown_allocator)

/* Run every test. */
int main(void)
{
    const struct CMUnitTest tests[] = {
        PT_TEST(test_valid_uuid),
        PT_TEST(test_valid_name),
        PT_TEST(test_mem_set_ops),
        PT_TEST(test_new_free),
        PT_TEST(test_new_root),
        PT_TEST(test_new_child),
        PT_TEST(test_many_children),
        PT_TEST(test_many_roots),
        PT_TEST(test_remove),
        PT_TEST(test_exists),
        PT_TEST(test_data),
        PT_TEST(test_get_provider_uuids),
        PT_TEST(test_get_provider_uuids_in_tree),
        PT_TEST(test_populate),
        PT_TEST(test_populate_replace_root),
        PT_TEST(test_populate_empty_tree),
        PT_TEST(test_populate_errors),
        PT_TEST(test_inventory_queries),
        PT_TEST(test_update_inventory),
        PT_TEST(test_trait_queries),
        PT_TEST(test_trait_updates),
        PT_TEST(test_aggregates),
        PT_TEST(test_has_sharing_provider),
        PT_TEST(test_uuid_shaped_names),
        PT_TEST(test_allocation_failures_mutations),
        PT_TEST(test_allocation_failures_queries),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
