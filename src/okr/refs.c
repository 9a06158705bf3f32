/*
 * refs.c: names and keys to ids.  See refs.h.
 */
#include <string.h>

#include "okr/refs.h"

/* Run a *_GET statement and take column 0 of its row as the id. */
static enum err_code
ref_id(struct okr *o, enum stmt id, const char *a, const char *b,
    int64_t *out, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;
	int		 r;

	rc = b == NULL ? store_q_open(o->st, id, &q, e, "t", a) :
	    store_q_open(o->st, id, &q, e, "tt", a, b);
	if (rc != ERR_OK)
		return rc;
	if ((r = store_q_next(q, e)) == 1)
		*out = store_q_int(q, 0);
	store_q_close(q);
	if (r < 0)
		return e ? e->code : ERR_STORE;
	return r == 1 ? ERR_OK : ERR_NOTFOUND;
}

enum err_code
ref_team(struct okr *o, const char *name, int64_t *id, struct err *e)
{
	enum err_code	 rc;

	if ((rc = ref_id(o, STMT_TEAM_GET, name, NULL, id, e)) ==
	    ERR_NOTFOUND)
		err_setf(e, rc, "team", "no team named \"%s\"", name);
	return rc;
}

enum err_code
ref_person(struct okr *o, const char *name, int64_t *id, struct err *e)
{
	enum err_code	 rc;

	if ((rc = ref_id(o, STMT_PERSON_GET, name, NULL, id, e)) ==
	    ERR_NOTFOUND)
		err_setf(e, rc, "person", "no person named \"%s\"", name);
	return rc;
}

enum err_code
ref_cycle(struct okr *o, const char *name, int64_t *id, struct err *e)
{
	enum err_code	 rc;

	if ((rc = ref_id(o, STMT_CYCLE_GET, name, NULL, id, e)) ==
	    ERR_NOTFOUND)
		err_setf(e, rc, "cycle", "no cycle named \"%s\"", name);
	return rc;
}

enum err_code
ref_objective(struct okr *o, const char *key, int64_t *id, struct err *e)
{
	enum err_code	 rc;

	if ((rc = ref_id(o, STMT_OBJ_GET, key, NULL, id, e)) == ERR_NOTFOUND)
		err_setf(e, rc, "objective", "no objective with key \"%s\"",
		    key);
	return rc;
}

enum err_code
ref_kr(struct okr *o, const char *ref, int64_t *id, struct err *e)
{
	char		 obj[128];
	const char	*slash;
	size_t		 n;
	enum err_code	 rc;

	if ((slash = strchr(ref, '/')) == NULL ||
	    (n = (size_t)(slash - ref)) == 0 || n >= sizeof(obj) ||
	    slash[1] == '\0')
		return err_setf(e, ERR_INVAL, "kr", "expected a key result as "
		    "OBJECTIVE/KR (nps/score), got \"%s\"", ref);
	memcpy(obj, ref, n);
	obj[n] = '\0';
	if ((rc = ref_id(o, STMT_KR_GET, obj, slash + 1, id, e)) ==
	    ERR_NOTFOUND)
		err_setf(e, rc, "kr", "no key result \"%s\" (objective \"%s\","
		    " key result \"%s\")", ref, obj, slash + 1);
	return rc;
}

enum err_code
rows_collect(struct store_q *q, row_fn *fn, size_t size, struct arena *a,
    void *outp, size_t *np, struct err *e)
{
	unsigned char	*v = NULL, *nv;
	size_t		 n = 0, cap = 0;
	int		 r;

	while ((r = store_q_next(q, e)) == 1) {
		if ((nv = arena_extend(a, v, n, &cap, size)) == NULL)
			break;
		v = nv;
		fn(q, a, v + n * size);
		n++;
	}
	store_q_close(q);
	if (r < 0)
		return e ? e->code : ERR_STORE;
	if (arena_failed(a))
		return err_set(e, ERR_NOMEM, "out of memory");
	memcpy(outp, &v, sizeof(v));
	*np = n;
	return ERR_OK;
}
