/*
 * fuzz_common.h - one libFuzzer input through a frontend, the program
 * model and every rule, the way analyzer/engine/run.c checks a file.
 *
 * Every rule that serves the language runs, the ones off by default
 * included, so the fuzzer reaches all of them.  Inputs holding a NUL byte
 * are dropped: the engine skips such files as binary before parsing.
 */
#ifndef PTLINT_FUZZ_COMMON_H
#define PTLINT_FUZZ_COMMON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "engine/engine.h"
#include "engine/fingerprint.h"
#include "engine/rule_ctx.h"
#include "engine/suppress.h"
#include "frontend/frontend.h"

/* A frontend under test: parses `text` as the file `path`. */
typedef pt_unit *(*fuzz_parse_fn)(const char *path, const char *text,
                                  size_t length,
                                  const pt_frontend_options *options);

static bool fuzz_rule_ran(const char *id, void *data)
{
    (void)id;
    (void)data;
    return true;
}

static pt_rule_ctx fuzz_ctx(const pt_rule *rule, const pt_unit *unit,
                            const pt_config *config, pt_findings *sink)
{
    pt_rule_ctx ctx = {
        .rule = rule, .unit = unit, .config = config, .sink = sink,
        .severity = pt_config_rule_severity(config, rule, unit->path),
    };
    ctx.severity_configured = ctx.severity != rule->severity;
    return ctx;
}

static int fuzz_one(const char *path, fuzz_parse_fn parse,
                    const uint8_t *data, size_t size)
{
    static pt_config *config;
    const pt_rule *const *rules = pt_engine_rules();
    if (config == NULL) {
        config = pt_config_default(rules);
        if (config == NULL) {
            abort();
        }
    }
    if (size > 0 && memchr(data, 0, size) != NULL) {
        return 0;               /* the engine skips binary files */
    }
    char *text = malloc(size + 1);
    if (text == NULL) {
        return 0;
    }
    memcpy(text, data, size);
    text[size] = '\0';
    uint32_t nacquire = 0;
    uint32_t nrelease = 0;
    pt_frontend_options options = {
        .lock_acquire = pt_config_vocab(config, PT_VOCAB_LOCK_ACQUIRE,
                                        &nacquire),
        .lock_release = pt_config_vocab(config, PT_VOCAB_LOCK_RELEASE,
                                        &nrelease),
    };
    options.nlock_acquire = nacquire;
    options.nlock_release = nrelease;
    pt_unit *unit = parse(path, text, size, &options);
    if (unit == NULL) {
        free(text);
        return 0;
    }
    pt_findings sink = {0};
    const pt_rule *unused = NULL;
    for (const pt_rule *const *r = rules; *r != NULL; r++) {
        if (((*r)->languages & (1u << unit->language)) == 0) {
            continue;
        }
        if ((*r)->check_unit == NULL) {
            unused = strcmp((*r)->id, "unused-suppression") == 0 ? *r
                                                                  : unused;
            continue;
        }
        pt_rule_ctx ctx = fuzz_ctx(*r, unit, config, &sink);
        (*r)->check_unit(&ctx, unit);
    }
    pt_rule_ctx unused_ctx = {0};
    if (unused != NULL) {
        unused_ctx = fuzz_ctx(unused, unit, config, &sink);
    }
    pt_apply_suppressions(unit, &sink, 0, unused != NULL ? &unused_ctx : NULL,
                          fuzz_rule_ran, NULL);
    pt_findings_sort(&sink);
    pt_fingerprint_all(&sink);
    pt_findings_free(&sink);
    pt_unit_free(unit);
    free(text);
    return 0;
}

#endif
