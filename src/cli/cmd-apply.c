/*
 * cmd-apply.c: okrdesk apply (being written).
 */
#include "cli/cli.h"

static int
cmd_apply(struct cli *cli, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(cli, err_set(&cli->err, ERR_INTERNAL, "not yet"));
}

const struct cmd_entry cmd_apply_entry = {
	"apply", cmd_apply, CMD_WORKSPACE, "(being written)", "usage: okrdesk apply\n"
};
