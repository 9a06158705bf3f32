/*
 * close_carry.c: carrying the unfinished aspirational objectives of a
 * closed cycle into the next one.  See close.h.
 *
 * What carries is the intent, not the record: the definitions are copied
 * through objective_add and kr_add (so they are validated and logged like
 * any new objective), each key result starts from where the last cycle
 * ended (its final value becomes the baseline), the check-ins stay
 * behind, and the copy is a draft the team reviews before it counts.
 * The copy remembers its source (carried_from), which is also what makes
 * a second carry a no-op.
 */
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "okr/close.h"
#include "okr/refs.h"

#define KEY_MAX	64

/* "2027-Q1" -> "2027-q1" in out (size > KEY_MAX). */
static void
slug(const char *s, char *out, size_t sz)
{
	size_t	 i;

	for (i = 0; s[i] != '\0' && i + 1 < sz; i++) {
		unsigned char c = (unsigned char)tolower((unsigned char)s[i]);

		out[i] = (char)((isalnum(c) && c < 0x80) || c == '-' ||
		    c == '_' ? c : '-');
	}
	out[i] = '\0';
}

char *
close_carry_key(const char *key, const char *from_cycle, const char *next,
    struct arena *a)
{
	char	 from[KEY_MAX + 1], to[KEY_MAX + 1];
	size_t	 kl = strlen(key), fl, tl, keep;

	slug(from_cycle, from, sizeof(from));
	slug(next, to, sizeof(to));
	fl = strlen(from);
	tl = strlen(to);
	/* love-2026-q4 carried again is love-2027-q1, not a growing chain */
	if (fl > 0 && kl > fl + 1 && key[kl - fl - 1] == '-' &&
	    strcmp(key + kl - fl, from) == 0)
		kl -= fl + 1;
	keep = kl;
	if (keep + 1 + tl > KEY_MAX)
		keep = tl + 2 < KEY_MAX ? KEY_MAX - 1 - tl : 1;
	return arena_printf(a, "%.*s-%.*s", (int)keep, key,
	    (int)(KEY_MAX - 1 - keep), to);
}

/* Was the key result finished at the close?  Then it does not carry. */
static int
kr_finished(const struct kr *k, const struct close_final *f)
{
	size_t	 i;
	double	 v = f != NULL ? f->value : NAN;

	switch (k->kind) {
	case KR_INCREASE:
		return !isnan(v) && !isnan(k->target) && v >= k->target;
	case KR_DECREASE:
		return !isnan(v) && !isnan(k->target) && v <= k->target;
	case KR_BOOLEAN:
		return v == 1;
	case KR_MILESTONES:
		for (i = 0; i < k->nms; i++)
			if (k->ms[i].done_at == 0)
				return 0;
		return 1;
	default:
		return 0;	/* a band is kept, never finished */
	}
}

/* Copy the unfinished key results of src into the objective key. */
static enum err_code
copy_krs(struct okr *o, const struct objective *src, const char *key,
    const struct close_final *fv, size_t nf, struct arena *a,
    size_t *ncopied, struct err *e)
{
	struct kr			*v, nk;
	struct milestone		*ms;
	const struct close_final	*f;
	size_t				 n, i, j;
	enum err_code			 rc;

	if ((rc = kr_list_objective(o, src->id, a, &v, &n, e)) != ERR_OK)
		return rc;
	for (i = 0; i < n; i++) {
		f = close_final_of(fv, nf, v[i].id);
		if (kr_finished(&v[i], f))
			continue;
		nk = v[i];
		nk.id = 0;
		nk.objective = (char *)key;
		nk.nms = 0;
		nk.ms = NULL;
		if ((v[i].kind == KR_INCREASE || v[i].kind == KR_DECREASE) &&
		    f != NULL && !isnan(f->value))
			nk.baseline = f->value;
		if (v[i].nms > 0) {
			if ((ms = arena_calloc(a, v[i].nms, sizeof(*ms))) ==
			    NULL)
				return err_set(e, ERR_NOMEM, "out of memory");
			for (j = 0; j < v[i].nms; j++)
				if (v[i].ms[j].done_at == 0) {
					ms[nk.nms] = v[i].ms[j];
					ms[nk.nms++].done_at = 0;
				}
			nk.ms = ms;
		}
		if ((rc = kr_add(o, &nk, e)) != ERR_OK) {
			err_prefix(e, "carrying %s/%s", src->key, v[i].key);
			return rc;
		}
		(*ncopied)++;
	}
	return ERR_OK;
}

/* The key src was (or is now) carried to in next; NULL if none. */
static enum err_code
carried_key(struct okr *o, const char *src, const char *next,
    struct arena *a, char **out, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;
	int		 r;

	*out = NULL;
	if ((rc = store_q_open(o->st, STMT_OBJ_CARRIED_FIND, &q, e, "tt", src,
	    next)) != ERR_OK)
		return rc;
	if ((r = store_q_next(q, e)) < 0)
		rc = e != NULL ? e->code : ERR_STORE;
	else if (r == 1)
		*out = arena_strdup(a, store_q_text(q, 0));
	store_q_close(q);
	return rc;
}

/* Keep the aligns of src whose parent objective was carried too. */
static enum err_code
remap_aligns(struct okr *o, const struct objective *src, const char *key,
    const char *next, struct arena *a, struct carry_result *res,
    struct err *e)
{
	struct objective	 old, nw;
	const char		*slash;
	char			**kept, *parent, *np, *ref;
	size_t			 i, nk = 0;
	int64_t			 id;
	enum err_code		 rc;

