/*
 * test_profile.c: import profiles read from YAML, bound to a header and
 * mapping rows, and every error message they give.  The built-in
 * profiles are tested over real rows in test_profile_builtin.c.
 *
 * Tests run in UTC (set in main) unless they say otherwise.  Expected
 * instants were computed outside okrdesk (Python's calendar.timegm) and
 * written in; expected field values were read off the rows by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/clock.h"
#include "import/profile.h"

#include "profile_test.h"

static void
test_profile_short_and_long_forms_map_columns(void **state)
{
	const char	*h[] = { "Ticket", "Agent Name", "Opened" };
	const char	*r[] = { "T-1", " Ann  ", "2026-10-01T09:12:33Z" };

	(void)state;
	use("dataset: interactions\n"
	    "fields:\n"
	    "  id: Ticket\n"
	    "  agent: {column: Agent Name}\n"
	    "  created_at: Opened\n", h, N(h));
	assert_int_equal(row(r, 2), 1);
	assert_string_equal(TXT(IX_ID), "T-1");
	assert_string_equal(TXT(IX_AGENT), "Ann");	/* blanks trimmed */
	assert_int_equal(R.v[IX_CREATED_AT].i, 1790845953);
	assert_false(ISSET(IX_TEAM));
	assert_string_equal(profile_dataset(P) == DS_INTERACTIONS ? "ok" : "",
	    "ok");
	assert_int_equal(profile_ncolumns(P), 3);
	assert_string_equal(profile_column(P, 1), "Agent Name");
}

static void
test_profile_columns_are_joined_with_a_space(void **state)
{
	const char	*h[] = { "id", "day", "at" };
	const char	*r[] = { "1", "2016-02-29", "1:16" };

	(void)state;
	use("dataset: interactions\n"
	    "fields:\n"
	    "  id: {columns: [id, day]}\n"
	    "  created_at: {columns: [day, at], formats: [\"yyyy-mm-dd H:MM\"]}\n",
	    h, N(h));
	assert_int_equal(row(r, 2), 1);
	assert_string_equal(TXT(IX_ID), "1 2016-02-29");
	assert_int_equal(R.v[IX_CREATED_AT].i, 1456708560);
}

static void
test_profile_constant_values_and_line_ids(void **state)
{
	const char	*h[] = { "score" };
	const char	*r[] = { "9" };

	(void)state;
	use("dataset: surveys\n"
	    "fields:\n"
	    "  id: {line: true, prefix: \"nps-\"}\n"
	    "  kind: {value: nps}\n"
	    "  scale_min: {value: 0}\n"
	    "  scale_max: {value: 10}\n"
	    "  score: score\n", h, N(h));
	assert_int_equal(row(r, 17), 1);
	assert_string_equal(TXT(SV_ID), "nps-17");
	assert_string_equal(TXT(SV_KIND), "nps");
	assert_true(R.v[SV_SCALE_MAX].r == 10 && R.v[SV_SCORE].r == 9);
}

static void
test_profile_duration_units(void **state)
{
	const char	*h[] = { "id", "q", "talk", "hold", "wrap" };
	const char	*r[] = { "c", "1.5", "0:02:05", "0.25", "2" };

	(void)state;
	use("dataset: interactions\n"
	    "fields:\n"
	    "  id: id\n"
	    "  queued_s: {column: q, unit: minutes}\n"
	    "  talk_s: {column: talk, unit: \"h:mm:ss\"}\n"
	    "  hold_s: {column: hold, unit: hours}\n"
	    "  wrap_s: wrap\n", h, N(h));
	assert_int_equal(row(r, 2), 1);
	assert_true(R.v[IX_QUEUED_S].r == 90);
	assert_true(R.v[IX_TALK_S].r == 125);
	assert_true(R.v[IX_HOLD_S].r == 900);
	assert_true(R.v[IX_WRAP_S].r == 2);	/* seconds by default */
}

