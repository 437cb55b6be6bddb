/*
 * clang_c.c - the libclang C frontend: parses one file with libclang 14 and
 * builds its unit (docs/model.md).  This file sets up the translation
 * unit, the main file's tokens, macro expansions and parse errors; the
 * model is built by clang_c_lines.c, clang_c_decls.c, clang_c_stmt.c and
 * clang_c_expr.c.
 */
#include "frontend/clang_c_internal.h"
#include "frontend/frontend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Name clang gives the buffer: the path, or a stand-in for stdin. */
static const char *buffer_name(const char *path)
{
    if (path == NULL || path[0] == '\0' || strcmp(path, "-") == 0) {
        return "<stdin>.c";
    }
    return path;
}

/* Directory part of `path` ("." when none), in a heap buffer. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL) {
        return strdup(".");
    }
    if (slash == path) {
        return strdup("/");
    }
    return strndup(path, (size_t)(slash - path));
}

/* Parses the buffer; default arguments when the options name none. */
static CXTranslationUnit parse_tu(CXIndex index, const char *name,
                                  const char *text, size_t length,
                                  const pt_frontend_options *options)
{
    struct CXUnsavedFile unsaved = {name, text, (unsigned long)length};
    unsigned flags = CXTranslationUnit_DetailedPreprocessingRecord |
                     CXTranslationUnit_KeepGoing |
                     CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
    CXTranslationUnit tu = NULL;
    if (options != NULL && options->clang_args != NULL &&
        options->nclang_args > 0) {
        clang_parseTranslationUnit2(index, name, options->clang_args,
                                    (int)options->nclang_args, &unsaved, 1,
                                    flags, &tu);
        return tu;
    }
    char *dir = dir_of(name);
    size_t n = strlen(dir ? dir : ".") + 16;
    char *i1 = malloc(n), *i2 = malloc(n), *i3 = malloc(n);
    if (dir != NULL && i1 != NULL && i2 != NULL && i3 != NULL) {
        snprintf(i1, n, "-I%s", dir);
        snprintf(i2, n, "-I%s/include", dir);
        snprintf(i3, n, "-I%s/../include", dir);
        const char *args[] = {"-x", "c", "-std=gnu17", i1, i2, i3,
                              "-Wno-everything"};
        clang_parseTranslationUnit2(index, name, args,
                                    (int)(sizeof(args) / sizeof(args[0])),
                                    &unsaved, 1, flags, &tu);
    }
    free(dir);
    free(i1);
    free(i2);
    free(i3);
    return tu;
}

/* Every token of the main file, comments included. */
static void collect_tokens(cc_ctx *c)
{
    CXSourceLocation begin = clang_getLocationForOffset(c->tu, c->file, 0);
    CXSourceLocation end =
        clang_getLocationForOffset(c->tu, c->file, c->unit->length);
    CXToken *tokens = NULL;
    unsigned n = 0;
    clang_tokenize(c->tu, clang_getRange(begin, end), &tokens, &n);
    c->tokens = n ? malloc(n * sizeof(cc_token)) : NULL;
    uint32_t kept = 0;
    for (unsigned i = 0; c->tokens != NULL && i < n; i++) {
        CXSourceRange r = clang_getTokenExtent(c->tu, tokens[i]);
        uint32_t s = 0, e = 0;
        if (!cc_file_offset(c, clang_getRangeStart(r), &s) ||
            !cc_file_offset(c, clang_getRangeEnd(r), &e) || e < s) {
            continue;
        }
        if (kept > 0 && s < c->tokens[kept - 1].end) {
            continue;           /* keep them ordered, whatever happens */
        }
        c->tokens[kept].start = s;
        c->tokens[kept].end = e;
        c->tokens[kept].kind = (uint8_t)clang_getTokenKind(tokens[i]);
        kept++;
    }
    c->ntokens = kept;
    if (tokens != NULL) {
        clang_disposeTokens(c->tu, tokens, n);
    }
}

