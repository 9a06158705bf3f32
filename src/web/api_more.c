/*
 * api_more.c: the rest of what the CLI does, over HTTP.
 *
 *   GET    /api/v1/export              the workspace file (YAML)   viewer
 *   POST   /api/v1/apply?dry_run=1     apply a workspace file      admin
 *   GET    /api/v1/corridors           the KPI corridors           viewer
 *   PUT    /api/v1/corridors/KPI       {"team"?, "low"?, "high"?}  lead
 *   DELETE /api/v1/corridors/KPI?team= remove one                  lead
 *   GET    /api/v1/health?days=        kpi health                  viewer
 *   GET    /api/v1/schedule            business hours, holidays    viewer
 *   PUT    /api/v1/schedule            {"schedule", "holidays"?}   admin
 *   DELETE /api/v1/schedule            calendar time again         admin
 *   POST   /api/v1/kpis/sync           recompute KPI-fed KRs       lead
 *   POST   /api/v1/surveys             {"interaction", "kind"?,    lead
 *                                       "days"?}: a survey link
 *
 * Each is a shell over the same okr/, kpi/ and import/ calls as its
 * command, so both faces give the same results and the same errors.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/parse.h"
#include "import/survey.h"
#include "kpi/calendar.h"
#include "kpi/kpi.h"
#include "okr/evaljson.h"
#include "okr/kpilink.h"
#include "okr/wsfile.h"
#include "web/api_more.h"
#include "web/kpicache.h"

static int
api_export(struct http_req *r, struct http_resp *w)
{
	struct err	 e;

	if (wsfile_export(r->okr, &w->body, &e) != ERR_OK)
		return http_fail(w, &e);
	w->content_type = "application/yaml; charset=utf-8";
	return 0;
}

static int
api_apply(struct http_req *r, struct http_resp *w)
{
	struct wsfile_stats	 st;
	struct err		 e;
	const char		*v;
	json_t			*j, *k;
	FILE			*in;
	int			 i, rc;

	if (r->bodylen == 0)
		return http_error(w, 400, "bad_request", "body", "the request "
		    "body must hold a workspace file (YAML)");
	if ((in = fmemopen((void *)r->body, r->bodylen, "r")) == NULL)
		return http_error(w, 500, "internal", NULL, "out of memory");
	rc = wsfile_apply(r->okr, "body", in, &st, &e);
	fclose(in);
	if (rc != ERR_OK)
		return http_fail(w, &e);
	w->rollback = (v = http_query(r, "dry_run")) != NULL &&
	    strcmp(v, "0") != 0;
	j = json_object();
	for (i = 0; i < WSFILE_KIND__MAX; i++) {
		k = json_pack("{s:I, s:I, s:I}", "created",
		    (json_int_t)st.created[i], "updated",
		    (json_int_t)st.updated[i], "unchanged",
		    (json_int_t)st.unchanged[i]);
		json_object_set_new(j, wsfile_kind_names[i], k);
	}
	json_object_set_new(j, "dry_run", json_boolean(w->rollback));
	return http_json(w, 200, j);
}

static int
api_corridors(struct http_req *r, struct http_resp *w)
{
	struct kpi_corridor	*c;
	struct err		 e;
	size_t			 n, i;
	json_t			*a;

	if (kpilink_corridors(r->okr, r->arena, &c, &n, &e) != ERR_OK)
		return http_fail(w, &e);
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, evaljson_corridor(&c[i]));
	return http_json(w, 200, a);
}

/* A JSON number or null member into *x (NAN when absent or null). */
static int
num_member(struct http_resp *w, json_t *in, const char *name, double *x)
{
	json_t	*v = json_object_get(in, name);

	*x = NAN;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_number(v) || !isfinite(json_number_value(v)))
		return http_error(w, 422, "invalid", name, "%s: expected a "
		    "number", name) - 1;
	*x = json_number_value(v);
	return 0;
}

