/*
 * test_close.c: closing a cycle (okr/close.h): the grades it freezes, what
 * it refuses, the lock that follows, the notes file, and carry-over.
 *
 * The cycle is close_test.h's; every expected value is worked out there
 * or next to the assertion, by hand.
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

#include "okr/close.h"
#include "okr/okr.h"
#include "okr/review.h"
#include "okr_test.h"
#include "close_test.h"

#define TOL	1e-9

static void
close_ok(struct fx *f)
{
	struct close_result	 res;

	assert_ok(f, okr_begin(f->o, &f->e));
	assert_ok(f, close_cycle(f->o, "2026-Q4", NULL, &f->a, &res, &f->e));
	assert_ok(f, okr_commit(f->o, &f->e));
}

static void
test_close_freezes_grades_values_and_statuses(void **state)
{
	struct fx		*f = *state;
	struct close_result	 res;
	struct objective	 ob;
	struct cycle		 cy;
	struct review		 r;
	size_t			 i;

	assert_ok(f, build_graded_cycle(f));
	assert_ok(f, write_postmortem(f, "the boolean came late"));
	assert_ok(f, close_cycle(f->o, "2026-Q4", NULL, &f->a, &res, &f->e));
	assert_int_equal(res.nobjs, 2);
	assert_int_equal(res.nkrs, 4);
	assert_int_equal(res.nkpis, 0);
	/* (0.9 + 0.7) / 2 */
	assert_true(fabs(res.mean_grade - 0.8) < TOL);
	/* the end of the cycle: 2027-01-01T00:00Z is CS + 92 days */
	assert_true(res.as_of == CS + 92 * DAY);

	assert_ok(f, objective_get(f->o, "nps", &f->a, &ob, &f->e));
	assert_true(fabs(ob.grade - 0.9) < TOL);
	assert_int_equal(ob.state, OBJ_CLOSED);
	assert_ok(f, objective_get(f->o, "asp", &f->a, &ob, &f->e));
	assert_true(fabs(ob.grade - 0.7) < TOL);
	assert_ok(f, cycle_get(f->o, "2026-Q4", &f->a, &cy, &f->e));
	assert_int_equal(cy.state, CYCLE_CLOSED);

	/* the frozen key results, read back as the report reads them */
	assert_ok(f, review_build(f->o, "2026-Q4", AFTER_END, NULL, &f->a,
	    &r, &f->e));
	assert_true(r.closed);
	assert_string_equal(r.closed_by, "tester");
	for (i = 0; i < r.nkrs; i++) {
		if (strcmp(r.krs[i].ref, "nps/score") == 0) {
			assert_true(fabs(r.krs[i].grade - 0.8) < TOL);
			assert_true(fabs(r.krs[i].final_value - 40) < TOL);
			assert_int_equal(r.krs[i].status, STATUS_ON_TRACK);
		} else if (strcmp(r.krs[i].ref, "asp/sla") == 0) {
			/* 12 of 14 weeks inside = 0.857 -> 0.9 */
			assert_true(fabs(r.krs[i].grade - 0.9) < TOL);
			assert_true(fabs(r.krs[i].final_value - 93) < TOL);
			assert_int_equal(r.krs[i].status, STATUS_ON_TRACK);
		} else if (strcmp(r.krs[i].ref, "asp/rate") == 0) {
			/* 0.5 against an expected 1: at risk (>= 0.4) */
			assert_true(fabs(r.krs[i].grade - 0.5) < TOL);
			assert_int_equal(r.krs[i].status, STATUS_AT_RISK);
		} else {
			assert_string_equal(r.krs[i].ref, "nps/done");
			assert_int_equal(r.krs[i].status, STATUS_DONE);
		}
	}
}

static void
test_close_keeps_every_freeze_in_history(void **state)
{
	struct fx		*f = *state;
	struct history_entry	*h;

	assert_ok(f, build_graded_cycle(f));
	assert_ok(f, write_postmortem(f, "late"));
	close_ok(f);
	assert_non_null(h = hist_find(f, "objective", "nps", "grade"));
	assert_null(h->old);
	assert_string_equal(h->new, "0.9");
	assert_non_null(h = hist_find(f, "objective", "asp", "state"));
	assert_string_equal(h->old, "active");
	assert_string_equal(h->new, "closed");
	assert_non_null(h = hist_find(f, "kr", "nps/score", "final_value"));
	assert_string_equal(h->new, "40");
	assert_non_null(h = hist_find(f, "kr", "asp/rate", "final_status"));
	assert_string_equal(h->new, "at_risk");
	assert_non_null(h = hist_find(f, "cycle", "2026-Q4", "closed_by"));
	assert_string_equal(h->new, "tester");
	assert_non_null(h = hist_find(f, "cycle", "2026-Q4", "state"));
	assert_string_equal(h->new, "closed");
}

