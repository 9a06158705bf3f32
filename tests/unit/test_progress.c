/*
 * test_progress.c: the progress math contract (DESIGN.md, okr/progress.h)
 * as cmocka specifications.
 *
 * Every expected value is worked out by hand in the comment next to it,
 * never copied from a run of the code.  Times are fixed epoch seconds with
 * 86400-second days: the cycle used most is Q4 2026, 2026-10-01T00:00:00Z
 * (1790812800) to 2027-01-01T00:00:00Z (92 days: 13 weeks and one day).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "okr/progress.h"

#define DAY	((int64_t)86400)
#define WEEK	(7 * DAY)
#define S	((int64_t)1790812800)	/* 2026-10-01T00:00:00Z */
#define Q_END	(S + 92 * DAY)		/* 2027-01-01T00:00:00Z */
#define TOL	1e-12
#define NPTS(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * cmocka 1.1's assert_float_equal() goes through float, far too coarse
 * for 1e-12, so doubles are compared here, reporting the caller's line.
 */
static void
assert_near_at(double got, double want, double tol, const char *expr,
    const char *file, int line)
{

	if (isnan(got) || isnan(want) || fabs(got - want) > tol) {
		print_error("%s = %.17g, want %.17g (within %g)\n",
		    expr, got, want, tol);
		_fail(file, line);
	}
}

