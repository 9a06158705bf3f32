/*
 * demo.c: the "Northwind Support" demo workspace.  See demo.h.
 *
 * The organisation, objectives and key results are const tables; each key
 * result carries a plan that says how its check-ins tell its story (on
 * pace, falling behind, silent, done...).  The values are computed from
 * the expected pace at o->now, with margins wide enough that the intended
 * status holds from the first day the demo can be built on (day 14 of the
 * cycle, see demo.h) to its last:
 *
 *   on track   progress 1.15 x expected   (the line is 0.7)
 *   at risk    progress 0.55 x expected   (between 0.4 and 0.7)
 *   off track  progress 0.2 x expected    (below 0.4)
 *
 * Values are rounded to a step at most 1% of the key result's range, so
 * rounding cannot cross a line.  Check-ins fall weekly at 09:30 local time
 * on a day of the week that differs by key result, the latest one at most
 * 2 days and 3 hours before now, so that no active key result is outdated
 * (cadence 7 + grace 3 days) -- except the one meant to be.
 *
 * The demo also carries the weaknesses okrdesk lint is meant to find, one
 * for each rule a real support team plausibly breaks, and nothing else
 * on any day (docs/coaching.md lists them): an objective drafted without
 * key results (qa-calibration), a pilot with no baseline, a key result
 * with no unit, one worded as a task, an objective that only holds a
 * band (fcr-85), speed with no quality guardrail (email-6h), a response
 * rate target far beyond the KPI's history, a transactional NPS target
 * finer than its sample can show, and an objective aligned to nothing
 * (kb-95).  The generated data is stationary, so the other KPI-fed
 * targets are bands or stay within the KPI's weekly variation.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "okr/demo.h"

#define DAY		((int64_t)86400)
#define MORNING		((int64_t)(9 * 3600 + 1800))	/* 09:30 */
#define EARLY_DAYS	14	/* a cycle younger than this starts earlier */
#define EARLIER_WEEKS	6

enum plan {
	PLAN_ON,	/* linear, ahead of the pace line */
	PLAN_RISK,	/* linear, behind but within reach */
	PLAN_OFF,	/* linear, far behind */
	PLAN_SILENT,	/* linear, no check-in for 11 days or more: outdated */
	PLAN_BAND,	/* weekly values inside the band, one week outside */
	PLAN_YES,	/* boolean, became true half way: done */
	PLAN_ALL_MS,	/* every milestone done: done */
	PLAN_SOME_MS,	/* milestones done at the expected pace */
	PLAN_UNSET,	/* no baseline yet, recent values: no data */
	PLAN_KPI	/* no check-ins: the value comes from the data */
};

static const struct {
	const char	*name, *parent, *description, *lead;
} demo_teams[] = {
	{ "Northwind", NULL, "Northwind Traders, an online home-goods "
	    "retailer", NULL },
	{ "Support", "Northwind", "The customer support department",
	    "Mara Ionescu" },
	{ "Tier 1", "Support", "Phone, email and chat front line",
	    "Andrei Pop" },
	{ "Tier 2", "Support", "Technical and account specialists",
	    "Radu Georgescu" },
	{ "Quality", "Support", "QA reviews, training and the knowledge base",
	    "Sofia Constantin" },
};

static const struct {
	const char	*name, *team, *role;
} demo_people[] = {
	{ "Mara Ionescu", "Support", "head of support" },
	{ "Andrei Pop", "Tier 1", "lead" },
	{ "Ana Dumitru", "Tier 1", "agent" },
	{ "Victor Stan", "Tier 1", "agent" },
	{ "Radu Georgescu", "Tier 2", "lead" },
	{ "Ioana Radu", "Tier 2", "agent" },
	{ "Sofia Constantin", "Quality", "lead" },
	{ "Dan Petrescu", "Quality", "trainer" },
	{ "Elena Marin", "Quality", "qa analyst" },
};

