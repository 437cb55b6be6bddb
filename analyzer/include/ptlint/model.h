/*
 * model.h - the program model of one source file (a unit).
 *
 * Frontends (tree-sitter C, libclang C, tree-sitter Python) translate a file
 * into this model; rules read nothing else.  Every pointer in a unit points
 * into the unit's arena and lives until pt_unit_free().
 *
 * Positions are full width: 1-based line, 1-based column counted in bytes,
 * 0-based byte offset.
 */
#ifndef PTLINT_MODEL_H
#define PTLINT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ptlint/arena.h"

/* The language a unit is written in. */
typedef enum pt_language {
    PT_LANG_C = 0,
    PT_LANG_PYTHON = 1,
} pt_language;

/* Bit masks of languages, for rule descriptors. */
#define PT_LANGS_C (1u << PT_LANG_C)
#define PT_LANGS_PYTHON (1u << PT_LANG_PYTHON)
#define PT_LANGS_ALL (PT_LANGS_C | PT_LANGS_PYTHON)

/* A position: 1-based line and byte column, 0-based byte offset. */
typedef struct pt_loc {
    uint32_t line;
    uint32_t col;
    uint32_t byte;
} pt_loc;

/* One comment of the source, from its first to its last character. */
typedef struct pt_comment {
    pt_loc start;
    pt_loc end;
    const char *text;           /* the whole comment, delimiters included */
} pt_comment;

/* One physical line's leading whitespace and what kind of line it is. */
typedef enum pt_line_kind {
    PT_LINE_CODE = 0,           /* an ordinary statement line */
    PT_LINE_BLANK,              /* empty or whitespace only */
    PT_LINE_CONTINUATION,       /* inside a multi-line statement/expression */
    PT_LINE_COMMENT,            /* only a comment */
    PT_LINE_STRING,             /* inside a multi-line string */
    PT_LINE_PREPROCESSOR,       /* C preprocessor directive or its tail */
    PT_LINE_LABEL,              /* C label or case/default label */
    PT_LINE_INACTIVE,           /* libclang: in an #if branch it skipped */
} pt_line_kind;

/* One entry of the line table: the line's extent, indentation and kind. */
typedef struct pt_line {
    uint32_t start;             /* byte offset of the first character */
    uint32_t length;            /* bytes, without the line terminator */
    uint16_t indent_spaces;     /* spaces in the leading whitespace */
    uint16_t indent_tabs;       /* tabs in the leading whitespace */
    uint32_t indent_width;      /* visual width, tabs to multiples of 8 */
    uint8_t kind;               /* pt_line_kind */
    uint8_t mixed;              /* a tab follows a space or vice versa */
    uint16_t depth;             /* block nesting depth of the line */
} pt_line;

/* What a declared name is. */
typedef enum pt_decl_kind {
    PT_DECL_FUNCTION = 0,       /* C function; Python module-level def */
    PT_DECL_METHOD,             /* Python def directly inside a class */
    PT_DECL_PARAM,              /* parameter of a function */
    PT_DECL_LOCAL,              /* variable local to a function */
    PT_DECL_GLOBAL,             /* C file-scope or Python module variable */
    PT_DECL_FIELD,              /* C struct/union member */
    PT_DECL_ATTRIBUTE,          /* Python self.<name> assigned in a class,
                                   or a name bound in a class body */
    PT_DECL_TYPE,               /* C struct/union/enum tag */
    PT_DECL_TYPEDEF,            /* C typedef name */
    PT_DECL_MACRO,              /* C #define */
    PT_DECL_ENUM_CONST,         /* C enumerator */
    PT_DECL_CLASS,              /* Python class */
    PT_DECL_IMPORT,             /* Python name bound by import */
    PT_DECL_KIND_COUNT
} pt_decl_kind;

