/*
 * test_i18n.c: the pages' language (web/i18n.h): numbers and dates as
 * each language writes them (worked out by hand), the language of a
 * request, and Romanian messages from po/ro.po per thread.  The message
 * tests need the ro_RO.UTF-8 locale ('make deps') and the compiled
 * catalogue ($(O)/locale, built by 'make test').
 */
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "web/i18n.h"

static void
test_i18n_num_english_groups_thousands_with_commas(void **state)
{
	char	 s[32];

	(void)state;
	i18n_num(s, sizeof(s), 1234.5, 1, LANG_EN);
	assert_string_equal(s, "1,234.5");
	i18n_num(s, sizeof(s), 1234567, 0, LANG_EN);
	assert_string_equal(s, "1,234,567");
	i18n_num(s, sizeof(s), 999, 0, LANG_EN);
	assert_string_equal(s, "999");
}

static void
test_i18n_num_romanian_has_decimal_comma_and_dot_thousands(void **state)
{
	char	 s[32];

	(void)state;
	i18n_num(s, sizeof(s), 1234.5, 1, LANG_RO);
	assert_string_equal(s, "1.234,5");
	i18n_num(s, sizeof(s), -1234.56, 2, LANG_RO);
	assert_string_equal(s, "-1.234,56");
	i18n_num(s, sizeof(s), 0.8, 1, LANG_RO);
	assert_string_equal(s, "0,8");
}

static void
test_i18n_num_negative_zero_and_nan(void **state)
{
	char	 s[32];

	(void)state;
	i18n_num(s, sizeof(s), -0.04, 1, LANG_RO);
	assert_string_equal(s, "0,0");
	i18n_num(s, sizeof(s), NAN, 1, LANG_EN);
	assert_string_equal(s, "—");
}

static void
test_i18n_num_truncates_into_a_small_buffer(void **state)
{
	char	 s[4];

	(void)state;
	i18n_num(s, sizeof(s), 1234567, 0, LANG_EN);
	assert_string_equal(s, "1,2");
}

static void
test_i18n_date_romanian_is_day_month_year_with_dots(void **state)
{
	char	 s[32];

	(void)state;
	i18n_date(s, sizeof(s), "2026-11-24", LANG_RO);
	assert_string_equal(s, "24.11.2026");
	i18n_date(s, sizeof(s), "2026-11-24", LANG_EN);
	assert_string_equal(s, "2026-11-24");
	i18n_date(s, sizeof(s), "next week", LANG_RO);
	assert_string_equal(s, "next week");
}

static void
test_i18n_lang_parse_takes_ro_and_its_regions_only(void **state)
{
	(void)state;
	assert_int_equal(i18n_lang_parse("ro"), LANG_RO);
	assert_int_equal(i18n_lang_parse("ro-RO"), LANG_RO);
	assert_int_equal(i18n_lang_parse("RO"), LANG_RO);
	assert_int_equal(i18n_lang_parse("ro_RO.UTF-8"), LANG_RO);
	assert_int_equal(i18n_lang_parse("rom"), LANG_EN);
	assert_int_equal(i18n_lang_parse("en"), LANG_EN);
	assert_int_equal(i18n_lang_parse("fr"), LANG_EN);
	assert_int_equal(i18n_lang_parse(NULL), LANG_EN);
	assert_string_equal(i18n_lang_name(LANG_RO), "ro");
}

static void
test_i18n_use_ro_translates_and_end_restores_english(void **state)
{
	(void)state;
	assert_int_equal(i18n_use(LANG_RO), 0);
	assert_string_equal(_("Home"), "Acasă");
	assert_string_equal(_("on track"), "în grafic");
	i18n_end();
	assert_string_equal(_("Home"), "Home");
	assert_int_equal(i18n_use(LANG_EN), 0);
	assert_string_equal(_("Home"), "Home");
	i18n_end();
}

static void *
romanian_thread(void *arg)
{
	const char	**out = arg;

	(void)i18n_use(LANG_RO);
	*out = _("Sign out");
	i18n_end();
	return NULL;
}

static void
test_i18n_language_is_per_thread(void **state)
{
	pthread_t	 t;
	const char	*ro = NULL;

	(void)state;
	assert_int_equal(i18n_use(LANG_EN), 0);
	assert_int_equal(pthread_create(&t, NULL, romanian_thread, &ro), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_string_equal(ro, "Ieșire");
	/* this thread stayed English meanwhile */
	assert_string_equal(_("Sign out"), "Sign out");
	i18n_end();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_i18n_num_english_groups_thousands_with_commas),
		cmocka_unit_test(test_i18n_num_romanian_has_decimal_comma_and_dot_thousands),
		cmocka_unit_test(test_i18n_num_negative_zero_and_nan),
		cmocka_unit_test(test_i18n_num_truncates_into_a_small_buffer),
		cmocka_unit_test(test_i18n_date_romanian_is_day_month_year_with_dots),
		cmocka_unit_test(test_i18n_lang_parse_takes_ro_and_its_regions_only),
		cmocka_unit_test(test_i18n_use_ro_translates_and_end_restores_english),
		cmocka_unit_test(test_i18n_language_is_per_thread),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
