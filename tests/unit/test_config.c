/*
 * test_config.c - .ptlint.yaml: effective settings, overrides, the
 * vocabulary, globs and every class of error with its position.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "config/config_internal.h"

/* ---- fake rules ---- */

static const pt_option UNUSED_OPTIONS[] = {
    {"public-functions", PT_OPT_BOOL, "false", "check public functions"},
    {"max-count", PT_OPT_INT, "10", "an integer"},
    {"style", PT_OPT_STRING, "snake_case", "a string"},
    {"ignore-names", PT_OPT_LIST, "[_, dummy]", "a list"},
    {0},
};

static const pt_rule RULE_UNUSED = {
    .id = "unused-parameter", .severity = PT_SEV_WARNING, .enabled = true,
    .options = UNUSED_OPTIONS,
};
static const pt_rule RULE_DOC = {
    .id = "missing-doc", .severity = PT_SEV_NOTE, .enabled = true,
};
static const pt_option COMPLEXITY_OPTIONS[] = {
    {"max-complexity", PT_OPT_INT, "10", "the limit"},
    {0},
};
static const pt_rule RULE_COMPLEX = {
    .id = "excess-complexity", .severity = PT_SEV_WARNING,
    .enabled = false, .options = COMPLEXITY_OPTIONS,
};
/* Not in the table given to the loader. */
static const pt_rule RULE_OTHER = {
    .id = "other-rule", .severity = PT_SEV_ERROR, .enabled = true,
    .options = COMPLEXITY_OPTIONS,
};

static const pt_rule *const RULES[] = {&RULE_UNUSED, &RULE_DOC,
                                       &RULE_COMPLEX, NULL};

/* ---- temporary files ---- */

static char tmp_dir[256];
static char tmp_path[512];
static char start_cwd[4096];

/* Writes `text` to <tmp>/<name> and returns the path (static buffer). */
static const char *write_file(const char *name, const char *text,
                              size_t len)
{
    snprintf(tmp_path, sizeof(tmp_path), "%s/%s", tmp_dir, name);
    FILE *file = fopen(tmp_path, "wb");
    assert_non_null(file);
    assert_int_equal(fwrite(text, 1, len, file), len);
    assert_int_equal(fclose(file), 0);
    return tmp_path;
}

static pt_config *load_text(const char *text, pt_config_error *error)
{
    const char *path = write_file(".ptlint.yaml", text, strlen(text));
    return pt_config_load(path, RULES, error);
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmp_dir, sizeof(tmp_dir), "/tmp/ptlint-config-XXXXXX");
    assert_non_null(mkdtemp(tmp_dir));
    assert_non_null(getcwd(start_cwd, sizeof(start_cwd)));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    static const char *const NAMES[] = {".ptlint.yaml", "big.yaml",
                                        "sub/.ptlint.yaml"};
    for (size_t i = 0; i < sizeof(NAMES) / sizeof(NAMES[0]); i++) {
        snprintf(tmp_path, sizeof(tmp_path), "%s/%s", tmp_dir, NAMES[i]);
        (void)unlink(tmp_path);     /* clean-up: some were never made */
    }
    snprintf(tmp_path, sizeof(tmp_path), "%s/sub", tmp_dir);
    (void)rmdir(tmp_path);
    (void)rmdir(tmp_dir);
    return 0;
}

static bool vocab_has(const pt_config *config, pt_vocab_kind kind,
                      const char *name)
{
    uint32_t count = 0;
    const char *const *items = pt_config_vocab(config, kind, &count);
    for (uint32_t i = 0; i < count; i++) {
        if (strcmp(items[i], name) == 0) {
            return true;
        }
    }
    return false;
}

/* ---- defaults ---- */

