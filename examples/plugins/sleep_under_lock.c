/*
 * sleep_under_lock.c - an example ptlint plugin: the rule
 * `sleep-under-lock` flags a call that sleeps (sleep, usleep, nanosleep,
 * time.sleep, ...) while a lock is held on every path to it.
 *
 * ## What it does
 * Follows each function's control-flow graph and the lock acquire and
 * release events of the program model, computes the locks held on every
 * path into each block (a "must" lockset), and reports a call to one of
 * the configured sleeping functions made while that set is not empty.
 *
 * ## Why is this bad?
 * A thread that sleeps with the provider tree's lock held stalls every
 * other thread that wants the tree, for the whole sleep.
 *
 * Build it as a MODULE library against analyzer/include only and load it
 * with `ptlint check --plugin libptlint_sleep_under_lock.so` or
 * `plugins: [path/to/it.so]` in .ptlint.yaml.  docs/extending.md walks
 * through it.
 */
#include <stdint.h>
#include <string.h>

#include "ptlint/plugin.h"

#define MAX_LOCKS 64

/* The distinct lock paths of one function, one bit each. */
typedef struct locks {
    const char *names[MAX_LOCKS];
    pt_loc taken[MAX_LOCKS];    /* first acquisition, for the evidence */
    uint32_t count;
} locks;

/* The bit of lock `name`, adding it; 0 when the table is full. */
static uint64_t lock_bit(locks *l, const char *name, pt_loc loc)
{
    for (uint32_t i = 0; i < l->count; i++) {
        if (strcmp(l->names[i], name) == 0) {
            return (uint64_t)1 << i;
        }
    }
    if (l->count == MAX_LOCKS || name == NULL) {
        return 0;
    }
    l->names[l->count] = name;
    l->taken[l->count] = loc;
    return (uint64_t)1 << l->count++;
}

/* The lockset after the event `ev`, from `held` before it. */
static uint64_t step(locks *l, const pt_event *ev, uint64_t held)
{
    if (ev->kind == PT_EV_ACQUIRE && ev->name != NULL) {
        return held | lock_bit(l, ev->name, ev->loc);
    }
    if (ev->kind == PT_EV_RELEASE && ev->name != NULL) {
        return held & ~lock_bit(l, ev->name, ev->loc);
    }
    return held;
}

/* The lockset after the events of `block`, from `held` on entry. */
static uint64_t transfer(locks *l, const pt_block *block, uint64_t held)
{
    for (uint32_t i = 0; i < block->events.len; i++) {
        held = step(l, pt_block_event(block, i), held);
    }
    return held;
}

/* Merges `out` into the entry set of block `to`; true on a change. */
static bool flow_into(uint64_t *in, bool *reached, uint32_t to, uint64_t out)
{
    uint64_t merged = reached[to] ? (in[to] & out) : out;
    bool changed = !reached[to] || merged != in[to];
    in[to] = merged;
    reached[to] = true;
    return changed;
}

/* The must-lockset on entry to every block, to a fixed point. */
static void solve(locks *l, const pt_function *fn, uint64_t *in,
                  bool *reached)
{
    bool changed = true;
    reached[0] = true;
    while (changed) {
        changed = false;
        for (uint32_t b = 0; b < fn->blocks.len; b++) {
            const pt_block *block = pt_function_block(fn, b);
            if (!reached[b]) {
                continue;
            }
            uint64_t out = transfer(l, block, in[b]);
            uint32_t nsucc = block->term == PT_TERM_GOTO     ? 1
                             : block->term == PT_TERM_BRANCH ? 2 : 0;
            for (uint32_t s = 0; s < nsucc; s++) {
                changed |= flow_into(in, reached, block->succ[s], out);
            }
            if (block->handler >= 0) {
                changed |= flow_into(in, reached, (uint32_t)block->handler,
                                     in[b]);
            }
        }
    }
}

