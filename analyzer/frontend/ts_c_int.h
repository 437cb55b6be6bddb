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

typedef struct ts_c_sym {
    const char *key;
    int32_t decl;                /* newest decl of the key (chain head) */
} ts_c_sym;

typedef struct ts_c_local {
    const char *name;
    uint32_t decl;
} ts_c_local;

typedef struct ts_c_label {
    const char *name;
    uint32_t block;
} ts_c_label;

typedef struct ts_c_jump {
    uint32_t brk;
    uint32_t cont;               /* TS_C_NONE inside a switch */
} ts_c_jump;

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
    bool partial;                /* current function lost something */
    pt_vec *cases;               /* ts_c_case of the innermost switch */
    pt_vec pending;              /* TSNode: functions found in a body */
    pt_vec frames;               /* ts_c_lines.c walker stack */
    uint8_t *claimed;            /* per line: a statement starts on it */
    pt_event scratch;            /* target of events nobody keeps */
} ts_c_ctx;

/* ---- ts_c.c: nodes, text, symbols ---- */
bool ts_c_is(TSNode node, const char *type);
TSNode ts_c_field(TSNode node, const char *name);
const char *ts_c_text(ts_c_ctx *ctx, TSNode node);
pt_loc ts_c_loc(ts_c_ctx *ctx, TSNode node);
uint32_t ts_c_line(ts_c_ctx *ctx, uint32_t byte);
bool ts_c_enter(ts_c_ctx *ctx);
void ts_c_leave(ts_c_ctx *ctx);
uint32_t ts_c_add_decl(ts_c_ctx *ctx, pt_decl_kind kind, TSNode name_node,
                       const char *name);
void ts_c_sym_put(ts_c_ctx *ctx, char ns, const char *name, uint32_t decl);
int32_t ts_c_sym_get(ts_c_ctx *ctx, char ns, const char *name);
int32_t ts_c_next_same(ts_c_ctx *ctx, int32_t decl);
int32_t ts_c_resolve(ts_c_ctx *ctx, const char *name);
void ts_c_local_push(ts_c_ctx *ctx, const char *name, uint32_t decl);
const char *ts_c_doc(ts_c_ctx *ctx, TSNode decl_node);
bool ts_c_benign_error(TSNode node);
bool ts_c_has_real_error(TSNode node);

/* ---- ts_c_decl.c ---- */
void ts_c_top_level(ts_c_ctx *ctx, TSNode node);
void ts_c_declaration(ts_c_ctx *ctx, TSNode decl, bool local);
void ts_c_type_definition(ts_c_ctx *ctx, TSNode node);
const char *ts_c_owner_of_type(ts_c_ctx *ctx, const char *type_text);
const char *ts_c_field_type(ts_c_ctx *ctx, const char *owner,
                            const char *field);
TSNode ts_c_declarator_name(TSNode declarator);
int32_t ts_c_field_decl(ts_c_ctx *ctx, const char *owner, const char *field);

/* ---- ts_c_lines.c ---- */
void ts_c_lines(ts_c_ctx *ctx, TSNode root);
void ts_c_complexity(ts_c_ctx *ctx, TSNode body, pt_function *fn);

/* ---- ts_c_cfg.c ---- */
void ts_c_function_body(ts_c_ctx *ctx, TSNode body);
uint32_t ts_c_block(ts_c_ctx *ctx);
uint32_t ts_c_cur(ts_c_ctx *ctx);
void ts_c_link(ts_c_ctx *ctx, uint32_t from, uint32_t to);
void ts_c_statement(ts_c_ctx *ctx, TSNode node);

/* ---- ts_c_expr.c ---- */
pt_value ts_c_eval(ts_c_ctx *ctx, TSNode node, bool used);
const char *ts_c_path(ts_c_ctx *ctx, TSNode node);
void ts_c_eval_only(ts_c_ctx *ctx, TSNode node, bool used);
TSNode ts_c_first_named(TSNode node);
const char *ts_c_arg_path(ts_c_ctx *ctx, TSNode arg);
bool ts_c_is_variable(const pt_decl *d);
bool ts_c_looks_like_variable(const char *name);

/* ---- ts_c_cond.c ---- */
void ts_c_cond(ts_c_ctx *ctx, TSNode node, uint32_t yes, uint32_t no);
TSNode ts_c_strip(TSNode node);
void ts_c_count_uses(ts_c_ctx *ctx, TSNode node);
void ts_c_emit_assign(ts_c_ctx *ctx, TSNode at, const char *name,
                      pt_value value);
pt_event *ts_c_emit(ts_c_ctx *ctx, pt_event_kind kind, TSNode at);

#endif
