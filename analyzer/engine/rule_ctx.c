/*
 * rule_ctx.c - reporting, options and vocabulary as rules see them.
 */
#include "engine/rule_ctx.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xcalloc(size_t count, size_t size)
{
    void *memory = calloc(count, size);
    if (memory == NULL) {
        fprintf(stderr, "ptlint: out of memory recording a finding\n");
        abort();
    }
    return memory;
}

static char *xstrdup(const char *text)
{
    char *copy = strdup(text != NULL ? text : "");
    if (copy == NULL) {
        fprintf(stderr, "ptlint: out of memory recording a finding\n");
        abort();
    }
    return copy;
}

/* vsnprintf into a new heap string. */
static char *format_message(const char *fmt, va_list args)
{
    va_list copy;
    va_copy(copy, args);
    int needed = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (needed < 0) {
        return xstrdup("");
    }
    char *text = xcalloc((size_t)needed + 1, 1);
    vsnprintf(text, (size_t)needed + 1, fmt, args);
    return text;
}

/* The innermost function whose lines hold `line`, or NULL. */
static const char *enclosing_function(const pt_unit *unit, uint32_t line)
{
    const pt_function *best = NULL;
    for (uint32_t i = 0; i < unit->functions.len; i++) {
        const pt_function *fn = pt_unit_function(unit, i);
        if (fn->start.line <= line && line <= fn->end.line &&
            (best == NULL || fn->start.line >= best->start.line)) {
            best = fn;
        }
    }
    return best != NULL ? best->name : NULL;
}

pt_finding *pt_finding_new(const pt_rule *rule, pt_severity severity,
                           const pt_unit *unit, pt_loc loc,
                           const char *message)
{
    pt_finding *finding = xcalloc(1, sizeof(*finding));
    finding->rule = rule;
    finding->severity = severity;
    finding->path = xstrdup(unit->path);
    finding->loc = loc;
    finding->message = xstrdup(message);
    const char *function = enclosing_function(unit, loc.line);
    finding->function = function != NULL ? xstrdup(function) : NULL;
    uint32_t length = 0;
    const char *line = pt_unit_line_text(unit, loc.line, &length);
    finding->line_text = xcalloc((size_t)length + 1, 1);
    memcpy(finding->line_text, line, length);
    return finding;
}

/* Records a finding with an already formatted message. */
static pt_finding *report_at(pt_rule_ctx *ctx, pt_severity severity,
                             pt_loc loc, char *message)
{
    if (loc.line == 0) {
        loc.line = 1;
    }
    if (loc.col == 0) {
        loc.col = 1;
    }
    pt_finding *finding = pt_finding_new(ctx->rule, severity, ctx->unit,
                                         loc, message);
    free(message);
    pt_findings_push(ctx->sink, finding);
    return finding;
}

pt_finding *pt_report(pt_rule_ctx *ctx, pt_loc loc, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    char *message = format_message(fmt, args);
    va_end(args);
    return report_at(ctx, ctx->severity, loc, message);
}

pt_finding *pt_report_severity(pt_rule_ctx *ctx, pt_severity severity,
                               pt_loc loc, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    char *message = format_message(fmt, args);
    va_end(args);
    return report_at(ctx, ctx->severity_configured ? ctx->severity : severity,
                     loc, message);
}

void pt_finding_add_step(pt_rule_ctx *ctx, pt_finding *finding, pt_loc loc,
                         const char *fmt, ...)
{
    (void)ctx;
    if (finding == NULL) {
        return;
    }
    pt_step *steps = realloc(finding->steps,
                             (finding->nsteps + 1) * sizeof(*steps));
    if (steps == NULL) {
        fprintf(stderr, "ptlint: out of memory recording evidence\n");
        abort();
    }
    va_list args;
    va_start(args, fmt);
    steps[finding->nsteps].message = format_message(fmt, args);
    va_end(args);
    steps[finding->nsteps].loc = loc;
    finding->steps = steps;
    finding->nsteps++;
}

