/*
 * calendar.c: periods in the local time zone and business hours.  See
 * calendar.h.
 *
 * Every local-to-UTC conversion goes through mktime with tm_isdst = -1, so
 * the C library's tzdata decides the offset of each instant: a week that
 * holds a DST change is 167 or 169 hours long, and "09:00" on the day of
 * the change is 09:00 on the wall clock.  These calls happen per period
 * and per open interval, never per record.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/clock.h"
#include "core/parse.h"
#include "kpi/calendar.h"

static const char *const day_names[7] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/* Local y-m-d of t (m 1..12) and its weekday, Monday 0. */
static void
local_date(int64_t t, int *y, int *m, int *d, int *wd)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	localtime_r(&tt, &tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
	if (wd != NULL)
		*wd = (tm.tm_wday + 6) % 7;
}

/*
 * The instant of local y-m-d at minute min of the day (0..1440); y-m-d may
 * be out of range (day 32) and is normalised in place, as is wd.
 */
static int64_t
local_instant(int *y, int *m, int *d, int min, int *wd)
{
	struct tm	 tm;
	int64_t		 t;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = *y - 1900;
	tm.tm_mon = *m - 1;
	tm.tm_mday = *d;
	tm.tm_hour = min / 60;
	tm.tm_min = min % 60;
	tm.tm_isdst = -1;
	t = (int64_t)mktime(&tm);
	if (min == 0) {
		*y = tm.tm_year + 1900;
		*m = tm.tm_mon + 1;
		*d = tm.tm_mday;
		if (wd != NULL)
			*wd = (tm.tm_wday + 6) % 7;
	}
	return t;
}

int64_t
cal_period_start(enum cal_unit u, int64_t t)
{
	int	 y, m, d, wd;

	local_date(t, &y, &m, &d, &wd);
	switch (u) {
	case CAL_WEEK:
		d -= wd;
		break;
	case CAL_MONTH:
		d = 1;
		break;
	case CAL_QUARTER:
		m = (m - 1) / 3 * 3 + 1;
		d = 1;
		break;
	default:
		break;
	}
	return clock_day_start(y, m, d);
}

int64_t
cal_period_next(enum cal_unit u, int64_t start)
{
	int	 y, m, d;

	local_date(start, &y, &m, &d, NULL);
	switch (u) {
	case CAL_DAY:
		return clock_day_start(y, m, d + 1);
	case CAL_WEEK:
		return clock_day_start(y, m, d + 7);
	case CAL_MONTH:
		return clock_day_start(y, m + 1, 1);
	default:
		return clock_day_start(y, m + 3, 1);
	}
}

enum err_code
cal_edges(enum cal_unit u, int64_t from, int64_t to, struct arena *a,
    int64_t **edges, size_t *n, struct err *e)
{
	int64_t		*v = NULL, p;
	size_t		 nv = 0, cap = 0;

	if (to <= from)
		return err_set(e, ERR_INVAL, "the window ends (%lld) before it "
		    "starts (%lld)", (long long)to, (long long)from);
	if (ARENA_PUSH(a, v, nv, cap) == NULL)
		goto nomem;
	v[0] = from;
	for (p = cal_period_next(u, cal_period_start(u, from)); p < to;
	    p = cal_period_next(u, p)) {
		if (nv > CAL_EDGES_MAX)
			return err_set(e, ERR_TOOBIG, "more than %d periods "
			    "in the window", CAL_EDGES_MAX);
		if (ARENA_PUSH(a, v, nv, cap) == NULL)
			goto nomem;
		v[nv - 1] = p;
	}
	if (ARENA_PUSH(a, v, nv, cap) == NULL)
		goto nomem;
	v[nv - 1] = to;
	*edges = v;
	*n = nv - 1;
	return ERR_OK;
nomem:
	return err_set(e, ERR_NOMEM, "out of memory cutting periods");
}

/* --- schedules ------------------------------------------------------ */

static int
day_find(const char *s, size_t len)
{
	for (int i = 0; i < 7; i++)
		if (len == 3 && strncasecmp(s, day_names[i], 3) == 0)
			return i;
	return -1;
}

