/*
 * convert.c: value conversions for import profiles.  See convert.h.
 *
 * Written by hand rather than with strtod/strptime/mktime because each
 * runs once per value of every row: strtod needs a NUL-terminated copy
 * and honours the locale, strptime accepts trailing text and does not
 * check that a day exists, and mktime re-reads the zone on every call
 * (glibc calls tzset), which alone would cost seconds per million rows.
 * strtod remains the fallback for numbers the fast path cannot read
 * exactly (more than 15 significant digits, large exponents).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/clock.h"
#include "import/convert.h"

enum tok {
	TK_LIT, TK_YYYY, TK_YY, TK_MM, TK_M, TK_DD, TK_D, TK_HH, TK_H,
	TK_MIN, TK_SS, TK_FRAC, TK_Z
};

enum fmt_kind { FMT_PATTERN, FMT_ISO, FMT_EPOCH };

const char *
conv_trim(const char *s, size_t *len)
{
	size_t	 n = *len;

	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		n--;
	*len = n;
	return s;
}

static const double pow10_tab[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

int
conv_number(const char *s, size_t len, double *out)
{
	const char	*p, *end;
	uint64_t	 mant = 0;
	int		 neg = 0, sig = 0, scale = 0, ex = 0, exneg = 0;
	int		 any = 0;
	char		 tmp[80];
	double		 v;

	s = conv_trim(s, &len);
	p = s;
	end = s + len;
	if (p < end && (*p == '+' || *p == '-'))
		neg = *p++ == '-';
	for (; p < end && *p >= '0' && *p <= '9'; p++, any = 1) {
		if (sig < 19 && (sig > 0 || *p != '0')) {
			mant = mant * 10 + (uint64_t)(*p - '0');
			sig++;
		} else if (sig >= 19)
			scale++;	/* digits past 19 only scale */
	}
	if (p < end && *p == '.') {
		for (p++; p < end && *p >= '0' && *p <= '9'; p++, any = 1) {
			if (sig < 19 && (sig > 0 || *p != '0')) {
				mant = mant * 10 + (uint64_t)(*p - '0');
				sig++;
				scale--;
			} else if (sig < 19)
				scale--;	/* a leading zero after the dot */
		}
	}
	if (!any)
		return -1;
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			exneg = *p++ == '-';
		if (p == end || *p < '0' || *p > '9')
			return -1;
		for (; p < end && *p >= '0' && *p <= '9'; p++)
			if (ex < 10000)
				ex = ex * 10 + (*p - '0');
	}
	if (p != end)
		return -1;
	scale += exneg ? -ex : ex;
	/* exact: both operands are exact doubles, so one rounding */
	if (sig <= 15 && scale >= -22 && scale <= 22) {
		v = (double)mant;
		v = scale < 0 ? v / pow10_tab[-scale] : v * pow10_tab[scale];
		*out = neg ? -v : v;
		return 0;
	}
	if (mant == 0) {
		*out = neg ? -0.0 : 0.0;
		return 0;
	}
	if (len >= sizeof(tmp))
		return -1;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	v = strtod(tmp, NULL);
	if (v > 1.7976931348623157e308 || v < -1.7976931348623157e308)
		return -1;	/* overflowed to infinity */
	*out = v;
	return 0;
}

int
conv_bool(const char *s, size_t len, int *out)
{
	static const struct { const char *w; size_t n; int v; } words[] = {
		{ "true", 4, 1 }, { "false", 5, 0 }, { "yes", 3, 1 },
		{ "no", 2, 0 }, { "y", 1, 1 }, { "n", 1, 0 }, { "1", 1, 1 },
		{ "0", 1, 0 }, { "t", 1, 1 }, { "f", 1, 0 },
	};
	size_t	 i;

	s = conv_trim(s, &len);
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (len == words[i].n && strncasecmp(s, words[i].w, len) == 0) {
			*out = words[i].v;
			return 0;
		}
	return -1;
}

static const char *const unit_names[CONV_UNIT__MAX] = {
	[CONV_SECONDS] = "seconds",
	[CONV_MINUTES] = "minutes",
	[CONV_HOURS] = "hours",
	[CONV_DAYS] = "days",
	[CONV_HMS] = "h:mm:ss",
};

