/*
 * survey.c: signed survey links and their answers.
 *
 * Token: base64url (no padding) of "INTERACTION\nKIND\nEXPIRES" followed
 * by a '.' and the base64url MAC of those bytes.  The MAC key is 32 random
 * bytes kept hex-encoded in the secret table under "survey", made on the
 * first link.  Comparison is libsodium's constant-time crypto_auth_verify.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "import/import.h"
#include "import/survey.h"
#include "kpi/dataset.h"

const char *const survey_kind_names[] = { "csat", "nps", NULL };

int
survey_kind_find(const char *s)
{
	for (int k = 0; s != NULL && survey_kind_names[k] != NULL; k++)
		if (strcmp(survey_kind_names[k], s) == 0)
			return k;
	return -1;
}

#define PAYLOAD_MAX	512

/* The workspace's survey key, made (and stored) on first use. */
static enum err_code
survey_key(struct okr *o, unsigned char key[crypto_auth_KEYBYTES],
    struct err *e)
{
	struct store_q	*q;
	const char	*hex;
	char		 buf[2 * crypto_auth_KEYBYTES + 1];
	size_t		 len;
	enum err_code	 rc;
	int		 r, made = 0;

	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "libsodium cannot start");
again:
	if ((rc = store_q_open(o->st, STMT_SECRET_GET, &q, e, "t", "survey"))
	    != ERR_OK)
		return rc;
	if ((r = store_q_next(q, e)) < 0) {
		store_q_close(q);
		return e != NULL ? e->code : ERR_STORE;
	}
	if (r == 1 && (hex = store_q_text(q, 0)) != NULL &&
	    sodium_hex2bin(key, crypto_auth_KEYBYTES, hex, strlen(hex), NULL,
	    &len, NULL) == 0 && len == crypto_auth_KEYBYTES) {
		store_q_close(q);
		return ERR_OK;
	}
	store_q_close(q);
	if (made)
		return err_set(e, ERR_INTERNAL, "the survey key cannot be read");
	crypto_auth_keygen(key);
	sodium_bin2hex(buf, sizeof(buf), key, crypto_auth_KEYBYTES);
	if ((rc = store_exec(o->st, STMT_SECRET_SET, e, "tt", "survey", buf))
	    != ERR_OK)
		return rc;
	made = 1;
	goto again;	/* another process may have won: use the stored one */
}

/* 0: no such survey; 1: sent, not answered; 2: answered; -1: error.
 * *sent (if not NULL) gets its sent_at. */
static int
survey_state(struct okr *o, const char *id, int64_t *sent, struct err *e)
{
	struct store_q	*q;
	int		 r, st = 0;

	if (store_q_open(o->st, STMT_SURVEY_STATE, &q, e, "t", id) != ERR_OK)
		return -1;
	if ((r = store_q_next(q, e)) < 0)
		st = -1;
	else if (r == 1) {
		st = store_q_null(q, 1) ? 1 : 2;
		if (sent != NULL)
			*sent = store_q_int(q, 0);
	}
	store_q_close(q);
	return st;
}

