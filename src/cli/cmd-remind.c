/*
 * cmd-remind.c: okrdesk remind: the check-ins due or overdue, by owner,
 * as a digest on stdout, and optionally by e-mail and to a webhook.
 *
 * What is due comes from remind_build() (okr/remind.h, one cycle
 * evaluation); the words of every line from remind_item_text(), so the
 * digest, the e-mails and the chat message say the same thing.  This
 * file plans the messages, skips those the reminder log says went out
 * today, sends the rest (okr/notify.h) and records each one sent.
 *
 * Transactions: not a CMD_WRITES command.  Each delivered message is
 * recorded in its own short transaction right after it went out, so a
 * delivery that fails later in the run cannot roll back the record of
 * one that succeeded (which would send it again tomorrow... today), and
 * no write lock is held across the network.  A crash between a send and
 * its record means one duplicate at the next run: a reminder twice
 * rather than never.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "okr/evaljson.h"
#include "okr/notify.h"
#include "okr/remind.h"

static int cmd_remind(struct cli *, int, char **);

const struct cmd_entry cmd_remind_entry = {
	"remind", cmd_remind, CMD_WORKSPACE,
	"the check-ins due or overdue, by owner; by e-mail or to a webhook",
	"usage: okrdesk remind [--cycle CYCLE] [--json] [--email [--smtp URL]\n"
	"                      [--from ADDR]] [--webhook [URL]] [--dry-run]\n"
	"                      [--force]\n\n"
	"List, by owner, the key results updated by hand (of active\n"
	"objectives, not done) whose check-in is due or overdue, then a\n"
	"one-line summary.  The digest is always printed: it only reads.\n\n"
	"  overdue    silent for more than the cadence plus the grace (the\n"
	"             'outdated' of okrdesk status), with the days of silence\n"
	"             and the check-ins missed: floor((silence - grace) /\n"
	"             cadence)\n"
	"  escalated  two check-ins missed or more: the reminder also goes to\n"
	"             the owner's lead (of the owner's team, else the nearest\n"
	"             team above with a lead other than the owner)\n"
	"  due        no check-in since the previous due day; due days are\n"
	"             the check-in weekday on or after the cycle start, then\n"
	"             every cadence days ('due today', 'due Monday 2 Nov')\n\n"
	"The owner is the key result's, else the objective's person, else the\n"
	"lead of the objective's team.  Cadence, grace and weekday: 'okrdesk\n"
	"workspace edit' and 'okrdesk team edit' (--cadence_days, --grace_days,\n"
	"--checkin_day, --lead).  See docs/reminders.md.\n\n"
	"  --cycle CYCLE  the cycle (default: the current one)\n"
	"  --json         the digest and the deliveries as one JSON document\n"
	"  --email        one e-mail per person: their key results, and those\n"
	"                 escalated to them; a person with no e-mail address is\n"
	"                 reported, not an error\n"
	"  --smtp URL     the SMTP server, smtp://host:587 (STARTTLS when\n"
	"                 offered, required with a password) or smtps://host\n"
	"                 (default $OKRDESK_SMTP_URL); $OKRDESK_SMTP_USER and\n"
	"                 $OKRDESK_SMTP_PASSWORD log in\n"
	"  --from ADDR    the sender (default $OKRDESK_SMTP_FROM)\n"
	"  --webhook URL  POST the whole digest as {\"text\": ...} (Slack,\n"
	"                 Mattermost, Teams incoming webhooks) to an http://\n"
	"                 or https:// URL; without URL, $OKRDESK_WEBHOOK_URL;\n"
	"                 a status other than 2xx fails.  The URL's path is\n"
	"                 its secret: shown as https://host/..., never stored\n"
	"  --dry-run      show what would be sent; send and record nothing\n"
	"  --force        send again what was already sent today\n\n"
	"Once a day: every message sent is recorded (day in the workspace's\n"
	"time zone, channel, recipient: the person and address, or a digest\n"
	"of the webhook URL), and a second run the same day sends only what\n"
	"was not sent yet (\"already sent today: 3\"), so it is safe to run\n"
	"from cron or a timer several times a day.  A message that fails is\n"
	"not recorded, so the next run tries it again.\n"
	"Timeouts: 10 s to connect, 30 s in all.  OKRDESK_NOW fixes now.\n\n"
	"example crontab, weekdays at 09:00 (a systemd timer: see\n"
	"docs/reminders.md):\n"
	"  OKRDESK_DB=/srv/okrdesk/okrdesk.db\n"
	"  OKRDESK_SMTP_URL=smtp://mail.example.org:587\n"
	"  OKRDESK_SMTP_FROM=okr@example.org\n"
	"  0 9 * * 1-5  okrdesk remind --email\n\n"
	"Exit status: 0 shown (and sent), 1 a delivery failed or no cycle,\n"
	"2 bad usage.\n"
};

/* What became of one message. */
enum outcome {
	OUT_SENT,
	OUT_WOULD_SEND,		/* --dry-run */
	OUT_ALREADY,		/* recorded today, no --force */
	OUT_FAILED,
	OUT_NO_EMAIL,		/* the person has no address */
	OUT_BAD_EMAIL,		/* ... or one that is not an address */
	OUT_NO_OWNER,		/* the unowned items: nobody to mail */
	OUT_NOTHING,		/* a webhook with nothing to say */
	OUT__MAX
};

