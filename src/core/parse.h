/*
 * parse.h: strict parsers for text typed by users or read from files.
 *
 * Each parser accepts the whole string or nothing: "12abc" is not 12, an
 * empty string is not 0.  On failure it returns ERR_INVAL and says, in the
 * error, what was expected and the value it got; the caller adds the field
 * name or file:line with err_prefix().
 *
 * Ownership: inputs are borrowed; outputs are written through pointers.
 */
#ifndef CORE_PARSE_H
#define CORE_PARSE_H

#include <stdint.h>

#include "core/err.h"

/* A finite decimal number ("5.9", "-3", "1e3"); no NaN, no infinity. */
enum err_code	parse_number(const char *s, double *out, struct err *e);
/* A whole number in [min, max]. */
enum err_code	parse_int(const char *s, int64_t min, int64_t max,
		    int64_t *out, struct err *e);
/* A number in [0, 1] ("0.7"); a trailing "%" divides by 100 ("70%"). */
enum err_code	parse_fraction(const char *s, double *out, struct err *e);
/* yes/no, true/false, 1/0, y/n, on/off (any case). */
enum err_code	parse_bool(const char *s, int *out, struct err *e);
/* A calendar date YYYY-MM-DD that exists (2026-02-30 does not); the
 * parts go to y, m, d, any of which may be NULL. */
enum err_code	parse_date(const char *s, int *y, int *m, int *d,
		    struct err *e);
/*
 * A point in time: YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS] (a space may replace
 * the T), optionally followed by Z or +HH:MM / -HH:MM.  Without an offset
 * the time is read in the process time zone (the workspace's, see clock.h).
 */
enum err_code	parse_time(const char *s, int64_t *out, struct err *e);
/*
 * A key: 1-64 characters of a-z, 0-9, '-' and '_', starting with a letter.
 * Keys name objectives and key results in files and on the command line.
 */
enum err_code	parse_key(const char *s, struct err *e);
/* A display name: 1-200 bytes of valid UTF-8 with no control characters
 * and no leading or trailing space. */
enum err_code	parse_name(const char *s, struct err *e);
/* Free text: valid UTF-8, at most max bytes, no control characters other
 * than newline and tab. */
enum err_code	parse_text(const char *s, size_t max, struct err *e);

#endif /* CORE_PARSE_H */
