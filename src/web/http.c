/*
 * http.c: the helpers handlers use (see http.h), and the decoding the
 * server needs before a handler runs: percent-decoding, form and query
 * parsing, the Cookie header, Accept-Language.
 *
 * Nothing here knows libmicrohttpd, so all of it is unit-tested on plain
 * strings (tests/unit/test_http.c).  Decoded text lands in the request
 * arena; a response body is the response's own buf.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/html.h"
#include "web/http.h"

static const char *const method_names[HTTP_METHOD__MAX] = {
	[HTTP_GET] = "GET", [HTTP_POST] = "POST", [HTTP_PUT] = "PUT",
	[HTTP_PATCH] = "PATCH", [HTTP_DELETE] = "DELETE",
};

static const char *const role_names[ROLE__MAX] = {
	[ROLE_ANON] = "anonymous", [ROLE_VIEWER] = "viewer",
	[ROLE_MEMBER] = "member", [ROLE_LEAD] = "lead", [ROLE_ADMIN] = "admin",
};

const char *
http_method_name(enum http_method m)
{
	return (unsigned)m < HTTP_METHOD__MAX ? method_names[m] : "?";
}

int
http_method_parse(const char *s, enum http_method *m)
{
	int	 i;

	for (i = 0; i < HTTP_METHOD__MAX; i++)
		if (strcmp(s, method_names[i]) == 0) {
			*m = (enum http_method)i;
			return 0;
		}
	return -1;
}

const char *
http_role_name(enum role r)
{
	return (unsigned)r < ROLE__MAX ? role_names[r] : "?";
}

enum role
http_role_parse(const char *s)
{
	int	 i;

	for (i = 0; i < ROLE__MAX; i++)
		if (s != NULL && strcmp(s, role_names[i]) == 0)
			return (enum role)i;
	return ROLE__MAX;
}

const char *
http_status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default:  return "";
	}
}

const char *
http_query(const struct http_req *req, const char *name)
{
	size_t	 i;

	for (i = 0; i < req->nquery; i++)
		if (strcmp(req->query[i].name, name) == 0)
			return req->query[i].value;
	return NULL;
}

const char *
http_form(const struct http_req *req, const char *name)
{
	size_t	 i;

	for (i = 0; i < req->nform; i++)
		if (strcmp(req->form[i].name, name) == 0)
			return req->form[i].value;
	return NULL;
}

void
http_header(struct http_req *req, struct http_resp *resp, const char *name,
    const char *value)
{
	char	*n, *v;

	/* A full table is a programming error, not a client's: drop the
	 * header loudly rather than overrun. */
	if (resp->nheaders >= HTTP_MAX_HEADERS) {
		fprintf(stderr, "okrdesk: too many response headers, "
		    "'%s' dropped\n", name);
		return;
	}
	if ((n = arena_strdup(req->arena, name)) == NULL ||
	    (v = arena_strdup(req->arena, value)) == NULL)
		return;
	resp->headers[resp->nheaders].name = n;
	resp->headers[resp->nheaders].value = v;
	resp->nheaders++;
}

int
http_json(struct http_resp *resp, int status, json_t *j)
{
	char	*s;

	if (j == NULL ||
	    (s = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15))) ==
	    NULL) {
		json_decref(j);
		buf_reset(&resp->body);
		resp->status = 500;
		resp->content_type = "application/json";
		buf_puts(&resp->body, "{\"error\":{\"code\":\"internal\","
		    "\"message\":\"cannot encode the response\","
		    "\"field\":null}}");
		return 0;
	}
	json_decref(j);
	buf_reset(&resp->body);
	buf_puts(&resp->body, s);
	buf_putc(&resp->body, '\n');
	free(s);
	resp->status = status;
	resp->content_type = "application/json";
	return 0;
}

int
http_error(struct http_resp *resp, int status, const char *code,
    const char *field, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[ERR_MSG_MAX];
	json_t	*j, *m;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* json_string refuses invalid UTF-8 (a message quoting raw client
	 * bytes): fall back to the code rather than lose the error. */
	if ((m = json_string(msg)) == NULL)
		m = json_string(code);
	j = json_pack("{s:{s:s,s:o,s:o}}", "error", "code", code,
	    "message", m,
	    "field", field != NULL && *field != '\0' ?
	    json_string(field) : json_null());
	return http_json(resp, status, j);
}

