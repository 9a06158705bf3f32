/*
 * test_progress.c: the progress math contract (DESIGN.md, okr/progress.h),
 * part one: linear progress, expected pace, bands, forecast and names.
 * test_progress_eval.c holds the key result and objective evaluation.
 *
 * Every expected value is worked out by hand in the comment next to it,
 * never copied from a run of the code.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "okr/progress.h"
#include "progress_test.h"

/* ---- linear: increase and decrease ---------------------------------- */

static void
test_kr_progress_increase_halfway(void **state)
{
	double	 raw;

	(void)state;
	/* (150 - 100) / (200 - 100) = 50 / 100 = 0.5 */
	assert_near(progress_linear(KR_INCREASE, 100, 200, 150, &raw), 0.5,
	    TOL);
	assert_near(raw, 0.5, TOL);
}

static void
test_kr_progress_decrease_handle_time_halfway(void **state)
{
	double	 raw;

	(void)state;
	/* handle time 420 s -> 300 s at 360: (360-420)/(300-420) = 0.5 */
	assert_near(progress_linear(KR_DECREASE, 420, 300, 360, &raw), 0.5,
	    TOL);
	assert_near(raw, 0.5, TOL);
}

static void
test_kr_progress_decrease_response_time(void **state)
{

	(void)state;
	/* first response 8 h -> 2 h at 4 h: (14400-28800)/(7200-28800)
	 * = -14400 / -21600 = 2/3 */
	assert_near(progress_linear(KR_DECREASE, 28800, 7200, 14400, NULL),
	    2.0 / 3.0, TOL);
}

static void
test_kr_progress_decrease_backlog(void **state)
{

	(void)state;
	/* backlog 250 -> 50 tickets at 200: -50 / -200 = 0.25 */
	assert_near(progress_linear(KR_DECREASE, 250, 50, 200, NULL), 0.25,
	    TOL);
}

static void
test_kr_progress_decrease_past_target_clamps_to_one(void **state)
{
	double	 raw;

	(void)state;
	/* 420 -> 300 at 240: -180 / -120 = 1.5 raw, shown as 1 */
	assert_near(progress_linear(KR_DECREASE, 420, 300, 240, &raw), 1.0,
	    TOL);
	assert_near(raw, 1.5, TOL);
}

static void
test_kr_progress_decrease_behind_baseline_clamps_to_zero(void **state)
{
	double	 raw;

	(void)state;
	/* 420 -> 300 at 480: 60 / -120 = -0.5 raw, shown as 0 */
	assert_near(progress_linear(KR_DECREASE, 420, 300, 480, &raw), 0.0,
	    TOL);
	assert_near(raw, -0.5, TOL);
}

static void
test_kr_progress_increase_past_target_clamps_to_one(void **state)
{
	double	 raw;

	(void)state;
	/* CSAT 80 -> 90 at 95: 15 / 10 = 1.5 raw, shown as 1 */
	assert_near(progress_linear(KR_INCREASE, 80, 90, 95, &raw), 1.0, TOL);
	assert_near(raw, 1.5, TOL);
}

static void
test_kr_progress_increase_behind_baseline_clamps_to_zero(void **state)
{
	double	 raw;

	(void)state;
	/* 80 -> 90 at 70: -10 / 10 = -1 raw, shown as 0 */
	assert_near(progress_linear(KR_INCREASE, 80, 90, 70, &raw), 0.0, TOL);
	assert_near(raw, -1.0, TOL);
}

static void
test_kr_progress_increase_baseline_equals_target(void **state)
{
	double	 raw;

	(void)state;
	/* b = t = 90: meeting or beating 90 upwards is 1, below is 0 */
	assert_near(progress_linear(KR_INCREASE, 90, 90, 90, &raw), 1.0, TOL);
	assert_near(raw, 1.0, TOL);
	assert_near(progress_linear(KR_INCREASE, 90, 90, 95, &raw), 1.0, TOL);
	assert_near(raw, 1.0, TOL);
	assert_near(progress_linear(KR_INCREASE, 90, 90, 89.9, &raw), 0.0,
	    TOL);
	assert_near(raw, 0.0, TOL);
}

static void
test_kr_progress_decrease_baseline_equals_target(void **state)
{
	double	 raw;

	(void)state;
	/* b = t = 300: at or under 300 is 1, above is 0 */
	assert_near(progress_linear(KR_DECREASE, 300, 300, 300, &raw), 1.0,
	    TOL);
	assert_near(raw, 1.0, TOL);
	assert_near(progress_linear(KR_DECREASE, 300, 300, 250, &raw), 1.0,
	    TOL);
	assert_near(progress_linear(KR_DECREASE, 300, 300, 301, &raw), 0.0,
	    TOL);
	assert_near(raw, 0.0, TOL);
}

