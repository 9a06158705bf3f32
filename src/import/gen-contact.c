/*
 * gen-contact.c: the interactions of the synthetic data, with the surveys
 * and QA reviews they give rise to.
 *
 * Each interaction is made in three steps: draw its whole life (arrival,
 * routing, first reply, solves and reopens, queue and handle times) from
 * its own random stream; cut that life at "now", the end of the window,
 * the way an export taken then would show it (a reply still to come is
 * missing, a ticket not solved yet is open, an SLA not yet due is empty);
 * then format the row.  The survey and the QA review of the interaction
 * draw from the same stream, after it, so they agree with its times.
 *
 * The numbers of the model are documented in gen.h.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "import/gen-priv.h"

enum channel { CH_EMAIL, CH_CHAT, CH_PHONE, CH_WEB, CH_SOCIAL, CH__MAX };
enum prio { PR_LOW, PR_NORMAL, PR_HIGH, PR_URGENT, PR__MAX };
enum status { ST_NEW, ST_OPEN, ST_PENDING, ST_SOLVED, ST_CLOSED,
	ST_ABANDONED, ST_SPAM, ST__MAX };
enum kind { KIND_NONE, KIND_CSAT, KIND_NPS, KIND_CES, KIND__MAX };

#define HOUR	3600.0

struct name {
	const char	*s;
	size_t		 n;
};
#define NAME(s)	{ s, sizeof(s) - 1 }

static const struct name channel_names[CH__MAX] = {
	NAME("email"), NAME("chat"), NAME("phone"), NAME("web"),
	NAME("social") };
static const double channel_cum[CH__MAX] = { 0.35, 0.60, 0.85, 0.95, 1 };
/* Median first reply in business seconds, for the ticket channels. */
static const double channel_frt[CH__MAX] = {
	1.5 * HOUR, 0, 0, 2 * HOUR, 0.75 * HOUR };

static const struct name prio_names[PR__MAX] = {
	NAME("low"), NAME("normal"), NAME("high"), NAME("urgent") };
static const double prio_cum[PR__MAX] = { 0.30, 0.80, 0.95, 1 };
static const double prio_frt_mult[PR__MAX] = { 1.5, 1, 0.6, 0.3 };
static const double prio_res[PR__MAX] = {
	12 * HOUR, 8 * HOUR, 4 * HOUR, 2 * HOUR };
static const int64_t prio_sla_first[PR__MAX] = {
	24 * 3600, 8 * 3600, 4 * 3600, 1 * 3600 };
static const int64_t prio_sla_res[PR__MAX] = {
	60 * 3600, 40 * 3600, 24 * 3600, 8 * 3600 };

#define NCAT	8
static const struct name cat_names[NCAT] = {
	NAME("billing"), NAME("technical"), NAME("account"),
	NAME("shipping"), NAME("returns"), NAME("how-to"), NAME("bug"),
	NAME("feature request") };
static const double cat_cum[NCAT] = {
	0.20, 0.38, 0.52, 0.64, 0.74, 0.86, 0.94, 1 };

static const struct name status_names[ST__MAX] = {
	NAME("new"), NAME("open"), NAME("pending"), NAME("solved"),
	NAME("closed"), NAME("abandoned"), NAME("spam") };

#define MAX_SOLVES	3	/* a first solve and up to two reopens */

/* One interaction's life, and what an export at now shows of it. */
struct ix {
	int		 ch, pr, team, cat, agent, status;
	int64_t		 customer;
	int64_t		 created, reply, due, due_res, closed;
	int64_t		 solve[MAX_SOLVES];	/* solves, in order */
	int64_t		 reopen[MAX_SOLVES];	/* reopen[k] precedes solve[k] */
	int		 nsolves;		/* drawn; shown: see cut() */
	int64_t		 solved, resolved;	/* first and last shown */
	int		 reopens;		/* shown */
	int64_t		 queued, talk, hold, wrap;
	int		 replies;		/* -1 none */
	int		 escalated, excluded, pending;
	int		 sla_first, sla_res;	/* -1 none */
	int		 res_flag, answered, abandoned;	/* -1 none */
	double		 wait;			/* to the first answer */
};

static int
pick(struct gen_rng *r, const double *cum, int n)
{
	double	 u = gen_unif(r);
	int	 i;

	for (i = 0; i < n - 1 && u >= cum[i]; i++)
		;
	return i;
}

static int64_t
secs(double x)
{
	return x < 1 ? 1 : (int64_t)x;
}

