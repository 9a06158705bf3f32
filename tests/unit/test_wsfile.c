/*
 * test_wsfile.c: the workspace file (okr/wsfile.h, docs/workspace-file.md)
 * as cmocka specifications.
 *
 * Each test gets a fresh, empty workspace ("Test", time zone UTC) in its
 * own temporary directory, with the clock fixed by OKRDESK_NOW.  Files are
 * written there as okr.yaml and applied inside one transaction, committed
 * on success and rolled back on error, as the CLI does.  The example file
 * below is written by hand from the format documentation, never from an
 * export.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "okr/okr.h"
#include "okr/wsfile.h"
#include "db_test.h"

#define NOW_TEXT	"2026-10-15T12:00:00Z"

/*
 * A small support org: three teams, two people, one cycle, and two
 * objectives, the first aligned to the second (defined later in the file)
 * and to one of its key results; key results of every kind.  Lines are
 * numbered in the comments the error tests rely on.
 */
static const char example[] =
    "workspace:\n"				/* 1 */
    "  name: Acme Support\n"
    "  timezone: UTC\n"
    "  grace_days: 4\n"
    "teams:\n"					/* 5 */
    "  - name: Acme\n"
    "    description: \"the company: all of it\"\n"
    "  - name: Support\n"
    "    parent: Acme\n"
    "  - name: Tier 1\n"			/* 10 */
    "    parent: Support\n"
    "people:\n"
    "  - name: Ana Pop\n"
    "    team: Tier 1\n"
    "    email: ana@example.com\n"		/* 15 */
    "  - name: Dan Ionescu\n"
    "    team: Support\n"
    "    role: lead\n"
    "cycles:\n"
    "  - name: 2026-Q4\n"			/* 20 */
    "    start: 2026-10-01\n"
    "    end: 2026-12-31\n"
    "objectives:\n"
    "  - key: nps-70\n"
    "    title: Customers recommend us\n"	/* 25 */
    "    cycle: 2026-Q4\n"
    "    team: Support\n"
    "    aligns: [loyal, loyal/churn]\n"
    "    description: |\n"
    "      Two lines\n"				/* 30 */
    "      of text\n"
    "    key_results:\n"
    "      - key: nps\n"
    "        title: NPS of 70 or more\n"
    "        kind: increase\n"			/* 35 */
    "        unit: points\n"
    "        baseline: 52\n"
    "        target: 70\n"
    "      - key: frt\n"
    "        title: First response within the hour\n"	/* 40 */
    "        kind: decrease\n"
    "        unit: h\n"
    "        baseline: 5.9\n"
    "        target: 1\n"
    "        owner: Ana Pop\n"			/* 45 */
    "      - key: sla\n"
    "        title: SLA kept\n"
    "        kind: band\n"
    "        low: 90\n"
    "        high: ~\n"				/* 50 */
    "      - key: kb\n"
    "        title: 'yes'\n"
    "        kind: boolean\n"
    "        weight: 0.5\n"
    "      - key: qa\n"				/* 55 */
    "        title: QA program\n"
    "        kind: milestones\n"
    "        milestones:\n"
    "          - title: Rubric\n"
    "            weight: 2\n"			/* 60 */
    "          - title: \"Calibration: done\"\n"
    "  - key: loyal\n"
    "    title: Loyal customers\n"
    "    cycle: 2026-Q4\n"
    "    team: Acme\n"				/* 65 */
    "    kind: aspirational\n"
    "    key_results:\n"
    "      - key: churn\n"
    "        title: Churn below 2%\n"
    "        baseline: 3\n"			/* 70 */
    "        target: 2\n";

struct fx {
	char		 dir[64];
	char		 db[160];
	char		 file[96];
	struct okr	*o;
	struct arena	 a;
	struct err	 e;
};

#define assert_ok(f, expr) do {						\
	enum err_code rc_ = (expr);					\
	if (rc_ != ERR_OK) {						\
		print_error("%s: %s: %s\n", #expr, err_code_name(rc_),	\
		    (f)->e.msg);					\
		fail();							\
	}								\
} while (0)

