/*
 * kpicache.c: the shared snapshot, its version and its references.
 *
 * The version is the latest import_log id.  Without a listener (SQLite)
 * every kpicache_get reads it: one small query, which also sees another
 * process's import at once.  With one (PostgreSQL's LISTEN, run by
 * web/server.c) a "data" notification marks the cache stale and the
 * version is read only then, or when a second has passed since the last
 * read: a notification lost while the listener reconnected, or an import
 * by an okrdesk that does not notify, still shows within a second.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "kpi/load.h"
#include "web/kpicache.h"

struct kpiref {
	struct snap	*snap;
	int64_t		 version;	/* import_log id it was built after */
	int		 refs;		/* the cache's own, plus requests' */
};

#define RECHECK_MS	1000	/* longest trust in a listener's silence */

static pthread_mutex_t	 lock = PTHREAD_MUTEX_INITIALIZER;
static struct kpiref	*current;
static int64_t		 checked_ms;	/* the version's last read, with lock */
static atomic_int	 listening;
static atomic_int	 stale = 1;

static int64_t
mono_ms(void)
{
	struct timespec	 t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void
unref(struct kpiref *r)		/* with the lock held */
{
	if (r != NULL && --r->refs == 0) {
		snap_free(r->snap);
		free(r);
	}
}

/* The current snapshot without asking the store, if trusted; else NULL. */
static struct kpiref *
trusted(int64_t now)
{
	struct kpiref	*r = NULL;

	if (!atomic_load(&listening) || atomic_load(&stale))
		return NULL;
	pthread_mutex_lock(&lock);
	if (current != NULL && now - checked_ms < RECHECK_MS) {
		current->refs++;
		r = current;
	}
	pthread_mutex_unlock(&lock);
	return r;
}

enum err_code
kpicache_get(struct okr *o, struct kpiref **out, const struct snap **snap,
    struct err *e)
{
	struct kpiref	*r;
	int64_t		 version = 0, now = mono_ms();
	enum err_code	 rc;

	*out = NULL;
	*snap = NULL;
	if ((r = trusted(now)) != NULL) {
		*out = r;
		*snap = r->snap;
		return ERR_OK;
	}
	/* cleared before the read: a notification after it counts again */
	atomic_store(&stale, 0);
	if ((rc = store_int(o->st, STMT_IMPORT_LOG_LAST, &version, e, ""))
	    != ERR_OK)
		return rc;
	pthread_mutex_lock(&lock);
	checked_ms = now;
	/* one builder at a time: others wait for its result rather than
	 * reading the tables twice */
	if (current == NULL || current->version != version) {
		if ((r = calloc(1, sizeof(*r))) == NULL) {
			pthread_mutex_unlock(&lock);
			return err_set(e, ERR_NOMEM, "out of memory");
		}
		if ((rc = kpi_load(o->st, &r->snap, e)) != ERR_OK) {
			pthread_mutex_unlock(&lock);
			free(r);
			return rc;
		}
		r->version = version;
		r->refs = 1;
		unref(current);
		current = r;
	}
	current->refs++;
	*out = current;
	*snap = current->snap;
	pthread_mutex_unlock(&lock);
	return ERR_OK;
}

void
kpicache_put(struct kpiref *r)
{
	if (r == NULL)
		return;
	pthread_mutex_lock(&lock);
	unref(r);
	pthread_mutex_unlock(&lock);
}

void
kpicache_clear(void)
{
	pthread_mutex_lock(&lock);
	unref(current);
	current = NULL;
	pthread_mutex_unlock(&lock);
}

void
kpicache_invalidate(void)
{
	atomic_store(&stale, 1);
}

void
kpicache_listening(int on)
{
	atomic_store(&listening, on != 0);
	atomic_store(&stale, 1);	/* what was missed meanwhile */
}
