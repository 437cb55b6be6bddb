/*
 * test_report.c - every output format of analyzer/report: key content,
 * escaping, paths and URIs, and byte-for-byte golden snapshots.
 *
 * Golden files live in tests/golden/report/.  After an intended change of
 * output, rewrite them and review the diff:
 *
 *     UPDATE_GOLDEN=1 ./build/tests/unit/test_report
 *
 * `test_report --write FORMAT FILE` writes the sample findings in FORMAT
 * to FILE instead of testing; CTest uses it to feed sarif-validate and an
 * XML parser (tests/unit/report.cmake).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "report/report_util.h"

/* ---- fake rules ---- */

static const pt_rule RULE_LOCK = {
    .id = "lock-leak", .severity = PT_SEV_ERROR, .enabled = true,
    .summary = "A lock taken in a function is not released on every path.",
    .doc = "# lock-leak\n\n## What it does\nFinds locks left held.\n",
};
static const pt_rule RULE_UNUSED = {
    .id = "unused-parameter", .severity = PT_SEV_WARNING, .enabled = true,
    .summary = "A parameter is never read.",
};
static const pt_rule RULE_DOC = {
    .id = "missing-doc", .severity = PT_SEV_NOTE, .enabled = false,
    .summary = "A public function has no \"doc\" comment.",
};
static const pt_rule *const RULES[] = {&RULE_LOCK, &RULE_UNUSED, &RULE_DOC,
                                       NULL};

/* ---- building findings by hand ---- */

typedef struct finding_spec {
    const pt_rule *rule;
    pt_severity severity;
    const char *path;
    uint32_t line;
    uint32_t col;
    const char *message;
    const char *function;       /* or NULL */
    const char *line_text;      /* or NULL */
    const char *fingerprint;
} finding_spec;

/* strdup() that fails the test instead of returning NULL; NULL stays. */
static char *dup(const char *text)
{
    if (text == NULL) {
        return NULL;
    }
    char *copy = strdup(text);
    assert_non_null(copy);
    return copy;
}

/* A heap finding as the engine would make it from `spec`. */
static pt_finding *make_finding(const finding_spec *spec)
{
    pt_finding *finding = calloc(1, sizeof(*finding));
    assert_non_null(finding);
    finding->rule = spec->rule;
    finding->severity = spec->severity;
    finding->path = dup(spec->path);
    finding->loc = (pt_loc){spec->line, spec->col, 0};
    finding->message = dup(spec->message);
    finding->function = dup(spec->function);
    finding->line_text = dup(spec->line_text);
    snprintf(finding->fingerprint, sizeof(finding->fingerprint), "%s",
             spec->fingerprint);
    return finding;
}

/* Appends an evidence step to `finding`. */
static void add_step(pt_finding *finding, uint32_t line, uint32_t col,
                     const char *message)
{
    pt_step *steps = realloc(finding->steps,
                             (finding->nsteps + 1) * sizeof(*steps));
    assert_non_null(steps);
    steps[finding->nsteps].loc = (pt_loc){line, col, 0};
    steps[finding->nsteps].message = dup(message);
    finding->steps = steps;
    finding->nsteps++;
}

/*
 * The fixed sample of the golden files: an error with two steps and
 * tabs in its line, a warning, and a note whose path and message need
 * escaping in every format.
 */
static void sample_findings(pt_findings *list)
{
    static const finding_spec SPECS[] = {
        {&RULE_DOC, PT_SEV_NOTE, "src/dir with space/util,x:1.c", 1, 1,
         "function 'helper' has no doc: 100% <odd> & \"quoted\"", NULL,
         "int helper(void) {", "00000000000000c3"},
        {&RULE_LOCK, PT_SEV_ERROR, "./src/core.c", 12, 3,
         "lock 'tree->lock' is not released on this path",
         "provider_update", "\t\treturn -1;\n", "0123456789abcdef"},
        {&RULE_UNUSED, PT_SEV_WARNING, "./src/core.c", 20, 24,
         "parameter 'flags' is never read", "provider_free",
         "void provider_free(int flags)", "fedcba9876543210"},
    };
    for (size_t i = 0; i < sizeof(SPECS) / sizeof(SPECS[0]); i++) {
        pt_findings_push(list, make_finding(&SPECS[i]));
    }
    add_step(list->items[1], 8, 5, "lock 'tree->lock' taken here");
    add_step(list->items[1], 11, 9, "this branch returns");
    pt_findings_sort(list);
}

