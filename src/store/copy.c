/*
 * copy.c: copying a whole workspace from one store to another, checking
 * one, and keeping passwords out of what is shown.  See copy.h.
 *
 * The only SQL text okrdesk builds at run time lives here: "SELECT the
 * columns FROM a table" and "INSERT INTO a table (the columns) VALUES
 * ($1..)", with every identifier quoted, for the tables and columns the
 * database itself lists (struct store_dialect).  No table is named in
 * this file but schema_version, which both stores wrote for themselves
 * when they were opened (and so are at the same version).
 *
 * Rows stream: one row of FROM is read, inserted into TO, and forgotten,
 * so memory stays flat whatever the size of the workspace.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/buf.h"
#include "store/backend.h"
#include "store/copy.h"

/*
 * Values bound to one INSERT of many rows: under SQLite's oldest limit
 * on parameters (999) and far under PostgreSQL's (65535).
 */
#define COPY_BATCH_PARAMS	999

/* Each store's own record of its schema version: never copied. */
#define COPY_VERSION_TABLE	"schema_version"

struct copy_table {
	const char	 *name;
	const char	**cols;
	size_t		  ncols;
	int64_t		  rows;		/* copied */
};

/* Append name as a quoted identifier ("a""b" for a"b). */
static void
copy_ident(struct buf *b, const char *name)
{
	const char	*p;

	buf_putc(b, '"');
	for (p = name; *p != '\0'; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

/*
 * The text values of the first column of sql (with one text parameter,
 * or none), copied into a.
 */
static enum err_code
copy_names(struct store *st, const char *sql, const char *param,
    struct arena *a, const char ***out, size_t *n, struct err *e)
{
	struct store_q	*q;
	struct sval	 v;
	const char	*s;
	size_t		 cap = 0;
	const char	**slot;
	enum err_code	 rc;
	int		 r;

	*out = NULL;
	*n = 0;
	memset(&v, 0, sizeof(v));
	v.type = SV_TEXT;
	v.t = param;
	if ((rc = st->ops->sql_open(st, sql, &v, param ? 1 : 0, &q, e))
	    != ERR_OK)
		return rc;
	while ((r = st->ops->q_next(q, e)) == 1) {
		if ((s = st->ops->q_text(q, 0)) == NULL)
			continue;
		if ((slot = ARENA_PUSH(a, *out, *n, cap)) == NULL ||
		    (*slot = arena_strdup(a, s)) == NULL) {
			st->ops->q_close(q);
			return err_set(e, ERR_NOMEM, "out of memory");
		}
	}
	st->ops->q_close(q);
	return r < 0 ? (e ? e->code : ERR_STORE) : ERR_OK;
}

/* The tables of st, in creation order, each with its columns. */
static enum err_code
copy_schema(struct store *st, struct arena *a, struct copy_table **out,
    size_t *n, struct err *e)
{
	struct copy_table	*t;
	const char		**names;
	size_t			 i, nt;
	enum err_code		 rc;

	if ((rc = copy_names(st, st->dialect->tables, NULL, a, &names, &nt,
	    e)) != ERR_OK)
		return rc;
	if ((t = arena_calloc(a, nt + 1, sizeof(*t))) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	for (i = 0; i < nt; i++) {
		t[i].name = names[i];
		if ((rc = copy_names(st, st->dialect->columns, names[i], a,
		    &t[i].cols, &t[i].ncols, e)) != ERR_OK)
			return rc;
	}
	*out = t;
	*n = nt;
	return ERR_OK;
}

static int
copy_has(const char *const *names, size_t n, const char *name)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return 0;
}

static const struct copy_table *
copy_find(const struct copy_table *t, size_t n, const char *name)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(t[i].name, name) == 0)
			return &t[i];
	return NULL;
}

/*
 * FROM and TO must have the same tables with the same columns (in any
 * order: each statement names its columns).
 */
static enum err_code
copy_same_schema(const struct copy_table *ft, size_t nf,
    const struct copy_table *tt, size_t nt, const struct store_copy_opts *o,
    struct err *e)
{
	const struct copy_table	*a, *b;
	size_t			 i, j, k;

