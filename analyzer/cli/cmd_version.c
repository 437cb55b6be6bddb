/*
 * cmd_version.c - `ptlint --version`.
 */
#include <stdio.h>

#include "cli/commands.h"
#include "engine/engine.h"
#include "ptlint/buf.h"

int pt_cmd_version(void)
{
    pt_buf text = {0};
    pt_buf_printf(&text, "ptlint %s\n", PTLINT_VERSION);
    pt_engine_versions(&text);
    fputs(pt_buf_str(&text), stdout);
    pt_buf_free(&text);
    return PT_EXIT_CLEAN;
}
