/*
 * pace.c: projected end value and grade, the weekly improvement still
 * needed, the trend, the confidence trend.  See pace.h.
 */
#include <math.h>

#include "okr/pace.h"

static const char *const trend_names[PACE_TREND__MAX] = {
	[PACE_TREND_NONE] = NULL,
	[PACE_TREND_RISING] = "rising",
	[PACE_TREND_STEADY] = "steady",
	[PACE_TREND_FALLING] = "falling",
};

static int
inside(double v, double low, double high)
{
	return !isnan(v) && (isnan(low) || v >= low) &&
	    (isnan(high) || v <= high);
}

static const char *const verdict_names[PACE_VERDICT__MAX] = {
	[PACE_UNKNOWN] = NULL,
	[PACE_MET] = "met",
	[PACE_ON_PACE] = "on_pace",
	[PACE_TOO_SLOW] = "too_slow",
	[PACE_BACKWARDS] = "backwards",
	[PACE_INSIDE] = "inside",
	[PACE_OUTSIDE] = "outside",
};

const char *
pace_verdict_name(enum pace_verdict v)
{
	return v < PACE_VERDICT__MAX ? verdict_names[v] : NULL;
}

/* The trend against the need (see pace.h). */
static enum pace_verdict
verdict(const struct progress_kr *in, const struct progress_eval *ev,
    const struct pace *p)
{
	double	 sign;

	switch (in->kind) {
	case KR_BAND:
		if (isnan(ev->current))
			return PACE_UNKNOWN;
		return inside(ev->current, in->low, in->high) ? PACE_INSIDE :
		    PACE_OUTSIDE;
	case KR_BOOLEAN:
		return ev->current >= 1 ? PACE_MET : PACE_UNKNOWN;
	default:
		break;
	}
	if (isnan(p->needed_per_week))
		return PACE_UNKNOWN;
	if (p->needed_per_week == 0)
		return PACE_MET;
	if (isnan(p->trend_per_week))
		return PACE_UNKNOWN;
	/* compare along the target's direction: both positive when good */
	sign = p->needed_per_week > 0 ? 1.0 : -1.0;
	if (sign * p->trend_per_week >= sign * p->needed_per_week)
		return PACE_ON_PACE;
	return sign * p->trend_per_week > 0 ? PACE_TOO_SLOW : PACE_BACKWARDS;
}

const char *
pace_trend_name(enum pace_trend t)
{
	return t < PACE_TREND__MAX ? trend_names[t] : NULL;
}

/* Points at or before now (they are sorted by time). */
static size_t
points_by(const struct progress_kr *in, int64_t now)
{
	size_t	 n;

	for (n = 0; n < in->npts; n++)
		if (in->pts[n].at > now)
			break;
	return n;
}

/*
 * A band's grade if the current value held to the end: the weeks inside
 * so far (progress times the weeks begun, as progress_band counts them)
 * plus every week still to come if the value is inside now, over all the
 * cycle's weeks.
 */
static double
band_projection(const struct progress_kr *in, const struct progress_eval *ev,
    int64_t start, int64_t end, int64_t now)
{
	int64_t	 total, begun, h = now < end ? now : end;

	if (isnan(ev->progress) || isnan(ev->current) || end <= start ||
	    h < start)
		return NAN;
	total = (end - start + PROGRESS_WEEK - 1) / PROGRESS_WEEK;
	begun = h >= end ? total : (h - start) / PROGRESS_WEEK + 1;
	if (begun > total)
		begun = total;
	return (ev->progress * (double)begun + (double)(total - begun) *
	    (inside(ev->current, in->low, in->high) ? 1.0 : 0.0)) /
	    (double)total;
}

static void
confidence_trend(const double *confs, size_t nconfs, struct pace *p)
{
	size_t	 i, n = 0;
	double	 d;

	/* the last three given, oldest first */
	for (i = nconfs; i > 0 && n < 3; i--)
		if (!isnan(confs[i - 1]))
			n++;
	for (p->nconf = 0; i < nconfs; i++)
		if (!isnan(confs[i]))
			p->conf[p->nconf++] = confs[i];
	if (p->nconf < 2) {
		p->conf_trend = PACE_TREND_NONE;
		return;
	}
	d = p->conf[p->nconf - 1] - p->conf[0];
	/* a step of exactly PACE_CONF_STEP counts, up to rounding */
	p->conf_trend = d >= PACE_CONF_STEP - 1e-9 ? PACE_TREND_RISING :
	    d <= -PACE_CONF_STEP + 1e-9 ? PACE_TREND_FALLING :
	    PACE_TREND_STEADY;
}

void
pace_kr(const struct progress_kr *in, const struct progress_eval *ev,
    const double *confs, size_t nconfs, int64_t start, int64_t end,
    int64_t now, struct pace *p)
{
	size_t	 n = points_by(in, now);
	double	 gap, met;

	p->weeks_left = now < end ? (double)(end - (now > start ? now :
	    start)) / (double)PROGRESS_WEEK : 0.0;
	p->projected_value = p->projected_progress = NAN;
	p->projected_grade = NAN;
	p->needed_per_week = p->trend_per_week = NAN;
	confidence_trend(confs, nconfs, p);

	if (n >= PACE_MIN_POINTS) {
		/* the line's rise over its last week is its slope a week */
		p->trend_per_week = progress_forecast(in->pts, n, end) -
		    progress_forecast(in->pts, n, end - PROGRESS_WEEK);
		p->projected_value = ev->forecast_value;
	}
	switch (in->kind) {
	case KR_INCREASE:
	case KR_DECREASE:
		p->projected_progress = progress_linear(in->kind, in->baseline,
		    in->target, p->projected_value, NULL);
		if (isnan(ev->current) || isnan(in->target) ||
		    !(p->weeks_left > 0))
			break;
		gap = in->target - ev->current;
		met = in->kind == KR_INCREASE ? gap <= 0 : gap >= 0;
		p->needed_per_week = met ? 0.0 : gap / p->weeks_left;
		break;
	case KR_MILESTONES:
		if (!isnan(p->projected_value))
			p->projected_progress = p->projected_value < 0 ? 0 :
			    p->projected_value > 1 ? 1 : p->projected_value;
		if (!isnan(ev->current) && p->weeks_left > 0)
			p->needed_per_week = ev->current >= 1 ? 0.0 :
			    (1.0 - ev->current) / p->weeks_left;
		break;
	case KR_BAND:
		p->projected_value = ev->current;
		p->projected_progress = band_projection(in, ev, start, end,
		    now);
		p->trend_per_week = NAN;
		break;
	case KR_BOOLEAN:
		/* a yes/no does not drift along a line: it is what it is */
		p->projected_value = p->projected_progress = ev->current;
		p->trend_per_week = NAN;
		break;
	default:
		break;
	}
	if (!isnan(p->projected_progress))
		p->projected_grade = progress_grade(p->projected_progress);
	p->verdict = verdict(in, ev, p);
}
