/*
 * test_csv.c: the CSV reader of import/csv.c, case by case against RFC
 * 4180 and the habits of real exports (CRLF, BOM, `;` and tab, blank
 * lines, a last line without a newline), its errors and how reading goes
 * on after them, and its buffer: records across the buffer edge, records
 * longer than the buffer, the cap.
 *
 * Each test reads an input written out in the test and compares a dump of
 * what was read, "LINE:field|field|..." a record, "ELINE:message" an error,
 * with the dump written by hand from the input.  Most inputs are read with
 * every buffer size from 4 to 40 bytes as well as the default, so that
 * every record, field, quote, CR and LF lands on a buffer edge somewhere.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

#include <cmocka.h>

#include "import/csv.h"

static char	 dump[1 << 16];

/* Read in (len bytes) and dump it; the header is a record like any other. */
static const char *
read_dump(const char *in, size_t len, size_t bufsize, int delim,
    size_t max_record)
{
	struct csv_opts	 o;
	struct csv	*c;
	struct err	 e;
	const char	*f;
	size_t		 n = 0, i, flen;
	int		 rc, guard = 0;

	memset(&o, 0, sizeof(o));
	o.bufsize = bufsize;
	o.delim = delim;
	o.max_record = max_record;
	if (csv_open_mem(in, len, &o, &c, &e) != ERR_OK) {
		snprintf(dump, sizeof(dump), "open: %s", e.msg);
		return dump;
	}
	dump[0] = '\0';
	while ((rc = csv_next(c, &e)) != 0 && guard++ < 1000) {
		if (rc < 0) {
			n += (size_t)snprintf(dump + n, sizeof(dump) - n,
			    "E%s\n", e.msg + strlen("line "));
			continue;
		}
		n += (size_t)snprintf(dump + n, sizeof(dump) - n, "%ld:",
		    csv_line(c));
		for (i = 0; i < csv_nfields(c); i++) {
			f = csv_field(c, i, &flen);
			assert_int_equal(strlen(f), flen);
			n += (size_t)snprintf(dump + n, sizeof(dump) - n,
			    "%s%s", i ? "|" : "", f);
		}
		n += (size_t)snprintf(dump + n, sizeof(dump) - n, "\n");
		assert_true(n < sizeof(dump));
	}
	assert_null(csv_field(c, csv_nfields(c), NULL));
	csv_close(c);
	return dump;
}

/* The dump of in must be want, with the default buffer and tiny ones. */
static void
check_all_buffers(const char *in, int delim, const char *want)
{
	size_t	 bs;

	assert_string_equal(read_dump(in, strlen(in), 0, delim, 0), want);
	for (bs = 4; bs <= 40; bs++)
		assert_string_equal(read_dump(in, strlen(in), bs, delim, 0),
		    want);
}

static void
test_csv_plain_records_split_at_each_comma(void **state)
{

	(void)state;
	check_all_buffers("id,name,team\n1,Ana,Tier 1\n2,Bo,Tier 2\n", 0,
	    "1:id|name|team\n2:1|Ana|Tier 1\n3:2|Bo|Tier 2\n");
}

static void
test_csv_quoted_field_keeps_the_delimiter(void **state)
{

	(void)state;
	check_all_buffers("a,b\n\"Smith, John\",\"x,,y\"\n", 0,
	    "1:a|b\n2:Smith, John|x,,y\n");
}

static void
test_csv_doubled_quote_inside_quoted_field(void **state)
{

	(void)state;
	check_all_buffers("a,b\n\"he said \"\"hi\"\"\",\"\"\"\"\n", 0,
	    "1:a|b\n2:he said \"hi\"|\"\n");
}

static void
test_csv_quoted_newlines_stay_in_the_field_and_count_as_lines(void **state)
{

	(void)state;
	/* record 2 takes lines 2-4, so record 3 starts on line 5 */
	check_all_buffers("a,b\n\"one\ntwo\nthree\",x\ny,\"z\r\nw\"\nlast,1\n",
	    0, "1:a|b\n2:one\ntwo\nthree|x\n5:y|z\r\nw\n7:last|1\n");
}

static void
test_csv_crlf_line_ends_are_not_part_of_fields(void **state)
{

	(void)state;
	check_all_buffers("a,b\r\n1,2\r\n\"q\",\r\n", 0,
	    "1:a|b\n2:1|2\n3:q|\n");
}

