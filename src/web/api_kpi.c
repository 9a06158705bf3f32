/*
 * api_kpi.c: KPIs and imports over HTTP.
 *
 *   GET  /api/v1/kpis             the definitions
 *   GET  /api/v1/kpis/KEY         kpi show: the same parameters as the
 *                                 CLI (from, to, cycle, by, team, channel,
 *                                 agent, category, priority, nearest_rank,
 *                                 within, fcr_k, fcr_days, final,
 *                                 business_hours)
 *   POST /api/v1/imports/DATASET  the body is the export; ?profile=,
 *                                 ?dry_run=1, ?skip_bad=1
 *
 * A breakdown by agent, or a filter on one, is for leads and admins:
 * everyone signed in sees every OKR, not every agent's numbers.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/parse.h"
#include "import/import.h"
#include "kpi/calendar.h"
#include "kpi/kpi.h"
#include "okr/evaljson.h"
#include "okr/kpilink.h"
#include "web/api.h"
#include "web/kpicache.h"

int
api_kpi_list(struct http_req *r, struct http_resp *w)
{
	const struct kpi_def	*d;
	json_t			*a = json_array();

	(void)r;
	for (d = kpi_defs; d->key != NULL; d++)
		json_array_append_new(a, evaljson_kpi_def(d));
	return http_json(w, 200, a);
}

/* Read the query string into q; 0, or an error answered in w. */
static int
kpi_params(struct http_req *r, struct http_resp *w, struct kpi_query *q,
    int *business)
{
	struct cycle	 cy;
	struct err	 e;
	const char	*v;
	int64_t		 n;
	double		 x;

	*business = 0;
	if ((v = http_query(r, "from")) != NULL) {
		if (parse_date(v, NULL, NULL, NULL, &e) != ERR_OK)
			return http_error(w, 400, "bad_request", "from", "from: %s",
			    e.msg);
		q->from = clock_date_start(v);
	}
	if ((v = http_query(r, "to")) != NULL) {
		if (parse_date(v, NULL, NULL, NULL, &e) != ERR_OK)
			return http_error(w, 400, "bad_request", "to", "to: %s",
			    e.msg);
		q->to = clock_date_end(v);
	}
	if ((v = http_query(r, "cycle")) != NULL) {
		if (cycle_get(r->okr, v, r->arena, &cy, &e) != ERR_OK)
			return http_fail(w, &e);
		cycle_bounds(&cy, &q->from, &q->to);
	}
	if (q->from != INT64_MIN && q->to != INT64_MAX && q->to <= q->from)
		return http_error(w, 400, "bad_request", "to", "the window ends "
		    "before it starts");
	if (kpi_parse_by(http_query(r, "by"), q, &e) != ERR_OK)
		return http_error(w, 400, "bad_request", "by", "%s", e.msg);
	q->filter.team = http_query(r, "team");
	q->filter.channel = http_query(r, "channel");
	q->filter.agent = http_query(r, "agent");
	q->filter.category = http_query(r, "category");
	q->filter.priority = http_query(r, "priority");
	if ((v = http_query(r, "nearest_rank")) != NULL)
		q->opts.pct_nearest = strcmp(v, "0") != 0;
	if ((v = http_query(r, "final")) != NULL)
		q->opts.resolution_final = strcmp(v, "0") != 0;
	if ((v = http_query(r, "business_hours")) != NULL)
		*business = strcmp(v, "0") != 0;
	if ((v = http_query(r, "within")) != NULL) {
		if (parse_number(v, &x, &e) != ERR_OK || !(x > 0))
			return http_error(w, 400, "bad_request", "within", "within:"
			    " expected a number of seconds > 0, got \"%s\"", v);
		q->opts.frt_within_s = x;
	}
	if ((v = http_query(r, "fcr_k")) != NULL) {
		if (parse_int(v, 0, 1000, &n, &e) != ERR_OK)
			return http_error(w, 400, "bad_request", "fcr_k",
			    "fcr_k: %s", e.msg);
		q->opts.fcr_k = (int)n;
	}
	if ((v = http_query(r, "fcr_days")) != NULL) {
		if (parse_int(v, 0, 366, &n, &e) != ERR_OK)
			return http_error(w, 400, "bad_request", "fcr_days",
			    "fcr_days: %s", e.msg);
		q->opts.fcr_n_days = (int)n;
	}
	return 0;
}

