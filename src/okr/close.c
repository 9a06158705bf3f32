/*
 * close.c: closing a cycle (grades, final values, KPI movement, the lock)
 * and the notes file read at close.  See close.h; carry-over lives in
 * close_carry.c.
 *
 * The close grades what eval_cycle() says at the cycle's end: the same
 * evaluation status and the pages show, so the frozen grade of an
 * objective is exactly the progress people watched, rounded.  KPI-fed key
 * results are synced from the data first, so their final values include
 * everything imported by the time of the close.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/parse.h"
#include "kpi/load.h"
#include "okr/close.h"
#include "okr/eval.h"
#include "okr/kpilink.h"
#include "okr/review.h"
#include "okr/wsyaml.h"

int
close_fields_differ(const struct field_def *tab, const void *a,
    const void *b, const char *const *allowed)
{
	const struct field_def	*f;
	struct buf		 x = BUF_INIT, y = BUF_INIT;
	size_t			 i;
	int			 differ = 0;

	for (f = tab; f->name != NULL && !differ; f++) {
		if (f->flags & F_READONLY)
			continue;
		for (i = 0; allowed != NULL && allowed[i] != NULL; i++)
			if (strcmp(allowed[i], f->name) == 0)
				break;
		if (allowed != NULL && allowed[i] != NULL)
			continue;
		if (field_isnull(f, a) != field_isnull(f, b)) {
			differ = 1;
			break;
		}
		buf_reset(&x);
		buf_reset(&y);
		field_format(f, a, &x);
		field_format(f, b, &y);
		/* out of memory: count it as a change, so the lock holds */
		differ = buf_error(&x) != ERR_OK || buf_error(&y) != ERR_OK ||
		    strcmp(buf_cstr(&x), buf_cstr(&y)) != 0;
	}
	buf_release(&x);
	buf_release(&y);
	return differ;
}

/* Read the one row of CYCLE_CLOSE_GET or OBJ_CLOSED_GET. */
static enum err_code
closed_row(struct okr *o, enum stmt st, const char *arg, struct arena *a,
    int64_t *at, char **by, char **cycle, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;
	int		 r;

	*at = 0;
	if (by != NULL)
		*by = NULL;
	if (cycle != NULL)
		*cycle = NULL;
	if ((rc = store_q_open(o->st, st, &q, e, "t", arg)) != ERR_OK)
		return rc;
	if ((r = store_q_next(q, e)) < 0)
		rc = e != NULL ? e->code : ERR_STORE;
	else if (r == 1) {
		/* both statements: closed_at, closed_by in columns 1, 2 */
		*at = store_q_int(q, 1);
		if (by != NULL && a != NULL)
			*by = arena_strdup(a, store_q_text(q, 2));
		if (cycle != NULL && a != NULL && st == STMT_OBJ_CLOSED_GET)
			*cycle = arena_strdup(a, store_q_text(q, 0));
	}
	store_q_close(q);
	return rc;
}

enum err_code
close_info(struct okr *o, const char *cycle, struct arena *a,
    int64_t *closed_at, char **closed_by, struct err *e)
{
	return closed_row(o, STMT_CYCLE_CLOSE_GET, cycle, a, closed_at,
	    closed_by, NULL, e);
}

enum err_code
close_finals(struct okr *o, const char *cycle, struct arena *a,
    struct close_final **out, size_t *nout, struct err *e)
{
	struct store_q		*q;
	struct close_final	*v = NULL, *f;
	size_t			 n = 0, cap = 0;
	enum err_code		 rc;
	int			 r;

	*out = NULL;
	*nout = 0;
	if ((rc = store_q_open(o->st, STMT_KR_FINAL_LIST, &q, e, "t", cycle))
	    != ERR_OK)
		return rc;
	while ((r = store_q_next(q, e)) == 1) {
		if ((f = ARENA_PUSH(a, v, n, cap)) == NULL) {
			store_q_close(q);
			return err_set(e, ERR_NOMEM, "out of memory");
		}
		f->id = store_q_int(q, 0);
		f->grade = store_q_real(q, 1);
		f->value = store_q_real(q, 2);
		f->status = okr_status_parse(store_q_text(q, 3));
	}
	store_q_close(q);
	if (r < 0)
		return e != NULL ? e->code : ERR_STORE;
	*out = v;
	*nout = n;
	return ERR_OK;
}

