/*
 * ts_c_int.h - internals shared by the tree-sitter C frontend's files
 * (ts_c.c driver and symbols, ts_c_decl.c declarations, ts_c_lines.c
 * line facts and complexity, ts_c_cfg.c statements, ts_c_expr.c
 * expressions, ts_c_cond.c branch conditions).
 */
#ifndef PTLINT_TS_C_INT_H
#define PTLINT_TS_C_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <tree_sitter/api.h>

#include "frontend/frontend.h"

#define TS_C_NONE UINT32_MAX     /* no current block: code is unreachable */
#define TS_C_MAX_DEPTH 2000      /* deeper nesting is not modelled */

/* Symbol namespaces: prefixes of hash keys. */
#define TS_C_NS_ORD 'o'          /* variables, functions, typedefs, enums */
#define TS_C_NS_TAG 't'          /* struct/union/enum tags */
#define TS_C_NS_FIELD 'f'        /* "scope.field" */
#define TS_C_NS_MACRO 'm'

/*
 * Node types and field names the frontend tests, resolved once per
 * process (ts_c_init) into tables indexed by symbol: comparing node
 * types is a table look-up, not a string comparison.
 */
#define TS_C_KINDS(X) \
    X(ERROR, "ERROR") \
    X(identifier, "identifier") \
    X(field_expression, "field_expression") \
    X(pointer_expression, "pointer_expression") \
    X(comment, "comment") \
    X(subscript_expression, "subscript_expression") \
    X(parameter_declaration, "parameter_declaration") \
    X(call_expression, "call_expression") \
    X(binary_expression, "binary_expression") \
    X(variadic_parameter, "variadic_parameter") \
    X(type_identifier, "type_identifier") \
    X(declaration, "declaration") \
    X(cast_expression, "cast_expression") \
    X(case_statement, "case_statement") \
    X(union_specifier, "union_specifier") \
    X(unary_expression, "unary_expression") \
    X(type_qualifier, "type_qualifier") \
    X(switch_statement, "switch_statement") \
    X(struct_specifier, "struct_specifier") \
    X(string_literal, "string_literal") \
    X(parenthesized_expression, "parenthesized_expression") \
    X(number_literal, "number_literal") \
    X(null, "null") \
    X(field_identifier, "field_identifier") \
    X(field_declaration, "field_declaration") \
    X(enumerator, "enumerator") \
    X(enum_specifier, "enum_specifier") \
    X(else_clause, "else_clause") \
    X(comma_expression, "comma_expression") \
    X(char_literal, "char_literal") \
    X(assignment_expression, "assignment_expression") \
    X(alignof_expression, "alignof_expression") \
    X(array_declarator, "array_declarator") \
    X(attribute_declaration, "attribute_declaration") \
    X(attribute_specifier, "attribute_specifier") \
    X(attributed_declarator, "attributed_declarator") \
    X(break_statement, "break_statement") \
    X(compound_statement, "compound_statement") \
    X(concatenated_string, "concatenated_string") \
    X(continue_statement, "continue_statement") \
    X(do_statement, "do_statement") \
    X(expression_statement, "expression_statement") \
    X(false, "false") \
    X(for_statement, "for_statement") \
    X(function_declarator, "function_declarator") \
    X(function_definition, "function_definition") \
    X(goto_statement, "goto_statement") \
    X(if_statement, "if_statement") \
    X(init_declarator, "init_declarator") \
    X(labeled_statement, "labeled_statement") \
    X(offsetof_expression, "offsetof_expression") \
    X(parenthesized_declarator, "parenthesized_declarator") \
    X(pointer_declarator, "pointer_declarator") \
    X(preproc_def, "preproc_def") \
    X(preproc_elif, "preproc_elif") \
    X(preproc_elifdef, "preproc_elifdef") \
    X(preproc_else, "preproc_else") \
    X(preproc_function_def, "preproc_function_def") \
    X(preproc_if, "preproc_if") \
    X(preproc_ifdef, "preproc_ifdef") \
    X(return_statement, "return_statement") \
    X(sizeof_expression, "sizeof_expression") \
    X(statement_identifier, "statement_identifier") \
    X(storage_class_specifier, "storage_class_specifier") \
    X(true, "true") \
    X(type_definition, "type_definition") \
    X(type_descriptor, "type_descriptor") \
    X(update_expression, "update_expression") \
    X(while_statement, "while_statement") \
    X(conditional_expression, "conditional_expression") \
    X(translation_unit, "translation_unit") \
    X(linkage_specification, "linkage_specification") \
    X(declaration_list, "declaration_list") \
    X(field_declaration_list, "field_declaration_list") \
    X(enumerator_list, "enumerator_list") \
    X(seh_try_statement, "seh_try_statement") \
    X(attributed_statement, "attributed_statement") \
    X(seh_except_clause, "seh_except_clause") \
    X(seh_finally_clause, "seh_finally_clause") \
    X(lbrace, "{") \
    X(rbrace, "}") \
    X(kw_if, "if") \
    X(kw_while, "while") \
    X(kw_for, "for") \
    X(kw_case, "case") \
    X(and_and, "&&") \
    X(or_or, "||") \
    X(question, "?")

