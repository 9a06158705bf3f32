// duckdb.mjs: make bench's DuckDB peer (bench/run.sh runs it).
//
//   node bench/duckdb.mjs --csv FILE --from SECONDS --to SECONDS --out FILE
//
// Loads interactions.csv (okrdesk gen's native shape) into an in-memory
// DuckDB table with typed columns: times as BIGINT seconds UTC, booleans
// as 0/1, durations as DOUBLE, the shape okrdesk's store has.  Then, at
// one thread, runs every query of kpi-duckdb.sql (the KPI suite) and the
// grouped p50/p90 of quantiles-duckdb.sql, timing only the queries (rows
// fetched included), and prints one JSON line:
//   {"rows":N,"load_s":x,"suite_s":y,"suite_kpis":k,"quantiles_s":z,
//    "per_kpi":{...}}
// The suite's rows go to --out as "kpi,week,team,value" for run.sh to
// compare with SQLite's.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const here = dirname(fileURLToPath(import.meta.url));
const opt = {};
for (let i = 2; i < process.argv.length; i += 2)
	opt[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const k of ['csv', 'from', 'to', 'out'])
	if (opt[k] === undefined) {
		console.error(`duckdb.mjs: --${k} is required`);
		process.exit(2);
	}

// The fields of src/kpi/dataset.h, with DuckDB types for reading.
const T = 'TIMESTAMP', B = 'BOOLEAN', V = 'VARCHAR', D = 'DOUBLE',
    I = 'BIGINT';
const fields = [
	['id', V], ['channel', V], ['team', V], ['agent', V], ['customer', V],
	['category', V], ['priority', V], ['status', V], ['created_at', T],
	['first_reply_at', T], ['solved_at', T], ['resolved_at', T],
	['closed_at', T], ['sla_due_at', T], ['reopen_count', I],
	['agent_replies', I], ['escalated', B], ['sla_first_reply_met', B],
	['sla_resolution_met', B], ['resolved', B], ['answered', B],
	['abandoned', B], ['queued_s', D], ['talk_s', D], ['hold_s', D],
	['wrap_s', D], ['excluded', B]];
const columns = '{' + fields.map(([n, t]) => `'${n}': '${t}'`).join(', ') +
    '}';
const select = fields.map(([n, t]) =>
    t === T ? `epoch(${n})::BIGINT AS ${n}` :
    t === B ? `${n}::INTEGER AS ${n}` : n).join(', ');
const sub = (sql) => sql.replaceAll('__FROM__', opt.from)
    .replaceAll('__TO__', opt.to);
const text = (v) => v === null ? '' : typeof v === 'object' &&
    v.items !== undefined ? v.items.map(text).join(';') : String(v);

const inst = await DuckDBInstance.create(':memory:');
const con = await inst.connect();
let t0 = performance.now();
await con.run(`CREATE TABLE interactions AS SELECT ${select} FROM ` +
    `read_csv('${opt.csv.replaceAll("'", "''")}', header = true, ` +
    `auto_detect = false, timestampformat = '%Y-%m-%dT%H:%M:%SZ', ` +
    `columns = ${columns})`);
const load_s = (performance.now() - t0) / 1000;
const rows = Number((await con.runAndReadAll(
    'SELECT count(*) FROM interactions')).getRows()[0][0]);
await con.run('SET threads = 1');

const suite = readFileSync(join(here, 'kpi-duckdb.sql'), 'utf8')
    .split(/^-- kpi: /m).slice(1).map((part) => {
	const nl = part.indexOf('\n');
	return { kpi: part.slice(0, nl).trim(), sql: sub(part.slice(nl + 1)) };
    });
const per_kpi = {};
const out = [];
let suite_s = 0;
for (const q of suite) {
	t0 = performance.now();
	const got = (await con.runAndReadAll(q.sql)).getRows();
	const s = (performance.now() - t0) / 1000;
	per_kpi[q.kpi] = s;
	suite_s += s;
	for (const r of got)
		out.push(r.map(text).join(','));
}
writeFileSync(opt.out, out.join('\n') + '\n');

const qsql = sub(readFileSync(join(here, 'quantiles-duckdb.sql'), 'utf8'));
t0 = performance.now();
const qrows = (await con.runAndReadAll(qsql)).getRows();
const quantiles_s = (performance.now() - t0) / 1000;

console.log(JSON.stringify({ rows, load_s, suite_s, suite_kpis: suite.length,
    quantiles_s, quantile_groups: qrows.length, per_kpi }));
