/*
 * clang_c_decls.c - declarations of the main file: functions, globals,
 * tags, fields, typedefs, enumerators and macros (docs/model.md).
 */
#include "frontend/clang_c_internal.h"

#include <stdlib.h>
#include <string.h>

static bool is_pointer_type(CXType t)
{
    return t.kind == CXType_Pointer || t.kind == CXType_ConstantArray ||
           t.kind == CXType_IncompleteArray ||
           t.kind == CXType_VariableArray ||
           t.kind == CXType_DependentSizedArray;
}

/* Removes qualifiers and tag keywords from a type spelling. */
static const char *clean_type_name(cc_ctx *c, const char *s)
{
    static const char *const words[] = {"const ", "volatile ", "restrict ",
                                        "struct ", "union ", "enum "};
    bool again = true;
    while (again) {
        again = false;
        for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
            size_t n = strlen(words[i]);
            if (strncmp(s, words[i], n) == 0) {
                s += n;
                again = true;
            }
        }
    }
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '*')) {
        len--;
    }
    if (len == 0 || strchr(s, '(') != NULL) {
        return NULL;
    }
    return pt_arena_strndup(c->unit->arena, s, len);
}

/* The struct/typedef name of a record type (through one pointer level or
   array when asked), spelled as written; NULL when not a named record. */
const char *cc_owner_of_type(cc_ctx *c, CXType type, bool through_pointer)
{
    if (through_pointer) {
        if (type.kind == CXType_Pointer) {
            type = clang_getPointeeType(type);
        } else if (is_pointer_type(type)) {
            type = clang_getArrayElementType(type);
        }
    }
    if (type.kind == CXType_Elaborated) {
        type = clang_Type_getNamedType(type);
    }
    if (type.kind == CXType_Typedef) {
        CXString s = clang_getTypedefName(type);
        const char *name = pt_arena_strdup(c->unit->arena,
                                           clang_getCString(s));
        clang_disposeString(s);
        return name;
    }
    if (type.kind != CXType_Record) {
        return NULL;
    }
    CXCursor decl = clang_getTypeDeclaration(type);
    if (clang_Cursor_isAnonymous(decl)) {
        return NULL;
    }
    CXString s = clang_getTypeSpelling(type);
    const char *name = clean_type_name(c, clang_getCString(s));
    clang_disposeString(s);
    return name;
}

/* Doc comment above the declaration (or its first line). */
static const char *doc_of(cc_ctx *c, CXCursor cursor)
{
    uint32_t start = 0, end = 0;
    if (!cc_extent(c, cursor, &start, &end)) {
        return NULL;
    }
    return cc_doc_for_line(c, cc_loc(c, start).line);
}

/*
 * A K&R definition (`int f(a, b) int a; char *b; {...}`): libclang gives
 * it a prototype type, but its parameters are declared after the `)` that
 * closes the parameter list.  `name_off` is the offset of the name.
 */
static bool is_kr_definition(cc_ctx *c, CXCursor fn, uint32_t name_off)
{
    if (!clang_isCursorDefinition(fn) ||
        clang_Cursor_getNumArguments(fn) <= 0) {
        return false;
    }
    uint32_t i = cc_token_at(c, name_off) + 1;
    if (!cc_token_is(c, i, "(")) {
        return false;
    }
    int depth = 0;
    for (; i < c->ntokens; i++) {
        depth += cc_token_is(c, i, "(") ? 1 : cc_token_is(c, i, ")") ? -1 : 0;
        if (depth == 0) {
            break;
        }
    }
    if (i >= c->ntokens) {
        return false;
    }
    uint32_t close = c->tokens[i].start;
    CXCursor first = clang_Cursor_getArgument(fn, 0);
    uint32_t s = 0, e = 0;
    return cc_extent(c, first, &s, &e) && s > close;
}

/* `__attribute__((unused))` or `[[maybe_unused]]` among the tokens of a
   variable's or parameter's declaration. */
static bool has_unused_attribute(cc_ctx *c, CXCursor cursor)
{
    uint32_t s = 0, e = 0;
    if (!cc_extent(c, cursor, &s, &e)) {
        return false;
    }
    for (uint32_t i = cc_token_at(c, s);
         i < c->ntokens && c->tokens[i].start < e; i++) {
        if (c->tokens[i].kind == CXToken_Identifier &&
            (cc_token_is(c, i, "unused") || cc_token_is(c, i, "__unused__") ||
             cc_token_is(c, i, "maybe_unused"))) {
            return true;
        }
    }
    return false;
}

