/*
 * cmd-checkin.c: okrdesk checkin: record where a key result stands.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/parse.h"
#include "cli/cli.h"

static int cmd_checkin(struct cli *, int, char **);

const struct cmd_entry cmd_checkin_entry = {
	"checkin", cmd_checkin, CMD_WORKSPACE | CMD_WRITES,
	"record a key result's value, confidence and a note",
	"usage: okrdesk checkin OBJECTIVE/KR VALUE [--confidence C] "
	"[--note TEXT]\n"
	"                       [--at TIME] [--json]\n"
	"       okrdesk checkin OBJECTIVE/KR --done MILESTONE [--note TEXT]\n"
	"       okrdesk checkin OBJECTIVE/KR --undone MILESTONE\n"
	"       okrdesk checkin list OBJECTIVE/KR [--json]\n\n"
	"A check-in says where a key result stands now.  Weekly check-ins keep"
	"\n"
	"it current: a key result with none for the workspace's cadence plus\n"
	"grace (7 + 3 days by default) is shown outdated, never green.\n\n"
	"  VALUE               the current value (a number; yes/no for a\n"
	"                      boolean key result)\n"
	"  --confidence C      confidence of reaching the target, 0 to 1\n"
	"                      (0.7 or 70%)\n"
	"  --note TEXT         what happened, what is next\n"
	"  --at TIME           when (default now): 2026-10-05 or\n"
	"                      2026-10-05T09:30, in the workspace time zone\n"
	"  --done MILESTONE    mark a milestone of a milestones key result "
	"done\n"
	"  --undone MILESTONE  mark it not done\n\n"
	"example: okrdesk checkin fcr-85/fcr 71.5 --confidence 0.6 "
	"--note \"new macros\"\n"
};

static json_t *
checkin_json(const struct checkin *c)
{
	json_t	*j;
	char	 when[40];

	clock_fmt_time(c->at, when, sizeof(when));
	j = json_object();
	json_object_set_new(j, "id", json_integer(c->id));
	json_object_set_new(j, "at", json_string(when));
	json_object_set_new(j, "value", cli_json_num(c->value));
	json_object_set_new(j, "confidence", cli_json_num(c->confidence));
	json_object_set_new(j, "note", cli_json_str(c->note));
	json_object_set_new(j, "author", cli_json_str(c->author));
	json_object_set_new(j, "source", cli_json_str(c->source));
	return j;
}

static int
checkin_list_cmd(struct cli *cli, int argc, char **argv)
{
	struct kr	 k;
	struct checkin	*v;
	struct buf	 b = BUF_INIT;
	const char	*ref = NULL;
	char		 when[40], num[32], conf[32];
	json_t		*arr;
	size_t		 n, i;
	int		 json = 0, k_, rc;

	for (k_ = 2; k_ < argc; k_++) {
		if (cli_flag(argv, k_, "json"))
			json = 1;
		else if (ref == NULL && argv[k_][0] != '-')
			ref = argv[k_];
		else
			return cli_usage(cli, &cmd_checkin_entry,
			    "unexpected argument \"%s\"", argv[k_]);
	}
	if (ref == NULL)
		return cli_usage(cli, &cmd_checkin_entry, "checkin list needs "
		    "a key result (OBJECTIVE/KR)");
	if (kr_get(cli->okr, ref, &cli->arena, &k, &cli->err) != ERR_OK ||
	    checkin_list(cli->okr, k.id, &cli->arena, &v, &n, &cli->err)
	    != ERR_OK)
		return cli_fail(cli, cli->err.code);
	if (json) {
		arr = json_array();
		for (i = 0; i < n; i++)
			json_array_append_new(arr, checkin_json(&v[i]));
		return cli_json_print(cli, arr);
	}
	if (n == 0)
		buf_printf(&b, "no check-ins on %s yet\n", ref);
	for (i = 0; i < n; i++) {
		clock_fmt_time(v[i].at, when, sizeof(when));
		field_fmt_number(v[i].value, num, sizeof(num));
		if (isnan(v[i].confidence))
			snprintf(conf, sizeof(conf), "-");
		else
			field_fmt_number(v[i].confidence, conf, sizeof(conf));
		buf_printf(&b, "%s  %10s %s  conf %-4s  %s%s%s\n", when, num,
		    k.unit ? k.unit : "", conf, v[i].author ? v[i].author : "",
		    v[i].note ? "  " : "", v[i].note ? v[i].note : "");
	}
	rc = cli_out(cli, buf_cstr(&b));
	buf_release(&b);
	return rc;
}

static int
cmd_checkin(struct cli *cli, int argc, char **argv)
{
	struct checkin	 c;
	struct kr	 k;
	const char	*ref = NULL, *value = NULL, *done = NULL, *v;
	int		 i, r, json = 0, isdone = 1, b;

	if (argc > 1 && strcmp(argv[1], "list") == 0)
		return checkin_list_cmd(cli, argc, argv);
	checkin_defaults(&c);
	for (i = 1; i < argc; i++) {
		if (cli_flag(argv, i, "json")) {
			json = 1;
		} else if ((r = cli_opt(cli, argc, argv, &i, "confidence", &v))
		    != 0) {
			if (r < 0 || field_set(checkin_fields, &c,
			    "confidence", v, &cli->arena, &cli->err) != ERR_OK)
				return 2;
		} else if ((r = cli_opt(cli, argc, argv, &i, "note", &v))
		    != 0) {
			if (r < 0 || field_set(checkin_fields, &c, "note", v,
			    &cli->arena, &cli->err) != ERR_OK)
				return 2;
		} else if ((r = cli_opt(cli, argc, argv, &i, "at", &v)) != 0) {
			if (r < 0)
				return 2;
			if (parse_time(v, &c.at, &cli->err) != ERR_OK) {
				err_prefix(&cli->err, "at");
				return 2;
			}
		} else if ((r = cli_opt(cli, argc, argv, &i, "done", &v))
		    != 0) {
			if (r < 0)
				return 2;
			done = v;
			isdone = 1;
		} else if ((r = cli_opt(cli, argc, argv, &i, "undone", &v))
		    != 0) {
			if (r < 0)
				return 2;
			done = v;
			isdone = 0;
		} else if (ref == NULL && strncmp(argv[i], "--", 2) != 0) {
			ref = argv[i];
		} else if (value == NULL && strncmp(argv[i], "--", 2) != 0) {
			/* "-5" is a value, not an option */
			value = argv[i];
		} else
			return cli_usage(cli, &cmd_checkin_entry,
			    "unexpected argument \"%s\"", argv[i]);
	}
	if (ref == NULL)
		return cli_usage(cli, &cmd_checkin_entry, "checkin needs a key "
		    "result (OBJECTIVE/KR)");
	if (done != NULL) {
		if (value != NULL)
			return cli_usage(cli, &cmd_checkin_entry, "give a "
			    "value or --done, not both");
		if (checkin_milestone(cli->okr, ref, done, isdone, &c,
		    &cli->err) != ERR_OK)
			return cli_fail(cli, cli->err.code);
	} else {
		if (value == NULL)
			return cli_usage(cli, &cmd_checkin_entry, "checkin "
			    "needs a value (or --done MILESTONE)");
		if (field_set(checkin_fields, &c, "value", value, &cli->arena,
		    &cli->err) != ERR_OK) {
			/* a boolean key result may be checked in as yes/no */
			if (kr_get(cli->okr, ref, &cli->arena, &k, NULL)
			    != ERR_OK || k.kind != KR_BOOLEAN ||
			    parse_bool(value, &b, NULL) != ERR_OK)
				return 2;
			c.value = b;
		}
		if (checkin_add(cli->okr, ref, &c, &cli->err) != ERR_OK)
			return cli_fail(cli, cli->err.code);
	}
	if (json)
		return cli_json_print(cli, checkin_json(&c));
	printf("checked in %s\n", ref);
	return 0;
}
