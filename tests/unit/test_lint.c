/*
 * test_lint.c: the coaching rules of okr/lint.h, as cmocka
 * specifications: for every rule a workspace that triggers it and one
 * that does not, and the numbers of the two rules on a KPI's data worked
 * out by hand.
 *
 * The workspace is okr_test.h's (UTC; Support, with Tier 1 under it; Ana
 * in Tier 1; cycle 2026-Q4, 2026-10-01 to 2026-12-31; objective "nps"
 * owned by Tier 1 with no key result), evaluated at 2026-10-15T12:00:00Z.
 * Survey data is built in memory with kpi_test.h's fixture lines and given
 * both to kpilink_sync (which records the key results' weekly points) and
 * to lint_run.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli/cli.h"
#include "okr/eval.h"
#include "okr/kpilink.h"
#include "okr/lint.h"
#include "okr/okr.h"
#include "okr_test.h"
#include "kpi_test.h"

/* ---- helpers ------------------------------------------------------- */

struct run {
	struct cycle_eval	 ce;
	struct lint_finding	*v;
	size_t			 n;
};

/* Lint 2026-Q4 at NOW; snap may be NULL. */
static void
lint(struct fx *f, const struct snap *snap, struct run *r)
{
	assert_ok(f, eval_cycle(f->o, NULL, NOW, &f->a, &r->ce, &f->e));
	assert_ok(f, lint_run(f->o, &r->ce, snap, &f->a, &r->v, &r->n,
	    &f->e));
}

/* The finding with code about ref, or NULL. */
static const struct lint_finding *
find(const struct run *r, const char *code, const char *ref)
{
	size_t	 i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i].code, code) == 0 &&
		    strcmp(r->v[i].ref, ref) == 0)
			return &r->v[i];
	return NULL;
}

static size_t
count(const struct run *r, const char *code)
{
	size_t	 i, n = 0;

	for (i = 0; i < r->n; i++)
		n += strcmp(r->v[i].code, code) == 0;
	return n;
}

/* The number called name in a finding's data (NAN if absent). */
static double
datum(const struct lint_finding *x, const char *name)
{
	size_t	 i;

	for (i = 0; i < x->ndata; i++)
		if (strcmp(x->data[i].name, name) == 0)
			return x->data[i].num;
	return NAN;
}

#define NEAR_TO(a, b, tol)	assert_true(fabs((a) - (b)) < (tol))

/* A key result with every field the rules read. */
static enum err_code
kr(struct fx *f, const char *obj, const char *key, const char *title,
    int kind, const char *unit, double b, double t, double lo, double hi)
{
	struct kr	 k;

	kr_init(&k, obj, key);
	k.title = (char *)title;
	k.kind = kind;
	k.unit = (char *)unit;
	k.baseline = b;
	k.target = t;
	k.low = lo;
	k.high = hi;
	return kr_add(f->o, &k, &f->e);
}

/* A key result fed by a KPI. */
static enum err_code
kpi_kr(struct fx *f, const char *obj, const char *key, const char *title,
    int kind, const char *unit, double b, double t, const char *kpi,
    const char *kpi_baseline)
{
	struct kr	 k;

	kr_init(&k, obj, key);
	k.title = (char *)title;
	k.kind = kind;
	k.unit = (char *)unit;
	k.baseline = b;
	k.target = t;
	k.kpi = (char *)kpi;
	k.kpi_baseline = (char *)kpi_baseline;
	return kr_add(f->o, &k, &f->e);
}

/* A good key result: baseline, target, unit, a number in its title. */
static enum err_code
good_kr(struct fx *f, const char *obj, const char *key)
{
	return kr(f, obj, key, "NPS from 20 to 40", KR_INCREASE, "NPS", 20,
	    40, NAN, NAN);
}

/* n CSAT responses on day (YYYY-MM-DD) at 10:00Z, sat of them satisfied. */
static void
csat_day(struct snap *s, const char *day, int n, int sat)
{
	char	 line[200];
	int	 i;

	for (i = 0; i < n; i++) {
		snprintf(line, sizeof(line), "kind=csat scale_min=1 "
		    "scale_max=5 score=%d sent_at=%sT09:00:00Z "
		    "responded_at=%sT10:00:00Z team=Tier", i < sat ? 5 : 2,
		    day, day);
		fx(s, DS_SURVEYS, line);
	}
}

/* n NPS responses on day: prom promoters (10), det detractors (3). */
static void
nps_day(struct snap *s, const char *day, int n, int prom, int det)
{
	char	 line[200];
	int	 i;

	for (i = 0; i < n; i++) {
		snprintf(line, sizeof(line), "kind=nps scale_min=0 "
		    "scale_max=10 score=%d sent_at=%sT09:00:00Z "
		    "responded_at=%sT10:00:00Z", i < prom ? 10 :
		    i < prom + det ? 3 : 8, day, day);
		fx(s, DS_SURVEYS, line);
	}
}

static void
sync(struct fx *f, const struct snap *s)
{
	assert_ok(f, kpilink_sync(f->o, s, NULL, NULL, NULL, &f->e));
}

