/*
 * cmd_audit.c - `ptlint audit [--claims FILE] [--format F] [PATH...]`:
 * the review points provider-tree code is judged by (rules/data/
 * audit.yaml), each answered from the findings of its rules; with a
 * review, each of its numbered claims answered in its own order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "engine/engine.h"
#include "report/audit.h"

static const char usage[] =
    "usage: ptlint audit [options] [PATH...]\n"
    "  --claims FILE     a free-text review with numbered points; each is\n"
    "                    answered in order\n"
    "  --format text|markdown|html   (default: text)\n"
    "  --output FILE     write there instead of standard output\n"
    "  --doc-base URI    rule doc links in html: URI<rule-id>.md\n"
    "  --config FILE     configuration (default: nearest .ptlint.yaml)\n"
    "  --frontend auto|clang|tree-sitter\n"
    "  -p DIR            where compile_commands.json is\n"
    "  -j N              worker threads\n";

typedef struct audit_args {
    const char *claims;
    const char *format;
    const char *output;
    const char *doc_base;
    pt_check_options check;
    const char **paths;
} audit_args;

/* Takes one option at argv[*i]; false after a message on stderr. */
static bool take_option(audit_args *a, int argc, char **argv, int *i)
{
    bool missing = false;
    int taken;
    const char *v = NULL;
    if ((v = pt_cli_option_value(argc, argv, i, "--claims", &missing)) != NULL) {
        a->claims = v;
    } else if ((v = pt_cli_option_value(argc, argv, i, "--format", &missing))) {
        a->format = v;
    } else if ((v = pt_cli_option_value(argc, argv, i, "--output", &missing))) {
        a->output = v;
    } else if ((v = pt_cli_option_value(argc, argv, i, "--doc-base", &missing))) {
        a->doc_base = v;
    } else if ((taken = pt_cli_take_check_option(&a->check, argc, argv, i,
                                                 "audit", &missing)) != 0) {
        return taken > 0;
    } else {
        fprintf(stderr, "ptlint audit: %s option '%s'\n%s",
                missing ? "missing value for" : "unknown", argv[*i], usage);
        return false;
    }
    return true;
}

/* Parses the arguments after "audit"; -1 to go on, else the status. */
static int parse_args(int argc, char **argv, audit_args *a)
{
    a->format = "text";
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
    if (strcmp(a->format, "text") != 0 &&
        strcmp(a->format, "markdown") != 0 &&
        strcmp(a->format, "html") != 0) {
        fprintf(stderr, "ptlint audit: unknown format '%s' (expected text, "
                        "markdown or html)\n", a->format);
        return PT_EXIT_FAILURE;
    }
    a->check.paths = a->paths;
    return -1;
}

/* Reads the review into `claims`; false after a message. */
static bool read_claims(const char *path, pt_audit_claims *claims)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        fprintf(stderr, "ptlint audit: cannot read %s: ", path);
        perror(NULL);
        return false;
    }
    pt_buf text = {0};
    char chunk[4096];
    size_t n = 0;
    while ((n = fread(chunk, 1, sizeof chunk, in)) > 0) {
        pt_buf_append(&text, chunk, n);
    }
    fclose(in);
    pt_audit_claims_parse(claims, pt_buf_str(&text));
    pt_buf_free(&text);
    if (claims->len == 0) {
        fprintf(stderr, "ptlint audit: %s has no numbered points (\"1.\", "
                        "\"1)\", \"(1)\" or \"Point 1:\" at a line start)\n",
                path);
        return false;
    }
    return true;
}

/* Runs the rules of every point (and parse-error, so that a partly
   parsed file is known). */
static bool run(audit_args *a, const pt_audit_map *map,
                pt_run_result *result)
{
    size_t n = 0;
    const char **ids = pt_audit_map_rules(map, &n);
    ids = realloc(ids, (n + 2) * sizeof *ids);
    if (ids == NULL) {
        abort();
    }
    ids[n++] = "parse-error";
    a->check.select = ids;
    a->check.nselect = n;
    pt_buf errors = {0};
    bool ok = pt_engine_check(&a->check, result, &errors);
    fputs(pt_buf_str(&errors), stderr);
    pt_buf_free(&errors);
    free(ids);
    a->check.select = NULL;
    a->check.nselect = 0;
    return ok;
}

/* Writes the audit to --output or stdout; false on failure. */
static bool emit(const audit_args *a, const pt_buf *text)
{
    FILE *out = a->output != NULL ? fopen(a->output, "w") : stdout;
    if (out == NULL) {
        fprintf(stderr, "ptlint audit: cannot write %s: ", a->output);
        perror(NULL);
        return false;
    }
    fputs(pt_buf_str(text), out);
    bool ok = fflush(out) == 0;
    if (a->output != NULL) {
        ok &= fclose(out) == 0;
    }
    return ok;
}

int pt_cmd_audit(int argc, char **argv)
{
    audit_args a = {0};
    pt_audit_map map = {0};
    pt_audit_claims claims = {0};
    pt_run_result result = {0};
    pt_buf errors = {0};
    int status = parse_args(argc, argv, &a);
    if (status >= 0) {
        goto out;
    }
    status = PT_EXIT_FAILURE;
    if (!pt_audit_map_builtin(&map, &errors)) {
        fputs(pt_buf_str(&errors), stderr);
        goto out;
    }
    if ((a.claims != NULL && !read_claims(a.claims, &claims)) ||
        !run(&a, &map, &result)) {
        goto out;
    }
    pt_audit_scope scope = {
        .files = result.files, .lines = result.lines,
        .functions = result.functions,
    };
    pt_report_info info = {
        .rules = pt_engine_rules(), .files = result.files,
        .tool_version = PTLINT_VERSION, .doc_base_uri = a.doc_base,
    };
    pt_buf text = {0};
    pt_audit_write(a.format, &map, &result.findings, &scope, &claims, &info,
                   &text);
    status = emit(&a, &text) ? PT_EXIT_CLEAN : PT_EXIT_FAILURE;
    pt_buf_free(&text);
out:
    pt_buf_free(&errors);
    pt_run_result_free(&result);
    pt_audit_claims_free(&claims);
    pt_audit_map_free(&map);
    free(a.paths);
    return status;
}
