/*
 * exceptions.h - Python exception classes: the builtin hierarchy plus the
 * classes a unit defines, and which exceptions escape each function.
 */
#ifndef PTLINT_RULES_EXCEPTIONS_H
#define PTLINT_RULES_EXCEPTIONS_H

#include <stdbool.h>

#include "ptlint/model.h"

/* True when an exception of class `raised` is an instance of `caught`. */
bool pt_exception_is_a(const pt_unit *unit, const char *raised,
                       const char *caught);

/* One exception that may leave a function, and where it is raised. */
typedef struct pt_escape {
    const char *name;
    pt_loc loc;
} pt_escape;

typedef struct pt_escapes {
    pt_escape *items;
    uint32_t len;
    uint32_t cap;
} pt_escapes;

/*
 * For each function of the unit, the exceptions that may escape it: its
 * own raises and those of the unit's functions it calls, minus what a
 * surrounding try catches.  Returns an array of unit->functions.len
 * lists; free with pt_escapes_free().
 */
pt_escapes *pt_escapes_compute(const pt_unit *unit);

void pt_escapes_free(pt_escapes *escapes, uint32_t count);

#endif
