/*
 * user.c: users, their passwords and the role checks.  See user.h.
 *
 * Passwords go through libsodium's crypto_pwhash_str (argon2id with the
 * interactive limits: about 64 MiB and 0.1 s a hash, which is what makes a
 * stolen hash expensive to attack) and nothing else touches them: they are
 * not quoted in errors, not kept in history, not held past the call.
 */
#include <pthread.h>
#include <string.h>

#include <sodium.h>

#include "okr/refs.h"
#include "okr/user.h"

const char *const user_role_names[] = { "viewer", "member", "lead", "admin",
	NULL };
const char *const user_lang_names[] = { "en", "ro", NULL };
static const char *const user_disabled_names[] = { "no", "yes", NULL };

#define FLD(n, t, m, fl, ch, h) \
	{ n, t, offsetof(struct user, m), fl, ch, h }

const struct field_def user_fields[] = {
	FLD("login", FT_KEY, login, F_IDENTITY, NULL,
	    "the sign-in name: a-z, 0-9, - and _, starting with a letter"),
	FLD("name", FT_NAME, name, 0, NULL, "the name shown for the user"),
	FLD("role", FT_ENUM, role, F_REQUIRED, user_role_names,
	    "viewer, member, lead or admin (member)"),
	FLD("team", FT_REF, team, 0, NULL,
	    "the team a lead leads or a member belongs to"),
	FLD("person", FT_REF, person, 0, NULL,
	    "the person the user is (for the key results they own)"),
	FLD("lang", FT_NAME, lang, 0, NULL,
	    "en or ro (default: the workspace's)"),
	FLD("disabled", FT_ENUM, disabled, F_REQUIRED, user_disabled_names,
	    "yes: may not sign in (no)"),
	{ NULL, FT__MAX, 0, 0, NULL, NULL }
};

/*
 * The argon2id hash of a random password nobody knows, made with the same
 * limits as real ones: an unknown login is verified against it, so that it
 * costs as much time as a known one with a wrong password.
 */
static const char dummy_hash[crypto_pwhash_STRBYTES] =
    "$argon2id$v=19$m=65536,t=2,p=1$P2s6gn8TAGssv4QgZEp8NQ$"
    "t17nFVB5NWhkrxSZK/sZyZOMM8Q/N+ap9AAVepX8hUE";

#define LOGIN_FAILED	"wrong login or password"

void
user_defaults(struct user *u)
{
	memset(u, 0, sizeof(*u));
	u->role = USER_MEMBER;
}

/* ---- secrets ----------------------------------------------------------- */

static pthread_once_t	 crypto_once = PTHREAD_ONCE_INIT;
static int		 crypto_ok;

static void
crypto_start(void)
{
	crypto_ok = sodium_init() >= 0;
}

enum err_code
user_crypto_init(struct err *e)
{
	pthread_once(&crypto_once, crypto_start);
	if (!crypto_ok)
		return err_set(e, ERR_INTERNAL, "libsodium failed to start");
	return ERR_OK;
}

