/*
 * test_kpi.c: the interaction KPIs on small fixtures whose answers are
 * worked out by hand in the comments: volume, response and resolution
 * times, backlog, SLA, reopen, escalation, FCR, the contact-center four,
 * buckets in a DST week and in the ISO week of January 1, segments,
 * filters, exclusions and business hours.  Survey, QA and people KPIs
 * are in test_kpi_voice.c.
 *
 * Dates: Monday 2026-03-02 starts the fixtures' week (2026-03-01 is a
 * Sunday); the zone is UTC unless a test says otherwise.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "kpi_test.h"

#define IX	DS_INTERACTIONS
#define H	3600.0

static void
test_kpi_volume_by_week_and_an_empty_week_is_no_data(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;
	struct kpi_result	 r;

	(void)state;
	fx(s, IX, "created_at=2026-03-02T09:00:00Z");
	fx(s, IX, "created_at=2026-03-03T10:00:00Z");
	fx(s, IX, "created_at=2026-03-16T11:00:00Z");
	fx_finish(s);
	kpi_query_init(&q, "volume");
	q.bucket = KB_WEEK;
	q.from = fx_t("2026-03-02T00:00:00Z");
	q.to = fx_t("2026-03-23T00:00:00Z");
	r = fx_run(s, &q);
	/* weeks of 03-02, 03-09, 03-16: 2, none, 1 */
	assert_int_equal(r.ncells, 3);
	NEAR(r.cells[0].value, 2);
	assert_true(isnan(r.cells[1].value));
	assert_int_equal(r.cells[1].n, 0);
	NEAR(r.cells[2].value, 1);
	assert_true(r.cells[1].start == fx_t("2026-03-09T00:00:00Z"));
	assert_null(r.cells[0].group);
	/* a window with no records: no data, not 0 */
	q.bucket = KB_NONE;
	q.from = fx_t("2026-04-01T00:00:00Z");
	q.to = fx_t("2026-05-01T00:00:00Z");
	r = fx_run(s, &q);
	assert_int_equal(r.ncells, 1);
	assert_true(isnan(r.cells[0].value));
	snap_free(s);
}

static void
test_kpi_frt_of_two_replies_after_30_and_90_minutes(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;
	struct kpi_result	 r;

	(void)state;
	/* 5 tickets, 2 answered after 30 and 90 minutes */
	fx(s, IX, "created_at=2026-03-02T09:00:00Z "
	    "first_reply_at=2026-03-02T09:30:00Z");
	fx(s, IX, "created_at=2026-03-02T09:00:00Z "
	    "first_reply_at=2026-03-02T10:30:00Z");
	for (int i = 0; i < 3; i++)
		fx(s, IX, "created_at=2026-03-02T09:00:00Z");
	fx_finish(s);
	/* median of 30 and 90 min = 60 min; mean the same */
	NEAR(fx_value(s, "frt_median"), 60 * 60);
	NEAR(fx_value(s, "frt_avg"), 60 * 60);
	/* p90: h = 0.9, 30 + 0.9 x 60 = 84 min */
	NEAR(fx_value(s, "frt_p90"), 84 * 60);
	/* within 1 h: the 30-minute one of 2 */
	NEAR(fx_value(s, "frt_within"), 0.5);
	kpi_query_init(&q, "frt_median");
	q.opts.pct_nearest = 1;		/* rank ceil(2 x 0.5) = 1: 30 min */
	r = fx_run(s, &q);
	NEAR(r.cells[0].value, 30 * 60);
	assert_int_equal(r.cells[0].n, 2);
	assert_true(isnan(r.cells[0].num));
	q.key = "frt_p90";		/* rank ceil(1.8) = 2: 90 min */
	NEAR(fx_run(s, &q).cells[0].value, 90 * 60);
	q.key = "frt_within";
	q.opts.frt_within_s = 2 * H;	/* both */
	r = fx_run(s, &q);
	NEAR(r.cells[0].value, 1);
	NEAR(r.cells[0].num, 2);
	NEAR(r.cells[0].den, 2);
	snap_free(s);
}

