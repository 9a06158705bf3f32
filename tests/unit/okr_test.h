/*
 * okr_test.h: the workspace fixture shared by the OKR domain tests
 * (test_okr.c, test_okr_kr.c): a fresh workspace in its own temporary
 * directory, built through the public API -- teams "Support" and "Tier 1"
 * (under Support), person "Ana" (in Tier 1), cycle "2026-Q4" (2026-10-01
 * to 2026-12-31) and objective "nps" owned by Tier 1.  The clock is fixed
 * at 2026-10-15T12:00:00Z.
 */
#ifndef TESTS_OKR_TEST_H
#define TESTS_OKR_TEST_H

#include "db_test.h"

#define NOW_TEXT	"2026-10-15T12:00:00Z"
#define NOW		((int64_t)1792065600)	/* NOW_TEXT in epoch seconds */
#define DAY		((int64_t)86400)
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

struct fx {
	char		 dir[64];
	char		 db[160];
	struct okr	*o;
	struct arena	 a;
	struct err	 e;
};

/* Fail with the error message when expr does not return ERR_OK. */
#define assert_ok(f, expr) do {						\
	enum err_code rc_ = (expr);					\
	if (rc_ != ERR_OK) {						\
		print_error("%s: %s: %s\n", #expr, err_code_name(rc_),	\
		    (f)->e.msg);					\
		fail();							\
	}								\
} while (0)

/* The call failed with code, naming field, its message holding frag. */
#define assert_err(f, expr, code, fld, frag) \
	check_err((f), (expr), (code), (fld), (frag), #expr, __FILE__, \
	    __LINE__)

static inline void
check_err(struct fx *f, enum err_code rc, enum err_code want,
    const char *field, const char *frag, const char *expr, const char *file,
    int line)
{
	if (rc != want || strcmp(f->e.field, field) != 0 ||
	    (frag != NULL && strstr(f->e.msg, frag) == NULL)) {
		print_error("%s\n  got  %s field \"%s\": %s\n  want %s field "
		    "\"%s\" with \"%s\"\n", expr, err_code_name(rc),
		    f->e.field, rc == ERR_OK ? "(ok)" : f->e.msg,
		    err_code_name(want), field, frag ? frag : "");
		_fail(file, line);
	}
}

static inline enum err_code
new_team(struct fx *f, const char *name, const char *parent)
{
	struct team	 t;

	team_defaults(&t);
	t.name = (char *)name;
	t.parent = (char *)parent;
	return team_add(f->o, &t, &f->e);
}

static inline enum err_code
new_person(struct fx *f, const char *name, const char *team)
{
	struct person	 p;

	person_defaults(&p);
	p.name = (char *)name;
	p.team = (char *)team;
	return person_add(f->o, &p, &f->e);
}

static inline enum err_code
new_cycle(struct fx *f, const char *name, const char *start,
    const char *end)
{
	struct cycle	 c;

	cycle_defaults(&c);
	c.name = (char *)name;
	c.start = (char *)start;
	c.end = (char *)end;
	return cycle_add(f->o, &c, &f->e);
}

/* An objective in 2026-Q4 owned by team or person, aligned to n refs. */
static inline enum err_code
new_obj(struct fx *f, const char *key, const char *team, const char *person,
    const char *const *aligns, size_t n)
{
	struct objective	 ob;

	objective_defaults(&ob);
	ob.key = (char *)key;
	ob.title = (char *)"An objective";
	ob.cycle = (char *)"2026-Q4";
	ob.team = (char *)team;
	ob.person = (char *)person;
	ob.aligns = (char **)(uintptr_t)aligns;
	ob.naligns = n;
	return objective_add(f->o, &ob, &f->e);
}

static inline void
kr_init(struct kr *k, const char *obj, const char *key)
{
	kr_defaults(k);
	k->objective = (char *)obj;
	k->key = (char *)key;
	k->title = (char *)"A key result";
}

/* A key result of kind (-1: inferred) with the given numbers. */
static inline enum err_code
new_kr(struct fx *f, const char *obj, const char *key, int kind, double b,
    double t, double lo, double hi)
{
	struct kr	 k;

	kr_init(&k, obj, key);
	k.kind = kind;
	k.baseline = b;
	k.target = t;
	k.low = lo;
	k.high = hi;
	return kr_add(f->o, &k, &f->e);
}

/* A milestones key result: "Draft articles" (2) and "Review" (1). */
static inline enum err_code
new_ms_kr(struct fx *f, const char *obj, const char *key)
{
	struct milestone	 ms[] = { { (char *)"Draft articles", 2, 0 },
	    { (char *)"Review", 1, 0 } };
	struct kr		 k;

	kr_init(&k, obj, key);
	k.ms = ms;
	k.nms = NELEM(ms);
	return kr_add(f->o, &k, &f->e);
}

static inline enum err_code
checkin(struct fx *f, const char *ref, double value, double confidence,
    int64_t at)
{
	struct checkin	 c;

	checkin_defaults(&c);
	c.value = value;
	c.confidence = confidence;
	c.at = at;
	return checkin_add(f->o, ref, &c, &f->e);
}

static inline size_t
hist_count(struct fx *f, const char *entity, const char *label)
{
	struct history_entry	*h;
	size_t			 n;

	assert_ok(f, history_list(f->o, entity, label, 0, &f->a, &h, &n,
	    &f->e));
	return n;
}

/* The newest history row of entity/label about field, or NULL. */
static inline struct history_entry *
hist_find(struct fx *f, const char *entity, const char *label,
    const char *field)
{
	struct history_entry	*h;
	size_t			 n, i;

	assert_ok(f, history_list(f->o, entity, label, 0, &f->a, &h, &n,
	    &f->e));
	for (i = 0; i < n; i++)
		if (strcmp(h[i].field, field) == 0)
			return &h[i];
	return NULL;
}

static inline int
setup(void **state)
{
	struct workspace	 ws;
	struct fx		*f;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/test_okr.XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	test_db_uri(f->db, sizeof(f->db), f->dir, "okr");
	setenv("OKRDESK_NOW", NOW_TEXT, 1);
	workspace_defaults(&ws);
	ws.name = (char *)"Test";
	ws.timezone = (char *)"UTC";
	ws.cadence_days = 7;
	ws.grace_days = 3;
	*state = f;
	if (okr_create(f->db, &ws, "tester", &f->o, &f->e) != ERR_OK ||
	    new_team(f, "Support", NULL) != ERR_OK ||
	    new_team(f, "Tier 1", "Support") != ERR_OK ||
	    new_person(f, "Ana", "Tier 1") != ERR_OK ||
	    new_cycle(f, "2026-Q4", "2026-10-01", "2026-12-31") != ERR_OK ||
	    new_obj(f, "nps", "Tier 1", NULL, NULL, 0) != ERR_OK) {
		print_error("setup: %s\n", f->e.msg);
		return -1;
	}
	return 0;
}

static inline int
teardown(void **state)
{
	struct fx	*f = *state;

	okr_close(f->o);
	test_db_remove(f->db);
	rmdir(f->dir);
	arena_release(&f->a);
	free(f);
	return 0;
}

#endif /* TESTS_OKR_TEST_H */
