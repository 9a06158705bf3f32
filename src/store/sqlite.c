/*
 * sqlite.c: the SQLite backend of the store.
 *
 * One connection per process, in WAL mode with foreign keys on and a busy
 * timeout, so a reader (the web server, later) and a writer (an import) do
 * not block each other.  Each named statement is prepared once, on first
 * use, and kept for the life of the connection.  Parameters are bound by
 * name ("$1"), which keeps the SQL text shared with PostgreSQL.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/backend.h"

struct sqlite_q {
	struct store_q	 q;		/* must be first */
	sqlite3_stmt	*stmt;
	int		 busy;		/* opened and not yet closed */
	int		 nparam;
	int		 idx[STORE_MAX_PARAMS];	/* $i+1 -> bind index */
};

struct sqlite_store {
	struct store	 st;		/* must be first */
	sqlite3		*db;
	char		*path;
	enum stmt	 load;		/* the upsert of a bulk load */
	struct sqlite_q	 qs[STMT__MAX];
};

static const struct store_dialect sqlite_dialect = {
	"sqlite",
	"SELECT name FROM sqlite_master WHERE type = 'table' "
	"AND name NOT LIKE 'sqlite%' ORDER BY rowid",
	"SELECT name FROM pragma_table_info($1) ORDER BY cid",
	"PRAGMA defer_foreign_keys = ON",
	/* a foreign key is named by the column it leaves from */
	"SELECT integrity_check FROM pragma_integrity_check "
	"WHERE integrity_check <> 'ok' UNION ALL "
	"SELECT 'foreign key: ' || c.\"table\" || coalesce(' row ' || "
	"c.rowid, '') || ': ' || f.\"from\" || ' refers to a missing ' || "
	"c.parent FROM pragma_foreign_key_check c "
	"JOIN pragma_foreign_key_list(c.\"table\") f "
	"ON f.id = c.fkid AND f.seq = 0",
	"BEGIN IMMEDIATE",
};

static enum err_code
sqlite_err(struct sqlite_store *s, int rc, const char *what, struct err *e)
{
	int	 ext = sqlite3_extended_errcode(s->db);

	(void)rc;
	switch (ext) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return err_set(e, ERR_EXISTS, "%s: %s", what,
		    sqlite3_errmsg(s->db));
	case SQLITE_CONSTRAINT_FOREIGNKEY:
	case SQLITE_CONSTRAINT_CHECK:
	case SQLITE_CONSTRAINT_NOTNULL:
		return err_set(e, ERR_CONFLICT, "%s: %s", what,
		    sqlite3_errmsg(s->db));
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ERR_CONFLICT, "%s: the workspace %s is busy "
		    "(another okrdesk is writing to it)", what, s->path);
	case SQLITE_READONLY:
		return err_set(e, ERR_IO, "%s: the workspace %s is read-only",
		    what, s->path);
	case SQLITE_FULL:
		return err_set(e, ERR_IO, "%s: the disk is full", what);
	default:
		return err_set(e, ERR_STORE, "%s: %s", what,
		    sqlite3_errmsg(s->db));
	}
}

static void
sqlite_close(struct store *st)
{
	struct sqlite_store	*s = (struct sqlite_store *)st;
	size_t			 i;

	for (i = 0; i < STMT__MAX; i++)
		sqlite3_finalize(s->qs[i].stmt);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

static enum err_code
sqlite_exec_sql(struct store *st, const char *sql, struct err *e)
{
	struct sqlite_store	*s = (struct sqlite_store *)st;
	int			 rc;

	if ((rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL)) != SQLITE_OK)
		return sqlite_err(s, rc, "sql", e);
	return ERR_OK;
}

/* Prepare statement id once; map each $n to its bind index once. */
static enum err_code
sqlite_prepare(struct sqlite_store *s, enum stmt id, struct err *e)
{
	struct sqlite_q	*q = &s->qs[id];
	char		 name[24];
	int		 rc, i;

	if (q->stmt != NULL) {
		sqlite3_reset(q->stmt);
		sqlite3_clear_bindings(q->stmt);
		return ERR_OK;
	}
	rc = sqlite3_prepare_v3(s->db, stmt_sql[id], -1,
	    SQLITE_PREPARE_PERSISTENT, &q->stmt, NULL);
	if (rc != SQLITE_OK)
		return sqlite_err(s, rc, stmt_names[id], e);
	q->q.st = &s->st;
	q->q.id = id;
	q->nparam = sqlite3_bind_parameter_count(q->stmt);
	if (q->nparam > STORE_MAX_PARAMS)
		return err_set(e, ERR_INTERNAL, "%s: %d parameters",
		    stmt_names[id], q->nparam);
	for (i = 0; i < q->nparam; i++) {
		snprintf(name, sizeof(name), "$%d", i + 1);
		if ((q->idx[i] = sqlite3_bind_parameter_index(q->stmt, name))
		    == 0)
			return err_set(e, ERR_INTERNAL, "%s: no parameter %s",
			    stmt_names[id], name);
	}
	return ERR_OK;
}

