/*
 * health.c: GET /healthz, for load balancers, the test harness and
 * whoever wonders whether the server is up.
 *
 * It answers 200 {"status":"ok"} when the request reached a handler with
 * an open workspace, which is all a liveness probe needs: it reads no
 * data, so it stays cheap and says nothing to an anonymous caller.
 */
#include <stddef.h>

#include "web/http.h"

static int
health_get(struct http_req *req, struct http_resp *resp)
{
	if (req->okr == NULL)
		return http_error(resp, 503, "unavailable", NULL,
		    "the workspace is not open");
	return http_json(resp, 200, json_pack("{s:s}", "status", "ok"));
}

const struct route health_routes[] = {
	{ HTTP_GET, "/healthz", health_get, ROLE_ANON, ROUTE_API, "healthz" },
	{ HTTP_GET, NULL, NULL, ROLE_ANON, 0, NULL }
};
