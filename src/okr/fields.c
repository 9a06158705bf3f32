/*
 * fields.c: the field table of every entity, and their defaults.
 *
 * These tables are the single declaration of what a user may set: the CLI
 * turns them into options and --help, the workspace file reader into keys,
 * history into per-field diffs.  The order of a table is the order of
 * keys in an exported workspace file.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "okr/okr.h"
#include "okr/user.h"

const char *const cycle_state_names[] = { "planning", "active", "closed",
	NULL };
const char *const obj_kind_names[] = { "committed", "aspirational", NULL };
const char *const obj_state_names[] = { "draft", "active", "closed", NULL };
const char *const weekday_names[] = { "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday", NULL };

#define FLD(s, n, t, m, fl, ch, h) \
	{ n, t, offsetof(struct s, m), fl, ch, h }

const struct field_def workspace_fields[] = {
	FLD(workspace, "name", FT_NAME, name, F_REQUIRED, NULL,
	    "the organisation's name"),
	FLD(workspace, "timezone", FT_TZ, timezone, F_REQUIRED, NULL,
	    "IANA time zone that cuts days and weeks (Europe/Bucharest)"),
	FLD(workspace, "cadence_days", FT_DAYS, cadence_days, F_REQUIRED, NULL,
	    "days between expected check-ins (7)"),
	FLD(workspace, "grace_days", FT_DAYS, grace_days, F_REQUIRED, NULL,
	    "days of grace before a silent key result is outdated (3)"),
	/* optional: unset, each reader's browser chooses (Accept-Language) */
	FLD(workspace, "language", FT_ENUM, language, 0, user_lang_names,
	    "language of the web pages: en or ro (unset: the browser's)"),
	FLD(workspace, "checkin_day", FT_ENUM, checkin_day, F_REQUIRED,
	    weekday_names, "weekday check-ins are due (monday)"),
	FLD(workspace, "max_objectives", FT_COUNT, max_objectives, F_REQUIRED,
	    NULL, "lint: most objectives one owner should carry (5)"),
	FLD(workspace, "max_krs", FT_COUNT, max_krs, F_REQUIRED, NULL,
	    "lint: most key results per objective (5)"),
	FLD(workspace, "max_kpis", FT_COUNT, max_kpis, F_REQUIRED, NULL,
	    "lint: most KPIs one team should watch (8)"),
	{ NULL, FT__MAX, 0, 0, NULL, NULL }
};

const struct field_def team_fields[] = {
	FLD(team, "name", FT_NAME, name, F_IDENTITY, NULL, "the team's name"),
	FLD(team, "parent", FT_REF, parent, 0, NULL,
	    "the team above it (none for the company)"),
	FLD(team, "description", FT_TEXT, description, 0, NULL,
	    "what the team does"),
	FLD(team, "lead", FT_REF, lead, 0, NULL,
	    "the person who leads it (reminders escalate to them)"),
	FLD(team, "cadence_days", FT_DAYS, cadence_days, 0, NULL,
	    "days between check-ins (unset: the workspace's)"),
	FLD(team, "grace_days", FT_DAYS, grace_days, 0, NULL,
	    "days of grace (unset: the workspace's)"),
	FLD(team, "checkin_day", FT_ENUM, checkin_day, 0, weekday_names,
	    "weekday check-ins are due (unset: the workspace's)"),
	{ NULL, FT__MAX, 0, 0, NULL, NULL }
};

const struct field_def person_fields[] = {
	FLD(person, "name", FT_NAME, name, F_IDENTITY, NULL,
	    "the person's name"),
	FLD(person, "team", FT_REF, team, 0, NULL, "the team they belong to"),
	FLD(person, "role", FT_NAME, role, F_REQUIRED, NULL,
	    "job role: agent, lead, manager, qa analyst... (agent)"),
	FLD(person, "email", FT_NAME, email, 0, NULL, "e-mail address"),
	{ NULL, FT__MAX, 0, 0, NULL, NULL }
};

const struct field_def cycle_fields[] = {
	FLD(cycle, "name", FT_NAME, name, F_IDENTITY, NULL,
	    "the cycle's name (2026-Q4)"),
	FLD(cycle, "start", FT_DATE, start, F_REQUIRED, NULL,
	    "first day, YYYY-MM-DD"),
	FLD(cycle, "end", FT_DATE, end, F_REQUIRED, NULL,
	    "last day, YYYY-MM-DD (inclusive)"),
	FLD(cycle, "state", FT_ENUM, state, F_REQUIRED, cycle_state_names,
	    "planning, active or closed (active)"),
	{ NULL, FT__MAX, 0, 0, NULL, NULL }
};

