/*
 * progress.c: the progress math of DESIGN.md ("Progress math (the
 * contract)"), implemented as pure functions over values passed in.
 *
 * It owns no memory and keeps no state: no clock, no store, no I/O.  The
 * rules are documented once, in progress.h; the comments here explain the
 * choices the header leaves to the implementation:
 *
 * - Thresholds on derived fractions (status 0.7 / 0.4 of expected, done at
 *   1, colours at 0.4 / 0.7, grade rounding at the half) are compared with
 *   a tolerance of PROGRESS_EPS.  Decimal fractions such as 0.7 or 0.65 have
 *   no exact binary form, so a value that equals a threshold on paper may
 *   be computed a few ulps below it (0.6499999999999999); it must not land
 *   on the lower side of the line it visibly meets.  1e-9 is far below any
 *   difference a person can see in a one-decimal grade or a percentage.
 * - Time differences are taken in double or with saturating int64
 *   arithmetic, so absurd timestamps give absurd answers, never undefined
 *   behaviour.
 * - Invalid enum values give NAN (math) or NULL (names), never a crash.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "okr/progress.h"

#define PROGRESS_EPS	1e-9

const char *const kr_kind_names[KR_KIND__MAX + 1] = {
	[KR_INCREASE] = "increase",
	[KR_DECREASE] = "decrease",
	[KR_BAND] = "band",
	[KR_BOOLEAN] = "boolean",
	[KR_MILESTONES] = "milestones",
	[KR_KIND__MAX] = NULL,
};

static const char *const okr_status_names[STATUS__MAX] = {
	[STATUS_ON_TRACK] = "on_track",
	[STATUS_AT_RISK] = "at_risk",
	[STATUS_OFF_TRACK] = "off_track",
	[STATUS_OUTDATED] = "outdated",
	[STATUS_NO_DATA] = "no_data",
	[STATUS_DONE] = "done",
};

const char *const okr_status_words[STATUS__MAX] = {
	[STATUS_ON_TRACK] = "on track",
	[STATUS_AT_RISK] = "at risk",
	[STATUS_OFF_TRACK] = "off track",
	[STATUS_OUTDATED] = "outdated",
	[STATUS_NO_DATA] = "no data",
	[STATUS_DONE] = "done",
};

static const char *const colour_names[COLOUR__MAX] = {
	[COLOUR_NONE] = "none",
	[COLOUR_RED] = "red",
	[COLOUR_YELLOW] = "yellow",
	[COLOUR_GREEN] = "green",
};

/* a - b, saturated, so silence and week counts never overflow. */
static int64_t
sub_sat(int64_t a, int64_t b)
{

	if (b < 0 && a > INT64_MAX + b)
		return INT64_MAX;
	if (b > 0 && a < INT64_MIN + b)
		return INT64_MIN;
	return a - b;
}

/* a + b, saturated: a huge cadence means "never outdated", not wrap. */
static int64_t
add_sat(int64_t a, int64_t b)
{

	if (b > 0 && a > INT64_MAX - b)
		return INT64_MAX;
	if (b < 0 && a < INT64_MIN - b)
		return INT64_MIN;
	return a + b;
}

/* Clamp to 0..1; NAN stays NAN (both comparisons are false). */
static double
clamp01(double x)
{

	if (x < 0.0)
		return 0.0;
	if (x > 1.0)
		return 1.0;
	return x;
}

/* x >= threshold, forgiving representation error (see the top comment). */
static int
at_least(double x, double threshold)
{

	return x >= threshold - PROGRESS_EPS;
}

/*
 * Index of the latest point at or before t; ties go to the later index, as
 * progress.h promises.  A full scan rather than a binary search: point
 * lists are a cycle's check-ins or weekly values, a few dozen at most.
 */
static int
latest_at_or_before(const struct progress_point *pts, size_t npts,
    int64_t t, size_t *idx)
{
	size_t	 i;
	int	 found = 0;

	for (i = 0; i < npts; i++) {
		if (pts[i].at > t)
			continue;
		if (!found || pts[i].at >= pts[*idx].at) {
			*idx = i;
			found = 1;
		}
	}
	return found;
}

double
progress_linear(enum kr_kind kind, double b, double t, double c,
    double *raw)
{
	double	 r;

	/*
	 * Only increase and decrease have a direction to meet when b == t;
	 * any other kind is a caller error and has no linear progress.
	 */
	if (isnan(b) || isnan(t) || isnan(c) ||
	    (kind != KR_INCREASE && kind != KR_DECREASE))
		r = NAN;
	else if (b == t)
		r = (kind == KR_INCREASE ? c >= t : c <= t) ? 1.0 : 0.0;
	else
		r = (c - b) / (t - b);

	if (raw != NULL)
		*raw = r;
	return clamp01(r);
}

