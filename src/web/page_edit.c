/*
 * page_edit.c: the objective and key-result editor, and the route table of
 * the editing pages (edit_routes: this file's and page_review.c's).
 *
 *   GET  /objectives/new              a new objective's form
 *   POST /objectives/new              creates it, 303 to its page
 *   GET  /objectives/KEY/edit         its form, filled in
 *   POST /objectives/KEY/edit         updates it, 303 to its page
 *   GET  /objectives/KEY/krs/new      a new key result's form
 *   POST /objectives/KEY/krs/new      creates it, 303 to the objective
 *   GET  /krs/OBJ/KR/edit             a key result's form
 *   POST /krs/OBJ/KR/edit             updates it, 303 to the objective
 *
 * Every value goes through the field tables (okr/field.h: field_set), as
 * on the command line; a value they refuse shows the form again, with
 * the message and what was typed (422, or 409 for a taken key).  A form
 * carries the version it showed; a save that lost a race to someone
 * else's is a 409 showing the stored values below what was typed.
 *
 * Who may edit: a lead, for the teams they lead and those below, and an
 * admin (user_can_edit_team / user_can_edit_objective).  Bottom-up, a
 * member may propose: an objective for their own team, which is created
 * as a draft, and key results of a draft of their team; they may edit
 * such a draft until a lead approves it (page_review.c).  Anyone else
 * gets 403.
 */
#include <math.h>
#include <string.h>

#include "core/html.h"
#include "okr/user.h"
#include "web/auth.h"
#include "web/page.h"

/* What the user may do with an objective's owner team. */
enum right { RIGHT_NONE, RIGHT_DRAFT, RIGHT_FULL };

/* Objective fields the form sets (key only when new: it is the URL). */
static const char *const obj_inputs[] = { "key", "title", "description",
	"cycle", "team", "person", "kind", "weight", NULL };
static const char *const kr_inputs[] = { "key", "title", "kind", "unit",
	"baseline", "target", "low", "high", "weight", "owner", "kpi",
	"kpi_filter", "kpi_window", "kpi_baseline", NULL };

const char *
page_form(struct page *p, const char *name)
{
	const char	*v = http_form(p->r, name);
	char		*t, *w;
	size_t		 n;

	if (v == NULL)
		return NULL;
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t' ||
	    v[n - 1] == '\r' || v[n - 1] == '\n'))
		n--;
	if (n == 0 || (t = arena_printf(p->r->arena, "%.*s", (int)n, v))
	    == NULL)
		return NULL;
	/* a browser sends a textarea's lines ending in CRLF */
	for (w = t, v = t; *v != '\0'; v++)
		if (!(v[0] == '\r' && v[1] == '\n'))
			*w++ = *v;
	*w = '\0';
	return t;
}

/* The right u has over objectives owned by team (NULL: none). */
static enum right
team_right(struct page *p, const struct user *u, const char *team)
{
	if (team == NULL)
		return RIGHT_NONE;
	if (user_can_edit_team(p->r->okr, u, team))
		return RIGHT_FULL;
	if (user_has_role(u, USER_MEMBER) && u->team != NULL &&
	    strcmp(u->team, team) == 0)
		return RIGHT_DRAFT;
	return RIGHT_NONE;
}

/* The team that owns an objective: its team, or its person's team. */
static const char *
owner_team(struct page *p, const struct objective *ob)
{
	struct person	 pe;

	if (ob->team != NULL)
		return ob->team;
	if (ob->person != NULL && person_get(p->r->okr, ob->person,
	    p->r->arena, &pe, NULL) == ERR_OK)
		return pe.team;
	return NULL;
}

/* The right u has over the existing objective ob: a lead's or admin's,
 * or a member's over a draft of their team. */