static char *
b64(struct arena *a, const unsigned char *p, size_t n)
{
	size_t	 sz = sodium_base64_ENCODED_LEN(n,
		    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char	*s;

	if ((s = arena_alloc(a, sz)) == NULL)
		return NULL;
	return sodium_bin2base64(s, sz, p, n,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

enum err_code
survey_link(struct okr *o, const char *interaction, int kind, int days,
    struct arena *a, char **token, struct err *e)
{
	unsigned char	 key[crypto_auth_KEYBYTES], mac[crypto_auth_BYTES];
	struct store_q	*q;
	struct ds_rec	 rec;
	char		 payload[PAYLOAD_MAX], *p64, *m64, *id;
	const char	*channel = NULL, *team = NULL, *agent = NULL;
	enum err_code	 rc;
	int		 n, r;

	*token = NULL;
	if (kind < 0 || kind >= SURVEY_KIND__MAX)
		return err_setf(e, ERR_INVAL, "kind", "kind: expected csat or "
		    "nps");
	if (days < 1 || days > 365)
		return err_setf(e, ERR_INVAL, "days", "days: expected 1 to 365,"
		    " got %d", days);
	if (strchr(interaction, '\n') != NULL)
		return err_setf(e, ERR_INVAL, "interaction", "an interaction id "
		    "cannot hold a newline");
	if ((rc = store_q_open(o->st, STMT_INTERACTION_WHO, &q, e, "t",
	    interaction)) != ERR_OK)
		return rc;
	if ((r = store_q_next(q, e)) != 1) {
		store_q_close(q);
		if (r < 0)
			return e != NULL ? e->code : ERR_STORE;
		return err_setf(e, ERR_NOTFOUND, "interaction", "no interaction "
		    "\"%s\" (import it first)", interaction);
	}
	channel = arena_strdup(a, store_q_text(q, 0));
	team = arena_strdup(a, store_q_text(q, 1));
	agent = arena_strdup(a, store_q_text(q, 2));
	store_q_close(q);
	if ((rc = survey_key(o, key, e)) != ERR_OK)
		return rc;
	n = snprintf(payload, sizeof(payload), "%s\n%s\n%lld", interaction,
	    survey_kind_names[kind], (long long)(o->now + (int64_t)days *
	    86400));
	if (n < 0 || (size_t)n >= sizeof(payload))
		return err_setf(e, ERR_INVAL, "interaction", "the interaction id "
		    "is too long");
	crypto_auth(mac, (unsigned char *)payload, (unsigned long long)n, key);
	if ((p64 = b64(a, (unsigned char *)payload, (size_t)n)) == NULL ||
	    (m64 = b64(a, mac, sizeof(mac))) == NULL ||
	    (*token = arena_printf(a, "%s.%s", p64, m64)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	/* the survey is sent: the response rate counts it from now */
	id = arena_printf(a, "link:%s:%s", survey_kind_names[kind],
	    interaction);
	ds_rec_clear(&rec, DS_SURVEYS);
	ds_set_text(&rec, SV_ID, id);
	ds_set_text(&rec, SV_INTERACTION_ID, interaction);
	ds_set_text(&rec, SV_KIND, survey_kind_names[kind]);
	ds_set_real(&rec, SV_SCALE_MIN, kind == SURVEY_CSAT ? 1 : 0);
	ds_set_real(&rec, SV_SCALE_MAX, kind == SURVEY_CSAT ? 5 : 10);
	ds_set_int(&rec, SV_SENT_AT, o->now);
	if (channel != NULL)
		ds_set_text(&rec, SV_CHANNEL, channel);
	if (team != NULL)
		ds_set_text(&rec, SV_TEAM, team);
	if (agent != NULL)
		ds_set_text(&rec, SV_AGENT, agent);
	if ((r = survey_state(o, id, NULL, e)) < 0)
		return e != NULL ? e->code : ERR_STORE;
	if (r == 2)
		return err_setf(e, ERR_CONFLICT, "interaction", "the %s survey "
		    "of \"%s\" is already answered", survey_kind_names[kind],
		    interaction);
	if (r == 1)
		return ERR_OK;	/* a new link for a survey sent before */
	return import_store_rec(o->st, &rec, e);
}

/* Split and verify a token into t.  ERR_NOTFOUND when forged. */
static enum err_code
survey_parse(struct okr *o, const char *token, struct arena *a,
    struct survey_ticket *t, struct err *e)
{
	unsigned char	 key[crypto_auth_KEYBYTES], mac[crypto_auth_BYTES];
	unsigned char	 payload[PAYLOAD_MAX + 1];
	const char	*dot;
	char		*kind, *exp, *end;
	size_t		 plen, mlen;
	enum err_code	 rc;

	memset(t, 0, sizeof(*t));
	if (token == NULL || (dot = strchr(token, '.')) == NULL ||
	    sodium_base642bin(payload, PAYLOAD_MAX, token,
	    (size_t)(dot - token), NULL, &plen, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    sodium_base642bin(mac, sizeof(mac), dot + 1, strlen(dot + 1), NULL,
	    &mlen, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    mlen != sizeof(mac))
		return err_setf(e, ERR_NOTFOUND, "token", "this survey link is "
		    "not valid");
	if ((rc = survey_key(o, key, e)) != ERR_OK)
		return rc;
	if (crypto_auth_verify(mac, payload, (unsigned long long)plen, key) != 0)
		return err_setf(e, ERR_NOTFOUND, "token", "this survey link is "
		    "not valid");
	payload[plen] = '\0';
	if ((t->interaction = arena_strdup(a, (char *)payload)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	if ((kind = strchr(t->interaction, '\n')) == NULL ||
	    (exp = strchr(kind + 1, '\n')) == NULL)
		return err_setf(e, ERR_NOTFOUND, "token", "this survey link is "
		    "not valid");
	*kind++ = '\0';
	*exp++ = '\0';
	if ((t->kind = survey_kind_find(kind)) < 0)
		return err_setf(e, ERR_NOTFOUND, "token", "this survey link is "
		    "not valid");
	t->expires = strtoll(exp, &end, 10);
	t->scale_min = t->kind == SURVEY_CSAT ? 1 : 0;
	t->scale_max = t->kind == SURVEY_CSAT ? 5 : 10;
	t->survey_id = arena_printf(a, "link:%s:%s",
	    survey_kind_names[t->kind], t->interaction);
	return ERR_OK;
}

enum err_code
survey_check(struct okr *o, const char *token, struct arena *a,
    struct survey_ticket *t, struct err *e)
{
	enum err_code	 rc;
	int		 r;

	if ((rc = survey_parse(o, token, a, t, e)) != ERR_OK)
		return rc;
	if (o->now >= t->expires)
		return err_setf(e, ERR_INVAL, "token", "this survey link has "
		    "expired");
	if ((r = survey_state(o, t->survey_id, NULL, e)) < 0)
		return e != NULL ? e->code : ERR_STORE;
	if (r == 2)
		return err_setf(e, ERR_CONFLICT, "token", "this survey has "
		    "already been answered: thank you");
	if (r == 0)
		return err_setf(e, ERR_NOTFOUND, "token", "this survey link is "
		    "not valid");
	return ERR_OK;
}

enum err_code
survey_answer(struct okr *o, const char *token, int score,
    const char *comment, struct err *e)
{
	struct arena		 a = ARENA_INIT;
	struct survey_ticket	 t;
	struct store_q		*q;
	struct ds_rec		 rec;
	enum err_code		 rc;
	int64_t			 sent = 0;
	char			*channel = NULL, *team = NULL, *agent = NULL;

	if ((rc = survey_check(o, token, &a, &t, e)) != ERR_OK)
		goto out;
	if (score < t.scale_min || score > t.scale_max) {
		rc = err_setf(e, ERR_INVAL, "score", "choose a score from %d to "
		    "%d", t.scale_min, t.scale_max);
		goto out;
	}
	if (comment != NULL && strlen(comment) > 4000) {
		rc = err_setf(e, ERR_INVAL, "comment", "a comment holds at most "
		    "4000 characters");
		goto out;
	}
	(void)survey_state(o, t.survey_id, &sent, e);
	if ((rc = store_q_open(o->st, STMT_INTERACTION_WHO, &q, e, "t",
	    t.interaction)) != ERR_OK)
		goto out;
	if (store_q_next(q, e) == 1) {
		channel = arena_strdup(&a, store_q_text(q, 0));
		team = arena_strdup(&a, store_q_text(q, 1));
		agent = arena_strdup(&a, store_q_text(q, 2));
	}
	store_q_close(q);
	ds_rec_clear(&rec, DS_SURVEYS);
	ds_set_text(&rec, SV_ID, t.survey_id);
	ds_set_text(&rec, SV_INTERACTION_ID, t.interaction);
	ds_set_text(&rec, SV_KIND, survey_kind_names[t.kind]);
	ds_set_real(&rec, SV_SCALE_MIN, t.scale_min);
	ds_set_real(&rec, SV_SCALE_MAX, t.scale_max);
	ds_set_real(&rec, SV_SCORE, score);
	ds_set_int(&rec, SV_SENT_AT, sent != 0 ? sent : o->now);
	ds_set_int(&rec, SV_RESPONDED_AT, o->now);
	if (channel != NULL)
		ds_set_text(&rec, SV_CHANNEL, channel);
	if (team != NULL)
		ds_set_text(&rec, SV_TEAM, team);
	if (agent != NULL)
		ds_set_text(&rec, SV_AGENT, agent);
	if ((rc = ds_validate(&rec, e)) != ERR_OK ||
	    (rc = import_store_rec(o->st, &rec, e)) != ERR_OK)
		goto out;
	if (comment != NULL && comment[0] != '\0')
		rc = store_exec(o->st, STMT_SURVEY_COMMENT_SET, e, "tt",
		    t.survey_id, comment);
out:
	arena_release(&a);
	return rc;
}