int
api_kpi_show(struct http_req *r, struct http_resp *w)
{
	const struct kpi_def	*d;
	struct kpi_query	 q;
	struct kpi_result	 res;
	struct kpiref		*ref;
	const struct snap	*snap;
	struct err		 e;
	json_t			*j, *cells;
	size_t			 i;
	int			 business, rc;

	if ((d = kpi_def_find(r->args[0])) == NULL)
		return http_error(w, 404, "not_found", "kpi", "no KPI \"%s\"",
		    r->args[0]);
	kpi_query_init(&q, d->key);
	if ((rc = kpi_params(r, w, &q, &business)) != 0 || w->status >= 400)
		return rc;
	if ((q.by == KS_AGENT || q.filter.agent != NULL) &&
	    (r->user == NULL || r->user->role < ROLE_LEAD))
		return http_error(w, 403, "forbidden", "agent", "per-agent "
		    "figures are for leads and admins");
	if (business) {
		if (kpilink_schedule(r->okr, r->arena, &q.schedule, &e)
		    != ERR_OK)
			return http_fail(w, &e);
		if (q.schedule == NULL)
			return http_error(w, 422, "invalid", "business_hours",
			    "the workspace has no business-hours schedule");
	}
	q.now = r->okr->now;
	if (kpicache_get(r->okr, &ref, &snap, &e) != ERR_OK)
		return http_fail(w, &e);
	rc = kpi_run(snap, &q, r->arena, &res, &e);
	kpicache_put(ref);
	if (rc != ERR_OK)
		return http_fail(w, &e);
	j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "key", d->key,
	    "name", d->name, "dataset", ds_info[d->ds].name, "unit",
	    kpi_unit_name(d->unit), "bucket", kpi_bucket_name(q.bucket), "by",
	    kpi_seg_name(q.by), "definition", d->definition);
	cells = json_array();
	for (i = 0; i < res.ncells; i++)
		json_array_append_new(cells, evaljson_kpi_cell(&res.cells[i]));
	json_object_set_new(j, "cells", cells);
	return http_json(w, 200, j);
}

struct import_ctx {
	json_t	*bad;
};

static void
import_bad(void *ctx, const char *msg)
{
	struct import_ctx	*c = ctx;

	json_array_append_new(c->bad, json_string(msg));
}

/*
 * The body is imported in place (no temporary file), as a file would
 * be, in the request's transaction: a bad row fails it whole (422
 * with the rows), ?dry_run=1 checks and rolls back.
 */
int
api_import(struct http_req *r, struct http_resp *w)
{
	struct import_opts	 o;
	struct import_stats	 st;
	struct import_ctx	 c;
	struct err		 e;
	const char		*v;
	int			 d, rc;
	json_t			*j;

	if ((d = ds_find(r->args[0])) < 0)
		return http_error(w, 404, "not_found", "dataset", "no dataset "
		    "\"%s\" (interactions, surveys, qa_reviews, training, "
		    "kb_audits, customers, agents)", r->args[0]);
	if (r->bodylen == 0)
		return http_error(w, 400, "bad_request", "body", "the request body "
		    "must hold the export (CSV, JSON or NDJSON)");
	memset(&o, 0, sizeof(o));
	memset(&c, 0, sizeof(c));
	c.bad = json_array();
	o.ds = (enum ds)d;
	o.path = "upload";
	o.data = r->body;
	o.datalen = r->bodylen;
	o.profile = http_query(r, "profile");
	o.format = http_query(r, "format");
	o.skip_bad = (v = http_query(r, "skip_bad")) != NULL &&
	    strcmp(v, "0") != 0;
	o.max_report = 100;
	o.actor = r->user != NULL ? r->user->login : "api";
	o.now = r->okr->now;
	o.bad = import_bad;
	o.ctx = &c;
	rc = import_run(r->okr->st, &o, &st, &e);
	if (rc != ERR_OK) {
		j = json_pack("{s:{s:s, s:s, s:s?}, s:o}", "error", "code",
		    st.opened ? "invalid" : "bad_request", "message",
		    e.msg, "field", e.field[0] != '\0' ? e.field : NULL,
		    "bad_rows", c.bad);
		return http_json(w, st.opened ? 422 : 400, j);
	}
	if ((v = http_query(r, "dry_run")) != NULL && strcmp(v, "0") != 0)
		w->rollback = 1;
	else if (kpilink_refresh(r->okr, NULL, NULL, NULL, &e) != ERR_OK) {
		json_decref(c.bad);
		return http_fail(w, &e);
	}
	j = json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:b, s:o}",
	    "dataset", ds_info[d].name, "profile", st.profile, "rows",
	    (json_int_t)st.rows, "stored", (json_int_t)st.stored, "added",
	    (json_int_t)st.added, "filtered", (json_int_t)st.filtered, "bad",
	    (json_int_t)st.bad, "dry_run", w->rollback, "bad_rows", c.bad);
	return http_json(w, 200, j);
}
