/*
 * clang_c_cond.c - branch conditions in positive form, function-like macro
 * invocations seen as calls, lock events and decision counting.
 */
#include "frontend/clang_c_internal.h"

#include <string.h>

static const char *const default_acquire[] = {
    "pthread_mutex_lock", "pthread_mutex_timedlock", "pthread_rwlock_rdlock",
    "pthread_rwlock_wrlock", "pthread_spin_lock", "mtx_lock", "mtx_timedlock",
};
static const char *const default_release[] = {
    "pthread_mutex_unlock", "pthread_rwlock_unlock", "pthread_spin_unlock",
    "mtx_unlock",
};

static bool in_list(const char *name, const char *const *list, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        if (list[i] != NULL && strcmp(list[i], name) == 0) {
            return true;
        }
    }
    return false;
}

void cc_lock_event(cc_ctx *c, const char *name, const pt_value *args,
                   uint32_t nargs, uint32_t offset)
{
    if (name == NULL || nargs == 0 || args[0].text == NULL ||
        (args[0].kind != PT_VAL_ADDRESS && args[0].kind != PT_VAL_VAR &&
         args[0].kind != PT_VAL_FIELD)) {
        return;
    }
    const pt_frontend_options *o = c->options;
    bool acquire, release;
    if (o != NULL && o->lock_acquire != NULL) {
        acquire = in_list(name, o->lock_acquire, o->nlock_acquire);
    } else {
        acquire = in_list(name, default_acquire,
                          sizeof(default_acquire) / sizeof(char *));
    }
    if (o != NULL && o->lock_release != NULL) {
        release = in_list(name, o->lock_release, o->nlock_release);
    } else {
        release = in_list(name, default_release,
                          sizeof(default_release) / sizeof(char *));
    }
    if (acquire || release) {
        pt_event *e = cc_event(c, acquire ? PT_EV_ACQUIRE : PT_EV_RELEASE,
                               offset);
        e->name = args[0].text;
    }
}

/* ---- macros ---- */

/* Whether both ends of the cursor are spelled inside the call's text
   after the macro name (it is, or is inside, a macro argument). */
static bool spelled_in(cc_ctx *c, CXCursor e, uint32_t lo, uint32_t hi)
{
    CXSourceRange r = clang_getCursorExtent(e);
    uint32_t s = 0, end = 0;
    if (!cc_file_offset(c, clang_getRangeStart(r), &s) ||
        !cc_file_offset(c, clang_getRangeEnd(r), &end)) {
        return false;
    }
    return s >= lo && s < hi && end <= hi && end >= s;
}

typedef struct arg_search {
    cc_ctx *c;
    uint32_t lo, hi;
    CXCursor found;
    bool ok;
} arg_search;