/* The report settings of the sample. */
static pt_report_info sample_info(void)
{
    return (pt_report_info){
        .rules = RULES, .files = 4, .tool_version = "1.2.3-test",
    };
}

/* The sample rendered in `format`; the caller frees the buffer. */
static pt_buf render_sample(const char *format)
{
    pt_findings list = {0};
    sample_findings(&list);
    pt_report_info info = sample_info();
    pt_buf out = {0};
    assert_true(pt_report_write(format, &list, &info, &out));
    pt_findings_free(&list);
    return out;
}

/* ---- golden files ---- */

/* Contents of `path` (NUL-terminated, heap), or NULL when unreadable. */
static char *read_file(const char *path, size_t *len)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        return NULL;
    }
    pt_buf text = {0};
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof(chunk), file)) > 0) {
        pt_buf_append(&text, chunk, got);
    }
    fclose(file);
    *len = text.len;
    return text.data != NULL ? text.data : calloc(1, 1);
}

/* Writes `len` bytes of `text` to `path`; false on failure. */
static bool write_file(const char *path, const char *text, size_t len)
{
    FILE *file = fopen(path, "wb");
    if (file == NULL) {
        return false;
    }
    bool ok = fwrite(text, 1, len, file) == len;
    return fclose(file) == 0 && ok;
}

/* Prints the first line where `got` and `want` differ. */
static void print_first_difference(const char *got, const char *want)
{
    size_t line = 1;
    size_t start = 0;
    size_t i = 0;
    for (; got[i] != '\0' && got[i] == want[i]; i++) {
        if (got[i] == '\n') {
            line++;
            start = i + 1;
        }
    }
    print_error("first difference at line %zu:\n  got:  %.*s\n  want: %.*s\n",
                line, (int)strcspn(got + start, "\n"), got + start,
                (int)strcspn(want + start, "\n"), want + start);
}

/*
 * Compares the sample in `format` with tests/golden/report/<name>
 * byte for byte; with UPDATE_GOLDEN=1 in the environment, rewrites it.
 */
static void check_golden(const char *format, const char *name)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/%s", PTLINT_REPORT_GOLDEN, name);
    pt_buf got = render_sample(format);
    const char *update = getenv("UPDATE_GOLDEN");
    if (update != NULL && strcmp(update, "1") == 0) {
        assert_true(write_file(path, pt_buf_str(&got), got.len));
        pt_buf_free(&got);
        return;
    }
    size_t len = 0;
    char *want = read_file(path, &len);
    if (want == NULL) {
        print_error("%s missing: run with UPDATE_GOLDEN=1\n", path);
        fail();
    }
    if (len != got.len || memcmp(want, pt_buf_str(&got), len) != 0) {
        print_error("%s differs (UPDATE_GOLDEN=1 rewrites it)\n", path);
        print_first_difference(pt_buf_str(&got), want);
        fail();
    }
    free(want);
    pt_buf_free(&got);
}

static void test_golden_text(void **state)
{
    (void)state;
    check_golden("text", "sample.txt");
}

static void test_golden_json(void **state)
{
    (void)state;
    check_golden("json", "sample.json");
}

static void test_golden_sarif(void **state)
{
    (void)state;
    check_golden("sarif", "sample.sarif");
}

static void test_golden_junit(void **state)
{
    (void)state;
    check_golden("junit", "sample.junit.xml");
}

static void test_golden_github(void **state)
{
    (void)state;
    check_golden("github", "sample.github.txt");
}

static void test_golden_gitlab(void **state)
{
    (void)state;
    check_golden("gitlab", "sample.gitlab.json");
}

/* ---- dispatch ---- */

static void test_format_known(void **state)
{
    (void)state;
    static const char *const KNOWN[] = {"text", "json", "sarif",
                                        "junit", "github", "gitlab"};
    for (size_t i = 0; i < sizeof(KNOWN) / sizeof(KNOWN[0]); i++) {
        assert_true(pt_report_format_known(KNOWN[i]));
    }
    assert_false(pt_report_format_known("html"));
    assert_false(pt_report_format_known("TEXT"));
    assert_false(pt_report_format_known(""));
    assert_false(pt_report_format_known(NULL));
}

