/*
 * test_core.c: the strict parsers, the capped string builder and the
 * number formatting every output uses.
 *
 * Expected values are what a user typing the input would expect, written
 * out by hand.
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

#include "core/buf.h"
#include "core/clock.h"
#include "core/parse.h"
#include "okr/field.h"

static void
test_parse_number_accepts_whole_decimal_and_exponent(void **state)
{
	double	 v;

	(void)state;
	assert_int_equal(parse_number("5.9", &v, NULL), ERR_OK);
	assert_true(v == 5.9);
	assert_int_equal(parse_number("-3", &v, NULL), ERR_OK);
	assert_true(v == -3.0);
	assert_int_equal(parse_number("1e3", &v, NULL), ERR_OK);
	assert_true(v == 1000.0);
}

static void
test_parse_number_refuses_trailing_text_space_nan_and_infinity(void **state)
{
	const char	*bad[] = { "12abc", " 12", "", "nan", "inf", "0x10",
	    "1e999", "12 " };
	struct err	 e;
	double		 v = 42;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse_number(bad[i], &v, &e), ERR_INVAL);
		assert_non_null(strstr(e.msg, "expected a number"));
	}
	assert_true(v == 42);	/* untouched on failure */
}

static void
test_parse_fraction_reads_percent_and_refuses_out_of_range(void **state)
{
	double	 v;

	(void)state;
	assert_int_equal(parse_fraction("0.7", &v, NULL), ERR_OK);
	assert_true(v == 0.7);
	assert_int_equal(parse_fraction("70%", &v, NULL), ERR_OK);
	assert_true(fabs(v - 0.7) < 1e-15);
	assert_int_equal(parse_fraction("1.5", &v, NULL), ERR_INVAL);
	assert_int_equal(parse_fraction("-0.1", &v, NULL), ERR_INVAL);
	assert_int_equal(parse_fraction("%", &v, NULL), ERR_INVAL);
}

static void
test_parse_date_refuses_days_that_do_not_exist(void **state)
{
	int	 y, m, d;

	(void)state;
	assert_int_equal(parse_date("2028-02-29", &y, &m, &d, NULL), ERR_OK);
	assert_int_equal(y * 10000 + m * 100 + d, 20280229);
	assert_int_equal(parse_date("2026-02-29", NULL, NULL, NULL, NULL),
	    ERR_INVAL);
	assert_int_equal(parse_date("2026-13-01", NULL, NULL, NULL, NULL),
	    ERR_INVAL);
	assert_int_equal(parse_date("2026-1-01", NULL, NULL, NULL, NULL),
	    ERR_INVAL);
	assert_int_equal(parse_date("2026-01-01x", NULL, NULL, NULL, NULL),
	    ERR_INVAL);
}

static void
test_parse_time_with_offset_is_utc_seconds(void **state)
{
	int64_t	 t;

	(void)state;
	/* 2026-10-01T00:00:00Z is 1790812800 (date -u -d @1790812800) */
	assert_int_equal(parse_time("2026-10-01T00:00:00Z", &t, NULL), ERR_OK);
	assert_int_equal(t, 1790812800);
	/* 03:00 at +03:00 is midnight UTC */
	assert_int_equal(parse_time("2026-10-01T03:00+03:00", &t, NULL),
	    ERR_OK);
	assert_int_equal(t, 1790812800);
	assert_int_equal(parse_time("2026-10-01T25:00Z", &t, NULL), ERR_INVAL);
	assert_int_equal(parse_time("yesterday", &t, NULL), ERR_INVAL);
}

static void
test_parse_time_without_offset_uses_the_workspace_zone(void **state)
{
	int64_t	 t;

	(void)state;
	assert_int_equal(clock_zone_set("Europe/Bucharest", NULL), ERR_OK);
	/* Bucharest is UTC+3 in summer time on 1 October 2026 */
	assert_int_equal(parse_time("2026-10-01T03:00", &t, NULL), ERR_OK);
	assert_int_equal(t, 1790812800);
	/* a cycle day starts at local midnight: 21:00 UTC the day before */
	assert_int_equal(clock_date_start("2026-10-01"), 1790812800 - 3 * 3600);
	assert_int_equal(clock_zone_set("UTC", NULL), ERR_OK);
}