static void
test_csv_last_line_without_newline_is_a_record(void **state)
{

	(void)state;
	check_all_buffers("a,b\n1,2", 0, "1:a|b\n2:1|2\n");
	check_all_buffers("a,b\r\n1,\"2\"", 0, "1:a|b\n2:1|2\n");
	check_all_buffers("a,b\n1,", 0, "1:a|b\n2:1|\n");
}

static void
test_csv_utf8_bom_at_the_start_is_skipped(void **state)
{

	(void)state;
	check_all_buffers("\xef\xbb\xbfid,n\n1,2\n", 0, "1:id|n\n2:1|2\n");
	/* a BOM in the middle is data */
	check_all_buffers("id\n\xef\xbb\xbfx\n", 0, "1:id\n2:\xef\xbb\xbfx\n");
}

static void
test_csv_semicolon_and_tab_delimiters_when_given(void **state)
{

	(void)state;
	check_all_buffers("a;b,c\n1;\"2;3\"\n", ';', "1:a|b,c\n2:1|2;3\n");
	check_all_buffers("a\tb c\n1\t\"2\t3\"\n", '\t', "1:a|b c\n2:1|2\t3\n");
}

static void
test_csv_delimiter_detected_from_header_outside_quotes(void **state)
{

	(void)state;
	/* header: one comma outside quotes, two semicolons; three commas
	 * inside quotes do not count */
	check_all_buffers("\"a,b,c,d\";e;f,g\n1;2;3\n", 0,
	    "1:a,b,c,d|e|f,g\n2:1|2|3\n");
	check_all_buffers("a\tb\tc;d\n1\t2\t3\n", 0, "1:a|b|c;d\n2:1|2|3\n");
}

static void
test_csv_detection_tie_or_no_candidate_goes_to_comma(void **state)
{
	struct csv	*c;
	struct err	 e;

	(void)state;
	check_all_buffers("a;b,c\n1;2,3\n", 0, "1:a;b|c\n2:1;2|3\n");
	assert_int_equal(csv_open_mem("single\n1\n", 9, NULL, &c, &e), ERR_OK);
	assert_int_equal(csv_delim(c), ',');
	csv_close(c);
	assert_int_equal(csv_open_mem("a\tb;c;d\n", 8, NULL, &c, &e), ERR_OK);
	assert_int_equal(csv_delim(c), ';');
	csv_close(c);
}

static void
test_csv_refuses_a_delimiter_other_than_the_three(void **state)
{
	struct csv_opts	 o = { '|', 0, 0 };
	struct csv	*c;
	struct err	 e;

	(void)state;
	assert_int_equal(csv_open_mem("a|b\n", 4, &o, &c, &e), ERR_INVAL);
	assert_null(c);
	assert_non_null(strstr(e.msg, "'|'"));
}

static void
test_csv_empty_fields_and_short_rows_keep_their_field_count(void **state)
{

	(void)state;
	/* ",," is three empty fields; "x" alone is one field; "" is one
	 * empty quoted field */
	check_all_buffers("a,b,c\n,,\nx\n\"\"\n1,,3\n", 0,
	    "1:a|b|c\n2:||\n3:x\n4:\n5:1||3\n");
}

static void
test_csv_blank_lines_are_skipped_but_counted(void **state)
{

	(void)state;
	check_all_buffers("\na,b\n\n\r\n1,2\n\n\n3,4\n\n", 0,
	    "2:a|b\n5:1|2\n8:3|4\n");
	check_all_buffers("\n\n", 0, "");
	check_all_buffers("", 0, "");
}

static void
test_csv_stray_quote_is_a_record_error_and_reading_goes_on(void **state)
{

	(void)state;
	check_all_buffers("a,b\n1,ab\"c\n2,ok\n", 0,
	    "1:a|b\nE2: stray quote in unquoted field \"ab\"\"\n3:2|ok\n");
	/* the bad record's first line had a quoted newline: the error names
	 * the line where the record starts and the count goes on after it */
	check_all_buffers("a,b\n\"x\ny\",z\"w\n2,ok\n", 0,
	    "1:a|b\nE2: stray quote in unquoted field \"z\"\"\n4:2|ok\n");
}

static void
test_csv_text_after_a_closing_quote_is_a_record_error(void **state)
{

	(void)state;
	check_all_buffers("a,b\n\"q\"x,1\n2,3\n", 0,
	    "1:a|b\nE2: text after a closing quote: \"\"q\"x\"\n3:2|3\n");
}