const struct close_final *
close_final_of(const struct close_final *v, size_t n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (v[i].id == id)
			return &v[i];
	return NULL;
}

enum err_code
close_guard_cycle(struct okr *o, const char *cycle, struct err *e)
{
	enum err_code	 rc;
	int64_t		 at;

	if (cycle == NULL)
		return ERR_OK;
	if ((rc = closed_row(o, STMT_CYCLE_CLOSE_GET, cycle, NULL, &at, NULL,
	    NULL, e)) != ERR_OK)
		return rc;
	if (at != 0)
		return err_setf(e, ERR_CONFLICT, "cycle", "cycle \"%s\" is "
		    "closed: its objectives, key results and check-ins are "
		    "kept as graded (only retrospective and postmortem may "
		    "still be written)", cycle);
	return ERR_OK;
}

enum err_code
close_guard_objective(struct okr *o, const char *key, struct err *e)
{
	struct arena	 a = ARENA_INIT;
	enum err_code	 rc;
	int64_t		 at;
	char		*cycle;

	if (key == NULL)
		return ERR_OK;
	rc = closed_row(o, STMT_OBJ_CLOSED_GET, key, &a, &at, NULL, &cycle,
	    e);
	if (rc == ERR_OK && at != 0)
		rc = err_setf(e, ERR_CONFLICT, "cycle", "cycle \"%s\" is "
		    "closed: its objectives, key results and check-ins are "
		    "kept as graded (only retrospective and postmortem may "
		    "still be written)", cycle != NULL ? cycle : "");
	arena_release(&a);
	return rc;
}

/* ---- the notes file ------------------------------------------------- */

static const char *const note_keys[] = { "retrospective", "postmortem",
	NULL };

/* Read one KEY: {retrospective, postmortem} pair into nt. */
static enum err_code
note_read(struct wsy *y, yaml_node_pair_t *p, struct arena *a,
    struct close_note *nt)
{
	yaml_node_t		*k = wsy_node(y, p->key), *v = wsy_node(y, p->value);
	yaml_node_t		*vals[2];
	struct objective	 scratch;
	const char		*key, *text;
	char			**dst[2];
	enum err_code		 rc;
	size_t			 i;

	if (k->type != YAML_SCALAR_NODE)
		return wsy_fail(y, k, "expected an objective key, got a %s",
		    k->type == YAML_SEQUENCE_NODE ? "list" : "mapping");
	key = (const char *)k->data.scalar.value;
	if (parse_key(key, y->e) != ERR_OK)
		return wsy_wrap(y, k, NULL, ERR_INVAL);
	nt->key = arena_strdup(a, key);
	nt->line = wsy_line(k);
	if ((rc = wsy_map(y, v, key, NULL, NULL, note_keys, vals)) != ERR_OK)
		return rc;
	objective_defaults(&scratch);
	dst[0] = &nt->retrospective;
	dst[1] = &nt->postmortem;
	for (i = 0; i < 2; i++) {
		if (vals[i] == NULL)
			continue;
		if ((rc = wsy_scalar(y, vals[i], key, note_keys[i], &text))
		    != ERR_OK)
			return rc;
		if (text == NULL)
			return wsy_fail(y, vals[i], "%s.%s: expected text, got "
			    "nothing (leave the key out to keep the text as it "
			    "is)", key, note_keys[i]);
		/* the objective's own validator: the same text rules as
		 * objective edit --retrospective */
		if ((rc = field_set(objective_fields, &scratch, note_keys[i],
		    text, a, y->e)) != ERR_OK)
			return wsy_wrap(y, vals[i], key, rc);
		*dst[i] = arena_strdup(a, text);
	}
	if (nt->retrospective == NULL && nt->postmortem == NULL)
		return wsy_fail(y, v, "%s: give retrospective, postmortem or "
		    "both", key);
	return ERR_OK;
}

