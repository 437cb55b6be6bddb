/*
 * taint.c - see taint.h.
 */
#include "rules/util_taint.h"

#include <stdlib.h>
#include <string.h>

/* Python's implicit receiver is not caller data. */
static bool is_receiver(const pt_function *fn, uint32_t index,
                        const pt_decl *param)
{
    return fn->is_method && index == 0 &&
           (strcmp(param->name, "self") == 0 ||
            strcmp(param->name, "cls") == 0);
}

/* Taints `name` as carrying the parameter at vars index `origin`; a
   name already tainted keeps its origin.  UINT32_MAX: its own index. */
static void add_var(pt_taint *taint, const char *name, uint32_t origin)
{
    uint32_t before = taint->vars.len;
    uint32_t index = pt_names_add(&taint->vars, name);
    if (index < before) {
        return;                 /* known already (a repeated name) */
    }
    uint32_t *grown = realloc(taint->origin,
                              taint->vars.cap * sizeof(uint32_t));
    if (grown == NULL) {
        abort();
    }
    taint->origin = grown;
    taint->origin[index] = origin == UINT32_MAX ? index : origin;
}

static void seed(pt_taint *taint, const pt_unit *unit, const pt_function *fn,
                 bool pointers_only)
{
    for (uint32_t i = 0; i < fn->params.len; i++) {
        const pt_decl *param = pt_unit_decl(unit, pt_function_param(fn, i));
        if (is_receiver(fn, i, param) ||
            (pointers_only && unit->language == PT_LANG_C &&
             !param->is_pointer)) {
            continue;
        }
        add_var(taint, param->name, UINT32_MAX);
    }
}

const char *pt_taint_origin(const pt_taint *taint, const pt_value *value)
{
    for (uint32_t i = 0; i < value->nvars; i++) {
        int32_t index = pt_names_find(&taint->vars, value->vars[i]);
        if (index >= 0) {
            return taint->vars.items[taint->origin[index]];
        }
    }
    if (value->kind == PT_VAL_VAR || value->kind == PT_VAL_ADDRESS) {
        int32_t index = pt_names_find(&taint->vars, value->text);
        return index >= 0 ? taint->vars.items[taint->origin[index]] : NULL;
    }
    return NULL;
}

/* One pass over the assignments; true when a variable became tainted. */
static bool propagate(pt_taint *taint, const pt_function *fn)
{
    bool changed = false;
    for (uint32_t b = 0; b < fn->blocks.len; b++) {
        const pt_block *block = pt_function_block(fn, b);
        for (uint32_t e = 0; e < block->events.len; e++) {
            const pt_event *event = pt_block_event(block, e);
            if (event->kind != PT_EV_ASSIGN || event->nargs == 0 ||
                pt_names_find(&taint->vars, event->name) >= 0) {
                continue;
            }
            const char *origin = pt_taint_origin(taint, &event->args[0]);
            if (origin != NULL) {
                int32_t param = pt_names_find(&taint->vars, origin);
                add_var(taint, event->name, (uint32_t)param);
                changed = true;
            }
        }
    }
    return changed;
}

void pt_taint_compute(pt_taint *taint, const pt_unit *unit,
                      const pt_function *fn, bool pointers_only)
{
    memset(taint, 0, sizeof(*taint));
    seed(taint, unit, fn, pointers_only);
    for (int round = 0; round < 8 && propagate(taint, fn); round++) {
    }
}

void pt_taint_free(pt_taint *taint)
{
    pt_names_free(&taint->vars);
    free(taint->origin);
    taint->origin = NULL;
}
