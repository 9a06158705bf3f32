/*
 * clock.c: the workspace time zone and the current time.  See clock.h.
 */
#define _DEFAULT_SOURCE	/* struct tm tm_gmtoff */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/clock.h"
#include "core/parse.h"

#define ZONEINFO	"/usr/share/zoneinfo/"

enum err_code
clock_zone_check(const char *name, struct err *e)
{
	char		 path[512];
	struct stat	 st;
	size_t		 i;

	if (name == NULL || *name == '\0' || strlen(name) > 200 ||
	    name[0] == '/' || strstr(name, "..") != NULL)
		goto bad;
	for (i = 0; name[i] != '\0'; i++)
		if (!(name[i] == '/' || name[i] == '_' || name[i] == '-' ||
		    name[i] == '+' || (name[i] >= '0' && name[i] <= '9') ||
		    (name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= 'a' && name[i] <= 'z')))
			goto bad;
	if (strcmp(name, "UTC") == 0)
		return ERR_OK;
	snprintf(path, sizeof(path), ZONEINFO "%s", name);
	if (stat(path, &st) == -1 || !S_ISREG(st.st_mode))
		goto bad;
	return ERR_OK;
bad:
	return err_set(e, ERR_INVAL, "expected a time zone name like "
	    "Europe/Bucharest or UTC, got \"%s\"", name ? name : "");
}

enum err_code
clock_zone_set(const char *name, struct err *e)
{
	enum err_code	 rc;

	if ((rc = clock_zone_check(name, e)) != ERR_OK)
		return rc;
	if (setenv("TZ", name, 1) == -1)
		return err_set(e, ERR_NOMEM, "cannot set the time zone");
	tzset();
	return ERR_OK;
}

int64_t
clock_now(void)
{
	const char	*s;
	int64_t		 t;

	if ((s = getenv("OKRDESK_NOW")) != NULL && *s != '\0' &&
	    parse_time(s, &t, NULL) == ERR_OK)
		return t;
	return (int64_t)time(NULL);
}

int64_t
clock_day_start(int y, int m, int d)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

int64_t
clock_day_end(int y, int m, int d)
{
	/* mktime normalises day 32 into the next month */
	return clock_day_start(y, m, d + 1);
}

int64_t
clock_civil_days(int y, int m, int d)
{
	int64_t	 yy = m <= 2 ? (int64_t)y - 1 : y;
	int64_t	 era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t	 yoe = yy - era * 400;
	int64_t	 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t	 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

int64_t
clock_date_start(const char *date)
{
	int	 y, m, d;

	if (parse_date(date, &y, &m, &d, NULL) != ERR_OK)
		return 0;
	return clock_day_start(y, m, d);
}

int64_t
clock_date_end(const char *date)
{
	int	 y, m, d;

	if (parse_date(date, &y, &m, &d, NULL) != ERR_OK)
		return 0;
	return clock_day_end(y, m, d);
}

void
clock_fmt_date(int64_t t, char *buf, size_t sz)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	localtime_r(&tt, &tm);
	strftime(buf, sz, "%Y-%m-%d", &tm);
}

void
clock_fmt_time(int64_t t, char *buf, size_t sz)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;
	char		 off[24];
	long		 g;

	localtime_r(&tt, &tm);
	strftime(buf, sz, "%Y-%m-%dT%H:%M:%S", &tm);
	g = tm.tm_gmtoff;
	if (g == 0) {
		strncat(buf, "Z", sz - strlen(buf) - 1);
		return;
	}
	snprintf(off, sizeof(off), "%c%02ld:%02ld", g < 0 ? '-' : '+',
	    labs(g) / 3600, (labs(g) % 3600) / 60);
	strncat(buf, off, sz - strlen(buf) - 1);
}

void
clock_quarter(int64_t t, int *y, int *q)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	localtime_r(&tt, &tm);
	*y = tm.tm_year + 1900;
	*q = tm.tm_mon / 3 + 1;
}
