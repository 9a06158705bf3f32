/*
 * session.c: browser sessions and sign-in throttling.  See user.h.
 *
 * A session token is 32 random bytes (base64url) that only the browser
 * holds; the store keys the session by the token's BLAKE2b hash, so a copy
 * of the database opens no session.  The CSRF token is stored as is: it is
 * worth nothing without the session cookie and has to be handed back to
 * every page of the session.
 *
 * The throttle is a fixed table in memory, shared by the threads of one
 * server process under a mutex: the state of a few thousand failing
 * (login, ip) pairs, so a flood of invented logins costs a fixed amount of
 * memory (the oldest entry makes room) and no database writes.
 */
#include <pthread.h>
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

#define THROTTLE_SLOTS	4096

struct throttle_slot {
	unsigned char	 key[16];	/* BLAKE2b of login NUL ip */
	int		 used;
	int64_t		 fails[THROTTLE_FAILS];	/* ring of failure times */
	unsigned	 next;
	int64_t		 locked_until;
	int64_t		 last;		/* last activity, for eviction */
};

static pthread_mutex_t		 throttle_mtx = PTHREAD_MUTEX_INITIALIZER;
static struct throttle_slot	 throttle[THROTTLE_SLOTS];

static void
throttle_key(const char *login, const char *ip, unsigned char key[16])
{
	crypto_generichash_state	 st;
	static const unsigned char	 sep = 0;

	/* the separator keeps ("ab", "c") and ("a", "bc") apart */
	crypto_generichash_init(&st, NULL, 0, 16);
	crypto_generichash_update(&st, (const unsigned char *)
	    (login ? login : ""), strlen(login ? login : ""));
	crypto_generichash_update(&st, &sep, 1);
	crypto_generichash_update(&st, (const unsigned char *)(ip ? ip : ""),
	    strlen(ip ? ip : ""));
	crypto_generichash_final(&st, key, 16);
}

/* The slot of key, or NULL; with make, a new or the stalest slot. */
static struct throttle_slot *
throttle_find(const unsigned char key[16], int make)
{
	struct throttle_slot	*s, *free_slot = NULL, *oldest = NULL;
	size_t			 i;

	for (i = 0; i < THROTTLE_SLOTS; i++) {
		s = &throttle[i];
		if (!s->used) {
			if (free_slot == NULL)
				free_slot = s;
			continue;
		}
		if (memcmp(s->key, key, 16) == 0)
			return s;
		if (oldest == NULL || s->last < oldest->last)
			oldest = s;
	}
	if (!make)
		return NULL;
	s = free_slot != NULL ? free_slot : oldest;
	memset(s, 0, sizeof(*s));
	memcpy(s->key, key, 16);
	s->used = 1;
	return s;
}

int64_t
user_throttle_check(const char *login, const char *ip, int64_t now)
{
	struct throttle_slot	*s;
	unsigned char		 key[16];
	int64_t			 wait = 0;

	if (user_crypto_init(NULL) != ERR_OK)
		return THROTTLE_LOCK;	/* cannot count: refuse */
	throttle_key(login, ip, key);
	pthread_mutex_lock(&throttle_mtx);
	if ((s = throttle_find(key, 0)) != NULL && s->locked_until > now)
		wait = s->locked_until - now;
	pthread_mutex_unlock(&throttle_mtx);
	return wait;
}

void
user_throttle_note(const char *login, const char *ip, int ok, int64_t now)
{
	struct throttle_slot	*s;
	unsigned char		 key[16];
	int64_t			 oldest;

	if (user_crypto_init(NULL) != ERR_OK)
		return;
	throttle_key(login, ip, key);
	pthread_mutex_lock(&throttle_mtx);
	if (ok) {
		if ((s = throttle_find(key, 0)) != NULL)
			memset(s, 0, sizeof(*s));
	} else {
		s = throttle_find(key, 1);
		s->fails[s->next] = now;
		s->next = (s->next + 1) % THROTTLE_FAILS;
		s->last = now;
		/* the ring's next slot holds the oldest of the last N */
		oldest = s->fails[s->next];
		if (oldest != 0 && now - oldest < THROTTLE_WINDOW) {
			s->locked_until = now + THROTTLE_LOCK;
			memset(s->fails, 0, sizeof(s->fails));
		}
	}
	pthread_mutex_unlock(&throttle_mtx);
}

void
user_throttle_reset(void)
{
	pthread_mutex_lock(&throttle_mtx);
	memset(throttle, 0, sizeof(throttle));
	pthread_mutex_unlock(&throttle_mtx);
}
