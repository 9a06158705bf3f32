/*
 * test_remind.c: check-in reminders (okr/remind.h) and their delivery
 * framing (okr/notify.h), as cmocka specifications.
 *
 * The workspace (okr_test.h, plus leads) is in UTC, checks in weekly on
 * Mondays with 3 days of grace (7 + 3):
 *
 *   Support   lead Sam
 *   └ Tier 1  lead Lea; people Ana, Lea
 *   cycle 2026-Q4: Thu 1 Oct 2026 .. Thu 31 Dec 2026
 *   objective "nps" (Tier 1), KR nps/hours owned by Ana, one check-in on
 *   Tue 6 Oct 10:00
 *
 * Hand-derived calendar (the brief's example): the first Monday on or
 * after Thu 1 Oct is Mon 5 Oct, then 12 Oct, 19 Oct...  The check-in of
 * Tue 6 Oct answers the due day of Mon 12 Oct (it is after 5 Oct);
 * silence passes 7 + 3 = 10 days at 16 Oct 10:00 (overdue just after),
 * and floor((silence - 3) / 7) reaches 2 at silence 17 days, 23 Oct 10:00
 * (escalated from then).  Each remind_build() is given its now.
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

#include "okr/notify.h"
#include "okr/okr.h"
#include "okr/remind.h"
#include "okr_test.h"

#define START	((int64_t)1790812800)	/* Thu 2026-10-01T00:00:00Z */
#define HOUR	((int64_t)3600)
/* 2026-10-DD at h:00 UTC */
#define OCT(d, h)	(START + ((d) - 1) * DAY + (h) * HOUR)
#define TUE6	OCT(6, 10)		/* Ana's check-in */

static void
set_lead(struct fx *f, const char *team, const char *lead)
{
	struct team	 old, t;

	assert_ok(f, team_get(f->o, team, &f->a, &old, &f->e));
	t = old;
	t.lead = (char *)lead;
	assert_ok(f, team_update(f->o, &old, &t, &f->e));
}

static void
set_cadence(struct fx *f, const char *team, int64_t days, int64_t grace,
    int weekday)
{
	struct team	 old, t;

	assert_ok(f, team_get(f->o, team, &f->a, &old, &f->e));
	t = old;
	t.cadence_days = days;
	t.grace_days = grace;
	t.checkin_day = weekday;
	assert_ok(f, team_update(f->o, &old, &t, &f->e));
}

/* An increase KR 0 -> 20 of obj, owned by owner (NULL: none). */
static void
add_kr(struct fx *f, const char *obj, const char *key, const char *owner)
{
	struct kr	 k;

	kr_init(&k, obj, key);
	k.kind = KR_INCREASE;
	k.baseline = 0;
	k.target = 20;
	k.owner = (char *)owner;
	assert_ok(f, kr_add(f->o, &k, &f->e));
}

static int
setup_remind(void **state)
{
	struct fx	*f;

	if (setup(state) != 0)
		return -1;
	f = *state;
	if (new_person(f, "Lea", "Tier 1") != ERR_OK ||
	    new_person(f, "Sam", "Support") != ERR_OK) {
		print_error("setup: %s\n", f->e.msg);
		return -1;
	}
	set_lead(f, "Tier 1", "Lea");
	set_lead(f, "Support", "Sam");
	add_kr(f, "nps", "hours", "Ana");
	assert_ok(f, checkin(f, "nps/hours", 2, NAN, TUE6));
	return 0;
}

static struct remind *
build(struct fx *f, int64_t now)
{
	struct remind	*r = arena_alloc(&f->a, sizeof(*r));

	assert_non_null(r);
	assert_ok(f, remind_build(f->o, "2026-Q4", now, &f->a, r, &f->e));
	return r;
}

static const struct remind_item *
item(const struct remind *r, const char *ref)
{
	size_t	 i;

	for (i = 0; i < r->nitems; i++)
		if (strcmp(r->items[i].ref, ref) == 0)
			return &r->items[i];
	return NULL;
}

