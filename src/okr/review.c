/*
 * review.c: building the cycle review and its JSON.  See review.h.
 *
 * Every number comes from one eval_cycle() and, for a closed cycle, from
 * the values the close froze, so the report of a closed cycle never moves
 * again, whatever is imported or checked in later.  The text, Markdown
 * and HTML renderers (review_text.c, review_html.c) only lay this out.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "kpi/load.h"
#include "okr/close.h"
#include "okr/evaljson.h"
#include "okr/kpilink.h"
#include "okr/review.h"
#include "okr/review_int.h"

const char *const review_format_names[] = { "text", "md", "json", "html",
	NULL };

static const char *const move_names[MOVE__MAX] = {
	[MOVE_UNKNOWN] = "unknown",
	[MOVE_BETTER] = "better",
	[MOVE_WORSE] = "worse",
	[MOVE_FLAT] = "flat",
	[MOVE_NO_DIRECTION] = "no direction",
};

int
review_format_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && review_format_names[i] != NULL; i++)
		if (strcmp(s, review_format_names[i]) == 0)
			return i;
	if (s != NULL && strcmp(s, "markdown") == 0)
		return REVIEW_MD;
	return -1;
}

const char *
review_move_name(enum review_move m)
{
	return m < MOVE__MAX ? move_names[m] : "unknown";
}

int
review_success(int kind, double grade)
{
	if (isnan(grade))
		return -1;
	return progress_reaches(grade, kind == OBJ_ASPIRATIONAL ? 0.7 : 1.0);
}

enum review_move
review_kpi_move(enum kpi_dir dir, double a, double b)
{
	double	 scale;

	if (isnan(a) || isnan(b))
		return MOVE_UNKNOWN;
	if (dir == KD_NONE)
		return MOVE_NO_DIRECTION;
	scale = fmax(fabs(a), fabs(b));
	if (fabs(b - a) <= 1e-9 * (scale > 1 ? scale : 1))
		return MOVE_FLAT;
	return (b > a) == (dir == KD_HIGHER) ? MOVE_BETTER : MOVE_WORSE;
}

/* t moved by n calendar days in the workspace zone, same wall time. */
static int64_t
days_from(int64_t t, int n)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	if (localtime_r(&tt, &tm) == NULL)
		return t + (int64_t)n * 86400;
	tm.tm_mday += n;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

void
review_kpi_windows(const struct cycle_eval *ce, int64_t *ff, int64_t *ft,
    int64_t *lf, int64_t *lt)
{
	int	 days = 7 * REVIEW_KPI_WEEKS;

	*ff = ce->start;
	*ft = days_from(ce->start, days);
	if (*ft > ce->horizon)
		*ft = ce->horizon;
	*lt = ce->horizon;
	*lf = days_from(ce->horizon, -days);
	/* before week 8 the last weeks would be partly the first ones: a
	 * "movement" between them would compare the data with itself */
	if (*lf < *ft)
		*lf = *lt;
}

int
review_kpi_early(const struct review *r)
{
	return r->last_from >= r->last_to;
}

int
review_has_kpi(const struct cycle_eval *ce)
{
	size_t	 i;

	for (i = 0; i < ce->nkrs; i++)
		if (ce->krs[i].kr->kpi != NULL)
			return 1;
	return 0;
}

/* The KPI over [from, to): value and n; NAN and 0 for no data. */
static enum err_code
kpi_window(const struct snap *snap, struct kpi_query *q, int64_t from,
    int64_t to, struct arena *a, double *v, int64_t *n, struct err *e)
{
	struct kpi_result	 res;
	enum err_code		 rc;

	*v = NAN;
	*n = 0;
	if (snap == NULL || from >= to)
		return ERR_OK;
	q->from = from;
	q->to = to;
	if ((rc = kpi_run(snap, q, a, &res, e)) != ERR_OK)
		return rc;
	if (res.ncells > 0 && isfinite(res.cells[0].value)) {
		*v = res.cells[0].value;
		*n = res.cells[0].n;
	}
	return ERR_OK;
}

