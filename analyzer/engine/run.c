/*
 * run.c - `ptlint check`: files to findings, in parallel, in a stable
 * order.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/cache.h"
#include "engine/configs.h"
#include "engine/custom_rules.h"
#include "engine/discover.h"
#include "engine/engine.h"
#include "engine/fingerprint.h"
#include "engine/rule_ctx.h"
#include "engine/source.h"
#include "engine/suppress.h"
#include "model/lock_wrappers.h"
#include "model/noreturn.h"

/* What one file produced; filled by whichever worker took it. */
typedef struct file_result {
    pt_findings findings;
    pt_facts facts;             /* stated for the whole run */
    pt_buf errors;
    bool failed;                /* unreadable, or its config was bad */
    bool skipped;               /* excluded by the config: not analysed */
    size_t lines;
    size_t functions;
    pt_cache_key answers;       /* what the run answered its questions */
    size_t nanswers;
    pt_cache_key pending;       /* the answers it gets in this round */
    bool again;                 /* analyse again in this round */
} file_result;

typedef struct run_state {
    const pt_check_options *options;
    const pt_rule *const *rules;
    pt_sources sources;
    pt_configs *configs;
    file_result *results;
    atomic_size_t next;
    pthread_mutex_t errors_lock;
    pt_buf config_errors;       /* guarded by errors_lock */
    pt_cache_key cache_base;    /* the run's part of every cache key */
    const pt_facts *known;      /* the run's facts, from round two on */
} run_state;

/* True when `id` is in the list. */
static bool id_listed(const char *const *ids, size_t count, const char *id)
{
    for (size_t i = 0; i < count; i++) {
        if (strcmp(ids[i], id) == 0) {
            return true;
        }
    }
    return false;
}

/* Whether `rule` runs on `unit` under `config` and the command line. */
static bool rule_selected(const run_state *state, const pt_rule *rule,
                          const pt_config *config, const pt_unit *unit)
{
    const pt_check_options *o = state->options;
    if ((rule->languages & (1u << unit->language)) == 0) {
        return false;
    }
    if (id_listed(o->ignore, o->nignore, rule->id)) {
        return false;
    }
    if (o->nselect > 0) {
        return id_listed(o->select, o->nselect, rule->id);
    }
    return pt_config_rule_enabled(config, rule, unit->path);
}

typedef struct ran_query {
    const run_state *state;
    const pt_config *config;
    const pt_unit *unit;
} ran_query;

/* Callback for suppressions: did the rule with this id run here? */
static bool rule_ran(const char *id, void *data)
{
    const ran_query *query = data;
    const pt_rule *rule = pt_engine_find_rule(id);
    return rule == NULL ||
           rule_selected(query->state, rule, query->config, query->unit);
}

/* A context for `rule` on `unit`. */
static pt_rule_ctx make_ctx(const run_state *state, const pt_rule *rule,
                            const pt_unit *unit, const pt_config *config,
                            file_result *result)
{
    pt_rule_ctx ctx = {
        .rule = rule, .unit = unit, .config = config,
        .sink = &result->findings, .facts = &result->facts,
        .known = state->known,
        .overrides = state->options->overrides,
        .noverrides = state->options->noverrides,
        .severity = pt_config_rule_severity(config, rule, unit->path),
    };
    ctx.severity_configured = ctx.severity != rule->severity;
    return ctx;
}

/* Engine facts start with '#': no rule states them. */
static const char missing_include_fact[] = "#include-missing:";

/* States the unit's unresolved #includes for the run, which reports them
   once (report_missing_includes); as facts they are cached too. */
static void state_missing_includes(const pt_unit *unit, pt_facts *facts)
{
    const pt_missing_include *misses = unit->missing_includes.items;
    pt_buf fact = {0};
    for (uint32_t i = 0; i < unit->missing_includes.len; i++) {
        pt_buf_clear(&fact);
        pt_buf_printf(&fact, "%s%s\t%s:%u:%u", missing_include_fact,
                      misses[i].header, unit->path, misses[i].loc.line,
                      misses[i].loc.col);
        pt_facts_add(facts, pt_buf_str(&fact));
    }
    pt_buf_free(&fact);
}

