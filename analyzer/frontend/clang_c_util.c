/*
 * clang_c_util.c - small helpers of the libclang frontend: children,
 * positions, text, tokens, macro lookup and the decl position map.
 */
#include "frontend/clang_c_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum CXChildVisitResult collect_child(CXCursor cursor, CXCursor parent,
                                             CXClientData data)
{
    (void)parent;
    cc_children *out = data;
    if (out->len == out->cap) {
        unsigned cap = out->cap * 2;
        CXCursor *items = malloc(cap * sizeof(CXCursor));
        if (items == NULL) {
            return CXChildVisit_Break;
        }
        memcpy(items, out->items, out->len * sizeof(CXCursor));
        if (out->items != out->local) {
            free(out->items);
        }
        out->items = items;
        out->cap = cap;
    }
    out->items[out->len++] = cursor;
    return CXChildVisit_Continue;
}

void cc_children_of(CXCursor parent, cc_children *out)
{
    out->items = out->local;
    out->len = 0;
    out->cap = sizeof(out->local) / sizeof(out->local[0]);
    clang_visitChildren(parent, collect_child, out);
}

void cc_children_free(cc_children *children)
{
    if (children->items != children->local) {
        free(children->items);
    }
    children->items = children->local;
    children->len = 0;
}

/* Offset of where a location is expanded, when that is the main file. */
bool cc_offset(const cc_ctx *c, CXSourceLocation loc, uint32_t *offset)
{
    CXFile file = NULL;
    unsigned line = 0, col = 0, off = 0;
    clang_getExpansionLocation(loc, &file, &line, &col, &off);
    if (file == NULL || !clang_File_isEqual(file, c->file) ||
        off > c->unit->length) {
        return false;
    }
    *offset = off;
    return true;
}

/* Offset of where a location is spelled (macro arguments: in the call). */
bool cc_file_offset(const cc_ctx *c, CXSourceLocation loc, uint32_t *offset)
{
    CXFile file = NULL;
    unsigned line = 0, col = 0, off = 0;
    clang_getFileLocation(loc, &file, &line, &col, &off);
    if (file == NULL || !clang_File_isEqual(file, c->file) ||
        off > c->unit->length) {
        return false;
    }
    *offset = off;
    return true;
}

/* Where a location is in the main file: a token of a macro argument where
   it is spelled in the call, anything else where it is expanded. */
static bool best_offset(const cc_ctx *c, CXSourceLocation loc,
                        uint32_t *offset)
{
    if (!cc_offset(c, loc, offset)) {
        return false;
    }
    uint32_t spelled = 0;
    const cc_macro *m = cc_macro_at(c, *offset);
    if (m != NULL && cc_file_offset(c, loc, &spelled) && spelled > m->start &&
        spelled <= m->end) {
        *offset = spelled;
    }
    return true;
}

bool cc_extent(const cc_ctx *c, CXCursor cursor, uint32_t *start,
               uint32_t *end)
{
    CXSourceRange range = clang_getCursorExtent(cursor);
    if (!best_offset(c, clang_getRangeStart(range), start) ||
        !best_offset(c, clang_getRangeEnd(range), end)) {
        return false;
    }
    if (*end < *start) {
        *end = *start;
    }
    return true;
}

bool cc_cursor_offset(const cc_ctx *c, CXCursor cursor, uint32_t *offset)
{
    return best_offset(c, clang_getCursorLocation(cursor), offset);
}

pt_loc cc_loc(const cc_ctx *c, uint32_t offset)
{
    return pt_unit_loc_at(c->unit, offset);
}

const char *cc_text(const cc_ctx *c, uint32_t start, uint32_t end)
{
    if (end > c->unit->length) {
        end = c->unit->length;
    }
    if (start > end) {
        start = end;
    }
    return pt_arena_strndup(c->unit->arena, c->unit->text + start,
                            end - start);
}

const char *cc_spelling(const cc_ctx *c, CXCursor cursor)
{
    CXString s = clang_getCursorSpelling(cursor);
    const char *text = clang_getCString(s);
    char *copy = pt_arena_strdup(c->unit->arena, text != NULL ? text : "");
    clang_disposeString(s);
    return copy;
}

/* Index of the first token that starts at or after `offset`. */
uint32_t cc_token_at(const cc_ctx *c, uint32_t offset)
{
    uint32_t lo = 0, hi = c->ntokens;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->tokens[mid].start < offset) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

bool cc_token_is(const cc_ctx *c, uint32_t index, const char *text)
{
    if (index >= c->ntokens) {
        return false;
    }
    const cc_token *t = &c->tokens[index];
    size_t n = strlen(text);
    return t->end - t->start == n &&
           memcmp(c->unit->text + t->start, text, n) == 0;
}

/* Skips parentheses and implicit (unexposed) wrappers with one child. */
CXCursor cc_strip(CXCursor cursor)
{
    for (int guard = 0; guard < 256; guard++) {
        enum CXCursorKind kind = clang_getCursorKind(cursor);
        if (kind != CXCursor_ParenExpr && kind != CXCursor_UnexposedExpr) {
            break;
        }
        CXCursor inner;
        if (!cc_first_expr(cursor, &inner)) {
            break;
        }
        cc_children kids;
        cc_children_of(cursor, &kids);
        unsigned n = kids.len;
        cc_children_free(&kids);
        if (n != 1) {
            break;
        }
        cursor = inner;
    }
    return cursor;
}

bool cc_first_expr(CXCursor parent, CXCursor *out)
{
    cc_children kids;
    cc_children_of(parent, &kids);
    bool found = false;
    for (unsigned i = 0; i < kids.len; i++) {
        if (clang_isExpression(clang_getCursorKind(kids.items[i]))) {
            *out = kids.items[i];
            found = true;
            break;
        }
    }
    cc_children_free(&kids);
    return found;
}

