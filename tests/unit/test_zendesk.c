/*
 * test_zendesk.c: the Zendesk export reader of import/zendesk.c, on the
 * dbt_zendesk seed files of ../shared/data/zendesk_dbt and on a small
 * export written by the test, whose first replies, reply counts, reopens
 * and exclusions were worked out by hand from the rows below.
 *
 * Epoch seconds were computed independently with Python:
 *   calendar.timegm(time.strptime(S, "%Y-%m-%d %H:%M:%S"))
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/arena.h"
#include "import/zendesk.h"

#define MAXREC	32

struct got {
	struct ds_rec	 rec[MAXREC];
	const char	*file[MAXREC];
	long		 line[MAXREC];
	int		 n;
	char		 bad[8][160];
	int		 nbad;
};

static int
collect(void *ctx, const struct ds_rec *r, const char *file, long line,
    struct err *e)
{
	struct got	*g = ctx;

	(void)e;
	assert_true(g->n < MAXREC);
	g->rec[g->n] = *r;
	g->file[g->n] = file;
	g->line[g->n] = line;
	g->n++;
	return 0;
}

static void
collect_bad(void *ctx, const char *file, long line, const char *field,
    const char *reason)
{
	struct got	*g = ctx;

	(void)reason;
	assert_true(g->nbad < 8);
	snprintf(g->bad[g->nbad++], sizeof(g->bad[0]), "%s:%ld: %s", file,
	    line, field);
}

/* The record with id, or fail. */
static const struct ds_rec *
find(const struct got *g, const char *id)
{
	int	 i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->rec[i].v[0].s, id) == 0)
			return &g->rec[i];
	fail_msg("no record %s", id);
	return NULL;
}

static const char *
text(const struct ds_rec *r, int f)
{

	return r->v[f].set ? r->v[f].s : "(unset)";
}

static void
test_zendesk_seed_ticket_11071_history_gives_solve_close_and_no_reopen(
    void **state)
{
	struct arena		 a = ARENA_INIT;
	struct got		*g;
	struct err		 e;
	const struct ds_rec	*t;

	(void)state;
	assert_non_null(g = calloc(1, sizeof(*g)));
	assert_int_equal(zendesk_read("../shared/data/zendesk_dbt",
	    DS_INTERACTIONS, collect, collect_bad, g, &a, &e), ERR_OK);
	assert_int_equal(g->n, 10);
	assert_int_equal(g->nbad, 0);
	/* 11071: open, pending, on-hold, ... then solved 2020-11-14
	 * 11:01:27 and closed the next day; never left solved/closed, so no
	 * reopen.  It has no comment in the seeds. */
	t = find(g, "11071");
	assert_string_equal(text(t, IX_AGENT), "Arthur Agent");
	assert_string_equal(text(t, IX_CUSTOMER), "2222");
	assert_string_equal(text(t, IX_PRIORITY), "urgent");
	assert_string_equal(text(t, IX_STATUS), "closed");
	assert_string_equal(text(t, IX_CHANNEL), "email");
	/* group 360006965034 is not in group_data.csv: its id stands in */
	assert_string_equal(text(t, IX_TEAM), "360006965034");
	assert_int_equal(t->v[IX_CREATED_AT].i, 1598637996);
	assert_int_equal(t->v[IX_SOLVED_AT].i, 1605351687);
	assert_int_equal(t->v[IX_RESOLVED_AT].i, 1605351687);
	assert_int_equal(t->v[IX_CLOSED_AT].i, 1605438087);
	assert_true(t->v[IX_REOPEN_COUNT].set);
	assert_int_equal(t->v[IX_REOPEN_COUNT].i, 0);
	assert_false(t->v[IX_FIRST_REPLY_AT].set);
	assert_int_equal(t->v[IX_AGENT_REPLIES].i, 0);
	assert_int_equal(t->v[IX_EXCLUDED].i, 0);
	/* the seed comments are by users not in user_data.csv, on tickets
	 * not in ticket_data.csv: no ticket has a counted reply */
	t = find(g, "16988");
	assert_false(t->v[IX_FIRST_REPLY_AT].set);
	assert_false(t->v[IX_REOPEN_COUNT].set);	/* no history */
	assert_string_equal(text(t, IX_AGENT), "418284131934");
	/* 1595 and 11013 are deleted */
	assert_int_equal(find(g, "1595")->v[IX_EXCLUDED].i, 1);
	assert_int_equal(find(g, "11013")->v[IX_EXCLUDED].i, 1);
	assert_int_equal(find(g, "1966")->v[IX_EXCLUDED].i, 0);
	assert_string_equal(g->file[0], "ticket_data.csv");
	assert_int_equal(g->line[3], 5);	/* 11071 is the fourth row */
	arena_release(&a);
	free(g);
}

