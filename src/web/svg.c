/*
 * svg.c: progress bars and line charts as SVG (see svg.h).
 */
#include <math.h>

#include "core/html.h"
#include "web/svg.h"

double
svg_map(const struct svg_scale *s, double v)
{
	if (s->d1 == s->d0)
		return (s->r0 + s->r1) / 2;
	return s->r0 + (v - s->d0) * (s->r1 - s->r0) / (s->d1 - s->d0);
}

void
svg_extend(double *lo, double *hi, double v)
{
	if (!isfinite(v))
		return;
	if (v < *lo)
		*lo = v;
	if (v > *hi)
		*hi = v;
}

void
svg_nice(double *lo, double *hi)
{
	double	 pad, w;

	if (!(*lo <= *hi)) {
		*lo = 0;
		*hi = 1;
		return;
	}
	if (*lo == *hi) {
		w = fabs(*lo) > 10 ? fabs(*lo) / 10 : 1;
		*lo -= w;
		*hi += w;
	}
	pad = (*hi - *lo) * 0.05;
	/* A range of positives close to 0 reads better from 0. */
	if (*lo >= 0 && *lo - pad < 0)
		*lo = 0;
	else
		*lo -= pad;
	*hi += pad;
}

void
svg_path(struct buf *b, const struct svg_scale *sx,
    const struct svg_scale *sy, const struct svg_pt *pts, size_t n)
{
	size_t	 i;
	int	 pen = 0, any = 0;

	for (i = 0; i < n; i++) {
		if (!isfinite(pts[i].y) || !isfinite(pts[i].x)) {
			pen = 0;
			continue;
		}
		buf_printf(b, "%s%c%.1f %.1f", any ? " " : "", pen ? 'L' : 'M',
		    svg_map(sx, pts[i].x), svg_map(sy, pts[i].y));
		pen = any = 1;
	}
}

void
svg_bar(struct buf *b, double progress, double expected,
    const char *status, const char *label)
{
	double	 p;

	html_raw(b, "<svg class=\"bar\" viewBox=\"0 0 100 8\" "
	    "xmlns=\"http://www.w3.org/2000/svg\" "
	    "preserveAspectRatio=\"none\" role=\"img\"");
	html_attr(b, "aria-label", label);
	html_raw(b, "><rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" "
	    "height=\"8\"/>");
	if (isfinite(progress)) {
		p = progress < 0 ? 0 : progress > 1 ? 1 : progress;
		html_printf(b, "<rect class=\"fill st-%s\" x=\"0\" y=\"0\" "
		    "width=\"%.1f\" height=\"8\"/>", status, p * 100);
	}
	if (isfinite(expected)) {
		p = expected < 0 ? 0 : expected > 1 ? 1 : expected;
		html_printf(b, "<rect class=\"pace\" x=\"%.1f\" y=\"0\" "
		    "width=\"0.8\" height=\"8\"/>", p * 99.2);
	}
	html_raw(b, "</svg>");
}

void
svg_chart_scales(const struct svg_chart *c, struct svg_scale *sx,
    struct svg_scale *sy)
{
	double	 lo = INFINITY, hi = -INFINITY;
	size_t	 i;

	for (i = 0; i < c->npts; i++)
		svg_extend(&lo, &hi, c->pts[i].y);
	svg_extend(&lo, &hi, c->target);
	svg_extend(&lo, &hi, c->band_lo);
	svg_extend(&lo, &hi, c->band_hi);
	for (i = 0; i < 2; i++) {
		svg_extend(&lo, &hi, c->pace[i].y);
		svg_extend(&lo, &hi, c->forecast[i].y);
	}
	svg_nice(&lo, &hi);
	sx->d0 = c->x0;
	sx->d1 = c->x1;
	sx->r0 = SVG_LEFT;
	sx->r1 = SVG_W - SVG_RIGHT;
	sy->d0 = lo;
	sy->d1 = hi;
	sy->r0 = SVG_H - SVG_BOTTOM;	/* up is more */
	sy->r1 = SVG_TOP;
}

