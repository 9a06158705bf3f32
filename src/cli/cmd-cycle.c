/*
 * cmd-cycle.c: okrdesk cycle add|edit|list|show|rm|close|carry.
 *
 * add..rm are the entity driver's (cli/entity.c); close and carry are the
 * end of a cycle (okr/close.h): close freezes the grades and locks the
 * cycle, carry copies its unfinished aspirational objectives onward.
 */
#include <math.h>
#include <string.h>

#include "cli/entity.h"
#include "core/clock.h"
#include "core/text.h"
#include "okr/close.h"
#include "okr/evaljson.h"

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
	"       okrdesk cycle rm NAME\n"
	"       okrdesk cycle close NAME [--notes FILE] [--force-early] "
	"[--json]\n"
	"       okrdesk cycle carry NAME --to NEXT [--json]\n\n"
	"OKR cycles, usually quarters.\n\nfields:\n"
	"  --start YYYY-MM-DD   first day (required)\n"
	"  --end YYYY-MM-DD     last day, inclusive (required)\n"
	"  --state STATE        planning, active or closed (active)\n"
	"\nRenaming: 'cycle edit OLD --name NEW'.  Every change is kept in the\n"
	"history.\n\n"
	"close: grade the cycle at its end and freeze it: each objective's\n"
	"grade (its progress, one decimal) and each key result's grade, final\n"
	"value and status, the KPI movement (first 4 weeks against the last\n"
	"4), the cycle closed by you.  Afterwards check-ins and edits on the\n"
	"cycle are refused, except retrospective and postmortem text.  A\n"
	"committed objective below 1.0 needs a post-mortem first.\n"
	"  --notes FILE     YAML: KEY: {retrospective: TEXT, postmortem: TEXT},\n"
	"                   written in the same transaction\n"
	"  --force-early    close before the cycle's last day, graded as of now\n\n"
	"carry: copy the unfinished aspirational objectives (grade below 1.0)\n"
	"of a closed cycle into NEXT as drafts, key KEY-NEXT: definitions and\n"
	"key results, baselines set to the final values, never check-ins.\n"
	"Running it again copies nothing.\n"
	"  --to NEXT        the cycle to carry into (not closed)\n\n"
	"The report: okrdesk review NAME.  See docs/review.md.\n\n"
	"example: okrdesk cycle close 2026-Q4 --notes retro.yaml\n\n"
	"Exit status: 0 done, 1 failed (refused: closed already, not ended,\n"
	"post-mortems missing...), 2 bad usage or value.\n"
};

static const struct entity_cmd cycle_cmd = {
	&cmd_cycle_entry, "cycle", cycle_fields, sizeof(struct cycle), cycle_columns, 0,
	cycle_defaults_v, cycle_ident_v, cycle_id_v, cycle_get_v, cycle_list_v, cycle_add_v,
	cycle_update_v, cycle_rm, NULL, NULL, NULL
};

static int
cycle_close_json(struct cli *cli, const struct close_result *r)
{
	json_t	*j, *objs;
	size_t	 i;

	objs = json_array();
	for (i = 0; i < r->nobjs; i++)
		json_array_append_new(objs, json_pack("{s:s, s:s, s:s, s:o}",
		    "key", r->objs[i].key, "title", r->objs[i].title,
		    "kind", obj_kind_names[r->objs[i].kind],
		    "grade", cli_json_num(r->objs[i].grade)));
	j = json_pack("{s:s, s:o, s:o, s:o, s:I, s:I, s:I, s:o}",
	    "cycle", r->cycle, "closed_at", evaljson_time(r->closed_at),
	    "as_of", evaljson_time(r->as_of),
	    "mean_grade", cli_json_num(r->mean_grade),
	    "key_results", (json_int_t)r->nkrs, "kpis", (json_int_t)r->nkpis,
	    "notes", (json_int_t)r->nnotes, "objectives", objs);
	return cli_json_print(cli, j);
}

