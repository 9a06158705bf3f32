/*
 * cmd-pace.c: okrdesk pace: where every key result is heading, and what it
 * still takes to get there (okr/pace.h; docs/progress.md, "Pace and
 * forecast").
 *
 * One row per key result, objectives in the order status shows them
 * (owner depth, then key): the value now and the target, the improvement
 * still needed each week, the trend each week so far, the projected end
 * value and the grade it would earn, the confidence trend, and a verdict
 * (on pace, too slow, backwards, met; inside or outside for a band).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/text.h"
#include "core/clock.h"
#include "okr/eval.h"
#include "okr/evaljson.h"

#define TITLE_W		36

static int cmd_pace(struct cli *, int, char **);

const struct cmd_entry cmd_pace_entry = {
	"pace", cmd_pace, CMD_WORKSPACE,
	"pace and forecast of every key result: what it still takes",
	"usage: okrdesk pace [--cycle CYCLE] [--team TEAM] [--json]\n\n"
	"For every key result of the cycle: the value now and the target, the\n"
	"improvement still needed each week to reach the target by the cycle\n"
	"end, the trend each week so far (the least-squares line through its\n"
	"values), the value that line reaches at the end and the grade it\n"
	"would earn, the confidence trend over the last three confidences\n"
	"given, and a verdict:\n"
	"  on pace     the trend covers what is needed each week\n"
	"  too slow    the right way, not fast enough\n"
	"  backwards   moving away from the target\n"
	"  met         the target is reached (or the key result is done)\n"
	"  inside, outside   a band key result, now\n"
	"A projection needs three values at least; '—' marks what cannot be\n"
	"told yet.  Needed and trend are in the key result's unit a week;\n"
	"milestones in the share of their weight.  See docs/progress.md.\n\n"
	"  --cycle CYCLE   the cycle (default: the current one)\n"
	"  --team TEAM     only objectives owned by TEAM, the teams below it\n"
	"                  and their people\n"
	"  --json          one JSON document (see docs/cli.md)\n\n"
	"example: okrdesk pace --team \"Tier 1\"\n\n"
	"Exit status: 0 shown, 1 failed (no cycle, unknown team), 2 bad usage.\n"
};

static const char *const verdict_words[PACE_VERDICT__MAX] = {
	[PACE_UNKNOWN] = "—",
	[PACE_MET] = "met",
	[PACE_ON_PACE] = "on pace",
	[PACE_TOO_SLOW] = "too slow",
	[PACE_BACKWARDS] = "backwards",
	[PACE_INSIDE] = "inside",
	[PACE_OUTSIDE] = "outside",
};

/* The target column: "70 NPS", "85–100%", "yes", "4 milestones". */
static void
put_target(struct buf *b, const struct kr *k)
{
	switch (k->kind) {
	case KR_INCREASE:
	case KR_DECREASE:
		text_put_num(b, k->target, 0);
		text_put_unit(b, k->unit);
		break;
	case KR_BAND:
		text_put_band(b, k->low, k->high, k->unit);
		break;
	case KR_BOOLEAN:
		buf_puts(b, "yes");
		break;
	case KR_MILESTONES:
		buf_printf(b, "%zu milestones", k->nms);
		break;
	default:
		break;
	}
}

/* A share of a milestone weight as a percent: "+5%", "100%", "—". */
static void
put_share(struct buf *b, double v, int sign)
{
	if (isnan(v))
		buf_puts(b, "—");
	else if (v == 0)
		buf_puts(b, "0");
	else
		buf_printf(b, sign ? "%+.0f%%" : "%.0f%%", v * 100);
}

static void
put_conf(struct buf *b, const struct pace *p)
{
	if (p->nconf == 0) {
		buf_puts(b, "—");
		return;
	}
	buf_printf(b, "%.1f", p->conf[p->nconf - 1]);
	if (pace_trend_name(p->conf_trend) != NULL)
		buf_printf(b, " %s", pace_trend_name(p->conf_trend));
}

/* One cell into row, then padded into the line at width w. */
enum { C_REF, C_TITLE, C_NOW, C_TARGET, C_NEED, C_TREND, C_FORECAST,
	C_GRADE, C_CONF, C_PACE, C__MAX };

static const char *const heads[C__MAX] = { "key result", "", "now",
	"target", "needed/wk", "trend/wk", "forecast", "grade", "confidence",
	"pace" };

