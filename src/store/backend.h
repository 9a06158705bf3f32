/*
 * backend.h: what a storage backend implements (private to store/).
 *
 * store.c turns the type-string parameters of the public interface into an
 * array of struct sval and dispatches to the backend's operations.  A
 * backend embeds struct store as its first member.
 */
#ifndef STORE_BACKEND_H
#define STORE_BACKEND_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define STORE_MAX_PARAMS	32



struct store_ops {
	void		(*close)(struct store *);
	enum err_code	(*exec_sql)(struct store *, const char *, struct err *);
	enum err_code	(*q_open)(struct store *, enum stmt,
			    const struct sval *, size_t, struct store_q **,
			    struct err *);
	int		(*q_next)(struct store_q *, struct err *);
	int64_t		(*q_int)(struct store_q *, int);
	double		(*q_real)(struct store_q *, int);
	const char	*(*q_text)(struct store_q *, int);
	int		(*q_null)(struct store_q *, int);
	void		(*q_close)(struct store_q *);
	enum err_code	(*exec_vals)(struct store *, enum stmt,
			    const struct sval *, size_t, struct err *);
	/* a schema migration: SQLite's dialect, translated as needed */
	enum err_code	(*exec_ddl)(struct store *, const char *, struct err *);
	enum err_code	(*notify)(struct store *, const char *, struct err *);
	/* bulk loading (store.h, store_load_*) */
	enum err_code	(*load_begin)(struct store *, enum stmt, const char *,
			    const char *const *, size_t, struct err *);
	enum err_code	(*load_row)(struct store *, const struct sval *,
			    size_t, struct err *);
	enum err_code	(*load_end)(struct store *, struct err *);
	void		(*load_abort)(struct store *);
	/*
	 * Whole-table access for copying and checking a workspace
	 * (store/copy.c): one-off SQL with parameters, whose store_q the
	 * caller closes with q_close (which frees it); the columns of a row
	 * by number, name and type (SV_NULL for a NULL value).
	 */
	enum err_code	(*sql_open)(struct store *, const char *,
			    const struct sval *, size_t, struct store_q **,
			    struct err *);
	int		(*q_ncols)(struct store_q *);
	const char	*(*q_name)(struct store_q *, int);
	enum sval_type	(*q_type)(struct store_q *, int);
	/* after rows were copied in with their ids: the next new id of
	 * table follows the largest (PostgreSQL's identity sequences) */
	enum err_code	(*ids_reset)(struct store *, const char *,
			    struct err *);
};

/* The SQL that differs between engines, for store/copy.c. */
struct store_dialect {
	const char	*name;		/* "sqlite", "postgresql" */
	const char	*tables;	/* -> table name, in creation order */
	const char	*columns;	/* $1 table -> column name, in order */
	const char	*defer_fk;	/* foreign keys checked at commit */
	/* -> one row a problem (a line of text), none when the database
	 * is sound; NULL when the engine needs no such check */
	const char	*integrity;
	/* a transaction that will write: SQLite takes its write lock at
	 * once (a deferred one that read first and then found another
	 * process had written could not write at all: SQLITE_BUSY_SNAPSHOT,
	 * no busy wait), so the busy timeout queues writers */
	const char	*begin;
};

struct store {
	const struct store_ops		*ops;
	const struct store_dialect	*dialect;
	int				 schema_found;
	int				 in_tx;
};

struct store_q {
	struct store		*st;
	enum stmt		 id;
};

/* The SQL text of each statement, with $1.. placeholders (sql.c). */
extern const char *const stmt_sql[STMT__MAX];

/* Schema migrations: migrations[v - 1] brings version v-1 to v. */
extern const char *const store_migrations[STORE_SCHEMA_VERSION];

/* Bring an open store to STORE_SCHEMA_VERSION (store.c, shared). */
enum err_code	store_migrate(struct store *, int found, struct err *);

enum err_code	sqlite_open(const char *, enum store_open_mode,
		    struct store **, struct err *);
enum err_code	sqlite_remove(const char *, struct err *);
enum err_code	pg_remove(const char *, struct err *);
enum err_code	pg_open(const char *, enum store_open_mode,
		    struct store **, struct err *);
enum err_code	pg_listen(const char *, struct store_listener **,
		    struct err *);
int		pg_listen_wait(struct store_listener *, int, char *, size_t,
		    struct err *);
void		pg_listen_close(struct store_listener *);

#endif /* STORE_BACKEND_H */
