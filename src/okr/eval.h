/*
 * eval.h: one evaluation of a whole cycle, for every face.
 *
 * eval_cycle() loads a cycle with its objectives, key results and every
 * check-in, and the teams and people (one query each), feeds each key
 * result to the progress math (okr/progress.h: the only place the
 * numbers are computed), rolls the key results up into their
 * objectives, and builds the alignment tree.
 * The CLI's status, the web dashboard and the reports all read this one
 * structure, so they cannot disagree.
 *
 * Time: everything is evaluated at the instant now passed in.  The
 * "horizon" of a cycle is now clamped to [start, end], as progress_kr_eval
 * does: check-ins after it are ignored for the values, the confidence, the
 * last check-in and the count, so a past cycle shows what it showed on its
 * last day.
 *
 * Tree: an objective's parents are the objectives of the same cycle that
 * its aligns name, directly ("nps") or through one of their key results
 * ("nps/score").  Roots are the objectives with no parent in the cycle
 * (an alignment to another cycle does not count).  An objective aligned to
 * several parents is a child of each.  Objectives are ordered by their
 * owner's depth in the team tree (the company first, then departments,
 * teams, and people one level below their team), then by key; roots and
 * children keep that order.  okr/ refuses alignment loops, but a store
 * edited by hand may hold one: eval_walk() never follows an objective
 * already on its path and shows any objective the roots do not reach as
 * one more root, so every objective is shown and the walk ends.
 *
 * Ownership: everything in a struct cycle_eval, including the entities it
 * points to, is allocated from the arena given to eval_cycle() and dies
 * with it.
 */
#ifndef OKR_EVAL_H
#define OKR_EVAL_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "okr/okr.h"
#include "okr/pace.h"
#include "okr/progress.h"

#define EVAL_NONE	SIZE_MAX	/* no index */

/*
 * The check-in cadence that applies to an owner: its team's own settings,
 * else the nearest team above with one (each of days, grace and weekday
 * separately), else the workspace's.
 */
struct eval_cadence {
	int64_t			 days;		/* between check-ins */
	int64_t			 grace_days;	/* after a due date */
	int			 weekday;	/* weekday_names index (0 monday) */
};

/* One key result, evaluated. */
struct kr_eval {
	const struct kr		*kr;
	size_t			 obj;		/* index of its objective in objs */
	struct progress_kr	 in;		/* what the math was given */
	struct progress_eval	 ev;		/* what it answered */
	/*
	 * Its check-ins, oldest first; checkins[0..ncheckins) are those at
	 * or before the horizon (all of them, normally).  in.pts holds the
	 * same times and values.
	 */
	const struct checkin	*checkins;
	size_t			 ncheckins;
	int64_t			 last_checkin;	/* time of the latest, 0 if none */
	double			 confidence;	/* the latest one given, NAN if none */
	double			 prev_confidence; /* the given one before it, NAN */
	size_t			 ms_done;	/* milestones done by the horizon */
	struct eval_cadence	 cadence;	/* its objective's owner's; in.cadence
						 * and in.grace are these in seconds */
	struct pace		 pace;		/* projection, needed, trends */
};

/* One objective, evaluated, with its place in the tree. */
struct obj_eval {
	const struct objective	*obj;
	struct progress_objective ev;
	struct kr_eval		*krs;		/* its key results, in order */
	size_t			 nkrs;
	/*
	 * The team that owns it, or the team of the person who owns it
	 * (index into teams; EVAL_NONE for a person without a team).
	 */
	size_t			 team;
	int			 depth;		/* owner depth: company 0; a person
						 * one below their team */
	size_t			*parents;	/* indices into objs, in order */
	size_t			 nparents;
	size_t			*children;	/* indices into objs, in order */
	size_t			 nchildren;
};

/* One team, with the objectives it or its people own. */
struct team_eval {
	const struct team	*team;
	size_t			 parent;	/* index into teams, or EVAL_NONE */
	int			 depth;		/* 0 for a team with no parent */
	size_t			*objs;		/* indices into objs, in order */
	size_t			 nobjs;
};

struct cycle_eval {
	struct cycle		 cycle;
	int64_t			 start, end;	/* [start, end), cycle_bounds() */
	int64_t			 now;		/* as given */
	int64_t			 horizon;	/* now clamped to [start, end] */
	double			 expected;	/* progress_expected() at now */
	int			 week;		/* 1..nweeks; 0 before the start */
	int			 nweeks;	/* weeks begun in the cycle, the last
						 * possibly short */
	struct obj_eval		*objs;		/* by owner depth, then key */
	size_t			 nobjs;
	struct kr_eval		*krs;		/* every key result of the cycle */
	size_t			 nkrs;
	size_t			*roots;		/* indices into objs, in order */
	size_t			 nroots;
	struct team_eval	*teams;		/* every team, in creation order */
	size_t			 nteams;
	struct person		*people;	/* every person, in creation order */
	size_t			 npeople;
};

/*
 * Evaluate the cycle named cycle (NULL: cycle_current()) at now.
 * ERR_NOTFOUND when there is no such cycle, or no cycle at all.
 */
enum err_code	eval_cycle(struct okr *, const char *cycle, int64_t now,
		    struct arena *, struct cycle_eval *, struct err *);

/* The cadence for team t (an index into teams, or EVAL_NONE: the
 * workspace's), as struct eval_cadence describes. */
void		eval_cadence(const struct cycle_eval *, const struct workspace *,
		    size_t t, struct eval_cadence *);

/* Index of the objective with key, or EVAL_NONE. */
size_t		eval_objective(const struct cycle_eval *, const char *key);
/* Index of the team named name, or EVAL_NONE. */
size_t		eval_team(const struct cycle_eval *, const char *name);
/* Index into people of the person named name (NULL: none), or
 * EVAL_NONE. */
size_t		eval_person(const struct cycle_eval *, const char *name);
/*
 * Is the objective owned by team t (an index into teams), one of the teams
 * below it, or a person of one of those teams?
 */
int		eval_owned_under(const struct cycle_eval *,
		    const struct obj_eval *, size_t t);

/* Which objectives a walk shows (NULL: all); arg is eval_walk's. */
typedef int	eval_keep_fn(const struct cycle_eval *, const struct obj_eval *,
		    void *arg);
/* Called for each objective shown, at level 0 for a root; nonzero stops
 * the walk and is returned by it. */
typedef int	eval_visit_fn(const struct cycle_eval *, const struct obj_eval *,
		    int level, void *arg);

/*
 * Walk the alignment tree depth first, in order, calling visit for every
 * objective keep accepts.  A kept objective with no kept parent is shown as
 * a root, so a filtered view loses nothing; an objective is never entered
 * twice on one path (a loop); one the roots do not reach is shown as a
 * root at the end.  An objective aligned to several shown parents is
 * visited under each.  Scratch memory comes from the arena.  Returns 0, a
 * visit's nonzero result, or -1 when the arena is exhausted.
 */
int		eval_walk(const struct cycle_eval *, eval_keep_fn *keep,
		    eval_visit_fn *visit, void *arg, struct arena *);

#endif /* OKR_EVAL_H */
