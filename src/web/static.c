/*
 * static.c: the two files the pages load, compiled into the binary so
 * the server needs no directory of assets: /static/okrdesk.css and
 * /static/okrdesk.js.  The Makefile turns assets/okrdesk.css and
 * assets/okrdesk.js into byte arrays in $(O)/gen/assets.c (with od), so
 * the files stay plain CSS and JavaScript in the repository.
 *
 * They are the same bytes for every user, so they may be cached for an
 * hour; a changed file comes with a new binary.
 */
#include <stddef.h>

#include "web/page.h"

/* $(O)/gen/assets.c */
extern const unsigned char asset_okrdesk_css[];
extern const size_t asset_okrdesk_css_len;
extern const unsigned char asset_okrdesk_js[];
extern const size_t asset_okrdesk_js_len;

static int
send(struct http_req *r, struct http_resp *w, const char *type,
    const unsigned char *data, size_t len)
{
	w->status = 200;
	w->content_type = type;
	buf_reset(&w->body);
	buf_add(&w->body, data, len);
	http_header(r, w, "Cache-Control", "public, max-age=3600");
	return 0;
}

int
static_css(struct http_req *r, struct http_resp *w)
{
	return send(r, w, "text/css; charset=utf-8", asset_okrdesk_css,
	    asset_okrdesk_css_len);
}

int
static_js(struct http_req *r, struct http_resp *w)
{
	return send(r, w, "text/javascript; charset=utf-8", asset_okrdesk_js,
	    asset_okrdesk_js_len);
}