static void test_defaults(void **state)
{
    (void)state;
    pt_config *config = pt_config_default(RULES);
    assert_non_null(config);
    assert_null(pt_config_path(config));
    assert_true(pt_config_rule_enabled(config, &RULE_UNUSED, "a.c"));
    assert_false(pt_config_rule_enabled(config, &RULE_COMPLEX, "a.c"));
    assert_int_equal(pt_config_rule_severity(config, &RULE_DOC, "a.c"),
                     PT_SEV_NOTE);
    assert_string_equal(pt_config_rule_option(config, &RULE_UNUSED,
                                              "max-count", "a.c"), "10");
    assert_null(pt_config_rule_option(config, &RULE_UNUSED, "nope", "a.c"));
    uint32_t count = 99;
    const char *const *items = pt_config_rule_option_list(
        config, &RULE_UNUSED, "ignore-names", "a.c", &count);
    assert_int_equal(count, 2);
    assert_string_equal(items[0], "_");
    assert_string_equal(items[1], "dummy");
    items = pt_config_rule_option_list(config, &RULE_UNUSED, "nope", "a.c",
                                       &count);
    assert_non_null(items);
    assert_int_equal(count, 0);
    /* A rule missing from the table keeps its descriptor's settings. */
    assert_int_equal(pt_config_rule_severity(config, &RULE_OTHER, "a.c"),
                     PT_SEV_ERROR);
    assert_string_equal(pt_config_rule_option(config, &RULE_OTHER,
                                              "max-complexity", "a.c"),
                        "10");
    assert_false(pt_config_path_excluded(config, "build/x.c"));
    pt_config_free(config);
    pt_config_free(NULL);
}

static void test_default_vocabulary(void **state)
{
    (void)state;
    pt_config *config = pt_config_default(NULL);
    assert_non_null(config);
    assert_true(vocab_has(config, PT_VOCAB_LOCK_ACQUIRE,
                          "pthread_mutex_lock"));
    assert_false(vocab_has(config, PT_VOCAB_LOCK_ACQUIRE,
                           "pthread_mutex_trylock"));
    assert_true(vocab_has(config, PT_VOCAB_LOCK_RELEASE, "mtx_unlock"));
    assert_true(vocab_has(config, PT_VOCAB_VALIDATOR, "valid"));
    assert_true(vocab_has(config, PT_VOCAB_LOOKUP, "get_by"));
    assert_true(vocab_has(config, PT_VOCAB_NULLABLE, "getenv"));
    assert_true(vocab_has(config, PT_VOCAB_EXEMPT, "__init__"));
    assert_true(vocab_has(config, PT_VOCAB_ALLOCATOR, "reallocarray"));
    assert_true(vocab_has(config, PT_VOCAB_FALLIBLE, "pthread_create"));
    assert_false(vocab_has(config, PT_VOCAB_FALLIBLE, "snprintf"));
    assert_true(vocab_has(config, PT_VOCAB_UNBOUNDED_COPY, "gets"));
    assert_true(vocab_has(config, PT_VOCAB_LOCK_TYPE, "threading.RLock"));
    assert_true(vocab_has(config, PT_VOCAB_LOGGING, "_logger"));
    uint32_t count = 7;
    pt_config_vocab(config, PT_VOCAB_KIND_COUNT, &count);
    assert_int_equal(count, 0);
    pt_config_free(config);
}

static void test_empty_files(void **state)
{
    (void)state;
    static const char *const TEXTS[] = {"", "# only a comment\n", "~\n",
                                        "---\n...\n", "\n\n"};
    for (size_t i = 0; i < sizeof(TEXTS) / sizeof(TEXTS[0]); i++) {
        pt_config_error error;
        pt_config *config = load_text(TEXTS[i], &error);
        assert_non_null(config);
        assert_string_equal(pt_config_path(config), tmp_path);
        assert_true(pt_config_rule_enabled(config, &RULE_DOC, "x.c"));
        assert_true(vocab_has(config, PT_VOCAB_ALLOCATOR, "malloc"));
        pt_config_free(config);
    }
}

static void test_init_text_loads(void **state)
{
    (void)state;
    pt_config_error error;
    const char *text = pt_config_init_text();
    assert_non_null(strstr(text, "vocabulary:"));
    assert_non_null(strstr(text, "overrides:"));
    pt_config *config = load_text(text, &error);
    if (config == NULL) {
        fail_msg("%u:%u: %s", error.line, error.col, error.message);
    }
    assert_true(pt_config_rule_enabled(config, &RULE_UNUSED, "a.c"));
    assert_int_equal(config->fail_on, -1);
    pt_config_free(config);
}

