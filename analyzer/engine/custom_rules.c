/*
 * custom_rules.c - declarative rules: a pt_rule per `custom-rules:`
 * entry whose check runs the entry's query (frontend/ts_query.h) on the
 * unit and reports each match.
 */
#include "engine/custom_rules.h"

#include <stdlib.h>
#include <string.h>

#include "engine/plugins.h"
#include "engine/rule_ctx.h"
#include "frontend/ts_query.h"

/* One custom rule; `rule` first, so a pt_rule * leads back to it. */
typedef struct custom_rule {
    pt_rule rule;
    const pt_custom_rule_spec *spec;
    pt_ts_query *query;
    pt_buf doc;
} custom_rule;

/* Every compiled custom rule, kept for the life of the process. */
static custom_rule **all_rules;
static size_t nall_rules;

/* This thread's unit and its trees, between unit_begin and unit_end. */
static _Thread_local const pt_unit *tl_unit;
static _Thread_local pt_ts_tree *tl_tree;

void pt_custom_rules_unit_begin(const pt_unit *unit)
{
    tl_unit = unit;
    tl_tree = NULL;
}

void pt_custom_rules_unit_end(void)
{
    pt_ts_tree_free(tl_tree);
    tl_tree = NULL;
    tl_unit = NULL;
}

typedef struct match_ctx {
    pt_rule_ctx *ctx;
    const custom_rule *custom;
    const pt_unit *unit;
} match_ctx;

/* Appends the text of the capture `name` (first line, at most 80
   bytes) to `out`; false when the match has no such capture. */
static bool put_capture(pt_buf *out, const pt_ts_match *match,
                        const char *text, const char *name, size_t length)
{
    for (uint32_t i = 0; i < match->ncaptures; i++) {
        const pt_ts_capture *c = &match->captures[i];
        if (strlen(c->name) != length || memcmp(c->name, name, length) != 0) {
            continue;
        }
        size_t len = c->end_byte - c->start_byte;
        const char *start = text + c->start_byte;
        const char *newline = memchr(start, '\n', len);
        size_t shown = newline != NULL ? (size_t)(newline - start) : len;
        shown = shown > 80 ? 80 : shown;
        pt_buf_append(out, start, shown);
        pt_buf_puts(out, shown < len ? "..." : "");
        return true;
    }
    return false;
}

/* The message with each {{capture}} replaced by the captured text. */
static void interpolate(pt_buf *out, const char *message,
                        const pt_ts_match *match, const char *text)
{
    const char *p = message;
    while (*p != '\0') {
        const char *open = strstr(p, "{{");
        const char *close = open != NULL ? strstr(open + 2, "}}") : NULL;
        if (close == NULL) {
            pt_buf_puts(out, p);
            return;
        }
        pt_buf_append(out, p, (size_t)(open - p));
        if (!put_capture(out, match, text, open + 2,
                         (size_t)(close - open - 2))) {
            pt_buf_append(out, open, (size_t)(close + 2 - open));
        }
        p = close + 2;
    }
}

static void report_match(const pt_ts_match *match, void *data)
{
    match_ctx *m = data;
    const pt_ts_capture *at = &match->captures[match->report];
    pt_buf message = {0};
    interpolate(&message, m->custom->spec->message, match, m->unit->text);
    pt_loc loc = pt_unit_loc_at(m->unit, at->start_byte);
    pt_finding *finding = pt_report(m->ctx, loc, "%s", pt_buf_str(&message));
    if (m->custom->spec->note != NULL) {
        pt_finding_add_step(m->ctx, finding, loc, "%s",
                            m->custom->spec->note);
    }
    pt_buf_free(&message);
}

/* The check of every custom rule: runs its query on the unit. */
static void check_custom(pt_rule_ctx *ctx, const pt_unit *unit)
{
    const custom_rule *custom = (const custom_rule *)ctx->rule;
    pt_ts_tree *tree = tl_unit == unit ? tl_tree : NULL;
    if (tree == NULL) {
        tree = pt_ts_tree_parse(unit->language, unit->text, unit->length);
        if (tree == NULL) {
            return;
        }
    }
    match_ctx m = {ctx, custom, unit};
    pt_ts_query_run(custom->query, tree, unit->text, report_match, &m);
    if (tl_unit == unit) {
        tl_tree = tree;         /* freed by pt_custom_rules_unit_end() */
    } else {
        pt_ts_tree_free(tree);
    }
}