static int
api_corridor_put(struct http_req *r, struct http_resp *w)
{
	const struct kpi_def	*d;
	struct err		 e;
	json_t			*in;
	const char		*team = "";
	double			 low, high;

	if ((d = kpi_def_find(r->args[0])) == NULL)
		return http_error(w, 404, "not_found", "kpi", "no KPI \"%s\"",
		    r->args[0]);
	if (http_json_body(r, w, &in) != 0)
		return 0;
	if (json_object_get(in, "team") != NULL &&
	    (team = json_string_value(json_object_get(in, "team"))) == NULL) {
		json_decref(in);
		return http_error(w, 422, "invalid", "team", "team: expected a "
		    "team's name");
	}
	team = arena_strdup(r->arena, team);
	if (num_member(w, in, "low", &low) != 0 ||
	    num_member(w, in, "high", &high) != 0) {
		json_decref(in);
		return 0;
	}
	json_decref(in);
	if (isnan(low) && isnan(high))
		return http_error(w, 422, "invalid", "low", "give low, high or "
		    "both");
	if (!isnan(low) && !isnan(high) && low > high)
		return http_error(w, 422, "invalid", "low", "low %g is above "
		    "high %g", low, high);
	if (team[0] != '\0') {
		struct team	t;

		if (team_get(r->okr, team, r->arena, &t, &e) != ERR_OK)
			return http_fail(w, &e);
	}
	if (store_exec(r->okr->st, STMT_CORRIDOR_SET, &e, "ttrr", d->key,
	    team, low, high) != ERR_OK)
		return http_fail(w, &e);
	return http_json(w, 200, json_pack("{s:s, s:s, s:o, s:o}", "kpi",
	    d->key, "team", team, "low", evaljson_num(low), "high",
	    evaljson_num(high)));
}

static int
api_corridor_delete(struct http_req *r, struct http_resp *w)
{
	struct err	 e;
	const char	*team = http_query(r, "team");

	if (kpi_def_find(r->args[0]) == NULL)
		return http_error(w, 404, "not_found", "kpi", "no KPI \"%s\"",
		    r->args[0]);
	if (store_exec(r->okr->st, STMT_CORRIDOR_DELETE, &e, "tt", r->args[0],
	    team != NULL ? team : "") != ERR_OK)
		return http_fail(w, &e);
	return http_json(w, 200, json_pack("{s:s, s:s}", "deleted", r->args[0],
	    "team", team != NULL ? team : ""));
}

/* kpi health: each corridor's KPI over the trailing days. */
static int
api_health(struct http_req *r, struct http_resp *w)
{
	const struct snap	*snap;
	struct kpi_health	*v;
	struct kpiref		*ref;
	struct err		 e;
	const char		*q;
	int64_t			 days = 28;
	size_t			 n, i;
	json_t			*a;
	enum err_code		 rc;

	if ((q = http_query(r, "days")) != NULL &&
	    parse_int(q, 1, 366, &days, &e) != ERR_OK)
		return http_error(w, 400, "bad_request", "days", "days: %s",
		    e.msg);
	if (kpicache_get(r->okr, &ref, &snap, &e) != ERR_OK)
		return http_fail(w, &e);
	rc = kpilink_health(r->okr, snap, (int)days, r->arena, &v, &n, &e);
	kpicache_put(ref);
	if (rc != ERR_OK)
		return http_fail(w, &e);
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, evaljson_health(&v[i]));
	return http_json(w, 200, a);
}

static int
api_schedule(struct http_req *r, struct http_resp *w)
{
	struct err	 e;
	char		*spec, *hol;

	if (kpilink_schedule_text(r->okr, r->arena, &spec, &hol, &e) !=
	    ERR_OK)
		return http_fail(w, &e);
	return http_json(w, 200, json_pack("{s:o, s:o}", "schedule",
	    evaljson_str(spec), "holidays", evaljson_str(hol)));
}

static int
api_schedule_put(struct http_req *r, struct http_resp *w)
{
	struct schedule	 s;
	struct err	 e;
	json_t		*in;
	const char	*spec, *hol;

	if (http_json_body(r, w, &in) != 0)
		return 0;
	spec = json_string_value(json_object_get(in, "schedule"));
	hol = json_string_value(json_object_get(in, "holidays"));
	if (spec == NULL ||
	    (json_object_get(in, "holidays") != NULL && hol == NULL &&
	    !json_is_null(json_object_get(in, "holidays")))) {
		json_decref(in);
		return http_error(w, 422, "invalid", spec == NULL ? "schedule" :
		    "holidays", "expected {\"schedule\": \"mon-fri "
		    "09:00-17:00\", \"holidays\": \"2026-12-25,...\"}");
	}
	spec = arena_strdup(r->arena, spec);
	hol = arena_strdup(r->arena, hol);
	json_decref(in);
	if (schedule_parse(spec, hol, &s, &e) != ERR_OK) {
		if (e.code == ERR_INVAL || e.code == ERR_USAGE)
			return http_error(w, 422, "invalid", "schedule", "%s",
			    e.msg);
		return http_fail(w, &e);
	}
	if (store_exec(r->okr->st, STMT_WS_SCHEDULE_SET, &e, "tt", spec, hol)
	    != ERR_OK)
		return http_fail(w, &e);
	return http_json(w, 200, json_pack("{s:s, s:o}", "schedule", spec,
	    "holidays", evaljson_str(hol)));
}

