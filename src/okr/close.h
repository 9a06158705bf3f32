/*
 * close.h: closing a cycle, the lock that follows, and carry-over.
 *
 * close_cycle() freezes what a cycle achieved, in the caller's
 * transaction: each objective's grade (its progress at the cycle end, one
 * decimal, progress_grade()) and state closed; each key result's grade,
 * final value and final status; the KPI movement of every KPI its key
 * results follow (first 4 weeks against last 4 weeks, table cycle_kpi);
 * and the cycle's state closed, closed_at and closed_by.  Every frozen
 * value goes through history.  A committed objective graded below 1.0
 * needs a post-mortem note; when one is missing the close is refused
 * before anything is written, and the message lists each such objective
 * with its grade.
 *
 * A cycle is *closed* once close_cycle() has run on it (closed_at is
 * set); from then on check-ins, key result and objective edits on it are
 * refused with ERR_CONFLICT ("cycle \"2026-Q4\" is closed"), except an
 * objective's retrospective and post-mortem text.  A cycle whose state
 * was merely edited to "closed" is not locked: the freeze is what locks.
 *
 * close_carry() copies the unfinished aspirational objectives of a closed
 * cycle into the next one (definitions, never check-ins), idempotently.
 *
 * Ownership: results live in the arena the caller passes.
 */
#ifndef OKR_CLOSE_H
#define OKR_CLOSE_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "okr/field.h"
#include "okr/okr.h"

/* One entry of a notes file: the text to set on an objective at close. */
struct close_note {
	char		*key;		/* objective key */
	char		*retrospective;	/* NULL: leave as it is */
	char		*postmortem;	/* NULL: leave as it is */
	size_t		 line;		/* where the key is, for messages */
};

struct close_opts {
	int			 force_early;	/* close before the cycle ends */
	const char		*notes_path;	/* for messages ("notes.yaml") */
	const struct close_note	*notes;		/* from close_notes_load */
	size_t			 nnotes;
};

/* One objective as graded by the close. */
struct close_grade {
	const char	*key;
	const char	*title;
	int		 kind;		/* enum obj_kind */
	double		 grade;		/* NAN: no evidence at all */
};

struct close_result {
	const char		*cycle;
	int64_t			 closed_at;
	int64_t			 as_of;		/* the instant graded: the end,
						   or now when closed early */
	struct close_grade	*objs;
	size_t			 nobjs;
	size_t			 nkrs;		/* key results frozen */
	size_t			 nkpis;		/* KPI movements recorded */
	size_t			 nnotes;	/* objectives whose notes changed */
	double			 mean_grade;	/* over graded objectives; NAN */
};

/*
 * Read a notes file: a YAML mapping KEY: {retrospective: TEXT,
 * postmortem: TEXT}.  Errors are ERR_INVAL "PATH:LINE:COLUMN: KEY: what"
 * (an unknown field, text that is not valid, a key given twice); ERR_IO
 * when the file cannot be read.  Whether each key is an objective of the
 * cycle is checked by close_cycle(), which names the file and line too.
 */
enum err_code	close_notes_load(const char *path, struct arena *,
		    struct close_note **, size_t *, struct err *);

/*
 * Close the cycle named cycle at o->now (see the top of this file).
 * Refused with ERR_CONFLICT: a second close ("cycle \"2026-Q4\" was
 * closed on 2026-12-31 by mara"); a cycle that has not ended, unless
 * force_early (the message says the end date); a cycle not yet begun; a
 * committed objective below 1.0 without a post-mortem.  ERR_NOTFOUND for
 * an unknown cycle.  Nothing is written unless the close succeeds; the
 * caller owns the transaction (okr_begin/okr_commit).
 */
enum err_code	close_cycle(struct okr *, const char *cycle,
		    const struct close_opts *, struct arena *,
		    struct close_result *, struct err *);

/* What the close froze of one key result. */
struct close_final {
	int64_t		 id;		/* the key result's */
	double		 grade;		/* NAN: no data, or not closed */
	double		 value;		/* final_value; NAN likewise */
	int		 status;	/* final_status (enum okr_status);
					   -1 when not frozen */
};

/*
 * The frozen grade, final value and final status of every key result of
 * the cycle named cycle, by id (NAN and -1 until the cycle is closed).
 * close_final_of() finds the entry of a key result, or NULL.
 */
enum err_code	close_finals(struct okr *, const char *cycle, struct arena *,
		    struct close_final **, size_t *, struct err *);
const struct close_final *close_final_of(const struct close_final *,
		    size_t, int64_t id);

/*
 * The lock.  ERR_CONFLICT "cycle \"X\" is closed" when the cycle named
 * cycle (or the cycle of the objective with key) was closed; ERR_OK
 * otherwise, including for a name that does not exist (the caller's own
 * lookup reports that).
 */
enum err_code	close_guard_cycle(struct okr *, const char *cycle,
		    struct err *);
enum err_code	close_guard_objective(struct okr *, const char *key,
		    struct err *);
/* When the cycle named cycle was closed and by whom: 0 and NULL when it
 * was not (or does not exist). */
enum err_code	close_info(struct okr *, const char *cycle, struct arena *,
		    int64_t *closed_at, char **closed_by, struct err *);

/*
 * Does any field of tab other than those named in allowed (NULL-
 * terminated, may be NULL) differ between a and b?  Read-only fields are
 * skipped.  Used by the lock: an update that changes nothing, or only
 * retrospective text, is not an edit of a closed cycle.
 */
int		close_fields_differ(const struct field_def *tab,
		    const void *a, const void *b,
		    const char *const *allowed);

/* What a carry-over did. */
struct carry_result {
	char		**from;		/* source keys copied */
	char		**to;		/* the new keys, same order */
	size_t		 n;
	size_t		 nkrs;		/* key results copied */
	size_t		 nskipped;	/* already carried earlier */
	size_t		 naligns_dropped;
};

/*
 * Copy into cycle next the aspirational objectives of the closed cycle
 * from graded below 1.0: title, description, owner, kind, weight, and
 * their key results (kind, unit, target, band, weight, owner, KPI link,
 * the milestones not done) with the baseline set to the key result's
 * final value; never check-ins.  A key result already finished at the
 * close (its target met, a boolean done, every milestone done) is not
 * copied.  The new key is KEY-NEXT (close_carry_key), its state draft,
 * carried_from the source key; alignments are kept only to parents that
 * were carried as well (remapped to their new keys).  An objective
 * already carried into next is skipped, so a second run copies nothing.
 * ERR_CONFLICT when from is not closed, next is closed, or they are the
 * same cycle; ERR_NOTFOUND for an unknown cycle; ERR_EXISTS when the
 * derived key is taken by another objective.
 */
enum err_code	close_carry(struct okr *, const char *from, const char *next,
		    struct arena *, struct carry_result *, struct err *);

/*
 * The key of objective key carried into cycle next: key, without a
 * suffix naming the cycle it came from (from_cycle), then "-" and next in
 * lower case with every character other than a-z, 0-9, '-' and '_' made
 * '-', cut to 64 characters: "love" into "2027-Q1" is "love-2027-q1",
 * and "love-2027-q1" from 2027-Q1 into "2027-Q2" is "love-2027-q2".
 */
char		*close_carry_key(const char *key, const char *from_cycle,
		    const char *next, struct arena *);

#endif /* OKR_CLOSE_H */
