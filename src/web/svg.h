/*
 * svg.h: the pages' charts as inline SVG, with no style attribute and no
 * script (the CSP forbids both inline): geometry goes in SVG attributes,
 * colours and dashes in classes of assets/okrdesk.css.
 *
 * Two pictures: a progress bar (svg_bar: a 100 x 8 view box, the width of
 * the filled rect is the percentage, a tick at the expected pace) and a
 * line chart (svg_chart: values over time, with an optional band shaded,
 * a target line, a pace line and a dashed forecast) used for a key
 * result's check-ins and a KPI's weekly trend.  The scale and path
 * functions are exposed for the unit tests: the geometry is specified
 * there.  Numbers are written with a decimal point whatever the language
 * (LC_NUMERIC stays "C").
 *
 * Ownership: everything is appended to the caller's buf; inputs are
 * borrowed.
 */
#ifndef WEB_SVG_H
#define WEB_SVG_H

#include <stddef.h>

#include "core/buf.h"

/* A linear map from the domain [d0, d1] to the range [r0, r1]. */
struct svg_scale {
	double	 d0, d1;
	double	 r0, r1;
};

/* v mapped; a domain of zero width maps everything to the range's
 * middle.  Values outside the domain extrapolate. */
double	svg_map(const struct svg_scale *, double v);

/*
 * Widen [*lo, *hi] to hold v (NAN ignored).  Start from lo = INFINITY,
 * hi = -INFINITY.
 */
void	svg_extend(double *lo, double *hi, double v);
/*
 * Make [*lo, *hi] a range worth drawing: nothing seen gives [0, 1]; one
 * value v gives [v - 1, v + 1] (or [v - |v|/10, ...] for large v); then
 * 5% padding on each side, and a range that only just leaves 0 starts
 * at 0.
 */
void	svg_nice(double *lo, double *hi);

struct svg_pt {
	double	 x, y;		/* data space; a NAN y is a gap */
};

/*
 * Append the path data "M x y L x y ..." of pts through the scales, one
 * decimal per coordinate.  A NAN y ends a segment; the next finite point
 * starts a new one with M.  Nothing is written for no finite point.
 */
void	svg_path(struct buf *, const struct svg_scale *sx,
	    const struct svg_scale *sy, const struct svg_pt *pts, size_t n);

/*
 * A progress bar: <svg class="bar" viewBox="0 0 100 8"> with a track,
 * a fill of width 100 * progress (clamped to 0..1, none for NAN) of
 * class "fill st-STATUS", and a pace tick at 100 * expected.  label is
 * the accessible name (escaped).
 */
void	svg_bar(struct buf *, double progress, double expected,
	    const char *status, const char *label);

/* A line chart (svg_chart). */
struct svg_chart {
	double		 x0, x1;	/* the time axis (any unit) */
	const struct svg_pt *pts;	/* the values, by x */
	size_t		 npts;
	double		 target;	/* horizontal target line; NAN none */
	double		 band_lo, band_hi; /* shaded band; both NAN: none;
					   one NAN: open on that side */
	struct svg_pt	 pace[2];	/* expected pace; NAN y: none */
	struct svg_pt	 forecast[2];	/* dashed forecast; NAN y: none */
	const char	*label;		/* accessible name (escaped) */
	const char	*x0_text, *x1_text;	/* axis labels (escaped) */
	const char	*y0_text, *y1_text;	/* NULL: the numbers */
};

/* The chart's layout: a viewBox of SVG_W x SVG_H, the plot inside the
 * margins. */
#define SVG_W		600
#define SVG_H		220
#define SVG_LEFT	56
#define SVG_RIGHT	12
#define SVG_TOP		12
#define SVG_BOTTOM	28

/* The scales svg_chart uses for c (y fitted to every value drawn). */
void	svg_chart_scales(const struct svg_chart *, struct svg_scale *sx,
	    struct svg_scale *sy);
/* Append the chart as one <svg> element. */
void	svg_chart(struct buf *, const struct svg_chart *);

#endif /* WEB_SVG_H */
