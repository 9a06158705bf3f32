/*
 * lint_test.h: what the lint tests share (test_lint.c, the structure
 * rules and the document; test_lint_kpi.c, the rules on a KPI's data):
 * running lint on okr_test.h's workspace, finding a finding and its
 * numbers, key results with every field the rules read.
 */
#ifndef TESTS_LINT_TEST_H
#define TESTS_LINT_TEST_H

#ifndef NEAR	/* as kpi_test.h's, for the tests that need no KPI data */
#define NEAR(a, b)	assert_true(fabs((double)(a) - (double)(b)) < 1e-9)
#endif

struct run {
	struct cycle_eval	 ce;
	struct lint_finding	*v;
	size_t			 n;
};

/* Lint 2026-Q4 at NOW; snap may be NULL. */
static inline void
lint(struct fx *f, const struct snap *snap, struct run *r)
{
	assert_ok(f, eval_cycle(f->o, NULL, NOW, &f->a, &r->ce, &f->e));
	assert_ok(f, lint_run(f->o, &r->ce, snap, &f->a, &r->v, &r->n,
	    &f->e));
}

/* The finding with code about ref, or NULL. */
static inline const struct lint_finding *
find(const struct run *r, const char *code, const char *ref)
{
	size_t	 i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i].code, code) == 0 &&
		    strcmp(r->v[i].ref, ref) == 0)
			return &r->v[i];
	return NULL;
}

static inline size_t
count(const struct run *r, const char *code)
{
	size_t	 i, n = 0;

	for (i = 0; i < r->n; i++)
		n += strcmp(r->v[i].code, code) == 0;
	return n;
}

/* The number called name in a finding's data (NAN if absent). */
static inline double
datum(const struct lint_finding *x, const char *name)
{
	size_t	 i;

	for (i = 0; i < x->ndata; i++)
		if (strcmp(x->data[i].name, name) == 0)
			return x->data[i].num;
	return NAN;
}

/* A key result with every field the rules read. */
static inline enum err_code
kr(struct fx *f, const char *obj, const char *key, const char *title,
    int kind, const char *unit, double b, double t, double lo, double hi)
{
	struct kr	 k;

	kr_init(&k, obj, key);
	k.title = (char *)title;
	k.kind = kind;
	k.unit = (char *)unit;
	k.baseline = b;
	k.target = t;
	k.low = lo;
	k.high = hi;
	return kr_add(f->o, &k, &f->e);
}

/* A key result fed by a KPI. */
static inline enum err_code
kpi_kr(struct fx *f, const char *obj, const char *key, const char *title,
    int kind, const char *unit, double b, double t, const char *kpi,
    const char *kpi_baseline)
{
	struct kr	 k;

	kr_init(&k, obj, key);
	k.title = (char *)title;
	k.kind = kind;
	k.unit = (char *)unit;
	k.baseline = b;
	k.target = t;
	k.kpi = (char *)kpi;
	k.kpi_baseline = (char *)kpi_baseline;
	return kr_add(f->o, &k, &f->e);
}

/* A good key result: baseline, target, unit, a number in its title. */
static inline enum err_code
good_kr(struct fx *f, const char *obj, const char *key)
{
	return kr(f, obj, key, "NPS from 20 to 40", KR_INCREASE, "NPS", 20,
	    40, NAN, NAN);
}

#endif /* TESTS_LINT_TEST_H */
