/*
 * cmd-gen.c: okrdesk gen: write synthetic support exports (import/gen.h)
 * into a directory, one native CSV per dataset.  Needs no workspace.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/parse.h"
#include "import/gen.h"

static int cmd_gen(struct cli *, int, char **);

const struct cmd_entry cmd_gen_entry = {
	"gen", cmd_gen, 0,
	"write synthetic support data (CSV exports) for demos and benchmarks",
	"usage: okrdesk gen [--rows N] [--out DIR] [--seed S] [--from DATE]\n"
	"                   [--to DATE] [--teams N] [--agents N]\n"
	"                   [--datasets LIST]\n\n"
	"Write realistic synthetic exports of a help desk and contact center,\n"
	"one CSV per dataset in okrdesk's native shape (the fields of\n"
	"'okrdesk import', times in ISO 8601 UTC, true/false, durations in\n"
	"seconds, empty for missing): interactions.csv (N rows), surveys.csv,\n"
	"qa_reviews.csv, training.csv, kb_audits.csv, customers.csv and\n"
	"agents.csv, sized in proportion to N.  The data has weekday and\n"
	"hour-of-day seasonality, a channel mix, long-tailed reply and\n"
	"resolution times in business hours, queues with abandons, reopens,\n"
	"escalations from Tier 1, SLA flags, surveys whose scores fall with\n"
	"the wait, QA reviews, training and customer churn; the model is in\n"
	"src/import/gen.h.  The same options give the same bytes.  Files are\n"
	"written whole (to DIR/.NAME.csv.tmp, then renamed) and replace\n"
	"earlier ones only when every file is complete.  The export is taken\n"
	"at the end of --to: work still running then shows as open.\n\n"
	"options:\n"
	"  --rows N         interactions to write (10000)\n"
	"  --out DIR        directory for the files, created if missing (.)\n"
	"  --seed S         random seed, a whole number (1)\n"
	"  --from DATE      first day of the window, YYYY-MM-DD (2026-07-01)\n"
	"  --to DATE        last day of the window (2026-12-31)\n"
	"  --teams N        teams, 1-64: Tier 1, Tier 2, Billing, Technical,\n"
	"                   Onboarding, Returns, Enterprise, Social Care,\n"
	"                   Team 9... (5)\n"
	"  --agents N       agents, at least one a team (one per 2,500 rows,\n"
	"                   2-5,000)\n"
	"  --datasets LIST  comma-separated datasets to write (all)\n\n"
	"example:\n"
	"  okrdesk gen --rows 100000 --out data --from 2026-10-01 "
	"--to 2026-12-31\n"
	"  okrdesk import interactions data/interactions.csv\n\n"
	"Exit status: 0 written, 1 failed, 2 bad usage.\n"
};

struct progress {
	struct timespec	 start;
	int		 shown;
};

static double
elapsed(const struct timespec *t0)
{
	struct timespec	 t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* One line on the terminal, rewritten in place. */
static void
show_progress(void *arg, int64_t done, int64_t total)
{
	struct progress	*pr = arg;
	double		 s = elapsed(&pr->start);

	fprintf(stderr, "\rgen: %3d%%  %lld of %lld interactions  %.2f M "
	    "rows/s ", (int)(100 * done / total), (long long)done,
	    (long long)total, s > 0 ? (double)done / s / 1e6 : 0.0);
	pr->shown = 1;
}

/* A whole day YYYY-MM-DD as its midnight UTC (end: the midnight after). */
static enum err_code
day_utc(const char *s, int end, int64_t *out, struct err *e)
{
	char	 tmp[32];

	if (parse_date(s, NULL, NULL, NULL, e) != ERR_OK)
		return ERR_INVAL;
	snprintf(tmp, sizeof(tmp), "%sT00:00:00Z", s);
	if (parse_time(tmp, out, e) != ERR_OK)
		return ERR_INVAL;
	if (end)
		*out += 86400;
	return ERR_OK;
}

/* "interactions,surveys" as dataset bits. */
static enum err_code
dataset_bits(const char *list, unsigned *out, struct err *e)
{
	char		 name[64];
	const char	*p = list, *q;
	size_t		 n;
	int		 d;

	*out = 0;
	for (;;) {
		q = strchr(p, ',');
		n = q != NULL ? (size_t)(q - p) : strlen(p);
		if (n == 0 || n >= sizeof(name))
			return err_set(e, ERR_INVAL, "expected dataset names "
			    "separated by commas, got \"%s\"", list);
		memcpy(name, p, n);
		name[n] = '\0';
		if ((d = ds_find(name)) < 0)
			return err_set(e, ERR_INVAL, "\"%s\" is not a dataset "
			    "(interactions, surveys, qa_reviews, training, "
			    "kb_audits, customers, agents)", name);
		*out |= 1u << d;
		if (q == NULL)
			return ERR_OK;
		p = q + 1;
	}
}

