/*
 * test_lint.c: the coaching rules of okr/lint.h on a workspace's
 * structure, as cmocka specifications: for every rule a workspace that
 * triggers it and one that does not; and the lint document (JSON, the
 * rules' codes under their severities).  The rules on a KPI's data are
 * test_lint_kpi.c's; the helpers lint_test.h's.
 *
 * The workspace is okr_test.h's (UTC; Support, with Tier 1 under it; Ana
 * in Tier 1; cycle 2026-Q4, 2026-10-01 to 2026-12-31; objective "nps"
 * owned by Tier 1 with no key result), evaluated at 2026-10-15T12:00:00Z.
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
#include "okr/lint.h"
#include "okr/okr.h"
#include "okr_test.h"
#include "lint_test.h"

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
		T(test_lint_json_has_every_field_and_counts),
		cmocka_unit_test(
		    test_lint_every_rule_has_a_code_explained_under_its_severity),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