static const char *
text(struct fx *f, const struct remind *r, const struct remind_item *it)
{
	struct buf	 b = BUF_INIT;
	char		*s;

	remind_item_text(r, it, &b);
	s = arena_strdup(&f->a, buf_cstr(&b));
	buf_release(&b);
	return s;
}

static const char *
owner(const struct remind *r, const struct remind_item *it)
{
	return remind_owner_name(r, &r->owners[it->owner]);
}

/* The owner entry of the person named name; fails the test if none. */
static const struct remind_owner *
owner_entry(const struct remind *r, const char *name)
{
	const char	*n;
	size_t		 i;

	for (i = 0; i < r->nowners; i++)
		if ((n = remind_owner_name(r, &r->owners[i])) != NULL &&
		    strcmp(n, name) == 0)
			return &r->owners[i];
	fail_msg("no owner entry for %s", name);
	return NULL;
}

/* ---- due ------------------------------------------------------------- */

static void
test_remind_due_on_the_first_checkin_weekday_after_the_cycle_start(
    void **state)
{
	struct fx			*f = *state;
	const struct remind		*r = build(f, OCT(1, 12));
	const struct remind_item	*it = item(r, "nps/hours");

	/* Thu 1 Oct: the first Monday on or after it is Mon 5 Oct */
	assert_non_null(it);
	assert_int_equal(it->state, REMIND_DUE);
	assert_int_equal(it->due, START + 4 * DAY);
	assert_false(it->due_today);
	assert_string_equal(text(f, r, it), "due Monday 5 Oct");
	assert_string_equal(owner(r, it), "Ana");
	assert_int_equal(r->ndue, 1);
	assert_int_equal(r->noverdue, 0);
}

static void
test_remind_due_today_on_the_due_day(void **state)
{
	struct fx			*f = *state;
	const struct remind		*r = build(f, OCT(5, 9));
	const struct remind_item	*it = item(r, "nps/hours");

	assert_non_null(it);
	assert_true(it->due_today);
	assert_string_equal(text(f, r, it), "due today");
}

static void
test_remind_a_checkin_after_a_due_day_answers_the_next_one(void **state)
{
	struct fx			*f = *state;
	const struct remind		*r;
	const struct remind_item	*it;

	/* Tue 6 Oct after the check-in: the next due day is 12 Oct, and
	 * 6 Oct is after 12 - 7 = 5 Oct */
	r = build(f, OCT(6, 12));
	assert_int_equal(r->nitems, 0);
	/* on Mon 12 Oct itself, still answered */
	r = build(f, OCT(12, 9));
	assert_int_equal(r->nitems, 0);
	/* Tue 13 Oct: the due day is 19 Oct; nothing after 12 Oct */
	r = build(f, OCT(13, 12));
	it = item(r, "nps/hours");
	assert_non_null(it);
	assert_int_equal(it->state, REMIND_DUE);
	assert_int_equal(it->due, START + 18 * DAY);
	assert_string_equal(text(f, r, it), "due Monday 19 Oct");
	/* a check-in on the due day itself answers it (the fixture's clock
	 * is 15 Oct: move it on so that the check-in is not in the future) */
	f->o->now = OCT(19, 9);
	assert_ok(f, checkin(f, "nps/hours", 3, NAN, OCT(19, 8)));
	r = build(f, OCT(19, 9));
	assert_null(item(r, "nps/hours"));
	/* ... but not the next one: on Tue 20 Oct the due day is 26 Oct,
	 * and only a check-in after 19 Oct answers it */
	r = build(f, OCT(20, 12));
	it = item(r, "nps/hours");
	assert_non_null(it);
	assert_string_equal(text(f, r, it), "due Monday 26 Oct");
}

/* ---- overdue, missed, escalated ------------------------------------- */