static void
test_csv_unterminated_quote_is_reported_once_then_the_end(void **state)
{

	(void)state;
	check_all_buffers("a,b\n1,2\n3,\"open\n4,5\n", 0,
	    "1:a|b\n2:1|2\nE3: unterminated quoted field starting \"\"open\"\n");
}

static void
test_csv_record_over_the_cap_is_an_error_naming_its_line(void **state)
{
	const char	*in = "a,b\n1,2\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,y\n3,4\n";
	size_t		 bs;

	(void)state;
	/* cap 20 bytes: the 33-byte record 3 is refused, 4 is read */
	for (bs = 0; bs <= 40; bs += bs ? 1 : 4)
		assert_string_equal(read_dump(in, strlen(in), bs, 0, 20),
		    "1:a|b\n2:1|2\nE3: record longer than the limit\n4:3|4\n");
}

static void
test_csv_record_over_the_cap_with_quoted_newlines_is_skipped_whole(
    void **state)
{
	const char	*in = "a,b\n1,\"x\nxxxxxxxxxxxxxxxxxxxxxxxxxxx\nyy\"\n"
	    "3,4\n";
	size_t		 bs;

	(void)state;
	/* the skipped record holds two newlines inside quotes: 3,4 is on
	 * line 5 and is not taken for a piece of the bad one */
	for (bs = 0; bs <= 40; bs += bs ? 1 : 4)
		assert_string_equal(read_dump(in, strlen(in), bs, 0, 20),
		    "1:a|b\nE2: record longer than the limit\n5:3|4\n");
}

static void
test_csv_buffer_grows_for_a_record_longer_than_the_buffer(void **state)
{
	char	 in[3000];
	char	 want[3100];
	size_t	 n;

	(void)state;
	/* a 2000-byte quoted field with a doubled quote in the middle, read
	 * through an 8-byte buffer */
	n = (size_t)snprintf(in, sizeof(in), "a\n\"");
	memset(in + n, 'x', 2000);
	memcpy(in + n + 1000, "\"\"", 2);
	n += 2000;
	n += (size_t)snprintf(in + n, sizeof(in) - n, "\"\nend\n");
	snprintf(want, sizeof(want), "1:a\n2:%.1000s\"%.998s\n3:end\n",
	    in + 3, in + 3);
	assert_string_equal(read_dump(in, n, 8, 0, 0), want);
	assert_string_equal(read_dump(in, n, 0, 0, 0), want);
}

static void
test_csv_records_across_the_default_1mib_buffer_edge(void **state)
{
	const size_t	 rows = 40000;
	char		*in, *p;
	const char	*f;
	struct csv	*c;
	struct err	 e;
	size_t		 i, len, cap = rows * 64;
	long		 seen = 0;
	int		 rc;

	(void)state;
	/* 40,000 records of about 60 bytes (2.4 MB) cross the 1 MiB buffer
	 * edge twice; every fifth record has a quoted field with a newline */
	assert_non_null(in = malloc(cap));
	p = in;
	for (i = 0; i < rows; i++)
		p += snprintf(p, cap - (size_t)(p - in),
		    i % 5 ? "%zu,plain,%zu\n" : "%zu,\"q,%zu\nz\",%zu\n", i, i, i);
	assert_int_equal(csv_open_mem(in, (size_t)(p - in), NULL, &c, &e),
	    ERR_OK);
	while ((rc = csv_next(c, &e)) != 0) {
		assert_int_equal(rc, 1);
		assert_int_equal(csv_nfields(c), 3);
		assert_int_equal(strtoul(csv_field(c, 0, NULL), NULL, 10),
		    seen);
		f = csv_field(c, 1, &len);
		if (seen % 5 == 0) {
			char	 want[40];

			snprintf(want, sizeof(want), "q,%ld\nz", seen);
			assert_string_equal(f, want);
		} else
			assert_string_equal(f, "plain");
		/* record k starts after k lines and k/5 (rounded up) quoted
		 * newlines */
		assert_int_equal(csv_line(c), 1 + seen + (seen + 4) / 5);
		seen++;
	}
	assert_int_equal(seen, (long)rows);
	assert_int_equal(csv_bytes_read(c), (uint64_t)(p - in));
	assert_int_equal(csv_bytes_total(c), (uint64_t)(p - in));
	csv_close(c);
	free(in);
}

