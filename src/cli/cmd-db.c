/*
 * cmd-db.c: okrdesk db migrate | check | copy: the database under a
 * workspace, as an operator sees it: bring it to this okrdesk's schema,
 * check it, and move it between SQLite and PostgreSQL (store/copy.h does
 * the work; this file parses, opens and prints).
 *
 * These commands open their databases themselves (the command is not
 * CMD_WORKSPACE): copy opens two, and each names the database it is
 * about, with a PostgreSQL password never shown (store_uri_redact).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "store/copy.h"

/* Room for a redacted database name in messages. */
#define DB_NAME_MAX	512

static int cmd_db(struct cli *, int, char **);

const struct cmd_entry cmd_db_entry = {
	"db", cmd_db, 0,
	"migrate, check or copy the database under a workspace",
	"usage: okrdesk [--db DB] db migrate [--json]\n"
	"       okrdesk [--db DB] db check [--json]\n"
	"       okrdesk db copy FROM TO [--force] [--verbose] [--json]\n\n"
	"DB, FROM and TO are SQLite files or PostgreSQL URIs\n"
	"(postgresql://user@host:port/dbname).\n\n"
	"migrate  bring the workspace to this okrdesk's schema version (every\n"
	"         command does so when it opens a workspace; this one says\n"
	"         from which version to which).\n"
	"check    the schema version, the backend, the rows of every table,\n"
	"         and the engine's integrity and foreign-key checks (SQLite:\n"
	"         integrity_check and foreign_key_check; PostgreSQL enforces\n"
	"         its foreign keys as it writes).  An older workspace is\n"
	"         migrated first, as by migrate.\n"
	"copy     copy every table of the workspace FROM into TO, ids\n"
	"         kept, in one transaction on TO: a failure writes nothing\n"
	"         to TO.  FROM is migrated to this okrdesk's schema first;\n"
	"         TO is created when missing and must hold no workspace.\n"
	"         Every table's row count is verified on both sides before\n"
	"         the commit.\n\n"
	"  --force     let copy replace the workspace TO holds (in the same\n"
	"              transaction: if the copy fails, TO keeps its own)\n"
	"  --verbose   copy: print each table's rows on stderr even when it\n"
	"              is not a terminal\n"
	"  --json      one JSON document (see docs/cli.md)\n\n"
	"example: okrdesk db copy okrdesk.db "
	"postgresql://okrdesk@db.internal/okrdesk\n\n"
	"Exit status: 0 done (check: no problem found), 1 failed (check:\n"
	"problems found), 2 bad usage.\n"
};

/* A database's name as it may be shown. */
static const char *
db_name(const char *uri, char *buf)
{
	return store_uri_redact_into(uri, buf, DB_NAME_MAX);
}

/* Open uri for a db command; errors name it, with no password. */
static int
db_open(struct cli *cli, const char *uri, enum store_open_mode mode,
    struct store **st)
{
	char	 name[DB_NAME_MAX];

	if (store_open(uri, mode, st, &cli->err) == ERR_OK)
		return 0;
	store_err_redact(&cli->err, uri);
	if (strstr(cli->err.msg, db_name(uri, name)) == NULL)
		err_prefix(&cli->err, "%s", name);
	return cli_fail(cli, cli->err.code == ERR_INVAL ? ERR_STORE :
	    cli->err.code);
}

static int
db_migrate(struct cli *cli, int json)
{
	struct store	*st;
	char		 name[DB_NAME_MAX];
	int		 found, rc;

	db_name(cli->db, name);
	if ((rc = db_open(cli, cli->db, STORE_OPEN_EXISTING, &st)) != 0)
		return rc;
	found = store_schema_found(st);
	if (json)
		rc = cli_json_print(cli, json_pack("{s:s, s:s, s:i, s:i, s:b}",
		    "database", name, "backend", store_backend_name(st),
		    "from", found, "to", STORE_SCHEMA_VERSION, "migrated",
		    found != STORE_SCHEMA_VERSION));
	else if (found == STORE_SCHEMA_VERSION)
		printf("%s is already at schema version %d\n", name, found);
	else
		printf("migrated %s from schema version %d to %d\n", name,
		    found, STORE_SCHEMA_VERSION);
	store_close(st);
	return rc;
}

