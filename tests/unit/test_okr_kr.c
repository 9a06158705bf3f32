/*
 * test_okr_kr.c: the OKR domain (okr/okr.h) as cmocka specifications, part
 * two: key result kinds, milestones, check-ins, removal and transactions.
 * The shared workspace fixture is in okr_test.h.
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

#include "okr/okr.h"
#include "okr_test.h"

/* ---- key results: kinds ---------------------------------------------- */

static int
kind_of(struct fx *f, const char *ref)
{
	struct kr	 k;

	assert_ok(f, kr_get(f->o, ref, &f->a, &k, &f->e));
	return k.kind;
}

static void
test_kr_add_infers_kind_from_its_numbers(void **state)
{
	struct fx	*f = *state;

	assert_ok(f, new_kr(f, "nps", "up", -1, 52, 70, NAN, NAN));
	assert_ok(f, new_kr(f, "nps", "down", -1, 40, 30, NAN, NAN));
	assert_ok(f, new_kr(f, "nps", "band", -1, NAN, NAN, 90, NAN));
	assert_ok(f, new_kr(f, "nps", "bare", -1, NAN, NAN, NAN, NAN));
	assert_ok(f, new_ms_kr(f, "nps", "steps"));
	assert_int_equal(kind_of(f, "nps/up"), KR_INCREASE);
	assert_int_equal(kind_of(f, "nps/down"), KR_DECREASE);
	assert_int_equal(kind_of(f, "nps/band"), KR_BAND);
	assert_int_equal(kind_of(f, "nps/bare"), KR_INCREASE);
	assert_int_equal(kind_of(f, "nps/steps"), KR_MILESTONES);
}

static void
test_kr_add_increase_with_target_below_baseline_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_kr(f, "nps", "score", KR_INCREASE, 52, 40, NAN,
	    NAN), ERR_INVAL, "target", "an increase key result needs target "
	    ">= baseline (baseline 52, target 40); use kind decrease");
}

static void
test_kr_add_decrease_with_target_above_baseline_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_kr(f, "nps", "aht", KR_DECREASE, 300, 360, NAN,
	    NAN), ERR_INVAL, "target", "(baseline 300, target 360); use "
	    "kind increase");
	/* equal is allowed: hold the line */
	assert_ok(f, new_kr(f, "nps", "aht", KR_DECREASE, 300, 300, NAN,
	    NAN));
}

static void
test_kr_add_increase_with_band_bounds_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_kr(f, "nps", "score", KR_INCREASE, 30, 40, 35,
	    NAN), ERR_INVAL, "low", "takes no low (got 35)");
}

static void
test_kr_add_band_without_bounds_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_kr(f, "nps", "sla", KR_BAND, NAN, NAN, NAN, NAN),
	    ERR_INVAL, "low", "needs low, high or both");
}

static void
test_kr_add_band_with_low_above_high_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_kr(f, "nps", "sla", KR_BAND, NAN, NAN, 95, 80),
	    ERR_INVAL, "low", "low 95 is above high 80");
	assert_ok(f, new_kr(f, "nps", "sla", KR_BAND, NAN, NAN, 80, 95));
}

static void
test_kr_add_band_with_target_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_kr(f, "nps", "sla", KR_BAND, NAN, 90, 80, NAN),
	    ERR_INVAL, "target", "takes no target (got 90)");
}

static void
test_kr_add_boolean_with_baseline_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_kr(f, "nps", "launch", KR_BOOLEAN, 0, NAN, NAN,
	    NAN), ERR_INVAL, "baseline", "kind boolean takes no baseline");
	assert_ok(f, new_kr(f, "nps", "launch", KR_BOOLEAN, NAN, NAN, NAN,
	    NAN));
}

static void
test_kr_add_milestones_kind_validates_its_list(void **state)
{
	struct fx		*f = *state;
	struct milestone	 dup[] = { { (char *)"Draft", 1, 0 },
	    { (char *)"Draft", 2, 0 } };
	struct milestone	 zero[] = { { (char *)"Draft", 0, 0 } };
	struct kr		 k;

	kr_init(&k, "nps", "steps");
	k.kind = KR_MILESTONES;
	assert_err(f, kr_add(f->o, &k, &f->e), ERR_INVAL, "milestones",
	    "at least one milestone");
	k.ms = dup;
	k.nms = NELEM(dup);
	assert_err(f, kr_add(f->o, &k, &f->e), ERR_INVAL, "milestones",
	    "\"Draft\" is listed twice");
	k.ms = zero;
	k.nms = NELEM(zero);
	assert_err(f, kr_add(f->o, &k, &f->e), ERR_INVAL, "milestones",
	    "greater than 0, got 0");
	k.kind = KR_MILESTONES;
	k.baseline = 0;
	zero[0].weight = 1;
	assert_err(f, kr_add(f->o, &k, &f->e), ERR_INVAL, "baseline",
	    "takes no baseline");
}