double
progress_band(double low, double high,
    const struct progress_point *pts, size_t npts,
    int64_t start, int64_t end, int64_t now)
{
	int64_t	 span, nweeks, begun, i, wend, at;
	int64_t	 inside = 0;
	size_t	 idx = 0;
	double	 v;

	if (pts == NULL || npts == 0 || end <= start || now < start)
		return NAN;

	/* Weeks of the cycle, the last one possibly short. */
	span = sub_sat(end, start);
	nweeks = span / PROGRESS_WEEK + (span % PROGRESS_WEEK != 0);

	/* Weeks begun by now: week i begins at start + i weeks. */
	begun = sub_sat(now, start) / PROGRESS_WEEK + 1;
	if (begun > nweeks)
		begun = nweeks;

	for (i = 0; i < begun; i++) {
		/*
		 * The week ends at the next week's start or the cycle end;
		 * capping at end keeps points after the cycle out of the
		 * short last week even when now is past end.
		 */
		wend = (i + 1 >= nweeks) ? end :
		    start + (i + 1) * PROGRESS_WEEK;
		at = wend < now ? wend : now;
		if (!latest_at_or_before(pts, npts, at, &idx))
			continue;	/* before the first point: outside */
		v = pts[idx].value;
		if (isnan(v))
			continue;
		if ((isnan(low) || v >= low) && (isnan(high) || v <= high))
			inside++;
	}
	return (double)inside / (double)begun;
}

double
progress_expected(int64_t start, int64_t end, int64_t now)
{

	if (end <= start)
		return now >= end ? 1.0 : 0.0;
	if (now <= start)
		return 0.0;
	if (now >= end)
		return 1.0;
	/* In double: exact for any real timestamp, and cannot overflow. */
	return ((double)now - (double)start) / ((double)end - (double)start);
}

double
progress_forecast(const struct progress_point *pts, size_t npts,
    int64_t at)
{
	size_t	 i;
	int	 distinct = 0;
	double	 x0, x, mx = 0.0, my = 0.0, sxx = 0.0, sxy = 0.0;

	if (pts == NULL || npts < 2)
		return NAN;
	for (i = 1; i < npts && !distinct; i++)
		distinct = pts[i].at != pts[0].at;
	if (!distinct)
		return NAN;

	/*
	 * Centred two-pass least squares.  Epoch seconds squared are about
	 * 3e18, so the textbook sum(x*x) - n*mx*mx form would cancel away
	 * most of its digits; times are taken relative to the first point
	 * and deviations from the mean are summed instead.
	 */
	x0 = (double)pts[0].at;
	for (i = 0; i < npts; i++) {
		mx += (double)pts[i].at - x0;
		my += pts[i].value;
	}
	mx /= (double)npts;
	my /= (double)npts;
	for (i = 0; i < npts; i++) {
		x = (double)pts[i].at - x0 - mx;
		sxx += x * x;
		sxy += x * (pts[i].value - my);
	}
	return my + sxy / sxx * ((double)at - x0 - mx);
}

/* Status of one evaluated KR; the rule order is documented in progress.h. */
static enum okr_status
kr_status(const struct progress_kr *kr, const struct progress_eval *ev,
    int have_point, int64_t start, int64_t now)
{
	int64_t	 since;
	int	 first_week;

	first_week = sub_sat(now, start) < PROGRESS_WEEK;

	if ((kr->kind == KR_BOOLEAN || kr->kind == KR_MILESTONES) &&
	    at_least(ev->progress, 1.0))
		return STATUS_DONE;

	/*
	 * Silence runs from the last check-in, or from the cycle start if
	 * there is none yet (or the last one predates the cycle).  The
	 * point's own time is used rather than last_at, whose 0 for "none"
	 * is a real time for cycles before 1970.
	 */
	if (kr->manual && start <= now) {
		since = have_point && ev->last_at > start ? ev->last_at : start;
		if (sub_sat(now, since) > add_sat(kr->cadence, kr->grace))
			return STATUS_OUTDATED;
	}

	if (isnan(ev->progress))
		return first_week ? STATUS_ON_TRACK : STATUS_NO_DATA;
	if (first_week || at_least(ev->progress, 0.7 * ev->expected))
		return STATUS_ON_TRACK;
	if (at_least(ev->progress, 0.4 * ev->expected))
		return STATUS_AT_RISK;
	return STATUS_OFF_TRACK;
}

