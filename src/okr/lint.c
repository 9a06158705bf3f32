/*
 * lint.c: the coaching rules of okr/lint.h on a cycle's definitions: too
 * many objectives, key results or KPIs, key results that cannot be
 * measured or are tasks, objectives that only hold a KPI steady, speed
 * without a quality guardrail, objectives aligned to nothing; plus the
 * findings' order and JSON.  The rules on a KPI's history are in
 * lint_kpi.c.  docs/coaching.md is the reader's version of this file.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "kpi/kpi.h"
#include "okr/kpilink.h"
#include "okr/lint.h"
#include "okr/lint_int.h"

const char *const lint_severity_names[LINT_SEVERITY__MAX] = {
	[LINT_ERROR] = "error",
	[LINT_WARNING] = "warning",
	[LINT_INFO] = "info",
};

/* What each rule finds: cmd-lint.c's --help (test_lint checks every code
 * is there under its severity) and docs/coaching.md. */
const struct lint_rule_def lint_rules[LINT_RULE__MAX] = {
	[LINT_NO_KEY_RESULTS] = { "no-key-results", LINT_ERROR },
	[LINT_KR_NO_TARGET] = { "kr-no-target", LINT_ERROR },
	[LINT_TOO_MANY_OBJECTIVES] = { "too-many-objectives", LINT_WARNING },
	[LINT_TOO_MANY_KRS] = { "too-many-krs", LINT_WARNING },
	[LINT_KR_NO_BASELINE] = { "kr-no-baseline", LINT_WARNING },
	[LINT_KR_NO_UNIT] = { "kr-no-unit", LINT_WARNING },
	[LINT_KR_IS_A_TASK] = { "kr-is-a-task", LINT_WARNING },
	[LINT_KPI_NOT_OKR] = { "kpi-not-okr", LINT_WARNING },
	[LINT_NO_QUALITY_GUARDRAIL] = { "no-quality-guardrail", LINT_WARNING },
	[LINT_IMPLAUSIBLE_TARGET] = { "implausible-target", LINT_WARNING },
	[LINT_SAMPLE_TOO_SMALL] = { "sample-too-small", LINT_WARNING },
	[LINT_TOO_MANY_KPIS] = { "too-many-kpis", LINT_WARNING },
	[LINT_UNALIGNED] = { "unaligned", LINT_INFO },
};

struct lint_finding *
lint_add(struct lint_ctx *c, enum lint_rule r, const char *entity,
    const char *ref, const char *title)
{
	struct lint_finding	*f;

	if ((f = ARENA_PUSH(c->a, c->v, c->n, c->cap)) == NULL)
		return NULL;
	f->rule = r;
	f->code = lint_rules[r].code;
	f->sev = lint_rules[r].sev;
	f->entity = entity;
	f->ref = ref;
	f->title = title;
	return f;
}

void
lint_num(struct lint_finding *f, const char *name, double v)
{
	if (f->ndata < LINT_DATA_MAX) {
		f->data[f->ndata].name = name;
		f->data[f->ndata].num = v;
		f->data[f->ndata++].text = NULL;
	}
}

void
lint_text(struct lint_finding *f, const char *name, const char *s)
{
	if (f->ndata < LINT_DATA_MAX) {
		f->data[f->ndata].name = name;
		f->data[f->ndata].num = NAN;
		f->data[f->ndata++].text = s != NULL ? s : "";
	}
}

const char *
lint_kr_ref(struct lint_ctx *c, const struct kr *k)
{
	return arena_printf(c->a, "%s/%s", k->objective, k->key);
}

enum err_code
lint_nomem(struct lint_ctx *c)
{
	return err_set(c->e, ERR_NOMEM, "out of memory");
}

/* Does text hold word (letters and spaces) as whole words, any case? */
static int
has_words(const char *text, const char *word)
{
	size_t		 n = strlen(word);
	const char	*p;

	for (p = text; *p != '\0'; p++) {
		if (strncasecmp(p, word, n) != 0)
			continue;
		if ((p == text || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]))
			return 1;
	}
	return 0;
}