/* Are the keys of pairs a and b the same text? */
static int
same_key(struct wsy *y, const yaml_node_pair_t *a, const yaml_node_pair_t *b)
{
	const yaml_node_t	*x = wsy_node(y, a->key), *z = wsy_node(y, b->key);

	return x->type == YAML_SCALAR_NODE && z->type == YAML_SCALAR_NODE &&
	    strcmp((const char *)x->data.scalar.value,
	    (const char *)z->data.scalar.value) == 0;
}

enum err_code
close_notes_load(const char *path, struct arena *a, struct close_note **out,
    size_t *nout, struct err *e)
{
	struct wsy		 y;
	struct err		 scratch;
	struct close_note	*v = NULL, *nt;
	yaml_node_t		*root;
	yaml_node_pair_t	*p, *q;
	FILE			*f;
	size_t			 n = 0, cap = 0;
	enum err_code		 rc;

	*out = NULL;
	*nout = 0;
	memset(&y, 0, sizeof(y));
	y.path = path;
	y.e = e != NULL ? e : &scratch;
	if ((f = fopen(path, "r")) == NULL)
		return err_set(y.e, ERR_IO, "cannot open %s: %s", path,
		    strerror(errno));
	rc = wsy_load(&y, f);
	fclose(f);
	if (rc != ERR_OK)
		goto out;
	if ((root = wsy_root(&y)) == NULL || wsy_isnull(root))
		goto out;	/* an empty file: no notes */
	if (root->type != YAML_MAPPING_NODE) {
		rc = wsy_fail(&y, root, "expected a mapping of objective keys "
		    "to {retrospective: TEXT, postmortem: TEXT}");
		goto out;
	}
	for (p = root->data.mapping.pairs.start;
	    p < root->data.mapping.pairs.top && rc == ERR_OK; p++) {
		for (q = root->data.mapping.pairs.start; q < p; q++)
			if (same_key(&y, q, p))
				break;
		if (q < p) {
			rc = wsy_fail(&y, wsy_node(&y, p->key), "objective "
			    "\"%s\" is given twice (first on line %zu)",
			    (const char *)wsy_node(&y, p->key)->data.scalar.
			    value, wsy_line(wsy_node(&y, q->key)));
			break;
		}
		if ((nt = ARENA_PUSH(a, v, n, cap)) == NULL) {
			rc = err_set(y.e, ERR_NOMEM, "out of memory");
			break;
		}
		rc = note_read(&y, p, a, nt);
	}
	if (rc == ERR_OK && arena_failed(a))
		rc = err_set(y.e, ERR_NOMEM, "out of memory");
out:
	wsy_release(&y);
	if (rc == ERR_OK) {
		*out = v;
		*nout = n;
	}
	return rc;
}

/* ---- the close ------------------------------------------------------ */

static const struct close_note *
note_find(const struct close_opts *op, const char *key)
{
	size_t	 i;

	for (i = 0; op != NULL && i < op->nnotes; i++)
		if (strcmp(op->notes[i].key, key) == 0)
			return &op->notes[i];
	return NULL;
}

