/*
 * user.h: who may sign in and what they may do: users and their roles,
 * passwords, browser sessions, API tokens, sign-in throttling and the
 * role checks the web layer asks before it lets a request through.
 *
 * Secrets are never stored or logged in the clear.  A password is kept as
 * its argon2id string (libsodium crypto_pwhash_str, interactive limits),
 * a session or API token as the hex BLAKE2b-256 of the token; the token
 * itself is returned once, at creation.  History records user changes
 * field by field (user_fields, which has no password) and only the fact
 * that a password changed.
 *
 * Roles, lowest first: viewer (reads), member (checks in on the key results
 * they own), lead (edits the OKRs of their team and the teams below it),
 * admin (everything).  Everyone signed in reads every OKR.
 *
 * Like the rest of okr/, these functions never begin or commit a
 * transaction: the caller wraps one command or request (session_lookup and
 * token_lookup write too: the sliding expiry, last_used_at).  Times come
 * from o->now (OKRDESK_NOW in tests).
 *
 * Ownership: struct user strings and returned tokens live in the arena the
 * caller passes.  Password and token arguments are borrowed and not kept.
 */
#ifndef OKR_USER_H
#define OKR_USER_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "okr/okr.h"

enum user_role { USER_VIEWER, USER_MEMBER, USER_LEAD, USER_ADMIN, USER_ROLE__MAX };

/* "viewer", "member", "lead", "admin", NULL: indexed by enum user_role. */
extern const char *const user_role_names[];
/* The enum user_role named s ("lead"), or -1. */
int		user_role_find(const char *s);
/* "en", "ro", NULL: the languages a user may choose. */
extern const char *const user_lang_names[];

struct user {
	int64_t		 id;
	char		*login;		/* unique, a key: a-z 0-9 - _ */
	char		*name;		/* display name, or NULL */
	char		*team;		/* team led / belonged to, or NULL */
	char		*person;	/* the person they are, or NULL */
	char		*lang;		/* "en", "ro" or NULL (the workspace's) */
	int		 role;		/* enum user_role */
	int		 disabled;	/* 1: may not sign in */
	int64_t		 created_at;
};

#define USER_PASSWORD_MIN	10	/* characters (UTF-8 code points) */
#define USER_PASSWORD_MAX	1024	/* bytes: hashing has a cost */

#define SESSION_IDLE		((int64_t)12 * 3600)	/* idle timeout */
#define TOUCH_EVERY		((int64_t)60)	/* seconds between the writes
						   that record a session's or
						   token's use */
#define SESSION_MAX		((int64_t)7 * 86400)	/* absolute lifetime */

#define THROTTLE_FAILS		5			/* failures ... */
#define THROTTLE_WINDOW		((int64_t)15 * 60)	/* ... within this */
#define THROTTLE_LOCK		((int64_t)15 * 60)	/* refused this long */

/* The settable fields: login, name, role, team, person, lang, disabled
 * (okr/field.h).  No password: it has its own calls. */
extern const struct field_def user_fields[];

/* A blank user: role member, enabled. */
void		user_defaults(struct user *);

/* ---- users ------------------------------------------------------------- */

/*
 * Create u with password (at least USER_PASSWORD_MIN characters).  A lead
 * needs a team; team and person must exist; lang is en or ro; the first
 * user of a workspace must be an admin (ERR_INVAL, "role").  Sets u->id
 * and u->created_at.  ERR_EXISTS for a taken login, ERR_INVAL naming the
 * field ("password", "team", ...) for a bad value; a password is never
 * quoted in a message.
 */
enum err_code	user_add(struct okr *, struct user *, const char *password,
		    struct err *);
/*
 * Write new over old (same id; the login may change), recording each
 * changed field in history.  ERR_CONFLICT when it would leave no enabled
 * admin.  Disabling a user ends their sessions.
 */
enum err_code	user_update(struct okr *, const struct user *old,
		    struct user *new, struct err *);
/* Set a new password (rehashed), ending the user's sessions. */
enum err_code	user_passwd(struct okr *, const char *login,
		    const char *password, struct err *);
/* Remove a user with their sessions and tokens; ERR_CONFLICT for the last
 * enabled admin. */
enum err_code	user_rm(struct okr *, const char *login, struct err *);
/* ERR_NOTFOUND (field "login") for an unknown login. */
enum err_code	user_get(struct okr *, const char *login, struct arena *,
		    struct user *, struct err *);
enum err_code	user_get_id(struct okr *, int64_t id, struct arena *,
		    struct user *, struct err *);
/* Every user, in creation order. */
enum err_code	user_list(struct okr *, struct arena *, struct user **,
		    size_t *, struct err *);
/* How many users exist (0 on a store error): 0 means "create an admin". */
int64_t		user_count(struct okr *);

/*
 * Check a password.  ERR_NOTFOUND for an unknown login, a disabled user or
 * a wrong password alike: the same message ("wrong login or password") and
 * the same work (an unknown login is verified against a dummy hash), so a
 * caller learns nothing about which logins exist.  A hash made with older
 * limits is replaced by a fresh one.  The caller throttles (below).
 */
