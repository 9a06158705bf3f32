/*
 * test_comment.c: comments on objectives and key results (okr/comment.h),
 * and the workspace language setting of schema 5, as cmocka
 * specifications.  The fixture is okr_test.h's: objective "nps" of
 * Tier 1 in cycle 2026-Q4, the clock at 2026-10-15 12:00 UTC.
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

#include "okr/comment.h"
#include "okr/okr.h"
#include "okr/user.h"
#include "okr_test.h"

static int
setup_kr(void **state)
{
	struct fx	*f;

	if (setup(state) != 0)
		return -1;
	f = *state;
	if (new_kr(f, "nps", "score", -1, 40, 60, NAN, NAN) != ERR_OK) {
		print_error("setup_kr: %s\n", f->e.msg);
		return -1;
	}
	return 0;
}

static void
test_comment_on_objective_is_listed_with_author_and_time(void **state)
{
	struct fx	*f = *state;
	struct comment	*c;
	size_t		 n;
	int64_t		 id = 0;

	assert_ok(f, comment_add(f->o, "nps", "ana", "Is 60 realistic?", &id,
	    &f->e));
	assert_true(id > 0);
	assert_ok(f, comment_list(f->o, "nps", &f->a, &c, &n, &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(c[0].id, id);
	assert_string_equal(c[0].entity, "objective");
	assert_null(c[0].kr);
	assert_string_equal(c[0].author, "ana");
	assert_int_equal(c[0].at, NOW);
	assert_string_equal(c[0].text, "Is 60 realistic?");
}

static void
test_comment_on_key_result_names_its_key(void **state)
{
	struct fx	*f = *state;
	struct comment	*c;
	size_t		 n;

	assert_ok(f, comment_add(f->o, "nps/score", NULL, "Survey first",
	    NULL, &f->e));
	assert_ok(f, comment_list(f->o, "nps", &f->a, &c, &n, &f->e));
	assert_int_equal(n, 1);
	assert_string_equal(c[0].entity, "kr");
	assert_string_equal(c[0].kr, "score");
	/* no author given: the actor the workspace was opened with */
	assert_string_equal(c[0].author, "tester");
}

static void
test_comment_list_is_oldest_first_across_objective_and_krs(void **state)
{
	struct fx	*f = *state;
	struct comment	*c;
	size_t		 n;

	assert_ok(f, comment_add(f->o, "nps", "a", "first", NULL, &f->e));
	f->o->now = NOW + 60;
	assert_ok(f, comment_add(f->o, "nps/score", "b", "second", NULL,
	    &f->e));
	f->o->now = NOW + 120;
	assert_ok(f, comment_add(f->o, "nps", "c", "third", NULL, &f->e));
	assert_ok(f, comment_list(f->o, "nps", &f->a, &c, &n, &f->e));
	assert_int_equal(n, 3);
	assert_string_equal(c[0].text, "first");
	assert_string_equal(c[1].text, "second");
	assert_string_equal(c[2].text, "third");
	assert_int_equal(c[2].at - c[0].at, 120);
}

static void
test_comment_of_another_objective_is_not_listed(void **state)
{
	struct fx	*f = *state;
	struct comment	*c;
	size_t		 n;

	assert_ok(f, new_obj(f, "other", "Tier 1", NULL, NULL, 0));
	assert_ok(f, comment_add(f->o, "other", "a", "elsewhere", NULL,
	    &f->e));
	assert_ok(f, comment_list(f->o, "nps", &f->a, &c, &n, &f->e));
	assert_int_equal(n, 0);
}

static void
test_comment_text_is_trimmed_of_surrounding_space(void **state)
{
	struct fx	*f = *state;
	struct comment	*c;
	size_t		 n;

	assert_ok(f, comment_add(f->o, "nps", "a", "\n  two\nlines \t\n",
	    NULL, &f->e));
	assert_ok(f, comment_list(f->o, "nps", &f->a, &c, &n, &f->e));
	assert_string_equal(c[0].text, "two\nlines");
}

static void
test_comment_blank_text_is_invalid(void **state)
{
	struct fx	*f = *state;

	assert_err(f, comment_add(f->o, "nps", "a", " \n ", NULL, &f->e),
	    ERR_INVAL, "text", "got nothing");
	assert_err(f, comment_add(f->o, "nps", "a", NULL, NULL, &f->e),
	    ERR_INVAL, "text", "got nothing");
}

static void
test_comment_of_4000_bytes_is_accepted_and_4001_refused(void **state)
{
	struct fx	*f = *state;
	char		 big[COMMENT_TEXT_MAX + 2];

	memset(big, 'x', COMMENT_TEXT_MAX);
	big[COMMENT_TEXT_MAX] = '\0';
	assert_ok(f, comment_add(f->o, "nps", "a", big, NULL, &f->e));
	big[COMMENT_TEXT_MAX] = 'x';
	big[COMMENT_TEXT_MAX + 1] = '\0';
	assert_err(f, comment_add(f->o, "nps", "a", big, NULL, &f->e),
	    ERR_INVAL, "text", "at most 4000 bytes, got 4001");
}

static void
test_comment_that_is_not_utf8_is_invalid(void **state)
{
	struct fx	*f = *state;

	assert_err(f, comment_add(f->o, "nps", "a", "caf\xe9", NULL, &f->e),
	    ERR_INVAL, "text", "UTF-8");
	assert_err(f, comment_add(f->o, "nps", "a", "bell\a", NULL, &f->e),
	    ERR_INVAL, "text", "control character");
}

