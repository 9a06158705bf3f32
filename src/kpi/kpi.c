/*
 * kpi.c: kpi_run, the part of a run every KPI shares.  See kpi.h.
 *
 * A run: check the query; cut the window into buckets once (calendar.c);
 * build the slot table that maps an instant to its bucket; resolve the
 * segment and filters to dictionary codes; zero nb x ng accumulator cells
 * (a group is a dictionary code, so no hashing per record); call the
 * KPI's pass (kpi_ix.c, kpi_voice.c); then turn the accumulators into
 * cells, groups in name order, every group in every bucket.
 *
 * Percentiles take two passes over the same loop: the first counts each
 * cell's values, which gives every cell its slice of one array; the second
 * fills the slices; then each slice is selected in place (pct.c).
 *
 * Temporary arrays are malloc'd and freed before returning; only the
 * result lives in the caller's arena.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "kpi/kpi_int.h"
#include "kpi/pct.h"

#define KPI_CELLS_MAX	((size_t)64 << 20)
#define KPI_SLOTS_MAX	((size_t)4 << 20)

static const int seg_dim[KS__MAX] = {
	[KS_NONE] = -1,
	[KS_TEAM] = DIM_TEAM,
	[KS_CHANNEL] = DIM_CHANNEL,
	[KS_AGENT] = DIM_AGENT,
	[KS_CATEGORY] = DIM_CATEGORY,
	[KS_PRIORITY] = DIM_PRIORITY,
};

static const char *const dim_word[DIM__MAX] = {
	"team", "channel", "agent", "category", "priority", "customer" };

void
kpi_opts_default(struct kpi_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->frt_within_s = 3600;
	o->fcr_k = 1;
	o->fcr_n_days = 7;
	o->sl_threshold_s = 20;
	o->short_abandon_s = 5;
	o->qa_threshold = 80;
	o->training_h = 20;
}

void
kpi_query_init(struct kpi_query *q, const char *key)
{
	memset(q, 0, sizeof(*q));
	q->key = key;
	q->from = INT64_MIN;
	q->to = INT64_MAX;
	kpi_opts_default(&q->opts);
}

static enum err_code
check_opts(const struct kpi_opts *o, struct err *e)
{
	const struct {
		const char	*name;
		double		 v;
	} num[] = {
		{ "frt_within_s", o->frt_within_s },
		{ "sl_threshold_s", o->sl_threshold_s },
		{ "short_abandon_s", o->short_abandon_s },
		{ "qa_threshold", o->qa_threshold },
		{ "training_h", o->training_h },
		{ "fcr_k", o->fcr_k },
		{ "fcr_n_days", o->fcr_n_days },
		{ "qa_tenure_days", o->qa_tenure_days },
	};

	for (size_t i = 0; i < sizeof(num) / sizeof(num[0]); i++)
		if (!isfinite(num[i].v) || num[i].v < 0)
			return err_setf(e, ERR_INVAL, num[i].name, "%g cannot "
			    "be negative", num[i].v);
	if (o->fcr_k > 253)
		return err_setf(e, ERR_INVAL, "fcr_k", "%d is more replies "
		    "than the snapshot counts (253)", o->fcr_k);
	if (o->fcr_n_days > 36500 || o->qa_tenure_days > 36500)
		return err_setf(e, ERR_INVAL, "fcr_n_days", "more than 36500 "
		    "days");
	return ERR_OK;
}

static uint32_t
clamp32(int64_t t)
{
	return t < 0 ? 0 : t > (int64_t)UINT32_MAX ? UINT32_MAX : (uint32_t)t;
}

/* The column of dim in ds, or an error naming what is missing. */
static enum err_code
dim_col(const struct kctx *k, enum ds ds, int dim, const char *what,
    const uint16_t **col)
{
	*col = snap_dim_col(k->s, ds, (enum snap_dim)dim);
	if (!snap_dim_has(ds, (enum snap_dim)dim))
		return err_set(k->e, ERR_INVAL, "kpi %s cannot be %s %s: %s "
		    "have no %s", k->q->key, what, dim_word[dim],
		    ds_info[ds].name, dim_word[dim]);
	return ERR_OK;
}

enum err_code
kpi_kpass(const struct kctx *k, enum ds ds, struct kpass *p)
{
	enum err_code	 rc;

	*p = k->p;
	p->seg = NULL;
	if (k->segdim >= 0 && (rc = dim_col(k, ds, k->segdim, "split by",
	    &p->seg)) != ERR_OK)
		return rc;
	for (int f = 0; f < p->nf; f++)
		if ((rc = dim_col(k, ds, k->fdim[f], "filtered by",
		    &p->fcol[f])) != ERR_OK)
			return rc;
	p->flags = ds == DS_INTERACTIONS ? k->s->ix.flags : NULL;
	p->exmask = ds == DS_INTERACTIONS && !k->o->include_excluded ?
	    IXF_EXCLUDED : 0;
	return ERR_OK;
}