static const struct {
	const char	*key, *title, *team, *person;
	int		 kind;		/* enum obj_kind */
	const char	*aligns[3];
	const char	*description;
} demo_objectives[] = {
	{ "love", "Customers love talking to us", "Northwind", NULL,
	    OBJ_ASPIRATIONAL, { NULL }, "Every contact leaves the customer "
	    "glad they got in touch." },
	{ "scale", "Run a support operation that scales", "Northwind", NULL,
	    OBJ_COMMITTED, { NULL }, "Twice the customers next year "
	    "without twice the cost." },
	{ "nps-70", "NPS of 70 or more", "Support", NULL, OBJ_COMMITTED,
	    { "love/nps" }, NULL },
	{ "churn-20", "Churn down 20%", "Support", NULL, OBJ_ASPIRATIONAL,
	    { "love" }, NULL },
	{ "email-6h", "Every email answered within 6 hours", "Tier 1", NULL,
	    OBJ_COMMITTED, { "nps-70" }, NULL },
	{ "fcr-85", "Resolve it on the first call", "Tier 1", NULL,
	    OBJ_ASPIRATIONAL, { "scale/cost" }, NULL },
	{ "escalations-15", "Escalations down 15%", "Tier 2", NULL,
	    OBJ_COMMITTED, { "scale/cost" }, NULL },
	{ "kb-95", "A knowledge base agents trust", "Tier 2", NULL,
	    OBJ_COMMITTED, { NULL }, "Tier 2's own project, aligned to "
	    "nothing yet." },
	{ "qa-80", "Quality you can hear on every call", "Quality", NULL,
	    OBJ_ASPIRATIONAL, { "scale" }, NULL },
	{ "training-20h", "20 hours of training per agent", "Quality", NULL,
	    OBJ_COMMITTED, { "scale", "qa-80/tenured" }, NULL },
	{ "live-chat", "Live chat launched at 90% CSAT", NULL, "Andrei Pop",
	    OBJ_ASPIRATIONAL, { "love" }, NULL },
	{ "survey-70", "Hear back from 70% of the customers we help", NULL,
	    "Sofia Constantin", OBJ_ASPIRATIONAL, { "nps-70/nps" }, NULL },
	{ "qa-calibration", "Reviewers who score alike", NULL, "Elena Marin",
	    OBJ_ASPIRATIONAL, { "qa-80" }, "Drafted: the key results come "
	    "after the first calibration round." },
};

struct demo_kr {
	const char	*obj, *key, *title, *owner;
	int		 kind;		/* enum kr_kind */
	const char	*unit;
	double		 baseline, target, low, high, weight;
	enum plan	 plan;
	int		 decimals;	/* values are rounded to this */
	double		 conf0, conf1;	/* confidence before, and at the latest */
	const char	*note;		/* on the latest check-in */
	const char	*ms[5];
	const char	*kpi, *kpi_filter;	/* PLAN_KPI: fed by the data */
	const char	*kpi_window;	/* NULL: the cycle to date */
};

