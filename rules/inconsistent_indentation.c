/*
 * inconsistent_indentation.c - lines indented unlike the rest of the file.
 *
 * The file's unit is the most common step from a block's first line back
 * to the line that opens the block, and its character the one most
 * indented lines use.  A line is reported when its indentation mixes tabs
 * and spaces, uses the minority character, or steps in from its enclosing
 * block by something other than the unit (each such line, not only the
 * first of its block).  Continuation lines, comments, strings,
 * preprocessor lines and labels are left alone; the statements after a
 * `case` label may sit one unit in from the label or from the `switch`,
 * and a `}` lines up with the line that opened its block.  With the option
 * check-comments, a line that starts a comment is held to pycodestyle's
 * view of comments (E101/W191, E114, E117): the file's character, a
 * multiple of the unit, and at most one unit in from a block's opener.
 */
#include <string.h>

#include "ptlint/rule.h"

enum { MAX_DEPTH = 128, MAX_STEP = 64 };

static const pt_option indentation_options[] = {
    {"check-comments", PT_OPT_BOOL, "false",
     "also check the lines that start a comment (as pycodestyle does)"},
    {0},
};

/* What the whole file does, measured first. */
typedef struct indent_profile {
    unsigned tab_lines;
    unsigned space_lines;
    unsigned steps[MAX_STEP + 1];
    uint32_t unit;              /* in columns */
    bool tabs;                  /* the file indents with tabs */
} indent_profile;

/* Per-depth memory while walking the lines. */
typedef struct walk_state {
    int64_t opener[MAX_DEPTH];  /* indent of the line opening depth d+1 */
    int64_t sibling[MAX_DEPTH]; /* indent of the first line at depth d */
    int64_t label[MAX_DEPTH];   /* indent of a label just before, or -1 */
    uint32_t previous_depth;
    bool check_comments;        /* the option */
    int64_t previous_indent;    /* of the last code line, or -1 */
    uint32_t next_code;         /* the first code line after a comment */
} walk_state;

static bool line_counts(const pt_line *line)
{
    return line->kind == PT_LINE_CODE && line->depth < MAX_DEPTH;
}

static void measure_profile(const pt_unit *unit, indent_profile *p)
{
    int64_t last_at_depth[MAX_DEPTH];
    memset(last_at_depth, -1, sizeof(last_at_depth));
    for (uint32_t n = 1; n <= unit->lines.len; n++) {
        const pt_line *line = pt_unit_line(unit, n);
        if (!line_counts(line)) {
            continue;
        }
        p->tab_lines += line->indent_tabs > 0 && line->indent_spaces == 0;
        p->space_lines += line->indent_spaces > 0 && line->indent_tabs == 0;
        uint32_t d = line->depth;
        if (d > 0 && last_at_depth[d - 1] >= 0 &&
            line->indent_width > last_at_depth[d - 1]) {
            int64_t step = line->indent_width - last_at_depth[d - 1];
            p->steps[step > MAX_STEP ? MAX_STEP : step]++;
        }
        last_at_depth[d] = line->indent_width;
    }
    p->tabs = p->tab_lines > p->space_lines;
    for (uint32_t s = 1; s < MAX_STEP; s++) {
        if (p->steps[s] > p->steps[p->unit]) {
            p->unit = s;
        }
    }
}

static void report_step(pt_rule_ctx *ctx, const indent_profile *p,
                        pt_loc loc, int64_t actual, int64_t expected)
{
    if (p->tabs) {
        pt_report(ctx, loc, "indented to column %lld, expected %lld (one tab "
                  "per level)", (long long)actual + 1,
                  (long long)expected + 1);
    } else {
        pt_report(ctx, loc, "indented to column %lld, expected %lld (this "
                  "file indents by %u spaces)", (long long)actual + 1,
                  (long long)expected + 1, p->unit);
    }
}

