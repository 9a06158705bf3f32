/*
 * pg.c: the PostgreSQL backend of the store (libpq).
 *
 * One connection per struct store, as with SQLite: the web server opens
 * one per thread.  Each named statement is prepared on the connection on
 * first use (PQprepare, parameter types inferred by the server) and run
 * with its parameters as text; results come back whole, except the dataset
 * scans (the STMT_DS_*_SCAN statements, millions of rows), which stream
 * through a cursor PG_FETCH rows at a time so memory stays flat.
 *
 * The SQL of sql.c is shared with SQLite.  Only the migrations need a
 * translation (pg_ddl): SQLite's INTEGER is 64-bit and its INTEGER
 * PRIMARY KEY numbers rows by itself, so they become BIGINT and an
 * identity column; REAL becomes DOUBLE PRECISION; TEXT compares byte by
 * byte as in SQLite (COLLATE "C", whatever the database's locale, so lists
 * sort the same on both); WITHOUT ROWID goes; and
 * every foreign key is DEFERRABLE, so a copy of a workspace (store/copy.c)
 * can load tables that refer to each other and check at commit.
 *
 * Bulk loads (store_load_*, in pg_bulk.c) stream through COPY: straight into the table
 * when it starts empty (the rows are also kept in a temporary file, in
 * case the input repeats a key, which COPY cannot upsert), else into a
 * temporary table merged by INSERT ... ON CONFLICT, the later row of a
 * key winning as it does row by row.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "store/pg_int.h"

#define PG_FETCH	20000		/* rows per FETCH of a streamed scan */
#define PG_LOCK_KEY	"7242001"	/* advisory lock: one migration */

static const struct store_dialect pg_dialect = {
	"postgresql",
	"SELECT c.relname FROM pg_class c "
	"JOIN pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = current_schema() AND c.relkind = 'r' "
	"ORDER BY c.oid",
	"SELECT attname FROM pg_attribute "
	"WHERE attrelid = CAST(CAST($1 AS text) AS regclass) AND attnum > 0 "
	"AND NOT attisdropped ORDER BY attnum",
	"SET CONSTRAINTS ALL DEFERRED",
	/*
	 * PostgreSQL enforces foreign keys and checks its pages itself; what
	 * can still be wrong is a constraint added NOT VALID, or an index
	 * left invalid by a failed CREATE INDEX CONCURRENTLY
	 */
	"SELECT 'constraint ' || conname || ' on ' || "
	"CAST(CAST(conrelid AS regclass) AS text) || ' is not validated' "
	"FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
	"WHERE n.nspname = current_schema() AND NOT c.convalidated "
	"UNION ALL SELECT 'index ' || CAST(CAST(i.indexrelid AS regclass) "
	"AS text) || ' is invalid' FROM pg_index i "
	"JOIN pg_class c ON c.oid = i.indexrelid "
	"JOIN pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = current_schema() AND NOT i.indisvalid",
	"BEGIN",
};

/* libpq's message, its first line only (the rest is advice). */
const char *
pg_conn_msg(PGconn *c, char *buf, size_t sz)
{
	size_t	 n;

	snprintf(buf, sz, "%s", c ? PQerrorMessage(c) : "out of memory");
	buf[strcspn(buf, "\n")] = '\0';
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = '\0';
	return buf;
}

/* Map a failed result (or connection) to an error code and message. */
enum err_code
pg_err(struct pg_store *s, const PGresult *res, const char *what,
    struct err *e)
{
	const char	*state = NULL, *msg = NULL, *detail = NULL;
	char		 cm[512];

