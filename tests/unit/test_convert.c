/*
 * test_convert.c: the value conversions import profiles apply (numbers,
 * booleans, durations in each unit, date formats, time zones).
 *
 * Expected instants were computed outside okrdesk (Python's
 * calendar.timegm on the same civil times) and written in by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/clock.h"
#include "import/convert.h"

#define S(x)	(x), strlen(x)

static void
test_conv_number_reads_decimal_exponent_and_surrounding_spaces(void **state)
{
	double	 v;

	(void)state;
	assert_int_equal(conv_number(S("2.0"), &v), 0);
	assert_true(v == 2.0);
	assert_int_equal(conv_number(S("1e3"), &v), 0);
	assert_true(v == 1000.0);
	assert_int_equal(conv_number(S("  -3.25 "), &v), 0);
	assert_true(v == -3.25);
	assert_int_equal(conv_number(S(".5"), &v), 0);
	assert_true(v == 0.5);
	assert_int_equal(conv_number(S("0.1"), &v), 0);
	assert_true(v == 0.1);	/* the double nearest 0.1, as a compiler reads it */
	assert_int_equal(conv_number(S("261.3160766843023"), &v), 0);
	assert_true(v == 261.3160766843023);	/* 16 digits: the slow path */
	assert_int_equal(conv_number(S("1.5E-2"), &v), 0);
	assert_true(v == 0.015);
}

static void
test_conv_number_refuses_text_nan_hex_and_comma_decimals(void **state)
{
	const char	*bad[] = { "", " ", "abc", "12abc", "nan", "inf", "0x10",
	    "1,5", "1e", "--1", "1e999", "." };
	double		 v = 42;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(conv_number(S(bad[i]), &v), -1);
	assert_true(v == 42);
}

static void
test_conv_number_reads_only_len_bytes(void **state)
{
	double	 v;

	(void)state;
	/* the value is a slice of a longer line: "12" of "12,34" */
	assert_int_equal(conv_number("12,34", 2, &v), 0);
	assert_true(v == 12.0);
}

static void
test_conv_bool_reads_the_usual_spellings_in_any_case(void **state)
{
	const char	*yes[] = { "TRUE", "true", "Yes", "Y", "y", "1", " t " };
	const char	*no[] = { "FALSE", "false", "No", "N", "n", "0", "F" };
	int		 b;

	(void)state;
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		b = -1;
		assert_int_equal(conv_bool(S(yes[i]), &b), 0);
		assert_int_equal(b, 1);
		assert_int_equal(conv_bool(S(no[i]), &b), 0);
		assert_int_equal(b, 0);
	}
	assert_int_equal(conv_bool(S("maybe"), &b), -1);
	assert_int_equal(conv_bool(S("2"), &b), -1);
}

static void
test_conv_duration_converts_each_unit_to_seconds(void **state)
{
	double	 s;

	(void)state;
	assert_int_equal(conv_duration(S("90"), CONV_SECONDS, &s), 0);
	assert_true(s == 90);
	assert_int_equal(conv_duration(S("1.5"), CONV_MINUTES, &s), 0);
	assert_true(s == 90);
	assert_int_equal(conv_duration(S("0.5"), CONV_HOURS, &s), 0);
	assert_true(s == 1800);
	assert_int_equal(conv_duration(S("2"), CONV_DAYS, &s), 0);
	assert_true(s == 172800);
	assert_int_equal(conv_duration(S("1:02:03"), CONV_HMS, &s), 0);
	assert_true(s == 3723);
	assert_int_equal(conv_duration(S("0:00:00"), CONV_HMS, &s), 0);
	assert_true(s == 0);
	assert_int_equal(conv_duration(S("27:00:01"), CONV_HMS, &s), 0);
	assert_true(s == 97201);
	assert_int_equal(conv_duration(S("-3"), CONV_HOURS, &s), 0);
	assert_true(s == -10800);	/* the caller refuses it, naming the column */
}

static void
test_conv_duration_hms_refuses_bad_minutes_and_missing_parts(void **state)
{
	double	 s;

	(void)state;
	assert_int_equal(conv_duration(S("1:60:00"), CONV_HMS, &s), -1);
	assert_int_equal(conv_duration(S("1:2:03"), CONV_HMS, &s), -1);
	assert_int_equal(conv_duration(S("12:30"), CONV_HMS, &s), -1);
	assert_int_equal(conv_duration(S("90"), CONV_HMS, &s), -1);
	assert_int_equal(conv_duration(S("ten"), CONV_MINUTES, &s), -1);
}

static void
test_conv_unit_find_knows_every_unit_name(void **state)
{
	(void)state;
	assert_int_equal(conv_unit_find("seconds"), CONV_SECONDS);
	assert_int_equal(conv_unit_find("minutes"), CONV_MINUTES);
	assert_int_equal(conv_unit_find("hours"), CONV_HOURS);
	assert_int_equal(conv_unit_find("days"), CONV_DAYS);
	assert_int_equal(conv_unit_find("h:mm:ss"), CONV_HMS);
	assert_int_equal(conv_unit_find("weeks"), -1);
}

