/*
 * test_review.c: the cycle review (okr/review.h): its numbers, checked by
 * hand on close_test.h's cycle, and its four renderings.
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
#include <jansson.h>

#include "okr/close.h"
#include "okr/okr.h"
#include "okr/review.h"
#include "okr/review_int.h"
#include "okr_test.h"
#include "close_test.h"

#define TOL	1e-9

static void
closed_cycle(struct fx *f)
{
	struct close_result	 res;

	assert_ok(f, build_graded_cycle(f));
	assert_ok(f, write_postmortem(f, "The <b>boolean</b> came late & "
	    "cost a week."));
	assert_ok(f, close_cycle(f->o, "2026-Q4", NULL, &f->a, &res, &f->e));
}

static double
num(json_t *j, const char *path)
{
	json_t	*v = json_object_get(j, path);

	assert_non_null(v);
	return json_number_value(v);
}

static void
test_review_json_of_a_closed_cycle(void **state)
{
	struct fx	*f = *state;
	struct review	 r;
	json_t		*j, *d, *t, *k;

	closed_cycle(f);
	/* later check-ins cannot move a closed report: the record is final */
	assert_ok(f, review_build(f->o, "2026-Q4", AFTER_END + 30 * DAY, NULL,
	    &f->a, &r, &f->e));
	assert_non_null(j = review_json(&r));
	assert_true(json_is_true(json_object_get(j, "closed")));
	assert_true(json_is_false(json_object_get(j, "provisional")));
	assert_int_equal(num(j, "objectives_count"), 2);
	assert_int_equal(num(j, "key_results_count"), 4);
	/* (0.9 + 0.7) / 2 */
	assert_true(fabs(num(j, "mean_grade") - 0.8) < TOL);
	d = json_object_get(j, "distribution");
	/* both green (>= 0.7); one in bin 0.7, one in bin 0.9 */
	assert_int_equal(num(d, "green"), 2);
	assert_int_equal(num(d, "red"), 0);
	assert_int_equal(num(json_array_get(json_object_get(d, "histogram"),
	    7), "count"), 1);
	assert_int_equal(num(json_array_get(json_object_get(d, "histogram"),
	    9), "count"), 1);
	assert_int_equal(num(json_array_get(json_object_get(d, "histogram"),
	    8), "count"), 0);
	/* Support (and Tier 1) own both: asp succeeded (0.7, aspirational),
	 * nps did not (0.9, committed): 1 of 2 */
	t = json_array_get(json_object_get(j, "teams"), 0);
	assert_string_equal(json_string_value(json_object_get(t, "team")),
	    "Support");
	assert_int_equal(num(t, "objectives"), 2);
	assert_int_equal(num(t, "succeeded"), 1);
	assert_true(fabs(num(t, "success_rate") - 0.5) < TOL);
	k = json_object_get(json_object_get(j, "kinds"), "committed");
	assert_int_equal(num(k, "objectives"), 1);
	assert_true(fabs(num(k, "mean_grade") - 0.9) < TOL);
	assert_true(fabs(num(k, "success_rate") - 0.0) < TOL);
	k = json_object_get(json_object_get(j, "kinds"), "aspirational");
	assert_true(fabs(num(k, "success_rate") - 1.0) < TOL);
	/* done: nps/done; on track: score, sla; at risk: rate */
	k = json_object_get(j, "key_results_by_status");
	assert_int_equal(num(k, "done"), 1);
	assert_int_equal(num(k, "on_track"), 2);
	assert_int_equal(num(k, "at_risk"), 1);
	assert_int_equal(num(k, "off_track"), 0);
	/* no key result follows a KPI: nothing moved, an empty list */
	assert_int_equal(json_array_size(json_object_get(json_object_get(j,
	    "kpi_movement"), "kpis")), 0);
	/* the lessons: nps's post-mortem, asp wrote nothing */
	assert_int_equal(json_array_size(json_object_get(j, "lessons")), 1);
	json_decref(j);
}

static void
test_review_of_an_open_cycle_is_provisional(void **state)
{
	struct fx	*f = *state;
	struct review	 r;
	struct buf	 b = BUF_INIT;
	size_t		 i;

	assert_ok(f, build_graded_cycle(f));
	/* Nov 20 (day 50): nps: score 30 -> 0.4, done no data -> 0:
	 * (0.4 + 0) / 2 = 0.2; asp: sla weeks 1-8 begun, 1-5 and 8 inside:
	 * 6 / 8 = 0.75, rate no data -> 0: 0.375 -> 0.4 */
	assert_ok(f, review_build(f->o, "2026-Q4", AT(50, 0), NULL, &f->a,
	    &r, &f->e));
	assert_false(r.closed);
	for (i = 0; i < r.nobjs; i++)
		if (strcmp(r.objs[i].oe->obj->key, "nps") == 0)
			assert_true(fabs(r.objs[i].grade - 0.2) < TOL);
		else
			assert_true(fabs(r.objs[i].grade - 0.4) < TOL);
	/* (0.2 + 0.4) / 2 */
	assert_true(fabs(r.mean_grade - 0.3) < TOL);
	assert_int_equal(review_render(&r, REVIEW_TEXT, &b), ERR_OK);
	assert_non_null(strstr(buf_cstr(&b), "PROVISIONAL, as of 2026-11-20"));
	buf_release(&b);
}

