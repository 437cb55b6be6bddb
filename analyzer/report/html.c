/*
 * html.c - the self-contained HTML report, and the page head and CSS the
 * HTML audit shares with it (a finding as an <article>: html_finding.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/html.h"
#include "report/report_util.h"

#define PTLINT_DOC_BASE "https://github.com/ptlint/ptlint/blob/main/docs/rules/"

/* Typography, colours (WCAG AA on their backgrounds), cards, code. */
static const char base_css[] =
    ":root{--ink:#1d2433;--muted:#556070;--line:#dde2ea;--bg:#f4f6f9;"
    "--card:#fff;--err:#b42318;--err-bg:#fdecea;--err-bar:#d92d20;"
    "--warn:#934b00;--warn-bg:#fff3dc;--warn-bar:#e07b00;"
    "--note:#1d5bbf;--note-bg:#e8f0fd;--note-bar:#3b82f6;"
    "--accent:#3448c5;--code:#f7f8fa}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%}\n"
    "body{margin:0;background:var(--bg);color:var(--ink);"
    "font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica "
    "Neue',Arial,sans-serif}\n"
    "a{color:var(--accent)}\n"
    "code,pre,.mono{font-family:ui-monospace,'SFMono-Regular','DejaVu Sans "
    "Mono',Menlo,Consolas,monospace;font-size:13px}\n"
    "header.top{background:#141b2d;color:#f3f5f9;padding:28px 40px 24px}\n"
    "header.top h1{margin:0;font-size:26px;font-weight:650;"
    "letter-spacing:-.01em}\n"
    "header.top h1 span{color:#9fb0d6;font-weight:500}\n"
    "header.top .scope{margin:6px 0 18px;color:#b9c3d8;font-size:14px}\n"
    ".totals{display:flex;flex-wrap:wrap;gap:12px}\n"
    ".total{background:#222b41;border-radius:10px;padding:10px 16px;"
    "min-width:118px}\n"
    ".total b{display:block;font-size:26px;line-height:1.1;"
    "font-variant-numeric:tabular-nums}\n"
    ".total small{color:#b9c3d8;font-size:12px;text-transform:uppercase;"
    "letter-spacing:.06em}\n"
    ".total.error b{color:#ff8a80}.total.warning b{color:#ffc46b}"
    ".total.note b{color:#9cc2ff}\n"
    "main{padding:24px 40px 48px;max-width:1400px}\n"
    "h2{font-size:19px;margin:28px 0 12px;font-weight:650}\n"
    ".card{background:var(--card);border:1px solid var(--line);"
    "border-radius:12px;padding:18px 20px}\n"
    ".card h3{margin:0 0 10px;font-size:15px;font-weight:650}\n"
    ".muted{color:var(--muted)}\n"
    ".pill{display:inline-block;border-radius:999px;padding:1px 10px;"
    "font-size:12px;font-weight:650;text-transform:uppercase;"
    "letter-spacing:.04em}\n"
    ".pill.error{background:var(--err-bg);color:var(--err)}\n"
    ".pill.warning{background:var(--warn-bg);color:var(--warn)}\n"
    ".pill.note{background:var(--note-bg);color:var(--note)}\n"
    ".rule{font-family:ui-monospace,Menlo,Consolas,monospace;"
    "font-size:12.5px;background:#eef1f6;border-radius:6px;"
    "padding:1px 7px;color:#26324a;text-decoration:none}\n"
    "a.rule:hover{text-decoration:underline}\n"
    "article.f{background:var(--card);border:1px solid var(--line);"
    "border-left:5px solid var(--note-bar);border-radius:10px;"
    "padding:12px 16px;margin:0 0 12px}\n"
    "article.f.s-error{border-left-color:var(--err-bar)}\n"
    "article.f.s-warning{border-left-color:var(--warn-bar)}\n"
    "article.f .head{display:flex;flex-wrap:wrap;align-items:baseline;"
    "gap:8px}\n"
    "article.f .msg{font-weight:600;flex:1 1 420px}\n"
    "article.f .where{font-size:13px;color:var(--muted);margin-top:2px}\n"
    "article.f .summary{font-size:13px;color:var(--muted);margin:2px 0 0}\n"
    "pre.src{background:var(--code);border:1px solid var(--line);"
    "border-radius:8px;margin:10px 0 4px;padding:6px 0;overflow-x:auto;"
    "tab-size:4;line-height:1.45}\n"
    "pre.src span.l{display:block;padding:0 12px 0 0;white-space:pre}\n"
    "pre.src span.n{display:inline-block;width:4.5em;padding-right:12px;"
    "text-align:right;color:#7b8494;user-select:none}\n"
    "pre.src span.hit{background:#fff1c2;font-weight:600}\n"
    "pre.src span.hit span.n{color:var(--ink)}\n"
    "pre.src span.hit span.n::before{content:'\\25B6';color:var(--err);"
    "float:left;padding-left:6px;font-size:10px;line-height:1.9}\n"
    "pre.src span.caret{color:var(--err);font-weight:700}\n"
    "ol.flow{margin:8px 0 2px;padding-left:22px;font-size:13.5px}\n"
    "ol.flow li{margin:2px 0}\n"
    "ol.flow li::marker{color:var(--muted);font-weight:600}\n"
    "ol.flow code.loc{color:var(--muted)}\n"
    "ol.flow code.txt{background:var(--code);border-radius:4px;"
    "padding:0 5px;white-space:pre}\n"
    ".flow-title{font-size:12px;text-transform:uppercase;"
    "letter-spacing:.06em;color:var(--muted);margin-top:8px}\n"
    "footer{color:var(--muted);font-size:13px;padding:0 40px 32px}\n"
    "@media print{header.top{background:#fff;color:#000}"
    "nav.filters{display:none}}\n";

