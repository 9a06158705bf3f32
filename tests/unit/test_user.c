/*
 * test_user.c: sign-in and roles (okr/user.h) as cmocka specifications:
 * passwords, sessions, API tokens, the sign-in throttle and the role
 * checks.  The workspace fixture is okr_test.h's (Support > Tier 1, Ana in
 * Tier 1, objective "nps" of Tier 1), plus Tier 2 under Support and
 * Billing at the top; time is driven through o->now.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>
#include <sodium.h>

#include "okr/okr.h"
#include "okr/user.h"
#include "okr_test.h"

#define PW	"correct horse battery"
#define HOUR	((int64_t)3600)

static enum err_code
new_user(struct fx *f, const char *login, int role, const char *team,
    const char *person)
{
	struct user	 u;

	user_defaults(&u);
	u.login = (char *)login;
	u.role = role;
	u.team = (char *)team;
	u.person = (char *)person;
	return user_add(f->o, &u, PW, &f->e);
}

static int
setup_users(void **state)
{
	struct fx	*f;

	if (setup(state) != 0)
		return -1;
	f = *state;
	if (new_team(f, "Tier 2", "Support") != ERR_OK ||
	    new_team(f, "Billing", NULL) != ERR_OK ||
	    new_person(f, "Ion", "Tier 2") != ERR_OK ||
	    new_user(f, "root", USER_ADMIN, NULL, NULL) != ERR_OK) {
		print_error("setup_users: %s\n", f->e.msg);
		return -1;
	}
	return 0;
}

/* The stored password hash of login ("" if none). */
static void
stored_hash(struct fx *f, const char *login, char *out, size_t sz)
{
	struct store_q	*q;

	out[0] = '\0';
	assert_ok(f, store_q_open(f->o->st, STMT_USER_HASH_GET, &q, &f->e,
	    "t", login));
	if (store_q_next(q, &f->e) == 1)
		snprintf(out, sz, "%s", store_q_text(q, 1));
	store_q_close(q);
}

/* ---- passwords --------------------------------------------------------- */

static void
test_user_login_with_the_right_password_returns_the_user(void **state)
{
	struct fx	*f = *state;
	struct user	 u;

	assert_ok(f, new_user(f, "ana", USER_MEMBER, "Tier 1", "Ana"));
	assert_ok(f, user_login(f->o, "ana", PW, &f->a, &u, &f->e));
	assert_string_equal(u.login, "ana");
	assert_int_equal(u.role, USER_MEMBER);
	assert_string_equal(u.team, "Tier 1");
	assert_string_equal(u.person, "Ana");
	assert_true(u.created_at == NOW);
}

static void
test_user_password_is_stored_as_an_argon2id_hash_only(void **state)
{
	struct fx	*f = *state;
	char		 h[256];

	stored_hash(f, "root", h, sizeof(h));
	/* the interactive limits: 64 MiB (65536 KiB), 2 passes */
	assert_non_null(strstr(h, "$argon2id$v=19$m=65536,t=2,p=1$"));
	assert_null(strstr(h, PW));
}

static void
test_user_login_wrong_password_and_unknown_login_fail_alike(void **state)
{
	struct fx	*f = *state;
	struct user	 u;
	char		 m1[ERR_MSG_MAX];

	assert_int_equal(user_login(f->o, "root", "not the password", &f->a,
	    &u, &f->e), ERR_NOTFOUND);
	snprintf(m1, sizeof(m1), "%s", f->e.msg);
	assert_int_equal(user_login(f->o, "nobody", PW, &f->a, &u, &f->e),
	    ERR_NOTFOUND);
	assert_string_equal(f->e.msg, m1);
	assert_string_equal(m1, "wrong login or password");
}