static void
test_kr_progress_decimal_current(void **state)
{

	(void)state;
	/* (5.9 - 0) / (10 - 0) = 0.59 */
	assert_near(progress_linear(KR_INCREASE, 0, 10, 5.9, NULL), 0.59,
	    1e-12);
}

static void
test_kr_progress_nan_input_gives_nan(void **state)
{
	double	 raw = 0.0;

	(void)state;
	assert_nan(progress_linear(KR_INCREASE, NAN, 10, 5, &raw));
	assert_nan(raw);
	raw = 0.0;
	assert_nan(progress_linear(KR_INCREASE, 0, NAN, 5, &raw));
	assert_nan(raw);
	raw = 0.0;
	assert_nan(progress_linear(KR_DECREASE, 10, 0, NAN, &raw));
	assert_nan(raw);
	/* b == t does not turn a missing current into 0 or 1 */
	assert_nan(progress_linear(KR_DECREASE, 5, 5, NAN, NULL));
}

static void
test_kr_progress_linear_other_kind_is_nan(void **state)
{

	(void)state;
	/* only increase and decrease are linear (see progress.c) */
	assert_nan(progress_linear(KR_BAND, 0, 10, 5, NULL));
	assert_nan(progress_linear(KR_BOOLEAN, 1, 1, 1, NULL));
}

/* ---- expected progress ---------------------------------------------- */

static void
test_expected_at_start_is_zero(void **state)
{

	(void)state;
	assert_near(progress_expected(S, Q_END, S), 0.0, TOL);
}

static void
test_expected_in_the_middle(void **state)
{

	(void)state;
	/* 46 of 92 days = 0.5; 23 of 92 = 0.25 */
	assert_near(progress_expected(S, Q_END, S + 46 * DAY), 0.5, TOL);
	assert_near(progress_expected(S, Q_END, S + 23 * DAY), 0.25, TOL);
}

static void
test_expected_at_end_is_one(void **state)
{

	(void)state;
	assert_near(progress_expected(S, Q_END, Q_END), 1.0, TOL);
}

static void
test_expected_before_start_is_zero(void **state)
{

	(void)state;
	assert_near(progress_expected(S, Q_END, S - DAY), 0.0, TOL);
}

static void
test_expected_after_end_is_one(void **state)
{

	(void)state;
	assert_near(progress_expected(S, Q_END, Q_END + 30 * DAY), 1.0, TOL);
}

static void
test_expected_empty_or_inverted_cycle_steps_at_end(void **state)
{

	(void)state;
	/* end == start: 0 before it, 1 from it on */
	assert_near(progress_expected(S, S, S - 1), 0.0, TOL);
	assert_near(progress_expected(S, S, S), 1.0, TOL);
	/* end = start - 10 d: 1 from end on, 0 before end */
	assert_near(progress_expected(S, S - 10 * DAY, S - 10 * DAY), 1.0,
	    TOL);
	assert_near(progress_expected(S, S - 10 * DAY, S - 11 * DAY), 0.0,
	    TOL);
}

/* ---- band ------------------------------------------------------------ */

static void
test_band_bounds_are_inclusive(void **state)
{
	/* one value per week, each on the week's second day */
	const struct progress_point pts[] = {
		{ S + 1 * DAY, 90.0 },		/* == low: inside */
		{ S + 8 * DAY, 95.0 },		/* == high: inside */
		{ S + 15 * DAY, 89.99 },	/* below: outside */
		{ S + 22 * DAY, 95.01 },	/* above: outside */
	};

	(void)state;
	/* 4-week cycle, now at end: 2 of 4 weeks inside = 0.5 */
	assert_near(progress_band(90, 95, pts, NPTS(pts), S, S + 4 * WEEK,
	    S + 4 * WEEK), 0.5, TOL);
}

static void
test_band_open_low_side(void **state)
{
	const struct progress_point pts[] = {
		{ S + 1 * DAY, 0.0 },		/* inside */
		{ S + 8 * DAY, 120.0 },		/* == high: inside */
		{ S + 15 * DAY, 121.0 },	/* outside */
		{ S + 22 * DAY, -5.0 },		/* no low side: inside */
	};

	(void)state;
	/* 3 of 4 weeks = 0.75 */
	assert_near(progress_band(NAN, 120, pts, NPTS(pts), S, S + 4 * WEEK,
	    S + 4 * WEEK), 0.75, TOL);
}