static void
test_profile_time_as_an_offset_from_another_field(void **state)
{
	const char	*h[] = { "id", "created", "frt_min" };
	const char	*r1[] = { "a", "2026-10-01T09:00:00Z", "12.5" };
	const char	*r2[] = { "b", "", "12.5" };
	const char	*r3[] = { "c", "2026-10-01T09:00:00Z", "" };

	(void)state;
	use("dataset: interactions\n"
	    "fields:\n"
	    "  first_reply_at: {column: frt_min, unit: minutes, from: created_at}\n"
	    "  id: id\n"
	    "  created_at: created\n", h, N(h));
	assert_int_equal(row(r1, 2), 1);
	assert_int_equal(R.v[IX_FIRST_REPLY_AT].i,
	    R.v[IX_CREATED_AT].i + 750);	/* computed after, though first */
	assert_int_equal(row(r2, 3), 1);	/* no base: stays missing */
	assert_false(ISSET(IX_FIRST_REPLY_AT));
	assert_int_equal(row(r3, 4), 1);
	assert_false(ISSET(IX_FIRST_REPLY_AT));
}

static const char *const mixed_yaml =
    "dataset: interactions\n"
    "fields:\n"
    "  id: id\n"
    "  created_at: {column: d, formats: [dd-mm-yyyy, mm-dd-yyyy, \"m/d/yyyy\"]}\n";

static void
test_profile_mixed_formats_accept_values_only_one_reads(void **state)
{
	const char	*h[] = { "id", "d" };
	const char	*r1[] = { "a", "25-04-2021" };	/* day 25: dd-mm */
	const char	*r2[] = { "b", "04-25-2021" };	/* mm-dd */
	const char	*r3[] = { "c", "4/3/2021" };
	const char	*r4[] = { "d", "04-04-2021" };	/* both: same day */

	(void)state;
	use(mixed_yaml, h, N(h));
	assert_int_equal(row(r1, 2), 1);
	assert_int_equal(R.v[IX_CREATED_AT].i, 1619308800);
	assert_int_equal(row(r2, 3), 1);
	assert_int_equal(R.v[IX_CREATED_AT].i, 1619308800);
	assert_int_equal(row(r3, 4), 1);
	assert_int_equal(R.v[IX_CREATED_AT].i, 1617408000);
	assert_int_equal(row(r4, 5), 1);
}

static void
test_profile_ambiguous_date_is_a_bad_row_naming_both_readings(void **state)
{
	const char	*h[] = { "id", "d" };
	const char	*r[] = { "a", "03-04-2021" };

	(void)state;
	use(mixed_yaml, h, N(h));
	assert_int_equal(row(r, 7), -1);
	assert_string_equal(E.field, "created_at");
	assert_string_equal(E.msg, "column \"d\": \"03-04-2021\" is ambiguous: "
	    "dd-mm-yyyy reads 2021-04-03 00:00:00, mm-dd-yyyy reads "
	    "2021-03-04 00:00:00");
}

static void
test_profile_date_fitting_no_format_is_a_bad_row(void **state)
{
	const char	*h[] = { "id", "d" };
	const char	*r[] = { "a", "2021-03-04" };

	(void)state;
	use(mixed_yaml, h, N(h));
	assert_int_equal(row(r, 7), -1);
	assert_string_equal(E.field, "created_at");
	assert_string_equal(E.msg, "column \"d\": \"2021-03-04\" fits no date "
	    "format (expected dd-mm-yyyy, mm-dd-yyyy or m/d/yyyy)");
}

static void
test_profile_maps_booleans_statuses_and_null(void **state)
{
	const char	*h[] = { "id", "st", "esc", "who" };
	const char	*r1[] = { "a", "In Progress", "Y", "?" };
	const char	*r2[] = { "b", "resolved", "n", "Bo" };
	const char	*r3[] = { "c", "Parked", "N", "Bo" };

	(void)state;
	use("dataset: interactions\n"
	    "fields:\n"
	    "  id: id\n"
	    "  status: {column: st, map: {Resolved: solved, In Progress: open}}\n"
	    "  escalated: {column: esc, map: {Y: true, N: false}}\n"
	    "  agent: {column: who, map: {\"?\": null}}\n", h, N(h));
	assert_int_equal(row(r1, 2), 1);
	assert_string_equal(TXT(IX_STATUS), "open");
	assert_int_equal(R.v[IX_ESCALATED].i, 1);
	assert_false(ISSET(IX_AGENT));
	assert_int_equal(row(r2, 3), 1);		/* case does not matter */
	assert_string_equal(TXT(IX_STATUS), "solved");
	assert_int_equal(R.v[IX_ESCALATED].i, 0);
	assert_int_equal(row(r3, 4), 1);		/* not in the map: kept */
	assert_string_equal(TXT(IX_STATUS), "Parked");
}

