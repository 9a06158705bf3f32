/*
 * pg_bulk.c: the PostgreSQL backend's bulk paths: loads through COPY for
 * the importer (store_load_*), and the whole-table access of store/copy.c
 * (one-off SQL, column names and types, identity sequences).  pg.c holds
 * the rest of the backend; its top comment says how a load chooses
 * between COPY into the table and a temporary table merged by upsert.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_int.h"

#define PG_COPY_CHUNK	(256 * 1024)	/* bytes per PQputCopyData */

/* PostgreSQL type oids (catalog/pg_type.h, stable across versions). */
#define OID_BOOL	16
#define OID_INT8	20
#define OID_INT2	21
#define OID_INT4	23
#define OID_FLOAT4	700
#define OID_FLOAT8	701
#define OID_NUMERIC	1700

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

enum err_code
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

enum err_code
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

enum err_code
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

void
pg_load_abort(struct store *st)
{
	struct pg_store	*s = (struct pg_store *)st;

	if (s->load.copying)
		(void)pg_copy_finish(s, NULL);
	pg_load_free(&s->load);
}

/* ---- whole-table access (store/copy.c) -------------------------------- */

enum err_code
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

int
pg_q_ncols(struct store_q *sq)
{
	return PQnfields(((struct pg_q *)sq)->res);
}

const char *
pg_q_name(struct store_q *sq, int col)
{
	return PQfname(((struct pg_q *)sq)->res, col);
}

enum sval_type
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

enum err_code
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
