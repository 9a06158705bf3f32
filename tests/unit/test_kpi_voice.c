/*
 * test_kpi_voice.c: survey, QA, training, knowledge-base and churn KPIs
 * on small fixtures worked out by hand in the comments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "kpi_test.h"

#define SV	DS_SURVEYS
#define WEEK1	"2026-03-02T10:00:00Z"

static void
test_kpi_nps_counts_passives_in_the_denominator(void **state)
{
	struct snap	*s = snap_new();
	char		 line[160];
	const int	 sc[] = { 10, 10, 9, 8, 7, 3 };

	(void)state;
	for (int i = 0; i < 6; i++) {
		snprintf(line, sizeof(line), "kind=nps scale_min=0 "
		    "scale_max=10 score=%d responded_at=" WEEK1, sc[i]);
		fx(s, SV, line);
	}
	fx(s, SV, "kind=nps scale_min=0 scale_max=10 sent_at=" WEEK1);
	fx_finish(s);
	/* 3 promoters, 2 passives, 1 detractor of 6: 100 x (3 - 1) / 6 */
	NEAR(fx_value(s, "nps"), 100.0 * 2 / 6);
	snap_free(s);
}

static void
test_kpi_csat_on_three_and_five_point_scales_with_wilson(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;
	struct kpi_result	 r;
	double			 lo, hi;

	(void)state;
	/* 5-point: 5, 4 satisfied; 3, 2 not */
	fx(s, SV, "kind=csat scale_min=1 scale_max=5 score=5 team=A "
	    "responded_at=" WEEK1);
	fx(s, SV, "kind=csat scale_min=1 scale_max=5 score=4 team=A "
	    "responded_at=" WEEK1);
	fx(s, SV, "kind=csat scale_min=1 scale_max=5 score=3 team=A "
	    "responded_at=" WEEK1);
	fx(s, SV, "kind=csat scale_min=1 scale_max=5 score=2 team=A "
	    "responded_at=" WEEK1);
	/* 3-point: only the top point (3) */
	fx(s, SV, "kind=csat scale_min=1 scale_max=3 score=3 team=B "
	    "responded_at=" WEEK1);
	fx(s, SV, "kind=csat scale_min=1 scale_max=3 score=2 team=B "
	    "responded_at=" WEEK1);
	fx(s, SV, "kind=csat scale_min=1 scale_max=3 score=1 team=B "
	    "responded_at=" WEEK1);
	/* good/bad as 0/1: good is satisfied */
	fx(s, SV, "kind=csat scale_min=0 scale_max=1 score=1 team=B "
	    "responded_at=" WEEK1);
	fx_finish(s);
	kpi_query_init(&q, "csat");
	q.by = KS_TEAM;
	r = fx_run(s, &q);
	NEAR(r.cells[0].value, 0.5);		/* A: 2 of 4 */
	NEAR(r.cells[1].value, 0.5);		/* B: 2 of 4 */
	/* Wilson for 2 of 4: z^2/n = 0.960365; centre (0.5 + 0.480182) /
	 * 1.960365 = 0.5; half 1.959964 sqrt(0.0625 + 0.060023) / 1.960365
	 * = 0.686052 / 1.960365 = 0.349961: 0.150039 .. 0.849961 */
	assert_true(fabs(r.cells[0].lo - 0.150039) < 1e-5);
	assert_true(fabs(r.cells[0].hi - 0.849961) < 1e-5);
	q.by = KS_NONE;
	r = fx_run(s, &q);
	NEAR(r.cells[0].value, 0.5);		/* 4 of 8 */
	NEAR(r.cells[0].num, 4);
	pct_wilson(4, 8, &lo, &hi);
	NEAR(r.cells[0].lo, lo);
	q.key = "csat_avg";
	q.filter.team = "A";			/* (5 + 4 + 3 + 2) / 4 */
	r = fx_run(s, &q);
	NEAR(r.cells[0].value, 3.5);
	assert_true(isnan(r.cells[0].lo));
	snap_free(s);
}