static void test_unknown_format_writes_nothing(void **state)
{
    (void)state;
    pt_findings list = {0};
    sample_findings(&list);
    pt_report_info info = sample_info();
    pt_buf out = {0};
    assert_false(pt_report_write("xml", &list, &info, &out));
    assert_int_equal(out.len, 0);
    pt_findings_free(&list);
}

/* ---- text ---- */

/* The text rendering of `list` with `files` analysed and `color`. */
static pt_buf render_text(const pt_findings *list, size_t files, bool color)
{
    pt_report_info info = sample_info();
    info.files = files;
    info.color = color;
    pt_buf out = {0};
    assert_true(pt_report_write("text", list, &info, &out));
    return out;
}

static void test_text_empty_is_one_summary_line(void **state)
{
    (void)state;
    pt_findings list = {0};
    pt_buf out = render_text(&list, 3, false);
    assert_string_equal(pt_buf_str(&out), "No findings in 3 files.\n");
    pt_buf_clear(&out);
    pt_buf one = render_text(&list, 1, true);
    assert_string_equal(pt_buf_str(&one), "No findings in 1 file.\n");
    pt_buf_free(&out);
    pt_buf_free(&one);
}

static void test_text_heading_caret_steps(void **state)
{
    (void)state;
    pt_buf out = render_sample("text");
    const char *text = pt_buf_str(&out);
    assert_non_null(strstr(text,
        "./src/core.c:12:3: error: lock 'tree->lock' is not released on "
        "this path [lock-leak]\n\t\treturn -1;\n\t\t^\n"
        "  ./src/core.c:8:5: note: lock 'tree->lock' taken here\n"
        "  ./src/core.c:11:9: note: this branch returns\n"));
    assert_non_null(strstr(text, "void provider_free(int flags)\n"
                                 "                       ^\n"));
    assert_non_null(strstr(text, "3 findings (1 error, 1 warning, 1 note) "
                                 "in 4 files\n"));
    assert_null(strchr(text, '\033'));
    pt_buf_free(&out);
}

/* A one-finding list for `line_text` flagged at `col`. */
static void single_finding(pt_findings *list, const char *line_text,
                           uint32_t col)
{
    finding_spec spec = {&RULE_UNUSED, PT_SEV_WARNING, "a.c", 2, col,
                         "msg", NULL, line_text, "0000000000000001"};
    pt_findings_push(list, make_finding(&spec));
}

static void test_text_caret_utf8_and_past_end(void **state)
{
    (void)state;
    pt_findings list = {0};
    /* "é" is two bytes: byte column 9 is the 'x' after it. */
    single_finding(&list, "s = \"\xc3\xa9\"; x", 9);
    single_finding(&list, "ab", 40);
    single_finding(&list, "", 1);
    pt_findings_sort(&list);
    pt_buf out = render_text(&list, 1, false);
    const char *text = pt_buf_str(&out);
    assert_non_null(strstr(text, "s = \"\xc3\xa9\"; x\n       ^\n"));
    assert_non_null(strstr(text, "\nab\n   ^\n"));
    assert_non_null(strstr(text, "a.c:2:1: warning: msg [unused-parameter]"
                                 "\na.c:2:9:"));
    assert_non_null(strstr(text, "3 findings (0 errors, 3 warnings, 0 notes)"
                                 " in 1 file\n"));
    pt_buf_free(&out);
    pt_findings_free(&list);
}

static void test_text_color(void **state)
{
    (void)state;
    pt_findings list = {0};
    sample_findings(&list);
    pt_buf out = render_text(&list, 4, true);
    const char *text = pt_buf_str(&out);
    assert_non_null(strstr(text, "\033[1m./src/core.c:12:3:\033[0m "
                                 "\033[1;31merror:\033[0m lock"));
    assert_non_null(strstr(text, "\033[1;33mwarning:\033[0m"));
    assert_non_null(strstr(text, "\033[1;36mnote:\033[0m"));
    pt_buf_free(&out);
    pt_findings_free(&list);
}

/* ---- json, sarif, gitlab ---- */

