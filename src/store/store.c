/*
 * store.c: the backend-independent half of the store interface: choosing a
 * backend by URI, binding parameters from type strings, transactions and
 * schema migration.  See store.h.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "store/backend.h"

const char *const stmt_names[STMT__MAX] = {
#define X(n) #n,
	STMT_LIST(X)
#undef X
};

enum err_code
store_open(const char *uri, enum store_open_mode mode, struct store **out,
    struct err *e)
{
	if (uri == NULL || *uri == '\0')
		return err_set(e, ERR_USAGE, "no database given");
	if (store_uri_is_pg(uri))
		return pg_open(uri, mode, out, e);
	return sqlite_open(uri, mode, out, e);
}

enum err_code
store_remove(const char *uri, struct err *e)
{
	if (uri == NULL || *uri == '\0')
		return err_set(e, ERR_USAGE, "no database given");
	if (store_uri_is_pg(uri))
		return pg_remove(uri, e);
	return sqlite_remove(uri, e);
}

/* Append s[0..n) with the value of every "password=" parameter hidden. */
static void
redact_query(struct buf *b, const char *s, size_t n)
{
	size_t	 i = 0, j, k;

	while (i < n) {
		for (j = i; j < n && s[j] != '&'; j++)
			;
		if (j - i >= 9 && strncasecmp(s + i, "password=", 9) == 0) {
			buf_puts(b, "password=***");
		} else {
			for (k = i; k < j; k++)
				buf_putc(b, s[k]);
		}
		if (j < n)
			buf_putc(b, '&');
		i = j + 1;
	}
}

const char *
store_uri_redact_into(const char *uri, char *out, size_t outsz)
{
	struct buf	 b = BUF_INIT;
	const char	*auth, *end, *at, *colon, *q;

	if (outsz == 0)
		return out;
	if (uri == NULL || !store_uri_is_pg(uri)) {
		snprintf(out, outsz, "%s", uri ? uri : "");
		return out;
	}
	auth = strstr(uri, "://") + 3;
	end = auth + strcspn(auth, "/?#");
	/* the last '@' ends the user part: a password may hold an '@' */
	for (at = NULL, q = auth; q < end; q++)
		if (*q == '@')
			at = q;
	colon = at != NULL ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (colon != NULL) {
		buf_add(&b, uri, (size_t)(colon - uri));
		buf_puts(&b, ":***");
		buf_add(&b, at, (size_t)(end - at));
	} else
		buf_add(&b, uri, (size_t)(end - uri));
	if ((q = strchr(end, '?')) != NULL) {
		buf_add(&b, end, (size_t)(q + 1 - end));
		redact_query(&b, q + 1, strcspn(q + 1, "#"));
		buf_puts(&b, q + 1 + strcspn(q + 1, "#"));
	} else
		buf_puts(&b, end);
	if (buf_error(&b) != ERR_OK)
		snprintf(out, outsz, "(a PostgreSQL database)");
	else
		snprintf(out, outsz, "%s", buf_cstr(&b));
	buf_release(&b);
	return out;
}

char *
store_uri_redact(const char *uri)
{
	char	 buf[2048];

	return strdup(store_uri_redact_into(uri, buf, sizeof(buf)));
}

int
store_uri_is_pg(const char *uri)
{
	return uri != NULL && (strncmp(uri, "postgresql://", 13) == 0 ||
	    strncmp(uri, "postgres://", 11) == 0);
}

const char *
store_backend_name(const struct store *st)
{
	return st->dialect->name;
}

enum err_code
store_notify(struct store *st, const char *topic, struct err *e)
{
	return st->ops->notify(st, topic, e);
}

enum err_code
store_listen(const char *uri, struct store_listener **out, struct err *e)
{
	if (!store_uri_is_pg(uri))
		return err_set(e, ERR_INVAL, "%s: only a PostgreSQL database "
		    "can be listened to", uri);
	return pg_listen(uri, out, e);
}

int
store_listen_wait(struct store_listener *l, int ms, char *buf, size_t bufsz,
    struct err *e)
{
	return pg_listen_wait(l, ms, buf, bufsz, e);
}

void
store_listen_close(struct store_listener *l)
{
	if (l != NULL)
		pg_listen_close(l);
}

enum err_code
store_load_begin(struct store *st, enum stmt upsert, const char *table,
    const char *const *cols, size_t ncols, struct err *e)
{
	if (!st->in_tx)
		return err_set(e, ERR_INTERNAL, "%s: a bulk load outside a "
		    "transaction", table);
	return st->ops->load_begin(st, upsert, table, cols, ncols, e);
}

enum err_code
store_load_row(struct store *st, const struct sval *v, size_t n,
    struct err *e)
{
	return st->ops->load_row(st, v, n, e);
}

enum err_code
store_load_end(struct store *st, struct err *e)
{
	return st->ops->load_end(st, e);
}

void
store_load_abort(struct store *st)
{
	st->ops->load_abort(st);
}

void
store_close(struct store *st)
{
	if (st != NULL)
		st->ops->close(st);
}

int
store_schema_found(const struct store *st)
{
	return st->schema_found;
}

enum err_code
store_begin(struct store *st, struct err *e)
{
	enum err_code	 rc;

	if ((rc = st->ops->exec_sql(st, st->dialect->begin, e)) == ERR_OK)
		st->in_tx = 1;
	return rc;
}

enum err_code
store_commit(struct store *st, struct err *e)
{
	enum err_code	 rc;

	/* a COMMIT refused (SQLite's deferred foreign keys) leaves the
	 * transaction open: the caller's store_rollback ends it */
	if ((rc = st->ops->exec_sql(st, "COMMIT", e)) == ERR_OK)
		st->in_tx = 0;
	return rc;
}

