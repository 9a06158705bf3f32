/*
 * page_import.c: the import page.
 *
 *   GET  /import    the form: dataset, profile, the export's text (a file
 *                   chosen in the page is read into it by okrdesk.js; the
 *                   text area works without script), "dry run" ticked
 *   POST /import    import_run as POST /api/v1/imports does: a dry run
 *                   checks every row and rolls back, showing the report
 *                   and a button to import for real; a real import
 *                   stores, recomputes KPI-fed key results, and reports
 *
 * The form is urlencoded, not multipart: the server parses urlencoded
 * forms only, and the CSRF token must arrive as a form field.
 */
#include <string.h>
#include <stdlib.h>

#include "core/html.h"
#include "import/import.h"
#include "okr/kpilink.h"
#include "web/page.h"

struct bad_rows {
	struct page	*p;
	int		 n;
};

static void
bad_row(void *ctx, const char *msg)
{
	struct bad_rows	*c = ctx;

	if (c->n++ == 0)
		html_printf(c->p->b, "<h2>%s</h2><ul class=\"bad\">",
		    _("Rows refused"));
	html_printf(c->p->b, "<li>%s</li>", msg);
}

static void
import_form(struct page *p, int dry)
{
	const char	*ds = http_form(p->r, "dataset");
	const char	*prof = http_form(p->r, "profile");
	const char	*data = http_form(p->r, "file");
	int		 i;

	/* after a dry run of an upload, the next step carries its text */
	if (data == NULL || data[0] == '\0')
		data = http_form(p->r, "data");

	html_raw(p->b, "<form method=\"post\" action=\"/import\" "
	    "class=\"import\" enctype=\"multipart/form-data\">");
	page_csrf(p);
	html_printf(p->b, "<label>%s <select name=\"dataset\">",
	    _("Dataset"));
	for (i = 0; i < DS__MAX; i++)
		html_printf(p->b, "<option%s>%s</option>", ds != NULL &&
		    strcmp(ds, ds_info[i].name) == 0 ? " selected" : "",
		    ds_info[i].name);
	html_printf(p->b, "</select></label><label>%s <input name=\"profile\" "
	    "placeholder=\"zendesk\" value=\"%s\"></label>", _("Profile"),
	    prof != NULL ? prof : "");
	html_printf(p->b, "<label class=\"file\">%s <input type=\"file\" "
	    "name=\"file\" id=\"import-file\" accept=\".csv,.json,.ndjson,text/csv,"
	    "application/json\"></label>", _("File"));
	html_printf(p->b, "<label>%s <textarea name=\"data\" id=\"import-data\""
	    " rows=\"10\">%s</textarea></label>",
	    _("The export (CSV, JSON or NDJSON)"), data != NULL ? data : "");
	html_printf(p->b, "<label><input type=\"checkbox\" name=\"dry_run\" "
	    "value=\"1\"%s> %s</label>", dry ? " checked" : "",
	    _("Dry run: check every row, store nothing"));
	html_printf(p->b, "<button type=\"submit\">%s</button></form>\n",
	    dry ? _("Check") : _("Import"));
}

int
page_import_form(struct http_req *r, struct http_resp *w)
{
	struct page	 p;

	page_begin(&p, r, w, _("Import"), 0);
	html_printf(p.b, "<h1>%s</h1>", _("Import"));
	import_form(&p, 1);
	return page_end(&p);
}

int
page_import_post(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct import_opts	 o;
	struct import_stats	 st;
	struct bad_rows		 c;
	struct err		 e;
	const char		*data, *v;
	int			 d, rc, dry;

	page_begin(&p, r, w, _("Import"), 0);
	/* an uploaded file (multipart) wins over text pasted in the box */
	if ((data = http_form(r, "file")) == NULL || data[0] == '\0')
		data = http_form(r, "data");
	if ((v = http_form(r, "dataset")) == NULL || (d = ds_find(v)) < 0)
		return page_fail(&p, 422, _("Choose a dataset."));
	if (data == NULL || data[0] == '\0')
		return page_fail(&p, 422, _("The export is empty."));
	dry = (v = http_form(r, "dry_run")) != NULL && strcmp(v, "0") != 0;
	html_printf(p.b, "<h1>%s</h1>", _("Import"));
	memset(&o, 0, sizeof(o));
	memset(&c, 0, sizeof(c));
	c.p = &p;
	o.ds = (enum ds)d;
	o.path = "upload";
	o.data = data;
	o.datalen = strlen(data);
	v = http_form(r, "profile");
	o.profile = v != NULL && v[0] != '\0' ? v : NULL;
	o.max_report = 50;
	o.actor = r->user != NULL ? r->user->login : "web";
	o.now = r->okr->now;
	o.bad = bad_row;
	o.ctx = &c;
	rc = import_run(r->okr->st, &o, &st, &e);
	if (c.n > 0)
		html_raw(p.b, "</ul>");
	if (rc != ERR_OK) {
		w->status = 422;
		html_printf(p.b, "<p class=\"error\" role=\"alert\">%s</p>",
		    e.msg);
		import_form(&p, dry);
		return page_end(&p);
	}
	if (dry)
		w->rollback = 1;
	else if (kpilink_refresh(r->okr, NULL, NULL, NULL, &e) != ERR_OK)
		return page_fail_err(&p, &e);
	html_printf(p.b, "<p class=\"ok\">%s</p><dl class=\"report\">", dry ?
	    _("Dry run: every row is valid; nothing was stored.") :
	    _("Imported."));
	html_printf(p.b, "<dt>%s</dt><dd>%s</dd>", _("profile"), st.profile);
	html_printf(p.b, "<dt>%s</dt><dd>%llu</dd>", _("rows read"),
	    (unsigned long long)st.rows);
	html_printf(p.b, "<dt>%s</dt><dd>%llu</dd>", dry ? _("rows to store") :
	    _("rows stored"), (unsigned long long)st.stored);
	html_printf(p.b, "<dt>%s</dt><dd>%llu</dd>", _("new"),
	    (unsigned long long)st.added);
	html_printf(p.b, "<dt>%s</dt><dd>%llu</dd></dl>", _("filtered out"),
	    (unsigned long long)st.filtered);
	if (dry)
		import_form(&p, 0);
	return page_end(&p);
}
