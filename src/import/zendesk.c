/*
 * zendesk.c: the Zendesk export reader.  See zendesk.h for what each
 * field of the output means.
 *
 * The files are read one after the other through rows.c into arrays in
 * the caller's arena (users, groups, tickets), with a small open-addressing
 * map from id text to array index for the joins; comments and status
 * changes are folded into their ticket as they are read, except that the
 * status history is sorted by ticket and time first, because an export
 * lists it in no particular order and reopens depend on the order.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/parse.h"
#include "import/rows.h"
#include "import/zendesk.h"

struct zmap_ent {
	const char	*key;
	int		 val;
};

/* id text -> index; the table lives in the arena and doubles when half full */
struct zmap {
	struct zmap_ent	*t;
	size_t		 cap;
	size_t		 n;
};

struct zuser {
	const char	*id;
	const char	*name;
	const char	*role;
	long		 line;
};

struct zticket {
	const char	*id;
	const char	*channel;
	const char	*group;
	const char	*assignee;
	const char	*requester;
	const char	*priority;
	const char	*status;
	long		 line;
	int		 bad;		/* reported already: not emitted */
	int		 merged;
	int64_t		 created;
	int64_t		 first_reply;
	int		 replies;
	int		 has_history;
	int		 has_solved;
	int		 has_closed;
	int64_t		 solved;
	int64_t		 resolved;
	int64_t		 closed;
	int		 reopens;
};

struct zstatus {
	int		 ticket;
	long		 seq;		/* file order, for changes in the same second */
	int64_t		 t;
	const char	*value;
};

struct zd {
	const char	*dir;
	struct arena	*a;
	void		(*bad)(void *, const char *, long, const char *,
			    const char *);
	void		*ctx;
	struct zuser	*users;
	size_t		 nusers, capusers;
	struct zmap	 usermap;
	struct zmap	 groups;		/* id -> index in groupnames */
	const char	**groupnames;
	size_t		 ngroups, capgroups;
	struct zticket	*tickets;
	size_t		 ntickets, captickets;
	struct zmap	 ticketmap;
	struct zmap	 mergedset;
	int		 have_comments;
};

static uint64_t
zhash(const char *s)
{
	uint64_t	 h = 1469598103934665603ULL;	/* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static int
zmap_get(const struct zmap *m, const char *key)
{
	size_t	 i;

	if (m->cap == 0 || key == NULL)
		return -1;
	for (i = zhash(key) & (m->cap - 1); m->t[i].key != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->t[i].key, key) == 0)
			return m->t[i].val;
	return -1;
}

/* Map key to val unless key is there already; -1 when out of memory. */
static int
zmap_put(struct arena *a, struct zmap *m, const char *key, int val)
{
	struct zmap_ent	*old = m->t;
	size_t		 oldcap = m->cap, i, j;

	if (zmap_get(m, key) >= 0)
		return 0;
	if (2 * (m->n + 1) > m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		if ((m->t = arena_calloc(a, m->cap, sizeof(*m->t))) == NULL)
			return -1;
		for (j = 0; j < oldcap; j++) {
			if (old[j].key == NULL)
				continue;
			for (i = zhash(old[j].key) & (m->cap - 1);
			    m->t[i].key != NULL; i = (i + 1) & (m->cap - 1))
				;
			m->t[i] = old[j];
		}
	}
	for (i = zhash(key) & (m->cap - 1); m->t[i].key != NULL;
	    i = (i + 1) & (m->cap - 1))
		;
	m->t[i].key = key;
	m->t[i].val = val;
	m->n++;
	return 0;
}

/* A time of the export: UTC unless it says otherwise. */
static enum err_code
ztime(const char *s, int64_t *t, struct err *e)
{
	char	 z[64];

	if (strlen(s) < sizeof(z) - 1) {
		snprintf(z, sizeof(z), "%sZ", s);
		if (parse_time(z, t, NULL) == ERR_OK)
			return ERR_OK;
	}
	return parse_time(s, t, e);
}

/* Report a row left out; without a bad() callback, stop on it. */
static enum err_code
zbad(struct zd *z, const char *file, long line, const char *field,
    const char *reason, struct err *e)
{

	if (z->bad == NULL)
		return err_setf(e, ERR_INVAL, field, "%s:%ld: %s: %s", file,
		    line, field, reason);
	z->bad(z->ctx, file, line, field, reason);
	return ERR_OK;
}

/*
 * Open dir/file and find its columns (names[i] -> col[i]; a name starting
 * with '?' is optional).  ERR_NOTFOUND when the file does not exist.
 */
static enum err_code
zopen(struct zd *z, const char *file, const char *const *names, int *col,
    int n, struct rows **r, struct err *e)
{
	struct rows_opts	 o = { ROWS_CSV, ',', 0 };
	char			 path[PATH_MAX];
	int			 i, opt;
	enum err_code		 rc;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", z->dir, file) >=
	    sizeof(path))
		return err_set(e, ERR_INVAL, "path too long: \"%s/%s\"",
		    z->dir, file);
	if ((rc = rows_open(path, &o, r, e)) != ERR_OK)
		return rc;
	for (i = 0; i < n; i++) {
		opt = names[i][0] == '?';
		col[i] = rows_column(*r, names[i] + opt);
		if (col[i] < 0 && !opt) {
			rows_close(*r);
			*r = NULL;
			return err_set(e, ERR_INVAL, "%s: no column \"%s\"",
			    file, names[i]);
		}
	}
	return ERR_OK;
}