	for (k = 0; k < 2; k++)
		for (i = 0; i < (k ? nt : nf); i++) {
			a = k ? &tt[i] : &ft[i];
			if ((b = copy_find(k ? ft : tt, k ? nf : nt,
			    a->name)) == NULL)
				return err_set(e, ERR_VERSION, "table \"%s\" "
				    "of %s is missing in %s", a->name,
				    k ? o->to_name : o->from_name,
				    k ? o->from_name : o->to_name);
			for (j = 0; j < a->ncols; j++)
				if (!copy_has(b->cols, b->ncols, a->cols[j]))
					return err_set(e, ERR_VERSION,
					    "column \"%s\" of table \"%s\" of "
					    "%s is missing in %s", a->cols[j],
					    a->name,
					    k ? o->to_name : o->from_name,
					    k ? o->from_name : o->to_name);
		}
	return ERR_OK;
}

/* Run one statement of ours to completion, ignoring rows. */
static enum err_code
copy_exec(struct store *st, const char *sql, const struct sval *v, size_t n,
    struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;
	int		 r;

	if ((rc = st->ops->sql_open(st, sql, v, n, &q, e)) != ERR_OK)
		return rc;
	while ((r = st->ops->q_next(q, e)) == 1)
		;
	st->ops->q_close(q);
	return r < 0 ? (e ? e->code : ERR_STORE) : ERR_OK;
}

static enum err_code
copy_count(struct store *st, const char *table, int64_t *n, struct err *e)
{
	struct buf	 b = BUF_INIT;
	struct store_q	*q;
	enum err_code	 rc;
	int		 r;

	*n = 0;
	buf_puts(&b, "SELECT count(*) FROM ");
	copy_ident(&b, table);
	if ((rc = buf_error(&b)) != ERR_OK) {
		buf_release(&b);
		return err_set(e, rc, "out of memory");
	}
	rc = st->ops->sql_open(st, buf_cstr(&b), NULL, 0, &q, e);
	buf_release(&b);
	if (rc != ERR_OK)
		return rc;
	if ((r = st->ops->q_next(q, e)) == 1)
		*n = st->ops->q_int(q, 0);
	st->ops->q_close(q);
	if (r < 0)
		return e ? e->code : ERR_STORE;
	return ERR_OK;
}

/* "SELECT c1, .. FROM t". */
static enum err_code
copy_select(const struct copy_table *t, struct buf *sel, struct err *e)
{
	size_t	 i;

	buf_puts(sel, "SELECT ");
	for (i = 0; i < t->ncols; i++) {
		if (i > 0)
			buf_puts(sel, ", ");
		copy_ident(sel, t->cols[i]);
	}
	buf_puts(sel, " FROM ");
	copy_ident(sel, t->name);
	if (buf_error(sel) != ERR_OK)
		return err_set(e, ERR_NOMEM, "out of memory");
	return ERR_OK;
}

/*
 * "INSERT INTO t (c1, ..) VALUES ($1, ..), ($n+1, ..).." for nrows rows.
 * SQLite gets anonymous "?" instead: it looks each "$n" up among the
 * names seen so far, which made a batch of 999 take longer than 999
 * statements of one row.
 */
static enum err_code
copy_insert(struct store *to, const struct copy_table *t, size_t nrows,
    struct buf *ins, struct err *e)
{
	int	 anon = strcmp(to->dialect->name, "sqlite") == 0;
	size_t	 i, r;

	buf_reset(ins);
	buf_puts(ins, "INSERT INTO ");
	copy_ident(ins, t->name);
	buf_puts(ins, " (");
	for (i = 0; i < t->ncols; i++) {
		if (i > 0)
			buf_puts(ins, ", ");
		copy_ident(ins, t->cols[i]);
	}
	buf_puts(ins, ") VALUES ");
	for (r = 0; r < nrows; r++) {
		buf_puts(ins, r > 0 ? ", (" : "(");
		for (i = 0; i < t->ncols; i++)
			if (anon)
				buf_puts(ins, i > 0 ? ", ?" : "?");
			else
				buf_printf(ins, "%s$%zu", i > 0 ? ", " : "",
				    r * t->ncols + i + 1);
		buf_putc(ins, ')');
	}
	if (buf_error(ins) != ERR_OK)
		return err_set(e, ERR_NOMEM, "out of memory");
	return ERR_OK;
}