static enum CXChildVisitResult find_arg(CXCursor k, CXCursor parent,
                                        CXClientData data)
{
    (void)parent;
    arg_search *s = data;
    if (!clang_isExpression(clang_getCursorKind(k))) {
        return CXChildVisit_Continue;
    }
    if (spelled_in(s->c, k, s->lo, s->hi)) {
        s->found = k;
        s->ok = true;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Recurse;
}

/* Value of an argument no expansion uses: from its tokens alone. */
static pt_value token_value(cc_ctx *c, uint32_t first, uint32_t last)
{
    pt_value v = {0};
    v.call = -1;
    if (first + 1 != last) {
        return v;
    }
    const cc_token *t = &c->tokens[first];
    const char *text = cc_text(c, t->start, t->end);
    if (t->kind == CXToken_Identifier) {
        v.kind = strcmp(text, "NULL") == 0 ? PT_VAL_NULL : PT_VAL_VAR;
    } else if (t->kind == CXToken_Literal) {
        v.kind = text[0] == '"' ? PT_VAL_STRING : PT_VAL_CONST;
    } else if (t->kind == CXToken_Keyword &&
               (strcmp(text, "true") == 0 || strcmp(text, "false") == 0)) {
        v.kind = PT_VAL_CONST;
    } else {
        return v;
    }
    v.text = text;
    return v;
}

/* A function-like macro invocation: its arguments' events, then a CALL. */
static pt_value macro_call(cc_ctx *c, CXCursor top, const cc_macro *m,
                           bool discard)
{
    uint32_t i = cc_token_at(c, m->start) + 1;
    pt_value args[32];
    uint32_t nargs = 0;
    if (cc_token_is(c, i, "(")) {
        int depth = 0;
        uint32_t arg_first = i + 1;
        for (; i < c->ntokens && c->tokens[i].start < m->end; i++) {
            bool open = cc_token_is(c, i, "(") || cc_token_is(c, i, "[") ||
                        cc_token_is(c, i, "{");
            bool close = cc_token_is(c, i, ")") || cc_token_is(c, i, "]") ||
                         cc_token_is(c, i, "}");
            if (open) {
                depth++;
                continue;
            }
            if (close) {
                depth--;
            }
            bool ends = (close && depth == 0) ||
                        (depth == 1 && cc_token_is(c, i, ","));
            if (!ends) {
                continue;
            }
            if (i > arg_first && nargs < 32) {
                uint32_t lo = c->tokens[arg_first].start;
                uint32_t hi = c->tokens[i - 1].end;
                arg_search s = {c, lo, hi, clang_getNullCursor(), false};
                clang_visitChildren(top, find_arg, &s);
                if (spelled_in(c, top, lo, hi)) {
                    s.found = top;
                    s.ok = true;
                }
                args[nargs++] = s.ok ? cc_expr(c, s.found, false)
                                     : token_value(c, arg_first, i);
            }
            arg_first = i + 1;
            if (depth == 0) {
                break;
            }
        }
    }
    pt_event *ev = cc_event(c, PT_EV_CALL, m->start);
    ev->name = m->name;
    ev->result_used = !discard;
    ev->nargs = nargs;
    if (nargs > 0) {
        ev->args = pt_arena_alloc(c->unit->arena, nargs * sizeof(pt_value));
        memcpy(ev->args, args, nargs * sizeof(pt_value));
    }
    pt_value v = {0};
    v.kind = PT_VAL_CALL;
    v.text = m->name;
    v.call = -1;
    for (uint32_t a = 0; a < nargs; a++) {
        cc_add_vars(c, &v, &args[a]);
    }
    if (c->uneval == 0 && c->cur != CC_NONE) {
        v.call = (int32_t)pt_function_block(cc_fn(c), c->cur)->events.len - 1;
    }
    cc_lock_event(c, m->name, ev->args, nargs, m->start);
    return v;
}

/* The macro expansion a cursor comes from the body of, or NULL. */
static const cc_macro *from_macro(cc_ctx *c, CXCursor e)
{
    if (c->nmacros == 0) {
        return NULL;
    }
    uint32_t s = 0, end = 0;
    if (!cc_extent(c, e, &s, &end)) {
        return NULL;
    }
    const cc_macro *m = cc_macro_at(c, s);
    if (m == NULL || end > m->end) {
        return NULL;
    }
    if (spelled_in(c, e, m->start + 1, m->end)) {
        return NULL;            /* a macro argument, spelled in the call */
    }
    return m;
}

/* `#define stderr stderr` (glibc): a macro that names the variable it
   expands to is that variable, as the tree-sitter frontend reads it. */
static bool names_own_variable(CXCursor e, const cc_macro *m)
{
    CXCursor expr = cc_strip(e);
    if (clang_getCursorKind(expr) != CXCursor_DeclRefExpr) {
        return false;
    }
    CXCursor target = clang_getCursorReferenced(expr);
    if (clang_getCursorKind(target) != CXCursor_VarDecl) {
        return false;
    }
    CXString name = clang_getCursorSpelling(target);
    const char *text = clang_getCString(name);
    bool same = text != NULL && strcmp(text, m->name) == 0;
    clang_disposeString(name);
    return same;
}

/* Counts the reads of the unit's variables that a macro's body makes
   (`IN_RENAME_OBJECT` reads pParse): clang counts them as uses, and so
   must the unused-* rules.  No events: the expansion is not modelled.
   Arguments spelled in the call are read by macro_call, which runs first;
   one it did not model (`ExplainQueryPlan((p, 0, "%s", zUsage))`) still
   gets its one read. */
typedef struct macro_reads {
    cc_ctx *c;
    const cc_macro *m;
} macro_reads;

static enum CXChildVisitResult count_read(CXCursor cursor, CXCursor parent,
                                          CXClientData data)
{
    (void)parent;
    macro_reads *mr = data;
    if (clang_getCursorKind(cursor) == CXCursor_DeclRefExpr) {
        bool argument = spelled_in(mr->c, cursor, mr->m->start + 1,
                                   mr->m->end);
        int32_t d = cc_decl_of(mr->c, clang_getCursorReferenced(cursor));
        pt_decl *decl = d >= 0 ? pt_unit_decl(mr->c->unit, (uint32_t)d)
                               : NULL;
        if (decl != NULL && (!argument || decl->reads == 0)) {
            decl->reads++;
        }
    }
    return CXChildVisit_Recurse;
}

static void count_macro_reads(cc_ctx *c, CXCursor e, const cc_macro *m)
{
    macro_reads mr = {c, m};
    count_read(e, clang_getNullCursor(), &mr);
    clang_visitChildren(e, count_read, &mr);
}

pt_value cc_macro_value(cc_ctx *c, CXCursor e, bool discard, bool *handled)
{
    pt_value v = {0};
    v.call = -1;
    *handled = false;
    const cc_macro *m = from_macro(c, e);
    if (m == NULL) {
        return v;
    }
    if (m->function_like) {
        *handled = true;
        pt_value call = macro_call(c, e, m, discard);
        count_macro_reads(c, e, m);
        return call;
    }
    uint32_t s = 0, end = 0;
    cc_extent(c, e, &s, &end);
    if (s != m->start || end != m->end || names_own_variable(e, m)) {
        return v;
    }
    *handled = true;
    count_macro_reads(c, e, m);
    if (strcmp(m->name, "NULL") == 0) {
        v.kind = PT_VAL_NULL;
    } else {
        v.kind = PT_VAL_CONST;
    }
    v.text = m->name;
    return v;
}

bool cc_macro_stmt(cc_ctx *c, CXCursor stmt)
{
    const cc_macro *m = from_macro(c, stmt);
    if (m == NULL || !m->function_like) {
        return false;
    }
    macro_call(c, stmt, m, true);
    count_macro_reads(c, stmt, m);  /* `CHECK_ERR(err, "x")` reads err */
    return true;
}

/* ---- conditions ---- */

static void branch(cc_ctx *c, pt_test_kind kind, const char *subject,
                   const char *callee, uint32_t offset, uint32_t yes,
                   uint32_t no)
{
    uint32_t b = cc_block_cur(c);
    pt_block *blk = pt_function_block(cc_fn(c), b);
    blk->term = PT_TERM_BRANCH;
    blk->succ[0] = yes;
    blk->succ[1] = no;
    blk->cond.kind = (uint8_t)kind;
    blk->cond.subject = subject;
    blk->cond.callee = callee;
    blk->cond.loc = cc_loc(c, offset);
    c->cur = CC_NONE;
}

static bool is_path(const pt_value *v)
{
    return (v->kind == PT_VAL_VAR || v->kind == PT_VAL_FIELD) &&
           v->text != NULL;
}

static bool is_null(const pt_value *v, CXCursor other_side)
{
    if (v->kind == PT_VAL_NULL) {
        return true;
    }
    return v->kind == PT_VAL_CONST && v->text != NULL &&
           strcmp(v->text, "0") == 0 &&
           clang_getCanonicalType(clang_getCursorType(other_side)).kind ==
               CXType_Pointer;
}

/* The path a value tests: a variable or field, or an element `a[i]`
   ("a[]"); not `*p`, which tests the pointee. */
static const char *tested_path(cc_ctx *c, CXCursor expr, const pt_value *v)
{
    if (is_path(v)) {
        return v->text;
    }
    if (clang_getCursorKind(cc_strip(expr)) == CXCursor_ArraySubscriptExpr) {
        return cc_path(c, expr);
    }
    return NULL;
}

/* The path of a call's first argument, `&` removed, or NULL. */
static const char *first_arg_path(cc_ctx *c, CXCursor expr)
{
    CXCursor e = cc_strip(expr);
    if (clang_getCursorKind(e) != CXCursor_CallExpr) {
        return NULL;
    }
    cc_children k;
    cc_children_of(e, &k);
    const char *path = NULL;
    if (k.len > 1) {
        CXCursor a = cc_strip(k.items[1]);
        uint32_t s = 0, end = 0;
        CXCursor inner;
        if (clang_getCursorKind(a) == CXCursor_UnaryOperator &&
            cc_extent(c, a, &s, &end) &&
            cc_token_is(c, cc_token_at(c, s), "&") &&
            cc_first_expr(a, &inner)) {
            a = inner;
        }
        path = cc_path(c, a);
    }
    cc_children_free(&k);
    return path;
}

/* A value tested for truth: a path, a call, or something else. */
static void test_value(cc_ctx *c, CXCursor expr, pt_value v, uint32_t off,
                       uint32_t yes, uint32_t no)
{
    const char *path = tested_path(c, expr, &v);
    if (path != NULL) {
        branch(c, PT_TEST_NOT_NULL, path, NULL, off, yes, no);
    } else if (v.kind == PT_VAL_CALL) {
        branch(c, PT_TEST_CALL, first_arg_path(c, expr), v.text, off, yes,
               no);
    } else {
        branch(c, PT_TEST_OTHER, NULL, NULL, off, yes, no);
    }
}

static void compare(cc_ctx *c, CXCursor e, CXCursor lhs, CXCursor rhs,
                    bool equal, bool equality, uint32_t off, uint32_t yes,
                    uint32_t no)
{
    pt_value lv = cc_expr(c, lhs, false);
    pt_value rv = cc_expr(c, rhs, false);
    const char *lp = tested_path(c, lhs, &lv);
    const char *rp = tested_path(c, rhs, &rv);
    if (equality && is_null(&rv, lhs) && lp != NULL) {
        branch(c, PT_TEST_NOT_NULL, lp, NULL, off, equal ? no : yes,
               equal ? yes : no);
    } else if (equality && is_null(&lv, rhs) && rp != NULL) {
        branch(c, PT_TEST_NOT_NULL, rp, NULL, off, equal ? no : yes,
               equal ? yes : no);
    } else {
        branch(c, PT_TEST_COMPARE, cc_first_var_path(c, e), NULL, off, yes,
               no);
    }
}

void cc_cond(cc_ctx *c, CXCursor expr, uint32_t yes, uint32_t no)
{
    uint32_t s = 0, end = 0;
    cc_extent(c, expr, &s, &end);
    if (c->depth >= CC_MAX_DEPTH) {
        c->too_deep = true;
        branch(c, PT_TEST_OTHER, NULL, NULL, s, yes, no);
        return;
    }
    c->depth++;
    CXCursor e = cc_strip(expr);
    enum CXCursorKind kind = clang_getCursorKind(e);
    cc_children k;
    cc_children_of(e, &k);
    bool macro = from_macro(c, e) != NULL;
    uint32_t op = CC_NONE;
    if (!macro && kind == CXCursor_BinaryOperator && k.len == 2) {
        uint32_t ls = 0, le = 0;
        if (cc_extent(c, k.items[0], &ls, &le)) {
            op = cc_token_at(c, le);
            while (op < c->ntokens && c->tokens[op].kind == CXToken_Comment) {
                op++;
            }
        }
    }
    uint32_t first = cc_token_at(c, s);
    if (!macro && kind == CXCursor_UnaryOperator && k.len == 1 &&
        cc_token_is(c, first, "!") && c->tokens[first].start == s) {
        cc_cond(c, k.items[0], no, yes);
    } else if (op != CC_NONE && cc_token_is(c, op, "&&")) {
        uint32_t mid = cc_block_new(c);
        cc_cond(c, k.items[0], mid, no);
        c->cur = mid;
        cc_cond(c, k.items[1], yes, no);
    } else if (op != CC_NONE && cc_token_is(c, op, "||")) {
        uint32_t mid = cc_block_new(c);
        cc_cond(c, k.items[0], yes, mid);
        c->cur = mid;
        cc_cond(c, k.items[1], yes, no);
    } else if (op != CC_NONE &&
               (cc_token_is(c, op, "==") || cc_token_is(c, op, "!="))) {
        compare(c, e, k.items[0], k.items[1], cc_token_is(c, op, "=="), true,
                s, yes, no);
    } else if (op != CC_NONE &&
               (cc_token_is(c, op, "<") || cc_token_is(c, op, ">") ||
                cc_token_is(c, op, "<=") || cc_token_is(c, op, ">="))) {
        compare(c, e, k.items[0], k.items[1], false, false, s, yes, no);
    } else {
        pt_value v = cc_expr(c, expr, false);
        test_value(c, expr, v, s, yes, no);
    }
    cc_children_free(&k);
    c->depth--;
}

/* ---- decisions (pmccabe) ---- */

/*
 * pmccabe reads only the first arm of an #if (not #else/#elif arms, not
 * `#if 0`) and no directive's line; the tree-sitter frontend agrees.
 * Arms nest: `skipped` holds one bit per open #if, set while its arm is
 * not read.  Deeper than 64 levels every arm counts, which no real
 * function reaches.
 */
typedef struct pp_arms {
    uint64_t skipped;
    uint32_t depth;
} pp_arms;

static bool arms_skipping(const pp_arms *arms)
{
    return arms->skipped != 0;
}

/* Does token i + 1 spell one of the directive words? */
static bool directive_in(const cc_ctx *c, uint32_t i,
                         const char *const *words, size_t n)
{
    for (size_t w = 0; w < n; w++) {
        if (cc_token_is(c, i + 1, words[w])) {
            return true;
        }
    }
    return false;
}

/* Follows the directive whose `#` is token i. */
static void arms_directive(const cc_ctx *c, uint32_t i, pp_arms *arms)
{
    static const char *const opens[] = {"if", "ifdef", "ifndef"};
    static const char *const other_arms[] = {"else", "elif", "elifdef",
                                             "elifndef"};
    uint64_t bit = arms->depth >= 1 && arms->depth <= 64
                       ? (uint64_t)1 << (arms->depth - 1)
                       : 0;
    if (directive_in(c, i, opens, sizeof(opens) / sizeof(opens[0]))) {
        arms->depth++;
        bool zero = cc_token_is(c, i + 1, "if") && cc_token_is(c, i + 2, "0");
        if (zero && arms->depth <= 64) {
            arms->skipped |= (uint64_t)1 << (arms->depth - 1);
        }
    } else if (directive_in(c, i, other_arms,
                            sizeof(other_arms) / sizeof(other_arms[0]))) {
        arms->skipped |= bit;
    } else if (cc_token_is(c, i + 1, "endif") && arms->depth > 0) {
        arms->skipped &= ~bit;
        arms->depth--;
    }
}

void cc_count_decisions(cc_ctx *c, pt_function *fn, uint32_t start,
                        uint32_t end)
{
    static const char *const words[] = {"if", "while", "for", "case",
                                        "&&", "||", "?"};
    uint32_t n = 0;
    uint32_t pp_line = 0;
    pp_arms arms = {0};
    for (uint32_t i = cc_token_at(c, start);
         i < c->ntokens && c->tokens[i].start < end; i++) {
        const cc_token *t = &c->tokens[i];
        if (t->kind == CXToken_Comment) {
            continue;
        }
        pt_loc at = cc_loc(c, t->start);
        if (at.line == pp_line) {
            continue;
        }
        if (pt_unit_line(c->unit, at.line)->kind == PT_LINE_PREPROCESSOR) {
            pp_line = at.line;
            if (cc_token_is(c, i, "#")) {
                arms_directive(c, i, &arms);
            }
            continue;
        }
        if (arms_skipping(&arms)) {
            continue;
        }
        for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
            if (cc_token_is(c, i, words[w])) {
                n++;
                break;
            }
        }
    }
    fn->decisions = n;
}