static enum err_code
sqlite_bind(struct sqlite_store *s, enum stmt id, const struct sval *v,
    size_t n, sqlite3_destructor_type text, struct err *e)
{
	struct sqlite_q	*q = &s->qs[id];
	size_t		 i;
	int		 rc = SQLITE_OK, idx;

	if ((size_t)q->nparam != n)
		return err_set(e, ERR_INTERNAL, "%s: %d parameters expected, "
		    "%zu given", stmt_names[id], q->nparam, n);
	for (i = 0; i < n; i++) {
		idx = q->idx[i];
		switch (v[i].type) {
		case SV_NULL:
			rc = sqlite3_bind_null(q->stmt, idx);
			break;
		case SV_INT:
			rc = sqlite3_bind_int64(q->stmt, idx, v[i].i);
			break;
		case SV_REAL:
			rc = sqlite3_bind_double(q->stmt, idx, v[i].r);
			break;
		case SV_TEXT:
			rc = sqlite3_bind_text(q->stmt, idx, v[i].t, -1, text);
			break;
		}
		if (rc != SQLITE_OK)
			return sqlite_err(s, rc, stmt_names[id], e);
	}
	return ERR_OK;
}

static enum err_code
sqlite_q_open(struct store *st, enum stmt id, const struct sval *v,
    size_t n, struct store_q **out, struct err *e)
{
	struct sqlite_store	*s = (struct sqlite_store *)st;
	enum err_code		 rc;

	if ((rc = sqlite_prepare(s, id, e)) != ERR_OK ||
	    (rc = sqlite_bind(s, id, v, n, SQLITE_TRANSIENT, e)) != ERR_OK)
		return rc;
	s->qs[id].busy = 1;
	*out = &s->qs[id].q;
	return ERR_OK;
}

/* One step with text bound in place: the values outlive the call. */
static enum err_code
sqlite_exec_vals(struct store *st, enum stmt id, const struct sval *v,
    size_t n, struct err *e)
{
	struct sqlite_store	*s = (struct sqlite_store *)st;
	sqlite3_stmt		*stmt;
	enum err_code		 rc;
	int			 r;

	if ((rc = sqlite_prepare(s, id, e)) != ERR_OK ||
	    (rc = sqlite_bind(s, id, v, n, SQLITE_STATIC, e)) != ERR_OK)
		return rc;
	stmt = s->qs[id].stmt;
	while ((r = sqlite3_step(stmt)) == SQLITE_ROW)
		;
	sqlite3_reset(stmt);
	if (r != SQLITE_DONE)
		return sqlite_err(s, r, stmt_names[id], e);
	return ERR_OK;
}

static int
sqlite_q_next(struct store_q *sq, struct err *e)
{
	struct sqlite_q		*q = (struct sqlite_q *)sq;
	struct sqlite_store	*s = (struct sqlite_store *)sq->st;
	int			 rc;

	rc = sqlite3_step(q->stmt);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	sqlite_err(s, rc, stmt_names[sq->id], e);
	return -1;
}

static int64_t
sqlite_q_int(struct store_q *sq, int col)
{
	return sqlite3_column_int64(((struct sqlite_q *)sq)->stmt, col);
}

static double
sqlite_q_real(struct store_q *sq, int col)
{
	sqlite3_stmt	*stmt = ((struct sqlite_q *)sq)->stmt;

	if (sqlite3_column_type(stmt, col) == SQLITE_NULL)
		return NAN;
	return sqlite3_column_double(stmt, col);
}

static const char *
sqlite_q_text(struct store_q *sq, int col)
{
	sqlite3_stmt	*stmt = ((struct sqlite_q *)sq)->stmt;

	if (sqlite3_column_type(stmt, col) == SQLITE_NULL)
		return NULL;
	return (const char *)sqlite3_column_text(stmt, col);
}

