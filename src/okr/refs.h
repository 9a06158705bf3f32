/*
 * refs.h: resolving the names and keys users type to row ids (private to
 * okr/).  Each returns ERR_NOTFOUND with a message naming what was not
 * found, and the field it was given in.
 */
#ifndef OKR_REFS_H
#define OKR_REFS_H

#include "okr/okr.h"

enum err_code	ref_team(struct okr *, const char *name, int64_t *id,
		    struct err *);
enum err_code	ref_person(struct okr *, const char *name, int64_t *id,
		    struct err *);
enum err_code	ref_cycle(struct okr *, const char *name, int64_t *id,
		    struct err *);
enum err_code	ref_objective(struct okr *, const char *key, int64_t *id,
		    struct err *);
/* "OBJECTIVE/KR" */
enum err_code	ref_kr(struct okr *, const char *ref, int64_t *id,
		    struct err *);

/* Fill one element of an array from the current row. */
typedef void	row_fn(struct store_q *, struct arena *, void *elem);

/*
 * Read every row of the open query q into a new arena array of elements of
 * size bytes, filled by fn; closes q.  outp points to the caller's array
 * pointer (struct team **, ...).  With single set, exactly one row is
 * expected: 0 rows gives ERR_NOTFOUND (message left to the caller).
 */
enum err_code	rows_collect(struct store_q *q, row_fn *fn, size_t size,
		    struct arena *, void *outp, size_t *np, struct err *);

#endif /* OKR_REFS_H */
