/*
 * sql.c: every SQL text okrdesk runs: the schema migrations and the named
 * statements of stmt.h.
 *
 * The SQL is written to run unchanged on SQLite (3.35 or later, for
 * RETURNING) and PostgreSQL: $1.. placeholders (SQLite reads "$1" as a
 * named parameter, which the backend binds by name), INSERT ... RETURNING
 * for new ids, ON CONFLICT for upserts, no engine-specific functions.
 * Times are int64 seconds UTC; calendar dates are 'YYYY-MM-DD' text.
 */
#include "store/backend.h"

const char *const store_migrations[STORE_SCHEMA_VERSION] = {
	/* 1: the OKR core */
	"CREATE TABLE schema_version (version INTEGER NOT NULL);"
	"INSERT INTO schema_version(version) VALUES (1);"
	"CREATE TABLE workspace ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  name TEXT NOT NULL,"
	"  timezone TEXT NOT NULL,"
	"  cadence_days INTEGER NOT NULL DEFAULT 7,"
	"  grace_days INTEGER NOT NULL DEFAULT 3);"
	"CREATE TABLE team ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  parent_id INTEGER REFERENCES team(id),"
	"  description TEXT);"
	"CREATE TABLE person ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  team_id INTEGER REFERENCES team(id),"
	"  role TEXT NOT NULL,"
	"  email TEXT);"
	"CREATE TABLE cycle ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  start_date TEXT NOT NULL,"
	"  end_date TEXT NOT NULL,"
	"  state TEXT NOT NULL,"
	"  CHECK (end_date >= start_date));"
	"CREATE TABLE objective ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  cycle_id INTEGER NOT NULL REFERENCES cycle(id),"
	"  title TEXT NOT NULL,"
	"  description TEXT,"
	"  owner_team_id INTEGER REFERENCES team(id),"
	"  owner_person_id INTEGER REFERENCES person(id),"
	"  kind TEXT NOT NULL,"
	"  state TEXT NOT NULL,"
	"  weight REAL NOT NULL,"
	"  grade REAL,"
	"  retrospective TEXT,"
	"  CHECK ((owner_team_id IS NULL) <> (owner_person_id IS NULL)));"
	"CREATE TABLE key_result ("
	"  id INTEGER PRIMARY KEY,"
	"  objective_id INTEGER NOT NULL REFERENCES objective(id)"
	"    ON DELETE CASCADE,"
	"  key TEXT NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  title TEXT NOT NULL,"
	"  owner_person_id INTEGER REFERENCES person(id),"
	"  kind TEXT NOT NULL,"
	"  unit TEXT,"
	"  baseline REAL,"
	"  target REAL,"
	"  band_low REAL,"
	"  band_high REAL,"
	"  weight REAL NOT NULL,"
	"  source TEXT NOT NULL DEFAULT 'manual',"
	"  UNIQUE (objective_id, key));"
	"CREATE TABLE alignment ("
	"  objective_id INTEGER NOT NULL REFERENCES objective(id)"
	"    ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  parent_objective_id INTEGER REFERENCES objective(id)"
	"    ON DELETE CASCADE,"
	"  parent_kr_id INTEGER REFERENCES key_result(id) ON DELETE CASCADE,"
	"  CHECK ((parent_objective_id IS NULL) <> (parent_kr_id IS NULL)));"
	"CREATE INDEX alignment_objective ON alignment(objective_id);"
	"CREATE TABLE milestone ("
	"  kr_id INTEGER NOT NULL REFERENCES key_result(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  title TEXT NOT NULL,"
	"  weight REAL NOT NULL,"
	"  done_at INTEGER,"
	"  PRIMARY KEY (kr_id, title));"
	"CREATE TABLE checkin ("
	"  id INTEGER PRIMARY KEY,"
	"  kr_id INTEGER NOT NULL REFERENCES key_result(id) ON DELETE CASCADE,"
	"  at INTEGER NOT NULL,"
	"  value REAL NOT NULL,"
	"  confidence REAL CHECK (confidence BETWEEN 0 AND 1),"
	"  note TEXT,"
	"  author TEXT,"
	"  source TEXT NOT NULL);"
	"CREATE INDEX checkin_kr_at ON checkin(kr_id, at);"
	"CREATE TABLE history ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  who TEXT NOT NULL,"
	"  entity TEXT NOT NULL,"
	"  entity_id INTEGER NOT NULL,"
	"  label TEXT NOT NULL,"
	"  field TEXT NOT NULL,"
	"  old TEXT,"
	"  new TEXT);"
	"CREATE INDEX history_entity ON history(entity, entity_id);",
	/* 2: support data, KPI-linked key results, corridors */
	"UPDATE schema_version SET version = 2;"
	"CREATE TABLE interactions ("
	"  id TEXT PRIMARY KEY,"
	"  channel TEXT,"
	"  team TEXT,"
	"  agent TEXT,"
	"  customer TEXT,"
	"  category TEXT,"
	"  priority TEXT,"
	"  status TEXT,"
	"  created_at INTEGER,"
	"  first_reply_at INTEGER,"
	"  solved_at INTEGER,"
	"  resolved_at INTEGER,"
	"  closed_at INTEGER,"
	"  sla_due_at INTEGER,"
	"  reopen_count INTEGER,"
	"  agent_replies INTEGER,"
	"  escalated INTEGER,"
	"  sla_first_reply_met INTEGER,"
	"  sla_resolution_met INTEGER,"
	"  resolved INTEGER,"
	"  answered INTEGER,"
	"  abandoned INTEGER,"
	"  queued_s REAL,"
	"  talk_s REAL,"
	"  hold_s REAL,"
	"  wrap_s REAL,"
	"  excluded INTEGER) WITHOUT ROWID;"
	"CREATE TABLE surveys ("
	"  id TEXT PRIMARY KEY,"
	"  interaction_id TEXT,"
	"  kind TEXT NOT NULL,"
	"  scale_min REAL NOT NULL,"
	"  scale_max REAL NOT NULL,"
	"  score REAL,"
	"  sent_at INTEGER,"
	"  responded_at INTEGER,"
	"  agent TEXT,"
	"  team TEXT,"
	"  channel TEXT) WITHOUT ROWID;"
	"CREATE TABLE qa_reviews ("
	"  id TEXT PRIMARY KEY,"
	"  interaction_id TEXT,"
	"  agent TEXT,"
	"  team TEXT,"
	"  reviewer TEXT,"
	"  reviewed_at INTEGER NOT NULL,"
	"  score REAL NOT NULL,"
	"  critical_failed INTEGER) WITHOUT ROWID;"
	"CREATE TABLE training ("
	"  id TEXT PRIMARY KEY,"
	"  agent TEXT NOT NULL,"
	"  team TEXT,"
	"  date INTEGER NOT NULL,"
	"  hours REAL NOT NULL,"
	"  course TEXT) WITHOUT ROWID;"
	"CREATE TABLE kb_audits ("
	"  id TEXT PRIMARY KEY,"
	"  article TEXT,"
	"  team TEXT,"
	"  audited_at INTEGER NOT NULL,"
	"  accurate INTEGER NOT NULL,"
	"  views INTEGER) WITHOUT ROWID;"
	"CREATE TABLE customers ("
	"  id TEXT PRIMARY KEY,"
	"  started_at INTEGER,"
	"  churned_at INTEGER,"
	"  churned INTEGER,"
	"  team TEXT) WITHOUT ROWID;"
	"CREATE TABLE agents ("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT,"
	"  team TEXT,"
	"  role TEXT,"
	"  hired_at INTEGER) WITHOUT ROWID;"
	"CREATE TABLE import_log ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  who TEXT NOT NULL,"
	"  dataset TEXT NOT NULL,"
	"  file TEXT NOT NULL,"
	"  profile TEXT NOT NULL,"
	"  rows INTEGER NOT NULL,"
	"  added INTEGER NOT NULL,"
	"  skipped INTEGER NOT NULL);"
	"CREATE TABLE kpi_corridor ("
	"  kpi TEXT NOT NULL,"
	"  team TEXT NOT NULL,"
	"  low REAL,"
	"  high REAL,"
	"  PRIMARY KEY (kpi, team));"
	"ALTER TABLE workspace ADD COLUMN schedule TEXT;"
	"ALTER TABLE workspace ADD COLUMN holidays TEXT;"
	"ALTER TABLE key_result ADD COLUMN kpi TEXT;"
	"ALTER TABLE key_result ADD COLUMN kpi_filter TEXT;"
	"ALTER TABLE key_result ADD COLUMN kpi_window TEXT;"
	"ALTER TABLE key_result ADD COLUMN kpi_baseline TEXT;"
	"ALTER TABLE checkin ADD COLUMN numerator REAL;"
	"ALTER TABLE checkin ADD COLUMN denominator REAL;"
	"ALTER TABLE checkin ADD COLUMN n INTEGER;"
	"ALTER TABLE checkin ADD COLUMN lineage TEXT;",
	/*
	 * 3: sign-in.  Only hashes of secrets are kept: a password as its
	 * argon2id string, a session or API token as the hex BLAKE2b of the
	 * token (a stolen database opens no session).  "users", not "user":
	 * the latter is reserved in PostgreSQL.  A user's team and person
	 * are ids, so renames follow; removing them unlinks the user.
	 */
	"CREATE TABLE users ("
	"  id INTEGER PRIMARY KEY,"
	"  login TEXT NOT NULL UNIQUE,"
	"  name TEXT,"
	"  password_hash TEXT NOT NULL,"
	"  role TEXT NOT NULL,"
	"  team_id INTEGER REFERENCES team(id) ON DELETE SET NULL,"
	"  person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,"
	"  lang TEXT,"
	"  created_at INTEGER NOT NULL,"
	"  disabled INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE session ("
	"  hash TEXT PRIMARY KEY,"
	"  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  csrf TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  expires_at INTEGER NOT NULL);"
	"CREATE INDEX session_by_user ON session(user_id);"
	"CREATE TABLE api_token ("
	"  id INTEGER PRIMARY KEY,"
	"  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  hash TEXT NOT NULL UNIQUE,"
	"  role TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  last_used_at INTEGER,"
	"  revoked_at INTEGER);"
	"UPDATE schema_version SET version = 3;",
	/* 4: survey links: the workspace's signing key, answers' comments */
	"UPDATE schema_version SET version = 4;"
	"CREATE TABLE secret ("
	"  name TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL);"
	"CREATE TABLE survey_comment ("
	"  survey_id TEXT PRIMARY KEY,"
	"  comment TEXT NOT NULL);",
	/*
	 * 5: comments on objectives and key results (okr/comment.h), and the
	 * workspace's language (NULL: each reader's browser decides).
	 * entity and entity_id name what a comment is about; objective_id
	 * and kr_id are the same link as foreign keys, so removing an
	 * objective or key result takes its comments with it and a reused
	 * id can never inherit someone else's discussion.
	 */
	"ALTER TABLE workspace ADD COLUMN language TEXT;"
	"CREATE TABLE comment ("
	"  id INTEGER PRIMARY KEY,"
	"  entity TEXT NOT NULL CHECK (entity IN ('objective', 'kr')),"
	"  entity_id INTEGER NOT NULL,"
	"  objective_id INTEGER NOT NULL REFERENCES objective(id)"
	"    ON DELETE CASCADE,"
	"  kr_id INTEGER REFERENCES key_result(id) ON DELETE CASCADE,"
	"  author TEXT NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  text TEXT NOT NULL);"
	"CREATE INDEX comment_objective ON comment(objective_id, at);"
	"UPDATE schema_version SET version = 5;",
	/*
	 * 6: coaching and review.  The check-in cadence gets a weekday and
	 * may be set per team; a team names its lead (reminders escalate to
	 * them); lint limits; an objective's post-mortem and where it was
	 * carried from; what a cycle close froze (grades, final values and
	 * statuses, KPI movement); and the reminders sent, one row per day,
	 * channel and recipient, so remind is idempotent per day.
	 */
	"ALTER TABLE workspace ADD COLUMN checkin_day TEXT NOT NULL "
	"  DEFAULT 'monday';"
	"ALTER TABLE workspace ADD COLUMN max_objectives INTEGER NOT NULL "
	"  DEFAULT 5;"
	"ALTER TABLE workspace ADD COLUMN max_krs INTEGER NOT NULL DEFAULT 5;"
	"ALTER TABLE workspace ADD COLUMN max_kpis INTEGER NOT NULL DEFAULT 8;"
	"ALTER TABLE team ADD COLUMN lead_id INTEGER REFERENCES person(id)"
	"  ON DELETE SET NULL;"
	"ALTER TABLE team ADD COLUMN cadence_days INTEGER;"
	"ALTER TABLE team ADD COLUMN grace_days INTEGER;"
	"ALTER TABLE team ADD COLUMN checkin_day TEXT;"
	"ALTER TABLE objective ADD COLUMN postmortem TEXT;"
	"ALTER TABLE objective ADD COLUMN carried_from TEXT;"
	"ALTER TABLE key_result ADD COLUMN grade REAL;"
	"ALTER TABLE key_result ADD COLUMN final_value REAL;"
	"ALTER TABLE key_result ADD COLUMN final_status TEXT;"
	"ALTER TABLE cycle ADD COLUMN closed_at INTEGER;"
	"ALTER TABLE cycle ADD COLUMN closed_by TEXT;"
	"CREATE TABLE cycle_kpi ("
	"  cycle_id INTEGER NOT NULL REFERENCES cycle(id) ON DELETE CASCADE,"
	"  kpi TEXT NOT NULL,"
	"  filter TEXT NOT NULL,"
	"  start_value REAL,"
	"  start_n INTEGER,"
	"  end_value REAL,"
	"  end_n INTEGER,"
	"  PRIMARY KEY (cycle_id, kpi, filter));"
	"CREATE TABLE reminder_log ("
	"  day TEXT NOT NULL,"
	"  channel TEXT NOT NULL,"
	"  recipient TEXT NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  items INTEGER NOT NULL,"
	"  PRIMARY KEY (day, channel, recipient));"
	"UPDATE schema_version SET version = 6;",
	/*
	 * 7: several servers on one database.  A version on every entity a
	 * person edits, bumped by each UPDATE that matches the version the
	 * writer read (optimistic concurrency: the loser of a race gets a
	 * conflict, never a lost update); the order cycle_kpi rows were
	 * recorded in, portably; and failed sign-ins, so every server
	 * counts the same attempts (key: a hash of login and address; kind
	 * 'fail' or 'lock').
	 */
	"ALTER TABLE workspace ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE team ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE person ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE cycle ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE objective ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE key_result ADD COLUMN version INTEGER NOT NULL "
	"  DEFAULT 1;"
	"ALTER TABLE cycle_kpi ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE signin_attempt ("
	"  key TEXT NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('fail', 'lock')));"
	"CREATE INDEX signin_attempt_key ON signin_attempt(key, at);"
	"CREATE INDEX signin_attempt_at ON signin_attempt(at);"
	"UPDATE schema_version SET version = 7;",
};