/* True when the call `ev` is to one of the configured functions. */
static bool sleeps(const pt_event *ev, const char *const *names,
                   uint32_t count)
{
    size_t base = ev->base != NULL ? strlen(ev->base) : 0;
    for (uint32_t i = 0; i < count; i++) {
        const char *dot = strrchr(names[i], '.');
        if (dot == NULL && ev->base == NULL &&
            strcmp(names[i], ev->name) == 0) {
            return true;
        }
        if (dot != NULL && ev->base != NULL &&
            (size_t)(dot - names[i]) == base &&
            strncmp(names[i], ev->base, base) == 0 &&
            strcmp(dot + 1, ev->name) == 0) {
            return true;
        }
    }
    return false;
}

/* Reports the sleeping calls of `block`, entered with `held`. */
static void check_block(pt_rule_ctx *ctx, locks *l, const pt_block *block,
                        uint64_t held)
{
    uint32_t count = 0;
    const char *const *names = pt_option_list(ctx, "functions", &count);
    for (uint32_t i = 0; i < block->events.len; i++) {
        const pt_event *ev = pt_block_event(block, i);
        if (ev->kind == PT_EV_CALL && ev->name != NULL && held != 0 &&
            sleeps(ev, names, count)) {
            uint32_t bit = 0;
            while ((held & ((uint64_t)1 << bit)) == 0) {
                bit++;
            }
            pt_finding *f = pt_report(ctx, ev->loc, "'%s' sleeps while '%s' "
                                      "is held, stalling every thread that "
                                      "waits for it", ev->name,
                                      l->names[bit]);
            pt_finding_add_step(ctx, f, l->taken[bit], "'%s' acquired here",
                                l->names[bit]);
        }
        held = step(l, ev, held);
    }
}

static void check_function(pt_rule_ctx *ctx, const pt_function *fn)
{
    enum { MAX_BLOCKS = 4096 };
    uint64_t in[MAX_BLOCKS] = {0};
    bool reached[MAX_BLOCKS] = {false};
    locks l = {.count = 0};
    if (fn->partial || fn->blocks.len == 0 || fn->blocks.len > MAX_BLOCKS) {
        return;
    }
    solve(&l, fn, in, reached);
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        if (reached[b]) {
            check_block(ctx, &l, pt_function_block(fn, b), in[b]);
        }
    }
}

static void check_unit(pt_rule_ctx *ctx, const pt_unit *unit)
{
    for (uint32_t i = 0; i < unit->functions.len; i++) {
        check_function(ctx, pt_unit_function(unit, i));
    }
}

static const pt_option options[] = {
    {"functions", PT_OPT_LIST,
     "[sleep, usleep, nanosleep, msleep, time.sleep, asyncio.sleep]",
     "functions that put the thread to sleep (module.name for Python)"},
    {0},
};

static const pt_rule sleep_under_lock = {
    .id = "sleep-under-lock",
    .summary = "A call that sleeps while a lock is held on every path to "
               "it.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .options = options,
    .doc = "# sleep-under-lock\n\n"
           "A call that sleeps while a lock is held on every path to it.\n\n"
           "## Why is this bad?\n\nEvery thread that needs the lock waits "
           "for the whole sleep.\n\n"
           "## Example\n\n```c\npthread_mutex_lock(&tree->lock);\n"
           "usleep(1000);   /* flagged */\n"
           "pthread_mutex_unlock(&tree->lock);\n```\n\n"
           "## Use instead\n\nRelease the lock before sleeping.\n\n"
           "## Options\n\n`functions`: the sleeping functions.\n\n"
           "(An example plugin: examples/plugins/sleep_under_lock.c.)\n",
    .check_unit = check_unit,
};

bool ptlint_plugin_init(pt_registry *registry)
{
    if (!pt_registry_open(registry, PT_PLUGIN_ABI_VERSION,
                          "sleep-under-lock")) {
        return false;
    }
    return pt_registry_add(registry, &sleep_under_lock);
}