/*
 * One batch of rows being copied: their values, and their text kept in
 * text (by offset, since text grows) until the batch is inserted.
 */
struct copy_batch {
	struct sval	*v;
	size_t		 nrows;
	struct buf	 text;
	struct buf	 ins;		/* the INSERT of a full batch */
	struct buf	 part;		/* ... of a last, shorter one */
};

/* Insert the batch's rows into to with one statement. */
static enum err_code
copy_flush(struct store *to, struct copy_table *t,
    struct copy_batch *b, size_t max, const struct store_copy_opts *o,
    struct err *e)
{
	const char	*sql;
	enum err_code	 rc;
	size_t		 i, n = b->nrows * t->ncols;

	if (b->nrows == 0)
		return ERR_OK;
	if (buf_error(&b->text) != ERR_OK)
		return err_set(e, buf_error(&b->text), "table \"%s\": %zu "
		    "rows too big to copy at once", t->name, b->nrows);
	for (i = 0; i < n; i++)
		if (b->v[i].type == SV_TEXT)
			b->v[i].t = b->text.data + b->v[i].i;
	if (b->nrows == max)
		sql = buf_cstr(&b->ins);
	else if ((rc = copy_insert(to, t, b->nrows, &b->part, e)) != ERR_OK)
		return rc;
	else
		sql = buf_cstr(&b->part);
	if ((rc = copy_exec(to, sql, b->v, n, e)) != ERR_OK) {
		err_prefix(e, "copying rows %" PRId64 "-%" PRId64 " of table "
		    "\"%s\" into %s", t->rows + 1, t->rows + (int64_t)b->nrows,
		    t->name, o->to_name);
		return rc;
	}
	t->rows += (int64_t)b->nrows;
	b->nrows = 0;
	buf_reset(&b->text);
	return ERR_OK;
}

/*
 * Copy the rows of one table, each value with the type it was read with
 * (SQLite keeps a type per value, not per column), COPY_BATCH_PARAMS
 * values to an INSERT: one statement per row would spend most of the time
 * preparing statements, or, on PostgreSQL, waiting for the server.
 */
