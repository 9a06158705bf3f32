/*
 * person.c: people (agents, leads, analysts), each in at most one team.
 */
#include <string.h>

#include "okr/okr.h"
#include "okr/refs.h"

static void
person_row(struct store_q *q, struct arena *a, void *elem)
{
	struct person	*p = elem;

	p->id = store_q_int(q, 0);
	p->name = arena_strdup(a, store_q_text(q, 1));
	p->team = arena_strdup(a, store_q_text(q, 2));
	p->role = arena_strdup(a, store_q_text(q, 3));
	p->email = arena_strdup(a, store_q_text(q, 4));
	p->version = store_q_int(q, 5);
}

enum err_code
person_list(struct okr *o, struct arena *a, struct person **out,
    size_t *np, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;

	if ((rc = store_q_open(o->st, STMT_PERSON_LIST, &q, e, "")) != ERR_OK)
		return rc;
	return rows_collect(q, person_row, sizeof(**out), a, out, np, e);
}

enum err_code
person_get(struct okr *o, const char *name, struct arena *a,
    struct person *p, struct err *e)
{
	struct store_q	*q;
	struct person	*v;
	size_t		 n;
	enum err_code	 rc;

	if ((rc = store_q_open(o->st, STMT_PERSON_GET, &q, e, "t", name))
	    != ERR_OK ||
	    (rc = rows_collect(q, person_row, sizeof(*v), a, &v, &n, e))
	    != ERR_OK)
		return rc;
	if (n == 0)
		return err_setf(e, ERR_NOTFOUND, "person", "no person named "
		    "\"%s\"", name);
	*p = v[0];
	return ERR_OK;
}

static enum err_code
person_check(struct okr *o, const struct person *old, struct person *p,
    int64_t *team, struct err *e)
{
	enum err_code	 rc;
	int64_t		 other;

	*team = 0;
	if ((rc = field_check_required(person_fields, p, "person", e))
	    != ERR_OK)
		return rc;
	if ((old == NULL || strcmp(old->name, p->name) != 0) &&
	    ref_person(o, p->name, &other, NULL) == ERR_OK)
		return err_setf(e, ERR_EXISTS, "name", "a person named \"%s\" "
		    "already exists", p->name);
	if (p->team != NULL && (rc = ref_team(o, p->team, team, e)) != ERR_OK)
		return rc;
	return ERR_OK;
}

enum err_code
person_add(struct okr *o, struct person *p, struct err *e)
{
	enum err_code	 rc;
	int64_t		 team;

	if ((rc = person_check(o, NULL, p, &team, e)) != ERR_OK)
		return rc;
	if ((rc = store_int(o->st, STMT_PERSON_INSERT, &p->id, e, "tItt",
	    p->name, team, p->role, p->email)) != ERR_OK)
		return rc;
	return history_diff(o, "person", p->id, p->name, person_fields, NULL,
	    p, e);
}

enum err_code
person_update(struct okr *o, const struct person *old, struct person *p,
    struct err *e)
{
	enum err_code	 rc;
	int64_t		 team, v = 0;

	p->id = old->id;
	if ((rc = person_check(o, old, p, &team, e)) != ERR_OK ||
	    (rc = history_diff(o, "person", p->id, p->name, person_fields,
	    old, p, e)) != ERR_OK)
		return rc;
	rc = store_int(o->st, STMT_PERSON_UPDATE, &v, e, "itItti", p->id,
	    p->name, team, p->role, p->email, old->version);
	return okr_versioned(o, rc, STMT_PERSON_VERSION, p->id, "person",
	    old->name, old->version, v, &p->version, e);
}

enum err_code
person_rm(struct okr *o, const char *name, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;
	int64_t		 id, objs = 0, krs = 0, users = 0;
	int		 r;

	if ((rc = ref_person(o, name, &id, e)) != ERR_OK)
		return rc;
	if ((rc = store_q_open(o->st, STMT_PERSON_USES, &q, e, "i", id))
	    != ERR_OK)
		return rc;
	if ((r = store_q_next(q, e)) == 1) {
		objs = store_q_int(q, 0);
		krs = store_q_int(q, 1);
		users = store_q_int(q, 2);
	}
	store_q_close(q);
	if (r < 0)
		return e ? e->code : ERR_STORE;
	if (users > 0)
		return err_set(e, ERR_CONFLICT, "person \"%s\" signs in as "
		    "%lld user(s): change them first (okrdesk user edit LOGIN "
		    "--person ...)", name, (long long)users);
	if (objs + krs > 0)
		return err_set(e, ERR_CONFLICT, "person \"%s\" still owns %lld "
		    "objectives and %lld key results: give them to someone "
		    "else first", name, (long long)objs, (long long)krs);
	if ((rc = history_add(o, "person", id, name, "removed", name, NULL,
	    e)) != ERR_OK)
		return rc;
	return store_exec(o->st, STMT_PERSON_DELETE, e, "i", id);
}