/* Reports a character problem; true when there was one. */
static bool check_characters(pt_rule_ctx *ctx, const indent_profile *p,
                             const pt_line *line, pt_loc loc)
{
    if (line->mixed) {
        pt_report(ctx, loc, "indentation mixes tabs and spaces");
        return true;
    }
    if (p->tabs && line->indent_spaces >= p->unit && line->indent_tabs == 0 &&
        p->unit > 0) {
        pt_report(ctx, loc, "indented with spaces; this file indents with "
                  "tabs");
        return true;
    }
    if (!p->tabs && line->indent_tabs > 0 && p->space_lines > 0) {
        pt_report(ctx, loc, "indented with tabs; this file indents with "
                  "spaces");
        return true;
    }
    return false;
}

/* The indent a line at depth d should have, or -1 when unknown.  Every
   line of a block is measured from the block's opener, not from its first
   sibling: a block indented by the wrong step is wrong on each line (as
   pycodestyle's E111 says), and a header indented wrongly does not make
   its correctly stepped body wrong too.  The first sibling stands in
   only when no opener was seen. */
static int64_t expected_indent(const walk_state *w, const indent_profile *p,
                               uint32_t d, int64_t actual, bool closing)
{
    if (closing && d + 1 < MAX_DEPTH && w->opener[d + 1] >= 0) {
        return w->opener[d + 1];    /* `}` lines up with its header */
    }
    if (w->label[d] >= 0 && actual == w->label[d] + p->unit) {
        return actual;          /* case body one unit in from its label */
    }
    if (w->opener[d] >= 0) {
        return w->opener[d] + p->unit;
    }
    return w->sibling[d] >= 0 && w->previous_depth >= d ? w->sibling[d] : -1;
}

/* True when the line starts with `}`: it closes the block its header
   opened (C; in Python such a line is a continuation). */
static bool closes_block(const pt_unit *unit, const pt_line *line)
{
    uint32_t lead = line->indent_spaces + line->indent_tabs;
    return lead < line->length && unit->text[line->start + lead] == '}';
}

/* True when the line's first non-blank text opens a comment (not the
   ` * ` lines inside a C block comment). */
static bool starts_comment(const pt_unit *unit, const pt_line *line)
{
    uint32_t lead = line->indent_spaces + line->indent_tabs;
    const char *at = unit->text + line->start + lead;
    uint32_t left = line->length - lead;
    if (lead >= line->length) {
        return false;
    }
    if (unit->language == PT_LANG_PYTHON) {
        return at[0] == '#';
    }
    return left >= 2 && at[0] == '/' && (at[1] == '/' || at[1] == '*');
}

/* The first line after line n that is neither blank nor a comment, or 0
   (remembered for the comment lines of the same run). */
static uint32_t next_content_line(const pt_unit *unit, walk_state *w,
                                  uint32_t n)
{
    if (w->next_code <= n) {
        w->next_code = UINT32_MAX;  /* none: nothing follows */
        for (uint32_t k = n + 1; k <= unit->lines.len; k++) {
            uint8_t kind = pt_unit_line(unit, k)->kind;
            if (kind != PT_LINE_BLANK && kind != PT_LINE_COMMENT) {
                w->next_code = k;
                break;
            }
        }
    }
    return w->next_code == UINT32_MAX ? 0 : w->next_code;
}

/*
 * A comment line, as pycodestyle judges one: the file's indent character
 * (E101, W191), a multiple of the unit (E114), and no more than one unit
 * in from the line that opens the block the next code line starts (E117).
 * A comment inside a statement (the next line continues it) is part of
 * that statement, as continuation lines are.
 */
