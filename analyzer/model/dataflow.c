/*
 * dataflow.c - worklist solver, bitset joins and the name interner.
 */
#include "ptlint/dataflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each block may be revisited this often before the solver gives up on
   a non-monotone analysis; real fixed points come far earlier. */
enum { MAX_VISITS_PER_BLOCK = 64 };

typedef struct solver {
    const pt_function *fn;
    const pt_dataflow *analysis;
    pt_dataflow_result *result;
    uint32_t *worklist;
    bool *queued;
    uint32_t head;
    uint32_t count;
    unsigned char *scratch;     /* two states */
} solver;

static void *state_at(const pt_dataflow_result *result, uint32_t block)
{
    return result->in + (size_t)block * result->state_size;
}

static void enqueue(solver *s, uint32_t block)
{
    uint32_t n = s->result->nblocks;
    if (s->queued[block]) {
        return;
    }
    s->queued[block] = true;
    s->worklist[(s->head + s->count) % n] = block;
    s->count++;
}

/* Merges `state` into the entry of `target`; queues it if it changed. */
static void flow_into(solver *s, uint32_t target, const void *state)
{
    pt_dataflow_result *r = s->result;
    if (target >= r->nblocks) {
        return;
    }
    void *in = state_at(r, target);
    unsigned char *before = s->scratch + r->state_size;
    if (!r->reached[target]) {
        memcpy(in, state, r->state_size);
        r->reached[target] = true;
        enqueue(s, target);
        return;
    }
    memcpy(before, in, r->state_size);
    s->analysis->join(in, state, r->state_size, s->analysis->user);
    if (memcmp(before, in, r->state_size) != 0) {
        enqueue(s, target);
    }
}

/* Sends the block's exit state along one branch edge, refined. */
static void flow_edge(solver *s, const pt_block *block, uint32_t target,
                      const void *out, bool holds)
{
    size_t size = s->result->state_size;
    unsigned char *edge = malloc(size ? size : 1);
    if (edge == NULL) {
        return;
    }
    memcpy(edge, out, size);
    if (s->analysis->refine != NULL) {
        s->analysis->refine(edge, block, holds, s->analysis->user);
    }
    flow_into(s, target, edge);
    free(edge);
}

/* True for events that can raise: calls and accesses, not the implicit
   lock events of a `with` or plain reads and assignments. */
static bool event_may_raise(const pt_event *event)
{
    switch (event->kind) {
    case PT_EV_CALL:
    case PT_EV_DEREF:
    case PT_EV_FIELD_READ:
    case PT_EV_FIELD_WRITE:
    case PT_EV_SUBSCRIPT:
    case PT_EV_CONTAINS:
        return true;
    default:
        return false;
    }
}

/*
 * Applies one block and propagates to its successors.  An exception
 * leaves the block just before an event that can raise takes effect, so
 * the state before each such event flows to the handler, and the state at
 * the end when the block itself raises.
 */
static void visit_block(solver *s, uint32_t index)
{
    const pt_block *block = pt_function_block(s->fn, index);
    unsigned char *out = s->scratch;
    memcpy(out, state_at(s->result, index), s->result->state_size);
    for (uint32_t i = 0; i < block->events.len; i++) {
        const pt_event *event = pt_block_event(block, i);
        if (block->handler >= 0 && event_may_raise(event)) {
            flow_into(s, (uint32_t)block->handler, out);
        }
        s->analysis->event(out, event, s->analysis->user);
    }
    if (block->handler >= 0 && block->term == PT_TERM_RAISE) {
        flow_into(s, (uint32_t)block->handler, out);
    }
    if (block->term == PT_TERM_GOTO) {
        flow_into(s, block->succ[0], out);
    } else if (block->term == PT_TERM_BRANCH) {
        flow_edge(s, block, block->succ[0], out, true);
        flow_edge(s, block, block->succ[1], out, false);
    }
}

bool pt_dataflow_solve(const pt_function *fn, const pt_dataflow *analysis,
                       pt_dataflow_result *out)
{
    uint32_t n = fn->blocks.len;
    size_t size = analysis->state_size ? analysis->state_size : 1;
    memset(out, 0, sizeof(*out));
    if (n == 0) {
        return true;
    }
    out->nblocks = n;
    out->state_size = size;
    out->in = calloc(n, size);
    out->reached = calloc(n, sizeof(bool));
    solver s = {.fn = fn, .analysis = analysis, .result = out};
    s.worklist = calloc(n, sizeof(uint32_t));
    s.queued = calloc(n, sizeof(bool));
    s.scratch = calloc(2, size);
    bool ok = out->in && out->reached && s.worklist && s.queued && s.scratch;
    if (ok) {
        analysis->entry(out->in, analysis->user);
        out->reached[0] = true;
        enqueue(&s, 0);
        uint64_t budget = (uint64_t)n * MAX_VISITS_PER_BLOCK;
        while (s.count > 0 && budget-- > 0) {
            uint32_t block = s.worklist[s.head];
            s.head = (s.head + 1) % n;
            s.count--;
            s.queued[block] = false;
            visit_block(&s, block);
        }
    } else {
        pt_dataflow_result_free(out);
    }
    free(s.worklist);
    free(s.queued);
    free(s.scratch);
    return ok;
}