int
conv_unit_find(const char *name)
{
	for (int u = 0; u < CONV_UNIT__MAX; u++)
		if (strcmp(unit_names[u], name) == 0)
			return u;
	return -1;
}

const char *
conv_unit_name(enum conv_unit u)
{
	return (unsigned)u < CONV_UNIT__MAX ? unit_names[u] : NULL;
}

/* Read 1..max digits at *p (before end), exactly n if n > 0. */
static int
num(const char **p, const char *end, int n, int max, int *v)
{
	int	 i = 0;

	*v = 0;
	while (*p < end && i < max && **p >= '0' && **p <= '9') {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		i++;
	}
	return i == 0 || (n > 0 && i != n) ? -1 : 0;
}

/* [-]H:MM:SS[.fraction], hours of any width. */
static int
hms(const char *s, size_t len, double *secs)
{
	const char	*p = s, *end = s + len;
	int		 h, m, sec, neg = 0;
	double		 frac = 0, scale = 0.1;

	if (p < end && *p == '-') {
		neg = 1;
		p++;
	}
	if (num(&p, end, 0, 9, &h) || p == end || *p++ != ':' ||
	    num(&p, end, 2, 2, &m) || p == end || *p++ != ':' ||
	    num(&p, end, 2, 2, &sec) || m > 59 || sec > 59)
		return -1;
	if (p < end && *p == '.') {
		if (++p == end)
			return -1;
		for (; p < end && *p >= '0' && *p <= '9'; p++, scale /= 10)
			frac += (*p - '0') * scale;
	}
	if (p != end)
		return -1;
	*secs = h * 3600.0 + m * 60.0 + sec + frac;
	if (neg)
		*secs = -*secs;
	return 0;
}

int
conv_duration(const char *s, size_t len, enum conv_unit unit, double *secs)
{
	static const double mult[] = { 1, 60, 3600, 86400 };
	double	 v;

	s = conv_trim(s, &len);
	if (unit == CONV_HMS)
		return hms(s, len, secs);
	if ((unsigned)unit >= CONV_HMS || conv_number(s, len, &v) == -1)
		return -1;
	*secs = v * mult[unit];
	return 0;
}

/* Token table, longest first so that "yyyy" wins over "yy". */
static const struct { const char *s; size_t n; enum tok t; } toks[] = {
	{ ".fraction", 9, TK_FRAC }, { "yyyy", 4, TK_YYYY },
	{ "yy", 2, TK_YY }, { "mm", 2, TK_MM }, { "m", 1, TK_M },
	{ "dd", 2, TK_DD }, { "d", 1, TK_D }, { "HH", 2, TK_HH },
	{ "H", 1, TK_H }, { "MM", 2, TK_MIN }, { "SS", 2, TK_SS },
	{ "Z", 1, TK_Z },
};

enum err_code
conv_fmt_compile(const char *pat, struct conv_fmt *f, struct err *e)
{
	const char	*p = pat;
	size_t		 i;
	int		 have = 0;	/* bits: 1 year, 2 month, 4 day */

	memset(f, 0, sizeof(*f));
	snprintf(f->name, sizeof(f->name), "%s", pat);
	if (strlen(pat) >= sizeof(f->name))
		return err_set(e, ERR_INVAL, "date format \"%.40s...\" is too "
		    "long", pat);
	if (strcmp(pat, "iso8601") == 0) {
		f->kind = FMT_ISO;
		return ERR_OK;
	}
	if (strcmp(pat, "epoch") == 0) {
		f->kind = FMT_EPOCH;
		return ERR_OK;
	}
	while (*p != '\0') {
		if (f->ntok == CONV_FMT_TOKENS)
			return err_set(e, ERR_INVAL, "date format \"%s\" is too "
			    "long", pat);
		for (i = 0; i < sizeof(toks) / sizeof(toks[0]); i++)
			if (strncmp(p, toks[i].s, toks[i].n) == 0)
				break;
		if (i < sizeof(toks) / sizeof(toks[0])) {
			f->tok[f->ntok++].kind = (unsigned char)toks[i].t;
			have |= toks[i].t == TK_YYYY || toks[i].t == TK_YY ? 1 :
			    toks[i].t == TK_MM || toks[i].t == TK_M ? 2 :
			    toks[i].t == TK_DD || toks[i].t == TK_D ? 4 : 0;
			p += toks[i].n;
			continue;
		}
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z' &&
		    *p != 'T'))
			return err_set(e, ERR_INVAL, "date format \"%s\": "
			    "unknown token at \"%s\" (expected yyyy, yy, mm, m, "
			    "dd, d, HH, H, MM, SS, .fraction, Z, or the names "
			    "iso8601, epoch)", pat, p);
		f->tok[f->ntok].kind = TK_LIT;
		f->tok[f->ntok++].c = *p++;
	}
	if (have != 7)
		return err_set(e, ERR_INVAL, "date format \"%s\" needs a year, "
		    "a month and a day (yyyy or yy, mm or m, dd or d)", pat);
	return ERR_OK;
}

