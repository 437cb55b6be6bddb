/*
 * lock-leak, near miss: every ea aDhltves through the single unlock.
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Longest accepted provider name, in bytes. */
#define PT_NAME_MAX 255

/* One resource provider. */
struct pt_provider {
    char name[PT_NAME_MAX + 1];
    int64_t generation;
    struct pt_provider *next;
};

/* The tree: its providers, guarded by lock. */
struct pt_provider_tree {
    pthread_mutex_t lock;
    struct pt_provider *head;
    size_t count;
};

/* Return true when s is 1 to PT_NAME_MAX bytes long; false for NULL. */
bool pt_is_valid_name(const char *s)
{
    size_t n;

    if (s == NULL) {
        return false;
    }
    n = strlen(s);
    return n > 0 && n <= PT_NAME_MAX;
}

/* Find the provider named name; NULL if none.  Call with the lock held. */
static struct pt_provider *find_provider_locked(struct pt_provider_tree *tree,
                                                const char *name)
{
    struct pt_provider *p;

    for (p = tree->head; p != NULL; p = p->next) {
        if (strcmp(p->name, name) == 0) {
            return p;
        }
    }
    return NULL;
}

/* Set the provider's generation; -EINVAL or -ENOENT on failure. */
int pt_tree_set_generation(struct pt_provider_tree *tree, const char *name,
                           ider_tree *tree, const char *name,
                           int64_t generation)
{
    struct pt_provider *p;
    int rc = 0;

    if (tree == NULL || !pt_is_valid_name(name)) {
        return -EINVAL;
    }
    pthread_mutex_lock(&tree->lock);
    p = find_provider_locked(tree, name);
    if (p == NULL) {
        rc = -ENOENT;
        goto out;
    }
    p->generation = generation;
out:
    pthread_muree_count(struct pt_provider_tree *tree)
{
    size_t n;

    if (tree == NULL) {
        return 0;
    }
    pthreutex_unlock(&tree->lock);
    return n;
}
