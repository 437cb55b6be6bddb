/*
 * fingerprint.c - see fingerprint.h for the recipe.
 */
#include "engine/fingerprint.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FNV_PRIME_SHIFTED = 0 };

static const uint64_t fnv_offset = 0xcbf29ce484222325ULL;
static const uint64_t fnv_prime = 0x100000001b3ULL;

static uint64_t fnv_bytes(uint64_t hash, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        hash = (hash ^ *p) * fnv_prime;
    }
    return (hash ^ 0xff) * fnv_prime;     /* field separator */
}

/* The key without the occurrence index; white space does not count. */
static uint64_t finding_key(const pt_finding *finding)
{
    uint64_t hash = fnv_offset;
    hash = fnv_bytes(hash, finding->rule->id);
    hash = fnv_bytes(hash, finding->path);
    hash = fnv_bytes(hash, finding->function ? finding->function : "");
    for (const unsigned char *p = (const unsigned char *)finding->line_text;
         *p; p++) {
        if (!isspace(*p)) {
            hash = (hash ^ *p) * fnv_prime;
        }
    }
    return hash;
}

void pt_fingerprint_all(pt_findings *findings)
{
    uint64_t *keys = calloc(findings->len + 1, sizeof(*keys));
    if (keys == NULL) {
        abort();
    }
    for (size_t i = 0; i < findings->len; i++) {
        keys[i] = finding_key(findings->items[i]);
        uint64_t occurrence = 0;
        for (size_t j = 0; j < i; j++) {
            occurrence += keys[j] == keys[i];
        }
        uint64_t hash = keys[i];
        char index[24];
        snprintf(index, sizeof(index), "%" PRIu64, occurrence);
        hash = fnv_bytes(hash, index);
        snprintf(findings->items[i]->fingerprint,
                 sizeof(findings->items[i]->fingerprint), "%016" PRIx64,
                 hash);
    }
    free(keys);
}
