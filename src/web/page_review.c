/*
 * page_review.c: drafts and comments: the discussion of an objective and
 * a lead's approval of a draft.
 *
 *   GET  /objectives/KEY/review     the objective's state, key results and
 *                                   links to edit them, its comments with
 *                                   the comment form, and for a draft the
 *                                   lead's "Approve" and "Send back"
 *   POST /objectives/KEY/approve    draft -> active (a lead who may edit
 *                                   it, or an admin), 303 to the objective
 *   POST /objectives/KEY/sendback   stays a draft; the comment (required)
 *                                   says why; 303 back to the review
 *   POST /objectives/KEY/comments   anyone signed in: text, and kr (a key
 *                                   result's key) or none for the
 *                                   objective; 303 back to the review
 *
 * All of it lands in history: the state change through objective_update,
 * comments through comment_add, a send-back as the objective's "review"
 * field.  page_review_section() draws the comments and the forms, for
 * this page and for the objective's own page.
 */
#include <string.h>
#include <time.h>

#include "core/html.h"
#include "okr/comment.h"
#include "okr/user.h"
#include "web/auth.h"
#include "web/page.h"

static char *
review_url(struct page *p, const char *key, const char *suffix)
{
	struct buf	 b = BUF_INIT;
	char		*s;

	buf_puts(&b, "/objectives/");
	html_url(&b, key);
	buf_puts(&b, suffix);
	s = arena_strdup(p->r->arena, buf_cstr(&b));
	buf_release(&b);
	return s;
}

/* "24.11.2026 14:05": the local date for the language and the time. */
static void
when(struct page *p, int64_t t)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;
	char		 hm[16];

	page_day(p, t);
	if (localtime_r(&tt, &tm) != NULL &&
	    strftime(hm, sizeof(hm), " %H:%M", &tm) > 0)
		html_puts(p->b, hm);
}

static void
comments(struct page *p, const struct objective *ob)
{
	struct comment	*c;
	struct err	 e;
	size_t		 n, i;

	html_printf(p->b, "<section class=\"comments\" id=\"comments\">"
	    "<h2>%s</h2>", _("Comments"));
	if (comment_list(p->r->okr, ob->key, p->r->arena, &c, &n, &e) !=
	    ERR_OK || n == 0)
		html_printf(p->b, "<p>%s</p>", _("No comment yet."));
	else {
		html_raw(p->b, "<ol class=\"comments\">");
		for (i = 0; i < n; i++) {
			html_printf(p->b, "<li class=\"comment\" id=\"c-%lld\">"
			    "<p class=\"meta\"><b class=\"author\">%s</b> ",
			    (long long)c[i].id, c[i].author);
			html_raw(p->b, "<span class=\"at\">");
			when(p, c[i].at);
			html_raw(p->b, "</span>");
			if (c[i].kr != NULL)
				html_printf(p->b, " · <span class=\"about\">"
				    "%s %s</span>", _("on key result"),
				    c[i].kr);
			html_raw(p->b, "</p><p class=\"text\">");
			html_puts(p->b, c[i].text);
			html_raw(p->b, "</p></li>");
		}
		html_raw(p->b, "</ol>");
	}
}

/* The comment form: about the objective or one of its key results. */
static void
comment_form(struct page *p, const struct objective *ob, const char *text)
{
	struct kr	*k;
	struct err	 e;
	size_t		 n, i;

	if (p->r->user == NULL)
		return;
	html_raw(p->b, "<form method=\"post\" class=\"comment\" action=\"");
	html_puts(p->b, review_url(p, ob->key, "/comments"));
	html_raw(p->b, "\">");
	page_csrf(p);
	html_printf(p->b, "<label>%s <textarea name=\"text\" rows=\"3\" "
	    "maxlength=\"%d\" required>", _("Comment"), COMMENT_TEXT_MAX);
	html_puts(p->b, text);
	html_raw(p->b, "</textarea></label>");
	if (kr_list_objective(p->r->okr, ob->id, p->r->arena, &k, &n, &e) ==
	    ERR_OK && n > 0) {
		html_printf(p->b, "<label>%s <select name=\"kr\"><option "
		    "value=\"\">%s</option>", _("About"), _("the objective"));
		for (i = 0; i < n; i++)
			html_printf(p->b, "<option value=\"%s\">%s</option>",
			    k[i].key, k[i].title);
		html_raw(p->b, "</select></label>");
	}
	html_printf(p->b, "<button type=\"submit\">%s</button></form>",
	    _("Comment"));
}

