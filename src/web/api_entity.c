/*
 * api_entity.c: the generic writing flow of the API's entities, the
 * routes of teams, people, cycles and the workspace, and the route table
 * of every entity's writing routes (objectives and key results are in
 * api_entity_okr.c, users in api_user.c).
 *
 *   POST   /api/v1/teams          PATCH|DELETE /api/v1/teams/NAME
 *   POST   /api/v1/people         PATCH|DELETE /api/v1/people/NAME
 *   POST   /api/v1/cycles         PATCH|DELETE /api/v1/cycles/NAME
 *   PATCH  /api/v1/workspace
 *
 * A body member is a field of the entity's table (okr/fields.c) and goes
 * through field_set, as the CLI's --FIELD options do, so both refuse the
 * same values with the same messages; null unsets an optional field.  The
 * server runs each route in one transaction and rolls it back on a status
 * >= 400, so a refused or failed write leaves the store as it was.
 *
 * Rights: an admin may do everything; a lead may add a team under a team
 * they can edit (okr/user.c's user_can_edit_team: theirs or one below),
 * edit and remove such teams, and add, edit and remove the people of such
 * teams; cycles and the workspace are the admins'.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/evaljson.h"
#include "web/api_entity.h"
#include "web/auth.h"

int
api_forbid(struct http_resp *w, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[ERR_MSG_MAX];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	http_error(w, 403, "forbidden", NULL, "%s", msg);
	return 403;
}

const char *
api_entity_type(json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	default:
		return "null";
	}
}

/* Are the choices exactly "no", "yes" (a flag a boolean may set)? */
static int
yes_no(const char *const *choices)
{
	return choices != NULL && choices[0] != NULL && choices[1] != NULL &&
	    choices[2] == NULL && strcmp(choices[0], "no") == 0 &&
	    strcmp(choices[1], "yes") == 0;
}

enum err_code
api_entity_text(const struct field_def *f, json_t *v, char *num,
    size_t numsz, const char **out, struct err *e)
{
	const char	*want = "a string";

	*out = NULL;
	if (json_is_null(v))
		return ERR_OK;
	switch (f->type) {
	case FT_NUMBER:
	case FT_WEIGHT:
	case FT_FRACTION:
	case FT_DAYS:
	case FT_COUNT:
		/* the number as text, then field_set parses it as it would
		 * parse an option: the same bounds and messages */
		if (json_is_integer(v)) {
			snprintf(num, numsz, "%lld",
			    (long long)json_integer_value(v));
			*out = num;
			return ERR_OK;
		}
		if (json_is_real(v)) {
			field_fmt_number(json_real_value(v), num, numsz);
			*out = num;
			return ERR_OK;
		}
		want = f->type == FT_DAYS || f->type == FT_COUNT ? "a whole number" : "a number";
		break;
	case FT_ENUM:
		if (json_is_boolean(v) && yes_no(f->choices)) {
			*out = json_is_true(v) ? "yes" : "no";
			return ERR_OK;
		}
		/* FALLTHROUGH */
	default:
		if (json_is_string(v)) {
			*out = json_string_value(v);
			return ERR_OK;
		}
		break;
	}
	return err_setf(e, ERR_INVAL, f->name, "%s: expected %s, got %s",
	    f->name, want, api_entity_type(v));
}

/* If-Match: "3", W/"3", 3, or "*" (0: any); -1 if it is none of them. */
static int64_t
if_match_version(const char *h)
{
	char		 num[32];
	char		*end;
	size_t		 n;
	long long	 v;

	while (*h == ' ')
		h++;
	if (strcmp(h, "*") == 0)
		return 0;
	if (strncmp(h, "W/", 2) == 0)
		h += 2;
	n = strlen(h);
	while (n > 0 && h[n - 1] == ' ')
		n--;
	if (n >= 2 && h[0] == '"' && h[n - 1] == '"') {
		h++;
		n -= 2;
	}
	if (n == 0 || n >= sizeof(num) || h[0] < '0' || h[0] > '9')
		return -1;
	memcpy(num, h, n);
	num[n] = '\0';
	errno = 0;
	v = strtoll(num, &end, 10);
	if (errno != 0 || *end != '\0' || v < 1)
		return -1;
	return (int64_t)v;
}