static const char *
skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* "HH:MM" (00:00..24:00) at s; minutes, or -1. */
static int
hhmm(const char *s, const char **end)
{
	int	 h, m;

	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	    s[2] != ':' || !isdigit((unsigned char)s[3]) ||
	    !isdigit((unsigned char)s[4]))
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (m > 59 || h > 24 || (h == 24 && m != 0))
		return -1;
	*end = s + 5;
	return h * 60 + m;
}

static int
iv_cmp(const void *a, const void *b)
{
	const struct schedule_iv *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

static int
int32_cmp(const void *a, const void *b)
{
	int32_t	 x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

/* One item "mon-fri 09:00-12:00,13:00-17:00" of length len. */
static enum err_code
parse_item(const char *s, size_t len, struct schedule *sc, struct err *e)
{
	char		 item[256];
	const char	*p, *q;
	int		 mask = 0, d0, d1, a, b;

	if (len >= sizeof(item))
		return err_set(e, ERR_INVAL, "schedule item \"%.40s...\" is "
		    "too long", s);
	memcpy(item, s, len);
	item[len] = '\0';
	p = skip_space(item);
	/* days: a comma-separated list of days and day ranges */
	for (;;) {
		q = p;
		while (isalpha((unsigned char)*q))
			q++;
		if ((d0 = day_find(p, (size_t)(q - p))) < 0)
			goto badday;
		d1 = d0;
		if (*q == '-' && isalpha((unsigned char)q[1])) {
			p = q + 1;
			q = p;
			while (isalpha((unsigned char)*q))
				q++;
			if ((d1 = day_find(p, (size_t)(q - p))) < 0)
				goto badday;
		}
		for (int d = d0;; d = (d + 1) % 7) {	/* fri-mon wraps */
			mask |= 1 << d;
			if (d == d1)
				break;
		}
		p = q;
		if (*p != ',')
			break;
		p++;
	}
	if (*p != ' ' && *p != '\t')
		return err_set(e, ERR_INVAL, "schedule item \"%s\": expected "
		    "days then hours, like \"mon-fri 09:00-17:00\"", item);
	p = skip_space(p);
	/* hours: comma-separated HH:MM-HH:MM */
	for (;;) {
		if ((a = hhmm(p, &q)) < 0 || *q != '-' ||
		    (b = hhmm(q + 1, &q)) < 0)
			return err_set(e, ERR_INVAL, "schedule item \"%s\": "
			    "expected hours like 09:00-17:00 at \"%s\"",
			    item, p);
		if (b <= a)
			return err_set(e, ERR_INVAL, "schedule item \"%s\": "
			    "%.11s ends before it starts", item, p);
		for (int d = 0; d < 7; d++) {
			if (!(mask & (1 << d)))
				continue;
			if (sc->niv == SCHEDULE_IV_MAX)
				return err_set(e, ERR_TOOBIG, "more than %d "
				    "open intervals in a week",
				    SCHEDULE_IV_MAX);
			sc->iv[sc->niv].start = (uint16_t)(d * 1440 + a);
			sc->iv[sc->niv].end = (uint16_t)(d * 1440 + b);
			sc->niv++;
		}
		p = skip_space(q);
		if (*p == '\0')
			break;
		if (*p != ',')
			return err_set(e, ERR_INVAL, "schedule item \"%s\": "
			    "unexpected \"%s\"", item, p);
		p = skip_space(p + 1);
	}
	return ERR_OK;
badday:
	return err_set(e, ERR_INVAL, "schedule item \"%s\": \"%.*s\" is not "
	    "a day (mon, tue, wed, thu, fri, sat, sun)", item,
	    (int)(q - p), p);
}

enum err_code
schedule_parse(const char *spec, const char *holidays, struct schedule *sc,
    struct err *e)
{
	const char	*p, *q;
	enum err_code	 rc;
	char		 date[16];
	int		 y, m, d;
	size_t		 i, n;

	memset(sc, 0, sizeof(*sc));
	for (p = spec == NULL ? "" : spec; *p != '\0'; p = *q ? q + 1 : q) {
		if ((q = strchr(p, ';')) == NULL)
			q = p + strlen(p);
		if (*skip_space(p) == ';' || skip_space(p) == q)
			continue;	/* "a; ; b" and a trailing ';' */
		if ((rc = parse_item(p, (size_t)(q - p), sc, e)) != ERR_OK)
			return rc;
	}
	if (sc->niv == 0)
		return err_set(e, ERR_INVAL, "schedule \"%s\" has no open "
		    "hours; expected e.g. \"mon-fri 09:00-17:00\"",
		    spec == NULL ? "" : spec);
	qsort(sc->iv, sc->niv, sizeof(sc->iv[0]), iv_cmp);
	for (i = 1; i < sc->niv; i++)
		if (sc->iv[i].start < sc->iv[i - 1].end) {
			int	 dd = sc->iv[i].start / 1440;
			int	 s0 = sc->iv[i].start % 1440;
			int	 s1 = sc->iv[i - 1].start % 1440;

			return err_set(e, ERR_INVAL, "schedule: on %s, the "
			    "hours from %02d:%02d overlap those from "
			    "%02d:%02d", day_names[dd], s0 / 60, s0 % 60,
			    s1 / 60, s1 % 60);
		}
	for (p = holidays == NULL ? "" : holidays; *p != '\0';
	    p = *q ? q + 1 : q) {
		p = skip_space(p);
		if ((q = strchr(p, ',')) == NULL)
			q = p + strlen(p);
		n = (size_t)(q - p);
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n == 0)
			continue;
		if (n >= sizeof(date) ||
		    (memcpy(date, p, n), date[n] = '\0',
		    parse_date(date, &y, &m, &d, NULL)) != ERR_OK)
			return err_set(e, ERR_INVAL, "holiday \"%.*s\" is not "
			    "a date like 2026-12-25", (int)(n > 40 ? 40 : n),
			    p);
		if (sc->nhol == SCHEDULE_HOL_MAX)
			return err_set(e, ERR_TOOBIG, "more than %d holidays",
			    SCHEDULE_HOL_MAX);
		sc->hol[sc->nhol++] = y * 10000 + m * 100 + d;
	}
	qsort(sc->hol, sc->nhol, sizeof(sc->hol[0]), int32_cmp);
	for (i = n = 0; i < sc->nhol; i++)
		if (n == 0 || sc->hol[n - 1] != sc->hol[i])
			sc->hol[n++] = sc->hol[i];
	sc->nhol = n;
	return ERR_OK;
}

/* The hours of weekday wd as "09:00-12:00,13:00-17:00" into buf. */
static void
day_hours(const struct schedule *sc, int wd, char *buf, size_t sz)
{
	size_t	 len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sc->niv && len + 13 < sz; i++) {
		int	 a = sc->iv[i].start - wd * 1440;
		int	 b = sc->iv[i].end - wd * 1440;

		if (a < 0 || a >= 1440)
			continue;
		len += (size_t)snprintf(buf + len, sz - len,
		    "%s%02d:%02d-%02d:%02d", len ? "," : "", a / 60, a % 60,
		    b / 60, b % 60);
	}
}

