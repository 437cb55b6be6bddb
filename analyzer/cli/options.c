/*
 * options.c - parsing `ptlint check` arguments.
 */
#include "cli/options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "report/report.h"

static const char usage[] =
    "usage: ptlint check [options] [PATH...]\n"
    "  --format text|json|sarif|junit|github|gitlab   output format (text)\n"
    "  --output FILE          write the report to FILE\n"
    "  --config FILE          use FILE instead of the nearest .ptlint.yaml\n"
    "  --frontend auto|clang|tree-sitter   C frontend (auto)\n"
    "  -p DIR                 directory of compile_commands.json\n"
    "  --select RULE,...      run only these rules\n"
    "  --ignore RULE,...      do not run these rules\n"
    "  --fail-on error|warning|note|never   exit 1 at or above (warning)\n"
    "  -j N                   worker threads (number of cores)\n"
    "  --stdin-filename NAME  read one file named NAME from standard input\n"
    "  --baseline FILE        report only findings not in FILE\n"
    "  --write-baseline FILE  record the findings in FILE\n"
    "  --diff-base REV        report only findings on lines changed since REV\n"
    "  --shard K/N            analyse the K-th of N deterministic shards\n"
    "  --no-cache             do not use the result cache\n"
    "  --plugin PATH.so       load a rule plugin (repeatable)\n"
    "  --parse-only           read and parse only, run no rules (benchmarks)\n"
    "  --dump-model FILE      print FILE's program model and stop\n";

/* Splits "a,b" into the list (storage kept in out->lists). */
static void split_ids(pt_cli_options *out, const char *text,
                      const char ***ids, size_t *count)
{
    char *copy = strdup(text);
    char **lists = realloc(out->lists, (out->nlists + 1) * sizeof(char *));
    if (copy == NULL || lists == NULL) {
        abort();
    }
    out->lists = lists;
    out->lists[out->nlists++] = copy;
    for (char *save = NULL, *id = strtok_r(copy, ",", &save); id != NULL;
         id = strtok_r(NULL, ",", &save)) {
        const char **grown = realloc(*ids, (*count + 1) * sizeof(char *));
        if (grown == NULL) {
            abort();
        }
        grown[(*count)++] = id;
        *ids = grown;
    }
}

static bool parse_fail_on(const char *text, int *out)
{
    pt_severity severity;
    if (strcmp(text, "never") == 0) {
        *out = -1;
        return true;
    }
    if (pt_severity_parse(text, &severity)) {
        *out = (int)severity;
        return true;
    }
    return false;
}

/* Parses "K/N" with 1 <= K <= N <= 1024. */
static bool parse_shard(const char *text, pt_check_options *out)
{
    char *slash = NULL;
    char *end = NULL;
    unsigned long k = strtoul(text, &slash, 10);
    if (slash == text || *slash != '/') {
        return false;
    }
    unsigned long n = strtoul(slash + 1, &end, 10);
    if (end == slash + 1 || *end != '\0' || k < 1 || k > n || n > 1024) {
        return false;
    }
    out->shard_index = (unsigned)k - 1;
    out->shard_count = (unsigned)n;
    return true;
}

static bool parse_jobs(const char *text, unsigned *out)
{
    char *end = NULL;
    long jobs = strtol(text, &end, 10);
    if (*end != '\0' || jobs < 1 || jobs > 256) {
        return false;
    }
    *out = (unsigned)jobs;
    return true;
}

/* Says what is wrong with an option value; returns exit status 2. */
static int bad_value(const char *option, const char *value,
                     const char *expected)
{
    fprintf(stderr, "ptlint check: %s '%s': expected %s\n", option, value,
            expected);
    return PT_EXIT_FAILURE;
}

/* Appends a --plugin path. */
static void add_plugin(pt_cli_options *out, const char *path)
{
    const char **grown = realloc(out->plugins,
                                 (out->nplugins + 1) * sizeof(char *));
    if (grown == NULL) {
        abort();
    }
    grown[out->nplugins++] = path;
    out->plugins = grown;
}

/* Fills the rule table: plugins and the config's custom rules. */
static int load_extensions(const pt_cli_options *out)
{
    pt_buf errors = {0};
    bool ok = pt_engine_load_extensions(out->check.config_path,
                                        out->plugins, out->nplugins,
                                        &errors);
    fputs(pt_buf_str(&errors), stderr);
    pt_buf_free(&errors);
    return ok ? -1 : PT_EXIT_FAILURE;
}

