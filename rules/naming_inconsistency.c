/*
 * naming_inconsistency.c - identifiers whose case style differs from the
 * style expected for their kind.
 *
 * The expected style is configured per kind, or `auto`: the style most of
 * the multi-word names of that kind in the file use, ties going to the
 * language's convention (C: snake_case, UPPER_CASE macros and enum
 * constants; Python: PEP 8).  Only names the file declares are checked.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptlint/rule.h"
#include "rules/util_naming_style.h"
#include "rules/util_rule.h"

typedef enum name_kind {
    KIND_FUNCTION = 0,
    KIND_VARIABLE,
    KIND_PARAMETER,
    KIND_FIELD,
    KIND_TYPE,
    KIND_MACRO,
    KIND_CONSTANT,
    KIND_CLASS,
    KIND_COUNT,
    KIND_SKIP = -1
} name_kind;

static const char *const kind_plural[KIND_COUNT] = {
    "functions", "variables", "parameters", "fields", "types", "macros",
    "constants", "classes",
};

static const char *const kind_option[KIND_COUNT] = {
    "function-style", "variable-style", "parameter-style", "field-style",
    "type-style", "macro-style", "constant-style", "class-style",
};

static const pt_option naming_options[] = {
    {"function-style", PT_OPT_STRING, "auto", "auto or a style name"},
    {"variable-style", PT_OPT_STRING, "auto", "auto or a style name"},
    {"parameter-style", PT_OPT_STRING, "auto", "auto or a style name"},
    {"field-style", PT_OPT_STRING, "auto", "fields and attributes"},
    {"type-style", PT_OPT_STRING, "auto", "C tags and typedefs"},
    {"macro-style", PT_OPT_STRING, "auto", "auto or a style name"},
    {"constant-style", PT_OPT_STRING, "auto", "enum constants"},
    {"class-style", PT_OPT_STRING, "auto", "Python classes"},
    {"allow", PT_OPT_LIST,
     "[setUp, tearDown, setUpClass, tearDownClass, setUpModule, "
     "tearDownModule, asyncSetUp, asyncTearDown, addCleanup, doCleanups, "
     "runTest, maxDiff, shortDescription, countTestCases, "
     "defaultTestResult, addHandler, removeHandler, addFilter, removeFilter, "
     "setLevel, setFormatter, handleError, createLock, formatTime, "
     "formatException, formatStack, formatMessage, usesTime, getMessage, "
     "makeRecord, shouldRollover, doRollover, getLogger]",
     "names never reported"},
    {0},
};

/* UPPER_CASE, or a single capital letter. */
static bool is_upper(const char *name)
{
    pt_case_style style = pt_case_style_of(name);
    return style == PT_CASE_UPPER || style == PT_CASE_CAPITAL;
}

/* The naming kind of a C declaration. */
static name_kind c_kind(const pt_decl *decl)
{
    switch (decl->kind) {
    case PT_DECL_FUNCTION:
        return KIND_FUNCTION;
    case PT_DECL_GLOBAL:
        /* An UPPER_CASE file-scope object is a constant, as a macro is. */
        return is_upper(decl->name) ? KIND_CONSTANT : KIND_VARIABLE;
    case PT_DECL_LOCAL:
        /* so is an UPPER_CASE static local (a table in its function) */
        return decl->is_static_local && is_upper(decl->name) ? KIND_CONSTANT
                                                             : KIND_VARIABLE;
    case PT_DECL_PARAM:
        return KIND_VARIABLE;
    case PT_DECL_FIELD:
        return KIND_FIELD;
    case PT_DECL_TYPE:
    case PT_DECL_TYPEDEF:
        return KIND_TYPE;
    case PT_DECL_MACRO:
        return KIND_MACRO;
    case PT_DECL_ENUM_CONST:
        return KIND_CONSTANT;
    default:
        return KIND_SKIP;
    }
}

/* The naming kind of a Python module-level name: UPPER names are
   constants, other names variables. */
static name_kind python_module_kind(const pt_decl *decl)
{
    if (is_upper(decl->name)) {
        return KIND_CONSTANT;
    }
    /* a module name with a capital first letter is a class or type alias
       (`FunctionType = type(f)`) or a constant: as pep8-naming (N816 flags
       only mixedCase), it is not a variable */
    return isupper((unsigned char)decl->name[strspn(decl->name, "_")])
               ? KIND_SKIP : KIND_VARIABLE;
}

