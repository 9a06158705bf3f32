/*
 * kpi_test.h: fixtures for the KPI engine tests (test_kpi*.c).
 *
 * A record is written as one line of field=value pairs with the names of
 * the dataset catalog ("created_at=2026-03-02T09:00:00Z team=A
 * escalated=1"), so each fixture reads like the export it stands for.
 * Values are read by type: instants with the core ISO 8601 parser,
 * durations and numbers with strtod, counts and flags with strtoll.  Every
 * record goes through ds_validate before snap_add, as the importer's do.
 */
#ifndef TESTS_KPI_TEST_H
#define TESTS_KPI_TEST_H

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/clock.h"
#include "core/parse.h"
#include "kpi/kpi.h"
#include "kpi/pct.h"
#include "kpi/snapshot.h"

#define NEAR(a, b)	assert_true(fabs((double)(a) - (double)(b)) < 1e-9)

static struct arena	 fx_arena = ARENA_INIT;
static int		 fx_seq;

/* Add one record of dataset d, written as "field=value ..." pairs. */
static void
fx(struct snap *s, enum ds d, const char *kv)
{
	struct ds_rec	 r;
	struct err	 e;
	char		 line[1024], *tok, *save = NULL, *eq, id[32];
	int		 f;

	ds_rec_clear(&r, d);
	snprintf(id, sizeof(id), "r%d", ++fx_seq);
	ds_set_text(&r, 0, id);		/* field 0 is always the id */
	snprintf(line, sizeof(line), "%s", kv);
	for (tok = strtok_r(line, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		assert_non_null(eq = strchr(tok, '='));
		*eq++ = '\0';
		if ((f = ds_field_find(d, tok)) < 0) {
			print_error("no field %s\n", tok);
			fail();
		}
		switch (ds_info[d].fields[f].type) {
		case DT_TEXT:
			/* strtok's buffer dies with this call: snap_add
			 * copies, so the pointer only has to live until then */
			ds_set_text(&r, f, eq);
			break;
		case DT_TIME: {
			int64_t	 t;

			assert_int_equal(parse_time(eq, &t, NULL), ERR_OK);
			ds_set_int(&r, f, t);
			break;
		}
		case DT_DUR:
		case DT_NUM:
			ds_set_real(&r, f, strtod(eq, NULL));
			break;
		default:
			ds_set_int(&r, f, strtoll(eq, NULL, 10));
			break;
		}
	}
	if (ds_validate(&r, &e) != ERR_OK) {
		print_error("fixture \"%s\": %s %s\n", kv, e.field, e.msg);
		fail();
	}
	if (snap_add(s, &r, &e) != ERR_OK) {
		print_error("snap_add \"%s\": %s\n", kv, e.msg);
		fail();
	}
}

static void
fx_finish(struct snap *s)
{
	struct err	 e;

	if (snap_finish(s, &e) != ERR_OK) {
		print_error("snap_finish: %s\n", e.msg);
		fail();
	}
}

static int64_t
fx_t(const char *iso)
{
	int64_t	 t = 0;

	assert_int_equal(parse_time(iso, &t, NULL), ERR_OK);
	return t;
}

/* Run q and return its cells (in fx_arena); fails the test on error. */
static struct kpi_result
fx_run(const struct snap *s, const struct kpi_query *q)
{
	struct kpi_result	 r;
	struct err		 e;

	if (kpi_run(s, q, &fx_arena, &r, &e) != ERR_OK) {
		print_error("kpi_run %s: %s\n", q->key, e.msg);
		fail();
	}
	return r;
}

/* The single value of key over all time. */
static double
fx_value(const struct snap *s, const char *key)
{
	struct kpi_query	 q;
	struct kpi_result	 r;

	kpi_query_init(&q, key);
	r = fx_run(s, &q);
	assert_int_equal(r.ncells, 1);
	return r.cells[0].value;
}

static int
fx_teardown(void **state)
{
	(void)state;
	arena_release(&fx_arena);
	clock_zone_set("UTC", NULL);
	return 0;
}

#endif /* TESTS_KPI_TEST_H */
