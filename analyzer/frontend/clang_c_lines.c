/*
 * clang_c_lines.c - comments, doc comments, and each line's kind and depth,
 * computed from the main file's raw tokens (docs/model.md, "Lines").
 */
#include "frontend/clang_c_internal.h"

#include <stdlib.h>
#include <string.h>

void cc_comments(cc_ctx *c)
{
    for (uint32_t i = 0; i < c->ntokens; i++) {
        const cc_token *t = &c->tokens[i];
        if (t->kind != CXToken_Comment) {
            continue;
        }
        pt_comment *cm = pt_vec_push(c->unit->arena, &c->unit->comments,
                                     sizeof(pt_comment));
        cm->start = cc_loc(c, t->start);
        cm->end = cc_loc(c, t->end > t->start ? t->end - 1 : t->start);
        cm->text = cc_text(c, t->start, t->end);
    }
}

/* The text of the comment that ends on line `line1 - 1`, or NULL. */
const char *cc_doc_for_line(const cc_ctx *c, uint32_t line1)
{
    const pt_unit *u = c->unit;
    uint32_t lo = 0, hi = u->comments.len;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (pt_unit_comment(u, mid)->end.line < line1) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == 0) {
        return NULL;
    }
    const pt_comment *cm = pt_unit_comment(u, lo - 1);
    if (cm->end.line + 1 != line1) {
        return NULL;
    }
    /* a doc comment stands alone: a trailing comment on a code line (or
       one followed by code) documents that line, not the next */
    const pt_line *first = pt_unit_line(u, cm->start.line);
    const pt_line *last = pt_unit_line(u, cm->end.line);
    uint32_t from = first->start;
    if (from == 0 && u->length >= 3 &&
        memcmp(u->text, "\xEF\xBB\xBF", 3) == 0) {
        from = 3;               /* a UTF-8 byte order mark is no code */
    }
    for (uint32_t b = from; b < cm->start.byte; b++) {
        if (u->text[b] != ' ' && u->text[b] != '\t') {
            return NULL;
        }
    }
    for (uint32_t b = cm->end.byte + 1; b < last->start + last->length; b++) {
        if (u->text[b] != ' ' && u->text[b] != '\t') {
            return NULL;
        }
    }
    return cm->text;
}

/* ---- line kinds and depths ---- */

enum { BR_BLOCK, BR_RECORD, BR_INIT };

typedef struct line_state {
    uint8_t *braces;            /* kinds of open braces */
    uint32_t nbraces;
    uint32_t cap;
    uint32_t depth;             /* block depth (init braces excluded) */
    uint32_t virt;              /* open braceless bodies */
    uint32_t *virt_at;          /* nbraces when each was opened */
    uint32_t vcap;
    uint32_t paren;             /* open ( and [ */
    bool control_paren[64];     /* ( after if/for/while/switch, by level */
    uint32_t prev;              /* previous significant token, or NONE */
    bool prev_ends_stmt;        /* prev token closes a statement head */
    bool in_case;               /* saw case/default; next ':' ends label */
    bool pending_body;          /* a braceless body may start now */
} line_state;

static bool tok(const cc_ctx *c, uint32_t i, const char *s)
{
    return cc_token_is(c, i, s);
}

static void push_brace(line_state *s, uint8_t kind)
{
    if (s->nbraces == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 64;
        uint8_t *b = realloc(s->braces, cap);
        if (b == NULL) {
            return;
        }
        s->braces = b;
        s->cap = cap;
    }
    s->braces[s->nbraces++] = kind;
    if (kind != BR_INIT) {
        s->depth++;
    }
}

static void push_virtual(line_state *s)
{
    if (s->virt == s->vcap) {
        uint32_t cap = s->vcap ? s->vcap * 2 : 16;
        uint32_t *v = realloc(s->virt_at, cap * sizeof(uint32_t));
        if (v == NULL) {
            return;
        }
        s->virt_at = v;
        s->vcap = cap;
    }
    s->virt_at[s->virt++] = s->nbraces;
}

