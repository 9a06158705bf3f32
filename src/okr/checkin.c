/*
 * checkin.c: check-ins, the observed values of a key result over time.
 *
 * A check-in is a value at a time, with an optional confidence (0..1) and
 * note.  Its value must mean something for the key result's kind, because
 * progress reads it as is: a boolean takes 0 or 1, and a milestones key
 * result is never given a number by hand -- marking a milestone done
 * computes the done share (done weight / total weight) and records that,
 * so the value can never disagree with the milestones.
 *
 * Each check-in writes one history row under the key result's label
 * ("OBJ/KR"), so `history nps/score` shows the values next to the edits.
 * A closed cycle takes no check-in (okr/close.h): its record is final.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/parse.h"
#include "okr/close.h"
#include "okr/okr.h"
#include "okr/refs.h"

#define CHECKIN_NOTE_MAX	4000
/* Clocks drift and zones confuse: a day of slack before "future". */
#define CHECKIN_FUTURE_SLACK	((int64_t)86400)

static const char *const checkin_sources[] = { "manual", "kpi", "api",
	NULL };

static void
checkin_row(struct store_q *q, struct arena *a, void *elem)
{
	struct checkin	*c = elem;

	c->id = store_q_int(q, 0);
	c->at = store_q_int(q, 1);
	c->value = store_q_real(q, 2);
	c->confidence = store_q_real(q, 3);
	c->note = arena_strdup(a, store_q_text(q, 4));
	c->author = arena_strdup(a, store_q_text(q, 5));
	c->source = arena_strdup(a, store_q_text(q, 6));
}

enum err_code
checkin_list(struct okr *o, int64_t kr_id, struct arena *a,
    struct checkin **out, size_t *np, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;
	size_t		 i;

	if ((rc = store_q_open(o->st, STMT_CHECKIN_LIST, &q, e, "i", kr_id))
	    != ERR_OK ||
	    (rc = rows_collect(q, checkin_row, sizeof(**out), a, out, np, e))
	    != ERR_OK)
		return rc;
	for (i = 0; i < *np; i++)
		(*out)[i].kr_id = kr_id;
	return ERR_OK;
}

/* Check and complete what every check-in carries besides its value. */
static enum err_code
checkin_prepare(struct okr *o, struct checkin *c, struct err *e)
{
	char	 t[32];
	size_t	 i;

	if (c->at == 0)
		c->at = o->now;
	else if (c->at > o->now + CHECKIN_FUTURE_SLACK) {
		clock_fmt_time(c->at, t, sizeof(t));
		return err_setf(e, ERR_INVAL, "at", "at: a check-in cannot be "
		    "in the future (got %s)", t);
	}
	if (!isnan(c->confidence) &&
	    !(c->confidence >= 0 && c->confidence <= 1)) {
		field_fmt_number(c->confidence, t, sizeof(t));
		return err_setf(e, ERR_INVAL, "confidence", "confidence: "
		    "expected a number from 0 to 1, got %s", t);
	}
	if (c->note != NULL &&
	    parse_text(c->note, CHECKIN_NOTE_MAX, e) != ERR_OK) {
		err_prefix(e, "note");
		if (e != NULL)
			snprintf(e->field, sizeof(e->field), "note");
		return ERR_INVAL;
	}
	if (c->author == NULL)
		c->author = (char *)o->actor;
	if (c->source == NULL)
		c->source = (char *)"manual";
	for (i = 0; checkin_sources[i] != NULL; i++)
		if (strcmp(checkin_sources[i], c->source) == 0)
			return ERR_OK;
	return err_setf(e, ERR_INVAL, "source", "source: expected manual, kpi "
	    "or api, got \"%s\"", c->source);
}

/* Insert c on k and record one history row field: old -> new. */
static enum err_code
checkin_store(struct okr *o, const struct kr *k, struct checkin *c,
    const char *field, const char *old, const char *new, struct err *e)
{
	enum err_code	 rc;
	char		 label[160];

	c->kr_id = k->id;
	if ((rc = store_int(o->st, STMT_CHECKIN_INSERT, &c->id, e, "iirrttt",
	    k->id, c->at, c->value, c->confidence, c->note, c->author,
	    c->source)) != ERR_OK)
		return rc;
	snprintf(label, sizeof(label), "%s/%s", k->objective, k->key);
	return history_add(o, "checkin", c->id, label, field, old, new, e);
}

/* The latest value of k as text in buf ("" when it has none yet). */
static enum err_code
checkin_latest(struct okr *o, const struct kr *k, struct arena *a,
    char *buf, size_t sz, struct err *e)
{
	struct checkin	*v;
	size_t		 n;
	enum err_code	 rc;

	buf[0] = '\0';
	if ((rc = checkin_list(o, k->id, a, &v, &n, e)) != ERR_OK)
		return rc;
	/* CHECKIN_LIST is oldest first */
	if (n > 0)
		field_fmt_number(v[n - 1].value, buf, sz);
	return ERR_OK;
}

