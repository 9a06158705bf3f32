/*
 * test_pct.c: exact percentiles (linear type 7 and nearest rank) and the
 * Wilson interval.  Every expected value is worked out by hand in a
 * comment from the sorted values.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "kpi/pct.h"

#define NEAR(a, b)	assert_true(fabs((a) - (b)) < 1e-9)

static void
test_pct_linear_odd_n_median_is_the_middle_value(void **state)
{
	/* sorted 10 20 30 40 50: h = 4 x 0.5 = 2 -> 30 */
	double	 v[] = { 50, 10, 40, 30, 20 };

	(void)state;
	NEAR(pct_quantile(v, 5, 0.5, PCT_LINEAR), 30);
}

static void
test_pct_linear_even_n_interpolates_between_the_middle_two(void **state)
{
	/* sorted 10 20 30 40: h = 3 x 0.5 = 1.5 -> 20 + 0.5 x 10 = 25 */
	double	 v[] = { 40, 10, 30, 20 };
	/* p90 of the same: h = 2.7 -> 30 + 0.7 x 10 = 37 */
	double	 w[] = { 40, 10, 30, 20 };

	(void)state;
	NEAR(pct_quantile(v, 4, 0.5, PCT_LINEAR), 25);
	NEAR(pct_quantile(w, 4, 0.9, PCT_LINEAR), 37);
}

static void
test_pct_nearest_rank_even_and_odd_n(void **state)
{
	/* n = 4, p = 0.5: rank ceil(2) = 2 -> 20; p = 0.9: ceil(3.6) = 4 -> 40 */
	double	 a[] = { 40, 10, 30, 20 }, b[] = { 40, 10, 30, 20 };
	/* n = 5, p = 0.5: ceil(2.5) = 3 -> 30; n = 10, p = 0.9: rank 9 */
	double	 c[] = { 50, 10, 40, 30, 20 };
	double	 d[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

	(void)state;
	NEAR(pct_quantile(a, 4, 0.5, PCT_NEAREST), 20);
	NEAR(pct_quantile(b, 4, 0.9, PCT_NEAREST), 40);
	NEAR(pct_quantile(c, 5, 0.5, PCT_NEAREST), 30);
	NEAR(pct_quantile(d, 10, 0.9, PCT_NEAREST), 9);
}

static void
test_pct_ends_single_value_and_empty(void **state)
{
	double	 v[] = { 3, 1, 2 }, w[] = { 3, 1, 2 }, one[] = { 7 };

	(void)state;
	NEAR(pct_quantile(v, 3, 0, PCT_LINEAR), 1);
	NEAR(pct_quantile(w, 3, 1, PCT_LINEAR), 3);
	NEAR(pct_quantile(one, 1, 0.9, PCT_LINEAR), 7);
	assert_true(isnan(pct_quantile(v, 0, 0.5, PCT_LINEAR)));
	assert_true(isnan(pct_quantile(v, 3, 1.5, PCT_LINEAR)));
}

/* Against a sorted copy on many sizes, duplicates included. */
static int
cmp_u32(const void *a, const void *b)
{
	uint32_t	 x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

static void
test_pct_u32_matches_the_sorted_definition_with_duplicates(void **state)
{
	uint32_t	 v[257], s[257], x = 12345;
	double		 h, want;
	size_t		 n, k;
	const double	 ps[] = { 0, 0.1, 0.5, 0.9, 0.99, 1 };

	(void)state;
	for (n = 1; n <= 257; n += 8)
		for (size_t pi = 0; pi < 6; pi++) {
			for (size_t i = 0; i < n; i++) {
				x = x * 1103515245u + 12345u;
				s[i] = v[i] = (x >> 16) % 40;	/* many ties */
			}
			qsort(s, n, sizeof(*s), cmp_u32);
			h = (double)(n - 1) * ps[pi];
			k = (size_t)floor(h);
			want = k + 1 < n ? s[k] + (h - (double)k) *
			    ((double)s[k + 1] - s[k]) : s[k];
			NEAR(pct_quantile_u32(v, n, ps[pi], PCT_LINEAR), want);
		}
}

static void
test_pct_wilson_interval_by_hand(void **state)
{
	/*
	 * 8 of 10, z = 1.959964: z^2/n = 0.3841459, d = 1 + z^2/n = 1.3841459;
	 * centre = p + z^2/2n = 0.8 + 0.1920729 = 0.9920729;
	 * half = z sqrt(p(1-p)/n + z^2/4n^2) = z sqrt(0.016 + 0.0096036)
	 *      = 1.959964 x 0.1600114 = 0.3136167;
	 * lo = (0.9920729 - 0.3136167) / 1.3841459 = 0.4901625,
	 * hi = (0.9920729 + 0.3136167) / 1.3841459 = 0.9433178.
	 */
	double	 lo, hi;

	(void)state;
	pct_wilson(8, 10, &lo, &hi);
	assert_true(fabs(lo - 0.4901625) < 1e-6);
	assert_true(fabs(hi - 0.9433178) < 1e-6);
	pct_wilson(0, 0, &lo, &hi);
	assert_true(isnan(lo) && isnan(hi));
	pct_wilson(0, 5, &lo, &hi);	/* never below 0 */
	assert_true(lo == 0 && hi > 0 && hi < 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_pct_linear_odd_n_median_is_the_middle_value),
		cmocka_unit_test(
		    test_pct_linear_even_n_interpolates_between_the_middle_two),
		cmocka_unit_test(test_pct_nearest_rank_even_and_odd_n),
		cmocka_unit_test(test_pct_ends_single_value_and_empty),
		cmocka_unit_test(
		    test_pct_u32_matches_the_sorted_definition_with_duplicates),
		cmocka_unit_test(test_pct_wilson_interval_by_hand),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