static void
test_close_without_postmortem_is_refused_and_writes_nothing(void **state)
{
	struct fx		*f = *state;
	struct close_result	 res;
	struct objective	 ob;
	int64_t			 at;
	char			*by;

	assert_ok(f, build_graded_cycle(f));
	assert_ok(f, okr_begin(f->o, &f->e));
	/* nps is committed at 0.9; asp is aspirational: no post-mortem */
	assert_err(f, close_cycle(f->o, "2026-Q4", NULL, &f->a, &res, &f->e),
	    ERR_CONFLICT, "postmortem", "1 committed objective graded below "
	    "1.0 needs a post-mortem note");
	assert_non_null(strstr(f->e.msg, ": nps (0.9)"));
	assert_null(strstr(f->e.msg, "asp"));
	okr_rollback(f->o);
	assert_ok(f, objective_get(f->o, "nps", &f->a, &ob, &f->e));
	assert_true(isnan(ob.grade));
	assert_int_equal(ob.state, OBJ_ACTIVE);
	assert_ok(f, close_info(f->o, "2026-Q4", &f->a, &at, &by, &f->e));
	assert_true(at == 0);
	assert_null(hist_find(f, "objective", "nps", "grade"));
}

static void
test_close_a_second_time_is_refused(void **state)
{
	struct fx		*f = *state;
	struct close_result	 res;

	assert_ok(f, build_graded_cycle(f));
	assert_ok(f, write_postmortem(f, "late"));
	close_ok(f);
	f->o->now = AFTER_END + 5 * DAY;
	assert_err(f, close_cycle(f->o, "2026-Q4", NULL, &f->a, &res, &f->e),
	    ERR_CONFLICT, "cycle", "cycle 2026-Q4 was closed on 2027-01-01 "
	    "by tester");
}

static void
test_close_before_the_end_needs_force_early(void **state)
{
	struct fx		*f = *state;
	struct close_opts	 op;
	struct close_result	 res;

	assert_ok(f, build_graded_cycle(f));
	assert_ok(f, write_postmortem(f, "cut short"));
	f->o->now = CS + 91 * DAY + 12 * 3600;	/* Dec 31, 12:00 */
	assert_err(f, close_cycle(f->o, "2026-Q4", NULL, &f->a, &res, &f->e),
	    ERR_CONFLICT, "cycle", "cycle 2026-Q4 ends on 2026-12-31 (today "
	    "is 2026-12-31)");
	memset(&op, 0, sizeof(op));
	op.force_early = 1;
	assert_ok(f, close_cycle(f->o, "2026-Q4", &op, &f->a, &res, &f->e));
	assert_true(res.as_of == CS + 91 * DAY + 12 * 3600);
}

static void
test_close_freezes_kpi_movement_in_first_seen_order(void **state)
{
	struct fx		*f = *state;
	struct close_result	 res;
	struct review		 r;

	assert_ok(f, build_kpi_cycle(f));
	assert_ok(f, write_postmortem(f, "reach had no data"));
	assert_ok(f, close_cycle(f->o, "2026-Q4", NULL, &f->a, &res, &f->e));
	/* nps (of reach) and csat: one movement each */
	assert_int_equal(res.nkpis, 2);
	/* 10 unsatisfied on Dec 20, imported after the close: a live
	 * movement would end at (8 + 0) / 20 = 0.4, the frozen one stays */
	assert_ok(f, csat_day(f, 80, 10, 0));
	assert_ok(f, review_build(f->o, "2026-Q4", AFTER_END + 30 * DAY, NULL,
	    &f->a, &r, &f->e));
	assert_true(r.closed);
	assert_int_equal(r.nkpis, 2);
	/* the order the key results name them (reach, then csat), as the
	 * open report lists them, not by name */
	assert_string_equal(r.kpis[0].key, "nps");
	assert_true(isnan(r.kpis[0].start) && isnan(r.kpis[0].end));
	assert_int_equal(r.kpis[0].start_n, 0);
	assert_int_equal(r.kpis[0].move, MOVE_UNKNOWN);
	assert_string_equal(r.kpis[1].key, "csat");
	/* close_test.h: 6 / 10 in the first 4 weeks, 8 / 10 in the last */
	assert_true(fabs(r.kpis[1].start - 0.6) < TOL);
	assert_int_equal(r.kpis[1].start_n, 10);
	assert_true(fabs(r.kpis[1].end - 0.8) < TOL);
	assert_int_equal(r.kpis[1].end_n, 10);
	assert_int_equal(r.kpis[1].move, MOVE_BETTER);
}

