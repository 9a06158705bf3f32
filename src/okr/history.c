/*
 * history.c: the record of every change (who, when, what, old -> new).
 *
 * Entities call history_diff() with their field table before they write,
 * so a field is logged exactly when its text form changes; updates that
 * change nothing log nothing, which keeps apply idempotent in history too.
 */
#include <string.h>

#include "okr/okr.h"

enum err_code
history_add(struct okr *o, const char *entity, int64_t id,
    const char *label, const char *field, const char *old, const char *new,
    struct err *e)
{
	enum err_code	 rc;

	/* every edit passes here: the one place to tell other servers
	 * (once a transaction; PostgreSQL delivers it at commit) */
	if (!o->notified) {
		if ((rc = store_notify(o->st, "okr", e)) != ERR_OK)
			return rc;
		o->notified = 1;
	}
	return store_exec(o->st, STMT_HIST_INSERT, e, "ittitttt", o->now,
	    o->actor, entity, id, label, field, old, new);
}

enum err_code
history_diff(struct okr *o, const char *entity, int64_t id,
    const char *label, const struct field_def *tab, const void *old,
    const void *new, struct err *e)
{
	const struct field_def	*f;
	struct buf		 a = BUF_INIT, b = BUF_INIT;
	enum err_code		 rc = ERR_OK;

	for (f = tab; f->name != NULL && rc == ERR_OK; f++) {
		if (f->flags & F_READONLY)
			continue;
		buf_reset(&a);
		buf_reset(&b);
		if (old != NULL)
			field_format(f, old, &a);
		field_format(f, new, &b);
		if (buf_error(&a) != ERR_OK || buf_error(&b) != ERR_OK) {
			rc = err_set(e, ERR_NOMEM, "out of memory");
			break;
		}
		if (old != NULL && (field_isnull(f, old) ==
		    field_isnull(f, new)) &&
		    strcmp(buf_cstr(&a), buf_cstr(&b)) == 0)
			continue;
		if (old == NULL && field_isnull(f, new))
			continue;
		rc = history_add(o, entity, id, label, f->name,
		    old != NULL && !field_isnull(f, old) ? buf_cstr(&a) : NULL,
		    field_isnull(f, new) ? NULL : buf_cstr(&b), e);
	}
	buf_release(&a);
	buf_release(&b);
	return rc;
}

enum err_code
history_list(struct okr *o, const char *entity, const char *label,
    int64_t limit, struct arena *a, struct history_entry **out, size_t *np,
    struct err *e)
{
	struct store_q		*q;
	struct history_entry	*v = NULL, *h;
	size_t			 n = 0, cap = 0;
	enum err_code		 rc;
	int			 r;

	if ((rc = store_q_open(o->st, STMT_HIST_LIST, &q, e, "tti", entity,
	    label, limit > 0 ? limit : INT64_MAX)) != ERR_OK)
		return rc;
	while ((r = store_q_next(q, e)) == 1) {
		if ((h = ARENA_PUSH(a, v, n, cap)) == NULL)
			break;
		h->id = store_q_int(q, 0);
		h->at = store_q_int(q, 1);
		h->who = arena_strdup(a, store_q_text(q, 2));
		h->entity = arena_strdup(a, store_q_text(q, 3));
		h->entity_id = store_q_int(q, 4);
		h->label = arena_strdup(a, store_q_text(q, 5));
		h->field = arena_strdup(a, store_q_text(q, 6));
		h->old = arena_strdup(a, store_q_text(q, 7));
		h->new = arena_strdup(a, store_q_text(q, 8));
	}
	store_q_close(q);
	if (r < 0)
		return e ? e->code : ERR_STORE;
	if (arena_failed(a))
		return err_set(e, ERR_NOMEM, "out of memory");
	*out = v;
	*np = n;
	return ERR_OK;
}