static enum right
obj_right(struct page *p, const struct user *u, const struct objective *ob)
{
	if (user_can_edit_objective(p->r->okr, u, ob->key))
		return RIGHT_FULL;
	if (ob->state == OBJ_DRAFT && team_right(p, u, owner_team(p, ob)) ==
	    RIGHT_DRAFT)
		return RIGHT_DRAFT;
	return RIGHT_NONE;
}

int
page_obj_right(struct page *p, const struct objective *ob)
{
	struct user	 u;

	auth_as_user(p->r->user, &u);
	return (int)obj_right(p, &u, ob);
}

/* ---- the form's widgets ------------------------------------------------- */

/* The value a field shows: what was typed (a POST shown again), else the
 * entity's (GET; obj NULL: a new one, empty). */
static const char *
shown(struct page *p, const struct field_def *tab, const void *obj,
    const char *name)
{
	const struct field_def	*f;
	struct buf		 b = BUF_INIT;
	const char		*v;

	if (p->r->method == HTTP_POST)
		return http_form(p->r, name);
	if (obj == NULL || (f = field_find(tab, name)) == NULL)
		return NULL;
	field_format(f, obj, &b);
	v = arena_strdup(p->r->arena, buf_cstr(&b));
	buf_release(&b);
	return v;
}

static void
text_input(struct page *p, const char *label, const char *name,
    const char *value, const char *help, int required)
{
	html_printf(p->b, "<label>%s <input name=\"%s\"", label, name);
	html_attr(p->b, "value", value);
	if (help != NULL)
		html_attr(p->b, "placeholder", help);
	html_printf(p->b, "%s></label>", required ? " required" : "");
}

/* A <select> of names (NULL-terminated, or n of them), with an empty
 * choice first when empty is not NULL. */
static void
select_open(struct page *p, const char *label, const char *name,
    const char *empty)
{
	html_printf(p->b, "<label>%s <select name=\"%s\">", label, name);
	if (empty != NULL)
		html_printf(p->b, "<option value=\"\">%s</option>", empty);
}

static void
option(struct page *p, const char *value, const char *text, const char *cur)
{
	html_raw(p->b, "<option");
	html_attr(p->b, "value", value);
	html_printf(p->b, "%s>%s</option>", cur != NULL &&
	    strcmp(cur, value) == 0 ? " selected" : "", text);
}

static void
team_select(struct page *p, const char *cur)
{
	struct team	*t;
	struct err	 e;
	size_t		 n, i;

	select_open(p, _("Owner team"), "team", _("(none: a person)"));
	if (team_list(p->r->okr, p->r->arena, &t, &n, &e) == ERR_OK)
		for (i = 0; i < n; i++)
			option(p, t[i].name, t[i].name, cur);
	html_raw(p->b, "</select></label>");
}

static void
person_select(struct page *p, const char *label, const char *name,
    const char *empty, const char *cur)
{
	struct person	*pe;
	struct err	 e;
	size_t		 n, i;

	select_open(p, label, name, empty);
	if (person_list(p->r->okr, p->r->arena, &pe, &n, &e) == ERR_OK)
		for (i = 0; i < n; i++)
			option(p, pe[i].name, pe[i].name, cur);
	html_raw(p->b, "</select></label>");
}

static void
form_head(struct page *p, const char *h1, const char *message,
    const char *back, const char *back_text)
{
	if (back != NULL) {
		html_raw(p->b, "<p class=\"crumbs\"><a href=\"");
		html_puts(p->b, back);
		html_printf(p->b, "\">%s</a></p>", back_text);
	}
	html_printf(p->b, "<h1>%s</h1>", h1);
	if (message != NULL)
		html_printf(p->b, "<p class=\"error\" role=\"alert\">%s</p>",
		    message);
}

static char *
obj_url(struct page *p, const char *key, const char *suffix)
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

/* ---- objectives --------------------------------------------------------- */

