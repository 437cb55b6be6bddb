/*
 * dump.c - the model in a stable text form, for --dump-model and the
 * golden dumps that make frontend changes reviewable.
 */
#include "ptlint/buf.h"
#include "ptlint/model.h"

static const char *const decl_kind_names[PT_DECL_KIND_COUNT] = {
    [PT_DECL_FUNCTION] = "function",   [PT_DECL_METHOD] = "method",
    [PT_DECL_PARAM] = "param",         [PT_DECL_LOCAL] = "local",
    [PT_DECL_GLOBAL] = "global",       [PT_DECL_FIELD] = "field",
    [PT_DECL_ATTRIBUTE] = "attribute", [PT_DECL_TYPE] = "type",
    [PT_DECL_TYPEDEF] = "typedef",     [PT_DECL_MACRO] = "macro",
    [PT_DECL_ENUM_CONST] = "enum-const", [PT_DECL_CLASS] = "class",
    [PT_DECL_IMPORT] = "import",
};

static const char *const event_kind_names[PT_EV_KIND_COUNT] = {
    [PT_EV_CALL] = "call",           [PT_EV_ASSIGN] = "assign",
    [PT_EV_READ] = "read",           [PT_EV_FIELD_READ] = "field-read",
    [PT_EV_FIELD_WRITE] = "field-write", [PT_EV_SUBSCRIPT] = "subscript",
    [PT_EV_ACQUIRE] = "acquire",     [PT_EV_RELEASE] = "release",
    [PT_EV_DEREF] = "deref",         [PT_EV_RETURN] = "return",
    [PT_EV_RAISE] = "raise",         [PT_EV_CONTAINS] = "contains",
};

static const char *const test_kind_names[] = {
    [PT_TEST_OTHER] = "other",       [PT_TEST_NOT_NULL] = "not-null",
    [PT_TEST_CALL] = "call",         [PT_TEST_ISINSTANCE] = "isinstance",
    [PT_TEST_COMPARE] = "compare",   [PT_TEST_CONTAINS] = "contains",
};

static const char *const value_kind_names[] = {
    [PT_VAL_OTHER] = "other",   [PT_VAL_VAR] = "var",
    [PT_VAL_FIELD] = "field",   [PT_VAL_CALL] = "call",
    [PT_VAL_NULL] = "null",     [PT_VAL_CONST] = "const",
    [PT_VAL_STRING] = "string", [PT_VAL_ADDRESS] = "address",
};

const char *pt_decl_kind_name(pt_decl_kind kind)
{
    return kind < PT_DECL_KIND_COUNT ? decl_kind_names[kind] : "?";
}

const char *pt_event_kind_name(pt_event_kind kind)
{
    return kind < PT_EV_KIND_COUNT ? event_kind_names[kind] : "?";
}

/* "name" or "-" for a missing string. */
static const char *or_dash(const char *text)
{
    return text != NULL ? text : "-";
}

static void dump_decl(const pt_decl *d, pt_buf *out)
{
    pt_buf_printf(out, "decl %s %s %u:%u fn=%d", pt_decl_kind_name(d->kind),
                  d->name, d->loc.line, d->loc.col, d->function);
    if (d->scope != NULL) {
        pt_buf_printf(out, " scope=%s", d->scope);
    }
    pt_buf_printf(out, " reads=%u writes=%u%s%s%s%s%s\n", d->reads,
                  d->writes, d->is_public ? " public" : "",
                  d->doc != NULL ? " doc" : "",
                  d->is_pointer ? " pointer" : "",
                  d->marked_unused ? " unused-mark" : "",
                  d->address_taken ? " address-taken" : "");
}

static void dump_value(const pt_value *v, pt_buf *out)
{
    pt_buf_printf(out, " %s:%s", value_kind_names[v->kind], or_dash(v->text));
    for (uint32_t i = 0; i < v->nvars; i++) {
        pt_buf_printf(out, "%s%s", i == 0 ? "{" : ",", v->vars[i]);
    }
    if (v->nvars > 0) {
        pt_buf_puts(out, "}");
    }
}

static void dump_event(const pt_event *e, pt_buf *out)
{
    pt_buf_printf(out, "    %u:%u %s %s", e->loc.line, e->loc.col,
                  pt_event_kind_name(e->kind), or_dash(e->name));
    if (e->base != NULL) {
        pt_buf_printf(out, " base=%s", e->base);
    }
    if (e->kind == PT_EV_CALL) {
        pt_buf_printf(out, " used=%d", e->result_used);
    }
    for (uint32_t i = 0; i < e->nargs; i++) {
        dump_value(&e->args[i], out);
    }
    pt_buf_puts(out, "\n");
}

static void dump_block(const pt_block *b, uint32_t index, pt_buf *out)
{
    pt_buf_printf(out, "  block %u", index);
    if (b->handler >= 0) {
        pt_buf_printf(out, " handler=%d", b->handler);
    }
    pt_buf_puts(out, "\n");
    for (uint32_t i = 0; i < b->events.len; i++) {
        dump_event(pt_block_event(b, i), out);
    }
    switch (b->term) {
    case PT_TERM_GOTO:
        pt_buf_printf(out, "    goto %u\n", b->succ[0]);
        break;
    case PT_TERM_BRANCH:
        pt_buf_printf(out, "    branch %s %s %s ? %u : %u\n",
                      test_kind_names[b->cond.kind], or_dash(b->cond.subject),
                      or_dash(b->cond.callee), b->succ[0], b->succ[1]);
        break;
    case PT_TERM_RETURN:
        pt_buf_printf(out, "    exit %u:%u\n", b->term_loc.line,
                      b->term_loc.col);
        break;
    case PT_TERM_NORETURN:
        pt_buf_printf(out, "    noreturn %u:%u\n", b->term_loc.line,
                      b->term_loc.col);
        break;
    default:
        pt_buf_printf(out, "    raise %u:%u\n", b->term_loc.line,
                      b->term_loc.col);
        break;
    }
}

static void dump_function(const pt_function *f, pt_buf *out)
{
    pt_buf_printf(out, "function %s %u:%u-%u%s%s%s decisions=%u nesting=%u\n",
                  f->name, f->loc.line, f->loc.col, f->end.line,
                  f->is_public ? " public" : "", f->partial ? " partial" : "",
                  f->doc != NULL ? " doc" : "", f->decisions, f->max_nesting);
    for (uint32_t i = 0; i < f->blocks.len; i++) {
        dump_block(pt_function_block(f, i), i, out);
    }
}

void pt_unit_dump(const pt_unit *unit, pt_buf *out)
{
    pt_buf_printf(out, "unit %s lines=%u comments=%u errors=%u\n",
                  unit->path, unit->lines.len, unit->comments.len,
                  unit->errors.len);
    for (uint32_t i = 0; i < unit->decls.len; i++) {
        dump_decl(pt_unit_decl(unit, i), out);
    }
    for (uint32_t i = 0; i < unit->functions.len; i++) {
        dump_function(pt_unit_function(unit, i), out);
    }
}