static int
pick_team(const struct gen_ctx *c, struct gen_rng *r)
{
	double	 u = gen_unif(r);
	int	 t;

	for (t = 0; t < c->nteams - 1 && u >= c->teams[t].cum; t++)
		;
	return t;
}

/* A customer active at time t, or -1 when eight tries find none. */
static int64_t
pick_customer(const struct gen_ctx *c, struct gen_rng *r, int64_t t)
{
	int64_t	 j, start, churn;

	for (int k = 0; k < 8; k++) {
		j = (int64_t)(gen_unif(r) * (double)c->ncustomers);
		gen_customer(c, j, &start, &churn);
		if (start <= t && (churn == GEN_NONE || churn > t))
			return j;
	}
	return -1;
}

/* Reopens after the first solve (probability p, and 20% of those
 * twice): 2-4 days later, solved again in business time. */
static void
draw_reopens(struct gen_rng *r, struct ix *x, double p)
{
	x->nsolves = 1;
	if (!gen_chance(r, p))
		return;
	do {
		int	 k = x->nsolves;

		x->reopen[k] = x->solve[k - 1] + 2 * GEN_DAY +
		    (int64_t)(gen_unif(r) * 2 * GEN_DAY);
		x->solve[k] = gen_biz_add(x->reopen[k],
		    secs(gen_lognormal(r, 4 * HOUR, 1.0)));
		x->nsolves++;
	} while (x->nsolves < MAX_SOLVES && gen_chance(r, 0.2));
}

/* Email, web and social: answered and solved in business time. */
static void
draw_ticket(const struct gen_ctx *c, struct gen_rng *r, struct ix *x)
{
	const struct gen_team	*tm = &c->teams[x->team];
	double			 res;

	if (gen_chance(r, 0.01)) {
		x->excluded = 1;
		x->closed = x->created + secs(gen_lognormal(r, 600, 1.0));
		return;
	}
	x->reply = gen_biz_add(x->created, secs(gen_lognormal(r,
	    channel_frt[x->ch] * prio_frt_mult[x->pr], 1.1)));
	x->escalated = gen_chance(r, tm->escalation);
	res = gen_lognormal(r, prio_res[x->pr], 1.2);
	if (x->escalated)
		res *= 2.5;
	x->solve[0] = gen_biz_add(x->reply, secs(res));
	draw_reopens(r, x, x->escalated ? 0.25 : 0.15);
	x->replies = (!x->escalated && gen_chance(r, 0.7)) ? 1 : 2;
	while (x->replies > 1 && x->replies < 12 && gen_chance(r, 0.5))
		x->replies++;
	x->replies += x->escalated + x->nsolves - 1;
	x->due = gen_biz_add(x->created, prio_sla_first[x->pr]);
	x->due_res = gen_biz_add(x->created, prio_sla_res[x->pr]);
	x->wait = (double)(x->reply - x->created);
}

/* Phone and chat: a queue, then a conversation. */
static void
draw_live(const struct gen_ctx *c, struct gen_rng *r, struct ix *x)
{
	const struct gen_team	*tm = &c->teams[x->team];
	int			 phone = x->ch == CH_PHONE;
	double			 queue, patience, res;
	int64_t			 end;

	if (phone && gen_chance(r, 0.03)) {
		/* hung up in the IVR, before any queue: not an abandon */
		x->answered = x->abandoned = 0;
		x->replies = 0;
		x->closed = x->created + secs(gen_lognormal(r, 45, 0.5));
		return;
	}
	queue = gen_lognormal(r, phone ? 12 : 40, 1.0);
	if (!gen_biz_open(x->created))
		queue *= 2.5;
	patience = gen_exponential(r, phone ? 300 : 900);
	if (patience < queue) {
		x->answered = 0;
		x->abandoned = 1;
		x->queued = secs(patience);
		x->closed = x->created + x->queued;
		x->replies = 0;
		return;
	}
	x->answered = 1;
	x->abandoned = 0;
	x->queued = secs(queue);
	x->reply = x->created + x->queued;
	x->wait = (double)x->queued;
	x->escalated = gen_chance(r, tm->escalation);
	if (phone) {
		x->talk = secs(gen_lognormal(r, 240, 0.6));
		x->hold = gen_chance(r, 0.35) ?
		    secs(gen_lognormal(r, 50, 0.8)) : 0;
		x->wrap = secs(gen_lognormal(r, 40, 0.5));
		x->res_flag = gen_chance(r, 0.74);
		x->replies = x->res_flag ? 1 : 2;
	} else {
		x->talk = secs(gen_lognormal(r, 600, 0.7));
		x->wrap = secs(gen_lognormal(r, 30, 0.5));
		x->replies = 3 + (int)gen_below(r, 10);
		x->due = x->created + 120;
		x->due_res = gen_biz_add(x->created, prio_sla_res[x->pr]);
	}
	end = x->reply + x->talk + (x->hold > 0 ? x->hold : 0);
	if (phone ? x->res_flag : (!x->escalated && gen_chance(r, 0.7))) {
		/* solved on the call or in the chat; a chat may reopen */
		x->solve[0] = end;
		draw_reopens(r, x, phone ? 0 : 0.10);
		return;
	}
	/* followed up in business time after the call or chat */
	res = gen_lognormal(r, prio_res[x->pr], 1.2);
	if (x->escalated)
		res *= 2.5;
	x->solve[0] = gen_biz_add(end, secs(res));
	draw_reopens(r, x, x->escalated ? 0.25 : 0.15);
}

