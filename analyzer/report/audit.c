/*
 * audit.c - `ptlint audit`: the audit map (rules/data/audit.yaml, parsed
 * with libyaml), a review split into its numbered claims, claims mapped
 * to the review points by keyword and their stance, and the answer
 * written as text, Markdown or a self-contained HTML page.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "report/audit.h"
#include "report/html.h"
#include "report/report_util.h"

extern const char pt_audit_yaml[];

#define NEGATOR_REACH 3         /* words a negator reaches forward */
#define MAX_EVIDENCE 5

static void *xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (p == NULL) {
        abort();
    }
    return p;
}

static char *xstrdup(const char *text)
{
    char *copy = strdup(text);
    if (copy == NULL) {
        abort();
    }
    return copy;
}

/* Lower-cases `text` in place (ASCII only) and returns it. */
static char *lower(char *text)
{
    for (char *p = text; *p; p++) {
        *p = (char)tolower((unsigned char)*p);
    }
    return text;
}

/* ---- the map ---- */

typedef struct yaml_reader {
    yaml_document_t doc;
    const char *name;
    pt_buf *errors;
} yaml_reader;

/* Writes "NAME:LINE:COL: what" to the errors; returns false. */
static bool yaml_fail(yaml_reader *r, const yaml_node_t *node,
                      const char *what)
{
    pt_buf_printf(r->errors, "%s:%zu:%zu: %s\n", r->name,
                  node != NULL ? node->start_mark.line + 1 : 1,
                  node != NULL ? node->start_mark.column + 1 : 1, what);
    return false;
}

/* The value of `key` in mapping `node`, or NULL. */
static yaml_node_t *map_get(yaml_reader *r, yaml_node_t *node,
                            const char *key)
{
    if (node == NULL || node->type != YAML_MAPPING_NODE) {
        return NULL;
    }
    for (yaml_node_pair_t *p = node->data.mapping.pairs.start;
         p < node->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(&r->doc, p->key);
        if (k != NULL && k->type == YAML_SCALAR_NODE &&
            strcmp((const char *)k->data.scalar.value, key) == 0) {
            return yaml_document_get_node(&r->doc, p->value);
        }
    }
    return NULL;
}

/* A scalar's text, or NULL after an error naming `what`. */
static const char *scalar(yaml_reader *r, yaml_node_t *node,
                          const char *what)
{
    if (node == NULL || node->type != YAML_SCALAR_NODE) {
        pt_buf msg = {0};
        pt_buf_printf(&msg, "expected %s (a string)", what);
        yaml_fail(r, node, pt_buf_str(&msg));
        pt_buf_free(&msg);
        return NULL;
    }
    return (const char *)node->data.scalar.value;
}

/* Reads a sequence of strings into a new array (lower-cased when
   `fold`); false after an error. */
static bool string_list(yaml_reader *r, yaml_node_t *node, const char *what,
                        bool fold, char ***items, size_t *count)
{
    if (node == NULL || node->type != YAML_SEQUENCE_NODE) {
        pt_buf msg = {0};
        pt_buf_printf(&msg, "expected %s (a list of strings)", what);
        yaml_fail(r, node, pt_buf_str(&msg));
        pt_buf_free(&msg);
        return false;
    }
    yaml_node_item_t *start = node->data.sequence.items.start;
    yaml_node_item_t *top = node->data.sequence.items.top;
    for (yaml_node_item_t *i = start; i < top; i++) {
        const char *text = scalar(r, yaml_document_get_node(&r->doc, *i),
                                  what);
        if (text == NULL) {
            return false;
        }
        *items = xrealloc(*items, (*count + 1) * sizeof **items);
        (*items)[(*count)++] = fold ? lower(xstrdup(text)) : xstrdup(text);
    }
    return true;
}

/* Reads one entry of `categories`. */
static bool read_category(yaml_reader *r, yaml_node_t *node,
                          pt_audit_category *cat)
{
    if (node == NULL || node->type != YAML_MAPPING_NODE) {
        return yaml_fail(r, node, "expected a category (id, title, rules, "
                                  "keywords)");
    }
    const char *id = scalar(r, map_get(r, node, "id"), "`id`");
    const char *title = id != NULL ? scalar(r, map_get(r, node, "title"),
                                            "`title`")
                                   : NULL;
    if (title == NULL) {
        return false;
    }
    cat->id = xstrdup(id);
    cat->title = xstrdup(title);
    if (!string_list(r, map_get(r, node, "rules"), "`rules`", false,
                     &cat->rules, &cat->nrules) ||
        !string_list(r, map_get(r, node, "keywords"), "`keywords`", true,
                     &cat->keywords, &cat->nkeywords)) {
        return false;
    }
    if (cat->nrules == 0) {
        return yaml_fail(r, node, "a category needs at least one rule");
    }
    return true;
}