/* The node types of TS_C_KINDS as small integers; TS_K_OTHER for the rest. */
typedef enum ts_c_kind {
    TS_K_OTHER = 0,
#define TS_C_KIND_ENUM(id, name) TS_K_##id,
    TS_C_KINDS(TS_C_KIND_ENUM)
#undef TS_C_KIND_ENUM
    TS_K_COUNT
} ts_c_kind;

/* Classes of node types by name. */
#define TS_C_CLASS_STATEMENT 1u      /* the name contains "_statement" */
#define TS_C_CLASS_PREPROC 2u        /* the name starts with "preproc_" */
#define TS_C_CLASS_SPECIFIER 4u      /* the name contains "_specifier" */

#define TS_C_FIELDS(X) \
    X(alternative) \
    X(argument) \
    X(arguments) \
    X(body) \
    X(condition) \
    X(consequence) \
    X(declarator) \
    X(field) \
    X(function) \
    X(index) \
    X(initializer) \
    X(label) \
    X(left) \
    X(name) \
    X(operator) \
    X(parameters) \
    X(right) \
    X(type) \
    X(update) \
    X(value)

/* The field names of TS_C_FIELDS, as indexes into ts_c_symbols.field. */
typedef enum ts_c_fieldk {
#define TS_C_FIELD_ENUM(id) TS_F_##id,
    TS_C_FIELDS(TS_C_FIELD_ENUM)
#undef TS_C_FIELD_ENUM
    TS_F_COUNT
} ts_c_fieldk;

/* The grammar's symbols and fields resolved by ts_c_init(); read-only
   after, so shared by every thread. */
typedef struct ts_c_symbols {
    const uint8_t *kind;         /* ts_c_kind per symbol */
    const uint8_t *klass;        /* TS_C_CLASS_* per symbol */
    uint32_t count;
    TSFieldId field[TS_F_COUNT];
} ts_c_symbols;

extern ts_c_symbols ts_c_syms;

/* Fills ts_c_syms; safe to call from several threads. */
void ts_c_init(void);

static inline ts_c_kind ts_c_kind_of(TSNode node)
{
    if (ts_node_is_null(node)) {
        return TS_K_OTHER;
    }
    TSSymbol s = ts_node_symbol(node);
    if (s < ts_c_syms.count) {
        return (ts_c_kind)ts_c_syms.kind[s];
    }
    return s == (TSSymbol)-1 ? TS_K_ERROR : TS_K_OTHER;
}

static inline unsigned ts_c_class(TSNode node)
{
    if (ts_node_is_null(node)) {
        return 0;
    }
    TSSymbol s = ts_node_symbol(node);
    return s < ts_c_syms.count ? ts_c_syms.klass[s] : 0;
}

static inline bool ts_c_is(TSNode node, ts_c_kind kind)
{
    return ts_c_kind_of(node) == kind;
}

static inline TSFieldId ts_c_field_id(ts_c_fieldk field)
{
    return ts_c_syms.field[field];
}

/* One slot of the symbol hash: namespace-prefixed name, newest decl. */
typedef struct ts_c_sym {
    const char *key;
    int32_t decl;                /* newest decl of the key (chain head) */
} ts_c_sym;

/* A local name in scope and its decl. */
typedef struct ts_c_local {
    const char *name;
    uint32_t decl;
} ts_c_local;

/* A goto label and the block it starts. */
typedef struct ts_c_label {
    const char *name;
    uint32_t block;
} ts_c_label;

/* Where break and continue go in the innermost loop or switch. */
typedef struct ts_c_jump {
    uint32_t brk;
    uint32_t cont;               /* TS_C_NONE inside a switch */
} ts_c_jump;

