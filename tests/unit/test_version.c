/*
 * test_version.c: optimistic concurrency (okr/okr.h's versions).
 *
 * An update writes only over the version its caller read, and moves the
 * version on by one; one made from an older read is ERR_CONFLICT (field
 * "version") naming the entity and both versions, and writes nothing.
 * Two connections to one store stand for two servers.  Also: a
 * connection's copy of the workspace settings follows another
 * connection's changes (polling, without a listener).
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

/* A second connection to the fixture's store: another server. */
static struct okr *
other(struct fx *f)
{
	struct okr	*o = NULL;

	assert_ok(f, okr_open(f->db, "other", &o, &f->e));
	return o;
}

static void
test_team_update_moves_the_version_on_by_one(void **state)
{
	struct fx	*f = *state;
	struct team	 old, t, now;

	assert_ok(f, team_get(f->o, "Support", &f->a, &old, &f->e));
	/* created at 1, never written since */
	assert_int_equal(old.version, 1);
	t = old;
	t.description = (char *)"first line";
	assert_ok(f, team_update(f->o, &old, &t, &f->e));
	assert_int_equal(t.version, 2);
	assert_ok(f, team_get(f->o, "Support", &f->a, &now, &f->e));
	assert_int_equal(now.version, 2);
	assert_string_equal(now.description, "first line");
}

static void
test_team_update_from_a_stale_read_conflicts_and_writes_nothing(
    void **state)
{
	struct fx	*f = *state;
	struct okr	*o2 = other(f);
	struct team	 mine, theirs, t, now;
	size_t		 hist;

	/* both read version 1; the other server writes first (-> 2) */
	assert_ok(f, team_get(f->o, "Support", &f->a, &mine, &f->e));
	assert_ok(f, team_get(o2, "Support", &f->a, &theirs, &f->e));
	t = theirs;
	t.description = (char *)"theirs";
	assert_ok(f, team_update(o2, &theirs, &t, &f->e));
	hist = hist_count(f, "team", "Support");
	t = mine;
	t.description = (char *)"mine";
	/* as every caller does: one transaction, rolled back on error */
	assert_ok(f, okr_begin(f->o, &f->e));
	assert_err(f, team_update(f->o, &mine, &t, &f->e), ERR_CONFLICT,
	    "version", "team \"Support\" was changed by someone else "
	    "(version 2, you had 1)");
	assert_true(okr_is_version_conflict(&f->e));
	okr_rollback(f->o);
	/* theirs stands, and no history row claims mine */
	assert_ok(f, team_get(f->o, "Support", &f->a, &now, &f->e));
	assert_string_equal(now.description, "theirs");
	assert_int_equal(now.version, 2);
	assert_int_equal(hist_count(f, "team", "Support"), hist);
	okr_close(o2);
}

static void
test_update_of_a_row_removed_meanwhile_says_so(void **state)
{
	struct fx	*f = *state;
	struct person	 old, p;

	assert_ok(f, new_person(f, "Bo", "Support"));
	assert_ok(f, person_get(f->o, "Bo", &f->a, &old, &f->e));
	assert_ok(f, person_rm(f->o, "Bo", &f->e));
	p = old;
	p.role = (char *)"lead";
	assert_err(f, person_update(f->o, &old, &p, &f->e), ERR_CONFLICT,
	    "version", "person \"Bo\" was removed by someone else");
}

static void
test_person_and_cycle_updates_check_the_version(void **state)
{
	struct fx	*f = *state;
	struct person	 po, p;
	struct cycle	 co, c;

	assert_ok(f, person_get(f->o, "Ana", &f->a, &po, &f->e));
	p = po;
	p.email = (char *)"ana@example.com";
	assert_ok(f, person_update(f->o, &po, &p, &f->e));
	assert_int_equal(p.version, po.version + 1);
	/* po is now one version behind */
	p = po;
	p.email = (char *)"other@example.com";
	assert_err(f, person_update(f->o, &po, &p, &f->e), ERR_CONFLICT,
	    "version", "(version 2, you had 1)");

	assert_ok(f, cycle_get(f->o, "2026-Q4", &f->a, &co, &f->e));
	c = co;
	c.end = (char *)"2027-01-15";
	assert_ok(f, cycle_update(f->o, &co, &c, &f->e));
	assert_int_equal(c.version, 2);
	c = co;
	c.end = (char *)"2027-01-31";
	assert_err(f, cycle_update(f->o, &co, &c, &f->e), ERR_CONFLICT,
	    "version", "cycle \"2026-Q4\" was changed");
}

static void
test_objective_and_kr_updates_check_the_version(void **state)
{
	struct fx		*f = *state;
	struct okr		*o2 = other(f);
	struct objective	 mine, theirs, ob, now;
	struct kr		 km, kt, k, kn;

	assert_ok(f, objective_get(f->o, "nps", &f->a, &mine, &f->e));
	assert_ok(f, objective_get(o2, "nps", &f->a, &theirs, &f->e));
	ob = theirs;
	ob.weight = 2;
	assert_ok(f, objective_update(o2, &theirs, &ob, &f->e));
	ob = mine;
	ob.weight = 3;
	assert_err(f, objective_update(f->o, &mine, &ob, &f->e), ERR_CONFLICT,
	    "version", "objective \"nps\" was changed by someone else "
	    "(version 2, you had 1)");
	assert_ok(f, objective_get(f->o, "nps", &f->a, &now, &f->e));
	assert_true(now.weight == 2);

	assert_ok(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN));
	assert_ok(f, kr_get(f->o, "nps/score", &f->a, &km, &f->e));
	assert_ok(f, kr_get(o2, "nps/score", &f->a, &kt, &f->e));
	k = kt;
	k.target = 45;
	assert_ok(f, kr_update(o2, &kt, &k, &f->e));
	assert_int_equal(k.version, km.version + 1);
	k = km;
	k.target = 50;
	assert_err(f, kr_update(f->o, &km, &k, &f->e), ERR_CONFLICT,
	    "version", "key result \"nps/score\" was changed");
	assert_ok(f, kr_get(f->o, "nps/score", &f->a, &kn, &f->e));
	assert_true(kn.target == 45);
	okr_close(o2);
}