static void
test_user_login_of_a_disabled_user_fails_like_a_wrong_password(void **state)
{
	struct fx	*f = *state;
	struct user	 old, u;

	assert_ok(f, new_user(f, "ana", USER_MEMBER, NULL, NULL));
	assert_ok(f, user_get(f->o, "ana", &f->a, &old, &f->e));
	u = old;
	u.disabled = 1;
	assert_ok(f, user_update(f->o, &old, &u, &f->e));
	assert_int_equal(user_login(f->o, "ana", PW, &f->a, &u, &f->e),
	    ERR_NOTFOUND);
	assert_string_equal(f->e.msg, "wrong login or password");
}

static void
test_user_password_shorter_than_10_characters_is_refused(void **state)
{
	struct fx	*f = *state;
	struct user	 u;

	user_defaults(&u);
	u.login = (char *)"ana";
	assert_err(f, user_add(f->o, &u, "short1234", &f->e), ERR_INVAL,
	    "password", "at least 10 characters, got 9");
	/* the password itself is never quoted */
	assert_null(strstr(f->e.msg, "short1234"));
	/* ten characters of two bytes each are ten, not twenty */
	assert_ok(f, user_add(f->o, &u, "ăăăăăăăăăă", &f->e));
}

static void
test_user_login_rehashes_a_hash_made_with_weaker_limits(void **state)
{
	struct fx	*f = *state;
	struct user	 u;
	char		 weak[crypto_pwhash_STRBYTES], h[256];

	assert_ok(f, new_user(f, "ana", USER_MEMBER, NULL, NULL));
	assert_ok(f, user_get(f->o, "ana", &f->a, &u, &f->e));
	assert_int_equal(crypto_pwhash_str(weak, PW, strlen(PW),
	    crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN), 0);
	assert_ok(f, store_exec(f->o->st, STMT_USER_HASH_SET, &f->e, "it",
	    u.id, weak));
	stored_hash(f, "ana", h, sizeof(h));
	assert_null(strstr(h, "m=65536,t=2"));
	assert_ok(f, user_login(f->o, "ana", PW, &f->a, &u, &f->e));
	stored_hash(f, "ana", h, sizeof(h));
	assert_non_null(strstr(h, "$argon2id$v=19$m=65536,t=2,p=1$"));
	/* and the new hash still opens */
	assert_ok(f, user_login(f->o, "ana", PW, &f->a, &u, &f->e));
}

static void
test_user_passwd_replaces_the_password(void **state)
{
	struct fx	*f = *state;
	struct user	 u;

	assert_ok(f, user_passwd(f->o, "root", "another long secret", &f->e));
	assert_int_equal(user_login(f->o, "root", PW, &f->a, &u, &f->e),
	    ERR_NOTFOUND);
	assert_ok(f, user_login(f->o, "root", "another long secret", &f->a,
	    &u, &f->e));
}

static void
test_user_history_records_fields_and_never_the_password(void **state)
{
	struct fx		*f = *state;
	struct history_entry	*h;
	size_t			 n, i;

	assert_ok(f, new_user(f, "ana", USER_LEAD, "Tier 1", NULL));
	assert_ok(f, user_passwd(f->o, "ana", "another long secret", &f->e));
	assert_non_null(hist_find(f, "user", "ana", "role"));
	assert_string_equal(hist_find(f, "user", "ana", "role")->new, "lead");
	assert_string_equal(hist_find(f, "user", "ana", "password")->new,
	    "(changed)");
	assert_ok(f, history_list(f->o, "user", NULL, 0, &f->a, &h, &n,
	    &f->e));
	assert_true(n >= 4);
	for (i = 0; i < n; i++) {
		assert_true(h[i].new == NULL || (strstr(h[i].new, "argon2")
		    == NULL && strstr(h[i].new, "secret") == NULL &&
		    strstr(h[i].new, "horse") == NULL));
		assert_true(h[i].old == NULL ||
		    strstr(h[i].old, "argon2") == NULL);
	}
}

/* ---- users ------------------------------------------------------------- */

