/*
 * gen.c: the synthetic data generator's driver: options, the shared
 * context (arrival intensity, date cache, teams), business time, the
 * output buffers and the files.  The rows themselves are made in
 * gen-contact.c (interactions, surveys, QA) and gen-people.c (agents,
 * customers, training, KB audits).  See gen.h for the model.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/parse.h"
#include "import/gen-priv.h"

const char gen_digits2[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "6869707172737475767778798081828384858687888990919293949596979899";

/* Volume by hour of day (UTC) and by day of the week (Monday first). */
static const double hour_weight[24] = {
	1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 10,
	8, 9, 10, 10, 9, 7, 5, 4, 3, 3, 2, 1 };
static const double weekday_weight[7] = {
	1.15, 1.10, 1.05, 1.00, 0.95, 0.45, 0.35 };

/* The named teams; more are "Team N".  Home categories index the table
 * in gen-contact.c (0 billing, 1 technical, 2 account, 4 returns). */
static const struct {
	const char	*name;
	double		 weight, escalation;
	int		 home;
} team_tab[] = {
	{ "Tier 1",	 40, 0.14, -1 },
	{ "Tier 2",	 15, 0.01, -1 },
	{ "Billing",	 15, 0.05, 0 },
	{ "Technical",	 12, 0.05, 1 },
	{ "Onboarding",	  8, 0.05, 2 },
	{ "Returns",	  8, 0.05, 4 },
	{ "Enterprise",	  6, 0.05, -1 },
	{ "Social Care", 6, 0.05, -1 },
};
#define NTEAM_TAB	((int)(sizeof(team_tab) / sizeof(team_tab[0])))

void
gen_defaults(struct gen_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->seed = 1;
	o->rows = 10000;
	o->from = INT64_C(1782864000);		/* 2026-07-01T00:00:00Z */
	o->to = INT64_C(1798761600);		/* 2027-01-01T00:00:00Z */
	o->teams = 5;
	o->agents = 0;
	o->datasets = GEN_ALL;
}

enum err_code
gen_check(const struct gen_opts *o, struct err *e)
{
	int64_t	 days;

	if (o->rows < 1 || o->rows > INT64_C(1000000000000))
		return err_setf(e, ERR_INVAL, "rows", "rows must be from 1 to "
		    "10^12, got %lld", (long long)o->rows);
	if (o->from % GEN_DAY != 0 || o->to % GEN_DAY != 0)
		return err_setf(e, ERR_INVAL, "from", "the window must start "
		    "and end at midnight UTC");
	days = (o->to - o->from) / GEN_DAY;
	if (days < 1 || days > GEN_DAYS_MAX)
		return err_setf(e, ERR_INVAL, "to", "the window must last "
		    "from 1 to %d days, got %lld", GEN_DAYS_MAX,
		    (long long)days);
	if (o->teams < 1 || o->teams > GEN_TEAMS_MAX)
		return err_setf(e, ERR_INVAL, "teams", "teams must be from 1 "
		    "to %d, got %d", GEN_TEAMS_MAX, o->teams);
	if (o->agents != 0 && (o->agents < o->teams ||
	    o->agents > GEN_AGENTS_MAX))
		return err_setf(e, ERR_INVAL, "agents", "agents must be from "
		    "%d (one a team) to %d, got %d", o->teams, GEN_AGENTS_MAX,
		    o->agents);
	if ((o->datasets & GEN_ALL) == 0 || (o->datasets & ~GEN_ALL) != 0)
		return err_setf(e, ERR_INVAL, "datasets", "choose at least "
		    "one dataset");
	return ERR_OK;
}

int
gen_agents(const struct gen_opts *o)
{
	int64_t	 n;

	if (o->agents > 0)
		return o->agents;
	n = o->rows / 2500;
	if (n > 5000)
		n = 5000;
	if (n < 2 * o->teams)
		n = 2 * o->teams;
	return (int)n;
}

int64_t
gen_customers(const struct gen_opts *o)
{
	int64_t	 days = (o->to - o->from) / GEN_DAY, n;

	/* 75% of customers are active at a time, each making 0.67 contacts
	 * a month: rows / months / 0.5 customers. */
	n = (o->rows * 60 + days - 1) / days;
	return n < 20 ? 20 : n;
}

