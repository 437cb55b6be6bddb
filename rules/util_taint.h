/*
 * taint.h - which variables of a function carry a parameter's value.
 *
 * Flow-insensitive: a variable assigned from an expression that reads a
 * tainted variable is tainted, to a fixed point.  Rules that need paths
 * (validation on the way) use the dataflow engine instead.
 */
#ifndef PTLINT_RULES_TAINT_H
#define PTLINT_RULES_TAINT_H

#include <stdbool.h>

#include "ptlint/dataflow.h"
#include "ptlint/model.h"

/* The tainted names, and for each the parameter it comes from. */
typedef struct pt_taint {
    pt_names vars;
    uint32_t *origin;           /* parallel to vars: index of the param */
} pt_taint;

/* Seeds the given parameters of `fn` and propagates through assignments;
   `pointers_only` keeps C's non-pointer parameters out. */
void pt_taint_compute(pt_taint *taint, const pt_unit *unit,
                      const pt_function *fn, bool pointers_only);

/* The parameter whose value `value` may carry, or NULL. */
const char *pt_taint_origin(const pt_taint *taint, const pt_value *value);

/* Frees the names and origins; the taint is empty after. */
void pt_taint_free(pt_taint *taint);

#endif