static void
test_zendesk_seed_agents_are_the_agent_and_admin_users(void **state)
{
	struct arena	 a = ARENA_INIT;
	struct got	*g;
	struct err	 e;

	(void)state;
	assert_non_null(g = calloc(1, sizeof(*g)));
	assert_int_equal(zendesk_read("../shared/data/zendesk_dbt", DS_AGENTS,
	    collect, collect_bad, g, &a, &e), ERR_OK);
	/* user_data.csv: one agent (1111), nine end users */
	assert_int_equal(g->n, 1);
	assert_string_equal(text(&g->rec[0], AG_ID), "1111");
	assert_string_equal(text(&g->rec[0], AG_NAME), "Arthur Agent");
	assert_string_equal(text(&g->rec[0], AG_ROLE), "agent");
	assert_string_equal(text(&g->rec[0], AG_TEAM), "360006965034");
	assert_int_equal(g->line[0], 2);
	arena_release(&a);
	free(g);
}

static char	 dir[] = "/tmp/okrdesk-test-zendesk-XXXXXX";

static void
put(const char *name, const char *text)
{
	char	 path[256];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static int
setup_export(void **state)
{

	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	put("user_data.csv",
	    "id,name,role\r\n"
	    "10,Ana Agent,agent\r\n"
	    "11,Bo Boss,admin\r\n"
	    "12,Dee Agent,agent\r\n"
	    "20,Cy Customer,end-user\r\n");
	put("group_data.csv", "id,name\n7,Billing\n8,Tech\n");
	put("ticket_data.csv",
	    "id,via_channel,group_id,assignee_id,requester_id,priority,"
	    "status,created_at,merged_ticket_ids\r\n"
	    "101,email,7,10,20,high,solved,2024-03-05 08:00:00,\"[104]\"\r\n"
	    "102,web,8,10,20,normal,solved,2024-03-05 08:00:00,[]\r\n"
	    "103,chat,7,10,12,,open,2024-03-05 08:00:00,\r\n"
	    "104,email,8,12,20,low,closed,2024-03-05 08:00:00,\r\n"
	    "105,email,7,10,20,low,open,2024-13-45 00:00:00,\r\n"
	    "106,email,7,10,20,low,deleted,2024-03-05 08:00:00,\r\n");
	put("ticket_comment_data.csv",
	    "id,ticket_id,user_id,public,created\n"
	    "c1,101,20,TRUE,2024-03-05 08:30:00\n"	/* end user */
	    "c2,101,10,FALSE,2024-03-05 08:45:00\n"	/* private */
	    "c3,101,11,TRUE,2024-03-05 10:00:00\n"	/* admin: counts */
	    "c4,101,10,TRUE,2024-03-05 09:30:00\n"	/* first reply */
	    "c5,101,10,TRUE,yesterday\n"			/* bad time */
	    "c6,103,12,TRUE,2024-03-05 08:10:00\n"	/* the requester */
	    "c7,103,10,TRUE,2024-03-06 10:15:00\n"
	    "c8,106,10,TRUE,2024-03-05 07:00:00\n");	/* before creation */
	/* 102's history out of order: new 8:00, solved 9:00, open 10:00
	 * (reopen 1), solved 11:00, closed 12:00, pending 13:00 (reopen 2),
	 * solved 14:00 */
	put("ticket_field_history_data.csv",
	    "field_name,ticket_id,updated,value\n"
	    "status,102,2024-03-05 11:00:00,solved\n"
	    "status,102,2024-03-05 08:00:00,new\n"
	    "priority,102,2024-03-05 08:30:00,high\n"
	    "status,102,2024-03-05 09:00:00,solved\n"
	    "status,102,2024-03-05 10:00:00,open\n"
	    "status,102,2024-03-05 12:00:00,closed\n"
	    "status,102,2024-03-05 13:00:00,pending\n"
	    "status,102,2024-03-05 14:00:00,solved\n");
	return 0;
}

static int
teardown_export(void **state)
{
	static const char *const files[] = { "user_data.csv",
	    "group_data.csv", "ticket_data.csv", "ticket_comment_data.csv",
	    "ticket_field_history_data.csv" };
	char	 path[256];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		unlink(path);
	}
	return rmdir(dir);
}