static void
test_band_open_high_side(void **state)
{
	const struct progress_point pts[] = {
		{ S + 1 * DAY, 0.95 },		/* inside */
		{ S + 8 * DAY, 0.89 },		/* outside */
		{ S + 15 * DAY, 2.0 },		/* no high side: inside */
		{ S + 22 * DAY, 0.9 },		/* == low: inside */
	};

	(void)state;
	/* 3 of 4 weeks = 0.75 */
	assert_near(progress_band(0.9, NAN, pts, NPTS(pts), S, S + 4 * WEEK,
	    S + 4 * WEEK), 0.75, TOL);
}

static void
test_band_value_carries_forward_across_weeks(void **state)
{
	const struct progress_point one[] = {
		{ S, 92.0 },
	};
	const struct progress_point two[] = {
		{ S, 92.0 },
		{ S + 8 * DAY, 80.0 },
	};

	(void)state;
	/* 92 holds for all 4 weeks: 4/4 */
	assert_near(progress_band(90, 95, one, NPTS(one), S, S + 4 * WEEK,
	    S + 4 * WEEK), 1.0, TOL);
	/* week 0 ends on 92 (in); weeks 1-3 carry 80 (out): 1/4 */
	assert_near(progress_band(90, 95, two, NPTS(two), S, S + 4 * WEEK,
	    S + 4 * WEEK), 0.25, TOL);
}

static void
test_band_weeks_before_first_point_count_as_outside(void **state)
{
	const struct progress_point pts[] = {
		{ S + 15 * DAY, 92.0 },
	};

	(void)state;
	/* weeks 0 and 1 have no value (out), weeks 2 and 3 in: 2/4 */
	assert_near(progress_band(90, 95, pts, NPTS(pts), S, S + 4 * WEEK,
	    S + 4 * WEEK), 0.5, TOL);
}

static void
test_band_counts_only_weeks_begun_by_now(void **state)
{
	const struct progress_point pts[] = {
		{ S + 1 * DAY, 92.0 },
		{ S + 9 * DAY, 80.0 },
		{ S + 12 * DAY, 92.0 },
	};

	(void)state;
	/*
	 * now = day 10: weeks 0 and 1 have begun.  Week 0 ends on 92 (in);
	 * week 1 so far ends at now on day 9's 80 (out; day 12 is still in
	 * the future): 1/2.
	 */
	assert_near(progress_band(90, 95, pts, NPTS(pts), S, S + 4 * WEEK,
	    S + 10 * DAY), 0.5, TOL);
	/*
	 * now = day 14: week 2 begins exactly now, so 3 weeks.  Week 1 now
	 * ends on day 12's 92 (in), week 2 so far is 92 (in): 3/3.
	 */
	assert_near(progress_band(90, 95, pts, NPTS(pts), S, S + 4 * WEEK,
	    S + 14 * DAY), 1.0, TOL);
}

static void
test_band_partial_last_week_and_now_past_end(void **state)
{
	const struct progress_point pts[] = {
		{ S, 92.0 },
		{ S + 91 * DAY + 12 * 3600, 80.0 },	/* in the short week */
		{ S + 93 * DAY, 92.0 },			/* after the cycle */
	};

	(void)state;
	/*
	 * Q4: 92 days = 13 full weeks + a 1-day week 13.  Weeks 0-12 end
	 * on 92 (in); week 13 ends on 80 (out): 13/14.
	 */
	assert_near(progress_band(90, 95, pts, NPTS(pts), S, Q_END, Q_END),
	    13.0 / 14.0, TOL);
	/*
	 * now 30 days past the end: still 14 weeks, and the point after
	 * the end does not rescue week 13: 13/14 = the grade.
	 */
	assert_near(progress_band(90, 95, pts, NPTS(pts), S, Q_END,
	    Q_END + 30 * DAY), 13.0 / 14.0, TOL);
}

static void
test_band_at_start_counts_first_week(void **state)
{
	const struct progress_point in[] = { { S, 92.0 } };
	const struct progress_point out[] = { { S, 80.0 } };

	(void)state;
	/* now == start: week 0 has begun and holds the point at start */
	assert_near(progress_band(90, 95, in, 1, S, Q_END, S), 1.0, TOL);
	assert_near(progress_band(90, 95, out, 1, S, Q_END, S), 0.0, TOL);
}