/* The bucket edges of the run; *empty when an open window meets no data. */
static enum err_code
window(struct kctx *k, enum ds ds, struct arena *a, int64_t **edges,
    size_t *nb, int *empty)
{
	const struct kpi_query	*q = k->q;
	enum cal_unit		 u;
	int64_t			 f = q->from, t = q->to;

	*empty = 0;
	if (t <= f)
		return err_set(k->e, ERR_INVAL, "the window ends (%lld) "
		    "before it starts (%lld)", (long long)t, (long long)f);
	if (q->bucket == KB_NONE) {
		if ((*edges = arena_calloc(a, 2, sizeof(**edges))) == NULL)
			return err_set(k->e, ERR_NOMEM, "out of memory");
		(*edges)[0] = f;
		(*edges)[1] = t;
		/* a state "at the end" of all time is the state now */
		if (kpi_impl[k->id].shape == SH_SNAPSHOT && t == INT64_MAX)
			(*edges)[1] = k->now;
		*nb = 1;
		return ERR_OK;
	}
	u = (enum cal_unit)(q->bucket - KB_DAY);
	if (f == INT64_MIN || t == INT64_MAX) {
		if (k->s->tmin[ds] == SNAP_NONE) {
			*empty = 1;
			return ERR_OK;
		}
		if (f == INT64_MIN)
			f = cal_period_start(u, k->s->tmin[ds]);
		if (t == INT64_MAX)
			t = cal_period_next(u, cal_period_start(u,
			    k->s->tmax[ds]));
		if (t <= f) {
			*empty = 1;
			return ERR_OK;
		}
	}
	return cal_edges(u, f, t, a, edges, nb, k->e);
}

/* The slot table (see kpi_int.h), when the edges allow one. */
static enum err_code
slots(struct kctx *k, struct arena *a)
{
	struct kpass	*p = &k->p;
	size_t		 nslot, s, b = 0;
	uint16_t	*t;
	uint32_t	 at;

	p->slot = NULL;
	if (p->nb <= 1 || p->span == 0)
		return ERR_OK;
	for (b = 1; b < p->nb; b++)
		if (p->edge[b] % KP_SLOT != 0)
			return ERR_OK;		/* binary search instead */
	p->base = p->lo / KP_SLOT * KP_SLOT;
	nslot = (size_t)(p->lo + p->span - 1 - p->base) / KP_SLOT + 1;
	if (nslot > KPI_SLOTS_MAX)
		return ERR_OK;
	if ((t = arena_calloc(a, nslot, sizeof(*t))) == NULL)
		return err_set(k->e, ERR_NOMEM, "out of memory");
	for (s = 0, b = 0; s < nslot; s++) {
		at = p->base + (uint32_t)s * KP_SLOT;
		while (b + 1 < p->nb && p->edge[b + 1] <= at)
			b++;
		t[s] = (uint16_t)b;
	}
	p->slot = t;
	return ERR_OK;
}

struct grp {
	const char	*name;
	uint32_t	 code;
};

static int
grp_cmp(const void *a, const void *b)
{
	return strcmp(((const struct grp *)a)->name,
	    ((const struct grp *)b)->name);
}

/* Turn the accumulators into cells. */
static enum err_code
cells(struct kctx *k, const double *pv, struct arena *a,
    struct kpi_result *res)
{
	const struct kpi_impl	*im = &kpi_impl[k->id];
	struct grp		*g;
	struct kpi_cell		*cl;
	size_t			 ng = k->p.ng, nb = k->p.nb, m = 0, b, j, c;
	int			 wil;

