/*
 * cache.h - findings of unchanged files, reused across runs.
 *
 * An entry is keyed by the file's path and content, the configuration
 * that applies to it (its file's bytes), the command line's rule choices
 * and the ptlint binary itself, so any change to one of them misses.
 * Entries are written to a temporary file and renamed into place, so two
 * runs sharing a cache directory never see half an entry.
 */
#ifndef PTLINT_ENGINE_CACHE_H
#define PTLINT_ENGINE_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/finding.h"

/* A 128-bit hash naming one cache entry: its file name, in hex. */
typedef struct pt_cache_key {
    uint64_t hi;
    uint64_t lo;
} pt_cache_key;

/* Starts a key from what is the same for every file of a run. */
pt_cache_key pt_cache_key_run(const char *const *parts, size_t nparts);

/* Mixes `len` bytes into the key. */
void pt_cache_key_add(pt_cache_key *key, const void *bytes, size_t len);

/* Mixes the bytes of the file at `path` (nothing when it is NULL or
   unreadable, which still differs from any content). */
void pt_cache_key_add_file(pt_cache_key *key, const char *path);

/*
 * Reads the entry for `key` into `out` (findings named with `path`),
 * with the unit's line and function counts.  False on a miss.
 */
bool pt_cache_load(const char *dir, pt_cache_key key, const char *path,
                   const pt_rule *(*find_rule)(const char *id),
                   pt_findings *out, pt_facts *facts, size_t *lines,
                   size_t *functions);

/* Writes the entry; failures are silent (a cache is an optimisation). */
void pt_cache_store(const char *dir, pt_cache_key key,
                    const pt_findings *findings, const pt_facts *facts,
                    size_t lines, size_t functions);

#endif
