/*
 * remind.c: what is due or overdue, by owner, and whom it escalates to;
 * the wording of a reminder (one line per key result, shared by the
 * digest, the e-mails and the chat message); the reminder log.  See
 * remind.h for the rules.
 *
 * Nothing here is computed twice: overdue is the evaluation's outdated
 * status, the cadence the evaluation's, the owner tree the evaluation's
 * teams, the people the evaluation's people.  This file adds the
 * calendar of due days and the owners.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "core/clock.h"
#include "okr/remind.h"

#define DAY	((int64_t)86400)

const char *const remind_state_names[REMIND_STATE__MAX] = {
	[REMIND_DUE] = "due",
	[REMIND_OVERDUE] = "overdue",
};

/* English, whatever the locale: the digest is read by scripts too. */
static const char *const day_words[7] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday"
};
static const char *const month_words[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

/* The local calendar date of t. */
static void
local_date(int64_t t, struct tm *tm)
{
	time_t	 tt = (time_t)t;

	localtime_r(&tt, tm);
}

/*
 * The calendar of one remind_build(), worked out once: the cycle's first
 * local day, its weekday, and today as a count of calendar days from it
 * (clock_civil_days: a daylight-saving change never makes a day 23 or 25
 * hours "long").
 */
struct cal {
	int		 y, m, d;	/* the cycle's first day */
	int		 wday;		/* its weekday, Monday 0 */
	int64_t		 today;		/* days since it */
};

static void
cal_init(const struct remind *r, struct cal *c)
{
	struct tm	 s, t;

	local_date(r->ce.start, &s);
	local_date(r->now, &t);
	c->y = s.tm_year + 1900;
	c->m = s.tm_mon + 1;
	c->d = s.tm_mday;
	c->wday = (s.tm_wday + 6) % 7;
	c->today = clock_civil_days(t.tm_year + 1900, t.tm_mon + 1,
	    t.tm_mday) - clock_civil_days(c->y, c->m, c->d);
}

/* The owner rule of remind.h: a person index, or EVAL_NONE (unowned). */
static size_t
owner_of(const struct remind *r, const struct obj_eval *oe,
    const struct kr_eval *ke)
{
	size_t	 t;

	if (ke->kr->owner != NULL)
		return eval_person(&r->ce, ke->kr->owner);
	if (oe->obj->person != NULL)
		return eval_person(&r->ce, oe->obj->person);
	if (oe->obj->team != NULL &&
	    (t = eval_team(&r->ce, oe->obj->team)) != EVAL_NONE)
		return eval_person(&r->ce, r->ce.teams[t].team->lead);
	return EVAL_NONE;
}

/*
 * The lead an overdue key result of person p escalates to: the lead of
 * p's team, skipping a team p leads or one with no lead, upwards.
 */
static size_t
lead_of(const struct remind *r, size_t p)
{
	const struct person	*pp;
	const struct team	*tm;
	size_t			 t, steps;

	if (p == EVAL_NONE)
		return EVAL_NONE;
	pp = &r->ce.people[p];
	t = eval_team(&r->ce, pp->team);
	/* steps bounds a loop a hand-edited store might hold */
	for (steps = 0; t != EVAL_NONE && steps <= r->ce.nteams;
	    t = r->ce.teams[t].parent, steps++) {
		tm = r->ce.teams[t].team;
		if (tm->lead != NULL && strcmp(tm->lead, pp->name) != 0)
			return eval_person(&r->ce, tm->lead);
	}
	return EVAL_NONE;
}

/*
 * Is the key result due on the current grid day?  The grid starts on the
 * first check-in weekday on or after the cycle's first day and steps by
 * cad days; d is the first grid day on or after today.  Sets it->due.
 */
static int
due_check(const struct remind *r, const struct cal *c,
    const struct kr_eval *ke, int64_t cad, struct remind_item *it)
{
	int64_t		 g0, d, from;

	g0 = (ke->cadence.weekday - c->wday + 7) % 7;
	d = c->today <= g0 ? g0 :
	    g0 + (c->today - g0 + cad - 1) / cad * cad;
	it->due = clock_day_start(c->y, c->m, c->d + (int)d);
	it->due_today = d == c->today;
	if (it->due >= r->ce.end)
		return 0;			/* after the cycle */
	/*
	 * A check-in after day d - cad answers this due day.  The evaluation
	 * cut the check-ins at its horizon, now (the cycle is running), so
	 * the latest one is the one to look at.
	 */
	from = clock_day_start(c->y, c->m, c->d + (int)(d - cad + 1));
	return ke->last_checkin < from;
}

/* The item for one key result, or 0 when there is nothing to say. */
static int
kr_item(const struct remind *r, const struct cal *c,
    const struct kr_eval *ke, struct remind_item *it)
{
	int64_t		 since, silence, cad;

	memset(it, 0, sizeof(*it));
	if (!ke->in.manual || ke->ev.status == STATUS_DONE)
		return 0;
	it->ke = ke;
	it->last = ke->last_checkin;
	since = ke->last_checkin > r->ce.start ? ke->last_checkin :
	    r->ce.start;
	silence = r->now - since;
	it->silence_days = silence / DAY;
	it->lead = EVAL_NONE;
	/* entry keeps a cadence in 1..366 days; a store edited by hand could
	 * hold 0, which must not divide by zero */
	cad = ke->cadence.days > 0 ? ke->cadence.days : 1;
	if (ke->ev.status == STATUS_OUTDATED) {
		it->state = REMIND_OVERDUE;
		it->missed = (silence - ke->in.grace) / (cad * DAY);
		if (it->missed < 1)
			it->missed = 1;
		it->escalated = it->missed >= 2;
		return 1;
	}
	it->state = REMIND_DUE;
	return due_check(r, c, ke, cad, it);
}

static int
owner_cmp(const void *a, const void *b, const struct remind *r)
{
	const struct remind_owner	*x = a, *y = b;

	if (x->person == EVAL_NONE || y->person == EVAL_NONE)
		return (x->person == EVAL_NONE) - (y->person == EVAL_NONE);
	return strcmp(r->ce.people[x->person].name,
	    r->ce.people[y->person].name);
}

/* Insertion sort: a handful of owners, and qsort has no context. */
static void
sort_owners(struct remind *r)
{
	struct remind_owner	 k;
	size_t			 i, j;

	for (i = 1; i < r->nowners; i++) {
		k = r->owners[i];
		for (j = i; j > 0 && owner_cmp(&r->owners[j - 1], &k, r) > 0;
		    j--)
			r->owners[j] = r->owners[j - 1];
		r->owners[j] = k;
	}
}

/*
 * The owners (and leads) of the items, sorted by name with the unowned
 * last; the items regrouped by owner, keeping objective order (a stable
 * counting sort); each owner's own and escalated item lists.
 */
static enum err_code
group(struct remind *r, struct arena *a, struct remind_item *v, size_t n,
    struct err *e)
{
	struct remind_owner	*ow;
	size_t			*slot, *count, i, o, np = r->ce.npeople + 1;

	/* slot[p]: the owner entry of person p (ce.npeople: the unowned) */
	if ((slot = arena_calloc(a, np, sizeof(*slot))) == NULL ||
	    (r->owners = arena_calloc(a, np, sizeof(*r->owners))) == NULL ||
	    (count = arena_calloc(a, np + 1, sizeof(*count))) == NULL ||
	    (n > 0 && (r->items = arena_calloc(a, n, sizeof(*r->items))) ==
	    NULL))
		return err_set(e, ERR_NOMEM, "out of memory");
	for (i = 0; i < n; i++) {
		slot[v[i].owner == EVAL_NONE ? r->ce.npeople : v[i].owner] = 1;
		if (v[i].lead != EVAL_NONE)
			slot[v[i].lead] = 1;
	}
	for (i = 0; i < np; i++)
		if (slot[i])
			r->owners[r->nowners++].person = i == r->ce.npeople ?
			    EVAL_NONE : i;
	sort_owners(r);
	for (i = 0; i < r->nowners; i++)
		slot[r->owners[i].person == EVAL_NONE ? r->ce.npeople :
		    r->owners[i].person] = i;
	for (i = 0; i < n; i++) {
		v[i].owner = slot[v[i].owner == EVAL_NONE ? r->ce.npeople :
		    v[i].owner];
		count[v[i].owner + 1]++;
		if (v[i].lead != EVAL_NONE)
			r->owners[slot[v[i].lead]].nescalated++;
	}
	for (i = 0; i < r->nowners; i++) {
		ow = &r->owners[i];
		count[i + 1] += count[i];
		ow->nitems = count[i + 1] - count[i];
		if ((ow->nitems > 0 && (ow->items = arena_calloc(a,
		    ow->nitems, sizeof(*ow->items))) == NULL) ||
		    (ow->nescalated > 0 && (ow->escalated = arena_calloc(a,
		    ow->nescalated, sizeof(*ow->escalated))) == NULL))
			return err_set(e, ERR_NOMEM, "out of memory");
		ow->nitems = ow->nescalated = 0;	/* refilled below */
	}
	for (i = 0; i < n; i++)
		r->items[count[v[i].owner]++] = v[i];
	r->nitems = n;
	for (i = 0; i < n; i++) {
		ow = &r->owners[r->items[i].owner];
		ow->items[ow->nitems++] = i;
		if ((o = r->items[i].lead) != EVAL_NONE) {
			ow = &r->owners[slot[o]];
			ow->escalated[ow->nescalated++] = i;
		}
	}
	for (i = 0; i < r->nowners; i++)
		r->nreminded += r->owners[i].person != EVAL_NONE &&
		    r->owners[i].nitems > 0;
	return ERR_OK;
}

enum err_code
remind_build(struct okr *o, const char *cycle, int64_t now, struct arena *a,
    struct remind *r, struct err *e)
{
	struct remind_item	*v = NULL, *it;
	const struct obj_eval	*oe;
	struct cal		 c;
	size_t			 n = 0, cap = 0, i, j;
	enum err_code		 rc;

	memset(r, 0, sizeof(*r));
	r->now = now;
	clock_fmt_date(now, r->today, sizeof(r->today));
	if ((rc = eval_cycle(o, cycle, now, a, &r->ce, e)) != ERR_OK)
		return rc;
	r->in_cycle = r->ce.cycle.state != CYCLE_CLOSED &&
	    now >= r->ce.start && now < r->ce.end;
	cal_init(r, &c);
	for (i = 0; r->in_cycle && i < r->ce.nobjs; i++) {
		oe = &r->ce.objs[i];
		if (oe->obj->state != OBJ_ACTIVE)
			continue;
		for (j = 0; j < oe->nkrs; j++) {
			if ((it = ARENA_PUSH(a, v, n, cap)) == NULL)
				return err_set(e, ERR_NOMEM, "out of memory");
			if (!kr_item(r, &c, &oe->krs[j], it)) {
				n--;
				continue;
			}
			it->ref = arena_printf(a, "%s/%s", oe->obj->key,
			    oe->krs[j].kr->key);
			it->owner = owner_of(r, oe, &oe->krs[j]);
			if (it->escalated)
				it->lead = lead_of(r, it->owner);
			r->ndue += it->state == REMIND_DUE;
			r->noverdue += it->state == REMIND_OVERDUE;
			r->nescalated += it->escalated != 0;
			r->nunowned += it->owner == EVAL_NONE;
		}
	}
	if (arena_failed(a))
		return err_set(e, ERR_NOMEM, "out of memory");
	return group(r, a, v, n, e);
}

const char *
remind_owner_name(const struct remind *r, const struct remind_owner *ow)
{
	return ow->person == EVAL_NONE ? NULL : r->ce.people[ow->person].name;
}

/* "Monday 30 Nov", the due day of a due item, or "today". */
static void
due_text(const struct remind_item *it, char *s, size_t sz)
{
	struct tm	 tm;

	if (it->due_today) {
		snprintf(s, sz, "today");
		return;
	}
	local_date(it->due, &tm);
	snprintf(s, sz, "%s %d %s", day_words[(tm.tm_wday + 6) % 7],
	    tm.tm_mday, month_words[tm.tm_mon]);
}

/* "Thursday 29 Oct 2026": the day of now, for headings. */
static void
day_text(const struct remind *r, char *s, size_t sz)
{
	struct tm	 tm;

	local_date(r->now, &tm);
	snprintf(s, sz, "%s %d %s %d", day_words[(tm.tm_wday + 6) % 7],
	    tm.tm_mday, month_words[tm.tm_mon], tm.tm_year + 1900);
}

/* remind_item_text(), saying whom it escalates to when with_lead. */
static void
item_text(const struct remind *r, const struct remind_item *it,
    int with_lead, struct buf *b)
{
	char	 s[48];

	if (it->state == REMIND_DUE) {
		due_text(it, s, sizeof(s));
		buf_printf(b, "due %s", s);
		return;
	}
	buf_printf(b, "overdue: silent %lld day%s", (long long)it->silence_days,
	    it->silence_days == 1 ? "" : "s");
	if (it->last != 0) {
		clock_fmt_date(it->last, s, sizeof(s));
		buf_printf(b, " (last check-in %s)", s);
	} else
		buf_puts(b, " (no check-in yet)");
	buf_printf(b, ", %lld missed check-in%s", (long long)it->missed,
	    it->missed == 1 ? "" : "s");
	if (!it->escalated || !with_lead)
		return;
	if (it->lead != EVAL_NONE)
		buf_printf(b, ", escalated to %s", r->ce.people[it->lead].name);
	else
		buf_puts(b, ", no lead to escalate to");
}

void
remind_item_text(const struct remind *r, const struct remind_item *it,
    struct buf *b)
{
	item_text(r, it, 1, b);
}

void
remind_summary(const struct remind *r, struct buf *b)
{
	if (r->nitems == 0) {
		buf_puts(b, r->in_cycle ? "nothing due or overdue: every "
		    "check-in is up to date" : "nothing to remind: the cycle "
		    "is not running");
		return;
	}
	buf_printf(b, "%zu due, %zu overdue, %zu escalated, for %zu "
	    "%s", r->ndue, r->noverdue, r->nescalated, r->nreminded,
	    r->nreminded == 1 ? "person" : "people");
	if (r->nunowned > 0)
		buf_printf(b, "; %zu with no owner", r->nunowned);
}

/*
 * One key result in a list, the digest's and the e-mails':
 * "BULLETtitle (ref)\nINDENTwhat\n"; with_owner (a lead's escalations)
 * names the owner instead of the lead, who knows it came to them.
 */
static void
item_block(const struct remind *r, const struct remind_item *it,
    const char *bullet, const char *indent, int with_owner, struct buf *b)
{
	const char	*owner;

	buf_printf(b, "%s%s (%s)\n%s", bullet, it->ke->kr->title, it->ref,
	    indent);
	if (with_owner) {
		owner = remind_owner_name(r, &r->owners[it->owner]);
		buf_printf(b, "owner %s, ", owner != NULL ? owner : "none");
	}
	item_text(r, it, !with_owner, b);
	buf_putc(b, '\n');
}

void
remind_mail_text(const struct remind *r, const struct okr *o,
    const struct remind_owner *ow, struct buf *subject, struct buf *body)
{
	const char	*name = remind_owner_name(r, ow);
	char		 day[48];
	size_t		 i, due = 0, over = 0;

	for (i = 0; i < ow->nitems; i++) {
		due += r->items[ow->items[i]].state == REMIND_DUE;
		over += r->items[ow->items[i]].state == REMIND_OVERDUE;
	}
	buf_printf(subject, "[%s] check-ins:", o->ws.name);
	if (over > 0)
		buf_printf(subject, " %zu overdue%s", over, due ||
		    ow->nescalated ? "," : "");
	if (due > 0)
		buf_printf(subject, " %zu due%s", due, ow->nescalated ? "," :
		    "");
	if (ow->nescalated > 0)
		buf_printf(subject, " %zu escalated to you", ow->nescalated);

	buf_printf(body, "Hello %s,\n\n", name != NULL ? name : "team");
	if (ow->nitems > 0) {
		buf_printf(body, "%s of cycle %s need%s a check-in:\n\n",
		    ow->nitems == 1 ? "this key result" : "these key results",
		    r->ce.cycle.name, ow->nitems == 1 ? "s" : "");
		for (i = 0; i < ow->nitems; i++)
			item_block(r, &r->items[ow->items[i]], "- ", "  ", 0,
			    body);
		buf_putc(body, '\n');
	}
	if (ow->nescalated > 0) {
		buf_printf(body, "Escalated to you as their lead (two or more "
		    "check-ins missed):\n\n");
		for (i = 0; i < ow->nescalated; i++)
			item_block(r, &r->items[ow->escalated[i]], "- ", "  ",
			    1, body);
		buf_putc(body, '\n');
	}
	day_text(r, day, sizeof(day));
	buf_printf(body, "To check in: okrdesk checkin OBJECTIVE/KR VALUE "
	    "[--confidence 0.8] [--note TEXT]\n\n-- \nokrdesk reminders "
	    "for %s, %s\n", o->ws.name, day);
}

/* s into b with Slack's three escapes (its docs: "Escaping text"). */
static void
put_chat_escaped(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '&')
			buf_puts(b, "&amp;");
		else if (*s == '<')
			buf_puts(b, "&lt;");
		else if (*s == '>')
			buf_puts(b, "&gt;");
		else
			buf_putc(b, *s);
	}
}

