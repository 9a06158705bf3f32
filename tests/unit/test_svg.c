/*
 * test_svg.c: the geometry of the pages' charts (web/svg.h).  Every
 * expected coordinate is worked out by hand from the linear map
 * r0 + (v - d0) * (r1 - r0) / (d1 - d0) and the chart's layout constants
 * (a 600 x 220 view box, plot from x 56 to 588 and y 192 up to 12).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "web/svg.h"

static void
test_svg_map_is_linear_and_extrapolates(void **state)
{
	struct svg_scale	 s = { 0, 10, 100, 200 };

	(void)state;
	assert_true(fabs(svg_map(&s, 5) - 150) < 1e-9);
	assert_true(fabs(svg_map(&s, 0) - 100) < 1e-9);
	assert_true(fabs(svg_map(&s, -5) - 50) < 1e-9);
}

static void
test_svg_map_inverted_range_puts_more_higher_up(void **state)
{
	struct svg_scale	 s = { 0, 100, 192, 12 };

	(void)state;
	/* 192 + 25 * (12 - 192) / 100 = 147 */
	assert_true(fabs(svg_map(&s, 25) - 147) < 1e-9);
}

static void
test_svg_map_zero_width_domain_maps_to_the_middle(void **state)
{
	struct svg_scale	 s = { 3, 3, 0, 10 };

	(void)state;
	assert_true(fabs(svg_map(&s, 3) - 5) < 1e-9);
	assert_true(fabs(svg_map(&s, 99) - 5) < 1e-9);
}

static void
test_svg_nice_nothing_seen_is_zero_to_one(void **state)
{
	double	 lo = INFINITY, hi = -INFINITY;

	(void)state;
	svg_extend(&lo, &hi, NAN);
	svg_nice(&lo, &hi);
	assert_true(lo == 0 && hi == 1);
}

static void
test_svg_nice_one_value_widens_then_pads(void **state)
{
	double	 lo = INFINITY, hi = -INFINITY;

	(void)state;
	svg_extend(&lo, &hi, 5);
	svg_nice(&lo, &hi);
	/* [4, 6], then 5% of 2 on each side */
	assert_true(fabs(lo - 3.9) < 1e-9 && fabs(hi - 6.1) < 1e-9);
	lo = INFINITY;
	hi = -INFINITY;
	svg_extend(&lo, &hi, 100);
	svg_nice(&lo, &hi);
	/* [90, 110] (a tenth of 100), then 1 on each side */
	assert_true(fabs(lo - 89) < 1e-9 && fabs(hi - 111) < 1e-9);
}

static void
test_svg_nice_positive_range_near_zero_starts_at_zero(void **state)
{
	double	 lo = 2, hi = 100;

	(void)state;
	svg_nice(&lo, &hi);
	/* the pad 4.9 would take 2 below 0 */
	assert_true(lo == 0 && fabs(hi - 104.9) < 1e-9);
}

static void
test_svg_path_moves_then_draws_lines(void **state)
{
	struct svg_scale	 sx = { 0, 10, 0, 100 }, sy = { 0, 10, 100, 0 };
	struct svg_pt		 p[] = { { 0, 0 }, { 5, 5 }, { 10, 10 } };
	struct buf		 b = BUF_INIT;

	(void)state;
	svg_path(&b, &sx, &sy, p, 3);
	assert_string_equal(buf_cstr(&b), "M0.0 100.0 L50.0 50.0 L100.0 0.0");
	buf_release(&b);
}

static void
test_svg_path_nan_value_starts_a_new_segment(void **state)
{
	struct svg_scale	 sx = { 0, 10, 0, 100 }, sy = { 0, 10, 100, 0 };
	struct svg_pt		 p[] = { { 0, 0 }, { 5, NAN }, { 10, 10 } };
	struct buf		 b = BUF_INIT;

	(void)state;
	svg_path(&b, &sx, &sy, p, 3);
	assert_string_equal(buf_cstr(&b), "M0.0 100.0 M100.0 0.0");
	buf_reset(&b);
	p[0].y = p[2].y = NAN;
	svg_path(&b, &sx, &sy, p, 3);
	assert_string_equal(buf_cstr(&b), "");
	buf_release(&b);
}

static void
test_svg_bar_fill_width_is_the_percentage_and_pace_tick(void **state)
{
	struct buf	 b = BUF_INIT;

	(void)state;
	svg_bar(&b, 0.42, 0.31, "on_track", "x");
	assert_non_null(strstr(buf_cstr(&b), "class=\"fill st-on_track\" x=\"0\""
	    " y=\"0\" width=\"42.0\""));
	/* 0.31 * 99.2 = 30.752: the tick stays inside the box at 100% */
	assert_non_null(strstr(buf_cstr(&b), "class=\"pace\" x=\"30.8\""));
	assert_null(strstr(buf_cstr(&b), "style="));
	buf_release(&b);
}