void
schedule_format(const struct schedule *sc, struct buf *b)
{
	char	 h[7][SCHEDULE_IV_MAX * 13 + 1];
	int	 d, d1, first = 1;

	for (d = 0; d < 7; d++)
		day_hours(sc, d, h[d], sizeof(h[d]));
	for (d = 0; d < 7; d = d1 + 1) {
		for (d1 = d; d1 + 1 < 7 && strcmp(h[d1 + 1], h[d]) == 0; d1++)
			;
		if (h[d][0] == '\0')
			continue;
		buf_printf(b, "%s%s", first ? "" : "; ", day_names[d]);
		if (d1 > d)
			buf_printf(b, "-%s", day_names[d1]);
		buf_printf(b, " %s", h[d]);
		first = 0;
	}
}

void
schedule_format_holidays(const struct schedule *sc, struct buf *b)
{
	for (size_t i = 0; i < sc->nhol; i++)
		buf_printf(b, "%s%04d-%02d-%02d", i ? "," : "",
		    (int)(sc->hol[i] / 10000), (int)(sc->hol[i] / 100 % 100),
		    (int)(sc->hol[i] % 100));
}

static int
is_holiday(const struct schedule *sc, int y, int m, int d)
{
	int32_t	 k = y * 10000 + m * 100 + d;

	return sc->nhol > 0 && bsearch(&k, sc->hol, sc->nhol,
	    sizeof(sc->hol[0]), int32_cmp) != NULL;
}

