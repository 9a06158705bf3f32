/*
 * api_entity.h: the API's writing routes for the entities (teams, people,
 * cycles, objectives, key results, users, the workspace), and what their
 * files (api_entity.c, api_entity_okr.c, api_user.c) share.
 *
 * Every entity is written by one generic flow (api_entity.c): the body's
 * members go through okr/field.h's field_set, so the API refuses exactly
 * what the CLI refuses with the same messages; the entity's descriptor
 * (struct api_entity) adds the members beyond its field table (aligns,
 * milestones, password), the rights check and the JSON of the result.
 * The route table api_entity_routes is listed in web/routes.c.
 *
 * Ownership: everything lives in the request arena; the body (call->in)
 * is owned by the generic flow.
 */
#ifndef WEB_API_ENTITY_H
#define WEB_API_ENTITY_H

#include <jansson.h>

#include "okr/user.h"
#include "web/http.h"

/* The routes of this file set; NULL-pattern terminated. */
extern const struct route api_entity_routes[];

enum api_op { API_ADD, API_EDIT, API_RM, API_OP__MAX };

/* One write in progress: the request, its caller as okr/user.h sees
 * them, the body, and what the extra members left for add/update. */
struct api_call {
	struct http_req		*r;
	struct http_resp	*w;
	struct user		 u;		/* the caller (auth_as_user) */
	json_t			*in;		/* the body; NULL for DELETE */
	const char		*password;	/* users: "password" given */
	int			 generated;	/* users: password made here,
						   answered once */
};

struct api_entity {
	const char		*what;		/* "team": which entity it is */
	const struct field_def	*fields;
	size_t			 size;		/* sizeof(struct team) */
	void		(*defaults)(void *);
	/* The identity as a path names it ("Tier 1", "obj/kr"), in the
	 * arena. */
	const char	*(*ident)(struct arena *, const void *);
	enum err_code	(*get)(struct okr *, const char *, struct arena *,
			    void *, struct err *);
	/* Before the body is applied to a new object: set what the path
	 * gives (a key result's objective); NULL when nothing.  0 or the
	 * status it filled w with. */
	int		(*prepare)(struct api_call *, void *);
	enum err_code	(*add)(struct api_call *, void *, struct err *);
	enum err_code	(*update)(struct api_call *, const void *old,
			    void *new, struct err *);
	enum err_code	(*rm)(struct okr *, const char *, struct err *);
	/* A body member beyond the field table: 1 taken, 0 not one of its
	 * own (then it goes to field_set), -1 invalid (e set). */
	int		(*extra)(struct api_call *, const char *name,
			    json_t *v, void *obj, struct err *);
	/*
	 * May the caller do op?  Called first with new NULL (old is the
	 * stored object for an edit or a removal, NULL for an add: the
	 * rights the path alone decides), then for an add or an edit with
	 * the object the body made (the rights its owner decides; it may
	 * force values, as a member's draft state).  0 to go on, else the
	 * status (403) it filled call->w with.
	 */
	int		(*may)(struct api_call *, enum api_op,
			    const void *old, void *new);
	/* The object as the reading routes give it (NULL: out of memory). */
	json_t		*(*json)(struct api_call *, const void *);
	/* offsetof its int64_t version (okr/okr.h), 0 for an entity
	 * without one (users): PATCH then takes no "version". */
	size_t		 version_off;
};

/*
 * The descriptor's wrappers around an entity's typed okr/ calls (T_get,
 * T_add, T_update, T_defaults) for struct T named by member IDENT (READ:
 * defaults, ident, get; WRITE: add, update); and
 * T_json_v: its fields (T_fields) as GET lists them (okr/evaljson.h).
 */
#define API_GLUE(T, IDENT) API_GLUE_READ(T, IDENT) API_GLUE_WRITE(T)
#define API_GLUE_READ(T, IDENT) \
static void \
T##_defaults_v(void *p) { T##_defaults(p); } \
static const char * \
T##_ident_v(struct arena *a, const void *p) \
{ (void)a; return ((const struct T *)p)->IDENT; } \
static enum err_code \
T##_get_v(struct okr *o, const char *s, struct arena *a, void *p, \
    struct err *e) { return T##_get(o, s, a, p, e); }
#define API_GLUE_WRITE(T) \
static enum err_code \
T##_add_v(struct api_call *c, void *p, struct err *e) \
{ return T##_add(c->r->okr, p, e); } \
static enum err_code \
T##_update_v(struct api_call *c, const void *a, void *b, struct err *e) \
{ return T##_update(c->r->okr, a, b, e); }
#define API_GLUE_JSON(T) \
static json_t * \
T##_json_v(struct api_call *c, const void *p) \
{ (void)c; return evaljson_entity(T##_fields, p, \
    ((const struct T *)p)->id, ((const struct T *)p)->version); }

/*
 * The generic flow: POST (201 with the object), PATCH (200 with it) and
 * DELETE (200 {"deleted": IDENT}) of the entity the path names.  PATCH
 * writes only over the version the client names ("version" in the body,
 * or an If-Match header: "3"; neither: the version read in this request),
 * else 409 with the current object (api_conflict).
 */
int	api_entity_post(struct http_req *, struct http_resp *,
	    const struct api_entity *);
int	api_entity_patch(struct http_req *, struct http_resp *,
	    const struct api_entity *);
int	api_entity_delete(struct http_req *, struct http_resp *,
	    const struct api_entity *);

/*
 * A JSON value as the text field_set takes for field f: a string for a
 * text-like field, a number for a numeric one (a whole number for days),
 * a string or a boolean for a yes/no choice; null is NULL (unset).  A
 * value of the wrong type is ERR_INVAL naming the field.  num (at least
 * 32 bytes) holds a formatted number.
 */
enum err_code	api_entity_text(const struct field_def *f, json_t *v,
		    char *num, size_t numsz, const char **out, struct err *);
/* "a string", "a number"...: the JSON type of v, for messages. */
const char	*api_entity_type(json_t *v);

/*
 * The version a write must match, from call->in's "version" (removed from
 * the body) and the If-Match header: *want 0 when neither names one (or
 * If-Match is "*").  0, or the status (400) it filled call->w with.
 */
int	api_version_wanted(struct api_call *, int64_t *want);
/* 409 {"error": {code "conflict", message, field "version"}, "current":
 * current} (current stolen; the object as it is now).  Returns 0. */
int	api_conflict(struct http_resp *, const struct err *, json_t *current);

/* Fill w with 403 forbidden and the message; returns 403. */
int	api_forbid(struct http_resp *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* The routes' handlers in api_entity_okr.c and api_user.c. */
int	api_objective_post(struct http_req *, struct http_resp *);
int	api_objective_patch(struct http_req *, struct http_resp *);
int	api_objective_delete(struct http_req *, struct http_resp *);
int	api_kr_post(struct http_req *, struct http_resp *);
int	api_kr_patch(struct http_req *, struct http_resp *);
int	api_kr_delete(struct http_req *, struct http_resp *);
int	api_user_list(struct http_req *, struct http_resp *);
int	api_user_post(struct http_req *, struct http_resp *);
int	api_user_patch(struct http_req *, struct http_resp *);
int	api_user_delete(struct http_req *, struct http_resp *);

#endif /* WEB_API_ENTITY_H */
