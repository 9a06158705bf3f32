/*
 * review_html.c: the cycle review as one standalone, printable HTML page.
 *
 * One file that can be mailed or printed: the CSS is inline (with an
 * @media print block that drops the background and keeps tables whole
 * across pages), there is no script and nothing is fetched.  All of the
 * CSS is in the one <style> block, never in a style="" attribute: the
 * web serves the page with a CSP that allows that block by its hash
 * only, so a browser would drop any attribute.  Bar widths and team
 * indents are therefore classes (.w0-.w20, .d0-.d4).  Every piece
 * of data goes through core/html.h, which escapes it; markup comes only
 * from literals here.  The web serves the same page at /cycles/C/review.
 */
#include <math.h>
#include <stdio.h>

#include "core/clock.h"
#include "core/html.h"
#include "okr/review.h"
#include "okr/review_int.h"

#define BAR_UNITS	20	/* the longest bar, in rem: class .w20 */
#define DEPTH_MAX	4	/* deeper teams indent as .d4 */

static const char css[] =
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;"
	"color:#1d2330;background:#f4f5f7;margin:0}"
	".page{max-width:60rem;margin:0 auto;padding:1.5rem 2rem;"
	"background:#fff}"
	"h1{font-size:1.6rem;margin:0 0 .2rem}"
	"h2{font-size:1.15rem;margin:1.8rem 0 .5rem;border-bottom:1px solid "
	"#d8dce3;padding-bottom:.2rem}"
	"h3{font-size:1rem;margin:1.2rem 0 .3rem}"
	".meta{color:#5a6372;margin:0 0 1rem}"
	".provisional{background:#fff4d6;border:1px solid #e8c65a;"
	"padding:.4rem .7rem;border-radius:4px}"
	".tiles{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}"
	".tile{border:1px solid #d8dce3;border-radius:6px;padding:.5rem .9rem;"
	"min-width:7rem}"
	".tile b{display:block;font-size:1.5rem}"
	"table{border-collapse:collapse;width:100%;margin:.3rem 0}"
	"th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid "
	"#e6e9ee;vertical-align:top}"
	"th{font-weight:600;color:#5a6372;font-size:.85rem}"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
	".bar{display:inline-block;height:.8rem;background:#4a6fa5;"
	"vertical-align:middle}"
	".w0{width:0}.w1{width:1rem}.w2{width:2rem}.w3{width:3rem}"
	".w4{width:4rem}.w5{width:5rem}.w6{width:6rem}.w7{width:7rem}"
	".w8{width:8rem}.w9{width:9rem}.w10{width:10rem}.w11{width:11rem}"
	".w12{width:12rem}.w13{width:13rem}.w14{width:14rem}"
	".w15{width:15rem}.w16{width:16rem}.w17{width:17rem}"
	".w18{width:18rem}.w19{width:19rem}.w20{width:20rem}"
	"td.d0{padding-left:.5rem}td.d1{padding-left:1.7rem}"
	"td.d2{padding-left:2.9rem}td.d3{padding-left:4.1rem}"
	"td.d4{padding-left:5.3rem}"
	".chip{display:inline-block;padding:0 .4rem;border-radius:3px;"
	"font-size:.8rem;font-weight:600}"
	".red{background:#f8d7d7;color:#8a1c1c}"
	".yellow{background:#fbefc5;color:#7a5a00}"
	".green{background:#d5f0dc;color:#1c6b35}"
	".none{background:#eceef2;color:#5a6372}"
	".better{color:#1c6b35}.worse{color:#8a1c1c}"
	".lesson p{margin:.2rem 0 .6rem;white-space:pre-wrap}"
	".note{color:#5a6372;font-size:.85rem}"
	"@media print{body{background:#fff;font-size:11pt}"
	".page{max-width:none;padding:0}"
	"table,.lesson,.tiles{page-break-inside:avoid}"
	"h2{page-break-after:avoid}"
	".chip,.bar{-webkit-print-color-adjust:exact;print-color-adjust:"
	"exact}}";

