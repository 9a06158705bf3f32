/*
 * page.c: the layout every page shares (header with the workspace name
 * and the navigation, <main>, the error page), the widgets of the tree
 * (objective cards, bars, status badges), and the pages' route table.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/html.h"
#include "core/parse.h"
#include "okr/user.h"
#include "web/page.h"
#include "web/svg.h"

enum i18n_lang
page_lang(const struct http_req *r)
{
	if (r->user != NULL && r->user->lang != NULL)
		return i18n_lang_parse(r->user->lang);
	if (r->okr->ws.language >= 0)
		return i18n_lang_parse(user_lang_names[r->okr->ws.language]);
	/* r->lang: the user's, else Accept-Language's, "en" by default */
	return i18n_lang_parse(r->lang);
}

void
page_begin(struct page *p, struct http_req *r, struct http_resp *w,
    const char *title, unsigned flags)
{
	struct buf	*b = &w->body;
	const char	*ws = r->okr->ws.name;

	p->r = r;
	p->w = w;
	p->b = b;
	p->flags = flags;
	p->lang = page_lang(r);
	(void)i18n_use(p->lang);
	w->status = 200;
	w->content_type = "text/html; charset=utf-8";
	buf_reset(b);
	html_printf(b, "<!doctype html>\n<html lang=\"%s\"><head>"
	    "<meta charset=\"utf-8\"><meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">",
	    i18n_lang_name(p->lang));
	if (flags & PAGE_WALLBOARD)
		html_raw(b, "<meta http-equiv=\"refresh\" content=\"60\">");
	html_printf(b, "<title>%s · %s</title>"
	    "<link rel=\"stylesheet\" href=\"/static/okrdesk.css\">"
	    "<script src=\"/static/okrdesk.js\" defer></script></head>\n",
	    title, ws);
	html_printf(b, "<body class=\"%s\">\n", flags & PAGE_WALLBOARD ?
	    "wallboard" : "page");
	if (flags & PAGE_WALLBOARD) {
		html_printf(b, "<header class=\"top\"><span class=\"ws\">%s"
		    "</span></header>\n<main>\n", ws);
		return;
	}
	html_printf(b, "<header class=\"top\"><a class=\"ws\" href=\"/\">%s"
	    "</a><nav aria-label=\"%s\"><ul>", ws, _("Main navigation"));
	html_printf(b, "<li><a href=\"/\">%s</a></li>", _("Home"));
	html_printf(b, "<li><a href=\"/kpis\">%s</a></li>", _("KPIs"));
	html_printf(b, "<li><a href=\"/import\">%s</a></li>", _("Import"));
	if (r->user != NULL && r->user->role >= ROLE_MEMBER)
		html_printf(b, "<li><a href=\"/objectives/new\">%s</a></li>",
		    _("New objective"));
	html_raw(b, "<li><a href=\"/wallboard");
	if (r->user != NULL && r->user->team != NULL) {
		html_raw(b, "?team=");
		html_url(b, r->user->team);
	}
	html_printf(b, "\">%s</a></li>", _("Wallboard"));
	if (r->user != NULL) {
		html_raw(b, "<li><form method=\"post\" action=\"/logout\" "
		    "class=\"inline\">");
		page_csrf(p);
		html_printf(b, "<button type=\"submit\">%s</button>"
		    "</form></li>", _("Sign out"));
	}
	html_raw(b, "</ul></nav>");
	if (r->user != NULL)
		html_printf(b, "<span class=\"who\">%s</span>",
		    r->user->name != NULL ? r->user->name : r->user->login);
	html_raw(b, "</header>\n<main>\n");
}

int
page_end(struct page *p)
{
	html_raw(p->b, "</main>\n</body></html>\n");
	i18n_end();
	return 0;
}

int
page_fail(struct page *p, int status, const char *message)
{
	char	 title[64];

	snprintf(title, sizeof(title), "%d %s", status,
	    http_status_text(status));
	page_begin(p, p->r, p->w, title, p->flags & ~(unsigned)PAGE_WALLBOARD);
	p->w->status = status;
	html_printf(p->b, "<h1>%s</h1><p class=\"error\" role=\"alert\">%s"
	    "</p><p><a href=\"/\">%s</a></p>", title, message,
	    _("Back to the home page"));
	return page_end(p);
}