/* Reads the top-level mapping: categories, then sentiment. */
static bool read_map(yaml_reader *r, pt_audit_map *map)
{
    yaml_node_t *root = yaml_document_get_root_node(&r->doc);
    yaml_node_t *cats = map_get(r, root, "categories");
    if (cats == NULL || cats->type != YAML_SEQUENCE_NODE) {
        return yaml_fail(r, cats != NULL ? cats : root,
                         "expected `categories:` (a list)");
    }
    for (yaml_node_item_t *i = cats->data.sequence.items.start;
         i < cats->data.sequence.items.top; i++) {
        map->categories = xrealloc(map->categories,
                                   (map->ncategories + 1) *
                                       sizeof *map->categories);
        pt_audit_category *cat = &map->categories[map->ncategories++];
        memset(cat, 0, sizeof *cat);
        if (!read_category(r, yaml_document_get_node(&r->doc, *i), cat)) {
            return false;
        }
    }
    yaml_node_t *sentiment = map_get(r, root, "sentiment");
    if (sentiment == NULL) {
        return true;
    }
    return string_list(r, map_get(r, sentiment, "positive"), "`positive`",
                       true, &map->positive, &map->npositive) &&
           string_list(r, map_get(r, sentiment, "negative"), "`negative`",
                       true, &map->negative, &map->nnegative) &&
           string_list(r, map_get(r, sentiment, "negators"), "`negators`",
                       true, &map->negators, &map->nnegators);
}

bool pt_audit_map_parse(pt_audit_map *map, const char *text,
                        const char *name, pt_buf *errors)
{
    memset(map, 0, sizeof *map);
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        abort();
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)text,
                                 strlen(text));
    yaml_reader r = {.name = name, .errors = errors};
    bool ok = yaml_parser_load(&parser, &r.doc) != 0;
    if (!ok) {
        pt_buf_printf(errors, "%s:%zu:%zu: %s\n", name,
                      parser.problem_mark.line + 1,
                      parser.problem_mark.column + 1,
                      parser.problem != NULL ? parser.problem
                                             : "invalid YAML");
    } else {
        ok = read_map(&r, map);
        yaml_document_delete(&r.doc);
    }
    yaml_parser_delete(&parser);
    if (!ok) {
        pt_audit_map_free(map);
    }
    return ok;
}

bool pt_audit_map_builtin(pt_audit_map *map, pt_buf *errors)
{
    return pt_audit_map_parse(map, pt_audit_yaml, "rules/data/audit.yaml",
                              errors);
}

static void free_list(char **items, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(items[i]);
    }
    free(items);
}

void pt_audit_map_free(pt_audit_map *map)
{
    for (size_t i = 0; i < map->ncategories; i++) {
        pt_audit_category *cat = &map->categories[i];
        free(cat->id);
        free(cat->title);
        free_list(cat->rules, cat->nrules);
        free_list(cat->keywords, cat->nkeywords);
    }
    free(map->categories);
    free_list(map->positive, map->npositive);
    free_list(map->negative, map->nnegative);
    free_list(map->negators, map->nnegators);
    memset(map, 0, sizeof *map);
}

const char **pt_audit_map_rules(const pt_audit_map *map, size_t *count)
{
    const char **ids = NULL;
    size_t n = 0;
    for (size_t c = 0; c < map->ncategories; c++) {
        for (size_t i = 0; i < map->categories[c].nrules; i++) {
            const char *id = map->categories[c].rules[i];
            bool seen = false;
            for (size_t k = 0; k < n && !seen; k++) {
                seen = strcmp(ids[k], id) == 0;
            }
            if (!seen) {
                ids = xrealloc(ids, (n + 2) * sizeof *ids);
                ids[n++] = id;
            }
        }
    }
    ids = xrealloc(ids, (n + 1) * sizeof *ids);
    ids[n] = NULL;
    *count = n;
    return ids;
}

/* ---- claims ---- */

/* Skips blanks and list or emphasis markers ("- ", "* ", "**", "> "). */
static const char *skip_markers(const char *p)
{
    for (;;) {
        while (*p == ' ' || *p == '\t') {
            p++;
        }
        if ((p[0] == '-' || p[0] == '*' || p[0] == '>' || p[0] == '#') &&
            (p[1] == ' ' || p[1] == '*' || p[1] == '#')) {
            p++;
        } else if (p[0] == '*' && p[1] == '*') {
            p += 2;
        } else {
            return p;
        }
    }
}

/* When `line` opens a numbered point, copies its number to `label` and
   returns where its text starts; NULL otherwise. */
static const char *point_start(const char *line, char label[16])
{
    const char *p = skip_markers(line);
    bool paren = false;
    if (strncasecmp(p, "point", 5) == 0 || strncasecmp(p, "claim", 5) == 0) {
        p += 5;
        while (*p == ' ') {
            p++;
        }
    } else if (*p == '(') {
        paren = true;
        p++;
    }
    size_t n = 0;
    while (n < 6 && isdigit((unsigned char)p[n])) {
        n++;
    }
    if (n == 0) {
        return NULL;
    }
    const char *q = p + n;
    bool closed = paren ? *q == ')'
                        : (*q == '.' || *q == ')' || *q == ':');
    if (!closed || (q[1] != ' ' && q[1] != '\t' && q[1] != '\0' &&
                    q[1] != '*')) {
        return NULL;
    }
    memcpy(label, p, n);
    label[n] = '\0';
    q++;
    while (*q == '*' || *q == ' ' || *q == '\t') {
        q++;
    }
    return q;
}

