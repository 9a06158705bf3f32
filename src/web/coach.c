/*
 * coach.c: the coaching and review side of the web: the lint findings
 * (okr/lint.h) and the cycle report (okr/review.h), as pages and JSON.
 *
 *   GET /coaching?cycle=              viewer: every lint finding of the
 *                                     cycle by severity, each with its
 *                                     object (linked), message and
 *                                     suggestion ('okrdesk lint')
 *   GET /api/v1/lint?cycle=           viewer: 'okrdesk lint --json'
 *   GET /cycles/CYCLE/review          viewer: the cycle review, the same
 *                                     standalone HTML page as 'okrdesk
 *                                     review --format html' (print it)
 *   GET /api/v1/cycles/CYCLE/review   viewer: the same as JSON ('okrdesk
 *                                     review --json')
 *
 * The report page is one file with its CSS inline, so it prints and
 * saves whole.  The site's Content-Security-Policy forbids inline styles;
 * this response replaces it with one that allows exactly this page's
 * style block, by its SHA-256 (CSP level 2 hash source), and nothing else:
 * no script, no other style, no frames, no form target.
 *
 * An open cycle's KPI movement is computed from the server's shared KPI
 * snapshot (web/kpicache.h); a closed cycle's was frozen at close.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/html.h"
#include "okr/lint.h"
#include "okr/review.h"
#include "web/http.h"
#include "web/i18n.h"
#include "web/kpicache.h"
#include "web/page.h"
#include "web/router.h"

/*
 * The CSP that lets this page's one <style> element apply: its SHA-256,
 * base64, as a hash source.  NULL when the page has no style block.
 */
static const char *
style_csp(struct http_req *r, const struct buf *b)
{
	const char	*s = buf_cstr(b), *p, *q;
	unsigned char	 h[crypto_hash_sha256_BYTES];
	char		 b64[sodium_base64_ENCODED_LEN(
			    crypto_hash_sha256_BYTES,
			    sodium_base64_VARIANT_ORIGINAL)];
	char		*csp;
	size_t		 len;

	if ((p = strstr(s, "<style>")) == NULL ||
	    (q = strstr(p, "</style>")) == NULL)
		return NULL;
	p += strlen("<style>");
	crypto_hash_sha256(h, (const unsigned char *)p,
	    (unsigned long long)(q - p));
	sodium_bin2base64(b64, sizeof(b64), h, sizeof(h),
	    sodium_base64_VARIANT_ORIGINAL);
	len = strlen(b64) + 160;
	if ((csp = arena_alloc(r->arena, len)) == NULL)
		return NULL;
	snprintf(csp, len, "default-src 'none'; style-src 'sha256-%s'; "
	    "img-src data:; frame-ancestors 'none'; form-action 'none'; "
	    "base-uri 'none'", b64);
	return csp;
}

/* Build the review of the cycle named in the path (with a snapshot from
 * the server's cache). */
static enum err_code
build(struct http_req *r, struct review *rv, struct err *e)
{
	struct kpiref		*ref = NULL;
	const struct snap	*snap = NULL;
	enum err_code		 rc;

	/* a snapshot only matters for an open cycle's live KPI movement;
	 * without data the review says so per KPI, it does not fail */
	if (kpicache_get(r->okr, &ref, &snap, NULL) != ERR_OK)
		snap = NULL;
	rc = review_build(r->okr, r->args[0], r->okr->now, snap, r->arena, rv,
	    e);
	if (ref != NULL)
		kpicache_put(ref);
	return rc;
}

static int
review_page(struct http_req *r, struct http_resp *w)
{
	struct review	 rv;
	struct err	 e;
	const char	*csp;

	memset(&e, 0, sizeof(e));
	if (build(r, &rv, &e) != ERR_OK) {
		struct page	 p;

		page_begin(&p, r, w, r->args[0], 0);
		return page_fail_err(&p, &e);
	}
	if (review_render(&rv, REVIEW_HTML, &w->body) != ERR_OK)
		return http_error_page(w, 500, "the review could not be built");
	w->content_type = "text/html; charset=utf-8";
	if ((csp = style_csp(r, &w->body)) != NULL)
		http_header(r, w, "Content-Security-Policy", csp);
	return 0;
}

static int
review_api(struct http_req *r, struct http_resp *w)
{
	struct review	 rv;
	struct err	 e;
	json_t		*j;

	memset(&e, 0, sizeof(e));
	if (build(r, &rv, &e) != ERR_OK)
		return http_fail(w, &e);
	if ((j = review_json(&rv)) == NULL)
		return http_error(w, 500, "internal", NULL, "out of memory");
	return http_json(w, 200, j);
}

/* Lint the cycle of ?cycle= (or the current one) with the shared
 * snapshot.  Without it (the cache failed) the two rules on a KPI's
 * history are left out rather than a snapshot loaded per request. */
