/*
 * objective.c: objectives, the qualitative goals of a cycle, each owned by
 * exactly one team or one person, and their alignment upward.
 *
 * An objective may align to several parents, each an objective ("nps") or
 * a key result of one ("nps/score"); the cascade company -> department ->
 * team -> person is built from these links.  They live in the alignment
 * table in the order given (seq), are rewritten only when the list
 * changes, and may never form a loop: a roll-up along a loop would never
 * end, and "A serves B serves A" means nothing to a reader.
 *
 * Kind and state are stored by name (obj_kind_names[], obj_state_names[]),
 * so the database reads well on its own and a reordering of the enums
 * cannot silently change meaning.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/parse.h"
#include "okr/close.h"
#include "okr/okr.h"
#include "okr/refs.h"

/* One row of ALIGN_LIST: an objective and one entry of its aligns. */
struct align_row {
	int64_t		 obj;		/* the objective that aligns */
	char		*ref;		/* "objective" or "objective/kr" */
	char		*parent;	/* the objective part of ref */
};

/* What the references of an objective resolve to. */
struct obj_ids {
	int64_t		 cycle, team, person;
	int64_t		*pobj;	/* per aligns entry: the parent objective */
	int64_t		*pkr;	/* per aligns entry: the parent KR, or 0 */
};