/*
 * Call fn for each open interval [a, b) of the schedule that meets
 * [t0, t1), clipped to it, day by day in local time.  Stops early when fn
 * returns non-zero.
 */
static void
each_open(const struct schedule *sc, int64_t t0, int64_t t1,
    int (*fn)(void *, int64_t, int64_t), void *arg)
{
	int	 y, m, d, wd, yy, mm, dd;
	int64_t	 day, a, b;

	if (t1 <= t0 || sc->niv == 0)
		return;
	local_date(t0, &y, &m, &d, &wd);
	for (;; d++) {
		day = local_instant(&y, &m, &d, 0, &wd);
		if (day >= t1)
			break;
		if (is_holiday(sc, y, m, d))
			continue;
		for (size_t i = 0; i < sc->niv; i++) {
			int	 s0 = sc->iv[i].start - wd * 1440;
			int	 s1 = sc->iv[i].end - wd * 1440;

			if (s0 < 0 || s0 >= 1440)
				continue;
			yy = y, mm = m, dd = d;
			a = local_instant(&yy, &mm, &dd, s0, NULL);
			b = local_instant(&yy, &mm, &dd, s1, NULL);
			if (a < t0)
				a = t0;
			if (b > t1)
				b = t1;
			if (a < b && fn(arg, a, b))
				return;
		}
	}
}

static int
add_span(void *arg, int64_t a, int64_t b)
{
	*(int64_t *)arg += b - a;
	return 0;
}

int64_t
schedule_seconds(const struct schedule *sc, int64_t t0, int64_t t1)
{
	int64_t	 sum = 0;

	each_open(sc, t0, t1, add_span, &sum);
	return sum;
}

struct fill {
	struct bizcal	*c;
	size_t		 n;
	int		 counting;
};

static int
fill_span(void *arg, int64_t a, int64_t b)
{
	struct fill	*f = arg;

	if (!f->counting) {
		f->c->start[f->n] = a;
		f->c->end[f->n] = b;
		f->c->cum[f->n] = f->n == 0 ? 0 :
		    f->c->cum[f->n - 1] + (f->c->end[f->n - 1] -
		    f->c->start[f->n - 1]);
	}
	f->n++;
	return 0;
}

enum err_code
bizcal_build(struct bizcal *c, const struct schedule *sc, int64_t from,
    int64_t to, struct arena *ar, struct err *e)
{
	struct fill	 f = { c, 0, 1 };

	memset(c, 0, sizeof(*c));
	c->from = from;
	c->to = to > from ? to : from;
	each_open(sc, c->from, c->to, fill_span, &f);
	c->n = f.n;
	c->start = arena_calloc(ar, c->n + 1, sizeof(int64_t));
	c->end = arena_calloc(ar, c->n + 1, sizeof(int64_t));
	c->cum = arena_calloc(ar, c->n + 1, sizeof(int64_t));
	if (c->start == NULL || c->end == NULL || c->cum == NULL)
		return err_set(e, ERR_NOMEM, "out of memory compiling the "
		    "business hours");
	f.n = 0;
	f.counting = 0;
	each_open(sc, c->from, c->to, fill_span, &f);
	return ERR_OK;
}

/* Open seconds in [from, t). */
static int64_t
bizcal_cum(const struct bizcal *c, int64_t t)
{
	size_t	 lo = 0, hi = c->n, mid;

	while (lo < hi) {	/* the first interval starting after t */
		mid = lo + (hi - lo) / 2;
		if (c->start[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	lo--;
	return c->cum[lo] + (t < c->end[lo] ? t : c->end[lo]) -
	    c->start[lo];
}

int64_t
bizcal_seconds(const struct bizcal *c, int64_t t0, int64_t t1)
{
	if (t0 < c->from)
		t0 = c->from;
	if (t1 > c->to)
		t1 = c->to;
	if (t1 <= t0)
		return 0;
	return bizcal_cum(c, t1) - bizcal_cum(c, t0);
}