	if ((g = calloc(ng, sizeof(*g))) == NULL)
		return err_set(k->e, ERR_NOMEM, "out of memory");
	for (j = 0; j < ng; j++) {
		int	 seen = k->segdim < 0;

		for (b = 0; b < nb && !seen; b++)
			seen = k->n[b * ng + j] > 0 || k->den[b * ng + j] > 0;
		if (!seen)
			continue;
		g[m].code = (uint32_t)j;
		g[m].name = k->segdim < 0 ? NULL : j == 0 ? KPI_GROUP_NONE :
		    arena_strdup(a, snap_dim_name(k->s,
		    (enum snap_dim)k->segdim, (uint32_t)j));
		if (k->segdim >= 0 && g[m].name == NULL) {
			free(g);
			return err_set(k->e, ERR_NOMEM, "out of memory");
		}
		m++;
	}
	if (k->segdim >= 0)
		qsort(g, m, sizeof(*g), grp_cmp);
	res->ncells = nb * m;
	res->cells = arena_calloc(a, res->ncells ? res->ncells : 1,
	    sizeof(*res->cells));
	if (res->cells == NULL) {
		free(g);
		return err_set(k->e, ERR_NOMEM, "out of memory");
	}
	wil = im->wilson && !(k->id == KPI_CES && k->o->ces_mean);
	for (b = 0, cl = res->cells; b < nb; b++)
		for (j = 0; j < m; j++, cl++) {
			c = b * ng + g[j].code;
			cl->start = k->edges[b];
			cl->end = k->edges[b + 1];
			cl->group = g[j].name;
			cl->num = cl->den = cl->lo = cl->hi = NAN;
			cl->value = NAN;
			switch (im->shape) {
			case SH_COUNT:
				cl->n = k->n[c];
				if (cl->n > 0)
					cl->value = (double)cl->n;
				break;
			case SH_SNAPSHOT:
				cl->n = k->n[c];
				if (k->den[c] > 0)
					cl->value = (double)cl->n;
				break;
			case SH_PCT:
				cl->n = k->n[c];
				cl->value = pv[c];
				if (k->qv != NULL)
					cl->q = k->qv + c * k->q->nprobs;
				break;
			default:
				cl->num = k->num[c];
				cl->den = k->den[c];
				cl->n = (int64_t)k->den[c];
				if (cl->den > 0)
					cl->value = cl->num / cl->den *
					    (im->shape == SH_NPS ? 100 : 1);
				if (wil)
					pct_wilson(cl->num, cl->den, &cl->lo,
					    &cl->hi);
				break;
			}
		}
	free(g);
	return ERR_OK;
}

static enum err_code
pass(struct kctx *k)
{
	return kpi_defs[k->id].ds == DS_INTERACTIONS ? kpi_pass_ix(k) :
	    kpi_pass_voice(k);
}

/* Percentiles: count, slice, fill, select; values into pv[cell]. */
static enum err_code
percentiles(struct kctx *k, double *pv)
{
	size_t		*off = NULL, tot = 0, c;
	enum err_code	 rc;
	enum pct_method	 m = k->o->pct_nearest ? PCT_NEAREST : PCT_LINEAR;

	if ((rc = pass(k)) != ERR_OK)
		return rc;
	off = malloc((k->ncell + 1) * sizeof(*off));
	k->cur = malloc((k->ncell + 1) * sizeof(*k->cur));
	if (off == NULL || k->cur == NULL)
		goto nomem;
	for (c = 0; c < k->ncell; c++) {
		off[c] = tot;
		tot += (size_t)k->n[c];
	}
	off[c] = tot;
	memcpy(k->cur, off, (k->ncell + 1) * sizeof(*off));
	if ((k->vals = malloc((tot ? tot : 1) * sizeof(*k->vals))) == NULL)
		goto nomem;
	if ((rc = pass(k)) != ERR_OK)
		goto out;
	for (c = 0; c < k->ncell; c++) {
		pv[c] = pct_quantile_u32(k->vals + off[c], off[c + 1] - off[c],
		    kpi_impl[k->id].p, m);
		/* more quantiles of the same values: selection works on any
		 * order, so the partly ordered slice serves again */
		for (size_t j = 0; k->qv != NULL && j < k->q->nprobs; j++)
			k->qv[c * k->q->nprobs + j] = pct_quantile_u32(k->vals +
			    off[c], off[c + 1] - off[c], k->q->probs[j], m);
	}
	rc = ERR_OK;
	goto out;
nomem:
	rc = err_set(k->e, ERR_NOMEM, "out of memory collecting %zu values",
	    tot);
out:
	free(off);
	free(k->cur);
	free(k->vals);
	k->cur = NULL;
	k->vals = NULL;
	return rc;
}

enum err_code
kpi_run(const struct snap *s, const struct kpi_query *q, struct arena *a,
    struct kpi_result *res, struct err *e)
{
	const struct kpi_def	*def;
	const char		*fname[KP_FILTERS];
	const int		 fdim[KP_FILTERS] = { DIM_TEAM, DIM_CHANNEL,
				    DIM_AGENT, DIM_CATEGORY, DIM_PRIORITY };
	struct kctx		 k;
	struct bizcal		 biz;
	int64_t			*edges = NULL;
	uint32_t		*e32, code;
	size_t			 nb = 0;
	double			*pv = NULL;
	int			 empty;
	enum err_code		 rc;

