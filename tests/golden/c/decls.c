/*
 * decls.c - declarations of every kind.
 */
#include <stddef.h>

/* Largest size. */
#define PT_MAX 64
#define PT_SQUARE(x) ((x) * (x))

/* Colours. */
enum pt_color {
    PT_RED,
    PT_GREEN = 4,
};

typedef struct {
    int width;          /* not a doc: trailing */
    char *label;
} pt_box;

struct pt_list;

int pt_old();
static int pt_helper(int value, const char *text);
extern int pt_external;
int pt_visible = PT_MAX;
static const char pt_name[] = "name";

static int pt_helper(int value, const char *text)
{
    (void)text;
    return PT_SQUARE(value) + PT_RED;
}

int pt_kr(a, b)
    int a;
    char *b;
{
    return a + (b != NULL);
}

/* Sum the box. */
int pt_box_area(pt_box *box, int unused __attribute__((unused)))
{
    int area = box->width;
    static int calls;
    int (*fn)(int, const char *) = pt_helper;

    calls++;
    area *= 2;
    box->label = NULL;
    return area + fn(pt_visible, pt_name) + (int)sizeof(calls);
}