#define OBJ_COLS \
	"o.id, o.key, c.name, o.title, o.description, t.name, p.name, " \
	"o.kind, o.state, o.weight, o.grade, o.retrospective, " \
	"o.postmortem, o.carried_from, o.version " \
	"FROM objective o JOIN cycle c ON c.id = o.cycle_id " \
	"LEFT JOIN team t ON t.id = o.owner_team_id " \
	"LEFT JOIN person p ON p.id = o.owner_person_id "

#define TEAM_COLS \
	"t.id, t.name, p.name, t.description, l.name, t.cadence_days, " \
	"t.grace_days, t.checkin_day, t.version FROM team t " \
	"LEFT JOIN team p ON p.id = t.parent_id " \
	"LEFT JOIN person l ON l.id = t.lead_id "

#define KR_COLS \
	"k.id, k.objective_id, o.key, k.key, k.title, p.name, k.kind, " \
	"k.unit, k.baseline, k.target, k.band_low, k.band_high, k.weight, " \
	"k.source, k.kpi, k.kpi_filter, k.kpi_window, k.kpi_baseline, " \
	"k.version " \
	"FROM key_result k JOIN objective o ON o.id = k.objective_id " \
	"JOIN cycle c ON c.id = o.cycle_id " \
	"LEFT JOIN person p ON p.id = k.owner_person_id "

