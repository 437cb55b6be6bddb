/*
 * fingerprint.h - finding identities that survive unrelated edits.
 *
 * Recipe (docs/integration.md): FNV-1a 64 over the rule id, the path,
 * the enclosing function's name, the flagged line's text with white space
 * removed, and the finding's index among findings with that same key.
 */
#ifndef PTLINT_ENGINE_FINGERPRINT_H
#define PTLINT_ENGINE_FINGERPRINT_H

#include "model/finding.h"

/* Sets the fingerprint of every finding; the list must be sorted. */
void pt_fingerprint_all(pt_findings *findings);

#endif