void
store_rollback(struct store *st)
{
	if (st->in_tx)
		(void)st->ops->exec_sql(st, "ROLLBACK", NULL);
	st->in_tx = 0;
}

/* Convert a type string and its arguments into svals. */
static enum err_code
bind_args(enum stmt id, const char *types, va_list ap, struct sval *v,
    size_t *n, struct err *e)
{
	size_t	 i;

	for (i = 0; types[i] != '\0'; i++) {
		if (i == STORE_MAX_PARAMS)
			return err_set(e, ERR_INTERNAL, "%s: too many "
			    "parameters", stmt_names[id]);
		memset(&v[i], 0, sizeof(v[i]));
		switch (types[i]) {
		case 'i':
			v[i].type = SV_INT;
			v[i].i = va_arg(ap, int64_t);
			break;
		case 'I':
			v[i].i = va_arg(ap, int64_t);
			v[i].type = v[i].i == 0 ? SV_NULL : SV_INT;
			break;
		case 'r':
			v[i].r = va_arg(ap, double);
			v[i].type = isnan(v[i].r) ? SV_NULL : SV_REAL;
			break;
		case 't':
			v[i].t = va_arg(ap, const char *);
			v[i].type = v[i].t == NULL ? SV_NULL : SV_TEXT;
			break;
		default:
			return err_set(e, ERR_INTERNAL, "%s: bad parameter "
			    "type '%c'", stmt_names[id], types[i]);
		}
	}
	*n = i;
	return ERR_OK;
}

enum err_code
store_q_open(struct store *st, enum stmt id, struct store_q **q,
    struct err *e, const char *types, ...)
{
	struct sval	 v[STORE_MAX_PARAMS];
	size_t		 n;
	va_list		 ap;
	enum err_code	 rc;

	va_start(ap, types);
	rc = bind_args(id, types, ap, v, &n, e);
	va_end(ap);
	if (rc != ERR_OK)
		return rc;
	return st->ops->q_open(st, id, v, n, q, e);
}

int
store_q_next(struct store_q *q, struct err *e)
{
	return q->st->ops->q_next(q, e);
}

int64_t
store_q_int(struct store_q *q, int col)
{
	return q->st->ops->q_int(q, col);
}

double
store_q_real(struct store_q *q, int col)
{
	return q->st->ops->q_real(q, col);
}

const char *
store_q_text(struct store_q *q, int col)
{
	return q->st->ops->q_text(q, col);
}

int
store_q_null(struct store_q *q, int col)
{
	return q->st->ops->q_null(q, col);
}

void
store_q_close(struct store_q *q)
{
	if (q != NULL)
		q->st->ops->q_close(q);
}

enum err_code
store_exec(struct store *st, enum stmt id, struct err *e,
    const char *types, ...)
{
	struct sval	 v[STORE_MAX_PARAMS];
	struct store_q	*q;
	size_t		 n;
	va_list		 ap;
	enum err_code	 rc;
	int		 r;

	va_start(ap, types);
	rc = bind_args(id, types, ap, v, &n, e);
	va_end(ap);
	if (rc != ERR_OK)
		return rc;
	if ((rc = st->ops->q_open(st, id, v, n, &q, e)) != ERR_OK)
		return rc;
	while ((r = st->ops->q_next(q, e)) == 1)
		;
	st->ops->q_close(q);
	return r == 0 ? ERR_OK : (e ? e->code : ERR_STORE);
}

enum err_code
store_int(struct store *st, enum stmt id, int64_t *out, struct err *e,
    const char *types, ...)
{
	struct sval	 v[STORE_MAX_PARAMS];
	struct store_q	*q;
	size_t		 n;
	va_list		 ap;
	enum err_code	 rc;
	int		 r;

	va_start(ap, types);
	rc = bind_args(id, types, ap, v, &n, e);
	va_end(ap);
	if (rc != ERR_OK)
		return rc;
	if ((rc = st->ops->q_open(st, id, v, n, &q, e)) != ERR_OK)
		return rc;
	if ((r = st->ops->q_next(q, e)) == 1)
		*out = st->ops->q_int(q, 0);
	/* drain, so that an INSERT ... RETURNING completes */
	while (r == 1 && (r = st->ops->q_next(q, e)) == 1)
		;
	st->ops->q_close(q);
	if (r < 0)
		return e ? e->code : ERR_STORE;
	return ERR_OK;
}

enum err_code
store_migrate(struct store *st, int found, struct err *e)
{
	enum err_code	 rc;
	int		 v;

	if (found > STORE_SCHEMA_VERSION)
		return err_set(e, ERR_VERSION, "this workspace was written by "
		    "a newer okrdesk (schema version %d; this okrdesk knows up "
		    "to %d): upgrade okrdesk to open it", found,
		    STORE_SCHEMA_VERSION);
	if (found == STORE_SCHEMA_VERSION)
		return ERR_OK;
	if ((rc = store_begin(st, e)) != ERR_OK)
		return rc;
	/* each migration ends by recording its own version */
	for (v = found; v < STORE_SCHEMA_VERSION; v++)
		if ((rc = st->ops->exec_ddl(st, store_migrations[v], e))
		    != ERR_OK) {
			err_prefix(e, "migrating the schema to version %d",
			    v + 1);
			store_rollback(st);
			return rc;
		}
	return store_commit(st, e);
}

enum err_code
store_exec_vals(struct store *st, enum stmt id, const struct sval *v,
    size_t n, struct err *e)
{
	return st->ops->exec_vals(st, id, v, n, e);
}
