/*
 * api_entity_okr.c: the API's writing routes of objectives and key
 * results, through the generic flow of api_entity.c.
 *
 *   POST   /api/v1/objectives         PATCH|DELETE /api/v1/objectives/KEY
 *   POST   /api/v1/objectives/KEY/krs PATCH|DELETE /api/v1/krs/OBJ/KR
 *
 * Beyond the field tables an objective takes "aligns" (an array of
 * "objective" or "objective/kr", replacing the list; null for none) and a
 * key result "milestones" (an array of "TITLE[:WEIGHT]" strings or
 * {"title", "weight"} objects, replacing the list: done marks of titles
 * that stay are kept).
 *
 * Rights: a lead or admin writes the objectives owned by a team they can
 * edit, or by a person of one (okr/user.c), and their key results.  OKRs
 * are set bottom-up too: a member may propose a draft objective for their
 * own team (the state is forced to draft; asking for another is 403) and
 * add key results to a draft of their team; a lead then activates it with
 * PATCH {"state": "active"}, and history records who did each.
 */
#include <math.h>
#include <string.h>

#include "okr/evaljson.h"
#include "okr/kpilink.h"
#include "web/api.h"
#include "web/api_entity.h"
#include "web/kpicache.h"

static int
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* The team that owns ob: its team, or its person's; NULL if none. */
static const char *
owner_team(struct api_call *c, const struct objective *ob)
{
	struct person	 p;

	if (ob->team != NULL)
		return ob->team;
	if (ob->person != NULL && person_get(c->r->okr, ob->person,
	    c->r->arena, &p, NULL) == ERR_OK)
		return p.team;
	return NULL;
}

/* Is ob a draft of the caller's own team, which a member may shape? */
static int
own_draft_team(struct api_call *c, const struct objective *ob)
{
	const char	*team = owner_team(c, ob);

	return user_has_role(&c->u, USER_MEMBER) && c->u.team != NULL &&
	    team != NULL && strcmp(team, c->u.team) == 0;
}

/* ---- objectives -------------------------------------------------------- */

API_GLUE(objective, key)

/* "aligns": [...] or null. */
static int
objective_extra(struct api_call *c, const char *name, json_t *v, void *p,
    struct err *e)
{
	struct objective	*ob = p;
	char			**nv = NULL;
	size_t			 i, n;

