/*
 * lint_kpi.c: the lint rules that read a KPI's data (okr/lint.h):
 *
 * implausible-target: the KPI (with the key result's segment) by ISO week
 *   over the 26 complete weeks before now; at least 6 weeks with data.
 *   gap = target - current, in the improving direction; w = the weekly
 *   steps left to the cycle's end, a part week counting as one (at least
 *   1); sigma = the sample standard deviation of the changes between
 *   consecutive weeks.  A KPI that moves like a random walk moves about
 *   sigma * sqrt(w) in w steps, so the target is implausible when
 *   gap > 2 sigma sqrt(w) and the target
 *   also lies beyond the best 4-week value of the history (4 consecutive
 *   weeks with data: summed numerators over summed denominators when the
 *   KPI has them, else the n-weighted mean of the weekly values; the plain
 *   mean for counts, whose n is the value itself).
 *
 * The weeks left and the weekly need the message quotes are the key
 *   result's pace (okr/pace.h), as 'okrdesk pace' shows them.
 *
 * sample-too-small: in a cycle that has not ended, a survey KPI over the
 *   window of the key result's latest point; the 95% interval of its
 *   value (Wilson, as the KPI engine gives it; for NPS the normal approximation with the largest variance
 *   an NPS allows, 1 - NPS^2, since the engine gives no interval and the
 *   share of passives is not known) is wider than the gap to the target.
 *
 * docs/coaching.md works an example of each.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/clock.h"
#include "kpi/calendar.h"
#include "kpi/kpi.h"
#include "okr/kpilink.h"
#include "okr/lint_int.h"

#define DAY		((int64_t)86400)
#define HISTORY_WEEKS	26
#define MIN_WEEKS	6
#define BEST_WEEKS	4
#define Z95		1.959963984540054

/* A number for reading: two decimals under 1, one under 1000, else 0. */
static const char *
num(struct arena *a, double v)
{
	double	 x = fabs(v);

	return arena_printf(a, "%.*f", x < 1 ? 2 : x < 1000 ? 1 : 0, v);
}

/* A level ("26.0%", "4.2 h") and a change ("5.6 pts", "0.3 h"); NULL
 * when out of memory, as num(). */
static const char *
level(struct arena *a, double v, const char *unit)
{
	const char	*n;

	if ((n = num(a, v)) == NULL || unit == NULL || unit[0] == '\0')
		return n;
	return arena_printf(a, "%s%s%s", n, strcmp(unit, "%") ? " " : "",
	    unit);
}

static const char *
change(struct arena *a, double v, const char *unit)
{
	const char	*n;

	if ((n = num(a, v)) == NULL || unit == NULL || unit[0] == '\0')
		return n;
	/* a percentage or an NPS moves by points */
	return arena_printf(a, "%s %s", n, strcmp(unit, "%") &&
	    strcasecmp(unit, "NPS") ? unit : "pts");
}

/*
 * The query of the key result's KPI and segment, at now, with the
 * workspace's schedule; *d is NULL when the KPI is not one lint knows.
 * A segment kpilink_check refused would fail kpilink_sync as it fails
 * here: that error is passed on.
 */
static enum err_code
query(struct lint_ctx *c, const struct kr *k, struct kpi_query *q,
    const struct kpi_def **d)
{
	enum err_code	 rc;

	if ((*d = kpi_def_find(k->kpi)) == NULL)
		return ERR_OK;
	kpi_query_init(q, (*d)->key);
	if ((rc = kpilink_filter(k->kpi_filter, &q->filter, c->a, c->e)) !=
	    ERR_OK) {
		err_prefix(c->e, "%s/%s", k->objective, k->key);
		return rc;
	}
	q->schedule = c->sched;
	q->now = c->ce->now;
	return ERR_OK;
}

/*
 * Run q; a segment the KPI's dataset does not have (a link that sync
 * refuses too) is no finding here, but running out of memory is.
 */
static enum err_code
run(struct lint_ctx *c, const struct kpi_query *q, struct kpi_result *r)
{
	struct err	 e;
	enum err_code	 rc;

	r->ncells = 0;
	if ((rc = kpi_run(c->snap, q, c->a, r, &e)) == ERR_NOMEM ||
	    rc == ERR_TOOBIG)
		return err_set(c->e, rc, "%s", e.msg);
	if (rc != ERR_OK)
		r->ncells = 0;
	return ERR_OK;
}

/* The 4-week value of cells[i..i+4), unscaled; NAN if a week has none. */
static double
four_weeks(const struct kpi_def *d, const struct kpi_cell *cl)
{
	double	 sn = 0, sd = 0, sv = 0, sw = 0;
	int	 j, parts = 1;

	for (j = 0; j < BEST_WEEKS; j++) {
		if (!isfinite(cl[j].value))
			return NAN;
		if (!isfinite(cl[j].num) || !isfinite(cl[j].den))
			parts = 0;
		sn += cl[j].num;
		sd += cl[j].den;
		sv += d->unit == KU_COUNT ? cl[j].value :
		    (double)cl[j].n * cl[j].value;
		sw += d->unit == KU_COUNT ? 1 : (double)cl[j].n;
	}
	if (parts && sd > 0)
		return sn / sd * (d->unit == KU_NPS ? 100 : 1);
	return sw > 0 ? sv / sw : NAN;
}

