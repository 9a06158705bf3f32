/*
 * test_kpi_sql.c: the engine against SQLite SQL on generated data.
 *
 * A seeded generator writes ~20,000 interactions and ~8,000 surveys both
 * into a snapshot (through ds_validate and snap_add, as an import would)
 * and, as the raw fields, into an in-memory SQLite database.  Every KPI
 * that SQL can say is then computed both ways, by ISO week (UTC) and by
 * team, over 13 weeks, and the cells must agree within 1e-9 (relative)
 * with the same n.  The SQL works from the raw fields on its own (first
 * solve = COALESCE(solved, resolved), escalation from the flag or the
 * status, FCR's next contact by a correlated subquery, percentiles by
 * window functions), so agreement checks the engine's shortcuts: the
 * bucket table, dictionary codes, flag bits, difference arrays for the
 * backlog and quickselect.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "core/arena.h"
#include "core/clock.h"
#include "kpi/kpi.h"
#include "kpi/snapshot.h"

#define NIX	20000
#define NSV	8000
#define W0	((int64_t)1767571200)	/* Monday 2026-01-05T00:00:00Z */
#define WEEK	((int64_t)604800)
#define W1	(W0 + 13 * WEEK)
#define NOW	(W0 + 10 * WEEK)

static sqlite3		*db;
static struct snap	*snap;

static uint64_t	 rng = 88172645463325252ull;

static uint32_t
rnd(uint32_t n)		/* xorshift64, uniform enough for fixtures */
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

static void
exec(const char *sql)
{
	char	*msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		print_error("sql: %s\n", msg);
		fail();
	}
}

