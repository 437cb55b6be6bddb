/*
 * unit.c - creating a unit: its text, line table and indentation facts.
 */
#include "ptlint/model.h"

#include <stdlib.h>
#include <string.h>

/* Fills in the leading-whitespace facts of one line. */
static void line_measure_indent(pt_line *line, const char *text)
{
    const char *p = text + line->start;
    const char *end = p + line->length;
    char previous = 0;
    uint32_t width = 0;
    if (line->start == 0 && line->length >= 3 &&
        memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;                 /* a UTF-8 byte order mark is not indent */
    }
    for (; p < end && (*p == ' ' || *p == '\t'); p++) {
        if (*p == ' ') {
            line->indent_spaces++;
            width++;
        } else {
            line->indent_tabs++;
            width = (width / 8 + 1) * 8;
        }
        if (previous != 0 && previous != *p) {
            line->mixed = 1;
        }
        previous = *p;
    }
    line->indent_width = width;
    bool blank = true;
    for (const char *q = p; q < end; q++) {
        if (*q != ' ' && *q != '\t' && *q != '\f' && *q != '\v') {
            blank = false;
            break;
        }
    }
    line->kind = blank ? PT_LINE_BLANK : PT_LINE_CODE;
}

/* Where the line that starts at `i` ends: the next '\n' or '\r', or the
   end of the text.  Text without a '\r' is searched with memchr. */
static uint32_t line_end(const char *text, uint32_t length, uint32_t i,
                         bool has_cr)
{
    if (!has_cr) {
        const char *nl = memchr(text + i, '\n', length - i);
        return nl != NULL ? (uint32_t)(nl - text) : length;
    }
    while (i < length && text[i] != '\n' && text[i] != '\r') {
        i++;
    }
    return i;
}

/* Splits the text into lines; "\n", "\r\n" and a lone "\r" end a line. */
static void unit_build_lines(pt_unit *unit)
{
    const char *text = unit->text;
    uint32_t length = unit->length;
    bool has_cr = memchr(text, '\r', length) != NULL;
    uint32_t start = 0;
    for (;;) {
        uint32_t i = line_end(text, length, start, has_cr);
        bool at_end = i == length;
        if (at_end && start == i && unit->lines.len > 0) {
            break;              /* no empty line after a final newline */
        }
        pt_line *line = pt_vec_push(unit->arena, &unit->lines,
                                    sizeof(pt_line));
        line->start = start;
        line->length = i - start;
        line_measure_indent(line, text);
        if (at_end) {
            break;
        }
        if (text[i] == '\r' && i + 1 < length && text[i + 1] == '\n') {
            i++;
        }
        start = i + 1;
    }
}

pt_unit *pt_unit_new(const char *path, pt_language language,
                     const char *text, size_t length)
{
    if (length >= UINT32_MAX) {
        return NULL;
    }
    pt_arena *arena = pt_arena_new();
    if (arena == NULL) {
        return NULL;
    }
    pt_unit *unit = pt_arena_alloc(arena, sizeof(pt_unit));
    unit->arena = arena;
    unit->path = pt_arena_strdup(arena, path);
    unit->language = language;
    unit->text = pt_arena_strndup(arena, text, length);
    unit->length = (uint32_t)length;
    size_t plen = strlen(path);
    unit->is_header = plen > 2 && strcmp(path + plen - 2, ".h") == 0;
    unit_build_lines(unit);
    return unit;
}

void pt_unit_free(pt_unit *unit)
{
    if (unit != NULL) {
        pt_arena_free(unit->arena);
    }
}

/*
 * Frontends ask for positions mostly in source order: the line of the
 * previous answer (per thread) is tried, then the next ones, before a
 * binary search.  The hint is only a guess; every answer is checked.
 */
typedef struct line_hint {
    /* cppcheck-suppress unusedStructMember ; a _Thread_local it misses */
    const pt_line *lines;       /* the line table the hint is for */
    /* cppcheck-suppress unusedStructMember */
    uint32_t index;             /* the line of the previous answer */
} line_hint;

static _Thread_local line_hint loc_hint;

static bool line_holds(const pt_line *lines, uint32_t n, uint32_t i,
                       uint32_t byte)
{
    return lines[i].start <= byte && (i + 1 == n || lines[i + 1].start > byte);
}

pt_loc pt_unit_loc_at(const pt_unit *unit, uint32_t byte)
{
    pt_loc loc = {1, 1, byte};
    uint32_t hi = unit->lines.len;
    const pt_line *lines = unit->lines.items;
    if (hi == 0) {
        return loc;
    }
    uint32_t found = UINT32_MAX;
    if (loc_hint.lines == lines && loc_hint.index < hi) {
        for (uint32_t i = loc_hint.index; i < hi && i < loc_hint.index + 4;
             i++) {
            if (line_holds(lines, hi, i, byte)) {
                found = i;
                break;
            }
        }
    }
    if (found == UINT32_MAX) {
        uint32_t lo = 0;
        while (hi - lo > 1) {
            uint32_t mid = lo + (hi - lo) / 2;
            if (lines[mid].start <= byte) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        found = lo;
    }
    loc_hint.lines = lines;
    loc_hint.index = found;
    loc.line = found + 1;
    loc.col = byte - lines[found].start + 1;
    return loc;
}

const char *pt_unit_line_text(const pt_unit *unit, uint32_t line1,
                              uint32_t *length)
{
    if (line1 == 0 || line1 > unit->lines.len) {
        *length = 0;
        return "";
    }
    const pt_line *line = pt_unit_line(unit, line1);
    *length = line->length;
    return unit->text + line->start;
}

uint32_t pt_function_add_block(pt_unit *unit, pt_function *fn)
{
    pt_block *block = pt_vec_push(unit->arena, &fn->blocks,
                                  sizeof(pt_block));
    block->handler = -1;
    block->term = PT_TERM_RETURN;
    return fn->blocks.len - 1;
}
