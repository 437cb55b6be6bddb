/*
 * options.h - the command line of `ptlint check`.
 */
#ifndef PTLINT_CLI_OPTIONS_H
#define PTLINT_CLI_OPTIONS_H

#include "engine/engine.h"

/* The parsed command line of `ptlint check`; argv strings are borrowed. */
typedef struct pt_cli_options {
    pt_check_options check;
    const char *format;         /* text, json, sarif, junit, github, gitlab */
    const char *output;         /* --output FILE, or NULL for stdout */
    int fail_on;                /* lowest failing severity, -1 for never */
    bool fail_on_given;         /* --fail-on on the command line */
    const char *dump_model;     /* --dump-model FILE */
    const char *baseline;       /* --baseline FILE */
    const char *write_baseline; /* --write-baseline FILE */
    const char *diff_base;      /* --diff-base REV */
    bool no_cache;              /* --no-cache */
    const char **plugins;       /* --plugin PATH, repeatable */
    size_t nplugins;
    char **lists;               /* split --select/--ignore storage */
    size_t nlists;
} pt_cli_options;

/*
 * Parses the arguments after "check".  Returns -1 when the run should go
 * on, else the exit status to return at once (after --help, or 2 after a
 * message about a bad option).  Free with pt_cli_options_free() either way.
 */
int pt_cli_parse_check(int argc, char **argv, pt_cli_options *out);

/* Frees the option arrays pt_cli_parse_check() allocated, not `options`. */
void pt_cli_options_free(pt_cli_options *options);

#endif
