/*
 * parse.c: strict parsers.  See parse.h.
 *
 * Written by hand because the C library's strtod/strtoll accept prefixes
 * ("12abc") and leading space, and strptime ignores trailing garbage and
 * does not check that a date exists; each parser here wraps them and checks
 * that the whole input was consumed.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/clock.h"
#include "core/parse.h"

enum err_code
parse_number(const char *s, double *out, struct err *e)
{
	char	*end;
	double	 v;

	if (s == NULL || *s == '\0' || isspace((unsigned char)*s))
		return err_set(e, ERR_INVAL, "expected a number, got \"%s\"",
		    s ? s : "");
	errno = 0;
	v = strtod(s, &end);
	if (*end != '\0' || errno == ERANGE || !isfinite(v) ||
	    /* strtod also reads "nan", "inf" and hex floats: refuse them */
	    strpbrk(s, "nNiIxX") != NULL)
		return err_set(e, ERR_INVAL, "expected a number, got \"%s\"", s);
	*out = v;
	return ERR_OK;
}

enum err_code
parse_int(const char *s, int64_t min, int64_t max, int64_t *out,
    struct err *e)
{
	char		*end;
	long long	 v;

	if (s == NULL || *s == '\0' || isspace((unsigned char)*s))
		return err_set(e, ERR_INVAL,
		    "expected a whole number, got \"%s\"", s ? s : "");
	errno = 0;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || errno == ERANGE)
		return err_set(e, ERR_INVAL,
		    "expected a whole number, got \"%s\"", s);
	if (v < min || v > max)
		return err_set(e, ERR_INVAL, "expected a whole number from "
		    "%lld to %lld, got %s", (long long)min, (long long)max, s);
	*out = v;
	return ERR_OK;
}

enum err_code
parse_fraction(const char *s, double *out, struct err *e)
{
	char	 tmp[64];
	size_t	 n;
	double	 v;
	int	 pct = 0;

	n = s ? strlen(s) : 0;
	if (n > 0 && n < sizeof(tmp) && s[n - 1] == '%') {
		memcpy(tmp, s, n - 1);
		tmp[n - 1] = '\0';
		pct = 1;
	} else if (n < sizeof(tmp)) {
		memcpy(tmp, s ? s : "", n + 1);
	} else
		return err_set(e, ERR_INVAL,
		    "expected a number from 0 to 1, got a long text");
	if (parse_number(tmp, &v, NULL) != ERR_OK)
		return err_set(e, ERR_INVAL,
		    "expected a number from 0 to 1, got \"%s\"", s ? s : "");
	if (pct)
		v /= 100.0;
	if (v < 0.0 || v > 1.0)
		return err_set(e, ERR_INVAL,
		    "expected a number from 0 to 1, got %s", s);
	*out = v;
	return ERR_OK;
}

enum err_code
parse_bool(const char *s, int *out, struct err *e)
{
	static const char *const yes[] = { "yes", "true", "1", "y", "on" };
	static const char *const no[] = { "no", "false", "0", "n", "off" };
	size_t	 i;

	for (i = 0; s != NULL && i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = 1;
			return ERR_OK;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = 0;
			return ERR_OK;
		}
	}
	return err_set(e, ERR_INVAL, "expected yes or no, got \"%s\"",
	    s ? s : "");
}