int
page_fail_err(struct page *p, const struct err *e)
{
	switch (e->code) {
	case ERR_NOTFOUND:
		return page_fail(p, 404, e->msg);
	case ERR_INVAL:
		return page_fail(p, 422, e->msg);
	case ERR_USAGE:
		return page_fail(p, 400, e->msg);
	case ERR_EXISTS:
	case ERR_CONFLICT:
		return page_fail(p, 409, e->msg);
	default:
		return page_fail(p, 500, _("Internal error."));
	}
}

void
page_csrf(struct page *p)
{
	if (p->r->csrf == NULL)
		return;
	html_raw(p->b, "<input type=\"hidden\" name=\"csrf\"");
	html_attr(p->b, "value", p->r->csrf);
	html_raw(p->b, ">");
}

void
page_version(struct page *p, int64_t version)
{
	if (version > 0)
		html_printf(p->b, "<input type=\"hidden\" name=\"version\" "
		    "value=\"%lld\">", (long long)version);
}

int64_t
page_version_in(struct page *p, int64_t dflt)
{
	const char	*v = http_form(p->r, "version");
	int64_t		 n;

	if (v == NULL || *v == '\0')
		return dflt;
	return parse_int(v, 1, INT64_MAX, &n, NULL) == ERR_OK ? n : dflt;
}

void
page_conflict(struct page *p, const struct field_def *tab, const void *obj,
    const char *const *names)
{
	const struct field_def	*f;
	struct buf		 b = BUF_INIT;

	html_printf(p->b, "<section class=\"conflict\"><h2>%s</h2><p>%s</p>"
	    "<dl>", _("Changed meanwhile"), _("Someone else saved this while "
	    "you were editing it. It now reads as below; your changes are "
	    "still in the form: compare, then save again."));
	for (; *names != NULL; names++) {
		if ((f = field_find(tab, *names)) == NULL)
			continue;
		buf_reset(&b);
		field_format(f, obj, &b);
		html_printf(p->b, "<dt>%s</dt><dd>", f->name);
		html_puts(p->b, buf_cstr(&b));
		html_raw(p->b, "</dd>");
	}
	buf_release(&b);
	html_raw(p->b, "</dl></section>");
}

const char *
page_status_text(enum okr_status s)
{
	switch (s) {
	case STATUS_ON_TRACK:	return _("on track");
	case STATUS_AT_RISK:	return _("at risk");
	case STATUS_OFF_TRACK:	return _("off track");
	case STATUS_OUTDATED:	return _("outdated");
	case STATUS_NO_DATA:	return _("no data");
	case STATUS_DONE:	return _("done");
	default:		return "";
	}
}

void
page_status(struct page *p, enum okr_status s)
{
	html_printf(p->b, "<span class=\"st st-%s\">%s</span>",
	    okr_status_name(s), page_status_text(s));
}

void
page_pct(struct page *p, double v)
{
	if (!isfinite(v)) {
		html_raw(p->b, "—");
		return;
	}
	/* lround: half away from zero, as jq's round and the CLI do. */
	html_printf(p->b, "%ld%%", lround(v * 100));
}

void
page_bar(struct page *p, double progress, double expected,
    enum okr_status s)
{
	char	 label[160], pct[32], exp[32];

	i18n_num(pct, sizeof(pct), isfinite(progress) ? progress * 100 : NAN,
	    0, p->lang);
	i18n_num(exp, sizeof(exp), expected * 100, 0, p->lang);
	snprintf(label, sizeof(label), _("progress %s%%, expected %s%%"), pct,
	    exp);
	html_raw(p->b, "<span class=\"progress\">");
	svg_bar(p->b, progress, expected, okr_status_name(s), label);
	html_raw(p->b, "<span class=\"pct\">");
	page_pct(p, progress);
	html_raw(p->b, "</span></span>");
}

