/*
 * server.c: the libmicrohttpd glue.  See server.h.
 *
 * One request's life: the URI log callback (the first thing libmicrohttpd
 * tells us, with the raw request target) allocates a struct conn with the
 * request arena; the access handler is called once with the headers (a
 * Content-Length past the body limit is answered 413 right there), then
 * with each piece of the body (accumulated in the arena, or discarded
 * once past the limit), then once more to answer; the completion callback
 * frees the conn.  We parse the path and query ourselves from the raw
 * target, so a broken percent escape is a 400 instead of libmicrohttpd's
 * silent pass-through.
 *
 * Workspaces: okr_open sets the process time zone (setenv), which is not
 * safe while other threads run, so all of them are opened here before
 * the threads start; each worker thread takes one on its first request
 * and keeps it (one SQLite connection per thread).
 *
 * Several servers may share one database.  What a server keeps between
 * requests (each connection's workspace settings, the KPI snapshot) must
 * notice another server's writes: when the store can be listened to
 * (PostgreSQL), one thread here waits for its notifications ("okr" after
 * an edit, "data" after an import) and marks those copies stale; when it
 * cannot (SQLite), they poll the store's versions instead (okr_refresh,
 * kpicache_get), a small read per request.  See web/listen.h.
 */
#include <sys/socket.h>
#include <sys/types.h>

#include <arpa/inet.h>
#include <errno.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "core/clock.h"
#include "web/listen.h"
#include "web/router.h"
#include "web/server.h"

const double server_bucket_ms[SERVER_NBUCKETS] = {
	1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, INFINITY
};

struct server {
	struct server_opts	 o;
	struct MHD_Daemon	*mhd;
	int			 fd;		/* the listening socket */
	char			 url[300];
	pthread_mutex_t		 lock;		/* everything below */
	pthread_cond_t		 idle;		/* inflight fell to 0 */
	struct okr		**okrs;		/* every workspace opened */
	size_t			 nokrs, nfree;	/* okrs[0..nfree) unclaimed */
	unsigned		 inflight;
	struct server_route_stats *stats;	/* routes + 1 (unmatched) */
	size_t			 nstats;
	struct web_listen	*listen;	/* NULL: the store is polled */
};

/* One request. */
struct conn {
	struct server	*srv;
	struct arena	 arena;
	char		*target;	/* raw "/path?query" */
	const char	*method;	/* as sent: "GET", "HEAD"... */
	char		*body;
	size_t		 bodylen, bodycap;
	int		 started;	/* the headers call happened */
	int		 toobig;	/* the body passed the limit */
	int		 answered;
	struct timespec	 t0;
};

/* The running server, for server_stats_* (one per process). */
static struct server	*running;
/* This worker thread's workspace. */
static _Thread_local struct okr *thread_okr;

static const struct http_param security_headers[] = {
	{ "Content-Security-Policy", "default-src 'self'; script-src 'self'; "
	    "style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
	    "form-action 'self'" },
	{ "X-Content-Type-Options", "nosniff" },
	{ "Referrer-Policy", "same-origin" },
	{ "X-Frame-Options", "DENY" },
};

static int
resp_has_header(const struct http_resp *resp, const char *name)
{
	size_t	 i;

	for (i = 0; i < resp->nheaders; i++)
		if (strcasecmp(resp->headers[i].name, name) == 0)
			return 1;
	return 0;
}

