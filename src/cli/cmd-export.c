/*
 * cmd-export.c: okrdesk export (being written).
 */
#include "cli/cli.h"

static int
cmd_export(struct cli *cli, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(cli, err_set(&cli->err, ERR_INTERNAL, "not yet"));
}

const struct cmd_entry cmd_export_entry = {
	"export", cmd_export, CMD_WORKSPACE, "(being written)", "usage: okrdesk export\n"
};