static void
test_a_checkin_on_a_stale_read_does_not_conflict(void **state)
{
	struct fx	*f = *state;
	struct okr	*o2 = other(f);
	struct kr	 old, k;

	/* check-ins append: someone editing the key result meanwhile does
	 * not refuse them, nor do they move its version */
	assert_ok(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN));
	assert_ok(f, kr_get(o2, "nps/score", &f->a, &old, &f->e));
	assert_ok(f, checkin(f, "nps/score", 33, NAN, 0));
	k = old;
	k.title = (char *)"Retitled";
	assert_ok(f, kr_update(o2, &old, &k, &f->e));
	assert_ok(f, checkin(f, "nps/score", 35, NAN, 0));
	assert_int_equal(k.version, 2);
	okr_close(o2);
}

static void
test_workspace_update_checks_the_version(void **state)
{
	struct fx		*f = *state;
	struct okr		*o2 = other(f);
	struct workspace	 ws;

	assert_int_equal(f->o->ws.version, 1);
	ws = o2->ws;
	ws.name = (char *)"Renamed there";
	assert_ok(f, workspace_update(o2, &ws, &f->e));
	assert_int_equal(o2->ws.version, 2);
	/* this connection still holds version 1 */
	ws = f->o->ws;
	ws.cadence_days = 14;
	assert_err(f, workspace_update(f->o, &ws, &f->e), ERR_CONFLICT,
	    "version", "workspace \"Test\" was changed by someone else "
	    "(version 2, you had 1)");
	okr_close(o2);
}

static void
test_refresh_follows_another_connections_workspace_change(void **state)
{
	struct fx		*f = *state;
	struct okr		*o2 = other(f);
	struct workspace	 ws;

	ws = o2->ws;
	ws.name = (char *)"Renamed there";
	ws.max_krs = 3;
	assert_ok(f, workspace_update(o2, &ws, &f->e));
	/* another server's write: seen at the next refresh, no restart */
	assert_ok(f, okr_refresh(f->o, &f->e));
	assert_string_equal(f->o->ws.name, "Renamed there");
	assert_int_equal(f->o->ws.max_krs, 3);
	assert_int_equal(f->o->ws.version, 2);
	okr_close(o2);
}

static void
test_begin_rereads_the_settings_so_a_write_starts_current(void **state)
{
	struct fx		*f = *state;
	struct okr		*o2 = other(f);
	struct workspace	 ws;

	ws = o2->ws;
	ws.grace_days = 5;
	assert_ok(f, workspace_update(o2, &ws, &f->e));
	/* a writing transaction starts from the settings as stored: the
	 * update made from them is not a conflict */
	assert_ok(f, okr_begin(f->o, &f->e));
	assert_int_equal(f->o->ws.grace_days, 5);
	ws = f->o->ws;
	ws.cadence_days = 14;
	assert_ok(f, workspace_update(f->o, &ws, &f->e));
	assert_ok(f, okr_commit(f->o, &f->e));
	assert_int_equal(f->o->ws.version, 3);
	okr_close(o2);
}

static void
test_failed_update_in_a_transaction_leaves_the_version(void **state)
{
	struct fx	*f = *state;
	struct team	 old, t, now;

	assert_ok(f, team_get(f->o, "Tier 1", &f->a, &old, &f->e));
	assert_ok(f, okr_begin(f->o, &f->e));
	t = old;
	t.description = (char *)"rolled back";
	assert_ok(f, team_update(f->o, &old, &t, &f->e));
	okr_rollback(f->o);
	/* the version moved inside the transaction only */
	assert_ok(f, team_get(f->o, "Tier 1", &f->a, &now, &f->e));
	assert_int_equal(now.version, old.version);
	assert_null(now.description);
	/* so a write from the same read still goes through */
	assert_ok(f, team_update(f->o, &old, &t, &f->e));
	assert_int_equal(t.version, old.version + 1);
}

#define T(name)	cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_team_update_moves_the_version_on_by_one),
		T(test_team_update_from_a_stale_read_conflicts_and_writes_nothing),
		T(test_update_of_a_row_removed_meanwhile_says_so),
		T(test_person_and_cycle_updates_check_the_version),
		T(test_objective_and_kr_updates_check_the_version),
		T(test_a_checkin_on_a_stale_read_does_not_conflict),
		T(test_workspace_update_checks_the_version),
		T(test_refresh_follows_another_connections_workspace_change),
		T(test_begin_rereads_the_settings_so_a_write_starts_current),
		T(test_failed_update_in_a_transaction_leaves_the_version),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
