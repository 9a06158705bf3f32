/*
 * kpi-admin.c: okrdesk kpi health, corridor, schedule and bench.
 *
 * A corridor is the healthy range of a KPI watched without an OKR, for the
 * whole operation (team "") or one team; 'health' computes each over the
 * trailing days and lists those outside.  The schedule is the workspace's
 * business hours (kpi/calendar.h), stored as the text the user gave.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/kpicmd.h"
#include "core/clock.h"
#include "core/parse.h"
#include "kpi/calendar.h"
#include "kpi/load.h"
#include "okr/evaljson.h"
#include "okr/kpilink.h"

static double
mono(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
kpi_health(struct cli *cli, int argc, char **argv)
{
	struct show_opts	 so;
	struct snap		*snap = NULL;
	struct kpi_health	*v;
	json_t			*arr;
	char			 val[40], lo[40], hi[40];
	size_t			 n, i;
	int			 r, outside = 0;

	if ((r = parse_show(cli, argc, argv, 2, &so, NULL)) != 0)
		return r;
	if ((r = load_snap(cli, &snap)) != 0)
		return r;
	r = kpilink_health(cli->okr, snap, so.days, &cli->arena, &v, &n,
	    &cli->err);
	snap_free(snap);
	if (r != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (so.json) {
		arr = json_array();
		for (i = 0; i < n; i++)
			json_array_append_new(arr, evaljson_health(&v[i]));
		return cli_json_print(cli, arr);
	}
	if (n == 0) {
		printf("no corridors (okrdesk kpi corridor set KEY --low X "
		    "--high Y)\n");
		return 0;
	}
	printf("%-22s %-16s %12s %12s %12s  %s\n", "kpi", "team", "value",
	    "low", "high", "state");
	for (i = 0; i < n; i++) {
		int	 out = !strcmp(v[i].state, "below") ||
			    !strcmp(v[i].state, "above");

		outside += out;
		fmt_value(v[i].def, v[i].value, val, sizeof(val));
		fmt_value(v[i].def, v[i].low, lo, sizeof(lo));
		fmt_value(v[i].def, v[i].high, hi, sizeof(hi));
		printf("%-22s %-16s %12s %12s %12s  %s%s%s\n", v[i].def->key,
		    v[i].team[0] != '\0' ? v[i].team : "(all)", val, lo, hi,
		    out ? cli_sgr(cli, "31") : "", v[i].state,
		    cli_sgr(cli, "0"));
	}
	printf("\n%d of %zu outside the corridor over the last %d days\n",
	    outside, n, so.days);
	return 0;
}

int
kpi_corridor(struct cli *cli, int argc, char **argv)
{
	const char	*team = "", *key = NULL, *v;
	double		 low = NAN, high = NAN;
	int		 i, r, set, json = 0;

	if (argc < 3)
		return cli_usage(cli, &cmd_kpi_entry, "kpi corridor: expected "
		    "set, rm or list");
	if (strcmp(argv[2], "list") == 0) {
		struct kpi_corridor	*c;
		json_t			*arr;
		size_t			 n, k;

		json = argc > 3 && cli_flag(argv, 3, "json");
		if (kpilink_corridors(cli->okr, &cli->arena, &c, &n, &cli->err)
		    != ERR_OK)
			return cli_fail(cli, cli->err.code);
		if (json) {
			arr = json_array();
			for (k = 0; k < n; k++)
				json_array_append_new(arr,
				    evaljson_corridor(&c[k]));
			return cli_json_print(cli, arr);
		}
		for (k = 0; k < n; k++)
			printf("%-22s %-16s low %g high %g\n", c[k].kpi,
			    c[k].team[0] != '\0' ? c[k].team : "(all)",
			    c[k].low, c[k].high);
		return 0;
	}
	set = strcmp(argv[2], "set") == 0;
	if (!set && strcmp(argv[2], "rm") != 0)
		return cli_usage(cli, &cmd_kpi_entry, "kpi corridor: expected "
		    "set, rm or list, got \"%s\"", argv[2]);
	for (i = 3; i < argc; i++) {
		r = 0;
		if ((r = cli_opt(cli, argc, argv, &i, "team", &v)) > 0)
			team = v;
		else if (r == 0 && set &&
		    (r = cli_opt(cli, argc, argv, &i, "low", &v)) > 0) {
			if (parse_number(v, &low, &cli->err) != ERR_OK)
				return cli_usage(cli, &cmd_kpi_entry, "--low: "
				    "%s", cli->err.msg);
		} else if (r == 0 && set &&
		    (r = cli_opt(cli, argc, argv, &i, "high", &v)) > 0) {
			if (parse_number(v, &high, &cli->err) != ERR_OK)
				return cli_usage(cli, &cmd_kpi_entry, "--high: "
				    "%s", cli->err.msg);
		} else if (r < 0)
			return 2;
		else if (argv[i][0] == '-' || key != NULL)
			return cli_usage(cli, &cmd_kpi_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
		else
			key = argv[i];
	}
	if (key == NULL)
		return cli_usage(cli, &cmd_kpi_entry, "kpi corridor: expected "
		    "a KPI key");
	if (kpi_def_find(key) == NULL) {
		err_set(&cli->err, ERR_NOTFOUND, "no KPI \"%s\" (okrdesk kpi "
		    "list shows them)", key);
		return cli_fail(cli, ERR_NOTFOUND);
	}
	if (!set) {
		if (store_exec(cli->okr->st, STMT_CORRIDOR_DELETE, &cli->err,
		    "tt", key, team) != ERR_OK)
			return cli_fail(cli, cli->err.code);
		return 0;
	}
	if (isnan(low) && isnan(high))
		return cli_usage(cli, &cmd_kpi_entry, "kpi corridor set: give "
		    "--low, --high or both");
	if (!isnan(low) && !isnan(high) && low > high)
		return cli_usage(cli, &cmd_kpi_entry, "kpi corridor set: --low "
		    "%g is above --high %g", low, high);
	if (store_exec(cli->okr->st, STMT_CORRIDOR_SET, &cli->err, "ttrr",
	    key, team, low, high) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	printf("corridor for %s%s%s: %g .. %g\n", key, team[0] ? " in " : "",
	    team, low, high);
	return 0;
}

int
kpi_schedule(struct cli *cli, int argc, char **argv)
{
	struct schedule	 s;
	const char	*spec = NULL, *hol = NULL, *v;
	int		 i, r;

	if (argc < 3)
		return cli_usage(cli, &cmd_kpi_entry, "kpi schedule: expected "
		    "set, show or clear");
	if (strcmp(argv[2], "show") == 0) {
		char	*st, *ho;

		if (kpilink_schedule_text(cli->okr, &cli->arena, &st, &ho,
		    &cli->err) != ERR_OK)
			return cli_fail(cli, cli->err.code);
		printf("schedule: %s\nholidays: %s\n",
		    st != NULL ? st : "none (calendar time)",
		    ho != NULL ? ho : "none");
		return 0;
	}
	if (strcmp(argv[2], "clear") == 0) {
		if (store_exec(cli->okr->st, STMT_WS_SCHEDULE_SET, &cli->err,
		    "tt", NULL, NULL) != ERR_OK)
			return cli_fail(cli, cli->err.code);
		return 0;
	}
	if (strcmp(argv[2], "set") != 0)
		return cli_usage(cli, &cmd_kpi_entry, "kpi schedule: expected "
		    "set, show or clear, got \"%s\"", argv[2]);
	for (i = 3; i < argc; i++) {
		if ((r = cli_opt(cli, argc, argv, &i, "holidays", &v)) > 0)
			hol = v;
		else if (r < 0)
			return 2;
		else if (argv[i][0] == '-' || spec != NULL)
			return cli_usage(cli, &cmd_kpi_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
		else
			spec = argv[i];
	}
	if (spec == NULL)
		return cli_usage(cli, &cmd_kpi_entry, "kpi schedule set: "
		    "expected a schedule such as \"mon-fri 09:00-17:00\"");
	if (schedule_parse(spec, hol, &s, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (store_exec(cli->okr->st, STMT_WS_SCHEDULE_SET, &cli->err, "tt",
	    spec, hol) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	return 0;
}

/* The whole suite over interactions and surveys, by week and team. */
int
kpi_bench(struct cli *cli, int argc, char **argv)
{
	const struct kpi_def	*d;
	struct show_opts	 so;
	struct snap		*snap = NULL;
	struct kpi_result	 res;
	static const double	 probs[] = { 0.5, 0.9 };
	double			 t0, t1, t2, t3;
	size_t			 nix;
	int			 r, nk = 0;

	if ((r = parse_show(cli, argc, argv, 2, &so, NULL)) != 0)
		return r;
	t0 = mono();
	if ((r = load_snap(cli, &snap)) != 0)
		return r;
	t1 = mono();
	so.q.bucket = KB_WEEK;
	so.q.by = KS_TEAM;
	for (d = kpi_defs; d->key != NULL; d++) {
		if (d->ds != DS_INTERACTIONS && d->ds != DS_SURVEYS)
			continue;
		so.q.key = d->key;
		if (kpi_run(snap, &so.q, &cli->arena, &res, &cli->err)
		    != ERR_OK)
			goto fail;
		nk++;
	}
	t2 = mono();
	/* p50 and p90 from one collection of the values, as DuckDB's
	 * quantile_cont(x, [0.5, 0.9]) does */
	so.q.key = "frt_median";
	so.q.probs = probs;
	so.q.nprobs = 2;
	if (kpi_run(snap, &so.q, &cli->arena, &res, &cli->err) != ERR_OK)
		goto fail;
	t3 = mono();
	nix = snap_rows(snap, DS_INTERACTIONS);
	printf("{\"interactions\":%zu,\"snapshot_build_s\":%.4f,"
	    "\"snapshot_bytes_per_interaction\":%.2f,\"suite_s\":%.4f,"
	    "\"suite_kpis\":%d,\"quantiles_s\":%.4f}\n", nix, t1 - t0,
	    nix > 0 ? (double)snap_bytes(snap, DS_INTERACTIONS) /
	    (double)nix : 0.0, t2 - t1, nk, t3 - t2);
	snap_free(snap);
	return 0;
fail:
	snap_free(snap);
	return cli_fail(cli, cli->err.code);
}