static double
ms_since(const struct timespec *t0)
{
	struct timespec	 t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e3 +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

static void
stats_add(struct server *srv, size_t row, int status, double ms)
{
	struct server_route_stats	*s;
	size_t				 b;

	pthread_mutex_lock(&srv->lock);
	s = &srv->stats[row < srv->nstats ? row : srv->nstats - 1];
	s->requests++;
	if (status >= 100 && status < 600)
		s->by_class[status / 100]++;
	for (b = 0; b + 1 < SERVER_NBUCKETS && ms > server_bucket_ms[b]; b++)
		;
	s->bucket[b]++;
	s->sum_ms += ms;
	pthread_mutex_unlock(&srv->lock);
}

size_t
server_stats_count(void)
{
	return running != NULL ? running->nstats : 0;
}

int
server_stats_get(size_t i, struct server_route_stats *out)
{
	if (running == NULL || i >= running->nstats)
		return -1;
	pthread_mutex_lock(&running->lock);
	*out = running->stats[i];
	pthread_mutex_unlock(&running->lock);
	return 0;
}

/* This thread's workspace: the one it took, else an unclaimed one. */
static struct okr *
worker_okr(struct server *srv)
{
	if (thread_okr != NULL)
		return thread_okr;
	pthread_mutex_lock(&srv->lock);
	if (srv->nfree > 0)
		thread_okr = srv->okrs[--srv->nfree];
	pthread_mutex_unlock(&srv->lock);
	return thread_okr;
}

/* Write the request log line; control bytes in the target become '?'
 * so a request cannot forge log lines. */
static void
log_request(const struct conn *c, int status, double ms)
{
	char	 path[256];
	size_t	 i;

	for (i = 0; i + 1 < sizeof(path) && c->target[i] != '\0' &&
	    c->target[i] != '?'; i++)
		path[i] = (unsigned char)c->target[i] < 0x20 ||
		    c->target[i] == 0x7f ? '?' : c->target[i];
	path[i] = '\0';
	fprintf(stderr, "%s %s %d %.1fms\n", c->method, path, status, ms);
}

/* Send resp (its body handed to libmicrohttpd), count and log it. */
static enum MHD_Result
send_resp(struct conn *c, struct MHD_Connection *mc, struct http_resp *resp,
    size_t row)
{
	struct MHD_Response	*r;
	enum MHD_Result		 ret;
	size_t			 len, i;
	char			*data;
	double			 ms;

	if (buf_error(&resp->body) != ERR_OK) {
		buf_release(&resp->body);
		resp->nheaders = 0;
		http_error(resp, 500, "internal", NULL,
		    "the response could not be built");
	}
	len = resp->body.len;
	data = buf_detach(&resp->body);
	r = MHD_create_response_from_buffer_with_free_callback(len, data,
	    free);
	if (r == NULL) {
		free(data);
		return MHD_NO;
	}
	/* a handler may replace a security header with a stricter or more
	 * precise one (the review page's CSP names its style by hash) */
	for (i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]);
	    i++)
		if (!resp_has_header(resp, security_headers[i].name))
			MHD_add_response_header(r, security_headers[i].name,
			    security_headers[i].value);
	if (resp->content_type != NULL)
		MHD_add_response_header(r, "Content-Type",
		    resp->content_type);
	for (i = 0; i < resp->nheaders; i++)
		MHD_add_response_header(r, resp->headers[i].name,
		    resp->headers[i].value);
	ret = MHD_queue_response(mc, (unsigned)resp->status, r);
	MHD_destroy_response(r);
	c->answered = 1;
	ms = ms_since(&c->t0);
	stats_add(c->srv, row, resp->status, ms);
	if (!c->srv->o.quiet)
		log_request(c, resp->status, ms);
	return ret;
}

static enum MHD_Result
send_error(struct conn *c, struct MHD_Connection *mc, int status,
    const char *code, const char *msg)
{
	struct http_resp	 resp;

	memset(&resp, 0, sizeof(resp));
	http_error(&resp, status, code, NULL, "%s", msg);
	return send_resp(c, mc, &resp, c->srv->nstats - 1);
}

/* The decoded request, or a status (400...) in *status. */

/*
 * multipart/form-data (a file upload): the whole body is in, so one pass
 * of libmicrohttpd's post processor splits it into fields; a field's
 * value may come in pieces (off > 0), appended to the last one.
 */
struct mpart {
	struct conn	*c;
	struct http_param *ps;
	size_t		 n, cap;
	char		*val;		/* the last value, being built */
	size_t		 len, vcap;
	int		 failed;
};

static enum MHD_Result
mpart_field(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *filename, const char *content_type,
    const char *transfer_encoding, const char *data, uint64_t off,
    size_t size)
{
	struct mpart		*m = cls;
	struct http_param	*p;
	char			*v;

	(void)kind;
	(void)filename;
	(void)content_type;
	(void)transfer_encoding;
	if (off == 0 || m->n == 0 || strcmp(m->ps[m->n - 1].name, key) != 0) {
		if (m->n >= HTTP_MAX_PARAMS ||
		    (p = ARENA_PUSH(&m->c->arena, m->ps, m->n, m->cap)) ==
		    NULL) {
			m->failed = 1;
			return MHD_NO;
		}
		p->name = arena_strdup(&m->c->arena, key);
		p->value = "";
		m->val = NULL;
		m->len = m->vcap = 0;
	}
	p = &m->ps[m->n - 1];
	if (m->len + size + 1 > m->vcap) {
		/* doubling: a file in 64 KiB pieces is copied O(n) times */
		size_t ncap = m->vcap > 0 ? m->vcap : 256;

		while (ncap < m->len + size + 1)
			ncap *= 2;
		if ((v = arena_alloc(&m->c->arena, ncap)) == NULL) {
			m->failed = 1;
			return MHD_NO;
		}
		if (m->len > 0)
			memcpy(v, m->val, m->len);
		m->val = v;
		m->vcap = ncap;
	}
	memcpy(m->val + m->len, data, size);
	m->len += size;
	m->val[m->len] = '\0';
	p->value = m->val;
	return MHD_YES;
}

