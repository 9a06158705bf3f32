/*
 * okr.h: the OKR domain: a workspace, its teams, people, cycles,
 * objectives, key results and check-ins, and the history of every change.
 *
 * This is the layer both faces (cli/ now, web/ later) call.  It validates
 * every input through the field tables (okr/field.h), resolves names to
 * ids, records history, and talks to the database only through store/.
 * It never begins or ends a transaction on its own: the caller wraps one
 * command (or one request) in okr_begin()/okr_commit(), so a failure
 * anywhere writes nothing.
 *
 * Identity: teams, people and cycles are named by their unique name;
 * objectives by a unique key; key results by "OBJECTIVE/KR" (the KR key is
 * unique within its objective).
 *
 * Ownership: struct okr owns its store.  Entities returned by *_get and
 * *_list live in the arena the caller passes, and die with it.
 */
#ifndef OKR_OKR_H
#define OKR_OKR_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "okr/field.h"
#include "okr/progress.h"
#include "store/store.h"

enum cycle_state { CYCLE_PLANNING, CYCLE_ACTIVE, CYCLE_CLOSED, CYCLE_STATE__MAX };
enum obj_kind { OBJ_COMMITTED, OBJ_ASPIRATIONAL, OBJ_KIND__MAX };
enum obj_state { OBJ_DRAFT, OBJ_ACTIVE, OBJ_CLOSED, OBJ_STATE__MAX };

extern const char *const cycle_state_names[];	/* NULL-terminated */
extern const char *const obj_kind_names[];
extern const char *const obj_state_names[];
/* "monday".."sunday", NULL-terminated: index 0 is Monday (ISO order) */
extern const char *const weekday_names[];

struct workspace {
	char		*name;
	char		*timezone;
	int64_t		 cadence_days;	/* check-in cadence, default 7 */
	int64_t		 grace_days;	/* grace after it, default 3 */
	int		 language;	/* the pages' language: an index of
					   user_lang_names ("en", "ro"), or
					   -1 (unset: each reader's browser
					   decides) */
	int		 checkin_day;	/* the weekday check-ins are due: an
					   index of weekday_names (monday) */
	int64_t		 max_objectives; /* lint: per owner and cycle (5) */
	int64_t		 max_krs;	/* lint: per objective (5) */
	int64_t		 max_kpis;	/* lint: KPIs a team watches (8) */
	int64_t		 version;	/* as read (see "Versions" below) */
};

struct team {
	int64_t		 id;
	char		*name;
	char		*parent;	/* parent team name, or NULL */
	char		*description;
	char		*lead;		/* person who leads it, or NULL */
	int64_t		 cadence_days;	/* 0: the workspace's */
	int64_t		 grace_days;	/* 0: the workspace's */
	int		 checkin_day;	/* weekday_names index; -1: the
					   workspace's */
	int64_t		 version;	/* as read */
};

struct person {
	int64_t		 id;
	char		*name;
	char		*team;		/* team name, or NULL */
	char		*role;		/* job role: agent, lead, ... */
	char		*email;
	int64_t		 version;	/* as read */
};

struct cycle {
	int64_t		 id;
	char		*name;		/* "2026-Q4" */
	char		*start;		/* YYYY-MM-DD, inclusive */
	char		*end;		/* YYYY-MM-DD, inclusive */
	int		 state;		/* enum cycle_state */
	int64_t		 version;	/* as read */
};

struct objective {
	int64_t		 id;
	char		*key;
	char		*cycle;		/* cycle name */
	char		*title;
	char		*description;
	char		*team;		/* owner team name, or NULL */
	char		*person;	/* owner person name, or NULL */
	int		 kind;		/* enum obj_kind */
	int		 state;		/* enum obj_state */
	double		 weight;
	double		 grade;		/* NAN until the cycle is closed */
	char		*retrospective;	/* the lessons, written at close */
	char		*postmortem;	/* why a committed objective fell
					   short of 1.0 */
	char		*carried_from;	/* key of the objective it was
					   carried over from, or NULL */
	char		**aligns;	/* "objective" or "objective/kr" */
	size_t		 naligns;
	int64_t		 version;	/* as read */
};

struct milestone {
	char		*title;
	double		 weight;
	int64_t		 done_at;	/* 0 while not done */
};

struct kr {
	int64_t		 id;
	int64_t		 objective_id;
	char		*objective;	/* objective key */
	char		*key;
	char		*title;
	char		*owner;		/* person name, or NULL */
	int		 kind;		/* enum kr_kind */
	char		*unit;
	double		 baseline, target;	/* NAN if unset */
	double		 low, high;		/* band; NAN = open */
	double		 weight;
	char		*source;	/* "manual" or "kpi" (from kpi below) */
	char		*kpi;		/* a KPI key (kpi/kpi.h) or NULL */
	char		*kpi_filter;	/* "team=Tier 1,channel=email" or NULL */
	char		*kpi_window;	/* "cycle" (NULL) or "Nd" trailing days */
	char		*kpi_baseline;	/* "previous" or NULL */
	struct milestone *ms;
	size_t		 nms;
	int64_t		 version;	/* as read */
};