/* The naming kind of a Python declaration. */
static name_kind python_kind(const pt_decl *decl)
{
    switch (decl->kind) {
    case PT_DECL_FUNCTION:
    case PT_DECL_METHOD:
        return KIND_FUNCTION;
    case PT_DECL_LOCAL:
        /* outside functions: an `except ... as` name of the module */
        return decl->function < 0 ? python_module_kind(decl) : KIND_VARIABLE;
    case PT_DECL_GLOBAL:
        return python_module_kind(decl);
    case PT_DECL_PARAM:
        return KIND_PARAMETER;
    case PT_DECL_ATTRIBUTE:
        /* a class body's UPPER name is a constant, a Capitalized one a
           nested type alias (as at module level); so is an UPPER
           self.X or cls.X; other attributes are fields */
        if (decl->detail != NULL && strcmp(decl->detail, "class") == 0) {
            name_kind kind = python_module_kind(decl);
            return kind == KIND_VARIABLE ? KIND_FIELD : kind;
        }
        return is_upper(decl->name) ? KIND_CONSTANT : KIND_FIELD;
    case PT_DECL_CLASS:
        return KIND_CLASS;
    default:
        return KIND_SKIP;
    }
}

static name_kind kind_of(const pt_unit *unit, const pt_decl *decl)
{
    if (decl->name == NULL || pt_is_dunder(decl->name)) {
        return KIND_SKIP;
    }
    return unit->language == PT_LANG_C ? c_kind(decl) : python_kind(decl);
}

/* The language's convention for a kind. */
static pt_case_style convention(pt_language language, name_kind kind)
{
    if (kind == KIND_MACRO || kind == KIND_CONSTANT) {
        return PT_CASE_UPPER;
    }
    if (kind == KIND_CLASS || (kind == KIND_TYPE && language == PT_LANG_PYTHON)) {
        return PT_CASE_PASCAL;
    }
    return PT_CASE_SNAKE;
}

/* Style counts of the multi-word names of each kind (first occurrence
   of a function or type name only: a prototype and its definition count
   once). */
typedef struct style_census {
    unsigned count[KIND_COUNT][PT_CASE_COUNT];
    unsigned total[KIND_COUNT];
} style_census;


/* A small open-addressing set of (name, class, scope) keys over decl
   indices, so that "seen before" is one lookup, not a scan. */
typedef struct name_set {
    int32_t *slots;             /* decl index + 1; 0 = empty */
    uint32_t mask;
} name_set;

static uint32_t name_hash(const char *name, uint32_t cls, int32_t scope)
{
    uint32_t h = 2166136261u ^ cls ^ ((uint32_t)scope * 16777619u);
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        h = (h ^ *p) * 16777619u;
    }
    return h;
}

static bool name_set_init(name_set *set, uint32_t count)
{
    uint32_t size = 16;
    while (size < count * 2 + 1) {
        size *= 2;
    }
    set->slots = calloc(size, sizeof(int32_t));
    set->mask = size - 1;
    return set->slots != NULL;
}

/* Finds the entry equal to `index` under `same`, inserting `index` when
   there is none; returns the index stored first. */
static uint32_t name_set_add(name_set *set, const pt_unit *unit,
                             uint32_t index, uint32_t cls, int32_t scope,
                             bool (*same)(const pt_unit *, uint32_t,
                                          uint32_t))
{
    const pt_decl *decl = pt_unit_decl(unit, index);
    uint32_t h = name_hash(decl->name, cls, scope) & set->mask;
    while (set->slots[h] != 0) {
        uint32_t other = (uint32_t)set->slots[h] - 1;
        if (same(unit, other, index)) {
            return other;
        }
        h = (h + 1) & set->mask;
    }
    set->slots[h] = (int32_t)index + 1;
    return index;
}

/* Only functions and types are declared twice (prototype and
   definition); they count once per kind and owning function.  A Python
   local may have several decls (each `except ... as` name has its own);
   it is judged once, at all of its bindings. */
static bool may_repeat(const pt_unit *unit, const pt_decl *decl)
{
    if (unit->language == PT_LANG_PYTHON) {
        /* each def and class statement is a decl of its own */
        return decl->kind == PT_DECL_LOCAL;
    }
    return decl->kind == PT_DECL_FUNCTION || decl->kind == PT_DECL_TYPE ||
           decl->kind == PT_DECL_TYPEDEF;
}

static bool same_name(const pt_unit *unit, uint32_t a, uint32_t b)
{
    const pt_decl *x = pt_unit_decl(unit, a);
    const pt_decl *y = pt_unit_decl(unit, b);
    return kind_of(unit, x) == kind_of(unit, y) &&
           x->function == y->function && strcmp(x->name, y->name) == 0;
}

/* repeated[i]: an earlier decl of the same kind, name and function
   exists (one hash lookup per decl). */
