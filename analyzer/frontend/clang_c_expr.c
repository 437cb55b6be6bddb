/*
 * clang_c_expr.c - expressions: events in evaluation order and values
 * (docs/model.md, "Events"); operators are found in the token stream.
 */
#include "frontend/clang_c_internal.h"

#include <string.h>

static pt_value other(void)
{
    pt_value v = {0};
    v.kind = PT_VAL_OTHER;
    v.call = -1;
    return v;
}

/* Appends the variables of `from` to `to`, without duplicates. */
void cc_add_vars(cc_ctx *c, pt_value *to, const pt_value *from)
{
    if (from->nvars == 0) {
        return;
    }
    const char **vars = pt_arena_alloc(c->unit->arena,
                                       (to->nvars + from->nvars) *
                                           sizeof(char *));
    uint32_t n = 0;
    for (uint32_t i = 0; i < to->nvars; i++) {
        vars[n++] = to->vars[i];
    }
    for (uint32_t i = 0; i < from->nvars; i++) {
        bool seen = false;
        for (uint32_t k = 0; k < n && !seen; k++) {
            seen = strcmp(vars[k], from->vars[i]) == 0;
        }
        if (!seen) {
            vars[n++] = from->vars[i];
        }
    }
    to->vars = vars;
    to->nvars = n;
}

static uint32_t start_of(cc_ctx *c, CXCursor e)
{
    uint32_t s = 0, end = 0;
    cc_extent(c, e, &s, &end);
    return s;
}

/* Text of the token at `offset` when it is one identifier, else NULL. */
static const char *ident_at(cc_ctx *c, uint32_t offset)
{
    uint32_t i = cc_token_at(c, offset);
    if (i >= c->ntokens || c->tokens[i].start != offset ||
        c->tokens[i].kind != CXToken_Identifier) {
        return NULL;
    }
    return cc_text(c, c->tokens[i].start, c->tokens[i].end);
}

/* The operator token of a binary expression: first one after the LHS. */
static uint32_t binary_op(cc_ctx *c, CXCursor lhs)
{
    uint32_t s = 0, e = 0;
    if (!cc_extent(c, lhs, &s, &e)) {
        return CC_NONE;
    }
    uint32_t i = cc_token_at(c, e);
    while (i < c->ntokens && c->tokens[i].kind == CXToken_Comment) {
        i++;
    }
    return i < c->ntokens && c->tokens[i].kind == CXToken_Punctuation
               ? i
               : CC_NONE;
}

static bool op_is(cc_ctx *c, uint32_t op, const char *text)
{
    return op != CC_NONE && cc_token_is(c, op, text);
}

/* The access path of an expression ("a.b", "a[].b"), or NULL. */
static const char *path_of(cc_ctx *c, CXCursor e, unsigned depth)
{
    if (depth > 64) {
        return NULL;
    }
    e = cc_strip(e);
    switch (clang_getCursorKind(e)) {
    case CXCursor_DeclRefExpr: {
        enum CXCursorKind rk =
            clang_getCursorKind(clang_getCursorReferenced(e));
        return rk == CXCursor_VarDecl || rk == CXCursor_ParmDecl
                   ? cc_spelling(c, e)
                   : NULL;
    }
    case CXCursor_MemberRefExpr: {
        CXCursor base;
        if (!cc_first_expr(e, &base)) {
            return NULL;
        }
        const char *b = path_of(c, base, depth + 1);
        return b ? pt_arena_printf(c->unit->arena, "%s.%s", b,
                                   cc_spelling(c, e))
                 : NULL;
    }
    case CXCursor_ArraySubscriptExpr: {
        CXCursor base;
        if (!cc_first_expr(e, &base)) {
            return NULL;
        }
        const char *b = path_of(c, base, depth + 1);
        return b ? pt_arena_printf(c->unit->arena, "%s[]", b) : NULL;
    }
    case CXCursor_UnaryOperator: {
        uint32_t s = start_of(c, e);
        uint32_t i = cc_token_at(c, s);
        CXCursor inner;
        if (cc_token_is(c, i, "*") && c->tokens[i].start == s &&
            cc_first_expr(e, &inner)) {
            return path_of(c, inner, depth + 1);
        }
        return NULL;
    }
    default:
        return NULL;
    }
}

const char *cc_path(cc_ctx *c, CXCursor expr)
{
    return path_of(c, expr, 0);
}

