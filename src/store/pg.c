/*
 * pg.c: the PostgreSQL backend of the store (being built).
 */
#include <stdio.h>

#include "store/backend.h"

enum err_code
pg_open(const char *uri, enum store_open_mode mode, struct store **out,
    struct err *e)
{
	(void)mode;
	(void)out;
	return err_set(e, ERR_INVAL, "%s: the PostgreSQL backend is not "
	    "built into this okrdesk yet", uri);
}

enum err_code
pg_listen(const char *uri, struct store_listener **out, struct err *e)
{
	(void)out;
	return err_set(e, ERR_INVAL, "%s: the PostgreSQL backend is not "
	    "built into this okrdesk yet", uri);
}

int
pg_listen_wait(struct store_listener *l, int ms, char *buf, size_t bufsz,
    struct err *e)
{
	(void)l;
	(void)ms;
	(void)buf;
	(void)bufsz;
	(void)e;
	return -1;
}

void
pg_listen_close(struct store_listener *l)
{
	(void)l;
}
