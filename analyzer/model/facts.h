/*
 * facts.h - what the files of a run state about themselves, and the
 * cross-file summaries derived from it.
 *
 * A fact is a string ("null:pt_tree_find", "doc:pt_tree_new").  A unit
 * may also state a rule, "HEAD :- BODY": HEAD holds whenever every fact
 * of BODY ("a & b") holds.  That is how a function summary crosses
 * files: "null:f :- null:g" says f may return NULL if g, defined in some
 * other file of the run, may.  pt_facts_solve() derives every head to a
 * fixed point once all files are in; findings then test a condition, a
 * conjunction of facts and negated facts ("defined:f & !null:f").
 */
#ifndef PTLINT_MODEL_FACTS_H
#define PTLINT_MODEL_FACTS_H

#include <stdbool.h>
#include <stddef.h>

/* A list of owned fact strings; zero-initialised is empty. */
typedef struct pt_facts {
    char **items;
    size_t len;
    size_t cap;
} pt_facts;

/* Adds a copy of `fact` (or of a rule).  Aborts when out of memory. */
void pt_facts_add(pt_facts *facts, const char *fact);

/* Sorts and removes duplicates, so pt_facts_has can search. */
void pt_facts_seal(pt_facts *facts);

/* True when the sealed list holds `fact`. */
bool pt_facts_has(const pt_facts *facts, const char *fact);

/*
 * Takes the rules out of the list, adds the head of every rule whose body
 * holds until nothing changes, and seals the list.  Rule bodies are
 * positive; a "!" literal in a body never holds.
 */
void pt_facts_solve(pt_facts *facts);

/* True when every literal of `condition` holds in the sealed list: "x"
   when x is a fact, "!x" when it is not.  Literals are split by " & ". */
bool pt_facts_condition(const pt_facts *facts, const char *condition);

/* Frees every fact and the list; the list is empty after. */
void pt_facts_free(pt_facts *facts);

/* How many facts of the sealed list start with `prefix`; *first is the
   index of the first of them. */
size_t pt_facts_prefixed(const pt_facts *facts, const char *prefix,
                         size_t *first);

/*
 * What one file's analysis reads from the run and adds to it.  `known`
 * holds what the run knew after its previous round, or is NULL in the
 * first.  A question is recorded in `stated` as "#want:PREFIX", so the
 * engine knows to analyse the file again once the run can answer it.
 */
typedef struct pt_fact_io {
    const pt_facts *known;
    pt_facts *stated;
} pt_fact_io;

/* The prefix that marks a question among a file's stated facts. */
#define PT_FACT_WANT "#want:"

/* The known facts that start with `prefix`; records the question.  Sets
   *answers to the first of *count strings owned by `known`. */
size_t pt_fact_io_ask(const pt_fact_io *io, const char *prefix,
                      const char *const **answers);

#endif