static void
test_kpi_more_quantiles_come_from_the_same_values(void **state)
{
	static const double	 probs[] = { 0.5, 0.9, 0, 1 };
	struct snap		*s = snap_new();
	struct kpi_query	 q;
	struct kpi_result	 r;

	(void)state;
	/* replies after 10, 20, 30 and 70 minutes */
	for (int m = 10; m <= 40; m += 10) {
		char	 rec[128];

		snprintf(rec, sizeof(rec), "created_at=2026-03-02T09:00:00Z "
		    "first_reply_at=2026-03-02T09:%02d:00Z", m == 40 ? 0 : m);
		if (m == 40)
			snprintf(rec, sizeof(rec), "created_at="
			    "2026-03-02T09:00:00Z first_reply_at="
			    "2026-03-02T10:10:00Z");
		fx(s, IX, rec);
	}
	fx_finish(s);
	kpi_query_init(&q, "frt_median");
	q.probs = probs;
	q.nprobs = 4;
	r = fx_run(s, &q);
	assert_non_null(r.cells[0].q);
	/* h = 3p: p50 h 1.5: 20 + .5 x 10 = 25; p90 h 2.7: 30 + .7 x 40 = 58 */
	NEAR(r.cells[0].value, 25 * 60);
	NEAR(r.cells[0].q[0], 25 * 60);
	NEAR(r.cells[0].q[1], 58 * 60);
	NEAR(r.cells[0].q[2], 10 * 60);
	NEAR(r.cells[0].q[3], 70 * 60);
	/* a ratio KPI has no quantiles */
	q.key = "frt_within";
	assert_null(fx_run(s, &q).cells[0].q);
	snap_free(s);
}

static void
test_kpi_resolution_uses_first_solve_unless_final(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;

	(void)state;
	/* solved after 2 h, finally resolved after 10 h; another after 4 h */
	fx(s, IX, "created_at=2026-03-02T09:00:00Z "
	    "solved_at=2026-03-02T11:00:00Z resolved_at=2026-03-02T19:00:00Z");
	fx(s, IX, "created_at=2026-03-02T09:00:00Z "
	    "solved_at=2026-03-02T13:00:00Z");
	fx(s, IX, "created_at=2026-03-02T09:00:00Z");
	fx_finish(s);
	/* first solves 2 h and 4 h: median 3 h */
	NEAR(fx_value(s, "resolution_median"), 3 * H);
	kpi_query_init(&q, "resolution_median");
	q.opts.resolution_final = 1;	/* 10 h and 4 h: 7 h */
	NEAR(fx_run(s, &q).cells[0].value, 7 * H);
	/* p90 of 2 h, 4 h: 2 + 0.9 x 2 = 3.8 h */
	NEAR(fx_value(s, "resolution_p90"), 3.8 * H);
	snap_free(s);
}

static void
test_kpi_ratio_of_sums_not_mean_of_ratios_across_groups(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;
	struct kpi_result	 r;

	(void)state;
	/* team A: 1 of 1 escalated; team B: 1 of 3 (by its status) */
	fx(s, IX, "created_at=2026-03-02T09:00:00Z team=A escalated=1");
	fx(s, IX, "created_at=2026-03-02T09:00:00Z team=B status=Escalated");
	fx(s, IX, "created_at=2026-03-02T09:00:00Z team=B escalated=0");
	fx(s, IX, "created_at=2026-03-02T09:00:00Z team=B status=open");
	/* neither flag nor status: the data cannot say, so it is left out */
	fx(s, IX, "created_at=2026-03-02T09:00:00Z team=B");
	fx_finish(s);
	kpi_query_init(&q, "escalation_rate");
	q.by = KS_TEAM;
	r = fx_run(s, &q);
	assert_int_equal(r.ncells, 2);
	assert_string_equal(r.cells[0].group, "A");
	NEAR(r.cells[0].value, 1);
	assert_string_equal(r.cells[1].group, "B");
	NEAR(r.cells[1].value, 1.0 / 3);
	NEAR(r.cells[1].num, 1);
	NEAR(r.cells[1].den, 3);
	assert_int_equal(r.cells[1].n, 3);
	/* overall 2 / 4 = 0.5, not (1 + 1/3) / 2 = 0.667 */
	NEAR(fx_value(s, "escalation_rate"), 0.5);
	snap_free(s);
}