/* Parse s with pattern in UTC; -1 on failure. */
static int
utc(const char *pattern, const char *s, int64_t *t)
{
	struct conv_fmt	 f;
	struct conv_tz	 tz;

	assert_int_equal(conv_fmt_compile(pattern, &f, NULL), ERR_OK);
	assert_int_equal(conv_tz_init(&tz, "UTC", NULL), ERR_OK);
	return conv_time(&f, &tz, S(s), t);
}

static void
test_conv_time_iso8601_with_z_offset_fraction_and_space(void **state)
{
	int64_t	 t;

	(void)state;
	assert_int_equal(utc("iso8601", "2026-10-01T09:12:33Z", &t), 0);
	assert_int_equal(t, 1790845953);
	assert_int_equal(utc("iso8601", "2026-10-01T09:12:33+02:00", &t), 0);
	assert_int_equal(t, 1790838753);
	assert_int_equal(utc("iso8601", "2026-10-01T09:12:33+0200", &t), 0);
	assert_int_equal(t, 1790838753);
	assert_int_equal(utc("iso8601", "2026-10-01 09:12:33.250Z", &t), 0);
	assert_int_equal(t, 1790845953);
	assert_int_equal(utc("iso8601", "2026-10-01 09:12:33", &t), 0);
	assert_int_equal(t, 1790845953);
	assert_int_equal(utc("iso8601", "2021-03-04", &t), 0);
	assert_int_equal(t, 1614816000);
}

static void
test_conv_time_iso8601_refuses_impossible_dates_and_trailing_text(void **state)
{
	const char	*bad[] = { "2026-02-29", "2026-13-01", "2026-10-01T24:00",
	    "2026-10-01T09:12:33Zx", "2026-10-01T09:12:33+2", "2026/10/01",
	    "26-10-01", "2026-10-01T09", "2026-10-01T09:12:33." };
	int64_t		 t;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(utc("iso8601", bad[i], &t), -1);
}

static void
test_conv_time_patterns_of_the_real_exports(void **state)
{
	int64_t	 t;

	(void)state;
	/* uci_incidents.csv */
	assert_int_equal(utc("dd-mm-yyyy HH:MM", "29-02-2016 01:16", &t), 0);
	assert_int_equal(t, 1456708560);
	/* pwc_call_center.csv, both shapes of one column */
	assert_int_equal(utc("mm-dd-yy H:MM:SS", "01-08-21 9:12:58", &t), 0);
	assert_int_equal(t, 1610097178);
	assert_int_equal(utc("m/d/yyyy H:MM:SS", "1/14/2021 10:05:00", &t), 0);
	assert_int_equal(t, 1610618700);
	/* sudzilla_nps.csv */
	assert_int_equal(utc("m/d/yyyy H:MM:SS", "11/1/2019 8:51:12", &t), 0);
	assert_int_equal(t, 1572598272);
	/* tickets_anirudh.csv: microseconds, dropped */
	assert_int_equal(utc("yyyy-mm-dd HH:MM:SS.fraction",
	    "2024-10-30 15:15:11.744884", &t), 0);
	assert_int_equal(t, 1730301311);
	assert_int_equal(utc("yyyy-mm-dd HH:MM:SS.fraction",
	    "2024-10-30 15:15:11", &t), 0);
	assert_int_equal(t, 1730301311);
	/* dd-mm-yy: 04-03-21 is 4 March 2021 */
	assert_int_equal(utc("dd-mm-yy", "04-03-21", &t), 0);
	assert_int_equal(t, 1614816000);
	/* a literal T and a Z in a pattern */
	assert_int_equal(utc("yyyy-mm-ddTHH:MM:SSZ", "2026-10-01T09:12:33Z",
	    &t), 0);
	assert_int_equal(t, 1790845953);
}

static void
test_conv_time_pattern_refuses_wrong_widths_and_separators(void **state)
{
	int64_t	 t;

	(void)state;
	assert_int_equal(utc("dd-mm-yyyy HH:MM", "1-02-2016 01:16", &t), -1);
	assert_int_equal(utc("mm-dd-yy H:MM:SS", "1/14/2021 10:05:00", &t), -1);
	assert_int_equal(utc("m/d/yyyy", "2/30/2021", &t), -1);
	assert_int_equal(utc("m/d/yyyy", "1/14/2021 10:05", &t), -1);
	assert_int_equal(utc("m/d/yyyy H:MM:SS", "1/14/2021 24:05:00", &t), -1);
}

static void
test_conv_time_two_digit_years_pivot_at_69(void **state)
{
	int64_t	 t;

	(void)state;
	assert_int_equal(utc("yy-mm-dd", "69-12-31", &t), 0);
	assert_int_equal(t, -86400);		/* 1969-12-31 */
	assert_int_equal(utc("yy-mm-dd", "68-01-01", &t), 0);
	assert_int_equal(t, 3092601600);	/* 2068-01-01 */
}

