/*
 * pg_listen.c: listening to store_notify from other processes
 * (store_listen), on a PostgreSQL connection of its own: LISTEN okrdesk,
 * then poll its socket.  A connection lost is made again on the next wait.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_int.h"

struct store_listener {
	PGconn		*conn;
	char		*uri;
	char		*name;
};

static enum err_code
pg_listen_connect(struct store_listener *l, struct err *e)
{
	PGresult	*res;
	char		 cm[512];
	enum err_code	 rc = ERR_OK;

	PQfinish(l->conn);
	l->conn = PQconnectdb(l->uri);
	if (PQstatus(l->conn) != CONNECTION_OK)
		return err_set(e, ERR_IO, "cannot connect to %s: %s", l->name,
		    pg_conn_msg(l->conn, cm, sizeof(cm)));
	PQsetNoticeProcessor(l->conn, pg_quiet, NULL);
	res = PQexec(l->conn, "LISTEN okrdesk");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = err_set(e, ERR_IO, "%s: listen: %s", l->name,
		    pg_conn_msg(l->conn, cm, sizeof(cm)));
	PQclear(res);
	return rc;
}

enum err_code
pg_listen(const char *uri, struct store_listener **out, struct err *e)
{
	struct store_listener	*l;
	enum err_code		 rc;

	if ((l = calloc(1, sizeof(*l))) == NULL ||
	    (l->uri = strdup(uri)) == NULL ||
	    (l->name = store_uri_redact(uri)) == NULL) {
		if (l != NULL)
			free(l->uri);
		free(l);
		return err_set(e, ERR_NOMEM, "out of memory");
	}
	if ((rc = pg_listen_connect(l, e)) != ERR_OK) {
		pg_listen_close(l);
		return rc;
	}
	*out = l;
	return ERR_OK;
}

/* A notification already received, into buf: 1, else 0. */
static int
pg_listen_take(struct store_listener *l, char *buf, size_t bufsz)
{
	PGnotify	*n;

	if ((n = PQnotifies(l->conn)) == NULL)
		return 0;
	snprintf(buf, bufsz, "%s", n->extra);
	PQfreemem(n);
	return 1;
}

int
pg_listen_wait(struct store_listener *l, int ms, char *buf, size_t bufsz,
    struct err *e)
{
	struct pollfd	 pfd;
	char		 cm[512];
	int		 r;

	if (PQstatus(l->conn) != CONNECTION_OK &&
	    pg_listen_connect(l, e) != ERR_OK)
		return -1;
	if (pg_listen_take(l, buf, bufsz))
		return 1;
	pfd.fd = PQsocket(l->conn);
	pfd.events = POLLIN;
	if ((r = poll(&pfd, 1, ms)) < 0) {
		if (errno == EINTR)
			return 0;
		err_set(e, ERR_IO, "%s: poll: %s", l->name, strerror(errno));
		return -1;
	}
	if (r == 0)
		return 0;
	if (PQconsumeInput(l->conn) != 1) {
		err_set(e, ERR_IO, "%s: %s", l->name,
		    pg_conn_msg(l->conn, cm, sizeof(cm)));
		return -1;
	}
	return pg_listen_take(l, buf, bufsz);
}

void
pg_listen_close(struct store_listener *l)
{
	PQfinish(l->conn);
	free(l->uri);
	free(l->name);
	free(l);
}