struct checkin {
	int64_t		 id;
	int64_t		 kr_id;
	int64_t		 at;
	double		 value;
	double		 confidence;	/* NAN if not given */
	char		*note;
	char		*author;
	char		*source;	/* manual, kpi, api */
};

struct history_entry {
	int64_t		 id;
	int64_t		 at;
	char		*who;
	char		*entity;	/* team, person, cycle, objective, kr, checkin, workspace */
	int64_t		 entity_id;
	char		*label;		/* name or key at the time */
	char		*field;
	char		*old;		/* NULL = none */
	char		*new;
};

/* Field tables, NULL-name terminated (okr/fields.c). */
extern const struct field_def workspace_fields[];
extern const struct field_def team_fields[];
extern const struct field_def person_fields[];
extern const struct field_def cycle_fields[];
extern const struct field_def objective_fields[];
extern const struct field_def kr_fields[];
extern const struct field_def checkin_fields[];

/* Blank entities with their defaults (NAN numbers, -1 enums, weight 1). */
void	workspace_defaults(struct workspace *);
void	team_defaults(struct team *);
void	person_defaults(struct person *);
void	cycle_defaults(struct cycle *);
void	objective_defaults(struct objective *);
void	kr_defaults(struct kr *);
void	checkin_defaults(struct checkin *);

struct okr {
	struct store	*st;
	const char	*actor;		/* who, for history */
	int64_t		 now;		/* clock_now() at open */
	struct workspace ws;
	struct arena	 arena;		/* owns ws strings */
	unsigned long	 ws_gen;	/* okr_refresh: the settings'
					   generation this copy holds */
	int		 notified;	/* this transaction told the other
					   processes (store_notify "okr") */
};

/*
 * Open the workspace at db (a path, or later postgresql://...), set the
 * process time zone to the workspace's.  actor names who acts, for history.
 */
enum err_code	okr_open(const char *db, const char *actor, struct okr **,
		    struct err *);
/* Create a new workspace at db (ERR_EXISTS if one is there). */
enum err_code	okr_create(const char *db, const struct workspace *,
		    const char *actor, struct okr **, struct err *);
void		okr_close(struct okr *);
/*
 * Re-read the workspace settings if another connection changed them: a
 * server's other threads, or another process on the same database (a
 * second server, the CLI): name, cadence, grace, language, limits and
 * version.  While a listener runs (okr_listening) it costs nothing
 * unless okr_invalidate or workspace_update ran since this connection's
 * last read; otherwise it reads the settings' version (one small query)
 * and the settings only when that moved.  The process's time zone is
 * not changed: a new zone takes effect at the server's next start.
 */
enum err_code	okr_refresh(struct okr *, struct err *);
/* A listener now delivers (on 1) or no longer delivers (0) the other
 * processes' changes through okr_invalidate; either way every
 * connection re-reads once. */
void		okr_listening(int on);
/* Another process changed the OKRs or settings: every connection of this
 * process re-reads the settings at its next okr_refresh.  Thread-safe. */
void		okr_invalidate(void);

/*
 * A writing transaction.  okr_begin takes the store's write lock first
 * (SQLite: writers queue on its busy timeout rather than fail), then
 * brings the workspace settings up to date; the first history row of the
 * transaction tells the other processes (store_notify "okr", delivered
 * at commit).
 */
enum err_code	okr_begin(struct okr *, struct err *);
enum err_code	okr_commit(struct okr *, struct err *);
void		okr_rollback(struct okr *);

/*
 * Versions (optimistic concurrency, okr/version.c).  The workspace, teams,
 * people, cycles, objectives and key results carry the version they were
 * read at.  X_update(old, new) writes only if the stored row is still at
 * old->version, and bumps it (new->version is the new one); otherwise
 * ERR_CONFLICT with field "version" and a message naming the entity and
 * both versions.  A caller that read old in the same transaction passes it
 * as is; one acting for a client sets old->version to the client's.
 * Check-ins and comments are appends and never conflict.
 */
/*
 * After an "UPDATE ... AND version = $N RETURNING version" of row id run
 * by store_int, which returned rc and got (got untouched, 0, or rc
 * ERR_NOTFOUND: no row matched): ERR_OK with *version = got; the
 * conflict (getver reads the row's version now; label names it); or rc,
 * another error.
 */
enum err_code	okr_versioned(struct okr *, enum err_code rc,
		    enum stmt getver, int64_t id, const char *what,
		    const char *label, int64_t had, int64_t got,
		    int64_t *version, struct err *);

/* Is e such a conflict (rather than another ERR_CONFLICT)? */
int		okr_is_version_conflict(const struct err *);

/* Update workspace settings (name, time zone, cadence, grace,
 * language), if still at ws->version (the one okr_refresh or okr_begin
 * read, or a client's). */
enum err_code	workspace_update(struct okr *, const struct workspace *,
		    struct err *);

