#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include "missing.h" /* a missing header must not stop analysis */

/* A tree. */
struct pt_tree {
    pthread_mutex_t lock;
    struct pt_tree *root;
    int n;
};

typedef struct { int a; } anon_t;

#define TWICE(x) ((x) * 2)
#define LIMIT 10

static int helper(int v);

/* Does things. */
int pt_tree_get(struct pt_tree *t, const char *name)
{
    int rc = 0;
    size_t i;

    if (t == NULL || !name) {
        return -1;
    }
    pthread_mutex_lock(&t->lock);
    for (i = 0; i < strlen(name); i++) {
        if (name[i] == 'x' && t->root->n > LIMIT)
            rc += TWICE(t->n);
        else if (helper(rc))
            break;
    }
    t->n++;
    t->root->n = rc ? rc : 1;
    pthread_mutex_unlock(&t->lock);
    switch (rc) {
    case 1:
        rc = 2;
        /* fallthrough */
    case 2:
        return rc;
    default:
        break;
    }
    (void)helper(sizeof(*t));
    while (rc > 0) {
        rc--;
    }
    do {
        rc++;
    } while (rc < 3);
out:
    return rc;
}

static int helper(int v)
{
    return v > 1;
}

typedef struct pt_node pt_node;
struct pt_node {
    pt_node *next;
    const char *key;
};

/* Walk the list; (*n).key and n->next are the same paths. */
static pt_node *find(pt_node *head, const char *key)
{
    pt_node *n;

    for (n = head; n != NULL; n = n->next) {
        if (strcmp((*n).key, key) == 0)
            goto found;
    }
    return NULL;
found:
    return n;
}

int uses_find(pt_node *head)
{
    pt_node *(*fn)(pt_node *, const char *) = find;

    return fn(head, "x") != NULL;
}
