/*
 * dataset.c: the dataset catalog and the rules every record meets.
 */
#include <math.h>
#include <string.h>

#include "kpi/dataset.h"

#define DS_FIELD_ROW(p, n, s, t, r) { s, DT_##t, r },
static const struct ds_field ix_fields[] = {
	DS_INTERACTIONS_FIELDS(DS_FIELD_ROW) };
static const struct ds_field sv_fields[] = { DS_SURVEYS_FIELDS(DS_FIELD_ROW) };
static const struct ds_field qa_fields[] = {
	DS_QA_REVIEWS_FIELDS(DS_FIELD_ROW) };
static const struct ds_field tr_fields[] = { DS_TRAINING_FIELDS(DS_FIELD_ROW) };
static const struct ds_field kb_fields[] = {
	DS_KB_AUDITS_FIELDS(DS_FIELD_ROW) };
static const struct ds_field cu_fields[] = {
	DS_CUSTOMERS_FIELDS(DS_FIELD_ROW) };
static const struct ds_field ag_fields[] = { DS_AGENTS_FIELDS(DS_FIELD_ROW) };
#undef DS_FIELD_ROW

#define NF(a)	((int)(sizeof(a) / sizeof((a)[0])))

const struct ds_info ds_info[DS__MAX] = {
	{ "interactions", ix_fields, NF(ix_fields) },
	{ "surveys", sv_fields, NF(sv_fields) },
	{ "qa_reviews", qa_fields, NF(qa_fields) },
	{ "training", tr_fields, NF(tr_fields) },
	{ "kb_audits", kb_fields, NF(kb_fields) },
	{ "customers", cu_fields, NF(cu_fields) },
	{ "agents", ag_fields, NF(ag_fields) },
};

_Static_assert(IX__MAX <= DS_FIELDS_MAX, "too many interaction fields");

int
ds_find(const char *name)
{
	for (int d = 0; d < DS__MAX; d++)
		if (strcmp(ds_info[d].name, name) == 0)
			return d;
	return -1;
}

int
ds_field_find(enum ds d, const char *name)
{
	for (int f = 0; f < ds_info[d].nfields; f++)
		if (strcmp(ds_info[d].fields[f].name, name) == 0)
			return f;
	return -1;
}

const char *
dt_name(enum dt t)
{
	static const char *const names[] = {
		"text", "time", "duration", "count", "number", "boolean" };

	return names[t];
}

void
ds_rec_clear(struct ds_rec *r, enum ds d)
{
	memset(r, 0, sizeof(*r));
	r->ds = d;
}

void
ds_set_text(struct ds_rec *r, int f, const char *s)
{
	r->v[f].set = 1;
	r->v[f].s = s;
}

void
ds_set_int(struct ds_rec *r, int f, int64_t i)
{
	r->v[f].set = 1;
	r->v[f].i = i;
}

void
ds_set_real(struct ds_rec *r, int f, double x)
{
	r->v[f].set = 1;
	r->v[f].r = x;
}

static enum err_code
bad(struct err *e, const struct ds_rec *r, int f, const char *why)
{
	return err_setf(e, ERR_INVAL, ds_info[r->ds].fields[f].name, "%s",
	    why);
}

/* t[later] must not come before t[earlier] when both are set. */
static enum err_code
order(const struct ds_rec *r, int earlier, int later, struct err *e)
{
	const struct ds_val *a = &r->v[earlier], *b = &r->v[later];

	if (!a->set || !b->set || b->i >= a->i)
		return ERR_OK;
	return err_setf(e, ERR_INVAL, ds_info[r->ds].fields[later].name,
	    "comes before %s (a negative duration)",
	    ds_info[r->ds].fields[earlier].name);
}

enum err_code
ds_validate(const struct ds_rec *r, struct err *e)
{
	const struct ds_info *di = &ds_info[r->ds];
	const struct ds_val *v = r->v;
	enum err_code rc;

	for (int f = 0; f < di->nfields; f++) {
		if (!v[f].set) {
			if (di->fields[f].required)
				return bad(e, r, f, "is required");
			continue;
		}
		switch (di->fields[f].type) {
		case DT_TEXT:
			if (v[f].s == NULL || v[f].s[0] == '\0') {
				if (di->fields[f].required)
					return bad(e, r, f, "is required");
			}
			break;
		case DT_DUR:
			if (!isfinite(v[f].r) || v[f].r < 0)
				return bad(e, r, f,
				    "a duration cannot be negative");
			break;
		case DT_NUM:
			if (!isfinite(v[f].r))
				return bad(e, r, f, "is not a finite number");
			break;
		case DT_INT:
			if (v[f].i < 0)
				return bad(e, r, f, "a count cannot be negative");
			break;
		case DT_BOOL:
			if (v[f].i != 0 && v[f].i != 1)
				return bad(e, r, f, "must be true or false");
			break;
		case DT_TIME:
			break;
		}
	}
	switch (r->ds) {
	case DS_INTERACTIONS:
		if ((rc = order(r, IX_CREATED_AT, IX_FIRST_REPLY_AT, e)) ||
		    (rc = order(r, IX_CREATED_AT, IX_SOLVED_AT, e)) ||
		    (rc = order(r, IX_CREATED_AT, IX_RESOLVED_AT, e)) ||
		    (rc = order(r, IX_CREATED_AT, IX_CLOSED_AT, e)) ||
		    (rc = order(r, IX_FIRST_REPLY_AT, IX_RESOLVED_AT, e)) ||
		    (rc = order(r, IX_SOLVED_AT, IX_RESOLVED_AT, e)))
			return rc;
		if (v[IX_ANSWERED].set && v[IX_ABANDONED].set &&
		    v[IX_ANSWERED].i && v[IX_ABANDONED].i)
			return bad(e, r, IX_ABANDONED,
			    "a contact cannot be both answered and abandoned");
		break;
	case DS_SURVEYS:
		if (v[SV_SCALE_MAX].r <= v[SV_SCALE_MIN].r)
			return bad(e, r, SV_SCALE_MAX,
			    "the scale must end above where it starts");
		if (v[SV_SCORE].set && (v[SV_SCORE].r < v[SV_SCALE_MIN].r ||
		    v[SV_SCORE].r > v[SV_SCALE_MAX].r))
			return err_setf(e, ERR_INVAL, "score",
			    "%g is outside the scale %g..%g", v[SV_SCORE].r,
			    v[SV_SCALE_MIN].r, v[SV_SCALE_MAX].r);
		if (strcmp(v[SV_KIND].s, "csat") != 0 &&
		    strcmp(v[SV_KIND].s, "nps") != 0 &&
		    strcmp(v[SV_KIND].s, "ces") != 0)
			return bad(e, r, SV_KIND,
			    "must be csat, nps or ces");
		if ((rc = order(r, SV_SENT_AT, SV_RESPONDED_AT, e)))
			return rc;
		break;
	case DS_QA_REVIEWS:
		if (v[QA_SCORE].r < 0 || v[QA_SCORE].r > 100)
			return err_setf(e, ERR_INVAL, "score",
			    "%g is outside the scale 0..100", v[QA_SCORE].r);
		break;
	case DS_TRAINING:
		if (v[TR_HOURS].r < 0)
			return bad(e, r, TR_HOURS, "hours cannot be negative");
		break;
	case DS_CUSTOMERS:
		if ((rc = order(r, CU_STARTED_AT, CU_CHURNED_AT, e)))
			return rc;
		break;
	default:
		break;
	}
	return ERR_OK;
}
