/*
 * wsfile.c: applying a workspace file.  See wsfile.h; the format is in
 * docs/workspace-file.md.
 *
 * The file is loaded whole with libyaml's document API, so every node
 * keeps its line and column for messages.  Nothing here parses a value:
 * every scalar goes to field_set() through the entity's field table, and
 * every entity goes through its X_add or X_update, so a file is checked
 * exactly as the same values typed on the command line would be, with the
 * same words.  This file only adds where: "okr.yaml:12:7: objectives[2].".
 *
 * Apply order follows the references: workspace, teams (in file order, so
 * a parent comes first), people, cycles, objectives each with its key
 * results, and last the alignments of every objective, so that one may
 * align to an objective or key result defined further down the file.
 *
 * Each entity is looked up by its identity; a missing one is created from
 * the defaults plus the file's fields, an existing one is compared with
 * the same and updated only when a field differs, which makes a second
 * apply of the same file a no-op (in the history too).
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <yaml.h>

#include "okr/wsfile.h"

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

struct wsf {
	struct okr		*o;
	const char		*path;
	yaml_document_t		 doc;
	struct arena		 a;	/* entities and paths of this apply */
	struct wsfile_stats	*st;
	struct err		*e;	/* never NULL */
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

static size_t
wsf_line(const yaml_node_t *n)
{
	return n->start_mark.line + 1;
}

static size_t
wsf_col(const yaml_node_t *n)
{
	return n->start_mark.column + 1;
}

static yaml_node_t *
wsf_node(struct wsf *w, int i)
{
	return yaml_document_get_node(&w->doc, i);
}

static const char *
wsf_what(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SEQUENCE_NODE:
		return "a list";
	case YAML_MAPPING_NODE:
		return "a mapping";
	default:
		return "a single value";
	}
}

/* A plain empty, ~ or null scalar: a field left unset. */
static int
wsf_isnull(const yaml_node_t *n)
{
	const char	*v;

	if (n->type != YAML_SCALAR_NODE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	v = (const char *)n->data.scalar.value;
	return *v == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	    strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

/* ERR_INVAL "PATH:LINE:COLUMN: MESSAGE" at node n. */
static enum err_code __attribute__((format(printf, 3, 4)))
wsf_fail(struct wsf *w, const yaml_node_t *n, const char *fmt, ...)
{
	char	 msg[ERR_MSG_MAX];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return err_set(w->e, ERR_INVAL, "%s:%zu:%zu: %s", w->path,
	    wsf_line(n), wsf_col(n), msg);
}

/*
 * Place the error an okr/ function left in w->e at node n under where:
 * "PATH:L:C: where.baseline: ..." when the message starts with the field
 * it names, else "PATH:L:C: where: ...".  What is wrong with the file's
 * content becomes ERR_INVAL; memory and store failures keep their code
 * and message, which are not about the file.
 */
static enum err_code
wsf_wrap(struct wsf *w, const yaml_node_t *n, const char *where,
    enum err_code rc)
{
	char		 msg[ERR_MSG_MAX], field[sizeof(w->e->field)];
	const char	*sep = ": ";
	size_t		 fl;

	switch (rc) {
	case ERR_NOMEM:
	case ERR_TOOBIG:
	case ERR_IO:
	case ERR_STORE:
	case ERR_VERSION:
	case ERR_INTERNAL:
		return rc;
	default:
		break;
	}
	memcpy(msg, w->e->msg, sizeof(msg));
	memcpy(field, w->e->field, sizeof(field));
	fl = strlen(field);
	if (fl > 0 && strncmp(msg, field, fl) == 0 && msg[fl] == ':')
		sep = ".";
	if (where == NULL)
		where = sep = "";
	return err_setf(w->e, ERR_INVAL, field, "%s:%zu:%zu: %s%s%s",
	    w->path, wsf_line(n), wsf_col(n), where, sep, msg);
}

/* The value node of key name in mapping n, or n when there is none. */
static const yaml_node_t *
wsf_at(struct wsf *w, const yaml_node_t *n, const char *name)
{
	yaml_node_pair_t	*p;
	const yaml_node_t	*k;

	if (n->type != YAML_MAPPING_NODE || name == NULL || *name == '\0')
		return n;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	    p++) {
		k = wsf_node(w, p->key);
		if (k->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, name) == 0)
			return wsf_node(w, p->value);
	}
	return n;
}