/* ---- a full file: settings, vocabulary, overrides ---- */

static pt_config *load_full(void)
{
    pt_config_error error;
    pt_config *config = pt_config_load(PTLINT_CONFIG_FIXTURES "/full.yaml",
                                       RULES, &error);
    if (config == NULL) {
        fail_msg("%s:%u:%u: %s", error.file, error.line, error.col,
                 error.message);
    }
    return config;
}

static void test_full_settings(void **state)
{
    (void)state;
    pt_config *config = load_full();
    const char *src = PTLINT_CONFIG_FIXTURES "/src/a.c";
    assert_false(pt_config_rule_enabled(config, &RULE_DOC, src));
    assert_true(pt_config_rule_enabled(config, &RULE_COMPLEX, src));
    assert_int_equal(pt_config_rule_severity(config, &RULE_COMPLEX, src),
                     PT_SEV_NOTE);
    assert_int_equal(pt_config_rule_severity(config, &RULE_UNUSED, src),
                     PT_SEV_ERROR);
    assert_string_equal(pt_config_rule_option(config, &RULE_UNUSED,
                                              "public-functions", src),
                        "true");
    assert_string_equal(pt_config_rule_option(config, &RULE_UNUSED,
                                              "max-count", src), "3");
    assert_string_equal(pt_config_rule_option(config, &RULE_UNUSED,
                                              "style", src), "camelCase");
    assert_string_equal(pt_config_rule_option(config, &RULE_UNUSED,
                                              "ignore-names", src),
                        "[self, cls]");
    uint32_t count = 0;
    const char *const *items = pt_config_rule_option_list(
        config, &RULE_UNUSED, "ignore-names", src, &count);
    assert_int_equal(count, 2);
    assert_string_equal(items[1], "cls");
    assert_int_equal(config->fail_on, PT_SEV_WARNING);
    pt_config_free(config);
}

static void test_full_vocabulary_added(void **state)
{
    (void)state;
    pt_config *config = load_full();
    assert_true(vocab_has(config, PT_VOCAB_LOCK_ACQUIRE, "my_lock"));
    assert_true(vocab_has(config, PT_VOCAB_LOCK_ACQUIRE,
                          "pthread_mutex_lock"));
    assert_true(vocab_has(config, PT_VOCAB_VALIDATOR, "is_valid_rp"));
    assert_true(vocab_has(config, PT_VOCAB_VALIDATOR, "verify"));
    assert_true(vocab_has(config, PT_VOCAB_LOOKUP, "find_rp"));
    assert_true(vocab_has(config, PT_VOCAB_NULLABLE, "maybe_get"));
    assert_true(vocab_has(config, PT_VOCAB_EXEMPT, "setup"));
    assert_true(vocab_has(config, PT_VOCAB_ALLOCATOR, "xmalloc"));
    assert_true(vocab_has(config, PT_VOCAB_FALLIBLE, "my_write"));
    assert_true(vocab_has(config, PT_VOCAB_UNBOUNDED_COPY, "my_strcpy"));
    assert_true(vocab_has(config, PT_VOCAB_LOCK_TYPE, "my_mutex_t"));
    assert_true(vocab_has(config, PT_VOCAB_LOGGING, "LOGGER"));
    /* Additions come after the built-in entries. */
    uint32_t count = 0;
    const char *const *items = pt_config_vocab(config, PT_VOCAB_ALLOCATOR,
                                               &count);
    assert_string_equal(items[0], "malloc");
    assert_string_equal(items[count - 1], "xmalloc");
    pt_config_free(config);
}

