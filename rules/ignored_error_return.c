/*
 * ignored_error_return.c - results of fallible C calls thrown away.
 *
 * A call whose result is discarded (an expression statement, not cast to
 * void) is reported when the callee is in the `fallible` or `allocators`
 * vocabulary, or when the file checks its result at most of its other
 * call sites (Coverity's CHECKED_RETURN: at least `min-checked-sites`
 * sites and `min-checked-share` percent of them use the result).
 */
#include <stdlib.h>
#include <string.h>

#include "ptlint/dataflow.h"
#include "ptlint/rule.h"

static const pt_option ignored_options[] = {
    {"min-checked-sites", PT_OPT_INT, "3",
     "call sites that use the result before a discarded one is reported"},
    {"min-checked-share", PT_OPT_INT, "75",
     "percent of call sites that use the result"},
    {0},
};

typedef struct call_census {
    pt_names callees;
    uint32_t *sites;
    uint32_t *used;
} call_census;

static void count_call(call_census *census, const pt_event *event)
{
    uint32_t known = census->callees.len;
    uint32_t index = pt_names_add(&census->callees, event->name);
    if (census->callees.len > known) {      /* a new callee */
        census->sites = realloc(census->sites,
                                census->callees.cap * sizeof(uint32_t));
        census->used = realloc(census->used,
                               census->callees.cap * sizeof(uint32_t));
        if (census->sites == NULL || census->used == NULL) {
            abort();
        }
        census->sites[index] = 0;
        census->used[index] = 0;
    }
    census->sites[index]++;
    census->used[index] += event->result_used || event->void_cast;
}

/* Calls every function makes to callees with a name. */
static void take_census(const pt_unit *unit, call_census *census)
{
    for (uint32_t f = 0; f < unit->functions.len; f++) {
        const pt_function *fn = pt_unit_function(unit, f);
        for (uint32_t b = 0; b < fn->blocks.len; b++) {
            const pt_block *block = pt_function_block(fn, b);
            for (uint32_t e = 0; e < block->events.len; e++) {
                const pt_event *event = pt_block_event(block, e);
                if (event->kind == PT_EV_CALL && event->name != NULL &&
                    !event->implicit) {
                    count_call(census, event);
                }
            }
        }
    }
}

/* Stream openers, with the argument that holds the mode. */
static const struct {
    const char *name;
    uint8_t mode_arg;
} stream_openers[] = {{"fopen", 1}, {"fdopen", 1}, {"freopen", 1},
                      {"fmemopen", 2}};

/* Calls that write through the stream they are given. */
static const char *const stream_writers[] = {
    "fwrite", "fputs", "fputc", "putc", "fprintf", "vfprintf", "fflush",
};

/* True when a mode string ("\"rb\"") opens for reading only. */
static bool read_only_mode(const char *mode)
{
    return mode[0] == '"' && mode[1] == 'r' && strpbrk(mode, "wa+") == NULL;
}

/* 1 when `call` opens a stream read-only, -1 when it opens one
   writable (or with a mode we cannot read), 0 when it opens none. */
static int opens(const pt_event *call)
{
    for (size_t i = 0; i < sizeof(stream_openers) / sizeof(*stream_openers);
         i++) {
        if (strcmp(call->name, stream_openers[i].name) == 0) {
            uint8_t at = stream_openers[i].mode_arg;
            const pt_value *mode = call->nargs > at ? &call->args[at] : NULL;
            return mode != NULL && mode->kind == PT_VAL_STRING &&
                           read_only_mode(mode->text) ? 1 : -1;
        }
    }
    return 0;
}

/* True when `call` writes through the stream variable `stream`. */
static bool writes_to(const pt_event *call, const char *stream)
{
    for (size_t i = 0; i < sizeof(stream_writers) / sizeof(*stream_writers);
         i++) {
        for (uint32_t a = 0; strcmp(call->name, stream_writers[i]) == 0 &&
                             a < call->nargs; a++) {
            if (call->args[a].kind == PT_VAL_VAR &&
                strcmp(call->args[a].text, stream) == 0) {
                return true;
            }
        }
    }
    return false;
}

/* What a function does with the streams a close may be closing. */
typedef struct stream_census {
    int assigned_read;          /* `stream = fopen(.., "r")` */
    bool assigned_writable;     /* from a writable open or another call */
    bool assigned_other;        /* from an expression (`p ? fopen() : stdin`) */
    int opened_read;            /* read-only opens anywhere in the function */
    bool opened_writable;
    bool written;               /* fwrite(.., stream) and the like */
} stream_census;