enum err_code
review_kpi_live(struct okr *o, const struct cycle_eval *ce,
    const struct snap *snap, struct arena *a, struct review_kpi **out,
    size_t *nout, struct err *e)
{
	const struct schedule	*sched;
	struct review_kpi	*v = NULL, *r;
	struct kpi_query	 q;
	const struct kr		*k;
	const char		*filter;
	int64_t			 ff, ft, lf, lt;
	size_t			 n = 0, cap = 0, i, j;
	enum err_code		 rc;

	*out = NULL;
	*nout = 0;
	if (!review_has_kpi(ce))
		return ERR_OK;
	if ((rc = kpilink_schedule(o, a, &sched, e)) != ERR_OK)
		return rc;
	review_kpi_windows(ce, &ff, &ft, &lf, &lt);
	for (i = 0; i < ce->nkrs; i++) {
		k = ce->krs[i].kr;
		if (k->kpi == NULL)
			continue;
		filter = k->kpi_filter != NULL ? k->kpi_filter : "";
		for (j = 0; j < n; j++)
			if (strcmp(v[j].key, k->kpi) == 0 &&
			    strcmp(v[j].filter, filter) == 0)
				break;
		if (j < n)
			continue;
		if ((r = ARENA_PUSH(a, v, n, cap)) == NULL)
			return err_set(e, ERR_NOMEM, "out of memory");
		r->key = k->kpi;
		r->filter = filter;
		r->def = kpi_def_find(k->kpi);
		r->start = r->end = NAN;
		r->move = MOVE_UNKNOWN;
		if (r->def == NULL)
			continue;	/* a KPI this binary no longer has */
		kpi_query_init(&q, r->key);
		q.now = ce->horizon;
		q.schedule = sched;
		if ((rc = kpilink_filter(k->kpi_filter, &q.filter, a, e))
		    != ERR_OK ||
		    (rc = kpi_window(snap, &q, ff, ft, a, &r->start,
		    &r->start_n, e)) != ERR_OK ||
		    (rc = kpi_window(snap, &q, lf, lt, a, &r->end, &r->end_n,
		    e)) != ERR_OK) {
			err_prefix(e, "kpi %s", r->key);
			return rc;
		}
		r->move = review_kpi_move(r->def->dir, r->start, r->end);
	}
	*out = v;
	*nout = n;
	return ERR_OK;
}

/* What the close froze: the KPI movement. */
static enum err_code
kpi_frozen(struct okr *o, struct review *r, struct arena *a,
    struct err *e)
{
	struct store_q		*q;
	struct review_kpi	*k;
	size_t			 cap = 0;
	enum err_code		 rc;
	int			 s;

	if ((rc = store_q_open(o->st, STMT_CYCLE_KPI_LIST, &q, e, "i",
	    r->ce.cycle.id)) != ERR_OK)
		return rc;
	while ((s = store_q_next(q, e)) == 1) {
		if ((k = ARENA_PUSH(a, r->kpis, r->nkpis, cap)) == NULL) {
			store_q_close(q);
			return err_set(e, ERR_NOMEM, "out of memory");
		}
		k->key = arena_strdup(a, store_q_text(q, 0));
		k->filter = arena_strdup(a, store_q_text(q, 1));
		if (k->filter == NULL)
			k->filter = "";
		k->def = k->key != NULL ? kpi_def_find(k->key) : NULL;
		k->start = store_q_real(q, 2);
		k->start_n = store_q_int(q, 3);
		k->end = store_q_real(q, 4);
		k->end_n = store_q_int(q, 5);
		k->move = review_kpi_move(k->def != NULL ? k->def->dir :
		    KD_NONE, k->start, k->end);
		if (k->def == NULL && k->move == MOVE_NO_DIRECTION)
			k->move = MOVE_UNKNOWN;
	}
	store_q_close(q);
	if (s < 0)
		return e != NULL ? e->code : ERR_STORE;
	return arena_failed(a) ? err_set(e, ERR_NOMEM, "out of memory") :
	    ERR_OK;
}

/* What the close froze: each key result's grade, value and status. */
static enum err_code
kr_frozen(struct okr *o, struct review *r, struct arena *a, struct err *e)
{
	struct close_final		*v;
	const struct close_final	*f;
	size_t				 n, i;
	enum err_code			 rc;

	if ((rc = close_finals(o, r->ce.cycle.name, a, &v, &n, e)) != ERR_OK)
		return rc;
	for (i = 0; i < r->nkrs; i++) {
		if ((f = close_final_of(v, n, r->krs[i].ke->kr->id)) == NULL)
			continue;
		r->krs[i].grade = f->grade;
		r->krs[i].final_value = f->value;
		if (f->status >= 0)
			r->krs[i].status = (enum okr_status)f->status;
	}
	return ERR_OK;
}