static void
test_profile_map_default_covers_values_not_listed(void **state)
{
	const char	*h[] = { "id", "st" };
	const char	*r1[] = { "a", "deleted" };
	const char	*r2[] = { "b", "open" };

	(void)state;
	use("dataset: interactions\n"
	    "fields:\n"
	    "  id: id\n"
	    "  excluded: {column: st, map: {deleted: true}, default: false}\n",
	    h, N(h));
	assert_int_equal(row(r1, 2), 1);
	assert_int_equal(R.v[IX_EXCLUDED].i, 1);
	assert_int_equal(row(r2, 3), 1);
	assert_true(ISSET(IX_EXCLUDED) && R.v[IX_EXCLUDED].i == 0);
}

static void
test_profile_missing_markers_global_and_per_field(void **state)
{
	const char	*h[] = { "id", "team", "day", "at" };
	const char	*r1[] = { "a", "N/A", "2010-08-01", "0:00:00" };
	const char	*r2[] = { "b", "", "2010-08-01", "10:00:30" };

	(void)state;
	use("dataset: interactions\n"
	    "missing: [\"?\", n/a]\n"
	    "fields:\n"
	    "  id: id\n"
	    "  team: team\n"
	    "  first_reply_at:\n"
	    "    columns: [day, at]\n"
	    "    formats: [\"yyyy-mm-dd H:MM:SS\"]\n"
	    "    missing: [\"0:00:00\"]\n", h, N(h));
	assert_int_equal(row(r1, 2), 1);
	assert_false(ISSET(IX_TEAM));
	assert_false(ISSET(IX_FIRST_REPLY_AT));
	assert_int_equal(row(r2, 3), 1);
	assert_false(ISSET(IX_TEAM));		/* empty is always missing */
	assert_int_equal(R.v[IX_FIRST_REPLY_AT].i, 1280656830);
}

static void
test_profile_when_conditions_decide_whether_a_field_is_set(void **state)
{
	const char	*h[] = { "id", "outcome", "q", "talk", "note" };
	const char	*r1[] = { "a", "HANG", "12", "0", "x" };
	const char	*r2[] = { "b", "HANG", "0", "0", "" };
	const char	*r3[] = { "c", "AGENT", "0", "95", "x" };

	(void)state;
	use("dataset: interactions\n"
	    "fields:\n"
	    "  id: id\n"
	    "  abandoned:\n"
	    "    column: outcome\n"
	    "    map: {HANG: true, AGENT: false}\n"
	    "    when: [{column: outcome, equals: HANG}, {column: q, greater-than: 0}]\n"
	    "  talk_s: {column: talk, when: {column: outcome, in: [AGENT, CALLBACK]}}\n"
	    "  channel: {value: phone, when: {column: note, present: true}}\n"
	    "  category: {column: outcome, when: {column: outcome, not-in: [AGENT]}}\n"
	    "  answered:\n"
	    "    column: outcome\n"
	    "    map: {AGENT: true, HANG: false}\n"
	    "    when: {any: [{column: outcome, equals: AGENT}, {column: q, less-than: 1}]}\n",
	    h, N(h));
	assert_int_equal(row(r1, 2), 1);
	assert_int_equal(R.v[IX_ABANDONED].i, 1);
	assert_false(ISSET(IX_TALK_S));
	assert_string_equal(TXT(IX_CATEGORY), "HANG");
	assert_false(ISSET(IX_ANSWERED));
	assert_string_equal(TXT(IX_CHANNEL), "phone");
	assert_int_equal(row(r2, 3), 1);	/* an IVR hang-up: no abandon */
	assert_false(ISSET(IX_ABANDONED));
	assert_false(ISSET(IX_CHANNEL));	/* no note: the constant is not set */
	assert_true(ISSET(IX_ANSWERED) && R.v[IX_ANSWERED].i == 0);
	assert_int_equal(row(r3, 4), 1);
	assert_false(ISSET(IX_ABANDONED));
	assert_true(R.v[IX_TALK_S].r == 95);
	assert_false(ISSET(IX_CATEGORY));
	assert_int_equal(R.v[IX_ANSWERED].i, 1);
}

