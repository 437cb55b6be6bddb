/*
 * rule_ctx.h - what a rule sees of the engine while it checks one unit.
 */
#ifndef PTLINT_ENGINE_RULE_CTX_H
#define PTLINT_ENGINE_RULE_CTX_H

#include "config/config.h"
#include "model/finding.h"
#include "ptlint/rule.h"

/* One rule's view of one unit, made by the engine for each check_unit. */
struct pt_rule_ctx {
    const pt_rule *rule;
    const pt_unit *unit;
    const pt_config *config;
    const pt_run *run;
    pt_severity severity;       /* effective severity for this file */
    bool severity_configured;   /* set by the user: overrides the rule's */
    pt_findings *sink;          /* where findings go */
    pt_facts *facts;            /* where cross-file facts go */
    const pt_facts *known;      /* the run's facts, NULL in round one */
    const char *const *overrides; /* "rule:option=value" from the caller */
    size_t noverrides;
};

/* Makes a finding owned by nobody yet; the caller pushes it. */
pt_finding *pt_finding_new(const pt_rule *rule, pt_severity severity,
                           const pt_unit *unit, pt_loc loc,
                           const char *message);

#endif