/* Bind v (or NULL when !set) to parameter i. */
static void
bind_i(sqlite3_stmt *st, int i, int set, int64_t v)
{
	if (set)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static void
gen_interactions(void)
{
	sqlite3_stmt	*st;
	struct ds_rec	 r;
	struct err	 e;
	char		 id[16], team[8], cust[16];
	int64_t		 cr, fr, so, re, q, due;
	int		 call, ans, ab;

	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO ix VALUES (?1, "
	    "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
	    "?16, ?17, ?18, ?19, ?20, ?21)", -1, &st, NULL), SQLITE_OK);
	for (int i = 0; i < NIX; i++) {
		ds_rec_clear(&r, DS_INTERACTIONS);
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		snprintf(id, sizeof(id), "i%d", i);
		ds_set_text(&r, IX_ID, id);
		cr = W0 - 2 * WEEK + rnd(15 * 7 * 86400);
		ds_set_int(&r, IX_CREATED_AT, cr);
		sqlite3_bind_int64(st, 1, cr);
		fr = so = re = -1;
		if (rnd(4) != 0)
			fr = cr + rnd(3 * 86400);
		if (rnd(100) < 65)
			so = (fr >= 0 ? fr : cr) + rnd(2 * 86400);
		if (so >= 0 && rnd(10) < 3)
			re = so + rnd(3 * 86400);
		else if (so < 0 && rnd(20) == 0)
			re = (fr >= 0 ? fr : cr) + rnd(86400);
		if (fr >= 0)
			ds_set_int(&r, IX_FIRST_REPLY_AT, fr);
		if (so >= 0)
			ds_set_int(&r, IX_SOLVED_AT, so);
		if (re >= 0)
			ds_set_int(&r, IX_RESOLVED_AT, re);
		bind_i(st, 2, fr >= 0, fr);
		bind_i(st, 3, so >= 0, so);
		bind_i(st, 4, re >= 0, re);
		if (rnd(6) != 5) {
			snprintf(team, sizeof(team), "T%u", rnd(5));
			ds_set_text(&r, IX_TEAM, team);
			sqlite3_bind_text(st, 5, team, -1, SQLITE_TRANSIENT);
		}
		if (rnd(10) != 0) {
			snprintf(cust, sizeof(cust), "c%u", rnd(3000));
			ds_set_text(&r, IX_CUSTOMER, cust);
			sqlite3_bind_text(st, 6, cust, -1, SQLITE_TRANSIENT);
		}
		if (rnd(2)) {
			int64_t	 v = rnd(10) == 0 ? 1 + rnd(2) : 0;

			ds_set_int(&r, IX_REOPEN_COUNT, v);
			sqlite3_bind_int64(st, 7, v);
		}
		if (rnd(5) != 0) {
			int64_t	 v = rnd(4);

			ds_set_int(&r, IX_AGENT_REPLIES, v);
			sqlite3_bind_int64(st, 8, v);
		}
		if (rnd(3) == 0) {
			int64_t	 v = rnd(8) == 0;

			ds_set_int(&r, IX_ESCALATED, v);
			sqlite3_bind_int64(st, 9, v);
		}
		if (rnd(30) == 0) {
			ds_set_text(&r, IX_STATUS, "Escalated");
			sqlite3_bind_text(st, 10, "Escalated", -1, SQLITE_STATIC);
		}
		if (rnd(30) == 0) {
			ds_set_int(&r, IX_EXCLUDED, 1);
			sqlite3_bind_int64(st, 11, 1);
		} else
			sqlite3_bind_int64(st, 11, 0);
		call = rnd(10) < 4;
		if (call) {
			ans = rnd(10) < 8;
			ab = !ans && rnd(8) != 0;	/* else an IVR hang-up */
			q = rnd(90);
			ds_set_int(&r, IX_ANSWERED, ans);
			ds_set_int(&r, IX_ABANDONED, ab);
			sqlite3_bind_int64(st, 12, ans);
			sqlite3_bind_int64(st, 13, ab);
			if (rnd(20) != 0) {
				ds_set_real(&r, IX_QUEUED_S, (double)q);
				sqlite3_bind_int64(st, 14, q);
			}
			if (ans) {
				int64_t	 t = 30 + rnd(600), h = rnd(60);
				int64_t	 w = rnd(120);

				ds_set_real(&r, IX_TALK_S, (double)t);
				sqlite3_bind_int64(st, 15, t);
				if (rnd(2)) {
					ds_set_real(&r, IX_HOLD_S, (double)h);
					sqlite3_bind_int64(st, 16, h);
				}
				ds_set_real(&r, IX_WRAP_S, (double)w);
				sqlite3_bind_int64(st, 17, w);
				if (rnd(2)) {
					int64_t	 v = rnd(3) != 0;

					ds_set_int(&r, IX_RESOLVED, v);
					sqlite3_bind_int64(st, 21, v);
				}
			}
		} else if (rnd(10) == 0) {	/* a chat with a handle time */
			ds_set_real(&r, IX_TALK_S, 200);
			sqlite3_bind_int64(st, 15, 200);
		}
		if (rnd(10) < 3) {
			int64_t	 v = rnd(4) != 0;

			ds_set_int(&r, IX_SLA_FIRST_MET, v);
			sqlite3_bind_int64(st, 18, v);
		}
		if (rnd(10) < 3) {
			int64_t	 v = rnd(4) != 0;

			ds_set_int(&r, IX_SLA_RES_MET, v);
			sqlite3_bind_int64(st, 19, v);
		} else if (rnd(10) < 3) {
			due = cr + rnd(5 * 86400);
			ds_set_int(&r, IX_SLA_DUE_AT, due);
			sqlite3_bind_int64(st, 20, due);
		}
		if (ds_validate(&r, &e) != ERR_OK ||
		    snap_add(snap, &r, &e) != ERR_OK) {
			print_error("record %d: %s %s\n", i, e.field, e.msg);
			fail();
		}
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	}
	sqlite3_finalize(st);
}

