/*
 * evaljson.c: a cycle evaluation as JSON, the one document that
 * 'okrdesk status --json' prints and the API serves; docs/cli.md
 * describes it member by member.
 */
#include <math.h>
#include <stdlib.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "kpi/dataset.h"
#include "okr/evaljson.h"
#include "okr/field.h"
#include "okr/kpilink.h"

json_t *
evaljson_num(double v)
{
	return isnan(v) ? json_null() : json_real(v);
}

json_t *
evaljson_str(const char *s)
{
	return s == NULL ? json_null() : json_string(s);
}

json_t *
evaljson_fields(const struct field_def *tab, const void *obj, int64_t id)
{
	const struct field_def	*f;
	struct buf		 b = BUF_INIT;
	json_t			*j;
	const void		*p;

	if ((j = json_object()) == NULL)
		return NULL;
	if (id != 0)
		json_object_set_new(j, "id", json_integer(id));
	for (f = tab; f->name != NULL; f++) {
		p = (const char *)obj + f->off;
		if (field_isnull(f, obj)) {
			json_object_set_new(j, f->name, json_null());
			continue;
		}
		switch (f->type) {
		case FT_NUMBER:
		case FT_WEIGHT:
		case FT_FRACTION:
			json_object_set_new(j, f->name,
			    json_real(*(const double *)p));
			break;
		case FT_DAYS:
		case FT_COUNT:
			json_object_set_new(j, f->name,
			    json_integer(*(const int64_t *)p));
			break;
		default:
			buf_reset(&b);
			field_format(f, obj, &b);
			json_object_set_new(j, f->name,
			    json_string(buf_cstr(&b)));
			break;
		}
	}
	buf_release(&b);
	return j;
}


json_t *
evaljson_entity(const struct field_def *tab, const void *obj, int64_t id,
    int64_t version)
{
	json_t	*j;

	if ((j = evaljson_fields(tab, obj, id)) != NULL && version > 0)
		json_object_set_new(j, "version", json_integer(version));
	return j;
}

json_t *
evaljson_objective(const struct objective *obj)
{
	json_t	*j, *arr;
	size_t	 i;

	if ((j = evaljson_entity(objective_fields, obj, obj->id,
	    obj->version)) == NULL)
		return NULL;
	arr = json_array();
	for (i = 0; i < obj->naligns; i++)
		json_array_append_new(arr, json_string(obj->aligns[i]));
	json_object_set_new(j, "aligns", arr);
	json_object_set_new(j, "retrospective", evaljson_str(obj->retrospective));
	return j;
}

json_t *
evaljson_kr_def(const struct kr *k)
{
	json_t	*j, *arr, *m;
	size_t	 i;

	if ((j = evaljson_entity(kr_fields, k, k->id, k->version)) == NULL)
		return NULL;
	json_object_set_new(j, "objective", json_string(k->objective));
	json_object_set_new(j, "source", evaljson_str(k->source));
	if (k->nms == 0)
		return j;
	arr = json_array();
	for (i = 0; i < k->nms; i++) {
		m = json_object();
		json_object_set_new(m, "title", json_string(k->ms[i].title));
		json_object_set_new(m, "weight", json_real(k->ms[i].weight));
		json_object_set_new(m, "done", json_boolean(k->ms[i].done_at));
		json_array_append_new(arr, m);
	}
	json_object_set_new(j, "milestones", arr);
	return j;
}

json_t *
evaljson_time(int64_t t)
{
	char	 s[32];

	if (t == 0)
		return json_null();
	clock_fmt_time(t, s, sizeof(s));
	return json_string(s);
}

/* A KPI-fed key result's link and lineage; null for a manual one. */
static json_t *
kpi_json(struct okr *o, const struct kr *k)
{
	struct arena	 a = ARENA_INIT;
	json_t		*j;
	char		*text = NULL;

	if (k->kpi == NULL)
		return json_null();
	j = json_pack("{s:s, s:o, s:s, s:o}", "key", k->kpi, "filter",
	    evaljson_str(k->kpi_filter), "window", k->kpi_window != NULL ?
	    k->kpi_window : "cycle", "baseline",
	    evaljson_str(k->kpi_baseline));
	if (j == NULL)
		return json_null();
	if (kpilink_lineage(o, k->id, &a, &text, NULL) == ERR_OK &&
	    text != NULL)
		json_object_set_new(j, "lineage", json_loads(text, 0, NULL));
	else
		json_object_set_new(j, "lineage", json_null());
	arena_release(&a);
	return j;
}

