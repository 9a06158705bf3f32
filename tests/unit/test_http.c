/*
 * test_http.c: the web layer without a socket: percent-decoding, forms
 * and query strings, cookies, Accept-Language, the one error shape, the
 * okrdesk-error-to-status map, and the router with its role and CSRF
 * checks over a small table written here.
 *
 * Expected values are derived by hand from RFC 3986, the HTML form
 * encoding and the rules in http.h and router.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "web/http.h"
#include "web/router.h"

/* The error object of a JSON error body, parsed; decref the root. */
static json_t *
error_of(const struct http_resp *resp, json_t **root)
{
	*root = json_loads(buf_cstr(&resp->body), 0, NULL);
	assert_non_null(*root);
	return json_object_get(*root, "error");
}

static void
test_url_decode_reads_escapes_and_plus_only_in_forms(void **state)
{
	struct arena	 a = ARENA_INIT;
	char		*out;

	(void)state;
	assert_int_equal(http_url_decode(&a, "a%20b+c%2Fd", 11, 1, &out, NULL),
	    ERR_OK);
	assert_string_equal(out, "a b c/d");
	assert_int_equal(http_url_decode(&a, "a%20b+c", 7, 0, &out, NULL),
	    ERR_OK);
	assert_string_equal(out, "a b+c");
	assert_int_equal(http_url_decode(&a, "%C8%9B", 6, 0, &out, NULL),
	    ERR_OK);
	assert_string_equal(out, "ț");
	arena_release(&a);
}

static void
test_url_decode_refuses_broken_escapes_nul_and_bad_utf8(void **state)
{
	const char	*bad[] = { "%", "%4", "a%zz", "%g0", "x%00y", "%C3",
	    "%FF", "%ED%A0%80", "%C0%AF" };
	struct arena	 a = ARENA_INIT;
	struct err	 e;
	char		*out;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(http_url_decode(&a, bad[i], strlen(bad[i]), 0,
		    &out, &e), ERR_USAGE);
	assert_int_equal(http_url_decode(&a, "a%zz", 4, 0, &out, &e),
	    ERR_USAGE);
	assert_non_null(strstr(e.msg, "'a%zz'"));
	arena_release(&a);
}

static void
test_form_parse_splits_decodes_and_skips_empty_pieces(void **state)
{
	const char		*s = "title=Faster+replies&&note=%3Cb%3E&flag&"
	    "x=a%3Db";
	struct arena		 a = ARENA_INIT;
	struct http_param	*ps;
	size_t			 n;

	(void)state;
	assert_int_equal(http_form_parse(&a, s, strlen(s), &ps, &n, NULL),
	    ERR_OK);
	assert_int_equal(n, 4);
	assert_string_equal(ps[0].name, "title");
	assert_string_equal(ps[0].value, "Faster replies");
	assert_string_equal(ps[1].value, "<b>");
	assert_string_equal(ps[2].name, "flag");
	assert_string_equal(ps[2].value, "");
	assert_string_equal(ps[3].value, "a=b");
	arena_release(&a);
}

static void
test_form_parse_refuses_a_bad_escape_and_too_many_fields(void **state)
{
	struct arena		 a = ARENA_INIT;
	struct http_param	*ps;
	struct buf		 b = BUF_INIT;
	size_t			 n, i;

	(void)state;
	assert_int_equal(http_form_parse(&a, "a=1&b=%2", 8, &ps, &n, NULL),
	    ERR_USAGE);
	for (i = 0; i <= HTTP_MAX_PARAMS; i++)
		buf_printf(&b, "f%zu=1&", i);
	assert_int_equal(http_form_parse(&a, buf_cstr(&b), b.len, &ps, &n,
	    NULL), ERR_TOOBIG);
	buf_release(&b);
	arena_release(&a);
}

