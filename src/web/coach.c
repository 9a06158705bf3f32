/*
 * coach.c: the coaching and review side of the web: the cycle report
 * (okr/review.h) as a printable page and as JSON.
 *
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
#include <string.h>

#include <sodium.h>

#include "okr/review.h"
#include "web/http.h"
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

const struct route coach_routes[] = {
	{ HTTP_GET, "/cycles/*/review", review_page, ROLE_VIEWER, ROUTE_PAGE,
	    "page_cycle_review" },
	{ HTTP_GET, "/api/v1/cycles/*/review", review_api, ROLE_VIEWER,
	    ROUTE_API, "cycle_review" },
	{ 0, NULL, NULL, ROLE_ANON, 0, NULL }
};