static void
test_remind_overdue_exactly_when_the_status_is_outdated(void **state)
{
	struct fx			*f = *state;
	const struct remind		*r;
	const struct remind_item	*it;
	int64_t				 now;

	/* silence exactly 10 days (16 Oct 10:00): not yet */
	r = build(f, OCT(16, 10));
	it = item(r, "nps/hours");
	assert_non_null(it);
	assert_int_equal(it->state, REMIND_DUE);
	assert_int_not_equal(r->ce.krs[0].ev.status, STATUS_OUTDATED);
	/* one second more: overdue, 10 days, floor((10 d - 3 d) / 7 d) = 1 */
	r = build(f, OCT(16, 10) + 1);
	it = item(r, "nps/hours");
	assert_non_null(it);
	assert_int_equal(it->state, REMIND_OVERDUE);
	assert_int_equal(it->silence_days, 10);
	assert_int_equal(it->missed, 1);
	assert_false(it->escalated);
	assert_int_equal(it->last, TUE6);
	assert_string_equal(text(f, r, it), "overdue: silent 10 days (last "
	    "check-in 2026-10-06), 1 missed check-in");
	/* and the status page agrees at every hour of three weeks */
	for (now = OCT(6, 11); now < OCT(27, 11); now += HOUR) {
		r = build(f, now);
		it = item(r, "nps/hours");
		assert_int_equal(it != NULL && it->state == REMIND_OVERDUE,
		    r->ce.krs[0].ev.status == STATUS_OUTDATED);
	}
}

static void
test_remind_missed_cadences_count_after_the_grace(void **state)
{
	struct fx			*f = *state;
	const struct remind_item	*it;

	/* 23 Oct 09:59:59: silence 16 d 23:59:59; minus 3 d is < 14 d */
	it = item(build(f, OCT(23, 10) - 1), "nps/hours");
	assert_int_equal(it->missed, 1);
	assert_false(it->escalated);
	/* 23 Oct 10:00: 17 d - 3 d = 14 d = 2 cadences */
	it = item(build(f, OCT(23, 10)), "nps/hours");
	assert_int_equal(it->missed, 2);
	assert_true(it->escalated);
	/* 30 Oct 10:00: 24 d - 3 d = 21 d = 3 cadences */
	it = item(build(f, OCT(30, 10)), "nps/hours");
	assert_int_equal(it->missed, 3);
	assert_int_equal(it->silence_days, 24);
}

static void
test_remind_escalates_to_the_lead_of_the_owners_team(void **state)
{
	struct fx			*f = *state;
	const struct remind		*r = build(f, OCT(23, 10));
	const struct remind_item	*it = item(r, "nps/hours");
	const struct remind_owner	*lea;

	assert_non_null(it);
	assert_true(it->escalated);
	assert_string_equal(r->ce.people[it->lead].name, "Lea");
	assert_string_equal(text(f, r, it), "overdue: silent 17 days (last "
	    "check-in 2026-10-06), 2 missed check-ins, escalated to Lea");
	/* Lea has nothing of her own, one escalated to her */
	lea = owner_entry(r, "Lea");
	assert_int_equal(lea->nitems, 0);
	assert_int_equal(lea->nescalated, 1);
	assert_ptr_equal(&r->items[lea->escalated[0]], it);
	assert_int_equal(r->nescalated, 1);
}

static void
test_remind_escalation_skips_the_owner_who_is_the_lead(void **state)
{
	struct fx			*f = *state;
	const struct remind_item	*it;
	const struct remind		*r;

	/* Lea's own KR, never checked in: at 23 Oct 10:00 silent since
	 * the start, 22 d 10 h; (22 d 10 h - 3 d) / 7 d = 2 */
	add_kr(f, "nps", "calls", "Lea");
	r = build(f, OCT(23, 10));
	it = item(r, "nps/calls");
	assert_non_null(it);
	assert_int_equal(it->missed, 2);
	assert_string_equal(r->ce.people[it->lead].name, "Sam");
}

static void
test_remind_escalation_climbs_past_a_team_with_no_lead(void **state)
{
	struct fx			*f = *state;
	const struct remind		*r;
	const struct remind_item	*it;

	set_lead(f, "Tier 1", NULL);
	r = build(f, OCT(23, 10));
	it = item(r, "nps/hours");
	assert_string_equal(r->ce.people[it->lead].name, "Sam");
}

