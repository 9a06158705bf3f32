/*
 * kpilink.h: key results whose value comes from a KPI.
 *
 * A key result may name a KPI (kpi/kpi.h), a segment ("team=Tier 1,
 * channel=email") and a window: "cycle" (the cycle to date, the default)
 * or "Nd" (the trailing N days).  kpilink_sync computes, from a snapshot of
 * the data, one point a week from the cycle's start to now and records each
 * as a check-in with source "kpi" and its lineage (window, numerator,
 * denominator, n, definition), replacing the points of an earlier sync: so
 * the data, not a person, moves the key result, and history, pace and band
 * key results work as for manual check-ins.  With kpi_baseline "previous"
 * an unset baseline is taken from the same KPI over the period of equal
 * length before the cycle.
 *
 * Values keep the KPI's unit unless the key result's unit asks for a
 * conversion: a KPI in seconds shown in "min" or "h", a ratio in "%".
 *
 * Ownership: everything returned is allocated in the arena given.
 */
#ifndef OKR_KPILINK_H
#define OKR_KPILINK_H

#include "core/arena.h"
#include "kpi/kpi.h"
#include "kpi/snapshot.h"
#include "okr/okr.h"

/* "team=Tier 1,channel=email" (NULL or "" for none) into a filter. */
enum err_code	kpilink_filter(const char *, struct kpi_filter *,
		    struct arena *, struct err *);
/* "cycle" or NULL: 0; "Nd": N (1..366). */
enum err_code	kpilink_window(const char *, int *days, struct err *);
/* Check a key result's KPI fields (the key exists, filter, window). */
enum err_code	kpilink_check(const struct kr *, struct err *);
/* The factor from the KPI's unit to the key result's unit. */
double		kpilink_scale(const struct kpi_def *, const char *kr_unit);
/*
 * The start of the window of k's KPI point at t: N days before t for an
 * "Nd" kpi_window, else cycle_start (the cycle to date).  kpilink_sync
 * cuts every point so; a window kpilink_window refuses (kpilink_check
 * keeps one from being stored) counts as the cycle's.
 */
int64_t		kpilink_point_from(const struct kr *, int64_t cycle_start,
		    int64_t t);
/* The workspace's business-hours schedule, or NULL when it has none. */
enum err_code	kpilink_schedule(struct okr *, struct arena *,
		    const struct schedule **, struct err *);

/*
 * Recompute the KPI points of the key result ref ("OBJ/KR"), or of every
 * KPI-linked key result in a cycle that is not closed when ref is NULL.
 * *nkr and *npoints (either may be NULL) count what was written.
 */
enum err_code	kpilink_sync(struct okr *, const struct snap *,
		    const char *ref, int *nkr, int *npoints, struct err *);

/* The lineage (JSON text, see kpilink.c) of the latest KPI point of a key
 * result, or *out = NULL when it has none yet. */
enum err_code	kpilink_lineage(struct okr *, int64_t kr_id, struct arena *,
		    char **out, struct err *);

/*
 * Must an edit from a to b recompute b's points?  When b follows a KPI
 * and the link, its segment, window or unit changed, or b has no
 * baseline yet.  A link removed keeps its points as history.
 */
int		kpilink_changed(const struct kr *a, const struct kr *b);

/*
 * kpilink_sync over a snapshot built here from the store, when any key
 * result follows a KPI (nothing to do otherwise): what an import, 'kpi
 * sync' or an edited link runs.  ref as for kpilink_sync.  With ref NULL
 * (the data changed) it also tells the other servers on the database
 * (store_notify "data"), in the caller's transaction.
 */
enum err_code	kpilink_refresh(struct okr *, const char *ref, int *nkr,
		    int *npoints, struct err *);

/* A healthy range of a KPI watched without an OKR (okrdesk kpi corridor). */
struct kpi_corridor {
	char	*kpi;
	char	*team;		/* "" for the whole operation */
	double	 low, high;	/* NAN: open */
};

/* Every corridor, by KPI then team. */
enum err_code	kpilink_corridors(struct okr *, struct arena *,
		    struct kpi_corridor **, size_t *, struct err *);
/* The schedule and holidays as stored (NULL: none). */
enum err_code	kpilink_schedule_text(struct okr *, struct arena *,
		    char **spec, char **holidays, struct err *);

/* One corridor's verdict (okrdesk kpi health, GET /api/v1/health). */
struct kpi_health {
	const struct kpi_def	*def;
	const char		*team;		/* "" for the whole operation */
	double			 value;		/* NAN: no data */
	double			 low, high;	/* NAN: open */
	int64_t			 n;
	const char		*state;		/* "healthy", "below", "above",
						   "no data" */
};

/* Every corridor's KPI over the days before o->now, and its state. */
enum err_code	kpilink_health(struct okr *, const struct snap *, int days,
		    struct arena *, struct kpi_health **, size_t *,
		    struct err *);

/* Is any key result linked to a KPI (so an import should sync)? */
int		kpilink_any(struct okr *);

#endif /* OKR_KPILINK_H */
