/*
 * cmd-token.c: okrdesk token add|list|rm: API tokens (Bearer) for scripts
 * and help-desk webhooks.
 *
 * A token is printed once, by add, and only its hash is kept; rm revokes
 * it (the row stays, with the time it was revoked, so list tells what
 * existed).  A token acts as its user with a role no higher than theirs.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/parse.h"
#include "okr/user.h"

static int cmd_token(struct cli *, int, char **);

const struct cmd_entry cmd_token_entry = {
	"token", cmd_token, CMD_WORKSPACE | CMD_WRITES,
	"API tokens for scripts and webhooks",
	"usage: okrdesk token add NAME --user LOGIN [--role ROLE] [--json]\n"
	"       okrdesk token list [--json]\n"
	"       okrdesk token rm ID\n\n"
	"API tokens, sent as 'Authorization: Bearer okd_...' to the JSON API.\n\n"
	"  add NAME            create a token called NAME (what it is for) and\n"
	"                      print it: it is shown this once, never again\n"
	"  --user LOGIN        the user it acts as (required)\n"
	"  --role ROLE         viewer, member, lead or admin: at most the\n"
	"                      user's role, which is the default\n"
	"  list                every token: id, name, user, role, when created,\n"
	"                      last used and revoked\n"
	"  rm ID               revoke the token with that id\n\n"
	"Exit status: 0 done, 1 failed, 2 bad usage or value.\n"
};

static json_t *
json_time(int64_t t)
{
	char	 s[32];

	if (t == 0)
		return json_null();
	clock_fmt_time(t, s, sizeof(s));
	return json_string(s);
}

static int
token_add_cmd(struct cli *cli, int argc, char **argv)
{
	const char	*name = NULL, *login = NULL, *role_s = NULL;
	struct user	 u;
	char		*tok;
	json_t		*j;
	int		 i, r, role = -1, json = 0;

	for (i = 2; i < argc; i++) {
		if (cli_flag(argv, i, "json")) {
			json = 1;
			continue;
		}
		if ((r = cli_opt(cli, argc, argv, &i, "user", &login)) != 0 ||
		    (r = cli_opt(cli, argc, argv, &i, "role", &role_s)) != 0) {
			if (r < 0)
				return 2;
			continue;
		}
		if (name == NULL && strncmp(argv[i], "--", 2) != 0)
			name = argv[i];
		else
			return cli_usage(cli, &cmd_token_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
	}
	if (name == NULL)
		return cli_usage(cli, &cmd_token_entry, "token add needs a "
		    "name for the token");
	if (login == NULL)
		return cli_usage(cli, &cmd_token_entry, "token add needs "
		    "--user LOGIN");
	if (role_s != NULL) {
		if ((role = user_role_find(role_s)) < 0)
			return cli_fail(cli, err_setf(&cli->err, ERR_INVAL,
			    "role", "role: expected one of viewer, member, "
			    "lead, admin, got \"%s\"", role_s));
	}
	if (user_get(cli->okr, login, &cli->arena, &u, &cli->err) != ERR_OK) {
		err_setf(&cli->err, cli->err.code, "user", "user: no user with "
		    "login \"%s\"", login);
		return cli_fail(cli, cli->err.code);
	}
	if (token_create(cli->okr, u.id, name, role, &cli->arena, &tok,
	    &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (json) {
		j = json_object();
		json_object_set_new(j, "name", json_string(name));
		json_object_set_new(j, "user", json_string(login));
		json_object_set_new(j, "role", json_string(
		    user_role_names[role < 0 ? u.role : role]));
		json_object_set_new(j, "token", json_string(tok));
		return cli_json_print(cli, j);
	}
	printf("%s\n(shown once: store it now; 'okrdesk token rm' revokes "
	    "it)\n", tok);
	return 0;
}

static int
token_list_cmd(struct cli *cli, int argc, char **argv, int start)
{
	struct api_token	*t;
	struct buf		 b = BUF_INIT;
	json_t			*arr, *j;
	char			 c[32], l[32], r[32];
	size_t			 n, i;
	int			 json = 0, k, rc;

	for (k = start; k < argc; k++) {
		if (cli_flag(argv, k, "json"))
			json = 1;
		else
			return cli_usage(cli, &cmd_token_entry, "unexpected "
			    "argument \"%s\"", argv[k]);
	}
	if (token_list(cli->okr, &cli->arena, &t, &n, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (json) {
		arr = json_array();
		for (i = 0; i < n && arr != NULL; i++) {
			j = json_object();
			json_object_set_new(j, "id", json_integer(t[i].id));
			json_object_set_new(j, "name", json_string(t[i].name));
			json_object_set_new(j, "user", json_string(t[i].user));
			json_object_set_new(j, "role", cli_json_str(
			    t[i].role >= 0 ? user_role_names[t[i].role] :
			    NULL));
			json_object_set_new(j, "created_at",
			    json_time(t[i].created_at));
			json_object_set_new(j, "last_used_at",
			    json_time(t[i].last_used_at));
			json_object_set_new(j, "revoked_at",
			    json_time(t[i].revoked_at));
			json_array_append_new(arr, j);
		}
		return cli_json_print(cli, arr);
	}
	if (n == 0)
		return cli_out(cli, "no token yet\n");
	buf_printf(&b, "%-4s  %-20s  %-12s  %-6s  %-10s  %-10s  %s\n", "id",
	    "name", "user", "role", "created", "last used", "revoked");
	for (i = 0; i < n; i++) {
		clock_fmt_date(t[i].created_at, c, sizeof(c));
		snprintf(l, sizeof(l), "-");
		snprintf(r, sizeof(r), "-");
		if (t[i].last_used_at != 0)
			clock_fmt_date(t[i].last_used_at, l, sizeof(l));
		if (t[i].revoked_at != 0)
			clock_fmt_date(t[i].revoked_at, r, sizeof(r));
		buf_printf(&b, "%-4lld  %-20.20s  %-12.12s  %-6s  %-10s  "
		    "%-10s  %s\n", (long long)t[i].id, t[i].name, t[i].user,
		    t[i].role >= 0 ? user_role_names[t[i].role] : "?", c, l,
		    r);
	}
	rc = buf_error(&b) != ERR_OK ? cli_fail(cli, err_set(&cli->err,
	    buf_error(&b), "out of memory")) : cli_out(cli, buf_cstr(&b));
	buf_release(&b);
	return rc;
}

static int
token_rm_cmd(struct cli *cli, int argc, char **argv)
{
	int64_t	 id;

	if (argc != 3 || argv[2][0] == '-')
		return cli_usage(cli, &cmd_token_entry, "token rm needs "
		    "exactly one token id (see 'okrdesk token list')");
	if (parse_int(argv[2], 1, INT64_MAX, &id, &cli->err) != ERR_OK) {
		err_prefix(&cli->err, "id");
		snprintf(cli->err.field, sizeof(cli->err.field), "id");
		return cli_fail(cli, cli->err.code);
	}
	if (token_revoke(cli->okr, id, &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	printf("revoked token %lld\n", (long long)id);
	return 0;
}

static int
cmd_token(struct cli *cli, int argc, char **argv)
{
	const char	*sub = argc > 1 ? argv[1] : "list";

	if (strcmp(sub, "add") == 0)
		return token_add_cmd(cli, argc, argv);
	if (strcmp(sub, "list") == 0 || strcmp(sub, "ls") == 0)
		return token_list_cmd(cli, argc, argv, 2);
	if (strcmp(sub, "rm") == 0)
		return token_rm_cmd(cli, argc, argv);
	if (strncmp(sub, "--", 2) == 0)
		return token_list_cmd(cli, argc, argv, 1);
	return cli_usage(cli, &cmd_token_entry, "unknown subcommand \"%s\" "
	    "(expected add, list or rm)", sub);
}
