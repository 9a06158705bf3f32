/*
 * listen.h: hearing other servers' writes, for a server that shares its
 * database (PostgreSQL) with others.
 *
 * One thread per server waits on the store's notifications (store.h's
 * store_listen: "okr" after an edit, "data" after an import) and marks
 * stale what the server keeps between requests: every connection's
 * workspace settings (okr_invalidate) and the KPI snapshot
 * (kpicache_invalidate).  While it runs those copies trust its silence
 * instead of polling the store on every request.
 *
 * Ownership: web_listen_start returns a listener that web_listen_stop
 * stops and frees.
 */
#ifndef WEB_LISTEN_H
#define WEB_LISTEN_H

struct web_listen;

/* Start listening to the database at uri; NULL when the store cannot be
 * listened to (SQLite) or the thread cannot start: then the copies poll,
 * which is correct, only dearer. */
struct web_listen	*web_listen_start(const char *uri);
/* Stop the thread and go back to polling (NULL: nothing). */
void			 web_listen_stop(struct web_listen *);

#endif /* WEB_LISTEN_H */