enum err_code
checkin_add(struct okr *o, const char *ref, struct checkin *c,
    struct err *e)
{
	struct arena	 a = ARENA_INIT;
	struct kr	 k;
	char		 old[32], new[32];
	enum err_code	 rc;

	if ((rc = kr_get(o, ref, &a, &k, e)) != ERR_OK ||
	    (rc = close_guard_objective(o, k.objective, e)) != ERR_OK)
		goto out;
	field_fmt_number(c->value, new, sizeof(new));
	if (k.kind == KR_MILESTONES)
		rc = err_setf(e, ERR_INVAL, "value", "value: \"%s\" is a "
		    "milestones key result, which takes no value: use --done "
		    "MILESTONE", ref);
	else if (isnan(c->value))
		rc = err_setf(e, ERR_INVAL, "value", "value: a check-in needs "
		    "a value");
	else if (!isfinite(c->value))
		rc = err_setf(e, ERR_INVAL, "value", "value: expected a finite "
		    "number, got %s", new);
	else if (k.kind == KR_BOOLEAN && c->value != 0 && c->value != 1)
		rc = err_setf(e, ERR_INVAL, "value", "value: expected 0 or 1 "
		    "(or yes/no) for a boolean key result, got %s", new);
	if (rc != ERR_OK ||
	    (rc = checkin_prepare(o, c, e)) != ERR_OK ||
	    (rc = checkin_latest(o, &k, &a, old, sizeof(old), e)) != ERR_OK)
		goto out;
	rc = checkin_store(o, &k, c, "value", old[0] != '\0' ? old : NULL,
	    new, e);
out:
	arena_release(&a);
	return rc;
}

/* "a", "b", "c": the titles of k's milestones, for error messages. */
static void
ms_titles(const struct kr *k, struct buf *b)
{
	size_t	 i;

	for (i = 0; i < k->nms; i++)
		buf_printf(b, "%s\"%s\"", i ? ", " : "", k->ms[i].title);
}

enum err_code
checkin_milestone(struct okr *o, const char *ref, const char *title,
    int done, struct checkin *c, struct err *e)
{
	struct arena	 a = ARENA_INIT;
	struct buf	 b = BUF_INIT;
	struct kr	 k;
	const char	*field;
	char		 old[32], new[32];
	double		 total = 0, sum = 0;
	size_t		 i, hit;
	int		 was;
	enum err_code	 rc;

	done = done != 0;
	if ((rc = kr_get(o, ref, &a, &k, e)) != ERR_OK ||
	    (rc = close_guard_objective(o, k.objective, e)) != ERR_OK)
		goto out;
	if (k.kind != KR_MILESTONES) {
		rc = err_setf(e, ERR_INVAL, "milestone", "milestone: \"%s\" is "
		    "a %s key result, not milestones: check in a value "
		    "instead", ref, kr_kind_names[k.kind]);
		goto out;
	}
	for (hit = 0; hit < k.nms; hit++)
		if (title != NULL && strcmp(k.ms[hit].title, title) == 0)
			break;
	if (hit == k.nms) {
		ms_titles(&k, &b);
		rc = err_setf(e, ERR_NOTFOUND, "milestone", "milestone: no "
		    "milestone \"%s\" in \"%s\" (known: %s)",
		    title != NULL ? title : "", ref, buf_cstr(&b));
		goto out;
	}
	if ((rc = checkin_prepare(o, c, e)) != ERR_OK ||
	    (rc = checkin_latest(o, &k, &a, old, sizeof(old), e)) != ERR_OK)
		goto out;
	was = k.ms[hit].done_at != 0;
	for (i = 0; i < k.nms; i++) {
		total += k.ms[i].weight;
		if (i == hit ? done : k.ms[i].done_at != 0)
			sum += k.ms[i].weight;
	}
	/* the value is derived, whatever the caller put there */
	c->value = total > 0 ? sum / total : 0;
	field_fmt_number(c->value, new, sizeof(new));
	if (was == done) {
		/* nothing changes but the check-in itself (a note, a
		 * confidence); keep the original done time */
		rc = checkin_store(o, &k, c, "value",
		    old[0] != '\0' ? old : NULL, new, e);
		goto out;
	}
	/* done at the check-in's time, so a back-dated --at is honoured */
	if ((rc = store_exec(o->st, STMT_MS_SET_DONE, e, "itI", k.id, title,
	    done ? c->at : 0)) != ERR_OK)
		goto out;
	if ((field = arena_printf(&a, "milestone:%s", title)) == NULL) {
		rc = err_set(e, ERR_NOMEM, "out of memory");
		goto out;
	}
	rc = checkin_store(o, &k, c, field, was ? "done" : "open",
	    done ? "done" : "open", e);
out:
	buf_release(&b);
	arena_release(&a);
	return rc;
}