/* The index of s in a NULL-terminated name table, def when unknown. */
static int
name_index(const char *const *names, const char *s, int def)
{
	int	 i;

	for (i = 0; s != NULL && names[i] != NULL; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return def;
}

static void
obj_row(struct store_q *q, struct arena *a, void *elem)
{
	struct objective	*ob = elem;

	objective_defaults(ob);
	ob->id = store_q_int(q, OBJ_C_ID);
	ob->key = arena_strdup(a, store_q_text(q, OBJ_C_KEY));
	ob->cycle = arena_strdup(a, store_q_text(q, OBJ_C_CYCLE));
	ob->title = arena_strdup(a, store_q_text(q, OBJ_C_TITLE));
	ob->description = arena_strdup(a, store_q_text(q, OBJ_C_DESCRIPTION));
	ob->team = arena_strdup(a, store_q_text(q, OBJ_C_TEAM));
	ob->person = arena_strdup(a, store_q_text(q, OBJ_C_PERSON));
	/* a name this binary does not know reads as the default */
	ob->kind = name_index(obj_kind_names, store_q_text(q, OBJ_C_KIND),
	    OBJ_COMMITTED);
	ob->state = name_index(obj_state_names, store_q_text(q, OBJ_C_STATE),
	    OBJ_ACTIVE);
	ob->weight = store_q_real(q, OBJ_C_WEIGHT);
	ob->grade = store_q_real(q, OBJ_C_GRADE);
	ob->retrospective = arena_strdup(a, store_q_text(q, OBJ_C_RETRO));
	ob->postmortem = arena_strdup(a, store_q_text(q, OBJ_C_POSTMORTEM));
	ob->carried_from = arena_strdup(a,
	    store_q_text(q, OBJ_C_CARRIED_FROM));
	ob->version = store_q_int(q, OBJ_C_VERSION);
}

static void
align_row(struct store_q *q, struct arena *a, void *elem)
{
	struct align_row	*r = elem;
	const char		*po, *ko, *kk;

	r->obj = store_q_int(q, 0);
	po = store_q_text(q, 1);
	ko = store_q_text(q, 2);
	kk = store_q_text(q, 3);
	if (po != NULL) {
		r->ref = arena_strdup(a, po);
		r->parent = r->ref;
	} else {
		r->parent = arena_strdup(a, ko != NULL ? ko : "");
		r->ref = arena_printf(a, "%s/%s", ko != NULL ? ko : "",
		    kk != NULL ? kk : "");
	}
}

/* Every alignment of the workspace, grouped by objective. */
static enum err_code
align_load(struct okr *o, struct arena *a, struct align_row **out,
    size_t *np, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;

	if ((rc = store_q_open(o->st, STMT_ALIGN_LIST, &q, e, "")) != ERR_OK)
		return rc;
	return rows_collect(q, align_row, sizeof(**out), a, out, np, e);
}

/*
 * Give each of the n objectives of v (sorted by id, as OBJ_LIST returns
 * them) its aligns: one array of entries, sliced per objective, since
 * ALIGN_LIST returns the rows of an objective together.
 */
static enum err_code
align_attach(struct objective *v, size_t n, const struct align_row *rows,
    size_t nrows, struct arena *a, struct err *e)
{
	char		**refs;
	size_t		  i, j, lo, hi, mid;

	if (nrows == 0)
		return ERR_OK;
	if ((refs = arena_calloc(a, nrows, sizeof(*refs))) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	for (i = 0; i < nrows; i = j) {
		for (j = i; j < nrows && rows[j].obj == rows[i].obj; j++)
			refs[j] = rows[j].ref;
		for (lo = 0, hi = n; lo < hi; ) {
			mid = lo + (hi - lo) / 2;
			if (v[mid].id < rows[i].obj)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < n && v[lo].id == rows[i].obj) {
			v[lo].aligns = &refs[i];
			v[lo].naligns = j - i;
		}
	}
	return ERR_OK;
}

enum err_code
objective_list(struct okr *o, const char *cycle, struct arena *a,
    struct objective **out, size_t *np, struct err *e)
{
	struct store_q		*q;
	struct align_row	*rows;
	size_t			 nrows;
	enum err_code		 rc;

	if ((rc = store_q_open(o->st, STMT_OBJ_LIST, &q, e, "t", cycle))
	    != ERR_OK ||
	    (rc = rows_collect(q, obj_row, sizeof(**out), a, out, np, e))
	    != ERR_OK ||
	    (rc = align_load(o, a, &rows, &nrows, e)) != ERR_OK)
		return rc;
	return align_attach(*out, *np, rows, nrows, a, e);
}

enum err_code
objective_get(struct okr *o, const char *key, struct arena *a,
    struct objective *ob, struct err *e)
{
	struct store_q		*q;
	struct objective	*v;
	struct align_row	*rows;
	size_t			 n, nrows;
	enum err_code		 rc;

	if ((rc = store_q_open(o->st, STMT_OBJ_GET, &q, e, "t", key))
	    != ERR_OK ||
	    (rc = rows_collect(q, obj_row, sizeof(*v), a, &v, &n, e))
	    != ERR_OK)
		return rc;
	if (n == 0)
		return err_setf(e, ERR_NOTFOUND, "objective", "no objective "
		    "with key \"%s\"", key);
	if ((rc = align_load(o, a, &rows, &nrows, e)) != ERR_OK ||
	    (rc = align_attach(v, 1, rows, nrows, a, e)) != ERR_OK)
		return rc;
	*ob = v[0];
	return ERR_OK;
}

/*
 * Would ob, aligned to the objectives up[0..n), close a loop?  Walk
 * upward from those parents through the stored alignments; reaching ob
 * itself means one of them already sits below it.  The walk visits each
 * objective once, so a loop already in the data cannot make it spin.
 */
static enum err_code
align_loop(struct okr *o, const struct objective *ob, const int64_t *up,
    size_t n, struct err *e)
{
	struct arena		 a = ARENA_INIT;
	struct align_row	*rows;
	struct { int64_t id; size_t from; } *qv = NULL, *qe;
	size_t			 nrows, nq = 0, cap = 0, head, i, k;
	int64_t			 pid;
	enum err_code		 rc;

	if ((rc = align_load(o, &a, &rows, &nrows, e)) != ERR_OK)
		goto out;
	for (i = 0; i < n; i++) {
		if ((qe = ARENA_PUSH(&a, qv, nq, cap)) == NULL)
			goto nomem;
		qe->id = up[i];
		qe->from = i;
	}
	for (head = 0; head < nq; head++) {
		if (qv[head].id == ob->id) {
			rc = err_setf(e, ERR_INVAL, "aligns", "aligns: "
			    "objective \"%s\" cannot align to \"%s\", which "
			    "already aligns to it (directly or through "
			    "others): that would be a loop", ob->key,
			    ob->aligns[qv[head].from]);
			goto out;
		}
		for (i = 0; i < nrows; i++) {
			if (rows[i].obj != qv[head].id)
				continue;
			if ((rc = ref_objective(o, rows[i].parent, &pid, e))
			    != ERR_OK)
				goto out;
			for (k = 0; k < nq && qv[k].id != pid; k++)
				continue;
			if (k < nq)
				continue;
			if ((qe = ARENA_PUSH(&a, qv, nq, cap)) == NULL)
				goto nomem;
			qe->id = pid;
			qe->from = qv[head].from;
		}
	}
	goto out;
nomem:
	rc = err_set(e, ERR_NOMEM, "out of memory");
out:
	arena_release(&a);
	return rc;
}

/* Resolve every aligns entry of ob, refusing unknown, self and loops. */
static enum err_code
align_resolve(struct okr *o, const struct objective *ob, struct arena *a,
    struct obj_ids *ids, struct err *e)
{
	char		 part[128];
	const char	*ref, *slash;
	size_t		 i, j, n;
	enum err_code	 rc;

	if (ob->naligns == 0)
		return ERR_OK;
	if ((ids->pobj = arena_calloc(a, ob->naligns, sizeof(int64_t))) ==
	    NULL ||
	    (ids->pkr = arena_calloc(a, ob->naligns, sizeof(int64_t))) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	for (i = 0; i < ob->naligns; i++) {
		ref = ob->aligns[i] != NULL ? ob->aligns[i] : "";
		slash = strchr(ref, '/');
		n = slash != NULL ? (size_t)(slash - ref) : strlen(ref);
		if (n == 0 || n >= sizeof(part) || (slash != NULL &&
		    (slash[1] == '\0' || strchr(slash + 1, '/') != NULL)))
			return err_setf(e, ERR_INVAL, "aligns", "aligns: "
			    "expected \"objective\" or \"objective/kr\", got "
			    "\"%s\"", ref);
		for (j = 0; j < i; j++)
			if (strcmp(ob->aligns[j], ref) == 0)
				return err_setf(e, ERR_INVAL, "aligns",
				    "aligns: \"%s\" is listed twice", ref);
		memcpy(part, ref, n);
		part[n] = '\0';
		if (strcmp(part, ob->key) == 0)
			goto self;
		if ((rc = ref_objective(o, part, &ids->pobj[i], e)) ==
		    ERR_NOTFOUND)
			return err_setf(e, rc, "aligns", "aligns: no objective "
			    "with key \"%s\" (in \"%s\")", part, ref);
		if (rc != ERR_OK)
			return rc;
		if (ob->id != 0 && ids->pobj[i] == ob->id)
			goto self;
		if (slash == NULL)
			continue;
		if ((rc = ref_kr(o, ref, &ids->pkr[i], e)) == ERR_NOTFOUND)
			return err_setf(e, rc, "aligns", "aligns: no key "
			    "result \"%s\"", ref);
		if (rc != ERR_OK)
			return rc;
	}
	/* a new objective has nothing below it yet, so no loop through it */
	return ob->id != 0 ? align_loop(o, ob, ids->pobj, ob->naligns, e) :
	    ERR_OK;
self:
	return err_setf(e, ERR_INVAL, "aligns", "aligns: objective \"%s\" "
	    "cannot align to itself or to one of its own key results "
	    "(\"%s\")", ob->key, ref);
}

/* Validate ob (old is its stored version, NULL for a new one). */
static enum err_code
objective_check(struct okr *o, const struct objective *old,
    struct objective *ob, struct arena *a, struct obj_ids *ids,
    struct err *e)
{
	enum err_code	 rc;
	int64_t		 other;

	memset(ids, 0, sizeof(*ids));
	if ((rc = field_check_required(objective_fields, ob, "objective", e))
	    != ERR_OK)
		return rc;
	if ((rc = parse_key(ob->key, e)) != ERR_OK) {
		err_prefix(e, "key");
		if (e != NULL)
			snprintf(e->field, sizeof(e->field), "key");
		return rc;
	}
	/* the table's enum and weight rules, for callers that fill the
	 * struct directly instead of through field_set */
	if (ob->kind >= OBJ_KIND__MAX)
		return err_setf(e, ERR_INVAL, "kind", "kind: expected "
		    "committed or aspirational, got kind number %d", ob->kind);
	if (ob->state >= OBJ_STATE__MAX)
		return err_setf(e, ERR_INVAL, "state", "state: expected draft, "
		    "active or closed, got state number %d", ob->state);
	if (!(ob->weight > 0) || !isfinite(ob->weight))
		return err_setf(e, ERR_INVAL, "weight", "weight: expected a "
		    "weight greater than 0, got %g", ob->weight);
	if ((old == NULL || strcmp(old->key, ob->key) != 0) &&
	    ref_objective(o, ob->key, &other, NULL) == ERR_OK)
		return err_setf(e, ERR_EXISTS, "key", "an objective with key "
		    "\"%s\" already exists", ob->key);
	if ((rc = ref_cycle(o, ob->cycle, &ids->cycle, e)) != ERR_OK)
		return rc;
	if (ob->team == NULL && ob->person == NULL)
		return err_setf(e, ERR_INVAL, "team", "team: objective \"%s\" "
		    "has no owner: give team or person", ob->key);
	if (ob->team != NULL && ob->person != NULL)
		return err_setf(e, ERR_INVAL, "team", "team: objective \"%s\" "
		    "has both team \"%s\" and person \"%s\" as owner: give "
		    "team or person, not both", ob->key, ob->team, ob->person);
	if (ob->team != NULL &&
	    (rc = ref_team(o, ob->team, &ids->team, e)) != ERR_OK)
		return rc;
	if (ob->person != NULL &&
	    (rc = ref_person(o, ob->person, &ids->person, e)) != ERR_OK)
		return rc;
	return align_resolve(o, ob, a, ids, e);
}

/* The aligns of ob joined by ", " ("" when there are none). */
static void
align_join(const struct objective *ob, struct buf *b)
{
	size_t	 i;

	for (i = 0; ob != NULL && i < ob->naligns; i++)
		buf_printf(b, "%s%s", i ? ", " : "", ob->aligns[i]);
}

/*
 * If the aligns list differs from old's (old NULL: a new objective),
 * record it in history and rewrite the stored rows.
 */
static enum err_code
align_save(struct okr *o, const struct objective *old,
    const struct objective *ob, const struct obj_ids *ids, struct err *e)
{
	struct buf	 before = BUF_INIT, after = BUF_INIT;
	enum err_code	 rc = ERR_OK;
	size_t		 i;

	align_join(old, &before);
	align_join(ob, &after);
	if (buf_error(&before) != ERR_OK || buf_error(&after) != ERR_OK) {
		rc = err_set(e, ERR_NOMEM, "out of memory");
		goto out;
	}
	if (strcmp(buf_cstr(&before), buf_cstr(&after)) == 0)
		goto out;
	if ((rc = history_add(o, "objective", ob->id, ob->key, "aligns",
	    before.len > 0 ? buf_cstr(&before) : NULL,
	    after.len > 0 ? buf_cstr(&after) : NULL, e)) != ERR_OK)
		goto out;
	if (old != NULL && (rc = store_exec(o->st, STMT_ALIGN_CLEAR, e, "i",
	    ob->id)) != ERR_OK)
		goto out;
	for (i = 0; i < ob->naligns && rc == ERR_OK; i++)
		rc = store_exec(o->st, STMT_ALIGN_INSERT, e, "iiII", ob->id,
		    (int64_t)i + 1, ids->pkr[i] != 0 ? 0 : ids->pobj[i],
		    ids->pkr[i]);
out:
	buf_release(&before);
	buf_release(&after);
	return rc;
}

/*
 * The lock of a closed cycle (okr/close.h): only the retrospective and
 * the post-mortem of its objectives may still change; an update that
 * changes nothing (apply of an unchanged file) passes.  Moving an
 * objective into a closed cycle is refused too.
 */
static enum err_code
objective_guard(struct okr *o, const struct objective *old,
    const struct objective *ob, struct err *e)
{
	static const char *const notes[] = { "retrospective", "postmortem",
		NULL };
	struct buf	 a = BUF_INIT, b = BUF_INIT;
	enum err_code	 rc;
	int		 differ;

	if (strcmp(old->cycle, ob->cycle) != 0 &&
	    (rc = close_guard_cycle(o, ob->cycle, e)) != ERR_OK)
		return rc;
	if (!(differ = close_fields_differ(objective_fields, old, ob,
	    notes))) {
		align_join(old, &a);
		align_join(ob, &b);
		differ = buf_error(&a) != ERR_OK || buf_error(&b) != ERR_OK ||
		    strcmp(buf_cstr(&a), buf_cstr(&b)) != 0;
	}
	buf_release(&a);
	buf_release(&b);
	return differ ? close_guard_cycle(o, old->cycle, e) : ERR_OK;
}

enum err_code
objective_add(struct okr *o, struct objective *ob, struct err *e)
{
	struct arena	 a = ARENA_INIT;
	struct obj_ids	 ids;
	enum err_code	 rc;

	ob->id = 0;
	if ((rc = objective_check(o, NULL, ob, &a, &ids, e)) == ERR_OK &&
	    (rc = close_guard_cycle(o, ob->cycle, e)) == ERR_OK &&
	    (rc = store_int(o->st, STMT_OBJ_INSERT, &ob->id, e, "tittIIttrtt",
	    ob->key, ids.cycle, ob->title, ob->description, ids.team,
	    ids.person, obj_kind_names[ob->kind], obj_state_names[ob->state],
	    ob->weight, ob->retrospective, ob->postmortem)) == ERR_OK &&
	    (rc = history_diff(o, "objective", ob->id, ob->key,
	    objective_fields, NULL, ob, e)) == ERR_OK)
		rc = align_save(o, NULL, ob, &ids, e);
	arena_release(&a);
	return rc;
}

enum err_code
objective_update(struct okr *o, const struct objective *old,
    struct objective *ob, struct err *e)
{
	struct arena	 a = ARENA_INIT;
	struct obj_ids	 ids;
	enum err_code	 rc;
	int64_t		 v = 0;

	ob->id = old->id;
	if ((rc = objective_check(o, old, ob, &a, &ids, e)) != ERR_OK ||
	    (rc = objective_guard(o, old, ob, e)) != ERR_OK ||
	    (rc = history_diff(o, "objective", ob->id, ob->key,
	    objective_fields, old, ob, e)) != ERR_OK)
		goto out;
	rc = store_int(o->st, STMT_OBJ_UPDATE, &v, e, "itittIIttrtti",
	    ob->id, ob->key, ids.cycle, ob->title, ob->description, ids.team,
	    ids.person, obj_kind_names[ob->kind], obj_state_names[ob->state],
	    ob->weight, ob->retrospective, ob->postmortem, old->version);
	if ((rc = okr_versioned(o, rc, STMT_OBJ_VERSION, ob->id, "objective",
	    old->key, old->version, v, &ob->version, e)) == ERR_OK)
		rc = align_save(o, old, ob, &ids, e);
out:
	arena_release(&a);
	return rc;
}

enum err_code
objective_rm(struct okr *o, const char *key, struct err *e)
{
	enum err_code	 rc;
	int64_t		 id;

	if ((rc = ref_objective(o, key, &id, e)) != ERR_OK ||
	    (rc = close_guard_objective(o, key, e)) != ERR_OK ||
	    (rc = history_add(o, "objective", id, key, "removed", key, NULL,
	    e)) != ERR_OK)
		return rc;
	/*
	 * The schema cascades the rest: the objective's key results (and
	 * their milestones and check-ins), its own alignments, and every
	 * alignment of other objectives to it or to its key results.  An
	 * objective is the unit people remove; refusing until each child
	 * was unlinked by hand would only add busywork.
	 */
	return store_exec(o->st, STMT_OBJ_DELETE, e, "i", id);
}
