/*
 * lint.h: OKR coaching: the pitfalls that make OKRs fail, found in one
 * evaluated cycle (okrdesk lint, and later the pages and the JSON API).
 *
 * lint_run() reads a cycle_eval (okr/eval.h), so it sees exactly what
 * status shows, and applies the rules of lint_rules[] (one stable code
 * each; docs/coaching.md explains every rule, its severity and why).
 * The rules on a KPI's history (implausible-target, sample-too-small)
 * also need the support data: a KPI snapshot the caller has (the
 * server's shared one, or one the CLI loads when lint_wants_snap says a
 * key result needs it).  Without one those two rules are skipped.
 *
 * Every finding names its object (entity and reference), says what is
 * wrong with the numbers in one line and what to do in another, and
 * carries those numbers as named data for the JSON.
 *
 * Ownership: findings, their texts and data live in the arena given to
 * lint_run and die with it; the JSON returned by lint_document is the
 * caller's (json_decref).  The snapshot is borrowed.
 */
#ifndef OKR_LINT_H
#define OKR_LINT_H

#include <stddef.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/err.h"
#include "kpi/snapshot.h"
#include "okr/eval.h"
#include "okr/okr.h"

enum lint_severity { LINT_ERROR, LINT_WARNING, LINT_INFO, LINT_SEVERITY__MAX };

/* The rules, in the order findings of one severity are listed. */
enum lint_rule {
	LINT_NO_KEY_RESULTS,
	LINT_KR_NO_TARGET,
	LINT_TOO_MANY_OBJECTIVES,
	LINT_TOO_MANY_KRS,
	LINT_KR_NO_BASELINE,
	LINT_KR_NO_UNIT,
	LINT_KR_IS_A_TASK,
	LINT_KPI_NOT_OKR,
	LINT_NO_QUALITY_GUARDRAIL,
	LINT_IMPLAUSIBLE_TARGET,
	LINT_SAMPLE_TOO_SMALL,
	LINT_TOO_MANY_KPIS,
	LINT_UNALIGNED,
	LINT_RULE__MAX
};

/* What each rule finds is said once, in 'okrdesk lint --help'. */
struct lint_rule_def {
	const char		*code;		/* "no-key-results" */
	enum lint_severity	 sev;
};

/* Indexed by enum lint_rule. */
extern const struct lint_rule_def lint_rules[LINT_RULE__MAX];
/* "error", "warning", "info"; indexed by enum lint_severity. */
extern const char *const lint_severity_names[LINT_SEVERITY__MAX];

#define LINT_DATA_MAX	12

/* One number (text NULL) or one text of a finding, by name. */
struct lint_datum {
	const char	*name;
	double		 num;		/* NAN: null */
	const char	*text;
};

struct lint_finding {
	enum lint_rule		 rule;
	const char		*code;		/* lint_rules[rule].code */
	enum lint_severity	 sev;
	const char		*entity;	/* objective, kr, team, person */
	const char		*ref;		/* key, OBJ/KR, or a name */
	const char		*title;		/* the object's title or name */
	char			*message;	/* what is wrong, with numbers */
	char			*suggestion;	/* what to do */
	struct lint_datum	 data[LINT_DATA_MAX];
	size_t			 ndata;
};

/*
 * Lint the evaluated cycle ce.  snap is the KPI data of the two rules on
 * a KPI's history; NULL skips those two rules (every other rule runs: a
 * caller whose snapshot failed still gets them).  Findings come sorted by
 * severity, then rule, then the order of their objects in ce.  The
 * limits are o->ws's max_objectives, max_krs and max_kpis.
 */
enum err_code	lint_run(struct okr *, const struct cycle_eval *ce,
		    const struct snap *snap, struct arena *,
		    struct lint_finding **, size_t *, struct err *);

/*
 * Would lint_run's KPI rules read snap for ce?  Only when the cycle has
 * not ended and a key result follows a KPI, increases or decreases, and
 * has a target and a current value short of it: a caller with no
 * snapshot at hand loads one (kpi_load) only then.
 */
int		lint_wants_snap(const struct cycle_eval *ce);

/* {cycle, findings: [{code, severity, entity, ref, title, message,
 * suggestion, data: {...}}...], counts: {error, warning, info, total}}:
 * the document of 'okrdesk lint --json'; NULL when out of memory. */
json_t		*lint_document(const struct cycle_eval *,
		    const struct lint_finding *, size_t);
/* How many findings of each severity (counts has LINT_SEVERITY__MAX). */
void		lint_count(const struct lint_finding *, size_t,
		    size_t counts[LINT_SEVERITY__MAX]);

#endif /* OKR_LINT_H */