/* A lead's approve and send-back forms for a draft they may edit. */
static void
review_forms(struct page *p, const struct objective *ob)
{
	struct user	 u;

	auth_as_user(p->r->user, &u);
	if (ob->state != OBJ_DRAFT || !user_can_edit_objective(p->r->okr, &u,
	    ob->key))
		return;
	html_printf(p->b, "<section class=\"review\"><h2>%s</h2>",
	    _("Review the draft"));
	html_raw(p->b, "<form method=\"post\" class=\"inline\" action=\"");
	html_puts(p->b, review_url(p, ob->key, "/approve"));
	html_raw(p->b, "\">");
	page_csrf(p);
	html_printf(p->b, "<button type=\"submit\">%s</button></form>",
	    _("Approve"));
	html_raw(p->b, "<form method=\"post\" class=\"sendback\" action=\"");
	html_puts(p->b, review_url(p, ob->key, "/sendback"));
	html_raw(p->b, "\">");
	page_csrf(p);
	html_printf(p->b, "<label>%s <textarea name=\"text\" rows=\"2\" "
	    "maxlength=\"%d\" required></textarea></label><button "
	    "type=\"submit\">%s</button></form></section>",
	    _("What should change"), COMMENT_TEXT_MAX, _("Send back"));
}

void
page_review_section(struct page *p, const struct objective *ob)
{
	review_forms(p, ob);
	comments(p, ob);
	comment_form(p, ob, NULL);
}

/* The review page, with message (escaped) and the comment typed when a
 * comment was refused. */
static void
review_page(struct page *p, const struct objective *ob, const char *message,
    const char *text)
{
	struct kr	*k;
	struct err	 e;
	size_t		 n, i;
	int		 right = page_obj_right(p, ob);

	html_raw(p->b, "<p class=\"crumbs\"><a href=\"");
	html_puts(p->b, review_url(p, ob->key, ""));
	html_printf(p->b, "\">%s</a></p><h1>%s</h1>", ob->title, ob->title);
	if (message != NULL)
		html_printf(p->b, "<p class=\"error\" role=\"alert\">%s</p>",
		    message);
	html_printf(p->b, "<p class=\"meta\">%s: <span class=\"state "
	    "state-%s\">%s</span> · %s: %s</p>", _("State"),
	    obj_state_names[ob->state], ob->state == OBJ_DRAFT ? _("draft") :
	    ob->state == OBJ_ACTIVE ? _("active") : _("closed"), _("Owner"),
	    ob->team != NULL ? ob->team : ob->person != NULL ? ob->person :
	    "");
	if (ob->description != NULL) {
		html_raw(p->b, "<p class=\"desc\">");
		html_puts(p->b, ob->description);
		html_raw(p->b, "</p>");
	}
	html_printf(p->b, "<section><h2>%s</h2><ul class=\"krs\">",
	    _("Key results"));
	if (kr_list_objective(p->r->okr, ob->id, p->r->arena, &k, &n, &e) ==
	    ERR_OK)
		for (i = 0; i < n; i++) {
			html_printf(p->b, "<li>%s", k[i].title);
			if (right) {
				html_raw(p->b, " <a class=\"act\" "
				    "href=\"/krs/");
				html_url(p->b, ob->key);
				html_raw(p->b, "/");
				html_url(p->b, k[i].key);
				html_printf(p->b, "/edit\">%s</a>",
				    _("Edit"));
			}
			html_raw(p->b, "</li>");
		}
	html_raw(p->b, "</ul>");
	if (right) {
		html_raw(p->b, "<p><a class=\"act\" href=\"");
		html_puts(p->b, review_url(p, ob->key, "/edit"));
		html_printf(p->b, "\">%s</a> <a class=\"act\" href=\"",
		    _("Edit the objective"));
		html_puts(p->b, review_url(p, ob->key, "/krs/new"));
		html_printf(p->b, "\">%s</a></p>", _("Add a key result"));
	}
	html_raw(p->b, "</section>");
	review_forms(p, ob);
	comments(p, ob);
	comment_form(p, ob, text);
}