int
http_fail(struct http_resp *resp, const struct err *e)
{
	const char	*field = e->field[0] != '\0' ? e->field : NULL;

	switch (e->code) {
	case ERR_INVAL:
		return http_error(resp, 422, "invalid", field, "%s", e->msg);
	case ERR_USAGE:
		return http_error(resp, 400, "bad_request", field, "%s",
		    e->msg);
	case ERR_NOTFOUND:
		return http_error(resp, 404, "not_found", field, "%s", e->msg);
	case ERR_EXISTS:
		return http_error(resp, 409, "exists", field, "%s", e->msg);
	case ERR_CONFLICT:
		return http_error(resp, 409, "conflict", field, "%s", e->msg);
	case ERR_TOOBIG:
		return http_error(resp, 413, "too_big", field, "%s", e->msg);
	default:
		/* Store and I/O details are for the operator, not the
		 * client. */
		fprintf(stderr, "okrdesk: %s: %s\n", err_code_name(e->code),
		    e->msg);
		return http_error(resp, 500, "internal", NULL,
		    "internal error");
	}
}

int
http_redirect(struct http_req *req, struct http_resp *resp,
    const char *location)
{
	http_header(req, resp, "Location", location);
	resp->status = 303;
	resp->content_type = "text/html; charset=utf-8";
	buf_reset(&resp->body);
	html_raw(&resp->body, "<!doctype html>\n<p>See <a");
	html_attr(&resp->body, "href", location);
	html_raw(&resp->body, ">");
	html_puts(&resp->body, location);
	html_raw(&resp->body, "</a>.</p>\n");
	return 0;
}

int
http_error_page(struct http_resp *resp, int status, const char *message)
{
	resp->status = status;
	resp->content_type = "text/html; charset=utf-8";
	buf_reset(&resp->body);
	html_printf(&resp->body, "<!doctype html>\n<html lang=\"en\">"
	    "<head><meta charset=\"utf-8\"><title>%d %s</title></head>\n"
	    "<body><h1>%d %s</h1>\n<p>%s</p>\n</body></html>\n", status,
	    http_status_text(status), status, http_status_text(status),
	    message);
	return 0;
}

int
http_json_body(struct http_req *req, struct http_resp *resp, json_t **out)
{
	json_error_t	 je;
	json_t		*j;

	*out = NULL;
	if (req->body == NULL || req->bodylen == 0) {
		http_error(resp, 400, "bad_request", NULL,
		    "the request has no JSON body");
		return -1;
	}
	if ((j = json_loadb(req->body, req->bodylen, JSON_REJECT_DUPLICATES,
	    &je)) == NULL) {
		http_error(resp, 400, "bad_request", NULL,
		    "broken JSON at line %d, column %d: %s", je.line,
		    je.column, je.text);
		return -1;
	}
	if (!json_is_object(j)) {
		json_decref(j);
		http_error(resp, 400, "bad_request", NULL,
		    "the JSON body is not an object");
		return -1;
	}
	*out = j;
	return 0;
}

void
http_resp_release(struct http_resp *resp)
{
	buf_release(&resp->body);
}

/* The length of the valid UTF-8 sequence at s (n bytes left), 0 if
 * invalid: overlong forms, surrogates and code points past U+10FFFF are
 * refused as RFC 3629 says. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	unsigned	 c = s[0], cp;
	size_t		 len, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

enum err_code
http_url_decode(struct arena *a, const char *s, size_t n, int plus_space,
    char **out, struct err *e)
{
	char	*d;
	size_t	 i, j, k, l;
	int	 hi, lo;

	*out = NULL;
	if ((d = arena_alloc(a, n + 1)) == NULL)
		return err_set(e, ERR_NOMEM, "out of memory decoding a URL");
	for (i = j = 0; i < n; i++) {
		if (s[i] == '%') {
			hi = lo = -1;
			if (i + 2 < n) {
				hi = hexval(s[i + 1]);
				lo = hexval(s[i + 2]);
			}
			if (hi < 0 || lo < 0)
				return err_set(e, ERR_USAGE, "bad percent "
				    "escape in '%.*s'", (int)(n > 80 ? 80 : n),
				    s);
			if (hi == 0 && lo == 0)
				return err_set(e, ERR_USAGE, "an encoded NUL "
				    "(%%00) in '%.*s'", (int)(n > 80 ? 80 : n),
				    s);
			d[j++] = (char)(hi << 4 | lo);
			i += 2;
		} else if (s[i] == '+' && plus_space)
			d[j++] = ' ';
		else if (s[i] == '\0')
			return err_set(e, ERR_USAGE, "a NUL byte in a URL");
		else
			d[j++] = s[i];
	}
	d[j] = '\0';
	for (k = 0; k < j; k += l)
		if ((l = utf8_seq((const unsigned char *)d + k, j - k)) == 0)
			return err_set(e, ERR_USAGE, "invalid UTF-8 in '%.*s'",
			    (int)(n > 80 ? 80 : n), s);
	*out = d;
	return ERR_OK;
}

enum err_code
http_form_parse(struct arena *a, const char *s, size_t n,
    struct http_param **out, size_t *nout, struct err *e)
{
	struct http_param	*ps = NULL, *p;
	size_t			 np = 0, cap = 0, i, end, eq;
	char			*name, *value;

	*out = NULL;
	*nout = 0;
	for (i = 0; i < n; i = end + 1) {
		for (end = i; end < n && s[end] != '&'; end++)
			;
		if (end == i)
			continue;	/* "a=1&&b=2" */
		if (np == HTTP_MAX_PARAMS)
			return err_set(e, ERR_TOOBIG, "more than %d fields",
			    HTTP_MAX_PARAMS);
		for (eq = i; eq < end && s[eq] != '='; eq++)
			;
		if (http_url_decode(a, s + i, eq - i, 1, &name, e) != ERR_OK)
			return e != NULL ? e->code : ERR_USAGE;
		if (eq == end)
			value = arena_strdup(a, "");
		else if (http_url_decode(a, s + eq + 1, end - eq - 1, 1,
		    &value, e) != ERR_OK)
			return e != NULL ? e->code : ERR_USAGE;
		if (value == NULL || (p = ARENA_PUSH(a, ps, np, cap)) == NULL)
			return err_set(e, ERR_NOMEM, "out of memory parsing "
			    "a form");
		p->name = name;
		p->value = value;
	}
	*out = ps;
	*nout = np;
	return ERR_OK;
}