/* Team success rates: every team that owns objectives, itself or below. */
static enum err_code
team_rates(struct review *r, struct arena *a, struct err *e)
{
	const struct cycle_eval	*ce = &r->ce;
	struct review_team	*t;
	size_t			 i, k, cap = 0;
	double			 sum;

	for (i = 0; i < ce->nteams; i++) {
		size_t	 nobjs = 0, ng = 0, ns = 0;

		sum = 0;
		for (k = 0; k < r->nobjs; k++) {
			if (!eval_owned_under(ce, r->objs[k].oe, i))
				continue;
			nobjs++;
			if (r->objs[k].success < 0)
				continue;
			ng++;
			ns += (size_t)r->objs[k].success;
			sum += r->objs[k].grade;
		}
		if (nobjs == 0)
			continue;
		if ((t = ARENA_PUSH(a, r->teams, r->nteams, cap)) == NULL)
			return err_set(e, ERR_NOMEM, "out of memory");
		t->team = ce->teams[i].team;
		t->depth = ce->teams[i].depth;
		t->nobjs = nobjs;
		t->ngraded = ng;
		t->nsuccess = ns;
		t->mean = ng > 0 ? sum / (double)ng : NAN;
	}
	return ERR_OK;
}

static void
tally(struct review *r)
{
	struct review_obj	*ro;
	struct review_kind	*kd;
	double			 sum = 0, ksum[OBJ_KIND__MAX] = { 0 };
	size_t			 i;
	int			 bin;

	for (i = 0; i < r->nobjs; i++) {
		ro = &r->objs[i];
		kd = &r->kinds[ro->oe->obj->kind];
		kd->nobjs++;
		if (isnan(ro->grade))
			continue;
		r->ngraded++;
		sum += ro->grade;
		bin = (int)lround(ro->grade * 10);
		r->hist[bin < 0 ? 0 : bin >= REVIEW_BINS ? REVIEW_BINS - 1 :
		    bin]++;
		r->colours[progress_colour(ro->grade)]++;
		kd->ngraded++;
		kd->nsuccess += ro->success > 0;
		ksum[ro->oe->obj->kind] += ro->grade;
	}
	r->mean_grade = r->ngraded > 0 ? sum / (double)r->ngraded : NAN;
	for (i = 0; i < OBJ_KIND__MAX; i++)
		r->kinds[i].mean = r->kinds[i].ngraded > 0 ?
		    ksum[i] / (double)r->kinds[i].ngraded : NAN;
	for (i = 0; i < r->nkrs; i++)
		r->kr_status[r->krs[i].status]++;
}

enum err_code
review_build(struct okr *o, const char *cycle, int64_t now,
    const struct snap *snap, struct arena *a, struct review *r,
    struct err *e)
{
	struct cycle		 cy;
	struct snap		*own = NULL;
	const struct obj_eval	*oe;
	struct review_kr	*rk;
	char			*by;
	size_t			 i, j, nk = 0;
	enum err_code		 rc;

