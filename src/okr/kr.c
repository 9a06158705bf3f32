/*
 * kr.c: key results, the measurable part of an objective, and their
 * milestones.
 *
 * A key result is named "OBJECTIVE/KR"; its key is unique within its
 * objective.  Its kind decides which numbers it takes, and a number that
 * its kind would not use is an error rather than something quietly
 * stored and ignored: a band with a target, or an increase whose target
 * lies below its baseline, is almost always a typo, and progress computed
 * from it would mislead everyone who reads the dashboard.
 *
 * Milestones (kind milestones) are an ordered list of titled, weighted
 * steps, stored by title so that editing the list keeps the done time of
 * every step that remains.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/parse.h"
#include "okr/close.h"
#include "okr/kpilink.h"
#include "okr/okr.h"
#include "okr/refs.h"

/* Resolved references of a key result. */
struct kr_ids {
	int64_t		 objective;
	int64_t		 owner;
};

static void
kr_row(struct store_q *q, struct arena *a, void *elem)
{
	struct kr	*k = elem;
	const char	*source;
	int		 kind;

	kr_defaults(k);
	k->id = store_q_int(q, KR_C_ID);
	k->objective_id = store_q_int(q, KR_C_OBJECTIVE_ID);
	k->objective = arena_strdup(a, store_q_text(q, KR_C_OBJECTIVE));
	k->key = arena_strdup(a, store_q_text(q, KR_C_KEY));
	k->title = arena_strdup(a, store_q_text(q, KR_C_TITLE));
	k->owner = arena_strdup(a, store_q_text(q, KR_C_OWNER));
	/* a kind this binary does not know reads as increase, never -1,
	 * so tables indexed by kind stay in bounds */
	kind = kr_kind_parse(store_q_text(q, KR_C_KIND));
	k->kind = kind >= 0 ? kind : KR_INCREASE;
	k->unit = arena_strdup(a, store_q_text(q, KR_C_UNIT));
	k->baseline = store_q_real(q, KR_C_BASELINE);
	k->target = store_q_real(q, KR_C_TARGET);
	k->low = store_q_real(q, KR_C_LOW);
	k->high = store_q_real(q, KR_C_HIGH);
	k->weight = store_q_real(q, KR_C_WEIGHT);
	source = store_q_text(q, KR_C_SOURCE);
	k->source = arena_strdup(a, source != NULL ? source : "manual");
	k->kpi = arena_strdup(a, store_q_text(q, KR_C_KPI));
	k->kpi_filter = arena_strdup(a, store_q_text(q, KR_C_KPI_FILTER));
	k->kpi_window = arena_strdup(a, store_q_text(q, KR_C_KPI_WINDOW));
	k->kpi_baseline = arena_strdup(a, store_q_text(q, KR_C_KPI_BASELINE));
	k->version = store_q_int(q, KR_C_VERSION);
}

static void
ms_row(struct store_q *q, struct arena *a, void *elem)
{
	struct milestone	*m = elem;

	/* column 0 is seq, which only orders the rows */
	m->title = arena_strdup(a, store_q_text(q, 1));
	m->weight = store_q_real(q, 2);
	m->done_at = store_q_int(q, 3);
}

/* Fill the milestones of each of the n key results of v. */
static enum err_code
kr_fill_ms(struct okr *o, struct kr *v, size_t n, struct arena *a,
    struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;
	size_t		 i;

	for (i = 0; i < n; i++)
		if ((rc = store_q_open(o->st, STMT_MS_LIST, &q, e, "i",
		    v[i].id)) != ERR_OK ||
		    (rc = rows_collect(q, ms_row, sizeof(*v[i].ms), a,
		    &v[i].ms, &v[i].nms, e)) != ERR_OK)
			return rc;
	return ERR_OK;
}

enum err_code
kr_list(struct okr *o, const char *cycle, struct arena *a, struct kr **out,
    size_t *np, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;

	if ((rc = store_q_open(o->st, STMT_KR_LIST, &q, e, "t", cycle))
	    != ERR_OK ||
	    (rc = rows_collect(q, kr_row, sizeof(**out), a, out, np, e))
	    != ERR_OK)
		return rc;
	return kr_fill_ms(o, *out, *np, a, e);
}