static const char *first_var_path_at(cc_ctx *c, CXCursor e, unsigned depth)
{
    if (depth > 64) {
        return NULL;
    }
    e = cc_strip(e);
    enum CXCursorKind kind = clang_getCursorKind(e);
    if (kind == CXCursor_DeclRefExpr || kind == CXCursor_MemberRefExpr ||
        kind == CXCursor_ArraySubscriptExpr) {
        const char *p = path_of(c, e, 0);
        if (p != NULL) {
            return p;
        }
    }
    cc_children k;
    cc_children_of(e, &k);
    const char *found = NULL;
    /* a call: its arguments, not its callee */
    for (unsigned i = kind == CXCursor_CallExpr ? 1 : 0;
         i < k.len && found == NULL; i++) {
        if (clang_isExpression(clang_getCursorKind(k.items[i]))) {
            found = first_var_path_at(c, k.items[i], depth + 1);
        }
    }
    cc_children_free(&k);
    return found;
}

/* The first variable path a comparison reads, in source order, looking
   into call arguments: `strcmp(p->name, key) == 0` gives "p.name",
   `s[i] == '-'` gives "s[]" (docs/model.md, "Conditions"). */
const char *cc_first_var_path(cc_ctx *c, CXCursor expr)
{
    return first_var_path_at(c, expr, 0);
}

/* A use of a declared name: variables are read, functions are values. */
static pt_value decl_ref(cc_ctx *c, CXCursor e, bool count_only)
{
    pt_value v = other();
    CXCursor ref = clang_getCursorReferenced(e);
    enum CXCursorKind rk = clang_getCursorKind(ref);
    const char *name = cc_spelling(c, e);
    uint32_t off = start_of(c, e);
    if (rk == CXCursor_VarDecl || rk == CXCursor_ParmDecl) {
        int32_t d = cc_decl_of(c, ref);
        if (d >= 0) {
            pt_unit_decl(c->unit, (uint32_t)d)->reads++;
        }
        if (!count_only) {
            cc_event(c, PT_EV_READ, off)->name = name;
        }
        v.kind = PT_VAL_VAR;
        v.text = name;
        v.vars = pt_arena_alloc(c->unit->arena, sizeof(char *));
        v.vars[0] = name;
        v.nvars = 1;
    } else if (rk == CXCursor_FunctionDecl) {
        /* a function used as a value: address taken, no READ event */
        const char **slot = pt_vec_push(c->unit->arena, &c->fn_values,
                                        sizeof(char *));
        *slot = name;
        cc_count_function_use(c, name);
        v.kind = PT_VAL_OTHER;
        v.text = name;
    } else if (rk == CXCursor_EnumConstantDecl) {
        int32_t d = cc_decl_of(c, ref);
        if (d >= 0) {
            pt_unit_decl(c->unit, (uint32_t)d)->reads++;
        }
        v.kind = PT_VAL_CONST;
        v.text = name;
    }
    return v;
}

/* Whether a member access is spelled `->`. */
static bool is_arrow(cc_ctx *c, CXCursor member, CXCursor base)
{
    uint32_t off = 0;
    if (cc_file_offset(c, clang_getCursorLocation(member), &off)) {
        uint32_t i = cc_token_at(c, off);
        if (i > 0 && i < c->ntokens && c->tokens[i].start == off) {
            return cc_token_is(c, i - 1, "->");
        }
    }
    CXType t = clang_getCanonicalType(clang_getCursorType(base));
    return t.kind == CXType_Pointer;
}

/* Events of the base of `a->b` / `a.b`, and the facts of the access. */
static void member_base(cc_ctx *c, CXCursor e, const char **base_path,
                        const char **owner, pt_value *vars)
{
    CXCursor base;
    *base_path = NULL;
    *owner = NULL;
    if (!cc_first_expr(e, &base)) {
        return;
    }
    pt_value bv = cc_expr(c, base, false);
    cc_add_vars(c, vars, &bv);
    *base_path = path_of(c, base, 0);
    bool arrow = is_arrow(c, e, base);
    CXCursor typed = cc_strip(base);
    *owner = cc_owner_of_type(c, clang_getCursorType(typed), arrow);
    uint32_t start = 0, end = 0;
    if (arrow && *base_path != NULL) {
        cc_event(c, PT_EV_DEREF, start_of(c, e))->name = *base_path;
    } else if (arrow && cc_extent(c, base, &start, &end)) {
        /* `find(t, k)->f`: the dereferenced pointer is named by its text,
           as the tree-sitter frontend names it (docs/model.md) */
        cc_event(c, PT_EV_DEREF, start_of(c, e))->name =
            cc_text(c, start, end);
    }
}

