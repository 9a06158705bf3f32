/*
 * api.c: the JSON API's reading routes (/api/v1/...): the workspace, the
 * entities, the status document, the history.
 *
 * Every handler is a thin shell over okr/ and the JSON writers of
 * okr/evaljson.c, so the API and 'okrdesk ... --json' give the same
 * documents.  Lists page with ?limit= (default 100, at most 1000) and
 * ?offset=, and answer {"items": [...], "total", "limit", "offset"}.
 * The writing routes are in api_write.c, KPIs and imports in api_kpi.c.
 */
#include <stdlib.h>
#include <string.h>

#include "core/parse.h"
#include "okr/eval.h"
#include "okr/evaljson.h"
#include "web/api.h"

int
api_page(struct http_req *r, struct http_resp *w, json_t *all)
{
	const char	*v;
	int64_t		 limit = API_LIMIT, offset = 0;
	size_t		 n, i;
	json_t		*items, *j;
	struct err	 e;

	if (all == NULL)
		return http_error(w, 500, "internal", NULL, "out of memory");
	if ((v = http_query(r, "limit")) != NULL &&
	    parse_int(v, 1, API_LIMIT_MAX, &limit, &e) != ERR_OK) {
		json_decref(all);
		return http_error(w, 400, "bad_request", "limit", "limit: %s",
		    e.msg);
	}
	if ((v = http_query(r, "offset")) != NULL &&
	    parse_int(v, 0, INT64_MAX / 2, &offset, &e) != ERR_OK) {
		json_decref(all);
		return http_error(w, 400, "bad_request", "offset", "offset: %s",
		    e.msg);
	}
	n = json_array_size(all);
	items = json_array();
	for (i = (size_t)offset; i < n && i < (size_t)(offset + limit); i++)
		json_array_append(items, json_array_get(all, i));
	j = json_pack("{s:o, s:I, s:I, s:I}", "items", items, "total",
	    (json_int_t)n, "limit", (json_int_t)limit, "offset",
	    (json_int_t)offset);
	json_decref(all);
	return http_json(w, 200, j);
}

static int
api_workspace(struct http_req *r, struct http_resp *w)
{
	json_t	*j = evaljson_entity(workspace_fields, &r->okr->ws, 0,
	    r->okr->ws.version);

	return http_json(w, 200, j);
}

static int
api_teams(struct http_req *r, struct http_resp *w)
{
	struct team	*v;
	struct err	 e;
	size_t		 n, i;
	json_t		*a;

	if (team_list(r->okr, r->arena, &v, &n, &e) != ERR_OK)
		return http_fail(w, &e);
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, evaljson_entity(team_fields, &v[i],
		    v[i].id, v[i].version));
	return api_page(r, w, a);
}

static int
api_people(struct http_req *r, struct http_resp *w)
{
	struct person	*v;
	struct err	 e;
	size_t		 n, i;
	json_t		*a;

	if (person_list(r->okr, r->arena, &v, &n, &e) != ERR_OK)
		return http_fail(w, &e);
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, evaljson_entity(person_fields, &v[i],
		    v[i].id, v[i].version));
	return api_page(r, w, a);
}

static int
api_cycles(struct http_req *r, struct http_resp *w)
{
	struct cycle	*v;
	struct err	 e;
	size_t		 n, i;
	json_t		*a;

	if (cycle_list(r->okr, r->arena, &v, &n, &e) != ERR_OK)
		return http_fail(w, &e);
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, evaljson_entity(cycle_fields, &v[i],
		    v[i].id, v[i].version));
	return api_page(r, w, a);
}

static int
api_objectives(struct http_req *r, struct http_resp *w)
{
	struct objective	*v;
	struct err		 e;
	size_t			 n, i;
	json_t			*a;

	if (objective_list(r->okr, http_query(r, "cycle"), r->arena, &v, &n,
	    &e) != ERR_OK)
		return http_fail(w, &e);
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, evaljson_objective(&v[i]));
	return api_page(r, w, a);
}

static int
api_objective(struct http_req *r, struct http_resp *w)
{
	struct objective	 ob;
	struct kr		*v;
	struct err		 e;
	size_t			 n, i;
	json_t			*j, *a;

	if (objective_get(r->okr, r->args[0], r->arena, &ob, &e) != ERR_OK ||
	    kr_list_objective(r->okr, ob.id, r->arena, &v, &n, &e) != ERR_OK)
		return http_fail(w, &e);
	j = evaljson_objective(&ob);
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, evaljson_kr_def(&v[i]));
	json_object_set_new(j, "key_results", a);
	return http_json(w, 200, j);
}

static int
api_krs(struct http_req *r, struct http_resp *w)
{
	struct kr	*v;
	struct err	 e;
	size_t		 n, i;
	json_t		*a;

	if (kr_list(r->okr, http_query(r, "cycle"), r->arena, &v, &n, &e)
	    != ERR_OK)
		return http_fail(w, &e);
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, evaljson_kr_def(&v[i]));
	return api_page(r, w, a);
}

