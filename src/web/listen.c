/*
 * listen.c: the listener thread.  See listen.h.
 *
 * While the connection is lost (store_listen_wait -1; it reconnects on
 * the next wait) the copies fall back to polling, and everything is read
 * again once it is back, since notifications sent meanwhile are gone.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "okr/okr.h"
#include "store/store.h"
#include "web/kpicache.h"
#include "web/listen.h"

struct web_listen {
	struct store_listener	*l;
	pthread_t		 thread;
	atomic_int		 stop;
};

/* Whether the copies may trust the listener (or must poll). */
static void
trust(int on)
{
	okr_listening(on);
	kpicache_listening(on);
}

static void *
listen_main(void *arg)
{
	struct web_listen	*w = arg;
	struct timespec		 pause = { 0, 250 * 1000 * 1000 };
	struct err		 e;
	char			 topic[64];
	int			 r, up = 1;

	while (!atomic_load(&w->stop)) {
		err_clear(&e);
		/* a short wait: stopping never waits long */
		r = store_listen_wait(w->l, 250, topic, sizeof(topic), &e);
		if (r < 0) {
			if (up)
				fprintf(stderr, "okrdesk: listening for other "
				    "servers' changes: %s (polling until it "
				    "is back)\n", e.msg);
			if (up)
				trust(0);
			up = 0;
			nanosleep(&pause, NULL);
			continue;
		}
		if (!up)
			trust(1);
		up = 1;
		if (r == 0)
			continue;
		if (strcmp(topic, "okr") != 0)
			kpicache_invalidate();	/* "data", or unknown */
		if (strcmp(topic, "data") != 0)
			okr_invalidate();
	}
	return NULL;
}

struct web_listen *
web_listen_start(const char *uri)
{
	struct web_listen	*w;
	struct err		 e;

	if ((w = calloc(1, sizeof(*w))) == NULL)
		return NULL;
	err_clear(&e);
	if (store_listen(uri, &w->l, &e) != ERR_OK) {
		free(w);	/* SQLite: ERR_INVAL, and polling */
		return NULL;
	}
	if (pthread_create(&w->thread, NULL, listen_main, w) != 0) {
		store_listen_close(w->l);
		free(w);
		return NULL;
	}
	trust(1);
	return w;
}

void
web_listen_stop(struct web_listen *w)
{
	if (w == NULL)
		return;
	atomic_store(&w->stop, 1);
	pthread_join(w->thread, NULL);
	store_listen_close(w->l);
	free(w);
	trust(0);
}
