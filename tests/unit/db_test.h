/*
 * db_test.h: where a unit test keeps a workspace.  An SQLite file in the
 * test's temporary directory; on the PostgreSQL pass of tests/run
 * (OKRDESK_TEST_PG set to a throwaway cluster's postgresql://...) a
 * database of that server named after the directory, so the same test
 * runs on both backends.
 */
#ifndef TESTS_DB_TEST_H
#define TESTS_DB_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

/* The --db of workspace name of a test whose temporary dir is dir. */
static inline void
test_db_uri(char *out, size_t sz, const char *dir, const char *name)
{
	const char	*pg = getenv("OKRDESK_TEST_PG"), *base;
	size_t		 i, n;

	if (pg == NULL || *pg == '\0') {
		snprintf(out, sz, "%s/%s.db", dir, name);
		return;
	}
	base = strrchr(dir, '/');
	base = base != NULL ? base + 1 : dir;
	n = (size_t)snprintf(out, sz, "%s/u_", pg);
	for (i = 0; base[i] != '\0' && n + 1 < sz; i++)
		out[n++] = base[i] == '.' || base[i] == '-' ? '_' : base[i];
	out[n < sz ? n : sz - 1] = '\0';
	snprintf(out + strlen(out), sz - strlen(out), "_%s", name);
}

/* Remove the workspace: the file and its -wal and -shm, or the database. */
static inline void
test_db_remove(const char *uri)
{
	(void)store_remove(uri, NULL);
}

#endif /* TESTS_DB_TEST_H */