static void
test_comment_on_unknown_objective_or_kr_is_not_found(void **state)
{
	struct fx	*f = *state;
	struct comment	*c;
	size_t		 n;

	assert_int_equal(comment_add(f->o, "nope", "a", "hi", NULL, &f->e),
	    ERR_NOTFOUND);
	assert_int_equal(comment_add(f->o, "nps/nope", "a", "hi", NULL,
	    &f->e), ERR_NOTFOUND);
	assert_int_equal(comment_list(f->o, "nope", &f->a, &c, &n, &f->e),
	    ERR_NOTFOUND);
}

static void
test_comment_is_recorded_in_the_objective_history(void **state)
{
	struct fx		*f = *state;
	struct history_entry	*h;

	assert_ok(f, comment_add(f->o, "nps/score", "ana", "<b>why</b>",
	    NULL, &f->e));
	h = hist_find(f, "comment", "nps/score", "text");
	assert_non_null(h);
	assert_null(h->old);
	assert_string_equal(h->new, "<b>why</b>");
	assert_string_equal(h->who, "tester");
	/* the objective's history (by its key) includes it */
	assert_non_null(hist_find(f, NULL, "nps", "text"));
}

static void
test_comments_go_with_their_objective(void **state)
{
	struct fx	*f = *state;
	struct comment	*c;
	size_t		 n;

	assert_ok(f, comment_add(f->o, "nps", "a", "one", NULL, &f->e));
	assert_ok(f, comment_add(f->o, "nps/score", "a", "two", NULL, &f->e));
	assert_ok(f, kr_rm(f->o, "nps/score", &f->e));
	assert_ok(f, comment_list(f->o, "nps", &f->a, &c, &n, &f->e));
	assert_int_equal(n, 1);
	assert_ok(f, objective_rm(f->o, "nps", &f->e));
	/* a new objective that may reuse the id starts with no discussion */
	assert_ok(f, new_obj(f, "nps", "Tier 1", NULL, NULL, 0));
	assert_ok(f, comment_list(f->o, "nps", &f->a, &c, &n, &f->e));
	assert_int_equal(n, 0);
}

/* ---- the workspace language (schema 5) ---------------------------------- */

static void
test_workspace_language_is_unset_by_default(void **state)
{
	struct fx	*f = *state;
	struct buf	 b = BUF_INIT;

	assert_int_equal(f->o->ws.language, -1);
	field_format(field_find(workspace_fields, "language"), &f->o->ws, &b);
	assert_string_equal(buf_cstr(&b), "");
	buf_release(&b);
}

static void
test_workspace_language_is_stored_and_read_back(void **state)
{
	struct fx		*f = *state;
	struct workspace	 ws = f->o->ws;
	struct okr		*o2;
	struct history_entry	*h;

	assert_ok(f, field_set(workspace_fields, &ws, "language", "ro", &f->a,
	    &f->e));
	assert_ok(f, workspace_update(f->o, &ws, &f->e));
	assert_int_equal(f->o->ws.language, 1);
	h = hist_find(f, "workspace", "Test", "language");
	assert_non_null(h);
	assert_null(h->old);
	assert_string_equal(h->new, "ro");
	/* another process opening the workspace reads it back */
	assert_ok(f, okr_open(f->db, "other", &o2, &f->e));
	assert_string_equal(user_lang_names[o2->ws.language], "ro");
	okr_close(o2);
}

static void
test_workspace_language_other_than_en_or_ro_is_invalid(void **state)
{
	struct fx		*f = *state;
	struct workspace	 ws = f->o->ws;

	assert_err(f, field_set(workspace_fields, &ws, "language", "fr",
	    &f->a, &f->e), ERR_INVAL, "language", "\"fr\"");
	ws.language = 7;
	assert_err(f, workspace_update(f->o, &ws, &f->e), ERR_INVAL,
	    "language", "7");
}

static void
test_workspace_language_set_at_creation(void **state)
{
	struct fx		*f = *state;
	struct workspace	 ws;
	struct okr		*o2;
	char			 db[160];

	test_db_uri(db, sizeof(db), f->dir, "ro");
	workspace_defaults(&ws);
	ws.name = (char *)"Ro";
	ws.timezone = (char *)"Europe/Bucharest";
	ws.language = 1;
	assert_ok(f, okr_create(db, &ws, "tester", &o2, &f->e));
	assert_int_equal(o2->ws.language, 1);
	okr_close(o2);
	test_db_remove(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup_kr, teardown)
		T(test_comment_on_objective_is_listed_with_author_and_time),
		T(test_comment_on_key_result_names_its_key),
		T(test_comment_list_is_oldest_first_across_objective_and_krs),
		T(test_comment_of_another_objective_is_not_listed),
		T(test_comment_text_is_trimmed_of_surrounding_space),
		T(test_comment_blank_text_is_invalid),
		T(test_comment_of_4000_bytes_is_accepted_and_4001_refused),
		T(test_comment_that_is_not_utf8_is_invalid),
		T(test_comment_on_unknown_objective_or_kr_is_not_found),
		T(test_comment_is_recorded_in_the_objective_history),
		T(test_comments_go_with_their_objective),
		T(test_workspace_language_is_unset_by_default),
		T(test_workspace_language_is_stored_and_read_back),
		T(test_workspace_language_other_than_en_or_ro_is_invalid),
		T(test_workspace_language_set_at_creation),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