static void
test_user_add_refuses_a_taken_login_and_bad_values(void **state)
{
	struct fx	*f = *state;
	struct user	 u;

	assert_err(f, new_user(f, "root", USER_MEMBER, NULL, NULL),
	    ERR_EXISTS, "login", "\"root\" already exists");
	assert_err(f, new_user(f, "lea", USER_LEAD, NULL, NULL), ERR_INVAL,
	    "team", "a lead needs the team");
	assert_err(f, new_user(f, "ana", USER_MEMBER, "Nowhere", NULL),
	    ERR_NOTFOUND, "team", "\"Nowhere\"");
	assert_err(f, new_user(f, "ana", USER_MEMBER, NULL, "Nobody"),
	    ERR_NOTFOUND, "person", "\"Nobody\"");
	user_defaults(&u);
	u.login = (char *)"ana";
	u.lang = (char *)"fr";
	assert_err(f, user_add(f->o, &u, PW, &f->e), ERR_INVAL, "lang",
	    "got \"fr\"");
	assert_int_equal(user_count(f->o), 1);
}

static void
test_user_the_first_user_must_be_an_admin(void **state)
{
	struct fx	*f;

	assert_int_equal(setup(state), 0);
	f = *state;
	assert_int_equal(user_count(f->o), 0);
	assert_err(f, new_user(f, "ana", USER_MEMBER, NULL, NULL), ERR_INVAL,
	    "role", "first user must be an admin, not \"member\"");
	assert_int_equal(user_count(f->o), 0);
	assert_ok(f, new_user(f, "root", USER_ADMIN, NULL, NULL));
	assert_ok(f, new_user(f, "ana", USER_MEMBER, NULL, NULL));
	assert_int_equal(user_count(f->o), 2);
}

