/*
 * test_calendar.c: periods in the local zone (ISO weeks, DST weeks in
 * Europe/Bucharest) and business hours (parse, format, open seconds
 * across a weekend, a holiday and a DST change).  Instants are written as
 * ISO 8601 with their offset, read by the core parser, so the expected
 * values are the calendar facts themselves.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/parse.h"
#include "kpi/calendar.h"

static int64_t
T(const char *iso)
{
	int64_t	 t = 0;

	assert_int_equal(parse_time(iso, &t, NULL), ERR_OK);
	return t;
}

static void
zone(const char *name)
{
	assert_int_equal(clock_zone_set(name, NULL), ERR_OK);
}

static void
test_cal_iso_week_of_jan_1_starts_the_monday_before(void **state)
{
	(void)state;
	zone("UTC");
	/* 2027-01-01 is a Friday: its ISO week starts Monday 2026-12-28 */
	assert_true(cal_period_start(CAL_WEEK, T("2027-01-01T12:00:00Z")) ==
	    T("2026-12-28T00:00:00Z"));
	/* a Monday at midnight starts its own week; a Sunday belongs to the
	 * week before */
	assert_true(cal_period_start(CAL_WEEK, T("2026-12-28T00:00:00Z")) ==
	    T("2026-12-28T00:00:00Z"));
	assert_true(cal_period_start(CAL_WEEK, T("2027-01-03T23:59:59Z")) ==
	    T("2026-12-28T00:00:00Z"));
	assert_true(cal_period_start(CAL_QUARTER, T("2026-11-15T10:00:00Z")) ==
	    T("2026-10-01T00:00:00Z"));
	assert_true(cal_period_next(CAL_QUARTER, T("2026-10-01T00:00:00Z")) ==
	    T("2027-01-01T00:00:00Z"));
	assert_true(cal_period_next(CAL_MONTH, T("2027-01-01T00:00:00Z")) ==
	    T("2027-02-01T00:00:00Z"));
}

static void
test_cal_week_edges_in_bucharest_across_the_dst_change(void **state)
{
	struct arena	 a = ARENA_INIT;
	int64_t		*ed;
	size_t		 n;

	(void)state;
	zone("Europe/Bucharest");
	/*
	 * Summer time ends Sunday 2026-10-25 at 04:00 (+03:00 -> +02:00).
	 * The week of Monday 2026-10-19 starts at 00:00+03:00 and ends at
	 * Monday 2026-10-26 00:00+02:00: 169 hours.
	 */
	assert_int_equal(cal_edges(CAL_WEEK, T("2026-10-19T00:00:00+03:00"),
	    T("2026-11-02T00:00:00+02:00"), &a, &ed, &n, NULL), ERR_OK);
	assert_int_equal(n, 2);
	assert_true(ed[1] == T("2026-10-26T00:00:00+02:00"));
	assert_true(ed[1] - ed[0] == 169 * 3600);
	assert_true(ed[2] - ed[1] == 168 * 3600);
	/* cut by day, the Sunday of the change is 25 hours long */
	assert_int_equal(cal_edges(CAL_DAY, T("2026-10-24T00:00:00+03:00"),
	    T("2026-10-27T00:00:00+02:00"), &a, &ed, &n, NULL), ERR_OK);
	assert_int_equal(n, 3);
	assert_true(ed[2] - ed[1] == 25 * 3600);
	/* a window that starts mid-day keeps its start as the first edge */
	assert_int_equal(cal_edges(CAL_DAY, T("2026-10-24T12:00:00+03:00"),
	    T("2026-10-25T06:00:00+02:00"), &a, &ed, &n, NULL), ERR_OK);
	assert_int_equal(n, 2);
	assert_true(ed[1] == T("2026-10-25T00:00:00+03:00"));
	assert_int_equal(cal_edges(CAL_DAY, 10, 10, &a, &ed, &n, NULL),
	    ERR_INVAL);
	arena_release(&a);
	zone("UTC");
}

static void
test_schedule_parse_and_format_round_trip(void **state)
{
	struct schedule	 s, t;
	struct buf	 b = BUF_INIT, h = BUF_INIT;

	(void)state;
	assert_int_equal(schedule_parse("mon-fri 09:00-17:00; sat 10:00-14:00",
	    "2026-12-26, 2026-12-25", &s, NULL), ERR_OK);
	assert_int_equal(s.niv, 6);
	assert_int_equal(s.iv[5].start, 5 * 1440 + 600);	/* sat 10:00 */
	schedule_format(&s, &b);
	assert_string_equal(buf_cstr(&b), "mon-fri 09:00-17:00; sat 10:00-14:00");
	schedule_format_holidays(&s, &h);
	assert_string_equal(buf_cstr(&h), "2026-12-25,2026-12-26");
	assert_int_equal(schedule_parse(buf_cstr(&b), buf_cstr(&h), &t, NULL),
	    ERR_OK);
	assert_memory_equal(&s, &t, sizeof(s));
	buf_reset(&b);
	/* lists, wrapping ranges, two ranges a day, 24:00 */
	assert_int_equal(schedule_parse("mon,wed 08:00-12:00,13:00-17:00; "
	    "sat-sun 00:00-24:00", NULL, &s, NULL), ERR_OK);
	schedule_format(&s, &b);
	assert_string_equal(buf_cstr(&b), "mon 08:00-12:00,13:00-17:00; "
	    "wed 08:00-12:00,13:00-17:00; sat-sun 00:00-24:00");
	buf_release(&b);
	buf_release(&h);
}

