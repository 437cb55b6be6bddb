/*
 * ts_c.c - the tree-sitter C frontend: parsing, comments, errors, node
 * helpers and the symbol table.  Declarations are in ts_c_decl.c, line
 * facts in ts_c_lines.c, control flow in ts_c_cfg.c and expressions in
 * ts_c_expr.c.
 */
#include "frontend/ts_c_int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

const TSLanguage *tree_sitter_c(void);

/* ---- node helpers ---- */

ts_c_symbols ts_c_syms;

static pthread_once_t ts_c_once = PTHREAD_ONCE_INIT;

static void ts_c_init_once(void)
{
    static const char *const kind_names[TS_K_COUNT] = {
        [TS_K_OTHER] = "",
#define TS_C_KIND_NAME(id, name) [TS_K_##id] = (name),
        TS_C_KINDS(TS_C_KIND_NAME)
#undef TS_C_KIND_NAME
    };
    static const char *const field_names[TS_F_COUNT] = {
#define TS_C_FIELD_NAME(id) [TS_F_##id] = #id,
        TS_C_FIELDS(TS_C_FIELD_NAME)
#undef TS_C_FIELD_NAME
    };
    const TSLanguage *lang = tree_sitter_c();
    uint32_t count = ts_language_symbol_count(lang);
    uint8_t *kind = calloc(count ? count : 1, 1);
    uint8_t *klass = calloc(count ? count : 1, 1);
    if (kind == NULL || klass == NULL) {
        fprintf(stderr, "ptlint: out of memory\n");
        abort();
    }
    for (uint32_t s = 0; s < count; s++) {
        const char *name = ts_language_symbol_name(lang, (TSSymbol)s);
        if (name == NULL) {
            continue;
        }
        for (uint32_t k = 1; k < TS_K_COUNT; k++) {
            if (strcmp(name, kind_names[k]) == 0) {
                kind[s] = (uint8_t)k;
                break;
            }
        }
        klass[s] = (uint8_t)((strstr(name, "_statement") != NULL
                                  ? TS_C_CLASS_STATEMENT : 0) |
                             (strncmp(name, "preproc_", 8) == 0
                                  ? TS_C_CLASS_PREPROC : 0) |
                             (strstr(name, "_specifier") != NULL
                                  ? TS_C_CLASS_SPECIFIER : 0));
    }
    for (uint32_t f = 0; f < TS_F_COUNT; f++) {
        ts_c_syms.field[f] = ts_language_field_id_for_name(
            lang, field_names[f], (uint32_t)strlen(field_names[f]));
    }
    ts_c_syms.kind = kind;
    ts_c_syms.klass = klass;
    ts_c_syms.count = count;
}

void ts_c_init(void)
{
    pthread_once(&ts_c_once, ts_c_init_once);
}

TSNode ts_c_field(TSNode node, ts_c_fieldk field)
{
    if (ts_node_is_null(node) || ts_c_syms.field[field] == 0) {
        TSNode null = {0};
        return null;
    }
    return ts_node_child_by_field_id(node, ts_c_syms.field[field]);
}

const char *ts_c_text(ts_c_ctx *ctx, TSNode node)
{
    uint32_t start = ts_node_start_byte(node);
    uint32_t end = ts_node_end_byte(node);
    if (end > ctx->unit->length || start > end) {
        return "";
    }
    return pt_arena_strndup(ctx->arena, ctx->src + start, end - start);
}

/* Is the node's text `text`?  (No copy is made.) */
bool ts_c_text_is(ts_c_ctx *ctx, TSNode node, const char *text)
{
    uint32_t start = ts_node_start_byte(node);
    uint32_t end = ts_node_end_byte(node);
    size_t len = strlen(text);
    return end <= ctx->unit->length && start <= end &&
           end - start == len && memcmp(ctx->src + start, text, len) == 0;
}

bool ts_c_is_dead(const ts_c_ctx *ctx, TSNode node)
{
    uint32_t start = ts_node_start_byte(node);
    const ts_c_span *spans = ctx->dead.items;
    uint32_t lo = 0, hi = ctx->dead.len;
    while (lo < hi) {           /* the first span ending after start */
        uint32_t mid = lo + (hi - lo) / 2;
        if (spans[mid].end <= start) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < ctx->dead.len && spans[lo].start <= start &&
           ts_node_end_byte(node) <= spans[lo].end;
}

pt_loc ts_c_loc(ts_c_ctx *ctx, TSNode node)
{
    return pt_unit_loc_at(ctx->unit, ts_node_start_byte(node));
}

uint32_t ts_c_line(ts_c_ctx *ctx, uint32_t byte)
{
    return pt_unit_loc_at(ctx->unit, byte).line;
}

/* Counts one level of recursion; false (and partial) past the limit. */
bool ts_c_enter(ts_c_ctx *ctx)
{
    if (ctx->depth >= TS_C_MAX_DEPTH) {
        ctx->partial = true;
        return false;
    }
    ctx->depth++;
    return true;
}

void ts_c_leave(ts_c_ctx *ctx)
{
    ctx->depth--;
}

/* ---- symbols: an open-addressing hash of "ns" + name -> decl ---- */

static uint32_t sym_hash(const char *key)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        h = (h ^ *p) * 16777619u;
    }
    return h;
}