static enum err_code
implausible(struct lint_ctx *c, const struct kr_eval *ke,
    const struct kpi_def *d, struct kpi_query q)
{
	const struct cycle_eval	*ce = c->ce;
	const struct kr		*k = ke->kr;
	struct kpi_result	 r;
	struct lint_finding	*f;
	const char		*u = k->unit;
	const char		*s_need, *s_gap, *s_sigma, *s_plaus, *s_best;
	const char		*s_reach, *s_cur;
	double			 scale, dir, gap, w, sigma, plaus, best;
	double			 v;
	double			 mean = 0, ss = 0, prev = NAN;
	enum err_code		 rc;
	size_t			 i, weeks = 0, nch = 0;

	if (ce->now >= ce->end)
		return ERR_OK;
	dir = k->kind == KR_INCREASE ? 1 : -1;
	if ((gap = dir * (k->target - ke->ev.current)) <= 0)
		return ERR_OK;	/* met already */
	q.bucket = KB_WEEK;
	q.to = cal_period_start(CAL_WEEK, ce->now);
	/* HISTORY_WEEKS Mondays back: the step lands mid-week, so a DST
	 * hour on the way cannot move it across a Monday */
	q.from = cal_period_start(CAL_WEEK, q.to - (HISTORY_WEEKS * 7 - 3) *
	    DAY);
	if ((rc = run(c, &q, &r)) != ERR_OK || r.ncells == 0)
		return rc;
	scale = kpilink_scale(d, u);
	/* Welford's running variance of the week-over-week changes */
	for (i = 0; i < r.ncells; i++) {
		v = r.cells[i].value * scale;
		if (!isfinite(v)) {
			prev = NAN;
			continue;
		}
		weeks++;
		if (isfinite(prev)) {
			double	 x = v - prev, dm = x - mean;

			nch++;
			mean += dm / (double)nch;
			ss += dm * (x - mean);
		}
		prev = v;
	}
	if (weeks < MIN_WEEKS || nch < 2)
		return ERR_OK;
	sigma = sqrt(ss / (double)(nch - 1));
	best = NAN;
	for (i = 0; i + BEST_WEEKS <= r.ncells; i++) {
		v = four_weeks(d, &r.cells[i]) * scale;
		if (isfinite(v) && (isnan(best) || dir * (v - best) > 0))
			best = v;
	}
	/* whole steps of the weekly history; the part week is one more */
	w = ceil((double)(ce->end - ce->now) / (double)(7 * DAY));
	if (w < 1)
		w = 1;
	plaus = 2 * sigma * sqrt(w);
	if (isnan(best) || !(gap > plaus) || !(dir * (k->target - best) > 0))
		return ERR_OK;
	if ((s_need = change(c->a, fabs(ke->pace.needed_per_week), u)) ==
	    NULL ||
	    (s_gap = change(c->a, gap, u)) == NULL ||
	    (s_sigma = change(c->a, sigma, u)) == NULL ||
	    (s_plaus = change(c->a, plaus, u)) == NULL ||
	    (s_best = level(c->a, best, u)) == NULL ||
	    (s_reach = level(c->a, ke->ev.current + dir * plaus, u)) == NULL ||
	    (s_cur = level(c->a, ke->ev.current, u)) == NULL ||
	    (f = lint_add(c, LINT_IMPLAUSIBLE_TARGET, "kr", lint_kr_ref(c, k),
	    k->title)) == NULL || f->ref == NULL)
		return lint_nomem(c);
	f->message = arena_printf(c->a, "needs %s%s a week for %.1f weeks "
	    "(%s); weekly changes vary by σ %s, so %.0f weekly step%s "
	    "plausibly move%s it %s; best 4 weeks: %s", dir > 0 ? "+" : "−",
	    s_need, ke->pace.weeks_left, s_gap, s_sigma, w, w == 1 ? "" : "s",
	    w == 1 ? "s" : "", s_plaus, s_best);
	f->suggestion = arena_printf(c->a, "aim for a target the KPI can "
	    "reach (%s is about as far as %.0f weekly step%s carr%s it from "
	    "%s), or name the change that will move it faster than it ever "
	    "has", s_reach, w, w == 1 ? "" : "s", w == 1 ? "ies" : "y",
	    s_cur);
	lint_text(f, "kpi", d->key);
	lint_num(f, "weeks_of_history", (double)weeks);
	lint_num(f, "current", ke->ev.current);
	lint_num(f, "target", k->target);
	lint_num(f, "gap", gap);
	lint_num(f, "weeks_left", ke->pace.weeks_left);
	lint_num(f, "needed_per_week", fabs(ke->pace.needed_per_week));
	lint_num(f, "weeks_for_sigma", w);
	lint_num(f, "sigma", sigma);
	lint_num(f, "plausible_move", plaus);
	lint_num(f, "best_4_weeks", best);
	return ERR_OK;
}

