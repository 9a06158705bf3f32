/*
 * http.h: the web layer's request, response and route table.
 *
 * web/server.c (libmicrohttpd) turns each HTTP request into a struct
 * http_req, authenticates it (web/auth.c sets req->user), finds its route
 * in the route tables, checks the route's minimum role, runs the handler
 * inside a transaction when the route writes, and sends the struct
 * http_resp.  Handlers know nothing of libmicrohttpd: they read the
 * request, call okr/ and kpi/, and fill the response through the helpers
 * below.  Text for HTML goes through core/html.h, which escapes.
 *
 * Ownership: everything in a request, and everything a handler allocates
 * for its response, lives in req->arena, released after the response is
 * sent.
 */
#ifndef WEB_HTTP_H
#define WEB_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "okr/okr.h"

enum http_method { HTTP_GET, HTTP_POST, HTTP_PUT, HTTP_PATCH, HTTP_DELETE,
	HTTP_METHOD__MAX };

/* Who may call a route; a user's role is one of the last four. */
enum role { ROLE_ANON, ROLE_VIEWER, ROLE_MEMBER, ROLE_LEAD, ROLE_ADMIN,
	ROLE__MAX };

struct http_param {
	const char	*name;
	const char	*value;
};

/* The signed-in user (web/auth.c); NULL in http_req for anonymous. */
struct http_user {
	int64_t		 id;
	const char	*login;
	const char	*name;
	enum role	 role;
	const char	*team;		/* team name, or NULL */
	const char	*person;	/* person name, or NULL */
	const char	*lang;		/* "en", "ro" */
	int		 via_token;	/* a Bearer API token, not a cookie */
};

#define HTTP_MAX_ARGS	4

struct http_req {
	enum http_method	 method;
	const char		*path;		/* decoded, without the query */
	const struct http_param	*query;		/* decoded ?a=b&c=d */
	size_t			 nquery;
	const struct http_param	*form;		/* decoded form body */
	size_t			 nform;
	const char		*body;		/* the raw body, NUL-terminated */
	size_t			 bodylen;
	const char		*content_type;
	const char		*cookie_session;	/* okrdesk_session cookie */
	const char		*bearer;	/* Authorization: Bearer ... */
	const char		*accept_language;
	const char		*remote_ip;
	const char		*if_match;	/* If-Match: a version */
	const char		*args[HTTP_MAX_ARGS];	/* the route's '*'s */
	size_t			 nargs;
	const struct http_user	*user;		/* NULL: anonymous */
	const char		*csrf;		/* the session's CSRF token */
	const char		*lang;		/* chosen language, "en" */
	struct okr		*okr;		/* the workspace, now = request time */
	struct arena		*arena;		/* request lifetime */
};

#define HTTP_MAX_HEADERS	12

struct http_resp {
	int		 status;		/* 200 unless set */
	const char	*content_type;		/* "application/json" ... */
	struct buf	 body;
	struct http_param headers[HTTP_MAX_HEADERS];
	size_t		 nheaders;
	int		 rollback;		/* a ROUTE_WRITE that succeeded
						   but must write nothing
						   (a dry run) */
};

/* A decoded query or form value, or NULL. */
const char	*http_query(const struct http_req *, const char *name);
const char	*http_form(const struct http_req *, const char *name);

/* Add a response header (copied into the request arena). */
void		http_header(struct http_req *, struct http_resp *,
		    const char *name, const char *value);
/* A JSON body with status (steals j); returns 0. */
int		http_json(struct http_resp *, int status, json_t *j);
/*
 * The one error shape of the API, {"error":{"code","message","field"}},
 * with its status; code is a short word ("not_found", "invalid",
 * "forbidden"...), field may be NULL.  Returns 0.
 */
int		http_error(struct http_resp *, int status, const char *code,
		    const char *field, const char *fmt, ...)
		    __attribute__((format(printf, 5, 6)));
