/*
 * api.h: what the files of the JSON API share (api.c, api_kpi.c,
 * api_write.c).
 */
#ifndef WEB_API_H
#define WEB_API_H

#include "web/http.h"

#define API_LIMIT	100	/* a page, by default */
#define API_LIMIT_MAX	1000

/* Answer one page of the array all (stolen) as {items, total, limit,
 * offset}, from ?limit= and ?offset=. */
int	api_page(struct http_req *, struct http_resp *, json_t *all);
json_t	*api_checkin_json(const struct checkin *);

int	api_kpi_list(struct http_req *, struct http_resp *);
int	api_kpi_show(struct http_req *, struct http_resp *);
int	api_import(struct http_req *, struct http_resp *);
int	api_checkin_post(struct http_req *, struct http_resp *);

#endif /* WEB_API_H */