int
page_decimals(double v)
{
	double	 a = fabs(v);

	if (!isfinite(v) || a >= 1000 || a == floor(a))
		return 0;
	if (a >= 10 || fabs(a * 10 - round(a * 10)) < 1e-9)
		return 1;
	return 2;
}

void
page_num(struct page *p, double v, int decimals)
{
	char	 s[64];

	i18n_num(s, sizeof(s), v, decimals, p->lang);
	html_puts(p->b, s);
}

void
page_date(struct page *p, const char *ymd)
{
	char	 s[32];

	i18n_date(s, sizeof(s), ymd, p->lang);
	html_puts(p->b, s);
}

void
page_day(struct page *p, int64_t t)
{
	char	 s[32];

	i18n_day(s, sizeof(s), t, p->lang);
	html_puts(p->b, s);
}

/* "58 → 70 NPS", "yes", "2 of 4 milestones". */
static void
kr_values(struct page *p, const struct kr_eval *ke)
{
	const struct kr	*k = ke->kr;

	switch (k->kind) {
	case KR_BOOLEAN:
		html_puts(p->b, isnan(ke->ev.current) ? "—" :
		    ke->ev.current >= 1 ? _("yes") : _("no"));
		return;
	case KR_MILESTONES:
		html_printf(p->b, _("%zu of %zu milestones"), ke->ms_done,
		    k->nms);
		return;
	case KR_BAND:
		page_num(p, ke->ev.current, page_decimals(ke->ev.current));
		html_raw(p->b, " ∈ [");
		page_num(p, k->low, page_decimals(k->low));
		html_raw(p->b, ", ");
		page_num(p, k->high, page_decimals(k->high));
		html_raw(p->b, "]");
		break;
	default:
		page_num(p, ke->ev.current, page_decimals(ke->ev.current));
		html_raw(p->b, " → ");
		page_num(p, k->target, page_decimals(k->target));
		break;
	}
	if (k->unit != NULL)
		html_printf(p->b, " %s", k->unit);
}

static void
page_kr(struct page *p, const struct cycle_eval *ce, const struct kr_eval *ke)
{
	const struct kr	*k = ke->kr;

	/* a key result's key is unique within its objective only */
	html_printf(p->b, "<li class=\"kr\" id=\"kr-%s-%s\"><span "
	    "class=\"title\">%s</span>", k->objective, k->key, k->title);
	if (k->owner != NULL)
		html_printf(p->b, "<span class=\"owner\">%s</span>", k->owner);
	page_bar(p, ke->ev.progress, ce->expected, ke->ev.status);
	page_status(p, ke->ev.status);
	html_raw(p->b, "<span class=\"val\">");
	kr_values(p, ke);
	html_raw(p->b, "</span>");
	if (isfinite(ke->confidence)) {
		html_printf(p->b, "<span class=\"conf\">%s ",
		    _("confidence"));
		page_num(p, ke->confidence, 1);
		if (isfinite(ke->prev_confidence) && ke->prev_confidence !=
		    ke->confidence)
			html_raw(p->b, ke->confidence > ke->prev_confidence ?
			    " ↑" : " ↓");
		html_raw(p->b, "</span>");
	}
	if (k->kpi == NULL) {
		html_raw(p->b, "<a class=\"act\" href=\"/krs/");
		html_url(p->b, k->objective);
		html_raw(p->b, "/");
		html_url(p->b, k->key);
		html_printf(p->b, "/checkin\">%s</a>", _("Check in"));
	} else
		html_printf(p->b, "<span class=\"kpi\">KPI %s</span>", k->kpi);
	html_raw(p->b, "</li>");
}

