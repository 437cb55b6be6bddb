/*
 * symbols.c - see symbols.h.
 */
#include "rules/util_symbols.h"

#include <stdio.h>
#include <string.h>

/* The module a Python file defines: its stem, or its directory's name
   for a package's __init__.py.  Sets *len; returns where it starts. */
static const char *module_of_path(const char *path, size_t *len)
{
    const char *slash = strrchr(path, '/');
    const char *stem = slash != NULL ? slash + 1 : path;
    if (strcmp(stem, "__init__.py") == 0 && slash != NULL) {
        const char *dir = slash;
        while (dir > path && dir[-1] != '/') {
            dir--;
        }
        *len = (size_t)(slash - dir);
        return dir;
    }
    const char *dot = strrchr(stem, '.');
    *len = dot != NULL ? (size_t)(dot - stem) : strlen(stem);
    return stem;
}

static bool put_symbol(char *out, size_t size, const char *module,
                       size_t module_len, const char *name)
{
    if (module_len == 0 || module_len > 200) {
        return false;
    }
    int n = snprintf(out, size, "py:%.*s.%s", (int)module_len, module, name);
    return n > 0 && (size_t)n < size;
}

bool pt_function_symbol(const pt_unit *unit, const pt_function *fn,
                        char *out, size_t size)
{
    if (fn->name == NULL || !fn->is_public || fn->is_nested) {
        return false;
    }
    if (unit->language == PT_LANG_C) {
        int n = snprintf(out, size, "%s", fn->name);
        return n > 0 && (size_t)n < size;
    }
    if (fn->is_method || fn->class_name != NULL) {
        return false;
    }
    size_t len = 0;
    const char *module = module_of_path(unit->path, &len);
    return put_symbol(out, size, module, len, fn->name);
}

/* The module-level import decl named `name`, or NULL. */
static const pt_decl *find_import(const pt_unit *unit, const char *name)
{
    for (uint32_t i = 0; i < unit->decls.len; i++) {
        const pt_decl *d = pt_unit_decl(unit, i);
        if (d->kind == PT_DECL_IMPORT && d->function < 0 &&
            d->detail != NULL && strcmp(d->name, name) == 0) {
            return d;
        }
    }
    return NULL;
}

/* The last dotted component of text[0..len): sets *out_len. */
static const char *last_component(const char *text, size_t len,
                                  size_t *out_len)
{
    const char *start = text + len;
    while (start > text && start[-1] != '.') {
        start--;
    }
    *out_len = (size_t)(text + len - start);
    return start;
}

bool pt_call_symbol(const pt_unit *unit, const pt_event *call, char *out,
                    size_t size)
{
    if (call->name == NULL) {
        return false;
    }
    if (unit->language == PT_LANG_C) {
        if (call->is_method || strpbrk(call->name, ".->()") != NULL) {
            return false;
        }
        int n = snprintf(out, size, "%s", call->name);
        return n > 0 && (size_t)n < size;
    }
    size_t len = 0;
    if (!call->is_method) {
        /* `from pkg.provider import find` → detail "pkg.provider.find" */
        const pt_decl *import = find_import(unit, call->name);
        const char *dot = import != NULL ? strrchr(import->detail, '.')
                                         : NULL;
        if (dot == NULL) {
            return false;
        }
        const char *module = last_component(
            import->detail, (size_t)(dot - import->detail), &len);
        return put_symbol(out, size, module, len, strrchr(import->detail,
                                                          '.') + 1);
    }
    /* `import pkg.provider as p` → detail "pkg.provider"; `p.find(k)` */
    const pt_decl *import = call->base != NULL
                                ? find_import(unit, call->base) : NULL;
    if (import == NULL || strchr(import->detail, '*') != NULL) {
        return false;
    }
    /* `import os.path` binds `os`, which is module os, not os.path */
    size_t name_len = strlen(import->name);
    if (strncmp(import->detail, import->name, name_len) == 0 &&
        import->detail[name_len] == '.') {
        return put_symbol(out, size, import->name, name_len, call->name);
    }
    const char *module = last_component(import->detail,
                                        strlen(import->detail), &len);
    return put_symbol(out, size, module, len, call->name);
}