static void
gen_surveys(void)
{
	sqlite3_stmt	*st;
	struct ds_rec	 r;
	struct err	 e;
	char		 id[16], team[8];
	const char	*kind;
	int		 k, lo, hi;
	int64_t		 sent, sc;

	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO sv VALUES (?1, "
	    "?2, ?3, ?4, ?5, ?6, ?7)", -1, &st, NULL), SQLITE_OK);
	for (int i = 0; i < NSV; i++) {
		ds_rec_clear(&r, DS_SURVEYS);
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		snprintf(id, sizeof(id), "s%d", i);
		ds_set_text(&r, SV_ID, id);
		k = (int)rnd(10);
		kind = k < 7 ? "csat" : k < 9 ? "nps" : "ces";
		lo = k == 7 || k == 8 ? 0 : 1;
		hi = k < 6 ? 5 : k == 6 ? 3 : k < 9 ? 10 : 7;
		ds_set_text(&r, SV_KIND, kind);
		ds_set_real(&r, SV_SCALE_MIN, lo);
		ds_set_real(&r, SV_SCALE_MAX, hi);
		sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, lo);
		sqlite3_bind_int(st, 3, hi);
		sent = W0 - WEEK + rnd(14 * 7 * 86400);
		ds_set_int(&r, SV_SENT_AT, sent);
		sqlite3_bind_int64(st, 5, sent);
		if (rnd(10) < 6) {
			sc = lo + (int64_t)rnd((uint32_t)(hi - lo + 1));
			ds_set_real(&r, SV_SCORE, (double)sc);
			sqlite3_bind_int64(st, 4, sc);
			if (rnd(10) != 0) {
				int64_t	 t = sent + rnd(3 * 86400);

				ds_set_int(&r, SV_RESPONDED_AT, t);
				sqlite3_bind_int64(st, 6, t);
			}
		}
		if (rnd(8) != 0) {
			snprintf(team, sizeof(team), "T%u", rnd(5));
			ds_set_text(&r, SV_TEAM, team);
			sqlite3_bind_text(st, 7, team, -1, SQLITE_TRANSIENT);
		}
		if (ds_validate(&r, &e) != ERR_OK ||
		    snap_add(snap, &r, &e) != ERR_OK) {
			print_error("survey %d: %s %s\n", i, e.field, e.msg);
			fail();
		}
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	}
	sqlite3_finalize(st);
}

static int
setup(void **state)
{
	struct err	 e;

	(void)state;
	if (clock_zone_set("UTC", NULL) != ERR_OK ||
	    sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    (snap = snap_new()) == NULL)
		return -1;
	exec("CREATE TABLE ix (created, first_reply, solved, resolved, team, "
	    "customer, reopen, replies, escalated, status, excluded, answered, "
	    "abandoned, queued, talk, hold, wrap, sla1, sla2, due, resflag);"
	    "CREATE TABLE sv (kind, lo, hi, score, sent, responded, team);"
	    "BEGIN");
	gen_interactions();
	gen_surveys();
	exec("COMMIT;"
	    "CREATE INDEX ix_cust ON ix (customer, created);"
	    "CREATE VIEW v AS SELECT *, COALESCE(solved, resolved) AS s1, "
	    "COALESCE(resolved, solved) AS s2, COALESCE(team, '(none)') AS g "
	    "FROM ix WHERE excluded = 0;"
	    "CREATE VIEW r AS SELECT *, COALESCE(responded, sent) AS rt, "
	    "COALESCE(team, '(none)') AS g FROM sv WHERE score IS NOT NULL");
	if (snap_finish(snap, &e) != ERR_OK)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	snap_free(snap);
	sqlite3_close(db);
	return 0;
}

/* "(:w0 + (x - :w0) / 604800 * 604800)": x's ISO week start, x >= w0. */
#define WK(x)	"(:w0 + ((" x ") - :w0) / 604800 * 604800)"
#define IN(x)	"(" x ") >= :w0 AND (" x ") < :w1"

/*
 * Compare the engine's cells for key (by week and team over [W0, W1))
 * with the rows (week, group, value, n) of sql; a cell with no data must
 * have no row.  Returns the number of cells compared.
 */