static CXCursor member_base_cursor(CXCursor member)
{
    CXCursor base = clang_getNullCursor();
    (void)cc_first_expr(member, &base);     /* a null base when none */
    return base;
}

/*
 * `v.f = x`, `v.a.f = x`: the base is a struct variable reached by dots
 * only, so the store writes (part of) v and reads nothing; v counts one
 * write and no READ event is emitted.  Returns false for any other base.
 */
static bool dot_base_written(cc_ctx *c, CXCursor member)
{
    CXCursor base = member_base_cursor(member);
    for (unsigned depth = 0; depth < 64; depth++) {
        if (clang_Cursor_isNull(base) || is_arrow(c, member, base)) {
            return false;
        }
        base = cc_strip(base);
        enum CXCursorKind kind = clang_getCursorKind(base);
        if (kind == CXCursor_DeclRefExpr) {
            CXCursor ref = clang_getCursorReferenced(base);
            enum CXCursorKind rk = clang_getCursorKind(ref);
            if (rk != CXCursor_VarDecl && rk != CXCursor_ParmDecl) {
                return false;
            }
            int32_t d = cc_decl_of(c, ref);
            if (d >= 0 && c->uneval == 0) {
                pt_unit_decl(c->unit, (uint32_t)d)->writes++;
            }
            return true;
        }
        if (kind != CXCursor_MemberRefExpr) {
            return false;
        }
        member = base;
        base = member_base_cursor(base);
    }
    return false;
}

static pt_event *field_event(cc_ctx *c, CXCursor e, pt_event_kind kind,
                             const char *base, const char *owner)
{
    uint32_t off = 0;
    if (!cc_cursor_offset(c, e, &off)) {
        off = start_of(c, e);
    }
    if (c->uneval == 0) {
        cc_count_field_use(c, e, kind == PT_EV_FIELD_WRITE);
    }
    pt_event *ev = cc_event(c, kind, off);
    ev->name = cc_spelling(c, e);
    ev->base = base;
    ev->owner = owner;
    return ev;
}

static pt_value member_read(cc_ctx *c, CXCursor e)
{
    pt_value v = other();
    const char *base = NULL, *owner = NULL;
    member_base(c, e, &base, &owner, &v);
    field_event(c, e, PT_EV_FIELD_READ, base, owner);
    v.kind = PT_VAL_FIELD;      /* without a path when the base is none */
    v.text = path_of(c, e, 0);
    return v;
}

static pt_value *one_arg(cc_ctx *c, pt_value value)
{
    pt_value *a = pt_arena_alloc(c->unit->arena, sizeof(pt_value));
    *a = value;
    return a;
}

/* Stores `value` into `target`; `compound` also reads it first. */
static pt_value assign_to(cc_ctx *c, CXCursor target, pt_value value,
                          bool compound)
{
    CXCursor t = cc_strip(target);
    enum CXCursorKind kind = clang_getCursorKind(t);
    pt_value result = other();
    cc_add_vars(c, &result, &value);
    if (kind == CXCursor_DeclRefExpr) {
        CXCursor ref = clang_getCursorReferenced(t);
        pt_value tv = compound ? decl_ref(c, t, false) : other();
        (void)tv;
        int32_t d = cc_decl_of(c, ref);
        if (d >= 0) {
            pt_unit_decl(c->unit, (uint32_t)d)->writes++;
        }
        pt_event *ev = cc_event(c, PT_EV_ASSIGN, start_of(c, t));
        ev->name = cc_spelling(c, t);
        ev->args = one_arg(c, value);
        ev->nargs = 1;
        result.kind = PT_VAL_VAR;
        result.text = ev->name;
        return result;
    }
    if (kind == CXCursor_MemberRefExpr) {
        const char *base = NULL, *owner = NULL;
        if (dot_base_written(c, t)) {
            base = path_of(c, member_base_cursor(t), 0);
            CXCursor typed = cc_strip(member_base_cursor(t));
            owner = cc_owner_of_type(c, clang_getCursorType(typed), false);
        } else {
            member_base(c, t, &base, &owner, &result);
        }
        if (compound) {
            field_event(c, t, PT_EV_FIELD_READ, base, owner);
        }
        pt_event *ev = field_event(c, t, PT_EV_FIELD_WRITE, base, owner);
        ev->args = one_arg(c, value);
        ev->nargs = 1;
        const char *path = path_of(c, t, 0);
        if (path != NULL) {
            result.kind = PT_VAL_FIELD;
            result.text = path;
        }
        return result;
    }
    pt_value tv = cc_expr(c, t, false);
    cc_add_vars(c, &result, &tv);
    return result;
}