static void test_overrides_in_order(void **state)
{
    (void)state;
    pt_config *config = load_full();
    const char *test = PTLINT_CONFIG_FIXTURES "/tests/t.c";
    const char *legacy = PTLINT_CONFIG_FIXTURES "/tests/legacy/old.c";
    const char *generated = PTLINT_CONFIG_FIXTURES "/src/x/generated_a.c";
    /* First override turns missing-doc back on; the second, later, off. */
    assert_true(pt_config_rule_enabled(config, &RULE_DOC, test));
    assert_false(pt_config_rule_enabled(config, &RULE_DOC, legacy));
    assert_false(pt_config_rule_enabled(config, &RULE_DOC, generated));
    /* Settings an override leaves alone come from `rules:`. */
    assert_int_equal(pt_config_rule_severity(config, &RULE_UNUSED, test),
                     PT_SEV_NOTE);
    assert_string_equal(pt_config_rule_option(config, &RULE_UNUSED,
                                              "max-count", test), "7");
    assert_string_equal(pt_config_rule_option(config, &RULE_UNUSED,
                                              "style", test), "camelCase");
    /* Paths with "." and ".." are normalised; outside paths match none. */
    const char *dotted = PTLINT_CONFIG_FIXTURES "/src/../tests/./t.c";
    assert_true(pt_config_rule_enabled(config, &RULE_DOC, dotted));
    assert_false(pt_config_rule_enabled(config, &RULE_DOC, "/elsewhere/"
                                        "tests/t.c"));
    pt_config_free(config);
}

static void test_paths_relative_to_cwd(void **state)
{
    (void)state;
    snprintf(tmp_path, sizeof(tmp_path), "%s/sub", tmp_dir);
    assert_int_equal(mkdir(tmp_path, 0700), 0);
    const char *text = "overrides:\n  - paths: [\"tests/**\"]\n"
                       "    rules: {missing-doc: false}\n"
                       "exclude: [\"build\"]\n";
    assert_non_null(write_file("sub/.ptlint.yaml", text, strlen(text)));
    assert_int_equal(chdir(tmp_dir), 0);
    pt_config_error error;
    pt_config *config = pt_config_load("sub/.ptlint.yaml", RULES, &error);
    assert_int_equal(chdir(start_cwd), 0);
    assert_non_null(config);
    /* Relative paths are relative to the working directory of the load. */
    assert_false(pt_config_rule_enabled(config, &RULE_DOC,
                                        "sub/tests/a.c"));
    assert_true(pt_config_rule_enabled(config, &RULE_DOC, "tests/a.c"));
    assert_true(pt_config_path_excluded(config, "sub/build/x/y.c"));
    assert_true(pt_config_path_excluded(config, "./sub/lib/build"));
    assert_false(pt_config_path_excluded(config, "sub/src/build.c"));
    assert_false(pt_config_path_excluded(config, "build/x.c"));
    snprintf(tmp_path, sizeof(tmp_path), "%s/sub/tests/a.c", tmp_dir);
    assert_false(pt_config_rule_enabled(config, &RULE_DOC, tmp_path));
    pt_config_free(config);
}

static void test_path_excluded(void **state)
{
    (void)state;
    pt_config *config = load_full();
    const char *dir = PTLINT_CONFIG_FIXTURES;
    char path[1024];
    static const struct {
        const char *rel;
        bool excluded;
    } CASES[] = {
        {"src/a.c", false},       {"src/deep/er/b.c", false},
        {"tool.py", false},       {"scripts/x/tool.py", false},
        {"lib/a.c", true},        {"build/src/a.c", true},
        {"third_party/z.py", true}, {"src", false},
    };
    for (size_t i = 0; i < sizeof(CASES) / sizeof(CASES[0]); i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, CASES[i].rel);
        if (pt_config_path_excluded(config, path) != CASES[i].excluded) {
            fail_msg("%s: expected excluded=%d", CASES[i].rel,
                     CASES[i].excluded);
        }
    }
    pt_config_free(config);
}

/* ---- globs and suggestions ---- */

