/*
 * suppress.c - finding and applying inline suppressions.
 */
#include "engine/suppress.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_IDS = 16, MAX_ID = 64 };

typedef struct suppression {
    pt_loc loc;                 /* of the comment */
    uint32_t line;              /* the line the comment ends on */
    bool own_line;              /* alone on its line: covers the next */
    bool whole_file;
    bool has_reason;            /* "-- reason" follows the brackets */
    uint32_t nids;
    char ids[MAX_IDS][MAX_ID];
    bool used[MAX_IDS];
} suppression;

/* Parses "ignore[a, b]" or "ignore-file[a]" after "ptlint:". */
static bool parse_directive(const char *text, suppression *out)
{
    while (*text == ' ') {
        text++;
    }
    if (strncmp(text, "ignore-file[", 12) == 0) {
        out->whole_file = true;
        text += 12;
    } else if (strncmp(text, "ignore[", 7) == 0) {
        text += 7;
    } else {
        return false;
    }
    while (*text != ']' && *text != '\0' && out->nids < MAX_IDS) {
        while (*text == ' ' || *text == ',') {
            text++;
        }
        size_t len = 0;
        while ((isalnum((unsigned char)text[len]) || text[len] == '-' ||
                text[len] == '_') && len < MAX_ID - 1) {
            len++;
        }
        if (len == 0) {
            break;
        }
        memcpy(out->ids[out->nids], text, len);
        out->ids[out->nids++][len] = '\0';
        text += len;
    }
    const char *dashes = *text == ']' ? strstr(text, "--") : NULL;
    if (dashes != NULL) {
        dashes += 2;
        while (*dashes == ' ') {
            dashes++;
        }
        out->has_reason = isalnum((unsigned char)*dashes) != 0;
    }
    return out->nids > 0;
}

/* Collects every suppression in the unit's comments; caller frees. */
static suppression *collect(const pt_unit *unit, uint32_t *count)
{
    suppression *list = NULL;
    uint32_t len = 0;
    for (uint32_t i = 0; i < unit->comments.len; i++) {
        const pt_comment *comment = pt_unit_comment(unit, i);
        const char *at = strstr(comment->text, "ptlint:");
        suppression entry = {0};
        if (at == NULL || !parse_directive(at + 7, &entry)) {
            continue;
        }
        entry.loc = comment->start;
        entry.line = comment->end.line;
        const pt_line *line = pt_unit_line(unit, comment->start.line);
        entry.own_line = comment->start.col ==
                         (uint32_t)line->indent_spaces + line->indent_tabs + 1;
        suppression *grown = realloc(list, (len + 1) * sizeof(*list));
        if (grown == NULL) {
            break;
        }
        list = grown;
        list[len++] = entry;
    }
    *count = len;
    return list;
}

/* Marks and returns true when `s` covers a finding of `id` on `line`. */
static bool covers(suppression *s, const char *id, uint32_t line)
{
    bool next_line = s->own_line && line == s->line + 1;
    if (!s->whole_file && line != s->line && !next_line) {
        return false;
    }
    for (uint32_t k = 0; k < s->nids; k++) {
        if (strcmp(s->ids[k], id) == 0) {
            s->used[k] = true;
            return true;
        }
    }
    return false;
}

/* Removes suppressed findings, keeping the order of the rest. */
static void drop_suppressed(pt_findings *findings, size_t first,
                            suppression *list, uint32_t count)
{
    size_t kept = first;
    for (size_t i = first; i < findings->len; i++) {
        pt_finding *finding = findings->items[i];
        bool hidden = false;
        for (uint32_t s = 0; s < count && !hidden; s++) {
            hidden = covers(&list[s], finding->rule->id, finding->loc.line);
        }
        if (hidden) {
            pt_finding_free(finding);
        } else {
            findings->items[kept++] = finding;
        }
    }
    findings->len = kept;
}

void pt_apply_suppressions(const pt_unit *unit, pt_findings *findings,
                           size_t first, pt_rule_ctx *unused_ctx,
                           bool (*rule_ran)(const char *id, void *data),
                           void *data)
{
    uint32_t count = 0;
    suppression *list = collect(unit, &count);
    if (list == NULL) {
        return;
    }
    drop_suppressed(findings, first, list, count);
    bool require_reason = unused_ctx != NULL &&
                          pt_option_bool(unused_ctx, "require-reason");
    for (uint32_t s = 0; require_reason && s < count; s++) {
        if (!list[s].has_reason) {
            pt_report(unused_ctx, list[s].loc, "suppression gives no reason; "
                      "add '-- why' after the brackets");
        }
    }
    for (uint32_t s = 0; unused_ctx != NULL && s < count; s++) {
        for (uint32_t k = 0; k < list[s].nids; k++) {
            if (!list[s].used[k] && rule_ran(list[s].ids[k], data)) {
                pt_report(unused_ctx, list[s].loc,
                          "suppression of '%s' suppresses nothing",
                          list[s].ids[k]);
            }
        }
    }
    free(list);
}
