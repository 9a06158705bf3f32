/*
 * okr.c: opening a workspace, its transactions and its settings.
 *
 * Every connection keeps a copy of the workspace settings (struct okr's
 * ws), so that a server does not read them for each request.  Another
 * connection may change them: a thread of this server (workspace_update
 * bumps ws_generation), or another process on the same database (another
 * server, the CLI).  okr_refresh brings the copy up to date: when a
 * listener delivers other processes' changes (okr_listening: PostgreSQL's
 * LISTEN, see web/server.c) only after a generation bump; otherwise by
 * polling the settings' version, one small read per call.  A writing
 * transaction always re-reads the version first, so an update never
 * starts from a stale copy.
 */
#include <math.h>
#include <stdlib.h>
#include <stdatomic.h>
#include <string.h>

#include "core/clock.h"
#include "okr/okr.h"
#include "okr/user.h"

/* The workspace settings' generation in this process: bumped by every
 * workspace_update and okr_invalidate, so a server's other connections
 * re-read them. */
static _Atomic unsigned long ws_generation;
/* Whether okr_invalidate is told of other processes' changes (then
 * okr_refresh need not poll). */
static atomic_int ws_listening;

/* The stored name of a workspace language, NULL when unset. */
static const char *
ws_language(const struct workspace *ws)
{
	return ws->language >= 0 ? user_lang_names[ws->language] : NULL;
}

/* The index of name in a NULL-terminated list, or dflt. */
static int
name_at(const char *const *names, const char *name, int dflt)
{
	int	 i;

	for (i = 0; name != NULL && names[i] != NULL; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return dflt;
}

/* Read the limits and the check-in weekday from a WS_GET row. */
static void
ws_row_more(struct workspace *ws, struct store_q *q)
{
	ws->checkin_day = name_at(weekday_names, store_q_text(q, 5), 0);
	ws->max_objectives = store_q_int(q, 6);
	ws->max_krs = store_q_int(q, 7);
	ws->max_kpis = store_q_int(q, 8);
	ws->version = store_q_int(q, 9);
}

/* Settings filled in directly (not through field_set) are checked too. */
static enum err_code
ws_check(const struct workspace *ws, struct err *e)
{
	enum err_code	 rc;
	int		 n;

	if ((rc = field_check_required(workspace_fields, ws, "workspace",
	    e)) != ERR_OK || (rc = clock_zone_check(ws->timezone, e)) != ERR_OK)
		return rc;
	for (n = 0; user_lang_names[n] != NULL; n++)
		;
	if (ws->language >= n)
		return err_setf(e, ERR_INVAL, "language", "language: expected "
		    "en or ro, got language number %d", ws->language);
	if (ws->checkin_day < 0 || ws->checkin_day > 6)
		return err_setf(e, ERR_INVAL, "checkin_day", "checkin_day: "
		    "expected monday..sunday, got day number %d",
		    ws->checkin_day);
	return ERR_OK;
}

static enum err_code
load_workspace(struct okr *o, struct err *e)
{
	struct store_q	*q;
	enum err_code	 rc;
	int		 r, i;

	if ((rc = store_q_open(o->st, STMT_WS_GET, &q, e, "")) != ERR_OK)
		return rc;
	if ((r = store_q_next(q, e)) == 1) {
		o->ws.name = arena_strdup(&o->arena, store_q_text(q, 0));
		o->ws.timezone = arena_strdup(&o->arena, store_q_text(q, 1));
		o->ws.cadence_days = store_q_int(q, 2);
		o->ws.grace_days = store_q_int(q, 3);
		o->ws.language = -1;
		/* a name this binary does not know reads as unset */
		for (i = 0; store_q_text(q, 4) != NULL &&
		    user_lang_names[i] != NULL; i++)
			if (strcmp(user_lang_names[i], store_q_text(q, 4)) == 0)
				o->ws.language = i;
		ws_row_more(&o->ws, q);
	}
	store_q_close(q);
	if (r < 0)
		return e ? e->code : ERR_STORE;
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "the workspace has no "
		    "settings: run 'okrdesk init'");
	if (arena_failed(&o->arena))
		return err_set(e, ERR_NOMEM, "out of memory");
	return clock_zone_set(o->ws.timezone, e);
}