static int
multipart(struct conn *c, struct MHD_Connection *mc, struct http_req *req)
{
	struct MHD_PostProcessor	*pp;
	struct mpart			 m;
	enum MHD_Result			 r;

	memset(&m, 0, sizeof(m));
	m.c = c;
	if ((pp = MHD_create_post_processor(mc, 64 * 1024, mpart_field, &m))
	    == NULL)
		return -1;	/* no boundary: not multipart after all */
	r = MHD_post_process(pp, req->body, req->bodylen);
	MHD_destroy_post_processor(pp);
	if (r != MHD_YES || m.failed)
		return -1;
	req->form = m.ps;
	req->nform = m.n;
	return 0;
}

static int
build_req(struct conn *c, struct MHD_Connection *mc, struct http_req *req,
    const char **rawpath, struct err *e)
{
	const union MHD_ConnectionInfo	*ci;
	struct http_param		*ps;
	const char			*q, *auth;
	char				*path, host[INET6_ADDRSTRLEN + 1];
	size_t				 n;

	req->arena = &c->arena;
	if (strcmp(c->method, "HEAD") == 0)
		req->method = HTTP_GET;		/* libmicrohttpd drops the body */
	else if (http_method_parse(c->method, &req->method) != 0)
		req->method = HTTP_METHOD__MAX;
	if ((q = strchr(c->target, '?')) == NULL)
		q = c->target + strlen(c->target);
	if ((path = arena_alloc(&c->arena, (size_t)(q - c->target) + 1)) ==
	    NULL)
		return 500;
	memcpy(path, c->target, (size_t)(q - c->target));
	*rawpath = path;
	if (*path != '/') {
		err_set(e, ERR_USAGE, "the request target must start with "
		    "'/'");
		return 400;
	}
	if (http_url_decode(&c->arena, path, strlen(path), 0, &path, e) !=
	    ERR_OK)
		return 400;
	req->path = path;
	if (*q == '?') {
		if (http_form_parse(&c->arena, q + 1, strlen(q + 1), &ps, &n,
		    e) != ERR_OK)
			return 400;
		req->query = ps;
		req->nquery = n;
	}
	req->body = c->body != NULL ? c->body : "";
	req->bodylen = c->bodylen;
	req->content_type = MHD_lookup_connection_value(mc, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_TYPE);
	req->cookie_session = http_cookie(&c->arena,
	    MHD_lookup_connection_value(mc, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_COOKIE), "okrdesk_session");
	auth = MHD_lookup_connection_value(mc, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_AUTHORIZATION);
	if (auth != NULL && strncasecmp(auth, "Bearer ", 7) == 0)
		req->bearer = auth + 7;
	req->accept_language = MHD_lookup_connection_value(mc,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_LANGUAGE);
	req->if_match = MHD_lookup_connection_value(mc, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_IF_MATCH);
	req->lang = http_lang(req->accept_language);
	ci = MHD_get_connection_info(mc, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci != NULL && ci->client_addr != NULL && getnameinfo(
	    ci->client_addr, ci->client_addr->sa_family == AF_INET6 ?
	    sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in), host,
	    sizeof(host), NULL, 0, NI_NUMERICHOST) == 0)
		req->remote_ip = arena_strdup(&c->arena, host);
	if (req->content_type != NULL && strncasecmp(req->content_type,
	    "application/x-www-form-urlencoded", 33) == 0) {
		if (http_form_parse(&c->arena, req->body, req->bodylen, &ps,
		    &n, e) != ERR_OK)
			return 400;
		req->form = ps;
		req->nform = n;
	} else if (req->content_type != NULL && strncasecmp(
	    req->content_type, "multipart/form-data", 19) == 0) {
		if (multipart(c, mc, req) != 0)
			return 400;
	}
	return arena_failed(&c->arena) ? 500 : 0;
}

