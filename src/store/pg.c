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
 * Bulk loads (store_load_*) stream through COPY: straight into the table
 * when it starts empty (the rows are also kept in a temporary file, in
 * case the input repeats a key, which COPY cannot upsert), else into a
 * temporary table merged by INSERT ... ON CONFLICT, the later row of a
 * key winning as it does row by row.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/buf.h"
#include "store/backend.h"

#define PG_FETCH	20000		/* rows per FETCH of a streamed scan */
#define PG_COPY_CHUNK	(256 * 1024)	/* bytes per PQputCopyData */
#define PG_LOCK_KEY	"7242001"	/* advisory lock: one migration */

/* PostgreSQL type oids (catalog/pg_type.h, stable across versions). */
#define OID_BOOL	16
#define OID_INT8	20
#define OID_INT2	21
#define OID_INT4	23
#define OID_FLOAT4	700
#define OID_FLOAT8	701
#define OID_NUMERIC	1700

struct pg_q {
	struct store_q	 q;		/* must be first */
	PGresult	*res;
	int		 row;		/* current row of res */
	int		 nrows;
	int		 prepared;	/* the statement exists on the server */
	int		 stream;	/* a scan: through a cursor */
	int		 began;		/* the cursor opened its transaction */
	int		 open;		/* the cursor is declared */
	char		*declare;	/* DECLARE ... FOR the statement */
};

struct pg_load {
	int		 active;
	int		 direct;	/* COPY into the table itself */
	int		 copying;	/* a COPY is in progress */
	char		*table;		/* quoted */
	char		*cols;		/* quoted, comma-separated */
	char		*set;		/* c = excluded.c, ... */
	char		*key;		/* the first column, quoted */
	size_t		 ncols;
	int64_t		 seq;		/* rows sent */
	FILE		*tee;		/* the direct rows again, for a replay */
	struct buf	 b;		/* rows not yet sent */
};

struct pg_store {
	struct store	 st;		/* must be first */
	PGconn		*conn;
	char		*name;		/* the URI without its password */
	struct pg_load	 load;
	struct pg_q	 qs[STMT__MAX];
};

struct store_listener {
	PGconn		*conn;
	char		*uri;
	char		*name;
};

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
};

/* libpq's message, its first line only (the rest is advice). */
static const char *
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
static enum err_code
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
static enum err_code
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

static void
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

static void	pg_quiet(void *, const char *);

static void
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
static int
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
static void
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

/* ---- bulk load through COPY ------------------------------------------- */

/* An identifier, quoted; NULL when out of memory. */
static char *
pg_ident(struct pg_store *s, const char *name)
{
	char	*q, *out;

	if ((q = PQescapeIdentifier(s->conn, name, strlen(name))) == NULL)
		return NULL;
	out = strdup(q);
	PQfreemem(q);
	return out;
}

static enum err_code
pg_copy_start(struct pg_store *s, const char *into, struct err *e)
{
	struct pg_load	*l = &s->load;
	PGresult	*res;
	struct buf	 b;
	enum err_code	 rc = ERR_OK;

	buf_init(&b, 0);
	buf_printf(&b, "COPY %s (%s%s) FROM STDIN", into, l->cols,
	    l->direct ? "" : ", okr_seq");
	if ((buf_error(&b) != ERR_OK)) {
		buf_release(&b);
		return err_set(e, ERR_NOMEM, "out of memory");
	}
	res = PQexec(s->conn, buf_cstr(&b));
	if (PQresultStatus(res) != PGRES_COPY_IN)
		rc = pg_err(s, res, "copy", e);
	else
		l->copying = 1;
	PQclear(res);
	buf_release(&b);
	return rc;
}

static enum err_code
pg_copy_send(struct pg_store *s, const char *p, size_t n, struct err *e)
{
	if (PQputCopyData(s->conn, p, (int)n) != 1)
		return pg_err(s, NULL, "copy", e);
	return ERR_OK;
}

static enum err_code
pg_copy_finish(struct pg_store *s, struct err *e)
{
	struct pg_load	*l = &s->load;
	PGresult	*res;
	enum err_code	 rc = ERR_OK;

	if (l->b.len > 0) {
		rc = pg_copy_send(s, l->b.data, l->b.len, e);
		buf_reset(&l->b);
	}
	l->copying = 0;
	if (PQputCopyEnd(s->conn, rc == ERR_OK ? NULL : "abandoned") != 1)
		return rc == ERR_OK ? pg_err(s, NULL, "copy", e) : rc;
	while ((res = PQgetResult(s->conn)) != NULL) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK && rc == ERR_OK)
			rc = pg_err(s, res, l->table, e);
		PQclear(res);
	}
	return rc;
}