static void
test_profile_where_skips_rows_that_do_not_match(void **state)
{
	const char	*h[] = { "id", "answered", "rating" };
	const char	*r1[] = { "a", "Y", "4" };
	const char	*r2[] = { "b", "N", "" };

	(void)state;
	use("dataset: surveys\n"
	    "where: {column: answered, equals: Y}\n"
	    "fields:\n"
	    "  id: id\n"
	    "  kind: {value: csat}\n"
	    "  scale_min: {value: 1}\n"
	    "  scale_max: {value: 5}\n"
	    "  score: rating\n", h, N(h));
	assert_int_equal(row(r1, 2), 1);
	assert_int_equal(row(r2, 3), 0);
}

static void
test_profile_bad_values_name_field_column_and_value(void **state)
{
	const char	*h[] = { "id", "resolution_hours", "n", "esc", "q" };
	const char	*r1[] = { "a", "-3", "1", "no", "1" };
	const char	*r2[] = { "a", "2", "1.5", "no", "1" };
	const char	*r3[] = { "a", "2", "1", "maybe", "1" };
	const char	*r4[] = { "a", "two", "1", "no", "1" };
	const char	*r5[] = { "a", "2", "3.0", "no", "lots" };

	(void)state;
	use("dataset: interactions\n"
	    "fields:\n"
	    "  id: id\n"
	    "  talk_s: {column: resolution_hours, unit: hours}\n"
	    "  reopen_count: n\n"
	    "  escalated: esc\n"
	    "  channel: {value: chat, when: {column: q, greater-than: 0}}\n",
	    h, N(h));
	assert_int_equal(row(r1, 2), -1);
	assert_string_equal(E.field, "talk_s");
	assert_string_equal(E.msg, "column \"resolution_hours\": \"-3\" is "
	    "negative");
	assert_int_equal(row(r2, 2), -1);
	assert_string_equal(E.field, "reopen_count");
	assert_string_equal(E.msg, "column \"n\": \"1.5\" is not a whole "
	    "number");
	assert_int_equal(row(r3, 2), -1);
	assert_string_equal(E.field, "escalated");
	assert_string_equal(E.msg, "column \"esc\": \"maybe\" is not a boolean "
	    "(expected true/false, yes/no, y/n or 1/0)");
	assert_int_equal(row(r4, 2), -1);
	assert_string_equal(E.field, "talk_s");
	assert_string_equal(E.msg, "column \"resolution_hours\": \"two\" is not "
	    "a number of hours");
	assert_int_equal(row(r5, 2), -1);
	assert_string_equal(E.field, "channel");
	assert_string_equal(E.msg, "column \"q\": \"lots\" is not a number "
	    "(compared in a condition)");
}

static void
test_profile_validation_failures_name_the_source_column(void **state)
{
	const char	*h[] = { "id", "c", "r", "s" };
	const char	*r1[] = { "a", "2026-10-01T10:00:00Z",
	    "2026-10-01T09:00:00Z", "4" };
	const char	*r2[] = { "a", "2026-10-01T10:00:00Z",
	    "2026-10-01T11:00:00Z", "7" };

	(void)state;
	use("dataset: surveys\n"
	    "fields:\n"
	    "  id: id\n"
	    "  kind: {value: csat}\n"
	    "  scale_min: {value: 1}\n"
	    "  scale_max: {value: 5}\n"
	    "  sent_at: c\n"
	    "  responded_at: r\n"
	    "  score: s\n", h, N(h));
	assert_int_equal(row(r1, 2), -1);
	assert_string_equal(E.field, "responded_at");
	assert_string_equal(E.msg, "comes before sent_at (a negative duration) "
	    "(column \"r\": \"2026-10-01T09:00:00Z\")");
	assert_int_equal(row(r2, 3), -1);
	assert_string_equal(E.field, "score");
	assert_string_equal(E.msg, "7 is outside the scale 1..5 (column \"s\": "
	    "\"7\")");
}

