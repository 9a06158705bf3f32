/*
 * cmd-demo.c: okrdesk demo (being written).
 */
#include "cli/cli.h"

static int
cmd_demo(struct cli *cli, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(cli, err_set(&cli->err, ERR_INTERNAL, "not yet"));
}

const struct cmd_entry cmd_demo_entry = {
	"demo", cmd_demo, CMD_WORKSPACE, "(being written)", "usage: okrdesk demo\n"
};
