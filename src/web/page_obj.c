/*
 * page_obj.c: an objective's page and the check-in form.
 *
 *   GET  /objectives/KEY        its key results, each with a chart of its
 *                               check-ins over the cycle (values, target,
 *                               expected pace from baseline to target,
 *                               forecast dashed, the band shaded), the
 *                               lineage of KPI-fed values, the check-ins,
 *                               the history, the retrospective
 *   GET  /krs/OBJ/KR/checkin    the form: value, confidence, note; a
 *                               milestone key result has checkboxes
 *   POST /krs/OBJ/KR/checkin    records it (okr/checkin.c), 303 to the
 *                               objective; a bad value shows the form
 *                               again with the message (422)
 *
 * Who may check in is okr/user.c's rule (user_can_checkin), as for the API.
 */
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "core/html.h"
#include "core/parse.h"
#include "okr/kpilink.h"
#include "okr/user.h"
#include "web/auth.h"
#include "web/api.h"
#include "web/page.h"
#include "web/svg.h"

/* The chart of one key result over its cycle. */
/* A signed change: "+1.5", "-0.2"; a milestone share as "+5%". */
static void
signed_num(struct page *p, double v, int share)
{
	if (share)
		v *= 100;
	if (v > 0)
		html_raw(p->b, "+");
	page_num(p, v, share ? 0 : page_decimals(v));
	if (share)
		html_raw(p->b, "%");
}

/*
 * Where the key result is heading (okr/pace.h): the projected end value
 * and its grade, what is still needed each week against the trend so far,
 * the verdict, and the confidence trend.  What cannot be told yet is left
 * out, never shown as 0.
 */
static void
kr_pace(struct page *p, const struct kr_eval *ke)
{
	const struct pace	*pc = &ke->pace;
	const char		*v = NULL, *t = NULL;
	int			 share = ke->kr->kind == KR_MILESTONES, sep = 0;

	switch (pc->verdict) {
	case PACE_MET:		v = _("target met"); break;
	case PACE_ON_PACE:	v = _("on pace"); break;
	case PACE_TOO_SLOW:	v = _("too slow"); break;
	case PACE_BACKWARDS:	v = _("going backwards"); break;
	case PACE_INSIDE:	v = _("inside the band"); break;
	case PACE_OUTSIDE:	v = _("outside the band"); break;
	default:		break;
	}
	switch (pc->conf_trend) {
	case PACE_TREND_RISING:		t = _("rising"); break;
	case PACE_TREND_STEADY:		t = _("steady"); break;
	case PACE_TREND_FALLING:	t = _("falling"); break;
	default:			break;
	}
	html_raw(p->b, "<p class=\"krpace\">");
	if (isfinite(pc->projected_grade)) {
		html_printf(p->b, "<span>%s: ", _("Forecast at the end"));
		if (isfinite(pc->projected_value) &&
		    ke->kr->kind != KR_BAND && ke->kr->kind != KR_BOOLEAN &&
		    !share) {
			html_raw(p->b, "<b>");
			page_num(p, pc->projected_value,
			    page_decimals(pc->projected_value));
			html_raw(p->b, "</b>, ");
		}
		html_printf(p->b, "%s <b>", _("grade"));
		page_num(p, pc->projected_grade, 1);
		html_raw(p->b, "</b></span>");
		sep = 1;
	}
	if (isfinite(pc->needed_per_week) && pc->needed_per_week != 0) {
		html_printf(p->b, "%s<span>%s: <b>", sep ? " · " : "",
		    _("Needed each week"));
		signed_num(p, pc->needed_per_week, share);
		html_raw(p->b, "</b></span>");
		sep = 1;
	}
	if (isfinite(pc->trend_per_week)) {
		html_printf(p->b, "%s<span>%s: ", sep ? " · " : "",
		    _("Trend each week"));
		signed_num(p, pc->trend_per_week, share);
		html_raw(p->b, "</span>");
		sep = 1;
	}
	if (v != NULL) {
		html_printf(p->b, "%s<span class=\"verdict v-%s\">%s</span>",
		    sep ? " · " : "", pace_verdict_name(pc->verdict), v);
		sep = 1;
	}
	if (pc->nconf > 0) {
		html_printf(p->b, "%s<span>%s ", sep ? " · " : "",
		    _("Confidence"));
		page_num(p, pc->conf[pc->nconf - 1], 1);
		if (t != NULL)
			html_printf(p->b, ", %s", t);
		html_raw(p->b, "</span>");
	}
	html_raw(p->b, "</p>");
}

