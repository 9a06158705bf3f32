/*
 * progress_test.h: fixtures shared by the progress math tests
 * (test_progress.c, test_progress_eval.c).
 *
 * Times are fixed epoch seconds with 86400-second days: the cycle used most
 * is Q4 2026, 2026-10-01T00:00:00Z (1790812800) to 2027-01-01T00:00:00Z
 * (92 days: 13 weeks and one day).
 */
#ifndef TESTS_PROGRESS_TEST_H
#define TESTS_PROGRESS_TEST_H
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "okr/progress.h"

#define DAY	((int64_t)86400)
#define WEEK	(7 * DAY)
#define S	((int64_t)1790812800)	/* 2026-10-01T00:00:00Z */
#define Q_END	(S + 92 * DAY)		/* 2027-01-01T00:00:00Z */
#define TOL	1e-12
#define NPTS(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * cmocka 1.1's assert_float_equal() goes through float, far too coarse
 * for 1e-12, so doubles are compared here, reporting the caller's line.
 */
static inline void
assert_near_at(double got, double want, double tol, const char *expr,
    const char *file, int line)
{

	if (isnan(got) || isnan(want) || fabs(got - want) > tol) {
		print_error("%s = %.17g, want %.17g (within %g)\n",
		    expr, got, want, tol);
		_fail(file, line);
	}
}

#define assert_near(got, want, tol) \
	assert_near_at((got), (want), (tol), #got, __FILE__, __LINE__)
#define assert_nan(x)	assert_true(isnan(x))

/* A non-manual increase/decrease KR with the DESIGN.md defaults. */
static inline struct progress_kr
linear_kr(enum kr_kind kind, double b, double t,
    const struct progress_point *pts, size_t npts)
{
	struct progress_kr kr;

	memset(&kr, 0, sizeof(kr));
	kr.kind = kind;
	kr.baseline = b;
	kr.target = t;
	kr.low = kr.high = NAN;
	kr.weight = 1.0;
	kr.cadence = 7 * DAY;
	kr.grace = 3 * DAY;
	kr.pts = pts;
	kr.npts = npts;
	return kr;
}

static inline struct progress_kr
band_kr(double low, double high, const struct progress_point *pts,
    size_t npts)
{
	struct progress_kr kr;

	kr = linear_kr(KR_BAND, NAN, NAN, pts, npts);
	kr.low = low;
	kr.high = high;
	return kr;
}

static inline struct progress_kr
value_kr(enum kr_kind kind, const struct progress_point *pts, size_t npts)
{

	return linear_kr(kind, NAN, NAN, pts, npts);
}

/* A hand-made KR evaluation, for roll-up tests. */
static inline struct progress_eval
eval_of(double progress, double expected, enum okr_status status)
{
	struct progress_eval ev;

	memset(&ev, 0, sizeof(ev));
	ev.current = ev.raw = ev.progress = progress;
	ev.expected = expected;
	ev.status = status;
	ev.forecast_value = ev.forecast_progress = NAN;
	return ev;
}

#endif /* TESTS_PROGRESS_TEST_H */