/* One declared name: where, in which function, and how it is used. */
typedef struct pt_decl {
    uint8_t kind;               /* pt_decl_kind */
    const char *name;
    pt_loc loc;                 /* of the name */
    int32_t function;           /* owning function index, or -1 */
    const char *scope;          /* enclosing class or struct name, or NULL */
    const char *type_text;      /* C type spelling; Python annotation */
    const char *doc;            /* doc comment or docstring, or NULL */
    const char *detail;         /* import: "module" or "module.name";
                                   class: its bases, comma separated;
                                   Python attribute bound in the class
                                   body (not self.x): "class" */
    uint32_t reads;             /* uses that read the value */
    uint32_t writes;            /* assignments after the declaration */
    bool is_public;             /* C: external linkage; Python: no _ */
    bool is_definition;         /* C function has a body */
    bool has_prototype;         /* C function declared with a prototype */
    bool has_type;              /* Python: annotated; C: always true */
    bool is_pointer;            /* C: pointer or array (string-like) */
    bool is_const_qualified;    /* C: const object (not pointee) */
    bool marked_unused;         /* __attribute__((unused)), (void)x */
    bool address_taken;         /* &f or f used as a value */
    bool is_static_local;       /* C static local */
    bool is_tuple_target;       /* Python: bound by unpacking */
    bool is_struct_member_of_header; /* declared in a .h file */
    bool is_overload;           /* Python @typing.overload stub */
    bool is_property;           /* Python @property */
    bool is_nested;             /* function defined inside a function */
    bool is_function_like;      /* C macro with parameters */
    bool is_global_stmt;        /* Python name declared global/nonlocal */
} pt_decl;

/* ---- values: what an argument, operand or assigned value is ---- */

/* What kind of expression a pt_value stands for. */
typedef enum pt_value_kind {
    PT_VAL_OTHER = 0,           /* an expression we do not model */
    PT_VAL_VAR,                 /* a plain variable: text = its name */
    PT_VAL_FIELD,               /* access path: text = "tree.lock" */
    PT_VAL_CALL,                /* result of the call event `call` */
    PT_VAL_NULL,                /* NULL, 0 as pointer, None */
    PT_VAL_CONST,               /* number, true/false */
    PT_VAL_STRING,              /* string literal */
    PT_VAL_ADDRESS,             /* &path: text = path */
} pt_value_kind;

/* An expression reduced to what rules need: a path, a literal or a call,
   and the variables it reads. */
typedef struct pt_value {
    uint8_t kind;               /* pt_value_kind */
    const char *text;           /* normalised path or literal text */
    int32_t call;               /* PT_VAL_CALL: event index in the block */
    const char **vars;          /* variables the expression reads */
    uint32_t nvars;
} pt_value;

/* ---- events ---- */

/* What an event does, and which of its fields say what to. */
typedef enum pt_event_kind {
    PT_EV_CALL = 0,     /* name = callee; base = receiver; args */
    PT_EV_ASSIGN,       /* name = target path; args[0] = value */
    PT_EV_READ,         /* name = variable read */
    PT_EV_FIELD_READ,   /* name = field; base = base path; owner = type */
    PT_EV_FIELD_WRITE,  /* same as FIELD_READ */
    PT_EV_SUBSCRIPT,    /* base = container path; args[0] = key */
    PT_EV_ACQUIRE,      /* name = lock path ("tree.lock", "self._lock") */
    PT_EV_RELEASE,      /* name = lock path */
    PT_EV_DEREF,        /* name = pointer path dereferenced */
    PT_EV_RETURN,       /* args[0] = returned value, if any */
    PT_EV_RAISE,        /* name = exception class, or NULL for re-raise */
    PT_EV_CONTAINS,     /* Python `key in container`: base, args[0] */
    PT_EV_KIND_COUNT
} pt_event_kind;

/* One thing a statement does; a block's events are in execution order. */
typedef struct pt_event {
    uint8_t kind;               /* pt_event_kind */
    bool result_used;           /* CALL: the value is used */
    bool void_cast;             /* CALL: explicitly discarded with (void) */
    bool is_method;             /* CALL: receiver.method(...) */
    bool implicit;              /* synthesised (with-exit, finally copy) */
    bool store;                 /* SUBSCRIPT: written, not read */
    pt_loc loc;
    const char *name;
    const char *base;
    const char *owner;          /* FIELD_*: owning struct type or class */
    pt_value *args;
    uint32_t nargs;
    int32_t try_region;         /* innermost try region, or -1 */
    uint32_t stmt;              /* the statement it comes from: events of
                                   one statement share it (0: unknown) */
} pt_event;