static void
test_query_and_form_lookup_find_the_first_value_or_null(void **state)
{
	const struct http_param	 q[] = { { "team", "Tier 1" },
	    { "team", "Tier 2" } };
	struct http_req		 req;

	(void)state;
	memset(&req, 0, sizeof(req));
	req.query = q;
	req.nquery = 2;
	assert_string_equal(http_query(&req, "team"), "Tier 1");
	assert_null(http_query(&req, "cycle"));
	assert_null(http_form(&req, "team"));
}

static void
test_cookie_finds_the_named_cookie_among_others(void **state)
{
	struct arena	 a = ARENA_INIT;

	(void)state;
	assert_string_equal(http_cookie(&a, "theme=dark; okrdesk_session=abc"
	    "123;x=1", "okrdesk_session"), "abc123");
	assert_string_equal(http_cookie(&a, "okrdesk_session=\"q v\"",
	    "okrdesk_session"), "q v");
	assert_null(http_cookie(&a, "xokrdesk_session=1; okrdesk_sessionx=2",
	    "okrdesk_session"));
	assert_null(http_cookie(&a, NULL, "okrdesk_session"));
	assert_string_equal(http_cookie(&a, "a=; b=2", "a"), "");
	arena_release(&a);
}

static void
test_lang_picks_romanian_or_english_by_weight(void **state)
{
	(void)state;
	assert_string_equal(http_lang(NULL), "en");
	assert_string_equal(http_lang("ro-RO,ro;q=0.9,en;q=0.8"), "ro");
	assert_string_equal(http_lang("en-GB,ro;q=0.5"), "en");
	assert_string_equal(http_lang("de-DE,ro;q=0.3"), "ro");
	assert_string_equal(http_lang("fr,de"), "en");
	assert_string_equal(http_lang("en;q=0.2, ro;q=0.7"), "ro");
	assert_string_equal(http_lang("ro;q=0"), "en");
}

static void
test_error_has_the_one_shape_with_code_message_and_field(void **state)
{
	struct http_resp	 resp;
	json_t			*root, *e;

	(void)state;
	memset(&resp, 0, sizeof(resp));
	assert_int_equal(http_error(&resp, 422, "invalid", "target",
	    "target '%s' is not a number", "abc"), 0);
	assert_int_equal(resp.status, 422);
	assert_string_equal(resp.content_type, "application/json");
	e = error_of(&resp, &root);
	assert_string_equal(json_string_value(json_object_get(e, "code")),
	    "invalid");
	assert_string_equal(json_string_value(json_object_get(e, "message")),
	    "target 'abc' is not a number");
	assert_string_equal(json_string_value(json_object_get(e, "field")),
	    "target");
	json_decref(root);
	http_error(&resp, 404, "not_found", NULL, "nothing");
	e = error_of(&resp, &root);
	assert_true(json_is_null(json_object_get(e, "field")));
	json_decref(root);
	http_resp_release(&resp);
}

static void
test_fail_maps_error_codes_to_statuses_and_hides_internals(void **state)
{
	static const struct { enum err_code code; int status; } map[] = {
		{ ERR_INVAL, 422 }, { ERR_USAGE, 400 }, { ERR_NOTFOUND, 404 },
		{ ERR_EXISTS, 409 }, { ERR_CONFLICT, 409 }, { ERR_TOOBIG, 413 },
		{ ERR_STORE, 500 }, { ERR_IO, 500 }, { ERR_INTERNAL, 500 },
	};
	struct http_resp	 resp;
	struct err		 e;
	json_t			*root, *o;
	size_t			 i;

	(void)state;
	memset(&resp, 0, sizeof(resp));
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		err_setf(&e, map[i].code, "name", "secret path /var/x.db");
		http_fail(&resp, &e);
		assert_int_equal(resp.status, map[i].status);
		o = error_of(&resp, &root);
		if (map[i].status == 500) {
			assert_null(strstr(buf_cstr(&resp.body), "secret"));
			assert_true(json_is_null(json_object_get(o, "field")));
		} else
			assert_string_equal(json_string_value(
			    json_object_get(o, "field")), "name");
		json_decref(root);
	}
	http_resp_release(&resp);
}

