/*
 * review_text.c: the cycle review as terminal text and as Markdown.
 *
 * Both follow the same order, the order a quarterly review goes in: the
 * headline, how the grades spread, who succeeded (teams, then committed
 * against aspirational), every objective with its grade, the key results
 * by how they ended, what the KPIs did, and last the lessons in the
 * teams' own words.  The numbers are review.c's; nothing is computed here
 * but layout.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/text.h"
#include "okr/review.h"
#include "okr/review_int.h"

#define WRAP	76	/* lessons are wrapped to this width */
#define TITLE_W	44
#define KEY_W	16
#define OWNER_W	18
#define TEAM_W	26
#define KPI_W	48

/* The order key results are listed in: finished first, silent last. */
const enum okr_status review_status_order[STATUS__MAX] = {
	STATUS_DONE, STATUS_ON_TRACK, STATUS_AT_RISK, STATUS_OFF_TRACK,
	STATUS_OUTDATED, STATUS_NO_DATA,
};

/* s (NULL: nothing) in exactly w columns. */
static void
cell(struct buf *b, const char *s, size_t w)
{
	text_cell(b, s != NULL ? s : "", w);
}

/* Dates of the report's header: "2026-10-01 → 2026-12-31 · closed ...". */
static void
header_state(const struct review *r, struct buf *b)
{
	char	 d[16];

	if (r->closed) {
		clock_fmt_date(r->closed_at, d, sizeof(d));
		buf_printf(b, "closed on %s by %s", d, r->closed_by != NULL ?
		    r->closed_by : "—");
	} else {
		review_fmt_as_of(r, d, sizeof(d));
		buf_printf(b, "PROVISIONAL, as of %s: the cycle is not closed,"
		    " grades are the progress so far", d);
	}
}

/* Text wrapped to WRAP columns, each line starting with indent. */
static void
wrap(struct buf *b, const char *indent, const char *s)
{
	const char	*p = s, *w, *line;
	size_t		 col, ind = text_width(indent), wl;

	while (*p != '\0') {
		buf_puts(b, indent);
		col = ind;
		line = p;
		while (*p != '\0' && *p != '\n') {
			for (w = p; *w != '\0' && *w != ' ' && *w != '\n'; w++)
				continue;
			wl = (size_t)(w - p);
			if (col + wl > WRAP && p != line)
				break;
			buf_add(b, p, wl);
			col += wl;
			p = w;
			while (*p == ' ')
				p++;
			if (*p != '\0' && *p != '\n') {
				buf_putc(b, ' ');
				col++;
			}
		}
		/* drop the space left before a break */
		if (b->len > 0 && b->data[b->len - 1] == ' ')
			b->len--, b->data[b->len] = '\0';
		buf_putc(b, '\n');
		if (*p == '\n')
			p++;
	}
}

static void
text_headline(const struct review *r, struct buf *b)
{
	char	 g[16];

	review_fmt_mean(r->mean_grade, g, sizeof(g));
	buf_printf(b, "%s: cycle review %s\n%s → %s · ",
	    r->workspace != NULL ? r->workspace : "okrdesk",
	    r->ce.cycle.name, r->ce.cycle.start, r->ce.cycle.end);
	header_state(r, b);
	buf_printf(b, "\n\n%zu objectives · %zu key results · mean grade %s"
	    " (%zu graded)\n", r->nobjs, r->nkrs, g, r->ngraded);
	buf_printf(b, "green %zu (0.7 and above) · yellow %zu (0.4 to 0.69) "
	    "· red %zu (below 0.4)", r->colours[COLOUR_GREEN],
	    r->colours[COLOUR_YELLOW], r->colours[COLOUR_RED]);
	if (r->ngraded < r->nobjs)
		buf_printf(b, " · %zu without data", r->nobjs - r->ngraded);
	buf_puts(b, "\n");
}

