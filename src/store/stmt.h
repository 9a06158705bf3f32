/*
 * stmt.h: the names of every SQL statement okrdesk runs.
 *
 * The okr layer names a statement by its enum and binds its parameters; the
 * text of each statement lives in store/sql.c and nowhere else (kcgi's
 * sqlbox idiom).  The comment beside each name gives its parameters ($1..)
 * and, for queries, its result columns, which is the whole contract between
 * okr/ and store/.
 */
#ifndef STORE_STMT_H
#define STORE_STMT_H

#define STMT_LIST(X) \
	/* workspace: name, timezone, cadence_days, grace_days, language, checkin_day, max_objectives, max_krs, max_kpis */ \
	X(WS_GET)		/* -> the workspace columns, version */ \
	X(WS_INSERT)		/* the workspace columns */ \
	X(WS_UPDATE)		/* the workspace columns, version read -> new version */ \
	/* team columns: id, name, parent, description, lead, cadence_days, grace_days, checkin_day, version */ \
	X(TEAM_LIST)		/* -> team columns */ \
	X(TEAM_GET)		/* name -> team columns */ \
	X(TEAM_INSERT)		/* name, parent_id, description, lead_id, cadence_days, grace_days, checkin_day -> id */ \
	X(TEAM_UPDATE)		/* id, name, parent_id, description, lead_id, cadence_days, grace_days, checkin_day, version read -> new version */ \
	X(TEAM_DELETE)		/* id */ \
	X(TEAM_USES)		/* id -> child teams, people, objectives, users */ \
	X(PERSON_LIST)		/* -> id, name, team, role, email, version */ \
	X(PERSON_GET)		/* name -> id, name, team, role, email, version */ \
	X(PERSON_INSERT)	/* name, team_id, role, email -> id */ \
	X(PERSON_UPDATE)	/* id, name, team_id, role, email, version read -> new version */ \
	X(PERSON_DELETE)	/* id */ \
	X(PERSON_USES)		/* id -> objectives owned, key results owned, users */ \
	X(CYCLE_LIST)		/* -> id, name, start, end, state, version */ \
	X(CYCLE_GET)		/* name -> id, name, start, end, state, version */ \
	X(CYCLE_INSERT)		/* name, start, end, state -> id */ \
	X(CYCLE_UPDATE)		/* id, name, start, end, state, version read -> new version */ \
	X(CYCLE_DELETE)		/* id */ \
	X(CYCLE_USES)		/* id -> objectives */ \
	X(OBJ_LIST)		/* cycle name or NULL -> OBJ columns */ \
	X(OBJ_GET)		/* key -> OBJ columns */ \
	X(OBJ_GET_ID)		/* id -> OBJ columns */ \
	X(OBJ_INSERT)		/* key, cycle_id, title, description, team_id, person_id, kind, state, weight, retrospective, postmortem -> id */ \
	X(OBJ_UPDATE)		/* id, key, cycle_id, title, description, team_id, person_id, kind, state, weight, retrospective, postmortem, version read -> new version */ \
	X(OBJ_DELETE)		/* id */ \
	X(ALIGN_LIST)		/* -> objective_id, parent objective key, parent kr objective key, parent kr key */ \
	X(ALIGN_CLEAR)		/* objective_id */ \
	X(ALIGN_INSERT)		/* objective_id, seq, parent_objective_id, parent_kr_id */ \
	X(KR_LIST)		/* cycle name or NULL -> KR columns */ \
	X(KR_LIST_OBJ)		/* objective_id -> KR columns */ \
	X(KR_GET)		/* objective key, kr key -> KR columns */ \
	X(KR_INSERT)		/* objective_id, key, seq, title, person_id, kind, unit, baseline, target, low, high, weight, kpi, kpi_filter, kpi_window, kpi_baseline -> id */ \
	X(KR_UPDATE)		/* id, key, title, person_id, kind, unit, baseline, target, low, high, weight, kpi, kpi_filter, kpi_window, kpi_baseline, version read -> new version */ \
	X(KR_DELETE)		/* id */ \
	X(KR_NEXT_SEQ)		/* objective_id -> next seq */ \
	X(MS_LIST)		/* kr_id -> seq, title, weight, done_at */ \
	X(MS_UPSERT)		/* kr_id, seq, title, weight */ \
	X(MS_DELETE)		/* kr_id, title */ \
	X(MS_SET_DONE)		/* kr_id, title, done_at or NULL */ \
	X(CHECKIN_INSERT)	/* kr_id, at, value, confidence, note, author, source -> id */ \
	X(CHECKIN_LIST)		/* kr_id -> id, at, value, confidence, note, author, source */ \
	X(CHECKIN_LIST_CYCLE)	/* cycle name or NULL -> kr_id, id, at, value, confidence, note, author, source */ \
	X(HIST_INSERT)		/* at, who, entity, entity_id, label, field, old, new */ \
	X(DS_INTERACTIONS_UPSERT)	/* the fields of kpi/dataset.h in order */ \
	X(DS_INTERACTIONS_SCAN)	/* -> the fields in order */ \
	X(DS_INTERACTIONS_COUNT)	/* -> rows */ \
	X(DS_SURVEYS_UPSERT)	/* the fields of kpi/dataset.h in order */ \
	X(DS_SURVEYS_SCAN)	/* -> the fields in order */ \
	X(DS_SURVEYS_COUNT)	/* -> rows */ \
	X(DS_QA_REVIEWS_UPSERT)	/* the fields of kpi/dataset.h in order */ \
	X(DS_QA_REVIEWS_SCAN)	/* -> the fields in order */ \
	X(DS_QA_REVIEWS_COUNT)	/* -> rows */ \
	X(DS_TRAINING_UPSERT)	/* the fields of kpi/dataset.h in order */ \
	X(DS_TRAINING_SCAN)	/* -> the fields in order */ \
	X(DS_TRAINING_COUNT)	/* -> rows */ \
	X(DS_KB_AUDITS_UPSERT)	/* the fields of kpi/dataset.h in order */ \
	X(DS_KB_AUDITS_SCAN)	/* -> the fields in order */ \
	X(DS_KB_AUDITS_COUNT)	/* -> rows */ \
	X(DS_CUSTOMERS_UPSERT)	/* the fields of kpi/dataset.h in order */ \
	X(DS_CUSTOMERS_SCAN)	/* -> the fields in order */ \
	X(DS_CUSTOMERS_COUNT)	/* -> rows */ \
	X(DS_AGENTS_UPSERT)	/* the fields of kpi/dataset.h in order */ \
	X(DS_AGENTS_SCAN)	/* -> the fields in order */ \
	X(DS_AGENTS_COUNT)	/* -> rows */ \
	X(IMPORT_LOG_INSERT)	/* at, who, dataset, file, profile, rows, added, skipped */ \
	X(IMPORT_LOG_LIST)	/* limit -> at, who, dataset, file, profile, rows, added, skipped */ \
	X(IMPORT_LOG_LAST)	/* -> the latest import's id (0: none): the data's version */ \
	X(WS_SCHEDULE_GET)	/* -> schedule, holidays */ \
	X(WS_SCHEDULE_SET)	/* schedule, holidays */ \
	X(CORRIDOR_LIST)	/* -> kpi, team ('' for all), low, high */ \
	X(CORRIDOR_SET)		/* kpi, team, low, high */ \
	X(CORRIDOR_DELETE)	/* kpi, team */ \
	X(CHECKIN_KPI_CLEAR)	/* kr_id: drop the points computed from data */ \
	X(CHECKIN_KPI_INSERT)	/* kr_id, at, value, numerator, denominator, n, lineage */ \
	X(CHECKIN_KPI_LAST)	/* kr_id -> at, value, numerator, denominator, n, lineage */ \
	X(SECRET_GET)		/* name -> value */ \
	X(SECRET_SET)		/* name, value (kept if one exists) */ \
	X(SURVEY_COMMENT_SET)	/* survey id, comment */ \
	X(SURVEY_STATE)		/* survey id -> sent_at, responded_at, score */ \
	X(INTERACTION_WHO)	/* interaction id -> channel, team, agent, created_at */ \
	X(HIST_LIST)		/* entity or NULL, label or NULL, limit -> id, at, who, entity, entity_id, label, field, old, new */ \
	/* sign-in: users, sessions, API tokens (okr/user.h) */ \
	X(USER_LIST)		/* -> USER columns */ \
	X(USER_GET)		/* login -> USER columns */ \
	X(USER_GET_ID)		/* id -> USER columns */ \
	X(USER_INSERT)		/* login, name, password_hash, role, team_id, person_id, lang, created_at, disabled -> id */ \
	X(USER_UPDATE)		/* id, login, name, role, team_id, person_id, lang, disabled */ \
	X(USER_DELETE)		/* id */ \
	X(USER_COUNT)		/* -> users */ \
	X(USER_ADMINS)		/* -> enabled admins */ \
	X(USER_HASH_GET)	/* login -> id, password_hash, disabled */ \
	X(USER_HASH_SET)	/* id, password_hash */ \
	X(SESSION_INSERT)	/* hash, user_id, csrf, created_at, expires_at */ \
	X(SESSION_GET)		/* hash -> user_id, csrf, created_at, expires_at */ \
	X(SESSION_TOUCH)	/* hash, expires_at */ \
	X(SESSION_DELETE)	/* hash */ \
	X(SESSION_DELETE_USER)	/* user_id */ \
	X(SESSION_PURGE)	/* now: drop the expired */ \
	X(TOKEN_INSERT)		/* user_id, name, hash, role, created_at -> id */ \
	X(TOKEN_GET)		/* hash -> id, user_id, role, revoked_at, last_used_at */ \
	X(TOKEN_GET_ID)		/* id -> TOKEN columns */ \
	X(TOKEN_LIST)		/* -> TOKEN columns */ \
	X(TOKEN_TOUCH)		/* id, last_used_at */ \
	X(TOKEN_REVOKE)		/* id, revoked_at */ \
	/* comments on objectives and key results (okr/comment.h) */ \
	X(COMMENT_INSERT)	/* entity, entity_id, objective_id, kr_id or NULL, author, at, text -> id */ \
	X(COMMENT_LIST_OBJ)	/* objective_id -> id, entity, entity_id, kr key or NULL, author, at, text */ \
	/* cycle close, review and carry-over (okr/close.h, okr/review.h) */ \
	X(CYCLE_CLOSE_GET)	/* name -> id, closed_at, closed_by */ \
	X(CYCLE_CLOSE_SET)	/* id, closed_at, closed_by: state closed */ \
	X(OBJ_CLOSED_GET)	/* objective key -> cycle name, closed_at, closed_by */ \
	X(OBJ_FREEZE)		/* id, grade: state closed */ \
	X(KR_FREEZE)		/* id, grade, final_value, final_status */ \
	X(KR_FINAL_LIST)	/* cycle name -> kr id, grade, final_value, final_status */ \
	X(CYCLE_KPI_UPSERT)	/* cycle_id, kpi, filter, start_value, start_n, end_value, end_n, seq */ \
	X(CYCLE_KPI_LIST)	/* cycle_id -> kpi, filter, start_value, start_n, end_value, end_n, in the order recorded (seq) */ \
	X(OBJ_CARRIED_SET)	/* id, carried_from */ \
	X(OBJ_CARRIED_FIND)	/* carried_from key, cycle name -> key */ \
	/* reminders sent, one row per day, channel and recipient (okr/remind.h) */ \
	X(REMIND_LOG_GET)	/* day, channel, recipient -> at, items */ \
	X(REMIND_LOG_PUT)	/* day, channel, recipient, at, items: insert or replace */ \
	/* several servers, one database (okr/okr.h: versions; user.h: throttle) */ \
	X(WS_VERSION)		/* id (1) -> version */ \
	X(TEAM_VERSION)		/* id -> version */ \
	X(PERSON_VERSION)	/* id -> version */ \
	X(CYCLE_VERSION)	/* id -> version */ \
	X(OBJ_VERSION)		/* id -> version */ \
	X(KR_VERSION)		/* id -> version */ \
	X(THROTTLE_LOCKED)	/* key -> the latest lock's time (0: none) */ \
	X(THROTTLE_COUNT)	/* key, since -> failures after since */ \
	X(THROTTLE_ADD)		/* key, at, kind ('fail' or 'lock') */ \
	X(THROTTLE_CLEAR)	/* key, all (1: locks too; 0: failures only) */ \
	X(THROTTLE_PRUNE)	/* before: drop older attempts */

