/*
 * progress.h: the progress math contract of DESIGN.md, as pure functions.
 *
 * Nothing here touches the store, the clock or the terminal: every input is
 * passed in (including "now"), every output is a value.  The CLI, the web
 * pages and the reports all call these, so the numbers are the same
 * everywhere.  Missing values are NAN (use isnan()); they are "no data",
 * never zero.
 *
 * Ownership: every pointer argument is borrowed for the duration of the call.
 */
#ifndef OKR_PROGRESS_H
#define OKR_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

enum kr_kind {
	KR_INCREASE,
	KR_DECREASE,
	KR_BAND,
	KR_BOOLEAN,
	KR_MILESTONES,
	KR_KIND__MAX
};

enum okr_status {
	STATUS_ON_TRACK,
	STATUS_AT_RISK,
	STATUS_OFF_TRACK,
	STATUS_OUTDATED,
	STATUS_NO_DATA,
	STATUS_DONE,
	STATUS__MAX
};

enum colour {
	COLOUR_NONE,		/* no value to colour */
	COLOUR_RED,
	COLOUR_YELLOW,
	COLOUR_GREEN,
	COLOUR__MAX
};

#define PROGRESS_WEEK	((int64_t)7 * 86400)

/* One observed value of a key result at a time (UTC seconds). */
struct progress_point {
	int64_t		 at;
	double		 value;
};

/*
 * Everything the math needs to know about one key result.
 * pts is sorted by time ascending (ties keep input order; the later one wins).
 * For KR_BOOLEAN values are 0 or 1; for KR_MILESTONES a value is the done
 * weight divided by the total weight (0..1) at that time.
 */
struct progress_kr {
	enum kr_kind	 kind;
	double		 baseline;	/* increase/decrease; NAN if unset */
	double		 target;	/* increase/decrease; NAN if unset */
	double		 low, high;	/* band; NAN = open side */
	double		 weight;	/* > 0; used by the objective roll-up */
	int		 manual;	/* 1: check-ins by hand (outdated applies) */
	int64_t		 cadence;	/* seconds between expected check-ins */
	int64_t		 grace;		/* seconds of grace after the cadence */
	const struct progress_point *pts;
	size_t		 npts;
};

/* The evaluation of one key result at time now. */
struct progress_eval {
	double		 current;	/* latest value at or before now; NAN if none */
	double		 raw;		/* unclamped progress; NAN if none */
	double		 progress;	/* clamp(raw, 0, 1); NAN if none */
	double		 expected;	/* expected progress at now, 0..1 */
	enum okr_status	 status;
	double		 forecast_value;	/* least-squares value at cycle end; NAN if < 2 points */
	double		 forecast_progress;	/* progress of forecast_value, clamped; NAN if none */
	int64_t		 last_at;	/* time of the latest point, 0 if none */
};

/*
 * Linear progress for increase/decrease: raw = (c - b) / (t - b), and the
 * clamped value is returned.  If b == t the result (raw and clamped) is 1
 * when c meets t in the KR's direction (c >= t for increase, c <= t for
 * decrease) and 0 otherwise.  Any NAN input gives NAN.  raw may be NULL.
 */
double	progress_linear(enum kr_kind kind, double b, double t, double c,
	    double *raw);

/*
 * Band progress: the share of the elapsed weeks of [start, end) whose value
 * was inside [low, high] (inclusive; a NAN side is open).  Week i is
 * [start + i*7d, start + (i+1)*7d); the weeks elapsed at now are those that
 * have begun by now, at most the weeks of the cycle (the last one may be
 * shorter).  A week's value is the latest point at or before the earlier of
 * its end and now (carried forward); a week before the first point counts
 * as outside.  NAN when no week has begun or there are no points.
 */
double	progress_band(double low, double high,
	    const struct progress_point *pts, size_t npts,
	    int64_t start, int64_t end, int64_t now);

