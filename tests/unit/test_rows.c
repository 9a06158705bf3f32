/*
 * test_rows.c: the row source of import/rows.c: columns by name, values
 * of CSV, JSON array and NDJSON records (missing vs empty, numbers,
 * booleans, null, nested values), record errors and final errors, format
 * detection, and the real files of ../shared/data.
 *
 * Record counts of the real files were obtained independently with
 * Python's csv module, run by hand on 2025-11-24:
 *   python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1],
 *       newline="", encoding="utf-8-sig"))); print(len(r)-1)' FILE
 * (no file has blank lines, so len(r)-1 is the number of data records).
 * Field texts were printed by the same module and copied here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "import/rows.h"

static const char *
val(struct rows *r, int col)
{
	const char	*s = rows_value(r, col, NULL);

	return s != NULL ? s : "(null)";
}

static struct rows *
open_mem(const char *in, size_t bufsize, enum rows_format fmt)
{
	struct rows_opts	 o = { fmt, 0, 0 };
	struct rows		*r;
	struct err		 e;

	if (rows_open_mem_buf(in, strlen(in), bufsize, &o, &r, &e) != ERR_OK)
		fail_msg("open: %s", e.msg);
	return r;
}

static void
test_rows_csv_column_found_exactly_then_ignoring_case_and_spaces(
    void **state)
{
	struct rows	*r;

	(void)state;
	r = open_mem(" Ticket ID ,ticket id,Status\n1,2,3\n", 0, ROWS_AUTO);
	assert_int_equal(rows_format(r), ROWS_CSV);
	assert_int_equal(rows_ncolumns(r), 3);
	/* the exact name wins over an earlier loose match */
	assert_int_equal(rows_column(r, "ticket id"), 1);
	assert_int_equal(rows_column(r, "TICKET ID"), 0);
	assert_int_equal(rows_column(r, "  status "), 2);
	assert_int_equal(rows_column(r, "stat"), -1);
	assert_int_equal(rows_column(r, "csat"), -1);
	assert_int_equal(rows_ncolumns(r), 3);	/* CSV does not register */
	assert_string_equal(rows_column_name(r, 2), "Status");
	assert_null(rows_column_name(r, 3));
	rows_close(r);
}

static void
test_rows_csv_short_row_reads_null_and_empty_field_reads_empty(
    void **state)
{
	struct rows	*r;
	struct err	 e;
	size_t		 len = 99;

	(void)state;
	r = open_mem("a;b;c\r\n1;;\r\n2\r\n", 0, ROWS_CSV);
	assert_int_equal(rows_delim(r), ';');
	assert_int_equal(rows_next(r, &e), 1);
	assert_int_equal(rows_line(r), 2);
	assert_int_equal(rows_nfields(r), 3);
	assert_string_equal(rows_value(r, 1, &len), "");
	assert_int_equal(len, 0);
	assert_int_equal(rows_next(r, &e), 1);
	assert_int_equal(rows_nfields(r), 1);
	assert_string_equal(val(r, 0), "2");
	assert_null(rows_value(r, 1, NULL));
	assert_null(rows_value(r, -1, NULL));
	assert_int_equal(rows_next(r, &e), 0);
	rows_close(r);
}

static void
test_rows_csv_empty_input_has_no_header(void **state)
{
	struct rows_opts	 o = { ROWS_CSV, 0, 0 };
	struct rows		*r;
	struct err		 e;

	(void)state;
	assert_int_equal(rows_open_mem("\n\n", 2, &o, &r, &e), ERR_INVAL);
	assert_null(r);
	assert_non_null(strstr(e.msg, "no header"));
}

static const char json_array[] =
    "[\n"
    "  {\"id\": \"t1\", \"csat\": 5, \"score\": 0.1, \"ok\": true,\n"
    "   \"note\": \"caf\\u00e9 \\\"x\\\"\\n\", \"tags\": [\"a\", 1],\n"
    "   \"meta\": {\"k\": null}, \"gone\": null},\n"
    "  {\"id\": \"t2\", \"csat\": -2.5e1, \"ok\": false, \"note\": \"\"},\n"
    "  42,\n"
    "  {\"id\": \"t4\"}\n"
    "]\n";

