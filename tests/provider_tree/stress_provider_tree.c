/*
 * stress_provider_tree.c - multi-threaded stress test of the reference
 * provider tree (fixtures/provider_tree).
 *
 * THREAD_COUNT threads run a bounded number of random mixed operations
 * against one tree: adding, removing and replacing providers, updating
 * inventory, traits and aggregates, and taking copies and UUID lists.
 * Every call must return one of the results valid for it under any
 * interleaving.  Afterwards the tree's invariants are checked both through
 * pt_tree_check_invariants() and through the public API.  Exit status is
 * non-zero on any violation.  Meant to run under ThreadSanitizer too.
 */
#include "provider_tree.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Number of worker threads. */
#define THREAD_COUNT 6
/* Operations per worker thread. */
#define ITERATIONS 1000
/* Provider UUID slots per thread; any thread may touch any slot. */
#define SLOTS 48
/* UUID of the root every worker grows its providers under. */
#define HOST_UUID "00000000-0000-0000-0000-00000000aaaa"

/* What one worker thread needs and reports. */
struct worker {
    struct pt_provider_tree *tree;
    unsigned int id;
    unsigned int seed;
    long violations;
};

/* Return the next pseudo-random number of a worker (xorshift32). */
static unsigned int next_random(struct worker *w)
{
    w->seed ^= w->seed << 13;
    w->seed ^= w->seed >> 17;
    w->seed ^= w->seed << 5;
    return w->seed;
}

/* Write the UUID of slot slot of thread owner into out. */
static void slot_uuid(unsigned int owner, unsigned int slot,
                      char out[PT_UUID_BUF])
{
    int len = snprintf(out, PT_UUID_BUF, "00000000-0000-0000-%04x-%012x",
                       owner, slot);

    if (len != PT_UUID_LEN) {
        abort();
    }
}

/* Write the UUID of a random slot of a random thread into out. */
static void random_uuid(struct worker *w, char out[PT_UUID_BUF])
{
    unsigned int owner = next_random(w) % THREAD_COUNT;

    slot_uuid(owner, next_random(w) % SLOTS, out);
}

/* Count a violation when rc is not 0 and not one of the allowed codes. */
static void expect(struct worker *w, const char *what, int rc, int allowed1,
                   int allowed2)
{
    if (rc != 0 && rc != allowed1 && rc != allowed2) {
        fprintf(stderr, "thread %u: %s returned %d\n", w->id, what, rc);
        w->violations++;
    }
}

/* Add a provider in one of this thread's slots under a random parent. */
static void op_add(struct worker *w)
{
    char uuid[PT_UUID_BUF];
    char parent[PT_UUID_BUF];
    char name[64];
    int rc;

    slot_uuid(w->id, next_random(w) % SLOTS, uuid);
    if (next_random(w) % 3 == 0) {
        memcpy(parent, HOST_UUID, sizeof(parent));
    } else {
        random_uuid(w, parent);
    }
    rc = snprintf(name, sizeof(name), "name-%s", uuid);
    if (rc < 0 || (size_t)rc >= sizeof(name)) {
        abort();
    }
    rc = pt_tree_new_child(w->tree, name, parent, uuid);
    expect(w, "new_child", rc, -ENOENT, -EEXIST);
}

/* Remove a random provider. */
static void op_remove(struct worker *w)
{
    char uuid[PT_UUID_BUF];

    random_uuid(w, uuid);
    expect(w, "remove", pt_tree_remove(w->tree, uuid), -ENOENT, -ENOENT);
}

/* Replace a random provider's inventory. */
static void op_inventory(struct worker *w)
{
    struct pt_inventory_record inv[2];
    char uuid[PT_UUID_BUF];
    bool changed;
    int rc;

    memset(inv, 0, sizeof(inv));
    memcpy(inv[0].resource_class, "VCPU", sizeof("VCPU"));
    memcpy(inv[1].resource_class, "DISK_GB", sizeof("DISK_GB"));
    inv[0].total = next_random(w) % 64;
    inv[1].total = 100;
    inv[0].allocation_ratio = 1.0;
    inv[1].allocation_ratio = 1.5;
    random_uuid(w, uuid);
    rc = pt_tree_update_inventory(w->tree, uuid, inv, 2, next_random(w));
    expect(w, "update_inventory", rc, -ENOENT, -ENOENT);
    rc = pt_tree_has_inventory_changed(w->tree, uuid, inv, 1, &changed);
    expect(w, "has_inventory_changed", rc, -ENOENT, -ENOENT);
}