/* Route and run the request whose body is all in. */
static enum MHD_Result
answer(struct conn *c, struct MHD_Connection *mc)
{
	struct server		*srv = c->srv;
	struct http_req		 req;
	struct http_resp	 resp;
	struct router_match	 m;
	struct err		 e;
	const char		*rawpath = "/";
	size_t			 row = srv->nstats - 1;
	int			 st, rc;

	memset(&req, 0, sizeof(req));
	memset(&resp, 0, sizeof(resp));
	err_clear(&e);
	resp.status = 200;
	if ((st = build_req(c, mc, &req, &rawpath, &e)) != 0)
		return send_error(c, mc, st, st == 400 ? "bad_request" :
		    "internal", st == 400 ? e.msg : "internal error");
	if ((req.okr = worker_okr(srv)) == NULL)
		return send_error(c, mc, 503, "unavailable",
		    "no workspace connection is free");
	req.okr->now = clock_now();
	/* another thread may have changed the settings since */
	(void)okr_refresh(req.okr, NULL);
	req.okr->actor = "anonymous";
	if (srv->o.authenticate != NULL &&
	    (st = srv->o.authenticate(&req, &e)) != 0)
		return send_error(c, mc, st, st == 401 ? "unauthorized" :
		    st == 429 ? "too_many_requests" : "internal",
		    st < 500 ? e.msg : "internal error");
	if (req.user != NULL) {
		req.okr->actor = req.user->login;
		if (req.user->lang != NULL)
			req.lang = req.user->lang;
	}

	switch (router_find(srv->o.tables, req.method, rawpath, &req, &m)) {
	case 200:
		break;
	case 405:
		http_header(&req, &resp, "Allow", m.allow);
		router_error(&resp, NULL, 405, "method_not_allowed",
		    "'%s' does not take %s; it takes %s", req.path, c->method,
		    m.allow);
		return send_resp(c, mc, &resp, row);
	case 400:
		router_error(&resp, NULL, 400, "bad_request",
		    "bad percent escape in the path");
		return send_resp(c, mc, &resp, row);
	default:
		router_error(&resp, NULL, 404, "not_found",
		    "nothing at '%s'", req.path);
		return send_resp(c, mc, &resp, row);
	}
	row = m.index;
	if (router_authorize(&req, &resp, m.route,
	    MHD_lookup_connection_value(mc, MHD_HEADER_KIND,
	    "X-CSRF-Token")) != 0)
		return send_resp(c, mc, &resp, row);

	if ((m.route->flags & ROUTE_WRITE) && okr_begin(req.okr, &e) !=
	    ERR_OK) {
		http_fail(&resp, &e);
		return send_resp(c, mc, &resp, row);
	}
	rc = m.route->fn(&req, &resp);
	if (rc != 0 && resp.status < 400) {
		buf_reset(&resp.body);
		resp.nheaders = 0;
		router_error(&resp, m.route, 500, "internal",
		    "internal error");
	}
	if (m.route->flags & ROUTE_WRITE) {
		if (resp.status >= 400 || resp.rollback)
			okr_rollback(req.okr);
		else if (okr_commit(req.okr, &e) != ERR_OK) {
			okr_rollback(req.okr);
			resp.nheaders = 0;
			http_fail(&resp, &e);
		}
	}
	return send_resp(c, mc, &resp, row);
}

/* libmicrohttpd's first word on a request: allocate its conn. */
static void *
on_uri(void *cls, const char *uri, struct MHD_Connection *mc)
{
	struct server	*srv = cls;
	struct conn	*c;

	(void)mc;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	c->srv = srv;
	clock_gettime(CLOCK_MONOTONIC, &c->t0);
	if ((c->target = arena_strdup(&c->arena, uri)) == NULL) {
		free(c);
		return NULL;
	}
	pthread_mutex_lock(&srv->lock);
	srv->inflight++;
	pthread_mutex_unlock(&srv->lock);
	return c;
}

static void
on_completed(void *cls, struct MHD_Connection *mc, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct server	*srv = cls;
	struct conn	*c = *con_cls;

	(void)mc;
	(void)toe;
	if (c == NULL)
		return;
	arena_release(&c->arena);
	free(c);
	*con_cls = NULL;
	pthread_mutex_lock(&srv->lock);
	if (--srv->inflight == 0)
		pthread_cond_broadcast(&srv->idle);
	pthread_mutex_unlock(&srv->lock);
}

