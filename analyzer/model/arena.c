/*
 * arena.c - bump allocation in chunks; one free for the whole unit.
 */
#include "ptlint/arena.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Chunks come from calloc, so memory is zero when handed out and nothing
 * is zeroed again (the arena never reuses memory).  A request larger than
 * ARENA_BIG gets a chunk of its own behind the current one, so that the
 * current chunk keeps serving small requests.
 */
enum { ARENA_CHUNK = 256 * 1024, ARENA_BIG = 32 * 1024, ARENA_ALIGN = 16 };

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

static size_t arena_round(size_t size)
{
    size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (rounded < size) {
        arena_out_of_memory(size);
    }
    return rounded;
}

/* A zeroed chunk with `payload` bytes of storage. */
static struct arena_chunk *arena_chunk_new(pt_arena *arena, size_t payload)
{
    if (payload > SIZE_MAX - sizeof(struct arena_chunk)) {
        arena_out_of_memory(payload);
    }
    struct arena_chunk *chunk = calloc(1, sizeof(*chunk) + payload);
    if (chunk == NULL) {
        arena_out_of_memory(payload);
    }
    chunk->size = payload;
    arena->bytes += payload;
    return chunk;
}

void *pt_arena_alloc(pt_arena *arena, size_t size)
{
    size_t rounded = arena_round(size);
    struct arena_chunk *chunk = arena->chunks;
    if (chunk != NULL && chunk->size - chunk->used >= rounded) {
        void *result = chunk->data + chunk->used;
        chunk->used += rounded;
        return result;
    }
    if (rounded > ARENA_BIG && chunk != NULL) {
        struct arena_chunk *own = arena_chunk_new(arena, rounded);
        own->used = rounded;
        own->next = chunk->next;        /* behind the current chunk */
        chunk->next = own;
        return own->data;
    }
    chunk = arena_chunk_new(arena, rounded > ARENA_CHUNK ? rounded
                                                         : ARENA_CHUNK);
    chunk->next = arena->chunks;
    arena->chunks = chunk;
    chunk->used = rounded;
    return chunk->data;
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
    /* Short texts (nearly all) are formatted once, on the stack. */
    char small[256];
    va_list args;
    va_start(args, fmt);
    int needed = vsnprintf(small, sizeof(small), fmt, args);
    va_end(args);
    if (needed < 0) {
        return pt_arena_strdup(arena, "");
    }
    if ((size_t)needed < sizeof(small)) {
        return pt_arena_strndup(arena, small, (size_t)needed);
    }
    char *text = pt_arena_alloc(arena, (size_t)needed + 1);
    va_start(args, fmt);
    vsnprintf(text, (size_t)needed + 1, fmt, args);
    va_end(args);
    return text;
}

/* Grows the storage of the newest allocation in place, if it fits. */
static bool arena_extend_last(pt_arena *arena, void *items, size_t old_size,
                              size_t new_size)
{
    struct arena_chunk *chunk = arena->chunks;
    if (chunk == NULL || items == NULL) {
        return false;
    }
    size_t old_rounded = arena_round(old_size);
    size_t new_rounded = arena_round(new_size);
    unsigned char *p = items;
    if (p + old_rounded != chunk->data + chunk->used ||
        chunk->used - old_rounded + new_rounded > chunk->size) {
        return false;
    }
    chunk->used += new_rounded - old_rounded;   /* still zero: never used */
    return true;
}

void *pt_vec_push(pt_arena *arena, pt_vec *vec, size_t elem_size)
{
    if (vec->len == vec->cap) {
        if (vec->cap > UINT32_MAX / 2) {
            arena_out_of_memory((size_t)vec->cap * elem_size);
        }
        uint32_t cap = vec->cap ? vec->cap * 2 : 8;
        size_t old_size = (size_t)vec->cap * elem_size;
        size_t new_size = (size_t)cap * elem_size;
        if (vec->cap == 0 ||
            !arena_extend_last(arena, vec->items, old_size, new_size)) {
            void *items = pt_arena_alloc(arena, new_size);
            if (vec->len > 0) {
                memcpy(items, vec->items, (size_t)vec->len * elem_size);
            }
            vec->items = items;
        }
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