/*
 * Expected progress at now: (now - start) / (end - start), clamped to 0..1.
 * end <= start gives 1 when now >= end, else 0.
 */
double	progress_expected(int64_t start, int64_t end, int64_t now);

/*
 * Least-squares line through the points (x = time, y = value), evaluated at
 * time at.  NAN when fewer than two points have distinct times.
 */
double	progress_forecast(const struct progress_point *pts, size_t npts,
	    int64_t at);

/*
 * Evaluate one key result over the cycle [start, end) at time now.  Rules:
 *
 * - now is clamped to [start, end] for every computation.
 * - current = value of the latest point at or before now (NAN if none);
 *   progress by kind: linear for increase/decrease, progress_band for band
 *   (expected is then 1: the ideal share is every week), the value itself
 *   clamped to 0..1 for boolean and milestones.
 * - status, first rule that applies:
 *   1. done: boolean or milestones with progress == 1;
 *   2. outdated: manual, start <= now, and now - max(last_at, start) >
 *      cadence + grace (silence is never green);
 *   3. no_data: progress is NAN; except on_track while the cycle has not
 *      run a week yet (now - start < 7 days);
 *   4. on_track: now - start < 7 days, or progress >= 0.7 * expected;
 *   5. at_risk: progress >= 0.4 * expected;
 *   6. off_track.
 * - forecast_value = progress_forecast(points at or before now, end);
 *   forecast_progress = its progress by kind (linear; boolean/milestones
 *   clamped; band: NAN).
 */
void	progress_kr_eval(const struct progress_kr *kr, int64_t start,
	    int64_t end, int64_t now, struct progress_eval *out);

/* The evaluation of an objective from its key results' evaluations. */
struct progress_objective {
	double		 progress;	/* weighted mean; NAN if no KR or no KR has data */
	double		 expected;	/* weighted mean of the KRs' expected */
	enum okr_status	 status;
};

/*
 * Objective roll-up.  progress = sum(w_i * p_i) / sum(w_i) over all key
 * results, where a KR without data counts as 0 (an objective is never shown
 * further along than its evidence) -- unless no KR has data, or there is no
 * KR at all: then progress is NAN ("no progress", not 0).
 * status: no_data if progress is NAN; outdated if any KR is outdated;
 * done if every KR is done; else on_track / at_risk / off_track by the same
 * 0.7 / 0.4 thresholds on progress against expected, with on_track while
 * the cycle has not run a week yet (all KRs in their first week).
 */
void	progress_objective_eval(const struct progress_kr *krs,
	    const struct progress_eval *evals, size_t n,
	    int64_t start, int64_t now, struct progress_objective *out);

/* Grade: progress rounded to one decimal (half away from zero), 0.0..1.0. */
double	progress_grade(double progress);

/* Colour of a grade or progress: < 0.4 red, 0.4..0.69 yellow, >= 0.7 green. */
enum colour progress_colour(double grade);

/*
 * Does grade reach line (1.0 for a committed objective's success, 0.7 for
 * an aspirational one's)?  With the same tolerance as every threshold
 * here, so a grade of 0.7 computed a few ulps low still reaches 0.7.
 * 0 for NAN: no grade reaches anything.
 */
int	progress_reaches(double grade, double line);

/* Stable lower-case names: "increase", "on_track", "green", ... */
const char *kr_kind_name(enum kr_kind);
const char *okr_status_name(enum okr_status);
const char *colour_name(enum colour);

/*
 * A status in plain English for people ("on track", "no data"), the
 * same in every face; okr_status_word() is NULL for an invalid value.
 */
extern const char *const okr_status_words[STATUS__MAX];
const char *okr_status_word(enum okr_status);

/* The kind names in enum order, NULL-terminated (for field tables). */
extern const char *const kr_kind_names[KR_KIND__MAX + 1];

/* Parse a name back; returns the enum value or -1. */
int	kr_kind_parse(const char *);
int	okr_status_parse(const char *);

#endif /* OKR_PROGRESS_H */
