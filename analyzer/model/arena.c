/*
 * arena.c - bump allocation in chunks; one free for the whole unit.
 */
#include "ptlint/arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_CHUNK = 64 * 1024, ARENA_ALIGN = 16 };

/* One chunk of storage; chunks form a list, newest first. */
struct arena_chunk {
    struct arena_chunk *next;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
};

struct pt_arena {
    struct arena_chunk *chunks;
    size_t bytes;
};

/* Reports exhaustion and stops: a model half built is of no use. */
static void arena_out_of_memory(size_t size)
{
    fprintf(stderr, "ptlint: out of memory allocating %zu bytes\n", size);
    abort();
}

pt_arena *pt_arena_new(void)
{
    return calloc(1, sizeof(pt_arena));
}

void pt_arena_free(pt_arena *arena)
{
    if (arena == NULL) {
        return;
    }
    struct arena_chunk *chunk = arena->chunks;
    while (chunk != NULL) {
        struct arena_chunk *next = chunk->next;
        free(chunk);
        chunk = next;
    }
    free(arena);
}

/* Adds a chunk large enough for `size` bytes in front of the list. */
static struct arena_chunk *arena_grow(pt_arena *arena, size_t size)
{
    size_t payload = size > ARENA_CHUNK ? size : ARENA_CHUNK;
    struct arena_chunk *chunk = malloc(sizeof(*chunk) + payload);
    if (chunk == NULL) {
        arena_out_of_memory(size);
    }
    chunk->size = payload;
    chunk->used = 0;
    chunk->next = arena->chunks;
    arena->chunks = chunk;
    arena->bytes += payload;
    return chunk;
}

void *pt_arena_alloc(pt_arena *arena, size_t size)
{
    size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (rounded < size) {
        arena_out_of_memory(size);
    }
    struct arena_chunk *chunk = arena->chunks;
    if (chunk == NULL || chunk->size - chunk->used < rounded) {
        chunk = arena_grow(arena, rounded);
    }
    void *result = chunk->data + chunk->used;
    chunk->used += rounded;
    memset(result, 0, size);
    return result;
}

char *pt_arena_strndup(pt_arena *arena, const char *text, size_t len)
{
    char *copy = pt_arena_alloc(arena, len + 1);
    memcpy(copy, text, len);
    copy[len] = '\0';
    return copy;
}

char *pt_arena_strdup(pt_arena *arena, const char *text)
{
    if (text == NULL) {
        return NULL;
    }
    return pt_arena_strndup(arena, text, strlen(text));
}

char *pt_arena_printf(pt_arena *arena, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int needed = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    if (needed < 0) {
        return pt_arena_strdup(arena, "");
    }
    char *text = pt_arena_alloc(arena, (size_t)needed + 1);
    va_start(args, fmt);
    vsnprintf(text, (size_t)needed + 1, fmt, args);
    va_end(args);
    return text;
}

void *pt_vec_push(pt_arena *arena, pt_vec *vec, size_t elem_size)
{
    if (vec->len == vec->cap) {
        uint32_t cap = vec->cap ? vec->cap * 2 : 8;
        void *items = pt_arena_alloc(arena, (size_t)cap * elem_size);
        if (vec->len > 0) {
            memcpy(items, vec->items, (size_t)vec->len * elem_size);
        }
        vec->items = items;
        vec->cap = cap;
    }
    void *slot = (unsigned char *)vec->items + (size_t)vec->len * elem_size;
    vec->len++;
    memset(slot, 0, elem_size);
    return slot;
}

size_t pt_arena_bytes(const pt_arena *arena)
{
    return arena->bytes;
}