static int
bad_value(struct cli *cli, const char *opt)
{
	err_prefix(&cli->err, "--%s", opt);
	return cli_usage(cli, &cmd_gen_entry, "%s", cli->err.msg);
}

static int
cmd_gen(struct cli *cli, int argc, char **argv)
{
	static const char *const opts[] = { "rows", "out", "seed", "from",
	    "to", "teams", "agents", "datasets", NULL };
	struct gen_opts	 o;
	struct progress	 pr;
	struct stat	 st;
	int64_t		 counts[DS__MAX], v;
	const char	*val, *dir = ".", *from = NULL, *to = NULL;
	int		 i, k, r, d;

	gen_defaults(&o);
	for (i = 1; i < argc; i++) {
		for (k = 0; opts[k] != NULL; k++)
			if ((r = cli_opt(cli, argc, argv, &i, opts[k], &val))
			    != 0)
				break;
		if (opts[k] == NULL)
			return cli_usage(cli, &cmd_gen_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
		if (r < 0)
			return 2;
		switch (k) {
		case 0:
			if (parse_int(val, 1, INT64_C(1000000000000), &v,
			    &cli->err) != ERR_OK)
				return bad_value(cli, "rows");
			o.rows = v;
			break;
		case 1:
			if (*val == '\0')
				return cli_usage(cli, &cmd_gen_entry,
				    "--out needs a directory");
			dir = val;
			break;
		case 2:
			if (parse_int(val, 0, INT64_MAX, &v, &cli->err)
			    != ERR_OK)
				return bad_value(cli, "seed");
			o.seed = (uint64_t)v;
			break;
		case 3:
			from = val;
			break;
		case 4:
			to = val;
			break;
		case 5:
		case 6:
			if (parse_int(val, 1, k == 5 ? GEN_TEAMS_MAX :
			    GEN_AGENTS_MAX, &v, &cli->err) != ERR_OK)
				return bad_value(cli, opts[k]);
			*(k == 5 ? &o.teams : &o.agents) = (int)v;
			break;
		case 7:
			if (dataset_bits(val, &o.datasets, &cli->err)
			    != ERR_OK)
				return bad_value(cli, "datasets");
			break;
		}
	}
	if (from != NULL && day_utc(from, 0, &o.from, &cli->err) != ERR_OK)
		return bad_value(cli, "from");
	if (to != NULL && day_utc(to, 1, &o.to, &cli->err) != ERR_OK)
		return bad_value(cli, "to");
	if (o.to <= o.from)
		return cli_usage(cli, &cmd_gen_entry, "--to %s comes before "
		    "--from %s", to != NULL ? to : "2026-12-31",
		    from != NULL ? from : "2026-07-01");
	if (gen_check(&o, &cli->err) != ERR_OK)
		return bad_value(cli, cli->err.field);

	if (stat(dir, &st) != 0) {
		if (errno != ENOENT || mkdir(dir, 0777) != 0)
			return cli_fail(cli, err_set(&cli->err, ERR_IO,
			    "cannot create the directory %s: %s", dir,
			    strerror(errno)));
	} else if (!S_ISDIR(st.st_mode))
		return cli_fail(cli, err_set(&cli->err, ERR_IO, "%s is not a "
		    "directory", dir));

	memset(&pr, 0, sizeof(pr));
	clock_gettime(CLOCK_MONOTONIC, &pr.start);
	if (isatty(STDERR_FILENO) && o.rows >= 200000) {
		o.progress = show_progress;
		o.progress_arg = &pr;
	}
	r = gen_dir(&o, dir, counts, &cli->err) != ERR_OK;
	if (pr.shown)
		fprintf(stderr, "\r%60s\r", "");
	if (r)
		return cli_fail(cli, cli->err.code);
	for (d = 0; d < DS__MAX; d++)
		if (o.datasets & (1u << d))
			printf("%s/%s.csv\t%lld rows\n", dir, ds_info[d].name,
			    (long long)counts[d]);
	if (o.rows >= 200000)
		fprintf(stderr, "gen: %lld interactions in %.2f s\n",
		    (long long)o.rows, elapsed(&pr.start));
	return 0;
}
