/*
 * gen-people.c: the synthetic agents, customers, training log and
 * knowledge-base audits.
 *
 * These datasets are small next to the interactions (thousands of agents,
 * a customer per few contacts), so clarity wins over speed here.  A
 * customer's life is a pure function of the seed and its number, because
 * gen-contact.c asks "is customer j active at t?" for every interaction
 * without keeping a table.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "import/gen-priv.h"

#define MONTH	(30.44 * GEN_DAY)
#define YEAR	(365.25 * GEN_DAY)

static const char *const first_names[] = {
	"Ana", "Ben", "Chloe", "Dan", "Elena", "Femi", "Greta", "Hiro",
	"Ioana", "Jamal", "Kira", "Luca", "Maya", "Nikos", "Olga", "Priya",
	"Quentin", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Yusuf",
	"Zoe", "Andrei", "Beatriz", "Chidi", "Dana", "Erik" };
static const char *const last_names[] = {
	"Popescu", "Smith", "O'Neill", "Garcia", "Nguyen", "Kowalski",
	"Müller", "Okafor", "Rossi", "Tanaka", "Ionescu", "Haddad", "Silva",
	"Novak", "Johansson", "Dubois", "Kim", "Patel", "Moreau", "Costa" };
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const char *const courses[] = {
	"Product basics", "De-escalation, part 1", "De-escalation, part 2",
	"Billing \"101\"", "Writing clear replies", "Security and privacy",
	"Refund policy", "Tools: the help desk", "Coaching session" };
static const double hours_tab[] = { 0.5, 1, 1, 1.5, 2, 2, 3, 4 };

static const char *const article_titles[] = {
	"Reset a password", "Change the billing address",
	"Refunds, returns and exchanges", "Set up two-factor sign-in",
	"Why was I charged twice?", "Track an order",
	"Export your data (CSV, \"Excel\")", "Cancel a subscription",
	"Invite a teammate", "Fix \"payment declined\"" };

char *
gen_put_agent(char *p, int a)
{
	*p++ = 'A';
	return gen_put_pad(p, (uint64_t)a + 1, 5);
}

char *
gen_put_customer(char *p, int64_t j)
{
	*p++ = 'C';
	return gen_put_pad(p, (uint64_t)j + 1, 8);
}

double
gen_agent_skill(const struct gen_ctx *c, int a)
{
	struct gen_rng	 r;

	gen_rng_seed(&r, c->o->seed, GEN_S_AGENT, (uint64_t)a);
	return 2 * gen_unif(&r) - 1;
}

void
gen_customer(const struct gen_ctx *c, int64_t j, int64_t *start,
    int64_t *churn)
{
	struct gen_rng	 r;
	const int64_t	 from = c->o->from;

	gen_rng_seed(&r, c->o->seed, GEN_S_CUSTOMER, (uint64_t)j);
	if (gen_chance(&r, 0.75))
		*start = from - 1 - (int64_t)(gen_unif(&r) * 3 * YEAR);
	else
		*start = from + (int64_t)(gen_unif(&r) *
		    (double)(c->now - from));
	/* A constant 2% a month: an exponential lifetime, mean 50 months. */
	*churn = *start + 1 + (int64_t)gen_exponential(&r, 50 * MONTH);
}

enum err_code
gen_agents_write(const struct gen_ctx *c, struct gen_w *w)
{
	struct gen_rng	 r;
	char		 name[128], *p;
	int		 a, t;

	for (a = 0; a < c->nagents && w->out != NULL; a++) {
		/* The agent's skill uses stream GEN_S_AGENT; names and
		 * hire dates another item range of it. */
		gen_rng_seed(&r, c->o->seed, GEN_S_AGENT,
		    (uint64_t)a + ((uint64_t)1 << 40));
		t = gen_agent_team(c, a);
		snprintf(name, sizeof(name), "%s %s%s",
		    first_names[gen_below(&r, NELEM(first_names))],
		    last_names[gen_below(&r, NELEM(last_names))],
		    gen_chance(&r, 0.03) ? ", Jr." : "");
		if ((p = gen_w_row(w)) == NULL)
			break;
		p = gen_put_agent(p, a);
		*p++ = ',';
		p = gen_put_csv(p, name);
		*p++ = ',';
		p = gen_put_s(p, c->teams[t].name, c->teams[t].namelen);
		*p++ = ',';
		p = a == c->teams[t].agent0 ? GEN_PUT_LIT(p, "lead") :
		    GEN_PUT_LIT(p, "agent");
		*p++ = ',';
		p = gen_put_time(p, &c->dates, c->o->from - 30 * GEN_DAY -
		    (int64_t)(gen_unif(&r) * 5 * YEAR));
		gen_w_end(w, p);
	}
	return w->rc;
}