/* Walk json_array through a buffer of bufsize and check every value. */
static void
check_json_array(size_t bufsize)
{
	struct rows	*r;
	struct err	 e;
	int		 id, csat, score, ok, note, tags, meta, gone, absent;
	size_t		 len;

	r = open_mem(json_array, bufsize, ROWS_AUTO);
	assert_int_equal(rows_format(r), ROWS_JSON);
	id = rows_column(r, "id");
	csat = rows_column(r, "csat");
	score = rows_column(r, "score");
	ok = rows_column(r, "ok");
	note = rows_column(r, "note");
	tags = rows_column(r, "tags");
	meta = rows_column(r, "meta");
	gone = rows_column(r, "gone");
	absent = rows_column(r, "absent");
	assert_int_equal(rows_column(r, "csat"), csat);	/* registered once */
	assert_int_equal(rows_ncolumns(r), 9);
	assert_string_equal(rows_column_name(r, note), "note");

	assert_int_equal(rows_next(r, &e), 1);
	assert_int_equal(rows_line(r), 2);
	assert_int_equal(rows_nfields(r), 8);
	assert_string_equal(val(r, id), "t1");
	assert_string_equal(val(r, csat), "5");
	assert_string_equal(val(r, score), "0.1");
	assert_string_equal(val(r, ok), "true");
	assert_string_equal(rows_value(r, note, &len), "caf\xc3\xa9 \"x\"\n");
	assert_int_equal(len, 10);
	assert_string_equal(val(r, tags), "[\"a\",1]");
	assert_string_equal(val(r, meta), "{\"k\":null}");
	assert_null(rows_value(r, gone, NULL));
	assert_null(rows_value(r, absent, NULL));

	assert_int_equal(rows_next(r, &e), 1);
	assert_int_equal(rows_line(r), 5);
	assert_string_equal(val(r, csat), "-25");
	assert_string_equal(val(r, ok), "false");
	assert_string_equal(rows_value(r, note, &len), "");
	assert_int_equal(len, 0);
	assert_null(rows_value(r, score, NULL));

	/* 42 is not an object: an error of its own line, then go on */
	assert_int_equal(rows_next(r, &e), -1);
	assert_string_equal(e.msg, "line 6: expected a JSON object, got a "
	    "number");
	assert_false(rows_failed(r));
	assert_null(rows_value(r, id, NULL));
	assert_int_equal(rows_next(r, &e), 1);
	assert_int_equal(rows_line(r), 7);
	assert_string_equal(val(r, id), "t4");
	assert_int_equal(rows_next(r, &e), 0);
	assert_int_equal(rows_bytes_read(r), strlen(json_array));
	rows_close(r);
}

static void
test_rows_json_array_values_of_every_kind(void **state)
{

	(void)state;
	check_json_array(0);
}

static void
test_rows_json_array_same_through_every_small_buffer(void **state)
{
	size_t	 bs;

	(void)state;
	for (bs = 4; bs <= 64; bs++)
		check_json_array(bs);
}