const struct field_def objective_fields[] = {
	FLD(objective, "key", FT_KEY, key, F_IDENTITY, NULL,
	    "short unique key (nps-70)"),
	FLD(objective, "title", FT_NAME, title, F_REQUIRED, NULL,
	    "what the team wants to achieve, in words"),
	FLD(objective, "cycle", FT_REF, cycle, F_REQUIRED, NULL,
	    "the cycle it belongs to"),
	FLD(objective, "team", FT_REF, team, 0, NULL,
	    "owner team (give team or person)"),
	FLD(objective, "person", FT_REF, person, 0, NULL,
	    "owner person (give team or person)"),
	FLD(objective, "kind", FT_ENUM, kind, F_REQUIRED, obj_kind_names,
	    "committed (expects 1.0) or aspirational (0.7 is success)"),
	FLD(objective, "state", FT_ENUM, state, F_REQUIRED, obj_state_names,
	    "draft, active or closed (active)"),
	FLD(objective, "weight", FT_WEIGHT, weight, F_REQUIRED, NULL,
	    "weight in its parent's roll-up (1)"),
	FLD(objective, "description", FT_TEXT, description, 0, NULL,
	    "why it matters"),
	FLD(objective, "retrospective", FT_TEXT, retrospective, 0, NULL,
	    "the lessons of the cycle: what worked, what did not"),
	FLD(objective, "postmortem", FT_TEXT, postmortem, 0, NULL,
	    "why a committed objective fell short (required at close "
	    "below 1.0)"),
	FLD(objective, "grade", FT_FRACTION, grade, F_READONLY, NULL,
	    "grade at cycle close"),
	FLD(objective, "carried_from", FT_REF, carried_from, F_READONLY, NULL,
	    "the objective of an earlier cycle it was carried over from"),
	{ NULL, FT__MAX, 0, 0, NULL, NULL }
};

const struct field_def kr_fields[] = {
	FLD(kr, "key", FT_KEY, key, F_IDENTITY, NULL,
	    "short key, unique within the objective (csat)"),
	FLD(kr, "title", FT_NAME, title, F_REQUIRED, NULL,
	    "the measurable result, in words"),
	FLD(kr, "kind", FT_ENUM, kind, F_REQUIRED, kr_kind_names,
	    "increase, decrease, band, boolean or milestones"),
	FLD(kr, "unit", FT_NAME, unit, 0, NULL, "unit of the value (%, s, h)"),
	FLD(kr, "baseline", FT_NUMBER, baseline, 0, NULL,
	    "value at the start (increase, decrease)"),
	FLD(kr, "target", FT_NUMBER, target, 0, NULL,
	    "value to reach (increase, decrease)"),
	FLD(kr, "low", FT_NUMBER, low, 0, NULL, "band: lowest healthy value"),
	FLD(kr, "high", FT_NUMBER, high, 0, NULL,
	    "band: highest healthy value"),
	FLD(kr, "weight", FT_WEIGHT, weight, F_REQUIRED, NULL,
	    "weight in the objective's progress (1)"),
	FLD(kr, "owner", FT_REF, owner, 0, NULL, "the person who checks in"),
	FLD(kr, "kpi", FT_KEY, kpi, 0, NULL,
	    "a KPI the value comes from (okrdesk kpi list)"),
	FLD(kr, "kpi_filter", FT_NAME, kpi_filter, 0, NULL,
	    "the KPI's segment: team=NAME,channel=NAME,agent=,category=,"
	    "priority="),
	FLD(kr, "kpi_window", FT_NAME, kpi_window, 0, NULL,
	    "cycle (to date, the default) or Nd (trailing N days)"),
	FLD(kr, "kpi_baseline", FT_NAME, kpi_baseline, 0, NULL,
	    "previous: the baseline is the KPI over the previous period"),
	{ NULL, FT__MAX, 0, 0, NULL, NULL }
};

const struct field_def checkin_fields[] = {
	FLD(checkin, "value", FT_NUMBER, value, F_REQUIRED, NULL,
	    "the key result's current value"),
	FLD(checkin, "confidence", FT_FRACTION, confidence, 0, NULL,
	    "confidence of reaching the target, 0 to 1"),
	FLD(checkin, "note", FT_TEXT, note, 0, NULL, "what happened"),
	{ NULL, FT__MAX, 0, 0, NULL, NULL }
};

void
workspace_defaults(struct workspace *w)
{
	memset(w, 0, sizeof(*w));
	w->cadence_days = 7;
	w->grace_days = 3;
	w->language = -1;
	w->checkin_day = 0;
	w->max_objectives = 5;
	w->max_krs = 5;
	w->max_kpis = 8;
}

void
team_defaults(struct team *t)
{
	memset(t, 0, sizeof(*t));
	t->checkin_day = -1;
}

void
person_defaults(struct person *p)
{
	memset(p, 0, sizeof(*p));
	p->role = (char *)"agent";
}

void
cycle_defaults(struct cycle *c)
{
	memset(c, 0, sizeof(*c));
	c->state = CYCLE_ACTIVE;
}

void
objective_defaults(struct objective *o)
{
	memset(o, 0, sizeof(*o));
	o->kind = OBJ_COMMITTED;
	o->state = OBJ_ACTIVE;
	o->weight = 1;
	o->grade = NAN;
}

void
kr_defaults(struct kr *k)
{
	memset(k, 0, sizeof(*k));
	k->kind = -1;
	k->baseline = k->target = k->low = k->high = NAN;
	k->weight = 1;
	k->source = (char *)"manual";
}

void
checkin_defaults(struct checkin *c)
{
	memset(c, 0, sizeof(*c));
	c->value = NAN;
	c->confidence = NAN;
	c->source = (char *)"manual";
}
