/*
 * A small provider tree with seeded defects for the audit tests: every
 * review point but exception handling (see tree.py) is confirmed here.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* One provider. */
struct node {
    char name[32];
    int generation;
    struct node *next;
};

/* The tree, guarded by lock. */
struct tree {
    pthread_mutex_t lock;
    struct node *head;
    int count;
};

/* Find the node named name; NULL if none. */
struct node *tree_find(struct tree *t, const char *name)
{
    struct node *n;

    for (n = t->head; n != NULL; n = n->next) {
        if (strcmp(n->name, name) == 0) {
            return n;
        }
    }
    return NULL;
}

/* Rename: copies the caller's name unbounded. */
void tree_rename(struct tree *t, const char *old_name, const char *name)
{
    struct node *n;

    pthread_mutex_lock(&t->lock);
    n = tree_find(t, old_name);
    strcpy(n->name, name);
    pthread_mutex_unlock(&t->lock);
}

/* Count, read without the lock. */
int tree_count(struct tree *t)
{
    return t->count;
}

/* Add one; leaks the lock on failure. */
int tree_add(struct tree *t)
{
    struct node *n;
    int unused;

    pthread_mutex_lock(&t->lock);
    n = malloc(sizeof *n);
    if (n == NULL) {
        return -ENOMEM;
    }
    n->next = t->head;
    t->head = n;
    t->count++;
    pthread_mutex_unlock(&t->lock);
    return 0;
}

int treeGeneration(struct tree *t)
{
	return t->head != NULL ? t->head->generation : 0;
}

/* Old-style declaration. */
int tree_reset();

/* Sum of a few conditions: too complex. */
int tree_score(int a, int b, int c, int d)
{
    int s = 0;

    if (a > 0 && b > 0) { s++; }
    if (a > 1 || c > 1) { s++; }
    if (b > 2 && d > 2) { s++; }
    if (c > 3 || d > 3) { s++; }
    if (a > 4 && c > 4) { s++; }
    if (b > 5 || d > 5) { s++; }
    return s;
}

/* Initialise; ignores the error of pthread_mutex_init. */
void tree_init(struct tree *t)
{
    pthread_mutex_init(&t->lock, NULL);
    t->head = NULL;
    t->count = 0;
}
