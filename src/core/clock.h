/*
 * clock.h: the workspace time zone and the current time.
 *
 * okrdesk stores every instant as int64 seconds UTC and cuts days, weeks and
 * cycles in the workspace time zone (an IANA name).  One process serves one
 * workspace, so the zone is set once for the process (TZ + tzset) when the
 * workspace is opened, and the C library's localtime_r/mktime do the rest
 * with the system's tzdata.
 *
 * clock_now() reads OKRDESK_NOW (an ISO 8601 time) when it is set, so that
 * tests and demos run at a fixed instant; otherwise the system clock.
 */
#ifndef CORE_CLOCK_H
#define CORE_CLOCK_H

#include <stdint.h>

#include "core/err.h"

/* Check that name is a time zone the system knows ("Europe/Bucharest",
 * "UTC"); ERR_INVAL otherwise. */
enum err_code	clock_zone_check(const char *name, struct err *e);
/* Make name the process time zone. */
enum err_code	clock_zone_set(const char *name, struct err *e);

/* Now, in seconds UTC (OKRDESK_NOW if set and valid). */
int64_t		clock_now(void);

/* Local midnight of the given calendar day, in seconds UTC. */
int64_t		clock_day_start(int y, int m, int d);
/* Start of the day after YYYY-MM-DD (the end of an inclusive date range). */
int64_t		clock_day_end(int y, int m, int d);
/* Local midnight of a date string already validated by parse_date. */
int64_t		clock_date_start(const char *date);
int64_t		clock_date_end(const char *date);

/*
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil): calendar-day differences with no time zone, so a
 * daylight-saving change never makes a day 23 or 25 hours "long".  m and d
 * may be out of range only as far as the arithmetic stays exact: callers
 * pass real dates.
 */
int64_t		clock_civil_days(int y, int m, int d);

/* "2026-11-24" of t in local time; buffer of at least 11 bytes. */
void		clock_fmt_date(int64_t t, char *buf, size_t sz);
/* "2026-11-24T09:30:00+02:00" of t in local time; at least 26 bytes. */
void		clock_fmt_time(int64_t t, char *buf, size_t sz);
/* Today's date in local time plus the quarter: y, q (1..4). */
void		clock_quarter(int64_t t, int *y, int *q);

#endif /* CORE_CLOCK_H */
