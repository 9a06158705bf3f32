/*
 * cmd-import.c: okrdesk import DATASET FILE: a help-desk or contact-center
 * export into the workspace, whole or not at all.
 *
 * The work is import/import.c's; this file parses options, prints bad rows
 * and a progress bar on a terminal, and after a successful import brings
 * the KPI-linked key results up to date from a fresh snapshot.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/parse.h"
#include "import/import.h"
#include "okr/kpilink.h"

static int cmd_import(struct cli *, int, char **);

const struct cmd_entry cmd_import_entry = {
	"import", cmd_import, CMD_WORKSPACE | CMD_WRITES,
	"import a help-desk or contact-center export",
	"usage: okrdesk import DATASET FILE [--profile NAME|FILE] [--skip-bad]\n"
	"                      [--report FILE] [--dry-run] [--delimiter C]\n"
	"                      [--format csv|json|ndjson] [--max-errors N]\n"
	"                      [--stats] [--no-progress]\n\n"
	"Read FILE (CSV, a JSON array or NDJSON; \"-\" for stdin) into DATASET:\n"
	"interactions, surveys, qa_reviews, training, kb_audits, customers or\n"
	"agents.  A profile maps the export's columns to okrdesk's fields\n"
	"(okrdesk profile list); without --profile the file must use okrdesk's\n"
	"own column names.  Records are matched by their id: importing a file\n"
	"again, or an export overlapping an earlier one, updates and never\n"
	"duplicates.  The file imports whole or not at all: a bad row (a\n"
	"negative duration, a score outside its scale, a date that fits no\n"
	"format) is reported as FILE:LINE: FIELD: REASON and nothing is\n"
	"written, unless --skip-bad is given.\n\n"
	"  --profile NAME|FILE  a built-in profile or a YAML profile file\n"
	"  --skip-bad           import the good rows; write the bad ones to\n"
	"                       the report\n"
	"  --report FILE        where --skip-bad lists skipped rows\n"
	"                       (NAME.rejected.csv in the current directory)\n"
	"  --dry-run            check every row, write nothing\n"
	"  --delimiter C        the CSV delimiter: , ; or tab (detected)\n"
	"  --format F           csv, json or ndjson (from the profile or the\n"
	"                       file)\n"
	"  --max-errors N       bad rows printed before only counting (20)\n"
	"  --stats              a JSON line {rows, seconds, max_rss_kb} on\n"
	"                       stderr at the end\n"
	"  --no-progress        no progress bar, even on a terminal\n\n"
	"Key results linked to a KPI are recomputed after the import.\n\n"
	"example: okrdesk import interactions calls.csv --profile pwc-calls\n\n"
	"Exit status: 0 imported, 1 failed (bad rows, an unreadable file:\n"
	"nothing written), 2 bad usage or option value.\n"
};

struct progress {
	int	 on;
	double	 t0, last;
	int	 drawn;
};

static double
now_s(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
bar_clear(struct progress *p)
{
	if (p->drawn) {
		fputs("\r\033[K", stderr);
		p->drawn = 0;
	}
}

static void
on_bad(void *ctx, const char *msg)
{
	bar_clear(ctx);
	fprintf(stderr, "okrdesk: %s\n", msg);
}

/* "  1,234,567 rows  45.2 MB/s  0:12 left  [#####-----]" on stderr. */
static void
on_progress(void *ctx, uint64_t rows, uint64_t done, uint64_t total)
{
	struct progress	*p = ctx;
	double		 t = now_s(), el = t - p->t0, rate, left;
	char		 bar[21];
	int		 i, fill;

	if (!p->on || t - p->last < 0.2)
		return;
	p->last = t;
	rate = el > 0 ? (double)done / el : 0;
	fprintf(stderr, "\r\033[K  %llu rows  %.1f MB/s",
	    (unsigned long long)rows, rate / 1e6);
	if (total > 0 && done <= total && rate > 0) {
		left = (double)(total - done) / rate;
		fill = (int)(20.0 * (double)done / (double)total);
		for (i = 0; i < 20; i++)
			bar[i] = i < fill ? '#' : '-';
		bar[20] = '\0';
		fprintf(stderr, "  %d:%02d left  [%s]", (int)left / 60,
		    (int)left % 60, bar);
	}
	p->drawn = 1;
}