/* Add, remove or replace traits and aggregates of a random provider. */
static void op_sets(struct worker *w)
{
    const char *traits[] = { PT_TRAIT_SHARES_VIA_AGGREGATE, "CUSTOM_X" };
    const char *aggs[] = { HOST_UUID };
    char uuid[PT_UUID_BUF];
    bool has;
    int rc;

    random_uuid(w, uuid);
    rc = pt_tree_add_traits(w->tree, uuid, traits, 2);
    expect(w, "add_traits", rc, -ENOENT, -ENOENT);
    rc = pt_tree_remove_traits(w->tree, uuid, traits + 1, 1);
    expect(w, "remove_traits", rc, -ENOENT, -ENOENT);
    rc = pt_tree_update_aggregates(w->tree, uuid, aggs, 1,
                                   PT_GENERATION_NONE);
    expect(w, "update_aggregates", rc, -ENOENT, -ENOENT);
    rc = pt_tree_in_aggregates(w->tree, uuid, aggs, 1, &has);
    expect(w, "in_aggregates", rc, -ENOENT, -ENOENT);
    rc = pt_tree_has_sharing_provider(w->tree, "VCPU", &has);
    expect(w, "has_sharing_provider", rc, 0, 0);
}

/* Copy a random provider's data and check that it describes it. */
static void op_data(struct worker *w)
{
    struct pt_provider_data *data = NULL;
    char uuid[PT_UUID_BUF];
    int rc;

    random_uuid(w, uuid);
    rc = pt_tree_data(w->tree, uuid, &data);
    expect(w, "data", rc, -ENOENT, -ENOENT);
    if (rc == 0 && strcmp(data->uuid, uuid) != 0) {
        fprintf(stderr, "thread %u: data of %s is %s\n", w->id, uuid,
                data->uuid);
        w->violations++;
    }
    pt_provider_data_free(data);
}

/* List UUIDs, all and in a random provider's tree. */
static void op_lists(struct worker *w)
{
    struct pt_uuid_list *list = NULL;
    char uuid[PT_UUID_BUF];
    int rc;

    expect(w, "get_provider_uuids",
           pt_tree_get_provider_uuids(w->tree, NULL, &list), 0, 0);
    pt_uuid_list_free(list);
    list = NULL;
    random_uuid(w, uuid);
    rc = pt_tree_get_provider_uuids_in_tree(w->tree, uuid, &list);
    expect(w, "get_provider_uuids_in_tree", rc, -ENOENT, -ENOENT);
    if (rc == 0 && strcmp(list->items[0].str, HOST_UUID) != 0) {
        fprintf(stderr, "thread %u: tree of %s has root %s\n", w->id, uuid,
                list->items[0].str);
        w->violations++;
    }
    pt_uuid_list_free(list);
}

/* Replace one of this thread's providers by a fresh child of the host. */
static void op_populate(struct worker *w)
{
    char uuid[PT_UUID_BUF];
    char name[64];
    struct pt_provider_record record;
    int rc;

    slot_uuid(w->id, next_random(w) % SLOTS, uuid);
    rc = snprintf(name, sizeof(name), "populated-%s", uuid);
    if (rc < 0 || (size_t)rc >= sizeof(name)) {
        abort();
    }
    record.name = name;
    record.uuid = uuid;
    record.generation = 1;
    record.parent_uuid = HOST_UUID;
    rc = pt_tree_populate_from_iterable(w->tree, &record, 1);
    expect(w, "populate_from_iterable", rc, -EEXIST, -EEXIST);
}

/* Run one random operation. */
static void run_one(struct worker *w)
{
    switch (next_random(w) % 8) {
    case 0:
    case 1:
        op_add(w);
        break;
    case 2:
        op_remove(w);
        break;
    case 3:
        op_inventory(w);
        break;
    case 4:
        op_sets(w);
        break;
    case 5:
        op_data(w);
        break;
    case 6:
        op_lists(w);
        break;
    default:
        op_populate(w);
        break;
    }
}