int
api_version_wanted(struct api_call *c, int64_t *want)
{
	json_t		*v = c->in != NULL ? json_object_get(c->in, "version") :
			    NULL;
	int64_t		 body = 0, hdr = 0;

	*want = 0;
	if (v != NULL) {
		if (!json_is_integer(v) || json_integer_value(v) < 1) {
			http_error(c->w, 422, "invalid", "version", "version: "
			    "expected the whole number a read gave, got %s",
			    api_entity_type(v));
			return 422;
		}
		body = (int64_t)json_integer_value(v);
		json_object_del(c->in, "version");
	}
	if (c->r->if_match != NULL &&
	    (hdr = if_match_version(c->r->if_match)) < 0) {
		http_error(c->w, 400, "bad_request", "version", "If-Match: "
		    "expected a version such as \"3\", got '%s'",
		    c->r->if_match);
		return 400;
	}
	if (body > 0 && hdr > 0 && body != hdr) {
		http_error(c->w, 400, "bad_request", "version", "version %lld "
		    "in the body and %lld in If-Match disagree",
		    (long long)body, (long long)hdr);
		return 400;
	}
	*want = body > 0 ? body : hdr;
	return 0;
}

int
api_conflict(struct http_resp *w, const struct err *e, json_t *current)
{
	json_t	*m;

	if ((m = json_string(e->msg)) == NULL)
		m = json_string("conflict");
	return http_json(w, 409, json_pack("{s:{s:s, s:o, s:s}, s:o}",
	    "error", "code", "conflict", "message", m, "field", "version",
	    "current", current != NULL ? current : json_null()));
}

/* Fill w from e (422, 404, 409...); returns its status, never 0. */
static int
fail(struct api_call *c, const struct err *e)
{
	http_fail(c->w, e);
	return c->w->status != 0 ? c->w->status : 500;
}

/*
 * Apply every member of the body to obj: the entity's own members first,
 * then the field table through field_set (an unknown or read-only name is
 * its "unknown field" error, listing the known ones).  0, or the status
 * it filled the response with.
 */
static int
apply(struct api_call *c, const struct api_entity *d, void *obj)
{
	const struct field_def	*f;
	const char		*name, *text;
	json_t			*v;
	struct err		 e;
	char			 num[64];
	int			 x;

	err_clear(&e);
	json_object_foreach(c->in, name, v) {
		if (d->extra != NULL &&
		    (x = d->extra(c, name, v, obj, &e)) != 0) {
			if (x < 0)
				return fail(c, &e);
			continue;
		}
		f = field_find(d->fields, name);
		if (f != NULL && !(f->flags & F_READONLY) &&
		    api_entity_text(f, v, num, sizeof(num), &text, &e)
		    != ERR_OK)
			return fail(c, &e);
		if (f == NULL || (f->flags & F_READONLY))
			text = "";
		if (field_set(d->fields, obj, name, text, c->r->arena, &e)
		    != ERR_OK)
			return fail(c, &e);
	}
	return 0;
}

static void
call_init(struct api_call *c, struct http_req *r, struct http_resp *w)
{
	memset(c, 0, sizeof(*c));
	c->r = r;
	c->w = w;
	auth_as_user(r->user, &c->u);
}

/* The identity the path names: "NAME", or "OBJ/KR" for two segments. */
static const char *
path_ident(struct http_req *r)
{
	if (r->nargs >= 2)
		return arena_printf(r->arena, "%s/%s", r->args[0], r->args[1]);
	return r->args[0];
}

/* Answer status with the entity as stored now, read back as a GET would
 * give it (what the write resolved and normalised included). */
static int
respond(struct api_call *c, const struct api_entity *d, const void *obj,
    int status)
{
	struct err	 e;
	void		*now;
	const char	*id;

	err_clear(&e);
	if ((now = arena_alloc(c->r->arena, d->size)) == NULL ||
	    (id = d->ident(c->r->arena, obj)) == NULL)
		return http_error(c->w, 500, "internal", NULL,
		    "out of memory");
	if (d->get(c->r->okr, id, c->r->arena, now, &e) != ERR_OK)
		return http_fail(c->w, &e);
	if (d->version_off != 0)
		http_header(c->r, c->w, "ETag", arena_printf(c->r->arena,
		    "\"%lld\"", (long long)*(const int64_t *)(const void *)
		    ((const char *)now + d->version_off)));
	return http_json(c->w, status, d->json(c, now));
}