static int
cmd_import(struct cli *cli, int argc, char **argv)
{
	struct import_opts	 o;
	struct import_stats	 st;
	struct progress		 pg;
	struct rusage		 ru;
	const char		*v, *pos[2];
	int64_t			 max;
	int			 i, r, npos = 0, stats = 0, noprog = 0, nkr, npt;
	double			 t0;

	memset(&o, 0, sizeof(o));
	memset(&pg, 0, sizeof(pg));
	o.max_report = 20;
	for (i = 1; i < argc; i++) {
		if ((r = cli_opt(cli, argc, argv, &i, "profile", &v)) > 0)
			o.profile = v;
		else if (r == 0 &&
		    (r = cli_opt(cli, argc, argv, &i, "report", &v)) > 0)
			o.report = v;
		else if (r == 0 &&
		    (r = cli_opt(cli, argc, argv, &i, "format", &v)) > 0)
			o.format = v;
		else if (r == 0 &&
		    (r = cli_opt(cli, argc, argv, &i, "delimiter", &v)) > 0) {
			if (strcmp(v, "tab") == 0 || strcmp(v, "\\t") == 0)
				o.delim = '\t';
			else if (strcmp(v, ",") == 0 || strcmp(v, ";") == 0 ||
			    strcmp(v, "\t") == 0)
				o.delim = v[0];
			else
				return cli_usage(cli, &cmd_import_entry,
				    "--delimiter: expected , ; or tab, got "
				    "\"%s\"", v);
		} else if (r == 0 && (r = cli_opt(cli, argc, argv, &i,
		    "max-errors", &v)) > 0) {
			if (parse_int(v, 0, 1000000, &max, &cli->err) != ERR_OK)
				return cli_usage(cli, &cmd_import_entry,
				    "--max-errors: %s", cli->err.msg);
			o.max_report = (int)max;
		} else if (r < 0)
			return 2;
		else if (cli_flag(argv, i, "skip-bad"))
			o.skip_bad = 1;
		else if (cli_flag(argv, i, "dry-run"))
			cli->rollback = 1;
		else if (cli_flag(argv, i, "stats"))
			stats = 1;
		else if (cli_flag(argv, i, "no-progress"))
			noprog = 1;
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage(cli, &cmd_import_entry, "unknown option "
			    "\"%s\"", argv[i]);
		else if (npos < 2)
			pos[npos++] = argv[i];
		else
			return cli_usage(cli, &cmd_import_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
	}
	if (npos != 2)
		return cli_usage(cli, &cmd_import_entry, "expected DATASET and "
		    "FILE");
	if ((r = ds_find(pos[0])) < 0)
		return cli_usage(cli, &cmd_import_entry, "no dataset \"%s\" "
		    "(expected interactions, surveys, qa_reviews, training, "
		    "kb_audits, customers or agents)", pos[0]);
	o.ds = (enum ds)r;
	o.path = pos[1];
	/* the report goes to the working directory: the export's own
	 * directory may be read-only or shared */
	if (o.skip_bad && o.report == NULL) {
		const char *base = strrchr(o.path, '/');

		base = base != NULL ? base + 1 : o.path;
		if (strcmp(o.path, "-") == 0 || base[0] == '\0')
			base = "stdin";
		o.report = arena_printf(&cli->arena, "%s.rejected.csv", base);
	}
	o.actor = cli->actor;
	o.now = cli->okr->now;
	o.bad = on_bad;
	o.progress = on_progress;
	o.ctx = &pg;
	pg.on = !noprog && isatty(STDERR_FILENO);
	pg.t0 = pg.last = t0 = now_s();
	if (import_run(cli->okr->st, &o, &st, &cli->err) != ERR_OK) {
		bar_clear(&pg);
		if (st.bad > (uint64_t)o.max_report)
			fprintf(stderr, "okrdesk: ... and %llu more bad rows\n",
			    (unsigned long long)(st.bad -
			    (uint64_t)o.max_report));
		/* bad data in a file is a failure (1), not a usage error */
		r = cli_fail(cli, cli->err.code);
		return st.opened ? 1 : r;
	}
	bar_clear(&pg);
	if (st.bad > (uint64_t)o.max_report)
		fprintf(stderr, "okrdesk: ... and %llu more bad rows\n",
		    (unsigned long long)(st.bad - (uint64_t)o.max_report));
	printf("%s %s: %llu rows read, %llu stored (%llu new, %llu updated)",
	    cli->rollback ? "checked" : "imported", ds_info[o.ds].name,
	    (unsigned long long)st.rows, (unsigned long long)st.stored,
	    (unsigned long long)st.added,
	    (unsigned long long)(st.stored - st.added));
	if (st.filtered > 0)
		printf(", %llu left out by the profile",
		    (unsigned long long)st.filtered);
	if (st.bad > 0)
		printf(", %llu bad rows skipped (listed in %s)",
		    (unsigned long long)st.bad, o.report);
	printf("; profile %s%s\n", st.profile,
	    cli->rollback ? "; nothing written (--dry-run)" : "");
	if (!cli->rollback && kpilink_any(cli->okr)) {
		if (kpilink_refresh(cli->okr, NULL, &nkr, &npt, &cli->err)
		    != ERR_OK)
			return cli_fail(cli, cli->err.code);
		printf("updated %d key result%s linked to KPIs (%d weekly "
		    "points)\n", nkr, nkr == 1 ? "" : "s", npt);
	}
	if (stats) {
		getrusage(RUSAGE_SELF, &ru);
		fprintf(stderr, "{\"rows\":%llu,\"seconds\":%.3f,"
		    "\"max_rss_kb\":%ld}\n", (unsigned long long)st.rows,
		    now_s() - t0, ru.ru_maxrss);
	}
	return 0;
}
