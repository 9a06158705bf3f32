/*
 * test_pace.c: pace and forecast (okr/pace.h, docs/progress.md "Pace and
 * forecast"): the projected value and grade, the weekly improvement still
 * needed, the trend, the confidence trend.
 *
 * Cycles here are exactly 13 weeks (91 days) from S unless said, so the
 * arithmetic stays whole.  Every expected value is worked out by hand in
 * the comment next to it.
 */
#include "progress_test.h"

#include "okr/pace.h"

#define END13	(S + 13 * WEEK)

/* Evaluate a key result at now, then its pace, with the confidences. */
static void
run(struct progress_kr *k, const struct progress_point *pts, size_t n,
    int64_t end, int64_t now, const double *confs, size_t nconfs,
    struct pace *p)
{
	struct progress_eval	 ev;

	k->pts = pts;
	k->npts = n;
	k->weight = 1;
	k->cadence = WEEK;
	k->grace = 3 * DAY;
	progress_kr_eval(k, S, end, now, &ev);
	pace_kr(k, &ev, confs, nconfs, S, end, now, p);
}

static void
linear(struct progress_kr *k, enum kr_kind kind, double b, double t)
{
	memset(k, 0, sizeof(*k));
	k->kind = kind;
	k->baseline = b;
	k->target = t;
	k->low = k->high = NAN;
	k->manual = 1;
}

static void
test_pace_increase_projects_the_line_to_the_end(void **state)
{
	/* 2, 4, 6 at weeks 0, 1, 2: a line rising 2 a week */
	static const struct progress_point pts[] = {
		{ S, 2 }, { S + WEEK, 4 }, { S + 2 * WEEK, 6 } };
	struct progress_kr	 k;
	struct pace		 p;

	(void)state;
	linear(&k, KR_INCREASE, 0, 20);
	run(&k, pts, NPTS(pts), END13, S + 2 * WEEK, NULL, 0, &p);
	/* 13 - 2 = 11 weeks left */
	assert_near(p.weeks_left, 11, TOL);
	/* at week 13: 2 + 2 * 13 = 28; (28 - 0) / 20 = 1.4, clamped to 1 */
	assert_near(p.projected_value, 28, 1e-9);
	assert_near(p.projected_progress, 1, TOL);
	assert_near(p.projected_grade, 1, TOL);
	assert_near(p.trend_per_week, 2, 1e-9);
	/* (20 - 6) / 11 = 1.2727... a week still needed */
	assert_near(p.needed_per_week, 14.0 / 11.0, 1e-12);
	/* rising 2 a week covers the 1.27 needed */
	assert_int_equal(p.verdict, PACE_ON_PACE);
	assert_string_equal(pace_verdict_name(p.verdict), "on_pace");
}

static void
test_pace_decrease_needs_a_negative_step_and_grades_the_projection(
    void **state)
{
	/* handle time 420, 415, 410 at weeks 0, 1, 2: down 5 a week */
	static const struct progress_point pts[] = {
		{ S, 420 }, { S + WEEK, 415 }, { S + 2 * WEEK, 410 } };
	struct progress_kr	 k;
	struct pace		 p;

	(void)state;
	linear(&k, KR_DECREASE, 420, 300);
	run(&k, pts, NPTS(pts), END13, S + 2 * WEEK, NULL, 0, &p);
	/* at week 13: 420 - 5 * 13 = 355; (355 - 420) / (300 - 420) =
	 * 65 / 120 = 0.5417, grade 0.5 */
	assert_near(p.projected_value, 355, 1e-9);
	assert_near(p.projected_progress, 65.0 / 120.0, 1e-9);
	assert_near(p.projected_grade, 0.5, TOL);
	assert_near(p.trend_per_week, -5, 1e-9);
	/* (300 - 410) / 11 = -10 a week: twice the pace so far */
	assert_near(p.needed_per_week, -10, 1e-12);
	/* down 5 a week is the right way, half as fast as needed */
	assert_int_equal(p.verdict, PACE_TOO_SLOW);
}

static void
test_pace_moving_away_from_the_target_is_backwards(void **state)
{
	/* handle time 400, 405, 410: up 5 a week when it should come down */
	static const struct progress_point pts[] = {
		{ S, 400 }, { S + WEEK, 405 }, { S + 2 * WEEK, 410 } };
	struct progress_kr	 k;
	struct pace		 p;

	(void)state;
	linear(&k, KR_DECREASE, 420, 300);
	run(&k, pts, NPTS(pts), END13, S + 2 * WEEK, NULL, 0, &p);
	assert_near(p.trend_per_week, 5, 1e-9);
	assert_int_equal(p.verdict, PACE_BACKWARDS);
	/* 410 + 5 * 11 = 465: (465 - 420) / -120 < 0, progress 0, grade 0 */
	assert_near(p.projected_grade, 0, TOL);
}

