/*
 * cmd_merge.c - `ptlint merge A.sarif B.sarif ... > all.sarif`.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "report/sarif_merge.h"

/* Reads a whole file; NULL (with a message) when it cannot. */
static char *slurp(const char *path, size_t *length)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        fprintf(stderr, "ptlint merge: cannot read %s\n", path);
        return NULL;
    }
    pt_buf text = {0};
    char chunk[65536];
    size_t got = 0;
    while ((got = fread(chunk, 1, sizeof(chunk), in)) > 0) {
        pt_buf_append(&text, chunk, got);
    }
    fclose(in);
    pt_buf_append(&text, "", 0);
    *length = text.len;
    return text.data;
}

int pt_cmd_merge(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: ptlint merge A.sarif B.sarif ... > all.sarif\n");
        return PT_EXIT_FAILURE;
    }
    size_t count = (size_t)(argc - 1);
    char **logs = calloc(count, sizeof(char *));
    size_t *lengths = calloc(count, sizeof(size_t));
    int status = logs != NULL && lengths != NULL ? PT_EXIT_CLEAN
                                                 : PT_EXIT_FAILURE;
    for (size_t k = 0; status == PT_EXIT_CLEAN && k < count; k++) {
        logs[k] = slurp(argv[k + 1], &lengths[k]);
        status = logs[k] != NULL ? PT_EXIT_CLEAN : PT_EXIT_FAILURE;
    }
    pt_buf out = {0};
    size_t bad = 0;
    if (status == PT_EXIT_CLEAN &&
        !pt_sarif_merge((const char *const *)logs, lengths, count, &out,
                        &bad)) {
        fprintf(stderr, "ptlint merge: %s is not a SARIF log with results\n",
                argv[bad + 1]);
        status = PT_EXIT_FAILURE;
    }
    if (status == PT_EXIT_CLEAN) {
        fputs(pt_buf_str(&out), stdout);
    }
    pt_buf_free(&out);
    for (size_t k = 0; logs != NULL && k < count; k++) {
        free(logs[k]);
    }
    free(logs);
    free(lengths);
    return status;
}