static void
grade_chip(struct buf *b, double g)
{
	char	 s[16];

	if (isnan(g)) {
		html_raw(b, "<span class=\"chip none\">—</span>");
		return;
	}
	review_fmt_grade(g, s, sizeof(s));
	html_printf(b, "<span class=\"chip %s\">%s</span>",
	    colour_name(progress_colour(g)), s);
}

static void
rate(struct buf *b, size_t num, size_t den)
{
	char	 s[16];

	review_fmt_rate(num, den, s, sizeof(s));
	html_puts(b, s);
}

static void
grade_text(struct buf *b, double g)
{
	char	 s[16];

	review_fmt_grade(g, s, sizeof(s));
	html_puts(b, s);
}

/* A mean of grades, two decimals. */
static void
mean_text(struct buf *b, double g)
{
	char	 s[16];

	review_fmt_mean(g, s, sizeof(s));
	html_puts(b, s);
}

static void
head(const struct review *r, struct buf *b)
{
	char	 d[16];

	html_raw(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
	    "charset=\"utf-8\">\n<meta name=\"viewport\" content=\""
	    "width=device-width, initial-scale=1\">\n");
	html_printf(b, "<title>Cycle review %s · %s</title>\n",
	    r->ce.cycle.name, r->workspace != NULL ? r->workspace : "");
	html_raw(b, "<style>");
	html_raw(b, css);
	html_raw(b, "</style></head>\n<body><div class=\"page\">\n");
	html_printf(b, "<h1>Cycle review: %s</h1>\n<p class=\"meta\">%s · "
	    "%s → %s · ", r->ce.cycle.name, r->workspace != NULL ?
	    r->workspace : "", r->ce.cycle.start, r->ce.cycle.end);
	if (r->closed) {
		clock_fmt_date(r->closed_at, d, sizeof(d));
		html_printf(b, "closed on %s by %s</p>\n", d,
		    r->closed_by != NULL ? r->closed_by : "—");
	} else {
		review_fmt_as_of(r, d, sizeof(d));
		html_printf(b, "open</p>\n<p class=\"provisional\"><b>"
		    "Provisional, as of %s.</b> The cycle is not closed: "
		    "grades are the progress so far.</p>\n", d);
	}
	html_printf(b, "<div class=\"tiles\"><div class=\"tile\"><b>%zu</b>"
	    "objectives</div><div class=\"tile\"><b>%zu</b>key results</div>"
	    "<div class=\"tile\"><b>", r->nobjs, r->nkrs);
	mean_text(b, r->mean_grade);
	html_printf(b, "</b>mean grade</div><div class=\"tile\"><b>%zu · %zu "
	    "· %zu</b>green · yellow · red</div></div>\n",
	    r->colours[COLOUR_GREEN], r->colours[COLOUR_YELLOW],
	    r->colours[COLOUR_RED]);
}

static void
histogram(const struct review *r, struct buf *b)
{
	size_t	 i, max = 1, w;

	for (i = 0; i < REVIEW_BINS; i++)
		if (r->hist[i] > max)
			max = r->hist[i];
	html_raw(b, "<h2>Grade distribution</h2>\n<table><tr><th class=\"n\">"
	    "grade</th><th>objectives</th></tr>\n");
	for (i = REVIEW_BINS; i-- > 0; ) {
		/* whole rem, rounded; a bin that holds any is never empty */
		w = (r->hist[i] * BAR_UNITS + max / 2) / max;
		if (w == 0 && r->hist[i] > 0)
			w = 1;
		html_printf(b, "<tr><td class=\"n\">%.1f</td><td><span "
		    "class=\"bar w%zu\"></span> %zu</td></tr>\n",
		    (double)i / 10, w, r->hist[i]);
	}
	html_raw(b, "</table>\n");
}

