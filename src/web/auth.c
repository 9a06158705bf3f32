/*
 * auth.c: who is asking.  The server's authentication hook, sign-in and
 * sign-out for the pages and the API, and the admin's API tokens.
 *
 * A browser signs in with a form (POST /login) or JSON (POST
 * /api/v1/session) and gets the okrdesk_session cookie: HttpOnly,
 * SameSite=Lax, Path=/, Secure when the request came over TLS through a
 * proxy that says so (X-Forwarded-Proto is not trusted: --secure-cookies
 * is a server option for that).  The session's CSRF token travels in
 * every form and in the X-CSRF-Token header of scripts using the cookie.
 * Scripts and webhooks use "Authorization: Bearer okd_..." tokens, which
 * need no CSRF token (a browser never sends them by itself).
 *
 * Sign-in attempts are throttled per (login, address) by okr/session.c,
 * in the store, so every server on the database counts the same ones.
 */
#include <stdio.h>
#include <string.h>

#include "core/html.h"
#include "core/parse.h"
#include "okr/evaljson.h"
#include "okr/user.h"
#include "web/auth.h"

#define COOKIE		"okrdesk_session"

static int	secure_cookies;

void
auth_secure_cookies(int on)
{
	secure_cookies = on;
}

/* enum user_role (viewer 0 .. admin 3) to the router's enum role. */
static enum role
role_of(int user_role)
{
	return (enum role)(user_role + ROLE_VIEWER);
}

void
auth_as_user(const struct http_user *h, struct user *u)
{
	user_defaults(u);
	if (h == NULL) {
		u->disabled = 1;	/* anonymous: no rights at all */
		return;
	}
	u->id = h->id;
	u->login = (char *)h->login;
	u->name = (char *)h->name;
	u->team = (char *)h->team;
	u->person = (char *)h->person;
	u->lang = (char *)h->lang;
	u->role = (int)h->role - ROLE_VIEWER;
}

static void
fill_user(struct http_req *r, const struct user *u, int via_token)
{
	struct http_user	*h;

	if ((h = arena_alloc(r->arena, sizeof(*h))) == NULL)
		return;
	h->id = u->id;
	h->login = u->login;
	h->name = u->name != NULL ? u->name : u->login;
	h->role = role_of(u->role);
	h->team = u->team;
	h->person = u->person;
	h->lang = u->lang;
	h->via_token = via_token;
	r->user = h;
	if (u->lang != NULL)
		r->lang = u->lang;
}

int
auth_request(struct http_req *r, struct err *e)
{
	struct user	 u;
	struct err	 le;
	char		*csrf = NULL;

	(void)e;
	if (r->bearer != NULL) {
		/* a wrong token is an error, not an anonymous request: a
		 * script should learn at once that its token is dead */
		if (token_lookup(r->okr, r->bearer, r->arena, &u, &le)
		    != ERR_OK)
			return 401;
		fill_user(r, &u, 1);
		return 0;
	}
	if (r->cookie_session != NULL &&
	    session_lookup(r->okr, r->cookie_session, r->arena, &u, &csrf,
	    &le) == ERR_OK) {
		fill_user(r, &u, 0);
		r->csrf = csrf;
	}
	return 0;
}

static void
set_cookie(struct http_req *r, struct http_resp *w, const char *token,
    int64_t max_age)
{
	char	*v;

	v = arena_printf(r->arena, "%s=%s; Path=/; HttpOnly; SameSite=Lax; "
	    "Max-Age=%lld%s", COOKIE, token != NULL ? token : "",
	    (long long)max_age, secure_cookies ? "; Secure" : "");
	http_header(r, w, "Set-Cookie", v);
}

/* A local path to go to after signing in: "/..." but not "//host". */
static const char *
safe_next(const char *next)
{
	if (next == NULL || next[0] != '/' || next[1] == '/' ||
	    next[1] == '\\' || strpbrk(next, "\r\n") != NULL)
		return "/";
	return next;
}

/*
 * Check login and password, throttled; on success open a session and set
 * its cookie.  0 with *u and *csrf set, or an HTTP status (401, 429) with
 * e's message.
 */