static void
kr_chart(struct page *p, const struct cycle_eval *ce, const struct kr_eval *ke)
{
	const struct kr		*k = ke->kr;
	struct svg_chart	 c;
	struct svg_pt		*pts;
	char			 x0[32], x1[32];
	size_t			 i;
	int64_t			 last;

	memset(&c, 0, sizeof(c));
	c.x0 = (double)ce->start;
	c.x1 = (double)ce->end;
	c.target = NAN;
	c.band_lo = c.band_hi = NAN;
	c.pace[0].y = c.pace[1].y = NAN;
	c.forecast[0].y = c.forecast[1].y = NAN;
	if ((pts = arena_calloc(p->r->arena, ke->in.npts + 1, sizeof(*pts)))
	    == NULL)
		return;
	for (i = 0; i < ke->in.npts; i++) {
		pts[i].x = (double)ke->in.pts[i].at;
		pts[i].y = ke->in.pts[i].value;
	}
	c.pts = pts;
	c.npts = ke->in.npts;
	switch (k->kind) {
	case KR_BAND:
		c.band_lo = k->low;
		c.band_hi = k->high;
		break;
	case KR_BOOLEAN:
	case KR_MILESTONES:
		c.target = 1;
		c.pace[0].x = c.x0;
		c.pace[0].y = 0;
		c.pace[1].x = c.x1;
		c.pace[1].y = 1;
		break;
	default:
		c.target = k->target;
		if (isfinite(k->baseline) && isfinite(k->target)) {
			c.pace[0].x = c.x0;
			c.pace[0].y = k->baseline;
			c.pace[1].x = c.x1;
			c.pace[1].y = k->target;
		}
		break;
	}
	if (isfinite(ke->ev.forecast_value) && ke->in.npts > 0) {
		last = ke->in.pts[ke->in.npts - 1].at;
		c.forecast[0].x = (double)last;
		c.forecast[0].y = ke->in.pts[ke->in.npts - 1].value;
		c.forecast[1].x = c.x1;
		c.forecast[1].y = ke->ev.forecast_value;
	}
	i18n_date(x0, sizeof(x0), ce->cycle.start, p->lang);
	i18n_date(x1, sizeof(x1), ce->cycle.end, p->lang);
	c.x0_text = x0;
	c.x1_text = x1;
	c.label = arena_printf(p->r->arena, _("Check-ins of %s"), k->title);
	svg_chart(p->b, &c);
	html_printf(p->b, "<p class=\"legend\"><span class=\"lg values\">%s"
	    "</span> <span class=\"lg target\">%s</span> <span class=\"lg "
	    "pace\">%s</span> <span class=\"lg forecast\">%s</span></p>",
	    _("values"), _("target"), _("expected pace"), _("forecast"));
}

/* The lineage of a KPI-fed key result's latest value. */
static void
kr_lineage(struct page *p, const struct kr *k)
{
	struct err	 e;
	char		*text = NULL;
	json_t		*j, *v;

	if (k->kpi == NULL || kpilink_lineage(p->r->okr, k->id, p->r->arena,
	    &text, &e) != ERR_OK || text == NULL ||
	    (j = json_loads(text, 0, NULL)) == NULL)
		return;
	html_printf(p->b, "<dl class=\"lineage\"><dt>%s</dt><dd><a "
	    "href=\"/kpis/", _("KPI"));
	html_url(p->b, k->kpi);
	html_printf(p->b, "\">%s</a>%s%s</dd>", k->kpi, k->kpi_filter != NULL ?
	    " · " : "", k->kpi_filter != NULL ? k->kpi_filter : "");
	html_printf(p->b, "<dt>%s</dt><dd>", _("window"));
	if ((v = json_object_get(j, "from")) != NULL && json_is_string(v))
		page_date(p, arena_printf(p->r->arena, "%.10s",
		    json_string_value(v)));
	html_raw(p->b, " – ");
	if ((v = json_object_get(j, "to")) != NULL && json_is_string(v))
		page_date(p, arena_printf(p->r->arena, "%.10s",
		    json_string_value(v)));
	html_printf(p->b, "</dd><dt>n</dt><dd>");
	page_num(p, json_number_value(json_object_get(j, "n")), 0);
	html_raw(p->b, "</dd>");
	if ((v = json_object_get(j, "numerator")) != NULL) {
		html_printf(p->b, "<dt>%s</dt><dd>", _("numerator"));
		page_num(p, json_number_value(v), page_decimals(
		    json_number_value(v)));
		html_raw(p->b, "</dd>");
	}
	if ((v = json_object_get(j, "denominator")) != NULL) {
		html_printf(p->b, "<dt>%s</dt><dd>", _("denominator"));
		page_num(p, json_number_value(v), page_decimals(
		    json_number_value(v)));
		html_raw(p->b, "</dd>");
	}
	if ((v = json_object_get(j, "definition")) != NULL &&
	    json_is_string(v))
		html_printf(p->b, "<dt>%s</dt><dd>%s</dd>", _("definition"),
		    json_string_value(v));
	html_raw(p->b, "</dl>");
	json_decref(j);
}