static void
success(const struct review *r, struct buf *b)
{
	const struct review_kind	*k;
	size_t				 i;

	html_raw(b, "<h2>Success by team</h2>\n<p class=\"note\">Committed "
	    "objectives succeed at 1.0, aspirational ones at 0.7 or more. A "
	    "team counts its own objectives, those of the teams below it and "
	    "of their people.</p>\n<table><tr><th>team</th><th class=\"n\">"
	    "objectives</th><th class=\"n\">succeeded</th><th class=\"n\">"
	    "rate</th><th class=\"n\">mean grade</th></tr>\n");
	for (i = 0; i < r->nteams; i++) {
		html_printf(b, "<tr><td class=\"d%d\">%s</td>"
		    "<td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
		    "<td class=\"n\">", r->teams[i].depth < 0 ? 0 :
		    r->teams[i].depth > DEPTH_MAX ? DEPTH_MAX :
		    r->teams[i].depth, r->teams[i].team->name,
		    r->teams[i].nobjs, r->teams[i].nsuccess);
		rate(b, r->teams[i].nsuccess, r->teams[i].ngraded);
		html_raw(b, "</td><td class=\"n\">");
		mean_text(b, r->teams[i].mean);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</table>\n<h2>Committed vs aspirational</h2>\n<table><tr>"
	    "<th>kind</th><th class=\"n\">objectives</th><th class=\"n\">"
	    "mean grade</th><th class=\"n\">succeeded</th><th class=\"n\">"
	    "rate</th><th class=\"n\">success at</th></tr>\n");
	for (i = 0; i < OBJ_KIND__MAX; i++) {
		k = &r->kinds[i];
		html_printf(b, "<tr><td>%s</td><td class=\"n\">%zu</td>"
		    "<td class=\"n\">", obj_kind_names[i], k->nobjs);
		mean_text(b, k->mean);
		html_printf(b, "</td><td class=\"n\">%zu</td><td class=\"n\">",
		    k->nsuccess);
		rate(b, k->nsuccess, k->ngraded);
		html_printf(b, "</td><td class=\"n\">%s</td></tr>\n",
		    i == OBJ_COMMITTED ? "1.0" : "0.7");
	}
	html_raw(b, "</table>\n");
}

static void
objectives(const struct review *r, struct buf *b)
{
	const struct review_obj	*ro;
	size_t			 i;

	html_raw(b, "<h2>Objectives</h2>\n<table><tr><th class=\"n\">grade"
	    "</th><th>objective</th><th>kind</th><th>owner</th><th>"
	    "succeeded</th></tr>\n");
	for (i = 0; i < r->nobjs; i++) {
		ro = &r->objs[i];
		html_raw(b, "<tr><td class=\"n\">");
		grade_chip(b, ro->grade);
		html_printf(b, "</td><td>%s <span class=\"note\">%s</span></td>"
		    "<td>%s</td><td>%s</td><td>%s</td></tr>\n",
		    ro->oe->obj->title, ro->oe->obj->key,
		    obj_kind_names[ro->oe->obj->kind], ro->owner != NULL ?
		    ro->owner : "", ro->success > 0 ? "yes" :
		    ro->success == 0 ? "no" : "—");
	}
	html_raw(b, "</table>\n");
}

static void
key_results(const struct review *r, struct buf *b)
{
	const struct review_kr	*rk;
	enum okr_status		 st;
	struct buf		 t = BUF_INIT;
	size_t			 i, s;

	html_raw(b, "<h2>Key results by final status</h2>\n<table><tr>"
	    "<th>status</th><th class=\"n\">grade</th><th>key result</th>"
	    "<th class=\"n\">final value</th><th class=\"n\">target</th>"
	    "</tr>\n");
	for (s = 0; s < STATUS__MAX; s++) {
		st = review_status_order[s];
		for (i = 0; i < r->nkrs; i++) {
			rk = &r->krs[i];
			if (rk->status != st)
				continue;
			html_printf(b, "<tr><td>%s</td><td class=\"n\">",
			    okr_status_word(st));
			grade_chip(b, rk->grade);
			html_printf(b, "</td><td>%s <span class=\"note\">%s"
			    "</span></td><td class=\"n\">", rk->ke->kr->title,
			    rk->ref);
			buf_reset(&t);
			review_put_kr_value(&t, rk);
			html_puts(b, buf_cstr(&t));
			html_raw(b, "</td><td class=\"n\">");
			buf_reset(&t);
			review_put_kr_target(&t, rk->ke->kr);
			html_puts(b, buf_cstr(&t));
			html_raw(b, "</td></tr>\n");
		}
	}
	buf_release(&t);
	html_raw(b, "</table>\n");
}