enum err_code
gen_customers_write(const struct gen_ctx *c, struct gen_w *w)
{
	int64_t	 j, start, churn;
	char	*p;

	for (j = 0; j < c->ncustomers && w->out != NULL; j++) {
		gen_customer(c, j, &start, &churn);
		if (churn > c->now)
			churn = GEN_NONE;	/* still a customer at now */
		if ((p = gen_w_row(w)) == NULL)
			break;
		p = gen_put_customer(p, j);
		*p++ = ',';
		p = gen_put_time(p, &c->dates, start);
		*p++ = ',';
		p = gen_put_time_opt(p, &c->dates, churn);
		p = gen_put_bool(p, churn != GEN_NONE);
		*p++ = ',';		/* team: none */
		gen_w_end(w, p);
	}
	return w->rc;
}

/* Hours as 0.5, 1, 1.5... */
static char *
put_hours(char *p, double h)
{
	int64_t	 half = lround(h * 2);

	p = gen_put_u(p, (uint64_t)(half / 2));
	if (half % 2)
		p = GEN_PUT_LIT(p, ".5");
	return p;
}

enum err_code
gen_training_write(const struct gen_ctx *c, struct gen_w *w)
{
	struct gen_rng	 r;
	int64_t		 day0 = c->o->from / GEN_DAY, monday, t, id = 0;
	int		 a, tm;
	char		*p;

	monday = day0 - gen_weekday(day0);
	for (a = 0; a < c->nagents && w->out != NULL; a++) {
		gen_rng_seed(&r, c->o->seed, GEN_S_TRAINING, (uint64_t)a);
		tm = gen_agent_team(c, a);
		for (int64_t wk = monday; wk * GEN_DAY < c->now; wk += 7) {
			int	 take = gen_chance(&r, 0.4);

			t = (wk + (int64_t)gen_below(&r, 5)) * GEN_DAY +
			    9 * 3600 + (int64_t)gen_below(&r, 8 * 3600);
			if (!take || t < c->o->from || t >= c->now)
				continue;
			if ((p = gen_w_row(w)) == NULL)
				return w->rc;
			p = GEN_PUT_LIT(p, "TR");
			p = gen_put_pad(p, (uint64_t)++id, 8);
			*p++ = ',';
			p = gen_put_agent(p, a);
			*p++ = ',';
			p = gen_put_s(p, c->teams[tm].name,
			    c->teams[tm].namelen);
			*p++ = ',';
			p = gen_put_time(p, &c->dates, t);
			*p++ = ',';
			p = put_hours(p, hours_tab[gen_below(&r,
			    NELEM(hours_tab))]);
			*p++ = ',';
			p = gen_put_csv(p, courses[gen_below(&r,
			    NELEM(courses))]);
			gen_w_end(w, p);
		}
	}
	return w->rc;
}

enum err_code
gen_kb_write(const struct gen_ctx *c, struct gen_w *w)
{
	struct gen_rng	 r;
	char		 title[160], *p;
	int64_t		 k, t, id = 0, period = 30 * GEN_DAY;

	for (k = 0; k < c->narticles && w->out != NULL; k++) {
		gen_rng_seed(&r, c->o->seed, GEN_S_KB, (uint64_t)k);
		snprintf(title, sizeof(title), "KB-%05lld %s",
		    (long long)k + 1, article_titles[k %
		    (int64_t)NELEM(article_titles)]);
		for (int64_t s = c->o->from; s < c->now; s += period) {
			int	 audit = gen_chance(&r, 0.6);
			int	 accurate = gen_chance(&r, 0.88);
			double	 views = gen_lognormal(&r, 150, 1.0);

			t = s + (int64_t)(gen_unif(&r) * (double)period);
			if (!audit || t >= c->now)
				continue;
			if ((p = gen_w_row(w)) == NULL)
				return w->rc;
			p = GEN_PUT_LIT(p, "KB");
			p = gen_put_pad(p, (uint64_t)++id, 8);
			*p++ = ',';
			p = gen_put_csv(p, title);
			*p++ = ',';
			p = gen_put_s(p, c->teams[k % c->nteams].name,
			    c->teams[k % c->nteams].namelen);
			*p++ = ',';
			p = gen_put_time(p, &c->dates, t);
			*p++ = ',';
			p = gen_put_bool(p, accurate);
			*p++ = ',';
			p = gen_put_u(p, (uint64_t)lround(views));
			gen_w_end(w, p);
		}
	}
	return w->rc;
}