static void
kr_checkins(struct page *p, const struct kr_eval *ke)
{
	size_t	 i;

	if (ke->ncheckins == 0)
		return;
	html_printf(p->b, "<details><summary>%s (%zu)</summary><table>"
	    "<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s"
	    "</th></tr></thead><tbody>", _("Check-ins"), ke->ncheckins,
	    _("date"), _("value"), _("confidence"), _("note"), _("by"));
	/* Newest first: the latest is what people look for. */
	for (i = ke->ncheckins; i-- > 0;) {
		const struct checkin	*c = &ke->checkins[i];

		html_raw(p->b, "<tr><td>");
		page_day(p, c->at);
		html_raw(p->b, "</td><td class=\"num\">");
		page_num(p, c->value, page_decimals(c->value));
		html_raw(p->b, "</td><td class=\"num\">");
		page_num(p, c->confidence, 1);
		html_printf(p->b, "</td><td>%s</td><td>%s</td></tr>",
		    c->note != NULL ? c->note : "", c->author != NULL ?
		    c->author : "");
	}
	html_raw(p->b, "</tbody></table></details>");
}

static void
history(struct page *p, const char *label, int64_t limit)
{
	struct history_entry	*h;
	struct err		 e;
	size_t			 n, i;

	if (history_list(p->r->okr, NULL, label, limit, p->r->arena, &h, &n,
	    &e) != ERR_OK || n == 0)
		return;
	html_printf(p->b, "<table class=\"history\"><thead><tr><th>%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>"
	    "</thead><tbody>", _("when"), _("who"), _("what"), _("field"),
	    _("before"), _("after"));
	for (i = 0; i < n; i++) {
		html_raw(p->b, "<tr><td>");
		page_day(p, h[i].at);
		html_printf(p->b, "</td><td>%s</td><td>%s</td><td>%s</td>"
		    "<td>%s</td><td>%s</td></tr>", h[i].who != NULL ? h[i].who :
		    "", h[i].label != NULL ? h[i].label : "",
		    h[i].field != NULL ? h[i].field : "", h[i].old != NULL ?
		    h[i].old : "", h[i].new != NULL ? h[i].new : "");
	}
	html_raw(p->b, "</tbody></table>");
}

int
page_obj(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct objective	 ob;
	struct cycle_eval	 ce;
	struct err		 e;
	const struct obj_eval	*oe;
	const struct kr_eval	*ke;
	size_t			 i, k;

	page_begin(&p, r, w, r->args[0], 0);
	if (objective_get(r->okr, r->args[0], r->arena, &ob, &e) != ERR_OK ||
	    eval_cycle(r->okr, ob.cycle, r->okr->now, r->arena, &ce, &e)
	    != ERR_OK)
		return page_fail_err(&p, &e);
	if ((i = eval_objective(&ce, ob.key)) == EVAL_NONE)
		return page_fail(&p, 404, ob.key);
	oe = &ce.objs[i];
	page_begin(&p, r, w, ob.title, 0);
	html_printf(p.b, "<p class=\"crumbs\"><a href=\"/?cycle=%s\">%s</a>"
	    "</p><h1>%s</h1>\n", ce.cycle.name, ce.cycle.name, ob.title);
	if (ob.description != NULL)
		html_printf(p.b, "<p class=\"desc\">%s</p>", ob.description);
	html_printf(p.b, "<p class=\"meta\">%s: ", _("Owner"));
	if (ob.team != NULL) {
		html_raw(p.b, "<a href=\"/teams/");
		html_url(p.b, ob.team);
		html_printf(p.b, "\">%s</a>", ob.team);
	} else if (ob.person != NULL)
		html_puts(p.b, ob.person);
	html_printf(p.b, " · %s</p>", ob.kind == OBJ_ASPIRATIONAL ?
	    _("aspirational") : _("committed"));
	html_raw(p.b, "<div class=\"summary\">");
	page_bar(&p, oe->ev.progress, oe->ev.expected, oe->ev.status);
	page_status(&p, oe->ev.status);
	html_raw(p.b, "</div>\n");
	if (page_obj_right(&p, &ob) > 0) {
		html_raw(p.b, "<p class=\"actions\"><a href=\"/objectives/");
		html_url(p.b, ob.key);
		html_printf(p.b, "/edit\">%s</a> · <a href=\"/objectives/",
		    _("Edit"));
		html_url(p.b, ob.key);
		html_printf(p.b, "/krs/new\">%s</a></p>\n",
		    _("Add a key result"));
	}
	for (k = 0; k < oe->nkrs; k++) {
		ke = &oe->krs[k];
		html_printf(p.b, "<section class=\"krcard\" id=\"kr-%s\">"
		    "<h2>%s</h2>", ke->kr->key, ke->kr->title);
		html_raw(p.b, "<div class=\"krline\">");
		page_bar(&p, ke->ev.progress, ce.expected, ke->ev.status);
		page_status(&p, ke->ev.status);
		if (ke->kr->kpi == NULL) {
			html_raw(p.b, "<a class=\"act\" href=\"/krs/");
			html_url(p.b, ob.key);
			html_raw(p.b, "/");
			html_url(p.b, ke->kr->key);
			html_printf(p.b, "/checkin\">%s</a>", _("Check in"));
		}
		html_raw(p.b, "</div>");
		kr_pace(&p, ke);
		kr_chart(&p, &ce, ke);
		kr_lineage(&p, ke->kr);
		kr_checkins(&p, ke);
		html_raw(p.b, "</section>\n");
	}
	html_printf(p.b, "<section><h2>%s</h2>", _("Retrospective"));
	if (isfinite(ob.grade)) {
		html_printf(p.b, "<p>%s ", _("Grade"));
		page_num(&p, ob.grade, 1);
		html_raw(p.b, "</p>");
	}
	html_printf(p.b, "<p>%s</p></section>\n", ob.retrospective != NULL ?
	    ob.retrospective : _("No retrospective yet."));
	page_review_section(&p, &ob);
	html_printf(p.b, "<section><h2>%s</h2>", _("History"));
	/* the objective's label also matches its key results' ("KEY/KR") */
	history(&p, ob.key, 50);
	html_raw(p.b, "</section>\n");
	return page_end(&p);
}

