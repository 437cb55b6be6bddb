/*
 * cmd_check.c - `ptlint check`: options, the run, the report, the exit
 * status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "engine/engine.h"
#include "engine/filters.h"
#include "report/report.h"

/* The exit status for the findings under --fail-on. */
static int exit_status(const pt_findings *findings, int fail_on)
{
    for (size_t i = 0; fail_on >= 0 && i < findings->len; i++) {
        if ((int)findings->items[i]->severity >= fail_on) {
            return PT_EXIT_FINDINGS;
        }
    }
    return PT_EXIT_CLEAN;
}

/* Writes `text` to --output or standard output; false on failure. */
static bool write_output(const char *path, const pt_buf *text)
{
    FILE *out = path != NULL ? fopen(path, "w") : stdout;
    if (out == NULL) {
        fprintf(stderr, "ptlint: cannot write %s: ", path);
        perror(NULL);
        return false;
    }
    fputs(pt_buf_str(text), out);
    bool ok = fflush(out) == 0;
    if (path != NULL) {
        ok &= fclose(out) == 0;
    }
    return ok;
}

/* --dump-model FILE: prints the file's model and stops. */
static int dump_model(const pt_cli_options *cli)
{
    pt_buf errors = {0};
    pt_unit *unit = pt_engine_parse_path(cli->dump_model, cli->check.frontend,
                                         cli->check.compdb_dir, &errors);
    if (unit == NULL) {
        fputs(pt_buf_str(&errors), stderr);
        pt_buf_free(&errors);
        return PT_EXIT_FAILURE;
    }
    pt_buf out = {0};
    pt_unit_dump(unit, &out);
    bool ok = write_output(cli->output, &out);
    pt_buf_free(&out);
    pt_unit_free(unit);
    return ok ? PT_EXIT_CLEAN : PT_EXIT_FAILURE;
}

/* Renders the findings in the chosen format. */
static bool render(const pt_cli_options *cli, const pt_run_result *result)
{
    pt_report_info info = {
        .rules = pt_engine_rules(),
        .files = result->files,
        .color = cli->output == NULL && isatty(STDOUT_FILENO) &&
                 getenv("NO_COLOR") == NULL,
        .tool_version = PTLINT_VERSION,
    };
    pt_buf out = {0};
    pt_report_write(cli->format, &result->findings, &info, &out);
    bool ok = write_output(cli->output, &out);
    pt_buf_free(&out);
    return ok;
}

/* Baseline and diff filters, then --write-baseline; false on failure. */
static bool apply_gate(const pt_cli_options *cli, pt_run_result *result,
                       pt_buf *errors)
{
    if (cli->write_baseline != NULL &&
        !pt_baseline_write(&result->findings, cli->write_baseline, errors)) {
        return false;
    }
    if (cli->baseline != NULL) {
        size_t fixed = 0;
        if (!pt_baseline_filter(&result->findings, cli->baseline, &fixed,
                                errors)) {
            return false;
        }
        if (fixed > 0) {
            pt_buf_printf(errors, "ptlint: %zu baseline entr%s no longer "
                          "match anything (fixed); --write-baseline "
                          "ratchets the baseline down\n", fixed,
                          fixed == 1 ? "y" : "ies");
        }
    }
    return cli->diff_base == NULL ||
           pt_diff_filter(&result->findings, cli->diff_base, errors);
}

int pt_cmd_check(int argc, char **argv)
{
    pt_cli_options cli;
    int status = pt_cli_parse_check(argc, argv, &cli);
    if (status >= 0) {
        pt_cli_options_free(&cli);
        return status;
    }
    if (cli.dump_model != NULL) {
        status = dump_model(&cli);
        pt_cli_options_free(&cli);
        return status;
    }
    pt_run_result result;
    pt_buf errors = {0};
    if (!cli.no_cache) {
        const char *dir = getenv("PTLINT_CACHE_DIR");
        cli.check.cache_dir = dir != NULL && dir[0] != '\0' ? dir
                                                            : ".ptlint_cache";
    }
    if (!cli.fail_on_given) {
        /* The nearest config (to the first path, or the file named for
           standard input) may set the gate's threshold. */
        const char *where = cli.check.stdin_filename != NULL
                                ? cli.check.stdin_filename
                                : cli.check.npaths > 0 ? cli.check.paths[0]
                                                       : ".";
        cli.fail_on = pt_engine_fail_on(cli.check.config_path, where,
                                        cli.fail_on);
    }
    bool ran = pt_engine_check(&cli.check, &result, &errors);
    ran &= apply_gate(&cli, &result, &errors);
    fputs(pt_buf_str(&errors), stderr);
    pt_buf_free(&errors);
    /* A run that could not start (bad rule id, bad config) has no report. */
    bool started = ran || result.files > 0;
    bool rendered = !started || render(&cli, &result);
    status = exit_status(&result.findings, cli.fail_on);
    if (!ran || !rendered) {
        status = PT_EXIT_FAILURE;
    }
    pt_run_result_free(&result);
    pt_cli_options_free(&cli);
    return status;
}