int32_t cc_add_decl(cc_ctx *c, CXCursor cursor, pt_decl_kind kind,
                    int32_t function, const char *scope)
{
    uint32_t off = 0;
    if (!cc_cursor_offset(c, cursor, &off)) {
        return -1;
    }
    pt_unit *u = c->unit;
    pt_decl *d = pt_vec_push(u->arena, &u->decls, sizeof(pt_decl));
    int32_t index = (int32_t)u->decls.len - 1;
    d->kind = (uint8_t)kind;
    d->name = cc_spelling(c, cursor);
    cc_names_put(c, index);
    d->loc = cc_loc(c, off);
    d->function = function;
    d->scope = scope;
    d->has_type = true;
    CXType type = clang_getCursorType(cursor);
    if (kind != PT_DECL_MACRO && kind != PT_DECL_TYPE) {
        CXString ts = clang_getTypeSpelling(type);
        d->type_text = pt_arena_strdup(u->arena, clang_getCString(ts));
        clang_disposeString(ts);
    }
    d->is_pointer = is_pointer_type(type);
    d->is_const_qualified = clang_isConstQualifiedType(type) != 0;
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(cursor);
    switch (kind) {
    case PT_DECL_FUNCTION:
        d->is_public = sc != CX_SC_Static;
        d->is_definition = clang_isCursorDefinition(cursor) != 0;
        d->has_prototype = type.kind == CXType_FunctionProto &&
                           !is_kr_definition(c, cursor, off);
        d->doc = doc_of(c, cursor);
        break;
    case PT_DECL_GLOBAL:
        d->is_public = sc != CX_SC_Static;
        d->doc = doc_of(c, cursor);
        break;
    case PT_DECL_LOCAL:
        d->is_static_local = sc == CX_SC_Static;
        /* declared by a macro (`Parse *pParse = ...` in a FETCH macro):
           the macro's user cannot drop it; clang does not warn either */
        d->marked_unused |= cc_macro_at(c, off) != NULL;
        break;
    case PT_DECL_PARAM:
        break;
    default:
        d->doc = doc_of(c, cursor);
        break;
    }
    if (kind == PT_DECL_PARAM || kind == PT_DECL_LOCAL ||
        kind == PT_DECL_GLOBAL || kind == PT_DECL_FIELD) {
        d->marked_unused = has_unused_attribute(c, cursor);
    }
    d->is_struct_member_of_header = kind == PT_DECL_FIELD && u->is_header;
    cc_map_put(c, off, index);
    return index;
}

static void walk_record(cc_ctx *c, CXCursor record, const char *scope,
                        int32_t function, unsigned depth);

/* The tag name of a struct/union/enum cursor, or NULL when anonymous. */
static const char *tag_name(cc_ctx *c, CXCursor cursor)
{
    if (clang_Cursor_isAnonymous(cursor)) {
        return NULL;
    }
    const char *name = cc_spelling(c, cursor);
    if (name[0] == '\0' || strchr(name, ' ') != NULL) {
        return NULL;
    }
    return name;
}

/* A struct/union/enum: its TYPE decl and its members. */
static void walk_tag(cc_ctx *c, CXCursor cursor, const char *typedef_name,
                     int32_t function, unsigned depth)
{
    const char *tag = tag_name(c, cursor);
    if (tag != NULL) {
        cc_add_decl(c, cursor, PT_DECL_TYPE, function, NULL);
    }
    walk_record(c, cursor, tag != NULL ? tag : typedef_name, function, depth);
}

static void walk_record(cc_ctx *c, CXCursor record, const char *scope,
                        int32_t function, unsigned depth)
{
    if (depth > 200) {
        return;
    }
    cc_children kids;
    cc_children_of(record, &kids);
    for (unsigned i = 0; i < kids.len; i++) {
        CXCursor k = kids.items[i];
        switch (clang_getCursorKind(k)) {
        case CXCursor_FieldDecl:
            cc_add_decl(c, k, PT_DECL_FIELD, function, scope);
            break;
        case CXCursor_EnumConstantDecl:
            cc_add_decl(c, k, PT_DECL_ENUM_CONST, function, NULL);
            break;
        case CXCursor_StructDecl:
        case CXCursor_UnionDecl:
        case CXCursor_EnumDecl:
            if (clang_isCursorDefinition(k)) {
                walk_tag(c, k, NULL, function, depth + 1);
            }
            break;
        default:
            break;
        }
    }
    cc_children_free(&kids);
}