static int
any_words(const char *text, const char *const *words)
{
	for (; *words != NULL; words++)
		if (has_words(text, *words))
			return 1;
	return 0;
}

static int
in_list(const char *s, const char *const *list)
{
	for (; s != NULL && *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/*
 * Efficiency and quality, by KPI key or by the words of a manual key
 * result's title.  An efficiency key result pushes a time or a queue
 * down; a quality one measures what the customer got.
 */
static const char *const efficiency_kpis[] = { "aht", "frt_avg",
    "frt_median", "frt_p90", "resolution_median", "resolution_p90",
    "backlog", "unanswered", "asa", NULL };
static const char *const efficiency_words[] = { "handle time", "aht",
    "response time", "first response", "first reply", "reply time",
    "resolution time", "time to resolve", "time to resolution", "backlog",
    "waiting", "wait time", "queue time", "speed of answer", "asa", NULL };
static const char *const quality_kpis[] = { "csat", "csat_avg", "nps",
    "ces", "fcr_rate", "qa_score", "qa_agents_passing", "reopen_rate",
    NULL };
static const char *const quality_words[] = { "csat", "satisfaction",
    "satisfied", "nps", "promoter", "promoters", "effort", "fcr",
    "first contact resolution", "first-contact resolution",
    "resolved on first contact", "qa", "quality", "reopen", "reopens",
    "reopened", "reopen rate", NULL };

static int
is_efficiency(const struct kr *k)
{
	if (k->kind != KR_DECREASE)
		return 0;
	if (k->kpi != NULL)
		return in_list(k->kpi, efficiency_kpis);
	return any_words(k->title, efficiency_words);
}

static int
is_quality(const struct kr *k)
{
	if (k->kpi != NULL)
		return in_list(k->kpi, quality_kpis);
	return any_words(k->title, quality_words);
}

/*
 * The activity verbs a task starts with.  Past participles ("playbook
 * published") state an outcome and are not here.
 */
static const char *const task_verbs[] = { "launch", "run", "hold",
    "create", "write", "build", "implement", "set up", "setup", "organise",
    "organize", "roll out", "hire", "train", "review", "update",
    "publish", "introduce", "start", "complete", "deliver", "migrate",
    "assign", "define", "design", "develop", "document", "conduct",
    "host", "prepare", "plan", "draft", "add", "make", "do", "improve",
    "establish", "set", "finish", "send", "schedule", NULL };

static int
is_task(const char *title)
{
	const char *const	*v;
	const char		*p;
	size_t			 n;

	for (p = title; *p != '\0'; p++)
		if (isdigit((unsigned char)*p))
			return 0;
	for (v = task_verbs; *v != NULL; v++) {
		n = strlen(*v);
		if (strncasecmp(title, *v, n) == 0 &&
		    !isalnum((unsigned char)title[n]))
			return 1;
	}
	return 0;
}

/* too-many-objectives: count per owner, reported at the owner's first. */
static enum err_code
rule_owners(struct lint_ctx *c)
{
	const struct cycle_eval	*ce = c->ce;
	const struct objective	*a, *b;
	struct lint_finding	*f;
	const char		*oa, *ob;
	int64_t			 max = c->o->ws.max_objectives;
	size_t			 i, j, n;
	int			 seen;

	for (i = 0; i < ce->nobjs; i++) {
		a = ce->objs[i].obj;
		oa = a->team != NULL ? a->team : a->person;
		if (oa == NULL)
			continue;
		for (j = 0, n = 0, seen = 0; j < ce->nobjs; j++) {
			b = ce->objs[j].obj;
			ob = b->team != NULL ? b->team : b->person;
			if (ob == NULL || strcmp(oa, ob) != 0 ||
			    (a->team == NULL) != (b->team == NULL))
				continue;
			if (j < i)
				seen = 1;
			n++;
		}
		if (seen || max <= 0 || (int64_t)n <= max)
			continue;
		if ((f = lint_add(c, LINT_TOO_MANY_OBJECTIVES, a->team != NULL ?
		    "team" : "person", oa, oa)) == NULL)
			return lint_nomem(c);
		f->message = arena_printf(c->a, "%s owns %zu objectives in %s, "
		    "more than the limit of %lld", oa, n, ce->cycle.name,
		    (long long)max);
		f->suggestion = arena_printf(c->a, "keep the few that matter "
		    "most this cycle and move the rest to a later one (the "
		    "limit: okrdesk workspace edit --max_objectives N)");
		lint_num(f, "objectives", (double)n);
		lint_num(f, "limit", (double)max);
	}
	return ERR_OK;
}

/* The number a reader would see first: target, baseline, low, high;
 * NAN when k has none. */
static double
first_number(const struct kr *k)
{
	const double	 v[] = { k->target, k->baseline, k->low, k->high };
	size_t		 i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (isfinite(v[i]))
			return v[i];
	return NAN;
}

/* The key results' definitions: baseline, target, unit, wording. */
static enum err_code
rule_kr(struct lint_ctx *c, const struct kr_eval *ke)
{
	const struct kr		*k = ke->kr;
	struct lint_finding	*f;
	const char		*ref = lint_kr_ref(c, k);
	double			 v;
	int			 linear = k->kind == KR_INCREASE ||
				    k->kind == KR_DECREASE;

	if (ref == NULL)
		return lint_nomem(c);
	if (linear && isnan(k->target)) {
		if ((f = lint_add(c, LINT_KR_NO_TARGET, "kr", ref, k->title))
		    == NULL)
			return lint_nomem(c);
		f->message = arena_printf(c->a, "%s key result with no target: "
		    "its progress cannot be computed", kr_kind_name(
		    (enum kr_kind)k->kind));
		f->suggestion = arena_printf(c->a, "set the value that means "
		    "done: okrdesk kr edit %s --target N", ref);
	}
	if (linear && isnan(k->baseline) && !(k->kpi != NULL &&
	    k->kpi_baseline != NULL)) {
		if ((f = lint_add(c, LINT_KR_NO_BASELINE, "kr", ref, k->title))
		    == NULL)
			return lint_nomem(c);
		if (isnan(k->target))
			f->message = arena_printf(c->a, "no baseline: progress "
			    "cannot be computed");
		else
			f->message = arena_printf(c->a, "%s to %g%s%s from no "
			    "baseline: progress cannot be computed",
			    k->kind == KR_INCREASE ? "up" : "down", k->target,
			    k->unit != NULL && strcmp(k->unit, "%") ? " " : "",
			    k->unit != NULL ? k->unit : "");
		f->suggestion = arena_printf(c->a, "set the value at the "
		    "cycle's start (okrdesk kr edit %s --baseline N)%s", ref,
		    k->kpi != NULL ? ", or take it from the KPI with "
		    "--kpi_baseline previous" : "");
		lint_num(f, "target", k->target);
	}
	if ((linear || k->kind == KR_BAND) && (k->unit == NULL ||
	    k->unit[0] == '\0')) {
		if ((f = lint_add(c, LINT_KR_NO_UNIT, "kr", ref, k->title))
		    == NULL)
			return lint_nomem(c);
		if (isfinite(v = first_number(k)))
			f->message = arena_printf(c->a, "%s key result with no "
			    "unit: a reader cannot tell what %g means",
			    kr_kind_name((enum kr_kind)k->kind), v);
		else
			f->message = arena_printf(c->a, "%s key result with no "
			    "unit: a reader cannot tell what its numbers mean",
			    kr_kind_name((enum kr_kind)k->kind));
		f->suggestion = arena_printf(c->a, "name the unit (%%, h, "
		    "tickets, NPS...): okrdesk kr edit %s --unit UNIT", ref);
	}
	if (is_task(k->title)) {
		if ((f = lint_add(c, LINT_KR_IS_A_TASK, "kr", ref, k->title))
		    == NULL)
			return lint_nomem(c);
		f->message = arena_printf(c->a, "\"%s\" describes an activity, "
		    "with no number to measure", k->title);
		f->suggestion = arena_printf(c->a, "state the result the "
		    "activity should change, with a number (from X to Y); keep "
		    "the activity in the team's plan");
	}
	return ERR_OK;
}

/* The objective's own rules and those of its key results. */
static enum err_code
rule_objective(struct lint_ctx *c, const struct obj_eval *oe)
{
	const struct objective	*ob = oe->obj;
	const struct cycle_eval	*ce = c->ce;
	struct lint_finding	*f;
	struct buf		 eff = BUF_INIT;
	enum err_code		 rc;
	int64_t			 max = c->o->ws.max_krs;
	size_t			 i, nband = 0, neff = 0, nqual = 0;
	const char		*owner;

	if (oe->nkrs == 0) {
		if ((f = lint_add(c, LINT_NO_KEY_RESULTS, "objective", ob->key,
		    ob->title)) == NULL)
			return lint_nomem(c);
		f->message = arena_printf(c->a, "no key result: nothing "
		    "measures whether it is met");
		f->suggestion = arena_printf(c->a, "add two to five measurable "
		    "key results: okrdesk kr add %s/KEY --title ... --baseline "
		    "N --target N", ob->key);
	}
	if (max > 0 && (int64_t)oe->nkrs > max) {
		if ((f = lint_add(c, LINT_TOO_MANY_KRS, "objective", ob->key,
		    ob->title)) == NULL)
			return lint_nomem(c);
		f->message = arena_printf(c->a, "%zu key results, more than "
		    "the limit of %lld", oe->nkrs, (long long)max);
		f->suggestion = arena_printf(c->a, "keep the few that best "
		    "show the objective is met and watch the rest as KPIs (the "
		    "limit: okrdesk workspace edit --max_krs N)");
		lint_num(f, "key_results", (double)oe->nkrs);
		lint_num(f, "limit", (double)max);
	}
	for (i = 0; i < oe->nkrs; i++) {
		const struct kr	*k = oe->krs[i].kr;

		if ((rc = rule_kr(c, &oe->krs[i])) != ERR_OK) {
			buf_release(&eff);
			return rc;
		}
		nband += k->kind == KR_BAND ? 1 : 0;
		nqual += is_quality(k) ? 1 : 0;
		if (is_efficiency(k)) {
			buf_printf(&eff, "%s%s/%s", neff > 0 ? ", " : "",
			    k->objective, k->key);
			neff++;
		}
	}
	if (oe->nkrs > 0 && nband == oe->nkrs) {
		if ((f = lint_add(c, LINT_KPI_NOT_OKR, "objective", ob->key,
		    ob->title)) == NULL)
			return lint_nomem(c);
		if (oe->nkrs == 1)
			f->message = arena_printf(c->a, "its only key result is "
			    "a band: it holds a KPI steady rather than changing "
			    "something");
		else
			f->message = arena_printf(c->a, "all %zu of its key "
			    "results are bands: it holds KPIs steady rather "
			    "than changing something", oe->nkrs);
		f->suggestion = arena_printf(c->a, "watch the KPI as a "
		    "corridor (okrdesk kpi corridor) and give the objective a "
		    "key result that moves");
		lint_num(f, "bands", (double)nband);
	}
	if (neff > 0 && nqual == 0) {
		if ((f = lint_add(c, LINT_NO_QUALITY_GUARDRAIL, "objective",
		    ob->key, ob->title)) == NULL) {
			buf_release(&eff);
			return lint_nomem(c);
		}
		f->message = arena_printf(c->a, "efficiency key result%s %s "
		    "with no quality key result (CSAT, FCR, QA score, reopen "
		    "rate) beside %s", neff == 1 ? "" : "s", buf_cstr(&eff),
		    neff == 1 ? "it" : "them");
		f->suggestion = arena_printf(c->a, "add a guardrail to %s, "
		    "e.g. CSAT or reopen rate held at today's level, so speed "
		    "is not bought with quality", ob->key);
		lint_num(f, "efficiency", (double)neff);
		lint_num(f, "quality", 0);
	}
	buf_release(&eff);
	/* below the top of the tree: a root team's objectives may stand */
	if (oe->nparents == 0 && oe->depth > 0) {
		owner = ob->team != NULL ? ob->team : ob->person;
		if ((f = lint_add(c, LINT_UNALIGNED, "objective", ob->key,
		    ob->title)) == NULL)
			return lint_nomem(c);
		f->message = arena_printf(c->a, "owned by %s and aligned to "
		    "nothing in %s", owner != NULL ? owner : "nobody",
		    ce->cycle.name);
		f->suggestion = arena_printf(c->a, "align it to the objective "
		    "or key result above it that it serves: okrdesk objective "
		    "edit %s --align PARENT", ob->key);
	}
	return ERR_OK;
}

/* Add key to the set keys[0..*n) unless it is there. */
static int
set_add(struct lint_ctx *c, const char ***keys, size_t *n, size_t *cap,
    const char *key)
{
	const char	**slot;
	size_t		  i;

	for (i = 0; i < *n; i++)
		if (strcmp((*keys)[i], key) == 0)
			return 0;
	if ((slot = ARENA_PUSH(c->a, *keys, *n, *cap)) == NULL)
		return -1;
	*slot = key;
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * too-many-kpis: the KPIs of the key results of objectives a team or its
 * people own, and the team's corridors; the corridors of the whole
 * operation (no team) count for the teams at the top of the tree.
 */
static enum err_code
rule_kpis(struct lint_ctx *c)
{
	const struct cycle_eval	*ce = c->ce;
	struct kpi_corridor	*cor;
	struct lint_finding	*f;
	struct buf		 list = BUF_INIT;
	const char		**keys, *name;
	enum err_code		 rc;
	int64_t			 max = c->o->ws.max_kpis;
	size_t			 ncor, t, i, j, n, cap;

	if (max <= 0)
		return ERR_OK;
	if ((rc = kpilink_corridors(c->o, c->a, &cor, &ncor, c->e)) != ERR_OK)
		return rc;
	for (t = 0; t < ce->nteams; t++) {
		keys = NULL;
		n = cap = 0;
		for (i = 0; i < ce->nobjs; i++) {
			if (ce->objs[i].team != t)
				continue;
			for (j = 0; j < ce->objs[i].nkrs; j++)
				if (ce->objs[i].krs[j].kr->kpi != NULL &&
				    set_add(c, &keys, &n, &cap,
				    ce->objs[i].krs[j].kr->kpi) < 0) {
					rc = lint_nomem(c);
					goto out;
				}
		}
		for (i = 0; i < ncor; i++)
			if (((cor[i].team != NULL && strcmp(cor[i].team,
			    ce->teams[t].team->name) == 0) ||
			    ((cor[i].team == NULL || cor[i].team[0] == '\0') &&
			    ce->teams[t].parent == EVAL_NONE)) &&
			    set_add(c, &keys, &n, &cap, cor[i].kpi) < 0) {
				rc = lint_nomem(c);
				goto out;
			}
		if ((int64_t)n <= max)
			continue;
		qsort(keys, n, sizeof(*keys), cmp_str);
		buf_reset(&list);
		for (i = 0; i < n; i++)
			buf_printf(&list, "%s%s", i > 0 ? ", " : "", keys[i]);
		name = ce->teams[t].team->name;
		if ((f = lint_add(c, LINT_TOO_MANY_KPIS, "team", name, name))
		    == NULL) {
			rc = lint_nomem(c);
			goto out;
		}
		f->message = arena_printf(c->a, "%s watches %zu KPIs (%s), "
		    "more than the limit of %lld", name, n,
		    buf_cstr(&list), (long long)max);
		f->suggestion = arena_printf(c->a, "keep the KPIs the team can "
		    "act on this cycle; leave the others to the teams that "
		    "move them (the limit: okrdesk workspace edit --max_kpis "
		    "N)");
		lint_num(f, "kpis", (double)n);
		lint_num(f, "limit", (double)max);
		lint_text(f, "list", arena_strdup(c->a, buf_cstr(&list)));
	}
out:
	buf_release(&list);
	return rc;
}

static int
cmp_finding(const void *a, const void *b)
{
	const struct lint_finding	*x = a, *y = b;

	if (x->sev != y->sev)
		return x->sev < y->sev ? -1 : 1;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	return 0;	/* the sort is stable: the objects' order in ce */
}

/* A stable sort: insertion, since findings are few. */
static void
sort_findings(struct lint_finding *v, size_t n)
{
	struct lint_finding	 t;
	size_t			 i, j;

	for (i = 1; i < n; i++) {
		t = v[i];
		for (j = i; j > 0 && cmp_finding(&v[j - 1], &t) > 0; j--)
			v[j] = v[j - 1];
		v[j] = t;
	}
}

enum err_code
lint_run(struct okr *o, const struct cycle_eval *ce, const struct snap *snap,
    struct arena *a, struct lint_finding **out, size_t *nout, struct err *e)
{
	struct lint_ctx	 c;
	enum err_code	 rc = ERR_OK;
	size_t		 i, j;

	*out = NULL;
	*nout = 0;
	memset(&c, 0, sizeof(c));
	c.o = o;
	c.ce = ce;
	c.a = a;
	c.e = e;
	c.snap = snap;
	/* read once for every KPI query of the run, as kpilink_sync does */
	if (snap != NULL && (rc = kpilink_schedule(o, a, &c.sched, e)) !=
	    ERR_OK)
		return rc;
	if ((rc = rule_owners(&c)) != ERR_OK)
		return rc;
	for (i = 0; i < ce->nobjs; i++)
		if ((rc = rule_objective(&c, &ce->objs[i])) != ERR_OK)
			return rc;
	for (i = 0; snap != NULL && i < ce->nobjs; i++)
		for (j = 0; j < ce->objs[i].nkrs; j++)
			if ((rc = lint_kpi_kr(&c, &ce->objs[i].krs[j])) !=
			    ERR_OK)
				return rc;
	if ((rc = rule_kpis(&c)) != ERR_OK)
		return rc;
	for (i = 0; i < c.n; i++)
		if (c.v[i].message == NULL || c.v[i].suggestion == NULL)
			return lint_nomem(&c);
	sort_findings(c.v, c.n);
	*out = c.v;
	*nout = c.n;
	return ERR_OK;
}

void
lint_count(const struct lint_finding *v, size_t n,
    size_t counts[LINT_SEVERITY__MAX])
{
	size_t	 i;

	for (i = 0; i < LINT_SEVERITY__MAX; i++)
		counts[i] = 0;
	for (i = 0; i < n; i++)
		counts[v[i].sev]++;
}

/* The findings as a JSON array of lint_document's findings. */
static json_t *
lint_json(const struct lint_finding *v, size_t n)
{
	json_t	*arr, *o, *d;
	size_t	 i, j;

	if ((arr = json_array()) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if ((d = json_object()) == NULL)
			goto fail;
		for (j = 0; j < v[i].ndata; j++)
			json_object_set_new(d, v[i].data[j].name,
			    v[i].data[j].text != NULL ?
			    json_string(v[i].data[j].text) :
			    isfinite(v[i].data[j].num) ?
			    json_real(v[i].data[j].num) : json_null());
		o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o}",
		    "code", v[i].code, "severity",
		    lint_severity_names[v[i].sev], "entity", v[i].entity,
		    "ref", v[i].ref, "title", v[i].title != NULL ?
		    v[i].title : "", "message", v[i].message, "suggestion",
		    v[i].suggestion, "data", d);
		if (o == NULL || json_array_append_new(arr, o) != 0)
			goto fail;
	}
	return arr;
fail:
	json_decref(arr);
	return NULL;
}

json_t *
lint_document(const struct cycle_eval *ce, const struct lint_finding *v,
    size_t n)
{
	size_t	 counts[LINT_SEVERITY__MAX];
	json_t	*f;

	lint_count(v, n, counts);
	if ((f = lint_json(v, n)) == NULL)
		return NULL;
	return json_pack("{s:s, s:o, s:{s:I, s:I, s:I, s:I}}", "cycle",
	    ce->cycle.name, "findings", f, "counts",
	    "error", (json_int_t)counts[LINT_ERROR],
	    "warning", (json_int_t)counts[LINT_WARNING],
	    "info", (json_int_t)counts[LINT_INFO],
	    "total", (json_int_t)n);
}
