/*
 * cmd-kpi.c: okrdesk kpi: the KPIs of the imported data.
 *
 *   kpi list                       every built-in KPI and its definition
 *   kpi show KEY [window] [--by]   values by period and segment, lineage
 *   kpi health                     KPIs outside their healthy corridor
 *   kpi corridor set|rm|list       the corridors watched without an OKR
 *   kpi schedule set|clear|show    business hours and holidays
 *   kpi sync                       recompute KPI-linked key results
 *   kpi bench                      time the suite (for make bench)
 *
 * Numbers come from kpi/ (kpi_run over a snapshot built by kpi_load);
 * this file only parses options and prints.  Empty windows print '—' and
 * null, never 0.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/kpicmd.h"
#include "core/clock.h"
#include "core/parse.h"
#include "kpi/calendar.h"
#include "kpi/kpi.h"
#include "kpi/load.h"
#include "okr/evaljson.h"
#include "okr/kpilink.h"

static int cmd_kpi(struct cli *, int, char **);

const struct cmd_entry cmd_kpi_entry = {
	"kpi", cmd_kpi, CMD_WORKSPACE | CMD_WRITES,
	"compute KPIs from the imported data; corridors; schedule",
	"usage: okrdesk kpi list [--json]\n"
	"       okrdesk kpi show KEY [--from DATE] [--to DATE] [--cycle NAME]\n"
	"                [--by PERIOD[,SEGMENT]] [--team T] [--channel C]\n"
	"                [--agent A] [--category C] [--priority P]\n"
	"                [--nearest-rank] [--within SECONDS] [--fcr-k K]\n"
	"                [--fcr-days N] [--final] [--business-hours] [--json]\n"
	"       okrdesk kpi health [--days N] [--json]\n"
	"       okrdesk kpi corridor set KEY [--team T] [--low X] [--high Y]\n"
	"       okrdesk kpi corridor rm KEY [--team T]\n"
	"       okrdesk kpi corridor list [--json]\n"
	"       okrdesk kpi schedule set SPEC [--holidays DATES]\n"
	"       okrdesk kpi schedule show | clear\n"
	"       okrdesk kpi sync\n"
	"       okrdesk kpi bench [--from DATE] [--to DATE] --json\n\n"
	"KPIs are definitions over the imported datasets (docs/kpis.md):\n"
	"ratios are ratios of sums with their numerator, denominator and n;\n"
	"percentiles are exact; a window without data shows '—' (null).\n\n"
	"  --from, --to DATE   the window, inclusive dates (default: all data)\n"
	"  --cycle NAME        the window of a cycle\n"
	"  --by LIST           day, week, month or quarter and/or team,\n"
	"                      channel, agent, category or priority\n"
	"  --team ... --priority  keep one segment's records\n"
	"  --nearest-rank      percentiles by nearest rank, not interpolation\n"
	"  --within SECONDS    frt_within's threshold (3600)\n"
	"  --fcr-k K, --fcr-days N  first contact resolution: at most K agent\n"
	"                      replies, no new contact within N days (1, 7)\n"
	"  --final             resolution times to the last solve\n"
	"  --business-hours    durations in the workspace's business hours\n"
	"  --days N            health: the trailing window (28)\n"
	"  SPEC                \"mon-fri 09:00-17:00; sat 10:00-14:00\"\n"
	"  --holidays DATES    \"2026-12-25,2026-12-26\"\n\n"
	"examples: okrdesk kpi show frt_median --by week,team --cycle 2026-Q4\n"
	"          okrdesk kpi corridor set csat --team \"Tier 1\" --low 0.8\n\n"
	"Exit status: 0 done, 1 failed, 2 bad usage or value.\n"
};


/* A value in its unit, for people: 87.3%, 52.0 min, +35.9, 1,234. */
void
fmt_value(const struct kpi_def *d, double v, char *b, size_t sz)
{
	if (!isfinite(v)) {
		snprintf(b, sz, "—");
		return;
	}
	switch (d->unit) {
	case KU_RATIO:
		snprintf(b, sz, "%.1f%%", v * 100);
		break;
	case KU_SECONDS:
		if (fabs(v) < 120)
			snprintf(b, sz, "%.1f s", v);
		else if (fabs(v) < 7200)
			snprintf(b, sz, "%.1f min", v / 60);
		else
			snprintf(b, sz, "%.2f h", v / 3600);
		break;
	case KU_NPS:
		snprintf(b, sz, "%+.1f", v);
		break;
	case KU_COUNT:
		snprintf(b, sz, "%.0f", v);
		break;
	case KU_HOURS:
		snprintf(b, sz, "%.1f h", v);
		break;
	default:
		snprintf(b, sz, "%.2f", v);
		break;
	}
}