/* Load the key result of the path and check the user may check in. */
static int
checkin_target(struct page *p, struct kr *k, struct objective *ob)
{
	struct http_req	*r = p->r;
	struct user	 u;
	struct err	 e;
	char		*ref = arena_printf(r->arena, "%s/%s", r->args[0],
			    r->args[1]);

	if (kr_get(r->okr, ref, r->arena, k, &e) != ERR_OK ||
	    objective_get(r->okr, k->objective, r->arena, ob, &e) != ERR_OK) {
		page_fail_err(p, &e);
		return -1;
	}
	auth_as_user(r->user, &u);
	if (!user_can_checkin(r->okr, &u, ref)) {
		page_fail(p, 403, _("Only the key result's owner, a lead of "
		    "its team or an admin can check in on it."));
		return -1;
	}
	if (k->kpi != NULL) {
		page_fail(p, 409, _("This key result is fed by a KPI: its "
		    "values come from the data."));
		return -1;
	}
	return 0;
}

static void
checkin_form(struct page *p, const struct kr *k, const struct objective *ob,
    const char *message)
{
	const char	*v;
	size_t		 i;

	html_printf(p->b, "<p class=\"crumbs\"><a href=\"/objectives/%s\">%s"
	    "</a></p><h1>%s</h1>", ob->key, ob->title, k->title);
	if (message != NULL)
		html_printf(p->b, "<p class=\"error\" role=\"alert\">%s</p>",
		    message);
	html_raw(p->b, "<form method=\"post\" class=\"checkin\" action=\"/krs/");
	html_url(p->b, ob->key);
	html_raw(p->b, "/");
	html_url(p->b, k->key);
	html_raw(p->b, "/checkin\">");
	page_csrf(p);
	if (k->kind == KR_MILESTONES) {
		html_printf(p->b, "<fieldset><legend>%s</legend>",
		    _("Milestones done"));
		for (i = 0; i < k->nms; i++)
			html_printf(p->b, "<label><input type=\"checkbox\" "
			    "name=\"ms\" value=\"%s\"%s> %s</label>",
			    k->ms[i].title, k->ms[i].done_at ? " checked" : "",
			    k->ms[i].title);
		html_raw(p->b, "<input type=\"hidden\" name=\"milestones\" "
		    "value=\"1\"></fieldset>");
	} else {
		v = http_form(p->r, "value");
		html_printf(p->b, "<label>%s", _("Value"));
		if (k->unit != NULL)
			html_printf(p->b, " (%s)", k->unit);
		html_printf(p->b, " <input name=\"value\" inputmode=\"decimal\" "
		    "required value=\"%s\"></label>", v != NULL ? v : "");
	}
	v = http_form(p->r, "confidence");
	html_printf(p->b, "<label>%s <input name=\"confidence\" "
	    "inputmode=\"decimal\" placeholder=\"0.8\" value=\"%s\"></label>",
	    _("Confidence (0–1)"), v != NULL ? v : "");
	v = http_form(p->r, "note");
	html_printf(p->b, "<label>%s <textarea name=\"note\" rows=\"3\">%s"
	    "</textarea></label><button type=\"submit\">%s</button></form>",
	    _("Note"), v != NULL ? v : "", _("Check in"));
}

