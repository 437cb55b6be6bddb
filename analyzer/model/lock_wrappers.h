/*
 * lock_wrappers.h - calls of a unit's own lock and unlock helpers become
 * the acquire and release they stand for.
 */
#ifndef PTLINT_MODEL_LOCK_WRAPPERS_H
#define PTLINT_MODEL_LOCK_WRAPPERS_H

#include "model/facts.h"
#include "ptlint/model.h"

/*
 * A function that acquires a lock reached from one of its parameters and
 * never releases it (`tree_lock(t)`: `pthread_mutex_lock(&t->lock)`)
 * leaves it held: that is its exit lock state.  After each call of such
 * a function the unit gets an implicit ACQUIRE of the caller's argument
 * path with the same suffix ("tree.lock"); likewise RELEASE for unlock
 * helpers.  Helpers of helpers are found in later rounds.
 *
 * Across files (`io`, NULL for none): the unit states its helpers other
 * files can call as "lock-helper:NAME:acquire:PARAM:SUFFIX" facts, and
 * asks the run about each plain call of a function it does not define
 * (in Python, an imported name); the engine analyses the file again once
 * the run answers.
 */
void pt_unit_expand_lock_wrappers(pt_unit *unit, const pt_fact_io *io);

#endif
