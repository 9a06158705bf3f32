/*
 * token.c: API tokens for scripts and help-desk webhooks.  See user.h.
 *
 * A token is "okd_" + 32 random bytes in base64url: the prefix lets secret
 * scanners and people recognise one.  Only its hash is stored, so the
 * token is shown once.  It acts as its owner, with a role no higher than
 * the owner's, and a revoked token stays in the table (revoked_at) so the
 * list says what existed and when it stopped.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/parse.h"
#include "okr/refs.h"
#include "okr/user.h"

#define TOKEN_PREFIX	"okd_"
#define TOKEN_BYTES	32
#define TOKEN_MAXLEN	128

static enum err_code
token_invalid(struct err *e)
{
	return err_setf(e, ERR_NOTFOUND, "token", "invalid API token");
}

enum err_code
token_create(struct okr *o, int64_t user_id, const char *name, int role,
    struct arena *a, char **token, struct err *e)
{
	struct user	 u;
	char		 hex[65];
	enum err_code	 rc;
	int64_t		 id;

	if ((rc = user_crypto_init(e)) != ERR_OK)
		return rc;
	if (name == NULL || parse_name(name, e) != ERR_OK) {
		if (name == NULL)
			err_set(e, ERR_INVAL, "is required");
		err_prefix(e, "name");
		if (e != NULL)
			snprintf(e->field, sizeof(e->field), "name");
		return ERR_INVAL;
	}
	if ((rc = user_get_id(o, user_id, a, &u, e)) != ERR_OK)
		return rc;
	if (u.disabled)
		return err_setf(e, ERR_CONFLICT, "user", "user \"%s\" is "
		    "disabled", u.login);
	if (role < 0)
		role = u.role;
	if (role >= USER_ROLE__MAX)
		return err_setf(e, ERR_INVAL, "role", "role: expected one of "
		    "viewer, member, lead, admin");
	if (role > u.role)
		return err_setf(e, ERR_INVAL, "role", "role: a token of \"%s\" "
		    "may act as %s at most, not \"%s\"", u.login,
		    user_role_names[u.role], user_role_names[role]);
	if ((*token = user_secret_new(a, TOKEN_PREFIX, TOKEN_BYTES)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	user_secret_hash(*token, hex);
	if ((rc = store_int(o->st, STMT_TOKEN_INSERT, &id, e, "ittti",
	    user_id, name, hex, user_role_names[role], o->now)) != ERR_OK)
		return rc;
	return history_add(o, "token", id, name, "created", NULL,
	    arena_printf(a, "user %s, role %s", u.login,
	    user_role_names[role]), e);
}

enum err_code
token_lookup(struct okr *o, const char *token, struct arena *a,
    struct user *u, struct err *e)
{
	struct store_q	*q;
	char		 hex[65];
	enum err_code	 rc;
	int64_t		 id = 0, uid = 0, revoked = 0, used = 0;
	int		 r, role = -1;

	if (token == NULL || strncmp(token, TOKEN_PREFIX,
	    strlen(TOKEN_PREFIX)) != 0 ||
	    strnlen(token, TOKEN_MAXLEN + 1) > TOKEN_MAXLEN)
		return token_invalid(e);
	if ((rc = user_crypto_init(e)) != ERR_OK)
		return rc;
	user_secret_hash(token, hex);
	if ((rc = store_q_open(o->st, STMT_TOKEN_GET, &q, e, "t", hex))
	    != ERR_OK)
		return rc;
	if ((r = store_q_next(q, e)) == 1) {
		id = store_q_int(q, 0);
		uid = store_q_int(q, 1);
		role = user_role_find(store_q_text(q, 2));
		revoked = store_q_int(q, 3);
		used = store_q_int(q, 4);
	}
	store_q_close(q);
	if (r < 0)
		return e ? e->code : ERR_STORE;
	if (r == 0 || revoked != 0 || role < 0)
		return token_invalid(e);
	if ((rc = user_get_id(o, uid, a, u, e)) != ERR_OK)
		return rc == ERR_NOTFOUND ? token_invalid(e) : rc;
	if (u->disabled)
		return token_invalid(e);
	if (role < u->role)
		u->role = role;
	/* a minute's precision is enough to see a token in use, and a
	 * write per request would queue every scripted call behind one
	 * database lock */
	if (o->now - used < TOUCH_EVERY)
		return ERR_OK;
	return store_exec(o->st, STMT_TOKEN_TOUCH, e, "ii", id, o->now);
}

static void
token_row(struct store_q *q, struct arena *a, void *elem)
{
	struct api_token	*t = elem;

	t->id = store_q_int(q, TOKEN_C_ID);
	t->name = arena_strdup(a, store_q_text(q, TOKEN_C_NAME));
	t->user = arena_strdup(a, store_q_text(q, TOKEN_C_USER));
	t->role = user_role_find(store_q_text(q, TOKEN_C_ROLE));
	t->created_at = store_q_int(q, TOKEN_C_CREATED_AT);
	t->last_used_at = store_q_int(q, TOKEN_C_LAST_USED_AT);
	t->revoked_at = store_q_int(q, TOKEN_C_REVOKED_AT);
}

enum err_code
token_list(struct okr *o, struct arena *a, struct api_token **out,
    size_t *np, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;

	if ((rc = store_q_open(o->st, STMT_TOKEN_LIST, &q, e, "")) != ERR_OK)
		return rc;
	return rows_collect(q, token_row, sizeof(**out), a, out, np, e);
}

enum err_code
token_revoke(struct okr *o, int64_t id, struct err *e)
{
	struct arena		 a = ARENA_INIT;
	struct store_q		*q;
	struct api_token	*t;
	size_t			 n;
	enum err_code		 rc;

	if ((rc = store_q_open(o->st, STMT_TOKEN_GET_ID, &q, e, "i", id))
	    != ERR_OK ||
	    (rc = rows_collect(q, token_row, sizeof(*t), &a, &t, &n, e))
	    != ERR_OK)
		goto out;
	if (n == 0 || t->revoked_at != 0) {
		rc = err_setf(e, ERR_NOTFOUND, "id", "no live API token with "
		    "id %lld", (long long)id);
		goto out;
	}
	if ((rc = store_exec(o->st, STMT_TOKEN_REVOKE, e, "ii", id, o->now))
	    == ERR_OK)
		rc = history_add(o, "token", id, t->name, "revoked", NULL,
		    t->user, e);
out:
	arena_release(&a);
	return rc;
}