static void
test_kr_add_milestones_on_increase_is_rejected(void **state)
{
	struct fx		*f = *state;
	struct milestone	 ms[] = { { (char *)"Draft", 1, 0 } };
	struct kr		 k;

	kr_init(&k, "nps", "score");
	k.kind = KR_INCREASE;
	k.ms = ms;
	k.nms = 1;
	assert_err(f, kr_add(f->o, &k, &f->e), ERR_INVAL, "milestones",
	    "takes no milestones (got \"Draft\")");
}

static void
test_kr_add_unknown_objective_or_owner_is_rejected(void **state)
{
	struct fx	*f = *state;
	struct kr	 k;

	assert_err(f, new_kr(f, "ghost", "score", -1, 1, 2, NAN, NAN),
	    ERR_NOTFOUND, "objective", "\"ghost\"");
	kr_init(&k, "nps", "score");
	k.owner = (char *)"Bob";
	assert_err(f, kr_add(f->o, &k, &f->e), ERR_NOTFOUND, "owner",
	    "\"Bob\"");
}

static void
test_kr_update_writes_history_only_for_changed_fields(void **state)
{
	struct fx		*f = *state;
	struct kr		 old, k;
	struct history_entry	*h;
	size_t			 before;

	assert_ok(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN));
	assert_ok(f, kr_get(f->o, "nps/score", &f->a, &old, &f->e));
	before = hist_count(f, "kr", "nps/score");
	k = old;
	assert_ok(f, kr_update(f->o, &old, &k, &f->e));
	assert_int_equal(hist_count(f, "kr", "nps/score"), before);
	/* the write bumped the version: the next one starts from it */
	old.version = k.version;
	k = old;
	k.target = 45;
	assert_ok(f, kr_update(f->o, &old, &k, &f->e));
	assert_int_equal(hist_count(f, "kr", "nps/score"), before + 1);
	assert_non_null(h = hist_find(f, "kr", "nps/score", "target"));
	assert_string_equal(h->old, "40");
	assert_string_equal(h->new, "45");
	assert_ok(f, kr_get(f->o, "nps/score", &f->a, &k, &f->e));
	assert_true(k.target == 45);
	assert_true(k.baseline == 30);
	assert_true(isnan(k.low));
}