static void census_event(const pt_block *block, const pt_event *event,
                         const char *stream, stream_census *c)
{
    if (event->kind == PT_EV_CALL && event->name != NULL) {
        int how = opens(event);
        c->opened_read += how > 0;
        c->opened_writable |= how < 0;
        c->written |= writes_to(event, stream);
    } else if (event->kind == PT_EV_ASSIGN && event->name != NULL &&
               strcmp(event->name, stream) == 0 && event->nargs > 0) {
        const pt_value *value = &event->args[0];
        const pt_event *call =
            value->kind == PT_VAL_CALL && value->call >= 0 &&
                    (uint32_t)value->call < block->events.len
                ? pt_block_event(block, (uint32_t)value->call) : NULL;
        int how = call != NULL && call->name != NULL ? opens(call) : -1;
        c->assigned_read += call != NULL && how > 0;
        c->assigned_writable |= call != NULL && how <= 0;
        c->assigned_other |= call == NULL;
    }
}

/*
 * True for `fclose(in)` of a stream the function opened to read and
 * never writes through: closing it cannot lose data, so its result has
 * nothing to act on (only a written stream's close reports lost data).
 * `in = fopen(.., "r")` settles it; `in = p ? fopen(p, "r") : stdin`
 * does when the function opens no stream for writing.
 */
static bool closes_read_only_stream(const pt_function *fn,
                                    const pt_event *call)
{
    if (strcmp(call->name, "fclose") != 0 || call->nargs != 1 ||
        call->args[0].kind != PT_VAL_VAR) {
        return false;
    }
    stream_census c = {0};
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *block = pt_function_block(fn, b);
        for (uint32_t e = 0; e < block->events.len; e++) {
            census_event(block, pt_block_event(block, e), call->args[0].text,
                         &c);
        }
    }
    if (c.written || c.assigned_writable) {
        return false;
    }
    return c.assigned_other ? c.opened_read > 0 && !c.opened_writable
                            : c.assigned_read > 0;
}

static void check_call(pt_rule_ctx *ctx, const call_census *census,
                       const pt_function *fn, const pt_event *event)
{
    if (closes_read_only_stream(fn, event)) {
        return;
    }
    /* `ops->write(..)` calls a function pointer that happens to share a
       name with write(2): the vocabularies name functions, not fields */
    bool through_field = event->base != NULL;
    if (!through_field && pt_vocab_has(ctx, PT_VOCAB_FALLIBLE, event->name)) {
        pt_report(ctx, event->loc, "the result of '%s' is ignored; it "
                  "reports failure through it", event->name);
        return;
    }
    if (!through_field &&
        pt_vocab_has(ctx, PT_VOCAB_ALLOCATOR, event->name)) {
        pt_report(ctx, event->loc, "the result of '%s' is ignored; the "
                  "memory leaks", event->name);
        return;
    }
    int32_t index = pt_names_find(&census->callees, event->name);
    uint32_t sites = census->sites[index];
    uint32_t used = census->used[index];
    if (used >= (uint32_t)pt_option_int(ctx, "min-checked-sites") &&
        (int64_t)used * 100 >= pt_option_int(ctx, "min-checked-share") *
                                   (int64_t)sites) {
        pt_report(ctx, event->loc, "the result of '%s' is ignored here but "
                  "checked at %u of %u call sites", event->name, used, sites);
    }
}

static void check_ignored(pt_rule_ctx *ctx, const pt_unit *unit)
{
    call_census census = {0};
    take_census(unit, &census);
    for (uint32_t f = 0; f < unit->functions.len; f++) {
        const pt_function *fn = pt_unit_function(unit, f);
        for (uint32_t b = 0; b < fn->blocks.len; b++) {
            const pt_block *block = pt_function_block(fn, b);
            for (uint32_t e = 0; e < block->events.len; e++) {
                const pt_event *event = pt_block_event(block, e);
                if (event->kind == PT_EV_CALL && event->name != NULL &&
                    !event->result_used && !event->void_cast &&
                    !event->implicit) {
                    check_call(ctx, &census, fn, event);
                }
            }
        }
    }
    pt_names_free(&census.callees);
    free(census.sites);
    free(census.used);
}

const pt_rule pt_rule_ignored_error_return = {
    .id = "ignored-error-return",
    .summary = "The result of a fallible C call (allocation, error-code "
               "returns) discarded.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_C,
    .enabled = true,
    .options = ignored_options,
    .check_unit = check_ignored,
};