static void walk_comment(pt_rule_ctx *ctx, const pt_unit *unit,
                         const indent_profile *p, walk_state *w, uint32_t n)
{
    const pt_line *line = pt_unit_line(unit, n);
    pt_loc loc = {n, 1, line->start};
    uint32_t next = next_content_line(unit, w, n);
    const pt_line *next_line = next != 0 ? pt_unit_line(unit, next) : NULL;
    if (next_line != NULL && next_line->kind != PT_LINE_CODE &&
        next_line->kind != PT_LINE_PREPROCESSOR &&
        next_line->kind != PT_LINE_LABEL) {
        return;                 /* inside a statement */
    }
    if (!starts_comment(unit, line) || check_characters(ctx, p, line, loc) ||
        p->unit == 0 || p->tabs) {
        return;
    }
    int64_t actual = line->indent_width;
    if (actual % p->unit != 0) {
        pt_report(ctx, loc, "comment indented to column %lld, not a "
                  "multiple of %u spaces", (long long)actual + 1, p->unit);
        return;
    }
    bool opens = next_line != NULL && next_line->kind == PT_LINE_CODE &&
                 w->previous_indent >= 0 &&
                 next_line->depth > w->previous_depth;
    if (opens && actual > w->previous_indent + p->unit) {
        pt_report(ctx, loc, "comment indented to column %lld, more than one "
                  "unit in from its block's opener (column %lld)",
                  (long long)actual + 1, (long long)w->previous_indent + 1);
    }
}

static void walk_line(pt_rule_ctx *ctx, const pt_unit *unit,
                      const indent_profile *p, walk_state *w, uint32_t n)
{
    const pt_line *line = pt_unit_line(unit, n);
    uint32_t d = line->depth;
    if (line->kind == PT_LINE_COMMENT && w->check_comments) {
        walk_comment(ctx, unit, p, w, n);
        return;
    }
    if (line->kind == PT_LINE_LABEL && d < MAX_DEPTH) {
        w->label[d] = line->indent_width;
        w->sibling[d] = -1;
        if (d + 1 < MAX_DEPTH) {
            w->opener[d + 1] = line->indent_width;  /* `case X: {` */
        }
        return;
    }
    if (!line_counts(line)) {
        return;
    }
    pt_loc loc = {n, 1, line->start};
    int64_t actual = line->indent_width;
    if (!check_characters(ctx, p, line, loc) && d > 0 && p->unit > 0) {
        int64_t expected = expected_indent(w, p, d, actual,
                                           closes_block(unit, line));
        if (expected >= 0 && expected != actual) {
            report_step(ctx, p, loc, actual, expected);
        }
    }
    if (w->sibling[d] < 0 || w->previous_depth < d) {
        w->sibling[d] = actual;
    }
    if (d + 1 < MAX_DEPTH) {
        w->opener[d + 1] = actual;
        w->sibling[d + 1] = -1;
        w->label[d + 1] = -1;
    }
    w->previous_depth = d;
    w->previous_indent = actual;
}

/* The first line with a parse error in a Python unit: what follows has
   no reliable block depth.  UINT32_MAX when there is none. */
static uint32_t first_error_line(const pt_unit *unit)
{
    uint32_t first = UINT32_MAX;
    const pt_loc *errors = unit->errors.items;
    for (uint32_t i = 0; unit->language == PT_LANG_PYTHON &&
                         i < unit->errors.len; i++) {
        first = errors[i].line < first ? errors[i].line : first;
    }
    return first;
}

static void check_indentation(pt_rule_ctx *ctx, const pt_unit *unit)
{
    indent_profile profile = {0};
    measure_profile(unit, &profile);
    walk_state walk;
    memset(&walk, -1, sizeof(walk));
    walk.opener[0] = 0;
    walk.previous_depth = 0;
    walk.check_comments = pt_option_bool(ctx, "check-comments");
    walk.next_code = 0;
    uint32_t stop = first_error_line(unit);
    for (uint32_t n = 1; n <= unit->lines.len && n < stop; n++) {
        walk_line(ctx, unit, &profile, &walk, n);
    }
}

const pt_rule pt_rule_inconsistent_indentation = {
    .id = "inconsistent-indentation",
    .summary = "Mixed tabs and spaces, or an indent step that differs from "
               "the file's unit.",
    .severity = PT_SEV_WARNING,
    .languages = PT_LANGS_ALL,
    .enabled = true,
    .options = indentation_options,
    .check_unit = check_indentation,
};