static enum err_code
wsf_nomem(struct wsf *w)
{
	return err_set(w->e, ERR_NOMEM, "out of memory");
}

/* "section[i]", for messages. */
static const char *
wsf_item(struct wsf *w, const char *section, size_t i)
{
	return arena_printf(&w->a, "%s[%zu]", section, i);
}

/* The items of the list n (absent, ~ or empty: none). */
static enum err_code
wsf_list(struct wsf *w, const yaml_node_t *n, const char *where,
    yaml_node_item_t **items, size_t *count)
{
	*items = NULL;
	*count = 0;
	if (n == NULL || wsf_isnull(n))
		return ERR_OK;
	if (n->type != YAML_SEQUENCE_NODE)
		return wsf_fail(w, n, "%s: expected a list, got %s", where,
		    wsf_what(n));
	*items = n->data.sequence.items.start;
	*count = (size_t)(n->data.sequence.items.top -
	    n->data.sequence.items.start);
	return ERR_OK;
}

/* The text of scalar n, or NULL for a null. */
static enum err_code
wsf_scalar(struct wsf *w, const yaml_node_t *n, const char *where,
    const char *name, const char **out)
{
	if (n->type != YAML_SCALAR_NODE)
		return wsf_fail(w, n, "%s%s%s: expected a single value, got %s",
		    where, *name ? "." : "", name, wsf_what(n));
	*out = NULL;
	if (wsf_isnull(n))
		return ERR_OK;
	if (strlen((const char *)n->data.scalar.value) !=
	    n->data.scalar.length)
		return wsf_fail(w, n, "%s%s%s: contains a NUL character",
		    where, *name ? "." : "", name);
	*out = (const char *)n->data.scalar.value;
	return ERR_OK;
}

static enum err_code
wsf_unknown(struct wsf *w, const yaml_node_t *k, const char *where,
    const struct field_def *tab, const char *const *extra)
{
	struct buf	 b = BUF_INIT;
	enum err_code	 rc;
	size_t		 i;

	if (tab != NULL)
		field_names(tab, &b);
	for (i = 0; extra != NULL && extra[i] != NULL; i++)
		buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", extra[i]);
	rc = buf_error(&b) != ERR_OK ? wsf_nomem(w) : wsf_fail(w, k,
	    "%s: unknown key \"%s\" (expected one of: %s)", where,
	    (const char *)k->data.scalar.value, buf_cstr(&b));
	buf_release(&b);
	return rc;
}

/*
 * Read the mapping n into obj: every key must be a settable field of tab
 * or one of extra (their value nodes go to extrav, in the order of extra,
 * NULL when absent), and appear once; every field value goes through
 * field_set, a null clearing the field.
 */
static enum err_code
wsf_map(struct wsf *w, const yaml_node_t *n, const char *where,
    const struct field_def *tab, void *obj, const char *const *extra,
    yaml_node_t **extrav)
{
	yaml_node_pair_t	*p, *q;
	const yaml_node_t	*k, *k2;
	yaml_node_t		*v;
	const struct field_def	*f;
	const char		*name, *val;
	enum err_code		 rc;
	size_t			 i;

	for (i = 0; extra != NULL && extra[i] != NULL; i++)
		extrav[i] = NULL;
	if (n->type != YAML_MAPPING_NODE)
		return wsf_fail(w, n, "%s: expected a mapping of fields, got "
		    "%s", where, wsf_what(n));
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	    p++) {
		k = wsf_node(w, p->key);
		v = wsf_node(w, p->value);
		if (k->type != YAML_SCALAR_NODE)
			return wsf_fail(w, k, "%s: expected a field name, got "
			    "%s", where, wsf_what(k));
		name = (const char *)k->data.scalar.value;
		for (q = n->data.mapping.pairs.start; q < p; q++) {
			k2 = wsf_node(w, q->key);
			if (k2->type == YAML_SCALAR_NODE && strcmp(name,
			    (const char *)k2->data.scalar.value) == 0)
				return wsf_fail(w, k, "%s: key \"%s\" given "
				    "twice (first on line %zu)", where, name,
				    wsf_line(k2));
		}
		for (i = 0; extra != NULL && extra[i] != NULL; i++)
			if (strcmp(extra[i], name) == 0)
				break;
		if (extra != NULL && extra[i] != NULL) {
			extrav[i] = v;
			continue;
		}
		if (tab == NULL || (f = field_find(tab, name)) == NULL ||
		    (f->flags & F_READONLY))
			return wsf_unknown(w, k, where, tab, extra);
		if ((rc = wsf_scalar(w, v, where, name, &val)) != ERR_OK)
			return rc;
		if ((rc = field_set(tab, obj, name, val, &w->a, w->e))
		    != ERR_OK)
			return wsf_wrap(w, v, where, rc);
	}
	return ERR_OK;
}

