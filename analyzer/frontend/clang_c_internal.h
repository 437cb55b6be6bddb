/*
 * clang_c_internal.h - shared state of the libclang C frontend (clang_c*.c).
 *
 * One cc_ctx lives for one call of pt_parse_c_clang(): the translation unit,
 * the main file's tokens and macro expansions, the map from declaration
 * positions to decls, and the state of the function body being lowered.
 */
#ifndef PTLINT_CLANG_C_INTERNAL_H
#define PTLINT_CLANG_C_INTERNAL_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include <stdint.h>

#include "frontend/frontend.h"

#define CC_NONE UINT32_MAX
#define CC_MAX_DEPTH 1500

/* One raw token of the main file, comments included. */
typedef struct cc_token {
    uint32_t start;
    uint32_t end;               /* exclusive */
    uint8_t kind;               /* CXTokenKind */
} cc_token;

/* One macro expansion in the main file. */
typedef struct cc_macro {
    uint32_t start;             /* expansion range in the main file */
    uint32_t end;
    const char *name;           /* arena */
    bool function_like;
} cc_macro;

/* A cursor's children: an inline array that spills to the heap when it
   fills; cc_children_free() releases it. */
typedef struct cc_children {
    CXCursor *items;
    unsigned len;
    unsigned cap;
    CXCursor local[8];
} cc_children;

/* A break/continue target, or a switch being lowered. */
typedef struct cc_jump {
    uint32_t brk;
    uint32_t cont;              /* CC_NONE for a switch */
    bool is_switch;
    uint32_t dispatch;          /* switch: block that tests the next case */
    uint32_t default_block;     /* switch: CC_NONE until `default:` */
} cc_jump;

/* A goto label and the block it starts. */
typedef struct cc_label {
    const char *name;
    uint32_t block;
} cc_label;

/* The state of one pt_parse_c_clang() call (see above). */
typedef struct cc_ctx {
    pt_unit *unit;
    const pt_frontend_options *options;
    CXTranslationUnit tu;
    CXFile file;
    cc_token *tokens;           /* heap, the whole main file, in order */
    uint32_t ntokens;
    cc_macro *macros;           /* heap, in order of position */
    uint32_t nmacros;
    uint32_t macro_cap;
    /* decl position (byte offset of the name) -> decl index */
    uint32_t *map_keys;
    int32_t *map_vals;
    uint32_t map_cap;
    uint32_t map_len;
    /* decl name -> newest decl of that name (open addressing, -1 empty);
       name_next[d]: the next older decl of the same name, or -1 */
    int32_t *name_heads;
    uint32_t name_cap;
    uint32_t name_len;
    int32_t *name_next;
    uint32_t name_next_cap;
    /* names of functions used as values (arena strings) */
    pt_vec fn_values;
    /* offsets (uint32_t) of the main file's errors that are not parse
       errors (an undeclared name): clang drops the expression around
       them, so the function holding one is modelled only in part */
    pt_vec semantic_errors;
    /* the function being lowered */
    int32_t fn;
    uint32_t cur;
    cc_jump *jumps;
    uint32_t njumps;
    uint32_t jump_cap;
    pt_vec labels;              /* cc_label */
    unsigned depth;
    bool too_deep;
    uint32_t nesting;
    unsigned uneval;            /* inside sizeof: count uses, no events */
    uint32_t stmt;              /* statement being built (pt_event.stmt) */
    uint32_t nstmts;            /* statements numbered so far */
    pt_event scratch;           /* where events go while uneval */
} cc_ctx;

/* ---- clang_c_util.c ---- */
void cc_children_of(CXCursor parent, cc_children *out);
/* Frees a spilled array; `children` is empty after. */
void cc_children_free(cc_children *children);
bool cc_offset(const cc_ctx *c, CXSourceLocation loc, uint32_t *offset);
bool cc_file_offset(const cc_ctx *c, CXSourceLocation loc, uint32_t *offset);
/* The byte range of `cursor` in the main file, a macro argument where
   the call spells it; false when it is not in the main file. */
bool cc_extent(const cc_ctx *c, CXCursor cursor, uint32_t *start,
               uint32_t *end);
/* The main-file offset of the cursor's location, placed as cc_extent()
   places the range; false when it is not in the main file. */
