/*
 * gen-priv.h: what the generator's files share (gen.c runs it and writes
 * files, gen-contact.c makes interactions, surveys and QA reviews,
 * gen-people.c the agents, customers, training and KB audits).
 *
 * Speed is the point of most of this header: make bench writes 10 M
 * interactions, so rows are formatted by hand into a large buffer
 * (no printf), numbers through a two-digit table, dates through a
 * per-day cache of "YYYY-MM-DDT", and randomness comes from
 * xoshiro256++ seeded through splitmix64 (both public-domain algorithms
 * by Blackman and Vigna, written out here from their description).
 *
 * Ownership: struct gen_ctx owns its tables (gen_ctx_init/release);
 * a struct gen_w owns its buffer.
 */
#ifndef IMPORT_GEN_PRIV_H
#define IMPORT_GEN_PRIV_H

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "import/gen.h"

#define GEN_NONE	INT64_MIN	/* a missing time or duration */
#define GEN_ROW_MAX	2048		/* no row is longer than this */
#define GEN_BUF_SIZE	((size_t)1 << 20)
#define GEN_DAY		86400
#define GEN_BH_OPEN	(8 * 3600)	/* business hours: 08:00-18:00 */
#define GEN_BH_CLOSE	(18 * 3600)

/* Independent random streams: one per kind of thing generated. */
enum gen_stream {
	GEN_S_CONTACT = 1, GEN_S_DAY, GEN_S_CUSTOMER, GEN_S_AGENT,
	GEN_S_TRAINING, GEN_S_KB
};

struct gen_rng {
	uint64_t	 s[4];
	double		 spare;		/* the second normal of a pair */
	int		 has_spare;
};