static void
text_histogram(const struct review *r, struct buf *b)
{
	size_t	 i, max = 1;
	int	 bin;

	buf_puts(b, "\nGrade distribution\n");
	for (i = 0; i < REVIEW_BINS; i++)
		if (r->hist[i] > max)
			max = r->hist[i];
	for (bin = REVIEW_BINS - 1; bin >= 0; bin--) {
		i = (size_t)bin;
		buf_printf(b, "  %.1f %4zu%s", (double)bin / 10, r->hist[i],
		    r->hist[i] > 0 ? "  " : "");
		buf_repeat(b, "█", r->hist[i] * 30 / max +
		    (r->hist[i] > 0 && r->hist[i] * 30 / max == 0));
		buf_puts(b, "\n");
	}
}

static void
text_success(const struct review *r, struct buf *b)
{
	const struct review_kind	*k;
	char				 rate[16], mean[16], name[96];
	size_t				 i;

	buf_puts(b, "\nSuccess by team (committed succeed at 1.0, "
	    "aspirational at 0.7 or more)\n");
	buf_printf(b, "  %-*s  objectives  succeeded  rate  mean\n", TEAM_W,
	    "team");
	for (i = 0; i < r->nteams; i++) {
		review_fmt_rate(r->teams[i].nsuccess, r->teams[i].ngraded, rate,
		    sizeof(rate));
		review_fmt_mean(r->teams[i].mean, mean, sizeof(mean));
		snprintf(name, sizeof(name), "%*s%s", 2 * r->teams[i].depth,
		    "", r->teams[i].team->name);
		buf_puts(b, "  ");
		cell(b, name, TEAM_W);
		buf_printf(b, "  %10zu  %9zu  %4s  %s\n", r->teams[i].nobjs,
		    r->teams[i].nsuccess, rate, mean);
	}
	buf_puts(b, "  (a team counts its own objectives, those of the teams"
	    " below it and of their people)\n");
	buf_puts(b, "\nCommitted vs aspirational\n");
	buf_printf(b, "  %-14s objectives  mean  succeeded  rate\n", "");
	for (i = 0; i < OBJ_KIND__MAX; i++) {
		k = &r->kinds[i];
		review_fmt_rate(k->nsuccess, k->ngraded, rate, sizeof(rate));
		review_fmt_mean(k->mean, mean, sizeof(mean));
		buf_printf(b, "  %-14s %10zu  %4s  %9zu  %4s   (success: %s)\n",
		    obj_kind_names[i], k->nobjs, mean, k->nsuccess, rate,
		    i == OBJ_COMMITTED ? "1.0" : "0.7 or more");
	}
}

static void
text_objectives(const struct review *r, struct buf *b)
{
	const struct review_obj	*ro;
	char			 g[16];
	size_t			 i;

	buf_puts(b, "\nObjectives\n");
	buf_printf(b, "  grade         %-13s ", "kind");
	cell(b, "key", KEY_W);
	buf_puts(b, " ");
	cell(b, "owner", OWNER_W);
	buf_puts(b, " title\n");
	for (i = 0; i < r->nobjs; i++) {
		ro = &r->objs[i];
		review_fmt_grade(ro->grade, g, sizeof(g));
		buf_puts(b, "  ");
		cell(b, g, 3);
		buf_printf(b, " %-6s %s  %-13s ", isnan(ro->grade) ?
		    "" : colour_name(progress_colour(ro->grade)),
		    ro->success > 0 ? "✓" : " ",
		    obj_kind_names[ro->oe->obj->kind]);
		cell(b, ro->oe->obj->key, KEY_W);
		buf_puts(b, " ");
		cell(b, ro->owner, OWNER_W);
		buf_puts(b, " ");
		cell(b, ro->oe->obj->title, TITLE_W);
		while (b->len > 0 && b->data[b->len - 1] == ' ')
			b->data[--b->len] = '\0';
		buf_puts(b, "\n");
	}
	buf_puts(b, "  (✓ succeeded)\n");
}

/* A number for reading with its unit; "—" alone for NAN. */
static void
put_value(struct buf *b, double v, const char *unit)
{
	text_put_num(b, v, 0);
	if (!isnan(v))
		text_put_unit(b, unit);
}

