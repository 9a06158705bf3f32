/*
 * copy.h: moving a whole workspace between databases, and checking one.
 *
 * store_copy() copies every table of one open store into another (SQLite
 * to PostgreSQL and back), store_check() counts every table's rows and
 * runs the engine's integrity and foreign-key checks.  Both are generic
 * over the schema: they read the list of tables and columns from the
 * database itself (store/backend.h, struct store_dialect), so a table
 * added by a new migration is copied and checked without a change here.
 *
 * Ownership: every string handed to a callback is borrowed for the
 * duration of the call; the stores stay the caller's.
 */
#ifndef STORE_COPY_H
#define STORE_COPY_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* Rows copied between two calls of store_copy_opts.table with done 0. */
#define STORE_COPY_PROGRESS	100000

/*
 * What to copy and whom to tell.  from_name and to_name name the two
 * databases in messages: pass them through store_uri_redact_into() (store.h) first.
 * table, when not NULL, is called every STORE_COPY_PROGRESS rows of a
 * table with done 0, and once when the table is copied with done 1 and
 * its row count.
 */
struct store_copy_opts {
	const char	*from_name;
	const char	*to_name;
	int		 replace;	/* replace what to holds */
	void		(*table)(void *arg, const char *table, int64_t rows,
			    int done);
	void		*arg;
};

/*
 * Copy every table of from into to, in one transaction on to: ids kept,
 * each value with the type it was read with, foreign keys checked at
 * commit (team.lead_id -> person and person.team_id -> team form a
 * cycle), identity sequences moved past the copied ids, and every
 * table's row count verified on both sides before the commit.  Both
 * stores must be open (store_open migrates each to the current schema)
 * and have the same tables and columns.  to must hold no workspace (no
 * row in any table but schema_version) unless opts->replace, which
 * empties it inside the same transaction.  from is read in one
 * transaction, so a writer busy on it cannot tear the copy.  On any
 * failure to is left exactly as it was.  *rows (may be NULL) gets the
 * number of rows copied.
 */
enum err_code	store_copy(struct store *from, struct store *to,
		    const struct store_copy_opts *opts, int64_t *rows,
		    struct err *e);

/*
 * What store_check() found: table is called once a table with its row
 * count, problem once a problem with a line of text (a corrupt page, a
 * foreign key pointing nowhere).
 */
struct store_check_report {
	void		(*table)(void *arg, const char *table,
			    int64_t rows);
	void		(*problem)(void *arg, const char *what);
	void		*arg;
};

/*
 * Count the rows of every table of st and run its engine's integrity
 * and foreign-key checks, in one read transaction.  *problems gets the
 * number of problems reported; *checked is 0 when this backend has no
 * integrity query (struct store_dialect.integrity is NULL: PostgreSQL
 * enforces its foreign keys as it writes), 1 otherwise.  Returns an
 * error only when the checks could not run.
 */
enum err_code	store_check(struct store *st,
		    const struct store_check_report *r, size_t *problems,
		    int *checked, struct err *e);

/*
 * Replace every occurrence of uri in e's message by its redacted form,
 * for messages written below this layer that quote the URI whole.
 */
void		store_err_redact(struct err *e, const char *uri);

#endif /* STORE_COPY_H */