static size_t
compare(const char *key, const char *sql, int nearest)
{
	struct arena		 a = ARENA_INIT;
	struct kpi_query	 q;
	struct kpi_result	 res;
	struct err		 e;
	sqlite3_stmt		*st;
	size_t			 rows = 0, withdata = 0, i;
	int64_t			 wk;
	const char		*g;
	double			 v, want;

	kpi_query_init(&q, key);
	q.from = W0;
	q.to = W1;
	q.bucket = KB_WEEK;
	q.by = KS_TEAM;
	q.now = NOW;
	q.opts.pct_nearest = nearest;
	if (kpi_run(snap, &q, &a, &res, &e) != ERR_OK) {
		print_error("%s: %s\n", key, e.msg);
		fail();
	}
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		print_error("%s: %s\n", key, sqlite3_errmsg(db));
		fail();
	}
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":w0"), W0);
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":w1"), W1);
	if (sqlite3_bind_parameter_index(st, ":now") > 0)
		sqlite3_bind_int64(st,
		    sqlite3_bind_parameter_index(st, ":now"), NOW);
	while (sqlite3_step(st) == SQLITE_ROW) {
		wk = sqlite3_column_int64(st, 0);
		g = (const char *)sqlite3_column_text(st, 1);
		want = sqlite3_column_double(st, 2);
		for (i = 0; i < res.ncells; i++)
			if (res.cells[i].start == wk &&
			    strcmp(res.cells[i].group, g) == 0)
				break;
		if (i == res.ncells) {
			print_error("%s: no cell for week %lld team %s\n",
			    key, (long long)wk, g);
			fail();
		}
		v = res.cells[i].value;
		if (!(fabs(v - want) <= 1e-9 * fmax(1, fabs(want))) ||
		    res.cells[i].n != sqlite3_column_int64(st, 3)) {
			print_error("%s week %lld team %s: engine %.12g n %lld, "
			    "sql %.12g n %lld\n", key, (long long)wk, g, v,
			    (long long)res.cells[i].n, want,
			    (long long)sqlite3_column_int64(st, 3));
			fail();
		}
		rows++;
	}
	sqlite3_finalize(st);
	for (i = 0; i < res.ncells; i++)
		withdata += isnan(res.cells[i].value) ? 0 : 1;
	assert_int_equal(withdata, rows);
	assert_true(rows > 13);		/* the fixture really has data */
	arena_release(&a);
	return rows;
}

static void
test_kpi_sql_volume_escalation_reopen(void **state)
{
	(void)state;
	compare("volume", "SELECT " WK("created") ", g, COUNT(*), COUNT(*) "
	    "FROM v WHERE " IN("created") " GROUP BY 1, 2", 0);
	compare("escalation_rate", "SELECT " WK("created") ", g, "
	    "AVG(COALESCE(escalated = 1, 0) OR COALESCE(lower(status) = "
	    "'escalated', 0)), COUNT(*) "
	    "FROM v WHERE " IN("created") " AND (escalated IS NOT NULL OR "
	    "status IS NOT NULL) GROUP BY 1, 2", 0);
	compare("reopen_rate", "SELECT " WK("s1") ", g, "
	    "AVG(reopen >= 1), COUNT(*) FROM v WHERE "
	    IN("s1") " AND reopen IS NOT NULL GROUP BY 1, 2", 0);
}

static void
test_kpi_sql_response_times_mean_and_within(void **state)
{
	(void)state;
	compare("frt_avg", "SELECT " WK("first_reply") ", g, "
	    "AVG(first_reply - created), COUNT(*) FROM v WHERE "
	    IN("first_reply") " GROUP BY 1, 2", 0);
	compare("frt_within", "SELECT " WK("first_reply") ", g, "
	    "AVG(first_reply - created <= 3600), COUNT(*) FROM v WHERE "
	    IN("first_reply") " GROUP BY 1, 2", 0);
}

/* Type 7 (or nearest rank) by window functions over column d. */
#define PCT_SQL(d, t, p)						\
	"WITH x AS (SELECT " WK(t) " AS wk, g, " d " AS d FROM v WHERE "	\
	IN(t) "), y AS (SELECT wk, g, d, ROW_NUMBER() OVER (PARTITION BY "	\
	"wk, g ORDER BY d) - 1 AS i, COUNT(*) OVER (PARTITION BY wk, g) "	\
	"AS n FROM x), z AS (SELECT wk, g, MAX(n) AS n, (MAX(n) - 1) * " p	\
	" AS h, CAST((MAX(n) - 1) * " p " AS INTEGER) AS k FROM y GROUP BY "	\
	"wk, g) SELECT z.wk, z.g, a.d + (z.h - z.k) * (COALESCE(b.d, a.d) "	\
	"- a.d), z.n FROM z JOIN y a ON a.wk = z.wk AND a.g = z.g AND "	\
	"a.i = z.k LEFT JOIN y b ON b.wk = z.wk AND b.g = z.g AND "	\
	"b.i = z.k + 1"
