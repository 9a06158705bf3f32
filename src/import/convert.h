/*
 * convert.h: the conversions an import profile applies to one value read
 * from an export: numbers, booleans, durations in a unit, and points in
 * time read by a small pattern language, in a time zone.
 *
 * These run once per value of every imported row (tens of millions of
 * times in `make bench`), so they work on (pointer, length) pairs that
 * need not be NUL-terminated, never allocate, and never call mktime for
 * an ISO 8601 time with an offset; naive local times go through a per-day
 * cache of the zone's UTC offset (struct conv_tz).
 *
 * Every function returns 0 on success and -1 when the text is not what
 * was expected; the caller (import/profile) words the error, because only
 * it knows the column and the field.
 *
 * Ownership: inputs are borrowed; results are written through pointers.
 * A struct conv_fmt and a struct conv_tz are plain values with no heap
 * memory.
 */
#ifndef IMPORT_CONVERT_H
#define IMPORT_CONVERT_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

/* Skip leading and trailing blanks (space, tab, CR); returns the start
 * and updates *len. */
const char	*conv_trim(const char *s, size_t *len);

/*
 * A finite decimal number: optional sign, digits with an optional
 * fraction, an optional exponent ("2.0", "-3", "1e3", ".5").  Blanks
 * around it are allowed; nothing else is (no "nan", "inf", hex, "1,5").
 */
int		conv_number(const char *s, size_t len, double *out);
/* true/false, yes/no, y/n, 1/0 in any case ("TRUE", "Yes", "N"). */
int		conv_bool(const char *s, size_t len, int *out);

/* Units a duration may be given in. */
enum conv_unit {
	CONV_SECONDS,
	CONV_MINUTES,
	CONV_HOURS,
	CONV_DAYS,
	CONV_HMS,		/* "h:mm:ss": H:MM:SS, hours of any width */
	CONV_UNIT__MAX
};

/* "seconds", "minutes", "hours", "days", "h:mm:ss"; -1 if none. */
int		conv_unit_find(const char *name);
const char	*conv_unit_name(enum conv_unit);
/* A duration in unit, as seconds ("1.5" hours is 5400; "1:02:03" is
 * 3723).  A negative number is returned as such: the caller refuses it
 * with the column named. */
int		conv_duration(const char *s, size_t len, enum conv_unit unit,
		    double *secs);

/*
 * A date format: either a named one or a pattern.
 *
 *   iso8601   YYYY-MM-DD, optionally T or space and HH:MM[:SS[.fraction]],
 *             optionally Z or an offset +HH:MM, +HHMM or +HH
 *   epoch     seconds since 1970-01-01T00:00:00Z (a number)
 *
 * A pattern is read token by token, everything else being a literal
 * character that must match:
 *   yyyy  4-digit year       yy  2-digit year (69-99: 19xx, 00-68: 20xx)
 *   mm    2-digit month      m   month, 1 or 2 digits
 *   dd    2-digit day        d   day, 1 or 2 digits
 *   HH    2-digit hour       H   hour, 1 or 2 digits
 *   MM    2-digit minute     SS  2-digit second
 *   .fraction  optional: a dot and digits (dropped: instants are seconds)
 *   Z     the letter Z: the time is UTC
 * A pattern names a year, a month and a day; a missing time of day is
 * midnight.  Lower-case m is the month and upper-case MM the minute, as in
 * the formats people write in spreadsheets ("dd-mm-yyyy HH:MM").
 */
#define CONV_FMT_TOKENS	32

struct conv_tok {
	unsigned char	 kind;
	char		 c;		/* the literal character */
};

struct conv_fmt {
	char		 name[48];	/* as written, for messages */
	int		 kind;		/* 0 pattern, 1 iso8601, 2 epoch */
	int		 ntok;
	struct conv_tok	 tok[CONV_FMT_TOKENS];
};

/* Compile pattern (or a name) into f; ERR_INVAL saying which token is
 * unknown or what is missing. */
enum err_code	conv_fmt_compile(const char *pattern, struct conv_fmt *f,
		    struct err *e);

/*
 * The zone a time without an offset is read in: UTC, a fixed offset, or
 * the process time zone (the workspace's, see core/clock.h).  For the
 * process zone the UTC offset of each local day is cached (mktime twice a
 * day, not once a value); a day on which the offset changes (a DST
 * switch) falls back to mktime for each value there.
 */
#define CONV_TZ_CACHE	64

struct conv_tz_day {
	int64_t		 day;		/* days since 1970-01-01, local */
	int32_t		 off;		/* seconds east of UTC */
	int32_t		 uniform;	/* 1 if off holds all day */
};

struct conv_tz {
	int			 local;	/* 1: the process zone */
	int32_t			 off;	/* fixed: seconds east of UTC */
	struct conv_tz_day	 cache[CONV_TZ_CACHE];
};

/* spec NULL: the process zone; "UTC", "Z"; "+02:00", "-0530", "+02".
 * ERR_INVAL quoting spec otherwise. */
enum err_code	conv_tz_init(struct conv_tz *, const char *spec,
		    struct err *e);

/* Parse s by f into an instant (seconds UTC), times without an offset
 * being read in tz. */
int		conv_time(const struct conv_fmt *f, struct conv_tz *tz,
		    const char *s, size_t len, int64_t *out);

/* The instant of a local civil time in tz. */
int64_t		conv_tz_instant(struct conv_tz *, int y, int mo, int d, int h,
		    int mi, int s);

#endif /* IMPORT_CONVERT_H */
