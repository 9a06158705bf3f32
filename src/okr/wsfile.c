/*
 * wsfile.c: applying a workspace file.  See wsfile.h; the format is in
 * docs/workspace-file.md, the YAML reading in okr/wsyaml.c.
 *
 * Nothing here parses a value: every scalar goes to field_set() through
 * the entity's field table, and every entity goes through its X_add or
 * X_update, so a file is checked exactly as the same values typed on the
 * command line would be, with the same words.  This file adds where the
 * value was: "okr.yaml:12:7: objectives[2].key_results[0].baseline: ...".
 *
 * Apply order follows the references: workspace, teams (in file order, so
 * a parent comes first), people, cycles, objectives each with its key
 * results, and last the alignments of every objective, so that one may
 * align to an objective or key result defined further down the file.
 *
 * Each entity is looked up by its identity.  A missing one is created
 * from the defaults plus the file's fields; an existing one is compared
 * with the same and, when they differ, rewritten from them, keeping its id
 * and what the file does not hold (grades, retrospectives, when milestones
 * were done).  X_update records history only for the fields that change,
 * so a second apply of the same file writes nothing new.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "okr/refs.h"
#include "okr/wsfile.h"
#include "okr/wsyaml.h"

const char *const wsfile_kind_names[] = { "workspace", "team", "person",
	"cycle", "objective", "kr", NULL };

/*
 * Milestones have no field table of their own in okr/ (the CLI reads them
 * as "TITLE:WEIGHT"); in a file they are mappings, validated by this one.
 */
static const struct field_def milestone_fields[] = {
	{ "title", FT_NAME, offsetof(struct milestone, title), F_IDENTITY,
	    NULL, "what is to be done" },
	{ "weight", FT_WEIGHT, offsetof(struct milestone, weight), F_REQUIRED,
	    NULL, "its share of the key result (1)" },
	{ NULL, FT__MAX, 0, 0, NULL, NULL }
};

enum outcome { OUT_UNCHANGED, OUT_UPDATED, OUT_CREATED };

/* The first definition of an identity in the file, to report a second. */
struct seen {
	const char	*ident;
	size_t		 line;
};

/* A team whose lead is a person the file defines after it. */
struct wsf_lead {
	const char	*team;
	const char	*lead;
	yaml_node_t	*node;
	const char	*where;
};

struct wsf {
	struct okr		*o;
	struct wsy		 y;	/* the document; its arena holds the
					 * entities and paths of this apply */
	struct wsfile_stats	*st;
	struct wsf_lead		*leads;	/* set once the people exist */
	size_t			 nleads;
};

/* An objective between the two passes. */
struct wsf_obj {
	yaml_node_t	*node;
	yaml_node_t	*aligns;
	const char	*key;
	const char	*where;		/* "objectives[2]" */
	enum outcome	 out;
};

/*
 * How to look up, create and update one kind of entity.  keep copies from
 * the stored entity what the file does not define (its id, a grade...);
 * same says whether what the field table does not cover agrees.
 */
struct wsf_kind {
	enum wsfile_kind	 kind;
	const struct field_def	*fields;
	size_t			 size;
	enum err_code	(*get)(struct okr *, const char *, struct arena *,
			    void *, struct err *);
	enum err_code	(*add)(struct okr *, void *, struct err *);
	enum err_code	(*update)(struct okr *, const void *, void *,
			    struct err *);
	void		(*keep)(const void *old, void *obj);
	int		(*same)(const void *old, const void *obj);
};

