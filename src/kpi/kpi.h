/*
 * kpi.h: the KPI engine: every KPI of KPIS.md over a snapshot.
 *
 * A KPI is a definition (kpi_defs): a dataset, a measure, the timestamp
 * that places a record in a period, a unit and a direction.  kpi_run
 * answers one query: one KPI over a window [from, to), cut into buckets
 * (day, ISO week, month, quarter in the process time zone) and split by
 * one segment, with the definition's options.  Each cell carries the
 * value with its parts (numerator and denominator, or sum and count) and
 * its sample size n, so ratios roll up as ratios of sums; a cell with no
 * records is "no data" (NAN), never 0.  docs/kpis.md says, KPI by KPI,
 * what is counted and what is left out.
 *
 * Each run is one pass (two for percentiles) over the columns its KPI
 * needs; see kpi_int.h.
 *
 * Ownership: the snapshot and the query are borrowed; the result's cells
 * and group names live in the arena given to kpi_run.
 */
#ifndef KPI_KPI_H
#define KPI_KPI_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "kpi/calendar.h"
#include "kpi/dataset.h"
#include "kpi/snapshot.h"

enum kpi_unit { KU_COUNT, KU_SECONDS, KU_RATIO, KU_SCORE, KU_HOURS, KU_NPS };
enum kpi_dir  { KD_NONE, KD_HIGHER, KD_LOWER };

struct kpi_def {
	const char	*key;		/* "frt_median" */
	const char	*name;		/* "First response time, median" */
	enum ds		 ds;
	const char	*bucket_field;	/* "first_reply_at" */
	enum kpi_unit	 unit;
	enum kpi_dir	 dir;
	const char	*definition;	/* numerator, denominator, n */
};

/* Every built-in KPI, in a stable order; ends with a NULL key. */
extern const struct kpi_def kpi_defs[];
/* The definition called key; NULL if none. */
const struct kpi_def *kpi_def_find(const char *key);
/* "count", "seconds", "ratio", "score", "hours", "nps". */
const char	*kpi_unit_name(enum kpi_unit);

enum kpi_bucket { KB_NONE, KB_DAY, KB_WEEK, KB_MONTH, KB_QUARTER,
		  KB_BUCKET__MAX };	/* not KB__MAX: dataset.h has it */
enum kpi_seg	{ KS_NONE, KS_TEAM, KS_CHANNEL, KS_AGENT, KS_CATEGORY,
		  KS_PRIORITY, KS__MAX };

/* "none", "day", ... and "none", "team", ...; and back (-1: unknown). */
const char	*kpi_bucket_name(enum kpi_bucket);
const char	*kpi_seg_name(enum kpi_seg);
int		 kpi_bucket_find(const char *);
int		 kpi_seg_find(const char *);
const char	*kpi_dir_name(enum kpi_dir);

/* KPIS.md's options; kpi_opts_default gives its defaults. */
struct kpi_opts {
	int	 pct_nearest;		/* 0: linear (type 7), 1: nearest-rank */
	double	 frt_within_s;		/* 3600 */
	int	 fcr_k;			/* 1: most public agent replies */
	int	 fcr_n_days;		/* 7: days without a new contact */
	double	 sl_threshold_s;	/* 20 */
	double	 short_abandon_s;	/* 5 */
	double	 qa_threshold;		/* 80 */
	int	 qa_tenure_days;	/* 0 */
	double	 training_h;		/* 20 */
	int	 resolution_final;	/* 0: first solve, 1: last solve */
	int	 ces_mean;		/* 0: share >= 5, 1: mean */
	int	 include_excluded;	/* 0: spam/deleted/merged left out */
};

/* NULL members: no filter.  A name that no record carries matches none. */
struct kpi_filter { const char *team, *channel, *agent, *category, *priority; };

struct kpi_query {
	const char		*key;
	int64_t			 from, to;	/* [from, to) seconds UTC;
						 * INT64_MIN / INT64_MAX open */
	enum kpi_bucket		 bucket;
	enum kpi_seg		 by;
	struct kpi_filter	 filter;
	struct kpi_opts		 opts;
	const struct schedule	*schedule;	/* non-NULL: frt and resolution
						 * durations in business time */
	int64_t			 now;		/* running SLAs and an open-ended
						 * backlog are judged at now;
						 * 0: clock_now() */
	const double		*probs;		/* a percentile KPI also gives
						 * these quantiles of the same
						 * values, in each cell's q */
	size_t			 nprobs;
};

struct kpi_cell {
	int64_t		 start, end;	/* the bucket (the window if KB_NONE) */
	const char	*group;		/* the segment's value ("(none)" when
					 * not given); NULL when by none */
	double		 value;		/* NAN: no data */
	double		 num, den;	/* the ratio's parts, or sum and count;
					 * NAN if neither */
	int64_t		 n;		/* sample size */
	double		 lo, hi;	/* 95% Wilson interval for survey
					 * ratios; NAN otherwise */
	const double	*q;		/* the query's probs quantiles, or NULL */
};

struct kpi_result { struct kpi_cell *cells; size_t ncells; };	/* arena */

/* The name a record without a value of the segment is grouped under. */
#define KPI_GROUP_NONE	"(none)"

void		kpi_opts_default(struct kpi_opts *);
/* "week,team": a period and/or a segment into q (field "by" on error). */
enum err_code	kpi_parse_by(const char *list, struct kpi_query *,
		    struct err *);
/* A query for key over all time, no buckets, no segment, default options. */
void		kpi_query_init(struct kpi_query *, const char *key);

/*
 * Run q over s.  Cells come in order of bucket, then group name; a bucket
 * with no data still has its cells (value NAN) for groups seen elsewhere
 * in the window, so a series has no holes.  With buckets and an open end,
 * the window is closed at the dataset's first or last instant.
 * ERR_NOTFOUND for an unknown key; ERR_INVAL for a segment or filter the
 * KPI's dataset does not have (qa_score by channel), bad options, or an
 * empty window; ERR_TOOBIG when the cells would not fit in memory.
 */
enum err_code	kpi_run(const struct snap *, const struct kpi_query *,
		    struct arena *, struct kpi_result *, struct err *);

#endif /* KPI_KPI_H */