static enum err_code
lint(struct http_req *r, struct cycle_eval *ce, struct lint_finding **v,
    size_t *n, struct err *e)
{
	struct kpiref		*ref = NULL;
	const struct snap	*snap = NULL;
	enum err_code		 rc;

	if ((rc = eval_cycle(r->okr, http_query(r, "cycle"), r->okr->now,
	    r->arena, ce, e)) != ERR_OK)
		return rc;
	if (kpicache_get(r->okr, &ref, &snap, NULL) != ERR_OK)
		snap = NULL;
	rc = lint_run(r->okr, ce, snap, r->arena, v, n, e);
	if (ref != NULL)
		kpicache_put(ref);
	return rc;
}

/* The finding's object, linked to its page where it has one. */
static void
finding_object(struct page *p, const struct lint_finding *f)
{
	const char	*slash;
	char		 key[128];

	if (strcmp(f->entity, "objective") == 0) {
		html_raw(p->b, "<a href=\"/objectives/");
		html_url(p->b, f->ref);
		html_printf(p->b, "\">%s</a>", f->ref);
	} else if (strcmp(f->entity, "kr") == 0 &&
	    (slash = strchr(f->ref, '/')) != NULL) {
		/* keys are at most 64 bytes (parse_key) */
		snprintf(key, sizeof(key), "%.*s", (int)(slash - f->ref),
		    f->ref);
		html_raw(p->b, "<a href=\"/objectives/");
		html_url(p->b, key);
		html_raw(p->b, "#kr-");
		html_url(p->b, slash + 1);
		html_printf(p->b, "\">%s</a>", f->ref);
	} else if (strcmp(f->entity, "team") == 0) {
		html_raw(p->b, "<a href=\"/teams/");
		html_url(p->b, f->ref);
		html_printf(p->b, "\">%s</a>", f->ref);
	} else
		html_puts(p->b, f->ref);
}

static int
coaching_page(struct http_req *r, struct http_resp *w)
{
	static const char *const heads[LINT_SEVERITY__MAX] = {
		[LINT_ERROR] = N_("Errors"),
		[LINT_WARNING] = N_("Warnings"),
		[LINT_INFO] = N_("Notes"),
	};
	struct page		 p;
	struct cycle_eval	 ce;
	struct lint_finding	*v = NULL;
	struct err		 e;
	size_t			 n = 0, i, counts[LINT_SEVERITY__MAX];
	int			 sev;

	memset(&e, 0, sizeof(e));
	page_begin(&p, r, w, _("Coaching"), 0);
	if (lint(r, &ce, &v, &n, &e) != ERR_OK)
		return page_fail_err(&p, &e);
	html_printf(p.b, "<p class=\"crumbs\"><a href=\"/?cycle=");
	html_url(p.b, ce.cycle.name);
	html_printf(p.b, "\">%s</a></p><h1>%s</h1>\n", ce.cycle.name,
	    _("Coaching"));
	html_printf(p.b, "<p class=\"desc\">%s</p>\n", _("The pitfalls "
	    "that make OKRs fail, found in this cycle: each with what to do. "
	    "The rules are in docs/coaching.md."));
	lint_count(v, n, counts);
	if (n == 0)
		html_printf(p.b, "<p>%s</p>\n", _("No findings: nothing to "
		    "coach in this cycle."));
	for (sev = 0; sev < LINT_SEVERITY__MAX; sev++) {
		if (counts[sev] == 0)
			continue;
		html_printf(p.b, "<section><h2>%s (%zu)</h2><ul class=\"lint\">",
		    _(heads[sev]), counts[sev]);
		for (i = 0; i < n; i++) {
			if ((int)v[i].sev != sev)
				continue;
			html_printf(p.b, "<li class=\"sev-%s\"><code>%s</code> ",
			    lint_severity_names[v[i].sev], v[i].code);
			finding_object(&p, &v[i]);
			html_printf(p.b, ": %s<br><span class=\"sugg\">→ %s"
			    "</span></li>\n", v[i].message, v[i].suggestion);
		}
		html_raw(p.b, "</ul></section>\n");
	}
	return page_end(&p);
}

static int
lint_api(struct http_req *r, struct http_resp *w)
{
	struct cycle_eval	 ce;
	struct lint_finding	*v = NULL;
	struct err		 e;
	size_t			 n = 0;
	json_t			*j;

	memset(&e, 0, sizeof(e));
	if (lint(r, &ce, &v, &n, &e) != ERR_OK)
		return http_fail(w, &e);
	if ((j = lint_document(&ce, v, n)) == NULL)
		return http_error(w, 500, "internal", NULL, "out of memory");
	return http_json(w, 200, j);
}

const struct route coach_routes[] = {
	{ HTTP_GET, "/coaching", coaching_page, ROLE_VIEWER, ROUTE_PAGE,
	    "page_coaching" },
	{ HTTP_GET, "/api/v1/lint", lint_api, ROLE_VIEWER, ROUTE_API,
	    "lint" },
	{ HTTP_GET, "/cycles/*/review", review_page, ROLE_VIEWER, ROUTE_PAGE,
	    "page_cycle_review" },
	{ HTTP_GET, "/api/v1/cycles/*/review", review_api, ROLE_VIEWER,
	    ROUTE_API, "cycle_review" },
	{ 0, NULL, NULL, ROLE_ANON, 0, NULL }
};
