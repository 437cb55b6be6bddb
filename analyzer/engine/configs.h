/*
 * configs.h - the configuration that applies to each analysed file: the
 * one named by --config, or the nearest .ptlint.yaml up from the file.
 */
#ifndef PTLINT_ENGINE_CONFIGS_H
#define PTLINT_ENGINE_CONFIGS_H

#include <pthread.h>
#include <stdbool.h>

#include "config/config.h"
#include "ptlint/buf.h"

/* The configs loaded so far, one per .ptlint.yaml; shared by workers. */
typedef struct pt_configs pt_configs;

/* With `fixed` set, every file gets that config (taken over). */
pt_configs *pt_configs_new(const pt_rule *const *rules, pt_config *fixed);

/*
 * The config for `path`, loaded once per .ptlint.yaml and shared.  NULL
 * after writing the load error to `errors`.  Thread safe.
 */
const pt_config *pt_configs_for(pt_configs *configs, const char *path,
                                pt_buf *errors);

/* Frees every config loaded, and the fixed one.  Accepts NULL. */
void pt_configs_free(pt_configs *configs);

#endif