json_t *
evaljson_pace(const struct pace *p)
{
	json_t	*j, *c;
	size_t	 i;

	if ((j = json_object()) == NULL)
		return NULL;
	json_object_set_new(j, "weeks_left", evaljson_num(p->weeks_left));
	json_object_set_new(j, "projected_value",
	    evaljson_num(p->projected_value));
	json_object_set_new(j, "projected_progress",
	    evaljson_num(p->projected_progress));
	json_object_set_new(j, "projected_grade",
	    evaljson_num(p->projected_grade));
	json_object_set_new(j, "needed_per_week",
	    evaljson_num(p->needed_per_week));
	json_object_set_new(j, "trend_per_week",
	    evaljson_num(p->trend_per_week));
	c = json_array();
	for (i = 0; i < p->nconf; i++)
		json_array_append_new(c, json_real(p->conf[i]));
	json_object_set_new(j, "confidences", c);
	json_object_set_new(j, "confidence_trend",
	    evaljson_str(pace_trend_name(p->conf_trend)));
	json_object_set_new(j, "verdict",
	    evaljson_str(pace_verdict_name(p->verdict)));
	return j;
}

json_t *
evaljson_kr(struct okr *o, const struct kr_eval *ke, int64_t horizon)
{
	const struct kr	*k = ke->kr;
	json_t		*j, *f, *ms, *m;
	size_t		 i;
	int		 done;

	if ((j = json_object()) == NULL)
		return NULL;
	json_object_set_new(j, "key", json_string(k->key));
	json_object_set_new(j, "ref", json_sprintf("%s/%s", k->objective,
	    k->key));
	json_object_set_new(j, "title", json_string(k->title));
	json_object_set_new(j, "owner", evaljson_str(k->owner));
	json_object_set_new(j, "kind", evaljson_str(kr_kind_name(
	    (enum kr_kind)k->kind)));
	json_object_set_new(j, "unit", evaljson_str(k->unit));
	json_object_set_new(j, "baseline", evaljson_num(k->baseline));
	json_object_set_new(j, "target", evaljson_num(k->target));
	json_object_set_new(j, "low", evaljson_num(k->low));
	json_object_set_new(j, "high", evaljson_num(k->high));
	json_object_set_new(j, "weight", evaljson_num(k->weight));
	json_object_set_new(j, "kpi", kpi_json(o, k));
	json_object_set_new(j, "current", evaljson_num(ke->ev.current));
	json_object_set_new(j, "raw", evaljson_num(ke->ev.raw));
	json_object_set_new(j, "progress", evaljson_num(ke->ev.progress));
	json_object_set_new(j, "expected", evaljson_num(ke->ev.expected));
	json_object_set_new(j, "status", json_string(okr_status_name(
	    ke->ev.status)));
	json_object_set_new(j, "confidence", evaljson_num(ke->confidence));
	json_object_set_new(j, "previous_confidence",
	    evaljson_num(ke->prev_confidence));
	f = json_object();
	json_object_set_new(f, "value", evaljson_num(ke->ev.forecast_value));
	json_object_set_new(f, "progress",
	    evaljson_num(ke->ev.forecast_progress));
	json_object_set_new(j, "forecast", f);
	json_object_set_new(j, "pace", evaljson_pace(&ke->pace));
	json_object_set_new(j, "last_checkin", evaljson_time(ke->last_checkin));
	json_object_set_new(j, "checkins", json_integer(
	    (json_int_t)ke->ncheckins));
	ms = json_array();
	for (i = 0; i < k->nms; i++) {
		m = json_object();
		json_object_set_new(m, "title", json_string(k->ms[i].title));
		json_object_set_new(m, "weight", json_real(k->ms[i].weight));
		done = k->ms[i].done_at != 0 && k->ms[i].done_at <= horizon;
		json_object_set_new(m, "done", json_boolean(done));
		json_object_set_new(m, "done_at", evaljson_time(done ?
		    k->ms[i].done_at : 0));
		json_array_append_new(ms, m);
	}
	json_object_set_new(j, "milestones", ms);
	return j;
}

static json_t *
obj_json(struct okr *o, const struct cycle_eval *ce,
    const struct obj_eval *oe, const unsigned char *kept)
{
	const struct objective	*ob = oe->obj;
	json_t			*j, *w, *a;
	size_t			 i;

	if ((j = json_object()) == NULL)
		return NULL;
	json_object_set_new(j, "key", json_string(ob->key));
	json_object_set_new(j, "title", json_string(ob->title));
	w = json_object();
	if (ob->team != NULL)
		json_object_set_new(w, "team", json_string(ob->team));
	else
		json_object_set_new(w, "person", evaljson_str(ob->person));
	json_object_set_new(j, "owner", w);
	json_object_set_new(j, "kind", json_string(obj_kind_names[ob->kind]));
	json_object_set_new(j, "state", json_string(
	    obj_state_names[ob->state]));
	json_object_set_new(j, "weight", evaljson_num(ob->weight));
	json_object_set_new(j, "progress", evaljson_num(oe->ev.progress));
	json_object_set_new(j, "expected", evaljson_num(oe->ev.expected));
	json_object_set_new(j, "status", json_string(okr_status_name(
	    oe->ev.status)));
	json_object_set_new(j, "grade", evaljson_num(ob->grade));
	a = json_array();
	for (i = 0; i < ob->naligns; i++)
		json_array_append_new(a, json_string(ob->aligns[i]));
	json_object_set_new(j, "aligns", a);
	a = json_array();
	for (i = 0; i < oe->nchildren; i++)
		if (kept[oe->children[i]])
			json_array_append_new(a, json_string(
			    ce->objs[oe->children[i]].obj->key));
	json_object_set_new(j, "children", a);
	a = json_array();
	for (i = 0; i < oe->nkrs; i++)
		json_array_append_new(a, evaljson_kr(o, &oe->krs[i],
		    ce->horizon));
	json_object_set_new(j, "key_results", a);
	return j;
}

