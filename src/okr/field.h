/*
 * field.h: every user-settable field of every entity, declared once.
 *
 * A field table says, for each field, its name (as written on the command
 * line "--name", in workspace files "name:", and later in the JSON API),
 * its type, where it lives in the entity struct and whether it is
 * required.  field_set() is the one validator all input goes through;
 * field_format() is the one way a value becomes text (export, history,
 * show).  Unknown field names are an error that lists the known ones.
 *
 * Storage by type: text-like types are char * (NULL = unset), numbers are
 * double (NAN = unset), FT_DAYS and FT_COUNT are int64_t (0 = unset), FT_ENUM is int (an index into
 * choices), FT_FRACTION is double in 0..1.
 *
 * Ownership: strings set by field_set are allocated from the given arena.
 */
#ifndef OKR_FIELD_H
#define OKR_FIELD_H

#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"

enum field_type {
	FT_NAME,	/* a display name (parse_name) */
	FT_TEXT,	/* free text, up to 4000 bytes */
	FT_KEY,		/* a key (parse_key) */
	FT_DATE,	/* YYYY-MM-DD */
	FT_TZ,		/* an IANA time zone */
	FT_NUMBER,	/* any finite number */
	FT_WEIGHT,	/* a number > 0 */
	FT_FRACTION,	/* a number in 0..1 */
	FT_DAYS,	/* a whole number of days, 1..366 */
	FT_COUNT,	/* a whole number, 1..1000 (a limit) */
	FT_ENUM,	/* one of choices */
	FT_REF,		/* the name or key of another entity (checked later) */
	FT__MAX
};

#define F_REQUIRED	0x01	/* must be set when the entity is created */
#define F_IDENTITY	0x02	/* names the entity (positional on the CLI) */
#define F_READONLY	0x04	/* shown, never set by input */

struct field_def {
	const char		*name;
	enum field_type		 type;
	size_t			 off;
	unsigned		 flags;
	const char *const	*choices;	/* FT_ENUM: NULL-terminated */
	const char		*help;		/* one line for --help */
};

/* The field of tab called name, or NULL.  Tables end with a NULL name. */
const struct field_def *field_find(const struct field_def *tab,
		    const char *name);

/*
 * Parse value as field name of tab and store it in obj.  A NULL value
 * clears an optional field (ERR_INVAL for a required one).  Errors name
 * the field: "baseline: expected a number, got \"abc\"".
 */
enum err_code	field_set(const struct field_def *tab, void *obj,
		    const char *name, const char *value, struct arena *,
		    struct err *);

/* Is the field unset (NULL text, NAN number)? */
int		field_isnull(const struct field_def *, const void *obj);

/*
 * The field's value as text, as it would be typed: numbers with up to 15
 * significant digits and no trailing zeros ("5.9", "70"), enums by name.
 * Appends nothing for an unset field.
 */
void		field_format(const struct field_def *, const void *obj,
		    struct buf *);

/* ERR_INVAL naming the first F_REQUIRED field that is unset. */
enum err_code	field_check_required(const struct field_def *tab,
		    const void *obj, const char *what, struct err *);

/* Format a number the way field_format does ("%.15g" without noise). */
void		field_fmt_number(double v, char *buf, size_t sz);

/* "name, title, kind, ..." of a table, for error messages and --help. */
void		field_names(const struct field_def *tab, struct buf *);

#endif /* OKR_FIELD_H */
