/*
 * unvalidated_lookup.c - a caller's key reaching a lookup unchecked.
 *
 * For each function, a may-analysis tracks which of its key parameters
 * (C: string and byte pointers, `char *` and `void *`, not struct
 * handles; Python: all but self/cls) and the locals derived from them may still be unvalidated.
 * Validation, on the edge that does not exit early: a validator call on
 * the value (the `validators` vocabulary), `x = validate(x)`, isinstance;
 * in C a length bound (`strlen(x)` compared); in Python a None/empty test.
 * Calling a function of the file that looks the key up and raises on a
 * miss also validates it (Python: the miss is a documented exception).
 * A lookup is a call whose name matches the `lookups` vocabulary, a
 * function of the file whose summary says that parameter reaches a lookup
 * unvalidated, and in Python subscript reads, .get/.pop and `in` on
 * attributes.  Summaries are computed for every function to a fixed
 * point; findings are reported in entry points (public functions), once
 * per parameter, at the first lookup it reaches.
 *
 * Across files: each function other files can call states which of its
 * parameters reach a lookup ("lookup:SYM:POS"), or reach one if a
 * function of another file does ("lookup:SYM:0 :- lookup:g:1"); a key
 * passed to such a function is reported only if the run settles it.
 */
#include <stdlib.h>
#include <string.h>

#include "ptlint/dataflow.h"
#include "ptlint/rule.h"
#include "rules/util_exceptions.h"
#include "rules/util_fn_index.h"
#include "rules/util_rule.h"
#include "rules/util_symbols.h"
#include "rules/util_taint.h"

typedef struct lookup_scan {
    pt_rule_ctx *ctx;
    const pt_unit *unit;
    uint32_t *summary;          /* per function: params reaching a lookup */
    bool *may_raise;            /* per function */
    const pt_function *fn;
    pt_taint taint;             /* tracked names and their parameter */
    pt_dataflow analysis;
    uint32_t found;             /* params (vars index) that hit a lookup */
    bool report;
    const char *symbol;         /* fn's run-wide symbol, to state facts */
    pt_fn_index fns;
    const pt_event **mapping_writes; /* attributes assigned a mapping */
    uint32_t nmapping_writes;
} lookup_scan;

/* The parameter position of argument `arg` in a call to `callee`. */
static uint32_t param_position(const pt_function *callee,
                               const pt_event *call, uint32_t arg)
{
    bool receiver = call->is_method && callee->is_method && !callee->is_static;
    return receiver ? arg + 1 : arg;
}

/* The tracked variable a value carries, if still unvalidated: the index
   into taint.vars, or -1. */
static int32_t dirty_var(const lookup_scan *scan, const void *state,
                         const pt_value *value)
{
    for (uint32_t i = 0; i < value->nvars; i++) {
        int32_t var = pt_names_find(&scan->taint.vars, value->vars[i]);
        if (var >= 0 && pt_bit_get(state, (uint32_t)var)) {
            return var;
        }
    }
    if (value->kind == PT_VAL_VAR) {
        int32_t var = pt_names_find(&scan->taint.vars, value->text);
        if (var >= 0 && pt_bit_get(state, (uint32_t)var)) {
            return var;
        }
    }
    return -1;
}

static bool is_attribute_path(const char *path)
{
    return path != NULL && strchr(path, '.') != NULL;
}

/* The position of parameter `name` in `fn`, or 32 when not found. */
static uint32_t position_of(const pt_unit *unit, const pt_function *fn,
                            const char *name)
{
    for (uint32_t i = 0; i < fn->params.len && i < 32; i++) {
        const pt_decl *param = pt_unit_decl(unit, pt_function_param(fn, i));
        if (strcmp(param->name, name) == 0) {
            return i;
        }
    }
    return 32;
}