void
review_put_kr_target(struct buf *b, const struct kr *k)
{
	if (k->kind == KR_BAND) {
		/* an open side in words: the report is read aloud */
		if (isnan(k->low)) {
			buf_puts(b, "at most ");
			put_value(b, k->high, k->unit);
		} else if (isnan(k->high)) {
			buf_puts(b, "at least ");
			put_value(b, k->low, k->unit);
		} else
			text_put_band(b, k->low, k->high, k->unit);
	} else if (k->kind == KR_INCREASE || k->kind == KR_DECREASE)
		put_value(b, k->target, k->unit);
	/* boolean and milestones: done is the target */
}

void
review_put_kr_value(struct buf *b, const struct review_kr *rk)
{
	double	 v = rk->final_value;

	if (rk->ke->kr->kind == KR_BOOLEAN && !isnan(v))
		buf_puts(b, v >= 1 ? "yes" : "no");
	else if (rk->ke->kr->kind == KR_MILESTONES && !isnan(v))
		buf_printf(b, "%zu of %zu milestones", rk->ke->ms_done,
		    rk->ke->kr->nms);
	else
		put_value(b, v, rk->ke->kr->unit);
}

static void
text_krs(const struct review *r, struct buf *b)
{
	const struct review_kr	*rk;
	enum okr_status		 st;
	struct buf		 t = BUF_INIT;
	char			 g[16];
	size_t			 i, s, shown = 0, rw = 8, tw = 8;

	for (i = 0; i < r->nkrs; i++) {
		if (text_width(r->krs[i].ref) > rw)
			rw = text_width(r->krs[i].ref);
		if (text_width(r->krs[i].ke->kr->title) > tw)
			tw = text_width(r->krs[i].ke->kr->title);
	}
	rw = rw > 2 * KEY_W ? 2 * KEY_W : rw;
	tw = tw > TITLE_W + 6 ? TITLE_W + 6 : tw;
	buf_puts(b, "\nKey results by final status\n  ");
	for (s = 0; s < STATUS__MAX; s++) {
		st = review_status_order[s];
		if (r->kr_status[st] == 0)
			continue;
		buf_printf(b, "%s%s %zu", shown++ ? " · " : "",
		    okr_status_word(st), r->kr_status[st]);
	}
	buf_puts(b, shown ? "\n" : "none\n");
	for (s = 0; s < STATUS__MAX; s++) {
		st = review_status_order[s];
		if (r->kr_status[st] == 0)
			continue;
		buf_printf(b, "  %s\n", okr_status_word(st));
		for (i = 0; i < r->nkrs; i++) {
			rk = &r->krs[i];
			if (rk->status != st)
				continue;
			review_fmt_grade(rk->grade, g, sizeof(g));
			buf_puts(b, "    ");
			cell(b, g, 3);
			buf_puts(b, "  ");
			cell(b, rk->ref, rw);
			buf_puts(b, "  ");
			cell(b, rk->ke->kr->title, tw);
			buf_puts(b, " final ");
			review_put_kr_value(b, rk);
			buf_reset(&t);
			review_put_kr_target(&t, rk->ke->kr);
			if (t.len > 0)
				buf_printf(b, " (target %s)", buf_cstr(&t));
			buf_puts(b, "\n");
		}
	}
	buf_release(&t);
}

/* "First response time, median [channel=email]". */
static void
kpi_label(const struct review_kpi *k, char *s, size_t sz)
{
	snprintf(s, sz, "%s%s%s%s", k->def != NULL ? k->def->name : k->key,
	    k->filter[0] ? " [" : "", k->filter, k->filter[0] ? "]" : "");
}

