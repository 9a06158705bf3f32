/*
 * test_store_pg.c: what the PostgreSQL backend adds to the store contract:
 * every named statement is valid PostgreSQL, the migrations become the
 * intended PostgreSQL schema, opening refuses what is not a workspace,
 * bulk loads through COPY upsert as row-by-row inserts would (the later
 * row of a key wins), dataset scans stream past one fetch, and a notify
 * reaches a listener at commit and not after a rollback.
 *
 * It runs on the PostgreSQL pass of tests/run (OKRDESK_TEST_PG names the
 * throwaway cluster) and reaches into the database with libpq directly,
 * as another program would.  Without OKRDESK_TEST_PG it runs nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <libpq-fe.h>

#include "okr/okr.h"
#include "store/backend.h"

static const char	*base;		/* OKRDESK_TEST_PG */
static char		 uri[256];	/* this test's database */
static int		 serial;

static int
setup(void **state)
{
	(void)state;
	snprintf(uri, sizeof(uri), "%s/u_store_pg_%d_%d", base, (int)getpid(),
	    serial++);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	(void)store_remove(uri, NULL);
	return 0;
}

static void
create_workspace(void)
{
	struct workspace	 ws;
	struct okr		*o;
	struct err		 e;

	workspace_defaults(&ws);
	ws.name = (char *)"T";
	ws.timezone = (char *)"UTC";
	if (okr_create(uri, &ws, "tester", &o, &e) != ERR_OK)
		fail_msg("okr_create: %s", e.msg);
	okr_close(o);
}

static void
quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/* One value of SQL run on the test database with libpq, malloc'd. */
static char *
pq_value(const char *db, const char *sql)
{
	PGconn		*c = PQconnectdb(db);
	PGresult	*r;
	char		*v = NULL;

	assert_int_equal(PQstatus(c), CONNECTION_OK);
	PQsetNoticeProcessor(c, quiet, NULL);
	r = PQexec(c, sql);
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0)
		v = strdup(PQgetvalue(r, 0, 0));
	else if (PQresultStatus(r) != PGRES_COMMAND_OK &&
	    PQresultStatus(r) != PGRES_TUPLES_OK)
		fail_msg("%s: %s", sql, PQresultErrorMessage(r));
	PQclear(r);
	PQfinish(c);
	return v;
}

static void
assert_value(const char *sql, const char *want)
{
	char	*v = pq_value(uri, sql);

	if (v == NULL || strcmp(v, want) != 0)
		fail_msg("%s: got %s, expected %s", sql, v ? v : "(no row)",
		    want);
	free(v);
}

static void
test_every_named_statement_is_valid_postgresql(void **state)
{
	PGconn		*c;
	PGresult	*r;
	char		 name[16];
	int		 i, bad = 0;

	(void)state;
	create_workspace();
	c = PQconnectdb(uri);
	assert_int_equal(PQstatus(c), CONNECTION_OK);
	for (i = 0; i < STMT__MAX; i++) {
		snprintf(name, sizeof(name), "t%d", i);
		r = PQprepare(c, name, stmt_sql[i], 0, NULL);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			print_error("%s: %s", stmt_names[i],
			    PQresultErrorMessage(r));
			bad++;
		}
		PQclear(r);
	}
	PQfinish(c);
	assert_int_equal(bad, 0);
}

