/*
 * eval.c: evaluating a whole cycle at one instant.  See eval.h.
 *
 * The loader runs five queries (cycle, objectives, key results, teams and
 * people, check-ins) whatever the size of the cycle, then joins them in
 * memory with sorted id maps: the dashboard budget of DESIGN.md (500
 * objectives, 2,000 key results) leaves no room for a query per key
 * result.  All the arithmetic is progress.h's; this file only gathers its
 * inputs and arranges its outputs.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "okr/eval.h"

/* Deeper than any real organisation; stops a looping team table. */
#define EVAL_MAX_DEPTH	64
/* The depth of an objective owned by a person in no team. */
#define EVAL_DEPTH_NOTEAM	(EVAL_MAX_DEPTH + 1)

#define DAY	((int64_t)86400)

/* An id and the index it has in some array, for bsearch. */
struct idmap {
	int64_t		 id;
	size_t		 idx;
};

static int
idmap_cmp(const void *a, const void *b)
{
	const struct idmap	*x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static size_t
idmap_find(const struct idmap *m, size_t n, int64_t id)
{
	struct idmap	 k, *hit;

	if (n == 0)
		return EVAL_NONE;
	k.id = id;
	k.idx = 0;
	hit = bsearch(&k, m, n, sizeof(*m), idmap_cmp);
	return hit == NULL ? EVAL_NONE : hit->idx;
}

size_t
eval_team(const struct cycle_eval *ce, const char *name)
{
	size_t	 i;

	for (i = 0; name != NULL && i < ce->nteams; i++)
		if (strcmp(ce->teams[i].team->name, name) == 0)
			return i;
	return EVAL_NONE;
}

size_t
eval_person(const struct cycle_eval *ce, const char *name)
{
	size_t	 i;

	for (i = 0; name != NULL && i < ce->npeople; i++)
		if (strcmp(ce->people[i].name, name) == 0)
			return i;
	return EVAL_NONE;
}

size_t
eval_objective(const struct cycle_eval *ce, const char *key)
{
	size_t	 i;

	for (i = 0; key != NULL && i < ce->nobjs; i++)
		if (strcmp(ce->objs[i].obj->key, key) == 0)
			return i;
	return EVAL_NONE;
}

int
eval_owned_under(const struct cycle_eval *ce, const struct obj_eval *oe,
    size_t t)
{
	size_t	 i;
	int	 steps;

	for (i = oe->team, steps = 0; i != EVAL_NONE &&
	    steps <= EVAL_MAX_DEPTH; i = ce->teams[i].parent, steps++)
		if (i == t)
			return 1;
	return 0;
}

/* Teams with their parent and depth (a looping table stops at the cap). */
static enum err_code
load_teams(struct okr *o, struct arena *a, struct cycle_eval *ce,
    struct err *e)
{
	struct team	*v;
	size_t		 n, i, p;
	int		 d;
	enum err_code	 rc;

	if ((rc = team_list(o, a, &v, &n, e)) != ERR_OK)
		return rc;
	if (n > 0 && (ce->teams = arena_calloc(a, n, sizeof(*ce->teams))) ==
	    NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	ce->nteams = n;
	for (i = 0; i < n; i++)
		ce->teams[i].team = &v[i];
	for (i = 0; i < n; i++)
		ce->teams[i].parent = eval_team(ce, v[i].parent);
	for (i = 0; i < n; i++) {
		d = 0;
		for (p = ce->teams[i].parent; p != EVAL_NONE &&
		    d < EVAL_MAX_DEPTH; p = ce->teams[p].parent)
			d++;
		ce->teams[i].depth = d;
	}
	return ERR_OK;
}

/* The people (kept for eval_person), and the owner team and depth of
 * every objective. */
static enum err_code
place_owners(struct okr *o, struct arena *a, struct cycle_eval *ce,
    struct err *e)
{
	struct obj_eval	*oe;
	size_t		 i, p;
	enum err_code	 rc;

	if ((rc = person_list(o, a, &ce->people, &ce->npeople, e)) != ERR_OK)
		return rc;
	for (i = 0; i < ce->nobjs; i++) {
		oe = &ce->objs[i];
		oe->team = EVAL_NONE;
		oe->depth = EVAL_DEPTH_NOTEAM;
		if (oe->obj->team != NULL) {
			oe->team = eval_team(ce, oe->obj->team);
			if (oe->team != EVAL_NONE)
				oe->depth = ce->teams[oe->team].depth;
			continue;
		}
		if ((p = eval_person(ce, oe->obj->person)) == EVAL_NONE)
			continue;
		oe->team = eval_team(ce, ce->people[p].team);
		if (oe->team != EVAL_NONE)
			oe->depth = ce->teams[oe->team].depth + 1;
	}
	return ERR_OK;
}

static int
obj_order(const void *a, const void *b)
{
	const struct obj_eval	*x = a, *y = b;

	if (x->depth != y->depth)
		return x->depth < y->depth ? -1 : 1;
	return strcmp(x->obj->key, y->obj->key);
}

/*
 * Load every check-in of the cycle in one query and hand each key result
 * its slice (the query orders them by key result, then time).
 */
static enum err_code
load_checkins(struct okr *o, struct arena *a, struct cycle_eval *ce,
    const struct idmap *krmap, struct err *e)
{
	struct store_q	*q;
	struct checkin	*v = NULL, *c;
	struct kr_eval	*ke;
	size_t		 n = 0, cap = 0, i, k, end;
	enum err_code	 rc;
	int		 r;

	if ((rc = store_q_open(o->st, STMT_CHECKIN_LIST_CYCLE, &q, e, "t",
	    ce->cycle.name)) != ERR_OK)
		return rc;
	while ((r = store_q_next(q, e)) == 1) {
		if ((c = ARENA_PUSH(a, v, n, cap)) == NULL)
			break;
		c->kr_id = store_q_int(q, 0);
		c->id = store_q_int(q, 1);
		c->at = store_q_int(q, 2);
		c->value = store_q_real(q, 3);
		c->confidence = store_q_real(q, 4);
		c->note = arena_strdup(a, store_q_text(q, 5));
		c->author = arena_strdup(a, store_q_text(q, 6));
		c->source = arena_strdup(a, store_q_text(q, 7));
	}
	store_q_close(q);
	if (r < 0)
		return e != NULL ? e->code : ERR_STORE;
	if (arena_failed(a))
		return err_set(e, ERR_NOMEM, "out of memory");
	for (i = 0; i < n; i = end) {
		for (end = i + 1; end < n && v[end].kr_id == v[i].kr_id; end++)
			continue;
		if ((k = idmap_find(krmap, ce->nkrs, v[i].kr_id)) == EVAL_NONE)
			continue;	/* not a key result of this cycle */
		ke = &ce->krs[k];
		ke->checkins = &v[i];
		ke->ncheckins = end - i;
	}
	return ERR_OK;
}

void
eval_cadence(const struct cycle_eval *ce, const struct workspace *ws,
    size_t t, struct eval_cadence *c)
{
	const struct team	*tm;
	size_t			 steps;
	int			 days = 0, grace = 0, wd = 0;

	c->days = ws->cadence_days;
	c->grace_days = ws->grace_days;
	c->weekday = ws->checkin_day;
	/* steps bounds a loop a hand-edited store might hold */
	for (steps = 0; t != EVAL_NONE && t < ce->nteams &&
	    steps < ce->nteams; t = ce->teams[t].parent, steps++) {
		tm = ce->teams[t].team;
		if (!days && tm->cadence_days > 0) {
			c->days = tm->cadence_days;
			days = 1;
		}
		if (!grace && tm->grace_days > 0) {
			c->grace_days = tm->grace_days;
			grace = 1;
		}
		if (!wd && tm->checkin_day >= 0 && tm->checkin_day < 7) {
			c->weekday = tm->checkin_day;
			wd = 1;
		}
	}
}

/* Fill in the math's input for one key result and evaluate it. */
static enum err_code
eval_kr(struct okr *o, struct arena *a, struct cycle_eval *ce,
    struct kr_eval *ke)
{
	const struct kr		*k = ke->kr;
	struct progress_point	*pts = NULL;
	double			*confs = NULL;
	size_t			 i, n;
	int			 have = 0;

	/* only check-ins up to the horizon count (they are sorted) */
	for (n = 0; n < ke->ncheckins; n++)
		if (ke->checkins[n].at > ce->horizon)
			break;
	ke->ncheckins = n;
	if (n > 0 && (pts = arena_calloc(a, n, sizeof(*pts))) == NULL)
		return ERR_NOMEM;
	ke->confidence = ke->prev_confidence = NAN;
	for (i = 0; i < n; i++) {
		pts[i].at = ke->checkins[i].at;
		pts[i].value = ke->checkins[i].value;
		if (!isnan(ke->checkins[i].confidence)) {
			ke->prev_confidence = have ? ke->confidence : NAN;
			ke->confidence = ke->checkins[i].confidence;
			have = 1;
		}
	}
	ke->last_checkin = n > 0 ? ke->checkins[n - 1].at : 0;
	for (i = 0; i < k->nms; i++)
		if (k->ms[i].done_at != 0 && k->ms[i].done_at <= ce->horizon)
			ke->ms_done++;

	ke->in.kind = (enum kr_kind)k->kind;
	ke->in.baseline = k->baseline;
	ke->in.target = k->target;
	ke->in.low = k->low;
	ke->in.high = k->high;
	ke->in.weight = k->weight;
	ke->in.manual = k->source == NULL || strcmp(k->source, "manual") == 0;
	eval_cadence(ce, &o->ws, ce->objs[ke->obj].team, &ke->cadence);
	ke->in.cadence = ke->cadence.days * DAY;
	ke->in.grace = ke->cadence.grace_days * DAY;
	ke->in.pts = pts;
	ke->in.npts = n;
	progress_kr_eval(&ke->in, ce->start, ce->end, ce->now, &ke->ev);
	if (n > 0 && (confs = arena_calloc(a, n, sizeof(*confs))) == NULL)
		return ERR_NOMEM;
	for (i = 0; i < n; i++)
		confs[i] = ke->checkins[i].confidence;
	pace_kr(&ke->in, &ke->ev, confs, n, ce->start, ce->end, ce->now,
	    &ke->pace);
	return ERR_OK;
}

/*
 * Group the key results by objective (keeping their order within it), then
 * evaluate them and roll each objective up.
 */
static enum err_code
eval_krs(struct okr *o, struct arena *a, struct cycle_eval *ce,
    struct kr *kv, struct err *e)
{
	struct idmap		*om = NULL, *km = NULL;
	struct progress_kr	*pin = NULL;
	struct progress_eval	*pev = NULL;
	size_t			*count = NULL, *next = NULL;
	size_t			 i, j, oi;
	enum err_code		 rc;

	if (ce->nobjs > 0 &&
	    ((om = arena_calloc(a, ce->nobjs, sizeof(*om))) == NULL ||
	    (count = arena_calloc(a, ce->nobjs + 1, sizeof(*count))) == NULL ||
	    (next = arena_calloc(a, ce->nobjs, sizeof(*next))) == NULL))
		return err_set(e, ERR_NOMEM, "out of memory");
	if (ce->nkrs > 0 &&
	    ((ce->krs = arena_calloc(a, ce->nkrs, sizeof(*ce->krs))) == NULL ||
	    (km = arena_calloc(a, ce->nkrs, sizeof(*km))) == NULL ||
	    (pin = arena_calloc(a, ce->nkrs, sizeof(*pin))) == NULL ||
	    (pev = arena_calloc(a, ce->nkrs, sizeof(*pev))) == NULL))
		return err_set(e, ERR_NOMEM, "out of memory");
	for (i = 0; i < ce->nobjs; i++) {
		om[i].id = ce->objs[i].obj->id;
		om[i].idx = i;
	}
	if (ce->nobjs > 0)
		qsort(om, ce->nobjs, sizeof(*om), idmap_cmp);

	/* a counting sort of the key results by their objective's place */
	for (i = 0; i < ce->nkrs; i++) {
		oi = idmap_find(om, ce->nobjs, kv[i].objective_id);
		if (oi == EVAL_NONE)
			return err_set(e, ERR_INTERNAL, "key result \"%s/%s\" "
			    "has no objective in cycle \"%s\"", kv[i].objective,
			    kv[i].key, ce->cycle.name);
		count[oi + 1]++;
	}
	for (i = 0; i < ce->nobjs; i++) {
		count[i + 1] += count[i];
		next[i] = count[i];
		ce->objs[i].krs = ce->krs + count[i];
		ce->objs[i].nkrs = count[i + 1] - count[i];
	}
	for (i = 0; i < ce->nkrs; i++) {
		oi = idmap_find(om, ce->nobjs, kv[i].objective_id);
		j = next[oi]++;
		ce->krs[j].kr = &kv[i];
		ce->krs[j].obj = oi;
		km[j].id = kv[i].id;
		km[j].idx = j;
	}
	if (ce->nkrs > 0)
		qsort(km, ce->nkrs, sizeof(*km), idmap_cmp);

	if ((rc = load_checkins(o, a, ce, km, e)) != ERR_OK)
		return rc;
	for (i = 0; i < ce->nkrs; i++)
		if (eval_kr(o, a, ce, &ce->krs[i]) != ERR_OK)
			return err_set(e, ERR_NOMEM, "out of memory");

	for (i = 0; i < ce->nobjs; i++) {
		for (j = 0; j < ce->objs[i].nkrs; j++) {
			pin[j] = ce->objs[i].krs[j].in;
			pev[j] = ce->objs[i].krs[j].ev;
		}
		progress_objective_eval(pin, pev, ce->objs[i].nkrs, ce->start,
		    ce->now, &ce->objs[i].ev);
	}
	return ERR_OK;
}

/* Append x to the index list *v (n, cap), unless it is already last. */
static int
push_idx(struct arena *a, size_t **v, size_t *n, size_t *cap, size_t x)
{
	size_t	*p;

	if (*n > 0 && (*v)[*n - 1] == x)
		return 0;
	if ((p = ARENA_PUSH(a, *v, *n, *cap)) == NULL)
		return -1;
	*p = x;
	return 0;
}

/*
 * Parents and children from the aligns, roots, and the per-team lists.
 * Walking the objectives in order keeps every list in order.
 */
static enum err_code
build_tree(struct arena *a, struct cycle_eval *ce, struct err *e)
{
	struct obj_eval	*oe;
	const char	*al, *slash;
	char		 key[128];
	size_t		*ccap = NULL, *pcap = NULL, tcap, rcap = 0;
	size_t		 i, j, p, n, t;

	if (ce->nobjs > 0 &&
	    ((ccap = arena_calloc(a, ce->nobjs, sizeof(*ccap))) == NULL ||
	    (pcap = arena_calloc(a, ce->nobjs, sizeof(*pcap))) == NULL))
		return err_set(e, ERR_NOMEM, "out of memory");
	for (i = 0; i < ce->nobjs; i++) {
		oe = &ce->objs[i];
		for (j = 0; j < oe->obj->naligns; j++) {
			al = oe->obj->aligns[j];
			if (al == NULL)
				continue;
			slash = strchr(al, '/');
			n = slash != NULL ? (size_t)(slash - al) : strlen(al);
			if (n >= sizeof(key))
				continue;
			memcpy(key, al, n);
			key[n] = '\0';
			if ((p = eval_objective(ce, key)) == EVAL_NONE ||
			    p == i)
				continue;
			/* "nps" and "nps/score" name the same parent once */
			for (t = 0; t < oe->nparents; t++)
				if (oe->parents[t] == p)
					break;
			if (t < oe->nparents)
				continue;
			if (push_idx(a, &oe->parents, &oe->nparents, &pcap[i],
			    p) < 0 ||
			    push_idx(a, &ce->objs[p].children,
			    &ce->objs[p].nchildren, &ccap[p], i) < 0)
				return err_set(e, ERR_NOMEM, "out of memory");
		}
		if (oe->nparents == 0 &&
		    push_idx(a, &ce->roots, &ce->nroots, &rcap, i) < 0)
			return err_set(e, ERR_NOMEM, "out of memory");
	}
	for (t = 0; t < ce->nteams; t++) {
		tcap = 0;
		for (i = 0; i < ce->nobjs; i++)
			if (ce->objs[i].team == t && push_idx(a,
			    &ce->teams[t].objs, &ce->teams[t].nobjs, &tcap, i)
			    < 0)
				return err_set(e, ERR_NOMEM, "out of memory");
	}
	return ERR_OK;
}

enum err_code
eval_cycle(struct okr *o, const char *cycle, int64_t now, struct arena *a,
    struct cycle_eval *ce, struct err *e)
{
	struct objective	*ov;
	struct kr		*kv;
	size_t			 i;
	int64_t			 span;
	enum err_code		 rc;

	memset(ce, 0, sizeof(*ce));
	rc = cycle == NULL ? cycle_current(o, a, &ce->cycle, e) :
	    cycle_get(o, cycle, a, &ce->cycle, e);
	if (rc != ERR_OK)
		return rc;
	cycle_bounds(&ce->cycle, &ce->start, &ce->end);
	ce->now = now;
	ce->horizon = now > ce->end ? ce->end : now;
	if (ce->horizon < ce->start)
		ce->horizon = ce->start;
	ce->expected = progress_expected(ce->start, ce->end, now);
	span = ce->end - ce->start;
	ce->nweeks = span > 0 ? (int)((span + PROGRESS_WEEK - 1) /
	    PROGRESS_WEEK) : 0;
	if (now < ce->start)
		ce->week = 0;
	else if (now >= ce->end)
		ce->week = ce->nweeks;
	else
		ce->week = (int)((now - ce->start) / PROGRESS_WEEK) + 1;

	if ((rc = objective_list(o, ce->cycle.name, a, &ov, &ce->nobjs, e))
	    != ERR_OK ||
	    (rc = kr_list(o, ce->cycle.name, a, &kv, &ce->nkrs, e)) != ERR_OK ||
	    (rc = load_teams(o, a, ce, e)) != ERR_OK)
		return rc;
	if (ce->nobjs > 0 &&
	    (ce->objs = arena_calloc(a, ce->nobjs, sizeof(*ce->objs))) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	for (i = 0; i < ce->nobjs; i++)
		ce->objs[i].obj = &ov[i];
	if ((rc = place_owners(o, a, ce, e)) != ERR_OK)
		return rc;
	if (ce->nobjs > 0)
		qsort(ce->objs, ce->nobjs, sizeof(*ce->objs), obj_order);
	if ((rc = eval_krs(o, a, ce, kv, e)) != ERR_OK)
		return rc;
	return build_tree(a, ce, e);
}

/* The state of one walk. */
struct walk {
	const struct cycle_eval	*ce;
	eval_visit_fn		*visit;
	void			*arg;
	unsigned char		*kept, *seen, *onpath;
};

static int
walk_from(struct walk *w, size_t i, int level)
{
	const struct obj_eval	*oe = &w->ce->objs[i];
	size_t			 j, c;
	int			 r;

	w->seen[i] = w->onpath[i] = 1;
	if ((r = w->visit(w->ce, oe, level, w->arg)) != 0)
		return r;
	for (j = 0; j < oe->nchildren; j++) {
		c = oe->children[j];
		if (w->kept[c] && !w->onpath[c] &&
		    (r = walk_from(w, c, level + 1)) != 0)
			return r;
	}
	w->onpath[i] = 0;
	return 0;
}

int
eval_walk(const struct cycle_eval *ce, eval_keep_fn *keep,
    eval_visit_fn *visit, void *arg, struct arena *a)
{
	struct walk	 w;
	size_t		 i, j;
	int		 r, root;

	if (ce->nobjs == 0)
		return 0;
	w.ce = ce;
	w.visit = visit;
	w.arg = arg;
	if ((w.kept = arena_calloc(a, 3, ce->nobjs)) == NULL)
		return -1;
	w.seen = w.kept + ce->nobjs;
	w.onpath = w.seen + ce->nobjs;
	for (i = 0; i < ce->nobjs; i++)
		w.kept[i] = keep == NULL || keep(ce, &ce->objs[i], arg);
	/* roots: kept objectives with no kept parent */
	for (i = 0; i < ce->nobjs; i++) {
		if (!w.kept[i])
			continue;
		for (root = 1, j = 0; j < ce->objs[i].nparents && root; j++)
			if (w.kept[ce->objs[i].parents[j]])
				root = 0;
		if (root && (r = walk_from(&w, i, 0)) != 0)
			return r;
	}
	/* what only a loop reaches */
	for (i = 0; i < ce->nobjs; i++)
		if (w.kept[i] && !w.seen[i] && (r = walk_from(&w, i, 0)) != 0)
			return r;
	return 0;
}