static void
test_clock_zone_check_refuses_unknown_and_path_like_names(void **state)
{
	(void)state;
	assert_int_equal(clock_zone_check("Europe/Bucharest", NULL), ERR_OK);
	assert_int_equal(clock_zone_check("Mars/Olympus", NULL), ERR_INVAL);
	assert_int_equal(clock_zone_check("../../etc/passwd", NULL),
	    ERR_INVAL);
	assert_int_equal(clock_zone_check("/etc/localtime", NULL), ERR_INVAL);
}

static void
test_parse_key_allows_lowercase_digits_dash_underscore_only(void **state)
{
	(void)state;
	assert_int_equal(parse_key("nps-70", NULL), ERR_OK);
	assert_int_equal(parse_key("fcr_85", NULL), ERR_OK);
	assert_int_equal(parse_key("NPS", NULL), ERR_INVAL);
	assert_int_equal(parse_key("7up", NULL), ERR_INVAL);
	assert_int_equal(parse_key("a/b", NULL), ERR_INVAL);
	assert_int_equal(parse_key("", NULL), ERR_INVAL);
}

static void
test_parse_name_refuses_control_characters_and_bad_utf8(void **state)
{
	(void)state;
	assert_int_equal(parse_name("Tier 1", NULL), ERR_OK);
	assert_int_equal(parse_name("Echipa Bucure\xc8\x99ti", NULL), ERR_OK);
	assert_int_equal(parse_name("a\x1b[31mb", NULL), ERR_INVAL);
	assert_int_equal(parse_name("bad \xc3\x28", NULL), ERR_INVAL);
	assert_int_equal(parse_name(" padded", NULL), ERR_INVAL);
	assert_int_equal(parse_text("line one\nline two", 100, NULL), ERR_OK);
}

static void
test_buf_past_its_cap_fails_once_and_stays_failed(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 8);
	buf_puts(&b, "12345678");
	assert_int_equal(buf_error(&b), ERR_OK);
	buf_putc(&b, '9');
	assert_int_equal(buf_error(&b), ERR_TOOBIG);
	buf_puts(&b, "x");
	assert_string_equal(buf_cstr(&b), "12345678");
	assert_int_equal(buf_error(&b), ERR_TOOBIG);
	buf_release(&b);
}

static void
test_numbers_print_as_typed_without_binary_noise(void **state)
{
	char	 s[32];

	(void)state;
	field_fmt_number(5.9, s, sizeof(s));
	assert_string_equal(s, "5.9");
	field_fmt_number(70, s, sizeof(s));
	assert_string_equal(s, "70");
	field_fmt_number(0.1 + 0.2, s, sizeof(s));	/* not exactly 0.3 */
	assert_true(strtod(s, NULL) == 0.1 + 0.2);
	field_fmt_number(-0.25, s, sizeof(s));
	assert_string_equal(s, "-0.25");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_parse_number_accepts_whole_decimal_and_exponent),
		cmocka_unit_test(
		    test_parse_number_refuses_trailing_text_space_nan_and_infinity),
		cmocka_unit_test(
		    test_parse_fraction_reads_percent_and_refuses_out_of_range),
		cmocka_unit_test(test_parse_date_refuses_days_that_do_not_exist),
		cmocka_unit_test(test_parse_time_with_offset_is_utc_seconds),
		cmocka_unit_test(
		    test_parse_time_without_offset_uses_the_workspace_zone),
		cmocka_unit_test(
		    test_clock_zone_check_refuses_unknown_and_path_like_names),
		cmocka_unit_test(
		    test_parse_key_allows_lowercase_digits_dash_underscore_only),
		cmocka_unit_test(
		    test_parse_name_refuses_control_characters_and_bad_utf8),
		cmocka_unit_test(
		    test_buf_past_its_cap_fails_once_and_stays_failed),
		cmocka_unit_test(
		    test_numbers_print_as_typed_without_binary_noise),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