static int
sqlite_q_null(struct store_q *sq, int col)
{
	return sqlite3_column_type(((struct sqlite_q *)sq)->stmt, col) ==
	    SQLITE_NULL;
}

static void
sqlite_q_close(struct store_q *sq)
{
	struct sqlite_q	*q = (struct sqlite_q *)sq;

	if (sq->id == STMT__MAX) {	/* one-off SQL: sqlite_sql_open */
		sqlite3_finalize(q->stmt);
		free(q);
		return;
	}
	sqlite3_reset(q->stmt);
	sqlite3_clear_bindings(q->stmt);
	q->busy = 0;
}

static enum err_code
sqlite_notify(struct store *st, const char *topic, struct err *e)
{
	(void)st;
	(void)topic;
	(void)e;
	return ERR_OK;
}

static enum err_code
sqlite_load_begin(struct store *st, enum stmt upsert, const char *table,
    const char *const *cols, size_t ncols, struct err *e)
{
	(void)table;
	(void)cols;
	(void)ncols;
	(void)e;
	((struct sqlite_store *)st)->load = upsert;
	return ERR_OK;
}

static enum err_code
sqlite_load_row(struct store *st, const struct sval *v, size_t n,
    struct err *e)
{
	return sqlite_exec_vals(st, ((struct sqlite_store *)st)->load, v, n, e);
}

static enum err_code
sqlite_load_end(struct store *st, struct err *e)
{
	(void)st;
	(void)e;
	return ERR_OK;
}

static void
sqlite_load_abort(struct store *st)
{
	(void)st;
}

static enum err_code
sqlite_sql_open(struct store *st, const char *sql, const struct sval *v,
    size_t n, struct store_q **out, struct err *e)
{
	struct sqlite_store	*s = (struct sqlite_store *)st;
	struct sqlite_q		*q;
	size_t			 i;
	int			 rc = SQLITE_OK;

	if ((q = calloc(1, sizeof(*q))) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	q->q.st = st;
	q->q.id = STMT__MAX;
	if (sqlite3_prepare_v2(s->db, sql, -1, &q->stmt, NULL) != SQLITE_OK) {
		free(q);
		return sqlite_err(s, rc, "sql", e);
	}
	for (i = 0; i < n && rc == SQLITE_OK; i++) {
		switch (v[i].type) {
		case SV_NULL:
			rc = sqlite3_bind_null(q->stmt, (int)i + 1);
			break;
		case SV_INT:
			rc = sqlite3_bind_int64(q->stmt, (int)i + 1, v[i].i);
			break;
		case SV_REAL:
			rc = sqlite3_bind_double(q->stmt, (int)i + 1, v[i].r);
			break;
		case SV_TEXT:
			rc = sqlite3_bind_text(q->stmt, (int)i + 1, v[i].t, -1,
			    SQLITE_TRANSIENT);
			break;
		}
	}
	if (rc != SQLITE_OK) {
		sqlite_err(s, rc, "sql", e);
		sqlite3_finalize(q->stmt);
		free(q);
		return e ? e->code : ERR_STORE;
	}
	*out = &q->q;
	return ERR_OK;
}

static int
sqlite_q_ncols(struct store_q *sq)
{
	return sqlite3_column_count(((struct sqlite_q *)sq)->stmt);
}

static const char *
sqlite_q_name(struct store_q *sq, int col)
{
	return sqlite3_column_name(((struct sqlite_q *)sq)->stmt, col);
}

static enum sval_type
sqlite_q_type(struct store_q *sq, int col)
{
	switch (sqlite3_column_type(((struct sqlite_q *)sq)->stmt, col)) {
	case SQLITE_INTEGER:
		return SV_INT;
	case SQLITE_FLOAT:
		return SV_REAL;
	case SQLITE_NULL:
		return SV_NULL;
	default:
		return SV_TEXT;
	}
}

static enum err_code
sqlite_ids_reset(struct store *st, const char *table, struct err *e)
{
	(void)st;
	(void)table;
	(void)e;
	return ERR_OK;	/* a new rowid is always past the largest */
}

static const struct store_ops sqlite_ops = {
	sqlite_close,
	sqlite_exec_sql,
	sqlite_q_open,
	sqlite_q_next,
	sqlite_q_int,
	sqlite_q_real,
	sqlite_q_text,
	sqlite_q_null,
	sqlite_q_close,
	sqlite_exec_vals,
	sqlite_exec_sql,	/* the migrations are written in SQLite's SQL */
	sqlite_notify,
	sqlite_load_begin,
	sqlite_load_row,
	sqlite_load_end,
	sqlite_load_abort,
	sqlite_sql_open,
	sqlite_q_ncols,
	sqlite_q_name,
	sqlite_q_type,
	sqlite_ids_reset,
};

/*
 * The schema version of an open database: 0 for an empty one, -1 (with e
 * set) for a file that is not an okrdesk workspace.
 */
static int
sqlite_version(struct sqlite_store *s, struct err *e)
{
	sqlite3_stmt	*stmt = NULL;
	int		 rc, ntables, version = -1;

	rc = sqlite3_prepare_v2(s->db, "SELECT count(*), "
	    "sum(name = 'schema_version') FROM sqlite_master "
	    "WHERE type = 'table'", -1, &stmt, NULL);
	if (rc != SQLITE_OK || sqlite3_step(stmt) != SQLITE_ROW) {
		err_set(e, ERR_INVAL, "%s is not an okrdesk workspace (%s)",
		    s->path, sqlite3_errmsg(s->db));
		goto out;
	}
	ntables = sqlite3_column_int(stmt, 0);
	if (ntables == 0) {
		version = 0;
		goto out;
	}
	if (sqlite3_column_int(stmt, 1) != 1) {
		err_set(e, ERR_INVAL, "%s is an SQLite database but not an "
		    "okrdesk workspace", s->path);
		goto out;
	}
	sqlite3_finalize(stmt);
	rc = sqlite3_prepare_v2(s->db, "SELECT max(version) FROM "
	    "schema_version", -1, &stmt, NULL);
	if (rc != SQLITE_OK || sqlite3_step(stmt) != SQLITE_ROW ||
	    sqlite3_column_type(stmt, 0) == SQLITE_NULL) {
		err_set(e, ERR_INVAL, "%s: the schema version is missing",
		    s->path);
		goto out;
	}
	version = sqlite3_column_int(stmt, 0);
out:
	sqlite3_finalize(stmt);
	return version;
}

enum err_code
sqlite_remove(const char *db, struct err *e)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	char	 path[4096];
	size_t	 i;

	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		if ((size_t)snprintf(path, sizeof(path), "%s%s", db,
		    suffix[i]) >= sizeof(path))
			return err_set(e, ERR_INVAL, "database path too long");
		if (unlink(path) != 0 && errno != ENOENT)
			return err_set(e, ERR_IO, "cannot remove %s: %s", path,
			    strerror(errno));
	}
	return ERR_OK;
}

