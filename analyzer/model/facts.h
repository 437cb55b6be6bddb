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

void pt_facts_free(pt_facts *facts);

#endif