static const char *const outcome_names[OUT__MAX] = {
	[OUT_SENT] = "sent",
	[OUT_WOULD_SEND] = "would_send",
	[OUT_ALREADY] = "already_sent",
	[OUT_FAILED] = "failed",
	[OUT_NO_EMAIL] = "no_email",
	[OUT_BAD_EMAIL] = "bad_email",
	[OUT_NO_OWNER] = "no_owner",
	[OUT_NOTHING] = "nothing_to_send",
};

struct delivery {
	const char	*channel;	/* "email", "webhook" */
	const char	*recipient;	/* address or notify_url_safe() URL, as
					   shown; NULL if none */
	const char	*key;		/* its reminder_log recipient, once it
					   can be sent (remind.h) */
	const char	*name;		/* the person, or NULL */
	size_t		 items;
	enum outcome	 outcome;
	char		*error;		/* why it failed, or NULL */
};

struct run {
	struct cli		*cli;
	struct remind		 r;
	int			 dry_run, force;
	struct notify_smtp	 smtp;
	struct delivery		*dv;
	size_t			 ndv, cap;
	size_t			 failed;
	size_t			 already;
};

static const char *
env(const char *name)
{
	const char	*v = getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

/* Does url begin with scheme a or b (any case), with something after? */
static int
url_scheme_ok(const char *url, const char *a, const char *b)
{
	size_t	 na = strlen(a), nb = strlen(b);

	return (strncasecmp(url, a, na) == 0 && url[na] != '\0') ||
	    (strncasecmp(url, b, nb) == 0 && url[nb] != '\0');
}

static struct delivery *
add_delivery(struct run *rn, const char *channel, const char *recipient,
    const char *name, size_t items)
{
	struct delivery	*d;

	if ((d = ARENA_PUSH(&rn->cli->arena, rn->dv, rn->ndv, rn->cap)) ==
	    NULL)
		return NULL;
	d->channel = channel;
	d->recipient = recipient;
	d->name = name;
	d->items = items;
	return d;
}

/*
 * The log decides whether d goes out; returns 1 when it should be sent
 * now, 0 when it is settled (already sent, dry run), -1 on a store error.
 */
static int
should_send(struct run *rn, struct delivery *d)
{
	struct cli	*cli = rn->cli;
	int		 sent;

	if (remind_log_sent(cli->okr, rn->r.today, d->channel, d->key, &sent,
	    &cli->err) != ERR_OK)
		return -1;
	if (sent && !rn->force) {
		d->outcome = OUT_ALREADY;
		rn->already++;
		return 0;
	}
	if (rn->dry_run) {
		d->outcome = OUT_WOULD_SEND;
		return 0;
	}
	return 1;
}

/* After a send: record it (its own transaction), or keep the error. */
static int
settle(struct run *rn, struct delivery *d, enum err_code rc, struct err *e)
{
	struct cli	*cli = rn->cli;
	struct okr	*o = cli->okr;

	if (rc != ERR_OK) {
		d->outcome = OUT_FAILED;
		d->error = arena_strdup(&cli->arena, e->msg);
		if (rn->failed++ == 0)
			cli->err = *e;
		return 0;
	}
	d->outcome = OUT_SENT;
	if (okr_begin(o, &cli->err) != ERR_OK)
		return -1;
	if (remind_log_record(o, rn->r.today, d->channel, d->key, rn->r.now,
	    (int64_t)d->items, &cli->err) != ERR_OK ||
	    okr_commit(o, &cli->err) != ERR_OK) {
		okr_rollback(o);
		return -1;
	}
	return 0;
}

/* One e-mail per owner or lead; 0, or the exit status of a store error
 * (a failed delivery is counted in rn->failed, not returned). */
static int
send_email(struct run *rn)
{
	struct cli		*cli = rn->cli;
	const struct remind	*r = &rn->r;
	const struct remind_owner *ow;
	const struct person	*p;
	struct notify_mail	 m;
	struct delivery		*d;
	struct buf		 subj = BUF_INIT, body = BUF_INIT;
	struct err		 e;
	enum err_code		 rc;
	size_t			 i;
	int			 go, status = 0;

	for (i = 0; i < r->nowners; i++) {
		ow = &r->owners[i];
		p = ow->person != EVAL_NONE ? &r->ce.people[ow->person] : NULL;
		if ((d = add_delivery(rn, "email", p != NULL ? p->email : NULL,
		    p != NULL ? p->name : NULL, ow->nitems + ow->nescalated)) ==
		    NULL) {
			status = cli_fail(cli, err_set(&cli->err, ERR_NOMEM,
			    "out of memory"));
			break;
		}
		if (p == NULL) {
			d->outcome = OUT_NO_OWNER;
			continue;
		}
		if (p->email == NULL || *p->email == '\0') {
			d->outcome = OUT_NO_EMAIL;
			continue;
		}
		if (!notify_address_ok(p->email)) {
			d->outcome = OUT_BAD_EMAIL;
			continue;
		}
		/* the person and the address: two people may share one */
		if ((d->key = arena_printf(&cli->arena, "%s <%s>", p->name,
		    p->email)) == NULL) {
			status = cli_fail(cli, err_set(&cli->err, ERR_NOMEM,
			    "out of memory"));
			break;
		}
		if ((go = should_send(rn, d)) < 0) {
			status = cli_fail(cli, cli->err.code);
			break;
		}
		if (go == 0)
			continue;
		buf_reset(&subj);
		buf_reset(&body);
		remind_mail_text(r, cli->okr, ow, &subj, &body);
		memset(&m, 0, sizeof(m));
		m.to = p->email;
		m.to_name = p->name;
		m.subject = buf_cstr(&subj);
		m.body = buf_cstr(&body);
		m.date = r->now;
		err_clear(&e);
		rc = buf_error(&body) != ERR_OK || buf_error(&subj) != ERR_OK ?
		    err_set(&e, ERR_NOMEM, "e-mail to %s: out of memory",
		    p->email) : notify_mail_send(&rn->smtp, &m, &e);
		if (settle(rn, d, rc, &e) < 0) {
			status = cli_fail(cli, cli->err.code);
			break;
		}
	}
	buf_release(&subj);
	buf_release(&body);
	return status;
}

static int
send_webhook(struct run *rn, const char *url)
{
	struct cli	*cli = rn->cli;
	struct delivery	*d;
	struct buf	 text = BUF_INIT;
	struct err	 e;
	json_t		*j;
	char		*doc = NULL, safe[1024], key[REMIND_URL_KEY_LEN];
	enum err_code	 rc;
	int		 go;

	/* the URL's path is the hook's secret: shown without it, logged as
	 * a digest */
	notify_url_safe(url, safe, sizeof(safe));
	if ((d = add_delivery(rn, "webhook", arena_strdup(&cli->arena, safe),
	    NULL, rn->r.nitems)) == NULL || d->recipient == NULL)
		return cli_fail(cli, err_set(&cli->err, ERR_NOMEM,
		    "out of memory"));
	if (rn->r.nitems == 0) {
		/* a daily "nothing to do" in a channel is noise */
		d->outcome = OUT_NOTHING;
		return 0;
	}
	if (remind_log_url_key(url, key, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if ((d->key = arena_strdup(&cli->arena, key)) == NULL)
		return cli_fail(cli, err_set(&cli->err, ERR_NOMEM,
		    "out of memory"));
	if ((go = should_send(rn, d)) <= 0)
		return go < 0 ? cli_fail(cli, cli->err.code) : 0;
	remind_digest(&rn->r, cli->okr, REMIND_CHAT, &text);
	err_clear(&e);
	if (buf_error(&text) != ERR_OK ||
	    (j = json_pack("{s:s}", "text", buf_cstr(&text))) == NULL)
		rc = err_set(&e, ERR_INTERNAL, "webhook: cannot write the "
		    "digest as JSON (out of memory, or text that is not "
		    "UTF-8)");
	else {
		doc = json_dumps(j, JSON_COMPACT);
		json_decref(j);
		rc = doc == NULL ? err_set(&e, ERR_NOMEM, "webhook: out of "
		    "memory") : notify_webhook(url, doc, &e);
	}
	free(doc);
	buf_release(&text);
	return settle(rn, d, rc, &e) < 0 ? cli_fail(cli, cli->err.code) : 0;
}

/* ---- the digest ------------------------------------------------------ */

static void
text_delivery(const struct delivery *d, struct buf *b)
{
	const char *who = d->recipient;

	buf_printf(b, "%s: ", d->channel);
	switch (d->outcome) {
	case OUT_SENT:
	case OUT_WOULD_SEND:
	case OUT_ALREADY:
		buf_printf(b, "%s ", d->outcome == OUT_SENT ? "sent to" :
		    d->outcome == OUT_WOULD_SEND ? "would send to" :
		    "already sent today to");
		if (d->name != NULL)
			buf_printf(b, "%s <%s>", d->name, who);
		else
			buf_puts(b, who);
		buf_printf(b, " (%zu key result%s)%s\n", d->items,
		    d->items == 1 ? "" : "s", d->outcome == OUT_WOULD_SEND ?
		    " [dry run]" : "");
		break;
	case OUT_FAILED:
		buf_printf(b, "FAILED: %s\n", d->error);
		break;
	case OUT_NO_EMAIL:
		buf_printf(b, "%s has no e-mail address: not sent (okrdesk "
		    "person edit \"%s\" --email ADDR)\n", d->name, d->name);
		break;
	case OUT_BAD_EMAIL:
		buf_printf(b, "%s's e-mail \"%s\" is not an address: not "
		    "sent\n", d->name, d->recipient);
		break;
	case OUT_NO_OWNER:
		buf_printf(b, "%zu key result%s with no owner: not sent to "
		    "anyone\n", d->items, d->items == 1 ? "" : "s");
		break;
	case OUT_NOTHING:
		buf_puts(b, "nothing to send\n");
		break;
	default:
		break;
	}
}

static int
digest_text(struct run *rn)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;
	int		 rc;

	remind_digest(&rn->r, rn->cli->okr, REMIND_PLAIN, &b);
	if (rn->ndv > 0)
		buf_putc(&b, '\n');
	for (i = 0; i < rn->ndv; i++)
		text_delivery(&rn->dv[i], &b);
	if (rn->already > 0)
		buf_printf(&b, "already sent today: %zu (--force sends them "
		    "again)\n", rn->already);
	rc = buf_error(&b) != ERR_OK ? cli_fail(rn->cli, err_set(&rn->cli->err,
	    buf_error(&b), "out of memory")) : cli_out(rn->cli, buf_cstr(&b));
	buf_release(&b);
	return rc;
}

static json_t *
json_item(const struct remind *r, const struct remind_item *it)
{
	struct buf	 b = BUF_INIT;
	json_t		*j;
	char		 due[16];

	clock_fmt_date(it->due, due, sizeof(due));
	remind_item_text(r, it, &b);
	j = json_pack("{s:s, s:s, s:s, s:s, s:o, s:b, s:o, s:I, s:I, s:b, "
	    "s:o, s:I, s:I, s:I, s:s}",
	    "kr", it->ref,
	    "title", it->ke->kr->title,
	    "objective", r->ce.objs[it->ke->obj].obj->key,
	    "state", remind_state_names[it->state],
	    "due", it->state == REMIND_DUE ? json_string(due) : json_null(),
	    "due_today", it->state == REMIND_DUE && it->due_today,
	    "last_checkin", evaljson_time(it->last),
	    "silence_days", (json_int_t)it->silence_days,
	    "missed", (json_int_t)it->missed,
	    "escalated", it->escalated,
	    "escalated_to", evaljson_str(it->lead != EVAL_NONE ?
	    r->ce.people[it->lead].name : NULL),
	    "cadence_days", (json_int_t)it->ke->cadence.days,
	    "grace_days", (json_int_t)it->ke->cadence.grace_days,
	    "weekday", (json_int_t)it->ke->cadence.weekday,
	    "text", buf_cstr(&b));
	buf_release(&b);
	return j;
}

static int
digest_json(struct run *rn)
{
	const struct remind		*r = &rn->r;
	const struct remind_owner	*ow;
	const struct person		*p;
	const struct delivery		*d;
	struct buf			 sum = BUF_INIT;
	json_t				*doc, *owners, *o, *items, *esc;
	json_t				*dv;
	size_t				 i, j;

	remind_summary(r, &sum);
	owners = json_array();
	dv = json_array();
	for (i = 0; i < r->nowners; i++) {
		ow = &r->owners[i];
		p = ow->person != EVAL_NONE ? &r->ce.people[ow->person] : NULL;
		items = json_array();
		esc = json_array();
		for (j = 0; j < ow->nitems; j++)
			json_array_append_new(items, json_item(r,
			    &r->items[ow->items[j]]));
		for (j = 0; j < ow->nescalated; j++)
			json_array_append_new(esc, json_string(
			    r->items[ow->escalated[j]].ref));
		o = json_pack("{s:o, s:o, s:o, s:o, s:o}",
		    "owner", evaljson_str(p != NULL ? p->name : NULL),
		    "email", evaljson_str(p != NULL ? p->email : NULL),
		    "team", evaljson_str(p != NULL ? p->team : NULL),
		    "items", items, "escalated_to_them", esc);
		json_array_append_new(owners, o);
	}
	for (i = 0; i < rn->ndv; i++) {
		d = &rn->dv[i];
		json_array_append_new(dv, json_pack("{s:s, s:o, s:o, s:I, s:s, "
		    "s:o}", "channel", d->channel,
		    "recipient", evaljson_str(d->recipient),
		    "name", evaljson_str(d->name),
		    "items", (json_int_t)d->items,
		    "state", outcome_names[d->outcome],
		    "error", evaljson_str(d->error)));
	}
	doc = json_pack("{s:s, s:s, s:s, s:o, s:b, s:b, s:o, s:{s:I, s:I, "
	    "s:I, s:I, s:I, s:s}, s:o, s:I}",
	    "workspace", rn->cli->okr->ws.name,
	    "cycle", r->ce.cycle.name,
	    "day", r->today,
	    "now", evaljson_time(r->now),
	    "in_cycle", r->in_cycle,
	    "dry_run", rn->dry_run,
	    "owners", owners,
	    "summary", "due", (json_int_t)r->ndue,
	    "overdue", (json_int_t)r->noverdue,
	    "escalated", (json_int_t)r->nescalated,
	    "people", (json_int_t)r->nreminded,
	    "unowned", (json_int_t)r->nunowned,
	    "text", buf_error(&sum) == ERR_OK ? buf_cstr(&sum) : "",
	    "deliveries", dv,
	    "already_sent", (json_int_t)rn->already);
	buf_release(&sum);
	return cli_json_print(rn->cli, doc);
}

static int
cmd_remind(struct cli *cli, int argc, char **argv)
{
	struct run	 rn;
	const char	*cycle = NULL, *webhook = NULL, *smtp = NULL;
	const char	*from = NULL;
	char		 safe[1024];
	int		 i, r, json = 0, email = 0, hook = 0, rc = 0, out;

	memset(&rn, 0, sizeof(rn));
	rn.cli = cli;
	for (i = 1; i < argc; i++) {
		if (cli_flag(argv, i, "json") || cli_flag(argv, i, "email") ||
		    cli_flag(argv, i, "dry-run") ||
		    cli_flag(argv, i, "force")) {
			json |= cli_flag(argv, i, "json");
			email |= cli_flag(argv, i, "email");
			rn.dry_run |= cli_flag(argv, i, "dry-run");
			rn.force |= cli_flag(argv, i, "force");
			continue;
		}
		/* --webhook alone: the URL comes from the environment */
		if (cli_flag(argv, i, "webhook") && (i + 1 == argc ||
		    strncmp(argv[i + 1], "--", 2) == 0)) {
			hook = 1;
			continue;
		}
		if ((r = cli_opt(cli, argc, argv, &i, "cycle", &cycle)) == 0 &&
		    (r = cli_opt(cli, argc, argv, &i, "smtp", &smtp)) == 0 &&
		    (r = cli_opt(cli, argc, argv, &i, "from", &from)) == 0 &&
		    (r = cli_opt(cli, argc, argv, &i, "webhook", &webhook))
		    == 1)
			hook = 1;
		if (r < 0)
			return 2;
		if (r == 0)
			return cli_usage(cli, &cmd_remind_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
	}
	if (hook && webhook == NULL &&
	    (webhook = env("OKRDESK_WEBHOOK_URL")) == NULL)
		return cli_usage(cli, &cmd_remind_entry, "--webhook needs a "
		    "URL or OKRDESK_WEBHOOK_URL");
	/* quoted as notify_url_safe shows it: a hook's path is its secret */
	if (hook && !url_scheme_ok(webhook, "http://", "https://")) {
		notify_url_safe(webhook, safe, sizeof(safe));
		return cli_usage(cli, &cmd_remind_entry, "webhook URL \"%s\" "
		    "is not an http:// or https:// URL", safe);
	}
	rn.smtp.url = smtp != NULL ? smtp : env("OKRDESK_SMTP_URL");
	rn.smtp.from = from != NULL ? from : env("OKRDESK_SMTP_FROM");
	rn.smtp.from_name = "okrdesk";
	rn.smtp.user = env("OKRDESK_SMTP_USER");
	rn.smtp.password = env("OKRDESK_SMTP_PASSWORD");
	if ((email || smtp != NULL) && rn.smtp.url != NULL &&
	    !url_scheme_ok(rn.smtp.url, "smtp://", "smtps://")) {
		notify_url_safe(rn.smtp.url, safe, sizeof(safe));
		return cli_usage(cli, &cmd_remind_entry, "SMTP server \"%s\" "
		    "is not an smtp:// or smtps:// URL", safe);
	}
	if (email && !rn.dry_run && rn.smtp.url == NULL)
		return cli_usage(cli, &cmd_remind_entry, "--email needs the "
		    "SMTP server: --smtp URL or OKRDESK_SMTP_URL");
	if (email && !rn.dry_run && rn.smtp.from == NULL)
		return cli_usage(cli, &cmd_remind_entry, "--email needs the "
		    "sender: --from ADDR or OKRDESK_SMTP_FROM");
	if (email && !rn.dry_run && !notify_address_ok(rn.smtp.from))
		return cli_usage(cli, &cmd_remind_entry, "--from \"%s\" is not "
		    "an e-mail address", rn.smtp.from);

	if (remind_build(cli->okr, cycle, cli->okr->now, &cli->arena, &rn.r,
	    &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if ((email || hook) && notify_init(&cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (email)
		rc = send_email(&rn);
	if (rc == 0 && hook)
		rc = send_webhook(&rn, webhook);
	if (email || hook)
		notify_cleanup();
	/* the digest is shown whatever became of the deliveries */
	out = json ? digest_json(&rn) : digest_text(&rn);
	if (rc != 0)
		return rc;
	if (out != 0)
		return out;
	if (rn.failed > 1)
		err_prefix(&cli->err, "%zu deliveries failed; the first",
		    rn.failed);
	return rn.failed > 0 ? 1 : 0;
}