static void test_globs(void **state)
{
    (void)state;
    static const struct {
        const char *pattern;
        const char *path;
        bool match;
    } CASES[] = {
        {"src/**", "src/a.c", true},
        {"src/**", "src/a/b/c.c", true},
        {"src/**", "srcx/a.c", false},
        {"src/**", "lib/src/a.c", false},
        {"**/test_*.py", "test_a.py", true},
        {"**/test_*.py", "a/b/test_a.py", true},
        {"**/test_*.py", "a/b/atest_a.py", false},
        {"a/**/b.c", "a/b.c", true},
        {"a/**/b.c", "a/x/y/b.c", true},
        {"*.py", "x.py", true},
        {"*.py", "deep/dir/x.py", true},
        {"*.py", "x.pyc", false},
        {"src/*.c", "src/a.c", true},
        {"src/*.c", "src/a/b.c", false},
        {"/src/*.c", "src/a.c", true},
        {"./src/*.c", "src/a.c", true},
        {"build/", "x/build/y.c", true},
        {"third_party/lib", "third_party/lib/z.c", true},
        {"file?.c", "file1.c", true},
        {"file?.c", "file10.c", false},
        {"[ab]*.c", "b1.c", true},
        {"[!ab]*.c", "b1.c", false},
        {"[a-c]x", "cx", true},
        {"[]x]y", "]y", true},
        {"[ab", "[ab", true},
        {"\\*.c", "*.c", true},
        {"\\*.c", "a.c", false},
        {"*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
        {"", "a.c", false},
    };
    for (size_t i = 0; i < sizeof(CASES) / sizeof(CASES[0]); i++) {
        if (cfg_glob_match(CASES[i].pattern, CASES[i].path) !=
            CASES[i].match) {
            fail_msg("'%s' vs '%s': expected %d", CASES[i].pattern,
                     CASES[i].path, CASES[i].match);
        }
    }
}

static void test_suggest(void **state)
{
    (void)state;
    static const char *const KEYS[] = {"enabled", "severity", "options"};
    assert_string_equal(cfg_suggest("severty", KEYS, 3), "severity");
    assert_string_equal(cfg_suggest("sevreity", KEYS, 3), "severity");
    assert_string_equal(cfg_suggest("Enabled", KEYS, 3), "enabled");
    assert_string_equal(cfg_suggest("option", KEYS, 3), "options");
    assert_null(cfg_suggest("zzz", KEYS, 3));
    assert_null(cfg_suggest("colour", KEYS, 3));
    static const char *const SEVERITIES[] = {"error", "warning", "note"};
    assert_string_equal(cfg_suggest("warn", SEVERITIES, 3), "warning");
    assert_string_equal(cfg_suggest("eror", SEVERITIES, 3), "error");
    assert_int_equal(cfg_edit_distance("ab", "ba"), 1);
    assert_int_equal(cfg_edit_distance("", "abc"), 3);
}

/* ---- errors ---- */

typedef struct error_case {
    const char *text;
    uint32_t line;
    uint32_t col;
    const char *message;
} error_case;

static const error_case ERROR_CASES[] = {
    /* unknown keys, with and without a suggestion */
    {"rulez: {}\n", 1, 1, "unknown key 'rulez'; did you mean 'rules'?"},
    {"rules:\n  unused-parameter:\n    severty: note\n", 3, 5,
     "unknown key 'severty'; did you mean 'severity'?"},
    {"colour: red\n", 1, 1,
     "unknown key 'colour'; expected rules, fail-on, include, exclude, "
     "vocabulary, overrides, custom-rules or plugins"},
    {"vocabulary:\n  lock-aquire: [f]\n", 2, 3,
     "unknown key 'lock-aquire'; did you mean 'lock-acquire'?"},
    {"overrides:\n  - path: [a]\n", 2, 5,
     "unknown key 'path'; did you mean 'paths'?"},
    /* unknown rules */
    {"rules:\n  unused-paramter: false\n", 2, 3,
     "unknown rule 'unused-paramter'; did you mean 'unused-parameter'?"},
    {"rules:\n  no-such-thing: false\n", 2, 3,
     "unknown rule 'no-such-thing'; `ptlint rules` lists the rule ids"},
    /* wrong types */
    {"include: {a: 1}\n", 1, 10,
     "expected a list of strings, found a mapping"},
    {"exclude: build/**\n", 1, 10,
     "expected a list of strings, found 'build/**'"},
    {"include: [[a]]\n", 1, 11, "expected a non-empty string, found a list"},
    {"include: [\"\"]\n", 1, 11, "expected a non-empty string, found ''"},
    {"rules: [a]\n", 1, 8,
     "expected a mapping of rule ids to settings, found a list"},
    {"rules:\n  missing-doc: maybe\n", 2, 16,
     "expected true, false or a mapping of rule settings, found 'maybe'"},
    {"rules:\n  missing-doc: {enabled: 1}\n", 2, 26,
     "expected true or false, found '1'"},
    {"overrides: {paths: [a]}\n", 1, 12,
     "expected a list of overrides (each with paths: and rules:), found "
     "a mapping"},
    {"overrides:\n  - rules: {missing-doc: false}\n", 2, 5,
     "an override needs paths: with at least one glob"},
    {"vocabulary: [a]\n", 1, 13,
     "expected a mapping of vocabulary lists, found a list"},
    /* severities */
    {"rules:\n  missing-doc: {severity: warn}\n", 2, 27,
     "unknown severity 'warn'; did you mean 'warning'?"},
    {"rules:\n  missing-doc: {severity: loud}\n", 2, 27,
     "unknown severity 'loud'; expected error, warning or note"},
    {"rules:\n  missing-doc: {severity: [error]}\n", 2, 27,
     "expected error, warning or note, found a list"},
    {"fail-on: warnin\n", 1, 10,
     "unknown fail-on value 'warnin'; did you mean 'warning'?"},
    {"fail-on: {}\n", 1, 10,
     "expected error, warning, note or never, found a mapping"},
    /* options */
    {"rules:\n  unused-parameter:\n    options: {public-function: true}\n",
     3, 15, "rule 'unused-parameter' has no option 'public-function'; "
     "did you mean 'public-functions'?"},
    {"rules:\n  unused-parameter:\n    options: {colour: red}\n", 3, 15,
     "rule 'unused-parameter' has no option 'colour'; its options are "
     "public-functions, max-count, style or ignore-names"},
    {"rules:\n  missing-doc:\n    options: {x: 1}\n", 3, 15,
     "rule 'missing-doc' has no options; found 'x'"},
    {"rules:\n  unused-parameter:\n    options: {max-count: ten}\n", 3, 26,
     "expected an integer, found 'ten'"},
    {"rules:\n  unused-parameter:\n    options: {max-count: 1.5}\n", 3, 26,
     "expected an integer, found '1.5'"},
    {"rules:\n  unused-parameter:\n    options:\n"
     "      public-functions: maybe\n", 4, 25,
     "expected true or false, found 'maybe'"},
    {"rules:\n  unused-parameter:\n    options: {style: [a]}\n", 3, 22,
     "expected a string, found a list"},
    {"rules:\n  unused-parameter:\n    options: {ignore-names: a}\n", 3,
     29, "expected a list of strings, found 'a'"},
    {"rules:\n  unused-parameter:\n    options: {ignore-names: }\n", 3, 29,
     "expected a list of strings, found nothing"},
    {"rules:\n  unused-parameter:\n    options: [a]\n", 3, 14,
     "expected a mapping of option names to values, found a list"},
    /* the document's shape */
    {"- a\n- b\n", 1, 1,
     "expected a mapping of settings (rules:, include:, ...) at the top "
     "level, found a list"},
    {"hello\n", 1, 1,
     "expected a mapping of settings (rules:, include:, ...) at the top "
     "level, found 'hello'"},
    {"rules: {}\nfail-on: note\nrules: {}\n", 3, 1,
     "duplicate key 'rules' (first at line 1, column 1)"},
    {"include: [a]\n---\ninclude: [b]\n", 2, 1,
     "expected one YAML document, found a second"},
    {"? [a]\n: b\n", 1, 3, "expected a key, found a list"},
    {"a: &x [1]\nb: *x\n", 2, 4,
     "aliases (*x) are not supported; write the value out"},
    {"include: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]"
     "]]]]]]]]]]]]]]]]]]]]]]]\n", 1, 41, "nesting deeper than 32 levels"},
    /* YAML syntax */
    {"rules: [a, b\n", 2, 1,
     "invalid YAML: did not find expected ',' or ']' (while parsing a flow "
     "sequence that started at line 1, column 8)"},
    {"rules:\n\tmissing-doc: false\n", 2, 1,
     "invalid YAML: found character that cannot start any token (while "
     "scanning for the next token that started at line 2, column 1)"},
    {"include: [\"a\x01\"]\n", 1, 13,
     "invalid YAML: control characters are not allowed"},
};

static void test_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(ERROR_CASES) / sizeof(ERROR_CASES[0]);
         i++) {
        const error_case *c = &ERROR_CASES[i];
        pt_config_error error;
        pt_config *config = load_text(c->text, &error);
        if (config != NULL) {
            pt_config_free(config);
            fail_msg("case %zu loaded: %s", i, c->text);
        }
        if (error.line != c->line || error.col != c->col ||
            strcmp(error.message, c->message) != 0 ||
            strcmp(error.file, tmp_path) != 0) {
            fail_msg("case %zu: got %u:%u: %s", i, error.line, error.col,
                     error.message);
        }
    }
}