/* Handles one option that takes a value; -1 to go on, else a status. */
static int take_value(pt_cli_options *out, const char *option,
                      const char *value)
{
    pt_check_options *c = &out->check;
    if (strcmp(option, "--format") == 0) {
        out->format = value;
        return pt_report_format_known(value)
                   ? -1 : bad_value(option, value,
                                    "text, json, sarif, junit, github or "
                                    "gitlab");
    }
    if (strcmp(option, "--frontend") == 0) {
        return pt_cli_parse_frontend(value, &c->frontend)
                   ? -1 : bad_value(option, value, "auto, clang or tree-sitter");
    }
    if (strcmp(option, "--fail-on") == 0) {
        out->fail_on_given = true;
        return parse_fail_on(value, &out->fail_on)
                   ? -1 : bad_value(option, value,
                                    "error, warning, note or never");
    }
    if (strcmp(option, "-j") == 0) {
        return parse_jobs(value, &c->jobs)
                   ? -1 : bad_value(option, value, "a number from 1 to 256");
    }
    if (strcmp(option, "--shard") == 0) {
        return parse_shard(value, c)
                   ? -1 : bad_value(option, value, "K/N with 1 <= K <= N");
    }
    if (strcmp(option, "--select") == 0) {
        split_ids(out, value, (const char ***)&c->select, &c->nselect);
    } else if (strcmp(option, "--ignore") == 0) {
        split_ids(out, value, (const char ***)&c->ignore, &c->nignore);
    } else if (strcmp(option, "--output") == 0) {
        out->output = value;
    } else if (strcmp(option, "--plugin") == 0) {
        add_plugin(out, value);
    } else if (strcmp(option, "--config") == 0) {
        c->config_path = value;
    } else if (strcmp(option, "-p") == 0) {
        c->compdb_dir = value;
    } else if (strcmp(option, "--stdin-filename") == 0) {
        c->stdin_filename = value;
    } else if (strcmp(option, "--baseline") == 0) {
        out->baseline = value;
    } else if (strcmp(option, "--write-baseline") == 0) {
        out->write_baseline = value;
    } else if (strcmp(option, "--diff-base") == 0) {
        out->diff_base = value;
    } else if (strcmp(option, "--dump-model") == 0) {
        out->dump_model = value;
    } else {
        fprintf(stderr, "ptlint check: unknown option '%s'\n%s", option,
                usage);
        return PT_EXIT_FAILURE;
    }
    return -1;
}

/* Splits "--opt=value" and "-jN"/"-pDIR"; returns the value or NULL. */
static const char *inline_value(char *arg, char *short_option)
{
    if (arg[0] == '-' && (arg[1] == 'j' || arg[1] == 'p') && arg[2] != '\0') {
        short_option[0] = '-';
        short_option[1] = arg[1];
        short_option[2] = '\0';
        return arg + 2;
    }
    char *eq = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
    if (eq == NULL) {
        return NULL;
    }
    *eq = '\0';
    return eq + 1;
}

int pt_cli_parse_check(int argc, char **argv, pt_cli_options *out)
{
    memset(out, 0, sizeof(*out));
    out->format = "text";
    out->fail_on = PT_SEV_WARNING;
    const char **paths = calloc((size_t)argc + 1, sizeof(char *));
    out->check.paths = paths;
    for (int i = 1; i < argc; i++) {
        char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(usage, stdout);
            return PT_EXIT_CLEAN;
        }
        if (strcmp(arg, "--no-cache") == 0) {
            out->no_cache = true;
            continue;
        }
        if (strcmp(arg, "--parse-only") == 0) {
            out->check.parse_only = true;
            continue;
        }
        if (arg[0] != '-' || strcmp(arg, "-") == 0) {
            paths[out->check.npaths++] = arg;
            continue;
        }
        char short_option[3] = {0};
        const char *value = inline_value(arg, short_option);
        const char *option = short_option[0] != '\0' ? short_option : arg;
        if (value == NULL && i + 1 >= argc) {
            fprintf(stderr, "ptlint check: %s needs a value\n", arg);
            return PT_EXIT_FAILURE;
        }
        int status = take_value(out, option, value != NULL ? value : argv[++i]);
        if (status >= 0) {
            return status;
        }
    }
    return load_extensions(out);
}

void pt_cli_options_free(pt_cli_options *options)
{
    for (size_t i = 0; i < options->nlists; i++) {
        free(options->lists[i]);
    }
    free(options->lists);
    free((void *)options->check.paths);
    free((void *)options->check.select);
    free((void *)options->check.ignore);
    free((void *)options->plugins);
}