static int
api_schedule_delete(struct http_req *r, struct http_resp *w)
{
	struct err	 e;

	if (store_exec(r->okr->st, STMT_WS_SCHEDULE_SET, &e, "tt", NULL,
	    NULL) != ERR_OK)
		return http_fail(w, &e);
	return http_json(w, 200, json_pack("{s:n, s:n}", "schedule",
	    "holidays"));
}

static int
api_kpi_sync(struct http_req *r, struct http_resp *w)
{
	struct err	 e;
	int		 nkr = 0, npt = 0;

	if (kpilink_refresh(r->okr, NULL, &nkr, &npt, &e) != ERR_OK)
		return http_fail(w, &e);
	return http_json(w, 200, json_pack("{s:i, s:i}", "key_results", nkr,
	    "points", npt));
}

static int
api_survey_link(struct http_req *r, struct http_resp *w)
{
	struct err	 e;
	json_t		*in, *v;
	const char	*interaction, *kind;
	char		*token;
	int		 k = SURVEY_CSAT, days = 14;

	if (http_json_body(r, w, &in) != 0)
		return 0;
	interaction = json_string_value(json_object_get(in, "interaction"));
	kind = json_string_value(json_object_get(in, "kind"));
	v = json_object_get(in, "days");
	if (interaction == NULL || (v != NULL && !json_is_integer(v)) ||
	    (json_object_get(in, "kind") != NULL && kind == NULL)) {
		json_decref(in);
		return http_error(w, 422, "invalid", interaction == NULL ?
		    "interaction" : v != NULL && !json_is_integer(v) ? "days" :
		    "kind", "expected {\"interaction\": ID, \"kind\": \"csat\" "
		    "or \"nps\", \"days\": N}");
	}
	if (v != NULL)
		days = json_integer_value(v) > 365 ? 366 :
		    json_integer_value(v) < 1 ? 0 : (int)json_integer_value(v);
	if (kind != NULL)
		k = survey_kind_find(kind);
	interaction = arena_strdup(r->arena, interaction);
	json_decref(in);
	if (k < 0)
		return http_error(w, 422, "invalid", "kind", "kind: expected "
		    "csat or nps");
	if (survey_link(r->okr, interaction, k, days, r->arena, &token, &e)
	    != ERR_OK)
		return http_fail(w, &e);
	return http_json(w, 201, json_pack("{s:s, s:s, s:s, s:s}",
	    "interaction", interaction, "kind", survey_kind_names[k], "token",
	    token, "path", arena_printf(r->arena, "/s/%s", token)));
}

const struct route api_more_routes[] = {
	{ HTTP_GET, "/api/v1/export", api_export, ROLE_VIEWER, ROUTE_API,
	    "export" },
	{ HTTP_POST, "/api/v1/apply", api_apply, ROLE_ADMIN,
	    ROUTE_API | ROUTE_WRITE, "apply" },
	{ HTTP_GET, "/api/v1/corridors", api_corridors, ROLE_VIEWER,
	    ROUTE_API, "corridor_list" },
	{ HTTP_PUT, "/api/v1/corridors/*", api_corridor_put, ROLE_LEAD,
	    ROUTE_API | ROUTE_WRITE, "corridor_set" },
	{ HTTP_DELETE, "/api/v1/corridors/*", api_corridor_delete, ROLE_LEAD,
	    ROUTE_API | ROUTE_WRITE, "corridor_rm" },
	{ HTTP_GET, "/api/v1/health", api_health, ROLE_VIEWER, ROUTE_API,
	    "kpi_health" },
	{ HTTP_GET, "/api/v1/schedule", api_schedule, ROLE_VIEWER, ROUTE_API,
	    "schedule_get" },
	{ HTTP_PUT, "/api/v1/schedule", api_schedule_put, ROLE_ADMIN,
	    ROUTE_API | ROUTE_WRITE, "schedule_set" },
	{ HTTP_DELETE, "/api/v1/schedule", api_schedule_delete, ROLE_ADMIN,
	    ROUTE_API | ROUTE_WRITE, "schedule_clear" },
	{ HTTP_POST, "/api/v1/kpis/sync", api_kpi_sync, ROLE_LEAD,
	    ROUTE_API | ROUTE_WRITE, "kpi_sync" },
	{ HTTP_POST, "/api/v1/surveys", api_survey_link, ROLE_LEAD,
	    ROUTE_API | ROUTE_WRITE, "survey_link" },
	{ 0, NULL, NULL, ROLE_ANON, 0, NULL }
};
