/*
 * test_okr.c: the OKR domain (okr/okr.h) as cmocka specifications, part
 * one: identities, teams, cycles, objectives and alignment.  Part two,
 * test_okr_kr.c, holds key results, milestones, check-ins and removal.
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

/* ---- identity: duplicates ------------------------------------------ */

static void
test_team_add_duplicate_name_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_team(f, "Tier 1", NULL), ERR_EXISTS, "name",
	    "\"Tier 1\" already exists");
}

static void
test_person_add_duplicate_name_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_person(f, "Ana", NULL), ERR_EXISTS, "name", "Ana");
}

static void
test_cycle_add_duplicate_name_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_cycle(f, "2026-Q4", "2027-01-01", "2027-03-31"),
	    ERR_EXISTS, "name", "2026-Q4");
}

static void
test_objective_add_duplicate_key_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_obj(f, "nps", NULL, "Ana", NULL, 0), ERR_EXISTS,
	    "key", "\"nps\" already exists");
}

static void
test_objective_add_malformed_key_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_obj(f, "Bad Key", "Tier 1", NULL, NULL, 0),
	    ERR_INVAL, "key", "Bad Key");
}

static void
test_kr_add_duplicate_key_in_one_objective_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_ok(f, new_obj(f, "csat", NULL, "Ana", NULL, 0));
	assert_ok(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN));
	assert_err(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN),
	    ERR_EXISTS, "key", "\"score\"");
	/* the same key under another objective is another key result */
	assert_ok(f, new_kr(f, "csat", "score", -1, 30, 40, NAN, NAN));
}

/* ---- teams and cycles ----------------------------------------------- */

static void
test_team_update_parent_loop_is_rejected(void **state)
{
	struct fx	*f = *state;
	struct team	 old, t;

	assert_ok(f, team_get(f->o, "Support", &f->a, &old, &f->e));
	t = old;
	t.parent = (char *)"Tier 1";
	assert_err(f, team_update(f->o, &old, &t, &f->e), ERR_INVAL,
	    "parent", "Tier 1");
	t.parent = (char *)"Support";
	assert_err(f, team_update(f->o, &old, &t, &f->e), ERR_INVAL,
	    "parent", "itself");
}

static void
test_cycle_add_end_before_start_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_cycle(f, "2027-Q1", "2027-03-31", "2027-01-01"),
	    ERR_INVAL, "end", "2027-01-01");
}

/* ---- objectives: owner and alignment --------------------------------- */

static void
test_objective_add_with_team_and_person_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_obj(f, "csat", "Tier 1", "Ana", NULL, 0),
	    ERR_INVAL, "team", "give team or person, not both");
}

static void
test_objective_add_without_owner_is_rejected(void **state)
{
	struct fx	*f = *state;

	assert_err(f, new_obj(f, "csat", NULL, NULL, NULL, 0), ERR_INVAL,
	    "team", "give team or person");
}

static void
test_objective_add_unknown_owner_or_cycle_is_rejected(void **state)
{
	struct fx		*f = *state;
	struct objective	 ob;

	assert_err(f, new_obj(f, "csat", "Tier 9", NULL, NULL, 0),
	    ERR_NOTFOUND, "team", "Tier 9");
	assert_err(f, new_obj(f, "csat", NULL, "Bob", NULL, 0), ERR_NOTFOUND,
	    "person", "Bob");
	objective_defaults(&ob);
	ob.key = (char *)"csat";
	ob.title = (char *)"Happier customers";
	ob.cycle = (char *)"2031-Q1";
	ob.team = (char *)"Tier 1";
	assert_err(f, objective_add(f->o, &ob, &f->e), ERR_NOTFOUND, "cycle",
	    "2031-Q1");
}

static void
test_objective_align_to_unknown_is_rejected(void **state)
{
	struct fx		*f = *state;
	const char *const	 obj[] = { "nps", "ghost" };
	const char *const	 kr[] = { "nps/ghost" };

	assert_err(f, new_obj(f, "csat", NULL, "Ana", obj, NELEM(obj)),
	    ERR_NOTFOUND, "aligns", "\"ghost\"");
	assert_err(f, new_obj(f, "csat", NULL, "Ana", kr, NELEM(kr)),
	    ERR_NOTFOUND, "aligns", "\"nps/ghost\"");
}

