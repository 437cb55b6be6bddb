/*
 * compdb.c - reading compile_commands.json through libclang.
 */
#include "frontend/compdb.h"

#include <clang-c/CXCompilationDatabase.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The directory holding compile_commands.json at or above `start`. */
static bool find_database_dir(const char *start, char *out, size_t size)
{
    char dir[PATH_MAX];
    if (realpath(start, dir) == NULL) {
        return false;
    }
    struct stat info;
    if (stat(dir, &info) == 0 && !S_ISDIR(info.st_mode)) {
        *strrchr(dir, '/') = '\0';
    }
    while (dir[0] != '\0') {
        char candidate[PATH_MAX + 32];
        snprintf(candidate, sizeof(candidate), "%s/compile_commands.json", dir);
        if (stat(candidate, &info) == 0) {
            snprintf(out, size, "%s", dir);
            return true;
        }
        *strrchr(dir, '/') = '\0';
    }
    return false;
}

/* True for arguments libclang must not see again: -c, -o X, the file. */
static bool skip_argument(const char *arg, const char *file, bool *skip_next)
{
    if (strcmp(arg, "-o") == 0) {
        *skip_next = true;
        return true;
    }
    const char *base = strrchr(file, '/');
    base = base != NULL ? base + 1 : file;
    size_t alen = strlen(arg);
    size_t blen = strlen(base);
    return strcmp(arg, "-c") == 0 ||
           (alen >= blen && strcmp(arg + alen - blen, base) == 0);
}

/* Copies the command's arguments, without the compiler and the file. */
static void copy_arguments(CXCompileCommand command, const char *file,
                           pt_compdb_args *args)
{
    unsigned count = clang_CompileCommand_getNumArgs(command);
    args->args = calloc(count + 2, sizeof(char *));
    if (args->args == NULL) {
        return;
    }
    /* Relative -I paths in the database are relative to its directory. */
    CXString dir = clang_CompileCommand_getDirectory(command);
    size_t size = strlen(clang_getCString(dir)) + 32;
    args->args[0] = malloc(size);
    if (args->args[0] != NULL) {
        snprintf(args->args[0], size, "-working-directory=%s",
                 clang_getCString(dir));
        args->count = 1;
    }
    clang_disposeString(dir);
    bool skip_next = false;
    for (unsigned i = 1; i < count; i++) {
        CXString arg = clang_CompileCommand_getArg(command, i);
        const char *text = clang_getCString(arg);
        if (skip_next) {
            skip_next = false;
        } else if (!skip_argument(text, file, &skip_next)) {
            args->args[args->count++] = strdup(text);
        }
        clang_disposeString(arg);
    }
}

bool pt_compdb_lookup(const char *dir, const char *file,
                      pt_compdb_args *args)
{
    char found[PATH_MAX];
    char absolute[PATH_MAX];
    args->args = NULL;
    args->count = 0;
    if (dir != NULL ? realpath(dir, found) == NULL
                    : !find_database_dir(file, found, sizeof(found))) {
        return false;
    }
    if (realpath(file, absolute) == NULL) {
        return false;
    }
    CXCompilationDatabase_Error error;
    CXCompilationDatabase db =
        clang_CompilationDatabase_fromDirectory(found, &error);
    if (error != CXCompilationDatabase_NoError) {
        return false;
    }
    CXCompileCommands commands =
        clang_CompilationDatabase_getCompileCommands(db, absolute);
    bool covered = commands != NULL &&
                   clang_CompileCommands_getSize(commands) > 0;
    if (covered) {
        copy_arguments(clang_CompileCommands_getCommand(commands, 0),
                       absolute, args);
    }
    clang_CompileCommands_dispose(commands);
    clang_CompilationDatabase_dispose(db);
    return covered;
}

void pt_compdb_args_free(pt_compdb_args *args)
{
    for (unsigned i = 0; args->args != NULL && i < args->count; i++) {
        free(args->args[i]);
    }
    free(args->args);
    args->args = NULL;
    args->count = 0;
}