static void
test_json_uses_fifteen_digits_for_reals(void **state)
{
	struct http_resp	 resp;

	(void)state;
	memset(&resp, 0, sizeof(resp));
	http_json(&resp, 200, json_pack("{s:f}", "v", 0.1 + 0.2));
	assert_string_equal(buf_cstr(&resp.body), "{\"v\":0.3}\n");
	http_resp_release(&resp);
}

static void
test_json_body_refuses_broken_json_and_non_objects(void **state)
{
	struct http_req		 req;
	struct http_resp	 resp;
	json_t			*j;

	(void)state;
	memset(&req, 0, sizeof(req));
	memset(&resp, 0, sizeof(resp));
	req.body = "{\"a\":";
	req.bodylen = strlen(req.body);
	assert_int_equal(http_json_body(&req, &resp, &j), -1);
	assert_int_equal(resp.status, 400);
	assert_null(j);
	req.body = "[1]";
	req.bodylen = 3;
	assert_int_equal(http_json_body(&req, &resp, &j), -1);
	req.body = "{\"a\":1}";
	req.bodylen = 7;
	assert_int_equal(http_json_body(&req, &resp, &j), 0);
	assert_int_equal(json_integer_value(json_object_get(j, "a")), 1);
	json_decref(j);
	http_resp_release(&resp);
}

/* ---- the router over a table of its own ------------------------------ */

static int
ok_fn(struct http_req *req, struct http_resp *resp)
{
	(void)req;
	return http_json(resp, 200, json_object());
}

static const struct route test_routes[] = {
	{ HTTP_GET, "/api/v1/objectives", ok_fn, ROLE_VIEWER, ROUTE_API,
	    "objective_list" },
	{ HTTP_GET, "/api/v1/objectives/*", ok_fn, ROLE_VIEWER, ROUTE_API,
	    "objective_get" },
	{ HTTP_PATCH, "/api/v1/objectives/*", ok_fn, ROLE_LEAD,
	    ROUTE_API | ROUTE_WRITE, "objective_edit" },
	{ HTTP_GET, "/api/v1/krs/*/*", ok_fn, ROLE_VIEWER, ROUTE_API,
	    "kr_get" },
	{ HTTP_GET, "/team/*", ok_fn, ROLE_VIEWER, ROUTE_PAGE, "team_page" },
	{ HTTP_POST, "/checkin", ok_fn, ROLE_MEMBER, ROUTE_PAGE | ROUTE_WRITE,
	    "checkin_post" },
	{ HTTP_GET, NULL, NULL, ROLE_ANON, 0, NULL }
};
static const struct route *const test_tables[] = { test_routes, NULL };

static void
test_router_matches_a_star_segment_into_args(void **state)
{
	struct arena		 a = ARENA_INIT;
	struct http_req		 req;
	struct router_match	 m;

	(void)state;
	memset(&req, 0, sizeof(req));
	req.arena = &a;
	assert_int_equal(router_find(test_tables, HTTP_GET,
	    "/api/v1/krs/support%20speed/kr%2F1", &req, &m), 200);
	assert_string_equal(m.route->name, "kr_get");
	assert_int_equal(m.index, 3);
	assert_int_equal(req.nargs, 2);
	assert_string_equal(req.args[0], "support speed");
	assert_string_equal(req.args[1], "kr/1");	/* %2F stays inside */
	assert_int_equal(router_count(test_tables), 6);
	arena_release(&a);
}

static void
test_router_unknown_path_or_empty_segment_is_404(void **state)
{
	struct arena		 a = ARENA_INIT;
	struct http_req		 req;
	struct router_match	 m;
	const char		*paths[] = { "/api/v1/objectives/", "/nope",
	    "/api/v1/objectives/a/b", "/api/v1/objectives/a/", "/",
	    "/api/v1/krs/a" };
	size_t			 i;

	(void)state;
	memset(&req, 0, sizeof(req));
	req.arena = &a;
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		assert_int_equal(router_find(test_tables, HTTP_GET, paths[i],
		    &req, &m), 404);
		assert_null(m.route);
	}
	arena_release(&a);
}