#define USER_COLS \
	"u.id, u.login, u.name, u.role, t.name, p.name, u.lang, " \
	"u.created_at, u.disabled FROM users u " \
	"LEFT JOIN team t ON t.id = u.team_id " \
	"LEFT JOIN person p ON p.id = u.person_id "

#define TOKEN_COLS \
	"k.id, k.name, u.login, k.role, k.created_at, k.last_used_at, " \
	"k.revoked_at FROM api_token k JOIN users u ON u.id = k.user_id "

const char *const stmt_sql[STMT__MAX] = {
	[STMT_WS_GET] =
	    "SELECT name, timezone, cadence_days, grace_days, language, "
	    "checkin_day, max_objectives, max_krs, max_kpis, version "
	    "FROM workspace WHERE id = 1",
	[STMT_WS_INSERT] =
	    "INSERT INTO workspace(id, name, timezone, cadence_days, "
	    "grace_days, language, checkin_day, max_objectives, max_krs, "
	    "max_kpis) VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9)",
	[STMT_WS_UPDATE] =
	    "UPDATE workspace SET name = $1, timezone = $2, "
	    "cadence_days = $3, grace_days = $4, language = $5, "
	    "checkin_day = $6, max_objectives = $7, max_krs = $8, "
	    "max_kpis = $9, version = version + 1 "
	    "WHERE id = 1 AND version = $10 RETURNING version",

	[STMT_TEAM_LIST] =
	    "SELECT " TEAM_COLS "ORDER BY t.id",
	[STMT_TEAM_GET] = "SELECT " TEAM_COLS "WHERE t.name = $1",
	[STMT_TEAM_INSERT] =
	    "INSERT INTO team(name, parent_id, description, lead_id, "
	    "cadence_days, grace_days, checkin_day) "
	    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
	[STMT_TEAM_UPDATE] =
	    "UPDATE team SET name = $2, parent_id = $3, description = $4, "
	    "lead_id = $5, cadence_days = $6, grace_days = $7, "
	    "checkin_day = $8, version = version + 1 "
	    "WHERE id = $1 AND version = $9 RETURNING version",
	[STMT_TEAM_DELETE] = "DELETE FROM team WHERE id = $1",
	[STMT_TEAM_USES] =
	    "SELECT (SELECT count(*) FROM team WHERE parent_id = $1), "
	    "(SELECT count(*) FROM person WHERE team_id = $1), "
	    "(SELECT count(*) FROM objective WHERE owner_team_id = $1), "
	    "(SELECT count(*) FROM users WHERE team_id = $1)",

	[STMT_PERSON_LIST] =
	    "SELECT p.id, p.name, t.name, p.role, p.email, p.version "
	    "FROM person p "
	    "LEFT JOIN team t ON t.id = p.team_id ORDER BY p.id",
	[STMT_PERSON_GET] =
	    "SELECT p.id, p.name, t.name, p.role, p.email, p.version "
	    "FROM person p "
	    "LEFT JOIN team t ON t.id = p.team_id WHERE p.name = $1",
	[STMT_PERSON_INSERT] =
	    "INSERT INTO person(name, team_id, role, email) "
	    "VALUES ($1, $2, $3, $4) RETURNING id",
	[STMT_PERSON_UPDATE] =
	    "UPDATE person SET name = $2, team_id = $3, role = $4, "
	    "email = $5, version = version + 1 "
	    "WHERE id = $1 AND version = $6 RETURNING version",
	[STMT_PERSON_DELETE] = "DELETE FROM person WHERE id = $1",
	[STMT_PERSON_USES] =
	    "SELECT (SELECT count(*) FROM objective "
	    "WHERE owner_person_id = $1), (SELECT count(*) FROM key_result "
	    "WHERE owner_person_id = $1), (SELECT count(*) FROM users "
	    "WHERE person_id = $1)",

	[STMT_CYCLE_LIST] =
	    "SELECT id, name, start_date, end_date, state, version FROM cycle "
	    "ORDER BY start_date, id",
	[STMT_CYCLE_GET] =
	    "SELECT id, name, start_date, end_date, state, version FROM cycle "
	    "WHERE name = $1",
	[STMT_CYCLE_INSERT] =
	    "INSERT INTO cycle(name, start_date, end_date, state) "
	    "VALUES ($1, $2, $3, $4) RETURNING id",
	[STMT_CYCLE_UPDATE] =
	    "UPDATE cycle SET name = $2, start_date = $3, end_date = $4, "
	    "state = $5, version = version + 1 "
	    "WHERE id = $1 AND version = $6 RETURNING version",
	[STMT_CYCLE_DELETE] = "DELETE FROM cycle WHERE id = $1",
	[STMT_CYCLE_USES] =
	    "SELECT count(*) FROM objective WHERE cycle_id = $1",

	[STMT_OBJ_LIST] =
	    "SELECT " OBJ_COLS "WHERE (CAST($1 AS TEXT) IS NULL OR c.name = $1) "
	    "ORDER BY o.id",
	[STMT_OBJ_GET] = "SELECT " OBJ_COLS "WHERE o.key = $1",
	[STMT_OBJ_GET_ID] = "SELECT " OBJ_COLS "WHERE o.id = $1",
	[STMT_OBJ_INSERT] =
	    "INSERT INTO objective(key, cycle_id, title, description, "
	    "owner_team_id, owner_person_id, kind, state, weight, "
	    "retrospective, postmortem) "
	    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
	    "RETURNING id",
	[STMT_OBJ_UPDATE] =
	    "UPDATE objective SET key = $2, cycle_id = $3, title = $4, "
	    "description = $5, owner_team_id = $6, owner_person_id = $7, "
	    "kind = $8, state = $9, weight = $10, retrospective = $11, "
	    "postmortem = $12, version = version + 1 "
	    "WHERE id = $1 AND version = $13 RETURNING version",
	[STMT_OBJ_DELETE] = "DELETE FROM objective WHERE id = $1",

	[STMT_ALIGN_LIST] =
	    "SELECT a.objective_id, po.key, ko.key, k.key FROM alignment a "
	    "LEFT JOIN objective po ON po.id = a.parent_objective_id "
	    "LEFT JOIN key_result k ON k.id = a.parent_kr_id "
	    "LEFT JOIN objective ko ON ko.id = k.objective_id "
	    "ORDER BY a.objective_id, a.seq",
	[STMT_ALIGN_CLEAR] = "DELETE FROM alignment WHERE objective_id = $1",
	[STMT_ALIGN_INSERT] =
	    "INSERT INTO alignment(objective_id, seq, parent_objective_id, "
	    "parent_kr_id) VALUES ($1, $2, $3, $4)",

	[STMT_KR_LIST] =
	    "SELECT " KR_COLS "WHERE (CAST($1 AS TEXT) IS NULL OR c.name = $1) "
	    "ORDER BY o.id, k.seq",
	[STMT_KR_LIST_OBJ] =
	    "SELECT " KR_COLS "WHERE k.objective_id = $1 ORDER BY k.seq",
	[STMT_KR_GET] = "SELECT " KR_COLS "WHERE o.key = $1 AND k.key = $2",
	[STMT_KR_INSERT] =
	    "INSERT INTO key_result(objective_id, key, seq, title, "
	    "owner_person_id, kind, unit, baseline, target, band_low, "
	    "band_high, weight, kpi, kpi_filter, kpi_window, kpi_baseline, "
	    "source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
	    "$12, $13, $14, $15, $16, "
	    "CASE WHEN CAST($13 AS TEXT) IS NULL THEN 'manual' ELSE 'kpi' "
	    "END) RETURNING id",
	[STMT_KR_UPDATE] =
	    "UPDATE key_result SET key = $2, title = $3, owner_person_id = $4,"
	    " kind = $5, unit = $6, baseline = $7, target = $8, "
	    "band_low = $9, band_high = $10, weight = $11, kpi = $12, "
	    "kpi_filter = $13, kpi_window = $14, kpi_baseline = $15, "
	    "source = CASE WHEN CAST($12 AS TEXT) IS NULL THEN 'manual' "
	    "ELSE 'kpi' END, version = version + 1 "
	    "WHERE id = $1 AND version = $16 RETURNING version",
	[STMT_KR_DELETE] = "DELETE FROM key_result WHERE id = $1",
	[STMT_KR_NEXT_SEQ] =
	    "SELECT coalesce(max(seq), 0) + 1 FROM key_result "
	    "WHERE objective_id = $1",

	[STMT_MS_LIST] =
	    "SELECT seq, title, weight, done_at FROM milestone "
	    "WHERE kr_id = $1 ORDER BY seq",
	[STMT_MS_UPSERT] =
	    "INSERT INTO milestone(kr_id, seq, title, weight) "
	    "VALUES ($1, $2, $3, $4) ON CONFLICT (kr_id, title) "
	    "DO UPDATE SET seq = excluded.seq, weight = excluded.weight",
	[STMT_MS_DELETE] =
	    "DELETE FROM milestone WHERE kr_id = $1 AND title = $2",
	[STMT_MS_SET_DONE] =
	    "UPDATE milestone SET done_at = $3 WHERE kr_id = $1 "
	    "AND title = $2",

	[STMT_CHECKIN_INSERT] =
	    "INSERT INTO checkin(kr_id, at, value, confidence, note, author, "
	    "source) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
	[STMT_CHECKIN_LIST] =
	    "SELECT id, at, value, confidence, note, author, source "
	    "FROM checkin WHERE kr_id = $1 ORDER BY at, id",
	[STMT_CHECKIN_LIST_CYCLE] =
	    "SELECT ci.kr_id, ci.id, ci.at, ci.value, ci.confidence, ci.note,"
	    " ci.author, ci.source FROM checkin ci "
	    "JOIN key_result k ON k.id = ci.kr_id "
	    "JOIN objective o ON o.id = k.objective_id "
	    "JOIN cycle c ON c.id = o.cycle_id "
	    "WHERE (CAST($1 AS TEXT) IS NULL OR c.name = $1) ORDER BY ci.kr_id, ci.at, ci.id",

	[STMT_HIST_INSERT] =
	    "INSERT INTO history(at, who, entity, entity_id, label, field, "
	    "old, new) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
	[STMT_HIST_LIST] =
	    "SELECT id, at, who, entity, entity_id, label, field, old, new "
	    "FROM history WHERE (CAST($1 AS TEXT) IS NULL OR entity = $1) "
	    "AND (CAST($2 AS TEXT) IS NULL OR label = $2 OR "
	    "substr(label, 1, length($2) + 1) = $2 || '/') "
	    "ORDER BY id DESC LIMIT $3",
	[STMT_DS_INTERACTIONS_UPSERT] =
	    "INSERT INTO interactions ("
	    "id, channel, team, agent, customer, category, priority, "
	    "status, created_at, first_reply_at, solved_at, "
	    "resolved_at, closed_at, sla_due_at, reopen_count, "
	    "agent_replies, escalated, sla_first_reply_met, "
	    "sla_resolution_met, resolved, answered, abandoned, "
	    "queued_s, talk_s, hold_s, wrap_s, excluded"
	    ") VALUES ("
	    "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
	    "$14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, "
	    "$25, $26, $27"
	    ") ON CONFLICT (id) DO UPDATE SET "
	    "channel = excluded.channel, team = excluded.team, "
	    "agent = excluded.agent, customer = excluded.customer, "
	    "category = excluded.category, "
	    "priority = excluded.priority, status = excluded.status, "
	    "created_at = excluded.created_at, "
	    "first_reply_at = excluded.first_reply_at, "
	    "solved_at = excluded.solved_at, "
	    "resolved_at = excluded.resolved_at, "
	    "closed_at = excluded.closed_at, "
	    "sla_due_at = excluded.sla_due_at, "
	    "reopen_count = excluded.reopen_count, "
	    "agent_replies = excluded.agent_replies, "
	    "escalated = excluded.escalated, "
	    "sla_first_reply_met = excluded.sla_first_reply_met, "
	    "sla_resolution_met = excluded.sla_resolution_met, "
	    "resolved = excluded.resolved, "
	    "answered = excluded.answered, "
	    "abandoned = excluded.abandoned, "
	    "queued_s = excluded.queued_s, talk_s = excluded.talk_s, "
	    "hold_s = excluded.hold_s, wrap_s = excluded.wrap_s, "
	    "excluded = excluded.excluded",
	[STMT_DS_INTERACTIONS_SCAN] =
	    "SELECT "
	    "id, channel, team, agent, customer, category, priority, "
	    "status, created_at, first_reply_at, solved_at, "
	    "resolved_at, closed_at, sla_due_at, reopen_count, "
	    "agent_replies, escalated, sla_first_reply_met, "
	    "sla_resolution_met, resolved, answered, abandoned, "
	    "queued_s, talk_s, hold_s, wrap_s, excluded"
	    " FROM interactions",
	[STMT_DS_INTERACTIONS_COUNT] = "SELECT count(*) FROM interactions",
	[STMT_DS_SURVEYS_UPSERT] =
	    "INSERT INTO surveys ("
	    "id, interaction_id, kind, scale_min, scale_max, score, "
	    "sent_at, responded_at, agent, team, channel"
	    ") VALUES ("
	    "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11"
	    ") ON CONFLICT (id) DO UPDATE SET "
	    "interaction_id = excluded.interaction_id, "
	    "kind = excluded.kind, scale_min = excluded.scale_min, "
	    "scale_max = excluded.scale_max, score = excluded.score, "
	    "sent_at = excluded.sent_at, "
	    "responded_at = excluded.responded_at, "
	    "agent = excluded.agent, team = excluded.team, "
	    "channel = excluded.channel",
	[STMT_DS_SURVEYS_SCAN] =
	    "SELECT "
	    "id, interaction_id, kind, scale_min, scale_max, score, "
	    "sent_at, responded_at, agent, team, channel"
	    " FROM surveys",
	[STMT_DS_SURVEYS_COUNT] = "SELECT count(*) FROM surveys",
	[STMT_DS_QA_REVIEWS_UPSERT] =
	    "INSERT INTO qa_reviews ("
	    "id, interaction_id, agent, team, reviewer, reviewed_at, "
	    "score, critical_failed"
	    ") VALUES ("
	    "$1, $2, $3, $4, $5, $6, $7, $8"
	    ") ON CONFLICT (id) DO UPDATE SET "
	    "interaction_id = excluded.interaction_id, "
	    "agent = excluded.agent, team = excluded.team, "
	    "reviewer = excluded.reviewer, "
	    "reviewed_at = excluded.reviewed_at, "
	    "score = excluded.score, "
	    "critical_failed = excluded.critical_failed",
	[STMT_DS_QA_REVIEWS_SCAN] =
	    "SELECT "
	    "id, interaction_id, agent, team, reviewer, reviewed_at, "
	    "score, critical_failed"
	    " FROM qa_reviews",
	[STMT_DS_QA_REVIEWS_COUNT] = "SELECT count(*) FROM qa_reviews",
	[STMT_DS_TRAINING_UPSERT] =
	    "INSERT INTO training ("
	    "id, agent, team, date, hours, course"
	    ") VALUES ("
	    "$1, $2, $3, $4, $5, $6"
	    ") ON CONFLICT (id) DO UPDATE SET "
	    "agent = excluded.agent, team = excluded.team, "
	    "date = excluded.date, hours = excluded.hours, "
	    "course = excluded.course",
	[STMT_DS_TRAINING_SCAN] =
	    "SELECT "
	    "id, agent, team, date, hours, course"
	    " FROM training",
	[STMT_DS_TRAINING_COUNT] = "SELECT count(*) FROM training",
	[STMT_DS_KB_AUDITS_UPSERT] =
	    "INSERT INTO kb_audits ("
	    "id, article, team, audited_at, accurate, views"
	    ") VALUES ("
	    "$1, $2, $3, $4, $5, $6"
	    ") ON CONFLICT (id) DO UPDATE SET "
	    "article = excluded.article, team = excluded.team, "
	    "audited_at = excluded.audited_at, "
	    "accurate = excluded.accurate, views = excluded.views",
	[STMT_DS_KB_AUDITS_SCAN] =
	    "SELECT "
	    "id, article, team, audited_at, accurate, views"
	    " FROM kb_audits",
	[STMT_DS_KB_AUDITS_COUNT] = "SELECT count(*) FROM kb_audits",
	[STMT_DS_CUSTOMERS_UPSERT] =
	    "INSERT INTO customers ("
	    "id, started_at, churned_at, churned, team"
	    ") VALUES ("
	    "$1, $2, $3, $4, $5"
	    ") ON CONFLICT (id) DO UPDATE SET "
	    "started_at = excluded.started_at, "
	    "churned_at = excluded.churned_at, "
	    "churned = excluded.churned, team = excluded.team",
	[STMT_DS_CUSTOMERS_SCAN] =
	    "SELECT "
	    "id, started_at, churned_at, churned, team"
	    " FROM customers",
	[STMT_DS_CUSTOMERS_COUNT] = "SELECT count(*) FROM customers",
	[STMT_DS_AGENTS_UPSERT] =
	    "INSERT INTO agents ("
	    "id, name, team, role, hired_at"
	    ") VALUES ("
	    "$1, $2, $3, $4, $5"
	    ") ON CONFLICT (id) DO UPDATE SET "
	    "name = excluded.name, team = excluded.team, "
	    "role = excluded.role, hired_at = excluded.hired_at",
	[STMT_DS_AGENTS_SCAN] =
	    "SELECT "
	    "id, name, team, role, hired_at"
	    " FROM agents",
	[STMT_DS_AGENTS_COUNT] = "SELECT count(*) FROM agents",

	[STMT_IMPORT_LOG_INSERT] =
	    "INSERT INTO import_log(at, who, dataset, file, profile, rows, "
	    "added, skipped) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
	[STMT_IMPORT_LOG_LIST] =
	    "SELECT at, who, dataset, file, profile, rows, added, skipped "
	    "FROM import_log ORDER BY id DESC LIMIT $1",
	[STMT_IMPORT_LOG_LAST] = "SELECT coalesce(max(id), 0) FROM import_log",
	[STMT_WS_SCHEDULE_GET] = "SELECT schedule, holidays FROM workspace",
	[STMT_WS_SCHEDULE_SET] =
	    "UPDATE workspace SET schedule = $1, holidays = $2, "
	    "version = version + 1",
	[STMT_CORRIDOR_LIST] =
	    "SELECT kpi, team, low, high FROM kpi_corridor ORDER BY kpi, team",
	[STMT_CORRIDOR_SET] =
	    "INSERT INTO kpi_corridor(kpi, team, low, high) "
	    "VALUES ($1, $2, $3, $4) ON CONFLICT (kpi, team) "
	    "DO UPDATE SET low = excluded.low, high = excluded.high",
	[STMT_CORRIDOR_DELETE] =
	    "DELETE FROM kpi_corridor WHERE kpi = $1 AND team = $2",
	[STMT_CHECKIN_KPI_CLEAR] =
	    "DELETE FROM checkin WHERE kr_id = $1 AND source = 'kpi'",
	[STMT_CHECKIN_KPI_INSERT] =
	    "INSERT INTO checkin(kr_id, at, value, confidence, note, author, "
	    "source, numerator, denominator, n, lineage) VALUES ($1, $2, $3, "
	    "NULL, NULL, 'kpi', 'kpi', $4, $5, $6, $7)",
	[STMT_CHECKIN_KPI_LAST] =
	    "SELECT at, value, numerator, denominator, n, lineage "
	    "FROM checkin WHERE kr_id = $1 AND source = 'kpi' "
	    "ORDER BY at DESC, id DESC LIMIT 1",

	[STMT_USER_LIST] = "SELECT " USER_COLS "ORDER BY u.id",
	[STMT_USER_GET] = "SELECT " USER_COLS "WHERE u.login = $1",
	[STMT_USER_GET_ID] = "SELECT " USER_COLS "WHERE u.id = $1",
	[STMT_USER_INSERT] =
	    "INSERT INTO users(login, name, password_hash, role, team_id, "
	    "person_id, lang, created_at, disabled) VALUES ($1, $2, $3, $4, "
	    "$5, $6, $7, $8, $9) RETURNING id",
	[STMT_USER_UPDATE] =
	    "UPDATE users SET login = $2, name = $3, role = $4, team_id = $5, "
	    "person_id = $6, lang = $7, disabled = $8 WHERE id = $1",
	[STMT_USER_DELETE] = "DELETE FROM users WHERE id = $1",
	[STMT_USER_COUNT] = "SELECT count(*) FROM users",
	[STMT_USER_ADMINS] =
	    "SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0",
	[STMT_USER_HASH_GET] =
	    "SELECT id, password_hash, disabled FROM users WHERE login = $1",
	[STMT_USER_HASH_SET] =
	    "UPDATE users SET password_hash = $2 WHERE id = $1",
	[STMT_SESSION_INSERT] =
	    "INSERT INTO session(hash, user_id, csrf, created_at, expires_at) "
	    "VALUES ($1, $2, $3, $4, $5)",
	[STMT_SESSION_GET] =
	    "SELECT user_id, csrf, created_at, expires_at FROM session "
	    "WHERE hash = $1",
	[STMT_SESSION_TOUCH] =
	    "UPDATE session SET expires_at = $2 WHERE hash = $1",
	[STMT_SESSION_DELETE] = "DELETE FROM session WHERE hash = $1",
	[STMT_SESSION_DELETE_USER] = "DELETE FROM session WHERE user_id = $1",
	[STMT_SESSION_PURGE] = "DELETE FROM session WHERE expires_at <= $1",
	[STMT_TOKEN_INSERT] =
	    "INSERT INTO api_token(user_id, name, hash, role, created_at) "
	    "VALUES ($1, $2, $3, $4, $5) RETURNING id",
	[STMT_TOKEN_GET] =
	    "SELECT id, user_id, role, revoked_at, last_used_at FROM api_token "
	    "WHERE hash = $1",
	[STMT_TOKEN_GET_ID] = "SELECT " TOKEN_COLS "WHERE k.id = $1",
	[STMT_TOKEN_LIST] = "SELECT " TOKEN_COLS "ORDER BY k.id",
	[STMT_TOKEN_TOUCH] =
	    "UPDATE api_token SET last_used_at = $2 WHERE id = $1",
	[STMT_TOKEN_REVOKE] =
	    "UPDATE api_token SET revoked_at = $2 WHERE id = $1 "
	    "AND revoked_at IS NULL",
	[STMT_SECRET_GET] = "SELECT value FROM secret WHERE name = $1",
	[STMT_SECRET_SET] =
	    "INSERT INTO secret(name, value) VALUES ($1, $2) "
	    "ON CONFLICT (name) DO NOTHING",
	[STMT_SURVEY_COMMENT_SET] =
	    "INSERT INTO survey_comment(survey_id, comment) VALUES ($1, $2) "
	    "ON CONFLICT (survey_id) DO UPDATE SET comment = excluded.comment",
	[STMT_SURVEY_STATE] =
	    "SELECT sent_at, responded_at, score FROM surveys WHERE id = $1",
	[STMT_INTERACTION_WHO] =
	    "SELECT channel, team, agent, created_at FROM interactions "
	    "WHERE id = $1",
	[STMT_COMMENT_INSERT] =
	    "INSERT INTO comment(entity, entity_id, objective_id, kr_id, "
	    "author, at, text) VALUES ($1, $2, $3, $4, $5, $6, $7) "
	    "RETURNING id",
	[STMT_COMMENT_LIST_OBJ] =
	    "SELECT c.id, c.entity, c.entity_id, k.key, c.author, c.at, "
	    "c.text FROM comment c LEFT JOIN key_result k ON k.id = c.kr_id "
	    "WHERE c.objective_id = $1 ORDER BY c.at, c.id",
	[STMT_CYCLE_CLOSE_GET] =
	    "SELECT id, closed_at, closed_by FROM cycle WHERE name = $1",
	[STMT_CYCLE_CLOSE_SET] =
	    "UPDATE cycle SET state = 'closed', closed_at = $2, "
	    "closed_by = $3, version = version + 1 WHERE id = $1",
	[STMT_OBJ_CLOSED_GET] =
	    "SELECT c.name, c.closed_at, c.closed_by FROM objective o "
	    "JOIN cycle c ON c.id = o.cycle_id WHERE o.key = $1",
	[STMT_OBJ_FREEZE] =
	    "UPDATE objective SET grade = $2, state = 'closed', "
	    "version = version + 1 WHERE id = $1",
	[STMT_KR_FREEZE] =
	    "UPDATE key_result SET grade = $2, final_value = $3, "
	    "final_status = $4, version = version + 1 WHERE id = $1",
	[STMT_KR_FINAL_LIST] =
	    "SELECT k.id, k.grade, k.final_value, k.final_status "
	    "FROM key_result k JOIN objective o ON o.id = k.objective_id "
	    "JOIN cycle c ON c.id = o.cycle_id WHERE c.name = $1 "
	    "ORDER BY k.id",
	[STMT_CYCLE_KPI_UPSERT] =
	    "INSERT INTO cycle_kpi(cycle_id, kpi, filter, start_value, "
	    "start_n, end_value, end_n, seq) "
	    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
	    "ON CONFLICT (cycle_id, kpi, filter) DO UPDATE SET "
	    "seq = excluded.seq, "
	    "start_value = excluded.start_value, start_n = excluded.start_n, "
	    "end_value = excluded.end_value, end_n = excluded.end_n",
	[STMT_CYCLE_KPI_LIST] =
	    "SELECT kpi, filter, start_value, start_n, end_value, end_n "
	    "FROM cycle_kpi WHERE cycle_id = $1 ORDER BY seq, kpi, filter",
	[STMT_OBJ_CARRIED_SET] =
	    "UPDATE objective SET carried_from = $2, version = version + 1 "
	    "WHERE id = $1",
	[STMT_OBJ_CARRIED_FIND] =
	    "SELECT o.key FROM objective o JOIN cycle c ON c.id = o.cycle_id "
	    "WHERE o.carried_from = $1 AND c.name = $2",
	[STMT_REMIND_LOG_GET] =
	    "SELECT at, items FROM reminder_log "
	    "WHERE day = $1 AND channel = $2 AND recipient = $3",
	[STMT_REMIND_LOG_PUT] =
	    "INSERT INTO reminder_log(day, channel, recipient, at, items) "
	    "VALUES ($1, $2, $3, $4, $5) "
	    "ON CONFLICT (day, channel, recipient) DO UPDATE SET "
	    "at = excluded.at, items = excluded.items",
	[STMT_WS_VERSION] = "SELECT version FROM workspace WHERE id = $1",
	[STMT_TEAM_VERSION] = "SELECT version FROM team WHERE id = $1",
	[STMT_PERSON_VERSION] = "SELECT version FROM person WHERE id = $1",
	[STMT_CYCLE_VERSION] = "SELECT version FROM cycle WHERE id = $1",
	[STMT_OBJ_VERSION] = "SELECT version FROM objective WHERE id = $1",
	[STMT_KR_VERSION] = "SELECT version FROM key_result WHERE id = $1",
	[STMT_THROTTLE_LOCKED] =
	    "SELECT coalesce(max(at), 0) FROM signin_attempt "
	    "WHERE key = $1 AND kind = 'lock'",
	[STMT_THROTTLE_COUNT] =
	    "SELECT count(*) FROM signin_attempt "
	    "WHERE key = $1 AND kind = 'fail' AND at > $2",
	[STMT_THROTTLE_ADD] =
	    "INSERT INTO signin_attempt(key, at, kind) VALUES ($1, $2, $3)",
	[STMT_THROTTLE_CLEAR] =
	    "DELETE FROM signin_attempt WHERE key = $1 "
	    "AND (kind = 'fail' OR $2 = 1)",
	[STMT_THROTTLE_PRUNE] = "DELETE FROM signin_attempt WHERE at < $1",
};