/* Take a piece of the body into the arena, or count it past the limit. */
static void
take_body(struct conn *c, const char *data, size_t n)
{
	size_t	 need, cap;
	char	*nb;

	if (c->toobig || n > c->srv->o.max_body - c->bodylen) {
		c->toobig = 1;
		return;
	}
	need = c->bodylen + n + 1;
	if (need > c->bodycap) {
		for (cap = c->bodycap > 0 ? c->bodycap : 4096; cap < need;
		    cap *= 2)
			;
		if ((nb = arena_alloc(&c->arena, cap)) == NULL) {
			c->toobig = 1;
			return;
		}
		if (c->bodylen > 0)
			memcpy(nb, c->body, c->bodylen);
		c->body = nb;
		c->bodycap = cap;
	}
	memcpy(c->body + c->bodylen, data, n);
	c->bodylen += n;
	c->body[c->bodylen] = '\0';
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *mc, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **con_cls)
{
	struct server	*srv = cls;
	struct conn	*c = *con_cls;
	const char	*cl;
	char		*end;
	unsigned long long v;

	(void)url;
	(void)version;
	if (c == NULL)
		return MHD_NO;		/* out of memory in on_uri */
	if (c->answered)
		return MHD_YES;
	if (!c->started) {
		c->started = 1;
		c->method = method;
		cl = MHD_lookup_connection_value(mc, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl != NULL) {
			errno = 0;
			v = strtoull(cl, &end, 10);
			if (errno != 0 || *end != '\0' || v > srv->o.max_body)
				return send_error(c, mc, 413, "too_big",
				    "the request body is larger than the "
				    "limit");
		}
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		take_body(c, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (c->toobig)
		return send_error(c, mc, 413, "too_big",
		    "the request body is larger than the limit");
	return answer(c, mc);
}

/* Bind opts->listen; the socket, or -1 with e set. */
static int
bind_listen(const char *listen_on, char *url, size_t urlsz, struct err *e)
{
	struct addrinfo		 hints, *ai = NULL;
	struct sockaddr_storage	 ss;
	socklen_t		 sl = sizeof(ss);
	char			 host[256], port[16], nhost[INET6_ADDRSTRLEN];
	const char		*colon;
	size_t			 hl;
	int			 fd, one = 1, rc;

	colon = strrchr(listen_on, ':');
	if (colon == NULL || colon[1] == '\0' || strlen(colon + 1) >=
	    sizeof(port)) {
		err_set(e, ERR_USAGE, "listen address '%s' is not ADDR:PORT",
		    listen_on);
		return -1;
	}
	hl = (size_t)(colon - listen_on);
	if (hl >= 2 && listen_on[0] == '[' && listen_on[hl - 1] == ']') {
		listen_on++;
		hl -= 2;
	}
	if (hl == 0 || hl >= sizeof(host)) {
		err_set(e, ERR_USAGE, "listen address '%s' is not ADDR:PORT",
		    listen_on);
		return -1;
	}
	memcpy(host, listen_on, hl);
	host[hl] = '\0';
	snprintf(port, sizeof(port), "%s", colon + 1);
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	if ((rc = getaddrinfo(host, port, &hints, &ai)) != 0) {
		err_set(e, ERR_USAGE, "listen address '%s:%s': %s", host,
		    port, gai_strerror(rc));
		return -1;
	}
	if ((fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
	    ai->ai_protocol)) == -1) {
		err_set(e, ERR_IO, "socket: %s", strerror(errno));
		freeaddrinfo(ai);
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, ai->ai_addr, ai->ai_addrlen) == -1 ||
	    listen(fd, 128) == -1) {
		err_set(e, ERR_IO, errno == EADDRINUSE ?
		    "%s:%s is already in use (is another server running?)" :
		    "cannot listen on %s:%s: %s", host, port, strerror(errno));
		close(fd);
		freeaddrinfo(ai);
		return -1;
	}
	freeaddrinfo(ai);
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0 &&
	    getnameinfo((struct sockaddr *)&ss, sl, nhost, sizeof(nhost),
	    port, sizeof(port), NI_NUMERICHOST | NI_NUMERICSERV) == 0)
		snprintf(url, urlsz, ss.ss_family == AF_INET6 ?
		    "http://[%s]:%s/" : "http://%s:%s/", nhost, port);
	else
		snprintf(url, urlsz, "http://%s:%s/", host, port);
	return fd;
}

static void
server_free(struct server *srv)
{
	size_t	 i;

	web_listen_stop(srv->listen);
	for (i = 0; i < srv->nokrs; i++)
		okr_close(srv->okrs[i]);
	free(srv->okrs);
	free(srv->stats);
	if (srv->fd != -1)
		close(srv->fd);
	pthread_mutex_destroy(&srv->lock);
	pthread_cond_destroy(&srv->idle);
	if (running == srv)
		running = NULL;
	free(srv);
}