static void
test_kpi_ces_share_of_five_or_more_or_mean(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;

	(void)state;
	fx(s, SV, "kind=ces scale_min=1 scale_max=7 score=7 responded_at="
	    WEEK1);
	fx(s, SV, "kind=ces scale_min=1 scale_max=7 score=5 responded_at="
	    WEEK1);
	fx(s, SV, "kind=ces scale_min=1 scale_max=7 score=4 responded_at="
	    WEEK1);
	fx(s, SV, "kind=ces scale_min=1 scale_max=7 score=2 responded_at="
	    WEEK1);
	fx_finish(s);
	NEAR(fx_value(s, "ces"), 0.5);		/* 7 and 5 of 4 */
	kpi_query_init(&q, "ces");
	q.opts.ces_mean = 1;			/* 18 / 4 */
	NEAR(fx_run(s, &q).cells[0].value, 4.5);
	snap_free(s);
}

static void
test_kpi_response_rate_by_sent_never_exceeds_one(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;
	struct kpi_result	 r;

	(void)state;
	/* two sent in week 1 and answered in week 2; one sent in week 2,
	 * not answered */
	fx(s, SV, "kind=csat scale_min=1 scale_max=5 score=5 sent_at=" WEEK1
	    " responded_at=2026-03-10T10:00:00Z");
	fx(s, SV, "kind=csat scale_min=1 scale_max=5 score=3 sent_at=" WEEK1
	    " responded_at=2026-03-10T10:00:00Z");
	fx(s, SV, "kind=csat scale_min=1 scale_max=5 "
	    "sent_at=2026-03-10T10:00:00Z");
	fx_finish(s);
	kpi_query_init(&q, "survey_response_rate");
	q.bucket = KB_WEEK;
	r = fx_run(s, &q);
	assert_int_equal(r.ncells, 2);
	NEAR(r.cells[0].value, 1);	/* 2 of 2, not 0 of 2 */
	NEAR(r.cells[1].value, 0);	/* 0 of 1, not 2 of 1 */
	q.key = "csat";			/* answers placed by responded_at */
	r = fx_run(s, &q);
	assert_int_equal(r.ncells, 2);
	assert_true(isnan(r.cells[0].value));
	NEAR(r.cells[1].value, 0.5);	/* the 5 of the 5 and the 3 */
	assert_true(r.cells[1].start == fx_t("2026-03-09T00:00:00Z"));
	snap_free(s);
}

static void
test_kpi_qa_critical_fail_scores_zero_and_agents_passing(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;

	(void)state;
	fx(s, DS_AGENTS, "id=ana team=T1 hired_at=2020-01-01T00:00:00Z");
	fx(s, DS_AGENTS, "id=bob team=T1 hired_at=2026-02-15T00:00:00Z");
	fx(s, DS_QA_REVIEWS, "agent=ana score=90 reviewed_at=" WEEK1);
	fx(s, DS_QA_REVIEWS, "agent=ana score=80 reviewed_at=" WEEK1);
	fx(s, DS_QA_REVIEWS, "agent=bob score=70 reviewed_at=" WEEK1);
	fx(s, DS_QA_REVIEWS, "agent=bob score=100 critical_failed=1 "
	    "reviewed_at=" WEEK1);
	fx_finish(s);
	/* (90 + 80 + 70 + 0) / 4 */
	NEAR(fx_value(s, "qa_score"), 60);
	/* ana's mean 85 passes 80, bob's 35 does not: 1 of 2 */
	NEAR(fx_value(s, "qa_agents_passing"), 0.5);
	kpi_query_init(&q, "qa_agents_passing");
	q.opts.qa_tenure_days = 90;	/* bob was hired 15 days before */
	q.to = fx_t("2026-03-09T00:00:00Z");
	NEAR(fx_run(s, &q).cells[0].value, 1);
	/* reviews with no team take their agent's */
	q.opts.qa_tenure_days = 0;
	q.filter.team = "T1";
	NEAR(fx_run(s, &q).cells[0].value, 0.5);
	snap_free(s);
}