/* A caller's override "rule:option=value" for this rule and option. */
static const char *override_of(const pt_rule_ctx *ctx, const char *name)
{
    size_t id_len = strlen(ctx->rule->id);
    size_t name_len = strlen(name);
    for (size_t i = 0; i < ctx->noverrides; i++) {
        const char *o = ctx->overrides[i];
        if (strncmp(o, ctx->rule->id, id_len) == 0 && o[id_len] == ':' &&
            strncmp(o + id_len + 1, name, name_len) == 0 &&
            o[id_len + 1 + name_len] == '=') {
            return o + id_len + name_len + 2;
        }
    }
    return NULL;
}

/* The option's text: the caller's override, else the configuration's. */
static const char *option_text(const pt_rule_ctx *ctx, const char *name)
{
    const char *text = override_of(ctx, name);
    return text != NULL ? text
                        : pt_config_rule_option(ctx->config, ctx->rule, name,
                                                ctx->unit->path);
}

void pt_fact_add(pt_rule_ctx *ctx, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    char *fact = format_message(fmt, args);
    va_end(args);
    if (ctx->facts != NULL) {
        pt_facts_add(ctx->facts, fact);
    }
    free(fact);
}

const char *const *pt_fact_query(pt_rule_ctx *ctx, const char *prefix,
                                 uint32_t *count)
{
    const char *const *answers = NULL;
    pt_fact_io io = {ctx->known, ctx->facts};
    *count = (uint32_t)pt_fact_io_ask(&io, prefix, &answers);
    return answers;
}

void pt_finding_unless(pt_rule_ctx *ctx, pt_finding *finding,
                       const char *fmt, ...)
{
    (void)ctx;
    if (finding == NULL) {
        return;
    }
    va_list args;
    va_start(args, fmt);
    free(finding->unless);
    finding->unless = format_message(fmt, args);
    va_end(args);
}

void pt_finding_only_if(pt_rule_ctx *ctx, pt_finding *finding,
                        const char *fmt, ...)
{
    (void)ctx;
    if (finding == NULL) {
        return;
    }
    va_list args;
    va_start(args, fmt);
    free(finding->only_if);
    finding->only_if = format_message(fmt, args);
    va_end(args);
}

int64_t pt_option_int(const pt_rule_ctx *ctx, const char *name)
{
    const char *text = option_text(ctx, name);
    return text != NULL ? strtoll(text, NULL, 10) : 0;
}

bool pt_option_bool(const pt_rule_ctx *ctx, const char *name)
{
    const char *text = option_text(ctx, name);
    return text != NULL && (strcmp(text, "true") == 0 ||
                            strcmp(text, "yes") == 0 ||
                            strcmp(text, "on") == 0);
}

const char *pt_option_string(const pt_rule_ctx *ctx, const char *name)
{
    const char *text = option_text(ctx, name);
    return text != NULL ? text : "";
}

const char *const *pt_option_list(const pt_rule_ctx *ctx, const char *name,
                                  uint32_t *count)
{
    return pt_config_rule_option_list(ctx->config, ctx->rule, name,
                                      ctx->unit->path, count);
}

bool pt_vocab_has(const pt_rule_ctx *ctx, pt_vocab_kind kind,
                  const char *name)
{
    uint32_t count = 0;
    const char *const *items = pt_config_vocab(ctx->config, kind, &count);
    for (uint32_t i = 0; name != NULL && i < count; i++) {
        if (strcmp(items[i], name) == 0) {
            return true;
        }
    }
    return false;
}

bool pt_vocab_matches(const pt_rule_ctx *ctx, pt_vocab_kind kind,
                      const char *name)
{
    uint32_t count = 0;
    const char *const *items = pt_config_vocab(ctx->config, kind, &count);
    for (uint32_t i = 0; name != NULL && i < count; i++) {
        if (strstr(name, items[i]) != NULL) {
            return true;
        }
    }
    return false;
}

const char *const *pt_vocab_list(const pt_rule_ctx *ctx, pt_vocab_kind kind,
                                 uint32_t *count)
{
    return pt_config_vocab(ctx->config, kind, count);
}

const pt_run *pt_rule_run(const pt_rule_ctx *ctx)
{
    return ctx->run;
}