void pt_html__begin(pt_buf *out, const char *title, const char *css)
{
    pt_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                     "<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, "
                     "initial-scale=1\">\n<meta name=\"generator\" "
                     "content=\"ptlint\">\n<title>");
    pt_buf_xml_escape(out, title);
    pt_buf_puts(out, "</title>\n<style>\n");
    pt_buf_puts(out, base_css);
    if (css != NULL) {
        pt_buf_puts(out, css);
    }
    pt_buf_puts(out, "</style>\n</head>\n<body>\n");
}

void pt_html__end(pt_buf *out)
{
    pt_buf_puts(out, "</body>\n</html>\n");
}

void pt_html__rule_href(pt_buf *out, const pt_report_info *info,
                        const char *rule_id)
{
    const char *base = info != NULL && info->doc_base_uri != NULL
                           ? info->doc_base_uri
                           : PTLINT_DOC_BASE;
    pt_buf_xml_escape(out, base);
    pt_buf_xml_escape(out, rule_id);
    pt_buf_puts(out, ".md");
}

/* ---- parsing the messages of the two extra runs ---- */

long pt_html_complexity_of(const char *message)
{
    static const char key[] = "cyclomatic complexity ";
    const char *p = message != NULL ? strstr(message, key) : NULL;
    if (p == NULL) {
        return -1;
    }
    char *end = NULL;
    long value = strtol(p + sizeof key - 1, &end, 10);
    return end != p + sizeof key - 1 ? value : -1;
}

/* Copies [from, to) into `dst` of `size` bytes, cut to fit. */
static void copy_span(char *dst, size_t size, const char *from,
                      const char *to)
{
    size_t len = (size_t)(to - from);
    if (len >= size) {
        len = size - 1;
    }
    memcpy(dst, from, len);
    dst[len] = '\0';
}

/* Reads the "G of T" of a guard message into *guarded and *total. */
static bool read_counts(const char *text, unsigned *guarded, unsigned *total)
{
    char *end = NULL;
    unsigned long g = strtoul(text, &end, 10);
    if (end == text) {
        return false;
    }
    *guarded = (unsigned)g;
    const char *of = end + strspn(end, " \t\n\v\f\r");
    if (strncmp(of, "of", 2) != 0) {
        return false;
    }
    unsigned long t = strtoul(of + 2, &end, 10);
    if (end == of + 2) {
        return false;
    }
    *total = (unsigned)t;
    return true;
}

bool pt_html_guard_parse(const char *message, pt_html_guard *out)
{
    static const char by[] = " guarded by ";
    static const char at[] = "; unguarded at ";
    const char *mid = message != NULL ? strstr(message, by) : NULL;
    if (mid == NULL) {
        return false;
    }
    const char *lock = mid + sizeof by - 1;
    const char *colon = strstr(lock, ": ");
    const char *sites = colon != NULL ? strstr(colon, at) : NULL;
    if (sites == NULL ||
        !read_counts(colon + 2, &out->guarded, &out->total)) {
        return false;
    }
    copy_span(out->field, sizeof out->field, message, mid);
    copy_span(out->lock, sizeof out->lock, lock, colon);
    sites += sizeof at - 1;
    copy_span(out->unguarded, sizeof out->unguarded, sites,
              sites + strlen(sites));
    return true;
}

/* ---- counting ---- */

typedef struct tally {
    const char *key;            /* rule id or path (borrowed) */
    const pt_rule *rule;
    size_t n[3];                /* per severity */
    size_t total;
    size_t anchor;              /* file: index of its section */
} tally;

typedef struct tallies {
    tally *items;
    size_t len;
} tallies;

/* Adds one finding of `sev` under `key`, creating the entry. */
static tally *tally_add(tallies *list, const char *key, pt_severity sev)
{
    tally *t = NULL;
    for (size_t i = 0; i < list->len && t == NULL; i++) {
        if (strcmp(list->items[i].key, key) == 0) {
            t = &list->items[i];
        }
    }
    if (t == NULL) {
        list->items = realloc(list->items,
                              (list->len + 1) * sizeof *list->items);
        if (list->items == NULL) {
            abort();
        }
        t = &list->items[list->len];
        memset(t, 0, sizeof *t);
        t->key = key;
        t->anchor = list->len++;
    }
    t->n[sev <= PT_SEV_ERROR ? sev : PT_SEV_ERROR]++;
    t->total++;
    return t;
}

/* Most findings first, errors breaking ties, then by key. */
static int tally_cmp(const void *a, const void *b)
{
    const tally *x = a;
    const tally *y = b;
    if (x->total != y->total) {
        return x->total > y->total ? -1 : 1;
    }
    if (x->n[PT_SEV_ERROR] != y->n[PT_SEV_ERROR]) {
        return x->n[PT_SEV_ERROR] > y->n[PT_SEV_ERROR] ? -1 : 1;
    }
    return strcmp(x->key, y->key);
}