static void
test_band_tie_later_point_wins(void **state)
{
	const struct progress_point in_then_out[] = {
		{ S + DAY, 92.0 },
		{ S + DAY, 80.0 },
	};
	const struct progress_point out_then_in[] = {
		{ S + DAY, 80.0 },
		{ S + DAY, 92.0 },
	};

	(void)state;
	/* one week begun; its value is the later of the tied points */
	assert_near(progress_band(90, 95, in_then_out, 2, S, Q_END,
	    S + 3 * DAY), 0.0, TOL);
	assert_near(progress_band(90, 95, out_then_in, 2, S, Q_END,
	    S + 3 * DAY), 1.0, TOL);
}

static void
test_band_without_points_or_weeks_is_nan(void **state)
{
	const struct progress_point pts[] = { { S, 92.0 } };

	(void)state;
	assert_nan(progress_band(90, 95, NULL, 0, S, Q_END, S + 30 * DAY));
	assert_nan(progress_band(90, 95, pts, 0, S, Q_END, S + 30 * DAY));
	/* before start, no week has begun */
	assert_nan(progress_band(90, 95, pts, 1, S, Q_END, S - 1));
	/* an empty cycle has no weeks */
	assert_nan(progress_band(90, 95, pts, 1, S, S, S));
}

/* ---- forecast -------------------------------------------------------- */

static void
test_forecast_exact_line_through_three_collinear_points(void **state)
{
	const struct progress_point up[] = {
		{ S, 100.0 },
		{ S + WEEK, 110.0 },
		{ S + 2 * WEEK, 120.0 },
	};
	const struct progress_point down[] = {
		{ S, 420.0 },
		{ S + WEEK, 400.0 },
		{ S + 2 * WEEK, 380.0 },
	};

	(void)state;
	/* +10 a week, 13 weeks on: 100 + 130 = 230 */
	assert_near(progress_forecast(up, 3, S + 13 * WEEK), 230.0, 1e-9);
	/* -20 a week: 420 - 260 = 160 */
	assert_near(progress_forecast(down, 3, S + 13 * WEEK), 160.0, 1e-9);
	/* on the points themselves, the line gives them back */
	assert_near(progress_forecast(up, 3, S + WEEK), 110.0, 1e-9);
}

static void
test_forecast_least_squares_of_scattered_points(void **state)
{
	const struct progress_point pts[] = {
		{ S, 1.0 },
		{ S + DAY, 3.0 },
		{ S + 2 * DAY, 2.0 },
	};

	(void)state;
	/*
	 * x in days 0,1,2, y 1,3,2: mean x 1, mean y 2;
	 * Sxy = (-1)(-1) + 0 + (1)(0) = 1, Sxx = 2, slope 0.5 a day;
	 * at day 4: 2 + 0.5 * 3 = 3.5.
	 */
	assert_near(progress_forecast(pts, 3, S + 4 * DAY), 3.5, 1e-9);
}

static void
test_forecast_fewer_than_two_distinct_times_is_nan(void **state)
{
	const struct progress_point one[] = { { S, 1.0 } };
	const struct progress_point same[] = {
		{ S + DAY, 1.0 },
		{ S + DAY, 2.0 },
		{ S + DAY, 3.0 },
	};

	(void)state;
	assert_nan(progress_forecast(NULL, 0, Q_END));
	assert_nan(progress_forecast(one, 1, Q_END));
	assert_nan(progress_forecast(same, 3, Q_END));
}

/* ---- names ----------------------------------------------------------- */

static void
test_kr_kind_names_round_trip(void **state)
{
	int	 i;

	(void)state;
	assert_string_equal(kr_kind_name(KR_INCREASE), "increase");
	assert_string_equal(kr_kind_name(KR_DECREASE), "decrease");
	assert_string_equal(kr_kind_name(KR_BAND), "band");
	assert_string_equal(kr_kind_name(KR_BOOLEAN), "boolean");
	assert_string_equal(kr_kind_name(KR_MILESTONES), "milestones");
	for (i = 0; i < KR_KIND__MAX; i++)
		assert_int_equal(kr_kind_parse(kr_kind_name((enum kr_kind)i)),
		    i);
}

static void
test_okr_status_names_round_trip(void **state)
{
	int	 i;

	(void)state;
	assert_string_equal(okr_status_name(STATUS_ON_TRACK), "on_track");
	assert_string_equal(okr_status_name(STATUS_AT_RISK), "at_risk");
	assert_string_equal(okr_status_name(STATUS_OFF_TRACK), "off_track");
	assert_string_equal(okr_status_name(STATUS_OUTDATED), "outdated");
	assert_string_equal(okr_status_name(STATUS_NO_DATA), "no_data");
	assert_string_equal(okr_status_name(STATUS_DONE), "done");
	for (i = 0; i < STATUS__MAX; i++)
		assert_int_equal(okr_status_parse(
		    okr_status_name((enum okr_status)i)), i);
}