/* One stats row per route, then "unmatched". */
static enum err_code
stats_init(struct server *srv, struct err *e)
{
	const struct route *const	*t;
	const struct route		*r;
	size_t				 i = 0;

	srv->nstats = router_count(srv->o.tables) + 1;
	if ((srv->stats = calloc(srv->nstats, sizeof(*srv->stats))) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	for (t = srv->o.tables; *t != NULL; t++)
		for (r = *t; r->pattern != NULL; r++, i++) {
			srv->stats[i].name = r->name;
			srv->stats[i].method = http_method_name(r->method);
			srv->stats[i].pattern = r->pattern;
		}
	srv->stats[i].name = "unmatched";
	srv->stats[i].method = "";
	srv->stats[i].pattern = "";
	return ERR_OK;
}

enum err_code
server_start(const struct server_opts *opts, struct server **out,
    struct err *e)
{
	struct server	*srv;
	long		 cores;
	size_t		 i;

	*out = NULL;
	if ((srv = calloc(1, sizeof(*srv))) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	pthread_mutex_init(&srv->lock, NULL);
	pthread_cond_init(&srv->idle, NULL);
	srv->fd = -1;
	srv->o = *opts;
	if (srv->o.listen == NULL)
		srv->o.listen = SERVER_LISTEN_DEFAULT;
	if (srv->o.tables == NULL)
		srv->o.tables = route_tables;
	if (srv->o.threads == 0) {
		cores = sysconf(_SC_NPROCESSORS_ONLN);
		srv->o.threads = 2 * (unsigned)(cores > 0 ? cores : 1);
	}
	if (srv->o.max_body == 0)
		srv->o.max_body = SERVER_MAX_BODY_DEFAULT;
	if (srv->o.max_header == 0)
		srv->o.max_header = SERVER_MAX_HEADER_DEFAULT;
	if (srv->o.timeout == 0)
		srv->o.timeout = SERVER_TIMEOUT_DEFAULT;
	if (stats_init(srv, e) != ERR_OK)
		goto fail;
	if ((srv->okrs = calloc(srv->o.threads, sizeof(*srv->okrs))) == NULL) {
		err_set(e, ERR_NOMEM, "out of memory");
		goto fail;
	}
	for (i = 0; i < srv->o.threads; i++) {
		if (okr_open(srv->o.db, "anonymous", &srv->okrs[i], e) !=
		    ERR_OK)
			goto fail;
		srv->nokrs = srv->nfree = i + 1;
	}
	if ((srv->fd = bind_listen(srv->o.listen, srv->url, sizeof(srv->url),
	    e)) == -1)
		goto fail;
	srv->listen = web_listen_start(srv->o.db);
	srv->mhd = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_ITC | MHD_USE_ERROR_LOG, 0, NULL, NULL, on_request, srv,
	    MHD_OPTION_LISTEN_SOCKET, srv->fd,
	    MHD_OPTION_THREAD_POOL_SIZE, srv->o.threads,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, srv->o.max_header,
	    MHD_OPTION_CONNECTION_TIMEOUT, srv->o.timeout,
	    MHD_OPTION_URI_LOG_CALLBACK, on_uri, srv,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
	    MHD_OPTION_END);
	if (srv->mhd == NULL) {
		err_set(e, ERR_IO, "cannot start the HTTP server on %s",
		    srv->o.listen);
		goto fail;
	}
	running = srv;
	*out = srv;
	return ERR_OK;
fail:
	server_free(srv);
	return e != NULL ? e->code : ERR_IO;
}

const char *
server_url(const struct server *srv)
{
	return srv->url;
}

void
server_stop(struct server *srv, unsigned grace)
{
	struct timespec	 deadline;
	MHD_socket	 lfd;

	if (srv == NULL)
		return;
	/* Stop accepting first: new clients get "connection refused"
	 * rather than a request cut short. */
	lfd = MHD_quiesce_daemon(srv->mhd);
	if (lfd != MHD_INVALID_SOCKET) {
		close(lfd);
		srv->fd = -1;
	}
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += grace;
	pthread_mutex_lock(&srv->lock);
	while (srv->inflight > 0)
		if (pthread_cond_timedwait(&srv->idle, &srv->lock, &deadline)
		    == ETIMEDOUT)
			break;
	pthread_mutex_unlock(&srv->lock);
	MHD_stop_daemon(srv->mhd);
	server_free(srv);
}