const void *pt_dataflow_in(const pt_dataflow_result *result, uint32_t block)
{
    if (block >= result->nblocks || !result->reached[block]) {
        return NULL;
    }
    return state_at(result, block);
}

void pt_dataflow_result_free(pt_dataflow_result *result)
{
    free(result->in);
    free(result->reached);
    memset(result, 0, sizeof(*result));
}

void pt_dataflow_replay(const pt_function *fn, const pt_dataflow *analysis,
                        const pt_dataflow_result *result,
                        pt_dataflow_visit visit, void *user)
{
    unsigned char *state = malloc(result->state_size ? result->state_size : 1);
    if (state == NULL) {
        return;
    }
    for (uint32_t b = 0; b < result->nblocks; b++) {
        const void *in = pt_dataflow_in(result, b);
        if (in == NULL) {
            continue;
        }
        const pt_block *block = pt_function_block(fn, b);
        memcpy(state, in, result->state_size);
        for (uint32_t e = 0; e < block->events.len; e++) {
            const pt_event *event = pt_block_event(block, e);
            visit(state, block, event, user);
            analysis->event(state, event, analysis->user);
        }
        visit(state, block, NULL, user);
    }
    free(state);
}

void pt_bits_union(void *into, const void *from, size_t size, void *user)
{
    (void)user;
    for (size_t i = 0; i < size; i++) {
        ((uint8_t *)into)[i] |= ((const uint8_t *)from)[i];
    }
}

void pt_bits_intersect(void *into, const void *from, size_t size,
                       void *user)
{
    (void)user;
    for (size_t i = 0; i < size; i++) {
        ((uint8_t *)into)[i] &= ((const uint8_t *)from)[i];
    }
}

/* Below this many names a scan beats hashing. */
enum { NAMES_HASHED_FROM = 16 };

static uint32_t name_hash(const char *name)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        h = (h ^ *p) * 16777619u;
    }
    return h;
}

static void names_out_of_memory(void)
{
    fprintf(stderr, "ptlint: out of memory in an analysis\n");
    abort();
}

static void names_index(pt_names *names, uint32_t index)
{
    uint32_t mask = names->nslots - 1;
    uint32_t at = name_hash(names->items[index]) & mask;
    while (names->slots[at] != 0) {
        at = (at + 1) & mask;
    }
    names->slots[at] = index + 1;
}

/* Rebuilds the hash index with room for twice the names. */
static void names_rehash(pt_names *names)
{
    uint32_t nslots = 64;
    while (nslots < names->len * 4) {
        nslots *= 2;
    }
    free(names->slots);
    names->slots = calloc(nslots, sizeof(uint32_t));
    if (names->slots == NULL) {
        names_out_of_memory();
    }
    names->nslots = nslots;
    for (uint32_t i = 0; i < names->len; i++) {
        names_index(names, i);
    }
}

uint32_t pt_names_add(pt_names *names, const char *name)
{
    int32_t found = pt_names_find(names, name);
    if (found >= 0) {
        return (uint32_t)found;
    }
    if (names->len == names->cap) {
        names->cap = names->cap ? names->cap * 2 : 16;
        names->items = realloc(names->items,
                               names->cap * sizeof(*names->items));
        if (names->items == NULL) {
            names_out_of_memory();
        }
    }
    names->items[names->len] = name;
    uint32_t index = names->len++;
    if (names->len >= NAMES_HASHED_FROM) {
        if (names->len * 2 > names->nslots) {
            names_rehash(names);
        } else {
            names_index(names, index);
        }
    }
    return index;
}

int32_t pt_names_find(const pt_names *names, const char *name)
{
    if (name == NULL) {
        return -1;
    }
    if (names->slots == NULL) {
        for (uint32_t i = 0; i < names->len; i++) {
            if (strcmp(names->items[i], name) == 0) {
                return (int32_t)i;
            }
        }
        return -1;
    }
    uint32_t mask = names->nslots - 1;
    for (uint32_t at = name_hash(name) & mask; names->slots[at] != 0;
         at = (at + 1) & mask) {
        uint32_t index = names->slots[at] - 1;
        if (strcmp(names->items[index], name) == 0) {
            return (int32_t)index;
        }
    }
    return -1;
}

void pt_names_free(pt_names *names)
{
    free(names->items);
    free(names->slots);
    memset(names, 0, sizeof(*names));
}

bool *pt_reachable_blocks(const pt_function *fn)
{
    uint32_t n = fn->blocks.len;
    bool *seen = calloc(n + 1, sizeof(bool));
    uint32_t *stack = calloc(n + 1, sizeof(uint32_t));
    uint32_t top = 0;
    if (seen == NULL || stack == NULL || n == 0) {
        free(stack);
        return seen;
    }
    seen[0] = true;
    stack[top++] = 0;
    while (top > 0) {
        const pt_block *block = pt_function_block(fn, stack[--top]);
        uint32_t nsucc = block->term == PT_TERM_BRANCH ? 2
                         : block->term == PT_TERM_GOTO ? 1 : 0;
        for (uint32_t i = 0; i < nsucc; i++) {
            uint32_t next = block->succ[i];
            if (next < n && !seen[next]) {
                seen[next] = true;
                stack[top++] = next;
            }
        }
    }
    free(stack);
    return seen;
}
