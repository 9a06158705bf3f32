/*
 * cycle.c: OKR cycles (usually quarters), from a start day to an end day
 * inclusive, cut in the workspace time zone.
 */
#include <string.h>

#include "core/clock.h"
#include "okr/close.h"
#include "okr/okr.h"
#include "okr/refs.h"

static void
cycle_row(struct store_q *q, struct arena *a, void *elem)
{
	struct cycle	*c = elem;
	const char	*state;
	size_t		 i;

	c->id = store_q_int(q, 0);
	c->name = arena_strdup(a, store_q_text(q, 1));
	c->start = arena_strdup(a, store_q_text(q, 2));
	c->end = arena_strdup(a, store_q_text(q, 3));
	state = store_q_text(q, 4);
	c->state = CYCLE_ACTIVE;
	for (i = 0; state != NULL && cycle_state_names[i] != NULL; i++)
		if (strcmp(state, cycle_state_names[i]) == 0)
			c->state = (int)i;
	c->version = store_q_int(q, 5);
}

enum err_code
cycle_list(struct okr *o, struct arena *a, struct cycle **out, size_t *np,
    struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;

	if ((rc = store_q_open(o->st, STMT_CYCLE_LIST, &q, e, "")) != ERR_OK)
		return rc;
	return rows_collect(q, cycle_row, sizeof(**out), a, out, np, e);
}

enum err_code
cycle_get(struct okr *o, const char *name, struct arena *a, struct cycle *c,
    struct err *e)
{
	struct store_q	*q;
	struct cycle	*v;
	size_t		 n;
	enum err_code	 rc;

	if ((rc = store_q_open(o->st, STMT_CYCLE_GET, &q, e, "t", name))
	    != ERR_OK ||
	    (rc = rows_collect(q, cycle_row, sizeof(*v), a, &v, &n, e))
	    != ERR_OK)
		return rc;
	if (n == 0)
		return err_setf(e, ERR_NOTFOUND, "cycle", "no cycle named "
		    "\"%s\"", name);
	*c = v[0];
	return ERR_OK;
}

void
cycle_bounds(const struct cycle *c, int64_t *start, int64_t *end)
{
	*start = clock_date_start(c->start);
	*end = clock_date_end(c->end);
}

enum err_code
cycle_current(struct okr *o, struct arena *a, struct cycle *out,
    struct err *e)
{
	struct cycle	*v;
	size_t		 n, i, best = SIZE_MAX;
	int64_t		 s, t;
	enum err_code	 rc;
	int		 rank, bestrank = 0;

	if ((rc = cycle_list(o, a, &v, &n, e)) != ERR_OK)
		return rc;
	/* rank 3: active and holds now; 2: holds now; 1: started before */
	for (i = 0; i < n; i++) {
		cycle_bounds(&v[i], &s, &t);
		if (s <= o->now && o->now < t)
			rank = v[i].state == CYCLE_ACTIVE ? 3 : 2;
		else if (s <= o->now)
			rank = 1;
		else
			continue;
		/* cycles are sorted by start: a later one wins a tie */
		if (rank >= bestrank) {
			bestrank = rank;
			best = i;
		}
	}
	if (best == SIZE_MAX && n > 0)
		best = 0;	/* only future cycles: the first of them */
	if (best == SIZE_MAX)
		return err_setf(e, ERR_NOTFOUND, "cycle", "the workspace has "
		    "no cycle yet: add one with 'okrdesk cycle add'");
	*out = v[best];
	return ERR_OK;
}

static enum err_code
cycle_check(struct okr *o, const struct cycle *old, struct cycle *c,
    struct err *e)
{
	enum err_code	 rc;
	int64_t		 other;

	if ((rc = field_check_required(cycle_fields, c, "cycle", e)) != ERR_OK)
		return rc;
	if ((old == NULL || strcmp(old->name, c->name) != 0) &&
	    ref_cycle(o, c->name, &other, NULL) == ERR_OK)
		return err_setf(e, ERR_EXISTS, "name", "a cycle named \"%s\" "
		    "already exists", c->name);
	/* YYYY-MM-DD compares as text */
	if (strcmp(c->end, c->start) < 0)
		return err_setf(e, ERR_INVAL, "end", "end: cycle \"%s\" ends "
		    "on %s, before it starts on %s", c->name, c->end,
		    c->start);
	return ERR_OK;
}

enum err_code
cycle_add(struct okr *o, struct cycle *c, struct err *e)
{
	enum err_code	 rc;

	if ((rc = cycle_check(o, NULL, c, e)) != ERR_OK)
		return rc;
	if ((rc = store_int(o->st, STMT_CYCLE_INSERT, &c->id, e, "tttt",
	    c->name, c->start, c->end, cycle_state_names[c->state]))
	    != ERR_OK)
		return rc;
	return history_diff(o, "cycle", c->id, c->name, cycle_fields, NULL,
	    c, e);
}

enum err_code
cycle_update(struct okr *o, const struct cycle *old, struct cycle *c,
    struct err *e)
{
	enum err_code	 rc;
	int64_t		 v = 0;

	c->id = old->id;
	/* a closed cycle's dates, name and state are what was graded */
	if (close_fields_differ(cycle_fields, old, c, NULL) &&
	    (rc = close_guard_cycle(o, old->name, e)) != ERR_OK)
		return rc;
	if ((rc = cycle_check(o, old, c, e)) != ERR_OK ||
	    (rc = history_diff(o, "cycle", c->id, c->name, cycle_fields, old,
	    c, e)) != ERR_OK)
		return rc;
	rc = store_int(o->st, STMT_CYCLE_UPDATE, &v, e, "itttti", c->id,
	    c->name, c->start, c->end, cycle_state_names[c->state],
	    old->version);
	return okr_versioned(o, rc, STMT_CYCLE_VERSION, c->id, "cycle",
	    old->name, old->version, v, &c->version, e);
}

enum err_code
cycle_rm(struct okr *o, const char *name, struct err *e)
{
	enum err_code	 rc;
	int64_t		 id, objs = 0;

	if ((rc = ref_cycle(o, name, &id, e)) != ERR_OK ||
	    (rc = close_guard_cycle(o, name, e)) != ERR_OK ||
	    (rc = store_int(o->st, STMT_CYCLE_USES, &objs, e, "i", id))
	    != ERR_OK)
		return rc;
	if (objs > 0)
		return err_set(e, ERR_CONFLICT, "cycle \"%s\" still holds %lld "
		    "objectives: remove or move them first", name,
		    (long long)objs);
	if ((rc = history_add(o, "cycle", id, name, "removed", name, NULL,
	    e)) != ERR_OK)
		return rc;
	return store_exec(o->st, STMT_CYCLE_DELETE, e, "i", id);
}