static enum err_code
pg_load_begin(struct store *st, enum stmt upsert, const char *table,
    const char *const *cols, size_t ncols, struct err *e)
{
	struct pg_store	*s = (struct pg_store *)st;
	struct pg_load	*l = &s->load;
	struct buf	 c, u;
	PGresult	*res;
	char		*id, sql[256];
	enum err_code	 rc;
	size_t		 i;

	(void)upsert;
	pg_load_free(l);
	if (ncols == 0)
		return err_set(e, ERR_INTERNAL, "%s: no columns", table);
	buf_init(&c, 0);
	buf_init(&u, 0);
	for (i = 0; i < ncols; i++) {
		if ((id = pg_ident(s, cols[i])) == NULL)
			break;
		buf_printf(&c, "%s%s", i ? ", " : "", id);
		if (i > 0)
			buf_printf(&u, "%s%s = excluded.%s", i > 1 ? ", " : "",
			    id, id);
		if (i == 0)
			l->key = id;
		else
			free(id);
	}
	l->table = pg_ident(s, table);
	l->ncols = ncols;
	if (i < ncols || (buf_error(&c) != ERR_OK) || (buf_error(&u) != ERR_OK) || l->table == NULL) {
		buf_release(&c);
		buf_release(&u);
		pg_load_free(l);
		return err_set(e, ERR_NOMEM, "out of memory");
	}
	l->cols = buf_detach(&c);
	l->set = buf_detach(&u);
	l->active = 1;
	buf_init(&l->b, 0);

	/* empty: COPY straight in, under a savepoint for the replay */
	snprintf(sql, sizeof(sql), "SELECT 1 FROM %s LIMIT 1", l->table);
	res = PQexec(s->conn, sql);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = pg_err(s, res, table, e);
		PQclear(res);
		goto fail;
	}
	l->direct = PQntuples(res) == 0;
	PQclear(res);
	if (l->direct) {
		if ((l->tee = tmpfile()) == NULL) {
			rc = err_set(e, ERR_IO, "a temporary file for the "
			    "import: %s", strerror(errno));
			goto fail;
		}
		if ((rc = pg_run(s, "SAVEPOINT okr_load", table, e))
		    != ERR_OK)
			goto fail;
		rc = pg_copy_start(s, l->table, e);
	} else {
		snprintf(sql, sizeof(sql), "CREATE TEMP TABLE okr_load "
		    "(LIKE %s, okr_seq BIGINT) ON COMMIT DROP", l->table);
		if ((rc = pg_run(s, sql, table, e)) != ERR_OK)
			goto fail;
		rc = pg_copy_start(s, "okr_load", e);
	}
	if (rc == ERR_OK)
		return ERR_OK;
fail:
	pg_load_free(l);
	return rc;
}

/* Text as a COPY field: backslash, tab, newline and return escaped,
 * the runs between them appended whole. */
static void
pg_copy_text(struct buf *b, const char *t)
{
	size_t	 n;

	for (;;) {
		n = strcspn(t, "\\\t\n\r");
		buf_add(b, t, n);
		t += n;
		switch (*t++) {
		case '\0':
			return;
		case '\\':
			buf_add(b, "\\\\", 2);
			break;
		case '\t':
			buf_add(b, "\\t", 2);
			break;
		case '\n':
			buf_add(b, "\\n", 2);
			break;
		default:
			buf_add(b, "\\r", 2);
		}
	}
}

/*
 * An integer in decimal, without printf: a load formats tens of millions
 * of them, and printf's parsing of its format was most of the client's
 * time (measured: 8.9 s of CPU for 3 M interactions, 4.1 s without).
 */