/* ---- structure ----------------------------------------------------- */

static void
test_lint_objective_without_key_results_is_an_error(void **state)
{
	struct fx			*f = *state;
	const struct lint_finding	*x;
	struct run			 r;

	lint(f, NULL, &r);
	assert_non_null(x = find(&r, "no-key-results", "nps"));
	assert_int_equal(x->sev, LINT_ERROR);
	assert_string_equal(x->entity, "objective");
	assert_string_equal(x->title, "An objective");
	/* errors come first */
	assert_string_equal(r.v[0].code, "no-key-results");

	assert_ok(f, good_kr(f, "nps", "score"));
	lint(f, NULL, &r);
	assert_null(find(&r, "no-key-results", "nps"));
}

static void
test_lint_objective_with_more_krs_than_max_krs(void **state)
{
	struct fx			*f = *state;
	const struct lint_finding	*x;
	struct workspace		 ws;
	struct run			 r;
	char				 key[8];
	int				 i;

	for (i = 0; i < 5; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		assert_ok(f, good_kr(f, "nps", key));
	}
	lint(f, NULL, &r);
	/* 5 is the default limit: at it is fine */
	assert_int_equal(count(&r, "too-many-krs"), 0);
	assert_ok(f, good_kr(f, "nps", "k5"));
	lint(f, NULL, &r);
	assert_non_null(x = find(&r, "too-many-krs", "nps"));
	assert_int_equal(x->sev, LINT_WARNING);
	NEAR(datum(x, "key_results"), 6);
	NEAR(datum(x, "limit"), 5);
	assert_non_null(strstr(x->message, "6 key results"));
	/* the limit is the workspace's */
	ws = f->o->ws;
	ws.max_krs = 6;
	assert_ok(f, workspace_update(f->o, &ws, &f->e));
	lint(f, NULL, &r);
	assert_int_equal(count(&r, "too-many-krs"), 0);
}

static void
test_lint_owner_with_more_objectives_than_max_objectives(void **state)
{
	struct fx			*f = *state;
	const struct lint_finding	*x;
	struct run			 r;
	char				 key[8];
	int				 i;

	/* Tier 1 owns nps and o1..o5: 6; Ana owns a1..a5: 5 */
	for (i = 1; i <= 5; i++) {
		snprintf(key, sizeof(key), "o%d", i);
		assert_ok(f, new_obj(f, key, "Tier 1", NULL, NULL, 0));
		snprintf(key, sizeof(key), "a%d", i);
		assert_ok(f, new_obj(f, key, NULL, "Ana", NULL, 0));
	}
	lint(f, NULL, &r);
	assert_int_equal(count(&r, "too-many-objectives"), 1);
	assert_non_null(x = find(&r, "too-many-objectives", "Tier 1"));
	assert_string_equal(x->entity, "team");
	NEAR(datum(x, "objectives"), 6);
	assert_null(find(&r, "too-many-objectives", "Ana"));
}

static void
test_lint_kr_without_baseline_unless_its_kpi_gives_one(void **state)
{
	struct fx			*f = *state;
	const struct lint_finding	*x;
	struct run			 r;

	assert_ok(f, kr(f, "nps", "chat", "Chat CSAT of 90% or more",
	    KR_INCREASE, "%", NAN, 90, NAN, NAN));
	assert_ok(f, kr(f, "nps", "aht", "Handle time from 420 s to 300 s",
	    KR_DECREASE, "s", 420, 300, NAN, NAN));
	/* the baseline will be the KPI over the previous quarter */
	assert_ok(f, kpi_kr(f, "nps", "csat", "CSAT up 5 points",
	    KR_INCREASE, "%", NAN, 80, "csat", "previous"));
	lint(f, NULL, &r);
	assert_int_equal(count(&r, "kr-no-baseline"), 1);
	assert_non_null(x = find(&r, "kr-no-baseline", "nps/chat"));
	assert_string_equal(x->entity, "kr");
	assert_int_equal(x->sev, LINT_WARNING);
	NEAR(datum(x, "target"), 90);
}

static void
test_lint_kr_without_target_is_an_error(void **state)
{
	struct fx			*f = *state;
	const struct lint_finding	*x;
	struct run			 r;

	assert_ok(f, kr(f, "nps", "up", "NPS up from 20", KR_INCREASE, "NPS",
	    20, NAN, NAN, NAN));
	assert_ok(f, kr(f, "nps", "floor", "SLA at 90% or more", KR_BAND,
	    "%", NAN, NAN, 90, NAN));
	lint(f, NULL, &r);
	/* (a band needs a bound: okr/ refuses one with neither) */
	assert_int_equal(count(&r, "kr-no-target"), 1);
	assert_non_null(x = find(&r, "kr-no-target", "nps/up"));
	assert_int_equal(x->sev, LINT_ERROR);
	assert_null(find(&r, "kr-no-target", "nps/floor"));
}

