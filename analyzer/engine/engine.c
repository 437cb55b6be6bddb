/*
 * engine.c - the rule table as the command line sees it, and parsing one
 * path for --dump-model.
 */
#include "engine/engine.h"

#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "engine/discover.h"
#include "engine/source.h"
#include "frontend/frontend.h"
#include "rules/registry.h"

const pt_rule *const *pt_engine_rules(void)
{
    return pt_builtin_rules();
}

const pt_rule *pt_engine_find_rule(const char *id)
{
    for (const pt_rule *const *r = pt_engine_rules(); *r != NULL; r++) {
        if (strcmp((*r)->id, id) == 0) {
            return *r;
        }
    }
    return NULL;
}

const char *pt_engine_rule_doc(const pt_rule *rule)
{
    const char *doc = rule->doc != NULL ? rule->doc : pt_rule_doc(rule->id);
    return doc != NULL ? doc : rule->summary;
}

const char *pt_engine_init_text(void)
{
    return pt_config_init_text();
}

void pt_engine_versions(pt_buf *out)
{
    pt_frontend_versions(out);
}

pt_unit *pt_engine_parse_path(const char *path, pt_frontend_choice choice,
                              const char *compdb_dir, pt_buf *errors)
{
    pt_language language;
    if (!pt_language_of(path, &language)) {
        pt_buf_printf(errors, "%s: not a C or Python file\n", path);
        return NULL;
    }
    char *text = NULL;
    size_t length = 0;
    if (pt_source_read(path, path, &text, &length, errors) != PT_READ_OK) {
        return NULL;
    }
    pt_unit *unit = pt_source_parse(path, language, text, length, choice,
                                    compdb_dir, NULL, 0, NULL, 0);
    free(text);
    return unit;
}