	memset(r, 0, sizeof(*r));
	rc = cycle == NULL ? cycle_current(o, a, &cy, e) :
	    cycle_get(o, cycle, a, &cy, e);
	if (rc != ERR_OK ||
	    (rc = close_info(o, cy.name, a, &r->closed_at, &by, e)) != ERR_OK)
		return rc;
	r->closed = r->closed_at != 0;
	r->closed_by = by;
	r->workspace = o->ws.name;
	/* a closed cycle reads as it was graded: at its close, or its end */
	if ((rc = eval_cycle(o, cy.name, r->closed ? r->closed_at : now, a,
	    &r->ce, e)) != ERR_OK)
		return rc;
	r->as_of = r->ce.horizon;
	review_kpi_windows(&r->ce, &r->first_from, &r->first_to,
	    &r->last_from, &r->last_to);
	r->nobjs = r->ce.nobjs;
	r->nkrs = r->ce.nkrs;
	if ((r->nobjs > 0 && (r->objs = arena_calloc(a, r->nobjs,
	    sizeof(*r->objs))) == NULL) ||
	    (r->nkrs > 0 && (r->krs = arena_calloc(a, r->nkrs,
	    sizeof(*r->krs))) == NULL))
		return err_set(e, ERR_NOMEM, "out of memory");
	for (i = 0; i < r->nobjs; i++) {
		oe = &r->ce.objs[i];
		r->objs[i].oe = oe;
		r->objs[i].owner = oe->obj->team != NULL ? oe->obj->team :
		    oe->obj->person;
		r->objs[i].kr0 = nk;
		r->objs[i].nkrs = oe->nkrs;
		for (j = 0; j < oe->nkrs && nk < r->nkrs; j++, nk++) {
			rk = &r->krs[nk];
			rk->ke = &oe->krs[j];
			rk->ref = arena_printf(a, "%s/%s", oe->obj->key,
			    oe->krs[j].kr->key);
			rk->grade = progress_grade(oe->krs[j].ev.progress);
			rk->final_value = oe->krs[j].ev.current;
			rk->status = oe->krs[j].ev.status;
		}
	}
	r->nkrs = nk;
	if (r->closed && (rc = kr_frozen(o, r, a, e)) != ERR_OK)
		return rc;
	for (i = 0; i < r->nobjs; i++) {
		oe = r->objs[i].oe;
		r->objs[i].grade = r->closed ? oe->obj->grade :
		    progress_grade(oe->ev.progress);
		r->objs[i].success = review_success(oe->obj->kind,
		    r->objs[i].grade);
	}
	tally(r);
	if ((rc = team_rates(r, a, e)) != ERR_OK)
		return rc;
	if (r->closed)
		rc = kpi_frozen(o, r, a, e);
	else {
		if (snap == NULL && review_has_kpi(&r->ce)) {
			if ((rc = kpi_load(o->st, &own, e)) != ERR_OK)
				return rc;
			snap = own;
		}
		rc = review_kpi_live(o, &r->ce, snap, a, &r->kpis, &r->nkpis,
		    e);
		snap_free(own);
	}
	if (rc == ERR_OK && arena_failed(a))
		rc = err_set(e, ERR_NOMEM, "out of memory");
	return rc;
}

/* ---- JSON ---------------------------------------------------------- */

/* A window [from, to) as its first and last days, inclusive. */
static json_t *
jwindow(int64_t from, int64_t to)
{
	char	 f[16], l[16];

	clock_fmt_date(from, f, sizeof(f));
	review_fmt_last_day(from, to, l, sizeof(l));
	return json_pack("{s:s, s:s}", "from", f, "to", l);
}

/* A share: succeeded / graded, null when nothing was graded. */
static json_t *
jrate(size_t num, size_t den)
{
	return den > 0 ? json_real((double)num / (double)den) : json_null();
}

static json_t *
kr_json(const struct review_kr *rk)
{
	const struct kr	*k = rk->ke->kr;

	return json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, "
	    "s:o, s:o, s:o, s:s, s:o}",
	    "ref", rk->ref, "key", k->key, "title", k->title,
	    "kind", kr_kind_name((enum kr_kind)k->kind),
	    "unit", evaljson_str(k->unit),
	    "baseline", evaljson_num(k->baseline),
	    "target", evaljson_num(k->target),
	    "low", evaljson_num(k->low), "high", evaljson_num(k->high),
	    "final_value", evaljson_num(rk->final_value),
	    "progress", evaljson_num(rk->ke->ev.progress),
	    "grade", evaljson_num(rk->grade),
	    "status", okr_status_name(rk->status),
	    "kpi", evaljson_str(k->kpi));
}

static json_t *
obj_json(const struct review *r, const struct review_obj *ro)
{
	const struct objective	*ob = ro->oe->obj;
	json_t			*j, *krs;
	size_t			 i;

	krs = json_array();
	for (i = 0; i < ro->nkrs; i++)
		json_array_append_new(krs, kr_json(&r->krs[ro->kr0 + i]));
	j = json_pack("{s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:o, "
	    "s:o, s:o}",
	    "key", ob->key, "title", ob->title,
	    "team", evaljson_str(ob->team), "person", evaljson_str(ob->person),
	    "kind", obj_kind_names[ob->kind],
	    "grade", evaljson_num(ro->grade),
	    "colour", isnan(ro->grade) ? json_null() :
	    json_string(colour_name(progress_colour(ro->grade))),
	    "success", ro->success < 0 ? json_null() :
	    json_boolean(ro->success),
	    "retrospective", evaljson_str(ob->retrospective),
	    "postmortem", evaljson_str(ob->postmortem),
	    "carried_from", evaljson_str(ob->carried_from),
	    "key_results", krs);
	return j;
}