static void
test_user_count_and_list_follow_adds_and_removals(void **state)
{
	struct fx	*f = *state;
	struct user	*v;
	size_t		 n;

	assert_int_equal(user_count(f->o), 1);
	assert_ok(f, new_user(f, "ana", USER_VIEWER, NULL, NULL));
	assert_int_equal(user_count(f->o), 2);
	assert_ok(f, user_list(f->o, &f->a, &v, &n, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(v[1].login, "ana");
	assert_int_equal(v[1].role, USER_VIEWER);
	assert_ok(f, user_rm(f->o, "ana", &f->e));
	assert_int_equal(user_count(f->o), 1);
	assert_err(f, user_rm(f->o, "ana", &f->e), ERR_NOTFOUND, "login",
	    "\"ana\"");
}

static void
test_user_the_last_admin_cannot_be_removed_demoted_or_disabled(void **state)
{
	struct fx	*f = *state;
	struct user	 old, u;

	assert_err(f, user_rm(f->o, "root", &f->e), ERR_CONFLICT, "role",
	    "last enabled admin");
	assert_ok(f, user_get(f->o, "root", &f->a, &old, &f->e));
	u = old;
	u.role = USER_LEAD;
	u.team = (char *)"Support";
	assert_err(f, user_update(f->o, &old, &u, &f->e), ERR_CONFLICT,
	    "role", "last enabled admin");
	u = old;
	u.disabled = 1;
	assert_err(f, user_update(f->o, &old, &u, &f->e), ERR_CONFLICT,
	    "role", "last enabled admin");
	/* with a second admin, the first may go */
	assert_ok(f, new_user(f, "boss", USER_ADMIN, NULL, NULL));
	assert_ok(f, user_rm(f->o, "root", &f->e));
}

/* ---- sessions ---------------------------------------------------------- */

static void
test_session_lookup_returns_the_user_and_the_csrf_token(void **state)
{
	struct fx	*f = *state;
	struct user	 u;
	char		*tok, *csrf, *csrf2;

	assert_ok(f, user_get(f->o, "root", &f->a, &u, &f->e));
	assert_ok(f, session_create(f->o, u.id, &f->a, &tok, &csrf, &f->e));
	assert_int_equal(strlen(tok), 43);	/* 32 bytes in base64url */
	assert_int_equal(strspn(tok, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijkl"
	    "mnopqrstuvwxyz0123456789-_"), 43);
	assert_string_not_equal(tok, csrf);
	memset(&u, 0, sizeof(u));
	assert_ok(f, session_lookup(f->o, tok, &f->a, &u, &csrf2, &f->e));
	assert_string_equal(u.login, "root");
	assert_string_equal(csrf2, csrf);
	/* the store holds the hash, not the token */
	assert_err(f, session_lookup(f->o, "x", &f->a, &u, NULL, &f->e),
	    ERR_NOTFOUND, "session", "sign in again");
}

static void
test_session_expires_after_12_idle_hours_and_is_deleted(void **state)
{
	struct fx	*f = *state;
	struct user	 u;
	char		*tok, *csrf;

	assert_ok(f, user_get(f->o, "root", &f->a, &u, &f->e));
	assert_ok(f, session_create(f->o, u.id, &f->a, &tok, &csrf, &f->e));
	f->o->now = NOW + 12 * HOUR - 1;
	assert_ok(f, session_lookup(f->o, tok, &f->a, &u, NULL, &f->e));
	/* used at 12 h - 1 s: now idle until 24 h - 1 s */
	f->o->now = NOW + 24 * HOUR - 1;
	assert_err(f, session_lookup(f->o, tok, &f->a, &u, NULL, &f->e),
	    ERR_NOTFOUND, "session", "expired");
	/* deleted: going back in time does not revive it */
	f->o->now = NOW + HOUR;
	assert_int_equal(session_lookup(f->o, tok, &f->a, &u, NULL, &f->e),
	    ERR_NOTFOUND);
}

static void
test_session_slides_on_use_but_never_past_7_days(void **state)
{
	struct fx	*f = *state;
	struct user	 u;
	char		*tok, *csrf;
	int64_t		 t;

	assert_ok(f, user_get(f->o, "root", &f->a, &u, &f->e));
	assert_ok(f, session_create(f->o, u.id, &f->a, &tok, &csrf, &f->e));
	/* every 11 hours for 7 days: alive each time, 7 d = 168 h */
	for (t = 11 * HOUR; t < 168 * HOUR; t += 11 * HOUR) {
		f->o->now = NOW + t;
		assert_ok(f, session_lookup(f->o, tok, &f->a, &u, NULL,
		    &f->e));
	}
	/* t = 165 h was the last use; 168 h is the absolute end */
	f->o->now = NOW + 168 * HOUR;
	assert_int_equal(session_lookup(f->o, tok, &f->a, &u, NULL, &f->e),
	    ERR_NOTFOUND);
}

static void
test_session_end_signs_out(void **state)
{
	struct fx	*f = *state;
	struct user	 u;
	char		*t1, *t2, *csrf;

	assert_ok(f, user_get(f->o, "root", &f->a, &u, &f->e));
	assert_ok(f, session_create(f->o, u.id, &f->a, &t1, &csrf, &f->e));
	assert_ok(f, session_create(f->o, u.id, &f->a, &t2, &csrf, &f->e));
	assert_ok(f, session_end(f->o, t1, &f->e));
	assert_int_equal(session_lookup(f->o, t1, &f->a, &u, NULL, &f->e),
	    ERR_NOTFOUND);
	/* the other session of the same user lives on */
	assert_ok(f, session_lookup(f->o, t2, &f->a, &u, NULL, &f->e));
	assert_ok(f, session_end(f->o, t1, &f->e));	/* twice: fine */
}

static void
test_session_a_new_password_or_disabling_ends_sessions(void **state)
{
	struct fx	*f = *state;
	struct user	 old, u;
	char		*tok, *csrf;

	assert_ok(f, new_user(f, "ana", USER_MEMBER, NULL, NULL));
	assert_ok(f, user_get(f->o, "ana", &f->a, &old, &f->e));
	assert_ok(f, session_create(f->o, old.id, &f->a, &tok, &csrf, &f->e));
	assert_ok(f, user_passwd(f->o, "ana", "another long secret", &f->e));
	assert_int_equal(session_lookup(f->o, tok, &f->a, &u, NULL, &f->e),
	    ERR_NOTFOUND);
	assert_ok(f, session_create(f->o, old.id, &f->a, &tok, &csrf, &f->e));
	u = old;
	u.disabled = 1;
	assert_ok(f, user_update(f->o, &old, &u, &f->e));
	assert_int_equal(session_lookup(f->o, tok, &f->a, &u, NULL, &f->e),
	    ERR_NOTFOUND);
}

/* ---- API tokens -------------------------------------------------------- */

static void
test_token_create_lookup_and_revoke(void **state)
{
	struct fx		*f = *state;
	struct user		 u;
	struct api_token	*t;
	char			*tok, m1[ERR_MSG_MAX];
	size_t			 n;

	assert_ok(f, user_get(f->o, "root", &f->a, &u, &f->e));
	assert_ok(f, token_create(f->o, u.id, "zendesk webhook", -1, &f->a,
	    &tok, &f->e));
	assert_int_equal(strncmp(tok, "okd_", 4), 0);
	assert_int_equal(strlen(tok), 4 + 43);
	f->o->now = NOW + HOUR;
	memset(&u, 0, sizeof(u));
	assert_ok(f, token_lookup(f->o, tok, &f->a, &u, &f->e));
	assert_string_equal(u.login, "root");
	assert_int_equal(u.role, USER_ADMIN);
	assert_ok(f, token_list(f->o, &f->a, &t, &n, &f->e));
	assert_int_equal(n, 1);
	assert_string_equal(t[0].name, "zendesk webhook");
	assert_string_equal(t[0].user, "root");
	assert_true(t[0].created_at == NOW);
	assert_true(t[0].last_used_at == NOW + HOUR);
	assert_true(t[0].revoked_at == 0);

	assert_ok(f, token_revoke(f->o, t[0].id, &f->e));
	assert_int_equal(token_lookup(f->o, tok, &f->a, &u, &f->e),
	    ERR_NOTFOUND);
	snprintf(m1, sizeof(m1), "%s", f->e.msg);
	/* revoked and unknown read the same */
	tok[10] = tok[10] == 'A' ? 'B' : 'A';
	assert_int_equal(token_lookup(f->o, tok, &f->a, &u, &f->e),
	    ERR_NOTFOUND);
	assert_string_equal(f->e.msg, m1);
	assert_int_equal(token_lookup(f->o, "Bearer junk", &f->a, &u, &f->e),
	    ERR_NOTFOUND);
	assert_string_equal(f->e.msg, m1);
	assert_err(f, token_revoke(f->o, t[0].id, &f->e), ERR_NOTFOUND, "id",
	    "no live API token");
	assert_ok(f, token_list(f->o, &f->a, &t, &n, &f->e));
	assert_true(t[0].revoked_at == NOW + HOUR);
}

static void
test_token_role_is_capped_by_its_owners_role(void **state)
{
	struct fx	*f = *state;
	struct user	 u, old;
	char		*tok;

	assert_ok(f, new_user(f, "lea", USER_LEAD, "Support", NULL));
	assert_ok(f, user_get(f->o, "lea", &f->a, &old, &f->e));
	assert_err(f, token_create(f->o, old.id, "script", USER_ADMIN, &f->a,
	    &tok, &f->e), ERR_INVAL, "role", "lead at most, not \"admin\"");
	/* a lower role is fine, and is what the token acts as */
	assert_ok(f, token_create(f->o, old.id, "script", USER_VIEWER, &f->a,
	    &tok, &f->e));
	assert_ok(f, token_lookup(f->o, tok, &f->a, &u, &f->e));
	assert_int_equal(u.role, USER_VIEWER);
	/* a lead token of a user demoted since acts as the new role */
	assert_ok(f, token_create(f->o, old.id, "ci", USER_LEAD, &f->a, &tok,
	    &f->e));
	u = old;
	u.role = USER_MEMBER;
	assert_ok(f, user_update(f->o, &old, &u, &f->e));
	assert_ok(f, token_lookup(f->o, tok, &f->a, &u, &f->e));
	assert_int_equal(u.role, USER_MEMBER);
}

/* ---- throttle ---------------------------------------------------------- */

static int64_t
check(struct fx *f, const char *login, const char *ip, int64_t at)
{
	return user_throttle_check(f->o, login, ip, at);
}

static void
fail_at(struct fx *f, const char *login, const char *ip, int64_t at)
{
	assert_ok(f, user_throttle_note(f->o, login, ip, 0, at, &f->e));
}

static void
test_throttle_refuses_after_5_failures_for_15_minutes(void **state)
{
	struct fx	*f = *state;
	int		 i;

	for (i = 0; i < 4; i++)
		fail_at(f, "ana", "10.0.0.1", NOW + i * 60);
	assert_int_equal(check(f, "ana", "10.0.0.1", NOW + 240), 0);
	fail_at(f, "ana", "10.0.0.1", NOW + 240);
	/* locked for 900 s from the fifth failure */
	assert_int_equal(check(f, "ana", "10.0.0.1", NOW + 240), 900);
	assert_int_equal(check(f, "ana", "10.0.0.1", NOW + 1139), 1);
	/* other pairs are not affected */
	assert_int_equal(check(f, "ana", "10.0.0.2", NOW + 240), 0);
	assert_int_equal(check(f, "root", "10.0.0.1", NOW + 240), 0);
	/* and it expires */
	assert_int_equal(check(f, "ana", "10.0.0.1", NOW + 1140), 0);
}

static void
test_throttle_counts_only_failures_within_15_minutes(void **state)
{
	struct fx	*f = *state;
	int		 i;

	/* five failures, but the first is 15 minutes before the last */
	for (i = 0; i < 5; i++)
		fail_at(f, "ana", "ip", NOW + i * 225);
	assert_int_equal(check(f, "ana", "ip", NOW + 900), 0);
	/* a sixth inside the window of the last five locks */
	fail_at(f, "ana", "ip", NOW + 901);
	assert_true(check(f, "ana", "ip", NOW + 901) > 0);
}

static void
test_throttle_a_success_clears_the_failures(void **state)
{
	struct fx	*f = *state;
	int		 i;

	for (i = 0; i < 4; i++)
		fail_at(f, "ana", "ip", NOW + i);
	assert_ok(f, user_throttle_note(f->o, "ana", "ip", 1, NOW + 4,
	    &f->e));
	fail_at(f, "ana", "ip", NOW + 5);
	assert_int_equal(check(f, "ana", "ip", NOW + 5), 0);
}

/* The stored failures of (login, ip) at any time: the key computed as
 * the schema documents it (BLAKE2b-128 of "login NUL ip", hex). */
static int64_t
stored_fails(struct fx *f, const char *login, const char *ip)
{
	crypto_generichash_state	 st;
	unsigned char			 h[16], zero = 0;
	char				 hex[33];
	int64_t				 n = -1;

	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)login,
	    strlen(login));
	crypto_generichash_update(&st, &zero, 1);
	crypto_generichash_update(&st, (const unsigned char *)ip, strlen(ip));
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	assert_ok(f, store_int(f->o->st, STMT_THROTTLE_COUNT, &n, &f->e,
	    "ti", hex, (int64_t)0));
	return n;
}