const char *
gen_team_name(int t, char *tmp, size_t sz)
{
	if (t >= 0 && t < NTEAM_TAB)
		return team_tab[t].name;
	snprintf(tmp, sz, "Team %d", t + 1);
	return tmp;
}

/* ---- business time --------------------------------------------------- */

int
gen_biz_open(int64_t t)
{
	int64_t	 day = gen_floordiv(t, GEN_DAY), sod = t - day * GEN_DAY;

	return gen_weekday(day) < 5 && sod >= GEN_BH_OPEN &&
	    sod < GEN_BH_CLOSE;
}

int64_t
gen_biz_add(int64_t t, int64_t secs)
{
	const int64_t	 week = 5 * (GEN_BH_CLOSE - GEN_BH_OPEN);
	int64_t		 day, sod, avail;
	int		 wd;

	for (;;) {
		day = gen_floordiv(t, GEN_DAY);
		sod = t - day * GEN_DAY;
		wd = gen_weekday(day);
		if (wd >= 5 || sod >= GEN_BH_CLOSE) {
			/* closed for the day: the next day's opening */
			t = (day + 1) * GEN_DAY + GEN_BH_OPEN;
			continue;
		}
		if (sod < GEN_BH_OPEN) {
			sod = GEN_BH_OPEN;
			t = day * GEN_DAY + sod;
		}
		avail = GEN_BH_CLOSE - sod;
		if (secs <= avail)
			return t + secs;
		secs -= avail;
		t = (day + 1) * GEN_DAY + GEN_BH_OPEN;
		/* Any 7 days from an opening hold exactly 5 business days:
		 * skip whole weeks of a long wait at once. */
		if (secs > week) {
			t += (secs / week) * 7 * GEN_DAY;
			secs %= week;
			if (secs == 0) {
				secs = week;
				t -= 7 * GEN_DAY;
			}
		}
	}
}

/* ---- formatting ------------------------------------------------------ */

void
gen_date_slow(int64_t day, char out[11])
{
	time_t		 t = (time_t)(day * GEN_DAY);
	struct tm	 tm;
	char		 tmp[32];

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(tmp, sizeof(tmp), "%Y-%m-%dT", &tm) != 11)
		memcpy(tmp, "0000-00-00T", 11);
	memcpy(out, tmp, 11);
}

char *
gen_put_csv(char *p, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL)
		return gen_put_s(p, s, strlen(s));
	*p++ = '"';
	for (; *s != '\0'; s++) {
		if (*s == '"')
			*p++ = '"';
		*p++ = *s;
	}
	*p++ = '"';
	return p;
}

/* ---- output ---------------------------------------------------------- */

enum err_code
gen_w_flush(struct gen_w *w)
{
	if (w->out == NULL || w->rc != ERR_OK)
		return w->rc;
	if (w->len > 0)
		w->rc = w->out->write(w->out->arg, w->buf, w->len, w->e);
	w->len = 0;
	return w->rc;
}

static void
header(struct gen_w *w, enum ds d)
{
	const struct ds_info	*di = &ds_info[d];
	char			*p;

	if ((p = gen_w_row(w)) == NULL)
		return;
	for (int f = 0; f < di->nfields; f++) {
		if (f > 0)
			*p++ = ',';
		p = gen_put_s(p, di->fields[f].name,
		    strlen(di->fields[f].name));
	}
	gen_w_end(w, p);
	w->rows = 0;
}

/* ---- the context ----------------------------------------------------- */

static void
ctx_release(struct gen_ctx *c)
{
	free(c->cum);
	free(c->dates.s);
	c->cum = NULL;
	c->dates.s = NULL;
}