static void
test_zendesk_first_reply_is_first_public_agent_or_admin_comment(
    void **state)
{
	struct arena		 a = ARENA_INIT;
	struct got		*g;
	struct err		 e;
	const struct ds_rec	*t;

	(void)state;
	assert_non_null(g = calloc(1, sizeof(*g)));
	assert_int_equal(zendesk_read(dir, DS_INTERACTIONS, collect,
	    collect_bad, g, &a, &e), ERR_OK);
	assert_int_equal(g->n, 4);	/* 105 and 106 left out */
	/* 101: the end user's and the private comment do not count; the
	 * agent's 9:30 comes before the admin's 10:00, though listed after */
	t = find(g, "101");
	assert_int_equal(t->v[IX_FIRST_REPLY_AT].i, 1709631000);
	assert_int_equal(t->v[IX_AGENT_REPLIES].i, 2);
	assert_string_equal(text(t, IX_AGENT), "Ana Agent");
	assert_string_equal(text(t, IX_TEAM), "Billing");
	assert_string_equal(text(t, IX_CUSTOMER), "20");
	assert_false(t->v[IX_SOLVED_AT].set);	/* solved, but no history */
	/* 103: the requester is an agent; her own comment is not a reply */
	t = find(g, "103");
	assert_int_equal(t->v[IX_FIRST_REPLY_AT].i, 1709720100);
	assert_int_equal(t->v[IX_AGENT_REPLIES].i, 1);
	assert_false(t->v[IX_PRIORITY].set);
	/* 102: no replies at all */
	t = find(g, "102");
	assert_false(t->v[IX_FIRST_REPLY_AT].set);
	assert_int_equal(t->v[IX_AGENT_REPLIES].i, 0);
	assert_string_equal(text(t, IX_TEAM), "Tech");
	arena_release(&a);
	free(g);
}

static void
test_zendesk_reopens_and_solve_times_from_unordered_history(void **state)
{
	struct arena		 a = ARENA_INIT;
	struct got		*g;
	struct err		 e;
	const struct ds_rec	*t;

	(void)state;
	assert_non_null(g = calloc(1, sizeof(*g)));
	assert_int_equal(zendesk_read(dir, DS_INTERACTIONS, collect,
	    collect_bad, g, &a, &e), ERR_OK);
	t = find(g, "102");
	assert_int_equal(t->v[IX_REOPEN_COUNT].i, 2);
	assert_int_equal(t->v[IX_SOLVED_AT].i, 1709629200);	/* 9:00 */
	assert_int_equal(t->v[IX_RESOLVED_AT].i, 1709647200);	/* 14:00 */
	assert_int_equal(t->v[IX_CLOSED_AT].i, 1709640000);	/* 12:00 */
	assert_int_equal(t->v[IX_CREATED_AT].i, 1709625600);
	arena_release(&a);
	free(g);
}

