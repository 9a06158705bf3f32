/*
 * survey.h: survey links: a customer answers a CSAT or NPS question about
 * one interaction, without signing in.
 *
 * A link carries a token: the interaction's id, the question's kind and
 * an expiry, signed with the workspace's survey key (HMAC-SHA-512-256,
 * libsodium's crypto_auth; the key is made once and kept in the store).
 * Making a link records the survey as sent (surveys dataset, sent_at) so
 * the response rate counts it; answering records score and responded_at,
 * once: a second answer, an expired or a forged token is refused.
 *
 * Ownership: strings returned live in the arena given.
 */
#ifndef IMPORT_SURVEY_H
#define IMPORT_SURVEY_H

#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "okr/okr.h"

enum survey_kind { SURVEY_CSAT, SURVEY_NPS, SURVEY_KIND__MAX };
extern const char *const survey_kind_names[];	/* "csat", "nps", NULL */
/* The enum survey_kind named s, or -1. */
int		survey_kind_find(const char *s);

struct survey_ticket {
	char		*interaction;	/* the interaction's id */
	int		 kind;		/* enum survey_kind */
	int64_t		 expires;
	char		*survey_id;	/* "link:KIND:INTERACTION" */
	int		 scale_min, scale_max;
};

/*
 * A token for interaction (which must exist) asking kind, valid for days
 * (1..365) from o->now; records the survey as sent.
 */
enum err_code	survey_link(struct okr *, const char *interaction, int kind,
		    int days, struct arena *, char **token, struct err *);
/*
 * Read and check a token: ERR_NOTFOUND for a forged or malformed one,
 * ERR_CONFLICT for one already answered, ERR_INVAL (field "token") for an
 * expired one; the message is for the customer.
 */
enum err_code	survey_check(struct okr *, const char *token, struct arena *,
		    struct survey_ticket *, struct err *);
/* Record the answer (score inside the scale; comment may be NULL). */
enum err_code	survey_answer(struct okr *, const char *token, int score,
		    const char *comment, struct err *);

#endif /* IMPORT_SURVEY_H */
