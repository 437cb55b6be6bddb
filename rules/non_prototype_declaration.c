/*
 * non_prototype_declaration.c - C functions declared without a prototype.
 *
 * `int f()` declares a function taking unknown arguments; callers are not
 * checked against it.  K&R definitions are the same, unless a prototype
 * of the function comes before them (zlib's `int f OF((int x));` then
 * `int f(x) int x; {`): callers are then checked against that prototype,
 * and clang -Wstrict-prototypes, the oracle, says nothing either.
 */
#include "ptlint/dataflow.h"
#include "ptlint/rule.h"

static void check_non_prototype(pt_rule_ctx *ctx, const pt_unit *unit)
{
    pt_names prototyped = {0};  /* functions with a prototype so far */
    for (uint32_t i = 0; i < unit->decls.len; i++) {
        const pt_decl *decl = pt_unit_decl(unit, i);
        if (decl->kind != PT_DECL_FUNCTION) {
            continue;
        }
        if (decl->has_prototype) {
            pt_names_add(&prototyped, decl->name);
            continue;
        }
        if (decl->is_definition && pt_names_find(&prototyped, decl->name) >= 0) {
            continue;
        }
        pt_report(ctx, decl->loc,
                  "'%s' is %s without a prototype; write '(void)' for no "
                  "parameters or list their types",
                  decl->name, decl->is_definition ? "defined" : "declared");
    }
    pt_names_free(&prototyped);
}

const pt_rule pt_rule_non_prototype_declaration = {
    .id = "non-prototype-declaration",
    .summary = "A C function declared or defined without a prototype.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_C,
    .enabled = true,
    .check_unit = check_non_prototype,
};