	if (src->naligns == 0)
		return ERR_OK;
	if ((kept = arena_calloc(a, src->naligns, sizeof(*kept))) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	for (i = 0; i < src->naligns; i++) {
		slash = strchr(src->aligns[i], '/');
		parent = arena_printf(a, "%.*s", slash != NULL ?
		    (int)(slash - src->aligns[i]) : (int)strlen(src->aligns[i]),
		    src->aligns[i]);
		if (parent == NULL)
			return err_set(e, ERR_NOMEM, "out of memory");
		if ((rc = carried_key(o, parent, next, a, &np, e)) != ERR_OK)
			return rc;
		ref = np == NULL ? NULL : slash == NULL ? np :
		    arena_printf(a, "%s%s", np, slash);
		/* a key result left behind as finished cannot be aligned to */
		if (ref != NULL && slash != NULL &&
		    ref_kr(o, ref, &id, NULL) != ERR_OK)
			ref = NULL;
		if (ref == NULL) {
			res->naligns_dropped++;
			continue;
		}
		kept[nk++] = ref;
	}
	if (nk == 0)
		return ERR_OK;
	if ((rc = objective_get(o, key, a, &old, e)) != ERR_OK)
		return rc;
	nw = old;
	nw.aligns = kept;
	nw.naligns = nk;
	return objective_update(o, &old, &nw, e);
}

enum err_code
close_carry(struct okr *o, const char *from, const char *next,
    struct arena *a, struct carry_result *res, struct err *e)
{
	struct cycle		 cf, cn;
	struct objective	*v, nw;
	struct close_final	*fv = NULL;
	char			*by, *done, *key;
	size_t			 n, nf = 0, i, cap = 0, cap2 = 0, cap3 = 0;
	size_t			 nfrom = 0, ncopy = 0;
	size_t			*copied = NULL;
	int64_t			 at, other;
	enum err_code		 rc;

	memset(res, 0, sizeof(*res));
	if ((rc = cycle_get(o, from, a, &cf, e)) != ERR_OK ||
	    (rc = cycle_get(o, next, a, &cn, e)) != ERR_OK)
		return rc;
	if (cf.id == cn.id)
		return err_setf(e, ERR_CONFLICT, "to", "to: carry from cycle %s "
		    "into another cycle, not into itself", from);
	if ((rc = close_info(o, from, a, &at, &by, e)) != ERR_OK)
		return rc;
	if (at == 0)
		return err_setf(e, ERR_CONFLICT, "cycle", "cycle %s is not "
		    "closed: close it first (okrdesk cycle close %s)", from,
		    from);
	if ((rc = close_guard_cycle(o, next, e)) != ERR_OK)
		return err_setf(e, rc, "to", "to: cycle %s is closed: carry "
		    "into a cycle that is still open", next);
	if ((rc = objective_list(o, from, a, &v, &n, e)) != ERR_OK ||
	    (rc = close_finals(o, from, a, &fv, &nf, e)) != ERR_OK)
		return rc;
	for (i = 0; i < n; i++) {
		/* unfinished: below 1.0, or never measured at all */
		if (v[i].kind != OBJ_ASPIRATIONAL ||
		    progress_reaches(v[i].grade, 1.0))
			continue;
		if ((rc = carried_key(o, v[i].key, next, a, &done, e))
		    != ERR_OK)
			return rc;
		if (done != NULL) {
			res->nskipped++;
			continue;
		}
		if ((key = close_carry_key(v[i].key, from, next, a)) == NULL)
			return err_set(e, ERR_NOMEM, "out of memory");
		if (ref_objective(o, key, &other, NULL) == ERR_OK)
			return err_setf(e, ERR_EXISTS, "key", "cannot carry %s: "
			    "its key in %s, \"%s\", is taken by another "
			    "objective", v[i].key, next, key);
		objective_defaults(&nw);
		nw.key = key;
		nw.cycle = cn.name;
		nw.title = v[i].title;
		nw.description = v[i].description;
		nw.team = v[i].team;
		nw.person = v[i].person;
		nw.kind = v[i].kind;
		nw.weight = v[i].weight;
		nw.state = OBJ_DRAFT;
		if ((rc = objective_add(o, &nw, e)) != ERR_OK ||
		    (rc = store_exec(o->st, STMT_OBJ_CARRIED_SET, e, "it",
		    nw.id, v[i].key)) != ERR_OK ||
		    (rc = history_add(o, "objective", nw.id, key,
		    "carried_from", NULL, v[i].key, e)) != ERR_OK ||
		    (rc = copy_krs(o, &v[i], key, fv, nf, a, &res->nkrs, e))
		    != ERR_OK)
			return rc;
		if (ARENA_PUSH(a, res->from, nfrom, cap) == NULL ||
		    ARENA_PUSH(a, res->to, res->n, cap2) == NULL ||
		    ARENA_PUSH(a, copied, ncopy, cap3) == NULL)
			return err_set(e, ERR_NOMEM, "out of memory");
		res->from[res->n - 1] = v[i].key;
		res->to[res->n - 1] = key;
		copied[ncopy - 1] = i;
	}
	/* every objective is copied above, so each remap finds its parent's
	 * new key whatever the order */
	for (i = 0; i < ncopy; i++)
		if ((rc = remap_aligns(o, &v[copied[i]], res->to[i], next, a,
		    res, e)) != ERR_OK)
			return rc;
	return ERR_OK;
}