static void
test_close_syncs_kpi_krs_of_a_cycle_edited_to_closed(void **state)
{
	struct fx		*f = *state;
	struct close_result	 res;
	struct cycle		 old, nw;
	struct review		 r;
	size_t			 i, seen = 0;

	assert_ok(f, build_kpi_cycle(f));
	assert_ok(f, write_postmortem(f, "reach had no data"));
	/* the state edited by hand is not the lock: the close must still
	 * sync the KPI-fed key results before it freezes them */
	assert_ok(f, cycle_get(f->o, "2026-Q4", &f->a, &old, &f->e));
	nw = old;
	nw.state = CYCLE_CLOSED;
	assert_ok(f, cycle_update(f->o, &old, &nw, &f->e));
	assert_ok(f, close_cycle(f->o, "2026-Q4", NULL, &f->a, &res, &f->e));
	assert_ok(f, review_build(f->o, "2026-Q4", AFTER_END, NULL, &f->a,
	    &r, &f->e));
	for (i = 0; i < r.nkrs; i++) {
		if (strcmp(r.krs[i].ref, "nps/csat") != 0)
			continue;
		seen++;
		/* (6 + 5 + 8) / 30 = 63.33%; (63.33 - 50) / 40 = 0.33 */
		assert_true(fabs(r.krs[i].final_value - 1900.0 / 30) < 1e-6);
		assert_true(fabs(r.krs[i].grade - 0.3) < TOL);
	}
	assert_int_equal(seen, 1);
}

static void
test_close_early_grades_a_band_on_the_weeks_begun(void **state)
{
	struct fx		*f = *state;
	struct close_opts	 op;
	struct close_result	 res;
	struct review		 r;
	size_t			 i, seen = 0;

	assert_ok(f, build_graded_cycle(f));
	assert_ok(f, write_postmortem(f, "cut short"));
	memset(&op, 0, sizeof(op));
	op.force_early = 1;
	f->o->now = AT(50, 0);
	assert_ok(f, close_cycle(f->o, "2026-Q4", &op, &f->a, &res, &f->e));
	assert_ok(f, review_build(f->o, "2026-Q4", AFTER_END, NULL, &f->a,
	    &r, &f->e));
	for (i = 0; i < r.nkrs; i++) {
		if (strcmp(r.krs[i].ref, "asp/sla") != 0)
			continue;
		seen++;
		/* Nov 20 is day 50: weeks 1-8 begun; 95 (weeks 1-5) and 92
		 * (week 8, from Nov 19) inside 90..100, 85 (weeks 6-7) not:
		 * 6 / 8 = 0.75, graded 0.8 (the half rounds up) */
		assert_true(fabs(r.krs[i].grade - 0.8) < TOL);
		assert_true(fabs(r.krs[i].final_value - 92) < TOL);
	}
	assert_int_equal(seen, 1);
}