enum err_code	user_login(struct okr *, const char *login,
		    const char *password, struct arena *, struct user *,
		    struct err *);

/* A random password for a first admin or a reset: 22 base64url characters
 * (128 bits); NULL when the arena is exhausted. */
char		*user_password_new(struct arena *);

/* ---- sessions (session.c) ---------------------------------------------- */

/*
 * Open a session for a user: *token (43 base64url characters, 256 bits;
 * the cookie value, returned only here) and *csrf (the token every form
 * of the session carries).  Expires after SESSION_IDLE without use, and
 * SESSION_MAX after creation in any case.  Expired sessions of anyone are
 * swept here.
 */
enum err_code	session_create(struct okr *, int64_t user_id, struct arena *,
		    char **token, char **csrf, struct err *);
/*
 * The user (and csrf, if not NULL) of a live session, sliding its idle
 * expiry.  ERR_NOTFOUND for an unknown, expired (then deleted) or
 * malformed token, or a user since disabled.
 */
enum err_code	session_lookup(struct okr *, const char *token,
		    struct arena *, struct user *, char **csrf, struct err *);
/* Sign out: forget the session (no error if it was already gone). */
enum err_code	session_end(struct okr *, const char *token, struct err *);

/* ---- API tokens (token.c) ---------------------------------------------- */

struct api_token {
	int64_t		 id;
	char		*name;
	char		*user;		/* the owner's login */
	int		 role;		/* enum user_role */
	int64_t		 created_at;
	int64_t		 last_used_at;	/* 0: never */
	int64_t		 revoked_at;	/* 0: live */
};

/*
 * Create a token named name (a display name) for user_id acting with role
 * (-1: the user's own), which may not exceed the user's role (ERR_INVAL,
 * field "role").  *token is "okd_" + 43 base64url characters, returned
 * only here; the store keeps its hash.  Web layer: only admins create them.
 */
enum err_code	token_create(struct okr *, int64_t user_id, const char *name,
		    int role, struct arena *, char **token, struct err *);
/*
 * The user a Bearer token acts as, with role lowered to the token's (and
 * to the user's current role, if they were demoted since); updates
 * last_used_at.  ERR_NOTFOUND, with one message ("invalid API token"), for
 * an unknown, malformed or revoked token or a disabled user.
 */
enum err_code	token_lookup(struct okr *, const char *token, struct arena *,
		    struct user *, struct err *);
/* Revoke token id (kept, with revoked_at, for the record); ERR_NOTFOUND
 * (field "id") if there is no such live token. */
enum err_code	token_revoke(struct okr *, int64_t id, struct err *);
/* Every token, revoked ones included, in creation order. */
enum err_code	token_list(struct okr *, struct arena *, struct api_token **,
		    size_t *, struct err *);

/* ---- sign-in throttling (session.c) ------------------------------------ */

/*
 * Failed sign-ins per (login, ip), kept in the store so that every server
 * on one database counts them.  After THROTTLE_FAILS failures within
 * THROTTLE_WINDOW the pair is refused for THROTTLE_LOCK.  The web layer
 * calls check before user_login, and note after it, in the sign-in's
 * transaction (which it commits even when the sign-in fails: the failure
 * must count).  now is passed in.
 */
/* 0 if (login, ip) may try now, else the seconds until it may (> 0);
 * THROTTLE_LOCK when the store cannot say (refuse rather than guess). */
int64_t		user_throttle_check(struct okr *, const char *login,
		    const char *ip, int64_t now);
/* Record the outcome of a sign-in: ok 0 counts a failure (and locks at
 * the limit), ok 1 clears the pair's failures. */
enum err_code	user_throttle_note(struct okr *, const char *login,
		    const char *ip, int ok, int64_t now, struct err *);

/* ---- role checks ------------------------------------------------------- */

/* Is role r at least min?  A disabled user has no rights at all. */
int		user_has_role(const struct user *, int min);
/*
 * May u edit the OKRs of team?  Admin: every team; lead: their team and
 * every team below it in the team tree; others: none.
 */
int		user_can_edit_team(struct okr *, const struct user *,
		    const char *team);
/* May u edit objective key: user_can_edit_team of its owner team, or of
 * the team of its owner person. */
int		user_can_edit_objective(struct okr *, const struct user *,
		    const char *key);
/* Does u own key result ref ("OBJECTIVE/KR"): its owner is u's person? */
int		user_owns_kr(struct okr *, const struct user *,
		    const char *ref);
/* May u check in on ref: they own it, or may edit its objective. */
int		user_can_checkin(struct okr *, const struct user *,
		    const char *ref);

/* ---- secrets (shared by user.c, session.c, token.c) -------------------- */

/* sodium_init() once per process; ERR_INTERNAL if libsodium cannot start. */
enum err_code	user_crypto_init(struct err *);
/* prefix + base64url (no padding) of n random bytes, in the arena. */
char		*user_secret_new(struct arena *, const char *prefix, size_t n);
/* The hex BLAKE2b-256 of a token, as stored: 65 bytes with the NUL. */
void		user_secret_hash(const char *token, char hex[65]);

#endif /* OKR_USER_H */