static void
test_kr_update_milestones_keeps_done_time_of_those_kept(void **state)
{
	struct fx		*f = *state;
	struct milestone	 ms[] = { { (char *)"Draft articles", 2, 0 },
	    { (char *)"Publish", 1, 0 } };
	struct kr		 old, k, *v;
	struct checkin		 c;
	struct history_entry	*h;
	size_t			 n;

	assert_ok(f, new_ms_kr(f, "nps", "steps"));
	checkin_defaults(&c);
	assert_ok(f, checkin_milestone(f->o, "nps/steps", "Draft articles",
	    1, &c, &f->e));
	assert_ok(f, kr_get(f->o, "nps/steps", &f->a, &old, &f->e));
	k = old;
	k.ms = ms;
	k.nms = NELEM(ms);
	assert_ok(f, kr_update(f->o, &old, &k, &f->e));
	assert_ok(f, kr_list_objective(f->o, old.objective_id, &f->a, &v, &n,
	    &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(v[0].nms, 2);
	assert_string_equal(v[0].ms[0].title, "Draft articles");
	assert_int_equal(v[0].ms[0].done_at, NOW);
	assert_string_equal(v[0].ms[1].title, "Publish");
	assert_int_equal(v[0].ms[1].done_at, 0);
	assert_non_null(h = hist_find(f, "kr", "nps/steps", "milestones"));
	assert_string_equal(h->old, "Draft articles:2; Review:1");
	assert_string_equal(h->new, "Draft articles:2; Publish:1");
}

static void
test_kr_rm_removes_its_checkins(void **state)
{
	struct fx	*f = *state;
	struct kr	 k;
	struct checkin	*v;
	size_t		 n;

	assert_ok(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN));
	assert_ok(f, checkin(f, "nps/score", 33, NAN, 0));
	assert_ok(f, kr_get(f->o, "nps/score", &f->a, &k, &f->e));
	assert_ok(f, kr_rm(f->o, "nps/score", &f->e));
	assert_ok(f, checkin_list(f->o, k.id, &f->a, &v, &n, &f->e));
	assert_int_equal(n, 0);
	assert_err(f, kr_get(f->o, "nps/score", &f->a, &k, &f->e),
	    ERR_NOTFOUND, "kr", "nps/score");
}

/* ---- milestone_parse -------------------------------------------------- */

static void
test_milestone_parse_title_and_weight(void **state)
{
	struct fx		*f = *state;
	struct milestone	 m;

	assert_ok(f, milestone_parse("Draft articles:2", &f->a, &m, &f->e));
	assert_string_equal(m.title, "Draft articles");
	assert_true(m.weight == 2);
	assert_ok(f, milestone_parse(" Review : 0.5 ", &f->a, &m, &f->e));
	assert_string_equal(m.title, "Review");
	assert_true(m.weight == 0.5);
	assert_ok(f, milestone_parse("Publish", &f->a, &m, &f->e));
	assert_string_equal(m.title, "Publish");
	assert_true(m.weight == 1);
	/* a colon not followed by a number is part of the title */
	assert_ok(f, milestone_parse("Phase 2: rollout", &f->a, &m, &f->e));
	assert_string_equal(m.title, "Phase 2: rollout");
	assert_true(m.weight == 1);
}

static void
test_milestone_parse_bad_weight_or_empty_title_is_rejected(void **state)
{
	struct fx		*f = *state;
	struct milestone	 m;

	assert_err(f, milestone_parse("Review:0", &f->a, &m, &f->e),
	    ERR_INVAL, "milestone", "greater than 0");
	assert_err(f, milestone_parse("Review:-1", &f->a, &m, &f->e),
	    ERR_INVAL, "milestone", "got -1");
	assert_err(f, milestone_parse(":3", &f->a, &m, &f->e), ERR_INVAL,
	    "milestone", "no title");
	assert_err(f, milestone_parse("  ", &f->a, &m, &f->e), ERR_INVAL,
	    "milestone", "no title");
}

/* ---- check-ins ---------------------------------------------------------- */

static void
test_checkin_add_records_value_and_history(void **state)
{
	struct fx		*f = *state;
	struct kr		 k;
	struct checkin		*v;
	struct history_entry	*h;
	size_t			 n;

	assert_ok(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN));
	assert_ok(f, checkin(f, "nps/score", 33, 0.7, NOW - 2 * DAY));
	assert_non_null(h = hist_find(f, "checkin", "nps/score", "value"));
	assert_null(h->old);
	assert_string_equal(h->new, "33");
	assert_ok(f, checkin(f, "nps/score", 35.5, NAN, 0));
	assert_non_null(h = hist_find(f, "checkin", "nps/score", "value"));
	assert_string_equal(h->old, "33");
	assert_string_equal(h->new, "35.5");
	assert_ok(f, kr_get(f->o, "nps/score", &f->a, &k, &f->e));
	assert_ok(f, checkin_list(f->o, k.id, &f->a, &v, &n, &f->e));
	assert_int_equal(n, 2);
	assert_int_equal(v[0].at, NOW - 2 * DAY);
	assert_true(v[0].confidence == 0.7);
	assert_int_equal(v[1].at, NOW);	/* at 0 means now */
	assert_true(v[1].value == 35.5);
	assert_true(isnan(v[1].confidence));
	assert_string_equal(v[1].author, "tester");
	assert_string_equal(v[1].source, "manual");
	assert_int_equal(v[1].kr_id, k.id);
}

static void
test_checkin_add_value_must_be_finite(void **state)
{
	struct fx	*f = *state;

	assert_ok(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN));
	assert_err(f, checkin(f, "nps/score", NAN, NAN, 0), ERR_INVAL,
	    "value", "needs a value");
	assert_err(f, checkin(f, "nps/score", INFINITY, NAN, 0), ERR_INVAL,
	    "value", "got inf");
}