static void
test_router_wrong_method_is_405_with_allow(void **state)
{
	struct arena		 a = ARENA_INIT;
	struct http_req		 req;
	struct router_match	 m;

	(void)state;
	memset(&req, 0, sizeof(req));
	req.arena = &a;
	assert_int_equal(router_find(test_tables, HTTP_DELETE,
	    "/api/v1/objectives/q4", &req, &m), 405);
	assert_string_equal(m.allow, "GET, HEAD, PATCH");
	assert_int_equal(router_find(test_tables, HTTP_METHOD__MAX,
	    "/checkin", &req, &m), 405);
	assert_string_equal(m.allow, "POST");
	arena_release(&a);
}

static void
test_router_badly_encoded_arg_is_400(void **state)
{
	struct arena		 a = ARENA_INIT;
	struct http_req		 req;
	struct router_match	 m;

	(void)state;
	memset(&req, 0, sizeof(req));
	req.arena = &a;
	assert_int_equal(router_find(test_tables, HTTP_GET,
	    "/api/v1/objectives/%zz", &req, &m), 400);
	arena_release(&a);
}

/* A request on the test table's route named name, as user (or NULL). */
static const struct route *
route_named(const char *name)
{
	const struct route	*r;

	for (r = test_routes; r->pattern != NULL; r++)
		if (strcmp(r->name, name) == 0)
			return r;
	fail();
	return NULL;
}

static void
test_authorize_anonymous_api_call_is_401_json(void **state)
{
	struct arena		 a = ARENA_INIT;
	struct http_req		 req;
	struct http_resp	 resp;
	json_t			*root, *e;

	(void)state;
	memset(&req, 0, sizeof(req));
	memset(&resp, 0, sizeof(resp));
	req.arena = &a;
	req.path = "/api/v1/objectives";
	assert_int_equal(router_authorize(&req, &resp,
	    route_named("objective_list"), NULL), 401);
	assert_int_equal(resp.status, 401);
	e = error_of(&resp, &root);
	assert_string_equal(json_string_value(json_object_get(e, "code")),
	    "unauthorized");
	json_decref(root);
	assert_string_equal(resp.headers[0].name, "WWW-Authenticate");
	http_resp_release(&resp);
	arena_release(&a);
}

static void
test_authorize_anonymous_page_redirects_to_login_with_next(void **state)
{
	const struct http_param	 q[] = { { "cycle", "2026 Q4&x" } };
	struct arena		 a = ARENA_INIT;
	struct http_req		 req;
	struct http_resp	 resp;

	(void)state;
	memset(&req, 0, sizeof(req));
	memset(&resp, 0, sizeof(resp));
	req.arena = &a;
	req.path = "/team/Tier 1";
	req.query = q;
	req.nquery = 1;
	assert_int_equal(router_authorize(&req, &resp,
	    route_named("team_page"), NULL), 303);
	assert_int_equal(resp.status, 303);
	assert_string_equal(resp.headers[0].name, "Location");
	/* next = "/team/Tier%201?cycle=2026%20Q4%26x", encoded once more */
	assert_string_equal(resp.headers[0].value, "/login?next=%2Fteam%2F"
	    "Tier%25201%3Fcycle%3D2026%2520Q4%2526x");
	http_resp_release(&resp);
	arena_release(&a);
}

static void
test_authorize_role_below_the_route_is_403(void **state)
{
	const struct http_user	 viewer = { 1, "ana", "Ana", ROLE_VIEWER,
	    NULL, NULL, "en", 1 };
	struct arena		 a = ARENA_INIT;
	struct http_req		 req;
	struct http_resp	 resp;

	(void)state;
	memset(&req, 0, sizeof(req));
	memset(&resp, 0, sizeof(resp));
	req.arena = &a;
	req.path = "/api/v1/objectives/q4";
	req.user = &viewer;
	assert_int_equal(router_authorize(&req, &resp,
	    route_named("objective_get"), NULL), 0);
	assert_int_equal(router_authorize(&req, &resp,
	    route_named("objective_edit"), NULL), 403);
	assert_non_null(strstr(buf_cstr(&resp.body), "needs the role lead"));
	http_resp_release(&resp);
	arena_release(&a);
}

