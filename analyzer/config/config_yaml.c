/*
 * config_yaml.c - reading a configuration file into a small YAML tree.
 *
 * libyaml's event parser feeds a stack of open collections.  Aliases are
 * refused (a "billion laughs" file cannot expand), nesting is bounded,
 * and each mapping is checked for duplicate keys as it is built.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "config/config_internal.h"

/* The state of one parse. */
typedef struct builder {
    pt_arena *arena;
    pt_config_error *error;
    cfg_node *stack[CFG_MAX_DEPTH];
    pt_vec items[CFG_MAX_DEPTH];
    int depth;
    cfg_node *root;
    int documents;
} builder;

/* Fills `error` (file already set) with a position and a message. */
static bool fail_at(pt_config_error *error, uint32_t line, uint32_t col,
                    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static bool fail_at(pt_config_error *error, uint32_t line, uint32_t col,
                    const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vsnprintf(error->message, sizeof(error->message), fmt, args);
    va_end(args);
    error->line = line;
    error->col = col;
    return false;
}

static void set_file(pt_config_error *error, const char *name)
{
    memset(error, 0, sizeof(*error));
    snprintf(error->file, sizeof(error->file), "%s", name);
}

bool cfg_read_file(const char *path, char **text, size_t *len,
                   pt_config_error *error)
{
    set_file(error, path);
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        return fail_at(error, 0, 0, "cannot read: %s", strerror(errno));
    }
    char *buffer = malloc(CFG_MAX_BYTES + 2);
    size_t got = buffer != NULL ? fread(buffer, 1, CFG_MAX_BYTES + 1, file)
                                : 0;
    int read_errno = ferror(file) ? errno : 0;
    fclose(file);
    if (buffer == NULL || read_errno != 0) {
        free(buffer);
        return fail_at(error, 0, 0, "cannot read: %s",
                       strerror(buffer == NULL ? ENOMEM : read_errno));
    }
    if (got > CFG_MAX_BYTES) {
        free(buffer);
        return fail_at(error, 0, 0,
                       "file is larger than 1 MiB; a configuration file "
                       "is limited to 1 MiB");
    }
    buffer[got] = '\0';
    *text = buffer;
    *len = got;
    return true;
}

bool cfg_is_null(const cfg_node *node)
{
    return node == NULL ||
           (node->kind == CFG_SCALAR && node->plain &&
            (node->text[0] == '\0' || strcmp(node->text, "~") == 0 ||
             strcmp(node->text, "null") == 0 ||
             strcmp(node->text, "Null") == 0 ||
             strcmp(node->text, "NULL") == 0));
}

static cfg_node *new_node(builder *b, cfg_kind kind, yaml_mark_t mark)
{
    cfg_node *node = pt_arena_alloc(b->arena, sizeof(*node));
    node->kind = kind;
    node->line = (uint32_t)mark.line + 1;
    node->col = (uint32_t)mark.column + 1;
    node->text = "";
    return node;
}

static const char *kind_noun(const cfg_node *node)
{
    return node->kind == CFG_MAP ? "a mapping" : "a list";
}

/* Checks a new key of the open mapping `map` against the earlier ones. */
static bool check_key(builder *b, const pt_vec *items, const cfg_node *key)
{
    if (key->kind != CFG_SCALAR) {
        return fail_at(b->error, key->line, key->col,
                       "expected a key, found %s", kind_noun(key));
    }
    cfg_node *const *pairs = items->items;
    for (uint32_t i = 0; i + 1 < items->len; i += 2) {
        if (strcmp(pairs[i]->text, key->text) == 0) {
            return fail_at(b->error, key->line, key->col,
                           "duplicate key '%s' (first at line %u, "
                           "column %u)", key->text, pairs[i]->line,
                           pairs[i]->col);
        }
    }
    return true;
}

/* Adds `node` to the innermost open collection, or makes it the root. */
static bool add_node(builder *b, cfg_node *node)
{
    if (b->depth == 0) {
        b->root = node;
        return true;
    }
    pt_vec *items = &b->items[b->depth - 1];
    bool is_key = b->stack[b->depth - 1]->kind == CFG_MAP &&
                  items->len % 2 == 0;
    if (is_key && !check_key(b, items, node)) {
        return false;
    }
    *(cfg_node **)pt_vec_push(b->arena, items, sizeof(cfg_node *)) = node;
    return true;
}