/* A byte range [start, end) of the text. */
typedef struct ts_c_span {
    uint32_t start;
    uint32_t end;
} ts_c_span;

/* The names a macro's body mentions, its own parameters left out. */
typedef struct ts_c_macro_words {
    uint32_t decl;
    uint32_t count;
    const char **words;
} ts_c_macro_words;

/* The state of one pt_parse_c_tree_sitter() call. */
typedef struct ts_c_ctx {
    pt_unit *unit;
    pt_arena *arena;
    const char *src;
    const pt_frontend_options *opts;
    ts_c_sym *syms;
    uint32_t nsyms;
    uint32_t symcap;
    pt_vec next_same;            /* int32_t per decl: older same-key decl */
    pt_vec locals;               /* ts_c_local, a scope stack */
    int32_t fn;                  /* function being built, or -1 */
    uint32_t cur;                /* current block or TS_C_NONE */
    pt_vec labels;               /* ts_c_label */
    pt_vec jumps;                /* ts_c_jump, a stack */
    uint32_t depth;              /* recursion depth */
    uint32_t quiet;              /* > 0: count uses, emit no events */
    uint32_t stmt;               /* statement being built (pt_event.stmt) */
    uint32_t nstmts;             /* statements numbered so far */
    bool partial;                /* current function lost something */
    pt_vec *cases;               /* ts_c_case of the innermost switch */
    pt_vec pending;              /* TSNode: functions found in a body */
    pt_vec frames;               /* ts_c_lines.c walker stack */
    pt_vec dead;                 /* ts_c_span: `#if 0` arms, in order */
    pt_vec macro_words;          /* ts_c_macro_words, by decl */
    uint8_t *claimed;            /* per line: a statement starts on it */
    pt_event scratch;            /* target of events nobody keeps */
} ts_c_ctx;

/* ---- ts_c.c: nodes, text, symbols ---- */
TSNode ts_c_field(TSNode node, ts_c_fieldk field);
/* An arena copy of the node's text; "" when it lies outside the text. */
const char *ts_c_text(ts_c_ctx *ctx, TSNode node);
bool ts_c_text_is(ts_c_ctx *ctx, TSNode node, const char *text);
/* Does node lie inside the first arm of an `#if 0`?  That is code nobody
   compiles, left unmodelled like a comment (its #else arm is code). */
bool ts_c_is_dead(const ts_c_ctx *ctx, TSNode node);
/* The position where `node` starts. */
pt_loc ts_c_loc(ts_c_ctx *ctx, TSNode node);
/* The 1-based line of byte offset `byte`. */
uint32_t ts_c_line(ts_c_ctx *ctx, uint32_t byte);
bool ts_c_enter(ts_c_ctx *ctx);
/* Ends the level of recursion ts_c_enter() counted. */
void ts_c_leave(ts_c_ctx *ctx);
/* Adds a decl of `kind` at `name_node`, named `name` or else the node's
   text, in the current function; returns its index. */
uint32_t ts_c_add_decl(ts_c_ctx *ctx, pt_decl_kind kind, TSNode name_node,
                       const char *name);
/* Makes `decl` the newest decl of `name` in namespace `ns` (TS_C_NS_*);
   the one it hides stays reachable by ts_c_next_same(). */
void ts_c_sym_put(ts_c_ctx *ctx, char ns, const char *name, uint32_t decl);
/* The newest decl of `name` in namespace `ns`, or -1. */
int32_t ts_c_sym_get(ts_c_ctx *ctx, char ns, const char *name);
/* The decl that `decl` hid under the same name and namespace, or -1. */
int32_t ts_c_next_same(ts_c_ctx *ctx, int32_t decl);
int32_t ts_c_resolve(ts_c_ctx *ctx, const char *name);

/* ---- ts_c_macro.c: what macro bodies read ---- */
/* Counts the file-scope names the body `value` of macro decl `decl`
   spells as read, and keeps its names (less `params`) for its uses. */
void ts_c_macro_body(ts_c_ctx *ctx, uint32_t decl, TSNode value,
                     TSNode params);
/* A use of macro decl `macro` in a function: the locals its body (and the
   macros it uses, a few levels deep) names are read. */
void ts_c_macro_reads(ts_c_ctx *ctx, uint32_t macro);
/* Brings local `name` into scope; the newest wins in ts_c_resolve(). */
void ts_c_local_push(ts_c_ctx *ctx, const char *name, uint32_t decl);
const char *ts_c_doc(ts_c_ctx *ctx, TSNode decl_node);
/* True for the ERROR tree-sitter makes of the macro in `MACRO int
   f(void)`: one identifier before a declarator, no real parse error. */
