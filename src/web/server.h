/*
 * server.h: okrdesk's HTTP server on libmicrohttpd.
 *
 * server_start() binds the listening socket itself (so a busy port is a
 * clear error), opens one workspace per worker thread (one SQLite
 * connection each) and starts libmicrohttpd with a thread pool.  Every
 * request becomes a struct http_req (http.h) in its own arena; the
 * authenticate hook runs, the router finds the route and checks its role
 * and CSRF token, a ROUTE_WRITE route runs inside okr_begin/okr_commit
 * (rolled back when the status is >= 400), and the response goes out
 * with the security headers.  server_stop() stops accepting, lets the
 * requests in flight finish, and closes the workspaces.
 *
 * Per-route counters and latency histograms are kept for /metrics
 * (server_stats_*).  One process runs one server.
 *
 * Ownership: struct server is opaque, from server_start to server_stop;
 * the options' strings must outlive it.
 */
#ifndef WEB_SERVER_H
#define WEB_SERVER_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "web/http.h"

#define SERVER_LISTEN_DEFAULT	"127.0.0.1:8080"
#define SERVER_MAX_BODY_DEFAULT	((size_t)10 << 20)	/* 10 MiB */
#define SERVER_MAX_HEADER_DEFAULT ((size_t)64 << 10)	/* per connection */
#define SERVER_TIMEOUT_DEFAULT	30			/* idle seconds */
#define SERVER_GRACE_DEFAULT	30	/* seconds to finish on stop */

struct server_opts {
	const char	*db;		/* the workspace database */
	const char	*listen;	/* "ADDR:PORT", "[::1]:PORT"; port 0
					   picks a free one; NULL: default */
	unsigned	 threads;	/* 0: 2 x online cores */
	size_t		 max_body;	/* 0: SERVER_MAX_BODY_DEFAULT */
	size_t		 max_header;	/* connection memory: request line +
					   headers; 0: the default */
	unsigned	 timeout;	/* idle connection seconds; 0: default */
	int		 quiet;		/* no request log on stderr */
	/* The route tables; NULL: route_tables (web/routes.c). */
	const struct route *const *tables;
	/*
	 * Called before routing with the request's cookie_session, bearer
	 * and remote_ip filled in: sets req->user (and req->csrf for a
	 * cookie session) or leaves them NULL for an anonymous request.
	 * Returns 0, or an HTTP status to answer with at once (401 for a
	 * forged or expired token, 429, 500) with the message in err.
	 * NULL: everyone is anonymous.
	 */
	int		(*authenticate)(struct http_req *, struct err *);
};

struct server;

/* Bind, open the workspaces, start serving.  ERR_USAGE for a bad listen
 * address, ERR_IO when the port is busy or cannot be bound. */
enum err_code	server_start(const struct server_opts *, struct server **,
		    struct err *);
/* "http://127.0.0.1:8080/", with the port actually bound. */
const char	*server_url(const struct server *);
/* Stop accepting, give the requests in flight up to grace seconds to
 * finish, stop the threads, close the workspaces, free the server. */
void		server_stop(struct server *, unsigned grace);

/* ---- statistics, for /metrics ------------------------------------- */

#define SERVER_NBUCKETS	12
/* Upper bounds of the latency buckets in milliseconds; the last is
 * INFINITY (Prometheus' le="+Inf"). */
extern const double server_bucket_ms[SERVER_NBUCKETS];

struct server_route_stats {
	const char	*name;		/* the route's name; "unmatched" for
					   requests no route took */
	const char	*method;	/* "GET"..., "" for unmatched */
	const char	*pattern;
	uint64_t	 requests;
	uint64_t	 by_class[6];	/* [2] 2xx ... [5] 5xx */
	uint64_t	 bucket[SERVER_NBUCKETS];	/* not cumulative */
	double		 sum_ms;
};

/* How many rows the running server keeps: one per route and a last one
 * for unmatched requests; 0 when no server runs. */
size_t		server_stats_count(void);
/* A consistent copy of row i; -1 if out of range. */
int		server_stats_get(size_t i, struct server_route_stats *out);

#endif /* WEB_SERVER_H */
