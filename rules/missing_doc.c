/*
 * missing_doc.c - public functions, methods, classes and types without a
 * doc comment or docstring.
 *
 * C: functions with external linkage (the doc may sit on the definition
 * or on a prototype in the same file) and the struct, union, enum and
 * typedef names a header declares.  Python: public classes, functions and
 * methods (properties too); dunder methods, nested functions and
 * `@overload` stubs are exempt.  Oracle: pydocstyle D101, D102, D103.
 */
#include <string.h>

#include "ptlint/rule.h"
#include "rules/rule_util.h"

/* True when some declaration of `name` with `kind` carries a doc. */
static bool documented_anywhere(const pt_unit *unit, const char *name,
                                pt_decl_kind kind)
{
    for (uint32_t i = 0; i < unit->decls.len; i++) {
        const pt_decl *decl = pt_unit_decl(unit, i);
        if (decl->doc != NULL && strcmp(decl->name, name) == 0 &&
            (decl->kind == kind ||
             (kind != PT_DECL_FUNCTION && decl->kind != PT_DECL_FUNCTION))) {
            return true;
        }
    }
    return false;
}

/* True when `decl` is the first declaration of its name and kind. */
static bool first_of_name(const pt_unit *unit, uint32_t index)
{
    const pt_decl *decl = pt_unit_decl(unit, index);
    for (uint32_t i = 0; i < index; i++) {
        const pt_decl *other = pt_unit_decl(unit, i);
        if (other->kind == decl->kind && strcmp(other->name, decl->name) == 0) {
            return false;
        }
    }
    return true;
}

/* The C declaration that should carry a doc, and what it is called. */
static const char *c_subject(const pt_unit *unit, uint32_t index)
{
    const pt_decl *decl = pt_unit_decl(unit, index);
    if (decl->kind == PT_DECL_FUNCTION) {
        bool where = decl->is_definition || (unit->is_header &&
                                             first_of_name(unit, index));
        return decl->is_public && where ? "function" : NULL;
    }
    if (!unit->is_header || !first_of_name(unit, index)) {
        return NULL;
    }
    if (decl->kind == PT_DECL_TYPE) {
        return "type";
    }
    return decl->kind == PT_DECL_TYPEDEF ? "typedef" : NULL;
}

static void check_c(pt_rule_ctx *ctx, const pt_unit *unit)
{
    for (uint32_t i = 0; i < unit->decls.len; i++) {
        const pt_decl *decl = pt_unit_decl(unit, i);
        const char *what = c_subject(unit, i);
        if (what != NULL &&
            !documented_anywhere(unit, decl->name, decl->kind)) {
            pt_report(ctx, decl->loc, "public %s '%s' has no doc comment",
                      what, decl->name);
        }
    }
}

/* The Python declaration's kind of public API, or NULL when exempt. */
static const char *python_subject(const pt_decl *decl)
{
    if (!pt_is_python_public(decl->name) || decl->is_nested ||
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