static int
pace_text(struct cli *cli, const struct cycle_eval *ce, size_t team)
{
	struct buf		 b = BUF_INIT, *cells;
	size_t			 w[C__MAX], i, j, c, nrows = 0, row;
	char			 today[16];
	const struct obj_eval	*oe;
	const struct kr_eval	*ke;
	int			 rc;

	for (i = 0; i < ce->nobjs; i++)
		if (team == EVAL_NONE ||
		    eval_owned_under(ce, &ce->objs[i], team))
			nrows += ce->objs[i].nkrs;
	if ((cells = arena_calloc(&cli->arena, (nrows + 1) * C__MAX,
	    sizeof(*cells))) == NULL)
		return cli_fail(cli, err_set(&cli->err, ERR_NOMEM,
		    "out of memory"));
	for (c = 0; c < C__MAX; c++) {
		buf_puts(&cells[c], heads[c]);
		w[c] = text_width(heads[c]);
	}
	for (i = 0, row = 1; i < ce->nobjs; i++) {
		oe = &ce->objs[i];
		if (team != EVAL_NONE && !eval_owned_under(ce, oe, team))
			continue;
		for (j = 0; j < oe->nkrs; j++, row++) {
			struct buf	*r = &cells[row * C__MAX];

			ke = &oe->krs[j];
			buf_printf(&r[C_REF], "%s/%s", ke->kr->objective,
			    ke->kr->key);
			buf_puts(&r[C_TITLE], ke->kr->title);
			if (ke->kr->kind == KR_BOOLEAN)
				buf_puts(&r[C_NOW], isnan(ke->ev.current) ?
				    "—" : ke->ev.current >= 1 ? "yes" :
				    "not yet");
			else if (ke->kr->kind == KR_MILESTONES)
				buf_printf(&r[C_NOW], "%zu done",
				    ke->ms_done);
			else
				text_put_num(&r[C_NOW], ke->ev.current, 0);
			put_target(&r[C_TARGET], ke->kr);
			if (ke->kr->kind == KR_MILESTONES) {
				/* shares of the weight read as percents */
				put_share(&r[C_NEED], ke->pace.needed_per_week,
				    1);
				put_share(&r[C_TREND], ke->pace.trend_per_week,
				    1);
				put_share(&r[C_FORECAST],
				    ke->pace.projected_progress, 0);
			} else {
				text_put_num(&r[C_NEED],
				    ke->pace.needed_per_week, 1);
				text_put_num(&r[C_TREND],
				    ke->pace.trend_per_week, 1);
			}
			if (ke->kr->kind == KR_BAND ||
			    ke->kr->kind == KR_BOOLEAN)
				buf_puts(&r[C_FORECAST], "—");
			else if (ke->kr->kind != KR_MILESTONES)
				text_put_num(&r[C_FORECAST],
				    ke->pace.projected_value, 0);
			if (isnan(ke->pace.projected_grade))
				buf_puts(&r[C_GRADE], "—");
			else
				buf_printf(&r[C_GRADE], "%.1f",
				    ke->pace.projected_grade);
			put_conf(&r[C_CONF], &ke->pace);
			buf_puts(&r[C_PACE], verdict_words[ke->pace.verdict]);
			for (c = 0; c < C__MAX; c++)
				if (text_width(buf_cstr(&r[c])) > w[c])
					w[c] = text_width(buf_cstr(&r[c]));
		}
	}
	if (w[C_TITLE] > TITLE_W)
		w[C_TITLE] = TITLE_W;

	clock_fmt_date(ce->now, today, sizeof(today));
	buf_printf(&b, "%s  ·  %s  ·  %s, week %d of %d  ·  ",
	    cli->okr->ws.name, ce->cycle.name, today, ce->week, ce->nweeks);
	if (ce->now >= ce->end)
		buf_puts(&b, "the cycle is over\n\n");
	else
		buf_printf(&b, "%.1f weeks left\n\n", (double)(ce->end -
		    (ce->now > ce->start ? ce->now : ce->start)) /
		    (double)PROGRESS_WEEK);
	if (nrows == 0)
		buf_printf(&b, "no key results in cycle %s%s yet\n",
		    ce->cycle.name, team != EVAL_NONE ? " for this team" : "");
	for (row = 0; nrows > 0 && row <= nrows; row++) {
		for (c = 0; c < C__MAX; c++) {
			if (c > 0)
				buf_puts(&b, "  ");
			text_cell(&b, buf_cstr(&cells[row * C__MAX + c]),
			    w[c]);
		}
		while (b.len > 0 && b.data[b.len - 1] == ' ')
			b.data[--b.len] = '\0';
		buf_putc(&b, '\n');
	}
	for (i = 0; i < (nrows + 1) * C__MAX; i++)
		buf_release(&cells[i]);
	rc = buf_error(&b) != ERR_OK ? cli_fail(cli, err_set(&cli->err,
	    buf_error(&b), "out of memory")) : cli_out(cli, buf_cstr(&b));
	buf_release(&b);
	return rc;
}

static int
pace_json(struct cli *cli, const struct cycle_eval *ce, size_t team)
{
	json_t			*doc, *krs;
	const struct obj_eval	*oe;
	size_t			 i, j;

	if ((doc = json_object()) == NULL || (krs = json_array()) == NULL)
		return cli_json_print(cli, NULL);
	json_object_set_new(doc, "cycle", json_string(ce->cycle.name));
	json_object_set_new(doc, "now", evaljson_time(ce->now));
	json_object_set_new(doc, "expected", json_real(ce->expected));
	for (i = 0; i < ce->nobjs; i++) {
		oe = &ce->objs[i];
		if (team != EVAL_NONE && !eval_owned_under(ce, oe, team))
			continue;
		/* each as status --json gives it, pace included */
		for (j = 0; j < oe->nkrs; j++)
			json_array_append_new(krs, evaljson_kr(cli->okr,
			    &oe->krs[j], ce->horizon));
	}
	json_object_set_new(doc, "key_results", krs);
	return cli_json_print(cli, doc);
}

static int
cmd_pace(struct cli *cli, int argc, char **argv)
{
	struct cycle_eval	 ce;
	const char		*cycle = NULL, *team = NULL;
	size_t			 ti;
	int			 i, r, json = 0;

	for (i = 1; i < argc; i++) {
		if (cli_flag(argv, i, "json")) {
			json = 1;
			continue;
		}
		if ((r = cli_opt(cli, argc, argv, &i, "cycle", &cycle)) == 0)
			r = cli_opt(cli, argc, argv, &i, "team", &team);
		if (r < 0)
			return 2;
		if (r == 0)
			return cli_usage(cli, &cmd_pace_entry, "unexpected "
			    "argument \"%s\"", argv[i]);
	}
	if ((r = cli_eval(cli, cycle, team, &ce, &ti)) != 0)
		return r;
	return json ? pace_json(cli, &ce, ti) : pace_text(cli, &ce, ti);
}