void
remind_digest(const struct remind *r, const struct okr *o,
    enum remind_style st, struct buf *out)
{
	const struct remind_owner	*ow;
	const struct remind_item	*it;
	const char			*name, *em;
	struct buf			 chat = BUF_INIT, *b;
	char				 day[48];
	size_t				 i, j;

	/* chat: written whole, then escaped whole, so that no name, title
	 * or key can carry markup */
	b = st == REMIND_CHAT ? &chat : out;
	em = st == REMIND_CHAT ? "*" : "";
	day_text(r, day, sizeof(day));
	buf_printf(b, "%sCheck-in reminders%s · %s · %s · %s\n", em, em,
	    o->ws.name, r->ce.cycle.name, day);
	for (i = 0; i < r->nowners; i++) {
		ow = &r->owners[i];
		if (ow->nitems == 0)
			continue;
		if ((name = remind_owner_name(r, ow)) == NULL)
			name = st == REMIND_CHAT ? "No owner (set one with "
			    "okrdesk kr edit REF --owner NAME)" : "no owner";
		buf_printf(b, "\n%s%s%s\n", em, name, em);
		for (j = 0; j < ow->nitems; j++) {
			it = &r->items[ow->items[j]];
			if (st != REMIND_CHAT) {
				item_block(r, it, "  · ", "    ", 0, b);
				continue;
			}
			buf_printf(b, "• `%s` %s: ", it->ref,
			    it->ke->kr->title);
			remind_item_text(r, it, b);
			buf_putc(b, '\n');
		}
	}
	buf_putc(b, '\n');
	remind_summary(r, b);
	buf_putc(b, '\n');
	if (st != REMIND_CHAT)
		return;
	put_chat_escaped(out, buf_cstr(&chat));
	if (buf_error(&chat) != ERR_OK && out->err == ERR_OK)
		out->err = buf_error(&chat);
	buf_release(&chat);
}

