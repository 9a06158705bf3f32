-- kpi-duckdb.sql: the interaction KPIs of KPIS.md in DuckDB's dialect, by
-- ISO week (Monday, UTC) and team over the window [__FROM__, __TO__).
--
-- The peer of kpi-sqlite.sql, query for query (read the choices there);
-- run by bench/duckdb.mjs with SET threads = 1 on a table loaded from the
-- same CSV with typed columns (times BIGINT seconds UTC, booleans 0/1,
-- durations DOUBLE).  Differences of dialect only: // is integer
-- division (/ is not), least() is the two-argument minimum, and the
-- percentiles are quantile_cont (linear, type 7).

-- kpi: volume
SELECT 'volume', (created_at // 86400 - (created_at // 86400 + 3) % 7) * 86400
    AS wk, team, count(*)
FROM interactions
WHERE created_at >= __FROM__ AND created_at < __TO__
    AND coalesce(excluded, 0) = 0
GROUP BY wk, team;

-- kpi: frt_avg
SELECT 'frt_avg', (first_reply_at // 86400 - (first_reply_at // 86400 + 3)
    % 7) * 86400 AS wk, team, avg(first_reply_at - created_at)
FROM interactions
WHERE first_reply_at >= __FROM__ AND first_reply_at < __TO__
    AND coalesce(excluded, 0) = 0
GROUP BY wk, team;

-- kpi: frt_median
SELECT 'frt_median', (first_reply_at // 86400 - (first_reply_at // 86400 + 3)
    % 7) * 86400 AS wk, team, quantile_cont(first_reply_at - created_at, 0.5)
FROM interactions
WHERE first_reply_at >= __FROM__ AND first_reply_at < __TO__
    AND coalesce(excluded, 0) = 0
GROUP BY wk, team;

-- kpi: frt_p90
SELECT 'frt_p90', (first_reply_at // 86400 - (first_reply_at // 86400 + 3)
    % 7) * 86400 AS wk, team, quantile_cont(first_reply_at - created_at, 0.9)
FROM interactions
WHERE first_reply_at >= __FROM__ AND first_reply_at < __TO__
    AND coalesce(excluded, 0) = 0
GROUP BY wk, team;

-- kpi: frt_within
SELECT 'frt_within', (first_reply_at // 86400 - (first_reply_at // 86400 + 3)
    % 7) * 86400 AS wk, team,
    sum(CASE WHEN first_reply_at - created_at <= 3600 THEN 1 ELSE 0 END)
    * 1.0 / count(*)
FROM interactions
WHERE first_reply_at >= __FROM__ AND first_reply_at < __TO__
    AND coalesce(excluded, 0) = 0
GROUP BY wk, team;

-- kpi: resolution_median
SELECT 'resolution_median', (resolved_at // 86400 - (resolved_at // 86400 + 3)
    % 7) * 86400 AS wk, team,
    quantile_cont(coalesce(solved_at, resolved_at) - created_at, 0.5)
FROM interactions
WHERE resolved_at >= __FROM__ AND resolved_at < __TO__
    AND coalesce(excluded, 0) = 0
GROUP BY wk, team;

-- kpi: resolution_p90
SELECT 'resolution_p90', (resolved_at // 86400 - (resolved_at // 86400 + 3)
    % 7) * 86400 AS wk, team,
    quantile_cont(coalesce(solved_at, resolved_at) - created_at, 0.9)
FROM interactions
WHERE resolved_at >= __FROM__ AND resolved_at < __TO__
    AND coalesce(excluded, 0) = 0
GROUP BY wk, team;

-- kpi: sla_compliance
SELECT 'sla_compliance', (created_at // 86400 - (created_at // 86400 + 3) % 7)
    * 86400 AS wk, team,
    (coalesce(sum(sla_first_reply_met), 0)
        + coalesce(sum(sla_resolution_met), 0)) * 1.0
    / nullif(count(sla_first_reply_met) + count(sla_resolution_met), 0)
FROM interactions
WHERE created_at >= __FROM__ AND created_at < __TO__
    AND coalesce(excluded, 0) = 0
GROUP BY wk, team;

-- kpi: reopen_rate
SELECT 'reopen_rate', (resolved_at // 86400 - (resolved_at // 86400 + 3) % 7)
    * 86400 AS wk, team,
    sum(CASE WHEN reopen_count >= 1 THEN 1 ELSE 0 END) * 1.0 / count(*)
FROM interactions
WHERE resolved_at >= __FROM__ AND resolved_at < __TO__
    AND coalesce(excluded, 0) = 0
GROUP BY wk, team;

-- kpi: escalation_rate
SELECT 'escalation_rate', (created_at // 86400 - (created_at // 86400 + 3)
    % 7) * 86400 AS wk, team, coalesce(sum(escalated), 0) * 1.0 / count(*)
FROM interactions
WHERE created_at >= __FROM__ AND created_at < __TO__
    AND coalesce(excluded, 0) = 0
GROUP BY wk, team;

-- kpi: fcr_rate
SELECT 'fcr_rate', (resolved_at // 86400 - (resolved_at // 86400 + 3) % 7)
    * 86400 AS wk, team,
    sum(CASE WHEN resolved IS NOT NULL THEN resolved
        WHEN coalesce(agent_replies, 0) <= 1
            AND coalesce(reopen_count, 0) = 0 THEN 1 ELSE 0 END)
    * 1.0 / count(*)
FROM interactions
WHERE resolved_at >= __FROM__ AND resolved_at < __TO__
    AND coalesce(excluded, 0) = 0
GROUP BY wk, team;

-- kpi: aht
SELECT 'aht', (created_at // 86400 - (created_at // 86400 + 3) % 7) * 86400
    AS wk, team,
    avg(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0))
FROM interactions
WHERE created_at >= __FROM__ AND created_at < __TO__
    AND coalesce(excluded, 0) = 0 AND answered = 1
GROUP BY wk, team;

-- kpi: asa
SELECT 'asa', (created_at // 86400 - (created_at // 86400 + 3) % 7) * 86400
    AS wk, team, avg(queued_s)
FROM interactions
WHERE created_at >= __FROM__ AND created_at < __TO__
    AND coalesce(excluded, 0) = 0 AND answered = 1
GROUP BY wk, team;

-- kpi: abandon_rate
SELECT 'abandon_rate', (created_at // 86400 - (created_at // 86400 + 3) % 7)
    * 86400 AS wk, team,
    sum(CASE WHEN abandoned = 1 AND queued_s >= 5 THEN 1 ELSE 0 END) * 1.0
    / nullif(sum(CASE WHEN answered = 1 THEN 1 ELSE 0 END)
        + sum(CASE WHEN abandoned = 1 AND queued_s >= 5 THEN 1 ELSE 0 END), 0)
FROM interactions
WHERE created_at >= __FROM__ AND created_at < __TO__
    AND coalesce(excluded, 0) = 0 AND queued_s IS NOT NULL
GROUP BY wk, team;

-- kpi: service_level
SELECT 'service_level', (created_at // 86400 - (created_at // 86400 + 3) % 7)
    * 86400 AS wk, team,
    sum(CASE WHEN answered = 1 AND queued_s <= 20 THEN 1 ELSE 0 END) * 1.0
    / nullif(sum(CASE WHEN answered = 1 THEN 1 ELSE 0 END)
        + sum(CASE WHEN abandoned = 1 AND queued_s >= 5 THEN 1 ELSE 0 END), 0)
FROM interactions
WHERE created_at >= __FROM__ AND created_at < __TO__
    AND coalesce(excluded, 0) = 0 AND queued_s IS NOT NULL
GROUP BY wk, team;

-- kpi: backlog
WITH ev AS (
    SELECT team, (created_at // 86400 - (created_at // 86400 + 3) % 7) * 86400
        AS wk, 1 AS d
    FROM interactions
    WHERE created_at < __TO__ AND coalesce(excluded, 0) = 0
        AND coalesce(answered, 1) = 1
    UNION ALL
    SELECT team, (resolved_at // 86400 - (resolved_at // 86400 + 3) % 7)
        * 86400, -1
    FROM interactions
    WHERE resolved_at < __TO__ AND coalesce(excluded, 0) = 0
        AND coalesce(answered, 1) = 1),
per AS (SELECT team, wk, sum(d) AS d FROM ev GROUP BY team, wk),
cum AS (SELECT team, wk, sum(d) OVER (PARTITION BY team ORDER BY wk) AS v
    FROM per)
SELECT 'backlog', wk, team, v FROM cum
WHERE wk + 7 * 86400 > __FROM__;

-- kpi: unanswered
WITH ev AS (
    SELECT team, (created_at // 86400 - (created_at // 86400 + 3) % 7) * 86400
        AS wk, 1 AS d
    FROM interactions
    WHERE created_at < __TO__ AND coalesce(excluded, 0) = 0
        AND coalesce(answered, 1) = 1
    UNION ALL
    SELECT team, (t // 86400 - (t // 86400 + 3) % 7) * 86400, -1
    FROM (SELECT team, least(first_reply_at, resolved_at) AS t
        FROM interactions
        WHERE coalesce(excluded, 0) = 0 AND coalesce(answered, 1) = 1)
    WHERE t < __TO__),
per AS (SELECT team, wk, sum(d) AS d FROM ev GROUP BY team, wk),
cum AS (SELECT team, wk, sum(d) OVER (PARTITION BY team ORDER BY wk) AS v
    FROM per)
SELECT 'unanswered', wk, team, v FROM cum
WHERE wk + 7 * 86400 > __FROM__;
