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

/* One finding's key and place, sorted to count equal keys. */
typedef struct keyed {
    uint64_t key;
    size_t index;
} keyed;

static int compare_keyed(const void *a, const void *b)
{
    const keyed *x = a;
    const keyed *y = b;
    if (x->key != y->key) {
        return x->key < y->key ? -1 : 1;
    }
    return (x->index > y->index) - (x->index < y->index);
}

/* The fingerprint of a finding whose key came `occurrence` times before. */
static void set_fingerprint(pt_finding *finding, uint64_t key,
                            uint64_t occurrence)
{
    char index[24];
    snprintf(index, sizeof(index), "%" PRIu64, occurrence);
    snprintf(finding->fingerprint, sizeof(finding->fingerprint),
             "%016" PRIx64, fnv_bytes(key, index));
}

void pt_fingerprint_all(pt_findings *findings)
{
    /* Sorted by key, then by place: a finding's occurrence index is its
       rank among the equal keys (a file can have thousands). */
    keyed *keys = calloc(findings->len + 1, sizeof(*keys));
    if (keys == NULL) {
        abort();
    }
    for (size_t i = 0; i < findings->len; i++) {
        keys[i] = (keyed){finding_key(findings->items[i]), i};
    }
    qsort(keys, findings->len, sizeof(*keys), compare_keyed);
    uint64_t occurrence = 0;
    for (size_t i = 0; i < findings->len; i++) {
        occurrence = i > 0 && keys[i].key == keys[i - 1].key ? occurrence + 1
                                                              : 0;
        set_fingerprint(findings->items[keys[i].index], keys[i].key,
                        occurrence);
    }
    free(keys);
}