	if (res != NULL) {
		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
		detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
	}
	if (msg == NULL)
		msg = pg_conn_msg(s->conn, cm, sizeof(cm));
	if (PQstatus(s->conn) == CONNECTION_BAD ||
	    (state != NULL && strncmp(state, "08", 2) == 0))
		return err_set(e, ERR_IO, "%s: lost the connection to %s: %s",
		    what, s->name, msg);
	if (state == NULL)
		return err_set(e, ERR_STORE, "%s: %s", what, msg);
	if (strcmp(state, "23505") == 0)
		return err_set(e, ERR_EXISTS, "%s: %s%s%s", what, msg,
		    detail ? ": " : "", detail ? detail : "");
	if (strncmp(state, "23", 2) == 0)
		return err_set(e, ERR_CONFLICT, "%s: %s%s%s", what, msg,
		    detail ? ": " : "", detail ? detail : "");
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
	    strcmp(state, "55P03") == 0)
		return err_set(e, ERR_CONFLICT, "%s: the workspace %s is busy "
		    "(another okrdesk is writing to it): %s", what, s->name,
		    msg);
	if (strcmp(state, "25006") == 0)
		return err_set(e, ERR_IO, "%s: the database %s is read-only "
		    "(a replica?)", what, s->name);
	if (strcmp(state, "53100") == 0)
		return err_set(e, ERR_IO, "%s: the database server's disk is "
		    "full", what);
	return err_set(e, ERR_STORE, "%s: %s%s%s", what, msg,
	    detail ? ": " : "", detail ? detail : "");
}

/* Run SQL without parameters; any result but an error is fine. */
enum err_code
pg_run(struct pg_store *s, const char *sql, const char *what, struct err *e)
{
	PGresult	*res;
	enum err_code	 rc = ERR_OK;

	res = PQexec(s->conn, sql);
	switch (PQresultStatus(res)) {
	case PGRES_COMMAND_OK:
	case PGRES_TUPLES_OK:
		break;
	default:
		rc = pg_err(s, res, what, e);
	}
	PQclear(res);
	return rc;
}

void
pg_load_free(struct pg_load *l)
{
	free(l->table);
	free(l->cols);
	free(l->set);
	free(l->key);
	if (l->tee != NULL)
		fclose(l->tee);
	buf_release(&l->b);
	memset(l, 0, sizeof(*l));
}

void
pg_q_reset(struct pg_q *q)
{
	PQclear(q->res);
	q->res = NULL;
	q->row = -1;
	q->nrows = 0;
}

static void
pg_close(struct store *st)
{
	struct pg_store	*s = (struct pg_store *)st;
	size_t		 i;

	for (i = 0; i < STMT__MAX; i++) {
		pg_q_reset(&s->qs[i]);
		free(s->qs[i].declare);
	}
	pg_load_free(&s->load);
	PQfinish(s->conn);
	free(s->name);
	free(s);
}

/*
 * A connection lost between transactions (the server restarted, a
 * failover) is made again, and the statement that found it lost run once
 * more when that is safe: a BEGIN, or a query outside a transaction (a
 * write outside one might have committed before the loss).  Prepared
 * statements went with the connection.  Inside a transaction the loss is
 * the caller's error: the transaction is gone.
 */
int
pg_alive(struct pg_store *s)
{
	size_t	 i;

	if (PQstatus(s->conn) != CONNECTION_BAD || s->st.in_tx)
		return 0;
	PQreset(s->conn);
	if (PQstatus(s->conn) != CONNECTION_OK)
		return 0;
	PQsetNoticeProcessor(s->conn, pg_quiet, NULL);
	for (i = 0; i < STMT__MAX; i++)
		if (!s->qs[i].stream)
			s->qs[i].prepared = 0;
	return 1;
}

static enum err_code
pg_exec_sql(struct store *st, const char *sql, struct err *e)
{
	struct pg_store	*s = (struct pg_store *)st;

	pg_alive(s);
	/* a BEGIN may be the first to find the connection lost */
	if (strcmp(sql, "BEGIN") == 0 &&
	    pg_run(s, sql, "begin", NULL) != ERR_OK) {
		pg_alive(s);
		return pg_run(s, sql, "begin", e);
	} else if (strcmp(sql, "BEGIN") == 0)
		return ERR_OK;
	return pg_run(s, sql, "sql", e);
}

