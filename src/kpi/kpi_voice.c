/*
 * kpi_voice.c: the passes over customer voice (surveys), QA reviews,
 * training, knowledge-base audits and customers.
 *
 * These datasets are small next to interactions, except that the two
 * training KPIs count "active agents", which takes one pass over the
 * interactions too (an agent is active in a period when it handled an
 * interaction created in it or logged training in it).
 */
#include <math.h>
#include <stdlib.h>

#include "kpi/kpi_int.h"

/* csat, csat_avg, nps, ces (responses, by responded_at) and
 * survey_response_rate (surveys, by sent_at). */
static void
pass_surveys(struct kctx *k)
{
	const struct kpass	 P = k->p;
	const uint32_t		*rt = k->s->sv.responded, *st = k->s->sv.sent;
	const uint8_t		*kind = k->s->sv.kind, *cls = k->s->sv.cls;
	const double		*score = k->s->sv.score;
	size_t			 n = k->s->n[DS_SURVEYS];
	enum sv_kind		 want = k->id == KPI_NPS ? SVK_NPS :
				    k->id == KPI_CES ? SVK_CES : SVK_CSAT;
	int64_t			 c;
	uint8_t			 f;

	for (size_t i = 0; i < n; i++) {
		if (k->id == KPI_RESPONSE_RATE) {
			if ((c = kp_cell(&P, i, st[i])) < 0)
				continue;
			k->den[c] += 1;
			k->num[c] += (cls[i] & SVC_RESPONDED) != 0;
			continue;
		}
		f = cls[i];
		if (kind[i] != want || !(f & SVC_RESPONDED) ||
		    (c = kp_cell(&P, i, rt[i])) < 0)
			continue;
		k->den[c] += 1;
		switch (k->id) {
		case KPI_CSAT:
			k->num[c] += (f & SVC_SAT) != 0;
			break;
		case KPI_NPS:
			k->num[c] += ((f & SVC_PROMOTER) != 0) -
			    ((f & SVC_DETRACTOR) != 0);
			break;
		case KPI_CES:
			if (k->o->ces_mean)
				k->num[c] += score[i];
			else
				k->num[c] += (f & SVC_EASY) != 0;
			break;
		default:	/* csat_avg */
			k->num[c] += score[i];
			break;
		}
	}
}

static void
pass_qa_score(struct kctx *k)
{
	const struct kpass	 P = k->p;
	const uint32_t		*t = k->s->qa.reviewed;
	const double		*score = k->s->qa.score;
	size_t			 n = k->s->n[DS_QA_REVIEWS];
	int64_t			 c;

	for (size_t i = 0; i < n; i++)
		if ((c = kp_cell(&P, i, t[i])) >= 0) {
			k->num[c] += score[i];
			k->den[c] += 1;
		}
}

struct qa_item {
	uint32_t	 cell;
	uint16_t	 agent;
	double		 score;
};

static int
qa_item_cmp(const void *a, const void *b)
{
	const struct qa_item	*x = a, *y = b;

	if (x->cell != y->cell)
		return x->cell < y->cell ? -1 : 1;
	return (x->agent > y->agent) - (x->agent < y->agent);
}

/* The instant tenure is judged at for bucket b: its end, or now when the
 * window has no end. */
static int64_t
bucket_end(const struct kctx *k, uint32_t b)
{
	int64_t	 e = k->edges[b + 1];

	return e == INT64_MAX ? k->now : e;
}

/*
 * qa_agents_passing: each agent's mean score within a cell (reviews with
 * no agent are left out), then the share of agents at or above the
 * threshold.  Reviews are few, so they are sorted by (cell, agent) rather
 * than given a cells x agents table.
 */
static enum err_code
pass_qa_passing(struct kctx *k)
{
	const struct kpass	 P = k->p;
	const uint32_t		*t = k->s->qa.reviewed;
	const uint16_t		*ag = k->s->qa.agent;
	size_t			 n = k->s->n[DS_QA_REVIEWS], m = 0, i, j;
	struct qa_item		*it;
	int64_t			 c, hired, need;
	double			 sum;

	if ((it = malloc((n ? n : 1) * sizeof(*it))) == NULL)
		return err_set(k->e, ERR_NOMEM, "out of memory grouping QA "
		    "reviews");
	for (i = 0; i < n; i++)
		if (ag[i] != 0 && (c = kp_cell(&P, i, t[i])) >= 0) {
			it[m].cell = (uint32_t)c;
			it[m].agent = ag[i];
			it[m++].score = k->s->qa.score[i];
		}
	qsort(it, m, sizeof(*it), qa_item_cmp);
	need = (int64_t)k->o->qa_tenure_days * 86400;
	for (i = 0; i < m; i = j) {
		sum = 0;
		for (j = i; j < m && it[j].cell == it[i].cell &&
		    it[j].agent == it[i].agent; j++)
			sum += it[j].score;
		if (need > 0) {
			hired = k->s->agent_hired[it[i].agent];
			if (hired == SNAP_NONE || hired + need >
			    bucket_end(k, it[i].cell / P.ng))
				continue;
		}
		k->den[it[i].cell] += 1;
		k->num[it[i].cell] += sum / (double)(j - i) >=
		    k->o->qa_threshold - 1e-9;
	}
	free(it);
	return ERR_OK;
}

/*
 * training_hours and training_completion.  A table of (cell, agent)
 * holds each agent's hours and whether it was active; by agent, the group
 * is the agent, so the table is just cells.
 */