static void
test_closed_cycle_refuses_checkins_and_edits_but_not_notes(void **state)
{
	struct fx		*f = *state;
	struct objective	 old, nw;
	struct kr		 k, nk;

	assert_ok(f, build_graded_cycle(f));
	assert_ok(f, write_postmortem(f, "late"));
	close_ok(f);
	assert_err(f, checkin(f, "nps/score", 44, NAN, AT(90, 0)),
	    ERR_CONFLICT, "cycle", "cycle \"2026-Q4\" is closed");
	assert_ok(f, objective_get(f->o, "nps", &f->a, &old, &f->e));
	nw = old;
	nw.title = (char *)"Another title";
	assert_err(f, objective_update(f->o, &old, &nw, &f->e), ERR_CONFLICT,
	    "cycle", "is closed");
	nw = old;
	nw.retrospective = (char *)"What we learnt";
	nw.postmortem = (char *)"Why it fell short";
	assert_ok(f, objective_update(f->o, &old, &nw, &f->e));
	/* an update that changes nothing is no edit (apply stays idempotent) */
	assert_ok(f, objective_get(f->o, "nps", &f->a, &old, &f->e));
	nw = old;
	assert_ok(f, objective_update(f->o, &old, &nw, &f->e));
	assert_ok(f, kr_get(f->o, "nps/score", &f->a, &k, &f->e));
	nk = k;
	nk.target = 50;
	assert_err(f, kr_update(f->o, &k, &nk, &f->e), ERR_CONFLICT, "cycle",
	    "is closed");
	assert_err(f, new_kr(f, "nps", "more", KR_INCREASE, 1, 2, NAN, NAN),
	    ERR_CONFLICT, "cycle", "is closed");
	assert_err(f, kr_rm(f->o, "nps/score", &f->e), ERR_CONFLICT, "cycle",
	    "is closed");
	assert_err(f, new_obj(f, "late", "Tier 1", NULL, NULL, 0),
	    ERR_CONFLICT, "cycle", "is closed");
}

static const char *
write_file(struct fx *f, const char *text)
{
	char	*path = arena_printf(&f->a, "%s/notes.yaml", f->dir);
	FILE	*fp;

	assert_non_null(path);
	assert_non_null(fp = fopen(path, "w"));
	fputs(text, fp);
	fclose(fp);
	return path;
}