static bool *find_repeats(const pt_unit *unit)
{
    bool *repeated = calloc(unit->decls.len + 1, sizeof(bool));
    name_set set = {0};
    if (repeated == NULL || !name_set_init(&set, unit->decls.len)) {
        free(repeated);
        return NULL;
    }
    for (uint32_t i = 0; i < unit->decls.len; i++) {
        const pt_decl *decl = pt_unit_decl(unit, i);
        name_kind kind = kind_of(unit, decl);
        if (kind != KIND_SKIP && may_repeat(unit, decl)) {
            repeated[i] = name_set_add(&set, unit, i, (uint32_t)kind,
                                       decl->function, same_name) != i;
        }
    }
    free(set.slots);
    return repeated;
}

/* A Python def that has no decl of its own: it rebinds a name bound
   before (an assignment or import, or an earlier def of the same name in
   the other branch of an `if`).  Each def is a function to judge. */
static bool def_without_decl(const pt_unit *unit, const pt_function *fn)
{
    return unit->language == PT_LANG_PYTHON && fn->decl < 0 &&
           fn->name != NULL && !pt_is_dunder(fn->name);
}

static void count_name(style_census *census, name_kind kind,
                       const char *name)
{
    if (pt_name_is_multi_word(name)) {
        census->count[kind][pt_case_style_of(name)]++;
        census->total[kind]++;
    }
}

static void take_census(const pt_unit *unit, const bool *repeated,
                        style_census *census)
{
    for (uint32_t i = 0; i < unit->decls.len; i++) {
        const pt_decl *decl = pt_unit_decl(unit, i);
        name_kind kind = kind_of(unit, decl);
        /* a function-like macro may be named as a macro or as the
           functions are (`container_of`): it says nothing of either */
        if (kind != KIND_SKIP && !repeated[i] && !decl->is_function_like) {
            count_name(census, kind, decl->name);
        }
    }
    for (uint32_t i = 0; i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        if (def_without_decl(unit, fn)) {
            count_name(census, KIND_FUNCTION, fn->name);
        }
    }
}

/* The expected style of `kind`: configured, or the file's dominant one. */
static pt_case_style expected_style(pt_rule_ctx *ctx, const pt_unit *unit,
                                    const style_census *census,
                                    name_kind kind, bool *inferred)
{
    pt_case_style style = convention(unit->language, kind);
    *inferred = false;
    if (pt_case_style_parse(pt_option_string(ctx, kind_option[kind]),
                            &style)) {
        return style;
    }
    unsigned best = census->count[kind][style];
    for (int s = PT_CASE_SNAKE; s <= PT_CASE_UPPER; s++) {
        if (census->count[kind][s] > best) {
            best = census->count[kind][s];
            style = (pt_case_style)s;
            *inferred = true;
        }
    }
    *inferred = *inferred || best > 0;
    return style;
}

static bool allowed(pt_rule_ctx *ctx, const char *name)
{
    uint32_t count = 0;
    const char *const *names = pt_option_list(ctx, "allow", &count);
    for (uint32_t i = 0; i < count; i++) {
        if (strcmp(names[i], name) == 0) {
            return true;
        }
    }
    return false;
}

/* A name to judge: a decl, or a Python def that has none. */
typedef struct named {
    const char *name;
    name_kind kind;
    pt_loc loc;
    int32_t function;           /* Python local or parameter: its
                                   function, whose flow shows each binding;
                                   otherwise -1 */
    bool function_like;         /* a C macro with parameters */
} named;

static void report_at(pt_rule_ctx *ctx, const named *item, pt_loc loc,
                      pt_case_style expected, const style_census *census,
                      bool inferred)
{
    const char *actual = pt_case_style_name(pt_case_style_of(item->name));
    if (inferred) {
        pt_report(ctx, loc, "'%s' is %s, but %u of %u %s here are %s",
                  item->name, actual, census->count[item->kind][expected],
                  census->total[item->kind], kind_plural[item->kind],
                  pt_case_style_name(expected));
    } else {
        pt_report(ctx, loc, "'%s' is %s; %s are %s", item->name, actual,
                  kind_plural[item->kind], pt_case_style_name(expected));
    }
}

/* True when event `i` of `blk` binds `name` by an augmented assignment:
   the target itself was read, at the same place, earlier in the statement
   (`n += 1` reads n, then the right side, then assigns n). */
static bool augmented(const pt_block *blk, uint32_t i, const char *name)
{
    const pt_event *e = pt_block_event(blk, i);
    for (uint32_t j = i; j-- > 0;) {
        const pt_event *r = pt_block_event(blk, j);
        if (r->loc.line < e->loc.line) {
            return false;
        }
        if (r->kind == PT_EV_READ && r->loc.byte == e->loc.byte &&
            r->name != NULL && strcmp(r->name, name) == 0) {
            return true;
        }
    }
    return false;
}