static void
test_throttle_is_shared_by_every_connection_to_the_store(void **state)
{
	struct fx	*f = *state;
	struct okr	*other;
	int		 i;

	/* another server is another connection to the same database */
	assert_ok(f, okr_open(f->db, "other", &other, &f->e));
	for (i = 0; i < 4; i++)
		fail_at(f, "ana", "10.0.0.1", NOW + i);
	assert_ok(f, user_throttle_note(other, "ana", "10.0.0.1", 0, NOW + 4,
	    &f->e));
	/* 4 here + 1 there = 5 within the window: both refuse, 900 s
	 * from the fifth failure at NOW + 4 */
	assert_int_equal(user_throttle_check(other, "ana", "10.0.0.1",
	    NOW + 4), 900);
	assert_int_equal(check(f, "ana", "10.0.0.1", NOW + 5), 899);
	okr_close(other);
}

static void
test_throttle_prunes_attempts_that_no_longer_count(void **state)
{
	struct fx	*f = *state;
	int		 i;

	for (i = 0; i < 3; i++)
		fail_at(f, "ana", "ip", NOW + i);
	assert_int_equal(stored_fails(f, "ana", "ip"), 3);
	/* anyone's failure 903 s later drops those before NOW + 3
	 * (903 - 900): all three */
	fail_at(f, "bo", "ip", NOW + 903);
	assert_int_equal(stored_fails(f, "ana", "ip"), 0);
	assert_int_equal(stored_fails(f, "bo", "ip"), 1);
}

