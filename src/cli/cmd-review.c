/*
 * cmd-review.c: okrdesk review: the cycle report for a quarterly review.
 *
 * Everything comes from review_build() and review_render() (okr/review.h),
 * the same report the web serves at /cycles/C/review; this file only
 * reads the options and prints.
 */
#include <string.h>

#include "cli/cli.h"
#include "okr/review.h"

static int cmd_review(struct cli *, int, char **);

const struct cmd_entry cmd_review_entry = {
	"review", cmd_review, CMD_WORKSPACE,
	"the cycle report: grades, success by team, KPI movement, lessons",
	"usage: okrdesk review [CYCLE] [--format text|md|json|html] [--json]\n\n"
	"The report of a cycle, for a quarterly review: the headline (dates,\n"
	"objectives, key results, mean grade), the grade distribution with\n"
	"red / yellow / green counts, the success rate of each team, committed\n"
	"against aspirational objectives, every objective's grade, the key\n"
	"results by final status, the KPI movement from the cycle's first 4\n"
	"weeks to its last 4 (with sample sizes, and whether each moved the\n"
	"right way), and the retrospectives and post-mortems written.\n\n"
	"A closed cycle is reported as frozen by 'okrdesk cycle close'; an\n"
	"open one is marked provisional and graded on its progress so far.\n\n"
	"  CYCLE          the cycle (default: the current one)\n"
	"  --format F     text (default), md (Markdown for a wiki), json, or\n"
	"                 html (one printable page, no script)\n"
	"  --json         the same as --format json\n\n"
	"example: okrdesk review 2026-Q4 --format html > review.html\n\n"
	"See docs/review.md.  Exit status: 0 shown, 1 failed (no such\n"
	"cycle), 2 bad usage.\n"
};

static int
cmd_review(struct cli *cli, int argc, char **argv)
{
	struct review	 r;
	struct buf	 b = BUF_INIT;
	const char	*cycle = NULL, *fmt = NULL;
	int		 i, k, f = REVIEW_TEXT, rc;

	for (i = 1; i < argc; i++) {
		if (cli_flag(argv, i, "json")) {
			f = REVIEW_JSON;
			continue;
		}
		if ((k = cli_opt(cli, argc, argv, &i, "format", &fmt)) < 0)
			return 2;
		if (k == 1) {
			if ((f = review_format_parse(fmt)) < 0)
				return cli_usage(cli, &cmd_review_entry,
				    "--format: expected text, md, json or "
				    "html, got \"%s\"", fmt);
			continue;
		}
		if (argv[i][0] == '-' || cycle != NULL)
			return cli_usage(cli, &cmd_review_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
		cycle = argv[i];
	}
	if (review_build(cli->okr, cycle, cli->okr->now, NULL, &cli->arena,
	    &r, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (review_render(&r, (enum review_format)f, &b) != ERR_OK)
		rc = cli_fail(cli, err_set(&cli->err, ERR_NOMEM, "out of "
		    "memory"));
	else
		rc = cli_out(cli, buf_cstr(&b));
	buf_release(&b);
	return rc;
}