/* The rule's doc page for `ptlint explain` and SARIF. */
static void write_doc(custom_rule *custom)
{
    const pt_custom_rule_spec *s = custom->spec;
    pt_buf *doc = &custom->doc;
    pt_buf_printf(doc, "# %s\n\n%s\n\nA custom rule (a tree-sitter query "
                  "on %s code) declared in `%s`.\n\n", s->id, s->message,
                  s->language == PT_LANG_PYTHON ? "Python" : "C", s->file);
    if (s->note != NULL) {
        pt_buf_printf(doc, "%s\n\n", s->note);
    }
    pt_buf_printf(doc, "## Query\n\n```scheme\n%s%s```\n\n", s->query,
                  s->query[strlen(s->query) - 1] == '\n' ? "" : "\n");
    if (s->url != NULL) {
        pt_buf_printf(doc, "More: <%s>\n\n", s->url);
    }
    pt_buf_printf(doc, "## How to suppress\n\nAdd `ptlint: ignore[%s]` in "
                  "a comment on the line or the line above.\n", s->id);
}

/* Writes "file:line:col: error: custom rule 'id': message". */
static void fail_at(pt_buf *errors, const pt_custom_rule_spec *spec,
                    uint32_t line, uint32_t col, const char *message)
{
    pt_buf_printf(errors, "%s:%u:%u: error: custom rule '%s': %s\n",
                  spec->file, line, col, spec->id, message);
}

/* Checks every {{name}} of the message names a capture of the query. */
static bool check_message(const custom_rule *custom, pt_buf *errors)
{
    const pt_custom_rule_spec *s = custom->spec;
    for (const char *p = strstr(s->message, "{{"); p != NULL;
         p = strstr(p + 2, "{{")) {
        const char *close = strstr(p + 2, "}}");
        if (close == NULL) {
            break;
        }
        uint32_t len = (uint32_t)(close - p - 2);
        if (!pt_ts_query_has_capture(custom->query, p + 2, len)) {
            pt_buf errors_line = {0};
            pt_buf_printf(&errors_line, "the message names {{%.*s}}, but "
                          "the query has no capture @%.*s", (int)len, p + 2,
                          (int)len, p + 2);
            fail_at(errors, s, s->id_line, s->id_col,
                    pt_buf_str(&errors_line));
            pt_buf_free(&errors_line);
            return false;
        }
    }
    return true;
}

/* Compiles one custom rule; NULL after writing the problem. */
static custom_rule *compile(const pt_custom_rule_spec *spec, pt_buf *errors)
{
    pt_ts_query_error error;
    pt_ts_query *query = pt_ts_query_new(spec->language, spec->query,
                                         (uint32_t)strlen(spec->query),
                                         &error);
    if (query == NULL) {
        uint32_t line = 0;
        uint32_t col = 0;
        pt_custom_rule_position(spec, error.offset, &line, &col);
        fail_at(errors, spec, line, col, error.message);
        return NULL;
    }
    custom_rule *custom = calloc(1, sizeof(*custom));
    if (custom == NULL) {
        abort();
    }
    custom->spec = spec;
    custom->query = query;
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
    custom_rule **grown = realloc(all_rules, (nall_rules + 1) * sizeof(*grown));
    if (grown == NULL) {
        abort();
    }
    all_rules = grown;
    all_rules[nall_rules++] = custom;
    if (!check_message(custom, errors)) {
        return NULL;
    }
    write_doc(custom);
    custom->rule = (pt_rule){
        .id = spec->id, .summary = spec->message, .severity = spec->severity,
        .languages = 1u << spec->language, .enabled = true,
        .doc = pt_buf_str(&custom->doc), .check_unit = check_custom,
    };
    return custom;
}

bool pt_custom_rules_register(pt_registry *registry,
                              const pt_config_extensions *extensions,
                              pt_buf *errors)
{
    bool ok = true;
    if (extensions == NULL || extensions->nrules == 0) {
        return true;
    }
    pt_registry_open(registry, PT_PLUGIN_ABI_VERSION, "custom rules");
    for (uint32_t i = 0; i < extensions->nrules; i++) {
        const pt_custom_rule_spec *spec = &extensions->rules[i];
        custom_rule *custom = compile(spec, errors);
        if (custom == NULL) {
            ok = false;
        } else if (!pt_registry_add(registry, &custom->rule)) {
            fail_at(errors, spec, spec->id_line, spec->id_col,
                    "the id must be a kebab-case slug that no other rule "
                    "has ('ptlint rules' lists the ids)");
            ok = false;
        }
        /* Registered rules live for the process, as plugins' do. */
    }
    pt_buf ignored = {0};
    pt_registry_close(registry, ok, "custom rules", &ignored);
    pt_buf_free(&ignored);
    return ok;
}
