/*
 * test_lint_kpi.c: the coaching rules of okr/lint.h that read a KPI's
 * data (an implausible target against its weekly history, a survey
 * sample too small for the gap), with their numbers worked out by hand.
 *
 * The workspace is okr_test.h's (see test_lint.c).  Survey data is built
 * in memory with kpi_test.h's fixture lines and given both to
 * kpilink_sync (which records the key results' weekly points) and to
 * lint_run.
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
#include "lint_test.h"

#define NEAR_TO(a, b, tol)	assert_true(fabs((a) - (b)) < (tol))

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(n)	cmocka_unit_test_setup_teardown(n, setup, teardown)
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
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, fx_teardown);
}