/* True when event `i` of `blk` is a binding of `name` to report. */
static bool is_binding(const pt_block *blk, uint32_t i, const char *name)
{
    const pt_event *e = pt_block_event(blk, i);
    return e->kind == PT_EV_ASSIGN && !e->implicit && e->name != NULL &&
           strcmp(e->name, name) == 0 && !augmented(blk, i, name);
}

static bool line_in(const uint32_t *lines, uint32_t count, uint32_t line)
{
    for (uint32_t i = 0; i < count; i++) {
        if (lines[i] == line) {
            return true;
        }
    }
    return false;
}

/* Reports a Python local or parameter at each of its bindings in its
   function (the assignments, loop, `with` and `except` targets the flow
   records; not augmented assignments, which only update), as pep8-naming
   judges every binding; one finding per line.  A parameter is reported
   at its declaration too; a local whose flow shows no binding, at its
   decl. */
static void report_bindings(pt_rule_ctx *ctx, const pt_unit *unit,
                            const named *item, bool param,
                            pt_case_style expected,
                            const style_census *census, bool inferred)
{
    const pt_function *fn = pt_unit_function(unit, (uint32_t)item->function);
    uint32_t count = 0;
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *blk = pt_function_block(fn, b);
        for (uint32_t i = 0; i < blk->events.len; i++) {
            count += is_binding(blk, i, item->name);
        }
    }
    uint32_t *lines = malloc((count + 1) * sizeof(uint32_t));
    uint32_t done = 0;
    if (param || count == 0 || lines == NULL) {
        report_at(ctx, item, item->loc, expected, census, inferred);
        if (lines != NULL) {
            lines[done++] = item->loc.line;
        }
    }
    for (uint32_t b = 0; lines != NULL && b < fn->blocks.len; b++) {
        const pt_block *blk = pt_function_block(fn, b);
        for (uint32_t i = 0; i < blk->events.len; i++) {
            const pt_event *e = pt_block_event(blk, i);
            if (is_binding(blk, i, item->name) &&
                !line_in(lines, done, e->loc.line)) {
                lines[done++] = e->loc.line;
                report_at(ctx, item, e->loc, expected, census, inferred);
            }
        }
    }
    free(lines);
}

static void check_name(pt_rule_ctx *ctx, const pt_unit *unit,
                       const style_census *census, const named *item)
{
    if (allowed(ctx, item->name)) {
        return;
    }
    bool inferred = false;
    pt_case_style expected = expected_style(ctx, unit, census, item->kind,
                                            &inferred);
    pt_case_style actual = pt_case_style_of(item->name);
    if (item->kind == KIND_CLASS && actual == PT_CASE_UPPER &&
        strchr(item->name + strspn(item->name, "_"), '_') == NULL) {
        actual = PT_CASE_PASCAL;        /* an acronym: `ABC`, `HTTP` */
    }
    if (pt_case_style_fits(actual, expected)) {
        return;
    }
    bool as_function = false;
    if (item->function_like &&
        pt_case_style_fits(actual, expected_style(ctx, unit, census,
                                                  KIND_FUNCTION,
                                                  &as_function))) {
        return;                 /* named like the functions it stands for */
    }
    if (item->function >= 0 &&
        (uint32_t)item->function < unit->functions.len) {
        report_bindings(ctx, unit, item, item->kind == KIND_PARAMETER,
                        expected, census, inferred);
    } else {
        report_at(ctx, item, item->loc, expected, census, inferred);
    }
}

static void check_naming(pt_rule_ctx *ctx, const pt_unit *unit)
{
    style_census census = {0};
    bool *repeated = find_repeats(unit);
    if (repeated == NULL) {
        return;
    }
    take_census(unit, repeated, &census);
    for (uint32_t i = 0; i < unit->decls.len; i++) {
        const pt_decl *decl = pt_unit_decl(unit, i);
        name_kind kind = kind_of(unit, decl);
        if (kind == KIND_SKIP || repeated[i]) {
            continue;
        }
        bool local = unit->language == PT_LANG_PYTHON &&
                     (decl->kind == PT_DECL_LOCAL ||
                      decl->kind == PT_DECL_PARAM);
        named item = {decl->name, kind, decl->loc,
                      local ? decl->function : -1, decl->is_function_like};
        check_name(ctx, unit, &census, &item);
    }
    for (uint32_t i = 0; i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        if (def_without_decl(unit, fn)) {
            named item = {fn->name, KIND_FUNCTION, fn->loc, -1, false};
            check_name(ctx, unit, &census, &item);
        }
    }
    free(repeated);
}

const pt_rule pt_rule_naming_inconsistency = {
    .id = "naming-inconsistency",
    .summary = "An identifier whose case style differs from the configured "
               "or the file's dominant style for its kind.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .options = naming_options,
    .check_unit = check_naming,
};