/* Records a macro expansion of the main file (TU-level visit). */
static void add_macro(cc_ctx *c, CXCursor cursor)
{
    uint32_t s = 0, e = 0;
    if (!cc_extent(c, cursor, &s, &e)) {
        return;
    }
    if (c->nmacros > 0 && s < c->macros[c->nmacros - 1].start) {
        return;
    }
    if (c->nmacros == c->macro_cap) {
        uint32_t cap = c->macro_cap ? c->macro_cap * 2 : 64;
        cc_macro *m = realloc(c->macros, cap * sizeof(cc_macro));
        if (m == NULL) {
            return;
        }
        c->macros = m;
        c->macro_cap = cap;
    }
    cc_macro *m = &c->macros[c->nmacros++];
    m->start = s;
    m->end = e;
    m->name = cc_spelling(c, cursor);
    CXCursor def = clang_getCursorReferenced(cursor);
    m->function_like = !clang_Cursor_isNull(def) &&
                       clang_Cursor_isMacroFunctionLike(def);
}

static enum CXChildVisitResult visit_macros(CXCursor cursor, CXCursor parent,
                                            CXClientData data)
{
    (void)parent;
    cc_ctx *c = data;
    if (clang_getCursorKind(cursor) == CXCursor_MacroExpansion &&
        clang_Location_isFromMainFile(clang_getCursorLocation(cursor))) {
        add_macro(c, cursor);
    }
    return CXChildVisit_Continue;
}

/* Whether a diagnostic is a parse error of the main file to record. */
static bool is_parse_error(cc_ctx *c, CXDiagnostic diag, uint32_t *offset)
{
    enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(diag);
    if (sev < CXDiagnostic_Error) {
        return false;
    }
    if (!cc_file_offset(c, clang_getDiagnosticLocation(diag), offset)) {
        return false;
    }
    CXString cat = clang_getDiagnosticCategoryText(diag);
    const char *cs = clang_getCString(cat);
    bool parse = cs != NULL && (strcmp(cs, "Parse Issue") == 0 ||
                                strcmp(cs, "Lexical or Preprocessor Issue") ==
                                    0);
    clang_disposeString(cat);
    if (!parse) {
        return false;
    }
    CXString msg = clang_getDiagnosticSpelling(diag);
    const char *ms = clang_getCString(msg);
    bool missing = ms != NULL && strstr(ms, "file not found") != NULL;
    clang_disposeString(msg);
    return !missing;
}

/* Records a "'x.h' file not found" diagnostic: the analysis goes on
   with what parsed, and the run says so once (engine/run.c). */
static void note_missing_include(cc_ctx *c, CXDiagnostic diag)
{
    CXString msg = clang_getDiagnosticSpelling(diag);
    const char *text = clang_getCString(msg);
    const char *open = text != NULL && strstr(text, "file not found") != NULL
                           ? strchr(text, '\'') : NULL;
    const char *close = open != NULL ? strchr(open + 1, '\'') : NULL;
    if (close != NULL) {
        pt_missing_include *miss = pt_vec_push(
            c->unit->arena, &c->unit->missing_includes, sizeof(*miss));
        miss->header = pt_arena_strndup(c->unit->arena, open + 1,
                                        (size_t)(close - open - 1));
        uint32_t off = 0;
        miss->loc = cc_file_offset(c, clang_getDiagnosticLocation(diag), &off)
                        ? cc_loc(c, off) : (pt_loc){0};
    }
    clang_disposeString(msg);
}

/* End of the text without trailing white space. */
static uint32_t content_end(const pt_unit *u)
{
    uint32_t end = u->length;
    while (end > 0 && strchr(" \t\n\r\f\v", u->text[end - 1]) != NULL) {
        end--;
    }
    return end;
}

static bool error_recorded(const pt_unit *u, uint32_t off)
{
    const pt_loc *errors = u->errors.items;
    for (uint32_t i = 0; i < u->errors.len; i++) {
        if (errors[i].byte == off) {
            return true;
        }
    }
    return false;
}

/* Keeps the offset of an error in the main file that is not a parse
   error; ones that a missing header explains are kept too (the names it
   would have declared are the undeclared ones). */
static void note_semantic_error(cc_ctx *c, CXDiagnostic diag)
{
    uint32_t off = 0;
    if (clang_getDiagnosticSeverity(diag) < CXDiagnostic_Error ||
        !cc_file_offset(c, clang_getDiagnosticLocation(diag), &off)) {
        return;
    }
    uint32_t *slot = pt_vec_push(c->unit->arena, &c->semantic_errors,
                                 sizeof(*slot));
    *slot = off;
}