/* A lost race: 409 with the object as it is now (read again: on
 * PostgreSQL the winner committed after this request's first read). */
static int
conflict_current(struct api_call *c, const struct api_entity *d,
    const struct err *e)
{
	struct err	 e2;
	void		*now;

	err_clear(&e2);
	if ((now = arena_alloc(c->r->arena, d->size)) == NULL ||
	    d->get(c->r->okr, path_ident(c->r), c->r->arena, now, &e2) !=
	    ERR_OK)
		return api_conflict(c->w, e, NULL);	/* removed */
	return api_conflict(c->w, e, d->json(c, now));
}

int
api_entity_post(struct http_req *r, struct http_resp *w,
    const struct api_entity *d)
{
	struct api_call	 c;
	struct err	 e;
	void		*obj;

	call_init(&c, r, w);
	err_clear(&e);
	if ((obj = arena_alloc(r->arena, d->size)) == NULL)
		return http_error(w, 500, "internal", NULL, "out of memory");
	d->defaults(obj);
	/* the path's rights before the body: a stranger learns 403, not
	 * what is wrong with a body they may not send */
	if ((d->prepare != NULL && d->prepare(&c, obj) != 0) ||
	    (d->may != NULL && d->may(&c, API_ADD, NULL, NULL) != 0))
		return 0;
	if (http_json_body(r, w, &c.in) != 0)
		return 0;
	if (apply(&c, d, obj) == 0 &&
	    (d->may == NULL || d->may(&c, API_ADD, NULL, obj) == 0)) {
		if (d->add(&c, obj, &e) != ERR_OK)
			http_fail(w, &e);
		else
			respond(&c, d, obj, 201);
	}
	json_decref(c.in);
	return 0;
}

int
api_entity_patch(struct http_req *r, struct http_resp *w,
    const struct api_entity *d)
{
	struct api_call	 c;
	struct err	 e;
	void		*old, *obj;
	int64_t		 want, *had;

	call_init(&c, r, w);
	err_clear(&e);
	if ((old = arena_alloc(r->arena, d->size)) == NULL ||
	    (obj = arena_alloc(r->arena, d->size)) == NULL)
		return http_error(w, 500, "internal", NULL, "out of memory");
	if (d->get(r->okr, path_ident(r), r->arena, old, &e) != ERR_OK)
		return http_fail(w, &e);
	if (d->may != NULL && d->may(&c, API_EDIT, old, NULL) != 0)
		return 0;
	if (http_json_body(r, w, &c.in) != 0)
		return 0;
	want = 0;
	if (d->version_off != 0 && api_version_wanted(&c, &want) != 0) {
		json_decref(c.in);
		return 0;
	}
	/* the write matches the client's version, else the one read here */
	if (want > 0) {
		had = (int64_t *)(void *)((char *)old + d->version_off);
		*had = want;
	}
	/* only the members given change: start from the stored object
	 * (arrays are replaced by the extras, never changed in place) */
	memcpy(obj, old, d->size);
	if (apply(&c, d, obj) == 0 &&
	    (d->may == NULL || d->may(&c, API_EDIT, old, obj) == 0)) {
		if (d->update(&c, old, obj, &e) != ERR_OK) {
			if (okr_is_version_conflict(&e))
				conflict_current(&c, d, &e);
			else
				http_fail(w, &e);
		} else
			respond(&c, d, obj, 200);
	}
	json_decref(c.in);
	return 0;
}

int
api_entity_delete(struct http_req *r, struct http_resp *w,
    const struct api_entity *d)
{
	struct api_call	 c;
	struct err	 e;
	void		*old;
	const char	*id = path_ident(r);

	call_init(&c, r, w);
	err_clear(&e);
	if ((old = arena_alloc(r->arena, d->size)) == NULL)
		return http_error(w, 500, "internal", NULL, "out of memory");
	if (d->get(r->okr, id, r->arena, old, &e) != ERR_OK)
		return http_fail(w, &e);
	if (d->may != NULL && d->may(&c, API_RM, old, NULL) != 0)
		return 0;
	if (d->rm(r->okr, id, &e) != ERR_OK)
		return http_fail(w, &e);
	return http_json(w, 200, json_pack("{s:s}", "deleted", id));
}

/* ---- teams ------------------------------------------------------------- */

