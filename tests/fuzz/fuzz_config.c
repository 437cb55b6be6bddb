/*
 * fuzz_config.c - libFuzzer target: the input as a .ptlint.yaml through
 * pt_config_load(), then every accessor a run uses on the loaded config.
 *
 * pt_config_load() takes a path, so each input is written to one private
 * temporary file first (the directory also makes relative globs and
 * per-path overrides resolve against something real).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "engine/engine.h"

/* libFuzzer's entry: one input as a .ptlint.yaml through the loader.
   ptlint: ignore[naming-inconsistency] -- libFuzzer names it */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char config_path[4096];

static bool write_input(const uint8_t *data, size_t size)
{
    if (config_path[0] == '\0') {
        char dir[] = "/tmp/ptlint-fuzz-config-XXXXXX";
        if (mkdtemp(dir) == NULL) {
            abort();
        }
        snprintf(config_path, sizeof(config_path), "%s/.ptlint.yaml", dir);
    }
    FILE *out = fopen(config_path, "wb");
    if (out == NULL) {
        abort();
    }
    bool ok = fwrite(data, 1, size, out) == size;
    return fclose(out) == 0 && ok;
}

static void exercise(const pt_config *config, const pt_rule *const *rules)
{
    static const char *const paths[] = {
        "a.c", "src/provider_tree.c", "pkg/tree.py", "tests/test_x.py",
    };
    (void)pt_config_path(config);
    for (size_t p = 0; p < sizeof(paths) / sizeof(paths[0]); p++) {
        (void)pt_config_path_excluded(config, paths[p]);
        for (const pt_rule *const *r = rules; *r != NULL; r++) {
            (void)pt_config_rule_enabled(config, *r, paths[p]);
            (void)pt_config_rule_severity(config, *r, paths[p]);
            for (const pt_option *o = (*r)->options; o && o->name; o++) {
                if (o->type == PT_OPT_LIST) {
                    uint32_t count = 0;
                    const char *const *items = pt_config_rule_option_list(
                        config, *r, o->name, paths[p], &count);
                    for (uint32_t i = 0; i < count; i++) {
                        (void)strlen(items[i]);
                    }
                } else {
                    const char *value =
                        pt_config_rule_option(config, *r, o->name, paths[p]);
                    (void)(value != NULL ? strlen(value) : 0);
                }
            }
        }
    }
    for (int kind = 0; kind < PT_VOCAB_KIND_COUNT; kind++) {
        uint32_t count = 0;
        const char *const *items =
            pt_config_vocab(config, (pt_vocab_kind)kind, &count);
        for (uint32_t i = 0; i < count; i++) {
            (void)strlen(items[i]);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const pt_rule *const *rules = pt_engine_rules();
    if (!write_input(data, size)) {
        return 0;
    }
    pt_config_error error = {0};
    pt_config *config = pt_config_load(config_path, rules, &error);
    if (config == NULL) {
        /* The message must be a terminated string naming a position. */
        if (memchr(error.message, '\0', sizeof(error.message)) == NULL ||
            memchr(error.file, '\0', sizeof(error.file)) == NULL) {
            abort();
        }
        return 0;
    }
    exercise(config, rules);
    pt_config_free(config);
    return 0;
}