static void
test_kpi_week_buckets_in_bucharest_across_the_dst_change(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;
	struct kpi_result	 r;

	(void)state;
	/*
	 * Sunday 2026-10-25 23:30 and Monday 10-26 00:30 in Bucharest
	 * (+02:00 after the change): 21:30Z and 22:30Z, the same UTC
	 * Sunday, but two local ISO weeks.
	 */
	fx(s, IX, "created_at=2026-10-25T23:30:00+02:00");
	fx(s, IX, "created_at=2026-10-26T00:30:00+02:00");
	fx_finish(s);
	assert_int_equal(clock_zone_set("Europe/Bucharest", NULL), ERR_OK);
	kpi_query_init(&q, "volume");
	q.bucket = KB_WEEK;
	q.from = fx_t("2026-10-19T00:00:00+03:00");
	q.to = fx_t("2026-11-02T00:00:00+02:00");
	r = fx_run(s, &q);
	assert_int_equal(r.ncells, 2);
	NEAR(r.cells[0].value, 1);
	NEAR(r.cells[1].value, 1);
	/* the first week is 169 hours long */
	assert_true(r.cells[0].end - r.cells[0].start == 169 * 3600);
	assert_true(r.cells[1].start == fx_t("2026-10-26T00:00:00+02:00"));
	/* cut in UTC, both fall in the week of 10-19 */
	assert_int_equal(clock_zone_set("UTC", NULL), ERR_OK);
	q.from = fx_t("2026-10-19T00:00:00Z");
	q.to = fx_t("2026-11-02T00:00:00Z");
	r = fx_run(s, &q);
	NEAR(r.cells[0].value, 2);
	assert_true(isnan(r.cells[1].value));
	snap_free(s);
}

static void
test_kpi_iso_week_of_jan_1_is_the_week_of_the_monday_before(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;
	struct kpi_result	 r;

	(void)state;
	/* Friday 2027-01-01 and Monday 2026-12-28 share an ISO week */
	fx(s, IX, "created_at=2027-01-01T10:00:00Z");
	fx(s, IX, "created_at=2026-12-28T10:00:00Z");
	fx(s, IX, "created_at=2027-01-04T10:00:00Z");
	fx_finish(s);
	kpi_query_init(&q, "volume");
	q.bucket = KB_WEEK;	/* open window: whole weeks around the data */
	r = fx_run(s, &q);
	assert_int_equal(r.ncells, 2);
	assert_true(r.cells[0].start == fx_t("2026-12-28T00:00:00Z"));
	NEAR(r.cells[0].value, 2);
	assert_true(r.cells[1].start == fx_t("2027-01-04T00:00:00Z"));
	assert_true(r.cells[1].end == fx_t("2027-01-11T00:00:00Z"));
	NEAR(r.cells[1].value, 1);
	snap_free(s);
}

static void
test_kpi_abandon_leaves_out_short_abandons_and_ivr_hangups(void **state)
{
	struct snap	*s = snap_new();

	(void)state;
	fx(s, IX, "created_at=2026-03-02T10:00:00Z answered=1 queued_s=10 "
	    "talk_s=100 hold_s=20 wrap_s=30");
	fx(s, IX, "created_at=2026-03-02T10:05:00Z answered=1 queued_s=25 "
	    "talk_s=200");
	fx(s, IX, "created_at=2026-03-02T10:10:00Z answered=1 queued_s=15 "
	    "talk_s=90 wrap_s=10");
	fx(s, IX, "created_at=2026-03-02T10:15:00Z abandoned=1 queued_s=3");
	fx(s, IX, "created_at=2026-03-02T10:20:00Z abandoned=1 queued_s=30");
	fx(s, IX, "created_at=2026-03-02T10:25:00Z answered=0 abandoned=0");
	fx_finish(s);
	/* 1 abandon (30 s) of 3 answered + 1: the 3 s one and the IVR
	 * hang-up are in neither count */
	NEAR(fx_value(s, "abandon_rate"), 0.25);
	/* answered within 20 s: 10 and 15 of 3 + 2 - 1 short = 4 */
	NEAR(fx_value(s, "service_level"), 0.5);
	/* (10 + 25 + 15) / 3 */
	NEAR(fx_value(s, "asa"), 50.0 / 3);
	/* (150 + 200 + 100) / 3 */
	NEAR(fx_value(s, "aht"), 150);
	snap_free(s);
}