static void
test_review_renders_text_markdown_and_escaped_html(void **state)
{
	struct fx	*f = *state;
	struct review	 r;
	struct buf	 b = BUF_INIT;

	closed_cycle(f);
	assert_ok(f, review_build(f->o, "2026-Q4", AFTER_END, NULL, &f->a, &r,
	    &f->e));
	assert_int_equal(review_render(&r, REVIEW_TEXT, &b), ERR_OK);
	assert_non_null(strstr(buf_cstr(&b), "closed on 2027-01-01 by tester"));
	assert_non_null(strstr(buf_cstr(&b), "mean grade 0.80"));
	assert_non_null(strstr(buf_cstr(&b), "done 1 · on track 2 · at risk "
	    "1"));
	buf_reset(&b);
	assert_int_equal(review_render(&r, REVIEW_MD, &b), ERR_OK);
	assert_non_null(strstr(buf_cstr(&b), "| 0.9 | green | committed | "
	    "`nps` An objective |"));
	/* markup in the lessons is escaped for Markdown too */
	assert_non_null(strstr(buf_cstr(&b), "The \\<b\\>boolean\\</b\\>"));
	buf_reset(&b);
	assert_int_equal(review_render(&r, REVIEW_HTML, &b), ERR_OK);
	assert_non_null(strstr(buf_cstr(&b), "@media print"));
	assert_null(strstr(buf_cstr(&b), "<script"));
	/* the web's CSP allows the <style> block only: no style attribute;
	 * bins 0.7 and 0.9 hold the most (1): a full bar, 20 units; Tier 1
	 * (under Support) indented one level */
	assert_null(strstr(buf_cstr(&b), "style=\""));
	assert_non_null(strstr(buf_cstr(&b), "<span class=\"bar w20\">"));
	assert_non_null(strstr(buf_cstr(&b), "<td class=\"d1\">Tier 1</td>"));
	assert_null(strstr(buf_cstr(&b), "<b>boolean"));
	assert_non_null(strstr(buf_cstr(&b),
	    "The &lt;b&gt;boolean&lt;/b&gt; came late &amp; cost a week."));
	buf_release(&b);
}

static void
test_review_of_an_ended_open_cycle_is_as_of_its_last_day(void **state)
{
	struct fx	*f = *state;
	struct review	 r;
	struct buf	 b = BUF_INIT;

	assert_ok(f, build_graded_cycle(f));
	/* not closed, read on Jan 1: the horizon is the end, the midnight
	 * after Dec 31, the day the grades are of */
	assert_ok(f, review_build(f->o, "2026-Q4", AFTER_END, NULL, &f->a,
	    &r, &f->e));
	assert_false(r.closed);
	assert_true(r.as_of == CS + 92 * DAY);
	assert_int_equal(review_render(&r, REVIEW_TEXT, &b), ERR_OK);
	assert_non_null(strstr(buf_cstr(&b), "PROVISIONAL, as of 2026-12-31:"));
	buf_reset(&b);
	assert_int_equal(review_render(&r, REVIEW_MD, &b), ERR_OK);
	assert_non_null(strstr(buf_cstr(&b), "PROVISIONAL, as of 2026-12-31:"));
	buf_reset(&b);
	assert_int_equal(review_render(&r, REVIEW_HTML, &b), ERR_OK);
	assert_non_null(strstr(buf_cstr(&b), "Provisional, as of 2026-12-31."));
	assert_null(strstr(buf_cstr(&b), "2027-01-01"));
	buf_release(&b);
}