static enum err_code
pass_training(struct kctx *k)
{
	const struct kpass	 P = k->p;
	struct kpass		 X;
	const uint32_t		*td = k->s->tr.date, *cr = k->s->ix.created;
	const uint16_t		*tag = k->s->tr.agent, *xag = k->s->ix.agent;
	size_t			 na, nt = k->s->n[DS_TRAINING], key, i;
	size_t			 nx = k->s->n[DS_INTERACTIONS];
	int			 byagent = k->q->by == KS_AGENT;
	double			*hours;
	uint8_t			*active, *logged;
	int64_t			 c;
	enum err_code		 rc;

	if ((rc = kpi_kpass(k, DS_INTERACTIONS, &X)) != ERR_OK)
		return rc;
	na = byagent ? 1 : snap_dim_count(k->s, DIM_AGENT);
	if (na != 0 && k->ncell > ((size_t)256 << 20) / na)
		return err_set(k->e, ERR_TOOBIG, "too many cells x agents "
		    "(%zu x %zu) for training KPIs", k->ncell, na);
	hours = calloc(k->ncell * na, sizeof(*hours));
	active = calloc(k->ncell * na, sizeof(*active));
	logged = calloc(k->ncell, sizeof(*logged));
	if (hours == NULL || active == NULL || logged == NULL) {
		free(hours);
		free(active);
		free(logged);
		return err_set(k->e, ERR_NOMEM, "out of memory counting "
		    "active agents");
	}
#define KEY(c, a)	(byagent ? (size_t)(c) : (size_t)(c) * na + (a))
	for (i = 0; i < nt; i++)
		if (tag[i] != 0 && (c = kp_cell(&P, i, td[i])) >= 0) {
			key = KEY(c, tag[i]);
			hours[key] += k->s->tr.hours[i];
			active[key] = 1;
			logged[c] = 1;
		}
	for (i = 0; i < nx; i++)
		if (xag[i] != 0 && (c = kp_cell(&X, i, cr[i])) >= 0)
			active[KEY(c, xag[i])] = 1;
#undef KEY
	/* a cell with no training record has no data, not 0 hours */
	for (c = 0; (size_t)c < k->ncell; c++)
		for (size_t a = 0; a < na && logged[c]; a++) {
			key = (size_t)c * na + a;
			if (!active[key])
				continue;
			k->den[c] += 1;
			if (k->id == KPI_TRAINING_HOURS)
				k->num[c] += hours[key];
			else
				k->num[c] += hours[key] >=
				    k->o->training_h - 1e-9;
		}
	free(hours);
	free(active);
	free(logged);
	return ERR_OK;
}

static void
pass_kb(struct kctx *k)
{
	const struct kpass	 P = k->p;
	const uint32_t		*t = k->s->kb.audited;
	size_t			 n = k->s->n[DS_KB_AUDITS];
	int64_t			 c;

	for (size_t i = 0; i < n; i++)
		if ((c = kp_cell(&P, i, t[i])) >= 0) {
			k->den[c] += 1;
			k->num[c] += k->s->kb.accurate[i];
		}
}

/*
 * churn_rate, bucket by bucket [s, e): active at s means started by s (or
 * no start date) and not churned before s; the numerator is those of them
 * who churned before e.  With no start to the window, every customer who
 * started before e is in the denominator.  A churn flag without a date
 * can only be placed in a window open at both ends.
 */
static void
pass_churn(struct kctx *k)
{
	const struct kpass	 P = k->p;
	const uint32_t		*st = k->s->cu.started, *ch = k->s->cu.churned;
	const uint8_t		*fl = k->s->cu.churn;
	size_t			 n = k->s->n[DS_CUSTOMERS], c;
	int64_t			 s, e, t0, t1;
	int			 act;

	for (size_t i = 0; i < n; i++) {
		if (!kp_keep(&P, i))
			continue;
		t0 = st[i] == SNAP_NONE ? INT64_MIN : st[i];
		t1 = ch[i] == SNAP_NONE ? INT64_MAX : ch[i];
		for (uint32_t b = 0; b < P.nb; b++) {
			s = k->edges[b];
			e = k->edges[b + 1];
			c = (size_t)b * P.ng + (P.seg ? P.seg[i] : 0);
			if (fl[i] && ch[i] == SNAP_NONE) {
				if (s == INT64_MIN && e == INT64_MAX) {
					k->den[c] += 1;
					k->num[c] += 1;
				}
				continue;
			}
			if (s == INT64_MIN)
				act = t0 < e;
			else
				act = t0 <= s && t1 >= s;
			if (!act)
				continue;
			k->den[c] += 1;
			k->num[c] += t1 < e;
		}
	}
}

enum err_code
kpi_pass_voice(struct kctx *k)
{
	switch (k->id) {
	case KPI_CSAT:
	case KPI_CSAT_AVG:
	case KPI_NPS:
	case KPI_CES:
	case KPI_RESPONSE_RATE:
		pass_surveys(k);
		break;
	case KPI_QA_SCORE:
		pass_qa_score(k);
		break;
	case KPI_QA_PASSING:
		return pass_qa_passing(k);
	case KPI_TRAINING_HOURS:
	case KPI_TRAINING_COMPLETION:
		return pass_training(k);
	case KPI_KB_ACCURACY:
		pass_kb(k);
		break;
	case KPI_CHURN:
		pass_churn(k);
		break;
	default:
		return err_set(k->e, ERR_INTERNAL, "kpi %d is not a voice or "
		    "people kpi", (int)k->id);
	}
	return ERR_OK;
}