static void
test_checkin_add_confidence_must_be_a_fraction(void **state)
{
	struct fx	*f = *state;

	assert_ok(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN));
	assert_err(f, checkin(f, "nps/score", 33, 1.5, 0), ERR_INVAL,
	    "confidence", "got 1.5");
	assert_err(f, checkin(f, "nps/score", 33, -0.1, 0), ERR_INVAL,
	    "confidence", "got -0.1");
	assert_ok(f, checkin(f, "nps/score", 33, 0, 0));
	assert_ok(f, checkin(f, "nps/score", 33, 1, 0));
}

static void
test_checkin_add_boolean_takes_zero_or_one(void **state)
{
	struct fx	*f = *state;

	assert_ok(f, new_kr(f, "nps", "launch", KR_BOOLEAN, NAN, NAN, NAN,
	    NAN));
	assert_err(f, checkin(f, "nps/launch", 0.5, NAN, 0), ERR_INVAL,
	    "value", "expected 0 or 1 (or yes/no) for a boolean key result, "
	    "got 0.5");
	assert_ok(f, checkin(f, "nps/launch", 0, NAN, 0));
	assert_ok(f, checkin(f, "nps/launch", 1, NAN, 0));
}

static void
test_checkin_add_more_than_a_day_ahead_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_ok(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN));
	assert_err(f, checkin(f, "nps/score", 33, NAN, NOW + DAY + 1),
	    ERR_INVAL, "at", "cannot be in the future");
	assert_ok(f, checkin(f, "nps/score", 33, NAN, NOW + DAY));
}

static void
test_checkin_add_on_milestones_kr_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_ok(f, new_ms_kr(f, "nps", "steps"));
	assert_err(f, checkin(f, "nps/steps", 1, NAN, 0), ERR_INVAL, "value",
	    "--done MILESTONE");
}

static void
test_checkin_add_unknown_kr_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, checkin(f, "nps/ghost", 1, NAN, 0), ERR_NOTFOUND, "kr",
	    "nps/ghost");
	assert_err(f, checkin(f, "nps", 1, NAN, 0), ERR_INVAL, "kr",
	    "OBJECTIVE/KR");
}

static void
test_checkin_milestone_records_done_share(void **state)
{
	struct fx		*f = *state;
	struct kr		 k;
	struct checkin		 c, *v;
	struct history_entry	*h;
	size_t			 n;

	assert_ok(f, new_ms_kr(f, "nps", "steps"));
	checkin_defaults(&c);
	c.note = (char *)"first draft is out";
	assert_ok(f, checkin_milestone(f->o, "nps/steps", "Draft articles",
	    1, &c, &f->e));
	/* done weight 2 of total 2 + 1 */
	assert_true(fabs(c.value - 2.0 / 3.0) < 1e-12);
	assert_ok(f, kr_get(f->o, "nps/steps", &f->a, &k, &f->e));
	assert_int_equal(k.ms[0].done_at, NOW);
	assert_int_equal(k.ms[1].done_at, 0);
	assert_ok(f, checkin_list(f->o, k.id, &f->a, &v, &n, &f->e));
	assert_int_equal(n, 1);
	assert_true(fabs(v[0].value - 2.0 / 3.0) < 1e-12);
	assert_string_equal(v[0].note, "first draft is out");
	assert_non_null(h = hist_find(f, "checkin", "nps/steps",
	    "milestone:Draft articles"));
	assert_string_equal(h->old, "open");
	assert_string_equal(h->new, "done");
	/* and undone again: back to 0 */
	checkin_defaults(&c);
	assert_ok(f, checkin_milestone(f->o, "nps/steps", "Draft articles",
	    0, &c, &f->e));
	assert_true(c.value == 0);
	assert_ok(f, kr_get(f->o, "nps/steps", &f->a, &k, &f->e));
	assert_int_equal(k.ms[0].done_at, 0);
}

static void
test_checkin_milestone_unknown_title_lists_known_ones(void **state)
{
	struct fx	*f = *state;
	struct checkin	 c;

	assert_ok(f, new_ms_kr(f, "nps", "steps"));
	checkin_defaults(&c);
	assert_err(f, checkin_milestone(f->o, "nps/steps", "Translate", 1, &c,
	    &f->e), ERR_NOTFOUND, "milestone",
	    "known: \"Draft articles\", \"Review\"");
}

