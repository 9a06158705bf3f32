/*
 * api_user.c: the API's users, for admins.
 *
 *   GET    /api/v1/users              a page of users
 *   POST   /api/v1/users              {"login", ..., "password"?}
 *   PATCH  /api/v1/users/LOGIN        {...fields, "password"?}
 *   DELETE /api/v1/users/LOGIN
 *
 * The fields are okr/user.c's user_fields (login, name, role, team,
 * person, lang, disabled), written through the generic flow of
 * api_entity.c.  "password" is the one member beyond them: a string
 * (at least USER_PASSWORD_MIN characters) sets it; absent on POST, or
 * null on either, a random one is made and answered once in the
 * response's "password" (a reset).  No answer ever holds a hash: struct
 * user has none to give.
 */
#include <string.h>

#include "core/clock.h"
#include "okr/evaljson.h"
#include "web/api.h"
#include "web/api_entity.h"

API_GLUE_READ(user, login)

/* The password for add or passwd: given, or made here (NULL: none). */
static const char *
password_of(struct api_call *c, int always, struct err *e)
{
	const char	*pw;

	if (c->password != NULL || !always)
		return c->password;
	if ((pw = user_password_new(c->r->arena)) == NULL) {
		err_set(e, ERR_NOMEM, "out of memory");
		return NULL;
	}
	c->password = pw;
	c->generated = 1;
	return pw;
}

static enum err_code
user_add_pw(struct api_call *c, void *p, struct err *e)
{
	const char	*pw;

	if ((pw = password_of(c, 1, e)) == NULL)
		return e->code;
	return user_add(c->r->okr, p, pw, e);
}

static enum err_code
user_update_pw(struct api_call *c, const void *old, void *p, struct err *e)
{
	struct user	*u = p;
	enum err_code	 rc;

	if ((rc = user_update(c->r->okr, old, u, e)) != ERR_OK ||
	    c->password == NULL)
		return rc;
	return user_passwd(c->r->okr, u->login, c->password, e);
}

/* "password": a string, or null for a new random one. */
static int
user_extra(struct api_call *c, const char *name, json_t *v, void *p,
    struct err *e)
{
	(void)p;
	if (strcmp(name, "password") != 0)
		return 0;
	if (json_is_null(v))
		return password_of(c, 1, e) != NULL ? 1 : -1;
	if (!json_is_string(v)) {
		err_setf(e, ERR_INVAL, "password", "password: expected a "
		    "string, got %s", api_entity_type(v));
		return -1;
	}
	if ((c->password = arena_strdup(c->r->arena, json_string_value(v)))
	    == NULL) {
		err_set(e, ERR_NOMEM, "out of memory");
		return -1;
	}
	return 1;
}

/* The user as 'okrdesk user show --json' gives it; a password made for
 * this request is answered once. */
static json_t *
user_json(struct api_call *c, const void *p)
{
	const struct user	*u = p;
	json_t			*j;

	if ((j = evaljson_fields(user_fields, u, u->id)) == NULL)
		return NULL;
	json_object_set_new(j, "created_at", evaljson_time(u->created_at));
	if (c != NULL && c->generated)
		json_object_set_new(j, "password", json_string(c->password));
	return j;
}

static const struct api_entity user_ent = {
	"user", user_fields, sizeof(struct user), user_defaults_v,
	user_ident_v, user_get_v, NULL, user_add_pw, user_update_pw, user_rm,
	user_extra, NULL, user_json, 0
};

int
api_user_list(struct http_req *r, struct http_resp *w)
{
	struct user	*v;
	struct err	 e;
	size_t		 n, i;
	json_t		*a;

	err_clear(&e);
	if (user_list(r->okr, r->arena, &v, &n, &e) != ERR_OK)
		return http_fail(w, &e);
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, user_json(NULL, &v[i]));
	return api_page(r, w, a);
}

int
api_user_post(struct http_req *r, struct http_resp *w)
{
	return api_entity_post(r, w, &user_ent);
}

int
api_user_patch(struct http_req *r, struct http_resp *w)
{
	return api_entity_patch(r, w, &user_ent);
}

int
api_user_delete(struct http_req *r, struct http_resp *w)
{
	return api_entity_delete(r, w, &user_ent);
}
