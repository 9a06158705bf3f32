/*
 * cli.c: what every command shares: option reading, errors, JSON output.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "okr/evaljson.h"

int
cli_help(const struct cmd_entry *cmd)
{
	fputs(cmd->usage, stdout);
	return 0;
}

int
cli_usage(struct cli *cli, const struct cmd_entry *cmd, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[ERR_MSG_MAX];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_set(&cli->err, ERR_USAGE, "%s (see 'okrdesk %s --help')", msg,
	    cmd->name);
	return 2;
}

int
cli_fail(struct cli *cli, enum err_code rc)
{
	if (rc == ERR_OK)
		return 0;
	if (cli->err.code == ERR_OK)
		err_set(&cli->err, rc, "%s", err_code_text(rc));
	return rc == ERR_USAGE || rc == ERR_INVAL ? 2 : 1;
}

int
cli_eval(struct cli *cli, const char *cycle, const char *team,
    struct cycle_eval *ce, size_t *ti)
{
	*ti = EVAL_NONE;
	if (eval_cycle(cli->okr, cycle, cli->okr->now, &cli->arena, ce,
	    &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (team != NULL && (*ti = eval_team(ce, team)) == EVAL_NONE)
		return cli_fail(cli, err_setf(&cli->err, ERR_NOTFOUND, "team",
		    "no team named \"%s\"", team));
	return 0;
}

int
cli_wants_help(int argc, char **argv)
{
	int	 i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0)
			return 1;
	}
	return 0;
}

int
cli_opt(struct cli *cli, int argc, char **argv, int *i, const char *name,
    const char **val)
{
	const char	*a = argv[*i];
	size_t		 n = strlen(name);

	if (strncmp(a, "--", 2) != 0 || strncmp(a + 2, name, n) != 0)
		return 0;
	if (a[2 + n] == '=') {
		*val = a + 3 + n;
		return 1;
	}
	if (a[2 + n] != '\0')
		return 0;
	if (*i + 1 >= argc) {
		err_setf(&cli->err, ERR_USAGE, name, "--%s needs a value",
		    name);
		return -1;
	}
	*val = argv[++*i];
	return 1;
}

int
cli_flag(char **argv, int i, const char *name)
{
	return strncmp(argv[i], "--", 2) == 0 && strcmp(argv[i] + 2, name)
	    == 0;
}

int
cli_json_print(struct cli *cli, json_t *j)
{
	int	 rc;

	if (j == NULL)
		return cli_fail(cli, err_set(&cli->err, ERR_NOMEM,
		    "out of memory"));
	/* 15 significant digits: 0.59 prints as 0.59, not 0.58999... */
	rc = json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(15));
	json_decref(j);
	if (rc != 0 || fputc('\n', stdout) == EOF)
		return cli_fail(cli, err_set(&cli->err, ERR_IO,
		    "cannot write the output"));
	return 0;
}

json_t *
cli_json_num(double v)
{
	return evaljson_num(v);
}

json_t *
cli_json_str(const char *s)
{
	return evaljson_str(s);
}

json_t *
cli_json_fields(const struct field_def *tab, const void *obj, int64_t id)
{
	return evaljson_fields(tab, obj, id);
}

int
cli_out(struct cli *cli, const char *s)
{
	if (fputs(s, stdout) == EOF)
		return cli_fail(cli, err_set(&cli->err, ERR_IO,
		    "cannot write the output"));
	return 0;
}

const char *
cli_sgr(const struct cli *cli, const char *seq)
{
	return cli->colour ? seq : "";
}