/*
 * Says once for the whole run which headers libclang did not find: the
 * files were analysed as far as they parsed, which a user should know
 * but which is no finding.  Facts are sorted: one line per header.
 */
static void report_missing_includes(const pt_facts *facts, pt_buf *errors)
{
    size_t prefix = strlen(missing_include_fact);
    size_t headers = 0;
    const char *last = NULL;
    size_t last_len = 0;
    pt_buf list = {0};
    size_t first = 0;
    size_t count = pt_facts_prefixed(facts, missing_include_fact, &first);
    for (size_t i = first; i < first + count; i++) {
        const char *fact = facts->items[i];
        const char *tab = strchr(fact, '\t');
        if (tab == NULL) {
            continue;
        }
        size_t len = (size_t)(tab - fact);
        if (last != NULL && len == last_len && strncmp(fact, last, len) == 0) {
            continue;           /* the same header from another file */
        }
        last = fact;
        last_len = len;
        if (headers++ < 3) {
            pt_buf_printf(&list, "%s'%.*s' (%s)", headers > 1 ? ", " : "",
                          (int)(len - prefix), fact + prefix, tab + 1);
        }
    }
    if (headers > 0) {
        pt_buf_printf(errors, "ptlint: note: libclang did not find %zu "
                      "included file%s: %s%s; the files were analysed as far "
                      "as they parsed (give ptlint the build's flags: -p DIR "
                      "with a compile_commands.json)\n", headers,
                      headers == 1 ? "" : "s", pt_buf_str(&list),
                      headers > 3 ? ", ..." : "");
    }
    pt_buf_free(&list);
}

/* Runs every selected rule on the unit, then the suppressions. */
static void check_unit(const run_state *state, const pt_unit *unit,
                       const pt_config *config, file_result *result)
{
    const pt_rule *unused = NULL;
    pt_custom_rules_unit_begin(unit);   /* custom rules share one parse */
    for (const pt_rule *const *r = state->rules; *r != NULL; r++) {
        if (!rule_selected(state, *r, config, unit)) {
            continue;
        }
        if ((*r)->check_unit == NULL) {
            unused = strcmp((*r)->id, "unused-suppression") == 0 ? *r : unused;
            continue;
        }
        pt_rule_ctx ctx = make_ctx(state, *r, unit, config, result);
        (*r)->check_unit(&ctx, unit);
    }
    pt_custom_rules_unit_end();
    pt_rule_ctx unused_ctx = {0};
    if (unused != NULL) {
        unused_ctx = make_ctx(state, unused, unit, config, result);
    }
    ran_query query = {state, config, unit};
    pt_apply_suppressions(unit, &result->findings, 0,
                          unused != NULL ? &unused_ctx : NULL, rule_ran,
                          &query);
}

/* Vocabulary lists the frontends need, from the file's config. */
static pt_unit *parse_with_config(const run_state *state, const char *path,
                                  pt_language language, const char *text,
                                  size_t length, const pt_config *config,
                                  pt_facts *stated)
{
    uint32_t nacquire = 0;
    uint32_t nrelease = 0;
    const char *const *acquire =
        pt_config_vocab(config, PT_VOCAB_LOCK_ACQUIRE, &nacquire);
    const char *const *release =
        pt_config_vocab(config, PT_VOCAB_LOCK_RELEASE, &nrelease);
    pt_unit *unit = pt_source_parse(path, language, text, length,
                                    state->options->frontend,
                                    state->options->compdb_dir, acquire,
                                    nacquire, release, nrelease);
    uint32_t nnoreturn = 0;
    const char *const *noreturn_names =
        pt_config_vocab(config, PT_VOCAB_NORETURN, &nnoreturn);
    pt_unit_cut_noreturn(unit, noreturn_names, nnoreturn);
    pt_fact_io io = {state->known, stated};
    pt_unit_expand_lock_wrappers(unit, &io);
    return unit;
}