static void
test_colour_names(void **state)
{

	(void)state;
	assert_string_equal(colour_name(COLOUR_NONE), "none");
	assert_string_equal(colour_name(COLOUR_RED), "red");
	assert_string_equal(colour_name(COLOUR_YELLOW), "yellow");
	assert_string_equal(colour_name(COLOUR_GREEN), "green");
}

static void
test_parse_unknown_name_returns_minus_one(void **state)
{

	(void)state;
	assert_int_equal(kr_kind_parse("Increase"), -1);
	assert_int_equal(kr_kind_parse("increases"), -1);
	assert_int_equal(kr_kind_parse("on_track"), -1);
	assert_int_equal(kr_kind_parse(""), -1);
	assert_int_equal(kr_kind_parse(NULL), -1);
	assert_int_equal(okr_status_parse("on-track"), -1);
	assert_int_equal(okr_status_parse("ON_TRACK"), -1);
	assert_int_equal(okr_status_parse("green"), -1);
	assert_int_equal(okr_status_parse(""), -1);
	assert_int_equal(okr_status_parse(NULL), -1);
}

static void
test_name_of_out_of_range_value_is_null(void **state)
{

	(void)state;
	assert_null(kr_kind_name(KR_KIND__MAX));
	assert_null(kr_kind_name((enum kr_kind)-1));
	assert_null(okr_status_name(STATUS__MAX));
	assert_null(colour_name(COLOUR__MAX));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kr_progress_increase_halfway),
		cmocka_unit_test(test_kr_progress_decrease_handle_time_halfway),
		cmocka_unit_test(test_kr_progress_decrease_response_time),
		cmocka_unit_test(test_kr_progress_decrease_backlog),
		cmocka_unit_test(test_kr_progress_decrease_past_target_clamps_to_one),
		cmocka_unit_test(test_kr_progress_decrease_behind_baseline_clamps_to_zero),
		cmocka_unit_test(test_kr_progress_increase_past_target_clamps_to_one),
		cmocka_unit_test(test_kr_progress_increase_behind_baseline_clamps_to_zero),
		cmocka_unit_test(test_kr_progress_increase_baseline_equals_target),
		cmocka_unit_test(test_kr_progress_decrease_baseline_equals_target),
		cmocka_unit_test(test_kr_progress_decimal_current),
		cmocka_unit_test(test_kr_progress_nan_input_gives_nan),
		cmocka_unit_test(test_kr_progress_linear_other_kind_is_nan),
		cmocka_unit_test(test_expected_at_start_is_zero),
		cmocka_unit_test(test_expected_in_the_middle),
		cmocka_unit_test(test_expected_at_end_is_one),
		cmocka_unit_test(test_expected_before_start_is_zero),
		cmocka_unit_test(test_expected_after_end_is_one),
		cmocka_unit_test(test_expected_empty_or_inverted_cycle_steps_at_end),
		cmocka_unit_test(test_band_bounds_are_inclusive),
		cmocka_unit_test(test_band_open_low_side),
		cmocka_unit_test(test_band_open_high_side),
		cmocka_unit_test(test_band_value_carries_forward_across_weeks),
		cmocka_unit_test(test_band_weeks_before_first_point_count_as_outside),
		cmocka_unit_test(test_band_counts_only_weeks_begun_by_now),
		cmocka_unit_test(test_band_partial_last_week_and_now_past_end),
		cmocka_unit_test(test_band_at_start_counts_first_week),
		cmocka_unit_test(test_band_tie_later_point_wins),
		cmocka_unit_test(test_band_without_points_or_weeks_is_nan),
		cmocka_unit_test(test_forecast_exact_line_through_three_collinear_points),
		cmocka_unit_test(test_forecast_least_squares_of_scattered_points),
		cmocka_unit_test(test_forecast_fewer_than_two_distinct_times_is_nan),
		cmocka_unit_test(test_kr_kind_names_round_trip),
		cmocka_unit_test(test_okr_status_names_round_trip),
		cmocka_unit_test(test_colour_names),
		cmocka_unit_test(test_parse_unknown_name_returns_minus_one),
		cmocka_unit_test(test_name_of_out_of_range_value_is_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
