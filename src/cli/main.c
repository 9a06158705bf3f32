/*
 * main.c: okrdesk's entry point and command table.
 *
 *   okrdesk [--db PATH] [--as NAME] COMMAND [ARGS...]
 *
 * The table below is the whole list of commands; each lives in its own
 * cmd-NAME.c.  Commands flagged CMD_WORKSPACE get an open workspace;
 * CMD_WRITES ones run inside one transaction that is committed only when
 * the command returns 0 and did not ask for a rollback (cli.rollback: a
 * dry run does all the work, then writes nothing).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

#define OKRDESK_VERSION	"0.1.0"

static const struct cmd_entry *const commands[] = {
	&cmd_init_entry,
	&cmd_demo_entry,
	&cmd_workspace_entry,
	&cmd_apply_entry,
	&cmd_export_entry,
	&cmd_team_entry,
	&cmd_person_entry,
	&cmd_cycle_entry,
	&cmd_objective_entry,
	&cmd_kr_entry,
	&cmd_checkin_entry,
	&cmd_status_entry,
	&cmd_pace_entry,
	&cmd_history_entry,
	&cmd_import_entry,
	&cmd_profile_entry,
	&cmd_kpi_entry,
	&cmd_gen_entry,
	&cmd_serve_entry,
	&cmd_user_entry,
	&cmd_token_entry,
	&cmd_survey_entry,
	&cmd_review_entry,
	&cmd_lint_entry,
	&cmd_remind_entry,
	&cmd_db_entry,
};

#define NCOMMANDS	(sizeof(commands) / sizeof(commands[0]))

static void
usage_all(FILE *f)
{
	size_t	 i;

	fprintf(f, "usage: okrdesk [--db DB] [--as NAME] COMMAND [ARGS]\n\n"
	    "OKRs and KPIs for customer-service teams.\n\ncommands:\n");
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i]->name,
		    commands[i]->summary);
	fprintf(f, "\nglobal options:\n"
	    "  --db DB     the workspace: an SQLite file, or a PostgreSQL\n"
	    "              postgresql://USER@HOST:PORT/DBNAME (default\n"
	    "              $OKRDESK_DB, else ./okrdesk.db)\n"
	    "  --as NAME   who is acting, for the history (default "
	    "$OKRDESK_USER, else $USER)\n"
	    "  --version   print the version\n\n"
	    "'okrdesk COMMAND --help' explains a command.\n");
}

static const struct cmd_entry *
find_command(const char *name)
{
	size_t	 i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

int
main(int argc, char *argv[])
{
	struct cli		 cli;
	const struct cmd_entry	*cmd;
	const char		*v;
	char			*shown;
	int			 i, rc;

	memset(&cli, 0, sizeof(cli));
	cli.argv0 = "okrdesk";
	cli.db = getenv("OKRDESK_DB");
	if (cli.db == NULL || *cli.db == '\0')
		cli.db = "okrdesk.db";
	if ((cli.actor = getenv("OKRDESK_USER")) == NULL || *cli.actor == 0)
		cli.actor = getenv("USER");
	cli.tty = isatty(STDOUT_FILENO);
	v = getenv("NO_COLOR");
	cli.colour = cli.tty && (v == NULL || *v == '\0');

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			usage_all(stdout);
			return 0;
		}
		if (strcmp(argv[i], "--version") == 0) {
			printf("okrdesk %s (schema %d)\n", OKRDESK_VERSION,
			    STORE_SCHEMA_VERSION);
			return 0;
		}
		if ((rc = cli_opt(&cli, argc, argv, &i, "db", &v)) == 1) {
			cli.db = v;
			continue;
		}
		if (rc == 0 && (rc = cli_opt(&cli, argc, argv, &i, "as", &v))
		    == 1) {
			cli.actor = v;
			continue;
		}
		if (rc == 0)
			fprintf(stderr, "okrdesk: unknown option %s\n",
			    argv[i]);
		else
			fprintf(stderr, "okrdesk: %s\n", cli.err.msg);
		usage_all(stderr);
		return 2;
	}
	if (i == argc) {
		usage_all(stderr);
		return 2;
	}
	if (strcmp(argv[i], "help") == 0) {
		if (i + 1 < argc && (cmd = find_command(argv[i + 1])) != NULL)
			return cli_help(cmd);
		usage_all(stdout);
		return 0;
	}
	if ((cmd = find_command(argv[i])) == NULL) {
		fprintf(stderr, "okrdesk: '%s' is not a command; see "
		    "'okrdesk --help'\n", argv[i]);
		return 2;
	}
	argc -= i;
	argv += i;
	if (cli_wants_help(argc, argv))
		return cli_help(cmd);
	if ((shown = store_uri_redact(cli.db)) == NULL) {
		fprintf(stderr, "okrdesk: out of memory\n");
		return 1;
	}
	cli.db_shown = shown;

	if (cmd->flags & CMD_WORKSPACE) {
		if (okr_open(cli.db, cli.actor, &cli.okr, &cli.err) != ERR_OK) {
			fprintf(stderr, "okrdesk: %s\n", cli.err.msg);
			free(shown);
			return 1;
		}
		if ((cmd->flags & CMD_WRITES) &&
		    okr_begin(cli.okr, &cli.err) != ERR_OK) {
			fprintf(stderr, "okrdesk: %s\n", cli.err.msg);
			okr_close(cli.okr);
			free(shown);
			return 1;
		}
	}
	rc = cmd->run(&cli, argc, argv);
	if (cli.okr != NULL && (cmd->flags & CMD_WRITES)) {
		if (rc == 0 && !cli.rollback &&
		    okr_commit(cli.okr, &cli.err) != ERR_OK)
			rc = 1;
		if (rc != 0 || cli.rollback)
			okr_rollback(cli.okr);
	}
	if (fflush(stdout) == EOF && rc == 0) {
		err_set(&cli.err, ERR_IO, "cannot write the output");
		rc = 1;
	}
	if (rc != 0 && cli.err.msg[0] != '\0')
		fprintf(stderr, "okrdesk %s: %s\n", cmd->name, cli.err.msg);
	okr_close(cli.okr);
	arena_release(&cli.arena);
	free(shown);
	return rc;
}