static void
test_pace_two_points_project_nothing_but_still_say_what_is_needed(
    void **state)
{
	static const struct progress_point pts[] = {
		{ S, 420 }, { S + WEEK, 400 } };
	struct progress_kr	 k;
	struct pace		 p;

	(void)state;
	linear(&k, KR_DECREASE, 420, 300);
	run(&k, pts, NPTS(pts), END13, S + 3 * WEEK, NULL, 0, &p);
	assert_true(isnan(p.projected_value));
	assert_int_equal(p.verdict, PACE_UNKNOWN);
	assert_true(isnan(p.projected_grade));
	assert_true(isnan(p.trend_per_week));
	/* (300 - 400) / (13 - 3) = -10 */
	assert_near(p.needed_per_week, -10, 1e-12);
}

static void
test_pace_target_met_needs_nothing_more(void **state)
{
	static const struct progress_point pts[] = { { S + DAY, 92 } };
	struct progress_kr	 k;
	struct pace		 p;

	(void)state;
	linear(&k, KR_INCREASE, 80, 90);
	run(&k, pts, NPTS(pts), END13, S + 2 * WEEK, NULL, 0, &p);
	assert_near(p.needed_per_week, 0, TOL);
	assert_int_equal(p.verdict, PACE_MET);
}

static void
test_pace_after_the_end_nothing_is_needed_per_week(void **state)
{
	static const struct progress_point pts[] = { { S + DAY, 85 } };
	struct progress_kr	 k;
	struct pace		 p;

	(void)state;
	linear(&k, KR_INCREASE, 80, 90);
	run(&k, pts, NPTS(pts), END13, END13 + DAY, NULL, 0, &p);
	assert_near(p.weeks_left, 0, TOL);
	/* no weeks left to spread the gap over: no figure, not infinity */
	assert_true(isnan(p.needed_per_week));
}

static void
test_pace_no_value_yet_has_no_need_and_no_projection(void **state)
{
	struct progress_kr	 k;
	struct pace		 p;

	(void)state;
	linear(&k, KR_INCREASE, 80, 90);
	run(&k, NULL, 0, END13, S + 2 * WEEK, NULL, 0, &p);
	assert_true(isnan(p.needed_per_week));
	assert_true(isnan(p.projected_grade));
}

static void
test_pace_band_inside_now_projects_every_week_to_come_inside(void **state)
{
	/* weeks 1..3: 95 in, 88 out, 96 in; now in week 3 (3 weeks begun) */
	static const struct progress_point pts[] = {
		{ S + DAY, 95 }, { S + WEEK + DAY, 88 },
		{ S + 2 * WEEK + DAY, 96 } };
	struct progress_kr	 k;
	struct pace		 p;

	(void)state;
	linear(&k, KR_BAND, NAN, NAN);
	k.low = 90;
	k.high = 100;
	run(&k, pts, NPTS(pts), END13, S + 2 * WEEK + 2 * DAY, NULL, 0, &p);
	/* 2 of 3 weeks inside so far, and 10 weeks to come inside:
	 * (2 + 10) / 13 = 0.923, grade 0.9; a band needs no step */
	assert_near(p.projected_progress, 12.0 / 13.0, 1e-12);
	assert_near(p.projected_grade, 0.9, TOL);
	assert_near(p.projected_value, 96, TOL);
	assert_true(isnan(p.needed_per_week));
	assert_true(isnan(p.trend_per_week));
	assert_int_equal(p.verdict, PACE_INSIDE);
}

static void
test_pace_band_outside_now_projects_only_the_weeks_already_inside(
    void **state)
{
	static const struct progress_point pts[] = {
		{ S + DAY, 95 }, { S + WEEK + DAY, 88 },
		{ S + 2 * WEEK + DAY, 85 } };
	struct progress_kr	 k;
	struct pace		 p;

	(void)state;
	linear(&k, KR_BAND, NAN, NAN);
	k.low = 90;
	k.high = 100;
	run(&k, pts, NPTS(pts), END13, S + 2 * WEEK + 2 * DAY, NULL, 0, &p);
	/* 1 of 3 inside, none to come: 1 / 13 = 0.077, grade 0.1 */
	assert_near(p.projected_progress, 1.0 / 13.0, 1e-12);
	assert_near(p.projected_grade, 0.1, TOL);
	assert_int_equal(p.verdict, PACE_OUTSIDE);
}

static void
test_pace_milestones_need_the_rest_spread_over_the_weeks_left(void **state)
{
	/* half the milestone weight done, 5 weeks before the end */
	static const struct progress_point pts[] = { { S + DAY, 0.5 } };
	struct progress_kr	 k;
	struct pace		 p;

	(void)state;
	linear(&k, KR_MILESTONES, NAN, NAN);
	run(&k, pts, NPTS(pts), END13, END13 - 5 * WEEK, NULL, 0, &p);
	/* (1 - 0.5) / 5 = 0.1 of the weight a week */
	assert_near(p.needed_per_week, 0.1, 1e-12);
}