static enum err_code
ctx_init(struct gen_ctx *c, const struct gen_opts *o, struct err *e)
{
	struct gen_rng	 r;
	int64_t		 days, d, h;
	double		 total = 0, f, wsum = 0, cum = 0;
	int		 t, left, share;

	memset(c, 0, sizeof(*c));
	c->o = o;
	c->now = o->to;
	days = (o->to - o->from) / GEN_DAY;
	c->nhours = days * 24;
	c->dates.day0 = o->from / GEN_DAY;
	c->dates.ndays = days;
	c->cum = malloc((size_t)(c->nhours + 1) * sizeof(*c->cum));
	c->dates.s = malloc((size_t)days * sizeof(*c->dates.s));
	if (c->cum == NULL || c->dates.s == NULL) {
		ctx_release(c);
		return err_set(e, ERR_NOMEM, "out of memory");
	}
	/* Cumulative arrival intensity, hour by hour over the window. */
	c->cum[0] = 0;
	for (d = 0; d < days; d++) {
		gen_date_slow(c->dates.day0 + d, c->dates.s[d]);
		gen_rng_seed(&r, o->seed, GEN_S_DAY, (uint64_t)d);
		f = weekday_weight[gen_weekday(c->dates.day0 + d)] *
		    exp(0.08 * gen_normal(&r));
		for (h = 0; h < 24; h++) {
			total += f * hour_weight[h];
			c->cum[d * 24 + h + 1] = total;
		}
	}

	/* Teams, their volume shares, and agents allotted by volume (one
	 * each first, the rest by largest share). */
	c->nteams = o->teams;
	for (t = 0; t < c->nteams; t++)
		wsum += t < NTEAM_TAB ? team_tab[t].weight : 5;
	c->nagents = gen_agents(o);
	left = c->nagents - c->nteams;
	for (t = 0; t < c->nteams; t++) {
		struct gen_team	*tm = &c->teams[t];
		double		 w = t < NTEAM_TAB ? team_tab[t].weight : 5;
		const char	*name = gen_team_name(t, tm->name,
				    sizeof(tm->name));

		if (name != tm->name)
			snprintf(tm->name, sizeof(tm->name), "%s", name);
		tm->namelen = strlen(tm->name);
		cum += w / wsum;
		tm->cum = t == c->nteams - 1 ? 1.0 : cum;
		tm->escalation = t < NTEAM_TAB ? team_tab[t].escalation : 0.05;
		tm->home = t < NTEAM_TAB ? team_tab[t].home : -1;
		share = (int)((double)(c->nagents - c->nteams) * w / wsum);
		tm->nagents = 1 + share;
		left -= share;
	}
	for (t = 0; left > 0; t = (t + 1) % c->nteams, left--)
		c->teams[t].nagents++;
	for (t = 1; t < c->nteams; t++)
		c->teams[t].agent0 = c->teams[t - 1].agent0 +
		    c->teams[t - 1].nagents;
	c->nreviewers = c->nagents / 15 > 0 ? c->nagents / 15 : 1;
	c->ncustomers = gen_customers(o);
	c->narticles = o->rows / 500;
	if (c->narticles < 20)
		c->narticles = 20;
	if (c->narticles > 20000)
		c->narticles = 20000;
	return ERR_OK;
}

int
gen_agent_team(const struct gen_ctx *c, int a)
{
	for (int t = c->nteams - 1; t > 0; t--)
		if (a >= c->teams[t].agent0)
			return t;
	return 0;
}

/* ---- the run ---------------------------------------------------------- */

enum err_code
gen_run(const struct gen_opts *o, const struct gen_out out[DS__MAX],
    int64_t counts[DS__MAX], struct err *e)
{
	struct gen_ctx	 c;
	struct gen_w	 w[DS__MAX];
	enum err_code	 rc;
	int		 d;

	if ((rc = gen_check(o, e)) != ERR_OK)
		return rc;
	if ((rc = ctx_init(&c, o, e)) != ERR_OK)
		return rc;
	memset(w, 0, sizeof(w));
	for (d = 0; d < DS__MAX; d++) {
		w[d].e = e;
		if (!(o->datasets & (1u << d)) || out[d].write == NULL)
			continue;
		if ((w[d].buf = malloc(GEN_BUF_SIZE)) == NULL) {
			rc = err_set(e, ERR_NOMEM, "out of memory");
			goto out;
		}
		w[d].out = &out[d];
		header(&w[d], (enum ds)d);
	}
	if (w[DS_INTERACTIONS].out != NULL || w[DS_SURVEYS].out != NULL ||
	    w[DS_QA_REVIEWS].out != NULL)
		gen_contacts(&c, &w[DS_INTERACTIONS], &w[DS_SURVEYS],
		    &w[DS_QA_REVIEWS]);
	gen_agents_write(&c, &w[DS_AGENTS]);
	gen_customers_write(&c, &w[DS_CUSTOMERS]);
	gen_training_write(&c, &w[DS_TRAINING]);
	gen_kb_write(&c, &w[DS_KB_AUDITS]);
	for (d = 0; d < DS__MAX; d++) {
		if (gen_w_flush(&w[d]) != ERR_OK && rc == ERR_OK)
			rc = w[d].rc;
		if (counts != NULL)
			counts[d] = w[d].rows;
	}
out:
	for (d = 0; d < DS__MAX; d++)
		free(w[d].buf);
	ctx_release(&c);
	return rc;
}

