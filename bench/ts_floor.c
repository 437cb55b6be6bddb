/*
 * ts_floor.c - the bare tree-sitter floor: read each file, parse it with
 * tree-sitter-c or tree-sitter-python (by extension), and visit every
 * node once with a TreeCursor.  No model, no rules.  Built by bench/run.py
 * only (never part of the product):
 *
 *   cc -O2 ts_floor.c BUILD/libtree_sitter_c.a BUILD/libtree_sitter_python.a
 *      -ltree-sitter -o ts_floor
 *
 * Usage: ts_floor FILE... ; prints files, nodes and bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_c(void);
const TSLanguage *tree_sitter_python(void);

static char *read_file(const char *path, size_t *length)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        return NULL;
    }
    size_t cap = 1 << 16;
    size_t len = 0;
    char *text = malloc(cap);
    size_t got = 0;
    while (text != NULL && (got = fread(text + len, 1, cap - len, in)) > 0) {
        len += got;
        if (len == cap) {
            cap *= 2;
            text = realloc(text, cap);
        }
    }
    fclose(in);
    *length = len;
    return text;
}

/* Visits every node, named or not; returns how many. */
static size_t walk(TSTree *tree)
{
    TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
    size_t nodes = 0;
    for (;;) {
        nodes++;
        (void)ts_node_symbol(ts_tree_cursor_current_node(&cursor));
        if (ts_tree_cursor_goto_first_child(&cursor)) {
            continue;
        }
        while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
            if (!ts_tree_cursor_goto_parent(&cursor)) {
                ts_tree_cursor_delete(&cursor);
                return nodes;
            }
        }
    }
}

int main(int argc, char **argv)
{
    TSParser *parser = ts_parser_new();
    size_t files = 0, nodes = 0, bytes = 0;
    for (int i = 1; i < argc; i++) {
        const char *dot = strrchr(argv[i], '.');
        int python = dot != NULL && strcmp(dot, ".py") == 0;
        size_t length = 0;
        char *text = read_file(argv[i], &length);
        if (text == NULL) {
            fprintf(stderr, "%s: cannot read\n", argv[i]);
            return 2;
        }
        ts_parser_set_language(parser, python ? tree_sitter_python()
                                              : tree_sitter_c());
        TSTree *tree = ts_parser_parse_string(parser, NULL, text,
                                              (uint32_t)length);
        nodes += walk(tree);
        ts_tree_delete(tree);
        free(text);
        files++;
        bytes += length;
    }
    ts_parser_delete(parser);
    printf("%zu files, %zu nodes, %zu bytes\n", files, nodes, bytes);
    return 0;
}