static void
test_profile_counts_read_from_whole_decimals(void **state)
{
	const char	*h[] = { "id", "n" };
	const char	*r[] = { "a", " 3.0 " };

	(void)state;
	use("dataset: interactions\nfields: {id: id, agent_replies: n}\n",
	    h, N(h));
	assert_int_equal(row(r, 2), 1);
	assert_int_equal(R.v[IX_AGENT_REPLIES].i, 3);
}

static void
test_profile_timezone_offset_applies_to_naive_times(void **state)
{
	const char	*h[] = { "id", "t" };
	const char	*r[] = { "a", "2026-10-01 09:12:33" };

	(void)state;
	use("dataset: interactions\ntimezone: \"+02:00\"\n"
	    "fields: {id: id, created_at: t}\n", h, N(h));
	assert_int_equal(row(r, 2), 1);
	assert_int_equal(R.v[IX_CREATED_AT].i, 1790838753);
}

static void
test_profile_yaml_errors_give_line_column_and_what(void **state)
{
	static const struct { const char *yaml, *msg; } cases[] = {
		{ "dataset: interactions\nfields:\n  id: {colum: id}\n",
		  "t.yaml:3:8: fields.id: unknown key \"colum\" (expected one "
		  "of: column, columns, value, line, prefix, unit, from, "
		  "formats, map, default, missing, when, optional)" },
		{ "dataset: interactions\nfeilds: {}\n",
		  "t.yaml:2:1: profile: unknown key \"feilds\" (expected one "
		  "of: name, description, dataset, reader, format, delimiter, "
		  "timezone, optional, missing, where, fields)" },
		{ "dataset: tickets\nfields: {}\n",
		  "t.yaml:1:10: dataset: expected one of interactions, surveys, "
		  "qa_reviews, training, kb_audits, customers, agents, got "
		  "\"tickets\"" },
		{ "dataset: customers\nfields:\n  churn: x\n",
		  "t.yaml:3:3: fields: unknown field \"churn\" of customers "
		  "(expected one of: id, started_at, churned_at, churned, "
		  "team)" },
		{ "dataset: interactions\nfields:\n  talk_s: {column: t, "
		  "unit: fortnights}\n",
		  "t.yaml:3:29: fields.talk_s.unit: expected seconds, minutes, "
		  "hours, days or h:mm:ss, got \"fortnights\"" },
		{ "dataset: interactions\nfields:\n  created_at: {column: t, "
		  "formats: [\"dd.mm.yyyy hh\"]}\n",
		  "t.yaml:3:37: fields.created_at.formats: date format "
		  "\"dd.mm.yyyy hh\": unknown token at \"hh\" (expected yyyy, "
		  "yy, mm, m, dd, d, HH, H, MM, SS, .fraction, Z, or the names "
		  "iso8601, epoch)" },
		{ "dataset: interactions\nfields:\n  escalated: {column: e, "
		  "map: {Y: maybe}}\n",
		  "t.yaml:3:35: fields.escalated.map: \"maybe\" is not a boolean "
		  "(expected true/false, yes/no, y/n or 1/0)" },
		{ "dataset: interactions\nfields:\n  id: a\n  id: b\n",
		  "t.yaml:4:3: fields: field \"id\" is given twice" },
		{ "dataset: interactions\nfields:\n  first_reply_at: {column: "
		  "f, from: created_at}\n",
		  "t.yaml:3:3: fields.first_reply_at.from: created_at must "
		  "itself be mapped, and not as an offset" },
		{ "dataset: interactions\nfields:\n  id: {column: a, value: b}\n",
		  "t.yaml:3:7: fields.id: expected exactly one of column, "
		  "columns, value or line" },
		{ "dataset: interactions\nwhere: {column: a}\nfields: {}\n",
		  "t.yaml:2:8: where: expected one test of present, equals, in, "
		  "not-in, greater-than, less-than or any" },
		{ "dataset: interactions\ntimezone: Europe/Paris\nfields: {}\n",
		  "t.yaml:2:11: timezone: expected a time zone UTC or an offset "
		  "like +02:00, got \"Europe/Paris\" (leave it out for the "
		  "workspace's zone)" },
		{ "dataset: [interactions\n", NULL },
	};

	(void)state;
	for (int i = 0; i < N(cases); i++) {
		assert_int_equal(parse_text(cases[i].yaml), ERR_INVAL);
		if (cases[i].msg != NULL)
			assert_string_equal(E.msg, cases[i].msg);
		else
			assert_non_null(strstr(E.msg, "t.yaml:"));
	}
}

