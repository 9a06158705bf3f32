/*
 * router.c: route matching and the role and CSRF checks.  See router.h.
 *
 * The tables are short (tens of routes), so matching is a linear scan
 * comparing segment by segment: no allocation until a route matches
 * and its '*' segments are decoded.  Why not decode the whole path
 * first: an encoded '/' would then split a segment in two.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/html.h"
#include "web/router.h"

size_t
router_count(const struct route *const *tables)
{
	const struct route	*r;
	size_t			 n = 0;

	for (; *tables != NULL; tables++)
		for (r = *tables; r->pattern != NULL; r++)
			n++;
	return n;
}

/* Does the undecoded segment seg[0..n) equal the literal lit[0..ln)?  A
 * literal holds no '%', so a segment with one could only match encoded,
 * which routes never expect. */
static int
seg_equal(const char *seg, size_t n, const char *lit, size_t ln)
{
	return n == ln && memcmp(seg, lit, n) == 0;
}

/*
 * Does path match pattern?  Both start with '/'.  The '*' segments'
 * bounds go to starts/lens (at most HTTP_MAX_ARGS), their count to *nargs.
 */
static int
pattern_match(const char *pattern, const char *path, size_t *starts,
    size_t *lens, size_t *nargs)
{
	const char	*p = pattern, *q = path, *pe, *qe;

	*nargs = 0;
	for (;;) {
		if (*p != '/' || *q != '/')
			return *p == '\0' && *q == '\0';
		p++;
		q++;
		pe = strchr(p, '/');
		if (pe == NULL)
			pe = p + strlen(p);
		qe = strchr(q, '/');
		if (qe == NULL)
			qe = q + strlen(q);
		if (pe - p == 1 && *p == '*') {
			if (qe == q || *nargs == HTTP_MAX_ARGS)
				return 0;
			starts[*nargs] = (size_t)(q - path);
			lens[*nargs] = (size_t)(qe - q);
			(*nargs)++;
		} else if (!seg_equal(q, (size_t)(qe - q), p,
		    (size_t)(pe - p)))
			return 0;
		p = pe;
		q = qe;
	}
}

/* Add method name to the Allow list unless it is there. */
static void
allow_add(char *allow, size_t sz, const char *name)
{
	const char	*p;
	size_t		 l = strlen(name), used = strlen(allow);

	for (p = allow; (p = strstr(p, name)) != NULL; p += l)
		if ((p == allow || p[-1] == ' ') &&
		    (p[l] == ',' || p[l] == '\0'))
			return;
	if (used + l + 3 > sz)
		return;
	snprintf(allow + used, sz - used, "%s%s", used > 0 ? ", " : "",
	    name);
}

int
router_find(const struct route *const *tables, enum http_method m,
    const char *rawpath, struct http_req *req, struct router_match *out)
{
	const struct route	*r;
	size_t			 starts[HTTP_MAX_ARGS], lens[HTTP_MAX_ARGS];
	size_t			 n, i, index = 0;
	char			*arg;

	memset(out, 0, sizeof(*out));
	out->status = 404;
	for (; *tables != NULL; tables++)
		for (r = *tables; r->pattern != NULL; r++, index++) {
			if (!pattern_match(r->pattern, rawpath, starts, lens,
			    &n))
				continue;
			if (r->method != m) {
				/* Remember it for the Allow header, keep
				 * looking for the method asked. */
				allow_add(out->allow, sizeof(out->allow),
				    http_method_name(r->method));
				if (r->method == HTTP_GET)
					allow_add(out->allow,
					    sizeof(out->allow), "HEAD");
				out->status = 405;
				continue;
			}
			for (i = 0; i < n; i++) {
				if (http_url_decode(req->arena, rawpath +
				    starts[i], lens[i], 0, &arg, NULL) !=
				    ERR_OK)
					return out->status = 400;
				req->args[i] = arg;
			}
			req->nargs = n;
			out->route = r;
			out->index = index;
			out->allow[0] = '\0';
			return out->status = 200;
		}
	return out->status;
}

int
router_error(struct http_resp *resp, const struct route *route, int status,
    const char *code, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[ERR_MSG_MAX];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (route != NULL && (route->flags & ROUTE_PAGE))
		http_error_page(resp, status, msg);
	else
		http_error(resp, status, code, NULL, "%s", msg);
	return status;
}

/* Compare in time independent of where the strings differ, so a token
 * cannot be guessed byte by byte from response times. */
static int
token_equal(const char *a, const char *b)
{
	size_t		 la = strlen(a), lb = strlen(b), i;
	unsigned char	 d = (unsigned char)(la != lb);

	for (i = 0; i < la && i < lb; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

/* 303 to the sign-in page, coming back to this request afterwards. */
static int
to_login(struct http_req *req, struct http_resp *resp)
{
	struct buf	 next = BUF_INIT, loc = BUF_INIT;
	const char	*p, *slash;
	char		*seg;
	size_t		 i;

	/* next is a URL: its path encoded segment by segment. */
	for (p = req->path; *p == '/'; p = slash) {
		buf_putc(&next, '/');
		p++;
		if ((slash = strchr(p, '/')) == NULL)
			slash = p + strlen(p);
		if ((seg = arena_alloc(req->arena, (size_t)(slash - p) + 1)) ==
		    NULL)
			break;
		memcpy(seg, p, (size_t)(slash - p));
		html_url(&next, seg);
	}
	for (i = 0; i < req->nquery; i++) {
		buf_putc(&next, i == 0 ? '?' : '&');
		html_url(&next, req->query[i].name);
		buf_putc(&next, '=');
		html_url(&next, req->query[i].value);
	}
	buf_puts(&loc, "/login?next=");
	html_url(&loc, buf_cstr(&next));
	http_redirect(req, resp, buf_cstr(&loc));
	buf_release(&next);
	buf_release(&loc);
	return 303;
}

int
router_authorize(struct http_req *req, struct http_resp *resp,
    const struct route *route, const char *csrf_header)
{
	const char	*tok;

	if (route->min_role > ROLE_ANON && req->user == NULL) {
		if (route->flags & ROUTE_PAGE)
			return to_login(req, resp);
		http_header(req, resp, "WWW-Authenticate",
		    "Bearer realm=\"okrdesk\"");
		return router_error(resp, route, 401, "unauthorized",
		    "sign in or send an API token to use '%s'", req->path);
	}
	if (req->user != NULL && req->user->role < route->min_role)
		return router_error(resp, route, 403, "forbidden",
		    "'%s' needs the role %s; %s is %s", req->path,
		    http_role_name(route->min_role), req->user->login,
		    http_role_name(req->user->role));
	if ((route->flags & ROUTE_WRITE) && req->user != NULL &&
	    !req->user->via_token) {
		tok = http_form(req, "csrf");
		if (tok == NULL)
			tok = csrf_header;
		if (req->csrf == NULL || tok == NULL ||
		    !token_equal(tok, req->csrf))
			return router_error(resp, route, 403, "csrf",
			    "missing or wrong CSRF token; reload the page "
			    "and try again");
	}
	return 0;
}
