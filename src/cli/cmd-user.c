/*
 * cmd-user.c: okrdesk user add|edit|list|show|rm|passwd: the people who may
 * sign in to the web dashboard, and their roles.
 *
 * add, edit, list, show and rm go through the shared entity driver
 * (cli/entity.c), so the options, errors and output are those of every
 * other entity.  What users alone have is a password: add takes it from
 * --password-stdin or generates one and prints it once (the first-run
 * admin); passwd prompts twice without echo on a terminal.  A password is
 * never an option value, so it cannot land in a shell history or ps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/entity.h"
#include "core/clock.h"
#include "okr/user.h"

static int cmd_user(struct cli *, int, char **);

const struct cmd_entry cmd_user_entry = {
	"user", cmd_user, CMD_WORKSPACE | CMD_WRITES,
	"Users who sign in to the web dashboard, and their roles",
	"usage: okrdesk user add LOGIN [--FIELD VALUE]... [--password-stdin]\n"
	"       okrdesk user edit LOGIN [--FIELD VALUE]... [--unset FIELD]\n"
	"       okrdesk user passwd LOGIN [--password-stdin]\n"
	"       okrdesk user list [--json]\n"
	"       okrdesk user show LOGIN [--json]\n"
	"       okrdesk user rm LOGIN\n\n"
	"Users who sign in to the web dashboard.  LOGIN is a-z, 0-9, - and _,\n"
	"starting with a letter.\n\nfields:\n"
	"  --name NAME          the name shown for the user\n"
	"  --role ROLE          viewer (reads), member (checks in on the key\n"
	"                       results they own), lead (edits the OKRs of their\n"
	"                       team and the teams below), admin (everything);\n"
	"                       member by default\n"
	"  --team TEAM          the team a lead leads or a member belongs to\n"
	"  --person PERSON      the person the user is (their key results)\n"
	"  --lang en|ro         the language of their pages\n"
	"  --disabled yes|no    a disabled user cannot sign in\n\n"
	"passwords (at least 10 characters):\n"
	"  --password-stdin     read the password from the first line of stdin;\n"
	"                       without it, 'add' generates one and prints it\n"
	"                       once, and 'passwd' prompts twice on a terminal\n"
	"                       (or generates one when stdin is not a terminal)\n\n"
	"The first user must be an admin: 'okrdesk user add admin --role admin'\n"
	"prints its password.  A new password or disabling a user ends their\n"
	"sessions.  History records every change but never a password.\n"
	"Exit status: 0 done, 1 failed, 2 bad usage or value.\n"
};

/* What add learned from its options (one command per process). */
static struct {
	struct cli	*cli;
	int		 from_stdin;	/* --password-stdin */
	int		 json;		/* --json: the password goes in it */
	const char	*generated;	/* printed once, then forgotten */
} pw;

