/*
 * junit.c - JUnit XML for CI test dashboards: one <testsuite> per file
 * with findings, one failing <testcase> per finding.  A clean run is one
 * suite "ptlint" with one passing test case.  Findings arrive sorted, so
 * a file's findings are consecutive.
 */
#include <string.h>

#include "report/report_util.h"

/* Appends `text` escaped for XML. */
static void put_escaped(pt_buf *out, const char *text)
{
    pt_buf_xml_escape(out, text != NULL ? text : "");
}

/* Number of findings from `start` on that share its path. */
static size_t run_length(const pt_findings *findings, size_t start)
{
    const char *path = findings->items[start]->path;
    size_t end = start + 1;
    while (end < findings->len &&
           strcmp(findings->items[end]->path, path) == 0) {
        end++;
    }
    return end - start;
}

/* Appends the failure body: the text-format heading and its steps. */
static void put_failure_text(pt_buf *out, const pt_finding *finding)
{
    pt_buf body = {0};
    pt_buf_printf(&body, "%s:%u:%u: %s: %s [%s]", finding->path,
                  (unsigned)finding->loc.line, (unsigned)finding->loc.col,
                  pt_severity_name(finding->severity), finding->message,
                  finding->rule->id);
    for (size_t i = 0; i < finding->nsteps; i++) {
        const pt_step *step = &finding->steps[i];
        pt_buf_printf(&body, "\n  %s:%u:%u: note: %s", finding->path,
                      (unsigned)step->loc.line, (unsigned)step->loc.col,
                      step->message);
    }
    put_escaped(out, pt_buf_str(&body));
    pt_buf_free(&body);
}

/* Appends one failing <testcase> for `finding`. */
static void put_testcase(pt_buf *out, const pt_finding *finding)
{
    pt_buf_puts(out, "    <testcase name=\"");
    put_escaped(out, finding->rule->id);
    pt_buf_printf(out, " %u:%u\" classname=\"", (unsigned)finding->loc.line,
                  (unsigned)finding->loc.col);
    put_escaped(out, finding->path);
    pt_buf_puts(out, "\">\n      <failure message=\"");
    put_escaped(out, finding->message);
    pt_buf_puts(out, "\" type=\"");
    put_escaped(out, finding->rule->id);
    pt_buf_puts(out, "\">");
    put_failure_text(out, finding);
    pt_buf_puts(out, "</failure>\n    </testcase>\n");
}

/* Appends the <testsuite> of `count` findings from `start` (one file). */
static void put_suite(pt_buf *out, const pt_findings *findings,
                      size_t start, size_t count)
{
    pt_buf_puts(out, "  <testsuite name=\"");
    put_escaped(out, findings->items[start]->path);
    pt_buf_printf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n",
                  count, count);
    for (size_t i = start; i < start + count; i++) {
        put_testcase(out, findings->items[i]);
    }
    pt_buf_puts(out, "  </testsuite>\n");
}

/* Appends the single passing suite of a run without findings. */
static void put_clean_suite(pt_buf *out)
{
    pt_buf_puts(out,
                "  <testsuite name=\"ptlint\" tests=\"1\" failures=\"0\" "
                "errors=\"0\">\n"
                "    <testcase name=\"ptlint\" classname=\"ptlint\"/>\n"
                "  </testsuite>\n");
}

void pt_report__junit(const pt_findings *findings,
                      const pt_report_info *info, pt_buf *out)
{
    (void)info;
    size_t tests = findings->len > 0 ? findings->len : 1;
    pt_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    pt_buf_printf(out,
                  "<testsuites name=\"ptlint\" tests=\"%zu\" "
                  "failures=\"%zu\" errors=\"0\">\n",
                  tests, findings->len);
    if (findings->len == 0) {
        put_clean_suite(out);
    }
    for (size_t i = 0; i < findings->len;) {
        size_t count = run_length(findings, i);
        put_suite(out, findings, i, count);
        i += count;
    }
    pt_buf_puts(out, "</testsuites>\n");
}
