/*
 * unchecked_lookup_result.c - a result that may be NULL or None used
 * without a check.
 *
 * Sources: functions of the file that may return null (nullable.h), the
 * `nullable` and `allocators` vocabularies, and Python's `d.get(k)`
 * without a default.  A variable assigned such a result is tracked along
 * every path; a dereference (C `->`, `*`, `[]`; Python attribute access,
 * subscript or call) or a pass to a function that needs a non-null
 * argument, on a path where no check happened, is reported at the use
 * with the producing call as evidence.  A check is a comparison with
 * NULL/None, a truthiness test, or an early exit on either.
 *
 * Across files: a call of a function no file of this unit defines is
 * tracked too, and its finding kept only if the file of the run that
 * defines the function says it may return null ("null:SYM", from
 * pt_nullable_state_facts); a vocabulary lookup that the run defines and
 * that never returns null is dropped the same way.
 */
#include <stdlib.h>
#include <string.h>

#include "ptlint/dataflow.h"
#include "ptlint/rule.h"
#include "rules/util_fn_index.h"
#include "rules/util_nullable.h"
#include "rules/util_rule.h"
#include "rules/util_symbols.h"

static const pt_option unchecked_options[] = {
    {"nonnull-functions", PT_OPT_LIST,
     "[strlen, strcmp, strncmp, strcpy, strncpy, strcat, strncat, memcpy, "
     "memmove, memset, memcmp, strdup, strndup, strchr, strrchr, strstr, "
     "fputs, fwrite, fread, fprintf, qsort, bsearch]",
     "functions whose pointer arguments must not be NULL"},
    {0},
};

typedef struct null_check {
    pt_rule_ctx *ctx;
    const pt_unit *unit;
    const bool *nullable;       /* per function of the unit */
    pt_names vars;              /* tracked variables */
    const pt_event **origin;    /* the call that made each one */
    pt_dataflow analysis;
    bool *reported;             /* per var: reported once already */
    pt_fn_index fns;
    const pt_event *last_call;  /* last call reported as dereferenced */
} null_check;

static void entry_clear(void *state, void *user)
{
    null_check *check = user;
    memset(state, 0, check->analysis.state_size);
}

/*
 * A test's assertion on a tracked variable (`assert_non_null(p)`,
 * `TEST_ASSERT_NOT_NULL(p)`, `g_assert(p != NULL)` seen as a call, as
 * tree-sitter sees a macro): past it the variable is not NULL, since the
 * assertion ends the test otherwise.
 */
static void assertion_checks(void *state, const pt_event *call,
                             const null_check *check)
{
    if (call->name == NULL || !pt_name_has_word(call->name, "assert")) {
        return;
    }
    for (uint32_t a = 0; a < call->nargs; a++) {
        const pt_value *arg = &call->args[a];
        for (uint32_t k = 0; k < arg->nvars; k++) {
            int32_t var = pt_names_find(&check->vars, arg->vars[k]);
            if (var >= 0) {
                pt_bit_set(state, (uint32_t)var, false);
            }
        }
    }
}

static void null_event(void *state, const pt_event *event, void *user)
{
    null_check *check = user;
    if (event->kind == PT_EV_CALL) {
        assertion_checks(state, event, check);
    }
    int32_t var = pt_names_find(&check->vars, event->name);
    if (var < 0) {
        return;
    }
    /* a new value is not the tracked one; after one reported
       dereference the rest would only repeat it */
    if (event->kind == PT_EV_ASSIGN || event->kind == PT_EV_DEREF) {
        pt_bit_set(state, (uint32_t)var, false);
    }
}

/* Applies an assignment from a nullable call, which null_event clears. */
static void null_event_with_origin(void *state, const pt_event *event,
                                   void *user)
{
    null_check *check = user;
    null_event(state, event, user);
    int32_t var = pt_names_find(&check->vars, event->name);
    if (event->kind == PT_EV_ASSIGN && var >= 0 &&
        check->origin[var] != NULL && event->nargs > 0 &&
        event->args[0].kind == PT_VAL_CALL &&
        event->args[0].text != NULL && check->origin[var]->name != NULL &&
        strcmp(event->args[0].text, check->origin[var]->name) == 0) {
        pt_bit_set(state, (uint32_t)var, true);
    }
}

static void null_refine(void *state, const pt_block *block, bool holds,
                        void *user)
{
    null_check *check = user;
    int32_t var = pt_names_find(&check->vars, block->cond.subject);
    if (var >= 0 && holds &&
        (block->cond.kind == PT_TEST_NOT_NULL ||
         block->cond.kind == PT_TEST_ISINSTANCE)) {
        pt_bit_set(state, (uint32_t)var, false);
    }
}

