/*
 * github.c - GitHub Actions workflow commands, one a line:
 *
 *   ::error file=PATH,line=L,col=C,title=RULE-ID::MESSAGE
 *
 * (::warning for warnings, ::notice for notes).  Paths are relative to
 * the working directory; values are escaped as the runner expects.
 */
#include "report/report_util.h"

/* GitHub's command name for a severity. */
static const char *command_name(pt_severity severity)
{
    switch (severity) {
    case PT_SEV_ERROR:
        return "error";
    case PT_SEV_WARNING:
        return "warning";
    default:
        return "notice";
    }
}

/*
 * Appends `text` escaped as a command's message (% CR LF) or, when
 * `property`, as a property value (also ':' and ',').
 */
static void put_escaped(pt_buf *out, const char *text, bool property)
{
    for (const char *p = text; *p; p++) {
        if (*p == '%') {
            pt_buf_puts(out, "%25");
        } else if (*p == '\r') {
            pt_buf_puts(out, "%0D");
        } else if (*p == '\n') {
            pt_buf_puts(out, "%0A");
        } else if (property && *p == ':') {
            pt_buf_puts(out, "%3A");
        } else if (property && *p == ',') {
            pt_buf_puts(out, "%2C");
        } else {
            pt_buf_append(out, p, 1);
        }
    }
}

/* Appends the command for one finding. */
static void put_finding(pt_buf *out, const pt_finding *finding,
                        const char *cwd)
{
    pt_buf path = {0};
    pt_report__relative_path(&path, finding->path, cwd);
    pt_buf_printf(out, "::%s file=", command_name(finding->severity));
    put_escaped(out, pt_buf_str(&path), true);
    if (finding->loc.line > 0) {
        pt_buf_printf(out, ",line=%u", (unsigned)finding->loc.line);
    }
    if (finding->loc.line > 0 && finding->loc.col > 0) {
        pt_buf_printf(out, ",col=%u", (unsigned)finding->loc.col);
    }
    pt_buf_puts(out, ",title=");
    put_escaped(out, finding->rule->id, true);
    pt_buf_puts(out, "::");
    put_escaped(out, finding->message, false);
    pt_buf_puts(out, "\n");
    pt_buf_free(&path);
}

void pt_report__github(const pt_findings *findings,
                       const pt_report_info *info, pt_buf *out)
{
    (void)info;
    char buf[4096];
    const char *cwd = pt_report__cwd(buf, sizeof(buf));
    for (size_t i = 0; i < findings->len; i++) {
        put_finding(out, findings->items[i], cwd);
    }
}