enum err_code
sqlite_open(const char *path, enum store_open_mode mode, struct store **out,
    struct err *e)
{
	struct sqlite_store	*s;
	struct stat		 sb;
	enum err_code		 rc;
	int			 flags, version;

	if (mode == STORE_OPEN_EXISTING && stat(path, &sb) == -1)
		return err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
		    "no workspace at %s (%s): create one with 'okrdesk init' "
		    "or give another with --db", path, strerror(errno));
	if ((s = calloc(1, sizeof(*s))) == NULL ||
	    (s->path = strdup(path)) == NULL) {
		free(s);
		return err_set(e, ERR_NOMEM, "out of memory");
	}
	s->st.ops = &sqlite_ops;
	s->st.dialect = &sqlite_dialect;
	flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
	    (mode == STORE_OPEN_CREATE ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		rc = err_set(e, ERR_IO, "cannot open %s: %s", path,
		    s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 5000);
	if ((version = sqlite_version(s, e)) < 0) {
		rc = e ? e->code : ERR_INVAL;
		goto fail;
	}
	if (version == 0 && mode == STORE_OPEN_EXISTING) {
		rc = err_set(e, ERR_NOTFOUND, "%s holds no workspace: create "
		    "one with 'okrdesk init'", path);
		goto fail;
	}
	if ((rc = sqlite_exec_sql(&s->st, "PRAGMA journal_mode = WAL; "
	    "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL", e))
	    != ERR_OK)
		goto fail;
	s->st.schema_found = version;
	if ((rc = store_migrate(&s->st, version, e)) != ERR_OK) {
		err_prefix(e, "%s", path);
		goto fail;
	}
	*out = &s->st;
	return ERR_OK;
fail:
	sqlite_close(&s->st);
	return rc;
}
