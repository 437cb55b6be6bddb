/*
 * symbols.h - the names under which functions meet across the files of
 * a run, for summaries stated as facts (model/facts.h).
 *
 * C: a function with external linkage is its name.  Python: a
 * module-level function is "py:MODULE.NAME", MODULE the file's stem (the
 * package's directory for __init__.py); a call names that symbol through
 * the file's imports: `from .provider import find` then `find(k)`, or
 * `import pkg.provider as p` then `p.find(k)`.  Matching by the last
 * module component is a deliberate approximation: the run does not know
 * the package roots.
 */
#ifndef PTLINT_RULES_SYMBOLS_H
#define PTLINT_RULES_SYMBOLS_H

#include <stdbool.h>
#include <stddef.h>

#include "ptlint/model.h"

/* Writes the symbol of `fn` into out[size]; false when no other file can
   call it (static, nested, a method) or it does not fit. */
bool pt_function_symbol(const pt_unit *unit, const pt_function *fn,
                        char *out, size_t size);

/* Writes the symbol a call of no function of this unit names into
   out[size]; false when it names none (a method, an unknown module). */
bool pt_call_symbol(const pt_unit *unit, const pt_event *call, char *out,
                    size_t size);

#endif