/*
 * One error per position.  An error at the end of the text (`expected
 * '}'` at EOF, an expression cut short) means the file was cut short.
 */
static void collect_errors(cc_ctx *c)
{
    unsigned n = clang_getNumDiagnostics(c->tu);
    uint32_t end = content_end(c->unit);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic diag = clang_getDiagnostic(c->tu, i);
        uint32_t off = 0;
        note_missing_include(c, diag);
        if (!is_parse_error(c, diag, &off)) {
            note_semantic_error(c, diag);
        } else {
            if (off >= end) {
                c->unit->truncated = true;
            }
            if (!error_recorded(c->unit, off)) {
                pt_loc *loc = pt_vec_push(c->unit->arena, &c->unit->errors,
                                          sizeof(pt_loc));
                *loc = cc_loc(c, off);
            }
        }
        clang_disposeDiagnostic(diag);
    }
}

/* Marks the functions that hold the error at `off` partial. */
static void mark_partial_at(pt_unit *u, uint32_t off)
{
    for (uint32_t f = 0; f < u->functions.len; f++) {
        pt_function *fn = pt_unit_function(u, f);
        if (off >= fn->start.byte && off <= fn->end.byte + 1) {
            fn->partial = true;
        }
    }
}

/* Marks functions that hold a recorded parse error, or an error clang
   recovered from by dropping an expression, partial. */
static void mark_partial(cc_ctx *c)
{
    pt_unit *u = c->unit;
    for (uint32_t i = 0; i < u->errors.len; i++) {
        mark_partial_at(u, ((pt_loc *)u->errors.items)[i].byte);
    }
    const uint32_t *semantic = c->semantic_errors.items;
    for (uint32_t i = 0; i < c->semantic_errors.len; i++) {
        mark_partial_at(u, semantic[i]);
    }
}

/* Sets address_taken on every function decl named as a value. */
static void mark_function_values(cc_ctx *c)
{
    pt_unit *u = c->unit;
    const char **names = c->fn_values.items;
    for (uint32_t k = 0; k < c->fn_values.len; k++) {
        for (int32_t i = cc_names_first(c, names[k]); i >= 0;
             i = cc_names_next(c, i)) {
            pt_decl *d = pt_unit_decl(u, (uint32_t)i);
            if (d->kind == PT_DECL_FUNCTION) {
                d->address_taken = true;
            }
        }
    }
}

static void ctx_free(cc_ctx *c)
{
    free(c->tokens);
    free(c->macros);
    free(c->map_keys);
    free(c->map_vals);
    free(c->jumps);
    free(c->name_heads);
    free(c->name_next);
}

pt_unit *pt_parse_c_clang(const char *path, const char *text, size_t length,
                          const pt_frontend_options *options)
{
    pt_unit *unit = pt_unit_new(path, PT_LANG_C, text, length);
    if (unit == NULL) {
        return NULL;
    }
    unit->frontend = "clang";
    const char *name = buffer_name(path);
    CXIndex index = clang_createIndex(0, 0);
    if (index == NULL) {
        return unit;
    }
    /* libclang reads the unsaved buffer up to `length`; give it the copy
       the unit owns, which is NUL-terminated. */
    CXTranslationUnit tu =
        parse_tu(index, name, unit->text, unit->length, options);
    if (tu == NULL) {
        pt_loc *loc = pt_vec_push(unit->arena, &unit->errors, sizeof(pt_loc));
        *loc = pt_unit_loc_at(unit, 0);
        unit->truncated = true;
        clang_disposeIndex(index);
        return unit;
    }
    cc_ctx c = {0};
    c.unit = unit;
    c.options = options;
    c.tu = tu;
    c.fn = -1;
    c.cur = CC_NONE;
    c.file = clang_getFile(tu, name);
    if (c.file != NULL) {
        collect_tokens(&c);
        clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_macros,
                            &c);
        collect_errors(&c);
        cc_comments(&c);
        cc_lines(&c);
        cc_top_level(&c);
        cc_count_macro_uses(&c);
        mark_partial(&c);
        mark_function_values(&c);
    }
    ctx_free(&c);
    clang_disposeTranslationUnit(tu);
    clang_disposeIndex(index);
    return unit;
}