/* Appends a copy of `text` trimmed of blanks (and a trailing "**"). */
static void put_trimmed(pt_buf *out, const char *text, size_t len)
{
    while (len > 0 && (*text == ' ' || *text == '\t')) {
        text++;
        len--;
    }
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t' ||
                       text[len - 1] == '\r' || text[len - 1] == '*')) {
        len--;
    }
    pt_buf_append(out, text, len);
}

static void claim_push(pt_audit_claims *claims, const char *label,
                       pt_buf *text, pt_buf *first)
{
    if (claims->len == claims->cap) {
        claims->cap = claims->cap ? 2 * claims->cap : 16;
        claims->items = xrealloc(claims->items,
                                 claims->cap * sizeof *claims->items);
    }
    pt_audit_claim *c = &claims->items[claims->len++];
    c->label = xstrdup(label);
    c->text = xstrdup(pt_buf_str(text));
    c->first_line = xstrdup(pt_buf_str(first));
    pt_buf_clear(text);
    pt_buf_clear(first);
}

void pt_audit_claims_parse(pt_audit_claims *claims, const char *text)
{
    memset(claims, 0, sizeof *claims);
    pt_buf body = {0};
    pt_buf first = {0};
    char label[16] = "";
    bool open = false;
    bool blank = false;
    for (const char *line = text; *line != '\0';) {
        const char *end = strchr(line, '\n');
        size_t len = end != NULL ? (size_t)(end - line) : strlen(line);
        char *copy = strndup(line, len);
        char number[16];
        const char *rest = copy != NULL ? point_start(copy, number) : NULL;
        if (rest != NULL) {
            if (open) {
                claim_push(claims, label, &body, &first);
            }
            memcpy(label, number, sizeof label);
            put_trimmed(&first, rest, strlen(rest));
            put_trimmed(&body, rest, strlen(rest));
            open = true;
            blank = false;
        } else if (open && copy != NULL) {
            size_t before = body.len;
            bool empty = strspn(copy, " \t\r") == len;
            if (empty) {
                blank = true;
            } else if (blank && copy[0] != ' ' && copy[0] != '\t') {
                claim_push(claims, label, &body, &first);
                open = false;
            } else {
                pt_buf_puts(&body, body.len ? " " : "");
                put_trimmed(&body, copy, len);
                if (body.len == before + 1) {
                    body.len = before;
                }
                blank = false;
            }
        }
        free(copy);
        line = end != NULL ? end + 1 : line + len;
    }
    if (open) {
        claim_push(claims, label, &body, &first);
    }
    pt_buf_free(&body);
    pt_buf_free(&first);
}

void pt_audit_claims_free(pt_audit_claims *claims)
{
    for (size_t i = 0; i < claims->len; i++) {
        free(claims->items[i].label);
        free(claims->items[i].text);
        free(claims->items[i].first_line);
    }
    free(claims->items);
    memset(claims, 0, sizeof *claims);
}

/* ---- words ---- */

typedef struct words {
    char **items;               /* lower case */
    size_t len;
} words;

static bool word_byte(unsigned char c)
{
    return isalnum(c) || c == '_' || c == '\'' || c >= 0x80;
}

/* Splits `text` into lower-case words (runs of letters, digits, '_',
   apostrophes and non-ASCII bytes). */
static words split_words(const char *text)
{
    words w = {0};
    const char *p = text;
    while (*p != '\0') {
        while (*p != '\0' && !word_byte((unsigned char)*p)) {
            p++;
        }
        size_t n = 0;
        while (p[n] != '\0' && word_byte((unsigned char)p[n])) {
            n++;
        }
        if (n == 0) {
            break;
        }
        char *word = strndup(p, n);
        if (word == NULL) {
            abort();
        }
        w.items = xrealloc(w.items, (w.len + 1) * sizeof *w.items);
        w.items[w.len++] = lower(word);
        p += n;
    }
    return w;
}

static void free_words(words *w)
{
    free_list(w->items, w->len);
    memset(w, 0, sizeof *w);
}

/* Whether the words of `phrase` start at w[at]: each word of the phrase a
   prefix of the text's word (`prefix`) or equal to it.  Returns the
   number of words matched, 0 when none. */
static size_t phrase_at(const words *w, size_t at, const char *phrase,
                        bool prefix)
{
    words p = split_words(phrase);
    bool ok = p.len > 0 && at + p.len <= w->len;
    for (size_t i = 0; ok && i < p.len; i++) {
        const char *word = w->items[at + i];
        ok = prefix ? strncmp(word, p.items[i], strlen(p.items[i])) == 0
                    : strcmp(word, p.items[i]) == 0;
    }
    size_t n = ok ? p.len : 0;
    free_words(&p);
    return n;
}

/* How often a keyword of the category (or one of its rule ids, read as
   words) occurs in `w`. */
static size_t category_hits(const pt_audit_category *cat, const words *w)
{
    size_t hits = 0;
    for (size_t at = 0; at < w->len; at++) {
        bool hit = false;
        for (size_t k = 0; k < cat->nkeywords && !hit; k++) {
            hit = phrase_at(w, at, cat->keywords[k], true) > 0;
        }
        for (size_t k = 0; k < cat->nrules && !hit; k++) {
            hit = phrase_at(w, at, cat->rules[k], false) > 0;
        }
        hits += hit;
    }
    return hits;
}