static void
fmt_num(double v, char *b, size_t sz)
{
	if (!isfinite(v))
		snprintf(b, sz, "—");
	else if (v == floor(v) && fabs(v) < 1e15)
		snprintf(b, sz, "%.0f", v);
	else
		snprintf(b, sz, "%.2f", v);
}

static int
kpi_list(struct cli *cli, int json)
{
	const struct kpi_def	*d;
	json_t			*arr;

	if (json) {
		arr = json_array();
		for (d = kpi_defs; d->key != NULL; d++)
			json_array_append_new(arr, evaljson_kpi_def(d));
		return cli_json_print(cli, arr);
	}
	for (d = kpi_defs; d->key != NULL; d++)
		printf("%-22s %-13s %-7s %-6s %s\n", d->key,
		    ds_info[d->ds].name, kpi_unit_name(d->unit),
		    kpi_dir_name(d->dir), d->name);
	return 0;
}

/* The options shared by show, sync-like reads; argv[from..]. */
int
parse_show(struct cli *cli, int argc, char **argv, int from,
    struct show_opts *so, const char **key)
{
	struct cycle	 cy;
	const char	*v;
	int64_t		 n;
	double		 x;
	int		 i, r;

	memset(so, 0, sizeof(*so));
	so->q.from = INT64_MIN;
	so->q.to = INT64_MAX;
	so->days = 28;
	kpi_opts_default(&so->q.opts);
	for (i = from; i < argc; i++) {
		r = 0;
#define OPT(name) (r == 0 && (r = cli_opt(cli, argc, argv, &i, name, &v)) > 0)
		if (OPT("from")) {
			if (parse_date(v, NULL, NULL, NULL, &cli->err))
				return cli_usage(cli, &cmd_kpi_entry, "--from: "
				    "%s", cli->err.msg);
			so->q.from = clock_date_start(v);
			so->have_window = 1;
		} else if (OPT("to")) {
			if (parse_date(v, NULL, NULL, NULL, &cli->err))
				return cli_usage(cli, &cmd_kpi_entry, "--to: %s",
				    cli->err.msg);
			so->q.to = clock_date_end(v);
			so->have_window = 1;
		} else if (OPT("cycle")) {
			if (cycle_get(cli->okr, v, &cli->arena, &cy, &cli->err))
				return cli_fail(cli, cli->err.code);
			cycle_bounds(&cy, &so->q.from, &so->q.to);
			so->have_window = 1;
		} else if (OPT("by")) {
			if (kpi_parse_by(v, &so->q, &cli->err) != ERR_OK)
				return cli_usage(cli, &cmd_kpi_entry, "--%s",
				    cli->err.msg);
		} else if (OPT("team"))
			so->q.filter.team = v;
		else if (OPT("channel"))
			so->q.filter.channel = v;
		else if (OPT("agent"))
			so->q.filter.agent = v;
		else if (OPT("category"))
			so->q.filter.category = v;
		else if (OPT("priority"))
			so->q.filter.priority = v;
		else if (OPT("within")) {
			if (parse_number(v, &x, &cli->err) || !(x > 0))
				return cli_usage(cli, &cmd_kpi_entry, "--within:"
				    " expected a number of seconds > 0, got "
				    "\"%s\"", v);
			so->q.opts.frt_within_s = x;
		} else if (OPT("fcr-k")) {
			if (parse_int(v, 0, 1000, &n, &cli->err))
				return cli_usage(cli, &cmd_kpi_entry, "--fcr-k: "
				    "%s", cli->err.msg);
			so->q.opts.fcr_k = (int)n;
		} else if (OPT("fcr-days")) {
			if (parse_int(v, 0, 366, &n, &cli->err))
				return cli_usage(cli, &cmd_kpi_entry,
				    "--fcr-days: %s", cli->err.msg);
			so->q.opts.fcr_n_days = (int)n;
		} else if (OPT("days")) {
			if (parse_int(v, 1, 366, &n, &cli->err))
				return cli_usage(cli, &cmd_kpi_entry, "--days: "
				    "%s", cli->err.msg);
			so->days = (int)n;
		}
#undef OPT
		else if (r < 0)
			return 2;
		else if (cli_flag(argv, i, "json"))
			so->json = 1;
		else if (cli_flag(argv, i, "nearest-rank"))
			so->q.opts.pct_nearest = 1;
		else if (cli_flag(argv, i, "final"))
			so->q.opts.resolution_final = 1;
		else if (cli_flag(argv, i, "business-hours"))
			so->business = 1;
		else if (argv[i][0] == '-')
			return cli_usage(cli, &cmd_kpi_entry, "unknown option "
			    "\"%s\"", argv[i]);
		else if (key != NULL && *key == NULL)
			*key = argv[i];
		else
			return cli_usage(cli, &cmd_kpi_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
	}
	if (so->q.from != INT64_MIN && so->q.to != INT64_MAX &&
	    so->q.to <= so->q.from)
		return cli_usage(cli, &cmd_kpi_entry, "the window ends before "
		    "it starts");
	return 0;
}

int
load_snap(struct cli *cli, struct snap **s)
{
	if (kpi_load(cli->okr->st, s, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	return 0;
}

/* ▁▂▃▄▅▆▇█ of the cells of one group, in order. */
static void
sparkline(const struct kpi_result *res, const char *group)
{
	static const char *const bars[] = { "▁", "▂", "▃", "▄", "▅", "▆",
		"▇", "█" };
	double	lo = INFINITY, hi = -INFINITY, v;
	size_t	i;
	int	k;

	for (i = 0; i < res->ncells; i++) {
		if ((group == NULL) != (res->cells[i].group == NULL) ||
		    (group != NULL && strcmp(group, res->cells[i].group)))
			continue;
		if (isfinite(v = res->cells[i].value)) {
			lo = v < lo ? v : lo;
			hi = v > hi ? v : hi;
		}
	}
	if (!isfinite(lo))
		return;
	printf("  %-20s ", group != NULL ? group : "trend");
	for (i = 0; i < res->ncells; i++) {
		if ((group == NULL) != (res->cells[i].group == NULL) ||
		    (group != NULL && strcmp(group, res->cells[i].group)))
			continue;
		v = res->cells[i].value;
		if (!isfinite(v)) {
			fputs(" ", stdout);
			continue;
		}
		k = hi > lo ? (int)((v - lo) / (hi - lo) * 7.999) : 3;
		fputs(bars[k], stdout);
	}
	putchar('\n');
}

static int
kpi_show(struct cli *cli, int argc, char **argv)
{
	const struct kpi_def	*d;
	struct show_opts	 so;
	struct snap		*snap = NULL;
	struct kpi_result	 res;
	const char		*key = NULL, *prev = NULL;
	json_t			*j, *cells;
	char			 f[40], t[40], v[40], nu[40], de[40];
	size_t			 i;
	int			 r;

	if ((r = parse_show(cli, argc, argv, 2, &so, &key)) != 0)
		return r;
	if (key == NULL)
		return cli_usage(cli, &cmd_kpi_entry, "kpi show: expected a "
		    "KPI key (okrdesk kpi list)");
	if ((d = kpi_def_find(key)) == NULL) {
		err_set(&cli->err, ERR_NOTFOUND, "no KPI \"%s\" (okrdesk kpi "
		    "list shows them)", key);
		return cli_fail(cli, ERR_NOTFOUND);
	}
	so.q.key = d->key;
	if (so.business && kpilink_schedule(cli->okr, &cli->arena,
	    &so.q.schedule, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (so.business && so.q.schedule == NULL) {
		err_set(&cli->err, ERR_INVAL, "--business-hours: the workspace "
		    "has no schedule (okrdesk kpi schedule set ...)");
		return cli_fail(cli, ERR_INVAL);
	}
	if ((r = load_snap(cli, &snap)) != 0)
		return r;
	if (kpi_run(snap, &so.q, &cli->arena, &res, &cli->err) != ERR_OK) {
		snap_free(snap);
		return cli_fail(cli, cli->err.code);
	}
	snap_free(snap);
	if (so.json) {
		j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "key",
		    d->key, "name", d->name, "dataset", ds_info[d->ds].name,
		    "unit", kpi_unit_name(d->unit), "direction",
		    kpi_dir_name(d->dir), "bucket", kpi_bucket_name(so.q.bucket),
		    "definition", d->definition);
		json_object_set_new(j, "by", json_string(kpi_seg_name(
		    so.q.by)));
		cells = json_array();
		for (i = 0; i < res.ncells; i++)
			json_array_append_new(cells,
			    evaljson_kpi_cell(&res.cells[i]));
		json_object_set_new(j, "cells", cells);
		return cli_json_print(cli, j);
	}
	printf("%s — %s\n%s\n\n", d->key, d->name, d->definition);
	printf("%-23s %-20s %12s %12s %12s %9s\n", "period", "group", "value",
	    "numerator", "denominator", "n");
	for (i = 0; i < res.ncells; i++) {
		const struct kpi_cell *c = &res.cells[i];

		if (c->start == INT64_MIN || c->end == INT64_MAX)
			snprintf(f, sizeof(f), "all");
		else {
			clock_fmt_date(c->start, f, sizeof(f));
			clock_fmt_date(c->end - 1, t, sizeof(t));
			snprintf(f + 10, sizeof(f) - 10, "..%.10s", t);
		}
		fmt_value(d, c->value, v, sizeof(v));
		fmt_num(c->num, nu, sizeof(nu));
		fmt_num(c->den, de, sizeof(de));
		printf("%-23s %-20s %12s %12s %12s %9lld", f,
		    c->group != NULL ? c->group : "", v, nu, de,
		    (long long)c->n);
		if (isfinite(c->lo))
			printf("  95%% CI %.1f–%.1f%%", c->lo * 100,
			    c->hi * 100);
		putchar('\n');
	}
	if (cli->tty && so.q.bucket != KB_NONE && res.ncells > 1) {
		putchar('\n');
		if (so.q.by == KS_NONE)
			sparkline(&res, NULL);
		else
			for (i = 0; i < res.ncells; i++) {
				const char *g = res.cells[i].group;
				size_t k;

				for (k = 0; k < i; k++)
					if (!strcmp(res.cells[k].group, g))
						break;
				if (k == i && g != prev)
					sparkline(&res, g);
			}
	}
	return 0;
}

static int
kpi_sync(struct cli *cli)
{
	int	 nkr, npt;

	if (kpilink_refresh(cli->okr, NULL, &nkr, &npt, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	printf("updated %d key result%s linked to KPIs (%d weekly points)\n",
	    nkr, nkr == 1 ? "" : "s", npt);
	return 0;
}

static int
cmd_kpi(struct cli *cli, int argc, char **argv)
{
	int	json = argc > 2 && cli_flag(argv, 2, "json");

	if (argc < 2)
		return cli_usage(cli, &cmd_kpi_entry, "expected list, show, "
		    "health, corridor, schedule, sync or bench");
	if (strcmp(argv[1], "list") == 0) {
		if (argc > 2 + json)
			return cli_usage(cli, &cmd_kpi_entry, "unexpected "
			    "argument \"%s\"", argv[2]);
		return kpi_list(cli, json);
	}
	if (strcmp(argv[1], "show") == 0)
		return kpi_show(cli, argc, argv);
	if (strcmp(argv[1], "sync") == 0) {
		if (argc > 2)
			return cli_usage(cli, &cmd_kpi_entry, "unexpected "
			    "argument \"%s\"", argv[2]);
		return kpi_sync(cli);
	}
	if (strcmp(argv[1], "health") == 0)
		return kpi_health(cli, argc, argv);
	if (strcmp(argv[1], "corridor") == 0)
		return kpi_corridor(cli, argc, argv);
	if (strcmp(argv[1], "schedule") == 0)
		return kpi_schedule(cli, argc, argv);
	if (strcmp(argv[1], "bench") == 0)
		return kpi_bench(cli, argc, argv);
	return cli_usage(cli, &cmd_kpi_entry, "unknown subcommand \"%s\"",
	    argv[1]);
}
