/*
 * metrics.c: GET /metrics in the Prometheus text format (version 0.0.4).
 *
 *   okrdesk_http_requests_total{route,method,class}   counter
 *   okrdesk_http_request_duration_seconds{route,...}  histogram
 *   okrdesk_kr_progress{objective,kr}                 gauge, 0..1
 *   okrdesk_kr_expected{objective,kr}                 gauge, 0..1
 *   okrdesk_objective_progress{objective}             gauge, 0..1
 *   okrdesk_kpi_value{kpi,team}                       gauge, trailing 28 d
 *
 * The key results are those of the current cycle; the KPIs are every
 * KPI for the whole operation plus those with a corridor for a team, over
 * the 28 days before now.  No data is no sample (Prometheus has no null).
 * It shows every OKR and team-level KPI, which every signed-in role sees:
 * a scraper uses a viewer's API token.
 */
#include <math.h>
#include <string.h>

#include "kpi/kpi.h"
#include "okr/eval.h"
#include "okr/kpilink.h"
#include "web/kpicache.h"
#include "web/metrics.h"
#include "web/server.h"

#define TRAILING	(28 * 86400)

/* A label value: backslash, double quote and newline escaped. */
static void
label(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\\' || *s == '"')
			buf_putc(b, '\\');
		if (*s == '\n')
			buf_puts(b, "\\n");
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

static void
http_metrics(struct buf *b)
{
	static const char *const cls[6] = { "", "1xx", "2xx", "3xx", "4xx",
		"5xx" };
	struct server_route_stats	 st;
	uint64_t			 cum;
	size_t				 i, n = server_stats_count();
	int				 k;

	buf_puts(b, "# HELP okrdesk_http_requests_total HTTP requests by "
	    "route and status class.\n# TYPE okrdesk_http_requests_total "
	    "counter\n");
	for (i = 0; i < n; i++) {
		if (server_stats_get(i, &st) != 0 || st.requests == 0)
			continue;
		for (k = 1; k < 6; k++) {
			if (st.by_class[k] == 0)
				continue;
			buf_puts(b, "okrdesk_http_requests_total{route=");
			label(b, st.name);
			buf_puts(b, ",method=");
			label(b, st.method);
			buf_printf(b, ",class=\"%s\"} %llu\n", cls[k],
			    (unsigned long long)st.by_class[k]);
		}
	}
	buf_puts(b, "# HELP okrdesk_http_request_duration_seconds Server "
	    "time per request.\n# TYPE okrdesk_http_request_duration_seconds "
	    "histogram\n");
	for (i = 0; i < n; i++) {
		if (server_stats_get(i, &st) != 0 || st.requests == 0)
			continue;
		for (k = 0, cum = 0; k < SERVER_NBUCKETS; k++) {
			cum += st.bucket[k];
			buf_puts(b, "okrdesk_http_request_duration_seconds_bucket"
			    "{route=");
			label(b, st.name);
			if (isinf(server_bucket_ms[k]))
				buf_printf(b, ",le=\"+Inf\"} %llu\n",
				    (unsigned long long)cum);
			else
				buf_printf(b, ",le=\"%g\"} %llu\n",
				    server_bucket_ms[k] / 1000,
				    (unsigned long long)cum);
		}
		buf_puts(b, "okrdesk_http_request_duration_seconds_sum{route=");
		label(b, st.name);
		buf_printf(b, "} %.6f\n", st.sum_ms / 1000);
		buf_puts(b, "okrdesk_http_request_duration_seconds_count"
		    "{route=");
		label(b, st.name);
		buf_printf(b, "} %llu\n", (unsigned long long)st.requests);
	}
}

static void
okr_metrics(struct http_req *r, struct buf *b)
{
	struct cycle_eval	 ce;
	struct cycle		 cy;
	struct err		 e;
	size_t			 i, k;

	if (cycle_current(r->okr, r->arena, &cy, &e) != ERR_OK ||
	    eval_cycle(r->okr, cy.name, r->okr->now, r->arena, &ce, &e)
	    != ERR_OK)
		return;		/* no cycle yet: no OKR gauges */
	buf_puts(b, "# HELP okrdesk_objective_progress Progress of each "
	    "objective of the current cycle, 0 to 1.\n# TYPE "
	    "okrdesk_objective_progress gauge\n");
	for (i = 0; i < ce.nobjs; i++) {
		if (isnan(ce.objs[i].ev.progress))
			continue;
		buf_puts(b, "okrdesk_objective_progress{cycle=");
		label(b, cy.name);
		buf_puts(b, ",objective=");
		label(b, ce.objs[i].obj->key);
		buf_printf(b, "} %.6g\n", ce.objs[i].ev.progress);
	}
	buf_puts(b, "# HELP okrdesk_kr_progress Progress of each key result "
	    "of the current cycle, 0 to 1.\n# TYPE okrdesk_kr_progress "
	    "gauge\n# HELP okrdesk_kr_expected Progress expected by now at "
	    "the cycle's pace.\n# TYPE okrdesk_kr_expected gauge\n");
	for (i = 0; i < ce.nobjs; i++)
		for (k = 0; k < ce.objs[i].nkrs; k++) {
			const struct kr_eval *ke = &ce.objs[i].krs[k];
			const char *m[2] = { "okrdesk_kr_progress",
			    "okrdesk_kr_expected" };
			double v[2] = { ke->ev.progress, ke->ev.expected };

			for (int x = 0; x < 2; x++) {
				if (isnan(v[x]))
					continue;
				buf_printf(b, "%s{objective=", m[x]);
				label(b, ke->kr->objective);
				buf_puts(b, ",kr=");
				label(b, ke->kr->key);
				buf_printf(b, "} %.6g\n", v[x]);
			}
		}
}

static void
kpi_sample(struct buf *b, const struct snap *snap, struct http_req *r,
    const struct kpi_def *d, const char *team)
{
	struct kpi_query	 q;
	struct kpi_result	 res;
	struct err		 e;

	kpi_query_init(&q, d->key);
	q.to = r->okr->now;
	q.from = q.to - TRAILING;
	q.now = r->okr->now;
	q.filter.team = team;
	if (kpi_run(snap, &q, r->arena, &res, &e) != ERR_OK ||
	    res.ncells == 0 || !isfinite(res.cells[0].value))
		return;
	buf_puts(b, "okrdesk_kpi_value{kpi=");
	label(b, d->key);
	buf_puts(b, ",team=");
	label(b, team != NULL ? team : "");
	buf_printf(b, "} %.9g\n", res.cells[0].value);
}

static void
kpi_metrics(struct http_req *r, struct buf *b)
{
	const struct kpi_def	*d;
	const struct snap	*snap;
	struct kpiref		*ref;
	struct kpi_corridor	*c;
	struct err		 e;
	size_t			 n, i;

	if (kpicache_get(r->okr, &ref, &snap, &e) != ERR_OK)
		return;
	buf_puts(b, "# HELP okrdesk_kpi_value Each KPI over the 28 days "
	    "before now (ratios as fractions, durations in seconds).\n"
	    "# TYPE okrdesk_kpi_value gauge\n");
	for (d = kpi_defs; d->key != NULL; d++)
		kpi_sample(b, snap, r, d, NULL);
	/* the teams whose corridors are watched */
	if (kpilink_corridors(r->okr, r->arena, &c, &n, &e) == ERR_OK)
		for (i = 0; i < n; i++)
			if (c[i].team != NULL && c[i].team[0] != '\0' &&
			    (d = kpi_def_find(c[i].kpi)) != NULL)
				kpi_sample(b, snap, r, d, c[i].team);
	kpicache_put(ref);
}

static int
metrics(struct http_req *r, struct http_resp *w)
{
	w->content_type = "text/plain; version=0.0.4; charset=utf-8";
	http_metrics(&w->body);
	okr_metrics(r, &w->body);
	kpi_metrics(r, &w->body);
	return 0;
}

const struct route metrics_routes[] = {
	{ HTTP_GET, "/metrics", metrics, ROLE_VIEWER, ROUTE_RAW, "metrics" },
	{ 0, NULL, NULL, ROLE_ANON, 0, NULL }
};