/* The cache key of one file: the run's, its path, text and config. */
static pt_cache_key file_key(const run_state *state, const char *path,
                             const char *text, size_t length,
                             const pt_config *config)
{
    pt_cache_key key = state->cache_base;
    pt_cache_key_add(&key, path, strlen(path));
    pt_cache_key_add(&key, text, length);
    pt_cache_key_add_file(&key, pt_config_path(config));
    return key;
}

/* Digests what `known` answers to the questions among `stated`. */
static pt_cache_key answers_digest(const pt_facts *stated,
                                   const pt_facts *known, size_t *count)
{
    size_t want = strlen(PT_FACT_WANT);
    pt_cache_key digest = {0};
    *count = 0;
    for (size_t k = 0; known != NULL && k < stated->len; k++) {
        const char *fact = stated->items[k];
        if (strncmp(fact, PT_FACT_WANT, want) != 0) {
            continue;
        }
        size_t first = 0;
        size_t n = pt_facts_prefixed(known, fact + want, &first);
        for (size_t a = first; a < first + n; a++) {
            pt_cache_key_add(&digest, known->items[a],
                             strlen(known->items[a]) + 1);
        }
        *count += n;
    }
    return digest;
}

/* The prefix of the fact a cached entry keeps its answers' digest in. */
#define ANSWERS_FACT "#answers:"

/* Writes that fact for `digest`. */
static void answers_fact(pt_cache_key digest, char out[64])
{
    snprintf(out, 64, ANSWERS_FACT "%016llx%016llx",
             (unsigned long long)digest.hi, (unsigned long long)digest.lo);
}

static void state_answers(file_result *result, const pt_facts *known)
{
    result->answers = answers_digest(&result->facts, known,
                                     &result->nanswers);
    char fact[64];
    answers_fact(result->answers, fact);
    pt_facts_add(&result->facts, fact);
}

/* True when a cached entry was made with the answers the run now gives:
   the questions it asked then are answered as they were. */
static bool cached_answers_hold(file_result *result, const pt_facts *known)
{
    result->answers = answers_digest(&result->facts, known,
                                     &result->nanswers);
    char fact[64];
    answers_fact(result->answers, fact);
    for (size_t k = 0; k < result->facts.len; k++) {
        if (strcmp(result->facts.items[k], fact) == 0) {
            return true;
        }
    }
    return false;
}

/* Forgets what an earlier round found in the file, keeping what the run
   answered it. */
static void reset_result(file_result *result)
{
    pt_findings_free(&result->findings);
    pt_facts_free(&result->facts);
    pt_buf_free(&result->errors);
    *result = (file_result){.pending = result->pending};
}

/* The file's config, or NULL (result->failed) when it is broken. */
static const pt_config *config_of(run_state *state, const pt_source *source,
                                  file_result *result)
{
    pthread_mutex_lock(&state->errors_lock);
    const pt_config *config = pt_configs_for(state->configs, source->path,
                                             &state->config_errors);
    pthread_mutex_unlock(&state->errors_lock);
    result->failed = config == NULL;
    return config;
}

/* Takes the file's result from the cache; false on a miss, or when the
   entry was made with answers the run no longer gives. */
static bool load_cached(const run_state *state, const char *cache,
                        pt_cache_key key, const char *path,
                        file_result *result)
{
    if (cache == NULL ||
        !pt_cache_load(cache, key, path, pt_engine_find_rule,
                       &result->findings, &result->facts, &result->lines,
                       &result->functions)) {
        return false;
    }
    if (state->known == NULL || cached_answers_hold(result, state->known)) {
        return true;
    }
    reset_result(result);
    return false;
}