	if (strcmp(name, "aligns") != 0)
		return 0;
	if (json_is_null(v)) {
		ob->aligns = NULL;
		ob->naligns = 0;
		return 1;
	}
	if (!json_is_array(v))
		goto type;
	n = json_array_size(v);
	if (n > 0 && (nv = arena_calloc(c->r->arena, n, sizeof(*nv))) ==
	    NULL) {
		err_set(e, ERR_NOMEM, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (!json_is_string(json_array_get(v, i)))
			goto type;
		nv[i] = (char *)json_string_value(json_array_get(v, i));
	}
	ob->aligns = nv;
	ob->naligns = n;
	return 1;
type:
	err_setf(e, ERR_INVAL, "aligns", "aligns: expected an array of "
	    "\"objective\" or \"objective/kr\" strings, got %s",
	    api_entity_type(v));
	return -1;
}

static int
objective_may(struct api_call *c, enum api_op op, const void *oldp,
    void *newp)
{
	const struct objective	*old = oldp;
	struct objective	*ob = newp;
	struct okr		*o = c->r->okr;
	struct team		 t;
	struct person		 p;
	const char		*team;

	if (ob == NULL) {
		if (old != NULL && !user_can_edit_objective(o, &c->u,
		    old->key))
			return api_forbid(c->w, "objective \"%s\" belongs to a "
			    "team you do not lead", old->key);
		return 0;
	}
	if (op == API_EDIT && str_eq(old->team, ob->team) &&
	    str_eq(old->person, ob->person))
		return 0;
	/* no owner, or one that does not exist: objective_add/update will
	 * refuse it (422, 404), which says more than a 403 would */
	if ((ob->team == NULL && ob->person == NULL) ||
	    (ob->team != NULL && team_get(o, ob->team, c->r->arena, &t,
	    NULL) != ERR_OK) ||
	    (ob->person != NULL && person_get(o, ob->person, c->r->arena, &p,
	    NULL) != ERR_OK))
		return 0;
	team = owner_team(c, ob);
	if (team != NULL && user_can_edit_team(o, &c->u, team))
		return 0;
	if (op == API_ADD && own_draft_team(c, ob)) {
		/* a member proposes; a lead of the team approves */
		if (json_object_get(c->in, "state") != NULL &&
		    ob->state != OBJ_DRAFT)
			return api_forbid(c->w, "a member may only propose a "
			    "draft: state \"%s\" is set by a lead of team "
			    "\"%s\"", obj_state_names[ob->state], team);
		ob->state = OBJ_DRAFT;
		return 0;
	}
	return api_forbid(c->w, "objective \"%s\": its owner's team \"%s\" "
	    "is not one you lead%s", ob->key, team != NULL ? team :
	    "(none)", op == API_ADD ? " (a member proposes drafts for their "
	    "own team only)" : "");
}

static json_t *
objective_json(struct api_call *c, const void *p)
{
	const struct objective	*ob = p;
	struct kr		*v;
	struct err		 e;
	size_t			 n, i;
	json_t			*j, *a;

	if ((j = evaljson_objective(ob)) == NULL)
		return NULL;
	a = json_array();
	if (kr_list_objective(c->r->okr, ob->id, c->r->arena, &v, &n, &e)
	    == ERR_OK)
		for (i = 0; i < n; i++)
			json_array_append_new(a, evaljson_kr_def(&v[i]));
	json_object_set_new(j, "key_results", a);
	return j;
}

static const struct api_entity objective_ent = {
	"objective", objective_fields, sizeof(struct objective),
	objective_defaults_v, objective_ident_v, objective_get_v, NULL,
	objective_add_v, objective_update_v, objective_rm, objective_extra,
	objective_may, objective_json, offsetof(struct objective, version)
};

int
api_objective_post(struct http_req *r, struct http_resp *w)
{
	return api_entity_post(r, w, &objective_ent);
}

int
api_objective_patch(struct http_req *r, struct http_resp *w)
{
	return api_entity_patch(r, w, &objective_ent);
}

int
api_objective_delete(struct http_req *r, struct http_resp *w)
{
	return api_entity_delete(r, w, &objective_ent);
}

/* ---- key results ------------------------------------------------------- */

static void
kr_defaults_v(void *p)
{
	kr_defaults(p);
}

static const char *
kr_ident_v(struct arena *a, const void *p)
{
	const struct kr	*k = p;

	return arena_printf(a, "%s/%s", k->objective, k->key);
}

static enum err_code
kr_get_v(struct okr *o, const char *ref, struct arena *a, void *p,
    struct err *e)
{
	return kr_get(o, ref, a, p, e);
}

/*
 * A key result fed by a KPI gets its points from the data at once, as
 * 'okrdesk kr add|edit' does, from the server's shared snapshot.
 */
static enum err_code
kr_sync(struct api_call *c, const struct kr *k, struct err *e)
{
	struct kpiref		*ref = NULL;
	const struct snap	*snap;
	enum err_code		 rc;

	if ((rc = kpicache_get(c->r->okr, &ref, &snap, e)) == ERR_OK)
		rc = kpilink_sync(c->r->okr, snap, kr_ident_v(c->r->arena, k),
		    NULL, NULL, e);
	kpicache_put(ref);
	return rc;
}

static enum err_code
kr_add_v(struct api_call *c, void *p, struct err *e)
{
	struct kr	*k = p;
	enum err_code	 rc;

	if ((rc = kr_add(c->r->okr, k, e)) != ERR_OK || k->kpi == NULL)
		return rc;
	return kr_sync(c, k, e);
}

static enum err_code
kr_update_v(struct api_call *c, const void *oldp, void *p, struct err *e)
{
	const struct kr	*a = oldp;
	struct kr	*b = p;
	enum err_code	 rc;

	if ((rc = kr_update(c->r->okr, a, b, e)) != ERR_OK)
		return rc;
	/* the link changed (or was set): recompute, as the CLI does; a
	 * link removed leaves its points as history */
	if (kpilink_changed(a, b))
		return kr_sync(c, b, e);
	return ERR_OK;
}

/* One milestone: "TITLE[:WEIGHT]" or {"title", "weight"?}. */
static int
milestone_json(struct api_call *c, json_t *v, struct milestone *m,
    struct err *e)
{
	const char	*key;
	json_t		*x;

