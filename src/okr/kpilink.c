/*
 * kpilink.c: key results that update themselves from the data.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <jansson.h>

#include "core/clock.h"
#include "core/parse.h"
#include "kpi/calendar.h"
#include "kpi/load.h"
#include "okr/close.h"
#include "okr/kpilink.h"

#define DAY	86400

enum err_code
kpilink_filter(const char *text, struct kpi_filter *f, struct arena *a,
    struct err *e)
{
	char	*s, *part, *save = NULL, *eq, *k, *v;

	memset(f, 0, sizeof(*f));
	if (text == NULL || text[0] == '\0')
		return ERR_OK;
	if ((s = arena_strdup(a, text)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	for (part = strtok_r(s, ",", &save); part != NULL;
	    part = strtok_r(NULL, ",", &save)) {
		if ((eq = strchr(part, '=')) == NULL)
			return err_setf(e, ERR_INVAL, "kpi_filter", "kpi_filter:"
			    " expected SEGMENT=VALUE (team, channel, agent, "
			    "category or priority), got \"%s\"", part);
		*eq = '\0';
		k = part;
		v = eq + 1;
		while (*k == ' ')
			k++;
		while (*v == ' ')
			v++;
		if (*v == '\0')
			return err_setf(e, ERR_INVAL, "kpi_filter", "kpi_filter:"
			    " %s= needs a value", k);
		if (strcmp(k, "team") == 0 && f->team == NULL)
			f->team = v;
		else if (strcmp(k, "channel") == 0 && f->channel == NULL)
			f->channel = v;
		else if (strcmp(k, "agent") == 0 && f->agent == NULL)
			f->agent = v;
		else if (strcmp(k, "category") == 0 && f->category == NULL)
			f->category = v;
		else if (strcmp(k, "priority") == 0 && f->priority == NULL)
			f->priority = v;
		else
			return err_setf(e, ERR_INVAL, "kpi_filter", "kpi_filter:"
			    " \"%s\" is not a segment, or is given twice "
			    "(expected team, channel, agent, category or "
			    "priority)", k);
	}
	return ERR_OK;
}

enum err_code
kpilink_window(const char *w, int *days, struct err *e)
{
	char	*end;
	long	 n;

	*days = 0;
	if (w == NULL || strcmp(w, "cycle") == 0)
		return ERR_OK;
	n = strtol(w, &end, 10);
	if (end == w || strcmp(end, "d") != 0 || n < 1 || n > 366)
		return err_setf(e, ERR_INVAL, "kpi_window", "kpi_window: "
		    "expected cycle or a number of days such as 28d, got "
		    "\"%s\"", w);
	*days = (int)n;
	return ERR_OK;
}

enum err_code
kpilink_check(const struct kr *k, struct err *e)
{
	struct arena		 a = ARENA_INIT;
	struct kpi_filter	 f;
	enum err_code		 rc;
	int			 days;

	if (k->kpi == NULL) {
		if (k->kpi_filter != NULL || k->kpi_window != NULL ||
		    k->kpi_baseline != NULL)
			return err_setf(e, ERR_INVAL, "kpi", "kpi_filter, "
			    "kpi_window and kpi_baseline need a kpi");
		return ERR_OK;
	}
	if (kpi_def_find(k->kpi) == NULL)
		return err_setf(e, ERR_INVAL, "kpi", "kpi: no KPI \"%s\" (see "
		    "okrdesk kpi list)", k->kpi);
	if (k->kind != KR_INCREASE && k->kind != KR_DECREASE &&
	    k->kind != KR_BAND)
		return err_setf(e, ERR_INVAL, "kpi", "kpi: a key result fed by "
		    "a KPI must be increase, decrease or band");
	if (k->kpi_baseline != NULL && strcmp(k->kpi_baseline, "previous"))
		return err_setf(e, ERR_INVAL, "kpi_baseline", "kpi_baseline: "
		    "expected previous, got \"%s\"", k->kpi_baseline);
	rc = kpilink_filter(k->kpi_filter, &f, &a, e);
	arena_release(&a);
	if (rc != ERR_OK)
		return rc;
	return kpilink_window(k->kpi_window, &days, e);
}

int64_t
kpilink_point_from(const struct kr *k, int64_t cycle_start, int64_t t)
{
	int	 days;

	if (kpilink_window(k->kpi_window, &days, NULL) != ERR_OK || days == 0)
		return cycle_start;
	return t - (int64_t)days * DAY;
}

double
kpilink_scale(const struct kpi_def *d, const char *unit)
{
	if (unit == NULL)
		return 1;
	if (d->unit == KU_SECONDS) {
		if (!strcasecmp(unit, "min") || !strcasecmp(unit, "minutes") ||
		    !strcasecmp(unit, "m"))
			return 1.0 / 60;
		if (!strcasecmp(unit, "h") || !strcasecmp(unit, "hours"))
			return 1.0 / 3600;
		if (!strcasecmp(unit, "d") || !strcasecmp(unit, "days"))
			return 1.0 / DAY;
	}
	if (d->unit == KU_RATIO && strcmp(unit, "%") == 0)
		return 100;
	return 1;
}

enum err_code
kpilink_schedule_text(struct okr *o, struct arena *a, char **spec,
    char **holidays, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc = ERR_OK;
	int		 r;

	*spec = *holidays = NULL;
	if ((rc = store_q_open(o->st, STMT_WS_SCHEDULE_GET, &q, e, ""))
	    != ERR_OK)
		return rc;
	if ((r = store_q_next(q, e)) < 0)
		rc = e != NULL ? e->code : ERR_STORE;
	else if (r == 1) {
		*spec = arena_strdup(a, store_q_text(q, 0));
		*holidays = arena_strdup(a, store_q_text(q, 1));
	}
	store_q_close(q);
	return rc;
}

enum err_code
kpilink_schedule(struct okr *o, struct arena *a, const struct schedule **out,
    struct err *e)
{
	struct schedule	*s;
	char		*spec, *hol;
	enum err_code	 rc;

	*out = NULL;
	if ((rc = kpilink_schedule_text(o, a, &spec, &hol, e)) != ERR_OK ||
	    spec == NULL)
		return rc;
	if ((s = arena_alloc(a, sizeof(*s))) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	if ((rc = schedule_parse(spec, hol, s, e)) == ERR_OK)
		*out = s;
	return rc;
}

enum err_code
kpilink_corridors(struct okr *o, struct arena *a, struct kpi_corridor **out,
    size_t *nout, struct err *e)
{
	struct kpi_corridor	*v = NULL, *c;
	struct store_q		*q;
	enum err_code		 rc = ERR_OK;
	size_t			 n = 0, cap = 0;
	int			 r;

	if ((rc = store_q_open(o->st, STMT_CORRIDOR_LIST, &q, e, "")) !=
	    ERR_OK)
		return rc;
	while ((r = store_q_next(q, e)) == 1) {
		if ((c = ARENA_PUSH(a, v, n, cap)) == NULL) {
			rc = err_set(e, ERR_NOMEM, "out of memory");
			break;
		}
		c->kpi = arena_strdup(a, store_q_text(q, 0));
		c->team = arena_strdup(a, store_q_text(q, 1));
		c->low = store_q_real(q, 2);
		c->high = store_q_real(q, 3);
	}
	if (r < 0 && rc == ERR_OK)
		rc = e != NULL ? e->code : ERR_STORE;
	store_q_close(q);
	*out = v;
	*nout = n;
	return rc;
}

/* The local midnight k weeks after t0 (t0 a local midnight). */
static int64_t
week_after(int64_t t0, int k)
{
	struct tm	tm;
	time_t		t = (time_t)t0;

	localtime_r(&t, &tm);
	return clock_day_start(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday + 7 * k);
}

