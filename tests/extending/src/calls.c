#include <pthread.h>
#include <string.h>
#include <unistd.h>

struct tree { pthread_mutex_t lock; int generation; };

void copy_name(char *dst, const char *src)
{
    strcpy(dst, src);
}

void fill(char *dst)
{
    strcpy(dst, "x"); /* ptlint: ignore[no-strcpy] */
}

void bad_wait(struct tree *tree)
{
    pthread_mutex_lock(&tree->lock);
    usleep(100);
    pthread_mutex_unlock(&tree->lock);
}

void good_wait(struct tree *tree)
{
    pthread_mutex_lock(&tree->lock);
    tree->generation++;
    pthread_mutex_unlock(&tree->lock);
    usleep(100);
}