#define N	NAN
static const struct demo_kr demo_krs[] = {
	{ "love", "nps", "Company NPS of 70 or more", "Mara Ionescu",
	    KR_INCREASE, "NPS", 52, 70, N, N, 1, PLAN_ON, 0, .7, .8,
	    "promoters up after the callback pilot", { NULL }, NULL, NULL,
	    NULL },
	{ "love", "csat", "CSAT across channels kept at 60% or more",
	    "Mara Ionescu", KR_BAND, "%", N, N, 60, N, 1, PLAN_KPI, 1,
	    N, N, NULL, { NULL }, "csat", NULL, NULL },
	{ "scale", "cost", "Cost per contact from 6.20 to 5.00 EUR",
	    "Mara Ionescu", KR_DECREASE, "EUR", 6.2, 5.0, N, N, 1, PLAN_ON, 2,
	    .8, .8, NULL, { NULL }, NULL, NULL, NULL },
	{ "scale", "sla", "SLA compliance kept within 85–100%",
	    "Radu Georgescu", KR_BAND, "%", N, N, 85, 100, 1, PLAN_KPI, 1,
	    N, N, NULL, { NULL }, "sla_compliance", NULL, NULL },
	{ "nps-70", "nps", "Transactional NPS from 20 to 58", "Mara Ionescu",
	    KR_INCREASE, "NPS", 20, 58, N, N, 2, PLAN_KPI, 0, N, N, NULL,
	    { NULL }, "nps", NULL, "28d" },
	{ "nps-70", "detractors", "Detractors called back within 48 hours",
	    "Andrei Pop", KR_INCREASE, "%", 40, 90, N, N, 1, PLAN_RISK, 0, .6,
	    .5, "callback queue short-staffed on Mondays", { NULL }, NULL, NULL,
	    NULL },
	{ "churn-20", "churn", "Monthly churn from 5.0% to 4.0%",
	    "Mara Ionescu", KR_DECREASE, "%", 5.0, 4.0, N, N, 1, PLAN_OFF, 2,
	    .5, .4, "cancellations up after the price change", { NULL }, NULL,
	    NULL, NULL },
	{ "email-6h", "response", "Median first reply to email: 5 h to 3 h",
	    "Ana Dumitru", KR_DECREASE, "h", 5, 3, N, N, 1, PLAN_KPI, 1, N, N,
	    NULL, { NULL }, "frt_median", "channel=email", NULL },
	{ "email-6h", "backlog", "Emails waiting over 24 hours: 120 to 0",
	    "Victor Stan", KR_DECREASE, "emails", 120, 0, N, N, 1, PLAN_OFF, 0,
	    .5, .3, "billing spike after the price change", { NULL }, NULL, NULL,
	    NULL },
	{ "fcr-85", "fcr", "First contact resolution in Tier 1 kept at 36% "
	    "or more", "Andrei Pop", KR_BAND, "%", N, N, 36, N, 1, PLAN_KPI, 1,
	    N, N, NULL, { NULL }, "fcr_rate", "team=Tier 1", NULL },
	{ "escalations-15", "escalations", "Escalations to engineering: 240 "
	    "to 204", "Radu Georgescu", KR_DECREASE, NULL, 240, 204, N, N,
	    1, PLAN_ON, 0, .8, .8, NULL, { NULL }, NULL, NULL, NULL },
	{ "escalations-15", "playbook", "Escalation playbook published",
	    "Radu Georgescu", KR_BOOLEAN, NULL, N, N, N, N, 1, PLAN_YES, 0, .9,
	    1, "published on the wiki", { NULL }, NULL, NULL, NULL },
	{ "kb-95", "accuracy", "Accurate knowledge-base articles: 78% to 95%",
	    "Elena Marin", KR_INCREASE, "%", 78, 95, N, N, 2, PLAN_KPI, 1, N, N,
	    NULL, { NULL }, "kb_accuracy", NULL, NULL },
	{ "kb-95", "owners", "Every article has a named owner", "Ioana Radu",
	    KR_BOOLEAN, NULL, N, N, N, N, 1, PLAN_YES, 0, .8, 1, NULL,
	    { NULL }, NULL, NULL, NULL },
	{ "qa-80", "tenured", "Tenured agents scoring 80%+ in QA: 62% to 90%",
	    "Sofia Constantin", KR_INCREASE, "%", 62, 90, N, N, 1, PLAN_RISK,
	    1, .7, .6, "calibration sessions slipped a week", { NULL }, NULL,
	    NULL, NULL },
	{ "training-20h", "hours", "Training hours per agent: 0 to 20",
	    "Dan Petrescu", KR_INCREASE, "h", 0, 20, N, N, 1, PLAN_SILENT, 1,
	    .6, .6, NULL, { NULL }, NULL, NULL, NULL },
	{ "training-20h", "curriculum", "Write the training curriculum",
	    "Dan Petrescu", KR_MILESTONES, NULL, N, N, N, N, 1, PLAN_ALL_MS, 0,
	    .8, .9, NULL, { "Skills gap survey", "Modules written",
	    "Trainers certified", NULL }, NULL, NULL, NULL },
	{ "live-chat", "launch", "Live chat launched", "Andrei Pop",
	    KR_MILESTONES, NULL, N, N, N, N, 1, PLAN_SOME_MS, 0, .7, .8, NULL,
	    { "Vendor chosen", "Agents trained", "Pilot with 10% of visitors",
	    "Open to every visitor", NULL }, NULL, NULL, NULL },
	{ "live-chat", "csat", "Chat CSAT of 90% or more", "Andrei Pop",
	    KR_INCREASE, "%", N, 90, N, N, 1, PLAN_UNSET, 1, .6, .7,
	    "pilot only: no baseline before launch", { NULL }, NULL, NULL, NULL },
	{ "survey-70", "response", "Survey response rate: 22% to 70%",
	    "Sofia Constantin", KR_INCREASE, "%", 22, 70, N, N, 1, PLAN_KPI, 1,
	    N, N, NULL, { NULL }, "survey_response_rate", NULL, NULL },
};
#undef N

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Deterministic noise, as a share of the range, for the earlier values. */
static const double wiggle[] = { .03, -.02, .015, -.01, .02, -.025 };

