/*
 * store.h: the one interface to the database.
 *
 * okr/ and cli/ talk to a struct store and nothing else: they open it by
 * URI, run named statements (store/stmt.h) with bound parameters, read rows
 * column by column, and wrap each command in one transaction.  A backend
 * (SQLite today, PostgreSQL later) implements struct store_backend; the
 * choice is made by the URI ("postgresql://..." or a file path) and is
 * invisible above this line.
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

#include <stdint.h>

#include "core/err.h"
#include "store/stmt.h"

/* The newest schema this binary knows. */
#define STORE_SCHEMA_VERSION	6

struct store;
struct store_q;

enum store_open_mode {
	STORE_OPEN_EXISTING,	/* the workspace must exist */
	STORE_OPEN_CREATE	/* create the file and schema if missing */
};

/*
 * Open the store at uri: a path to an SQLite file, or (later)
 * postgresql://...  Migrates an older schema to STORE_SCHEMA_VERSION in one
 * transaction; refuses a newer one with ERR_VERSION.
 */
enum err_code	store_open(const char *uri, enum store_open_mode,
		    struct store **, struct err *);
void		store_close(struct store *);

/* The schema version found when the store was opened (before migrating). */
int		store_schema_found(const struct store *);

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
 * (an INSERT ... RETURNING id, a count); ERR_NOTFOUND if no row. */
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

/* Backend contract (for store/ only). */
struct store_backend {
	const char	*name;
	enum err_code	(*open)(const char *uri, enum store_open_mode,
			    struct store **, struct err *);
};

#endif /* STORE_STORE_H */