enum stmt {
#define X(n) STMT_##n,
	STMT_LIST(X)
#undef X
	STMT__MAX
};

/* Columns of OBJ_LIST, OBJ_GET, OBJ_GET_ID. */
enum obj_col {
	OBJ_C_ID, OBJ_C_KEY, OBJ_C_CYCLE, OBJ_C_TITLE, OBJ_C_DESCRIPTION,
	OBJ_C_TEAM, OBJ_C_PERSON, OBJ_C_KIND, OBJ_C_STATE, OBJ_C_WEIGHT,
	OBJ_C_GRADE, OBJ_C_RETRO, OBJ_C_POSTMORTEM, OBJ_C_CARRIED_FROM,
	OBJ_C_VERSION, OBJ_C__MAX
};

/* Columns of KR_LIST, KR_LIST_OBJ, KR_GET. */
enum kr_col {
	KR_C_ID, KR_C_OBJECTIVE_ID, KR_C_OBJECTIVE, KR_C_KEY, KR_C_TITLE,
	KR_C_OWNER, KR_C_KIND, KR_C_UNIT, KR_C_BASELINE, KR_C_TARGET,
	KR_C_LOW, KR_C_HIGH, KR_C_WEIGHT, KR_C_SOURCE, KR_C_KPI,
	KR_C_KPI_FILTER, KR_C_KPI_WINDOW, KR_C_KPI_BASELINE, KR_C_VERSION,
	KR_C__MAX
};

/* Columns of USER_LIST, USER_GET, USER_GET_ID. */
enum user_col {
	USER_C_ID, USER_C_LOGIN, USER_C_NAME, USER_C_ROLE, USER_C_TEAM,
	USER_C_PERSON, USER_C_LANG, USER_C_CREATED_AT, USER_C_DISABLED,
	USER_C__MAX
};

/* Columns of TOKEN_LIST, TOKEN_GET_ID. */
enum token_col {
	TOKEN_C_ID, TOKEN_C_NAME, TOKEN_C_USER, TOKEN_C_ROLE,
	TOKEN_C_CREATED_AT, TOKEN_C_LAST_USED_AT, TOKEN_C_REVOKED_AT,
	TOKEN_C__MAX
};

extern const char *const stmt_names[STMT__MAX];

#endif /* STORE_STMT_H */
