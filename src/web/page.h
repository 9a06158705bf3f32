/*
 * page.h: the web pages (server-rendered HTML): their route table, the
 * layout every page shares and the widgets the page files share.
 *
 *   page.c         layout (header, navigation, <main>, errors), widgets
 *   page_home.c    /, /teams/NAME, /wallboard
 *   page_obj.c     /objectives/KEY and the check-in form
 *   page_kpi.c     /kpis, /kpis/KEY
 *   page_import.c  /import
 *   page_edit.c    the objective and key-result editor (edit_routes)
 *   page_review.c  drafts' approval and comments
 *   static.c       /static/okrdesk.css and /static/okrdesk.js
 *
 * Every text goes through _() (web/i18n.h) and every value through the
 * escaping writer (core/html.h).  A page uses no inline style and no
 * inline script (the CSP forbids both): geometry in SVG attributes,
 * looks in classes of assets/okrdesk.css.
 *
 * A handler calls page_begin() first (which also sets the thread's
 * language) and ends with page_end() or page_fail() (which restore it).
 *
 * Ownership: a struct page borrows the request and response; text it
 * makes lives in the request arena.
 */
#ifndef WEB_PAGE_H
#define WEB_PAGE_H

#include <stdint.h>

#include "okr/eval.h"
#include "okr/progress.h"
#include "web/http.h"
#include "web/i18n.h"

/* The pages' routes, for route_tables (web/routes.c). */
extern const struct route page_routes[];
/* The editing and review pages' routes (page_edit.c); before page_routes
 * in route_tables, so /objectives/new is not an objective's page. */
extern const struct route edit_routes[];

#define PAGE_WALLBOARD	0x01	/* no navigation, large type, refresh */

struct page {
	struct http_req		*r;
	struct http_resp	*w;
	struct buf		*b;		/* w->body */
	enum i18n_lang		 lang;
	unsigned		 flags;
};

/* The request's language: the user's, else the workspace's, else
 * Accept-Language (req->lang), else English. */
enum i18n_lang	page_lang(const struct http_req *);

/* Set the language and write everything up to and including <main>;
 * title is escaped. */
void	page_begin(struct page *, struct http_req *, struct http_resp *,
	    const char *title, unsigned flags);
/* Close <main> and the document, restore the language.  Returns 0. */
int	page_end(struct page *);
/* Replace whatever was written by an error page in the layout, with
 * status and message (escaped); restore the language.  Returns 0. */
int	page_fail(struct page *, int status, const char *message);
/* page_fail for an okrdesk error (ERR_NOTFOUND 404, ERR_INVAL 422, ...). */
int	page_fail_err(struct page *, const struct err *);

/* The CSRF hidden field of a form (empty without a session). */
void	page_csrf(struct page *);

/*
 * Optimistic concurrency in the edit forms (okr/okr.h's versions): the
 * form carries the version it showed; the save matches it.
 *   page_version     the hidden "version" field (nothing for 0)
 *   page_version_in  the submitted version, or dflt when none (or no
 *                    whole number) was sent
 *   page_conflict    after a lost race: what is stored now (the fields of
 *                    tab named in names, of obj), above the form that
 *                    keeps what the user typed
 */
void	page_version(struct page *, int64_t version);
int64_t	page_version_in(struct page *, int64_t dflt);
void	page_conflict(struct page *, const struct field_def *tab,
	    const void *obj, const char *const *names);

/* Status word, translated ("on track"), and its badge
 * <span class="st st-on_track">. */
const char *page_status_text(enum okr_status);
void	page_status(struct page *, enum okr_status);
/* A progress bar with its percent: the bar (svg_bar) and "42%". */
void	page_bar(struct page *, double progress, double expected,
	    enum okr_status);
/* round(100 * p) as the text "42%", "—" for NAN. */
void	page_pct(struct page *, double p);
/* A number for the language (i18n_num), escaped into the page. */
void	page_num(struct page *, double v, int decimals);
/* The number of decimals that shows v without noise: 0 for whole
 * numbers and large ones, up to 2. */
int	page_decimals(double v);
/* A date "YYYY-MM-DD", or the local date of a time, for the language. */
void	page_date(struct page *, const char *ymd);
void	page_day(struct page *, int64_t t);

/* One objective as a card of the tree: title (a link), owner, bar,
 * status, and its key results when with_krs. */
void	page_objective(struct page *, const struct cycle_eval *,
	    const struct obj_eval *, int level, int with_krs);
/* Counts of the objectives shown by status. */
void	page_counts(struct page *, const struct cycle_eval *,
	    const unsigned char *shown);

/* A form field as typed, trimmed, with a textarea's CRLF as LF; NULL when
 * absent or blank (page_edit.c). */
const char *page_form(struct page *, const char *name);
/* What the signed-in user may do with objective ob in the editor: 0
 * nothing, 1 edit it as a draft of their team (a member), 2 edit it (a
 * lead of its team, an admin). */
int	page_obj_right(struct page *, const struct objective *);
/* The discussion of an objective (page_review.c): a lead's approve and
 * send-back forms for a draft, the comments, the comment form. */
void	page_review_section(struct page *, const struct objective *);

/* Handlers (one per route). */
int	page_home(struct http_req *, struct http_resp *);
int	page_team(struct http_req *, struct http_resp *);
int	page_wallboard(struct http_req *, struct http_resp *);
int	page_obj(struct http_req *, struct http_resp *);
int	page_checkin_form(struct http_req *, struct http_resp *);
int	page_checkin_post(struct http_req *, struct http_resp *);
int	page_kpis(struct http_req *, struct http_resp *);
int	page_kpi(struct http_req *, struct http_resp *);
int	page_import_form(struct http_req *, struct http_resp *);
int	page_import_post(struct http_req *, struct http_resp *);
int	page_obj_new_form(struct http_req *, struct http_resp *);
int	page_obj_new_post(struct http_req *, struct http_resp *);
int	page_obj_edit_form(struct http_req *, struct http_resp *);
int	page_obj_edit_post(struct http_req *, struct http_resp *);
int	page_kr_new_form(struct http_req *, struct http_resp *);
int	page_kr_new_post(struct http_req *, struct http_resp *);
int	page_kr_edit_form(struct http_req *, struct http_resp *);
int	page_kr_edit_post(struct http_req *, struct http_resp *);
int	page_review(struct http_req *, struct http_resp *);
int	page_review_approve(struct http_req *, struct http_resp *);
int	page_review_sendback(struct http_req *, struct http_resp *);
int	page_review_comment(struct http_req *, struct http_resp *);
int	static_css(struct http_req *, struct http_resp *);
int	static_js(struct http_req *, struct http_resp *);

#endif /* WEB_PAGE_H */