static void
kpis(const struct review *r, struct buf *b)
{
	const struct review_kpi	*k;
	char			 d1[16], d2[16], d3[16], d4[16], a[48], z[48];
	size_t			 i;

	clock_fmt_date(r->first_from, d1, sizeof(d1));
	review_fmt_last_day(r->first_from, r->first_to, d2, sizeof(d2));
	clock_fmt_date(r->last_from, d3, sizeof(d3));
	review_fmt_last_day(r->last_from, r->last_to, d4, sizeof(d4));
	if (review_kpi_early(r))
		html_printf(b, "<h2>KPI movement</h2>\n<p class=\"note\">The "
		    "first %d weeks (%s to %s); no movement yet: less than %d "
		    "weeks in, the last %d weeks would overlap the first. n is "
		    "the sample size.</p>\n", REVIEW_KPI_WEEKS, d1, d2,
		    2 * REVIEW_KPI_WEEKS, REVIEW_KPI_WEEKS);
	else
		html_printf(b, "<h2>KPI movement</h2>\n<p class=\"note\">The "
		    "first %d weeks (%s to %s) against the last %d weeks "
		    "(%s to %s); n is the sample size.</p>\n",
		    REVIEW_KPI_WEEKS, d1, d2, REVIEW_KPI_WEEKS, d3, d4);
	if (r->nkpis == 0) {
		html_raw(b, "<p>No key result of this cycle follows a KPI.</p>"
		    "\n");
		return;
	}
	html_raw(b, "<table><tr><th>KPI</th><th>segment</th><th class=\"n\">"
	    "start</th><th class=\"n\">n</th><th class=\"n\">end</th>"
	    "<th class=\"n\">n</th><th>moved</th></tr>\n");
	for (i = 0; i < r->nkpis; i++) {
		k = &r->kpis[i];
		review_fmt_kpi(k->def, k->start, a, sizeof(a));
		review_fmt_kpi(k->def, k->end, z, sizeof(z));
		html_printf(b, "<tr><td>%s</td><td>%s</td><td class=\"n\">%s"
		    "</td><td class=\"n\">%lld</td><td class=\"n\">%s</td>"
		    "<td class=\"n\">%lld</td><td class=\"%s\">%s</td></tr>\n",
		    k->def != NULL ? k->def->name : k->key,
		    k->filter[0] ? k->filter : "all", a,
		    (long long)k->start_n, z, (long long)k->end_n,
		    k->move == MOVE_BETTER ? "better" : k->move == MOVE_WORSE ?
		    "worse" : "", review_move_name(k->move));
	}
	html_raw(b, "</table>\n");
}

static void
lessons(const struct review *r, struct buf *b)
{
	const struct objective	*ob;
	size_t			 i, n = 0;

	html_raw(b, "<h2>Lessons</h2>\n");
	for (i = 0; i < r->nobjs; i++) {
		ob = r->objs[i].oe->obj;
		if (ob->retrospective == NULL && ob->postmortem == NULL)
			continue;
		n++;
		html_printf(b, "<div class=\"lesson\"><h3>%s <span class=\""
		    "note\">%s · %s, grade ", ob->title, ob->key,
		    obj_kind_names[ob->kind]);
		grade_text(b, r->objs[i].grade);
		html_raw(b, "</span></h3>\n");
		if (ob->retrospective != NULL)
			html_printf(b, "<p><b>Retrospective.</b> %s</p>\n",
			    ob->retrospective);
		if (ob->postmortem != NULL)
			html_printf(b, "<p><b>Post-mortem.</b> %s</p>\n",
			    ob->postmortem);
		html_raw(b, "</div>\n");
	}
	if (n == 0)
		html_raw(b, "<p>None written yet.</p>\n");
}

void
review_html(const struct review *r, struct buf *b)
{
	head(r, b);
	histogram(r, b);
	success(r, b);
	objectives(r, b);
	key_results(r, b);
	kpis(r, b);
	lessons(r, b);
	html_raw(b, "</div></body></html>\n");
}