#define WSF_GLUE(T) \
static enum err_code \
T##_get_v(struct okr *o, const char *s, struct arena *a, void *p, \
    struct err *e) { return T##_get(o, s, a, p, e); } \
static enum err_code \
T##_add_v(struct okr *o, void *p, struct err *e) \
{ return T##_add(o, p, e); } \
static enum err_code \
T##_update_v(struct okr *o, const void *a, void *b, struct err *e) \
{ return T##_update(o, a, b, e); }

WSF_GLUE(team)
WSF_GLUE(person)
WSF_GLUE(cycle)
WSF_GLUE(objective)
WSF_GLUE(kr)

static void
team_keep(const void *old, void *obj)
{
	((struct team *)obj)->id = ((const struct team *)old)->id;
}

static void
person_keep(const void *old, void *obj)
{
	((struct person *)obj)->id = ((const struct person *)old)->id;
}

static void
cycle_keep(const void *old, void *obj)
{
	((struct cycle *)obj)->id = ((const struct cycle *)old)->id;
}

/* The first pass keeps the alignments; the second sets them. */
static void
objective_keep(const void *oldp, void *objp)
{
	const struct objective	*old = oldp;
	struct objective	*o = objp;

	o->id = old->id;
	o->grade = old->grade;
	o->retrospective = old->retrospective;
	o->aligns = old->aligns;
	o->naligns = old->naligns;
}

static int
aligns_same(const struct objective *a, const struct objective *b)
{
	size_t	 i;

	if (a->naligns != b->naligns)
		return 0;
	for (i = 0; i < a->naligns; i++)
		if (strcmp(a->aligns[i], b->aligns[i]) != 0)
			return 0;
	return 1;
}

static int
objective_same(const void *old, const void *obj)
{
	return aligns_same(old, obj);
}

/* A milestone keeps when it was done, found by its title. */
static void
kr_keep(const void *oldp, void *objp)
{
	const struct kr	*old = oldp;
	struct kr	*k = objp;
	size_t		 i, j;

	k->id = old->id;
	k->objective_id = old->objective_id;
	k->source = old->source;
	for (i = 0; i < k->nms; i++)
		for (j = 0; j < old->nms; j++)
			if (strcmp(k->ms[i].title, old->ms[j].title) == 0)
				k->ms[i].done_at = old->ms[j].done_at;
}

static int
kr_same(const void *oldp, const void *objp)
{
	const struct kr	*old = oldp, *k = objp;
	size_t		 i;

	if (old->nms != k->nms)
		return 0;
	for (i = 0; i < k->nms; i++)
		if (strcmp(old->ms[i].title, k->ms[i].title) != 0 ||
		    old->ms[i].weight != k->ms[i].weight)
			return 0;
	return 1;
}

static const struct wsf_kind team_kind = {
	WSFILE_TEAM, team_fields, sizeof(struct team), team_get_v,
	team_add_v, team_update_v, team_keep, NULL
};
static const struct wsf_kind person_kind = {
	WSFILE_PERSON, person_fields, sizeof(struct person), person_get_v,
	person_add_v, person_update_v, person_keep, NULL
};
static const struct wsf_kind cycle_kind = {
	WSFILE_CYCLE, cycle_fields, sizeof(struct cycle), cycle_get_v,
	cycle_add_v, cycle_update_v, cycle_keep, NULL
};
static const struct wsf_kind objective_kind = {
	WSFILE_OBJECTIVE, objective_fields, sizeof(struct objective),
	objective_get_v, objective_add_v, objective_update_v, objective_keep,
	objective_same
};
static const struct wsf_kind kr_kind = {
	WSFILE_KR, kr_fields, sizeof(struct kr), kr_get_v, kr_add_v,
	kr_update_v, kr_keep, kr_same
};

/* Refuse a second definition of ident in the same list. */
static enum err_code
wsf_once(struct wsf *w, struct seen *seen, size_t *nseen, const char *ident,
    const yaml_node_t *n, const char *where, const char *what)
{
	struct wsy	*y = &w->y;
	size_t		 i;

	for (i = 0; i < *nseen; i++)
		if (strcmp(seen[i].ident, ident) == 0)
			return wsy_fail(y, n, "%s: %s \"%s\" is defined twice, "
			    "first on line %zu", where, what, ident,
			    seen[i].line);
	seen[*nseen].ident = ident;
	seen[*nseen].line = wsy_line(n);
	(*nseen)++;
	return ERR_OK;
}

static struct seen *
wsf_seen(struct wsf *w, size_t n)
{
	return arena_calloc(&w->y.a, n > 0 ? n : 1, sizeof(struct seen));
}

/* Does any settable field of tab differ, by its text form? */
static int
wsf_differs(const struct field_def *tab, const void *a, const void *b)
{
	const struct field_def	*f;
	struct buf		 x = BUF_INIT, y = BUF_INIT;
	int			 diff = 0;

	for (f = tab; f->name != NULL && !diff; f++) {
		if (f->flags & F_READONLY)
			continue;
		if (field_isnull(f, a) != field_isnull(f, b)) {
			diff = 1;
			break;
		}
		buf_reset(&x);
		buf_reset(&y);
		field_format(f, a, &x);
		field_format(f, b, &y);
		diff = buf_error(&x) != ERR_OK || buf_error(&y) != ERR_OK ||
		    strcmp(buf_cstr(&x), buf_cstr(&y)) != 0;
	}
	buf_release(&x);
	buf_release(&y);
	return diff;
}

/* Would writing obj over old change anything? */
static int
wsf_changes(const struct wsf_kind *k, const void *old, const void *obj)
{
	return wsf_differs(k->fields, old, obj) ||
	    (k->same != NULL && !k->same(old, obj));
}

static void
wsf_count(struct wsf *w, enum wsfile_kind kind, enum outcome out)
{
	if (out == OUT_CREATED)
		w->st->created[kind]++;
	else if (out == OUT_UPDATED)
		w->st->updated[kind]++;
	else
		w->st->unchanged[kind]++;
}

/*
 * Place an error of X_add or X_update in the file: at the value of the
 * field it names when the mapping n has that key ("objectives[0].cycle:
 * no cycle named ..."), else at the mapping.
 */
static enum err_code
wsf_refused(struct wsf *w, const yaml_node_t *n, const char *where,
    enum err_code rc)
{
	struct wsy		*y = &w->y;
	const yaml_node_t	*at = wsy_at(y, n, y->e->field);
	const char		*f = y->e->field;
	size_t			 fl = strlen(f);

	if (at != n && !(strncmp(y->e->msg, f, fl) == 0 &&
	    y->e->msg[fl] == ':') &&
	    (where = arena_printf(&y->a, "%s.%s", where, f)) == NULL)
		return wsy_nomem(y);
	return wsy_wrap(y, at, where, rc);
}

/*
 * Create obj, found by ident, or rewrite the stored one from it; n is its
 * mapping in the file, for messages.  An entity equal to the file is
 * left alone.  The okr/ layer may complete obj (a key result's kind left
 * out of the file), so after an update the outcome is judged again.
 */
static enum err_code
wsf_upsert(struct wsf *w, const struct wsf_kind *k, const yaml_node_t *n,
    const char *where, const char *ident, void *obj, enum outcome *out)
{
	struct wsy	*y = &w->y;
	void		*old;
	enum err_code	 rc;

	if ((old = arena_alloc(&y->a, k->size)) == NULL)
		return wsy_nomem(y);
	rc = k->get(w->o, ident, &y->a, old, y->e);
	if (rc != ERR_OK && rc != ERR_NOTFOUND)
		return wsy_wrap(y, n, where, rc);
	if (rc == ERR_NOTFOUND) {
		err_clear(y->e);
		*out = OUT_CREATED;
		rc = k->add(w->o, obj, y->e);
	} else {
		k->keep(old, obj);
		if (!wsf_changes(k, old, obj)) {
			*out = OUT_UNCHANGED;
			return ERR_OK;
		}
		rc = k->update(w->o, old, obj, y->e);
		*out = wsf_changes(k, old, obj) ? OUT_UPDATED : OUT_UNCHANGED;
	}
	return rc != ERR_OK ? wsf_refused(w, n, where, rc) : ERR_OK;
}

static enum err_code
apply_workspace(struct wsf *w, const yaml_node_t *n)
{
	struct wsy		*y = &w->y;
	struct workspace	 ws;
	enum err_code		 rc;

	if (n == NULL || wsy_isnull(n))
		return ERR_OK;
	workspace_defaults(&ws);
	if ((rc = wsy_map(y, n, "workspace", workspace_fields, &ws, NULL,
	    NULL)) != ERR_OK ||
	    (rc = wsy_required(y, n, "workspace", workspace_fields, &ws))
	    != ERR_OK)
		return rc;
	/* read in this transaction (okr_begin): the version to match */
	ws.version = w->o->ws.version;
	if (!wsf_differs(workspace_fields, &w->o->ws, &ws)) {
		wsf_count(w, WSFILE_WORKSPACE, OUT_UNCHANGED);
		return ERR_OK;
	}
	if ((rc = workspace_update(w->o, &ws, y->e)) != ERR_OK)
		return wsf_refused(w, n, "workspace", rc);
	wsf_count(w, WSFILE_WORKSPACE, OUT_UPDATED);
	return ERR_OK;
}

/*
 * A parent team must exist by the time its child is applied: earlier in
 * the file, or already in the workspace.  Said here rather than left to
 * team_add, to point at the parent's line and give the rule.
 */
static enum err_code
team_parent_check(struct wsf *w, const yaml_node_t *n, const char *where,
    const struct team *t)
{
	struct wsy	*y = &w->y;
	struct team	 p;
	enum err_code	 rc;

	if (t->parent == NULL)
		return ERR_OK;
	rc = team_get(w->o, t->parent, &y->a, &p, y->e);
	if (rc == ERR_NOTFOUND)
		return wsy_fail(y, wsy_at(y, n, "parent"), "%s.parent: no team "
		    "named \"%s\" (a parent must come earlier in the file or "
		    "already exist)", where, t->parent);
	return rc == ERR_OK ? ERR_OK : wsy_wrap(y, n, where, rc);
}

/*
 * A team's lead is a person, and people come after teams (a person names
 * their team): a lead the file defines further down is set once the people
 * exist (team_leads_apply); until then the team keeps its stored lead.
 */
static enum err_code
team_lead_defer(struct wsf *w, yaml_node_t *n, const char *where,
    struct team *t, size_t count)
{
	struct wsy	*y = &w->y;
	struct team	 old;
	int64_t		 id;

	if (t->lead == NULL || ref_person(w->o, t->lead, &id, NULL) == ERR_OK)
		return ERR_OK;
	if (w->leads == NULL && (w->leads = arena_alloc(&y->a,
	    count * sizeof(*w->leads))) == NULL)
		return wsy_nomem(y);
	w->leads[w->nleads].team = t->name;
	w->leads[w->nleads].lead = t->lead;
	w->leads[w->nleads].node = n;
	w->leads[w->nleads].where = where;
	w->nleads++;
	t->lead = team_get(w->o, t->name, &y->a, &old, NULL) == ERR_OK ?
	    old.lead : NULL;
	return ERR_OK;
}

static enum err_code
team_leads_apply(struct wsf *w)
{
	struct wsy	*y = &w->y;
	struct team	 old, nw;
	enum err_code	 rc;
	size_t		 i;

	for (i = 0; i < w->nleads; i++) {
		if ((rc = team_get(w->o, w->leads[i].team, &y->a, &old, y->e))
		    != ERR_OK)
			return wsy_wrap(y, w->leads[i].node, w->leads[i].where,
			    rc);
		nw = old;
		nw.lead = (char *)w->leads[i].lead;
		if ((rc = team_update(w->o, &old, &nw, y->e)) != ERR_OK)
			return wsy_wrap(y, wsy_at(y, w->leads[i].node, "lead"),
			    w->leads[i].where, rc);
	}
	return ERR_OK;
}

/*
 * The list section of entities of kind k, each a mapping of its fields:
 * teams, people and cycles, which need nothing but their fields.
 */
static enum err_code
apply_simple(struct wsf *w, const yaml_node_t *list, const char *section,
    const char *what, const struct wsf_kind *k, void (*defaults)(void *))
{
	struct wsy		*y = &w->y;
	yaml_node_item_t	*items;
	yaml_node_t		*n;
	struct seen		*seen;
	const char		*where, *ident;
	void			*obj;
	enum outcome		 out;
	enum err_code		 rc;
	size_t			 count, i, nseen = 0;

	if ((rc = wsy_list(y, list, section, &items, &count)) != ERR_OK)
		return rc;
	if ((seen = wsf_seen(w, count)) == NULL)
		return wsy_nomem(y);
	for (i = 0; i < count; i++) {
		n = wsy_node(y, items[i]);
		if ((where = wsy_item(y, section, i)) == NULL ||
		    (obj = arena_alloc(&y->a, k->size)) == NULL)
			return wsy_nomem(y);
		defaults(obj);
		if ((rc = wsy_map(y, n, where, k->fields, obj, NULL, NULL))
		    != ERR_OK ||
		    (rc = wsy_required(y, n, where, k->fields, obj)) != ERR_OK)
			return rc;
		/* the identity is the first field of every table */
		ident = *(char **)(void *)((char *)obj + k->fields[0].off);
		if ((rc = wsf_once(w, seen, &nseen, ident, n, where, what))
		    != ERR_OK)
			return rc;
		if (k->kind == WSFILE_TEAM &&
		    ((rc = team_parent_check(w, n, where, obj)) != ERR_OK ||
		    (rc = team_lead_defer(w, n, where, obj, count)) != ERR_OK))
			return rc;
		if ((rc = wsf_upsert(w, k, n, where, ident, obj, &out))
		    != ERR_OK)
			return rc;
		wsf_count(w, k->kind, out);
	}
	return ERR_OK;
}

static void
team_defaults_v(void *p)
{
	team_defaults(p);
}

static void
person_defaults_v(void *p)
{
	person_defaults(p);
}

static void
cycle_defaults_v(void *p)
{
	cycle_defaults(p);
}

/* milestones: a list of {title, weight}, into k->ms. */
static enum err_code
read_milestones(struct wsf *w, const yaml_node_t *list, const char *up,
    struct kr *k)
{
	struct wsy		*y = &w->y;
	yaml_node_item_t	*items;
	yaml_node_t		*n;
	struct seen		*seen;
	const char		*where, *section;
	enum err_code		 rc;
	size_t			 count, i, nseen = 0;

	k->ms = NULL;
	k->nms = 0;
	if ((section = arena_printf(&y->a, "%s.milestones", up)) == NULL)
		return wsy_nomem(y);
	if ((rc = wsy_list(y, list, section, &items, &count)) != ERR_OK)
		return rc;
	if (count == 0)
		return ERR_OK;
	if ((seen = wsf_seen(w, count)) == NULL ||
	    (k->ms = arena_calloc(&y->a, count, sizeof(*k->ms))) == NULL)
		return wsy_nomem(y);
	for (i = 0; i < count; i++) {
		n = wsy_node(y, items[i]);
		if ((where = wsy_item(y, section, i)) == NULL)
			return wsy_nomem(y);
		k->ms[i].weight = 1;
		if ((rc = wsy_map(y, n, where, milestone_fields, &k->ms[i],
		    NULL, NULL)) != ERR_OK ||
		    (rc = wsy_required(y, n, where, milestone_fields,
		    &k->ms[i])) != ERR_OK ||
		    (rc = wsf_once(w, seen, &nseen, k->ms[i].title, n, where,
		    "milestone")) != ERR_OK)
			return rc;
	}
	k->nms = count;
	return ERR_OK;
}

/* The key results of objective ob, in file order. */
static enum err_code
apply_krs(struct wsf *w, const struct wsf_obj *ob, const yaml_node_t *list)
{
	static const char *const extra[] = { "milestones", NULL };
	struct wsy		*y = &w->y;
	yaml_node_item_t	*items;
	yaml_node_t		*n, *ev[1];
	struct seen		*seen;
	struct kr		*k;
	const char		*where, *section, *ref;
	enum outcome		 out;
	enum err_code		 rc;
	size_t			 count, i, nseen = 0;

	if ((section = arena_printf(&y->a, "%s.key_results", ob->where))
	    == NULL)
		return wsy_nomem(y);
	if ((rc = wsy_list(y, list, section, &items, &count)) != ERR_OK)
		return rc;
	if ((seen = wsf_seen(w, count)) == NULL)
		return wsy_nomem(y);
	for (i = 0; i < count; i++) {
		n = wsy_node(y, items[i]);
		if ((where = wsy_item(y, section, i)) == NULL ||
		    (k = arena_alloc(&y->a, sizeof(*k))) == NULL)
			return wsy_nomem(y);
		kr_defaults(k);
		if ((rc = wsy_map(y, n, where, kr_fields, k, extra, ev))
		    != ERR_OK ||
		    (rc = wsy_required(y, n, where, kr_fields, k)) != ERR_OK ||
		    (rc = wsf_once(w, seen, &nseen, k->key, n, where,
		    "key result")) != ERR_OK ||
		    (rc = read_milestones(w, ev[0], where, k)) != ERR_OK)
			return rc;
		k->objective = (char *)ob->key;
		if ((ref = arena_printf(&y->a, "%s/%s", ob->key, k->key))
		    == NULL)
			return wsy_nomem(y);
		if ((rc = wsf_upsert(w, &kr_kind, n, where, ref, k, &out))
		    != ERR_OK)
			return rc;
		wsf_count(w, WSFILE_KR, out);
	}
	return ERR_OK;
}

/*
 * First pass over the objectives: each one without touching its
 * alignments, then its key results.  obs receives what the second pass
 * needs.
 */
static enum err_code
apply_objectives(struct wsf *w, const yaml_node_t *list,
    struct wsf_obj **obsp, size_t *nobs)
{
	static const char *const extra[] = { "aligns", "key_results", NULL };
	struct wsy		*y = &w->y;
	yaml_node_item_t	*items;
	yaml_node_t		*n, *ev[2];
	struct seen		*seen;
	struct objective	*ob;
	struct wsf_obj		*obs;
	enum err_code		 rc;
	size_t			 count, i, nseen = 0;

	*obsp = NULL;
	*nobs = 0;
	if ((rc = wsy_list(y, list, "objectives", &items, &count)) != ERR_OK)
		return rc;
	if ((seen = wsf_seen(w, count)) == NULL ||
	    (obs = arena_calloc(&y->a, count ? count : 1, sizeof(*obs)))
	    == NULL)
		return wsy_nomem(y);
	for (i = 0; i < count; i++) {
		n = wsy_node(y, items[i]);
		obs[i].node = n;
		if ((obs[i].where = wsy_item(y, "objectives", i))
		    == NULL || (ob = arena_alloc(&y->a, sizeof(*ob))) == NULL)
			return wsy_nomem(y);
		objective_defaults(ob);
		if ((rc = wsy_map(y, n, obs[i].where, objective_fields, ob,
		    extra, ev)) != ERR_OK ||
		    (rc = wsy_required(y, n, obs[i].where, objective_fields,
		    ob)) != ERR_OK ||
		    (rc = wsf_once(w, seen, &nseen, ob->key, n, obs[i].where,
		    "objective")) != ERR_OK)
			return rc;
		obs[i].key = ob->key;
		obs[i].aligns = ev[0];
		if ((rc = wsf_upsert(w, &objective_kind, n, obs[i].where,
		    ob->key, ob, &obs[i].out)) != ERR_OK ||
		    (rc = apply_krs(w, &obs[i], ev[1])) != ERR_OK)
			return rc;
	}
	*obsp = obs;
	*nobs = count;
	return ERR_OK;
}

/* The objective called key in v, or NULL. */
static const struct objective *
objective_find(const struct objective *v, size_t n, const char *key)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].key, key) == 0)
			return &v[i];
	return NULL;
}

