/*
 * test_gen.c: the synthetic data generator (import/gen.h): the same
 * options give the same bytes; the files have the native shape of the
 * dataset catalog and every row passes its rules; business time; the
 * options it refuses.  The realism of the data is in test_gen_realism.c;
 * the sample and the CSV reader in gen_test.h.
 */
#include "gen_test.h"

/* ---- determinism and shape --------------------------------------------- */

static void
test_gen_same_seed_gives_the_same_bytes_and_another_seed_others(void **st)
{
	struct gen_opts	 o;
	struct buf	 a[DS__MAX], b[DS__MAX], c[DS__MAX];

	(void)st;
	gen_defaults(&o);
	o.rows = 3000;
	assert_int_equal(run(&o, a, NULL), ERR_OK);
	assert_int_equal(run(&o, b, NULL), ERR_OK);
	o.seed = 2;
	assert_int_equal(run(&o, c, NULL), ERR_OK);
	for (int d = 0; d < DS__MAX; d++) {
		assert_true(a[d].len > 0);
		assert_int_equal(a[d].len, b[d].len);
		assert_memory_equal(a[d].data, b[d].data, a[d].len);
		assert_true(a[d].len != c[d].len ||
		    memcmp(a[d].data, c[d].data, a[d].len) != 0);
	}
	release(a);
	release(b);
	release(c);
}

static void
test_gen_a_dataset_alone_is_the_same_as_with_the_others(void **state)
{
	struct gen_opts	 o;
	struct buf	 all[DS__MAX], one[DS__MAX];

	(void)state;
	gen_defaults(&o);
	o.rows = 3000;
	assert_int_equal(run(&o, all, NULL), ERR_OK);
	o.datasets = 1u << DS_SURVEYS | 1u << DS_TRAINING;
	assert_int_equal(run(&o, one, NULL), ERR_OK);
	assert_int_equal(one[DS_INTERACTIONS].len, 0);
	assert_int_equal(all[DS_SURVEYS].len, one[DS_SURVEYS].len);
	assert_memory_equal(all[DS_SURVEYS].data, one[DS_SURVEYS].data,
	    one[DS_SURVEYS].len);
	assert_memory_equal(all[DS_TRAINING].data, one[DS_TRAINING].data,
	    one[DS_TRAINING].len);
	release(all);
	release(one);
}

static void
test_gen_header_is_every_dataset_field_in_catalog_order(void **state)
{
	(void)state;
	assert_string_equal(T[DS_AGENTS].header,
	    "id,name,team,role,hired_at");
	assert_true(strncmp(IX->header, "id,channel,team,agent,customer,"
	    "category,priority,status,created_at,first_reply_at,", 80) == 0);
	for (int d = 0; d < DS__MAX; d++) {
		struct buf	 want = BUF_INIT;

		for (int f = 0; f < ds_info[d].nfields; f++)
			buf_printf(&want, "%s%s", f > 0 ? "," : "",
			    ds_info[d].fields[f].name);
		assert_string_equal(T[d].header, buf_cstr(&want));
		buf_release(&want);
	}
}

static void
test_gen_every_row_is_native_and_passes_the_dataset_rules(void **state)
{
	(void)state;
	for (int d = 0; d < DS__MAX; d++) {
		if (T[d].bad != 0)
			fail_msg("%s: %zu bad rows, first %s", ds_info[d].name,
			    T[d].bad, T[d].why);
		assert_true(T[d].n > 0);
		assert_int_equal(T[d].n, N[d]);
	}
	assert_int_equal(IX->n, ROWS);
	assert_int_equal(T[DS_AGENTS].n, 60);
	/* 40,000 contacts at 0.67 a month from 75% of the customers:
	 * ceil(40000 * 60 / 184) = 13,044 customers. */
	assert_int_equal(T[DS_CUSTOMERS].n, 13044);
}

static void
test_gen_rows_come_in_creation_order_inside_the_window(void **state)
{
	int64_t	 last = FROM;

	(void)state;
	for (size_t k = 0; k < IX->n; k++) {
		const struct ds_rec	*r = &IX->rows[k];
		char			 id[32];

		snprintf(id, sizeof(id), "T%09zu", k + 1);
		assert_string_equal(S(r, IX_ID), id);
		assert_true(SET(r, IX_CREATED_AT));
		assert_true(I(r, IX_CREATED_AT) >= last);
		last = I(r, IX_CREATED_AT);
		for (int f = IX_CREATED_AT; f <= IX_SLA_DUE_AT; f++)
			if (f != IX_SLA_DUE_AT && SET(r, f))
				assert_true(I(r, f) < TO);	/* before now */
	}
	assert_true(last < TO);
}

