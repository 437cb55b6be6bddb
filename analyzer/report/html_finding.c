/*
 * html_finding.c - one finding rendered as an HTML <article>, with an
 * excerpt of its source read from the finding's file and its evidence
 * steps: shared by the HTML report and the HTML audit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/html.h"
#include "report/report_util.h"

#define EXCERPT_CONTEXT 2       /* lines shown before and after */
#define MAX_SOURCE_BYTES (16u << 20)

/* ---- source files ---- */

typedef struct source_file {
    char *path;
    char *text;                 /* NULL when unreadable */
    size_t *starts;             /* byte offset of each line */
    size_t nlines;
} source_file;

struct pt_html_sources {
    source_file *files;
    size_t len;
    size_t cap;
};

pt_html_sources *pt_html__sources_new(void)
{
    pt_html_sources *sources = calloc(1, sizeof *sources);
    if (sources == NULL) {
        abort();
    }
    return sources;
}

void pt_html__sources_free(pt_html_sources *sources)
{
    if (sources == NULL) {
        return;
    }
    for (size_t i = 0; i < sources->len; i++) {
        free(sources->files[i].path);
        free(sources->files[i].text);
        free(sources->files[i].starts);
    }
    free(sources->files);
    free(sources);
}

/* The whole file as a NUL-terminated string, or NULL. */
static char *read_text(const char *path)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        return NULL;
    }
    pt_buf text = {0};
    char chunk[8192];
    size_t n = 0;
    while ((n = fread(chunk, 1, sizeof chunk, in)) > 0 &&
           text.len < MAX_SOURCE_BYTES) {
        pt_buf_append(&text, chunk, n);
    }
    fclose(in);
    if (text.data == NULL) {
        pt_buf_puts(&text, "");
    }
    return text.data;
}

/* Indexes the line starts of `file->text`. */
static void index_lines(source_file *file)
{
    size_t cap = 64;
    file->starts = malloc(cap * sizeof *file->starts);
    if (file->starts == NULL) {
        abort();
    }
    file->starts[file->nlines++] = 0;
    for (size_t i = 0; file->text[i] != '\0'; i++) {
        if (file->text[i] != '\n' || file->text[i + 1] == '\0') {
            continue;
        }
        if (file->nlines == cap) {
            cap *= 2;
            file->starts = realloc(file->starts, cap * sizeof *file->starts);
            if (file->starts == NULL) {
                abort();
            }
        }
        file->starts[file->nlines++] = i + 1;
    }
}

/* The file at `path`, read on first use. */
static const source_file *source_get(pt_html_sources *sources,
                                     const char *path)
{
    for (size_t i = sources->len; i-- > 0;) {
        if (strcmp(sources->files[i].path, path) == 0) {
            return &sources->files[i];
        }
    }
    if (sources->len == sources->cap) {
        sources->cap = sources->cap ? sources->cap * 2 : 16;
        sources->files = realloc(sources->files,
                                 sources->cap * sizeof *sources->files);
        if (sources->files == NULL) {
            abort();
        }
    }
    source_file *file = &sources->files[sources->len++];
    memset(file, 0, sizeof *file);
    file->path = strdup(path);
    if (file->path == NULL) {
        abort();
    }
    file->text = read_text(path);
    if (file->text != NULL) {
        index_lines(file);
    }
    return file;
}

/* Line `line` (1-based) of `file`, its length in *len; NULL if none. */
static const char *source_line(const source_file *file, uint32_t line,
                               size_t *len)
{
    if (file == NULL || file->text == NULL || line == 0 ||
        line > file->nlines) {
        return NULL;
    }
    const char *start = file->text + file->starts[line - 1];
    const char *end = strchr(start, '\n');
    *len = end != NULL ? (size_t)(end - start) : strlen(start);
    if (*len > 0 && start[*len - 1] == '\r') {
        (*len)--;
    }
    return start;
}

/* Appends `len` bytes of `text`, HTML-escaped. */
static void put_escaped_n(pt_buf *out, const char *text, size_t len)
{
    char *copy = strndup(text, len);
    if (copy == NULL) {
        abort();
    }
    pt_buf_xml_escape(out, copy);
    free(copy);
}

/* The caret line under column `col`: tabs of the line kept, other bytes
   of the prefix as spaces, so the caret lines up at any tab size. */
static void put_caret(pt_buf *out, const char *line, size_t len, uint32_t col)
{
    pt_buf_puts(out, "<span class=\"l\"><span class=\"n\"></span>");
    for (size_t i = 0; i + 1 < col && i < len; i++) {
        unsigned char c = (unsigned char)line[i];
        if ((c & 0xC0) == 0x80) {
            continue;           /* one column per UTF-8 character */
        }
        pt_buf_puts(out, c == '\t' ? "\t" : " ");
    }
    pt_buf_puts(out, "<span class=\"caret\">^</span></span>");
}