const char *
http_cookie(struct arena *a, const char *header, const char *name)
{
	const char	*p, *end, *eq;
	size_t		 nl = strlen(name), vl;
	char		*v;

	if (header == NULL)
		return NULL;
	for (p = header; *p != '\0'; p = *end == ';' ? end + 1 : end) {
		while (*p == ' ' || *p == '\t')
			p++;
		end = strchr(p, ';');
		if (end == NULL)
			end = p + strlen(p);
		eq = memchr(p, '=', (size_t)(end - p));
		if (eq == NULL || (size_t)(eq - p) != nl ||
		    strncmp(p, name, nl) != 0)
			continue;
		eq++;
		vl = (size_t)(end - eq);
		while (vl > 0 && (eq[vl - 1] == ' ' || eq[vl - 1] == '\t'))
			vl--;
		if (vl >= 2 && eq[0] == '"' && eq[vl - 1] == '"') {
			eq++;
			vl -= 2;
		}
		if ((v = arena_alloc(a, vl + 1)) == NULL)
			return NULL;
		memcpy(v, eq, vl);
		return v;
	}
	return NULL;
}

/* The weight of one Accept-Language item's parameters (";q=0.8"):
 * 1000 for none, 0 for a malformed one. */
static int
lang_weight(const char *p, const char *end)
{
	int	 w = 0, digits = 0;

	while (p < end && (*p == ' ' || *p == ';'))
		p++;
	if (p == end)
		return 1000;
	if (end - p < 3 || (p[0] != 'q' && p[0] != 'Q') || p[1] != '=')
		return 0;
	p += 2;
	if (*p == '1')
		return 1000;
	if (*p != '0')
		return 0;
	for (p++, p += (p < end && *p == '.'); p < end && digits < 3; p++) {
		if (!isdigit((unsigned char)*p))
			break;
		w = w * 10 + (*p - '0');
		digits++;
	}
	while (digits++ < 3)
		w *= 10;
	return w;
}

const char *
http_lang(const char *al)
{
	static const char *const langs[] = { "en", "ro" };
	const char	*p, *end, *tag;
	size_t		 i, tl;
	int		 w, best = 0;
	const char	*choice = "en";

	if (al == NULL)
		return choice;
	for (p = al; *p != '\0'; p = *end == ',' ? end + 1 : end) {
		while (*p == ' ' || *p == '\t')
			p++;
		end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		tag = p;
		for (tl = 0; tag + tl < end && (isalpha((unsigned char)tag[tl]));
		    tl++)
			;
		w = lang_weight(strchr(tag, ';') != NULL &&
		    strchr(tag, ';') < end ? strchr(tag, ';') : end, end);
		for (i = 0; i < sizeof(langs) / sizeof(langs[0]); i++)
			if (tl == 2 && strncasecmp(tag, langs[i], 2) == 0 &&
			    w > best) {
				best = w;
				choice = langs[i];
			}
	}
	return choice;
}
