/*
 * json.c - ptlint's own flat JSON schema, documented in
 * docs/json-format.md.  Paths are kept as the user named them.
 */
#include "report/report_util.h"

/* Writes one evidence step: {"line", "column", "message"}. */
static void write_step(pt_json *json, const pt_step *step)
{
    pt_json_object_begin(json, NULL);
    pt_json_int(json, "line", step->loc.line);
    pt_json_int(json, "column", step->loc.col);
    pt_json_string(json, "message", step->message);
    pt_json_object_end(json);
}

/* Writes one finding as an object of the "findings" array. */
static void write_finding(pt_json *json, const pt_finding *finding)
{
    pt_json_object_begin(json, NULL);
    pt_json_string(json, "rule", finding->rule->id);
    pt_json_string(json, "severity", pt_severity_name(finding->severity));
    pt_json_string(json, "path", finding->path);
    pt_json_int(json, "line", finding->loc.line);
    pt_json_int(json, "column", finding->loc.col);
    pt_json_string(json, "message", finding->message);
    pt_json_string(json, "function", finding->function);
    pt_json_string(json, "fingerprint", finding->fingerprint);
    pt_json_array_begin(json, "steps");
    for (size_t i = 0; i < finding->nsteps; i++) {
        write_step(json, &finding->steps[i]);
    }
    pt_json_array_end(json);
    pt_json_object_end(json);
}

void pt_report__json(const pt_findings *findings, const pt_report_info *info,
                     pt_buf *out)
{
    pt_json json = {.out = out};
    pt_json_object_begin(&json, NULL);
    pt_json_int(&json, "version", 1);
    pt_json_string(&json, "tool", "ptlint");
    pt_json_string(&json, "toolVersion", pt_report__version(info));
    pt_json_int(&json, "files", (long long)info->files);
    pt_json_array_begin(&json, "findings");
    for (size_t i = 0; i < findings->len; i++) {
        write_finding(&json, findings->items[i]);
    }
    pt_json_array_end(&json);
    pt_json_object_end(&json);
    pt_json_finish(&json);
}