static int
days_in_month(int y, int m)
{
	static const int dm[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 ? 28 + leap : dm[m - 1];
}

/* Read exactly n digits at *p into *v; advance *p. */
static int
digits(const char **p, int n, int *v)
{
	int	 i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		*v = *v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return 0;
}

/* Parse YYYY-MM-DD at *p, advancing it; checks the date exists. */
static int
scan_date(const char **p, int *y, int *m, int *d)
{
	if (digits(p, 4, y) || *(*p)++ != '-' || digits(p, 2, m) ||
	    *(*p)++ != '-' || digits(p, 2, d))
		return -1;
	if (*y < 1900 || *y > 9999 || *m < 1 || *m > 12 || *d < 1 ||
	    *d > days_in_month(*y, *m))
		return -1;
	return 0;
}

enum err_code
parse_date(const char *s, int *py, int *pm, int *pd, struct err *e)
{
	const char	*p = s ? s : "";
	int		 y, m, d;

	if (scan_date(&p, &y, &m, &d) == -1 || *p != '\0')
		return err_set(e, ERR_INVAL,
		    "expected a date YYYY-MM-DD, got \"%s\"", s ? s : "");
	if (py)
		*py = y;
	if (pm)
		*pm = m;
	if (pd)
		*pd = d;
	return ERR_OK;
}

enum err_code
parse_time(const char *s, int64_t *out, struct err *e)
{
	const char	*p = s ? s : "";
	int		 y, mo, d, hh = 0, mi = 0, ss = 0, oh, om, sign;
	struct tm	 tm;
	time_t		 t;

	if (scan_date(&p, &y, &mo, &d) == -1)
		goto bad;
	if (*p == 'T' || *p == ' ') {
		p++;
		if (digits(&p, 2, &hh) || *p++ != ':' || digits(&p, 2, &mi))
			goto bad;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &ss))
				goto bad;
		}
		if (hh > 23 || mi > 59 || ss > 60)
			goto bad;
	}
	if (*p == 'Z' && p[1] == '\0') {
		*out = clock_civil_days(y, mo, d) * 86400 + hh * 3600 +
		    mi * 60 + ss;
		return ERR_OK;
	}
	if ((*p == '+' || *p == '-') && p[1] != '\0') {
		sign = *p++ == '-' ? -1 : 1;
		if (digits(&p, 2, &oh))
			goto bad;
		if (*p == ':')
			p++;
		if (digits(&p, 2, &om) || *p != '\0' || oh > 23 || om > 59)
			goto bad;
		*out = clock_civil_days(y, mo, d) * 86400 + hh * 3600 +
		    mi * 60 + ss - sign * (oh * 3600 + om * 60);
		return ERR_OK;
	}
	if (*p != '\0')
		goto bad;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = hh;
	tm.tm_min = mi;
	tm.tm_sec = ss;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1)
		goto bad;
	*out = (int64_t)t;
	return ERR_OK;
bad:
	return err_set(e, ERR_INVAL, "expected a time like 2026-10-05 or "
	    "2026-10-05T09:30[:00][Z|+02:00], got \"%s\"", s ? s : "");
}

enum err_code
parse_key(const char *s, struct err *e)
{
	size_t	 i, n = s ? strlen(s) : 0;

	if (n == 0 || n > 64 || !(s[0] >= 'a' && s[0] <= 'z'))
		goto bad;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
		    s[i] == '_'))
			goto bad;
	return ERR_OK;
bad:
	return err_set(e, ERR_INVAL, "expected a key of 1 to 64 characters "
	    "a-z, 0-9, - or _ starting with a letter, got \"%s\"",
	    s ? s : "");
}

/* Length of the valid UTF-8 sequence at p, or 0 if it is not one. */
static size_t
utf8_len(const unsigned char *p)
{
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		return (p[1] & 0xc0) == 0x80 ? 2 : 0;
	if (p[0] >= 0xe0 && p[0] <= 0xef) {
		if ((p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
			return 0;
		if ((p[0] == 0xe0 && p[1] < 0xa0) ||
		    (p[0] == 0xed && p[1] > 0x9f))
			return 0;	/* overlong, surrogate */
		return 3;
	}
	if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		if ((p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 ||
		    (p[3] & 0xc0) != 0x80)
			return 0;
		if ((p[0] == 0xf0 && p[1] < 0x90) ||
		    (p[0] == 0xf4 && p[1] > 0x8f))
			return 0;
		return 4;
	}
	return 0;
}

/* Check UTF-8 and control characters; allow newline and tab if text. */
static enum err_code
check_chars(const char *s, int text, struct err *e)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n;

	while (*p != '\0') {
		if ((n = utf8_len(p)) == 0)
			return err_set(e, ERR_INVAL, "not valid UTF-8 at "
			    "byte %zu", (size_t)(p - (const unsigned char *)s));
		if (n == 1 && (*p < 0x20 || *p == 0x7f) &&
		    !(text && (*p == '\n' || *p == '\t')))
			return err_set(e, ERR_INVAL, "control character "
			    "0x%02x at byte %zu", *p,
			    (size_t)(p - (const unsigned char *)s));
		p += n;
	}
	return ERR_OK;
}

enum err_code
parse_name(const char *s, struct err *e)
{
	size_t	 n = s ? strlen(s) : 0;

	if (n == 0)
		return err_set(e, ERR_INVAL, "expected a name, got nothing");
	if (n > 200)
		return err_set(e, ERR_INVAL, "a name is at most 200 bytes, "
		    "got %zu", n);
	if (isspace((unsigned char)s[0]) || isspace((unsigned char)s[n - 1]))
		return err_set(e, ERR_INVAL, "a name may not start or end "
		    "with a space: \"%s\"", s);
	return check_chars(s, 0, e);
}

enum err_code
parse_text(const char *s, size_t max, struct err *e)
{
	size_t	 n = s ? strlen(s) : 0;

	if (n > max)
		return err_set(e, ERR_INVAL, "at most %zu bytes, got %zu",
		    max, n);
	return check_chars(s ? s : "", 1, e);
}
