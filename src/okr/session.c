/*
 * session.c: browser sessions and sign-in throttling.  See user.h.
 *
 * A session token is 32 random bytes (base64url) that only the browser
 * holds; the store keys the session by the token's BLAKE2b hash, so a copy
 * of the database opens no session.  The CSRF token is stored as is: it is
 * worth nothing without the session cookie and has to be handed back to
 * every page of the session.
 *
 * The throttle lives in the store (table signin_attempt), so that every
 * server on one database counts the same attempts: one row per failure
 * and one per lock, keyed by a hash of (login, ip), pruned as they stop
 * counting (after THROTTLE_WINDOW, THROTTLE_LOCK), so a flood of
 * invented logins costs rows for a quarter of an hour only.
 */
#include <string.h>

#include <sodium.h>

#include "okr/user.h"

#define TOKEN_BYTES	32
#define TOKEN_MAXLEN	128	/* longer is not ours: refuse before hashing */

static enum err_code
session_gone(struct err *e)
{
	return err_setf(e, ERR_NOTFOUND, "session", "no such session, or it "
	    "has expired: sign in again");
}

static int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

enum err_code
session_create(struct okr *o, int64_t user_id, struct arena *a,
    char **token, char **csrf, struct err *e)
{
	struct user	 u;
	char		 hex[65];
	enum err_code	 rc;

	if ((rc = user_crypto_init(e)) != ERR_OK)
		return rc;
	if ((rc = user_get_id(o, user_id, a, &u, e)) != ERR_OK)
		return rc;
	if (u.disabled)
		return err_setf(e, ERR_CONFLICT, "login", "user \"%s\" is "
		    "disabled", u.login);
	if ((*token = user_secret_new(a, "", TOKEN_BYTES)) == NULL ||
	    (*csrf = user_secret_new(a, "", TOKEN_BYTES)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	user_secret_hash(*token, hex);
	if ((rc = store_exec(o->st, STMT_SESSION_PURGE, e, "i", o->now))
	    != ERR_OK)
		return rc;
	return store_exec(o->st, STMT_SESSION_INSERT, e, "titii", hex,
	    user_id, *csrf, o->now, o->now + min64(SESSION_IDLE,
	    SESSION_MAX));
}

enum err_code
session_lookup(struct okr *o, const char *token, struct arena *a,
    struct user *u, char **csrf, struct err *e)
{
	struct store_q	*q;
	char		 hex[65], *tok = NULL;
	enum err_code	 rc;
	int64_t		 uid = 0, created = 0, expires = 0, old;
	int		 r;

	if (token == NULL || strnlen(token, TOKEN_MAXLEN + 1) > TOKEN_MAXLEN)
		return session_gone(e);
	user_secret_hash(token, hex);
	if ((rc = store_q_open(o->st, STMT_SESSION_GET, &q, e, "t", hex))
	    != ERR_OK)
		return rc;
	if ((r = store_q_next(q, e)) == 1) {
		uid = store_q_int(q, 0);
		tok = arena_strdup(a, store_q_text(q, 1));
		created = store_q_int(q, 2);
		expires = store_q_int(q, 3);
	}
	store_q_close(q);
	if (r < 0)
		return e ? e->code : ERR_STORE;
	if (r == 0)
		return session_gone(e);
	if (tok == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	if (o->now >= expires) {
		if ((rc = store_exec(o->st, STMT_SESSION_DELETE, e, "t", hex))
		    != ERR_OK)
			return rc;
		return session_gone(e);
	}
	if ((rc = user_get_id(o, uid, a, u, e)) != ERR_OK) {
		if (rc == ERR_NOTFOUND)
			return session_gone(e);
		return rc;
	}
	if (u->disabled)
		return session_gone(e);
	/* slide the idle timeout, never past the absolute lifetime; a
	 * minute at a time, so reading pages does not write every request */
	old = expires;
	expires = min64(o->now + SESSION_IDLE, created + SESSION_MAX);
	if (expires - old >= TOUCH_EVERY && (rc = store_exec(o->st,
	    STMT_SESSION_TOUCH, e, "ti", hex, expires)) != ERR_OK)
		return rc;
	if (csrf != NULL)
		*csrf = tok;
	return ERR_OK;
}

enum err_code
session_end(struct okr *o, const char *token, struct err *e)
{
	char	 hex[65];

	if (token == NULL || strnlen(token, TOKEN_MAXLEN + 1) > TOKEN_MAXLEN)
		return ERR_OK;
	user_secret_hash(token, hex);
	return store_exec(o->st, STMT_SESSION_DELETE, e, "t", hex);
}

/* ---- throttle ---------------------------------------------------------- */

/* "login NUL ip" hashed (BLAKE2b, 16 bytes) as hex: the key of the pair's
 * rows, so the table holds no login or address in clear.  The separator
 * keeps ("ab", "c") and ("a", "bc") apart. */
static void
throttle_key(const char *login, const char *ip, char hex[33])
{
	crypto_generichash_state	 st;
	static const unsigned char	 sep = 0;
	unsigned char			 key[16];

	crypto_generichash_init(&st, NULL, 0, sizeof(key));
	crypto_generichash_update(&st, (const unsigned char *)
	    (login ? login : ""), strlen(login ? login : ""));
	crypto_generichash_update(&st, &sep, 1);
	crypto_generichash_update(&st, (const unsigned char *)(ip ? ip : ""),
	    strlen(ip ? ip : ""));
	crypto_generichash_final(&st, key, sizeof(key));
	sodium_bin2hex(hex, 33, key, sizeof(key));
}

int64_t
user_throttle_check(struct okr *o, const char *login, const char *ip,
    int64_t now)
{
	char	 key[33];
	int64_t	 at = 0;

	if (user_crypto_init(NULL) != ERR_OK)
		return THROTTLE_LOCK;	/* cannot count: refuse */
	throttle_key(login, ip, key);
	if (store_int(o->st, STMT_THROTTLE_LOCKED, &at, NULL, "t", key) !=
	    ERR_OK)
		return THROTTLE_LOCK;
	return at > 0 && at + THROTTLE_LOCK > now ? at + THROTTLE_LOCK - now :
	    0;
}

enum err_code
user_throttle_note(struct okr *o, const char *login, const char *ip,
    int ok, int64_t now, struct err *e)
{
	char		 key[33];
	int64_t		 fails = 0;
	enum err_code	 rc;

	if ((rc = user_crypto_init(e)) != ERR_OK)
		return rc;
	throttle_key(login, ip, key);
	if (ok)
		return store_exec(o->st, STMT_THROTTLE_CLEAR, e, "ti", key,
		    (int64_t)1);
	/* what no longer counts goes first, anyone's: the table holds the
	 * last quarter of an hour of failures, however many logins fail */
	if ((rc = store_exec(o->st, STMT_THROTTLE_PRUNE, e, "i", now -
	    (THROTTLE_WINDOW > THROTTLE_LOCK ? THROTTLE_WINDOW :
	    THROTTLE_LOCK))) != ERR_OK ||
	    (rc = store_exec(o->st, STMT_THROTTLE_ADD, e, "tit", key, now,
	    "fail")) != ERR_OK ||
	    (rc = store_int(o->st, STMT_THROTTLE_COUNT, &fails, e, "ti", key,
	    now - THROTTLE_WINDOW)) != ERR_OK)
		return rc;
	if (fails < THROTTLE_FAILS)
		return ERR_OK;
	/* locked from now; the count starts again after the lock */
	if ((rc = store_exec(o->st, STMT_THROTTLE_CLEAR, e, "ti", key,
	    (int64_t)0)) != ERR_OK)
		return rc;
	return store_exec(o->st, STMT_THROTTLE_ADD, e, "tit", key, now,
	    "lock");
}
