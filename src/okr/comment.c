/*
 * comment.c: comments on objectives and key results (see comment.h).
 *
 * A comment row names its subject twice: entity and entity_id, as the
 * history does, and objective_id / kr_id as foreign keys that cascade,
 * so an objective's page lists its own and its key results' comments
 * with one indexed query, and a removed objective leaves none behind.
 */
#include <stdio.h>
#include <string.h>

#include "core/parse.h"
#include "okr/comment.h"
#include "okr/refs.h"

static void
comment_row(struct store_q *q, struct arena *a, void *elem)
{
	struct comment	*c = elem;

	c->id = store_q_int(q, 0);
	c->entity = arena_strdup(a, store_q_text(q, 1));
	c->entity_id = store_q_int(q, 2);
	c->kr = arena_strdup(a, store_q_text(q, 3));
	c->author = arena_strdup(a, store_q_text(q, 4));
	c->at = store_q_int(q, 5);
	c->text = arena_strdup(a, store_q_text(q, 6));
}

/* Is c a white-space byte to trim (ASCII only: text is UTF-8)? */
static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

enum err_code
comment_add(struct okr *o, const char *ref, const char *author,
    const char *text, int64_t *id, struct err *e)
{
	struct arena	 a = ARENA_INIT;
	const char	*slash, *s;
	char		*t, *key;
	size_t		 n;
	int64_t		 obj_id, kr_id = 0, new_id = 0;
	enum err_code	 rc;

	if (ref == NULL || (slash = strchr(ref, '/')) == NULL)
		key = (char *)ref;
	else if ((key = arena_printf(&a, "%.*s", (int)(slash - ref), ref))
	    == NULL) {
		rc = err_set(e, ERR_NOMEM, "out of memory");
		goto out;
	}
	for (s = text != NULL ? text : ""; is_space(*s); s++)
		;
	for (n = strlen(s); n > 0 && is_space(s[n - 1]); n--)
		;
	if (n == 0) {
		rc = err_setf(e, ERR_INVAL, "text", "text: a comment needs "
		    "some text, got nothing");
		goto out;
	}
	if ((t = arena_printf(&a, "%.*s", (int)n, s)) == NULL) {
		rc = err_set(e, ERR_NOMEM, "out of memory");
		goto out;
	}
	if ((rc = parse_text(t, COMMENT_TEXT_MAX, e)) != ERR_OK) {
		err_prefix(e, "text");
		if (e != NULL)
			snprintf(e->field, sizeof(e->field), "text");
		goto out;
	}
	if ((rc = ref_objective(o, key, &obj_id, e)) != ERR_OK ||
	    (key != ref && (rc = ref_kr(o, ref, &kr_id, e)) != ERR_OK))
		goto out;
	if (author == NULL)
		author = o->actor;
	if ((rc = store_int(o->st, STMT_COMMENT_INSERT, &new_id, e, "tiiItit",
	    kr_id != 0 ? "kr" : "objective", kr_id != 0 ? kr_id : obj_id,
	    obj_id, kr_id, author, o->now, t)) != ERR_OK)
		goto out;
	/* the label is the ref, as for key results, so an objective's
	 * history (matched by its key) shows its key results' comments */
	if ((rc = history_add(o, "comment", new_id, ref, "text", NULL, t, e))
	    != ERR_OK)
		goto out;
	if (id != NULL)
		*id = new_id;
out:
	arena_release(&a);
	return rc;
}

enum err_code
comment_list(struct okr *o, const char *key, struct arena *a,
    struct comment **out, size_t *np, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;
	int64_t		 obj_id;

	*out = NULL;
	*np = 0;
	if ((rc = ref_objective(o, key, &obj_id, e)) != ERR_OK ||
	    (rc = store_q_open(o->st, STMT_COMMENT_LIST_OBJ, &q, e, "i",
	    obj_id)) != ERR_OK)
		return rc;
	return rows_collect(q, comment_row, sizeof(**out), a, out, np, e);
}