/* The name a typedef next to an anonymous tag gives it, or NULL. */
static const char *typedef_for_anonymous(cc_ctx *c, CXCursor tag,
                                         const CXCursor *items, uint32_t n,
                                         uint32_t i)
{
    for (uint32_t k = i > 0 ? i - 1 : 0; k <= i + 1 && k < n; k++) {
        if (k == i || clang_getCursorKind(items[k]) != CXCursor_TypedefDecl) {
            continue;
        }
        CXType under = clang_getTypedefDeclUnderlyingType(items[k]);
        if (under.kind == CXType_Elaborated) {
            under = clang_Type_getNamedType(under);
        }
        CXCursor decl = clang_getTypeDeclaration(under);
        if (clang_equalCursors(clang_getCanonicalCursor(decl),
                               clang_getCanonicalCursor(tag))) {
            return cc_spelling(c, items[k]);
        }
    }
    return NULL;
}

/* Whether a tag without body is a declaration of its own: `struct s;`. */
static bool forward_decl(cc_ctx *c, CXCursor tag)
{
    uint32_t off = 0;
    if (!cc_cursor_offset(c, tag, &off)) {
        return false;
    }
    uint32_t i = cc_token_at(c, off) + 1;
    while (i < c->ntokens && c->tokens[i].kind == CXToken_Comment) {
        i++;
    }
    return cc_token_is(c, i, ";");
}

/* Declarations of one TU-level cursor of the main file. */
static void top_decl(cc_ctx *c, const CXCursor *items, uint32_t n,
                     uint32_t i)
{
    CXCursor k = items[i];
    switch (clang_getCursorKind(k)) {
    case CXCursor_FunctionDecl: {
        int32_t decl = cc_add_decl(c, k, PT_DECL_FUNCTION, -1, NULL);
        if (decl >= 0 && clang_isCursorDefinition(k)) {
            cc_function(c, k, decl);
        }
        break;
    }
    case CXCursor_VarDecl:
        cc_add_decl(c, k, PT_DECL_GLOBAL, -1, NULL);
        break;
    case CXCursor_StructDecl:
    case CXCursor_UnionDecl:
    case CXCursor_EnumDecl: {
        const char *tdname = NULL;
        if (tag_name(c, k) == NULL) {
            tdname = typedef_for_anonymous(c, k, items, n, i);
        }
        if (clang_isCursorDefinition(k)) {
            walk_tag(c, k, tdname, -1, 0);
        } else if (tag_name(c, k) != NULL && forward_decl(c, k)) {
            cc_add_decl(c, k, PT_DECL_TYPE, -1, NULL);
        }
        break;
    }
    case CXCursor_TypedefDecl:
        cc_add_decl(c, k, PT_DECL_TYPEDEF, -1, NULL);
        break;
    case CXCursor_MacroDefinition: {
        int32_t d = cc_add_decl(c, k, PT_DECL_MACRO, -1, NULL);
        if (d >= 0 && clang_Cursor_isMacroFunctionLike(k)) {
            pt_unit_decl(c->unit, (uint32_t)d)->is_function_like = true;
        }
        break;
    }
    default:
        break;
    }
}

typedef struct placed {
    uint32_t offset;
    uint32_t index;
} placed;

static int by_offset(const void *a, const void *b)
{
    const placed *x = a, *y = b;
    if (x->offset != y->offset) {
        return x->offset < y->offset ? -1 : 1;
    }
    return x->index < y->index ? -1 : x->index > y->index;
}

/* The TU's cursors of the main file in source order (libclang visits the
   preprocessing record before the declarations). */
void cc_top_level(cc_ctx *c)
{
    cc_children kids;
    cc_children_of(clang_getTranslationUnitCursor(c->tu), &kids);
    placed *order = malloc((kids.len + 1) * sizeof(placed));
    CXCursor *main = malloc((kids.len + 1) * sizeof(CXCursor));
    uint32_t n = 0;
    for (unsigned i = 0; order != NULL && main != NULL && i < kids.len; i++) {
        CXCursor k = kids.items[i];
        uint32_t s = 0, e = 0;
        enum CXCursorKind kind = clang_getCursorKind(k);
        if (kind == CXCursor_MacroExpansion ||
            kind == CXCursor_InclusionDirective ||
            !clang_Location_isFromMainFile(clang_getCursorLocation(k)) ||
            !cc_extent(c, k, &s, &e)) {
            continue;
        }
        order[n].offset = s;
        order[n].index = i;
        n++;
    }
    if (n > 0) {
        qsort(order, n, sizeof(placed), by_offset);
    }
    for (uint32_t i = 0; i < n; i++) {
        main[i] = kids.items[order[i].index];
    }
    for (uint32_t i = 0; i < n; i++) {
        top_decl(c, main, n, i);
    }
    free(order);
    free(main);
    cc_children_free(&kids);
}