static struct okr *
okr_new(const char *actor)
{
	struct okr	*o;

	if ((o = calloc(1, sizeof(*o))) == NULL)
		return NULL;
	o->actor = actor != NULL && *actor != '\0' ? actor : "okrdesk";
	return o;
}

enum err_code
okr_open(const char *db, const char *actor, struct okr **out,
    struct err *e)
{
	struct okr	*o;
	enum err_code	 rc;

	if ((o = okr_new(actor)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	if ((rc = store_open(db, STORE_OPEN_EXISTING, &o->st, e)) != ERR_OK ||
	    (rc = load_workspace(o, e)) != ERR_OK) {
		okr_close(o);
		return rc;
	}
	o->now = clock_now();
	*out = o;
	return ERR_OK;
}

enum err_code
okr_create(const char *db, const struct workspace *ws, const char *actor,
    struct okr **out, struct err *e)
{
	struct okr	*o;
	enum err_code	 rc;
	struct store_q	*q;
	int		 r;

	if ((rc = ws_check(ws, e)) != ERR_OK)
		return rc;
	if ((o = okr_new(actor)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	/* now is read in the workspace's zone, as okr_open will read it
	 * (an OKRDESK_NOW without an offset is a local time) */
	if ((rc = clock_zone_set(ws->timezone, e)) != ERR_OK) {
		okr_close(o);
		return rc;
	}
	o->now = clock_now();	/* the creation is history too */
	if ((rc = store_open(db, STORE_OPEN_CREATE, &o->st, e)) != ERR_OK)
		goto fail;
	if ((rc = store_q_open(o->st, STMT_WS_GET, &q, e, "")) != ERR_OK)
		goto fail;
	r = store_q_next(q, e);
	store_q_close(q);
	if (r != 0) {
		rc = r < 0 ? (e ? e->code : ERR_STORE) : err_set(e, ERR_EXISTS,
		    "%s already holds a workspace", db);
		goto fail;
	}
	if ((rc = store_begin(o->st, e)) != ERR_OK)
		goto fail;
	if ((rc = store_exec(o->st, STMT_WS_INSERT, e, "ttiittiii", ws->name,
	    ws->timezone, ws->cadence_days, ws->grace_days,
	    ws_language(ws), weekday_names[ws->checkin_day],
	    ws->max_objectives, ws->max_krs, ws->max_kpis)) != ERR_OK ||
	    (rc = history_diff(o, "workspace", 1, ws->name, workspace_fields,
	    NULL, ws, e)) != ERR_OK) {
		store_rollback(o->st);
		goto fail;
	}
	if ((rc = store_commit(o->st, e)) != ERR_OK ||
	    (rc = load_workspace(o, e)) != ERR_OK)
		goto fail;
	*out = o;
	return ERR_OK;
fail:
	okr_close(o);
	return rc;
}

void
okr_close(struct okr *o)
{
	if (o == NULL)
		return;
	store_close(o->st);
	arena_release(&o->arena);
	free(o);
}

static enum err_code	ws_reload(struct okr *, unsigned long, struct err *);

enum err_code
okr_begin(struct okr *o, struct err *e)
{
	enum err_code	 rc;
	int64_t		 v = 0;

	if ((rc = store_begin(o->st, e)) != ERR_OK)
		return rc;
	o->notified = 0;
	/* the settings, as they are now (store_begin took SQLite's write
	 * lock first: see struct store_dialect's begin) */
	if ((rc = store_int(o->st, STMT_WS_VERSION, &v, e, "i", (int64_t)1))
	    != ERR_OK ||
	    (v != o->ws.version && (rc = ws_reload(o,
	    atomic_load(&ws_generation), e)) != ERR_OK)) {
		store_rollback(o->st);
		return rc;
	}
	return ERR_OK;
}

enum err_code
okr_commit(struct okr *o, struct err *e)
{
	return store_commit(o->st, e);
}

void
okr_rollback(struct okr *o)
{
	store_rollback(o->st);
}

enum err_code
workspace_update(struct okr *o, const struct workspace *ws, struct err *e)
{
	enum err_code	 rc;
	int64_t		 v = 0;

	if ((rc = ws_check(ws, e)) != ERR_OK)
		return rc;
	if ((rc = history_diff(o, "workspace", 1, ws->name, workspace_fields,
	    &o->ws, ws, e)) != ERR_OK)
		return rc;
	/* every connection of this process re-reads the settings at its
	 * next okr_refresh (even if this transaction rolls back: harmless) */
	atomic_fetch_add(&ws_generation, 1);
	rc = store_int(o->st, STMT_WS_UPDATE, &v, e, "ttiittiiii", ws->name,
	    ws->timezone, ws->cadence_days, ws->grace_days, ws_language(ws),
	    weekday_names[ws->checkin_day], ws->max_objectives, ws->max_krs,
	    ws->max_kpis, ws->version);
	if ((rc = okr_versioned(o, rc, STMT_WS_VERSION, 1, "workspace",
	    o->ws.name, ws->version, v, &o->ws.version, e)) != ERR_OK)
		return rc;
	o->ws.name = arena_strdup(&o->arena, ws->name);
	o->ws.timezone = arena_strdup(&o->arena, ws->timezone);
	o->ws.cadence_days = ws->cadence_days;
	o->ws.grace_days = ws->grace_days;
	o->ws.language = ws->language;
	o->ws.checkin_day = ws->checkin_day;
	o->ws.max_objectives = ws->max_objectives;
	o->ws.max_krs = ws->max_krs;
	o->ws.max_kpis = ws->max_kpis;
	if (arena_failed(&o->arena))
		return err_set(e, ERR_NOMEM, "out of memory");
	return clock_zone_set(o->ws.timezone, e);
}

/* Replace *dst with src when they differ (a copy in the arena). */
static void
refresh_str(struct okr *o, char **dst, const char *src)
{
	char	*c;

	if (src == NULL || (*dst != NULL && strcmp(*dst, src) == 0))
		return;
	if ((c = arena_strdup(&o->arena, src)) != NULL)
		*dst = c;
}

void
okr_listening(int on)
{
	atomic_store(&ws_listening, on != 0);
	okr_invalidate();	/* what was missed meanwhile */
}

void
okr_invalidate(void)
{
	atomic_fetch_add(&ws_generation, 1);
}

enum err_code
okr_refresh(struct okr *o, struct err *e)
{
	unsigned long	 gen = atomic_load(&ws_generation);
	enum err_code	 rc;
	int64_t		 v = 0;

	if (gen != o->ws_gen)
		return ws_reload(o, gen, e);
	if (atomic_load(&ws_listening))
		return ERR_OK;	/* nothing changed since: no query */
	/* another process may have written: its version says */
	if ((rc = store_int(o->st, STMT_WS_VERSION, &v, e, "i", (int64_t)1))
	    != ERR_OK)
		return rc;
	return v == o->ws.version ? ERR_OK : ws_reload(o, gen, e);
}

/* Read the settings again into o->ws, as of generation gen. */
static enum err_code
ws_reload(struct okr *o, unsigned long gen, struct err *e)
{
	struct store_q	*q;
	const char	*lang;
	enum err_code	 rc;
	int		 r, i;

	if ((rc = store_q_open(o->st, STMT_WS_GET, &q, e, "")) != ERR_OK)
		return rc;
	o->ws_gen = gen;
	if ((r = store_q_next(q, e)) == 1) {
		/* copies only when a value changed: the arena grows with
		 * changes, not with requests */
		refresh_str(o, &o->ws.name, store_q_text(q, 0));
		refresh_str(o, &o->ws.timezone, store_q_text(q, 1));
		o->ws.cadence_days = store_q_int(q, 2);
		o->ws.grace_days = store_q_int(q, 3);
		o->ws.language = -1;
		lang = store_q_text(q, 4);
		for (i = 0; lang != NULL && user_lang_names[i] != NULL; i++)
			if (strcmp(user_lang_names[i], lang) == 0)
				o->ws.language = i;
		ws_row_more(&o->ws, q);
	}
	store_q_close(q);
	return r < 0 ? (e ? e->code : ERR_STORE) : ERR_OK;
}
