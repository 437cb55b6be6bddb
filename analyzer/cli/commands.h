/*
 * commands.h - one function per ptlint subcommand; each returns the exit
 * status (PT_EXIT_*).  argv[0] is the subcommand's own name: main() passes
 * its argv + 1.
 */
#ifndef PTLINT_CLI_COMMANDS_H
#define PTLINT_CLI_COMMANDS_H

enum {
    PT_EXIT_CLEAN = 0,          /* nothing at or above --fail-on */
    PT_EXIT_FINDINGS = 1,       /* findings at or above --fail-on */
    PT_EXIT_FAILURE = 2,        /* the run itself failed */
};

/* Prints ptlint's version and those of its parsers to stdout. */
int pt_cmd_version(void);
/* Checks the paths and reports; PT_EXIT_FINDINGS when --fail-on trips. */
int pt_cmd_check(int argc, char **argv);
/* Lists every rule with its languages, severity and summary. */
int pt_cmd_rules(int argc, char **argv);
/* Prints the documentation of the rule named in argv[1]. */
int pt_cmd_explain(int argc, char **argv);
/* Writes a starter .ptlint.yaml; refuses to overwrite an existing one. */
int pt_cmd_init(int argc, char **argv);
/* Prints the lock-guard map of unguarded-shared-state for the paths. */
int pt_cmd_guards(int argc, char **argv);
/* Merges the SARIF logs named in argv into one log on stdout. */
int pt_cmd_merge(int argc, char **argv);
/* Writes the self-contained HTML report named by --html. */
int pt_cmd_report(int argc, char **argv);
/* Answers the audit's review points (or --claims) from the findings. */
int pt_cmd_audit(int argc, char **argv);

#endif