static void
obj_form(struct page *p, const struct objective *ob, enum right right,
    const char *message)
{
	struct cycle	*c, cur;
	struct err	 e;
	const char	*v;
	size_t		 n, i;

	if (ob == NULL)
		form_head(p, _("New objective"), message, "/", _("Home"));
	else
		form_head(p, _("Edit the objective"), message,
		    obj_url(p, ob->key, ""), ob->title);
	if (right == RIGHT_DRAFT)
		html_printf(p->b, "<p class=\"note\">%s</p>", _("You propose "
		    "this objective as a draft: a lead of your team approves "
		    "it or sends it back."));
	html_raw(p->b, "<form method=\"post\" class=\"edit\" action=\"");
	html_puts(p->b, ob == NULL ? "/objectives/new" :
	    obj_url(p, ob->key, "/edit"));
	html_raw(p->b, "\">");
	page_csrf(p);
	page_version(p, ob != NULL ? ob->version : 0);
	if (ob == NULL)
		text_input(p, _("Key"), "key", shown(p, objective_fields, ob,
		    "key"), "nps-70", 1);
	text_input(p, _("Title"), "title", shown(p, objective_fields, ob,
	    "title"), NULL, 1);
	v = shown(p, objective_fields, ob, "description");
	html_printf(p->b, "<label>%s <textarea name=\"description\" "
	    "rows=\"3\">", _("Description"));
	html_puts(p->b, v);
	html_raw(p->b, "</textarea></label>");
	v = shown(p, objective_fields, ob, "cycle");
	/* a new objective is most likely for the cycle the home page shows */
	if (v == NULL && ob == NULL && p->r->method == HTTP_GET &&
	    cycle_current(p->r->okr, p->r->arena, &cur, &e) == ERR_OK)
		v = cur.name;
	select_open(p, _("Cycle"), "cycle", NULL);
	if (cycle_list(p->r->okr, p->r->arena, &c, &n, &e) == ERR_OK)
		for (i = 0; i < n; i++)
			option(p, c[i].name, c[i].name, v);
	html_raw(p->b, "</select></label>");
	v = shown(p, objective_fields, ob, "team");
	if (v == NULL && ob == NULL && p->r->method == HTTP_GET)
		v = p->r->user->team;
	team_select(p, v);
	person_select(p, _("or owner person"), "person", _("(none: a team)"),
	    shown(p, objective_fields, ob, "person"));
	v = shown(p, objective_fields, ob, "kind");
	select_open(p, _("Kind"), "kind", NULL);
	option(p, "committed", _("committed"), v);
	option(p, "aspirational", _("aspirational"), v);
	html_raw(p->b, "</select></label>");
	v = shown(p, objective_fields, ob, "weight");
	text_input(p, _("Weight"), "weight", v != NULL ? v : "1", NULL, 0);
	if (p->r->method == HTTP_POST)
		v = http_form(p->r, "aligns");
	else {
		struct buf	 b = BUF_INIT;

		for (i = 0; ob != NULL && i < ob->naligns; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", ob->aligns[i]);
		v = arena_strdup(p->r->arena, buf_cstr(&b));
		buf_release(&b);
	}
	text_input(p, _("Aligns to (objective or OBJECTIVE/KR, comma "
	    "separated)"), "aligns", v, "company, support/csat", 0);
	html_printf(p->b, "<button type=\"submit\">%s</button></form>",
	    ob == NULL ? _("Create") : _("Save"));
}

/*
 * A number field typed in the page's language: Romanian writes 3,5.
 * Returns v, or a copy with the decimal comma made a point.
 */
static const char *
form_decimal(struct page *p, const char *v)
{
	char	*t, *c;

	if (v == NULL || p->lang != LANG_RO || strchr(v, '.') != NULL ||
	    (t = arena_strdup(p->r->arena, v)) == NULL)
		return v;
	if ((c = strchr(t, ',')) != NULL)
		*c = '.';
	return t;
}

/* Set the fields of names from the form into obj, through tab. */
static enum err_code
fields_from_form(struct page *p, const struct field_def *tab, void *obj,
    const char *const *names, int with_key, struct err *e)
{
	const struct field_def	*f;
	const char		*v;
	enum err_code		 rc;
	size_t			 i;

	for (i = 0; names[i] != NULL; i++) {
		if (!with_key && strcmp(names[i], "key") == 0)
			continue;
		/* a field the form does not send keeps its value (or the
		 * default); one sent blank is cleared */
		if ((f = field_find(tab, names[i])) == NULL ||
		    http_form(p->r, names[i]) == NULL)
			continue;
		v = page_form(p, names[i]);
		if (f->type == FT_NUMBER || f->type == FT_WEIGHT ||
		    f->type == FT_FRACTION)
			v = form_decimal(p, v);
		/* an empty kind means "infer it", as on the command line */
		if (f->type == FT_ENUM && v == NULL && tab == kr_fields) {
			*(int *)(void *)((char *)obj + f->off) = -1;
			continue;
		}
		if ((rc = field_set(tab, obj, names[i], v, p->r->arena, e))
		    != ERR_OK) {
			if (e->field[0] == '\0')
				strncpy(e->field, names[i],
				    sizeof(e->field) - 1);
			return rc;
		}
	}
	return ERR_OK;
}

/* The aligns field: refs separated by commas or spaces. */
static enum err_code
aligns_from_form(struct page *p, struct objective *ob, struct err *e)
{
	const char	*v = page_form(p, "aligns"), *s;
	char		**a;
	size_t		 n = 0, len;

	ob->aligns = NULL;
	ob->naligns = 0;
	if (v == NULL)
		return ERR_OK;
	if ((a = arena_calloc(p->r->arena, strlen(v) / 2 + 1, sizeof(*a)))
	    == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	for (s = v; *s != '\0'; s += len) {
		s += strspn(s, ", \t\n");
		if ((len = strcspn(s, ", \t\n")) == 0)
			break;
		a[n++] = arena_printf(p->r->arena, "%.*s", (int)len, s);
	}
	ob->aligns = a;
	ob->naligns = n;
	return ERR_OK;
}

/* The status a refused save answers with. */
static int
save_status(enum err_code rc)
{
	return rc == ERR_EXISTS || rc == ERR_CONFLICT ? 409 : 422;
}

/* Show the form again after a refused save, or fail for anything else. */
static int
refused(struct page *p, const char *title, enum err_code rc,
    const struct err *e)
{
	if (rc != ERR_INVAL && rc != ERR_EXISTS && rc != ERR_NOTFOUND &&
	    rc != ERR_CONFLICT)
		return page_fail_err(p, e);
	page_begin(p, p->r, p->w, title, 0);
	p->w->status = save_status(rc);
	return 1;
}

static int
redirect(struct page *p, const char *loc)
{
	i18n_end();
	return http_redirect(p->r, p->w, loc);
}

static const char *
no_right_text(void)
{
	return _("Only a lead of the objective's team, or an admin, can edit "
	    "it; a member can propose a draft for their own team.");
}

int
page_obj_new_form(struct http_req *r, struct http_resp *w)
{
	struct page	 p;
	struct user	 u;

	page_begin(&p, r, w, _("New objective"), 0);
	auth_as_user(r->user, &u);
	if (!user_has_role(&u, USER_LEAD) && u.team == NULL)
		return page_fail(&p, 403, _("A member needs a team to propose "
		    "an objective."));
	obj_form(&p, NULL, user_has_role(&u, USER_LEAD) ? RIGHT_FULL :
	    RIGHT_DRAFT, NULL);
	return page_end(&p);
}

int
page_obj_new_post(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct objective	 ob;
	struct user		 u;
	struct err		 e;
	enum err_code		 rc;
	enum right		 right = RIGHT_FULL;

	page_begin(&p, r, w, _("New objective"), 0);
	auth_as_user(r->user, &u);
	objective_defaults(&ob);
	err_clear(&e);
	if ((rc = fields_from_form(&p, objective_fields, &ob, obj_inputs, 1,
	    &e)) == ERR_OK && (rc = aligns_from_form(&p, &ob, &e)) == ERR_OK &&
	    (ob.person == NULL || person_get(r->okr, ob.person, r->arena,
	    &(struct person){ 0 }, &e) == ERR_OK)) {
		right = team_right(&p, &u, owner_team(&p, &ob));
		if (right == RIGHT_NONE && (ob.team != NULL || ob.person !=
		    NULL) && (ob.team == NULL || team_get(r->okr, ob.team,
		    r->arena, &(struct team){ 0 }, &e) == ERR_OK))
			return page_fail(&p, 403, no_right_text());
		/* a member's proposal waits for a lead's approval */
		if (right == RIGHT_DRAFT)
			ob.state = OBJ_DRAFT;
		rc = objective_add(r->okr, &ob, &e);
	} else if (rc == ERR_OK)
		rc = e.code;
	if (rc != ERR_OK) {
		if (refused(&p, _("New objective"), rc, &e) == 0)
			return 0;
		obj_form(&p, NULL, right, e.msg);
		return page_end(&p);
	}
	return redirect(&p, obj_url(&p, ob.key, ""));
}

/* Load the objective of the path and check the user may edit it. */
static int
obj_target(struct page *p, struct objective *ob, enum right *right)
{
	struct err	 e;
	struct user	 u;

	if (objective_get(p->r->okr, p->r->args[0], p->r->arena, ob, &e) !=
	    ERR_OK) {
		page_fail_err(p, &e);
		return -1;
	}
	auth_as_user(p->r->user, &u);
	if ((*right = obj_right(p, &u, ob)) == RIGHT_NONE) {
		page_fail(p, 403, no_right_text());
		return -1;
	}
	return 0;
}

int
page_obj_edit_form(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct objective	 ob;
	enum right		 right;

	page_begin(&p, r, w, _("Edit the objective"), 0);
	if (obj_target(&p, &ob, &right) != 0)
		return 0;
	obj_form(&p, &ob, right, NULL);
	return page_end(&p);
}

int
page_obj_edit_post(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct objective	 old, ob;
	struct user		 u;
	struct err		 e;
	enum err_code		 rc;
	enum right		 right;
	int			 lost;

	page_begin(&p, r, w, _("Edit the objective"), 0);
	if (obj_target(&p, &old, &right) != 0)
		return 0;
	auth_as_user(r->user, &u);
	/* the save matches the version the form showed */
	old.version = page_version_in(&p, old.version);
	ob = old;
	err_clear(&e);
	if ((rc = fields_from_form(&p, objective_fields, &ob, obj_inputs, 0,
	    &e)) == ERR_OK && (rc = aligns_from_form(&p, &ob, &e)) == ERR_OK) {
		/* the new owner must be one the user may edit too */
		if ((ob.team != NULL || ob.person != NULL) &&
		    team_right(&p, &u, owner_team(&p, &ob)) < right &&
		    (ob.team == NULL || team_get(r->okr, ob.team, r->arena,
		    &(struct team){ 0 }, &e) == ERR_OK) && (ob.person == NULL ||
		    person_get(r->okr, ob.person, r->arena,
		    &(struct person){ 0 }, &e) == ERR_OK))
			return page_fail(&p, 403, no_right_text());
		rc = objective_update(r->okr, &old, &ob, &e);
	}
	if (rc != ERR_OK) {
		if (refused(&p, _("Edit the objective"), rc, &e) == 0)
			return 0;
		/* a lost race: the stored values, and a form (with the
		 * new version) that keeps what was typed */
		lost = okr_is_version_conflict(&e) && objective_get(r->okr,
		    r->args[0], r->arena, &old, NULL) == ERR_OK;
		obj_form(&p, &old, right, e.msg);
		if (lost)
			page_conflict(&p, objective_fields, &old, obj_inputs);
		return page_end(&p);
	}
	return redirect(&p, obj_url(&p, ob.key, ""));
}

/* ---- key results -------------------------------------------------------- */

static void
kr_form(struct page *p, const struct objective *ob, const struct kr *k,
    const char *message)
{
	const char	*v;
	size_t		 i;
	int		 kd;

	form_head(p, k == NULL ? _("New key result") :
	    _("Edit the key result"), message, obj_url(p, ob->key, ""),
	    ob->title);
	html_raw(p->b, "<form method=\"post\" class=\"edit\" action=\"");
	if (k == NULL)
		html_puts(p->b, obj_url(p, ob->key, "/krs/new"));
	else {
		html_raw(p->b, "/krs/");
		html_url(p->b, ob->key);
		html_raw(p->b, "/");
		html_url(p->b, k->key);
		html_raw(p->b, "/edit");
	}
	html_raw(p->b, "\">");
	page_csrf(p);
	page_version(p, k != NULL ? k->version : 0);
	if (k == NULL)
		text_input(p, _("Key"), "key", shown(p, kr_fields, k, "key"),
		    "csat", 1);
	text_input(p, _("Title"), "title", shown(p, kr_fields, k, "title"),
	    NULL, 1);
	v = shown(p, kr_fields, k, "kind");
	select_open(p, _("Kind"), "kind", _("(from the numbers)"));
	for (kd = 0; kd < KR_KIND__MAX; kd++)
		option(p, kr_kind_names[kd], kr_kind_names[kd], v);
	html_raw(p->b, "</select></label>");
	text_input(p, _("Unit"), "unit", shown(p, kr_fields, k, "unit"),
	    "%", 0);
	text_input(p, _("Baseline"), "baseline", shown(p, kr_fields, k,
	    "baseline"), NULL, 0);
	text_input(p, _("Target"), "target", shown(p, kr_fields, k,
	    "target"), NULL, 0);
	text_input(p, _("Band low"), "low", shown(p, kr_fields, k, "low"),
	    NULL, 0);
	text_input(p, _("Band high"), "high", shown(p, kr_fields, k, "high"),
	    NULL, 0);
	v = shown(p, kr_fields, k, "weight");
	text_input(p, _("Weight"), "weight", v != NULL ? v : "1", NULL, 0);
	person_select(p, _("Owner"), "owner", _("(nobody)"), shown(p,
	    kr_fields, k, "owner"));
	html_printf(p->b, "<fieldset><legend>%s</legend>",
	    _("Fed by a KPI (optional)"));
	text_input(p, _("KPI"), "kpi", shown(p, kr_fields, k, "kpi"), "csat",
	    0);
	text_input(p, _("Segment"), "kpi_filter", shown(p, kr_fields, k,
	    "kpi_filter"), "team=Tier 1,channel=email", 0);
	text_input(p, _("Window"), "kpi_window", shown(p, kr_fields, k,
	    "kpi_window"), "cycle", 0);
	text_input(p, _("Baseline from"), "kpi_baseline", shown(p, kr_fields,
	    k, "kpi_baseline"), "previous", 0);
	html_raw(p->b, "</fieldset>");
	html_printf(p->b, "<label>%s <textarea name=\"milestones\" "
	    "rows=\"4\" placeholder=\"%s\">", _("Milestones, one a line "
	    "(TITLE or TITLE:WEIGHT)"), _("Draft articles:2"));
	if (p->r->method == HTTP_POST)
		html_puts(p->b, http_form(p->r, "milestones"));
	else
		for (i = 0; k != NULL && i < k->nms; i++) {
			char	 wt[32];

			field_fmt_number(k->ms[i].weight, wt, sizeof(wt));
			html_printf(p->b, "%s%s:%s", i ? "\n" : "",
			    k->ms[i].title, wt);
		}
	html_printf(p->b, "</textarea></label><button type=\"submit\">%s"
	    "</button></form>", k == NULL ? _("Create") : _("Save"));
}

/* The milestones textarea: one "TITLE[:WEIGHT]" a line; done marks of
 * titles that stay are kept (old NULL: a new key result). */
static enum err_code
ms_from_form(struct page *p, struct kr *k, const struct kr *old,
    struct err *e)
{
	const char		*v = page_form(p, "milestones"), *s;
	struct milestone	*ms;
	size_t			 n = 0, len, i;
	char			*line;
	enum err_code		 rc;

	k->ms = NULL;
	k->nms = 0;
	if (v == NULL)
		return ERR_OK;
	if ((ms = arena_calloc(p->r->arena, strlen(v) / 2 + 1, sizeof(*ms)))
	    == NULL)
		return err_set(e, ERR_NOMEM, "out of memory");
	for (s = v; *s != '\0'; s += len) {
		s += strspn(s, "\n");
		if ((len = strcspn(s, "\n")) == 0)
			break;
		line = arena_printf(p->r->arena, "%.*s", (int)len, s);
		if ((rc = milestone_parse(line, p->r->arena, &ms[n], e)) !=
		    ERR_OK) {
			err_prefix(e, "milestones");
			return rc;
		}
		for (i = 0; old != NULL && i < old->nms; i++)
			if (strcmp(old->ms[i].title, ms[n].title) == 0)
				ms[n].done_at = old->ms[i].done_at;
		n++;
	}
	k->ms = ms;
	k->nms = n;
	return ERR_OK;
}

/* Load the objective (and key result, when the path names one) and check
 * the user may edit its key results. */
static int
kr_target(struct page *p, struct objective *ob, struct kr *k)
{
	struct err	 e;
	struct user	 u;
	char		*ref;

	if (objective_get(p->r->okr, p->r->args[0], p->r->arena, ob, &e) !=
	    ERR_OK) {
		page_fail_err(p, &e);
		return -1;
	}
	if (k != NULL) {
		ref = arena_printf(p->r->arena, "%s/%s", p->r->args[0],
		    p->r->args[1]);
		if (kr_get(p->r->okr, ref, p->r->arena, k, &e) != ERR_OK) {
			page_fail_err(p, &e);
			return -1;
		}
	}
	auth_as_user(p->r->user, &u);
	if (obj_right(p, &u, ob) == RIGHT_NONE) {
		page_fail(p, 403, no_right_text());
		return -1;
	}
	return 0;
}

int
page_kr_new_form(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct objective	 ob;

	page_begin(&p, r, w, _("New key result"), 0);
	if (kr_target(&p, &ob, NULL) != 0)
		return 0;
	kr_form(&p, &ob, NULL, NULL);
	return page_end(&p);
}

int
page_kr_new_post(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct objective	 ob;
	struct kr		 k;
	struct err		 e;
	enum err_code		 rc;

	page_begin(&p, r, w, _("New key result"), 0);
	if (kr_target(&p, &ob, NULL) != 0)
		return 0;
	kr_defaults(&k);
	k.objective = ob.key;
	err_clear(&e);
	if ((rc = fields_from_form(&p, kr_fields, &k, kr_inputs, 1, &e)) ==
	    ERR_OK && (rc = ms_from_form(&p, &k, NULL, &e)) == ERR_OK)
		rc = kr_add(r->okr, &k, &e);
	if (rc != ERR_OK) {
		if (refused(&p, _("New key result"), rc, &e) == 0)
			return 0;
		kr_form(&p, &ob, NULL, e.msg);
		return page_end(&p);
	}
	return redirect(&p, obj_url(&p, ob.key, ""));
}

int
page_kr_edit_form(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct objective	 ob;
	struct kr		 k;

	page_begin(&p, r, w, _("Edit the key result"), 0);
	if (kr_target(&p, &ob, &k) != 0)
		return 0;
	kr_form(&p, &ob, &k, NULL);
	return page_end(&p);
}

int
page_kr_edit_post(struct http_req *r, struct http_resp *w)
{
	struct page		 p;
	struct objective	 ob;
	struct kr		 old, k;
	struct err		 e;
	enum err_code		 rc;
	int			 lost;

	page_begin(&p, r, w, _("Edit the key result"), 0);
	if (kr_target(&p, &ob, &old) != 0)
		return 0;
	old.version = page_version_in(&p, old.version);
	k = old;
	err_clear(&e);
	if ((rc = fields_from_form(&p, kr_fields, &k, kr_inputs, 0, &e)) ==
	    ERR_OK && (rc = ms_from_form(&p, &k, &old, &e)) == ERR_OK)
		rc = kr_update(r->okr, &old, &k, &e);
	if (rc != ERR_OK) {
		if (refused(&p, _("Edit the key result"), rc, &e) == 0)
			return 0;
		lost = okr_is_version_conflict(&e) && kr_get(r->okr,
		    arena_printf(r->arena, "%s/%s", r->args[0], r->args[1]),
		    r->arena, &old, NULL) == ERR_OK;
		kr_form(&p, &ob, &old, e.msg);
		if (lost)
			page_conflict(&p, kr_fields, &old, kr_inputs);
		return page_end(&p);
	}
	return redirect(&p, obj_url(&p, ob.key, ""));
}

/*
 * Before page_routes in route_tables: "/objectives/new" must not be read
 * as the page of an objective keyed "new".
 */
const struct route edit_routes[] = {
	{ HTTP_GET, "/objectives/new", page_obj_new_form, ROLE_MEMBER,
	    ROUTE_PAGE, "page_objective_new_form" },
	{ HTTP_POST, "/objectives/new", page_obj_new_post, ROLE_MEMBER,
	    ROUTE_PAGE | ROUTE_WRITE, "page_objective_new" },
	{ HTTP_GET, "/objectives/*/edit", page_obj_edit_form, ROLE_MEMBER,
	    ROUTE_PAGE, "page_objective_edit_form" },
	{ HTTP_POST, "/objectives/*/edit", page_obj_edit_post, ROLE_MEMBER,
	    ROUTE_PAGE | ROUTE_WRITE, "page_objective_edit" },
	{ HTTP_GET, "/objectives/*/krs/new", page_kr_new_form, ROLE_MEMBER,
	    ROUTE_PAGE, "page_kr_new_form" },
	{ HTTP_POST, "/objectives/*/krs/new", page_kr_new_post, ROLE_MEMBER,
	    ROUTE_PAGE | ROUTE_WRITE, "page_kr_new" },
	{ HTTP_GET, "/krs/*/*/edit", page_kr_edit_form, ROLE_MEMBER,
	    ROUTE_PAGE, "page_kr_edit_form" },
	{ HTTP_POST, "/krs/*/*/edit", page_kr_edit_post, ROLE_MEMBER,
	    ROUTE_PAGE | ROUTE_WRITE, "page_kr_edit" },
	{ HTTP_GET, "/objectives/*/review", page_review, ROLE_VIEWER,
	    ROUTE_PAGE, "page_review" },
	{ HTTP_POST, "/objectives/*/approve", page_review_approve, ROLE_LEAD,
	    ROUTE_PAGE | ROUTE_WRITE, "page_review_approve" },
	{ HTTP_POST, "/objectives/*/sendback", page_review_sendback,
	    ROLE_LEAD, ROUTE_PAGE | ROUTE_WRITE, "page_review_sendback" },
	{ HTTP_POST, "/objectives/*/comments", page_review_comment,
	    ROLE_VIEWER, ROUTE_PAGE | ROUTE_WRITE, "page_review_comment" },
	{ 0, NULL, NULL, ROLE_ANON, 0, NULL }
};
