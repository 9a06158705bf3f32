/*
 * cmd-history.c: okrdesk history (being written).
 */
#include "cli/cli.h"

static int
cmd_history(struct cli *cli, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(cli, err_set(&cli->err, ERR_INTERNAL, "not yet"));
}

const struct cmd_entry cmd_history_entry = {
	"history", cmd_history, CMD_WORKSPACE, "(being written)", "usage: okrdesk history\n"
};