static bool open_collection(builder *b, cfg_kind kind, yaml_mark_t mark)
{
    cfg_node *node = new_node(b, kind, mark);
    if (!add_node(b, node)) {
        return false;
    }
    if (b->depth == CFG_MAX_DEPTH) {
        return fail_at(b->error, node->line, node->col,
                       "nesting deeper than %d levels", CFG_MAX_DEPTH);
    }
    b->stack[b->depth] = node;
    b->items[b->depth] = (pt_vec){0};
    b->depth++;
    return true;
}

/* Closes the innermost open collection.  libyaml pairs every end event
   with a start; an end with nothing open is refused, not trusted. */
static bool close_collection(builder *b, uint32_t line, uint32_t col)
{
    if (b->depth == 0) {
        return fail_at(b->error, line, col,
                       "invalid YAML: a collection ends that never started");
    }
    b->depth--;
    cfg_node *node = b->stack[b->depth];
    node->items = b->items[b->depth].items;
    node->len = b->items[b->depth].len;
    if (node->kind == CFG_MAP) {
        node->len /= 2;
    }
    return true;
}

static bool add_scalar(builder *b, const yaml_event_t *event)
{
    cfg_node *node = new_node(b, CFG_SCALAR, event->start_mark);
    node->text = pt_arena_strndup(b->arena,
                                  (const char *)event->data.scalar.value,
                                  event->data.scalar.length);
    node->plain = event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    if (strlen(node->text) != event->data.scalar.length) {
        return fail_at(b->error, node->line, node->col,
                       "a NUL character in a string");
    }
    return add_node(b, node);
}

/* Handles one parser event; false with b->error filled on error. */
static bool on_event(builder *b, const yaml_event_t *event)
{
    uint32_t line = (uint32_t)event->start_mark.line + 1;
    uint32_t col = (uint32_t)event->start_mark.column + 1;
    switch (event->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++b->documents > 1) {
            return fail_at(b->error, line, col,
                           "expected one YAML document, found a second");
        }
        return true;
    case YAML_ALIAS_EVENT:
        return fail_at(b->error, line, col,
                       "aliases (*%s) are not supported; write the value "
                       "out", (const char *)event->data.alias.anchor);
    case YAML_SCALAR_EVENT:
        return add_scalar(b, event);
    case YAML_SEQUENCE_START_EVENT:
        return open_collection(b, CFG_SEQ, event->start_mark);
    case YAML_MAPPING_START_EVENT:
        return open_collection(b, CFG_MAP, event->start_mark);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        return close_collection(b, line, col);
    default:
        return true;
    }
}

/* The 1-based line and column of byte `offset` of `text`. */
static void offset_position(const char *text, size_t len, size_t offset,
                            uint32_t *line, uint32_t *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset && i < len; i++) {
        if (text[i] == '\n') {
            ++*line;
            *col = 1;
        } else {
            ++*col;
        }
    }
}

/* Turns libyaml's error state into `error`. */
static bool syntax_error(const yaml_parser_t *parser, const char *text,
                         size_t len, pt_config_error *error)
{
    const char *problem = parser->problem ? parser->problem : "bad YAML";
    if (parser->error == YAML_READER_ERROR) {
        uint32_t line = 0, col = 0;
        offset_position(text, len, parser->problem_offset, &line, &col);
        return fail_at(error, line, col, "invalid YAML: %s", problem);
    }
    if (parser->error == YAML_MEMORY_ERROR) {
        return fail_at(error, 0, 0, "out of memory reading YAML");
    }
    uint32_t line = (uint32_t)parser->problem_mark.line + 1;
    uint32_t col = (uint32_t)parser->problem_mark.column + 1;
    if (parser->context == NULL) {
        return fail_at(error, line, col, "invalid YAML: %s", problem);
    }
    return fail_at(error, line, col,
                   "invalid YAML: %s (%s that started at line %u, "
                   "column %u)", problem,
                   parser->context,
                   (unsigned)parser->context_mark.line + 1,
                   (unsigned)parser->context_mark.column + 1);
}

bool cfg_parse(pt_arena *arena, const char *name, const char *text,
               size_t len, cfg_node **root, pt_config_error *error)
{
    set_file(error, name);
    builder b = {.arena = arena, .error = error};
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        return fail_at(error, 0, 0, "out of memory reading YAML");
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    bool ok = true;
    bool done = false;
    while (ok && !done) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            ok = syntax_error(&parser, text, len, error);
            break;
        }
        ok = on_event(&b, &event);
        done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    if (ok) {
        *root = cfg_is_null(b.root) ? NULL : b.root;
    }
    return ok;
}