static void
test_review_kpi_movement_waits_for_week_8(void **state)
{
	struct fx	*f = *state;
	struct review	 r;
	struct buf	 b = BUF_INIT;
	json_t		*j, *m;

	assert_ok(f, build_kpi_cycle(f));
	/* Oct 31 (day 30): the last 4 weeks [Oct 3, Oct 31) would be most
	 * of the first [Oct 1, Oct 29): no last window, no movement */
	assert_ok(f, review_build(f->o, "2026-Q4", AT(30, 0), NULL, &f->a,
	    &r, &f->e));
	assert_true(review_kpi_early(&r));
	assert_true(r.last_from == AT(30, 0) && r.last_to == AT(30, 0));
	assert_int_equal(r.nkpis, 2);
	/* csat: Oct 6's 6 / 10 in the first window */
	assert_string_equal(r.kpis[1].key, "csat");
	assert_true(fabs(r.kpis[1].start - 0.6) < TOL);
	assert_true(isnan(r.kpis[1].end));
	assert_int_equal(r.kpis[1].end_n, 0);
	assert_int_equal(r.kpis[1].move, MOVE_UNKNOWN);
	assert_int_equal(review_render(&r, REVIEW_TEXT, &b), ERR_OK);
	assert_non_null(strstr(buf_cstr(&b), "first 4 weeks (2026-10-01.."
	    "2026-10-28) → no movement yet: less than 8 weeks in"));
	buf_reset(&b);
	assert_int_equal(review_render(&r, REVIEW_HTML, &b), ERR_OK);
	assert_non_null(strstr(buf_cstr(&b), "no movement yet: less than 8 "
	    "weeks in"));
	buf_release(&b);
	assert_non_null(j = review_json(&r));
	m = json_object_get(j, "kpi_movement");
	assert_true(json_is_null(json_object_get(m, "last_window")));
	assert_string_equal(json_string_value(json_object_get(
	    json_object_get(m, "first_window"), "to")), "2026-10-28");
	json_decref(j);

	/* Nov 26 (day 56), 8 weeks in: last [Oct 29, Nov 26) holds Nov 10's
	 * 5 / 10 = 0.5, below 0.6: worse */
	assert_ok(f, review_build(f->o, "2026-Q4", AT(56, 0), NULL, &f->a,
	    &r, &f->e));
	assert_false(review_kpi_early(&r));
	assert_true(r.last_from == AT(28, 0) && r.first_to == AT(28, 0));
	assert_true(fabs(r.kpis[1].end - 0.5) < TOL);
	assert_int_equal(r.kpis[1].end_n, 10);
	assert_int_equal(r.kpis[1].move, MOVE_WORSE);
}

static void
test_review_band_targets_read_in_words(void **state)
{
	struct buf	 b = BUF_INIT;
	struct kr	 k;

	(void)state;
	kr_defaults(&k);
	k.kind = KR_BAND;
	k.unit = (char *)"%";
	k.low = 90;
	k.high = 100;
	review_put_kr_target(&b, &k);
	assert_string_equal(buf_cstr(&b), "90–100%");
	buf_reset(&b);
	k.high = NAN;
	k.low = 85;
	review_put_kr_target(&b, &k);
	assert_string_equal(buf_cstr(&b), "at least 85%");
	buf_reset(&b);
	k.unit = (char *)"h";
	k.low = NAN;
	k.high = 4.5;
	review_put_kr_target(&b, &k);
	assert_string_equal(buf_cstr(&b), "at most 4.5 h");
	buf_reset(&b);
	k.kind = KR_DECREASE;
	k.target = 12.5;
	review_put_kr_target(&b, &k);
	/* one decimal from 10 up, the trailing zero dropped: "12.5" */
	assert_string_equal(buf_cstr(&b), "12.5 h");
	buf_release(&b);
}

static void
test_review_kpi_move_follows_the_direction(void **state)
{
	(void)state;
	/* handle time down is better; CSAT up is better */
	assert_int_equal(review_kpi_move(KD_LOWER, 420, 380), MOVE_BETTER);
	assert_int_equal(review_kpi_move(KD_HIGHER, 0.82, 0.80), MOVE_WORSE);
	assert_int_equal(review_kpi_move(KD_HIGHER, 0.8, 0.8), MOVE_FLAT);
	assert_int_equal(review_kpi_move(KD_NONE, 1, 2), MOVE_NO_DIRECTION);
	assert_int_equal(review_kpi_move(KD_LOWER, NAN, 2), MOVE_UNKNOWN);
	assert_int_equal(review_success(OBJ_ASPIRATIONAL, 0.7), 1);
	assert_int_equal(review_success(OBJ_COMMITTED, 0.9), 0);
	assert_int_equal(review_success(OBJ_COMMITTED, NAN), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_review_json_of_a_closed_cycle, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_review_of_an_open_cycle_is_provisional, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_review_renders_text_markdown_and_escaped_html, setup,
		    teardown),
		cmocka_unit_test(test_review_kpi_move_follows_the_direction),
		cmocka_unit_test_setup_teardown(
		    test_review_of_an_ended_open_cycle_is_as_of_its_last_day,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_review_kpi_movement_waits_for_week_8, setup, teardown),
		cmocka_unit_test(test_review_band_targets_read_in_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