static void test_billion_laughs(void **state)
{
    (void)state;
    pt_config_error error;
    const char *path = PTLINT_CONFIG_FIXTURES "/billion_laughs.yaml";
    assert_null(pt_config_load(path, RULES, &error));
    assert_string_equal(error.file, path);
    assert_int_equal(error.line, 2);
    assert_int_equal(error.col, 8);
    assert_string_equal(error.message,
                        "aliases (*a) are not supported; write the value "
                        "out");
}

static void test_unreadable(void **state)
{
    (void)state;
    pt_config_error error;
    assert_null(pt_config_load("/nonexistent/.ptlint.yaml", RULES, &error));
    assert_string_equal(error.file, "/nonexistent/.ptlint.yaml");
    assert_int_equal(error.line, 0);
    assert_string_equal(error.message,
                        "cannot read: No such file or directory");
    assert_null(pt_config_load(tmp_dir, RULES, &error));
    assert_string_equal(error.message, "cannot read: Is a directory");
    assert_null(pt_config_load("/nonexistent", RULES, NULL));
}

static void test_size_limit(void **state)
{
    (void)state;
    size_t size = CFG_MAX_BYTES;
    char *text = malloc(size + 1);
    assert_non_null(text);
    memset(text, '#', size);
    text[size - 1] = '\n';
    pt_config_error error;
    const char *path = write_file("big.yaml", text, size);
    pt_config *config = pt_config_load(path, RULES, &error);
    assert_non_null(config);        /* exactly 1 MiB: accepted */
    pt_config_free(config);
    text[size - 1] = '#';
    text[size] = '\n';
    path = write_file("big.yaml", text, size + 1);
    assert_null(pt_config_load(path, RULES, &error));
    assert_int_equal(error.line, 0);
    assert_string_equal(error.message,
                        "file is larger than 1 MiB; a configuration file "
                        "is limited to 1 MiB");
    free(text);
}