static enum err_code
copy_table(struct store *from, struct store *to, struct copy_table *t,
    const struct store_copy_opts *o, struct err *e)
{
	struct copy_batch	 b;
	struct buf		 sel = BUF_INIT;
	struct store_q		*q = NULL;
	struct sval		*v;
	const char		*s;
	enum err_code		 rc;
	size_t			 i, max;
	int64_t			 next = STORE_COPY_PROGRESS;
	int			 r;

	memset(&b, 0, sizeof(b));
	t->rows = 0;
	if (t->ncols == 0)
		return ERR_OK;
	max = t->ncols >= COPY_BATCH_PARAMS ? 1 : COPY_BATCH_PARAMS / t->ncols;
	if ((b.v = calloc(max * t->ncols, sizeof(*b.v))) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	if ((rc = copy_select(t, &sel, e)) != ERR_OK ||
	    (rc = copy_insert(to, t, max, &b.ins, e)) != ERR_OK)
		goto out;
	if ((rc = from->ops->sql_open(from, buf_cstr(&sel), NULL, 0, &q, e))
	    != ERR_OK) {
		err_prefix(e, "reading table \"%s\" of %s", t->name,
		    o->from_name);
		goto out;
	}
	while ((r = from->ops->q_next(q, e)) == 1) {
		v = &b.v[b.nrows * t->ncols];
		for (i = 0; i < t->ncols; i++) {
			v[i].type = from->ops->q_type(q, (int)i);
			if (v[i].type == SV_INT)
				v[i].i = from->ops->q_int(q, (int)i);
			else if (v[i].type == SV_REAL)
				v[i].r = from->ops->q_real(q, (int)i);
			else if (v[i].type == SV_TEXT) {
				if ((s = from->ops->q_text(q, (int)i)) ==
				    NULL) {
					v[i].type = SV_NULL;
					continue;
				}
				v[i].i = (int64_t)b.text.len;
				buf_add(&b.text, s, strlen(s) + 1);
			}
		}
		if (++b.nrows == max &&
		    (rc = copy_flush(to, t, &b, max, o, e)) != ERR_OK)
			goto out;
		if (o->table != NULL && t->rows >= next) {
			o->table(o->arg, t->name, t->rows, 0);
			next += STORE_COPY_PROGRESS;
		}
	}
	if (r < 0) {
		rc = e ? e->code : ERR_STORE;
		err_prefix(e, "reading table \"%s\" of %s", t->name,
		    o->from_name);
		goto out;
	}
	rc = copy_flush(to, t, &b, max, o, e);
out:
	if (q != NULL)
		from->ops->q_close(q);
	buf_release(&sel);
	buf_release(&b.ins);
	buf_release(&b.part);
	buf_release(&b.text);
	free(b.v);
	return rc;
}

/* to may be written only when it holds no workspace, or when replacing. */
static enum err_code
copy_empty_to(struct store *to, const struct copy_table *t, size_t n,
    const struct store_copy_opts *o, struct err *e)
{
	struct buf	 b = BUF_INIT;
	enum err_code	 rc;
	int64_t		 rows;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (strcmp(t[i].name, COPY_VERSION_TABLE) == 0)
			continue;
		if ((rc = copy_count(to, t[i].name, &rows, e)) != ERR_OK)
			return rc;
		if (rows > 0 && !o->replace)
			return err_set(e, ERR_EXISTS, "%s already holds a "
			    "workspace (%" PRId64 " rows in table \"%s\"): "
			    "copy into a new database, or give --force to "
			    "replace it", o->to_name, rows, t[i].name);
	}
	if (!o->replace)
		return ERR_OK;
	/* children before parents, though the check waits for the commit */
	for (i = n; i-- > 0; ) {
		if (strcmp(t[i].name, COPY_VERSION_TABLE) == 0)
			continue;
		buf_reset(&b);
		buf_puts(&b, "DELETE FROM ");
		copy_ident(&b, t[i].name);
		if (buf_error(&b) != ERR_OK) {
			buf_release(&b);
			return err_set(e, ERR_NOMEM, "out of memory");
		}
		if ((rc = copy_exec(to, buf_cstr(&b), NULL, 0, e)) != ERR_OK) {
			err_prefix(e, "emptying table \"%s\" of %s",
			    t[i].name, o->to_name);
			buf_release(&b);
			return rc;
		}
	}
	buf_release(&b);
	return ERR_OK;
}

/* Every table's count, read again on both sides, is what was copied. */
static enum err_code
copy_verify(struct store *from, struct store *to, const struct copy_table *t,
    size_t n, const struct store_copy_opts *o, struct err *e)
{
	enum err_code	 rc;
	int64_t		 nf, nt;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (strcmp(t[i].name, COPY_VERSION_TABLE) == 0)
			continue;
		if ((rc = copy_count(from, t[i].name, &nf, e)) != ERR_OK ||
		    (rc = copy_count(to, t[i].name, &nt, e)) != ERR_OK)
			return rc;
		if (nf != t[i].rows || nt != t[i].rows)
			return err_set(e, ERR_STORE, "table \"%s\": %" PRId64
			    " rows in %s, %" PRId64 " copied, %" PRId64
			    " in %s", t[i].name, nf, o->from_name,
			    t[i].rows, nt, o->to_name);
	}
	return ERR_OK;
}