static void
test_notes_errors_name_file_line_and_key(void **state)
{
	struct fx		*f = *state;
	struct close_note	*v;
	const char		*p;
	size_t			 n;
	char			 want[256];

	p = write_file(f, "nps:\n  postmortem: fine\nasp:\n  grade: 1\n");
	assert_int_equal(close_notes_load(p, &f->a, &v, &n, &f->e),
	    ERR_INVAL);
	snprintf(want, sizeof(want), "%s:4:3: asp: unknown key \"grade\"", p);
	assert_non_null(strstr(f->e.msg, want));

	p = write_file(f, "nps:\n  postmortem: one\nnps:\n  postmortem: two\n");
	assert_int_equal(close_notes_load(p, &f->a, &v, &n, &f->e),
	    ERR_INVAL);
	snprintf(want, sizeof(want), "%s:3:1: objective \"nps\" is given "
	    "twice (first on line 1)", p);
	assert_string_equal(f->e.msg, want);

	p = write_file(f, "nps: {retrospective: ok}\nghost:\n  postmortem: x\n");
	assert_ok(f, close_notes_load(p, &f->a, &v, &n, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(v[0].retrospective, "ok");
	assert_int_equal(v[1].line, 2);
}

static void
test_notes_are_written_at_close_and_satisfy_the_postmortem(void **state)
{
	struct fx		*f = *state;
	struct close_opts	 op;
	struct close_result	 res;
	struct objective	 ob;
	const char		*p;

	assert_ok(f, build_graded_cycle(f));
	p = write_file(f, "ghost:\n  postmortem: x\n");
	memset(&op, 0, sizeof(op));
	op.notes_path = "notes.yaml";
	assert_ok(f, close_notes_load(p, &f->a, (struct close_note **)
	    &op.notes, &op.nnotes, &f->e));
	assert_err(f, close_cycle(f->o, "2026-Q4", &op, &f->a, &res, &f->e),
	    ERR_INVAL, "notes", "notes.yaml:1: ghost: no objective with this "
	    "key in cycle 2026-Q4");

	p = write_file(f, "nps:\n  postmortem: The boolean came late.\n"
	    "asp:\n  retrospective: Keep the band.\n");
	assert_ok(f, close_notes_load(p, &f->a, (struct close_note **)
	    &op.notes, &op.nnotes, &f->e));
	assert_ok(f, close_cycle(f->o, "2026-Q4", &op, &f->a, &res, &f->e));
	assert_int_equal(res.nnotes, 2);
	assert_ok(f, objective_get(f->o, "nps", &f->a, &ob, &f->e));
	assert_string_equal(ob.postmortem, "The boolean came late.");
	assert_non_null(hist_find(f, "objective", "asp", "retrospective"));
}

static void
test_carry_key_is_derived_from_the_next_cycle(void **state)
{
	struct fx	*f = *state;

	assert_string_equal(close_carry_key("love", "2026-Q4", "2027-Q1",
	    &f->a), "love-2027-q1");
	/* carried again: the old suffix goes, no chain */
	assert_string_equal(close_carry_key("love-2027-q1", "2027-Q1",
	    "2027-Q2", &f->a), "love-2027-q2");
	assert_string_equal(close_carry_key("nps", "2026-Q4", "H1 2027",
	    &f->a), "nps-h1-2027");
}

static void
test_carry_copies_definitions_with_baselines_reset(void **state)
{
	struct fx		*f = *state;
	struct carry_result	 res;
	struct objective	 ob;
	struct kr		 k, *v;
	struct checkin		*c;
	size_t			 n;

	assert_ok(f, build_graded_cycle(f));
	assert_ok(f, new_cycle(f, "2027-Q1", "2027-01-01", "2027-03-31"));
	assert_err(f, close_carry(f->o, "2026-Q4", "2027-Q1", &f->a, &res,
	    &f->e), ERR_CONFLICT, "cycle", "cycle 2026-Q4 is not closed");
	assert_ok(f, write_postmortem(f, "late"));
	close_ok(f);
	assert_ok(f, close_carry(f->o, "2026-Q4", "2027-Q1", &f->a, &res,
	    &f->e));
	/* asp (aspirational, 0.7) carries; nps is committed */
	assert_int_equal(res.n, 1);
	assert_string_equal(res.from[0], "asp");
	assert_string_equal(res.to[0], "asp-2027-q1");
	assert_int_equal(res.nkrs, 2);
	/* asp aligned to nps, which stayed behind */
	assert_int_equal(res.naligns_dropped, 1);
	assert_ok(f, objective_get(f->o, "asp-2027-q1", &f->a, &ob, &f->e));
	assert_string_equal(ob.cycle, "2027-Q1");
	assert_string_equal(ob.person, "Ana");
	assert_int_equal(ob.kind, OBJ_ASPIRATIONAL);
	assert_int_equal(ob.state, OBJ_DRAFT);
	assert_string_equal(ob.carried_from, "asp");
	assert_int_equal(ob.naligns, 0);
	assert_true(isnan(ob.grade));
	/* rate: baseline 10 -> its final value 30, target kept */
	assert_ok(f, kr_get(f->o, "asp-2027-q1/rate", &f->a, &k, &f->e));
	assert_true(fabs(k.baseline - 30) < TOL);
	assert_true(fabs(k.target - 50) < TOL);
	assert_ok(f, kr_get(f->o, "asp-2027-q1/sla", &f->a, &k, &f->e));
	assert_true(fabs(k.low - 90) < TOL && fabs(k.high - 100) < TOL);
	/* definitions only: no check-in comes along */
	assert_ok(f, kr_list_objective(f->o, ob.id, &f->a, &v, &n, &f->e));
	assert_int_equal(n, 2);
	assert_ok(f, checkin_list(f->o, v[0].id, &f->a, &c, &n, &f->e));
	assert_int_equal(n, 0);
	assert_non_null(hist_find(f, "objective", "asp-2027-q1",
	    "carried_from"));
}

static void
test_carry_twice_copies_nothing_the_second_time(void **state)
{
	struct fx		*f = *state;
	struct carry_result	 res;
	struct objective	*v;
	size_t			 n;

	assert_ok(f, build_graded_cycle(f));
	assert_ok(f, new_cycle(f, "2027-Q1", "2027-01-01", "2027-03-31"));
	assert_ok(f, write_postmortem(f, "late"));
	close_ok(f);
	assert_ok(f, close_carry(f->o, "2026-Q4", "2027-Q1", &f->a, &res,
	    &f->e));
	assert_int_equal(res.n, 1);
	assert_ok(f, close_carry(f->o, "2026-Q4", "2027-Q1", &f->a, &res,
	    &f->e));
	assert_int_equal(res.n, 0);
	assert_int_equal(res.nskipped, 1);
	assert_ok(f, objective_list(f->o, "2027-Q1", &f->a, &v, &n, &f->e));
	assert_int_equal(n, 1);
	/* into itself, or into a closed cycle: refused */
	assert_err(f, close_carry(f->o, "2026-Q4", "2026-Q4", &f->a, &res,
	    &f->e), ERR_CONFLICT, "to", "not into itself");
}

static void
test_carry_remaps_an_alignment_to_a_parent_carried_too(void **state)
{
	struct fx		*f = *state;
	struct carry_result	 res;
	struct objective	 ob, old, nw;
	const char *const	 up[] = { "nps", "top/t1" };
	size_t			 i;

	assert_ok(f, build_graded_cycle(f));
	assert_ok(f, new_cycle(f, "2027-Q1", "2027-01-01", "2027-03-31"));
	/* top: aspirational, t1 0 -> 10 at 5 on Oct 11: grade 0.5 */
	objective_defaults(&ob);
	ob.key = (char *)"top";
	ob.title = (char *)"A parent";
	ob.cycle = (char *)"2026-Q4";
	ob.team = (char *)"Tier 1";
	ob.kind = OBJ_ASPIRATIONAL;
	assert_ok(f, objective_add(f->o, &ob, &f->e));
	assert_ok(f, new_kr(f, "top", "t1", KR_INCREASE, 0, 10, NAN, NAN));
	assert_ok(f, checkin(f, "top/t1", 5, NAN, AT(10, 12)));
	/* asp aligns to nps (committed: stays) and to top's key result */
	assert_ok(f, objective_get(f->o, "asp", &f->a, &old, &f->e));
	nw = old;
	nw.aligns = (char **)(uintptr_t)up;
	nw.naligns = NELEM(up);
	assert_ok(f, objective_update(f->o, &old, &nw, &f->e));
	assert_ok(f, write_postmortem(f, "late"));
	close_ok(f);
	assert_ok(f, close_carry(f->o, "2026-Q4", "2027-Q1", &f->a, &res,
	    &f->e));
	/* asp and top carry; nps is committed */
	assert_int_equal(res.n, 2);
	for (i = 0; i < res.n; i++)
		if (strcmp(res.from[i], "top") == 0)
			assert_string_equal(res.to[i], "top-2027-q1");
		else
			assert_string_equal(res.to[i], "asp-2027-q1");
	assert_int_equal(res.naligns_dropped, 1);
	assert_ok(f, objective_get(f->o, "asp-2027-q1", &f->a, &ob, &f->e));
	assert_int_equal(ob.naligns, 1);
	assert_string_equal(ob.aligns[0], "top-2027-q1/t1");
}

static void
test_carry_into_a_closed_cycle_is_refused(void **state)
{
	struct fx		*f = *state;
	struct carry_result	 res;
	struct close_opts	 op;
	struct close_result	 cr;
	struct objective	*v;
	size_t			 n;

	assert_ok(f, build_graded_cycle(f));
	assert_ok(f, new_cycle(f, "2027-Q1", "2027-01-01", "2027-03-31"));
	assert_ok(f, write_postmortem(f, "late"));
	close_ok(f);
	/* 2027-Q1 began this morning: closed early, empty */
	memset(&op, 0, sizeof(op));
	op.force_early = 1;
	assert_ok(f, close_cycle(f->o, "2027-Q1", &op, &f->a, &cr, &f->e));
	assert_err(f, close_carry(f->o, "2026-Q4", "2027-Q1", &f->a, &res,
	    &f->e), ERR_CONFLICT, "to", "to: cycle 2027-Q1 is closed");
	assert_ok(f, objective_list(f->o, "2027-Q1", &f->a, &v, &n, &f->e));
	assert_int_equal(n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_close_freezes_grades_values_and_statuses, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_close_keeps_every_freeze_in_history, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_close_without_postmortem_is_refused_and_writes_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_close_a_second_time_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_close_before_the_end_needs_force_early, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_closed_cycle_refuses_checkins_and_edits_but_not_notes,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_notes_errors_name_file_line_and_key, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_notes_are_written_at_close_and_satisfy_the_postmortem,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_carry_key_is_derived_from_the_next_cycle, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_carry_copies_definitions_with_baselines_reset, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_carry_twice_copies_nothing_the_second_time, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_carry_remaps_an_alignment_to_a_parent_carried_too,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_carry_into_a_closed_cycle_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_close_freezes_kpi_movement_in_first_seen_order, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_close_syncs_kpi_krs_of_a_cycle_edited_to_closed, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_close_early_grades_a_band_on_the_weeks_begun, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