struct db_check_out {
	json_t		*tables;
	json_t		*problems;
	int		 json;
};

static void
db_check_table(void *arg, const char *table, int64_t rows)
{
	struct db_check_out	*o = arg;

	if (o->json)
		json_array_append_new(o->tables, json_pack("{s:s, s:I}",
		    "name", table, "rows", (json_int_t)rows));
	else
		printf("  %-20s %10" PRId64 "\n", table, rows);
}

static void
db_check_problem(void *arg, const char *what)
{
	struct db_check_out	*o = arg;

	if (o->json)
		json_array_append_new(o->problems, json_string(what));
	else
		printf("problem: %s\n", what);
}

static int
db_check(struct cli *cli, int json)
{
	struct db_check_out		 o = { NULL, NULL, json };
	struct store_check_report	 r = { db_check_table,
					    db_check_problem, &o };
	struct store			*st;
	char				 name[DB_NAME_MAX];
	size_t				 problems;
	int				 checked, found, rc;

	db_name(cli->db, name);
	if ((rc = db_open(cli, cli->db, STORE_OPEN_EXISTING, &st)) != 0)
		return rc;
	found = store_schema_found(st);
	if (json) {
		o.tables = json_array();
		o.problems = json_array();
	} else {
		printf("database        %s\nbackend         %s\n"
		    "schema version  %d", name, store_backend_name(st),
		    STORE_SCHEMA_VERSION);
		if (found != STORE_SCHEMA_VERSION)
			printf(" (migrated from %d on opening)", found);
		printf("\ntables (rows):\n");
	}
	if (store_check(st, &r, &problems, &checked, &cli->err) != ERR_OK) {
		store_err_redact(&cli->err, cli->db);
		err_prefix(&cli->err, "checking %s", name);
		json_decref(o.tables);
		json_decref(o.problems);
		store_close(st);
		return cli_fail(cli, cli->err.code);
	}
	if (json)
		rc = cli_json_print(cli, json_pack("{s:s, s:s, s:i, s:i, s:o, "
		    "s:b, s:o, s:b}", "database", name, "backend",
		    store_backend_name(st), "schema_version",
		    STORE_SCHEMA_VERSION, "schema_found", found, "tables",
		    o.tables, "integrity_checked", checked, "problems",
		    o.problems, "ok", problems == 0));
	else if (!checked)
		printf("integrity: not checked by %s (it enforces its foreign "
		    "keys as it writes)\n", store_backend_name(st));
	else if (problems == 0)
		printf("integrity: ok\n");
	else
		printf("integrity: %zu problem%s\n", problems,
		    problems == 1 ? "" : "s");
	store_close(st);
	if (rc == 0 && problems > 0) {
		err_set(&cli->err, ERR_STORE, "%s: %zu problem%s found", name,
		    problems, problems == 1 ? "" : "s");
		rc = 1;
	}
	return rc;
}

struct db_copy_out {
	json_t		*tables;
	int		 progress;	/* print on stderr */
};

static void
db_copy_table(void *arg, const char *table, int64_t rows, int done)
{
	struct db_copy_out	*o = arg;

	if (o->progress)
		fprintf(stderr, "%s %s: %" PRId64 " rows%s\n",
		    done ? "copied" : "copying", table, rows,
		    done ? "" : " so far");
	if (done && o->tables != NULL)
		json_array_append_new(o->tables, json_pack("{s:s, s:I}",
		    "name", table, "rows", (json_int_t)rows));
}