static ts_c_sym *sym_slot(ts_c_sym *table, uint32_t cap, const char *key)
{
    uint32_t i = sym_hash(key) & (cap - 1);
    while (table[i].key != NULL && strcmp(table[i].key, key) != 0) {
        i = (i + 1) & (cap - 1);
    }
    return &table[i];
}

static void sym_grow(ts_c_ctx *ctx)
{
    uint32_t cap = ctx->symcap ? ctx->symcap * 2 : 1024;
    ts_c_sym *table = pt_arena_alloc(ctx->arena, cap * sizeof(ts_c_sym));
    for (uint32_t i = 0; i < ctx->symcap; i++) {
        if (ctx->syms[i].key != NULL) {
            *sym_slot(table, cap, ctx->syms[i].key) = ctx->syms[i];
        }
    }
    ctx->syms = table;
    ctx->symcap = cap;
}

void ts_c_sym_put(ts_c_ctx *ctx, char ns, const char *name, uint32_t decl)
{
    if ((ctx->nsyms + 1) * 2 > ctx->symcap) {
        sym_grow(ctx);
    }
    const char *key = pt_arena_printf(ctx->arena, "%c%s", ns, name);
    ts_c_sym *slot = sym_slot(ctx->syms, ctx->symcap, key);
    int32_t *next = &((int32_t *)ctx->next_same.items)[decl];
    if (slot->key == NULL) {
        slot->key = key;
        ctx->nsyms++;
        *next = -1;
    } else {
        *next = slot->decl;
    }
    slot->decl = (int32_t)decl;
}

int32_t ts_c_sym_get(ts_c_ctx *ctx, char ns, const char *name)
{
    if (ctx->symcap == 0 || name == NULL) {
        return -1;
    }
    char small[256];
    size_t len = strlen(name);
    char *key = small;
    if (len + 2 > sizeof(small)) {
        key = pt_arena_alloc(ctx->arena, len + 2);
    }
    key[0] = ns;
    memcpy(key + 1, name, len + 1);
    ts_c_sym *slot = sym_slot(ctx->syms, ctx->symcap, key);
    return slot->key != NULL ? slot->decl : -1;
}

int32_t ts_c_next_same(ts_c_ctx *ctx, int32_t decl)
{
    return ((int32_t *)ctx->next_same.items)[decl];
}

/* A local (innermost first), else a file-scope name, else a macro. */
int32_t ts_c_resolve(ts_c_ctx *ctx, const char *name)
{
    const ts_c_local *locals = ctx->locals.items;
    for (uint32_t i = ctx->locals.len; i > 0; i--) {
        if (strcmp(locals[i - 1].name, name) == 0) {
            return (int32_t)locals[i - 1].decl;
        }
    }
    int32_t d = ts_c_sym_get(ctx, TS_C_NS_ORD, name);
    return d >= 0 ? d : ts_c_sym_get(ctx, TS_C_NS_MACRO, name);
}

void ts_c_local_push(ts_c_ctx *ctx, const char *name, uint32_t decl)
{
    ts_c_local *l = pt_vec_push(ctx->arena, &ctx->locals, sizeof(*l));
    l->name = name;
    l->decl = decl;
}

uint32_t ts_c_add_decl(ts_c_ctx *ctx, pt_decl_kind kind, TSNode name_node,
                       const char *name)
{
    pt_decl *d = pt_vec_push(ctx->arena, &ctx->unit->decls, sizeof(*d));
    d->kind = (uint8_t)kind;
    d->name = name != NULL ? name : ts_c_text(ctx, name_node);
    d->loc = ts_c_loc(ctx, name_node);
    d->function = ctx->fn;
    d->has_type = true;
    d->is_struct_member_of_header = ctx->unit->is_header;
    int32_t *next = pt_vec_push(ctx->arena, &ctx->next_same, sizeof(*next));
    *next = -1;
    return ctx->unit->decls.len - 1;
}

/* ---- comments and doc comments ---- */