static json_t *
kind_json(const struct review_kind *k, double success_at)
{
	return json_pack("{s:I, s:I, s:I, s:o, s:o, s:f}",
	    "objectives", (json_int_t)k->nobjs,
	    "graded", (json_int_t)k->ngraded,
	    "succeeded", (json_int_t)k->nsuccess,
	    "success_rate", jrate(k->nsuccess, k->ngraded),
	    "mean_grade", evaljson_num(k->mean), "success_at", success_at);
}

static json_t *
kpi_json(const struct review_kpi *k)
{
	return json_pack("{s:s, s:o, s:o, s:o, s:o, s:{s:o, s:I}, "
	    "s:{s:o, s:I}, s:s}",
	    "kpi", k->key, "name", evaljson_str(k->def ? k->def->name : NULL),
	    "filter", k->filter[0] != '\0' ? json_string(k->filter) :
	    json_null(),
	    "unit", evaljson_str(k->def ? kpi_unit_name(k->def->unit) : NULL),
	    "direction", evaljson_str(k->def ? kpi_dir_name(k->def->dir) :
	    NULL),
	    "start", "value", evaljson_num(k->start), "n",
	    (json_int_t)k->start_n,
	    "end", "value", evaljson_num(k->end), "n", (json_int_t)k->end_n,
	    "moved", review_move_name(k->move));
}

json_t *
review_json(const struct review *r)
{
	const struct cycle_eval	*ce = &r->ce;
	json_t			*j, *hist, *teams, *objs, *kpis, *lessons,
				*bystatus;
	const struct objective	*ob;
	size_t			 i;

	hist = json_array();
	for (i = 0; i < REVIEW_BINS; i++)
		json_array_append_new(hist, json_pack("{s:f, s:I}", "grade",
		    (double)i / 10, "count", (json_int_t)r->hist[i]));
	teams = json_array();
	for (i = 0; i < r->nteams; i++)
		json_array_append_new(teams, json_pack("{s:s, s:o, s:I, s:I, "
		    "s:I, s:o, s:o}", "team", r->teams[i].team->name,
		    "parent", evaljson_str(r->teams[i].team->parent),
		    "objectives", (json_int_t)r->teams[i].nobjs,
		    "graded", (json_int_t)r->teams[i].ngraded,
		    "succeeded", (json_int_t)r->teams[i].nsuccess,
		    "success_rate", jrate(r->teams[i].nsuccess,
		    r->teams[i].ngraded),
		    "mean_grade", evaljson_num(r->teams[i].mean)));
	objs = json_array();
	lessons = json_array();
	for (i = 0; i < r->nobjs; i++) {
		json_array_append_new(objs, obj_json(r, &r->objs[i]));
		ob = r->objs[i].oe->obj;
		if (ob->retrospective == NULL && ob->postmortem == NULL)
			continue;
		json_array_append_new(lessons, json_pack("{s:s, s:s, s:s, "
		    "s:o, s:o, s:o}", "objective", ob->key, "title",
		    ob->title, "kind", obj_kind_names[ob->kind],
		    "grade", evaljson_num(r->objs[i].grade),
		    "retrospective", evaljson_str(ob->retrospective),
		    "postmortem", evaljson_str(ob->postmortem)));
	}
	bystatus = json_object();
	for (i = 0; i < STATUS__MAX; i++)
		json_object_set_new(bystatus, okr_status_name(
		    (enum okr_status)i), json_integer((json_int_t)
		    r->kr_status[i]));
	kpis = json_array();
	for (i = 0; i < r->nkpis; i++)
		json_array_append_new(kpis, kpi_json(&r->kpis[i]));
	j = json_pack("{s:{s:s, s:s, s:s, s:s}, s:o, s:b, s:b, s:o, s:o, "
	    "s:o, s:I, s:I, s:I, s:o}",
	    "cycle", "name", ce->cycle.name, "start", ce->cycle.start,
	    "end", ce->cycle.end, "state",
	    cycle_state_names[ce->cycle.state],
	    "workspace", evaljson_str(r->workspace),
	    "closed", r->closed, "provisional", !r->closed,
	    "closed_at", evaljson_time(r->closed_at),
	    "closed_by", evaljson_str(r->closed_by),
	    "as_of", evaljson_time(r->as_of),
	    "objectives_count", (json_int_t)r->nobjs,
	    "key_results_count", (json_int_t)r->nkrs,
	    "graded", (json_int_t)r->ngraded,
	    "mean_grade", evaljson_num(r->mean_grade));
	if (j == NULL)
		goto fail;
	json_object_set_new(j, "distribution", json_pack("{s:o, s:I, s:I, "
	    "s:I, s:I}", "histogram", hist,
	    "red", (json_int_t)r->colours[COLOUR_RED],
	    "yellow", (json_int_t)r->colours[COLOUR_YELLOW],
	    "green", (json_int_t)r->colours[COLOUR_GREEN],
	    "ungraded", (json_int_t)(r->nobjs - r->ngraded)));
	json_object_set_new(j, "teams", teams);
	json_object_set_new(j, "kinds", json_pack("{s:o, s:o}",
	    "committed", kind_json(&r->kinds[OBJ_COMMITTED], 1.0),
	    "aspirational", kind_json(&r->kinds[OBJ_ASPIRATIONAL], 0.7)));
	json_object_set_new(j, "key_results_by_status", bystatus);
	json_object_set_new(j, "kpi_movement", json_pack("{s:o, s:o, s:o}",
	    "first_window", jwindow(r->first_from, r->first_to),
	    "last_window", review_kpi_early(r) ? json_null() :
	    jwindow(r->last_from, r->last_to), "kpis", kpis));
	json_object_set_new(j, "objectives", objs);
	json_object_set_new(j, "lessons", lessons);
	return j;
fail:
	json_decref(hist);
	json_decref(teams);
	json_decref(objs);
	json_decref(lessons);
	json_decref(bystatus);
	json_decref(kpis);
	return NULL;
}

