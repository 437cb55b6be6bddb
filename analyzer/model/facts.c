/*
 * facts.c - see facts.h.
 */
#include "model/facts.h"

#include <stdlib.h>
#include <string.h>

static const char rule_arrow[] = " :- ";
static const char literal_separator[] = " & ";

void pt_facts_add(pt_facts *facts, const char *fact)
{
    if (facts->len == facts->cap) {
        facts->cap = facts->cap ? facts->cap * 2 : 16;
        facts->items = realloc(facts->items, facts->cap * sizeof(char *));
        if (facts->items == NULL) {
            abort();
        }
    }
    facts->items[facts->len] = strdup(fact);
    if (facts->items[facts->len] == NULL) {
        abort();
    }
    facts->len++;
}

static int compare_facts(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void pt_facts_seal(pt_facts *facts)
{
    if (facts->len == 0) {
        return;
    }
    qsort(facts->items, facts->len, sizeof(char *), compare_facts);
    size_t kept = 1;
    for (size_t i = 1; i < facts->len; i++) {
        if (strcmp(facts->items[i], facts->items[kept - 1]) == 0) {
            free(facts->items[i]);
        } else {
            facts->items[kept++] = facts->items[i];
        }
    }
    facts->len = kept;
}

bool pt_facts_has(const pt_facts *facts, const char *fact)
{
    return facts->len > 0 &&
           bsearch(&fact, facts->items, facts->len, sizeof(char *),
                   compare_facts) != NULL;
}

void pt_facts_free(pt_facts *facts)
{
    for (size_t i = 0; i < facts->len; i++) {
        free(facts->items[i]);
    }
    free(facts->items);
    facts->items = NULL;
    facts->len = facts->cap = 0;
}

size_t pt_facts_prefixed(const pt_facts *facts, const char *prefix,
                         size_t *first)
{
    size_t len = strlen(prefix);
    size_t lo = 0;
    size_t hi = facts->len;
    while (lo < hi) {           /* the first fact not before the prefix */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(facts->items[mid], prefix) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    size_t end = lo;
    while (end < facts->len && strncmp(facts->items[end], prefix, len) == 0) {
        end++;
    }
    *first = lo;
    return end - lo;
}

size_t pt_fact_io_ask(const pt_fact_io *io, const char *prefix,
                      const char *const **answers)
{
    *answers = NULL;
    if (io == NULL) {
        return 0;
    }
    if (io->stated != NULL) {
        size_t len = strlen(prefix);
        char *want = malloc(sizeof(PT_FACT_WANT) + len);
        if (want == NULL) {
            abort();
        }
        memcpy(want, PT_FACT_WANT, sizeof(PT_FACT_WANT) - 1);
        memcpy(want + sizeof(PT_FACT_WANT) - 1, prefix, len + 1);
        const pt_facts *stated = io->stated;
        bool repeated = stated->len > 0 &&
                        strcmp(stated->items[stated->len - 1], want) == 0;
        if (!repeated) {
            pt_facts_add(io->stated, want);
        }
        free(want);
    }
    if (io->known == NULL) {
        return 0;
    }
    size_t first = 0;
    size_t count = pt_facts_prefixed(io->known, prefix, &first);
    *answers = (const char *const *)io->known->items + first;
    return count;
}

/* True when the literal text[0..len) holds; "!" negates. */
static bool literal_holds(const pt_facts *facts, const char *text, size_t len,
                          bool allow_negation)
{
    bool negated = len > 0 && text[0] == '!';
    if (negated) {
        if (!allow_negation) {
            return false;
        }
        text++;
        len--;
    }
    char *fact = strndup(text, len);
    if (fact == NULL) {
        abort();
    }
    bool present = pt_facts_has(facts, fact);
    free(fact);
    return present != negated;
}

static bool conjunction_holds(const pt_facts *facts, const char *condition,
                              bool allow_negation)
{
    const char *at = condition;
    for (;;) {
        const char *end = strstr(at, literal_separator);
        size_t len = end != NULL ? (size_t)(end - at) : strlen(at);
        if (!literal_holds(facts, at, len, allow_negation)) {
            return false;
        }
        if (end == NULL) {
            return true;
        }
        at = end + strlen(literal_separator);
    }
}

bool pt_facts_condition(const pt_facts *facts, const char *condition)
{
    return conjunction_holds(facts, condition, true);
}

/* One "HEAD :- BODY" rule, pointing into its fact string. */
typedef struct fact_rule {
    char *text;                 /* owned: "HEAD\0BODY" after splitting */
    const char *body;
    bool fired;
} fact_rule;

/* Moves the rules out of `facts` into a new array; sets *count. */
static fact_rule *take_rules(pt_facts *facts, size_t *count)
{
    fact_rule *rules = NULL;
    size_t nrules = 0;
    size_t kept = 0;
    for (size_t i = 0; i < facts->len; i++) {
        char *arrow = strstr(facts->items[i], rule_arrow);
        if (arrow == NULL) {
            facts->items[kept++] = facts->items[i];
            continue;
        }
        fact_rule *grown = realloc(rules, (nrules + 1) * sizeof(*rules));
        if (grown == NULL) {
            abort();
        }
        rules = grown;
        *arrow = '\0';
        rules[nrules++] = (fact_rule){facts->items[i],
                                      arrow + strlen(rule_arrow), false};
    }
    facts->len = kept;
    *count = nrules;
    return rules;
}

void pt_facts_solve(pt_facts *facts)
{
    size_t nrules = 0;
    fact_rule *rules = take_rules(facts, &nrules);
    pt_facts_seal(facts);
    /* Each round fires at least one rule or stops: at most nrules + 1
       rounds, in practice the depth of the longest chain of calls. */
    bool changed = nrules > 0;
    while (changed) {
        pt_facts fresh = {0};
        for (size_t i = 0; i < nrules; i++) {
            if (!rules[i].fired &&
                conjunction_holds(facts, rules[i].body, false)) {
                rules[i].fired = true;
                pt_facts_add(&fresh, rules[i].text);
            }
        }
        changed = fresh.len > 0;
        for (size_t i = 0; i < fresh.len; i++) {
            pt_facts_add(facts, fresh.items[i]);
        }
        pt_facts_free(&fresh);
        pt_facts_seal(facts);
    }
    for (size_t i = 0; i < nrules; i++) {
        free(rules[i].text);
    }
    free(rules);
}