API_GLUE(team, name)
API_GLUE_JSON(team)

static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static int
team_may(struct api_call *c, enum api_op op, const void *oldp, void *newp)
{
	const struct team	*old = oldp, *t = newp;
	struct okr		*o = c->r->okr;

	if (user_has_role(&c->u, USER_ADMIN))
		return 0;
	if (t == NULL && old != NULL && !user_can_edit_team(o, &c->u,
	    old->name))
		return api_forbid(c->w, "team \"%s\" is neither your team nor "
		    "one below it", old->name);
	if (t == NULL || (op == API_EDIT && same(old->parent, t->parent)))
		return 0;
	/* an added or moved team must land under a team the lead edits */
	if (t->parent == NULL || !user_can_edit_team(o, &c->u, t->parent))
		return api_forbid(c->w, "a lead may place a team only under "
		    "their team or one below it, not under \"%s\"",
		    t->parent != NULL ? t->parent : "(none: the top)");
	return 0;
}

static const struct api_entity team_ent = {
	"team", team_fields, sizeof(struct team), team_defaults_v,
	team_ident_v, team_get_v, NULL, team_add_v, team_update_v, team_rm,
	NULL, team_may, team_json_v, offsetof(struct team, version)
};

static int
api_team_post(struct http_req *r, struct http_resp *w)
{
	return api_entity_post(r, w, &team_ent);
}

static int
api_team_patch(struct http_req *r, struct http_resp *w)
{
	return api_entity_patch(r, w, &team_ent);
}

static int
api_team_delete(struct http_req *r, struct http_resp *w)
{
	return api_entity_delete(r, w, &team_ent);
}

/* ---- people ------------------------------------------------------------ */

API_GLUE(person, name)
API_GLUE_JSON(person)

static int
person_may(struct api_call *c, enum api_op op, const void *oldp, void *newp)
{
	const struct person	*old = oldp, *p = newp;
	struct okr		*o = c->r->okr;

	if (user_has_role(&c->u, USER_ADMIN))
		return 0;
	if (p == NULL && old != NULL && (old->team == NULL ||
	    !user_can_edit_team(o, &c->u, old->team)))
		return api_forbid(c->w, "person \"%s\" is not in your team or "
		    "one below it", old->name);
	if (p == NULL || (op == API_EDIT && same(old->team, p->team)))
		return 0;
	if (p->team == NULL || !user_can_edit_team(o, &c->u, p->team))
		return api_forbid(c->w, "a lead may place people only in their "
		    "team or one below it, not in \"%s\"", p->team != NULL ?
		    p->team : "(no team)");
	return 0;
}

static const struct api_entity person_ent = {
	"person", person_fields, sizeof(struct person), person_defaults_v,
	person_ident_v, person_get_v, NULL, person_add_v, person_update_v,
	person_rm, NULL, person_may, person_json_v,
	offsetof(struct person, version)
};

static int
api_person_post(struct http_req *r, struct http_resp *w)
{
	return api_entity_post(r, w, &person_ent);
}

static int
api_person_patch(struct http_req *r, struct http_resp *w)
{
	return api_entity_patch(r, w, &person_ent);
}

static int
api_person_delete(struct http_req *r, struct http_resp *w)
{
	return api_entity_delete(r, w, &person_ent);
}

/* ---- cycles (admins: the route says so) -------------------------------- */

API_GLUE(cycle, name)
API_GLUE_JSON(cycle)

static const struct api_entity cycle_ent = {
	"cycle", cycle_fields, sizeof(struct cycle), cycle_defaults_v,
	cycle_ident_v, cycle_get_v, NULL, cycle_add_v, cycle_update_v,
	cycle_rm, NULL, NULL, cycle_json_v, offsetof(struct cycle, version)
};

static int
api_cycle_post(struct http_req *r, struct http_resp *w)
{
	return api_entity_post(r, w, &cycle_ent);
}

static int
api_cycle_patch(struct http_req *r, struct http_resp *w)
{
	return api_entity_patch(r, w, &cycle_ent);
}

static int
api_cycle_delete(struct http_req *r, struct http_resp *w)
{
	return api_entity_delete(r, w, &cycle_ent);
}

/* ---- the workspace (admins) -------------------------------------------- */

