/*
 * cmd-survey.c: okrdesk survey link INTERACTION: a signed link a help desk
 * sends the customer after an interaction (import/survey.h).
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/parse.h"
#include "import/survey.h"

static int cmd_survey(struct cli *, int, char **);

const struct cmd_entry cmd_survey_entry = {
	"survey", cmd_survey, CMD_WORKSPACE | CMD_WRITES,
	"make a customer survey link for an interaction",
	"usage: okrdesk survey link INTERACTION [--kind csat|nps] [--days N]\n"
	"                           [--base-url URL] [--json]\n\n"
	"Print a signed link where the customer of INTERACTION (an imported\n"
	"interaction's id) answers one question, CSAT (1-5) or NPS (0-10),\n"
	"and may leave a comment, without signing in.  The survey counts as\n"
	"sent from now (survey_response_rate); the answer lands in the\n"
	"surveys dataset and feeds csat, nps and the response rate.  A link\n"
	"answers once; an expired, reused or forged link is refused.\n\n"
	"  --kind csat|nps   the question (csat)\n"
	"  --days N          days the link stays valid, 1-365 (14)\n"
	"  --base-url URL    where 'okrdesk serve' is reached by customers\n"
	"                    (http://127.0.0.1:8080)\n"
	"  --json            {interaction, kind, token, url}\n\n"
	"example: okrdesk survey link T000123 --kind nps --base-url "
	"https://support.example.com\n\n"
	"Exit status: 0 printed, 1 failed (no such interaction, already\n"
	"answered), 2 bad usage or value.\n"
};

static int
cmd_survey(struct cli *cli, int argc, char **argv)
{
	const char	*v, *interaction = NULL, *base = "http://127.0.0.1:8080";
	char		*token, *url;
	int64_t		 days = 14;
	int		 i, r, kind = SURVEY_CSAT, json = 0;

	if (argc < 2 || strcmp(argv[1], "link") != 0)
		return cli_usage(cli, &cmd_survey_entry, "expected 'link'");
	for (i = 2; i < argc; i++) {
		if ((r = cli_opt(cli, argc, argv, &i, "kind", &v)) > 0) {
			if ((kind = survey_kind_find(v)) < 0)
				return cli_usage(cli, &cmd_survey_entry,
				    "--kind: expected csat or nps, got \"%s\"",
				    v);
		} else if (r == 0 &&
		    (r = cli_opt(cli, argc, argv, &i, "days", &v)) > 0) {
			if (parse_int(v, 1, 365, &days, &cli->err) != ERR_OK)
				return cli_usage(cli, &cmd_survey_entry,
				    "--days: %s", cli->err.msg);
		} else if (r == 0 &&
		    (r = cli_opt(cli, argc, argv, &i, "base-url", &v)) > 0) {
			if (strncmp(v, "http://", 7) != 0 &&
			    strncmp(v, "https://", 8) != 0)
				return cli_usage(cli, &cmd_survey_entry,
				    "--base-url: expected http:// or https://, "
				    "got \"%s\"", v);
			base = v;
		} else if (r < 0)
			return 2;
		else if (cli_flag(argv, i, "json"))
			json = 1;
		else if (argv[i][0] == '-' || interaction != NULL)
			return cli_usage(cli, &cmd_survey_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
		else
			interaction = argv[i];
	}
	if (interaction == NULL)
		return cli_usage(cli, &cmd_survey_entry, "expected an "
		    "interaction id");
	if (survey_link(cli->okr, interaction, kind, (int)days, &cli->arena,
	    &token, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code == ERR_INVAL ? ERR_USAGE :
		    cli->err.code);
	url = arena_printf(&cli->arena, "%s%ss/%s", base,
	    base[strlen(base) - 1] == '/' ? "" : "/", token);
	if (json)
		return cli_json_print(cli, json_pack("{s:s, s:s, s:s, s:s}",
		    "interaction", interaction, "kind", survey_kind_names[kind],
		    "token", token, "url", url));
	printf("%s\n", url);
	return 0;
}
