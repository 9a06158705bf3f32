/*
 * cmd-demo.c: okrdesk demo: create the "Northwind Support" demo workspace
 * (okr/demo.h) in a new database file.
 *
 * Not a CMD_WORKSPACE command: it creates the workspace itself, then
 * fills it in one transaction.  A demo that fails half way leaves no file
 * behind, so running it again needs no --force.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "okr/demo.h"

static int cmd_demo(struct cli *, int, char **);

const struct cmd_entry cmd_demo_entry = {
	"demo", cmd_demo, 0,
	"create a demo workspace to explore",
	"usage: okrdesk [--db PATH] demo [--force]\n\n"
	"Create \"Northwind Support\", a demo workspace: a support department\n"
	"with three teams and nine people, the current quarter as a cycle,\n"
	"two company objectives with ten team and personal objectives aligned\n"
	"under them, and weeks of check-ins, computed from today so that\n"
	"'okrdesk status' shows every status at once: on track, at risk, off\n"
	"track, outdated, done and no data.\n\n"
	"When today is in the first 14 days of a quarter, the cycle starts\n"
	"six weeks earlier, so that there is some history to show.\n\n"
	"  --force   replace the database file (and its -wal and -shm files)\n"
	"            if it exists; without it, an existing file is refused\n\n"
	"example: okrdesk --db demo.db demo && okrdesk --db demo.db status\n\n"
	"Exit status: 0 created, 1 failed (the file exists, ...), 2 bad usage.\n"
};

/* Remove db and its SQLite companions; ENOENT is not an error. */
static int
remove_db(struct cli *cli, const char *db)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	char	 path[4096];
	size_t	 i;

	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		if ((size_t)snprintf(path, sizeof(path), "%s%s", db,
		    suffix[i]) >= sizeof(path)) {
			err_set(&cli->err, ERR_INVAL, "database path too long");
			return -1;
		}
		if (unlink(path) != 0 && errno != ENOENT) {
			err_set(&cli->err, ERR_IO, "cannot remove %s: %s", path,
			    strerror(errno));
			return -1;
		}
	}
	return 0;
}

static int
cmd_demo(struct cli *cli, int argc, char **argv)
{
	struct workspace	 ws;
	struct demo_summary	 sum;
	int			 i, force = 0;

	for (i = 1; i < argc; i++) {
		if (!cli_flag(argv, i, "force"))
			return cli_usage(cli, &cmd_demo_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
		force = 1;
	}
	if (strncmp(cli->db, "postgresql://", 13) == 0 ||
	    strncmp(cli->db, "postgres://", 11) == 0)
		return cli_fail(cli, err_set(&cli->err, ERR_INVAL, "the demo "
		    "needs a database file, not %s", cli->db));
	if (access(cli->db, F_OK) == 0) {
		if (!force)
			return cli_fail(cli, err_set(&cli->err, ERR_EXISTS,
			    "%s already exists: use --force to replace it "
			    "with the demo, or choose another file with --db",
			    cli->db));
	}
	if (force && remove_db(cli, cli->db) != 0)
		return cli_fail(cli, cli->err.code);

	demo_workspace(&ws);
	if (okr_create(cli->db, &ws, cli->actor, &cli->okr, &cli->err)
	    != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (okr_begin(cli->okr, &cli->err) != ERR_OK ||
	    demo_build(cli->okr, &sum, &cli->err) != ERR_OK ||
	    okr_commit(cli->okr, &cli->err) != ERR_OK) {
		okr_rollback(cli->okr);
		okr_close(cli->okr);
		cli->okr = NULL;
		err_prefix(&cli->err, "building the demo");
		remove_db(cli, cli->db);
		return 1;
	}
	printf("created the demo workspace \"%s\" in %s:\n"
	    "  %zu teams, %zu people, cycle %s (%s to %s),\n"
	    "  %zu objectives, %zu key results, %zu check-ins\n\n"
	    "see it with: okrdesk --db %s status\n", ws.name, cli->db,
	    sum.teams, sum.people, sum.cycle, sum.start, sum.end,
	    sum.objectives, sum.krs, sum.checkins, cli->db);
	return 0;
}