static void
test_lint_kr_without_unit(void **state)
{
	struct fx			*f = *state;
	const struct lint_finding	*x;
	struct run			 r;

	assert_ok(f, kr(f, "nps", "esc", "Escalations from 240 to 204",
	    KR_DECREASE, NULL, 240, 204, NAN, NAN));
	assert_ok(f, kr(f, "nps", "sla", "SLA from 80% to 90%", KR_INCREASE,
	    "%", 80, 90, NAN, NAN));
	assert_ok(f, kr(f, "nps", "book", "Escalation playbook published",
	    KR_BOOLEAN, NULL, NAN, NAN, NAN, NAN));
	lint(f, NULL, &r);
	/* a boolean has nothing to count */
	assert_int_equal(count(&r, "kr-no-unit"), 1);
	assert_non_null(x = find(&r, "kr-no-unit", "nps/esc"));
	assert_non_null(strstr(x->message, "cannot tell what 204 means"));
}

static void
test_lint_kr_without_unit_quotes_a_number_it_has(void **state)
{
	struct fx			*f = *state;
	const struct lint_finding	*x;
	struct run			 r;

	/* no target: the baseline is the number to quote */
	assert_ok(f, kr(f, "nps", "up", "Escalations up from 20",
	    KR_INCREASE, NULL, 20, NAN, NAN, NAN));
	/* a band: its bound */
	assert_ok(f, kr(f, "nps", "band", "Escalations under 30", KR_BAND,
	    NULL, NAN, NAN, NAN, 30));
	/* no number at all: none is quoted */
	assert_ok(f, kr(f, "nps", "none", "Escalations somewhere",
	    KR_DECREASE, NULL, NAN, NAN, NAN, NAN));
	lint(f, NULL, &r);
	assert_int_equal(count(&r, "kr-no-unit"), 3);
	assert_non_null(x = find(&r, "kr-no-unit", "nps/up"));
	assert_string_equal(x->message, "increase key result with no unit: "
	    "a reader cannot tell what 20 means");
	assert_non_null(x = find(&r, "kr-no-unit", "nps/band"));
	assert_string_equal(x->message, "band key result with no unit: a "
	    "reader cannot tell what 30 means");
	assert_non_null(x = find(&r, "kr-no-unit", "nps/none"));
	assert_string_equal(x->message, "decrease key result with no unit: "
	    "a reader cannot tell what its numbers mean");
}

static void
test_lint_kr_worded_as_a_task(void **state)
{
	struct fx			*f = *state;
	const struct lint_finding	*x;
	struct run			 r;

	assert_ok(f, kr(f, "nps", "calib", "Run calibration sessions",
	    KR_BOOLEAN, NULL, NAN, NAN, NAN, NAN));
	assert_ok(f, kr(f, "nps", "setup", "Set up a callback queue",
	    KR_BOOLEAN, NULL, NAN, NAN, NAN, NAN));
	/* an outcome, a number, a word that only starts like a verb */
	assert_ok(f, kr(f, "nps", "book", "Escalation playbook published",
	    KR_BOOLEAN, NULL, NAN, NAN, NAN, NAN));
	assert_ok(f, kr(f, "nps", "four", "Run 4 calibration sessions",
	    KR_BOOLEAN, NULL, NAN, NAN, NAN, NAN));
	assert_ok(f, kr(f, "nps", "runbook", "Runbook covers every outage",
	    KR_BOOLEAN, NULL, NAN, NAN, NAN, NAN));
	lint(f, NULL, &r);
	assert_int_equal(count(&r, "kr-is-a-task"), 2);
	assert_non_null(x = find(&r, "kr-is-a-task", "nps/calib"));
	assert_non_null(strstr(x->message, "Run calibration sessions"));
	assert_non_null(find(&r, "kr-is-a-task", "nps/setup"));
}

static void
test_lint_objective_of_only_bands_is_a_kpi_not_an_okr(void **state)
{
	struct fx	*f = *state;
	struct run	 r;

	assert_ok(f, new_obj(f, "keep", "Tier 1", NULL, NULL, 0));
	assert_ok(f, kr(f, "keep", "sla", "SLA at 90% or more", KR_BAND, "%",
	    NAN, NAN, 90, NAN));
	assert_ok(f, kr(f, "keep", "csat", "CSAT within 80-90%", KR_BAND, "%",
	    NAN, NAN, 80, 90));
	/* nps: a band and a key result that moves */
	assert_ok(f, kr(f, "nps", "sla", "SLA at 90% or more", KR_BAND, "%",
	    NAN, NAN, 90, NAN));
	assert_ok(f, good_kr(f, "nps", "score"));
	lint(f, NULL, &r);
	assert_int_equal(count(&r, "kpi-not-okr"), 1);
	assert_non_null(find(&r, "kpi-not-okr", "keep"));
}

