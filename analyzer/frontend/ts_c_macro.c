/*
 * ts_c_macro.c - what a macro's body reads, for the tree-sitter C frontend.
 *
 * tree-sitter does not expand macros.  A macro's body is kept as the
 * names it spells (its own parameters left out); the file-scope names
 * count as read where it is defined, and each use of the macro in a
 * function reads the locals of the same names, as the expansion would.
 */
#include "frontend/ts_c_int.h"

#include <ctype.h>
#include <string.h>

/* Is `word` one of the parameters of the macro whose params node is `params`? */
static bool is_macro_param(ts_c_ctx *ctx, TSNode params, const char *word)
{
    uint32_t n = ts_node_is_null(params) ? 0 : ts_node_named_child_count(params);
    for (uint32_t i = 0; i < n; i++) {
        if (ts_c_text_is(ctx, ts_node_named_child(params, i), word)) {
            return true;
        }
    }
    return false;
}

/*
 * Identifiers in a macro body count as uses of the file-scope names they
 * name now, and are kept (less the macro's parameters) so that each use of
 * the macro in a function reads the locals of the same name, as the
 * expansion would.
 */
void ts_c_macro_body(ts_c_ctx *ctx, uint32_t decl, TSNode value,
                     TSNode params)
{
    const char *text = ts_c_text(ctx, value);
    pt_vec words = {0};
    for (const char *p = text; *p;) {
        if (!isalpha((unsigned char)*p) && *p != '_') {
            p++;
            continue;
        }
        const char *s = p;
        while (isalnum((unsigned char)*p) || *p == '_') {
            p++;
        }
        char *word = pt_arena_strndup(ctx->arena, s, (size_t)(p - s));
        for (int32_t d = ts_c_resolve(ctx, word); d >= 0;
             d = ts_c_next_same(ctx, d)) {
            pt_unit_decl(ctx->unit, (uint32_t)d)->reads++;
        }
        if (!is_macro_param(ctx, params, word)) {
            const char **slot = pt_vec_push(ctx->arena, &words, sizeof(*slot));
            *slot = word;
        }
    }
    if (words.len > 0) {
        ts_c_macro_words *m = pt_vec_push(ctx->arena, &ctx->macro_words,
                                          sizeof(*m));
        m->decl = decl;
        m->count = words.len;
        m->words = words.items;
    }
}

/* The names the body of macro decl `decl` mentions, or NULL. */
static const ts_c_macro_words *macro_words_of(const ts_c_ctx *ctx,
                                              uint32_t decl)
{
    const ts_c_macro_words *m = ctx->macro_words.items;
    uint32_t lo = 0, hi = ctx->macro_words.len;
    while (lo < hi) {           /* decls are added in order */
        uint32_t mid = lo + (hi - lo) / 2;
        if (m[mid].decl < decl) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < ctx->macro_words.len && m[lo].decl == decl ? &m[lo] : NULL;
}

/* The innermost local named `name`, or -1 (no file-scope names). */
static int32_t local_named(const ts_c_ctx *ctx, const char *name)
{
    const ts_c_local *locals = ctx->locals.items;
    for (uint32_t i = ctx->locals.len; i > 0; i--) {
        if (strcmp(locals[i - 1].name, name) == 0) {
            return (int32_t)locals[i - 1].decl;
        }
    }
    return -1;
}

/*
 * A macro used in a function reads the locals its body names
 * (`#define DOCID_CMP(a, b) (bDescDoclist ? ...)`), and so on through the
 * macros its body uses, a few levels deep.
 */
static void macro_reads(ts_c_ctx *ctx, uint32_t macro, int levels)
{
    const ts_c_macro_words *m = macro_words_of(ctx, macro);
    if (m == NULL || levels == 0 || ctx->locals.len == 0) {
        return;
    }
    for (uint32_t i = 0; i < m->count; i++) {
        int32_t d = local_named(ctx, m->words[i]);
        if (d >= 0) {
            pt_unit_decl(ctx->unit, (uint32_t)d)->reads++;
            continue;
        }
        d = ts_c_sym_get(ctx, TS_C_NS_MACRO, m->words[i]);
        if (d >= 0 && (uint32_t)d != macro) {
            macro_reads(ctx, (uint32_t)d, levels - 1);
        }
    }
}

void ts_c_macro_reads(ts_c_ctx *ctx, uint32_t macro)
{
    macro_reads(ctx, macro, 4);
}
