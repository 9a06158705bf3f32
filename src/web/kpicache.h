/*
 * kpicache.h: one KPI snapshot shared by the server's threads.
 *
 * Building a snapshot reads every dataset table (seconds at millions of
 * interactions), so the server keeps one, read-only, and rebuilds it only
 * when the data changed: when the latest import in the store's import log
 * is not the one the snapshot was built after (an import by this server,
 * by another server on the same database or by 'okrdesk import' in
 * another process).  A request holds a reference
 * while it computes, so a rebuild never frees a snapshot in use.
 *
 * Ownership: kpicache_get returns a reference the caller gives back with
 * kpicache_put.
 */
#ifndef WEB_KPICACHE_H
#define WEB_KPICACHE_H

#include "core/err.h"
#include "kpi/snapshot.h"
#include "okr/okr.h"

struct kpiref;

/* The current snapshot (built or rebuilt as needed), through ref. */
enum err_code	 kpicache_get(struct okr *, struct kpiref **,
		    const struct snap **, struct err *);
void		 kpicache_put(struct kpiref *);
/* Drop the cached snapshot (tests; server stop). */
void		 kpicache_clear(void);
/* The data changed (a "data" notification from another process): the
 * next kpicache_get reads the version.  Thread-safe. */
void		 kpicache_invalidate(void);
/* A listener now delivers (1) or no longer delivers (0) notifications:
 * while it does, kpicache_get reads the version only when invalidated or
 * a second after its last read, instead of on every call. */
void		 kpicache_listening(int on);

#endif /* WEB_KPICACHE_H */