typedef struct report_state {
    const pt_html_input *in;
    const pt_report_info *info;
    size_t sev[3];
    tallies rules;              /* sorted by tally_cmp */
    tallies files;              /* in path order: anchors */
    tallies ranked;             /* files sorted by tally_cmp */
} report_state;

static void count_all(report_state *s)
{
    const pt_findings *findings = s->in->findings;
    pt_report__count(findings, s->sev);
    for (size_t i = 0; i < findings->len; i++) {
        const pt_finding *f = findings->items[i];
        const char *id = f->rule != NULL ? f->rule->id : "unknown";
        tally_add(&s->rules, id, f->severity)->rule = f->rule;
        tally_add(&s->files, f->path, f->severity);
    }
    if (s->rules.len > 1) {     /* qsort may not take NULL, even for 0 */
        qsort(s->rules.items, s->rules.len, sizeof *s->rules.items,
              tally_cmp);
    }
    s->ranked.len = s->files.len;
    s->ranked.items = malloc((s->files.len + 1) * sizeof *s->ranked.items);
    if (s->ranked.items == NULL) {
        abort();
    }
    if (s->files.len > 0) {
        memcpy(s->ranked.items, s->files.items,
               s->files.len * sizeof *s->files.items);
    }
    qsort(s->ranked.items, s->ranked.len, sizeof *s->ranked.items,
          tally_cmp);
}

/* ---- header and filters ---- */

static const char *const sev_names[3] = {"note", "warning", "error"};
static const char *const sev_plural[3] = {"Notes", "Warnings", "Errors"};

static void put_total(pt_buf *out, const char *cls, size_t n,
                      const char *label)
{
    pt_buf_printf(out, "<div class=\"total %s\"><b>%zu</b><small>%s</small>"
                  "</div>\n", cls, n, label);
}

static void put_header(pt_buf *out, const report_state *s)
{
    const pt_html_input *in = s->in;
    pt_buf_puts(out, "<header class=\"top\">\n<h1>");
    pt_buf_xml_escape(out, in->title != NULL ? in->title : "ptlint report");
    pt_buf_puts(out, " <span>&middot; provider-tree lint</span></h1>\n"
                     "<div class=\"scope\">");
    for (size_t i = 0; i < in->npaths; i++) {
        pt_buf_puts(out, i ? ", <code>" : "<code>");
        pt_buf_xml_escape(out, in->paths[i]);
        pt_buf_puts(out, "</code>");
    }
    if (in->npaths == 0) {
        pt_buf_puts(out, "<code>.</code>");
    }
    pt_buf_printf(out, " &middot; %zu files, %zu lines, %zu functions",
                  in->files, in->lines, in->functions);
    pt_buf_puts(out, "</div>\n<div class=\"totals\">\n");
    put_total(out, "all", in->findings->len, "Findings");
    for (int sev = PT_SEV_ERROR; sev >= PT_SEV_NOTE; sev--) {
        put_total(out, sev_names[sev], s->sev[sev], sev_plural[sev]);
    }
    put_total(out, "files", s->files.len, "Files flagged");
    pt_buf_puts(out, "</div>\n</header>\n");
}

/* The hidden checkboxes, siblings of <nav> and <main> so that CSS can
   hide findings of unchecked severities and rules. */
static void put_filter_inputs(pt_buf *out, const report_state *s)
{
    for (int sev = PT_SEV_ERROR; sev >= PT_SEV_NOTE; sev--) {
        pt_buf_printf(out, "<input type=\"checkbox\" class=\"flt\" "
                      "id=\"fs-%s\" checked>\n", sev_names[sev]);
    }
    for (size_t i = 0; i < s->rules.len; i++) {
        pt_buf_puts(out, "<input type=\"checkbox\" class=\"flt\" id=\"fr-");
        pt_html__class_id(out, s->rules.items[i].key);
        pt_buf_puts(out, "\" checked>\n");
    }
}

/* The CSS rules that make the checkboxes filter. */
static void put_filter_css(pt_buf *out, const report_state *s)
{
    for (int sev = PT_SEV_ERROR; sev >= PT_SEV_NOTE; sev--) {
        const char *n = sev_names[sev];
        pt_buf_printf(out, "#fs-%s:not(:checked)~main article.s-%s{display:"
                      "none}\n#fs-%s:not(:checked)~nav label[for=fs-%s]"
                      "{opacity:.5;text-decoration:line-through}\n"
                      "#fs-%s:focus-visible~nav label[for=fs-%s]{outline:"
                      "2px solid var(--accent)}\n", n, n, n, n, n, n);
    }
    for (size_t i = 0; i < s->rules.len; i++) {
        pt_buf cls = {0};
        pt_html__class_id(&cls, s->rules.items[i].key);
        const char *c = pt_buf_str(&cls);
        pt_buf_printf(out, "#fr-%s:not(:checked)~main article.r-%s{display:"
                      "none}\n#fr-%s:not(:checked)~nav label[for=fr-%s]"
                      "{opacity:.5;text-decoration:line-through}\n"
                      "#fr-%s:focus-visible~nav label[for=fr-%s]{outline:"
                      "2px solid var(--accent)}\n", c, c, c, c, c, c);
        pt_buf_free(&cls);
    }
}