static void
test_migrations_make_64_bit_identity_keys_and_deferrable_keys(void **state)
{
	char	 sql[256];

	(void)state;
	create_workspace();
	/* SQLite's INTEGER PRIMARY KEY numbers rows: an identity here */
	assert_value("SELECT data_type || ' ' || is_identity FROM "
	    "information_schema.columns WHERE table_name = 'team' "
	    "AND column_name = 'id'", "bigint YES");
	/* SQLite's INTEGER is 64 bits: times past 2038 fit */
	assert_value("SELECT data_type FROM information_schema.columns "
	    "WHERE table_name = 'checkin' AND column_name = 'at'", "bigint");
	assert_value("SELECT data_type FROM information_schema.columns "
	    "WHERE table_name = 'checkin' AND column_name = 'value'",
	    "double precision");
	/* text sorts byte by byte, as in SQLite, whatever the locale */
	assert_value("SELECT collation_name FROM information_schema.columns "
	    "WHERE table_name = 'objective' AND column_name = 'key'", "C");
	/* a text key stays a text key, not an identity */
	assert_value("SELECT data_type || ' ' || is_identity FROM "
	    "information_schema.columns WHERE table_name = 'interactions' "
	    "AND column_name = 'id'", "text NO");
	/* every foreign key can wait for the commit (a workspace copy) */
	assert_value("SELECT count(*) FROM pg_constraint WHERE contype = 'f' "
	    "AND NOT condeferrable", "0");
	snprintf(sql, sizeof(sql), "SELECT count(*) > 10 FROM pg_constraint "
	    "WHERE contype = 'f'");
	assert_value(sql, "t");
	/* ON DELETE kept: removing an objective takes its key results */
	assert_value("SELECT confdeltype FROM pg_constraint WHERE contype = "
	    "'f' AND conrelid = 'key_result'::regclass AND "
	    "confrelid = 'objective'::regclass", "c");
}

static void
test_open_refuses_what_is_not_a_workspace(void **state)
{
	struct okr	*o;
	struct err	 e;
	char		*v;

	(void)state;
	/* missing: says how to make one */
	assert_int_equal(okr_open(uri, "t", &o, &e), ERR_NOTFOUND);
	assert_non_null(strstr(e.msg, "okrdesk init"));
	/* created, but empty */
	assert_int_equal(store_remove(uri, NULL), ERR_OK);
	create_workspace();
	v = pq_value(uri, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
	free(v);
	assert_int_equal(okr_open(uri, "t", &o, &e), ERR_NOTFOUND);
	assert_non_null(strstr(e.msg, "holds no workspace"));
	/* another application's tables */
	v = pq_value(uri, "CREATE TABLE orders (id int)");
	free(v);
	assert_int_equal(okr_open(uri, "t", &o, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "not an okrdesk workspace"));
}

static void
test_open_refuses_a_newer_schema(void **state)
{
	struct okr	*o;
	struct err	 e;
	char		*v;

	(void)state;
	create_workspace();
	v = pq_value(uri, "UPDATE schema_version SET version = 99");
	free(v);
	assert_int_equal(okr_open(uri, "t", &o, &e), ERR_VERSION);
	assert_non_null(strstr(e.msg, "99"));
}

static void
test_a_password_never_shows_in_a_message(void **state)
{
	struct okr	*o;
	struct err	 e;

	(void)state;
	/* port 1: nothing listens there */
	assert_int_not_equal(okr_open("postgresql://okr:s3cr3t@127.0.0.1:1/x",
	    "t", &o, &e), ERR_OK);
	assert_null(strstr(e.msg, "s3cr3t"));
	assert_non_null(strstr(e.msg, "postgresql://okr:***@127.0.0.1:1/x"));
}

static const char *const training_cols[] = {
	"id", "agent", "team", "date", "hours", "course"
};

/* Load n training rows "k<i % keys>" with hours i, through COPY. */
static void
load_training(struct store *st, int n, int keys)
{
	struct sval	 v[6];
	struct err	 e;
	char		 id[32];
	int		 i;

	assert_int_equal(store_begin(st, &e), ERR_OK);
	if (store_load_begin(st, STMT_DS_TRAINING_UPSERT, "training",
	    training_cols, 6, &e) != ERR_OK)
		fail_msg("load_begin: %s", e.msg);
	memset(v, 0, sizeof(v));
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "k%d", i % keys);
		v[0].type = SV_TEXT;
		v[0].t = id;
		v[1].type = SV_TEXT;
		v[1].t = "Ana\tLi\\";	/* COPY's separators, escaped */
		v[2].type = SV_NULL;
		v[3].type = SV_INT;
		v[3].i = 1790000000 + i;
		v[4].type = SV_REAL;
		v[4].r = i;
		v[5].type = SV_TEXT;
		v[5].t = "onboarding\nday 1";
		if (store_load_row(st, v, 6, &e) != ERR_OK)
			fail_msg("load_row: %s", e.msg);
	}
	if (store_load_end(st, &e) != ERR_OK)
		fail_msg("load_end: %s", e.msg);
	assert_int_equal(store_commit(st, &e), ERR_OK);
}

