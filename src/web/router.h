/*
 * router.h: from a request to its route, and whether it may run.
 *
 * The route tables (http.h: struct route) are listed in route_tables
 * (web/routes.c).  router_find() matches method and path: a pattern's
 * '*' matches one segment, decoded into req->args; a path no pattern
 * matches is a 404, a path that matches only under other methods a 405
 * with the Allow header's value.  router_authorize() then applies the
 * route's minimum role and, for writing routes used with a cookie
 * session, the CSRF token.
 *
 * Ownership: matches point into the const tables; args live in the
 * request arena.
 */
#ifndef WEB_ROUTER_H
#define WEB_ROUTER_H

#include <stddef.h>

#include "web/http.h"

/* The tables the server consults, in order, NULL-terminated. */
extern const struct route *const route_tables[];

struct router_match {
	const struct route	*route;		/* NULL unless status 200 */
	size_t			 index;		/* the route's number over all
						   tables (router_count) */
	int			 status;	/* 200, 400, 404 or 405 */
	char			 allow[64];	/* for a 405: "GET, HEAD" */
};

/* How many routes the tables hold (indexes for per-route counters). */
size_t	router_count(const struct route *const *tables);

/*
 * Match method m (HTTP_METHOD__MAX for a method no route can have) and
 * path, undecoded as it came in the request line, without the query.
 * Each segment is decoded on its own, so "%2F" inside a segment stays in
 * that segment's arg.  On a match, req->args and req->nargs are set.
 * Returns the status also left in out->status: 200; 404 no route for the
 * path; 405 other methods only (out->allow lists them, HEAD beside GET);
 * 400 a badly encoded segment.
 */
int	router_find(const struct route *const *tables, enum http_method m,
	    const char *rawpath, struct http_req *req,
	    struct router_match *out);

/*
 * May req run route?  Anonymous on a route needing a role: 401 (an API
 * route answers with the JSON error; a page redirects with 303 to
 * /login?next=PATH).  Signed in below the route's role: 403.  A
 * ROUTE_WRITE route called with a cookie session (req->user set, not
 * via_token) must carry req->csrf as the form field "csrf" or as the
 * X-CSRF-Token header (csrf_header, NULL if absent): else 403.
 * Returns 0 to go ahead, else the status it filled resp with.
 */
int	router_authorize(struct http_req *req, struct http_resp *resp,
	    const struct route *route, const char *csrf_header);

/*
 * Fill resp with an error in the route's kind: an HTML page for a
 * ROUTE_PAGE route, the JSON error shape otherwise (and when route is
 * NULL: an unmatched path).  Returns status.
 */
int	router_error(struct http_resp *resp, const struct route *route,
	    int status, const char *code, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));

#endif /* WEB_ROUTER_H */