static void
test_kpi_service_level_80_20(void **state)
{
	struct snap	*s = snap_new();
	char		 line[128];
	const int	 q[] = { 0, 3, 5, 8, 12, 15, 19, 20, 21, 40 };

	(void)state;
	for (int i = 0; i < 10; i++) {
		snprintf(line, sizeof(line), "created_at=2026-03-02T10:00:00Z "
		    "answered=1 queued_s=%d", q[i]);
		fx(s, IX, line);
	}
	fx_finish(s);
	/* 8 of 10 within 20 s (20 itself is within) */
	NEAR(fx_value(s, "service_level"), 0.8);
	snap_free(s);
}

static struct snap *
fcr_fixture(void)
{
	struct snap	*s = snap_new();

	/* X's first ticket: 1 reply, but X is back 3 d 21 h after it */
	fx(s, IX, "customer=X created_at=2026-03-02T09:00:00Z "
	    "solved_at=2026-03-02T12:00:00Z agent_replies=1 reopen_count=0");
	fx(s, IX, "customer=X created_at=2026-03-06T09:00:00Z "
	    "solved_at=2026-03-06T10:00:00Z agent_replies=1 reopen_count=0");
	/* two replies */
	fx(s, IX, "customer=Y created_at=2026-03-02T09:00:00Z "
	    "solved_at=2026-03-03T09:00:00Z agent_replies=2 reopen_count=0");
	/* reopened */
	fx(s, IX, "customer=Z created_at=2026-03-02T09:00:00Z "
	    "solved_at=2026-03-02T10:00:00Z agent_replies=1 reopen_count=1");
	/* not resolved: in neither count */
	fx(s, IX, "customer=W created_at=2026-03-02T09:00:00Z reopen_count=2");
	fx_finish(s);
	return s;
}

static void
test_kpi_fcr_with_k_replies_and_n_days(void **state)
{
	struct snap		*s = fcr_fixture();
	struct kpi_query	 q;

	(void)state;
	/* K = 1, N = 7: only X's second ticket: 1 of 4 resolved */
	NEAR(fx_value(s, "fcr_rate"), 0.25);
	kpi_query_init(&q, "fcr_rate");
	q.opts.fcr_k = 2;	/* Y's two replies now pass: 2 of 4 */
	NEAR(fx_run(s, &q).cells[0].value, 0.5);
	q.opts.fcr_k = 1;
	q.opts.fcr_n_days = 3;	/* X came back after 3 d 21 h > 3 d */
	NEAR(fx_run(s, &q).cells[0].value, 0.5);
	snap_free(s);
}

static void
test_kpi_fcr_uses_the_explicit_resolved_flag_of_calls(void **state)
{
	struct snap	*s = snap_new();

	(void)state;
	fx(s, IX, "created_at=2026-03-02T10:00:00Z answered=1 resolved=1");
	fx(s, IX, "created_at=2026-03-02T10:00:00Z answered=1 resolved=0");
	fx(s, IX, "created_at=2026-03-02T10:00:00Z answered=1 resolved=1 "
	    "agent_replies=5");
	fx(s, IX, "created_at=2026-03-02T10:00:00Z abandoned=1 resolved=0");
	fx_finish(s);
	/* 2 of the 3 answered calls; the abandoned one is not a contact
	 * that could resolve anything */
	NEAR(fx_value(s, "fcr_rate"), 2.0 / 3);
	snap_free(s);
}

static void
test_kpi_reopen_rate_counts_resolved_only(void **state)
{
	struct snap	*s = fcr_fixture();

	(void)state;
	/* resolved 4, reopened 1 of them (W is reopened but open) */
	NEAR(fx_value(s, "reopen_rate"), 0.25);
	snap_free(s);
	/* a resolved record without reopen_count is not "never reopened":
	 * it is left out */
	s = snap_new();
	fx(s, IX, "created_at=2026-03-02T09:00:00Z "
	    "solved_at=2026-03-02T10:00:00Z reopen_count=1");
	fx(s, IX, "created_at=2026-03-02T09:00:00Z "
	    "solved_at=2026-03-02T10:00:00Z");
	fx_finish(s);
	NEAR(fx_value(s, "reopen_rate"), 1);
	snap_free(s);
}