static void
test_remind_no_lead_to_escalate_to_at_the_top(void **state)
{
	struct fx			*f = *state;
	const struct remind		*r;
	const struct remind_item	*it;

	set_lead(f, "Tier 1", NULL);
	set_lead(f, "Support", NULL);
	r = build(f, OCT(23, 10));
	it = item(r, "nps/hours");
	assert_true(it->escalated);
	assert_int_equal(it->lead, EVAL_NONE);
	assert_string_equal(text(f, r, it), "overdue: silent 17 days (last "
	    "check-in 2026-10-06), 2 missed check-ins, no lead to escalate "
	    "to");
}

/* ---- cadence per team ------------------------------------------------ */

static void
test_remind_team_cadence_overrides_the_workspace(void **state)
{
	struct fx			*f = *state;
	const struct remind		*r;
	const struct remind_item	*it;

	/*
	 * Tier 1: every 14 days on Fridays, 2 days of grace.  Grid: the
	 * first Friday on or after Thu 1 Oct is Fri 2 Oct, then 16 Oct,
	 * 30 Oct.
	 */
	set_cadence(f, "Tier 1", 14, 2, 4);
	/* Thu 15 Oct: due day 16 Oct; the 6 Oct check-in is after 2 Oct */
	r = build(f, OCT(15, 12));
	assert_null(item(r, "nps/hours"));
	/* Sat 17 Oct: due day 30 Oct; nothing after 16 Oct */
	r = build(f, OCT(17, 12));
	it = item(r, "nps/hours");
	assert_non_null(it);
	assert_int_equal(it->due, START + 29 * DAY);
	assert_string_equal(text(f, r, it), "due Friday 30 Oct");
	/* overdue after 14 + 2 = 16 days of silence: 22 Oct 10:00 */
	it = item(build(f, OCT(22, 10)), "nps/hours");
	assert_int_equal(it->state, REMIND_DUE);
	it = item(build(f, OCT(22, 12)), "nps/hours");
	assert_int_equal(it->state, REMIND_OVERDUE);
	assert_int_equal(it->missed, 1);	/* (16 d 2 h - 2 d) / 14 d */
	/* escalated at (30 d - 2 d) / 14 d = 2: 5 Nov 10:00 */
	it = item(build(f, OCT(36, 10) - 1), "nps/hours");
	assert_false(it->escalated);
	it = item(build(f, OCT(36, 10)), "nps/hours");
	assert_true(it->escalated);
}

static void
test_remind_a_persons_objective_inherits_the_cadence_from_above(
    void **state)
{
	struct fx			*f = *state;
	const struct remind		*r;
	const struct remind_item	*it;

	/* Support every 14 days on Fridays; Tier 1 unset, so Ana's own
	 * objective (she is in Tier 1) follows Support */
	set_cadence(f, "Support", 14, 2, 4);
	assert_ok(f, new_obj(f, "ana-goal", NULL, "Ana", NULL, 0));
	add_kr(f, "ana-goal", "calls", NULL);
	/* Sat 3 Oct: the grid is Fri 2 Oct, Fri 16 Oct */
	r = build(f, OCT(3, 12));
	it = item(r, "ana-goal/calls");
	assert_non_null(it);
	assert_int_equal(it->ke->cadence.days, 14);
	assert_int_equal(it->ke->cadence.grace_days, 2);
	assert_string_equal(text(f, r, it), "due Friday 16 Oct");
	/* no owner on the KR: the objective's person */
	assert_string_equal(owner(r, it), "Ana");
}

/* ---- owners ---------------------------------------------------------- */

static void
test_remind_owner_falls_back_to_the_lead_of_the_objectives_team(
    void **state)
{
	struct fx			*f = *state;
	const struct remind		*r;

	add_kr(f, "nps", "calls", NULL);
	r = build(f, OCT(1, 12));
	assert_string_equal(owner(r, item(r, "nps/calls")), "Lea");
}

