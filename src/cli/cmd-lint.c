/*
 * cmd-lint.c: okrdesk lint: the coaching findings of a cycle (okr/lint.h),
 * grouped by severity as text, or as one JSON document.  Like a compiler,
 * it exits 1 when a finding is an error.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "kpi/load.h"
#include "okr/eval.h"
#include "okr/lint.h"

static int cmd_lint(struct cli *, int, char **);

/*
 * The one description of every rule: keep its codes in step with
 * lint_rules[] (okr/lint.c); test_lint checks each code is here, under
 * its severity.
 */
const struct cmd_entry cmd_lint_entry = {
	"lint", cmd_lint, CMD_WORKSPACE,
	"coaching: the pitfalls in a cycle's OKRs, with what to do",
	"usage: okrdesk lint [--cycle CYCLE] [--json]\n\n"
	"Check the cycle's objectives and key results for the pitfalls that\n"
	"make OKRs fail.  Each finding names its object (an objective key, a\n"
	"key result OBJ/KR, a team or a person), says what is wrong with the\n"
	"numbers, and suggests what to do.  docs/coaching.md explains each\n"
	"rule and its method.\n\n"
	"errors:\n"
	"  no-key-results        an objective with no key result: nothing\n"
	"                        measures it\n"
	"  kr-no-target          an increase/decrease key result with no\n"
	"                        target: no progress can be computed\n"
	"warnings:\n"
	"  too-many-objectives   an owner with more objectives in the cycle\n"
	"                        than max_objectives (5)\n"
	"  too-many-krs          an objective with more key results than\n"
	"                        max_krs (5)\n"
	"  kr-no-baseline        an increase/decrease key result with no\n"
	"                        baseline (kpi_baseline previous gives one)\n"
	"  kr-no-unit            an increase, decrease or band key result\n"
	"                        with no unit\n"
	"  kr-is-a-task          a key result worded as an activity (run,\n"
	"                        launch, hold...) with no number\n"
	"  kpi-not-okr           an objective whose key results are all\n"
	"                        bands: a KPI to watch, not an OKR\n"
	"  no-quality-guardrail  an efficiency key result (handle, reply,\n"
	"                        resolution or wait time, backlog down) with\n"
	"                        no CSAT, FCR, QA or reopen key result beside\n"
	"  implausible-target    a KPI target further than 2 sigma sqrt(weeks\n"
	"                        left) of its weekly changes and beyond its\n"
	"                        best 4 weeks\n"
	"  sample-too-small      a survey key result whose 95% interval is\n"
	"                        wider than the gap to its target\n"
	"  too-many-kpis         a team watching more distinct KPIs (key\n"
	"                        results and corridors) than max_kpis (8)\n"
	"info:\n"
	"  unaligned             an objective below the top team aligned to\n"
	"                        nothing in the cycle\n\n"
	"The limits are workspace settings: okrdesk workspace edit\n"
	"--max_objectives N --max_krs N --max_kpis N.\n\n"
	"  --cycle CYCLE   the cycle to check (default: the current one, as\n"
	"                  for status)\n"
	"  --json          one JSON document (see docs/cli.md)\n\n"
	"example: okrdesk lint --cycle 2026-Q4\n\n"
	"Exit status: 0 no error found (warnings and info may be), 1 an\n"
	"error found or the check failed (no such cycle), 2 bad usage.\n"
};

