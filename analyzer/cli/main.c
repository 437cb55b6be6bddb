/*
 * main.c - ptlint's command dispatcher.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"

/* Prints the usage summary to `out`. */
static void print_usage(FILE *out)
{
    fputs("usage: ptlint check [options] [PATH...]\n"
          "       ptlint rules\n"
          "       ptlint explain RULE\n"
          "       ptlint guards [PATH...]\n"
          "       ptlint merge A.sarif B.sarif ... > all.sarif\n"
          "       ptlint report --html FILE [PATH...]\n"
          "       ptlint audit [--claims FILE] [--format text|markdown|html] "
          "[PATH...]\n"
          "       ptlint init\n"
          "       ptlint --version\n"
          "Run 'ptlint check --help' for the options of check.\n",
          out);
}

/* Runs the subcommand in argv[1]; returns its exit status (PT_EXIT_*). */
int main(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return PT_EXIT_FAILURE;
    }
    const char *command = argv[1];
    if (strcmp(command, "--version") == 0 || strcmp(command, "version") == 0) {
        return pt_cmd_version();
    }
    if (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0) {
        print_usage(stdout);
        return PT_EXIT_CLEAN;
    }
    if (strcmp(command, "check") == 0) {
        return pt_cmd_check(argc - 1, argv + 1);
    }
    if (strcmp(command, "rules") == 0) {
        return pt_cmd_rules(argc - 1, argv + 1);
    }
    if (strcmp(command, "explain") == 0) {
        return pt_cmd_explain(argc - 1, argv + 1);
    }
    if (strcmp(command, "merge") == 0) {
        return pt_cmd_merge(argc - 1, argv + 1);
    }
    if (strcmp(command, "guards") == 0) {
        return pt_cmd_guards(argc - 1, argv + 1);
    }
    if (strcmp(command, "report") == 0) {
        return pt_cmd_report(argc - 1, argv + 1);
    }
    if (strcmp(command, "audit") == 0) {
        return pt_cmd_audit(argc - 1, argv + 1);
    }
    if (strcmp(command, "init") == 0) {
        return pt_cmd_init(argc - 1, argv + 1);
    }
    fprintf(stderr, "ptlint: unknown command '%s'\n", command);
    print_usage(stderr);
    return PT_EXIT_FAILURE;
}
