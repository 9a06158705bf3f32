/*
 * test_html.c: the escaping HTML writer (core/html.h) against hostile
 * strings.  Expected outputs are written out by hand from the HTML and
 * RFC 3986 escaping rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/html.h"

static void
test_html_puts_escapes_the_five_special_characters(void **state)
{
	struct buf	 b = BUF_INIT;

	(void)state;
	html_puts(&b, "<script>alert('x&y')</script>\"");
	assert_string_equal(buf_cstr(&b), "&lt;script&gt;alert(&#39;x&amp;y"
	    "&#39;)&lt;/script&gt;&quot;");
	buf_release(&b);
}

static void
test_html_puts_keeps_utf8_and_plain_text_and_ignores_null(void **state)
{
	struct buf	 b = BUF_INIT;

	(void)state;
	html_puts(&b, "Suport clienți — Tier 1");
	html_puts(&b, NULL);
	assert_string_equal(buf_cstr(&b), "Suport clienți — Tier 1");
	buf_release(&b);
}

static void
test_html_attr_escapes_a_value_breaking_out_of_its_quotes(void **state)
{
	struct buf	 b = BUF_INIT;

	(void)state;
	html_raw(&b, "<input");
	html_attr(&b, "value", "\" onfocus=\"alert(1)");
	html_attr(&b, "title", NULL);
	html_raw(&b, ">");
	assert_string_equal(buf_cstr(&b),
	    "<input value=\"&quot; onfocus=&quot;alert(1)\">");
	buf_release(&b);
}

static void
test_html_printf_escapes_string_arguments_not_the_format(void **state)
{
	struct buf	 b = BUF_INIT;

	(void)state;
	html_printf(&b, "<td class=\"n\">%s</td><td>%d%%</td>",
	    "<b>Tier & 1</b>", 42);
	assert_string_equal(buf_cstr(&b),
	    "<td class=\"n\">&lt;b&gt;Tier &amp; 1&lt;/b&gt;</td>"
	    "<td>42%</td>");
	buf_release(&b);
}

static void
test_html_printf_formats_numbers_with_width_and_precision(void **state)
{
	struct buf	 b = BUF_INIT;

	(void)state;
	html_printf(&b, "%.1f|%5d|%zu|%lld|%ld|%x|%g|%*d|%.3s|%c",
	    71.46, 7, (size_t)12, -3LL, 123456789L, 255u, 0.5, 3, 4, "abcdef",
	    '<');
	assert_string_equal(buf_cstr(&b),
	    "71.5|    7|12|-3|123456789|ff|0.5|  4|abc|&lt;");
	assert_int_equal(buf_error(&b), ERR_OK);
	buf_release(&b);
}

static void
test_html_printf_escapes_text_cut_by_a_precision(void **state)
{
	struct buf	 b = BUF_INIT;

	(void)state;
	html_printf(&b, "[%-6s][%.2s]", "<a>", "\"'x");
	assert_string_equal(buf_cstr(&b), "[&lt;a&gt;   ][&quot;&#39;]");
	buf_release(&b);
}

static void
test_html_printf_refuses_a_length_modifier_it_cannot_type(void **state)
{
	struct buf	 b = BUF_INIT;
	short		 h = 3;

	(void)state;
	html_printf(&b, "x%hdy", h);
	assert_int_equal(buf_error(&b), ERR_INTERNAL);
	buf_release(&b);
}

static void
test_html_url_percent_encodes_everything_but_unreserved(void **state)
{
	struct buf	 b = BUF_INIT;

	(void)state;
	html_url(&b, "a b&c=d/e?f#\"<ă>~._-Z9");
	assert_string_equal(buf_cstr(&b),
	    "a%20b%26c%3Dd%2Fe%3Ff%23%22%3C%C4%83%3E~._-Z9");
	buf_release(&b);
}

static void
test_html_url_result_is_safe_in_a_quoted_attribute(void **state)
{
	struct buf	 b = BUF_INIT;

	(void)state;
	html_url(&b, "\"><script>");
	assert_null(strpbrk(buf_cstr(&b), "\"<>'&"));
	buf_release(&b);
}

static void
test_html_writer_errors_stick_past_the_cap(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 8);
	html_puts(&b, "<<<");	/* 12 bytes escaped: past the cap of 8 */
	html_puts(&b, "x");
	assert_int_equal(buf_error(&b), ERR_TOOBIG);
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_puts_escapes_the_five_special_characters),
		cmocka_unit_test(test_html_puts_keeps_utf8_and_plain_text_and_ignores_null),
		cmocka_unit_test(test_html_attr_escapes_a_value_breaking_out_of_its_quotes),
		cmocka_unit_test(test_html_printf_escapes_string_arguments_not_the_format),
		cmocka_unit_test(test_html_printf_formats_numbers_with_width_and_precision),
		cmocka_unit_test(test_html_printf_escapes_text_cut_by_a_precision),
		cmocka_unit_test(test_html_printf_refuses_a_length_modifier_it_cannot_type),
		cmocka_unit_test(test_html_url_percent_encodes_everything_but_unreserved),
		cmocka_unit_test(test_html_url_result_is_safe_in_a_quoted_attribute),
		cmocka_unit_test(test_html_writer_errors_stick_past_the_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