static void
test_a_load_upserts_with_the_later_row_of_a_key_winning(void **state)
{
	struct store	*st;
	struct err	 e;

	(void)state;
	create_workspace();
	assert_int_equal(store_open(uri, STORE_OPEN_EXISTING, &st, &e),
	    ERR_OK);
	/* into an empty table, keys k0..k2 each twice: 6 rows, 3 keys;
	 * the later row of k0 is row 3, so its hours are 3 */
	load_training(st, 6, 3);
	assert_value("SELECT count(*) FROM training", "3");
	assert_value("SELECT hours FROM training WHERE id = 'k0'", "3");
	assert_value("SELECT agent FROM training WHERE id = 'k0'",
	    "Ana\tLi\\");
	assert_value("SELECT course FROM training WHERE id = 'k0'",
	    "onboarding\nday 1");
	assert_value("SELECT team IS NULL FROM training WHERE id = 'k0'",
	    "t");
	/* into a table with rows: k0..k3 from 0..3, so k0 is replaced
	 * (hours 0) and k3 is new: 4 keys */
	load_training(st, 4, 4);
	assert_value("SELECT count(*) FROM training", "4");
	assert_value("SELECT hours FROM training WHERE id = 'k0'", "0");
	assert_value("SELECT hours FROM training WHERE id = 'k3'", "3");
	/* the temporary tables are gone */
	assert_value("SELECT count(*) FROM pg_class WHERE relname = "
	    "'okr_load'", "0");
	store_close(st);
}

static void
test_a_failed_load_writes_nothing(void **state)
{
	struct store	*st;
	struct sval	 v[6];
	struct err	 e;

	(void)state;
	create_workspace();
	assert_int_equal(store_open(uri, STORE_OPEN_EXISTING, &st, &e),
	    ERR_OK);
	assert_int_equal(store_begin(st, &e), ERR_OK);
	assert_int_equal(store_load_begin(st, STMT_DS_TRAINING_UPSERT,
	    "training", training_cols, 6, &e), ERR_OK);
	memset(v, 0, sizeof(v));
	v[0].type = SV_TEXT;
	v[0].t = "x";
	v[1].type = SV_TEXT;
	v[1].t = "Ana";
	v[3].type = SV_NULL;	/* date is NOT NULL */
	v[4].type = SV_REAL;
	v[4].r = 1;
	assert_int_equal(store_load_row(st, v, 6, &e), ERR_OK);
	assert_int_not_equal(store_load_end(st, &e), ERR_OK);
	store_load_abort(st);
	store_rollback(st);
	assert_value("SELECT count(*) FROM training", "0");
	store_close(st);
}

static void
test_a_scan_streams_past_one_fetch(void **state)
{
	struct store	*st;
	struct store_q	*q;
	struct err	 e;
	double		 sum = 0;
	int		 n = 0, r;

	(void)state;
	create_workspace();
	assert_int_equal(store_open(uri, STORE_OPEN_EXISTING, &st, &e),
	    ERR_OK);
	/* 45,000 rows: more than two fetches of 20,000 */
	load_training(st, 45000, 45000);
	assert_int_equal(store_q_open(st, STMT_DS_TRAINING_SCAN, &q, &e, ""),
	    ERR_OK);
	while ((r = store_q_next(q, &e)) == 1) {
		n++;
		sum += store_q_real(q, 4);
	}
	store_q_close(q);
	assert_int_equal(r, 0);
	assert_int_equal(n, 45000);
	/* hours 0 + 1 + ... + 44999 = 44999 * 45000 / 2 */
	assert_true(sum == 44999.0 * 45000.0 / 2.0);
	store_close(st);
}

