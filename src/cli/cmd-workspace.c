/*
 * cmd-workspace.c: okrdesk workspace [show|edit]: the workspace settings.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static int cmd_workspace(struct cli *, int, char **);

const struct cmd_entry cmd_workspace_entry = {
	"workspace", cmd_workspace, CMD_WORKSPACE | CMD_WRITES,
	"show or change the workspace settings",
	"usage: okrdesk workspace [show] [--json]\n"
	"       okrdesk workspace edit [--name NAME] [--timezone ZONE]\n"
	"                              [--cadence_days N] [--grace_days N]\n"
	"                              [--language en|ro] [--checkin_day DAY]\n"
	"                              [--max_objectives N] [--max_krs N]\n"
	"                              [--max_kpis N]\n\n"
	"The workspace settings: its name, the time zone that cuts days,\n"
	"weeks and cycles, and the check-in cadence: a key result updated by\n"
	"hand with no check-in for cadence_days + grace_days is shown\n"
	"outdated, whatever its progress; check-ins are due on checkin_day\n"
	"(monday..sunday; a team may set its own: 'okrdesk team --help').\n"
	"language is the pages' language for people who did not choose their\n"
	"own (unset: the browser's).  max_objectives (per owner), max_krs (per\n"
	"objective) and max_kpis (watched per team) are the limits 'okrdesk\n"
	"lint' warns above (5, 5, 8).\n\n"
	"example: okrdesk workspace edit --timezone Europe/Bucharest\n"
};

static int
cmd_workspace(struct cli *cli, int argc, char **argv)
{
	struct workspace	 ws = cli->okr->ws;
	const struct field_def	*f;
	struct buf		 b = BUF_INIT;
	const char		*v;
	size_t			 w = 0;
	int			 i, r, json = 0;

	if (argc > 1 && strcmp(argv[1], "edit") == 0) {
		for (i = 2; i < argc; i++) {
			for (f = workspace_fields; f->name != NULL; f++)
				if ((r = cli_opt(cli, argc, argv, &i, f->name,
				    &v)) != 0)
					break;
			if (f->name == NULL)
				return cli_usage(cli, &cmd_workspace_entry,
				    "unexpected argument \"%s\"", argv[i]);
			if (r < 0)
				return 2;
			if (field_set(workspace_fields, &ws, f->name, v,
			    &cli->arena, &cli->err) != ERR_OK)
				return cli_fail(cli, cli->err.code);
		}
		if (workspace_update(cli->okr, &ws, &cli->err) != ERR_OK)
			return cli_fail(cli, cli->err.code);
		printf("updated the workspace settings\n");
		return 0;
	}
	i = argc > 1 && strcmp(argv[1], "show") == 0 ? 2 : 1;
	for (; i < argc; i++) {
		if (!cli_flag(argv, i, "json"))
			return cli_usage(cli, &cmd_workspace_entry,
			    "unexpected argument \"%s\"", argv[i]);
		json = 1;
	}
	if (json)
		return cli_json_print(cli, cli_json_fields(workspace_fields,
		    &ws, 0));
	for (f = workspace_fields; f->name != NULL; f++)
		if (strlen(f->name) > w)
			w = strlen(f->name);
	for (f = workspace_fields; f->name != NULL; f++) {
		buf_printf(&b, "%-*s  ", (int)w, f->name);
		field_format(f, &ws, &b);
		buf_putc(&b, '\n');
	}
	r = cli_out(cli, buf_cstr(&b));
	buf_release(&b);
	return r;
}