static void
text_kpis(const struct review *r, struct buf *b)
{
	const struct review_kpi	*k;
	char			 d1[16], d2[16], d3[16], d4[16], a[48], z[48],
				 name[256];
	size_t			 i, w = 8;

	clock_fmt_date(r->first_from, d1, sizeof(d1));
	review_fmt_last_day(r->first_from, r->first_to, d2, sizeof(d2));
	clock_fmt_date(r->last_from, d3, sizeof(d3));
	review_fmt_last_day(r->last_from, r->last_to, d4, sizeof(d4));
	if (review_kpi_early(r))
		buf_printf(b, "\nKPI movement: first %d weeks (%s..%s) → no "
		    "movement yet: less than %d weeks in, the last %d weeks "
		    "would overlap the first\n", REVIEW_KPI_WEEKS, d1, d2,
		    2 * REVIEW_KPI_WEEKS, REVIEW_KPI_WEEKS);
	else
		buf_printf(b, "\nKPI movement: first %d weeks (%s..%s) → last "
		    "%d weeks (%s..%s)\n", REVIEW_KPI_WEEKS, d1, d2,
		    REVIEW_KPI_WEEKS, d3, d4);
	if (r->nkpis == 0) {
		buf_puts(b, "  no key result of this cycle follows a KPI\n");
		return;
	}
	for (i = 0; i < r->nkpis; i++) {
		kpi_label(&r->kpis[i], name, sizeof(name));
		if (text_width(name) > w)
			w = text_width(name);
	}
	w = w > KPI_W ? KPI_W : w;
	for (i = 0; i < r->nkpis; i++) {
		k = &r->kpis[i];
		review_fmt_kpi(k->def, k->start, a, sizeof(a));
		review_fmt_kpi(k->def, k->end, z, sizeof(z));
		kpi_label(k, name, sizeof(name));
		buf_puts(b, "  ");
		cell(b, name, w);
		buf_printf(b, " %9s (n %5lld) → %9s (n %5lld)  %s\n", a,
		    (long long)k->start_n, z, (long long)k->end_n,
		    review_move_name(k->move));
	}
}

static void
text_lessons(const struct review *r, struct buf *b)
{
	const struct objective	*ob;
	char			 g[16];
	size_t			 i, n = 0;

	buf_puts(b, "\nLessons\n");
	for (i = 0; i < r->nobjs; i++) {
		ob = r->objs[i].oe->obj;
		if (ob->retrospective == NULL && ob->postmortem == NULL)
			continue;
		review_fmt_grade(r->objs[i].grade, g, sizeof(g));
		buf_printf(b, "%s  %s · %s (%s, grade %s)\n", n++ ? "\n" : "",
		    ob->key, ob->title, obj_kind_names[ob->kind], g);
		if (ob->retrospective != NULL) {
			buf_puts(b, "    Retrospective:\n");
			wrap(b, "      ", ob->retrospective);
		}
		if (ob->postmortem != NULL) {
			buf_puts(b, "    Post-mortem:\n");
			wrap(b, "      ", ob->postmortem);
		}
	}
	if (n == 0)
		buf_puts(b, "  none written yet (objective edit KEY "
		    "--retrospective TEXT)\n");
}

void
review_text(const struct review *r, struct buf *b)
{
	text_headline(r, b);
	text_histogram(r, b);
	text_success(r, b);
	text_objectives(r, b);
	text_krs(r, b);
	text_kpis(r, b);
	text_lessons(r, b);
}

/* ---- Markdown ------------------------------------------------------ */

/* Text inside a table cell or a line: no newline, no bare | or markup. */
static void
md_puts(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\n' || *s == '\r')
			buf_putc(b, ' ');
		else if (strchr("|\\*_`[]<>#", *s) != NULL) {
			buf_putc(b, '\\');
			buf_putc(b, *s);
		} else
			buf_putc(b, *s);
	}
}

/* A paragraph of free text: lines kept, markup escaped. */
static void
md_para(struct buf *b, const char *s)
{
	const char	*p;

	for (p = s; p != NULL && *p != '\0'; p++) {
		if (*p == '\n') {
			buf_puts(b, "  \n");	/* a hard line break */
			continue;
		}
		if (strchr("|\\*_`[]<>#", *p) != NULL)
			buf_putc(b, '\\');
		buf_putc(b, *p);
	}
	buf_puts(b, "\n");
}

