/*
 * gen_test.h: what the generator's two test programs share: capturing the
 * generator's output in memory, a small RFC 4180 reader written here to
 * read it back independently of okrdesk's importer, and the sample both
 * measure (seed 7, 40,000 interactions over 2026-07-01..2026-12-31, 8
 * teams, 60 agents), loaded once per program as records of the dataset
 * catalog with every row checked (native shape, ds_validate).
 *
 * Everything here is static inline: each test program uses a part.
 */
#ifndef TESTS_GEN_TEST_H
#define TESTS_GEN_TEST_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/parse.h"
#include "import/gen-priv.h"
#include "import/gen.h"
#define FROM	INT64_C(1782864000)	/* 2026-07-01T00:00:00Z, Wednesday */
#define TO	INT64_C(1798761600)	/* 2027-01-01T00:00:00Z */
#define DAYS	184
#define ROWS	40000
#define DAY	INT64_C(86400)

/* ---- capture and read back --------------------------------------------- */

static inline enum err_code
to_buf(void *arg, const char *p, size_t n, struct err *e)
{
	struct buf	*b = arg;

	buf_add(b, p, n);
	return buf_error(b) == ERR_OK ? ERR_OK :
	    err_set(e, buf_error(b), "capture buffer full");
}

/* Run the generator into bufs[] (released by the caller). */
static inline enum err_code
run(const struct gen_opts *o, struct buf bufs[DS__MAX],
    int64_t counts[DS__MAX])
{
	struct gen_out	 out[DS__MAX];

	for (int d = 0; d < DS__MAX; d++) {
		buf_init(&bufs[d], (size_t)1 << 30);
		out[d].write = to_buf;
		out[d].arg = &bufs[d];
	}
	return gen_run(o, out, counts, NULL);
}

static inline void
release(struct buf bufs[DS__MAX])
{
	for (int d = 0; d < DS__MAX; d++)
		buf_release(&bufs[d]);
}

/* One CSV record of *pp into f[] (arena strings); the count of fields,
 * 0 at the end of the text. */
static inline int
csv_record(const char **pp, char **f, int max, struct arena *a)
{
	static char	 tmp[8192];
	const char	*p = *pp;
	size_t		 n;
	int		 nf = 0;

	if (*p == '\0')
		return 0;
	for (;;) {
		n = 0;
		if (*p == '"') {
			for (p++; *p != '\0'; p++) {
				if (*p == '"' && p[1] == '"')
					p++;
				else if (*p == '"')
					break;
				tmp[n++] = *p;
			}
			if (*p == '"')
				p++;
		} else
			while (*p != ',' && *p != '\n' && *p != '\0')
				tmp[n++] = *p++;
		tmp[n] = '\0';
		if (nf < max)
			f[nf] = arena_strdup(a, tmp);
		nf++;
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p == '\n')
			p++;
		*pp = p;
		return nf;
	}
}

struct table {
	size_t		 n;
	struct ds_rec	*rows;
	char		 header[1024];
	size_t		 bad;		/* rows that do not parse or validate */
	char		 why[ERR_MSG_MAX + 200];
};

/* Is s exactly YYYY-MM-DDTHH:MM:SSZ? */
static inline int
native_time(const char *s)
{
	static const char	 shape[] = "dddd-dd-ddTdd:dd:ddZ";

	if (strlen(s) != sizeof(shape) - 1)
		return 0;
	for (size_t i = 0; shape[i] != '\0'; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') :
		    s[i] != shape[i])
			return 0;
	return 1;
}

/* One field's text as a value of its type; -1 when it is not in the
 * native shape. */
static inline int
field_value(struct ds_rec *r, int f, enum dt t, const char *s)
{
	int64_t	 i;
	double	 x;

	if (*s == '\0')
		return 0;		/* missing */
	switch (t) {
	case DT_TEXT:
		ds_set_text(r, f, s);
		return 0;
	case DT_TIME:
		if (!native_time(s) || parse_time(s, &i, NULL) != ERR_OK)
			return -1;
		ds_set_int(r, f, i);
		return 0;
	case DT_DUR:	/* whole seconds */
		if (parse_int(s, INT64_MIN, INT64_MAX, &i, NULL) != ERR_OK)
			return -1;
		ds_set_real(r, f, (double)i);
		return 0;
	case DT_INT:
		if (parse_int(s, INT64_MIN, INT64_MAX, &i, NULL) != ERR_OK)
			return -1;
		ds_set_int(r, f, i);
		return 0;
	case DT_NUM:
		if (parse_number(s, &x, NULL) != ERR_OK)
			return -1;
		ds_set_real(r, f, x);
		return 0;
	case DT_BOOL:
		if (strcmp(s, "true") != 0 && strcmp(s, "false") != 0)
			return -1;
		ds_set_int(r, f, s[0] == 't');
		return 0;
	}
	return -1;
}

