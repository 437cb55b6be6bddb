/*
 * missing_doc.c - public functions, methods, classes and types without a
 * doc comment or docstring.
 *
 * C: functions with external linkage (the doc may sit on the definition
 * or on a prototype in the same file) and the struct, union, enum and
 * typedef names a header declares.  Python: public classes, functions and
 * methods (properties too, `__call__` and `__new__` too); other dunder
 * methods, nested functions and `@overload` stubs are exempt.  Oracle: pydocstyle D101, D102, D103.
 */
#include <stdlib.h>
#include <string.h>

#include "ptlint/rule.h"
#include "rules/util_rule.h"


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

/* Functions and other kinds are documented apart: a struct's doc may sit
   on its tag or on its typedef. */
static uint32_t doc_class(const pt_decl *decl)
{
    return decl->kind == PT_DECL_FUNCTION ? 0 : 1;
}

static bool same_kind(const pt_unit *unit, uint32_t a, uint32_t b)
{
    const pt_decl *x = pt_unit_decl(unit, a);
    const pt_decl *y = pt_unit_decl(unit, b);
    return x->kind == y->kind && strcmp(x->name, y->name) == 0;
}

static bool same_class(const pt_unit *unit, uint32_t a, uint32_t b)
{
    const pt_decl *x = pt_unit_decl(unit, a);
    const pt_decl *y = pt_unit_decl(unit, b);
    return doc_class(x) == doc_class(y) && strcmp(x->name, y->name) == 0;
}

/* What the C check needs per decl, in two hashed passes:
   first[i] (the first decl of its name and kind) and documented[i]
   (some decl of its name and class carries a doc). */
typedef struct doc_facts {
    bool *first;
    bool *documented;
} doc_facts;

static bool doc_facts_build(const pt_unit *unit, doc_facts *facts)
{
    uint32_t n = unit->decls.len;
    name_set kinds = {0};
    name_set classes = {0};
    uint32_t *owner = calloc(n + 1, sizeof(uint32_t));
    bool *class_doc = calloc(n + 1, sizeof(bool));
    facts->first = calloc(n + 1, sizeof(bool));
    facts->documented = calloc(n + 1, sizeof(bool));
    bool ok = owner != NULL && class_doc != NULL && facts->first != NULL &&
              facts->documented != NULL && name_set_init(&kinds, n) &&
              name_set_init(&classes, n);
    for (uint32_t i = 0; ok && i < n; i++) {
        const pt_decl *decl = pt_unit_decl(unit, i);
        facts->first[i] = name_set_add(&kinds, unit, i, decl->kind, 0,
                                       same_kind) == i;
        owner[i] = name_set_add(&classes, unit, i, doc_class(decl), 0,
                                same_class);
        class_doc[owner[i]] |= decl->doc != NULL;
    }
    for (uint32_t i = 0; ok && i < n; i++) {
        facts->documented[i] = class_doc[owner[i]];
    }
    free(kinds.slots);
    free(classes.slots);
    free(owner);
    free(class_doc);
    return ok;
}

/* The C declaration that should carry a doc, and what it is called. */
static const char *c_subject(const pt_unit *unit, const doc_facts *facts,
                             uint32_t index)
{
    const pt_decl *decl = pt_unit_decl(unit, index);
    if (decl->kind == PT_DECL_FUNCTION) {
        bool where = decl->is_definition || (unit->is_header &&
                                             facts->first[index]);
        /* main is the program, which the file's own comment describes */
        bool program = strcmp(decl->name, "main") == 0;
        return decl->is_public && where && !program ? "function" : NULL;
    }
    if (!unit->is_header || !facts->first[index]) {
        return NULL;
    }
    if (decl->kind == PT_DECL_TYPE) {
        return "type";
    }
    return decl->kind == PT_DECL_TYPEDEF ? "typedef" : NULL;
}

static void check_c(pt_rule_ctx *ctx, const pt_unit *unit)
{
    doc_facts facts = {0};
    if (doc_facts_build(unit, &facts)) {
        for (uint32_t i = 0; i < unit->decls.len; i++) {
            const pt_decl *decl = pt_unit_decl(unit, i);
            const char *what = c_subject(unit, &facts, i);
            if (decl->kind == PT_DECL_FUNCTION && decl->doc != NULL) {
                /* Tell the run: a definition elsewhere needs no doc. */
                pt_fact_add(ctx, "doc:%s", decl->name);
            }
            if (what != NULL && !facts.documented[i]) {
                pt_finding *f = pt_report(ctx, decl->loc, "public %s '%s' "
                                          "has no doc comment", what,
                                          decl->name);
                if (decl->kind == PT_DECL_FUNCTION) {
                    pt_finding_unless(ctx, f, "doc:%s", decl->name);
                }
            }
        }
    }
    free(facts.first);
    free(facts.documented);
}

/* The Python declaration's kind of public API, or NULL when exempt. */
static const char *python_subject(const pt_decl *decl)
{
    /* pydocstyle: `__call__` and `__new__` are public methods (D102);
       other dunders are magic (D105) and `__init__` D107, not ours */
    bool variadic = decl->kind == PT_DECL_METHOD &&
                    (strcmp(decl->name, "__call__") == 0 ||
                     strcmp(decl->name, "__new__") == 0);
    if ((!pt_is_python_public(decl->name) && !variadic) || decl->is_nested ||
        decl->is_overload || decl->function >= 0) {
        return NULL;
    }
    if (decl->scope != NULL && !pt_is_python_public(decl->scope)) {
        return NULL;
    }
    switch (decl->kind) {
    case PT_DECL_CLASS:
        return "class";
    case PT_DECL_FUNCTION:
        return "function";
    case PT_DECL_METHOD:
        return "method";
    default:
        return NULL;
    }
}

static void check_python(pt_rule_ctx *ctx, const pt_unit *unit)
{
    for (uint32_t i = 0; i < unit->decls.len; i++) {
        const pt_decl *decl = pt_unit_decl(unit, i);
        const char *what = python_subject(decl);
        if (what != NULL && decl->doc == NULL) {
            pt_report(ctx, decl->loc, "public %s '%s' has no docstring", what,
                      decl->name);
        }
    }
}

static void check_missing_doc(pt_rule_ctx *ctx, const pt_unit *unit)
{
    if (unit->language == PT_LANG_C) {
        check_c(ctx, unit);
    } else {
        check_python(ctx, unit);
    }
}

const pt_rule pt_rule_missing_doc = {
    .id = "missing-doc",
    .summary = "A public function, method, class or type without a doc "
               "comment or docstring.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .check_unit = check_missing_doc,
};
