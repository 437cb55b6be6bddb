/*
 * sarif.c - SARIF 2.1.0 for code-scanning tools (GitHub, Azure DevOps,
 * IDE viewers).  One run; tool.driver lists every rule; each result has
 * one physical location relative to the working directory, a partial
 * fingerprint, and, when the finding has evidence steps, relatedLocations
 * and a codeFlow that walks the steps and ends at the finding.  Columns
 * are ptlint's 1-based byte columns (no columnKind is claimed).
 */
#include <ctype.h>
#include <limits.h>
#include <string.h>

#include "report/report_util.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define PTLINT_HOME "https://github.com/ptlint/ptlint"
#define DEFAULT_DOC_BASE PTLINT_HOME "/blob/main/docs/rules/"

typedef struct sarif_writer {
    pt_json json;
    const pt_report_info *info;
    const char *cwd;            /* NULL when unknown */
} sarif_writer;

/* Appends `id` in PascalCase: "lock-leak" becomes "LockLeak". */
static void put_pascal_case(pt_buf *out, const char *id)
{
    bool upper = true;
    for (const char *p = id; *p; p++) {
        if (*p == '-' || *p == '_') {
            upper = true;
            continue;
        }
        char c = upper ? (char)toupper((unsigned char)*p) : *p;
        pt_buf_append(out, &c, 1);
        upper = false;
    }
}

/* Writes {"text": text} as member `key`. */
static void write_message(pt_json *json, const char *key, const char *text)
{
    pt_json_object_begin(json, key);
    pt_json_string(json, "text", text != NULL ? text : "");
    pt_json_object_end(json);
}

/* Writes one reportingDescriptor of tool.driver.rules. */
static void write_rule(sarif_writer *w, const pt_rule *rule)
{
    pt_json *json = &w->json;
    const char *base = w->info->doc_base_uri != NULL ? w->info->doc_base_uri
                                                     : DEFAULT_DOC_BASE;
    const char *summary = rule->summary != NULL ? rule->summary : rule->id;
    pt_buf text = {0};
    pt_json_object_begin(json, NULL);
    pt_json_string(json, "id", rule->id);
    put_pascal_case(&text, rule->id);
    pt_json_string(json, "name", pt_buf_str(&text));
    write_message(json, "shortDescription", summary);
    write_message(json, "fullDescription", summary);
    pt_buf_clear(&text);
    pt_buf_printf(&text, "%s%s.md", base, rule->id);
    pt_json_string(json, "helpUri", pt_buf_str(&text));
    if (rule->doc != NULL) {
        pt_json_object_begin(json, "help");
        pt_json_string(json, "text", summary);
        pt_json_string(json, "markdown", rule->doc);
        pt_json_object_end(json);
    }
    pt_json_object_begin(json, "defaultConfiguration");
    pt_json_string(json, "level", pt_severity_name(rule->severity));
    pt_json_object_end(json);
    pt_json_object_end(json);
    pt_buf_free(&text);
}

/* Writes tool.driver: name, version, home page and every rule. */
static void write_driver(sarif_writer *w)
{
    pt_json *json = &w->json;
    pt_json_object_begin(json, "tool");
    pt_json_object_begin(json, "driver");
    pt_json_string(json, "name", "ptlint");
    pt_json_string(json, "version", pt_report__version(w->info));
    pt_json_string(json, "informationUri", PTLINT_HOME);
    pt_json_array_begin(json, "rules");
    for (size_t i = 0; w->info->rules != NULL && w->info->rules[i]; i++) {
        write_rule(w, w->info->rules[i]);
    }
    pt_json_array_end(json);
    pt_json_object_end(json);
    pt_json_object_end(json);
}

/* Index of `rule` in tool.driver.rules, or -1 when it is not there. */
static long rule_index(const pt_report_info *info, const pt_rule *rule)
{
    for (size_t i = 0; info->rules != NULL && info->rules[i]; i++) {
        if (info->rules[i] == rule ||
            strcmp(info->rules[i]->id, rule->id) == 0) {
            return i <= LONG_MAX ? (long)i : -1;
        }
    }
    return -1;
}

/* Writes "physicalLocation": the file's URI and the region, if known. */
static void write_physical(sarif_writer *w, const char *path, pt_loc loc)
{
    pt_json *json = &w->json;
    pt_buf uri = {0};
    pt_report__path_uri(&uri, path, w->cwd);
    pt_json_object_begin(json, "physicalLocation");
    pt_json_object_begin(json, "artifactLocation");
    pt_json_string(json, "uri", pt_buf_str(&uri));
    pt_json_object_end(json);
    if (loc.line > 0) {
        pt_json_object_begin(json, "region");
        pt_json_int(json, "startLine", loc.line);
        if (loc.col > 0) {
            pt_json_int(json, "startColumn", loc.col);
        }
        pt_json_object_end(json);
    }
    pt_json_object_end(json);
    pt_buf_free(&uri);
}