static int
lookup_lower(void *ctx, const char *name)
{
	(void)ctx;
	return strcmp(name, "agent name") == 0 ? 0 :
	    strcmp(name, "id") == 0 ? 1 : -1;
}

static void
test_profile_bind_names_a_missing_column_and_suggests_a_close_one(void **state)
{
	const char	*h[] = { "id", "agent_name " };
	const char	*yaml = "dataset: interactions\n"
	    "fields: {id: id, agent: Agent Name}\n";

	(void)state;
	assert_int_equal(parse_text(yaml), ERR_OK);
	assert_int_equal(profile_bind_header(P, h, N(h), &E), ERR_INVAL);
	assert_string_equal(E.field, "agent");
	assert_string_equal(E.msg, "column \"Agent Name\" is not in the file "
	    "(did you mean \"agent_name \"?)");
	assert_int_equal(profile_bind(P, lookup_lower, NULL, &E), ERR_INVAL);
	assert_string_equal(E.msg, "column \"Agent Name\" is not in the file "
	    "(did you mean \"agent name\"?)");
	h[1] = "owner";
	assert_int_equal(profile_bind_header(P, h, N(h), &E), ERR_INVAL);
	assert_string_equal(E.msg, "column \"Agent Name\" is not in the file");
}

static void
test_profile_optional_column_absent_leaves_field_missing(void **state)
{
	const char	*h[] = { "id" };
	const char	*r[] = { "a" };

	(void)state;
	use("dataset: interactions\n"
	    "fields: {id: id, sla_due_at: {column: due, optional: true}}\n",
	    h, N(h));
	assert_int_equal(row(r, 2), 1);
	assert_false(ISSET(IX_SLA_DUE_AT));
}

static void
test_profile_load_names_the_profile_after_its_file(void **state)
{
	char	 path[] = "/tmp/okrdesk-acme-XXXXXX";
	int	 fd;
	const char *y = "dataset: agents\nformat: csv\ndelimiter: tab\n"
	    "fields: {id: id}\n";

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(write(fd, y, strlen(y)), (ssize_t)strlen(y));
	close(fd);
	assert_int_equal(profile_load(&A, path, &P, &E), ERR_OK);
	unlink(path);
	assert_string_equal(profile_name(P), path + 5);	/* no dot: whole */
	assert_string_equal(profile_format(P), "csv");
	assert_int_equal(profile_delim(P), '\t');
	assert_int_equal(profile_load(&A, path, &P, &E), ERR_IO);
	assert_non_null(strstr(E.msg, path));
}

static void
test_profile_builtin_unknown_name_lists_the_names(void **state)
{
	(void)state;
	assert_int_equal(profile_builtin(&A, "acme", &P, &E), ERR_NOTFOUND);
	assert_non_null(strstr(E.msg, "no built-in profile \"acme\" (expected "
	    "one of: okrdesk-interactions, okrdesk-surveys"));
	assert_non_null(strstr(E.msg, "pwc-calls"));
}