static void
test_authorize_cookie_write_needs_the_csrf_token(void **state)
{
	const struct http_user	 member = { 2, "bo", "Bo", ROLE_MEMBER,
	    NULL, NULL, "en", 0 };
	struct http_param	 form[] = { { "csrf", "wrong" } };
	struct arena		 a = ARENA_INIT;
	struct http_req		 req;
	struct http_resp	 resp;
	const struct route	*r = route_named("checkin_post");

	(void)state;
	memset(&req, 0, sizeof(req));
	memset(&resp, 0, sizeof(resp));
	req.arena = &a;
	req.path = "/checkin";
	req.user = &member;
	req.csrf = "t0k3n";
	assert_int_equal(router_authorize(&req, &resp, r, NULL), 403);
	assert_int_equal(resp.status, 403);
	assert_non_null(strstr(resp.content_type, "text/html"));
	req.form = form;
	req.nform = 1;
	assert_int_equal(router_authorize(&req, &resp, r, "t0k3n"), 403);
	form[0].value = "t0k3n";
	assert_int_equal(router_authorize(&req, &resp, r, NULL), 0);
	req.nform = 0;
	assert_int_equal(router_authorize(&req, &resp, r, "t0k3n"), 0);
	assert_int_equal(router_authorize(&req, &resp, r, "t0k3"), 403);
	http_resp_release(&resp);
	arena_release(&a);
}

static void
test_authorize_token_write_needs_no_csrf(void **state)
{
	const struct http_user	 lead = { 3, "cy", "Cy", ROLE_LEAD,
	    NULL, NULL, "en", 1 };
	struct arena		 a = ARENA_INIT;
	struct http_req		 req;
	struct http_resp	 resp;

	(void)state;
	memset(&req, 0, sizeof(req));
	memset(&resp, 0, sizeof(resp));
	req.arena = &a;
	req.path = "/api/v1/objectives/q4";
	req.user = &lead;
	assert_int_equal(router_authorize(&req, &resp,
	    route_named("objective_edit"), NULL), 0);
	http_resp_release(&resp);
	arena_release(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_decode_reads_escapes_and_plus_only_in_forms),
		cmocka_unit_test(test_url_decode_refuses_broken_escapes_nul_and_bad_utf8),
		cmocka_unit_test(test_form_parse_splits_decodes_and_skips_empty_pieces),
		cmocka_unit_test(test_form_parse_refuses_a_bad_escape_and_too_many_fields),
		cmocka_unit_test(test_query_and_form_lookup_find_the_first_value_or_null),
		cmocka_unit_test(test_cookie_finds_the_named_cookie_among_others),
		cmocka_unit_test(test_lang_picks_romanian_or_english_by_weight),
		cmocka_unit_test(test_error_has_the_one_shape_with_code_message_and_field),
		cmocka_unit_test(test_fail_maps_error_codes_to_statuses_and_hides_internals),
		cmocka_unit_test(test_json_uses_fifteen_digits_for_reals),
		cmocka_unit_test(test_json_body_refuses_broken_json_and_non_objects),
		cmocka_unit_test(test_router_matches_a_star_segment_into_args),
		cmocka_unit_test(test_router_unknown_path_or_empty_segment_is_404),
		cmocka_unit_test(test_router_wrong_method_is_405_with_allow),
		cmocka_unit_test(test_router_badly_encoded_arg_is_400),
		cmocka_unit_test(test_authorize_anonymous_api_call_is_401_json),
		cmocka_unit_test(test_authorize_anonymous_page_redirects_to_login_with_next),
		cmocka_unit_test(test_authorize_role_below_the_route_is_403),
		cmocka_unit_test(test_authorize_cookie_write_needs_the_csrf_token),
		cmocka_unit_test(test_authorize_token_write_needs_no_csrf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
