/*
 * remind.h: check-in discipline: which key results are due or overdue,
 * by owner, and whom an overdue one escalates to.
 *
 * remind_build() reads one eval_cycle() (okr/eval.h), so "overdue" here
 * is exactly the "outdated" status of okrdesk status and the pages: the
 * digest and the status page cannot disagree.  The rules (docs/reminders.md):
 *
 *   A key result is considered when it is updated by hand, its objective
 *   is active (not draft, not closed), it is not done, and now lies in the
 *   cycle (a cycle that has ended or not begun reminds nobody).
 *
 *   silence  = now - max(last check-in, cycle start)
 *   overdue  = its status is outdated (silence > cadence + grace)
 *   missed   = floor((silence - grace) / cadence), >= 1 when overdue
 *   escalated when missed >= 2: to the lead of the owner's team, or when
 *            the owner is that lead or the team has none, the lead of the
 *            nearest team above with one (none: no lead to escalate to)
 *   due      (not overdue) the check-in grid is the first check-in weekday
 *            on or after the cycle start, then every cadence days; the due
 *            date d is the first grid day on or after today (calendar
 *            days in the workspace time zone); the key result is due when
 *            it has no check-in after day d - cadence (a check-in on the
 *            previous due day answers that one, not this one)
 *   owner    the key result's owner, else the objective's person, else the
 *            lead of the objective's team, else none ("unowned")
 *
 * The cadence is the key result's in the evaluation (its objective's
 * owner's team, inherited upwards, else the workspace's), the one the
 * status uses.
 *
 * remind_log_*() keep the reminder_log: one row per workspace-local day,
 * channel and recipient, so that a second run the same day sends nothing
 * already sent.  The log never holds a webhook's URL, only its digest.
 *
 * Ownership: everything in a struct remind (and the cycle_eval inside it)
 * lives in the arena given to remind_build(); messages built into a
 * struct buf are the caller's.
 */
#ifndef OKR_REMIND_H
#define OKR_REMIND_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "okr/eval.h"
#include "okr/okr.h"

enum remind_state {
	REMIND_DUE,		/* a check-in is due on the next grid day */
	REMIND_OVERDUE,		/* silent past cadence + grace: outdated */
	REMIND_STATE__MAX
};

extern const char *const remind_state_names[REMIND_STATE__MAX];

/* One key result to remind about. */
struct remind_item {
	const struct kr_eval	*ke;		/* objective: ce.objs[ke->obj] */
	char			*ref;		/* "objective/kr" */
	enum remind_state	 state;
	size_t			 owner;		/* index into owners */
	int64_t			 due;		/* the due day's local midnight */
	int			 due_today;	/* due is today */
	int64_t			 last;		/* latest check-in, 0 if none */
	int64_t			 silence_days;	/* floor(silence / 1 day) */
	int64_t			 missed;	/* cadences missed; 0 unless
						   overdue */
	int			 escalated;	/* missed >= 2 */
	size_t			 lead;		/* person escalated to (index into
						   ce.people), or EVAL_NONE */
};

/*
 * Someone the digest speaks to: an owner with items, a lead with
 * escalations, or both.  The unowned items have an owner entry whose
 * person is EVAL_NONE.
 */
struct remind_owner {
	size_t			 person;	/* index into ce.people, or
						   EVAL_NONE */
	size_t			*items;		/* their own, indices into items */
	size_t			 nitems;
	size_t			*escalated;	/* escalated to them */
	size_t			 nescalated;
};

struct remind {
	struct cycle_eval	 ce;		/* ce.people: every person */
	int64_t			 now;
	char			 today[16];	/* YYYY-MM-DD, workspace time */
	int			 in_cycle;	/* now in [start, end) and the cycle
						   not closed */
	struct remind_item	*items;		/* by owner, then objective order */
	size_t			 nitems;
	struct remind_owner	*owners;	/* owners and leads, by name; the
						   unowned last */
	size_t			 nowners;
	size_t			 ndue, noverdue, nescalated, nunowned;
	size_t			 nreminded;	/* people with items of their own:
						   the summary's "for N people" */
};

/* How remind_digest() writes. */
enum remind_style {
	REMIND_PLAIN,		/* the terminal: indented, title then ref */
	REMIND_CHAT		/* Slack-style markup: *bold*, `code`, and
				   & < > escaped as &amp; &lt; &gt; */
};

/*
 * Evaluate the cycle named cycle (NULL: the current one) at now and find
 * what to remind about.  ERR_NOTFOUND when there is no such cycle.
 */
enum err_code	remind_build(struct okr *, const char *cycle, int64_t now,
		    struct arena *, struct remind *, struct err *);

/* Name of an owner entry's person, or NULL for the unowned. */
const char	*remind_owner_name(const struct remind *,
		    const struct remind_owner *);

/*
 * What one item asks, the same words everywhere: "due today", "due
 * Monday 2 Nov", "overdue: silent 18 days (last check-in 2026-10-11), 2
 * missed check-ins, escalated to Sofia Constantin".
 */
void		remind_item_text(const struct remind *,
		    const struct remind_item *, struct buf *);

/* "2 due, 1 overdue, 1 escalated, for 2 people; 1 with no owner", or
 * why there is nothing. */
void		remind_summary(const struct remind *, struct buf *);

/*
 * The text of one owner's e-mail: a greeting, their own items and, for a
 * lead, the items escalated to them; and its subject line.  Plain text
 * with "\n" line ends (the mailer makes them CRLF).
 */
void		remind_mail_text(const struct remind *, const struct okr *,
		    const struct remind_owner *, struct buf *subject,
		    struct buf *body);

/*
 * The whole digest: a header line (workspace, cycle, day), the items by
 * owner (owners with items of their own; the unowned last) and the
 * summary line.  REMIND_PLAIN for the terminal, REMIND_CHAT for the
 * incoming webhooks of Slack, Mattermost and Teams: there a title such as
 * "<!channel>" must not ping anyone, so the whole text is escaped.
 */
void		remind_digest(const struct remind *, const struct okr *,
		    enum remind_style, struct buf *);

/*
 * The reminder log.  recipient identifies one message of a channel: for
 * "email" the person and the address, "Name <addr>" (two people may
 * share an address, and each gets their own message); for "webhook"
 * remind_log_url_key() of the URL, never the URL, whose path is the
 * secret of Slack, Mattermost and Teams hooks.
 */
#define REMIND_URL_KEY_LEN	65	/* 32 bytes in hex, and the NUL */

/* The hex BLAKE2b-256 digest (libsodium's crypto_generichash, no key) of
 * url into s.  ERR_INTERNAL when libsodium cannot start. */
enum err_code	remind_log_url_key(const char *url,
		    char s[REMIND_URL_KEY_LEN], struct err *);

/*
 * Was a message sent on day (YYYY-MM-DD) on channel ("email", "webhook")
 * to recipient?  *sent is 1 or 0.
 */
enum err_code	remind_log_sent(struct okr *, const char *day,
		    const char *channel, const char *recipient, int *sent,
		    struct err *);
/* Record one delivered message of items items (inside the caller's
 * transaction); a resend the same day (--force) replaces the row. */
enum err_code	remind_log_record(struct okr *, const char *day,
		    const char *channel, const char *recipient, int64_t at,
		    int64_t items, struct err *);

#endif /* OKR_REMIND_H */
