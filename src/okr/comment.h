/*
 * comment.h: the discussion of an objective and its key results.
 *
 * Anyone signed in may comment on an objective ("nps") or a key result
 * ("nps/csat"); a lead sending a draft back says why in a comment too.
 * A comment is plain text (at most COMMENT_TEXT_MAX bytes of UTF-8; the
 * pages escape it on output), with its author's login and time.  Each
 * comment is also recorded in history (entity "comment", field "text"),
 * so the history of an objective tells who said what when.  Comments
 * are not edited or removed one by one: they go with their objective or
 * key result.
 *
 * Like the rest of okr/, these functions never begin or commit a
 * transaction; times come from o->now.
 *
 * Ownership: text arguments are borrowed; the comments listed live in the
 * arena the caller passes.
 */
#ifndef OKR_COMMENT_H
#define OKR_COMMENT_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "okr/okr.h"

#define COMMENT_TEXT_MAX	4000	/* bytes, as FT_TEXT fields */

struct comment {
	int64_t		 id;
	char		*entity;	/* "objective" or "kr" */
	int64_t		 entity_id;	/* the objective's or the KR's id */
	char		*kr;		/* the KR's key, NULL for the objective */
	char		*author;	/* the login (or actor) who wrote it */
	int64_t		 at;
	char		*text;
};

/*
 * Add a comment by author (NULL: o->actor) on ref, an objective key or
 * "OBJECTIVE/KR".  Surrounding white space is trimmed; an empty text,
 * one longer than COMMENT_TEXT_MAX or not UTF-8 is ERR_INVAL (field
 * "text"); an unknown ref ERR_NOTFOUND.  Records history.  *id (if not
 * NULL) is set to the new comment's id.
 */
enum err_code	comment_add(struct okr *, const char *ref, const char *author,
		    const char *text, int64_t *id, struct err *);
/*
 * The comments of objective key and of its key results, oldest first.
 * ERR_NOTFOUND for an unknown key.
 */
enum err_code	comment_list(struct okr *, const char *key, struct arena *,
		    struct comment **, size_t *, struct err *);

#endif /* OKR_COMMENT_H */