static void
test_gen_csv_quotes_text_holding_commas_and_quotes(void **state)
{
	int	 comma = 0, quote = 0;

	(void)state;
	/* Read back through the RFC 4180 reader, the quoted values come
	 * out whole: "De-escalation, part 1" and Billing "101". */
	for (size_t k = 0; k < T[DS_TRAINING].n; k++) {
		const char *s = S(&T[DS_TRAINING].rows[k], TR_COURSE);

		comma += strncmp(s, "De-escalation, part ", 20) == 0;
		quote += strcmp(s, "Billing \"101\"") == 0;
	}
	assert_true(comma > 0);
	assert_true(quote > 0);
}

/* ---- business time ------------------------------------------------------ */

static void
test_gen_business_time_skips_nights_and_weekends(void **state)
{
	/* 2026-10-02 is a Friday. */
	const int64_t	 fri = INT64_C(1790899200), mon = fri + 3 * DAY;

	(void)state;
	/* Friday 17:00 + 2 h: one hour on Friday, one on Monday. */
	assert_int_equal(gen_biz_add(fri + 17 * 3600, 7200), mon + 9 * 3600);
	/* Saturday noon + 1 h: Monday 09:00. */
	assert_int_equal(gen_biz_add(fri + DAY + 12 * 3600, 3600),
	    mon + 9 * 3600);
	/* Friday 07:00 + 30 min: 08:30 the same day. */
	assert_int_equal(gen_biz_add(fri + 7 * 3600, 1800),
	    fri + 8 * 3600 + 1800);
	/* Monday 08:00 + 50 h (a business week): Friday 18:00. */
	assert_int_equal(gen_biz_add(mon + 8 * 3600, 50 * 3600),
	    mon + 4 * DAY + 18 * 3600);
	/* ... + 120 h: two business weeks (to the second Friday 18:00),
	 * then 20 h: Monday and Tuesday, so Tuesday 18:00. */
	assert_int_equal(gen_biz_add(mon + 8 * 3600, 120 * 3600),
	    mon + 15 * DAY + 18 * 3600);
	assert_true(gen_biz_open(mon + 9 * 3600));
	assert_false(gen_biz_open(fri + DAY + 9 * 3600));
	assert_false(gen_biz_open(mon + 18 * 3600));
}

/* ---- options ------------------------------------------------------------ */

static void
test_gen_check_refuses_options_out_of_range(void **state)
{
	struct gen_opts	 o;
	struct err	 e;

	(void)state;
	gen_defaults(&o);
	assert_int_equal(gen_check(&o, &e), ERR_OK);
	o.rows = 0;
	assert_int_equal(gen_check(&o, &e), ERR_INVAL);
	assert_string_equal(e.field, "rows");
	gen_defaults(&o);
	o.teams = 65;
	assert_int_equal(gen_check(&o, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "65"));
	gen_defaults(&o);
	o.agents = 3;		/* fewer than the 5 teams */
	assert_int_equal(gen_check(&o, &e), ERR_INVAL);
	assert_string_equal(e.field, "agents");
	gen_defaults(&o);
	o.to = o.from;
	assert_int_equal(gen_check(&o, &e), ERR_INVAL);
	gen_defaults(&o);
	o.datasets = 0;
	assert_int_equal(gen_check(&o, &e), ERR_INVAL);
}

static void
test_gen_team_names_go_past_the_named_ones(void **state)
{
	char	 tmp[32];

	(void)state;
	assert_string_equal(gen_team_name(0, tmp, sizeof(tmp)), "Tier 1");
	assert_string_equal(gen_team_name(2, tmp, sizeof(tmp)), "Billing");
	assert_string_equal(gen_team_name(8, tmp, sizeof(tmp)), "Team 9");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gen_same_seed_gives_the_same_bytes_and_another_seed_others),
		cmocka_unit_test(test_gen_a_dataset_alone_is_the_same_as_with_the_others),
		cmocka_unit_test(test_gen_header_is_every_dataset_field_in_catalog_order),
		cmocka_unit_test(test_gen_every_row_is_native_and_passes_the_dataset_rules),
		cmocka_unit_test(test_gen_rows_come_in_creation_order_inside_the_window),
		cmocka_unit_test(test_gen_csv_quotes_text_holding_commas_and_quotes),
		cmocka_unit_test(test_gen_business_time_skips_nights_and_weekends),
		cmocka_unit_test(test_gen_check_refuses_options_out_of_range),
		cmocka_unit_test(test_gen_team_names_go_past_the_named_ones),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