static void report_hit(lookup_scan *scan, int32_t var, const pt_event *at,
                       const char *lookup, const char *via)
{
    const char *name = scan->taint.vars.items[scan->taint.origin[var]];
    uint32_t position = position_of(scan->unit, scan->fn, name);
    bool seen = position < 32 && (scan->found >> position) & 1u;
    if (position < 32) {
        scan->found |= 1u << position;
    }
    if (!scan->report || seen) {
        return;
    }
    pt_finding *f = via != NULL
        ? pt_report(scan->ctx, at->loc, "parameter '%s' reaches a lookup "
                    "through '%s' without validation", name, via)
        : pt_report(scan->ctx, at->loc, "parameter '%s' reaches lookup '%s' "
                    "without validation", name, lookup);
    pt_finding_add_step(scan->ctx, f, scan->fn->loc, "'%s' comes from the "
                        "caller of '%s'", name, scan->fn->name);
}

/*
 * A key passed to `callee`, a function of another file, as its argument
 * `arg`: a lookup if the run says that parameter reaches one.  Reported
 * on that condition in entry points; stated as a rule for this function.
 */
static void cross_file_hit(lookup_scan *scan, int32_t var,
                           const pt_event *at, const char *callee,
                           uint32_t arg)
{
    const char *name = scan->taint.vars.items[scan->taint.origin[var]];
    uint32_t position = position_of(scan->unit, scan->fn, name);
    if (scan->symbol != NULL && position < 32) {
        pt_fact_add(scan->ctx, "lookup:%s:%u :- lookup:%s:%u", scan->symbol,
                    position, callee, arg);
    }
    bool seen = position < 32 && (scan->found >> position) & 1u;
    if (!scan->report || seen) {
        return;
    }
    pt_finding *f = pt_report(scan->ctx, at->loc, "parameter '%s' reaches "
                              "a lookup through '%s' without validation",
                              name, at->name);
    pt_finding_add_step(scan->ctx, f, scan->fn->loc, "'%s' comes from the "
                        "caller of '%s'", name, scan->fn->name);
    pt_finding_only_if(scan->ctx, f, "lookup:%s:%u", callee, arg);
}

/* Mapping constructors: an attribute assigned one of these is dict-like. */
static const char *const mapping_makers[] = {
    "{}", "dict", "defaultdict", "OrderedDict", "WeakValueDictionary",
    "WeakKeyDictionary", "Counter", "ChainMap", NULL,
};

static bool makes_mapping(const pt_value *value)
{
    for (const char *const *m = mapping_makers; value->text != NULL && *m;
         m++) {
        if (strcmp(value->text, *m) == 0) {
            return true;
        }
    }
    return false;
}

/* Remembers the attribute writes of the unit that store a mapping. */
static void collect_mapping_writes(lookup_scan *scan)
{
    const pt_unit *unit = scan->unit;
    for (uint32_t f = 0; f < unit->functions.len; f++) {
        const pt_function *fn = pt_unit_function(unit, f);
        for (uint32_t b = 0; b < fn->blocks.len; b++) {
            const pt_block *block = pt_function_block(fn, b);
            for (uint32_t i = 0; i < block->events.len; i++) {
                const pt_event *e = pt_block_event(block, i);
                if (e->kind != PT_EV_FIELD_WRITE || e->nargs == 0 ||
                    e->base == NULL || !makes_mapping(&e->args[0])) {
                    continue;
                }
                const pt_event **grown = pt_grow_pointers(
                    scan->mapping_writes, scan->nmapping_writes + 1);
                scan->mapping_writes = grown;
                grown[scan->nmapping_writes++] = e;
            }
        }
    }
}

/* True when the unit assigns the attribute `path` a mapping somewhere:
   only then is `path[key]` a lookup rather than an index. */
static bool is_dict_attribute(const lookup_scan *scan, const char *path)
{
    const char *dot = path != NULL ? strrchr(path, '.') : NULL;
    size_t base = dot != NULL ? (size_t)(dot - path) : 0;
    for (uint32_t i = 0; dot != NULL && i < scan->nmapping_writes; i++) {
        const pt_event *e = scan->mapping_writes[i];
        if (strlen(e->base) == base && strncmp(e->base, path, base) == 0 &&
            strcmp(e->name, dot + 1) == 0) {
            return true;
        }
    }
    return false;
}

