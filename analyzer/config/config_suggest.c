/*
 * config_suggest.c - "did you mean ...?" for unknown keys and values.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config/config_internal.h"

/* Words longer than this are compared by their first CAP bytes. */
enum { SUGGEST_CAP = 64 };

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

/*
 * Optimal string alignment (restricted Damerau-Levenshtein) distance:
 * insertions, deletions, substitutions and swaps of neighbours cost one.
 */
size_t cfg_edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a) < SUGGEST_CAP ? strlen(a) : SUGGEST_CAP;
    size_t m = strlen(b) < SUGGEST_CAP ? strlen(b) : SUGGEST_CAP;
    size_t d[SUGGEST_CAP + 1][SUGGEST_CAP + 1];
    for (size_t i = 0; i <= n; i++) {
        d[i][0] = i;
    }
    for (size_t j = 0; j <= m; j++) {
        d[0][j] = j;
    }
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1,
                           d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
                a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < d[i][j]) {
                d[i][j] = d[i - 2][j - 2] + 1;
            }
        }
    }
    return d[n][m];
}

/* The largest distance still taken for a typo of a word of `len` bytes. */
static size_t allowed_distance(size_t len)
{
    if (len <= 3) {
        return 1;
    }
    return len / 3 > 2 ? len / 3 : 2;
}

/* True when one of the words abbreviates the other ("warn", "warning"). */
static bool is_abbreviation(const char *word, const char *candidate)
{
    size_t len = strlen(word);
    return len >= 3 && strncmp(word, candidate, len) == 0;
}

const char *cfg_suggest(const char *word, const char *const *candidates,
                        size_t count)
{
    const char *best = NULL;
    size_t best_distance = (size_t)-1;
    for (size_t i = 0; i < count; i++) {
        if (strcasecmp(word, candidates[i]) == 0) {
            return candidates[i];
        }
        size_t distance = cfg_edit_distance(word, candidates[i]);
        if (distance < best_distance) {
            best = candidates[i];
            best_distance = distance;
        }
    }
    if (best != NULL && best_distance <= allowed_distance(strlen(word))) {
        return best;
    }
    for (size_t i = 0; i < count; i++) {
        if (is_abbreviation(word, candidates[i])) {
            return candidates[i];
        }
    }
    return NULL;
}
