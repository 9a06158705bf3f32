/*
 * cmd-team.c: okrdesk team add|edit|list|show|rm.
 */
#include "cli/entity.h"

ENTITY_GLUE(team, "name")

static enum err_code
team_list_v(struct okr *o, const char *cycle, struct arena *a, void *outp,
    size_t *n, struct err *e)
{
	(void)cycle;
	return team_list(o, a, outp, n, e);
}

static const char *const team_columns[] = { "name", "parent", "lead", "description", NULL };

static int cmd_team(struct cli *, int, char **);

const struct cmd_entry cmd_team_entry = {
	"team", cmd_team, CMD_WORKSPACE | CMD_WRITES,
	"Teams, a tree from the company down",
	"usage: okrdesk team add NAME [--FIELD VALUE]...\n"
	"       okrdesk team edit NAME [--FIELD VALUE]... [--unset FIELD]\n"
	"       okrdesk team list [--json]\n"
	"       okrdesk team show NAME [--json]\n"
	"       okrdesk team rm NAME\n\n"
	"Teams, a tree from the company down.\n\nfields:\n"
	"  --parent TEAM        the team above it (none for the company)\n"
	"  --description TEXT   what the team does\n"
	"  --lead PERSON        who leads it: overdue check-ins escalate to them\n"
	"  --cadence_days N     days between check-ins for its objectives\n"
	"  --grace_days N       days of grace after a due date\n"
	"  --checkin_day DAY    monday..sunday: the weekday check-ins are due\n"
	"The last three, when unset, come from the nearest team above that\n"
	"sets them, else from the workspace (docs/reminders.md).\n"
	"\nRenaming: 'team edit OLD --name NEW'.  Every change is kept in the\n"
	"history.  Exit status: 0 done, 1 failed, 2 bad usage or value.\n"
};

static const struct entity_cmd team_cmd = {
	&cmd_team_entry, "team", team_fields, sizeof(struct team), team_columns, 0,
	team_defaults_v, team_ident_v, team_id_v, team_get_v, team_list_v, team_add_v,
	team_update_v, team_rm, NULL, NULL, NULL
};

static int
cmd_team(struct cli *cli, int argc, char **argv)
{
	return entity_run(cli, &team_cmd, argc, argv);
}