char *
user_secret_new(struct arena *a, const char *prefix, size_t n)
{
	unsigned char	 raw[64];
	char		 b64[sodium_base64_ENCODED_LEN(64,
			    sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
	char		*s;

	if (n > sizeof(raw) || user_crypto_init(NULL) != ERR_OK)
		return NULL;
	randombytes_buf(raw, n);
	sodium_bin2base64(b64, sizeof(b64), raw, n,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	s = arena_printf(a, "%s%s", prefix, b64);
	sodium_memzero(raw, sizeof(raw));
	sodium_memzero(b64, sizeof(b64));
	return s;
}

void
user_secret_hash(const char *token, char hex[65])
{
	unsigned char	 h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token,
	    strlen(token), NULL, 0);
	sodium_bin2hex(hex, 65, h, sizeof(h));
}

char *
user_password_new(struct arena *a)
{
	return user_secret_new(a, "", 16);
}

/* Length in characters and acceptability of a new password. */
static enum err_code
password_check(const char *pw, struct err *e)
{
	size_t	 chars = 0, bytes;

	if (pw == NULL)
		return err_setf(e, ERR_INVAL, "password", "password: is "
		    "required");
	for (bytes = 0; pw[bytes] != '\0'; bytes++)
		if (((unsigned char)pw[bytes] & 0xC0) != 0x80)
			chars++;
	if (bytes > USER_PASSWORD_MAX)
		return err_setf(e, ERR_INVAL, "password", "password: at most "
		    "%d bytes, got %zu", USER_PASSWORD_MAX, bytes);
	if (chars < USER_PASSWORD_MIN)
		return err_setf(e, ERR_INVAL, "password", "password: at least "
		    "%d characters, got %zu", USER_PASSWORD_MIN, chars);
	return ERR_OK;
}

static enum err_code
password_hash(const char *pw, char out[crypto_pwhash_STRBYTES],
    struct err *e)
{
	enum err_code	 rc;

	if ((rc = user_crypto_init(e)) != ERR_OK)
		return rc;
	if (crypto_pwhash_str(out, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return err_set(e, ERR_NOMEM, "out of memory hashing the "
		    "password");
	return ERR_OK;
}

/* ---- users ------------------------------------------------------------- */

static int
name_index(const char *const *names, const char *s)
{
	int	 i;

	for (i = 0; s != NULL && names[i] != NULL; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

static void
user_row(struct store_q *q, struct arena *a, void *elem)
{
	struct user	*u = elem;

	u->id = store_q_int(q, USER_C_ID);
	u->login = arena_strdup(a, store_q_text(q, USER_C_LOGIN));
	u->name = arena_strdup(a, store_q_text(q, USER_C_NAME));
	u->role = name_index(user_role_names, store_q_text(q, USER_C_ROLE));
	u->team = arena_strdup(a, store_q_text(q, USER_C_TEAM));
	u->person = arena_strdup(a, store_q_text(q, USER_C_PERSON));
	u->lang = arena_strdup(a, store_q_text(q, USER_C_LANG));
	u->created_at = store_q_int(q, USER_C_CREATED_AT);
	u->disabled = store_q_int(q, USER_C_DISABLED) != 0;
}

enum err_code
user_list(struct okr *o, struct arena *a, struct user **out, size_t *np,
    struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;

	if ((rc = store_q_open(o->st, STMT_USER_LIST, &q, e, "")) != ERR_OK)
		return rc;
	return rows_collect(q, user_row, sizeof(**out), a, out, np, e);
}

static enum err_code
user_fetch(struct okr *o, enum stmt id, const char *login, int64_t uid,
    struct arena *a, struct user *u, struct err *e)
{
	struct store_q	*q;
	struct user	*v;
	size_t		 n;
	enum err_code	 rc;

	rc = login != NULL ? store_q_open(o->st, id, &q, e, "t", login) :
	    store_q_open(o->st, id, &q, e, "i", uid);
	if (rc != ERR_OK ||
	    (rc = rows_collect(q, user_row, sizeof(*v), a, &v, &n, e))
	    != ERR_OK)
		return rc;
	if (n == 0)
		return login != NULL ? err_setf(e, ERR_NOTFOUND, "login",
		    "no user with login \"%s\"", login) :
		    err_setf(e, ERR_NOTFOUND, "user", "no user with id %lld",
		    (long long)uid);
	*u = v[0];
	return ERR_OK;
}

enum err_code
user_get(struct okr *o, const char *login, struct arena *a, struct user *u,
    struct err *e)
{
	return user_fetch(o, STMT_USER_GET, login, 0, a, u, e);
}

enum err_code
user_get_id(struct okr *o, int64_t id, struct arena *a, struct user *u,
    struct err *e)
{
	return user_fetch(o, STMT_USER_GET_ID, NULL, id, a, u, e);
}

int64_t
user_count(struct okr *o)
{
	int64_t	 n = 0;

	if (store_int(o->st, STMT_USER_COUNT, &n, NULL, "") != ERR_OK)
		return 0;
	return n;
}

/* Validate u and resolve its team and person to ids. */
static enum err_code
user_check(struct okr *o, const struct user *old, const struct user *u,
    int64_t *team, int64_t *person, struct err *e)
{
	struct arena	 a = ARENA_INIT;
	struct user	 other;
	enum err_code	 rc;

	*team = *person = 0;
	if ((rc = field_check_required(user_fields, u, "user", e)) != ERR_OK)
		return rc;
	if (u->role < 0 || u->role >= USER_ROLE__MAX)
		return err_setf(e, ERR_INVAL, "role", "role: expected one of "
		    "viewer, member, lead, admin");
	if (u->lang != NULL && name_index(user_lang_names, u->lang) < 0)
		return err_setf(e, ERR_INVAL, "lang", "lang: expected one of "
		    "en, ro, got \"%s\"", u->lang);
	if (u->role == USER_LEAD && u->team == NULL)
		return err_setf(e, ERR_INVAL, "team", "team: a lead needs the "
		    "team they lead (--team)");
	if (old == NULL || strcmp(old->login, u->login) != 0) {
		rc = user_get(o, u->login, &a, &other, NULL);
		arena_release(&a);
		if (rc == ERR_OK)
			return err_setf(e, ERR_EXISTS, "login", "a user with "
			    "login \"%s\" already exists", u->login);
	}
	if (u->team != NULL && (rc = ref_team(o, u->team, team, e)) != ERR_OK)
		return rc;
	if (u->person != NULL &&
	    (rc = ref_person(o, u->person, person, e)) != ERR_OK)
		return rc;
	return ERR_OK;
}

/* ERR_CONFLICT if taking old's admin rights away leaves no enabled admin. */
static enum err_code
last_admin(struct okr *o, const struct user *old, const char *what,
    struct err *e)
{
	enum err_code	 rc;
	int64_t		 admins = 0;

	if (old->role != USER_ADMIN || old->disabled)
		return ERR_OK;
	if ((rc = store_int(o->st, STMT_USER_ADMINS, &admins, e, ""))
	    != ERR_OK)
		return rc;
	if (admins <= 1)
		return err_setf(e, ERR_CONFLICT, "role", "\"%s\" is the last "
		    "enabled admin: make another admin before you %s them",
		    old->login, what);
	return ERR_OK;
}

enum err_code
user_add(struct okr *o, struct user *u, const char *password,
    struct err *e)
{
	char		 hash[crypto_pwhash_STRBYTES];
	enum err_code	 rc;
	int64_t		 team, person;

	u->disabled = u->disabled != 0;
	/* someone must be able to administer the workspace from the web */
	if (u->role != USER_ADMIN && user_count(o) == 0)
		return err_setf(e, ERR_INVAL, "role", "role: the first user "
		    "must be an admin, not \"%s\"", u->role >= 0 &&
		    u->role < USER_ROLE__MAX ? user_role_names[u->role] : "?");
	if ((rc = user_check(o, NULL, u, &team, &person, e)) != ERR_OK ||
	    (rc = password_check(password, e)) != ERR_OK ||
	    (rc = password_hash(password, hash, e)) != ERR_OK)
		return rc;
	u->created_at = o->now;
	rc = store_int(o->st, STMT_USER_INSERT, &u->id, e, "ttttIItii",
	    u->login, u->name, hash, user_role_names[u->role], team, person,
	    u->lang, u->created_at, (int64_t)u->disabled);
	sodium_memzero(hash, sizeof(hash));
	if (rc != ERR_OK)
		return rc;
	return history_diff(o, "user", u->id, u->login, user_fields, NULL, u,
	    e);
}

enum err_code
user_update(struct okr *o, const struct user *old, struct user *u,
    struct err *e)
{
	enum err_code	 rc;
	int64_t		 team, person;

	u->id = old->id;
	u->created_at = old->created_at;
	u->disabled = u->disabled != 0;
	if ((rc = user_check(o, old, u, &team, &person, e)) != ERR_OK)
		return rc;
	if ((u->role != USER_ADMIN || u->disabled) &&
	    (rc = last_admin(o, old, u->disabled ? "disable" : "demote", e))
	    != ERR_OK)
		return rc;
	if ((rc = history_diff(o, "user", u->id, u->login, user_fields, old,
	    u, e)) != ERR_OK)
		return rc;
	if (u->disabled && !old->disabled &&
	    (rc = store_exec(o->st, STMT_SESSION_DELETE_USER, e, "i", u->id))
	    != ERR_OK)
		return rc;
	return store_exec(o->st, STMT_USER_UPDATE, e, "itttIIti", u->id,
	    u->login, u->name, user_role_names[u->role], team, person,
	    u->lang, (int64_t)u->disabled);
}

enum err_code
user_passwd(struct okr *o, const char *login, const char *password,
    struct err *e)
{
	struct arena	 a = ARENA_INIT;
	struct user	 u;
	char		 hash[crypto_pwhash_STRBYTES];
	enum err_code	 rc;

	if ((rc = user_get(o, login, &a, &u, e)) != ERR_OK ||
	    (rc = password_check(password, e)) != ERR_OK ||
	    (rc = password_hash(password, hash, e)) != ERR_OK)
		goto out;
	/* the fact, never the value: old and new stay empty */
	if ((rc = store_exec(o->st, STMT_USER_HASH_SET, e, "it", u.id, hash))
	    != ERR_OK ||
	    (rc = store_exec(o->st, STMT_SESSION_DELETE_USER, e, "i", u.id))
	    != ERR_OK)
		goto out;
	rc = history_add(o, "user", u.id, u.login, "password", NULL,
	    "(changed)", e);
out:
	sodium_memzero(hash, sizeof(hash));
	arena_release(&a);
	return rc;
}

enum err_code
user_rm(struct okr *o, const char *login, struct err *e)
{
	struct arena	 a = ARENA_INIT;
	struct user	 u;
	enum err_code	 rc;

	if ((rc = user_get(o, login, &a, &u, e)) == ERR_OK &&
	    (rc = last_admin(o, &u, "remove", e)) == ERR_OK &&
	    (rc = history_add(o, "user", u.id, u.login, "removed", u.login,
	    NULL, e)) == ERR_OK)
		rc = store_exec(o->st, STMT_USER_DELETE, e, "i", u.id);
	arena_release(&a);
	return rc;
}

enum err_code
user_login(struct okr *o, const char *login, const char *password,
    struct arena *a, struct user *u, struct err *e)
{
	struct store_q	*q;
	char		 hash[crypto_pwhash_STRBYTES] = "", fresh[sizeof(hash)];
	const char	*h;
	enum err_code	 rc;
	int64_t		 id = 0;
	size_t		 len;
	int		 r, found = 0, good;

	if ((rc = user_crypto_init(e)) != ERR_OK)
		return rc;
	if (login == NULL || password == NULL)
		return err_set(e, ERR_NOTFOUND, LOGIN_FAILED);
	if ((rc = store_q_open(o->st, STMT_USER_HASH_GET, &q, e, "t", login))
	    != ERR_OK)
		return rc;
	if ((r = store_q_next(q, e)) == 1 && store_q_int(q, 2) == 0 &&
	    (h = store_q_text(q, 1)) != NULL && strlen(h) < sizeof(hash)) {
		id = store_q_int(q, 0);
		memcpy(hash, h, strlen(h) + 1);
		found = 1;
	}
	store_q_close(q);
	if (r < 0)
		return e ? e->code : ERR_STORE;
	/* the same work whether or not the login exists */
	len = strnlen(password, USER_PASSWORD_MAX + 1);
	good = crypto_pwhash_str_verify(found ? hash : dummy_hash, password,
	    len) == 0 && found && len <= USER_PASSWORD_MAX;
	if (!good)
		return err_set(e, ERR_NOTFOUND, LOGIN_FAILED);
	if (crypto_pwhash_str_needs_rehash(hash,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		if ((rc = password_hash(password, fresh, e)) != ERR_OK ||
		    (rc = store_exec(o->st, STMT_USER_HASH_SET, e, "it", id,
		    fresh)) != ERR_OK)
			return rc;
	}
	return user_get_id(o, id, a, u, e);
}

/* ---- role checks ------------------------------------------------------- */

int
user_has_role(const struct user *u, int min)
{
	return u != NULL && !u->disabled && u->role >= min;
}

int
user_can_edit_team(struct okr *o, const struct user *u, const char *team)
{
	struct arena	 a = ARENA_INIT;
	struct team	 t;
	const char	*name;
	int		 depth = 0, yes = 0;

	if (user_has_role(u, USER_ADMIN))
		return 1;
	if (!user_has_role(u, USER_LEAD) || u->team == NULL || team == NULL)
		return 0;
	/* walk up from team: the lead's team on the way means "below it" */
	for (name = team; name != NULL && depth++ < 1000; name = t.parent) {
		if (strcmp(name, u->team) == 0) {
			yes = 1;
			break;
		}
		if (team_get(o, name, &a, &t, NULL) != ERR_OK)
			break;
	}
	arena_release(&a);
	return yes;
}

int
user_can_edit_objective(struct okr *o, const struct user *u,
    const char *key)
{
	struct arena	 a = ARENA_INIT;
	struct objective ob;
	struct person	 p;
	const char	*team = NULL;
	int		 yes = 0;

	if (user_has_role(u, USER_ADMIN))
		return 1;
	if (!user_has_role(u, USER_LEAD))
		return 0;
	if (objective_get(o, key, &a, &ob, NULL) == ERR_OK) {
		team = ob.team;
		if (team == NULL && ob.person != NULL &&
		    person_get(o, ob.person, &a, &p, NULL) == ERR_OK)
			team = p.team;
		yes = team != NULL && user_can_edit_team(o, u, team);
	}
	arena_release(&a);
	return yes;
}

int
user_owns_kr(struct okr *o, const struct user *u, const char *ref)
{
	struct arena	 a = ARENA_INIT;
	struct kr	 k;
	int		 yes = 0;

	if (!user_has_role(u, USER_MEMBER) || u->person == NULL)
		return 0;
	if (kr_get(o, ref, &a, &k, NULL) == ERR_OK)
		yes = k.owner != NULL && strcmp(k.owner, u->person) == 0;
	arena_release(&a);
	return yes;
}

int
user_can_checkin(struct okr *o, const struct user *u, const char *ref)
{
	struct arena	 a = ARENA_INIT;
	struct kr	 k;
	int		 yes = 0;

	if (!user_has_role(u, USER_MEMBER))
		return 0;
	if (kr_get(o, ref, &a, &k, NULL) == ERR_OK)
		yes = (u->person != NULL && k.owner != NULL &&
		    strcmp(k.owner, u->person) == 0) ||
		    user_can_edit_objective(o, u, k.objective);
	arena_release(&a);
	return yes;
}

int
user_role_find(const char *s)
{
	return name_index(user_role_names, s);
}