static void
test_checkin_milestone_on_increase_kr_is_rejected(void **state)
{
	struct fx	*f = *state;
	struct checkin	 c;

	assert_ok(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN));
	checkin_defaults(&c);
	assert_err(f, checkin_milestone(f->o, "nps/score", "Draft", 1, &c,
	    &f->e), ERR_INVAL, "milestone", "increase key result");
}

/* ---- removal and transactions ------------------------------------------ */

static void
test_rm_is_refused_while_referenced(void **state)
{
	struct fx	*f = *state;

	assert_err(f, team_rm(f->o, "Tier 1", &f->e), ERR_CONFLICT, "",
	    "1 people");
	assert_err(f, team_rm(f->o, "Support", &f->e), ERR_CONFLICT, "",
	    "1 teams");
	assert_ok(f, new_obj(f, "agent", NULL, "Ana", NULL, 0));
	assert_err(f, person_rm(f->o, "Ana", &f->e), ERR_CONFLICT, "",
	    "1 objectives");
	assert_err(f, cycle_rm(f->o, "2026-Q4", &f->e), ERR_CONFLICT, "",
	    "2 objectives");
}

static void
test_failed_command_in_transaction_writes_nothing(void **state)
{
	struct fx		*f = *state;
	struct team		*teams;
	struct objective	*objs;
	struct kr		*krs;
	size_t			 nteams, nobjs, nkrs, nhist;
	enum err_code		 rc;

	nhist = hist_count(f, NULL, NULL);
	assert_ok(f, okr_begin(f->o, &f->e));
	/* one command: a team, its objective and a KR, the last one bad */
	if ((rc = new_team(f, "Tier 2", "Support")) == ERR_OK &&
	    (rc = new_obj(f, "t2", "Tier 2", NULL, NULL, 0)) == ERR_OK)
		rc = new_kr(f, "t2", "score", KR_INCREASE, 52, 40, NAN, NAN);
	assert_int_equal(rc, ERR_INVAL);
	okr_rollback(f->o);
	assert_ok(f, team_list(f->o, &f->a, &teams, &nteams, &f->e));
	assert_int_equal(nteams, 2);
	assert_ok(f, objective_list(f->o, NULL, &f->a, &objs, &nobjs, &f->e));
	assert_int_equal(nobjs, 1);
	assert_ok(f, kr_list(f->o, NULL, &f->a, &krs, &nkrs, &f->e));
	assert_int_equal(nkrs, 0);
	assert_int_equal(hist_count(f, NULL, NULL), nhist);
}

#define T(name)	cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_kr_add_infers_kind_from_its_numbers),
		T(test_kr_add_increase_with_target_below_baseline_is_rejected),
		T(test_kr_add_decrease_with_target_above_baseline_is_rejected),
		T(test_kr_add_increase_with_band_bounds_is_rejected),
		T(test_kr_add_band_without_bounds_is_rejected),
		T(test_kr_add_band_with_low_above_high_is_rejected),
		T(test_kr_add_band_with_target_is_rejected),
		T(test_kr_add_boolean_with_baseline_is_rejected),
		T(test_kr_add_milestones_kind_validates_its_list),
		T(test_kr_add_milestones_on_increase_is_rejected),
		T(test_kr_add_unknown_objective_or_owner_is_rejected),
		T(test_kr_update_writes_history_only_for_changed_fields),
		T(test_kr_update_milestones_keeps_done_time_of_those_kept),
		T(test_kr_rm_removes_its_checkins),
		T(test_milestone_parse_title_and_weight),
		T(test_milestone_parse_bad_weight_or_empty_title_is_rejected),
		T(test_checkin_add_records_value_and_history),
		T(test_checkin_add_value_must_be_finite),
		T(test_checkin_add_confidence_must_be_a_fraction),
		T(test_checkin_add_boolean_takes_zero_or_one),
		T(test_checkin_add_more_than_a_day_ahead_is_rejected),
		T(test_checkin_add_on_milestones_kr_is_rejected),
		T(test_checkin_add_unknown_kr_is_rejected),
		T(test_checkin_milestone_records_done_share),
		T(test_checkin_milestone_unknown_title_lists_known_ones),
		T(test_checkin_milestone_on_increase_kr_is_rejected),
		T(test_rm_is_refused_while_referenced),
		T(test_failed_command_in_transaction_writes_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