static void test_json_fields(void **state)
{
    (void)state;
    pt_buf out = render_sample("json");
    const char *text = pt_buf_str(&out);
    assert_non_null(strstr(text, "\"version\": 1,"));
    assert_non_null(strstr(text, "\"toolVersion\": \"1.2.3-test\","));
    assert_non_null(strstr(text, "\"files\": 4,"));
    assert_non_null(strstr(text, "\"function\": null,"));
    assert_non_null(strstr(text, "\"steps\": []"));
    assert_non_null(strstr(text, "100% <odd> & \\\"quoted\\\""));
    pt_buf_free(&out);
}

static void test_json_empty(void **state)
{
    (void)state;
    pt_findings list = {0};
    pt_report_info info = sample_info();
    info.files = 0;
    pt_buf out = {0};
    assert_true(pt_report_write("json", &list, &info, &out));
    assert_string_equal(pt_buf_str(&out),
                        "{\n  \"version\": 1,\n  \"tool\": \"ptlint\",\n"
                        "  \"toolVersion\": \"1.2.3-test\",\n"
                        "  \"files\": 0,\n  \"findings\": []\n}\n");
    pt_buf_free(&out);
}

static void test_sarif_rules_and_results(void **state)
{
    (void)state;
    pt_buf out = render_sample("sarif");
    const char *text = pt_buf_str(&out);
    assert_non_null(strstr(text, "\"name\": \"LockLeak\""));
    assert_non_null(strstr(text, "\"name\": \"MissingDoc\""));
    assert_non_null(strstr(text,
        "\"helpUri\": \"https://github.com/ptlint/ptlint/blob/main/docs/"
        "rules/unused-parameter.md\""));
    assert_non_null(strstr(text, "\"uri\": \"src/core.c\""));
    assert_non_null(strstr(text,
        "\"uri\": \"src/dir%20with%20space/util%2Cx%3A1.c\""));
    assert_non_null(strstr(text, "\"ptlint/v1\": \"0123456789abcdef\""));
    assert_non_null(strstr(text, "\"ruleIndex\": 2,"));
    /* Only the finding with steps has a code flow. */
    const char *flow = strstr(text, "\"codeFlows\"");
    assert_non_null(flow);
    assert_null(strstr(flow + 1, "\"codeFlows\""));
    pt_buf_free(&out);
}

static void test_sarif_doc_base(void **state)
{
    (void)state;
    pt_findings list = {0};
    pt_report_info info = sample_info();
    info.doc_base_uri = "https://example.org/rules/";
    pt_buf out = {0};
    assert_true(pt_report_write("sarif", &list, &info, &out));
    assert_non_null(strstr(pt_buf_str(&out),
        "\"helpUri\": \"https://example.org/rules/missing-doc.md\""));
    assert_non_null(strstr(pt_buf_str(&out), "\"results\": []"));
    pt_buf_free(&out);
}

static void test_gitlab_severities(void **state)
{
    (void)state;
    pt_buf out = render_sample("gitlab");
    const char *text = pt_buf_str(&out);
    assert_non_null(strstr(text, "\"severity\": \"critical\""));
    assert_non_null(strstr(text, "\"severity\": \"major\""));
    assert_non_null(strstr(text, "\"severity\": \"minor\""));
    assert_non_null(strstr(text, "\"path\": \"src/core.c\""));
    assert_non_null(strstr(text, "\"fingerprint\": \"fedcba9876543210\""));
    pt_buf_free(&out);
}

/* ---- junit, github ---- */

static void test_junit_clean_run(void **state)
{
    (void)state;
    pt_findings list = {0};
    pt_report_info info = sample_info();
    pt_buf out = {0};
    assert_true(pt_report_write("junit", &list, &info, &out));
    const char *text = pt_buf_str(&out);
    assert_non_null(strstr(text, "<testsuite name=\"ptlint\" tests=\"1\" "
                                 "failures=\"0\""));
    assert_non_null(strstr(text, "<testcase name=\"ptlint\""));
    assert_null(strstr(text, "<failure"));
    pt_buf_free(&out);
}

static void test_junit_suites_per_file(void **state)
{
    (void)state;
    pt_buf out = render_sample("junit");
    const char *text = pt_buf_str(&out);
    assert_non_null(strstr(text, "<testsuite name=\"./src/core.c\" "
                                 "tests=\"2\" failures=\"2\""));
    assert_non_null(strstr(text, "<testcase name=\"lock-leak 12:3\" "
                                 "classname=\"./src/core.c\">"));
    assert_non_null(strstr(text, "100% &lt;odd&gt; &amp; &quot;quoted"));
    pt_buf_free(&out);
}