/* A two-point line of class cls, when both points are finite. */
static void
segment(struct buf *b, const struct svg_scale *sx, const struct svg_scale *sy,
    const struct svg_pt p[2], const char *cls)
{
	if (!isfinite(p[0].y) || !isfinite(p[1].y))
		return;
	html_printf(b, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" "
	    "x2=\"%.1f\" y2=\"%.1f\"/>", cls, svg_map(sx, p[0].x),
	    svg_map(sy, p[0].y), svg_map(sx, p[1].x), svg_map(sy, p[1].y));
}

void
svg_chart(struct buf *b, const struct svg_chart *c)
{
	struct svg_scale	 sx, sy;
	struct svg_pt		 seg[2];
	double			 top, bot, xl = SVG_LEFT, xr = SVG_W - SVG_RIGHT;
	double			 yb = SVG_H - SVG_BOTTOM;
	size_t			 i;

	svg_chart_scales(c, &sx, &sy);
	html_printf(b, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" "
	    "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"", SVG_W, SVG_H);
	html_attr(b, "aria-label", c->label);
	html_raw(b, ">");
	if (c->label != NULL)
		html_printf(b, "<title>%s</title>", c->label);
	/* The band first, so every line is drawn over it. */
	if (isfinite(c->band_lo) || isfinite(c->band_hi)) {
		top = isfinite(c->band_hi) ? svg_map(&sy, c->band_hi) : SVG_TOP;
		bot = isfinite(c->band_lo) ? svg_map(&sy, c->band_lo) : yb;
		if (top < SVG_TOP)
			top = SVG_TOP;
		if (bot > yb)
			bot = yb;
		if (bot > top)
			html_printf(b, "<rect class=\"band\" x=\"%.1f\" "
			    "y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>", xl,
			    top, xr - xl, bot - top);
	}
	html_printf(b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" "
	    "x2=\"%.1f\" y2=\"%.1f\"/>", xl, yb, xr, yb);
	html_printf(b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" "
	    "x2=\"%.1f\" y2=\"%.1f\"/>", xl, SVG_TOP, xl, yb);
	if (isfinite(c->target)) {
		seg[0].x = c->x0;
		seg[1].x = c->x1;
		seg[0].y = seg[1].y = c->target;
		segment(b, &sx, &sy, seg, "target");
	}
	segment(b, &sx, &sy, c->pace, "pace");
	segment(b, &sx, &sy, c->forecast, "forecast");
	if (c->npts > 0) {
		html_raw(b, "<path class=\"values\" d=\"");
		svg_path(b, &sx, &sy, c->pts, c->npts);
		html_raw(b, "\"/>");
		for (i = 0; i < c->npts; i++)
			if (isfinite(c->pts[i].y))
				html_printf(b, "<circle class=\"dot\" "
				    "cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/>",
				    svg_map(&sx, c->pts[i].x),
				    svg_map(&sy, c->pts[i].y));
	}
	/* Axis labels: the ends of each axis. */
	if (c->y1_text != NULL)
		html_printf(b, "<text class=\"lbl\" x=\"%.1f\" y=\"%d\" "
		    "text-anchor=\"end\">%s</text>", xl - 4, SVG_TOP + 8,
		    c->y1_text);
	else
		html_printf(b, "<text class=\"lbl\" x=\"%.1f\" y=\"%d\" "
		    "text-anchor=\"end\">%.4g</text>", xl - 4, SVG_TOP + 8,
		    sy.d1);
	if (c->y0_text != NULL)
		html_printf(b, "<text class=\"lbl\" x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"end\">%s</text>", xl - 4, yb, c->y0_text);
	else
		html_printf(b, "<text class=\"lbl\" x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"end\">%.4g</text>", xl - 4, yb, sy.d0);
	if (c->x0_text != NULL)
		html_printf(b, "<text class=\"lbl\" x=\"%.1f\" y=\"%d\">%s"
		    "</text>", xl, SVG_H - 8, c->x0_text);
	if (c->x1_text != NULL)
		html_printf(b, "<text class=\"lbl\" x=\"%.1f\" y=\"%d\" "
		    "text-anchor=\"end\">%s</text>", xr, SVG_H - 8,
		    c->x1_text);
	html_raw(b, "</svg>");
}
