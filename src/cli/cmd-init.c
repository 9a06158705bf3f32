/*
 * cmd-init.c: okrdesk init: create a new, empty workspace.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static int cmd_init(struct cli *, int, char **);

const struct cmd_entry cmd_init_entry = {
	"init", cmd_init, 0,
	"create a new workspace",
	"usage: okrdesk [--db PATH] init [--name NAME] [--timezone ZONE]\n"
	"                [--cadence_days N] [--grace_days N] [--language en|ro]\n\n"
	"Create a new, empty workspace in the database file (./okrdesk.db,\n"
	"$OKRDESK_DB or --db).  Refuses to touch a file that already holds\n"
	"a workspace.\n\n"
	"  --name NAME          the organisation's name (My Support)\n"
	"  --timezone ZONE      IANA time zone that cuts days and weeks (UTC)\n"
	"  --cadence_days N     days between expected check-ins (7)\n"
	"  --grace_days N       grace days before a silent key result is\n"
	"                       shown outdated (3)\n"
	"  --language en|ro     the web pages' language (the browser's)\n\n"
	"example: okrdesk --db acme.db init --name \"Acme Support\" "
	"--timezone Europe/Bucharest\n"
};

static int
cmd_init(struct cli *cli, int argc, char **argv)
{
	struct workspace	 ws;
	const struct field_def	*f;
	const char		*v;
	int			 i, r;

	workspace_defaults(&ws);
	ws.name = (char *)"My Support";
	ws.timezone = (char *)"UTC";
	for (i = 1; i < argc; i++) {
		for (f = workspace_fields; f->name != NULL; f++)
			if ((r = cli_opt(cli, argc, argv, &i, f->name, &v))
			    != 0)
				break;
		if (f->name == NULL)
			return cli_usage(cli, &cmd_init_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
		if (r < 0)
			return 2;
		if (field_set(workspace_fields, &ws, f->name, v, &cli->arena,
		    &cli->err) != ERR_OK)
			return cli_fail(cli, cli->err.code);
	}
	if (okr_create(cli->db, &ws, cli->actor, &cli->okr, &cli->err)
	    != ERR_OK)
		return cli_fail(cli, cli->err.code);
	printf("created workspace \"%s\" in %s\n", ws.name, cli->db_shown);
	return 0;
}
