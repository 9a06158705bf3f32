/*
 * lint_int.h: what the lint passes share (okr/lint*.c only): the findings
 * being built, the helpers that add them, and the rules on a KPI's
 * history (lint_kpi.c).
 *
 * lint_run fills a struct lint_ctx once: the evaluated cycle, the
 * snapshot (NULL: the KPI rules are skipped) and the workspace's
 * business-hours schedule, read from the store once for every KPI query
 * of the run.
 *
 * Ownership: everything in a lint_ctx is borrowed from lint_run's caller,
 * or lives in its arena.
 */
#ifndef OKR_LINT_INT_H
#define OKR_LINT_INT_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "kpi/kpi.h"
#include "kpi/snapshot.h"
#include "okr/eval.h"
#include "okr/lint.h"
#include "okr/okr.h"

struct lint_ctx {
	struct okr		*o;
	const struct cycle_eval	*ce;
	const struct snap	*snap;	/* NULL: no KPI rules */
	const struct schedule	*sched;	/* NULL: the calendar clock */
	struct arena		*a;
	struct err		*e;
	struct lint_finding	*v;
	size_t			 n, cap;
};

/* A new finding of rule about an object; NULL when out of memory. */
struct lint_finding *lint_add(struct lint_ctx *, enum lint_rule,
		    const char *entity, const char *ref, const char *title);
/* Append a number or a text to f's data (ignored past LINT_DATA_MAX). */
void		lint_num(struct lint_finding *, const char *name, double);
void		lint_text(struct lint_finding *, const char *name,
		    const char *);
/* "OBJ/KR" of k in the arena; NULL when out of memory. */
const char	*lint_kr_ref(struct lint_ctx *, const struct kr *);
/* ERR_NOMEM in c->e. */
enum err_code	lint_nomem(struct lint_ctx *);
/* implausible-target and sample-too-small for one key result (c->snap
 * not NULL). */
enum err_code	lint_kpi_kr(struct lint_ctx *, const struct kr_eval *);

#endif /* OKR_LINT_INT_H */