static void
md_head(const struct review *r, struct buf *b)
{
	char	 g[16];
	size_t	 i;

	buf_puts(b, "# Cycle review: ");
	md_puts(b, r->ce.cycle.name);
	buf_puts(b, "\n\n**");
	md_puts(b, r->workspace);
	buf_printf(b, "** · %s → %s · ", r->ce.cycle.start, r->ce.cycle.end);
	header_state(r, b);
	review_fmt_mean(r->mean_grade, g, sizeof(g));
	buf_printf(b, "\n\n| objectives | key results | mean grade | green |"
	    " yellow | red | without data |\n|---:|---:|---:|---:|---:|---:|"
	    "---:|\n| %zu | %zu | %s | %zu | %zu | %zu | %zu |\n", r->nobjs,
	    r->nkrs, g, r->colours[COLOUR_GREEN], r->colours[COLOUR_YELLOW],
	    r->colours[COLOUR_RED], r->nobjs - r->ngraded);
	buf_puts(b, "\n## Grade distribution\n\n| grade | objectives |\n"
	    "|---:|---:|\n");
	for (i = REVIEW_BINS; i-- > 0; )
		buf_printf(b, "| %.1f | %zu |\n", (double)i / 10, r->hist[i]);
}

static void
md_success(const struct review *r, struct buf *b)
{
	const struct review_kind	*k;
	char				 rate[16], mean[16];
	size_t				 i;

	buf_puts(b, "\n## Success by team\n\nCommitted objectives succeed at"
	    " 1.0, aspirational ones at 0.7 or more; a team counts its own "
	    "objectives, those of the teams below it and of their people.\n\n"
	    "| team | objectives | succeeded | rate | mean grade |\n"
	    "|---|---:|---:|---:|---:|\n");
	for (i = 0; i < r->nteams; i++) {
		review_fmt_rate(r->teams[i].nsuccess, r->teams[i].ngraded, rate,
		    sizeof(rate));
		review_fmt_mean(r->teams[i].mean, mean, sizeof(mean));
		buf_puts(b, "| ");
		buf_repeat(b, "↳ ", (size_t)r->teams[i].depth);
		md_puts(b, r->teams[i].team->name);
		buf_printf(b, " | %zu | %zu | %s | %s |\n", r->teams[i].nobjs,
		    r->teams[i].nsuccess, rate, mean);
	}
	buf_puts(b, "\n## Committed vs aspirational\n\n| kind | objectives |"
	    " mean grade | succeeded | rate | success at |\n"
	    "|---|---:|---:|---:|---:|---:|\n");
	for (i = 0; i < OBJ_KIND__MAX; i++) {
		k = &r->kinds[i];
		review_fmt_rate(k->nsuccess, k->ngraded, rate, sizeof(rate));
		review_fmt_mean(k->mean, mean, sizeof(mean));
		buf_printf(b, "| %s | %zu | %s | %zu | %s | %s |\n",
		    obj_kind_names[i], k->nobjs, mean, k->nsuccess, rate,
		    i == OBJ_COMMITTED ? "1.0" : "0.7");
	}
}

static void
md_objectives(const struct review *r, struct buf *b)
{
	const struct review_obj	*ro;
	const struct review_kr	*rk;
	enum okr_status		 st;
	struct buf		 t = BUF_INIT;
	char			 g[16];
	size_t			 i, s;

	buf_puts(b, "\n## Objectives\n\n| grade | colour | kind | objective |"
	    " owner | succeeded |\n|---:|---|---|---|---|---|\n");
	for (i = 0; i < r->nobjs; i++) {
		ro = &r->objs[i];
		review_fmt_grade(ro->grade, g, sizeof(g));
		buf_printf(b, "| %s | %s | %s | `%s` ", g, isnan(ro->grade) ?
		    "—" : colour_name(progress_colour(ro->grade)),
		    obj_kind_names[ro->oe->obj->kind], ro->oe->obj->key);
		md_puts(b, ro->oe->obj->title);
		buf_puts(b, " | ");
		md_puts(b, ro->owner);
		buf_printf(b, " | %s |\n", ro->success > 0 ? "yes" :
		    ro->success == 0 ? "no" : "—");
	}
	buf_puts(b, "\n## Key results by final status\n\n| status | grade |"
	    " key result | title | final value | target |\n"
	    "|---|---:|---|---|---:|---:|\n");
	for (s = 0; s < STATUS__MAX; s++) {
		st = review_status_order[s];
		for (i = 0; i < r->nkrs; i++) {
			rk = &r->krs[i];
			if (rk->status != st)
				continue;
			review_fmt_grade(rk->grade, g, sizeof(g));
			buf_printf(b, "| %s | %s | `%s` | ",
			    okr_status_word(st), g, rk->ref);
			md_puts(b, rk->ke->kr->title);
			buf_puts(b, " | ");
			buf_reset(&t);
			review_put_kr_value(&t, rk);
			md_puts(b, buf_cstr(&t));
			buf_puts(b, " | ");
			buf_reset(&t);
			review_put_kr_target(&t, rk->ke->kr);
			md_puts(b, buf_cstr(&t));
			buf_puts(b, " |\n");
		}
	}
	buf_release(&t);
}