static void
test_remind_unowned_are_listed_last(void **state)
{
	struct fx			*f = *state;
	const struct remind		*r;
	const struct remind_item	*it;

	/* Ops has no lead: its objective's KR has no owner at all */
	assert_ok(f, new_team(f, "Ops", NULL));
	assert_ok(f, new_obj(f, "ops", "Ops", NULL, NULL, 0));
	add_kr(f, "ops", "uptime", NULL);
	add_kr(f, "nps", "calls", NULL);		/* Lea's, as lead */
	r = build(f, OCT(1, 12));
	assert_int_equal(r->nitems, 3);
	assert_int_equal(r->nunowned, 1);
	/* owners by name, the unowned last; items grouped the same way */
	assert_int_equal(r->nowners, 3);
	assert_string_equal(remind_owner_name(r, &r->owners[0]), "Ana");
	assert_string_equal(remind_owner_name(r, &r->owners[1]), "Lea");
	assert_null(remind_owner_name(r, &r->owners[2]));
	assert_string_equal(r->items[0].ref, "nps/hours");
	assert_string_equal(r->items[1].ref, "nps/calls");
	it = &r->items[2];
	assert_string_equal(it->ref, "ops/uptime");
	assert_int_equal(it->owner, 2);
}

static void
test_remind_skips_drafts_done_and_kpi_fed_key_results(void **state)
{
	struct fx			*f = *state;
	struct objective		 ob;
	struct kr			 k;
	const struct remind		*r;

	objective_defaults(&ob);
	ob.key = (char *)"later";
	ob.title = (char *)"A draft";
	ob.cycle = (char *)"2026-Q4";
	ob.team = (char *)"Tier 1";
	ob.state = OBJ_DRAFT;
	assert_ok(f, objective_add(f->o, &ob, &f->e));
	add_kr(f, "later", "x", "Ana");
	kr_init(&k, "nps", "launched");
	k.kind = KR_BOOLEAN;
	k.owner = (char *)"Ana";
	assert_ok(f, kr_add(f->o, &k, &f->e));
	assert_ok(f, checkin(f, "nps/launched", 1, NAN, OCT(2, 9)));
	kr_init(&k, "nps", "csat");
	k.kind = KR_INCREASE;
	k.baseline = 80;
	k.target = 90;
	k.kpi = (char *)"csat";
	k.owner = (char *)"Ana";
	assert_ok(f, kr_add(f->o, &k, &f->e));
	/* 20 Oct: all three silent long enough to be overdue if counted */
	r = build(f, OCT(20, 12));
	assert_int_equal(r->nitems, 1);
	assert_string_equal(r->items[0].ref, "nps/hours");
}

static void
test_remind_nothing_outside_the_running_cycle(void **state)
{
	struct fx		*f = *state;
	struct cycle		 old, c;
	const struct remind	*r;

	r = build(f, START - DAY);
	assert_false(r->in_cycle);
	assert_int_equal(r->nitems, 0);
	r = build(f, START + 95 * DAY);	/* 5 Jan 2027, after the end */
	assert_false(r->in_cycle);
	assert_int_equal(r->nitems, 0);
	assert_ok(f, cycle_get(f->o, "2026-Q4", &f->a, &old, &f->e));
	c = old;
	c.state = CYCLE_CLOSED;
	assert_ok(f, cycle_update(f->o, &old, &c, &f->e));
	r = build(f, OCT(23, 10));
	assert_int_equal(r->nitems, 0);
}

/* ---- messages -------------------------------------------------------- */

static void
test_remind_mail_to_the_owner_and_to_the_lead(void **state)
{
	struct fx		*f = *state;
	const struct remind	*r = build(f, OCT(23, 10));
	struct buf		 subj = BUF_INIT, body = BUF_INIT;

	remind_mail_text(r, f->o, owner_entry(r, "Ana"),
	    &subj, &body);
	assert_string_equal(buf_cstr(&subj), "[Test] check-ins: 1 overdue");
	assert_non_null(strstr(buf_cstr(&body), "Hello Ana,\n"));
	assert_non_null(strstr(buf_cstr(&body), "- A key result (nps/hours)\n"
	    "  overdue: silent 17 days (last check-in 2026-10-06), 2 missed "
	    "check-ins, escalated to Lea\n"));
	buf_reset(&subj);
	buf_reset(&body);
	remind_mail_text(r, f->o, owner_entry(r, "Lea"),
	    &subj, &body);
	assert_string_equal(buf_cstr(&subj),
	    "[Test] check-ins: 1 escalated to you");
	assert_non_null(strstr(buf_cstr(&body), "Escalated to you"));
	assert_non_null(strstr(buf_cstr(&body), "  owner Ana, overdue: silent "
	    "17 days (last check-in 2026-10-06), 2 missed check-ins\n"));
	assert_null(strstr(buf_cstr(&body), "need a check-in"));
	buf_release(&subj);
	buf_release(&body);
}

