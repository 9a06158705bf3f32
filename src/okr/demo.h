/*
 * demo.h: a realistic demo workspace, "Northwind Support".
 *
 * A customer-support department of an online retailer with three teams,
 * a cycle around today, two company objectives, the ten objectives of a
 * typical support OKR set aligned under them, and weeks of check-ins
 * whose values are computed from the current time, so that `okrdesk
 * status` shows every status at once on whatever day the demo is built:
 * on track, at risk, off track, outdated, done and no data.
 *
 * Everything goes through the okr/ API (team_add, objective_add, kr_add,
 * checkin_add, checkin_milestone), so it is validated like user input and
 * recorded in the history.
 *
 * Ownership: nothing is returned but counts; the caller owns struct okr.
 */
#ifndef OKR_DEMO_H
#define OKR_DEMO_H

#include <stddef.h>

#include "core/err.h"
#include "okr/okr.h"

/* What demo_build() created. */
struct demo_summary {
	char		 cycle[32];	/* "2026-Q4" */
	char		 start[16];	/* YYYY-MM-DD */
	char		 end[16];
	size_t		 teams, people, objectives, krs, checkins;
};

/* The demo's workspace settings, for okr_create(). */
void		demo_workspace(struct workspace *);

/*
 * Fill the (new, empty) workspace o with the demo, as of o->now, inside
 * the caller's transaction.
 *
 * The cycle is the calendar quarter holding o->now ("2026-Q4", from its
 * first day to its last).  When o->now falls in the first 14 days of the
 * quarter, the cycle starts six weeks before the quarter instead, so that
 * there are weeks of check-ins to show (in a cycle's first week every key
 * result is on track by definition).  Check-in times are spread over the
 * weeks elapsed, never later than o->now.  summary may be NULL.
 */
enum err_code	demo_build(struct okr *o, struct demo_summary *summary,
		    struct err *);

#endif /* OKR_DEMO_H */