static void
md_kpis(const struct review *r, struct buf *b)
{
	const struct review_kpi	*k;
	char			 d1[16], d2[16], d3[16], d4[16], a[48], z[48];
	size_t			 i;

	clock_fmt_date(r->first_from, d1, sizeof(d1));
	review_fmt_last_day(r->first_from, r->first_to, d2, sizeof(d2));
	clock_fmt_date(r->last_from, d3, sizeof(d3));
	review_fmt_last_day(r->last_from, r->last_to, d4, sizeof(d4));
	if (review_kpi_early(r))
		buf_printf(b, "\n## KPI movement\n\nFirst %d weeks (%s to %s);"
		    " no movement yet: less than %d weeks in, the last %d "
		    "weeks would overlap the first. n is the sample size.\n\n",
		    REVIEW_KPI_WEEKS, d1, d2, 2 * REVIEW_KPI_WEEKS,
		    REVIEW_KPI_WEEKS);
	else
		buf_printf(b, "\n## KPI movement\n\nFirst %d weeks (%s to %s) "
		    "against the last %d weeks (%s to %s); n is the sample "
		    "size.\n\n", REVIEW_KPI_WEEKS, d1, d2, REVIEW_KPI_WEEKS,
		    d3, d4);
	if (r->nkpis == 0) {
		buf_puts(b, "No key result of this cycle follows a KPI.\n");
		return;
	}
	buf_puts(b, "| KPI | segment | start | n | end | n | moved |\n"
	    "|---|---|---:|---:|---:|---:|---|\n");
	for (i = 0; i < r->nkpis; i++) {
		k = &r->kpis[i];
		review_fmt_kpi(k->def, k->start, a, sizeof(a));
		review_fmt_kpi(k->def, k->end, z, sizeof(z));
		buf_puts(b, "| ");
		md_puts(b, k->def != NULL ? k->def->name : k->key);
		buf_puts(b, " | ");
		md_puts(b, k->filter[0] ? k->filter : "all");
		buf_printf(b, " | %s | %lld | %s | %lld | %s |\n", a,
		    (long long)k->start_n, z, (long long)k->end_n,
		    review_move_name(k->move));
	}
}

static void
md_lessons(const struct review *r, struct buf *b)
{
	const struct objective	*ob;
	char			 g[16];
	size_t			 i, n = 0;

	buf_puts(b, "\n## Lessons\n");
	for (i = 0; i < r->nobjs; i++) {
		ob = r->objs[i].oe->obj;
		if (ob->retrospective == NULL && ob->postmortem == NULL)
			continue;
		n++;
		review_fmt_grade(r->objs[i].grade, g, sizeof(g));
		buf_printf(b, "\n### `%s` ", ob->key);
		md_puts(b, ob->title);
		buf_printf(b, "\n\n*%s, grade %s*\n", obj_kind_names[ob->kind],
		    g);
		if (ob->retrospective != NULL) {
			buf_puts(b, "\n**Retrospective.** ");
			md_para(b, ob->retrospective);
		}
		if (ob->postmortem != NULL) {
			buf_puts(b, "\n**Post-mortem.** ");
			md_para(b, ob->postmortem);
		}
	}
	if (n == 0)
		buf_puts(b, "\nNone written yet.\n");
}

void
review_md(const struct review *r, struct buf *b)
{
	md_head(r, b);
	md_success(r, b);
	md_objectives(r, b);
	md_kpis(r, b);
	md_lessons(r, b);
}
