/*
 * pct.c: exact percentiles by quickselect, and the Wilson interval.  See
 * pct.h.
 *
 * One selection algorithm, written once as a macro and instantiated for
 * double (the generic API) and uint32_t (the engine keeps durations as
 * whole seconds: half the memory and faster compares than double).
 *
 * Quickselect with Hoare partitioning around the median of three samples:
 * equal keys stop both scans, so a column of identical durations (common:
 * many calls answered in 0 s) still splits in the middle instead of
 * degrading to O(n^2).  After the k-th value is in place, the (k+1)-th of
 * the linear method is the minimum of the part to its right, an O(n) scan
 * rather than a second selection.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "kpi/pct.h"

#define PCT_SELECT(name, T)						\
static void								\
name(T *v, size_t n, size_t k)						\
{									\
	size_t	 lo = 0, hi = n - 1;					\
									\
	while (hi > lo) {						\
		size_t	 mid = lo + (hi - lo) / 2, i, j;		\
		T	 a = v[lo], b = v[mid], c = v[hi], piv, tmp;	\
									\
		/* median of three */					\
		piv = a < b ? (b < c ? b : (a < c ? c : a)) :		\
		    (a < c ? a : (b < c ? c : b));			\
		i = lo;							\
		j = hi;							\
		for (;;) {						\
			while (v[i] < piv)				\
				i++;					\
			while (piv < v[j])				\
				j--;					\
			if (i >= j)					\
				break;					\
			tmp = v[i];					\
			v[i] = v[j];					\
			v[j] = tmp;					\
			i++;						\
			j--;						\
		}							\
		/* v[lo..j] <= piv <= v[j+1..hi] */			\
		if (k <= j)						\
			hi = j;						\
		else							\
			lo = j + 1;					\
	}								\
}

PCT_SELECT(select_dbl, double)
PCT_SELECT(select_u32, uint32_t)

#define PCT_QUANTILE(name, sel, T)					\
double									\
name(T *v, size_t n, double p, enum pct_method m)			\
{									\
	double	 h, lo, hi;						\
	size_t	 k, i;							\
	T	 next;							\
									\
	if (n == 0 || !(p >= 0 && p <= 1))				\
		return NAN;						\
	if (m == PCT_NEAREST) {						\
		/* ceil(n p) - 1, with a hair of slack so that	*/	\
		/* 0.9 * 10 (9.000000000000002) is rank 9	*/	\
		h = ceil((double)n * p - 1e-9);				\
		k = h < 1 ? 0 : (size_t)h - 1;				\
		if (k >= n)						\
			k = n - 1;					\
		sel(v, n, k);						\
		return (double)v[k];					\
	}								\
	h = (double)(n - 1) * p;					\
	k = (size_t)floor(h);						\
	if (k >= n - 1) {						\
		sel(v, n, n - 1);					\
		return (double)v[n - 1];				\
	}								\
	sel(v, n, k);							\
	lo = (double)v[k];						\
	if (h == (double)k)						\
		return lo;						\
	next = v[k + 1];						\
	for (i = k + 2; i < n; i++)					\
		if (v[i] < next)					\
			next = v[i];					\
	hi = (double)next;						\
	return lo + (h - (double)k) * (hi - lo);			\
}

PCT_QUANTILE(pct_quantile, select_dbl, double)
PCT_QUANTILE(pct_quantile_u32, select_u32, uint32_t)

void
pct_wilson(double num, double den, double *lo, double *hi)
{
	const double	 z = 1.959963984540054;	/* the 97.5% normal quantile */
	double		 p, z2n, mid, half, d;

	if (!(den > 0)) {
		*lo = *hi = NAN;
		return;
	}
	p = num / den;
	z2n = z * z / den;
	d = 1 + z2n;
	mid = p + z2n / 2;
	half = z * sqrt(p * (1 - p) / den + z2n / (4 * den));
	*lo = (mid - half) / d;
	*hi = (mid + half) / d;
	if (*lo < 0)
		*lo = 0;
	if (*hi > 1)
		*hi = 1;
}
