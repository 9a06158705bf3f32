/*
 * page_home.c: the pages of the tree: the home page (the company → team
 * → person tree of a cycle, filtered by ?cycle= and ?team=), a team's
 * page, and the wallboard for a screen on the support floor.
 *
 * All three read one cycle evaluation (okr/eval.h), as the CLI's status
 * and the API's /api/v1/status do, so the numbers are the same.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/html.h"
#include "kpi/kpi.h"
#include "web/kpicache.h"
#include "web/page.h"

struct walk_ctx {
	struct page		*p;
	size_t			 team;		/* filter, or EVAL_NONE */
	int			 with_krs;
};

static int
keep_team(const struct cycle_eval *ce, const struct obj_eval *oe, void *arg)
{
	const struct walk_ctx	*c = arg;

	return c->team == EVAL_NONE || eval_owned_under(ce, oe, c->team);
}

static int
visit(const struct cycle_eval *ce, const struct obj_eval *oe, int level,
    void *arg)
{
	struct walk_ctx	*c = arg;

	page_objective(c->p, ce, oe, level, c->with_krs);
	return 0;
}

/* Evaluate ?cycle= (or the current cycle) and resolve ?team=; 0, or the
 * error answered. */
static int
load_eval(struct page *p, const char *team, struct cycle_eval *ce,
    size_t *t)
{
	struct http_req	*r = p->r;
	struct err	 e;

	if (eval_cycle(r->okr, http_query(r, "cycle"), r->okr->now, r->arena,
	    ce, &e) != ERR_OK) {
		page_fail_err(p, &e);
		return -1;
	}
	*t = EVAL_NONE;
	if (team != NULL && team[0] != '\0' &&
	    (*t = eval_team(ce, team)) == EVAL_NONE) {
		page_fail(p, 404, arena_printf(r->arena, _("No team named "
		    "\"%s\"."), team));
		return -1;
	}
	return 0;
}

/* "2026-Q4 (01.10.2026 – 31.12.2026) · week 5 of 14 · expected 31%". */
static void
cycle_line(struct page *p, const struct cycle_eval *ce)
{
	html_printf(p->b, "<p class=\"cycle\"><b>%s</b> (", ce->cycle.name);
	page_date(p, ce->cycle.start);
	html_raw(p->b, " – ");
	page_date(p, ce->cycle.end);
	html_raw(p->b, ") · ");
	html_printf(p->b, _("week %d of %d"), ce->week, ce->nweeks);
	html_printf(p->b, " · %s ", _("expected pace"));
	page_pct(p, ce->expected);
	html_raw(p->b, " · <a href=\"/cycles/");
	html_url(p->b, ce->cycle.name);
	html_printf(p->b, "/review\">%s</a> · <a href=\"/coaching?cycle=",
	    _("Cycle review"));
	html_url(p->b, ce->cycle.name);
	html_printf(p->b, "\">%s</a></p>\n", _("Coaching"));
}

/* The filter form: cycle and team, a GET that works without script. */
static void
filters(struct page *p, const struct cycle_eval *ce, size_t team)
{
	struct cycle	*cy;
	struct err	 e;
	size_t		 n = 0, i;

	if (cycle_list(p->r->okr, p->r->arena, &cy, &n, &e) != ERR_OK)
		n = 0;
	html_printf(p->b, "<form class=\"filters\" method=\"get\" "
	    "action=\"/\"><label>%s <select name=\"cycle\">", _("Cycle"));
	for (i = 0; i < n; i++)
		html_printf(p->b, "<option%s>%s</option>",
		    strcmp(cy[i].name, ce->cycle.name) == 0 ? " selected" : "",
		    cy[i].name);
	html_printf(p->b, "</select></label> <label>%s <select name=\"team\">"
	    "<option value=\"\">%s</option>", _("Team"), _("all teams"));
	for (i = 0; i < ce->nteams; i++)
		html_printf(p->b, "<option%s>%s</option>", i == team ?
		    " selected" : "", ce->teams[i].team->name);
	html_printf(p->b, "</select></label> <button type=\"submit\">%s"
	    "</button></form>\n", _("Show"));
}

int
page_home(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct cycle_eval	 ce;
	struct walk_ctx		 c;
	unsigned char		*shown;
	size_t			 t, i;

	page_begin(&p, r, w, _("Objectives"), 0);
	if (load_eval(&p, http_query(r, "team"), &ce, &t) != 0)
		return 0;
	html_printf(p.b, "<h1>%s</h1>\n", _("Objectives"));
	cycle_line(&p, &ce);
	filters(&p, &ce, t);
	if ((shown = arena_alloc(r->arena, ce.nobjs + 1)) == NULL)
		return page_fail(&p, 500, _("Internal error."));
	for (i = 0; i < ce.nobjs; i++)
		shown[i] = t == EVAL_NONE || eval_owned_under(&ce, &ce.objs[i],
		    t);
	page_counts(&p, &ce, shown);
	if (ce.nobjs == 0)
		html_printf(p.b, "<p>%s</p>", _("No objectives in this cycle "
		    "yet."));
	html_raw(p.b, "<div class=\"tree\">\n");
	c.p = &p;
	c.team = t;
	c.with_krs = 1;
	if (eval_walk(&ce, keep_team, visit, &c, r->arena) < 0)
		return page_fail(&p, 500, _("Internal error."));
	html_raw(p.b, "</div>\n");
	return page_end(&p);
}