/* Writes result.locations: the finding's place and enclosing function. */
static void write_locations(sarif_writer *w, const pt_finding *finding)
{
    pt_json *json = &w->json;
    pt_json_array_begin(json, "locations");
    pt_json_object_begin(json, NULL);
    write_physical(w, finding->path, finding->loc);
    if (finding->function != NULL) {
        pt_json_array_begin(json, "logicalLocations");
        pt_json_object_begin(json, NULL);
        pt_json_string(json, "name", finding->function);
        pt_json_string(json, "kind", "function");
        pt_json_object_end(json);
        pt_json_array_end(json);
    }
    pt_json_object_end(json);
    pt_json_array_end(json);
}

/* Writes result.relatedLocations: one per step, with ids from 1. */
static void write_related(sarif_writer *w, const pt_finding *finding)
{
    pt_json *json = &w->json;
    pt_json_array_begin(json, "relatedLocations");
    for (size_t i = 0; i < finding->nsteps; i++) {
        pt_json_object_begin(json, NULL);
        pt_json_int(json, "id", (long long)i + 1);
        write_physical(w, finding->path, finding->steps[i].loc);
        write_message(json, "message", finding->steps[i].message);
        pt_json_object_end(json);
    }
    pt_json_array_end(json);
}

/* Writes one threadFlowLocation at `loc` with `message`. */
static void write_flow_step(sarif_writer *w, const char *path, pt_loc loc,
                            const char *message)
{
    pt_json *json = &w->json;
    pt_json_object_begin(json, NULL);
    pt_json_object_begin(json, "location");
    write_physical(w, path, loc);
    write_message(json, "message", message);
    pt_json_object_end(json);
    pt_json_object_end(json);
}

/* Writes result.codeFlows: the steps in order, then the finding itself. */
static void write_code_flow(sarif_writer *w, const pt_finding *finding)
{
    pt_json *json = &w->json;
    pt_json_array_begin(json, "codeFlows");
    pt_json_object_begin(json, NULL);
    pt_json_array_begin(json, "threadFlows");
    pt_json_object_begin(json, NULL);
    pt_json_array_begin(json, "locations");
    for (size_t i = 0; i < finding->nsteps; i++) {
        write_flow_step(w, finding->path, finding->steps[i].loc,
                        finding->steps[i].message);
    }
    write_flow_step(w, finding->path, finding->loc, finding->message);
    pt_json_array_end(json);
    pt_json_object_end(json);
    pt_json_array_end(json);
    pt_json_object_end(json);
    pt_json_array_end(json);
}

/* Writes one result of runs[0].results. */
static void write_result(sarif_writer *w, const pt_finding *finding)
{
    pt_json *json = &w->json;
    long index = rule_index(w->info, finding->rule);
    pt_json_object_begin(json, NULL);
    pt_json_string(json, "ruleId", finding->rule->id);
    if (index >= 0) {
        pt_json_int(json, "ruleIndex", index);
    }
    pt_json_string(json, "level", pt_severity_name(finding->severity));
    write_message(json, "message", finding->message);
    write_locations(w, finding);
    pt_json_object_begin(json, "partialFingerprints");
    pt_json_string(json, "ptlint/v1", finding->fingerprint);
    pt_json_object_end(json);
    if (finding->nsteps > 0) {
        write_related(w, finding);
        write_code_flow(w, finding);
    }
    pt_json_object_end(json);
}

void pt_report__sarif(const pt_findings *findings,
                      const pt_report_info *info, pt_buf *out)
{
    char cwd[4096];
    sarif_writer w = {.json = {.out = out}, .info = info};
    w.cwd = pt_report__cwd(cwd, sizeof(cwd));
    pt_json_object_begin(&w.json, NULL);
    pt_json_string(&w.json, "$schema", SARIF_SCHEMA);
    pt_json_string(&w.json, "version", "2.1.0");
    pt_json_array_begin(&w.json, "runs");
    pt_json_object_begin(&w.json, NULL);
    write_driver(&w);
    pt_json_array_begin(&w.json, "results");
    for (size_t i = 0; i < findings->len; i++) {
        write_result(&w, findings->items[i]);
    }
    pt_json_array_end(&w.json);
    pt_json_object_end(&w.json);
    pt_json_array_end(&w.json);
    pt_json_object_end(&w.json);
    pt_json_finish(&w.json);
}
