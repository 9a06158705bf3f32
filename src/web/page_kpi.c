/*
 * page_kpi.c: the KPI pages.
 *
 *   GET /kpis         every KPI, with its definition
 *   GET /kpis/KEY     the weekly trend over the last 12 weeks (?weeks=
 *                     4..52) as an SVG line with the healthy corridor
 *                     shaded, a segment picker (?team=, ?channel=, and
 *                     ?agent= for leads and admins), and a table of the
 *                     weeks with the numerator, denominator and n beside
 *                     each value
 *
 * Values come from the server's shared snapshot (web/kpicache.h), the
 * corridor from the store's corridor table (set with 'okrdesk kpi
 * corridor set'), read as 'okrdesk kpi health' reads it.
 */
#include <math.h>
#include <string.h>

#include "core/html.h"
#include "core/parse.h"
#include "kpi/kpi.h"
#include "okr/kpilink.h"
#include "web/kpicache.h"
#include "web/page.h"
#include "web/svg.h"

int
page_kpis(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	const struct kpi_def	*d;

	page_begin(&p, r, w, _("KPIs"), 0);
	html_printf(p.b, "<h1>%s</h1><table class=\"kpis\"><thead><tr><th>"
	    "%s</th><th>%s</th><th>%s</th></tr></thead><tbody>", _("KPIs"),
	    _("KPI"), _("dataset"), _("definition"));
	for (d = kpi_defs; d->key != NULL; d++) {
		html_raw(p.b, "<tr><td><a href=\"/kpis/");
		html_url(p.b, d->key);
		html_printf(p.b, "\">%s</a> <code>%s</code></td><td>%s</td>"
		    "<td>%s</td></tr>", _(d->name), d->key, ds_info[d->ds].name,
		    d->definition);
	}
	html_raw(p.b, "</tbody></table>\n");
	return page_end(&p);
}

/* The corridor of key for team (NULL: the whole operation); a team
 * without its own falls back to the whole operation's. */
static void
corridor(struct okr *o, const char *key, const char *team, double *lo,
    double *hi)
{
	struct arena		 a = ARENA_INIT;
	struct kpi_corridor	*c;
	struct err		 e;
	size_t			 n, i;
	int			 best = 0;

	*lo = *hi = NAN;
	if (kpilink_corridors(o, &a, &c, &n, &e) != ERR_OK)
		n = 0;
	for (i = 0; i < n; i++) {
		if (c[i].kpi == NULL || strcmp(c[i].kpi, key) != 0)
			continue;
		if (c[i].team[0] == '\0' && best < 1)
			best = 1;
		else if (team != NULL && strcmp(c[i].team, team) == 0)
			best = 2;
		else
			continue;
		*lo = c[i].low;
		*hi = c[i].high;
	}
	arena_release(&a);
}

/* How a value of the KPI reads: ratios as percent; durations in the
 * unit a support lead speaks of them in: handle and answer times in
 * seconds, first responses in minutes, resolutions in hours. */
static double
kpi_scale(const struct kpi_def *d, const char **unit)
{
	switch (d->unit) {
	case KU_RATIO:
		*unit = "%";
		return 100;
	case KU_SECONDS:
		if (strncmp(d->key, "frt", 3) == 0) {
			*unit = " min";
			return 1.0 / 60;
		}
		if (strncmp(d->key, "resolution", 10) == 0) {
			*unit = " h";
			return 1.0 / 3600;
		}
		*unit = " s";
		return 1;
	case KU_HOURS:
		*unit = " h";
		return 1;
	default:
		*unit = "";
		return 1;
	}
}

/* A <select> of the groups of segment seg over the window. */
static void
picker(struct page *p, const struct snap *snap, const struct kpi_query *base,
    enum kpi_seg seg, const char *name, const char *label,
    const char *current)
{
	struct kpi_query	 q = *base;
	struct kpi_result	 res;
	struct err		 e;
	size_t			 i;

	q.bucket = KB_NONE;
	q.by = seg;
	memset(&q.filter, 0, sizeof(q.filter));
	if (kpi_run(snap, &q, p->r->arena, &res, &e) != ERR_OK)
		return;
	html_printf(p->b, "<label>%s <select name=\"%s\"><option value=\"\">"
	    "%s</option>", label, name, _("all"));
	for (i = 0; i < res.ncells; i++)
		if (res.cells[i].group != NULL &&
		    strcmp(res.cells[i].group, KPI_GROUP_NONE) != 0)
			html_printf(p->b, "<option%s>%s</option>",
			    current != NULL && strcmp(current,
			    res.cells[i].group) == 0 ? " selected" : "",
			    res.cells[i].group);
	html_raw(p->b, "</select></label> ");
}