/*
 * Each entity has the same five operations:
 *   X_list  all of them, in creation order (objectives and KRs: of one
 *           cycle, or all when cycle is NULL)
 *   X_get   one by identity; ERR_NOTFOUND with a message naming it
 *   X_add   validate, resolve references, insert, record history;
 *           ERR_EXISTS for a duplicate identity
 *   X_update  write new over old (same id), recording each changed field;
 *           a no-op when nothing differs (so apply is idempotent)
 *   X_rm    remove; teams, people and cycles: ERR_CONFLICT while
 *           something still refers to them; objectives and key results
 *           take their key results, check-ins and alignments with them
 */
enum err_code	team_list(struct okr *, struct arena *, struct team **,
		    size_t *, struct err *);
enum err_code	team_get(struct okr *, const char *name, struct arena *,
		    struct team *, struct err *);
enum err_code	team_add(struct okr *, struct team *, struct err *);
enum err_code	team_update(struct okr *, const struct team *old,
		    struct team *new, struct err *);
enum err_code	team_rm(struct okr *, const char *name, struct err *);

enum err_code	person_list(struct okr *, struct arena *, struct person **,
		    size_t *, struct err *);
enum err_code	person_get(struct okr *, const char *name, struct arena *,
		    struct person *, struct err *);
enum err_code	person_add(struct okr *, struct person *, struct err *);
enum err_code	person_update(struct okr *, const struct person *old,
		    struct person *new, struct err *);
enum err_code	person_rm(struct okr *, const char *name, struct err *);

enum err_code	cycle_list(struct okr *, struct arena *, struct cycle **,
		    size_t *, struct err *);
enum err_code	cycle_get(struct okr *, const char *name, struct arena *,
		    struct cycle *, struct err *);
enum err_code	cycle_add(struct okr *, struct cycle *, struct err *);
enum err_code	cycle_update(struct okr *, const struct cycle *old,
		    struct cycle *new, struct err *);
enum err_code	cycle_rm(struct okr *, const char *name, struct err *);
/* The cycle to show by default: the active one containing now, else the
 * one containing now, else the latest that started; ERR_NOTFOUND if none. */
enum err_code	cycle_current(struct okr *, struct arena *, struct cycle *,
		    struct err *);
/* [start, end) of a cycle in seconds UTC, cut in the workspace zone. */
void		cycle_bounds(const struct cycle *, int64_t *start,
		    int64_t *end);

enum err_code	objective_list(struct okr *, const char *cycle,
		    struct arena *, struct objective **, size_t *,
		    struct err *);
enum err_code	objective_get(struct okr *, const char *key, struct arena *,
		    struct objective *, struct err *);
enum err_code	objective_add(struct okr *, struct objective *,
		    struct err *);
enum err_code	objective_update(struct okr *, const struct objective *old,
		    struct objective *new, struct err *);
enum err_code	objective_rm(struct okr *, const char *key, struct err *);

/* ref is "OBJECTIVE/KR". */
enum err_code	kr_list(struct okr *, const char *cycle, struct arena *,
		    struct kr **, size_t *, struct err *);
enum err_code	kr_list_objective(struct okr *, int64_t objective_id,
		    struct arena *, struct kr **, size_t *, struct err *);
enum err_code	kr_get(struct okr *, const char *ref, struct arena *,
		    struct kr *, struct err *);
/* kr->objective names the objective. */
enum err_code	kr_add(struct okr *, struct kr *, struct err *);
enum err_code	kr_update(struct okr *, const struct kr *old, struct kr *new,
		    struct err *);
enum err_code	kr_rm(struct okr *, const char *ref, struct err *);
/* Parse "TITLE" or "TITLE:WEIGHT" into a milestone. */
enum err_code	milestone_parse(const char *, struct arena *,
		    struct milestone *, struct err *);

/*
 * Record a check-in on the key result ref.  c->at 0 means now; a NAN
 * confidence means not given; author NULL means the actor.  The value
 * must suit the KR's kind (0 or 1 for boolean; milestones take
 * checkin_milestone instead).  On success c->id is set.
 */
enum err_code	checkin_add(struct okr *, const char *ref, struct checkin *c,
		    struct err *);
/* Mark a milestone done (done = 1) or not, and record the resulting done
 * share as a check-in: c->value is set to the share, and c->at (0: now)
 * becomes the milestone's done time. */
enum err_code	checkin_milestone(struct okr *, const char *ref,
		    const char *milestone, int done, struct checkin *c,
		    struct err *);
enum err_code	checkin_list(struct okr *, int64_t kr_id, struct arena *,
		    struct checkin **, size_t *, struct err *);

/* History, newest first; entity and label may be NULL (all). */
enum err_code	history_list(struct okr *, const char *entity,
		    const char *label, int64_t limit, struct arena *,
		    struct history_entry **, size_t *, struct err *);
/* Record one change (used by the entity files; old/new may be NULL). */
enum err_code	history_add(struct okr *, const char *entity, int64_t id,
		    const char *label, const char *field, const char *old,
		    const char *new, struct err *);
/* Record every field of tab that differs between old and new (old NULL:
 * every set field of new, as a creation). */
enum err_code	history_diff(struct okr *, const char *entity, int64_t id,
		    const char *label, const struct field_def *tab,
		    const void *old, const void *new, struct err *);

#endif /* OKR_OKR_H */