static void test_github_commands(void **state)
{
    (void)state;
    pt_findings list = {0};
    finding_spec spec = {&RULE_LOCK, PT_SEV_ERROR, "./a,b:c.c", 3, 7,
                         "50% done\r\nnext", NULL, NULL, "0"};
    pt_findings_push(&list, make_finding(&spec));
    pt_report_info info = sample_info();
    pt_buf out = {0};
    assert_true(pt_report_write("github", &list, &info, &out));
    assert_string_equal(pt_buf_str(&out),
                        "::error file=a%2Cb%3Ac.c,line=3,col=7,"
                        "title=lock-leak::50%25 done%0D%0Anext\n");
    pt_buf_free(&out);
    pt_findings_free(&list);
    out = render_sample("github");
    assert_non_null(strstr(pt_buf_str(&out), "::warning file=src/core.c,"));
    assert_non_null(strstr(pt_buf_str(&out), "::notice file="));
    pt_buf_free(&out);
}

/* ---- paths and URIs ---- */

/* pt_report__path_uri(path, cwd) as a string compared with `want`. */
static void check_uri(const char *path, const char *cwd, const char *want)
{
    pt_buf out = {0};
    pt_report__path_uri(&out, path, cwd);
    assert_string_equal(pt_buf_str(&out), want);
    pt_buf_free(&out);
}

static void test_uris(void **state)
{
    (void)state;
    check_uri("./a b.c", NULL, "a%20b.c");
    check_uri("././src//x.c", NULL, "src/x.c");
    check_uri("src\\win.c", NULL, "src/win.c");
    check_uri("/home/u/proj/src/x.c", "/home/u/proj", "src/x.c");
    check_uri("/home/u/proj/src/x.c", "/home/u/proj/", "src/x.c");
    check_uri("/home/u/projx/a.c", "/home/u/proj", "file:///home/u/projx/a.c");
    check_uri("/etc/x.c", "/", "etc/x.c");
    check_uri("/other/x y.c", "/home", "file:///other/x%20y.c");
    check_uri("../up/x.c", "/home", "../up/x.c");
    check_uri("100%#?.c", NULL, "100%25%23%3F.c");
    check_uri("caf\xc3\xa9.py", NULL, "caf%C3%A9.py");
    pt_buf rel = {0};
    pt_report__relative_path(&rel, "./dir with space/a.c", NULL);
    assert_string_equal(pt_buf_str(&rel), "dir with space/a.c");
    pt_buf_free(&rel);
}

/* ---- --write mode ---- */

/* Writes the sample in `format` to `path`; the exit status. */
static int write_sample(const char *format, const char *path)
{
    pt_findings list = {0};
    sample_findings(&list);
    pt_report_info info = sample_info();
    pt_buf out = {0};
    bool ok = pt_report_write(format, &list, &info, &out) &&
              write_file(path, pt_buf_str(&out), out.len);
    pt_buf_free(&out);
    pt_findings_free(&list);
    if (!ok) {
        fprintf(stderr, "test_report: cannot write %s as %s\n", path, format);
    }
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--write") == 0) {
        return write_sample(argv[2], argv[3]);
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_text),
        cmocka_unit_test(test_golden_json),
        cmocka_unit_test(test_golden_sarif),
        cmocka_unit_test(test_golden_junit),
        cmocka_unit_test(test_golden_github),
        cmocka_unit_test(test_golden_gitlab),
        cmocka_unit_test(test_format_known),
        cmocka_unit_test(test_unknown_format_writes_nothing),
        cmocka_unit_test(test_text_empty_is_one_summary_line),
        cmocka_unit_test(test_text_heading_caret_steps),
        cmocka_unit_test(test_text_caret_utf8_and_past_end),
        cmocka_unit_test(test_text_color),
        cmocka_unit_test(test_json_fields),
        cmocka_unit_test(test_json_empty),
        cmocka_unit_test(test_sarif_rules_and_results),
        cmocka_unit_test(test_sarif_doc_base),
        cmocka_unit_test(test_gitlab_severities),
        cmocka_unit_test(test_junit_clean_run),
        cmocka_unit_test(test_junit_suites_per_file),
        cmocka_unit_test(test_github_commands),
        cmocka_unit_test(test_uris),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