/* ---- role checks ------------------------------------------------------- */

static void
test_role_lead_edits_their_team_and_the_teams_below_only(void **state)
{
	struct fx	*f = *state;
	struct user	 lead, t1lead, root;

	assert_ok(f, new_user(f, "lea", USER_LEAD, "Support", NULL));
	assert_ok(f, new_user(f, "tim", USER_LEAD, "Tier 1", NULL));
	assert_ok(f, user_get(f->o, "lea", &f->a, &lead, &f->e));
	assert_ok(f, user_get(f->o, "tim", &f->a, &t1lead, &f->e));
	assert_ok(f, user_get(f->o, "root", &f->a, &root, &f->e));
	assert_true(user_can_edit_team(f->o, &lead, "Support"));
	assert_true(user_can_edit_team(f->o, &lead, "Tier 1"));
	assert_true(user_can_edit_team(f->o, &lead, "Tier 2"));
	assert_false(user_can_edit_team(f->o, &lead, "Billing"));
	assert_true(user_can_edit_team(f->o, &t1lead, "Tier 1"));
	assert_false(user_can_edit_team(f->o, &t1lead, "Tier 2"));
	assert_false(user_can_edit_team(f->o, &t1lead, "Support"));
	assert_true(user_can_edit_team(f->o, &root, "Billing"));
	/* objectives through their owner team */
	assert_true(user_can_edit_objective(f->o, &t1lead, "nps"));
	assert_ok(f, new_obj(f, "t2", "Tier 2", NULL, NULL, 0));
	assert_false(user_can_edit_objective(f->o, &t1lead, "t2"));
	assert_true(user_can_edit_objective(f->o, &lead, "t2"));
	/* a person's objective through the person's team (Ion: Tier 2) */
	assert_ok(f, new_obj(f, "ion", NULL, "Ion", NULL, 0));
	assert_true(user_can_edit_objective(f->o, &lead, "ion"));
	assert_false(user_can_edit_objective(f->o, &t1lead, "ion"));
}