static void put_filter_nav(pt_buf *out, const report_state *s)
{
    pt_buf_puts(out, "<nav class=\"filters\" aria-label=\"Filters\">\n"
                     "<span class=\"flabel\">Severity</span>\n");
    for (int sev = PT_SEV_ERROR; sev >= PT_SEV_NOTE; sev--) {
        pt_buf_printf(out, "<label class=\"chip %s\" for=\"fs-%s\">%s "
                      "<b>%zu</b></label>\n", sev_names[sev], sev_names[sev],
                      sev_names[sev], s->sev[sev]);
    }
    pt_buf_puts(out, "<span class=\"flabel\">Rule</span>\n");
    for (size_t i = 0; i < s->rules.len; i++) {
        pt_buf_puts(out, "<label class=\"chip\" for=\"fr-");
        pt_html__class_id(out, s->rules.items[i].key);
        pt_buf_puts(out, "\">");
        pt_buf_xml_escape(out, s->rules.items[i].key);
        pt_buf_printf(out, " <b>%zu</b></label>\n", s->rules.items[i].total);
    }
    pt_buf_printf(out, "<span class=\"shown\">showing <b id=\"shown\">%zu"
                  "</b> of %zu</span>\n</nav>\n", s->in->findings->len,
                  s->in->findings->len);
}

/* ---- charts ---- */

static const char *const bar_fill[3] = {"var(--note-bar)",
                                        "var(--warn-bar)",
                                        "var(--err-bar)"};

#define CHART_W 640
#define LABEL_W 200
#define ROW_H 26

/* One horizontal stacked bar row: label, severity segments, total. */
static void put_bar_row(pt_buf *out, size_t row, const char *label,
                        const size_t n[3], size_t max)
{
    double scale = (CHART_W - LABEL_W - 50) / (double)(max ? max : 1);
    unsigned y = (unsigned)(row * ROW_H);
    pt_buf_printf(out, "<text x=\"%d\" y=\"%u\" class=\"lbl\" "
                  "text-anchor=\"end\">", LABEL_W - 10, y + 17);
    pt_buf_xml_escape(out, label);
    pt_buf_puts(out, "</text>\n");
    double x = LABEL_W;
    size_t total = 0;
    for (int sev = PT_SEV_ERROR; sev >= PT_SEV_NOTE; sev--) {
        if (n[sev] == 0) {
            continue;
        }
        double w = n[sev] * scale;
        pt_buf_printf(out, "<rect x=\"%.1f\" y=\"%u\" width=\"%.1f\" "
                      "height=\"18\" rx=\"3\" fill=\"%s\"><title>%zu %s"
                      "</title></rect>\n", x, y + 4, w < 2 ? 2 : w,
                      bar_fill[sev], n[sev], sev_names[sev]);
        x += w;
        total += n[sev];
    }
    pt_buf_printf(out, "<text x=\"%.1f\" y=\"%u\" class=\"val\">%zu</text>\n",
                  x + 6, y + 17, total);
}

static void svg_begin(pt_buf *out, unsigned height, const char *label)
{
    pt_buf_printf(out, "<svg class=\"chart\" viewBox=\"0 0 %d %u\" "
                  "width=\"100%%\" role=\"img\" aria-label=\"", CHART_W,
                  height);
    pt_buf_xml_escape(out, label);
    pt_buf_puts(out, "\" xmlns=\"http://www.w3.org/2000/svg\">\n");
}

/* The severity colour key under a stacked chart. */
static void put_legend(pt_buf *out)
{
    pt_buf_puts(out, "<div class=\"legend\">");
    for (int sev = PT_SEV_ERROR; sev >= PT_SEV_NOTE; sev--) {
        pt_buf_printf(out, "<span><i style=\"background:%s\"></i>%s</span>",
                      bar_fill[sev], sev_names[sev]);
    }
    pt_buf_puts(out, "</div>\n");
}

static void put_rule_chart(pt_buf *out, const report_state *s)
{
    pt_buf_puts(out, "<div class=\"card\" id=\"by-rule\"><h3>Findings by "
                     "rule</h3>\n");
    if (s->rules.len == 0) {
        pt_buf_puts(out, "<p class=\"muted\">No findings.</p></div>\n");
        return;
    }
    size_t max = s->rules.items[0].total;
    svg_begin(out, (unsigned)(s->rules.len * ROW_H + 4),
              "Bar chart of findings per rule");
    for (size_t i = 0; i < s->rules.len; i++) {
        put_bar_row(out, i, s->rules.items[i].key, s->rules.items[i].n, max);
    }
    pt_buf_puts(out, "</svg>\n");
    put_legend(out);
    pt_buf_puts(out, "</div>\n");
}

static void put_severity_chart(pt_buf *out, const report_state *s)
{
    pt_buf_puts(out, "<div class=\"card\" id=\"by-severity\"><h3>Findings "
                     "by severity</h3>\n");
    size_t max = 0;
    for (int sev = PT_SEV_NOTE; sev <= PT_SEV_ERROR; sev++) {
        max = s->sev[sev] > max ? s->sev[sev] : max;
    }
    svg_begin(out, 3 * ROW_H + 4, "Bar chart of findings per severity");
    for (int sev = PT_SEV_ERROR; sev >= PT_SEV_NOTE; sev--) {
        size_t n[3] = {0, 0, 0};
        n[sev] = s->sev[sev];
        put_bar_row(out, (size_t)(PT_SEV_ERROR - sev), sev_plural[sev], n,
                    max);
    }
    pt_buf_puts(out, "</svg>\n</div>\n");
}