void
page_objective(struct page *p, const struct cycle_eval *ce,
    const struct obj_eval *oe, int level, int with_krs)
{
	const struct objective	*ob = oe->obj;
	size_t			 i;

	html_printf(p->b, "<section class=\"obj lvl-%d\" id=\"obj-%s\">"
	    "<h3><a href=\"/objectives/", level > 5 ? 5 : level, ob->key);
	html_url(p->b, ob->key);
	html_printf(p->b, "\">%s</a></h3><span class=\"owner\">%s</span>",
	    ob->title, ob->team != NULL ? ob->team : ob->person != NULL ?
	    ob->person : "");
	page_bar(p, oe->ev.progress, oe->ev.expected, oe->ev.status);
	page_status(p, oe->ev.status);
	if (ob->kind == OBJ_ASPIRATIONAL)
		html_printf(p->b, "<span class=\"kind\">%s</span>",
		    _("aspirational"));
	if (ob->state == OBJ_DRAFT)
		html_printf(p->b, "<span class=\"kind\">%s</span>",
		    _("draft"));
	/* the discussion (and a draft's review); not on a wallboard */
	if (!(p->flags & PAGE_WALLBOARD)) {
		html_raw(p->b, "<a class=\"act\" href=\"/objectives/");
		html_url(p->b, ob->key);
		html_printf(p->b, "/review\">%s</a>", ob->state == OBJ_DRAFT ?
		    _("Review") : _("Discuss"));
	}
	if (with_krs && oe->nkrs > 0) {
		html_raw(p->b, "<ul class=\"krs\">");
		for (i = 0; i < oe->nkrs; i++)
			page_kr(p, ce, &oe->krs[i]);
		html_raw(p->b, "</ul>");
	}
	html_raw(p->b, "</section>\n");
}

void
page_counts(struct page *p, const struct cycle_eval *ce,
    const unsigned char *shown)
{
	size_t	 n[STATUS__MAX] = { 0 }, i;
	int	 s;

	for (i = 0; i < ce->nobjs; i++)
		if (shown == NULL || shown[i])
			n[ce->objs[i].ev.status]++;
	html_printf(p->b, "<ul class=\"counts\" aria-label=\"%s\">",
	    _("Objectives by status"));
	for (s = 0; s < STATUS__MAX; s++)
		if (n[s] > 0)
			html_printf(p->b, "<li class=\"st-%s\"><b>%zu</b> %s"
			    "</li>", okr_status_name((enum okr_status)s), n[s],
			    page_status_text((enum okr_status)s));
	html_raw(p->b, "</ul>\n");
}

const struct route page_routes[] = {
	{ HTTP_GET, "/", page_home, ROLE_VIEWER, ROUTE_PAGE, "page_home" },
	{ HTTP_GET, "/teams/*", page_team, ROLE_VIEWER, ROUTE_PAGE,
	    "page_team" },
	{ HTTP_GET, "/wallboard", page_wallboard, ROLE_VIEWER, ROUTE_PAGE,
	    "page_wallboard" },
	{ HTTP_GET, "/objectives/*", page_obj, ROLE_VIEWER, ROUTE_PAGE,
	    "page_objective" },
	{ HTTP_GET, "/krs/*/*/checkin", page_checkin_form, ROLE_MEMBER,
	    ROUTE_PAGE, "page_checkin_form" },
	{ HTTP_POST, "/krs/*/*/checkin", page_checkin_post, ROLE_MEMBER,
	    ROUTE_PAGE | ROUTE_WRITE, "page_checkin" },
	{ HTTP_GET, "/kpis", page_kpis, ROLE_VIEWER, ROUTE_PAGE,
	    "page_kpis" },
	{ HTTP_GET, "/kpis/*", page_kpi, ROLE_VIEWER, ROUTE_PAGE,
	    "page_kpi" },
	{ HTTP_GET, "/import", page_import_form, ROLE_LEAD, ROUTE_PAGE,
	    "page_import_form" },
	{ HTTP_POST, "/import", page_import_post, ROLE_LEAD,
	    ROUTE_PAGE | ROUTE_WRITE, "page_import" },
	{ HTTP_GET, "/static/okrdesk.css", static_css, ROLE_ANON, ROUTE_PAGE,
	    "static_css" },
	{ HTTP_GET, "/static/okrdesk.js", static_js, ROLE_ANON, ROUTE_PAGE,
	    "static_js" },
	{ 0, NULL, NULL, ROLE_ANON, 0, NULL }
};