static void
test_profile_every_builtin_parses_for_its_dataset(void **state)
{
	const struct profile_info	*i;

	(void)state;
	for (i = profile_builtins; i->name != NULL; i++) {
		if (profile_builtin(&A, i->name, &P, &E) != ERR_OK)
			fail_msg("%s: %s", i->name, E.msg);
		assert_string_equal(profile_name(P), i->name);
		assert_string_equal(ds_info[profile_dataset(P)].name,
		    i->dataset);
		assert_non_null(i->summary);
	}
}

static void
test_profile_native_profiles_read_every_field_by_its_name(void **state)
{
	const char	*h[DS_FIELDS_MAX];

	(void)state;
	for (int d = 0; d < DS__MAX; d++) {
		const struct ds_info *di = &ds_info[d];

		assert_int_equal(profile_builtin(&A, profile_default(d), &P,
		    &E), ERR_OK);
		assert_int_equal(profile_dataset(P), d);
		assert_int_equal(profile_ncolumns(P), di->nfields);
		for (int f = 0; f < di->nfields; f++) {
			h[f] = di->fields[f].name;
			assert_string_equal(profile_column(P, (size_t)f),
			    di->fields[f].name);
		}
		/* only the required columns are needed */
		assert_int_equal(profile_bind_header(P, h, 1, &E),
		    d == DS_SURVEYS || d == DS_QA_REVIEWS || d == DS_TRAINING ||
		    d == DS_KB_AUDITS ? ERR_INVAL : ERR_OK);
	}
}

static void
test_profile_native_interactions_row(void **state)
{
	const char	*h[] = { "id", "created_at", "first_reply_at",
	    "escalated", "talk_s", "agent_replies" };
	const char	*r[] = { "i-1", "2026-10-01T09:12:33+02:00",
	    "2026-10-01T09:12:33Z", "true", "42.5", "2" };

	(void)state;
	use("okrdesk-interactions", h, N(h));
	assert_int_equal(row(r, 2), 1);
	assert_int_equal(R.v[IX_CREATED_AT].i, 1790838753);
	assert_int_equal(R.v[IX_FIRST_REPLY_AT].i, 1790845953);
	assert_int_equal(R.v[IX_ESCALATED].i, 1);
	assert_true(R.v[IX_TALK_S].r == 42.5);
	assert_int_equal(R.v[IX_AGENT_REPLIES].i, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(t)	cmocka_unit_test_teardown(t, teardown)
		T(test_profile_short_and_long_forms_map_columns),
		T(test_profile_columns_are_joined_with_a_space),
		T(test_profile_constant_values_and_line_ids),
		T(test_profile_duration_units),
		T(test_profile_time_as_an_offset_from_another_field),
		T(test_profile_mixed_formats_accept_values_only_one_reads),
		T(test_profile_ambiguous_date_is_a_bad_row_naming_both_readings),
		T(test_profile_date_fitting_no_format_is_a_bad_row),
		T(test_profile_maps_booleans_statuses_and_null),
		T(test_profile_map_default_covers_values_not_listed),
		T(test_profile_missing_markers_global_and_per_field),
		T(test_profile_when_conditions_decide_whether_a_field_is_set),
		T(test_profile_where_skips_rows_that_do_not_match),
		T(test_profile_bad_values_name_field_column_and_value),
		T(test_profile_validation_failures_name_the_source_column),
		T(test_profile_counts_read_from_whole_decimals),
		T(test_profile_timezone_offset_applies_to_naive_times),
		T(test_profile_yaml_errors_give_line_column_and_what),
		T(test_profile_bind_names_a_missing_column_and_suggests_a_close_one),
		T(test_profile_optional_column_absent_leaves_field_missing),
		T(test_profile_load_names_the_profile_after_its_file),
		T(test_profile_builtin_unknown_name_lists_the_names),
		T(test_profile_every_builtin_parses_for_its_dataset),
		T(test_profile_native_profiles_read_every_field_by_its_name),
		T(test_profile_native_interactions_row),
#undef T
	};

	if (clock_zone_set("UTC", NULL) != ERR_OK)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