/* Python's dict-like lookups on attributes that hold a mapping. */
static const char *python_lookup(const lookup_scan *scan,
                                 const pt_event *event, const pt_value **key)
{
    if (event->nargs == 0 || !is_attribute_path(event->base) ||
        (event->kind != PT_EV_SUBSCRIPT && event->kind != PT_EV_CONTAINS &&
         event->kind != PT_EV_CALL) ||
        !is_dict_attribute(scan, event->base)) {
        return NULL;
    }
    if (event->kind == PT_EV_SUBSCRIPT && !event->store) {
        *key = &event->args[0];
        return "[]";
    }
    if (event->kind == PT_EV_CONTAINS) {
        *key = &event->args[0];
        return "in";
    }
    if (event->kind == PT_EV_CALL && event->is_method &&
        (strcmp(event->name, "get") == 0 || strcmp(event->name, "pop") == 0)) {
        *key = &event->args[0];
        return event->name;
    }
    return NULL;
}

static bool call_validates(const lookup_scan *scan, const pt_event *call);
static bool call_validates_in_place(const lookup_scan *scan,
                                    const pt_event *call);

/*
 * True when `name` says lookup: an entry of the `lookups` vocabulary made
 * of letters is a whole word of the name (`find` in `pt_tree_find` and
 * `findByName`, not in `findings`); one with other characters
 * (`get_by`, `find_`) a substring.
 */