static char *
lineage(struct arena *a, const struct kr *k, const struct kpi_def *d,
    int64_t from, int64_t to, const struct kpi_cell *c, double scale)
{
	json_t	*j;
	char	 f[40], t[40], *s, *out;

	clock_fmt_time(from, f, sizeof(f));
	clock_fmt_time(to, t, sizeof(t));
	j = json_pack("{s:s, s:s, s:s, s:s, s:s?, s:s?, s:f, s:I}",
	    "kpi", d->key, "definition", d->definition, "from", f, "to", t,
	    "filter", k->kpi_filter, "unit", k->unit, "scale", scale,
	    "n", (json_int_t)c->n);
	if (j == NULL)
		return NULL;
	if (isfinite(c->num))
		json_object_set_new(j, "numerator", json_real(c->num));
	if (isfinite(c->den))
		json_object_set_new(j, "denominator", json_real(c->den));
	s = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15));
	json_decref(j);
	out = s != NULL ? arena_strdup(a, s) : NULL;
	free(s);
	return out;
}

/* The KPI's one value over [from, to): 1 with *c, 0 no data, -1 error. */
static int
kpi_value(const struct snap *snap, struct kpi_query *qr, int64_t from,
    int64_t to, struct arena *a, struct kpi_cell *c, struct err *e)
{
	struct kpi_result	 res;

	qr->from = from;
	qr->to = to;
	if (kpi_run(snap, qr, a, &res, e) != ERR_OK)
		return -1;
	if (res.ncells == 0 || !isfinite(res.cells[0].value))
		return 0;
	*c = res.cells[0];
	return 1;
}

