/*
 * cmd-objective.c: okrdesk objective add|edit|list|show|rm.
 *
 * Beyond the field table, an objective takes --align PARENT (repeatable:
 * an objective key or OBJECTIVE/KR) and --no-align.  On edit, the first
 * --align replaces the old list rather than adding to it, so the command
 * line states the whole alignment.
 */
#include <string.h>

#include "cli/entity.h"
#include "okr/evaljson.h"

ENTITY_GLUE(objective, "key")

static enum err_code
objective_list_v(struct okr *o, const char *cycle, struct arena *a,
    void *outp, size_t *n, struct err *e)
{
	return objective_list(o, cycle, a, outp, n, e);
}

static int
objective_extra_opt(struct cli *cli, int argc, char **argv, int *i,
    void *p, struct arena *a)
{
	static int		 replaced;	/* one command per process */
	struct objective	*obj = p;
	const char		*v;
	char			**nv;
	int			 r;

	if (cli_flag(argv, *i, "no-align")) {
		obj->aligns = NULL;
		obj->naligns = 0;
		replaced = 1;
		return 1;
	}
	if ((r = cli_opt(cli, argc, argv, i, "align", &v)) <= 0)
		return r;
	if (!replaced) {
		obj->aligns = NULL;
		obj->naligns = 0;
		replaced = 1;
	}
	if ((nv = arena_calloc(a, obj->naligns + 1, sizeof(*nv))) == NULL) {
		err_set(&cli->err, ERR_NOMEM, "out of memory");
		return -1;
	}
	if (obj->naligns > 0)
		memcpy(nv, obj->aligns, obj->naligns * sizeof(*nv));
	nv[obj->naligns++] = arena_strdup(a, v);
	obj->aligns = nv;
	return 1;
}

static void
objective_extra_json(const void *p, json_t *j)
{
	json_t	*full = evaljson_objective(p);

	if (full != NULL) {
		json_object_update_missing(j, full);
		json_decref(full);
	}
}

static void
objective_extra_show(const void *p, struct buf *b)
{
	const struct objective	*obj = p;
	size_t			 i;

	for (i = 0; i < obj->naligns; i++)
		buf_printf(b, "%-12s %s\n", "aligns", obj->aligns[i]);
}

static const char *const objective_columns[] = {
	"key", "cycle", "team", "person", "kind", "state", "title", NULL
};

static int cmd_objective(struct cli *, int, char **);

const struct cmd_entry cmd_objective_entry = {
	"objective", cmd_objective, CMD_WORKSPACE | CMD_WRITES,
	"objectives: what a team or person sets out to achieve",
	"usage: okrdesk objective add KEY --title TITLE --cycle CYCLE\n"
	"                         (--team TEAM | --person NAME) [OPTIONS]\n"
	"       okrdesk objective edit KEY [OPTIONS] [--unset FIELD]\n"
	"       okrdesk objective list [--cycle CYCLE] [--json]\n"
	"       okrdesk objective show KEY [--json]\n"
	"       okrdesk objective rm KEY\n\n"
	"An objective is qualitative and time-bound; its key results say how\n"
	"progress is measured.  KEY is a short unique name (a-z, 0-9, -, _).\n\n"
	"options:\n"
	"  --title TEXT         what the team wants to achieve\n"
	"  --cycle CYCLE        the cycle it belongs to\n"
	"  --team TEAM          owner team (or --person)\n"
	"  --person NAME        owner person (or --team)\n"
	"  --kind KIND          committed (expects 1.0) or aspirational\n"
	"                       (0.7 counts as success); default committed\n"
	"  --state STATE        draft, active or closed (active)\n"
	"  --weight W           weight in a parent's roll-up (1)\n"
	"  --description TEXT   why it matters\n"
	"  --align PARENT       align to an objective (KEY) or a key result\n"
	"                       (KEY/KR); repeat for several; on edit the\n"
	"                       first --align replaces the list\n"
	"  --no-align           align to nothing\n\n"
	"Removing an objective removes its key results and their check-ins.\n\n"
	"example: okrdesk objective add nps-70 --title \"Customers recommend"
	" us\" \\\n"
	"           --cycle 2026-Q4 --team Support --align loyal-customers\n"
};

static const struct entity_cmd objective_cmd = {
	&cmd_objective_entry, "objective", objective_fields,
	sizeof(struct objective), objective_columns, 1,
	objective_defaults_v, objective_ident_v, objective_id_v,
	objective_get_v, objective_list_v, objective_add_v,
	objective_update_v, objective_rm, objective_extra_opt,
	objective_extra_json, objective_extra_show
};

static int
cmd_objective(struct cli *cli, int argc, char **argv)
{
	return entity_run(cli, &objective_cmd, argc, argv);
}