#define RANK_SQL(d, t, p)						\
	"WITH x AS (SELECT " WK(t) " AS wk, g, " d " AS d FROM v WHERE "	\
	IN(t) "), y AS (SELECT wk, g, d, ROW_NUMBER() OVER (PARTITION BY "	\
	"wk, g ORDER BY d) AS i, COUNT(*) OVER (PARTITION BY wk, g) AS n "	\
	"FROM x) SELECT wk, g, d, n FROM y WHERE i = MAX(1, "		\
	"CAST(ceil(n * " p " - 1e-9) AS INTEGER))"

static void
test_kpi_sql_percentiles_by_window_functions(void **state)
{
	(void)state;
	compare("frt_median", PCT_SQL("first_reply - created",
	    "first_reply", "0.5"), 0);
	compare("frt_p90", PCT_SQL("first_reply - created", "first_reply",
	    "0.9"), 0);
	compare("resolution_median", PCT_SQL("s1 - created", "s1", "0.5"), 0);
	compare("resolution_p90", PCT_SQL("s1 - created", "s1", "0.9"), 0);
	compare("frt_p90", RANK_SQL("first_reply - created", "first_reply",
	    "0.9"), 1);
	compare("resolution_median", RANK_SQL("s1 - created", "s1", "0.5"),
	    1);
}

static void
test_kpi_sql_backlog_and_unanswered_at_week_ends(void **state)
{
	(void)state;
	/* open at t: created before t, not finally solved before t, and a
	 * work item (calls and chats, with answered or abandoned, end) */
#define OPEN "((s2 IS NULL OR s2 >= t) AND answered IS NULL AND " \
	    "abandoned IS NULL)"
	compare("backlog", "WITH RECURSIVE e(t) AS (SELECT :w0 + 604800 "
	    "UNION ALL SELECT t + 604800 FROM e WHERE t < :w1) SELECT "
	    "t - 604800, g, SUM" OPEN ", SUM" OPEN " FROM e JOIN v ON "
	    "created < t GROUP BY 1, 2", 0);
	compare("unanswered", "WITH RECURSIVE e(t) AS (SELECT :w0 + 604800 "
	    "UNION ALL SELECT t + 604800 FROM e WHERE t < :w1) SELECT "
	    "t - 604800, g, SUM(" OPEN " AND (first_reply IS "
	    "NULL OR first_reply >= t)), SUM(" OPEN " AND "
	    "(first_reply IS NULL OR first_reply >= t)) FROM e JOIN v ON "
	    "created < t GROUP BY 1, 2", 0);
#undef OPEN
}

static void
test_kpi_sql_sla_and_fcr(void **state)
{
	(void)state;
	compare("sla_compliance", "SELECT wk, g, SUM(m) * 1.0 / SUM(n), "
	    "SUM(n) FROM (SELECT " WK("created") " AS wk, g, "
	    "COALESCE(sla1, 0) + CASE WHEN sla2 IS NOT NULL THEN sla2 WHEN "
	    "due IS NOT NULL AND s2 IS NOT NULL THEN s2 <= due ELSE 0 END AS m, "
	    "(sla1 IS NOT NULL) + CASE WHEN sla2 IS NOT NULL THEN 1 WHEN due "
	    "IS NOT NULL AND s2 IS NOT NULL THEN 1 WHEN due IS NOT NULL AND "
	    "due < :now THEN 1 ELSE 0 END AS n FROM v WHERE " IN("created")
	    ") GROUP BY 1, 2 HAVING SUM(n) > 0", 0);
	compare("fcr_rate", "SELECT " WK("t") ", g, AVG(ok), COUNT(*) FROM "
	    "(SELECT CASE WHEN resflag IS NOT NULL THEN COALESCE(s1, created) "
	    "ELSE s1 END AS t, g, CASE WHEN resflag IS NOT NULL THEN resflag "
	    "ELSE COALESCE(reopen, 0) = 0 AND (replies IS NULL OR replies <= 1)"
	    " AND (customer IS NULL OR NOT EXISTS (SELECT 1 FROM ix j WHERE "
	    "j.customer = v.customer AND j.created > v.s1 AND j.created <= "
	    "v.s1 + 7 * 86400)) END AS ok FROM v WHERE NOT (resflag IS NOT NULL"
	    " AND abandoned = 1)) WHERE " IN("t") " GROUP BY 1, 2", 0);
}

