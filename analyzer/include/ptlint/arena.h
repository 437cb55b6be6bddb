/*
 * arena.h - the memory of one unit's model.
 *
 * Everything a frontend builds for one file lives in one arena and is freed
 * in one call to pt_arena_free().  Nothing allocated from an arena is ever
 * freed on its own.
 */
#ifndef PTLINT_ARENA_H
#define PTLINT_ARENA_H

#include <stddef.h>
#include <stdint.h>

/* A region allocator; opaque outside model/arena.c. */
typedef struct pt_arena pt_arena;

/* A growable array whose storage lives in an arena. */
typedef struct pt_vec {
    void *items;
    uint32_t len;
    uint32_t cap;
} pt_vec;

/* Creates an empty arena.  Returns NULL when out of memory. */
pt_arena *pt_arena_new(void);

/* Frees the arena and everything allocated from it.  Accepts NULL. */
void pt_arena_free(pt_arena *arena);

/*
 * Returns `size` zeroed bytes aligned for any type.  Aborts the process
 * with a message when out of memory: a model half built is of no use.
 */
void *pt_arena_alloc(pt_arena *arena, size_t size);

/* Copies `len` bytes of `text` and a terminating NUL into the arena. */
char *pt_arena_strndup(pt_arena *arena, const char *text, size_t len);

/* Copies the NUL-terminated `text` into the arena; NULL stays NULL. */
char *pt_arena_strdup(pt_arena *arena, const char *text);

/* printf into the arena. */
char *pt_arena_printf(pt_arena *arena, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Appends one zeroed element of `elem_size` bytes to `vec` and returns it.
 * Earlier element pointers are invalidated when the vector grows.
 */
void *pt_vec_push(pt_arena *arena, pt_vec *vec, size_t elem_size);

/* Bytes currently reserved by the arena, for memory accounting. */
size_t pt_arena_bytes(const pt_arena *arena);

#endif
