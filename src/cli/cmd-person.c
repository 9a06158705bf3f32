/*
 * cmd-person.c: okrdesk person add|edit|list|show|rm.
 */
#include "cli/entity.h"

ENTITY_GLUE(person, "name")

static enum err_code
person_list_v(struct okr *o, const char *cycle, struct arena *a, void *outp,
    size_t *n, struct err *e)
{
	(void)cycle;
	return person_list(o, a, outp, n, e);
}

static const char *const person_columns[] = { "name", "team", "role", "email", NULL };

static int cmd_person(struct cli *, int, char **);

const struct cmd_entry cmd_person_entry = {
	"person", cmd_person, CMD_WORKSPACE | CMD_WRITES,
	"People: agents, leads, analysts",
	"usage: okrdesk person add NAME [--FIELD VALUE]...\n"
	"       okrdesk person edit NAME [--FIELD VALUE]... [--unset FIELD]\n"
	"       okrdesk person list [--json]\n"
	"       okrdesk person show NAME [--json]\n"
	"       okrdesk person rm NAME\n\n"
	"People: agents, leads, analysts.\n\nfields:\n"
	"  --team TEAM          the team they belong to\n"
	"  --role ROLE          job role: agent, lead, manager... (agent)\n"
	"  --email ADDRESS      e-mail address\n"
	"\nRenaming: 'person edit OLD --name NEW'.  Every change is kept in the\n"
	"history.  Exit status: 0 done, 1 failed, 2 bad usage or value.\n"
};

static const struct entity_cmd person_cmd = {
	&cmd_person_entry, "person", person_fields, sizeof(struct person), person_columns, 0,
	person_defaults_v, person_ident_v, person_id_v, person_get_v, person_list_v, person_add_v,
	person_update_v, person_rm, NULL, NULL, NULL
};

static int
cmd_person(struct cli *cli, int argc, char **argv)
{
	return entity_run(cli, &person_cmd, argc, argv);
}