static int
mdays(int y, int m)
{
	static const int dm[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2)
		return 28 + ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
	return dm[m - 1];
}

enum err_code
conv_tz_init(struct conv_tz *tz, const char *spec, struct err *e)
{
	const char	*p = spec;
	int		 h = 0, m = 0, sign;

	memset(tz, 0, sizeof(*tz));
	for (int i = 0; i < CONV_TZ_CACHE; i++)
		tz->cache[i].day = INT64_MIN;
	if (spec == NULL) {
		tz->local = 1;
		return ERR_OK;
	}
	if (strcmp(spec, "UTC") == 0 || strcmp(spec, "Z") == 0)
		return ERR_OK;
	if (*p != '+' && *p != '-')
		goto bad;
	sign = *p++ == '-' ? -1 : 1;
	if (!(p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9'))
		goto bad;
	h = (p[0] - '0') * 10 + (p[1] - '0');
	p += 2;
	if (*p == ':')
		p++;
	if (*p != '\0') {
		if (!(p[0] >= '0' && p[0] <= '9' && p[1] >= '0' &&
		    p[1] <= '9') || p[2] != '\0')
			goto bad;
		m = (p[0] - '0') * 10 + (p[1] - '0');
	}
	if (h > 14 || m > 59)
		goto bad;
	tz->off = sign * (h * 3600 + m * 60);
	return ERR_OK;
bad:
	return err_set(e, ERR_INVAL, "expected a time zone UTC or an offset "
	    "like +02:00, got \"%s\"", spec);
}

static int64_t
local_mktime(int y, int mo, int d, int h, int mi, int s)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

int64_t
conv_tz_instant(struct conv_tz *tz, int y, int mo, int d, int h, int mi,
    int s)
{
	int64_t			 day = clock_civil_days(y, mo, d);
	int64_t			 civil = day * 86400 + h * 3600 + mi * 60 + s;
	struct conv_tz_day	*c;

	if (!tz->local)
		return civil - tz->off;
	c = &tz->cache[(uint64_t)day % CONV_TZ_CACHE];
	if (c->day != day) {
		int64_t	 off0 = day * 86400 - local_mktime(y, mo, d, 0, 0, 0);
		int64_t	 off1 = day * 86400 + 86399 -
		    local_mktime(y, mo, d, 23, 59, 59);

		c->day = day;
		c->off = (int32_t)off0;
		c->uniform = off0 == off1;
	}
	if (c->uniform)
		return civil - c->off;
	/* the offset changes this day: let the C library place the hour */
	return local_mktime(y, mo, d, h, mi, s);
}

/* Optional ".digits" (or ",digits"); dropped. */
static int
frac(const char **p, const char *end)
{
	if (*p < end && (**p == '.' || **p == ',')) {
		(*p)++;
		if (*p == end || **p < '0' || **p > '9')
			return -1;
		while (*p < end && **p >= '0' && **p <= '9')
			(*p)++;
	}
	return 0;
}

static inline int
dig2(const char *p)
{
	return (p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9') ?
	    (p[0] - '0') * 10 + (p[1] - '0') : -1;
}

/* The ISO 8601 fast path: fixed positions, no loops but the fraction. */
static int
iso(struct conv_tz *tz, const char *s, size_t len, int64_t *out)
{
	const char	*p, *end = s + len;
	int		 y, mo, d, h = 0, mi = 0, sec = 0, oh, om = 0, sign;

	if (len < 10 || s[4] != '-' || s[7] != '-' ||
	    (y = dig2(s)) < 0 || (oh = dig2(s + 2)) < 0 ||
	    (mo = dig2(s + 5)) < 0 || (d = dig2(s + 8)) < 0)
		return -1;
	y = y * 100 + oh;
	if (mo < 1 || mo > 12 || d < 1 || d > mdays(y, mo))
		return -1;
	p = s + 10;
	if (p < end && (*p == 'T' || *p == ' ')) {
		if (end - p < 6 || p[3] != ':' || (h = dig2(p + 1)) < 0 ||
		    (mi = dig2(p + 4)) < 0)
			return -1;
		p += 6;
		if (p < end && *p == ':') {
			if (end - p < 3 || (sec = dig2(p + 1)) < 0)
				return -1;
			p += 3;
			if (frac(&p, end) == -1)
				return -1;
		}
		if (h > 23 || mi > 59 || sec > 60)
			return -1;
	}
	if (p == end) {
		*out = conv_tz_instant(tz, y, mo, d, h, mi, sec);
		return 0;
	}
	if (*p == 'Z' && p + 1 == end) {
		*out = clock_civil_days(y, mo, d) * 86400 + h * 3600 +
		    mi * 60 + sec;
		return 0;
	}
	if (*p != '+' && *p != '-')
		return -1;
	sign = *p++ == '-' ? -1 : 1;
	if (end - p < 2 || (oh = dig2(p)) < 0)
		return -1;
	p += 2;
	if (p < end && *p == ':')
		p++;
	if (p < end) {
		if (end - p != 2 || (om = dig2(p)) < 0)
			return -1;
		p += 2;
	}
	if (oh > 14 || om > 59)
		return -1;
	*out = clock_civil_days(y, mo, d) * 86400 + h * 3600 + mi * 60 +
	    sec - sign * (oh * 3600 + om * 60);
	return 0;
}

int
conv_time(const struct conv_fmt *f, struct conv_tz *tz, const char *s,
    size_t len, int64_t *out)
{
	const char	*p, *end;
	int		 y = -1, mo = -1, d = -1, h = 0, mi = 0, sec = 0, utc = 0;
	int		 i;
	double		 v;

	s = conv_trim(s, &len);
	if (f->kind == FMT_ISO)
		return iso(tz, s, len, out);
	if (f->kind == FMT_EPOCH) {
		if (conv_number(s, len, &v) == -1 || v < -1e12 || v > 1e12)
			return -1;
		*out = (int64_t)v;
		return 0;
	}
	p = s;
	end = s + len;
	for (i = 0; i < f->ntok; i++) {
		switch ((enum tok)f->tok[i].kind) {
		case TK_LIT:
			if (p == end || *p != f->tok[i].c)
				return -1;
			p++;
			break;
		case TK_YYYY:
			if (num(&p, end, 4, 4, &y))
				return -1;
			break;
		case TK_YY:
			if (num(&p, end, 2, 2, &y))
				return -1;
			y += y < 69 ? 2000 : 1900;
			break;
		case TK_MM:
			if (num(&p, end, 2, 2, &mo))
				return -1;
			break;
		case TK_M:
			if (num(&p, end, 0, 2, &mo))
				return -1;
			break;
		case TK_DD:
			if (num(&p, end, 2, 2, &d))
				return -1;
			break;
		case TK_D:
			if (num(&p, end, 0, 2, &d))
				return -1;
			break;
		case TK_HH:
			if (num(&p, end, 2, 2, &h))
				return -1;
			break;
		case TK_H:
			if (num(&p, end, 0, 2, &h))
				return -1;
			break;
		case TK_MIN:
			if (num(&p, end, 2, 2, &mi))
				return -1;
			break;
		case TK_SS:
			if (num(&p, end, 2, 2, &sec))
				return -1;
			break;
		case TK_FRAC:
			if (frac(&p, end) == -1)
				return -1;
			break;
		case TK_Z:
			if (p == end || *p++ != 'Z')
				return -1;
			utc = 1;
			break;
		}
	}
	if (p != end || y < 1 || mo < 1 || mo > 12 || d < 1 ||
	    d > mdays(y, mo) || h > 23 || mi > 59 || sec > 60)
		return -1;
	if (utc)
		*out = clock_civil_days(y, mo, d) * 86400 + h * 3600 +
		    mi * 60 + sec;
	else
		*out = conv_tz_instant(tz, y, mo, d, h, mi, sec);
	return 0;
}