int
page_checkin_form(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct objective	 ob;
	struct kr		 k;

	page_begin(&p, r, w, _("Check in"), 0);
	if (checkin_target(&p, &k, &ob) != 0)
		return 0;
	checkin_form(&p, &k, &ob, NULL);
	return page_end(&p);
}

/* A number typed in the page's language: "3,5" is 3.5 in Romanian. */
static enum err_code
form_number(struct page *p, const char *s, double *out, struct err *e)
{
	char	*t, *c;

	if (p->lang == LANG_RO && (t = arena_strdup(p->r->arena, s)) != NULL) {
		if ((c = strchr(t, ',')) != NULL && strchr(t, '.') == NULL)
			*c = '.';
		s = t;
	}
	return parse_number(s, out, e);
}

/* Record the milestones whose box changed. */
static enum err_code
checkin_milestones(struct page *p, const char *ref, const struct kr *k,
    struct checkin *c, struct err *e)
{
	size_t		 i, j;
	int		 want, changed = 0;
	enum err_code	 rc;

	for (i = 0; i < k->nms; i++) {
		want = 0;
		for (j = 0; j < p->r->nform; j++)
			if (strcmp(p->r->form[j].name, "ms") == 0 &&
			    strcmp(p->r->form[j].value, k->ms[i].title) == 0)
				want = 1;
		if (want == (k->ms[i].done_at != 0))
			continue;
		changed = 1;
		if ((rc = checkin_milestone(p->r->okr, ref, k->ms[i].title,
		    want, c, e)) != ERR_OK)
			return rc;
		c->id = 0;
		c->at = 0;
	}
	if (!changed)
		return err_set(e, ERR_INVAL, "%s", _("No milestone changed."));
	return ERR_OK;
}

int
page_checkin_post(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct objective	 ob;
	struct checkin		 c;
	struct kr		 k;
	struct err		 e;
	const char		*v;
	char			*ref, *loc;
	enum err_code		 rc;
	struct buf		 u = BUF_INIT;

	page_begin(&p, r, w, _("Check in"), 0);
	if (checkin_target(&p, &k, &ob) != 0)
		return 0;
	ref = arena_printf(r->arena, "%s/%s", k.objective, k.key);
	checkin_defaults(&c);
	err_clear(&e);
	rc = ERR_OK;
	if ((v = http_form(r, "confidence")) != NULL && v[0] != '\0' &&
	    ((rc = form_number(&p, v, &c.confidence, &e)) != ERR_OK ||
	    !(c.confidence >= 0 && c.confidence <= 1)))
		rc = err_set(&e, ERR_INVAL, _("confidence: expected a number "
		    "from 0 to 1, got \"%s\""), v);
	if (rc == ERR_OK && (v = http_form(r, "note")) != NULL && v[0] != '\0')
		c.note = (char *)v;
	c.author = (char *)(r->user->person != NULL ? r->user->person :
	    r->user->login);
	c.source = (char *)"manual";
	if (rc == ERR_OK && k.kind == KR_MILESTONES)
		rc = checkin_milestones(&p, ref, &k, &c, &e);
	else if (rc == ERR_OK) {
		if ((v = http_form(r, "value")) == NULL || v[0] == '\0')
			rc = err_set(&e, ERR_INVAL, "%s", _("Give a value."));
		else if ((rc = form_number(&p, v, &c.value, &e)) != ERR_OK)
			err_prefix(&e, "%s", _("value"));
		else
			rc = checkin_add(r->okr, ref, &c, &e);
	}
	if (rc != ERR_OK) {
		if (rc != ERR_INVAL)
			return page_fail_err(&p, &e);
		page_begin(&p, r, w, _("Check in"), 0);
		w->status = 422;
		checkin_form(&p, &k, &ob, e.msg);
		return page_end(&p);
	}
	buf_puts(&u, "/objectives/");
	html_url(&u, ob.key);
	loc = arena_strdup(r->arena, buf_cstr(&u));
	buf_release(&u);
	i18n_end();
	return http_redirect(r, w, loc);
}
