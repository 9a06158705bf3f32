/*
 * profile.h: import profiles, the mapping of one export's columns onto
 * the fields of one okrdesk dataset (kpi/dataset.h).
 *
 * A profile is a YAML text (docs/profiles.md describes every key): which
 * dataset, which column feeds which field, in which unit or date format,
 * with which value map, which markers mean "missing", which rows to skip.
 * Built-in profiles (import/builtin.c) cover okrdesk's own shape, the
 * Zendesk, Freshdesk and call-detail-record shapes, and each file of
 * ../shared/data; users write their own and pass --profile FILE.
 *
 * The profile never reads data files.  The import driver reads rows with
 * its row source and hands the profile two callbacks: column() once, at
 * bind time, to turn column names into indices; value() for each row, to
 * read a column's text.  profile_map() then fills one struct ds_rec and
 * checks it with ds_validate().  Everything that can be decided once
 * (column indices, compiled date formats, typed map values, the time
 * zone) is decided at parse or bind time, so mapping a row allocates
 * nothing but the text it builds (joined columns, prefixed ids), and that
 * goes to the caller's scratch arena.
 *
 * Ownership: a struct profile and everything it points to live in the
 * arena given to profile_parse/load/builtin; it is released with that
 * arena.  Values returned by value() are borrowed for the current row:
 * they must be NUL-terminated at len (value[len] == '\0'), since text
 * fields of the record point straight at them.
 */
#ifndef IMPORT_PROFILE_H
#define IMPORT_PROFILE_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "kpi/dataset.h"

struct profile;		/* arena-owned */

/* Parse a profile from YAML text; origin names it in errors
 * ("acme.yaml:12:3: fields.agent: unknown key ..."). */
enum err_code	profile_parse(struct arena *, const char *text, size_t len,
		    const char *origin, struct profile **, struct err *);
/* Read and parse the file at path; its name (without directory and
 * extension) is the profile's name unless the file gives one. */
enum err_code	profile_load(struct arena *, const char *path,
		    struct profile **, struct err *);
/* A built-in profile by name; ERR_NOTFOUND listing the names otherwise. */
enum err_code	profile_builtin(struct arena *, const char *name,
		    struct profile **, struct err *);

struct profile_info {
	const char	*name;		/* "pwc-calls" */
	const char	*dataset;	/* "interactions" */
	const char	*summary;	/* one line */
	const char	*text;		/* the YAML, for 'okrdesk profile show' */
};
/* Every built-in profile; ends with a NULL name. */
extern const struct profile_info profile_builtins[];
/* The built-in profile called name, or NULL. */
const struct profile_info *profile_builtin_info(const char *name);
/* The default profile for a dataset when none is given: the native one
 * ("okrdesk-interactions", ...). */
const char	*profile_default(enum ds);

const char	*profile_name(const struct profile *);
enum ds		 profile_dataset(const struct profile *);
/* "csv", "json", "ndjson", or NULL: detect from the file. */
const char	*profile_format(const struct profile *);
/* The CSV delimiter; 0: detect. */
int		 profile_delim(const struct profile *);
/* A reader of its own for this shape ("zendesk": the multi-file Zendesk
 * reader), or NULL: rows come from the generic row source. */
const char	*profile_reader(const struct profile *);

/* The distinct columns the profile reads (fields, conditions), in the
 * order first used: a JSON row source may extract only these. */
size_t		 profile_ncolumns(const struct profile *);
const char	*profile_column(const struct profile *, size_t i);

/*
 * Resolve the profile's column names against the file: column(ctx, name)
 * returns an index or -1.  A column the profile needs that the file lacks
 * is an error naming it and, when the file has it with another case or
 * spacing ("Agent name", "agent_name"), suggesting that one.  A field
 * marked optional whose column is absent stays missing on every row.
 * May be called again for another file.
 */
enum err_code	profile_bind(struct profile *,
		    int (*column)(void *ctx, const char *name), void *ctx,
		    struct err *);
/* profile_bind against a header given as an array of n names (index i is
 * column i); suggestions then consider every name in the header. */
enum err_code	profile_bind_header(struct profile *,
		    const char *const *names, int n, struct err *);

/*
 * Map the current row into rec (ds_rec_clear'ed first).  value(ctx, col,
 * &len) returns a column's value or NULL if the row lacks it.  line is the
 * row's line (for ids built from it).  Returns
 *    1  mapped, and ds_validate passed;
 *    0  skipped by a where: filter (not an error);
 *   -1  a bad row: e->field is the okrdesk field and the message names
 *       the column and quotes the value and says what was expected
 *       ("column \"resolution_hours\": \"-3\" is negative"), or gives
 *       ds_validate's reason followed by the column and value concerned.
 * Text may point into the row's values (valid until the next row) or into
 * scratch (valid until the caller releases it).
 */
int		profile_map(struct profile *,
		    const char *(*value)(void *ctx, int col, size_t *len),
		    void *ctx, long line, struct arena *scratch,
		    struct ds_rec *rec, struct err *e);

#endif /* IMPORT_PROFILE_H */