/* Parses and checks the text (which it frees); caches the result. */
static void analyse(const run_state *state, const pt_source *source,
                    const pt_config *config, char *text, size_t length,
                    file_result *result)
{
    pt_unit *unit = parse_with_config(state, source->path, source->language,
                                      text, length, config, &result->facts);
    free(text);
    if (unit == NULL) {
        pt_buf_printf(&result->errors, "%s: out of memory\n", source->path);
        result->failed = true;
        return;
    }
    result->lines = unit->lines.len;
    result->functions = unit->functions.len;
    if (state->options->parse_only) {     /* the benchmark floor */
        pt_unit_free(unit);
        return;
    }
    check_unit(state, unit, config, result);
    state_missing_includes(unit, &result->facts);
    pt_facts_seal(&result->facts);
    if (state->known != NULL) {
        state_answers(result, state->known);
    }
    pt_findings_sort(&result->findings);
    pt_fingerprint_all(&result->findings);
    pt_unit_free(unit);
}

/* Reads the source into *text (the caller frees it); false when the
   config excludes it or it cannot be read. */
static bool read_source(const run_state *state, const pt_source *source,
                        const pt_config *config, file_result *result,
                        char **text, size_t *length)
{
    const char *stdin_name = state->options->stdin_filename;
    if (stdin_name == NULL && pt_config_path_excluded(config, source->path)) {
        result->skipped = true;
        return false;
    }
    pt_read_status status = pt_source_read(
        stdin_name != NULL ? NULL : source->path, source->path, text,
        length, &result->errors);
    result->failed = status == PT_READ_FAILED;
    return status == PT_READ_OK;
}

/* Reads, parses and checks source `index` (again, from round two on,
   when the run answers its questions differently). */
static void process_file(run_state *state, size_t index)
{
    const pt_source *source = &state->sources.items[index];
    file_result *result = &state->results[index];
    if (state->known != NULL && !result->again) {
        return;
    }
    reset_result(result);
    const pt_config *config = config_of(state, source, result);
    char *text = NULL;
    size_t length = 0;
    if (config == NULL || !read_source(state, source, config, result, &text,
                                       &length)) {
        return;
    }
    const char *cache = state->options->stdin_filename == NULL &&
                                !state->options->parse_only
                            ? state->options->cache_dir : NULL;
    pt_cache_key key = file_key(state, source->path, text, length, config);
    pt_cache_key_add(&key, &result->pending, sizeof(result->pending));
    if (load_cached(state, cache, key, source->path, result)) {
        free(text);
        return;
    }
    analyse(state, source, config, text, length, result);
    if (cache != NULL && !result->failed) {
        pt_cache_store(cache, key, &result->findings, &result->facts,
                       result->lines, result->functions);
    }
}

/* What every cache key of the run shares: the rule choices. */
static pt_cache_key run_key(const pt_check_options *o)
{
    char frontend[32];
    snprintf(frontend, sizeof(frontend), "frontend=%d", (int)o->frontend);
    const char *parts[] = {frontend, o->compdb_dir, o->config_path};
    pt_cache_key key = pt_cache_key_run(parts, 3);
    for (size_t i = 0; i < o->nselect; i++) {
        pt_cache_key_add(&key, o->select[i], strlen(o->select[i]));
    }
    pt_cache_key_add(&key, "|", 1);
    for (size_t i = 0; i < o->nignore; i++) {
        pt_cache_key_add(&key, o->ignore[i], strlen(o->ignore[i]));
    }
    pt_cache_key_add(&key, "|", 1);
    for (size_t i = 0; i < o->noverrides; i++) {
        pt_cache_key_add(&key, o->overrides[i], strlen(o->overrides[i]));
    }
    /* Custom rules carry their query in their doc page: a changed query
       or a new plugin rule changes the key. */
    for (const pt_rule *const *r = pt_engine_rules(); *r != NULL; r++) {
        const char *doc = pt_engine_rule_doc(*r);
        pt_cache_key_add(&key, (*r)->id, strlen((*r)->id));
        pt_cache_key_add(&key, doc, strlen(doc));
    }
    return key;
}

static void *worker_main(void *arg)
{
    run_state *state = arg;
    size_t index = 0;
    while ((index = atomic_fetch_add(&state->next, 1)) < state->sources.len) {
        process_file(state, index);
    }
    return NULL;
}