static void
test_csv_nul_byte_inside_a_field_is_kept_and_counted(void **state)
{
	static const char	 in[] = "a,b\nx\0y,2\n";
	struct csv		*c;
	struct err		 e;
	const char		*f;
	size_t			 len;

	(void)state;
	assert_int_equal(csv_open_mem(in, sizeof(in) - 1, NULL, &c, &e),
	    ERR_OK);
	assert_int_equal(csv_next(c, &e), 1);
	assert_int_equal(csv_next(c, &e), 1);
	f = csv_field(c, 0, &len);
	assert_int_equal(len, 3);
	assert_memory_equal(f, "x\0y", 3);
	assert_int_equal(csv_next(c, &e), 0);
	csv_close(c);
}

static void
test_csv_reads_a_file_descriptor_and_reports_bytes(void **state)
{
	char		 path[] = "/tmp/okrdesk-test-csv-XXXXXX";
	const char	*in = "\xef\xbb\xbfk;v\r\n1;\"a\r\nb\"\r\n2;c\r\n";
	struct csv	*c;
	struct err	 e;
	int		 fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	unlink(path);
	assert_int_equal(write(fd, in, strlen(in)), (ssize_t)strlen(in));
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(csv_open_fd(fd, NULL, &c, &e), ERR_OK);
	assert_int_equal(csv_delim(c), ';');
	assert_int_equal(csv_bytes_total(c), strlen(in));
	assert_int_equal(csv_next(c, &e), 1);
	assert_int_equal(csv_bytes_read(c), 3 + strlen("k;v\r\n"));
	assert_int_equal(csv_next(c, &e), 1);
	assert_string_equal(csv_field(c, 1, NULL), "a\r\nb");
	assert_int_equal(csv_next(c, &e), 1);
	assert_int_equal(csv_line(c), 4);
	assert_string_equal(csv_field(c, 1, NULL), "c");
	assert_int_equal(csv_next(c, &e), 0);
	assert_int_equal(csv_bytes_read(c), strlen(in));
	csv_close(c);
	close(fd);
}

static void
test_csv_read_error_is_an_io_error(void **state)
{
	struct csv	*c;
	struct err	 e;
	int		 fd;

	(void)state;
	/* a directory opens but does not read: EISDIR */
	assert_true((fd = open("/", O_RDONLY)) >= 0);
	assert_int_equal(csv_open_fd(fd, NULL, &c, &e), ERR_IO);
	assert_null(c);
	assert_non_null(strstr(e.msg, "read error at byte 0"));
	close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_plain_records_split_at_each_comma),
		cmocka_unit_test(test_csv_quoted_field_keeps_the_delimiter),
		cmocka_unit_test(test_csv_doubled_quote_inside_quoted_field),
		cmocka_unit_test(
		    test_csv_quoted_newlines_stay_in_the_field_and_count_as_lines),
		cmocka_unit_test(test_csv_crlf_line_ends_are_not_part_of_fields),
		cmocka_unit_test(test_csv_last_line_without_newline_is_a_record),
		cmocka_unit_test(test_csv_utf8_bom_at_the_start_is_skipped),
		cmocka_unit_test(
		    test_csv_semicolon_and_tab_delimiters_when_given),
		cmocka_unit_test(
		    test_csv_delimiter_detected_from_header_outside_quotes),
		cmocka_unit_test(
		    test_csv_detection_tie_or_no_candidate_goes_to_comma),
		cmocka_unit_test(
		    test_csv_refuses_a_delimiter_other_than_the_three),
		cmocka_unit_test(
		    test_csv_empty_fields_and_short_rows_keep_their_field_count),
		cmocka_unit_test(test_csv_blank_lines_are_skipped_but_counted),
		cmocka_unit_test(
		    test_csv_stray_quote_is_a_record_error_and_reading_goes_on),
		cmocka_unit_test(
		    test_csv_text_after_a_closing_quote_is_a_record_error),
		cmocka_unit_test(
		    test_csv_unterminated_quote_is_reported_once_then_the_end),
		cmocka_unit_test(
		    test_csv_record_over_the_cap_is_an_error_naming_its_line),
		cmocka_unit_test(
		    test_csv_record_over_the_cap_with_quoted_newlines_is_skipped_whole),
		cmocka_unit_test(
		    test_csv_buffer_grows_for_a_record_longer_than_the_buffer),
		cmocka_unit_test(
		    test_csv_records_across_the_default_1mib_buffer_edge),
		cmocka_unit_test(
		    test_csv_nul_byte_inside_a_field_is_kept_and_counted),
		cmocka_unit_test(
		    test_csv_reads_a_file_descriptor_and_reports_bytes),
		cmocka_unit_test(test_csv_read_error_is_an_io_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