static void
test_rows_broken_json_array_is_final(void **state)
{
	struct rows	*r;
	struct err	 e;

	(void)state;
	r = open_mem("[{\"a\":1},\n{\"a\":2}\n{\"a\":3}]", 0, ROWS_JSON);
	assert_int_equal(rows_column(r, "a"), 0);
	assert_int_equal(rows_next(r, &e), 1);
	assert_int_equal(rows_next(r, &e), 1);
	assert_string_equal(val(r, 0), "2");
	assert_int_equal(rows_next(r, &e), -1);
	assert_string_equal(e.msg, "line 3: expected ',' or ']' after an "
	    "array element, got \"{\"");
	assert_true(rows_failed(r));
	assert_int_equal(rows_next(r, &e), -1);	/* and again */
	assert_non_null(strstr(e.msg, "line 3: expected ','"));
	rows_close(r);

	r = open_mem("[{\"a\":1},\n{\"a\": tru}]", 0, ROWS_JSON);
	assert_int_equal(rows_next(r, &e), 1);
	assert_int_equal(rows_next(r, &e), -1);
	assert_non_null(strstr(e.msg, "line 2: invalid JSON"));
	rows_close(r);

	r = open_mem("[{\"a\":1},\n{\"a\":2}", 0, ROWS_JSON);
	assert_int_equal(rows_next(r, &e), 1);
	assert_int_equal(rows_next(r, &e), 1);
	assert_int_equal(rows_next(r, &e), -1);
	assert_string_equal(e.msg, "line 2: the JSON array is not closed");
	rows_close(r);

	r = open_mem("[] x", 0, ROWS_JSON);
	assert_int_equal(rows_next(r, &e), -1);
	assert_non_null(strstr(e.msg, "text after the end of the JSON array"));
	rows_close(r);
}

static void
test_rows_empty_json_array_has_no_records(void **state)
{
	struct rows	*r;
	struct err	 e;

	(void)state;
	r = open_mem(" \n[ \n ]\n", 0, ROWS_AUTO);
	assert_int_equal(rows_format(r), ROWS_JSON);
	assert_int_equal(rows_next(r, &e), 0);
	rows_close(r);
}

static const char ndjson[] =
    "{\"id\": 1, \"v\": \"a\"}\n"
    "\n"
    "{\"id\": 2}\r\n"
    "{\"id\": 3, oops}\n"
    "[1, 2]\n"
    "{\"id\": 6, \"v\": {\"deep\": [true]}}";

static void
check_ndjson(size_t bufsize)
{
	struct rows	*r;
	struct err	 e;
	int		 id, v;

	r = open_mem(ndjson, bufsize, ROWS_AUTO);
	assert_int_equal(rows_format(r), ROWS_NDJSON);
	id = rows_column(r, "id");
	v = rows_column(r, "v");
	assert_int_equal(rows_next(r, &e), 1);
	assert_int_equal(rows_line(r), 1);
	assert_string_equal(val(r, id), "1");
	assert_string_equal(val(r, v), "a");
	assert_int_equal(rows_next(r, &e), 1);
	assert_int_equal(rows_line(r), 3);
	assert_null(rows_value(r, v, NULL));
	assert_int_equal(rows_next(r, &e), -1);
	assert_non_null(strstr(e.msg, "line 4: invalid JSON"));
	assert_int_equal(rows_next(r, &e), -1);
	assert_string_equal(e.msg, "line 5: expected a JSON object, got an "
	    "array");
	assert_int_equal(rows_next(r, &e), 1);
	assert_int_equal(rows_line(r), 6);
	assert_string_equal(val(r, id), "6");
	assert_string_equal(val(r, v), "{\"deep\":[true]}");
	assert_int_equal(rows_next(r, &e), 0);
	rows_close(r);
}

static void
test_rows_ndjson_lines_blank_bad_and_last_without_newline(void **state)
{
	size_t	 bs;

	(void)state;
	check_ndjson(0);
	for (bs = 4; bs <= 48; bs++)
		check_ndjson(bs);
}

static void
test_rows_ndjson_line_over_the_cap_is_skipped(void **state)
{
	static const char	 in[] = "{\"a\":1}\n{\"a\":\"xxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxx\"}\n{\"a\":3}\n";
	struct rows_opts	 o = { ROWS_NDJSON, 0, 16 };
	struct rows		*r;
	struct err		 e;
	size_t			 bs;

	(void)state;
	for (bs = 0; bs <= 40; bs += bs ? 1 : 4) {
		assert_int_equal(rows_open_mem_buf(in, strlen(in), bs, &o, &r,
		    &e), ERR_OK);
		assert_int_equal(rows_column(r, "a"), 0);
		assert_int_equal(rows_next(r, &e), 1);
		assert_int_equal(rows_next(r, &e), -1);
		assert_string_equal(e.msg, "line 2: record longer than the "
		    "limit");
		assert_int_equal(rows_next(r, &e), 1);
		assert_int_equal(rows_line(r), 3);
		assert_string_equal(val(r, 0), "3");
		assert_int_equal(rows_next(r, &e), 0);
		rows_close(r);
	}
}

