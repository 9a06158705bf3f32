/*
 * test_store.c: opening workspaces: schema versions, files that are not
 * workspaces, and the transaction that makes a failed command write
 * nothing.
 *
 * The test reaches into the SQLite file with libsqlite3 directly, as a
 * newer okrdesk or another program would, to set up each case.
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
#include <sqlite3.h>

#include "okr/okr.h"

static char	 path[64];

static int
setup(void **state)
{
	int	 fd;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/okrdesk-test-store-XXXXXX");
	if ((fd = mkstemp(path)) == -1)
		return -1;
	close(fd);
	unlink(path);
	return 0;
}

static int
teardown(void **state)
{
	char	 p[80];

	(void)state;
	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
	return 0;
}

static void
create_workspace(void)
{
	struct workspace	 ws;
	struct okr		*o;

	workspace_defaults(&ws);
	ws.name = (char *)"Test";
	ws.timezone = (char *)"UTC";
	assert_int_equal(okr_create(path, &ws, "tester", &o, NULL), ERR_OK);
	okr_close(o);
}

static void
sql(const char *s)
{
	sqlite3	*db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, s, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void
test_open_of_a_missing_file_says_to_run_init(void **state)
{
	struct okr	*o;
	struct err	 e;

	(void)state;
	assert_int_equal(okr_open(path, "t", &o, &e), ERR_NOTFOUND);
	assert_non_null(strstr(e.msg, "okrdesk init"));
	assert_int_equal(access(path, F_OK), -1);	/* nothing created */
}

static void
test_open_of_a_newer_schema_is_refused_naming_both_versions(void **state)
{
	struct okr	*o;
	struct err	 e;

	(void)state;
	create_workspace();
	sql("UPDATE schema_version SET version = 99");
	assert_int_equal(okr_open(path, "t", &o, &e), ERR_VERSION);
	assert_non_null(strstr(e.msg, "newer okrdesk"));
	assert_non_null(strstr(e.msg, "99"));
}

static void
test_open_of_another_sqlite_database_is_refused(void **state)
{
	struct okr	*o;
	struct err	 e;

	(void)state;
	sql("CREATE TABLE invoices (id INTEGER)");
	assert_int_equal(okr_open(path, "t", &o, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "not an okrdesk workspace"));
}

static void
test_open_of_a_text_file_is_refused(void **state)
{
	struct okr	*o;
	struct err	 e;
	FILE		*f;

	(void)state;
	assert_non_null(f = fopen(path, "w"));
	fputs("teams:\n  - name: Support\n", f);
	fclose(f);
	assert_int_not_equal(okr_open(path, "t", &o, &e), ERR_OK);
	assert_non_null(strstr(e.msg, path));
}

static void
test_create_over_an_existing_workspace_is_refused(void **state)
{
	struct workspace	 ws;
	struct okr		*o;
	struct err		 e;

	(void)state;
	create_workspace();
	workspace_defaults(&ws);
	ws.name = (char *)"Other";
	ws.timezone = (char *)"UTC";
	assert_int_equal(okr_create(path, &ws, "t", &o, &e), ERR_EXISTS);
	assert_int_equal(okr_open(path, "t", &o, NULL), ERR_OK);
	assert_string_equal(o->ws.name, "Test");	/* unchanged */
	okr_close(o);
}

static void
test_rollback_leaves_no_row_and_no_history(void **state)
{
	struct okr		*o;
	struct team		 t, *v;
	struct history_entry	*h;
	struct arena		 a = ARENA_INIT;
	size_t			 n, nh0, nh;

	(void)state;
	create_workspace();
	assert_int_equal(okr_open(path, "t", &o, NULL), ERR_OK);
	assert_int_equal(history_list(o, NULL, NULL, 0, &a, &h, &nh0, NULL),
	    ERR_OK);
	assert_int_equal(okr_begin(o, NULL), ERR_OK);
	team_defaults(&t);
	t.name = (char *)"Support";
	assert_int_equal(team_add(o, &t, NULL), ERR_OK);
	okr_rollback(o);
	assert_int_equal(team_list(o, &a, &v, &n, NULL), ERR_OK);
	assert_int_equal(n, 0);
	assert_int_equal(history_list(o, NULL, NULL, 0, &a, &h, &nh, NULL),
	    ERR_OK);
	assert_int_equal(nh, nh0);
	arena_release(&a);
	okr_close(o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_open_of_a_missing_file_says_to_run_init,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_open_of_a_newer_schema_is_refused_naming_both_versions,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_open_of_another_sqlite_database_is_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_open_of_a_text_file_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_create_over_an_existing_workspace_is_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_rollback_leaves_no_row_and_no_history,
		    setup, teardown),
	};

	setenv("OKRDESK_NOW", "2026-10-15T12:00:00Z", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