static void
test_lint_efficiency_kr_needs_a_quality_guardrail(void **state)
{
	struct fx			*f = *state;
	const struct lint_finding	*x;
	struct run			 r;

	/* manual, by the words of its title */
	assert_ok(f, kr(f, "nps", "aht", "Average handle time from 420 s to "
	    "300 s", KR_DECREASE, "s", 420, 300, NAN, NAN));
	/* by its KPI, however it is worded */
	assert_ok(f, new_obj(f, "fast", "Tier 1", NULL, NULL, 0));
	assert_ok(f, kpi_kr(f, "fast", "frt", "Email answered sooner",
	    KR_DECREASE, "h", 5, 3, "frt_median", NULL));
	assert_ok(f, new_obj(f, "safe", "Tier 1", NULL, NULL, 0));
	assert_ok(f, kpi_kr(f, "safe", "frt", "Email answered sooner",
	    KR_DECREASE, "h", 5, 3, "frt_median", NULL));
	assert_ok(f, kpi_kr(f, "safe", "csat", "CSAT from 80% to 85%",
	    KR_INCREASE, "%", 80, 85, "csat", NULL));
	/* a cost going down is not a time going down */
	assert_ok(f, new_obj(f, "cost", "Tier 1", NULL, NULL, 0));
	assert_ok(f, kr(f, "cost", "cpc", "Cost per contact from 6.2 to 5",
	    KR_DECREASE, "EUR", 6.2, 5, NAN, NAN));
	lint(f, NULL, &r);
	assert_int_equal(count(&r, "no-quality-guardrail"), 2);
	assert_non_null(x = find(&r, "no-quality-guardrail", "nps"));
	assert_non_null(strstr(x->message, "nps/aht"));
	assert_non_null(x = find(&r, "no-quality-guardrail", "fast"));
	assert_non_null(strstr(x->message, "fast/frt"));

	/* a quality key result in words guards nps */
	assert_ok(f, kr(f, "nps", "reopen", "Reopened tickets from 12% to "
	    "12%", KR_DECREASE, "%", 12, 12, NAN, NAN));
	lint(f, NULL, &r);
	assert_null(find(&r, "no-quality-guardrail", "nps"));
}

static void
test_lint_objective_below_the_top_aligned_to_nothing(void **state)
{
	static const char *const up[] = { "company" };
	struct fx			*f = *state;
	const struct lint_finding	*x;
	struct run			 r;

	/* Support is the top of the tree: its objective may stand alone */
	assert_ok(f, new_obj(f, "company", "Support", NULL, NULL, 0));
	assert_ok(f, new_obj(f, "ana", NULL, "Ana", up, 1));
	lint(f, NULL, &r);
	assert_int_equal(count(&r, "unaligned"), 1);
	assert_non_null(x = find(&r, "unaligned", "nps"));
	assert_int_equal(x->sev, LINT_INFO);
	assert_non_null(strstr(x->message, "Tier 1"));
	/* info comes last */
	assert_string_equal(r.v[r.n - 1].code, "unaligned");
}

static void
test_lint_team_watching_more_kpis_than_max_kpis(void **state)
{
	static const char *const kpis[] = { "csat", "fcr_rate", "aht" };
	struct fx			*f = *state;
	const struct lint_finding	*x;
	struct workspace		 ws;
	struct run			 r;
	char				 key[8];
	size_t				 i;

	ws = f->o->ws;
	ws.max_kpis = 3;
	assert_ok(f, workspace_update(f->o, &ws, &f->e));
	/* Tier 1: csat, fcr_rate and aht by key results (csat twice) */
	for (i = 0; i < NELEM(kpis); i++) {
		snprintf(key, sizeof(key), "k%zu", i);
		assert_ok(f, kpi_kr(f, "nps", key, "Moves by 5", KR_INCREASE,
		    "x", 1, 2, kpis[i], NULL));
	}
	assert_ok(f, new_obj(f, "ana", NULL, "Ana", NULL, 0));
	assert_ok(f, kpi_kr(f, "ana", "csat", "Moves by 5", KR_INCREASE, "x",
	    1, 2, "csat", NULL));
	lint(f, NULL, &r);
	assert_int_equal(count(&r, "too-many-kpis"), 0);
	/* a corridor of Tier 1 makes 4; the operation's go to Support */
	assert_ok(f, store_exec(f->o->st, STMT_CORRIDOR_SET, &f->e, "ttrr",
	    "backlog", "Tier 1", NAN, 100.0));
	assert_ok(f, store_exec(f->o->st, STMT_CORRIDOR_SET, &f->e, "ttrr",
	    "sla_compliance", "", 0.9, NAN));
	lint(f, NULL, &r);
	assert_int_equal(count(&r, "too-many-kpis"), 1);
	assert_non_null(x = find(&r, "too-many-kpis", "Tier 1"));
	assert_string_equal(x->entity, "team");
	NEAR(datum(x, "kpis"), 4);
	NEAR(datum(x, "limit"), 3);
	assert_non_null(strstr(x->message, "aht, backlog, csat, fcr_rate"));
}

/* ---- a KPI's history ----------------------------------------------- */

/*
 * CSAT of 100 responses every Tuesday from 2026-08-18 to 2026-10-06
 * (the 8 complete weeks before the week of NOW), satisfied 50, 52, 50,
 * 52, 50, 52, 50, 52; and 100 at 50 on 2026-10-13, in the current week.
 */
