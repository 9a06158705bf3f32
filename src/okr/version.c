/*
 * version.c: optimistic concurrency for the entities people edit (the
 * workspace, teams, people, cycles, objectives, key results).
 *
 * Each of their rows has a version.  An update matches the version its
 * writer read (... WHERE id = $1 AND version = $N RETURNING version) and
 * bumps it, so of two writers who read the same version exactly one
 * matches; the other matches no row and learns here who won.  Nothing is
 * locked between the read and the write, which is what lets several
 * servers share one database, and no update is ever lost: the loser gets
 * ERR_CONFLICT (field "version") and decides again from the current row.
 */
#include <string.h>

#include "okr/okr.h"

int
okr_is_version_conflict(const struct err *e)
{
	return e != NULL && e->code == ERR_CONFLICT &&
	    strcmp(e->field, "version") == 0;
}

enum err_code
okr_versioned(struct okr *o, enum err_code rc, enum stmt getver, int64_t id,
    const char *what, const char *label, int64_t had, int64_t got,
    int64_t *version, struct err *e)
{
	int64_t		 now = 0;

	/* no row is not an error of the statement (whichever way the
	 * backend says it): the version did not match */
	if (rc != ERR_OK && rc != ERR_NOTFOUND)
		return rc;
	if (rc == ERR_OK && got > 0) {
		*version = got;
		return ERR_OK;
	}
	/* the row moved on, or went: say which (a version is never 0) */
	if ((rc = store_int(o->st, getver, &now, e, "i", id)) != ERR_OK &&
	    rc != ERR_NOTFOUND)
		return rc;
	if (now == 0)
		return err_setf(e, ERR_CONFLICT, "version", "%s \"%s\" was "
		    "removed by someone else", what, label);
	return err_setf(e, ERR_CONFLICT, "version", "%s \"%s\" was changed "
	    "by someone else (version %lld, you had %lld)", what, label,
	    (long long)now, (long long)had);
}