/*
 * Second pass: the alignments of one objective, all being read from the
 * workspace after the first.  When they differ from the stored ones, each
 * target is looked up here first, to point at its line.
 */
static enum err_code
apply_aligns(struct wsf *w, struct wsf_obj *ob, const struct objective *all,
    size_t nall)
{
	struct wsy		*y = &w->y;
	const struct objective	*old;
	struct objective	 nw;
	struct kr		 pk;
	yaml_node_item_t	*items;
	const yaml_node_t	*n;
	const char		*where, *section, *v;
	enum err_code		 rc;
	size_t			 count, i;

	if ((section = arena_printf(&y->a, "%s.aligns", ob->where)) == NULL)
		return wsy_nomem(y);
	if ((rc = wsy_list(y, ob->aligns, section, &items, &count))
	    != ERR_OK)
		return rc;
	if ((old = objective_find(all, nall, ob->key)) == NULL)
		return err_set(y->e, ERR_INTERNAL, "objective \"%s\" vanished "
		    "during apply", ob->key);
	nw = *old;
	nw.naligns = count;
	if ((nw.aligns = arena_calloc(&y->a, count ? count : 1,
	    sizeof(*nw.aligns))) == NULL)
		return wsy_nomem(y);
	for (i = 0; i < count; i++) {
		n = wsy_node(y, items[i]);
		if ((where = wsy_item(y, section, i)) == NULL)
			return wsy_nomem(y);
		if ((rc = wsy_scalar(y, n, where, "", &v)) != ERR_OK)
			return rc;
		if (v == NULL)
			return wsy_fail(y, n, "%s: expected an objective key "
			    "or OBJECTIVE/KR, got nothing", where);
		nw.aligns[i] = (char *)v;
	}
	if (aligns_same(old, &nw))
		return ERR_OK;
	for (i = 0; i < count; i++) {
		v = nw.aligns[i];
		rc = ERR_OK;
		if (strchr(v, '/') != NULL)
			rc = kr_get(w->o, v, &y->a, &pk, y->e);
		else if (objective_find(all, nall, v) == NULL)
			rc = err_setf(y->e, ERR_NOTFOUND, "objective", "no "
			    "objective with key \"%s\"", v);
		if (rc != ERR_OK)
			return wsy_wrap(y, wsy_node(y, items[i]),
			    wsy_item(y, section, i), rc);
	}
	if ((rc = objective_update(w->o, old, &nw, y->e)) != ERR_OK)
		return wsy_wrap(y, ob->aligns != NULL ? ob->aligns : ob->node,
		    ob->where, rc);
	if (ob->out == OUT_UNCHANGED)
		ob->out = OUT_UPDATED;
	return ERR_OK;
}

