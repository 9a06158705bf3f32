/*
 * store.h: the one interface to the database.
 *
 * okr/ and cli/ talk to a struct store and nothing else: they open it by
 * URI, run named statements (store/stmt.h) with bound parameters, read rows
 * column by column, and wrap each command in one transaction.  A backend
 * (SQLite in sqlite.c, PostgreSQL in pg.c) implements struct store_ops
 * (backend.h); the choice is made by the URI ("postgresql://..." or a
 * file path) and is invisible above this line.
 *
 * Parameters are bound from a type string, one letter a parameter:
 *   i  int64_t            (a value)
 *   I  int64_t            (0 binds NULL: for optional foreign keys)
 *   r  double             (NAN binds NULL)
 *   t  const char *       (NULL binds NULL)
 *
 * Ownership: a struct store_q is owned by the store and valid until
 * store_q_close() or the next store_q_open() of the same statement; text
 * returned by store_q_text() is valid until the next store_q_next().
 */
#ifndef STORE_STORE_H
#define STORE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "store/stmt.h"

/* The newest schema this binary knows. */
#define STORE_SCHEMA_VERSION	7

struct store;
struct store_q;

enum store_open_mode {
	STORE_OPEN_EXISTING,	/* the workspace must exist */
	STORE_OPEN_CREATE	/* create the file and schema if missing */
};

/*
 * Open the store at uri: a path to an SQLite file, or a PostgreSQL
 * connection URI (postgresql://user@host:port/dbname?...).  Migrates an
 * older schema to STORE_SCHEMA_VERSION in one transaction; refuses a newer
 * one with ERR_VERSION.  STORE_OPEN_CREATE creates a missing file, or a
 * missing PostgreSQL database (through the server's "postgres" database).
 */
enum err_code	store_open(const char *uri, enum store_open_mode,
		    struct store **, struct err *);
void		store_close(struct store *);
/*
 * Remove the workspace at uri: the SQLite file with its -wal and -shm
 * files, or the PostgreSQL database (through the server's "postgres"
 * database; it must not be in use).  A missing one is not an error.
 */
enum err_code	store_remove(const char *uri, struct err *);

/* The schema version found when the store was opened (before migrating). */
int		store_schema_found(const struct store *);

/* Whether uri names a PostgreSQL database rather than an SQLite file. */
int		store_uri_is_pg(const char *uri);
/*
 * uri fit for messages and logs: a PostgreSQL password, if any (in the
 * user part or a "password=" parameter), replaced by "***"; a path
 * unchanged.  malloc'd: the caller frees; NULL when out of memory.
 */
char		*store_uri_redact(const char *uri);
/* The same into out (outsz bytes, NUL included), which it returns; a cut
 * never leaves a password half-shown, as it is replaced first. */
const char	*store_uri_redact_into(const char *uri, char *out,
		    size_t outsz);
/* "sqlite" or "postgresql". */
const char	*store_backend_name(const struct store *);

/*
 * Tell the other processes using this database that topic changed
 * ("data" after an import, "okr" after an edit of objectives and the
 * like).  On PostgreSQL a NOTIFY on channel "okrdesk", delivered when the
 * transaction commits (and dropped if it rolls back); on SQLite nothing,
 * since its readers are on one machine and poll.
 */
enum err_code	store_notify(struct store *, const char *topic,
		    struct err *);

/*
 * Listening to store_notify from other processes, on a connection of its
 * own (PostgreSQL only: ERR_INVAL on SQLite).  store_listen_wait blocks
 * up to ms milliseconds: 1 with the topic copied into buf, 0 on timeout,
 * -1 on error (e set; the listener reconnects on the next wait).
 */
struct store_listener;
enum err_code	store_listen(const char *uri, struct store_listener **,
		    struct err *);
int		store_listen_wait(struct store_listener *, int ms, char *buf,
		    size_t bufsz, struct err *);
void		store_listen_close(struct store_listener *);

enum err_code	store_begin(struct store *, struct err *);
enum err_code	store_commit(struct store *, struct err *);
void		store_rollback(struct store *);

/* Start a statement with its parameters; then store_q_next until 0. */
enum err_code	store_q_open(struct store *, enum stmt, struct store_q **,
		    struct err *, const char *types, ...);
/* 1: a row is ready; 0: no more rows; -1: error (in e). */
int		store_q_next(struct store_q *, struct err *);
int64_t		store_q_int(struct store_q *, int col);	/* NULL reads 0 */
double		store_q_real(struct store_q *, int col);	/* NULL reads NAN */
const char	*store_q_text(struct store_q *, int col);	/* NULL reads NULL */
int		store_q_null(struct store_q *, int col);
void		store_q_close(struct store_q *);

/* Run a statement to completion, ignoring rows. */
enum err_code	store_exec(struct store *, enum stmt, struct err *,
		    const char *types, ...);
/* Run a statement that returns one row whose first column is an int
 * (an INSERT ... RETURNING id, a count); with no row it returns ERR_OK
 * and leaves *out as it was, so the caller presets it (an UPDATE ...
 * RETURNING version that matched nothing leaves its -1). */
enum err_code	store_int(struct store *, enum stmt, int64_t *out,
		    struct err *, const char *types, ...);

/*
 * One parameter value, for callers that bind a row at a time (the
 * importer): SV_NULL, SV_INT (i), SV_REAL (r) or SV_TEXT (t, borrowed for
 * the duration of the call).
 */
enum sval_type { SV_NULL, SV_INT, SV_REAL, SV_TEXT };

struct sval {
	enum sval_type	 type;
	int64_t		 i;
	double		 r;
	const char	*t;
};

/* Run a statement with n parameters given as values, ignoring rows: the
 * fast path for bulk writes (no format string, text bound without a copy). */
enum err_code	store_exec_vals(struct store *, enum stmt, const struct sval *,
		    size_t n, struct err *);

/*
 * Bulk loading, for the importer: rows of one dataset table, each upserted
 * by its primary key exactly as the statement upsert would (a later row
 * with the same key replaces an earlier one).  table and cols name the
 * table and the columns in the order of upsert's parameters.  SQLite runs
 * upsert per row; PostgreSQL streams the rows through COPY.  Must run
 * inside a transaction; nothing is visible before store_load_end.
 */
enum err_code	store_load_begin(struct store *, enum stmt upsert,
		    const char *table, const char *const *cols, size_t ncols,
		    struct err *);
enum err_code	store_load_row(struct store *, const struct sval *, size_t n,
		    struct err *);
enum err_code	store_load_end(struct store *, struct err *);
/* Abandon a load (the caller rolls back). */
void		store_load_abort(struct store *);

#endif /* STORE_STORE_H */
