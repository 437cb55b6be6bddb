/*
 * config_position.c - an offset inside a custom rule's query, mapped
 * back to the line and column of the .ptlint.yaml that holds it (block
 * `|`/`>` scalars and quoted or plain flow scalars), so an error in a
 * query points into the user's file.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "config/config.h"

/* The byte offset of 1-based (line, col) in `text`; col counts chars. */
static size_t offset_of(const char *text, uint32_t line, uint32_t col)
{
    size_t p = 0;
    for (uint32_t l = 1; l < line && text[p] != '\0'; p++) {
        l += text[p] == '\n';
    }
    for (uint32_t c = 1; c < col && text[p] != '\0' && text[p] != '\n';
         c++) {
        p++;
        while (((unsigned char)text[p] & 0xC0) == 0x80) {
            p++;
        }
    }
    return p;
}

/* The 1-based line and column (bytes) of offset `p` of `text`. */
static void position_of(const char *text, size_t p, uint32_t *line,
                        uint32_t *col)
{
    uint32_t l = 1;
    size_t start = 0;
    for (size_t i = 0; i < p && text[i] != '\0'; i++) {
        if (text[i] == '\n') {
            l++;
            start = i + 1;
        }
    }
    *line = l;
    *col = (uint32_t)(p - start + 1);
}

/* The number of leading spaces of the line at `p`. */
static size_t indent_at(const char *text, size_t p)
{
    size_t n = 0;
    while (text[p + n] == ' ') {
        n++;
    }
    return n;
}

/* Offset `offset` of a block scalar (`|` or `>`) whose indicator is at p. */
static size_t block_position(const char *text, size_t p, uint32_t offset)
{
    bool folded = text[p] == '>';
    size_t line_start = p;
    while (line_start > 0 && text[line_start - 1] != '\n') {
        line_start--;
    }
    size_t parent = indent_at(text, line_start);
    size_t explicit_indent = 0;
    for (size_t q = p + 1; text[q] >= '0' && text[q] <= '9'; q++) {
        explicit_indent = (size_t)(text[q] - '0');
    }
    p += strcspn(text + p, "\n");
    p += text[p] == '\n';
    size_t first = p;
    while (text[first] != '\0' && text[first + indent_at(text, first)] == '\n') {
        first += indent_at(text, first) + 1;
    }
    size_t indent = explicit_indent ? parent + explicit_indent
                                    : indent_at(text, first);
    uint32_t v = 0;
    bool fold_next = false;     /* a folded break after a plain line */
    while (text[p] != '\0') {
        size_t len = strcspn(text + p, "\n");
        bool blank = indent_at(text, p) >= len;
        if (blank) {
            v += 1 - fold_next;
            fold_next = false;
        } else {
            size_t body = len > indent ? len - indent : 0;
            if (offset <= v + body) {
                return p + indent + (offset - v);
            }
            v += (uint32_t)body + 1;
            fold_next = folded && indent_at(text, p) == indent;
        }
        p += len + (text[p + len] == '\n');
    }
    return p;
}

/* The bytes the escape at `s` (after the backslash) stands for and the
   source bytes it takes, backslash included. */
static void escape_size(const char *s, uint32_t *produced, size_t *taken)
{
    unsigned long code = 0;
    size_t digits = s[0] == 'x' ? 2 : s[0] == 'u' ? 4 : s[0] == 'U' ? 8 : 0;
    for (size_t i = 1; i <= digits && s[i] != '\0'; i++) {
        char c = s[i];
        code = code * 16 + (unsigned long)(c <= '9' ? c - '0'
                                                    : (c | 0x20) - 'a' + 10);
    }
    *taken = 2 + digits;
    *produced = digits == 0 || code < 0x80 ? 1 : code < 0x800 ? 2
                : code < 0x10000 ? 3 : 4;
}

/* Skips the blank lines and the indentation after the line break at
   *p; returns the number of blank lines passed. */
static uint32_t skip_break(const char *text, size_t *p)
{
    uint32_t blank = 0;
    size_t q = *p + 1;
    for (;;) {
        while (text[q] == ' ' || text[q] == '\t') {
            q++;
        }
        if (text[q] != '\n') {
            break;
        }
        blank++;
        q++;
    }
    *p = q;
    return blank;
}

/* Offset `offset` of a flow scalar (plain, '...' or "...") at p. */
static size_t flow_position(const char *text, size_t p, uint32_t offset)
{
    char quote = text[p] == '"' || text[p] == '\'' ? text[p] : 0;
    uint32_t v = 0;
    p += quote != 0;
    while (text[p] != '\0') {
        char ch = text[p];
        uint32_t produced = 1;
        size_t taken = 1;
        if (ch == '\n') {
            uint32_t blank = skip_break(text, &p);
            v += blank == 0 ? 1 : blank;
            continue;
        }
        if ((ch == ' ' || ch == '\t') &&
            text[p + strspn(text + p, " \t")] == '\n') {
            p += strspn(text + p, " \t");     /* trailing: folded away */
            continue;
        }
        if (quote == '\'' && ch == '\'') {
            if (text[p + 1] != '\'') {
                break;
            }
            taken = 2;
        } else if (quote == '"' && ch == '"') {
            break;
        } else if (quote == '"' && ch == '\\') {
            if (text[p + 1] == '\n') {
                p += 1;
                skip_break(text, &p);
                continue;
            }
            escape_size(text + p + 1, &produced, &taken);
        }
        if (offset < v + produced) {
            return p;
        }
        v += produced;
        p += taken;
    }
    return p;
}

void pt_custom_rule_position(const pt_custom_rule_spec *spec,
                             uint32_t offset, uint32_t *line, uint32_t *col)
{
    *line = spec->query_line;
    *col = spec->query_col;
    if (spec->yaml == NULL) {
        return;
    }
    size_t p = offset_of(spec->yaml, spec->query_line, spec->query_col);
    char style = spec->yaml[p];
    p = style == '|' || style == '>' ? block_position(spec->yaml, p, offset)
                                     : flow_position(spec->yaml, p, offset);
    position_of(spec->yaml, p, line, col);
}
