/*
 * cmd_report.c - `ptlint report --html FILE [PATH...]`: a self-contained
 * HTML report.  Three runs of the engine over the same paths: the check
 * itself; excess-complexity with every limit lifted, so that each
 * function reports its cyclomatic complexity; and the guard map of
 * unguarded-shared-state.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "engine/engine.h"
#include "report/html.h"

static const char usage[] =
    "usage: ptlint report --html FILE [options] [PATH...]\n"
    "  --html FILE       write the report to FILE (one self-contained page)\n"
    "  --title TEXT      the page title (default: ptlint report)\n"
    "  --doc-base URI    rule doc links: URI<rule-id>.md (default: the\n"
    "                    project's docs on GitHub; docs/rules/ for a\n"
    "                    relative link)\n"
    "  --config FILE     configuration (default: nearest .ptlint.yaml)\n"
    "  --frontend auto|clang|tree-sitter\n"
    "  -p DIR            where compile_commands.json is\n"
    "  -j N              worker threads\n";

typedef struct report_args {
    const char *html;
    const char *title;
    const char *doc_base;
    pt_check_options check;
    const char **paths;
} report_args;

/* Takes one option at argv[*i]; false after a message on stderr. */
static bool take_option(report_args *a, int argc, char **argv, int *i)
{
    bool missing = false;
    int taken;
    const char *v = NULL;
    if ((v = pt_cli_option_value(argc, argv, i, "--html", &missing)) != NULL) {
        a->html = v;
    } else if ((v = pt_cli_option_value(argc, argv, i, "--title", &missing))) {
        a->title = v;
    } else if ((v = pt_cli_option_value(argc, argv, i, "--doc-base", &missing))) {
        a->doc_base = v;
    } else if ((taken = pt_cli_take_check_option(&a->check, argc, argv, i,
                                                 "report", &missing)) != 0) {
        return taken > 0;
    } else {
        fprintf(stderr, "ptlint report: %s option '%s'\n%s",
                missing ? "missing value for" : "unknown", argv[*i], usage);
        return false;
    }
    return true;
}

/* Parses the arguments after "report"; -1 to go on, else the status. */
static int parse_args(int argc, char **argv, report_args *a)
{
    a->paths = calloc((size_t)argc + 1, sizeof *a->paths);
    if (a->paths == NULL) {
        abort();
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, stdout);
            return PT_EXIT_CLEAN;
        }
        if (argv[i][0] != '-' || strcmp(argv[i], "-") == 0) {
            a->paths[a->check.npaths++] = argv[i];
        } else if (!take_option(a, argc, argv, &i)) {
            return PT_EXIT_FAILURE;
        }
    }
    if (a->html == NULL) {
        fprintf(stderr, "ptlint report: --html FILE is required\n%s", usage);
        return PT_EXIT_FAILURE;
    }
    a->check.paths = a->paths;
    return -1;
}

/* "2024-05-01 12:00 UTC", from SOURCE_DATE_EPOCH when set (reproducible
   builds), else the clock. */
static void generated_at(char *buf, size_t size)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    time_t now = epoch != NULL ? (time_t)strtoll(epoch, NULL, 10)
                               : time(NULL);
    struct tm tm;
    if (gmtime_r(&now, &tm) == NULL ||
        strftime(buf, size, "%Y-%m-%d %H:%M UTC", &tm) == 0) {
        buf[0] = '\0';
    }
}

/* The two extra runs: every function's complexity, and the guard map. */
static bool extra_runs(const pt_check_options *base, pt_run_result *cx,
                       pt_run_result *guards, pt_buf *errors)
{
    static const char *const cx_select[] = {"excess-complexity"};
    static const char *const cx_overrides[] = {
        "excess-complexity:max-complexity=0",
        "excess-complexity:max-nesting=1000",
        "excess-complexity:max-lines=100000",
    };
    static const char *const guard_select[] = {"unguarded-shared-state"};
    static const char *const guard_overrides[] = {
        "unguarded-shared-state:guard-map=true",
    };
    pt_check_options o = *base;
    o.select = cx_select;
    o.nselect = 1;
    o.ignore = NULL;
    o.nignore = 0;
    o.overrides = cx_overrides;
    o.noverrides = 3;
    bool ok = pt_engine_check(&o, cx, errors);
    o.select = guard_select;
    o.overrides = guard_overrides;
    o.noverrides = 1;
    ok &= pt_engine_check(&o, guards, errors);
    return ok;
}

/* Writes `text` to `path`; false after a message. */
static bool write_file(const char *path, const pt_buf *text)
{
    FILE *out = fopen(path, "w");
    if (out == NULL) {
        fprintf(stderr, "ptlint report: cannot write %s: ", path);
        perror(NULL);
        return false;
    }
    fputs(pt_buf_str(text), out);
    bool ok = fflush(out) == 0;
    ok &= fclose(out) == 0;
    return ok;
}

int pt_cmd_report(int argc, char **argv)
{
    report_args a = {0};
    int status = parse_args(argc, argv, &a);
    if (status >= 0) {
        free(a.paths);
        return status;
    }
    pt_run_result result = {0};
    pt_run_result cx = {0};
    pt_run_result guards = {0};
    pt_buf errors = {0};
    bool ok = pt_engine_check(&a.check, &result, &errors);
    ok = ok && extra_runs(&a.check, &cx, &guards, &errors);
    fputs(pt_buf_str(&errors), stderr);
    pt_buf_free(&errors);
    if (ok) {
        char when[64];
        generated_at(when, sizeof when);
        pt_html_input in = {
            .title = a.title, .paths = a.paths, .npaths = a.check.npaths,
            .findings = &result.findings, .complexity = &cx.findings,
            .guards = &guards.findings, .files = result.files,
            .lines = result.lines, .functions = result.functions,
            .generated = when[0] ? when : NULL,
        };
        pt_report_info info = {
            .rules = pt_engine_rules(), .files = result.files,
            .tool_version = PTLINT_VERSION, .doc_base_uri = a.doc_base,
        };
        pt_buf page = {0};
        pt_report_html(&in, &info, &page);
        ok = write_file(a.html, &page);
        pt_buf_free(&page);
        if (ok) {
            fprintf(stderr, "ptlint report: %zu findings in %zu files "
                    "written to %s\n", result.findings.len, result.files,
                    a.html);
        }
    }
    pt_run_result_free(&result);
    pt_run_result_free(&cx);
    pt_run_result_free(&guards);
    free(a.paths);
    return ok ? PT_EXIT_CLEAN : PT_EXIT_FAILURE;
}