static void
test_kpi_sql_contact_center(void **state)
{
	(void)state;
	compare("aht", "SELECT " WK("created") ", g, AVG(COALESCE(talk, 0) + "
	    "COALESCE(hold, 0) + COALESCE(wrap, 0)), COUNT(*) FROM v WHERE "
	    IN("created") " AND (answered = 1 OR (answered IS NULL AND "
	    "(talk IS NOT NULL OR hold IS NOT NULL OR wrap IS NOT NULL))) "
	    "GROUP BY 1, 2", 0);
	compare("asa", "SELECT " WK("created") ", g, AVG(queued), COUNT(*) "
	    "FROM v WHERE " IN("created") " AND answered = 1 AND queued IS "
	    "NOT NULL GROUP BY 1, 2", 0);
	compare("abandon_rate", "SELECT " WK("created") ", g, "
	    "AVG(abandoned = 1), COUNT(*) FROM v WHERE " IN("created")
	    " AND (answered = 1 OR (abandoned = 1 AND (queued IS NULL OR "
	    "queued >= 5))) GROUP BY 1, 2", 0);
	compare("service_level", "SELECT " WK("created") ", g, "
	    "AVG(answered = 1 AND queued <= 20), COUNT(*) FROM v WHERE "
	    IN("created") " AND ((answered = 1 AND queued IS NOT NULL) OR "
	    "(abandoned = 1 AND (queued IS NULL OR queued >= 5))) "
	    "GROUP BY 1, 2", 0);
}

static void
test_kpi_sql_surveys(void **state)
{
	(void)state;
	compare("csat", "SELECT " WK("rt") ", g, AVG(score >= CASE WHEN "
	    "hi - lo + 1 >= 4 THEN hi - 1 ELSE hi END), COUNT(*) FROM r WHERE "
	    "kind = 'csat' AND " IN("rt") " GROUP BY 1, 2", 0);
	compare("csat_avg", "SELECT " WK("rt") ", g, AVG(score), COUNT(*) "
	    "FROM r WHERE kind = 'csat' AND " IN("rt") " GROUP BY 1, 2", 0);
	compare("nps", "SELECT " WK("rt") ", g, 100.0 * (SUM(score >= 9) - "
	    "SUM(score <= 6)) / COUNT(*), COUNT(*) FROM r WHERE kind = 'nps' "
	    "AND " IN("rt") " GROUP BY 1, 2", 0);
	compare("ces", "SELECT " WK("rt") ", g, AVG(score >= 5), COUNT(*) "
	    "FROM r WHERE kind = 'ces' AND " IN("rt") " GROUP BY 1, 2", 0);
	compare("survey_response_rate", "SELECT " WK("sent") ", "
	    "COALESCE(team, '(none)'), AVG(score IS NOT NULL), COUNT(*) FROM "
	    "sv WHERE " IN("sent") " GROUP BY 1, 2", 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kpi_sql_volume_escalation_reopen),
		cmocka_unit_test(test_kpi_sql_response_times_mean_and_within),
		cmocka_unit_test(test_kpi_sql_percentiles_by_window_functions),
		cmocka_unit_test(test_kpi_sql_backlog_and_unanswered_at_week_ends),
		cmocka_unit_test(test_kpi_sql_sla_and_fcr),
		cmocka_unit_test(test_kpi_sql_contact_center),
		cmocka_unit_test(test_kpi_sql_surveys),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, setup, teardown);
}