static void
test_kpi_sla_running_not_due_excluded_past_due_breached(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;
	struct kpi_result	 r;

	(void)state;
	fx(s, IX, "created_at=2026-03-02T09:00:00Z sla_resolution_met=1");
	fx(s, IX, "created_at=2026-03-02T09:00:00Z sla_resolution_met=0");
	/* running, due after now: left out */
	fx(s, IX, "created_at=2026-03-02T09:00:00Z "
	    "sla_due_at=2026-03-20T09:00:00Z");
	/* running, due before now: breached */
	fx(s, IX, "created_at=2026-03-02T09:00:00Z "
	    "sla_due_at=2026-03-05T09:00:00Z");
	/* resolved before its due date, no flag: met */
	fx(s, IX, "created_at=2026-03-02T09:00:00Z "
	    "sla_due_at=2026-03-05T09:00:00Z resolved_at=2026-03-04T09:00:00Z");
	fx_finish(s);
	kpi_query_init(&q, "sla_compliance");
	q.now = fx_t("2026-03-10T00:00:00Z");
	r = fx_run(s, &q);
	/* met 2 / (met 2 + breached 2) */
	NEAR(r.cells[0].value, 0.5);
	NEAR(r.cells[0].den, 4);
	/* later, the running one is past due too: 2 / 5 */
	q.now = fx_t("2026-03-21T00:00:00Z");
	NEAR(fx_run(s, &q).cells[0].value, 0.4);
	snap_free(s);
}

static void
test_kpi_backlog_and_unanswered_at_the_end_of_each_bucket(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;
	struct kpi_result	 r;

	(void)state;
	fx(s, IX, "created_at=2026-03-02T10:00:00Z "
	    "first_reply_at=2026-03-02T11:00:00Z "
	    "resolved_at=2026-03-03T10:00:00Z");
	fx(s, IX, "created_at=2026-03-02T12:00:00Z "
	    "first_reply_at=2026-03-03T08:00:00Z");
	fx(s, IX, "created_at=2026-03-03T09:00:00Z "
	    "first_reply_at=2026-03-03T09:30:00Z "
	    "resolved_at=2026-03-03T11:00:00Z");
	fx_finish(s);
	kpi_query_init(&q, "backlog");
	q.bucket = KB_DAY;
	q.from = fx_t("2026-03-01T00:00:00Z");
	q.to = fx_t("2026-03-04T00:00:00Z");
	r = fx_run(s, &q);
	assert_int_equal(r.ncells, 3);
	/* end of 03-01: nothing created yet: no data */
	assert_true(isnan(r.cells[0].value));
	/* end of 03-02: the first two are open */
	NEAR(r.cells[1].value, 2);
	/* end of 03-03: the second only */
	NEAR(r.cells[2].value, 1);
	assert_int_equal(r.cells[2].n, 1);
	q.key = "unanswered";
	r = fx_run(s, &q);
	/* end of 03-02: the second had no reply yet; end of 03-03: none,
	 * which is 0, not no data */
	NEAR(r.cells[1].value, 1);
	NEAR(r.cells[2].value, 0);
	/* an open window is the state now */
	q.bucket = KB_NONE;
	q.from = INT64_MIN;
	q.to = INT64_MAX;
	q.key = "backlog";
	q.now = fx_t("2026-03-02T13:00:00Z");
	NEAR(fx_run(s, &q).cells[0].value, 2);
	snap_free(s);
}

static void
test_kpi_business_hours_across_a_weekend_and_a_holiday(void **state)
{
	struct snap		*s = snap_new();
	struct schedule		 sc;
	struct kpi_query	 q;

	(void)state;
	/* Friday 16:00 to Monday 10:00: 66 h on the calendar */
	fx(s, IX, "created_at=2026-03-06T16:00:00Z "
	    "first_reply_at=2026-03-09T10:00:00Z");
	/* Thursday 12-24 16:00 to Monday 12-28 10:00, Christmas Friday */
	fx(s, IX, "created_at=2026-12-24T16:00:00Z "
	    "solved_at=2026-12-28T10:00:00Z");
	fx_finish(s);
	assert_int_equal(schedule_parse("mon-fri 09:00-17:00", "2026-12-25",
	    &sc, NULL), ERR_OK);
	NEAR(fx_value(s, "frt_median"), 66 * H);
	kpi_query_init(&q, "frt_median");
	q.schedule = &sc;	/* 1 h Friday + 1 h Monday */
	NEAR(fx_run(s, &q).cells[0].value, 2 * H);
	q.key = "resolution_median";	/* 1 h Thursday + 1 h Monday */
	NEAR(fx_run(s, &q).cells[0].value, 2 * H);
	q.key = "frt_within";
	q.opts.frt_within_s = 2 * H;
	NEAR(fx_run(s, &q).cells[0].value, 1);
	snap_free(s);
}