static int
blank(const char *s)
{
	if (s == NULL)
		return 1;
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Refuse when the cycle cannot be closed at o->now. */
static enum err_code
close_allowed(struct okr *o, const struct cycle *cy,
    const struct close_opts *op, struct arena *a, struct err *e)
{
	enum err_code	 rc;
	int64_t		 at, start, end;
	char		*by, d[16], n[16];

	if ((rc = close_info(o, cy->name, a, &at, &by, e)) != ERR_OK)
		return rc;
	if (at != 0) {
		clock_fmt_date(at, d, sizeof(d));
		return err_setf(e, ERR_CONFLICT, "cycle", "cycle %s was "
		    "closed on %s by %s", cy->name, d, by != NULL ? by :
		    "someone");
	}
	cycle_bounds(cy, &start, &end);
	clock_fmt_date(o->now, n, sizeof(n));
	if (o->now < start)
		return err_setf(e, ERR_CONFLICT, "cycle", "cycle %s starts on "
		    "%s (today is %s): there is nothing to close yet",
		    cy->name, cy->start, n);
	if (o->now < end && (op == NULL || !op->force_early))
		return err_setf(e, ERR_CONFLICT, "cycle", "cycle %s ends on %s "
		    "(today is %s): close it after its end, or pass "
		    "--force-early to grade it as it stands today", cy->name,
		    cy->end, n);
	return ERR_OK;
}

/* Every note names an objective of the cycle. */
static enum err_code
notes_match(const struct close_opts *op, const struct cycle_eval *ce,
    struct err *e)
{
	size_t	 i;

	for (i = 0; op != NULL && i < op->nnotes; i++)
		if (eval_objective(ce, op->notes[i].key) == EVAL_NONE)
			return err_setf(e, ERR_INVAL, "notes", "%s:%zu: %s: no "
			    "objective with this key in cycle %s",
			    op->notes_path != NULL ? op->notes_path : "notes",
			    op->notes[i].line, op->notes[i].key,
			    ce->cycle.name);
	return ERR_OK;
}

/* A committed objective below 1.0 needs a post-mortem: list those that
 * have none, with their grades, in one message. */
static enum err_code
postmortems_check(const struct close_opts *op, const struct cycle_eval *ce,
    struct err *e)
{
	const struct close_note	*nt;
	const struct objective	*ob;
	struct buf		 b = BUF_INIT;
	enum err_code		 rc = ERR_OK;
	size_t			 i, missing = 0;
	double			 g;

	for (i = 0; i < ce->nobjs; i++) {
		ob = ce->objs[i].obj;
		g = progress_grade(ce->objs[i].ev.progress);
		if (ob->kind != OBJ_COMMITTED || progress_reaches(g, 1.0))
			continue;
		nt = note_find(op, ob->key);
		if (!blank(nt != NULL && nt->postmortem != NULL ?
		    nt->postmortem : ob->postmortem))
			continue;
		if (isnan(g))
			buf_printf(&b, "%s%s (no data)", missing ? ", " : "",
			    ob->key);
		else
			buf_printf(&b, "%s%s (%.1f)", missing ? ", " : "",
			    ob->key, g);
		missing++;
	}
	if (buf_error(&b) != ERR_OK)
		rc = err_set(e, ERR_NOMEM, "out of memory");
	else if (missing > 0)
		rc = err_setf(e, ERR_CONFLICT, "postmortem", "%zu committed "
		    "objective%s graded below 1.0 need%s a post-mortem note "
		    "(objective edit KEY --postmortem TEXT, or --notes FILE): "
		    "%s", missing, missing == 1 ? "" : "s", missing == 1 ?
		    "s" : "", buf_cstr(&b));
	buf_release(&b);
	return rc;
}

/* Write the notes through objective_update, so history records them. */
static enum err_code
notes_apply(struct okr *o, const struct close_opts *op, struct arena *a,
    size_t *changed, struct err *e)
{
	struct objective	 old, nw;
	enum err_code		 rc;
	size_t			 i;

	*changed = 0;
	for (i = 0; op != NULL && i < op->nnotes; i++) {
		if ((rc = objective_get(o, op->notes[i].key, a, &old, e))
		    != ERR_OK)
			return rc;
		nw = old;
		if (op->notes[i].retrospective != NULL)
			nw.retrospective = op->notes[i].retrospective;
		if (op->notes[i].postmortem != NULL)
			nw.postmortem = op->notes[i].postmortem;
		if (!close_fields_differ(objective_fields, &old, &nw, NULL))
			continue;
		if ((rc = objective_update(o, &old, &nw, e)) != ERR_OK)
			return rc;
		(*changed)++;
	}
	return ERR_OK;
}

/* history: field old -> new with numbers as field_format writes them. */
static enum err_code
hist_num(struct okr *o, const char *entity, int64_t id, const char *label,
    const char *field, double old, double new, struct err *e)
{
	char	 a[32], b[32];

	field_fmt_number(old, a, sizeof(a));
	field_fmt_number(new, b, sizeof(b));
	if ((isnan(old) && isnan(new)) || (!isnan(old) && !isnan(new) &&
	    strcmp(a, b) == 0))
		return ERR_OK;
	return history_add(o, entity, id, label, field, isnan(old) ? NULL :
	    a, isnan(new) ? NULL : b, e);
}

/* Freeze every objective and key result of ce. */
static enum err_code
freeze(struct okr *o, const struct cycle_eval *ce, struct arena *a,
    struct close_result *res, struct err *e)
{
	const struct obj_eval	*oe;
	const struct kr_eval	*ke;
	struct close_grade	*g;
	const char		*label, *st;
	double			 grade, sum = 0;
	size_t			 i, j, ngraded = 0;
	enum err_code		 rc;

	if (ce->nobjs > 0 && (res->objs = arena_calloc(a, ce->nobjs,
	    sizeof(*res->objs))) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	for (i = 0; i < ce->nobjs; i++) {
		oe = &ce->objs[i];
		grade = progress_grade(oe->ev.progress);
		g = &res->objs[res->nobjs++];
		g->key = oe->obj->key;
		g->title = oe->obj->title;
		g->kind = oe->obj->kind;
		g->grade = grade;
		if (!isnan(grade)) {
			sum += grade;
			ngraded++;
		}
		if ((rc = store_exec(o->st, STMT_OBJ_FREEZE, e, "ir",
		    oe->obj->id, grade)) != ERR_OK ||
		    (rc = hist_num(o, "objective", oe->obj->id, oe->obj->key,
		    "grade", oe->obj->grade, grade, e)) != ERR_OK)
			return rc;
		if (oe->obj->state != OBJ_CLOSED && (rc = history_add(o,
		    "objective", oe->obj->id, oe->obj->key, "state",
		    obj_state_names[oe->obj->state], "closed", e)) != ERR_OK)
			return rc;
		for (j = 0; j < oe->nkrs; j++) {
			ke = &oe->krs[j];
			grade = progress_grade(ke->ev.progress);
			st = okr_status_name(ke->ev.status);
			if ((label = arena_printf(a, "%s/%s", oe->obj->key,
			    ke->kr->key)) == NULL)
				return err_set(e, ERR_NOMEM, "out of memory");
			if ((rc = store_exec(o->st, STMT_KR_FREEZE, e, "irrt",
			    ke->kr->id, grade, ke->ev.current, st)) != ERR_OK ||
			    (rc = hist_num(o, "kr", ke->kr->id, label, "grade",
			    NAN, grade, e)) != ERR_OK ||
			    (rc = hist_num(o, "kr", ke->kr->id, label,
			    "final_value", NAN, ke->ev.current, e)) != ERR_OK ||
			    (rc = history_add(o, "kr", ke->kr->id, label,
			    "final_status", NULL, st, e)) != ERR_OK)
				return rc;
			res->nkrs++;
		}
	}
	res->mean_grade = ngraded > 0 ? sum / (double)ngraded : NAN;
	return ERR_OK;
}

/* Sync every KPI-fed key result of the evaluated cycle from snap. */
static enum err_code
kpi_sync(struct okr *o, const struct cycle_eval *ce, const struct snap *snap,
    struct arena *a, struct err *e)
{
	const struct kr	*k;
	size_t		 i;
	enum err_code	 rc;
	char		*ref;

	for (i = 0; i < ce->nkrs; i++) {
		k = ce->krs[i].kr;
		if (k->kpi == NULL)
			continue;
		if ((ref = arena_printf(a, "%s/%s", k->objective, k->key))
		    == NULL)
			return err_set(e, ERR_NOMEM, "out of memory");
		if ((rc = kpilink_sync(o, snap, ref, NULL, NULL, e)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

/* Record the KPI movement of the cycle in cycle_kpi. */
static enum err_code
kpi_freeze(struct okr *o, const struct cycle_eval *ce,
    const struct snap *snap, struct arena *a, struct close_result *res,
    struct err *e)
{
	struct review_kpi	*v;
	size_t			 n, i;
	enum err_code		 rc;

	if ((rc = review_kpi_live(o, ce, snap, a, &v, &n, e)) != ERR_OK)
		return rc;
	for (i = 0; i < n; i++) {
		/* seq: the review lists them in this order */
		if ((rc = store_exec(o->st, STMT_CYCLE_KPI_UPSERT, e,
		    "ittririi", ce->cycle.id, v[i].key, v[i].filter,
		    v[i].start, v[i].start_n, v[i].end, v[i].end_n,
		    (int64_t)i + 1)) != ERR_OK)
			return rc;
		res->nkpis++;
	}
	return ERR_OK;
}

enum err_code
close_cycle(struct okr *o, const char *name, const struct close_opts *op,
    struct arena *a, struct close_result *res, struct err *e)
{
	struct cycle_eval	 ce;
	struct cycle		 cy;
	struct snap		*snap = NULL;
	enum err_code		 rc;
	char			 t[32];

	memset(res, 0, sizeof(*res));
	res->mean_grade = NAN;
	if ((rc = cycle_get(o, name, a, &cy, e)) != ERR_OK ||
	    (rc = close_allowed(o, &cy, op, a, e)) != ERR_OK ||
	    (rc = eval_cycle(o, cy.name, o->now, a, &ce, e)) != ERR_OK ||
	    (rc = notes_match(op, &ce, e)) != ERR_OK)
		return rc;
	/*
	 * A cycle with KPI-fed key results is synced from the data first
	 * and evaluated again, so their final values hold everything
	 * imported by now.  That one evaluation is what is checked (the
	 * post-mortems) and frozen: the notes written in between change
	 * text only, never a number.  A refusal after the sync has written
	 * check-ins, but inside the caller's transaction, which it then
	 * rolls back.
	 */
	if (review_has_kpi(&ce) &&
	    ((rc = kpi_load(o->st, &snap, e)) != ERR_OK ||
	    (rc = kpi_sync(o, &ce, snap, a, e)) != ERR_OK ||
	    (rc = eval_cycle(o, cy.name, o->now, a, &ce, e)) != ERR_OK))
		goto out;
	if ((rc = postmortems_check(op, &ce, e)) != ERR_OK ||
	    (rc = notes_apply(o, op, a, &res->nnotes, e)) != ERR_OK ||
	    (rc = freeze(o, &ce, a, res, e)) != ERR_OK ||
	    (rc = kpi_freeze(o, &ce, snap, a, res, e)) != ERR_OK)
		goto out;
	res->cycle = ce.cycle.name;
	res->closed_at = o->now;
	res->as_of = ce.horizon;
	clock_fmt_time(o->now, t, sizeof(t));
	if ((rc = store_exec(o->st, STMT_CYCLE_CLOSE_SET, e, "iit", cy.id,
	    o->now, o->actor)) != ERR_OK ||
	    (cy.state != CYCLE_CLOSED && (rc = history_add(o, "cycle", cy.id,
	    cy.name, "state", cycle_state_names[cy.state], "closed", e)) !=
	    ERR_OK) ||
	    (rc = history_add(o, "cycle", cy.id, cy.name, "closed_at", NULL,
	    t, e)) != ERR_OK)
		goto out;
	rc = history_add(o, "cycle", cy.id, cy.name, "closed_by", NULL,
	    o->actor, e);
out:
	snap_free(snap);
	return rc;
}
