/*
 * kpi_int.h: what the KPI passes share (kpi/kpi*.c only).
 *
 * A run (kpi.c) resolves the query once into a struct kctx: the window as
 * uint32 bounds, the bucket of every 15-minute slot of the window (local
 * midnights fall on quarter hours in every zone in use today; when one
 * does not, buckets are found by binary search over the edges), the
 * segment column, the filter columns and codes, and zeroed accumulators
 * of nb x ng cells.  A pass (kpi_ix.c, kpi_voice.c) is then one loop over
 * the columns its KPI reads, calling kp_cell() to place a record: no
 * function pointers, no allocation, no localtime per record.
 *
 * Ownership: everything in a kctx is borrowed from the run.
 */
#ifndef KPI_KPI_INT_H
#define KPI_KPI_INT_H

#include <stddef.h>
#include <stdint.h>

#include "kpi/kpi.h"
#include "kpi/snap_int.h"

#define KP_SLOT		900	/* seconds a slot of the bucket table spans */
#define KP_FILTERS	5

enum kpi_id {
	KPI_VOLUME,
	KPI_FRT_AVG,
	KPI_FRT_MEDIAN,
	KPI_FRT_P90,
	KPI_FRT_WITHIN,
	KPI_RES_MEDIAN,
	KPI_RES_P90,
	KPI_BACKLOG,
	KPI_UNANSWERED,
	KPI_SLA,
	KPI_REOPEN,
	KPI_ESCALATION,
	KPI_FCR,
	KPI_AHT,
	KPI_ASA,
	KPI_ABANDON,
	KPI_SERVICE_LEVEL,
	KPI_CSAT,
	KPI_CSAT_AVG,
	KPI_NPS,
	KPI_CES,
	KPI_RESPONSE_RATE,
	KPI_QA_SCORE,
	KPI_QA_PASSING,
	KPI_TRAINING_HOURS,
	KPI_TRAINING_COMPLETION,
	KPI_KB_ACCURACY,
	KPI_CHURN,
	KPI__MAX
};

/* How a cell's value comes from its accumulators. */
enum kpi_shape {
	SH_COUNT,	/* value = n */
	SH_RATIO,	/* value = num / den, n = den */
	SH_MEAN,	/* value = num / den (sum / count), n = den */
	SH_PCT,		/* value = a percentile of the cell's values, n */
	SH_NPS,		/* value = 100 num / den, n = den */
	SH_SNAPSHOT,	/* value = n open at the end; no data if den (created
			 * before the end) is 0 */
	SH__MAX
};

struct kpi_impl {
	enum kpi_shape	 shape;
	double		 p;		/* SH_PCT: the quantile */
	int		 wilson;	/* a survey ratio: give the interval */
	int		 business;	/* durations follow the schedule */
};

extern const struct kpi_impl kpi_impl[KPI__MAX];

/* The placement of records in cells for one run. */
struct kpass {
	uint32_t	 lo, span;	/* in the window: t - lo < span */
	uint32_t	 base;		/* slot 0 starts here */
	const uint16_t	*slot;		/* bucket of each slot; NULL: search */
	const uint32_t	*edge;		/* nb + 1 edges, clamped to uint32 */
	uint32_t	 nb;
	const uint16_t	*seg;		/* group = seg[i]; NULL: group 0 */
	uint32_t	 ng;
	const uint16_t	*fcol[KP_FILTERS];
	uint16_t	 fval[KP_FILTERS];
	int		 nf;
	const uint16_t	*flags;		/* interactions only */
	uint16_t	 exmask;	/* IXF_EXCLUDED unless included */
};

struct kctx {
	const struct snap	*s;
	const struct kpi_query	*q;
	const struct kpi_opts	*o;
	enum kpi_id		 id;
	struct kpass		 p;
	const int64_t		*edges;		/* nb + 1 real edges */
	size_t			 ncell;		/* nb * ng */
	double			*num, *den;
	int64_t			*n;
	uint32_t		*vals;		/* SH_PCT fill pass: values */
	double			*qv;		/* SH_PCT: ncell x nprobs */
	size_t			*cur;		/* next free slot per cell */
	const struct bizcal	*biz;		/* business time, or NULL */
	int64_t			 now;
	int			 none;		/* a filter matches nothing */
	int			 segdim;	/* enum snap_dim, -1: none */
	int			 fdim[KP_FILTERS];	/* enum snap_dim */
	struct err		*e;
};

/* The bucket of an instant inside the window. */
static inline uint32_t
kp_bucket(const struct kpass *p, uint32_t t)
{
	uint32_t	 lo, hi, mid;

	if (p->slot != NULL)
		return p->slot[(t - p->base) / KP_SLOT];
	if (p->nb == 1)
		return 0;
	for (lo = 0, hi = p->nb; hi - lo > 1;) {	/* edge[lo] <= t */
		mid = lo + (hi - lo) / 2;
		if (p->edge[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Whether row i passes the exclusion rule and the filters. */
static inline int
kp_keep(const struct kpass *p, size_t i)
{
	if (p->exmask != 0 && (p->flags[i] & p->exmask) != 0)
		return 0;
	for (int f = 0; f < p->nf; f++)
		if (p->fcol[f][i] != p->fval[f])
			return 0;
	return 1;
}

/* The cell of row i placed at instant t, or -1 when it is outside the
 * window (a missing instant always is) or filtered out. */
static inline int64_t
kp_cell(const struct kpass *p, size_t i, uint32_t t)
{
	if (t - p->lo >= p->span || !kp_keep(p, i))
		return -1;
	return (int64_t)kp_bucket(p, t) * p->ng + (p->seg ? p->seg[i] : 0);
}

/* The first bucket whose end is after t: 0 before the window, nb from its
 * end on (and for a missing instant). */
static inline uint32_t
kp_after(const struct kpass *p, uint32_t t)
{
	if (t < p->edge[0])
		return 0;
	if (t >= p->edge[p->nb])
		return p->nb;
	return kp_bucket(p, t);
}

/* The duration from a to b in seconds, in business time when asked. */
static inline uint32_t
kp_dur(const struct kctx *k, uint32_t a, uint32_t b)
{
	if (k->biz != NULL)
		return (uint32_t)bizcal_seconds(k->biz, a, b);
	return b - a;
}

/* The placement of another dataset's records in the same cells (the
 * same window, buckets, segment and filters): training's active agents
 * come from interactions. */
enum err_code	kpi_kpass(const struct kctx *, enum ds, struct kpass *);

/* The passes: fill k's accumulators for k->id. */
enum err_code	kpi_pass_ix(struct kctx *);
enum err_code	kpi_pass_voice(struct kctx *);

#endif /* KPI_KPI_INT_H */
