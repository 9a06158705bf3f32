/*
 * cmd-history.c: okrdesk history: who changed what, when, newest first.
 *
 * The history is written by okr/ on every change (okr/history.c); this
 * command only reads it through history_list().  A name or key narrows it
 * to one entity: "nps-70" matches the objective and, through the label
 * prefix, its key results and their check-ins ("nps-70/...").
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "okr/evaljson.h"
#include "core/clock.h"
#include "core/parse.h"

static int cmd_history(struct cli *, int, char **);

static const char *const history_entities[] = { "team", "person", "cycle",
	"objective", "kr", "checkin", "workspace", NULL };

const struct cmd_entry cmd_history_entry = {
	"history", cmd_history, CMD_WORKSPACE,
	"who changed what and when, newest first",
	"usage: okrdesk history [NAME-OR-KEY] [--entity ENTITY] [--limit N]\n"
	"                       [--json]\n\n"
	"The record of every change, newest first: when, who, what (entity\n"
	"and its name or key at the time), the field, and old -> new ('—'\n"
	"for none).  NAME-OR-KEY keeps the changes of one team, person,\n"
	"cycle, objective or key result; an objective's key also keeps its\n"
	"key results and their check-ins (nps-70 matches nps-70/score).\n\n"
	"  --entity ENTITY   only team, person, cycle, objective, kr, checkin\n"
	"                    or workspace changes\n"
	"  --limit N         at most N changes (default 50; 0 for all)\n"
	"  --json            a JSON array of {id, at, who, entity, entity_id,\n"
	"                    label, field, old, new}\n\n"
	"example: okrdesk history nps-70 --limit 20\n\n"
	"Exit status: 0 shown, 1 failed, 2 bad usage or value.\n"
};

/* Long notes and descriptions stay on one line, cut at max bytes. */
static void
put_value(struct buf *b, const char *v, size_t max)
{
	size_t	 n = 0;

	if (v == NULL) {
		buf_puts(b, "—");
		return;
	}
	for (; *v != '\0' && n < max; v++, n++)
		buf_putc(b, *v == '\n' || *v == '\t' ? ' ' : *v);
	if (*v != '\0') {
		/* do not leave half a UTF-8 character */
		while (b->len > 0 &&
		    ((unsigned char)b->data[b->len - 1] & 0xC0) == 0x80)
			b->data[--b->len] = '\0';
		if (b->len > 0 && ((unsigned char)b->data[b->len - 1] & 0x80))
			b->data[--b->len] = '\0';
		buf_puts(b, "…");
	}
}

static int
cmd_history(struct cli *cli, int argc, char **argv)
{
	struct history_entry	*v;
	struct buf		 b = BUF_INIT;
	const char		*label = NULL, *entity = NULL, *lim = NULL;
	json_t			*arr;
	char			 t[32];
	size_t			 n, i, k, ww = 0, wl = 0, w;
	int64_t			 limit = 50;
	int			 a, json = 0, r, rc;

	for (a = 1; a < argc; a++) {
		if (cli_flag(argv, a, "json")) {
			json = 1;
			continue;
		}
		if ((r = cli_opt(cli, argc, argv, &a, "entity", &entity)) == 0)
			r = cli_opt(cli, argc, argv, &a, "limit", &lim);
		if (r < 0)
			return 2;
		if (r == 1)
			continue;
		if (argv[a][0] == '-' || label != NULL)
			return cli_usage(cli, &cmd_history_entry, "unexpected "
			    "argument \"%s\"", argv[a]);
		label = argv[a];
	}
	if (entity != NULL) {
		for (k = 0; history_entities[k] != NULL; k++)
			if (strcmp(history_entities[k], entity) == 0)
				break;
		if (history_entities[k] == NULL)
			return cli_fail(cli, err_setf(&cli->err, ERR_INVAL,
			    "entity", "--entity: expected team, person, "
			    "cycle, objective, kr, checkin or workspace, got "
			    "\"%s\"", entity));
	}
	if (lim != NULL && parse_int(lim, 0, INT64_MAX, &limit, &cli->err)
	    != ERR_OK) {
		err_prefix(&cli->err, "--limit");
		return cli_fail(cli, ERR_INVAL);
	}
	if (history_list(cli->okr, entity, label, limit, &cli->arena, &v, &n,
	    &cli->err) != ERR_OK)
		return cli_fail(cli, cli->err.code);

	if (json) {
		arr = json_array();
		for (i = 0; i < n && arr != NULL; i++)
			json_array_append_new(arr, evaljson_history(&v[i]));
		return cli_json_print(cli, arr);
	}
	if (n == 0) {
		printf("no changes%s%s%s\n", label != NULL ? " to \"" : "",
		    label != NULL ? label : "", label != NULL ? "\"" : "");
		return 0;
	}
	for (i = 0; i < n; i++) {
		if ((w = strlen(v[i].who)) > ww)
			ww = w > 24 ? 24 : w;
		w = strlen(v[i].entity) + 1 + strlen(v[i].label);
		if (w > wl)
			wl = w > 48 ? 48 : w;
	}
	for (i = 0; i < n; i++) {
		clock_fmt_time(v[i].at, t, sizeof(t));
		buf_printf(&b, "%s  %-*s  ", t, (int)ww, v[i].who);
		w = strlen(v[i].entity) + 1 + strlen(v[i].label);
		buf_printf(&b, "%s %s", v[i].entity, v[i].label);
		if (w < wl)
			buf_repeat(&b, " ", wl - w);
		buf_printf(&b, "  %s  ", v[i].field);
		put_value(&b, v[i].old, 60);
		buf_puts(&b, " -> ");
		put_value(&b, v[i].new, 60);
		buf_putc(&b, '\n');
	}
	rc = buf_error(&b) != ERR_OK ? cli_fail(cli, err_set(&cli->err,
	    buf_error(&b), "out of memory")) : cli_out(cli, buf_cstr(&b));
	buf_release(&b);
	return rc;
}
