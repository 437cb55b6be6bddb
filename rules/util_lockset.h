/*
 * lockset.h - which locks are held at each point of a function.
 *
 * Locks are the paths of ACQUIRE and RELEASE events ("tree.lock",
 * "self._lock").  An acquire whose result is tested (`if
 * (pthread_mutex_lock(&l) != 0) return`, `if not l.acquire(False):`) holds
 * only on the success edge: in C the edge where the test fails (0 is
 * success), in Python the edge where it holds (True is success).
 *
 * Besides "held", the state records for each lock whether it was
 * acquired earlier on the path ("touched"), which tells a double release
 * from the release of a lock the caller holds.  In Python only lock-like
 * paths count: a name with the word lock, mutex, cond, condition, cv or
 * semaphore, or a path assigned from threading.Lock() and friends (the
 * `lock-types` vocabulary); `with open(f) as f:` is no lock.
 */
#ifndef PTLINT_RULES_LOCKSET_H
#define PTLINT_RULES_LOCKSET_H

#include <stdbool.h>

#include "ptlint/dataflow.h"
#include "ptlint/model.h"

/* The locks of one function and the solved state at each block: a bit
   per lock for "held", then one per lock for "touched". */
typedef struct pt_lockset {
    pt_names locks;             /* lock paths seen in the function */
    pt_names result_vars;       /* variables holding an acquire's result */
    uint32_t *result_locks;     /* the lock each result_var belongs to */
    pt_dataflow analysis;
    pt_dataflow_result result;
    pt_language language;
} pt_lockset;

/* ptlint/rule.h's rule context, without including it here. */
struct pt_rule_ctx;
/*
 * Solves the lockset of `fn`: `must` for locks held on every path
 * (intersection), else locks held on some path (union).  Returns false
 * when out of memory; pt_lockset_free() is safe either way.
 */
bool pt_lockset_solve(pt_lockset *ls, struct pt_rule_ctx *ctx,
                      const pt_unit *unit, const pt_function *fn, bool must);

/* True when lock `index` is set in `state`. */
bool pt_lockset_held(const void *state, uint32_t index);

/* True when lock `index` was acquired earlier on some path here. */
bool pt_lockset_touched(const pt_lockset *ls, const void *state,
                        uint32_t index);

/* True when `state` holds some lock. */
bool pt_lockset_any(const pt_lockset *ls, const void *state);

/* Frees what the lockset holds; `ls` itself is the caller's. */
void pt_lockset_free(pt_lockset *ls);

#endif