static struct snap *
csat_history(void)
{
	static const char *const days[] = { "2026-08-18", "2026-08-25",
	    "2026-09-01", "2026-09-08", "2026-09-15", "2026-09-22",
	    "2026-09-29", "2026-10-06" };
	struct snap	*s = snap_new();
	size_t		 i;

	assert_non_null(s);
	for (i = 0; i < NELEM(days); i++)
		csat_day(s, days[i], 100, i % 2 ? 52 : 50);
	csat_day(s, "2026-10-13", 100, 50);
	fx_finish(s);
	return s;
}

static void
test_lint_implausible_target_against_weekly_history(void **state)
{
	struct fx			*f = *state;
	const struct lint_finding	*x;
	struct snap			*s = csat_history();
	struct run			 r;

	assert_ok(f, kpi_kr(f, "nps", "csat", "CSAT from 50% to 70%",
	    KR_INCREASE, "%", 50, 70, "csat", NULL));
	assert_ok(f, kpi_kr(f, "nps", "near", "CSAT from 50% to 60%",
	    KR_INCREASE, "%", 50, 60, "csat", NULL));
	sync(f, s);
	lint(f, s, &r);
	assert_non_null(x = find(&r, "implausible-target", "nps/csat"));
	/*
	 * current: the cycle to date, 2026-10-06 and 2026-10-13:
	 *   (52 + 50) / 200 = 51%;  gap = 70 - 51 = 19 pts
	 * weeks left (the pace's): 2027-01-01 - 2026-10-15T12:00 = 77.5
	 *   days = 77.5 / 7 = 11.0714 weeks;  needed a week: 19 / 11.0714 =
	 *   19 x 7 / 77.5 = 1.71613 (what 'okrdesk pace' shows)
	 * weekly steps for sigma: 11.07 weeks, a part week counts: 12
	 * changes: +2 -2 +2 -2 +2 -2 +2, mean 2/7;
	 *   sum of squares 4 (12/7)^2 + 3 (16/7)^2 = 1344/49 = 27.4286;
	 *   sigma = sqrt(27.4286 / 6) = 2.13809
	 * 2 sigma sqrt(12) = 2 x 2.13809 x 3.46410 = 14.8131 < 19
	 * best 4 weeks: (50 + 52 + 50 + 52) / 400 = 51% < 70
	 */
	NEAR_TO(datum(x, "current"), 51, 1e-9);
	NEAR_TO(datum(x, "gap"), 19, 1e-9);
	NEAR_TO(datum(x, "weeks_left"), 11.07143, 1e-5);
	NEAR_TO(datum(x, "needed_per_week"), 1.71613, 1e-5);
	NEAR(datum(x, "weeks_for_sigma"), 12);
	NEAR_TO(datum(x, "sigma"), 2.13809, 1e-5);
	NEAR_TO(datum(x, "plausible_move"), 14.8131, 1e-4);
	NEAR_TO(datum(x, "best_4_weeks"), 51, 1e-9);
	NEAR(datum(x, "weeks_of_history"), 8);
	assert_true(fx_t(NOW_TEXT) == NOW);
	assert_non_null(strstr(x->message, "needs +1.7 pts a week for 11.1 "
	    "weeks (19.0 pts)"));
	assert_non_null(strstr(x->message, "σ 2.1 pts"));
	assert_non_null(strstr(x->message, "so 12 weekly steps plausibly "
	    "move it 14.8 pts; best 4 weeks: 51.0%"));
	/* the need is the key result's pace, as 'okrdesk pace' has it */
	NEAR_TO(datum(x, "needed_per_week"),
	    r.ce.krs[0].pace.needed_per_week, 1e-9);
	/* 60 - 51 = 9 pts is within 14.8 */
	assert_null(find(&r, "implausible-target", "nps/near"));
	snap_free(s);
}

static void
test_lint_without_a_snapshot_skips_the_kpi_rules(void **state)
{
	struct fx	*f = *state;
	struct snap	*s = csat_history();
	struct run	 r;

	/* the implausible target of the test above */
	assert_ok(f, kpi_kr(f, "nps", "csat", "CSAT from 50% to 70%",
	    KR_INCREASE, "%", 50, 70, "csat", NULL));
	sync(f, s);
	lint(f, s, &r);
	assert_int_equal(count(&r, "implausible-target"), 1);
	assert_true(lint_wants_snap(&r.ce));
	lint(f, NULL, &r);
	assert_int_equal(count(&r, "implausible-target"), 0);
	/* the other rules still run: nps/csat has no finding, "nps" one */
	assert_non_null(find(&r, "unaligned", "nps"));
	/* ended, the cycle needs no snapshot */
	assert_ok(f, eval_cycle(f->o, NULL, fx_t("2027-01-10T12:00:00Z"),
	    &f->a, &r.ce, &f->e));
	assert_false(lint_wants_snap(&r.ce));
	snap_free(s);
}

