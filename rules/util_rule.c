/*
 * rule_util.c - see rule_util.h.
 */
#include "rules/util_rule.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool pt_is_dunder(const char *name)
{
    size_t len = strlen(name);
    return len > 4 && strncmp(name, "__", 2) == 0 &&
           strcmp(name + len - 2, "__") == 0;
}

bool pt_is_python_public(const char *name)
{
    return name[0] != '_';
}

const pt_decl *pt_function_decl(const pt_unit *unit, const pt_function *fn)
{
    if (fn->decl < 0 || (uint32_t)fn->decl >= unit->decls.len) {
        return NULL;
    }
    return pt_unit_decl(unit, (uint32_t)fn->decl);
}

uint32_t pt_function_lines(const pt_function *fn)
{
    return fn->end.line >= fn->start.line ? fn->end.line - fn->start.line + 1
                                          : 1;
}

bool pt_function_calls(const pt_function *fn, const char *callee)
{
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *block = pt_function_block(fn, b);
        for (uint32_t e = 0; e < block->events.len; e++) {
            const pt_event *event = pt_block_event(block, e);
            if (event->kind == PT_EV_CALL && event->name != NULL &&
                strcmp(event->name, callee) == 0) {
                return true;
            }
        }
    }
    return false;
}

const char *pt_base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL ? slash + 1 : path;
}

/* True when a word starts at name[i]. */
static bool word_starts(const char *name, size_t i)
{
    if (i == 0) {
        return name[0] != '_';
    }
    unsigned char prev = (unsigned char)name[i - 1];
    unsigned char here = (unsigned char)name[i];
    return here != '_' && (prev == '_' || (islower(prev) && isupper(here)));
}

/* True when a word that started earlier ends just before name[i]. */
static bool word_ends(const char *name, size_t i)
{
    unsigned char here = (unsigned char)name[i];
    unsigned char prev = (unsigned char)name[i - 1];
    return here == '\0' || here == '_' || (islower(prev) && isupper(here));
}

bool pt_name_has_word(const char *name, const char *word)
{
    size_t len = strlen(word);
    for (size_t i = 0; name[i] != '\0'; i++) {
        if (word_starts(name, i) && strncasecmp(name + i, word, len) == 0 &&
            strlen(name + i) >= len && word_ends(name, i + len)) {
            return true;
        }
    }
    return false;
}

bool pt_is_constant_name(const char *name)
{
    bool letter = false;
    for (const char *p = name; *p != '\0'; p++) {
        if (islower((unsigned char)*p)) {
            return false;
        }
        letter |= isupper((unsigned char)*p) != 0;
    }
    return letter;
}

const pt_event **pt_grow_pointers(const pt_event **array, size_t count)
{
    const pt_event **grown = realloc(array, count * sizeof(const void *));
    if (grown == NULL) {
        abort();
    }
    return grown;
}
