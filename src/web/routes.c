/*
 * routes.c: the route tables the server consults, in order.
 *
 * Each part of the web layer exports one table (http.h): add it here.
 * Order matters only for counters' numbering (router.h): a path and
 * method belong to one route, whatever the table.
 */
#include <stddef.h>

#include "web/api_entity.h"
#include "web/api_more.h"
#include "web/coach.h"
#include "web/metrics.h"
#include "web/page.h"
#include "web/router.h"
#include "web/survey.h"

const struct route *const route_tables[] = {
	health_routes,
	auth_routes,
	api_routes,
	api_entity_routes,
	api_more_routes,
	coach_routes,
	metrics_routes,
	survey_routes,
	edit_routes,		/* before page_routes: /objectives/new */
	page_routes,
	NULL
};