void
progress_kr_eval(const struct progress_kr *kr, int64_t start,
    int64_t end, int64_t now, struct progress_eval *out)
{
	size_t	 idx = 0, nbefore;
	int	 have;

	/* Upper bound first, so an inverted cycle still yields now = start. */
	if (now > end)
		now = end;
	if (now < start)
		now = start;

	have = latest_at_or_before(kr->pts, kr->npts, now, &idx);
	out->current = have ? kr->pts[idx].value : NAN;
	out->last_at = have ? kr->pts[idx].at : 0;
	out->expected = progress_expected(start, end, now);

	switch (kr->kind) {
	case KR_INCREASE:
	case KR_DECREASE:
		out->progress = progress_linear(kr->kind, kr->baseline,
		    kr->target, out->current, &out->raw);
		break;
	case KR_BAND:
		out->progress = out->raw = progress_band(kr->low, kr->high,
		    kr->pts, kr->npts, start, end, now);
		out->expected = 1.0;
		break;
	case KR_BOOLEAN:
	case KR_MILESTONES:
		out->raw = out->current;
		out->progress = clamp01(out->current);
		break;
	default:
		out->raw = out->progress = NAN;
		break;
	}

	/* pts is sorted, so the points at or before now are a prefix. */
	for (nbefore = 0; nbefore < kr->npts; nbefore++)
		if (kr->pts[nbefore].at > now)
			break;
	out->forecast_value = progress_forecast(kr->pts, nbefore, end);

	switch (kr->kind) {
	case KR_INCREASE:
	case KR_DECREASE:
		out->forecast_progress = progress_linear(kr->kind,
		    kr->baseline, kr->target, out->forecast_value, NULL);
		break;
	case KR_BOOLEAN:
	case KR_MILESTONES:
		out->forecast_progress = clamp01(out->forecast_value);
		break;
	default:
		/* A trend of values says nothing about weeks in a band. */
		out->forecast_progress = NAN;
		break;
	}

	out->status = kr_status(kr, out, have, start, now);
}

/*
 * A weight that is not > 0 (zero-initialised, NAN, negative) counts as the
 * DESIGN.md default of 1 rather than dividing by zero or subtracting.
 */
static double
kr_weight(const struct progress_kr *kr)
{

	return (kr->weight > 0.0 && isfinite(kr->weight)) ? kr->weight : 1.0;
}

void
progress_objective_eval(const struct progress_kr *krs,
    const struct progress_eval *evals, size_t n,
    int64_t start, int64_t now, struct progress_objective *out)
{
	size_t	 i;
	double	 w, sumw = 0.0, sump = 0.0, sume = 0.0;
	int	 any_data = 0, any_outdated = 0, all_done = 1;

	out->progress = out->expected = NAN;
	out->status = STATUS_NO_DATA;
	if (n == 0)
		return;

	for (i = 0; i < n; i++) {
		w = kr_weight(&krs[i]);
		sumw += w;
		sume += w * evals[i].expected;
		if (!isnan(evals[i].progress)) {
			sump += w * evals[i].progress;
			any_data = 1;
		}
		if (evals[i].status == STATUS_OUTDATED)
			any_outdated = 1;
		if (evals[i].status != STATUS_DONE)
			all_done = 0;
	}
	out->expected = sume / sumw;
	if (!any_data)
		return;
	out->progress = sump / sumw;

	if (any_outdated)
		out->status = STATUS_OUTDATED;
	else if (all_done)
		out->status = STATUS_DONE;
	else if (sub_sat(now, start) < PROGRESS_WEEK ||
	    at_least(out->progress, 0.7 * out->expected))
		out->status = STATUS_ON_TRACK;
	else if (at_least(out->progress, 0.4 * out->expected))
		out->status = STATUS_AT_RISK;
	else
		out->status = STATUS_OFF_TRACK;
}

double
progress_grade(double progress)
{
	double	 p;

	if (isnan(progress))
		return NAN;
	/*
	 * Half up (the same as half away from zero once clamped to 0..1),
	 * with PROGRESS_EPS so that 0.65 computed as 0.6499999999 still
	 * grades 0.7.  p <= 1 keeps the result <= 1.
	 */
	p = clamp01(progress);
	return floor((p + PROGRESS_EPS) * 10.0 + 0.5) / 10.0;
}

enum colour
progress_colour(double grade)
{

	if (isnan(grade))
		return COLOUR_NONE;
	if (at_least(grade, 0.7))
		return COLOUR_GREEN;
	if (at_least(grade, 0.4))
		return COLOUR_YELLOW;
	return COLOUR_RED;
}

int
progress_reaches(double grade, double line)
{

	return !isnan(grade) && at_least(grade, line);
}

const char *
kr_kind_name(enum kr_kind kind)
{

	if ((unsigned int)kind >= KR_KIND__MAX)
		return NULL;
	return kr_kind_names[kind];
}

const char *
okr_status_name(enum okr_status status)
{

	if ((unsigned int)status >= STATUS__MAX)
		return NULL;
	return okr_status_names[status];
}

const char *
okr_status_word(enum okr_status status)
{

	if ((unsigned int)status >= STATUS__MAX)
		return NULL;
	return okr_status_words[status];
}

const char *
colour_name(enum colour colour)
{

	if ((unsigned int)colour >= COLOUR__MAX)
		return NULL;
	return colour_names[colour];
}

int
kr_kind_parse(const char *name)
{
	int	 i;

	if (name == NULL)
		return -1;
	for (i = 0; i < KR_KIND__MAX; i++)
		if (strcmp(name, kr_kind_names[i]) == 0)
			return i;
	return -1;
}

int
okr_status_parse(const char *name)
{
	int	 i;

	if (name == NULL)
		return -1;
	for (i = 0; i < STATUS__MAX; i++)
		if (strcmp(name, okr_status_names[i]) == 0)
			return i;
	return -1;
}
