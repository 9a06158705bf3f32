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
};

struct store {
	const struct store_ops	*ops;
	int			 schema_found;
	int			 in_tx;
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

#endif /* STORE_BACKEND_H */
