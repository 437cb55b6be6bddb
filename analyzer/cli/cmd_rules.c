/*
 * cmd_rules.c - `ptlint rules`, `ptlint explain RULE`, `ptlint init`.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "engine/engine.h"

int pt_cmd_rules(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) {
        fprintf(stderr, "ptlint rules: takes no arguments\n");
        return PT_EXIT_FAILURE;
    }
    printf("%-28s %-10s %-8s %-8s %s\n", "id", "languages", "severity",
           "enabled", "summary");
    for (const pt_rule *const *r = pt_engine_rules(); *r != NULL; r++) {
        const pt_rule *rule = *r;
        const char *langs = rule->languages == PT_LANGS_ALL ? "c,python"
                            : rule->languages == PT_LANGS_C ? "c"
                                                            : "python";
        printf("%-28s %-10s %-8s %-8s %s\n", rule->id, langs,
               pt_severity_name(rule->severity),
               rule->enabled ? "yes" : "no", rule->summary);
    }
    return PT_EXIT_CLEAN;
}

int pt_cmd_explain(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: ptlint explain RULE\n");
        return PT_EXIT_FAILURE;
    }
    const pt_rule *rule = pt_engine_find_rule(argv[1]);
    if (rule == NULL) {
        fprintf(stderr, "ptlint explain: no rule '%s'; 'ptlint rules' "
                        "lists them\n", argv[1]);
        return PT_EXIT_FAILURE;
    }
    fputs(pt_engine_rule_doc(rule), stdout);
    return PT_EXIT_CLEAN;
}

int pt_cmd_init(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) {
        fprintf(stderr, "ptlint init: takes no arguments\n");
        return PT_EXIT_FAILURE;
    }
    FILE *existing = fopen(".ptlint.yaml", "r");
    if (existing != NULL) {
        fclose(existing);
        fprintf(stderr, "ptlint init: .ptlint.yaml exists; not "
                        "overwriting it\n");
        return PT_EXIT_FAILURE;
    }
    FILE *out = fopen(".ptlint.yaml", "w");
    if (out == NULL) {
        perror("ptlint init: .ptlint.yaml");
        return PT_EXIT_FAILURE;
    }
    fputs(pt_engine_init_text(), out);
    if (fclose(out) != 0) {
        perror("ptlint init: .ptlint.yaml");
        return PT_EXIT_FAILURE;
    }
    printf("wrote .ptlint.yaml\n");
    return PT_EXIT_CLEAN;
}
