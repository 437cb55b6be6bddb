/*
 * text.c - the human format, in the style of gcc and clang:
 *
 *   path:line:col: severity: message [rule-id]
 *   <the source line>
 *        ^
 *     path:line:col: note: step message
 *
 * and a summary line at the end, always.
 */
#include <string.h>

#include "report/report_util.h"

#define ANSI_RESET "\033[0m"
#define ANSI_BOLD "\033[1m"

/* The escape that starts `text` in `color`, or "" when colour is off. */
static const char *style(const pt_report_info *info, const char *color)
{
    return info->color ? color : "";
}

/* The colour of a severity's name: red, yellow or cyan, all bold. */
static const char *severity_color(pt_severity severity)
{
    switch (severity) {
    case PT_SEV_ERROR:
        return "\033[1;31m";
    case PT_SEV_WARNING:
        return "\033[1;33m";
    default:
        return "\033[1;36m";
    }
}

/* Appends "path:line:col:" (line and column only when known), in bold. */
static void put_location(pt_buf *out, const pt_report_info *info,
                         const char *path, pt_loc loc)
{
    pt_buf_printf(out, "%s%s:", style(info, ANSI_BOLD), path);
    if (loc.line > 0) {
        pt_buf_printf(out, "%u:", (unsigned)loc.line);
        if (loc.col > 0) {
            pt_buf_printf(out, "%u:", (unsigned)loc.col);
        }
    }
    pt_buf_puts(out, style(info, ANSI_RESET));
}

/* Appends " severity: " with the severity's colour. */
static void put_severity(pt_buf *out, const pt_report_info *info,
                         pt_severity severity)
{
    pt_buf_printf(out, " %s%s:%s ", style(info, severity_color(severity)),
                  pt_severity_name(severity), style(info, ANSI_RESET));
}

/* Length of `line` without its trailing newline or carriage return. */
static size_t line_length(const char *line)
{
    size_t len = strlen(line);
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) {
        len--;
    }
    return len;
}

/*
 * Appends the padding that puts a caret under byte column `col` of
 * `line`: tabs are kept, UTF-8 continuation bytes take no room, and a
 * column past the end stops one past the last character.
 */
static void put_caret_padding(pt_buf *out, const char *line, size_t len,
                              uint32_t col)
{
    size_t want = col - 1;
    size_t i = 0;
    for (; i < want && i < len; i++) {
        unsigned char c = (unsigned char)line[i];
        if (c == '\t') {
            pt_buf_append(out, "\t", 1);
        } else if ((c & 0xC0) != 0x80) {
            pt_buf_append(out, " ", 1);
        }
    }
    if (i < want) {
        pt_buf_append(out, " ", 1);
    }
}

/* Appends the flagged source line and the caret line under it, if known. */
static void put_source(pt_buf *out, const pt_report_info *info,
                       const pt_finding *finding)
{
    if (finding->line_text == NULL || finding->line_text[0] == '\0') {
        return;
    }
    size_t len = line_length(finding->line_text);
    pt_buf_append(out, finding->line_text, len);
    pt_buf_append(out, "\n", 1);
    if (finding->loc.col == 0) {
        return;
    }
    put_caret_padding(out, finding->line_text, len, finding->loc.col);
    pt_buf_printf(out, "%s^%s\n",
                  style(info, severity_color(finding->severity)),
                  style(info, ANSI_RESET));
}

/* Appends one finding: heading, source, caret and its evidence steps. */
static void put_finding(pt_buf *out, const pt_report_info *info,
                        const pt_finding *finding)
{
    put_location(out, info, finding->path, finding->loc);
    put_severity(out, info, finding->severity);
    pt_buf_printf(out, "%s [%s%s%s]\n", finding->message,
                  style(info, severity_color(finding->severity)),
                  finding->rule->id, style(info, ANSI_RESET));
    put_source(out, info, finding);
    for (size_t i = 0; i < finding->nsteps; i++) {
        pt_buf_puts(out, "  ");
        put_location(out, info, finding->path, finding->steps[i].loc);
        put_severity(out, info, PT_SEV_NOTE);
        pt_buf_printf(out, "%s\n", finding->steps[i].message);
    }
}

/* "1 finding" or "2 findings": `count` and `word`, plural unless 1. */
static void put_count(pt_buf *out, size_t count, const char *word)
{
    pt_buf_printf(out, "%zu %s%s", count, word, count == 1 ? "" : "s");
}

/* Appends the summary: counts per severity and the files analysed. */
static void put_summary(pt_buf *out, const pt_findings *findings,
                        const pt_report_info *info)
{
    if (findings->len == 0) {
        pt_buf_puts(out, "No findings in ");
        put_count(out, info->files, "file");
        pt_buf_puts(out, ".\n");
        return;
    }
    size_t counts[3];
    pt_report__count(findings, counts);
    put_count(out, findings->len, "finding");
    pt_buf_puts(out, " (");
    put_count(out, counts[PT_SEV_ERROR], "error");
    pt_buf_puts(out, ", ");
    put_count(out, counts[PT_SEV_WARNING], "warning");
    pt_buf_puts(out, ", ");
    put_count(out, counts[PT_SEV_NOTE], "note");
    pt_buf_puts(out, ") in ");
    put_count(out, info->files, "file");
    pt_buf_puts(out, "\n");
}

void pt_report__text(const pt_findings *findings, const pt_report_info *info,
                     pt_buf *out)
{
    for (size_t i = 0; i < findings->len; i++) {
        put_finding(out, info, findings->items[i]);
    }
    put_summary(out, findings, info);
}