static enum err_code
sample(struct lint_ctx *c, const struct kr_eval *ke,
    const struct kpi_def *d, struct kpi_query q)
{
	const struct cycle_eval	*ce = c->ce;
	const struct kr		*k = ke->kr;
	const struct kpi_cell	*cl;
	struct kpi_result	 r;
	struct lint_finding	*f;
	const char		*u = k->unit;
	const char		*s_lo, *s_hi, *s_width, *s_gap;
	char			 d0[16], d1[16];
	double			 scale, dir, gap, lo, hi, half, p, width;
	double			 need;
	enum err_code		 rc;

	/* an ended cycle's gap is final: no more responses can close it */
	if (ce->now >= ce->end || ke->ev.last_at == 0 ||
	    d->ds != DS_SURVEYS)
		return ERR_OK;
	dir = k->kind == KR_INCREASE ? 1 : -1;
	if ((gap = dir * (k->target - ke->ev.current)) <= 0)
		return ERR_OK;	/* met: no interval can take that away */
	/* the window of the latest point, as kpilink_sync cut it */
	q.to = ke->ev.last_at;
	q.from = kpilink_point_from(k, ce->start, q.to);
	if ((rc = run(c, &q, &r)) != ERR_OK || r.ncells == 0)
		return rc;
	if (!isfinite((cl = &r.cells[0])->value) ||
	    cl->n <= 0)
		return ERR_OK;
	scale = kpilink_scale(d, u);
	if (isfinite(cl->lo) && isfinite(cl->hi)) {
		lo = cl->lo * scale;
		hi = cl->hi * scale;
	} else if (d->unit == KU_NPS) {
		p = cl->value / 100;
		half = Z95 * 100 * sqrt((1 - p * p) / (double)cl->n);
		lo = fmax(cl->value - half, -100) * scale;
		hi = fmin(cl->value + half, 100) * scale;
	} else
		return ERR_OK;	/* a mean score: no spread to judge by */
	if (!((width = hi - lo) > gap))
		return ERR_OK;
	/* the interval narrows with the square root of n */
	need = ceil((double)cl->n * (width / gap) * (width / gap));
	clock_fmt_date(q.from, d0, sizeof(d0));
	clock_fmt_date(q.to - 1, d1, sizeof(d1));
	if ((s_lo = num(c->a, lo)) == NULL ||
	    (s_hi = level(c->a, hi, u)) == NULL ||
	    (s_width = change(c->a, width, u)) == NULL ||
	    (s_gap = change(c->a, gap, u)) == NULL ||
	    (f = lint_add(c, LINT_SAMPLE_TOO_SMALL, "kr", lint_kr_ref(c, k),
	    k->title)) == NULL || f->ref == NULL)
		return lint_nomem(c);
	f->message = arena_printf(c->a, "n %lld responses (%s..%s): the 95%% "
	    "interval %s–%s (%s wide) is wider than the %s to the target",
	    (long long)cl->n, d0, d1, s_lo, s_hi, s_width, s_gap);
	f->suggestion = arena_printf(c->a, "a move of %s needs about %.0f "
	    "responses: widen the segment or the window (--kpi_window), or "
	    "raise the response rate, before judging this key result",
	    s_gap, need);
	lint_text(f, "kpi", d->key);
	lint_text(f, "interval", d->unit == KU_NPS && !isfinite(cl->lo) ?
	    "normal" : "wilson");
	lint_num(f, "n", (double)cl->n);
	lint_num(f, "current", ke->ev.current);
	lint_num(f, "target", k->target);
	lint_num(f, "gap", gap);
	lint_num(f, "low", lo);
	lint_num(f, "high", hi);
	lint_num(f, "width", width);
	lint_num(f, "n_needed", need);
	return ERR_OK;
}

/*
 * Does either rule judge ke?  Both judge the gap to a target not met yet
 * from a current value, before the cycle's end, of a KPI lint knows.
 */
static int
judged(const struct cycle_eval *ce, const struct kr_eval *ke)
{
	const struct kr	*k = ke->kr;

	if ((k->kind != KR_INCREASE && k->kind != KR_DECREASE) ||
	    k->kpi == NULL || kpi_def_find(k->kpi) == NULL ||
	    isnan(k->target) || isnan(ke->ev.current) || ce->now >= ce->end)
		return 0;
	return (k->kind == KR_INCREASE ? 1 : -1) *
	    (k->target - ke->ev.current) > 0;
}

int
lint_wants_snap(const struct cycle_eval *ce)
{
	size_t	 i;

	for (i = 0; i < ce->nkrs; i++)
		if (judged(ce, &ce->krs[i]))
			return 1;
	return 0;
}

enum err_code
lint_kpi_kr(struct lint_ctx *c, const struct kr_eval *ke)
{
	const struct kpi_def	*d;
	struct kpi_query	 q;
	enum err_code		 rc;

	if (!judged(c->ce, ke))
		return ERR_OK;
	if ((rc = query(c, ke->kr, &q, &d)) != ERR_OK || d == NULL ||
	    (rc = implausible(c, ke, d, q)) != ERR_OK)
		return rc;
	return sample(c, ke, d, q);
}