static void
test_kpi_excluded_records_are_left_out_unless_asked(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;

	(void)state;
	fx(s, IX, "created_at=2026-03-02T09:00:00Z");
	fx(s, IX, "created_at=2026-03-02T09:00:00Z excluded=0");
	fx(s, IX, "created_at=2026-03-02T09:00:00Z excluded=1");
	fx_finish(s);
	NEAR(fx_value(s, "volume"), 2);
	kpi_query_init(&q, "volume");
	q.opts.include_excluded = 1;
	NEAR(fx_run(s, &q).cells[0].value, 3);
	snap_free(s);
}

static void
test_kpi_groups_keep_empty_buckets_and_filters_narrow(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;
	struct kpi_result	 r;

	(void)state;
	fx(s, IX, "created_at=2026-03-02T09:00:00Z team=B channel=email");
	fx(s, IX, "created_at=2026-03-09T09:00:00Z team=A channel=chat");
	fx(s, IX, "created_at=2026-03-09T09:00:00Z channel=chat");
	fx_finish(s);
	kpi_query_init(&q, "volume");
	q.bucket = KB_WEEK;
	q.by = KS_TEAM;
	r = fx_run(s, &q);
	/* 2 weeks x groups "(none)", A, B in name order, no holes */
	assert_int_equal(r.ncells, 6);
	assert_string_equal(r.cells[0].group, KPI_GROUP_NONE);
	assert_string_equal(r.cells[1].group, "A");
	assert_string_equal(r.cells[2].group, "B");
	assert_true(isnan(r.cells[0].value));
	assert_true(isnan(r.cells[1].value));
	NEAR(r.cells[2].value, 1);
	NEAR(r.cells[3].value, 1);
	NEAR(r.cells[4].value, 1);
	assert_true(isnan(r.cells[5].value));
	q.bucket = KB_NONE;
	q.by = KS_NONE;
	q.filter.channel = "chat";
	NEAR(fx_run(s, &q).cells[0].value, 2);
	q.filter.team = "A";
	NEAR(fx_run(s, &q).cells[0].value, 1);
	q.filter.team = "Nobody";	/* no such team: no data */
	r = fx_run(s, &q);
	assert_int_equal(r.ncells, 1);
	assert_true(isnan(r.cells[0].value));
	snap_free(s);
}

static void
test_kpi_refuses_unknown_keys_segments_the_data_lacks_and_bad_options(
    void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;
	struct kpi_result	 r;
	struct err		 e;

	(void)state;
	fx_finish(s);
	kpi_query_init(&q, "frt_mean");
	assert_int_equal(kpi_run(s, &q, &fx_arena, &r, &e), ERR_NOTFOUND);
	assert_non_null(strstr(e.msg, "\"frt_mean\""));
	kpi_query_init(&q, "qa_score");
	q.by = KS_CHANNEL;
	assert_int_equal(kpi_run(s, &q, &fx_arena, &r, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "qa_reviews have no channel"));
	kpi_query_init(&q, "volume");
	q.opts.frt_within_s = -1;
	assert_int_equal(kpi_run(s, &q, &fx_arena, &r, &e), ERR_INVAL);
	assert_string_equal(e.field, "frt_within_s");
	kpi_query_init(&q, "volume");
	q.from = 100;
	q.to = 100;
	assert_int_equal(kpi_run(s, &q, &fx_arena, &r, &e), ERR_INVAL);
	snap_free(s);
}

static void
test_kpi_every_kpi_on_an_empty_dataset_by_team_is_no_data(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;
	struct kpi_result	 r;

	(void)state;
	/* interactions only: the other datasets have no rows at all */
	fx(s, IX, "created_at=2026-03-02T09:00:00Z team=A agent=ana");
	fx_finish(s);
	for (size_t i = 0; kpi_defs[i].key != NULL; i++) {
		kpi_query_init(&q, kpi_defs[i].key);
		q.by = KS_TEAM;
		q.bucket = KB_WEEK;
		q.from = fx_t("2026-03-02T00:00:00Z");
		q.to = fx_t("2026-03-09T00:00:00Z");
		r = fx_run(s, &q);
		for (size_t c = 0; c < r.ncells; c++)
			if (kpi_defs[i].ds != IX)
				assert_true(isnan(r.cells[c].value));
	}
	snap_free(s);
}