/*
 * The next good row of r: 1, 0 at the end, -1 on a final error or a bad
 * row without bad() (e set).  Record-level errors go to zbad.
 */
static int
znext(struct zd *z, struct rows *r, const char *file, struct err *e)
{
	int	 rc;

	while ((rc = rows_next(r, e)) < 0) {
		if (rows_failed(r)) {
			err_prefix(e, "%s", file);
			return -1;
		}
		if (zbad(z, file, rows_line(r), "", e->msg, e) != ERR_OK)
			return -1;
	}
	return rc;
}

/* Column col of the current row in the arena; NULL when missing or "". */
static const char *
zval(struct zd *z, struct rows *r, int col)
{
	const char	*s = rows_value(r, col, NULL);

	return s == NULL || *s == '\0' ? NULL : arena_strdup(z->a, s);
}

static enum err_code
zread_users(struct zd *z, int required, struct err *e)
{
	static const char *const names[] = { "id", "name", "role" };
	struct rows	*r;
	struct zuser	*u;
	const char	*file = "user_data.csv";
	int		 col[3], rc;
	enum err_code	 ec;

	if ((ec = zopen(z, file, names, col, 3, &r, e)) != ERR_OK)
		return ec == ERR_NOTFOUND && !required ? ERR_OK : ec;
	while ((rc = znext(z, r, file, e)) > 0) {
		if ((u = ARENA_PUSH(z->a, z->users, z->nusers, z->capusers)) ==
		    NULL)
			break;
		u->id = zval(z, r, col[0]);
		u->name = zval(z, r, col[1]);
		u->role = zval(z, r, col[2]);
		u->line = rows_line(r);
		if (u->id != NULL && zmap_put(z->a, &z->usermap, u->id,
		    (int)z->nusers - 1) < 0)
			break;
	}
	rows_close(r);
	if (rc < 0)
		return e->code;
	if (arena_failed(z->a))
		return err_set(e, ERR_NOMEM, "%s: out of memory", file);
	return ERR_OK;
}

