/*
 * args.c - see args.h.
 */
#include "cli/args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *pt_cli_option_value(int argc, char **argv, int *i,
                                const char *name, bool *missing)
{
    size_t len = strlen(name);
    if (strncmp(argv[*i], name, len) != 0) {
        return NULL;
    }
    if (argv[*i][len] == '=') {
        return argv[*i] + len + 1;
    }
    if (argv[*i][len] != '\0') {
        return NULL;
    }
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

bool pt_cli_parse_frontend(const char *text, pt_frontend_choice *out)
{
    static const char *const names[] = {"auto", "clang", "tree-sitter"};
    for (int k = 0; k < 3; k++) {
        if (strcmp(text, names[k]) == 0) {
            *out = (pt_frontend_choice)k;
            return true;
        }
    }
    return false;
}

int pt_cli_take_check_option(pt_check_options *check, int argc, char **argv,
                             int *i, const char *command, bool *missing)
{
    const char *v = NULL;
    if ((v = pt_cli_option_value(argc, argv, i, "--config", missing))) {
        check->config_path = v;
    } else if ((v = pt_cli_option_value(argc, argv, i, "-p", missing))) {
        check->compdb_dir = v;
    } else if ((v = pt_cli_option_value(argc, argv, i, "-j", missing))) {
        check->jobs = (unsigned)strtoul(v, NULL, 10);
    } else if ((v = pt_cli_option_value(argc, argv, i, "--frontend",
                                        missing))) {
        if (!pt_cli_parse_frontend(v, &check->frontend)) {
            fprintf(stderr, "ptlint %s: bad --frontend '%s' (expected "
                            "auto, clang or tree-sitter)\n", command, v);
            return -1;
        }
    } else {
        return 0;
    }
    return 1;
}