static void
test_schedule_parse_errors_quote_the_offending_piece(void **state)
{
	struct schedule	 s;
	struct err	 e;

	(void)state;
	assert_int_equal(schedule_parse("mon-fry 09:00-17:00", NULL, &s, &e),
	    ERR_INVAL);
	assert_non_null(strstr(e.msg, "\"fry\" is not a day"));
	assert_int_equal(schedule_parse("mon 17:00-09:00", NULL, &s, &e),
	    ERR_INVAL);
	assert_non_null(strstr(e.msg, "ends before it starts"));
	assert_int_equal(schedule_parse("mon 09:00-25:00", NULL, &s, &e),
	    ERR_INVAL);
	assert_non_null(strstr(e.msg, "expected hours like 09:00-17:00"));
	assert_int_equal(schedule_parse("mon 09:00-17:00; mon 12:00-13:00",
	    NULL, &s, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "on mon, the hours from 12:00 overlap"));
	assert_int_equal(schedule_parse("mon 09:00-17:00", "2026-02-30", &s,
	    &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "holiday \"2026-02-30\""));
	assert_int_equal(schedule_parse("", NULL, &s, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "no open hours"));
}

static void
test_schedule_seconds_across_a_weekend_and_a_holiday(void **state)
{
	struct schedule	 s;

	(void)state;
	zone("UTC");
	assert_int_equal(schedule_parse("mon-fri 09:00-17:00", "2026-12-25",
	    &s, NULL), ERR_OK);
	/* Fri 2026-12-18 16:00 -> Mon 12-21 10:00: 1 h Friday + 1 h Monday */
	assert_true(schedule_seconds(&s, T("2026-12-18T16:00:00Z"),
	    T("2026-12-21T10:00:00Z")) == 7200);
	/* Thu 12-24 16:00 -> Mon 12-28 10:00: Friday is Christmas: 2 h */
	assert_true(schedule_seconds(&s, T("2026-12-24T16:00:00Z"),
	    T("2026-12-28T10:00:00Z")) == 7200);
	/* inside one day, and entirely out of hours */
	assert_true(schedule_seconds(&s, T("2026-12-22T10:30:00Z"),
	    T("2026-12-22T11:00:00Z")) == 1800);
	assert_true(schedule_seconds(&s, T("2026-12-19T10:00:00Z"),
	    T("2026-12-20T10:00:00Z")) == 0);
	assert_true(schedule_seconds(&s, 100, 50) == 0);
}

static void
test_schedule_seconds_follow_the_wall_clock_on_dst_days(void **state)
{
	struct schedule	 s;

	(void)state;
	zone("Europe/Bucharest");
	assert_int_equal(schedule_parse("sun 00:00-24:00; mon 09:00-10:00",
	    NULL, &s, NULL), ERR_OK);
	/* Sunday 2026-10-25 lasts 25 hours in Bucharest */
	assert_true(schedule_seconds(&s, T("2026-10-24T00:00:00+03:00"),
	    T("2026-10-27T00:00:00+02:00")) == 25 * 3600 + 3600);
	/* Monday 09:00 local is 07:00Z after the change (+02:00) */
	assert_true(schedule_seconds(&s, T("2026-10-26T07:00:00Z"),
	    T("2026-10-26T07:30:00Z")) == 1800);
	zone("UTC");
}

static void
test_bizcal_agrees_with_schedule_seconds(void **state)
{
	struct schedule	 s;
	struct bizcal	 c;
	struct arena	 a = ARENA_INIT;
	int64_t		 lo = T("2026-03-01T00:00:00+02:00"), t0, t1;
	uint32_t	 x = 7;

	(void)state;
	zone("Europe/Bucharest");
	assert_int_equal(schedule_parse("mon-fri 08:30-12:00,13:00-18:00; "
	    "sat 10:00-14:00", "2026-03-09,2026-04-13", &s, NULL), ERR_OK);
	assert_int_equal(bizcal_build(&c, &s, lo, lo + 90 * 86400, &a, NULL),
	    ERR_OK);
	for (int i = 0; i < 300; i++) {
		x = x * 1103515245u + 12345u;
		t0 = lo + (int64_t)(x % (80u * 86400));
		x = x * 1103515245u + 12345u;
		t1 = t0 + (int64_t)(x % (9u * 86400));
		assert_true(bizcal_seconds(&c, t0, t1) ==
		    schedule_seconds(&s, t0, t1));
	}
	arena_release(&a);
	zone("UTC");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_cal_iso_week_of_jan_1_starts_the_monday_before),
		cmocka_unit_test(
		    test_cal_week_edges_in_bucharest_across_the_dst_change),
		cmocka_unit_test(test_schedule_parse_and_format_round_trip),
		cmocka_unit_test(
		    test_schedule_parse_errors_quote_the_offending_piece),
		cmocka_unit_test(
		    test_schedule_seconds_across_a_weekend_and_a_holiday),
		cmocka_unit_test(
		    test_schedule_seconds_follow_the_wall_clock_on_dst_days),
		cmocka_unit_test(test_bizcal_agrees_with_schedule_seconds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