static void
pg_copy_int(struct buf *b, int64_t v)
{
	char		 d[24];
	size_t		 i = sizeof(d);
	uint64_t	 u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	do {
		d[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		d[--i] = '-';
	buf_add(b, d + i, sizeof(d) - i);
}

static enum err_code
pg_load_row(struct store *st, const struct sval *v, size_t n,
    struct err *e)
{
	struct pg_store	*s = (struct pg_store *)st;
	struct pg_load	*l = &s->load;
	size_t		 i, start = l->b.len;
	enum err_code	 rc;

	if (!l->active || !l->copying)
		return err_set(e, ERR_INTERNAL, "a load row outside a load");
	if (n != l->ncols)
		return err_set(e, ERR_INTERNAL, "%s: %zu values for %zu "
		    "columns", l->table, n, l->ncols);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(&l->b, '\t');
		switch (v[i].type) {
		case SV_NULL:
			buf_puts(&l->b, "\\N");
			break;
		case SV_INT:
			pg_copy_int(&l->b, v[i].i);
			break;
		case SV_REAL:
			/* whole seconds and counts are most reals: exact
			 * as integers below 2^53 */
			if (fabs(v[i].r) < 9007199254740992.0 &&
			    v[i].r == (double)(int64_t)v[i].r)
				pg_copy_int(&l->b, (int64_t)v[i].r);
			else if (isinf(v[i].r))
				buf_printf(&l->b, "%sInfinity",
				    v[i].r < 0 ? "-" : "");
			else if (isnan(v[i].r))
				buf_puts(&l->b, "\\N");
			else
				buf_printf(&l->b, "%.17g", v[i].r);
			break;
		case SV_TEXT:
			pg_copy_text(&l->b, v[i].t);
			break;
		}
	}
	if (!l->direct)
		buf_printf(&l->b, "\t%" PRId64, l->seq);
	buf_putc(&l->b, '\n');
	l->seq++;
	if ((buf_error(&l->b) != ERR_OK))
		return err_set(e, ERR_NOMEM, "out of memory");
	if (l->tee != NULL && fwrite(l->b.data + start, 1, l->b.len - start,
	    l->tee) != l->b.len - start)
		return err_set(e, ERR_IO, "a temporary file for the import: "
		    "%s", strerror(errno));
	if (l->b.len >= PG_COPY_CHUNK) {
		rc = pg_copy_send(s, l->b.data, l->b.len, e);
		buf_reset(&l->b);
		return rc;
	}
	return ERR_OK;
}

/*
 * The direct COPY met a key twice: start again through the temporary
 * table, sending the rows kept in the tee file with their order added.
 */
static enum err_code
pg_load_replay(struct pg_store *s, struct err *e)
{
	struct pg_load	*l = &s->load;
	char		 sql[256], *line = NULL;
	size_t		 cap = 0;
	ssize_t		 n;
	enum err_code	 rc;

	if ((rc = pg_run(s, "ROLLBACK TO SAVEPOINT okr_load", l->table, e))
	    != ERR_OK)
		return rc;
	snprintf(sql, sizeof(sql), "CREATE TEMP TABLE okr_load "
	    "(LIKE %s, okr_seq BIGINT) ON COMMIT DROP", l->table);
	if ((rc = pg_run(s, sql, l->table, e)) != ERR_OK)
		return rc;
	l->direct = 0;
	if ((rc = pg_copy_start(s, "okr_load", e)) != ERR_OK)
		return rc;
	rewind(l->tee);
	l->seq = 0;
	buf_reset(&l->b);
	while (rc == ERR_OK && (n = getline(&line, &cap, l->tee)) > 0) {
		buf_add(&l->b, line, (size_t)n - 1);
		buf_printf(&l->b, "\t%" PRId64 "\n", l->seq++);
		if ((buf_error(&l->b) != ERR_OK))
			rc = err_set(e, ERR_NOMEM, "out of memory");
		else if (l->b.len >= PG_COPY_CHUNK) {
			rc = pg_copy_send(s, l->b.data, l->b.len, e);
			buf_reset(&l->b);
		}
	}
	free(line);
	if (rc != ERR_OK) {
		(void)pg_copy_finish(s, NULL);
		return rc;
	}
	return pg_copy_finish(s, e);
}

static enum err_code
pg_load_end(struct store *st, struct err *e)
{
	struct pg_store	*s = (struct pg_store *)st;
	struct pg_load	*l = &s->load;
	struct err	 dup;
	struct buf	 b;
	enum err_code	 rc;

	if (!l->active)
		return err_set(e, ERR_INTERNAL, "a load end outside a load");
	memset(&dup, 0, sizeof(dup));
	if (l->direct) {
		rc = pg_copy_finish(s, &dup);
		if (rc == ERR_EXISTS)
			rc = pg_load_replay(s, e);
		else if (rc != ERR_OK)
			err_set(e, dup.code, "%s", dup.msg);
		else
			rc = pg_run(s, "RELEASE SAVEPOINT okr_load", l->table,
			    e);
		if (rc != ERR_OK || l->direct) {
			pg_load_free(l);
			return rc;
		}
	} else if ((rc = pg_copy_finish(s, e)) != ERR_OK) {
		pg_load_free(l);
		return rc;
	}
	/* the temporary table into the table, the last row of a key won */
	buf_init(&b, 0);
	buf_printf(&b, "INSERT INTO %s (%s) SELECT DISTINCT ON (%s) %s "
	    "FROM okr_load ORDER BY %s, okr_seq DESC ON CONFLICT (%s) ",
	    l->table, l->cols, l->key, l->cols, l->key, l->key);
	if (*l->set != '\0')
		buf_printf(&b, "DO UPDATE SET %s", l->set);
	else
		buf_puts(&b, "DO NOTHING");
	buf_puts(&b, "; DROP TABLE okr_load");
	rc = (buf_error(&b) != ERR_OK) ? err_set(e, ERR_NOMEM, "out of memory") :
	    pg_run(s, buf_cstr(&b), l->table, e);
	buf_release(&b);
	pg_load_free(l);
	return rc;
}

static void
pg_load_abort(struct store *st)
{
	struct pg_store	*s = (struct pg_store *)st;

	if (s->load.copying)
		(void)pg_copy_finish(s, NULL);
	pg_load_free(&s->load);
}

/* ---- whole-table access (store/copy.c) -------------------------------- */

static enum err_code
pg_sql_open(struct store *st, const char *sql, const struct sval *v,
    size_t n, struct store_q **out, struct err *e)
{
	struct pg_store	*s = (struct pg_store *)st;
	struct pg_q	*q;
	const char	**vals;
	char		(*nb)[32];
	enum err_code	 rc = ERR_OK;

	/* a copy batches hundreds of values a statement */
	if (n > 65535)
		return err_set(e, ERR_INTERNAL, "sql: %zu parameters", n);
	q = calloc(1, sizeof(*q));
	vals = calloc(n + 1, sizeof(*vals));
	nb = calloc(n + 1, sizeof(*nb));
	if (q == NULL || vals == NULL || nb == NULL) {
		rc = err_set(e, ERR_NOMEM, "out of memory");
		goto out;
	}
	q->q.st = st;
	q->q.id = STMT__MAX;
	q->row = -1;
	pg_alive(s);
	pg_params(v, n, vals, nb);
	q->res = PQexecParams(s->conn, sql, (int)n, NULL, vals, NULL, NULL,
	    0);
	switch (PQresultStatus(q->res)) {
	case PGRES_TUPLES_OK:
	case PGRES_COMMAND_OK:
		q->nrows = PQntuples(q->res);
		*out = &q->q;
		q = NULL;
		break;
	default:
		rc = pg_err(s, q->res, "sql", e);
		PQclear(q->res);
	}
out:
	free(q);
	free(vals);
	free(nb);
	return rc;
}

static int
pg_q_ncols(struct store_q *sq)
{
	return PQnfields(((struct pg_q *)sq)->res);
}

static const char *
pg_q_name(struct store_q *sq, int col)
{
	return PQfname(((struct pg_q *)sq)->res, col);
}

static enum sval_type
pg_q_type(struct store_q *sq, int col)
{
	struct pg_q	*q = (struct pg_q *)sq;

	if (PQgetisnull(q->res, q->row, col))
		return SV_NULL;
	switch (PQftype(q->res, col)) {
	case OID_BOOL:
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
		return SV_INT;
	case OID_FLOAT4:
	case OID_FLOAT8:
	case OID_NUMERIC:
		return SV_REAL;
	default:
		return SV_TEXT;
	}
}

static enum err_code
pg_ids_reset(struct store *st, const char *table, struct err *e)
{
	struct pg_store	*s = (struct pg_store *)st;
	const char	*vals[2] = { table, NULL };
	PGresult	*res;
	char		*t = NULL, *c = NULL, sql[512], col[128];
	enum err_code	 rc = ERR_OK;

	res = PQexecParams(s->conn, "SELECT a.attname FROM pg_attribute a "
	    "WHERE a.attrelid = CAST(CAST($1 AS text) AS regclass) "
	    "AND a.attidentity <> ''", 1, NULL, vals, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = pg_err(s, res, table, e);
		goto out;
	}
	if (PQntuples(res) == 0)
		goto out;	/* no identity column */
	snprintf(col, sizeof(col), "%s", PQgetvalue(res, 0, 0));
	vals[1] = col;
	if ((t = pg_ident(s, table)) == NULL ||
	    (c = pg_ident(s, col)) == NULL) {
		rc = err_set(e, ERR_NOMEM, "out of memory");
		goto out;
	}
	snprintf(sql, sizeof(sql), "SELECT setval(pg_get_serial_sequence("
	    "CAST($1 AS text), CAST($2 AS text)), "
	    "coalesce((SELECT max(%s) FROM %s), 0) + 1, false)", c, t);
	PQclear(res);
	res = PQexecParams(s->conn, sql, 2, NULL, vals, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = pg_err(s, res, table, e);
out:
	PQclear(res);
	free(t);
	free(c);
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

static void
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

/* ---- listening -------------------------------------------------------- */

static enum err_code
pg_listen_connect(struct store_listener *l, struct err *e)
{
	PGresult	*res;
	char		 cm[512];
	enum err_code	 rc = ERR_OK;

	PQfinish(l->conn);
	l->conn = PQconnectdb(l->uri);
	if (PQstatus(l->conn) != CONNECTION_OK)
		return err_set(e, ERR_IO, "cannot connect to %s: %s", l->name,
		    pg_conn_msg(l->conn, cm, sizeof(cm)));
	PQsetNoticeProcessor(l->conn, pg_quiet, NULL);
	res = PQexec(l->conn, "LISTEN okrdesk");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = err_set(e, ERR_IO, "%s: listen: %s", l->name,
		    pg_conn_msg(l->conn, cm, sizeof(cm)));
	PQclear(res);
	return rc;
}

enum err_code
pg_listen(const char *uri, struct store_listener **out, struct err *e)
{
	struct store_listener	*l;
	enum err_code		 rc;

	if ((l = calloc(1, sizeof(*l))) == NULL ||
	    (l->uri = strdup(uri)) == NULL ||
	    (l->name = store_uri_redact(uri)) == NULL) {
		if (l != NULL)
			free(l->uri);
		free(l);
		return err_set(e, ERR_NOMEM, "out of memory");
	}
	if ((rc = pg_listen_connect(l, e)) != ERR_OK) {
		pg_listen_close(l);
		return rc;
	}
	*out = l;
	return ERR_OK;
}

/* A notification already received, into buf: 1, else 0. */
static int
pg_listen_take(struct store_listener *l, char *buf, size_t bufsz)
{
	PGnotify	*n;

	if ((n = PQnotifies(l->conn)) == NULL)
		return 0;
	snprintf(buf, bufsz, "%s", n->extra);
	PQfreemem(n);
	return 1;
}

int
pg_listen_wait(struct store_listener *l, int ms, char *buf, size_t bufsz,
    struct err *e)
{
	struct pollfd	 pfd;
	char		 cm[512];
	int		 r;

	if (PQstatus(l->conn) != CONNECTION_OK &&
	    pg_listen_connect(l, e) != ERR_OK)
		return -1;
	if (pg_listen_take(l, buf, bufsz))
		return 1;
	pfd.fd = PQsocket(l->conn);
	pfd.events = POLLIN;
	if ((r = poll(&pfd, 1, ms)) < 0) {
		if (errno == EINTR)
			return 0;
		err_set(e, ERR_IO, "%s: poll: %s", l->name, strerror(errno));
		return -1;
	}
	if (r == 0)
		return 0;
	if (PQconsumeInput(l->conn) != 1) {
		err_set(e, ERR_IO, "%s: %s", l->name,
		    pg_conn_msg(l->conn, cm, sizeof(cm)));
		return -1;
	}
	return pg_listen_take(l, buf, bufsz);
}

void
pg_listen_close(struct store_listener *l)
{
	PQfinish(l->conn);
	free(l->uri);
	free(l->name);
	free(l);
}