static enum err_code
zread_groups(struct zd *z, struct err *e)
{
	static const char *const names[] = { "id", "name" };
	struct rows	*r;
	const char	*file = "group_data.csv", *id, **g;
	int		 col[2], rc;
	enum err_code	 ec;

	if ((ec = zopen(z, file, names, col, 2, &r, e)) != ERR_OK)
		return ec == ERR_NOTFOUND ? ERR_OK : ec;
	while ((rc = znext(z, r, file, e)) > 0) {
		if ((id = zval(z, r, col[0])) == NULL)
			continue;
		if ((g = ARENA_PUSH(z->a, z->groupnames, z->ngroups,
		    z->capgroups)) == NULL)
			break;
		*g = zval(z, r, col[1]);
		if (zmap_put(z->a, &z->groups, id, (int)z->ngroups - 1) < 0)
			break;
	}
	rows_close(r);
	if (rc < 0)
		return e->code;
	if (arena_failed(z->a))
		return err_set(e, ERR_NOMEM, "%s: out of memory", file);
	return ERR_OK;
}

/* "[1967, 1968]": mark each id as merged into another ticket. */
static int
zmerged(struct zd *z, const char *list)
{
	char	 id[64];
	size_t	 n;

	while (list != NULL && *list != '\0') {
		list += strcspn(list, "0123456789");
		n = strspn(list, "0123456789");
		if (n == 0)
			break;
		if (n < sizeof(id)) {
			memcpy(id, list, n);
			id[n] = '\0';
			if (zmap_put(z->a, &z->mergedset,
			    arena_strdup(z->a, id), 1) < 0)
				return -1;
		}
		list += n;
	}
	return 0;
}

static enum err_code
zread_tickets(struct zd *z, int required, struct err *e)
{
	static const char *const names[] = { "id", "?via_channel",
	    "?group_id", "?assignee_id", "?requester_id", "?priority",
	    "?status", "created_at", "?merged_ticket_ids" };
	struct rows	*r;
	struct zticket	*t;
	const char	*file = "ticket_data.csv", *s;
	struct err	 te;
	int		 col[9], rc, g;
	enum err_code	 ec;
	size_t		 i;

	if ((ec = zopen(z, file, names, col, 9, &r, e)) != ERR_OK)
		return ec == ERR_NOTFOUND && !required ? ERR_OK : ec;
	while ((rc = znext(z, r, file, e)) > 0) {
		if ((t = ARENA_PUSH(z->a, z->tickets, z->ntickets,
		    z->captickets)) == NULL)
			break;
		t->line = rows_line(r);
		t->id = zval(z, r, col[0]);
		t->channel = zval(z, r, col[1]);
		t->group = zval(z, r, col[2]);
		if ((g = zmap_get(&z->groups, t->group)) >= 0 &&
		    z->groupnames[g] != NULL)
			t->group = z->groupnames[g];
		t->assignee = zval(z, r, col[3]);
		t->requester = zval(z, r, col[4]);
		t->priority = zval(z, r, col[5]);
		t->status = zval(z, r, col[6]);
		if ((s = zval(z, r, col[7])) == NULL) {
			t->bad = 1;
			if (zbad(z, file, t->line, "created_at", "is required",
			    e) != ERR_OK)
				break;
		} else if (ztime(s, &t->created, &te) != ERR_OK) {
			t->bad = 1;
			if (zbad(z, file, t->line, "created_at", te.msg, e) !=
			    ERR_OK)
				break;
		}
		if (zmerged(z, zval(z, r, col[8])) < 0)
			break;
		if (t->id != NULL && zmap_put(z->a, &z->ticketmap, t->id,
		    (int)z->ntickets - 1) < 0)
			break;
	}
	rows_close(r);
	if (arena_failed(z->a))
		return err_set(e, ERR_NOMEM, "%s: out of memory", file);
	if (rc != 0)	/* a final error, or a bad row without bad() */
		return e->code;
	for (i = 0; i < z->ntickets; i++)
		z->tickets[i].merged =
		    zmap_get(&z->mergedset, z->tickets[i].id) >= 0;
	return ERR_OK;
}

static int
is_agent(const struct zuser *u)
{

	return u->role != NULL && (strcasecmp(u->role, "agent") == 0 ||
	    strcasecmp(u->role, "admin") == 0);
}