static enum err_code
wsf_run(struct wsf *w)
{
	static const char *const sections[] = { "workspace", "teams",
		"people", "cycles", "objectives", NULL };
	struct wsy		*y = &w->y;
	yaml_node_t		*root, *sec[5];
	struct wsf_obj		*obs;
	struct objective	*all = NULL;
	enum err_code		 rc;
	size_t			 nobs, nall = 0, i;

	if ((root = wsy_root(y)) == NULL)
		return ERR_OK;		/* an empty file defines nothing */
	if ((rc = wsy_map(y, root, "the file", NULL, NULL, sections, sec))
	    != ERR_OK ||
	    (rc = apply_workspace(w, sec[0])) != ERR_OK ||
	    (rc = apply_simple(w, sec[1], "teams", "team", &team_kind,
	    team_defaults_v)) != ERR_OK ||
	    (rc = apply_simple(w, sec[2], "people", "person", &person_kind,
	    person_defaults_v)) != ERR_OK ||
	    (rc = team_leads_apply(w)) != ERR_OK ||
	    (rc = apply_simple(w, sec[3], "cycles", "cycle", &cycle_kind,
	    cycle_defaults_v)) != ERR_OK ||
	    (rc = apply_objectives(w, sec[4], &obs, &nobs)) != ERR_OK)
		return rc;
	/* one read of every objective: the second pass changes each one's
	 * alignments only, and only its own */
	if (nobs > 0 && (rc = objective_list(w->o, NULL, &y->a, &all, &nall,
	    y->e)) != ERR_OK)
		return rc;
	for (i = 0; i < nobs; i++) {
		if ((rc = apply_aligns(w, &obs[i], all, nall)) != ERR_OK)
			return rc;
		wsf_count(w, WSFILE_OBJECTIVE, obs[i].out);
	}
	return ERR_OK;
}