static void test_null_sections_and_ignored_keys(void **state)
{
    (void)state;
    pt_config_error error;
    pt_config *config = load_text(
        "rules:\ninclude:\nexclude: []\nvocabulary:\n  allocators:\n"
        "overrides:\nfail-on: never\ncustom-rules: [{id: x}]\n"
        "plugins: [a.so]\n", &error);
    if (config == NULL) {
        fail_msg("%u:%u: %s", error.line, error.col, error.message);
    }
    assert_int_equal(config->fail_on, CFG_FAIL_NEVER);
    assert_false(pt_config_path_excluded(config, "x.c"));
    pt_config_free(config);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_default_vocabulary),
        cmocka_unit_test(test_empty_files),
        cmocka_unit_test(test_init_text_loads),
        cmocka_unit_test(test_full_settings),
        cmocka_unit_test(test_full_vocabulary_added),
        cmocka_unit_test(test_overrides_in_order),
        cmocka_unit_test(test_paths_relative_to_cwd),
        cmocka_unit_test(test_path_excluded),
        cmocka_unit_test(test_globs),
        cmocka_unit_test(test_suggest),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_billion_laughs),
        cmocka_unit_test(test_unreadable),
        cmocka_unit_test(test_size_limit),
        cmocka_unit_test(test_null_sections_and_ignored_keys),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