static int
lint_text_out(struct cli *cli, const struct cycle_eval *ce,
    const struct lint_finding *v, size_t n)
{
	static const char *const sgr[LINT_SEVERITY__MAX] = {
		[LINT_ERROR] = "\033[1;31m",
		[LINT_WARNING] = "\033[33m",
		[LINT_INFO] = "\033[36m",
	};
	static const char *const plural[LINT_SEVERITY__MAX] = {
		[LINT_ERROR] = "errors",
		[LINT_WARNING] = "warnings",
		[LINT_INFO] = "info",
	};
	struct buf	 b = BUF_INIT;
	size_t		 counts[LINT_SEVERITY__MAX], i, s, w = 0;
	int		 rc, first = 1;

	lint_count(v, n, counts);
	for (i = 0; i < n; i++)
		if (strlen(v[i].code) > w)
			w = strlen(v[i].code);
	buf_printf(&b, "%s%s%s  ·  lint of %s\n", cli_sgr(cli, SGR_BOLD),
	    cli->okr->ws.name, cli_sgr(cli, SGR_RESET), ce->cycle.name);
	for (s = 0; s < LINT_SEVERITY__MAX; s++) {
		if (counts[s] == 0)
			continue;
		buf_printf(&b, "\n%s%s%s (%zu)\n", cli_sgr(cli, sgr[s]),
		    counts[s] == 1 ? lint_severity_names[s] : plural[s],
		    cli_sgr(cli, SGR_RESET), counts[s]);
		for (i = 0; i < n; i++) {
			if (v[i].sev != s)
				continue;
			buf_printf(&b, "  %s%-*s%s  %s %s: %s\n",
			    cli_sgr(cli, sgr[s]), (int)w, v[i].code,
			    cli_sgr(cli, SGR_RESET), v[i].entity, v[i].ref,
			    v[i].message);
			buf_printf(&b, "  %*s  %s→ %s%s\n", (int)w, "",
			    cli_sgr(cli, SGR_DIM), v[i].suggestion,
			    cli_sgr(cli, SGR_RESET));
		}
	}
	if (n == 0)
		buf_puts(&b, "\nno findings\n");
	else {
		buf_printf(&b, "\n%zu finding%s:", n, n == 1 ? "" : "s");
		for (s = 0; s < LINT_SEVERITY__MAX; s++) {
			if (counts[s] == 0)
				continue;
			buf_printf(&b, "%s %zu %s", first ? "" : ",", counts[s],
			    counts[s] == 1 ? lint_severity_names[s] :
			    plural[s]);
			first = 0;
		}
		buf_putc(&b, '\n');
	}
	rc = buf_error(&b) != ERR_OK ? cli_fail(cli, err_set(&cli->err,
	    buf_error(&b), "out of memory")) : cli_out(cli, buf_cstr(&b));
	buf_release(&b);
	return rc;
}

static int
cmd_lint(struct cli *cli, int argc, char **argv)
{
	struct cycle_eval	 ce;
	struct lint_finding	*v;
	struct snap		*snap = NULL;
	const char		*cycle = NULL;
	enum err_code		 rc;
	size_t			 n, ti, counts[LINT_SEVERITY__MAX];
	int			 i, r, json = 0;

	for (i = 1; i < argc; i++) {
		if (cli_flag(argv, i, "json")) {
			json = 1;
			continue;
		}
		if ((r = cli_opt(cli, argc, argv, &i, "cycle", &cycle)) < 0)
			return 2;
		if (r == 0)
			return cli_usage(cli, &cmd_lint_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
	}
	if ((r = cli_eval(cli, cycle, NULL, &ce, &ti)) != 0)
		return r;
	/* the KPI data only when a rule will read it: loading costs */
	if (lint_wants_snap(&ce) && kpi_load(cli->okr->st, &snap, &cli->err)
	    != ERR_OK)
		return cli_fail(cli, cli->err.code);
	rc = lint_run(cli->okr, &ce, snap, &cli->arena, &v, &n, &cli->err);
	snap_free(snap);
	if (rc != ERR_OK)
		return cli_fail(cli, rc);
	if (json)
		r = cli_json_print(cli, lint_document(&ce, v, n));
	else
		r = lint_text_out(cli, &ce, v, n);
	if (r != 0)
		return r;
	lint_count(v, n, counts);
	return counts[LINT_ERROR] > 0 ? 1 : 0;
}