/* The macro expansion whose range holds `offset`, or NULL. */
const cc_macro *cc_macro_at(const cc_ctx *c, uint32_t offset)
{
    uint32_t lo = 0, hi = c->nmacros;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->macros[mid].start <= offset) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == 0) {
        return NULL;
    }
    const cc_macro *m = &c->macros[lo - 1];
    return offset < m->end ? m : NULL;
}

static uint32_t map_hash(uint32_t key)
{
    key ^= key >> 16;
    key *= 0x7feb352dU;
    key ^= key >> 15;
    return key;
}

void cc_map_put(cc_ctx *c, uint32_t key, int32_t value)
{
    if ((c->map_len + 1) * 2 > c->map_cap) {
        uint32_t cap = c->map_cap ? c->map_cap * 2 : 256;
        uint32_t *keys = malloc(cap * sizeof(uint32_t));
        int32_t *vals = malloc(cap * sizeof(int32_t));
        if (keys == NULL || vals == NULL) {
            free(keys);
            free(vals);
            return;
        }
        memset(keys, 0xff, cap * sizeof(uint32_t));
        for (uint32_t i = 0; i < c->map_cap; i++) {
            if (c->map_keys[i] != UINT32_MAX) {
                uint32_t h = map_hash(c->map_keys[i]) & (cap - 1);
                while (keys[h] != UINT32_MAX) {
                    h = (h + 1) & (cap - 1);
                }
                keys[h] = c->map_keys[i];
                vals[h] = c->map_vals[i];
            }
        }
        free(c->map_keys);
        free(c->map_vals);
        c->map_keys = keys;
        c->map_vals = vals;
        c->map_cap = cap;
    }
    uint32_t h = map_hash(key) & (c->map_cap - 1);
    while (c->map_keys[h] != UINT32_MAX && c->map_keys[h] != key) {
        h = (h + 1) & (c->map_cap - 1);
    }
    if (c->map_keys[h] == UINT32_MAX) {
        c->map_len++;
    }
    c->map_keys[h] = key;
    c->map_vals[h] = value;
}

int32_t cc_map_get(const cc_ctx *c, uint32_t key)
{
    if (c->map_cap == 0) {
        return -1;
    }
    uint32_t h = map_hash(key) & (c->map_cap - 1);
    while (c->map_keys[h] != UINT32_MAX) {
        if (c->map_keys[h] == key) {
            return c->map_vals[h];
        }
        h = (h + 1) & (c->map_cap - 1);
    }
    return -1;
}

/* The decl index of a referenced declaration of the main file, or -1. */
int32_t cc_decl_of(const cc_ctx *c, CXCursor referenced)
{
    uint32_t off = 0;
    if (clang_Cursor_isNull(referenced) ||
        !cc_cursor_offset(c, referenced, &off)) {
        return -1;
    }
    return cc_map_get(c, off);
}

/* ---- decls by name ---- */

static uint32_t name_hash(const char *name)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        h = (h ^ *p) * 16777619u;
    }
    return h;
}

static const char *decl_name(const cc_ctx *c, int32_t d)
{
    return pt_unit_decl(c->unit, (uint32_t)d)->name;
}

/* The slot of `name`: its head, or the empty slot where it would go. */
static uint32_t name_slot(const cc_ctx *c, const char *name)
{
    uint32_t h = name_hash(name) & (c->name_cap - 1);
    while (c->name_heads[h] >= 0 &&
           strcmp(decl_name(c, c->name_heads[h]), name) != 0) {
        h = (h + 1) & (c->name_cap - 1);
    }
    return h;
}

static void names_oom(void)
{
    fprintf(stderr, "ptlint: out of memory\n");
    abort();
}

/* Indexes decl `decl` (just added) under its name. */
void cc_names_put(cc_ctx *c, int32_t decl)
{
    if ((uint32_t)decl >= c->name_next_cap) {
        uint32_t cap = c->name_next_cap ? c->name_next_cap * 2 : 256;
        while (cap <= (uint32_t)decl) {
            cap *= 2;
        }
        int32_t *next = realloc(c->name_next, cap * sizeof(int32_t));
        if (next == NULL) {
            names_oom();
        }
        c->name_next = next;
        c->name_next_cap = cap;
    }
    if ((c->name_len + 1) * 2 > c->name_cap) {
        uint32_t old_cap = c->name_cap;
        int32_t *old = c->name_heads;
        c->name_cap = old_cap ? old_cap * 2 : 256;
        c->name_heads = malloc(c->name_cap * sizeof(int32_t));
        if (c->name_heads == NULL) {
            names_oom();
        }
        for (uint32_t i = 0; i < c->name_cap; i++) {
            c->name_heads[i] = -1;
        }
        for (uint32_t i = 0; i < old_cap; i++) {
            if (old[i] >= 0) {
                c->name_heads[name_slot(c, decl_name(c, old[i]))] = old[i];
            }
        }
        free(old);
    }
    uint32_t h = name_slot(c, decl_name(c, decl));
    if (c->name_heads[h] < 0) {
        c->name_len++;
    }
    c->name_next[decl] = c->name_heads[h];
    c->name_heads[h] = decl;
}

/* The newest decl named `name`, or -1; older ones by cc_names_next. */
int32_t cc_names_first(const cc_ctx *c, const char *name)
{
    if (c->name_cap == 0 || name == NULL) {
        return -1;
    }
    return c->name_heads[name_slot(c, name)];
}

int32_t cc_names_next(const cc_ctx *c, int32_t decl)
{
    return c->name_next[decl];
}