static bool only_space(const char *p, const char *end)
{
    for (; p < end; p++) {
        if (*p != ' ' && *p != '\t' && *p != '\f' && *p != '\v') {
            return false;
        }
    }
    return true;
}

/* Does the comment stand alone (no code before or after it)? */
static bool comment_ends_line(ts_c_ctx *ctx, const pt_comment *c)
{
    const pt_line *first = pt_unit_line(ctx->unit, c->start.line);
    const pt_line *line = pt_unit_line(ctx->unit, c->end.line);
    const char *text = ctx->src;
    uint32_t from = c->end.byte;
    uint32_t to = line->start + line->length;
    if (!only_space(text + first->start, text + c->start.byte)) {
        return false;
    }
    return from >= to || only_space(text + from, text + to);
}

/* The comment ending on the line above the node's first line, if any. */
const char *ts_c_doc(ts_c_ctx *ctx, TSNode decl_node)
{
    uint32_t line = ts_c_line(ctx, ts_node_start_byte(decl_node));
    const pt_comment *comments = ctx->unit->comments.items;
    uint32_t lo = 0;
    uint32_t hi = ctx->unit->comments.len;
    while (lo < hi) {           /* first comment ending at or after line */
        uint32_t mid = lo + (hi - lo) / 2;
        if (comments[mid].end.line < line - 1) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    const pt_comment *best = NULL;
    for (uint32_t i = lo; i < ctx->unit->comments.len; i++) {
        if (comments[i].end.line != line - 1) {
            break;
        }
        best = &comments[i];
    }
    if (best == NULL || !comment_ends_line(ctx, best)) {
        return NULL;
    }
    return best->text;
}

static void add_comment(ts_c_ctx *ctx, TSNode node)
{
    pt_comment *c = pt_vec_push(ctx->arena, &ctx->unit->comments,
                                sizeof(*c));
    uint32_t end = ts_node_end_byte(node);
    c->start = ts_c_loc(ctx, node);
    c->end = pt_unit_loc_at(ctx->unit, end > 0 ? end - 1 : 0);
    c->end.byte = end;
    c->text = ts_c_text(ctx, node);
}

static bool is_declarator(TSNode n)
{
    switch (ts_c_kind_of(n)) {
    case TS_K_function_declarator:
    case TS_K_pointer_declarator:
    case TS_K_identifier:
    case TS_K_init_declarator:
    case TS_K_array_declarator:
    case TS_K_parenthesized_declarator:
        return true;
    default:
        return false;
    }
}

/* The next named sibling of the cursor's node (the cursor stays). */
static TSNode next_named_at(const TSTreeCursor *cur)
{
    TSTreeCursor c = ts_tree_cursor_copy(cur);
    TSNode found = {0};
    while (ts_tree_cursor_goto_next_sibling(&c)) {
        TSNode n = ts_tree_cursor_current_node(&c);
        if (ts_node_is_named(n)) {
            found = n;
            break;
        }
    }
    ts_tree_cursor_delete(&c);
    return found;
}

/*
 * `MACRO int f(void)`: tree-sitter wraps the type in an ERROR holding one
 * identifier before the declarator.  The declaration is complete; the
 * macro (SQLITE_API, EXPORT...) is no parse error.  `cur` is at the node.
 */
static bool benign_error_at(const TSTreeCursor *cur, TSNode n)
{
    if (!ts_c_is(n, TS_K_ERROR) || ts_node_child_count(n) != 1 ||
        !ts_c_is(ts_node_child(n, 0), TS_K_identifier)) {
        return false;
    }
    return is_declarator(next_named_at(cur));
}

bool ts_c_benign_error(TSNode n)
{
    if (!ts_c_is(n, TS_K_ERROR) || ts_node_child_count(n) != 1 ||
        !ts_c_is(ts_node_child(n, 0), TS_K_identifier)) {
        return false;
    }
    return is_declarator(ts_node_next_named_sibling(n));
}

/* Does the node hold an error other than a benign macro prefix? */
bool ts_c_has_real_error(TSNode node)
{
    if (!ts_node_has_error(node)) {
        return false;
    }
    bool found = false;
    TSTreeCursor cur = ts_tree_cursor_new(node);
    for (bool more = ts_tree_cursor_goto_first_child(&cur); more && !found;
         more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode c = ts_tree_cursor_current_node(&cur);
        found = ts_node_is_missing(c) ||
                (ts_node_has_error(c) && !benign_error_at(&cur, c));
    }
    ts_tree_cursor_delete(&cur);
    return found;
}

/* End of the text without trailing white space. */
static uint32_t content_end(ts_c_ctx *ctx)
{
    uint32_t end = ctx->unit->length;
    while (end > 0 && (ctx->src[end - 1] == ' ' || ctx->src[end - 1] == '\t' ||
                       ctx->src[end - 1] == '\n' || ctx->src[end - 1] == '\r' ||
                       ctx->src[end - 1] == '\f' || ctx->src[end - 1] == '\v')) {
        end--;
    }
    return end;
}

/*
 * Comments in order, and one error per outermost ERROR or MISSING node (a
 * root ERROR, which tree-sitter makes of a file with errors at top level,
 * is looked into).  An error that reaches the end of the text means the
 * file was cut short.  Called by the one walk of ts_c_lines.c for every
 * node in order, `cur` at the node; ts_c_scan_leave when a node is done.
 */
void ts_c_scan_node(ts_c_ctx *ctx, const TSTreeCursor *cur, TSNode n,
                    uint32_t depth, ts_c_scan *scan)
{
    ts_c_kind kind = ts_c_kind_of(n);
    if (!scan->in_error) {
        bool err = ts_node_is_missing(n) ||
                   (depth > 0 && kind == TS_K_ERROR &&
                    !benign_error_at(cur, n));
        if (err) {
            pt_loc *loc = pt_vec_push(ctx->arena, &ctx->unit->errors,
                                      sizeof(*loc));
            *loc = ts_c_loc(ctx, n);
            scan->in_error = true;
            scan->error_depth = depth;
            if (scan->end == UINT32_MAX) {
                scan->end = content_end(ctx);
            }
            if (ts_node_end_byte(n) >= scan->end) {
                ctx->unit->truncated = true;
            }
        }
    }
    if (kind == TS_K_comment) {
        add_comment(ctx, n);
    }
}

void ts_c_scan_leave(ts_c_scan *scan, uint32_t depth)
{
    if (scan->in_error && depth == scan->error_depth) {
        scan->in_error = false;
    }
}

/* ---- driver ---- */

static const char *const default_acquire[] = {
    "pthread_mutex_lock", "pthread_rwlock_rdlock", "pthread_rwlock_wrlock",
    "pthread_spin_lock", "mtx_lock",
};
static const char *const default_release[] = {
    "pthread_mutex_unlock", "pthread_rwlock_unlock", "pthread_spin_unlock",
    "mtx_unlock",
};

static pt_frontend_options with_default_locks(const pt_frontend_options *o)
{
    pt_frontend_options opts = {0};
    if (o != NULL) {
        opts = *o;
    }
    if (opts.nlock_acquire == 0) {
        opts.lock_acquire = default_acquire;
        opts.nlock_acquire = sizeof(default_acquire) / sizeof(char *);
    }
    if (opts.nlock_release == 0) {
        opts.lock_release = default_release;
        opts.nlock_release = sizeof(default_release) / sizeof(char *);
    }
    return opts;
}

/* The text tree-sitter sees: a UTF-8 BOM becomes spaces (same offsets). */
static const char *parse_text(pt_unit *unit)
{
    if (unit->length >= 3 && memcmp(unit->text, "\xEF\xBB\xBF", 3) == 0) {
        char *copy = pt_arena_strndup(unit->arena, unit->text, unit->length);
        memset(copy, ' ', 3);
        return copy;
    }
    return unit->text;
}

static void model_tree(ts_c_ctx *ctx, TSNode root)
{
    ts_c_lines(ctx, root);     /* also comments and errors */
    ts_c_top_level(ctx, root);
}

pt_unit *pt_parse_c_tree_sitter(const char *path, const char *text,
                                size_t length,
                                const pt_frontend_options *options)
{
    pt_unit *unit = pt_unit_new(path, PT_LANG_C, text, length);
    if (unit == NULL) {
        return NULL;
    }
    unit->frontend = "tree-sitter";
    pt_frontend_options opts = with_default_locks(options);
    ts_c_ctx ctx = {0};
    ctx.unit = unit;
    ctx.arena = unit->arena;
    ctx.src = parse_text(unit);
    ctx.opts = &opts;
    ctx.fn = -1;
    ctx.cur = TS_C_NONE;
    ts_c_init();
    TSParser *parser = ts_parser_new();
    if (parser == NULL || !ts_parser_set_language(parser, tree_sitter_c())) {
        ts_parser_delete(parser);
        return unit;
    }
    TSTree *tree = ts_parser_parse_string(parser, NULL, ctx.src,
                                          unit->length);
    if (tree != NULL) {
        model_tree(&ctx, ts_tree_root_node(tree));
        ts_tree_delete(tree);
    } else {
        unit->truncated = true;
    }
    ts_parser_delete(parser);
    return unit;
}
