/*
 * unused_import.c - Python imports never used (pyflakes F401).
 *
 * The frontend counts every read of a bound name, names listed in
 * `__all__` included.  `__init__.py` files re-export by importing, so
 * they are exempt unless the option says otherwise; `from __future__`
 * imports are directives, not bindings.
 */
#include <string.h>

#include "ptlint/rule.h"
#include "rules/util_rule.h"

static const pt_option unused_import_options[] = {
    {"check-init-files", PT_OPT_BOOL, "false",
     "also check __init__.py files"},
    {0},
};

static void check_unused_import(pt_rule_ctx *ctx, const pt_unit *unit)
{
    if (unit->errors.len > 0) {
        return;                 /* the use may be in what did not parse */
    }
    if (strcmp(pt_base_name(unit->path), "__init__.py") == 0 &&
        !pt_option_bool(ctx, "check-init-files")) {
        return;
    }
    for (uint32_t i = 0; i < unit->decls.len; i++) {
        const pt_decl *decl = pt_unit_decl(unit, i);
        if (decl->kind != PT_DECL_IMPORT || decl->reads > 0 ||
            decl->marked_unused) {
            continue;
        }
        const char *source = decl->detail != NULL ? decl->detail : decl->name;
        if (strncmp(source, "__future__", 10) == 0) {
            continue;
        }
        pt_report(ctx, decl->loc, "'%s' is imported but never used", source);
    }
}

const pt_rule pt_rule_unused_import = {
    .id = "unused-import",
    .summary = "A Python import that is never used.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_PYTHON,
    .enabled = true,
    .options = unused_import_options,
    .check_unit = check_unused_import,
};
