/*
 * gitlab.c - GitLab Code Quality report: a JSON array of issues with
 * description, check_name (the rule id), fingerprint (ptlint's, unique
 * per finding), severity (note: minor, warning: major, error: critical)
 * and location {path relative to the working directory, lines.begin}.
 */
#include "report/report_util.h"

/* GitLab's severity for a ptlint severity. */
static const char *gitlab_severity(pt_severity severity)
{
    switch (severity) {
    case PT_SEV_ERROR:
        return "critical";
    case PT_SEV_WARNING:
        return "major";
    default:
        return "minor";
    }
}

/* Writes one Code Quality issue. */
static void write_issue(pt_json *json, const pt_finding *finding,
                        const char *cwd)
{
    pt_buf path = {0};
    pt_report__relative_path(&path, finding->path, cwd);
    pt_json_object_begin(json, NULL);
    pt_json_string(json, "description", finding->message);
    pt_json_string(json, "check_name", finding->rule->id);
    pt_json_string(json, "fingerprint", finding->fingerprint);
    pt_json_string(json, "severity", gitlab_severity(finding->severity));
    pt_json_object_begin(json, "location");
    pt_json_string(json, "path", pt_buf_str(&path));
    pt_json_object_begin(json, "lines");
    pt_json_int(json, "begin", finding->loc.line > 0 ? finding->loc.line : 1);
    pt_json_object_end(json);
    pt_json_object_end(json);
    pt_json_object_end(json);
    pt_buf_free(&path);
}

void pt_report__gitlab(const pt_findings *findings,
                       const pt_report_info *info, pt_buf *out)
{
    (void)info;
    char buf[4096];
    const char *cwd = pt_report__cwd(buf, sizeof(buf));
    pt_json json = {.out = out};
    pt_json_array_begin(&json, NULL);
    for (size_t i = 0; i < findings->len; i++) {
        write_issue(&json, findings->items[i], cwd);
    }
    pt_json_array_end(&json);
    pt_json_finish(&json);
}