static int
sign_in(struct http_req *r, struct http_resp *w, const char *login,
    const char *password, struct user *u, char **csrf, struct err *e)
{
	char	*token;
	int64_t	 wait;

	if (login == NULL || password == NULL || login[0] == '\0') {
		err_set(e, ERR_INVAL, "give a login and a password");
		return 401;
	}
	if ((wait = user_throttle_check(r->okr, login, r->remote_ip,
	    r->okr->now)) > 0) {
		err_set(e, ERR_CONFLICT, "too many failed sign-ins: try again "
		    "in %lld minutes", (long long)(wait + 59) / 60);
		http_header(r, w, "Retry-After", arena_printf(r->arena, "%lld",
		    (long long)wait));
		return 429;
	}
	if (user_login(r->okr, login, password, r->arena, u, e) != ERR_OK) {
		/* counted in the store (this route writes outside a
		 * transaction, so a refusal does not roll it back) */
		(void)user_throttle_note(r->okr, login, r->remote_ip, 0,
		    r->okr->now, NULL);
		return 401;
	}
	if (user_throttle_note(r->okr, login, r->remote_ip, 1, r->okr->now,
	    e) != ERR_OK)
		return 500;
	if (session_create(r->okr, u->id, r->arena, &token, csrf, e)
	    != ERR_OK)
		return 500;
	set_cookie(r, w, token, SESSION_MAX);
	return 0;
}

/* The sign-in form; message (escaped) above it when not NULL. */
static int
login_page(struct http_req *r, struct http_resp *w, int status,
    const char *message)
{
	struct buf	*b = &w->body;

	w->status = status;
	w->content_type = "text/html; charset=utf-8";
	html_raw(b, "<!doctype html>\n<html lang=\"en\"><head>"
	    "<meta charset=\"utf-8\"><meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">"
	    "<link rel=\"stylesheet\" href=\"/static/okrdesk.css\">");
	html_printf(b, "<title>Sign in · %s</title></head><body "
	    "class=\"login\"><main><h1>%s</h1>", r->okr->ws.name,
	    r->okr->ws.name);
	if (message != NULL)
		html_printf(b, "<p class=\"error\" role=\"alert\">%s</p>",
		    message);
	html_raw(b, "<form method=\"post\" action=\"/login\">");
	html_printf(b, "<input type=\"hidden\" name=\"next\" value=\"%s\">",
	    safe_next(http_query(r, "next") != NULL ? http_query(r, "next") :
	    http_form(r, "next")));
	html_raw(b, "<label>Login <input name=\"login\" "
	    "autocomplete=\"username\" required autofocus></label>"
	    "<label>Password <input name=\"password\" type=\"password\" "
	    "autocomplete=\"current-password\" required></label>"
	    "<button type=\"submit\">Sign in</button></form></main>"
	    "</body></html>\n");
	return 0;
}

static int
auth_login_form(struct http_req *r, struct http_resp *w)
{
	if (r->user != NULL)
		return http_redirect(r, w, safe_next(http_query(r, "next")));
	return login_page(r, w, 200, NULL);
}

static int
auth_login_post(struct http_req *r, struct http_resp *w)
{
	struct user	 u;
	struct err	 e;
	char		*csrf;
	int		 st;

	memset(&e, 0, sizeof(e));
	if ((st = sign_in(r, w, http_form(r, "login"),
	    http_form(r, "password"), &u, &csrf, &e)) != 0)
		return login_page(r, w, st, e.msg);
	return http_redirect(r, w, safe_next(http_form(r, "next")));
}

static int
auth_logout(struct http_req *r, struct http_resp *w)
{
	struct err	 e;

	if (r->cookie_session != NULL)
		(void)session_end(r->okr, r->cookie_session, &e);
	set_cookie(r, w, NULL, 0);
	if (strncmp(r->path, "/api/", 5) == 0)
		return http_json(w, 200, json_pack("{s:b}", "signed_out", 1));
	return http_redirect(r, w, "/login");
}

static json_t *
me_json(const struct http_user *u, const char *csrf)
{
	json_t	*j = json_object();

	json_object_set_new(j, "login", json_string(u->login));
	json_object_set_new(j, "name", evaljson_str(u->name));
	json_object_set_new(j, "role", json_string(http_role_name(u->role)));
	json_object_set_new(j, "team", evaljson_str(u->team));
	json_object_set_new(j, "person", evaljson_str(u->person));
	json_object_set_new(j, "lang", evaljson_str(u->lang));
	json_object_set_new(j, "via_token", json_boolean(u->via_token));
	if (csrf != NULL)
		json_object_set_new(j, "csrf", json_string(csrf));
	return j;
}

/* POST /api/v1/session {"login", "password"}: the cookie and the CSRF
 * token for a script or single-page client. */
static int
auth_session_post(struct http_req *r, struct http_resp *w)
{
	struct user	 u;
	struct err	 e;
	json_t		*in;
	char		*csrf;
	int		 st;

	if (http_json_body(r, w, &in) != 0)
		return 0;
	memset(&e, 0, sizeof(e));
	st = sign_in(r, w, json_string_value(json_object_get(in, "login")),
	    json_string_value(json_object_get(in, "password")), &u, &csrf, &e);
	json_decref(in);
	if (st != 0)
		return http_error(w, st, st == 429 ? "too_many_requests" :
		    "unauthorized", NULL, "%s", e.msg);
	fill_user(r, &u, 0);
	return http_json(w, 201, me_json(r->user, csrf));
}

