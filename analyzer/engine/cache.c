/*
 * cache.c - see cache.h.  An entry is text: a header line, then one line
 * per finding and per evidence step, fields separated by tabs, with tab,
 * newline and backslash escaped.
 */
#include "engine/cache.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ptlint/buf.h"

static const char cache_magic[] = "ptlint-cache 2";

static uint64_t fnv64(uint64_t hash, const void *bytes, size_t len)
{
    const unsigned char *p = bytes;
    for (size_t i = 0; i < len; i++) {
        hash = (hash ^ p[i]) * 0x100000001b3ULL;
    }
    return hash;
}

void pt_cache_key_add(pt_cache_key *key, const void *bytes, size_t len)
{
    /* Both halves in one loop: the two multiply chains overlap (every
       file's whole text goes through here, cache or not). */
    const unsigned char *p = bytes;
    uint64_t hi = key->hi;
    uint64_t lo = key->lo ^ 0x9e3779b97f4a7c15ULL;
    for (size_t i = 0; i < len; i++) {
        hi = (hi ^ p[i]) * 0x100000001b3ULL;
        lo = (lo ^ p[i]) * 0x100000001b3ULL;
    }
    key->hi = fnv64(hi, "\x1f", 1);
    key->lo = lo;
}

pt_cache_key pt_cache_key_run(const char *const *parts, size_t nparts)
{
    pt_cache_key key = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};
    struct stat self;
    if (stat("/proc/self/exe", &self) == 0) {
        /* A rebuilt ptlint may judge differently: its own identity. */
        pt_cache_key_add(&key, &self.st_mtime, sizeof(self.st_mtime));
        pt_cache_key_add(&key, &self.st_size, sizeof(self.st_size));
    }
    pt_cache_key_add(&key, PTLINT_VERSION, strlen(PTLINT_VERSION));
    for (size_t i = 0; i < nparts; i++) {
        pt_cache_key_add(&key, parts[i], parts[i] ? strlen(parts[i]) : 0);
    }
    return key;
}

void pt_cache_key_add_file(pt_cache_key *key, const char *path)
{
    FILE *in = path != NULL ? fopen(path, "rb") : NULL;
    if (in == NULL) {
        pt_cache_key_add(key, "-", 1);
        return;
    }
    char chunk[8192];
    size_t got = 0;
    while ((got = fread(chunk, 1, sizeof(chunk), in)) > 0) {
        pt_cache_key_add(key, chunk, got);
    }
    fclose(in);
}

static void entry_path(const char *dir, pt_cache_key key, char *out,
                       size_t size)
{
    snprintf(out, size, "%s/%016" PRIx64 "%016" PRIx64, dir, key.hi,
             key.lo);
}

/* Appends a field with tabs, newlines and backslashes escaped. */
static void put_escaped(pt_buf *out, const char *text)
{
    const char *p = text != NULL ? text : "";
    for (;;) {
        size_t run = strcspn(p, "\t\n\\\r");   /* appended in one go */
        pt_buf_append(out, p, run);
        p += run;
        if (*p == '\0') {
            return;
        }
        char escaped[2] = {'\\', *p == '\t' ? 't' : *p == '\n' ? 'n'
                                 : *p == '\r' ? 'r' : '\\'};
        pt_buf_append(out, escaped, 2);
        p++;
    }
}

static void put_finding(pt_buf *out, const pt_finding *f)
{
    pt_buf_printf(out, "F\t%s\t%d\t%u\t%u\t%u\t", f->rule->id, f->severity,
                  f->loc.line, f->loc.col, f->loc.byte);
    put_escaped(out, f->function != NULL ? f->function : "");
    pt_buf_printf(out, "\t%d\t", f->function != NULL);
    put_escaped(out, f->message);
    pt_buf_puts(out, "\t");
    put_escaped(out, f->line_text);
    pt_buf_printf(out, "\t%s\n", f->fingerprint);
    if (f->unless != NULL) {
        pt_buf_puts(out, "U\t");
        put_escaped(out, f->unless);
        pt_buf_puts(out, "\n");
    }
    if (f->only_if != NULL) {
        pt_buf_puts(out, "I\t");
        put_escaped(out, f->only_if);
        pt_buf_puts(out, "\n");
    }
    for (size_t s = 0; s < f->nsteps; s++) {
        pt_buf_printf(out, "S\t%u\t%u\t%u\t", f->steps[s].loc.line,
                      f->steps[s].loc.col, f->steps[s].loc.byte);
        put_escaped(out, f->steps[s].message);
        pt_buf_puts(out, "\n");
    }
}

void pt_cache_store(const char *dir, pt_cache_key key,
                    const pt_findings *findings, const pt_facts *facts,
                    size_t lines, size_t functions)
{
    char final[4096];
    char temp[4200];
    entry_path(dir, key, final, sizeof(final));
    snprintf(temp, sizeof(temp), "%s.tmp.XXXXXX", final);
    if (mkdir(dir, 0777) == 0) {
        /* A new cache directory keeps itself out of git. */
        char ignore[4200];
        snprintf(ignore, sizeof(ignore), "%s/.gitignore", dir);
        FILE *out = fopen(ignore, "w");
        if (out != NULL) {
            fputs("# Created by ptlint; safe to delete.\n*\n", out);
            (void)fclose(out);  /* a cache is an optimisation: best effort */
        }
    }
    int fd = mkstemp(temp);
    if (fd < 0) {
        return;
    }
    pt_buf text = {0};
    pt_buf_printf(&text, "%s\t%zu\t%zu\n", cache_magic, lines, functions);
    for (size_t i = 0; i < findings->len; i++) {
        put_finding(&text, findings->items[i]);
    }
    for (size_t i = 0; i < facts->len; i++) {
        pt_buf_puts(&text, "X\t");
        put_escaped(&text, facts->items[i]);
        pt_buf_puts(&text, "\n");
    }
    bool ok = write(fd, text.data, text.len) == (ssize_t)text.len;
    ok &= close(fd) == 0;
    if (!ok || rename(temp, final) != 0) {
        (void)unlink(temp);     /* nothing more to do if even this fails */
    }
    pt_buf_free(&text);
}