static const struct api_entity workspace_ent = {
	"workspace", workspace_fields, sizeof(struct workspace), NULL, NULL,
	NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	offsetof(struct workspace, version)
};

static int
api_workspace_patch(struct http_req *r, struct http_resp *w)
{
	struct api_call		 c;
	struct workspace	 ws;
	struct err		 e;
	int64_t			 want;

	call_init(&c, r, w);
	err_clear(&e);
	if (http_json_body(r, w, &c.in) != 0)
		return 0;
	if (api_version_wanted(&c, &want) != 0) {
		json_decref(c.in);
		return 0;
	}
	/* the settings as okr_begin read them in this transaction */
	ws = r->okr->ws;
	if (want > 0)
		ws.version = want;
	if (apply(&c, &workspace_ent, &ws) == 0) {
		if (workspace_update(r->okr, &ws, &e) != ERR_OK) {
			if (okr_is_version_conflict(&e))
				api_conflict(w, &e, evaljson_entity(
				    workspace_fields, &r->okr->ws, 0,
				    r->okr->ws.version));
			else
				http_fail(w, &e);
		} else {
			http_header(r, w, "ETag", arena_printf(r->arena,
			    "\"%lld\"", (long long)r->okr->ws.version));
			http_json(w, 200, evaljson_entity(workspace_fields,
			    &r->okr->ws, 0, r->okr->ws.version));
		}
	}
	json_decref(c.in);
	return 0;
}

#define W	(ROUTE_API | ROUTE_WRITE)

const struct route api_entity_routes[] = {
	{ HTTP_POST, "/api/v1/teams", api_team_post, ROLE_LEAD, W,
	    "team_add" },
	{ HTTP_PATCH, "/api/v1/teams/*", api_team_patch, ROLE_LEAD, W,
	    "team_update" },
	{ HTTP_DELETE, "/api/v1/teams/*", api_team_delete, ROLE_LEAD, W,
	    "team_rm" },
	{ HTTP_POST, "/api/v1/people", api_person_post, ROLE_LEAD, W,
	    "person_add" },
	{ HTTP_PATCH, "/api/v1/people/*", api_person_patch, ROLE_LEAD, W,
	    "person_update" },
	{ HTTP_DELETE, "/api/v1/people/*", api_person_delete, ROLE_LEAD, W,
	    "person_rm" },
	{ HTTP_POST, "/api/v1/cycles", api_cycle_post, ROLE_ADMIN, W,
	    "cycle_add" },
	{ HTTP_PATCH, "/api/v1/cycles/*", api_cycle_patch, ROLE_ADMIN, W,
	    "cycle_update" },
	{ HTTP_DELETE, "/api/v1/cycles/*", api_cycle_delete, ROLE_ADMIN, W,
	    "cycle_rm" },
	{ HTTP_POST, "/api/v1/objectives", api_objective_post, ROLE_MEMBER,
	    W, "objective_add" },
	{ HTTP_PATCH, "/api/v1/objectives/*", api_objective_patch, ROLE_LEAD,
	    W, "objective_update" },
	{ HTTP_DELETE, "/api/v1/objectives/*", api_objective_delete,
	    ROLE_LEAD, W, "objective_rm" },
	{ HTTP_POST, "/api/v1/objectives/*/krs", api_kr_post, ROLE_MEMBER, W,
	    "kr_add" },
	{ HTTP_PATCH, "/api/v1/krs/*/*", api_kr_patch, ROLE_LEAD, W,
	    "kr_update" },
	{ HTTP_DELETE, "/api/v1/krs/*/*", api_kr_delete, ROLE_LEAD, W,
	    "kr_rm" },
	{ HTTP_PATCH, "/api/v1/workspace", api_workspace_patch, ROLE_ADMIN, W,
	    "workspace_update" },
	{ HTTP_GET, "/api/v1/users", api_user_list, ROLE_ADMIN, ROUTE_API,
	    "user_list" },
	{ HTTP_POST, "/api/v1/users", api_user_post, ROLE_ADMIN, W,
	    "user_add" },
	{ HTTP_PATCH, "/api/v1/users/*", api_user_patch, ROLE_ADMIN, W,
	    "user_update" },
	{ HTTP_DELETE, "/api/v1/users/*", api_user_delete, ROLE_ADMIN, W,
	    "user_rm" },
	{ 0, NULL, NULL, ROLE_ANON, 0, NULL }
};