json_t *
api_checkin_json(const struct checkin *c)
{
	json_t	*j = json_object();

	json_object_set_new(j, "id", json_integer(c->id));
	json_object_set_new(j, "at", evaljson_time(c->at));
	json_object_set_new(j, "value", evaljson_num(c->value));
	json_object_set_new(j, "confidence", evaljson_num(c->confidence));
	json_object_set_new(j, "note", evaljson_str(c->note));
	json_object_set_new(j, "author", evaljson_str(c->author));
	json_object_set_new(j, "source", evaljson_str(c->source));
	return j;
}

static int
api_kr(struct http_req *r, struct http_resp *w)
{
	struct kr	 k;
	struct checkin	*c;
	struct err	 e;
	size_t		 n, i;
	json_t		*j, *a;
	char		*ref;

	ref = arena_printf(r->arena, "%s/%s", r->args[0], r->args[1]);
	if (kr_get(r->okr, ref, r->arena, &k, &e) != ERR_OK ||
	    checkin_list(r->okr, k.id, r->arena, &c, &n, &e) != ERR_OK)
		return http_fail(w, &e);
	j = evaljson_kr_def(&k);
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, api_checkin_json(&c[i]));
	json_object_set_new(j, "checkins", a);
	return http_json(w, 200, j);
}

/* The document of 'okrdesk status --json', for ?cycle= and ?team=. */
static int
api_status(struct http_req *r, struct http_resp *w)
{
	struct cycle_eval	 ce;
	struct cycle		 cy;
	struct err		 e;
	const char		*cycle = http_query(r, "cycle");
	const char		*team = http_query(r, "team");
	size_t			 t = EVAL_NONE;

	if (cycle == NULL) {
		if (cycle_current(r->okr, r->arena, &cy, &e) != ERR_OK)
			return http_fail(w, &e);
		cycle = cy.name;
	}
	if (eval_cycle(r->okr, cycle, r->okr->now, r->arena, &ce, &e)
	    != ERR_OK)
		return http_fail(w, &e);
	if (team != NULL && (t = eval_team(&ce, team)) == EVAL_NONE)
		return http_error(w, 404, "not_found", "team", "no team named "
		    "\"%s\"", team);
	return http_json(w, 200, evaljson_status(r->okr, &ce, t));
}

static int
api_history(struct http_req *r, struct http_resp *w)
{
	struct history_entry	*h;
	struct err		 e;
	const char		*v;
	int64_t			 limit = 100;
	size_t			 n, i;
	json_t			*a;

	if ((v = http_query(r, "limit")) != NULL &&
	    parse_int(v, 1, API_LIMIT_MAX, &limit, &e) != ERR_OK)
		return http_error(w, 400, "bad_request", "limit", "limit: %s",
		    e.msg);
	if (history_list(r->okr, http_query(r, "entity"),
	    http_query(r, "label"), limit, r->arena, &h, &n, &e) != ERR_OK)
		return http_fail(w, &e);
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, evaljson_history(&h[i]));
	return http_json(w, 200, a);
}

const struct route api_routes[] = {
	{ HTTP_GET, "/api/v1/workspace", api_workspace, ROLE_VIEWER,
	    ROUTE_API, "workspace_get" },
	{ HTTP_GET, "/api/v1/teams", api_teams, ROLE_VIEWER, ROUTE_API,
	    "team_list" },
	{ HTTP_GET, "/api/v1/people", api_people, ROLE_VIEWER, ROUTE_API,
	    "person_list" },
	{ HTTP_GET, "/api/v1/cycles", api_cycles, ROLE_VIEWER, ROUTE_API,
	    "cycle_list" },
	{ HTTP_GET, "/api/v1/objectives", api_objectives, ROLE_VIEWER,
	    ROUTE_API, "objective_list" },
	{ HTTP_GET, "/api/v1/objectives/*", api_objective, ROLE_VIEWER,
	    ROUTE_API, "objective_get" },
	{ HTTP_GET, "/api/v1/krs", api_krs, ROLE_VIEWER, ROUTE_API,
	    "kr_list" },
	{ HTTP_GET, "/api/v1/krs/*/*", api_kr, ROLE_VIEWER, ROUTE_API,
	    "kr_get" },
	{ HTTP_POST, "/api/v1/krs/*/*/checkins", api_checkin_post,
	    ROLE_MEMBER, ROUTE_API | ROUTE_WRITE, "checkin_add" },
	{ HTTP_GET, "/api/v1/status", api_status, ROLE_VIEWER, ROUTE_API,
	    "status" },
	{ HTTP_GET, "/api/v1/history", api_history, ROLE_VIEWER, ROUTE_API,
	    "history" },
	{ HTTP_GET, "/api/v1/kpis", api_kpi_list, ROLE_VIEWER, ROUTE_API,
	    "kpi_list" },
	{ HTTP_GET, "/api/v1/kpis/*", api_kpi_show, ROLE_VIEWER, ROUTE_API,
	    "kpi_show" },
	{ HTTP_POST, "/api/v1/imports/*", api_import, ROLE_LEAD,
	    ROUTE_API | ROUTE_WRITE, "import" },
	{ 0, NULL, NULL, ROLE_ANON, 0, NULL }
};