static inline uint64_t
gen_splitmix(uint64_t *x)
{
	uint64_t	 z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* The stream of item i of kind stream under seed. */
static inline void
gen_rng_seed(struct gen_rng *r, uint64_t seed, enum gen_stream stream,
    uint64_t i)
{
	uint64_t	 x = seed ^ ((uint64_t)stream << 56);

	x = gen_splitmix(&x) + i;
	x = gen_splitmix(&x);
	for (int k = 0; k < 4; k++)
		r->s[k] = gen_splitmix(&x);
	r->has_spare = 0;
}

static inline uint64_t
gen_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t
gen_next(struct gen_rng *r)
{
	uint64_t	*s = r->s;
	uint64_t	 out = gen_rotl(s[0] + s[3], 23) + s[0];
	uint64_t	 t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = gen_rotl(s[3], 45);
	return out;
}

/* Uniform in [0, 1). */
static inline double
gen_unif(struct gen_rng *r)
{
	return (double)(gen_next(r) >> 11) * 0x1.0p-53;
}

/* Uniform in [0, n), n < 2^32 (Lemire's multiply; the bias is < 2^-32). */
static inline uint32_t
gen_below(struct gen_rng *r, uint32_t n)
{
	return (uint32_t)(((gen_next(r) >> 32) * n) >> 32);
}

/* 1 with probability p. */
static inline int
gen_chance(struct gen_rng *r, double p)
{
	return gen_unif(r) < p;
}

/* Standard normal (Marsaglia's polar method, two at a time). */
static inline double
gen_normal(struct gen_rng *r)
{
	double	 u, v, s, f;

	if (r->has_spare) {
		r->has_spare = 0;
		return r->spare;
	}
	do {
		u = 2 * gen_unif(r) - 1;
		v = 2 * gen_unif(r) - 1;
		s = u * u + v * v;
	} while (s >= 1 || s == 0);
	f = sqrt(-2 * log(s) / s);
	r->spare = v * f;
	r->has_spare = 1;
	return u * f;
}

/* Log-normal with the given median and sigma (of the log). */
static inline double
gen_lognormal(struct gen_rng *r, double median, double sigma)
{
	return median * exp(sigma * gen_normal(r));
}

/* Exponential with the given mean. */
static inline double
gen_exponential(struct gen_rng *r, double mean)
{
	return -mean * log(1 - gen_unif(r));
}

/* floor(a / b) for b > 0. */
static inline int64_t
gen_floordiv(int64_t a, int64_t b)
{
	int64_t	 q = a / b;

	return (a % b != 0 && a < 0) ? q - 1 : q;
}

/* Day of the week of a day number (days since 1970-01-01): 0 Monday. */
static inline int
gen_weekday(int64_t day)
{
	int64_t	 w = (day + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

/* t plus secs of business time (Mon-Fri 08:00-18:00 UTC). */
int64_t	gen_biz_add(int64_t t, int64_t secs);
/* Is t inside business hours? */
int	gen_biz_open(int64_t t);

/* ---- output ---------------------------------------------------------- */

/* One dataset's output buffer: rows are formatted straight into it. */
struct gen_w {
	char			*buf;
	size_t			 len;
	const struct gen_out	*out;		/* NULL: not selected */
	int64_t			 rows;
	enum err_code		 rc;		/* sticky */
	struct err		*e;
};

enum err_code	gen_w_flush(struct gen_w *);

/* A cursor with room for one row, or NULL when the dataset is not
 * selected or an earlier write failed. */
static inline char *
gen_w_row(struct gen_w *w)
{
	if (w->out == NULL || w->rc != ERR_OK)
		return NULL;
	if (w->len > GEN_BUF_SIZE - GEN_ROW_MAX && gen_w_flush(w) != ERR_OK)
		return NULL;
	return w->buf + w->len;
}

/* End the row that ends at p. */
static inline void
gen_w_end(struct gen_w *w, char *p)
{
	*p++ = '\n';
	w->len = (size_t)(p - w->buf);
	w->rows++;
}

extern const char gen_digits2[201];

static inline char *
gen_put_u(char *p, uint64_t v)
{
	char	 tmp[24], *t = tmp + sizeof(tmp);
	size_t	 n;

	while (v >= 100) {
		t -= 2;
		memcpy(t, gen_digits2 + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10) {
		t -= 2;
		memcpy(t, gen_digits2 + 2 * v, 2);
	} else
		*--t = (char)('0' + v);
	n = (size_t)(tmp + sizeof(tmp) - t);
	memcpy(p, t, n);
	return p + n;
}

static inline char *
gen_put_i(char *p, int64_t v)
{
	if (v < 0) {
		*p++ = '-';
		return gen_put_u(p, (uint64_t)0 - (uint64_t)v);
	}
	return gen_put_u(p, (uint64_t)v);
}

/* v zero-padded to at least width digits (width <= 20). */
static inline char *
gen_put_pad(char *p, uint64_t v, int width)
{
	char	 tmp[24], *t = tmp + sizeof(tmp);
	size_t	 n;

	do {
		*--t = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (tmp + sizeof(tmp) - t < width)
		*--t = '0';
	n = (size_t)(tmp + sizeof(tmp) - t);
	memcpy(p, t, n);
	return p + n;
}

/* A string that needs no quoting (the generator's own names). */
static inline char *
gen_put_s(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	return p + n;
}

#define GEN_PUT_LIT(p, lit)	gen_put_s((p), (lit), sizeof(lit) - 1)

/* Any text, quoted per RFC 4180 when it holds , " CR or LF. */
char	*gen_put_csv(char *p, const char *s);

static inline char *
gen_put_bool(char *p, int b)
{
	return b ? GEN_PUT_LIT(p, "true") : GEN_PUT_LIT(p, "false");
}

/* "YYYY-MM-DDT" of each day of the window, for fast time formatting. */
struct gen_dates {
	int64_t		 day0;
	int64_t		 ndays;
	char		(*s)[11];
};

void	gen_date_slow(int64_t day, char out[11]);

/* t as 2026-10-01T09:12:33Z. */
static inline char *
gen_put_time(char *p, const struct gen_dates *d, int64_t t)
{
	int64_t	 day = gen_floordiv(t, GEN_DAY);
	int64_t	 sod = t - day * GEN_DAY;

	if (day >= d->day0 && day - d->day0 < d->ndays)
		memcpy(p, d->s[day - d->day0], 11);
	else
		gen_date_slow(day, p);
	p += 11;
	memcpy(p, gen_digits2 + 2 * (sod / 3600), 2);
	p[2] = ':';
	memcpy(p + 3, gen_digits2 + 2 * (sod / 60 % 60), 2);
	p[5] = ':';
	memcpy(p + 6, gen_digits2 + 2 * (sod % 60), 2);
	p[8] = 'Z';
	return p + 9;
}

/* A time or nothing, then a comma. */
static inline char *
gen_put_time_opt(char *p, const struct gen_dates *d, int64_t t)
{
	if (t != GEN_NONE)
		p = gen_put_time(p, d, t);
	*p++ = ',';
	return p;
}

/* ---- the shared context --------------------------------------------- */

struct gen_team {
	char		 name[32];
	size_t		 namelen;
	double		 cum;		/* cumulative volume share */
	double		 escalation;	/* escalation rate */
	int		 home;		/* home category, -1 none */
	int		 agent0;	/* first agent of the team */
	int		 nagents;
};

struct gen_ctx {
	const struct gen_opts	*o;
	int64_t			 now;		/* = o->to */
	int64_t			 nhours;
	double			*cum;		/* nhours + 1 cumulative weights */
	struct gen_dates	 dates;
	struct gen_team		 teams[GEN_TEAMS_MAX];
	int			 nteams;
	int			 nagents;
	int			 nreviewers;
	int64_t			 ncustomers;
	int64_t			 narticles;
};

/* The interactions, with their surveys and QA reviews. */
enum err_code	gen_contacts(const struct gen_ctx *, struct gen_w *ix,
		    struct gen_w *sv, struct gen_w *qa);
/* The team of agent a. */
int		gen_agent_team(const struct gen_ctx *, int a);
/* The QA skill of agent a, in [-1, 1]. */
double		gen_agent_skill(const struct gen_ctx *, int a);
/* Customer j's start and churn (GEN_NONE: still a customer at now). */
void		gen_customer(const struct gen_ctx *, int64_t j, int64_t *start,
		    int64_t *churn);
/* IDs: "A00042" etc. */
char		*gen_put_agent(char *p, int a);
char		*gen_put_customer(char *p, int64_t j);

enum err_code	gen_agents_write(const struct gen_ctx *, struct gen_w *);
enum err_code	gen_customers_write(const struct gen_ctx *, struct gen_w *);
enum err_code	gen_training_write(const struct gen_ctx *, struct gen_w *);
enum err_code	gen_kb_write(const struct gen_ctx *, struct gen_w *);

#endif /* IMPORT_GEN_PRIV_H */