/* An okrdesk error as an API error: ERR_INVAL 422, ERR_USAGE 400,
 * ERR_NOTFOUND 404, ERR_EXISTS and ERR_CONFLICT 409, ERR_TOOBIG 413,
 * anything else 500 (with a generic message, details to the log). */
int		http_fail(struct http_resp *, const struct err *);
/* 303 See Other to location (after a form POST).  Returns 0. */
int		http_redirect(struct http_req *, struct http_resp *,
		    const char *location);

/* Route flags. */
#define ROUTE_API	0x01	/* JSON in and out; errors as JSON */
#define ROUTE_PAGE	0x02	/* HTML out; errors as an HTML page */
#define ROUTE_WRITE	0x04	/* runs in one transaction, rolled back on
				   a status >= 400; a cookie session must
				   carry the CSRF token (form field "csrf"
				   or header X-CSRF-Token) */
#define ROUTE_RAW	0x08	/* the handler sets everything (metrics) */

struct route {
	enum http_method	 method;
	const char		*pattern;	/* "/api/v1/objectives/ *"
						   (no space): '*' matches
						   one segment, into args */
	int			(*fn)(struct http_req *, struct http_resp *);
	enum role		 min_role;
	unsigned		 flags;
	const char		*name;		/* for /metrics: "objective_get" */
};

/* The route tables, each ending with a NULL pattern. */
extern const struct route api_routes[];		/* web/api*.c */
extern const struct route auth_routes[];	/* web/auth.c */


/* ---- additions (not in the first draft of this header) ------------- */

/* The /healthz route (web/health.c). */
extern const struct route health_routes[];

/* "GET", "POST"...; and the reverse (HEAD is not a route method: the
 * server routes it as GET and sends no body).  -1 if unknown. */
const char	*http_method_name(enum http_method);
int		 http_method_parse(const char *, enum http_method *);

/* "anonymous", "viewer", "member", "lead", "admin"; ROLE__MAX if unknown. */
const char	*http_role_name(enum role);
enum role	 http_role_parse(const char *);

/* "Not Found" for 404, "" if unknown. */
const char	*http_status_text(int status);

/*
 * Percent-decode s[0..n) into the arena ('+' is a space when plus_space,
 * as in forms and query strings).  A '%' not followed by two hex digits,
 * an encoded NUL and invalid UTF-8 are ERR_USAGE (a 400): the bytes would
 * otherwise reach handlers as something the client did not mean.
 */
enum err_code	http_url_decode(struct arena *, const char *s, size_t n,
		    int plus_space, char **out, struct err *);

#define HTTP_MAX_PARAMS	256	/* fields in one query string or form */

/*
 * Parse application/x-www-form-urlencoded text (a query string or a form
 * body) into decoded name/value pairs in the arena.  "a" alone is a = "",
 * empty pieces are skipped.  ERR_USAGE on a bad escape, ERR_TOOBIG past
 * HTTP_MAX_PARAMS fields.
 */
enum err_code	http_form_parse(struct arena *, const char *s, size_t n,
		    struct http_param **out, size_t *nout, struct err *);

/* The value of cookie name in a Cookie header (copied into the arena,
 * surrounding double quotes removed), or NULL. */
const char	*http_cookie(struct arena *, const char *header,
		    const char *name);

/* The language to answer in for an Accept-Language header: "ro" or "en"
 * (the default), whichever the client weighs higher. */
const char	*http_lang(const char *accept_language);

/*
 * Parse req->body as JSON into *out (a new reference).  On broken JSON,
 * or a body that is not an object, fill resp with a 400 error and return
 * -1: a handler writes "if (http_json_body(req, resp, &j)) return 0;".
 */
int		http_json_body(struct http_req *, struct http_resp *,
		    json_t **out);

/* A small HTML error page (status, escaped message) for ROUTE_PAGE
 * routes; the pages replace it with their layout.  Returns 0. */
int		http_error_page(struct http_resp *, int status,
		    const char *message);

/* Release what a response owns (its body). */
void		http_resp_release(struct http_resp *);

#endif /* WEB_HTTP_H */