static void
test_a_notify_reaches_a_listener_at_commit_only(void **state)
{
	struct store_listener	*l;
	struct store		*st;
	struct err		 e;
	char			 topic[32];

	(void)state;
	create_workspace();
	assert_int_equal(store_listen(uri, &l, &e), ERR_OK);
	assert_int_equal(store_open(uri, STORE_OPEN_EXISTING, &st, &e),
	    ERR_OK);
	/* rolled back: nothing arrives */
	assert_int_equal(store_begin(st, &e), ERR_OK);
	assert_int_equal(store_notify(st, "okr", &e), ERR_OK);
	store_rollback(st);
	assert_int_equal(store_listen_wait(l, 200, topic, sizeof(topic), &e),
	    0);
	/* committed: it does, with its topic */
	assert_int_equal(store_begin(st, &e), ERR_OK);
	assert_int_equal(store_notify(st, "data", &e), ERR_OK);
	assert_int_equal(store_commit(st, &e), ERR_OK);
	assert_int_equal(store_listen_wait(l, 5000, topic, sizeof(topic),
	    &e), 1);
	assert_string_equal(topic, "data");
	store_close(st);
	store_listen_close(l);
}

static void
test_a_connection_lost_between_commands_is_made_again(void **state)
{
	struct store	*st;
	struct store_q	*q;
	struct err	 e;
	struct timespec	 pause = { 0, 200 * 1000 * 1000 };
	char		 sql[96], *v;
	int64_t		 pid, n = -1;

	(void)state;
	create_workspace();
	assert_int_equal(store_open(uri, STORE_OPEN_EXISTING, &st, &e),
	    ERR_OK);
	assert_int_equal(st->ops->sql_open(st, "SELECT pg_backend_pid()",
	    NULL, 0, &q, &e), ERR_OK);
	assert_int_equal(store_q_next(q, &e), 1);
	pid = store_q_int(q, 0);
	store_q_close(q);
	/* as a server restart or a failover would */
	snprintf(sql, sizeof(sql), "SELECT pg_terminate_backend(%lld)",
	    (long long)pid);
	v = pq_value(uri, sql);
	free(v);
	nanosleep(&pause, NULL);	/* the backend exits on its own time */
	if (store_int(st, STMT_IMPORT_LOG_LAST, &n, &e, "") != ERR_OK)
		fail_msg("%s", e.msg);
	assert_int_equal(n, 0);
	store_close(st);
}

static void
test_listening_to_sqlite_is_refused(void **state)
{
	struct store_listener	*l;
	struct err		 e;

	(void)state;
	assert_int_equal(store_listen("/tmp/x.db", &l, &e), ERR_INVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_every_named_statement_is_valid_postgresql),
		T(test_migrations_make_64_bit_identity_keys_and_deferrable_keys),
		T(test_open_refuses_what_is_not_a_workspace),
		T(test_open_refuses_a_newer_schema),
		T(test_a_password_never_shows_in_a_message),
		T(test_a_load_upserts_with_the_later_row_of_a_key_winning),
		T(test_a_failed_load_writes_nothing),
		T(test_a_scan_streams_past_one_fetch),
		T(test_a_notify_reaches_a_listener_at_commit_only),
		T(test_a_connection_lost_between_commands_is_made_again),
		T(test_listening_to_sqlite_is_refused),
#undef T
	};

	if ((base = getenv("OKRDESK_TEST_PG")) == NULL || *base == '\0') {
		printf("# test_store_pg: PostgreSQL only (the PostgreSQL pass "
		    "of tests/run sets OKRDESK_TEST_PG); nothing to run\n");
		return 0;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
