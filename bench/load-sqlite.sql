-- load-sqlite.sql: a stand-in for 'okrdesk import interactions' used by
-- bench/run.sh only while the okrdesk binary has no import command: it
-- builds the interactions table of the store's contract (a column a
-- field; TEXT text, INTEGER times in seconds UTC, counts and booleans,
-- REAL durations and numbers; id TEXT PRIMARY KEY, WITHOUT ROWID) from
-- __CSV__ with the sqlite3 shell, so the SQLite suite has its table.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
.import --csv __CSV__ raw
CREATE TABLE interactions (
    id TEXT PRIMARY KEY, channel TEXT, team TEXT, agent TEXT,
    customer TEXT, category TEXT, priority TEXT, status TEXT,
    created_at INTEGER, first_reply_at INTEGER, solved_at INTEGER,
    resolved_at INTEGER, closed_at INTEGER, sla_due_at INTEGER,
    reopen_count INTEGER, agent_replies INTEGER, escalated INTEGER,
    sla_first_reply_met INTEGER, sla_resolution_met INTEGER,
    resolved INTEGER, answered INTEGER, abandoned INTEGER,
    queued_s REAL, talk_s REAL, hold_s REAL, wrap_s REAL,
    excluded INTEGER
) WITHOUT ROWID;
INSERT INTO interactions SELECT
    id, nullif(channel, ''), nullif(team, ''), nullif(agent, ''),
    nullif(customer, ''), nullif(category, ''), nullif(priority, ''),
    nullif(status, ''),
    unixepoch(nullif(created_at, '')), unixepoch(nullif(first_reply_at, '')),
    unixepoch(nullif(solved_at, '')), unixepoch(nullif(resolved_at, '')),
    unixepoch(nullif(closed_at, '')), unixepoch(nullif(sla_due_at, '')),
    CAST(nullif(reopen_count, '') AS INTEGER),
    CAST(nullif(agent_replies, '') AS INTEGER),
    CASE escalated WHEN 'true' THEN 1 WHEN 'false' THEN 0 END,
    CASE sla_first_reply_met WHEN 'true' THEN 1 WHEN 'false' THEN 0 END,
    CASE sla_resolution_met WHEN 'true' THEN 1 WHEN 'false' THEN 0 END,
    CASE resolved WHEN 'true' THEN 1 WHEN 'false' THEN 0 END,
    CASE answered WHEN 'true' THEN 1 WHEN 'false' THEN 0 END,
    CASE abandoned WHEN 'true' THEN 1 WHEN 'false' THEN 0 END,
    CAST(nullif(queued_s, '') AS REAL), CAST(nullif(talk_s, '') AS REAL),
    CAST(nullif(hold_s, '') AS REAL), CAST(nullif(wrap_s, '') AS REAL),
    CASE excluded WHEN 'true' THEN 1 WHEN 'false' THEN 0 END
FROM raw;
DROP TABLE raw;