#define assert_near(got, want, tol) \
	assert_near_at((got), (want), (tol), #got, __FILE__, __LINE__)
#define assert_nan(x)	assert_true(isnan(x))

/* A non-manual increase/decrease KR with the DESIGN.md defaults. */
static struct progress_kr
linear_kr(enum kr_kind kind, double b, double t,
    const struct progress_point *pts, size_t npts)
{
	struct progress_kr kr;

	memset(&kr, 0, sizeof(kr));
	kr.kind = kind;
	kr.baseline = b;
	kr.target = t;
	kr.low = kr.high = NAN;
	kr.weight = 1.0;
	kr.cadence = 7 * DAY;
	kr.grace = 3 * DAY;
	kr.pts = pts;
	kr.npts = npts;
	return kr;
}

static struct progress_kr
band_kr(double low, double high, const struct progress_point *pts,
    size_t npts)
{
	struct progress_kr kr;

	kr = linear_kr(KR_BAND, NAN, NAN, pts, npts);
	kr.low = low;
	kr.high = high;
	return kr;
}

static struct progress_kr
value_kr(enum kr_kind kind, const struct progress_point *pts, size_t npts)
{

	return linear_kr(kind, NAN, NAN, pts, npts);
}

/* A hand-made KR evaluation, for roll-up tests. */
static struct progress_eval
eval_of(double progress, double expected, enum okr_status status)
{
	struct progress_eval ev;

	memset(&ev, 0, sizeof(ev));
	ev.current = ev.raw = ev.progress = progress;
	ev.expected = expected;
	ev.status = status;
	ev.forecast_value = ev.forecast_progress = NAN;
	return ev;
}

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

/* ---- key result evaluation ------------------------------------------- */

static void
test_kr_eval_decrease_handle_time(void **state)
{
	const struct progress_point pts[] = {
		{ S, 420.0 },
		{ S + 14 * DAY, 390.0 },
		{ S + 28 * DAY, 360.0 },
	};
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	kr = linear_kr(KR_DECREASE, 420, 300, pts, NPTS(pts));
	progress_kr_eval(&kr, S, Q_END, S + 30 * DAY, &ev);
	assert_near(ev.current, 360.0, TOL);
	/* (360 - 420) / (300 - 420) = 0.5 */
	assert_near(ev.raw, 0.5, TOL);
	assert_near(ev.progress, 0.5, TOL);
	/* 30 of 92 days */
	assert_near(ev.expected, 30.0 / 92.0, TOL);
	assert_int_equal(ev.last_at, S + 28 * DAY);
	/* 0.5 >= 0.7 * 30/92 (about 0.228) */
	assert_int_equal(ev.status, STATUS_ON_TRACK);
	/*
	 * -30 per 14 days; at day 92: 420 - 92 * 30 / 14 = 1560 / 7;
	 * its progress (1560/7 - 420) / -120 = 1380 / 840 > 1, clamped.
	 */
	assert_near(ev.forecast_value, 1560.0 / 7.0, 1e-9);
	assert_near(ev.forecast_progress, 1.0, TOL);
}

static void
test_kr_eval_forecast_ignores_points_after_now(void **state)
{
	const struct progress_point pts[] = {
		{ S, 100.0 },
		{ S + WEEK, 110.0 },
		{ S + 2 * WEEK, 120.0 },
		{ S + 3 * WEEK, 0.0 },		/* not yet happened */
	};
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	kr = linear_kr(KR_INCREASE, 100, 300, pts, NPTS(pts));
	progress_kr_eval(&kr, S, S + 13 * WEEK, S + 2 * WEEK, &ev);
	assert_near(ev.current, 120.0, TOL);
	assert_int_equal(ev.last_at, S + 2 * WEEK);
	/* first three points only: 100 + 13 * 10 = 230 */
	assert_near(ev.forecast_value, 230.0, 1e-9);
	/* (230 - 100) / (300 - 100) = 0.65 */
	assert_near(ev.forecast_progress, 0.65, 1e-9);
}

static void
test_kr_eval_now_is_clamped_to_the_cycle(void **state)
{
	const struct progress_point pts[] = {
		{ S + 10 * DAY, 40.0 },
		{ Q_END + DAY, 90.0 },		/* after the cycle */
	};
	const struct progress_point early[] = {
		{ S - 5 * DAY, 10.0 },		/* a reading before the cycle */
	};
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	kr = linear_kr(KR_INCREASE, 0, 100, pts, NPTS(pts));
	/* now 10 days past the end is the end: day 10's 40 */
	progress_kr_eval(&kr, S, Q_END, Q_END + 10 * DAY, &ev);
	assert_near(ev.current, 40.0, TOL);
	assert_int_equal(ev.last_at, S + 10 * DAY);
	assert_near(ev.expected, 1.0, TOL);
	/* 0.4 >= 0.4 * 1 but < 0.7 * 1 */
	assert_near(ev.progress, 0.4, TOL);
	assert_int_equal(ev.status, STATUS_AT_RISK);

	/* now 3 days before the start is the start */
	kr = linear_kr(KR_INCREASE, 0, 100, early, NPTS(early));
	progress_kr_eval(&kr, S, Q_END, S - 3 * DAY, &ev);
	assert_near(ev.current, 10.0, TOL);
	assert_near(ev.progress, 0.1, TOL);
	assert_near(ev.expected, 0.0, TOL);
	assert_int_equal(ev.status, STATUS_ON_TRACK);
}

static void
test_kr_eval_without_points_has_no_values(void **state)
{
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	kr = linear_kr(KR_INCREASE, 0, 100, NULL, 0);
	progress_kr_eval(&kr, S, Q_END, S + 30 * DAY, &ev);
	assert_nan(ev.current);
	assert_nan(ev.raw);
	assert_nan(ev.progress);
	assert_nan(ev.forecast_value);
	assert_nan(ev.forecast_progress);
	assert_int_equal(ev.last_at, 0);
	assert_near(ev.expected, 30.0 / 92.0, TOL);
	assert_int_equal(ev.status, STATUS_NO_DATA);
}

static void
test_kr_eval_boolean_done_at_one(void **state)
{
	const struct progress_point yes[] = { { S + DAY, 1.0 } };
	const struct progress_point no[] = { { S + DAY, 0.0 } };
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	kr = value_kr(KR_BOOLEAN, yes, 1);
	progress_kr_eval(&kr, S, S + 70 * DAY, S + 35 * DAY, &ev);
	assert_near(ev.progress, 1.0, TOL);
	assert_int_equal(ev.status, STATUS_DONE);

	/* 0 at half-time: 0 < 0.4 * 0.5 */
	kr = value_kr(KR_BOOLEAN, no, 1);
	progress_kr_eval(&kr, S, S + 70 * DAY, S + 35 * DAY, &ev);
	assert_near(ev.progress, 0.0, TOL);
	assert_int_equal(ev.status, STATUS_OFF_TRACK);
}

static void
test_kr_eval_milestones_done_at_one(void **state)
{
	const struct progress_point half[] = {
		{ S + DAY, 0.25 },
		{ S + 20 * DAY, 0.5 },
	};
	const struct progress_point all[] = {
		{ S + DAY, 0.25 },
		{ S + 20 * DAY, 1.0 },
	};
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	/* 0.5 at day 35 of 70: 0.5 >= 0.7 * 0.5, and not done */
	kr = value_kr(KR_MILESTONES, half, NPTS(half));
	progress_kr_eval(&kr, S, S + 70 * DAY, S + 35 * DAY, &ev);
	assert_near(ev.progress, 0.5, TOL);
	assert_int_equal(ev.status, STATUS_ON_TRACK);

	kr = value_kr(KR_MILESTONES, all, NPTS(all));
	progress_kr_eval(&kr, S, S + 70 * DAY, S + 35 * DAY, &ev);
	assert_near(ev.progress, 1.0, TOL);
	assert_int_equal(ev.status, STATUS_DONE);
}

static void
test_kr_eval_milestones_forecast_progress_is_clamped(void **state)
{
	const struct progress_point pts[] = {
		{ S, 0.0 },
		{ S + WEEK, 0.25 },
	};
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	kr = value_kr(KR_MILESTONES, pts, NPTS(pts));
	progress_kr_eval(&kr, S, S + 13 * WEEK, S + WEEK, &ev);
	/* 0.25 a week for 13 weeks = 3.25, shown as progress 1 */
	assert_near(ev.forecast_value, 3.25, 1e-9);
	assert_near(ev.forecast_progress, 1.0, TOL);
}

static void
test_kr_eval_done_beats_outdated(void **state)
{
	const struct progress_point pts[] = { { S + DAY, 1.0 } };
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	/* manual, silent for 59 days (> 7 + 3), but done */
	kr = value_kr(KR_BOOLEAN, pts, 1);
	kr.manual = 1;
	progress_kr_eval(&kr, S, Q_END, S + 60 * DAY, &ev);
	assert_int_equal(ev.status, STATUS_DONE);
}

static void
test_kr_eval_manual_silent_past_grace_is_outdated(void **state)
{
	const struct progress_point pts[] = { { S + DAY, 100.0 } };
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	/* progress 1 (at target), yet silent 10 d + 1 s > 7 d + 3 d */
	kr = linear_kr(KR_INCREASE, 0, 100, pts, 1);
	kr.manual = 1;
	progress_kr_eval(&kr, S, Q_END, S + 11 * DAY + 1, &ev);
	assert_near(ev.progress, 1.0, TOL);
	assert_int_equal(ev.status, STATUS_OUTDATED);
}

static void
test_kr_eval_manual_silent_up_to_grace_is_not_outdated(void **state)
{
	const struct progress_point pts[] = { { S + DAY, 100.0 } };
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	/* silent exactly 10 d: not more than 7 d + 3 d */
	kr = linear_kr(KR_INCREASE, 0, 100, pts, 1);
	kr.manual = 1;
	progress_kr_eval(&kr, S, Q_END, S + 11 * DAY, &ev);
	assert_int_equal(ev.status, STATUS_ON_TRACK);
}

static void
test_kr_eval_manual_without_checkin_is_silent_since_start(void **state)
{
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	kr = linear_kr(KR_INCREASE, 0, 100, NULL, 0);
	kr.manual = 1;
	/* 10 d since start: not outdated, past week one, so no_data */
	progress_kr_eval(&kr, S, Q_END, S + 10 * DAY, &ev);
	assert_int_equal(ev.status, STATUS_NO_DATA);
	/* 10 d + 1 s: outdated beats no_data */
	progress_kr_eval(&kr, S, Q_END, S + 10 * DAY + 1, &ev);
	assert_int_equal(ev.status, STATUS_OUTDATED);
}

static void
test_kr_eval_manual_custom_cadence_and_grace(void **state)
{
	const struct progress_point pts[] = { { S + DAY, 100.0 } };
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	/* fortnightly cadence + 1 day grace = 15 d; last check-in day 1 */
	kr = linear_kr(KR_INCREASE, 0, 100, pts, 1);
	kr.manual = 1;
	kr.cadence = 14 * DAY;
	kr.grace = DAY;
	progress_kr_eval(&kr, S, Q_END, S + 16 * DAY, &ev);
	assert_int_equal(ev.status, STATUS_ON_TRACK);
	progress_kr_eval(&kr, S, Q_END, S + 16 * DAY + 1, &ev);
	assert_int_equal(ev.status, STATUS_OUTDATED);
}

static void
test_kr_eval_non_manual_is_never_outdated(void **state)
{
	const struct progress_point pts[] = { { S + DAY, 100.0 } };
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	/* silent 59 d, but KPI-fed: progress 1 >= 0.7 * 60/92 */
	kr = linear_kr(KR_INCREASE, 0, 100, pts, 1);
	kr.manual = 0;
	progress_kr_eval(&kr, S, Q_END, S + 60 * DAY, &ev);
	assert_int_equal(ev.status, STATUS_ON_TRACK);
}

static void
test_kr_eval_first_week_is_on_track(void **state)
{
	const struct progress_point pts[] = { { S, 100.0 } };
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	/* progress 0 on day 6: expected 6/92, yet on_track */
	kr = linear_kr(KR_INCREASE, 100, 200, pts, 1);
	progress_kr_eval(&kr, S, Q_END, S + 6 * DAY, &ev);
	assert_near(ev.progress, 0.0, TOL);
	assert_int_equal(ev.status, STATUS_ON_TRACK);
	/* day 7 is week two: 0 < 0.4 * 7/92 */
	progress_kr_eval(&kr, S, Q_END, S + 7 * DAY, &ev);
	assert_int_equal(ev.status, STATUS_OFF_TRACK);
}

static void
test_kr_eval_without_data_is_no_data_after_first_week(void **state)
{
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	kr = linear_kr(KR_DECREASE, 420, 300, NULL, 0);
	/* no records on day 6: still on_track */
	progress_kr_eval(&kr, S, Q_END, S + 6 * DAY, &ev);
	assert_int_equal(ev.status, STATUS_ON_TRACK);
	/* no records on day 7 */
	progress_kr_eval(&kr, S, Q_END, S + 7 * DAY, &ev);
	assert_int_equal(ev.status, STATUS_NO_DATA);
}

/*
 * Status boundaries: a 70-day cycle at day 35 expects exactly 0.5, so
 * on_track needs 0.7 * 0.5 = 0.35 and at_risk 0.4 * 0.5 = 0.2.  The KR
 * goes 0 -> 100, so progress is current / 100.
 */
static enum okr_status
status_at_half_time(double current)
{
	struct progress_point pts[1];
	struct progress_kr kr;
	struct progress_eval ev;

	pts[0].at = S + DAY;
	pts[0].value = current;
	kr = linear_kr(KR_INCREASE, 0, 100, pts, 1);
	progress_kr_eval(&kr, S, S + 70 * DAY, S + 35 * DAY, &ev);
	assert_near(ev.expected, 0.5, TOL);
	return ev.status;
}

static void
test_kr_eval_on_track_at_exactly_seven_tenths_of_expected(void **state)
{

	(void)state;
	/* 35 / 100 = 0.35 = 0.7 * 0.5 */
	assert_int_equal(status_at_half_time(35.0), STATUS_ON_TRACK);
}

static void
test_kr_eval_at_risk_just_below_seven_tenths_of_expected(void **state)
{

	(void)state;
	/* 0.349 < 0.35 */
	assert_int_equal(status_at_half_time(34.9), STATUS_AT_RISK);
}

static void
test_kr_eval_at_risk_at_exactly_four_tenths_of_expected(void **state)
{

	(void)state;
	/* 20 / 100 = 0.2 = 0.4 * 0.5 */
	assert_int_equal(status_at_half_time(20.0), STATUS_AT_RISK);
}

static void
test_kr_eval_off_track_just_below_four_tenths_of_expected(void **state)
{

	(void)state;
	/* 0.199 < 0.2 */
	assert_int_equal(status_at_half_time(19.9), STATUS_OFF_TRACK);
}

static void
test_kr_eval_threshold_forgives_representation_error(void **state)
{

	(void)state;
	/* (35 - 1e-10) / 100 = 0.35 - 1e-12: within 1e-9 (progress.c) */
	assert_int_equal(status_at_half_time(35.0 - 1e-10), STATUS_ON_TRACK);
	/* (35 - 1e-4) / 100 = 0.35 - 1e-6: genuinely below */
	assert_int_equal(status_at_half_time(35.0 - 1e-4), STATUS_AT_RISK);
}

static void
test_kr_eval_band_expects_every_week(void **state)
{
	/* band [90, 95], 4-week cycle, one value a week, now at the end */
	const struct progress_point three[] = {
		{ S + 1 * DAY, 92 }, { S + 8 * DAY, 92 },
		{ S + 15 * DAY, 92 }, { S + 22 * DAY, 80 },
	};
	const struct progress_point two[] = {
		{ S + 1 * DAY, 92 }, { S + 8 * DAY, 80 },
		{ S + 15 * DAY, 92 }, { S + 22 * DAY, 80 },
	};
	const struct progress_point one[] = {
		{ S + 1 * DAY, 80 }, { S + 8 * DAY, 80 },
		{ S + 15 * DAY, 92 }, { S + 22 * DAY, 80 },
	};
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	/* 3/4 = 0.75 >= 0.7 * 1 */
	kr = band_kr(90, 95, three, 4);
	progress_kr_eval(&kr, S, S + 4 * WEEK, S + 4 * WEEK, &ev);
	assert_near(ev.expected, 1.0, TOL);
	assert_near(ev.progress, 0.75, TOL);
	assert_near(ev.raw, 0.75, TOL);
	assert_near(ev.current, 80.0, TOL);
	assert_int_equal(ev.status, STATUS_ON_TRACK);
	/* a trend of values is no forecast of weeks in the band */
	assert_nan(ev.forecast_progress);

	/* 2/4 = 0.5: >= 0.4, < 0.7 */
	kr = band_kr(90, 95, two, 4);
	progress_kr_eval(&kr, S, S + 4 * WEEK, S + 4 * WEEK, &ev);
	assert_near(ev.progress, 0.5, TOL);
	assert_int_equal(ev.status, STATUS_AT_RISK);

	/* 1/4 = 0.25 < 0.4 */
	kr = band_kr(90, 95, one, 4);
	progress_kr_eval(&kr, S, S + 4 * WEEK, S + 4 * WEEK, &ev);
	assert_near(ev.progress, 0.25, TOL);
	assert_int_equal(ev.status, STATUS_OFF_TRACK);
}

static void
test_kr_eval_band_expects_every_week_mid_cycle(void **state)
{
	const struct progress_point pts[] = {
		{ S + 1 * DAY, 92 },
		{ S + 8 * DAY, 80 },
	};
	struct progress_kr kr;
	struct progress_eval ev;

	(void)state;
	/*
	 * Day 14 of 28: weeks 0-2 begun; week 0 ends on 92 (in), weeks 1
	 * and 2 on 80 (out): 1/3.  Expected is 1, not 14/28, so
	 * 1/3 < 0.4 * 1 is off_track (against 0.5 it would be at_risk).
	 */
	kr = band_kr(90, 95, pts, NPTS(pts));
	progress_kr_eval(&kr, S, S + 4 * WEEK, S + 14 * DAY, &ev);
	assert_near(ev.progress, 1.0 / 3.0, TOL);
	assert_near(ev.expected, 1.0, TOL);
	assert_int_equal(ev.status, STATUS_OFF_TRACK);
}

/* ---- objective roll-up ------------------------------------------------ */

static void
test_objective_mixes_increase_and_decrease(void **state)
{
	const struct progress_point csat[] = { { S + 40 * DAY, 85.0 } };
	const struct progress_point aht[] = { { S + 40 * DAY, 330.0 } };
	struct progress_kr krs[2];
	struct progress_eval evs[2];
	struct progress_objective obj;

	(void)state;
	krs[0] = linear_kr(KR_INCREASE, 80, 90, csat, 1);
	krs[1] = linear_kr(KR_DECREASE, 420, 300, aht, 1);
	progress_kr_eval(&krs[0], S, Q_END, S + 46 * DAY, &evs[0]);
	progress_kr_eval(&krs[1], S, Q_END, S + 46 * DAY, &evs[1]);
	/* CSAT (85-80)/10 = 0.5; handle time (330-420)/(300-420) = 0.75 */
	assert_near(evs[0].progress, 0.5, TOL);
	assert_near(evs[1].progress, 0.75, TOL);
	progress_objective_eval(krs, evs, 2, S, S + 46 * DAY, &obj);
	/* (0.5 + 0.75) / 2 = 0.625; expected 46/92 = 0.5 */
	assert_near(obj.progress, 0.625, TOL);
	assert_near(obj.expected, 0.5, TOL);
	assert_int_equal(obj.status, STATUS_ON_TRACK);
}

static void
test_objective_weights_three_and_one(void **state)
{
	struct progress_kr krs[2];
	struct progress_eval evs[2];
	struct progress_objective obj;

	(void)state;
	krs[0] = linear_kr(KR_INCREASE, 0, 1, NULL, 0);
	krs[1] = linear_kr(KR_INCREASE, 0, 1, NULL, 0);
	evs[0] = eval_of(1.0, 0.5, STATUS_ON_TRACK);
	evs[1] = eval_of(0.2, 0.5, STATUS_OFF_TRACK);

	/* (3 * 1.0 + 1 * 0.2) / 4 = 0.8 */
	krs[0].weight = 3.0;
	krs[1].weight = 1.0;
	progress_objective_eval(krs, evs, 2, S, S + 46 * DAY, &obj);
	assert_near(obj.progress, 0.8, TOL);

	/* swapped: (1 * 1.0 + 3 * 0.2) / 4 = 0.4 */
	krs[0].weight = 1.0;
	krs[1].weight = 3.0;
	progress_objective_eval(krs, evs, 2, S, S + 46 * DAY, &obj);
	assert_near(obj.progress, 0.4, TOL);
}

static void
test_objective_expected_is_weighted_mean(void **state)
{
	struct progress_kr krs[2];
	struct progress_eval evs[2];
	struct progress_objective obj;

	(void)state;
	krs[0] = linear_kr(KR_INCREASE, 0, 1, NULL, 0);
	krs[1] = band_kr(90, 95, NULL, 0);
	krs[0].weight = 3.0;
	evs[0] = eval_of(0.5, 0.5, STATUS_ON_TRACK);
	evs[1] = eval_of(1.0, 1.0, STATUS_ON_TRACK);
	progress_objective_eval(krs, evs, 2, S, S + 46 * DAY, &obj);
	/* (3 * 0.5 + 1 * 1.0) / 4 = 0.625 */
	assert_near(obj.expected, 0.625, TOL);
}

static void
test_objective_nonpositive_weight_counts_as_one(void **state)
{
	struct progress_kr krs[2];
	struct progress_eval evs[2];
	struct progress_objective obj;

	(void)state;
	krs[0] = linear_kr(KR_INCREASE, 0, 1, NULL, 0);
	krs[1] = linear_kr(KR_INCREASE, 0, 1, NULL, 0);
	evs[0] = eval_of(1.0, 0.5, STATUS_ON_TRACK);
	evs[1] = eval_of(0.2, 0.5, STATUS_OFF_TRACK);
	/* 0 and -2 default to 1 (see progress.c): (1 + 0.2) / 2 = 0.6 */
	krs[0].weight = 0.0;
	krs[1].weight = -2.0;
	progress_objective_eval(krs, evs, 2, S, S + 46 * DAY, &obj);
	assert_near(obj.progress, 0.6, TOL);
	krs[1].weight = NAN;
	progress_objective_eval(krs, evs, 2, S, S + 46 * DAY, &obj);
	assert_near(obj.progress, 0.6, TOL);
}

static void
test_objective_without_key_results_has_no_progress(void **state)
{
	struct progress_objective obj;

	(void)state;
	progress_objective_eval(NULL, NULL, 0, S, S + 46 * DAY, &obj);
	assert_nan(obj.progress);
	assert_int_equal(obj.status, STATUS_NO_DATA);
}

static void
test_objective_kr_without_data_counts_as_zero(void **state)
{
	struct progress_kr krs[2];
	struct progress_eval evs[2];
	struct progress_objective obj;

	(void)state;
	krs[0] = linear_kr(KR_INCREASE, 0, 1, NULL, 0);
	krs[1] = linear_kr(KR_INCREASE, 0, 1, NULL, 0);
	evs[0] = eval_of(0.8, 0.5, STATUS_ON_TRACK);
	evs[1] = eval_of(NAN, 0.5, STATUS_NO_DATA);
	progress_objective_eval(krs, evs, 2, S, S + 46 * DAY, &obj);
	/* (0.8 + 0) / 2 = 0.4, not 0.8: 0.4 >= 0.7 * 0.5 */
	assert_near(obj.progress, 0.4, TOL);
	assert_int_equal(obj.status, STATUS_ON_TRACK);
}

static void
test_objective_all_krs_without_data_is_nan(void **state)
{
	struct progress_kr krs[2];
	struct progress_eval evs[2];
	struct progress_objective obj;

	(void)state;
	krs[0] = linear_kr(KR_INCREASE, 0, 1, NULL, 0);
	krs[1] = linear_kr(KR_DECREASE, 1, 0, NULL, 0);
	evs[0] = eval_of(NAN, 0.5, STATUS_NO_DATA);
	evs[1] = eval_of(NAN, 0.5, STATUS_NO_DATA);
	progress_objective_eval(krs, evs, 2, S, S + 46 * DAY, &obj);
	assert_nan(obj.progress);
	assert_int_equal(obj.status, STATUS_NO_DATA);
	/* no_data is the first objective rule, even in week one */
	evs[0].status = evs[1].status = STATUS_ON_TRACK;
	progress_objective_eval(krs, evs, 2, S, S + DAY, &obj);
	assert_nan(obj.progress);
	assert_int_equal(obj.status, STATUS_NO_DATA);
}

static void
test_objective_outdated_if_any_kr_is_outdated(void **state)
{
	struct progress_kr krs[2];
	struct progress_eval evs[2];
	struct progress_objective obj;

	(void)state;
	krs[0] = linear_kr(KR_INCREASE, 0, 1, NULL, 0);
	krs[1] = linear_kr(KR_INCREASE, 0, 1, NULL, 0);
	evs[0] = eval_of(1.0, 0.5, STATUS_ON_TRACK);
	evs[1] = eval_of(0.9, 0.5, STATUS_OUTDATED);
	progress_objective_eval(krs, evs, 2, S, S + 46 * DAY, &obj);
	/* progress 0.95 would be on_track; silence wins */
	assert_int_equal(obj.status, STATUS_OUTDATED);
}

static void
test_objective_done_only_if_every_kr_is_done(void **state)
{
	struct progress_kr krs[2];
	struct progress_eval evs[2];
	struct progress_objective obj;

	(void)state;
	krs[0] = value_kr(KR_BOOLEAN, NULL, 0);
	krs[1] = value_kr(KR_MILESTONES, NULL, 0);
	evs[0] = eval_of(1.0, 0.5, STATUS_DONE);
	evs[1] = eval_of(1.0, 0.5, STATUS_DONE);
	progress_objective_eval(krs, evs, 2, S, S + 46 * DAY, &obj);
	assert_int_equal(obj.status, STATUS_DONE);

	/* (1 + 0.5) / 2 = 0.75 >= 0.35: on_track, not done */
	evs[1] = eval_of(0.5, 0.5, STATUS_ON_TRACK);
	progress_objective_eval(krs, evs, 2, S, S + 46 * DAY, &obj);
	assert_int_equal(obj.status, STATUS_ON_TRACK);
}

static void
test_objective_first_week_is_on_track(void **state)
{
	struct progress_kr krs[1];
	struct progress_eval evs[1];
	struct progress_objective obj;

	(void)state;
	krs[0] = linear_kr(KR_INCREASE, 0, 1, NULL, 0);
	evs[0] = eval_of(0.0, 0.05, STATUS_ON_TRACK);
	/* day 3: progress 0 against 0.05, but the cycle is a week old */
	progress_objective_eval(krs, evs, 1, S, S + 3 * DAY, &obj);
	assert_int_equal(obj.status, STATUS_ON_TRACK);
	/* day 7: 0 < 0.4 * 0.05 */
	progress_objective_eval(krs, evs, 1, S, S + 7 * DAY, &obj);
	assert_int_equal(obj.status, STATUS_OFF_TRACK);
}

/* Objective status with both KRs at progress p, expected 0.5. */
static enum okr_status
objective_status_at(double p)
{
	struct progress_kr krs[2];
	struct progress_eval evs[2];
	struct progress_objective obj;

	krs[0] = linear_kr(KR_INCREASE, 0, 1, NULL, 0);
	krs[1] = linear_kr(KR_INCREASE, 0, 1, NULL, 0);
	evs[0] = eval_of(p, 0.5, STATUS_ON_TRACK);
	evs[1] = eval_of(p, 0.5, STATUS_ON_TRACK);
	progress_objective_eval(krs, evs, 2, S, S + 46 * DAY, &obj);
	/* (p + p) / 2 = p exactly; (0.5 + 0.5) / 2 = 0.5 */
	assert_near(obj.progress, p, TOL);
	assert_near(obj.expected, 0.5, TOL);
	return obj.status;
}

static void
test_objective_status_thresholds(void **state)
{

	(void)state;
	/* 0.7 * 0.5 = 0.35 and 0.4 * 0.5 = 0.2 */
	assert_int_equal(objective_status_at(0.35), STATUS_ON_TRACK);
	assert_int_equal(objective_status_at(0.349), STATUS_AT_RISK);
	assert_int_equal(objective_status_at(0.2), STATUS_AT_RISK);
	assert_int_equal(objective_status_at(0.199), STATUS_OFF_TRACK);
}

/* ---- grade and colour ------------------------------------------------ */

static void
test_grade_rounds_to_one_decimal_half_up(void **state)
{

	(void)state;
	assert_near(progress_grade(0.65), 0.7, TOL);
	assert_near(progress_grade(0.64), 0.6, TOL);
	assert_near(progress_grade(0.05), 0.1, TOL);
	assert_near(progress_grade(0.04), 0.0, TOL);
	assert_near(progress_grade(0.95), 1.0, TOL);
	assert_near(progress_grade(0.0), 0.0, TOL);
	assert_near(progress_grade(1.0), 1.0, TOL);
	/* 13 / 20 = 0.65 as computed by the linear formula */
	assert_near(progress_grade(progress_linear(KR_INCREASE, 0, 20, 13,
	    NULL)), 0.7, TOL);
}

static void
test_grade_forgives_representation_error_at_the_half(void **state)
{

	(void)state;
	/* 0.65 computed a hair low still grades 0.7 */
	assert_near(progress_grade(0.6499999999), 0.7, TOL);
	/* a real shortfall does not */
	assert_near(progress_grade(0.649999), 0.6, TOL);
}

static void
test_grade_clamps_to_zero_and_one(void **state)
{

	(void)state;
	assert_near(progress_grade(1.5), 1.0, TOL);
	assert_near(progress_grade(-0.3), 0.0, TOL);
	assert_nan(progress_grade(NAN));
}

static void
test_colour_boundaries(void **state)
{

	(void)state;
	assert_int_equal(progress_colour(0.0), COLOUR_RED);
	assert_int_equal(progress_colour(0.39), COLOUR_RED);
	assert_int_equal(progress_colour(0.4), COLOUR_YELLOW);
	assert_int_equal(progress_colour(0.69), COLOUR_YELLOW);
	assert_int_equal(progress_colour(0.7), COLOUR_GREEN);
	assert_int_equal(progress_colour(1.0), COLOUR_GREEN);
	assert_int_equal(progress_colour(NAN), COLOUR_NONE);
	/* the progress 0.66 is yellow; its grade 0.7 is green */
	assert_int_equal(progress_colour(0.66), COLOUR_YELLOW);
	assert_int_equal(progress_colour(progress_grade(0.66)), COLOUR_GREEN);
}

static void
test_colour_forgives_representation_error(void **state)
{

	(void)state;
	/* within 1e-9 below a boundary is on it */
	assert_int_equal(progress_colour(0.6999999999), COLOUR_GREEN);
	assert_int_equal(progress_colour(0.3999999999), COLOUR_YELLOW);
	/* further below is not */
	assert_int_equal(progress_colour(0.6999), COLOUR_YELLOW);
	assert_int_equal(progress_colour(0.3999), COLOUR_RED);
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
		cmocka_unit_test(
		    test_kr_progress_decrease_past_target_clamps_to_one),
		cmocka_unit_test(
		    test_kr_progress_decrease_behind_baseline_clamps_to_zero),
		cmocka_unit_test(
		    test_kr_progress_increase_past_target_clamps_to_one),
		cmocka_unit_test(
		    test_kr_progress_increase_behind_baseline_clamps_to_zero),
		cmocka_unit_test(
		    test_kr_progress_increase_baseline_equals_target),
		cmocka_unit_test(
		    test_kr_progress_decrease_baseline_equals_target),
		cmocka_unit_test(test_kr_progress_decimal_current),
		cmocka_unit_test(test_kr_progress_nan_input_gives_nan),
		cmocka_unit_test(test_kr_progress_linear_other_kind_is_nan),
		cmocka_unit_test(test_expected_at_start_is_zero),
		cmocka_unit_test(test_expected_in_the_middle),
		cmocka_unit_test(test_expected_at_end_is_one),
		cmocka_unit_test(test_expected_before_start_is_zero),
		cmocka_unit_test(test_expected_after_end_is_one),
		cmocka_unit_test(
		    test_expected_empty_or_inverted_cycle_steps_at_end),
		cmocka_unit_test(test_band_bounds_are_inclusive),
		cmocka_unit_test(test_band_open_low_side),
		cmocka_unit_test(test_band_open_high_side),
		cmocka_unit_test(test_band_value_carries_forward_across_weeks),
		cmocka_unit_test(
		    test_band_weeks_before_first_point_count_as_outside),
		cmocka_unit_test(test_band_counts_only_weeks_begun_by_now),
		cmocka_unit_test(test_band_partial_last_week_and_now_past_end),
		cmocka_unit_test(test_band_at_start_counts_first_week),
		cmocka_unit_test(test_band_tie_later_point_wins),
		cmocka_unit_test(test_band_without_points_or_weeks_is_nan),
		cmocka_unit_test(
		    test_forecast_exact_line_through_three_collinear_points),
		cmocka_unit_test(
		    test_forecast_least_squares_of_scattered_points),
		cmocka_unit_test(
		    test_forecast_fewer_than_two_distinct_times_is_nan),
		cmocka_unit_test(test_kr_eval_decrease_handle_time),
		cmocka_unit_test(
		    test_kr_eval_forecast_ignores_points_after_now),
		cmocka_unit_test(test_kr_eval_now_is_clamped_to_the_cycle),
		cmocka_unit_test(test_kr_eval_without_points_has_no_values),
		cmocka_unit_test(test_kr_eval_boolean_done_at_one),
		cmocka_unit_test(test_kr_eval_milestones_done_at_one),
		cmocka_unit_test(
		    test_kr_eval_milestones_forecast_progress_is_clamped),
		cmocka_unit_test(test_kr_eval_done_beats_outdated),
		cmocka_unit_test(
		    test_kr_eval_manual_silent_past_grace_is_outdated),
		cmocka_unit_test(
		    test_kr_eval_manual_silent_up_to_grace_is_not_outdated),
		cmocka_unit_test(
		    test_kr_eval_manual_without_checkin_is_silent_since_start),
		cmocka_unit_test(test_kr_eval_manual_custom_cadence_and_grace),
		cmocka_unit_test(test_kr_eval_non_manual_is_never_outdated),
		cmocka_unit_test(test_kr_eval_first_week_is_on_track),
		cmocka_unit_test(
		    test_kr_eval_without_data_is_no_data_after_first_week),
		cmocka_unit_test(
		    test_kr_eval_on_track_at_exactly_seven_tenths_of_expected),
		cmocka_unit_test(
		    test_kr_eval_at_risk_just_below_seven_tenths_of_expected),
		cmocka_unit_test(
		    test_kr_eval_at_risk_at_exactly_four_tenths_of_expected),
		cmocka_unit_test(
		    test_kr_eval_off_track_just_below_four_tenths_of_expected),
		cmocka_unit_test(
		    test_kr_eval_threshold_forgives_representation_error),
		cmocka_unit_test(test_kr_eval_band_expects_every_week),
		cmocka_unit_test(
		    test_kr_eval_band_expects_every_week_mid_cycle),
		cmocka_unit_test(test_objective_mixes_increase_and_decrease),
		cmocka_unit_test(test_objective_weights_three_and_one),
		cmocka_unit_test(test_objective_expected_is_weighted_mean),
		cmocka_unit_test(
		    test_objective_nonpositive_weight_counts_as_one),
		cmocka_unit_test(
		    test_objective_without_key_results_has_no_progress),
		cmocka_unit_test(test_objective_kr_without_data_counts_as_zero),
		cmocka_unit_test(test_objective_all_krs_without_data_is_nan),
		cmocka_unit_test(test_objective_outdated_if_any_kr_is_outdated),
		cmocka_unit_test(test_objective_done_only_if_every_kr_is_done),
		cmocka_unit_test(test_objective_first_week_is_on_track),
		cmocka_unit_test(test_objective_status_thresholds),
		cmocka_unit_test(test_grade_rounds_to_one_decimal_half_up),
		cmocka_unit_test(
		    test_grade_forgives_representation_error_at_the_half),
		cmocka_unit_test(test_grade_clamps_to_zero_and_one),
		cmocka_unit_test(test_colour_boundaries),
		cmocka_unit_test(test_colour_forgives_representation_error),
		cmocka_unit_test(test_kr_kind_names_round_trip),
		cmocka_unit_test(test_okr_status_names_round_trip),
		cmocka_unit_test(test_colour_names),
		cmocka_unit_test(test_parse_unknown_name_returns_minus_one),
		cmocka_unit_test(test_name_of_out_of_range_value_is_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
