/*
 * api_more.h: the API's routes for the workspace file, corridors and
 * health, the business-hours schedule, KPI sync and survey links
 * (web/api_more.c).
 */
#ifndef WEB_API_MORE_H
#define WEB_API_MORE_H

#include "web/http.h"

extern const struct route api_more_routes[];

#endif /* WEB_API_MORE_H */
