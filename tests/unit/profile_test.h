/*
 * profile_test.h: helpers shared by the profile tests (test_profile.c,
 * test_profile_builtin.c): one arena for profiles and one for row
 * scratch, released after each test; a row is an array of C strings, one
 * per header column, NULL for a column the row lacks.
 */
#ifndef TESTS_PROFILE_TEST_H
#define TESTS_PROFILE_TEST_H

#define N(a)	((int)(sizeof(a) / sizeof((a)[0])))

static struct arena	 A = ARENA_INIT, S = ARENA_INIT;
static struct profile	*P;
static struct ds_rec	 R;
static struct err	 E;

static int __attribute__((unused))
teardown(void **state)
{
	(void)state;
	arena_release(&A);
	arena_release(&S);
	P = NULL;
	return 0;
}

static const char * __attribute__((unused))
tval(void *ctx, int col, size_t *len)
{
	const char *const	*row = ctx;

	if (row[col] == NULL)
		return NULL;
	*len = strlen(row[col]);
	return row[col];
}

/* Parse yaml (or load the built-in name) and bind it to the header. */
static void __attribute__((unused))
use(const char *yaml, const char *const *hdr, int nh)
{
	enum err_code	 rc;

	if (strchr(yaml, ':') == NULL)
		rc = profile_builtin(&A, yaml, &P, &E);
	else
		rc = profile_parse(&A, yaml, strlen(yaml), "t.yaml", &P, &E);
	if (rc != ERR_OK)
		fail_msg("%s", E.msg);
	if (profile_bind_header(P, hdr, nh, &E) != ERR_OK)
		fail_msg("bind: %s: %s", E.field, E.msg);
}

/* Map row (n values, the header's width) at line. */
static int __attribute__((unused))
row(const char *const *r, long line)
{
	err_clear(&E);
	return profile_map(P, tval, (void *)r, line, &S, &R, &E);
}

static int __attribute__((unused))
parse_text(const char *yaml)
{
	return profile_parse(&A, yaml, strlen(yaml), "t.yaml", &P, &E);
}

#define TXT(f)	(R.v[f].set ? R.v[f].s : "(missing)")
#define ISSET(f) (R.v[f].set)

#endif /* TESTS_PROFILE_TEST_H */