static void
test_role_members_viewers_and_disabled_users_edit_no_team(void **state)
{
	struct fx	*f = *state;
	struct user	 m, v, root;

	assert_ok(f, new_user(f, "mia", USER_MEMBER, "Tier 1", NULL));
	assert_ok(f, new_user(f, "vic", USER_VIEWER, "Tier 1", NULL));
	assert_ok(f, user_get(f->o, "mia", &f->a, &m, &f->e));
	assert_ok(f, user_get(f->o, "vic", &f->a, &v, &f->e));
	assert_ok(f, user_get(f->o, "root", &f->a, &root, &f->e));
	assert_false(user_can_edit_team(f->o, &m, "Tier 1"));
	assert_false(user_can_edit_team(f->o, &v, "Tier 1"));
	root.disabled = 1;
	assert_false(user_can_edit_team(f->o, &root, "Tier 1"));
	assert_false(user_has_role(&root, USER_VIEWER));
}

static void
test_role_a_member_owns_and_checks_in_on_their_persons_krs(void **state)
{
	struct fx	*f = *state;
	struct user	 ana, ion, vic;
	struct kr	 k;

	kr_init(&k, "nps", "csat");
	k.kind = KR_INCREASE;
	k.baseline = 4;
	k.target = 5;
	k.owner = (char *)"Ana";
	assert_ok(f, kr_add(f->o, &k, &f->e));
	assert_ok(f, new_user(f, "ana", USER_MEMBER, "Tier 1", "Ana"));
	assert_ok(f, new_user(f, "ion", USER_MEMBER, "Tier 2", "Ion"));
	assert_ok(f, new_user(f, "vic", USER_VIEWER, NULL, "Ana"));
	assert_ok(f, user_get(f->o, "ana", &f->a, &ana, &f->e));
	assert_ok(f, user_get(f->o, "ion", &f->a, &ion, &f->e));
	assert_ok(f, user_get(f->o, "vic", &f->a, &vic, &f->e));
	assert_true(user_owns_kr(f->o, &ana, "nps/csat"));
	assert_true(user_can_checkin(f->o, &ana, "nps/csat"));
	assert_false(user_owns_kr(f->o, &ion, "nps/csat"));
	assert_false(user_can_checkin(f->o, &ion, "nps/csat"));
	/* a viewer reads only, even when linked to the owner */
	assert_false(user_can_checkin(f->o, &vic, "nps/csat"));
	assert_false(user_owns_kr(f->o, &ana, "nps/none"));
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup_users, teardown)
	const struct CMUnitTest tests[] = {
		T(test_user_login_with_the_right_password_returns_the_user),
		T(test_user_password_is_stored_as_an_argon2id_hash_only),
		T(test_user_login_wrong_password_and_unknown_login_fail_alike),
		T(test_user_login_of_a_disabled_user_fails_like_a_wrong_password),
		T(test_user_password_shorter_than_10_characters_is_refused),
		T(test_user_login_rehashes_a_hash_made_with_weaker_limits),
		T(test_user_passwd_replaces_the_password),
		T(test_user_history_records_fields_and_never_the_password),
		T(test_user_add_refuses_a_taken_login_and_bad_values),
		cmocka_unit_test_teardown(
		    test_user_the_first_user_must_be_an_admin, teardown),
		T(test_user_count_and_list_follow_adds_and_removals),
		T(test_user_the_last_admin_cannot_be_removed_demoted_or_disabled),
		T(test_session_lookup_returns_the_user_and_the_csrf_token),
		T(test_session_expires_after_12_idle_hours_and_is_deleted),
		T(test_session_slides_on_use_but_never_past_7_days),
		T(test_session_end_signs_out),
		T(test_session_a_new_password_or_disabling_ends_sessions),
		T(test_token_create_lookup_and_revoke),
		T(test_token_role_is_capped_by_its_owners_role),
		T(test_throttle_refuses_after_5_failures_for_15_minutes),
		T(test_throttle_counts_only_failures_within_15_minutes),
		T(test_throttle_a_success_clears_the_failures),
		T(test_throttle_is_shared_by_every_connection_to_the_store),
		T(test_throttle_prunes_attempts_that_no_longer_count),
		T(test_role_lead_edits_their_team_and_the_teams_below_only),
		T(test_role_members_viewers_and_disabled_users_edit_no_team),
		T(test_role_a_member_owns_and_checks_in_on_their_persons_krs),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