/* Read one line of stdin as a password (the newline dropped). */
static char *
read_line(FILE *in, struct arena *a)
{
	char	*line = NULL, *s;
	size_t	 cap = 0;
	ssize_t	 n;

	if ((n = getline(&line, &cap, in)) < 0) {
		free(line);
		return NULL;
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	s = arena_strdup(a, line);
	memset(line, 0, cap);
	free(line);
	return s;
}

/* Prompt on stderr and read a line from the terminal on stdin, unechoed. */
static char *
prompt(const char *what, struct arena *a)
{
	struct termios	 old, quiet;
	char		*s;
	int		 echo_off;

	fprintf(stderr, "%s: ", what);
	fflush(stderr);
	echo_off = tcgetattr(STDIN_FILENO, &old) == 0;
	if (echo_off) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	s = read_line(stdin, a);
	if (echo_off)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fputc('\n', stderr);
	return s;
}

/*
 * The password for add or passwd: from stdin, from the terminal (when
 * ask), or generated (then pw.generated is set).  NULL with e set.
 */
static const char *
get_password(struct arena *a, int ask, struct err *e)
{
	char	*p1, *p2;

	if (pw.from_stdin) {
		if ((p1 = read_line(stdin, a)) == NULL || *p1 == '\0') {
			err_setf(e, ERR_INVAL, "password", "password: "
			    "--password-stdin read no password");
			return NULL;
		}
		return p1;
	}
	if (ask && isatty(STDIN_FILENO)) {
		p1 = prompt("new password", a);
		p2 = prompt("again", a);
		if (p1 == NULL || p2 == NULL || strcmp(p1, p2) != 0) {
			err_setf(e, ERR_INVAL, "password", "password: the two "
			    "entries differ");
			return NULL;
		}
		return p1;
	}
	if ((pw.generated = user_password_new(a)) == NULL)
		err_set(e, ERR_NOMEM, "out of memory");
	return pw.generated;
}

static void
show_generated(const char *login)
{
	if (pw.generated != NULL && !pw.json)
		printf("password for %s: %s\n(shown once: hand it over, and "
		    "change it with 'okrdesk user passwd %s')\n", login,
		    pw.generated, login);
}

/* ---- the entity driver's hooks ----------------------------------------- */

static void
user_defaults_v(void *p)
{
	user_defaults(p);
}

static enum err_code
user_ident_v(void *p, const char *s, struct arena *a, struct err *e)
{
	return field_set(user_fields, p, "login", s, a, e);
}

static int64_t
user_id_v(const void *p)
{
	return ((const struct user *)p)->id;
}

static enum err_code
user_get_v(struct okr *o, const char *s, struct arena *a, void *p,
    struct err *e)
{
	return user_get(o, s, a, p, e);
}

static enum err_code
user_list_v(struct okr *o, const char *cycle, struct arena *a, void *outp,
    size_t *n, struct err *e)
{
	(void)cycle;
	return user_list(o, a, outp, n, e);
}

static enum err_code
user_add_v(struct okr *o, void *p, struct err *e)
{
	struct user	*u = p;
	const char	*password;
	enum err_code	 rc;

	if ((password = get_password(&pw.cli->arena, 0, e)) == NULL)
		return e->code;
	if ((rc = user_add(o, u, password, e)) == ERR_OK)
		show_generated(u->login);
	return rc;
}

static enum err_code
user_update_v(struct okr *o, const void *old, void *p, struct err *e)
{
	return user_update(o, old, p, e);
}

/* --password-stdin, for add only (edit changes no password). */
static int
user_extra_opt(struct cli *cli, int argc, char **argv, int *i, void *obj,
    struct arena *a)
{
	(void)argc;
	(void)obj;
	(void)a;
	if (strcmp(argv[1], "add") != 0 ||
	    !cli_flag(argv, *i, "password-stdin"))
		return 0;
	pw.cli = cli;
	pw.from_stdin = 1;
	return 1;
}

static void
user_extra_json(const void *obj, json_t *j)
{
	const struct user	*u = obj;
	char			 t[32];

	clock_fmt_time(u->created_at, t, sizeof(t));
	json_object_set_new(j, "created_at", json_string(t));
	if (pw.generated != NULL)	/* add only: the one user printed */
		json_object_set_new(j, "password", json_string(pw.generated));
}

static void
user_extra_show(const void *obj, struct buf *b)
{
	const struct user	*u = obj;
	char			 t[32];

	clock_fmt_time(u->created_at, t, sizeof(t));
	buf_printf(b, "%-12s %s\n", "created_at", t);
}

static const char *const user_columns[] = { "login", "name", "role", "team",
	"person", "lang", "disabled", NULL };

static const struct entity_cmd user_cmd = {
	&cmd_user_entry, "user", user_fields, sizeof(struct user),
	user_columns, 0, user_defaults_v, user_ident_v, user_id_v, user_get_v,
	user_list_v, user_add_v, user_update_v, user_rm, user_extra_opt,
	user_extra_json, user_extra_show
};

/* ---- passwd ------------------------------------------------------------ */

static int
user_passwd_cmd(struct cli *cli, int argc, char **argv)
{
	const char	*login = NULL, *password;
	int		 i;

	for (i = 2; i < argc; i++) {
		if (cli_flag(argv, i, "password-stdin"))
			pw.from_stdin = 1;
		else if (login == NULL && argv[i][0] != '-')
			login = argv[i];
		else
			return cli_usage(cli, &cmd_user_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
	}
	if (login == NULL)
		return cli_usage(cli, &cmd_user_entry, "user passwd needs the "
		    "user's login");
	/* an unknown login fails before anyone types a password */
	{
		struct user	 u;

		if (user_get(cli->okr, login, &cli->arena, &u, &cli->err)
		    != ERR_OK)
			return cli_fail(cli, cli->err.code);
	}
	if ((password = get_password(&cli->arena, 1, &cli->err)) == NULL ||
	    user_passwd(cli->okr, login, password, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	show_generated(login);
	printf("changed the password of %s\n", login);
	return 0;
}

static int
cmd_user(struct cli *cli, int argc, char **argv)
{
	int	 i;

	pw.cli = cli;
	for (i = 2; i < argc; i++)
		if (cli_flag(argv, i, "json"))
			pw.json = 1;
	if (argc > 1 && strcmp(argv[1], "passwd") == 0)
		return user_passwd_cmd(cli, argc, argv);
	return entity_run(cli, &user_cmd, argc, argv);
}
