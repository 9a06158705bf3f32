/*
 * test_progress_eval.c: the progress math contract (DESIGN.md,
 * okr/progress.h), part two: evaluating a key result (status rules,
 * forecast), the objective roll-up, grades and colours.
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kr_eval_decrease_handle_time),
		cmocka_unit_test(test_kr_eval_forecast_ignores_points_after_now),
		cmocka_unit_test(test_kr_eval_now_is_clamped_to_the_cycle),
		cmocka_unit_test(test_kr_eval_without_points_has_no_values),
		cmocka_unit_test(test_kr_eval_boolean_done_at_one),
		cmocka_unit_test(test_kr_eval_milestones_done_at_one),
		cmocka_unit_test(test_kr_eval_milestones_forecast_progress_is_clamped),
		cmocka_unit_test(test_kr_eval_done_beats_outdated),
		cmocka_unit_test(test_kr_eval_manual_silent_past_grace_is_outdated),
		cmocka_unit_test(test_kr_eval_manual_silent_up_to_grace_is_not_outdated),
		cmocka_unit_test(test_kr_eval_manual_without_checkin_is_silent_since_start),
		cmocka_unit_test(test_kr_eval_manual_custom_cadence_and_grace),
		cmocka_unit_test(test_kr_eval_non_manual_is_never_outdated),
		cmocka_unit_test(test_kr_eval_first_week_is_on_track),
		cmocka_unit_test(test_kr_eval_without_data_is_no_data_after_first_week),
		cmocka_unit_test(test_kr_eval_on_track_at_exactly_seven_tenths_of_expected),
		cmocka_unit_test(test_kr_eval_at_risk_just_below_seven_tenths_of_expected),
		cmocka_unit_test(test_kr_eval_at_risk_at_exactly_four_tenths_of_expected),
		cmocka_unit_test(test_kr_eval_off_track_just_below_four_tenths_of_expected),
		cmocka_unit_test(test_kr_eval_threshold_forgives_representation_error),
		cmocka_unit_test(test_kr_eval_band_expects_every_week),
		cmocka_unit_test(test_kr_eval_band_expects_every_week_mid_cycle),
		cmocka_unit_test(test_objective_mixes_increase_and_decrease),
		cmocka_unit_test(test_objective_weights_three_and_one),
		cmocka_unit_test(test_objective_expected_is_weighted_mean),
		cmocka_unit_test(test_objective_nonpositive_weight_counts_as_one),
		cmocka_unit_test(test_objective_without_key_results_has_no_progress),
		cmocka_unit_test(test_objective_kr_without_data_counts_as_zero),
		cmocka_unit_test(test_objective_all_krs_without_data_is_nan),
		cmocka_unit_test(test_objective_outdated_if_any_kr_is_outdated),
		cmocka_unit_test(test_objective_done_only_if_every_kr_is_done),
		cmocka_unit_test(test_objective_first_week_is_on_track),
		cmocka_unit_test(test_objective_status_thresholds),
		cmocka_unit_test(test_grade_rounds_to_one_decimal_half_up),
		cmocka_unit_test(test_grade_forgives_representation_error_at_the_half),
		cmocka_unit_test(test_grade_clamps_to_zero_and_one),
		cmocka_unit_test(test_colour_boundaries),
		cmocka_unit_test(test_colour_forgives_representation_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
