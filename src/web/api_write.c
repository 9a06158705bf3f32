/*
 * api_write.c: the API's writing routes.
 *
 *   POST /api/v1/krs/OBJ/KR/checkins   {"value", "confidence"?, "note"?,
 *                                       "milestone"?, "done"?}
 *
 * Who may check in is okr/user.c's user_can_checkin: an admin; a lead on
 * the key results of their team and the teams below; a member on the key
 * results they own.
 */
#include <math.h>
#include <string.h>

#include "okr/evaljson.h"
#include "okr/user.h"
#include "web/auth.h"
#include "web/api.h"

int
api_checkin_post(struct http_req *r, struct http_resp *w)
{
	struct objective	 ob;
	struct user		 u;
	struct checkin		 c;
	struct kr		 k;
	struct err		 e;
	json_error_t		 je;
	json_t			*in, *v;
	const char		*ms = NULL, *key;
	char			*ref;
	enum err_code		 rc;
	int			 done = 1;

	ref = arena_printf(r->arena, "%s/%s", r->args[0], r->args[1]);
	if (kr_get(r->okr, ref, r->arena, &k, &e) != ERR_OK ||
	    objective_get(r->okr, k.objective, r->arena, &ob, &e) != ERR_OK)
		return http_fail(w, &e);
	auth_as_user(r->user, &u);
	if (!user_can_checkin(r->okr, &u, ref))
		return http_error(w, 403, "forbidden", NULL, "only the key "
		    "result's owner, a lead of its team or an admin can check "
		    "in on %s", ref);
	if ((in = json_loadb(r->body, r->bodylen, 0, &je)) == NULL)
		return http_error(w, 400, "bad_request", NULL, "the body is "
		    "not JSON: %s (line %d)", je.text, je.line);
	if (!json_is_object(in)) {
		json_decref(in);
		return http_error(w, 400, "bad_request", NULL, "the body must "
		    "be a JSON object");
	}
	checkin_defaults(&c);
	json_object_foreach(in, key, v) {
		if (strcmp(key, "value") == 0 && json_is_number(v))
			c.value = json_number_value(v);
		else if (strcmp(key, "confidence") == 0 && json_is_number(v))
			c.confidence = json_number_value(v);
		else if (strcmp(key, "note") == 0 && json_is_string(v))
			c.note = arena_strdup(r->arena, json_string_value(v));
		else if (strcmp(key, "milestone") == 0 && json_is_string(v))
			ms = arena_strdup(r->arena, json_string_value(v));
		else if (strcmp(key, "done") == 0 && json_is_boolean(v))
			done = json_is_true(v);
		else {
			/* key belongs to in: copy it before letting in go */
			key = arena_strdup(r->arena, key);
			json_decref(in);
			return http_error(w, 422, "invalid", key, "%s: unknown "
			    "member, or not of the expected type (value: "
			    "number, confidence: number 0-1, note: string, "
			    "milestone: string, done: boolean)", key);
		}
	}
	json_decref(in);
	if (ms == NULL && isnan(c.value))
		return http_error(w, 422, "invalid", "value", "value is "
		    "required");
	if (!isnan(c.confidence) && !(c.confidence >= 0 &&
	    c.confidence <= 1))
		return http_error(w, 422, "invalid", "confidence", "confidence: "
		    "expected a number from 0 to 1, got %g", c.confidence);
	c.author = (char *)(r->user->person != NULL ? r->user->person :
	    r->user->login);
	c.source = (char *)"api";
	rc = ms != NULL ? checkin_milestone(r->okr, ref, ms, done, &c, &e) :
	    checkin_add(r->okr, ref, &c, &e);
	if (rc != ERR_OK)
		return http_fail(w, &e);
	return http_json(w, 201, api_checkin_json(&c));
}