static void
test_kpi_every_kpi_of_kpis_md_is_defined(void **state)
{
	const char *const keys[] = { "volume", "frt_avg", "frt_median",
	    "frt_p90", "frt_within", "resolution_median", "resolution_p90",
	    "backlog", "unanswered", "sla_compliance", "reopen_rate",
	    "escalation_rate", "fcr_rate", "aht", "asa", "abandon_rate",
	    "service_level", "csat", "csat_avg", "nps", "ces",
	    "survey_response_rate", "qa_score", "qa_agents_passing",
	    "training_hours", "training_completion", "kb_accuracy",
	    "churn_rate" };
	const struct kpi_def	*d;
	size_t			 n = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		assert_non_null(d = kpi_def_find(keys[i]));
		assert_true(strlen(d->definition) > 20);
		assert_non_null(d->name);
		assert_non_null(d->bucket_field);
		assert_true(ds_field_find(d->ds, d->bucket_field) >= 0);
	}
	while (kpi_defs[n].key != NULL)
		n++;
	assert_int_equal(n, sizeof(keys) / sizeof(keys[0]));
}

static void
test_kpi_snapshot_stays_within_48_bytes_per_interaction(void **state)
{
	struct snap	*s = snap_new();
	struct ds_rec	 r;
	char		 team[16], agent[16], cust[16];
	size_t		 n = 100000, b;

	(void)state;
	for (size_t i = 0; i < n; i++) {
		ds_rec_clear(&r, IX);
		snprintf(team, sizeof(team), "team%zu", i % 12);
		snprintf(agent, sizeof(agent), "agent%zu", i % 400);
		snprintf(cust, sizeof(cust), "c%zu", i % 30000);
		ds_set_text(&r, IX_ID, cust);
		ds_set_text(&r, IX_TEAM, team);
		ds_set_text(&r, IX_AGENT, agent);
		ds_set_text(&r, IX_CUSTOMER, cust);
		ds_set_text(&r, IX_CHANNEL, i % 3 ? "email" : "phone");
		ds_set_int(&r, IX_CREATED_AT, 1772441000 + (int64_t)i * 60);
		ds_set_int(&r, IX_FIRST_REPLY_AT, 1772442000 + (int64_t)i * 60);
		ds_set_int(&r, IX_SOLVED_AT, 1772449000 + (int64_t)i * 60);
		ds_set_real(&r, IX_TALK_S, 120);
		assert_int_equal(snap_add(s, &r, NULL), ERR_OK);
	}
	fx_finish(s);
	assert_int_equal(snap_rows(s, IX), n);
	b = snap_bytes(s, IX);
	print_message("snapshot: %.2f bytes per interaction\n",
	    (double)b / (double)n);
	assert_true(b <= 48 * n);
	assert_true(b >= 40 * n);	/* the columns are really there */
	snap_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(
		    test_kpi_volume_by_week_and_an_empty_week_is_no_data,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_frt_of_two_replies_after_30_and_90_minutes,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_resolution_uses_first_solve_unless_final,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_ratio_of_sums_not_mean_of_ratios_across_groups,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_week_buckets_in_bucharest_across_the_dst_change,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_iso_week_of_jan_1_is_the_week_of_the_monday_before,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_abandon_leaves_out_short_abandons_and_ivr_hangups,
		    fx_teardown),
		cmocka_unit_test_teardown(test_kpi_service_level_80_20,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_fcr_with_k_replies_and_n_days, fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_fcr_uses_the_explicit_resolved_flag_of_calls,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_reopen_rate_counts_resolved_only, fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_more_quantiles_come_from_the_same_values,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_sla_running_not_due_excluded_past_due_breached,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_backlog_and_unanswered_at_the_end_of_each_bucket,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_business_hours_across_a_weekend_and_a_holiday,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_excluded_records_are_left_out_unless_asked,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_groups_keep_empty_buckets_and_filters_narrow,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_refuses_unknown_keys_segments_the_data_lacks_and_bad_options,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_every_kpi_on_an_empty_dataset_by_team_is_no_data,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_every_kpi_of_kpis_md_is_defined, fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_snapshot_stays_within_48_bytes_per_interaction,
		    fx_teardown),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