enum err_code
wsfile_apply(struct okr *o, const char *path, FILE *in,
    struct wsfile_stats *stats, struct err *e)
{
	struct wsf		 w;
	struct wsfile_stats	 scratch_st;
	struct err		 scratch_e;
	enum err_code		 rc;
	FILE			*f = in;

	memset(&w, 0, sizeof(w));
	w.o = o;
	w.y.path = path;
	w.y.e = e != NULL ? e : &scratch_e;
	w.st = stats != NULL ? stats : &scratch_st;
	memset(w.st, 0, sizeof(*w.st));
	err_clear(w.y.e);
	if (f == NULL && (f = fopen(path, "r")) == NULL)
		return err_set(w.y.e, ERR_IO, "cannot open %s: %s", path,
		    strerror(errno));
	rc = wsy_load(&w.y, f);
	if (ferror(f))
		rc = err_set(w.y.e, ERR_IO, "cannot read %s: %s", path,
		    strerror(errno));
	else if (rc == ERR_OK)
		rc = wsf_run(&w);
	if (rc == ERR_OK && arena_failed(&w.y.a))
		rc = wsy_nomem(&w.y);
	wsy_release(&w.y);
	if (in == NULL)
		fclose(f);
	return rc;
}

void
wsfile_stats_total(const struct wsfile_stats *st, size_t *created,
    size_t *updated, size_t *unchanged)
{
	size_t	 k;

	*created = *updated = *unchanged = 0;
	for (k = 0; k < WSFILE_KIND__MAX; k++) {
		*created += st->created[k];
		*updated += st->updated[k];
		*unchanged += st->unchanged[k];
	}
}
