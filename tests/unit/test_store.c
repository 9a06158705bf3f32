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
#include "store/backend.h"

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

/*
 * A workspace written by okrdesk 0.1 (schema 1: the OKR core only), with a
 * key result and a check-in, opens in this okrdesk: migrated to the
 * current schema in one step, its rows intact, the new columns empty.
 */
static void
test_open_of_a_version_1_workspace_migrates_it_keeping_its_rows(void **state)
{
	struct arena	 a = ARENA_INIT;
	struct okr	*o;
	struct kr	 k;
	struct checkin	*c;
	struct err	 e;
	size_t		 n;
	int64_t		 rows = -1;

	(void)state;
	sql(store_migrations[0]);
	sql("INSERT INTO workspace(id, name, timezone) VALUES (1, 'Old', 'UTC');"
	    "INSERT INTO team(id, name) VALUES (1, 'Support');"
	    "INSERT INTO cycle(id, name, start_date, end_date, state) "
	    "VALUES (1, '2026-Q4', '2026-10-01', '2026-12-31', 'active');"
	    "INSERT INTO objective(id, key, cycle_id, title, owner_team_id, "
	    "kind, state, weight) VALUES (1, 'fast', 1, 'Fast', 1, "
	    "'committed', 'active', 1);"
	    "INSERT INTO key_result(id, objective_id, key, seq, title, kind, "
	    "baseline, target, weight, source) VALUES (1, 1, 'frt', 1, 'FRT', "
	    "'decrease', 10, 5, 1, 'manual');"
	    "INSERT INTO checkin(kr_id, at, value, author, source) "
	    "VALUES (1, 1791000000, 8, 'ana', 'manual');");
	assert_int_equal(okr_open(path, "t", &o, &e), ERR_OK);
	assert_int_equal(store_schema_found(o->st), 1);
	assert_int_equal(kr_get(o, "fast/frt", &a, &k, &e), ERR_OK);
	assert_string_equal(k.source, "manual");
	assert_null(k.kpi);
	assert_true(k.target == 5);
	assert_int_equal(checkin_list(o, k.id, &a, &c, &n, &e), ERR_OK);
	assert_int_equal(n, 1);
	assert_true(c[0].value == 8);
	/* the new tables exist and are empty */
	assert_int_equal(store_int(o->st, STMT_DS_INTERACTIONS_COUNT, &rows,
	    &e, ""), ERR_OK);
	assert_int_equal(rows, 0);
	okr_close(o);
	/* and the file now says version 2: a second open migrates nothing */
	assert_int_equal(okr_open(path, "t", &o, &e), ERR_OK);
	assert_int_equal(store_schema_found(o->st), STORE_SCHEMA_VERSION);
	okr_close(o);
	arena_release(&a);
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
		cmocka_unit_test_setup_teardown(
		    test_open_of_a_version_1_workspace_migrates_it_keeping_its_rows,
		    setup, teardown),
	};

	setenv("OKRDESK_NOW", "2026-10-15T12:00:00Z", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