/* `&x`: the address is taken, the memory is not read. */
static pt_value address_of(cc_ctx *c, CXCursor operand)
{
    CXCursor t = cc_strip(operand);
    enum CXCursorKind kind = clang_getCursorKind(t);
    pt_value v = other();
    const char *path = path_of(c, t, 0);
    if (kind == CXCursor_DeclRefExpr) {
        v = decl_ref(c, t, true);
        v.vars = NULL;          /* &x takes the address; x is not read */
        v.nvars = 0;
    } else if (kind == CXCursor_MemberRefExpr) {
        CXCursor base;
        if (cc_first_expr(t, &base)) {
            pt_value bv = cc_expr(c, base, false);
            cc_add_vars(c, &v, &bv);
        }
    } else if (kind == CXCursor_ArraySubscriptExpr) {
        cc_children k;
        cc_children_of(t, &k);
        for (unsigned i = 0; i < k.len; i++) {
            pt_value iv = cc_expr(c, k.items[i], false);
            cc_add_vars(c, &v, &iv);
        }
        cc_children_free(&k);
    } else {
        pt_value iv = cc_expr(c, t, false);
        cc_add_vars(c, &v, &iv);
    }
    if (path != NULL) {
        v.kind = PT_VAL_ADDRESS;
        v.text = path;
    } else if (v.kind == PT_VAL_VAR) {
        v.kind = PT_VAL_ADDRESS;
    } else {
        v.kind = PT_VAL_OTHER;
        v.text = NULL;
    }
    return v;
}

static pt_value unary(cc_ctx *c, CXCursor e)
{
    CXCursor operand;
    if (!cc_first_expr(e, &operand)) {
        return other();
    }
    uint32_t s = start_of(c, e);
    uint32_t i = cc_token_at(c, s);
    bool prefix = i < c->ntokens && c->tokens[i].start == s &&
                  c->tokens[i].kind == CXToken_Punctuation;
    if (prefix && cc_token_is(c, i, "&")) {
        return address_of(c, operand);
    }
    bool incdec = prefix ? (cc_token_is(c, i, "++") || cc_token_is(c, i, "--"))
                         : true;
    if (!prefix) {
        uint32_t os = 0, oe = 0;
        cc_extent(c, operand, &os, &oe);
        uint32_t k = cc_token_at(c, oe);
        incdec = cc_token_is(c, k, "++") || cc_token_is(c, k, "--");
    }
    if (incdec) {
        CXCursor t = cc_strip(operand);
        enum CXCursorKind kind = clang_getCursorKind(t);
        if (kind == CXCursor_DeclRefExpr || kind == CXCursor_MemberRefExpr) {
            return assign_to(c, t, other(), true);
        }
        return cc_expr(c, operand, false);
    }
    pt_value inner = cc_expr(c, operand, false);
    pt_value v = other();
    cc_add_vars(c, &v, &inner);
    if (prefix && cc_token_is(c, i, "*")) {
        const char *p = path_of(c, operand, 0);
        if (p != NULL) {
            cc_event(c, PT_EV_DEREF, s)->name = p;
        }
    } else if (prefix && cc_token_is(c, i, "-") &&
               inner.kind == PT_VAL_CONST) {
        v.kind = PT_VAL_CONST;
        v.text = pt_arena_printf(c->unit->arena, "-%s", inner.text);
    }
    return v;
}

