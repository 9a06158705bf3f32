/*
 * cmd-cycle.c: okrdesk cycle add|edit|list|show|rm.
 */
#include "cli/entity.h"

ENTITY_GLUE(cycle, "name")

static enum err_code
cycle_list_v(struct okr *o, const char *cycle, struct arena *a, void *outp,
    size_t *n, struct err *e)
{
	(void)cycle;
	return cycle_list(o, a, outp, n, e);
}

static const char *const cycle_columns[] = { "name", "start", "end", "state", NULL };

static int cmd_cycle(struct cli *, int, char **);

const struct cmd_entry cmd_cycle_entry = {
	"cycle", cmd_cycle, CMD_WORKSPACE | CMD_WRITES,
	"OKR cycles, usually quarters",
	"usage: okrdesk cycle add NAME [--FIELD VALUE]...\n"
	"       okrdesk cycle edit NAME [--FIELD VALUE]... [--unset FIELD]\n"
	"       okrdesk cycle list [--json]\n"
	"       okrdesk cycle show NAME [--json]\n"
	"       okrdesk cycle rm NAME\n\n"
	"OKR cycles, usually quarters.\n\nfields:\n"
	"  --start YYYY-MM-DD   first day (required)\n"
	"  --end YYYY-MM-DD     last day, inclusive (required)\n"
	"  --state STATE        planning, active or closed (active)\n"
	"\nRenaming: 'cycle edit OLD --name NEW'.  Every change is kept in the\n"
	"history.  Exit status: 0 done, 1 failed, 2 bad usage or value.\n"
};

static const struct entity_cmd cycle_cmd = {
	&cmd_cycle_entry, "cycle", cycle_fields, sizeof(struct cycle), cycle_columns, 0,
	cycle_defaults_v, cycle_ident_v, cycle_id_v, cycle_get_v, cycle_list_v, cycle_add_v,
	cycle_update_v, cycle_rm, NULL, NULL, NULL
};

static int
cmd_cycle(struct cli *cli, int argc, char **argv)
{
	return entity_run(cli, &cycle_cmd, argc, argv);
}