enum err_code
kr_list_objective(struct okr *o, int64_t objective_id, struct arena *a,
    struct kr **out, size_t *np, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;

	if ((rc = store_q_open(o->st, STMT_KR_LIST_OBJ, &q, e, "i",
	    objective_id)) != ERR_OK ||
	    (rc = rows_collect(q, kr_row, sizeof(**out), a, out, np, e))
	    != ERR_OK)
		return rc;
	return kr_fill_ms(o, *out, *np, a, e);
}

enum err_code
kr_get(struct okr *o, const char *ref, struct arena *a, struct kr *k,
    struct err *e)
{
	struct store_q	*q;
	struct kr	*v;
	const char	*slash;
	char		*obj;
	size_t		 n;
	int64_t		 id;
	enum err_code	 rc;

	/* ref_kr checks the form and says what is missing */
	if ((rc = ref_kr(o, ref, &id, e)) != ERR_OK)
		return rc;
	slash = strchr(ref, '/');
	if ((obj = arena_printf(a, "%.*s", (int)(slash - ref), ref)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	if ((rc = store_q_open(o->st, STMT_KR_GET, &q, e, "tt", obj,
	    slash + 1)) != ERR_OK ||
	    (rc = rows_collect(q, kr_row, sizeof(*v), a, &v, &n, e))
	    != ERR_OK)
		return rc;
	if (n == 0)
		return err_setf(e, ERR_NOTFOUND, "kr", "no key result \"%s\"",
		    ref);
	if ((rc = kr_fill_ms(o, v, 1, a, e)) != ERR_OK)
		return rc;
	*k = v[0];
	return ERR_OK;
}

/*
 * The kind a key result without one most likely means: a band when it
 * has band bounds, milestones when it has milestones, a decrease when its
 * target lies below its baseline, else an increase.
 */
static void
kr_infer_kind(struct kr *k)
{
	if (k->kind >= 0)
		return;
	if (!isnan(k->low) || !isnan(k->high))
		k->kind = KR_BAND;
	else if (k->nms > 0)
		k->kind = KR_MILESTONES;
	else if (!isnan(k->baseline) && !isnan(k->target) &&
	    k->target < k->baseline)
		k->kind = KR_DECREASE;
	else if (!isnan(k->baseline) && !isnan(k->target))
		k->kind = KR_INCREASE;
	else if (k->kpi != NULL && kpi_def_find(k->kpi) != NULL &&
	    kpi_def_find(k->kpi)->dir == KD_LOWER)
		k->kind = KR_DECREASE;	/* a KPI where lower is better */
	else
		k->kind = KR_INCREASE;
}

/* The numbers of k that its kind takes; the rest must be unset. */
static enum err_code
kr_check_numbers(const struct kr *k, struct err *e)
{
	const struct { const char *name; double v; int band; } num[] = {
		{ "baseline", k->baseline, 0 }, { "target", k->target, 0 },
		{ "low", k->low, 1 }, { "high", k->high, 1 },
	};
	const char	*kind = kr_kind_names[k->kind];
	char		 b[32], t[32];
	size_t		 i;
	int		 linear;

	linear = k->kind == KR_INCREASE || k->kind == KR_DECREASE;
	for (i = 0; i < sizeof(num) / sizeof(num[0]); i++) {
		if (isnan(num[i].v))
			continue;
		field_fmt_number(num[i].v, b, sizeof(b));
		if (!isfinite(num[i].v))
			return err_setf(e, ERR_INVAL, num[i].name, "%s: "
			    "expected a finite number, got %s", num[i].name, b);
		if ((num[i].band && k->kind != KR_BAND) ||
		    (!num[i].band && !linear))
			return err_setf(e, ERR_INVAL, num[i].name, "%s: a key "
			    "result of kind %s takes no %s (got %s)%s",
			    num[i].name, kind, num[i].name, b, num[i].band ?
			    "; use kind band" : k->kind == KR_BAND ?
			    "; give low and high" : "");
	}
	field_fmt_number(k->baseline, b, sizeof(b));
	field_fmt_number(k->target, t, sizeof(t));
	if (k->kind == KR_INCREASE && k->target < k->baseline)
		return err_setf(e, ERR_INVAL, "target", "target: an increase "
		    "key result needs target >= baseline (baseline %s, target "
		    "%s); use kind decrease", b, t);
	if (k->kind == KR_DECREASE && k->target > k->baseline)
		return err_setf(e, ERR_INVAL, "target", "target: a decrease "
		    "key result needs target <= baseline (baseline %s, target "
		    "%s); use kind increase", b, t);
	if (k->kind != KR_BAND)
		return ERR_OK;
	if (isnan(k->low) && isnan(k->high))
		return err_setf(e, ERR_INVAL, "low", "low: a band key result "
		    "needs low, high or both");
	field_fmt_number(k->low, b, sizeof(b));
	field_fmt_number(k->high, t, sizeof(t));
	if (k->low > k->high)
		return err_setf(e, ERR_INVAL, "low", "low: band low %s is "
		    "above high %s", b, t);
	return ERR_OK;
}

/* Milestones only on a milestones key result: at least one, titled, unique,
 * each weighing more than 0. */
static enum err_code
kr_check_ms(const struct kr *k, struct err *e)
{
	const struct milestone	*m;
	char			 w[32];
	size_t			 i, j;

	if (k->kind != KR_MILESTONES && k->nms > 0)
		return err_setf(e, ERR_INVAL, "milestones", "milestones: a key "
		    "result of kind %s takes no milestones (got \"%s\"); use "
		    "kind milestones", kr_kind_names[k->kind], k->ms[0].title ?
		    k->ms[0].title : "");
	if (k->kind == KR_MILESTONES && k->nms == 0)
		return err_setf(e, ERR_INVAL, "milestones", "milestones: a "
		    "milestones key result needs at least one milestone");
	for (i = 0; i < k->nms; i++) {
		m = &k->ms[i];
		if (m->title == NULL || parse_name(m->title, e) != ERR_OK) {
			if (m->title == NULL)
				err_set(e, ERR_INVAL, "a milestone has no "
				    "title");
			err_prefix(e, "milestones");
			if (e != NULL)
				snprintf(e->field, sizeof(e->field),
				    "milestones");
			return ERR_INVAL;
		}
		field_fmt_number(m->weight, w, sizeof(w));
		if (!(m->weight > 0) || !isfinite(m->weight))
			return err_setf(e, ERR_INVAL, "milestones",
			    "milestones: milestone \"%s\" needs a weight "
			    "greater than 0, got %s", m->title, w);
		for (j = 0; j < i; j++)
			if (strcmp(k->ms[j].title, m->title) == 0)
				return err_setf(e, ERR_INVAL, "milestones",
				    "milestones: milestone \"%s\" is listed "
				    "twice", m->title);
	}
	return ERR_OK;
}

/* Validate k (old is its stored version, NULL for a new one). */
static enum err_code
kr_check(struct okr *o, const struct kr *old, struct kr *k,
    struct kr_ids *ids, struct err *e)
{
	enum err_code	 rc;
	int64_t		 other;
	char		 ref[160];

	memset(ids, 0, sizeof(*ids));
	if (k->objective == NULL)
		return err_setf(e, ERR_INVAL, "objective", "key result: "
		    "objective is required");
	kr_infer_kind(k);
	if ((rc = field_check_required(kr_fields, k, "key result", e))
	    != ERR_OK)
		return rc;
	if ((rc = parse_key(k->key, e)) != ERR_OK) {
		err_prefix(e, "key");
		if (e != NULL)
			snprintf(e->field, sizeof(e->field), "key");
		return rc;
	}
	if (k->kind >= KR_KIND__MAX)
		return err_setf(e, ERR_INVAL, "kind", "kind: expected "
		    "increase, decrease, band, boolean or milestones, got "
		    "kind number %d", k->kind);
	if (!(k->weight > 0) || !isfinite(k->weight))
		return err_setf(e, ERR_INVAL, "weight", "weight: expected a "
		    "weight greater than 0, got %g", k->weight);
	/* KR_UPDATE keeps the objective: moving is remove + add */
	if (old != NULL && strcmp(old->objective, k->objective) != 0)
		return err_setf(e, ERR_INVAL, "objective", "objective: key "
		    "result \"%s/%s\" cannot move to objective \"%s\"; remove "
		    "it and add it there", old->objective, old->key,
		    k->objective);
	if ((rc = ref_objective(o, k->objective, &ids->objective, e))
	    != ERR_OK)
		return rc;
	snprintf(ref, sizeof(ref), "%s/%s", k->objective, k->key);
	if ((old == NULL || strcmp(old->key, k->key) != 0) &&
	    ref_kr(o, ref, &other, NULL) == ERR_OK)
		return err_setf(e, ERR_EXISTS, "key", "objective \"%s\" "
		    "already has a key result \"%s\"", k->objective, k->key);
	if ((rc = kr_check_numbers(k, e)) != ERR_OK ||
	    (rc = kr_check_ms(k, e)) != ERR_OK ||
	    (rc = kpilink_check(k, e)) != ERR_OK)
		return rc;
	if (k->owner != NULL &&
	    (rc = ref_person(o, k->owner, &ids->owner, e)) != ERR_OK) {
		if (rc == ERR_NOTFOUND)
			err_setf(e, rc, "owner", "owner: no person named "
			    "\"%s\"", k->owner);
		return rc;
	}
	return ERR_OK;
}

/* "title:weight; title:weight" ("" for none): the milestones in history. */
static void
ms_format(const struct kr *k, struct buf *b)
{
	char	 w[32];
	size_t	 i;

	for (i = 0; k != NULL && i < k->nms; i++) {
		field_fmt_number(k->ms[i].weight, w, sizeof(w));
		buf_printf(b, "%s%s:%s", i ? "; " : "", k->ms[i].title, w);
	}
}

/*
 * The lock of a closed cycle (okr/close.h): an update that changes
 * anything of a key result there is refused; one that changes nothing
 * (apply of an unchanged file) passes.
 */
static enum err_code
kr_guard(struct okr *o, const struct kr *old, const struct kr *k,
    struct err *e)
{
	struct buf	 a = BUF_INIT, b = BUF_INIT;
	int		 differ;

	if (!(differ = close_fields_differ(kr_fields, old, k, NULL))) {
		ms_format(old, &a);
		ms_format(k, &b);
		differ = buf_error(&a) != ERR_OK || buf_error(&b) != ERR_OK ||
		    strcmp(buf_cstr(&a), buf_cstr(&b)) != 0;
	}
	buf_release(&a);
	buf_release(&b);
	return differ ? close_guard_objective(o, old->objective, e) : ERR_OK;
}

/*
 * If k's milestones differ from old's (NULL: a new key result), record
 * the change and write them: titles no longer listed are deleted, the rest
 * upserted, which keeps the done time of every title that remains.
 */
static enum err_code
ms_save(struct okr *o, const struct kr *old, const struct kr *k,
    const char *label, struct err *e)
{
	struct buf	 before = BUF_INIT, after = BUF_INIT;
	enum err_code	 rc = ERR_OK;
	size_t		 i, j;

	ms_format(old, &before);
	ms_format(k, &after);
	if (buf_error(&before) != ERR_OK || buf_error(&after) != ERR_OK) {
		rc = err_set(e, ERR_NOMEM, "out of memory");
		goto out;
	}
	if (strcmp(buf_cstr(&before), buf_cstr(&after)) == 0)
		goto out;
	if ((rc = history_add(o, "kr", k->id, label, "milestones",
	    before.len > 0 ? buf_cstr(&before) : NULL,
	    after.len > 0 ? buf_cstr(&after) : NULL, e)) != ERR_OK)
		goto out;
	for (i = 0; old != NULL && i < old->nms && rc == ERR_OK; i++) {
		for (j = 0; j < k->nms; j++)
			if (strcmp(old->ms[i].title, k->ms[j].title) == 0)
				break;
		if (j == k->nms)
			rc = store_exec(o->st, STMT_MS_DELETE, e, "it", k->id,
			    old->ms[i].title);
	}
	for (i = 0; i < k->nms && rc == ERR_OK; i++)
		rc = store_exec(o->st, STMT_MS_UPSERT, e, "iitr", k->id,
		    (int64_t)i + 1, k->ms[i].title, k->ms[i].weight);
out:
	buf_release(&before);
	buf_release(&after);
	return rc;
}

enum err_code
kr_add(struct okr *o, struct kr *k, struct err *e)
{
	struct kr_ids	 ids;
	enum err_code	 rc;
	int64_t		 seq;
	char		 label[160];

	k->id = 0;
	if ((rc = kr_check(o, NULL, k, &ids, e)) != ERR_OK ||
	    (rc = close_guard_objective(o, k->objective, e)) != ERR_OK ||
	    (rc = store_int(o->st, STMT_KR_NEXT_SEQ, &seq, e, "i",
	    ids.objective)) != ERR_OK ||
	    (rc = store_int(o->st, STMT_KR_INSERT, &k->id, e, "ititIttrrrrrtttt",
	    ids.objective, k->key, seq, k->title, ids.owner,
	    kr_kind_names[k->kind], k->unit, k->baseline, k->target, k->low,
	    k->high, k->weight, k->kpi, k->kpi_filter, k->kpi_window,
	    k->kpi_baseline)) != ERR_OK)
		return rc;
	k->objective_id = ids.objective;
	snprintf(label, sizeof(label), "%s/%s", k->objective, k->key);
	if ((rc = history_diff(o, "kr", k->id, label, kr_fields, NULL, k, e))
	    != ERR_OK)
		return rc;
	return ms_save(o, NULL, k, label, e);
}

enum err_code
kr_update(struct okr *o, const struct kr *old, struct kr *k,
    struct err *e)
{
	struct kr_ids	 ids;
	enum err_code	 rc;
	char		 label[160], was[160];
	int64_t		 v = 0;

	k->id = old->id;
	k->objective_id = old->objective_id;
	if ((rc = kr_check(o, old, k, &ids, e)) != ERR_OK ||
	    (rc = kr_guard(o, old, k, e)) != ERR_OK)
		return rc;
	snprintf(label, sizeof(label), "%s/%s", k->objective, k->key);
	if ((rc = history_diff(o, "kr", k->id, label, kr_fields, old, k, e))
	    != ERR_OK)
		return rc;
	rc = store_int(o->st, STMT_KR_UPDATE, &v, e, "ittIttrrrrrtttti",
	    k->id, k->key, k->title, ids.owner, kr_kind_names[k->kind],
	    k->unit, k->baseline, k->target, k->low, k->high, k->weight,
	    k->kpi, k->kpi_filter, k->kpi_window, k->kpi_baseline,
	    old->version);
	snprintf(was, sizeof(was), "%s/%s", old->objective, old->key);
	if ((rc = okr_versioned(o, rc, STMT_KR_VERSION, k->id, "key result",
	    was, old->version, v, &k->version, e)) != ERR_OK)
		return rc;
	return ms_save(o, old, k, label, e);
}

enum err_code
kr_rm(struct okr *o, const char *ref, struct err *e)
{
	enum err_code	 rc;
	int64_t		 id;
	char		 obj[128];
	const char	*slash;

	if ((rc = ref_kr(o, ref, &id, e)) != ERR_OK)
		return rc;
	/* ref_kr checked the form: "OBJECTIVE/KR" */
	slash = strchr(ref, '/');
	snprintf(obj, sizeof(obj), "%.*s", slash != NULL ?
	    (int)(slash - ref) : 0, ref);
	if ((rc = close_guard_objective(o, obj, e)) != ERR_OK ||
	    (rc = history_add(o, "kr", id, ref, "removed", ref, NULL, e))
	    != ERR_OK)
		return rc;
	/* milestones, check-ins and alignments to it cascade in the schema */
	return store_exec(o->st, STMT_KR_DELETE, e, "i", id);
}

/* s[0..n) without the white space around it: *start and the length. */
static size_t
trim(const char *s, size_t n, const char **start)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*start = s;
	return n;
}

enum err_code
milestone_parse(const char *s, struct arena *a, struct milestone *m,
    struct err *e)
{
	const char	*colon, *p;
	char		 num[64];
	double		 w = 1;
	size_t		 len, n;

