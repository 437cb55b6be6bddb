/*
 * report_util.c - the JSON writer and path helpers the reporters share.
 */
#include "report/report_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PTLINT_VERSION
#define PTLINT_VERSION "unknown"
#endif

/* ---- JSON writer ---- */

/* Appends a newline and two spaces per level of `depth`. */
static void json_newline(pt_json *json, int depth)
{
    pt_buf_append(json->out, "\n", 1);
    for (int i = 0; i < depth; i++) {
        pt_buf_append(json->out, "  ", 2);
    }
}

/* Writes what precedes a value: comma, newline, indentation, the key. */
static void json_value_start(pt_json *json, const char *key)
{
    if (json->depth > 0) {
        if (json->has_items[json->depth - 1]) {
            pt_buf_append(json->out, ",", 1);
        }
        json->has_items[json->depth - 1] = true;
        json_newline(json, json->depth);
    }
    if (key != NULL) {
        pt_buf_append(json->out, "\"", 1);
        pt_buf_json_string(json->out, key);
        pt_buf_append(json->out, "\": ", 3);
    }
}

/* Opens a container with `bracket`; aborts when nested too deeply. */
static void json_open(pt_json *json, const char *key, const char *bracket)
{
    if (json->depth >= PT_JSON_MAX_DEPTH) {
        fprintf(stderr, "ptlint: JSON output nested too deeply\n");
        abort();
    }
    json_value_start(json, key);
    pt_buf_puts(json->out, bracket);
    json->has_items[json->depth++] = false;
}

/* Closes the innermost container with `bracket`. */
static void json_close(pt_json *json, const char *bracket)
{
    json->depth--;
    if (json->has_items[json->depth]) {
        json_newline(json, json->depth);
    }
    pt_buf_puts(json->out, bracket);
}

void pt_json_object_begin(pt_json *json, const char *key)
{
    json_open(json, key, "{");
}

void pt_json_object_end(pt_json *json)
{
    json_close(json, "}");
}

void pt_json_array_begin(pt_json *json, const char *key)
{
    json_open(json, key, "[");
}

void pt_json_array_end(pt_json *json)
{
    json_close(json, "]");
}

void pt_json_string(pt_json *json, const char *key, const char *value)
{
    json_value_start(json, key);
    if (value == NULL) {
        pt_buf_puts(json->out, "null");
        return;
    }
    pt_buf_append(json->out, "\"", 1);
    pt_buf_json_string(json->out, value);
    pt_buf_append(json->out, "\"", 1);
}

void pt_json_int(pt_json *json, const char *key, long long value)
{
    json_value_start(json, key);
    pt_buf_printf(json->out, "%lld", value);
}

void pt_json_finish(pt_json *json)
{
    pt_buf_append(json->out, "\n", 1);
}

/* ---- shared facts ---- */

const char *pt_report__version(const pt_report_info *info)
{
    return info->tool_version != NULL ? info->tool_version : PTLINT_VERSION;
}

void pt_report__count(const pt_findings *findings, size_t counts[3])
{
    counts[PT_SEV_NOTE] = 0;
    counts[PT_SEV_WARNING] = 0;
    counts[PT_SEV_ERROR] = 0;
    for (size_t i = 0; i < findings->len; i++) {
        pt_severity sev = findings->items[i]->severity;
        counts[sev <= PT_SEV_ERROR ? sev : PT_SEV_ERROR]++;
    }
}

/* ---- paths and URIs ---- */

/* `path` without the `cwd/` prefix when it is an absolute path under it. */
static const char *strip_cwd(const char *path, const char *cwd)
{
    if (cwd == NULL || path[0] != '/' || cwd[0] != '/') {
        return path;
    }
    size_t len = strlen(cwd);
    while (len > 0 && cwd[len - 1] == '/') {
        len--;
    }
    if (strncmp(path, cwd, len) == 0 && path[len] == '/' &&
        path[len + 1] != '\0') {
        return path + len + 1;
    }
    return path;
}

void pt_report__relative_path(pt_buf *out, const char *path,
                              const char *cwd)
{
    const char *rest = strip_cwd(path, cwd);
    while (rest[0] == '.' && rest[1] == '/' && rest[2] != '\0') {
        rest += 2;
        while (rest[0] == '/' && rest[1] != '\0') {
            rest++;
        }
    }
    char prev = '\0';
    for (const char *p = rest; *p; p++) {
        char c = *p == '\\' ? '/' : *p;
        if (c != '/' || prev != '/') {
            pt_buf_append(out, &c, 1);
        }
        prev = c;
    }
}

/* True for the bytes a URI path keeps as they are. */
static bool uri_keeps(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
           c == '~' || c == '/';
}

void pt_report__path_uri(pt_buf *out, const char *path, const char *cwd)
{
    pt_buf rel = {0};
    pt_report__relative_path(&rel, path, cwd);
    const char *text = pt_buf_str(&rel);
    if (text[0] == '/') {
        pt_buf_puts(out, "file://");
    }
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (uri_keeps(*p)) {
            pt_buf_append(out, (const char *)p, 1);
        } else {
            pt_buf_printf(out, "%%%02X", *p);
        }
    }
    pt_buf_free(&rel);
}

const char *pt_report__cwd(char *buf, size_t size)
{
    return getcwd(buf, size);
}