static void
trend(struct page *p, const struct kpi_def *d, const struct kpi_result *res,
    const struct kpi_query *q, const char *team)
{
	struct svg_chart	 c;
	struct svg_pt		*pts;
	const char		*unit;
	double			 k = kpi_scale(d, &unit), lo, hi;
	char			 x0[32], x1[32];
	size_t			 i;

	if ((pts = arena_calloc(p->r->arena, res->ncells + 1, sizeof(*pts)))
	    == NULL)
		return;
	for (i = 0; i < res->ncells; i++) {
		pts[i].x = (double)res->cells[i].start;
		pts[i].y = res->cells[i].value * k;
	}
	memset(&c, 0, sizeof(c));
	c.pts = pts;
	c.npts = res->ncells;
	c.x0 = res->ncells > 0 ? (double)res->cells[0].start : (double)q->from;
	c.x1 = res->ncells > 0 ? (double)res->cells[res->ncells - 1].start :
	    (double)q->to;
	c.target = NAN;
	corridor(p->r->okr, d->key, team, &lo, &hi);
	c.band_lo = lo * k;
	c.band_hi = hi * k;
	c.pace[0].y = c.pace[1].y = NAN;
	c.forecast[0].y = c.forecast[1].y = NAN;
	i18n_day(x0, sizeof(x0), (int64_t)c.x0, p->lang);
	i18n_day(x1, sizeof(x1), (int64_t)c.x1, p->lang);
	c.x0_text = x0;
	c.x1_text = x1;
	c.label = arena_printf(p->r->arena, _("Weekly trend of %s"),
	    _(d->name));
	svg_chart(p->b, &c);
	if (isfinite(lo) || isfinite(hi)) {
		html_printf(p->b, "<p class=\"legend\"><span class=\"lg "
		    "band\">%s</span> ", _("healthy corridor"));
		page_num(p, lo * k, page_decimals(lo * k));
		html_raw(p->b, " – ");
		page_num(p, hi * k, page_decimals(hi * k));
		html_printf(p->b, "%s</p>", unit);
	}
}

int
page_kpi(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	const struct kpi_def	*d;
	struct kpi_query	 q;
	struct kpi_result	 res;
	struct kpiref		*ref;
	const struct snap	*snap;
	struct err		 e;
	const char		*v, *unit;
	int64_t			 weeks = 12;
	double			 k;
	size_t			 i;
	int			 lead = r->user != NULL &&
				    r->user->role >= ROLE_LEAD;

	page_begin(&p, r, w, r->args[0], 0);
	if ((d = kpi_def_find(r->args[0])) == NULL)
		return page_fail(&p, 404, arena_printf(r->arena,
		    _("No KPI \"%s\"."), r->args[0]));
	if ((v = http_query(r, "weeks")) != NULL &&
	    parse_int(v, 4, 52, &weeks, &e) != ERR_OK)
		return page_fail(&p, 400, e.msg);
	page_begin(&p, r, w, _(d->name), 0);
	kpi_query_init(&q, d->key);
	q.now = r->okr->now;
	q.to = q.now;
	q.from = q.to - weeks * 7 * 86400;
	q.bucket = KB_WEEK;
	v = http_query(r, "team");
	q.filter.team = v != NULL && v[0] != '\0' ? v : NULL;
	v = http_query(r, "channel");
	q.filter.channel = v != NULL && v[0] != '\0' ? v : NULL;
	v = http_query(r, "agent");
	q.filter.agent = v != NULL && v[0] != '\0' ? v : NULL;
	if (q.filter.agent != NULL && !lead)
		return page_fail(&p, 403, _("Per-agent figures are for leads "
		    "and admins."));
	if (kpicache_get(r->okr, &ref, &snap, &e) != ERR_OK)
		return page_fail_err(&p, &e);
	html_printf(p.b, "<p class=\"crumbs\"><a href=\"/kpis\">%s</a></p>"
	    "<h1>%s</h1><p class=\"desc\">%s</p>", _("KPIs"), _(d->name),
	    d->definition);
	html_printf(p.b, "<form class=\"filters\" method=\"get\" "
	    "action=\"/kpis/%s\">", d->key);
	picker(&p, snap, &q, KS_TEAM, "team", _("Team"), q.filter.team);
	if (d->ds == DS_INTERACTIONS || d->ds == DS_SURVEYS)
		picker(&p, snap, &q, KS_CHANNEL, "channel", _("Channel"),
		    q.filter.channel);
	if (lead)
		picker(&p, snap, &q, KS_AGENT, "agent", _("Agent"),
		    q.filter.agent);
	html_printf(p.b, "<button type=\"submit\">%s</button></form>\n",
	    _("Show"));
	if (kpi_run(snap, &q, r->arena, &res, &e) != ERR_OK) {
		kpicache_put(ref);
		return page_fail_err(&p, &e);
	}
	kpicache_put(ref);
	trend(&p, d, &res, &q, q.filter.team);
	k = kpi_scale(d, &unit);
	html_printf(p.b, "<table class=\"cells\"><thead><tr><th>%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th><th>n</th></tr></thead><tbody>",
	    _("week of"), _("value"), _("numerator"), _("denominator"));
	for (i = 0; i < res.ncells; i++) {
		const struct kpi_cell	*c = &res.cells[i];

		html_raw(p.b, "<tr><td>");
		page_day(&p, c->start);
		html_raw(p.b, "</td><td class=\"num\">");
		page_num(&p, c->value * k, 1);
		if (isfinite(c->value))
			html_puts(p.b, unit);
		html_raw(p.b, "</td><td class=\"num\">");
		page_num(&p, c->num, page_decimals(c->num));
		html_raw(p.b, "</td><td class=\"num\">");
		page_num(&p, c->den, page_decimals(c->den));
		html_raw(p.b, "</td><td class=\"num\">");
		page_num(&p, (double)c->n, 0);
		html_raw(p.b, "</td></tr>");
	}
	html_raw(p.b, "</tbody></table>\n");
	return page_end(&p);
}