/* Thread body: run ITERATIONS random operations. */
static void *worker_main(void *arg)
{
    struct worker *w = arg;
    int i;

    for (i = 0; i < ITERATIONS; i++) {
        run_one(w);
        if (i % 500 == 0 && pt_tree_check_invariants(w->tree) != 0) {
            fprintf(stderr, "thread %u: invariants broken\n", w->id);
            w->violations++;
        }
    }
    return NULL;
}

/* Return 0 when uuid's parent exists and lists it in its subtree. */
static int check_parent_link(struct pt_provider_tree *tree,
                             const struct pt_provider_data *data)
{
    struct pt_uuid_list *list = NULL;
    size_t i;
    int found = 0;

    if (data->parent_uuid[0] == '\0') {
        return strcmp(data->uuid, HOST_UUID) == 0 ? 0 : 1;
    }
    if (pt_tree_get_provider_uuids(tree, data->parent_uuid, &list) != 0) {
        return 1;
    }
    for (i = 1; i < list->count; i++) {
        found += strcmp(list->items[i].str, data->uuid) == 0;
    }
    pt_uuid_list_free(list);
    return found == 1 ? 0 : 1;
}

/* Return 0 when the provider's name leads back to its UUID. */
static int check_name_index(struct pt_provider_tree *tree,
                            const struct pt_provider_data *data)
{
    struct pt_provider_data *by_name = NULL;
    int rc = 0;

    if (pt_tree_data(tree, data->name, &by_name) != 0 ||
        strcmp(by_name->uuid, data->uuid) != 0) {
        rc = 1;
    }
    pt_provider_data_free(by_name);
    return rc;
}

/* Return 0 when no UUID appears twice in list. */
static int check_no_duplicates(const struct pt_uuid_list *list)
{
    size_t i;
    size_t j;

    for (i = 0; i < list->count; i++) {
        for (j = i + 1; j < list->count; j++) {
            if (strcmp(list->items[i].str, list->items[j].str) == 0) {
                return 1;
            }
        }
    }
    return 0;
}

/* Check the final tree through the public API; return violations. */
static long check_tree(struct pt_provider_tree *tree)
{
    struct pt_uuid_list *list = NULL;
    long violations = pt_tree_check_invariants(tree) != 0;
    size_t i;

    if (pt_tree_get_provider_uuids(tree, NULL, &list) != 0) {
        return violations + 1;
    }
    violations += check_no_duplicates(list);
    for (i = 0; i < list->count; i++) {
        struct pt_provider_data *data = NULL;

        if (pt_tree_data(tree, list->items[i].str, &data) != 0) {
            violations++;
            continue;
        }
        violations += check_parent_link(tree, data);
        violations += check_name_index(tree, data);
        pt_provider_data_free(data);
    }
    printf("final tree: %zu providers\n", list->count);
    pt_uuid_list_free(list);
    return violations;
}

/* Start the workers, wait for them, and check the tree. */
int main(void)
{
    struct pt_provider_tree *tree = NULL;
    struct worker workers[THREAD_COUNT];
    pthread_t threads[THREAD_COUNT];
    long violations = 0;
    unsigned int i;

    if (pt_tree_new(&tree) != 0 ||
        pt_tree_new_root(tree, "host", HOST_UUID, 0) != 0) {
        fprintf(stderr, "cannot set up the tree\n");
        return 1;
    }
    for (i = 0; i < THREAD_COUNT; i++) {
        workers[i] = (struct worker){ tree, i, 2463534242u + i * 7919u, 0 };
        if (pthread_create(&threads[i], NULL, worker_main, &workers[i]) != 0) {
            fprintf(stderr, "cannot start thread %u\n", i);
            return 1;
        }
    }
    for (i = 0; i < THREAD_COUNT; i++) {
        if (pthread_join(threads[i], NULL) != 0) {
            return 1;
        }
        violations += workers[i].violations;
    }
    violations += check_tree(tree);
    pt_tree_free(tree);
    printf("%ld violation(s)\n", violations);
    return violations == 0 ? 0 : 1;
}