	res->cells = NULL;
	res->ncells = 0;
	if ((def = kpi_def_find(q->key)) == NULL)
		return err_set(e, ERR_NOTFOUND, "no kpi \"%s\"",
		    q->key ? q->key : "");
	if ((unsigned)q->bucket >= KB_BUCKET__MAX ||
	    (unsigned)q->by >= KS__MAX)
		return err_set(e, ERR_INVAL, "bad bucket %d or segment %d",
		    (int)q->bucket, (int)q->by);
	if ((rc = check_opts(&q->opts, e)) != ERR_OK)
		return rc;
	if (!s->finished)
		return err_set(e, ERR_INTERNAL, "the snapshot is not "
		    "finished");
	memset(&k, 0, sizeof(k));
	k.s = s;
	k.q = q;
	k.o = &q->opts;
	k.e = e;
	k.id = (enum kpi_id)(def - kpi_defs);
	k.now = q->now != 0 ? q->now : clock_now();
	k.segdim = seg_dim[q->by];
	fname[0] = q->filter.team;
	fname[1] = q->filter.channel;
	fname[2] = q->filter.agent;
	fname[3] = q->filter.category;
	fname[4] = q->filter.priority;
	for (int f = 0; f < KP_FILTERS; f++) {
		if (fname[f] == NULL)
			continue;
		code = snap_dim_find(s, (enum snap_dim)fdim[f], fname[f]);
		if (code == 0)
			k.none = 1;	/* nobody has that name */
		k.fdim[k.p.nf] = fdim[f];
		k.p.fval[k.p.nf++] = (uint16_t)code;
	}
	if ((rc = window(&k, def->ds, a, &edges, &nb, &empty)) != ERR_OK)
		return rc;
	if (empty)
		return ERR_OK;
	if ((e32 = arena_calloc(a, nb + 1, sizeof(*e32))) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	for (size_t b = 0; b <= nb; b++)
		e32[b] = clamp32(edges[b]);
	k.edges = edges;
	k.p.edge = e32;
	k.p.nb = (uint32_t)nb;
	k.p.lo = e32[0];
	k.p.span = e32[nb] - e32[0];
	if ((rc = kpi_kpass(&k, def->ds, &k.p)) != ERR_OK ||
	    (rc = slots(&k, a)) != ERR_OK)
		return rc;
	k.p.ng = k.segdim < 0 ? 1 : snap_dim_count(s,
	    (enum snap_dim)k.segdim);
	if (nb > KPI_CELLS_MAX / k.p.ng)
		return err_set(e, ERR_TOOBIG, "%zu buckets x %u groups is too "
		    "many cells", nb, k.p.ng);
	k.ncell = nb * k.p.ng;
	k.num = calloc(k.ncell, sizeof(*k.num));
	k.den = calloc(k.ncell, sizeof(*k.den));
	k.n = calloc(k.ncell, sizeof(*k.n));
	pv = calloc(k.ncell, sizeof(*pv));
	if (q->nprobs > 0 && kpi_impl[k.id].shape == SH_PCT &&
	    (k.qv = arena_calloc(a, k.ncell * q->nprobs, sizeof(*k.qv)))
	    == NULL)
		pv = NULL;	/* reported below */
	for (size_t j = 0; j < q->nprobs; j++)
		if (!(q->probs[j] >= 0 && q->probs[j] <= 1)) {
			free(pv);
			pv = NULL;
			rc = err_set(e, ERR_INVAL, "quantile %g is not within "
			    "0..1", q->probs[j]);
			goto out;
		}
	if (k.num == NULL || k.den == NULL || k.n == NULL || pv == NULL) {
		rc = err_set(e, ERR_NOMEM, "out of memory for %zu cells",
		    k.ncell);
		goto out;
	}
	if (q->schedule != NULL && kpi_impl[k.id].business &&
	    s->tmin[DS_INTERACTIONS] != SNAP_NONE) {
		if ((rc = bizcal_build(&biz, q->schedule,
		    s->tmin[DS_INTERACTIONS],
		    (int64_t)s->tmax[DS_INTERACTIONS] + 1, a, e)) != ERR_OK)
			goto out;
		k.biz = &biz;
	}
	for (size_t j = 0; k.qv != NULL && j < k.ncell * q->nprobs; j++)
		k.qv[j] = NAN;
	if (!k.none) {
		for (size_t c = 0; c < k.ncell; c++)
			pv[c] = NAN;
		rc = kpi_impl[k.id].shape == SH_PCT ? percentiles(&k, pv) :
		    pass(&k);
		if (rc != ERR_OK)
			goto out;
	} else
		for (size_t c = 0; c < k.ncell; c++)
			pv[c] = NAN;
	rc = cells(&k, pv, a, res);
out:
	free(k.num);
	free(k.den);
	free(k.n);
	free(pv);
	return rc;
}