/* What an export taken at now shows of the life drawn. */
static void
cut(const struct gen_ctx *c, struct gen_rng *r, struct ix *x)
{
	int64_t	 now = c->now;
	int	 k;

	x->solved = x->resolved = GEN_NONE;
	x->reopens = 0;
	if (x->excluded || x->abandoned == 1 ||
	    (x->answered == 0 && x->abandoned == 0)) {
		x->status = x->excluded ? ST_SPAM : x->abandoned == 1 ?
		    ST_ABANDONED : ST_CLOSED;
		x->agent = -1;
		if (x->closed > now)
			x->closed = GEN_NONE;
		return;
	}
	x->closed = GEN_NONE;
	x->pending = gen_chance(r, 0.3);
	if (x->reply > now) {
		/* not answered yet (a call at now is still queued) */
		x->reply = GEN_NONE;
		x->status = ST_NEW;
		x->agent = -1;
		x->replies = 0;
		if (x->answered == 1) {
			x->answered = x->abandoned = -1;
			x->queued = x->talk = x->hold = x->wrap = GEN_NONE;
			x->res_flag = -1;
		}
	} else if (x->solve[0] > now) {
		x->status = x->pending ? ST_PENDING : ST_OPEN;
		x->replies = 1;
		x->res_flag = x->res_flag == 1 ? -1 : x->res_flag;
	} else {
		x->solved = x->resolved = x->solve[0];
		for (k = 1; k < x->nsolves && x->reopen[k] <= now; k++) {
			x->reopens++;
			x->resolved = x->solve[k] <= now ? x->solve[k] :
			    GEN_NONE;
		}
		if (x->resolved == GEN_NONE)
			x->status = ST_OPEN;	/* reopened, not solved again */
		else if (x->resolved + 4 * GEN_DAY <= now) {
			x->status = ST_CLOSED;
			x->closed = x->resolved + 4 * GEN_DAY;
		} else
			x->status = ST_SOLVED;
	}
	if (x->due != GEN_NONE)
		x->sla_first = x->reply != GEN_NONE ? x->reply <= x->due :
		    now > x->due ? 0 : -1;
	if (x->due_res != GEN_NONE)
		x->sla_res = x->solved != GEN_NONE ? x->solved <= x->due_res :
		    now > x->due_res ? 0 : -1;
}

static char *
put_opt_int(char *p, int64_t v)
{
	if (v != GEN_NONE)
		p = gen_put_i(p, v);
	*p++ = ',';
	return p;
}

static char *
put_opt_bool(char *p, int b)
{
	if (b >= 0)
		p = gen_put_bool(p, b);
	*p++ = ',';
	return p;
}