json_t *
evaljson_status(struct okr *o, const struct cycle_eval *ce, size_t team)
{
	unsigned char	*kept;
	json_t		*j, *c, *a;
	size_t		 i;

	if ((kept = calloc(ce->nobjs + 1, 1)) == NULL)
		return NULL;
	for (i = 0; i < ce->nobjs; i++)
		kept[i] = team == EVAL_NONE ||
		    eval_owned_under(ce, &ce->objs[i], team);
	if ((j = json_object()) == NULL) {
		free(kept);
		return NULL;
	}
	json_object_set_new(j, "workspace", json_string(o->ws.name));
	c = json_object();
	json_object_set_new(c, "name", json_string(ce->cycle.name));
	json_object_set_new(c, "start", json_string(ce->cycle.start));
	json_object_set_new(c, "end", json_string(ce->cycle.end));
	json_object_set_new(c, "state", json_string(
	    cycle_state_names[ce->cycle.state]));
	json_object_set_new(j, "cycle", c);
	json_object_set_new(j, "team", team == EVAL_NONE ? json_null() :
	    json_string(ce->teams[team].team->name));
	json_object_set_new(j, "now", evaljson_time(ce->now));
	json_object_set_new(j, "week", json_integer(ce->week));
	json_object_set_new(j, "weeks", json_integer(ce->nweeks));
	json_object_set_new(j, "expected", json_real(ce->expected));
	a = json_array();
	for (i = 0; i < ce->nobjs; i++)
		if (kept[i])
			json_array_append_new(a, obj_json(o, ce, &ce->objs[i],
			    kept));
	json_object_set_new(j, "objectives", a);
	free(kept);
	return j;
}

json_t *
evaljson_history(const struct history_entry *h)
{
	json_t	*j;

	if ((j = json_object()) == NULL)
		return NULL;
	json_object_set_new(j, "id", json_integer(h->id));
	json_object_set_new(j, "at", evaljson_time(h->at));
	json_object_set_new(j, "who", evaljson_str(h->who));
	json_object_set_new(j, "entity", evaljson_str(h->entity));
	json_object_set_new(j, "entity_id", json_integer(h->entity_id));
	json_object_set_new(j, "label", evaljson_str(h->label));
	json_object_set_new(j, "field", evaljson_str(h->field));
	json_object_set_new(j, "old", evaljson_str(h->old));
	json_object_set_new(j, "new", evaljson_str(h->new));
	return j;
}

json_t *
evaljson_kpi_def(const struct kpi_def *d)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "key", d->key,
	    "name", d->name, "dataset", ds_info[d->ds].name, "bucket",
	    d->bucket_field, "unit", kpi_unit_name(d->unit), "direction",
	    kpi_dir_name(d->dir), "definition", d->definition);
}

json_t *
evaljson_kpi_cell(const struct kpi_cell *c)
{
	json_t	*j;
	char	 t[40];

	if ((j = json_object()) == NULL)
		return NULL;
	if (c->start != INT64_MIN) {
		clock_fmt_date(c->start, t, sizeof(t));
		json_object_set_new(j, "from", json_string(t));
	} else
		json_object_set_new(j, "from", json_null());
	if (c->end != INT64_MAX) {
		/* the window's last day, inclusive, as people write it */
		clock_fmt_date(c->end - 1, t, sizeof(t));
		json_object_set_new(j, "to", json_string(t));
	} else
		json_object_set_new(j, "to", json_null());
	if (c->group != NULL)
		json_object_set_new(j, "group", json_string(c->group));
	json_object_set_new(j, "value", evaljson_num(c->value));
	json_object_set_new(j, "numerator", evaljson_num(c->num));
	json_object_set_new(j, "denominator", evaljson_num(c->den));
	json_object_set_new(j, "n", json_integer(c->n));
	if (isfinite(c->lo)) {
		json_object_set_new(j, "ci_low", json_real(c->lo));
		json_object_set_new(j, "ci_high", json_real(c->hi));
	}
	return j;
}

json_t *
evaljson_health(const struct kpi_health *h)
{
	return json_pack("{s:s, s:s, s:o, s:o, s:o, s:s, s:I}", "kpi",
	    h->def->key, "team", h->team != NULL ? h->team : "", "value",
	    evaljson_num(h->value), "low", evaljson_num(h->low), "high",
	    evaljson_num(h->high), "state", h->state, "n", (json_int_t)h->n);
}

json_t *
evaljson_corridor(const struct kpi_corridor *c)
{
	return json_pack("{s:s, s:s, s:o, s:o}", "kpi", c->kpi, "team",
	    c->team != NULL ? c->team : "", "low", evaljson_num(c->low),
	    "high", evaljson_num(c->high));
}