static void
test_lint_wants_a_snapshot_only_for_an_unmet_kpi_target(void **state)
{
	struct fx	*f = *state;
	struct snap	*s = csat_history();
	struct run	 r;

	/* manual, and met (current 51% >= 50%): nothing to judge */
	assert_ok(f, good_kr(f, "nps", "score"));
	assert_ok(f, kpi_kr(f, "nps", "met", "CSAT from 45% to 50%",
	    KR_INCREASE, "%", 45, 50, "csat", NULL));
	sync(f, s);
	assert_ok(f, eval_cycle(f->o, NULL, NOW, &f->a, &r.ce, &f->e));
	NEAR(r.ce.krs[1].ev.current, 51);
	assert_false(lint_wants_snap(&r.ce));
	/* 52% is short of the current 51%: judged */
	assert_ok(f, kpi_kr(f, "nps", "more", "CSAT from 45% to 52%",
	    KR_INCREASE, "%", 45, 52, "csat", NULL));
	sync(f, s);
	assert_ok(f, eval_cycle(f->o, NULL, NOW, &f->a, &r.ce, &f->e));
	assert_true(lint_wants_snap(&r.ce));
	snap_free(s);
}

static void
test_lint_short_history_is_no_finding(
    void **state)
{
	static const char *const days[] = { "2026-09-15", "2026-09-22",
	    "2026-09-29", "2026-10-06", "2026-10-13" };
	struct fx	*f = *state;
	struct snap	*s = snap_new();
	struct run	 r;
	size_t		 i;

	/* only 4 complete weeks before now: 50, 90, 50, 90 (big changes
	 * would not matter: too little history to judge) */
	for (i = 0; i < NELEM(days); i++)
		csat_day(s, days[i], 100, i % 2 ? 90 : 50);
	fx_finish(s);
	assert_ok(f, kpi_kr(f, "nps", "csat", "CSAT from 50% to 99%",
	    KR_INCREASE, "%", 50, 99, "csat", NULL));
	sync(f, s);
	lint(f, s, &r);
	assert_int_equal(count(&r, "implausible-target"), 0);
	snap_free(s);
}

static void
test_lint_target_the_kpi_reached_before_is_plausible(void **state)
{
	static const char *const days[] = { "2026-08-18", "2026-08-25",
	    "2026-09-01", "2026-09-08", "2026-09-15", "2026-09-22",
	    "2026-09-29", "2026-10-06" };
	struct fx	*f = *state;
	struct snap	*s = snap_new();
	struct run	 r;
	size_t		 i;

	/*
	 * A steady slide: 60, 59, ... 53% over the 8 weeks, 52% this week.
	 * Every change is -1, so sigma is 0 and any gap is beyond the noise;
	 * but the best 4 weeks, (60 + 59 + 58 + 57) / 400 = 58.5%, show the
	 * KPI has been there.  current = (53 + 52) / 200 = 52.5%.
	 */
	for (i = 0; i < NELEM(days); i++)
		csat_day(s, days[i], 100, 60 - (int)i);
	csat_day(s, "2026-10-13", 100, 52);
	fx_finish(s);
	assert_ok(f, kpi_kr(f, "nps", "back", "CSAT back from 52% to 58%",
	    KR_INCREASE, "%", 52, 58, "csat", NULL));
	assert_ok(f, kpi_kr(f, "nps", "beyond", "CSAT from 52% to 60%",
	    KR_INCREASE, "%", 52, 60, "csat", NULL));
	sync(f, s);
	lint(f, s, &r);
	assert_null(find(&r, "implausible-target", "nps/back"));
	assert_non_null(find(&r, "implausible-target", "nps/beyond"));
	NEAR_TO(datum(find(&r, "implausible-target", "nps/beyond"),
	    "best_4_weeks"), 58.5, 1e-9);
	NEAR_TO(datum(find(&r, "implausible-target", "nps/beyond"),
	    "sigma"), 0, 1e-9);
	snap_free(s);
}

static void
test_lint_survey_sample_too_small_for_the_gap(void **state)
{
	struct fx			*f = *state;
	const struct lint_finding	*x;
	struct snap			*s = snap_new();
	struct run			 r;

	/* 20 responses in the cycle, 12 satisfied: 60% */
	csat_day(s, "2026-10-06", 20, 12);
	fx_finish(s);
	assert_ok(f, kpi_kr(f, "nps", "csat", "CSAT from 55% to 75%",
	    KR_INCREASE, "%", 55, 75, "csat", NULL));
	assert_ok(f, kpi_kr(f, "nps", "met", "CSAT from 50% to 58%",
	    KR_INCREASE, "%", 50, 58, "csat", NULL));
	sync(f, s);
	lint(f, s, &r);
	assert_non_null(x = find(&r, "sample-too-small", "nps/csat"));
	/*
	 * Wilson, p = 0.6, n = 20, z = 1.96: z^2/n = 0.19207;
	 * centre (0.6 + 0.09604) / 1.19207; half 1.96 sqrt(0.6 x 0.4 / 20 +
	 * 3.8415 / 1600) = 1.96 x 0.120004 = 0.235207 / 1.19207:
	 * 38.658% to 78.119%, 39.461 pts wide > the gap 75 - 60 = 15
	 */
	NEAR(datum(x, "n"), 20);
	NEAR_TO(datum(x, "low"), 38.658, 1e-3);
	NEAR_TO(datum(x, "high"), 78.119, 1e-3);
	NEAR_TO(datum(x, "width"), 39.461, 1e-3);
	NEAR_TO(datum(x, "gap"), 15, 1e-9);
	/* n x (39.461 / 15)^2 = 20 x 6.9207 = 138.4: 139 responses */
	NEAR(datum(x, "n_needed"), 139);
	assert_non_null(strstr(x->message, "n 20 responses"));
	assert_non_null(strstr(x->message, "38.7–78.1%"));
	/* a target already met is not judged */
	assert_null(find(&r, "sample-too-small", "nps/met"));
	snap_free(s);
}