static int
is_true(const char *s)
{

	return s != NULL && (strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0);
}

static enum err_code
zread_comments(struct zd *z, struct err *e)
{
	static const char *const names[] = { "ticket_id", "user_id",
	    "public", "created" };
	struct rows	*r;
	struct zticket	*t;
	const char	*file = "ticket_comment_data.csv", *s;
	struct err	 te;
	int64_t		 when;
	int		 col[4], rc, ti, ui;
	enum err_code	 ec;

	if ((ec = zopen(z, file, names, col, 4, &r, e)) != ERR_OK)
		return ec == ERR_NOTFOUND ? ERR_OK : ec;
	z->have_comments = 1;
	while ((rc = znext(z, r, file, e)) > 0) {
		ti = zmap_get(&z->ticketmap, rows_value(r, col[0], NULL));
		ui = zmap_get(&z->usermap, rows_value(r, col[1], NULL));
		/* only public comments by an agent or admin who is not the
		 * requester are replies */
		if (ti < 0 || ui < 0 || !is_agent(&z->users[ui]) ||
		    !is_true(rows_value(r, col[2], NULL)))
			continue;
		t = &z->tickets[ti];
		if (t->requester != NULL &&
		    strcmp(t->requester, z->users[ui].id) == 0)
			continue;
		s = rows_value(r, col[3], NULL);
		if (s == NULL || ztime(s, &when, &te) != ERR_OK) {
			if (zbad(z, file, rows_line(r), "created", s == NULL ?
			    "is required" : te.msg, e) != ERR_OK) {
				rc = -1;
				break;
			}
			continue;
		}
		if (t->replies == 0 || when < t->first_reply)
			t->first_reply = when;
		t->replies++;
	}
	rows_close(r);
	return rc < 0 ? e->code : ERR_OK;
}