#define RANKED_FILES 12

/* A count cell of the files table; a zero is a quiet dash. */
static void put_count_cell(pt_buf *out, const char *cls, size_t n)
{
    if (n == 0) {
        pt_buf_puts(out, "<td class=\"num zero\">&ndash;</td>");
    } else {
        pt_buf_printf(out, "<td class=\"num %s\">%zu</td>", cls, n);
    }
}

/* Files ranked by findings, each with a bar and its severity counts. */
static void put_files_table(pt_buf *out, const report_state *s)
{
    pt_buf_puts(out, "<div class=\"card wide\" id=\"by-file\"><h3>Files ranked "
                     "by findings</h3>\n");
    if (s->ranked.len == 0) {
        pt_buf_puts(out, "<p class=\"muted\">No file has findings.</p>"
                         "</div>\n");
        return;
    }
    pt_buf_puts(out, "<table class=\"rank\"><thead><tr><th>#</th>"
                     "<th>File</th><th class=\"num\">Err</th>"
                     "<th class=\"num\">Warn</th><th class=\"num\">Note</th>"
                     "<th>Findings</th></tr></thead><tbody>\n");
    size_t max = s->ranked.items[0].total;
    for (size_t i = 0; i < s->ranked.len && i < RANKED_FILES; i++) {
        const tally *t = &s->ranked.items[i];
        pt_buf_printf(out, "<tr><td class=\"muted\">%zu</td><td class=\"mono"
                      "\"><a href=\"#file%zu\">", i + 1, t->anchor);
        pt_buf_xml_escape(out, t->key);
        pt_buf_puts(out, "</a></td>");
        put_count_cell(out, "e", t->n[PT_SEV_ERROR]);
        put_count_cell(out, "w", t->n[PT_SEV_WARNING]);
        put_count_cell(out, "n", t->n[PT_SEV_NOTE]);
        pt_buf_printf(out, "<td><span class=\"hbar\" style=\"width:%.0f%%\">"
                      "</span> %zu</td></tr>\n",
                      70.0 * (double)t->total / (double)max + 1, t->total);
    }
    pt_buf_puts(out, "</tbody></table>\n");
    if (s->ranked.len > RANKED_FILES) {
        pt_buf_printf(out, "<p class=\"muted\">and %zu more files</p>\n",
                      s->ranked.len - RANKED_FILES);
    }
    pt_buf_puts(out, "</div>\n");
}

/* ---- complexity ---- */

typedef struct bin {
    long lo;
    long hi;                    /* inclusive; LONG_MAX for the last */
    const char *label;
} bin;

static const bin bins[] = {
    {1, 1, "1"}, {2, 2, "2"}, {3, 3, "3"}, {4, 4, "4"}, {5, 5, "5"},
    {6, 7, "6-7"}, {8, 10, "8-10"}, {11, 15, "11-15"}, {16, 20, "16-20"},
    {21, 30, "21-30"}, {31, 1L << 30, "31+"},
};
#define NBINS (sizeof bins / sizeof bins[0])

typedef struct fn_cx {
    const pt_finding *finding;
    long value;
} fn_cx;

static int fn_cx_cmp(const void *a, const void *b)
{
    const fn_cx *x = a;
    const fn_cx *y = b;
    if (x->value != y->value) {
        return x->value > y->value ? -1 : 1;
    }
    return strcmp(x->finding->path, y->finding->path);
}

/* The histogram's bars, with the count above and the bin below. */
static void put_histogram_bars(pt_buf *out, const size_t counts[NBINS])
{
    size_t max = 1;
    for (size_t i = 0; i < NBINS; i++) {
        max = counts[i] > max ? counts[i] : max;
    }
    const double left = 44;
    /* NOLINTNEXTLINE(bugprone-integer-division): NBINS is an exact count */
    const double slot = (CHART_W - left - 10) / (double)NBINS;
    const double base = 170;
    pt_buf_printf(out, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%d\" y2=\"%.0f\" "
                  "class=\"axis\"/>\n<text x=\"%.0f\" y=\"24\" class=\"lbl\" "
                  "text-anchor=\"end\">%zu</text>\n<text x=\"%.0f\" "
                  "y=\"%.0f\" class=\"lbl\" text-anchor=\"end\">0</text>\n",
                  left, base, CHART_W - 10, base, left - 8, max, left - 8,
                  base);
    for (size_t i = 0; i < NBINS; i++) {
        double h = 150.0 * (double)counts[i] / (double)max;
        double x = left + i * slot + 5;
        const char *fill = bins[i].lo > 20   ? "var(--err-bar)"
                           : bins[i].lo > 10 ? "var(--warn-bar)"
                                             : "#5468d4";
        pt_buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                      "height=\"%.1f\" rx=\"3\" fill=\"%s\"><title>%zu "
                      "functions of complexity %s</title></rect>\n", x,
                      base - h, slot - 10, h, fill, counts[i],
                      bins[i].label);
        pt_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"val\" "
                      "text-anchor=\"middle\">%zu</text>\n<text x=\"%.1f\" "
                      "y=\"%.0f\" class=\"lbl\" text-anchor=\"middle\">%s"
                      "</text>\n", x + (slot - 10) / 2, base - h - 5,
                      counts[i], x + (slot - 10) / 2, base + 18,
                      bins[i].label);
    }
    pt_buf_printf(out, "<text x=\"%.0f\" y=\"210\" class=\"lbl\" "
                  "text-anchor=\"middle\">cyclomatic complexity</text>\n",
                  left + (CHART_W - left) / 2);
}

