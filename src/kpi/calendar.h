/*
 * calendar.h: periods in the workspace time zone, and business hours.
 *
 * Periods (KPIS.md, "time"): day, ISO week starting Monday, month and
 * quarter, cut at local midnight in the process time zone (the workspace's,
 * set with clock_zone_set).  cal_edges() computes a run's bucket edges once,
 * with the C library's mktime, so the engine never calls localtime per
 * record: it finds a record's bucket in a table built from the edges.
 *
 * Business hours: a struct schedule is a week of open intervals (minutes
 * from Monday 00:00 local time) plus holidays (local dates, closed all
 * day).  Open time between two instants is summed interval by interval,
 * each interval's ends turned into instants by mktime in the local zone,
 * so a day that is 23 or 25 hours long (DST) is counted right.
 * schedule_seconds() does this for one span; a struct bizcal compiles the
 * open intervals of a whole range once, with running totals, so the engine
 * answers each record with two binary searches.
 *
 * Ownership: a struct schedule is a plain value (fixed arrays, no heap).
 * Edges and bizcal arrays are arena-owned.
 */
#ifndef KPI_CALENDAR_H
#define KPI_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"

enum cal_unit { CAL_DAY, CAL_WEEK, CAL_MONTH, CAL_QUARTER, CAL__MAX };

/* Most buckets one run may have (a day per bucket for ~180 years). */
#define CAL_EDGES_MAX	65535

/* Local midnight starting the period of unit u that holds t. */
int64_t		cal_period_start(enum cal_unit u, int64_t t);
/* The start of the period after the one starting at start. */
int64_t		cal_period_next(enum cal_unit u, int64_t start);

/*
 * Cut [from, to) into periods of unit u: *edges gets n + 1 instants with
 * edges[0] = from, edges[n] = to and the local period starts in between;
 * from and to need not be period starts (the first and last buckets are
 * then partial).  ERR_INVAL if to <= from, ERR_TOOBIG past CAL_EDGES_MAX.
 */
enum err_code	cal_edges(enum cal_unit u, int64_t from, int64_t to,
		    struct arena *, int64_t **edges, size_t *n, struct err *);

#define SCHEDULE_IV_MAX		64
#define SCHEDULE_HOL_MAX	1024
#define SCHEDULE_WEEK		(7 * 1440)

struct schedule_iv {
	uint16_t	 start, end;	/* minutes from Monday 00:00, same day */
};

struct schedule {
	size_t			 niv;	/* sorted, disjoint */
	struct schedule_iv	 iv[SCHEDULE_IV_MAX];
	size_t			 nhol;	/* sorted, distinct */
	int32_t			 hol[SCHEDULE_HOL_MAX];	/* yyyymmdd */
};

/*
 * Read a weekly schedule and a holiday list:
 *   spec      "mon-fri 09:00-17:00; sat 10:00-14:00"; items separated by
 *             ';', each a day, a range of days (mon-fri, which may wrap:
 *             fri-mon) or a list of both (mon,wed-fri), then one or more
 *             comma-separated HH:MM-HH:MM ranges with the end after the
 *             start and at most 24:00.  Overlapping ranges on a day are
 *             refused.
 *   holidays  "2026-12-25,2026-12-26" or NULL / "" for none.
 * ERR_INVAL with a message quoting the offending piece.
 */
enum err_code	schedule_parse(const char *spec, const char *holidays,
		    struct schedule *, struct err *);
/* The canonical spec ("mon-fri 09:00-17:00; sat 10:00-14:00"), which
 * schedule_parse reads back to the same schedule. */
void		schedule_format(const struct schedule *, struct buf *);
/* The holidays as "2026-12-25,2026-12-26" ("" when none). */
void		schedule_format_holidays(const struct schedule *, struct buf *);
/* Open seconds in [t0, t1) (0 when t1 <= t0). */
int64_t		schedule_seconds(const struct schedule *, int64_t t0,
		    int64_t t1);

/* The open intervals of a schedule over a range, with running totals. */
struct bizcal {
	int64_t		 from, to;
	int64_t		*start, *end;	/* n intervals, sorted */
	int64_t		*cum;		/* open seconds before start[i] */
	size_t		 n;
};

/* Compile s over [from, to). */
enum err_code	bizcal_build(struct bizcal *, const struct schedule *s,
		    int64_t from, int64_t to, struct arena *, struct err *);
/* Open seconds in [t0, t1); both clamped to the compiled range. */
int64_t		bizcal_seconds(const struct bizcal *, int64_t t0, int64_t t1);

#endif /* KPI_CALENDAR_H */