	memset(m, 0, sizeof(*m));
	if (s == NULL)
		s = "";
	len = strlen(s);
	/* "TITLE:WEIGHT" only when what follows the last colon is a number,
	 * so a title such as "Phase 2: rollout" stays whole */
	if ((colon = strrchr(s, ':')) != NULL) {
		n = trim(colon + 1, strlen(colon + 1), &p);
		if (n > 0 && n < sizeof(num)) {
			memcpy(num, p, n);
			num[n] = '\0';
			if (parse_number(num, &w, NULL) == ERR_OK) {
				if (!(w > 0))
					return err_setf(e, ERR_INVAL,
					    "milestone", "milestone: expected "
					    "a weight greater than 0 after the "
					    "last colon, got %s in \"%s\"", num,
					    s);
				len = (size_t)(colon - s);
			} else
				w = 1;
		}
	}
	if ((n = trim(s, len, &p)) == 0)
		return err_setf(e, ERR_INVAL, "milestone", "milestone: "
		    "expected TITLE or TITLE:WEIGHT, got \"%s\" (no title)", s);
	if ((m->title = arena_alloc(a, n + 1)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	memcpy(m->title, p, n);
	m->title[n] = '\0';
	if (parse_name(m->title, e) != ERR_OK) {
		err_prefix(e, "milestone");
		if (e != NULL)
			snprintf(e->field, sizeof(e->field), "milestone");
		return ERR_INVAL;
	}
	m->weight = w;
	return ERR_OK;
}