/* The most complex functions, as a short list. */
static void put_top_functions(pt_buf *out, const fn_cx *fns, size_t n)
{
    pt_buf_puts(out, "<ol class=\"top\">\n");
    for (size_t i = 0; i < n && i < 5; i++) {
        const pt_finding *f = fns[i].finding;
        pt_buf_printf(out, "<li><b class=\"cx\">%ld</b> <code>", fns[i].value);
        pt_buf_xml_escape(out, f->function != NULL ? f->function : "?");
        pt_buf_puts(out, "</code> <span class=\"muted mono\">");
        pt_buf_xml_escape(out, f->path);
        pt_buf_printf(out, ":%u</span></li>\n", f->loc.line);
    }
    pt_buf_puts(out, "</ol>\n");
}

static void put_complexity(pt_buf *out, const report_state *s)
{
    pt_buf_puts(out, "<div class=\"card\" id=\"complexity\"><h3>Cyclomatic "
                     "complexity of every function</h3>\n");
    const pt_findings *cx = s->in->complexity;
    fn_cx *fns = calloc(cx != NULL && cx->len ? cx->len : 1, sizeof *fns);
    size_t n = 0;
    size_t counts[NBINS] = {0};
    for (size_t i = 0; fns != NULL && cx != NULL && i < cx->len; i++) {
        long value = pt_html_complexity_of(cx->items[i]->message);
        if (value < 1) {
            continue;
        }
        fns[n].finding = cx->items[i];
        fns[n++].value = value;
        for (size_t b = 0; b < NBINS; b++) {
            counts[b] += value >= bins[b].lo && value <= bins[b].hi;
        }
    }
    if (n == 0) {
        pt_buf_puts(out, "<p class=\"muted\">No functions measured.</p>"
                         "</div>\n");
        free(fns);
        return;
    }
    qsort(fns, n, sizeof *fns, fn_cx_cmp);
    pt_buf_printf(out, "<p class=\"muted\">%zu functions &middot; median "
                  "%ld &middot; highest %ld &middot; %zu over 10</p>\n", n,
                  fns[n / 2].value, fns[0].value,
                  n - (size_t)(counts[0] + counts[1] + counts[2] +
                               counts[3] + counts[4] + counts[5] + counts[6]));
    svg_begin(out, 218, "Histogram of cyclomatic complexity per function");
    put_histogram_bars(out, counts);
    pt_buf_puts(out, "</svg>\n<h3>Most complex</h3>\n");
    put_top_functions(out, fns, n);
    pt_buf_puts(out, "</div>\n");
    free(fns);
}

/* ---- the lock-guard map ---- */

static void put_guard_row(pt_buf *out, const pt_finding *f,
                          const pt_html_guard *g)
{
    double share = g->total ? (double)g->guarded / g->total : 0;
    pt_buf_puts(out, "<tr><td class=\"mono\">");
    pt_buf_xml_escape(out, g->field);
    pt_buf_puts(out, "</td><td class=\"mono\">");
    pt_buf_xml_escape(out, g->lock);
    pt_buf_printf(out, "</td><td class=\"num\">%u / %u</td><td><span "
                  "class=\"gbar\"><span style=\"width:%.0f%%\"></span></span>"
                  "</td><td class=\"mono%s\">", g->guarded, g->total,
                  100 * share, strcmp(g->unguarded, "-") ? " bad" : "");
    if (strcmp(g->unguarded, "-") == 0) {
        pt_buf_puts(out, "&mdash;");
    } else {
        pt_buf_xml_escape(out, g->unguarded);
    }
    pt_buf_puts(out, "</td><td class=\"mono muted\">");
    pt_buf_xml_escape(out, f->path);
    pt_buf_puts(out, "</td></tr>\n");
}

typedef struct guard_row {
    const pt_finding *finding;
    pt_html_guard guard;
} guard_row;

/* Fields accessed without their lock first, least guarded first. */
static int guard_cmp(const void *a, const void *b)
{
    const pt_html_guard *x = &((const guard_row *)a)->guard;
    const pt_html_guard *y = &((const guard_row *)b)->guard;
    int xbad = strcmp(x->unguarded, "-") != 0;
    int ybad = strcmp(y->unguarded, "-") != 0;
    if (xbad != ybad) {
        return ybad - xbad;
    }
    double xs = x->total ? (double)x->guarded / x->total : 1;
    double ys = y->total ? (double)y->guarded / y->total : 1;
    if (xs != ys) {
        return xs < ys ? -1 : 1;
    }
    return strcmp(x->field, y->field);
}

#define GUARD_ROWS 40

