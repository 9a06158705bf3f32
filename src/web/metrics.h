/*
 * metrics.h: the /metrics route (Prometheus text format).
 */
#ifndef WEB_METRICS_H
#define WEB_METRICS_H

#include "web/http.h"

extern const struct route metrics_routes[];

#endif /* WEB_METRICS_H */