static void
test_objective_align_to_itself_is_rejected(void **state)
{
	struct fx		*f = *state;
	const char *const	 self[] = { "csat" };
	struct objective	 old, ob;
	char			*own[] = { (char *)"nps/score" };

	assert_err(f, new_obj(f, "csat", NULL, "Ana", self, NELEM(self)),
	    ERR_INVAL, "aligns", "itself");
	/* nor to one of its own key results */
	assert_ok(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN));
	assert_ok(f, objective_get(f->o, "nps", &f->a, &old, &f->e));
	ob = old;
	ob.aligns = own;
	ob.naligns = 1;
	assert_err(f, objective_update(f->o, &old, &ob, &f->e), ERR_INVAL,
	    "aligns", "\"nps/score\"");
}

static void
test_objective_align_loop_is_rejected(void **state)
{
	struct fx		*f = *state;
	const char *const	 to_company[] = { "company" };
	const char *const	 to_score[] = { "nps/score" };
	struct objective	 old, ob;
	char			*to_agent[] = { (char *)"agent" };

	/* agent -> nps/score (so nps) -> company */
	assert_ok(f, new_obj(f, "company", "Support", NULL, NULL, 0));
	assert_ok(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN));
	assert_ok(f, objective_get(f->o, "nps", &f->a, &old, &f->e));
	ob = old;
	ob.aligns = (char **)(uintptr_t)to_company;
	ob.naligns = 1;
	assert_ok(f, objective_update(f->o, &old, &ob, &f->e));
	assert_ok(f, new_obj(f, "agent", NULL, "Ana", to_score, 1));
	/* company -> agent would close the circle */
	assert_ok(f, objective_get(f->o, "company", &f->a, &old, &f->e));
	ob = old;
	ob.aligns = to_agent;
	ob.naligns = 1;
	assert_err(f, objective_update(f->o, &old, &ob, &f->e), ERR_INVAL,
	    "aligns", "loop");
	assert_ok(f, objective_get(f->o, "company", &f->a, &ob, &f->e));
	assert_int_equal(ob.naligns, 0);
}

static void
test_objective_aligns_read_back_in_order(void **state)
{
	struct fx		*f = *state;
	const char *const	 up[] = { "nps/score", "company" };
	struct objective	 ob, *v;
	size_t			 n, i;

	assert_ok(f, new_obj(f, "company", "Support", NULL, NULL, 0));
	assert_ok(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN));
	assert_ok(f, new_obj(f, "agent", NULL, "Ana", up, NELEM(up)));
	assert_ok(f, objective_get(f->o, "agent", &f->a, &ob, &f->e));
	assert_int_equal(ob.naligns, 2);
	assert_string_equal(ob.aligns[0], "nps/score");
	assert_string_equal(ob.aligns[1], "company");
	assert_null(ob.team);
	assert_string_equal(ob.person, "Ana");
	assert_ok(f, objective_list(f->o, "2026-Q4", &f->a, &v, &n, &f->e));
	assert_int_equal(n, 3);
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].key, "agent") == 0) {
			assert_int_equal(v[i].naligns, 2);
			assert_string_equal(v[i].aligns[1], "company");
		} else
			assert_int_equal(v[i].naligns, 0);
	}
	assert_ok(f, objective_list(f->o, "2027-Q1", &f->a, &v, &n, &f->e));
	assert_int_equal(n, 0);
}

static void
test_objective_update_aligns_writes_one_history_row(void **state)
{
	struct fx		*f = *state;
	struct objective	 old, ob;
	struct history_entry	*h;
	size_t			 before;
	char			*up[] = { (char *)"company", (char *)"other" };

	assert_ok(f, new_obj(f, "company", "Support", NULL, NULL, 0));
	assert_ok(f, new_obj(f, "other", "Support", NULL, NULL, 0));
	assert_ok(f, objective_get(f->o, "nps", &f->a, &old, &f->e));
	before = hist_count(f, "objective", "nps");
	ob = old;
	ob.aligns = up;
	ob.naligns = 2;
	assert_ok(f, objective_update(f->o, &old, &ob, &f->e));
	assert_int_equal(hist_count(f, "objective", "nps"), before + 1);
	assert_non_null(h = hist_find(f, "objective", "nps", "aligns"));
	assert_null(h->old);
	assert_string_equal(h->new, "company, other");
	assert_ok(f, objective_get(f->o, "nps", &f->a, &ob, &f->e));
	assert_int_equal(ob.naligns, 2);
}