/* Closes the braceless bodies that end with a statement at this level. */
static void pop_virtual(line_state *s)
{
    while (s->virt > 0 && s->virt_at[s->virt - 1] == s->nbraces) {
        s->virt--;
    }
}

/* Kind of the brace at token i: record body, initializer or block. */
static uint8_t brace_kind(const cc_ctx *c, uint32_t i, uint32_t prev)
{
    if (prev == CC_NONE) {
        return BR_BLOCK;
    }
    if (tok(c, prev, "=") || tok(c, prev, ",") || tok(c, prev, "(") ||
        tok(c, prev, "[")) {
        return BR_INIT;
    }
    if (tok(c, prev, "{")) {
        return BR_INIT;         /* only inside initializers in practice */
    }
    /* `extern "C" {` (C++ headers, often in an inactive #ifdef): its
       declarations stay at file level, as tree-sitter reads them */
    if (c->tokens[prev].kind == CXToken_Literal && prev > 0 &&
        tok(c, prev - 1, "extern")) {
        return BR_INIT;
    }
    /* struct/union/enum [name] { */
    for (uint32_t k = 0, j = prev; k < 2 && j != CC_NONE; k++) {
        if (tok(c, j, "struct") || tok(c, j, "union") || tok(c, j, "enum")) {
            return BR_RECORD;
        }
        if (c->tokens[j].kind != CXToken_Identifier) {
            break;
        }
        j = j > 0 ? j - 1 : CC_NONE;
        while (j != CC_NONE && c->tokens[j].kind == CXToken_Comment) {
            j = j > 0 ? j - 1 : CC_NONE;
        }
    }
    (void)i;
    return BR_BLOCK;
}

/* Whether a line whose first token follows `prev` continues a statement. */
static bool is_continuation(const cc_ctx *c, const line_state *s,
                            uint32_t first)
{
    uint32_t p = s->prev;
    if (p == CC_NONE || s->prev_ends_stmt) {
        return false;
    }
    if (s->nbraces > 0 && s->braces[s->nbraces - 1] == BR_INIT) {
        return true;
    }
    if (tok(c, first, "{") || tok(c, first, "}")) {
        return false;
    }
    if (tok(c, p, ";") || tok(c, p, "{") || tok(c, p, "}")) {
        return false;
    }
    if (s->nbraces > 0 && s->braces[s->nbraces - 1] == BR_RECORD &&
        tok(c, p, ",") && s->paren == 0) {
        return false;           /* next enumerator */
    }
    return true;
}

/* Marks preprocessor lines (and their backslash tails). */
static void mark_preprocessor(cc_ctx *c, uint8_t *pp)
{
    pt_unit *u = c->unit;
    bool tail = false;
    for (uint32_t l = 1; l <= u->lines.len; l++) {
        pt_line *line = pt_unit_line(u, l);
        const char *t = u->text + line->start;
        uint32_t i = 0;
        while (i < line->length && (t[i] == ' ' || t[i] == '\t')) {
            i++;
        }
        bool start = !tail && i < line->length && t[i] == '#';
        if (start || tail) {
            pp[l - 1] = 1;
            line->kind = PT_LINE_PREPROCESSOR;
            tail = line->length > 0 && t[line->length - 1] == '\\';
        }
    }
}

/*
 * Lines of #if branches the preprocessor skipped: libclang sees no code
 * there, so they are left alone like directives.  Their braces must not
 * count either: `#if A / if (a) { / #else / if (b) { / #endif` opens one
 * block, not two.
 */