size_t pt_audit_claim_categories(const pt_audit_map *map, const char *text,
                                 size_t *out)
{
    words w = split_words(text);
    size_t *hits = calloc(map->ncategories + 1, sizeof *hits);
    if (hits == NULL) {
        abort();
    }
    size_t best = 0;
    for (size_t c = 0; c < map->ncategories; c++) {
        hits[c] = category_hits(&map->categories[c], &w);
        best = hits[c] > best ? hits[c] : best;
    }
    size_t n = 0;
    for (size_t h = best; h > 0 && 2 * h > best; h--) {
        for (size_t c = 0; c < map->ncategories; c++) {
            if (hits[c] == h) {
                out[n++] = c;
            }
        }
    }
    free(hits);
    free_words(&w);
    return n;
}

/* The length in words of the list entry that matches at w[at], or 0. */
static size_t list_at(const words *w, size_t at, char *const *list,
                      size_t count)
{
    for (size_t i = 0; i < count; i++) {
        size_t n = phrase_at(w, at, list[i], false);
        if (n > 0) {
            return n;
        }
    }
    return 0;
}

/* A word ending in "n't" (ASCII or typographic apostrophe). */
static bool contraction(const char *word)
{
    size_t len = strlen(word);
    return (len >= 3 && strcmp(word + len - 3, "n't") == 0) ||
           (len >= 5 && strcmp(word + len - 5, "n\xe2\x80\x99t") == 0);
}

pt_audit_stance pt_audit_claim_stance(const pt_audit_map *map,
                                      const char *text)
{
    words w = split_words(text);
    int positive = 0;
    int negative = 0;
    size_t reach = 0;           /* words the pending negator still covers */
    for (size_t at = 0; at < w.len;) {
        size_t n = contraction(w.items[at])
                       ? 1
                       : list_at(&w, at, map->negators, map->nnegators);
        if (n > 0) {
            negative += reach > 0;  /* an earlier negator found nothing */
            reach = NEGATOR_REACH;
            at += n;
            continue;
        }
        int sign = list_at(&w, at, map->positive, map->npositive) ? 1
                   : list_at(&w, at, map->negative, map->nnegative) ? -1
                                                                    : 0;
        if (sign != 0 && reach > 0) {
            sign = -sign;
            reach = 0;
        } else if (reach > 0 && --reach == 0) {
            negative++;         /* "without validation" */
        }
        positive += sign > 0;
        negative += sign < 0;
        at++;
    }
    negative += reach > 0;
    free_words(&w);
    if (positive > 0 && negative == 0) {
        return PT_STANCE_FINE;
    }
    return negative > 0 && positive == 0 ? PT_STANCE_BROKEN
                                         : PT_STANCE_NONE;
}

/* ---- judging the points ---- */

typedef struct verdict {
    size_t count;
    size_t sev[3];
    const pt_finding *evidence[MAX_EVIDENCE]; /* errors first */
    size_t nevidence;
} verdict;

static bool category_has_rule(const pt_audit_category *cat, const char *id)
{
    for (size_t i = 0; i < cat->nrules; i++) {
        if (strcmp(cat->rules[i], id) == 0) {
            return true;
        }
    }
    return false;
}

static void judge(const pt_audit_category *cat, const pt_findings *findings,
                  verdict *v)
{
    memset(v, 0, sizeof *v);
    for (int sev = PT_SEV_ERROR; sev >= PT_SEV_NOTE; sev--) {
        for (size_t i = 0; i < findings->len; i++) {
            const pt_finding *f = findings->items[i];
            if (f->rule == NULL || (int)f->severity != sev ||
                !category_has_rule(cat, f->rule->id)) {
                continue;
            }
            v->count++;
            v->sev[sev]++;
            if (v->nevidence < MAX_EVIDENCE) {
                v->evidence[v->nevidence++] = f;
            }
        }
    }
}

typedef struct audit_writer {
    const pt_audit_map *map;
    const pt_findings *findings;
    const pt_audit_scope *scope;
    const pt_audit_claims *claims;
    const pt_report_info *info;
    verdict *verdicts;          /* one per category */
    bool *raised;               /* categories some claim maps to */
    size_t confirmed;
    size_t partial;             /* files parsed only in part */
    pt_buf *out;
    pt_html_sources *sources;   /* html */
} audit_writer;

/* "2 errors, 1 warning" */
static void put_severities(pt_buf *out, const verdict *v)
{
    static const char *const names[3] = {"note", "warning", "error"};
    bool first = true;
    for (int sev = PT_SEV_ERROR; sev >= PT_SEV_NOTE; sev--) {
        if (v->sev[sev] > 0) {
            pt_buf_printf(out, "%s%zu %s%s", first ? "" : ", ", v->sev[sev],
                          names[sev], v->sev[sev] == 1 ? "" : "s");
            first = false;
        }
    }
}

/* "unvalidated-lookup, unbounded-copy", each wrapped in `open`/`close`. */
static void put_rules(pt_buf *out, const pt_audit_category *cat,
                      const char *open, const char *close)
{
    for (size_t i = 0; i < cat->nrules; i++) {
        pt_buf_printf(out, "%s%s%s%s", i ? ", " : "", open, cat->rules[i],
                      close);
    }
}