static enum err_code
sync_one(struct okr *o, const struct snap *snap, struct kr *k,
    const struct schedule *sched, struct arena *a, int *npoints,
    struct err *e)
{
	const struct kpi_def	*d;
	struct objective	 obj;
	struct cycle		 cy;
	struct kpi_query	 qr;
	struct kpi_cell		 c;
	struct kr		 nk;
	int64_t			 cs, ce, end, t, from, closed_at;
	double			 scale;
	enum err_code		 rc;
	char			*lin;
	int			 days, w, r;

	if ((d = kpi_def_find(k->kpi)) == NULL)
		return err_setf(e, ERR_INVAL, "kpi", "%s/%s: no KPI \"%s\"",
		    k->objective, k->key, k->kpi);
	if ((rc = objective_get(o, k->objective, a, &obj, e)) != ERR_OK ||
	    (rc = cycle_get(o, obj.cycle, a, &cy, e)) != ERR_OK)
		return rc;
	/* a closed cycle's record stays as it was; closed is what the lock
	 * means (closed_at), not a state edited by hand, which the close's
	 * own final sync must see through */
	if ((rc = close_info(o, cy.name, NULL, &closed_at, NULL, e)) != ERR_OK)
		return rc;
	if (closed_at != 0)
		return ERR_OK;
	memset(&qr, 0, sizeof(qr));
	qr.key = d->key;
	qr.bucket = KB_NONE;
	qr.by = KS_NONE;
	qr.schedule = sched;
	kpi_opts_default(&qr.opts);
	/* the window is cut by kpilink_point_from; a bad one is refused */
	if ((rc = kpilink_filter(k->kpi_filter, &qr.filter, a, e)) != ERR_OK ||
	    (rc = kpilink_window(k->kpi_window, &days, e)) != ERR_OK)
		return rc;
	scale = kpilink_scale(d, k->unit);
	cycle_bounds(&cy, &cs, &ce);
	if ((rc = store_exec(o->st, STMT_CHECKIN_KPI_CLEAR, e, "i", k->id))
	    != ERR_OK)
		return rc;
	if (k->kpi_baseline != NULL && isnan(k->baseline)) {
		r = kpi_value(snap, &qr, cs - (ce - cs), cs, a, &c, e);
		if (r < 0)
			return e != NULL ? e->code : ERR_INTERNAL;
		if (r > 0) {
			/* a baseline the key result refuses (past its target
			 * for its direction) is left unset: the data must not
			 * make the import fail; status shows no progress */
			nk = *k;
			nk.baseline = c.value * scale;
			if (kr_update(o, k, &nk, NULL) == ERR_OK)
				k->baseline = nk.baseline;
		}
	}
	end = o->now < ce ? o->now : ce;
	for (w = 1, t = cs; t < end; w++) {
		t = week_after(cs, w);
		if (t > end)
			t = end;
		from = kpilink_point_from(k, cs, t);
		if ((r = kpi_value(snap, &qr, from, t, a, &c, e)) < 0)
			return e != NULL ? e->code : ERR_INTERNAL;
		if (r == 0)
			continue;	/* no data is not zero: no point */
		if ((lin = lineage(a, k, d, from, t, &c, scale)) == NULL)
			return err_set(e, ERR_NOMEM, "out of memory");
		if ((rc = store_exec(o->st, STMT_CHECKIN_KPI_INSERT, e,
		    "iirrrit", k->id, t, c.value * scale, c.num, c.den, c.n,
		    lin)) != ERR_OK)
			return rc;
		if (npoints != NULL)
			(*npoints)++;
	}
	return ERR_OK;
}

enum err_code
kpilink_sync(struct okr *o, const struct snap *snap, const char *ref,
    int *nkr, int *npoints, struct err *e)
{
	struct arena		 a = ARENA_INIT;
	const struct schedule	*sched;
	struct kr		*v, one;
	size_t			 n, i;
	enum err_code		 rc;

	if (nkr != NULL)
		*nkr = 0;
	if (npoints != NULL)
		*npoints = 0;
	if ((rc = kpilink_schedule(o, &a, &sched, e)) != ERR_OK)
		goto out;
	if (ref != NULL) {
		if ((rc = kr_get(o, ref, &a, &one, e)) != ERR_OK)
			goto out;
		v = &one;
		n = 1;
	} else if ((rc = kr_list(o, NULL, &a, &v, &n, e)) != ERR_OK)
		goto out;
	for (i = 0; i < n; i++) {
		if (v[i].kpi == NULL)
			continue;
		if ((rc = sync_one(o, snap, &v[i], sched, &a, npoints, e))
		    != ERR_OK) {
			err_prefix(e, "%s/%s", v[i].objective, v[i].key);
			goto out;
		}
		if (nkr != NULL)
			(*nkr)++;
	}
out:
	arena_release(&a);
	return rc;
}

