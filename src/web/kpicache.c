/*
 * kpicache.c: the shared snapshot, its version and its references.
 */
#include <pthread.h>
#include <stdlib.h>

#include "kpi/load.h"
#include "web/kpicache.h"

struct kpiref {
	struct snap	*snap;
	int64_t		 version;	/* import_log id it was built after */
	int		 refs;		/* the cache's own, plus requests' */
};

static pthread_mutex_t	 lock = PTHREAD_MUTEX_INITIALIZER;
static struct kpiref	*current;

static void
unref(struct kpiref *r)		/* with the lock held */
{
	if (r != NULL && --r->refs == 0) {
		snap_free(r->snap);
		free(r);
	}
}

enum err_code
kpicache_get(struct okr *o, struct kpiref **out, const struct snap **snap,
    struct err *e)
{
	struct kpiref	*r;
	int64_t		 version = 0;
	enum err_code	 rc;

	*out = NULL;
	*snap = NULL;
	if ((rc = store_int(o->st, STMT_IMPORT_LOG_LAST, &version, e, ""))
	    != ERR_OK)
		return rc;
	pthread_mutex_lock(&lock);
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