static void
test_rows_json_sequence_of_objects_without_array(void **state)
{
	struct rows	*r;
	struct err	 e;

	(void)state;
	/* a pretty-printed object under ROWS_JSON, and NDJSON named .json */
	r = open_mem("{\n \"a\": 1\n}\n{\"a\": 2}", 0, ROWS_JSON);
	assert_int_equal(rows_column(r, "a"), 0);
	assert_int_equal(rows_next(r, &e), 1);
	assert_int_equal(rows_line(r), 1);
	assert_int_equal(rows_next(r, &e), 1);
	assert_int_equal(rows_line(r), 4);
	assert_string_equal(val(r, 0), "2");
	assert_int_equal(rows_next(r, &e), 0);
	rows_close(r);
}

static void
test_rows_format_chosen_by_extension_then_first_byte(void **state)
{
	struct rows	*r;
	struct err	 e;

	(void)state;
	r = open_mem("  [{}]", 0, ROWS_AUTO);
	assert_int_equal(rows_format(r), ROWS_JSON);
	rows_close(r);
	r = open_mem("\xef\xbb\xbf{}", 0, ROWS_AUTO);
	assert_int_equal(rows_format(r), ROWS_NDJSON);
	rows_close(r);
	r = open_mem("a\n", 0, ROWS_AUTO);
	assert_int_equal(rows_format(r), ROWS_CSV);
	rows_close(r);
	assert_int_equal(rows_open("/nonexistent/x.json", NULL, &r, &e),
	    ERR_NOTFOUND);
	assert_null(r);
	assert_non_null(strstr(e.msg, "\"/nonexistent/x.json\""));
}

/* Count the records of a real file, checking each has ncols fields. */
static long
count_file(const char *path, int ncols)
{
	struct rows	*r;
	struct err	 e;
	long		 n = 0;
	int		 rc;

	if (rows_open(path, NULL, &r, &e) != ERR_OK)
		fail_msg("%s", e.msg);
	assert_int_equal(rows_format(r), ROWS_CSV);
	assert_int_equal(rows_ncolumns(r), ncols);
	while ((rc = rows_next(r, &e)) != 0) {
		if (rc < 0)
			fail_msg("%s: %s", path, e.msg);
		assert_int_equal(rows_nfields(r), ncols);
		n++;
	}
	assert_true(rows_bytes_total(r) > 0);
	assert_int_equal(rows_bytes_read(r), rows_bytes_total(r));
	rows_close(r);
	return n;
}

static void
test_rows_every_real_file_has_its_python_record_count(void **state)
{
	static const struct {
		const char	*file;
		long		 records;
		int		 cols;
	} files[] = {
		{ "kaggle_tickets.csv", 8469, 17 },
		{ "pwc_call_center.csv", 5000, 10 },
		{ "sudzilla_nps.csv", 39, 11 },
		{ "technion_calls_one_day.csv", 2375, 17 },
		{ "telco_churn.csv", 7043, 21 },
		{ "tickets_anirudh.csv", 5000, 20 },
		{ "uci_incidents.csv", 5998, 36 },
		{ "zendesk_dbt/group_data.csv", 8, 7 },
		{ "zendesk_dbt/schedule_data.csv", 5, 10 },
		{ "zendesk_dbt/schedule_holiday_data.csv", 2, 7 },
		{ "zendesk_dbt/ticket_comment_data.csv", 20, 10 },
		{ "zendesk_dbt/ticket_data.csv", 10, 36 },
		{ "zendesk_dbt/ticket_field_history_data.csv", 38, 6 },
		{ "zendesk_dbt/ticket_schedule_data.csv", 10, 4 },
		{ "zendesk_dbt/user_data.csv", 10, 32 },
	};
	char	 path[256];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "../shared/data/%s",
		    files[i].file);
		assert_int_equal(count_file(path, files[i].cols),
		    files[i].records);
	}
}

