/*
 * cli.h: the command-line face of okrdesk.
 *
 * main.c parses the global options (--db, --as), finds the command in the
 * table (git's idiom: one file per command, each exporting a const struct
 * cmd_entry), opens the workspace for the commands that need one, and wraps
 * each writing command in a single transaction: a command that fails
 * writes nothing.  Commands report errors through cli->err and return an
 * exit code; only main() exits.
 *
 * Exit codes: 0 success, 1 failure, 2 usage (a bad option or value).
 *
 * Ownership: struct cli is main's; cli->arena lives for the whole command.
 */
#ifndef CLI_CLI_H
#define CLI_CLI_H

#include <stdio.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "okr/eval.h"
#include "okr/okr.h"

#define CMD_WORKSPACE	0x01	/* needs an open workspace */
#define CMD_WRITES	0x02	/* runs inside one transaction */

struct cli {
	const char	*db;		/* --db, $OKRDESK_DB or ./okrdesk.db */
	const char	*db_shown;	/* db without its password, for output */
	const char	*actor;		/* --as, $OKRDESK_USER, $USER */
	const char	*argv0;
	struct okr	*okr;		/* open when CMD_WORKSPACE */
	struct err	 err;
	struct arena	 arena;
	int		 tty;		/* stdout is a terminal */
	int		 colour;	/* ... and NO_COLOR is not set */
	int		 rollback;	/* roll back even on success (--dry-run) */
};

struct cmd_entry {
	const char	*name;
	int		(*run)(struct cli *, int argc, char **argv);
	unsigned	 flags;
	const char	*summary;	/* one line, for 'okrdesk help' */
	const char	*usage;		/* the whole --help text */
};

/* Commands (cmd-*.c). */
extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_apply_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_team_entry;
extern const struct cmd_entry cmd_person_entry;
extern const struct cmd_entry cmd_cycle_entry;
extern const struct cmd_entry cmd_objective_entry;
extern const struct cmd_entry cmd_kr_entry;
extern const struct cmd_entry cmd_checkin_entry;
extern const struct cmd_entry cmd_status_entry;
extern const struct cmd_entry cmd_pace_entry;
extern const struct cmd_entry cmd_history_entry;
extern const struct cmd_entry cmd_demo_entry;
extern const struct cmd_entry cmd_workspace_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_profile_entry;
extern const struct cmd_entry cmd_kpi_entry;
extern const struct cmd_entry cmd_gen_entry;
extern const struct cmd_entry cmd_serve_entry;
extern const struct cmd_entry cmd_user_entry;
extern const struct cmd_entry cmd_token_entry;
extern const struct cmd_entry cmd_survey_entry;
extern const struct cmd_entry cmd_review_entry;
extern const struct cmd_entry cmd_lint_entry;
extern const struct cmd_entry cmd_remind_entry;
extern const struct cmd_entry cmd_db_entry;

/* Print usage to stdout (for --help) and return 0. */
int		cli_help(const struct cmd_entry *);
/* Report a usage error naming the command; returns 2. */
int		cli_usage(struct cli *, const struct cmd_entry *,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Return the exit code for an error code (and leave it in cli->err). */
int		cli_fail(struct cli *, enum err_code);
/* Is argv[i] "--help" or "-h"? Checks every argument. */
int		cli_wants_help(int argc, char **argv);

/*
 * Evaluate cycle (NULL: the current one) at the command's now into ce,
 * and find team (NULL: none) among its teams: *ti is its index, or
 * EVAL_NONE without a team.  Returns 0, or cli_fail's exit status for an
 * unknown cycle or team.
 */
int		cli_eval(struct cli *, const char *cycle, const char *team,
		    struct cycle_eval *ce, size_t *ti);

/*
 * Options of the form --NAME VALUE or --NAME=VALUE.  cli_opt() returns 1
 * and sets *val when argv[*i] is --name (advancing *i past the value), 0
 * when it is another argument, and -1 (usage error in cli->err) when the
 * value is missing.
 */
int		cli_opt(struct cli *, int argc, char **argv, int *i,
		    const char *name, const char **val);
/* 1 if argv[*i] is the flag --name (no value). */
int		cli_flag(char **argv, int i, const char *name);

/* JSON output: one document on stdout, 2-space indent; steals j. */
int		cli_json_print(struct cli *, json_t *j);
/* A number, or null for NAN. */
json_t		*cli_json_num(double);
/* A string, or null for NULL. */
json_t		*cli_json_str(const char *);
/* Every field of tab as a JSON object (null for unset), plus "id". */
json_t		*cli_json_fields(const struct field_def *tab, const void *obj,
		    int64_t id);

/* Write s to stdout, escaping nothing; fails the command on a write error. */
int		cli_out(struct cli *, const char *s);

/* Terminal colour sequences, or "" when not on a colour terminal. */
const char	*cli_sgr(const struct cli *, const char *seq);
/* The sequences the commands share, for cli_sgr. */
#define SGR_RESET	"\033[0m"
#define SGR_BOLD	"\033[1m"
#define SGR_DIM		"\033[2m"

#endif /* CLI_CLI_H */