static bool names_lookup(const pt_rule_ctx *ctx, const char *name)
{
    uint32_t count = 0;
    const char *const *items = pt_vocab_list(ctx, PT_VOCAB_LOOKUP, &count);
    for (uint32_t i = 0; name != NULL && i < count; i++) {
        bool letters = items[i][0] != '\0' &&
                       strspn(items[i], "abcdefghijklmnopqrstuvwxyz"
                                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ") ==
                           strlen(items[i]);
        if (letters ? pt_name_has_word(name, items[i])
                    : strstr(name, items[i]) != NULL) {
            return true;
        }
    }
    return false;
}

/* Looks for a lookup at this event; the state is before it. */
static void check_event(lookup_scan *scan, const void *state,
                        const pt_event *event)
{
    const pt_value *key = NULL;
    const char *lookup = scan->unit->language == PT_LANG_PYTHON
                             ? python_lookup(scan, event, &key) : NULL;
    int32_t var = key != NULL ? dirty_var(scan, state, key) : -1;
    if (var >= 0) {
        report_hit(scan, var, event, lookup, NULL);
        return;
    }
    if (event->kind != PT_EV_CALL || event->name == NULL) {
        return;
    }
    int32_t callee = pt_fn_index_find(&scan->fns, event->name);
    if (callee >= 0 && pt_unit_function(scan->unit, (uint32_t)callee) ==
                           scan->fn) {
        return;                 /* recursion reaches no new lookup */
    }
    /* In Python `s.find(x)` and `pattern.search(s)` are string and regex
       operations: a name only makes a lookup without a receiver or on
       self/cls. */
    bool own = !event->is_method || event->base == NULL ||
               strcmp(event->base, "self") == 0 ||
               strcmp(event->base, "cls") == 0;
    bool named = own && names_lookup(scan->ctx, event->name);
    /* Python has no types to tell a handle from a key, and keys come
       last (`find(tree, name)`): the last dirty argument is the key. */
    bool key_last = scan->unit->language == PT_LANG_PYTHON;
    for (uint32_t k = 0; k < event->nargs; k++) {
        uint32_t i = key_last ? event->nargs - 1 - k : k;
        var = dirty_var(scan, state, &event->args[i]);
        if (var < 0) {
            continue;
        }
        if (scan->unit->language == PT_LANG_PYTHON &&
            call_validates_in_place(scan, event)) {
            return;             /* raises on a miss: it validates */
        }
        if (callee >= 0) {
            const pt_function *g = pt_unit_function(scan->unit, (uint32_t)callee);
            uint32_t pos = param_position(g, event, i);
            if (pos < 32 && (scan->summary[callee] >> pos) & 1u) {
                report_hit(scan, var, event, NULL, event->name);
                return;
            }
        }
        /* A function of the file that raises on a miss validates
           (call_validates); one whose name says lookup is one. */
        if (named && !call_validates(scan, event)) {
            report_hit(scan, var, event, event->name, NULL);
            return;
        }
        char symbol[256];
        if (callee < 0 && !named && (scan->report || scan->symbol != NULL) &&
            !pt_vocab_matches(scan->ctx, PT_VOCAB_VALIDATOR, event->name) &&
            pt_call_symbol(scan->unit, event, symbol, sizeof symbol)) {
            cross_file_hit(scan, var, event, symbol, i);
        }
    }
}

/* True for parameters that carry a key: in C, not a struct handle. */
static bool is_key_param(const lookup_scan *scan, const char *name)
{
    if (scan->unit->language == PT_LANG_PYTHON) {
        return true;
    }
    uint32_t position = position_of(scan->unit, scan->fn, name);
    if (position >= scan->fn->params.len) {
        return false;
    }
    const pt_decl *param = pt_unit_decl(scan->unit,
                                        pt_function_param(scan->fn, position));
    /* A key is a string or raw bytes: `const char *name_or_uuid`, not a
       handle (`struct pt_tree *`, `Parse *`) whose fields are its own,
       nor a table of strings (`const char *const *keys`, `char **argv`)
       that is looked in, not looked up. */
    const char *type = param->type_text;
    if (type == NULL) {
        return true;
    }
    unsigned depth = 0;
    for (const char *p = type; *p != '\0'; p++) {
        depth += *p == '*' || *p == '[';
    }
    return strstr(type, "struct") == NULL && depth <= 1 &&
           (strstr(type, "char") != NULL || strstr(type, "void") != NULL);
}

static void entry_all(void *state, void *user)
{
    lookup_scan *scan = user;
    memset(state, 0, scan->analysis.state_size);
    for (uint32_t i = 0; i < scan->taint.vars.len; i++) {
        bool param = scan->taint.origin[i] == i;
        pt_bit_set(state, i, param &&
                             is_key_param(scan, scan->taint.vars.items[i]));
    }
}

/* True when the call validates what it is passed. */
static bool call_validates(const lookup_scan *scan, const pt_event *call)
{
    if (pt_vocab_matches(scan->ctx, PT_VOCAB_VALIDATOR, call->name)) {
        return true;
    }
    int32_t callee = pt_fn_index_find(&scan->fns, call->name);
    return scan->unit->language == PT_LANG_PYTHON && callee >= 0 &&
           scan->may_raise[callee] && scan->summary[callee] != 0;
}

/*
 * True when a Python call validates its arguments where it stands, its
 * result aside: a function of the file that raises on a bad key (looked
 * up or checked), or a validator whose result is not looked at and whose
 * name does not read as a question (`validate_uuid(x)` raises;
 * `is_valid_uuid(x)` alone validates nothing).
 */
static bool call_validates_in_place(const lookup_scan *scan,
                                    const pt_event *call)
{
    int32_t callee = pt_fn_index_find(&scan->fns, call->name);
    if (callee >= 0) {
        return scan->may_raise[callee] &&
               (scan->summary[callee] != 0 ||
                pt_vocab_matches(scan->ctx, PT_VOCAB_VALIDATOR, call->name));
    }
    const char *name = call->name[0] == '_' ? call->name + 1 : call->name;
    bool question = strncmp(name, "is_", 3) == 0 ||
                    strncmp(name, "has_", 4) == 0;
    return !call->result_used && !question &&
           pt_vocab_matches(scan->ctx, PT_VOCAB_VALIDATOR, call->name);
}

static void flow_event(void *state, const pt_event *event, void *user)
{
    lookup_scan *scan = user;
    if (event->kind == PT_EV_CALL && event->name != NULL &&
        scan->unit->language == PT_LANG_PYTHON &&
        call_validates_in_place(scan, event)) {
        for (uint32_t i = 0; i < event->nargs; i++) {
            int32_t var = dirty_var(scan, state, &event->args[i]);
            if (var >= 0) {
                pt_bit_set(state, (uint32_t)var, false);
            }
        }
    }
    if (event->kind != PT_EV_ASSIGN || event->nargs == 0) {
        return;
    }
    int32_t target = pt_names_find(&scan->taint.vars, event->name);
    if (target < 0) {
        return;
    }
    const pt_value *value = &event->args[0];
    bool validated = value->kind == PT_VAL_CALL && value->text != NULL &&
                     pt_vocab_matches(scan->ctx, PT_VOCAB_VALIDATOR,
                                      value->text);
    bool dirty = !validated && dirty_var(scan, state, value) >= 0;
    pt_bit_set(state, (uint32_t)target, dirty);
}

/* True when `index` starts a short path that leaves the function. */
static bool exits_early(const pt_function *fn, uint32_t index)
{
    for (int hops = 0; hops < 4 && index < fn->blocks.len; hops++) {
        const pt_block *block = pt_function_block(fn, index);
        if (block->term == PT_TERM_RETURN || block->term == PT_TERM_RAISE ||
            block->term == PT_TERM_NORETURN) {
            return true;
        }
        if (block->term != PT_TERM_GOTO) {
            return false;
        }
        index = block->succ[0];
    }
    return false;
}

/* True when the branch block validates `subject` on some edge. */
static bool branch_validates(const lookup_scan *scan, const pt_block *block)
{
    const pt_cond *cond = &block->cond;
    if (cond->kind == PT_TEST_ISINSTANCE) {
        return true;
    }
    if (cond->kind == PT_TEST_NOT_NULL) {
        return scan->unit->language == PT_LANG_PYTHON;
    }
    for (uint32_t i = 0; i < block->events.len; i++) {
        const pt_event *event = pt_block_event(block, i);
        if (event->kind != PT_EV_CALL || event->name == NULL) {
            continue;
        }
        if (call_validates(scan, event) ||
            (cond->kind == PT_TEST_COMPARE &&
             (strcmp(event->name, "strlen") == 0 ||
              strcmp(event->name, "strnlen") == 0))) {
            return true;
        }
    }
    return false;
}

static void flow_refine(void *state, const pt_block *block, bool holds,
                        void *user)
{
    lookup_scan *scan = user;
    int32_t var = pt_names_find(&scan->taint.vars, block->cond.subject);
    if (var >= 0 && block->cond.kind == PT_TEST_NOT_NULL && !holds) {
        /* Known NULL/None here: it reaches no lookup as a key. */
        pt_bit_set(state, (uint32_t)var, false);
        return;
    }
    if (var < 0 || !branch_validates(scan, block)) {
        return;
    }
    bool exit_true = exits_early(scan->fn, block->succ[0]);
    bool exit_false = exits_early(scan->fn, block->succ[1]);
    bool validated_edge = exit_true == exit_false ? true : !exit_true;
    if (holds == validated_edge) {
        pt_bit_set(state, (uint32_t)var, false);
    }
}

static void visit(const void *state, const pt_block *block,
                  const pt_event *event, void *user)
{
    (void)block;
    if (event != NULL) {
        check_event(user, state, event);
    }
}

/* Runs the analysis on one function; returns the params that hit. */
static uint32_t scan_function(lookup_scan *scan, const pt_function *fn,
                              bool report, const char *symbol)
{
    scan->fn = fn;
    scan->found = 0;
    scan->report = report;
    scan->symbol = symbol;
    pt_taint_compute(&scan->taint, scan->unit, fn, true);
    scan->analysis = (pt_dataflow){
        .state_size = scan->taint.vars.len / 8 + 1, .user = scan,
        .entry = entry_all, .join = pt_bits_union, .event = flow_event,
        .refine = flow_refine,
    };
    pt_dataflow_result result;
    if (scan->taint.vars.len > 0 &&
        pt_dataflow_solve(fn, &scan->analysis, &result)) {
        pt_dataflow_replay(fn, &scan->analysis, &result, visit, scan);
        pt_dataflow_result_free(&result);
    }
    pt_taint_free(&scan->taint);
    return scan->found;
}

/* Which functions may raise (Python), for "raises on a miss". */
static bool *raising_functions(const pt_unit *unit)
{
    bool *raises = calloc(unit->functions.len + 1, sizeof(bool));
    pt_escapes *escapes = unit->language == PT_LANG_PYTHON
                              ? pt_escapes_compute(unit, NULL) : NULL;
    for (uint32_t i = 0; raises != NULL && escapes != NULL &&
                         i < unit->functions.len; i++) {
        raises[i] = escapes[i].len > 0;
    }
    pt_escapes_free(escapes, unit->functions.len);
    return raises;
}

/* True for functions reported on: public, not validators, and not
   `*_locked` helpers (called with the lock held: internal by contract). */
static bool is_entry_point(pt_rule_ctx *ctx, const pt_unit *unit,
                           const pt_function *fn)
{
    size_t len = strlen(fn->name);
    bool locked_helper = len > 7 && strcmp(fn->name + len - 7, "_locked") == 0;
    if (fn->partial || fn->is_nested || locked_helper ||
        pt_vocab_matches(ctx, PT_VOCAB_VALIDATOR, fn->name)) {
        return false;
    }
    if (unit->language == PT_LANG_C) {
        return fn->is_public;
    }
    return pt_is_python_public(fn->name) &&
           (fn->class_name == NULL || pt_is_python_public(fn->class_name));
}

static void check_unvalidated(pt_rule_ctx *ctx, const pt_unit *unit)
{
    uint32_t n = unit->functions.len;
    lookup_scan scan = {.ctx = ctx, .unit = unit};
    scan.summary = calloc(n + 1, sizeof(uint32_t));
    scan.may_raise = raising_functions(unit);
    if (scan.summary == NULL || scan.may_raise == NULL ||
        !pt_fn_index_build(&scan.fns, unit)) {
        goto out;
    }
    collect_mapping_writes(&scan);
    bool changed = true;
    for (int round = 0; changed && round < 6; round++) {
        changed = false;
        for (uint32_t i = 0; i < n; i++) {
            const pt_function *fn = pt_unit_function(unit, i);
            uint32_t hits = fn->partial ? 0
                                        : scan_function(&scan, fn, false, NULL);
            changed |= (hits | scan.summary[i]) != scan.summary[i];
            scan.summary[i] |= hits;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        char symbol[256];
        bool callable = !fn->partial &&
                        pt_function_symbol(unit, fn, symbol, sizeof symbol);
        bool entry = is_entry_point(ctx, unit, fn);
        if (entry || callable) {
            scan_function(&scan, fn, entry, callable ? symbol : NULL);
        }
        for (uint32_t pos = 0; callable && pos < 32; pos++) {
            if ((scan.summary[i] >> pos) & 1u) {
                pt_fact_add(ctx, "lookup:%s:%u", symbol, pos);
            }
        }
    }
out:
    free(scan.summary);
    free(scan.may_raise);
    free(scan.mapping_writes);
    pt_fn_index_free(&scan.fns);
}

const pt_rule pt_rule_unvalidated_lookup = {
    .id = "unvalidated-lookup",
    .summary = "A parameter of a public entry point reaches a lookup "
               "without passing a validator or a null/empty/format check.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .check_unit = check_unvalidated,
};