static void
test_pace_boolean_projects_what_it_is(void **state)
{
	static const struct progress_point pts[] = { { S + DAY, 1 } };
	struct progress_kr	 k;
	struct pace		 p;

	(void)state;
	linear(&k, KR_BOOLEAN, NAN, NAN);
	run(&k, pts, NPTS(pts), END13, S + 2 * WEEK, NULL, 0, &p);
	assert_near(p.projected_grade, 1, TOL);
	assert_true(isnan(p.needed_per_week));
}

static void
test_pace_confidence_trend_reads_the_last_three_given(void **state)
{
	/* NAN = not given at that check-in: skipped */
	static const double rising[] = { 0.9, 0.5, NAN, 0.6, 0.7 };
	static const double falling[] = { 0.8, 0.7, 0.6 };
	static const double steady[] = { 0.7, 0.68 };
	static const double exact[] = { 0.7, 0.65 };
	static const double one[] = { NAN, 0.8 };
	struct progress_kr	 k;
	struct pace		 p;

	(void)state;
	linear(&k, KR_INCREASE, 0, 10);
	/* last three given: 0.5, 0.6, 0.7: +0.2, rising (the older 0.9 is
	 * out of the window) */
	run(&k, NULL, 0, END13, S + WEEK, rising, NPTS(rising), &p);
	assert_int_equal(p.nconf, 3);
	assert_near(p.conf[0], 0.5, TOL);
	assert_near(p.conf[2], 0.7, TOL);
	assert_int_equal(p.conf_trend, PACE_TREND_RISING);
	assert_string_equal(pace_trend_name(p.conf_trend), "rising");
	/* 0.6 - 0.8 = -0.2 */
	run(&k, NULL, 0, END13, S + WEEK, falling, NPTS(falling), &p);
	assert_int_equal(p.conf_trend, PACE_TREND_FALLING);
	/* -0.02 is below the 0.05 step */
	run(&k, NULL, 0, END13, S + WEEK, steady, NPTS(steady), &p);
	assert_int_equal(p.conf_trend, PACE_TREND_STEADY);
	/* exactly one step (0.65 - 0.7 computes as -0.04999...) counts */
	run(&k, NULL, 0, END13, S + WEEK, exact, NPTS(exact), &p);
	assert_int_equal(p.conf_trend, PACE_TREND_FALLING);
	/* one confidence: no trend */
	run(&k, NULL, 0, END13, S + WEEK, one, NPTS(one), &p);
	assert_int_equal(p.nconf, 1);
	assert_int_equal(p.conf_trend, PACE_TREND_NONE);
	assert_null(pace_trend_name(p.conf_trend));
}

static void
test_pace_ignores_points_after_now(void **state)
{
	/* the point at week 5 is after now (week 2): only 2 points count */
	static const struct progress_point pts[] = {
		{ S, 2 }, { S + WEEK, 4 }, { S + 5 * WEEK, 100 } };
	struct progress_kr	 k;
	struct pace		 p;

	(void)state;
	linear(&k, KR_INCREASE, 0, 20);
	run(&k, pts, NPTS(pts), END13, S + 2 * WEEK, NULL, 0, &p);
	assert_true(isnan(p.projected_value));
	/* (20 - 4) / 11 */
	assert_near(p.needed_per_week, 16.0 / 11.0, 1e-12);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pace_increase_projects_the_line_to_the_end),
		cmocka_unit_test(
		    test_pace_decrease_needs_a_negative_step_and_grades_the_projection),
		cmocka_unit_test(
		    test_pace_moving_away_from_the_target_is_backwards),
		cmocka_unit_test(
		    test_pace_two_points_project_nothing_but_still_say_what_is_needed),
		cmocka_unit_test(test_pace_target_met_needs_nothing_more),
		cmocka_unit_test(
		    test_pace_after_the_end_nothing_is_needed_per_week),
		cmocka_unit_test(
		    test_pace_no_value_yet_has_no_need_and_no_projection),
		cmocka_unit_test(
		    test_pace_band_inside_now_projects_every_week_to_come_inside),
		cmocka_unit_test(
		    test_pace_band_outside_now_projects_only_the_weeks_already_inside),
		cmocka_unit_test(
		    test_pace_milestones_need_the_rest_spread_over_the_weeks_left),
		cmocka_unit_test(test_pace_boolean_projects_what_it_is),
		cmocka_unit_test(
		    test_pace_confidence_trend_reads_the_last_three_given),
		cmocka_unit_test(test_pace_ignores_points_after_now),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
