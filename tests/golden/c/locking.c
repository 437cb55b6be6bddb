#include <pthread.h>
#include <string.h>

struct pt_tree {
    pthread_mutex_t lock;
    struct pt_node *root;
    int count;
};

struct pt_node {
    struct pt_node *next;
    const char *name;
};

/* Find a node by name; the tree lock is held inside. */
struct pt_node *pt_tree_find(struct pt_tree *tree, const char *name)
{
    struct pt_node *node;

    if (tree == NULL || !name)
        return NULL;
    pthread_mutex_lock(&tree->lock);
    for (node = tree->root; node != NULL; node = node->next) {
        if (strcmp(node->name, name) == 0)
            break;
    }
    pthread_mutex_unlock(&tree->lock);
    return node;
}

static int pt_tree_bump(struct pt_tree *tree, int by)
{
    int old;

    pthread_mutex_lock(&tree->lock);
    old = tree->count;
    if (by > 0 && old < 100) {
        tree->count += by;
    } else if (by < 0) {
        goto out;
    } else {
        tree->count = 0;
    }
    do {
        by--;
    } while (by > 0);
out:
    pthread_mutex_unlock(&tree->lock);
    return old;
}

int pt_tree_kind(const struct pt_tree *tree)
{
    switch (tree->count) {
    case 0:
        return 0;
    case 1:
    case 2:
        return 1;
    default:
        break;
    }
    return tree->root ? 2 : 3;
}
