/*
 * args.h - argument helpers shared by the commands that run a check
 * (report, audit): one option's value, and the engine options they share.
 */
#ifndef PTLINT_CLI_ARGS_H
#define PTLINT_CLI_ARGS_H

#include <stdbool.h>

#include "engine/engine.h"

/* The value of option `name` at argv[*i] ("--name V" or "--name=V"), or
   NULL when argv[*i] is not that option; *missing when V is absent. */
const char *pt_cli_option_value(int argc, char **argv, int *i,
                                const char *name, bool *missing);

/* Parses "auto", "clang" or "tree-sitter"; false for anything else. */
bool pt_cli_parse_frontend(const char *text, pt_frontend_choice *out);

/*
 * Takes --config, -p, -j or --frontend at argv[*i] into `check`.
 * Returns 1 when taken, 0 when argv[*i] is none of them, -1 after a
 * message naming `command` on stderr.
 */
int pt_cli_take_check_option(pt_check_options *check, int argc, char **argv,
                             int *i, const char *command, bool *missing);

#endif