enum err_code
review_render(const struct review *r, enum review_format f, struct buf *b)
{
	json_t	*j;
	char	*s;

	switch (f) {
	case REVIEW_TEXT:
		review_text(r, b);
		break;
	case REVIEW_MD:
		review_md(r, b);
		break;
	case REVIEW_HTML:
		review_html(r, b);
		break;
	case REVIEW_JSON:
		if ((j = review_json(r)) == NULL)
			return ERR_NOMEM;
		s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
		    JSON_REAL_PRECISION(15));
		json_decref(j);
		if (s == NULL)
			return ERR_NOMEM;
		buf_puts(b, s);
		buf_putc(b, '\n');
		free(s);
		break;
	default:
		return ERR_INVAL;
	}
	return buf_error(b);
}

void
review_fmt_grade(double g, char *s, size_t sz)
{
	if (isnan(g))
		snprintf(s, sz, "—");
	else
		snprintf(s, sz, "%.1f", g);
}

void
review_fmt_mean(double g, char *s, size_t sz)
{
	if (isnan(g))
		snprintf(s, sz, "—");
	else
		snprintf(s, sz, "%.2f", g);
}

void
review_fmt_rate(size_t num, size_t den, char *s, size_t sz)
{
	if (den == 0)
		snprintf(s, sz, "—");
	else
		snprintf(s, sz, "%.0f%%", 100.0 * (double)num / (double)den);
}

void
review_fmt_last_day(int64_t from, int64_t to, char *s, size_t sz)
{
	clock_fmt_date(to > from ? to - 1 : to, s, sz);
}

void
review_fmt_as_of(const struct review *r, char *s, size_t sz)
{
	/* the horizon of an ended cycle is its end, the midnight after its
	 * last day: the grades are those of the last day */
	if (r->as_of >= r->ce.end)
		review_fmt_last_day(r->ce.start, r->ce.end, s, sz);
	else
		clock_fmt_date(r->as_of, s, sz);
}

void
review_fmt_kpi(const struct kpi_def *d, double v, char *s, size_t sz)
{
	double	 a = fabs(v);

	if (isnan(v)) {
		snprintf(s, sz, "—");
		return;
	}
	switch (d != NULL ? d->unit : KU_SCORE) {
	case KU_RATIO:
		snprintf(s, sz, "%.1f%%", v * 100);
		break;
	case KU_SECONDS:
		if (a >= 3600)
			snprintf(s, sz, "%.1f h", v / 3600);
		else if (a >= 60)
			snprintf(s, sz, "%.1f min", v / 60);
		else
			snprintf(s, sz, "%.0f s", v);
		break;
	case KU_HOURS:
		snprintf(s, sz, "%.1f h", v);
		break;
	case KU_COUNT:
	case KU_NPS:
		snprintf(s, sz, "%.0f", v);
		break;
	default:
		snprintf(s, sz, a < 10 ? "%.2f" : "%.1f", v);
		break;
	}
}
