/*
 * baseline.c - recording today's findings and hiding them tomorrow.
 *
 * The baseline is plain text so that it diffs and merges well in git: one
 * finding a line, sorted, the fingerprint first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/filters.h"

/* The message with tabs and newlines flattened, for one-line records. */
static void put_field(FILE *out, const char *text)
{
    for (const char *p = text; *p != '\0'; p++) {
        fputc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, out);
    }
}

static int compare_lines(const void *a, const void *b)
{
    const pt_finding *x = *(pt_finding *const *)a;
    const pt_finding *y = *(pt_finding *const *)b;
    int by_print = strcmp(x->fingerprint, y->fingerprint);
    return by_print != 0 ? by_print : strcmp(x->path, y->path);
}

bool pt_baseline_write(const pt_findings *findings, const char *path,
                       pt_buf *errors)
{
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
    pt_finding **sorted = calloc(findings->len + 1, sizeof(*sorted));
    FILE *out = fopen(path, "w");
    if (sorted == NULL || out == NULL) {
        pt_buf_printf(errors, "%s: cannot write the baseline\n", path);
        free(sorted);
        if (out != NULL) {
            (void)fclose(out);  /* nothing written: nothing to lose */
        }
        return false;
    }
    if (findings->len > 0) {
        /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
        memcpy(sorted, findings->items, findings->len * sizeof(*sorted));
    }
    if (findings->len > 1) {
        /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
        qsort(sorted, findings->len, sizeof(*sorted), compare_lines);
    }
    for (size_t i = 0; i < findings->len; i++) {
        fprintf(out, "%s\t%s\t", sorted[i]->fingerprint, sorted[i]->rule->id);
        put_field(out, sorted[i]->path);
        fputc('\t', out);
        put_field(out, sorted[i]->message);
        fputc('\n', out);
    }
    free(sorted);
    if (fclose(out) != 0) {
        pt_buf_printf(errors, "%s: cannot write the baseline\n", path);
        return false;
    }
    return true;
}

/* The fingerprints of a baseline file, sorted; *count set. */
static char (*read_prints(FILE *in, size_t *count))[17]
{
    char (*prints)[17] = NULL;
    size_t len = 0;
    size_t cap = 0;
    char line[4096];
    while (fgets(line, sizeof(line), in) != NULL) {
        size_t n = strcspn(line, "\t\n");
        if (n != 16 || line[0] == '#') {
            continue;
        }
        if (len == cap) {
            cap = cap ? cap * 2 : 256;
            prints = realloc(prints, cap * sizeof(*prints));
            if (prints == NULL) {
                abort();
            }
        }
        memcpy(prints[len], line, 16);
        prints[len++][16] = '\0';
    }
    *count = len;
    return prints;
}

static int compare_prints(const void *a, const void *b)
{
    return strcmp(a, b);
}

bool pt_baseline_filter(pt_findings *findings, const char *path,
                        size_t *fixed, pt_buf *errors)
{
    FILE *in = fopen(path, "r");
    if (in == NULL) {
        pt_buf_printf(errors, "%s: cannot read the baseline\n", path);
        return false;
    }
    size_t count = 0;
    char (*prints)[17] = read_prints(in, &count);
    fclose(in);
    bool *used = calloc(count + 1, sizeof(bool));
    if (used == NULL) {
        abort();
    }
    if (count > 1) {
        qsort(prints, count, sizeof(*prints), compare_prints);
    }
    size_t kept = 0;
    for (size_t i = 0; i < findings->len; i++) {
        pt_finding *f = findings->items[i];
        char (*hit)[17] = count ? bsearch(f->fingerprint, prints, count,
                                          sizeof(*prints), compare_prints)
                                : NULL;
        if (hit != NULL) {
            used[hit - prints] = true;
            pt_finding_free(f);
        } else {
            findings->items[kept++] = f;
        }
    }
    findings->len = kept;
    *fixed = 0;
    for (size_t i = 0; i < count; i++) {
        *fixed += !used[i];
    }
    free(used);
    free(prints);
    return true;
}