/* What a "not found" checked: "17 files, 212 functions, 3402 lines". */
static void put_scope(pt_buf *out, const pt_audit_scope *scope)
{
    pt_buf_printf(out, "%zu file%s, %zu function%s, %zu line%s",
                  scope->files, scope->files == 1 ? "" : "s",
                  scope->functions, scope->functions == 1 ? "" : "s",
                  scope->lines, scope->lines == 1 ? "" : "s");
}

/* The verdict in words, without markup. */
static void put_verdict_text(audit_writer *w, size_t c, const char *code_open,
                             const char *code_close)
{
    const verdict *v = &w->verdicts[c];
    if (v->count > 0) {
        pt_buf_printf(w->out, "confirmed: %zu finding%s (", v->count,
                      v->count == 1 ? "" : "s");
        put_severities(w->out, v);
        pt_buf_puts(w->out, ")");
        return;
    }
    pt_buf_puts(w->out, "not found: checked ");
    put_scope(w->out, w->scope);
    pt_buf_puts(w->out, " with ");
    put_rules(w->out, &w->map->categories[c], code_open, code_close);
}

/* How a verdict bears on a claim's stance, or NULL. */
static const char *relation(pt_audit_stance stance, bool confirmed)
{
    switch (stance) {
    case PT_STANCE_FINE:
        return confirmed ? "contradicts the claim"
                         : "supports the claim";
    case PT_STANCE_BROKEN:
        return confirmed ? "supports the claim"
                         : "does not support the claim: ptlint found no "
                           "evidence";
    default:
        return NULL;
    }
}

static void prepare(audit_writer *w)
{
    size_t n = w->map->ncategories;
    w->verdicts = calloc(n + 1, sizeof *w->verdicts);
    w->raised = calloc(n + 1, sizeof *w->raised);
    if (w->verdicts == NULL || w->raised == NULL) {
        abort();
    }
    for (size_t c = 0; c < n; c++) {
        judge(&w->map->categories[c], w->findings, &w->verdicts[c]);
        w->confirmed += w->verdicts[c].count > 0;
    }
    const char *last = NULL;    /* findings are sorted by path */
    for (size_t i = 0; i < w->findings->len; i++) {
        const pt_finding *f = w->findings->items[i];
        if (f->rule != NULL && strcmp(f->rule->id, "parse-error") == 0 &&
            f->severity == PT_SEV_ERROR &&
            (last == NULL || strcmp(last, f->path) != 0)) {
            w->partial++;
            last = f->path;
        }
    }
    size_t *cats = calloc(n + 1, sizeof *cats);
    if (cats == NULL) {
        abort();
    }
    for (size_t i = 0; w->claims != NULL && i < w->claims->len; i++) {
        size_t k = pt_audit_claim_categories(w->map,
                                             w->claims->items[i].text, cats);
        for (size_t j = 0; j < k; j++) {
            w->raised[cats[j]] = true;
        }
    }
    free(cats);
}

/* ---- text ---- */

static void text_evidence(audit_writer *w, size_t c, const char *indent)
{
    const verdict *v = &w->verdicts[c];
    for (size_t i = 0; i < v->nevidence; i++) {
        const pt_finding *f = v->evidence[i];
        pt_buf_printf(w->out, "%s%s:%u:%u: %s: %s [%s]\n", indent, f->path,
                      f->loc.line, f->loc.col, pt_severity_name(f->severity),
                      f->message, f->rule->id);
    }
    if (v->count > v->nevidence) {
        pt_buf_printf(w->out, "%sand %zu more\n", indent,
                      v->count - v->nevidence);
    }
}

static void text_point(audit_writer *w, size_t c, const char *indent)
{
    pt_buf_printf(w->out, "%s%2zu. %s: ", indent, c + 1,
                  w->map->categories[c].title);
    put_verdict_text(w, c, "", "");
    pt_buf_puts(w->out, "\n");
}

static void text_claim(audit_writer *w, const pt_audit_claim *claim)
{
    pt_buf_printf(w->out, "Claim %s: \"%s\"\n", claim->label,
                  claim->first_line);
    size_t *cats = calloc(w->map->ncategories + 1, sizeof *cats);
    if (cats == NULL) {
        abort();
    }
    size_t n = pt_audit_claim_categories(w->map, claim->text, cats);
    pt_audit_stance stance = pt_audit_claim_stance(w->map, claim->text);
    if (n == 0) {
        pt_buf_puts(w->out, "  -> not checkable by ptlint\n");
    }
    for (size_t i = 0; i < n; i++) {
        text_point(w, cats[i], "  -> ");
        const char *rel = relation(stance, w->verdicts[cats[i]].count > 0);
        if (rel != NULL) {
            pt_buf_printf(w->out, "       This %s.\n", rel);
        }
        text_evidence(w, cats[i], "       ");
    }
    pt_buf_puts(w->out, "\n");
    free(cats);
}