static void
test_lint_survey_sample_of_an_ended_cycle_is_not_judged(void **state)
{
	struct fx	*f = *state;
	struct snap	*s = snap_new();
	struct run	 r;

	/* the sample of the test above: 20 at 60%, 39.5 pts wide > 15 */
	csat_day(s, "2026-10-06", 20, 12);
	fx_finish(s);
	assert_ok(f, kpi_kr(f, "nps", "csat", "CSAT from 55% to 75%",
	    KR_INCREASE, "%", 55, 75, "csat", NULL));
	sync(f, s);
	lint(f, s, &r);
	assert_int_equal(count(&r, "sample-too-small"), 1);
	/* the cycle ended with 2026-12-31: more responses cannot change it */
	assert_ok(f, eval_cycle(f->o, NULL, fx_t("2027-01-10T12:00:00Z"),
	    &f->a, &r.ce, &f->e));
	assert_true(r.ce.now >= r.ce.end);
	NEAR(r.ce.krs[0].ev.current, 60);
	assert_ok(f, lint_run(f->o, &r.ce, s, &f->a, &r.v, &r.n, &f->e));
	assert_int_equal(count(&r, "sample-too-small"), 0);
	snap_free(s);
}

static void
test_lint_survey_sample_large_enough_is_no_finding(void **state)
{
	struct fx	*f = *state;
	struct snap	*s = snap_new();
	struct run	 r;

	/* 400 at 60%: Wilson 55.13% to 64.68%, 9.56 pts wide < 15 */
	csat_day(s, "2026-10-06", 400, 240);
	fx_finish(s);
	assert_ok(f, kpi_kr(f, "nps", "csat", "CSAT from 55% to 75%",
	    KR_INCREASE, "%", 55, 75, "csat", NULL));
	sync(f, s);
	lint(f, s, &r);
	assert_int_equal(count(&r, "sample-too-small"), 0);
	snap_free(s);
}

static void
test_lint_nps_sample_uses_the_widest_normal_interval(void **state)
{
	struct fx			*f = *state;
	const struct lint_finding	*x;
	struct snap			*s = snap_new();
	struct run			 r;
	size_t				 i;

	/* 50 responses: 20 promoters, 10 detractors: NPS 100 x 10/50 = 20 */
	nps_day(s, "2026-10-06", 50, 20, 10);
	fx_finish(s);
	assert_ok(f, kpi_kr(f, "nps", "score", "NPS from 10 to 40",
	    KR_INCREASE, "NPS", 10, 40, "nps", NULL));
	sync(f, s);
	lint(f, s, &r);
	assert_non_null(x = find(&r, "sample-too-small", "nps/score"));
	/* half = 1.96 x 100 x sqrt((1 - 0.2^2) / 50) = 1.96 x 100 x
	 * 0.138564 = 27.158: 54.316 wide > 40 - 20 = 20 */
	NEAR_TO(datum(x, "width"), 54.316, 1e-3);
	NEAR_TO(datum(x, "low"), 20 - 27.158, 1e-3);
	for (i = 0; i < x->ndata; i++)
		if (strcmp(x->data[i].name, "interval") == 0)
			assert_string_equal(x->data[i].text, "normal");
	snap_free(s);
	/* fx_value reads the same data the engine does */
	s = snap_new();
	nps_day(s, "2026-10-06", 50, 20, 10);
	fx_finish(s);
	NEAR(fx_value(s, "nps"), 20);
	snap_free(s);
}

static void
test_lint_point_window_is_the_trailing_days_or_the_cycle(void **state)
{
	struct kr	 k;

	(void)state;
	kr_init(&k, "nps", "csat");
	k.kpi = (char *)"csat";
	/* the cycle to date: from its start, whatever t */
	assert_true(kpilink_point_from(&k, 1000, 9000000) == 1000);
	k.kpi_window = (char *)"cycle";
	assert_true(kpilink_point_from(&k, 1000, 9000000) == 1000);
	/* 28d: 28 x 86400 = 2419200 s before t */
	k.kpi_window = (char *)"28d";
	assert_true(kpilink_point_from(&k, 1000, 9000000) == 9000000 -
	    2419200);
}