static void
test_kpi_training_hours_per_active_agent_and_completion(void **state)
{
	struct snap		*s = snap_new();

	(void)state;
	fx(s, DS_TRAINING, "agent=ana hours=12 date=" WEEK1);
	fx(s, DS_TRAINING, "agent=ana hours=10 date=2026-03-03T10:00:00Z");
	fx(s, DS_TRAINING, "agent=bob hours=5 date=" WEEK1);
	/* cem handled a ticket but took no training: still active */
	fx(s, DS_INTERACTIONS, "agent=cem created_at=" WEEK1);
	fx_finish(s);
	/* 27 hours over 3 active agents */
	NEAR(fx_value(s, "training_hours"), 9);
	/* ana's 22 h reach 20 h: 1 of 3 */
	NEAR(fx_value(s, "training_completion"), 1.0 / 3);
	snap_free(s);
}

static void
test_kpi_kb_accuracy(void **state)
{
	struct snap	*s = snap_new();

	(void)state;
	fx(s, DS_KB_AUDITS, "article=a accurate=1 audited_at=" WEEK1);
	fx(s, DS_KB_AUDITS, "article=b accurate=0 audited_at=" WEEK1);
	fx(s, DS_KB_AUDITS, "article=c accurate=1 audited_at=" WEEK1);
	fx(s, DS_KB_AUDITS, "article=d accurate=1 audited_at=" WEEK1);
	fx_finish(s);
	NEAR(fx_value(s, "kb_accuracy"), 0.75);
	snap_free(s);
}

static void
test_kpi_churn_of_customers_active_at_the_start(void **state)
{
	struct snap		*s = snap_new();
	struct kpi_query	 q;
	struct kpi_result	 r;

	(void)state;
	/* Q2 2026: four active on April 1, one of them churns in May; one
	 * starts and churns inside Q2; one churned before */
	fx(s, DS_CUSTOMERS, "started_at=2025-01-01T00:00:00Z");
	fx(s, DS_CUSTOMERS, "started_at=2025-01-01T00:00:00Z");
	fx(s, DS_CUSTOMERS, "started_at=2025-06-01T00:00:00Z");
	fx(s, DS_CUSTOMERS, "started_at=2025-06-01T00:00:00Z "
	    "churned_at=2026-05-10T00:00:00Z");
	fx(s, DS_CUSTOMERS, "started_at=2026-04-10T00:00:00Z "
	    "churned_at=2026-05-10T00:00:00Z");
	fx(s, DS_CUSTOMERS, "started_at=2025-06-01T00:00:00Z "
	    "churned_at=2026-02-10T00:00:00Z");
	fx_finish(s);
	kpi_query_init(&q, "churn_rate");
	q.from = fx_t("2026-04-01T00:00:00Z");
	q.to = fx_t("2026-07-01T00:00:00Z");
	r = fx_run(s, &q);
	NEAR(r.cells[0].value, 0.25);
	NEAR(r.cells[0].den, 4);
	snap_free(s);
}

static void
test_kpi_churn_flag_without_dates_counts_over_all_time(void **state)
{
	struct snap	*s = snap_new();

	(void)state;
	/* the telco shape: a flag, no dates: 1 of 3 */
	fx(s, DS_CUSTOMERS, "churned=1");
	fx(s, DS_CUSTOMERS, "churned=0");
	fx(s, DS_CUSTOMERS, "churned=0");
	fx_finish(s);
	NEAR(fx_value(s, "churn_rate"), 1.0 / 3);
	snap_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(
		    test_kpi_nps_counts_passives_in_the_denominator,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_csat_on_three_and_five_point_scales_with_wilson,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_ces_share_of_five_or_more_or_mean, fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_response_rate_by_sent_never_exceeds_one,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_qa_critical_fail_scores_zero_and_agents_passing,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_training_hours_per_active_agent_and_completion,
		    fx_teardown),
		cmocka_unit_test_teardown(test_kpi_kb_accuracy, fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_churn_of_customers_active_at_the_start,
		    fx_teardown),
		cmocka_unit_test_teardown(
		    test_kpi_churn_flag_without_dates_counts_over_all_time,
		    fx_teardown),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
