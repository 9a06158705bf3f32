/*
 * pace.h: where a key result is heading, and what it still takes.
 *
 * progress.h says where a key result stands; this says where it is going:
 * the value projected to the cycle end and the grade that value would
 * earn, the weekly improvement still needed to reach the target, the
 * weekly trend so far, and whether confidence is rising or falling.  Like
 * progress.h it is pure: everything is passed in, nothing is read from the
 * store or the clock, and missing values are NAN ("no data", never 0).
 * eval.c computes it once per key result, so the CLI, the JSON and the
 * pages show the same figures.  The rules are in docs/progress.md ("Pace
 * and forecast").
 */
#ifndef OKR_PACE_H
#define OKR_PACE_H

#include <stddef.h>
#include <stdint.h>

#include "okr/progress.h"

/* A projection needs this many points: two a few days apart project
 * wildly. */
#define PACE_MIN_POINTS	3

/* Confidence changes smaller than this are "steady". */
#define PACE_CONF_STEP	0.05

enum pace_trend {
	PACE_TREND_NONE,	/* fewer than two confidences given */
	PACE_TREND_RISING,
	PACE_TREND_STEADY,
	PACE_TREND_FALLING,
	PACE_TREND__MAX
};

/* The trend against what is needed, in words a lead uses. */
enum pace_verdict {
	PACE_UNKNOWN,		/* not enough points to tell */
	PACE_MET,		/* target met (or done) */
	PACE_ON_PACE,		/* the trend covers the weekly need */
	PACE_TOO_SLOW,		/* the right way, not fast enough */
	PACE_BACKWARDS,		/* moving away from the target */
	PACE_INSIDE,		/* band: inside now */
	PACE_OUTSIDE,		/* band: outside now */
	PACE_VERDICT__MAX
};

struct pace {
	double		 weeks_left;	/* (end - now) / 7 days, 0 once over */
	/*
	 * The least-squares line through the points at or before now,
	 * evaluated at the cycle end (progress_forecast), its progress by
	 * the key result's kind, and the grade that progress would earn.
	 * Band: the share of all the cycle's weeks that would be inside if
	 * the current value held (value: the current one).  Boolean: the
	 * current value.  NAN with fewer than PACE_MIN_POINTS points.
	 */
	double		 projected_value;
	double		 projected_progress;
	double		 projected_grade;
	/*
	 * Increase and decrease: (target - current) / weeks_left, in the
	 * key result's unit a week (negative for a decrease); 0 when the
	 * target is met; NAN without a current value, a target, or weeks
	 * left.  Milestones: the share still to be done a week.  Band and
	 * boolean: NAN (a band is held, not approached).
	 */
	double		 needed_per_week;
	/* The slope of that line, in the unit a week; NAN below
	 * PACE_MIN_POINTS points. */
	double		 trend_per_week;
	/* The last (up to) three confidences given, oldest first. */
	double		 conf[3];
	size_t		 nconf;
	enum pace_trend	 conf_trend;	/* last minus first of conf[] */
	/*
	 * Increase, decrease, milestones: met when needed_per_week is 0;
	 * else unknown without a trend; on pace when the trend is at least
	 * the need in the target's direction; too slow when it goes that way
	 * but less; backwards otherwise.  Band: inside or outside now.
	 * Boolean: met when yes, else unknown.
	 */
	enum pace_verdict verdict;
};

/*
 * The pace of one key result evaluated by progress_kr_eval() (in, ev) over
 * the cycle [start, end) at now.  confs are the confidences given, oldest
 * first (NAN entries, "not given", are skipped).
 */
void		pace_kr(const struct progress_kr *in,
		    const struct progress_eval *ev, const double *confs,
		    size_t nconfs, int64_t start, int64_t end, int64_t now,
		    struct pace *out);

/* "met", "on_pace", "too_slow", "backwards", "inside", "outside", or
 * NULL for unknown. */
const char	*pace_verdict_name(enum pace_verdict);

/* "rising", "steady", "falling", or NULL for none. */
const char	*pace_trend_name(enum pace_trend);

#endif /* OKR_PACE_H */