static void mark_skipped(cc_ctx *c, uint8_t *pp)
{
    pt_unit *u = c->unit;
    CXSourceRangeList *ranges = clang_getSkippedRanges(c->tu, c->file);
    for (unsigned r = 0; ranges != NULL && r < ranges->count; r++) {
        uint32_t start = 0, end = 0;
        if (!cc_file_offset(c, clang_getRangeStart(ranges->ranges[r]),
                            &start) ||
            !cc_file_offset(c, clang_getRangeEnd(ranges->ranges[r]), &end)) {
            continue;
        }
        uint32_t first = cc_loc(c, start).line;
        uint32_t last = cc_loc(c, end).line;
        for (uint32_t l = first; l >= 1 && l <= last && l <= u->lines.len;
             l++) {
            pt_line *line = pt_unit_line(u, l);
            if (line->kind != PT_LINE_PREPROCESSOR) {
                line->kind = PT_LINE_INACTIVE;
            }
            pp[l - 1] = 1;
        }
    }
    if (ranges != NULL) {
        clang_disposeSourceRangeList(ranges);
    }
}

static void mark_comment_lines(cc_ctx *c, const uint8_t *pp)
{
    pt_unit *u = c->unit;
    for (uint32_t i = 0; i < c->ntokens; i++) {
        const cc_token *t = &c->tokens[i];
        if (t->kind != CXToken_Comment) {
            continue;
        }
        pt_loc a = cc_loc(c, t->start);
        pt_loc b = cc_loc(c, t->end > t->start ? t->end - 1 : t->start);
        for (uint32_t l = a.line; l <= b.line && l <= u->lines.len; l++) {
            pt_line *line = pt_unit_line(u, l);
            if (pp[l - 1] || line->kind == PT_LINE_BLANK) {
                continue;
            }
            /* only a comment: nothing but whitespace outside it */
            uint32_t first = line->start;
            uint32_t last = line->start + line->length;
            while (first < last && (u->text[first] == ' ' ||
                                    u->text[first] == '\t')) {
                first++;
            }
            while (last > first && (u->text[last - 1] == ' ' ||
                                    u->text[last - 1] == '\t' ||
                                    u->text[last - 1] == '\r')) {
                last--;
            }
            if (first >= t->start && last <= t->end) {
                line->kind = PT_LINE_COMMENT;
            } else if (line->kind == PT_LINE_COMMENT) {
                line->kind = PT_LINE_CODE;
            }
        }
    }
}

/* Handles one significant token for the brace/paren/statement state. */
static void step(cc_ctx *c, line_state *s, uint32_t i)
{
    bool was_pending = s->pending_body;
    s->pending_body = false;
    s->prev_ends_stmt = false;
    if (was_pending && !tok(c, i, "{") && !tok(c, i, ";") &&
        !(tok(c, i, "if") && s->prev != CC_NONE && tok(c, s->prev, "else"))) {
        push_virtual(s);
    }
    if (tok(c, i, "(") || tok(c, i, "[")) {
        bool ctl = s->prev != CC_NONE && tok(c, i, "(") &&
                   (tok(c, s->prev, "if") || tok(c, s->prev, "for") ||
                    tok(c, s->prev, "while") || tok(c, s->prev, "switch"));
        if (s->paren < 64) {
            s->control_paren[s->paren] = ctl;
        }
        s->paren++;
    } else if (tok(c, i, ")") || tok(c, i, "]")) {
        if (s->paren > 0) {
            s->paren--;
            if (s->paren < 64 && s->control_paren[s->paren] &&
                tok(c, i, ")")) {
                s->control_paren[s->paren] = false;
                s->pending_body = true;
                s->prev_ends_stmt = true;
            }
        }
    } else if (tok(c, i, "{")) {
        push_brace(s, brace_kind(c, i, s->prev));
    } else if (tok(c, i, "}")) {
        if (s->nbraces > 0) {
            if (s->braces[--s->nbraces] != BR_INIT && s->depth > 0) {
                s->depth--;
            }
        }
        s->paren = 0;
        if (s->nbraces == 0 || s->braces[s->nbraces - 1] != BR_INIT) {
            pop_virtual(s);
        }
    } else if (tok(c, i, ";")) {
        if (s->paren == 0) {
            pop_virtual(s);
        }
    } else if (tok(c, i, "else") || tok(c, i, "do")) {
        s->pending_body = true;
        s->prev_ends_stmt = true;
    } else if (tok(c, i, "case") || tok(c, i, "default")) {
        s->in_case = true;
    } else if (tok(c, i, ":") && s->in_case && s->paren == 0) {
        s->in_case = false;
        s->prev_ends_stmt = true;
    }
    s->prev = i;
}