static void put_guard_map(pt_buf *out, const report_state *s)
{
    pt_buf_puts(out, "<div class=\"card wide\" id=\"guards\"><h3>Inferred "
                     "lock-guard map</h3>\n");
    const pt_findings *guards = s->in->guards;
    size_t cap = guards != NULL ? guards->len : 0;
    guard_row *rows = calloc(cap + 1, sizeof *rows);
    if (rows == NULL) {
        abort();
    }
    size_t n = 0;
    for (size_t i = 0; i < cap; i++) {
        if (pt_html_guard_parse(guards->items[i]->message, &rows[n].guard)) {
            rows[n++].finding = guards->items[i];
        }
    }
    if (n > 1) {
        qsort(rows, n, sizeof *rows, guard_cmp);
    }
    if (n == 0) {
        pt_buf_puts(out, "<p class=\"muted\">No field is accessed under a "
                         "lock.</p>\n</div>\n");
        free(rows);
        return;
    }
    pt_buf_puts(out, "<p class=\"muted\">Which lock guards which field, "
                     "inferred from where the code takes it; fields read or "
                     "written without it come first.</p>\n<table "
                     "class=\"guards\"><thead><tr><th>Field</th><th>Guarded "
                     "by</th><th class=\"num\">Accesses</th><th>Under the "
                     "lock</th><th>Unguarded at (line:col)</th><th>File</th>"
                     "</tr></thead><tbody>\n");
    for (size_t i = 0; i < n && i < GUARD_ROWS; i++) {
        put_guard_row(out, rows[i].finding, &rows[i].guard);
    }
    pt_buf_puts(out, "</tbody></table>\n");
    if (n > GUARD_ROWS) {
        pt_buf_printf(out, "<p class=\"muted\">and %zu more fields</p>\n",
                      n - GUARD_ROWS);
    }
    pt_buf_puts(out, "</div>\n");
    free(rows);
}

/* ---- findings and rules ---- */

static void put_findings(pt_buf *out, const report_state *s,
                         pt_html_sources *sources)
{
    const pt_findings *findings = s->in->findings;
    pt_buf_puts(out, "<h2 id=\"findings\">Findings</h2>\n");
    if (findings->len == 0) {
        pt_buf_puts(out, "<div class=\"card clean\"><b>&#10003; No "
                         "findings.</b> Every rule ran clean on these "
                         "files.</div>\n");
        return;
    }
    const char *path = NULL;
    size_t file = 0;
    for (size_t i = 0; i < findings->len; i++) {
        const pt_finding *f = findings->items[i];
        if (path == NULL || strcmp(path, f->path) != 0) {
            if (path != NULL) {
                pt_buf_puts(out, "</section>\n");
                file++;
            }
            path = f->path;
            pt_buf_printf(out, "<section class=\"file\" id=\"file%zu\">"
                          "<h3 class=\"fname mono\">", file);
            pt_buf_xml_escape(out, path);
            pt_buf_printf(out, " <span class=\"muted\">%zu</span></h3>\n",
                          s->files.items[file].total);
        }
        pt_html__finding(out, f, s->info, sources, i);
    }
    pt_buf_puts(out, "</section>\n");
}

/* Every rule that has findings: summary, doc link, the doc itself. */
static void put_rule_docs(pt_buf *out, const report_state *s)
{
    if (s->rules.len == 0) {
        return;
    }
    pt_buf_puts(out, "<h2 id=\"rules\">Rules in this report</h2>\n");
    for (size_t i = 0; i < s->rules.len; i++) {
        const tally *t = &s->rules.items[i];
        pt_buf_puts(out, "<details class=\"card doc\"><summary><a "
                         "class=\"rule\" href=\"");
        pt_html__rule_href(out, s->info, t->key);
        pt_buf_puts(out, "\">");
        pt_buf_xml_escape(out, t->key);
        pt_buf_puts(out, "</a> ");
        if (t->rule != NULL && t->rule->summary != NULL) {
            pt_buf_xml_escape(out, t->rule->summary);
        }
        pt_buf_printf(out, " <span class=\"muted\">(%zu)</span></summary>\n",
                      t->total);
        if (t->rule != NULL && t->rule->doc != NULL) {
            pt_buf_puts(out, "<pre class=\"docs\">");
            pt_buf_xml_escape(out, t->rule->doc);
            pt_buf_puts(out, "</pre>\n");
        }
        pt_buf_puts(out, "</details>\n");
    }
}

/* Counts what the filters leave shown and hides emptied file sections.
   The filters themselves are CSS and work without it. */
static const char filter_script[] =
    "<script>\n(function(){\n"
    "function update(){var n=0;\n"
    "document.querySelectorAll('section.file').forEach(function(s){\n"
    "s.style.display='';var v=0;\n"
    "s.querySelectorAll('article.f').forEach(function(a){\n"
    "if(getComputedStyle(a).display!=='none'){v++;}});\n"
    "s.style.display=v?'':'none';n+=v;});\n"
    "var e=document.getElementById('shown');if(e){e.textContent=n;}}\n"
    "document.querySelectorAll('input.flt').forEach(function(i){\n"
    "i.addEventListener('change',update);});\n"
    "})();\n</script>\n";