/* ---- uses of functions, fields and macros (docs/model.md: reads) ---- */

/* A call of `name` or `name` used as a value: a read of every decl
   (prototype and definition) of the function in the file. */
void cc_count_function_use(cc_ctx *c, const char *name)
{
    if (name == NULL || c->uneval > 0) {
        return;
    }
    for (int32_t i = cc_names_first(c, name); i >= 0;
         i = cc_names_next(c, i)) {
        pt_decl *d = pt_unit_decl(c->unit, (uint32_t)i);
        if (d->kind == PT_DECL_FUNCTION) {
            d->reads++;
        }
    }
}

/* A field read or written through `a->f` / `a.f`. */
void cc_count_field_use(cc_ctx *c, CXCursor member, bool write)
{
    int32_t d = cc_decl_of(c, clang_getCursorReferenced(member));
    if (d < 0) {
        return;
    }
    pt_decl *decl = pt_unit_decl(c->unit, (uint32_t)d);
    if (decl->kind != PT_DECL_FIELD) {
        return;
    }
    if (write) {
        decl->writes++;
    } else {
        decl->reads++;
    }
}

/* The newest file-scope decl named `name` declared before `before` that a
   macro body or expansion can name; -1 if none. */
static int32_t file_scope_named(cc_ctx *c, const char *name, uint32_t before,
                                bool macros_only)
{
    /* newest first: the first one that fits is the newest */
    for (int32_t i = cc_names_first(c, name); i >= 0;
         i = cc_names_next(c, i)) {
        pt_decl *d = pt_unit_decl(c->unit, (uint32_t)i);
        if (d->function != -1 || d->loc.byte >= before) {
            continue;
        }
        bool ok = d->kind == PT_DECL_MACRO ||
                  (!macros_only && (d->kind == PT_DECL_FUNCTION ||
                                    d->kind == PT_DECL_GLOBAL ||
                                    d->kind == PT_DECL_TYPEDEF ||
                                    d->kind == PT_DECL_ENUM_CONST));
        if (ok) {
            return i;
        }
    }
    return -1;
}

/*
 * Macros are read where the file expands them, and every name a macro
 * body spells is read by the macro (as the tree-sitter frontend counts a
 * body's identifiers).  Runs once the decls are known.
 */
void cc_count_macro_uses(cc_ctx *c)
{
    for (uint32_t m = 0; m < c->nmacros; m++) {
        int32_t d = file_scope_named(c, c->macros[m].name, UINT32_MAX, true);
        if (d >= 0) {
            pt_unit_decl(c->unit, (uint32_t)d)->reads++;
        }
    }
    for (uint32_t i = 0; i < c->unit->decls.len; i++) {
        pt_decl *macro = pt_unit_decl(c->unit, i);
        if (macro->kind != PT_DECL_MACRO) {
            continue;
        }
        /* the body: the tokens after the name up to the end of the
           directive (its last line not ending in a backslash) */
        uint32_t line = macro->loc.line;
        while (line < c->unit->lines.len) {
            uint32_t len = 0;
            const char *text = pt_unit_line_text(c->unit, line, &len);
            if (len == 0 || text[len - 1] != '\\') {
                break;
            }
            line++;
        }
        const pt_line *last = pt_unit_line(c->unit, line);
        uint32_t end = last->start + last->length;
        uint32_t t = cc_token_at(c, macro->loc.byte);
        for (t++; t < c->ntokens && c->tokens[t].start < end; t++) {
            if (c->tokens[t].kind != CXToken_Identifier) {
                continue;
            }
            const char *word = cc_text(c, c->tokens[t].start,
                                       c->tokens[t].end);
            int32_t d = file_scope_named(c, word, macro->loc.byte, false);
            if (d >= 0) {
                pt_unit_decl(c->unit, (uint32_t)d)->reads++;
            }
        }
    }
}