static void
test_remind_summary_counts(void **state)
{
	struct fx		*f = *state;
	struct buf		 b = BUF_INIT;

	add_kr(f, "nps", "calls", NULL);	/* Lea's; silent since 1 Oct */
	/* 12 Oct 09:00: hours answered (6 Oct); calls silent 11 d 9 h */
	remind_summary(build(f, OCT(12, 9)), &b);
	assert_string_equal(buf_cstr(&b), "0 due, 1 overdue, 0 escalated, "
	    "for 1 person");
	buf_reset(&b);
	remind_summary(build(f, OCT(6, 12)), &b);
	assert_string_equal(buf_cstr(&b), "1 due, 0 overdue, 0 escalated, "
	    "for 1 person");
	buf_release(&b);
}

static void
test_remind_log_is_per_day_channel_and_recipient(void **state)
{
	struct fx	*f = *state;
	int		 sent = -1;

	assert_ok(f, remind_log_sent(f->o, "2026-10-23", "email", "a@x.org",
	    &sent, &f->e));
	assert_int_equal(sent, 0);
	assert_ok(f, okr_begin(f->o, &f->e));
	assert_ok(f, remind_log_record(f->o, "2026-10-23", "email", "a@x.org",
	    OCT(23, 10), 2, &f->e));
	/* --force records the same message again */
	assert_ok(f, remind_log_record(f->o, "2026-10-23", "email", "a@x.org",
	    OCT(23, 11), 2, &f->e));
	assert_ok(f, okr_commit(f->o, &f->e));
	assert_ok(f, remind_log_sent(f->o, "2026-10-23", "email", "a@x.org",
	    &sent, &f->e));
	assert_int_equal(sent, 1);
	assert_ok(f, remind_log_sent(f->o, "2026-10-24", "email", "a@x.org",
	    &sent, &f->e));
	assert_int_equal(sent, 0);
	assert_ok(f, remind_log_sent(f->o, "2026-10-23", "webhook", "a@x.org",
	    &sent, &f->e));
	assert_int_equal(sent, 0);
	assert_ok(f, remind_log_sent(f->o, "2026-10-23", "email", "b@x.org",
	    &sent, &f->e));
	assert_int_equal(sent, 0);
}

static void
test_remind_chat_digest_escapes_markup_the_plain_one_does_not(void **state)
{
	struct fx		*f = *state;
	struct kr		 k;
	const struct remind	*r;
	struct buf		 b = BUF_INIT;

	kr_init(&k, "nps", "esc");
	k.title = (char *)"Ping <!channel> & <@U123>";
	k.kind = KR_INCREASE;
	k.target = 1;
	k.owner = (char *)"Ana";
	assert_ok(f, kr_add(f->o, &k, &f->e));
	r = build(f, OCT(1, 12));
	remind_digest(r, f->o, REMIND_CHAT, &b);
	assert_int_equal(buf_error(&b), ERR_OK);
	/* Slack's escapes: & < > as &amp; &lt; &gt;, nothing else */
	assert_non_null(strstr(buf_cstr(&b), "\n*Ana*\n"));
	assert_non_null(strstr(buf_cstr(&b), "• `nps/esc` Ping "
	    "&lt;!channel&gt; &amp; &lt;@U123&gt;: due Monday 5 Oct\n"));
	assert_null(strchr(buf_cstr(&b), '<'));
	assert_null(strchr(buf_cstr(&b), '>'));
	buf_reset(&b);
	remind_digest(r, f->o, REMIND_PLAIN, &b);
	assert_non_null(strstr(buf_cstr(&b), "\nAna\n  · A key result "
	    "(nps/hours)\n    due Monday 5 Oct\n"
	    "  · Ping <!channel> & <@U123> (nps/esc)\n"
	    "    due Monday 5 Oct\n"));
	/* two items, both Ana's */
	assert_non_null(strstr(buf_cstr(&b), "\n2 due, 0 overdue, 0 escalated, "
	    "for 1 person\n"));
	buf_release(&b);
}