static int
db_copy(struct cli *cli, const char *from_uri, const char *to_uri,
    int replace, int verbose, int json)
{
	struct db_copy_out	 o;
	struct store_copy_opts	 opts;
	struct store		*from = NULL, *to = NULL;
	char			 fname[DB_NAME_MAX], tname[DB_NAME_MAX];
	int64_t			 rows;
	int			 found, rc;

	db_name(from_uri, fname);
	db_name(to_uri, tname);
	if (strcmp(from_uri, to_uri) == 0)
		return cli_fail(cli, err_set(&cli->err, ERR_USAGE, "%s: FROM "
		    "and TO are the same database", fname));
	/* FROM first: a FROM that cannot be opened leaves TO uncreated */
	if ((rc = db_open(cli, from_uri, STORE_OPEN_EXISTING, &from)) != 0)
		return rc;
	found = store_schema_found(from);
	if ((rc = db_open(cli, to_uri, STORE_OPEN_CREATE, &to)) != 0) {
		store_close(from);
		return rc;
	}
	memset(&o, 0, sizeof(o));
	o.progress = verbose || isatty(STDERR_FILENO);
	if (json && (o.tables = json_array()) == NULL) {
		rc = cli_fail(cli, err_set(&cli->err, ERR_NOMEM,
		    "out of memory"));
		goto out;
	}
	memset(&opts, 0, sizeof(opts));
	opts.from_name = fname;
	opts.to_name = tname;
	opts.replace = replace;
	opts.table = db_copy_table;
	opts.arg = &o;
	if (store_copy(from, to, &opts, &rows, &cli->err) != ERR_OK) {
		store_err_redact(&cli->err, from_uri);
		store_err_redact(&cli->err, to_uri);
		rc = cli_fail(cli, cli->err.code);
		goto out;
	}
	if (json) {
		rc = cli_json_print(cli, json_pack("{s:s, s:s, s:s, s:s, s:i, "
		    "s:i, s:b, s:o, s:I}", "from", fname, "to", tname,
		    "from_backend", store_backend_name(from), "to_backend",
		    store_backend_name(to), "schema_version",
		    STORE_SCHEMA_VERSION, "from_schema_found", found,
		    "replaced", replace, "tables", o.tables, "rows",
		    (json_int_t)rows));
		o.tables = NULL;
		goto out;
	}
	if (found != STORE_SCHEMA_VERSION)
		printf("migrated %s from schema version %d to %d\n", fname,
		    found, STORE_SCHEMA_VERSION);
	printf("copied %" PRId64 " rows from %s (%s) to %s (%s), schema "
	    "version %d\n", rows, fname, store_backend_name(from), tname,
	    store_backend_name(to), STORE_SCHEMA_VERSION);
out:
	json_decref(o.tables);
	store_close(to);
	store_close(from);
	return rc;
}

static int
cmd_db(struct cli *cli, int argc, char **argv)
{
	const char	*sub, *pos[2];
	char		 name[DB_NAME_MAX];
	int		 i, npos = 0, json = 0, force = 0, verbose = 0;

	if (argc < 2)
		return cli_usage(cli, &cmd_db_entry, "say migrate, check or "
		    "copy");
	sub = argv[1];
	if (strcmp(sub, "migrate") != 0 && strcmp(sub, "check") != 0 &&
	    strcmp(sub, "copy") != 0)
		return cli_usage(cli, &cmd_db_entry, "unknown subcommand "
		    "\"%s\"", sub);
	for (i = 2; i < argc; i++) {
		if (cli_flag(argv, i, "json"))
			json = 1;
		else if (strcmp(sub, "copy") == 0 &&
		    cli_flag(argv, i, "force"))
			force = 1;
		else if (strcmp(sub, "copy") == 0 &&
		    cli_flag(argv, i, "verbose"))
			verbose = 1;
		else if (strcmp(sub, "copy") == 0 && argv[i][0] != '-' &&
		    npos < 2)
			pos[npos++] = argv[i];
		else
			return cli_usage(cli, &cmd_db_entry, "unexpected "
			    "argument \"%s\"", db_name(argv[i], name));
	}
	if (strcmp(sub, "migrate") == 0)
		return db_migrate(cli, json);
	if (strcmp(sub, "check") == 0)
		return db_check(cli, json);
	if (npos != 2)
		return cli_usage(cli, &cmd_db_entry, "copy needs FROM and TO");
	return db_copy(cli, pos[0], pos[1], force, verbose, json);
}