static int
fx_open(struct fx *f, const char *name)
{
	struct workspace	 ws;

	snprintf(f->dir, sizeof(f->dir), "/tmp/test_wsfile.XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	test_db_uri(f->db, sizeof(f->db), f->dir, "okr");
	snprintf(f->file, sizeof(f->file), "%s/okr.yaml", f->dir);
	workspace_defaults(&ws);
	ws.name = (char *)name;
	ws.timezone = (char *)"UTC";
	if (okr_create(f->db, &ws, "tester", &f->o, &f->e) != ERR_OK) {
		print_error("setup: %s\n", f->e.msg);
		return -1;
	}
	return 0;
}

static void
fx_close(struct fx *f)
{
	okr_close(f->o);
	unlink(f->file);
	test_db_remove(f->db);
	rmdir(f->dir);
	arena_release(&f->a);
	free(f);
}

static int
setup(void **state)
{
	struct fx	*f;

	setenv("OKRDESK_NOW", NOW_TEXT, 1);
	setenv("TZ", "UTC", 1);
	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	*state = f;
	return fx_open(f, "Test");
}

static int
teardown(void **state)
{
	fx_close(*state);
	return 0;
}

/* Write text as the fixture's okr.yaml, apply it in one transaction. */
static enum err_code
apply(struct fx *f, const char *text, struct wsfile_stats *st)
{
	FILE		*fp;
	enum err_code	 rc;

	if ((fp = fopen(f->file, "w")) == NULL || fputs(text, fp) == EOF ||
	    fclose(fp) != 0)
		return err_set(&f->e, ERR_IO, "cannot write %s", f->file);
	if ((rc = okr_begin(f->o, &f->e)) != ERR_OK)
		return rc;
	if ((rc = wsfile_apply(f->o, f->file, NULL, st, &f->e)) != ERR_OK) {
		okr_rollback(f->o);
		return rc;
	}
	return okr_commit(f->o, &f->e);
}

static char *
export(struct fx *f)
{
	struct buf	 b = BUF_INIT;

	assert_ok(f, wsfile_export(f->o, &b, &f->e));
	return buf_detach(&b);
}

static size_t
hist_count(struct fx *f)
{
	struct history_entry	*h;
	size_t			 n;

	assert_ok(f, history_list(f->o, NULL, NULL, 0, &f->a, &h, &n,
	    &f->e));
	return n;
}

static size_t
total(const struct wsfile_stats *st, int which)
{
	size_t	 c, u, n;

	wsfile_stats_total(st, &c, &u, &n);
	return which == 'c' ? c : which == 'u' ? u : n;
}

/* Applying text fails with ERR_INVAL, the message holding frag. */
#define assert_apply_fails(f, text, frag) \
	check_fails((f), (text), (frag), __FILE__, __LINE__)

static void
check_fails(struct fx *f, const char *text, const char *frag,
    const char *file, int line)
{
	enum err_code	 rc;

	rc = apply(f, text, NULL);
	if (rc != ERR_INVAL || strstr(f->e.msg, frag) == NULL) {
		print_error("got %s: %s\nwant INVAL with: %s\n",
		    err_code_name(rc), rc == ERR_OK ? "(ok)" : f->e.msg, frag);
		_fail(file, line);
	}
}

static void
test_apply_example_creates_every_entity(void **state)
{
	struct fx		*f = *state;
	struct wsfile_stats	 st;
	struct team		 t;
	struct person		 p;
	struct cycle		 c;
	struct objective	 ob;
	struct kr		 k;

	assert_ok(f, apply(f, example, &st));
	assert_int_equal(st.updated[WSFILE_WORKSPACE], 1);
	assert_int_equal(st.created[WSFILE_TEAM], 3);
	assert_int_equal(st.created[WSFILE_PERSON], 2);
	assert_int_equal(st.created[WSFILE_CYCLE], 1);
	assert_int_equal(st.created[WSFILE_OBJECTIVE], 2);
	assert_int_equal(st.created[WSFILE_KR], 6);
	assert_int_equal(total(&st, 'u'), 1);
	assert_int_equal(total(&st, 'n'), 0);

	assert_string_equal(f->o->ws.name, "Acme Support");
	assert_int_equal(f->o->ws.cadence_days, 7);	/* the default */
	assert_int_equal(f->o->ws.grace_days, 4);
	assert_ok(f, team_get(f->o, "Tier 1", &f->a, &t, &f->e));
	assert_string_equal(t.parent, "Support");
	assert_ok(f, team_get(f->o, "Acme", &f->a, &t, &f->e));
	assert_null(t.parent);
	assert_string_equal(t.description, "the company: all of it");
	assert_ok(f, person_get(f->o, "Ana Pop", &f->a, &p, &f->e));
	assert_string_equal(p.team, "Tier 1");
	assert_string_equal(p.role, "agent");		/* the default */
	assert_string_equal(p.email, "ana@example.com");
	assert_ok(f, cycle_get(f->o, "2026-Q4", &f->a, &c, &f->e));
	assert_string_equal(c.start, "2026-10-01");
	assert_string_equal(c.end, "2026-12-31");
	assert_int_equal(c.state, CYCLE_ACTIVE);

	assert_ok(f, objective_get(f->o, "nps-70", &f->a, &ob, &f->e));
	assert_string_equal(ob.team, "Support");
	assert_null(ob.person);
	assert_int_equal(ob.kind, OBJ_COMMITTED);
	assert_string_equal(ob.description, "Two lines\nof text\n");
	assert_int_equal(ob.naligns, 2);
	assert_string_equal(ob.aligns[0], "loyal");
	assert_string_equal(ob.aligns[1], "loyal/churn");
	assert_ok(f, objective_get(f->o, "loyal", &f->a, &ob, &f->e));
	assert_int_equal(ob.kind, OBJ_ASPIRATIONAL);
	assert_int_equal(ob.naligns, 0);

	assert_ok(f, kr_get(f->o, "nps-70/frt", &f->a, &k, &f->e));
	assert_int_equal(k.kind, KR_DECREASE);
	assert_true(k.baseline == 5.9);
	assert_true(k.target == 1);
	assert_string_equal(k.owner, "Ana Pop");
	assert_ok(f, kr_get(f->o, "nps-70/sla", &f->a, &k, &f->e));
	assert_int_equal(k.kind, KR_BAND);
	assert_true(k.low == 90);
	assert_true(isnan(k.high));
	assert_ok(f, kr_get(f->o, "nps-70/kb", &f->a, &k, &f->e));
	assert_string_equal(k.title, "yes");
	assert_true(k.weight == 0.5);
	assert_ok(f, kr_get(f->o, "nps-70/qa", &f->a, &k, &f->e));
	assert_int_equal(k.nms, 2);
	assert_string_equal(k.ms[0].title, "Rubric");
	assert_true(k.ms[0].weight == 2);
	assert_string_equal(k.ms[1].title, "Calibration: done");
	assert_true(k.ms[1].weight == 1);
	/* no kind: inferred by kr_add from target below baseline */
	assert_ok(f, kr_get(f->o, "loyal/churn", &f->a, &k, &f->e));
	assert_int_equal(k.kind, KR_DECREASE);
}

static void
test_apply_twice_changes_nothing_the_second_time(void **state)
{
	struct fx		*f = *state;
	struct wsfile_stats	 st;
	size_t			 rows;

	assert_ok(f, apply(f, example, &st));
	rows = hist_count(f);
	assert_ok(f, apply(f, example, &st));
	assert_int_equal(total(&st, 'c'), 0);
	assert_int_equal(total(&st, 'u'), 0);
	assert_int_equal(total(&st, 'n'), 15);
	assert_int_equal(hist_count(f), rows);
}

static void
test_apply_changed_value_updates_that_entity_only(void **state)
{
	struct fx		*f = *state;
	struct wsfile_stats	 st;
	char			*text, *at;
	size_t			 rows;
	struct kr		 k;

	assert_ok(f, apply(f, example, &st));
	rows = hist_count(f);
	text = strdup(example);
	assert_non_null(text);
	at = strstr(text, "target: 70");
	assert_non_null(at);
	memcpy(at, "target: 75", 10);
	assert_ok(f, apply(f, text, &st));
	free(text);
	assert_int_equal(total(&st, 'c'), 0);
	assert_int_equal(total(&st, 'u'), 1);
	assert_int_equal(st.updated[WSFILE_KR], 1);
	assert_int_equal(hist_count(f), rows + 1);
	assert_ok(f, kr_get(f->o, "nps-70/nps", &f->a, &k, &f->e));
	assert_true(k.target == 75);
}

static void
test_apply_absent_field_takes_its_default(void **state)
{
	struct fx		*f = *state;
	struct wsfile_stats	 st;
	struct person		 p;
	struct team		 t;

	assert_ok(f, apply(f, "teams:\n  - name: A\n    description: x\n"
	    "people:\n  - name: P\n    team: A\n    role: lead\n", &st));
	assert_ok(f, apply(f, "teams:\n  - name: A\n"
	    "people:\n  - name: P\n", &st));
	assert_int_equal(st.updated[WSFILE_TEAM], 1);
	assert_int_equal(st.updated[WSFILE_PERSON], 1);
	assert_ok(f, person_get(f->o, "P", &f->a, &p, &f->e));
	assert_string_equal(p.role, "agent");
	assert_null(p.team);
	assert_ok(f, team_get(f->o, "A", &f->a, &t, &f->e));
	assert_null(t.description);
}

static void
test_apply_null_clears_an_optional_field(void **state)
{
	struct fx	*f = *state;
	struct team	 t;

	assert_ok(f, apply(f, "teams:\n  - name: A\n    description: x\n",
	    NULL));
	assert_ok(f, apply(f, "teams:\n  - name: A\n    description: ~\n",
	    NULL));
	assert_ok(f, team_get(f->o, "A", &f->a, &t, &f->e));
	assert_null(t.description);
	/* a quoted "~" is text, not null */
	assert_ok(f, apply(f, "teams:\n  - name: A\n    description: '~'\n",
	    NULL));
	assert_ok(f, team_get(f->o, "A", &f->a, &t, &f->e));
	assert_string_equal(t.description, "~");
}

static void
test_apply_never_deletes_what_the_file_omits(void **state)
{
	struct fx		*f = *state;
	struct wsfile_stats	 st;
	struct team		 t;
	struct objective	 ob;

	assert_ok(f, apply(f, example, &st));
	assert_ok(f, apply(f, "teams:\n  - name: Acme\n    description: "
	    "\"the company: all of it\"\n", &st));
	assert_int_equal(total(&st, 'n'), 1);
	assert_ok(f, team_get(f->o, "Tier 1", &f->a, &t, &f->e));
	assert_ok(f, objective_get(f->o, "loyal", &f->a, &ob, &f->e));
}

static void
test_apply_reads_an_open_stream(void **state)
{
	struct fx		*f = *state;
	struct wsfile_stats	 st;
	struct team		 t;
	FILE			*fp;

	fp = fopen(f->file, "w+");
	assert_non_null(fp);
	fputs("teams:\n  - name: From stdin\n", fp);
	rewind(fp);
	assert_ok(f, okr_begin(f->o, &f->e));
	assert_ok(f, wsfile_apply(f->o, "stdin", fp, &st, &f->e));
	assert_ok(f, okr_commit(f->o, &f->e));
	fclose(fp);
	assert_int_equal(st.created[WSFILE_TEAM], 1);
	assert_ok(f, team_get(f->o, "From stdin", &f->a, &t, &f->e));
}

static void
test_apply_empty_file_defines_nothing(void **state)
{
	struct fx		*f = *state;
	struct wsfile_stats	 st;

	assert_ok(f, apply(f, "# nothing yet\n", &st));
	assert_int_equal(total(&st, 'c') + total(&st, 'u') + total(&st, 'n'),
	    0);
}

static void
test_export_apply_export_is_a_fixed_point(void **state)
{
	struct fx		*f = *state, *g;
	struct wsfile_stats	 st;
	char			*one, *two;

	assert_ok(f, apply(f, example, NULL));
	one = export(f);
	/* into an empty workspace: everything is created, same text out */
	g = calloc(1, sizeof(*g));
	assert_non_null(g);
	assert_int_equal(fx_open(g, "Other"), 0);
	assert_ok(g, apply(g, one, &st));
	assert_int_equal(total(&st, 'c'), 14);
	two = export(g);
	assert_string_equal(one, two);
	free(two);
	fx_close(g);
	/* onto the workspace it came from: nothing changes */
	assert_ok(f, apply(f, one, &st));
	assert_int_equal(total(&st, 'c') + total(&st, 'u'), 0);
	two = export(f);
	assert_string_equal(one, two);
	free(one);
	free(two);
}

static void
test_export_writes_values_as_typed(void **state)
{
	struct fx	*f = *state;
	char		*text;

	assert_ok(f, apply(f, example, NULL));
	text = export(f);
	assert_non_null(strstr(text, "\n    baseline: 5.9\n"));
	assert_non_null(strstr(text, "\n    weight: 0.5\n"));
	assert_non_null(strstr(text, "\n  aligns: [loyal, loyal/churn]\n"));
	/* text another YAML reader would take for a boolean is quoted */
	assert_non_null(strstr(text, "\n    title: 'yes'\n"));
	assert_non_null(strstr(text, "\n  description: |\n    Two lines\n"
	    "    of text\n"));
	/* unset optional fields are left out */
	assert_null(strstr(text, "high"));
	assert_null(strstr(text, "grade"));
	/* parents first */
	assert_true(strstr(text, "name: Acme\n") <
	    strstr(text, "name: Support\n"));
	free(text);
}

static void
test_export_writes_parents_first_after_a_move(void **state)
{
	struct fx	*f = *state;
	char		*text;

	/* B is created first, then moved under A, created later */
	assert_ok(f, apply(f, "teams:\n  - name: B\n  - name: A\n", NULL));
	assert_ok(f, apply(f, "teams:\n  - name: A\n  - name: B\n"
	    "    parent: A\n", NULL));
	text = export(f);
	assert_non_null(strstr(text, "teams:\n- name: A\n- name: B\n"
	    "  parent: A\n"));
	free(text);
}

static void
test_apply_unknown_key_is_rejected_with_its_line(void **state)
{
	assert_apply_fails(*state, "teams:\n  - name: A\n  - name: B\n"
	    "    colour: red\n", "okr.yaml:4:5: teams[1]: unknown key "
	    "\"colour\" (expected one of: name, parent, description, lead, "
	    "cadence_days, grace_days, checkin_day)");
}

static void
test_apply_list_where_a_value_is_expected_is_rejected(void **state)
{
	assert_apply_fails(*state, "teams:\n  - name: [A, B]\n",
	    "okr.yaml:2:11: teams[0].name: expected a single value, got a "
	    "list");
}

static void
test_apply_mapping_where_a_list_is_expected_is_rejected(void **state)
{
	assert_apply_fails(*state, "teams:\n  name: A\n",
	    "okr.yaml:2:3: teams: expected a list, got a mapping");
}

static void
test_apply_bad_number_is_rejected_with_its_path(void **state)
{
	struct fx	*f = *state;
	char		*text, *at;

	text = strdup(example);
	assert_non_null(text);
	at = strstr(text, "baseline: 52");
	assert_non_null(at);
	memcpy(at, "baseline: xy", 12);
	assert_apply_fails(f, text, "okr.yaml:37:19: objectives[0]."
	    "key_results[0].baseline: expected a number, got \"xy\"");
	free(text);
}

static void
test_apply_bad_date_is_rejected(void **state)
{
	assert_apply_fails(*state, "cycles:\n  - name: Q\n"
	    "    start: 2026-02-30\n    end: 2026-03-31\n",
	    "okr.yaml:3:12: cycles[0].start: expected a date YYYY-MM-DD, got "
	    "\"2026-02-30\"");
}

static void
test_apply_missing_identity_is_rejected(void **state)
{
	assert_apply_fails(*state, "teams:\n  - name: A\n"
	    "  - description: no name\n",
	    "okr.yaml:3:5: teams[1]: name is required");
}

static void
test_apply_unknown_parent_team_is_rejected(void **state)
{
	/* a parent must come first: a later one does not count */
	assert_apply_fails(*state, "teams:\n  - name: B\n    parent: A\n"
	    "  - name: A\n", "okr.yaml:3:13: teams[0].parent: no team named "
	    "\"A\"");
}

static void
test_apply_duplicate_identity_names_both_lines(void **state)
{
	assert_apply_fails(*state, "teams:\n  - name: A\n  - name: B\n"
	    "  - name: A\n", "okr.yaml:4:5: teams[2]: team \"A\" is defined "
	    "twice, first on line 2");
}

static void
test_apply_duplicate_key_in_a_mapping_is_rejected(void **state)
{
	assert_apply_fails(*state, "teams:\n  - name: A\n    name: B\n",
	    "okr.yaml:3:5: teams[0]: key \"name\" is given twice (first on "
	    "line 2)");
}

static void
test_apply_unknown_alignment_is_rejected(void **state)
{
	struct fx	*f = *state;
	char		*text, *at;

	text = strdup(example);
	assert_non_null(text);
	at = strstr(text, "[loyal, loyal/churn]");
	assert_non_null(at);
	memcpy(at, "[loyal, loyal/churm]", 20);
	assert_apply_fails(f, text, "okr.yaml:28:21: objectives[0].aligns[1]: "
	    "no key result \"loyal/churm\"");
	free(text);
}

static void
test_apply_yaml_syntax_error_names_its_line(void **state)
{
	assert_apply_fails(*state, "teams:\n  - name: A\n   - name: B\n",
	    "okr.yaml:3:4: ");
}

static void
test_apply_second_document_is_rejected(void **state)
{
	assert_apply_fails(*state, "teams: []\n---\nteams: []\n",
	    "okr.yaml:2:1: expected one YAML document");
}

static void
test_apply_error_late_in_the_file_writes_nothing(void **state)
{
	struct fx	*f = *state;
	struct team	 t;
	size_t		 rows;

	rows = hist_count(f);
	assert_apply_fails(f, "teams:\n  - name: A\n  - name: B\n"
	    "people:\n  - name: P\n    team: C\n",
	    "okr.yaml:6:11: people[0].team: no team named \"C\"");
	assert_int_equal(team_get(f->o, "A", &f->a, &t, &f->e), ERR_NOTFOUND);
	assert_int_equal(hist_count(f), rows);
}

static void
test_apply_missing_file_is_an_io_error(void **state)
{
	struct fx	*f = *state;

	assert_int_equal(wsfile_apply(f->o, "/nonexistent/okr.yaml", NULL,
	    NULL, &f->e), ERR_IO);
	assert_non_null(strstr(f->e.msg, "/nonexistent/okr.yaml"));
}

#define T(name)	cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_apply_example_creates_every_entity),
		T(test_apply_twice_changes_nothing_the_second_time),
		T(test_apply_changed_value_updates_that_entity_only),
		T(test_apply_absent_field_takes_its_default),
		T(test_apply_null_clears_an_optional_field),
		T(test_apply_never_deletes_what_the_file_omits),
		T(test_apply_reads_an_open_stream),
		T(test_apply_empty_file_defines_nothing),
		T(test_export_apply_export_is_a_fixed_point),
		T(test_export_writes_values_as_typed),
		T(test_export_writes_parents_first_after_a_move),
		T(test_apply_unknown_key_is_rejected_with_its_line),
		T(test_apply_list_where_a_value_is_expected_is_rejected),
		T(test_apply_mapping_where_a_list_is_expected_is_rejected),
		T(test_apply_bad_number_is_rejected_with_its_path),
		T(test_apply_bad_date_is_rejected),
		T(test_apply_missing_identity_is_rejected),
		T(test_apply_unknown_parent_team_is_rejected),
		T(test_apply_duplicate_identity_names_both_lines),
		T(test_apply_duplicate_key_in_a_mapping_is_rejected),
		T(test_apply_unknown_alignment_is_rejected),
		T(test_apply_yaml_syntax_error_names_its_line),
		T(test_apply_second_document_is_rejected),
		T(test_apply_error_late_in_the_file_writes_nothing),
		T(test_apply_missing_file_is_an_io_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