bool ts_c_benign_error(TSNode node);

/* What ts_c_scan_node() carries from node to node: the error it is in. */
typedef struct ts_c_scan {
    bool in_error;
    uint32_t error_depth;
    uint32_t end;                /* content end, UINT32_MAX: not measured */
} ts_c_scan;
void ts_c_scan_node(ts_c_ctx *ctx, const TSTreeCursor *cur, TSNode n,
                    uint32_t depth, ts_c_scan *scan);
/* Called as the walk leaves a node at `depth`: ends the error it opened. */
void ts_c_scan_leave(ts_c_scan *scan, uint32_t depth);
bool ts_c_has_real_error(TSNode node);

/* ---- ts_c_decl.c ---- */
void ts_c_top_level(ts_c_ctx *ctx, TSNode node);
/* Adds the decls of a declaration: the types it defines, then each
   declarator, a prototype or a variable (a local when `local`). */
void ts_c_declaration(ts_c_ctx *ctx, TSNode decl, bool local);
/* Adds the decls of a typedef: the type it defines, then a
   PT_DECL_TYPEDEF per declarator. */
void ts_c_type_definition(ts_c_ctx *ctx, TSNode node);
const char *ts_c_owner_of_type(ts_c_ctx *ctx, const char *type_text);
const char *ts_c_field_type(ts_c_ctx *ctx, const char *owner,
                            const char *field);
/* The name inside a declarator, through initialisers, pointers, arrays,
   function declarators and parentheses; a null node when none. */
TSNode ts_c_declarator_name(TSNode declarator);
int32_t ts_c_field_decl(ts_c_ctx *ctx, const char *owner, const char *field);

/* ---- ts_c_lines.c ---- */
void ts_c_lines(ts_c_ctx *ctx, TSNode root);
/* Sets fn->decisions and fn->max_nesting of `body` as pmccabe counts:
   nested functions, #else arms, `#if 0` and directive conditions skipped. */
void ts_c_complexity(ts_c_ctx *ctx, TSNode body, pt_function *fn);

/* ---- ts_c_cfg.c ---- */
void ts_c_function_body(ts_c_ctx *ctx, TSNode body);
/* Adds a block to the function being built; returns its index. */
uint32_t ts_c_block(ts_c_ctx *ctx);
/* The current block, a new one when code after a jump needs it. */
uint32_t ts_c_cur(ts_c_ctx *ctx);
/* Ends block `from` with a jump to `to`; nothing when `from` is
   TS_C_NONE. */
void ts_c_link(ts_c_ctx *ctx, uint32_t from, uint32_t to);
/* Adds one statement to the current function's graph; a function
   defined inside it is queued in ctx->pending. */
void ts_c_statement(ts_c_ctx *ctx, TSNode node);

/* ---- ts_c_expr.c ---- */
pt_value ts_c_eval(ts_c_ctx *ctx, TSNode node, bool used);
/* The access path `node` names ("p.next" for p->next, "a[]"), through
   casts and assignments; NULL when it names none. */
const char *ts_c_path(ts_c_ctx *ctx, TSNode node);
void ts_c_eval_only(ts_c_ctx *ctx, TSNode node, bool used);
TSNode ts_c_first_named(TSNode node);
/* The path of a call argument, `&` removed ("t.lock" for &t->lock);
   the argument's text when it has no path. */
const char *ts_c_arg_path(ts_c_ctx *ctx, TSNode arg);
/* True for a local, a parameter or a file-scope variable. */
bool ts_c_is_variable(const pt_decl *d);
bool ts_c_looks_like_variable(const char *name);

/* ---- ts_c_cond.c ---- */
void ts_c_cond(ts_c_ctx *ctx, TSNode node, uint32_t yes, uint32_t no);
/* `node` with any enclosing parentheses removed. */
TSNode ts_c_strip(TSNode node);
void ts_c_count_uses(ts_c_ctx *ctx, TSNode node);
/* Emits an ASSIGN of `value` to `name` at `at`. */
void ts_c_emit_assign(ts_c_ctx *ctx, TSNode at, const char *name,
                      pt_value value);
/* Appends an event at `at` to the current block; outside a function or
   while quiet, a zeroed scratch event that is dropped. */
pt_event *ts_c_emit(ts_c_ctx *ctx, pt_event_kind kind, TSNode at);

#endif