enum err_code
remind_log_url_key(const char *url, char s[REMIND_URL_KEY_LEN],
    struct err *e)
{
	unsigned char	 h[(REMIND_URL_KEY_LEN - 1) / 2];

	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "libsodium cannot start");
	crypto_generichash(h, sizeof(h), (const unsigned char *)url,
	    strlen(url), NULL, 0);
	sodium_bin2hex(s, REMIND_URL_KEY_LEN, h, sizeof(h));
	return ERR_OK;
}

enum err_code
remind_log_sent(struct okr *o, const char *day, const char *channel,
    const char *recipient, int *sent, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;
	int		 k;

	*sent = 0;
	if ((rc = store_q_open(o->st, STMT_REMIND_LOG_GET, &q, e, "ttt", day,
	    channel, recipient)) != ERR_OK)
		return rc;
	k = store_q_next(q, e);
	store_q_close(q);
	if (k < 0)
		return e != NULL ? e->code : ERR_STORE;
	*sent = k == 1;
	return ERR_OK;
}

enum err_code
remind_log_record(struct okr *o, const char *day, const char *channel,
    const char *recipient, int64_t at, int64_t items, struct err *e)
{
	return store_exec(o->st, STMT_REMIND_LOG_PUT, e, "tttii", day, channel,
	    recipient, at, items);
}
