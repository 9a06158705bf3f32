/*
 * team.c: teams, a tree (company -> department -> team).
 */
#include <string.h>

#include "okr/okr.h"
#include "okr/refs.h"

static void
team_row(struct store_q *q, struct arena *a, void *elem)
{
	struct team	*t = elem;
	int		 i;

	t->id = store_q_int(q, 0);
	t->name = arena_strdup(a, store_q_text(q, 1));
	t->parent = arena_strdup(a, store_q_text(q, 2));
	t->description = arena_strdup(a, store_q_text(q, 3));
	t->lead = arena_strdup(a, store_q_text(q, 4));
	t->cadence_days = store_q_int(q, 5);
	t->grace_days = store_q_int(q, 6);
	t->checkin_day = -1;
	for (i = 0; store_q_text(q, 7) != NULL && weekday_names[i] != NULL;
	    i++)
		if (strcmp(weekday_names[i], store_q_text(q, 7)) == 0)
			t->checkin_day = i;
	t->version = store_q_int(q, 8);
}

/* The stored weekday of a team, NULL for the workspace's. */
static const char *
team_day(const struct team *t)
{
	return t->checkin_day >= 0 && t->checkin_day < 7 ?
	    weekday_names[t->checkin_day] : NULL;
}

enum err_code
team_list(struct okr *o, struct arena *a, struct team **out, size_t *np,
    struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;

	if ((rc = store_q_open(o->st, STMT_TEAM_LIST, &q, e, "")) != ERR_OK)
		return rc;
	return rows_collect(q, team_row, sizeof(**out), a, out, np, e);
}

enum err_code
team_get(struct okr *o, const char *name, struct arena *a, struct team *t,
    struct err *e)
{
	struct store_q	*q;
	struct team	*v;
	size_t		 n;
	enum err_code	 rc;

	if ((rc = store_q_open(o->st, STMT_TEAM_GET, &q, e, "t", name))
	    != ERR_OK ||
	    (rc = rows_collect(q, team_row, sizeof(*v), a, &v, &n, e))
	    != ERR_OK)
		return rc;
	if (n == 0)
		return err_setf(e, ERR_NOTFOUND, "team", "no team named "
		    "\"%s\"", name);
	*t = v[0];
	return ERR_OK;
}

/*
 * Resolve t->parent to an id, refusing a parent that is the team itself or
 * one of its descendants (the tree would become a loop).
 */
static enum err_code
team_parent(struct okr *o, const struct team *t, int64_t *pid,
    struct err *e)
{
	struct arena	 a = ARENA_INIT;
	struct team	 p;
	enum err_code	 rc = ERR_OK;
	const char	*name;
	int		 depth = 0;

	*pid = 0;
	if (t->parent == NULL)
		return ERR_OK;
	if ((rc = ref_team(o, t->parent, pid, e)) != ERR_OK)
		return rc;
	for (name = t->parent; name != NULL; name = p.parent) {
		if ((rc = team_get(o, name, &a, &p, e)) != ERR_OK)
			break;
		if ((t->id != 0 && p.id == t->id) ||
		    strcmp(p.name, t->name) == 0 || ++depth > 1000) {
			rc = err_setf(e, ERR_INVAL, "parent", "parent: team "
			    "\"%s\" cannot sit under \"%s\", which is itself "
			    "or below it", t->name, t->parent);
			break;
		}
	}
	arena_release(&a);
	return rc;
}

/* Resolve t->lead to a person id (0 for none). */
static enum err_code
ref_lead(struct okr *o, const struct team *t, int64_t *lid, struct err *e)
{
	enum err_code	 rc;

	*lid = 0;
	if (t->lead == NULL)
		return ERR_OK;
	if ((rc = ref_person(o, t->lead, lid, e)) != ERR_OK)
		err_prefix(e, "lead");
	return rc;
}

enum err_code
team_add(struct okr *o, struct team *t, struct err *e)
{
	enum err_code	 rc;
	int64_t		 pid, lid;

	if ((rc = field_check_required(team_fields, t, "team", e)) != ERR_OK)
		return rc;
	if (ref_team(o, t->name, &pid, NULL) == ERR_OK)
		return err_setf(e, ERR_EXISTS, "name", "a team named \"%s\" "
		    "already exists", t->name);
	t->id = 0;
	if ((rc = team_parent(o, t, &pid, e)) != ERR_OK)
		return rc;
	if ((rc = ref_lead(o, t, &lid, e)) != ERR_OK)
		return rc;
	if ((rc = store_int(o->st, STMT_TEAM_INSERT, &t->id, e, "tItIIIt",
	    t->name, pid, t->description, lid, t->cadence_days, t->grace_days,
	    team_day(t))) != ERR_OK)
		return rc;
	return history_diff(o, "team", t->id, t->name, team_fields, NULL, t,
	    e);
}

enum err_code
team_update(struct okr *o, const struct team *old, struct team *t,
    struct err *e)
{
	enum err_code	 rc;
	int64_t		 pid, other, lid, v = 0;

	t->id = old->id;
	if ((rc = field_check_required(team_fields, t, "team", e)) != ERR_OK)
		return rc;
	if (strcmp(old->name, t->name) != 0 &&
	    ref_team(o, t->name, &other, NULL) == ERR_OK)
		return err_setf(e, ERR_EXISTS, "name", "a team named \"%s\" "
		    "already exists", t->name);
	if ((rc = team_parent(o, t, &pid, e)) != ERR_OK ||
	    (rc = ref_lead(o, t, &lid, e)) != ERR_OK)
		return rc;
	if ((rc = history_diff(o, "team", t->id, t->name, team_fields, old, t,
	    e)) != ERR_OK)
		return rc;
	rc = store_int(o->st, STMT_TEAM_UPDATE, &v, e, "itItIIIti", t->id,
	    t->name, pid, t->description, lid, t->cadence_days, t->grace_days,
	    team_day(t), old->version);
	return okr_versioned(o, rc, STMT_TEAM_VERSION, t->id, "team",
	    old->name, old->version, v, &t->version, e);
}

enum err_code
team_rm(struct okr *o, const char *name, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;
	int64_t		 id, kids = 0, people = 0, objs = 0, users = 0;
	int		 r;

	if ((rc = ref_team(o, name, &id, e)) != ERR_OK)
		return rc;
	if ((rc = store_q_open(o->st, STMT_TEAM_USES, &q, e, "i", id))
	    != ERR_OK)
		return rc;
	if ((r = store_q_next(q, e)) == 1) {
		kids = store_q_int(q, 0);
		people = store_q_int(q, 1);
		objs = store_q_int(q, 2);
		users = store_q_int(q, 3);
	}
	store_q_close(q);
	if (r < 0)
		return e ? e->code : ERR_STORE;
	if (users > 0)
		return err_set(e, ERR_CONFLICT, "team \"%s\" is the team of "
		    "%lld sign-in users: change them first (okrdesk user "
		    "edit LOGIN --team ...)", name, (long long)users);
	if (kids + people + objs > 0)
		return err_set(e, ERR_CONFLICT, "team \"%s\" still has %lld "
		    "teams, %lld people and %lld objectives: move or remove "
		    "them first", name, (long long)kids, (long long)people,
		    (long long)objs);
	if ((rc = history_add(o, "team", id, name, "removed", name, NULL, e))
	    != ERR_OK)
		return rc;
	return store_exec(o->st, STMT_TEAM_DELETE, e, "i", id);
}
