/*
 * cmd-apply.c: okrdesk apply FILE: make the workspace match a workspace
 * file (OKRs as code).
 *
 * Reading the file and the rules of applying it are okr/wsfile.c's; this
 * is the face: the options, the summary and --dry-run, which applies
 * everything inside the command's transaction and then asks main() to
 * roll it back, so a dry run checks exactly what a real run would.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "okr/wsfile.h"

static int cmd_apply(struct cli *, int, char **);

const struct cmd_entry cmd_apply_entry = {
	"apply", cmd_apply, CMD_WORKSPACE | CMD_WRITES,
	"Create or update the workspace from a YAML workspace file",
	"usage: okrdesk apply FILE [--dry-run] [--json]\n\n"
	"Make the workspace match FILE, a YAML workspace file (OKRs as code,\n"
	"kept in git and reviewed like code; the format is in\n"
	"docs/workspace-file.md, and 'okrdesk export' writes one).  Teams,\n"
	"people, cycles, objectives and key results missing from the\n"
	"workspace are created; those that differ from the file are updated;\n"
	"a field the file leaves out takes its default.  Nothing is removed:\n"
	"what the file does not mention stays as it is.  Applying the same\n"
	"file twice changes nothing the second time, in the history too.\n\n"
	"The whole file is one transaction: on any error nothing is written,\n"
	"and the error names the file, line and column, and the field:\n"
	"  okr.yaml:52:17: objectives[0].key_results[1].target: expected a\n"
	"  number, got \"ninety\"\n\n"
	"FILE - reads standard input.\n\n"
	"options:\n"
	"  --dry-run   check the whole file and report what would change,\n"
	"              then write nothing\n"
	"  --json      print the summary as one JSON document\n\n"
	"example:\n"
	"  okrdesk export --output okr.yaml    # then edit okr.yaml\n"
	"  okrdesk apply okr.yaml --dry-run\n"
	"  okrdesk apply okr.yaml\n\n"
	"Exit status: 0 applied (or checked, with --dry-run), 1 failed,\n"
	"2 bad usage or an invalid file.\n"
};

static json_t *
apply_json(const char *file, int dry_run, const struct wsfile_stats *st)
{
	json_t	*j, *kinds, *k;
	size_t	 created, updated, unchanged, i;

	wsfile_stats_total(st, &created, &updated, &unchanged);
	if ((j = json_object()) == NULL || (kinds = json_object()) == NULL) {
		json_decref(j);
		return NULL;
	}
	json_object_set_new(j, "file", json_string(file));
	json_object_set_new(j, "dry_run", json_boolean(dry_run));
	json_object_set_new(j, "created", json_integer((json_int_t)created));
	json_object_set_new(j, "updated", json_integer((json_int_t)updated));
	json_object_set_new(j, "unchanged",
	    json_integer((json_int_t)unchanged));
	for (i = 0; i < WSFILE_KIND__MAX; i++) {
		if ((k = json_object()) == NULL)
			break;
		json_object_set_new(k, "created",
		    json_integer((json_int_t)st->created[i]));
		json_object_set_new(k, "updated",
		    json_integer((json_int_t)st->updated[i]));
		json_object_set_new(k, "unchanged",
		    json_integer((json_int_t)st->unchanged[i]));
		json_object_set_new(kinds, wsfile_kind_names[i], k);
	}
	json_object_set_new(j, "kinds", kinds);
	return j;
}

/* "applied okr.yaml: 3 created, 1 updated, 40 unchanged", then the
 * kinds that changed. */
static int
apply_text(struct cli *cli, const char *file, int dry_run,
    const struct wsfile_stats *st)
{
	struct buf	 b = BUF_INIT;
	size_t		 created, updated, unchanged, i;
	int		 rc;

	wsfile_stats_total(st, &created, &updated, &unchanged);
	if (dry_run)
		buf_printf(&b, "checked %s (dry run, nothing written): %zu to "
		    "create, %zu to update, %zu unchanged\n", file, created,
		    updated, unchanged);
	else
		buf_printf(&b, "applied %s: %zu created, %zu updated, %zu "
		    "unchanged\n", file, created, updated, unchanged);
	for (i = 0; i < WSFILE_KIND__MAX; i++)
		if (st->created[i] + st->updated[i] > 0)
			buf_printf(&b, "  %-10s %zu %s, %zu %s, %zu "
			    "unchanged\n", wsfile_kind_names[i], st->created[i],
			    dry_run ? "to create" : "created", st->updated[i],
			    dry_run ? "to update" : "updated",
			    st->unchanged[i]);
	rc = buf_error(&b) != ERR_OK ? cli_fail(cli, err_set(&cli->err,
	    buf_error(&b), "out of memory")) : cli_out(cli, buf_cstr(&b));
	buf_release(&b);
	return rc;
}

static int
cmd_apply(struct cli *cli, int argc, char **argv)
{
	struct wsfile_stats	 st;
	const char		*file = NULL;
	int			 i, json = 0, dry_run = 0, stdin_ = 0;

	for (i = 1; i < argc; i++) {
		if (cli_flag(argv, i, "json"))
			json = 1;
		else if (cli_flag(argv, i, "dry-run"))
			dry_run = 1;
		else if (file == NULL && (strcmp(argv[i], "-") == 0 ||
		    argv[i][0] != '-'))
			file = argv[i];
		else
			return cli_usage(cli, &cmd_apply_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
	}
	if (file == NULL)
		return cli_usage(cli, &cmd_apply_entry, "apply needs the "
		    "workspace file to apply (- for standard input)");
	if (strcmp(file, "-") == 0) {
		stdin_ = 1;
		file = "stdin";
	}
	if (wsfile_apply(cli->okr, file, stdin_ ? stdin : NULL, &st,
	    &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	/* main() commits on 0 unless told otherwise */
	cli->rollback = dry_run;
	if (json)
		return cli_json_print(cli, apply_json(file, dry_run, &st));
	return apply_text(cli, file, dry_run, &st);
}