static void
test_remind_log_keys_a_webhook_by_a_digest_of_its_url(void **state)
{
	char	 k[REMIND_URL_KEY_LEN];
	struct err e;

	(void)state;
	/* python3: hashlib.blake2b(URL.encode(), digest_size=32).hexdigest() */
	assert_int_equal(remind_log_url_key("https://hooks.slack.com/services/"
	    "T000/B000/XXXX", k, &e), ERR_OK);
	assert_string_equal(k, "2318f77f9bea457fc3503c3cbd7c95b8"
	    "a68a90db6833e65cbf285c95bea3d84e");
	assert_int_equal(remind_log_url_key("https://hooks.slack.com/services/"
	    "T000/B000/YYYY", k, &e), ERR_OK);
	assert_string_equal(k, "d34518a2ed5557c4bb16917e6aa65f9b"
	    "8f5259fff2f9b31a640842e154450375");
}

/* ---- notify: the framing, no network --------------------------------- */

static void
test_notify_mail_has_the_headers_and_crlf_lines(void **state)
{
	struct notify_smtp	 s = { "smtp://127.0.0.1:1", "okr@example.org",
	    "okrdesk", NULL, NULL };
	struct notify_mail	 m = { "ana@example.org", "Ana \"A\" Pop",
	    "[Test] check-ins: 1 overdue", "Hello\n.dot\nend", OCT(23, 10) };
	struct buf		 b = BUF_INIT;
	struct err		 e;
	const char		*t;

	(void)state;
	assert_int_equal(notify_mail_compose(&s, &m, &b, &e), ERR_OK);
	t = buf_cstr(&b);
	assert_non_null(strstr(t, "From: \"okrdesk\" <okr@example.org>\r\n"));
	assert_non_null(strstr(t, "To: \"Ana \\\"A\\\" Pop\" "
	    "<ana@example.org>\r\n"));
	assert_non_null(strstr(t, "Subject: [Test] check-ins: 1 overdue\r\n"));
	/* 1792749600 = 2026-10-23T10:00:00Z, a Friday */
	assert_non_null(strstr(t, "Date: Fri, 23 Oct 2026 10:00:00 +0000\r\n"));
	assert_non_null(strstr(t, "Message-ID: <okrdesk."));
	assert_non_null(strstr(t, "@example.org>\r\n"));
	assert_non_null(strstr(t, "MIME-Version: 1.0\r\n"));
	assert_non_null(strstr(t, "Content-Type: text/plain; "
	    "charset=utf-8\r\n"));
	/* the body after one blank line, CRLF throughout; libcurl does the
	 * dot-stuffing on the wire */
	assert_non_null(strstr(t, "\r\n\r\nHello\r\n.dot\r\nend\r\n"));
	assert_null(strstr(t, "\n\n"));
	buf_release(&b);
}

static void
test_notify_non_ascii_subject_is_an_encoded_word(void **state)
{
	struct notify_smtp	 s = { "smtp://h", "okr@example.org", NULL,
	    NULL, NULL };
	struct notify_mail	 m = { "ana@example.org", NULL, "Ștefan",
	    "x", 0 };
	struct buf		 b = BUF_INIT;
	struct err		 e;

	(void)state;
	assert_int_equal(notify_mail_compose(&s, &m, &b, &e), ERR_OK);
	/* base64 of the UTF-8 bytes C8 98 74 65 66 61 6E (python3:
	 * base64.b64encode("Ștefan".encode())) */
	assert_non_null(strstr(buf_cstr(&b),
	    "Subject: =?utf-8?B?yJh0ZWZhbg==?=\r\n"));
	assert_non_null(strstr(buf_cstr(&b), "To: ana@example.org\r\n"));
	buf_release(&b);
}