/* Splits `line` at tabs in place, unescaping each field; returns the
   number of fields (at most `max`). */
static size_t split_fields(char *line, char **fields, size_t max)
{
    size_t count = 0;
    char *out = line;
    fields[count++] = out;
    for (char *p = line; *p != '\0' && *p != '\n'; p++) {
        if (*p == '\t' && count < max) {
            *out++ = '\0';
            fields[count++] = out;
        } else if (*p == '\\' && p[1] != '\0') {
            p++;
            *out++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r'
                                                                     : *p;
        } else {
            *out++ = *p;
        }
    }
    *out = '\0';
    return count;
}

static char *dup_or_die(const char *text)
{
    char *copy = strdup(text);
    if (copy == NULL) {
        abort();
    }
    return copy;
}

/* Rebuilds one finding from its fields; NULL when the rule is gone. */
static pt_finding *parse_finding(char **f, const char *path,
                                 const pt_rule *(*find_rule)(const char *))
{
    const pt_rule *rule = find_rule(f[1]);
    if (rule == NULL || strlen(f[10]) != 16) {
        return NULL;
    }
    pt_finding *finding = calloc(1, sizeof(*finding));
    if (finding == NULL) {
        abort();
    }
    finding->rule = rule;
    finding->severity = (pt_severity)strtol(f[2], NULL, 10);
    finding->loc = (pt_loc){(uint32_t)strtoul(f[3], NULL, 10),
                            (uint32_t)strtoul(f[4], NULL, 10),
                            (uint32_t)strtoul(f[5], NULL, 10)};
    finding->function = strtol(f[7], NULL, 10) != 0 ? dup_or_die(f[6])
                                                     : NULL;
    finding->message = dup_or_die(f[8]);
    finding->line_text = dup_or_die(f[9]);
    finding->path = dup_or_die(path);
    memcpy(finding->fingerprint, f[10], 17);
    return finding;
}

static bool add_step(pt_finding *finding, char **f)
{
    pt_step *steps = realloc(finding->steps,
                             (finding->nsteps + 1) * sizeof(*steps));
    if (steps == NULL) {
        return false;
    }
    finding->steps = steps;
    steps[finding->nsteps].loc = (pt_loc){
        (uint32_t)strtoul(f[1], NULL, 10), (uint32_t)strtoul(f[2], NULL, 10),
        (uint32_t)strtoul(f[3], NULL, 10)};
    steps[finding->nsteps++].message = dup_or_die(f[4]);
    return true;
}

/* Reads the entry's lines after the header; false on anything odd. */
static bool read_entry(FILE *in, const char *path,
                       const pt_rule *(*find_rule)(const char *),
                       pt_findings *out, pt_facts *facts)
{
    char *line = NULL;
    size_t cap = 0;
    pt_finding *last = NULL;
    bool ok = true;
    while (ok && getline(&line, &cap, in) > 0) {
        char *f[12];
        size_t n = split_fields(line, f, 12);
        if (n == 2 && strcmp(f[0], "X") == 0) {
            pt_facts_add(facts, f[1]);
        } else if (n == 2 && strcmp(f[0], "U") == 0 && last != NULL) {
            last->unless = dup_or_die(f[1]);
        } else if (n == 2 && strcmp(f[0], "I") == 0 && last != NULL) {
            last->only_if = dup_or_die(f[1]);
        } else if (n == 11 && strcmp(f[0], "F") == 0) {
            last = parse_finding(f, path, find_rule);
            ok = last != NULL;
            if (ok) {
                pt_findings_push(out, last);
            }
        } else {
            ok = n == 5 && strcmp(f[0], "S") == 0 && last != NULL &&
                 add_step(last, f);
        }
    }
    free(line);
    return ok;
}

/* Reads the decimal count at *p into *out and moves *p past it. */
static bool read_count(const char **p, size_t *out)
{
    char *end = NULL;
    unsigned long long count = strtoull(*p, &end, 10);
    if (end == *p) {
        return false;
    }
    *out = (size_t)count;
    *p = end;
    return true;
}

bool pt_cache_load(const char *dir, pt_cache_key key, const char *path,
                   const pt_rule *(*find_rule)(const char *id),
                   pt_findings *out, pt_facts *facts, size_t *lines,
                   size_t *functions)
{
    char name[4096];
    entry_path(dir, key, name, sizeof(name));
    FILE *in = fopen(name, "r");
    if (in == NULL) {
        return false;
    }
    char header[128] = {0};
    size_t magic = strlen(cache_magic);
    const char *counts = header + magic;
    bool ok = fgets(header, sizeof(header), in) != NULL &&
              strncmp(header, cache_magic, magic) == 0 &&
              read_count(&counts, lines) && read_count(&counts, functions);
    ok = ok && read_entry(in, path, find_rule, out, facts);
    fclose(in);
    if (!ok) {
        pt_findings_free(out);
        pt_facts_free(facts);
    }
    return ok;
}
