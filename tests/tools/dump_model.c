/*
 * dump_model.c - prints one file's model through a named frontend, for
 * golden dumps and the frontend-agreement test.
 *
 * usage: dump_model ts-c|clang|python FILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontend/frontend.h"
#include "ptlint/buf.h"

/* Reads the whole file into a heap buffer; NULL on failure. */
static char *read_file(const char *path, size_t *length)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        return NULL;
    }
    pt_buf text = {0};
    char chunk[65536];
    size_t got = 0;
    while ((got = fread(chunk, 1, sizeof(chunk), in)) > 0) {
        pt_buf_append(&text, chunk, got);
    }
    fclose(in);
    *length = text.len;
    return text.data != NULL ? text.data : calloc(1, 1);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: dump_model ts-c|clang|python FILE\n");
        return 2;
    }
    size_t length = 0;
    char *text = read_file(argv[2], &length);
    if (text == NULL) {
        perror(argv[2]);
        return 2;
    }
    pt_frontend_options options = {0};
    pt_unit *unit = NULL;
    if (strcmp(argv[1], "ts-c") == 0) {
        unit = pt_parse_c_tree_sitter(argv[2], text, length, &options);
    } else if (strcmp(argv[1], "clang") == 0) {
        unit = pt_parse_c_clang(argv[2], text, length, &options);
    } else {
        unit = pt_parse_python(argv[2], text, length, &options);
    }
    free(text);
    if (unit == NULL) {
        fprintf(stderr, "%s: out of memory\n", argv[2]);
        return 2;
    }
    pt_buf out = {0};
    pt_unit_dump(unit, &out);
    fputs(pt_buf_str(&out), stdout);
    pt_buf_free(&out);
    pt_unit_free(unit);
    return 0;
}
