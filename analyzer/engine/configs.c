/*
 * configs.c - loading each .ptlint.yaml once, whichever worker asks first.
 */
#include "engine/configs.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct loaded_config {
    char *file;                 /* the .ptlint.yaml, or "" for defaults */
    pt_config *config;          /* NULL when loading failed */
} loaded_config;

struct pt_configs {
    const pt_rule *const *rules;
    pt_config *fixed;
    pthread_mutex_t lock;
    loaded_config *loaded;      /* guarded by lock */
    size_t nloaded;             /* guarded by lock */
};

pt_configs *pt_configs_new(const pt_rule *const *rules, pt_config *fixed)
{
    pt_configs *configs = calloc(1, sizeof(*configs));
    if (configs == NULL) {
        return NULL;
    }
    if (pthread_mutex_init(&configs->lock, NULL) != 0) {
        free(configs);
        return NULL;
    }
    configs->rules = rules;
    configs->fixed = fixed;
    return configs;
}

void pt_configs_free(pt_configs *configs)
{
    if (configs == NULL) {
        return;
    }
    for (size_t i = 0; i < configs->nloaded; i++) {
        free(configs->loaded[i].file);
        pt_config_free(configs->loaded[i].config);
    }
    free(configs->loaded);
    pt_config_free(configs->fixed);
    pthread_mutex_destroy(&configs->lock);
    free(configs);
}

/* The nearest .ptlint.yaml above `path` into `out`, or "" if none. */
static void nearest_config_file(const char *path, char *out, size_t size)
{
    char dir[PATH_MAX];
    out[0] = '\0';
    if (realpath(path, dir) == NULL) {
        /* A name that is not on disk (--stdin-filename): its directory. */
        char parent[PATH_MAX];
        snprintf(parent, sizeof(parent), "%s", path);
        char *slash = strrchr(parent, '/');
        if (slash != NULL) {
            *slash = '\0';
        }
        if ((slash == NULL || realpath(parent, dir) == NULL) &&
            getcwd(dir, sizeof(dir)) == NULL) {
            return;
        }
    } else {
        struct stat info;
        if (stat(dir, &info) == 0 && !S_ISDIR(info.st_mode)) {
            *strrchr(dir, '/') = '\0';
        }
    }
    for (;;) {
        struct stat info;
        snprintf(out, size, "%s/.ptlint.yaml", dir[0] ? dir : "");
        if (stat(out, &info) == 0) {
            return;
        }
        char *slash = strrchr(dir, '/');
        if (slash == NULL || dir[0] == '\0') {
            break;
        }
        *slash = '\0';
    }
    out[0] = '\0';
}

/* Loads `file` (or the defaults for "") and remembers it; lock held. */
static loaded_config *load_locked(pt_configs *configs, const char *file,
                                  pt_buf *errors)
{
    pt_config_error error = {0};
    pt_config *config = file[0] != '\0'
                            ? pt_config_load(file, configs->rules, &error)
                            : pt_config_default(configs->rules);
    if (config == NULL && file[0] != '\0') {
        pt_buf_printf(errors, "%s:%u:%u: error: %s\n", error.file,
                      error.line, error.col, error.message);
    }
    loaded_config *grown = realloc(configs->loaded,
                                   (configs->nloaded + 1) * sizeof(*grown));
    if (grown == NULL) {
        pt_config_free(config);
        return NULL;
    }
    configs->loaded = grown;
    loaded_config *entry = &grown[configs->nloaded++];
    entry->file = strdup(file);
    entry->config = config;
    return entry;
}

const pt_config *pt_configs_for(pt_configs *configs, const char *path,
                                pt_buf *errors)
{
    if (configs->fixed != NULL) {
        return configs->fixed;
    }
    char file[PATH_MAX + 16];
    nearest_config_file(path, file, sizeof(file));
    pthread_mutex_lock(&configs->lock);
    loaded_config *entry = NULL;
    for (size_t i = 0; i < configs->nloaded && entry == NULL; i++) {
        if (strcmp(configs->loaded[i].file, file) == 0) {
            entry = &configs->loaded[i];
        }
    }
    if (entry == NULL) {
        entry = load_locked(configs, file, errors);
    }
    const pt_config *config = entry != NULL ? entry->config : NULL;
    pthread_mutex_unlock(&configs->lock);
    return config;
}