/* ---- control flow ---- */

/* How control leaves a basic block. */
typedef enum pt_term_kind {
    PT_TERM_GOTO = 0,           /* one successor: succ[0] */
    PT_TERM_BRANCH,             /* succ[0] when cond holds, succ[1] if not */
    PT_TERM_RETURN,             /* leaves the function (return, fall off) */
    PT_TERM_RAISE,              /* leaves by an exception */
    PT_TERM_NORETURN,           /* ends in a call that never returns
                                   (abort, exit): no successor, and no
                                   exit of the function either */
} pt_term_kind;

/* What a branch condition tests, from the true edge's point of view. */
typedef enum pt_test_kind {
    PT_TEST_OTHER = 0,          /* unmodelled condition */
    PT_TEST_NOT_NULL,           /* subject != NULL / is not None / truthy */
    PT_TEST_CALL,               /* callee(..subject..) returned truthy */
    PT_TEST_ISINSTANCE,         /* isinstance(subject, T) */
    PT_TEST_COMPARE,            /* subject compared (bounds, length, ==) */
    PT_TEST_CONTAINS,           /* subject in callee (Python `in`) */
    PT_TEST_KIND_COUNT
} pt_test_kind;

/*
 * Frontends emit every condition in its positive form: `!p`, `p == NULL`,
 * `p is None` and `not p` become PT_TEST_NOT_NULL with the successors
 * swapped, so that succ[0] is always the edge where the test holds.
 * `a && b` and `a || b` become a chain of branch blocks.
 */

/* The test of a PT_TERM_BRANCH block, in its positive form. */
typedef struct pt_cond {
    uint8_t kind;               /* pt_test_kind */
    const char *subject;        /* tested path, e.g. "name" or "tree.root" */
    const char *callee;         /* CALL: function; CONTAINS: container */
    pt_loc loc;
} pt_cond;

/* A basic block: its events in order, then how control leaves it. */
typedef struct pt_block {
    pt_vec events;              /* pt_event */
    uint8_t term;               /* pt_term_kind */
    uint32_t succ[2];
    pt_cond cond;               /* PT_TERM_BRANCH only */
    int32_t handler;            /* block an exception here goes to, or -1 */
    pt_loc term_loc;            /* the return/raise or closing brace */
} pt_block;

/* One `except` clause of a Python try statement. */
typedef struct pt_handler {
    pt_loc loc;                 /* of the `except` keyword */
    const char **classes;       /* classes named; none for a bare except */
    uint32_t nclasses;
    const char *bound;          /* `as` name, or NULL */
    uint32_t first_line;        /* the clause's body, first to last line */
    uint32_t last_line;
} pt_handler;

/* A Python try statement: what its handlers catch and whether a finally
   runs.  An event carries the index of its innermost region. */
typedef struct pt_try_region {
    pt_loc loc;
    int32_t parent;             /* enclosing region, or -1 */
    const char **caught;        /* class names caught; "*" for bare */
    uint32_t ncaught;
    bool has_finally;
    pt_vec handlers;            /* pt_handler, in source order */
} pt_try_region;

/* A function with a body (C definition or Python def): its control-flow
   graph, complexity counts and doc. */
typedef struct pt_function {
    const char *name;
    const char *class_name;     /* Python: enclosing class; else NULL */
    pt_loc loc;                 /* of the name */
    pt_loc start;               /* first line of the definition */
    pt_loc end;                 /* last character of the body */
    int32_t decl;               /* its PT_DECL_FUNCTION/METHOD, or -1 */
    pt_vec params;              /* uint32_t indices into unit->decls */
    pt_vec decorators;          /* const char *: decorator text */
    pt_vec blocks;              /* pt_block; block 0 is the entry */
    pt_vec try_regions;         /* pt_try_region */
    uint32_t decisions;         /* decision points, per the language's
                                   complexity oracle (pmccabe / mccabe) */
    uint32_t max_nesting;       /* deepest block nesting in the body */
    bool is_public;
    bool is_method;
    bool is_static;             /* C static; Python @staticmethod */
    bool partial;               /* the body holds a parse error */
    bool returns_annotated;
    bool is_nested;
    const char *doc;
} pt_function;