static void text_unraised(audit_writer *w)
{
    bool any = false;
    for (size_t c = 0; c < w->map->ncategories; c++) {
        if (w->raised[c] || w->verdicts[c].count == 0) {
            continue;
        }
        if (!any) {
            pt_buf_puts(w->out, "Not raised by the review, but found:\n");
            any = true;
        }
        text_point(w, c, "");
        text_evidence(w, c, "      ");
    }
    pt_buf_puts(w->out, any ? "\n" : "");
}

static void write_text(audit_writer *w)
{
    pt_buf_puts(w->out, "ptlint audit of ");
    put_scope(w->out, w->scope);
    pt_buf_puts(w->out, "\n\n");
    if (w->claims != NULL && w->claims->len > 0) {
        for (size_t i = 0; i < w->claims->len; i++) {
            text_claim(w, &w->claims->items[i]);
        }
        text_unraised(w);
    } else {
        for (size_t c = 0; c < w->map->ncategories; c++) {
            text_point(w, c, "");
            text_evidence(w, c, "      ");
        }
        pt_buf_puts(w->out, "\n");
    }
    if (w->partial > 0) {
        pt_buf_printf(w->out, "Note: %zu file%s could not be parsed "
                      "completely; verdicts there are partial.\n",
                      w->partial, w->partial == 1 ? "" : "s");
    }
    pt_buf_printf(w->out, "%zu of %zu points confirmed.\n", w->confirmed,
                  w->map->ncategories);
}

/* ---- Markdown (a pull-request comment) ---- */

/* Appends `text` with Markdown's active characters escaped. */
static void md_escape(pt_buf *out, const char *text)
{
    for (const char *p = text; *p; p++) {
        if (strchr("\\`*_[]<>|#", *p) != NULL) {
            pt_buf_append(out, "\\", 1);
        }
        pt_buf_append(out, p, 1);
    }
}

static void md_evidence(audit_writer *w, size_t c)
{
    const verdict *v = &w->verdicts[c];
    for (size_t i = 0; i < v->nevidence; i++) {
        const pt_finding *f = v->evidence[i];
        pt_buf_printf(w->out, "- **%s** `%s:%u:%u` ",
                      pt_severity_name(f->severity), f->path, f->loc.line,
                      f->loc.col);
        md_escape(w->out, f->message);
        pt_buf_printf(w->out, " (`%s`)\n", f->rule->id);
    }
    if (v->count > v->nevidence) {
        pt_buf_printf(w->out, "- and %zu more\n", v->count - v->nevidence);
    }
}

static void md_verdict(audit_writer *w, size_t c)
{
    const verdict *v = &w->verdicts[c];
    pt_buf_printf(w->out, "**%zu. %s: %s**", c + 1,
                  w->map->categories[c].title,
                  v->count > 0 ? "confirmed" : "not found");
    if (v->count > 0) {
        pt_buf_printf(w->out, ", %zu finding%s (", v->count,
                      v->count == 1 ? "" : "s");
        put_severities(w->out, v);
        pt_buf_puts(w->out, ")");
    } else {
        pt_buf_puts(w->out, ": checked ");
        put_scope(w->out, w->scope);
        pt_buf_puts(w->out, " with ");
        put_rules(w->out, &w->map->categories[c], "`", "`");
    }
}

static void md_table(audit_writer *w)
{
    pt_buf_puts(w->out, "| # | Point | Verdict | Rules |\n"
                        "|--:|---|---|---|\n");
    for (size_t c = 0; c < w->map->ncategories; c++) {
        const verdict *v = &w->verdicts[c];
        pt_buf_printf(w->out, "| %zu | %s | ", c + 1,
                      w->map->categories[c].title);
        if (v->count > 0) {
            pt_buf_printf(w->out, "**confirmed** (%zu) | ", v->count);
        } else {
            pt_buf_puts(w->out, "not found | ");
        }
        put_rules(w->out, &w->map->categories[c], "`", "`");
        pt_buf_puts(w->out, " |\n");
    }
    pt_buf_puts(w->out, "\n");
}

static void md_claim(audit_writer *w, const pt_audit_claim *claim)
{
    pt_buf_printf(w->out, "### Claim %s\n\n> ", claim->label);
    md_escape(w->out, claim->first_line);
    pt_buf_puts(w->out, "\n\n");
    size_t *cats = calloc(w->map->ncategories + 1, sizeof *cats);
    if (cats == NULL) {
        abort();
    }
    size_t n = pt_audit_claim_categories(w->map, claim->text, cats);
    pt_audit_stance stance = pt_audit_claim_stance(w->map, claim->text);
    if (n == 0) {
        pt_buf_puts(w->out, "_Not checkable by ptlint._\n\n");
    }
    for (size_t i = 0; i < n; i++) {
        md_verdict(w, cats[i]);
        const char *rel = relation(stance, w->verdicts[cats[i]].count > 0);
        pt_buf_puts(w->out, rel != NULL ? ". This " : ".");
        pt_buf_puts(w->out, rel != NULL ? rel : "");
        pt_buf_puts(w->out, rel != NULL ? ".\n\n" : "\n\n");
        md_evidence(w, cats[i]);
        pt_buf_puts(w->out, w->verdicts[cats[i]].count ? "\n" : "");
    }
    free(cats);
}