static void
test_objective_update_noop_writes_no_history(void **state)
{
	struct fx		*f = *state;
	const char *const	 up[] = { "nps" };
	struct objective	 old, ob;
	size_t			 before;

	assert_ok(f, new_obj(f, "agent", NULL, "Ana", up, 1));
	assert_ok(f, objective_get(f->o, "agent", &f->a, &old, &f->e));
	before = hist_count(f, NULL, NULL);
	ob = old;
	assert_ok(f, objective_update(f->o, &old, &ob, &f->e));
	assert_int_equal(hist_count(f, NULL, NULL), before);
	assert_ok(f, objective_get(f->o, "agent", &f->a, &ob, &f->e));
	assert_int_equal(ob.naligns, 1);
}

static void
test_objective_update_writes_history_only_for_changed_fields(void **state)
{
	struct fx		*f = *state;
	struct objective	 old, ob;
	struct history_entry	*h;
	size_t			 before;

	assert_ok(f, objective_get(f->o, "nps", &f->a, &old, &f->e));
	before = hist_count(f, "objective", "nps");
	ob = old;
	ob.kind = OBJ_ASPIRATIONAL;
	ob.weight = 2;
	assert_ok(f, objective_update(f->o, &old, &ob, &f->e));
	assert_int_equal(hist_count(f, "objective", "nps"), before + 2);
	assert_non_null(h = hist_find(f, "objective", "nps", "kind"));
	assert_string_equal(h->old, "committed");
	assert_string_equal(h->new, "aspirational");
	assert_non_null(h = hist_find(f, "objective", "nps", "weight"));
	assert_string_equal(h->old, "1");
	assert_string_equal(h->new, "2");
	assert_ok(f, objective_get(f->o, "nps", &f->a, &ob, &f->e));
	assert_int_equal(ob.kind, OBJ_ASPIRATIONAL);
	assert_true(ob.weight == 2);
}

static void
test_objective_rm_cascades_to_krs_and_alignments(void **state)
{
	struct fx		*f = *state;
	const char *const	 up[] = { "nps/score" };
	struct objective	 ob;
	struct kr		*v;
	size_t			 n;

	assert_ok(f, new_kr(f, "nps", "score", -1, 30, 40, NAN, NAN));
	assert_ok(f, new_obj(f, "agent", NULL, "Ana", up, 1));
	assert_ok(f, objective_rm(f->o, "nps", &f->e));
	assert_err(f, objective_get(f->o, "nps", &f->a, &ob, &f->e),
	    ERR_NOTFOUND, "objective", "nps");
	assert_ok(f, kr_list(f->o, NULL, &f->a, &v, &n, &f->e));
	assert_int_equal(n, 0);
	assert_ok(f, objective_get(f->o, "agent", &f->a, &ob, &f->e));
	assert_int_equal(ob.naligns, 0);
	assert_non_null(hist_find(f, "objective", "nps", "removed"));
}

#define T(name)	cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_team_add_duplicate_name_is_rejected),
		T(test_person_add_duplicate_name_is_rejected),
		T(test_cycle_add_duplicate_name_is_rejected),
		T(test_objective_add_duplicate_key_is_rejected),
		T(test_objective_add_malformed_key_is_rejected),
		T(test_kr_add_duplicate_key_in_one_objective_is_rejected),
		T(test_team_update_parent_loop_is_rejected),
		T(test_cycle_add_end_before_start_is_rejected),
		T(test_objective_add_with_team_and_person_is_rejected),
		T(test_objective_add_without_owner_is_rejected),
		T(test_objective_add_unknown_owner_or_cycle_is_rejected),
		T(test_objective_align_to_unknown_is_rejected),
		T(test_objective_align_to_itself_is_rejected),
		T(test_objective_align_loop_is_rejected),
		T(test_objective_aligns_read_back_in_order),
		T(test_objective_update_aligns_writes_one_history_row),
		T(test_objective_update_noop_writes_no_history),
		T(test_objective_update_writes_history_only_for_changed_fields),
		T(test_objective_rm_cascades_to_krs_and_alignments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