void
demo_workspace(struct workspace *ws)
{
	workspace_defaults(ws);
	ws->name = (char *)"Northwind Support";
	ws->timezone = (char *)"Europe/Bucharest";
}

/* A check-in to record, once they are all planned. */
struct step {
	const struct demo_kr	*s;
	int64_t			 at;
	double			 value, conf;
	const char		*note;
	const char		*ms;		/* a milestone done, or NULL */
	size_t			 seq;		/* planning order, for ties */
};

/* The state shared by the builders below. */
struct demo {
	struct okr		*o;
	struct arena		 a;
	struct step		*steps;
	size_t			 nsteps, cap;
	struct demo_summary	*sum;
	char			 cycle[32];
	int64_t			 start, end, now;
	int			 y, m, day;	/* the start, as a date */
	double			 expected;	/* at now */
};

/* 09:30 local time on the day of t (people check in after stand-up). */
static int64_t
morning(int64_t t)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	localtime_r(&tt, &tm);
	return clock_day_start(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) +
	    MORNING;
}

static double
round_to(double v, int decimals)
{
	double	 f = pow(10, decimals);

	return round(v * f) / f;
}

static enum err_code
add_org(struct demo *d, struct err *e)
{
	struct team	 t;
	struct person	 p;
	enum err_code	 rc;
	size_t		 i;

	for (i = 0; i < NELEM(demo_teams); i++) {
		team_defaults(&t);
		t.name = (char *)demo_teams[i].name;
		t.parent = (char *)demo_teams[i].parent;
		t.description = (char *)demo_teams[i].description;
		if ((rc = team_add(d->o, &t, e)) != ERR_OK)
			return rc;
		d->sum->teams++;
	}
	for (i = 0; i < NELEM(demo_people); i++) {
		person_defaults(&p);
		p.name = (char *)demo_people[i].name;
		p.team = (char *)demo_people[i].team;
		p.role = (char *)demo_people[i].role;
		if ((rc = person_add(d->o, &p, e)) != ERR_OK)
			return rc;
		d->sum->people++;
	}
	/* leads are people, so they come once the people exist */
	for (i = 0; i < NELEM(demo_teams); i++) {
		struct team	 old;

		if (demo_teams[i].lead == NULL)
			continue;
		if ((rc = team_get(d->o, demo_teams[i].name, &d->a, &old, e))
		    != ERR_OK)
			return rc;
		t = old;
		t.lead = (char *)demo_teams[i].lead;
		if ((rc = team_update(d->o, &old, &t, e)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

/* The quarter around now, or six weeks more when it has just begun. */
static void
cycle_dates(struct demo *d)
{
	int		 y, q, m;

	clock_quarter(d->o->now, &y, &q);
	m = 3 * (q - 1) + 1;
	d->y = y;
	d->m = m;
	d->day = 1;
	d->start = clock_day_start(y, m, 1);
	if (d->o->now - d->start < EARLY_DAYS * DAY) {
		d->day = 1 - 7 * EARLIER_WEEKS;	/* mktime normalises it */
		d->start = clock_day_start(y, m, d->day);
	}
	/* day 0 of the month after the quarter is its last day */
	d->end = clock_day_end(y, m + 3, 0);
	snprintf(d->cycle, sizeof(d->cycle), "%d-Q%d", y, q);
	clock_fmt_date(d->start, d->sum->start, sizeof(d->sum->start));
	clock_fmt_date(d->end - DAY / 2, d->sum->end, sizeof(d->sum->end));
	snprintf(d->sum->cycle, sizeof(d->sum->cycle), "%s", d->cycle);
	d->now = d->o->now;
	d->expected = progress_expected(d->start, d->end, d->now);
}

static enum err_code
cycle_record(struct demo *d, struct err *e)
{
	struct cycle	 c;

	cycle_defaults(&c);
	c.name = d->cycle;
	c.start = d->sum->start;
	c.end = d->sum->end;
	c.state = CYCLE_ACTIVE;
	return cycle_add(d->o, &c, e);
}

static enum err_code
add_krs_of(struct demo *d, const char *obj, struct err *e)
{
	struct milestone	 ms[4];
	struct kr		 k;
	const struct demo_kr	*s;
	enum err_code		 rc;
	size_t			 i, j;

	for (i = 0; i < NELEM(demo_krs); i++) {
		s = &demo_krs[i];
		if (strcmp(s->obj, obj) != 0)
			continue;
		kr_defaults(&k);
		k.objective = (char *)s->obj;
		k.key = (char *)s->key;
		k.title = (char *)s->title;
		k.owner = (char *)s->owner;
		k.kind = s->kind;
		k.unit = (char *)s->unit;
		k.baseline = s->baseline;
		k.target = s->target;
		k.low = s->low;
		k.high = s->high;
		k.weight = s->weight;
		k.kpi = (char *)s->kpi;
		k.kpi_filter = (char *)s->kpi_filter;
		k.kpi_window = (char *)s->kpi_window;
		for (j = 0; j < NELEM(ms) && s->ms[j] != NULL; j++) {
			memset(&ms[j], 0, sizeof(ms[j]));
			ms[j].title = (char *)s->ms[j];
			ms[j].weight = 1;
		}
		k.ms = j > 0 ? ms : NULL;
		k.nms = j;
		if ((rc = kr_add(d->o, &k, e)) != ERR_OK)
			return rc;
		d->sum->krs++;
	}
	return ERR_OK;
}

static enum err_code
add_objectives(struct demo *d, struct err *e)
{
	struct objective	 ob;
	enum err_code		 rc;
	size_t			 i, n;

	for (i = 0; i < NELEM(demo_objectives); i++) {
		objective_defaults(&ob);
		ob.key = (char *)demo_objectives[i].key;
		ob.title = (char *)demo_objectives[i].title;
		ob.cycle = d->cycle;
		ob.team = (char *)demo_objectives[i].team;
		ob.person = (char *)demo_objectives[i].person;
		ob.kind = demo_objectives[i].kind;
		ob.description = (char *)demo_objectives[i].description;
		for (n = 0; n < NELEM(demo_objectives[i].aligns) &&
		    demo_objectives[i].aligns[n] != NULL; n++)
			continue;
		ob.aligns = (char **)demo_objectives[i].aligns;
		ob.naligns = n;
		if ((rc = objective_add(d->o, &ob, e)) != ERR_OK ||
		    (rc = add_krs_of(d, ob.key, e)) != ERR_OK)
			return rc;
		d->sum->objectives++;
	}
	return ERR_OK;
}

/*
 * One check-in (or, with ms, one milestone done) planned for the key
 * result s.  The stories below plan them key result by key result; play()
 * then records them all in time order, so that the history reads as the
 * weeks went.
 */
static enum err_code
plan(struct demo *d, const struct demo_kr *s, int64_t at, double value,
    double conf, const char *note, const char *ms)
{
	struct step	*st;

	if ((st = ARENA_PUSH(&d->a, d->steps, d->nsteps, d->cap)) == NULL)
		return ERR_NOMEM;
	st->s = s;
	st->at = at;
	st->value = value;
	st->conf = conf;
	st->note = note;
	st->ms = ms;
	st->seq = d->nsteps;
	return ERR_OK;
}

static enum err_code
checkin(struct demo *d, const struct demo_kr *s, int64_t at, double value,
    double conf, const char *note, struct err *e)
{
	if (plan(d, s, at, value, conf, note, NULL) != ERR_OK)
		return err_set(e, ERR_NOMEM, "out of memory");
	return ERR_OK;
}

static enum err_code
milestone(struct demo *d, const struct demo_kr *s, const char *title,
    int64_t at, double conf, struct err *e)
{
	if (plan(d, s, at, NAN, conf, NULL, title) != ERR_OK)
		return err_set(e, ERR_NOMEM, "out of memory");
	return ERR_OK;
}

static int
step_order(const void *a, const void *b)
{
	const struct step	*x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/*
 * Record the planned check-ins in time order, each as its owner at its
 * own time: the demo replays the weeks, so the history shows who checked
 * in when, as it would have happened.
 */
static enum err_code
play(struct demo *d, struct err *e)
{
	struct checkin	 c;
	struct step	*st;
	char		 ref[160];
	enum err_code	 rc = ERR_OK;
	size_t		 i;

	if (d->nsteps > 0)
		qsort(d->steps, d->nsteps, sizeof(*d->steps), step_order);
	for (i = 0; i < d->nsteps && rc == ERR_OK; i++) {
		st = &d->steps[i];
		checkin_defaults(&c);
		c.at = st->at;
		c.value = st->value;
		c.confidence = st->conf;
		c.note = (char *)st->note;
		c.author = (char *)st->s->owner;
		snprintf(ref, sizeof(ref), "%s/%s", st->s->obj, st->s->key);
		d->o->now = st->at;
		d->o->actor = st->s->owner;
		rc = st->ms != NULL ? checkin_milestone(d->o, ref, st->ms, 1,
		    &c, e) : checkin_add(d->o, ref, &c, e);
		if (rc == ERR_OK)
			d->sum->checkins++;
	}
	return rc;
}

/*
 * The weekly check-in times of the i-th key result up to last: 09:30
 * local time (whatever the daylight saving) on day (i % 5) of each cycle
 * week.  Returns how many (at most max).
 */
static size_t
weekly(const struct demo *d, size_t i, int64_t last, int64_t *t, size_t max)
{
	size_t	 n = 0;
	int64_t	 at;
	int	 day;

	for (day = d->day + (int)(i % 5); n < max; day += 7) {
		at = clock_day_start(d->y, d->m, day) + MORNING;
		if (at > last)
			break;
		t[n++] = at;
	}
	return n;
}

/* increase / decrease: from the baseline to ratio x the expected pace. */
static enum err_code
linear_story(struct demo *d, size_t i, double ratio, int64_t last,
    struct err *e)
{
	const struct demo_kr	*s = &demo_krs[i];
	int64_t			 t[64];
	double			 p, range, v, f;
	size_t			 n, k;
	enum err_code		 rc;

	range = s->target - s->baseline;
	p = ratio * d->expected;
	if ((n = weekly(d, i, last, t, NELEM(t))) == 0)
		return ERR_OK;
	for (k = 0; k < n; k++) {
		f = t[n - 1] > d->start ? (double)(t[k] - d->start) /
		    (double)(t[n - 1] - d->start) : 1;
		v = s->baseline + range * p * f;
		if (k + 1 < n)
			v += range * wiggle[k % NELEM(wiggle)];
		v = round_to(v, s->decimals);
		if ((rc = checkin(d, s, t[k], v, k + 1 < n ? s->conf0 :
		    s->conf1, k + 1 < n ? NULL : s->note, e)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

/* band: weekly values inside, week 3 outside once there are 5 weeks. */
static enum err_code
band_story(struct demo *d, size_t i, int64_t last, struct err *e)
{
	const struct demo_kr	*s = &demo_krs[i];
	int64_t			 t[64];
	double			 v;
	size_t			 n, k;
	enum err_code		 rc;

	n = weekly(d, i, last, t, NELEM(t));
	for (k = 0; k < n; k++) {
		v = s->low + 2 + (double)((k * 37) % 7);
		if (k == 2 && n >= 5)
			v = s->low - 2.5;
		if ((rc = checkin(d, s, t[k], round_to(v, s->decimals),
		    k + 1 < n ? s->conf0 : s->conf1, k == 2 && n >= 5 ?
		    "storm week: two agents out sick" : NULL, e)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

static size_t
nms(const struct demo_kr *s)
{
	size_t	 n = 0;

	while (n < NELEM(s->ms) && s->ms[n] != NULL)
		n++;
	return n;
}

static enum err_code
milestone_story(struct demo *d, size_t i, struct err *e)
{
	const struct demo_kr	*s = &demo_krs[i];
	int64_t			 span = d->now - 2 * DAY - d->start;
	size_t			 n = nms(s), k, done;
	enum err_code		 rc;

	if (s->plan == PLAN_ALL_MS) {
		/* done at 20%, 45%, 70%... of the time elapsed */
		for (k = 0; k < n; k++)
			if ((rc = milestone(d, s, s->ms[k], morning(d->start +
			    (int64_t)((double)span * (0.2 + 0.25 *
			    (double)k))), k + 1 < n ? s->conf0 : s->conf1, e))
			    != ERR_OK)
				return rc;
		return ERR_OK;
	}
	/* at least the pace, never all: ceil(expected x n) in 1..n-1 */
	done = (size_t)ceil(d->expected * (double)n);
	if (done < 1)
		done = 1;
	if (done > n - 1)
		done = n - 1;
	for (k = 0; k < done; k++)
		if ((rc = milestone(d, s, s->ms[k], morning(d->start + span *
		    (int64_t)(k + 1) / (int64_t)done), k + 1 < done ?
		    s->conf0 : s->conf1, e)) != ERR_OK)
			return rc;
	return ERR_OK;
}

static enum err_code
add_checkins(struct demo *d, struct err *e)
{
	const struct demo_kr	*s;
	int64_t			 elapsed = d->now - d->start, last;
	enum err_code		 rc = ERR_OK;
	size_t			 i;

	for (i = 0; i < NELEM(demo_krs) && rc == ERR_OK; i++) {
		s = &demo_krs[i];
		/* the latest check-in 3 hours to 2 days 3 hours ago */
		last = d->now - 3 * 3600 - (int64_t)(i % 3) * DAY;
		switch (s->plan) {
		case PLAN_ON:
			rc = linear_story(d, i, 1.15, last, e);
			break;
		case PLAN_RISK:
			rc = linear_story(d, i, 0.55, last, e);
			break;
		case PLAN_OFF:
			rc = linear_story(d, i, 0.2, last, e);
			break;
		case PLAN_SILENT:
			/* nothing in the last 11 days */
			rc = linear_story(d, i, 0.3, d->now - 11 * DAY, e);
			break;
		case PLAN_BAND:
			rc = band_story(d, i, last, e);
			break;
		case PLAN_YES:
			if ((rc = checkin(d, s, d->start + MORNING, 0,
			    s->conf0, NULL, e)) == ERR_OK)
				rc = checkin(d, s, morning(d->start +
				    elapsed / 2), 1, s->conf1, s->note, e);
			break;
		case PLAN_ALL_MS:
		case PLAN_SOME_MS:
			rc = milestone_story(d, i, e);
			break;
		case PLAN_UNSET:
			if ((rc = checkin(d, s, morning(d->now - 8 * DAY),
			    s->target - 6, s->conf0, NULL, e)) == ERR_OK)
				rc = checkin(d, s, last, s->target - 4,
				    s->conf1, s->note, e);
			break;
		case PLAN_KPI:
			break;	/* kpilink_sync writes its points */
		}
	}
	return rc;
}

enum err_code
demo_build(struct okr *o, struct demo_summary *sum, struct err *e)
{
	struct demo_summary	 local;
	struct demo		 d;
	const char		*actor = o->actor;
	int64_t			 now = o->now;
	enum err_code		 rc;

	memset(&d, 0, sizeof(d));
	d.o = o;
	d.sum = sum != NULL ? sum : &local;
	memset(d.sum, 0, sizeof(*d.sum));
	/*
	 * The head of support writes the plan three days before the cycle
	 * starts; the check-ins follow as their owners made them.  The
	 * clock and the actor are the session's own, and are put back.
	 */
	cycle_dates(&d);
	o->now = d.start - 3 * DAY;
	o->actor = "Mara Ionescu";
	if ((rc = add_org(&d, e)) == ERR_OK &&
	    (rc = cycle_record(&d, e)) == ERR_OK &&
	    (rc = add_objectives(&d, e)) == ERR_OK &&
	    (rc = add_checkins(&d, e)) == ERR_OK)
		rc = play(&d, e);
	o->now = now;
	o->actor = actor;
	arena_release(&d.a);
	return rc;
}