/* Whether text at p starts with word w, standing alone. */
static int
pg_word(const char *start, const char *p, const char *w)
{
	size_t	 n = strlen(w);

	if (p > start && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
		return 0;
	if (strncmp(p, w, n) != 0)
		return 0;
	return !(isalnum((unsigned char)p[n]) || p[n] == '_');
}

/*
 * SQLite's DDL as PostgreSQL's (see the top of this file).  String
 * literals are copied untouched.
 */
static char *
pg_ddl(const char *in)
{
	static const char *const ondel[] = {
		" ON DELETE CASCADE", " ON DELETE SET NULL"
	};
	struct buf	 b;
	const char	*p = in, *q;
	size_t		 i;

	buf_init(&b, 0);
	while (*p != '\0') {
		if (*p == '\'') {
			q = strchr(p + 1, '\'');
			q = q ? q + 1 : p + strlen(p);
			buf_add(&b, p, (size_t)(q - p));
			p = q;
		} else if (pg_word(in, p, "INTEGER PRIMARY KEY")) {
			buf_puts(&b, "BIGINT GENERATED BY DEFAULT AS IDENTITY "
			    "PRIMARY KEY");
			p += strlen("INTEGER PRIMARY KEY");
		} else if (pg_word(in, p, "INTEGER")) {
			buf_puts(&b, "BIGINT");
			p += strlen("INTEGER");
		} else if (pg_word(in, p, "TEXT")) {
			buf_puts(&b, "TEXT COLLATE \"C\"");
			p += strlen("TEXT");
		} else if (pg_word(in, p, "REAL")) {
			buf_puts(&b, "DOUBLE PRECISION");
			p += strlen("REAL");
		} else if (strncmp(p, " WITHOUT ROWID", 14) == 0) {
			p += 14;
		} else if (pg_word(in, p, "REFERENCES")) {
			/* REFERENCES t(c) [ON DELETE ...] DEFERRABLE */
			q = strchr(p, ')');
			q = q ? q + 1 : p + strlen(p);
			buf_add(&b, p, (size_t)(q - p));
			p = q;
			while (*p == ' ')
				p++;
			for (i = 0; i < sizeof(ondel) / sizeof(ondel[0]); i++)
				if (strncmp(p, ondel[i] + 1,
				    strlen(ondel[i]) - 1) == 0) {
					buf_puts(&b, ondel[i]);
					p += strlen(ondel[i]) - 1;
					break;
				}
			buf_puts(&b, " DEFERRABLE");
			if (*p != '\0' && *p != ',' && *p != ')' && *p != ';')
				buf_putc(&b, ' ');
		} else
			buf_putc(&b, *p++);
	}
	return buf_detach(&b);
}

static enum err_code
pg_exec_ddl(struct store *st, const char *sql, struct err *e)
{
	char		*pg;
	enum err_code	 rc;

	if ((pg = pg_ddl(sql)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	rc = pg_run((struct pg_store *)st, pg, "sql", e);
	free(pg);
	return rc;
}

/* Parameters as text, numbers written into nb. */
void
pg_params(const struct sval *v, size_t n, const char **vals,
    char (*nb)[32])
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		switch (v[i].type) {
		case SV_NULL:
			vals[i] = NULL;
			break;
		case SV_INT:
			snprintf(nb[i], sizeof(nb[i]), "%" PRId64, v[i].i);
			vals[i] = nb[i];
			break;
		case SV_REAL:
			if (isinf(v[i].r))
				snprintf(nb[i], sizeof(nb[i]), "%sInfinity",
				    v[i].r < 0 ? "-" : "");
			else
				snprintf(nb[i], sizeof(nb[i]), "%.17g", v[i].r);
			vals[i] = nb[i];
			break;
		case SV_TEXT:
			vals[i] = v[i].t;
			break;
		}
	}
}

/* The scans stream: every STMT_DS_*_SCAN. */
static int
pg_streams(enum stmt id)
{
	const char	*n = stmt_names[id];
	size_t		 len = strlen(n);

	return len > 5 && strcmp(n + len - 5, "_SCAN") == 0;
}

static enum err_code
pg_prepare(struct pg_store *s, enum stmt id, struct err *e)
{
	struct pg_q	*q = &s->qs[id];
	PGresult	*res;
	char		 name[16];
	enum err_code	 rc = ERR_OK;
	size_t		 n;

	pg_q_reset(q);
	if (q->prepared)
		return ERR_OK;
	q->q.st = &s->st;
	q->q.id = id;
	if (pg_streams(id)) {
		q->stream = 1;
		n = strlen(stmt_sql[id]) + 64;
		if ((q->declare = malloc(n)) == NULL)
			return err_set(e, ERR_NOMEM, "out of memory");
		snprintf(q->declare, n, "DECLARE okr_c%d NO SCROLL CURSOR FOR "
		    "%s", (int)id, stmt_sql[id]);
		q->prepared = 1;
		return ERR_OK;
	}
	snprintf(name, sizeof(name), "s%d", (int)id);
	res = PQprepare(s->conn, name, stmt_sql[id], 0, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = pg_err(s, res, stmt_names[id], e);
	else
		q->prepared = 1;
	PQclear(res);
	return rc;
}

/* The next batch of a streamed scan; its rows replace the last. */
static int
pg_fetch(struct pg_store *s, struct pg_q *q, struct err *e)
{
	char	 sql[48];

	pg_q_reset(q);
	snprintf(sql, sizeof(sql), "FETCH %d FROM okr_c%d", PG_FETCH,
	    (int)q->q.id);
	q->res = PQexec(s->conn, sql);
	if (PQresultStatus(q->res) != PGRES_TUPLES_OK) {
		pg_err(s, q->res, stmt_names[q->q.id], e);
		pg_q_reset(q);
		return -1;
	}
	q->nrows = PQntuples(q->res);
	return 0;
}

static enum err_code
pg_q_open(struct store *st, enum stmt id, const struct sval *v, size_t n,
    struct store_q **out, struct err *e)
{
	struct pg_store	*s = (struct pg_store *)st;
	struct pg_q	*q = &s->qs[id];
	const char	*vals[STORE_MAX_PARAMS];
	char		 nb[STORE_MAX_PARAMS][32], name[16];
	enum err_code	 rc;
	int		 retried = 0;

	pg_alive(s);
	if (pg_prepare(s, id, NULL) != ERR_OK) {
		pg_alive(s);	/* the first to find the connection lost */
		if ((rc = pg_prepare(s, id, e)) != ERR_OK)
			return rc;
	}
	pg_params(v, n, vals, nb);
	if (q->stream && n == 0) {
		if (!st->in_tx) {
			if ((rc = pg_run(s, "BEGIN", stmt_names[id], e))
			    != ERR_OK)
				return rc;
			q->began = 1;
		}
		if ((rc = pg_run(s, q->declare, stmt_names[id], e)) != ERR_OK)
			goto fail;
		q->open = 1;
		if (pg_fetch(s, q, e) != 0) {
			rc = e ? e->code : ERR_STORE;
			goto fail;
		}
		*out = &q->q;
		return ERR_OK;
	}
again:
	if (q->stream)
		q->res = PQexecParams(s->conn, stmt_sql[id], (int)n, NULL,
		    vals, NULL, NULL, 0);
	else {
		snprintf(name, sizeof(name), "s%d", (int)id);
		q->res = PQexecPrepared(s->conn, name, (int)n, vals, NULL,
		    NULL, 0);
	}
	switch (PQresultStatus(q->res)) {
	case PGRES_TUPLES_OK:
	case PGRES_COMMAND_OK:
		q->nrows = PQntuples(q->res);
		*out = &q->q;
		return ERR_OK;
	default:
		if (!retried && strncmp(stmt_sql[id], "SELECT", 6) == 0 &&
		    pg_alive(s)) {
			retried = 1;
			pg_q_reset(q);
			if ((rc = pg_prepare(s, id, e)) != ERR_OK)
				return rc;
			goto again;
		}
		rc = pg_err(s, q->res, stmt_names[id], e);
		pg_q_reset(q);
		return rc;
	}
fail:
	q->open = 0;
	if (q->began)
		(void)pg_run(s, "ROLLBACK", "rollback", NULL);
	q->began = 0;
	return rc;
}

static int
pg_q_next(struct store_q *sq, struct err *e)
{
	struct pg_q	*q = (struct pg_q *)sq;

	if (q->res == NULL)
		return 0;
	if (++q->row < q->nrows)
		return 1;
	if (!q->open || q->nrows == 0)
		return 0;
	if (pg_fetch((struct pg_store *)sq->st, q, e) != 0)
		return -1;
	q->row = 0;
	return q->nrows > 0 ? 1 : 0;
}

static int
pg_q_null(struct store_q *sq, int col)
{
	struct pg_q	*q = (struct pg_q *)sq;

	return PQgetisnull(q->res, q->row, col);
}

static int64_t
pg_q_int(struct store_q *sq, int col)
{
	struct pg_q	*q = (struct pg_q *)sq;
	const char	*t;

	if (PQgetisnull(q->res, q->row, col))
		return 0;
	t = PQgetvalue(q->res, q->row, col);
	if (t[0] == 't' && t[1] == '\0')	/* a boolean */
		return 1;
	if (strchr(t, '.') != NULL || strchr(t, 'e') != NULL)
		return (int64_t)strtod(t, NULL);
	return strtoll(t, NULL, 10);
}

static double
pg_q_real(struct store_q *sq, int col)
{
	struct pg_q	*q = (struct pg_q *)sq;
	const char	*t;

	if (PQgetisnull(q->res, q->row, col))
		return NAN;
	t = PQgetvalue(q->res, q->row, col);
	if (t[0] == 't' && t[1] == '\0')
		return 1;
	if (t[0] == 'f' && t[1] == '\0')
		return 0;
	return strtod(t, NULL);
}

static const char *
pg_q_text(struct store_q *sq, int col)
{
	struct pg_q	*q = (struct pg_q *)sq;

	if (PQgetisnull(q->res, q->row, col))
		return NULL;
	return PQgetvalue(q->res, q->row, col);
}

static void
pg_q_close(struct store_q *sq)
{
	struct pg_q	*q = (struct pg_q *)sq;
	struct pg_store	*s = (struct pg_store *)sq->st;
	char		 sql[32];

	pg_q_reset(q);
	if (sq->id == STMT__MAX) {	/* one-off SQL: pg_sql_open */
		free(q);
		return;
	}
	if (q->open) {
		snprintf(sql, sizeof(sql), "CLOSE okr_c%d", (int)sq->id);
		(void)pg_run(s, sql, "close", NULL);
		q->open = 0;
	}
	if (q->began)
		(void)pg_run(s, "COMMIT", "commit", NULL);
	q->began = 0;
}

static enum err_code
pg_exec_vals(struct store *st, enum stmt id, const struct sval *v, size_t n,
    struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;

	if ((rc = pg_q_open(st, id, v, n, &q, e)) != ERR_OK)
		return rc;
	pg_q_close(q);
	return ERR_OK;
}

static enum err_code
pg_notify(struct store *st, const char *topic, struct err *e)
{
	struct pg_store	*s = (struct pg_store *)st;
	const char	*vals[1] = { topic };
	PGresult	*res;
	enum err_code	 rc = ERR_OK;

	res = PQexecParams(s->conn, "SELECT pg_notify('okrdesk', $1)", 1,
	    NULL, vals, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = pg_err(s, res, "notify", e);
	PQclear(res);
	return rc;
}

static const struct store_ops pg_ops = {
	pg_close,
	pg_exec_sql,
	pg_q_open,
	pg_q_next,
	pg_q_int,
	pg_q_real,
	pg_q_text,
	pg_q_null,
	pg_q_close,
	pg_exec_vals,
	pg_exec_ddl,
	pg_notify,
	pg_load_begin,
	pg_load_row,
	pg_load_end,
	pg_load_abort,
	pg_sql_open,
	pg_q_ncols,
	pg_q_name,
	pg_q_type,
	pg_ids_reset,
};

/* ---- connecting ------------------------------------------------------- */

void
pg_quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;	/* NOTICEs ("... does not exist, skipping") */
}

/*
 * Create (or drop) the database a connection string names, through the
 * server's "postgres" database, as opening a missing SQLite file creates
 * it and removing it unlinks it.
 */
static enum err_code
pg_admin(const char *uri, const char *name, int drop, struct err *e)
{
	PQconninfoOption	*opts, *o;
	const char		*keys[64], *vals[64], *db = NULL;
	PGconn			*c;
	PGresult		*res;
	char			*id, sql[512], cm[512];
	enum err_code		 rc = ERR_OK;
	int			 n = 0;

	if ((opts = PQconninfoParse(uri, NULL)) == NULL)
		return err_set(e, ERR_INVAL, "%s: not a PostgreSQL URI", name);
	for (o = opts; o->keyword != NULL && n < 63; o++) {
		if (o->val == NULL)
			continue;
		if (strcmp(o->keyword, "dbname") == 0) {
			db = o->val;
			continue;
		}
		keys[n] = o->keyword;
		vals[n++] = o->val;
	}
	keys[n] = "dbname";
	vals[n++] = "postgres";
	keys[n] = NULL;
	vals[n] = NULL;
	if (db == NULL) {
		PQconninfoFree(opts);
		return err_set(e, ERR_INVAL, "%s names no database", name);
	}
	c = PQconnectdbParams(keys, vals, 0);
	PQsetNoticeProcessor(c, pg_quiet, NULL);
	if (PQstatus(c) != CONNECTION_OK) {
		rc = err_set(e, ERR_IO, "cannot %s the database of %s: "
		    "%s", drop ? "drop" : "create", name,
		    pg_conn_msg(c, cm, sizeof(cm)));
		goto out;
	}
	if ((id = PQescapeIdentifier(c, db, strlen(db))) == NULL) {
		rc = err_set(e, ERR_NOMEM, "out of memory");
		goto out;
	}
	if (drop)
		snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s", id);
	else
		snprintf(sql, sizeof(sql), "CREATE DATABASE %s", id);
	PQfreemem(id);
	res = PQexec(c, sql);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = err_set(e, ERR_IO, "cannot %s the database of %s: %s",
		    drop ? "drop" : "create", name,
		    pg_conn_msg(c, cm, sizeof(cm)));
	PQclear(res);
out:
	PQfinish(c);
	PQconninfoFree(opts);
	return rc;
}

/*
 * The schema version: 0 for a database with no tables, -1 (e set) for
 * one that holds something other than an okrdesk workspace.
 */
static int
pg_version(struct pg_store *s, struct err *e)
{
	PGresult	*res;
	int		 version = -1;

	res = PQexec(s->conn, "SELECT count(*), "
	    "count(*) FILTER (WHERE c.relname = 'schema_version') "
	    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
	    "WHERE n.nspname = current_schema() AND c.relkind = 'r'");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		pg_err(s, res, s->name, e);
		goto out;
	}
	if (strcmp(PQgetvalue(res, 0, 0), "0") == 0) {
		version = 0;
		goto out;
	}
	if (strcmp(PQgetvalue(res, 0, 1), "1") != 0) {
		err_set(e, ERR_INVAL, "%s is a PostgreSQL database but not an "
		    "okrdesk workspace", s->name);
		goto out;
	}
	PQclear(res);
	res = PQexec(s->conn, "SELECT max(version) FROM schema_version");
	if (PQresultStatus(res) != PGRES_TUPLES_OK ||
	    PQgetisnull(res, 0, 0)) {
		err_set(e, ERR_INVAL, "%s: the schema version is missing",
		    s->name);
		goto out;
	}
	version = (int)strtol(PQgetvalue(res, 0, 0), NULL, 10);
out:
	PQclear(res);
	return version;
}

/* Connect to uri; in create mode, create a missing database first. */
static PGconn *
pg_connect(const char *uri, const char *name, enum store_open_mode mode,
    struct err *e)
{
	PGconn	*c;
	char	 cm[512];
	int	 missing;

	c = PQconnectdb(uri);
	if (PQstatus(c) == CONNECTION_OK)
		return c;
	pg_conn_msg(c, cm, sizeof(cm));
	missing = strstr(cm, "does not exist") != NULL &&
	    strstr(cm, "database") != NULL;
	PQfinish(c);
	if (!missing) {
		err_set(e, ERR_IO, "cannot connect to %s: %s", name, cm);
		return NULL;
	}
	if (mode != STORE_OPEN_CREATE) {
		err_set(e, ERR_NOTFOUND, "no workspace at %s (%s): create one "
		    "with 'okrdesk init' or give another with --db", name, cm);
		return NULL;
	}
	if (pg_admin(uri, name, 0, e) != ERR_OK)
		return NULL;
	c = PQconnectdb(uri);
	if (PQstatus(c) == CONNECTION_OK)
		return c;
	err_set(e, ERR_IO, "cannot connect to %s: %s", name,
	    pg_conn_msg(c, cm, sizeof(cm)));
	PQfinish(c);
	return NULL;
}

enum err_code
pg_remove(const char *uri, struct err *e)
{
	char		*name;
	enum err_code	 rc;

	if ((name = store_uri_redact(uri)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	rc = pg_admin(uri, name, 1, e);
	free(name);
	return rc;
}

enum err_code
pg_open(const char *uri, enum store_open_mode mode, struct store **out,
    struct err *e)
{
	struct pg_store	*s;
	enum err_code	 rc;
	int		 version;

	if ((s = calloc(1, sizeof(*s))) == NULL ||
	    (s->name = store_uri_redact(uri)) == NULL) {
		free(s);
		return err_set(e, ERR_NOMEM, "out of memory");
	}
	s->st.ops = &pg_ops;
	s->st.dialect = &pg_dialect;
	if ((s->conn = pg_connect(uri, s->name, mode, e)) == NULL) {
		rc = e ? e->code : ERR_IO;
		goto fail;
	}
	PQsetNoticeProcessor(s->conn, pg_quiet, NULL);
	/* one okrdesk migrates at a time; the others wait, then see it */
	if ((rc = pg_run(s, "SET client_encoding = 'UTF8'; "
	    "SELECT pg_advisory_lock(" PG_LOCK_KEY ")", s->name, e)) != ERR_OK)
		goto fail;
	if ((version = pg_version(s, e)) < 0) {
		rc = e ? e->code : ERR_INVAL;
		goto unlock;
	}
	if (version == 0 && mode == STORE_OPEN_EXISTING) {
		rc = err_set(e, ERR_NOTFOUND, "%s holds no workspace: create "
		    "one with 'okrdesk init'", s->name);
		goto unlock;
	}
	s->st.schema_found = version;
	if ((rc = store_migrate(&s->st, version, e)) != ERR_OK) {
		err_prefix(e, "%s", s->name);
		goto unlock;
	}
	if ((rc = pg_run(s, "SELECT pg_advisory_unlock(" PG_LOCK_KEY ")",
	    s->name, e)) != ERR_OK)
		goto fail;
	*out = &s->st;
	return ERR_OK;
unlock:
	(void)pg_run(s, "SELECT pg_advisory_unlock(" PG_LOCK_KEY ")",
	    s->name, NULL);
fail:
	pg_close(&s->st);
	return rc;
}
