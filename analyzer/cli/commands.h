/*
 * commands.h - one function per ptlint subcommand; each returns the exit
 * status (PT_EXIT_*).
 */
#ifndef PTLINT_CLI_COMMANDS_H
#define PTLINT_CLI_COMMANDS_H

enum {
    PT_EXIT_CLEAN = 0,          /* nothing at or above --fail-on */
    PT_EXIT_FINDINGS = 1,       /* findings at or above --fail-on */
    PT_EXIT_FAILURE = 2,        /* the run itself failed */
};

int pt_cmd_version(void);
int pt_cmd_check(int argc, char **argv);
int pt_cmd_rules(int argc, char **argv);
int pt_cmd_explain(int argc, char **argv);
int pt_cmd_init(int argc, char **argv);
int pt_cmd_guards(int argc, char **argv);
int pt_cmd_merge(int argc, char **argv);
int pt_cmd_report(int argc, char **argv);
int pt_cmd_audit(int argc, char **argv);

#endif