static void
test_svg_bar_clamps_over_achievement_and_omits_fill_without_data(void **state)
{
	struct buf	 b = BUF_INIT;

	(void)state;
	svg_bar(&b, 1.7, 0.5, "done", "x");
	assert_non_null(strstr(buf_cstr(&b), "width=\"100.0\""));
	buf_reset(&b);
	svg_bar(&b, NAN, 0.5, "no_data", "x");
	assert_null(strstr(buf_cstr(&b), "class=\"fill"));
	buf_release(&b);
}

static struct svg_chart
chart_0_100(struct svg_pt *p)
{
	struct svg_chart	 c;

	memset(&c, 0, sizeof(c));
	p[0].x = 0;
	p[0].y = 0;
	p[1].x = 100;
	p[1].y = 100;
	c.x0 = 0;
	c.x1 = 100;
	c.pts = p;
	c.npts = 2;
	c.target = 100;
	c.band_lo = c.band_hi = NAN;
	c.pace[0].y = c.pace[1].y = NAN;
	c.forecast[0].y = c.forecast[1].y = NAN;
	return c;
}

static void
test_svg_chart_target_line_spans_the_plot_at_its_value(void **state)
{
	struct svg_pt		 p[2];
	struct svg_chart	 c = chart_0_100(p);
	struct buf		 b = BUF_INIT;

	(void)state;
	svg_chart(&b, &c);
	/* y domain [0, 105] (0..100 padded by 5, kept at 0): 100 maps to
	 * 192 - 100 * 180 / 105 = 20.571 */
	assert_non_null(strstr(buf_cstr(&b), "<line class=\"target\" "
	    "x1=\"56.0\" y1=\"20.6\" x2=\"588.0\" y2=\"20.6\"/>"));
	assert_non_null(strstr(buf_cstr(&b), "d=\"M56.0 192.0 L588.0 20.6\""));
	buf_release(&b);
}

static void
test_svg_chart_band_open_above_shades_to_the_top(void **state)
{
	struct svg_pt		 p[2];
	struct svg_chart	 c = chart_0_100(p);
	struct buf		 b = BUF_INIT;

	(void)state;
	c.band_lo = 50;
	svg_chart(&b, &c);
	/* 50 maps to 192 - 50 * 180 / 105 = 106.286: from the top (12) */
	assert_non_null(strstr(buf_cstr(&b), "<rect class=\"band\" x=\"56.0\" "
	    "y=\"12.0\" width=\"532.0\" height=\"94.3\"/>"));
	buf_release(&b);
}

static void
test_svg_chart_forecast_is_its_own_dashed_class(void **state)
{
	struct svg_pt		 p[2];
	struct svg_chart	 c = chart_0_100(p);
	struct buf		 b = BUF_INIT;

	(void)state;
	c.forecast[0].x = 50;
	c.forecast[0].y = 0;
	c.forecast[1].x = 100;
	c.forecast[1].y = 100;
	svg_chart(&b, &c);
	/* x 50 maps to 56 + 50 * 532 / 100 = 322; y 100 to 20.6 as above */
	assert_non_null(strstr(buf_cstr(&b), "<line class=\"forecast\" "
	    "x1=\"322.0\" y1=\"192.0\" x2=\"588.0\" y2=\"20.6\"/>"));
	buf_release(&b);
}

static void
test_svg_chart_escapes_its_label(void **state)
{
	struct svg_pt		 p[2];
	struct svg_chart	 c = chart_0_100(p);
	struct buf		 b = BUF_INIT;

	(void)state;
	c.label = "<script>x</script>";
	svg_chart(&b, &c);
	assert_null(strstr(buf_cstr(&b), "<script>"));
	assert_non_null(strstr(buf_cstr(&b), "<title>&lt;script&gt;x"));
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_svg_map_is_linear_and_extrapolates),
		cmocka_unit_test(test_svg_map_inverted_range_puts_more_higher_up),
		cmocka_unit_test(test_svg_map_zero_width_domain_maps_to_the_middle),
		cmocka_unit_test(test_svg_nice_nothing_seen_is_zero_to_one),
		cmocka_unit_test(test_svg_nice_one_value_widens_then_pads),
		cmocka_unit_test(test_svg_nice_positive_range_near_zero_starts_at_zero),
		cmocka_unit_test(test_svg_path_moves_then_draws_lines),
		cmocka_unit_test(test_svg_path_nan_value_starts_a_new_segment),
		cmocka_unit_test(test_svg_bar_fill_width_is_the_percentage_and_pace_tick),
		cmocka_unit_test(test_svg_bar_clamps_over_achievement_and_omits_fill_without_data),
		cmocka_unit_test(test_svg_chart_target_line_spans_the_plot_at_its_value),
		cmocka_unit_test(test_svg_chart_band_open_above_shades_to_the_top),
		cmocka_unit_test(test_svg_chart_forecast_is_its_own_dashed_class),
		cmocka_unit_test(test_svg_chart_escapes_its_label),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