	if (json_is_string(v))
		return milestone_parse(json_string_value(v), c->r->arena, m, e)
		    == ERR_OK ? 0 : -1;
	if (!json_is_object(v))
		goto type;
	memset(m, 0, sizeof(*m));
	m->weight = 1;
	json_object_foreach(v, key, x) {
		if (strcmp(key, "title") == 0 && json_is_string(x))
			m->title = arena_strdup(c->r->arena,
			    json_string_value(x));
		else if (strcmp(key, "weight") == 0 && json_is_number(x))
			m->weight = json_number_value(x);
		else if (strcmp(key, "done") != 0)	/* as GET gives it */
			goto type;
	}
	/* title and weight are checked by kr_add / kr_update */
	return 0;
type:
	err_setf(e, ERR_INVAL, "milestones", "milestones: expected \"TITLE\", "
	    "\"TITLE:WEIGHT\" or {\"title\": string, \"weight\": number}, "
	    "got %s", api_entity_type(v));
	return -1;
}

/* "milestones": [...] or null. */
static int
kr_extra(struct api_call *c, const char *name, json_t *v, void *p,
    struct err *e)
{
	struct kr		*k = p;
	struct milestone	*nv = NULL;
	size_t			 i, n;

	if (strcmp(name, "milestones") != 0)
		return 0;
	if (!json_is_null(v) && !json_is_array(v)) {
		err_setf(e, ERR_INVAL, "milestones", "milestones: expected an "
		    "array, got %s", api_entity_type(v));
		return -1;
	}
	n = json_array_size(v);		/* 0 for null */
	if (n > 0 && (nv = arena_calloc(c->r->arena, n, sizeof(*nv))) ==
	    NULL) {
		err_set(e, ERR_NOMEM, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++)
		if (milestone_json(c, json_array_get(v, i), &nv[i], e) != 0)
			return -1;
	k->ms = nv;
	k->nms = n;
	return 1;
}

/* POST /api/v1/objectives/KEY/krs: the objective is the path's. */
static int
kr_prepare(struct api_call *c, void *p)
{
	struct kr		*k = p;
	struct objective	 ob;
	struct err		 e;

	err_clear(&e);
	if (objective_get(c->r->okr, c->r->args[0], c->r->arena, &ob, &e)
	    != ERR_OK) {
		http_fail(c->w, &e);
		return 404;
	}
	k->objective = ob.key;
	return 0;
}

static int
kr_may(struct api_call *c, enum api_op op, const void *oldp, void *newp)
{
	const struct kr		*old = oldp;
	struct objective	 ob;
	const char		*key;

	if (newp != NULL)	/* the objective decides, not the body */
		return 0;
	key = old != NULL ? old->objective : c->r->args[0];
	if (user_can_edit_objective(c->r->okr, &c->u, key))
		return 0;
	if (op == API_ADD && objective_get(c->r->okr, key, c->r->arena, &ob,
	    NULL) == ERR_OK && ob.state == OBJ_DRAFT &&
	    own_draft_team(c, &ob))
		return 0;
	return api_forbid(c->w, "the key results of objective \"%s\" are set "
	    "by a lead of its team%s", key, op == API_ADD ? " (a member adds "
	    "them only to a draft of their own team)" : "");
}

static json_t *
kr_json(struct api_call *c, const void *p)
{
	const struct kr	*k = p;
	struct checkin	*v;
	struct err	 e;
	size_t		 n, i;
	json_t		*j, *a;

	if ((j = evaljson_kr_def(k)) == NULL)
		return NULL;
	a = json_array();
	if (checkin_list(c->r->okr, k->id, c->r->arena, &v, &n, &e) == ERR_OK)
		for (i = 0; i < n; i++)
			json_array_append_new(a, api_checkin_json(&v[i]));
	json_object_set_new(j, "checkins", a);
	return j;
}

static const struct api_entity kr_ent = {
	"key result", kr_fields, sizeof(struct kr), kr_defaults_v,
	kr_ident_v, kr_get_v, kr_prepare, kr_add_v, kr_update_v, kr_rm,
	kr_extra, kr_may, kr_json, offsetof(struct kr, version)
};

int
api_kr_post(struct http_req *r, struct http_resp *w)
{
	return api_entity_post(r, w, &kr_ent);
}

int
api_kr_patch(struct http_req *r, struct http_resp *w)
{
	return api_entity_patch(r, w, &kr_ent);
}

int
api_kr_delete(struct http_req *r, struct http_resp *w)
{
	return api_entity_delete(r, w, &kr_ent);
}
