/*
 * review_int.h: what review.c and its renderers (review_text.c,
 * review_html.c) share and nobody else needs: the KPI windows, the
 * success test, the order statuses are listed in, the renderers
 * themselves, and the formatters of grades, means, rates, dates and key
 * result values, so the text, Markdown and HTML reports print every
 * number the same way.
 *
 * Ownership: every pointer argument is borrowed for the duration of the
 * call; char buffers are the caller's.
 */
#ifndef OKR_REVIEW_INT_H
#define OKR_REVIEW_INT_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "okr/review.h"

/*
 * The windows review_kpi_live uses, for a cycle evaluated as ce: the
 * first 4 weeks [start, start + 4 weeks) and the last 4 weeks [horizon -
 * 4 weeks, horizon), each cut to the cycle so far.  Before week 8 the
 * last would overlap the first: it is then empty (last_from == last_to
 * == horizon), and there is no movement yet.
 */
void		review_kpi_windows(const struct cycle_eval *ce,
		    int64_t *first_from, int64_t *first_to,
		    int64_t *last_from, int64_t *last_to);
/* Is it too early for a KPI movement (the last window empty)? */
int		review_kpi_early(const struct review *);
/* Whether a KPI with direction dir moved the right way from a to b. */
enum review_move review_kpi_move(enum kpi_dir dir, double a, double b);

/*
 * Did an objective of kind succeed with grade?  Committed: 1.0;
 * aspirational: 0.7 or more (progress_reaches); -1 for NAN (no grade).
 */
int		review_success(int kind, double grade);

/* The order statuses are listed in: finished first, silent last. */
extern const enum okr_status review_status_order[STATUS__MAX];

/* Renderers (review_text.c, review_html.c). */
void		review_text(const struct review *, struct buf *);
void		review_md(const struct review *, struct buf *);
void		review_html(const struct review *, struct buf *);

/* "0.7" (one decimal, a grade) or "—". */
void		review_fmt_grade(double, char *, size_t);
/* "0.55" (two decimals: a mean is not a grade) or "—". */
void		review_fmt_mean(double, char *, size_t);
/* "42%" for num / den, or "—" when den is 0. */
void		review_fmt_rate(size_t num, size_t den, char *, size_t);
/* The last day of [from, to), inclusive, as YYYY-MM-DD. */
void		review_fmt_last_day(int64_t from, int64_t to, char *, size_t);
/* The day an open cycle is graded as of: today, or the cycle's last
 * day once it has ended (as_of is then its exclusive end). */
void		review_fmt_as_of(const struct review *, char *, size_t);

/*
 * A KPI value for reading, in its unit: 87.3% for a ratio, 3.8 h / 42
 * min / 35 s for seconds, plain numbers otherwise; "—" for NAN.
 */
void		review_fmt_kpi(const struct kpi_def *, double v, char *,
		    size_t);
/* A key result's final value as its kind reads (yes / no, "3 of 4
 * milestones", a number with its unit), appended to b. */
void		review_put_kr_value(struct buf *, const struct review_kr *);
/* Its target ("70 NPS", "90–100%", "at least 85%"), appended to b;
 * nothing for boolean and milestones, whose target is done. */
void		review_put_kr_target(struct buf *, const struct kr *);

#endif /* OKR_REVIEW_INT_H */