static int
cycle_close(struct cli *cli, int argc, char **argv)
{
	struct close_opts	 op;
	struct close_result	 res;
	struct buf		 b = BUF_INIT;
	const char		*name = NULL, *notes = NULL;
	char			 d[16], g[16];
	size_t			 i;
	int			 k, r, json = 0, rc;

	memset(&op, 0, sizeof(op));
	for (k = 2; k < argc; k++) {
		if (cli_flag(argv, k, "json"))
			json = 1;
		else if (cli_flag(argv, k, "force-early"))
			op.force_early = 1;
		else if ((r = cli_opt(cli, argc, argv, &k, "notes", &notes))
		    < 0)
			return 2;
		else if (r == 0 && argv[k][0] != '-' && name == NULL)
			name = argv[k];
		else if (r == 0)
			return cli_usage(cli, &cmd_cycle_entry, "cycle close: "
			    "unexpected argument \"%s\"", argv[k]);
	}
	if (name == NULL)
		return cli_usage(cli, &cmd_cycle_entry, "cycle close: which "
		    "cycle? (okrdesk cycle close NAME)");
	if (notes != NULL) {
		op.notes_path = notes;
		if (close_notes_load(notes, &cli->arena,
		    (struct close_note **)&op.notes, &op.nnotes, &cli->err)
		    != ERR_OK)
			return cli_fail(cli, cli->err.code);
	}
	if (close_cycle(cli->okr, name, &op, &cli->arena, &res, &cli->err)
	    != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (json)
		return cycle_close_json(cli, &res);
	clock_fmt_date(res.as_of > 0 ? res.as_of - 1 : res.as_of, d,
	    sizeof(d));
	if (isnan(res.mean_grade))
		snprintf(g, sizeof(g), "—");
	else
		snprintf(g, sizeof(g), "%.2f", res.mean_grade);
	buf_printf(&b, "closed %s, graded as of %s: %zu objectives (mean "
	    "grade %s), %zu key results frozen, %zu KPI movements recorded\n",
	    res.cycle, d, res.nobjs, g, res.nkrs, res.nkpis);
	for (i = 0; i < res.nobjs; i++) {
		if (isnan(res.objs[i].grade))
			snprintf(g, sizeof(g), "—");
		else
			snprintf(g, sizeof(g), "%.1f", res.objs[i].grade);
		/* columns, not bytes: "—" is one column, a long key is cut */
		buf_puts(&b, "  ");
		text_cell(&b, g, 3);
		buf_puts(&b, "  ");
		text_cell(&b, obj_kind_names[res.objs[i].kind], 12);
		buf_puts(&b, "  ");
		text_cell(&b, res.objs[i].key, 16);
		buf_printf(&b, "  %s\n", res.objs[i].title);
	}
	if (notes != NULL)
		buf_printf(&b, "%zu objective%s took notes from %s\n",
		    res.nnotes, res.nnotes == 1 ? "" : "s", notes);
	buf_printf(&b, "the report: okrdesk review %s\n", res.cycle);
	rc = buf_error(&b) != ERR_OK ? cli_fail(cli, err_set(&cli->err,
	    ERR_NOMEM, "out of memory")) : cli_out(cli, buf_cstr(&b));
	buf_release(&b);
	return rc;
}

static int
cycle_carry(struct cli *cli, int argc, char **argv)
{
	struct carry_result	 res;
	struct buf		 b = BUF_INIT;
	const char		*name = NULL, *to = NULL;
	json_t			*j, *arr;
	size_t			 i;
	int			 k, r, json = 0, rc;

	for (k = 2; k < argc; k++) {
		if (cli_flag(argv, k, "json"))
			json = 1;
		else if ((r = cli_opt(cli, argc, argv, &k, "to", &to)) < 0)
			return 2;
		else if (r == 0 && argv[k][0] != '-' && name == NULL)
			name = argv[k];
		else if (r == 0)
			return cli_usage(cli, &cmd_cycle_entry, "cycle carry: "
			    "unexpected argument \"%s\"", argv[k]);
	}
	if (name == NULL || to == NULL)
		return cli_usage(cli, &cmd_cycle_entry, "cycle carry: give the "
		    "cycle and --to NEXT (okrdesk cycle carry NAME --to NEXT)");
	if (close_carry(cli->okr, name, to, &cli->arena, &res, &cli->err)
	    != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (json) {
		arr = json_array();
		for (i = 0; i < res.n; i++)
			json_array_append_new(arr, json_pack("{s:s, s:s}",
			    "from", res.from[i], "to", res.to[i]));
		j = json_pack("{s:s, s:s, s:o, s:I, s:I, s:I}", "from", name,
		    "to", to, "carried", arr, "key_results",
		    (json_int_t)res.nkrs, "already_carried",
		    (json_int_t)res.nskipped, "alignments_dropped",
		    (json_int_t)res.naligns_dropped);
		return cli_json_print(cli, j);
	}
	if (res.n == 0)
		buf_printf(&b, "nothing to carry from %s into %s: %s\n", name,
		    to, res.nskipped > 0 ? "every unfinished aspirational "
		    "objective was carried before" : "no unfinished "
		    "aspirational objective");
	else {
		buf_printf(&b, "carried %zu objective%s from %s into %s as "
		    "drafts, with %zu key results (baselines set to the final "
		    "values):\n", res.n, res.n == 1 ? "" : "s", name, to,
		    res.nkrs);
		for (i = 0; i < res.n; i++)
			buf_printf(&b, "  %s -> %s\n", res.from[i], res.to[i]);
		if (res.nskipped > 0)
			buf_printf(&b, "%zu carried before, left as they are\n",
			    res.nskipped);
	}
	if (res.naligns_dropped > 0)
		buf_printf(&b, "%zu alignment%s dropped (the parent was not "
		    "carried): align them with objective edit KEY --align\n",
		    res.naligns_dropped, res.naligns_dropped == 1 ? "" : "s");
	rc = buf_error(&b) != ERR_OK ? cli_fail(cli, err_set(&cli->err,
	    ERR_NOMEM, "out of memory")) : cli_out(cli, buf_cstr(&b));
	buf_release(&b);
	return rc;
}

static int
cmd_cycle(struct cli *cli, int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "close") == 0)
		return cycle_close(cli, argc, argv);
	if (argc > 1 && strcmp(argv[1], "carry") == 0)
		return cycle_carry(cli, argc, argv);
	return entity_run(cli, &cycle_cmd, argc, argv);
}
