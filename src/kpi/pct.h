/*
 * pct.h: exact percentiles and the Wilson interval.
 *
 * Percentiles are exact, never sketched: the values are selected in place
 * with quickselect (O(n) expected), not sorted, because the KPI engine asks
 * for p50 and p90 of every (bucket, group) cell of millions of durations.
 *
 * Two methods (KPIS.md, "percentiles"):
 *   linear (type 7, the default): h = (n - 1) p, the value
 *     x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]) of the sorted
 *     values; numpy's default, DuckDB quantile_cont, PostgreSQL
 *     percentile_cont.
 *   nearest rank: x[ceil(n p) - 1] (x[0] when p = 0); PostgreSQL
 *     percentile_disc.
 *
 * Ownership: the arrays are borrowed and reordered in place.
 */
#ifndef KPI_PCT_H
#define KPI_PCT_H

#include <stddef.h>
#include <stdint.h>

enum pct_method { PCT_LINEAR, PCT_NEAREST, PCT__MAX };

/* The p-quantile (0 <= p <= 1) of v[0..n); reorders v.  NAN when n is 0
 * or p is outside [0, 1]. */
double	pct_quantile(double *v, size_t n, double p, enum pct_method);
/* The same over whole seconds (the engine's durations). */
double	pct_quantile_u32(uint32_t *v, size_t n, double p, enum pct_method);

/*
 * The 95% Wilson score interval of a proportion num/den (0 <= num <= den):
 * lo and hi within [0, 1].  Both NAN when den is 0.
 */
void	pct_wilson(double num, double den, double *lo, double *hi);

#endif /* KPI_PCT_H */