bool cc_cursor_offset(const cc_ctx *c, CXCursor cursor, uint32_t *offset);
/* The position of byte `offset` of the main file. */
pt_loc cc_loc(const cc_ctx *c, uint32_t offset);
/* An arena copy of bytes [start, end) of the main file, clamped to it. */
const char *cc_text(const cc_ctx *c, uint32_t start, uint32_t end);
/* An arena copy of the cursor's spelling; "" when it has none. */
const char *cc_spelling(const cc_ctx *c, CXCursor cursor);
uint32_t cc_token_at(const cc_ctx *c, uint32_t offset);
/* True when token `index` exists and its text is `text`. */
bool cc_token_is(const cc_ctx *c, uint32_t index, const char *text);
CXCursor cc_strip(CXCursor cursor);
/* The first child of `parent` that is an expression; false when none. */
bool cc_first_expr(CXCursor parent, CXCursor *out);
const cc_macro *cc_macro_at(const cc_ctx *c, uint32_t offset);
/* Maps a decl's position (its name's offset) to its index.  Out of
   memory, the entry is dropped. */
void cc_map_put(cc_ctx *c, uint32_t key, int32_t value);
/* The decl index at position `key`, or -1. */
int32_t cc_map_get(const cc_ctx *c, uint32_t key);
int32_t cc_decl_of(const cc_ctx *c, CXCursor referenced);
void cc_names_put(cc_ctx *c, int32_t decl);
int32_t cc_names_first(const cc_ctx *c, const char *name);
/* The next older decl with the name of `decl`, or -1. */
int32_t cc_names_next(const cc_ctx *c, int32_t decl);

/* ---- clang_c_lines.c ---- */
void cc_lines(cc_ctx *c);
/* Adds every comment token of the main file to unit->comments. */
void cc_comments(cc_ctx *c);
const char *cc_doc_for_line(const cc_ctx *c, uint32_t line1);

/* ---- clang_c_decls.c ---- */
void cc_top_level(cc_ctx *c);
/* Adds the decl of `cursor`, indexed by position and name; returns its
   index, or -1 when the cursor is not in the main file. */
int32_t cc_add_decl(cc_ctx *c, CXCursor cursor, pt_decl_kind kind,
                    int32_t function, const char *scope);
const char *cc_owner_of_type(cc_ctx *c, CXType type, bool through_pointer);
void cc_count_function_use(cc_ctx *c, const char *name);
void cc_count_field_use(cc_ctx *c, CXCursor member, bool write);
void cc_count_macro_uses(cc_ctx *c);

/* ---- clang_c_stmt.c ---- */
void cc_function(cc_ctx *c, CXCursor cursor, int32_t decl);
/* The function being lowered (c->fn). */
pt_function *cc_fn(const cc_ctx *c);
/* Adds a block to the function being lowered; returns its index. */
uint32_t cc_block_new(cc_ctx *c);
uint32_t cc_block_cur(cc_ctx *c);
/* Ends block `from` with a jump to `to`. */
void cc_goto(cc_ctx *c, uint32_t from, uint32_t to);
/* Appends an event at `offset` to the current block, opening one when
   none is open; inside sizeof, a zeroed scratch event that is dropped. */
pt_event *cc_event(cc_ctx *c, pt_event_kind kind, uint32_t offset);
/* Declares the local `var`; its initialiser becomes an ASSIGN event. */
void cc_local_decl(cc_ctx *c, CXCursor var);

/* ---- clang_c_expr.c ---- */
pt_value cc_expr(cc_ctx *c, CXCursor expr, bool discard);
/* The access path `expr` names ("p.next", "a[]"; `*p` is "p"), or NULL. */
const char *cc_path(cc_ctx *c, CXCursor expr);
const char *cc_first_var_path(cc_ctx *c, CXCursor expr);
void cc_add_vars(cc_ctx *c, pt_value *to, const pt_value *from);
/* Ends the current block by testing `expr`: to `yes` when it holds, `no`
   when not.  `!` swaps the edges; && and || chain branch blocks. */
void cc_cond(cc_ctx *c, CXCursor expr, uint32_t yes, uint32_t no);
/* Lowers a statement that comes from a function-like macro as a CALL of
   the macro; false, doing nothing, for any other statement. */
bool cc_macro_stmt(cc_ctx *c, CXCursor stmt);
/* Sets fn->decisions as pmccabe counts: the if, while, for, case, &&, ||
   and ? tokens in [start, end), preprocessor lines skipped. */
void cc_count_decisions(cc_ctx *c, pt_function *fn, uint32_t start,
                        uint32_t end);
/* The value of an expression a macro expands to: a function-like
   macro's invocation becomes a CALL of the macro; an object-like macro
   that is the whole expression a CONST named by the macro (NULL a NULL),
   unless it names the variable it expands to.  Sets *handled when it
   lowered `e`; otherwise returns a zero value and lowers nothing. */
pt_value cc_macro_value(cc_ctx *c, CXCursor e, bool discard, bool *handled);
/* Emits an ACQUIRE or RELEASE at `offset` when `name` is a lock function
   (the configured vocabulary, else pthread's) and its first argument a
   path. */
void cc_lock_event(cc_ctx *c, const char *name, const pt_value *args,
                   uint32_t nargs, uint32_t offset);

#endif