static void write_markdown(audit_writer *w)
{
    pt_buf_puts(w->out, "## ptlint audit\n\n");
    put_scope(w->out, w->scope);
    pt_buf_printf(w->out, " &middot; **%zu of %zu points confirmed**\n\n",
                  w->confirmed, w->map->ncategories);
    md_table(w);
    if (w->claims != NULL && w->claims->len > 0) {
        for (size_t i = 0; i < w->claims->len; i++) {
            md_claim(w, &w->claims->items[i]);
        }
    }
    bool claims = w->claims != NULL && w->claims->len > 0;
    bool heading = false;
    for (size_t c = 0; c < w->map->ncategories; c++) {
        if (w->verdicts[c].count == 0 || (claims && w->raised[c])) {
            continue;
        }
        if (!heading) {
            pt_buf_puts(w->out, claims ? "### Not raised by the review\n\n"
                                       : "### Evidence\n\n");
            heading = true;
        }
        md_verdict(w, c);
        pt_buf_puts(w->out, "\n\n");
        md_evidence(w, c);
        pt_buf_puts(w->out, "\n");
    }
    if (w->partial > 0) {
        pt_buf_printf(w->out, "_%zu file%s could not be parsed completely; "
                      "verdicts there are partial._\n", w->partial,
                      w->partial == 1 ? "" : "s");
    }
}

/* ---- HTML (a self-contained page) ---- */

static const char audit_css[] =
    ".points{width:100%;border-collapse:collapse;font-size:14px}\n"
    ".points td,.points th{padding:7px 10px;border-bottom:1px solid "
    "var(--line);text-align:left}\n"
    ".points th{font-size:12px;text-transform:uppercase;letter-spacing:"
    ".05em;color:var(--muted)}\n"
    ".verdict{display:inline-block;border-radius:999px;padding:1px 11px;"
    "font-size:12.5px;font-weight:650}\n"
    ".verdict.yes{background:var(--err-bg);color:var(--err)}\n"
    ".verdict.no{background:#e3f4ec;color:#1d6b47}\n"
    ".verdict.na{background:#eef1f6;color:var(--muted)}\n"
    "section.point{background:var(--card);border:1px solid var(--line);"
    "border-radius:12px;padding:16px 20px;margin:0 0 16px}\n"
    "section.point h2{margin:0 0 6px}\n"
    "blockquote{margin:6px 0 10px;padding:6px 14px;border-left:4px solid "
    "#c3cad6;color:#2b3446;font-style:italic;background:#f7f8fa}\n"
    ".answer{margin:10px 0 6px}\n.rel{font-weight:600}\n"
    ".more{color:var(--muted);font-size:13px}\n";

static void html_evidence(audit_writer *w, size_t c)
{
    const verdict *v = &w->verdicts[c];
    for (size_t i = 0; i < v->nevidence; i++) {
        pt_html__finding(w->out, v->evidence[i], w->info, w->sources,
                         c * MAX_EVIDENCE + i);
    }
    if (v->count > v->nevidence) {
        pt_buf_printf(w->out, "<p class=\"more\">and %zu more</p>\n",
                      v->count - v->nevidence);
    }
}

static void html_badge(audit_writer *w, size_t c)
{
    bool yes = w->verdicts[c].count > 0;
    pt_buf_printf(w->out, "<span class=\"verdict %s\">%s</span>",
                  yes ? "yes" : "no", yes ? "confirmed" : "not found");
}

static void html_answer(audit_writer *w, size_t c, pt_audit_stance stance)
{
    pt_buf_printf(w->out, "<div class=\"answer\"><b>%zu. ", c + 1);
    pt_buf_xml_escape(w->out, w->map->categories[c].title);
    pt_buf_puts(w->out, "</b> ");
    html_badge(w, c);
    pt_buf_puts(w->out, " ");
    pt_buf tmp = {0};
    pt_buf *saved = w->out;
    w->out = &tmp;
    put_verdict_text(w, c, "", "");
    w->out = saved;
    const char *said = pt_buf_str(&tmp);
    said += strncmp(said, "confirmed: ", 11) == 0   ? 11
            : strncmp(said, "not found: ", 11) == 0 ? 11
                                                    : 0;
    pt_buf_xml_escape(w->out, said);  /* the badge says the verdict */
    pt_buf_free(&tmp);
    const char *rel = relation(stance, w->verdicts[c].count > 0);
    if (rel != NULL) {
        pt_buf_printf(w->out, ". <span class=\"rel\">This %s.</span>", rel);
    }
    pt_buf_puts(w->out, "</div>\n");
    html_evidence(w, c);
}