/* How a call's result is known to be nullable. */
typedef enum null_source {
    SOURCE_NONE,
    SOURCE_KNOWN,               /* this unit or the vocabulary says so */
    SOURCE_UNLESS_NONNULL,      /* vocabulary, unless the run says no */
    SOURCE_IF_NULL,             /* another file of the run must say so */
} null_source;

static null_source classify_call(const null_check *check,
                                 const pt_event *call, char *symbol,
                                 size_t size)
{
    bool external = call->name != NULL &&
                    pt_fn_index_find(&check->fns, call->name) < 0;
    bool named = external && pt_call_symbol(check->unit, call, symbol, size);
    if (pt_call_may_return_null(check->ctx, check->unit, &check->fns,
                                check->nullable, call)) {
        return named ? SOURCE_UNLESS_NONNULL : SOURCE_KNOWN;
    }
    return named ? SOURCE_IF_NULL : SOURCE_NONE;
}

/* Makes a finding about `call`'s result depend on the run's summary of
   the function it calls, when another file defines it. */
static void settle_across_files(const null_check *check, pt_finding *f,
                                const pt_event *call)
{
    char symbol[256];
    switch (classify_call(check, call, symbol, sizeof symbol)) {
    case SOURCE_IF_NULL:
        pt_finding_only_if(check->ctx, f, "null:%s", symbol);
        break;
    case SOURCE_UNLESS_NONNULL:
        pt_finding_unless(check->ctx, f, "defined:%s & !null:%s", symbol,
                          symbol);
        break;
    default:
        break;
    }
}

/* Finds `x = nullable()` assignments and the variables they track. */
static void collect_sources(null_check *check, const pt_function *fn)
{
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *block = pt_function_block(fn, b);
        for (uint32_t e = 0; e < block->events.len; e++) {
            const pt_event *event = pt_block_event(block, e);
            if (event->kind != PT_EV_ASSIGN || event->nargs == 0 ||
                event->name == NULL || strchr(event->name, '.') != NULL) {
                continue;
            }
            const pt_event *call = pt_value_call(block, &event->args[0]);
            char symbol[256];
            if (call != NULL && classify_call(check, call, symbol,
                                              sizeof symbol) != SOURCE_NONE) {
                uint32_t var = pt_names_add(&check->vars, event->name);
                const pt_event **grown = pt_grow_pointers(
                    check->origin, check->vars.cap);
                check->origin = grown;
                check->origin[var] = call;
            }
        }
    }
}

static bool needs_nonnull(null_check *check, const char *callee)
{
    uint32_t count = 0;
    const char *const *names = pt_option_list(check->ctx, "nonnull-functions",
                                              &count);
    for (uint32_t i = 0; callee != NULL && i < count; i++) {
        if (strcmp(names[i], callee) == 0) {
            return true;
        }
    }
    return false;
}

static void report_use(null_check *check, uint32_t var, pt_loc loc,
                       const char *how)
{
    if (check->reported[var]) {
        return;
    }
    check->reported[var] = true;
    const pt_event *origin = check->origin[var];
    const char *nothing = check->unit->language == PT_LANG_C ? "NULL"
                                                             : "None";
    pt_finding *f = pt_report(check->ctx, loc, "'%s' may be %s here (%s): "
                              "'%s' can return %s and it is not checked",
                              check->vars.items[var], nothing, how,
                              origin->name, nothing);
    pt_finding_add_step(check->ctx, f, origin->loc, "'%s' may return %s",
                        origin->name, nothing);
    settle_across_files(check, f, origin);
}

/* The call whose result `event` dereferences directly
   (`find(t, k)->field`), or NULL: a DEREF of a call's text, or a field
   access without a variable base right after the call. */
static const pt_event *dereferenced_call(const pt_block *block,
                                         const pt_event *event)
{
    bool direct = event->kind == PT_EV_DEREF && event->name != NULL &&
                  strchr(event->name, '(') != NULL;
    bool field = (event->kind == PT_EV_FIELD_READ ||
                  event->kind == PT_EV_FIELD_WRITE) &&
                 (event->base == NULL || strchr(event->base, '(') != NULL);
    if (!direct && !field) {
        return NULL;
    }
    const pt_event *first = pt_block_event(block, 0);
    for (const pt_event *e = event - 1; e >= first; e--) {
        if (e->kind == PT_EV_CALL) {
            return e->result_used ? e : NULL;
        }
        if (e->kind != PT_EV_DEREF) {
            return NULL;
        }
    }
    return NULL;
}

/* Reports a call whose result is dereferenced on the spot, once per
   call, at the call (where both C frontends agree to put it). */
static void report_call_use(null_check *check, const pt_event *call)
{
    if (check->last_call == call) {
        return;
    }
    check->last_call = call;
    const char *nothing = check->unit->language == PT_LANG_C ? "NULL"
                                                             : "None";
    pt_finding *f = pt_report(check->ctx, call->loc, "the result of '%s' "
                              "is dereferenced without a check; it can be "
                              "%s", call->name, nothing);
    settle_across_files(check, f, call);
}