static void
test_zendesk_merged_and_deleted_are_excluded_bad_rows_reported(
    void **state)
{
	struct arena	 a = ARENA_INIT;
	struct got	*g;
	struct err	 e;

	(void)state;
	assert_non_null(g = calloc(1, sizeof(*g)));
	assert_int_equal(zendesk_read(dir, DS_INTERACTIONS, collect,
	    collect_bad, g, &a, &e), ERR_OK);
	assert_int_equal(find(g, "104")->v[IX_EXCLUDED].i, 1);	/* merged */
	assert_int_equal(find(g, "101")->v[IX_EXCLUDED].i, 0);
	assert_string_equal(text(find(g, "104"), IX_AGENT), "Dee Agent");
	/* 105's date does not exist; c5's time does not parse; 106's reply
	 * comes before it was created */
	assert_int_equal(g->nbad, 3);
	assert_string_equal(g->bad[0], "ticket_data.csv:6: created_at");
	assert_string_equal(g->bad[1], "ticket_comment_data.csv:6: created");
	assert_string_equal(g->bad[2], "ticket_data.csv:7: first_reply_at");
	arena_release(&a);

	/* without a bad() callback the first bad row stops the read */
	memset(g, 0, sizeof(*g));
	assert_int_equal(zendesk_read(dir, DS_INTERACTIONS, collect, NULL, g,
	    &a, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "ticket_data.csv:6: created_at: "));
	assert_int_equal(g->n, 0);
	arena_release(&a);
	free(g);
}

static void
test_zendesk_agents_team_is_their_most_frequent_group(void **state)
{
	struct arena	 a = ARENA_INIT;
	struct got	*g;
	struct err	 e;

	(void)state;
	assert_non_null(g = calloc(1, sizeof(*g)));
	assert_int_equal(zendesk_read(dir, DS_AGENTS, collect, collect_bad, g,
	    &a, &e), ERR_OK);
	assert_int_equal(g->n, 3);	/* Cy is an end user */
	/* Ana: 101, 103, 105, 106 in Billing, 102 in Tech */
	assert_string_equal(text(&g->rec[0], AG_NAME), "Ana Agent");
	assert_string_equal(text(&g->rec[0], AG_TEAM), "Billing");
	assert_string_equal(text(&g->rec[1], AG_ROLE), "admin");
	assert_false(g->rec[1].v[AG_TEAM].set);
	assert_string_equal(text(&g->rec[2], AG_TEAM), "Tech");
	assert_int_equal(g->line[2], 4);
	arena_release(&a);
	free(g);
}

static void
test_zendesk_missing_ticket_file_and_wrong_dataset_are_errors(
    void **state)
{
	struct arena	 a = ARENA_INIT;
	struct err	 e;

	(void)state;
	assert_int_equal(zendesk_read("/nonexistent", DS_INTERACTIONS,
	    collect, NULL, NULL, &a, &e), ERR_NOTFOUND);
	assert_non_null(strstr(e.msg, "ticket_data.csv"));
	assert_int_equal(zendesk_read(dir, DS_SURVEYS, collect, NULL, NULL,
	    &a, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "surveys"));
	arena_release(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_zendesk_seed_ticket_11071_history_gives_solve_close_and_no_reopen),
		cmocka_unit_test(
		    test_zendesk_seed_agents_are_the_agent_and_admin_users),
		cmocka_unit_test(
		    test_zendesk_first_reply_is_first_public_agent_or_admin_comment),
		cmocka_unit_test(
		    test_zendesk_reopens_and_solve_times_from_unordered_history),
		cmocka_unit_test(
		    test_zendesk_merged_and_deleted_are_excluded_bad_rows_reported),
		cmocka_unit_test(
		    test_zendesk_agents_team_is_their_most_frequent_group),
		cmocka_unit_test(
		    test_zendesk_missing_ticket_file_and_wrong_dataset_are_errors),
	};

	return cmocka_run_group_tests(tests, setup_export, teardown_export);
}