enum err_code
store_copy(struct store *from, struct store *to,
    const struct store_copy_opts *o, int64_t *rows, struct err *e)
{
	struct arena		 a = ARENA_INIT;
	struct copy_table	*ft, *tt;
	size_t			 nf, nt, i;
	int64_t			 total = 0;
	enum err_code		 rc;

	if (rows != NULL)
		*rows = 0;
	/*
	 * One snapshot of from, whatever writes to it meanwhile: SQLite's
	 * read transaction is one; PostgreSQL's default (read committed)
	 * takes a new one each statement.
	 */
	if ((rc = store_begin(from, e)) != ERR_OK)
		return rc;
	if (strcmp(from->dialect->name, "postgresql") == 0 &&
	    (rc = from->ops->exec_sql(from, "SET TRANSACTION ISOLATION "
	    "LEVEL REPEATABLE READ, READ ONLY", e)) != ERR_OK) {
		store_rollback(from);
		return rc;
	}
	if ((rc = store_begin(to, e)) != ERR_OK) {
		store_rollback(from);
		return rc;
	}
	if ((rc = to->ops->exec_sql(to, to->dialect->defer_fk, e)) != ERR_OK ||
	    (rc = copy_schema(from, &a, &ft, &nf, e)) != ERR_OK ||
	    (rc = copy_schema(to, &a, &tt, &nt, e)) != ERR_OK ||
	    (rc = copy_same_schema(ft, nf, tt, nt, o, e)) != ERR_OK ||
	    (rc = copy_empty_to(to, tt, nt, o, e)) != ERR_OK)
		goto fail;
	for (i = 0; i < nf; i++) {
		if (strcmp(ft[i].name, COPY_VERSION_TABLE) == 0)
			continue;
		if ((rc = copy_table(from, to, &ft[i], o, e)) != ERR_OK)
			goto fail;
		if ((rc = to->ops->ids_reset(to, ft[i].name, e)) != ERR_OK) {
			err_prefix(e, "%s: table \"%s\"", o->to_name,
			    ft[i].name);
			goto fail;
		}
		total += ft[i].rows;
		if (o->table != NULL)
			o->table(o->arg, ft[i].name, ft[i].rows, 1);
	}
	if ((rc = copy_verify(from, to, ft, nf, o, e)) != ERR_OK)
		goto fail;
	if ((rc = store_commit(to, e)) != ERR_OK) {
		/*
		 * SQLite keeps the transaction open when a deferred foreign
		 * key fails the COMMIT; store_commit has forgotten it.
		 */
		(void)to->ops->exec_sql(to, "ROLLBACK", NULL);
		err_prefix(e, "%s (is %s sound? see 'okrdesk db check')",
		    o->to_name, o->from_name);
		store_rollback(from);
		arena_release(&a);
		return rc;
	}
	store_rollback(from);
	arena_release(&a);
	if (rows != NULL)
		*rows = total;
	return ERR_OK;
fail:
	store_rollback(to);
	store_rollback(from);
	arena_release(&a);
	return rc;
}

enum err_code
store_check(struct store *st, const struct store_check_report *r,
    size_t *problems, int *checked, struct err *e)
{
	struct arena		 a = ARENA_INIT;
	struct copy_table	*t;
	struct store_q		*q = NULL;
	const char		*s;
	size_t			 n, i;
	int64_t			 rows;
	enum err_code		 rc;
	int			 k;

	*problems = 0;
	*checked = st->dialect->integrity != NULL;
	if ((rc = store_begin(st, e)) != ERR_OK)
		return rc;
	if ((rc = copy_schema(st, &a, &t, &n, e)) != ERR_OK)
		goto out;
	for (i = 0; i < n; i++) {
		if ((rc = copy_count(st, t[i].name, &rows, e)) != ERR_OK)
			goto out;
		if (r->table != NULL)
			r->table(r->arg, t[i].name, rows);
	}
	if (!*checked)
		goto out;
	if ((rc = st->ops->sql_open(st, st->dialect->integrity, NULL, 0, &q,
	    e)) != ERR_OK)
		goto out;
	while ((k = st->ops->q_next(q, e)) == 1) {
		s = st->ops->q_text(q, 0);
		(*problems)++;
		if (r->problem != NULL)
			r->problem(r->arg, s != NULL ? s : "a problem with no "
			    "description");
	}
	if (k < 0)
		rc = e ? e->code : ERR_STORE;
out:
	if (q != NULL)
		st->ops->q_close(q);
	store_rollback(st);
	arena_release(&a);
	return rc;
}

void
store_err_redact(struct err *e, const char *uri)
{
	struct buf	 b = BUF_INIT;
	char		 red[ERR_MSG_MAX];
	const char	*p, *hit;
	size_t		 n;

	if (e == NULL || uri == NULL || (n = strlen(uri)) == 0 ||
	    strstr(e->msg, uri) == NULL)
		return;
	store_uri_redact_into(uri, red, sizeof(red));
	for (p = e->msg; (hit = strstr(p, uri)) != NULL; p = hit + n) {
		buf_add(&b, p, (size_t)(hit - p));
		buf_puts(&b, red);
	}
	buf_puts(&b, p);
	snprintf(e->msg, sizeof(e->msg), "%s", buf_error(&b) == ERR_OK ?
	    buf_cstr(&b) : "(an error naming a database)");
	buf_release(&b);
}