/* ---- files ------------------------------------------------------------ */

struct gen_file {
	int		 fd;
	char		 tmp[4096];
	char		 path[4096];
};

static enum err_code
file_write(void *arg, const char *p, size_t n, struct err *e)
{
	struct gen_file	*f = arg;
	ssize_t		 w;

	while (n > 0) {
		if ((w = write(f->fd, p, n)) < 0) {
			if (errno == EINTR)
				continue;
			return err_set(e, ERR_IO, "cannot write %s: %s", f->tmp,
			    strerror(errno));
		}
		p += w;
		n -= (size_t)w;
	}
	return ERR_OK;
}

/* Make the rename durable: sync the directory (best effort). */
static void
sync_dir(const char *dir)
{
	int	 fd;

	if ((fd = open(dir, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	(void)fsync(fd);
	close(fd);
}

enum err_code
gen_dir(const struct gen_opts *o, const char *dir, int64_t counts[DS__MAX],
    struct err *e)
{
	struct gen_file	 f[DS__MAX];
	struct gen_out	 out[DS__MAX];
	enum err_code	 rc = ERR_OK;
	int		 d, n;

	if ((rc = gen_check(o, e)) != ERR_OK)
		return rc;
	memset(out, 0, sizeof(out));
	for (d = 0; d < DS__MAX; d++) {
		f[d].fd = -1;
		f[d].tmp[0] = '\0';
	}
	for (d = 0; d < DS__MAX; d++) {
		if (!(o->datasets & (1u << d)))
			continue;
		n = snprintf(f[d].path, sizeof(f[d].path), "%s/%s.csv", dir,
		    ds_info[d].name);
		if (n < 0 || (size_t)n >= sizeof(f[d].path) ||
		    snprintf(f[d].tmp, sizeof(f[d].tmp), "%s/.%s.csv.tmp",
		    dir, ds_info[d].name) >= (int)sizeof(f[d].tmp)) {
			rc = err_set(e, ERR_INVAL, "the directory name \"%s\" "
			    "is too long", dir);
			goto out;
		}
		if ((f[d].fd = open(f[d].tmp, O_WRONLY | O_CREAT | O_TRUNC |
		    O_CLOEXEC, 0666)) < 0) {
			rc = err_set(e, ERR_IO, "cannot create %s: %s",
			    f[d].tmp, strerror(errno));
			goto out;
		}
		out[d].write = file_write;
		out[d].arg = &f[d];
	}
	if ((rc = gen_run(o, out, counts, e)) != ERR_OK)
		goto out;
	for (d = 0; d < DS__MAX; d++) {
		if (f[d].fd < 0)
			continue;
		if (fsync(f[d].fd) != 0 || close(f[d].fd) != 0) {
			f[d].fd = -1;
			rc = err_set(e, ERR_IO, "cannot write %s: %s",
			    f[d].tmp, strerror(errno));
			goto out;
		}
		f[d].fd = -1;
	}
	/* Every file is complete: only now replace the old ones. */
	for (d = 0; d < DS__MAX; d++) {
		if (!(o->datasets & (1u << d)))
			continue;
		if (rename(f[d].tmp, f[d].path) != 0) {
			rc = err_set(e, ERR_IO, "cannot rename %s to %s: %s",
			    f[d].tmp, f[d].path, strerror(errno));
			goto out;
		}
		f[d].tmp[0] = '\0';
	}
	sync_dir(dir);
out:
	for (d = 0; d < DS__MAX; d++) {
		if (f[d].fd >= 0)
			close(f[d].fd);
		if (f[d].tmp[0] != '\0')
			unlink(f[d].tmp);
	}
	return rc;
}
