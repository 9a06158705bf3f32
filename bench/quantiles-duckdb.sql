-- quantiles-duckdb.sql: make bench (c), DuckDB's side: exact p50 and p90 of
-- the first response time by ISO week and team over [__FROM__, __TO__),
-- in one grouped quantile_cont (linear interpolation, type 7), the peer
-- of okrdesk kpi bench's "quantiles_s".
SELECT (first_reply_at // 86400 - (first_reply_at // 86400 + 3) % 7) * 86400
    AS wk, team, quantile_cont(first_reply_at - created_at, [0.5, 0.9])
FROM interactions
WHERE first_reply_at >= __FROM__ AND first_reply_at < __TO__
    AND coalesce(excluded, 0) = 0
GROUP BY wk, team;