/* Every required field (the identity first) of obj, read from n. */
static enum err_code
wsf_required(struct wsf *w, const yaml_node_t *n, const char *where,
    const struct field_def *tab, const void *obj)
{
	enum err_code	 rc;

	if ((rc = field_check_required(tab, obj, where, w->e)) != ERR_OK)
		return wsf_wrap(w, n, NULL, rc);
	return ERR_OK;
}

/* Refuse a second definition of ident in the same list. */
static enum err_code
wsf_once(struct wsf *w, struct seen *seen, size_t *nseen, const char *ident,
    const yaml_node_t *n, const char *where, const char *what)
{
	size_t	 i;

	for (i = 0; i < *nseen; i++)
		if (strcmp(seen[i].ident, ident) == 0)
			return wsf_fail(w, n, "%s: %s \"%s\" is defined twice, "
			    "first on line %zu", where, what, ident,
			    seen[i].line);
	seen[*nseen].ident = ident;
	seen[*nseen].line = wsf_line(n);
	(*nseen)++;
	return ERR_OK;
}

static struct seen *
wsf_seen(struct wsf *w, size_t n)
{
	return arena_calloc(&w->a, n > 0 ? n : 1, sizeof(struct seen));
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
 * Create obj, found by ident, or make the stored one equal to it; n is
 * its mapping in the file, for messages.
 */
static enum err_code
wsf_upsert(struct wsf *w, const struct wsf_kind *k, const yaml_node_t *n,
    const char *where, const char *ident, void *obj, enum outcome *out)
{
	void		*old;
	enum err_code	 rc;

	if ((old = arena_alloc(&w->a, k->size)) == NULL)
		return wsf_nomem(w);
	rc = k->get(w->o, ident, &w->a, old, w->e);
	if (rc == ERR_NOTFOUND) {
		err_clear(w->e);
		if ((rc = k->add(w->o, obj, w->e)) != ERR_OK)
			return wsf_wrap(w, wsf_at(w, n, w->e->field), where,
			    rc);
		*out = OUT_CREATED;
		return ERR_OK;
	}
	if (rc != ERR_OK)
		return wsf_wrap(w, n, where, rc);
	k->keep(old, obj);
	if (!wsf_differs(k->fields, old, obj) &&
	    (k->same == NULL || k->same(old, obj))) {
		*out = OUT_UNCHANGED;
		return ERR_OK;
	}
	if ((rc = k->update(w->o, old, obj, w->e)) != ERR_OK)
		return wsf_wrap(w, wsf_at(w, n, w->e->field), where, rc);
	*out = OUT_UPDATED;
	return ERR_OK;
}

static enum err_code
apply_workspace(struct wsf *w, const yaml_node_t *n)
{
	struct workspace	 ws;
	enum err_code		 rc;

	if (n == NULL || wsf_isnull(n))
		return ERR_OK;
	workspace_defaults(&ws);
	if ((rc = wsf_map(w, n, "workspace", workspace_fields, &ws, NULL,
	    NULL)) != ERR_OK ||
	    (rc = wsf_required(w, n, "workspace", workspace_fields, &ws))
	    != ERR_OK)
		return rc;
	if (!wsf_differs(workspace_fields, &w->o->ws, &ws)) {
		wsf_count(w, WSFILE_WORKSPACE, OUT_UNCHANGED);
		return ERR_OK;
	}
	if ((rc = workspace_update(w->o, &ws, w->e)) != ERR_OK)
		return wsf_wrap(w, wsf_at(w, n, w->e->field), "workspace", rc);
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
	struct team	 p;
	enum err_code	 rc;

	if (t->parent == NULL)
		return ERR_OK;
	rc = team_get(w->o, t->parent, &w->a, &p, w->e);
	if (rc == ERR_NOTFOUND)
		return wsf_fail(w, wsf_at(w, n, "parent"), "%s.parent: no team "
		    "named \"%s\" (a parent must come earlier in the file or "
		    "already exist)", where, t->parent);
	return rc == ERR_OK ? ERR_OK : wsf_wrap(w, n, where, rc);
}

/*
 * The list section of entities of kind k, each a mapping of its fields:
 * teams, people and cycles, which need nothing but their fields.
 */
static enum err_code
apply_simple(struct wsf *w, const yaml_node_t *list, const char *section,
    const char *what, const struct wsf_kind *k, void (*defaults)(void *))
{
	yaml_node_item_t	*items;
	yaml_node_t		*n;
	struct seen		*seen;
	const char		*where, *ident;
	void			*obj;
	enum outcome		 out;
	enum err_code		 rc;
	size_t			 count, i, nseen = 0;

	if ((rc = wsf_list(w, list, section, &items, &count)) != ERR_OK)
		return rc;
	if ((seen = wsf_seen(w, count)) == NULL)
		return wsf_nomem(w);
	for (i = 0; i < count; i++) {
		n = wsf_node(w, items[i]);
		if ((where = wsf_item(w, section, i)) == NULL ||
		    (obj = arena_alloc(&w->a, k->size)) == NULL)
			return wsf_nomem(w);
		defaults(obj);
		if ((rc = wsf_map(w, n, where, k->fields, obj, NULL, NULL))
		    != ERR_OK ||
		    (rc = wsf_required(w, n, where, k->fields, obj)) != ERR_OK)
			return rc;
		/* the identity is the first field of every table */
		ident = *(char **)(void *)((char *)obj + k->fields[0].off);
		if ((rc = wsf_once(w, seen, &nseen, ident, n, where, what))
		    != ERR_OK)
			return rc;
		if (k->kind == WSFILE_TEAM &&
		    (rc = team_parent_check(w, n, where, obj)) != ERR_OK)
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
	yaml_node_item_t	*items;
	yaml_node_t		*n;
	struct seen		*seen;
	const char		*where, *section;
	enum err_code		 rc;
	size_t			 count, i, nseen = 0;

	k->ms = NULL;
	k->nms = 0;
	if ((section = arena_printf(&w->a, "%s.milestones", up)) == NULL)
		return wsf_nomem(w);
	if ((rc = wsf_list(w, list, section, &items, &count)) != ERR_OK)
		return rc;
	if (count == 0)
		return ERR_OK;
	if ((seen = wsf_seen(w, count)) == NULL ||
	    (k->ms = arena_calloc(&w->a, count, sizeof(*k->ms))) == NULL)
		return wsf_nomem(w);
	for (i = 0; i < count; i++) {
		n = wsf_node(w, items[i]);
		if ((where = wsf_item(w, section, i)) == NULL)
			return wsf_nomem(w);
		k->ms[i].weight = 1;
		if ((rc = wsf_map(w, n, where, milestone_fields, &k->ms[i],
		    NULL, NULL)) != ERR_OK ||
		    (rc = wsf_required(w, n, where, milestone_fields,
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
	yaml_node_item_t	*items;
	yaml_node_t		*n, *ev[1];
	struct seen		*seen;
	struct kr		*k;
	const char		*where, *section, *ref;
	enum outcome		 out;
	enum err_code		 rc;
	size_t			 count, i, nseen = 0;

	if ((section = arena_printf(&w->a, "%s.key_results", ob->where))
	    == NULL)
		return wsf_nomem(w);
	if ((rc = wsf_list(w, list, section, &items, &count)) != ERR_OK)
		return rc;
	if ((seen = wsf_seen(w, count)) == NULL)
		return wsf_nomem(w);
	for (i = 0; i < count; i++) {
		n = wsf_node(w, items[i]);
		if ((where = wsf_item(w, section, i)) == NULL ||
		    (k = arena_alloc(&w->a, sizeof(*k))) == NULL)
			return wsf_nomem(w);
		kr_defaults(k);
		if ((rc = wsf_map(w, n, where, kr_fields, k, extra, ev))
		    != ERR_OK ||
		    (rc = wsf_required(w, n, where, kr_fields, k)) != ERR_OK ||
		    (rc = wsf_once(w, seen, &nseen, k->key, n, where,
		    "key result")) != ERR_OK ||
		    (rc = read_milestones(w, ev[0], where, k)) != ERR_OK)
			return rc;
		k->objective = (char *)ob->key;
		if ((ref = arena_printf(&w->a, "%s/%s", ob->key, k->key))
		    == NULL)
			return wsf_nomem(w);
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
	yaml_node_item_t	*items;
	yaml_node_t		*n, *ev[2];
	struct seen		*seen;
	struct objective	*ob;
	struct wsf_obj		*obs;
	enum err_code		 rc;
	size_t			 count, i, nseen = 0;

	*obsp = NULL;
	*nobs = 0;
	if ((rc = wsf_list(w, list, "objectives", &items, &count)) != ERR_OK)
		return rc;
	if ((seen = wsf_seen(w, count)) == NULL ||
	    (obs = arena_calloc(&w->a, count ? count : 1, sizeof(*obs)))
	    == NULL)
		return wsf_nomem(w);
	for (i = 0; i < count; i++) {
		n = wsf_node(w, items[i]);
		obs[i].node = n;
		if ((obs[i].where = wsf_item(w, "objectives", i))
		    == NULL || (ob = arena_alloc(&w->a, sizeof(*ob))) == NULL)
			return wsf_nomem(w);
		objective_defaults(ob);
		if ((rc = wsf_map(w, n, obs[i].where, objective_fields, ob,
		    extra, ev)) != ERR_OK ||
		    (rc = wsf_required(w, n, obs[i].where, objective_fields,
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

/* Second pass: the alignments of one objective, every target existing. */
static enum err_code
apply_aligns(struct wsf *w, struct wsf_obj *ob)
{
	struct objective	 old, nw, po;
	struct kr		 pk;
	yaml_node_item_t	*items;
	yaml_node_t		*n;
	const char		*where, *section, *v;
	enum err_code		 rc;
	size_t			 count, i;

	if ((section = arena_printf(&w->a, "%s.aligns", ob->where)) == NULL)
		return wsf_nomem(w);
	if ((rc = wsf_list(w, ob->aligns, section, &items, &count))
	    != ERR_OK)
		return rc;
	if ((rc = objective_get(w->o, ob->key, &w->a, &old, w->e)) != ERR_OK)
		return wsf_wrap(w, ob->node, ob->where, rc);
	nw = old;
	nw.naligns = count;
	if ((nw.aligns = arena_calloc(&w->a, count ? count : 1,
	    sizeof(*nw.aligns))) == NULL)
		return wsf_nomem(w);
	for (i = 0; i < count; i++) {
		n = wsf_node(w, items[i]);
		if ((where = wsf_item(w, section, i)) == NULL)
			return wsf_nomem(w);
		if ((rc = wsf_scalar(w, n, where, "", &v)) != ERR_OK)
			return rc;
		if (v == NULL)
			return wsf_fail(w, n, "%s: expected an objective key "
			    "or OBJECTIVE/KR, got nothing", where);
		rc = strchr(v, '/') != NULL ?
		    kr_get(w->o, v, &w->a, &pk, w->e) :
		    objective_get(w->o, v, &w->a, &po, w->e);
		if (rc != ERR_OK)
			return wsf_wrap(w, n, where, rc);
		nw.aligns[i] = (char *)v;
	}
	if (aligns_same(&old, &nw))
		return ERR_OK;
	if ((rc = objective_update(w->o, &old, &nw, w->e)) != ERR_OK)
		return wsf_wrap(w, ob->aligns != NULL ? ob->aligns : ob->node,
		    section, rc);
	if (ob->out == OUT_UNCHANGED)
		ob->out = OUT_UPDATED;
	return ERR_OK;
}

/* Load the one YAML document of the file into w->doc. */
static enum err_code
wsf_load(struct wsf *w, FILE *in)
{
	yaml_parser_t	 p;
	yaml_document_t	 next;
	enum err_code	 rc = ERR_OK;
	int		 more;

	if (!yaml_parser_initialize(&p))
		return wsf_nomem(w);
	yaml_parser_set_input_file(&p, in);
	if (!yaml_parser_load(&p, &w->doc)) {
		rc = err_set(w->e, ERR_INVAL, "%s:%zu:%zu: %s%s%s", w->path,
		    p.problem_mark.line + 1, p.problem_mark.column + 1,
		    p.problem != NULL ? p.problem : "cannot read the file",
		    p.context != NULL ? " " : "",
		    p.context != NULL ? p.context : "");
		memset(&w->doc, 0, sizeof(w->doc));
		yaml_parser_delete(&p);
		return rc;
	}
	/* a second document would be silently ignored: refuse it */
	if (yaml_parser_load(&p, &next)) {
		more = yaml_document_get_root_node(&next) != NULL;
		if (more)
			rc = err_set(w->e, ERR_INVAL, "%s:%zu:%zu: expected "
			    "one YAML document, found a second one", w->path,
			    next.start_mark.line + 1,
			    next.start_mark.column + 1);
		yaml_document_delete(&next);
	} else
		rc = err_set(w->e, ERR_INVAL, "%s:%zu:%zu: %s", w->path,
		    p.problem_mark.line + 1, p.problem_mark.column + 1,
		    p.problem != NULL ? p.problem : "cannot read the file");
	yaml_parser_delete(&p);
	return rc;
}

static enum err_code
wsf_run(struct wsf *w)
{
	static const char *const sections[] = { "workspace", "teams",
		"people", "cycles", "objectives", NULL };
	yaml_node_t	*root, *sec[5];
	struct wsf_obj	*obs;
	enum err_code	 rc;
	size_t		 nobs, i;

	if ((root = yaml_document_get_root_node(&w->doc)) == NULL)
		return ERR_OK;		/* an empty file defines nothing */
	if ((rc = wsf_map(w, root, "the file", NULL, NULL, sections, sec))
	    != ERR_OK ||
	    (rc = apply_workspace(w, sec[0])) != ERR_OK ||
	    (rc = apply_simple(w, sec[1], "teams", "team", &team_kind,
	    team_defaults_v)) != ERR_OK ||
	    (rc = apply_simple(w, sec[2], "people", "person", &person_kind,
	    person_defaults_v)) != ERR_OK ||
	    (rc = apply_simple(w, sec[3], "cycles", "cycle", &cycle_kind,
	    cycle_defaults_v)) != ERR_OK ||
	    (rc = apply_objectives(w, sec[4], &obs, &nobs)) != ERR_OK)
		return rc;
	for (i = 0; i < nobs; i++) {
		if ((rc = apply_aligns(w, &obs[i])) != ERR_OK)
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
	w.path = path;
	w.st = stats != NULL ? stats : &scratch_st;
	w.e = e != NULL ? e : &scratch_e;
	memset(w.st, 0, sizeof(*w.st));
	err_clear(w.e);
	if (f == NULL && (f = fopen(path, "r")) == NULL)
		return err_set(w.e, ERR_IO, "cannot open %s: %s", path,
		    strerror(errno));
	if ((rc = wsf_load(&w, f)) == ERR_OK)
		rc = wsf_run(&w);
	if (rc == ERR_OK && arena_failed(&w.a))
		rc = wsf_nomem(&w);
	if (rc == ERR_OK && ferror(f))
		rc = err_set(w.e, ERR_IO, "cannot read %s", path);
	yaml_document_delete(&w.doc);
	arena_release(&w.a);
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