/* Whether the line starting with token i is a `label:` line. */
static bool is_label(const cc_ctx *c, const line_state *s, uint32_t i)
{
    if (tok(c, i, "case") || tok(c, i, "default")) {
        return true;
    }
    return s->nbraces > 0 && s->braces[s->nbraces - 1] == BR_BLOCK &&
           c->tokens[i].kind == CXToken_Identifier && tok(c, i + 1, ":") &&
           !tok(c, i + 2, ":") && s->paren == 0 &&
           (s->prev == CC_NONE || tok(c, s->prev, ";") ||
            tok(c, s->prev, "{") || tok(c, s->prev, "}") ||
            s->prev_ends_stmt);
}

void cc_lines(cc_ctx *c)
{
    pt_unit *u = c->unit;
    uint8_t *pp = calloc(u->lines.len + 1, 1);
    if (pp == NULL) {
        return;
    }
    mark_preprocessor(c, pp);
    mark_skipped(c, pp);
    mark_comment_lines(c, pp);
    line_state s = {0};
    s.prev = CC_NONE;
    uint32_t line = 0;
    for (uint32_t i = 0; i < c->ntokens; i++) {
        const cc_token *t = &c->tokens[i];
        pt_loc at = cc_loc(c, t->start);
        if (t->kind == CXToken_Comment) {
            pt_loc to = cc_loc(c, t->end > t->start ? t->end - 1 : t->start);
            for (uint32_t l2 = at.line; l2 <= to.line && l2 <= u->lines.len;
                 l2++) {
                pt_line *cl = pt_unit_line(u, l2);
                if (l2 > line && cl->kind == PT_LINE_COMMENT) {
                    uint32_t d = s.depth + s.virt + (s.pending_body ? 1 : 0);
                    cl->depth = (uint16_t)(d > UINT16_MAX ? UINT16_MAX : d);
                }
            }
            continue;
        }
        if (at.line <= u->lines.len && pp[at.line - 1]) {
            continue;
        }
        if (at.line != line) {
            line = at.line;
            pt_line *l = pt_unit_line(u, line);
            uint32_t depth = s.depth + s.virt;
            if (tok(c, i, "}") && s.nbraces > 0 &&
                s.braces[s.nbraces - 1] != BR_INIT && depth > 0) {
                depth--;
            }
            if (s.pending_body && !tok(c, i, "{")) {
                depth++;
            }
            l->depth = (uint16_t)(depth > UINT16_MAX ? UINT16_MAX : depth);
            if (is_label(c, &s, i)) {
                l->kind = PT_LINE_LABEL;
            } else if (is_continuation(c, &s, i)) {
                l->kind = PT_LINE_CONTINUATION;
            } else {
                l->kind = PT_LINE_CODE;
            }
            if (l->kind == PT_LINE_LABEL && !tok(c, i, "case") &&
                !tok(c, i, "default")) {
                step(c, &s, i);
                step(c, &s, i + 1);
                s.prev_ends_stmt = true;
                i++;
                continue;
            }
        }
        /* tokens spanning lines: strings continue, others are code */
        pt_loc end = cc_loc(c, t->end > t->start ? t->end - 1 : t->start);
        for (uint32_t l2 = at.line + 1; l2 <= end.line && l2 <= u->lines.len;
             l2++) {
            pt_unit_line(u, l2)->kind = t->kind == CXToken_Literal
                                            ? PT_LINE_STRING
                                            : PT_LINE_CONTINUATION;
            pt_unit_line(u, l2)->depth = pt_unit_line(u, at.line)->depth;
        }
        step(c, &s, i);
    }
    free(s.braces);
    free(s.virt_at);
    free(pp);
}