static int
zstatus_cmp(const void *a, const void *b)
{
	const struct zstatus	*x = a, *y = b;

	if (x->ticket != y->ticket)
		return x->ticket < y->ticket ? -1 : 1;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static int
is_done(const char *status)
{

	return status != NULL && (strcasecmp(status, "solved") == 0 ||
	    strcasecmp(status, "closed") == 0);
}

/* Fold the status history into each ticket (see zendesk.h). */
static void
zfold_status(struct zd *z, struct zstatus *st, size_t n)
{
	struct zticket	*t;
	const char	*prev = NULL;
	size_t		 i;

	qsort(st, n, sizeof(*st), zstatus_cmp);
	for (i = 0; i < n; i++) {
		t = &z->tickets[st[i].ticket];
		if (i == 0 || st[i].ticket != st[i - 1].ticket)
			prev = NULL;
		t->has_history = 1;
		if (strcasecmp(st[i].value, "solved") == 0) {
			if (!t->has_solved)
				t->solved = st[i].t;
			t->has_solved = 1;
			t->resolved = st[i].t;
		} else if (strcasecmp(st[i].value, "closed") == 0) {
			t->has_closed = 1;
			t->closed = st[i].t;
		} else if (is_done(prev) &&
		    strcasecmp(st[i].value, "deleted") != 0)
			t->reopens++;
		prev = st[i].value;
	}
}

static enum err_code
zread_history(struct zd *z, struct err *e)
{
	static const char *const names[] = { "field_name", "ticket_id",
	    "updated", "value" };
	struct rows	*r;
	struct zstatus	*st = NULL, *p;
	const char	*file = "ticket_field_history_data.csv", *s;
	struct err	 te;
	size_t		 n = 0, cap = 0;
	int		 col[4], rc, ti;
	enum err_code	 ec;

	if ((ec = zopen(z, file, names, col, 4, &r, e)) != ERR_OK)
		return ec == ERR_NOTFOUND ? ERR_OK : ec;
	while ((rc = znext(z, r, file, e)) > 0) {
		s = rows_value(r, col[0], NULL);
		if (s == NULL || strcmp(s, "status") != 0)
			continue;
		if ((ti = zmap_get(&z->ticketmap, rows_value(r, col[1],
		    NULL))) < 0)
			continue;
		if ((p = ARENA_PUSH(z->a, st, n, cap)) == NULL)
			break;
		p->ticket = ti;
		p->seq = rows_line(r);
		p->value = zval(z, r, col[3]);
		s = rows_value(r, col[2], NULL);
		if (p->value == NULL || s == NULL ||
		    ztime(s, &p->t, &te) != ERR_OK) {
			n--;
			if (zbad(z, file, rows_line(r), p->value == NULL ?
			    "value" : "updated", p->value == NULL || s == NULL ?
			    "is required" : te.msg, e) != ERR_OK) {
				rc = -1;
				break;
			}
		}
	}
	rows_close(r);
	if (rc < 0)
		return e->code;
	if (arena_failed(z->a))
		return err_set(e, ERR_NOMEM, "%s: out of memory", file);
	zfold_status(z, st, n);
	return ERR_OK;
}

static const char *
zuser_name(struct zd *z, const char *id)
{
	int	 u = zmap_get(&z->usermap, id);

	return u >= 0 && z->users[u].name != NULL ? z->users[u].name : id;
}

static enum err_code
zemit_interactions(struct zd *z, int (*emit)(void *, const struct ds_rec *,
    const char *, long, struct err *), struct err *e)
{
	const char	*file = "ticket_data.csv";
	struct zticket	*t;
	struct ds_rec	 rec;
	struct err	 ve;
	size_t		 i;
	enum err_code	 rc;

	for (i = 0; i < z->ntickets; i++) {
		t = &z->tickets[i];
		if (t->bad)
			continue;
		ds_rec_clear(&rec, DS_INTERACTIONS);
		if (t->id != NULL)
			ds_set_text(&rec, IX_ID, t->id);
#define TEXT(f, v) if ((v) != NULL) ds_set_text(&rec, (f), (v))
		TEXT(IX_CHANNEL, t->channel);
		TEXT(IX_TEAM, t->group);
		TEXT(IX_AGENT, t->assignee ? zuser_name(z, t->assignee) : NULL);
		TEXT(IX_CUSTOMER, t->requester);
		TEXT(IX_PRIORITY, t->priority);
		TEXT(IX_STATUS, t->status);
#undef TEXT
		ds_set_int(&rec, IX_CREATED_AT, t->created);
		if (t->replies > 0)
			ds_set_int(&rec, IX_FIRST_REPLY_AT, t->first_reply);
		if (z->have_comments)
			ds_set_int(&rec, IX_AGENT_REPLIES, t->replies);
		if (t->has_solved) {
			ds_set_int(&rec, IX_SOLVED_AT, t->solved);
			ds_set_int(&rec, IX_RESOLVED_AT, t->resolved);
		}
		if (t->has_closed)
			ds_set_int(&rec, IX_CLOSED_AT, t->closed);
		if (t->has_history)
			ds_set_int(&rec, IX_REOPEN_COUNT, t->reopens);
		ds_set_int(&rec, IX_EXCLUDED, t->merged || (t->status != NULL &&
		    strcasecmp(t->status, "deleted") == 0));
		if (ds_validate(&rec, &ve) != ERR_OK) {
			if ((rc = zbad(z, file, t->line, ve.field, ve.msg, e)) !=
			    ERR_OK)
				return rc;
			continue;
		}
		if (emit(z->ctx, &rec, file, t->line, e) != 0)
			return e->code != ERR_OK ? e->code : ERR_INTERNAL;
	}
	return ERR_OK;
}

struct zpair {
	int		 user;
	const char	*group;
};

static int
zpair_cmp(const void *a, const void *b)
{
	const struct zpair	*x = a, *y = b;

	if (x->user != y->user)
		return x->user < y->user ? -1 : 1;
	return strcmp(x->group, y->group);
}

/* Each agent's team: the group they are most often assignee in. */
static const char **
zagent_teams(struct zd *z)
{
	struct zpair	*pairs = NULL, *p;
	const char	**team;
	size_t		 n = 0, cap = 0, i, j, best;
	int		 u;

	team = arena_calloc(z->a, z->nusers + 1, sizeof(*team));
	for (i = 0; team != NULL && i < z->ntickets; i++) {
		u = zmap_get(&z->usermap, z->tickets[i].assignee);
		if (u < 0 || z->tickets[i].group == NULL)
			continue;
		if ((p = ARENA_PUSH(z->a, pairs, n, cap)) == NULL)
			return team;
		p->user = u;
		p->group = z->tickets[i].group;
	}
	if (n == 0)
		return team;
	qsort(pairs, n, sizeof(*pairs), zpair_cmp);
	for (i = 0; i < n; i = j) {
		best = 0;
		for (j = i; j < n && pairs[j].user == pairs[i].user; ) {
			size_t	 k = j;

			while (k < n && pairs[k].user == pairs[j].user &&
			    strcmp(pairs[k].group, pairs[j].group) == 0)
				k++;
			if (k - j > best) {
				best = k - j;
				team[pairs[i].user] = pairs[j].group;
			}
			j = k;
		}
	}
	return team;
}

static enum err_code
zemit_agents(struct zd *z, int (*emit)(void *, const struct ds_rec *,
    const char *, long, struct err *), struct err *e)
{
	const char	*file = "user_data.csv", **team;
	struct ds_rec	 rec;
	struct err	 ve;
	size_t		 i;
	enum err_code	 rc;

	if ((team = zagent_teams(z)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	for (i = 0; i < z->nusers; i++) {
		if (!is_agent(&z->users[i]))
			continue;
		ds_rec_clear(&rec, DS_AGENTS);
		if (z->users[i].id != NULL)
			ds_set_text(&rec, AG_ID, z->users[i].id);
		if (z->users[i].name != NULL)
			ds_set_text(&rec, AG_NAME, z->users[i].name);
		ds_set_text(&rec, AG_ROLE, z->users[i].role);
		if (team[i] != NULL)
			ds_set_text(&rec, AG_TEAM, team[i]);
		if (ds_validate(&rec, &ve) != ERR_OK) {
			if ((rc = zbad(z, file, z->users[i].line, ve.field,
			    ve.msg, e)) != ERR_OK)
				return rc;
			continue;
		}
		if (emit(z->ctx, &rec, file, z->users[i].line, e) != 0)
			return e->code != ERR_OK ? e->code : ERR_INTERNAL;
	}
	return ERR_OK;
}

enum err_code
zendesk_read(const char *dir, enum ds which, int (*emit)(void *,
    const struct ds_rec *, const char *, long, struct err *),
    void (*bad)(void *, const char *, long, const char *, const char *),
    void *ctx, struct arena *a, struct err *e)
{
	struct zd	 z;
	struct err	 local;
	enum err_code	 rc;
	int		 agents = which == DS_AGENTS;

	if (e == NULL)
		e = &local;

	if (which != DS_INTERACTIONS && which != DS_AGENTS)
		return err_set(e, ERR_INVAL, "the zendesk export holds "
		    "interactions and agents, not %s", ds_info[which].name);
	memset(&z, 0, sizeof(z));
	z.dir = dir;
	z.a = a;
	z.bad = bad;
	z.ctx = ctx;
	err_clear(e);
	if ((rc = zread_users(&z, agents, e)) != ERR_OK ||
	    (rc = zread_groups(&z, e)) != ERR_OK ||
	    (rc = zread_tickets(&z, !agents, e)) != ERR_OK)
		return rc;
	if (agents)
		return zemit_agents(&z, emit, e);
	if ((rc = zread_comments(&z, e)) != ERR_OK ||
	    (rc = zread_history(&z, e)) != ERR_OK)
		return rc;
	return zemit_interactions(&z, emit, e);
}
