/*
 * evaljson.h: the JSON of a cycle evaluation (okr/eval.h): the document
 * of 'okrdesk status --json' and of GET /api/v1/status, written once.
 *
 * Ownership: every json_t returned is the caller's (json_decref).
 */
#ifndef OKR_EVALJSON_H
#define OKR_EVALJSON_H

#include <stdint.h>

#include <jansson.h>

#include "kpi/kpi.h"
#include "okr/eval.h"
#include "okr/field.h"
#include "okr/okr.h"

/* The whole document; team is a team index of ce or EVAL_NONE.  NULL
 * when out of memory. */
json_t	*evaljson_status(struct okr *, const struct cycle_eval *,
	    size_t team);
/* A key result's pace (okr/pace.h): projected value, progress and grade,
 * weeks left, needed and trend a week, the confidences and their trend;
 * null for what is missing. */
json_t	*evaljson_pace(const struct pace *);
/* One key result as evaluated, at the horizon (milestones done by then),
 * with its "pace". */
json_t	*evaljson_kr(struct okr *, const struct kr_eval *, int64_t horizon);
/* Every field of a field table (okr/field.h) as an object, null for the
 * unset ones, plus "id" when id is not 0. */
json_t	*evaljson_fields(const struct field_def *, const void *obj, int64_t id);
/* As evaljson_fields, plus "version" (okr.h's versions) when not 0. */
json_t	*evaljson_entity(const struct field_def *, const void *obj,
	    int64_t id, int64_t version);
/* An objective's fields, its alignments and retrospective, its version. */
json_t	*evaljson_objective(const struct objective *);
/* A key result's definition: its fields, objective, source, milestones,
 * version. */
json_t	*evaljson_kr_def(const struct kr *);
/* One history row: {id, at, who, entity, entity_id, label, field, old,
 * new} (history, GET /api/v1/history). */
json_t	*evaljson_history(const struct history_entry *);
/* A KPI's definition: {key, name, dataset, bucket, unit, direction,
 * definition} (kpi list, GET /api/v1/kpis). */
json_t	*evaljson_kpi_def(const struct kpi_def *);
/* One KPI cell: {from, to (inclusive dates), group?, value, numerator,
 * denominator, n, ci_low?, ci_high?} (kpi show, GET /api/v1/kpis/KEY). */
json_t	*evaljson_kpi_cell(const struct kpi_cell *);
struct kpi_health;
struct kpi_corridor;
/* A corridor: {kpi, team ("" for all), low, high}. */
json_t	*evaljson_corridor(const struct kpi_corridor *);
/* A corridor's verdict: {kpi, team, value, low, high, state, n}. */
json_t	*evaljson_health(const struct kpi_health *);
/* null for NAN / NULL / 0 (time), else the value (ISO 8601 for times). */
json_t	*evaljson_num(double);
json_t	*evaljson_str(const char *);
json_t	*evaljson_time(int64_t);

#endif /* OKR_EVALJSON_H */