static int
auth_me(struct http_req *r, struct http_resp *w)
{
	return http_json(w, 200, me_json(r->user, r->csrf));
}

static int
auth_tokens(struct http_req *r, struct http_resp *w)
{
	struct api_token	*v;
	struct err		 e;
	size_t			 n, i;
	json_t			*a = json_array();

	if (token_list(r->okr, r->arena, &v, &n, &e) != ERR_OK) {
		json_decref(a);
		return http_fail(w, &e);
	}
	for (i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:s, s:o, "
		    "s:o, s:o}", "id", (json_int_t)v[i].id, "name", v[i].name,
		    "user", v[i].user, "role", user_role_names[v[i].role],
		    "created_at", evaljson_time(v[i].created_at),
		    "last_used_at", evaljson_time(v[i].last_used_at),
		    "revoked_at", evaljson_time(v[i].revoked_at)));
	return http_json(w, 200, a);
}

/* POST /api/v1/tokens {"name", "user", "role"?}: shown once. */
static int
auth_token_post(struct http_req *r, struct http_resp *w)
{
	struct user	 u;
	struct err	 e;
	const char	*name, *login, *role;
	json_t		*in;
	char		*token;
	int		 ri = -1;

	if (http_json_body(r, w, &in) != 0)
		return 0;
	name = json_string_value(json_object_get(in, "name"));
	login = json_string_value(json_object_get(in, "user"));
	role = json_string_value(json_object_get(in, "role"));
	if (name == NULL || login == NULL) {
		json_decref(in);
		return http_error(w, 422, "invalid", name == NULL ? "name" :
		    "user", "name and user are required strings");
	}
	if (role != NULL) {
		if ((ri = user_role_find(role)) < 0) {
			json_decref(in);
			return http_error(w, 422, "invalid", "role", "role: "
			    "expected viewer, member, lead or admin");
		}
	}
	name = arena_strdup(r->arena, name);
	login = arena_strdup(r->arena, login);
	json_decref(in);
	if (user_get(r->okr, login, r->arena, &u, &e) != ERR_OK ||
	    token_create(r->okr, u.id, name, ri, r->arena, &token, &e)
	    != ERR_OK)
		return http_fail(w, &e);
	return http_json(w, 201, json_pack("{s:s, s:s, s:s}", "name", name,
	    "user", login, "token", token));
}

static int
auth_token_delete(struct http_req *r, struct http_resp *w)
{
	struct err	 e;
	int64_t		 id;

	if (parse_int(r->args[0], 1, INT64_MAX, &id, &e) != ERR_OK)
		return http_error(w, 404, "not_found", "id", "no token %s",
		    r->args[0]);
	if (token_revoke(r->okr, id, &e) != ERR_OK)
		return http_fail(w, &e);
	return http_json(w, 200, json_pack("{s:I, s:b}", "id", (json_int_t)id,
	    "revoked", 1));
}

const struct route auth_routes[] = {
	{ HTTP_GET, "/login", auth_login_form, ROLE_ANON, ROUTE_PAGE,
	    "login_form" },
	{ HTTP_POST, "/login", auth_login_post, ROLE_ANON, ROUTE_PAGE,
	    "login" },
	{ HTTP_POST, "/logout", auth_logout, ROLE_VIEWER,
	    ROUTE_PAGE | ROUTE_WRITE, "logout" },
	{ HTTP_POST, "/api/v1/session", auth_session_post, ROLE_ANON,
	    ROUTE_API, "session_create" },
	{ HTTP_DELETE, "/api/v1/session", auth_logout, ROLE_VIEWER,
	    ROUTE_API | ROUTE_WRITE, "session_end" },
	{ HTTP_GET, "/api/v1/me", auth_me, ROLE_VIEWER, ROUTE_API, "me" },
	{ HTTP_GET, "/api/v1/tokens", auth_tokens, ROLE_ADMIN, ROUTE_API,
	    "token_list" },
	{ HTTP_POST, "/api/v1/tokens", auth_token_post, ROLE_ADMIN,
	    ROUTE_API | ROUTE_WRITE, "token_create" },
	{ HTTP_DELETE, "/api/v1/tokens/*", auth_token_delete, ROLE_ADMIN,
	    ROUTE_API | ROUTE_WRITE, "token_revoke" },
	{ 0, NULL, NULL, ROLE_ANON, 0, NULL }
};