int
page_review(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct objective	 ob;
	struct err		 e;

	page_begin(&p, r, w, _("Review"), 0);
	if (objective_get(r->okr, r->args[0], r->arena, &ob, &e) != ERR_OK)
		return page_fail_err(&p, &e);
	page_begin(&p, r, w, ob.title, 0);
	review_page(&p, &ob, NULL, NULL);
	return page_end(&p);
}

/* Load the draft of the path for a lead's decision; -1 if refused. */
static int
draft_target(struct page *p, struct objective *ob)
{
	struct err	 e;
	struct user	 u;

	if (objective_get(p->r->okr, p->r->args[0], p->r->arena, ob, &e) !=
	    ERR_OK) {
		page_fail_err(p, &e);
		return -1;
	}
	auth_as_user(p->r->user, &u);
	if (!user_can_edit_objective(p->r->okr, &u, ob->key)) {
		page_fail(p, 403, _("Only a lead of the objective's team, or "
		    "an admin, can approve a draft or send it back."));
		return -1;
	}
	if (ob->state != OBJ_DRAFT) {
		page_fail(p, 409, _("This objective is not a draft."));
		return -1;
	}
	return 0;
}

static int
redirect(struct page *p, const char *loc)
{
	i18n_end();
	return http_redirect(p->r, p->w, loc);
}

int
page_review_approve(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct objective	 old, ob;
	struct err		 e;

	page_begin(&p, r, w, _("Approve"), 0);
	if (draft_target(&p, &old) != 0)
		return 0;
	ob = old;
	ob.state = OBJ_ACTIVE;
	/* history_diff records state: draft -> active, by the lead */
	if (objective_update(r->okr, &old, &ob, &e) != ERR_OK)
		return page_fail_err(&p, &e);
	return redirect(&p, review_url(&p, ob.key, ""));
}

/* Show the review page again, with the message and the text typed. */
static int
review_again(struct page *p, const struct objective *ob, int status,
    const char *message, const char *text)
{
	page_begin(p, p->r, p->w, ob->title, 0);
	p->w->status = status;
	review_page(p, ob, message, text);
	return page_end(p);
}

int
page_review_sendback(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct objective	 ob;
	struct err		 e;
	const char		*text;
	enum err_code		 rc;

	page_begin(&p, r, w, _("Send back"), 0);
	if (draft_target(&p, &ob) != 0)
		return 0;
	text = page_form(&p, "text");
	if (text == NULL)
		return review_again(&p, &ob, 422, _("Say what should change: "
		    "a draft is sent back with a comment."), NULL);
	if ((rc = comment_add(r->okr, ob.key, r->user->login, text, NULL, &e))
	    == ERR_OK)
		rc = history_add(r->okr, "objective", ob.id, ob.key, "review",
		    NULL, "sent back", &e);
	if (rc == ERR_INVAL)
		return review_again(&p, &ob, 422, e.msg, http_form(r, "text"));
	if (rc != ERR_OK)
		return page_fail_err(&p, &e);
	return redirect(&p, review_url(&p, ob.key, "/review"));
}

int
page_review_comment(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct objective	 ob;
	struct err		 e;
	const char		*kr, *ref;
	enum err_code		 rc;

	page_begin(&p, r, w, _("Comment"), 0);
	if (objective_get(r->okr, r->args[0], r->arena, &ob, &e) != ERR_OK)
		return page_fail_err(&p, &e);
	ref = ob.key;
	if ((kr = page_form(&p, "kr")) != NULL)
		ref = arena_printf(r->arena, "%s/%s", ob.key, kr);
	/* page_form: a browser's CRLF lines become LF, as stored */
	rc = comment_add(r->okr, ref, r->user->login, page_form(&p, "text"),
	    NULL, &e);
	if (rc == ERR_INVAL || rc == ERR_NOTFOUND)
		return review_again(&p, &ob, 422, e.msg, http_form(r, "text"));
	if (rc != ERR_OK)
		return page_fail_err(&p, &e);
	return redirect(&p, review_url(&p, ob.key, "/review#comments"));
}