/* Runs `jobs` workers over all sources (the caller's thread is one). */
static void run_workers(run_state *state, unsigned jobs)
{
    pthread_t threads[64];
    unsigned started = 0;
    if (jobs > 64) {
        jobs = 64;
    }
    for (unsigned i = 1; i < jobs && i < state->sources.len; i++) {
        if (pthread_create(&threads[started], NULL, worker_main, state) != 0) {
            break;              /* fewer workers; the work still gets done */
        }
        started++;
    }
    worker_main(state);
    for (unsigned i = 0; i < started; i++) {
        (void)pthread_join(threads[i], NULL);  /* joinable, not joined yet */
    }
}

/* All facts the files of the run stated, with what their rules derive,
   sealed for searching; the files' questions left out. */
static void collect_facts(const run_state *state, pt_facts *all)
{
    for (size_t i = 0; i < state->sources.len; i++) {
        const pt_facts *facts = &state->results[i].facts;
        for (size_t k = 0; k < facts->len; k++) {
            /* a file's questions and digests are the engine's, not facts
               about the program ('#include-missing:' is reported) */
            if (strncmp(facts->items[k], PT_FACT_WANT,
                        strlen(PT_FACT_WANT)) != 0 &&
                strncmp(facts->items[k], ANSWERS_FACT,
                        strlen(ANSWERS_FACT)) != 0) {
                pt_facts_add(all, facts->items[k]);
            }
        }
    }
    pt_facts_solve(all);
}

/*
 * Analyses again, in parallel, the files whose questions the run can now
 * answer (a call of another file's lock helper, of a function that
 * raises), until the answers settle or PT_FACT_ROUNDS rounds have run.
 */
static void run_rounds(run_state *state, unsigned jobs)
{
    for (int round = 0; round < PT_FACT_ROUNDS; round++) {
        pt_facts known = {0};
        collect_facts(state, &known);
        size_t again = 0;
        for (size_t i = 0; i < state->sources.len; i++) {
            file_result *result = &state->results[i];
            size_t count = 0;
            result->pending = answers_digest(&result->facts, &known, &count);
            result->again = !result->failed && !result->skipped &&
                            (count != result->nanswers ||
                             memcmp(&result->pending, &result->answers,
                                    sizeof(result->pending)) != 0);
            again += result->again;

        }
        if (again > 0) {
            state->known = &known;
            atomic_store(&state->next, 0);
            run_workers(state, jobs);
            state->known = NULL;
        }
        pt_facts_free(&known);
        if (again == 0) {
            return;
        }
    }
}

/* Moves every file's findings, counts and messages into `out`, dropping
   the findings whose condition another file's fact settles. */
static bool gather(run_state *state, pt_run_result *out, pt_buf *errors)
{
    bool ok = true;
    pt_buf_puts(errors, pt_buf_str(&state->config_errors));
    ok = state->config_errors.len == 0;
    pt_facts facts = {0};
    collect_facts(state, &facts);
    report_missing_includes(&facts, errors);
    for (size_t i = 0; i < state->sources.len; i++) {
        file_result *result = &state->results[i];
        for (size_t k = 0; k < result->findings.len; k++) {
            pt_finding *f = result->findings.items[k];
            bool dropped =
                (f->unless != NULL && pt_facts_condition(&facts, f->unless)) ||
                (f->only_if != NULL &&
                 !pt_facts_condition(&facts, f->only_if));
            if (dropped) {
                pt_finding_free(f);
            } else {
                pt_findings_push(&out->findings, f);
            }
        }
        free(result->findings.items);
        pt_facts_free(&result->facts);
        pt_buf_puts(errors, pt_buf_str(&result->errors));
        pt_buf_free(&result->errors);
        ok &= !result->failed;
        out->files += !result->skipped;
        out->lines += result->lines;
        out->functions += result->functions;
    }
    pt_facts_free(&facts);
    pt_findings_sort(&out->findings);
    return ok;
}