/*
 * Value-level tests, which the model keeps in one block: Python's
 * `x and x.attr`, `x.f() if x else d`; C's `p && p->n`,
 * `p != NULL ? p->name : ""`.  A read of the variable earlier in the
 * same statement, at another place than the use, is taken as such a
 * test.  A frontend that does not number statements leaves the line to
 * stand for one.
 */
static bool same_statement(const pt_event *a, const pt_event *b)
{
    return a->stmt != 0 || b->stmt != 0 ? a->stmt == b->stmt
                                        : a->loc.line == b->loc.line;
}

static bool same_place(pt_loc a, pt_loc b)
{
    return a.line == b.line && a.col == b.col;
}

static bool tested_in_expression(const pt_block *block, const pt_event *use,
                                 const char *name)
{
    /* a call's own argument is one read of the name: a test is another */
    uint32_t needed = use->kind == PT_EV_CALL ? 2 : 1;
    uint32_t reads = 0;
    const pt_event *first = pt_block_event(block, 0);
    for (const pt_event *e = use - 1; e >= first; e--) {
        if (!same_statement(e, use) ||
            (e->kind == PT_EV_ASSIGN && strcmp(e->name, name) == 0)) {
            return false;
        }
        if (e->kind == PT_EV_READ && strcmp(e->name, name) == 0 &&
            (use->kind == PT_EV_CALL || !same_place(e->loc, use->loc)) &&
            ++reads == needed) {
            return true;
        }
    }
    return false;
}

static void visit(const void *state, const pt_block *block,
                  const pt_event *event, void *user)
{
    null_check *check = user;
    if (event == NULL) {
        return;
    }
    const pt_event *call = dereferenced_call(block, event);
    char symbol[256];
    if (call != NULL && call->kind == PT_EV_CALL &&
        classify_call(check, call, symbol, sizeof symbol) != SOURCE_NONE) {
        report_call_use(check, call);
        return;
    }
    if (event->kind == PT_EV_DEREF) {
        int32_t var = pt_names_find(&check->vars, event->name);
        if (var >= 0 && pt_bit_get(state, (uint32_t)var) &&
            !tested_in_expression(block, event, event->name)) {
            report_use(check, (uint32_t)var, event->loc, "dereferenced");
        }
        return;
    }
    if (event->kind != PT_EV_CALL || !needs_nonnull(check, event->name)) {
        return;
    }
    for (uint32_t i = 0; i < event->nargs; i++) {
        int32_t var = event->args[i].kind == PT_VAL_VAR
                          ? pt_names_find(&check->vars, event->args[i].text)
                          : -1;
        if (var >= 0 && pt_bit_get(state, (uint32_t)var) &&
            !tested_in_expression(block, event, event->args[i].text)) {
            report_use(check, (uint32_t)var, event->loc, "passed to a "
                       "function that needs it non-null");
        }
    }
}

static void check_function(null_check *check, const pt_function *fn)
{
    pt_names_free(&check->vars);   /* empty, hash index too */
    collect_sources(check, fn);
    check->reported = calloc(check->vars.len + 1, sizeof(bool));
    check->analysis = (pt_dataflow){
        .state_size = check->vars.len / 8 + 1, .user = check,
        .entry = entry_clear, .join = pt_bits_union,
        .event = null_event_with_origin, .refine = null_refine,
    };
    pt_dataflow_result result;
    if (check->reported != NULL &&
        pt_dataflow_solve(fn, &check->analysis, &result)) {
        pt_dataflow_replay(fn, &check->analysis, &result, visit, check);
        pt_dataflow_result_free(&result);
    }
    free(check->reported);
}

static void check_unchecked(pt_rule_ctx *ctx, const pt_unit *unit)
{
    null_check check = {.ctx = ctx, .unit = unit};
    bool indexed = pt_fn_index_build(&check.fns, unit);
    bool *nullable = indexed ? pt_nullable_functions(ctx, unit, &check.fns)
                             : NULL;
    check.nullable = nullable;
    if (nullable != NULL) {
        pt_nullable_state_facts(ctx, unit, &check.fns, nullable);
    }
    for (uint32_t i = 0; indexed && nullable != NULL &&
                         i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        if (!fn->partial) {
            check_function(&check, fn);
        }
    }
    pt_names_free(&check.vars);
    pt_fn_index_free(&check.fns);
    free(check.origin);
    free(nullable);
}

const pt_rule pt_rule_unchecked_lookup_result = {
    .id = "unchecked-lookup-result",
    .summary = "The result of a lookup that can fail (returns NULL/None) "
               "used without a check.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .options = unchecked_options,
    .check_unit = check_unchecked,
};