static pt_value binary(cc_ctx *c, CXCursor e, bool discard)
{
    cc_children k;
    cc_children_of(e, &k);
    pt_value v = other();
    if (k.len != 2) {
        for (unsigned i = 0; i < k.len; i++) {
            pt_value iv = cc_expr(c, k.items[i], false);
            cc_add_vars(c, &v, &iv);
        }
        cc_children_free(&k);
        return v;
    }
    CXCursor lhs = k.items[0], rhs = k.items[1];
    cc_children_free(&k);
    uint32_t op = binary_op(c, lhs);
    if (op_is(c, op, "=")) {
        pt_value rv = cc_expr(c, rhs, false);
        return assign_to(c, lhs, rv, false);
    }
    if (op != CC_NONE && clang_getCursorKind(e) ==
                             CXCursor_CompoundAssignOperator) {
        pt_value rv = cc_expr(c, rhs, false);
        return assign_to(c, lhs, rv, true);
    }
    pt_value lv = cc_expr(c, lhs, op_is(c, op, ",") ? true : false);
    pt_value rv = cc_expr(c, rhs, op_is(c, op, ",") ? discard : false);
    if (op_is(c, op, ",")) {
        return rv;
    }
    cc_add_vars(c, &v, &lv);
    cc_add_vars(c, &v, &rv);
    return v;
}

static pt_value call(cc_ctx *c, CXCursor e, bool discard)
{
    cc_children k;
    cc_children_of(e, &k);
    pt_value v = other();
    if (k.len == 0) {
        cc_children_free(&k);
        return v;
    }
    CXCursor callee = cc_strip(k.items[0]);
    const char *name = NULL, *base = NULL;
    enum CXCursorKind ck = clang_getCursorKind(callee);
    if (ck == CXCursor_DeclRefExpr) {
        name = ident_at(c, start_of(c, callee));
        if (name == NULL) {
            name = cc_spelling(c, callee);
        }
        enum CXCursorKind rk =
            clang_getCursorKind(clang_getCursorReferenced(callee));
        if (rk == CXCursor_VarDecl || rk == CXCursor_ParmDecl) {
            pt_value fv = decl_ref(c, callee, false);   /* fn(x): fn read */
            cc_add_vars(c, &v, &fv);
        } else if (rk == CXCursor_FunctionDecl) {
            cc_count_function_use(c, cc_spelling(c, callee));
        }
    } else if (ck == CXCursor_MemberRefExpr) {
        const char *owner = NULL;
        name = cc_spelling(c, callee);
        member_base(c, callee, &base, &owner, &v);
        /* `ops->fn(x)` loads the function pointer from the field */
        field_event(c, callee, PT_EV_FIELD_READ, base, owner);
    } else {
        pt_value cv = cc_expr(c, callee, false);
        cc_add_vars(c, &v, &cv);
        uint32_t s = 0, end = 0;
        if (cc_extent(c, callee, &s, &end)) {
            name = cc_text(c, s, end);
        }
    }
    uint32_t nargs = k.len - 1;
    pt_value *args = nargs ? pt_arena_alloc(c->unit->arena,
                                            nargs * sizeof(pt_value))
                           : NULL;
    for (uint32_t i = 0; i < nargs; i++) {
        args[i] = cc_expr(c, k.items[i + 1], false);
        cc_add_vars(c, &v, &args[i]);
    }
    cc_children_free(&k);
    uint32_t off = start_of(c, e);
    pt_event *ev = cc_event(c, PT_EV_CALL, off);
    ev->name = name;
    ev->base = base;
    ev->args = args;
    ev->nargs = nargs;
    ev->result_used = !discard;
    v.kind = PT_VAL_CALL;
    v.text = name;
    if (c->uneval == 0 && c->cur != CC_NONE) {
        v.call = (int32_t)pt_function_block(cc_fn(c), c->cur)->events.len - 1;
    }
    cc_lock_event(c, name, args, nargs, off);
    return v;
}

static pt_value cast(cc_ctx *c, CXCursor e, bool discard)
{
    CXCursor inner;
    if (!cc_first_expr(e, &inner)) {
        return other();
    }
    CXType t = clang_getCursorType(e);
    bool to_void = t.kind == CXType_Void;
    CXCursor s = cc_strip(inner);
    enum CXCursorKind kind = clang_getCursorKind(s);
    if (to_void && kind == CXCursor_DeclRefExpr) {
        int32_t d = cc_decl_of(c, clang_getCursorReferenced(s));
        if (d >= 0) {
            pt_unit_decl(c->unit, (uint32_t)d)->marked_unused = true;
        }
    }
    pt_value v = cc_expr(c, inner, to_void ? true : discard);
    if (to_void && v.kind == PT_VAL_CALL && c->uneval == 0 &&
        c->cur != CC_NONE && v.call >= 0) {
        pt_block *b = pt_function_block(cc_fn(c), c->cur);
        if ((uint32_t)v.call < b->events.len) {
            pt_block_event(b, (uint32_t)v.call)->void_cast = true;
        }
    }
    if (v.kind == PT_VAL_CONST && v.text != NULL &&
        strcmp(v.text, "0") == 0 &&
        clang_getCanonicalType(t).kind == CXType_Pointer) {
        v.kind = PT_VAL_NULL;
    }
    return v;
}

