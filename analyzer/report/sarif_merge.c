/*
 * sarif_merge.c - joining the SARIF logs of shards into one log.
 *
 * ptlint's SARIF has one run, whose tool and rules are the same in every
 * shard; only the results differ.  The merged log is the first log with
 * its results array holding every log's results, in argument order.  A
 * small scanner finds the array, minding strings and nesting, so no JSON
 * library is needed.
 */
#include "report/sarif_merge.h"

#include <string.h>

/* Skips a JSON string starting at text[i] == '"'; returns the index
   after its closing quote. */
static size_t skip_string(const char *text, size_t len, size_t i)
{
    for (i++; i < len; i++) {
        if (text[i] == '\\') {
            i++;
        } else if (text[i] == '"') {
            return i + 1;
        }
    }
    return len;
}

/* Finds the inside of the first `"results": [ ... ]`: sets *start to the
   byte after '[' and *end to the ']'.  False when there is none. */
static bool find_results(const char *text, size_t len, size_t *start,
                         size_t *end)
{
    static const char key[] = "\"results\"";
    size_t i = 0;
    while (i < len) {
        if (text[i] != '"') {
            i++;
            continue;
        }
        size_t after = skip_string(text, len, i);
        bool is_key = after - i == sizeof(key) - 1 &&
                      memcmp(text + i, key, sizeof(key) - 1) == 0;
        i = after;
        while (is_key && i < len && strchr(" \t\r\n:", text[i]) != NULL) {
            i++;
        }
        if (!is_key || i >= len || text[i] != '[') {
            continue;
        }
        *start = ++i;
        for (int depth = 1; i < len; i++) {
            if (text[i] == '"') {
                i = skip_string(text, len, i) - 1;
            } else if (text[i] == '[' || text[i] == '{') {
                depth++;
            } else if ((text[i] == ']' || text[i] == '}') && --depth == 0) {
                *end = i;
                return text[i] == ']';
            }
        }
        return false;
    }
    return false;
}

/* True when text[start, end) holds something other than white space. */
static bool has_items(const char *text, size_t start, size_t end)
{
    for (size_t i = start; i < end; i++) {
        if (strchr(" \t\r\n", text[i]) == NULL) {
            return true;
        }
    }
    return false;
}

bool pt_sarif_merge(const char *const *logs, const size_t *lengths,
                    size_t count, pt_buf *out, size_t *bad)
{
    size_t first_start = 0;
    size_t first_end = 0;
    for (size_t k = 0; k < count; k++) {
        size_t s = 0;
        size_t e = 0;
        if (!find_results(logs[k], lengths[k], &s, &e)) {
            *bad = k;
            return false;
        }
        if (k == 0) {
            first_start = s;
            first_end = e;
        }
    }
    pt_buf_append(out, logs[0], first_start);
    bool any = false;
    for (size_t k = 0; k < count; k++) {
        size_t s = 0;
        size_t e = 0;
        find_results(logs[k], lengths[k], &s, &e);
        if (has_items(logs[k], s, e)) {
            pt_buf_puts(out, any ? "," : "");
            pt_buf_append(out, logs[k] + s, e - s);
            any = true;
        }
    }
    pt_buf_append(out, logs[0] + first_end, lengths[0] - first_end);
    return true;
}