int
page_team(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct cycle_eval	 ce;
	struct walk_ctx		 c;
	struct person		*v;
	struct err		 e;
	const struct team	*tm;
	size_t			 t, i, n;
	int			 any = 0;

	page_begin(&p, r, w, r->args[0], 0);
	if (load_eval(&p, r->args[0], &ce, &t) != 0)
		return 0;
	tm = ce.teams[t].team;
	html_printf(p.b, "<h1>%s</h1>\n", tm->name);
	if (tm->description != NULL)
		html_printf(p.b, "<p class=\"desc\">%s</p>\n", tm->description);
	if (tm->parent != NULL) {
		html_printf(p.b, "<p>%s <a href=\"/teams/", _("Part of"));
		html_url(p.b, tm->parent);
		html_printf(p.b, "\">%s</a></p>\n", tm->parent);
	}
	cycle_line(&p, &ce);
	html_printf(p.b, "<h2>%s</h2>\n<div class=\"tree\">\n",
	    _("Objectives"));
	c.p = &p;
	c.team = t;
	c.with_krs = 1;
	if (eval_walk(&ce, keep_team, visit, &c, r->arena) < 0)
		return page_fail(&p, 500, _("Internal error."));
	html_raw(p.b, "</div>\n");
	/* Teams directly below, then the people. */
	for (i = 0; i < ce.nteams; i++) {
		if (ce.teams[i].parent != t)
			continue;
		if (!any++)
			html_printf(p.b, "<h2>%s</h2><ul class=\"plain\">",
			    _("Teams"));
		html_raw(p.b, "<li><a href=\"/teams/");
		html_url(p.b, ce.teams[i].team->name);
		html_printf(p.b, "\">%s</a></li>", ce.teams[i].team->name);
	}
	if (any)
		html_raw(p.b, "</ul>\n");
	if (person_list(r->okr, r->arena, &v, &n, &e) != ERR_OK)
		return page_fail_err(&p, &e);
	html_printf(p.b, "<h2>%s</h2><ul class=\"plain people\">",
	    _("People"));
	for (i = 0; i < n; i++)
		if (v[i].team != NULL && strcmp(v[i].team, tm->name) == 0)
			html_printf(p.b, "<li>%s <span class=\"owner\">%s"
			    "</span></li>", v[i].name, v[i].role != NULL ?
			    v[i].role : "");
	html_raw(p.b, "</ul>\n");
	return page_end(&p);
}

/* The few KPIs of the wallboard, over the trailing seven days. */
static const char *const wall_kpis[] = {
	"csat", "frt_median", "fcr_rate", "sla_compliance", NULL
};

static void
wall_kpi_tiles(struct page *p, const char *team)
{
	const struct kpi_def	*d;
	struct kpi_query	 q;
	struct kpi_result	 res;
	struct kpiref		*ref;
	const struct snap	*snap;
	struct err		 e;
	double			 v;
	size_t			 i;

	if (kpicache_get(p->r->okr, &ref, &snap, &e) != ERR_OK)
		return;
	html_printf(p->b, "<h2>%s</h2><ul class=\"tiles\">",
	    _("Last 7 days"));
	for (i = 0; wall_kpis[i] != NULL; i++) {
		if ((d = kpi_def_find(wall_kpis[i])) == NULL)
			continue;
		kpi_query_init(&q, d->key);
		q.now = p->r->okr->now;
		q.to = q.now;
		q.from = q.to - 7 * 86400;
		q.filter.team = team;
		if (kpi_run(snap, &q, p->r->arena, &res, &e) != ERR_OK ||
		    res.ncells == 0)
			continue;
		v = res.cells[0].value;
		html_printf(p->b, "<li><span class=\"k\">%s</span><span "
		    "class=\"v\">", _(d->name));
		if (d->unit == KU_RATIO) {
			page_num(p, v * 100, 1);
			html_raw(p->b, "%");
		} else if (d->unit == KU_SECONDS) {
			page_num(p, v / 3600, 1);
			html_raw(p->b, " h");
		} else
			page_num(p, v, 1);
		html_printf(p->b, "</span><span class=\"n\">n %lld</span>"
		    "</li>", (long long)res.cells[0].n);
	}
	html_raw(p->b, "</ul>\n");
	kpicache_put(ref);
}

int
page_wallboard(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct cycle_eval	 ce;
	struct walk_ctx		 c;
	const char		*team = http_query(r, "team");
	size_t			 t;

	if (team != NULL && team[0] == '\0')
		team = NULL;
	page_begin(&p, r, w, team != NULL ? team : _("Wallboard"),
	    PAGE_WALLBOARD);
	if (load_eval(&p, team, &ce, &t) != 0)
		return 0;
	html_printf(p.b, "<h1>%s</h1>\n", team != NULL ? team :
	    r->okr->ws.name);
	cycle_line(&p, &ce);
	html_raw(p.b, "<div class=\"tree\">\n");
	c.p = &p;
	c.team = t;
	c.with_krs = 1;
	if (eval_walk(&ce, keep_team, visit, &c, r->arena) < 0)
		return page_fail(&p, 500, _("Internal error."));
	html_raw(p.b, "</div>\n");
	wall_kpi_tiles(&p, team);
	return page_end(&p);
}
