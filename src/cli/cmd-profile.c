/*
 * cmd-profile.c: okrdesk profile list|show: the built-in import profiles.
 *
 * A profile maps an export's columns onto okrdesk's fields
 * (import/profile.h, docs/profiles.md).  "show" prints a built-in one as
 * YAML, the starting point for a profile of one's own.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "import/profile.h"

static int cmd_profile(struct cli *, int, char **);

const struct cmd_entry cmd_profile_entry = {
	"profile", cmd_profile, 0,
	"list the import profiles or show one as YAML",
	"usage: okrdesk profile list [--json]\n"
	"       okrdesk profile show NAME\n"
	"       okrdesk profile check FILE\n\n"
	"A profile maps the columns of an export (a help desk's ticket\n"
	"export, a call-detail record, a survey tool's download) onto the\n"
	"fields of an okrdesk dataset: units, date formats, value maps,\n"
	"filters.  okrdesk ships one for each common shape; 'show' prints\n"
	"one as YAML to start a profile of your own, used with\n"
	"'okrdesk import DATASET FILE --profile my.yaml'.  'check' reads a\n"
	"profile file and reports its first error with its line.\n\n"
	"example: okrdesk profile show pwc-calls > my-calls.yaml\n\n"
	"Exit status: 0 done, 1 failed, 2 bad usage.\n"
};

static int
profile_cmd_list(struct cli *cli, int json)
{
	const struct profile_info	*p;
	json_t				*arr, *o;

	if (json) {
		if ((arr = json_array()) == NULL)
			return cli_fail(cli, err_set(&cli->err, ERR_NOMEM,
			    "out of memory"));
		for (p = profile_builtins; p->name != NULL; p++) {
			o = json_pack("{s:s, s:s, s:s}", "name", p->name,
			    "dataset", p->dataset, "summary", p->summary);
			json_array_append_new(arr, o);
		}
		return cli_json_print(cli, arr);
	}
	for (p = profile_builtins; p->name != NULL; p++)
		printf("%-22s %-13s %s\n", p->name, p->dataset, p->summary);
	return 0;
}

static int
cmd_profile(struct cli *cli, int argc, char **argv)
{
	const struct profile_info	*p;
	struct profile			*prof;
	int				 json = 0, i;

	if (argc < 2)
		return cli_usage(cli, &cmd_profile_entry, "expected list, show "
		    "or check");
	for (i = 2; i < argc; i++)
		if (cli_flag(argv, i, "json"))
			json = 1;
	if (strcmp(argv[1], "list") == 0) {
		if (argc > 2 + json)
			return cli_usage(cli, &cmd_profile_entry, "unexpected "
			    "argument \"%s\"", argv[2]);
		return profile_cmd_list(cli, json);
	}
	if (strcmp(argv[1], "show") == 0) {
		if (argc != 3)
			return cli_usage(cli, &cmd_profile_entry, "expected "
			    "one profile name");
		for (p = profile_builtins; p->name != NULL; p++)
			if (strcmp(p->name, argv[2]) == 0)
				return cli_out(cli, p->text);
		err_set(&cli->err, ERR_NOTFOUND, "no built-in profile \"%s\" "
		    "(okrdesk profile list shows them)", argv[2]);
		return cli_fail(cli, ERR_NOTFOUND);
	}
	if (strcmp(argv[1], "check") == 0) {
		if (argc != 3)
			return cli_usage(cli, &cmd_profile_entry, "expected "
			    "one profile file");
		if (profile_load(&cli->arena, argv[2], &prof, &cli->err)
		    != ERR_OK)
			return cli_fail(cli, cli->err.code);
		printf("%s: profile %s for %s is valid\n", argv[2],
		    profile_name(prof), ds_info[profile_dataset(prof)].name);
		return 0;
	}
	return cli_usage(cli, &cmd_profile_entry, "unknown subcommand \"%s\" "
	    "(expected list, show or check)", argv[1]);
}
