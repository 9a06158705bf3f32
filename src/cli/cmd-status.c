/*
 * cmd-status.c: okrdesk status (being written).
 */
#include "cli/cli.h"

static int
cmd_status(struct cli *cli, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(cli, err_set(&cli->err, ERR_INTERNAL, "not yet"));
}

const struct cmd_entry cmd_status_entry = {
	"status", cmd_status, CMD_WORKSPACE, "(being written)", "usage: okrdesk status\n"
};
