/*
 * cmd_guards.c - `ptlint guards PATH...`: the lock-guard map that
 * unguarded-shared-state infers (field, lock, share of guarded accesses,
 * unguarded sites), one line per guarded field.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "engine/engine.h"

int pt_cmd_guards(int argc, char **argv)
{
    static const char *const select[] = {"unguarded-shared-state"};
    static const char *const overrides[] = {
        "unguarded-shared-state:guard-map=true",
    };
    pt_check_options options = {
        .paths = (const char *const *)argv + 1,
        .npaths = (size_t)(argc - 1),
        .select = select, .nselect = 1,
        .overrides = overrides, .noverrides = 1,
    };
    pt_run_result result;
    pt_buf errors = {0};
    bool ok = pt_engine_check(&options, &result, &errors);
    fputs(pt_buf_str(&errors), stderr);
    pt_buf_free(&errors);
    for (size_t i = 0; i < result.findings.len; i++) {
        const pt_finding *f = result.findings.items[i];
        printf("%s:%u:%u: %s\n", f->path, f->loc.line, f->loc.col,
               f->message);
    }
    if (result.findings.len == 0) {
        printf("No guarded fields found in %zu files.\n", result.files);
    }
    pt_run_result_free(&result);
    return ok ? PT_EXIT_CLEAN : PT_EXIT_FAILURE;
}
