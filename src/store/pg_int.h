/*
 * pg_int.h: what the files of the PostgreSQL backend share (private to
 * store/): pg.c (connections, statements, queries, the migrations'
 * translation), pg_bulk.c (COPY loads and whole-table access) and
 * pg_listen.c (notifications from other processes).
 */
#ifndef STORE_PG_INT_H
#define STORE_PG_INT_H

#include <stdint.h>
#include <stdio.h>

#include <libpq-fe.h>

#include "core/buf.h"
#include "store/backend.h"

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

/* libpq's message of c, its first line only, into buf. */
const char	*pg_conn_msg(PGconn *c, char *buf, size_t sz);
/* Map a failed result (or the connection's state) to an error. */
enum err_code	 pg_err(struct pg_store *, const PGresult *, const char *what,
		    struct err *);
/* Run SQL without parameters; any result but an error is fine. */
enum err_code	 pg_run(struct pg_store *, const char *sql, const char *what,
		    struct err *);
/* A notice processor that drops NOTICEs. */
void		 pg_quiet(void *, const char *);
/* Make a connection lost between transactions again: 1 if it was. */
int		 pg_alive(struct pg_store *);
/* Parameters as text, numbers written into nb. */
void		 pg_params(const struct sval *, size_t, const char **,
		    char (*nb)[32]);
void		 pg_q_reset(struct pg_q *);
void		 pg_load_free(struct pg_load *);

/* pg_bulk.c: the store_ops of bulk loads and whole-table access. */
enum err_code	 pg_load_begin(struct store *, enum stmt, const char *,
		    const char *const *, size_t, struct err *);
enum err_code	 pg_load_row(struct store *, const struct sval *, size_t,
		    struct err *);
enum err_code	 pg_load_end(struct store *, struct err *);
void		 pg_load_abort(struct store *);
enum err_code	 pg_sql_open(struct store *, const char *,
		    const struct sval *, size_t, struct store_q **,
		    struct err *);
int		 pg_q_ncols(struct store_q *);
const char	*pg_q_name(struct store_q *, int);
enum sval_type	 pg_q_type(struct store_q *, int);
enum err_code	 pg_ids_reset(struct store *, const char *, struct err *);

#endif /* STORE_PG_INT_H */