/* An #include the frontend could not resolve; analysis goes on. */
typedef struct pt_missing_include {
    const char *header;         /* as spelled: "config.h" */
    pt_loc loc;                 /* of the directive in this unit; 0:0 when
                                   it sits in another header */
} pt_missing_include;

/* The model of one source file; pt_unit_free() frees all of it. */
typedef struct pt_unit {
    pt_arena *arena;
    const char *path;           /* as given on the command line */
    pt_language language;
    const char *frontend;       /* "tree-sitter", "clang" */
    const char *text;
    uint32_t length;
    pt_vec lines;               /* pt_line, index 0 = line 1 */
    pt_vec comments;            /* pt_comment, in order */
    pt_vec decls;               /* pt_decl */
    pt_vec functions;           /* pt_function */
    pt_vec errors;              /* pt_loc of each parse error */
    pt_vec missing_includes;    /* pt_missing_include: libclang's misses */
    bool truncated;             /* fatal: unbalanced, cut short */
    bool is_header;             /* C .h file */
} pt_unit;

/* ---- accessors ---- */

static inline pt_line *pt_unit_line(const pt_unit *u, uint32_t line1)
{
    return &((pt_line *)u->lines.items)[line1 - 1];
}

static inline pt_decl *pt_unit_decl(const pt_unit *u, uint32_t i)
{
    return &((pt_decl *)u->decls.items)[i];
}

static inline pt_function *pt_unit_function(const pt_unit *u, uint32_t i)
{
    return &((pt_function *)u->functions.items)[i];
}

static inline pt_comment *pt_unit_comment(const pt_unit *u, uint32_t i)
{
    return &((pt_comment *)u->comments.items)[i];
}

static inline pt_block *pt_function_block(const pt_function *f, uint32_t i)
{
    return &((pt_block *)f->blocks.items)[i];
}

static inline uint32_t pt_function_param(const pt_function *f, uint32_t i)
{
    return ((uint32_t *)f->params.items)[i];
}

static inline pt_try_region *pt_function_try(const pt_function *f,
                                             uint32_t i)
{
    return &((pt_try_region *)f->try_regions.items)[i];
}

static inline pt_event *pt_block_event(const pt_block *b, uint32_t i)
{
    return &((pt_event *)b->events.items)[i];
}

/* ---- building and freeing (frontends) ---- */

/*
 * Creates an empty unit that owns a copy of `text` and its line table.
 * Returns NULL when out of memory.
 */
pt_unit *pt_unit_new(const char *path, pt_language language,
                     const char *text, size_t length);

/* Frees the unit and its whole model.  Accepts NULL. */
void pt_unit_free(pt_unit *unit);

/* Converts a byte offset into a position using the line table. */
pt_loc pt_unit_loc_at(const pt_unit *unit, uint32_t byte);

/* The text of line `line1` (1-based) without its terminator, and its length. */
const char *pt_unit_line_text(const pt_unit *unit, uint32_t line1,
                              uint32_t *length);

/* Adds a block to `fn` and returns its index. */
uint32_t pt_function_add_block(pt_unit *unit, pt_function *fn);

/* ptlint/buf.h's buffer, without including it here. */
struct pt_buf;
/* Writes the model in its stable text form (for --dump-model). */
void pt_unit_dump(const pt_unit *unit, struct pt_buf *out);

/* The kind's name in dumps ("enum-const"); "?" when out of range. */
const char *pt_decl_kind_name(pt_decl_kind kind);
/* The kind's name in dumps ("field-read"); "?" when out of range. */
const char *pt_event_kind_name(pt_event_kind kind);

#endif