/* Read a whole generated file back into records, checking each. */
static inline void
load(struct table *t, enum ds d, const struct buf *b, struct arena *a)
{
	const struct ds_info	*di = &ds_info[d];
	const char		*p = buf_cstr(b), *nl;
	char			*f[64];
	struct err		 e;
	size_t			 cap = 0;
	int			 nf;

	memset(t, 0, sizeof(*t));
	nl = strchr(p, '\n');
	assert_non_null(nl);
	assert_true((size_t)(nl - p) < sizeof(t->header));
	memcpy(t->header, p, (size_t)(nl - p));
	p = nl + 1;
	while ((nf = csv_record(&p, f, 64, a)) > 0) {
		struct ds_rec	*r = ARENA_PUSH(a, t->rows, t->n, cap);

		assert_non_null(r);
		ds_rec_clear(r, d);
		if (nf != di->nfields) {
			if (t->bad++ == 0)
				snprintf(t->why, sizeof(t->why), "row %zu: %d "
				    "fields", t->n, nf);
			continue;
		}
		for (int k = 0; k < nf; k++)
			if (field_value(r, k, di->fields[k].type, f[k]) != 0 &&
			    t->bad++ == 0)
				snprintf(t->why, sizeof(t->why), "row %zu: %s "
				    "\"%s\" is not native", t->n,
				    di->fields[k].name, f[k]);
		if (ds_validate(r, &e) != ERR_OK && t->bad++ == 0)
			snprintf(t->why, sizeof(t->why), "row %zu: %s: %s",
			    t->n, e.field, e.msg);
	}
}

/* ---- the shared sample ------------------------------------------------- */

static struct arena	 A = ARENA_INIT;
static struct table	 T[DS__MAX];
static int64_t		 N[DS__MAX];

static inline int
setup(void **state)
{
	struct gen_opts	 o;
	struct buf	 b[DS__MAX];

	(void)state;
	gen_defaults(&o);
	o.seed = 7;
	o.rows = ROWS;
	o.teams = 8;
	o.agents = 60;
	if (run(&o, b, N) != ERR_OK)
		return -1;
	for (int d = 0; d < DS__MAX; d++)
		load(&T[d], (enum ds)d, &b[d], &A);
	release(b);
	return arena_failed(&A) ? -1 : 0;
}

static inline int
teardown(void **state)
{
	(void)state;
	arena_release(&A);
	return 0;
}

#define IX	(&T[DS_INTERACTIONS])
#define SET(x_, f_)	((size_t)(x_)->v[f_].set)
#define I(x_, f_)	((x_)->v[f_].i)
#define R(x_, f_)	((x_)->v[f_].r)
#define S(x_, f_)	((x_)->v[f_].set ? (x_)->v[f_].s : "")

static inline int
is_ticket(const struct ds_rec *r)
{
	const char	*ch = S(r, IX_CHANNEL);

	return strcmp(ch, "email") == 0 || strcmp(ch, "web") == 0 ||
	    strcmp(ch, "social") == 0;
}

/* Four standard errors of a share p measured on n items. */
static inline double
tol4(double p, size_t n)
{
	return 4 * sqrt(p * (1 - p) / (double)n);
}

static inline int
weekday(int64_t t)
{
	return (int)((t / DAY + 3) % 7);	/* 0 Monday */
}

static inline int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The interaction a survey or review names ("T000000123" is row 122). */
static inline const struct ds_rec *
interaction_of(const char *id)
{
	long	 k;

	assert_int_equal(id[0], 'T');
	k = strtol(id + 1, NULL, 10) - 1;
	assert_true(k >= 0 && (size_t)k < IX->n);
	return &IX->rows[k];
}

#endif /* TESTS_GEN_TEST_H */