int
kpilink_any(struct okr *o)
{
	struct arena	 a = ARENA_INIT;
	struct kr	*v;
	size_t		 n, i;
	int		 any = 0;

	if (kr_list(o, NULL, &a, &v, &n, NULL) == ERR_OK)
		for (i = 0; i < n && !any; i++)
			any = v[i].kpi != NULL;
	arena_release(&a);
	return any;
}

enum err_code
kpilink_lineage(struct okr *o, int64_t kr_id, struct arena *a, char **out,
    struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc = ERR_OK;
	int		 r;

	*out = NULL;
	if ((rc = store_q_open(o->st, STMT_CHECKIN_KPI_LAST, &q, e, "i",
	    kr_id)) != ERR_OK)
		return rc;
	if ((r = store_q_next(q, e)) < 0)
		rc = e != NULL ? e->code : ERR_STORE;
	else if (r == 1 && (*out = arena_strdup(a, store_q_text(q, 5))) ==
	    NULL && store_q_text(q, 5) != NULL)
		rc = err_set(e, ERR_NOMEM, "out of memory");
	store_q_close(q);
	return rc;
}

static int
same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

int
kpilink_changed(const struct kr *a, const struct kr *b)
{
	return b->kpi != NULL && (a->kpi == NULL || strcmp(a->kpi, b->kpi) ||
	    !same_text(a->kpi_filter, b->kpi_filter) ||
	    !same_text(a->kpi_window, b->kpi_window) ||
	    !same_text(a->unit, b->unit) || isnan(b->baseline));
}

enum err_code
kpilink_refresh(struct okr *o, const char *ref, int *nkr, int *npoints,
    struct err *e)
{
	struct snap	*snap = NULL;
	enum err_code	 rc;

	if (nkr != NULL)
		*nkr = 0;
	if (npoints != NULL)
		*npoints = 0;
	/* after an import: other servers rebuild their KPI snapshots (a
	 * NOTIFY delivered at commit, on PostgreSQL; they poll on SQLite) */
	if (ref == NULL && (rc = store_notify(o->st, "data", e)) != ERR_OK)
		return rc;
	if (ref == NULL && !kpilink_any(o))
		return ERR_OK;
	if ((rc = kpi_load(o->st, &snap, e)) == ERR_OK)
		rc = kpilink_sync(o, snap, ref, nkr, npoints, e);
	snap_free(snap);
	return rc;
}

enum err_code
kpilink_health(struct okr *o, const struct snap *snap, int days,
    struct arena *a, struct kpi_health **out, size_t *nout, struct err *e)
{
	const struct kpi_def	*d;
	struct kpi_corridor	*c;
	struct kpi_health	*v = NULL, *h;
	struct kpi_query	 q;
	struct kpi_result	 res;
	enum err_code		 rc;
	size_t			 nc, i, n = 0, cap = 0;

	*out = NULL;
	*nout = 0;
	if ((rc = kpilink_corridors(o, a, &c, &nc, e)) != ERR_OK)
		return rc;
	for (i = 0; i < nc; i++) {
		if ((d = kpi_def_find(c[i].kpi)) == NULL)
			continue;	/* a KPI this binary no longer has */
		if ((h = ARENA_PUSH(a, v, n, cap)) == NULL)
			return err_set(e, ERR_NOMEM, "out of memory");
		h->def = d;
		h->team = c[i].team != NULL ? c[i].team : "";
		h->low = c[i].low;
		h->high = c[i].high;
		kpi_query_init(&q, d->key);
		q.to = q.now = o->now;
		q.from = q.to - (int64_t)days * DAY;
		q.filter.team = h->team[0] != '\0' ? h->team : NULL;
		if ((rc = kpi_run(snap, &q, a, &res, e)) != ERR_OK)
			return rc;
		h->value = res.ncells > 0 ? res.cells[0].value : NAN;
		h->n = isfinite(h->value) ? res.cells[0].n : 0;
		h->state = !isfinite(h->value) ? "no data" :
		    !isnan(h->low) && h->value < h->low ? "below" :
		    !isnan(h->high) && h->value > h->high ? "above" : "healthy";
	}
	*out = v;
	*nout = n;
	return ERR_OK;
}
