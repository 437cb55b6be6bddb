/*
 * exceptions.h - Python exception classes: the builtin hierarchy plus the
 * classes a unit defines, and which exceptions escape each function.
 */
#ifndef PTLINT_RULES_EXCEPTIONS_H
#define PTLINT_RULES_EXCEPTIONS_H

#include <stdbool.h>

#include "ptlint/model.h"
#include "ptlint/rule.h"

/* True when an exception of class `raised` is an instance of `caught`. */
bool pt_exception_is_a(const pt_unit *unit, const char *raised,
                       const char *caught);

/* One exception that may leave a function, and where it is raised: a
   raise of this unit, or (`via`) the call of another file's function. */
typedef struct pt_escape {
    const char *name;
    pt_loc loc;
    const pt_event *via;        /* the call, when another file raises it */
} pt_escape;

/* The exceptions that may leave one function, each named once. */
typedef struct pt_escapes {
    pt_escape *items;
    uint32_t len;
    uint32_t cap;
} pt_escapes;

/*
 * For each function of the unit, the exceptions that may escape it: its
 * own raises and those of the unit's functions it calls, minus what a
 * surrounding try catches.  With a `ctx`, calls of other files'
 * functions count too: the run's "raises:SYMBOL:CLASS" facts
 * (pt_escapes_state states them).  Returns an array of
 * unit->functions.len lists; free with pt_escapes_free().
 */
pt_escapes *pt_escapes_compute(const pt_unit *unit, pt_rule_ctx *ctx);

/* States "raises:SYMBOL:CLASS" for what escapes each function other
   files can call and its docstring names: its contract.  An exception a
   callee does not document is reported in the callee's file; carrying
   it on would make every caller of re.compile() answer for re.error. */
void pt_escapes_state(pt_rule_ctx *ctx, const pt_unit *unit,
                      const pt_escapes *escapes);

/* True when `word` appears in `doc` as a whole identifier. */
bool pt_doc_mentions(const char *doc, const char *word);

/* Frees the `count` lists pt_escapes_compute returned, and the array. */
void pt_escapes_free(pt_escapes *escapes, uint32_t count);

#endif