/* The excerpt around the finding's line, read from its file; falls back
   to the finding's own line text when the file cannot be read. */
static void put_excerpt(pt_buf *out, const pt_finding *f,
                        pt_html_sources *sources)
{
    const source_file *file = source_get(sources, f->path);
    size_t len = 0;
    if (f->loc.line == 0 || source_line(file, f->loc.line, &len) == NULL) {
        if (f->line_text != NULL && f->line_text[0] != '\0') {
            pt_buf_printf(out, "<pre class=\"src\"><span class=\"l hit\">"
                          "<span class=\"n\">%u</span>", f->loc.line);
            pt_buf_xml_escape(out, f->line_text);
            pt_buf_puts(out, "</span></pre>\n");
        }
        return;
    }
    uint32_t first = f->loc.line > EXCERPT_CONTEXT
                         ? f->loc.line - EXCERPT_CONTEXT : 1;
    pt_buf_puts(out, "<pre class=\"src\">");
    for (uint32_t n = first; n <= f->loc.line + EXCERPT_CONTEXT; n++) {
        const char *text = source_line(file, n, &len);
        if (text == NULL) {
            break;
        }
        bool hit = n == f->loc.line;
        pt_buf_printf(out, "<span class=\"l%s\"><span class=\"n\">%u</span>",
                      hit ? " hit" : "", n);
        put_escaped_n(out, text, len);
        pt_buf_puts(out, "</span>");
        if (hit && f->loc.col > 0) {
            put_caret(out, text, len, f->loc.col);
        }
    }
    pt_buf_puts(out, "</pre>\n");
}

/* The evidence steps as an ordered code flow ending at the finding. */
static void put_steps(pt_buf *out, const pt_finding *f,
                      pt_html_sources *sources)
{
    if (f->nsteps == 0) {
        return;
    }
    pt_buf_puts(out, "<div class=\"flow-title\">Evidence</div>\n"
                     "<ol class=\"flow\">\n");
    for (size_t i = 0; i < f->nsteps; i++) {
        const pt_step *step = &f->steps[i];
        pt_buf_printf(out, "<li><code class=\"loc\">%u:%u</code> ",
                      step->loc.line, step->loc.col);
        pt_buf_xml_escape(out, step->message != NULL ? step->message : "");
        size_t len = 0;
        const char *text = source_line(source_get(sources, f->path),
                                       step->loc.line, &len);
        if (text != NULL) {
            while (len > 0 && (*text == ' ' || *text == '\t')) {
                text++;
                len--;
            }
            pt_buf_puts(out, "<br><code class=\"txt\">");
            put_escaped_n(out, text, len);
            pt_buf_puts(out, "</code>");
        }
        pt_buf_puts(out, "</li>\n");
    }
    pt_buf_printf(out, "<li><code class=\"loc\">%u:%u</code> ",
                  f->loc.line, f->loc.col);
    pt_buf_puts(out, "reported here</li>\n</ol>\n");
}

/* A CSS-safe class suffix for a rule id. */
void pt_html__class_id(pt_buf *out, const char *id)
{
    for (const char *p = id; *p; p++) {
        bool ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
                  *p == '-';
        pt_buf_append(out, ok ? p : "_", 1);
    }
}

void pt_html__finding(pt_buf *out, const pt_finding *f,
                      const pt_report_info *info, pt_html_sources *sources,
                      size_t id)
{
    const char *sev = pt_severity_name(f->severity);
    const char *rule_id = f->rule != NULL ? f->rule->id : "unknown";
    pt_buf_printf(out, "<article class=\"f s-%s r-", sev);
    pt_html__class_id(out, rule_id);
    pt_buf_printf(out, "\" id=\"f%zu\">\n<div class=\"head\">"
                  "<span class=\"pill %s\">%s</span><span class=\"msg\">",
                  id, sev, sev);
    pt_buf_xml_escape(out, f->message != NULL ? f->message : "");
    pt_buf_puts(out, "</span><a class=\"rule\" href=\"");
    pt_html__rule_href(out, info, rule_id);
    pt_buf_puts(out, "\">");
    pt_buf_xml_escape(out, rule_id);
    pt_buf_puts(out, "</a></div>\n<div class=\"where mono\">");
    pt_buf_xml_escape(out, f->path);
    pt_buf_printf(out, ":%u:%u", f->loc.line, f->loc.col);
    if (f->function != NULL) {
        pt_buf_puts(out, " &middot; in <b>");
        pt_buf_xml_escape(out, f->function);
        pt_buf_puts(out, "</b>");
    }
    pt_buf_puts(out, "</div>\n");
    if (f->rule != NULL && f->rule->summary != NULL) {
        pt_buf_puts(out, "<p class=\"summary\">");
        pt_buf_xml_escape(out, f->rule->summary);
        pt_buf_puts(out, "</p>\n");
    }
    put_excerpt(out, f, sources);
    put_steps(out, f, sources);
    pt_buf_puts(out, "</article>\n");
}