static void
test_conv_time_epoch_reads_seconds(void **state)
{
	int64_t	 t;

	(void)state;
	assert_int_equal(utc("epoch", "1790845953", &t), 0);
	assert_int_equal(t, 1790845953);
	assert_int_equal(utc("epoch", "soon", &t), -1);
}

static void
test_conv_fmt_compile_names_the_unknown_token(void **state)
{
	struct conv_fmt	 f;
	struct err	 e;

	(void)state;
	assert_int_equal(conv_fmt_compile("dd-mm-yyyy hh:MM", &f, &e),
	    ERR_INVAL);
	assert_non_null(strstr(e.msg, "unknown token at \"hh:MM\""));
	assert_int_equal(conv_fmt_compile("HH:MM:SS", &f, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "needs a year, a month and a day"));
}

static void
test_conv_tz_fixed_offset_shifts_naive_times(void **state)
{
	struct conv_fmt	 f;
	struct conv_tz	 tz;
	struct err	 e;
	int64_t		 t;

	(void)state;
	assert_int_equal(conv_fmt_compile("yyyy-mm-dd HH:MM:SS", &f, NULL),
	    ERR_OK);
	assert_int_equal(conv_tz_init(&tz, "+02:00", NULL), ERR_OK);
	assert_int_equal(conv_time(&f, &tz, S("2026-10-01 09:12:33"), &t), 0);
	assert_int_equal(t, 1790838753);
	assert_int_equal(conv_tz_init(&tz, "-0530", NULL), ERR_OK);
	assert_int_equal(conv_time(&f, &tz, S("2026-10-01 09:12:33"), &t), 0);
	assert_int_equal(t, 1790845953 + 5 * 3600 + 1800);
	assert_int_equal(conv_tz_init(&tz, "Mars/Olympus", &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "\"Mars/Olympus\""));
}

static void
test_conv_tz_local_cache_follows_dst_switch_days(void **state)
{
	struct conv_fmt	 f;
	struct conv_tz	 tz;
	int64_t		 t;

	(void)state;
	/* Bucharest: +02:00, +03:00 from 2026-03-29 03:00 local */
	assert_int_equal(clock_zone_set("Europe/Bucharest", NULL), ERR_OK);
	assert_int_equal(conv_fmt_compile("yyyy-mm-dd HH:MM", &f, NULL),
	    ERR_OK);
	assert_int_equal(conv_tz_init(&tz, NULL, NULL), ERR_OK);
	assert_int_equal(conv_time(&f, &tz, S("2026-03-28 10:00"), &t), 0);
	assert_int_equal(t, 1774684800);
	/* the switch day: before and after the switch */
	assert_int_equal(conv_time(&f, &tz, S("2026-03-29 02:30"), &t), 0);
	assert_int_equal(t, 1774744200);
	assert_int_equal(conv_time(&f, &tz, S("2026-03-29 10:00"), &t), 0);
	assert_int_equal(t, 1774767600);
	assert_int_equal(conv_time(&f, &tz, S("2026-03-30 10:00"), &t), 0);
	assert_int_equal(t, 1774854000);
	/* from the cache this time: the same answers */
	assert_int_equal(conv_time(&f, &tz, S("2026-03-28 10:00"), &t), 0);
	assert_int_equal(t, 1774684800);
	assert_int_equal(conv_time(&f, &tz, S("2026-03-30 10:00"), &t), 0);
	assert_int_equal(t, 1774854000);
	assert_int_equal(clock_zone_set("UTC", NULL), ERR_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conv_number_reads_decimal_exponent_and_surrounding_spaces),
		cmocka_unit_test(test_conv_number_refuses_text_nan_hex_and_comma_decimals),
		cmocka_unit_test(test_conv_number_reads_only_len_bytes),
		cmocka_unit_test(test_conv_bool_reads_the_usual_spellings_in_any_case),
		cmocka_unit_test(test_conv_duration_converts_each_unit_to_seconds),
		cmocka_unit_test(test_conv_duration_hms_refuses_bad_minutes_and_missing_parts),
		cmocka_unit_test(test_conv_unit_find_knows_every_unit_name),
		cmocka_unit_test(test_conv_time_iso8601_with_z_offset_fraction_and_space),
		cmocka_unit_test(test_conv_time_iso8601_refuses_impossible_dates_and_trailing_text),
		cmocka_unit_test(test_conv_time_patterns_of_the_real_exports),
		cmocka_unit_test(test_conv_time_pattern_refuses_wrong_widths_and_separators),
		cmocka_unit_test(test_conv_time_two_digit_years_pivot_at_69),
		cmocka_unit_test(test_conv_time_epoch_reads_seconds),
		cmocka_unit_test(test_conv_fmt_compile_names_the_unknown_token),
		cmocka_unit_test(test_conv_tz_fixed_offset_shifts_naive_times),
		cmocka_unit_test(test_conv_tz_local_cache_follows_dst_switch_days),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
