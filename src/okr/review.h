/*
 * review.h: the cycle review, the report a support director reads at a
 * quarterly review, built once and rendered four ways.
 *
 * review_build() gathers everything from one cycle evaluation
 * (okr/eval.h) and, for a closed cycle, from what the close froze: the
 * grades of objectives and key results, their final values and statuses,
 * and the KPI movement (cycle_kpi).  A cycle that is not closed gets a
 * provisional report: grades are progress_grade() of the progress at
 * now, statuses are those at now, the KPI movement is computed live.
 *
 * review_render() writes it as text (a terminal), Markdown (a wiki),
 * JSON (stable keys, fractions, null for missing; see docs/review.md) or
 * one standalone printable HTML page (inline CSS, no script, every text
 * escaped through core/html.h), the page the web serves at
 * /cycles/C/review.
 *
 * KPI movement: the KPI's value and sample size over the cycle's first 4
 * weeks against its last 4 weeks (up to the horizon), for every distinct
 * KPI and segment the cycle's key results follow; none before week 8.
 *
 * review_int.h holds what only review.c and the renderers share.
 *
 * Ownership: everything in a struct review lives in the arena given to
 * review_build(); the snapshot passed is borrowed.
 */
#ifndef OKR_REVIEW_H
#define OKR_REVIEW_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "kpi/kpi.h"
#include "kpi/snapshot.h"
#include "okr/eval.h"
#include "okr/okr.h"

#define REVIEW_KPI_WEEKS	4	/* the start and end windows */
#define REVIEW_BINS		11	/* grades 0.0, 0.1, ... 1.0 */

enum review_format { REVIEW_TEXT, REVIEW_MD, REVIEW_JSON, REVIEW_HTML,
	REVIEW_FORMAT__MAX };
/* "text", "md", "json", "html", NULL-terminated. */
extern const char *const review_format_names[];
/* The format named s, or -1. */
int		review_format_parse(const char *s);

/* Did a KPI move the way its direction wants? */
enum review_move { MOVE_UNKNOWN, MOVE_BETTER, MOVE_WORSE, MOVE_FLAT,
	MOVE_NO_DIRECTION, MOVE__MAX };
/* "unknown", "better", "worse", "flat", "no direction" */
const char	*review_move_name(enum review_move);

struct review_kpi {
	const struct kpi_def	*def;	/* NULL: a KPI this binary lacks */
	const char		*key;
	const char		*filter;	/* "" for none */
	double			 start, end;	/* NAN: no data */
	int64_t			 start_n, end_n;
	enum review_move	 move;
};

struct review_kr {
	const struct kr_eval	*ke;
	const char		*ref;		/* "OBJ/KR" */
	double			 grade;		/* NAN: no data */
	double			 final_value;	/* NAN: no data */
	enum okr_status		 status;
};

struct review_obj {
	const struct obj_eval	*oe;
	const char		*owner;		/* team or person name */
	double			 grade;		/* NAN: no evidence */
	int			 success;	/* 1, 0; -1 ungraded */
	size_t			 kr0, nkrs;	/* its key results in krs */
};

struct review_team {
	const struct team	*team;
	int			 depth;
	size_t			 nobjs, ngraded, nsuccess;
	double			 mean;		/* NAN when none graded */
};

struct review_kind {
	size_t			 nobjs, ngraded, nsuccess;
	double			 mean;		/* NAN when none graded */
};

struct review {
	struct cycle_eval	 ce;
	const char		*workspace;
	int			 closed;	/* frozen by okrdesk cycle close */
	int64_t			 closed_at;	/* 0 when open */
	const char		*closed_by;
	int64_t			 as_of;		/* the horizon graded */
	struct review_obj	*objs;		/* in ce.objs order */
	size_t			 nobjs;
	struct review_kr	*krs;		/* by objective, in order */
	size_t			 nkrs;
	size_t			 ngraded;
	double			 mean_grade;	/* unweighted; NAN if none */
	size_t			 hist[REVIEW_BINS];
	size_t			 colours[COLOUR__MAX];
	struct review_team	*teams;		/* teams owning objectives */
	size_t			 nteams;
	struct review_kind	 kinds[OBJ_KIND__MAX];
	size_t			 kr_status[STATUS__MAX];
	struct review_kpi	*kpis;
	size_t			 nkpis;
	int64_t			 first_from, first_to;	/* KPI windows */
	int64_t			 last_from, last_to;	/* empty before week 8 */
};

/*
 * Build the review of cycle (NULL: the current one) at now.  snap is the
 * KPI snapshot for the live KPI movement of an open cycle; NULL loads one
 * from the store when a key result follows a KPI.
 */
enum err_code	review_build(struct okr *, const char *cycle, int64_t now,
		    const struct snap *, struct arena *, struct review *,
		    struct err *);

/* The review as one JSON document; NULL when out of memory. */
json_t		*review_json(const struct review *);

/* Append the review in format to b; the buf's error (buf_error). */
enum err_code	review_render(const struct review *, enum review_format,
		    struct buf *);

/*
 * The KPI movement of the evaluated cycle ce at its horizon, computed
 * from snap: one entry per distinct KPI and segment of its key results,
 * in the order first seen.  The windows are [start, start + 4 weeks) and
 * [horizon - 4 weeks, horizon), each cut to the cycle so far; before
 * week 8, when the two would overlap, there is no last window: every
 * end is NAN and every move MOVE_UNKNOWN.
 */
enum err_code	review_kpi_live(struct okr *, const struct cycle_eval *ce,
		    const struct snap *, struct arena *,
		    struct review_kpi **, size_t *, struct err *);

/* Does a key result of the evaluated cycle follow a KPI?  (Only then is
 * a KPI snapshot worth loading.) */
int		review_has_kpi(const struct cycle_eval *ce);

#endif /* OKR_REVIEW_H */
