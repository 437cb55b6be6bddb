/*
 * glob.c - include/exclude/override path globs, with `**` across `/`.
 *
 * Paths and patterns are split into segments at `/`.  Within a segment,
 * `*` matches any run of characters, `?` one character, `[abc]`, `[a-z]`
 * and `[!a-z]` one character of a class, and `\x` the character x.  A
 * segment that is exactly `**` matches any number of whole segments.
 */
#include <string.h>

#include "config/config_internal.h"

enum { GLOB_MAX_SEGMENTS = 256 };

/* A slice of a string: one path or pattern segment. */
typedef struct glob_seg {
    const char *start;
    size_t len;
} glob_seg;

/*
 * Matches the class at `p` (just after `[`) against `c`.  Sets *next to
 * the byte after `]`.  Returns -1 when the class is not terminated, so
 * that the caller takes `[` literally.
 */
static int class_match(const char *p, const char *end, char c,
                       const char **next)
{
    bool negate = p < end && (*p == '!' || *p == '^');
    bool found = false;
    const char *q = negate ? p + 1 : p;
    bool first = true;
    for (; q < end && (*q != ']' || first); q++, first = false) {
        char lo = *q;
        char hi = lo;
        if (q + 2 < end && q[1] == '-' && q[2] != ']') {
            hi = q[2];
            q += 2;
        }
        if (lo <= c && c <= hi) {
            found = true;
        }
    }
    if (q >= end) {
        return -1;
    }
    *next = q + 1;
    return found != negate;
}

/* Matches one character of the pattern at *pp against `c`; advances. */
static bool one_match(const char **pp, const char *end, char c)
{
    const char *p = *pp;
    if (*p == '[') {
        const char *next = NULL;
        int result = class_match(p + 1, end, c, &next);
        if (result >= 0) {
            *pp = next;
            return result == 1;
        }
    } else if (*p == '\\' && p + 1 < end) {
        p++;
    } else if (*p == '?') {
        *pp = p + 1;
        return true;
    }
    *pp = p + 1;
    return *p == c;
}

/*
 * Matches one pattern segment against one path segment (neither holds
 * `/`).  Stars backtrack to the latest star only, which is enough without
 * separators and keeps the match linear in practice.
 */
static bool seg_match(glob_seg pat, glob_seg str)
{
    const char *p = pat.start, *pend = pat.start + pat.len;
    const char *s = str.start, *send = str.start + str.len;
    const char *star_p = NULL, *star_s = NULL;
    while (s < send) {
        if (p < pend && *p == '*') {
            while (p < pend && *p == '*') {
                p++;
            }
            star_p = p;
            star_s = s;
            continue;
        }
        const char *q = p;
        if (p < pend && one_match(&q, pend, *s)) {
            p = q;
            s++;
            continue;
        }
        if (star_p == NULL) {
            return false;
        }
        p = star_p;
        s = ++star_s;
    }
    while (p < pend && *p == '*') {
        p++;
    }
    return p == pend;
}

/* Splits `text` at `/` into at most GLOB_MAX_SEGMENTS non-empty segments. */
static size_t split(const char *text, glob_seg *segs)
{
    size_t count = 0;
    while (*text != '\0') {
        const char *slash = strchr(text, '/');
        size_t len = slash != NULL ? (size_t)(slash - text) : strlen(text);
        if (len > 0 && count < GLOB_MAX_SEGMENTS) {
            segs[count].start = text;
            segs[count++].len = len;
        }
        text += len + (slash != NULL ? 1 : 0);
    }
    return count;
}

static bool is_globstar(glob_seg seg)
{
    return seg.len == 2 && seg.start[0] == '*' && seg.start[1] == '*';
}

/* Matches pattern segments against exactly the path segments given. */
static bool segs_match(const glob_seg *pat, size_t np, const glob_seg *str,
                       size_t ns)
{
    if (np == 0) {
        return ns == 0;
    }
    if (is_globstar(pat[0])) {
        for (size_t skip = 0; skip <= ns; skip++) {
            if (segs_match(pat + 1, np - 1, str + skip, ns - skip)) {
                return true;
            }
        }
        return false;
    }
    return ns > 0 && seg_match(pat[0], str[0]) &&
           segs_match(pat + 1, np - 1, str + 1, ns - 1);
}

/*
 * Skips a leading "/" or "./" of a pattern: patterns are relative to the
 * config's directory.  Sets *anchored when the pattern holds a `/` before
 * its last character, which ties it to the start of the path.
 */
static const char *strip_anchor(const char *pattern, bool *anchored)
{
    size_t len = strlen(pattern);
    while (len > 0 && pattern[len - 1] == '/') {
        len--;
    }
    *anchored = memchr(pattern, '/', len) != NULL;
    while (pattern[0] == '/' || (pattern[0] == '.' && pattern[1] == '/')) {
        pattern += pattern[0] == '/' ? 1 : 2;
    }
    return pattern;
}

bool cfg_glob_match(const char *pattern, const char *path)
{
    glob_seg pat[GLOB_MAX_SEGMENTS];
    glob_seg str[GLOB_MAX_SEGMENTS];
    bool anchored = false;
    pattern = strip_anchor(pattern, &anchored);
    size_t np = split(pattern, pat);
    size_t ns = split(path, str);
    if (np == 0) {
        return false;
    }
    if (!anchored && np == 1) {
        for (size_t i = 0; i < ns; i++) {
            if (seg_match(pat[0], str[i])) {
                return true;
            }
        }
        return false;
    }
    for (size_t prefix = 1; prefix <= ns; prefix++) {
        if (segs_match(pat, np, str, prefix)) {
            return true;
        }
    }
    return false;
}