/* Walks every child expression; the value is OTHER with their vars. */
static pt_value generic(cc_ctx *c, CXCursor e, bool discard)
{
    cc_children k;
    cc_children_of(e, &k);
    pt_value v = other();
    unsigned nexpr = 0;
    pt_value last = other();
    for (unsigned i = 0; i < k.len; i++) {
        enum CXCursorKind kind = clang_getCursorKind(k.items[i]);
        if (clang_isExpression(kind)) {
            last = cc_expr(c, k.items[i], discard);
            cc_add_vars(c, &v, &last);
            nexpr++;
        } else if (clang_isStatement(kind)) {
            /* GNU statement expression: not lowered, events only */
            cc_children sk;
            cc_children_of(k.items[i], &sk);
            for (unsigned j = 0; j < sk.len; j++) {
                if (clang_isExpression(clang_getCursorKind(sk.items[j]))) {
                    (void)cc_expr(c, sk.items[j], true);   /* events only */
                }
            }
            cc_children_free(&sk);
        }
    }
    cc_children_free(&k);
    return nexpr == 1 && (clang_getCursorKind(e) == CXCursor_ParenExpr ||
                          clang_getCursorKind(e) == CXCursor_UnexposedExpr)
               ? last
               : v;
}

static pt_value literal(cc_ctx *c, CXCursor e, pt_value_kind kind)
{
    pt_value v = other();
    uint32_t s = 0, end = 0;
    v.kind = (uint8_t)kind;
    if (cc_extent(c, e, &s, &end)) {
        v.text = cc_text(c, s, end);
    }
    return v;
}

static pt_value expr_kind(cc_ctx *c, CXCursor e, bool discard)
{
    switch (clang_getCursorKind(e)) {
    case CXCursor_DeclRefExpr:
        return decl_ref(c, e, false);
    case CXCursor_MemberRefExpr:
        return member_read(c, e);
    case CXCursor_CallExpr:
        return call(c, e, discard);
    case CXCursor_IntegerLiteral:
    case CXCursor_FloatingLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_ImaginaryLiteral:
        return literal(c, e, PT_VAL_CONST);
    case CXCursor_StringLiteral:
        return literal(c, e, PT_VAL_STRING);
    case CXCursor_GNUNullExpr:
        return literal(c, e, PT_VAL_NULL);
    case CXCursor_UnaryOperator:
        return unary(c, e);
    case CXCursor_BinaryOperator:
    case CXCursor_CompoundAssignOperator:
        return binary(c, e, discard);
    case CXCursor_CStyleCastExpr:
        return cast(c, e, discard);
    case CXCursor_ArraySubscriptExpr: {
        pt_value v = generic(c, e, false);
        CXCursor base;
        if (cc_first_expr(e, &base)) {
            const char *p = path_of(c, base, 0);
            if (p != NULL) {
                cc_event(c, PT_EV_DEREF, start_of(c, e))->name = p;
            }
        }
        v.text = path_of(c, e, 0);  /* "a[]": kind stays OTHER */
        return v;
    }
    case CXCursor_UnaryExpr: {      /* sizeof, alignof */
        c->uneval++;
        pt_value v = generic(c, e, false);
        c->uneval--;
        v.kind = PT_VAL_OTHER;
        v.text = NULL;
        v.vars = NULL;          /* unevaluated: nothing is read */
        v.nvars = 0;
        return v;
    }
    default:
        return generic(c, e, discard);
    }
}

pt_value cc_expr(cc_ctx *c, CXCursor e, bool discard)
{
    if (c->depth >= CC_MAX_DEPTH) {
        c->too_deep = true;
        return other();
    }
    c->depth++;
    bool handled = false;
    pt_value v = cc_macro_value(c, e, discard, &handled);
    if (!handled) {
        v = expr_kind(c, e, discard);
    }
    c->depth--;
    return v;
}