static void
write_ix(const struct gen_ctx *c, struct gen_w *w, const struct ix *x,
    int64_t n)
{
	const struct gen_dates	*d = &c->dates;
	char			*p;

	if ((p = gen_w_row(w)) == NULL)
		return;
	*p++ = 'T';
	p = gen_put_pad(p, (uint64_t)n + 1, 9);
	*p++ = ',';
	p = gen_put_s(p, channel_names[x->ch].s, channel_names[x->ch].n);
	*p++ = ',';
	p = gen_put_s(p, c->teams[x->team].name, c->teams[x->team].namelen);
	*p++ = ',';
	if (x->agent >= 0)
		p = gen_put_agent(p, x->agent);
	*p++ = ',';
	if (x->customer >= 0)
		p = gen_put_customer(p, x->customer);
	*p++ = ',';
	p = gen_put_s(p, cat_names[x->cat].s, cat_names[x->cat].n);
	*p++ = ',';
	p = gen_put_s(p, prio_names[x->pr].s, prio_names[x->pr].n);
	*p++ = ',';
	p = gen_put_s(p, status_names[x->status].s,
	    status_names[x->status].n);
	*p++ = ',';
	p = gen_put_time_opt(p, d, x->created);
	p = gen_put_time_opt(p, d, x->reply);
	p = gen_put_time_opt(p, d, x->solved);
	p = gen_put_time_opt(p, d, x->resolved);
	p = gen_put_time_opt(p, d, x->closed);
	p = gen_put_time_opt(p, d, x->due);
	if (x->replies >= 0 && !x->excluded && x->abandoned != 1 &&
	    !(x->answered == 0 && x->abandoned == 0))
		p = gen_put_u(p, (uint64_t)x->reopens);
	*p++ = ',';
	p = put_opt_int(p, x->replies >= 0 ? x->replies : GEN_NONE);
	p = gen_put_bool(p, x->escalated);
	*p++ = ',';
	p = put_opt_bool(p, x->sla_first);
	p = put_opt_bool(p, x->sla_res);
	p = put_opt_bool(p, x->res_flag);
	p = put_opt_bool(p, x->answered);
	p = put_opt_bool(p, x->abandoned);
	p = put_opt_int(p, x->queued);
	p = put_opt_int(p, x->talk);
	p = put_opt_int(p, x->hold);
	p = put_opt_int(p, x->wrap);
	p = gen_put_bool(p, x->excluded);
	gen_w_end(w, p);
}

/*
 * The survey of a solved interaction, sent an hour after the first solve.
 * The latent satisfaction falls with the wait for a first answer and with
 * a reopen or an escalation; each kind of survey reads it on its scale.
 */
static void
survey(const struct gen_ctx *c, struct gen_rng *r, struct gen_w *w,
    const struct ix *x, int64_t n)
{
	static const struct name kind_names[KIND__MAX] = {
		NAME(""), NAME("csat"), NAME("nps"), NAME("ces") };
	static const char *const scale[KIND__MAX] = { "", "1,5", "0,10", "1,7" };
	double		 u = gen_unif(r), z;
	int		 kind, answered, score;
	int64_t		 sent, responded;
	char		*p;

	kind = u < 0.60 ? KIND_CSAT : u < 0.70 ? KIND_NPS : u < 0.75 ?
	    KIND_CES : KIND_NONE;
	answered = gen_chance(r, 0.25);
	z = 4.5 - 0.28 * log(1 + x->wait / 600) - 0.8 * (x->nsolves > 1) -
	    0.4 * x->escalated + 0.8 * gen_normal(r);
	if (kind == KIND_NONE || x->solved == GEN_NONE)
		return;
	sent = x->solved + 3600;
	responded = sent + secs(gen_lognormal(r, 4 * HOUR, 1.2));
	if (sent > c->now)
		return;
	if (responded > c->now)
		answered = 0;
	switch (kind) {
	case KIND_CSAT:
		score = (int)lround(z);
		score = score < 1 ? 1 : score > 5 ? 5 : score;
		break;
	case KIND_NPS:
		score = (int)lround(2 * z + 0.8);
		score = score < 0 ? 0 : score > 10 ? 10 : score;
		break;
	default:
		score = (int)lround(1.4 * z - 0.2);
		score = score < 1 ? 1 : score > 7 ? 7 : score;
		break;
	}
	if ((p = gen_w_row(w)) == NULL)
		return;
	*p++ = 'S';
	p = gen_put_pad(p, (uint64_t)n + 1, 9);
	p = GEN_PUT_LIT(p, ",T");
	p = gen_put_pad(p, (uint64_t)n + 1, 9);
	*p++ = ',';
	p = gen_put_s(p, kind_names[kind].s, kind_names[kind].n);
	*p++ = ',';
	p = gen_put_s(p, scale[kind], strlen(scale[kind]));
	*p++ = ',';
	if (answered)
		p = gen_put_u(p, (uint64_t)score);
	*p++ = ',';
	p = gen_put_time_opt(p, &c->dates, sent);
	p = gen_put_time_opt(p, &c->dates, answered ? responded : GEN_NONE);
	if (x->agent >= 0)
		p = gen_put_agent(p, x->agent);
	*p++ = ',';
	p = gen_put_s(p, c->teams[x->team].name, c->teams[x->team].namelen);
	*p++ = ',';
	p = gen_put_s(p, channel_names[x->ch].s, channel_names[x->ch].n);
	gen_w_end(w, p);
}

