/*
 * survey.c: the customer's survey page, /s/TOKEN: one question (CSAT 1-5
 * or NPS 0-10) and a comment, no sign-in.  The token is the capability
 * (import/survey.h): an expired, reused or forged one gets a plain page
 * saying so, with its status (410, 409, 404).
 */
#include <stdlib.h>
#include <string.h>

#include "core/html.h"
#include "core/parse.h"
#include "import/survey.h"
#include "web/survey.h"

static void
head(struct http_req *r, struct buf *b, const char *title)
{
	html_raw(b, "<!doctype html>\n<html lang=\"en\"><head>"
	    "<meta charset=\"utf-8\"><meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">"
	    "<meta name=\"robots\" content=\"noindex\">"
	    "<link rel=\"stylesheet\" href=\"/static/okrdesk.css\">");
	html_printf(b, "<title>%s · %s</title></head><body class=\"survey\">"
	    "<main>", title, r->okr->ws.name);
}

static int
plain(struct http_req *r, struct http_resp *w, int status,
    const char *message)
{
	struct buf	*b = &w->body;

	w->status = status;
	w->content_type = "text/html; charset=utf-8";
	head(r, b, "Survey");
	html_printf(b, "<h1>%s</h1><p>%s</p></main></body></html>\n",
	    r->okr->ws.name, message);
	return 0;
}

static int
status_of(enum err_code c)
{
	return c == ERR_CONFLICT ? 409 : c == ERR_INVAL ? 410 :
	    c == ERR_NOTFOUND ? 404 : 500;
}

static int
survey_form(struct http_req *r, struct http_resp *w, const char *error)
{
	struct survey_ticket	 t;
	struct err		 e;
	struct buf		*b = &w->body;
	int			 i;

	if (survey_check(r->okr, r->args[0], r->arena, &t, &e) != ERR_OK)
		return plain(r, w, status_of(e.code), e.msg);
	w->status = error != NULL ? 422 : 200;
	w->content_type = "text/html; charset=utf-8";
	head(r, b, "Survey");
	html_printf(b, "<h1>%s</h1>", r->okr->ws.name);
	if (error != NULL)
		html_printf(b, "<p class=\"error\" role=\"alert\">%s</p>",
		    error);
	html_raw(b, "<form method=\"post\">");
	/* a signed-in colleague trying the link carries a session: then the
	 * server wants the session's CSRF token too */
	if (r->csrf != NULL)
		html_printf(b, "<input type=\"hidden\" name=\"csrf\" "
		    "value=\"%s\">", r->csrf);
	html_printf(b, "<fieldset><legend>%s</legend><p class=\"scale\">",
	    t.kind == SURVEY_CSAT ? "How satisfied are you with the help you "
	    "got?" : "How likely are you to recommend us to a friend or "
	    "colleague?");
	for (i = t.scale_min; i <= t.scale_max; i++)
		html_printf(b, "<label><input type=\"radio\" name=\"score\" "
		    "value=\"%d\" required> %d</label> ", i, i);
	html_printf(b, "</p><p class=\"ends\"><span>%s</span><span>%s</span>"
	    "</p></fieldset>", t.kind == SURVEY_CSAT ? "1 = very "
	    "dissatisfied" : "0 = not at all likely", t.kind == SURVEY_CSAT ?
	    "5 = very satisfied" : "10 = extremely likely");
	html_raw(b, "<label>Anything to add? (optional)<textarea "
	    "name=\"comment\" rows=\"4\" maxlength=\"4000\"></textarea>"
	    "</label><button type=\"submit\">Send</button></form></main>"
	    "</body></html>\n");
	return 0;
}

static int
survey_get(struct http_req *r, struct http_resp *w)
{
	return survey_form(r, w, NULL);
}

static int
survey_post(struct http_req *r, struct http_resp *w)
{
	struct err	 e;
	const char	*v;
	int64_t		 score;

	if ((v = http_form(r, "score")) == NULL ||
	    parse_int(v, 0, 10, &score, &e) != ERR_OK)
		return survey_form(r, w, "Please choose a score.");
	if (survey_answer(r->okr, r->args[0], (int)score,
	    http_form(r, "comment"), &e) != ERR_OK) {
		if (e.code == ERR_INVAL && strcmp(e.field, "token") != 0)
			return survey_form(r, w, e.msg);
		return plain(r, w, status_of(e.code), e.msg);
	}
	return plain(r, w, 200, "Thank you: your answer is recorded.");
}

const struct route survey_routes[] = {
	{ HTTP_GET, "/s/*", survey_get, ROLE_ANON, ROUTE_PAGE,
	    "survey_form" },
	{ HTTP_POST, "/s/*", survey_post, ROLE_ANON,
	    ROUTE_PAGE | ROUTE_WRITE, "survey_answer" },
	{ 0, NULL, NULL, ROLE_ANON, 0, NULL }
};
