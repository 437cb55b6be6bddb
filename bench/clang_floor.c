/*
 * clang_floor.c - libclang's own parse: each C file through
 * clang_parseTranslationUnit2 with the flags and default arguments
 * ptlint's clang frontend uses (analyzer/frontend/clang_c.c), then
 * disposed.  No cursor walk, no tokens, no model, no rules.  Built by
 * bench/run.py only (never part of the product):
 *
 *   cc -O2 -I/usr/lib/llvm-14/include clang_floor.c
 *      -L/usr/lib/llvm-14/lib -lclang -o clang_floor
 *
 * Usage: clang_floor FILE... ; prints the files parsed.
 */
#include <clang-c/Index.h>
#include <stdio.h>
#include <string.h>

/* Parses `path` as ptlint does without a compilation database. */
static int parse_one(CXIndex index, const char *path)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    if (slash == NULL) {
        snprintf(dir, sizeof(dir), ".");
    } else {
        snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
    }
    char i1[4200], i2[4200], i3[4200];
    snprintf(i1, sizeof(i1), "-I%s", dir);
    snprintf(i2, sizeof(i2), "-I%s/include", dir);
    snprintf(i3, sizeof(i3), "-I%s/../include", dir);
    const char *args[] = {"-x", "c", "-std=gnu17", i1, i2, i3,
                          "-Wno-everything"};
    unsigned flags = CXTranslationUnit_DetailedPreprocessingRecord |
                     CXTranslationUnit_KeepGoing |
                     CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
    CXTranslationUnit tu = NULL;
    enum CXErrorCode status = clang_parseTranslationUnit2(
        index, path, args, (int)(sizeof(args) / sizeof(args[0])), NULL, 0,
        flags, &tu);
    if (tu != NULL) {
        clang_disposeTranslationUnit(tu);
    }
    return status == CXError_Success;
}

int main(int argc, char **argv)
{
    CXIndex index = clang_createIndex(0, 0);
    int parsed = 0;
    for (int i = 1; i < argc; i++) {
        parsed += parse_one(index, argv[i]);
    }
    clang_disposeIndex(index);
    printf("%d files\n", parsed);
    return parsed == argc - 1 ? 0 : 1;
}