/* A QA review of 3% of the solved interactions with an agent. */
static void
review(const struct gen_ctx *c, struct gen_rng *r, struct gen_w *w,
    const struct ix *x, int64_t n)
{
	int64_t	 at;
	double	 s;
	int	 critical;
	char	*p;

	if (!gen_chance(r, 0.03) || x->solved == GEN_NONE || x->agent < 0)
		return;
	at = x->solved + GEN_DAY + (int64_t)(gen_unif(r) * 6 * GEN_DAY);
	s = 84 + 6 * gen_agent_skill(c, x->agent) + 7 * gen_normal(r);
	s = s < 0 ? 0 : s > 100 ? 100 : s;
	critical = gen_chance(r, 0.03);
	if (at > c->now || (p = gen_w_row(w)) == NULL)
		return;
	*p++ = 'Q';
	p = gen_put_pad(p, (uint64_t)n + 1, 9);
	p = GEN_PUT_LIT(p, ",T");
	p = gen_put_pad(p, (uint64_t)n + 1, 9);
	*p++ = ',';
	p = gen_put_agent(p, x->agent);
	*p++ = ',';
	p = gen_put_s(p, c->teams[x->team].name, c->teams[x->team].namelen);
	p = GEN_PUT_LIT(p, ",R");
	p = gen_put_pad(p, (uint64_t)(n % c->nreviewers) + 1, 2);
	*p++ = ',';
	p = gen_put_time(p, &c->dates, at);
	*p++ = ',';
	p = gen_put_u(p, (uint64_t)lround(s));
	*p++ = ',';
	p = gen_put_bool(p, critical);
	gen_w_end(w, p);
}

enum err_code
gen_contacts(const struct gen_ctx *c, struct gen_w *ixw, struct gen_w *svw,
    struct gen_w *qaw)
{
	const struct gen_opts	*o = c->o;
	const double		 total = c->cum[c->nhours];
	struct gen_rng		 r;
	struct ix		 x;
	int64_t			 n, h = 0;
	double			 q;

	for (n = 0; n < o->rows; n++) {
		if ((n & 0xffff) == 0 && o->progress != NULL)
			o->progress(o->progress_arg, n, o->rows);
		gen_rng_seed(&r, o->seed, GEN_S_CONTACT, (uint64_t)n);
		memset(&x, 0, sizeof(x));
		x.reply = x.due = x.due_res = x.closed = GEN_NONE;
		x.queued = x.talk = x.hold = x.wrap = GEN_NONE;
		x.replies = x.sla_first = x.sla_res = -1;
		x.res_flag = x.answered = x.abandoned = -1;

		/* Arrival: row n sits at quantile (n + u) / rows of the
		 * intensity, so rows come in time order. */
		q = ((double)n + gen_unif(&r)) / (double)o->rows * total;
		while (h < c->nhours - 1 && c->cum[h + 1] <= q)
			h++;
		x.created = o->from + h * 3600 + (int64_t)((q - c->cum[h]) /
		    (c->cum[h + 1] - c->cum[h]) * 3600);
		if (x.created >= c->now)
			x.created = c->now - 1;

		x.ch = pick(&r, channel_cum, CH__MAX);
		x.pr = pick(&r, prio_cum, PR__MAX);
		x.team = pick_team(c, &r);
		x.cat = c->teams[x.team].home >= 0 && gen_chance(&r, 0.6) ?
		    c->teams[x.team].home : pick(&r, cat_cum, NCAT);
		x.agent = c->teams[x.team].agent0 +
		    (int)gen_below(&r, (uint32_t)c->teams[x.team].nagents);
		x.customer = pick_customer(c, &r, x.created);
		if (x.ch == CH_PHONE || x.ch == CH_CHAT)
			draw_live(c, &r, &x);
		else
			draw_ticket(c, &r, &x);
		cut(c, &r, &x);

		write_ix(c, ixw, &x, n);
		survey(c, &r, svw, &x, n);
		review(c, &r, qaw, &x, n);
		if (ixw->rc != ERR_OK || svw->rc != ERR_OK ||
		    qaw->rc != ERR_OK)
			break;
	}
	if (o->progress != NULL)
		o->progress(o->progress_arg, n, o->rows);
	return ixw->rc != ERR_OK ? ixw->rc : svw->rc != ERR_OK ? svw->rc :
	    qaw->rc;
}