static void html_table(audit_writer *w)
{
    pt_buf_puts(w->out, "<div class=\"card\"><table class=\"points\">"
                        "<thead><tr><th>#</th><th>Point</th><th>Verdict</th>"
                        "<th>Findings</th><th>Rules</th></tr></thead>"
                        "<tbody>\n");
    for (size_t c = 0; c < w->map->ncategories; c++) {
        pt_buf_printf(w->out, "<tr><td>%zu</td><td><a href=\"#p%zu\">",
                      c + 1, c + 1);
        pt_buf_xml_escape(w->out, w->map->categories[c].title);
        pt_buf_puts(w->out, "</a></td><td>");
        html_badge(w, c);
        pt_buf_printf(w->out, "</td><td>%zu</td><td>", w->verdicts[c].count);
        for (size_t i = 0; i < w->map->categories[c].nrules; i++) {
            const char *id = w->map->categories[c].rules[i];
            pt_buf_puts(w->out, "<a class=\"rule\" href=\"");
            pt_html__rule_href(w->out, w->info, id);
            pt_buf_puts(w->out, "\">");
            pt_buf_xml_escape(w->out, id);
            pt_buf_puts(w->out, "</a> ");
        }
        pt_buf_puts(w->out, "</td></tr>\n");
    }
    pt_buf_puts(w->out, "</tbody></table></div>\n");
}

static void html_claim(audit_writer *w, const pt_audit_claim *claim)
{
    pt_buf_printf(w->out, "<section class=\"point\"><h2>Claim ");
    pt_buf_xml_escape(w->out, claim->label);
    pt_buf_puts(w->out, "</h2>\n<blockquote>");
    pt_buf_xml_escape(w->out, claim->text);
    pt_buf_puts(w->out, "</blockquote>\n");
    size_t *cats = calloc(w->map->ncategories + 1, sizeof *cats);
    if (cats == NULL) {
        abort();
    }
    size_t n = pt_audit_claim_categories(w->map, claim->text, cats);
    pt_audit_stance stance = pt_audit_claim_stance(w->map, claim->text);
    if (n == 0) {
        pt_buf_puts(w->out, "<div class=\"answer\"><span class=\"verdict "
                            "na\">not checkable by ptlint</span></div>\n");
    }
    for (size_t i = 0; i < n; i++) {
        html_answer(w, cats[i], stance);
    }
    pt_buf_puts(w->out, "</section>\n");
    free(cats);
}

static void html_point(audit_writer *w, size_t c)
{
    pt_buf_printf(w->out, "<section class=\"point\" id=\"p%zu\">\n", c + 1);
    html_answer(w, c, PT_STANCE_NONE);
    pt_buf_puts(w->out, "</section>\n");
}

static void html_header(audit_writer *w)
{
    pt_buf_puts(w->out, "<header class=\"top\"><h1>ptlint audit <span>"
                        "&middot; the review, point by point</span></h1>\n"
                        "<div class=\"scope\">");
    put_scope(w->out, w->scope);
    pt_buf_puts(w->out, "</div>\n<div class=\"totals\">");
    pt_buf_printf(w->out, "<div class=\"total error\"><b>%zu</b><small>"
                  "confirmed</small></div><div class=\"total\"><b>%zu</b>"
                  "<small>not found</small></div><div class=\"total\"><b>"
                  "%zu</b><small>findings</small></div>", w->confirmed,
                  w->map->ncategories - w->confirmed, w->findings->len);
    if (w->claims != NULL && w->claims->len > 0) {
        pt_buf_printf(w->out, "<div class=\"total note\"><b>%zu</b><small>"
                      "claims</small></div>", w->claims->len);
    }
    pt_buf_puts(w->out, "</div></header>\n<main>\n");
}

static void write_html(audit_writer *w)
{
    pt_html__begin(w->out, "ptlint audit", audit_css);
    html_header(w);
    bool claims = w->claims != NULL && w->claims->len > 0;
    if (claims) {
        pt_buf_puts(w->out, "<h2>The review, answered</h2>\n");
        for (size_t i = 0; i < w->claims->len; i++) {
            html_claim(w, &w->claims->items[i]);
        }
    }
    pt_buf_puts(w->out, "<h2>All points</h2>\n");
    html_table(w);
    for (size_t c = 0; c < w->map->ncategories; c++) {
        if (!claims || w->verdicts[c].count > 0) {
            html_point(w, c);
        }
    }
    if (w->partial > 0) {
        pt_buf_printf(w->out, "<p class=\"muted\">%zu file%s could not be "
                      "parsed completely; verdicts there are partial.</p>\n",
                      w->partial, w->partial == 1 ? "" : "s");
    }
    pt_buf_printf(w->out, "</main>\n<footer>Generated by ptlint %s. "
                  "Self-contained: nothing is fetched from the network."
                  "</footer>\n", pt_report__version(w->info));
    pt_html__end(w->out);
}

bool pt_audit_write(const char *format, const pt_audit_map *map,
                    const pt_findings *findings, const pt_audit_scope *scope,
                    const pt_audit_claims *claims,
                    const pt_report_info *info, pt_buf *out)
{
    void (*writer)(audit_writer *) =
        strcmp(format, "text") == 0       ? write_text
        : strcmp(format, "markdown") == 0 ? write_markdown
        : strcmp(format, "html") == 0     ? write_html
                                          : NULL;
    if (writer == NULL) {
        return false;
    }
    audit_writer w = {
        .map = map, .findings = findings, .scope = scope, .claims = claims,
        .info = info, .out = out,
    };
    prepare(&w);
    if (writer == write_html) {
        w.sources = pt_html__sources_new();
    }
    writer(&w);
    pt_html__sources_free(w.sources);
    free(w.verdicts);
    free(w.raised);
    return true;
}