/* Checks --select and --ignore name real rules. */
static bool check_rule_ids(const pt_check_options *o, pt_buf *errors)
{
    bool ok = true;
    for (size_t i = 0; i < o->nselect + o->nignore; i++) {
        const char *id = i < o->nselect ? o->select[i]
                                        : o->ignore[i - o->nselect];
        if (pt_engine_find_rule(id) == NULL) {
            pt_buf_printf(errors, "ptlint: unknown rule '%s' ('ptlint rules' "
                                  "lists them)\n", id);
            ok = false;
        }
    }
    return ok;
}

/* Loads --config, or leaves per-file lookup; false on a bad file. */
static bool make_configs(run_state *state, pt_buf *errors)
{
    pt_config *fixed = NULL;
    const char *path = state->options->config_path;
    if (path != NULL) {
        pt_config_error error = {0};
        fixed = pt_config_load(path, state->rules, &error);
        if (fixed == NULL) {
            pt_buf_printf(errors, "%s:%u:%u: error: %s\n", error.file,
                          error.line, error.col, error.message);
            return false;
        }
    }
    state->configs = pt_configs_new(state->rules, fixed);
    return state->configs != NULL;
}

/* FNV-1a of a path: which shard a file belongs to, the same every run. */
static uint32_t path_hash(const char *path)
{
    uint32_t hash = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        hash = (hash ^ *p) * 16777619u;
    }
    return hash;
}

/* Keeps the sources of shard K of N (--shard K/N). */
static void keep_shard(pt_sources *sources, unsigned index, unsigned count)
{
    size_t kept = 0;
    for (size_t i = 0; i < sources->len; i++) {
        if (path_hash(sources->items[i].path) % count == index) {
            sources->items[kept++] = sources->items[i];
        } else {
            free(sources->items[i].path);
        }
    }
    sources->len = kept;
}

/* Lists the files: discovered, or the one named for standard input. */
static bool find_sources(run_state *state, pt_buf *errors)
{
    const pt_check_options *o = state->options;
    if (o->stdin_filename == NULL) {
        return pt_discover(o->paths, o->npaths, &state->sources, errors);
    }
    pt_language language;
    if (!pt_language_of(o->stdin_filename, &language)) {
        pt_buf_printf(errors, "%s: not a C or Python file name\n",
                      o->stdin_filename);
        return false;
    }
    state->sources.items = calloc(1, sizeof(pt_source));
    state->sources.items[0].path = strdup(o->stdin_filename);
    state->sources.items[0].language = language;
    state->sources.len = state->sources.cap = 1;
    return true;
}

bool pt_engine_check(const pt_check_options *options, pt_run_result *result,
                     pt_buf *errors)
{
    memset(result, 0, sizeof(*result));
    run_state state = {.options = options, .rules = pt_engine_rules(),
                       .cache_base = run_key(options)};
    if (!check_rule_ids(options, errors) || !make_configs(&state, errors)) {
        return false;
    }
    bool ok = find_sources(&state, errors);
    if (options->shard_count > 1) {
        keep_shard(&state.sources, options->shard_index,
                   options->shard_count);
    }
    state.results = calloc(state.sources.len + 1, sizeof(file_result));
    if (state.results == NULL ||
        pthread_mutex_init(&state.errors_lock, NULL) != 0) {
        pt_buf_puts(errors, "ptlint: out of memory\n");
        free(state.results);
        pt_sources_free(&state.sources);
        pt_configs_free(state.configs);
        return false;
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned jobs = options->jobs ? options->jobs : (cores > 0 ? (unsigned)cores : 1);
    run_workers(&state, jobs);
    if (!options->parse_only) {
        run_rounds(&state, jobs);
    }
    ok &= gather(&state, result, errors);
    pthread_mutex_destroy(&state.errors_lock);
    pt_buf_free(&state.config_errors);
    free(state.results);
    pt_sources_free(&state.sources);
    pt_configs_free(state.configs);
    return ok;
}

void pt_run_result_free(pt_run_result *result)
{
    pt_findings_free(&result->findings);
}