static void
test_rows_sudzilla_quoted_commas_and_doubled_quotes(void **state)
{
	struct rows	*r;
	struct err	 e;
	int		 ts, why, words, giveaway, rc;

	(void)state;
	assert_int_equal(rows_open("../shared/data/sudzilla_nps.csv", NULL,
	    &r, &e), ERR_OK);
	ts = rows_column(r, "timestamp");
	why = rows_column(r, "...why?");
	words = rows_column(r, "Which three words would you use describe to "
	    "Sudzilla? (separate with a comma)");
	giveaway = rows_column(r, "What was your favourite giveaway at "
	    "Sudzilla?");
	assert_int_equal(ts, 0);
	assert_int_equal(why, 2);
	assert_int_equal(words, 5);
	assert_int_equal(giveaway, 9);
	while ((rc = rows_next(r, &e)) == 1) {
		if (rows_line(r) == 2) {
			assert_string_equal(val(r, ts), "11/1/2019 8:51:12");
			assert_string_equal(val(r, words),
			    "really, bad, service");
		} else if (rows_line(r) == 16) {
			assert_string_equal(val(r, why), "The \"Pic with the "
			    "Persils\" was a bit cheesey");
		} else if (rows_line(r) == 24) {
			assert_string_equal(val(r, words),
			    "Marketing, marketing, marketing");
			assert_string_equal(val(r, giveaway), "\"You get a bar, "
			    "you get a bar, you all get a bar!\"");
		}
	}
	assert_int_equal(rc, 0);
	assert_int_equal(rows_line(r), 40);
	rows_close(r);
}

static void
test_rows_kaggle_tickets_last_record(void **state)
{
	struct rows	*r;
	struct err	 e;
	int		 id, subject, desc;
	long		 n = 0;

	(void)state;
	assert_int_equal(rows_open("../shared/data/kaggle_tickets.csv", NULL,
	    &r, &e), ERR_OK);
	id = rows_column(r, "Ticket ID");
	subject = rows_column(r, "Ticket Subject");
	desc = rows_column(r, "ticket description");
	while (rows_next(r, &e) == 1)
		if (++n == 8469) {
			assert_string_equal(val(r, id), "8469");
			assert_string_equal(val(r, subject),
			    "Installation support");
			assert_string_equal(val(r, desc), "I'm having an issue "
			    "with the product purchased.");
			assert_int_equal(rows_line(r), 8470);
		}
	assert_int_equal(n, 8469);
	rows_close(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_rows_csv_column_found_exactly_then_ignoring_case_and_spaces),
		cmocka_unit_test(
		    test_rows_csv_short_row_reads_null_and_empty_field_reads_empty),
		cmocka_unit_test(test_rows_csv_empty_input_has_no_header),
		cmocka_unit_test(test_rows_json_array_values_of_every_kind),
		cmocka_unit_test(
		    test_rows_json_array_same_through_every_small_buffer),
		cmocka_unit_test(test_rows_broken_json_array_is_final),
		cmocka_unit_test(test_rows_empty_json_array_has_no_records),
		cmocka_unit_test(
		    test_rows_ndjson_lines_blank_bad_and_last_without_newline),
		cmocka_unit_test(test_rows_ndjson_line_over_the_cap_is_skipped),
		cmocka_unit_test(
		    test_rows_json_sequence_of_objects_without_array),
		cmocka_unit_test(
		    test_rows_format_chosen_by_extension_then_first_byte),
		cmocka_unit_test(
		    test_rows_every_real_file_has_its_python_record_count),
		cmocka_unit_test(
		    test_rows_sudzilla_quoted_commas_and_doubled_quotes),
		cmocka_unit_test(test_rows_kaggle_tickets_last_record),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
