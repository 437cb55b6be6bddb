/*
 * finding.c - owning lists of findings, their order and severities.
 */
#include "model/finding.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pt_findings_push(pt_findings *list, pt_finding *finding)
{
    if (list->len == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
        pt_finding **items = realloc(list->items, cap * sizeof(*items));
        if (items == NULL) {
            fprintf(stderr, "ptlint: out of memory keeping findings\n");
            abort();
        }
        list->items = items;
        list->cap = cap;
    }
    list->items[list->len++] = finding;
}

/* qsort order: path, line, column, rule id, message. */
static int finding_compare(const void *a, const void *b)
{
    const pt_finding *x = *(pt_finding *const *)a;
    const pt_finding *y = *(pt_finding *const *)b;
    int by_path = strcmp(x->path, y->path);
    if (by_path != 0) {
        return by_path;
    }
    if (x->loc.line != y->loc.line) {
        return x->loc.line < y->loc.line ? -1 : 1;
    }
    if (x->loc.col != y->loc.col) {
        return x->loc.col < y->loc.col ? -1 : 1;
    }
    int by_rule = strcmp(x->rule->id, y->rule->id);
    return by_rule != 0 ? by_rule : strcmp(x->message, y->message);
}

void pt_findings_sort(pt_findings *list)
{
    if (list->len > 1) {
        /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
        qsort(list->items, list->len, sizeof(*list->items), finding_compare);
    }
}

void pt_finding_free(pt_finding *finding)
{
    if (finding == NULL) {
        return;
    }
    for (size_t i = 0; i < finding->nsteps; i++) {
        free(finding->steps[i].message);
    }
    free(finding->steps);
    free(finding->path);
    free(finding->message);
    free(finding->function);
    free(finding->line_text);
    free(finding->unless);
    free(finding->only_if);
    free(finding);
}

void pt_findings_free(pt_findings *list)
{
    for (size_t i = 0; i < list->len; i++) {
        pt_finding_free(list->items[i]);
    }
    free(list->items);
    list->items = NULL;
    list->len = 0;
    list->cap = 0;
}

const char *pt_severity_name(pt_severity severity)
{
    switch (severity) {
    case PT_SEV_ERROR:
        return "error";
    case PT_SEV_WARNING:
        return "warning";
    default:
        return "note";
    }
}

bool pt_severity_parse(const char *text, pt_severity *out)
{
    static const char *const names[] = {"note", "warning", "error"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(text, names[i]) == 0) {
            *out = (pt_severity)i;
            return true;
        }
    }
    return false;
}