static const char report_css[] =
    "input.flt{position:absolute;opacity:0;width:1px;height:1px;"
    "pointer-events:none}\n"
    "nav.filters{position:sticky;top:0;z-index:2;background:#fffffff2;"
    "border-bottom:1px solid var(--line);padding:10px 40px;display:flex;"
    "flex-wrap:wrap;gap:6px 8px;align-items:center;"
    "backdrop-filter:blur(4px)}\n"
    ".flabel{font-size:12px;text-transform:uppercase;letter-spacing:.06em;"
    "color:var(--muted);margin:0 2px 0 10px}\n"
    ".flabel:first-child{margin-left:0}\n"
    "label.chip{cursor:pointer;user-select:none;border:1px solid "
    "var(--line);background:#f7f8fb;border-radius:999px;padding:2px 10px;"
    "font-size:13px;font-family:ui-monospace,Menlo,Consolas,monospace}\n"
    "label.chip b{font-family:system-ui,sans-serif;color:var(--muted)}\n"
    "label.chip.error{background:var(--err-bg);color:var(--err);"
    "border-color:#f4c7c3}\n"
    "label.chip.warning{background:var(--warn-bg);color:var(--warn);"
    "border-color:#f5d9a6}\n"
    "label.chip.note{background:var(--note-bg);color:var(--note);"
    "border-color:#c4d7f8}\n"
    ".shown{margin-left:auto;color:var(--muted);font-size:13px}\n"
    ".grid{display:grid;grid-template-columns:repeat(auto-fit,"
    "minmax(520px,1fr));gap:16px}\n"
    ".grid .wide{grid-column:1/-1}\n"
    ".stack{display:flex;flex-direction:column;gap:16px}\n"
    "main>h2:first-child{margin-top:4px}\n"
    "svg.chart{display:block;max-width:760px}\n"
    "svg text{font:12.5px system-ui,-apple-system,'Segoe UI',Roboto,"
    "sans-serif;fill:#1d2433}\n"
    "svg text.lbl{fill:#3a4455}\nsvg text.val{font-weight:650}\n"
    "svg line.axis{stroke:#b8c0cc;stroke-width:1}\n"
    ".legend{display:flex;gap:16px;font-size:12.5px;color:var(--muted);"
    "margin-top:6px}\n"
    ".legend i{display:inline-block;width:11px;height:11px;border-radius:"
    "3px;margin-right:5px;vertical-align:-1px}\n"
    "table{border-collapse:collapse;width:100%;font-size:13.5px}\n"
    "th{text-align:left;font-size:12px;text-transform:uppercase;"
    "letter-spacing:.05em;color:var(--muted);font-weight:600;"
    "border-bottom:1px solid var(--line);padding:4px 8px}\n"
    "td{border-bottom:1px solid #eef1f5;padding:5px 8px;"
    "vertical-align:middle}\n"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    "td.zero{color:#a3abb8}\n"
    "td.e{color:var(--err);font-weight:650}td.w{color:var(--warn)}td.n{color:var(--note)}\n"
    "td a{text-decoration:none}td a:hover{text-decoration:underline}\n"
    ".hbar{display:inline-block;height:10px;border-radius:3px;"
    "background:#5468d4;vertical-align:middle}\n"
    ".gbar{display:inline-block;width:120px;height:10px;border-radius:3px;"
    "background:var(--err-bg);overflow:hidden;vertical-align:middle}\n"
    ".gbar span{display:block;height:100%;background:#2f9e6e}\n"
    "td.bad{color:var(--err);font-weight:600}\n"
    "ol.top{margin:0;padding:0;list-style:none;font-size:13.5px}\n"
    "ol.top li{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}\n"
    "ol.top b.cx{display:inline-block;min-width:2.2em;color:var(--warn)}\n"
    "section.file h3.fname{font-size:14px;margin:22px 0 8px;"
    "font-weight:650}\n"
    ".clean{font-size:16px;border-left:5px solid #2f9e6e}\n"
    "details.doc{margin:0 0 8px;padding:10px 16px}\n"
    "details.doc summary{cursor:pointer}\n"
    "pre.docs{white-space:pre-wrap;background:var(--code);padding:12px;"
    "border-radius:8px;font-size:12.5px;max-height:420px;overflow:auto}\n";

void pt_report_html(const pt_html_input *in, const pt_report_info *info,
                    pt_buf *out)
{
    report_state s = {.in = in, .info = info};
    count_all(&s);
    pt_buf css = {0};
    pt_buf_puts(&css, report_css);
    put_filter_css(&css, &s);
    pt_html__begin(out, in->title != NULL ? in->title : "ptlint report",
                   pt_buf_str(&css));
    pt_buf_free(&css);
    put_header(out, &s);
    put_filter_inputs(out, &s);
    put_filter_nav(out, &s);
    pt_buf_puts(out, "<main>\n<h2 id=\"summary\">Summary</h2>\n"
                     "<div class=\"grid\">\n");
    put_rule_chart(out, &s);
    pt_buf_puts(out, "<div class=\"stack\">\n");
    put_severity_chart(out, &s);
    put_complexity(out, &s);
    pt_buf_puts(out, "</div>\n");
    put_files_table(out, &s);
    put_guard_map(out, &s);
    pt_buf_puts(out, "</div>\n");
    pt_html_sources *sources = pt_html__sources_new();
    put_findings(out, &s, sources);
    pt_html__sources_free(sources);
    put_rule_docs(out, &s);
    pt_buf_printf(out, "</main>\n<footer>Generated by ptlint %s",
                  pt_report__version(info));
    if (in->generated != NULL) {
        pt_buf_puts(out, " on ");
        pt_buf_xml_escape(out, in->generated);
    }
    pt_buf_puts(out, ". Self-contained: no part of this page is fetched "
                     "from the network.</footer>\n");
    pt_buf_puts(out, filter_script);
    pt_html__end(out);
    free(s.rules.items);
    free(s.files.items);
    free(s.ranked.items);
}