/* ---- the document -------------------------------------------------- */

static void
test_lint_json_has_every_field_and_counts(void **state)
{
	struct fx	*f = *state;
	struct run	 r;
	json_t		*doc, *first;
	size_t		 counts[LINT_SEVERITY__MAX];

	assert_ok(f, kr(f, "nps", "calib", "Run calibration sessions",
	    KR_BOOLEAN, NULL, NAN, NAN, NAN, NAN));
	assert_ok(f, new_obj(f, "empty", "Tier 1", NULL, NULL, 0));
	lint(f, NULL, &r);
	/* empty: no-key-results (error), unaligned; nps: task, unaligned */
	lint_count(r.v, r.n, counts);
	assert_int_equal(counts[LINT_ERROR], 1);
	assert_int_equal(counts[LINT_WARNING], 1);
	assert_int_equal(counts[LINT_INFO], 2);
	assert_non_null(doc = lint_document(&r.ce, r.v, r.n));
	assert_string_equal(json_string_value(json_object_get(doc, "cycle")),
	    "2026-Q4");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(
	    doc, "counts"), "total")), 4);
	first = json_array_get(json_object_get(doc, "findings"), 0);
	assert_string_equal(json_string_value(json_object_get(first, "code")),
	    "no-key-results");
	assert_string_equal(json_string_value(json_object_get(first,
	    "severity")), "error");
	assert_string_equal(json_string_value(json_object_get(first,
	    "entity")), "objective");
	assert_string_equal(json_string_value(json_object_get(first, "ref")),
	    "empty");
	assert_non_null(json_object_get(first, "title"));
	assert_non_null(json_object_get(first, "message"));
	assert_non_null(json_object_get(first, "suggestion"));
	assert_true(json_is_object(json_object_get(first, "data")));
	json_decref(doc);
}

static void
test_lint_every_rule_has_a_code_explained_under_its_severity(void **state)
{
	static const char *const heads[LINT_SEVERITY__MAX] = {
		[LINT_ERROR] = "\nerrors:\n",
		[LINT_WARNING] = "\nwarnings:\n",
		[LINT_INFO] = "\ninfo:\n",
	};
	const char	*help = cmd_lint_entry.usage, *at, *head, *next;
	char		 item[64];
	size_t		 i, j;

	(void)state;
	for (i = 0; i < LINT_RULE__MAX; i++) {
		assert_non_null(lint_rules[i].code);
		for (j = 0; j < i; j++)
			assert_string_not_equal(lint_rules[i].code,
			    lint_rules[j].code);
		/* --help explains it between its heading and the next */
		snprintf(item, sizeof(item), "\n  %s ", lint_rules[i].code);
		assert_non_null(at = strstr(help, item));
		assert_non_null(head = strstr(help, heads[lint_rules[i].sev]));
		assert_true(head < at);
		if (lint_rules[i].sev + 1 < LINT_SEVERITY__MAX) {
			assert_non_null(next = strstr(help,
			    heads[lint_rules[i].sev + 1]));
			assert_true(at < next);
		}
	}
	assert_int_equal(lint_rules[LINT_NO_KEY_RESULTS].sev, LINT_ERROR);
	assert_int_equal(lint_rules[LINT_UNALIGNED].sev, LINT_INFO);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(n)	cmocka_unit_test_setup_teardown(n, setup, teardown)
		T(test_lint_objective_without_key_results_is_an_error),
		T(test_lint_objective_with_more_krs_than_max_krs),
		T(test_lint_owner_with_more_objectives_than_max_objectives),
		T(test_lint_kr_without_baseline_unless_its_kpi_gives_one),
		T(test_lint_kr_without_target_is_an_error),
		T(test_lint_kr_without_unit),
		T(test_lint_kr_without_unit_quotes_a_number_it_has),
		T(test_lint_kr_worded_as_a_task),
		T(test_lint_objective_of_only_bands_is_a_kpi_not_an_okr),
		T(test_lint_efficiency_kr_needs_a_quality_guardrail),
		T(test_lint_objective_below_the_top_aligned_to_nothing),
		T(test_lint_team_watching_more_kpis_than_max_kpis),
		T(test_lint_implausible_target_against_weekly_history),
		T(test_lint_without_a_snapshot_skips_the_kpi_rules),
		T(test_lint_wants_a_snapshot_only_for_an_unmet_kpi_target),
		T(test_lint_short_history_is_no_finding),
		T(test_lint_target_the_kpi_reached_before_is_plausible),
		T(test_lint_survey_sample_too_small_for_the_gap),
		T(test_lint_survey_sample_of_an_ended_cycle_is_not_judged),
		T(test_lint_survey_sample_large_enough_is_no_finding),
		T(test_lint_nps_sample_uses_the_widest_normal_interval),
		cmocka_unit_test(
		    test_lint_point_window_is_the_trailing_days_or_the_cycle),
		T(test_lint_json_has_every_field_and_counts),
		cmocka_unit_test(
		    test_lint_every_rule_has_a_code_explained_under_its_severity),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, fx_teardown);
}