static void
test_notify_refuses_addresses_that_could_inject(void **state)
{
	struct notify_smtp	 s = { "smtp://h", "okr@example.org", NULL,
	    NULL, NULL };
	struct notify_mail	 m = { "a@b.org\r\nBcc: c@d.org", NULL, "s",
	    "x", 0 };
	struct buf		 b = BUF_INIT;
	struct err		 e;

	(void)state;
	assert_true(notify_address_ok("ana.pop+okr@example.org"));
	assert_false(notify_address_ok("a@b.org\r\nBcc: c@d.org"));
	assert_false(notify_address_ok("Ana <a@b.org>"));
	assert_false(notify_address_ok("a b@c.org"));
	assert_false(notify_address_ok("@b.org"));
	assert_false(notify_address_ok("a@"));
	assert_false(notify_address_ok("a@b@c.org"));
	assert_false(notify_address_ok(""));
	assert_int_equal(notify_mail_compose(&s, &m, &b, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "is not an e-mail address"));
	buf_release(&b);
}

static void
test_notify_url_safe_hides_credentials(void **state)
{
	char	 s[128];

	(void)state;
	notify_url_safe("smtps://user:secret@mail.example.org:465/", s,
	    sizeof(s));
	assert_string_equal(s, "smtps://mail.example.org:465/");
	notify_url_safe("smtp://127.0.0.1:2525", s, sizeof(s));
	assert_string_equal(s, "smtp://127.0.0.1:2525");
}

static void
test_notify_url_safe_hides_a_webhooks_secret_path(void **state)
{
	char	 s[128];

	(void)state;
	/* an incoming webhook's path is its only credential */
	notify_url_safe("https://hooks.slack.com/services/T000/B000/XXXX", s,
	    sizeof(s));
	assert_string_equal(s, "https://hooks.slack.com/…");
	notify_url_safe("https://hooks.example.org/a@b", s, sizeof(s));
	assert_string_equal(s, "https://hooks.example.org/…");
	/* a query is hidden the same way, and the user:password too */
	notify_url_safe("https://u:p@h.example.org:8443?token=x", s,
	    sizeof(s));
	assert_string_equal(s, "https://h.example.org:8443/…");
	/* no scheme: the first "/" still ends what is shown */
	notify_url_safe("hooks.example.org/secret", s, sizeof(s));
	assert_string_equal(s, "hooks.example.org/…");
	notify_url_safe("", s, sizeof(s));
	assert_string_equal(s, "");
}

#define T(name)	cmocka_unit_test_setup_teardown(name, setup_remind, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_remind_due_on_the_first_checkin_weekday_after_the_cycle_start),
		T(test_remind_due_today_on_the_due_day),
		T(test_remind_a_checkin_after_a_due_day_answers_the_next_one),
		T(test_remind_overdue_exactly_when_the_status_is_outdated),
		T(test_remind_missed_cadences_count_after_the_grace),
		T(test_remind_escalates_to_the_lead_of_the_owners_team),
		T(test_remind_escalation_skips_the_owner_who_is_the_lead),
		T(test_remind_escalation_climbs_past_a_team_with_no_lead),
		T(test_remind_no_lead_to_escalate_to_at_the_top),
		T(test_remind_team_cadence_overrides_the_workspace),
		T(test_remind_a_persons_objective_inherits_the_cadence_from_above),
		T(test_remind_owner_falls_back_to_the_lead_of_the_objectives_team),
		T(test_remind_unowned_are_listed_last),
		T(test_remind_skips_drafts_done_and_kpi_fed_key_results),
		T(test_remind_nothing_outside_the_running_cycle),
		T(test_remind_mail_to_the_owner_and_to_the_lead),
		T(test_remind_summary_counts),
		T(test_remind_log_is_per_day_channel_and_recipient),
		T(test_remind_chat_digest_escapes_markup_the_plain_one_does_not),
		cmocka_unit_test(
		    test_remind_log_keys_a_webhook_by_a_digest_of_its_url),
		cmocka_unit_test(test_notify_mail_has_the_headers_and_crlf_lines),
		cmocka_unit_test(test_notify_non_ascii_subject_is_an_encoded_word),
		cmocka_unit_test(test_notify_refuses_addresses_that_could_inject),
		cmocka_unit_test(test_notify_url_safe_hides_credentials),
		cmocka_unit_test(test_notify_url_safe_hides_a_webhooks_secret_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
