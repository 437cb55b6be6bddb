/*
 * noreturn.h - ending blocks at calls that never return (abort, exit).
 */
#ifndef PTLINT_MODEL_NORETURN_H
#define PTLINT_MODEL_NORETURN_H

#include <stdint.h>

#include "ptlint/model.h"

/* Ends every block of the C unit at its first call of one of `names`:
   later events are dropped and the block has no successor.  Python
   units are left alone: sys.exit() raises, and a handler may catch it. */
void pt_unit_cut_noreturn(pt_unit *unit, const char *const *names,
                          uint32_t count);

#endif
